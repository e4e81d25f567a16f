/* SPDX-License-Identifier: Apache-2.0 */
/* report-commitment.c - each participant's story: every commitment in order, points over
 * time against the ladder, notices sent, the refund offer, and their figures beside the
 * cohort's median. One section per participant, each with its bookmark. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report-layout.h"
#include "showup/ladder.h"
#include "showup/lang.h"
#include "showup/timeutil.h"
#include "showup/words.h"

#define ROW_H 13.0
#define CHART_H 86.0
#define FIRST_TABLE_TOP 430.0	/* what the heading, figures, chart and notices take */
#define MAX_NOTICE_LINES 5
/* --split files put in place together, one disk sync (a sync costs tens of ms on a
 * busy disk); each is closed once written, so a batch holds no descriptors */
#define SPLIT_BATCH 4096

/* What the commitment reports of one cohort draw on besides its roll, loaded once. */
struct commitment_book {
	const struct roll *roll;
	struct report_dates dates;
	struct refund_offer_list offers;
	struct notice_sent_list notices;
	double median_rate, median_commitment, median_lead, median_points;
	struct pdf_fonts *fonts;	/* found once for every report drawn from the book */
	struct pdf_options fonts_for;	/* what they were found for */
};

struct commitment_report {
	struct pdf *pdf;
	struct report_request *rq;
	const struct cohort *c;
	const struct roll *roll;
	const struct commitment_book *b;
	double w, h;
	int page, pages;
	size_t rows_first, rows_more;
};

/* The cohort median of one figure over active participants who have it (>= 0). */
static double
cohort_median(const struct roll *r, double (*pick)(const struct engine_person_result *))
{
	double *v = xcalloc(r->people.n + 1, sizeof *v), m;
	size_t n = 0;

	for (size_t i = 0; i < r->people.n; i++) {
		double x = pick(roll_person(r, i));

		if (r->people.v[i].status == PARTICIPANT_ACTIVE && x >= 0)
			v[n++] = x;
	}
	m = engine_median(v, n);
	free(v);
	return m;
}

static double pick_rate(const struct engine_person_result *p) { return p->attendance_rate; }
static double pick_commitment(const struct engine_person_result *p) { return p->commitment; }
static double pick_lead(const struct engine_person_result *p) { return p->median_lead_hours; }
static double pick_points(const struct engine_person_result *p) { return p->points; }

/* Returns how many of person i's rows the commitments table has: sessions expected. */
static size_t
commitment_rows(const struct commitment_report *cr, size_t i)
{
	size_t n = 0;

	for (size_t j = 0; j < cr->roll->sessions.n; j++)
		n += roll_outcome(cr->roll, i, j) != OUTCOME_NOT_EXPECTED;
	return n;
}

/* Returns the pages person i's section takes. */
static int
section_pages(const struct commitment_report *cr, size_t i)
{
	return 1 + (int)overflow_pages(commitment_rows(cr, i), cr->rows_first, cr->rows_more);
}

/* Starts a page of the report; returns the y under the heading. */
static double
new_page(struct commitment_report *cr)
{
	pdf_page(cr->pdf, &cr->w, &cr->h);
	cr->page++;
	draw_footer(cr->pdf, cr->w, cr->c, cr->page, cr->pages);
	return draw_heading(cr->pdf, cr->w, cr->h, pgettext("report", "Commitment report"), cr->c,
	    &cr->b->dates, cr->rq->as_of);
}

/* Draws the four figures with the cohort's medians; returns the y below. */
static double
draw_figures(struct commitment_report *cr, size_t i, double y)
{
	const struct engine_person_result *pr = roll_person(cr->roll, i);
	const struct policy *pol = &cr->roll->policy;
	double gap = 8, bw = (cr->w - 2 * MARGIN - 3 * gap) / 4, bh = 52;
	char v[4][32], n[4][96], a[16];

	percent_text(pr->attendance_rate, v[0], sizeof v[0]);
	snprintf(n[0], sizeof n[0], pgettext("report", "cohort median %s"),
	    percent_text(cr->b->median_rate, a, sizeof a));
	percent_text(pr->commitment, v[1], sizeof v[1]);
	snprintf(n[1], sizeof n[1], pgettext("report", "cohort median %s"),
	    percent_text(cr->b->median_commitment, a, sizeof a));
	snprintf(v[2], sizeof v[2], "%d", pr->points);
	/* the next step the participant will hear of: a coach review is not theirs */
	if (pr->next_step >= 0 && (size_t)pr->next_step < policy_mail_steps(pol))
		snprintf(n[2], sizeof n[2], pgettext("report", "median %.0f; %s at %d"),
		    cr->b->median_points, ladder_words(pol->ladder[pr->next_step].kind),
		    pol->ladder[pr->next_step].threshold);
	else
		snprintf(n[2], sizeof n[2], pgettext("report", "cohort median %.0f"),
		    cr->b->median_points);
	if (pr->median_lead_hours < 0)
		snprintf(v[3], sizeof v[3], "-");
	else
		snprintf(v[3], sizeof v[3], pgettext("report", "%.0f h"), pr->median_lead_hours);
	if (pr->reschedules > 0)	/* places moved: how often, beside how early they say */
		snprintf(n[3], sizeof n[3], npgettext("report", "rescheduled %d time",
		    "rescheduled %d times", (unsigned long)pr->reschedules), pr->reschedules);
	else if (cr->b->median_lead < 0)
		snprintf(n[3], sizeof n[3], "%s", pgettext("report",
		    "no cancellations in the cohort"));
	else
		snprintf(n[3], sizeof n[3], pgettext("report", "cohort median %.0f h"),
		    cr->b->median_lead);
	draw_figure(cr->pdf, MARGIN, y - bh, bw, bh, pgettext("report", "Attendance rate"), v[0],
	    n[0]);
	draw_figure(cr->pdf, MARGIN + bw + gap, y - bh, bw, bh, pgettext("report",
	    "Commitment score"), v[1], n[1]);
	draw_figure(cr->pdf, MARGIN + 2 * (bw + gap), y - bh, bw, bh, pgettext("report",
	    "Points"), v[2], n[2]);
	draw_figure(cr->pdf, MARGIN + 3 * (bw + gap), y - bh, bw, bh, pgettext("report",
	    "Notice when cancelling"), v[3], n[3]);
	return y - bh - 18;
}

/* Draws an axis's name, 28 points wide at most, at (x, y). */
static void
axis_label(struct commitment_report *cr, double x, double y, const char *word)
{
	pdf_text(cr->pdf, x, y, 28, PDF_LEFT, word, report_fit(cr->pdf, word, 28, 6.5, 1), 1,
	    MUTED);
}

/*
 * Draws person i's points over the sessions as steps against the ladder's
 * thresholds, both axes labelled; the scale ends at the ladder's top step, and
 * points past it run along the top with their total written there.
 */
static double
draw_points_chart(struct commitment_report *cr, size_t i, double y)
{
	const struct policy *pol = &cr->roll->policy;
	size_t ns = cr->roll->sessions.n, mailed = policy_mail_steps(pol);
	double x0 = MARGIN + 46, x1 = cr->w - MARGIN - 90, base = y - CHART_H - 10;
	double step = ns ? (x1 - x0) / (double)ns : 0, px = x0, py = base, last_label = 0;
	int top = pol->n_steps ? pol->ladder[pol->n_steps - 1].threshold : 3, sum = 0;
	size_t label_every = step > 0 ? (size_t)(14.0 / step) + 1 : 1;
	char label[64];

	if (top <= 0)
		top = 3;
	pdf_text(cr->pdf, MARGIN, y, 300, PDF_LEFT, pgettext("report", "Points over the sessions"),
	    9.5, 1, INK);
	pdf_line(cr->pdf, x0, base, x1, base, 0.6, MUTED);
	pdf_line(cr->pdf, x0, base, x0, base + CHART_H, 0.6, MUTED);
	axis_label(cr, MARGIN, base + CHART_H / 2 - 2.5, pgettext("report", "points"));
	pdf_text(cr->pdf, x0 - 16, base - 2.5, 12, PDF_RIGHT, "0", 6.5, 0, MUTED);
	axis_label(cr, MARGIN, base - 9, pgettext("report", "session"));
	for (size_t k = 0; k < pol->n_steps; k++) {
		double ly = base + CHART_H * pol->ladder[k].threshold / top;

		snprintf(label, sizeof label, "%d  %s", pol->ladder[k].threshold,
		    k < mailed ? ladder_words(pol->ladder[k].kind) : pgettext("report",
		    "coach review"));
		pdf_line(cr->pdf, x0, ly, x1, ly, 0.4, RULE);
		if (k == 0 || ly - last_label >= 7.5) {	/* labels never on top of each other */
			pdf_text(cr->pdf, x1 + 4, ly - 2.5, 86, PDF_LEFT, label,
			    report_fit(cr->pdf, label, 86, 6.5, 0), 0, MUTED);
			snprintf(label, sizeof label, "%d", pol->ladder[k].threshold);
			pdf_text(cr->pdf, x0 - 16, ly - 2.5, 12, PDF_RIGHT, label, 6.5, 0, MUTED);
			last_label = ly;
		}
	}
	for (size_t j = 0; j < ns; j++) {
		enum outcome o = roll_outcome(cr->roll, i, j);
		int pts = roll_points(cr->roll, i, j);
		double nx = x0 + (double)(j + 1) * step, ny;

		sum += pts;
		ny = base + CHART_H * (sum < top ? sum : top) / top;
		pdf_line(cr->pdf, px, py, nx, py, 1.4, ACCENT);
		if (ny != py)
			pdf_line(cr->pdf, nx, py, nx, ny, 1.4, ACCENT);
		if (pts > 0) {
			struct rgb tint = outcome_tint(o);

			pdf_box(cr->pdf, nx - 2.5, ny - 2.5, 5, 5, &tint, &INK);
		}
		if (j % label_every == 0) {
			snprintf(label, sizeof label, "%d", cr->roll->sessions.v[j].number);
			pdf_text(cr->pdf, nx - step / 2 - 6, base - 9, step + 12, PDF_CENTER, label,
			    6, 0, MUTED);
		}
		px = nx;
		py = ny;
	}
	if (sum > top) {
		snprintf(label, sizeof label, npgettext("report", "%d point, past the top of the "
		    "ladder", "%d points, past the top of the ladder", (unsigned long)sum), sum);
		pdf_text(cr->pdf, x0 + 4, base + CHART_H + 4, x1 - x0 - 8, PDF_RIGHT, label, 7, 1,
		    INK);
	}
	return base - 28;
}

/* Returns 1 if notice n, sent to person i, no longer stands on the record (a correction). */
static int
notice_voided(const struct roll *r, size_t i, const struct notice_sent *n)
{
	int step = policy_step_of(&r->policy, n->kind);

	return step >= 0 && !roll_step_stands(r, i, step, n->sent_at);
}

/* Writes when an offer ended: as before in English (time_format_local), else as the
 * report's language writes its dates; returns buf. */
static const char *
offer_when(const struct commitment_report *cr, int64_t t, char *buf, size_t size)
{
	if (lang_is_english())
		return time_format_local(cr->c->tz, t, buf, size);
	return report_time(&cr->b->dates, t, buf, size);
}

/* Draws the notices sent to person i and their refund offer; returns the y below. */
static double
draw_notices(struct commitment_report *cr, size_t i, double y)
{
	const struct participant *p = &cr->roll->people.v[i];
	enum offer_state state = OFFER_OPEN;
	const struct refund_offer *o = offer_as_of(&cr->b->offers, p->id, cr->rq->as_of, &state);
	char line[384], when[48], money[48];
	int shown = 0, more = 0;

	pdf_text(cr->pdf, MARGIN, y, 300, PDF_LEFT, pgettext("report", "Notices and refund offer"),
	    9.5, 1, INK);
	y -= 13;
	for (size_t k = 0; k < cr->b->notices.n; k++) {
		const struct notice_sent *n = &cr->b->notices.v[k];

		if (n->participant_id != p->id || n->sent_at > cr->rq->as_of)
			continue;
		if (shown == MAX_NOTICE_LINES) {
			more++;
			continue;
		}
		snprintf(line, sizeof line, npgettext("report", "%s sent %s, at %d point%s",
		    "%s sent %s, at %d points%s", (unsigned long)n->points), ladder_words(n->kind),
		    report_time(&cr->b->dates, n->sent_at, when, sizeof when), n->points,
		    notice_voided(cr->roll, i, n) ? pgettext("report",
		    "; corrected since: no longer stands") : "");
		pdf_text(cr->pdf, MARGIN + 8, y, cr->w - 2 * MARGIN - 8, PDF_LEFT, line, 8, 0, INK);
		y -= 11;
		shown++;
	}
	if (shown == 0 || more > 0) {
		if (shown)
			snprintf(line, sizeof line, npgettext("report", "and %d more",
			    "and %d more", (unsigned long)more), more);
		else
			snprintf(line, sizeof line, "%s", pgettext("report", "no notice sent"));
		pdf_text(cr->pdf, MARGIN + 8, y, 400, PDF_LEFT, line, 8, 0, MUTED);
		y -= 11;
	}
	if (o != NULL) {
		report_amount(o->amount_cents, o->currency, money, sizeof money);
		if (state == OFFER_OPEN)
			snprintf(line, sizeof line, pgettext("report",
			    "refund offer of %s open until %s"), money, report_time(&cr->b->dates,
			    o->expires_at, when, sizeof when));
		else
			snprintf(line, sizeof line, pgettext("report", "refund offer of %s %s on %s"),
			    money, offer_words(state), offer_when(cr, state == OFFER_EXPIRED ?
			    o->expires_at : o->decided_at, when, sizeof when));
	} else {
		snprintf(line, sizeof line, "%s", pgettext("report", "no refund offer"));
	}
	pdf_text(cr->pdf, MARGIN + 8, y, cr->w - 2 * MARGIN - 8, PDF_LEFT, line, 8, 0,
	    o ? INK : MUTED);
	return y - 20;
}

/* The commitments table's columns: their left edges and widths. */
/* Writes a cancellation's or excuse's reason in words, then the coach's note after
 * ": ", into buf (size bytes, cut short if it must). */
static void
reason_and_note(const struct attendance *a, char *buf, size_t size)
{
	struct strbuf words = STRBUF_INIT;

	reason_words(a->reason, &words);
	snprintf(buf, size, "%.*s%s%s", (int)words.len, words.buf ? words.buf : "",
	    words.len > 0 && a->note && *a->note ? ": " : "", a->note ? a->note : "");
	free(words.buf);
}

static const double col_x[] = { 0, 26, 126, 172, 282, 332, 494 };
static const double col_w[] = { 22, 98, 44, 108, 48, 160, 29 };

/* Draws the table's head at y (naming person i when continued); returns the first row's baseline. */
static double
draw_table_head(struct commitment_report *cr, size_t i, double y, int continued)
{
	const char *heads[] = { "#", pgettext("report", "session"), pgettext("report", "kind"),
		pgettext("report", "outcome"), pgettext("report", "notice"),
		pgettext("report", "reason and note"), pgettext("report", "points") };
	if (continued) {	/* the name may be cut, never "(continued)" */
		pdf_text(cr->pdf, MARGIN, y, cr->w - 2 * MARGIN - 150, PDF_LEFT,
		    cr->roll->people.v[i].name, 9.5, 1, INK);
		pdf_text(cr->pdf, cr->w - MARGIN - 145, y, 145, PDF_RIGHT, pgettext("report",
		    "commitments (continued)"), 9.5, 1, INK);
	} else {
		pdf_text(cr->pdf, MARGIN, y, cr->w - 2 * MARGIN, PDF_LEFT, pgettext("report",
		    "Commitments"), 9.5, 1, INK);
	}
	y -= 14;
	for (size_t k = 0; k < ARRAY_SIZE(heads); k++)
		pdf_text(cr->pdf, MARGIN + col_x[k], y, col_w[k], k == 0 || k == 6 ? PDF_RIGHT
		    : PDF_LEFT, heads[k], report_fit(cr->pdf, heads[k], col_w[k], 7.5, 1), 1,
		    MUTED);
	y -= 4;
	pdf_line(cr->pdf, MARGIN, y, cr->w - MARGIN, y, 0.5, INK);
	return y - ROW_H + 2;
}

/* Draws the commitments row of person i at session j, baseline y. */
static void
draw_table_row(struct commitment_report *cr, size_t i, size_t j, double y)
{
	const struct session *s = &cr->roll->sessions.v[j];
	struct attendance buf;
	const struct attendance *a = roll_fact(cr->roll, i, j, &buf);
	enum outcome o = roll_outcome(cr->roll, i, j);
	struct rgb tint = outcome_tint(o);
	char number[16], when[48], notice[48] = "", points[16] = "", words[96], why[512] = "";
	int pts = roll_points(cr->roll, i, j);

	snprintf(number, sizeof number, "%d", s->number);
	report_time(&cr->b->dates, s->starts_at, when, sizeof when);
	if (a != NULL && a->fact == FACT_CANCELLED)
		snprintf(notice, sizeof notice, a->cancelled_at < s->starts_at ? pgettext("report",
		    "%.0f h ahead") : pgettext("report", "%.0f h late"),
		    (double)llabs(s->starts_at - a->cancelled_at) / 3600.0);
	if (pts > 0)
		snprintf(points, sizeof points, "+%d", pts);
	if (a != NULL)	/* the reason in words, then the coach's words */
		reason_and_note(a, why, sizeof why);
	if (o == OUTCOME_LATE && a != NULL)
		snprintf(words, sizeof words, pgettext("report", "late, %d min"), a->minutes_late);
	else
		snprintf(words, sizeof words, "%s", outcome_words(o));
	pdf_text(cr->pdf, MARGIN + col_x[0], y, col_w[0], PDF_RIGHT, number, 8, 0, INK);
	pdf_text(cr->pdf, MARGIN + col_x[1], y, col_w[1], PDF_LEFT, when,
	    report_fit(cr->pdf, when, col_w[1] - 3, 8, 0), 0, INK);
	pdf_text(cr->pdf, MARGIN + col_x[2], y, col_w[2], PDF_LEFT, kind_words(s->kind), 8, 0,
	    INK);
	pdf_box(cr->pdf, MARGIN + col_x[3], y - 2.5, 9, 9, &tint, &RULE);
	pdf_text(cr->pdf, MARGIN + col_x[3] + 13, y, col_w[3] - 13, PDF_LEFT, words,
	    report_fit(cr->pdf, words, col_w[3] - 15, 8, 0), 0, INK);
	pdf_text(cr->pdf, MARGIN + col_x[4], y, col_w[4], PDF_LEFT, notice,
	    report_fit(cr->pdf, notice, col_w[4] - 2, 8, 0), 0, INK);
	pdf_text(cr->pdf, MARGIN + col_x[5], y, col_w[5], PDF_LEFT, why, 8, 0, INK);
	pdf_text(cr->pdf, MARGIN + col_x[6], y, col_w[6], PDF_RIGHT, points, 8, 1, INK);
}

/* Draws the whole section of person i, over as many pages as its table needs. */
static void
draw_section(struct commitment_report *cr, size_t i)
{
	const struct participant *p = &cr->roll->people.v[i];
	double y = new_page(cr);
	char line[512];
	size_t rows = 0, cap = cr->rows_first;

	pdf_bookmark(cr->pdf, -1, p->name);
	y -= 6;
	pdf_text(cr->pdf, MARGIN, y, cr->w - 2 * MARGIN, PDF_LEFT, p->name, 15, 1, INK);
	y -= 14;
	snprintf(line, sizeof line, "%s%s%s%s%s", p->email, *p->company ? "  ·  " : "",
	    p->company, p->status == PARTICIPANT_WITHDRAWN ? "  ·  " : "",
	    p->status == PARTICIPANT_WITHDRAWN ? pgettext("report", "withdrawn") : "");
	pdf_text(cr->pdf, MARGIN, y, cr->w - 2 * MARGIN, PDF_LEFT, line, 8.5, 0, MUTED);
	y = draw_figures(cr, i, y - 12);
	y = draw_points_chart(cr, i, y);
	draw_notices(cr, i, y);		/* the table below starts at its fixed place */
	y = draw_table_head(cr, i, cr->h - FIRST_TABLE_TOP, 0);
	for (size_t j = 0; j < cr->roll->sessions.n; j++) {
		if (roll_outcome(cr->roll, i, j) == OUTCOME_NOT_EXPECTED)
			continue;
		if (rows == cap) {
			y = draw_table_head(cr, i, new_page(cr), 1);
			rows = 0;
			cap = cr->rows_more;
		}
		draw_table_row(cr, i, j, y);
		y -= ROW_H;
		rows++;
	}
	if (cap == cr->rows_first && rows == 0)
		pdf_text(cr->pdf, MARGIN, y, 400, PDF_LEFT, pgettext("report",
		    "no session expected them yet"), 8, 0, MUTED);
	(void)y;
}

struct commitment_book *
commitment_book_open(struct store *st, const struct roll *roll, su_err *e)
{
	struct commitment_book *b = xcalloc(1, sizeof *b);

	b->roll = roll;
	report_dates_init(&b->dates, roll->cohort, &roll->policy);
	if (refund_offer_list_all(st, roll->cohort->id, &b->offers, e) < 0 ||
	    notice_list_sent(st, roll->cohort->id, &b->notices, e) < 0) {
		commitment_book_close(b);
		return NULL;
	}
	b->median_rate = cohort_median(roll, pick_rate);
	b->median_commitment = cohort_median(roll, pick_commitment);
	b->median_lead = cohort_median(roll, pick_lead);
	b->median_points = cohort_median(roll, pick_points);
	return b;
}

void
commitment_book_close(struct commitment_book *b)
{
	if (b == NULL)
		return;
	notice_sent_list_free(&b->notices);
	refund_offer_list_free(&b->offers);
	report_dates_free(&b->dates);
	pdf_fonts_free(b->fonts);
	free(b);
}

/* Returns 1 if fonts found for 'a' serve 'b' too (the same files asked for). */
static int
same_fonts(const struct pdf_options *a, const struct pdf_options *b)
{
	return a->font == b->font && a->bold_font == b->bold_font &&
	    a->fallback_font == b->fallback_font;
}

/* Starts the document of a book's report, with the fonts the book keeps; NULL, 'e' set. */
static struct pdf *
book_start(struct commitment_book *b, struct report_request *rq, su_err *e)
{
	if (b->fonts != NULL && !same_fonts(&b->fonts_for, &rq->pdf)) {
		pdf_fonts_free(b->fonts);
		b->fonts = NULL;
	}
	if (b->fonts == NULL && rq->pdf.fonts == NULL) {
		if ((b->fonts = pdf_fonts_new(&rq->pdf, e)) == NULL)
			return NULL;
		b->fonts_for = rq->pdf;
	}
	if (rq->pdf.fonts == NULL)
		rq->pdf.fonts = b->fonts;
	return report_start(rq, b->roll->cohort, pgettext("report", "Commitment report"), 0, e);
}

/* Draws the sections of participant 'only' (or of everyone, (size_t)-1) into cr->pdf. */
static void
draw_sections(struct commitment_report *cr, size_t only)
{
	const struct roll *roll = cr->roll;
	/* the people drawn: one (each file of --split: not a pass over everyone) or all */
	size_t first = only == (size_t)-1 ? 0 : only;
	size_t end = only == (size_t)-1 ? roll->people.n : only + 1;
	double w, h;

	pdf_paper_size(cr->rq->pdf.paper, 0, &w, &h);
	cr->rows_first = (size_t)((h - FIRST_TABLE_TOP - 18 - MARGIN - 14) / ROW_H);
	cr->rows_more = (size_t)((h - 2 * MARGIN - 72 - 18 - 14) / ROW_H);
	for (size_t i = first; i < end; i++)
		cr->pages += section_pages(cr, i);
	for (size_t i = first; i < end; i++) {
		check_name(cr->pdf, cr->rq, &roll->people.v[i]);
		draw_section(cr, i);
	}
	if (roll->people.n == 0) {
		cr->pages = 1;
		new_page(cr);
	}
}

int
report_commitment_into(struct commitment_book *b, size_t i, struct report_request *rq,
    struct strbuf *out, su_err *e)
{
	struct commitment_report cr = { .rq = rq, .c = b->roll->cohort, .roll = b->roll, .b = b };
	const char *was = report_lang_use(cr.c);
	int rc = -1;

	if ((cr.pdf = book_start(b, rq, e)) != NULL) {
		draw_sections(&cr, i);
		rc = pdf_save_buffer(cr.pdf, out, e);
		pdf_free(cr.pdf);
	}
	lang_use(was);
	return rc;
}

/* The file of person p's report in folder 'dir': their address, letters that are no
 * trouble in a file name kept ("dir/ana.lima@example.com.pdf"); the caller frees it. */
static char *
split_path(const char *dir, const struct participant *p)
{
	char *path = xasprintf("%s/%s.pdf", dir, p->email);

	for (char *c = path + strlen(dir) + 1; *c; c++)
		if (!((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') ||
		    (*c >= '0' && *c <= '9') || strchr("@._+-", *c) != NULL))
			*c = '_';
	return path;
}

/* Puts the files of a split report written since the last time in place together
 * (see atomic_commit_all), counting them in rq->files; 0 or -1 with 'e' set. */
static int
split_commit(struct atomic_file *written, size_t *n, struct report_request *rq, su_err *e)
{
	int rc = atomic_commit_all(written, *n, e);

	if (rc == 0)
		rq->files += *n;
	*n = 0;
	return rc;
}

/* Draws person i's report from book 'b' into a temporary file beside 'path' (*af); 0 or
 * -1 with 'e' set. */
static int
split_one(struct commitment_book *b, size_t i, const char *path, struct report_request *rq,
    struct atomic_file *af, su_err *e)
{
	struct commitment_report cr = { .rq = rq, .c = b->roll->cohort, .roll = b->roll, .b = b };
	int rc;

	rq->path = path;
	if ((cr.pdf = book_start(b, rq, e)) == NULL)
		return -1;
	draw_sections(&cr, i);
	rc = pdf_save_pending(cr.pdf, path, af, e);
	pdf_free(cr.pdf);
	if (rc == 0 && atomic_close(af) < 0) {
		rc = su_err_set(e, "cannot write '%s': %s", path, strerror(errno));
		atomic_abort(af);
	}
	return rc;
}

int
report_commitment_split(struct store *st, const struct cohort *c, const struct policy *p,
    struct report_request *rq, su_err *e)
{
	const char *dir = rq->path;
	struct commitment_book *b = NULL;
	struct atomic_file *written = xcalloc(SPLIT_BATCH, sizeof *written);
	size_t n = 0;
	struct roll roll;
	int rc = 0;
	const char *was;

	rq->files = 0;
	if (roll_load(st, c, p, rq->as_of, &roll, e) < 0) {
		free(written);
		return -1;
	}
	was = report_lang_use(c);
	if ((b = commitment_book_open(st, &roll, e)) == NULL)
		rc = -1;
	for (size_t i = 0; rc == 0 && i < roll.people.n; i++) {
		char *path = split_path(dir, &roll.people.v[i]);

		rc = split_one(b, i, path, rq, &written[n], e);
		n += rc == 0;
		free(path);
		if (n == SPLIT_BATCH && split_commit(written, &n, rq, e) < 0)
			rc = -1;
	}
	/* the files written before a failure stay; the first error is the one told */
	if (split_commit(written, &n, rq, rc == 0 ? e : NULL) < 0)
		rc = -1;
	rq->path = dir;
	rq->pdf.fonts = NULL;	/* the book's, gone with it */
	commitment_book_close(b);
	roll_free(&roll);
	free(written);
	lang_use(was);
	return rc;
}

int
report_commitment(struct store *st, const struct cohort *c, const struct policy *p,
    const char *email, struct report_request *rq, su_err *e)
{
	struct commitment_report cr = { .rq = rq, .c = c };
	struct commitment_book *b = NULL;
	struct roll roll;
	size_t only = (size_t)-1;
	int rc = -1;
	const char *was;

	if (roll_load(st, c, p, rq->as_of, &roll, e) < 0)
		return -1;
	was = report_lang_use(c);
	if ((b = commitment_book_open(st, &roll, e)) == NULL)
		goto done;
	for (size_t i = 0; email != NULL && i < roll.people.n; i++)
		if (str_ieq(roll.people.v[i].email, email))
			only = i;
	if (email != NULL && only == (size_t)-1) {
		su_err_set(e, "no participant '%s' in cohort '%s'", email, c->slug);
		goto done;
	}
	cr.roll = &roll;
	cr.b = b;
	if ((cr.pdf = report_start(rq, c, pgettext("report", "Commitment report"), 0, e)) == NULL)
		goto done;
	draw_sections(&cr, only);
	rc = report_finish(cr.pdf, rq, e);
done:
	commitment_book_close(b);
	roll_free(&roll);
	lang_use(was);
	return rc;
}
