/* SPDX-License-Identifier: Apache-2.0 */
/* report-sheet.c - a printable sign-in sheet for one session: who is expected, a column
 * for the time of arrival and one for a signature, spare rows for walk-ins, and under
 * them who cancelled already (and when), without a row to sign. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report-layout.h"
#include "showup/engine.h"
#include "showup/lang.h"
#include "showup/policy-store.h"
#include "showup/timeutil.h"

#define ROW_H 24.0
#define SPARE_ROWS 3

/* The columns: their left edges and widths. */
static const double col_x[] = { 0, 24, 200, 330, 400 };
static const double col_w[] = { 20, 170, 124, 64, 123 };

/* Draws the sheet's session block and the table head; returns the first row's top. */
static double
draw_head(struct pdf *pdf, double w, double y, const struct cohort *c, const struct session *s,
    const struct report_dates *d, int continued)
{
	const char *heads[] = { "#", pgettext("report", "participant"), pgettext("report",
		"company"), pgettext("report", "arrived"), pgettext("report", "signature") };
	char line[512], when[48], kind[160];

	snprintf(line, sizeof line, pgettext("report", "Session %d%s%s%s"), s->number,
	    *s->title ? ": " : "", s->title, continued ? pgettext("report", " (continued)") : "");
	pdf_text(pdf, MARGIN, y, w - 2 * MARGIN, PDF_LEFT, line, 13, 1, INK);
	y -= 15;
	/* TRANSLATORS: the session's kind ("group") and its length in minutes */
	snprintf(kind, sizeof kind, npgettext("report", "%s session, %d minute",
	    "%s session, %d minutes", (unsigned long)s->minutes), kind_words(s->kind),
	    s->minutes);
	snprintf(line, sizeof line, pgettext("report", "%s  ·  %s%s%s  ·  coach %s"),
	    report_time(d, s->starts_at, when, sizeof when), kind, *s->location ? "  ·  " : "",
	    s->location, c->coach_name);
	pdf_text(pdf, MARGIN, y, w - 2 * MARGIN, PDF_LEFT, line, 9, 0, MUTED);
	y -= 22;
	for (size_t k = 0; k < ARRAY_SIZE(heads); k++)
		pdf_text(pdf, MARGIN + col_x[k], y, col_w[k], k == 0 ? PDF_RIGHT : PDF_LEFT,
		    heads[k], report_fit(pdf, heads[k], col_w[k], 8, 1), 1, MUTED);
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

/*
 * Draws a line naming someone who cancelled already (not to sign), or the list's
 * title. The sheet goes round the room: when they cancelled, never why.
 */
static void
draw_cancelled(struct pdf *pdf, double w, double top, const struct roll *r, size_t i,
    size_t j, const struct report_dates *d)
{
	struct attendance buf;
	const struct attendance *a;
	char line[512], when[48];
	double y = top - ROW_H / 2 - 3;

	if (i == (size_t)-1) {
		pdf_text(pdf, MARGIN, y - 4, w - 2 * MARGIN, PDF_LEFT, pgettext("report",
		    "Cancelled already (no need to sign)"), 9, 1, MUTED);
		return;
	}
	a = roll_fact(r, i, j, &buf);
	snprintf(line, sizeof line, pgettext("report", "cancelled %s"), report_time(d,
	    a->cancelled_at, when, sizeof when));
	pdf_text(pdf, MARGIN + col_x[1], y, col_w[1], PDF_LEFT, r->people.v[i].name, 9, 0,
	    MUTED);
	pdf_text(pdf, MARGIN + col_x[2], y, w - 2 * MARGIN - col_x[2], PDF_LEFT, line, 8.5, 0,
	    MUTED);
}

/*
 * Sorts the people session column j expects (still enrolled) into those to sign
 * and those who cancelled already, by name; the caller frees both arrays.
 */
static void
expected_people(const struct roll *r, size_t j, size_t **sign, size_t *nsign,
    size_t **cancelled, size_t *ncancelled)
{
	*sign = xcalloc(r->people.n + 1, sizeof **sign);
	*cancelled = xcalloc(r->people.n + 1, sizeof **cancelled);
	*nsign = *ncancelled = 0;
	for (size_t i = 0; i < r->people.n; i++) {
		struct attendance buf;
		const struct attendance *a = roll_fact(r, i, j, &buf);

		if (r->people.v[i].status == PARTICIPANT_WITHDRAWN ||
		    roll_outcome(r, i, j) == OUTCOME_NOT_EXPECTED)
			continue;
		if (a != NULL && a->fact == FACT_CANCELLED)
			(*cancelled)[(*ncancelled)++] = i;
		else
			(*sign)[(*nsign)++] = i;
	}
}

int
report_sheet(struct store *st, const struct cohort *c, const struct session *s,
    struct report_request *rq, su_err *e)
{
	size_t *sign = NULL, *cancelled = NULL;
	struct policy pol;
	struct roll roll;
	struct report_dates dates;
	struct pdf *pdf = NULL;
	double w = 0, h, top = 0, body;
	size_t n = 0, nc = 0, per_page, rows, j;
	int rc = -1, pages, page = 0;
	const char *was = lang_now();

	if (s->cancelled)
		return su_err_set(e, "session %s:%d was cancelled by the coach", c->slug,
		    s->number);
	if (policy_load(st, c, &pol, e) < 0)
		return -1;
	if (roll_load(st, c, &pol, rq->as_of, &roll, e) < 0)
		return -1;
	report_dates_init(&dates, c, &roll.policy);
	if (!idmap_get(&roll.session_index, s->id, &j)) {
		su_err_set(e, "session %s:%d is not in the cohort", c->slug, s->number);
		goto done;
	}
	expected_people(&roll, j, &sign, &n, &cancelled, &nc);
	was = report_lang_use(c);
	if ((pdf = report_start(rq, c, pgettext("report", "Sign-in sheet"), 0, e)) == NULL)
		goto done;
	pdf_paper_size(rq->pdf.paper, 0, &w, &h);
	body = h - 2 * MARGIN - 72 - 60;
	per_page = (size_t)(body / ROW_H);
	rows = n + SPARE_ROWS + (nc > 0 ? nc + 1 : 0);	/* the cancelled under a title */
	pages = (int)((rows + per_page - 1) / per_page);
	for (size_t r = 0; r < rows; r++) {
		if (r % per_page == 0) {
			pdf_page(pdf, &w, &h);
			draw_footer(pdf, w, c, ++page, pages);
			top = draw_heading(pdf, w, h, pgettext("report", "Sign-in sheet"), c, &dates,
			    rq->as_of);
			top = draw_head(pdf, w, top, c, s, &dates, r > 0);
		}
		if (r < n)
			check_name(pdf, rq, &roll.people.v[sign[r]]);
		if (r < n + SPARE_ROWS)
			draw_row(pdf, w, top, (int)r + 1, r < n ? &roll.people.v[sign[r]] : NULL);
		else
			draw_cancelled(pdf, w, top, &roll, r == n + SPARE_ROWS ? (size_t)-1
			    : cancelled[r - n - SPARE_ROWS - 1], j, &dates);
		top -= ROW_H;
	}
	rc = report_finish(pdf, rq, e);
	pdf = NULL;
done:
	pdf_free(pdf);
	free(sign);
	free(cancelled);
	report_dates_free(&dates);
	roll_free(&roll);
	lang_use(was);
	return rc;
}
