/* roll.c - a cohort's whole record: people x sessions, each cell's outcome. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "showup/roll.h"

/* Marks in 'expected' the coaching and practice places the store lists. */
static int
load_named_places(struct store *st, struct roll *r, char *expected, su_err *e)
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
			expected[i * r->sessions.n + j] = 1;
	sqlite3_reset(stmt);
	return rc;
}

/* Returns 1 if person i was still in the programme when session j started. */
static int
still_enrolled(const struct roll *r, size_t i, size_t j)
{
	const struct participant *p = &r->people.v[i];

	return p->status == PARTICIPANT_ACTIVE ||
	    p->withdrawn_at > r->sessions.v[j].starts_at;
}

/* Computes every cell from the loaded lists. */
static void
derive_outcomes(struct roll *r, const char *expected)
{
	size_t ns = r->sessions.n;

	for (size_t i = 0; i < r->people.n; i++) {
		for (size_t j = 0; j < ns; j++) {
			const struct session *s = &r->sessions.v[j];
			int32_t f = r->fact_of[i * ns + j];
			struct outcome_input in = {
				.expected = (s->kind == SESSION_GROUP ||
				    expected[i * ns + j]) && still_enrolled(r, i, j),
				.session_cancelled = s->cancelled,
				.starts_at = s->starts_at,
				.cutoff = r->cutoffs[j],
				.now = r->now,
				.fact = f >= 0 ? &r->facts.v[f] : NULL,
			};
			r->outcomes[i * ns + j] = outcome_of(&r->policy, &in);
		}
	}
}

int
roll_load(struct store *st, const struct cohort *c, const struct policy *p,
    int64_t now, struct roll *out, su_err *e)
{
	char *expected = NULL;
	size_t cells, i, j;

	memset(out, 0, sizeof *out);
	out->cohort = c;
	out->policy = *p;
	out->now = now;
	if (participant_list_all(st, c->id, 1, &out->people, e) < 0 ||
	    session_list_all(st, c->id, &out->sessions, e) < 0 ||
	    attendance_list_all(st, c->id, &out->facts, e) < 0)
		goto fail;
	cells = out->people.n * out->sessions.n;
	out->outcomes = xcalloc(cells, sizeof *out->outcomes);
	out->fact_of = xmalloc((cells ? cells : 1) * sizeof *out->fact_of);
	memset(out->fact_of, 0xff, (cells ? cells : 1) * sizeof *out->fact_of);
	out->cutoffs = xcalloc(out->sessions.n, sizeof *out->cutoffs);
	expected = xcalloc(cells ? cells : 1, 1);
	for (i = 0; i < out->people.n; i++)
		idmap_put(&out->person_index, out->people.v[i].id, i);
	for (j = 0; j < out->sessions.n; j++) {
		idmap_put(&out->session_index, out->sessions.v[j].id, j);
		if (policy_cutoff(p, c->tz, out->sessions.v[j].starts_at,
		    &out->cutoffs[j]) < 0) {
			su_err_set(e, "cannot use time zone '%s'", c->tz);
			goto fail;
		}
	}
	for (size_t k = 0; k < out->facts.n; k++)
		if (idmap_get(&out->person_index, out->facts.v[k].participant_id, &i) &&
		    idmap_get(&out->session_index, out->facts.v[k].session_id, &j))
			out->fact_of[i * out->sessions.n + j] = (int32_t)k;
	if (load_named_places(st, out, expected, e) < 0)
		goto fail;
	derive_outcomes(out, expected);
	free(expected);
	return 0;
fail:
	free(expected);
	roll_free(out);
	return -1;
}

enum outcome
roll_outcome(const struct roll *r, size_t i, size_t j)
{
	return r->outcomes[i * r->sessions.n + j];
}

const struct attendance *
roll_fact(const struct roll *r, size_t i, size_t j)
{
	int32_t f = r->fact_of[i * r->sessions.n + j];

	return f >= 0 ? &r->facts.v[f] : NULL;
}

void
roll_free(struct roll *r)
{
	participant_list_free(&r->people);
	session_list_free(&r->sessions);
	attendance_list_free(&r->facts);
	free(r->cutoffs);
	free(r->outcomes);
	free(r->fact_of);
	idmap_free(&r->person_index);
	idmap_free(&r->session_index);
	memset(r, 0, sizeof *r);
}
