/* SPDX-License-Identifier: Apache-2.0 */
/* reschedule.c - a participant moves their place at a session: to another session,
 * to a new one at a new time, or (a 1:1) the session itself moves. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "showup/coach.h"
#include "showup/model.h"
#include "showup/places.h"
#include "showup/policy.h"
#include "showup/policy-store.h"
#include "showup/timeutil.h"
#include "store-private.h"

/* Checks that p may move their place at session 'from' as of a request at 'asked_at'; 0 or -1. */
static int
check_place(struct store *st, const struct cohort *c, const struct session *from,
    const struct participant *p, su_err *e)
{
	struct attendance old;
	int rc;

	if (from->cancelled)
		return su_err_set(e, "session %s:%d was called off by the coach: there is no "
		    "place to move", c->slug, from->number);
	if ((rc = session_expects(st, from, p, e)) <= 0)
		return rc < 0 ? -1 : su_err_set(e, "'%s' is not expected at session %s:%d",
		    p->email, c->slug, from->number);
	if ((rc = attendance_get(st, from->id, p->id, &old, e)) <= 0)
		return rc;
	if (outcome_fact_rescheduled(&old))
		su_err_set(e, "'%s' has moved their place at session %s:%d already",
		    p->email, c->slug, from->number);
	else
		su_err_set(e, "'%s' is recorded as %s at session %s:%d; clear that first",
		    p->email, fact_status_word(&old), c->slug, from->number);
	attendance_free(&old);
	return -1;
}

/* Returns the number of people coaching or practice session 's' names other than p; or -1. */
static int
others_named(struct store *st, const struct session *s, const struct participant *p,
    su_err *e)
{
	int64_t *ids = NULL;
	size_t n = 0;
	int others = 0;

	if (session_expected_ids(st, s->id, &ids, &n, e) < 0)
		return -1;
	for (size_t k = 0; k < n; k++)
		others += ids[k] != p->id;
	free(ids);
	return others;
}

/* Checks that existing session 'to' can take p's place moved from 'from'; 0 or -1. */
static int
check_target(struct store *st, const struct cohort *c, const struct session *from,
    const struct session *to, const struct participant *p, int64_t asked_at, su_err *e)
{
	struct attendance there;
	char when[48];
	int rc;

	if (to->id == from->id)
		return su_err_set(e, "session %s:%d is the place being moved", c->slug,
		    to->number);
	if (to->cancelled)
		return su_err_set(e, "session %s:%d was called off by the coach", c->slug,
		    to->number);
	if (to->starts_at <= asked_at)
		return su_err_set(e, "session %s:%d started (%s) before the request", c->slug,
		    to->number, time_format_human(c->tz, to->starts_at, when, sizeof when));
	if ((rc = session_expects(st, to, p, e)) != 0)
		return rc < 0 ? -1 : su_err_set(e, "'%s' is expected at session %s:%d "
		    "already: moving there changes no place", p->email, c->slug, to->number);
	if ((rc = attendance_get(st, to->id, p->id, &there, e)) != 0) {
		if (rc > 0)
			attendance_free(&there);
		return rc < 0 ? -1 : su_err_set(e, "'%s' has a record at session %s:%d "
		    "already", p->email, c->slug, to->number);
	}
	if (to->kind == SESSION_COACHING && (rc = others_named(st, to, p, e)) != 0)
		return rc < 0 ? -1 : su_err_set(e, "session %s:%d is another participant's "
		    "coaching session", c->slug, to->number);
	if (to->capacity > 0 && (rc = places_taken(st, to, e)) >= 0 &&
	    places_free(to->capacity, rc) == 0)
		return su_err_set(e, "session %s:%d has no place free (its %d are held): its "
		    "waiting list is open to a join", c->slug, to->number, to->capacity);
	return rc < 0 ? -1 : 0;
}

/*
 * Lists into *ids (n of them, with p first) the people who move with p from
 * session 's': p, and each partner still enrolled with nothing recorded there.
 * 0 or -1.
 */
static int
movers(struct store *st, const struct session *s, const struct participant *p,
    int64_t **ids, size_t *n, su_err *e)
{
	static const char *const sql =
		"SELECT e.participant_id FROM expected e"
		" JOIN participant p ON p.id = e.participant_id"
		" WHERE e.session_id = ?1 AND e.participant_id <> ?2 AND p.status = 'active'"
		" AND NOT EXISTS (SELECT 1 FROM attendance a"
		"   WHERE a.session_id = ?1 AND a.participant_id = e.participant_id)"
		" ORDER BY e.participant_id";
	const int64_t args[] = { s->id, p->id };

	*ids = xcalloc(1, sizeof **ids);
	(*ids)[0] = p->id;
	*n = 1;
	return store_int64s(st, sql, args, ARRAY_SIZE(args), ids, n, e);
}

/*
 * Notes that partner 'id' moved along from 'from' to 'to' at p's request (not
 * a request of theirs: the engine leaves it out; the partner is told); 0 or -1.
 */
static int
note_partner_moved(struct store *st, const struct session *from, const struct session *to,
    int64_t id, const struct participant *p, int64_t asked_at, su_err *e)
{
	static const char *const sql =
		"INSERT INTO reschedule (participant_id, from_session_id, to_session_id,"
		" asked_at, from_starts_at, to_starts_at, moved_with) VALUES (?, ?, ?, ?, ?, ?, ?)";
	sqlite3_stmt *stmt = store_stmt(st, sql, e);

	if (stmt == NULL)
		return -1;
	db_bind_int(stmt, 1, id);
	db_bind_int(stmt, 2, from->id);
	db_bind_int(stmt, 3, to->id);
	db_bind_int(stmt, 4, asked_at);
	db_bind_int(stmt, 5, from->starts_at);
	db_bind_int(stmt, 6, to->starts_at);
	db_bind_int(stmt, 7, p->id);
	return db_step_done(stmt, e);
}

/* Moves session 's' to 'starts_at' (no coach's move: its person asked); 0 or -1. */
static int
move_session(struct store *st, const struct session *s, int64_t starts_at, su_err *e)
{
	static const char *const sql = "UPDATE session SET starts_at = ? WHERE id = ?";
	sqlite3_stmt *stmt = store_stmt(st, sql, e);

	if (stmt == NULL)
		return -1;
	db_bind_int(stmt, 1, starts_at);
	db_bind_int(stmt, 2, s->id);
	return db_step_done(stmt, e);
}

/* Stores the request and its audit entry ("spring26:4 ana@x", old place, new place); 0 or -1. */
static int
note_request(struct store *st, const struct cohort *c, const struct participant *p,
    const struct session *from, const struct session *to, int64_t asked_at, int whole,
    const char *note, su_err *e)
{
	static const char *const sql =
		"INSERT INTO reschedule (participant_id, from_session_id, to_session_id,"
		" asked_at, from_starts_at, to_starts_at, whole_session, note)"
		" VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
	sqlite3_stmt *stmt = store_stmt(st, sql, e);
	char from_when[48], to_when[48], asked[48], *subject, *before, *after;
	int rc;

	if (stmt == NULL)
		return -1;
	db_bind_int(stmt, 1, p->id);
	db_bind_int(stmt, 2, from->id);
	db_bind_int(stmt, 3, to->id);
	db_bind_int(stmt, 4, asked_at);
	db_bind_int(stmt, 5, from->starts_at);
	db_bind_int(stmt, 6, to->starts_at);
	db_bind_int(stmt, 7, whole);
	db_bind_text(stmt, 8, note ? note : "");
	if (db_step_done(stmt, e) < 0)
		return -1;
	subject = xasprintf("%s:%d %s", c->slug, from->number, p->email);
	time_format_human(c->tz, from->starts_at, from_when, sizeof from_when);
	time_format_human(c->tz, to->starts_at, to_when, sizeof to_when);
	time_format_human(c->tz, asked_at, asked, sizeof asked);
	if (whole) {	/* the 1:1 itself moved */
		before = xasprintf("their 1:1 at %s", from_when);
		after = xasprintf("%s (asked %s)", to_when, asked);
	} else {
		before = xasprintf("session %d, %s", from->number, from_when);
		after = xasprintf("session %d, %s (asked %s)", to->number, to_when, asked);
	}
	rc = audit_add(st, c->id, "reschedule", subject, before, after, e);
	free(subject);
	free(before);
	free(after);
	return rc;
}

/* Records the place left at 'from' as a reschedule asked at 'asked_at'; 0 or -1. */
static int
leave_place(struct store *st, const struct cohort *c, const struct session *from,
    const struct participant *p, int64_t asked_at, const char *note, su_err *e)
{
	struct attendance a = {
		.session_id = from->id, .participant_id = p->id,
		.fact = FACT_CANCELLED, .cancelled_at = asked_at,
		.reason = POLICY_RESCHEDULE_REASON, .note = (char *)(note ? note : ""),
	};

	return attendance_set_known(st, c, from, p, &a, NULL, NULL, e) < 0 ? -1 : 0;
}

/*
 * Opens a new session like 'from' at 'starts_at' with p and the partners who
 * move along (movers); they leave 'from', each noted as moved at p's request
 * asked at 'asked_at'. Fills 'made' (free with session_free); 0 or -1.
 */
static int
open_like(struct store *st, const struct cohort *c, const struct session *from,
    const struct participant *p, int64_t starts_at, int64_t asked_at, struct session *made,
    su_err *e)
{
	struct session s = *from;
	int64_t *ids = NULL;
	size_t n = 0;
	int number, rc = -1;

	s.number = 0;
	s.starts_at = starts_at;
	s.cancelled = 0;
	if (movers(st, from, p, &ids, &n, e) < 0 ||
	    (number = session_add(st, c, &s, ids, n, e)) < 0 ||
	    session_find(st, c, number, made, e) <= 0)
		goto done;
	for (size_t k = 1; k < n; k++)	/* the session's audit entry names them */
		if (session_list_remove(st, from, ids[k], e) < 0 ||	/* moves along */
		    note_partner_moved(st, from, made, ids[k], p, asked_at, e) < 0)
			goto done;
	rc = 0;
done:
	free(ids);
	return rc;
}

/* Returns 1 if 'from' is a 1:1: a coaching session that names p alone; 0, or -1. */
static int
one_to_one(struct store *st, const struct session *from, const struct participant *p,
    su_err *e)
{
	int others;

	if (from->kind != SESSION_COACHING)
		return 0;
	if ((others = others_named(st, from, p, e)) < 0)
		return -1;
	return others == 0;
}

int
reschedule_pair_refused(struct store *st, const struct policy *pol, const struct session *s,
    const struct participant *p, su_err *e)
{
	int64_t *ids = NULL;
	size_t n = 0;
	int rc;

	if (pol->pair_moves || s->kind == SESSION_GROUP)
		return 0;
	rc = movers(st, s, p, &ids, &n, e) < 0 ? -1 : n > 1;
	free(ids);
	return rc;
}

/*
 * Refuses p's move of coaching or practice session 'from' to a new time when
 * reschedule_pair_refused says so: the message names the partners and the
 * coach. 0 if it may go, or -1.
 */
static int
check_pair_move(struct store *st, const struct cohort *c, const struct session *from,
    const struct participant *p, su_err *e)
{
	struct policy pol;
	int64_t *ids = NULL;
	char *names;
	size_t n = 0;
	int rc;

	if (policy_load(st, c, &pol, e) < 0 ||
	    (rc = reschedule_pair_refused(st, &pol, from, p, e)) < 0)
		return -1;
	if (rc == 0)
		return 0;
	if (movers(st, from, p, &ids, &n, e) < 0) {
		free(ids);
		return -1;
	}
	names = session_with_describe(st, ids + 1, n - 1);
	su_err_set(e, "session %s:%d is a %s session with %s: it moves to a new time only "
	    "with their word; ask %s <%s> to move it for both, or move your own place to "
	    "another session", c->slug, from->number, session_kind_name(from->kind), names,
	    c->coach_name, c->coach_email);
	free(names);
	free(ids);
	return -1;
}

/* A move to a new time: a 1:1 moves whole, else a new session opens; see reschedule_record. */
static int
move_to_time(struct store *st, const struct cohort *c, const struct session *from,
    const struct participant *p, int64_t starts_at, int64_t asked_at, const char *note,
    int *to_number, su_err *e)
{
	struct session made = { 0 };
	int whole, rc = -1;

	if (from->kind == SESSION_GROUP)
		return su_err_set(e, "session %s:%d is a group session: its place moves to "
		    "another session, not to a new time", c->slug, from->number);
	if (starts_at == from->starts_at)
		return su_err_set(e, "session %s:%d starts at that time already", c->slug,
		    from->number);
	if (starts_at <= asked_at)
		return su_err_set(e, "the new time is before the request");
	if ((whole = one_to_one(st, from, p, e)) < 0)
		return -1;
	if (!whole && check_pair_move(st, c, from, p, e) < 0)
		return -1;
	if (whole) {
		made = *from;
		made.starts_at = starts_at;
		if (move_session(st, from, starts_at, e) < 0 ||
		    note_request(st, c, p, from, &made, asked_at, 1, note, e) < 0)
			return -1;
		*to_number = from->number;
		return RESCHEDULE_MOVED_SESSION;
	}
	if (open_like(st, c, from, p, starts_at, asked_at, &made, e) == 0 &&
	    leave_place(st, c, from, p, asked_at, note, e) == 0 &&
	    note_request(st, c, p, from, &made, asked_at, 0, note, e) == 0) {
		*to_number = made.number;
		rc = RESCHEDULE_NEW_SESSION;
	}
	session_free(&made);
	return rc;
}

/* reschedule_record with its note's line breaks as LF already. */
static int
record_request(struct store *st, const struct cohort *c, const struct session *from,
    const struct participant *p, const struct reschedule_to *to, int64_t asked_at,
    const char *note, int *to_number, su_err *e)
{
	if (p->status == PARTICIPANT_WITHDRAWN)
		return su_err_set(e, "'%s' has withdrawn from the program", p->email);
	if (text_fits("note", note, FIELD_NOTE_MAX, e) < 0)
		return -1;
	if (check_place(st, c, from, p, e) < 0)
		return -1;
	if (to->session == NULL)
		return move_to_time(st, c, from, p, to->starts_at, asked_at, note, to_number,
		    e);
	/* check_target leaves no group session: p would be expected there already */
	if (check_target(st, c, from, to->session, p, asked_at, e) < 0 ||
	    session_list_add(st, to->session, p->id, e) < 0 ||
	    leave_place(st, c, from, p, asked_at, note, e) < 0 ||
	    note_request(st, c, p, from, to->session, asked_at, 0, note, e) < 0)
		return -1;
	*to_number = to->session->number;
	return RESCHEDULE_TO_SESSION;
}

int
reschedule_record(struct store *st, const struct cohort *c, const struct session *from,
    const struct participant *p, const struct reschedule_to *to, int64_t asked_at,
    const char *note, int *to_number, su_err *e)
{
	char *lines = note ? note_lines(note) : NULL;
	int rc = record_request(st, c, from, p, to, asked_at, lines, to_number, e);

	free(lines);
	if (rc > 0 && rc != RESCHEDULE_MOVED_SESSION && from->capacity > 0 &&
	    places_fill(st, c, from, time_now(), e) < 0)
		return -1;	/* the place left goes to the first waiting */
	return rc;
}

int
reschedule_undo_whole(struct store *st, const struct cohort *c, const struct session *s,
    const struct participant *p, su_err *e)
{
	static const char *const sql_latest =
		"SELECT id, from_starts_at, to_starts_at FROM reschedule WHERE from_session_id = ?"
		" AND participant_id = ? AND whole_session = 1 AND undone_at IS NULL"
		" ORDER BY asked_at DESC, id DESC LIMIT 1";
	static const char *const sql_forget = "UPDATE reschedule SET undone_at = ? WHERE id = ?";
	sqlite3_stmt *stmt = store_stmt(st, sql_latest, e);
	int64_t id = 0, from_start = 0, to_start = 0;
	char was[48], back[48], *subject;
	int rc;

	if (stmt == NULL)
		return -1;
	db_bind_int(stmt, 1, s->id);
	db_bind_int(stmt, 2, p->id);
	if ((rc = db_step_row(stmt, e)) == 1) {
		id = sqlite3_column_int64(stmt, 0);
		from_start = sqlite3_column_int64(stmt, 1);
		to_start = sqlite3_column_int64(stmt, 2);
	}
	sqlite3_reset(stmt);
	if (rc <= 0)
		return rc;
	if (to_start != s->starts_at)
		return su_err_set(e, "session %s:%d was moved again since '%s' asked to move it",
		    c->slug, s->number, p->email);
	if (move_session(st, s, from_start, e) < 0 || (stmt = store_stmt(st, sql_forget, e))
	    == NULL)
		return -1;
	db_bind_int(stmt, 1, time_now());
	db_bind_int(stmt, 2, id);
	if (db_step_done(stmt, e) < 0)
		return -1;
	subject = xasprintf("%s:%d %s", c->slug, s->number, p->email);
	time_format_human(c->tz, to_start, was, sizeof was);
	time_format_human(c->tz, from_start, back, sizeof back);
	rc = audit_add(st, c->id, "unmark", subject, was, back, e);
	free(subject);
	return rc < 0 ? -1 : 1;
}

/* Runs 'sql' bound to the cohort and a time; the rows it changed, or -1. */
static int
slot_change(struct store *st, const char *sql, const struct cohort *c, int64_t starts_at,
    su_err *e)
{
	sqlite3_stmt *stmt = store_stmt(st, sql, e);

	if (stmt == NULL)
		return -1;
	db_bind_int(stmt, 1, c->id);
	db_bind_int(stmt, 2, starts_at);
	if (db_step_done(stmt, e) < 0)
		return -1;
	return sqlite3_changes(st->db);
}

int
slot_add(struct store *st, const struct cohort *c, int64_t starts_at, su_err *e)
{
	static const char *const sql = "INSERT OR IGNORE INTO slot (cohort_id, starts_at)"
	    " VALUES (?, ?)";
	char when[48];
	int rc = slot_change(st, sql, c, starts_at, e);

	time_format_human(c->tz, starts_at, when, sizeof when);
	if (rc == 0)
		return su_err_set(e, "%s is offered already", when);
	return rc < 0 ? -1 : audit_add(st, c->id, "slot add", c->slug, NULL, when, e);
}

int
slot_remove(struct store *st, const struct cohort *c, int64_t starts_at, su_err *e)
{
	static const char *const sql = "DELETE FROM slot WHERE cohort_id = ? AND starts_at = ?";
	char when[48];
	int rc = slot_change(st, sql, c, starts_at, e);

	time_format_human(c->tz, starts_at, when, sizeof when);
	if (rc == 0)
		return su_err_set(e, "%s is not offered", when);
	return rc < 0 ? -1 : audit_add(st, c->id, "slot remove", c->slug, when, "taken back",
	    e);
}

int
slot_list(struct store *st, const struct cohort *c, int64_t after, int64_t **v, size_t *n,
    su_err *e)
{
	static const char *const sql = "SELECT starts_at FROM slot WHERE cohort_id = ?"
	    " AND starts_at > ? ORDER BY starts_at";
	const int64_t args[] = { c->id, after };

	*v = NULL;
	*n = 0;
	return store_int64s(st, sql, args, ARRAY_SIZE(args), v, n, e);
}

int
reschedule_to_slot(struct store *st, const struct cohort *c, const struct session *from,
    const struct participant *p, int64_t starts_at, int64_t now, const char *note,
    int *to_number, su_err *e)
{
	static const char *const sql = "DELETE FROM slot WHERE cohort_id = ? AND starts_at = ?"
	    " AND starts_at > ?";
	struct reschedule_to to = { NULL, starts_at };
	sqlite3_stmt *stmt = store_stmt(st, sql, e);
	int kind;

	if (stmt == NULL)
		return -1;
	db_bind_int(stmt, 1, c->id);
	db_bind_int(stmt, 2, starts_at);
	db_bind_int(stmt, 3, now);
	if (db_step_done(stmt, e) < 0)
		return -1;
	if (sqlite3_changes(st->db) == 0)
		return su_err_set(e, "that time is no longer offered");
	if ((kind = reschedule_record(st, c, from, p, &to, now, note, to_number, e)) < 0 ||
	    own_change_move(st, c, p, e) < 0)	/* their own link: the coach is told */
		return -1;
	return audit_add(st, c->id, "slot taken", c->slug, NULL, p->email, e) < 0 ? -1 : kind;
}
