/* SPDX-License-Identifier: Apache-2.0 */
/* test_lang.c - dates, amounts and numbers as each language writes them (ICU), and
 * the language switched per thread. */
#include "config.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <string.h>

#include "showup/lang.h"
#include "showup/notice.h"
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

/* Writes a template whose subject is 'subject' to ROOT/SUB/KIND (SUB "": ROOT/KIND). */
static void
put_template(const char *root, const char *sub, const char *kind, const char *subject)
{
	char *dir = xasprintf("%s%s%s", root, *sub ? "/" : "", sub), *path;
	FILE *f;

	ck_assert(mkdir(dir, 0700) == 0 || errno == EEXIST);
	path = xasprintf("%s/%s", dir, kind);
	ck_assert_ptr_nonnull(f = fopen(path, "w"));
	fprintf(f, "Subject: %s\nHi\n", subject);
	fclose(f);
	free(path);
	free(dir);
}

/* Removes what test_templates_per_notice put under root, and root. */
static void
remove_tree(const char *root)
{
	static const char *const files[] = { "own/warning", "own/fr/policy-reminder",
		"shipped/warning", "shipped/policy-reminder", "shipped/de/warning",
		"shipped/de/policy-reminder", "own/fr", "shipped/de", "own", "shipped", "" };

	for (size_t k = 0; k < sizeof files / sizeof *files; k++) {
		char *path = xasprintf("%s/%s", root, files[k]);

		if (remove(path) != 0)
			ck_abort_msg("cannot remove %s", path);
		free(path);
	}
}

/* Returns the subject of the template of 'kind' loaded in t for language 'lang' (static). */
static const char *
subject_in(const struct notice_templates *t, const char *lang, const char *kind)
{
	static struct strbuf sb = STRBUF_INIT;
	const struct tpl_scope none = { NULL, 0, NULL };
	const char *was = lang_use(lang);

	sb_reset(&sb);
	tpl_render(notice_template_find(t, kind)->subject, &none, &sb);
	lang_use(was);
	return sb_str(&sb);
}

/* A coach's folder of a German cohort holding one notice (and one in fr/): each notice
 * of each language found on its own, the rest from the shipped set of the language,
 * then the English one. */
START_TEST(test_templates_per_notice)
{
	char root[] = "/tmp/showup-lang-XXXXXX", *own, *shipped;
	const char *kinds[] = { "warning", "policy-reminder", NULL };
	struct notice_templates t;
	su_err e;

	ck_assert_ptr_nonnull(mkdtemp(root));
	own = xasprintf("%s/own", root);
	shipped = xasprintf("%s/shipped", root);
	put_template(own, "", "warning", "own warning");
	put_template(own, "fr", "policy-reminder", "own fr reminder");
	put_template(shipped, "", "warning", "en warning");
	put_template(shipped, "", "policy-reminder", "en reminder");
	put_template(shipped, "de", "warning", "de warning");
	put_template(shipped, "de", "policy-reminder", "de reminder");
	ck_assert_int_eq(notice_templates_load_langs(own, shipped, "de", kinds, &t, &e), 0);
	ck_assert_str_eq(subject_in(&t, "de", "warning"), "own warning");
	ck_assert_str_eq(subject_in(&t, "de", "policy-reminder"), "de reminder");
	ck_assert_str_eq(subject_in(&t, "fr", "policy-reminder"), "own fr reminder");
	ck_assert_str_eq(subject_in(&t, "fr", "warning"), "en warning");	/* no fr/ shipped */
	ck_assert_str_eq(subject_in(&t, "en", "warning"), "en warning");	/* own is German */
	ck_assert_str_eq(subject_in(&t, "es", "policy-reminder"), "en reminder");
	notice_templates_free(&t);
	/* a kind found nowhere is an error naming it */
	kinds[1] = "nudge";
	ck_assert_int_eq(notice_templates_load_langs(own, shipped, "de", kinds, &t, &e), -1);
	ck_assert_ptr_nonnull(strstr(e.msg, "no template for notice 'nudge'"));
	remove_tree(root);
	free(own);
	free(shipped);
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
	tcase_add_test(tc, test_templates_per_notice);
	suite_add_tcase(s, tc);
	return s;
}
