/* SPDX-License-Identifier: Apache-2.0 */
/* test_util.c - strings, UTF-8 checks, number parsing and the id and string maps. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "showup/atomicfile.h"
#include "showup/util.h"
#include "suites.h"

START_TEST(strbuf_grows_and_formats)
{
	struct strbuf sb = STRBUF_INIT;
	char *s;

	ck_assert_str_eq(sb_str(&sb), "");
	for (int i = 0; i < 1000; i++)
		sb_addf(&sb, "%d,", i % 10);
	ck_assert_uint_eq(sb.len, 2000);
	sb_reset(&sb);
	sb_adds(&sb, "abc");
	sb_addc(&sb, 'd');
	s = sb_detach(&sb);
	ck_assert_str_eq(s, "abcd");
	ck_assert_ptr_null(sb.buf);
	free(s);
}
END_TEST

static const struct {
	const char *text;
	int valid;
} utf8_cases[] = {
	{ "plain", 1 }, { "Jos\xc3\xa9", 1 }, { "\xce\x9d\xce\xaf\xce\xba\xce\xbf\xcf\x82", 1 },
	{ "\xe6\x9e\x97", 1 }, { "\xf0\x9f\x98\x80", 1 }, { "\xc3", 0 }, { "\xc0\xaf", 0 },
	{ "\xed\xa0\x80", 0 }, { "\xf4\x90\x80\x80", 0 }, { "\xff", 0 }, { "a\x80z", 0 },
};

START_TEST(utf8_validity)
{
	const char *t = utf8_cases[_i].text;

	ck_assert_int_eq(utf8_valid(t, strlen(t)), utf8_cases[_i].valid);
}
END_TEST

START_TEST(controls_and_case)
{
	ck_assert_int_eq(str_has_control("Ana\r\nBcc: x@y"), 1);
	ck_assert_int_eq(str_has_control("tab\there"), 0);
	ck_assert_int_eq(str_ieq("Ana@Example.COM", "ana@example.com"), 1);
	ck_assert_int_eq(str_ieq("ana", "anna"), 0);
}
END_TEST

START_TEST(int_parsing)
{
	long long v;

	ck_assert_int_eq(parse_int("42", 0, 100, &v), 0);
	ck_assert_int_eq(v, 42);
	ck_assert_int_eq(parse_int("101", 0, 100, &v), -1);
	ck_assert_int_eq(parse_int("4x", 0, 100, &v), -1);
	ck_assert_int_eq(parse_int("", 0, 100, &v), -1);
	ck_assert_int_eq(parse_int("-3", 0, 100, &v), -1);
}
END_TEST

START_TEST(maps_hold_many)
{
	struct idmap im = IDMAP_INIT;
	struct strmap sm = STRMAP_INIT;
	size_t v;
	long l;
	char key[32];

	for (int64_t id = 1; id <= 5000; id++)
		idmap_put(&im, id * 7, (size_t)id);
	for (int64_t id = 1; id <= 5000; id++) {
		ck_assert_int_eq(idmap_get(&im, id * 7, &v), 1);
		ck_assert_uint_eq(v, (size_t)id);
	}
	ck_assert_int_eq(idmap_get(&im, 3, &v), 0);
	for (int i = 0; i < 3000; i++) {
		snprintf(key, sizeof key, "Person%d@Example.com", i);
		strmap_put(&sm, key, i);
	}
	ck_assert_int_eq(strmap_get(&sm, "person2999@example.COM", &l), 1);
	ck_assert_int_eq(l, 2999);
	ck_assert_int_eq(strmap_get(&sm, "nobody@example.com", &l), 0);
	/* case folds at every length and place a word leaves; other bytes do not fold */
	for (size_t n = 0; n < 20; n++) {
		char lower[24], upper[24];

		for (size_t k = 0; k < n; k++) {
			lower[k] = (char)('a' + (k * 7) % 26);
			upper[k] = k % 3 ? (char)(lower[k] - 32) : lower[k];
		}
		lower[n] = upper[n] = '\0';
		ck_assert_uint_eq(hash_str(lower, 1), hash_str(upper, 1));
		if (n > 0) {
			upper[n - 1] = '@';	/* '@' and '[' border the capitals: no letters */
			ck_assert_uint_ne(hash_str(lower, 1), hash_str(upper, 1));
		}
	}
	ck_assert_uint_ne(hash_str("\xc3\x89", 1), hash_str("\xc3\xa9", 1));	/* É, é */
	ck_assert_uint_eq(hash_str("[`{@", 1), hash_str("[`{@", 1));
	ck_assert_uint_ne(hash_str("[", 1), hash_str("{", 1));
	idmap_free(&im);
	strmap_free(&sm);
}
END_TEST

START_TEST(strings_are_interned_once)
{
	struct strpool sp = STRPOOL_INIT;
	uint32_t ids[3000];
	char key[32];

	ck_assert_str_eq(strpool_str(&sp, 0), "");
	ck_assert_uint_eq(strpool_intern(&sp, ""), 0);
	for (int i = 0; i < 3000; i++) {
		snprintf(key, sizeof key, "note %d", i);
		ids[i] = strpool_intern(&sp, key);
		ck_assert_uint_ne(ids[i], 0);
	}
	for (int i = 0; i < 3000; i++) {
		snprintf(key, sizeof key, "note %d", i);
		ck_assert_uint_eq(strpool_intern(&sp, key), ids[i]);
		ck_assert_str_eq(strpool_str(&sp, ids[i]), key);
	}
	ck_assert_uint_ne(strpool_intern(&sp, "Note 1"), ids[1]);	/* case counts */
	ck_assert_str_eq(strpool_str(&sp, 999999), "");
	strpool_free(&sp);
}
END_TEST

/* atomic_commit_all: every file of the batch in place with its bytes, no temporary
 * left; a batch of none is nothing to do. */
START_TEST(files_committed_together)
{
	char dir[] = "/tmp/showup-unit-XXXXXX";
	struct atomic_file af[3];
	su_err e = { "" };

	ck_assert_ptr_nonnull(mkdtemp(dir));
	for (int i = 0; i < 3; i++) {
		char *path = xasprintf("%s/f%d.txt", dir, i);

		ck_assert_ptr_nonnull(atomic_open(&af[i], path, &e));
		fprintf(af[i].f, "file %d\n", i);
		if (i == 1)
			atomic_hand_over(&af[i]);	/* closed, as libharu's writer leaves it */
		free(path);
	}
	ck_assert_int_eq(atomic_commit_all(af, 3, &e), 0);
	ck_assert_int_eq(atomic_commit_all(af, 0, &e), 0);
	for (int i = 0; i < 3; i++) {
		char *path = xasprintf("%s/f%d.txt", dir, i), line[32] = "";
		FILE *f = fopen(path, "r");

		ck_assert_msg(f != NULL, "'%s' is not in place", path);
		ck_assert_ptr_nonnull(fgets(line, sizeof line, f));
		ck_assert_int_eq(atoi(line + 5), i);
		fclose(f);
		unlink(path);
		free(path);
	}
	ck_assert_int_eq(rmdir(dir), 0);	/* nothing else left in the folder */
}
END_TEST

Suite *
util_suite(void)
{
	Suite *s = suite_create("util");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, strbuf_grows_and_formats);
	tcase_add_loop_test(tc, utf8_validity, 0, (int)ARRAY_SIZE(utf8_cases));
	tcase_add_test(tc, controls_and_case);
	tcase_add_test(tc, int_parsing);
	tcase_add_test(tc, maps_hold_many);
	tcase_add_test(tc, strings_are_interned_once);
	tcase_add_test(tc, files_committed_together);
	suite_add_tcase(s, tc);
	return s;
}
