/* factgrid.c - a cohort's recorded facts in 16 bytes a cell, strings interned. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "showup/factgrid.h"

/* What loading needs: the grid and where each id goes. */
struct grid_load {
	struct fact_grid *grid;
	const struct idmap *rows, *cols;
};

/* Puts fact 'a' into its cell, if its participant and session are in the grid. */
static int
put_fact(void *arg, const struct attendance *a, su_err *e)
{
	struct grid_load *gl = arg;
	struct fact_grid *g = gl->grid;
	struct fact_cell *cell;
	size_t i, j;

	(void)e;
	if (!idmap_get(gl->rows, a->participant_id, &i) ||
	    !idmap_get(gl->cols, a->session_id, &j))
		return 0;
	cell = &g->cells[i * g->nsessions + j];
	cell->detail = a->fact == FACT_CANCELLED ? a->cancelled_at
	    : a->fact == FACT_ARRIVED ? a->minutes_late : 0;
	cell->reason_fact = strpool_intern(&g->strings, a->reason) << 2 | (uint32_t)a->fact;
	cell->note = strpool_intern(&g->strings, a->note);
	return 0;
}

int
fact_grid_load(struct store *st, int64_t cohort_id, const struct idmap *rows,
    size_t npeople, const struct idmap *cols, size_t nsessions, struct fact_grid *g,
    su_err *e)
{
	struct grid_load gl = { g, rows, cols };
	size_t cells = npeople * nsessions;

	memset(g, 0, sizeof *g);
	g->npeople = npeople;
	g->nsessions = nsessions;
	g->cells = xcalloc(cells ? cells : 1, sizeof *g->cells);
	if (attendance_each(st, cohort_id, put_fact, &gl, e) < 0) {
		fact_grid_free(g);
		return -1;
	}
	return 0;
}

int
fact_grid_get(const struct fact_grid *g, size_t i, size_t j, struct attendance *out)
{
	const struct fact_cell *cell = &g->cells[i * g->nsessions + j];
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
fact_grid_free(struct fact_grid *g)
{
	free(g->cells);
	strpool_free(&g->strings);
	memset(g, 0, sizeof *g);
}
