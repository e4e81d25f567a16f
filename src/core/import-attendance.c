/* SPDX-License-Identifier: Apache-2.0 */
/* import-attendance.c - attendance facts from a spreadsheet (or an export of showup's). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "showup/engine.h"
#include "showup/factgrid.h"
#include "showup/import.h"
#include "showup/places.h"
#include "showup/timeutil.h"
#include "store-private.h"
#include "import-words.h"

/* The columns, by the names this file reads them (import-words.c has their header words). */
enum { COL_SESSION = ATTEND_SESSION, COL_EMAIL = ATTEND_EMAIL, COL_STATUS = ATTEND_STATUS,
	COL_MINUTES = ATTEND_MINUTES, COL_CANCELLED_AT = ATTEND_CANCELLED_AT,
	COL_REASON = ATTEND_REASON, COL_NOTE = ATTEND_NOTE };

/* The most memory the facts stored before an import are held in: the columns of as many
 * sessions as fit (one at least), let go of together when a session more is named. */
#define STORED_BUDGET (1u << 20)
#define COLUMN_DROPPED UINT32_MAX	/* a session's column loaded once and let go */

/* What an attendance import keeps in memory: bounded by the cohort, not the file. */
struct attendance_import {
	const struct cohort *cohort;
	struct policy policy;		/* the cohort's, in the file's date order */
	int64_t now;
	int replace;			/* a row may replace what a participant told us */
	struct participant_list people;
	struct session_list sessions;
	struct strmap person_by_email;		/* e-mail -> row in people */
	struct idmap session_by_number;		/* number -> column in sessions */
	struct idmap column_by_id;		/* session id -> column */
	struct idmap row_by_id;			/* participant id -> row */
	unsigned char *named;			/* bit per (row, column): on a coaching/practice list */
	unsigned char *seen;			/* bit per (row, column): already in this file */
	struct fact_grid stored;		/* the facts stored before the import, of */
	uint32_t *column;			/* some sessions: a session's column + 1 in it, 0
						   if never loaded, or COLUMN_DROPPED */
	uint32_t used;				/* the grid's columns filled */
	struct attendance single;		/* a stored fact read alone (see stored_fact) */
	int indexed;				/* people and sessions loaded, in the transaction */
};

/* Returns bit (i, j) of a people x sessions bitset. */
static int
bit_get(const struct attendance_import *ai, const unsigned char *bits, size_t i, size_t j)
{
	size_t k = i * ai->sessions.n + j;

	return (bits[k / 8] >> (k % 8)) & 1;
}

static void
bit_set(const struct attendance_import *ai, unsigned char *bits, size_t i, size_t j)
{
	size_t k = i * ai->sessions.n + j;

	bits[k / 8] |= (unsigned char)(1u << (k % 8));
}

/* How many sessions' columns of 'people' cells the stored facts are held in: as many
 * as STORED_BUDGET holds, at least one, at most all. */
static size_t
stored_columns(size_t people, size_t sessions)
{
	size_t fit = STORED_BUDGET / ((people ? people : 1) * sizeof(struct fact_cell));

	return fit < 1 ? 1 : fit < sessions ? fit : sessions;
}

/* Loads people, sessions and who each coaching or practice session names: by the first
 * row, inside the import's transaction (BEGIN IMMEDIATE), so that none can go between
 * their lookup and the rows' writes: the checks a row gets are the foreign keys'. */
static int
load_index(struct store *st, struct attendance_import *ai, su_err *e)
{
	static const char *const sql =
		"SELECT e.session_id, e.participant_id FROM expected e"
		" JOIN session s ON s.id = e.session_id WHERE s.cohort_id = ?";
	size_t bytes, i, j;
	sqlite3_stmt *stmt;
	int rc;

	if (participant_list_all(st, ai->cohort->id, 1, &ai->people, e) < 0 ||
	    session_list_all(st, ai->cohort->id, &ai->sessions, e) < 0)
		return -1;
	for (i = 0; i < ai->people.n; i++) {
		strmap_put(&ai->person_by_email, ai->people.v[i].email, (long)i);
		idmap_put(&ai->row_by_id, ai->people.v[i].id, i);
	}
	for (j = 0; j < ai->sessions.n; j++) {
		idmap_put(&ai->session_by_number, ai->sessions.v[j].number, j);
		idmap_put(&ai->column_by_id, ai->sessions.v[j].id, j);
	}
	bytes = (ai->people.n * ai->sessions.n + 7) / 8 + 1;
	ai->named = xcalloc(bytes, 1);
	ai->seen = xcalloc(bytes, 1);
	fact_grid_init(&ai->stored, ai->people.n, stored_columns(ai->people.n, ai->sessions.n));
	ai->column = xcalloc(ai->sessions.n + 1, sizeof *ai->column);
	if ((stmt = store_stmt(st, sql, e)) == NULL)
		return -1;
	db_bind_int(stmt, 1, ai->cohort->id);
	while ((rc = db_step_row(stmt, e)) == 1)
		if (idmap_get(&ai->column_by_id, sqlite3_column_int64(stmt, 0), &j) &&
		    idmap_get(&ai->row_by_id, sqlite3_column_int64(stmt, 1), &i))
			bit_set(ai, ai->named, i, j);
	sqlite3_reset(stmt);
	return rc;
}

/* Finds the row's session and participant; 0, or -1 with the row reported. */
static int
locate(struct attendance_import *ai, struct import_row *row, size_t *pi, size_t *pj)
{
	const char *number = import_field(row, COL_SESSION);
	const char *email = import_field(row, COL_EMAIL);
	const struct participant *p;
	const struct session *s;
	long long n;
	long i;

	if (parse_int(number, 1, 1000000, &n) < 0)
		return import_row_error(row, "'%s' is not a session number", number);
	if (!idmap_get(&ai->session_by_number, n, pj))
		return import_row_error(row, "cohort '%s' has no session %lld",
		    ai->cohort->slug, n);
	if (*email == '\0')
		return import_row_error(row, "no e-mail address");
	if (!strmap_get(&ai->person_by_email, email, &i))
		return import_row_error(row, "no participant '%s' in cohort '%s'", email,
		    ai->cohort->slug);
	*pi = (size_t)i;
	p = &ai->people.v[i];
	s = &ai->sessions.v[*pj];
	if (bit_get(ai, ai->seen, *pi, *pj))
		return import_row_error(row, "session %lld, '%s' appears again", n, email);
	bit_set(ai, ai->seen, *pi, *pj);
	if (!engine_expects(session_expects_everyone(s), bit_get(ai, ai->named, *pi, *pj),
	    p->status == PARTICIPANT_WITHDRAWN ? p->withdrawn_at : 0, s->starts_at))
		return import_row_error(row, "'%s' is not expected at session %lld",
		    email, n);
	return 0;
}

/* Lets go of every session's column held, to make room; the sessions are marked. */
static void
drop_columns(struct attendance_import *ai)
{
	for (size_t j = 0; j < ai->sessions.n; j++)
		if (ai->column[j] != 0)
			ai->column[j] = COLUMN_DROPPED;
	fact_grid_clear(&ai->stored);
	ai->used = 0;
}

/*
 * Fills 'buf' with the fact stored before the import for row i at session
 * column j: 1, 0 if none, -1 with 'e' set. The first row of a session reads
 * all of its facts into a column of the grid, making room when it is full; a
 * session whose column was let go (a file not in session order) is read a
 * fact at a time after that. A cell comes once in a file (seen), so what was
 * stored then is what is stored now. Its strings hold until the next call.
 */
static int
stored_fact(struct store *st, struct attendance_import *ai, size_t i, size_t j,
    struct attendance *buf, su_err *e)
{
	int rc;

	if (ai->column[j] == COLUMN_DROPPED) {
		attendance_free(&ai->single);
		rc = attendance_get(st, ai->sessions.v[j].id, ai->people.v[i].id, &ai->single, e);
		*buf = ai->single;
		return rc;
	}
	if (ai->column[j] == 0) {
		if (ai->used == ai->stored.nsessions)
			drop_columns(ai);
		if (fact_grid_load_session(st, ai->sessions.v[j].id, ai->used, &ai->row_by_id,
		    &ai->stored, e) < 0)
			return -1;
		ai->column[j] = ++ai->used;
	}
	return fact_grid_get(&ai->stored, i, ai->column[j] - 1, buf);
}

/*
 * Gives the place a row's cancellation freed at session column j (one with
 * places, to come) to the first waiting (places_fill), and marks who the
 * session names now; 0 or -1.
 */
static int
fill_places(struct store *st, struct attendance_import *ai, size_t j, su_err *e)
{
	static const char *const sql = "SELECT participant_id FROM expected"
	    " WHERE session_id = ?";
	const struct session *s = &ai->sessions.v[j];
	int64_t *ids = NULL;
	size_t n = 0, i;
	int rc;

	if (s->capacity <= 0 || (rc = places_fill(st, ai->cohort, s, ai->now, e)) == 0)
		return 0;
	if (rc < 0 || store_int64s(st, sql, &s->id, 1, &ids, &n, e) < 0) {
		free(ids);
		return -1;
	}
	for (size_t k = 0; k < n; k++)
		if (idmap_get(&ai->row_by_id, ids[k], &i))
			bit_set(ai, ai->named, i, j);
	free(ids);
	return 0;
}

/* Records the fact of one row. */
static int
attendance_row(void *arg, struct import_row *row, su_err *e)
{
	struct attendance_import *ai = arg;
	struct fact_spec spec = {
		.status = import_field(row, COL_STATUS),
		.minutes = import_field(row, COL_MINUTES),
		.cancelled_at = import_field(row, COL_CANCELLED_AT),
		.reason = import_field(row, COL_REASON),
		.note = import_value(row, COL_NOTE, NULL),	/* NULL: the stored note stays */
	};
	struct attendance a, stored;
	const struct session *s;
	size_t i = 0, j = 0;
	struct attendance_change change = { NULL, NULL };
	char subject[48];
	su_err why;
	int rc;

	if (!ai->indexed && load_index(row->st, ai, e) < 0)
		return -2;
	ai->indexed = 1;
	if (locate(ai, row, &i, &j) < 0)
		return -1;
	s = &ai->sessions.v[j];
	if (fact_build(&ai->policy, ai->cohort->tz, &spec, &a, &why) < 0) {
		import_hint_date(row, spec.cancelled_at, ai->policy.date_order);
		return import_row_error(row, "%s", why.msg);
	}
	a.session_id = s->id;
	a.participant_id = ai->people.v[i].id;
	rc = fact_check_timing(&a, s, ai->now, &why);
	if (rc == 0)
		rc = stored_fact(row->st, ai, i, j, &stored, &why);
	if (rc >= 0 && attendance_check_reschedule(&a, rc == 1 ? &stored : NULL, &why) < 0)
		rc = -1;
	if (rc >= 0 && attendance_check_replace(ai->cohort, &ai->policy, s, &ai->people.v[i],
	    &a, rc == 1 ? &stored : NULL, ai->replace ? RECORD_REPLACE : 0, &why) < 0) {
		row->result->hints |= HINT_REPLACE;
		rc = -1;
	}
	if (rc >= 0)
		rc = attendance_set_known(row->st, ai->cohort, s, &ai->people.v[i], &a,
		    rc == 1 ? &stored : NULL, &change, &why);
	if (rc > 0 && a.fact == FACT_CANCELLED && fill_places(row->st, ai, j, &why) < 0)
		rc = -1;	/* the place given up goes to the first waiting */
	attendance_free(&a);
	if (rc < 0)
		return import_row_error(row, "%s", why.msg);
	if (change.before != NULL) {
		snprintf(subject, sizeof subject, "session %d", s->number);
		if (import_change(row, subject, ai->people.v[i].email, change.before,
		    change.after) < 0)
			rc = -1;
		free(change.before);
		free(change.after);
	}
	if (rc < 0)
		return -1;
	if (rc == 0)
		row->result->unchanged++;
	else if (rc == 1)
		row->result->added++;
	else
		row->result->updated++;
	return 0;
}

/*
 * Runs the import with SQLite's foreign-key checks off for its transaction: its
 * rows only name sessions and participants of the cohort loaded inside that
 * transaction (load_index), which none can leave before it ends, so the keys
 * would check again what is checked. They are on again after it, however it
 * ended. 0, or -1 with 'e' set.
 */
static int
run_unchecked(struct store *st, struct attendance_import *ai, const char *path,
    struct import_result *r, su_err *e)
{
	su_err why;
	int rc;

	if (store_foreign_keys(st, 0, e) < 0)
		return -1;
	rc = import_run(st, ai->cohort->id, "attendance", path, import_attendance_columns,
	    ATTEND_NCOLS, import_attendance_informational, attendance_row, ai, r, e);
	if (store_foreign_keys(st, 1, &why) < 0 && rc == 0)
		rc = su_err_set(e, "%s; the rows were imported, but foreign-key checks are "
		    "not on again", why.msg);
	return rc;
}

int
import_attendance(struct store *st, const struct cohort *c, const struct policy *p,
    const char *path, struct import_result *r, su_err *e)
{
	struct attendance_import ai = {
		.cohort = c, .policy = *p, .now = time_now(), .replace = r->replace,
		.person_by_email = STRMAP_INIT, .session_by_number = IDMAP_INIT,
		.column_by_id = IDMAP_INIT, .row_by_id = IDMAP_INIT,
	};
	int rc;

	ai.policy.date_order = r->date_order != DATE_ORDER_UNKNOWN ? r->date_order
	    : policy_date_order(p, c->tz);
	rc = run_unchecked(st, &ai, path, r, e);
	participant_list_free(&ai.people);
	session_list_free(&ai.sessions);
	strmap_free(&ai.person_by_email);
	idmap_free(&ai.session_by_number);
	idmap_free(&ai.column_by_id);
	idmap_free(&ai.row_by_id);
	free(ai.named);
	free(ai.seen);
	fact_grid_free(&ai.stored);
	free(ai.column);
	attendance_free(&ai.single);
	return rc;
}
