/* SPDX-License-Identifier: Apache-2.0 */
/* factgrid.h - a cohort's recorded facts held compactly: one 16-byte cell per
 * participant and session, each distinct reason and note kept once. */
#ifndef SHOWUP_FACTGRID_H
#define SHOWUP_FACTGRID_H

#include <stddef.h>
#include <stdint.h>

#include "showup/model.h"

/* One recorded fact, its strings interned in the grid's pool. */
struct fact_cell {
	int64_t detail;		/* minutes late (arrived) or cancelled_at (cancelled) */
	uint32_t reason_fact;	/* reason id << 2 | enum fact (FACT_NONE: nothing recorded) */
	uint32_t note;		/* note id */
};

struct fact_grid {
	size_t npeople, nsessions;
	struct fact_cell *cells;	/* npeople x nsessions, a column per session */
	struct strpool strings;		/* reasons and notes */
};

/* Starts an empty grid of npeople x nsessions (memory is taken as cells fill). */
void fact_grid_init(struct fact_grid *g, size_t npeople, size_t nsessions);
/*
 * Starts a grid of npeople x nsessions and loads the facts of cohort
 * 'cohort_id' into it: a fact goes to the row 'rows' maps its participant id
 * to and the column 'cols' maps its session id to (facts of others are left
 * out). 0, or -1 with 'e' set (and the grid freed).
 */
int fact_grid_load(struct store *st, int64_t cohort_id, const struct idmap *rows,
    size_t npeople, const struct idmap *cols, size_t nsessions, struct fact_grid *g,
    su_err *e);
/* Loads the facts of session 'session_id' into column j of a grid; 0 or -1 with 'e' set. */
int fact_grid_load_session(struct store *st, int64_t session_id, size_t j,
    const struct idmap *rows, struct fact_grid *g, su_err *e);
/*
 * Fills 'out' with the fact of cell (i, j) and returns 1, or 0 if none. Its
 * strings belong to the grid (never freed by the caller); its ids are 0.
 */
int fact_grid_get(const struct fact_grid *g, size_t i, size_t j, struct attendance *out);
/* Empties every cell and lets go of the strings; the grid keeps its size. */
void fact_grid_clear(struct fact_grid *g);
void fact_grid_free(struct fact_grid *g);

#endif
