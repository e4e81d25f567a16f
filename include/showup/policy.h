/* policy.h - the attendance policy and the outcome engine (pure: no I/O). */
#ifndef SHOWUP_POLICY_H
#define SHOWUP_POLICY_H

#include <stddef.h>
#include <stdint.h>

#include "showup/model.h"

/* The one outcome of an expected attendance, or why there is none (yet). */
enum outcome {
	OUTCOME_NOT_EXPECTED,	/* not on this session's list */
	OUTCOME_NOT_HELD,	/* the coach cancelled the session */
	OUTCOME_UPCOMING,	/* the session has not started, nothing recorded */
	OUTCOME_UNRECORDED,	/* the session started, nothing recorded yet */
	OUTCOME_PRESENT,
	OUTCOME_LATE,
	OUTCOME_CANCELLED,
	OUTCOME_LATE_CANCEL,
	OUTCOME_NO_SHOW,
	OUTCOME_EXCUSED,
	OUTCOME_COUNT
};

enum cutoff_kind {
	CUTOFF_DAY_BEFORE,	/* a local time of day on the day before the session */
	CUTOFF_HOURS,		/* a number of hours before the start */
};

#define POLICY_MAX_REASONS 16
#define POLICY_REASON_LEN 32

struct policy {
	enum cutoff_kind cutoff_kind;
	int cutoff_minute;	/* CUTOFF_DAY_BEFORE: minutes after local midnight */
	int cutoff_hours;	/* CUTOFF_HOURS */
	int grace_minutes;	/* lateness up to this still counts present */
	char accepted[POLICY_MAX_REASONS][POLICY_REASON_LEN];	/* emergencies */
	size_t n_accepted;
	char other[POLICY_MAX_REASONS][POLICY_REASON_LEN];	/* recorded, not accepted */
	size_t n_other;
	int points[OUTCOME_COUNT];
};

/* What the engine needs to know about one expected attendance. */
struct outcome_input {
	int expected;			/* 1 if the participant was expected */
	int session_cancelled;		/* the coach cancelled the session */
	int64_t starts_at;		/* UTC */
	int64_t cutoff;			/* UTC: a cancellation at or before it is on time */
	int64_t now;			/* UTC */
	const struct attendance *fact;	/* NULL or FACT_NONE: nothing recorded */
};

/* Fills 'p' with the defaults of domain.md. */
void policy_default(struct policy *p);
/* Returns 1 if 'code' is one of the policy's reason codes; 'accepted' ones only if asked. */
int policy_reason_known(const struct policy *p, const char *code);
int policy_reason_accepted(const struct policy *p, const char *code);
/* Appends the reason codes ("medical, personal-emergency, ...") to 'sb'. */
void policy_reasons_describe(const struct policy *p, int accepted_only, struct strbuf *sb);

/*
 * Sets *cutoff to the last moment a cancellation of a session starting at 'starts_at'
 * is on time, computed in local time of 'tz' (daylight saving cannot shift it).
 * Returns 0, or -1 if the zone cannot be used.
 */
int policy_cutoff(const struct policy *p, const char *tz, int64_t starts_at,
    int64_t *cutoff);

/* Returns the outcome of one expected attendance under policy 'p'. Pure. */
enum outcome outcome_of(const struct policy *p, const struct outcome_input *in);
/* The outcome's name as domain.md spells it ("late_cancel"). */
const char *outcome_name(enum outcome o);
/* One letter for grids: P L C X N E, '?' unrecorded, '.' not expected, '-' not held, ' ' upcoming. */
char outcome_letter(enum outcome o);
/* Returns 1 for outcomes that are final (present .. excused). */
int outcome_is_final(enum outcome o);

#endif
