/* timeutil.c - civil dates, IANA time zones, and the time formats showup reads. */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "showup/timeutil.h"

/* The zone glibc's TZ currently holds, so repeated conversions skip tzset(). */
static char current_zone[128];

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

	if (zone == NULL || *zone == '\0' || strlen(zone) >= sizeof current_zone ||
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

/* Makes glibc's local time 'zone'; 0 ok, -1 if the zone is not installed. */
static int
use_zone(const char *zone)
{
	char spec[160];

	if (strcmp(zone, current_zone) == 0)
		return 0;
	if (!tz_valid(zone))
		return -1;
	snprintf(spec, sizeof spec, ":%s", zone);
	setenv("TZ", spec, 1);
	tzset();
	snprintf(current_zone, sizeof current_zone, "%s", zone);
	return 0;
}

int
tz_local_to_utc(const char *zone, const struct civil *c, int64_t *out)
{
	struct tm tm = { 0 };
	time_t t;

	if (use_zone(zone) < 0)
		return -1;
	tm.tm_year = c->year - 1900;
	tm.tm_mon = c->month - 1;
	tm.tm_mday = c->day;
	tm.tm_hour = c->hour;
	tm.tm_min = c->minute;
	tm.tm_sec = c->second;
	tm.tm_isdst = -1;
	t = mktime(&tm);
	if (t == (time_t)-1 && !(c->year == 1969 || c->year == 1970))
		return -1;
	*out = (int64_t)t;
	return 0;
}

int
tz_utc_to_local(const char *zone, int64_t t, struct civil *out, int *offset)
{
	struct tm tm;
	time_t tt = (time_t)t;

	if (use_zone(zone) < 0 || localtime_r(&tt, &tm) == NULL)
		return -1;
	out->year = tm.tm_year + 1900;
	out->month = tm.tm_mon + 1;
	out->day = tm.tm_mday;
	out->hour = tm.tm_hour;
	out->minute = tm.tm_min;
	out->second = tm.tm_sec;
	if (offset != NULL)
		*offset = (int)tm.tm_gmtoff;
	return 0;
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

int
time_parse(const char *text, const char *zone, int64_t *out, su_err *e)
{
	const char *p = text;
	struct civil c = { 0 };
	int off = 0, has_off, bad;

	while (*p == ' ')
		p++;
	if (take_date(&p, &c) < 0 || (*p != ' ' && *p != 'T' && *p != 't'))
		goto syntax;
	while (*p == ' ' || *p == 'T' || *p == 't')
		p++;
	if (take_digits(&p, 2, &c.hour) < 0) {
		/* allow a one-digit hour: "2027-03-01 9:00" */
		if (!isdigit((unsigned char)*p))
			goto syntax;
		c.hour = *p++ - '0';
	}
	if (*p++ != ':' || take_digits(&p, 2, &c.minute) < 0)
		goto syntax;
	if (*p == ':' && take_digits(&(const char *){ p + 1 }, 2, &c.second) == 0)
		p += 3;
	while (*p == ' ')
		p++;
	has_off = take_offset(&p, &off, &bad);
	while (*p == ' ')
		p++;
	if (bad || *p != '\0')
		goto syntax;
	if (!date_valid(c.year, c.month, c.day) || c.hour > 23 || c.minute > 59 ||
	    c.second > 59)
		return su_err_set(e, "'%s' is not a time of the calendar", text);
	if (has_off) {
		*out = days_from_civil(c.year, c.month, c.day) * 86400 +
		    c.hour * 3600 + c.minute * 60 + c.second - off;
		return 0;
	}
	if (tz_local_to_utc(zone, &c, out) < 0)
		return su_err_set(e, "cannot use time zone '%s'", zone);
	return 0;
syntax:
	return su_err_set(e, "'%s' is not a time (use \"YYYY-MM-DD HH:MM\", "
	    "or add an offset: 2027-03-01T09:00+11:00)", text);
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

	if (fake != NULL && *fake && time_parse(fake, "UTC", &t, NULL) == 0)
		return t;
	return (int64_t)time(NULL);
}
