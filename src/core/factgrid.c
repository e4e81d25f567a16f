/* SPDX-License-Identifier: Apache-2.0 */
/* factgrid.c - a cohort's recorded facts in 16 bytes a cell, strings interned. A
 * session's cells lie together: the store lists facts by session, and an import
 * loads only the sessions its file names. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "showup/factgrid.h"

/* What loading needs: the grid and where each id goes. */
struct grid_load {
	struct fact_grid *grid;
	const struct idmap *rows;
	const struct idmap *cols;	/* NULL: every fact goes to column 'column' */
	size_t column;
	int64_t last_session;	/* the session of the fact before, at column 'column' */
	int have_last;
};

/* Returns the cell of person i at session j. */
static struct fact_cell *
cell_at(const struct fact_grid *g, size_t i, size_t j)
{
	return &g->cells[j * g->npeople + i];
}

/* Puts fact 'a' into its cell, if its participant and session are in the grid. */
static int
put_fact(void *arg, const struct attendance *a, su_err *e)
{
	struct grid_load *gl = arg;
	struct fact_grid *g = gl->grid;
	struct fact_cell *cell;
	size_t i, j;

	(void)e;
	if (gl->cols != NULL && (!gl->have_last || a->session_id != gl->last_session)) {
		if (!idmap_get(gl->cols, a->session_id, &j))
			return 0;
		gl->column = j;		/* the store lists facts by session: look once */
		gl->last_session = a->session_id;
		gl->have_last = 1;
	}
	j = gl->column;
	if (!idmap_get(gl->rows, a->participant_id, &i))
		return 0;
	cell = cell_at(g, i, j);
	cell->detail = a->fact == FACT_CANCELLED ? a->cancelled_at
	    : a->fact == FACT_ARRIVED ? a->minutes_late : 0;
	cell->reason_fact = strpool_intern(&g->strings, a->reason) << 2 | (uint32_t)a->fact;
	cell->note = strpool_intern(&g->strings, a->note);
	return 0;
}

void
fact_grid_init(struct fact_grid *g, size_t npeople, size_t nsessions)
{
	size_t cells = npeople * nsessions;

	memset(g, 0, sizeof *g);
	g->npeople = npeople;
	g->nsessions = nsessions;
	g->cells = xcalloc_filled(cells ? cells : 1, sizeof *g->cells);
}

int
fact_grid_load(struct store *st, int64_t cohort_id, const struct idmap *rows,
    size_t npeople, const struct idmap *cols, size_t nsessions, struct fact_grid *g,
    su_err *e)
{
	struct grid_load gl = { g, rows, cols, 0, 0, 0 };

	fact_grid_init(g, npeople, nsessions);
	if (attendance_each(st, cohort_id, put_fact, &gl, e) < 0) {
		fact_grid_free(g);
		return -1;
	}
	return 0;
}

int
fact_grid_load_session(struct store *st, int64_t session_id, size_t j,
    const struct idmap *rows, struct fact_grid *g, su_err *e)
{
	struct grid_load gl = { g, rows, NULL, j, 0, 0 };

	return attendance_each_of_session(st, session_id, put_fact, &gl, e);
}

int
fact_grid_get(const struct fact_grid *g, size_t i, size_t j, struct attendance *out)
{
	const struct fact_cell *cell = cell_at(g, i, j);
	enum fact f = (enum fact)(cell->reason_fact & 3);

	if (f == FACT_NONE)
		return 0;
	memset(out, 0, sizeof *out);
	out->fact = f;
	if (f == FACT_ARRIVED)
		out->minutes_late = (int)cell->detail;
	if (f == FACT_CANCELLED)
		out->cancelled_at = cell->detail;
	out->reason = (char *)strpool_str(&g->strings, cell->reason_fact >> 2);
	out->note = (char *)strpool_str(&g->strings, cell->note);
	return 1;
}

void
fact_grid_clear(struct fact_grid *g)
{
	memset(g->cells, 0, g->npeople * g->nsessions * sizeof *g->cells);
	strpool_free(&g->strings);
}

void
fact_grid_free(struct fact_grid *g)
{
	free(g->cells);
	strpool_free(&g->strings);
	memset(g, 0, sizeof *g);
}
