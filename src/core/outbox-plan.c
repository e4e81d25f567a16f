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
#include "outbox-private.h"
#include "store-private.h"

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
	    (long long)now, email_domain(c->coach_email));
}


/* Stores one planned message (p NULL: to the coach); 0 added, 1 already planned, -1 error. */
static int
store_planned(struct store *st, const struct cohort *c, const struct participant *p,
    int step, const char *kind, int points, int64_t refund, const char *subject,
    const struct strbuf *msg, const char *message_id, int64_t now, int64_t session_id,
    int offset, const char *change_key, su_err *e)
{
	static const char *const sql =
		"INSERT INTO outbox (cohort_id, participant_id, kind, step, points, refund_cents,"
		" subject, message, message_id, planned_at, session_id, offset_minutes,"
		" change_key, to_addr) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING";
	sqlite3_stmt *stmt = store_stmt(st, sql, e);
	char *desc;
	int rc;

	if (stmt == NULL)
		return -1;
	db_bind_int(stmt, 1, c->id);
	if (p != NULL)
		db_bind_int(stmt, 2, p->id);
	else
		db_bind_text(stmt, 14, c->coach_email);
	db_bind_text(stmt, 3, kind);
	db_bind_int(stmt, 4, step);
	db_bind_int(stmt, 5, points);
	if (refund >= 0)
		db_bind_int(stmt, 6, refund);
	db_bind_text(stmt, 7, subject);
	sqlite3_bind_blob(stmt, 8, msg->buf, (int)msg->len, SQLITE_TRANSIENT);
	db_bind_text(stmt, 9, message_id);
	db_bind_int(stmt, 10, now);
	if (session_id > 0)
		db_bind_int(stmt, 11, session_id);
	if (offset >= 0)
		db_bind_int(stmt, 12, offset);
	db_bind_text(stmt, 13, change_key);
	if (db_step_done(stmt, e) < 0)
		return -1;
	if (sqlite3_changes(st->db) == 0)
		return 1;
	desc = change_key ? xasprintf("%s planned for %s, %s", kind, change_key, message_id)
	    : xasprintf("%s planned at %d points, %s", kind, points, message_id);
	rc = audit_add(st, c->id, "notice plan", p ? p->email : c->coach_email, NULL, desc, e);
	free(desc);
	return rc;
}

int
outbox_plan_message(struct store *st, const struct cohort *c, const struct participant *p,
    const struct planned *pl, const struct strbuf *subject, const struct strbuf *body,
    int64_t now, struct plan_result *r, su_err *e)
{
	const char *to_name = p ? p->name : c->coach_name, *to_addr = p ? p->email
	    : c->coach_email;
	char *message_id = new_message_id(st, c, now);
	struct strbuf msg = STRBUF_INIT;
	su_err why;
	int rc;

	rc = message_build(&(struct message){ .from_name = c->coach_name,
	    .from_addr = c->coach_email, .to_name = to_name, .to_addr = to_addr,
	    .reply_to = c->coach_email, .subject = sb_str(subject), .date = now,
	    .message_id = message_id, .body = sb_str(body),
	    .attachment = (const unsigned char *)pl->pdf, .attachment_len = pl->pdf_len,
	    .attachment_name = pl->pdf_name, .calendar = pl->calendar,
	    .calendar_method = pl->calendar_method }, &msg, &why);
	if (rc < 0) {
		r->refused++;
		sb_addf(&r->refusals, "%s: not planned: %s\n", to_addr, why.msg);
		rc = 0;
	} else if ((rc = store_planned(st, c, p, pl->step, pl->kind, pl->points, pl->refund,
	    sb_str(subject), &msg, message_id, now, pl->session_id, pl->offset, pl->change_key,
	    e)) >= 0) {
		r->added += rc == 0;
		r->already += rc == 1;
		rc = 0;
	}
	free(message_id);
	sb_free(&msg);
	return rc;
}

/* What plans draw on: the cohort's roll, the personal links of its notices, and the
 * book of its commitment reports when they ride along (NULL when not). */
struct plan_source {
	const struct roll *roll;
	const struct notice_links *links;
	struct commitment_book *reports;
	const struct pdf_options *attach;
};

/* Returns 1 if person p has a live (or dropped) outbox row for 'step'; -1 on error. */
static int
already_planned(struct store *st, int64_t participant_id, int step, su_err *e)
{
	static const char *const sql = "SELECT 1 FROM outbox WHERE participant_id = ?"
	    " AND step = ? AND (state <> 'withdrawn' OR dropped_at IS NOT NULL)";
	const int64_t args[] = { participant_id, step };

	return store_exists(st, sql, args, ARRAY_SIZE(args), e);
}

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

/* Plans person i's due step (not in the outbox yet); counts it in r. 0, or -1 on a store error. */
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
	struct planned pl = { .step = pr->step_due, .kind = kind, .points = pr->points,
		.refund = last && roll->policy.refund != REFUND_NONE ? pr->refund_cents : -1,
		.offset = -1 };
	struct strbuf subject = STRBUF_INIT, body = STRBUF_INIT, pdf = STRBUF_INIT;
	char *pdf_name = NULL;
	int rc;

	if (src->reports != NULL) {
		if (report_bytes(src, i, now, &pdf, e) < 0) {	/* drawn from memory: not
								   the store's; the rest goes on */
			sb_free(&pdf);
			r->refused++;
			sb_addf(&r->refusals, "%s: not planned: %s\n", p->email, e->msg);
			return 0;
		}
		pl.pdf = pdf.buf;
		pl.pdf_len = pdf.len;
		pl.pdf_name = pdf_name = xasprintf("commitment-%s.pdf", roll->cohort->slug);
	}
	notice_render_step(roll, src->links, i, pr->step_due, pl.refund, expires, tpl, &subject,
	    &body);
	rc = outbox_plan_message(st, roll->cohort, p, &pl, &subject, &body, now, r, e);
	sb_free(&pdf);
	free(pdf_name);
	sb_free(&subject);
	sb_free(&body);
	return rc;
}

/* Returns 1 if notice 'pl' of session j takes it out of the calendar: called off, or its kind's. */
static int
calendar_cancels(const struct roll *roll, size_t j, const struct planned *pl)
{
	const struct notice_kind *kind = notice_kind_find(pl->kind);

	return roll->sessions.v[j].cancelled || (kind != NULL && kind->cancels_entry);
}

/*
 * Appends the invitation session notice 'pl' to person i carries: its
 * SEQUENCE the changes told so far, this one too; a calling-off cancels it.
 */
static int
session_calendar(struct store *st, const struct roll *roll, size_t i, size_t j,
    const struct planned *pl, struct strbuf *ics, su_err *e)
{
	const struct notice_kind *kind = notice_kind_find(pl->kind);
	int is_change = pl->change_key != NULL && (kind == NULL || !kind->first_entry);
	int seq = calendar_sequence(st, roll->sessions.v[j].id, roll->people.v[i].id, e);
	struct calendar_event ev = { j, i, seq + is_change };

	if (seq < 0)
		return -1;
	return calendar_build(roll, calendar_cancels(roll, j, pl) ? CALENDAR_CANCEL
	    : CALENDAR_REQUEST, &ev, 1, roll->now, ics, e);
}

/* Plans session notice 'pl' (a reminder or a change: 'ch') of session j for person i; 0 or -1. */
static int
plan_session_notice(struct store *st, const struct plan_source *src, size_t i, size_t j,
    const struct planned *pl, const struct notice_change *ch, const struct notice_template *t,
    int64_t now, struct plan_result *r, su_err *e)
{
	const struct roll *roll = src->roll;
	struct strbuf subject = STRBUF_INIT, body = STRBUF_INIT, ics = STRBUF_INIT;
	struct planned with = *pl;
	int rc;

	notice_render_session(roll, src->links, i, j, ch, t, &subject, &body);
	if ((rc = session_calendar(st, roll, i, j, pl, &ics, e)) == 0) {
		with.calendar = sb_str(&ics);
		with.calendar_method = calendar_cancels(roll, j, pl) ? "CANCEL" : "REQUEST";
		rc = outbox_plan_message(st, roll->cohort, &roll->people.v[i], &with, &subject, &body,
		    now, r, e);
	}
	sb_free(&subject);
	sb_free(&body);
	sb_free(&ics);
	return rc;
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

/* Returns 1 if person p was ever told (or will be) of change 'key', or it was dropped; -1. */
static int
change_planned(struct store *st, int64_t participant_id, const char *key, su_err *e)
{
	static const char *const sql = "SELECT 1 FROM outbox WHERE participant_id = ?"
	    " AND change_key = ? AND (state <> 'withdrawn' OR dropped_at IS NOT NULL)";
	sqlite3_stmt *stmt = store_stmt(st, sql, e);
	int rc;

	if (stmt == NULL)
		return -1;
	db_bind_int(stmt, 1, participant_id);
	db_bind_text(stmt, 2, key);
	rc = db_step_row(stmt, e);
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

/* Adds one notice wanted to the list. */
static void
due_add(struct notice_due_list *l, const struct notice_due *d)
{
	l->v = xrealloc(l->v, (l->n + 1) * sizeof *l->v);
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
	out->corrections = xcalloc(r->people.n + 1, sizeof *out->corrections);
	for (size_t i = 0; i < r->people.n; i++) {
		int k = r->epeople[i].steps_sent - 1, planned;
		const char *kind = k >= 0 ? r->policy.ladder[k].kind : NULL;
		char key[64];

		if (kind == NULL || roll_step_stands(r, i, k, r->step_sent_at[i]))
			continue;
		outbox_correction_key(kind, key, sizeof key);
		if ((planned = change_planned(st, r->people.v[i].id, key, e)) < 0)
			return -1;
		out->corrections[i] = kind;
		due_add(out, &(struct notice_due){ .person = i, .session = NOTICE_NO_SESSION,
		    .kind = "correction", .step = -1, .offset = -1, .planned = planned,
		    .corrects = kind, .corrects_sent_at = r->step_sent_at[i] });
	}
	return 0;
}

/* Adds a notice of each change in out->changes to each person it tells; 0 or -1. */
static int
changes_due(struct store *st, const struct roll *r, struct notice_due_list *out, su_err *e)
{
	const struct change_list *l = &out->changes;

	for (size_t k = 0; k < l->n; k++)
		for (size_t i = 0; i < r->people.n; i++) {
			int rc;

			if (!change_tells(r, l, &l->v[k], i))
				continue;
			if ((rc = change_planned(st, r->people.v[i].id, l->v[k].key, e)) < 0)
				return -1;
			due_add(out, &(struct notice_due){ .person = i,
			    .session = l->v[k].session, .kind = l->v[k].kind, .step = -1,
			    .offset = -1, .change = &l->v[k], .planned = rc });
		}
	return 0;
}

/* Adds the reminders due in roll r: for each session, the offset closest to its start; 0 or -1. */
static int
reminders_due(struct store *st, const struct roll *r, struct notice_due_list *out, su_err *e)
{
	for (size_t j = 0; j < r->sessions.n; j++) {
		const struct session *s = &r->sessions.v[j];
		int offset = reminder_offset_due(&r->policy, s->starts_at, s->cancelled, r->now);

		for (size_t i = 0; offset >= 0 && i < r->people.n; i++) {
			int rc;

			if (roll_outcome(r, i, j) != OUTCOME_UPCOMING)
				continue;
			if ((rc = reminder_planned(st, s->id, r->people.v[i].id, offset, e)) < 0)
				return -1;
			due_add(out, &(struct notice_due){ .person = i, .session = j,
			    .kind = "session-reminder", .step = -1, .offset = offset,
			    .planned = rc });
		}
	}
	return 0;
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

/* Plans session notice d (a reminder or a change) whose template t holds; 0 or -1. */
static int
plan_session_due(struct store *st, const struct plan_source *src, const struct notice_due *d,
    const struct notice_templates *t, int64_t now, struct plan_result *r, su_err *e)
{
	const struct roll *roll = src->roll;
	const struct notice_template *tpl = notice_template_find(t, d->kind);
	struct planned pl = { .step = -1, .kind = d->kind, .refund = -1,
		.session_id = roll->sessions.v[d->session].id, .offset = d->offset,
		.change_key = d->change ? d->change->key : NULL };

	if (tpl == NULL)	/* not loaded: this plan does not send that kind */
		return 0;
	return plan_session_notice(st, src, d->person, d->session, &pl,
	    d->change ? &d->change->what : NULL, tpl, now, r, e);
}

/* Plans the correction d (a ladder notice that no longer stands) if its template is loaded; 0 or -1. */
static int
plan_correction(struct store *st, const struct plan_source *src, const struct notice_due *d,
    const struct notice_templates *t, int64_t now, struct plan_result *r, su_err *e)
{
	const struct roll *roll = src->roll;
	const struct notice_template *tpl = notice_template_find(t, d->kind);
	struct strbuf subject = STRBUF_INIT, body = STRBUF_INIT;
	char key[64];
	struct planned pl = { .step = -1, .kind = d->kind,
		.points = roll_person(roll, d->person)->points, .refund = -1, .offset = -1,
		.change_key = key };
	int rc;

	if (tpl == NULL)
		return 0;
	outbox_correction_key(d->corrects, key, sizeof key);
	notice_render_correction(roll, src->links, d->person, d->corrects, d->corrects_sent_at,
	    tpl, &subject, &body);
	rc = outbox_plan_message(st, roll->cohort, &roll->people.v[d->person], &pl, &subject, &body,
	    now, r, e);
	sb_free(&subject);
	sb_free(&body);
	return rc;
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

/* Appends one CANCEL of person i's sessions 'cols' (n), each at its SEQUENCE raised; 0 or -1. */
static int
cancel_sessions(struct store *st, const struct roll *roll, size_t i, const size_t *cols,
    size_t n, struct strbuf *ics, su_err *e)
{
	struct calendar_event *ev = xcalloc(n + 1, sizeof *ev);
	int rc = 0;

	for (size_t k = 0; k < n && rc == 0; k++) {
		int seq = calendar_sequence(st, roll->sessions.v[cols[k]].id, roll->people.v[i].id,
		    e);

		ev[k] = (struct calendar_event){ cols[k], i, seq + 1 };
		rc = seq < 0 ? -1 : 0;
	}
	if (rc == 0)
		rc = calendar_build(roll, CALENDAR_CANCEL, ev, n, roll->now, ics, e);
	free(ev);
	return rc;
}

/*
 * Plans change notice d about a person and no one session (an exit, a refund)
 * whose template t holds; a kind that clears the calendar (an exit) carries one
 * CANCEL of every session to come it holds (exits_calendar_sessions). 0 or -1.
 */
static int
plan_person_change(struct store *st, const struct plan_source *src,
    const struct notice_due *d, const struct notice_templates *t, int64_t now,
    struct plan_result *r, su_err *e)
{
	const struct roll *roll = src->roll;
	const struct notice_template *tpl = notice_template_find(t, d->kind);
	const struct notice_kind *kind = notice_kind_find(d->kind);
	struct planned pl = { .step = -1, .kind = d->kind, .refund = -1, .offset = -1,
		.change_key = d->change->key };
	struct strbuf subject = STRBUF_INIT, body = STRBUF_INIT, ics = STRBUF_INIT;
	size_t *cols = NULL, n = 0;
	int rc = 0;

	if (tpl == NULL)	/* not loaded: this plan does not send that kind */
		return 0;
	if (kind != NULL && kind->cancels_entry)
		rc = exits_calendar_sessions(st, roll, d->person, &cols, &n, e);
	if (rc == 0 && n > 0 &&
	    (rc = cancel_sessions(st, roll, d->person, cols, n, &ics, e)) == 0) {
		pl.calendar = sb_str(&ics);
		pl.calendar_method = "CANCEL";
	}
	if (rc == 0) {
		notice_render_person(roll, src->links, d->person, &d->change->what, cols, n, tpl,
		    &subject, &body);
		rc = outbox_plan_message(st, roll->cohort, &roll->people.v[d->person], &pl, &subject,
		    &body, now, r, e);
	}
	free(cols);
	sb_free(&subject);
	sb_free(&body);
	sb_free(&ics);
	return rc;
}

/* Plans every notice of 'due' not in the outbox yet, in its order (changes before
 * reminders: their SEQUENCE); counts the others as planned before. 0 or -1. */
static int
plan_due(struct store *st, const struct plan_source *src, const struct notice_due_list *due,
    const struct notice_templates *t, int64_t now, struct plan_result *r, su_err *e)
{
	for (size_t k = 0; k < due->n; k++) {
		const struct notice_due *d = &due->v[k];
		int rc;

		if (d->planned) {
			r->already++;
			continue;
		}
		if (outbox_due_kept_back(d, r))
			continue;
		if (d->step >= 0)
			rc = plan_person(st, src, d->person, t, now, r, e);
		else if (d->corrects != NULL)
			rc = plan_correction(st, src, d, t, now, r, e);
		else if (d->session == NOTICE_NO_SESSION)
			rc = plan_person_change(st, src, d, t, now, r, e);
		else
			rc = plan_session_due(st, src, d, t, now, r, e);
		if (rc < 0)
			return -1;
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
	if (plan_due(st, &src, &due, t, now, r, e) < 0 ||
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
		" coalesce(o.sent_at, 0), CASE WHEN ?3 THEN o.message END, o.held_at IS NOT NULL"
		" FROM outbox o LEFT JOIN participant p ON p.id = o.participant_id"
		" JOIN cohort c ON c.id = o.cohort_id WHERE o.cohort_id = ?1 AND (?2 IS NULL OR o.state = ?2) ORDER BY o.id";
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
