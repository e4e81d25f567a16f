/* test_message.c - e-mail messages built byte for byte. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "showup/message.h"
#include "suites.h"

static const struct {
	const char *in, *out;
} header_cases[] = {
	{ "Attendance: a reminder", "Attendance: a reminder" },
	{ "Zoë", "=?UTF-8?B?Wm/Dqw==?=" },
	{ "Ελένη", "=?UTF-8?B?zpXOu86tzr3Otw==?=" },
	{ "", "" },
	{ "Ann \xf0", "=?UTF-8?B?QW5uIPA=?=" },
};

START_TEST(message_encodes_headers)
{
	struct strbuf sb = STRBUF_INIT;

	header_encode(header_cases[_i].in, &sb);
	ck_assert_str_eq(sb_str(&sb), header_cases[_i].out);
	sb_free(&sb);
}
END_TEST

/* A long non-ASCII subject is split into encoded words at character boundaries. */
START_TEST(message_splits_long_words)
{
	struct strbuf sb = STRBUF_INIT;
	const char *s = "Ваше участие в программе: напоминание о правилах посещения";
	char *line, *save = NULL;

	header_encode(s, &sb);
	ck_assert_ptr_nonnull(strstr(sb_str(&sb), "?=\r\n =?UTF-8?B?"));
	for (line = strtok_r(sb.buf, "\n", &save); line; line = strtok_r(NULL, "\n", &save))
		ck_assert_uint_le(strlen(line), 76);
	sb_free(&sb);
}
END_TEST

static const struct {
	const char *in, *out;
} qp_cases[] = {
	{ "plain\n", "plain\r\n" },
	{ "a = b\n", "a =3D b\r\n" },
	{ "Zoë\n", "Zo=C3=AB\r\n" },
	{ "trailing \n", "trailing=20\r\n" },
	{ "x\r\ny", "x\r\ny\r\n" },
	{ "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
	  "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa=\r\n"
	  "aaaaaaaaa\r\n" },
};

START_TEST(message_quotes_printable)
{
	struct strbuf sb = STRBUF_INIT;

	qp_encode(qp_cases[_i].in, &sb);
	ck_assert_str_eq(sb_str(&sb), qp_cases[_i].out);
	sb_free(&sb);
}
END_TEST

START_TEST(message_builds_byte_for_byte)
{
	struct message m = {
		.from_name = "Sam Reid", .from_addr = "sam@example.com",
		.to_name = "Zoë Martin", .to_addr = "zoe@example.fr",
		.reply_to = "sam@example.com", .subject = "A reminder",
		.date = 1795000000, .message_id = "<n1.c1@showup.example.com>",
		.body = "Hi Zoë,\nsee you.\n",
	};
	struct strbuf sb = STRBUF_INIT;
	su_err e;

	ck_assert_int_eq(message_build(&m, &sb, &e), 0);
	ck_assert_str_eq(sb_str(&sb),
	    "Date: Wed, 18 Nov 2026 11:06:40 +0000\r\n"
	    "Message-ID: <n1.c1@showup.example.com>\r\n"
	    "From: Sam Reid <sam@example.com>\r\n"
	    "To: =?UTF-8?B?Wm/DqyBNYXJ0aW4=?= <zoe@example.fr>\r\n"
	    "Reply-To: sam@example.com\r\n"
	    "Subject: A reminder\r\n"
	    "MIME-Version: 1.0\r\n"
	    "Content-Type: text/plain; charset=UTF-8\r\n"
	    "Content-Transfer-Encoding: quoted-printable\r\n"
	    "\r\n"
	    "Hi Zo=C3=AB,\r\n"
	    "see you.\r\n");
	sb_free(&sb);
}
END_TEST

static const struct {
	const char *name, *addr, *subject, *error;
} refuse_cases[] = {
	{ "Eve\r\nBcc: x@y.com", "eve@example.com", "Hi", "the recipient name holds a line break" },
	{ "Eve", "eve@example.com\nBcc: x@y.com", "Hi", "the recipient address holds" },
	{ "Eve", "eve@example.com", "Hi\r\nBcc: x@y.com", "the subject holds a line break" },
	{ "Eve", "not-an-address", "Hi", "'not-an-address' is not an e-mail address" },
};

START_TEST(message_refuses_line_breaks)
{
	struct message m = { .from_name = "Sam", .from_addr = "sam@example.com",
		.to_name = refuse_cases[_i].name, .to_addr = refuse_cases[_i].addr,
		.subject = refuse_cases[_i].subject, .message_id = "<x@y>", .body = "" };
	struct strbuf sb = STRBUF_INIT;
	su_err e;

	ck_assert_int_eq(message_build(&m, &sb, &e), -1);
	ck_assert_msg(strstr(e.msg, refuse_cases[_i].error) != NULL, "got '%s'", e.msg);
	sb_free(&sb);
}
END_TEST

START_TEST(message_attaches_pdf)
{
	static const unsigned char pdf[] = "%PDF-1.4 fake";
	struct message m = { .from_name = "Sam", .from_addr = "sam@example.com",
		.to_name = "Eve", .to_addr = "eve@example.com", .subject = "Report",
		.message_id = "<x@y>", .body = "See the report.\n", .attachment = pdf,
		.attachment_len = sizeof pdf - 1, .attachment_name = "Zoë report.pdf" };
	struct strbuf sb = STRBUF_INIT;

	ck_assert_int_eq(message_build(&m, &sb, NULL), 0);
	ck_assert_ptr_nonnull(strstr(sb_str(&sb), "filename*=UTF-8''Zo%C3%AB%20report.pdf"));
	ck_assert_ptr_nonnull(strstr(sb_str(&sb), "JVBERi0xLjQgZmFrZQ==\r\n"));
	ck_assert_ptr_nonnull(strstr(sb_str(&sb), "Content-Type: multipart/mixed"));
	sb_free(&sb);
}
END_TEST

Suite *
message_suite(void)
{
	Suite *s = suite_create("message");
	TCase *tc = tcase_create("message");

	tcase_add_loop_test(tc, message_encodes_headers, 0, ARRAY_SIZE(header_cases));
	tcase_add_test(tc, message_splits_long_words);
	tcase_add_loop_test(tc, message_quotes_printable, 0, ARRAY_SIZE(qp_cases));
	tcase_add_test(tc, message_builds_byte_for_byte);
	tcase_add_loop_test(tc, message_refuses_line_breaks, 0, ARRAY_SIZE(refuse_cases));
	tcase_add_test(tc, message_attaches_pdf);
	suite_add_tcase(s, tc);
	return s;
}
