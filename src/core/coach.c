/* SPDX-License-Identifier: Apache-2.0 */
/* coach.c - what the coach is told: the moves and cancellations participants make
 * through their own link, noted as they are made and copied to the coach
 * (coach.copies); and the weekly digest of the cohort (digest). outbox_plan calls
 * coach_plan; both kinds go through the outbox like every notice, once. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "showup/calendar.h"
#include "showup/coach.h"
#include "showup/exits.h"
#include "showup/lang.h"
#include "showup/report.h"
#include "showup/roll.h"
#include "showup/timeutil.h"
#include "showup/words.h"
#include "outbox-compose.h"
#include "store-private.h"

/* Runs statement 'sql' with the int64 'args' bound in order; 0 or -1. */
static int
run_bound(struct store *st, const char *sql, const int64_t *args, size_t n, su_err *e)
{
	sqlite3_stmt *stmt = store_stmt(st, sql, e);

	if (stmt == NULL)
		return -1;
	for (size_t k = 0; k < n; k++)
		db_bind_int(stmt, (int)k + 1, args[k]);
	return db_step_done(stmt, e);
}

int
own_change_cancel(struct store *st, const struct cohort *c, const struct participant *p,
    const struct session *s, int64_t at, su_err *e)
{
	static const char *const sql = "INSERT INTO own_change (cohort_id, participant_id,"
	    " session_id, what, at) VALUES (?, ?, ?, 'cancel', ?)";
	const int64_t args[] = { c->id, p->id, s->id, at };

	return run_bound(st, sql, args, ARRAY_SIZE(args), e);
}

int
own_change_move(struct store *st, const struct cohort *c, const struct participant *p,
    su_err *e)
{
	static const char *const sql = "INSERT INTO own_change (cohort_id, participant_id,"
	    " session_id, what, from_starts_at, whole_session, at) SELECT ?1, participant_id,"
	    " to_session_id, 'move', from_starts_at, whole_session, asked_at FROM reschedule"
	    " WHERE participant_id = ?2 AND moved_with IS NULL ORDER BY id DESC LIMIT 1";
	const int64_t args[] = { c->id, p->id };

	return run_bound(st, sql, args, ARRAY_SIZE(args), e);
}

/* What coach_plan works with. */
struct coach_ctx {
	struct store *st;
	const struct roll *r;
	const struct notice_due_list *due;
	const struct notice_templates *t;
	const struct pdf_options *pdf;
	struct plan_result *res;
};

/* Returns 1 if the coach of cohort 'cohort_id' has (or had, or dropped) notice 'key'; 0, -1. */
static int
coach_planned(struct store *st, int64_t cohort_id, const char *key, su_err *e)
{
	static const char *const sql = "SELECT 1 FROM outbox WHERE cohort_id = ?"
	    " AND participant_id IS NULL AND change_key = ?"
	    " AND " OUTBOX_TOLD;
	sqlite3_stmt *stmt = store_stmt(st, sql, e);
	int rc;

	if (stmt == NULL)
		return -1;
	db_bind_int(stmt, 1, cohort_id);
	db_bind_text(stmt, 2, key);
	rc = db_step_row(stmt, e);
	sqlite3_reset(stmt);
	return rc;
}

/* --- copies of the participants' own changes -------------------------------- */

/* One own change: who, which session (where their place is now), what and when. */
struct own_row {
	int64_t id, participant_id, session_id, from_starts_at, at;
	int moved;			/* 1 a move (from from_starts_at), 0 a cancellation */
};

/* Which own changes own_changes lists. */
struct own_select {
	int64_t since, until;		/* made in [since, until) */
	int64_t starts_after;		/* at a session that starts after this */
	int uncopied;			/* only those not planned for the coach yet */
};

/* Lists the own changes of r's cohort 'sel' picks, in the order they were made; 0, -1. */
static int
own_changes(struct store *st, const struct roll *r, const struct own_select *sel,
    struct own_row **out, size_t *n, su_err *e)
{
	static const char *const sql =
		"SELECT o.id, o.participant_id, o.session_id, coalesce(o.from_starts_at, 0), o.at,"
		" o.what = 'move' FROM own_change o JOIN session s ON s.id = o.session_id"
		" WHERE o.cohort_id = ?1 AND o.at >= ?2 AND o.at < ?3 AND s.starts_at > ?4"
		" AND (?5 = 0 OR NOT EXISTS (SELECT 1 FROM outbox x WHERE x.cohort_id = ?1"
		"   AND x.participant_id IS NULL AND x.change_key = 'copy:' || o.id"
		"   AND (x.state <> 'withdrawn' OR x.dropped_at IS NOT NULL))) ORDER BY o.at, o.id";
	const int64_t args[] = { r->cohort->id, sel->since, sel->until, sel->starts_after,
		sel->uncopied };
	sqlite3_stmt *stmt = store_stmt(st, sql, e);
	int rc;

	*out = NULL;
	*n = 0;
	if (stmt == NULL)
		return -1;
	for (size_t k = 0; k < ARRAY_SIZE(args); k++)
		db_bind_int(stmt, (int)k + 1, args[k]);
	while ((rc = db_step_row(stmt, e)) == 1) {
		*out = xrealloc(*out, (*n + 1) * sizeof **out);
		(*out)[(*n)++] = (struct own_row){ sqlite3_column_int64(stmt, 0),
			sqlite3_column_int64(stmt, 1), sqlite3_column_int64(stmt, 2),
			sqlite3_column_int64(stmt, 3), sqlite3_column_int64(stmt, 4),
			sqlite3_column_int(stmt, 5) };
	}
	sqlite3_reset(stmt);
	return rc;
}

/*
 * Appends the coach's calendar entry of session j moved by its participant
 * (a REQUEST of the session's own UID, the one 'showup calendar' writes, its
 * SEQUENCE one past the changes told of it); 0 or -1.
 */
static int
copy_calendar(struct store *st, const struct roll *r, size_t j, struct strbuf *ics, su_err *e)
{
	int seq = calendar_sequence(st, r->sessions.v[j].id, 0, e);

	if (seq < 0)
		return -1;
	return calendar_build(r, CALENDAR_REQUEST, &(struct calendar_event){ j,
	    CALENDAR_NOBODY, seq + 1 }, 1, r->now, ics, e);
}

/* Plans the copy of own change 'o' (person i, session j) to the coach; 0 or -1. */
static int
plan_copy(const struct coach_ctx *x, const struct notice_template *tpl, const struct own_row *o,
    size_t i, size_t j, su_err *e)
{
	const struct roll *r = x->r;
	const struct session *s = &r->sessions.v[j];
	struct notice_change ch = { .old_starts_at = o->from_starts_at };
	struct strbuf subject = STRBUF_INIT, body = STRBUF_INIT, ics = STRBUF_INIT;
	char key[64];
	struct planned pl = { .step = -1, .kind = tpl->kind, .refund = -1, .session_id = s->id,
		.offset = -1, .change_key = key };
	struct coach_extras with = { 0 };
	int rc = 0;

	snprintf(key, sizeof key, "copy:%lld", (long long)o->id);
	notice_render_session(r, NULL, i, j, &ch, tpl, &subject, &body);
	if (o->moved && s->kind == SESSION_COACHING) {	/* the coach is there */
		rc = copy_calendar(x->st, r, j, &ics, e);
		with.calendar = sb_str(&ics);
		with.calendar_method = "REQUEST";
	}
	if (rc == 0)
		rc = outbox_plan_coach(x->st, r->cohort, &pl, &with, &subject, &body, r->now,
		    x->res, e);
	sb_free(&subject);
	sb_free(&body);
	sb_free(&ics);
	return rc;
}

/* With coach.copies on: a copy of each own change not told the coach yet; 0 or -1. */
static int
plan_copies(const struct coach_ctx *x, su_err *e)
{
	const struct notice_template *tpl = notice_template_find(x->t, "coach-copy");
	const struct own_select sel = { INT64_MIN, INT64_MAX, x->r->now, 1 };
	struct own_row *rows = NULL;
	size_t n = 0;
	int rc;

	if (!x->r->policy.coach_copies || tpl == NULL)
		return 0;
	rc = own_changes(x->st, x->r, &sel, &rows, &n, e);
	for (size_t k = 0; rc == 0 && k < n; k++) {
		size_t i, j;

		if (idmap_get(&x->r->person_index, rows[k].participant_id, &i) &&
		    idmap_get(&x->r->session_index, rows[k].session_id, &j))
			rc = plan_copy(x, tpl, &rows[k], i, j, e);
	}
	free(rows);
	return rc;
}

/* --- the weekly digest -------------------------------------------------------- */

/* What the digest tells, each part as the template shows it. */
struct digest {
	int64_t from, to;		/* the week: [from, to) */
	char key[64];			/* digest:week-of-DATE, its Monday's date */
	char from_text[96], to_text[96], sessions[16], rate[64], points[16];
	struct strbuf at_risk, sent, waiting, held, own, pairs;
};

/* Writes the digest's key: the date of the Monday of the week of 'at', local time. */
static void
digest_key(const struct roll *r, int64_t at, char *buf, size_t size)
{
	struct civil c = { 0 };
	int64_t days;
	int y, m, d;

	tz_utc_to_local(r->cohort->tz, at, &c, NULL);
	days = days_from_civil(c.year, c.month, c.day);
	civil_from_days(days - (days % 7 + 7 + 3) % 7, &y, &m, &d);	/* day 0: a Thursday */
	snprintf(buf, size, "digest:week-of-%04d-%02d-%02d", y, m, d);
}

/* Fills the week's figures: sessions held, the attendance rate at them, points they gave. */
static void
digest_figures(const struct roll *r, struct digest *d)
{
	int held = 0, attended = 0, base = 0, points = 0;

	for (size_t j = 0; j < r->sessions.n; j++) {
		const struct session *s = &r->sessions.v[j];
		const struct engine_tally *t = &r->result.sessions[j];

		if (s->starts_at < d->from || s->starts_at >= d->to ||
		    !engine_session_held(s->cancelled, s->starts_at, r->now))
			continue;
		held++;
		attended += t->attended;
		base += t->expected - t->counts[OUTCOME_EXCUSED];
		for (size_t i = 0; i < r->people.n; i++)
			points += roll_points(r, i, j);
	}
	snprintf(d->sessions, sizeof d->sessions, "%d", held);
	if (base > 0)
		snprintf(d->rate, sizeof d->rate, "%d%%", (attended * 100 + base / 2) / base);
	else
		snprintf(d->rate, sizeof d->rate, "%s", _("nothing to measure"));
	snprintf(d->points, sizeof d->points, "%d", points);
}

/* Writes where person i stands on the ladder: the step due, or the next one and how near. */
static void
ladder_word(const struct roll *r, size_t i, char *buf, size_t size)
{
	const struct engine_person_result *pr = roll_person(r, i);
	const struct policy *p = &r->policy;
	int away;

	if (pr->step_due >= 0)
		snprintf(buf, size, _("%s due"), p->ladder[pr->step_due].kind);
	else if (pr->review_due > 0)
		snprintf(buf, size, _("%s #%d is yours to do"), POLICY_COACH_REVIEW, pr->review_due);
	else if (pr->next_step >= 0) {
		away = p->ladder[pr->next_step].threshold - pr->points;
		snprintf(buf, size, lang_ngettext("%d point from %s", "%d points from %s",
		    (unsigned long)away), away, p->ladder[pr->next_step].kind);
	} else
		snprintf(buf, size, "%s", _("past the last step"));
}

/* Lists who is at risk (enrolled, points above zero), the nearest the next step first. */
static void
digest_at_risk(const struct roll *r, struct strbuf *out)
{
	size_t *v = xcalloc(r->people.n + 1, sizeof *v), n = 0;

	for (size_t i = 0; i < r->people.n; i++) {
		size_t k = n++;
		int pts = roll_person(r, i)->points;

		if (r->people.v[i].status == PARTICIPANT_WITHDRAWN || pts <= 0) {
			n--;
			continue;
		}
		for (; k > 0 && roll_person(r, v[k - 1])->points < pts; k--)
			v[k] = v[k - 1];	/* most points first, then the roll's order */
		v[k] = i;
	}
	for (size_t k = 0; k < n; k++) {
		int pts = roll_person(r, v[k])->points;
		char word[96];

		ladder_word(r, v[k], word, sizeof word);
		sb_addf(out, lang_ngettext("  %s: %d point, %s\n", "  %s: %d points, %s\n",
		    (unsigned long)pts), r->people.v[v[k]].name, pts, word);
	}
	free(v);
}

/* Appends one line per kind of what 'sql' lists (kind, name; by kind) as "  kind (n): names". */
static int
kinds_and_names(struct store *st, const char *sql, const int64_t *args, size_t nargs,
    struct strbuf *out, su_err *e)
{
	sqlite3_stmt *stmt = store_stmt(st, sql, e);
	char last[64] = "";
	struct strbuf names = STRBUF_INIT;
	int rc, n = 0;

	if (stmt == NULL)
		return -1;
	for (size_t k = 0; k < nargs; k++)
		db_bind_int(stmt, (int)k + 1, args[k]);
	while ((rc = db_step_row(stmt, e)) >= 0) {
		const char *kind = rc == 1 ? (const char *)sqlite3_column_text(stmt, 0) : "";

		if (n > 0 && (rc == 0 || strcmp(kind, last) != 0)) {
			sb_addf(out, "  %s (%d): %s\n", last, n, sb_str(&names));
			sb_reset(&names);
			n = 0;
		}
		if (rc == 0)
			break;
		snprintf(last, sizeof last, "%s", kind);
		sb_addf(&names, "%s%s", n++ ? ", " : "", (const char *)sqlite3_column_text(stmt, 1));
	}
	sqlite3_reset(stmt);
	sb_free(&names);
	return rc < 0 ? -1 : 0;
}

/* Lists what went out in the week, by kind, with whom it went to; 0 or -1. */
static int
digest_sent(struct store *st, const struct roll *r, struct digest *d, su_err *e)
{
	static const char *const sql =
		"SELECT o.kind, coalesce(p.name, 'you') FROM outbox o"
		" LEFT JOIN participant p ON p.id = o.participant_id WHERE o.cohort_id = ?"
		" AND o.state = 'sent' AND o.sent_at >= ? AND o.sent_at < ?"
		" AND o.kind <> 'coach-digest' ORDER BY o.kind, o.id";
	const int64_t args[] = { r->cohort->id, d->from, d->to };

	return kinds_and_names(st, sql, args, ARRAY_SIZE(args), &d->sent, e);
}

/* Lists the ladder notices that wait for their review time, and the coach's reviews due. */
static void
digest_waiting(const struct roll *r, const struct notice_due_list *due, struct strbuf *out)
{
	for (size_t k = 0; due != NULL && k < due->n; k++) {
		const struct notice_due *d = &due->v[k];
		char when[96];

		if (d->step >= 0 && !d->planned && d->waits_until > 0)
			sb_addf(out, _("  %s: %s, waits for your look until %s\n"),
			    r->people.v[d->person].name, d->kind, reader_date_into(r->cohort->tz,
			    d->waits_until, when, sizeof when));
	}
	for (size_t i = 0; i < r->people.n; i++)
		if (roll_person(r, i)->review_due > 0)
			sb_addf(out, _("  %s: %s #%d is yours to do ('showup review')\n"),
			    r->people.v[i].name, POLICY_COACH_REVIEW, roll_person(r, i)->review_due);
}

/* Lists the notices held by hand ('notices hold'), by kind; 0 or -1. */
static int
digest_held(struct store *st, const struct roll *r, struct strbuf *out, su_err *e)
{
	static const char *const sql =
		"SELECT o.kind, coalesce(p.name, 'you') FROM outbox o"
		" LEFT JOIN participant p ON p.id = o.participant_id WHERE o.cohort_id = ?"
		" AND o.held_at IS NOT NULL AND (o.state = 'pending' OR o.state = 'retry')"
		" ORDER BY o.kind, o.id";
	const int64_t args[] = { r->cohort->id };

	return kinds_and_names(st, sql, args, ARRAY_SIZE(args), out, e);
}

/* Appends own change o (person i, session j): when, who, and what they did to which
 * session, its day and time as the notices write them (day_and_time). */
static void
own_line(const struct roll *r, const struct own_row *o, size_t i, size_t j, struct strbuf *out)
{
	const struct session *s = &r->sessions.v[j];
	const char *tz = r->cohort->tz, *kind = session_kind_name(s->kind);
	struct strbuf start = STRBUF_INIT, old = STRBUF_INIT;
	char when[96];

	reader_date_into(tz, o->at, when, sizeof when);
	day_and_time(tz, s->starts_at, &start);
	if (o->moved) {
		day_and_time(tz, o->from_starts_at, &old);
		sb_addf(out, _("  %s: %s moved their %s session from %s to %s\n"), when,
		    r->people.v[i].name, kind, sb_str(&old), sb_str(&start));
	} else
		sb_addf(out, _("  %s: %s cancelled their place at the %s session of %s\n"), when,
		    r->people.v[i].name, kind, sb_str(&start));
	sb_free(&start);
	sb_free(&old);
}

/* Lists the moves and cancellations participants made through their own link in the week. */
static int
digest_own_changes(struct store *st, const struct roll *r, struct digest *d, su_err *e)
{
	const struct own_select sel = { d->from, d->to, INT64_MIN, 0 };
	struct own_row *rows = NULL;
	size_t n = 0;
	int rc = own_changes(st, r, &sel, &rows, &n, e);

	for (size_t k = 0; rc == 0 && k < n; k++) {
		size_t i, j;

		if (idmap_get(&r->person_index, rows[k].participant_id, &i) &&
		    idmap_get(&r->session_index, rows[k].session_id, &j))
			own_line(r, &rows[k], i, j, &d->own);
	}
	free(rows);
	return rc;
}

/*
 * THE PLACE FOR "PAIRS LEFT WITH ONE PERSON": appends, one line each, the
 * practice sessions to come a leaver left with one person (exits_left_alone,
 * the same list 'notices due' shows), for the coach to decide about; 0 or -1.
 */
static int
digest_pairs_alone(struct store *st, const struct roll *r, struct strbuf *out, su_err *e)
{
	struct left_alone_list l = { 0 };
	struct strbuf when = STRBUF_INIT;

	if (exits_left_alone(st, r, &l, e) < 0)
		return -1;
	for (size_t k = 0; k < l.n; k++) {
		sb_reset(&when);
		day_and_time(r->cohort->tz, r->sessions.v[l.v[k].session].starts_at, &when);
		sb_addf(out, _("  the practice session of %s: %s alone, %s has left\n"),
		    sb_str(&when),
		    r->people.v[l.v[k].person].name, r->people.v[l.v[k].left].name);
	}
	sb_free(&when);
	left_alone_list_free(&l);
	return 0;
}

/* Appends the attendance report as of r->now to 'pdf'; 0 or -1. */
static int
digest_report(const struct coach_ctx *x, struct strbuf *pdf, su_err *e)
{
	struct report_request rq = { .pdf = { .paper = PAPER_A4 }, .as_of = x->r->now,
		.buffer = pdf };
	int rc;

	if (x->pdf != NULL)
		rq.pdf = *x->pdf;
	rq.pdf.date = x->r->now;
	rc = report_attendance(x->st, x->r->cohort, &x->r->policy, &rq, e);
	sb_free(&rq.warnings);
	return rc;
}

/* Gathers every part of digest d (its week set) from the record; 0 or -1. */
static int
digest_gather(const struct coach_ctx *x, struct digest *d, su_err *e)
{
	const char *tz = x->r->cohort->tz;

	reader_date_into(tz, d->from, d->from_text, sizeof d->from_text);
	reader_date_into(tz, d->to, d->to_text, sizeof d->to_text);
	digest_figures(x->r, d);
	digest_at_risk(x->r, &d->at_risk);
	digest_waiting(x->r, x->due, &d->waiting);
	if (digest_pairs_alone(x->st, x->r, &d->pairs, e) < 0 ||
	    digest_sent(x->st, x->r, d, e) < 0 || digest_held(x->st, x->r, &d->held, e) < 0)
		return -1;
	return digest_own_changes(x->st, x->r, d, e);
}

/* Renders digest d with template tpl, the report attached, and plans it; 0 or -1. */
static int
digest_plan_one(const struct coach_ctx *x, const struct notice_template *tpl,
    const struct digest *d, su_err *e)
{
	const struct tpl_field fields[] = {
		{ "digest.from", d->from_text, NULL }, { "digest.to", d->to_text, NULL },
		{ "digest.sessions", d->sessions, NULL }, { "digest.rate", d->rate, NULL },
		{ "digest.points", d->points, NULL },
		{ "digest.at_risk", sb_str(&d->at_risk), NULL },
		{ "digest.sent", sb_str(&d->sent), NULL },
		{ "digest.waiting", sb_str(&d->waiting), NULL },
		{ "digest.held", sb_str(&d->held), NULL },
		{ "digest.own_changes", sb_str(&d->own), NULL },
		{ "digest.pairs_alone", sb_str(&d->pairs), NULL },
	};
	struct strbuf subject = STRBUF_INIT, body = STRBUF_INIT, pdf = STRBUF_INIT;
	char *name = xasprintf("attendance-%s.pdf", x->r->cohort->slug);
	struct planned pl = { .step = -1, .kind = tpl->kind, .refund = -1, .offset = -1,
		.change_key = d->key };
	struct coach_extras with = { .pdf_name = name };
	int rc = digest_report(x, &pdf, e);

	if (rc == 0) {
		with.pdf = pdf.buf;
		with.pdf_len = pdf.len;
		notice_render_coach(x->r, fields, ARRAY_SIZE(fields), tpl, &subject, &body);
		rc = outbox_plan_coach(x->st, x->r->cohort, &pl, &with, &subject, &body,
		    x->r->now, x->res, e);
	}
	free(name);
	sb_free(&subject);
	sb_free(&body);
	sb_free(&pdf);
	return rc;
}

/* Plans this week's digest once its moment has come, if it was not planned before; 0, -1. */
static int
plan_digest(const struct coach_ctx *x, su_err *e)
{
	const struct roll *r = x->r;
	const struct notice_template *tpl = notice_template_find(x->t, "coach-digest");
	int64_t at = policy_digest_at(&r->policy, r->cohort->tz, r->now);
	struct digest d = { .to = at, .at_risk = STRBUF_INIT, .sent = STRBUF_INIT,
		.waiting = STRBUF_INIT, .held = STRBUF_INIT, .own = STRBUF_INIT,
		.pairs = STRBUF_INIT };
	int rc;

	if (tpl == NULL || at == 0 || r->now - at >= DIGEST_LATE_MAX)
		return 0;
	d.from = policy_digest_at(&r->policy, r->cohort->tz, at - 1);	/* the week before */
	digest_key(r, at, d.key, sizeof d.key);
	if ((rc = coach_planned(x->st, r->cohort->id, d.key, e)) == 0 &&
	    (rc = digest_gather(x, &d, e)) == 0)
		rc = digest_plan_one(x, tpl, &d, e);
	sb_free(&d.at_risk);
	sb_free(&d.sent);
	sb_free(&d.waiting);
	sb_free(&d.held);
	sb_free(&d.own);
	sb_free(&d.pairs);
	return rc < 0 ? -1 : 0;
}

int
coach_plan(struct store *st, const struct roll *r, const struct notice_due_list *due,
    const struct notice_templates *t, const struct pdf_options *pdf, struct plan_result *res,
    su_err *e)
{
	const struct coach_ctx x = { st, r, due, t, pdf, res };
	const char *was = lang_use(r->cohort->language);	/* the coach reads the cohort's */
	int rc = plan_copies(&x, e);	/* 0, -1, or 1: a copy planned before */

	if (rc >= 0)
		rc = plan_digest(&x, e);
	lang_use(was);
	return rc;
}
