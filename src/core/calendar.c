/* SPDX-License-Identifier: Apache-2.0 */
/* calendar.c - iCalendar of a cohort's sessions through libical: the invitation a
 * notice carries (REQUEST, CANCEL), and a schedule to import (PUBLISH). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libical/ical.h>

#include "showup/calendar.h"
#include "showup/lang.h"
#include "showup/roll.h"
#include "showup/timeutil.h"
#include "showup/words.h"
#include "store-private.h"

const char *
calendar_method_name(enum calendar_method m)
{
	return m == CALENDAR_CANCEL ? "CANCEL" : m == CALENDAR_REQUEST ? "REQUEST" : "PUBLISH";
}

/* Returns a copy of 's' fit for a parameter value: no control characters, no quotes. */
static char *
param_text(const char *s)
{
	char *copy = xstrdup(s);

	for (char *c = copy; *c; c++)
		if ((unsigned char)*c < 0x20 || *c == 0x7f || *c == '"')
			*c = ' ';
	return copy;
}

/* Returns UTC second t as a date-time in 'zone', floating (its TZID goes as a parameter). */
static struct icaltimetype
local_time(const char *zone, int64_t t)
{
	struct icaltimetype it = icaltime_null_time();
	struct civil c;

	tz_utc_to_local(zone, t, &c, NULL);
	it.year = c.year;
	it.month = c.month;
	it.day = c.day;
	it.hour = c.hour;
	it.minute = c.minute;
	it.second = c.second;
	return it;
}

/* Adds a DTSTART or DTEND of UTC second t in the cohort's zone, or (zone NULL) in UTC. */
static void
add_zoned(icalcomponent *ev, icalproperty *(*make)(struct icaltimetype), const char *zone,
    int64_t t)
{
	icalproperty *p = make(zone ? local_time(zone, t) : icaltime_from_timet_with_zone(
	    (time_t)t, 0, icaltimezone_get_utc_timezone()));

	if (zone != NULL)
		icalproperty_add_parameter(p, icalparameter_new_tzid(zone));
	icalcomponent_add_property(ev, p);
}

/* Adds a person (ORGANIZER or ATTENDEE) as mailto: with a CN. */
static void
add_person(icalcomponent *ev, icalproperty *(*make)(const char *), const char *name,
    const char *addr, int attendee)
{
	char *uri = xasprintf("mailto:%s", addr), *cn = param_text(name);
	icalproperty *p = make(uri);

	icalproperty_add_parameter(p, icalparameter_new_cn(cn));
	if (attendee) {
		icalproperty_add_parameter(p, icalparameter_new_role(ICAL_ROLE_REQPARTICIPANT));
		icalproperty_add_parameter(p, icalparameter_new_partstat(ICAL_PARTSTAT_NEEDSACTION));
		icalproperty_add_parameter(p, icalparameter_new_rsvp(ICAL_RSVP_FALSE));
	}
	icalcomponent_add_property(ev, p);
	free(cn);
	free(uri);
}

/*
 * Returns the title of session s in a calendar, never its number: "Words:
 * group session, Kickoff", "Words: 1:1 with Kai" (in a participant's own,
 * 'own'), "Words: practice session"; the caller frees it.
 */
static char *
event_summary(const struct cohort *c, const struct session *s, int own)
{
	char *coach = own && s->kind == SESSION_COACHING ? call_name_default(c->coach_name)
	    : NULL;
	char *what, *summary;

	if (s->kind == SESSION_GROUP)		/* TRANSLATORS: a calendar entry's title */
		what = xasprintf(_("%s: group session"), c->name);
	else if (coach != NULL)			/* TRANSLATORS: the cohort, the coach */
		what = xasprintf(_("%s: 1:1 with %s"), c->name, coach);
	else if (s->kind == SESSION_COACHING)	/* TRANSLATORS: a calendar entry's title */
		what = xasprintf(_("%s: 1:1"), c->name);
	else					/* TRANSLATORS: a calendar entry's title */
		what = xasprintf(_("%s: practice session"), c->name);
	summary = xasprintf("%s%s%s", what, *s->title ? ", " : "", s->title);
	free(what);
	free(coach);
	return summary;
}

/*
 * Builds the VEVENT of one event of roll r, its times in 'zone' (NULL: in
 * UTC); cancelled when the session is called off or 'method' takes it out.
 */
static icalcomponent *
make_event(const struct roll *r, const struct calendar_event *ce, const char *zone,
    int64_t stamp, enum calendar_method method)
{
	const struct cohort *c = r->cohort;
	const struct session *s = &r->sessions.v[ce->session];
	icalcomponent *ev = icalcomponent_new(ICAL_VEVENT_COMPONENT);
	char *uid, *summary;

	uid = ce->person == CALENDAR_NOBODY
	    ? xasprintf("showup-%s-s%lld@%s", c->slug, (long long)s->id, email_domain(c->coach_email))
	    : xasprintf("showup-%s-s%lld-p%lld@%s", c->slug, (long long)s->id,
	    (long long)r->people.v[ce->person].id, email_domain(c->coach_email));
	summary = event_summary(c, s, ce->person != CALENDAR_NOBODY);
	icalcomponent_add_property(ev, icalproperty_new_uid(uid));
	icalcomponent_add_property(ev, icalproperty_new_sequence(ce->sequence));
	icalcomponent_add_property(ev, icalproperty_new_dtstamp(
	    icaltime_from_timet_with_zone((time_t)stamp, 0, icaltimezone_get_utc_timezone())));
	add_zoned(ev, icalproperty_new_dtstart, zone, s->starts_at);
	add_zoned(ev, icalproperty_new_dtend, zone, s->starts_at + (int64_t)s->minutes * 60);
	icalcomponent_add_property(ev, icalproperty_new_summary(summary));
	if (*s->location)
		icalcomponent_add_property(ev, icalproperty_new_location(s->location));
	icalcomponent_add_property(ev, icalproperty_new_status(s->cancelled ||
	    method == CALENDAR_CANCEL ? ICAL_STATUS_CANCELLED : ICAL_STATUS_CONFIRMED));
	add_person(ev, icalproperty_new_organizer, c->coach_name, c->coach_email, 0);
	if (ce->person != CALENDAR_NOBODY)
		add_person(ev, icalproperty_new_attendee, r->people.v[ce->person].name,
		    r->people.v[ce->person].email, 1);
	free(summary);
	free(uid);
	return ev;
}

/* Returns the RRULE of an observance as text without its UNTIL (NULL: none); the caller frees. */
static char *
open_rule(icalcomponent *obs)
{
	icalproperty *p = icalcomponent_get_first_property(obs, ICAL_RRULE_PROPERTY);
	struct icalrecurrencetype r;

	if (p == NULL)
		return NULL;
	r = icalproperty_get_rrule(p);
	r.until = icaltime_null_time();
	return icalrecurrencetype_as_string_r(&r);
}

/* Returns 1 if observance b goes on (no UNTIL) by the rule 'rule' that a of its kind ends by. */
static int
continues(icalcomponent *a, icalcomponent *b, const char *rule)
{
	icalproperty *rp = icalcomponent_get_first_property(b, ICAL_RRULE_PROPERTY);
	char *other;
	int same;

	if (a == b || icalcomponent_isa(a) != icalcomponent_isa(b) || rp == NULL ||
	    !icaltime_is_null_time(icalproperty_get_rrule(rp).until))
		return 0;
	other = open_rule(b);
	same = other != NULL && strcmp(other, rule) == 0;
	free(other);
	return same;
}

/*
 * Joins a rule that ends (UNTIL) with a later one that goes on by the same
 * rule: the zone files list transitions to 2037, then give the rule, and
 * libical writes both; one open rule says the same and more readers take it.
 */
static void
join_rules(icalcomponent *vtz)
{
	int count = icalcomponent_count_components(vtz, ICAL_ANY_COMPONENT);
	size_t n = 0, cap = count > 0 ? (size_t)count : 0;
	icalcomponent **obs = xcalloc(cap + 1, sizeof *obs), *c;

	for (c = icalcomponent_get_first_component(vtz, ICAL_ANY_COMPONENT); c != NULL && n < cap;
	    c = icalcomponent_get_next_component(vtz, ICAL_ANY_COMPONENT))
		obs[n++] = c;
	for (size_t i = 0; i < n; i++) {
		icalproperty *rp = obs[i] ? icalcomponent_get_first_property(obs[i],
		    ICAL_RRULE_PROPERTY) : NULL;
		char *rule = rp ? open_rule(obs[i]) : NULL;

		for (size_t k = 0; rule != NULL && k < n; k++) {
			struct icalrecurrencetype r;

			if (obs[k] == NULL || !continues(obs[i], obs[k], rule))
				continue;
			r = icalproperty_get_rrule(rp);
			r.until = icaltime_null_time();
			icalproperty_set_rrule(rp, r);
			icalcomponent_remove_component(vtz, obs[k]);
			icalcomponent_free(obs[k]);
			obs[k] = NULL;
		}
		free(rule);
	}
	free(obs);
}

/*
 * Returns the VTIMEZONE of 'zone', its rules from a year before 'from' on,
 * named by the zone itself (libical's own TZIDs carry a prefix); NULL if
 * unknown. The caller frees it.
 */
static icalcomponent *
make_vtimezone(const char *zone, int64_t from)
{
	icaltimezone *tz = icaltimezone_get_builtin_timezone(zone);
	icalcomponent *vtz;
	icalproperty *tzid;

	if (tz == NULL || (vtz = icaltimezone_get_component(tz)) == NULL)
		return NULL;
	vtz = icalcomponent_new_clone(vtz);
	icaltimezone_truncate_vtimezone(vtz, icaltime_from_timet_with_zone((time_t)(from -
	    366 * 86400), 0, icaltimezone_get_utc_timezone()), icaltime_null_time(), 1);
	join_rules(vtz);
	if ((tzid = icalcomponent_get_first_property(vtz, ICAL_TZID_PROPERTY)) != NULL)
		icalproperty_set_tzid(tzid, zone);
	return vtz;
}

/*
 * Returns a copy of the VTIMEZONE make_vtimezone gives for 'zone' from the
 * year of 'from': the last one made is kept, for a plan makes thousands
 * alike and libical takes a third of a millisecond over each. NULL if unknown.
 */
static icalcomponent *
vtimezone(const char *zone, int64_t from)
{
	static struct { char zone[64]; int64_t year; icalcomponent *vtz; } last;
	int64_t year = from / (365 * 86400);

	if (last.vtz == NULL || strcmp(last.zone, zone) != 0 || last.year != year) {
		if (last.vtz != NULL)
			icalcomponent_free(last.vtz);
		snprintf(last.zone, sizeof last.zone, "%s", zone);
		last.year = year;
		last.vtz = make_vtimezone(zone, year * 365 * 86400);
	}
	return last.vtz ? icalcomponent_new_clone(last.vtz) : NULL;
}

int
calendar_build(const struct roll *r, enum calendar_method method,
    const struct calendar_event *ev, size_t n, int64_t stamp, struct strbuf *out, su_err *e)
{
	int64_t first = n > 0 ? r->sessions.v[ev[0].session].starts_at : stamp;
	icalcomponent *cal, *vtz;
	char *text;

	for (size_t k = 1; k < n; k++)
		if (r->sessions.v[ev[k].session].starts_at < first)
			first = r->sessions.v[ev[k].session].starts_at;
	(void)e;
	vtz = vtimezone(r->cohort->tz, first);	/* none for UTC: its times say Z */
	cal = icalcomponent_new(ICAL_VCALENDAR_COMPONENT);
	icalcomponent_add_property(cal, icalproperty_new_prodid("-//showup//showup "
	    PACKAGE_VERSION "//EN"));
	icalcomponent_add_property(cal, icalproperty_new_version("2.0"));
	icalcomponent_add_property(cal, icalproperty_new_method(method == CALENDAR_CANCEL
	    ? ICAL_METHOD_CANCEL : method == CALENDAR_REQUEST ? ICAL_METHOD_REQUEST
	    : ICAL_METHOD_PUBLISH));
	if (vtz != NULL)
		icalcomponent_add_component(cal, vtz);
	for (size_t k = 0; k < n; k++)
		icalcomponent_add_component(cal, make_event(r, &ev[k], vtz ? r->cohort->tz : NULL,
		    stamp, method));
	text = icalcomponent_as_ical_string_r(cal);
	sb_adds(out, text);
	free(text);
	icalcomponent_free(cal);
	return 0;
}

int
calendar_sequence(struct store *st, int64_t session_id, int64_t participant_id, su_err *e)
{
	/* one person's rows found by (session, person): "?2 = 0 OR" would read the
	   whole session's, and outbox_one_change all of the person's, for each
	   person and session planned */
#define TOLD_CHANGES " AND change_key IS NOT NULL" \
		" AND change_key NOT LIKE 'invite:%' AND state <> 'withdrawn'"
	static const char *const sql[] = {
		"SELECT count(DISTINCT change_key) FROM outbox WHERE session_id = ?1"
		" AND ?2 = 0" TOLD_CHANGES,
		"SELECT count(DISTINCT change_key) FROM outbox INDEXED BY outbox_one_reminder"
		" WHERE session_id = ?1 AND participant_id = ?2" TOLD_CHANGES,
	};
#undef TOLD_CHANGES
	sqlite3_stmt *stmt = store_stmt(st, sql[participant_id != 0], e);
	int rc, n = 0;

	if (stmt == NULL)
		return -1;
	db_bind_int(stmt, 1, session_id);
	db_bind_int(stmt, 2, participant_id);
	if ((rc = db_step_row(stmt, e)) == 1)
		n = sqlite3_column_int(stmt, 0);
	sqlite3_reset(stmt);
	return rc < 0 ? -1 : n;
}

int
calendar_schedule(struct store *st, const struct roll *r, size_t person, struct strbuf *out,
    su_err *e)
{
	struct calendar_event *ev = xcalloc(r->sessions.n + 1, sizeof *ev);
	size_t n = 0;
	int rc = 0;

	for (size_t j = 0; j < r->sessions.n && rc >= 0; j++) {
		enum outcome o = person == CALENDAR_NOBODY ? OUTCOME_UPCOMING
		    : roll_outcome(r, person, j);

		if (o == OUTCOME_NOT_EXPECTED)
			continue;
		rc = calendar_sequence(st, r->sessions.v[j].id, person == CALENDAR_NOBODY ? 0
		    : r->people.v[person].id, e);
		ev[n++] = (struct calendar_event){ j, person, rc };
	}
	if (rc >= 0)
		rc = calendar_build(r, CALENDAR_PUBLISH, ev, n, r->now, out, e);
	free(ev);
	return rc < 0 ? -1 : 0;
}

/* Returns 1 if person row i is still to come to column j of roll r (calendar_coming). */
static int
still_coming(const struct roll *r, size_t i, size_t j)
{
	struct attendance buf;
	const struct attendance *a;
	enum outcome o = roll_outcome(r, i, j);

	if (o == OUTCOME_NOT_EXPECTED || o == OUTCOME_NOT_HELD ||
	    r->sessions.v[j].cancelled || r->sessions.v[j].starts_at <= r->now)
		return 0;
	a = roll_fact(r, i, j, &buf);
	return a == NULL || a->fact == FACT_NONE || a->fact == FACT_ARRIVED;
}

int
calendar_coming(struct store *st, const struct roll *r, size_t person, int64_t only,
    struct strbuf *out, size_t *n, su_err *e)
{
	struct calendar_event *ev = xcalloc(r->sessions.n + 1, sizeof *ev);
	int rc = 0;

	*n = 0;
	for (size_t j = 0; j < r->sessions.n && rc >= 0; j++) {
		if ((only != 0 && r->sessions.v[j].id != only) || !still_coming(r, person, j))
			continue;
		rc = calendar_sequence(st, r->sessions.v[j].id, r->people.v[person].id, e);
		ev[(*n)++] = (struct calendar_event){ j, person, rc };
	}
	if (rc >= 0)
		rc = calendar_build(r, CALENDAR_PUBLISH, ev, *n, r->now, out, e);
	free(ev);
	return rc < 0 ? -1 : 0;
}
