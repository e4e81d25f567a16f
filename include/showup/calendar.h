/* SPDX-License-Identifier: Apache-2.0 */
/* calendar.h - iCalendar (RFC 5545) of a cohort's sessions, through libical: the
 * invitations notices carry, and the schedule files 'showup calendar' writes. */
#ifndef SHOWUP_CALENDAR_H
#define SHOWUP_CALENDAR_H

#include <stddef.h>
#include <stdint.h>

#include "showup/util.h"

struct roll;
struct store;

/* What a calendar says of its events (its METHOD). */
enum calendar_method {
	CALENDAR_PUBLISH,	/* a schedule file to import */
	CALENDAR_REQUEST,	/* an invitation, or its update */
	CALENDAR_CANCEL,	/* the event is off */
};
/* Returns "PUBLISH", "REQUEST" or "CANCEL". */
const char *calendar_method_name(enum calendar_method m);

#define CALENDAR_NOBODY ((size_t)-1)	/* an event of the schedule, for no one person */

/* One event: a session of the roll, for one person or none, at its SEQUENCE. */
struct calendar_event {
	size_t session;		/* the roll's column */
	size_t person;		/* the roll's row, or CALENDAR_NOBODY */
	int sequence;		/* raised on every change told */
};

/*
 * Appends a VCALENDAR of 'method' to 'out': the cohort's VTIMEZONE (its rules
 * from the first event's year on) and a VEVENT per event, in the cohort's
 * local time, with a UID stable per (session, person), the coach as
 * ORGANIZER, the person as ATTENDEE, the location, and STATUS:CANCELLED for
 * a session called off. 'stamp' is its DTSTAMP. A zone libical has no rules
 * for (UTC itself) gets no VTIMEZONE: the times are written in UTC. 0, or -1
 * with 'e' set.
 */
int calendar_build(const struct roll *r, enum calendar_method method,
    const struct calendar_event *ev, size_t n, int64_t stamp, struct strbuf *out, su_err *e);
/*
 * Returns the SEQUENCE of session 'session_id' for participant 'participant_id'
 * (0: anyone): the changes of it told so far (planned and not withdrawn); -1
 * on error.
 */
int calendar_sequence(struct store *st, int64_t session_id, int64_t participant_id, su_err *e);
/*
 * Appends roll r's schedule as a calendar to import (PUBLISH): every session,
 * or with 'person' (a row) only those they are expected at. 0 or -1.
 */
int calendar_schedule(struct store *st, const struct roll *r, size_t person,
    struct strbuf *out, su_err *e);
/*
 * Appends person row 'person''s coming sessions as a calendar to import or
 * subscribe to (PUBLISH): those they are expected at that start after r->now,
 * are not called off, and that they have neither cancelled, moved nor been
 * excused from; only session 'only' (an id) of them, or all with 0. Each event
 * has the UID and SEQUENCE of their invitations, so a calendar holding both
 * shows it once. Sets *n to the events written; 0 or -1.
 */
int calendar_coming(struct store *st, const struct roll *r, size_t person, int64_t only,
    struct strbuf *out, size_t *n, su_err *e);

#endif
