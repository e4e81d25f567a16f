/* SPDX-License-Identifier: Apache-2.0 */
/* changes.c - the changes people must be told of, each read from the record as it
 * stands: a session the coach called off or changed, a partner's cancellation, a
 * place moved on request, a place given up that a calendar holds, and (with
 * invitations on) a place at a session to come.
 * One collector per kind of change; a new kind is one more collector in the table. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "showup/changes.h"
#include "showup/exits.h"
#include "showup/places.h"
#include "showup/roll.h"
#include "store-private.h"

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

/* Sets newest[0] and newest[1] to the ids of session sid's newest move and change (0: none). */
static int
newest_changes(struct store *st, int64_t sid, int64_t newest[2], su_err *e)
{
	static const char *const sql =
		"SELECT (SELECT coalesce(max(id), 0) FROM session_move WHERE session_id = ?1),"
		" (SELECT coalesce(max(id), 0) FROM session_change WHERE session_id = ?1)";
	sqlite3_stmt *stmt = store_stmt(st, sql, e);
	int rc;

	if (stmt == NULL)
		return -1;
	db_bind_int(stmt, 1, sid);
	if ((rc = db_step_row(stmt, e)) == 1) {
		newest[0] = sqlite3_column_int64(stmt, 0);
		newest[1] = sqlite3_column_int64(stmt, 1);
	}
	sqlite3_reset(stmt);
	return rc < 0 ? -1 : 0;
}

/* The last move and change of session 'sid' its people were told of (0: none); 0 or -1. */
static int
last_told(struct store *st, int64_t sid, int64_t *move, int64_t *change, su_err *e)
{
	static const char *const sql = "SELECT change_key FROM outbox WHERE session_id = ?"
	    " AND kind = 'session-moved' AND state = 'sent'";
	sqlite3_stmt *stmt = store_stmt(st, sql, e);
	long long m, c;
	int rc;

	*move = *change = 0;
	if (stmt == NULL)
		return -1;
	db_bind_int(stmt, 1, sid);
	while ((rc = db_step_row(stmt, e)) == 1)
		if (sscanf((const char *)sqlite3_column_text(stmt, 0), "moved:%*d:%lld:%lld", &m,
		    &c) == 2) {
			*move = m > *move ? m : *move;
			*change = c > *change ? c : *change;
		}
	sqlite3_reset(stmt);
	return rc;
}

/*
 * Fills 'what' with session s as its people last heard of it: the old start
 * (before the first move since the last one told), length and place (before
 * the first change since), each left 0 or NULL where it is the same now.
 */
static int
told_state(struct store *st, const struct session *s, int64_t move, int64_t change,
    struct notice_change *what, su_err *e)
{
	static const char *const sql =
		"SELECT (SELECT old_starts_at FROM session_move WHERE session_id = ?1 AND id > ?2"
		"   ORDER BY id LIMIT 1), (SELECT old_minutes FROM session_change"
		"   WHERE session_id = ?1 AND id > ?3 ORDER BY id LIMIT 1), (SELECT old_location"
		"   FROM session_change WHERE session_id = ?1 AND id > ?3 ORDER BY id LIMIT 1)";
	sqlite3_stmt *stmt = store_stmt(st, sql, e);
	int rc;

	if (stmt == NULL)
		return -1;
	db_bind_int(stmt, 1, s->id);
	db_bind_int(stmt, 2, move);
	db_bind_int(stmt, 3, change);
	if ((rc = db_step_row(stmt, e)) == 1) {
		const char *place = (const char *)sqlite3_column_text(stmt, 2);

		what->old_starts_at = sqlite3_column_int64(stmt, 0);
		what->old_minutes = sqlite3_column_int(stmt, 1);
		if (what->old_starts_at == s->starts_at)
			what->old_starts_at = 0;
		if (what->old_minutes == s->minutes)
			what->old_minutes = 0;
		if (place != NULL && strcmp(place, s->location) != 0)
			what->old_location = xstrdup(place);
	}
	sqlite3_reset(stmt);
	return rc < 0 ? -1 : 0;
}

/* Returns 1 if 1:1 session s is at the time its person asked to move it to; 0, or -1. */
static int
moved_by_its_person(struct store *st, const struct session *s, su_err *e)
{
	static const char *const sql = "SELECT 1 FROM reschedule WHERE from_session_id = ?"
	    " AND whole_session = 1 AND undone_at IS NULL AND to_starts_at = ? LIMIT 1";
	const int64_t args[] = { s->id, s->starts_at };

	return store_exists(st, sql, args, ARRAY_SIZE(args), e);
}

/*
 * Sessions the coach moved, made longer or shorter, or took elsewhere: one
 * notice per session with how it is now, told against how people last heard
 * of it; keyed by its newest move and change, so a second change before the
 * batch supersedes the first, and a change undone before it tells nothing.
 */
static int
collect_changed_sessions(struct store *st, const struct roll *r, struct change_list *out,
    su_err *e)
{
	for (size_t j = 0; j < r->sessions.n; j++) {
		const struct session *s = &r->sessions.v[j];
		struct notice_change what = { 0 };
		int64_t move, change, newest[2] = { 0, 0 };
		char key[64];
		int rc;

		if (s->cancelled || !to_come(r, j))
			continue;
		if (newest_changes(st, s->id, newest, e) < 0 ||
		    last_told(st, s->id, &move, &change, e) < 0 ||
		    told_state(st, s, move, change, &what, e) < 0)
			return -1;
		if (what.old_starts_at == 0 && what.old_minutes == 0 && what.old_location == NULL)
			continue;
		if (what.old_minutes == 0 && what.old_location == NULL &&
		    (rc = moved_by_its_person(st, s, e)) != 0) {
			if (rc < 0)
				return -1;
			continue;	/* its person asked: place-moved tells them */
		}
		snprintf(key, sizeof key, "moved:%lld:%lld:%lld", (long long)s->id,
		    (long long)newest[0], (long long)newest[1]);
		changes_add(out, "session-moved", j, CHANGE_EVERYONE, CHANGE_EVERYONE, key, &what);
	}
	return 0;
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
			/* each cancellation its own: one taken back and made again is told again */
			snprintf(key, sizeof key, "partner:%lld:%lld:%lld", (long long)s->id,
			    (long long)r->people.v[i].id, (long long)a->cancelled_at);
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
 * Sets what->old_starts_at of a 1:1 its person moved whole to the start they
 * last heard of, when the coach moved it before without telling; 0 or -1.
 */
static int
heard_start(struct store *st, const struct session *s, struct notice_change *what, su_err *e)
{
	struct notice_change told = { 0 };
	int64_t move, change;

	if (last_told(st, s->id, &move, &change, e) < 0 ||
	    told_state(st, s, move, change, &told, e) < 0)
		return -1;
	if (told.old_starts_at != 0)
		what->old_starts_at = told.old_starts_at;
	free(told.old_location);
	return 0;
}

/* Returns 1 if a notice sent to person p put session s in their calendar; 0, or -1. */
static int
in_calendar(struct store *st, int64_t session_id, int64_t participant_id, su_err *e)
{
	static const char *const sql = "SELECT 1 FROM outbox WHERE session_id = ?"
	    " AND participant_id = ? AND state = 'sent' AND kind <> 'place-left' LIMIT 1";
	const int64_t args[] = { session_id, participant_id };

	return store_exists(st, sql, args, ARRAY_SIZE(args), e);
}

/* Adds a place-left of person i at session j (given up at 'at') if their calendar holds it; 0 or -1. */
static int
left_place(struct store *st, const struct roll *r, size_t i, size_t j, int64_t at,
    struct change_list *out, su_err *e)
{
	char key[64];
	int rc = in_calendar(st, r->sessions.v[j].id, r->people.v[i].id, e);

	if (rc <= 0)
		return rc;
	snprintf(key, sizeof key, "left:%lld:%lld:%lld", (long long)r->sessions.v[j].id,
	    (long long)r->people.v[i].id, (long long)at);
	changes_add(out, "place-left", j, i, CHANGE_EVERYONE, key, NULL);
	return 0;
}

/*
 * Places moved at a participant's request (showup reschedule): the person
 * hears their new place confirmed, against the start they left, while it is
 * to come and they are still expected there; a partner moved along with a
 * practice session hears whose request it was, and has the old one taken out
 * of their calendar; a 1:1 moved back (unmark) after its person heard of the
 * move is told back. (The one who asked left theirs by a cancellation:
 * collect_partner_cancels and collect_places_left tell of it.)
 */
/* The place moves one collection told of a person and session so far: the newest each. */
struct place_chain {
	struct link { size_t person, session, at; int told; } *v;	/* at: its index in out */
	size_t n;
	size_t first;		/* out's length before this collector added any */
};

/*
 * Adds place-moved change 'key' of person i at session j to out, told against
 * 'what' (told: its notice went already). A notice of the same place that has
 * not gone is superseded by it: only the net change is told, against what the
 * person last heard (a move undone and made again before the batch: "moved from"
 * the time they were told, not two notices that contradict each other). A
 * move back ("back:") says what it undoes itself. Marks the superseded one
 * (its kind NULL) for changes_prune.
 */
static void
add_place_move(const struct roll *r, struct place_chain *ch, size_t i, size_t j,
    const char *key, struct notice_change what, int told, struct change_list *out)
{
	size_t k = 0;
	int net = 0;		/* it stands for a notice not sent too */

	while (k < ch->n && (ch->v[k].person != i || ch->v[k].session != j))
		k++;
	if (k < ch->n && !ch->v[k].told) {
		struct change *prev = &out->v[ch->v[k].at];

		if (strncmp(key, "back:", 5) != 0)
			what.old_starts_at = prev->what.old_starts_at;
		prev->kind = NULL;
		net = 1;
	}
	if (k == ch->n) {
		ch->v = xrealloc(ch->v, (ch->n + 1) * sizeof *ch->v);
		ch->n++;
	}
	ch->v[k] = (struct link){ i, j, out->n, told };
	changes_add(out, "place-moved", j, i, CHANGE_EVERYONE, key, &what);
	if (net && !told && what.old_starts_at == r->sessions.v[j].starts_at)
		out->v[out->n - 1].kind = NULL;	/* back where they were told it is */
}

/* Takes the changes marked superseded (kind NULL) from out[from..]. */
static void
changes_prune(struct change_list *out, size_t from)
{
	size_t n = from;

	for (size_t k = from; k < out->n; k++)
		if (out->v[k].kind != NULL)
			out->v[n++] = out->v[k];
		else
			free(out->v[k].what.old_location);
	out->n = n;
}

static int
collect_place_moves(struct store *st, const struct roll *r, struct change_list *out,
    su_err *e)
{
	static const char *const sql =
		"SELECT x.id, x.participant_id, x.to_session_id, x.from_starts_at, x.moved_with,"
		" x.whole_session, x.from_session_id, x.asked_at, x.undone_at, x.to_starts_at,"
		" EXISTS (SELECT 1 FROM outbox o WHERE o.participant_id = x.participant_id"
		"   AND o.change_key = 'place:' || x.id AND o.state = 'sent'),"
		" EXISTS (SELECT 1 FROM outbox o WHERE o.participant_id = x.participant_id"
		"   AND o.change_key = 'back:' || x.id AND o.state = 'sent') FROM reschedule x"
		" JOIN session s ON s.id = x.to_session_id WHERE s.cohort_id = ?"
		" AND x.replaced_at IS NULL AND (s.starts_at > ?2 OR x.from_starts_at > ?2)"
		" ORDER BY x.id";
	sqlite3_stmt *stmt = store_stmt(st, sql, e);
	struct place_chain chain = { NULL, 0, out->n };
	int rc;

	if (stmt == NULL)
		return -1;
	db_bind_int(stmt, 1, r->cohort->id);
	db_bind_int(stmt, 2, r->now);
	while ((rc = db_step_row(stmt, e)) == 1) {
		struct notice_change what = { .old_starts_at = sqlite3_column_int64(stmt, 3) };
		size_t i, j, by;
		char key[64];

		if (!idmap_get(&r->person_index, sqlite3_column_int64(stmt, 1), &i))
			continue;
		if (idmap_get(&r->person_index, sqlite3_column_int64(stmt, 4), &by)) {
			what.partner_name = r->people.v[by].name;	/* moved along */
			if (idmap_get(&r->session_index, sqlite3_column_int64(stmt, 6), &j) &&
			    to_come(r, j) && !r->sessions.v[j].cancelled &&
			    left_place(st, r, i, j, sqlite3_column_int64(stmt, 7), out, e) < 0) {
				rc = -1;
				break;
			}
		}
		if (!idmap_get(&r->session_index, sqlite3_column_int64(stmt, 2), &j) ||
		    roll_outcome(r, i, j) != OUTCOME_UPCOMING)
			continue;
		if (sqlite3_column_type(stmt, 8) != SQLITE_NULL) {	/* a 1:1 moved back */
			if (!sqlite3_column_int(stmt, 10))
				continue;	/* never told of the move: nothing to take back */
			what.old_starts_at = sqlite3_column_int64(stmt, 9);
			snprintf(key, sizeof key, "back:%lld", sqlite3_column_int64(stmt, 0));
			add_place_move(r, &chain, i, j, key, what, sqlite3_column_int(stmt, 11),
			    out);
			continue;
		}
		if (sqlite3_column_int(stmt, 5) && heard_start(st, &r->sessions.v[j], &what,
		    e) < 0) {
			rc = -1;
			break;
		}
		snprintf(key, sizeof key, "place:%lld", sqlite3_column_int64(stmt, 0));
		add_place_move(r, &chain, i, j, key, what, sqlite3_column_int(stmt, 10), out);
	}
	sqlite3_reset(stmt);
	changes_prune(out, chain.first);
	free(chain.v);
	return rc;
}

/*
 * Places given up at a session to come (a cancellation, a reschedule away) by
 * someone whose calendar holds it from a notice sent: they hear it is given up,
 * with the entry cancelled. (Partners moved along: collect_place_moves.)
 */
static int
collect_places_left(struct store *st, const struct roll *r, struct change_list *out,
    su_err *e)
{
	for (size_t j = 0; j < r->sessions.n; j++) {
		const struct session *s = &r->sessions.v[j];

		if (s->cancelled || !to_come(r, j))
			continue;
		for (size_t i = 0; i < r->people.n; i++) {
			struct attendance buf;
			const struct attendance *a = roll_fact(r, i, j, &buf);

			if (a != NULL && a->fact == FACT_CANCELLED &&
			    left_place(st, r, i, j, a->cancelled_at, out, e) < 0)
				return -1;
		}
	}
	return 0;
}

/* Every kind of change told: a new kind is one more collector here. */
static int (*const collectors[])(struct store *, const struct roll *, struct change_list *,
    su_err *) = {
	collect_cancelled_sessions,
	collect_changed_sessions,
	collect_partner_cancels,
	collect_place_moves,
	collect_places_left,
	collect_invitations,
	places_collect,		/* places.c: a place given from the waiting list */
	exits_collect,		/* exits.c: leavers, refunds, places taken off or given */
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
	struct change probe = { 0 };

	snprintf(probe.key, sizeof probe.key, "%s", key);
	return l->n ? bsearch(&probe, l->v, l->n, sizeof *l->v, by_key) : NULL;
}

/* Returns 1 if 'kind' is one of the kinds 'names' lists, separated by spaces. */
static int
kind_listed(const char *names, const char *kind)
{
	size_t n = strlen(kind);

	for (const char *w = names; *w != '\0'; w += strcspn(w, " "), w += *w == ' ')
		if (strncmp(w, kind, n) == 0 && (w[n] == '\0' || w[n] == ' '))
			return 1;
	return 0;
}

/* Returns 1 if person row i hears of session column j by a change of a kind 'kinds' lists. */
static int
told_by(const struct roll *r, const struct change_list *l, const char *kinds, size_t j,
    size_t i)
{
	for (size_t k = 0; k < l->n; k++)
		if (l->v[k].session == j && kind_listed(kinds, l->v[k].kind) &&
		    change_tells(r, l, &l->v[k], i))
			return 1;
	return 0;
}

int
change_tells(const struct roll *r, const struct change_list *l, const struct change *c,
    size_t i)
{
	const struct notice_kind *kind = notice_kind_find(c->kind);
	enum outcome o;

	if (c->only != CHANGE_EVERYONE)
		return i == c->only;
	o = roll_outcome(r, i, c->session);
	if (i == c->except || (o != OUTCOME_UPCOMING && o != OUTCOME_NOT_HELD))
		return 0;
	return kind == NULL || kind->yields_to == NULL ||
	    !told_by(r, l, kind->yields_to, c->session, i);
}

void
changes_free(struct change_list *l)
{
	for (size_t k = 0; k < l->n; k++)
		free(l->v[k].what.old_location);
	free(l->v);
	memset(l, 0, sizeof *l);
}
