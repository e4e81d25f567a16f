/* SPDX-License-Identifier: Apache-2.0 */
/* report-layout.c - the page frame, colours and figure boxes the reports share. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report-layout.h"
#include "showup/lang.h"
#include "showup/timeutil.h"
#include "showup/words.h"

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
report_pgettext(const char *ctx_msgid)
{
	const char *t = lang_gettext(ctx_msgid);

	return t == ctx_msgid ? strchr(ctx_msgid, '\004') + 1 : t;
}

const char *
report_npgettext(const char *ctx_one, const char *many, unsigned long n)
{
	const char *t = lang_ngettext(ctx_one, many, n);

	return t == ctx_one ? strchr(ctx_one, '\004') + 1 : t;
}

const char *
report_lang_use(const struct cohort *c)
{
	return lang_use(c->language);
}

const char *
outcome_words(enum outcome o)
{
	switch (o) {
	case OUTCOME_PRESENT:		return pgettext("report", "present");
	case OUTCOME_LATE:		return pgettext("report", "late");
	case OUTCOME_CANCELLED:		return pgettext("report", "cancelled in time");
	case OUTCOME_LATE_CANCEL:	return pgettext("report", "late cancellation");
	case OUTCOME_NO_SHOW:		return pgettext("report", "no-show");
	case OUTCOME_EXCUSED:		return pgettext("report", "excused");
	case OUTCOME_RESCHEDULED:	return pgettext("report", "rescheduled in time");
	case OUTCOME_NOT_HELD:		return pgettext("report", "called off by the coach");
	case OUTCOME_UNRECORDED:	return pgettext("report", "not recorded");
	case OUTCOME_UPCOMING:		return pgettext("report", "to come");
	default:			return pgettext("report", "not expected");
	}
}

const char *
outcome_abbrev(enum outcome o)
{
	switch (o) {
	/* TRANSLATORS: the letters of the attendance matrix, one for each outcome, each
	 * different from the others; the legend under the matrix explains them. */
	case OUTCOME_PRESENT:		return pgettext("report letter", "P");
	case OUTCOME_LATE:		return pgettext("report letter", "L");
	case OUTCOME_CANCELLED:		return pgettext("report letter", "C");
	case OUTCOME_LATE_CANCEL:	return pgettext("report letter", "X");
	case OUTCOME_NO_SHOW:		return pgettext("report letter", "N");
	case OUTCOME_EXCUSED:		return pgettext("report letter", "E");
	case OUTCOME_RESCHEDULED:	return pgettext("report letter", "R");
	case OUTCOME_NOT_HELD:		return "-";
	case OUTCOME_UNRECORDED:	return "?";
	case OUTCOME_UPCOMING:		return " ";
	default:			return ".";
	}
}

const char *
ladder_words(const char *kind)
{
	/* TRANSLATORS: the steps of the default ladder, as words ("final-notice": "final
	 * notice"); English keeps the names. */
	if (strcmp(kind, "policy-reminder") == 0)
		return pgettext("report", "policy-reminder");
	if (strcmp(kind, "warning") == 0)
		return pgettext("report", "warning");
	if (strcmp(kind, "final-notice") == 0)
		return pgettext("report", "final-notice");
	if (strcmp(kind, POLICY_COACH_REVIEW) == 0)
		return pgettext("report", "coach-review");
	return kind;
}

const char *
kind_words(enum session_kind k)
{
	switch (k) {
	case SESSION_GROUP:	return pgettext("report", "group");
	case SESSION_COACHING:	return pgettext("report", "coaching");
	case SESSION_PRACTICE:	return pgettext("report", "practice");
	default:		return session_kind_name(k);
	}
}

const char *
offer_words(enum offer_state s)
{
	switch (s) {
	case OFFER_OPEN:	return pgettext("report", "open");
	case OFFER_ACCEPTED:	return pgettext("report", "accepted");
	case OFFER_DECLINED:	return pgettext("report", "declined");
	case OFFER_EXPIRED:	return pgettext("report", "expired");
	default:		return offer_state_name(s);
	}
}

double
report_fit(struct pdf *pdf, const char *text, double width, double size, int bold)
{
	double w;

	if (lang_is_english() || width <= 0)
		return size;
	w = pdf_text_width(pdf, text, size, bold);
	if (w <= width)
		return size;
	return size * width / w < size * 0.75 ? size * 0.75 : size * width / w;
}

char *
report_amount(int64_t cents, const char *currency, char *buf, size_t size)
{
	struct strbuf sb = STRBUF_INIT;

	reader_amount(cents, currency, &sb);
	snprintf(buf, size, "%s", sb_str(&sb));
	sb_free(&sb);
	return buf;
}

const char *
percent_text(double v, char *buf, size_t size)
{
	if (v < 0)
		snprintf(buf, size, "-");
	else if (lang_is_english())
		snprintf(buf, size, "%.0f%%", v * 100);
	else	/* TRANSLATORS: a percentage ("87%"), as the language writes it */
		snprintf(buf, size, pgettext("report", "%.0f%%"), v * 100);
	return buf;
}

/*
 * The dates a report wrote in a language other than English, by moment and form:
 * lang_date keeps ICU's formats, but each date still costs a few microseconds of
 * ICU, and a report writes the same few (its sessions', its own date) in every row
 * (200,000 cells at 10,000 x 20). Full: the others are made anew.
 */
#define MEMO_SLOTS 1024
enum { MEMO_TIME, MEMO_DAY, MEMO_WEEKDAY, MEMO_DATE, MEMO_FORMS };
struct date_memo {
	char lang[8];			/* the language they are written in */
	struct {
		int64_t t;
		int form;		/* MEMO_*, + 1: 0 is a free slot */
		char text[48];
	} slot[MEMO_SLOTS];
};

void
report_dates_init(struct report_dates *d, const struct cohort *c, const struct policy *p)
{
	d->tz = c->tz;
	d->order = policy_date_order(p, c->tz);
	d->memo = xcalloc(1, sizeof *d->memo);
}

void
report_dates_free(struct report_dates *d)
{
	free(d->memo);
	d->memo = NULL;
}

/* Returns the slot of (t, form) in memo m, where it is or the free one it would
 * take (*found says which); -1 when it is not there and the memo is full. */
static long
memo_slot(struct date_memo *m, int64_t t, int form, int *found)
{
	uint64_t h = ((uint64_t)t * 0x9E3779B97F4A7C15u) ^ (uint64_t)form;
	size_t i = (size_t)(h >> 54) % MEMO_SLOTS;

	if (strcmp(m->lang, lang_now()) != 0) {	/* another language: start again */
		memset(m, 0, sizeof *m);
		snprintf(m->lang, sizeof m->lang, "%s", lang_now());
	}
	for (size_t k = 0; k < MEMO_SLOTS; k++, i = (i + 1) % MEMO_SLOTS) {
		if (m->slot[i].form == 0 || (m->slot[i].t == t && m->slot[i].form == form + 1)) {
			*found = m->slot[i].form != 0;
			return (long)i;
		}
	}
	return -1;
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

/* Writes civil time cv by ICU skeleton 'skel' in this language into buf; 0 or -1. */
static int
icu_date(const struct civil *cv, const char *skel, char *buf, size_t size)
{
	struct strbuf sb = STRBUF_INIT;
	int rc = lang_date(cv, skel, &sb);

	if (rc == 0)
		snprintf(buf, size, "%s", sb_str(&sb));
	sb_free(&sb);
	return rc;
}

/* Writes moment t (civil cv) in 'form' into buf, from the memo of d when it was
 * written before; 0 or -1. */
static int
memo_date(const struct report_dates *d, int form, int64_t t, const struct civil *cv,
    char *buf, size_t size)
{
	/* "Sa., 21.11.2026, 09:00"; "21.11."; "Sa."; "21.11.2026" (in German) */
	static const char *const skeletons[MEMO_FORMS] = { "EEEddMMyyyyHHmm", "dM", "EEEEEE",
		"ddMMyyyy" };
	struct date_memo *m = d->memo;
	int found = 0;
	long i = m != NULL ? memo_slot(m, t, form, &found) : -1;

	if (i >= 0 && found) {
		snprintf(buf, size, "%s", m->slot[i].text);
		return 0;
	}
	if (icu_date(cv, skeletons[form], buf, size) < 0)
		return -1;
	if (i >= 0 && strlen(buf) < sizeof m->slot[i].text) {
		m->slot[i].t = t;
		m->slot[i].form = form + 1;
		snprintf(m->slot[i].text, sizeof m->slot[i].text, "%s", buf);
	}
	return 0;
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
	/* another language: its own order and words ("Sa., 21.11.2026, 09:00") */
	if (!lang_is_english() && memo_date(d, MEMO_TIME, t, &cv, buf, size) == 0)
		return buf;
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
	if (!lang_is_english() && memo_date(d, MEMO_DAY, t, &cv, day, size) == 0 &&
	    memo_date(d, MEMO_WEEKDAY, t, &cv, wd, wd_size) == 0) {
		size_t n = strlen(day);

		if (n > 1 && day[n - 1] == '.')	/* "16.11." in a 15-point column: "16.11" */
			day[n - 1] = '\0';
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
	if (!lang_is_english() && memo_date(d, MEMO_DATE, days_from_civil(cv.year, cv.month, cv.day),
	    &cv, buf, size) == 0)
		return buf;
	write_date(d->order, &cv, buf, size);
	return buf;
}

/* Writes the cohort's line under the title: coach, dates, zone. */
static void
cohort_line(const struct cohort *c, const struct report_dates *d, char *line, size_t size)
{
	char from[40], to[40], span[96] = "", coach[256], zone[96];

	snprintf(coach, sizeof coach, pgettext("report", "Coach %s <%s>"), c->coach_name,
	    c->coach_email);
	stored_date(d, c->starts_on, from, sizeof from);
	if (*c->starts_on)
		snprintf(span, sizeof span, pgettext("report", "%s to %s"), stored_date(d,
		    c->starts_on, from, sizeof from), stored_date(d, c->ends_on, to, sizeof to));
	else
		snprintf(span, sizeof span, "%s", stored_date(d, c->ends_on, to, sizeof to));
	snprintf(zone, sizeof zone, pgettext("report", "times in %s"), c->tz);
	snprintf(line, size, "%s   %s   %s", coach, span, zone);
}

double
draw_heading(struct pdf *pdf, double w, double h, const char *title, const struct cohort *c,
    const struct report_dates *d, int64_t as_of)
{
	char line[512], when[48];
	double y = h - MARGIN - 16;

	pdf_text(pdf, MARGIN, y, w - 2 * MARGIN - 180, PDF_LEFT, title, report_fit(pdf, title,
	    w - 2 * MARGIN - 180, 17, 1), 1, ACCENT);
	snprintf(line, sizeof line, pgettext("report", "as of %s"), report_time(d, as_of, when,
	    sizeof when));
	pdf_text(pdf, w - MARGIN - 180, y, 180, PDF_RIGHT, line, report_fit(pdf, line, 180, 9, 0),
	    0, MUTED);
	y -= 18;
	snprintf(line, sizeof line, "%s (%s)", c->name, c->slug);
	pdf_text(pdf, MARGIN, y, w - 2 * MARGIN, PDF_LEFT, line, 11, 1, INK);
	y -= 13;
	cohort_line(c, d, line, sizeof line);
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
	snprintf(line, sizeof line, pgettext("report", "page %d of %d"), page, pages);
	pdf_text(pdf, w - MARGIN - 120, MARGIN - 18, 120, PDF_RIGHT, line, 7.5, 0, MUTED);
}

void
draw_figure(struct pdf *pdf, double x, double y, double w, double h, const char *label,
    const char *value, const char *note)
{
	const struct rgb panel = { 0.96, 0.97, 0.98 };

	pdf_box(pdf, x, y, w, h, &panel, &RULE);
	pdf_text(pdf, x + 8, y + h - 13, w - 16, PDF_LEFT, label, report_fit(pdf, label, w - 16,
	    7.5, 0), 0, MUTED);
	pdf_text(pdf, x + 8, y + h - 34, w - 16, PDF_LEFT, value, 17, 1, INK);
	if (note != NULL)
		pdf_text(pdf, x + 8, y + 7, w - 16, PDF_LEFT, note, report_fit(pdf, note, w - 16,
		    7, 0), 0, MUTED);
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
