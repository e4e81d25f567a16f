/* SPDX-License-Identifier: Apache-2.0 */
/* report-attendance.c - the cohort at a glance: figures, a chart of each session's
 * attendance, those at risk, and every expected attendance in a coloured matrix. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report-layout.h"
#include "showup/ladder.h"
#include "showup/lang.h"
#include "showup/timeutil.h"

#define ROW_H 11.0		/* a matrix row */
#define CELL_W 15.0		/* a matrix cell */
#define NAME_W 150.0		/* the name column */
#define FIGS_W 96.0		/* rate, commitment, points at the right */
#define CHART_H 120.0

/* Everything one report needs, loaded once. */
struct attendance_report {
	struct pdf *pdf;
	struct report_request *rq;
	const struct cohort *c;
	struct roll roll;
	struct report_dates dates;
	struct refund_offer_list offers;
	size_t *risk;		/* rows of people at risk, most points first */
	size_t nrisk;
	double w, h;
	int page, pages;
	size_t cols_per_block, rows_per_page, risk_rows_first, risk_rows_more;
	const char *letters[OUTCOME_COUNT];	/* each outcome's letter, in the language */
};

/* Starts a page with the heading; returns the y below it. */
static double
new_page(struct attendance_report *ar)
{
	pdf_page(ar->pdf, &ar->w, &ar->h);
	ar->page++;
	draw_footer(ar->pdf, ar->w, ar->c, ar->page, ar->pages);
	return draw_heading(ar->pdf, ar->w, ar->h, pgettext("report", "Attendance report"), ar->c,
	    &ar->dates,
	    ar->rq->as_of);
}

/* Draws the six figures of the cohort in a row; returns the y below them. */
static double
draw_summary(struct attendance_report *ar, double y)
{
	const struct engine_tally *t = &ar->roll.result.held;
	const struct engine_coach_result *k = &ar->roll.result.coach;
	double gap = 8, bw = (ar->w - 2 * MARGIN - 5 * gap) / 6, bh = 52;
	char v[6][32], n[6][64];
	const char *labels[6] = { pgettext("report", "Sessions held"),
		pgettext("report", "Attendance rate"), pgettext("report", "Late cancellations"),
		pgettext("report", "No-shows"), pgettext("report", "Excused absences"),
		pgettext("report", "Coach's late cancellations") };

	snprintf(v[0], sizeof v[0], "%d", k->held);
	snprintf(n[0], sizeof n[0], npgettext("report", "of %d scheduled, %d to come",
	    "of %d scheduled, %d to come", (unsigned long)k->sessions), k->sessions, k->upcoming);
	percent_text(t->attendance_rate, v[1], sizeof v[1]);
	snprintf(n[1], sizeof n[1], npgettext("report", "%d of %d expected", "%d of %d expected",
	    (unsigned long)t->expected), t->attended, t->expected);
	snprintf(v[2], sizeof v[2], "%d", t->counts[OUTCOME_LATE_CANCEL]);
	snprintf(n[2], sizeof n[2], "%s", pgettext("report", "after the cutoff"));
	snprintf(v[3], sizeof v[3], "%d", t->counts[OUTCOME_NO_SHOW]);
	snprintf(n[3], sizeof n[3], "%s", pgettext("report", "no word before the start"));
	snprintf(v[4], sizeof v[4], "%d", t->counts[OUTCOME_EXCUSED]);
	snprintf(n[4], sizeof n[4], "%s", pgettext("report", "accepted emergencies"));
	snprintf(v[5], sizeof v[5], "%d", k->late_cancelled);
	snprintf(n[5], sizeof n[5], npgettext("report", "of %d called off by the coach",
	    "of %d called off by the coach", (unsigned long)k->cancelled), k->cancelled);
	for (int i = 0; i < 6; i++)
		draw_figure(ar->pdf, MARGIN + i * (bw + gap), y - bh, bw, bh, labels[i], v[i],
		    n[i]);
	return y - bh - 20;
}

/* Writes how the sessions of one kind went: "4 held, 3 of 4 attended (75%)". */
static void
kind_summary(const struct attendance_report *ar, enum session_kind kind, char *buf,
    size_t size)
{
	int held = 0, attended = 0, counted = 0;
	char rate[16];

	for (size_t j = 0; j < ar->roll.sessions.n; j++) {
		const struct engine_tally *t = &ar->roll.result.sessions[j];

		if (ar->roll.sessions.v[j].kind != kind || t->attendance_rate < 0)
			continue;
		held++;
		attended += t->attended;
		counted += t->expected - t->counts[OUTCOME_EXCUSED];
	}
	if (held == 0)
		snprintf(buf, size, "%s", pgettext("report", "none held"));
	else
		snprintf(buf, size, npgettext("report", "%d held, %d of %d attended (%s)",
		    "%d held, %d of %d attended (%s)", (unsigned long)held), held, attended, counted,
		    percent_text(counted ? (double)attended / counted : -1, rate, sizeof rate));
}

/*
 * Draws each group session's attendance rate as a bar, in date order, its axes
 * labelled; the one-person coaching and practice sessions (0% or 100% each) are
 * summed up in a line under it. Returns the y below.
 */
static double
draw_chart(struct attendance_report *ar, double y)
{
	const struct session_list *sl = &ar->roll.sessions;
	size_t *group = xcalloc(sl->n + 1, sizeof *group), ng = 0;
	double x0 = MARGIN + 40, width = ar->w - MARGIN - x0, base = y - CHART_H;
	double step, bar_h = CHART_H - 16;
	size_t label_every;
	char coaching[96], practice[96], line[256];
	const char *word;

	for (size_t j = 0; j < sl->n; j++)
		if (sl->v[j].kind == SESSION_GROUP)
			group[ng++] = j;
	step = ng ? width / (double)ng : width;
	label_every = (size_t)(14.0 / step) + 1;
	pdf_text(ar->pdf, MARGIN, y, 400, PDF_LEFT, pgettext("report",
	    "Attendance rate of each group session"), 9.5, 1, INK);
	word = pgettext("report", "rate");
	pdf_text(ar->pdf, MARGIN, base + bar_h / 2 - 2.5, 20, PDF_LEFT, word,
	    report_fit(ar->pdf, word, 20, 6.5, 1), 1, MUTED);
	for (int pct = 0; pct <= 100; pct += 25) {
		char label[16];	/* "100%": room for any int, as GCC asks */
		double ly = base + bar_h * pct / 100.0;

		percent_text(pct / 100.0, label, sizeof label);
		pdf_line(ar->pdf, x0, ly, ar->w - MARGIN, ly, 0.3, RULE);
		pdf_text(ar->pdf, x0 - 28, ly - 2.5, 24, PDF_RIGHT, label, 6.5, 0, MUTED);
	}
	for (size_t k = 0; k < ng; k++) {
		size_t j = group[k];
		const struct engine_tally *t = &ar->roll.result.sessions[j];
		double bx = x0 + (double)k * step + step * 0.15, bw = step * 0.7;
		char number[16];

		if (t->attendance_rate > 0)
			pdf_box(ar->pdf, bx, base, bw, bar_h * t->attendance_rate, &ACCENT, NULL);
		else if (t->attendance_rate == 0)	/* held, nobody came: a mark, not nothing */
			pdf_box(ar->pdf, bx, base, bw, 1.5, &ACCENT, NULL);
		else if (sl->v[j].cancelled)
			pdf_box(ar->pdf, bx, base, bw, 3, &RULE, NULL);
		if (k % label_every == 0) {
			snprintf(number, sizeof number, "%d", sl->v[j].number);
			pdf_text(ar->pdf, x0 + (double)k * step - 6, base - 9, step + 12, PDF_CENTER,
			    number, 6, 0, MUTED);
		}
	}
	word = pgettext("report", "session");
	pdf_text(ar->pdf, MARGIN, base - 9, 36, PDF_LEFT, word, report_fit(ar->pdf, word, 36,
	    6.5, 1), 1, MUTED);
	if (ng == 0)
		pdf_text(ar->pdf, x0 + 8, base + bar_h / 2, 300, PDF_LEFT, pgettext("report",
		    "no group sessions"), 8, 0, MUTED);
	kind_summary(ar, SESSION_COACHING, coaching, sizeof coaching);
	kind_summary(ar, SESSION_PRACTICE, practice, sizeof practice);
	snprintf(line, sizeof line, pgettext("report",
	    "One-person sessions, apart: coaching (1:1) %s;  practice %s"), coaching, practice);
	pdf_text(ar->pdf, MARGIN, base - 22, ar->w - 2 * MARGIN, PDF_LEFT, line, 7.5, 0, INK);
	free(group);
	return base - 36;
}

/*
 * Writes the ladder's word on person i: the offer that is open, else the notice
 * or review due, the next step or "ladder done"; then how their last offer ended
 * ("refund offer expired", "declined") when it did.
 */
static void
risk_reason(struct attendance_report *ar, size_t i, char *buf, size_t size)
{
	const struct engine_person_result *pr = roll_person(&ar->roll, i);
	const struct policy *pol = &ar->roll.policy;
	enum offer_state state = OFFER_OPEN;
	const struct refund_offer *o = offer_as_of(&ar->offers, ar->roll.people.v[i].id,
	    ar->rq->as_of, &state);
	char money[48], until[48], ended[96] = "";

	if (o != NULL && state == OFFER_OPEN) {
		snprintf(buf, size, pgettext("report", "refund offer open: %s until %s"),
		    report_amount(o->amount_cents, o->currency, money, sizeof money),
		    report_time(&ar->dates, o->expires_at, until, sizeof until));
		return;
	}
	if (o != NULL)
		snprintf(ended, sizeof ended, pgettext("report", "; refund offer %s"),
		    offer_words(state));
	if (pr->step_due >= 0)
		snprintf(buf, size, pgettext("report", "%s due%s"),
		    ladder_words(pol->ladder[pr->step_due].kind), ended);
	else if (pr->review_due > 0)
		snprintf(buf, size, pgettext("report", "%s #%d due%s"),
		    ladder_words(POLICY_COACH_REVIEW), pr->review_due, ended);
	else if (pr->next_step >= 0)
		snprintf(buf, size, pgettext("report", "%s at %d%s"),
		    ladder_words(pol->ladder[pr->next_step].kind),
		    pol->ladder[pr->next_step].threshold, ended);
	else
		snprintf(buf, size, pgettext("report", "ladder done%s"), ended);
}

/* Draws rows [from, to) of the at-risk list under a header at y; returns the y below. */
static double
draw_risk(struct attendance_report *ar, double y, size_t from, size_t to)
{
	double cx[5] = { MARGIN, MARGIN + 170, MARGIN + 360, MARGIN + 420, MARGIN + 480 };

	pdf_text(ar->pdf, MARGIN, y, 400, PDF_LEFT, from == 0 ? pgettext("report",
	    "Participants at risk") : pgettext("report", "Participants at risk (continued)"),
	    9.5, 1, INK);
	y -= 14;
	if (ar->nrisk == 0) {
		pdf_text(ar->pdf, MARGIN, y, 500, PDF_LEFT, pgettext("report", "Nobody: no "
		    "points, no notice due and no refund offer open."), 8.5, 0, MUTED);
		return y - 14;
	}
	pdf_text(ar->pdf, cx[0], y, 160, PDF_LEFT, pgettext("report", "participant"), 7.5, 1,
	    MUTED);
	pdf_text(ar->pdf, cx[1], y, 180, PDF_LEFT, pgettext("report", "e-mail"), 7.5, 1, MUTED);
	pdf_text(ar->pdf, cx[2], y, 50, PDF_RIGHT, pgettext("report", "points"), 7.5, 1, MUTED);
	pdf_text(ar->pdf, cx[3], y, 50, PDF_RIGHT, pgettext("report", "rate"), 7.5, 1, MUTED);
	pdf_text(ar->pdf, cx[4], y, ar->w - MARGIN - cx[4], PDF_LEFT, pgettext("report",
	    "the ladder"), 7.5, 1, MUTED);
	y -= 4;
	pdf_line(ar->pdf, MARGIN, y, ar->w - MARGIN, y, 0.4, RULE);
	y -= 10;
	for (size_t k = from; k < to; k++, y -= 11) {
		size_t i = ar->risk[k];
		const struct participant *p = &ar->roll.people.v[i];
		const struct engine_person_result *pr = roll_person(&ar->roll, i);
		char points[16], rate[16], why[256];

		snprintf(points, sizeof points, "%d", pr->points);
		risk_reason(ar, i, why, sizeof why);
		pdf_text(ar->pdf, cx[0], y, 160, PDF_LEFT, p->name, 8, 0, INK);
		pdf_text(ar->pdf, cx[1], y, 180, PDF_LEFT, p->email, 8, 0, INK);
		pdf_text(ar->pdf, cx[2], y, 50, PDF_RIGHT, points, 8, 1, INK);
		pdf_text(ar->pdf, cx[3], y, 50, PDF_RIGHT, percent_text(pr->attendance_rate,
		    rate, sizeof rate), 8, 0, INK);
		pdf_text(ar->pdf, cx[4], y, ar->w - MARGIN - cx[4], PDF_LEFT, why,
		    report_fit(ar->pdf, why, ar->w - MARGIN - cx[4], 8, 0), 0, INK);
	}
	return y;
}

/* Draws the heads of the figures right of the matrix, from x, baseline y. */
static void
draw_figure_heads(struct attendance_report *ar, double x, double y)
{
	/* TRANSLATORS: column heads 30 to 36 points wide: short words */
	const char *heads[] = { pgettext("report", "rate"), pgettext("report", "commit"),
		pgettext("report", "points") };
	const double hx[] = { 0, 30, 66 }, hw[] = { 30, 36, 30 };

	for (int k = 0; k < 3; k++)
		pdf_text(ar->pdf, x + hx[k], y, hw[k], PDF_RIGHT, heads[k],
		    report_fit(ar->pdf, heads[k], hw[k] - 2, 7, 1), 1, MUTED);
}

/* Draws the matrix's column heads for sessions [j0, j1) at y; returns the first row's y. */
static double
draw_matrix_head(struct attendance_report *ar, double y, size_t j0, size_t j1)
{
	double x = MARGIN + NAME_W;
	char text[32], wd[8];

	pdf_text(ar->pdf, MARGIN, y - 8, NAME_W, PDF_LEFT, pgettext("report", "participant"),
	    7.5, 1, MUTED);
	for (size_t j = j0; j < j1; j++, x += CELL_W) {
		const struct session *s = &ar->roll.sessions.v[j];

		report_day(&ar->dates, s->starts_at, text, sizeof text, wd, sizeof wd);
		pdf_text(ar->pdf, x - 1, y - 8, CELL_W + 2, PDF_CENTER, text, 4.8, 0, MUTED);
		pdf_text(ar->pdf, x - 1, y + 8, CELL_W + 2, PDF_CENTER, wd, 4.8, 0, MUTED);
		snprintf(text, sizeof text, "%d%s", s->number, s->optional ? "*" : "");
		pdf_text(ar->pdf, x, y, CELL_W, PDF_CENTER, text, 7, 1, INK);
	}
	x += 6;
	draw_figure_heads(ar, x, y - 8);
	y -= 12;
	pdf_line(ar->pdf, MARGIN, y, x + FIGS_W, y, 0.5, INK);
	return y - ROW_H;
}

/*
 * Draws person i's cells of sessions j0..j1 on the row at y: the tints first, then the
 * letters over them, so the colour is set once for a run of like cells and once for
 * the letters (a cell's letter stays within it: the order shows nowhere).
 */
static void
draw_matrix_cells(struct attendance_report *ar, size_t i, size_t j0, size_t j1, double y)
{
	double x = MARGIN + NAME_W;

	for (size_t j = j0; j < j1; j++, x += CELL_W) {
		enum outcome o = roll_outcome(&ar->roll, i, j);
		struct rgb tint = outcome_tint(o);

		if (o != OUTCOME_NOT_EXPECTED && o != OUTCOME_UPCOMING)
			pdf_box(ar->pdf, x + 0.6, y - 2.6, CELL_W - 1.2, ROW_H - 1.2, &tint, NULL);
	}
	x = MARGIN + NAME_W;
	for (size_t j = j0; j < j1; j++, x += CELL_W) {
		enum outcome o = roll_outcome(&ar->roll, i, j);
		const char *letter = ar->letters[o];

		if (letter[0] != ' ')
			pdf_text(ar->pdf, x, y, CELL_W, PDF_CENTER, letter, 6.5,
			    outcome_is_final(o), o == OUTCOME_NOT_EXPECTED ? RULE : INK);
	}
}

/* Draws person i's row over sessions [j0, j1) with its figures, baseline y. */
static void
draw_matrix_row(struct attendance_report *ar, size_t i, size_t j0, size_t j1, double y)
{
	const struct engine_person_result *pr = roll_person(&ar->roll, i);
	const struct participant *p = &ar->roll.people.v[i];
	double x = MARGIN + NAME_W;
	char rate[16], commit[16], points[16];

	pdf_text(ar->pdf, MARGIN, y, NAME_W - 6, PDF_LEFT, p->name, 7.5, 0,
	    p->status == PARTICIPANT_WITHDRAWN ? MUTED : INK);
	draw_matrix_cells(ar, i, j0, j1, y);
	x += (double)(j1 - j0) * CELL_W + 6;
	snprintf(points, sizeof points, "%d", pr->points);
	pdf_text(ar->pdf, x, y, 30, PDF_RIGHT, percent_text(pr->attendance_rate, rate,
	    sizeof rate), 7, 0, INK);
	pdf_text(ar->pdf, x + 30, y, 36, PDF_RIGHT, percent_text(pr->commitment, commit,
	    sizeof commit), 7, 0, INK);
	pdf_text(ar->pdf, x + 66, y, 30, PDF_RIGHT, points, 7, pr->points > 0, INK);
}

/* Draws the per-session totals under the rows: attended, expected, and the rate in %. */
static double
draw_matrix_totals(struct attendance_report *ar, double y, size_t j0, size_t j1)
{
	const char *labels[] = { pgettext("report", "attended"), pgettext("report", "expected"),
		pgettext("report", "attendance rate (%)") };
	double x = MARGIN + NAME_W;

	pdf_line(ar->pdf, MARGIN, y + ROW_H - 2, x + (double)(j1 - j0) * CELL_W + 6 + FIGS_W,
	    y + ROW_H - 2, 0.5, INK);
	for (int k = 0; k < 3; k++)
		pdf_text(ar->pdf, MARGIN, y - k * ROW_H, NAME_W, PDF_LEFT, labels[k], 7, 1, MUTED);
	for (size_t j = j0; j < j1; j++, x += CELL_W) {
		const struct engine_tally *t = &ar->roll.result.sessions[j];
		char v[3][16];

		snprintf(v[0], sizeof v[0], "%d", t->attended);
		snprintf(v[1], sizeof v[1], "%d", t->expected);
		if (t->attendance_rate >= 0)
			snprintf(v[2], sizeof v[2], "%.0f", t->attendance_rate * 100);
		else
			snprintf(v[2], sizeof v[2], "-");
		for (int k = 0; k < 3; k++)
			pdf_text(ar->pdf, x, y - k * ROW_H, CELL_W, PDF_CENTER, v[k], 5.5, 0, INK);
	}
	return y - 3 * ROW_H;
}

/* The outcomes the legend explains, in its order. */
static const enum outcome legend_shown[] = { OUTCOME_PRESENT, OUTCOME_LATE,
	OUTCOME_CANCELLED, OUTCOME_LATE_CANCEL, OUTCOME_NO_SHOW, OUTCOME_EXCUSED,
	OUTCOME_RESCHEDULED, OUTCOME_NOT_HELD, OUTCOME_UNRECORDED, OUTCOME_NOT_EXPECTED };

/* Returns the legend's width at type size 'size' (its words are the language's). */
static double
legend_width(struct attendance_report *ar, double size)
{
	double w = 0;

	for (size_t k = 0; k < ARRAY_SIZE(legend_shown); k++)
		w += 28 + pdf_text_width(ar->pdf, outcome_words(legend_shown[k]), size, 0);
	return w - 10;
}

/* Draws the legend of letters and colours at the foot of a matrix page, its type
 * smaller when the language's words would run past the page's width. */
static void
draw_legend(struct attendance_report *ar)
{
	double x = MARGIN, y = MARGIN + 2, size = 6.5, room = ar->w - 2 * MARGIN;
	double wide = legend_width(ar, size);
	double boxes = 28.0 * ARRAY_SIZE(legend_shown) - 10;	/* and the gaps */

	if (wide > room && wide > boxes)	/* the boxes keep their size, the words shrink */
		size = size * (room - boxes) / (wide - boxes);
	for (size_t k = 0; k < ARRAY_SIZE(legend_shown); k++) {
		enum outcome o = legend_shown[k];
		struct rgb tint = outcome_tint(o);
		const char *words = outcome_words(o);

		pdf_box(ar->pdf, x, y - 2.5, 11, 10, &tint, &RULE);
		pdf_text(ar->pdf, x, y, 11, PDF_CENTER, ar->letters[o], 6.5, 1, INK);
		pdf_text(ar->pdf, x + 14, y, 110, PDF_LEFT, words, size, 0, MUTED);
		x += 18 + pdf_text_width(ar->pdf, words, size, 0) + 10;
	}
	for (size_t j = 0; j < ar->roll.sessions.n; j++)
		if (ar->roll.sessions.v[j].optional) {
			pdf_text(ar->pdf, x, y, 160, PDF_LEFT, "* optional: nobody expected",
			    6.5, 0, MUTED);
			break;
		}
}

/* Draws one page of the matrix: rows [r0, r1) over sessions [j0, j1). */
static void
draw_matrix_page(struct attendance_report *ar, size_t r0, size_t r1, size_t j0, size_t j1)
{
	double y = new_page(ar);
	char title[320], from[48], to[48];

	/* the columns are sessions by date, whatever their numbers: count and dates tell */
	snprintf(title, sizeof title, npgettext("report", "Every expected attendance: %zu "
	    "session, %s to %s (columns %zu to %zu of %zu)", "Every expected attendance: %zu "
	    "sessions, %s to %s (columns %zu to %zu of %zu)", j1 - j0), j1 - j0,
	    report_time(&ar->dates, ar->roll.sessions.v[j0].starts_at, from, sizeof from),
	    report_time(&ar->dates, ar->roll.sessions.v[j1 - 1].starts_at, to, sizeof to),
	    j0 + 1, j1, ar->roll.sessions.n);
	pdf_text(ar->pdf, MARGIN, y, ar->w - 2 * MARGIN, PDF_LEFT, title, 9.5, 1, INK);
	y = draw_matrix_head(ar, y - 16, j0, j1);
	for (size_t i = r0; i < r1; i++, y -= ROW_H) {
		if ((i - r0) % 2 == 1) {
			const struct rgb band = { 0.975, 0.98, 0.985 };

			pdf_box(ar->pdf, MARGIN, y - 2.8, ar->w - 2 * MARGIN, ROW_H, &band, NULL);
		}
		draw_matrix_row(ar, i, j0, j1, y);
	}
	draw_matrix_totals(ar, y, j0, j1);
	draw_legend(ar);
}

/*
 * Returns 1 if person i is at risk: still enrolled, with points above zero
 * (whatever the ladder's state), a notice due, or a refund offer open.
 */
static int
at_risk(struct attendance_report *ar, size_t i)
{
	const struct engine_person_result *pr = roll_person(&ar->roll, i);
	enum offer_state state;
	const struct refund_offer *o = offer_as_of(&ar->offers, ar->roll.people.v[i].id,
	    ar->rq->as_of, &state);

	if (ar->roll.people.v[i].status == PARTICIPANT_WITHDRAWN)
		return 0;
	return pr->points > 0 || pr->step_due >= 0 || (o && state == OFFER_OPEN);
}

static const struct roll *sort_roll;

/* Most points first, then by name. */
static int
compare_risk(const void *pa, const void *pb)
{
	size_t a = *(const size_t *)pa, b = *(const size_t *)pb;
	int da = roll_person(sort_roll, a)->points, db = roll_person(sort_roll, b)->points;

	if (da != db)
		return db - da;
	return strcmp(sort_roll->people.v[a].name, sort_roll->people.v[b].name);
}

void
attendance_layout(enum pdf_paper paper, size_t people, size_t sessions, size_t risk,
    struct attendance_layout *out)
{
	size_t blocks, pages_per_block;
	double w, h, body;

	if (people == 0)
		people = 1;
	pdf_paper_size(paper, 1, &w, &h);
	body = h - 2 * MARGIN - 60;	/* under the heading, over the footer */

	out->cols_per_block = (size_t)((w - 2 * MARGIN - NAME_W - FIGS_W - 6) / CELL_W);
	out->rows_per_page = (size_t)((body - 16 - 12 - 4 * ROW_H - 18) / ROW_H);
	out->risk_rows_first = (size_t)((body - 72 - CHART_H - 62 - 32) / 11);
	out->risk_rows_more = (size_t)((body - 32) / 11);
	blocks = sessions ? (sessions + out->cols_per_block - 1) / out->cols_per_block : 0;
	pages_per_block = (people + out->rows_per_page - 1) / out->rows_per_page;
	out->pages = 1 + (int)(blocks * pages_per_block);
	out->pages += (int)overflow_pages(risk, out->risk_rows_first, out->risk_rows_more);
}

/* Works out the layout and the number of pages before anything is drawn. */
static void
plan_pages(struct attendance_report *ar)
{
	struct attendance_layout l;

	attendance_layout(ar->rq->pdf.paper, ar->roll.people.n, ar->roll.sessions.n, ar->nrisk,
	    &l);
	ar->cols_per_block = l.cols_per_block;
	ar->rows_per_page = l.rows_per_page;
	ar->risk_rows_first = l.risk_rows_first;
	ar->risk_rows_more = l.risk_rows_more;
	ar->pages = l.pages;
}

/* Draws the whole report into ar->pdf. */
static void
draw_report(struct attendance_report *ar)
{
	size_t n = ar->roll.people.n, ns = ar->roll.sessions.n, shown;
	double y = new_page(ar);

	y = draw_summary(ar, y);
	y = draw_chart(ar, y);
	shown = ar->nrisk < ar->risk_rows_first ? ar->nrisk : ar->risk_rows_first;
	draw_risk(ar, y, 0, shown);
	while (shown < ar->nrisk) {
		size_t next = shown + ar->risk_rows_more;

		if (next > ar->nrisk)
			next = ar->nrisk;
		draw_risk(ar, new_page(ar), shown, next);
		shown = next;
	}
	for (size_t j0 = 0; j0 < ns; j0 += ar->cols_per_block) {
		size_t j1 = j0 + ar->cols_per_block < ns ? j0 + ar->cols_per_block : ns;

		for (size_t r0 = 0; r0 < n || (n == 0 && r0 == 0); r0 += ar->rows_per_page) {
			size_t r1 = r0 + ar->rows_per_page < n ? r0 + ar->rows_per_page : n;

			draw_matrix_page(ar, r0, r1, j0, j1);
			if (n == 0)
				break;
		}
	}
}

int
report_attendance(struct store *st, const struct cohort *c, const struct policy *p,
    struct report_request *rq, su_err *e)
{
	struct attendance_report ar = { .rq = rq, .c = c };
	const char *was = report_lang_use(c);
	int rc = -1;

	for (int o = 0; o < OUTCOME_COUNT; o++)
		ar.letters[o] = outcome_abbrev((enum outcome)o);
	if (roll_load(st, c, p, rq->as_of, &ar.roll, e) < 0) {
		lang_use(was);
		return -1;
	}
	report_dates_init(&ar.dates, c, &ar.roll.policy);
	if (refund_offer_list_all(st, c->id, &ar.offers, e) < 0)
		goto done;
	rq->pdf.quick = 1;	/* hundreds of pages of matrix: speed first */
	if ((ar.pdf = report_start(rq, c, pgettext("report", "Attendance report"), 1, e)) == NULL)
		goto done;
	ar.risk = xcalloc(ar.roll.people.n + 1, sizeof *ar.risk);
	for (size_t i = 0; i < ar.roll.people.n; i++) {
		check_name(ar.pdf, rq, &ar.roll.people.v[i]);
		if (at_risk(&ar, i))
			ar.risk[ar.nrisk++] = i;
	}
	sort_roll = &ar.roll;
	qsort(ar.risk, ar.nrisk, sizeof *ar.risk, compare_risk);
	plan_pages(&ar);
	draw_report(&ar);
	rc = report_finish(ar.pdf, rq, e);
	ar.pdf = NULL;
done:
	pdf_free(ar.pdf);
	free(ar.risk);
	refund_offer_list_free(&ar.offers);
	report_dates_free(&ar.dates);
	roll_free(&ar.roll);
	lang_use(was);
	return rc;
}
