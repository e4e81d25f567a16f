/* SPDX-License-Identifier: Apache-2.0 */
/* test_csv.c - the CSV reader: quoting, BOM, line numbers, header mapping; the writer. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "showup/csvio.h"
#include "showup/decode.h"
#include "showup/import.h"
#include "suites.h"

/* Reads every record of 'text' into "a|b|c;" form with line numbers: "2:a|b;". */
static char *
read_all(const char *text, size_t len, int *rc_out, char *err, size_t errsize)
{
	struct csv_reader *r = csvr_open_mem(text, len ? len : strlen(text), "t.csv");
	struct strbuf sb = STRBUF_INIT;
	su_err e = { "" };
	int rc;

	while ((rc = csvr_next(r, &e)) == 1) {
		sb_addf(&sb, "%ld:", csvr_line(r));
		for (size_t i = 0; i < csvr_count(r); i++)
			sb_addf(&sb, "%s%s", i ? "|" : "", csvr_field(r, i));
		sb_addc(&sb, ';');
	}
	*rc_out = rc;
	snprintf(err, errsize, "%s", e.msg);
	csvr_close(r);
	return sb_detach(&sb);
}

static const struct {
	const char *text;
	int rc;
	const char *records;
	const char *error;
	size_t len;		/* 0: strlen(text) */
} read_cases[] = {
	{ "a,b\n1,2\n", 0, "1:a|b;2:1|2;", "", 0 },
	{ "a,b\r\n1,2\r\n", 0, "1:a|b;2:1|2;", "", 0 },
	{ "\xef\xbb\xbf" "a,b\n1,2", 0, "1:a|b;2:1|2;", "", 0 },
	{ "a\n\n\nb\n", 0, "1:a;4:b;", "", 0 },
	{ "a,b\n\"x\ny\",z\nlast,1\n", 0, "1:a|b;2:x\ny|z;4:last|1;", "", 0 },
	{ "\"he said \"\"hi\"\"\",2\n", 0, "1:he said \"hi\"|2;", "", 0 },
	{ "a,\"b, c\",d\n", 0, "1:a|b, c|d;", "", 0 },
	{ "  padded  ,x\n", 0, "1:padded|x;", "", 0 },
	{ "a,b\nA \"B\" C,x\n", -1, "1:a|b;", "t.csv:2: malformed quoting", 0 },
	{ "a\n\"never closed\n", -1, "1:a;", "t.csv:2: a quoted field is never closed", 0 },
	{ "a\n\"pres\"ent\n", -1, "1:a;", "t.csv:2: malformed quoting", 0 },
	{ "a,b\r1,2\r\r3,4\r", 0, "1:a|b;2:1|2;4:3|4;", "", 0 },
	{ "a,b\r\"x\ry\",z\rq,r", 0, "1:a|b;2:x\ry|z;4:q|r;", "", 0 },
	{ "", 0, "", "", 0 },
	/* separators as office programs in other locales write them */
	{ "a;b\n1;2\n", 0, "1:a|b;2:1|2;", "", 0 },
	{ "sep=;\na;b\n1;2\n", 0, "2:a|b;3:1|2;", "", 0 },
	{ "sep=;\r\na,b;c\r\n", 0, "2:a,b|c;", "", 0 },
	{ "a\tb\n1\t2\n", 0, "1:a|b;2:1|2;", "", 0 },
	{ "a|b\n1|2\n", 0, "1:a|b;2:1|2;", "", 0 },
	{ "\"a;x\",b\n1,2\n", 0, "1:a;x|b;2:1|2;", "", 0 },
	{ "name,note\nx,\"a;b;c\"\n", 0, "1:name|note;2:x|a;b;c;", "", 0 },
	{ "\xef\xbb\xbf" "Name;E-mail\r\nJos\xc3\xa9;j@x\r\n", 0,
	  "1:Name|E-mail;2:Jos\xc3\xa9|j@x;", "", 0 },
	{ "only\n", 0, "1:only;", "", 0 },
	{ "a;b", 0, "1:a|b;", "", 0 },
	/* encodings: Windows-1252 when not UTF-8, UTF-16 by BOM or by its zero bytes */
	{ "name\nJos\xe9 M\xfcller\n", 0, "1:name;2:Jos\xc3\xa9 M\xc3\xbcller;", "", 0 },
	{ "a;b\n\x80;\x9c\n", 0, "1:a|b;2:\xe2\x82\xac|\xc5\x93;", "", 0 },
	{ "a\nx\x81y\n", -1, "1:a;", "t.csv:2: byte 0x81 is not Windows-1252 text", 0 },
	{ "\xff\xfe" "a\0,\0b\0\n\0" "1\0,\0" "2\0", 0, "1:a|b;2:1|2;", "", 16 },
	{ "\xfe\xff" "\0a\0;\0b\0\n", 0, "1:a|b;", "", 10 },
	{ "a\0;\0b\0\n\0", 0, "1:a|b;", "", 8 },
	{ "\xff\xfe" "a\0b", -1, "", "t.csv:1: the file ends inside a character", 5 },
};

START_TEST(csv_reads)
{
	char err[1024];
	int rc;
	char *got = read_all(read_cases[_i].text, read_cases[_i].len, &rc, err, sizeof err);

	ck_assert_int_eq(rc, read_cases[_i].rc);
	ck_assert_str_eq(got, read_cases[_i].records);
	ck_assert_msg(strstr(err, read_cases[_i].error) != NULL, "error '%s'", err);
	free(got);
}
END_TEST

/* Values as they arrive after a trip through Excel, and whether they read as double-encoded. */
static const struct {
	const char *text;
	int doubled;
} doubled_cases[] = {
	{ "Jos\xc3\x83\xc2\xa9 M\xc3\x83\xc2\xbcller", 1 },	/* JosÃ© MÃ¼ller */
	{ "\xc3\x90\xe2\x80\x9d\xc3\x90\xc2\xbc", 1 },		/* Ð”Ð¼: Cyrillic */
	{ "\xc3\xa6\xe2\x80\x94\xc2\xa5", 1 },			/* æ—¥: CJK */
	{ "Fran\xc3\x83\xc2\xa7ois", 1 },				/* FranÃ§ois */
	{ "Jos\xc3\xa9 M\xc3\xbcller", 0 },				/* José Müller */
	{ "\xd0\x94\xd0\xbc\xd0\xb8\xd1\x82\xd1\x80\xd0\xb8\xd0\xb9", 0 },	/* Дмитрий */
	{ "\xe5\xb1\xb1\xe7\x94\xb0", 0 },				/* 山田 */
	{ "Plain ASCII", 0 },
	{ "", 0 },
	{ "\xc3\x83", 0 },	/* Ã alone: no UTF-8 behind it */
	{ "\xc3\x9f", 0 },	/* ß */
	{ "Jos\xe9", 0 },	/* not UTF-8 at all */
};

START_TEST(csv_double_encoding)
{
	ck_assert_int_eq(text_looks_double_encoded(doubled_cases[_i].text),
	    doubled_cases[_i].doubled);
}
END_TEST

/* Given and family names joined in the order of the family name's script. */
static const struct {
	const char *given, *family, *joined;
} name_cases[] = {
	{ "Ana", "Lima", "Ana Lima" },
	{ "\xe5\xa4\xaa\xe9\x83\x8e", "\xe5\xb1\xb1\xe7\x94\xb0",
	  "\xe5\xb1\xb1\xe7\x94\xb0\xe5\xa4\xaa\xe9\x83\x8e" },	/* 山田太郎 */
	{ "\xe4\xbc\x9f", "\xe6\x9d\x8e", "\xe6\x9d\x8e\xe4\xbc\x9f" },	/* 李伟 */
	{ "\xeb\xaf\xbc\xec\xa4\x80", "\xea\xb9\x80",
	  "\xea\xb9\x80 \xeb\xaf\xbc\xec\xa4\x80" },			/* 김 민준 */
	{ "\xe3\x81\x95\xe3\x81\x8f\xe3\x82\x89", "\xe3\x82\xb5\xe3\x83\x88\xe3\x82\xa6",
	  "\xe3\x82\xb5\xe3\x83\x88\xe3\x82\xa6\xe3\x81\x95\xe3\x81\x8f\xe3\x82\x89" },
	{ "Ana", "", "Ana" },
	{ "", "Lima", "Lima" },
	{ "", "", "" },
};

START_TEST(csv_name_join)
{
	char *got = person_name_join(name_cases[_i].given, name_cases[_i].family);

	ck_assert_str_eq(got, name_cases[_i].joined);
	free(got);
}
END_TEST

START_TEST(csv_reads_windows_1252)
{
	static const char text[] = "name\nJos\xe9\n";
	struct csv_reader *r = csvr_open_mem(text, sizeof text - 1, "t.csv");

	ck_assert_int_eq(csvr_next(r, NULL), 1);
	ck_assert_int_eq(csvr_next(r, NULL), 1);
	ck_assert_str_eq(csvr_field(r, 0), "Jos\xc3\xa9");
	ck_assert_str_eq(csvr_encoding(r), "Windows-1252");
	ck_assert_int_eq(csvr_encoding_guessed(r), 1);
	ck_assert_int_eq(csvr_separator(r), ',');
	csvr_close(r);
}
END_TEST

START_TEST(csv_named_encoding)
{
	static const char text[] = "name;city\n\xf0\xf4;x\n";	/* KOI8-R */
	struct csv_format f = { 0, "KOI8-R", NULL };
	struct csv_reader *r = csvr_open_mem(text, sizeof text - 1, "t.csv");
	su_err e = { "" };

	ck_assert_int_eq(csvr_set_format(r, &f, &e), 0);
	ck_assert_int_eq(csvr_next(r, NULL), 1);
	ck_assert_int_eq(csvr_next(r, NULL), 1);
	ck_assert_str_eq(csvr_field(r, 0), "\xd0\x9f\xd0\xa2");
	ck_assert_int_eq(csvr_separator(r), ';');
	ck_assert_int_eq(csvr_encoding_guessed(r), 0);
	csvr_close(r);
	f.encoding = "NO-SUCH-CODE";
	r = csvr_open_mem(text, sizeof text - 1, "t.csv");
	ck_assert_int_eq(csvr_set_format(r, &f, &e), -1);
	ck_assert_str_eq(e.msg, "unknown encoding 'NO-SUCH-CODE'");
	csvr_close(r);
}
END_TEST

START_TEST(csv_flags_bad_text)
{
	static const char text[] = "name\nJos\xc3\xa9\nJos\xe9\nok\n";
	struct csv_reader *r = csvr_open_mem(text, sizeof text - 1, "t.csv");

	ck_assert_int_eq(csvr_next(r, NULL), 1);
	ck_assert_ptr_null(csvr_problem(r));
	ck_assert_int_eq(csvr_next(r, NULL), 1);
	ck_assert_ptr_null(csvr_problem(r));
	ck_assert_int_eq(csvr_next(r, NULL), 1);
	ck_assert_ptr_nonnull(strstr(csvr_problem(r), "not UTF-8 text"));
	ck_assert_int_eq(csvr_next(r, NULL), 1);
	ck_assert_ptr_null(csvr_problem(r));
	ck_assert_int_eq(csvr_next(r, NULL), 0);
	csvr_close(r);
}
END_TEST

/* A file longer than the reader's chunk keeps its line numbers and fields. */
START_TEST(csv_streams_long_files)
{
	struct strbuf in = STRBUF_INIT;
	struct csv_reader *r;
	long n = 0;

	for (int i = 0; i < 20000; i++)
		sb_addf(&in, "%d,\"quoted\nfield %d\",x\n", i, i);
	r = csvr_open_mem(in.buf, in.len, "big.csv");
	while (csvr_next(r, NULL) == 1) {
		char want[32];

		ck_assert_int_eq(csvr_line(r), 2 * n + 1);
		snprintf(want, sizeof want, "%ld", n);
		ck_assert_str_eq(csvr_field(r, 0), want);
		ck_assert_int_eq(csvr_count(r), 3);
		n++;
	}
	ck_assert_int_eq(n, 20000);
	ck_assert_int_eq(csvr_offset(r), (long long)in.len);
	csvr_close(r);
	sb_free(&in);
}
END_TEST

static const char *const names_email[] = { "email", "e-mail", "email address", NULL };
static const char *const names_name[] = { "name", "full name", NULL };
static const struct csv_column columns[] = {
	{ "name", names_name, 0 },
	{ "e-mail", names_email, 1 },
};

START_TEST(csv_maps_headers)
{
	static const char text[] = "Phone, E-Mail Address ,Full Name,Notes\n1,a@b.c,A,n\n";
	static const char *const known[] = { "notes", NULL };
	struct csv_reader *r = csvr_open_mem(text, sizeof text - 1, "t.csv");
	struct strbuf ignored = STRBUF_INIT;
	int index[2];

	ck_assert_int_eq(csvr_map_header(r, columns, 2, index, known, &ignored, NULL), 0);
	ck_assert_int_eq(index[0], 2);
	ck_assert_int_eq(index[1], 1);
	ck_assert_str_eq(sb_str(&ignored), "Phone");
	sb_free(&ignored);
	csvr_close(r);
}
END_TEST

static const struct {
	const char *text;
	const char *error;
} header_errors[] = {
	{ "Name,Phone\nA,1\n", "t.csv:1: no e-mail column (looked for 'email'" },
	{ "Email,E-mail\n", "t.csv:1: two e-mail columns ('Email' and 'E-mail')" },
	{ "", "t.csv: empty file" },
	{ "\n\n", "t.csv: empty file" },
};

START_TEST(csv_header_errors)
{
	const char *text = header_errors[_i].text;
	struct csv_reader *r = csvr_open_mem(text, strlen(text), "t.csv");
	struct strbuf ignored = STRBUF_INIT;
	su_err e;
	int index[2];

	ck_assert_int_eq(csvr_map_header(r, columns, 2, index, NULL, &ignored, &e), -1);
	ck_assert_msg(strstr(e.msg, header_errors[_i].error) == e.msg, "got '%s'", e.msg);
	sb_free(&ignored);
	csvr_close(r);
}
END_TEST

/* Whatever the writer writes, the reader reads back the same fields. */
START_TEST(csv_round_trips)
{
	const char *fields[] = { "plain", "with, comma", "say \"hi\"", "two\r\nlines",
		" lead", "trail ", "", "Zoë 東京" };
	struct strbuf sb = STRBUF_INIT;
	struct csv_reader *r;

	csvw_record(&sb, fields, ARRAY_SIZE(fields));
	ck_assert_int_eq(sb.buf[sb.len - 2], '\r');
	r = csvr_open_mem(sb.buf, sb.len, "t.csv");
	ck_assert_int_eq(csvr_next(r, NULL), 1);
	ck_assert_int_eq(csvr_count(r), ARRAY_SIZE(fields));
	for (size_t i = 0; i < ARRAY_SIZE(fields); i++)
		ck_assert_str_eq(csvr_field(r, i), fields[i]);
	ck_assert_int_eq(csvr_next(r, NULL), 0);
	csvr_close(r);
	sb_free(&sb);
}
END_TEST

START_TEST(csv_header_keys)
{
	char key[32];

	csv_header_key(" E-Mail Address ", key, sizeof key);
	ck_assert_str_eq(key, "emailaddress");
	csv_header_key("Duration (Minutes)", key, 6);
	ck_assert_str_eq(key, "durat");
	/* accents, typographic apostrophes and dashes, no-break spaces: as the plain forms */
	csv_header_key("Adresse e-mail de l\u2019utilisateur", key, sizeof key);
	ck_assert_str_eq(key, "adresseemaildelutilisateur");
	csv_header_key("PR\u00c9NOM\u00a0\u2011 \u0141\u00f3d\u017a", key, sizeof key);
	ck_assert_str_eq(key, "prenomlodz");
}
END_TEST

Suite *
csv_suite(void)
{
	Suite *s = suite_create("csv");
	TCase *tc = tcase_create("csv");

	tcase_add_loop_test(tc, csv_reads, 0, ARRAY_SIZE(read_cases));
	tcase_add_test(tc, csv_flags_bad_text);
	tcase_add_test(tc, csv_reads_windows_1252);
	tcase_add_loop_test(tc, csv_double_encoding, 0, ARRAY_SIZE(doubled_cases));
	tcase_add_loop_test(tc, csv_name_join, 0, ARRAY_SIZE(name_cases));
	tcase_add_test(tc, csv_named_encoding);
	tcase_add_test(tc, csv_streams_long_files);
	tcase_add_test(tc, csv_maps_headers);
	tcase_add_loop_test(tc, csv_header_errors, 0, ARRAY_SIZE(header_errors));
	tcase_add_test(tc, csv_round_trips);
	tcase_add_test(tc, csv_header_keys);
	suite_add_tcase(s, tc);
	return s;
}
