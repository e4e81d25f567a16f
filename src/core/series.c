/* SPDX-License-Identifier: Apache-2.0 */
/* series.c - the dates of a recurring series of sessions, in a zone's local time. */
#include "config.h"

#include <string.h>

#include "showup/series.h"

int
series_every_parse(const char *s, enum series_every *out)
{
	static const struct { const char *name; enum series_every every; } steps[] = {
		{ "day", SERIES_DAY }, { "week", SERIES_WEEK }, { "2weeks", SERIES_TWO_WEEKS },
	};

	for (size_t k = 0; k < ARRAY_SIZE(steps); k++)
		if (strcmp(s, steps[k].name) == 0) {
			*out = steps[k].every;
			return 0;
		}
	return -1;
}

/* Returns 1 if local day 'day' is one s leaves out. */
static int
skipped(const struct series *s, int64_t day)
{
	for (size_t k = 0; k < s->nskip; k++)
		if (s->skip_days[k] == day)
			return 1;
	return 0;
}

/* Returns 1 once series s has all its sessions: n of them, or past its last day. */
static int
series_done(const struct series *s, int n, int64_t day)
{
	return s->count > 0 ? n >= s->count : day > s->until_day;
}

/* Returns 1 if local day 'day' falls on the series' steps from 'first_day'. */
static int
on_step(const struct series *s, int64_t first_day, int64_t day)
{
	return day >= first_day && (day - first_day) % s->every == 0;
}

int
series_starts(const struct tz_zone *z, const struct series *s, int64_t *out, su_err *e)
{
	struct civil first, at;
	int64_t first_day, day;
	int n = 0;

	tz_zone_to_local(z, s->first, &first, NULL);
	first_day = days_from_civil(first.year, first.month, first.day);
	for (size_t k = 0; k < s->nskip; k++)
		if (!on_step(s, first_day, s->skip_days[k]))
			return su_err_set(e, "--skip: no session of the series falls on that day");
	if (s->count == 0 && s->until_day < first_day)
		return su_err_set(e, "--until: the series would end before its first session");
	for (day = first_day; !series_done(s, n, day); day += s->every) {
		if (skipped(s, day))
			continue;
		if (n == SERIES_MAX)
			return su_err_set(e, "a series makes at most %d sessions", SERIES_MAX);
		at = first;
		civil_from_days(day, &at.year, &at.month, &at.day);
		tz_zone_to_utc(z, &at, &out[n++]);
	}
	if (n == 0)
		return su_err_set(e, "the series holds no session: every day of it is skipped");
	return n;
}

/* Returns the seconds since local midnight of civil time c. */
static int64_t
day_seconds(const struct civil *c)
{
	return (int64_t)c->hour * 3600 + c->minute * 60 + c->second;
}

int64_t
series_shift(const struct tz_zone *z, int64_t from, int64_t to, int64_t t)
{
	struct civil a, b, x;
	int64_t day, secs, carry;

	tz_zone_to_local(z, from, &a, NULL);
	tz_zone_to_local(z, to, &b, NULL);
	tz_zone_to_local(z, t, &x, NULL);
	day = days_from_civil(x.year, x.month, x.day) +
	    (days_from_civil(b.year, b.month, b.day) - days_from_civil(a.year, a.month, a.day));
	secs = day_seconds(&x) + day_seconds(&b) - day_seconds(&a);
	carry = secs >= 0 ? secs / 86400 : -((86399 - secs) / 86400);	/* whole days, down */
	day += carry;
	secs -= carry * 86400;
	civil_from_days(day, &x.year, &x.month, &x.day);
	x.hour = (int)(secs / 3600);
	x.minute = (int)(secs / 60 % 60);
	x.second = (int)(secs % 60);
	tz_zone_to_utc(z, &x, &t);
	return t;
}
