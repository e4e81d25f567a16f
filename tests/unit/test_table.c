/* SPDX-License-Identifier: Apache-2.0 */
/* test_table.c - display widths and aligned tables. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "showup/table.h"
#include "showup/util.h"
#include "suites.h"

static const struct {
	const char *text;
	size_t width;
} width_cases[] = {
	{ "", 0 }, { "abc", 3 }, { "José", 4 }, { "Jose\xcc\x81", 4 },
	{ "Ελένη", 5 }, { "Анна", 4 }, { "東京", 4 }, { "김민준", 6 },
	{ "ｶﾀｶﾅ", 4 }, { "Ｗ", 2 }, { "\xff", 1 },
};

START_TEST(table_measures_width)
{
	ck_assert_uint_eq(text_width(width_cases[_i].text), width_cases[_i].width);
}
END_TEST

/* Where open_memstream writes: on the heap, so no pointer into a stack frame escapes. */
struct memout {
	char *buf;
	size_t len;
};

/* Prints 't' into a string; the caller frees it. */
static char *
print_to_string(const struct table *t, int csv)
{
	struct memout *m = xcalloc(1, sizeof *m);
	FILE *f = open_memstream(&m->buf, &m->len);
	char *buf;

	if (csv)
		table_print_csv(t, f);
	else
		table_print(t, f);
	fclose(f);
	buf = m->buf;
	free(m);
	return buf;
}

START_TEST(table_aligns_by_display_width)
{
	const char *headers[] = { "name", "n" };
	const char *r1[] = { "東京", "1" }, *r2[] = { "Zoë", "22" }, *r3[] = { "a\nb", "" };
	struct table *t = table_new(2, headers);
	char *got;

	table_set_align(t, 1, ALIGN_RIGHT);
	table_add_row(t, r1);
	table_add_row(t, r2);
	table_add_row(t, r3);
	ck_assert_uint_eq(table_rows(t), 3);
	got = print_to_string(t, 0);
	ck_assert_str_eq(got,
	    "name   n\n"
	    "----  --\n"
	    "東京   1\n"
	    "Zoë   22\n"
	    "a b\n");
	free(got);
	got = print_to_string(t, 1);
	ck_assert_str_eq(got, "name,n\r\n東京,1\r\nZoë,22\r\n\"a\nb\",\r\n");
	free(got);
	table_free(t);
}
END_TEST

START_TEST(table_drops_trailing_blanks)
{
	const char *headers[] = { "a", "b" };
	const char *r1[] = { "x", "" };
	struct table *t = table_new(2, headers);
	char *got;

	table_add_row(t, r1);
	got = print_to_string(t, 0);
	ck_assert_str_eq(got, "a  b\n-  -\nx\n");
	free(got);
	table_free(t);
}
END_TEST

/* A cell too wide is cut with an ellipsis in text, kept whole in CSV; bidi controls are neutralised. */
START_TEST(table_caps_and_neutralises)
{
	static const char *const headers[] = { "name", "n" };
	struct strbuf huge = STRBUF_INIT, want = STRBUF_INIT;
	struct table *t = table_new(2, headers);
	char *text, *csv, *line;

	for (int i = 0; i < 100000; i++)
		sb_addc(&huge, 'x');
	table_add_row(t, (const char *const[]){ sb_str(&huge), "1" });
	table_add_row(t, (const char *const[]){ "Eve \xe2\x80\xae" "evil\xe2\x80\xac", "2" });
	table_add_row(t, (const char *const[]){ "\xe6\x9d\xb1\xe4\xba\xac", "3" });
	text = print_to_string(t, 0);
	csv = print_to_string(t, 1);
	for (int i = 0; i < TABLE_CELL_MAX - 1; i++)
		sb_addc(&want, 'x');
	sb_adds(&want, "\xe2\x80\xa6  1\n");
	line = strstr(text, "xxx");
	ck_assert_ptr_nonnull(line);
	ck_assert_int_eq(strncmp(line, sb_str(&want), want.len), 0);
	ck_assert_uint_lt(strlen(text), 4 * (TABLE_CELL_MAX + 8) * 3);
	ck_assert_ptr_null(strstr(text, "\xe2\x80\xae"));	/* no right-to-left override */
	ck_assert_ptr_nonnull(strstr(text, "Eve \xef\xbf\xbd" "evil\xef\xbf\xbd"));
	ck_assert_ptr_nonnull(strstr(csv, sb_str(&huge)));	/* CSV keeps every byte */
	ck_assert_ptr_nonnull(strstr(csv, "\xe2\x80\xae"));
	free(text);
	free(csv);
	sb_free(&huge);
	sb_free(&want);
	table_free(t);
}
END_TEST

Suite *
table_suite(void)
{
	Suite *s = suite_create("table");
	TCase *tc = tcase_create("table");

	tcase_add_loop_test(tc, table_measures_width, 0, ARRAY_SIZE(width_cases));
	tcase_add_test(tc, table_aligns_by_display_width);
	tcase_add_test(tc, table_drops_trailing_blanks);
	tcase_add_test(tc, table_caps_and_neutralises);
	suite_add_tcase(s, tc);
	return s;
}
