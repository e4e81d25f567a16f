/* report-commitment.c - each participant's story: every commitment in order, points over
 * time against the ladder, notices sent, the refund offer, and their figures beside the
 * cohort's median. One section per participant, each with its bookmark. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report-layout.h"
#include "showup/ladder.h"
#include "showup/money.h"
#include "showup/timeutil.h"

#define ROW_H 13.0
#define CHART_H 86.0
#define FIRST_TABLE_TOP 430.0	/* what the heading, figures, chart and notices take */
#define MAX_NOTICE_LINES 5

struct commitment_report {
	struct pdf *pdf;
	struct report_request *rq;
	const struct cohort *c;
	struct roll roll;
	struct refund_offer_list offers;
	struct notice_sent_list notices;
	double median_rate, median_commitment, median_lead, median_points;
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

	for (size_t j = 0; j < cr->roll.sessions.n; j++)
		n += roll_outcome(&cr->roll, i, j) != OUTCOME_NOT_EXPECTED;
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
	return draw_heading(cr->pdf, cr->w, cr->h, "Commitment report", cr->c, cr->rq->as_of);
}

/* Draws the four figures with the cohort's medians; returns the y below. */
static double
draw_figures(struct commitment_report *cr, size_t i, double y)
{
	const struct engine_person_result *pr = roll_person(&cr->roll, i);
	const struct policy *pol = &cr->roll.policy;
	double gap = 8, bw = (cr->w - 2 * MARGIN - 3 * gap) / 4, bh = 52;
	char v[4][32], n[4][96], a[16];

	percent_text(pr->attendance_rate, v[0], sizeof v[0]);
	snprintf(n[0], sizeof n[0], "cohort median %s", percent_text(cr->median_rate, a,
	    sizeof a));
	percent_text(pr->commitment, v[1], sizeof v[1]);
	snprintf(n[1], sizeof n[1], "cohort median %s", percent_text(cr->median_commitment,
	    a, sizeof a));
	snprintf(v[2], sizeof v[2], "%d", pr->points);
	/* the next step the participant will hear of: a coach review is not theirs */
	if (pr->next_step >= 0 && (size_t)pr->next_step < policy_mail_steps(pol))
		snprintf(n[2], sizeof n[2], "median %.0f; %s at %d", cr->median_points,
		    pol->ladder[pr->next_step].kind, pol->ladder[pr->next_step].threshold);
	else
		snprintf(n[2], sizeof n[2], "cohort median %.0f", cr->median_points);
	if (pr->median_lead_hours < 0)
		snprintf(v[3], sizeof v[3], "-");
	else
		snprintf(v[3], sizeof v[3], "%.0f h", pr->median_lead_hours);
	if (pr->reschedules > 0)	/* places moved: how often, beside how early they say */
		snprintf(n[3], sizeof n[3], "rescheduled %d time%s", pr->reschedules,
		    pr->reschedules == 1 ? "" : "s");
	else if (cr->median_lead < 0)
		snprintf(n[3], sizeof n[3], "no cancellations in the cohort");
	else
		snprintf(n[3], sizeof n[3], "cohort median %.0f h", cr->median_lead);
	draw_figure(cr->pdf, MARGIN, y - bh, bw, bh, "Attendance rate", v[0], n[0]);
	draw_figure(cr->pdf, MARGIN + bw + gap, y - bh, bw, bh, "Commitment score", v[1], n[1]);
	draw_figure(cr->pdf, MARGIN + 2 * (bw + gap), y - bh, bw, bh, "Points", v[2], n[2]);
	draw_figure(cr->pdf, MARGIN + 3 * (bw + gap), y - bh, bw, bh,
	    "Notice when cancelling", v[3], n[3]);
	return y - bh - 18;
}

/* Draws person i's points over the sessions as steps, with the ladder's thresholds. */
static double
draw_points_chart(struct commitment_report *cr, size_t i, double y)
{
	const struct policy *pol = &cr->roll.policy;
	size_t ns = cr->roll.sessions.n;
	double x0 = MARGIN + 24, x1 = cr->w - MARGIN - 90, base = y - CHART_H - 10;
	double step = ns ? (x1 - x0) / (double)ns : 0, px = x0, py = base;
	size_t mailed = policy_mail_steps(pol);
	int top = mailed ? pol->ladder[mailed - 1].threshold : 3, sum = 0;

	for (size_t j = 0; j < ns; j++)
		sum += roll_points(&cr->roll, i, j);
	if (sum > top)
		top = sum;
	pdf_text(cr->pdf, MARGIN, y, 300, PDF_LEFT, "Points over the sessions", 9.5, 1, INK);
	pdf_line(cr->pdf, x0, base, x1, base, 0.6, MUTED);
	double last_label = 0;

	for (size_t k = 0; k < mailed; k++) {	/* the participant's, not coach-review */
		double ly = base + CHART_H * pol->ladder[k].threshold / top;
		char label[64];

		snprintf(label, sizeof label, "%d  %s", pol->ladder[k].threshold,
		    pol->ladder[k].kind);
		pdf_line(cr->pdf, x0, ly, x1, ly, 0.4, RULE);
		if (k == 0 || ly - last_label >= 7.5) {	/* labels never on top of each other */
			pdf_text(cr->pdf, x1 + 4, ly - 2.5, 86, PDF_LEFT, label, 6.5, 0, MUTED);
			last_label = ly;
		}
	}
	sum = 0;
	for (size_t j = 0; j < ns; j++) {
		enum outcome o = roll_outcome(&cr->roll, i, j);
		int pts = roll_points(&cr->roll, i, j);
		double nx = x0 + (j + 1) * step, ny;

		sum += pts;
		ny = base + CHART_H * sum / top;
		pdf_line(cr->pdf, px, py, nx, py, 1.4, ACCENT);
		if (ny != py)
			pdf_line(cr->pdf, nx, py, nx, ny, 1.4, ACCENT);
		if (pts > 0) {
			struct rgb tint = outcome_tint(o);

			pdf_box(cr->pdf, nx - 2.5, ny - 2.5, 5, 5, &tint, &INK);
		}
		px = nx;
		py = ny;
	}
	return base - 22;
}

/* Draws the notices sent to person i and their refund offer; returns the y below. */
static double
draw_notices(struct commitment_report *cr, size_t i, double y)
{
	const struct participant *p = &cr->roll.people.v[i];
	enum offer_state state = OFFER_OPEN;
	const struct refund_offer *o = offer_as_of(&cr->offers, p->id, cr->rq->as_of, &state);
	char line[256], when[40], money[48];
	int shown = 0, more = 0;

	pdf_text(cr->pdf, MARGIN, y, 300, PDF_LEFT, "Notices and refund offer", 9.5, 1, INK);
	y -= 13;
	for (size_t k = 0; k < cr->notices.n; k++) {
		const struct notice_sent *n = &cr->notices.v[k];

		if (n->participant_id != p->id || n->sent_at > cr->rq->as_of)
			continue;
		if (shown == MAX_NOTICE_LINES) {
			more++;
			continue;
		}
		snprintf(line, sizeof line, "%s sent %s, at %d points", n->kind,
		    time_format_local(cr->c->tz, n->sent_at, when, sizeof when), n->points);
		pdf_text(cr->pdf, MARGIN + 8, y, cr->w - 2 * MARGIN - 8, PDF_LEFT, line, 8, 0, INK);
		y -= 11;
		shown++;
	}
	if (shown == 0 || more > 0) {
		snprintf(line, sizeof line, shown ? "and %d more" : "no notice sent", more);
		pdf_text(cr->pdf, MARGIN + 8, y, 400, PDF_LEFT, line, 8, 0, MUTED);
		y -= 11;
	}
	if (o != NULL) {
		money_format(o->amount_cents, o->currency, money, sizeof money);
		if (state == OFFER_OPEN)
			snprintf(line, sizeof line, "refund offer of %s open until %s", money,
			    time_format_local(cr->c->tz, o->expires_at, when, sizeof when));
		else
			snprintf(line, sizeof line, "refund offer of %s %s on %s", money,
			    offer_state_name(state), time_format_local(cr->c->tz,
			    state == OFFER_EXPIRED ? o->expires_at : o->decided_at, when,
			    sizeof when));
	} else {
		snprintf(line, sizeof line, "no refund offer");
	}
	pdf_text(cr->pdf, MARGIN + 8, y, cr->w - 2 * MARGIN - 8, PDF_LEFT, line, 8, 0,
	    o ? INK : MUTED);
	return y - 20;
}

/* The commitments table's columns: their left edges and widths. */
static const double col_x[] = { 0, 30, 118, 176, 290, 350, 470 };
static const double col_w[] = { 26, 84, 54, 110, 56, 116, 53 };

/* Draws the table's head at y (naming person i when continued); returns the first row's baseline. */
static double
draw_table_head(struct commitment_report *cr, size_t i, double y, int continued)
{
	static const char *const heads[] = { "#", "session", "kind", "outcome",
		"notice", "reason", "points" };
	if (continued) {	/* the name may be cut, never "(continued)" */
		pdf_text(cr->pdf, MARGIN, y, cr->w - 2 * MARGIN - 150, PDF_LEFT,
		    cr->roll.people.v[i].name, 9.5, 1, INK);
		pdf_text(cr->pdf, cr->w - MARGIN - 145, y, 145, PDF_RIGHT,
		    "commitments (continued)", 9.5, 1, INK);
	} else {
		pdf_text(cr->pdf, MARGIN, y, cr->w - 2 * MARGIN, PDF_LEFT, "Commitments", 9.5, 1,
		    INK);
	}
	y -= 14;
	for (size_t k = 0; k < ARRAY_SIZE(heads); k++)
		pdf_text(cr->pdf, MARGIN + col_x[k], y, col_w[k], k == 0 || k == 6 ? PDF_RIGHT
		    : PDF_LEFT, heads[k], 7.5, 1, MUTED);
	y -= 4;
	pdf_line(cr->pdf, MARGIN, y, cr->w - MARGIN, y, 0.5, INK);
	return y - ROW_H + 2;
}

/* Draws the commitments row of person i at session j, baseline y. */
static void
draw_table_row(struct commitment_report *cr, size_t i, size_t j, double y)
{
	const struct session *s = &cr->roll.sessions.v[j];
	struct attendance buf;
	const struct attendance *a = roll_fact(&cr->roll, i, j, &buf);
	enum outcome o = roll_outcome(&cr->roll, i, j);
	struct rgb tint = outcome_tint(o);
	char number[16], when[40], notice[32] = "", points[16] = "", words[64];
	int pts = roll_points(&cr->roll, i, j);

	snprintf(number, sizeof number, "%d", s->number);
	time_format_local(cr->c->tz, s->starts_at, when, sizeof when);
	if (a != NULL && a->fact == FACT_CANCELLED)
		snprintf(notice, sizeof notice, a->cancelled_at < s->starts_at ? "%.0f h ahead"
		    : "%.0f h late", (double)llabs(s->starts_at - a->cancelled_at) / 3600.0);
	if (pts > 0)
		snprintf(points, sizeof points, "+%d", pts);
	if (o == OUTCOME_LATE && a != NULL)
		snprintf(words, sizeof words, "late, %d min", a->minutes_late);
	else
		snprintf(words, sizeof words, "%s", outcome_words(o));
	pdf_text(cr->pdf, MARGIN + col_x[0], y, col_w[0], PDF_RIGHT, number, 8, 0, INK);
	pdf_text(cr->pdf, MARGIN + col_x[1], y, col_w[1], PDF_LEFT, when, 8, 0, INK);
	pdf_text(cr->pdf, MARGIN + col_x[2], y, col_w[2], PDF_LEFT, session_kind_name(s->kind),
	    8, 0, INK);
	pdf_box(cr->pdf, MARGIN + col_x[3], y - 2.5, 9, 9, &tint, &RULE);
	pdf_text(cr->pdf, MARGIN + col_x[3] + 13, y, col_w[3] - 13, PDF_LEFT, words, 8, 0, INK);
	pdf_text(cr->pdf, MARGIN + col_x[4], y, col_w[4], PDF_LEFT, notice, 8, 0, INK);
	pdf_text(cr->pdf, MARGIN + col_x[5], y, col_w[5], PDF_LEFT, a ? a->reason : "", 8, 0,
	    INK);
	pdf_text(cr->pdf, MARGIN + col_x[6], y, col_w[6], PDF_RIGHT, points, 8, 1, INK);
}

/* Draws the whole section of person i, over as many pages as its table needs. */
static void
draw_section(struct commitment_report *cr, size_t i)
{
	const struct participant *p = &cr->roll.people.v[i];
	double y = new_page(cr);
	char line[512];
	size_t rows = 0, cap = cr->rows_first;

	pdf_bookmark(cr->pdf, -1, p->name);
	y -= 6;
	pdf_text(cr->pdf, MARGIN, y, cr->w - 2 * MARGIN, PDF_LEFT, p->name, 15, 1, INK);
	y -= 14;
	snprintf(line, sizeof line, "%s%s%s%s", p->email, *p->company ? "  ·  " : "",
	    p->company, p->status == PARTICIPANT_WITHDRAWN ? "  ·  withdrawn" : "");
	pdf_text(cr->pdf, MARGIN, y, cr->w - 2 * MARGIN, PDF_LEFT, line, 8.5, 0, MUTED);
	y = draw_figures(cr, i, y - 12);
	y = draw_points_chart(cr, i, y);
	y = draw_notices(cr, i, y);
	y = draw_table_head(cr, i, cr->h - FIRST_TABLE_TOP, 0);
	for (size_t j = 0; j < cr->roll.sessions.n; j++) {
		if (roll_outcome(&cr->roll, i, j) == OUTCOME_NOT_EXPECTED)
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
		pdf_text(cr->pdf, MARGIN, y, 400, PDF_LEFT, "no session expected them yet", 8, 0,
		    MUTED);
	(void)y;
}

int
report_commitment(struct store *st, const struct cohort *c, const struct policy *p,
    const char *email, struct report_request *rq, su_err *e)
{
	struct commitment_report cr = { .rq = rq, .c = c };
	size_t only = (size_t)-1;
	int rc = -1;
	double w, h;

	pdf_paper_size(rq->pdf.paper, 0, &w, &h);

	if (roll_load(st, c, p, rq->as_of, &cr.roll, e) < 0)
		return -1;
	if (refund_offer_list_all(st, c->id, &cr.offers, e) < 0 ||
	    notice_list_sent(st, c->id, &cr.notices, e) < 0)
		goto done;
	for (size_t i = 0; email != NULL && i < cr.roll.people.n; i++)
		if (str_ieq(cr.roll.people.v[i].email, email))
			only = i;
	if (email != NULL && only == (size_t)-1) {
		su_err_set(e, "no participant '%s' in cohort '%s'", email, c->slug);
		goto done;
	}
	if ((cr.pdf = report_start(rq, c, "Commitment report", 0, e)) == NULL)
		goto done;
	cr.median_rate = cohort_median(&cr.roll, pick_rate);
	cr.median_commitment = cohort_median(&cr.roll, pick_commitment);
	cr.median_lead = cohort_median(&cr.roll, pick_lead);
	cr.median_points = cohort_median(&cr.roll, pick_points);
	cr.rows_first = (size_t)((h - FIRST_TABLE_TOP - 18 - MARGIN - 14) / ROW_H);
	cr.rows_more = (size_t)((h - 2 * MARGIN - 72 - 18 - 14) / ROW_H);
	for (size_t i = 0; i < cr.roll.people.n; i++)
		if (only == (size_t)-1 || i == only)
			cr.pages += section_pages(&cr, i);
	for (size_t i = 0; i < cr.roll.people.n; i++) {
		if (only != (size_t)-1 && i != only)
			continue;
		check_name(cr.pdf, rq, &cr.roll.people.v[i]);
		draw_section(&cr, i);
	}
	if (cr.roll.people.n == 0) {
		cr.pages = 1;
		new_page(&cr);
	}
	rc = report_finish(cr.pdf, rq, e);
	cr.pdf = NULL;
done:
	pdf_free(cr.pdf);
	notice_sent_list_free(&cr.notices);
	refund_offer_list_free(&cr.offers);
	roll_free(&cr.roll);
	return rc;
}
