/* SPDX-License-Identifier: Apache-2.0 */
/* engine.h - the policy engine: a cohort's record in; outcomes, points, notices
 * due and refunds out. Pure: no I/O, no clock, no store. */
#ifndef SHOWUP_ENGINE_H
#define SHOWUP_ENGINE_H

#include <stddef.h>
#include <stdint.h>

#include "showup/policy.h"

/* One session as the engine sees it. */
struct engine_session {
	int64_t starts_at;	/* UTC */
	int64_t cutoff;		/* the last on-time second for a cancellation (policy_cutoff) */
	int everyone;		/* a group session: every enrolled participant is expected */
	int cancelled;		/* the coach called it off */
	int optional;		/* nobody is expected (outcome_input.optional): who came
				   shows in its tally, nowhere in rates or points */
	int64_t cancelled_at;
	int late_moves;		/* times the coach moved it after its cutoff */
};

/* Returns 1 if a session was held by 'now': it started, and the coach did not call it off. */
int engine_session_held(int cancelled, int64_t starts_at, int64_t now);

/* One participant as the engine sees them. */
struct engine_person {
	int64_t withdrawn_at;	/* 0 while active; else expected only at sessions starting before it */
	int steps_sent;		/* ladder steps already sent: the highest sent index + 1, 0 for none */
	int reviewed_points;	/* the points at the coach's latest review, 0 for none: a
				   coach review is due again only past them */
};

/*
 * A participant's request to move their place (a reschedule), judged against
 * the start it left. The place left holds a cancellation with the reserved
 * reason, whose outcome is the request's verdict; a 1:1 moved whole keeps its
 * own record at its new time, and the verdict counts beside it.
 */
struct engine_reschedule {
	size_t person, session;	/* indices: the place left (or the 1:1 moved whole) */
	int64_t asked_at;	/* UTC */
	int64_t starts_at;	/* the start it left */
	int64_t cutoff;		/* that start's cutoff */
	int whole;		/* a 1:1 moved whole */
};

struct engine_input {
	const struct policy *policy;
	int64_t now;				/* UTC */
	int64_t fee_cents;
	size_t npeople, nsessions;
	const struct engine_person *people;
	const struct engine_session *sessions;
	const unsigned char *named;		/* people x sessions, a row per person: named on a
						   coaching or practice session's list (NULL: none) */
	const struct attendance *const *facts;	/* people x sessions: the recorded fact or NULL */
	/* or, when set, the facts read one at a time: fills 'buf' with the fact of
	   person i at session j and returns it, NULL if none ('facts' unused) */
	const struct attendance *(*fact_at)(const void *ctx, size_t i, size_t j,
	    struct attendance *buf);
	const void *fact_ctx;
	const struct engine_reschedule *reschedules;	/* by person (NULL: none) */
	size_t nreschedules;
};

/* What the record means for one participant. */
struct engine_person_result {
	int expected;		/* expected at sessions held so far (started, not called off),
				   with the outcome recorded: the roll not taken yet counts later */
	int counts[OUTCOME_COUNT];	/* a 1:1 moved whole at their request counts here
					   too, as its verdict (rescheduled, late_cancel, no_show) */
	int reschedules;	/* places they asked to move, in time or not */
	int kept;		/* present + late + cancelled + excused + rescheduled */
	int broken;		/* late_cancel + no_show */
	int points;		/* points that still count (forgiveness applied) */
	double attendance_rate;	/* (present + late) / (expected - excused at those); -1 if nothing to measure */
	double commitment;	/* kept / (kept + broken); -1 when nothing to measure */
	double median_lead_hours; /* hours between each cancellation and its session's start; -1 none */
	int step_due;		/* ladder index of the notice due now, -1 none (or
				   withdrawn); never coach-review, which mails nothing */
	int next_step;		/* ladder index of the next step not yet reached, -1 none left */
	int review_due;		/* the coach-review rung reached: 1 at its threshold,
				   one more at every further point; 0 none (withdrawn, or
				   reviewed at these points already) */
	int own_sessions;	/* sessions this person is expected at, not called off */
	int own_to_come;	/* of those, the ones starting after 'now' */
	int64_t refund_cents;	/* the refund an offer made now would carry: by the
				   policy's rule, prorated over this person's own sessions */
};

/* The coach's own record: sessions held and cancelled. */
struct engine_coach_result {
	int sessions;		/* all scheduled */
	int held;		/* started and not cancelled */
	int upcoming;		/* not started, not cancelled */
	int cancelled;		/* called off by the coach */
	int late_cancelled;	/* of those, after the cutoff */
	int late_moved;		/* held or cancelled sessions the coach moved after their cutoff */
	double commitment;	/* (held + cancelled - late ones, by cancellation or move) /
				   (held + cancelled); -1 none */
};

/* What one session's record means, and the same summed over the sessions held. */
struct engine_tally {
	int counts[OUTCOME_COUNT];	/* final outcomes only */
	int expected;			/* final outcomes */
	int attended;			/* present + late */
	double attendance_rate;		/* attended / (expected - excused); -1 none, or not held */
};

struct engine_result {
	unsigned char *outcomes;		/* people x sessions: enum outcome, a byte each */
	unsigned char *reschedule_outcomes;	/* one per reschedule: its verdict */
	struct engine_person_result *people;
	struct engine_tally *sessions;		/* one per session */
	struct engine_tally held;		/* summed over the sessions held so far */
	struct engine_coach_result coach;
};

/*
 * Returns 1 if a participant is expected at a session: everyone is at a group
 * session, else only those 'named' on its list; and only while enrolled (a
 * withdrawal at 'withdrawn_at', 0 for none, ends it for sessions starting then
 * or later). The one rule every part of showup uses.
 */
int engine_expects(int everyone, int named, int64_t withdrawn_at, int64_t starts_at);

/* Returns 1 if a place with outcome 'o' stands: expected, and not called off. */
int engine_place_stands(enum outcome o);

/*
 * The outcome of one cell: person 'p' at session 's' as of 'now', 'named' on
 * its list or not, with the recorded fact 'a' (NULL: none) and, if 'a' is a
 * reschedule, its request's verdict (engine_judge_reschedules; 0: judged from
 * the fact alone). engine_run gives each cell this outcome.
 */
enum outcome engine_cell_outcome(const struct policy *pol, const struct engine_session *s,
    const struct engine_person *p, int named, int64_t now, const struct attendance *a,
    enum outcome verdict);

/*
 * Judges the n reschedules of one person 'r' (in any order) into verdicts[]:
 * each against the cutoff of the start it left, the ones asked in time counted
 * in the order they were asked for reschedule.max.
 */
void engine_judge_reschedules(const struct policy *p, const struct engine_reschedule *r,
    size_t n, unsigned char *verdicts);
/* The verdict of the place person i left at session j in r[0..n) ('verdicts' theirs), or 0. */
enum outcome engine_place_verdict(const struct engine_reschedule *r,
    const unsigned char *verdicts, size_t n, size_t i, size_t j);

/* Evaluates the whole record; 'out' is freed with engine_result_free. */
void engine_run(const struct engine_input *in, struct engine_result *out);
void engine_result_free(struct engine_result *r);

/*
 * Returns 1 if fact 'a' of a session starting at 'starts_at' was on the record
 * at 'at': a cancellation (a reschedule's too) from when it came in, before
 * the session or after; what was seen (an arrival, an absence, an excuse) from
 * the session's start. The engine counts a fact's points from that moment.
 */
int engine_fact_known(const struct attendance *a, int64_t starts_at, int64_t at);

/*
 * The points person row 'i' of 'in' had at 'at' (before in->now), as the engine
 * counted them then on the record as it is now: only the facts known by then
 * (engine_fact_known) and the reschedules asked by then, a withdrawal after it
 * not yet made, forgiveness as of then. Corrections made since count; what
 * came in since does not.
 */
int engine_points_as_of(const struct engine_input *in, size_t i, int64_t at);

/* The outcome of person i at session j (a row per person). */
static inline enum outcome
engine_outcome(const struct engine_result *r, size_t nsessions, size_t i, size_t j)
{
	return (enum outcome)r->outcomes[i * nsessions + j];
}

/*
 * The points one outcome adds as of 'now': the policy's points for it, or 0 once
 * forgiven (the session started more than forgive_days before 'now').
 */
int engine_cell_points(const struct policy *p, enum outcome o, int64_t starts_at, int64_t now);

/*
 * The points one outcome adds with its recorded fact 'a' (NULL: none): those of
 * engine_cell_points, and points.late_arrival for a late arrival more than
 * late.threshold minutes late (when the threshold is on); 0 once forgiven.
 */
int engine_fact_points(const struct policy *p, enum outcome o, const struct attendance *a,
    int64_t starts_at, int64_t now);

/*
 * The refund by the policy's rule: full fee, none, or prorated = fee x remaining /
 * total sessions, rounded up to the cent (in the participant's favour); the full
 * fee when total is 0. engine_run passes a participant's own sessions: those they
 * are expected at and not called off ('total'), and of those the ones still to
 * start ('remaining').
 */
int64_t engine_refund(const struct policy *p, int64_t fee_cents, size_t total, size_t remaining);

/*
 * The ladder step due for 'points' when 'steps_sent' steps went out already:
 * the highest mailed step reached, if it is beyond those sent; -1 if none. Lower
 * steps skipped on the way are not sent: one notice says it all. A final
 * coach-review step is never due here (see engine_review_due).
 */
int engine_step_due(const struct policy *p, int points, int steps_sent);

/*
 * The coach review due for 'points': 0 below the ladder's coach-review step (or
 * without one), else 1 at its threshold and one more at every further point, so
 * each broken commitment after the last notice calls for a review again.
 */
int engine_review_due(const struct policy *p, int points);

/* The median of n values (sorted in place); -1 when n is 0. */
double engine_median(double *v, size_t n);

#endif
