/* SPDX-License-Identifier: Apache-2.0 */
/* places.c - a session's places and its waiting list: a join takes a free place or
 * waits; a place given up goes to the first waiting, who is told once. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "showup/changes.h"
#include "showup/places.h"
#include "showup/roll.h"
#include "store-private.h"

int
places_free(int capacity, int taken)
{
	if (capacity <= 0)
		return PLACES_NO_LIMIT;
	return taken >= capacity ? 0 : capacity - taken;
}

/* Returns the one integer 'sql' (args bound) answers, or -1 with 'e' set. */
static int
count_of(struct store *st, const char *sql, const int64_t *args, size_t n, su_err *e)
{
	sqlite3_stmt *stmt = store_stmt_bound(st, sql, args, n, e);
	int rc;

	if (stmt == NULL)
		return -1;
	if ((rc = db_step_row(stmt, e)) == 1)
		rc = sqlite3_column_int(stmt, 0);
	else if (rc == 0)
		rc = su_err_set(e, STORE_ERROR_PREFIX "no count");
	sqlite3_reset(stmt);
	return rc;
}

/* A place at session ?1 held by participant p: in the program then, not cancelled. */
#define HOLDS_PLACE \
	" (p.status = 'active' OR p.withdrawn_at > ?2) AND NOT EXISTS (SELECT 1" \
	" FROM attendance a WHERE a.session_id = ?1 AND a.participant_id = p.id" \
	" AND a.fact = 'cancelled')"

int
places_taken(struct store *st, const struct session *s, su_err *e)
{
	static const char *const sql = "SELECT count(*) FROM expected x"
	    " JOIN participant p ON p.id = x.participant_id WHERE x.session_id = ?1 AND"
	    HOLDS_PLACE;
	const int64_t args[] = { s->id, s->starts_at };

	return count_of(st, sql, args, ARRAY_SIZE(args), e);
}

/* Those waiting at session ?1 for a place: not placed, not gone, still in the program. */
#define WAITS " w.session_id = ?1 AND w.placed_at IS NULL AND w.left_at IS NULL" \
	" AND p.status = 'active'"

int
places_position(struct store *st, const struct session *s, const struct participant *p,
    su_err *e)
{
	static const char *const sql = "SELECT coalesce((SELECT count(*) FROM waiting w"
	    " JOIN participant p ON p.id = w.participant_id WHERE" WAITS " AND w.id <="
	    " (SELECT min(id) FROM waiting WHERE session_id = ?1 AND participant_id = ?2"
	    "  AND placed_at IS NULL AND left_at IS NULL)), 0)";
	const int64_t args[] = { s->id, p->id };

	return count_of(st, sql, args, ARRAY_SIZE(args), e);
}

int
places_waiting(struct store *st, const struct session *s, su_err *e)
{
	static const char *const sql = "SELECT count(*) FROM waiting w"
	    " JOIN participant p ON p.id = w.participant_id WHERE" WAITS;

	return count_of(st, sql, &s->id, 1, e);
}

/* Returns 1 with the reason in 'e' if p's place at s is taken or given up already; 0, -1. */
static int
already_on(struct store *st, const struct cohort *c, const struct session *s,
    const struct participant *p, su_err *e)
{
	struct attendance a;
	int rc = session_expects(st, s, p, e), had;

	if (rc <= 0)
		return rc;
	if ((had = attendance_get(st, s->id, p->id, &a, e)) < 0)
		return -1;
	if (had && a.fact == FACT_CANCELLED)
		su_err_set(e, "'%s' gave up their place at session %s:%d (a cancellation "
		    "stands)", p->email, c->slug, s->number);
	else
		su_err_set(e, "'%s' has a place at session %s:%d already", p->email, c->slug,
		    s->number);
	if (had)
		attendance_free(&a);
	return 1;
}

int
places_join_refused(struct store *st, const struct cohort *c, const struct session *s,
    const struct participant *p, int64_t now, su_err *e)
{
	int rc;

	if (s->cancelled)
		return su_err_set(e, "session %s:%d is called off", c->slug, s->number), 1;
	if (s->starts_at <= now)
		return su_err_set(e, "session %s:%d has begun or is over", c->slug,
		    s->number), 1;
	if (p->status != PARTICIPANT_ACTIVE)
		return su_err_set(e, "'%s' has withdrawn from the program", p->email), 1;
	if (s->optional && s->capacity <= 0)	/* nobody is expected, anyone may come */
		return su_err_set(e, "session %s:%d is optional and has no places (no capacity): "
		    "anyone may come without joining", c->slug, s->number), 1;
	if ((rc = already_on(st, c, s, p, e)) != 0)
		return rc;
	if (s->capacity <= 0)
		return su_err_set(e, "session %s:%d has no places to join (no capacity)",
		    c->slug, s->number), 1;
	if ((rc = places_position(st, s, p, e)) > 0)
		return su_err_set(e, "'%s' is on the waiting list of session %s:%d already "
		    "(number %d)", p->email, c->slug, s->number, rc), 1;
	return rc < 0 ? -1 : 0;
}

/* Notes p on coaching or practice session s at 'now' (others told of it hear); 0 or -1. */
static int
note_partner(struct store *st, const struct session *s, const struct participant *p,
    int64_t now, su_err *e)
{
	static const char *const sql = "INSERT INTO place_added (session_id, participant_id,"
	    " added_at) VALUES (?, ?, ?)";
	const int64_t args[] = { s->id, p->id, now };

	return s->kind == SESSION_GROUP ? 0 : store_run(st, sql, args, ARRAY_SIZE(args), e);
}

int
places_join(struct store *st, const struct cohort *c, const struct session *s,
    const struct participant *p, int64_t now, int *position, su_err *e)
{
	static const char *const sql = "INSERT INTO waiting (session_id, participant_id,"
	    " asked_at) VALUES (?, ?, ?)";
	const int64_t args[] = { s->id, p->id, now };
	char subject[80], where[48];
	int taken;

	*position = 0;
	if (places_join_refused(st, c, s, p, now, e) != 0)
		return -1;
	if ((taken = places_taken(st, s, e)) < 0)
		return -1;
	snprintf(subject, sizeof subject, "%s:%d", c->slug, s->number);
	if (places_free(s->capacity, taken) > 0) {
		if (session_list_add(st, s, p->id, e) < 0 || note_partner(st, s, p, now, e) < 0 ||
		    audit_add(st, c->id, "place taken", subject, NULL, p->email, e) < 0)
			return -1;
		return PLACE_TAKEN;
	}
	if (store_run(st, sql, args, ARRAY_SIZE(args), e) < 0 ||
	    (*position = places_position(st, s, p, e)) < 0)
		return -1;
	snprintf(where, sizeof where, "%s, waiting (number %d)", p->email, *position);
	if (audit_add(st, c->id, "place waiting", subject, NULL, where, e) < 0)
		return -1;
	return PLACE_WAITING;
}

int
places_leave(struct store *st, const struct cohort *c, const struct session *s,
    const struct participant *p, int64_t now, su_err *e)
{
	static const char *const sql = "UPDATE waiting SET left_at = ?3 WHERE session_id = ?1"
	    " AND participant_id = ?2 AND placed_at IS NULL AND left_at IS NULL";
	const int64_t args[] = { s->id, p->id, now };
	char subject[80], was[48];
	int pos = places_position(st, s, p, e);

	snprintf(subject, sizeof subject, "%s:%d", c->slug, s->number);
	if (pos < 0)
		return -1;
	if (pos == 0)
		return su_err_set(e, "'%s' is not on the waiting list of session %s", p->email,
		    subject);
	snprintf(was, sizeof was, "waiting (number %d)", pos);
	if (store_run(st, sql, args, ARRAY_SIZE(args), e) < 0)
		return -1;
	return audit_add(st, c->id, "place waiting left", subject, was, p->email, e);
}

/* Finds the first waiting at s: *wid its row, *pid its person (0: none); 0 or -1. */
static int
first_waiting(struct store *st, const struct session *s, int64_t *wid, int64_t *pid,
    su_err *e)
{
	static const char *const sql = "SELECT w.id, w.participant_id FROM waiting w"
	    " JOIN participant p ON p.id = w.participant_id WHERE" WAITS
	    " ORDER BY w.id LIMIT 1";
	sqlite3_stmt *stmt = store_stmt_bound(st, sql, &s->id, 1, e);
	int rc;

	*wid = *pid = 0;
	if (stmt == NULL)
		return -1;
	if ((rc = db_step_row(stmt, e)) == 1) {
		*wid = sqlite3_column_int64(stmt, 0);
		*pid = sqlite3_column_int64(stmt, 1);
	}
	sqlite3_reset(stmt);
	return rc < 0 ? -1 : 0;
}

/* Gives waiting row 'wid' (person 'pid') a place at s at 'now', audited; 0 or -1. */
static int
place_one(struct store *st, const struct cohort *c, const struct session *s, int64_t wid,
    int64_t pid, int64_t now, su_err *e)
{
	static const char *const sql = "UPDATE waiting SET placed_at = ?2 WHERE id = ?1";
	static const char *const sql_email = "SELECT email FROM participant WHERE id = ?";
	const int64_t args[] = { wid, now };
	struct participant p = { .id = pid };
	sqlite3_stmt *stmt;
	char subject[80], *email = NULL;
	int rc = -1;

	if (session_list_add(st, s, pid, e) < 0 || note_partner(st, s, &p, now, e) < 0 ||
	    store_run(st, sql, args, ARRAY_SIZE(args), e) < 0 ||
	    (stmt = store_stmt_bound(st, sql_email, &pid, 1, e)) == NULL)
		return -1;
	if (db_step_row(stmt, e) == 1)
		email = db_column_dup(stmt, 0);
	sqlite3_reset(stmt);
	snprintf(subject, sizeof subject, "%s:%d", c->slug, s->number);
	if (email != NULL)
		rc = audit_add(st, c->id, "place given", subject, "waiting", email, e);
	free(email);
	return rc;
}

int
places_fill(struct store *st, const struct cohort *c, const struct session *s,
    int64_t now, su_err *e)
{
	int taken, room, given = 0;

	if (s->cancelled || s->starts_at <= now)
		return 0;
	if ((taken = places_taken(st, s, e)) < 0)
		return -1;
	for (room = places_free(s->capacity, taken); room > 0; room--) {
		int64_t wid, pid;

		if (first_waiting(st, s, &wid, &pid, e) < 0)
			return -1;
		if (wid == 0)
			break;
		if (place_one(st, c, s, wid, pid, now, e) < 0)
			return -1;
		given++;
	}
	return given;
}

char *
places_given_at(struct store *st, const struct session *s, int64_t at)
{
	static const char *const sql = "SELECT w.participant_id FROM waiting w"
	    " WHERE w.session_id = ? AND w.placed_at = ? ORDER BY w.id";
	const int64_t args[] = { s->id, at };
	int64_t *ids = NULL;
	size_t n = 0;
	char *emails;

	if (store_int64s(st, sql, args, ARRAY_SIZE(args), &ids, &n, NULL) < 0)
		n = 0;
	emails = session_with_describe(st, ids, n);
	free(ids);
	return emails;
}

int
places_fill_after(struct store *st, const struct cohort *c, const struct participant *p,
    int64_t now, su_err *e)
{
	static const char *const sql = "SELECT x.session_id FROM expected x"
	    " JOIN session s ON s.id = x.session_id WHERE x.participant_id = ?1"
	    " AND s.starts_at > ?2 AND s.capacity > 0 AND s.cancelled_at IS NULL";
	const int64_t args[] = { p->id, now };
	struct session_list all = { NULL, 0 };
	int64_t *ids = NULL;
	size_t n = 0;
	int rc = -1;

	if (store_int64s(st, sql, args, ARRAY_SIZE(args), &ids, &n, e) < 0)
		goto out;
	if (n > 0 && session_list_all(st, c->id, &all, e) < 0)
		goto out;
	rc = 0;
	for (size_t k = 0; k < n && rc == 0; k++)
		for (size_t j = 0; j < all.n && rc == 0; j++)
			if (all.v[j].id == ids[k] && places_fill(st, c, &all.v[j], now, e) < 0)
				rc = -1;
out:
	session_list_free(&all);
	free(ids);
	return rc;
}

int
places_check(struct store *st, const struct session *s, const int64_t *with, size_t n,
    int held, su_err *e)
{
	static const char *const sql = "SELECT count(*) FROM participant p WHERE p.id = ?3"
	    " AND" HOLDS_PLACE;
	int taken = 0, rc;

	if (s->capacity <= 0)
		return 0;
	for (size_t k = 0; k < n; k++) {
		const int64_t args[] = { s->id, s->starts_at, with[k] };

		if ((rc = count_of(st, sql, args, ARRAY_SIZE(args), e)) < 0)
			return -1;
		taken += rc;
	}
	if (taken > s->capacity && taken > held)
		return su_err_set(e, "%d people would hold the session's %d place%s", taken,
		    s->capacity, s->capacity == 1 ? "" : "s");
	return 0;
}

int
places_everyone(struct store *st, const struct cohort *c, int64_t **with, size_t *n,
    su_err *e)
{
	static const char *const sql = "SELECT id FROM participant WHERE cohort_id = ?"
	    " AND status = 'active' ORDER BY id";
	int64_t *all = NULL;
	size_t m = 0;

	if (store_int64s(st, sql, &c->id, 1, &all, &m, e) < 0) {
		free(all);
		return -1;
	}
	*with = xrealloc(*with, (*n + m + 1) * sizeof **with);
	for (size_t k = 0; k < m; k++) {
		size_t i;

		for (i = 0; i < *n && (*with)[i] != all[k]; i++)
			;
		if (i == *n)
			(*with)[(*n)++] = all[k];
	}
	free(all);
	return 0;
}

int
places_collect(struct store *st, const struct roll *r, struct change_list *out, su_err *e)
{
	static const char *const sql = "SELECT w.id, w.session_id, w.participant_id"
	    " FROM waiting w JOIN session s ON s.id = w.session_id WHERE s.cohort_id = ?1"
	    " AND s.starts_at > ?2 AND w.placed_at IS NOT NULL ORDER BY w.id";
	const int64_t args[] = { r->cohort->id, r->now };
	sqlite3_stmt *stmt = store_stmt_bound(st, sql, args, ARRAY_SIZE(args), e);
	int rc;

	if (stmt == NULL)
		return -1;
	while ((rc = db_step_row(stmt, e)) == 1) {
		char key[64];
		size_t i, j;

		if (!idmap_get(&r->session_index, sqlite3_column_int64(stmt, 1), &j) ||
		    !idmap_get(&r->person_index, sqlite3_column_int64(stmt, 2), &i) ||
		    r->sessions.v[j].cancelled || roll_outcome(r, i, j) != OUTCOME_UPCOMING)
			continue;
		snprintf(key, sizeof key, "offered:%lld", sqlite3_column_int64(stmt, 0));
		changes_add(out, "place-offered", j, i, CHANGE_EVERYONE, key, NULL);
	}
	sqlite3_reset(stmt);
	return rc;
}
