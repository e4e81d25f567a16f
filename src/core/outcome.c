/* SPDX-License-Identifier: Apache-2.0 */
/* outcome.c - the outcome engine: facts and policy in, one outcome out. No I/O. */
#include "config.h"

#include <string.h>

#include "showup/policy.h"

static const char *const outcome_names[OUTCOME_COUNT] = {
	[OUTCOME_NOT_EXPECTED] = "not_expected",
	[OUTCOME_NOT_HELD] = "not_held",
	[OUTCOME_UPCOMING] = "upcoming",
	[OUTCOME_UNRECORDED] = "unrecorded",
	[OUTCOME_PRESENT] = "present",
	[OUTCOME_LATE] = "late",
	[OUTCOME_CANCELLED] = "cancelled",
	[OUTCOME_LATE_CANCEL] = "late_cancel",
	[OUTCOME_NO_SHOW] = "no_show",
	[OUTCOME_EXCUSED] = "excused",
	[OUTCOME_RESCHEDULED] = "rescheduled",
};

static const char outcome_letters[OUTCOME_COUNT] = {
	[OUTCOME_NOT_EXPECTED] = '.',
	[OUTCOME_NOT_HELD] = '-',
	[OUTCOME_UPCOMING] = ' ',
	[OUTCOME_UNRECORDED] = '?',
	[OUTCOME_PRESENT] = 'P',
	[OUTCOME_LATE] = 'L',
	[OUTCOME_CANCELLED] = 'C',
	[OUTCOME_LATE_CANCEL] = 'X',
	[OUTCOME_NO_SHOW] = 'N',
	[OUTCOME_EXCUSED] = 'E',
	[OUTCOME_RESCHEDULED] = 'R',
};

const char *
outcome_name(enum outcome o)
{
	return (unsigned)o < OUTCOME_COUNT ? outcome_names[o] : "?";
}

char
outcome_letter(enum outcome o)
{
	return (unsigned)o < OUTCOME_COUNT ? outcome_letters[o] : '?';
}

int
outcome_is_final(enum outcome o)
{
	return o >= OUTCOME_PRESENT && o < OUTCOME_COUNT;
}

int
outcome_fact_rescheduled(const struct attendance *a)
{
	return a != NULL && a->fact == FACT_CANCELLED && a->reason != NULL &&
	    strcmp(a->reason, POLICY_RESCHEDULE_REASON) == 0;
}


enum outcome
outcome_of_reschedule(const struct policy *p, int64_t asked_at, int64_t starts_at,
    int64_t cutoff, int before)
{
	if (asked_at >= starts_at)
		return OUTCOME_NO_SHOW;
	if (asked_at > cutoff || (p->reschedule_max >= 0 && before >= p->reschedule_max))
		return OUTCOME_LATE_CANCEL;
	return OUTCOME_RESCHEDULED;
}

/* The outcome of a participant's own cancellation. */
static enum outcome
cancellation_outcome(const struct policy *p, const struct outcome_input *in)
{
	const struct attendance *a = in->fact;
	int emergency;

	if (outcome_fact_rescheduled(a))
		return in->reschedule_verdict != 0 ? in->reschedule_verdict
		    : outcome_of_reschedule(p, a->cancelled_at, in->starts_at, in->cutoff, 0);
	emergency = policy_reason_accepted(p, a->reason);

	if (a->cancelled_at >= in->starts_at)	/* too late to be a cancellation */
		return emergency ? OUTCOME_EXCUSED : OUTCOME_NO_SHOW;
	if (a->cancelled_at <= in->cutoff)
		return OUTCOME_CANCELLED;	/* the cutoff second itself is on time */
	return emergency ? OUTCOME_EXCUSED : OUTCOME_LATE_CANCEL;
}

enum outcome
outcome_of(const struct policy *p, const struct outcome_input *in)
{
	const struct attendance *a = in->fact;

	if (!in->expected)
		return OUTCOME_NOT_EXPECTED;
	if (in->session_cancelled)
		return OUTCOME_NOT_HELD;
	if (in->optional && (a == NULL || a->fact != FACT_ARRIVED))
		return OUTCOME_NOT_EXPECTED;	/* may come, need not: nothing owed */
	if (a == NULL || a->fact == FACT_NONE)
		return in->now < in->starts_at ? OUTCOME_UPCOMING : OUTCOME_UNRECORDED;
	switch (a->fact) {
	case FACT_ARRIVED:
		return a->minutes_late > p->grace_minutes ? OUTCOME_LATE : OUTCOME_PRESENT;
	case FACT_ABSENT:
		return policy_reason_accepted(p, a->reason) ? OUTCOME_EXCUSED
		    : OUTCOME_NO_SHOW;
	case FACT_CANCELLED:
		return cancellation_outcome(p, in);
	case FACT_NONE:
		break;
	}
	return OUTCOME_UNRECORDED;
}
