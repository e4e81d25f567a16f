/* SPDX-License-Identifier: Apache-2.0 */
/* outbox-hold.c - planned notices held back, released or dropped by hand, each audited. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "showup/outbox.h"
#include "showup/roll.h"
#include "showup/timeutil.h"
#include "store-private.h"

/* A row a hold, release or drop touches: its id, cohort and who it is for. */
struct touched { int64_t id, cohort_id; char *email; };

/* Lists the unsent rows 'sel' picks that 'hold' (1 hold, 0 release) would change. */
static int
select_rows(struct store *st, const struct outbox_select *sel, int hold,
    struct touched **out, size_t *n, su_err *e)
{
	static const char *const sql =
		"SELECT o.id, o.cohort_id, coalesce(p.email, o.to_addr) FROM outbox o"
		" LEFT JOIN participant p ON p.id = o.participant_id"
		" WHERE (o.state = 'pending' OR o.state = 'retry')"
		" AND (o.held_at IS NULL) = ?1 AND (?2 = 0 OR coalesce(o.part_of, o.id) ="
		"   (SELECT coalesce(part_of, id) FROM outbox WHERE id = ?2))"
		" AND (?3 = 0 OR o.cohort_id = ?3) AND (?4 IS NULL OR p.email = ?4"
		" OR o.to_addr = ?4 COLLATE NOCASE)"
		" ORDER BY o.id";
	sqlite3_stmt *stmt = store_stmt(st, sql, e);
	int rc;

	*out = NULL;
	*n = 0;
	if (stmt == NULL)
		return -1;
	db_bind_int(stmt, 1, hold);
	db_bind_int(stmt, 2, sel->id);
	db_bind_int(stmt, 3, sel->cohort_id);
	db_bind_text(stmt, 4, sel->email);
	while ((rc = db_step_row(stmt, e)) == 1) {
		*out = xrealloc(*out, (*n + 1) * sizeof **out);
		(*out)[*n].id = sqlite3_column_int64(stmt, 0);
		(*out)[*n].cohort_id = sqlite3_column_int64(stmt, 1);
		(*out)[(*n)++].email = db_column_dup(stmt, 2);
	}
	sqlite3_reset(stmt);
	return rc;
}

/* Sets row t's held mark (or clears it) and audits it; 0 or -1. */
static int
mark_row(struct store *st, const struct touched *t, int hold, int64_t now, su_err *e)
{
	static const char *const sql = "UPDATE outbox SET held_at = ? WHERE id = ?";
	sqlite3_stmt *stmt = store_stmt(st, sql, e);
	char what[48];

	if (stmt == NULL)
		return -1;
	if (hold)
		db_bind_int(stmt, 1, now);
	db_bind_int(stmt, 2, t->id);
	if (db_step_done(stmt, e) < 0)
		return -1;
	snprintf(what, sizeof what, "outbox %lld", (long long)t->id);
	return audit_add(st, t->cohort_id, hold ? "notice hold" : "notice release", what,
	    hold ? "pending" : "held", hold ? "held" : "pending", e);
}

/* Frees a list of touched rows. */
static void
touched_free(struct touched *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i].email);
	free(v);
}

/* Reads a hold's end "YYYY-MM-DD [HH:MM]" in 'zone' into *out; 0 or -1 with 'e' set. */
static int
hold_end(const char *text, const char *zone, int64_t *out, su_err *e)
{
	char *at = strlen(text) == 10 ? xasprintf("%s 00:00", text) : xstrdup(text);
	int rc = time_parse(at, DATE_ORDER_YMD, zone, out, e);

	free(at);
	return rc;
}

/*
 * Starts (hold 1) or ends (hold 0) the hold on every participant with address
 * 'email' (in any cohort), audited; a hold until a time ends there. *people
 * gets how many have that address. 0 or -1.
 */
static int
hold_person(struct store *st, const char *email, const char *until, int hold, int64_t now,
    size_t *people, su_err *e)
{
	static const char *const sql_people =
		"SELECT p.id, p.cohort_id, c.tz FROM participant p"
		" JOIN cohort c ON c.id = p.cohort_id WHERE p.email = ?";
	static const char *const sql_hold =
		"INSERT INTO notice_hold (participant_id, held_at, until_at) VALUES (?1, ?2, ?3)"
		" ON CONFLICT (participant_id) DO UPDATE SET held_at = ?2, until_at = ?3";
	static const char *const sql_release = "DELETE FROM notice_hold WHERE participant_id = ?";
	sqlite3_stmt *who = store_stmt(st, sql_people, e), *stmt;
	char what[96];
	int rc;

	*people = 0;
	if (who == NULL)
		return -1;
	db_bind_text(who, 1, email);
	while ((rc = db_step_row(who, e)) == 1) {
		int64_t end = 0;

		(*people)++;
		if (hold && until != NULL && hold_end(until, (const char *)sqlite3_column_text(who,
		    2), &end, e) < 0)
			break;
		if ((stmt = store_stmt(st, hold ? sql_hold : sql_release, e)) == NULL)
			break;
		db_bind_int(stmt, 1, sqlite3_column_int64(who, 0));
		if (hold)
			db_bind_int(stmt, 2, now);
		if (end > 0)
			db_bind_int(stmt, 3, end);
		snprintf(what, sizeof what, "%s", until ? until : "released");
		if (db_step_done(stmt, e) < 0 || (sqlite3_changes(st->db) > 0 && audit_add(st,
		    sqlite3_column_int64(who, 1), hold ? "person hold" : "person release", email,
		    NULL, hold ? what : "free", e) < 0))
			break;
	}
	sqlite3_reset(who);
	return rc == 0 ? 0 : -1;
}

int
outbox_hold(struct store *st, const struct outbox_select *sel, int hold, int64_t now,
    size_t *count, su_err *e)
{
	struct touched *rows = NULL;
	size_t n = 0, people = 0;
	int rc;

	*count = 0;
	rc = select_rows(st, sel, hold, &rows, &n, e);
	for (size_t i = 0; i < n && rc == 0; i++)
		rc = mark_row(st, &rows[i], hold, now, e);
	if (rc == 0 && n == 0 && sel->id != 0)
		rc = su_err_set(e, "no unsent %s notice %lld in the outbox", hold ? "unheld" :
		    "held", (long long)sel->id);
	if (rc == 0 && sel->email != NULL &&
	    (rc = hold_person(st, sel->email, sel->until, hold, now, &people, e)) == 0 &&
	    people == 0)
		rc = su_err_set(e, "no participant has the address '%s'", sel->email);
	if (rc == 0)
		*count = n;
	touched_free(rows, n);
	return rc;
}

int
outbox_holds_load(struct store *st, const struct roll *r, int64_t *held_until, su_err *e)
{
	static const char *const sql =
		"SELECT h.participant_id, coalesce(h.until_at, ?3) FROM notice_hold h"
		" JOIN participant p ON p.id = h.participant_id WHERE p.cohort_id = ?1"
		" AND (h.until_at IS NULL OR h.until_at > ?2)";
	const int64_t args[] = { r->cohort->id, r->now, HOLD_UNTIL_RELEASED };
	sqlite3_stmt *stmt = store_stmt_bound(st, sql, args, ARRAY_SIZE(args), e);
	size_t i;
	int rc;

	if (stmt == NULL)
		return -1;
	while ((rc = db_step_row(stmt, e)) == 1)
		if (idmap_get(&r->person_index, sqlite3_column_int64(stmt, 0), &i))
			held_until[i] = sqlite3_column_int64(stmt, 1);
	sqlite3_reset(stmt);
	return rc;
}

int
outbox_holds_end(struct store *st, int64_t cohort_id, int64_t now, su_err *e)
{
	static const char *const sql_release =
		"UPDATE outbox SET held_at = NULL WHERE held_at >= (SELECT held_at FROM notice_hold"
		" WHERE participant_id = ?1) AND participant_id = ?1"
		" AND (state = 'pending' OR state = 'retry')";
	static const char *const sql_ended =
		"SELECT h.participant_id, p.email FROM notice_hold h"
		" JOIN participant p ON p.id = h.participant_id"
		" WHERE p.cohort_id = ? AND h.until_at <= ?";
	static const char *const sql_delete = "DELETE FROM notice_hold WHERE participant_id = ?";
	const int64_t args[] = { cohort_id, now };
	struct touched *ended = NULL;
	size_t n = 0;
	sqlite3_stmt *stmt = store_stmt_bound(st, sql_ended, args, ARRAY_SIZE(args), e);
	int rc;

	if (stmt == NULL)
		return -1;
	while ((rc = db_step_row(stmt, e)) == 1) {
		ended = xrealloc(ended, (n + 1) * sizeof *ended);
		ended[n].id = sqlite3_column_int64(stmt, 0);
		ended[n].cohort_id = cohort_id;
		ended[n++].email = db_column_dup(stmt, 1);
	}
	sqlite3_reset(stmt);
	for (size_t k = 0; k < n && rc == 0; k++) {
		const int64_t id[] = { ended[k].id };

		if (store_run(st, sql_release, id, 1, e) < 0 ||
		    store_run(st, sql_delete, id, 1, e) < 0 ||
		    audit_add(st, cohort_id, "person release", ended[k].email, NULL,
		    "free: the hold's time ended", e) < 0)
			rc = -1;
	}
	touched_free(ended, n);
	return rc;
}

int
outbox_split(struct store *st, int64_t id, su_err *e)
{
	static const char *const sql =
		"UPDATE outbox SET part_of = NULL, message = x'' WHERE coalesce(part_of, id) ="
		" (SELECT coalesce(part_of, id) FROM outbox WHERE id = ?1) AND id <> ?1"
		" AND (state = 'pending' OR state = 'retry')";
	sqlite3_stmt *stmt = store_stmt(st, sql, e);

	if (stmt == NULL)
		return -1;
	db_bind_int(stmt, 1, id);
	return db_step_done(stmt, e);
}

int
outbox_drop(struct store *st, int64_t id, const char *reason, int64_t now, su_err *e)
{
	static const char *const sql =
		"UPDATE outbox SET state = 'withdrawn', held_at = NULL, dropped_at = ?3,"
		" reply = 'dropped by hand: ' || ?2 WHERE id = ?1";
	struct outbox_select sel = { .id = id };
	struct touched *rows = NULL;
	size_t n = 0;
	sqlite3_stmt *stmt;
	char what[48], *why = NULL;
	int rc;

	rc = select_rows(st, &sel, 1, &rows, &n, e);	/* unheld first, then held */
	if (rc == 0 && n == 0)
		rc = select_rows(st, &sel, 0, &rows, &n, e);
	if (rc == 0 && n == 0)
		rc = su_err_set(e, "no unsent notice %lld in the outbox", (long long)id);
	if (rc == 0)	/* its message told it too: the others get a new one */
		rc = outbox_split(st, id, e);
	if (rc == 0 && (stmt = store_stmt(st, sql, e)) != NULL) {
		db_bind_int(stmt, 1, id);
		db_bind_text(stmt, 2, reason);
		db_bind_int(stmt, 3, now);
		rc = db_step_done(stmt, e);
	} else if (rc == 0)
		rc = -1;
	snprintf(what, sizeof what, "outbox %lld", (long long)id);
	why = xasprintf("withdrawn: %s", reason);
	if (rc == 0)
		rc = audit_add(st, rows[0].cohort_id, "notice drop", what, "pending", why, e);
	free(why);
	touched_free(rows, n);
	return rc;
}
