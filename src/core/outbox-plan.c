/* SPDX-License-Identifier: Apache-2.0 */
/* outbox-plan.c - the outbox filled: each notice due rendered for its participant and
 * stored as the exact message it will send, once; and the outbox listed. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "showup/calendar.h"
#include "showup/changes.h"
#include "showup/coach.h"
#include "showup/exits.h"
#include "showup/message.h"
#include "showup/outbox.h"
#include "showup/report.h"
#include "showup/roll.h"
#include "showup/timeutil.h"
#include "outbox-compose.h"
#include "store-private.h"
#include "showup/words.h"

/* Returns 1 if person p has a live (or dropped) outbox row for 'step'; -1 on error. */
static int
already_planned(struct store *st, int64_t participant_id, int step, su_err *e)
{
	static const char *const sql = "SELECT 1 FROM outbox WHERE participant_id = ?"
	    " AND step = ? AND " OUTBOX_TOLD;
	const int64_t args[] = { participant_id, step };

	return store_exists(st, sql, args, ARRAY_SIZE(args), e);
}

int
reminder_offset_due(const struct policy *p, int64_t starts_at, int cancelled, int64_t now)
{
	int due = -1;

	if (cancelled || starts_at - now < REMINDER_LAST_MINUTES * 60)
		return -1;
	for (size_t k = 0; k < p->n_reminders; k++)	/* from the earliest: the last due wins */
		if (now >= starts_at - (int64_t)p->reminders[k] * 60)
			due = p->reminders[k];
	return due;
}

/*
 * Sets told[i] for each person i of roll r ever told (or to be told) of change
 * 'key', or whose notice of it was dropped: one read of the change's index
 * entries, not one search a person; 0 or -1.
 */
static int
change_told(struct store *st, const struct roll *r, const char *key, unsigned char *told,
    su_err *e)
{
	static const char *const sql = "SELECT participant_id FROM outbox WHERE change_key = ?"
	    " AND " OUTBOX_TOLD;
	sqlite3_stmt *stmt = store_stmt(st, sql, e);
	size_t i;
	int rc;

	if (stmt == NULL)
		return -1;
	memset(told, 0, r->people.n);
	db_bind_text(stmt, 1, key);
	while ((rc = db_step_row(stmt, e)) == 1)
		if (idmap_get(&r->person_index, sqlite3_column_int64(stmt, 0), &i))
			told[i] = 1;
	sqlite3_reset(stmt);
	return rc;
}

/* Returns 1 if person p's reminder of session s at 'offset' is in the outbox already; -1. */
static int
reminder_planned(struct store *st, int64_t session_id, int64_t participant_id, int offset,
    su_err *e)
{
	static const char *const sql = "SELECT 1 FROM outbox WHERE participant_id = ?"
	    " AND session_id = ? AND offset_minutes = ?";
	const int64_t args[] = { participant_id, session_id, offset };

	return store_exists(st, sql, args, ARRAY_SIZE(args), e);
}

/* Adds one notice wanted to the list (room doubled when full: some 100 a person). */
static void
due_add(struct notice_due_list *l, const struct notice_due *d)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 64;
		l->v = xrealloc(l->v, l->cap * sizeof *l->v);
	}
	l->v[l->n++] = *d;
}

/*
 * Returns when person i's ladder step may go (policy_review_at): after the
 * review time of the last session that brought them points, 0 if that is past.
 */
static int64_t
step_review_at(const struct roll *r, size_t i)
{
	int64_t last_end = 0, at;

	for (size_t j = 0; j < r->sessions.n; j++) {
		const struct session *s = &r->sessions.v[j];
		int64_t end = s->starts_at + (int64_t)s->minutes * 60;

		if (roll_points(r, i, j) > 0 && end > last_end)
			last_end = end;
	}
	if (last_end == 0)
		return 0;
	at = policy_review_at(&r->policy, r->cohort->tz, last_end);
	return at > r->now ? at : 0;
}

/* Adds each mailed ladder step due in roll r to the list (a coach review is never mailed); 0 or -1. */
static int
steps_due(struct store *st, const struct roll *r, struct notice_due_list *out, su_err *e)
{
	for (size_t i = 0; i < r->people.n; i++) {
		int k = roll_person(r, i)->step_due, rc;

		if (k < 0 || k == policy_review_step(&r->policy))
			continue;
		if ((rc = already_planned(st, r->people.v[i].id, k, e)) < 0)
			return -1;
		due_add(out, &(struct notice_due){ .person = i, .session = NOTICE_NO_SESSION,
		    .kind = r->policy.ladder[k].kind, .step = k, .offset = -1, .planned = rc,
		    .waits_until = rc ? 0 : step_review_at(r, i) });
	}
	return 0;
}

/* What every correction's change_key starts with. */
static const char correction_prefix[] = "corrected:";

void
outbox_correction_key(const char *kind, char *buf, size_t size)
{
	snprintf(buf, size, "%s%s", correction_prefix, kind);
}

/* Adds a correction for each person whose last ladder notice sent no longer stands; 0 or -1. */
static int
corrections_due(struct store *st, const struct roll *r, struct notice_due_list *out,
    su_err *e)
{
	unsigned char *told = xmalloc(r->people.n + 1);
	int rc = 0;

	out->corrections = xcalloc(r->people.n + 1, sizeof *out->corrections);
	for (size_t i = 0; i < r->people.n && rc == 0; i++) {
		int k = r->epeople[i].steps_sent - 1;
		const char *kind = k >= 0 ? r->policy.ladder[k].kind : NULL;
		char key[64];

		if (kind == NULL || roll_step_stands(r, i, k, r->step_sent_at[i]))
			continue;	/* corrections are few: a read of their key each */
		outbox_correction_key(kind, key, sizeof key);
		if ((rc = change_told(st, r, key, told, e)) < 0)
			break;
		out->corrections[i] = kind;
		due_add(out, &(struct notice_due){ .person = i, .session = NOTICE_NO_SESSION,
		    .kind = "correction", .step = -1, .offset = -1, .planned = told[i],
		    .corrects = kind, .corrects_sent_at = r->step_sent_at[i] });
	}
	free(told);
	return rc;
}

/* Adds a notice of each change in out->changes to each person it tells; 0 or -1. */
static int
changes_due(struct store *st, const struct roll *r, struct notice_due_list *out, su_err *e)
{
	const struct change_list *l = &out->changes;
	unsigned char *told = xmalloc(r->people.n + 1);
	int rc = 0;

	for (size_t k = 0; rc == 0 && k < l->n; k++) {
		if ((rc = change_told(st, r, l->v[k].key, told, e)) < 0)
			break;
		for (size_t i = 0; i < r->people.n; i++) {
			if (!change_tells(r, l, &l->v[k], i))
				continue;
			due_add(out, &(struct notice_due){ .person = i,
			    .session = l->v[k].session, .kind = l->v[k].kind, .step = -1,
			    .offset = -1, .change = &l->v[k], .planned = told[i] });
		}
	}
	free(told);
	return rc;
}

/* Returns when person p was last told of a change of session s, or invited (0: never); -1. */
static int64_t
last_change_told(struct store *st, int64_t session_id, int64_t participant_id, su_err *e)
{
	static const char *const sql =
		"SELECT coalesce(max(planned_at), 0) FROM outbox INDEXED BY outbox_one_reminder"
		" WHERE session_id = ? AND participant_id = ? AND change_key IS NOT NULL"
		" AND state <> 'withdrawn'";
	sqlite3_stmt *stmt = store_stmt(st, sql, e);
	int64_t at = -1;

	if (stmt == NULL)
		return -1;
	db_bind_int(stmt, 1, session_id);
	db_bind_int(stmt, 2, participant_id);
	if (db_step_row(stmt, e) == 1)
		at = sqlite3_column_int64(stmt, 0);
	sqlite3_reset(stmt);
	return at;
}

/*
 * Marks in a grid (a byte per person row and session column; NULL when the
 * policy has no reminders or no quiet hours) each person and session that a
 * change notice or invitation of out's, not planned yet, tells now.
 */
static unsigned char *
told_now(const struct roll *r, const struct notice_due_list *out)
{
	unsigned char *grid;

	if (r->policy.n_reminders == 0 || r->policy.reminder_quiet_hours <= 0)
		return NULL;
	grid = xcalloc(r->people.n * r->sessions.n + 1, 1);
	for (size_t k = 0; k < out->n; k++)
		if (out->v[k].change != NULL && !out->v[k].planned)
			grid[out->v[k].person * r->sessions.n + out->v[k].session] = 1;
	return grid;
}

/*
 * Returns 1 if person i's reminder of session j at 'offset' is quiet
 * (reminders.quiet_hours): a change notice or invitation of that session
 * tells them now, or was planned at most that many hours before the
 * reminder's time (or after it); the reminder would say nothing new. 0, or -1.
 */
static int
reminder_quiet(struct store *st, const struct roll *r, const unsigned char *told, size_t i,
    size_t j, int offset, su_err *e)
{
	int64_t at, moment = r->sessions.v[j].starts_at - (int64_t)offset * 60;

	if (told == NULL)
		return 0;
	if (told[i * r->sessions.n + j])
		return 1;
	if ((at = last_change_told(st, r->sessions.v[j].id, r->people.v[i].id, e)) < 0)
		return -1;
	return at > 0 && at >= moment - (int64_t)r->policy.reminder_quiet_hours * 3600;
}

/*
 * Adds the reminders due in roll r: for each session, the offset closest to
 * its start, but none that is quiet (reminder_quiet); 0 or -1.
 */
static int
reminders_due(struct store *st, const struct roll *r, struct notice_due_list *out, su_err *e)
{
	unsigned char *told = told_now(r, out);
	int rc = 0;

	for (size_t j = 0; rc == 0 && j < r->sessions.n; j++) {
		const struct session *s = &r->sessions.v[j];
		int offset = reminder_offset_due(&r->policy, s->starts_at, s->cancelled, r->now);

		for (size_t i = 0; offset >= 0 && rc == 0 && i < r->people.n; i++) {
			int planned, quiet = 0;

			if (roll_outcome(r, i, j) != OUTCOME_UPCOMING)
				continue;
			if ((planned = reminder_planned(st, s->id, r->people.v[i].id, offset, e)) < 0 ||
			    (!planned && (quiet = reminder_quiet(st, r, told, i, j, offset, e)) < 0))
				rc = -1;
			else if (!quiet)
				due_add(out, &(struct notice_due){ .person = i, .session = j,
				    .kind = "session-reminder", .step = -1, .offset = offset,
				    .planned = planned });
		}
	}
	free(told);
	return rc;
}

/* Marks each notice of a person held by hand (outbox_holds_load) with the hold's end; 0 or -1. */
static int
mark_held(struct store *st, const struct roll *r, struct notice_due_list *out, su_err *e)
{
	int64_t *held_until = xcalloc(r->people.n + 1, sizeof *held_until);
	int rc = outbox_holds_load(st, r, held_until, e);

	for (size_t k = 0; rc == 0 && k < out->n; k++)
		out->v[k].held_until = out->v[k].planned ? 0 : held_until[out->v[k].person];
	free(held_until);
	return rc;
}

int
outbox_notices_due(struct store *st, const struct roll *r, struct notice_due_list *out,
    su_err *e)
{
	memset(out, 0, sizeof *out);
	if (changes_collect(st, r, &out->changes, e) < 0 || steps_due(st, r, out, e) < 0 ||
	    corrections_due(st, r, out, e) < 0 || changes_due(st, r, out, e) < 0 ||
	    reminders_due(st, r, out, e) < 0 || mark_held(st, r, out, e) < 0) {
		notice_due_list_free(out);
		return -1;
	}
	return 0;
}

void
notice_due_list_free(struct notice_due_list *l)
{
	free(l->v);
	free(l->corrections);
	changes_free(&l->changes);
	memset(l, 0, sizeof *l);
}

int
outbox_due_kept_back(const struct notice_due *d, struct plan_result *r)
{
	if (d->planned)
		return 0;
	if (d->held_until > 0) {	/* the coach holds this person's notices */
		r->held++;
		return 1;
	}
	if (d->waits_until > 0) {	/* the coach may still correct the record */
		if (r->waiting++ == 0 || d->waits_until < r->waiting_until)
			r->waiting_until = d->waits_until;
		return 1;
	}
	return 0;
}

/* Returns 1 if row key 'key' is the correction person i is due ('due'->corrections). */
static int
correction_wanted(const struct notice_due_list *due, size_t i, const char *key)
{
	char want[64];

	if (due->corrections == NULL || due->corrections[i] == NULL)
		return 0;
	outbox_correction_key(due->corrections[i], want, sizeof want);
	return strcmp(want, key) == 0;
}

/*
 * Returns 1 if an unsent row is still wanted: its ladder step still due, its
 * correction still due, its reminder still the one due for a person still
 * expected, its change still told to that person.
 */
static int
still_wanted(const struct roll *roll, const struct notice_due_list *due, sqlite3_stmt *row,
    int64_t now)
{
	int step = sqlite3_column_int(row, 2), offset = sqlite3_column_int(row, 4);
	const char *key = (const char *)sqlite3_column_text(row, 5);
	const struct change_list *changes = &due->changes;
	const struct change *c;
	const struct session *s;
	size_t i, j;

	if (!idmap_get(&roll->person_index, sqlite3_column_int64(row, 1), &i))
		return 0;
	if (step >= 0)
		return roll_person(roll, i)->step_due == step;
	if (key != NULL && strncmp(key, correction_prefix, sizeof correction_prefix - 1) == 0)
		return correction_wanted(due, i, key);
	if (key != NULL)
		return (c = changes_find(changes, key)) != NULL && change_tells(roll, changes, c, i);
	if (!idmap_get(&roll->session_index, sqlite3_column_int64(row, 3), &j))
		return 0;
	s = &roll->sessions.v[j];
	return roll_outcome(roll, i, j) == OUTCOME_UPCOMING &&
	    reminder_offset_due(&roll->policy, s->starts_at, s->cancelled, now) == offset;
}

/* Withdraws unsent rows no longer wanted (see still_wanted); a count or -1. */
static int
withdraw_stale(struct store *st, const struct roll *roll, const struct notice_due_list *due,
    int64_t now, su_err *e)
{
	static const char *const sql_pending =
		"SELECT id, participant_id, step, coalesce(session_id, 0),"
		" coalesce(offset_minutes, -1), change_key FROM outbox"
		" WHERE cohort_id = ? AND (state = 'pending' OR state = 'retry')"
		" AND participant_id IS NOT NULL";	/* the coach's: see coach.c */
	static const char *const sql_withdraw =
		"UPDATE outbox SET state = 'withdrawn' WHERE id = ?";
	sqlite3_stmt *stmt = store_stmt(st, sql_pending, e);
	int64_t *stale = NULL;
	size_t n = 0;
	int rc;

	if (stmt == NULL)
		return -1;
	db_bind_int(stmt, 1, roll->cohort->id);
	while ((rc = db_step_row(stmt, e)) == 1) {
		if (still_wanted(roll, due, stmt, now))
			continue;
		stale = xrealloc(stale, (n + 1) * sizeof *stale);
		stale[n++] = sqlite3_column_int64(stmt, 0);
	}
	sqlite3_reset(stmt);
	for (size_t k = 0; rc == 0 && k < n; k++) {
		char id[32];

		snprintf(id, sizeof id, "outbox %lld", (long long)stale[k]);
		if ((stmt = store_stmt(st, sql_withdraw, e)) == NULL)
			rc = -1;
		else {
			db_bind_int(stmt, 1, stale[k]);
			rc = db_step_done(stmt, e);
		}
		if (rc == 0)	/* its message told it: the others get a new one */
			rc = outbox_split(st, stale[k], e);
		if (rc == 0)
			rc = audit_add(st, roll->cohort->id, "notice withdraw", id, "pending",
			    "withdrawn: no longer due", e);
	}
	free(stale);
	return rc < 0 ? -1 : (int)n;
}

int
outbox_plan(struct store *st, const struct cohort *c, const struct policy *p,
    const struct notice_templates *t, int64_t now, const struct pdf_options *attach,
    struct plan_result *r, su_err *e)
{
	struct notice_due_list due = { 0 };
	struct notice_links links = { .base = t->link_base };
	struct roll roll;
	struct plan_source src = { &roll, &links, NULL, attach };
	int rc = -1, n;

	memset(&roll, 0, sizeof roll);
	if (store_begin(st, e) < 0)	/* the record read and written as one moment */
		return -1;
	if (outbox_holds_end(st, c->id, now, e) < 0 || roll_load(st, c, p, now, &roll, e) < 0 ||
	    (attach != NULL && (src.reports = commitment_book_open(st, &roll, e)) == NULL))
		goto rollback;
	if (links.base != NULL && webauth_key_load(st, now, &links.key, e) < 0)
		goto rollback;
	if (outbox_notices_due(st, &roll, &due, e) < 0 ||
	    (n = withdraw_stale(st, &roll, &due, now, e)) < 0)
		goto rollback;
	r->withdrawn += (size_t)n;
	if (outbox_compose(st, &src, &due, t, now, r, e) < 0 ||
	    coach_plan(st, &roll, &due, t, attach, r, e) < 0)
		goto rollback;
	rc = store_commit(st, e);
	goto done;
rollback:
	store_rollback(st);
done:
	commitment_book_close(src.reports);
	notice_due_list_free(&due);
	roll_free(&roll);
	return rc;
}

void
plan_result_free(struct plan_result *r)
{
	sb_free(&r->refusals);
}

int
outbox_list_all(struct store *st, int64_t cohort_id, const char *state, int bytes,
    struct outbox_list *out, su_err *e)
{
	static const char *const sql =
		"SELECT o.id, coalesce(o.participant_id, 0), coalesce(p.email, o.to_addr),"
		" coalesce(p.name, c.coach_name), o.kind, o.step, o.points,"
		" o.subject, o.state, o.attempts, o.message_id, o.reply, o.planned_at,"
		" coalesce(o.sent_at, 0), CASE WHEN ?3 THEN o.message END, o.held_at IS NOT NULL,"
		" coalesce(o.part_of, 0)"
		" FROM outbox o LEFT JOIN participant p ON p.id = o.participant_id"
		" JOIN cohort c ON c.id = o.cohort_id"
		" WHERE o.cohort_id = ?1 AND (?2 IS NULL OR o.state = ?2) ORDER BY o.id";
	sqlite3_stmt *stmt = store_stmt(st, sql, e);
	int rc;

	memset(out, 0, sizeof *out);
	if (stmt == NULL)
		return -1;
	db_bind_int(stmt, 1, cohort_id);
	db_bind_text(stmt, 2, state);
	db_bind_int(stmt, 3, bytes);
	while ((rc = db_step_row(stmt, e)) == 1) {
		struct outbox_row *o;

		out->v = xrealloc(out->v, (out->n + 1) * sizeof *out->v);
		o = &out->v[out->n++];
		memset(o, 0, sizeof *o);
		o->id = sqlite3_column_int64(stmt, 0);
		o->participant_id = sqlite3_column_int64(stmt, 1);
		o->email = db_column_dup(stmt, 2);
		o->name = db_column_dup(stmt, 3);
		o->kind = db_column_dup(stmt, 4);
		o->step = sqlite3_column_int(stmt, 5);
		o->points = sqlite3_column_int(stmt, 6);
		o->subject = db_column_dup(stmt, 7);
		o->state = db_column_dup(stmt, 8);
		o->attempts = sqlite3_column_int(stmt, 9);
		o->message_id = db_column_dup(stmt, 10);
		o->reply = db_column_dup(stmt, 11);
		o->planned_at = sqlite3_column_int64(stmt, 12);
		o->sent_at = sqlite3_column_int64(stmt, 13);
		o->held = sqlite3_column_int(stmt, 15);
		o->part_of = sqlite3_column_int64(stmt, 16);
		if (bytes) {
			o->message_len = (size_t)sqlite3_column_bytes(stmt, 14);
			o->message = xmalloc(o->message_len + 1);
			memcpy(o->message, sqlite3_column_blob(stmt, 14) ? sqlite3_column_blob(stmt,
			    14) : "", o->message_len);
		}
	}
	sqlite3_reset(stmt);
	if (rc < 0)
		outbox_list_free(out);
	return rc;
}

void
outbox_list_free(struct outbox_list *l)
{
	for (size_t i = 0; i < l->n; i++) {
		struct outbox_row *o = &l->v[i];

		free(o->email);
		free(o->name);
		free(o->kind);
		free(o->subject);
		free(o->state);
		free(o->message_id);
		free(o->reply);
		free(o->message);
	}
	free(l->v);
	memset(l, 0, sizeof *l);
}
