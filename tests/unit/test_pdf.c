/* SPDX-License-Identifier: Apache-2.0 */
/* test_pdf.c - what the reports' pages are made of: paper sizes, text widths and text cut
 * to fit, the fonts' coverage, offers as of a date, and how the pages fall. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "report-layout.h"
#include "showup/lang.h"
#include "showup/pdf.h"
#include "suites.h"

#define ELLIPSIS "\xe2\x80\xa6"
#define FALLBACK_CJK "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"

/* Starts a document with the default fonts and no fallback, and one page. */
static struct pdf *
new_pdf(const char *fallback)
{
	struct pdf_options o = { .paper = PAPER_A4, .fallback_font = fallback };
	double w, h;
	struct pdf *p;
	su_err e;

	p = pdf_new(&o, &e);
	ck_assert_msg(p != NULL, "%s", e.msg);
	pdf_page(p, &w, &h);
	return p;
}

/* --- paper -------------------------------------------------------------------------- */

/* Page sizes in points (1/72 inch): A4 is 210 x 297 mm, Letter 8.5 x 11 inches. */
static const struct {
	enum pdf_paper paper;
	int landscape;
	double width_mm, height_mm;
} paper_cases[] = {
	{ PAPER_A4, 0, 210, 297 },
	{ PAPER_A4, 1, 297, 210 },
	{ PAPER_LETTER, 0, 8.5 * 25.4, 11 * 25.4 },
	{ PAPER_LETTER, 1, 11 * 25.4, 8.5 * 25.4 },
};

/* pdf_paper_size: A4 and Letter, upright and turned, in points. */
START_TEST(paper_sizes_in_points)
{
	double w, h;

	pdf_paper_size(paper_cases[_i].paper, paper_cases[_i].landscape, &w, &h);
	ck_assert_double_eq_tol(w, paper_cases[_i].width_mm / 25.4 * 72, 0.01);
	ck_assert_double_eq_tol(h, paper_cases[_i].height_mm / 25.4 * 72, 0.01);
}
END_TEST

/* --- text widths and cutting ---------------------------------------------------------- */

/* Widths grow with the size in proportion, add up over the parts of a text, are none for
 * no text, and are the same before the first page. */
START_TEST(text_width_scales_and_adds)
{
	struct pdf_options o = { .paper = PAPER_A4, .fallback_font = "" };
	struct pdf *p;
	double one, two;
	su_err e;

	p = pdf_new(&o, &e);
	ck_assert_ptr_nonnull(p);
	one = pdf_text_width(p, "Attendance", 10, 0);	/* no page yet: widths all the same */
	pdf_free(p);
	p = new_pdf("");
	ck_assert_double_eq_tol(pdf_text_width(p, "Attendance", 10, 0), one, 1e-9);
	one = pdf_text_width(p, "Attendance", 10, 0);
	two = pdf_text_width(p, "Attendance", 20, 0);
	ck_assert_double_gt(one, 10);		/* ten characters, each some points wide */
	ck_assert_double_eq_tol(two, 2 * one, 1e-3);
	ck_assert_double_eq_tol(pdf_text_width(p, "Ana Lima", 9, 0),
	    pdf_text_width(p, "Ana ", 9, 0) + pdf_text_width(p, "Lima", 9, 0), 1e-3);
	ck_assert_double_gt(pdf_text_width(p, "WWWW", 9, 0), pdf_text_width(p, "iiii", 9, 0));
	ck_assert_double_gt(pdf_text_width(p, "Attendance", 10, 1), one);	/* bold is wider */
	ck_assert_double_eq(pdf_text_width(p, "", 10, 0), 0);
	pdf_free(p);
}
END_TEST

/* Texts to cut: ASCII, two-byte and three-byte UTF-8, spaces where a cut may fall. */
static const struct {
	const char *text;
	int bold;
} fit_cases[] = {
	{ "Attendance report: Spring cohort 2026, all sessions", 0 },
	{ "Attendance report: Spring cohort 2026, all sessions", 1 },
	{ "Zoë Ñandú-Castellanos and Ελένη Παπαδοπούλου", 0 },
	{ "€→€→€ ≤ ≥ ∑ ∏ ★★★ ‰‰‰ ←←← end", 0 },
	{ "a b c d e f g h i j k l m n o p", 0 },
	{ "word     spaced     out     a     lot", 1 },
};

/* Returns the length of the code point starting at s. */
static size_t
cp_len(const char *s)
{
	unsigned char c = (unsigned char)*s;

	return c < 0x80 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
}

/*
 * The cut text as the contract says, found by trying every cut in turn: the longest
 * prefix of whole code points that fits with the ellipsis, its trailing spaces dropped.
 */
static char *
fit_by_trying(struct pdf *p, const char *text, double width, double size, int bold)
{
	struct strbuf sb = STRBUF_INIT;
	size_t best = 0, len = strlen(text);

	for (size_t n = 0; n <= len; n += n < len ? cp_len(text + n) : 1) {
		sb_reset(&sb);
		sb_add(&sb, text, n);
		sb_adds(&sb, ELLIPSIS);
		if (pdf_text_width(p, sb_str(&sb), size, bold) <= width)
			best = n;
	}
	while (best > 0 && text[best - 1] == ' ')
		best--;
	sb_reset(&sb);
	sb_add(&sb, text, best);
	sb_adds(&sb, ELLIPSIS);
	return sb_detach(&sb);
}

/* pdf_fit at every width from nothing to the whole text: the longest prefix that fits. */
START_TEST(fit_cuts_at_the_longest_prefix)
{
	const char *text = fit_cases[_i].text;
	int bold = fit_cases[_i].bold;
	struct pdf *p = new_pdf("");
	double full = pdf_text_width(p, text, 9, bold);

	for (double width = 0.5; width < full; width += 1.25) {
		char *got = pdf_fit(p, text, width, 9, bold);
		char *want = fit_by_trying(p, text, width, 9, bold);
		size_t n = strlen(got) - strlen(ELLIPSIS);

		ck_assert_msg(strcmp(got, want) == 0, "at %.2f pt: '%s', not '%s'", width, got,
		    want);
		ck_assert(utf8_valid(got, strlen(got)));
		ck_assert(strncmp(got, text, n) == 0);
		if (n > 0)	/* it fits, unless not even the ellipsis alone does */
			ck_assert_double_le(pdf_text_width(p, got, 9, bold), width);
		free(got);
		free(want);
	}
	pdf_free(p);
}
END_TEST

/* --- fonts ------------------------------------------------------------------------------ */

/* Latin, Greek and Cyrillic names are drawn by the main font; CJK needs a fallback. */
START_TEST(fonts_cover_names)
{
	struct pdf *p = new_pdf("");

	ck_assert_int_eq(pdf_covers(p, "Ana Lima"), 1);
	ck_assert_int_eq(pdf_covers(p, "Zoë Ελένη Жанна"), 1);
	ck_assert_int_eq(pdf_covers(p, "山田太郎"), 0);
	ck_assert_int_eq(pdf_covers(p, "Ana 山田"), 0);
	pdf_free(p);
	if (access(FALLBACK_CJK, R_OK) != 0)
		return;		/* no CJK font installed to fall back on */
	p = new_pdf(FALLBACK_CJK);
	ck_assert_int_eq(pdf_covers(p, "Ana 山田太郎"), 1);
	pdf_free(p);
}
END_TEST

/* --- the reports' shared parts --------------------------------------------------------- */

static const struct {
	double v;
	const char *text;
} percent_cases[] = {
	{ -1, "-" }, { 0, "0%" }, { 0.004, "0%" }, { 0.874, "87%" }, { 0.876, "88%" },
	{ 1, "100%" }, { 0.996, "100%" },
};

/* percent_text: a whole percentage, rounded; "-" when there is nothing to measure. */
START_TEST(percent_text_rounds)
{
	char buf[16];

	ck_assert_str_eq(percent_text(percent_cases[_i].v, buf, sizeof buf),
	    percent_cases[_i].text);
}
END_TEST

/* Every final outcome has its own words and a tint of its own, none of them white. */
START_TEST(outcomes_have_own_words_and_tints)
{
	static const enum outcome finals[] = { OUTCOME_PRESENT, OUTCOME_LATE, OUTCOME_CANCELLED,
		OUTCOME_LATE_CANCEL, OUTCOME_NO_SHOW, OUTCOME_EXCUSED, OUTCOME_NOT_HELD };

	ck_assert_str_eq(outcome_words(OUTCOME_LATE_CANCEL), "late cancellation");
	ck_assert_str_eq(outcome_words(OUTCOME_NO_SHOW), "no-show");
	for (size_t i = 0; i < ARRAY_SIZE(finals); i++) {
		struct rgb a = outcome_tint(finals[i]);

		ck_assert_msg(a.r + a.g + a.b < 3, "%s is white", outcome_words(finals[i]));
		for (size_t j = 0; j < i; j++) {
			struct rgb b = outcome_tint(finals[j]);

			ck_assert_str_ne(outcome_words(finals[i]), outcome_words(finals[j]));
			ck_assert_msg(a.r != b.r || a.g != b.g || a.b != b.b,
			    "%s and %s share a tint", outcome_words(finals[i]),
			    outcome_words(finals[j]));
		}
	}
}
END_TEST

/* In each language the reports write, every outcome has its own words and its own
 * letter in the matrix; reason codes and ladder steps read as words, English keeps
 * the codes; a code of the coach's own stays as it is. */
START_TEST(outcome_words_each_language)
{
	static const enum outcome shown[] = { OUTCOME_PRESENT, OUTCOME_LATE, OUTCOME_CANCELLED,
		OUTCOME_LATE_CANCEL, OUTCOME_NO_SHOW, OUTCOME_EXCUSED, OUTCOME_RESCHEDULED,
		OUTCOME_NOT_HELD, OUTCOME_UNRECORDED, OUTCOME_NOT_EXPECTED };
	const char *was = lang_use(lang_codes[_i]);

	for (size_t i = 0; i < ARRAY_SIZE(shown); i++)
		for (size_t j = 0; j < i; j++) {
			ck_assert_str_ne(outcome_words(shown[i]), outcome_words(shown[j]));
			ck_assert_str_ne(outcome_abbrev(shown[i]), outcome_abbrev(shown[j]));
		}
	ck_assert_str_eq(ladder_words("my-own-step"), "my-own-step");
	if (_i == 0) {
		ck_assert_str_eq(ladder_words("final-notice"), "final-notice");
		ck_assert_str_eq(outcome_abbrev(OUTCOME_LATE_CANCEL), "X");
	} else {
		ck_assert_str_ne(outcome_words(OUTCOME_NO_SHOW), "no-show");
	}
	if (strcmp(lang_codes[_i], "de") == 0) {
		ck_assert_str_eq(outcome_words(OUTCOME_LATE_CANCEL), "späte Absage");
	}
	lang_use(was);
}
END_TEST

/* Offers as the store lists them: person 5 declined one and has a second open, person 6
 * accepted, person 7's ran out (stored expired). */
static struct refund_offer offers_v[] = {
	{ .id = 1, .participant_id = 5, .offered_at = 100, .expires_at = 800,
		.state = OFFER_DECLINED, .decided_at = 300 },
	{ .id = 3, .participant_id = 6, .offered_at = 200, .expires_at = 900,
		.state = OFFER_ACCEPTED, .decided_at = 500 },
	{ .id = 4, .participant_id = 7, .offered_at = 100, .expires_at = 800,
		.state = OFFER_EXPIRED, .decided_at = 800 },
	{ .id = 2, .participant_id = 5, .offered_at = 1000, .expires_at = 1700,
		.state = OFFER_OPEN },
};

static const struct {
	int64_t participant, as_of;
	int64_t id;			/* 0: none */
	enum offer_state state;
} as_of_cases[] = {
	{ 5, 99, 0, OFFER_OPEN },		/* before any offer */
	{ 5, 100, 1, OFFER_OPEN },
	{ 5, 299, 1, OFFER_OPEN },		/* declined later: still open then */
	{ 5, 300, 1, OFFER_DECLINED },
	{ 5, 999, 1, OFFER_DECLINED },
	{ 5, 1000, 2, OFFER_OPEN },		/* the newer offer by then */
	{ 5, 1699, 2, OFFER_OPEN },
	{ 5, 1700, 2, OFFER_EXPIRED },		/* its end came */
	{ 6, 499, 3, OFFER_OPEN },
	{ 6, 500, 3, OFFER_ACCEPTED },
	{ 6, 5000, 3, OFFER_ACCEPTED },		/* past its end: accepted stays accepted */
	{ 7, 799, 4, OFFER_OPEN },
	{ 7, 800, 4, OFFER_EXPIRED },
	{ 8, 5000, 0, OFFER_OPEN },		/* never offered */
};

/* offer_as_of: the latest offer made by a date, and its state as it stood then. */
START_TEST(offer_as_of_a_date)
{
	struct refund_offer_list l = { offers_v, ARRAY_SIZE(offers_v) };
	enum offer_state state = (enum offer_state)-1;
	const struct refund_offer *o = offer_as_of(&l, as_of_cases[_i].participant,
	    as_of_cases[_i].as_of, &state);

	if (as_of_cases[_i].id == 0) {
		ck_assert_ptr_null(o);
		return;
	}
	ck_assert_ptr_nonnull(o);
	ck_assert_int_eq(o->id, as_of_cases[_i].id);
	ck_assert_str_eq(offer_state_name(state), offer_state_name(as_of_cases[_i].state));
}
END_TEST

/* --- how pages fall --------------------------------------------------------------------- */

static const struct {
	size_t rows, first, more;
	size_t pages;
} overflow_cases[] = {
	{ 0, 10, 20, 0 }, { 10, 10, 20, 0 }, { 11, 10, 20, 1 }, { 30, 10, 20, 1 },
	{ 31, 10, 20, 2 }, { 70, 10, 20, 3 }, { 71, 10, 20, 4 }, { 5, 0, 1, 5 }, { 3, 0, 2, 2 },
};

/* overflow_pages: the pages a table needs after its first. */
START_TEST(overflow_pages_after_the_first)
{
	ck_assert_uint_eq(overflow_pages(overflow_cases[_i].rows, overflow_cases[_i].first,
	    overflow_cases[_i].more), overflow_cases[_i].pages);
}
END_TEST

/*
 * The attendance report's pages for people, sessions and people at risk, each given
 * in the layout's own units (rows a page, columns a block, at-risk rows a page) plus
 * some: page 1, then the at-risk list's overflow, then blocks x pages of the matrix.
 */
static const struct {
	size_t people_pages, people_extra;	/* people = pages x rows_per_page + extra */
	size_t blocks, sessions_extra;		/* sessions = blocks x cols_per_block + extra */
	size_t risk_first, risk_more, risk_extra; /* risk = first x F + more x M + extra */
	int pages;
} layout_cases[] = {
	{ 0, 1, 0, 0, 0, 0, 0, 1 },		/* no sessions: no matrix */
	{ 0, 1, 0, 1, 0, 0, 0, 2 },
	{ 1, 0, 1, 0, 0, 0, 0, 2 },		/* a full page of a full block */
	{ 1, 1, 1, 0, 0, 0, 0, 3 },		/* one person more: a second page */
	{ 1, 0, 1, 1, 0, 0, 0, 3 },		/* one session more: a second block */
	{ 2, 0, 2, 1, 0, 0, 0, 7 },		/* 3 blocks of 2 pages */
	{ 0, 0, 0, 1, 0, 0, 0, 2 },		/* no one: a page of the matrix still */
	{ 0, 1, 0, 1, 1, 0, 0, 2 },		/* page 1 holds its share of the at-risk list */
	{ 0, 1, 0, 1, 1, 0, 1, 3 },
	{ 0, 1, 0, 1, 1, 1, 0, 3 },
	{ 0, 1, 0, 1, 1, 1, 1, 4 },
	{ 2, 1, 1, 1, 1, 2, 1, 1 + 3 + 2 * 3 },
};

/* attendance_layout's page count on A4 and Letter for each cohort of the table. */
START_TEST(attendance_layout_pages)
{
	static const enum pdf_paper papers[] = { PAPER_A4, PAPER_LETTER };

	for (size_t k = 0; k < ARRAY_SIZE(papers); k++) {
		struct attendance_layout unit, l;
		size_t people, sessions, risk;

		attendance_layout(papers[k], 1, 1, 0, &unit);
		people = layout_cases[_i].people_pages * unit.rows_per_page +
		    layout_cases[_i].people_extra;
		sessions = layout_cases[_i].blocks * unit.cols_per_block +
		    layout_cases[_i].sessions_extra;
		risk = layout_cases[_i].risk_first * unit.risk_rows_first +
		    layout_cases[_i].risk_more * unit.risk_rows_more + layout_cases[_i].risk_extra;
		attendance_layout(papers[k], people, sessions, risk, &l);
		ck_assert_msg(l.pages == layout_cases[_i].pages, "%s: %zu people, %zu sessions, "
		    "%zu at risk: %d pages, not %d", k ? "Letter" : "A4", people, sessions, risk,
		    l.pages, layout_cases[_i].pages);
	}
}
END_TEST

/* The layout follows the paper: A4 landscape is wider (more sessions a block), Letter
 * landscape taller (as many people a page or more); page 1 shares its room with the
 * figures and the chart. */
START_TEST(attendance_layout_by_paper)
{
	struct attendance_layout a4, letter;

	attendance_layout(PAPER_A4, 10, 10, 10, &a4);
	attendance_layout(PAPER_LETTER, 10, 10, 10, &letter);
	ck_assert_uint_gt(a4.cols_per_block, letter.cols_per_block);
	ck_assert_uint_ge(letter.rows_per_page, a4.rows_per_page);
	ck_assert_uint_gt(a4.risk_rows_more, a4.risk_rows_first);
	ck_assert_uint_gt(letter.risk_rows_more, letter.risk_rows_first);
	ck_assert_uint_gt(a4.risk_rows_first, 0);
	ck_assert_uint_gt(a4.rows_per_page, 10);
	ck_assert_uint_gt(letter.cols_per_block, 10);
}
END_TEST

Suite *
pdf_suite(void)
{
	Suite *s = suite_create("pdf");
	TCase *tc = tcase_create("pdf");

	tcase_add_loop_test(tc, paper_sizes_in_points, 0, ARRAY_SIZE(paper_cases));
	tcase_add_test(tc, text_width_scales_and_adds);
	tcase_add_loop_test(tc, fit_cuts_at_the_longest_prefix, 0, ARRAY_SIZE(fit_cases));
	tcase_add_test(tc, fonts_cover_names);
	tcase_add_loop_test(tc, percent_text_rounds, 0, ARRAY_SIZE(percent_cases));
	tcase_add_test(tc, outcomes_have_own_words_and_tints);
	tcase_add_loop_test(tc, outcome_words_each_language, 0, 4);
	tcase_add_loop_test(tc, offer_as_of_a_date, 0, ARRAY_SIZE(as_of_cases));
	tcase_add_loop_test(tc, overflow_pages_after_the_first, 0, ARRAY_SIZE(overflow_cases));
	tcase_add_loop_test(tc, attendance_layout_pages, 0, ARRAY_SIZE(layout_cases));
	tcase_add_test(tc, attendance_layout_by_paper);
	suite_add_tcase(s, tc);
	return s;
}
