/* SPDX-License-Identifier: Apache-2.0 */
/* exits.c - what people hear when someone leaves or a place goes, read from the record
 * as it stands: the leaver's confirmation with their calendar cleared, the partners
 * they leave, a refund offered by hand or declined, a place taken off a session's
 * list, someone put on a pair; and the sessions a leaver left with one person. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "showup/changes.h"
#include "showup/exits.h"
#include "showup/roll.h"
#include "store-private.h"

/* The kinds whose calendar part takes a session out (notice_kinds[]: cancels_entry). */
#define CANCELLING "('place-left', 'place-removed', 'session-cancelled')"
/* Of the sent rows 'o' grouped by session and person: the last that put the session in
 * the calendar and the last that took it out; HELD keeps the groups it is in still. */
#define PUT_TAKEN "max(CASE WHEN o.kind NOT IN " CANCELLING " THEN o.id END) AS put," \
	" max(CASE WHEN o.kind IN " CANCELLING " THEN o.id END) AS taken"
#define HELD " HAVING put IS NOT NULL AND (taken IS NULL OR taken < put)"

/* Returns the store's statement 'sql' with ?1 bound to roll r's cohort, ?2 to its now; NULL. */
static sqlite3_stmt *
cohort_stmt(struct store *st, const char *sql, const struct roll *r, su_err *e)
{
	sqlite3_stmt *stmt = store_stmt(st, sql, e);

	if (stmt != NULL) {
		db_bind_int(stmt, 1, r->cohort->id);
		db_bind_int(stmt, 2, r->now);
	}
	return stmt;
}

/* Returns 1 if session column j has not started by the roll's now. */
static int
to_come(const struct roll *r, size_t j)
{
	return r->sessions.v[j].starts_at > r->now;
}

/* Returns 1 if person row i withdrew lately (within EXIT_TELL_DAYS): they and theirs hear. */
static int
left_lately(const struct roll *r, size_t i)
{
	const struct participant *p = &r->people.v[i];

	return p->status == PARTICIPANT_WITHDRAWN &&
	    p->withdrawn_at >= r->now - (int64_t)EXIT_TELL_DAYS * 86400;
}

/* Sets *cents to the refund person p accepted when they withdrew (-1: none); 0 or -1. */
static int
refund_taken(struct store *st, const struct participant *p, int64_t *cents, su_err *e)
{
	static const char *const sql = "SELECT amount_cents FROM refund_offer"
	    " WHERE participant_id = ? AND state = 'accepted' AND decided_at = ?"
	    " ORDER BY id DESC LIMIT 1";
	sqlite3_stmt *stmt = store_stmt(st, sql, e);
	int rc;

	*cents = -1;
	if (stmt == NULL)
		return -1;
	db_bind_int(stmt, 1, p->id);
	db_bind_int(stmt, 2, p->withdrawn_at);
	if ((rc = db_step_row(stmt, e)) == 1)
		*cents = sqlite3_column_int64(stmt, 0);
	sqlite3_reset(stmt);
	return rc < 0 ? -1 : 0;
}

/*
 * Each leaver's confirmation, once per withdrawal (reinstated: none): the
 * refund they accepted, if that is how they left; its planner adds the
 * calendar CANCELs (exits_calendar_sessions).
 */
static int
collect_leavers(struct store *st, const struct roll *r, struct change_list *out, su_err *e)
{
	for (size_t i = 0; i < r->people.n; i++) {
		const struct participant *p = &r->people.v[i];
		struct notice_change what = { .refund_cents = -1 };
		char key[64];

		if (!left_lately(r, i))
			continue;
		if (refund_taken(st, p, &what.refund_cents, e) < 0)
			return -1;
		snprintf(key, sizeof key, "exit:%lld:%lld", (long long)p->id,
		    (long long)p->withdrawn_at);
		changes_add(out, what.refund_cents >= 0 ? "refund-accepted"
		    : "withdrawal-confirmed", CHANGE_NO_SESSION, i, CHANGE_EVERYONE, key, &what);
	}
	return 0;
}

/* What one person's calendar holds of a session, by the notices sent them. */
struct seen {
	int64_t held;		/* the last notice that put it there, if still there; else 0 */
	int64_t taken;		/* the last that took it out (0: none) */
	int64_t since;		/* when the first that put it there went (0: none) */
};

/* Fills v[] (one per person row) with what each calendar holds of session column j; 0 or -1. */
static int
calendar_of_session(struct store *st, const struct roll *r, size_t j, struct seen *v,
    su_err *e)
{
	static const char *const sql = "SELECT o.participant_id, " PUT_TAKEN ","
	    " min(CASE WHEN o.kind NOT IN " CANCELLING " THEN o.sent_at END) FROM outbox o"
	    " WHERE o.session_id = ? AND o.state = 'sent' GROUP BY o.participant_id";
	sqlite3_stmt *stmt = store_stmt(st, sql, e);
	int rc;

	memset(v, 0, r->people.n * sizeof *v);
	if (stmt == NULL)
		return -1;
	db_bind_int(stmt, 1, r->sessions.v[j].id);
	while ((rc = db_step_row(stmt, e)) == 1) {
		int64_t put = sqlite3_column_int64(stmt, 1), out = sqlite3_column_int64(stmt, 2);
		size_t i;

		if (idmap_get(&r->person_index, sqlite3_column_int64(stmt, 0), &i))
			v[i] = (struct seen){ put > out ? put : 0, out, sqlite3_column_int64(stmt, 3) };
	}
	sqlite3_reset(stmt);
	return rc;
}

/*
 * Tells the others still expected at session column j that leaver row i will
 * not be there: each whose calendar held it before the withdrawal, or, when
 * none did, each whose calendar does not hold it yet (someone invited since
 * had an invitation without the leaver in it).
 */
static void
tell_left(const struct roll *r, size_t i, size_t j, const struct seen *v,
    struct change_list *out)
{
	const struct participant *p = &r->people.v[i];
	struct notice_change what = { .partner_name = p->name };
	int any = 0;

	for (size_t k = 0; k < r->people.n; k++)
		any |= v[k].held != 0 && v[k].since < p->withdrawn_at;
	for (size_t k = 0; k < r->people.n; k++) {
		int knew = v[k].held != 0 && v[k].since < p->withdrawn_at;
		char key[64];

		if (k == i || roll_outcome(r, k, j) != OUTCOME_UPCOMING ||
		    (any ? !knew : v[k].held != 0))
			continue;
		snprintf(key, sizeof key, "gone:%lld:%lld:%lld:%lld",
		    (long long)r->sessions.v[j].id, (long long)p->id,
		    (long long)p->withdrawn_at, (long long)r->people.v[k].id);
		changes_add(out, "partner-left", j, k, CHANGE_EVERYONE, key, &what);
	}
}

/* The others at each coaching or practice session to come a leaver was on (tell_left). */
static int
collect_partners_left(struct store *st, const struct roll *r, struct change_list *out,
    su_err *e)
{
	struct seen *v = xcalloc(r->people.n + 1, sizeof *v);
	int rc = 0;

	for (size_t i = 0; rc == 0 && i < r->people.n; i++) {
		const struct participant *p = &r->people.v[i];

		for (size_t j = 0; rc == 0 && left_lately(r, i) && j < r->sessions.n; j++) {
			const struct session *s = &r->sessions.v[j];

			if (s->kind == SESSION_GROUP || s->cancelled || !to_come(r, j) ||
			    !r->named[i * r->sessions.n + j] || s->starts_at < p->withdrawn_at)
				continue;
			if ((rc = calendar_of_session(st, r, j, v, e)) == 0)
				tell_left(r, i, j, v, out);
		}
	}
	free(v);
	return rc;
}

/* Returns 1 if person row i has a ladder step due now that carries a refund offer. */
static int
offer_step_due(const struct roll *r, size_t i)
{
	int k = roll_person(r, i)->step_due;

	return k >= 0 && policy_offer_step(&r->policy, k) && r->policy.refund != REFUND_NONE;
}

/*
 * Refund offers made by hand and still open, each told once, unless a ladder
 * notice with an offer in it is due, on its way or went since (one offer
 * reaches a person); and offers declined lately, each confirmed once.
 */
static int
collect_refunds(struct store *st, const struct roll *r, struct change_list *out, su_err *e)
{
	static const char *const sql =
		"SELECT o.id, o.participant_id, o.amount_cents, o.expires_at, o.state = 'open'"
		" FROM refund_offer o WHERE o.cohort_id = ?1 AND ((o.state = 'open'"
		" AND o.origin = 'manual' AND o.expires_at > ?2 AND NOT EXISTS (SELECT 1"
		"   FROM outbox x WHERE x.participant_id = o.participant_id"
		"   AND x.refund_cents IS NOT NULL AND (x.state IN ('pending', 'retry',"
		"   'sending', 'unknown') OR (x.state = 'sent' AND x.sent_at >= o.offered_at))))"
		" OR (o.state = 'declined' AND o.decided_at >= ?3)) ORDER BY o.id";
	sqlite3_stmt *stmt = cohort_stmt(st, sql, r, e);
	int rc;

	if (stmt == NULL)
		return -1;
	db_bind_int(stmt, 3, r->now - (int64_t)EXIT_TELL_DAYS * 86400);
	while ((rc = db_step_row(stmt, e)) == 1) {
		int open = sqlite3_column_int(stmt, 4);
		struct notice_change what = { .refund_cents = sqlite3_column_int64(stmt, 2),
			.refund_until = sqlite3_column_int64(stmt, 3) };
		char key[64];
		size_t i;

		if (!idmap_get(&r->person_index, sqlite3_column_int64(stmt, 1), &i) ||
		    (open && (r->people.v[i].status != PARTICIPANT_ACTIVE || offer_step_due(r, i))))
			continue;
		snprintf(key, sizeof key, "%s:%lld", open ? "offer" : "declined",
		    sqlite3_column_int64(stmt, 0));
		changes_add(out, open ? "refund-offered" : "refund-declined", CHANGE_NO_SESSION, i,
		    CHANGE_EVERYONE, key, &what);
	}
	sqlite3_reset(stmt);
	return rc;
}

/*
 * Places the coach took off a coaching or practice session to come, or one
 * with places (session edit --without), from someone still in the program
 * whose calendar holds it: they hear, with the entry cancelled; once per
 * entry their calendar got.
 * (A place moved away by a reschedule: changes.c's place-left tells it.)
 */
static int
collect_places_removed(struct store *st, const struct roll *r, struct change_list *out,
    su_err *e)
{
	static const char *const sql =
		"SELECT o.session_id, o.participant_id, " PUT_TAKEN " FROM session s"
		" JOIN outbox o ON o.session_id = s.id WHERE s.cohort_id = ?1"
		" AND s.starts_at > ?2 AND (s.kind <> 'group' OR s.capacity > 0)"
		" AND o.state = 'sent'"
		" AND NOT EXISTS (SELECT 1 FROM expected e WHERE e.session_id = s.id"
		"   AND e.participant_id = o.participant_id)"
		" AND NOT EXISTS (SELECT 1 FROM reschedule x WHERE x.from_session_id = s.id"
		"   AND x.participant_id = o.participant_id AND x.replaced_at IS NULL)"
		" GROUP BY o.session_id, o.participant_id" HELD " ORDER BY o.session_id";
	sqlite3_stmt *stmt = cohort_stmt(st, sql, r, e);
	int rc;

	if (stmt == NULL)
		return -1;
	while ((rc = db_step_row(stmt, e)) == 1) {
		char key[64];
		size_t i, j;

		if (!idmap_get(&r->session_index, sqlite3_column_int64(stmt, 0), &j) ||
		    !idmap_get(&r->person_index, sqlite3_column_int64(stmt, 1), &i) ||
		    r->people.v[i].status != PARTICIPANT_ACTIVE)
			continue;	/* a leaver: their confirmation cancels it */
		snprintf(key, sizeof key, "removed:%lld:%lld:%lld", sqlite3_column_int64(stmt, 0),
		    sqlite3_column_int64(stmt, 1), sqlite3_column_int64(stmt, 2));
		changes_add(out, "place-removed", j, i, CHANGE_EVERYONE, key, NULL);
	}
	sqlite3_reset(stmt);
	return rc;
}

/*
 * Tells each other person still expected at session column j whose calendar
 * held it before person row x was put on it (at 'added', by place_added row
 * 'id') that x joins them.
 */
static void
tell_joined(const struct roll *r, size_t j, size_t x, int64_t id, int64_t added,
    const struct seen *v, struct change_list *out)
{
	struct notice_change what = { .partner_name = r->people.v[x].name };

	for (size_t i = 0; i < r->people.n; i++) {
		char key[64];

		if (i == x || v[i].held == 0 || v[i].since >= added ||
		    roll_outcome(r, i, j) != OUTCOME_UPCOMING)
			continue;
		snprintf(key, sizeof key, "joined:%lld:%lld", (long long)id,
		    (long long)r->people.v[i].id);
		changes_add(out, "partner-added", j, i, CHANGE_EVERYONE, key, &what);
	}
}

/*
 * People the coach put on a coaching or practice session to come (session
 * edit --with) who are still expected there: the others told of it before
 * hear who joins them, once per joining (tell_joined).
 */
static int
collect_partners_added(struct store *st, const struct roll *r, struct change_list *out,
    su_err *e)
{
	static const char *const sql = "SELECT a.id, a.session_id, a.participant_id,"
	    " a.added_at FROM place_added a JOIN session s ON s.id = a.session_id"
	    " WHERE s.cohort_id = ?1 AND s.starts_at > ?2 ORDER BY a.session_id, a.id";
	struct seen *v = xcalloc(r->people.n + 1, sizeof *v);
	sqlite3_stmt *stmt = cohort_stmt(st, sql, r, e);
	size_t loaded = CHANGE_NO_SESSION;
	int rc = -1;

	while (stmt != NULL && (rc = db_step_row(stmt, e)) == 1) {
		size_t j, x;

		if (!idmap_get(&r->session_index, sqlite3_column_int64(stmt, 1), &j) ||
		    !idmap_get(&r->person_index, sqlite3_column_int64(stmt, 2), &x) ||
		    r->sessions.v[j].kind == SESSION_GROUP || r->sessions.v[j].cancelled ||
		    roll_outcome(r, x, j) != OUTCOME_UPCOMING)
			continue;
		if (loaded != j && calendar_of_session(st, r, j, v, e) < 0) {
			rc = -1;
			break;
		}
		loaded = j;
		tell_joined(r, j, x, sqlite3_column_int64(stmt, 0),
		    sqlite3_column_int64(stmt, 3), v, out);
	}
	if (stmt != NULL)
		sqlite3_reset(stmt);
	free(v);
	return rc;
}

int
exits_collect(struct store *st, const struct roll *r, struct change_list *out, su_err *e)
{
	static int (*const collectors[])(struct store *, const struct roll *,
	    struct change_list *, su_err *) = {
		collect_leavers, collect_partners_left, collect_refunds, collect_places_removed,
		collect_partners_added,
	};

	for (size_t k = 0; k < ARRAY_SIZE(collectors); k++)
		if (collectors[k](st, r, out, e) < 0)
			return -1;
	return 0;
}

/* Orders session columns by time (the roll's order). */
static int
by_column(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;

	return x < y ? -1 : x > y;
}

int
exits_calendar_sessions(struct store *st, const struct roll *r, size_t i, size_t **cols,
    size_t *n, su_err *e)
{
	static const char *const sql = "SELECT o.session_id, " PUT_TAKEN " FROM outbox o"
	    " WHERE o.participant_id = ? AND o.session_id IS NOT NULL AND o.state = 'sent'"
	    " GROUP BY o.session_id" HELD;
	sqlite3_stmt *stmt = store_stmt(st, sql, e);
	int rc;

	*cols = xcalloc(r->sessions.n + 1, sizeof **cols);
	*n = 0;
	if (stmt == NULL)
		return -1;
	db_bind_int(stmt, 1, r->people.v[i].id);
	while ((rc = db_step_row(stmt, e)) == 1) {
		size_t j;

		if (idmap_get(&r->session_index, sqlite3_column_int64(stmt, 0), &j) &&
		    to_come(r, j) && roll_outcome(r, i, j) == OUTCOME_NOT_EXPECTED)
			(*cols)[(*n)++] = j;
	}
	sqlite3_reset(stmt);
	if (*n > 1)
		qsort(*cols, *n, sizeof **cols, by_column);
	return rc;
}

/* Returns 1 if the coach moved session s or changed its length or place after 'since'; 0/-1. */
static int
decided_since(struct store *st, const struct session *s, int64_t since, su_err *e)
{
	static const char *const sql =
		"SELECT 1 WHERE EXISTS (SELECT 1 FROM session_move WHERE session_id = ?1"
		" AND moved_at > ?2) OR EXISTS (SELECT 1 FROM session_change"
		" WHERE session_id = ?1 AND changed_at > ?2)";
	const int64_t args[] = { s->id, since };

	return store_exists(st, sql, args, ARRAY_SIZE(args), e);
}

/*
 * Finds session column j's one person still expected (*stays) and a leaver
 * on its list who withdrew before it (*left, the latest such); 1 if both are
 * there and no more than one stays, else 0.
 */
static int
alone_at(const struct roll *r, size_t j, size_t *stays, size_t *left)
{
	const struct session *s = &r->sessions.v[j];
	size_t expected = 0;
	int64_t latest = 0;

	for (size_t i = 0; i < r->people.n; i++) {
		const struct participant *p = &r->people.v[i];

		if (roll_outcome(r, i, j) == OUTCOME_UPCOMING) {
			expected++;
			*stays = i;
		} else if (r->named[i * r->sessions.n + j] && p->status == PARTICIPANT_WITHDRAWN &&
		    p->withdrawn_at <= s->starts_at && p->withdrawn_at >= latest) {
			latest = p->withdrawn_at;
			*left = i;
		}
	}
	return expected == 1 && latest > 0;
}

int
exits_left_alone(struct store *st, const struct roll *r, struct left_alone_list *out,
    su_err *e)
{
	memset(out, 0, sizeof *out);
	for (size_t j = 0; j < r->sessions.n; j++) {
		const struct session *s = &r->sessions.v[j];
		size_t stays = 0, left = 0;
		int rc;

		if (s->kind != SESSION_PRACTICE || s->cancelled || !to_come(r, j) ||
		    !alone_at(r, j, &stays, &left))
			continue;
		if ((rc = decided_since(st, s, r->people.v[left].withdrawn_at, e)) < 0) {
			left_alone_list_free(out);
			return -1;
		}
		if (rc == 1)
			continue;	/* the coach saw to it */
		out->v = xrealloc(out->v, (out->n + 1) * sizeof *out->v);
		out->v[out->n++] = (struct left_alone){ j, stays, left };
	}
	return 0;
}

void
left_alone_list_free(struct left_alone_list *l)
{
	free(l->v);
	memset(l, 0, sizeof *l);
}
