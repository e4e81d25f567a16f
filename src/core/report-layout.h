/* SPDX-License-Identifier: Apache-2.0 */
/* report-layout.h - what the three reports share: page frame, colours, figures. */
#ifndef SHOWUP_REPORT_LAYOUT_H
#define SHOWUP_REPORT_LAYOUT_H

#include "showup/ladder.h"
#include "showup/policy.h"
#include "showup/report.h"
#include "showup/roll.h"

#define MARGIN 36.0

extern const struct rgb INK, MUTED, RULE, WHITE, ACCENT;

/*
 * A report's words, in the language lang_use chose: pgettext("report", "rate") is
 * the catalogs' message "rate" in the context "report", apart from the same word
 * in a notice or a page (a column head may be shorter than a sentence's word);
 * npgettext the same for a count's noun. xgettext knows both names. English: the
 * message itself.
 */
const char *report_pgettext(const char *ctx_msgid) __attribute__((format_arg(1)));
const char *report_npgettext(const char *ctx_one, const char *many, unsigned long n)
    __attribute__((format_arg(1), format_arg(2)));
#define pgettext(ctx, msgid) report_pgettext(ctx "\004" msgid)
#define npgettext(ctx, one, many, n) report_npgettext(ctx "\004" one, many, n)

/* Makes the cohort's language the reports' (lang_use); returns the one it replaces. */
const char *report_lang_use(const struct cohort *c);

/* The tint of a matrix cell for an outcome (readable in grey too: letters carry it). */
struct rgb outcome_tint(enum outcome o);
/* The outcome as people say it: "late cancellation", "no-show", in this language. */
const char *outcome_words(enum outcome o);
/* The outcome's letter in a matrix cell and the legend ("P", "X"; German "A", ...). */
const char *outcome_abbrev(enum outcome o);
/* A step of the ladder as words ("final-notice": "final notice", "letzte Mahnung"); a
 * step of the coach's own as it is. */
const char *ladder_words(const char *kind);
/* The kind of a session as words ("group", "Gruppe"). */
const char *kind_words(enum session_kind k);
/* The state of a refund offer as words ("expired", "abgelaufen"). */
const char *offer_words(enum offer_state s);
/*
 * Returns type size 'size', or a smaller one (down to three quarters of it) at
 * which the words 'text' fit in 'width' points: a translated heading or label
 * longer than the English one shrinks rather than being cut. English: 'size'
 * (its words were laid out to fit), without measuring.
 */
double report_fit(struct pdf *pdf, const char *text, double width, double size, int bold);
/* Writes an amount as the report's language writes it ("1.890,00 €"; English as
 * money_format: "1,890.00 EUR"); returns buf. */
char *report_amount(int64_t cents, const char *currency, char *buf, size_t size);

/* How a report writes moments: in the cohort's zone and date order (policy date.order,
 * else its zone's region), with the weekday. */
struct date_memo;
struct report_dates {
	const char *tz;
	enum date_order order;
	struct date_memo *memo;	/* dates written by ICU already (the same in every row) */
};
void report_dates_init(struct report_dates *d, const struct cohort *c, const struct policy *p);
void report_dates_free(struct report_dates *d);
/* Writes "Wed 11/04/2026 09:00" (mdy), "Wed 04/11/2026 09:00" (dmy) or
 * "Wed 2026-11-04 09:00" (ymd) into buf (40 bytes are enough); returns buf. */
char *report_time(const struct report_dates *d, int64_t t, char *buf, size_t size);
/* Writes the short day of t ("11/4", "4/11", "11-04") into 'day' and its weekday
 * ("We") into 'wd', for a narrow column head; returns 'day'. */
char *report_day(const struct report_dates *d, int64_t t, char *day, size_t size, char *wd,
    size_t wd_size);
/*
 * Draws the report's heading (title, cohort, coach, dates, zone, date of the
 * report) at the top of a page of width w and height h; returns the y below it.
 */
double draw_heading(struct pdf *pdf, double w, double h, const char *title,
    const struct cohort *c, const struct report_dates *d, int64_t as_of);
/* Draws "cohort - page i of n" at the foot of the page. */
void draw_footer(struct pdf *pdf, double w, const struct cohort *c, int page, int pages);
/* Draws a figure box: a label above a large value, and a note under it. */
void draw_figure(struct pdf *pdf, double x, double y, double w, double h,
    const char *label, const char *value, const char *note);
/* Writes a ratio as "87%", or "-" when there is nothing to measure. */
const char *percent_text(double v, char *buf, size_t size);
/* Notes once in the warnings when a participant's name has characters no font draws. */
void check_name(struct pdf *pdf, struct report_request *rq, const struct participant *p);
/*
 * The latest refund offer made to a participant by 'as_of', and its state then
 * (an offer decided later was still open; one past its end had expired); NULL if none.
 */
const struct refund_offer *offer_as_of(const struct refund_offer_list *l,
    int64_t participant_id, int64_t as_of, enum offer_state *state);
/*
 * The pages a table of 'rows' rows takes after its first page, which holds
 * 'first' rows, when each page after it holds 'more' (at least 1).
 */
size_t overflow_pages(size_t rows, size_t first, size_t more);

/* How the attendance report falls into pages, worked out before anything is drawn. */
struct attendance_layout {
	size_t cols_per_block;	/* sessions side by side on a page of the matrix */
	size_t rows_per_page;	/* participants on a page of the matrix */
	size_t risk_rows_first;	/* the at-risk list's rows on page 1, under the chart */
	size_t risk_rows_more;	/* its rows on each page after that */
	int pages;		/* page 1, the at-risk list's further pages, the matrix's */
};
/*
 * Lays out the attendance report (landscape 'paper') of 'people' participants,
 * 'sessions' sessions and 'risk' people at risk: the matrix in blocks of
 * cols_per_block sessions, each block over pages of rows_per_page people (one
 * page for a cohort of none), no matrix without sessions.
 */
void attendance_layout(enum pdf_paper paper, size_t people, size_t sessions, size_t risk,
    struct attendance_layout *out);
/* Starts the document for 'rq' with its title and subject; NULL with 'e' set. */
struct pdf *report_start(struct report_request *rq, const struct cohort *c,
    const char *title, int landscape, su_err *e);
/* Saves the document to rq->path (or appends it to rq->buffer) and frees it; 0 or -1. */
int report_finish(struct pdf *pdf, struct report_request *rq, su_err *e);

#endif
