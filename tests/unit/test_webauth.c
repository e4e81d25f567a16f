/* SPDX-License-Identifier: Apache-2.0 */
/* test_webauth.c - serve's signed links and form tokens: made, checked, and refused. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "showup/webauth.h"
#include "suites.h"

static const struct webauth_key key = { { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
	16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32 } };
static const struct webauth_key other = { { 32, 31 } };

START_TEST(link_token_round_trip)
{
	char *t = webauth_link_token(&key, 7, 42, 2000000000);
	int64_t c = 0, p = 0;
	su_err e;

	ck_assert_str_eq(strchr(t, '.') ? "ok" : "no", "ok");
	ck_assert_int_eq(webauth_link_check(&key, t, 1999999999, &c, &p, &e), 1);
	ck_assert_int_eq(c, 7);
	ck_assert_int_eq(p, 42);
	ck_assert_int_eq(webauth_link_check(&key, t, 2000000000, &c, &p, &e), 1);
	free(t);
}
END_TEST

/* Each of these is refused, with the reason named. */
static const struct {
	const char *change;	/* what to do to a good token */
	const char *why;
} bad_cases[] = {
	{ "expire", "an expired link" },
	{ "other-key", "a link this server did not make" },
	{ "participant", "a link this server did not make" },
	{ "mac", "a link this server did not make" },
	{ "short", "a malformed link" },
	{ "empty", "a malformed link" },
};

START_TEST(link_token_refusals)
{
	char *t = webauth_link_token(&key, 7, 42, 2000000000), *bad = xstrdup(t);
	const char *change = bad_cases[_i].change;
	const struct webauth_key *k = &key;
	int64_t now = 1000, c, p;
	su_err e;

	if (strcmp(change, "expire") == 0)
		now = 2000000001;
	else if (strcmp(change, "other-key") == 0)
		k = &other;
	else if (strcmp(change, "participant") == 0)
		bad[2] = '3';	/* "7.42." -> "7.32." */
	else if (strcmp(change, "mac") == 0)
		bad[strlen(bad) - 1] = bad[strlen(bad) - 1] == 'A' ? 'B' : 'A';
	else if (strcmp(change, "short") == 0)
		bad[strlen(bad) - 2] = '\0';
	else
		bad[0] = '\0';
	ck_assert_int_eq(webauth_link_check(k, bad, now, &c, &p, &e), 0);
	ck_assert_str_eq(e.msg, bad_cases[_i].why);
	free(bad);
	free(t);
}
END_TEST

START_TEST(form_token_bound_to_its_holder)
{
	char t[WEBAUTH_TOKEN_LEN + 1];

	webauth_form_token(&key, "session-a", t);
	ck_assert_int_eq((int)strlen(t), WEBAUTH_TOKEN_LEN);
	ck_assert_int_eq(webauth_form_check(&key, "session-a", t), 1);
	ck_assert_int_eq(webauth_form_check(&key, "session-b", t), 0);
	ck_assert_int_eq(webauth_form_check(&other, "session-a", t), 0);
	ck_assert_int_eq(webauth_form_check(&key, "session-a", NULL), 0);
	ck_assert_int_eq(webauth_form_check(&key, "session-a", ""), 0);
}
END_TEST

Suite *
webauth_suite(void)
{
	Suite *s = suite_create("webauth");
	TCase *tc = tcase_create("webauth");

	tcase_add_test(tc, link_token_round_trip);
	tcase_add_loop_test(tc, link_token_refusals, 0, ARRAY_SIZE(bad_cases));
	tcase_add_test(tc, form_token_bound_to_its_holder);
	suite_add_tcase(s, tc);
	return s;
}
