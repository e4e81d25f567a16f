/* outbox-plan.c - the outbox filled: each notice due rendered for its participant and
 * stored as the exact message it will send, once; and the outbox listed. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "showup/message.h"
#include "showup/outbox.h"
#include "showup/report.h"
#include "showup/roll.h"
#include "showup/timeutil.h"

/* Returns the domain of an address ("example.com"), for Message-IDs. */
static const char *
domain_of(const char *addr)
{
	const char *at = strrchr(addr, '@');

	return at ? at + 1 : "showup.invalid";
}

/* Returns the id the next outbox row will get (we hold the write lock); 0 on error. */
static int64_t
next_outbox_id(struct store *st)
{
	static const char *const sql = "SELECT coalesce(max(id), 0) + 1 FROM outbox";
	sqlite3_stmt *stmt = store_stmt(st, sql, NULL);
	int64_t id = 0;

	if (stmt != NULL && db_step_row(stmt, NULL) == 1)
		id = sqlite3_column_int64(stmt, 0);
	if (stmt != NULL)
		sqlite3_reset(stmt);
	return id;
}

/* Returns a Message-ID no other message has: the outbox row it will be, and where from. */
static char *
new_message_id(struct store *st, const struct cohort *c, int64_t now)
{
	return xasprintf("<showup.%s.%lld.%lld@%s>", c->slug, (long long)next_outbox_id(st),
	    (long long)now, domain_of(c->coach_email));
}


/* Stores one planned message; 0 added, 1 already planned, -1 error. */
static int
store_planned(struct store *st, const struct cohort *c, const struct participant *p,
    int step, const char *kind, int points, int64_t refund, const char *subject,
    const struct strbuf *msg, const char *message_id, int64_t now, int64_t session_id,
    int offset, su_err *e)
{
	static const char *const sql =
		"INSERT INTO outbox (cohort_id, participant_id, kind, step, points, refund_cents,"
		" subject, message, message_id, planned_at, session_id, offset_minutes)"
		" VALUES (?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING";
	sqlite3_stmt *stmt = store_stmt(st, sql, e);
	char *desc;
	int rc;

	if (stmt == NULL)
		return -1;
	db_bind_int(stmt, 1, c->id);
	db_bind_int(stmt, 2, p->id);
	db_bind_text(stmt, 3, kind);
	db_bind_int(stmt, 4, step);
	db_bind_int(stmt, 5, points);
	if (refund >= 0)
		db_bind_int(stmt, 6, refund);
	db_bind_text(stmt, 7, subject);
	sqlite3_bind_blob(stmt, 8, msg->buf, (int)msg->len, SQLITE_TRANSIENT);
	db_bind_text(stmt, 9, message_id);
	db_bind_int(stmt, 10, now);
	if (session_id > 0) {
		db_bind_int(stmt, 11, session_id);
		db_bind_int(stmt, 12, offset);
	}
	if (db_step_done(stmt, e) < 0)
		return -1;
	if (sqlite3_changes(st->db) == 0)
		return 1;
	desc = xasprintf("%s planned at %d points, %s", kind, points, message_id);
	rc = audit_add(st, c->id, "notice plan", p->email, NULL, desc, e);
	free(desc);
	return rc;
}

/* What a planned row is besides its message: its step or session, and what rides along. */
struct planned {
	int step;			/* -1 for a session reminder */
	const char *kind;
	int points;
	int64_t refund;			/* -1: no refund offer */
	int64_t session_id;		/* a reminder's session, else 0 */
	int offset;			/* a reminder's minutes ahead, else -1 */
	const char *pdf;		/* an attachment, or NULL */
	size_t pdf_len;
	const char *pdf_name;
};

/*
 * Builds the message from the coach to p and stores it; a message that cannot
 * be built (a line break in a header) is refused by name. Counts it in r; 0 or -1.
 */
static int
plan_message(struct store *st, const struct cohort *c, const struct participant *p,
    const struct planned *pl, const struct strbuf *subject, const struct strbuf *body,
    int64_t now, struct plan_result *r, su_err *e)
{
	char *message_id = new_message_id(st, c, now);
	struct strbuf msg = STRBUF_INIT;
	su_err why;
	int rc;

	rc = message_build(&(struct message){ .from_name = c->coach_name,
	    .from_addr = c->coach_email, .to_name = p->name, .to_addr = p->email,
	    .reply_to = c->coach_email, .subject = sb_str(subject), .date = now,
	    .message_id = message_id, .body = sb_str(body),
	    .attachment = (const unsigned char *)pl->pdf, .attachment_len = pl->pdf_len,
	    .attachment_name = pl->pdf_name }, &msg, &why);
	if (rc < 0) {
		r->refused++;
		sb_addf(&r->refusals, "%s: not planned: %s\n", p->email, why.msg);
		rc = 0;
	} else if ((rc = store_planned(st, c, p, pl->step, pl->kind, pl->points, pl->refund,
	    sb_str(subject), &msg, message_id, now, pl->session_id, pl->offset, e)) >= 0) {
		r->added += rc == 0;
		r->already += rc == 1;
		rc = 0;
	}
	free(message_id);
	sb_free(&msg);
	return rc;
}

/* Returns 1 if person p has a live outbox row for 'step'; -1 on error. */
static int
already_planned(struct store *st, int64_t participant_id, int step, su_err *e)
{
	static const char *const sql =
		"SELECT 1 FROM outbox WHERE participant_id = ? AND step = ?"
		" AND step >= 0 AND state <> 'withdrawn'";	/* the words of the partial index */
	sqlite3_stmt *stmt = store_stmt(st, sql, e);
	int rc;

	if (stmt == NULL)
		return -1;
	db_bind_int(stmt, 1, participant_id);
	db_bind_int(stmt, 2, step);
	rc = db_step_row(stmt, e);
	sqlite3_reset(stmt);
	return rc;
}

/* What plans draw on: the cohort's roll, and the book of its commitment reports when
 * they ride along (NULL when not). */
struct plan_source {
	const struct roll *roll;
	struct commitment_book *reports;
	const struct pdf_options *attach;
};

/* Renders person i's commitment report as of 'now' into 'pdf'; 0 or -1 with 'e' set. */
static int
report_bytes(const struct plan_source *src, size_t i, int64_t now, struct strbuf *pdf,
    su_err *e)
{
	struct report_request rq = { .pdf = *src->attach, .as_of = now };
	int rc;

	rq.pdf.date = now;
	rc = report_commitment_into(src->reports, i, &rq, pdf, e);
	sb_free(&rq.warnings);
	return rc;
}

/* Plans person i's due step; counts it in r. 0, or -1 on a store error. */
static int
plan_person(struct store *st, const struct plan_source *src, size_t i,
    const struct notice_templates *t, int64_t now, struct plan_result *r, su_err *e)
{
	const struct roll *roll = src->roll;
	const struct participant *p = &roll->people.v[i];
	const struct engine_person_result *pr = roll_person(roll, i);
	const char *kind = roll->policy.ladder[pr->step_due].kind;
	const struct notice_template *tpl = notice_template_find(t, kind);	/* loaded: all kinds */
	int last = policy_offer_step(&roll->policy, pr->step_due);
	int64_t expires = now + (int64_t)roll->policy.refund_days * 86400;
	struct planned pl = { pr->step_due, kind, pr->points,
		last && roll->policy.refund != REFUND_NONE ? pr->refund_cents : -1,
		0, -1, NULL, 0, NULL };
	struct strbuf subject = STRBUF_INIT, body = STRBUF_INIT, pdf = STRBUF_INIT;
	char *pdf_name = NULL;
	int rc;

	if ((rc = already_planned(st, p->id, pr->step_due, e)) != 0) {
		r->already += rc == 1;
		return rc < 0 ? -1 : 0;
	}
	if (src->reports != NULL) {
		if (report_bytes(src, i, now, &pdf, e) < 0)
			return -1;
		pl.pdf = pdf.buf;
		pl.pdf_len = pdf.len;
		pl.pdf_name = pdf_name = xasprintf("commitment-%s.pdf", roll->cohort->slug);
	}
	notice_render_step(roll, i, pr->step_due, pl.refund, expires, tpl, &subject, &body);
	rc = plan_message(st, roll->cohort, p, &pl, &subject, &body, now, r, e);
	sb_free(&pdf);
	free(pdf_name);
	sb_free(&subject);
	sb_free(&body);
	return rc;
}

/* Plans a reminder of session j for person i, 'offset' minutes ahead; 0 or -1. */
static int
plan_reminder(struct store *st, const struct roll *roll, size_t i, size_t j, int offset,
    const struct notice_template *t, int64_t now, struct plan_result *r, su_err *e)
{
	const struct session *s = &roll->sessions.v[j];
	struct planned pl = { -1, t->kind, 0, -1, s->id, offset, NULL, 0, NULL };
	struct strbuf subject = STRBUF_INIT, body = STRBUF_INIT;
	int rc;

	notice_render_reminder(roll, i, j, t, &subject, &body);
	rc = plan_message(st, roll->cohort, &roll->people.v[i], &pl, &subject, &body, now, r,
	    e);
	sb_free(&subject);
	sb_free(&body);
	return rc;
}

/* Plans the session reminders due now: at each offset before a session to come. */
static int
plan_reminders(struct store *st, const struct roll *roll, const struct notice_templates *t,
    int64_t now, struct plan_result *r, su_err *e)
{
	const struct notice_template *tpl = notice_template_find(t, "session-reminder");

	for (size_t j = 0; tpl != NULL && j < roll->sessions.n; j++) {
		const struct session *s = &roll->sessions.v[j];

		for (size_t k = 0; k < roll->policy.n_reminders; k++) {
			if (s->cancelled || now >= s->starts_at ||
			    now < s->starts_at - (int64_t)roll->policy.reminders[k] * 60)
				continue;
			for (size_t i = 0; i < roll->people.n; i++)
				if (roll_outcome(roll, i, j) == OUTCOME_UPCOMING &&
				    plan_reminder(st, roll, i, j, roll->policy.reminders[k], tpl,
				    now, r, e) < 0)
					return -1;
		}
	}
	return 0;
}

/* Withdraws pending rows whose step is no longer due (points corrected down); a count or -1. */
static int
withdraw_stale(struct store *st, const struct roll *roll, su_err *e)
{
	static const char *const sql_pending =
		"SELECT id, participant_id, step, coalesce(session_id, 0) FROM outbox"
		" WHERE cohort_id = ? AND (state = 'pending' OR state = 'retry')";
	static const char *const sql_withdraw =
		"UPDATE outbox SET state = 'withdrawn' WHERE id = ?";
	sqlite3_stmt *stmt = store_stmt(st, sql_pending, e);
	int64_t *stale = NULL;
	size_t n = 0, i;
	int rc;

	if (stmt == NULL)
		return -1;
	db_bind_int(stmt, 1, roll->cohort->id);
	while ((rc = db_step_row(stmt, e)) == 1) {
		int step = sqlite3_column_int(stmt, 2);
		size_t j;

		if (idmap_get(&roll->person_index, sqlite3_column_int64(stmt, 1), &i) &&
		    (step >= 0 ? roll_person(roll, i)->step_due == step :
		    idmap_get(&roll->session_index, sqlite3_column_int64(stmt, 3), &j) &&
		    roll_outcome(roll, i, j) == OUTCOME_UPCOMING))	/* still expected, no word */
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
	struct roll roll;
	struct plan_source src = { &roll, NULL, attach };
	int rc = -1, n;

	if (roll_load(st, c, p, now, &roll, e) < 0)
		return -1;
	if (attach != NULL && (src.reports = commitment_book_open(st, &roll, e)) == NULL)
		goto done;
	if (store_begin(st, e) < 0)
		goto done;
	roll.link_base = t->link_base;
	if (t->link_base != NULL && webauth_key_load(st, now, &roll.link_key, e) < 0)
		goto rollback;
	if ((n = withdraw_stale(st, &roll, e)) < 0)
		goto rollback;
	r->withdrawn += (size_t)n;
	for (size_t i = 0; i < roll.people.n; i++)	/* a coach review is never mailed */
		if (roll_person(&roll, i)->step_due >= 0 &&
		    roll_person(&roll, i)->step_due != policy_review_step(&roll.policy) &&
		    plan_person(st, &src, i, t, now, r, e) < 0)
			goto rollback;
	if (plan_reminders(st, &roll, t, now, r, e) < 0)
		goto rollback;
	rc = store_commit(st, e);
	goto done;
rollback:
	store_rollback(st);
done:
	commitment_book_close(src.reports);
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
		"SELECT o.id, o.participant_id, p.email, p.name, o.kind, o.step, o.points,"
		" o.subject, o.state, o.attempts, o.message_id, o.reply, o.planned_at,"
		" coalesce(o.sent_at, 0), CASE WHEN ?3 THEN o.message END"
		" FROM outbox o JOIN participant p ON p.id = o.participant_id"
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
