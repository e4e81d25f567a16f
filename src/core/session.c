/* SPDX-License-Identifier: Apache-2.0 */
/* session.c - a cohort's sessions, numbered for good, and who each one expects. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "showup/engine.h"
#include "showup/model.h"
#include "showup/places.h"
#include "showup/timeutil.h"
#include "store-private.h"

static const char *const kind_names[] = { "group", "coaching", "practice" };

const char *
session_kind_name(enum session_kind k)
{
	return (unsigned)k < ARRAY_SIZE(kind_names) ? kind_names[k] : "?";
}

int
session_kind_parse(const char *s)
{
	size_t n = strlen(s);

	if (n == 0)
		return -1;
	for (size_t i = 0; i < ARRAY_SIZE(kind_names); i++)
		if (strncasecmp(kind_names[i], s, n) == 0)
			return (int)i;
	return -1;
}

int
session_expects_everyone(const struct session *s)
{
	return s->kind == SESSION_GROUP && s->capacity == 0;
}

/* Checks a session's fields; 0 or -1 with 'e' set. */
static int
session_check(const struct session *s, size_t nwith, su_err *e)
{
	if (s->capacity < 0 || s->capacity > SESSION_CAPACITY_MAX)
		return su_err_set(e, "a session holds 1 to %d places (0: no limit), not %d",
		    SESSION_CAPACITY_MAX, s->capacity);
	if (s->minutes <= 0 || s->minutes > 24 * 60)
		return su_err_set(e, "a session lasts 1 to 1440 minutes, not %d", s->minutes);
	if (text_fits("title", s->title, FIELD_TITLE_MAX, e) < 0 ||
	    text_fits("location", s->location, FIELD_TITLE_MAX, e) < 0)
		return -1;
	if (str_has_control(s->title) || str_has_control(s->location))
		return su_err_set(e, "title and location may not hold line breaks");
	if (session_expects_everyone(s) && nwith > 0)
		return su_err_set(e, "a group session expects every participant and names no one: "
		    "name people only for a coaching or practice session, or one with places");
	if (s->kind != SESSION_GROUP && nwith == 0 && s->capacity == 0)
		return su_err_set(e, "a %s session needs the participants it expects", session_kind_name(s->kind));
	return 0;
}

char *
session_with_describe(struct store *st, const int64_t *with, size_t nwith)
{
	static const char *const sql = "SELECT email FROM participant WHERE id = ?";
	struct strbuf sb = STRBUF_INIT;
	sqlite3_stmt *stmt = store_stmt(st, sql, NULL);

	for (size_t i = 0; stmt != NULL && i < nwith; i++) {
		db_bind_int(stmt, 1, with[i]);
		if (db_step_row(stmt, NULL) == 1)
			sb_addf(&sb, "%s%s", i ? ", " : "", sqlite3_column_text(stmt, 0));
		sqlite3_reset(stmt);
	}
	return sb_detach(&sb);
}

/* Returns a session's fields as one line for the audit log; the caller frees it. */
static char *
session_describe(struct store *st, const struct cohort *c, const struct session *s,
    const int64_t *with, size_t nwith)
{
	char at[40];
	char *names = session_with_describe(st, with, nwith);
	char places[32] = "";
	char *d;

	if (s->capacity > 0)
		snprintf(places, sizeof places, ", %d place%s", s->capacity,
		    s->capacity == 1 ? "" : "s");
	d = xasprintf("%s%s %s, %d min, '%s' at '%s'%s%s%s", s->optional ? "optional " : "",
	    session_kind_name(s->kind), time_format_iso(c->tz, s->starts_at, at, sizeof at),
	    s->minutes, s->title, s->location, places, nwith ? ", with " : "", names);

	free(names);
	return d;
}

int
session_next_number(struct store *st, int64_t cohort_id, su_err *e)
{
	static const char *const sql =
		"SELECT coalesce(max(number), 0) + 1 FROM session WHERE cohort_id = ?";
	sqlite3_stmt *stmt = store_stmt(st, sql, e);
	int n = -1;

	if (stmt == NULL)
		return -1;
	db_bind_int(stmt, 1, cohort_id);
	if (db_step_row(stmt, e) == 1)
		n = sqlite3_column_int(stmt, 0);
	sqlite3_reset(stmt);
	return n;
}

/* Runs 'sql' on the expected list with session 'id' and participant 'pid' bound; 0 or -1. */
static int
expected_change(struct store *st, const char *sql, int64_t id, int64_t pid, su_err *e)
{
	sqlite3_stmt *stmt = store_stmt(st, sql, e);

	if (stmt == NULL)
		return -1;
	db_bind_int(stmt, 1, id);
	db_bind_int(stmt, 2, pid);
	return db_step_done(stmt, e);
}

int
session_list_add(struct store *st, const struct session *s, int64_t participant_id,
    su_err *e)
{
	return expected_change(st, "INSERT OR IGNORE INTO expected (session_id, participant_id)"
	    " VALUES (?, ?)", s->id, participant_id, e);
}

int
session_list_remove(struct store *st, const struct session *s, int64_t participant_id,
    su_err *e)
{
	return expected_change(st, "DELETE FROM expected WHERE session_id = ?"
	    " AND participant_id = ?", s->id, participant_id, e);
}

/* Replaces the expected list of session 'id' with 'with'; 0 or -1. */
static int
set_expected(struct store *st, int64_t id, const int64_t *with, size_t nwith, su_err *e)
{
	static const char *const sql_clear = "DELETE FROM expected WHERE session_id = ?";
	sqlite3_stmt *stmt = store_stmt(st, sql_clear, e);

	if (stmt == NULL)
		return -1;
	db_bind_int(stmt, 1, id);
	if (db_step_done(stmt, e) < 0)
		return -1;
	for (size_t i = 0; i < nwith; i++)
		if (session_list_add(st, &(struct session){ .id = id }, with[i], e) < 0)
			return -1;
	return 0;
}

/*
 * Notes who of 'with' (n) the coach put on session 'id', of kind 'kind' now
 * (coaching or practice: a group session expects everyone), not among 'old'
 * (old_n) before, at the clock's now: exits.c tells the others who were told
 * of it. 0 or -1.
 */
static int
note_added(struct store *st, int64_t id, enum session_kind kind, const int64_t *with,
    size_t n, const int64_t *old, size_t old_n, su_err *e)
{
	static const char *const sql = "INSERT INTO place_added (session_id, participant_id,"
	    " added_at) VALUES (?, ?, ?)";

	for (size_t k = 0; kind != SESSION_GROUP && k < n; k++) {
		sqlite3_stmt *stmt;
		size_t m;

		for (m = 0; m < old_n && old[m] != with[k]; m++)
			;
		if (m < old_n)
			continue;
		if ((stmt = store_stmt(st, sql, e)) == NULL)
			return -1;
		db_bind_int(stmt, 1, id);
		db_bind_int(stmt, 2, with[k]);
		db_bind_int(stmt, 3, time_now());
		if (db_step_done(stmt, e) < 0)
			return -1;
	}
	return 0;
}

static const char *const sql_session_insert =
	"INSERT INTO session (cohort_id, number, kind, starts_at, minutes, title,"
	" location, series, optional, capacity) VALUES (?,?,?,?,?,?,?,?,?,?)";

int
session_add(struct store *st, const struct cohort *c, const struct session *s,
    const int64_t *with, size_t nwith, su_err *e)
{
	sqlite3_stmt *stmt;
	char subject[80], *desc;
	int number = s->number;
	int64_t id;
	int rc;

	if (session_check(s, nwith, e) < 0 || places_check(st, s, with, nwith, 0, e) < 0)
		return -1;
	if (number <= 0 && (number = session_next_number(st, c->id, e)) < 0)
		return -1;
	if ((stmt = store_stmt(st, sql_session_insert, e)) == NULL)
		return -1;
	db_bind_int(stmt, 1, c->id);
	db_bind_int(stmt, 2, number);
	db_bind_text(stmt, 3, session_kind_name(s->kind));
	db_bind_int(stmt, 4, s->starts_at);
	db_bind_int(stmt, 5, s->minutes);
	db_bind_text(stmt, 6, s->title ? s->title : "");
	db_bind_text(stmt, 7, s->location ? s->location : "");
	if (s->series != 0)
		db_bind_int(stmt, 8, s->series == SESSION_SERIES_FIRST ? number : s->series);
	else
		sqlite3_bind_null(stmt, 8);
	db_bind_int(stmt, 9, s->optional != 0);
	db_bind_int(stmt, 10, s->capacity);
	if (sqlite3_step(stmt) != SQLITE_DONE) {
		rc = sqlite3_extended_errcode(st->db);
		sqlite3_reset(stmt);
		if (rc == SQLITE_CONSTRAINT_UNIQUE)
			return su_err_set(e, "cohort '%s' already has a session %d",
			    c->slug, number);
		return su_err_set(e, STORE_ERROR_PREFIX "%s", sqlite3_errmsg(st->db));
	}
	sqlite3_reset(stmt);
	id = sqlite3_last_insert_rowid(st->db);
	if (set_expected(st, id, with, nwith, e) < 0)
		return -1;
	snprintf(subject, sizeof subject, "%s:%d", c->slug, number);
	desc = session_describe(st, c, s, with, nwith);
	rc = audit_add(st, c->id, "session add", subject, NULL, desc, e);
	free(desc);
	return rc < 0 ? -1 : number;
}

/* Keeps what session 'old' was when 's' changes its length or place (to tell people); 0 or -1. */
static int
record_change(struct store *st, const struct session *old, const struct session *s, su_err *e)
{
	static const char *const sql = "INSERT INTO session_change (session_id, changed_at,"
	    " old_minutes, old_location) VALUES (?, ?, ?, ?)";
	sqlite3_stmt *stmt;

	if (old->minutes == s->minutes && strcmp(old->location, s->location) == 0)
		return 0;
	if ((stmt = store_stmt(st, sql, e)) == NULL)
		return -1;
	db_bind_int(stmt, 1, old->id);
	db_bind_int(stmt, 2, time_now());
	db_bind_int(stmt, 3, old->minutes);
	db_bind_text(stmt, 4, old->location);
	return db_step_done(stmt, e);
}

/*
 * The list session 's' keeps when it takes the place of 'old': 'with' (n), and
 * with places given to a group session that expected everyone, everyone
 * active too; none when it expects everyone. Sets *list (to free), *n; 0 or
 * -1 (more than its places: one over them already may stay as it is).
 */
static int
list_after(struct store *st, const struct cohort *c, const struct session *old,
    const struct session *s, const int64_t *with, size_t *n, int64_t **list, su_err *e)
{
	int held;

	*list = xcalloc(*n + 1, sizeof **list);
	if (session_expects_everyone(s)) {
		*n = *n && session_expects_everyone(old) ? *n : 0;	/* places taken away */
		if (*n > 0)
			memcpy(*list, with, *n * sizeof *with);
		return 0;
	}
	if (*n > 0)
		memcpy(*list, with, *n * sizeof *with);
	if (session_expects_everyone(old) && places_everyone(st, c, list, n, e) < 0)
		return -1;
	held = s->capacity >= old->capacity && old->capacity > 0 ? places_taken(st, old, e) : 0;
	return held < 0 ? -1 : places_check(st, s, *list, *n, held, e);
}

static const char *const sql_session_update =
	"UPDATE session SET kind = ?, starts_at = ?, minutes = ?, title = ?,"
	" location = ?, optional = ?, capacity = ? WHERE id = ?";

int
session_update(struct store *st, const struct cohort *c, const struct session *old,
    const struct session *s, const int64_t *with, size_t nwith, su_err *e)
{
	int64_t *old_with = NULL, *list = NULL;
	size_t old_n = 0;
	char *before = NULL, *after = NULL, subject[80];
	sqlite3_stmt *stmt;
	int rc = -1;

	if (list_after(st, c, old, s, with, &nwith, &list, e) < 0) {
		free(list);
		return -1;
	}
	with = list;
	if (session_check(s, nwith, e) < 0 ||
	    session_expected_ids(st, old->id, &old_with, &old_n, e) < 0) {
		free(list);
		return -1;
	}
	before = session_describe(st, c, old, old_with, old_n);
	after = session_describe(st, c, s, with, nwith);
	if (strcmp(before, after) == 0) {
		rc = 0;
		goto done;
	}
	if ((stmt = store_stmt(st, sql_session_update, e)) == NULL)
		goto done;
	db_bind_text(stmt, 1, session_kind_name(s->kind));
	db_bind_int(stmt, 2, s->starts_at);
	db_bind_int(stmt, 3, s->minutes);
	db_bind_text(stmt, 4, s->title);
	db_bind_text(stmt, 5, s->location);
	db_bind_int(stmt, 6, s->optional != 0);
	db_bind_int(stmt, 7, s->capacity);
	db_bind_int(stmt, 8, old->id);
	snprintf(subject, sizeof subject, "%s:%d", c->slug, old->number);
	if (db_step_done(stmt, e) < 0 || set_expected(st, old->id, with, nwith, e) < 0 ||
	    note_added(st, old->id, s->kind, with, nwith, old_with, old_n, e) < 0 ||
	    record_change(st, old, s, e) < 0 ||
	    audit_add(st, c->id, "session update", subject, before, after, e) < 0)
		goto done;
	rc = 1;
	if ((s->capacity > 0 || old->capacity > 0) &&
	    places_fill(st, c, &(struct session){ .id = old->id, .number = old->number,
	    .kind = s->kind, .starts_at = s->starts_at, .capacity = s->capacity,
	    .cancelled = old->cancelled }, time_now(), e) < 0)
		rc = -1;	/* a place freed, more, or no limit: those waiting get them */
done:
	free(list);
	free(old_with);
	free(before);
	free(after);
	return rc;
}

#define SESSION_COLUMNS \
	"SELECT id, cohort_id, number, kind, starts_at, minutes, title, location," \
	" cancelled_at, cancel_note, coalesce(series, 0), optional, capacity FROM session"
static const char *const sql_session_by_number =
	SESSION_COLUMNS " WHERE cohort_id = ? AND number = ?";
static const char *const sql_session_all =
	SESSION_COLUMNS " WHERE cohort_id = ? ORDER BY starts_at, number";
static const char *const sql_session_at =
	SESSION_COLUMNS " WHERE cohort_id = ? AND starts_at = ? ORDER BY number";
static const char *const sql_session_series_from =
	SESSION_COLUMNS " WHERE cohort_id = ? AND series = ? AND starts_at >= ?"
	" AND cancelled_at IS NULL ORDER BY starts_at, number";

/* Fills 's' from a row of SESSION_COLUMNS. */
static void
session_from_row(sqlite3_stmt *stmt, struct session *s)
{
	s->id = sqlite3_column_int64(stmt, 0);
	s->cohort_id = sqlite3_column_int64(stmt, 1);
	s->number = sqlite3_column_int(stmt, 2);
	s->kind = session_kind_parse((const char *)sqlite3_column_text(stmt, 3));
	s->starts_at = sqlite3_column_int64(stmt, 4);
	s->minutes = sqlite3_column_int(stmt, 5);
	s->title = db_column_dup(stmt, 6);
	s->location = db_column_dup(stmt, 7);
	s->cancelled = !db_column_null(stmt, 8);
	s->cancelled_at = sqlite3_column_int64(stmt, 8);
	s->cancel_note = db_column_dup(stmt, 9);
	s->series = sqlite3_column_int(stmt, 10);
	s->optional = sqlite3_column_int(stmt, 11);
	s->capacity = sqlite3_column_int(stmt, 12);
}

int
session_find(struct store *st, const struct cohort *c, int number,
    struct session *out, su_err *e)
{
	sqlite3_stmt *stmt = store_stmt(st, sql_session_by_number, e);
	int rc;

	memset(out, 0, sizeof *out);
	if (stmt == NULL)
		return -1;
	db_bind_int(stmt, 1, c->id);
	db_bind_int(stmt, 2, number);
	rc = db_step_row(stmt, e);
	if (rc == 1)
		session_from_row(stmt, out);
	else if (rc == 0)
		su_err_set(e, "cohort '%s' has no session %d", c->slug, number);
	sqlite3_reset(stmt);
	return rc;
}

/* Steps 'stmt' (SESSION_COLUMNS rows, bound) into 'out'; 0, or -1 with 'e' set. */
static int
session_collect(sqlite3_stmt *stmt, struct session_list *out, su_err *e)
{
	size_t cap = 0;
	int rc;

	while ((rc = db_step_row(stmt, e)) == 1) {
		if (out->n == cap) {
			cap = cap ? cap * 2 : 16;
			out->v = xrealloc(out->v, cap * sizeof *out->v);
		}
		session_from_row(stmt, &out->v[out->n++]);
	}
	sqlite3_reset(stmt);
	if (rc < 0) {
		session_list_free(out);
		return -1;
	}
	return 0;
}

int
session_list_all(struct store *st, int64_t cohort_id, struct session_list *out, su_err *e)
{
	sqlite3_stmt *stmt = store_stmt(st, sql_session_all, e);

	out->v = NULL;
	out->n = 0;
	if (stmt == NULL)
		return -1;
	db_bind_int(stmt, 1, cohort_id);
	return session_collect(stmt, out, e);
}

int
session_list_at(struct store *st, const struct cohort *c, int64_t starts_at,
    struct session_list *out, su_err *e)
{
	sqlite3_stmt *stmt = store_stmt(st, sql_session_at, e);

	out->v = NULL;
	out->n = 0;
	if (stmt == NULL)
		return -1;
	db_bind_int(stmt, 1, c->id);
	db_bind_int(stmt, 2, starts_at);
	return session_collect(stmt, out, e);
}

int
session_series_from(struct store *st, const struct cohort *c, const struct session *s,
    struct session_list *out, su_err *e)
{
	sqlite3_stmt *stmt;

	out->v = NULL;
	out->n = 0;
	if (s->series == 0)
		return su_err_set(e, "session %s:%d is not one of a series (made with session "
		    "add --every or session pairs)", c->slug, s->number);
	if ((stmt = store_stmt(st, sql_session_series_from, e)) == NULL)
		return -1;
	db_bind_int(stmt, 1, c->id);
	db_bind_int(stmt, 2, s->series);
	db_bind_int(stmt, 3, s->starts_at);
	return session_collect(stmt, out, e);
}

static const char *const sql_session_cancel =
	"UPDATE session SET cancelled_at = ?, cancel_note = ? WHERE id = ?";

int
session_cancel(struct store *st, const struct cohort *c, const struct session *s,
    int64_t when, const char *note, su_err *e)
{
	sqlite3_stmt *stmt;
	char subject[80], at[40], *before = NULL, *after;
	int rc;

	if (text_fits("note", note, FIELD_NOTE_MAX, e) < 0)
		return -1;
	if (note && str_has_control(note))
		return su_err_set(e, "the note may not hold line breaks");
	if (s->cancelled)
		before = xasprintf("cancelled %s (%s)",
		    time_format_iso(c->tz, s->cancelled_at, at, sizeof at), s->cancel_note);
	after = xasprintf("cancelled %s (%s)", time_format_iso(c->tz, when, at,
	    sizeof at), note ? note : "");
	snprintf(subject, sizeof subject, "%s:%d", c->slug, s->number);
	rc = -1;
	if ((stmt = store_stmt(st, sql_session_cancel, e)) == NULL)
		goto done;
	db_bind_int(stmt, 1, when);
	db_bind_text(stmt, 2, note ? note : "");
	db_bind_int(stmt, 3, s->id);
	if (db_step_done(stmt, e) < 0)
		goto done;
	rc = audit_add(st, c->id, "session cancel", subject, before, after, e);
done:
	free(before);
	free(after);
	return rc;
}

int
session_expected_ids(struct store *st, int64_t session_id, int64_t **ids, size_t *n,
    su_err *e)
{
	static const char *const sql =
		"SELECT participant_id FROM expected WHERE session_id = ?"
		" ORDER BY participant_id";
	int rc;

	*ids = NULL;
	*n = 0;
	if ((rc = store_int64s(st, sql, &session_id, 1, ids, n, e)) < 0) {
		free(*ids);
		*ids = NULL;
		*n = 0;
	}
	return rc;
}

int
session_expects(struct store *st, const struct session *s, const struct participant *p,
    su_err *e)
{
	static const char *const sql =
		"SELECT 1 FROM expected WHERE session_id = ? AND participant_id = ?";
	const int64_t args[] = { s->id, p->id };
	int named = 0;

	if (!session_expects_everyone(s) &&
	    (named = store_exists(st, sql, args, ARRAY_SIZE(args), e)) < 0)
		return -1;
	return engine_expects(session_expects_everyone(s), named,
	    p->status == PARTICIPANT_WITHDRAWN ? p->withdrawn_at : 0, s->starts_at);
}

void
session_free(struct session *s)
{
	free(s->title);
	free(s->location);
	free(s->cancel_note);
	memset(s, 0, sizeof *s);
}

void
session_list_free(struct session_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		session_free(&l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

/* Returns how many records the session has: attendance facts and outbox rows (-1 on error). */
static int
session_records(struct store *st, const struct session *s, su_err *e)
{
	static const char *const sql =
		"SELECT (SELECT count(*) FROM attendance WHERE session_id = ?1)"
		" + (SELECT count(*) FROM outbox WHERE session_id = ?1)"
		" + (SELECT count(*) FROM reschedule"
		"    WHERE from_session_id = ?1 OR to_session_id = ?1)";
	sqlite3_stmt *stmt = store_stmt(st, sql, e);
	int rc;

	if (stmt == NULL)
		return -1;
	db_bind_int(stmt, 1, s->id);
	rc = db_step_row(stmt, e);
	if (rc == 1)
		rc = sqlite3_column_int(stmt, 0);
	sqlite3_reset(stmt);
	return rc;
}

int
session_uncancel(struct store *st, const struct cohort *c, const struct session *s,
    su_err *e)
{
	static const char *const sql =
		"UPDATE session SET cancelled_at = NULL, cancel_note = '' WHERE id = ?";
	sqlite3_stmt *stmt;
	char subject[80], at[40], *before;
	int rc;

	snprintf(subject, sizeof subject, "%s:%d", c->slug, s->number);
	if (!s->cancelled)
		return su_err_set(e, "session %s is not cancelled", subject);
	if ((stmt = store_stmt(st, sql, e)) == NULL)
		return -1;
	db_bind_int(stmt, 1, s->id);
	if (db_step_done(stmt, e) < 0)
		return -1;
	before = xasprintf("cancelled %s (%s)", time_format_iso(c->tz, s->cancelled_at, at,
	    sizeof at), s->cancel_note);
	rc = audit_add(st, c->id, "session uncancel", subject, before, "to be held", e);
	free(before);
	return rc;
}

int
session_delete(struct store *st, const struct cohort *c, const struct session *s,
    su_err *e)
{
	static const char *const sql_expected = "DELETE FROM expected WHERE session_id = ?";
	static const char *const sql_moves = "DELETE FROM session_move WHERE session_id = ?";
	static const char *const sql_changes = "DELETE FROM session_change WHERE session_id = ?";
	static const char *const sql_added = "DELETE FROM place_added WHERE session_id = ?";
	static const char *const sql_waiting = "DELETE FROM waiting WHERE session_id = ?";
	static const char *const sql_session = "DELETE FROM session WHERE id = ?";
	char subject[80], *before = NULL;
	sqlite3_stmt *stmt;
	int n, rc = -1;

	snprintf(subject, sizeof subject, "%s:%d", c->slug, s->number);
	if ((n = session_records(st, s, e)) < 0)
		return -1;
	if (n > 0)
		return su_err_set(e, "session %s has %d record%s (attendance, notices, "
		    "reschedules): it can be cancelled, not deleted", subject, n,
		    n == 1 ? "" : "s");
	before = session_describe(st, c, s, NULL, 0);
	if ((stmt = store_stmt(st, sql_expected, e)) == NULL)
		goto done;
	db_bind_int(stmt, 1, s->id);
	if (db_step_done(stmt, e) < 0 || (stmt = store_stmt(st, sql_moves, e)) == NULL)
		goto done;
	db_bind_int(stmt, 1, s->id);
	if (db_step_done(stmt, e) < 0 || (stmt = store_stmt(st, sql_changes, e)) == NULL)
		goto done;
	db_bind_int(stmt, 1, s->id);
	if (db_step_done(stmt, e) < 0 || (stmt = store_stmt(st, sql_added, e)) == NULL)
		goto done;
	db_bind_int(stmt, 1, s->id);
	if (db_step_done(stmt, e) < 0 || (stmt = store_stmt(st, sql_waiting, e)) == NULL)
		goto done;
	db_bind_int(stmt, 1, s->id);
	if (db_step_done(stmt, e) < 0 || (stmt = store_stmt(st, sql_session, e)) == NULL)
		goto done;
	db_bind_int(stmt, 1, s->id);
	if (db_step_done(stmt, e) < 0)
		goto done;
	rc = audit_add(st, c->id, "session delete", subject, before, "deleted", e);
done:
	free(before);
	return rc;
}

int
session_record_move(struct store *st, const struct cohort *c, const struct session *old,
    int64_t new_start, int64_t when, su_err *e)
{
	static const char *const sql = "INSERT INTO session_move (session_id, moved_at,"
	    " old_starts_at, new_starts_at) VALUES (?, ?, ?, ?)";
	sqlite3_stmt *stmt = store_stmt(st, sql, e);
	char subject[80], from[48], to[48];

	if (stmt == NULL)
		return -1;
	db_bind_int(stmt, 1, old->id);
	db_bind_int(stmt, 2, when);
	db_bind_int(stmt, 3, old->starts_at);
	db_bind_int(stmt, 4, new_start);
	if (db_step_done(stmt, e) < 0)
		return -1;
	snprintf(subject, sizeof subject, "%s:%d", c->slug, old->number);
	return audit_add(st, c->id, "session move", subject,
	    time_format_human(c->tz, old->starts_at, from, sizeof from),
	    time_format_human(c->tz, new_start, to, sizeof to), e);
}

/* Adds 'p' to a coaching or practice session's people (audited); 0 or -1. */
static int
session_add_walk_in(struct store *st, const struct cohort *c, const struct session *s,
    const struct participant *p, su_err *e)
{
	char subject[80];

	if (session_expects_everyone(s))
		return su_err_set(e, "a group session expects everyone active; '%s' is not "
		    "(withdrawn)", p->email);
	if (session_list_add(st, s, p->id, e) < 0 ||
	    expected_change(st, "UPDATE expected SET walk_in = 1 WHERE session_id = ?"
	    " AND participant_id = ?", s->id, p->id, e) < 0)
		return -1;
	snprintf(subject, sizeof subject, "%s:%d", c->slug, s->number);
	return audit_add(st, c->id, "walk-in", subject, NULL, p->email, e);
}

int
session_walk_in_undo(struct store *st, const struct cohort *c, const struct session *s,
    const struct participant *p, su_err *e)
{
	static const char *const sql = "SELECT 1 FROM expected WHERE session_id = ?"
	    " AND participant_id = ? AND walk_in = 1";
	const int64_t args[] = { s->id, p->id };
	char subject[80];
	int rc = store_exists(st, sql, args, 2, e);

	if (rc <= 0)
		return rc;
	if (session_list_remove(st, s, p->id, e) < 0)
		return -1;
	snprintf(subject, sizeof subject, "%s:%d", c->slug, s->number);
	return audit_add(st, c->id, "walk-in undone", subject, p->email, NULL, e) < 0 ? -1 : 1;
}

int
session_walk_in(struct store *st, const struct cohort *c, const struct session *s,
    const struct participant *p, su_err *e)
{
	int expected = session_expects(st, s, p, e);

	if (expected < 0)
		return -1;
	return expected ? 0 : session_add_walk_in(st, c, s, p, e);
}
