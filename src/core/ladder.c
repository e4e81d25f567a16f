/* ladder.c - notices sent and refund offers: the ladder's marks in the store, all audited. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "showup/ladder.h"
#include "showup/money.h"
#include "showup/timeutil.h"
#include "store-private.h"
#include "showup/words.h"

static const char *const state_names[] = {
	[OFFER_OPEN] = "open", [OFFER_ACCEPTED] = "accepted",
	[OFFER_DECLINED] = "declined", [OFFER_EXPIRED] = "expired",
};

const char *
offer_state_name(enum offer_state s)
{
	return (unsigned)s < ARRAY_SIZE(state_names) ? state_names[s] : "?";
}

int
review_record(struct store *st, const struct cohort *c, const struct participant *p,
    int points, int64_t when, const char *note, su_err *e)
{
	static const char *const sql = "INSERT INTO review (cohort_id, participant_id,"
	    " points, done_at, note) VALUES (?, ?, ?, ?, ?)";
	sqlite3_stmt *stmt;
	char *desc;
	int rc;

	if (text_fits("note", note, FIELD_NOTE_MAX, e) < 0 ||
	    (stmt = store_stmt(st, sql, e)) == NULL)
		return -1;
	db_bind_int(stmt, 1, c->id);
	db_bind_int(stmt, 2, p->id);
	db_bind_int(stmt, 3, points);
	db_bind_int(stmt, 4, when);
	db_bind_text(stmt, 5, note ? note : "");
	if (db_step_done(stmt, e) < 0)
		return -1;
	desc = note && *note ? xasprintf("reviewed at %d %s: %s", points,
	    plural(points, "point", "points"), note)
	    : xasprintf("reviewed at %d %s", points, plural(points, "point", "points"));
	rc = audit_add(st, c->id, "coach review", p->email, NULL, desc, e);
	free(desc);
	return rc;
}

/* Returns the state a stored name stands for (open when unknown). */
static enum offer_state
offer_state_parse(const char *name)
{
	for (size_t i = 0; i < ARRAY_SIZE(state_names); i++)
		if (strcmp(name, state_names[i]) == 0)
			return (enum offer_state)i;
	return OFFER_OPEN;
}

int
notice_record_sent(struct store *st, const struct cohort *c, const struct participant *p,
    int step, const char *kind, int points, int64_t when, su_err *e)
{
	static const char *const sql =
		"INSERT INTO notice (cohort_id, participant_id, step, kind, points, sent_at)"
		" VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (participant_id, step) DO NOTHING";
	sqlite3_stmt *stmt = store_stmt(st, sql, e);
	char *desc;
	int rc;

	if (stmt == NULL)
		return -1;
	db_bind_int(stmt, 1, c->id);
	db_bind_int(stmt, 2, p->id);
	db_bind_int(stmt, 3, step);
	db_bind_text(stmt, 4, kind);
	db_bind_int(stmt, 5, points);
	db_bind_int(stmt, 6, when);
	if (db_step_done(stmt, e) < 0)
		return -1;
	if (sqlite3_changes(st->db) == 0)
		return su_err_set(e, "the %s notice went to '%s' already", kind, p->email);
	desc = xasprintf("%s sent at %d %s", kind, points, plural(points, "point", "points"));
	rc = audit_add(st, c->id, "notice sent", p->email, NULL, desc, e);
	free(desc);
	return rc;
}

int
notice_list_sent(struct store *st, int64_t cohort_id, struct notice_sent_list *out,
    su_err *e)
{
	static const char *const sql =
		"SELECT participant_id, step, kind, points, sent_at FROM notice"
		" WHERE cohort_id = ? ORDER BY sent_at, id";
	sqlite3_stmt *stmt = store_stmt(st, sql, e);
	size_t cap = 0;
	int rc;

	memset(out, 0, sizeof *out);
	if (stmt == NULL)
		return -1;
	db_bind_int(stmt, 1, cohort_id);
	while ((rc = db_step_row(stmt, e)) == 1) {
		struct notice_sent *n;

		if (out->n == cap) {
			cap = cap ? cap * 2 : 16;
			out->v = xrealloc(out->v, cap * sizeof *out->v);
		}
		n = &out->v[out->n++];
		n->participant_id = sqlite3_column_int64(stmt, 0);
		n->step = sqlite3_column_int(stmt, 1);
		n->kind = db_column_dup(stmt, 2);
		n->points = sqlite3_column_int(stmt, 3);
		n->sent_at = sqlite3_column_int64(stmt, 4);
	}
	sqlite3_reset(stmt);
	if (rc < 0)
		notice_sent_list_free(out);
	return rc;
}

void
notice_sent_list_free(struct notice_sent_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i].kind);
	free(l->v);
	memset(l, 0, sizeof *l);
}

/* Returns "1,500.00 AUD until 2027-03-08 09:00 (manual)": an offer for the log; caller frees. */
static char *
offer_describe(const struct cohort *c, int64_t amount, int64_t expires_at, const char *origin)
{
	char money[48], until[40];

	return xasprintf("%s until %s (%s)", money_format(amount, c->currency, money,
	    sizeof money), time_format_local(c->tz, expires_at, until, sizeof until), origin);
}

/* Finds p's open offer; 1 found (its id and time span set), 0 none, -1 error. */
static int
open_offer_of(struct store *st, const struct participant *p, int64_t *id,
    int64_t *offered_at, int64_t *expires_at, su_err *e)
{
	static const char *const sql =
		"SELECT id, offered_at, expires_at FROM refund_offer"
		" WHERE participant_id = ? AND state = 'open'";
	sqlite3_stmt *stmt = store_stmt(st, sql, e);
	int rc;

	if (stmt == NULL)
		return -1;
	db_bind_int(stmt, 1, p->id);
	rc = db_step_row(stmt, e);
	if (rc == 1) {
		*id = sqlite3_column_int64(stmt, 0);
		*offered_at = sqlite3_column_int64(stmt, 1);
		*expires_at = sqlite3_column_int64(stmt, 2);
	}
	sqlite3_reset(stmt);
	return rc;
}

int
refund_offer_open(struct store *st, const struct cohort *c, const struct policy *pol,
    const struct participant *p, int64_t amount_cents, const char *origin, int64_t now,
    int64_t *expires_out, su_err *e)
{
	static const char *const sql =
		"INSERT INTO refund_offer (cohort_id, participant_id, amount_cents, currency,"
		" origin, offered_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)";
	int64_t expires_at = now + (int64_t)pol->refund_days * 86400, id, from, until;
	sqlite3_stmt *stmt;
	char *desc;
	int rc;

	if (pol->refund == REFUND_NONE)
		return su_err_set(e, "the policy of cohort '%s' offers no refund "
		    "(refund is 'none')", c->slug);
	if (p->status == PARTICIPANT_WITHDRAWN)
		return su_err_set(e, "'%s' has withdrawn already", p->email);
	if ((rc = open_offer_of(st, p, &id, &from, &until, e)) != 0)
		return rc < 0 ? -1 : su_err_set(e, "'%s' has an open refund offer already",
		    p->email);
	if ((stmt = store_stmt(st, sql, e)) == NULL)
		return -1;
	db_bind_int(stmt, 1, c->id);
	db_bind_int(stmt, 2, p->id);
	db_bind_int(stmt, 3, amount_cents);
	db_bind_text(stmt, 4, c->currency);
	db_bind_text(stmt, 5, origin);
	db_bind_int(stmt, 6, now);
	db_bind_int(stmt, 7, expires_at);
	if (db_step_done(stmt, e) < 0)
		return -1;
	desc = offer_describe(c, amount_cents, expires_at, origin);
	rc = audit_add(st, c->id, "refund offer", p->email, NULL, desc, e);
	free(desc);
	if (expires_out != NULL)
		*expires_out = expires_at;
	return rc;
}

/* Sets offer 'id' to 'state' at 'when'; 0 or -1. */
static int
offer_settle(struct store *st, int64_t id, enum offer_state state, int64_t when, su_err *e)
{
	static const char *const sql =
		"UPDATE refund_offer SET state = ?, decided_at = ? WHERE id = ?";
	sqlite3_stmt *stmt = store_stmt(st, sql, e);

	if (stmt == NULL)
		return -1;
	db_bind_text(stmt, 1, offer_state_name(state));
	db_bind_int(stmt, 2, when);
	db_bind_int(stmt, 3, id);
	return db_step_done(stmt, e);
}

int
refund_offer_decide(struct store *st, const struct cohort *c, const struct participant *p,
    enum offer_state decision, int64_t now, su_err *e)
{
	int64_t id = 0, from = 0, until = 0;
	char when[40];
	int rc;

	if ((rc = open_offer_of(st, p, &id, &from, &until, e)) <= 0)
		return rc < 0 ? -1 : su_err_set(e, "'%s' has no open refund offer", p->email);
	if (now < from)
		return su_err_set(e, "the offer to '%s' was made only on %s", p->email,
		    time_format_local(c->tz, from, when, sizeof when));
	if (now > until)
		return su_err_set(e, "the offer to '%s' ran out on %s", p->email,
		    time_format_local(c->tz, until, when, sizeof when));
	if (now > time_now())
		return su_err_set(e, "an answer cannot come in later than now");
	if (offer_settle(st, id, decision, now, e) < 0 ||
	    audit_add(st, c->id, "refund offer", p->email, "open",
	    offer_state_name(decision), e) < 0)
		return -1;
	if (decision == OFFER_ACCEPTED && p->status == PARTICIPANT_ACTIVE)
		return participant_withdraw(st, c, p, now, e);
	return 0;
}

int
refund_offers_due(struct store *st, int64_t now, su_err *e)
{
	static const char *const sql =
		"SELECT count(*) FROM refund_offer WHERE state = 'open' AND expires_at <= ?";
	sqlite3_stmt *stmt = store_stmt(st, sql, e);
	int rc;

	if (stmt == NULL)
		return -1;
	db_bind_int(stmt, 1, now);
	rc = db_step_row(stmt, e);
	if (rc == 1)
		rc = sqlite3_column_int(stmt, 0);
	sqlite3_reset(stmt);
	return rc;
}

int
refund_offers_expire(struct store *st, int64_t now, su_err *e)
{
	static const char *const sql_due =
		"SELECT o.id, o.cohort_id, p.email FROM refund_offer o"
		" JOIN participant p ON p.id = o.participant_id"
		" WHERE o.state = 'open' AND o.expires_at <= ? ORDER BY o.id";
	sqlite3_stmt *stmt = store_stmt(st, sql_due, e);
	struct { int64_t id, cohort_id; char *email; } *due = NULL;
	size_t n = 0, cap = 0;
	int rc;

	if (stmt == NULL)
		return -1;
	db_bind_int(stmt, 1, now);
	while ((rc = db_step_row(stmt, e)) == 1) {
		if (n == cap) {
			cap = cap ? cap * 2 : 8;
			due = xrealloc(due, cap * sizeof *due);
		}
		due[n].id = sqlite3_column_int64(stmt, 0);
		due[n].cohort_id = sqlite3_column_int64(stmt, 1);
		due[n++].email = db_column_dup(stmt, 2);
	}
	sqlite3_reset(stmt);
	for (size_t i = 0; rc == 0 && i < n; i++)
		if (offer_settle(st, due[i].id, OFFER_EXPIRED, now, e) < 0 ||
		    audit_add(st, due[i].cohort_id, "refund offer", due[i].email, "open",
		    "expired", e) < 0)
			rc = -1;
	for (size_t i = 0; i < n; i++)
		free(due[i].email);
	free(due);
	return rc < 0 ? -1 : (int)n;
}

int
refund_offer_list_all(struct store *st, int64_t cohort_id, struct refund_offer_list *out,
    su_err *e)
{
	static const char *const sql =
		"SELECT id, participant_id, amount_cents, currency, origin, offered_at,"
		" expires_at, state, coalesce(decided_at, 0) FROM refund_offer"
		" WHERE cohort_id = ? ORDER BY id";
	sqlite3_stmt *stmt = store_stmt(st, sql, e);
	int64_t now = time_now();
	size_t cap = 0;
	int rc;

	memset(out, 0, sizeof *out);
	if (stmt == NULL)
		return -1;
	db_bind_int(stmt, 1, cohort_id);
	while ((rc = db_step_row(stmt, e)) == 1) {
		struct refund_offer *o;
		char *state;

		if (out->n == cap) {
			cap = cap ? cap * 2 : 8;
			out->v = xrealloc(out->v, cap * sizeof *out->v);
		}
		o = &out->v[out->n++];
		o->id = sqlite3_column_int64(stmt, 0);
		o->participant_id = sqlite3_column_int64(stmt, 1);
		o->amount_cents = sqlite3_column_int64(stmt, 2);
		o->currency = db_column_dup(stmt, 3);
		o->origin = db_column_dup(stmt, 4);
		o->offered_at = sqlite3_column_int64(stmt, 5);
		o->expires_at = sqlite3_column_int64(stmt, 6);
		state = db_column_dup(stmt, 7);
		o->state = offer_state_parse(state);
		free(state);
		o->decided_at = sqlite3_column_int64(stmt, 8);
		if (o->state == OFFER_OPEN && o->expires_at <= now) {
			o->state = OFFER_EXPIRED;	/* as the next change will store it */
			o->decided_at = o->expires_at;
		}
	}
	sqlite3_reset(stmt);
	if (rc < 0)
		refund_offer_list_free(out);
	return rc;
}

const struct refund_offer *
refund_offer_latest(const struct refund_offer_list *l, int64_t participant_id)
{
	for (size_t i = l->n; i > 0; i--)
		if (l->v[i - 1].participant_id == participant_id)
			return &l->v[i - 1];
	return NULL;
}

void
refund_offer_list_free(struct refund_offer_list *l)
{
	for (size_t i = 0; i < l->n; i++) {
		free(l->v[i].currency);
		free(l->v[i].origin);
	}
	free(l->v);
	memset(l, 0, sizeof *l);
}
