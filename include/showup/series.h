/* SPDX-License-Identifier: Apache-2.0 */
/* series.h - the dates of a recurring series of sessions, in a zone's local time. Pure. */
#ifndef SHOWUP_SERIES_H
#define SHOWUP_SERIES_H

#include <stddef.h>
#include <stdint.h>

#include "showup/timeutil.h"

/* How far apart a series' sessions are. */
enum series_every { SERIES_DAY = 1, SERIES_WEEK = 7, SERIES_TWO_WEEKS = 14 };

/* What a series is: its first start, its step, how many or until when, and days left out. */
struct series {
	int64_t first;			/* the first start, UTC */
	enum series_every every;
	int count;			/* sessions made, 0: until 'until' */
	int64_t until_day;		/* the last local day (days since 1970-01-01) that may
					   hold one, with count 0 */
	const int64_t *skip_days;	/* local days left out (a holiday): no session then */
	size_t nskip;
};

/* The most sessions one series makes. */
#define SERIES_MAX 366

/* Reads "day", "week" or "2weeks" into *out; 0, or -1 if it is none of them. */
int series_every_parse(const char *s, enum series_every *out);
/*
 * Lists the starts (UTC) of series s in zone z into out[] (room for
 * SERIES_MAX): each at the first start's local time of day on its day, so a
 * series keeps 18:00 across a change of summer time; a skipped day is left
 * out and does not count. Returns how many, or -1 with 'e' set (none, too
 * many, a skip day that is no day of the series).
 */
int series_starts(const struct tz_zone *z, const struct series *s, int64_t *out,
    su_err *e);
/*
 * Returns start t moved as a series is moved when one of its sessions goes
 * from 'from' to 'to': by the same number of days and the same change of the
 * local time of day in zone z, so 18:00 stays 18:00 (or becomes 19:00) on
 * either side of a change of summer time.
 */
int64_t series_shift(const struct tz_zone *z, int64_t from, int64_t to, int64_t t);

#endif
