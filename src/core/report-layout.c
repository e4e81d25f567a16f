/* SPDX-License-Identifier: Apache-2.0 */
/* report-layout.c - the page frame, colours and figure boxes the reports share. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report-layout.h"
#include "showup/timeutil.h"

const struct rgb INK = { 0.13, 0.15, 0.18 };
const struct rgb MUTED = { 0.42, 0.45, 0.50 };
const struct rgb RULE = { 0.80, 0.82, 0.85 };
const struct rgb WHITE = { 1, 1, 1 };
const struct rgb ACCENT = { 0.12, 0.33, 0.55 };

struct rgb
outcome_tint(enum outcome o)
{
	switch (o) {
	case OUTCOME_PRESENT:		return (struct rgb){ 0.78, 0.90, 0.79 };
	case OUTCOME_LATE:		return (struct rgb){ 1.00, 0.94, 0.62 };
	case OUTCOME_CANCELLED:		return (struct rgb){ 0.73, 0.87, 0.98 };
	case OUTCOME_LATE_CANCEL:	return (struct rgb){ 1.00, 0.80, 0.50 };
	case OUTCOME_NO_SHOW:		return (struct rgb){ 0.94, 0.60, 0.60 };
	case OUTCOME_EXCUSED:		return (struct rgb){ 0.88, 0.75, 0.91 };
	case OUTCOME_RESCHEDULED:	return (struct rgb){ 0.74, 0.91, 0.88 };
	case OUTCOME_NOT_HELD:		return (struct rgb){ 0.88, 0.88, 0.88 };
	default:			return WHITE;
	}
}

const char *
outcome_words(enum outcome o)
{
	switch (o) {
	case OUTCOME_PRESENT:		return "present";
	case OUTCOME_LATE:		return "late";
	case OUTCOME_CANCELLED:		return "cancelled in time";
	case OUTCOME_LATE_CANCEL:	return "late cancellation";
	case OUTCOME_NO_SHOW:		return "no-show";
	case OUTCOME_EXCUSED:		return "excused";
	case OUTCOME_RESCHEDULED:	return "rescheduled in time";
	case OUTCOME_NOT_HELD:		return "called off by the coach";
	case OUTCOME_UNRECORDED:	return "not recorded";
	case OUTCOME_UPCOMING:		return "to come";
	default:			return "not expected";
	}
}

const char *
percent_text(double v, char *buf, size_t size)
{
	if (v < 0)
		snprintf(buf, size, "-");
	else
		snprintf(buf, size, "%.0f%%", v * 100);
	return buf;
}

void
report_dates_init(struct report_dates *d, const struct cohort *c, const struct policy *p)
{
	d->tz = c->tz;
	d->order = policy_date_order(p, c->tz);
}

/* Writes a date in order 'o' ("11/04/2026", "04/11/2026", "2026-11-04"). */
static void
write_date(enum date_order o, const struct civil *cv, char *buf, size_t size)
{
	if (o == DATE_ORDER_MDY)
		snprintf(buf, size, "%02d/%02d/%04d", cv->month, cv->day, cv->year);
	else if (o == DATE_ORDER_DMY)
		snprintf(buf, size, "%02d/%02d/%04d", cv->day, cv->month, cv->year);
	else
		snprintf(buf, size, "%04d-%02d-%02d", cv->year, cv->month, cv->day);
}

/* The weekday of a civil date, "Mon" to "Sun". */
static const char *
weekday(const struct civil *cv)
{
	static const char *const wd[] = { "Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed" };
	int64_t days = days_from_civil(cv->year, cv->month, cv->day);

	return wd[((days % 7) + 7) % 7];
}

char *
report_time(const struct report_dates *d, int64_t t, char *buf, size_t size)
{
	struct civil cv;
	char date[24];

	if (tz_utc_to_local(d->tz, t, &cv, NULL) < 0) {
		snprintf(buf, size, "?");
		return buf;
	}
	write_date(d->order, &cv, date, sizeof date);
	snprintf(buf, size, "%s %s %02d:%02d", weekday(&cv), date, cv.hour, cv.minute);
	return buf;
}

char *
report_day(const struct report_dates *d, int64_t t, char *day, size_t size, char *wd,
    size_t wd_size)
{
	struct civil cv;

	if (tz_utc_to_local(d->tz, t, &cv, NULL) < 0) {
		snprintf(day, size, "?");
		snprintf(wd, wd_size, "?");
		return day;
	}
	if (d->order == DATE_ORDER_MDY)
		snprintf(day, size, "%d/%d", cv.month, cv.day);
	else if (d->order == DATE_ORDER_DMY)
		snprintf(day, size, "%d/%d", cv.day, cv.month);
	else
		snprintf(day, size, "%02d-%02d", cv.month, cv.day);
	snprintf(wd, wd_size, "%.2s", weekday(&cv));
	return day;
}

/* Rewrites a stored "YYYY-MM-DD" in the report's order (as it is, if it is no date). */
static const char *
stored_date(const struct report_dates *d, const char *iso, char *buf, size_t size)
{
	struct civil cv = { 0 };

	if (*iso == '\0' || date_parse(iso, &cv.year, &cv.month, &cv.day, NULL) < 0)
		return iso;
	write_date(d->order, &cv, buf, size);
	return buf;
}

double
draw_heading(struct pdf *pdf, double w, double h, const char *title, const struct cohort *c,
    const struct report_dates *d, int64_t as_of)
{
	char line[512], when[40], from[24], to[24];
	double y = h - MARGIN - 16;

	pdf_text(pdf, MARGIN, y, w - 2 * MARGIN - 180, PDF_LEFT, title, 17, 1, ACCENT);
	snprintf(line, sizeof line, "as of %s", report_time(d, as_of, when, sizeof when));
	pdf_text(pdf, w - MARGIN - 180, y, 180, PDF_RIGHT, line, 9, 0, MUTED);
	y -= 18;
	snprintf(line, sizeof line, "%s (%s)", c->name, c->slug);
	pdf_text(pdf, MARGIN, y, w - 2 * MARGIN, PDF_LEFT, line, 11, 1, INK);
	y -= 13;
	snprintf(line, sizeof line, "Coach %s <%s>   %s%s%s   times in %s", c->coach_name,
	    c->coach_email, stored_date(d, c->starts_on, from, sizeof from),
	    *c->starts_on ? " to " : "", stored_date(d, c->ends_on, to, sizeof to), c->tz);
	pdf_text(pdf, MARGIN, y, w - 2 * MARGIN, PDF_LEFT, line, 8.5, 0, MUTED);
	y -= 8;
	pdf_line(pdf, MARGIN, y, w - MARGIN, y, 0.8, ACCENT);
	return y - 14;
}

void
draw_footer(struct pdf *pdf, double w, const struct cohort *c, int page, int pages)
{
	char line[256];

	pdf_line(pdf, MARGIN, MARGIN - 6, w - MARGIN, MARGIN - 6, 0.4, RULE);
	snprintf(line, sizeof line, "showup · %s", c->name);
	pdf_text(pdf, MARGIN, MARGIN - 18, w / 2, PDF_LEFT, line, 7.5, 0, MUTED);
	snprintf(line, sizeof line, "page %d of %d", page, pages);
	pdf_text(pdf, w - MARGIN - 120, MARGIN - 18, 120, PDF_RIGHT, line, 7.5, 0, MUTED);
}

void
draw_figure(struct pdf *pdf, double x, double y, double w, double h, const char *label,
    const char *value, const char *note)
{
	const struct rgb panel = { 0.96, 0.97, 0.98 };

	pdf_box(pdf, x, y, w, h, &panel, &RULE);
	pdf_text(pdf, x + 8, y + h - 13, w - 16, PDF_LEFT, label, 7.5, 0, MUTED);
	pdf_text(pdf, x + 8, y + h - 34, w - 16, PDF_LEFT, value, 17, 1, INK);
	if (note != NULL)
		pdf_text(pdf, x + 8, y + 7, w - 16, PDF_LEFT, note, 7, 0, MUTED);
}

void
check_name(struct pdf *pdf, struct report_request *rq, const struct participant *p)
{
	if (pdf_covers(pdf, p->name))
		return;
	sb_addf(&rq->warnings, "%s <%s>: the name has characters no installed font "
	    "draws; they show as boxes (install a TrueType font that has them, such as "
	    "fonts-droid-fallback for CJK)\n", p->name, p->email);
}

struct pdf *
report_start(struct report_request *rq, const struct cohort *c, const char *title,
    int landscape, su_err *e)
{
	struct pdf_options o = rq->pdf;
	char *full = xasprintf("%s: %s", title, c->name);
	struct pdf *pdf;

	o.landscape = landscape;
	o.title = full;
	o.author = c->coach_name;
	o.subject = c->name;
	pdf = pdf_new(&o, e);
	free(full);
	return pdf;
}

int
report_finish(struct pdf *pdf, struct report_request *rq, su_err *e)
{
	int rc = rq->buffer ? pdf_save_buffer(pdf, rq->buffer, e) : pdf_save(pdf, rq->path, e);

	pdf_free(pdf);
	return rc;
}

size_t
overflow_pages(size_t rows, size_t first, size_t more)
{
	if (rows <= first)
		return 0;
	return (rows - first + more - 1) / more;
}

const struct refund_offer *
offer_as_of(const struct refund_offer_list *l, int64_t participant_id, int64_t as_of,
    enum offer_state *state)
{
	for (size_t i = l->n; i > 0; i--) {
		const struct refund_offer *o = &l->v[i - 1];

		if (o->participant_id != participant_id || o->offered_at > as_of)
			continue;
		if (o->state != OFFER_OPEN && o->decided_at != 0 && o->decided_at <= as_of)
			*state = o->state;
		else
			*state = o->expires_at <= as_of ? OFFER_EXPIRED : OFFER_OPEN;
		return o;
	}
	return NULL;
}
