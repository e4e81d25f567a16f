/* SPDX-License-Identifier: Apache-2.0 */
/* test_meeting.c - meeting reports: times, durations, names, and both formats read. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "showup/meeting.h"
#include "showup/timeutil.h"
#include "suites.h"

/* The times meeting reports write, read by time_parse (rc -2: refused as d/m or m/d). */
static const struct {
	const char *text;
	enum date_order order;
	int rc;
	const char *want;	/* local time in Europe/London */
} time_cases[] = {
	{ "11/19/2021 10:00:00 AM", DATE_ORDER_MDY, 0, "2021-11-19 10:00" },
	{ "11/19/2021 10:00:00 PM", DATE_ORDER_UNKNOWN, 0, "2021-11-19 22:00" },
	{ "11/19/2021 12:05:00 AM", DATE_ORDER_MDY, 0, "2021-11-19 00:05" },
	{ "11/19/2021 12:05:00 PM", DATE_ORDER_MDY, 0, "2021-11-19 12:05" },
	{ "19/11/2021, 10:00:05", DATE_ORDER_UNKNOWN, 0, "2021-11-19 10:00" },
	{ "19/11/21, 9:03", DATE_ORDER_UNKNOWN, 0, "2021-11-19 09:03" },
	{ "05/11/2026, 10:00", DATE_ORDER_DMY, 0, "2026-11-05 10:00" },
	{ "05/11/2026, 10:00", DATE_ORDER_MDY, 0, "2026-05-11 10:00" },
	{ "05/11/2026, 10:00", DATE_ORDER_UNKNOWN, -2, "" },
	{ "05/05/2026 10:00", DATE_ORDER_UNKNOWN, 0, "2026-05-05 10:00" },
	{ "2026-11-05 10:00:05", DATE_ORDER_MDY, 0, "2026-11-05 10:00" },
	{ "19.11.2021 10:00", DATE_ORDER_UNKNOWN, 0, "2021-11-19 10:00" },
	{ "13/13/2021 10:00", DATE_ORDER_UNKNOWN, -1, "" },
	{ "11/19/2021 13:00 PM", DATE_ORDER_MDY, -1, "" },
	{ "11/19/2021 10:60", DATE_ORDER_MDY, -1, "" },
	{ "02/30/2021 10:00", DATE_ORDER_MDY, -1, "" },
	{ "yesterday", DATE_ORDER_MDY, -1, "" },
	{ "", DATE_ORDER_MDY, -1, "" },
	{ "11/19/2021", DATE_ORDER_MDY, -1, "" },
};

START_TEST(meeting_reads_times)
{
	int64_t t = 0;
	char buf[40];
	su_err e = { "" };
	int rc = time_parse(time_cases[_i].text, time_cases[_i].order, "Europe/London", &t,
	    &e);

	ck_assert_msg(rc == (time_cases[_i].rc < 0 ? -1 : 0), "'%s': rc %d (%s)",
	    time_cases[_i].text, rc, e.msg);
	if (time_cases[_i].rc == -2)
		ck_assert_msg(strstr(e.msg, "could be") != NULL &&
		    time_orders_possible(time_cases[_i].text) ==
		    (1u << DATE_ORDER_DMY | 1u << DATE_ORDER_MDY), "%s", e.msg);
	if (rc == 0)
		ck_assert_str_eq(time_format_local("Europe/London", t, buf, sizeof buf),
		    time_cases[_i].want);
}
END_TEST

static const struct {
	const char *text;
	int rc;
	int64_t seconds;
} duration_cases[] = {
	{ "10m 59s", 0, 659 }, { "1h 2m 3s", 0, 3723 }, { "45s", 0, 45 }, { "1h", 0, 3600 },
	{ "34", 0, 2040 }, { "2 min", 0, 120 }, { "", -1, 0 }, { "an hour", -1, 0 },
	{ "10x", -1, 0 }, { "1 hr 2 min", 0, 3720 }, { "1 Std. 2 Min. 3 Sek.", 0, 3723 },
	{ "62 mins", 0, 3720 }, { "1 時間 2 分", 0, 3720 }, { "2 horas, 5 minutos", 0, 7500 },
	{ "1 Stundenkilometer", -1, 0 },
	/* no-break spaces (French Teams), narrow ones too, and Polish hours */
	{ "2\u00a0h\u00a044\u00a0m", 0, 9840 }, { "\u202f2 h 44\u202fm", 0, 9840 },
	{ "1 godz. 5 min", 0, 3900 }, { "2\u00a0hx", -1, 0 },
	/* Google Meet's time in the call, on a clock */
	{ "00:02:28", 0, 148 }, { "1:02:00", 0, 3720 }, { " 01:05:10 ", 0, 3910 },
	{ "1:2:00", -1, 0 }, { "00:60:00", -1, 0 }, { "1:02", -1, 0 }, { "1:02:00 h", -1, 0 },
	{ ":02:00", -1, 0 },
};

START_TEST(meeting_reads_durations)
{
	int64_t s = -1;

	ck_assert_int_eq(meeting_duration_parse(duration_cases[_i].text, &s),
	    duration_cases[_i].rc);
	if (duration_cases[_i].rc == 0)
		ck_assert_int_eq(s, duration_cases[_i].seconds);
}
END_TEST

static const struct {
	const char *name, *key, *match;	/* meeting_name_key's, meeting_name_match_key's */
} name_cases[] = {
	{ "Chloé Dubois", "chloe dubois", "chloe dubois" },
	{ "  chloe   DUBOIS ", "chloe dubois", "chloe dubois" },
	{ "Łukasz Żółć", "lukasz zolc", "lukasz zolc" },
	{ "José-María", "jose maria", "jose maria" }, { "Søren Ærø", "soren aro", "aro soren" },
	{ "Анна", "Анна", "Анна" }, { "田中 美咲", "田中 美咲", "田中 美咲" },
	{ "Dr. J.R. Ewing", "dr j r ewing", "dr ewing" }, { "", "", "" },
	{ "Goliath, David", "goliath david", "david goliath" },
	{ "GOLIATH David J.", "goliath david j", "david goliath" },
	{ "ROBUST Răzvan", "robust razvan", "razvan robust" }, { "J. R.", "j r", "j r" },
};

START_TEST(meeting_name_keys)
{
	struct strbuf k = STRBUF_INIT;

	meeting_name_key(name_cases[_i].name, &k);
	ck_assert_str_eq(sb_str(&k), name_cases[_i].key);
	meeting_name_match_key(name_cases[_i].name, &k);
	ck_assert_str_eq(sb_str(&k), name_cases[_i].match);
	sb_free(&k);
}
END_TEST

/* Reads 'len' bytes of report text, told apart by its content, in time zone 'tz'; must succeed. */
static void
parse_ok(const char *text, size_t len, const char *tz, struct meeting *m)
{
	su_err e = { "" };

	ck_assert_msg(meeting_parse(text, len, "r.csv", MEETING_AUTO, DATE_ORDER_UNKNOWN, tz, m,
	    &e) == 0, "%s", e.msg);
}

/* A Zoom export: two joins of one person make one stay; the host is the organiser. */
START_TEST(meeting_reads_zoom)
{
	static const char text[] =
		"Meeting ID,Topic,Start Time,End Time,User Email,Duration (Minutes),Participants\n"
		"1,T,11/19/2026 09:55:00 AM,11/19/2026 11:00:00 AM,host@example.com,65,2\n"
		"\n"
		"Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest\n"
		"Host,host@example.com,11/19/2026 09:55:00 AM,11/19/2026 11:00:00 AM,65,No\n"
		"Ana,ana@example.com,11/19/2026 10:02:00 AM,11/19/2026 10:30:00 AM,28,No\n"
		"Ana,ANA@example.com,11/19/2026 10:35:00 AM,11/19/2026 11:00:00 AM,25,No\n";
	struct meeting m;

	parse_ok(text, sizeof text - 1, "Europe/London", &m);
	ck_assert_int_eq(m.format, MEETING_ZOOM);
	ck_assert_int_eq(m.rows, 3);
	ck_assert_int_eq(m.n, 2);
	ck_assert_int_eq(m.v[0].organiser, 1);
	ck_assert_int_eq(m.v[1].organiser, 0);
	ck_assert_int_eq(m.v[1].minutes, 53);
	ck_assert_int_eq(m.v[1].joins, 2);
	ck_assert_int_eq(m.v[1].last_leave - m.v[1].first_join, 58 * 60);
	ck_assert_int_eq(m.v[1].line, 6);
	meeting_free(&m);
}
END_TEST

/* A Teams report in UTF-16: sections, tabs, the organiser by role, durations in words. */
START_TEST(meeting_reads_teams_utf16)
{
	static const char rows[] =
		"1. Summary\r\nTitle\tT\r\n\r\n2. Participants\r\n"
		"Name\tFirst Join\tLast Leave\tIn-Meeting Duration\tEmail\tRole\r\n"
		"Cora\t19/11/2026, 09:58:00\t19/11/2026, 11:00:00\t1h 2m\tc@example.com\tOrganizer\r\n"
		"Zoë\t19/11/2026, 10:03:00\t19/11/2026, 11:00:00\t57m\tz@example.com\tAttendee\r\n"
		"\r\n3. In-Meeting Activities\r\nName\tJoin Time\tLeave Time\tDuration\r\n"
		"Zoë\tbad\tbad\tbad\r\n";
	struct strbuf utf16 = STRBUF_INIT;
	struct meeting m;

	sb_add(&utf16, "\xff\xfe", 2);
	for (const unsigned char *s = (const unsigned char *)rows; *s; s++) {
		unsigned int cp = *s;

		if (cp >= 0xc0) {	/* the two-byte sequences of this text */
			cp = (cp & 0x1f) << 6 | (s[1] & 0x3f);
			s++;
		}
		sb_addc(&utf16, (char)(cp & 0xff));
		sb_addc(&utf16, (char)(cp >> 8));
	}
	parse_ok(utf16.buf, utf16.len, "Europe/London", &m);
	ck_assert_int_eq(m.format, MEETING_TEAMS);
	ck_assert_int_eq(m.bad_rows, 0);
	ck_assert_int_eq(m.n, 2);
	ck_assert_int_eq(m.v[0].organiser, 1);
	ck_assert_str_eq(m.v[1].name, "Zoë");
	ck_assert_int_eq(m.v[1].minutes, 57);
	meeting_free(&m);
	sb_free(&utf16);
}
END_TEST

/* Dates that read both ways: the session's date decides; a session neither meets is refused. */
START_TEST(meeting_dates_by_session)
{
	static const char text[] =
		"Name (Original Name),User Email,Join Time,Leave Time\n"
		"Ana,ana@example.com,06/07/2026 10:00:00,06/07/2026 10:59:59\n";
	int64_t july6 = days_from_civil(2026, 7, 6) * 86400 + 10 * 3600;
	int64_t june7 = days_from_civil(2026, 6, 7) * 86400 + 10 * 3600;
	struct meeting m;
	su_err e;

	ck_assert_int_eq(meeting_parse_for(text, sizeof text - 1, "z.csv", MEETING_AUTO,
	    DATE_ORDER_UNKNOWN, "UTC", july6, july6 + 3600, &m, &e), 0);
	ck_assert_int_eq(m.order_by_session, DATE_ORDER_DMY);
	ck_assert_int_eq(m.v[0].first_join, july6);
	meeting_free(&m);
	ck_assert_int_eq(meeting_parse_for(text, sizeof text - 1, "z.csv", MEETING_AUTO,
	    DATE_ORDER_UNKNOWN, "UTC", june7, june7 + 3600, &m, &e), 0);
	ck_assert_int_eq(m.order_by_session, DATE_ORDER_MDY);
	ck_assert_int_eq(m.v[0].first_join, june7);
	meeting_free(&m);
	ck_assert_int_eq(meeting_parse_for(text, sizeof text - 1, "z.csv", MEETING_AUTO,
	    DATE_ORDER_UNKNOWN, "UTC", june7 + 86400, june7 + 90000, &m, &e), -1);
	ck_assert_ptr_nonnull(strstr(e.msg, "its date order must be named"));
	ck_assert_int_eq(m.order_needed, 1);
	ck_assert_int_eq(meeting_parse_for(text, sizeof text - 1, "z.csv", MEETING_AUTO,
	    DATE_ORDER_MDY, "UTC", july6, july6 + 3600, &m, &e), 0);
	ck_assert_int_eq(m.v[0].first_join, june7);
	meeting_free(&m);
}
END_TEST

/* Header cells fold as header words do: case, accents, spaces and punctuation, full-width too. */
START_TEST(meeting_header_keys)
{
	static const char *const cases[][2] = {
		{ "Name (Original Name)", "nameoriginalname" }, { "Heure d'arrivée", "heuredarrivee" },
		{ "所要時間（分）", "所要時間分" }, { "名前 (元の名前)", "名前元の名前" },
		{ "Dauer in der Besprechung", "dauerinderbesprechung" }, { "", "" },
	};
	char key[64];

	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		meeting_header_key(cases[i][0], key, sizeof key);
		ck_assert_str_eq(key, cases[i][1]);
	}
	meeting_header_key("Name (Original Name)", key, 5);
	ck_assert_str_eq(key, "name");
}
END_TEST

/* The older Teams list: Joined/Left pairs fold into stays; one left open ends with the list. */
START_TEST(meeting_reads_teams_log)
{
	static const char text[] =
		"Full Name\tUser Action\tTimestamp\n"
		"Ana\tJoined before\t19/11/2026, 10:00:00\n"
		"Bob\tJoined\t19/11/2026, 10:05:00\n"
		"Bob\tLeft\t19/11/2026, 10:20:00\n"
		"Bob\tJoined\t19/11/2026, 10:30:00\n"
		"Ana\tLeft\t19/11/2026, 11:00:00\n";
	struct meeting m;

	parse_ok(text, sizeof text - 1, "UTC", &m);
	ck_assert_int_eq(m.format, MEETING_TEAMS_LOG);
	ck_assert_int_eq(m.rows, 5);
	ck_assert_int_eq(m.n, 2);
	ck_assert_int_eq(m.v[0].minutes, 60);
	ck_assert_int_eq(m.v[1].joins, 2);
	ck_assert_int_eq(m.v[1].minutes, 15 + 30);
	meeting_free(&m);
}
END_TEST

/* Google Meet with its block: times without a date take the block's. */
START_TEST(meeting_reads_meet_block)
{
	static const char text[] =
		"Meeting title,Date,Start time,End time\n"
		"T,2026-11-19,10:00 AM,11:00 AM\n\n"
		"First name,Last name,Email,Duration,Time joined,Time exited\n"
		"Ana,Silva,a@example.com,1 hr,10:00 AM,11:00 AM\n";
	struct meeting m;

	parse_ok(text, sizeof text - 1, "UTC", &m);
	ck_assert_int_eq(m.format, MEETING_MEET);
	ck_assert_str_eq(m.v[0].name, "Ana Silva");
	ck_assert_int_eq(m.v[0].first_join, days_from_civil(2026, 11, 19) * 86400 + 36000);
	meeting_free(&m);
}
END_TEST

/* A Teams report a spreadsheet saved with blank lines before its first section is still Teams'. */
START_TEST(meeting_finds_sections_after_blank_lines)
{
	static const char text[] =
		"\t\t\n\n1. Zusammenfassung\n\n2. Teilnehmer\n"
		"Name\tErster Beitritt\tLetzter Austritt\tDauer in der Besprechung\tE-Mail\n"
		"Zoë\t19.11.2026, 10:00:00\t19.11.2026, 11:00:00\t1 Std.\tz@example.com\n";
	struct meeting m;

	parse_ok(text, sizeof text - 1, "UTC", &m);
	ck_assert_int_eq(m.format, MEETING_TEAMS);
	ck_assert_int_eq(m.n, 1);
	ck_assert_int_eq(m.v[0].minutes, 60);
	meeting_free(&m);
}
END_TEST

START_TEST(meeting_refuses_other_files)
{
	static const char text[] = "Name,E-mail\nAna,ana@example.com\n";
	struct meeting m;
	su_err e;

	ck_assert_int_eq(meeting_parse(text, sizeof text - 1, "r.csv", MEETING_AUTO,
	    DATE_ORDER_UNKNOWN, "Europe/London", &m, &e), -1);
	ck_assert_ptr_nonnull(strstr(e.msg, "not a meeting report I know"));
}
END_TEST

Suite *
meeting_suite(void)
{
	Suite *s = suite_create("meeting");
	TCase *tc = tcase_create("meeting");

	tcase_add_loop_test(tc, meeting_reads_times, 0, ARRAY_SIZE(time_cases));
	tcase_add_loop_test(tc, meeting_reads_durations, 0, ARRAY_SIZE(duration_cases));
	tcase_add_loop_test(tc, meeting_name_keys, 0, ARRAY_SIZE(name_cases));
	tcase_add_test(tc, meeting_reads_zoom);
	tcase_add_test(tc, meeting_reads_teams_utf16);
	tcase_add_test(tc, meeting_dates_by_session);
	tcase_add_test(tc, meeting_header_keys);
	tcase_add_test(tc, meeting_reads_teams_log);
	tcase_add_test(tc, meeting_reads_meet_block);
	tcase_add_test(tc, meeting_finds_sections_after_blank_lines);
	tcase_add_test(tc, meeting_refuses_other_files);
	suite_add_tcase(s, tc);
	return s;
}
