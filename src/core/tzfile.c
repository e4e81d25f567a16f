/* SPDX-License-Identifier: Apache-2.0 */
/* tzfile.c - IANA time zones read once from the tz database (TZif files, RFC 8536)
 * and converted without the C library's TZ: no setenv, no file read per call. */
#include "config.h"

#include <ctype.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "showup/timeutil.h"

/* A local time type: seconds east of UTC, and whether it is summer time. */
struct tz_type {
	int32_t offset;
	int isdst;
};

/* The footer's rule for times after the last transition (POSIX TZ, e.g. "CET-1CEST,M3.5.0,M10.5.0/3"). */
struct tz_rule_date {
	char kind;		/* 'J' (1-365, no Feb 29), 'D' (0-365), 'M' (month.week.day) */
	int day, week, month;
	int32_t time;		/* seconds after local midnight (may be negative or past 24h) */
};

struct tz_rule {
	int32_t std_offset, dst_offset;	/* seconds east of UTC */
	int has_dst;
	struct tz_rule_date start, end;
};

struct tz_zone {
	char name[128];
	int64_t *at;		/* transition times, ascending */
	unsigned char *type;	/* the type that begins at each */
	size_t n;
	struct tz_type *types;
	size_t ntypes;
	size_t first;		/* the type before the first transition */
	int has_rule;
	struct tz_rule rule;
};

/* Reads a big-endian signed integer of 'size' bytes (4 or 8) at p. */
static int64_t
be_int(const unsigned char *p, size_t size)
{
	uint64_t v = 0;

	for (size_t i = 0; i < size; i++)
		v = v << 8 | p[i];
	if (size == 4)
		return (int64_t)(int32_t)(uint32_t)v;
	return (int64_t)v;
}

/* Reads "[+-]hh[:mm[:ss]]" at *s into *secs; 0, or -1 if none is there. */
static int
rule_time(const char **s, int32_t *secs)
{
	const char *p = *s;
	int sign = 1, part[3] = { 0, 0, 0 };

	if (*p == '+' || *p == '-')
		sign = *p++ == '-' ? -1 : 1;
	for (int k = 0; k < 3; k++) {
		if (!isdigit((unsigned char)*p))
			return k == 0 ? -1 : 0;
		while (isdigit((unsigned char)*p) && part[k] < 1000)
			part[k] = part[k] * 10 + (*p++ - '0');
		*s = p;
		if (k == 2 || *p != ':' || !isdigit((unsigned char)p[1]))
			break;
		p++;
	}
	*secs = (int32_t)(sign * (part[0] * 3600 + part[1] * 60 + part[2]));
	return 0;
}

/* Skips a zone abbreviation ("CET", "<+11>") at *s; 0, or -1 if none is there. */
static int
rule_name(const char **s)
{
	const char *p = *s;

	if (*p == '<') {
		while (*p && *p != '>')
			p++;
		if (*p != '>')
			return -1;
		*s = p + 1;
		return 0;
	}
	while (isalpha((unsigned char)*p))
		p++;
	if (p - *s < 3)
		return -1;
	*s = p;
	return 0;
}

/* Reads ",Jn", ",n" or ",Mm.w.d" and an optional "/time" at *s into d; 0 or -1. */
static int
rule_date(const char **s, struct tz_rule_date *d)
{
	const char *p = *s;
	char *end;

	if (*p++ != ',')
		return -1;
	d->kind = *p == 'J' || *p == 'M' ? *p++ : 'D';
	d->day = (int)strtol(p, &end, 10);
	if (end == p)
		return -1;
	p = end;
	if (d->kind == 'M') {
		d->month = d->day;
		if (*p++ != '.')
			return -1;
		d->week = (int)strtol(p, &end, 10);
		if (end == p || *end != '.')
			return -1;
		p = end + 1;
		d->day = (int)strtol(p, &end, 10);
		if (end == p || d->month < 1 || d->month > 12 || d->week < 1 || d->week > 5 ||
		    d->day < 0 || d->day > 6)
			return -1;
		p = end;
	}
	d->time = 7200;
	if (*p == '/') {
		p++;
		if (rule_time(&p, &d->time) < 0)
			return -1;
	}
	*s = p;
	return 0;
}

/* Reads a POSIX TZ string (a TZif footer) into r; 0, or -1 if it is not one. */
static int
rule_parse(const char *s, struct tz_rule *r)
{
	int32_t off;

	memset(r, 0, sizeof *r);
	if (rule_name(&s) < 0 || rule_time(&s, &off) < 0)
		return -1;
	r->std_offset = -off;	/* POSIX counts west of UTC */
	if (*s == '\0')
		return 0;
	if (rule_name(&s) < 0)
		return -1;
	r->has_dst = 1;
	r->dst_offset = r->std_offset + 3600;
	if (*s != ',' && *s != '\0') {
		if (rule_time(&s, &off) < 0)
			return -1;
		r->dst_offset = -off;
	}
	if (*s == '\0') {	/* no rules given: the United States' since 2007, as glibc does */
		r->start = (struct tz_rule_date){ 'M', 0, 2, 3, 7200 };
		r->end = (struct tz_rule_date){ 'M', 0, 1, 11, 7200 };
		return 0;
	}
	if (rule_date(&s, &r->start) < 0 || rule_date(&s, &r->end) < 0 || *s != '\0')
		return -1;
	return 0;
}

/* Returns the UTC second at which rule date d falls in 'year', local time at 'offset'. */
static int64_t
rule_moment(const struct tz_rule_date *d, int year, int32_t offset)
{
	int leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
	int64_t day;

	if (d->kind == 'J')
		day = days_from_civil(year, 1, 1) + d->day - 1 + (leap && d->day >= 60);
	else if (d->kind == 'D')
		day = days_from_civil(year, 1, 1) + d->day;
	else {
		static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
		int64_t first = days_from_civil(year, d->month, 1);
		int wd = (int)(((first + 4) % 7 + 7) % 7);	/* 1970-01-01 was a Thursday */
		int last = mdays[d->month - 1] + (d->month == 2 && leap);
		int dom = 1 + (d->day - wd + 7) % 7 + (d->week - 1) * 7;

		while (dom > last)
			dom -= 7;
		day = first + dom - 1;
	}
	return day * 86400 + d->time - offset;
}

/* Returns the type the footer's rule gives at UTC second t. */
static struct tz_type
rule_type(const struct tz_rule *r, int64_t t)
{
	struct tz_type std = { r->std_offset, 0 }, dst = { r->dst_offset, 1 };
	int year, month, day;
	int64_t start, end;

	if (!r->has_dst)
		return std;
	civil_from_days((t + r->std_offset) / 86400 - ((t + r->std_offset) % 86400 < 0),
	    &year, &month, &day);
	start = rule_moment(&r->start, year, r->std_offset);
	end = rule_moment(&r->end, year, r->dst_offset);
	if (start < end)
		return t >= start && t < end ? dst : std;
	return t >= end && t < start ? std : dst;	/* the southern hemisphere */
}

/* Reads the 64-bit data block of a TZif file of version 2 or later into z; 0 or -1. */
static int
parse_v2(struct tz_zone *z, const unsigned char *b, size_t len)
{
	size_t isut, isstd, leap, timecnt, typecnt, charcnt, need;
	const unsigned char *p;

	if (len < 44 || memcmp(b, "TZif", 4) != 0)
		return -1;
	isut = (size_t)be_int(b + 20, 4), isstd = (size_t)be_int(b + 24, 4);
	leap = (size_t)be_int(b + 28, 4), timecnt = (size_t)be_int(b + 32, 4);
	typecnt = (size_t)be_int(b + 36, 4), charcnt = (size_t)be_int(b + 40, 4);
	need = 44 + timecnt * 9 + typecnt * 6 + charcnt + leap * 12 + isstd + isut;
	if (typecnt == 0 || typecnt > 256 || timecnt > 100000 || need > len)
		return -1;
	z->n = timecnt;
	z->ntypes = typecnt;
	z->at = xcalloc(timecnt + 1, sizeof *z->at);
	z->type = xcalloc(timecnt + 1, 1);
	z->types = xcalloc(typecnt, sizeof *z->types);
	p = b + 44;
	for (size_t i = 0; i < timecnt; i++, p += 8)
		z->at[i] = be_int(p, 8);
	for (size_t i = 0; i < timecnt; i++, p++)
		if ((z->type[i] = *p) >= typecnt)
			return -1;
	for (size_t i = 0; i < typecnt; i++, p += 6)
		z->types[i] = (struct tz_type){ (int32_t)be_int(p, 4), p[4] != 0 };
	p += charcnt + leap * 12 + isstd + isut;
	while (z->first < typecnt && z->types[z->first].isdst)	/* as glibc: the first */
		z->first++;					/* standard type */
	if (z->first == typecnt)
		z->first = 0;
	if (p < b + len && *p == '\n') {	/* the footer: a POSIX TZ string */
		const unsigned char *nl = memchr(p + 1, '\n', (size_t)(b + len - p - 1));
		char footer[128];

		if (nl != NULL && nl - p - 1 > 0 && (size_t)(nl - p - 1) < sizeof footer) {
			snprintf(footer, sizeof footer, "%.*s", (int)(nl - p - 1), p + 1);
			z->has_rule = rule_parse(footer, &z->rule) == 0;
		}
	}
	return 0;
}

/* Reads a whole TZif file into z; 0, or -1 if it is not one showup can use. */
static int
parse_tzif(struct tz_zone *z, const unsigned char *b, size_t len)
{
	size_t skip;

	if (len < 44 || memcmp(b, "TZif", 4) != 0 || b[4] < '2')
		return -1;
	skip = 44 + (size_t)be_int(b + 32, 4) * 5 + (size_t)be_int(b + 36, 4) * 6 +
	    (size_t)be_int(b + 40, 4) + (size_t)be_int(b + 28, 4) * 8 +
	    (size_t)be_int(b + 24, 4) + (size_t)be_int(b + 20, 4);
	if (skip >= len)
		return -1;
	return parse_v2(z, b + skip, len - skip);
}

struct tz_zone *
tz_zone_load(const char *name)
{
	const char *dir = getenv("TZDIR");
	struct tz_zone *z;
	unsigned char *data;
	char *path;
	size_t len;

	if (!tz_valid(name))
		return NULL;
	path = xasprintf("%s/%s", dir && *dir ? dir : "/usr/share/zoneinfo", name);
	data = (unsigned char *)file_read_all(path, 1 << 20, &len, NULL);
	free(path);
	if (data == NULL)
		return NULL;
	z = xcalloc(1, sizeof *z);
	snprintf(z->name, sizeof z->name, "%s", name);
	if (parse_tzif(z, data, len) < 0) {
		tz_zone_free(z);
		z = NULL;
	}
	free(data);
	return z;
}

void
tz_zone_free(struct tz_zone *z)
{
	if (z == NULL)
		return;
	free(z->at);
	free(z->type);
	free(z->types);
	free(z);
}

const char *
tz_zone_name(const struct tz_zone *z)
{
	return z->name;
}

/* Returns the type in effect in z at UTC second t. */
static struct tz_type
type_at(const struct tz_zone *z, int64_t t)
{
	size_t lo = 0, hi = z->n;

	if (z->n == 0 || t < z->at[0])
		return z->has_rule && z->n == 0 ? rule_type(&z->rule, t) : z->types[z->first];
	if (t >= z->at[z->n - 1] && z->has_rule)
		return rule_type(&z->rule, t);
	while (hi - lo > 1) {	/* the last transition at or before t */
		size_t mid = lo + (hi - lo) / 2;

		if (z->at[mid] <= t)
			lo = mid;
		else
			hi = mid;
	}
	return z->types[z->type[lo]];
}

int
tz_zone_to_local(const struct tz_zone *z, int64_t t, struct civil *out, int *offset)
{
	struct tz_type ty = type_at(z, t);
	int64_t local = t + ty.offset, days = local / 86400 - (local % 86400 < 0);
	int64_t secs = local - days * 86400;

	civil_from_days(days, &out->year, &out->month, &out->day);
	out->hour = (int)(secs / 3600);
	out->minute = (int)(secs / 60 % 60);
	out->second = (int)(secs % 60);
	if (offset != NULL)
		*offset = ty.offset;
	return 0;
}

int
tz_zone_to_utc(const struct tz_zone *z, const struct civil *c, int64_t *out)
{
	int64_t local = days_from_civil(c->year, c->month, c->day) * 86400 +
	    (int64_t)c->hour * 3600 + c->minute * 60 + c->second;
	struct tz_type before = type_at(z, local - 86400), after = type_at(z, local + 86400);
	int64_t early = local - before.offset, late = local - after.offset;
	int early_ok = type_at(z, early).offset == before.offset;
	int late_ok = type_at(z, late).offset == after.offset;

	if (early_ok && late_ok)	/* twice (the clocks went back): the first */
		*out = early < late ? early : late;
	else if (early_ok)
		*out = early;
	else if (late_ok)
		*out = late;
	else	/* never (the clocks skip it): read with standard time's offset, as glibc */
		*out = before.isdst && !after.isdst ? late : early;
	return 0;
}

/* The zones loaded so far: each read once, kept for the life of the process (the
 * tz database holds a few hundred), so a pointer tz_zone_find gave stays good. */
static struct {
	pthread_mutex_t lock;
	struct tz_zone **v;
	size_t n, cap;
} loaded = { PTHREAD_MUTEX_INITIALIZER, NULL, 0, 0 };

const struct tz_zone *
tz_zone_find(const char *name)
{
	struct tz_zone *z = NULL;

	if (name == NULL)
		return NULL;
	pthread_mutex_lock(&loaded.lock);
	for (size_t i = 0; i < loaded.n && z == NULL; i++)
		if (strcmp(loaded.v[i]->name, name) == 0)
			z = loaded.v[i];
	if (z == NULL && (z = tz_zone_load(name)) != NULL) {
		if (loaded.n == loaded.cap) {
			loaded.cap = loaded.cap ? loaded.cap * 2 : 8;
			loaded.v = xrealloc(loaded.v, loaded.cap * sizeof *loaded.v);
		}
		loaded.v[loaded.n++] = z;
	}
	pthread_mutex_unlock(&loaded.lock);
	return z;
}
