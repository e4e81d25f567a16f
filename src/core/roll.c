/* SPDX-License-Identifier: Apache-2.0 */
/* roll.c - a cohort's whole record: loaded from the store, judged by the engine. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "showup/roll.h"
#include "store-private.h"

/* Marks in r->named the coaching and practice places the store lists. */
static int
load_named_places(struct store *st, struct roll *r, su_err *e)
{
	static const char *const sql =
		"SELECT e.session_id, e.participant_id FROM expected e"
		" JOIN session s ON s.id = e.session_id WHERE s.cohort_id = ?";
	sqlite3_stmt *stmt = store_stmt(st, sql, e);
	size_t i, j;
	int rc;

	if (stmt == NULL)
		return -1;
	db_bind_int(stmt, 1, r->cohort->id);
	while ((rc = db_step_row(stmt, e)) == 1)
		if (idmap_get(&r->session_index, sqlite3_column_int64(stmt, 0), &j) &&
		    idmap_get(&r->person_index, sqlite3_column_int64(stmt, 1), &i))
			r->named[i * r->sessions.n + j] = 1;
	sqlite3_reset(stmt);
	return rc;
}


/*
 * Sets each person's steps_sent (and when the last of them went) from the
 * notices the store holds, by kind: a ladder changed since keeps what went
 * out (a warning sent stays sent).
 */
static int
load_steps_sent(struct store *st, struct roll *r, su_err *e)
{
	static const char *const sql =
		"SELECT participant_id, kind, sent_at FROM notice WHERE cohort_id = ?"
		" AND sent_at <= ?";
	sqlite3_stmt *stmt = store_stmt(st, sql, e);
	size_t i;
	int rc;

	if (stmt == NULL)
		return -1;
	db_bind_int(stmt, 1, r->cohort->id);
	db_bind_int(stmt, 2, r->now);
	while ((rc = db_step_row(stmt, e)) == 1) {
		int k = policy_step_of(&r->policy,
		    (const char *)sqlite3_column_text(stmt, 1));

		if (k >= 0 && idmap_get(&r->person_index, sqlite3_column_int64(stmt, 0), &i) &&
		    k + 1 > r->epeople[i].steps_sent) {
			r->epeople[i].steps_sent = k + 1;
			r->step_sent_at[i] = sqlite3_column_int64(stmt, 2);
		}
	}
	sqlite3_reset(stmt);
	return rc;
}

void
roll_engine_person(const struct participant *p, struct engine_person *out)
{
	memset(out, 0, sizeof *out);
	out->withdrawn_at = p->status == PARTICIPANT_WITHDRAWN ? p->withdrawn_at : 0;
}

void
roll_engine_session(const struct policy *p, const struct tz_zone *zone, const struct session *s,
    struct engine_session *out)
{
	memset(out, 0, sizeof *out);
	out->starts_at = s->starts_at;
	out->everyone = session_expects_everyone(s);
	out->cancelled = s->cancelled;
	out->optional = s->optional;
	out->cancelled_at = s->cancelled_at;
	policy_zone_cutoff(p, zone, s->starts_at, &out->cutoff);
}

const struct tz_zone *
roll_zone(const struct cohort *c, su_err *e)
{
	const struct tz_zone *zone = tz_zone_find(c->tz);

	if (zone == NULL)
		su_err_set(e, "cannot use time zone '%s'", c->tz);
	return zone;
}

/* Builds the engine's view of people and sessions (in the roll's zone). */
static void
build_engine_view(struct roll *r)
{
	for (size_t i = 0; i < r->people.n; i++) {
		idmap_put(&r->person_index, r->people.v[i].id, i);
		roll_engine_person(&r->people.v[i], &r->epeople[i]);
	}
	for (size_t j = 0; j < r->sessions.n; j++) {
		idmap_put(&r->session_index, r->sessions.v[j].id, j);
		roll_engine_session(&r->policy, r->zone, &r->sessions.v[j], &r->esessions[j]);
	}
}

/* Sets each person's reviewed_points: their points at the coach's latest review; 0 or -1. */
static int
load_reviews(struct store *st, struct roll *r, su_err *e)
{
	static const char *const sql = "SELECT participant_id, max(points) FROM review"
	    " WHERE cohort_id = ? GROUP BY participant_id";
	sqlite3_stmt *stmt = store_stmt(st, sql, e);
	size_t i;
	int rc;

	if (stmt == NULL)
		return -1;
	db_bind_int(stmt, 1, r->cohort->id);
	while ((rc = db_step_row(stmt, e)) == 1)
		if (idmap_get(&r->person_index, sqlite3_column_int64(stmt, 0), &i))
			r->epeople[i].reviewed_points = sqlite3_column_int(stmt, 1);
	sqlite3_reset(stmt);
	return rc;
}

/* Counts the coach's moves of each session after its cutoff into esessions[].late_moves; 0 or -1. */
static int
load_late_moves(struct store *st, struct roll *r, su_err *e)
{
	static const char *const sql =
		"SELECT m.session_id, m.moved_at, m.old_starts_at FROM session_move m"
		" JOIN session s ON s.id = m.session_id WHERE s.cohort_id = ?";
	sqlite3_stmt *stmt = store_stmt(st, sql, e);
	int rc;

	if (stmt == NULL)
		return -1;
	db_bind_int(stmt, 1, r->cohort->id);
	while ((rc = db_step_row(stmt, e)) == 1) {
		int64_t cutoff;
		size_t j;

		if (!idmap_get(&r->session_index, sqlite3_column_int64(stmt, 0), &j))
			continue;
		policy_zone_cutoff(&r->policy, r->zone, sqlite3_column_int64(stmt, 2), &cutoff);
		r->esessions[j].late_moves += sqlite3_column_int64(stmt, 1) > cutoff;
	}
	sqlite3_reset(stmt);
	return rc;
}

/* Orders reschedules as the engine walks them: by person, then session, then time asked. */
static int
compare_reschedules(const void *pa, const void *pb)
{
	const struct engine_reschedule *a = pa, *b = pb;

	if (a->person != b->person)
		return a->person < b->person ? -1 : 1;
	if (a->session != b->session)
		return a->session < b->session ? -1 : 1;
	return (a->asked_at > b->asked_at) - (a->asked_at < b->asked_at);
}

int
roll_load_reschedules(struct store *st, const struct cohort *c, const struct policy *p,
    const struct idmap *rows, const struct idmap *cols, struct engine_reschedule **out,
    size_t *n, su_err *e)
{
	static const char *const sql =
		"SELECT r.participant_id, r.from_session_id, r.asked_at, r.from_starts_at,"
		" r.whole_session FROM reschedule r JOIN session s ON s.id = r.from_session_id"
		" WHERE s.cohort_id = ? AND r.moved_with IS NULL AND r.undone_at IS NULL"
		" AND r.replaced_at IS NULL";
	const struct tz_zone *zone = roll_zone(c, e);
	sqlite3_stmt *stmt = zone != NULL ? store_stmt(st, sql, e) : NULL;
	size_t cap = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if (stmt == NULL)
		return -1;
	db_bind_int(stmt, 1, c->id);
	while ((rc = db_step_row(stmt, e)) == 1) {
		struct engine_reschedule m = {
			.asked_at = sqlite3_column_int64(stmt, 2),
			.starts_at = sqlite3_column_int64(stmt, 3),
			.whole = sqlite3_column_int(stmt, 4),
		};

		if (!idmap_get(rows, sqlite3_column_int64(stmt, 0), &m.person) ||
		    !idmap_get(cols, sqlite3_column_int64(stmt, 1), &m.session))
			continue;
		policy_zone_cutoff(p, zone, m.starts_at, &m.cutoff);
		if (*n == cap)
			*out = xrealloc(*out, (cap = cap ? 2 * cap : 8) * sizeof **out);
		(*out)[(*n)++] = m;
	}
	sqlite3_reset(stmt);
	if (*n > 1)
		qsort(*out, *n, sizeof **out, compare_reschedules);
	return rc;
}

enum outcome
roll_reschedule_outcome(const struct roll *r, int64_t participant_id, int64_t session_id,
    int64_t asked_at)
{
	size_t i, j;

	if (!idmap_get(&r->person_index, participant_id, &i) ||
	    !idmap_get(&r->session_index, session_id, &j))
		return OUTCOME_NOT_EXPECTED;
	for (size_t k = 0; k < r->nreschedules; k++)
		if (r->reschedules[k].person == i && r->reschedules[k].session == j &&
		    r->reschedules[k].asked_at == asked_at)
			return r->reschedules[k].whole ? (enum outcome)r->result.reschedule_outcomes[k]
			    : roll_outcome(r, i, j);
	return OUTCOME_NOT_EXPECTED;
}

int
roll_reschedules_in_time(const struct roll *r, size_t i)
{
	int n = 0;

	for (size_t k = 0; k < r->nreschedules; k++)
		n += r->reschedules[k].person == i &&
		    r->reschedules[k].asked_at <= r->reschedules[k].cutoff;
	return n;
}

/* Adds up the points as of 'at' of the 1:1s person i moved whole at session j, with the
 * worst verdict. */
static int
whole_move_points(const struct roll *r, size_t i, size_t j, int64_t at, enum outcome *worst)
{
	int sum = 0, most = 0;

	if (!engine_place_stands(roll_outcome(r, i, j)))
		return 0;	/* the engine counts them only where the place stands */
	for (size_t k = 0; k < r->nreschedules; k++) {
		const struct engine_reschedule *m = &r->reschedules[k];
		enum outcome o = (enum outcome)r->result.reschedule_outcomes[k];
		int pts;

		if (m->person != i || m->session != j || !m->whole)
			continue;
		pts = engine_fact_points(&r->policy, o, NULL, m->starts_at, at);
		sum += pts;
		if (pts > most) {
			most = pts;
			*worst = o;
		}
	}
	return sum;
}

enum outcome
roll_scoring_outcome(const struct roll *r, size_t i, size_t j)
{
	enum outcome o = roll_outcome(r, i, j), moved = o;
	struct attendance buf;

	if (engine_fact_points(&r->policy, o, roll_fact(r, i, j, &buf),
	    r->sessions.v[j].starts_at, r->now) > 0)
		return o;
	return whole_move_points(r, i, j, r->now, &moved) > 0 ? moved : o;
}

/* The engine's way to the roll's facts (engine_input.fact_at). */
static const struct attendance *
fact_at(const void *ctx, size_t i, size_t j, struct attendance *buf)
{
	return roll_fact(ctx, i, j, buf);
}

/* Fills 'in' with the engine's view of roll r as of r->now (roll_load runs it). */
static void
roll_input(const struct roll *r, struct engine_input *in)
{
	*in = (struct engine_input){
		.policy = &r->policy, .now = r->now, .fee_cents = r->cohort->fee_cents,
		.npeople = r->people.n, .nsessions = r->sessions.n,
		.people = r->epeople, .sessions = r->esessions,
		.named = r->named, .fact_at = fact_at, .fact_ctx = r,
		.reschedules = r->reschedules, .nreschedules = r->nreschedules,
	};
}

int
roll_load(struct store *st, const struct cohort *c, const struct policy *p,
    int64_t now, struct roll *out, su_err *e)
{
	struct engine_input in;
	size_t cells;

	memset(out, 0, sizeof *out);
	out->cohort = c;
	out->policy = *p;
	out->now = now;
	if ((out->zone = roll_zone(c, e)) == NULL ||
	    participant_list_all(st, c->id, 1, &out->people, e) < 0 ||
	    session_list_all(st, c->id, &out->sessions, e) < 0)
		goto fail;
	cells = out->people.n * out->sessions.n;
	out->named = xcalloc(cells ? cells : 1, 1);
	out->esessions = xcalloc(out->sessions.n ? out->sessions.n : 1, sizeof *out->esessions);
	out->epeople = xcalloc(out->people.n ? out->people.n : 1, sizeof *out->epeople);
	out->step_sent_at = xcalloc(out->people.n ? out->people.n : 1,
	    sizeof *out->step_sent_at);
	build_engine_view(out);
	if (fact_grid_load(st, c->id, &out->person_index, out->people.n,
	    &out->session_index, out->sessions.n, &out->facts, e) < 0 ||
	    load_named_places(st, out, e) < 0 || load_steps_sent(st, out, e) < 0 ||
	    load_late_moves(st, out, e) < 0 || load_reviews(st, out, e) < 0 ||
	    roll_load_reschedules(st, c, p, &out->person_index, &out->session_index,
	    &out->reschedules, &out->nreschedules, e) < 0)
		goto fail;
	roll_input(out, &in);
	engine_run(&in, &out->result);
	return 0;
fail:
	roll_free(out);
	return -1;
}

enum outcome
roll_outcome(const struct roll *r, size_t i, size_t j)
{
	return engine_outcome(&r->result, r->sessions.n, i, j);
}

const struct attendance *
roll_fact(const struct roll *r, size_t i, size_t j, struct attendance *buf)
{
	if (!fact_grid_get(&r->facts, i, j, buf))
		return NULL;
	buf->session_id = r->sessions.v[j].id;
	buf->participant_id = r->people.v[i].id;
	return buf;
}

/* The points person row i got at session column j, forgiven as of 'at'. */
static int
points_at(const struct roll *r, size_t i, size_t j, int64_t at)
{
	struct attendance buf;
	enum outcome unused;

	return engine_fact_points(&r->policy, roll_outcome(r, i, j), roll_fact(r, i, j, &buf),
	    r->sessions.v[j].starts_at, at) + whole_move_points(r, i, j, at, &unused);
}

int
roll_points(const struct roll *r, size_t i, size_t j)
{
	return points_at(r, i, j, r->now);
}

int
roll_step_stands(const struct roll *r, size_t i, int step, int64_t sent_at)
{
	struct engine_input in;

	roll_input(r, &in);
	return engine_step_due(&r->policy, engine_points_as_of(&in, i, sent_at), 0) >= step;
}

const struct engine_person_result *
roll_person(const struct roll *r, size_t i)
{
	return &r->result.people[i];
}

void
roll_free(struct roll *r)
{
	participant_list_free(&r->people);
	session_list_free(&r->sessions);
	fact_grid_free(&r->facts);
	free(r->esessions);
	free(r->epeople);
	free(r->step_sent_at);
	free(r->named);
	free(r->reschedules);
	engine_result_free(&r->result);
	idmap_free(&r->person_index);
	idmap_free(&r->session_index);
	memset(r, 0, sizeof *r);
}
