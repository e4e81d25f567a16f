/* SPDX-License-Identifier: Apache-2.0 */
/* test_lang.c - dates, amounts and numbers as each language writes them (ICU), and
 * the language switched per thread. */
#include "config.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "showup/lang.h"
#include "showup/timeutil.h"
#include "showup/words.h"
#include "suites.h"

#define NBSP "\xc2\xa0"		/* U+00A0 */
#define NNBSP "\xe2\x80\xaf"	/* U+202F, French digit groups */

/* Tuesday 14 September 2027, 18:00 (wall time) in each language. */
static const struct {
	const char *lang, *skeleton, *want;
} date_cases[] = {
	{ "de", "EEEdMMMHHmm", "Di., 14. Sept., 18:00" },
	{ "de", "EEEEdMMMMy", "Dienstag, 14. September 2027" },
	{ "fr", "EEEdMMMHHmm", "mar. 14 sept., 18:00" },
	{ "fr", "EEEEdMMMMy", "mardi 14 septembre 2027" },
	{ "es", "EEEEdMMMMy", "martes, 14 de septiembre de 2027" },
	{ "en", "EEEEdMMMMy", "Tuesday, 14 September 2027" },
};

/* 1,890.00 of a currency in each language. */
static const struct {
	const char *lang, *currency, *want;
} amount_cases[] = {
	{ "de", "EUR", "1.890,00" NBSP "\xe2\x82\xac" },
	{ "fr", "EUR", "1" NNBSP "890,00" NBSP "\xe2\x82\xac" },
	{ "es", "EUR", "1.890,00" NBSP "\xe2\x82\xac" },
	{ "en", "EUR", "\xe2\x82\xac" "1,890.00" },
	{ "de", "CHF", "1.890,00" NBSP "CHF" },
};

START_TEST(test_dates)
{
	const struct civil c = { 2027, 9, 14, 18, 0, 0 };
	struct strbuf out = STRBUF_INIT;

	lang_use(date_cases[_i].lang);
	ck_assert_int_eq(lang_date(&c, date_cases[_i].skeleton, &out), 0);
	sb_addc(&out, '\0');
	ck_assert_str_eq(out.buf, date_cases[_i].want);
	lang_use(NULL);
	free(out.buf);
}
END_TEST

START_TEST(test_amounts)
{
	struct strbuf out = STRBUF_INIT;

	lang_use(amount_cases[_i].lang);
	ck_assert_int_eq(lang_amount(189000, amount_cases[_i].currency, &out), 0);
	sb_addc(&out, '\0');
	ck_assert_str_eq(out.buf, amount_cases[_i].want);
	lang_use(NULL);
	free(out.buf);
}
END_TEST

START_TEST(test_number_and_refusals)
{
	struct strbuf out = STRBUF_INIT;

	lang_use("de");
	ck_assert_int_eq(lang_number(10000, &out), 0);
	sb_addc(&out, '\0');
	ck_assert_str_eq(out.buf, "10.000");
	out.len = 0;
	ck_assert_int_eq(lang_amount(100, "EURO", &out), -1);	/* not an ISO code */
	ck_assert_uint_eq(out.len, 0);
	ck_assert_str_eq(lang_use("xx"), "de");	/* unknown: English, says what it was */
	ck_assert_str_eq(lang_now(), "en");
	ck_assert(lang_known("fr") && !lang_known("it") && !lang_known(NULL));
	free(out.buf);
}
END_TEST

/* A list of names in each language: the catalogs' word, English without one. */
static const struct {
	const char *lang, *want;
} list_cases[] = {
	{ "en", "Ana, Bo and Cy" },
	{ "de", "Ana, Bo und Cy" },
	{ "fr", "Ana, Bo et Cy" },
	{ "es", "Ana, Bo y Cy" },
};

START_TEST(test_words_from_the_catalogs)
{
	const char *names[] = { "Ana", "Bo", "Cy" };
	struct strbuf out = STRBUF_INIT;

	lang_use(list_cases[_i].lang);
	names_joined(names, 3, &out);
	sb_addc(&out, '\0');
	ck_assert_str_eq(out.buf, list_cases[_i].want);
	lang_use(NULL);
	free(out.buf);
}
END_TEST

/* Sets this thread's language to French and returns what lang_now() says then. */
static void *
french_thread(void *unused)
{
	(void)unused;
	lang_use("fr");
	return (void *)lang_now();
}

START_TEST(test_language_is_per_thread)
{
	pthread_t t;
	void *theirs;

	lang_use("de");
	ck_assert_int_eq(pthread_create(&t, NULL, french_thread, NULL), 0);
	ck_assert_int_eq(pthread_join(t, &theirs), 0);
	ck_assert_str_eq((const char *)theirs, "fr");
	ck_assert_str_eq(lang_now(), "de");	/* the other thread's switch is its own */
	lang_use(NULL);
}
END_TEST

Suite *
lang_suite(void)
{
	Suite *s = suite_create("lang");
	TCase *tc = tcase_create("formats");

	tcase_add_loop_test(tc, test_dates, 0, (int)(sizeof date_cases / sizeof *date_cases));
	tcase_add_loop_test(tc, test_amounts, 0,
	    (int)(sizeof amount_cases / sizeof *amount_cases));
	tcase_add_test(tc, test_number_and_refusals);
	tcase_add_loop_test(tc, test_words_from_the_catalogs, 0,
	    (int)(sizeof list_cases / sizeof *list_cases));
	tcase_add_test(tc, test_language_is_per_thread);
	suite_add_tcase(s, tc);
	return s;
}
