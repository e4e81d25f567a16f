/* SPDX-License-Identifier: Apache-2.0 */
/* test_time.c - calendar arithmetic, parsing times, IANA zones across daylight saving. */
#include "config.h"

#include <string.h>

#include "showup/series.h"
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

/* Date orders, short for the table below. */
enum {
	ANY = DATE_ORDER_UNKNOWN, DMY = DATE_ORDER_DMY, MDY = DATE_ORDER_MDY,
	YMD = DATE_ORDER_YMD
};

/*
 * Times as a coach types them or a spreadsheet writes them, read in an order; the UTC
 * second each one is (computed independently), or a part of the message refusing it.
 */
static const struct {
	const char *text;
	int order;
	const char *zone;
	int ok;
	int64_t utc;
	const char *msg;
} parse_cases[] = {
	{ "2026-10-05 09:00", ANY, "Australia/Sydney", 1, 1791151200, NULL },	/* AEDT, after the change */
	{ "2026-09-28 09:00", ANY, "Australia/Sydney", 1, 1790550000, NULL },	/* AEST, before it */
	{ "2026-10-03 18:00", ANY, "Australia/Sydney", 1, 1791014400, NULL },
	{ "2026-10-05T09:00", ANY, "Australia/Sydney", 1, 1791151200, NULL },
	{ "2026-10-05 9:00", ANY, "Australia/Sydney", 1, 1791151200, NULL },
	{ "2026-10-05 09:00:00", ANY, "Australia/Sydney", 1, 1791151200, NULL },
	{ "2027-03-15 09:00", ANY, "America/New_York", 1, 1805115600, NULL },
	{ "2027-03-29 09:00", ANY, "Europe/London", 1, 1806307200, NULL },
	{ "2027-03-01T09:00+11:00", ANY, "Europe/London", 1, 1803852000, NULL },	/* offset wins */
	{ "2027-03-01T09:00+1100", ANY, "UTC", 1, 1803852000, NULL },
	{ "2027-02-28T22:00Z", ANY, "Australia/Sydney", 1, 1803852000, NULL },
	{ "2027-02-28 22:00 Z", ANY, "Australia/Sydney", 1, 1803852000, NULL },
	{ "2026-02-30 09:00", ANY, "Australia/Sydney", 0, 0, NULL },
	{ "2026-10-05 25:00", ANY, "Australia/Sydney", 0, 0, NULL },
	{ "2026-10-05 09:60", ANY, "Australia/Sydney", 0, 0, NULL },
	{ "2026-10-05", ANY, "Australia/Sydney", 0, 0, NULL },
	{ "tomorrow 9am", ANY, "Australia/Sydney", 0, 0, NULL },
	{ "2026-10-05T09:00+99:00", ANY, "UTC", 0, 0, NULL },
	{ "2026-10-05 09:00 junk", ANY, "UTC", 0, 0, NULL },
	{ "", ANY, "UTC", 0, 0, NULL },
	{ "2026-10-05 09:00", ANY, "Mars/Olympus", 0, 0, NULL },
	/* Excel, US: month first */
	{ "3/4/2027 9:00", MDY, "America/New_York", 1, 1804168800, NULL },
	/* Excel, UK: day first */
	{ "3/4/2027 9:00", DMY, "Europe/London", 1, 1806739200, NULL },
	{ "3/11/2027 9:00 AM", MDY, "America/New_York", 1, 1804773600, NULL },
	{ "3/11/2027 9:00 PM", MDY, "America/New_York", 1, 1804816800, NULL },
	{ "3/11/2027 9:00 AM", DMY, "Europe/London", 1, 1825232400, NULL },
	/* German Excel */
	{ "04.03.2027 09:00", DMY, "Europe/Berlin", 1, 1804147200, NULL },
	{ "04.03.2027 09:00", MDY, "Europe/Berlin", 1, 1806735600, NULL },
	{ "4-3-2027 9:00", DMY, "Europe/London", 1, 1804150800, NULL },
	/* two-digit year: 20YY */
	{ "4/3/27 9:00", DMY, "Europe/London", 1, 1804150800, NULL },
	{ "3/4/27 9:00 pm", MDY, "America/New_York", 1, 1804212000, NULL },
	{ "4.3.27 09:00", DMY, "Europe/Berlin", 1, 1804147200, NULL },
	{ "4/3/2027, 9:00", DMY, "Europe/London", 1, 1804150800, NULL },
	{ "  4/3/2027 9:00  ", DMY, "Europe/London", 1, 1804150800, NULL },
	{ "29/2/2028 9:00", DMY, "Europe/London", 1, 1835427600, NULL },
	{ "29/2/2027 9:00", DMY, "Europe/London", 0, 0, "not a date read day first (d/m/y)" },
	/* fraction dropped */
	{ "3/4/2027 09:00:00.000", MDY, "America/New_York", 1, 1804168800, NULL },
	/* 12-hour clocks */
	{ "3/4/2027 12:00 AM", MDY, "America/New_York", 1, 1804136400, NULL },
	{ "3/4/2027 12:00 PM", MDY, "America/New_York", 1, 1804179600, NULL },
	{ "3/4/2027 12:30 a.m.", MDY, "America/New_York", 1, 1804138200, NULL },
	{ "3/4/2027 1:15 p.m.", MDY, "America/New_York", 1, 1804184100, NULL },
	{ "3/4/2027 9:00AM", MDY, "America/New_York", 1, 1804168800, NULL },
	{ "3/4/2027 9 AM", MDY, "America/New_York", 1, 1804168800, NULL },
	{ "3/4/2027 9pm", MDY, "America/New_York", 1, 1804212000, NULL },
	{ "3/4/2027 11:59:59 pm", MDY, "America/New_York", 1, 1804222799, NULL },
	{ "3/4/2027 0:30 AM", MDY, "America/New_York", 0, 0, "12-hour clock" },
	{ "3/4/2027 13:00 PM", MDY, "America/New_York", 0, 0, "12-hour clock" },
	{ "3/4/2027 9", MDY, "America/New_York", 0, 0, "is not a time (write" },
	/* both readings: refused */
	{ "3/4/2027 09:00:00", ANY, "Europe/London", 0, 0, "could be 3 April 2027 (day first) or 4 March 2027 (month first)" },
	{ "3/4/2027 9:00", YMD, "Europe/London", 0, 0, "could be 3 April 2027 (day first) or 4 March 2027 (month first)" },
	{ "06/07/2026 10:00", ANY, "Europe/London", 0, 0, "'06/07/2026 10:00' could be 6 July 2026 (day first) or 7 June 2026 (month first)" },
	{ " 06/07/2026 10:00 ", YMD, "Europe/London", 0, 0, "' 06/07/2026 10:00 ' could be" },
	/* the same either way */
	{ "4/4/2027 9:00", ANY, "Europe/London", 1, 1806825600, NULL },
	/* only one reading */
	{ "13/4/2027 9:00", ANY, "Europe/London", 1, 1807603200, NULL },
	{ "13/4/2027 9:00", YMD, "Europe/London", 1, 1807603200, NULL },
	{ "4/13/2027 9:00", ANY, "America/New_York", 1, 1807621200, NULL },
	/* the order refuses it */
	{ "13/4/2027 9:00", MDY, "America/New_York", 0, 0, "'13/4/2027 9:00' is not a date read month first (m/d/y); read day first it is 13 April 2027" },
	{ "4/13/2027 9:00", DMY, "Europe/London", 0, 0, "'4/13/2027 9:00' is not a date read day first (d/m/y); read month first it is 13 April 2027" },
	{ "13/13/2027 9:00", DMY, "Europe/London", 0, 0, "is not a date read day first (d/m/y)" },
	{ "13/13/2027 9:00", ANY, "Europe/London", 0, 0, "is not a time of the calendar" },
	{ "32/1/2027 9:00", MDY, "Europe/London", 0, 0, "is not a date read month first (m/d/y)" },
	/* month names */
	{ "4 Mar 2027 9:00", ANY, "Europe/London", 1, 1804150800, NULL },
	{ "4-Mar-2027 09:00", MDY, "America/New_York", 1, 1804168800, NULL },
	/* Excel's d-mmm-yy */
	{ "4-Mar-27 9:00", YMD, "Europe/London", 1, 1804150800, NULL },
	{ "Mar 4, 2027 9:00 AM", DMY, "Europe/London", 1, 1804150800, NULL },
	{ "March 4 2027 09:00", ANY, "America/New_York", 1, 1804168800, NULL },
	{ "4 MARCH 2027 9:00", DMY, "Europe/London", 1, 1804150800, NULL },
	{ "sept 4, 2027 9:00 pm", ANY, "America/New_York", 1, 1820106000, NULL },
	{ "Dec 31, 2027 11:59 PM", MDY, "America/New_York", 1, 1830315540, NULL },
	{ "31 Feb 2027 9:00", ANY, "Europe/London", 0, 0, "is not a time of the calendar" },
	{ "4 Marc 2027 9:00", ANY, "Europe/London", 0, 0, "is not a time (write" },
	/* year first: any order */
	{ "2027/3/4 9:00", MDY, "America/New_York", 1, 1804168800, NULL },
	{ "2027.03.04 09:00", DMY, "Europe/Berlin", 1, 1804147200, NULL },
	{ "2027-03-04T09:00:00", YMD, "Europe/London", 1, 1804150800, NULL },
	{ "2027-03-04 9:00 PM", ANY, "Europe/London", 1, 1804194000, NULL },
	/* a date alone */
	{ "2027-03-04", MDY, "Europe/London", 0, 0, "'2027-03-04' has no time of day" },
	{ "4/3/2027", DMY, "Europe/London", 0, 0, "'4/3/2027' has no time of day" },
	/* offsets win */
	{ "4/3/2027 9:00 +11:00", DMY, "Europe/London", 1, 1804111200, NULL },
	{ "3/4/2027 9:00-0500", MDY, "Europe/London", 1, 1804168800, NULL },
	{ "Mar 4, 2027 9:00 AM Z", ANY, "America/New_York", 1, 1804150800, NULL },
	{ "2027/03/04 09:00+11", MDY, "Europe/London", 1, 1804111200, NULL },
	{ "4/3/2027 9:00 +25:00", DMY, "Europe/London", 0, 0, "is not a time (write" },
	/* junk */
	{ "4/3-2027 9:00", DMY, "Europe/London", 0, 0, "is not a time (write" },
	{ "4/3/202 9:00", DMY, "Europe/London", 0, 0, "is not a time (write" },
	{ "4/3/2027 9:00 junk", DMY, "Europe/London", 0, 0, "is not a time (write" },
	{ "tomorrow 9am", MDY, "Europe/London", 0, 0, "'tomorrow 9am' is not a time (write 2027-03-04 09:00, or 4/3/2027 9:00 in the file's date order)" },
	{ "1/1/1850 9:00", DMY, "Europe/London", 0, 0, "is not a time of the calendar" },
	/* the ends of the calendar: a day's margin, so that every zone shows a four-digit year */
	{ "1900-01-01 12:00", ANY, "Europe/London", 0, 0, "out of the years showup keeps" },
	{ "31/12/9999 9:00", DMY, "Europe/London", 0, 0, "out of the years showup keeps" },
	{ "9999-12-29T23:00Z", YMD, "Pacific/Kiritimati", 1, 253402124400, NULL },
	{ "4/3/2027 9:60", DMY, "Europe/London", 0, 0, "is not a time of the calendar" },
	{ "4/3/2027 9:00", DMY, "Mars/Olympus", 0, 0, "cannot use time zone 'Mars/Olympus'" },
};

START_TEST(times_parse)
{
	int64_t t = -1;
	su_err e = { "" };
	int rc = time_parse(parse_cases[_i].text, (enum date_order)parse_cases[_i].order,
	    parse_cases[_i].zone, &t, &e);

	ck_assert_msg((rc == 0) == parse_cases[_i].ok, "'%s': rc %d (%s)",
	    parse_cases[_i].text, rc, e.msg);
	if (parse_cases[_i].ok)
		ck_assert_int_eq(t, parse_cases[_i].utc);
	else
		ck_assert_msg(strlen(e.msg) > 0, "no message for '%s'", parse_cases[_i].text);
	if (parse_cases[_i].msg != NULL)
		ck_assert_msg(strstr(e.msg, parse_cases[_i].msg) != NULL, "'%s': %s",
		    parse_cases[_i].text, e.msg);
}
END_TEST

/* Zones and the order their region writes dates in. */
static const struct {
	const char *zone;
	int order;
} zone_orders[] = {
	{ "America/New_York", MDY }, { "America/Los_Angeles", MDY },
	{ "America/Indiana/Indianapolis", MDY }, { "America/North_Dakota/Center", MDY },
	{ "Pacific/Honolulu", MDY }, { "US/Eastern", MDY }, { "Asia/Manila", MDY },
	{ "America/Sao_Paulo", DMY }, { "Europe/Berlin", DMY }, { "Europe/London", DMY },
	{ "Australia/Sydney", DMY }, { "America/Mexico_City", DMY }, { "Asia/Kolkata", DMY },
	{ "America/Indianapolis", MDY }, { "America/Indiana", DMY }, { "Asia/Tokyo", YMD },
	{ "Asia/Shanghai", YMD }, { "Asia/Seoul", YMD }, { "Europe/Budapest", YMD },
	{ "America/Toronto", YMD }, { "America/Vancouver", YMD }, { "Canada/Atlantic", YMD },
	{ "UTC", YMD }, { "Etc/GMT+5", YMD }, { "posix/America/Chicago", MDY },
	{ "", ANY },
};

START_TEST(zones_have_date_orders)
{
	enum date_order o = date_order_for_zone(zone_orders[_i].zone);

	ck_assert_msg((int)o == zone_orders[_i].order, "%s: %s", zone_orders[_i].zone,
	    date_order_name(o));
}
END_TEST

START_TEST(date_orders_named)
{
	enum date_order o = DATE_ORDER_UNKNOWN;

	ck_assert_str_eq(date_order_name(DATE_ORDER_DMY), "dmy");
	ck_assert_str_eq(date_order_name(DATE_ORDER_MDY), "mdy");
	ck_assert_str_eq(date_order_name(DATE_ORDER_YMD), "ymd");
	ck_assert_str_eq(date_order_name(DATE_ORDER_UNKNOWN), "");
	ck_assert_int_eq(date_order_parse("MDY", &o), 0);
	ck_assert_int_eq(o, DATE_ORDER_MDY);
	ck_assert_int_eq(date_order_parse("ymd", &o), 0);
	ck_assert_int_eq(o, DATE_ORDER_YMD);
	ck_assert_int_eq(date_order_parse("Dmy", &o), 0);
	ck_assert_int_eq(o, DATE_ORDER_DMY);
	ck_assert_int_eq(date_order_parse("", &o), -1);
	ck_assert_int_eq(date_order_parse("d/m/y", &o), -1);
	ck_assert_int_eq(date_order_parse("dmyy", &o), -1);
	ck_assert_int_eq(o, DATE_ORDER_DMY);
}
END_TEST

/* Texts and the orders that read them, as bits: D day first, M month first, Y year first. */
#define D (1u << DATE_ORDER_DMY)
#define M (1u << DATE_ORDER_MDY)
#define Y (1u << DATE_ORDER_YMD)
static const struct {
	const char *text;
	unsigned orders;
} possible_cases[] = {
	{ "13/4/2027 9:00", D | Y }, { "4/13/2027 9:00", M | Y }, { "06/07/2026 10:00", D | M },
	{ "4/4/2027 9:00", D | M | Y }, { "2027-03-04 09:00", D | M | Y },
	{ "4-Mar-27 9:00", D | M | Y }, { "Mar 4, 2027 9:00 AM", D | M | Y },
	{ "19/11/21, 9:03", D | Y }, { "11/19/2021 10:00:00 PM", M | Y },
	{ "13/13/2027 9:00", 0 }, { "29/2/2027 9:00", 0 }, { "4/3/2027", 0 },
	{ "4/3/2027 25:00", 0 }, { "4/3/2027 0:00 AM", 0 }, { "yesterday", 0 }, { "", 0 },
};
#undef D
#undef M
#undef Y

START_TEST(orders_possible)
{
	const char *text = possible_cases[_i].text;
	unsigned bits = time_orders_possible(text);

	ck_assert_msg(bits == possible_cases[_i].orders, "'%s': %u", text, bits);
	for (int o = DATE_ORDER_DMY; o <= DATE_ORDER_YMD; o++) {	/* what time_parse does */
		int64_t t;

		ck_assert_int_eq(time_parse(text, (enum date_order)o, "UTC", &t, NULL) == 0,
		    (bits >> o) & 1);
	}
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

/* Zones read from the tz database convert as glibc's mktime and localtime_r do
 * (the values below are glibc's), past the files' last transition too. */
static const struct {
	const char *zone;
	struct civil local;
	int64_t utc;
	int offset;		/* at utc */
	int skipped;		/* the clocks skip that local time: utc reads back as another */
} zone_cases[] = {
	{ "Europe/London", { 2027, 3, 28, 1, 30, 0 }, 1806197400, 3600, 1 },
	/* twice: the first; glibc's mktime gives either, by what it was asked before */
	{ "Europe/London", { 2027, 10, 31, 1, 30, 0 }, 1824942600, 3600, 0 },
	{ "Europe/Dublin", { 2027, 3, 28, 1, 30, 0 }, 1806193800, 0, 1 },	/* winter is "summer" */
	{ "Australia/Sydney", { 2050, 1, 15, 18, 0, 0 }, 2525842800, 39600, 0 },
	{ "Europe/London", { 2050, 7, 1, 12, 0, 0 }, 2540286000, 3600, 0 },
	{ "Australia/Sydney", { 2050, 1, 5, 23, 53, 20 }, 2525000000, 39600, 0 },
	{ "America/New_York", { 2050, 3, 4, 4, 46, 40 }, 2530000000, -18000, 0 },
};

START_TEST(zones_convert_as_glibc)
{
	const struct tz_zone *z = tz_zone_find(zone_cases[_i].zone);
	struct civil c;
	int64_t t;
	int offset;

	ck_assert_ptr_nonnull(z);
	ck_assert_ptr_eq(tz_zone_find(zone_cases[_i].zone), z);	/* loaded once */
	ck_assert_int_eq(tz_zone_to_utc(z, &zone_cases[_i].local, &t), 0);
	if (zone_cases[_i].local.second == 0)	/* those with seconds: a moment, read back */
		ck_assert_int_eq(t, zone_cases[_i].utc);
	ck_assert_int_eq(tz_zone_to_local(z, zone_cases[_i].utc, &c, &offset), 0);
	ck_assert_int_eq(offset, zone_cases[_i].offset);
	if (!zone_cases[_i].skipped)
		ck_assert_mem_eq(&c, &zone_cases[_i].local, sizeof c);
	ck_assert_ptr_null(tz_zone_find("Mars/Olympus"));
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

/* A series, its starts as "YYYY-MM-DDTHH:MMZ" (UTC) joined by spaces, or NULL when refused. */
static const struct series_case {
	const char *zone, *first;	/* the first start, local */
	enum series_every every;
	int count;
	const char *until;		/* with count 0 */
	const char *skip[2];
	const char *starts;
} series_cases[] = {
	/* weekly at 18:00 in Berlin across the change to summer time (28 March 2027) */
	{ "Europe/Berlin", "2027-03-16 18:00", SERIES_WEEK, 3, NULL, { NULL },
	  "2027-03-16T17:00Z 2027-03-23T17:00Z 2027-03-30T16:00Z" },
	/* and back to winter time (31 October 2027) */
	{ "Europe/Berlin", "2027-10-26 18:00", SERIES_WEEK, 2, NULL, { NULL },
	  "2027-10-26T16:00Z 2027-11-02T17:00Z" },
	/* a skipped week leaves a hole and the count still holds */
	{ "Europe/Berlin", "2027-03-16 18:00", SERIES_WEEK, 3, NULL, { "2027-03-23" },
	  "2027-03-16T17:00Z 2027-03-30T16:00Z 2027-04-06T16:00Z" },
	/* every two weeks until a day (inclusive) in Sydney, standard time from 03:00 on 4 April */
	{ "Australia/Sydney", "2027-03-22 09:00", SERIES_TWO_WEEKS, 0, "2027-04-19", { NULL },
	  "2027-03-21T22:00Z 2027-04-04T23:00Z 2027-04-18T23:00Z" },
	/* daily, the last day included */
	{ "UTC", "2027-01-30 09:00", SERIES_DAY, 0, "2027-02-01", { NULL },
	  "2027-01-30T09:00Z 2027-01-31T09:00Z 2027-02-01T09:00Z" },
	/* refused: a skip day not on the series, an end before the start, all skipped */
	{ "UTC", "2027-01-04 09:00", SERIES_WEEK, 2, NULL, { "2027-01-05" }, NULL },
	{ "UTC", "2027-01-04 09:00", SERIES_WEEK, 0, "2027-01-03", { NULL }, NULL },
	{ "UTC", "2027-01-04 09:00", SERIES_WEEK, 0, "2027-01-04", { "2027-01-04" }, NULL },
	/* too many */
	{ "UTC", "2027-01-04 09:00", SERIES_DAY, SERIES_MAX + 1, NULL, { NULL }, NULL },
};

/* Returns the days since 1970 of "YYYY-MM-DD". */
static int64_t
day_of(const char *text)
{
	int y, m, d;

	ck_assert_int_eq(date_parse(text, &y, &m, &d, NULL), 0);
	return days_from_civil(y, m, d);
}

START_TEST(series_keep_local_time)
{
	const struct series_case *c = &series_cases[_i];
	const struct tz_zone *z = tz_zone_find(c->zone);
	int64_t skip[2], starts[SERIES_MAX];
	struct series s = { .every = c->every, .count = c->count, .skip_days = skip };
	struct strbuf got = STRBUF_INIT;
	char when[32];
	su_err e;
	int n;

	ck_assert_ptr_nonnull(z);
	ck_assert_int_eq(time_parse(c->first, DATE_ORDER_YMD, c->zone, &s.first, NULL), 0);
	if (c->until)
		s.until_day = day_of(c->until);
	for (; s.nskip < 2 && c->skip[s.nskip]; s.nskip++)
		skip[s.nskip] = day_of(c->skip[s.nskip]);
	n = series_starts(z, &s, starts, &e);
	if (c->starts == NULL) {
		ck_assert_msg(n < 0, "case %d: a series made", _i);
		ck_assert(strlen(e.msg) > 0);
		return;
	}
	ck_assert_msg(n > 0, "case %d: %s", _i, e.msg);
	for (int k = 0; k < n; k++) {
		time_format_iso("UTC", starts[k], when, sizeof when);
		sb_addf(&got, "%s%.16sZ", k ? " " : "", when);
	}
	ck_assert_str_eq(sb_str(&got), c->starts);
	sb_free(&got);
}
END_TEST

/* The steps a series is given by. */
START_TEST(series_steps_parse)
{
	enum series_every every;

	ck_assert_int_eq(series_every_parse("week", &every), 0);
	ck_assert_int_eq(every, SERIES_WEEK);
	ck_assert_int_eq(series_every_parse("2weeks", &every), 0);
	ck_assert_int_eq(every, SERIES_TWO_WEEKS);
	ck_assert_int_eq(series_every_parse("day", &every), 0);
	ck_assert_int_eq(series_every_parse("month", &every), -1);
}
END_TEST

/* A series moved from one session on: each later start by the same days and local time. */
static const struct {
	const char *zone, *from, *to, *t, *want;	/* local times; want in UTC */
} shift_cases[] = {
	/* a day on and an hour later, the later one past the end of summer time */
	{ "Europe/Berlin", "2027-10-19 18:00", "2027-10-20 19:00", "2027-11-02 18:00",
	  "2027-11-03T18:00" },
	{ "Europe/Berlin", "2027-10-19 18:00", "2027-10-20 19:00", "2027-10-26 18:00",
	  "2027-10-27T17:00" },
	/* back across midnight: 00:30 to the evening before */
	{ "Australia/Sydney", "2027-03-02 00:30", "2027-03-01 22:00", "2027-04-13 00:30",
	  "2027-04-12T12:00" },
	/* later across midnight, into the start of summer time in New York */
	{ "America/New_York", "2027-03-01 23:30", "2027-03-02 01:00", "2027-03-13 23:30",
	  "2027-03-14T06:00" },
	/* no move: the same start */
	{ "UTC", "2027-01-04 09:00", "2027-01-04 09:00", "2027-02-01 09:00",
	  "2027-02-01T09:00" },
};

START_TEST(series_shift_keeps_local_time)
{
	const struct tz_zone *z = tz_zone_find(shift_cases[_i].zone);
	int64_t from, to, t;
	char got[40];

	ck_assert_ptr_nonnull(z);
	ck_assert_int_eq(time_parse(shift_cases[_i].from, DATE_ORDER_YMD, shift_cases[_i].zone,
	    &from, NULL), 0);
	ck_assert_int_eq(time_parse(shift_cases[_i].to, DATE_ORDER_YMD, shift_cases[_i].zone,
	    &to, NULL), 0);
	ck_assert_int_eq(time_parse(shift_cases[_i].t, DATE_ORDER_YMD, shift_cases[_i].zone,
	    &t, NULL), 0);
	time_format_iso("UTC", series_shift(z, from, to, t), got, sizeof got);
	ck_assert_msg(strncmp(got, shift_cases[_i].want, 16) == 0, "case %d: got %s, want %s",
	    _i, got, shift_cases[_i].want);
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
	tcase_add_loop_test(tc, zones_convert_as_glibc, 0, (int)ARRAY_SIZE(zone_cases));
	tcase_add_test(tc, dates_parse);
	tcase_add_loop_test(tc, zones_have_date_orders, 0, (int)ARRAY_SIZE(zone_orders));
	tcase_add_test(tc, date_orders_named);
	tcase_add_loop_test(tc, orders_possible, 0, (int)ARRAY_SIZE(possible_cases));
	tcase_add_loop_test(tc, series_keep_local_time, 0, (int)ARRAY_SIZE(series_cases));
	tcase_add_test(tc, series_steps_parse);
	tcase_add_loop_test(tc, series_shift_keeps_local_time, 0, (int)ARRAY_SIZE(shift_cases));
	suite_add_tcase(s, tc);
	return s;
}
