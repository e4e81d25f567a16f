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
	int64_t now;
	struct participant_list people;		/* everyone, withdrawn too, by name */
	struct session_list sessions;		/* by start time */
	struct fact_grid facts;			/* people.n x sessions.n, a row per person */
	struct engine_session *esessions;	/* the engine's view of sessions[j] */
	struct engine_person *epeople;		/* the engine's view of people[i] */
	unsigned char *named;			/* same shape: on a coaching/practice list */
	struct engine_result result;		/* outcomes, figures, due steps */
	struct idmap person_index;		/* participant id -> row */
	struct idmap session_index;		/* session id -> column */
	struct engine_asked_move *moves;	/* 1:1 sessions moved at their person's
						   request, in the engine's order */
	size_t nmoves;
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
 * 'asked_at' to move their place at session 'session_id' (the cell's outcome,
 * or for a 1:1 moved whole, the move's verdict); OUTCOME_NOT_EXPECTED if the
 * roll holds no such request.
 */
enum outcome roll_reschedule_outcome(const struct roll *r, int64_t participant_id,
    int64_t session_id, int64_t asked_at);
/*
 * Loads the 1:1 sessions moved at their person's request of the cohort 'c'
 * into *moves (n of them, in the engine's order: by row, column, time asked),
 * mapped by 'rows' and 'cols' with 'sessions' (the columns' sessions); 0 or -1.
 */
int roll_load_asked_moves(struct store *st, const struct cohort *c, const struct policy *p,
    const struct idmap *rows, const struct idmap *cols, struct engine_asked_move **moves,
    size_t *n, su_err *e);
/* The points person row 'i' got at session column 'j' (late arrival points included). */
int roll_points(const struct roll *r, size_t i, size_t j);
/* The engine's figures for person row 'i'. */
const struct engine_person_result *roll_person(const struct roll *r, size_t i);
void roll_free(struct roll *r);

/* The engine's view of participant 'p' (steps_sent left 0). */
void roll_engine_person(const struct participant *p, struct engine_person *out);
/* The engine's view of session 's' under policy 'p' in zone 'tz'; 0, or -1 with 'e' set. */
int roll_engine_session(const struct policy *p, const char *tz, const struct session *s,
    struct engine_session *out, su_err *e);

#endif
