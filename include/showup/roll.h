/* roll.h - a cohort's whole record: people x sessions, each cell's outcome. */
#ifndef SHOWUP_ROLL_H
#define SHOWUP_ROLL_H

#include "showup/model.h"
#include "showup/policy.h"

struct roll {
	const struct cohort *cohort;
	struct policy policy;
	int64_t now;
	struct participant_list people;		/* everyone, withdrawn too, by name */
	struct session_list sessions;		/* by start time */
	struct attendance_list facts;
	int64_t *cutoffs;			/* per session */
	enum outcome *outcomes;			/* people.n x sessions.n, row per person */
	int32_t *fact_of;			/* same shape: index into facts, or -1 */
	struct idmap person_index;		/* participant id -> row */
	struct idmap session_index;		/* session id -> column */
};

/* Loads cohort 'c' and derives every cell's outcome as of 'now'; 0 or -1 with 'e' set. */
int roll_load(struct store *st, const struct cohort *c, const struct policy *p,
    int64_t now, struct roll *out, su_err *e);
/* The outcome of person row 'i' at session column 'j'. */
enum outcome roll_outcome(const struct roll *r, size_t i, size_t j);
/* The recorded fact behind a cell, or NULL. */
const struct attendance *roll_fact(const struct roll *r, size_t i, size_t j);
void roll_free(struct roll *r);

#endif
