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

	header_encode(header_cases[_i].in, 0, &sb);
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

	sb_adds(&sb, "Subject: ");
	header_encode(s, strlen("Subject: "), &sb);
	ck_assert_ptr_nonnull(strstr(sb_str(&sb), "?=\r\n =?UTF-8?B?"));
	for (line = strtok_r(sb.buf, "\n", &save); line; line = strtok_r(NULL, "\n", &save))
		ck_assert_uint_le(strlen(line), 76 + 1);	/* the CR before the LF */
	sb_free(&sb);
}
END_TEST

/* Decodes base64 text 'b' of length n into 'out' (a test's own decoder). */
static void
base64_decode(const char *b, size_t n, struct strbuf *out)
{
	static const char digits[] =
		"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	unsigned int v = 0;
	int bits = 0;

	for (size_t i = 0; i < n && b[i] != '='; i++) {
		v = v << 6 | (unsigned int)(strchr(digits, b[i]) - digits);
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			sb_addc(out, (char)((v >> bits) & 0xff));
		}
	}
}

/*
 * Every header line of a built message is at most 76 columns, for long names
 * and subjects of any script; each encoded word but the last ends at a space
 * (a word is never cut in two), and the words decode back to the text.
 */
START_TEST(message_folds_within_76)
{
	static const char *const texts[] = {
		"Ваше участие в программе: напоминание о правилах посещения занятий",
		"Zoë, your place in Value Selling: a reminder of the attendance policy today",
		"Ελένη Παπαδοπούλου-Χατζηγεωργίου Αναστασοπούλου",
		"東京での営業研修プログラムの出席方針についてのお知らせと確認のお願い",
		"A plain subject that is rather longer than one line of a mail header may be",
	};
	struct strbuf msg = STRBUF_INIT, back = STRBUF_INIT;

	for (size_t t = 0; t < ARRAY_SIZE(texts); t++) {
		struct message m = { .from_name = texts[t], .from_addr = "coach@example.com",
			.to_name = texts[t], .to_addr = "participant.with.a.long.name@example.com",
			.subject = texts[t], .message_id = "<1@example.com>", .body = "x" };
		const char *subject, *p, *end;

		sb_reset(&msg);
		sb_reset(&back);
		ck_assert_int_eq(message_build(&m, &msg, NULL), 0);
		end = strstr(sb_str(&msg), "\r\n\r\n");
		for (p = sb_str(&msg); p < end; p = strstr(p, "\r\n") + 2)
			ck_assert_msg(strstr(p, "\r\n") - p <= 76, "text %zu: a line of %d columns",
			    t, (int)(strstr(p, "\r\n") - p));
		subject = strstr(sb_str(&msg), "Subject: ") + strlen("Subject: ");
		if (strncmp(subject, "=?UTF-8?B?", 10) != 0)
			continue;
		for (p = subject; (p = strstr(p, "=?UTF-8?B?")) && p < strstr(subject, "MIME");) {
			const char *q = strstr(p, "?=");
			size_t before = back.len;

			base64_decode(p + 10, (size_t)(q - p - 10), &back);
			p = q + 2;
			if (strncmp(p, "\r\n =?", 6) == 0 && t != 3)	/* Japanese has no spaces */
				ck_assert_msg(back.buf[back.len - 1] == ' ', "text %zu: a word cut "
				    "after '%.*s'", t, (int)(back.len - before), back.buf + before);
		}
		ck_assert_str_eq(sb_str(&back), texts[t]);
	}
	sb_free(&msg);
	sb_free(&back);
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

/* An invitation goes beside the text as its alternative, byte for byte; with a PDF, mixed. */
START_TEST(message_carries_a_calendar)
{
	struct message m = {
		.from_name = "Sam Reid", .from_addr = "sam@example.com",
		.to_name = "Eve", .to_addr = "eve@example.com", .subject = "Moved",
		.date = 1795000000, .message_id = "<n2@x>", .body = "Now at ten.\n",
		.calendar = "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", .calendar_method = "CANCEL",
	};
	static const unsigned char pdf[] = "%PDF";
	struct strbuf sb = STRBUF_INIT;
	const char *mixed;

	ck_assert_int_eq(message_build(&m, &sb, NULL), 0);
	ck_assert_str_eq(strstr(sb_str(&sb), "MIME-Version"),
	    "MIME-Version: 1.0\r\n"
	    "Content-Type: multipart/alternative; boundary=\"=_showup_alternative_5c1e\"\r\n"
	    "\r\n"
	    "--=_showup_alternative_5c1e\r\n"
	    "Content-Type: text/plain; charset=UTF-8\r\n"
	    "Content-Transfer-Encoding: quoted-printable\r\n"
	    "\r\n"
	    "Now at ten.\r\n"
	    "--=_showup_alternative_5c1e\r\n"
	    "Content-Type: text/calendar; charset=UTF-8; method=CANCEL\r\n"
	    "Content-Transfer-Encoding: base64\r\n"
	    "\r\n"
	    "QkVHSU46VkNBTEVOREFSDQpFTkQ6VkNBTEVOREFSDQo=\r\n"
	    "--=_showup_alternative_5c1e--\r\n");
	sb_free(&sb);
	m.attachment = pdf;
	m.attachment_len = 4;
	ck_assert_int_eq(message_build(&m, &sb, NULL), 0);
	mixed = strstr(sb_str(&sb), "Content-Type: multipart/mixed");
	ck_assert_ptr_nonnull(mixed);
	ck_assert_ptr_nonnull(strstr(mixed, "Content-Type: multipart/alternative"));
	ck_assert_ptr_nonnull(strstr(strstr(mixed, "--=_showup_alternative_5c1e--"),
	    "Content-Type: application/pdf"));
	sb_free(&sb);
}
END_TEST

/*
 * A message of several notices: the first calendar beside the text, each further METHOD a
 * part of its own after it, then the PDF; a METHOD with a line break is refused.
 */
START_TEST(message_carries_more_calendars)
{
	const struct message_calendar cancel = { "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n",
		"CANCEL" };
	struct message m = {
		.from_name = "Sam Reid", .from_addr = "sam@example.com",
		.to_name = "Eve", .to_addr = "eve@example.com", .subject = "2 changes",
		.date = 1795000000, .message_id = "<n3@x>", .body = "Two things.\n",
		.calendar = "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", .calendar_method = "REQUEST",
		.more_calendars = &cancel, .n_more_calendars = 1,
	};
	const struct message_calendar bad = { "BEGIN:VCALENDAR\r\n", "CANCEL\r\nX: y" };
	static const unsigned char pdf[] = "%PDF";
	struct strbuf sb = STRBUF_INIT;
	const char *mixed, *after, *own;

	ck_assert_int_eq(message_build(&m, &sb, NULL), 0);
	mixed = strstr(sb_str(&sb), "Content-Type: multipart/mixed");
	ck_assert_ptr_nonnull(mixed);
	after = strstr(mixed, "--=_showup_alternative_5c1e--\r\n");
	ck_assert_ptr_nonnull(after);
	ck_assert_ptr_nonnull(strstr(mixed, "method=REQUEST"));
	ck_assert(strstr(mixed, "method=CANCEL") > after);	/* not beside the text */
	own = strstr(after, "--=_showup_part_boundary_7f3a\r\n"
	    "Content-Type: text/calendar; charset=UTF-8; method=CANCEL\r\n"
	    "Content-Transfer-Encoding: base64\r\n"
	    "Content-Disposition: attachment; filename=\"cancel.ics\"\r\n\r\n"
	    "QkVHSU46VkNBTEVOREFSDQpFTkQ6VkNBTEVOREFSDQo=\r\n");
	ck_assert_ptr_nonnull(own);
	ck_assert_str_eq(own + strlen(own) - strlen("--=_showup_part_boundary_7f3a--\r\n"),
	    "--=_showup_part_boundary_7f3a--\r\n");
	sb_free(&sb);
	m.attachment = pdf;
	m.attachment_len = 4;
	ck_assert_int_eq(message_build(&m, &sb, NULL), 0);
	ck_assert_ptr_nonnull(strstr(strstr(sb_str(&sb), "method=CANCEL"),
	    "Content-Type: application/pdf"));
	sb_free(&sb);
	m.more_calendars = &bad;
	ck_assert_int_eq(message_build(&m, &sb, NULL), -1);
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
	tcase_add_test(tc, message_folds_within_76);
	tcase_add_loop_test(tc, message_quotes_printable, 0, ARRAY_SIZE(qp_cases));
	tcase_add_test(tc, message_builds_byte_for_byte);
	tcase_add_loop_test(tc, message_refuses_line_breaks, 0, ARRAY_SIZE(refuse_cases));
	tcase_add_test(tc, message_attaches_pdf);
	tcase_add_test(tc, message_carries_a_calendar);
	tcase_add_test(tc, message_carries_more_calendars);
	suite_add_tcase(s, tc);
	return s;
}
