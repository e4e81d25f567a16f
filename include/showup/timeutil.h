/* SPDX-License-Identifier: Apache-2.0 */
/* timeutil.h - civil dates, IANA time zones, and the time formats showup reads. */
#ifndef SHOWUP_TIMEUTIL_H
#define SHOWUP_TIMEUTIL_H

#include <stdint.h>

#include "showup/util.h"

/* A wall-clock reading: year, month 1-12, day 1-31, hour, minute, second. */
struct civil {
	int year, month, day, hour, minute, second;
};

/* Returns days since 1970-01-01 of a proleptic Gregorian date. */
int64_t days_from_civil(int year, int month, int day);
/* Sets *year, *month, *day from days since 1970-01-01. */
void civil_from_days(int64_t days, int *year, int *month, int *day);
/* Returns 1 if the date exists (month 1-12, day within the month). */
int date_valid(int year, int month, int day);

/* Returns 1 if 'zone' names an installed IANA zone (e.g. "Europe/London"). */
int tz_valid(const char *zone);

/*
 * An IANA time zone read once from the tz database (tzfile.c): its transitions
 * and the rule after them. Converting with one reads no file and touches no
 * process state (no TZ), so code given a zone stays pure.
 */
struct tz_zone;
/* Reads zone 'name' ($TZDIR, else /usr/share/zoneinfo); NULL if it is not installed. */
struct tz_zone *tz_zone_load(const char *name);
void tz_zone_free(struct tz_zone *z);
/*
 * Returns zone 'name', loaded the first time it is asked for and kept for the
 * life of the process (never to free; safe from any thread); NULL if not installed.
 */
const struct tz_zone *tz_zone_find(const char *name);
/* The zone's name ("Europe/London"). */
const char *tz_zone_name(const struct tz_zone *z);
/*
 * Converts a wall-clock time in z to UTC seconds, as mktime does with
 * tm_isdst -1 in glibc: a time that happens twice is the first, one the clocks
 * skip is read with the offset of standard time (the one before, unless that
 * was summer time). Returns 0.
 */
int tz_zone_to_utc(const struct tz_zone *z, const struct civil *c, int64_t *out);
/* Converts UTC seconds to the wall clock in z; *offset (if not NULL) gets seconds east of UTC. 0. */
int tz_zone_to_local(const struct tz_zone *z, int64_t t, struct civil *out, int *offset);
/* Converts a wall-clock time in 'zone' to UTC seconds (tz_zone_to_utc); 0, or -1 on error. */
int tz_local_to_utc(const char *zone, const struct civil *c, int64_t *out);
/* Converts UTC seconds to the wall clock in 'zone'; *offset gets seconds east of UTC. 0 or -1. */
int tz_utc_to_local(const char *zone, int64_t t, struct civil *out, int *offset);

/*
 * The order a date like 4/3/2027 is written in: day first (4 March), month first
 * (April 3), or year first (ISO, and then a year-last date is read only when just
 * one reading is a date). UNKNOWN: no order told, the date must tell itself.
 */
enum date_order { DATE_ORDER_UNKNOWN, DATE_ORDER_DMY, DATE_ORDER_MDY, DATE_ORDER_YMD };

/* Returns "dmy", "mdy" or "ymd" ("" for unknown). */
const char *date_order_name(enum date_order o);
/* Reads "dmy", "mdy" or "ymd" (any case) into *out; 0, or -1 if it is none of them. */
int date_order_parse(const char *s, enum date_order *out);
/* Returns the order the region of time zone 'zone' writes dates in (mdy in the US, ymd in
 * Japan, China, Korea, Canada and for UTC, else dmy); unknown for no zone. */
enum date_order date_order_for_zone(const char *zone);

/*
 * Parses a time the coach typed or a file holds, in 'zone': a year-first date
 * ("2027-03-04", "2027/3/4"), a year-last one read by 'order' ("4/3/2027", "4.3.27"),
 * or one with an English month ("4 Mar 2027", "Mar 4, 2027"); then the time of day
 * ("9:00", "09:00:00.000", "9:00 AM", "9 pm"); then maybe "Z" or an offset
 * ("+11:00") which wins over 'zone'. A year-last date both orders can read is refused
 * unless 'order' is dmy or mdy. Returns 0 and sets *out (UTC seconds), or -1 with a
 * message in 'e'.
 */
int time_parse(const char *text, enum date_order order, const char *zone, int64_t *out,
    su_err *e);
/* Returns the orders time_parse reads 'text' under, as bits (1u << DATE_ORDER_DMY) |
 * (1u << DATE_ORDER_MDY) | (1u << DATE_ORDER_YMD); 0 if none. For sniffing a file's order. */
unsigned time_orders_possible(const char *text);
/* Returns 1 if 'text' is a time on a 12-hour clock ("9:00 AM", "5 pm"), as month-first
 * regions write it; else 0. */
int time_clock_12h(const char *text);
/* Parses "YYYY-MM-DD"; returns 0 or -1 with a message in 'e'. */
int date_parse(const char *text, int *year, int *month, int *day, su_err *e);

/* Writes "YYYY-MM-DD HH:MM" local to 'zone' into buf (at least 32 bytes). */
char *time_format_local(const char *zone, int64_t t, char *buf, size_t size);
/* Writes "YYYY-MM-DDTHH:MM:SS+HH:MM" local to 'zone': exact, for files. */
char *time_format_iso(const char *zone, int64_t t, char *buf, size_t size);
/* Writes "Mon 2027-03-01 09:00" local to 'zone', for people. */
char *time_format_human(const char *zone, int64_t t, char *buf, size_t size);

/* Returns the current time in UTC seconds; $SHOWUP_NOW ("2027-03-01T09:00Z") overrides it for tests. */
int64_t time_now(void);

#endif
