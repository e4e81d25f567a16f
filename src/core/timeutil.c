/* SPDX-License-Identifier: Apache-2.0 */
/* timeutil.c - civil dates, IANA time zones, and the time formats showup reads. */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "showup/timeutil.h"

/* The longest zone name taken ("America/Argentina/ComodRivadavia" is 32 bytes). */
#define TZ_NAME_MAX 127

int64_t
days_from_civil(int y, int m, int d)
{
	int64_t era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void
civil_from_days(int64_t z, int *year, int *month, int *day)
{
	int64_t era, doe, yoe, y, doy, mp, d, m;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	d = doy - (153 * mp + 2) / 5 + 1;
	m = mp + (mp < 10 ? 3 : -9);
	*year = (int)(y + (m <= 2));
	*month = (int)m;
	*day = (int)d;
}

int
date_valid(int y, int m, int d)
{
	static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	if (y < 1900 || y > 9999 || m < 1 || m > 12 || d < 1)
		return 0;
	return d <= mdays[m - 1] + (m == 2 && leap);
}

int
tz_valid(const char *zone)
{
	const char *dir = getenv("TZDIR");
	char path[512], magic[4];
	FILE *f;
	int ok;

	if (zone == NULL || *zone == '\0' || strlen(zone) > TZ_NAME_MAX ||
	    zone[0] == '/' || strstr(zone, "..") != NULL)
		return 0;
	for (const char *p = zone; *p; p++)
		if (!isalnum((unsigned char)*p) && strchr("/_+-", *p) == NULL)
			return 0;
	snprintf(path, sizeof path, "%s/%s",
	    dir && *dir ? dir : "/usr/share/zoneinfo", zone);
	f = fopen(path, "rb");
	if (f == NULL)
		return 0;
	ok = fread(magic, 1, 4, f) == 4 && memcmp(magic, "TZif", 4) == 0;
	fclose(f);
	return ok;
}

int
tz_local_to_utc(const char *zone, const struct civil *c, int64_t *out)
{
	const struct tz_zone *z = tz_zone_find(zone);

	return z == NULL ? -1 : tz_zone_to_utc(z, c, out);
}

int
tz_utc_to_local(const char *zone, int64_t t, struct civil *out, int *offset)
{
	const struct tz_zone *z = tz_zone_find(zone);

	return z == NULL ? -1 : tz_zone_to_local(z, t, out, offset);
}

/* Reads exactly 'n' digits at *p into *v and advances *p; -1 if not there. */
static int
take_digits(const char **p, int n, int *v)
{
	int x = 0;

	for (int i = 0; i < n; i++) {
		if (!isdigit((unsigned char)(*p)[i]))
			return -1;
		x = x * 10 + ((*p)[i] - '0');
	}
	*p += n;
	*v = x;
	return 0;
}

/* Reads "YYYY-MM-DD" at *p; 0 ok. */
static int
take_date(const char **p, struct civil *c)
{
	if (take_digits(p, 4, &c->year) < 0 || *(*p)++ != '-')
		return -1;
	if (take_digits(p, 2, &c->month) < 0 || *(*p)++ != '-')
		return -1;
	if (take_digits(p, 2, &c->day) < 0)
		return -1;
	return 0;
}

int
date_parse(const char *text, int *year, int *month, int *day, su_err *e)
{
	const char *p = text;
	struct civil c = { 0 };

	if (take_date(&p, &c) < 0 || *p != '\0')
		return su_err_set(e, "'%s' is not a date (use YYYY-MM-DD)", text);
	if (!date_valid(c.year, c.month, c.day))
		return su_err_set(e, "'%s' is not a day of the calendar", text);
	*year = c.year;
	*month = c.month;
	*day = c.day;
	return 0;
}

/* Reads an optional "Z" or "+HH:MM"/"+HHMM"/"+HH" at *p into *off (seconds); 1 if one was there. */
static int
take_offset(const char **p, int *off, int *bad)
{
	int sign, h = 0, m = 0;

	*bad = 0;
	if (**p == 'Z' || **p == 'z') {
		(*p)++;
		*off = 0;
		return 1;
	}
	if (**p != '+' && **p != '-')
		return 0;
	sign = **p == '-' ? -1 : 1;
	(*p)++;
	if (take_digits(p, 2, &h) < 0) {
		*bad = 1;
		return 0;
	}
	if (**p == ':')
		(*p)++;
	if (isdigit((unsigned char)**p) && take_digits(p, 2, &m) < 0) {
		*bad = 1;
		return 0;
	}
	if (h > 14 || m > 59) {
		*bad = 1;
		return 0;
	}
	*off = sign * (h * 3600 + m * 60);
	return 1;
}

/* Skips blanks (spaces and tabs) at *p. */
static void
skip_blanks(const char **p)
{
	while (**p == ' ' || **p == '\t')
		(*p)++;
}

/* Reads 1 to 'max' digits at *p into *v and advances *p; returns how many (0: none). */
static int
take_upto(const char **p, int max, int *v)
{
	int n = 0, x = 0;

	while (n < max && isdigit((unsigned char)(*p)[n])) {
		x = x * 10 + ((*p)[n] - '0');
		n++;
	}
	*p += n;
	*v = x;
	return n;
}

/* Reads a day, month or hour of 1 or 2 digits at *p; 0 ok, -1 if not there. */
static int
take_small(const char **p, int *v)
{
	if (take_upto(p, 2, v) == 0 || isdigit((unsigned char)**p))
		return -1;
	return 0;
}

/* Reads a year of 4 digits, or of 2 meaning 20YY; 0 ok, -1 if not there. */
static int
take_year(const char **p, int *year)
{
	int n = take_upto(p, 4, year);

	if ((n != 2 && n != 4) || isdigit((unsigned char)**p))
		return -1;
	if (n == 2)
		*year += 2000;
	return 0;
}

static const char *const month_names[12] = { "January", "February", "March", "April",
	"May", "June", "July", "August", "September", "October", "November", "December" };

/* Reads an English month, whole or its first three letters ("Sept" too), any case; 0 ok. */
static int
take_month_name(const char **p, int *month)
{
	size_t n = 0;

	while (isalpha((unsigned char)(*p)[n]))
		n++;
	for (int m = 0; m < 12 && n >= 3; m++) {
		if (strncasecmp(*p, month_names[m], n) != 0)
			continue;
		if (n == 3 || n == strlen(month_names[m]) || (m == 8 && n == 4)) {
			*p += n;
			*month = m + 1;
			return 0;
		}
	}
	return -1;
}

/* Skips what parts a written-out date: blanks, or one of ",-/." in blanks; 1 if any. */
static int
take_part_gap(const char **p)
{
	const char *start = *p;

	skip_blanks(p);
	if (**p != '\0' && strchr(",-/.", **p) != NULL)
		(*p)++;
	skip_blanks(p);
	return *p > start;
}

/* The shape of a written date: where its year is. */
enum date_shape { SHAPE_YEAR_FIRST, SHAPE_YEAR_LAST, SHAPE_NAMED };

/* A time as written, before a date order reads it. */
struct written {
	enum date_shape shape;
	int first, second;	/* year last: the two numbers before the year */
	struct civil c;		/* the year; month and day unless year last; the clock */
	char meridiem;		/* 'a' or 'p' for a 12-hour clock, else 0 */
	int has_off, off;	/* an offset was given: seconds east of UTC */
};

/* Reads "4 Mar 2027", "4-Mar-27" or "Mar 4, 2027" at *p into w; 0 ok. */
static int
take_named_date(const char **p, struct written *w)
{
	w->shape = SHAPE_NAMED;
	if (isalpha((unsigned char)**p)) {
		if (take_month_name(p, &w->c.month) < 0 || !take_part_gap(p) ||
		    take_small(p, &w->c.day) < 0)
			return -1;
	} else if (take_small(p, &w->c.day) < 0 || !take_part_gap(p) ||
	    take_month_name(p, &w->c.month) < 0) {
		return -1;
	}
	if (!take_part_gap(p))
		return -1;
	return take_year(p, &w->c.year);
}

/* Reads "2027-03-04", "2027/3/4", "2027.03.04", "4/3/2027", "4.3.27" or "4-3-2027"; 0 ok. */
static int
take_numeric_date(const char **p, struct written *w)
{
	int a, n = take_upto(p, 4, &a);
	char sep = **p;

	if ((n != 4 && (n == 0 || n > 2)) || sep == '\0' || strchr("-/.", sep) == NULL)
		return -1;
	(*p)++;
	if (n == 4) {
		w->shape = SHAPE_YEAR_FIRST;
		w->c.year = a;
		if (take_small(p, &w->c.month) < 0 || *(*p)++ != sep)
			return -1;
		return take_small(p, &w->c.day);
	}
	w->shape = SHAPE_YEAR_LAST;
	w->first = a;
	if (take_small(p, &w->second) < 0 || *(*p)++ != sep)
		return -1;
	return take_year(p, &w->c.year);
}

/* Reads a date in any of the shapes at *p into w; 0 ok. */
static int
take_any_date(const char **p, struct written *w)
{
	const char *start = *p;

	if (take_numeric_date(p, w) == 0)
		return 0;
	*p = start;
	return take_named_date(p, w);
}

/* Skips what parts a date from its time: "T", or blanks after an optional comma; 1 if any. */
static int
take_time_gap(const char **p)
{
	const char *start = *p;

	if ((**p == 'T' || **p == 't') && isdigit((unsigned char)(*p)[1])) {
		(*p)++;
		return 1;
	}
	if (**p == ',')
		(*p)++;
	skip_blanks(p);
	return *p > start;
}

/* Reads "am", "a.m.", "pm", "p.m." (any case) at *p; returns 'a' or 'p', or 0 if none. */
static char
take_meridiem(const char **p)
{
	const char *s = *p;
	char m = (char)tolower((unsigned char)*s);

	if (m != 'a' && m != 'p')
		return 0;
	s += s[1] == '.' ? 2 : 1;
	if (tolower((unsigned char)*s) != 'm')
		return 0;
	s += s[1] == '.' ? 2 : 1;
	if (isalpha((unsigned char)*s))
		return 0;
	*p = s;
	return m;
}

/* Reads "9:00", "09:00:05", "09:00:05.250" (fraction dropped), "9:00 AM" or "9pm"; 0 ok. */
static int
take_clock(const char **p, struct written *w)
{
	const char *q;
	int colon;

	if (take_small(p, &w->c.hour) < 0)
		return -1;
	colon = **p == ':';
	if (colon) {
		(*p)++;
		if (take_digits(p, 2, &w->c.minute) < 0 || isdigit((unsigned char)**p))
			return -1;
		if (**p == ':') {
			(*p)++;
			if (take_digits(p, 2, &w->c.second) < 0 || isdigit((unsigned char)**p))
				return -1;
			if (**p == '.' && isdigit((unsigned char)(*p)[1]))
				for ((*p)++; isdigit((unsigned char)**p); (*p)++)
					;
		}
	}
	q = *p;
	skip_blanks(&q);
	w->meridiem = take_meridiem(&q);
	if (w->meridiem)
		*p = q;
	return colon || w->meridiem ? 0 : -1;
}

/* What reading a time's text found. */
enum scan { SCAN_OK, SCAN_SYNTAX, SCAN_NO_TIME };

/* Reads the whole of 'text' into w, its date not yet read by an order. */
static enum scan
scan_time(const char *text, struct written *w)
{
	const char *p = text, *q;
	int bad;

	memset(w, 0, sizeof *w);
	skip_blanks(&p);
	if (take_any_date(&p, w) < 0)
		return SCAN_SYNTAX;
	q = p + (*p == ',');
	skip_blanks(&q);
	if (*q == '\0')
		return SCAN_NO_TIME;
	if (!take_time_gap(&p) || take_clock(&p, w) < 0)
		return SCAN_SYNTAX;
	skip_blanks(&p);
	w->has_off = take_offset(&p, &w->off, &bad);
	skip_blanks(&p);
	return bad || *p != '\0' ? SCAN_SYNTAX : SCAN_OK;
}

/* Turns w's clock to 24 hours; 0, -1 if no time of day, -2 if a 12-hour hour is not 1-12. */
static int
clock_24(struct written *w)
{
	struct civil *c = &w->c;

	if (w->meridiem) {
		if (c->hour < 1 || c->hour > 12)
			return -2;
		c->hour = c->hour % 12 + (w->meridiem == 'p' ? 12 : 0);
	}
	return c->hour > 23 || c->minute > 59 || c->second > 59 ? -1 : 0;
}

/* Returns the seconds since 1970 of w's date and clock, less its offset if it has one. */
static int64_t
written_seconds(const struct written *w)
{
	return days_from_civil(w->c.year, w->c.month, w->c.day) * 86400 + w->c.hour * 3600 +
	    w->c.minute * 60 + w->c.second - (w->has_off ? w->off : 0);
}

/*
 * Returns 1 if w is a time showup keeps: from 1900-01-02 to 9999-12-29 UTC, a day inside
 * the calendar's ends, so that every zone's clock shows it in the calendar; without an
 * offset its wall clock must be a day further in, so that this holds in any zone.
 */
static int
time_kept(const struct written *w)
{
	int64_t t = written_seconds(w), margin = w->has_off ? 0 : 86400;

	return t >= days_from_civil(1900, 1, 2) * 86400 + margin &&
	    t < days_from_civil(9999, 12, 30) * 86400 - margin;
}

/* Says how 'o' reads a year-last date: "day first (d/m/y)" or "month first (m/d/y)". */
static const char *
order_words(enum date_order o)
{
	return o == DATE_ORDER_MDY ? "month first (m/d/y)" : "day first (d/m/y)";
}

/* Reads year-last w day first or month first, as 'order' says; 0, or -1 with why in 'e'. */
static int
read_in_order(const char *text, struct written *w, enum date_order order, su_err *e)
{
	int day_first = order == DATE_ORDER_DMY;
	int d = day_first ? w->first : w->second, m = day_first ? w->second : w->first;

	if (date_valid(w->c.year, m, d)) {
		w->c.month = m;
		w->c.day = d;
		return 0;
	}
	if (!date_valid(w->c.year, d, m))
		return su_err_set(e, "'%s' is not a date read %s", text, order_words(order));
	return su_err_set(e, "'%s' is not a date read %s; read %s it is %d %s %d", text,
	    order_words(order), day_first ? "month first" : "day first", m,
	    month_names[d - 1], w->c.year);
}

/* Reads the date of w by 'order' into w->c; 0, or -1 with why in 'e' (quoting 'text'). */
static int
read_date(const char *text, struct written *w, enum date_order order, su_err *e)
{
	int a = w->first, b = w->second, y = w->c.year, dmy, mdy;

	if (!date_valid(y, 1, 1))
		return su_err_set(e, "'%s' is not a time of the calendar", text);
	if (w->shape != SHAPE_YEAR_LAST)
		return date_valid(y, w->c.month, w->c.day) ? 0
		    : su_err_set(e, "'%s' is not a time of the calendar", text);
	if (order == DATE_ORDER_DMY || order == DATE_ORDER_MDY)
		return read_in_order(text, w, order, e);
	dmy = date_valid(y, b, a);
	mdy = date_valid(y, a, b);
	if (dmy && mdy && a != b)
		return su_err_set(e, "'%s' could be %d %s %d (day first) or %d %s %d "
		    "(month first)", text, a, month_names[b - 1], y, b, month_names[a - 1], y);
	if (!dmy && !mdy)
		return su_err_set(e, "'%s' is not a time of the calendar", text);
	return read_in_order(text, w, dmy ? DATE_ORDER_DMY : DATE_ORDER_MDY, e);
}

int
time_parse(const char *text, enum date_order order, const char *zone, int64_t *out,
    su_err *e)
{
	struct written w;
	enum scan scan = scan_time(text, &w);
	int clock;

	if (scan == SCAN_NO_TIME)
		return su_err_set(e, "'%s' has no time of day", text);
	if (scan != SCAN_OK)
		return su_err_set(e, "'%s' is not a time (write 2027-03-04 09:00, or 4/3/2027 "
		    "9:00 in the file's date order)", text);
	if (read_date(text, &w, order, e) < 0)
		return -1;
	clock = clock_24(&w);
	if (clock == -2)
		return su_err_set(e, "'%s' is not a time of day (a 12-hour clock runs from "
		    "1 to 12)", text);
	if (clock < 0)
		return su_err_set(e, "'%s' is not a time of the calendar", text);
	if (!time_kept(&w))
		return su_err_set(e, "'%s' is out of the years showup keeps (1900 to 9999)",
		    text);
	if (w.has_off) {
		*out = written_seconds(&w);
		return 0;
	}
	if (tz_local_to_utc(zone, &w.c, out) < 0)
		return su_err_set(e, "cannot use time zone '%s'", zone);
	return 0;
}

unsigned
time_orders_possible(const char *text)
{
	static const enum date_order orders[] = { DATE_ORDER_DMY, DATE_ORDER_MDY,
		DATE_ORDER_YMD };
	struct written w, read;
	unsigned bits = 0;

	if (scan_time(text, &w) != SCAN_OK || clock_24(&w) != 0)
		return 0;
	for (size_t i = 0; i < ARRAY_SIZE(orders); i++) {
		read = w;
		if (read_date(text, &read, orders[i], NULL) == 0 && time_kept(&read))
			bits |= 1u << orders[i];
	}
	return bits;
}

int
time_clock_12h(const char *text)
{
	struct written w;

	return scan_time(text, &w) == SCAN_OK && w.meridiem != 0;
}

const char *
date_order_name(enum date_order o)
{
	switch (o) {
	case DATE_ORDER_DMY:
		return "dmy";
	case DATE_ORDER_MDY:
		return "mdy";
	case DATE_ORDER_YMD:
		return "ymd";
	default:
		return "";
	}
}

int
date_order_parse(const char *s, enum date_order *out)
{
	static const enum date_order orders[] = { DATE_ORDER_DMY, DATE_ORDER_MDY,
		DATE_ORDER_YMD };

	for (size_t i = 0; s != NULL && i < ARRAY_SIZE(orders); i++)
		if (strcasecmp(s, date_order_name(orders[i])) == 0) {
			*out = orders[i];
			return 0;
		}
	return -1;
}

/* Zones whose region writes month first: the US (and its old names), the Philippines,
 * Guam and the Northern Marianas. A name ending in '/' stands for the zones under it. */
static const char *const mdy_zones[] = {
	"America/New_York", "America/Chicago", "America/Denver", "America/Phoenix",
	"America/Los_Angeles", "America/Anchorage", "America/Adak", "America/Boise",
	"America/Detroit", "America/Juneau", "America/Sitka", "America/Nome",
	"America/Yakutat", "America/Metlakatla", "America/Menominee", "America/Indiana/",
	"America/Kentucky/", "America/North_Dakota/", "Pacific/Honolulu",
	"US/", "America/Indianapolis", "America/Fort_Wayne", "America/Knox_IN",
	"America/Louisville", "America/Atka", "America/Shiprock", "Navajo",
	"Pacific/Johnston", "Pacific/Pago_Pago", "Pacific/Samoa", "Pacific/Midway",
	"EST5EDT", "CST6CDT", "MST7MDT", "PST8PDT",
	"Asia/Manila", "Pacific/Guam", "Pacific/Saipan",
};

/* Zones whose region writes year first: East Asia, Iran, Hungary, Lithuania, Nepal,
 * Canada (whose standard is ISO: a ymd file refuses a date d/m and m/d both read), UTC. */
static const char *const ymd_zones[] = {
	"Asia/Tokyo", "Japan", "Asia/Shanghai", "Asia/Chongqing", "Asia/Chungking",
	"Asia/Harbin", "Asia/Urumqi", "Asia/Kashgar", "PRC", "Asia/Seoul", "ROK",
	"Asia/Pyongyang", "Asia/Taipei", "ROC", "Asia/Ulaanbaatar", "Asia/Ulan_Bator",
	"Asia/Hovd", "Asia/Choibalsan", "Asia/Tehran", "Iran", "Europe/Budapest",
	"Europe/Vilnius", "Asia/Kathmandu", "Asia/Katmandu",
	"Canada/", "America/Toronto", "America/Vancouver", "America/Montreal",
	"America/Edmonton", "America/Winnipeg", "America/Halifax", "America/St_Johns",
	"America/Regina", "America/Moncton", "America/Glace_Bay", "America/Goose_Bay",
	"America/Thunder_Bay", "America/Nipigon", "America/Rainy_River", "America/Atikokan",
	"America/Coral_Harbour", "America/Swift_Current", "America/Whitehorse",
	"America/Dawson", "America/Dawson_Creek", "America/Fort_Nelson", "America/Creston",
	"America/Yellowknife", "America/Inuvik", "America/Cambridge_Bay", "America/Iqaluit",
	"America/Pangnirtung", "America/Rankin_Inlet", "America/Resolute",
	"America/Blanc-Sablon",
	"UTC", "UCT", "Etc/", "GMT", "GMT0", "GMT+0", "GMT-0", "Greenwich", "Universal", "Zulu",
};

/* Returns 1 if 'zone' is one of the n names in 'list' (or under one ending in '/'). */
static int
zone_listed(const char *zone, const char *const *list, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		size_t len = strlen(list[i]);

		if (list[i][len - 1] == '/' ? strncmp(zone, list[i], len) == 0
		    : strcmp(zone, list[i]) == 0)
			return 1;
	}
	return 0;
}

enum date_order
date_order_for_zone(const char *zone)
{
	if (zone == NULL || *zone == '\0')
		return DATE_ORDER_UNKNOWN;
	if (strncmp(zone, "posix/", 6) == 0 || strncmp(zone, "right/", 6) == 0)
		zone += 6;
	if (zone_listed(zone, mdy_zones, ARRAY_SIZE(mdy_zones)))
		return DATE_ORDER_MDY;
	if (zone_listed(zone, ymd_zones, ARRAY_SIZE(ymd_zones)))
		return DATE_ORDER_YMD;
	return DATE_ORDER_DMY;
}

char *
time_format_local(const char *zone, int64_t t, char *buf, size_t size)
{
	struct civil c;

	if (tz_utc_to_local(zone, t, &c, NULL) < 0)
		snprintf(buf, size, "?");
	else
		snprintf(buf, size, "%04d-%02d-%02d %02d:%02d", c.year, c.month,
		    c.day, c.hour, c.minute);
	return buf;
}

char *
time_format_iso(const char *zone, int64_t t, char *buf, size_t size)
{
	struct civil c;
	int off, a;

	if (tz_utc_to_local(zone, t, &c, &off) < 0) {
		snprintf(buf, size, "?");
		return buf;
	}
	a = off < 0 ? -off : off;
	snprintf(buf, size, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", c.year,
	    c.month, c.day, c.hour, c.minute, c.second, off < 0 ? '-' : '+',
	    a / 3600, a % 3600 / 60);
	return buf;
}

char *
time_format_human(const char *zone, int64_t t, char *buf, size_t size)
{
	static const char *wd[] = { "Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed" };
	struct civil c;
	int64_t days;

	if (tz_utc_to_local(zone, t, &c, NULL) < 0) {
		snprintf(buf, size, "?");
		return buf;
	}
	days = days_from_civil(c.year, c.month, c.day);
	snprintf(buf, size, "%s %04d-%02d-%02d %02d:%02d",
	    wd[((days % 7) + 7) % 7], c.year, c.month, c.day, c.hour, c.minute);
	return buf;
}

int64_t
time_now(void)
{
	const char *fake = getenv("SHOWUP_NOW");
	int64_t t;

	if (fake != NULL && *fake && time_parse(fake, DATE_ORDER_UNKNOWN, "UTC", &t, NULL) == 0)
		return t;
	return (int64_t)time(NULL);
}
