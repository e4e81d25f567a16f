/* test_time.c - calendar arithmetic, parsing times, IANA zones across daylight saving. */
#include "config.h"

#include <string.h>

#include "showup/timeutil.h"
#include "suites.h"

START_TEST(civil_days_round_trip)
{
	for (int64_t d = -800000; d < 800000; d += 97) {
		int y, m, dd;

		civil_from_days(d, &y, &m, &dd);
		ck_assert_int_eq(days_from_civil(y, m, dd), d);
		ck_assert_int_eq(date_valid(y, m, dd) || y < 1900 || y > 9999, 1);
	}
	ck_assert_int_eq(days_from_civil(1970, 1, 1), 0);
	ck_assert_int_eq(days_from_civil(2000, 3, 1), 11017);
	ck_assert_int_eq(date_valid(2028, 2, 29), 1);
	ck_assert_int_eq(date_valid(2027, 2, 29), 0);
	ck_assert_int_eq(date_valid(2100, 2, 29), 0);
}
END_TEST

/* Times as a coach types them, and the UTC second each one is (computed independently). */
static const struct {
	const char *text;
	const char *zone;
	int ok;
	int64_t utc;
} parse_cases[] = {
	{ "2026-10-05 09:00", "Australia/Sydney", 1, 1791151200 },	/* AEDT, after the change */
	{ "2026-09-28 09:00", "Australia/Sydney", 1, 1790550000 },	/* AEST, before it */
	{ "2026-10-03 18:00", "Australia/Sydney", 1, 1791014400 },
	{ "2026-10-05T09:00", "Australia/Sydney", 1, 1791151200 },
	{ "2026-10-05 9:00", "Australia/Sydney", 1, 1791151200 },
	{ "2026-10-05 09:00:00", "Australia/Sydney", 1, 1791151200 },
	{ "2027-03-15 09:00", "America/New_York", 1, 1805115600 },
	{ "2027-03-29 09:00", "Europe/London", 1, 1806307200 },
	{ "2027-03-01T09:00+11:00", "Europe/London", 1, 1803852000 },	/* offset wins */
	{ "2027-03-01T09:00+1100", "UTC", 1, 1803852000 },
	{ "2027-02-28T22:00Z", "Australia/Sydney", 1, 1803852000 },
	{ "2027-02-28 22:00 Z", "Australia/Sydney", 1, 1803852000 },
	{ "2026-02-30 09:00", "Australia/Sydney", 0, 0 },
	{ "2026-10-05 25:00", "Australia/Sydney", 0, 0 },
	{ "2026-10-05 09:60", "Australia/Sydney", 0, 0 },
	{ "2026-10-05", "Australia/Sydney", 0, 0 },
	{ "tomorrow 9am", "Australia/Sydney", 0, 0 },
	{ "2026-10-05T09:00+99:00", "UTC", 0, 0 },
	{ "2026-10-05 09:00 junk", "UTC", 0, 0 },
	{ "", "UTC", 0, 0 },
	{ "2026-10-05 09:00", "Mars/Olympus", 0, 0 },
};

START_TEST(times_parse)
{
	int64_t t = -1;
	su_err e = { "" };
	int rc = time_parse(parse_cases[_i].text, parse_cases[_i].zone, &t, &e);

	ck_assert_msg((rc == 0) == parse_cases[_i].ok, "'%s': rc %d (%s)",
	    parse_cases[_i].text, rc, e.msg);
	if (parse_cases[_i].ok)
		ck_assert_int_eq(t, parse_cases[_i].utc);
	else
		ck_assert_msg(strlen(e.msg) > 0, "no message for '%s'", parse_cases[_i].text);
}
END_TEST

START_TEST(times_format_in_zone)
{
	char buf[64];

	ck_assert_str_eq(time_format_iso("Australia/Sydney", 1791151200, buf, sizeof buf),
	    "2026-10-05T09:00:00+11:00");
	ck_assert_str_eq(time_format_iso("Australia/Sydney", 1790550000, buf, sizeof buf),
	    "2026-09-28T09:00:00+10:00");
	ck_assert_str_eq(time_format_iso("America/New_York", 1805115600, buf, sizeof buf),
	    "2027-03-15T09:00:00-04:00");
	ck_assert_str_eq(time_format_local("Europe/London", 1806307200, buf, sizeof buf),
	    "2027-03-29 09:00");
	ck_assert_str_eq(time_format_human("Australia/Sydney", 1791151200, buf, sizeof buf),
	    "Mon 2026-10-05 09:00");
}
END_TEST

START_TEST(zones_are_checked)
{
	ck_assert_int_eq(tz_valid("Australia/Sydney"), 1);
	ck_assert_int_eq(tz_valid("UTC"), 1);
	ck_assert_int_eq(tz_valid("Mars/Olympus"), 0);
	ck_assert_int_eq(tz_valid("../../etc/passwd"), 0);
	ck_assert_int_eq(tz_valid("/etc/localtime"), 0);
	ck_assert_int_eq(tz_valid(""), 0);
	ck_assert_int_eq(tz_valid("Europe/London;rm"), 0);
}
END_TEST

START_TEST(dates_parse)
{
	int y, m, d;

	ck_assert_int_eq(date_parse("2027-03-01", &y, &m, &d, NULL), 0);
	ck_assert_int_eq(y * 10000 + m * 100 + d, 20270301);
	ck_assert_int_eq(date_parse("2027-13-01", &y, &m, &d, NULL), -1);
	ck_assert_int_eq(date_parse("01/03/2027", &y, &m, &d, NULL), -1);
}
END_TEST

Suite *
time_suite(void)
{
	Suite *s = suite_create("time");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, civil_days_round_trip);
	tcase_add_loop_test(tc, times_parse, 0, (int)ARRAY_SIZE(parse_cases));
	tcase_add_test(tc, times_format_in_zone);
	tcase_add_test(tc, zones_are_checked);
	tcase_add_test(tc, dates_parse);
	suite_add_tcase(s, tc);
	return s;
}
