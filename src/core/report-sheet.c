/* report-sheet.c - a printable sign-in sheet for one session: who is expected, a column
 * for the time of arrival and one for a signature, and spare rows for walk-ins. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report-layout.h"
#include "showup/engine.h"
#include "showup/timeutil.h"

#define ROW_H 24.0
#define SPARE_ROWS 3

/* The columns: their left edges and widths. */
static const double col_x[] = { 0, 24, 200, 330, 400 };
static const double col_w[] = { 20, 170, 124, 64, 123 };

/* Draws the sheet's session block and the table head; returns the first row's top. */
static double
draw_head(struct pdf *pdf, double w, double y, const struct cohort *c, const struct session *s,
    int continued)
{
	static const char *const heads[] = { "#", "participant", "company", "arrived",
		"signature" };
	char line[512], when[48];

	snprintf(line, sizeof line, "Session %d%s%s%s", s->number, *s->title ? ": " : "",
	    s->title, continued ? " (continued)" : "");
	pdf_text(pdf, MARGIN, y, w - 2 * MARGIN, PDF_LEFT, line, 13, 1, INK);
	y -= 15;
	snprintf(line, sizeof line, "%s  ·  %s session, %d minutes%s%s  ·  coach %s",
	    time_format_human(c->tz, s->starts_at, when, sizeof when),
	    session_kind_name(s->kind), s->minutes, *s->location ? "  ·  " : "", s->location,
	    c->coach_name);
	pdf_text(pdf, MARGIN, y, w - 2 * MARGIN, PDF_LEFT, line, 9, 0, MUTED);
	y -= 22;
	for (size_t k = 0; k < ARRAY_SIZE(heads); k++)
		pdf_text(pdf, MARGIN + col_x[k], y, col_w[k], k == 0 ? PDF_RIGHT : PDF_LEFT,
		    heads[k], 8, 1, MUTED);
	y -= 5;
	pdf_line(pdf, MARGIN, y, w - MARGIN, y, 0.6, INK);
	return y;
}

/* Draws one row (a participant, or a spare row when p is NULL) under 'top'. */
static void
draw_row(struct pdf *pdf, double w, double top, int number, const struct participant *p)
{
	char n[16];
	double y = top - ROW_H / 2 - 3;

	snprintf(n, sizeof n, "%d", number);
	pdf_text(pdf, MARGIN + col_x[0], y, col_w[0], PDF_RIGHT, n, 9, 0, MUTED);
	if (p != NULL) {
		pdf_text(pdf, MARGIN + col_x[1], y, col_w[1], PDF_LEFT, p->name, 10, 0, INK);
		pdf_text(pdf, MARGIN + col_x[2], y, col_w[2], PDF_LEFT, p->company, 8.5, 0,
		    MUTED);
	}
	pdf_line(pdf, MARGIN + col_x[3], top - ROW_H + 5, MARGIN + col_x[3] + col_w[3] - 8,
	    top - ROW_H + 5, 0.4, RULE);
	pdf_line(pdf, MARGIN, top - ROW_H, w - MARGIN, top - ROW_H, 0.4, RULE);
}

/* Collects the participants session s expects, by name; the caller frees the array. */
static int
expected_people(struct store *st, const struct cohort *c, const struct session *s,
    struct participant_list *all, const struct participant ***out, size_t *n, su_err *e)
{
	*n = 0;
	if (participant_list_all(st, c->id, 1, all, e) < 0)
		return -1;
	*out = xcalloc(all->n + 1, sizeof **out);
	for (size_t i = 0; i < all->n; i++) {
		int rc = session_expects(st, s, &all->v[i], e);

		if (rc < 0)
			return -1;
		if (rc == 1)
			(*out)[(*n)++] = &all->v[i];
	}
	return 0;
}

int
report_sheet(struct store *st, const struct cohort *c, const struct session *s,
    struct report_request *rq, su_err *e)
{
	const struct participant **people = NULL;
	struct participant_list all = { 0 };
	struct pdf *pdf = NULL;
	double w = 0, h, top = 0, body;
	size_t n = 0, per_page, rows;
	int rc = -1, pages, page = 0;

	if (s->cancelled)
		return su_err_set(e, "session %s:%d was cancelled by the coach", c->slug,
		    s->number);
	if (expected_people(st, c, s, &all, &people, &n, e) < 0)
		goto done;
	if ((pdf = report_start(rq, c, "Sign-in sheet", 0, e)) == NULL)
		goto done;
	pdf_paper_size(rq->pdf.paper, 0, &w, &h);
	body = h - 2 * MARGIN - 72 - 60;
	per_page = (size_t)(body / ROW_H);
	rows = n + SPARE_ROWS;
	pages = (int)((rows + per_page - 1) / per_page);
	for (size_t r = 0; r < rows; r++) {
		if (r % per_page == 0) {
			pdf_page(pdf, &w, &h);
			draw_footer(pdf, w, c, ++page, pages);
			top = draw_heading(pdf, w, h, "Sign-in sheet", c, rq->as_of);
			top = draw_head(pdf, w, top, c, s, r > 0);
		}
		if (r < n)
			check_name(pdf, rq, people[r]);
		draw_row(pdf, w, top, (int)r + 1, r < n ? people[r] : NULL);
		top -= ROW_H;
	}
	rc = report_finish(pdf, rq, e);
	pdf = NULL;
done:
	pdf_free(pdf);
	free(people);
	participant_list_free(&all);
	return rc;
}
