/* changes.c - the changes people must be told of, each read from the record as it
 * stands: a session the coach called off, one moved, a partner's cancellation, and
 * (with invitations on) a place at a session to come.
 * One collector per kind of change; a new kind is one more collector in the table. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "showup/changes.h"
#include "showup/roll.h"

void
changes_add(struct change_list *l, const char *kind, size_t session, size_t only,
    size_t except, const char *key, const struct notice_change *what)
{
	struct change *c;

	l->v = xrealloc(l->v, (l->n + 1) * sizeof *l->v);
	c = &l->v[l->n++];
	memset(c, 0, sizeof *c);
	c->kind = kind;
	c->session = session;
	c->only = only;
	c->except = except;
	snprintf(c->key, sizeof c->key, "%s", key);
	if (what != NULL)
		c->what = *what;
}

/* Returns 1 if session column j has not started by the roll's now. */
static int
to_come(const struct roll *r, size_t j)
{
	return r->sessions.v[j].starts_at > r->now;
}

/* Sessions the coach called off: everyone expected hears, once per calling-off. */
static int
collect_cancelled_sessions(struct store *st, const struct roll *r, struct change_list *out,
    su_err *e)
{
	(void)st;
	(void)e;
	for (size_t j = 0; j < r->sessions.n; j++) {
		const struct session *s = &r->sessions.v[j];
		char key[64];

		if (!s->cancelled || !to_come(r, j))
			continue;
		snprintf(key, sizeof key, "cancelled:%lld:%lld", (long long)s->id,
		    (long long)s->cancelled_at);
		changes_add(out, "session-cancelled", j, CHANGE_EVERYONE, CHANGE_EVERYONE, key,
		    NULL);
	}
	return 0;
}

/*
 * Sessions the coach moved: one notice per session with its time now, told
 * against the time people last heard of (before the first move after the
 * last move told); keyed by the newest move, so a second move before the
 * batch supersedes the first, and a move back to that time tells nothing.
 */
static int
collect_moved_sessions(struct store *st, const struct roll *r, struct change_list *out,
    su_err *e)
{
	static const char *const sql =
		"SELECT m.session_id, max(m.id), (SELECT m2.old_starts_at FROM session_move m2"
		"   WHERE m2.session_id = m.session_id AND m2.id > coalesce((SELECT max(t.id)"
		"   FROM session_move t WHERE t.session_id = m.session_id AND EXISTS (SELECT 1"
		"   FROM outbox o WHERE o.change_key = 'moved:' || t.session_id || ':' || t.id"
		"   AND o.state = 'sent')), 0) ORDER BY m2.id LIMIT 1)"
		" FROM session_move m JOIN session s ON s.id = m.session_id"
		" WHERE s.cohort_id = ? AND s.starts_at > ? GROUP BY m.session_id";
	sqlite3_stmt *stmt = store_stmt(st, sql, e);
	int rc;

	if (stmt == NULL)
		return -1;
	db_bind_int(stmt, 1, r->cohort->id);
	db_bind_int(stmt, 2, r->now);
	while ((rc = db_step_row(stmt, e)) == 1) {
		struct notice_change what = { .old_starts_at = sqlite3_column_int64(stmt, 2) };
		size_t j;
		char key[64];

		if (!idmap_get(&r->session_index, sqlite3_column_int64(stmt, 0), &j) ||
		    r->sessions.v[j].cancelled || what.old_starts_at == 0 ||
		    what.old_starts_at == r->sessions.v[j].starts_at)
			continue;
		snprintf(key, sizeof key, "moved:%lld:%lld", sqlite3_column_int64(stmt, 0),
		    sqlite3_column_int64(stmt, 1));
		changes_add(out, "session-moved", j, CHANGE_EVERYONE, CHANGE_EVERYONE, key, &what);
	}
	sqlite3_reset(stmt);
	return rc;
}

/*
 * Cancellations at a coaching or practice session to come (a reschedule
 * records one too): the others expected there hear who will not come.
 */
static int
collect_partner_cancels(struct store *st, const struct roll *r, struct change_list *out,
    su_err *e)
{
	(void)st;
	(void)e;
	for (size_t j = 0; j < r->sessions.n; j++) {
		const struct session *s = &r->sessions.v[j];

		if (s->kind == SESSION_GROUP || s->cancelled || !to_come(r, j))
			continue;
		for (size_t i = 0; i < r->people.n; i++) {
			struct attendance buf;
			const struct attendance *a = roll_fact(r, i, j, &buf);
			struct notice_change what = { .partner_name = r->people.v[i].name };
			char key[64];

			if (a == NULL || a->fact != FACT_CANCELLED ||
			    roll_outcome(r, i, j) == OUTCOME_NOT_EXPECTED)
				continue;
			snprintf(key, sizeof key, "partner:%lld:%lld", (long long)s->id,
			    (long long)r->people.v[i].id);
			changes_add(out, "partner-cancelled", j, CHANGE_EVERYONE, i, key, &what);
		}
	}
	return 0;
}

/*
 * With invitations on: each session to come, to everyone expected there who
 * has had none, so a person put on a session's list later gets theirs then.
 */
static int
collect_invitations(struct store *st, const struct roll *r, struct change_list *out,
    su_err *e)
{
	(void)st;
	(void)e;
	for (size_t j = 0; r->policy.invitations && j < r->sessions.n; j++) {
		char key[64];

		if (r->sessions.v[j].cancelled || !to_come(r, j))
			continue;
		snprintf(key, sizeof key, "invite:%lld", (long long)r->sessions.v[j].id);
		changes_add(out, "session-invitation", j, CHANGE_EVERYONE, CHANGE_EVERYONE, key,
		    NULL);
	}
	return 0;
}

/*
 * Every kind of change told. A reschedule (a participant moving their place)
 * adds its place-moved notice here: a collector that reads each reschedule to
 * a session to come and calls
 *   changes_add(out, "place-moved", <the new session's column>, <the person's
 *       row>, CHANGE_EVERYONE, "place:<reschedule id>", &(struct notice_change){
 *       .old_starts_at = <the old session's start> });
 * its cancellation of the old place is told to partners by collect_partner_cancels.
 */
static int (*const collectors[])(struct store *, const struct roll *, struct change_list *,
    su_err *) = {
	collect_cancelled_sessions,
	collect_moved_sessions,
	collect_partner_cancels,
	collect_invitations,
};

/* Orders changes by key, for changes_find. */
static int
by_key(const void *a, const void *b)
{
	return strcmp(((const struct change *)a)->key, ((const struct change *)b)->key);
}

int
changes_collect(struct store *st, const struct roll *r, struct change_list *out, su_err *e)
{
	memset(out, 0, sizeof *out);
	for (size_t k = 0; k < ARRAY_SIZE(collectors); k++)
		if (collectors[k](st, r, out, e) < 0) {
			changes_free(out);
			return -1;
		}
	if (out->n > 1)
		qsort(out->v, out->n, sizeof *out->v, by_key);
	return 0;
}

const struct change *
changes_find(const struct change_list *l, const char *key)
{
	struct change probe;

	snprintf(probe.key, sizeof probe.key, "%s", key);
	return l->n ? bsearch(&probe, l->v, l->n, sizeof *l->v, by_key) : NULL;
}

int
change_tells(const struct roll *r, const struct change *c, size_t i)
{
	enum outcome o = roll_outcome(r, i, c->session);

	if (c->only != CHANGE_EVERYONE)
		return i == c->only;
	return i != c->except && (o == OUTCOME_UPCOMING || o == OUTCOME_NOT_HELD);
}

void
changes_free(struct change_list *l)
{
	free(l->v);
	memset(l, 0, sizeof *l);
}
