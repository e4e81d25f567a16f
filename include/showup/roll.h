/* SPDX-License-Identifier: Apache-2.0 */
/* roll.h - a cohort's whole record loaded from the store and run through the engine. */
#ifndef SHOWUP_ROLL_H
#define SHOWUP_ROLL_H

#include "showup/engine.h"
#include "showup/factgrid.h"
#include "showup/model.h"
#include "showup/policy.h"

struct roll {
	const struct cohort *cohort;
	struct policy policy;
	const struct tz_zone *zone;		/* the cohort's, loaded once (tz_zone_find) */
	int64_t now;
	struct participant_list people;		/* everyone, withdrawn too, by name */
	struct session_list sessions;		/* by start time */
	struct fact_grid facts;			/* people.n x sessions.n, a row per person */
	struct engine_session *esessions;	/* the engine's view of sessions[j] */
	struct engine_person *epeople;		/* the engine's view of people[i] */
	int64_t *step_sent_at;			/* when their last ladder step sent
						   (steps_sent's) went, 0 for none */
	unsigned char *named;			/* same shape: on a coaching/practice list */
	struct engine_result result;		/* outcomes, figures, due steps */
	struct idmap person_index;		/* participant id -> row */
	struct idmap session_index;		/* session id -> column */
	struct engine_reschedule *reschedules;	/* places moved at their person's request,
						   in the engine's order */
	size_t nreschedules;
};

/*
 * Loads cohort 'c' with its policy 'p' and runs the engine as of 'now' (the
 * ladder steps already sent included); 0 or -1 with 'e' set.
 */
int roll_load(struct store *st, const struct cohort *c, const struct policy *p,
    int64_t now, struct roll *out, su_err *e);
/* The outcome of person row 'i' at session column 'j'. */
enum outcome roll_outcome(const struct roll *r, size_t i, size_t j);
/*
 * Fills 'buf' with the recorded fact behind a cell and returns it, or NULL if
 * none; its strings belong to the roll.
 */
const struct attendance *roll_fact(const struct roll *r, size_t i, size_t j,
    struct attendance *buf);
/*
 * What a reschedule counts as: participant 'participant_id' asked at
 * 'asked_at' to move their place at session 'session_id'; OUTCOME_NOT_EXPECTED
 * if the roll holds no such request.
 */
enum outcome roll_reschedule_outcome(const struct roll *r, int64_t participant_id,
    int64_t session_id, int64_t asked_at);
/*
 * Loads the reschedules of cohort 'c' into *out (n of them, in the engine's
 * order: by row), their rows and columns mapped by 'rows' and 'cols', each
 * judged against the cutoff of the start it left under policy 'p'; 0 or -1.
 */
int roll_load_reschedules(struct store *st, const struct cohort *c, const struct policy *p,
    const struct idmap *rows, const struct idmap *cols, struct engine_reschedule **out,
    size_t *n, su_err *e);
/* The reschedules person row 'i' asked in time so far (reschedule.max counts them). */
int roll_reschedules_in_time(const struct roll *r, size_t i);
/*
 * The outcome that brought person row 'i' points at session column 'j': the
 * cell's, or the verdict of a 1:1 there they moved late (roll_points counts both).
 */
enum outcome roll_scoring_outcome(const struct roll *r, size_t i, size_t j);
/*
 * The points person row 'i' got at session column 'j': late arrival points
 * included, and those of a 1:1 there they moved whole after its cutoff.
 */
int roll_points(const struct roll *r, size_t i, size_t j);
/*
 * Returns 1 if ladder step 'step', sent to person row 'i' at 'sent_at', still
 * stands on the record as it is now: the points the engine counted at
 * 'sent_at' (engine_points_as_of: the facts known then, a late cancellation
 * from when it came in, as corrected since; forgiveness since then does not
 * void it) still reach it. 0 when a correction took it away.
 */
int roll_step_stands(const struct roll *r, size_t i, int step, int64_t sent_at);
/* The engine's figures for person row 'i'. */
const struct engine_person_result *roll_person(const struct roll *r, size_t i);
void roll_free(struct roll *r);

/* The engine's view of participant 'p' (steps_sent left 0). */
void roll_engine_person(const struct participant *p, struct engine_person *out);
/* The engine's view of session 's' under policy 'p' in 'zone'. */
void roll_engine_session(const struct policy *p, const struct tz_zone *zone,
    const struct session *s, struct engine_session *out);
/* Returns the time zone of cohort 'c', loaded once; NULL with 'e' set if it is not installed. */
const struct tz_zone *roll_zone(const struct cohort *c, su_err *e);

#endif
