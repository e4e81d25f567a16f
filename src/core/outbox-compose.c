/* SPDX-License-Identifier: Apache-2.0 */
/* outbox-compose.c - the notices a plan found due made into messages: one per person
 * per plan, however many notices concern them.
 *
 * The outbox keeps one row per notice: each is withdrawn, held, dropped and
 * recorded as sent on its own, and the judgement of what is due (outbox-plan.c)
 * counts rows. When one plan has several notices for one person, they go as one
 * message: the row of the main one (a ladder step before a change, a change
 * before an invitation, an invitation before a reminder) carries it, with the
 * subject of that notice (or a count: "3 changes to your sessions"), the texts
 * one after another, and one calendar part per METHOD holding every session
 * the notices put in or take out of the calendar; the other rows point to it
 * (part_of) and keep no message of their own. Sending takes the carrier and its
 * riders together (outbox.c). A notice of a person who gets a new one before
 * their message went, and the rest of a message one of whose notices was
 * withdrawn, are given the new message: never two messages to one person from
 * one plan, and never a message telling what is no longer so. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "showup/calendar.h"
#include "showup/exits.h"
#include "showup/lang.h"
#include "showup/message.h"
#include "showup/report.h"
#include "showup/roll.h"
#include "showup/words.h"
#include "outbox-compose.h"
#include "store-private.h"

/* Returns the Message-ID of outbox row 'id''s message made at 'now': no other message has it. */
static char *
message_id_of(const struct cohort *c, int64_t id, int64_t now)
{
	return xasprintf("<showup.%s.%lld.%lld@%s>", c->slug, (long long)id, (long long)now,
	    email_domain(c->coach_email));
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

/* Stores one planned row to p (NULL: to the coach, at the cohort's coach_email): its
 * message, or none when it rides in row 'part_of''s (0: its own); 0 added, 1 already
 * planned, -1 error. */
static int
store_planned(struct store *st, const struct cohort *c, const struct participant *p,
    const struct planned *pl, const char *subject, const struct strbuf *msg,
    const char *message_id, int64_t part_of, int64_t now, su_err *e)
{
	static const char *const sql =
		"INSERT INTO outbox (cohort_id, participant_id, kind, step, points, refund_cents,"
		" subject, message, message_id, planned_at, session_id, offset_minutes,"
		" change_key, part_of, to_addr) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
		" ON CONFLICT DO NOTHING";
	sqlite3_stmt *stmt = store_stmt(st, sql, e);
	char *desc;
	int rc;

	if (stmt == NULL)
		return -1;
	db_bind_int(stmt, 1, c->id);
	if (p != NULL)
		db_bind_int(stmt, 2, p->id);
	else
		db_bind_text(stmt, 15, c->coach_email);
	db_bind_text(stmt, 3, pl->kind);
	db_bind_int(stmt, 4, pl->step);
	db_bind_int(stmt, 5, pl->points);
	if (pl->refund >= 0)
		db_bind_int(stmt, 6, pl->refund);
	db_bind_text(stmt, 7, subject);
	sqlite3_bind_blob(stmt, 8, msg->len ? msg->buf : "", (int)msg->len, SQLITE_TRANSIENT);
	db_bind_text(stmt, 9, message_id);
	db_bind_int(stmt, 10, now);
	if (pl->session_id > 0)
		db_bind_int(stmt, 11, pl->session_id);
	if (pl->offset >= 0)
		db_bind_int(stmt, 12, pl->offset);
	db_bind_text(stmt, 13, pl->change_key);
	if (part_of > 0)
		db_bind_int(stmt, 14, part_of);
	if (db_step_done(stmt, e) < 0)
		return -1;
	if (sqlite3_changes(st->db) == 0)
		return 1;
	desc = pl->change_key ? xasprintf("%s planned for %s, %s", pl->kind, pl->change_key,
	    message_id) : xasprintf("%s planned at %d %s, %s", pl->kind, pl->points,
	    plural(pl->points, "point", "points"), message_id);
	rc = audit_add(st, c->id, "notice plan", p ? p->email : c->coach_email, NULL, desc, e);
	free(desc);
	return rc;
}

/* One notice rendered for its person's message: its words, its calendar entry, its row. */
struct part {
	int64_t row;			/* its outbox row when it has one, else 0 */
	int rank;			/* which leads a message: 3 a ladder step, 2 a change,
					   1 an invitation, 0 a reminder */
	int live;			/* rendered, and its row planned (not refused) */
	struct planned pl;
	struct strbuf subject, body, pdf;
	char *pdf_name;
	int has_event;			/* it carries a calendar entry: ev, cancels */
	struct calendar_event ev;
	int cancels;
	int new_change;			/* a change not in the outbox yet: it raises the
					   SEQUENCE of its session by one */
	struct calendar_event *cancel_ev;	/* a leaver's sessions to come, each taken out
					   of their calendar (exits_calendar_sessions) */
	size_t ncancel;
	char key[64];			/* a correction's change_key (pl points here) */
};

/* Frees what a part holds. */
static void
part_free(struct part *p)
{
	sb_free(&p->subject);
	sb_free(&p->body);
	sb_free(&p->pdf);
	free(p->pdf_name);
	free(p->cancel_ev);
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

/* Renders person i's due ladder step into p; 0, or 1 when refused (named in r). */
static int
render_step(const struct plan_source *src, size_t i, const struct notice_templates *t,
    int64_t now, struct part *p, struct plan_result *r)
{
	const struct roll *roll = src->roll;
	const struct engine_person_result *pr = roll_person(roll, i);
	const char *kind = roll->policy.ladder[pr->step_due].kind;
	const struct notice_template *tpl = notice_template_find(t, kind);	/* loaded: all kinds */
	int last = policy_offer_step(&roll->policy, pr->step_due);
	int64_t expires = now + (int64_t)roll->policy.refund_days * 86400;
	su_err why;

	p->rank = 3;
	p->pl = (struct planned){ .step = pr->step_due, .kind = kind, .points = pr->points,
		.refund = last && roll->policy.refund != REFUND_NONE ? pr->refund_cents : -1,
		.offset = -1 };
	if (src->reports != NULL) {
		if (report_bytes(src, i, now, &p->pdf, &why) < 0) {	/* drawn from memory:
									   the rest goes on */
			r->refused++;
			sb_addf(&r->refusals, "%s: not planned: %s\n", roll->people.v[i].email,
			    why.msg);
			return 1;
		}
		p->pdf_name = xasprintf("commitment-%s.pdf", roll->cohort->slug);
	}
	notice_render_step(roll, src->links, i, pr->step_due, p->pl.refund, expires, tpl,
	    &p->subject, &p->body);
	return 0;
}

/*
 * Renders session notice d (a reminder or a change) into p, with the calendar
 * entry it carries: its SEQUENCE the changes told so far, this one too when it
 * is new (a row given a new message counts already); a calling-off, or a kind
 * that takes the entry out, cancels it. 0, 1 when its template is not loaded
 * (this plan does not send that kind), -1.
 */
static int
render_session(struct store *st, const struct plan_source *src, const struct notice_due *d,
    int64_t row, const struct notice_templates *t, struct part *p, su_err *e)
{
	const struct roll *roll = src->roll;
	const struct notice_template *tpl = notice_template_find(t, d->kind);
	const struct notice_kind *kind = notice_kind_find(d->kind);
	const struct session *s = &roll->sessions.v[d->session];
	int is_change = d->change != NULL && (kind == NULL || !kind->first_entry), seq;

	if (tpl == NULL)
		return 1;
	p->rank = d->offset >= 0 ? 0 : kind != NULL && kind->first_entry ? 1 : 2;
	p->pl = (struct planned){ .step = -1, .kind = d->kind, .refund = -1,
		.session_id = s->id, .offset = d->offset,
		.change_key = d->change ? d->change->key : NULL };
	notice_render_session(roll, src->links, d->person, d->session,
	    d->change ? &d->change->what : NULL, tpl, &p->subject, &p->body);
	if ((seq = calendar_sequence(st, s->id, roll->people.v[d->person].id, e)) < 0)
		return -1;
	p->has_event = 1;
	p->new_change = is_change && row == 0;
	p->ev = (struct calendar_event){ d->session, d->person, seq + p->new_change };
	p->cancels = s->cancelled || (kind != NULL && kind->cancels_entry);
	return 0;
}

/* Renders correction d (a ladder notice sent that no longer stands) into p; 0, 1 when its
 * template is not loaded. */
static int
render_correction(const struct plan_source *src, const struct notice_due *d,
    const struct notice_templates *t, struct part *p)
{
	const struct roll *roll = src->roll;
	const struct notice_template *tpl = notice_template_find(t, d->kind);

	if (tpl == NULL)
		return 1;
	outbox_correction_key(d->corrects, p->key, sizeof p->key);
	p->rank = 3;
	p->pl = (struct planned){ .step = -1, .kind = d->kind,
		.points = roll_person(roll, d->person)->points, .refund = -1, .offset = -1,
		.change_key = p->key };
	notice_render_correction(roll, src->links, d->person, d->corrects, d->corrects_sent_at,
	    tpl, &p->subject, &p->body);
	return 0;
}

/*
 * Renders change notice d about a person and no one session (an exit, a
 * refund) into p; a kind that clears the calendar (an exit) takes out every
 * session to come it holds, each one SEQUENCE on. 0, 1 when its template is
 * not loaded, -1.
 */
static int
render_person_change(struct store *st, const struct plan_source *src,
    const struct notice_due *d, const struct notice_templates *t, struct part *p, su_err *e)
{
	const struct roll *roll = src->roll;
	const struct notice_template *tpl = notice_template_find(t, d->kind);
	const struct notice_kind *kind = notice_kind_find(d->kind);
	size_t *cols = NULL, n = 0;
	int rc = 0;

	if (tpl == NULL)
		return 1;
	p->rank = 2;
	p->pl = (struct planned){ .step = -1, .kind = d->kind, .refund = -1, .offset = -1,
		.change_key = d->change->key };
	if (kind != NULL && kind->cancels_entry)
		rc = exits_calendar_sessions(st, roll, d->person, &cols, &n, e);
	p->cancel_ev = xcalloc(n + 1, sizeof *p->cancel_ev);
	for (size_t k = 0; k < n && rc == 0; k++) {
		int seq = calendar_sequence(st, roll->sessions.v[cols[k]].id,
		    roll->people.v[d->person].id, e);

		p->cancel_ev[p->ncancel++] = (struct calendar_event){ cols[k], d->person, seq + 1 };
		rc = seq < 0 ? -1 : 0;
	}
	if (rc == 0)
		notice_render_person(roll, src->links, d->person, &d->change->what, cols, n, tpl,
		    &p->subject, &p->body);
	free(cols);
	return rc;
}

/* Renders notice d (with its row, 0 for a new one) into p; 0, 1 when it goes not, -1. */
static int
render_part(struct store *st, const struct plan_source *src, const struct notice_due *d,
    int64_t row, const struct notice_templates *t, int64_t now, struct part *p,
    struct plan_result *r, su_err *e)
{
	memset(p, 0, sizeof *p);
	p->row = row;
	if (d->step >= 0)
		return render_step(src, d->person, t, now, p, r);
	if (d->corrects != NULL)
		return render_correction(src, d, t, p);
	if (d->session == NOTICE_NO_SESSION)
		return render_person_change(st, src, d, t, p, e);
	return render_session(st, src, d, row, t, p, e);
}

/* The calendars of one message: each METHOD's events, and their texts once built. */
struct message_calendars {
	struct calendar_event *ev[2];	/* [0] REQUEST, [1] CANCEL */
	size_t n[2];
	struct strbuf text[2];
	struct message_calendar more;
};

/*
 * Gathers the calendar entries of parts v[0..n): one per session, the one of
 * the highest SEQUENCE (a cancelling one when two are level), under its
 * METHOD; then builds each METHOD's calendar. 0 or -1.
 */
/* A calendar entry a message may carry: the event and whether it takes the session out. */
struct pick { struct calendar_event ev; int cancels; };

/* Keeps entry (ev, cancels) in best[] (*n): one per session, the highest SEQUENCE, a
 * cancelling one when two are level. */
static void
pick_event(struct pick *best, size_t *n, const struct calendar_event *ev, int cancels)
{
	size_t b = 0;

	while (b < *n && best[b].ev.session != ev->session)
		b++;
	if (b == *n)
		best[(*n)++] = (struct pick){ *ev, cancels };
	else if (ev->sequence > best[b].ev.sequence ||
	    (ev->sequence == best[b].ev.sequence && cancels))
		best[b] = (struct pick){ *ev, cancels };
}

static int
gather_calendars(const struct roll *roll, struct part *const *v, size_t n,
    struct message_calendars *mc, su_err *e)
{
	struct pick *best;
	size_t nbest = 0, most = 0;
	int rc = 0;

	for (size_t k = 0; k < n; k++)
		most += (size_t)v[k]->has_event + v[k]->ncancel;
	best = xcalloc(most + 1, sizeof *best);
	for (size_t k = 0; k < n; k++) {
		if (v[k]->has_event)
			pick_event(best, &nbest, &v[k]->ev, v[k]->cancels);
		for (size_t c = 0; c < v[k]->ncancel; c++)
			pick_event(best, &nbest, &v[k]->cancel_ev[c], 1);
	}
	for (size_t m = 0; m < 2; m++)
		mc->ev[m] = xcalloc(nbest + 1, sizeof *mc->ev[m]);
	for (size_t b = 0; b < nbest; b++) {
		size_t m = best[b].cancels ? 1 : 0;

		mc->ev[m][mc->n[m]++] = best[b].ev;
	}
	for (size_t m = 0; m < 2 && rc == 0; m++)
		if (mc->n[m] > 0)
			rc = calendar_build(roll, m ? CALENDAR_CANCEL : CALENDAR_REQUEST, mc->ev[m],
			    mc->n[m], roll->now, &mc->text[m], e);
	free(best);
	return rc;
}

/* Frees what gather_calendars made. */
static void
calendars_free(struct message_calendars *mc)
{
	for (size_t m = 0; m < 2; m++) {
		free(mc->ev[m]);
		sb_free(&mc->text[m]);
	}
}

/* Returns the length of the first line of 's' (without its LF). */
static size_t
first_line(const char *s)
{
	return strcspn(s, "\n");
}

/* Returns where the last line of 's' that is not blank starts (s itself if none). */
static const char *
last_line(const char *s)
{
	const char *end = s + strlen(s), *start;

	while (end > s && (end[-1] == '\n' || end[-1] == ' '))
		end--;
	start = end;
	while (start > s && start[-1] != '\n')
		start--;
	return start;
}

/* Returns 1 if every text of v[0..n) begins (ends: 'last') with the same line, not blank. */
static int
same_line(struct part *const *v, size_t n, int last)
{
	const char *a = sb_str(&v[0]->body);
	const char *la = last ? last_line(a) : a;
	size_t len = last ? strcspn(la, "\n") : first_line(a);

	if (len == 0 || n < 2)
		return 0;
	for (size_t k = 1; k < n; k++) {
		const char *b = sb_str(&v[k]->body), *lb = last ? last_line(b) : b;

		if ((last ? strcspn(lb, "\n") : first_line(b)) != len || strncmp(la, lb, len) != 0)
			return 0;
	}
	return 1;
}

/*
 * Appends the texts of v[0..n) one after another, parted by a rule: the
 * greeting they share only at the top, the signature they share only at the
 * end (each template writes its own, for when it goes alone).
 */
static void
join_texts(struct part *const *v, size_t n, struct strbuf *out)
{
	int greet = same_line(v, n, 0), sign = same_line(v, n, 1);

	for (size_t k = 0; k < n; k++) {
		const char *text = sb_str(&v[k]->body), *end = text + strlen(text);

		if (k > 0 && greet) {
			text += first_line(text);
			text += strspn(text, "\n");
		}
		if (k + 1 < n && sign)
			end = last_line(text);
		while (end > text && end[-1] == '\n')
			end--;
		if (k > 0)
			sb_adds(out, "\n\n----\n\n");
		sb_add(out, text, (size_t)(end - text));
	}
	sb_addc(out, '\n');
}

/*
 * Appends the subject of a message of parts v[0..n) (v[0] the main one): its
 * own when alone, a ladder step's; "invitations to your N sessions" for invitations alone;
 * the one change's when the rest are reminders; else a count of the changes,
 * or of the reminders when there are only those.
 */
static void
message_subject(const struct roll *roll, struct part *const *v, size_t n, struct strbuf *out)
{
	size_t invitations = 0, reminders = 0;

	for (size_t k = 0; k < n; k++) {
		invitations += v[k]->rank == 1;
		reminders += v[k]->rank == 0;
	}
	if (n == 1 || v[0]->rank == 3 || n - reminders == 1)
		sb_adds(out, sb_str(&v[0]->subject));
	else if (invitations == n)	/* TRANSLATORS: a subject: the cohort, a count */
		sb_addf(out, lang_ngettext("%s: an invitation to your %zu session",
		    "%s: invitations to your %zu sessions", n), roll->cohort->name, n);
	else if (reminders == n)	/* TRANSLATORS: a subject: the cohort, a count */
		sb_addf(out, lang_ngettext("%s: a reminder of your next %zu session",
		    "%s: reminders of your next %zu sessions", n), roll->cohort->name, n);
	else				/* TRANSLATORS: a subject: the cohort, a count */
		sb_addf(out, lang_ngettext("%s: %zu change to your sessions",
		    "%s: %zu changes to your sessions", n - reminders), roll->cohort->name,
		    n - reminders);
}

/* The one message of a person's parts, built. */
struct composed {
	struct strbuf subject, body, msg;
	struct message_calendars cal;
	char *message_id;
};

/* Frees what compose_message made. */
static void
composed_free(struct composed *m)
{
	sb_free(&m->subject);
	sb_free(&m->body);
	sb_free(&m->msg);
	calendars_free(&m->cal);
	free(m->message_id);
}

/*
 * Builds the message of parts v[0..n) (v[0] the main one, its row 'id') from
 * the coach to person i into m. 0, 1 when it cannot be built (a line break
 * in a header: 'why' says), -1.
 */
static int
compose_message(const struct roll *roll, size_t i, struct part *const *v, size_t n,
    int64_t id, int64_t now, struct composed *m, su_err *why, su_err *e)
{
	const struct cohort *c = roll->cohort;
	const struct participant *p = &roll->people.v[i];
	const struct part *pdf = NULL;
	struct message_calendars *mc = &m->cal;
	const struct strbuf *first;

	for (size_t k = 0; k < n; k++)
		if (v[k]->pdf.len > 0)
			pdf = v[k];
	if (gather_calendars(roll, v, n, mc, e) < 0)
		return -1;
	first = mc->n[0] > 0 ? &mc->text[0] : mc->n[1] > 0 ? &mc->text[1] : NULL;
	mc->more = (struct message_calendar){ sb_str(&mc->text[1]), "CANCEL" };
	if (n == 1)
		sb_adds(&m->body, sb_str(&v[0]->body));
	else
		join_texts(v, n, &m->body);
	message_subject(roll, v, n, &m->subject);
	m->message_id = message_id_of(c, id, now);
	return message_build(&(struct message){ .from_name = c->coach_name,
	    .from_addr = c->coach_email, .to_name = p->name, .to_addr = p->email,
	    .reply_to = c->coach_email, .subject = sb_str(&m->subject), .date = now,
	    .message_id = m->message_id, .body = sb_str(&m->body),
	    .attachment = pdf ? (const unsigned char *)pdf->pdf.buf : NULL,
	    .attachment_len = pdf ? pdf->pdf.len : 0, .attachment_name = pdf ? pdf->pdf_name
	    : NULL, .calendar = first ? sb_str(first) : NULL,
	    .calendar_method = first == &mc->text[1] ? "CANCEL" : "REQUEST",
	    .more_calendars = &mc->more, .n_more_calendars = mc->n[0] > 0 && mc->n[1] > 0 },
	    &m->msg, why) < 0 ? 1 : 0;
}

/* Gives row 'id' message m (it carries itself and its riders), unsent and waiting to go; 0 or -1. */
static int
set_carrier(struct store *st, int64_t id, const struct composed *m, su_err *e)
{
	static const char *const sql =
		"UPDATE outbox SET message = ?2, message_id = ?3, part_of = NULL,"
		" state = 'pending', next_attempt_at = NULL WHERE id = ?1";
	sqlite3_stmt *stmt = store_stmt(st, sql, e);

	if (stmt == NULL)
		return -1;
	db_bind_int(stmt, 1, id);
	sqlite3_bind_blob(stmt, 2, m->msg.buf, (int)m->msg.len, SQLITE_TRANSIENT);
	db_bind_text(stmt, 3, m->message_id);
	return db_step_done(stmt, e);
}

/* Makes row 'id' a rider of 'carrier''s message: no message of its own; 0 or -1. */
static int
set_rider(struct store *st, int64_t id, int64_t carrier, su_err *e)
{
	static const char *const sql =
		"UPDATE outbox SET part_of = ?2, message = x'', state = 'pending',"
		" next_attempt_at = NULL WHERE id = ?1";
	sqlite3_stmt *stmt = store_stmt(st, sql, e);

	if (stmt == NULL)
		return -1;
	db_bind_int(stmt, 1, id);
	db_bind_int(stmt, 2, carrier);
	return db_step_done(stmt, e);
}

/* Puts the main part of v[0..n) first (the highest rank, the earliest of those). */
static void
main_first(struct part **v, size_t n)
{
	size_t best = 0;
	struct part *m;

	for (size_t k = 1; k < n; k++)
		if (v[k]->rank > v[best]->rank)
			best = k;
	m = v[best];
	memmove(v + 1, v, best * sizeof *v);
	v[0] = m;
}

/*
 * Raises the SEQUENCE of each new change of v[0..n) by the new changes of the
 * same session before it: stored one after another, each counts the ones
 * before (calendar_sequence).
 */
static void
sequence_in_order(struct part **v, size_t n)
{
	for (size_t k = 0; k < n; k++)
		for (size_t b = 0; v[k]->new_change && b < k; b++)
			v[k]->ev.sequence += v[b]->new_change && v[b]->ev.session == v[k]->ev.session;
}

/*
 * Stores person i's parts v[0..n) (v[0] the main one) with message m: the main
 * one's row carries it (a new row, whose id 'id' m's Message-ID names, or its
 * own given m), the others ride in it. Counts in r; 0 or -1.
 */
static int
store_rows(struct store *st, const struct roll *roll, size_t i, struct part **v, size_t n,
    int64_t id, const struct composed *m, int64_t now, struct plan_result *r, su_err *e)
{
	const struct participant *p = &roll->people.v[i];
	struct strbuf none = STRBUF_INIT;
	int rc = 0;

	for (size_t k = 0; k < n && rc == 0; k++) {
		char *mid = NULL;

		if (v[k]->row != 0) {
			rc = k == 0 ? set_carrier(st, id, m, e) : set_rider(st, v[k]->row, id, e);
			continue;
		}
		if (k > 0)
			mid = message_id_of(roll->cohort, next_outbox_id(st), now);
		rc = store_planned(st, roll->cohort, p, &v[k]->pl, sb_str(&v[k]->subject),
		    k == 0 ? &m->msg : &none, k == 0 ? m->message_id : mid, k == 0 ? 0 : id, now,
		    e);
		free(mid);
		if (rc == 1 && k == 0)	/* planned already (never: it was due): no carrier */
			return 0;
		r->added += rc == 0;
		r->already += rc == 1;
		rc = rc < 0 ? -1 : 0;
	}
	return rc;
}

/* One notice to put into a message: the due entry, its row if it has one, its person. */
struct todo {
	size_t due;
	int64_t row;			/* 0: a new notice */
	int held;			/* its row is held: it goes in a held message */
	size_t person;
	size_t order;			/* as the due list had it */
};

/*
 * Makes person i's notices todo[0..n) one message: renders each (a refused
 * one, named in r, or one of a kind this plan leaves, drops out), builds the
 * message (the main one first), and only then stores the rows: a message
 * refused leaves none. A message of several is audited. 0 or -1.
 */
static int
compose_person(struct store *st, const struct plan_source *src,
    const struct notice_due_list *due, const struct todo *todo, size_t n,
    const struct notice_templates *t, int64_t now, struct plan_result *r, su_err *e)
{
	const struct roll *roll = src->roll;
	size_t i = todo[0].person, nlive = 0;
	struct part *parts = xcalloc(n, sizeof *parts), **live = xcalloc(n, sizeof *live);
	struct composed m = { .subject = STRBUF_INIT };
	int64_t id = 0;
	su_err why;
	int rc = 0;
	const char *was = lang_use(participant_language(&roll->people.v[i], roll->cohort));

	for (size_t k = 0; k < n && rc >= 0; k++)
		if ((rc = render_part(st, src, &due->v[todo[k].due], todo[k].row, t, now,
		    &parts[k], r, e)) == 0)
			live[nlive++] = &parts[k];
	if (rc >= 0 && nlive > 0) {
		sequence_in_order(live, nlive);
		main_first(live, nlive);
		id = live[0]->row != 0 ? live[0]->row : next_outbox_id(st);	/* stored first */
		rc = compose_message(roll, i, live, nlive, id, now, &m, &why, e);
	}
	if (rc == 1) {
		r->refused += nlive;
		sb_addf(&r->refusals, "%s: not planned: %s\n", roll->people.v[i].email, why.msg);
	} else if (rc == 0 && nlive > 0) {
		rc = store_rows(st, roll, i, live, nlive, id, &m, now, r, e);
	}
	if (rc == 0 && nlive > 1) {
		char *desc = xasprintf("%zu notices in one message, %s", nlive, m.message_id);

		rc = audit_add(st, roll->cohort->id, "notice join", roll->people.v[i].email, NULL,
		    desc, e);
		free(desc);
	}
	for (size_t k = 0; k < n; k++)
		part_free(&parts[k]);
	free(parts);
	free(live);
	composed_free(&m);
	lang_use(was);
	return rc < 0 ? -1 : 0;
}

/* The todo list of a plan, and what finds a notice's due entry from its row. */
struct todo_list {
	struct todo *v;
	size_t n;
	unsigned char *has_new;		/* per person row: a new notice goes to them */
	struct match { char key[96]; size_t due; } *keys;	/* planned entries, by key */
	size_t nkeys;
};

/* Adds a notice to put into a message. */
static void
todo_add(struct todo_list *l, size_t due, int64_t row, int held, size_t person)
{
	l->v = xrealloc(l->v, (l->n + 1) * sizeof *l->v);
	l->v[l->n] = (struct todo){ due, row, held, person, l->n };
	l->n++;
}

/* Writes the key that pairs a notice with its row: who, and which step, change or reminder. */
static void
notice_key(char *buf, size_t size, size_t person, int step, const char *change, size_t session,
    int offset)
{
	if (step >= 0)
		snprintf(buf, size, "%zu s %d", person, step);
	else if (change != NULL)
		snprintf(buf, size, "%zu c %s", person, change);
	else
		snprintf(buf, size, "%zu r %zu %d", person, session, offset);
}

/* Orders match keys, for bsearch. */
static int
by_match_key(const void *a, const void *b)
{
	return strcmp(((const struct match *)a)->key, ((const struct match *)b)->key);
}

/* Lists the keys of the planned entries of 'due' (made once, when a row needs one). */
static void
match_keys(const struct notice_due_list *due, struct todo_list *l)
{
	l->keys = xcalloc(due->n + 1, sizeof *l->keys);
	for (size_t k = 0; k < due->n; k++) {
		const struct notice_due *d = &due->v[k];

		char correction[64];

		if (!d->planned)
			continue;
		if (d->corrects != NULL)
			outbox_correction_key(d->corrects, correction, sizeof correction);
		notice_key(l->keys[l->nkeys].key, sizeof l->keys[0].key, d->person, d->step,
		    d->change ? d->change->key : d->corrects ? correction : NULL, d->session,
		    d->offset);
		l->keys[l->nkeys++].due = k;
	}
	qsort(l->keys, l->nkeys, sizeof *l->keys, by_match_key);
}

/*
 * Adds unsent row 'row' (the columns of unsent_rows' query) to the todo list
 * when it must be given a new message: it has none (a withdrawal took it), or
 * its person has a new notice and it is not held. One no longer due stays as
 * it is: withdraw_stale has seen to those.
 */
static void
add_row(const struct roll *roll, const struct notice_due_list *due, sqlite3_stmt *row,
    struct todo_list *l)
{
	const char *change = (const char *)sqlite3_column_text(row, 5);
	int held = sqlite3_column_int(row, 6), bare = sqlite3_column_int(row, 7);
	struct match probe, *found;
	size_t i, j = 0;

	if (!idmap_get(&roll->person_index, sqlite3_column_int64(row, 1), &i) ||
	    !(bare || (!held && l->has_new[i])))
		return;
	if (change == NULL && sqlite3_column_int(row, 2) < 0 &&
	    !idmap_get(&roll->session_index, sqlite3_column_int64(row, 3), &j))
		return;
	if (l->keys == NULL)
		match_keys(due, l);
	notice_key(probe.key, sizeof probe.key, i, sqlite3_column_int(row, 2), change, j,
	    sqlite3_column_int(row, 4));
	found = l->nkeys ? bsearch(&probe, l->keys, l->nkeys, sizeof *l->keys, by_match_key)
	    : NULL;
	if (found != NULL)
		todo_add(l, found->due, sqlite3_column_int64(row, 0), held, i);
}

/* Adds the cohort's unsent rows that must be given a new message (add_row); 0 or -1. */
static int
unsent_rows(struct store *st, const struct roll *roll, const struct notice_due_list *due,
    struct todo_list *l, su_err *e)
{
	static const char *const sql =
		"SELECT id, participant_id, step, coalesce(session_id, 0),"
		" coalesce(offset_minutes, -1), change_key, held_at IS NOT NULL,"
		" part_of IS NULL AND length(message) = 0 FROM outbox"
		" WHERE cohort_id = ? AND (state = 'pending' OR state = 'retry')"
		" AND participant_id IS NOT NULL";	/* the coach's go alone: outbox_plan_coach */
	sqlite3_stmt *stmt = store_stmt(st, sql, e);
	int rc;

	if (stmt == NULL)
		return -1;
	db_bind_int(stmt, 1, roll->cohort->id);
	while ((rc = db_step_row(stmt, e)) == 1)
		add_row(roll, due, stmt, l);
	sqlite3_reset(stmt);
	return rc;
}

/* Orders notices by person, unheld before held, then as they came: one run per message. */
static int
by_person(const void *a, const void *b)
{
	const struct todo *x = a, *y = b;

	if (x->person != y->person)
		return x->person < y->person ? -1 : 1;
	if (x->held != y->held)
		return x->held - y->held;
	return x->order < y->order ? -1 : x->order > y->order;
}

int
outbox_compose(struct store *st, const struct plan_source *src,
    const struct notice_due_list *due, const struct notice_templates *t, int64_t now,
    struct plan_result *r, su_err *e)
{
	struct todo_list l = { .has_new = xcalloc(src->roll->people.n + 1, 1) };
	int rc;

	for (size_t k = 0; k < due->n; k++) {
		const struct notice_due *d = &due->v[k];

		if (d->planned) {
			r->already++;
		} else if (!outbox_due_kept_back(d, r)) {	/* not held, not waiting */
			todo_add(&l, k, 0, 0, d->person);
			l.has_new[d->person] = 1;
		}
	}
	rc = unsent_rows(st, src->roll, due, &l, e);
	if (l.n > 1)
		qsort(l.v, l.n, sizeof *l.v, by_person);
	for (size_t k = 0, end; rc == 0 && k < l.n; k = end) {
		for (end = k + 1; end < l.n && l.v[end].person == l.v[k].person &&
		    l.v[end].held == l.v[k].held; end++)
			;
		rc = compose_person(st, src, due, &l.v[k], end - k, t, now, r, e);
	}
	free(l.v);
	free(l.has_new);
	free(l.keys);
	return rc;
}

int
outbox_plan_coach(struct store *st, const struct cohort *c, const struct planned *pl,
    const struct coach_extras *x, const struct strbuf *subject, const struct strbuf *body,
    int64_t now, struct plan_result *r, su_err *e)
{
	char *message_id = message_id_of(c, next_outbox_id(st), now);
	struct strbuf msg = STRBUF_INIT;
	su_err why;
	int rc;

	rc = message_build(&(struct message){ .from_name = c->coach_name,
	    .from_addr = c->coach_email, .to_name = c->coach_name, .to_addr = c->coach_email,
	    .reply_to = c->coach_email, .subject = sb_str(subject), .date = now,
	    .message_id = message_id, .body = sb_str(body),
	    .attachment = (const unsigned char *)x->pdf, .attachment_len = x->pdf_len,
	    .attachment_name = x->pdf_name, .calendar = x->calendar,
	    .calendar_method = x->calendar_method }, &msg, &why);
	if (rc < 0) {
		r->refused++;
		sb_addf(&r->refusals, "%s: not planned: %s\n", c->coach_email, why.msg);
		rc = 0;
	} else if ((rc = store_planned(st, c, NULL, pl, sb_str(subject), &msg, message_id, 0,
	    now, e)) >= 0) {
		r->added += rc == 0;
		r->already += rc == 1;
		rc = 0;
	}
	free(message_id);
	sb_free(&msg);
	return rc;
}
