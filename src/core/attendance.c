/* SPDX-License-Identifier: Apache-2.0 */
/* attendance.c - what the coach recorded for each expected attendance, audited. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "showup/coach.h"
#include "showup/lang.h"
#include "showup/model.h"
#include "showup/places.h"
#include "showup/policy.h"
#include "showup/timeutil.h"
#include "showup/words.h"
#include "store-private.h"

static const char *const fact_names[] = { "none", "arrived", "absent", "cancelled" };

const char *
fact_name(enum fact f)
{
	return (unsigned)f < ARRAY_SIZE(fact_names) ? fact_names[f] : "?";
}

/* Returns the fact named 'name' as stored, FACT_NONE if unknown. */
static enum fact
fact_parse(const char *name)
{
	if (strcmp(name, "arrived") == 0)	/* the most common, first */
		return FACT_ARRIVED;
	for (size_t i = 1; i < ARRAY_SIZE(fact_names); i++)
		if (strcmp(fact_names[i], name) == 0)
			return (enum fact)i;
	return FACT_NONE;
}

/* Adds note 'note' to 'sb' after "; ", its line breaks shown as " / ". */
static void
add_note(struct strbuf *sb, const char *note)
{
	if (note == NULL || *note == '\0')
		return;
	sb_adds(sb, "; ");
	for (; *note; note++)
		if (*note == '\n')
			sb_adds(sb, " / ");
		else
			sb_addc(sb, *note);
}

char *
attendance_describe(const struct attendance *a, const char *tz)
{
	struct strbuf sb = STRBUF_INIT;
	char at[40];

	switch (a->fact) {
	case FACT_ARRIVED:
		if (a->minutes_late == 0)
			sb_adds(&sb, "present");
		else
			sb_addf(&sb, "late %d min", a->minutes_late);
		break;
	case FACT_ABSENT:
		if (*a->reason)
			sb_addf(&sb, "excused (%s)", a->reason);
		else
			sb_adds(&sb, "no-show");
		break;
	case FACT_CANCELLED:
		sb_addf(&sb, "cancelled %s (%s)",
		    time_format_iso(tz, a->cancelled_at, at, sizeof at), a->reason);
		break;
	case FACT_NONE:
		sb_adds(&sb, "none");
		return sb_detach(&sb);
	}
	add_note(&sb, a->note);
	return sb_detach(&sb);
}

static const char *const sql_attendance_get =
	"SELECT session_id, participant_id, fact, minutes_late, cancelled_at, reason,"
	" note FROM attendance WHERE session_id = ? AND participant_id = ?";
static const char *const sql_attendance_all =
	"SELECT a.session_id, a.participant_id, a.fact, a.minutes_late,"
	" a.cancelled_at, a.reason, a.note FROM attendance a"
	" JOIN session s ON s.id = a.session_id WHERE s.cohort_id = ?";

static const char *const sql_attendance_of_session =
	"SELECT session_id, participant_id, fact, minutes_late, cancelled_at, reason,"
	" note FROM attendance WHERE session_id = ?";

/* Returns the text of a column, "" for NULL; it holds until the row changes. */
static char *
column_text(sqlite3_stmt *stmt, int col)
{
	const unsigned char *s = sqlite3_column_text(stmt, col);

	return (char *)(s ? (const char *)s : "");
}

/* Fills 'a' from a row of the attendance columns above, its strings the row's own. */
static void
attendance_peek_row(sqlite3_stmt *stmt, struct attendance *a)
{
	a->session_id = sqlite3_column_int64(stmt, 0);
	a->participant_id = sqlite3_column_int64(stmt, 1);
	a->fact = fact_parse(column_text(stmt, 2));
	a->minutes_late = sqlite3_column_int(stmt, 3);
	a->cancelled_at = sqlite3_column_int64(stmt, 4);
	a->reason = column_text(stmt, 5);
	a->note = column_text(stmt, 6);
}

/* Fills 'a' from a row of the attendance columns above, its strings copied. */
static void
attendance_from_row(sqlite3_stmt *stmt, struct attendance *a)
{
	attendance_peek_row(stmt, a);
	a->reason = xstrdup(a->reason);
	a->note = xstrdup(a->note);
}

int
attendance_get(struct store *st, int64_t session_id, int64_t participant_id,
    struct attendance *out, su_err *e)
{
	sqlite3_stmt *stmt = store_stmt(st, sql_attendance_get, e);
	int rc;

	memset(out, 0, sizeof *out);
	if (stmt == NULL)
		return -1;
	db_bind_int(stmt, 1, session_id);
	db_bind_int(stmt, 2, participant_id);
	rc = db_step_row(stmt, e);
	if (rc == 1)
		attendance_from_row(stmt, out);
	sqlite3_reset(stmt);
	return rc;
}

/* Returns 1 if two facts record the same thing (a NULL reason or note reads as ""). */
static int
attendance_same(const struct attendance *a, const struct attendance *b)
{
	if (a->fact != b->fact || strcmp(a->reason ? a->reason : "", b->reason ? b->reason :
	    "") != 0 || strcmp(a->note ? a->note : "", b->note ? b->note : "") != 0)
		return 0;
	if (a->fact == FACT_ARRIVED && a->minutes_late != b->minutes_late)
		return 0;
	if (a->fact == FACT_CANCELLED && a->cancelled_at != b->cancelled_at)
		return 0;
	return 1;
}

/* Checks a fact before it is stored; 0 or -1 with 'e' set. */
static int
attendance_check(const struct attendance *a, su_err *e)
{
	if (a->fact == FACT_NONE)
		return su_err_set(e, "nothing to record");
	if (a->fact == FACT_ARRIVED && (a->minutes_late < 0 || a->minutes_late > 24 * 60))
		return su_err_set(e, "minutes late must be 0 to 1440, not %d",
		    a->minutes_late);
	if (text_fits("note", a->note, FIELD_NOTE_MAX, e) < 0)
		return -1;
	if (str_has_control(a->reason))
		return su_err_set(e, "a reason may not hold line breaks");
	if (note_has_control(a->note))
		return su_err_set(e, "a note may hold line breaks, not other control "
		    "characters");
	return 0;
}

static const char *const sql_attendance_insert =
	"INSERT INTO attendance (session_id, participant_id, fact, minutes_late,"
	" cancelled_at, reason, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
	" ON CONFLICT (session_id, participant_id) DO NOTHING";
static const char *const sql_attendance_update =
	"UPDATE attendance SET fact = ?3, minutes_late = ?4, cancelled_at = ?5,"
	" reason = ?6, note = ?7 WHERE session_id = ?1 AND participant_id = ?2";

/* Binds fact 'a' to parameters 3-7: fact, minutes late, cancelled at, reason, note; its
 * strings are not copied: each caller steps with db_step_done before they go. */
static void
bind_fact(sqlite3_stmt *stmt, const struct attendance *a)
{
	db_bind_text_static(stmt, 3, fact_name(a->fact));
	if (a->fact == FACT_ARRIVED)
		db_bind_int(stmt, 4, a->minutes_late);
	if (a->fact == FACT_CANCELLED)
		db_bind_int(stmt, 5, a->cancelled_at);
	db_bind_text_static(stmt, 6, a->reason);
	db_bind_text_static(stmt, 7, a->note);
}

/* Writes fact 'a' with 'sql' (insert or update, same parameters); 0 or -1. */
static int
attendance_write(struct store *st, const char *sql, const struct attendance *a, su_err *e)
{
	sqlite3_stmt *stmt = store_stmt(st, sql, e);

	if (stmt == NULL)
		return -1;
	db_bind_int(stmt, 1, a->session_id);
	db_bind_int(stmt, 2, a->participant_id);
	bind_fact(stmt, a);
	return db_step_done(stmt, e);
}

/* Audits the fact 'w' just added (unless an import sums them up); 1 or -1. */
static int
attendance_added(struct store *st, const struct cohort *c, const struct session *s,
    const struct participant *p, const struct attendance *w, su_err *e)
{
	char *subject, *after;
	int rc = 1;

	if (!audit_wanted(st, 0))
		return 1;
	subject = xasprintf("%s:%d %s", c->slug, s->number, p->email);
	after = attendance_describe(w, c->tz);
	if (audit_add(st, c->id, "record", subject, NULL, after, e) < 0)
		rc = -1;
	free(subject);
	free(after);
	return rc;
}

/* Sets aside p's request to move their place at s (its fact is replaced or cleared); 0 or -1. */
static int
set_aside_reschedule(struct store *st, const struct session *s, const struct participant *p,
    su_err *e)
{
	static const char *const sql = "UPDATE reschedule SET replaced_at = ?3"
	    " WHERE from_session_id = ?1 AND participant_id = ?2 AND whole_session = 0"
	    " AND replaced_at IS NULL";
	sqlite3_stmt *stmt = store_stmt(st, sql, e);

	if (stmt == NULL)
		return -1;
	db_bind_int(stmt, 1, s->id);
	db_bind_int(stmt, 2, p->id);
	db_bind_int(stmt, 3, time_now());
	return db_step_done(stmt, e);
}

/* Returns 1 if 'a' and 'b' differ in more than their notes. */
static int
attendance_differs(const struct attendance *a, const struct attendance *b)
{
	struct attendance x = *a;

	x.note = b->note;
	return !attendance_same(&x, b);
}

/*
 * Keeps fact 'old' of p at s, about to be replaced: what p told us is never
 * lost (attendance_clear brings it back); a reschedule's request is set aside
 * with it. 0 or -1.
 */
static int
keep_replaced(struct store *st, const struct session *s, const struct participant *p,
    const struct attendance *old, su_err *e)
{
	static const char *const sql = "INSERT INTO attendance_replaced (session_id,"
	    " participant_id, fact, minutes_late, cancelled_at, reason, note, replaced_at,"
	    " reschedule_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, (SELECT max(id) FROM"
	    " reschedule WHERE from_session_id = ?1 AND participant_id = ?2"
	    " AND whole_session = 0 AND replaced_at IS NULL))";
	sqlite3_stmt *stmt = store_stmt(st, sql, e);

	if (stmt == NULL)
		return -1;
	db_bind_int(stmt, 1, s->id);
	db_bind_int(stmt, 2, p->id);
	bind_fact(stmt, old);
	db_bind_int(stmt, 8, time_now());
	if (db_step_done(stmt, e) < 0)
		return -1;
	return set_aside_reschedule(st, s, p, e);
}

/*
 * Replaces the stored fact 'old' by 'w' if they differ, auditing both (what
 * the participant told us is kept: keep_replaced); 0 the same, 2 corrected
 * (with 'change' filled, if not NULL), -1 with 'e' set.
 */
static int
attendance_correct(struct store *st, const struct cohort *c, const struct session *s,
    const struct participant *p, const struct attendance *w, const struct attendance *old,
    struct attendance_change *change, su_err *e)
{
	char *before = NULL, *after = NULL, *subject = NULL;
	int rc = -1;

	if (attendance_same(old, w))
		return 0;
	if ((attendance_is_their_word(old) && attendance_differs(w, old) &&
	    keep_replaced(st, s, p, old, e) < 0) ||
	    attendance_write(st, sql_attendance_update, w, e) < 0)
		return -1;
	if (audit_wanted(st, 1)) {
		subject = xasprintf("%s:%d %s", c->slug, s->number, p->email);
		before = attendance_describe(old, c->tz);
		after = attendance_describe(w, c->tz);
		if (audit_add(st, c->id, "correct", subject, before, after, e) < 0)
			goto done;
	}
	rc = 2;
	if (change != NULL) {
		change->before = before;
		change->after = after;
		before = after = NULL;
	}
done:
	free(before);
	free(after);
	free(subject);
	return rc;
}

int
attendance_check_reschedule(const struct attendance *a, const struct attendance *stored,
    su_err *e)
{
	if (!outcome_fact_rescheduled(a) || (outcome_fact_rescheduled(stored) &&
	    stored->cancelled_at == a->cancelled_at))
		return 0;	/* a note may change */
	return su_err_set(e, "a reschedule is recorded with the place it moved to, not as "
	    "a cancellation with the reason '%s'", POLICY_RESCHEDULE_REASON);
}

int
attendance_set(struct store *st, const struct cohort *c, const struct session *s,
    const struct participant *p, const struct attendance *a,
    struct attendance_change *change, su_err *e)
{
	struct attendance old, w = *a;
	int rc;

	if (change != NULL)
		change->before = change->after = NULL;
	if (w.note == NULL)
		w.note = "";
	if (attendance_check(&w, e) < 0)
		return -1;
	/* Most facts are new: try the insert first, and read the old fact only if there is one. */
	if (attendance_write(st, sql_attendance_insert, &w, e) < 0)
		return -1;
	if (sqlite3_changes(st->db) == 1)
		return attendance_added(st, c, s, p, &w, e);
	if (attendance_get(st, a->session_id, a->participant_id, &old, e) != 1)
		return -1;
	rc = attendance_set_known(st, c, s, p, a, &old, change, e);
	attendance_free(&old);
	return rc;
}

int
attendance_set_known(struct store *st, const struct cohort *c, const struct session *s,
    const struct participant *p, const struct attendance *a, const struct attendance *old,
    struct attendance_change *change, su_err *e)
{
	struct attendance w = *a;

	if (old == NULL)
		return attendance_set(st, c, s, p, a, change, e);
	if (change != NULL)
		change->before = change->after = NULL;
	if (w.note == NULL)
		w.note = "";
	if (attendance_check(&w, e) < 0)
		return -1;
	if (a->note == NULL)
		w.note = old->note;	/* no note given: the stored one stays */
	return attendance_correct(st, c, s, p, &w, old, change, e);
}

/* Calls 'fn' with each row of 'sql' (bound to 'id'); 0, or -1 with 'e' set or from fn. */
static int
attendance_each_row(struct store *st, const char *sql, int64_t id, attendance_fn fn,
    void *arg, su_err *e)
{
	sqlite3_stmt *stmt = store_stmt(st, sql, e);
	struct attendance a;
	int rc;

	if (stmt == NULL)
		return -1;
	db_bind_int(stmt, 1, id);
	while ((rc = db_step_row(stmt, e)) == 1) {
		attendance_peek_row(stmt, &a);
		if (fn(arg, &a, e) < 0) {
			rc = -1;
			break;
		}
	}
	sqlite3_reset(stmt);
	return rc;
}

int
attendance_each(struct store *st, int64_t cohort_id, attendance_fn fn, void *arg, su_err *e)
{
	return attendance_each_row(st, sql_attendance_all, cohort_id, fn, arg, e);
}

int
attendance_each_of_session(struct store *st, int64_t session_id, attendance_fn fn,
    void *arg, su_err *e)
{
	return attendance_each_row(st, sql_attendance_of_session, session_id, fn, arg, e);
}

void
attendance_free(struct attendance *a)
{
	free(a->reason);
	free(a->note);
	a->reason = a->note = NULL;
}

void
attendance_list_free(struct attendance_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		attendance_free(&l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

/* The status words a coach or a file may use, and the fact each one states. */
static const struct {
	const char *word;
	enum fact fact;
	int excused;
} status_words[] = {
	{ "present", FACT_ARRIVED, 0 }, { "p", FACT_ARRIVED, 0 },
	{ "late", FACT_ARRIVED, 0 }, { "l", FACT_ARRIVED, 0 },
	{ "no-show", FACT_ABSENT, 0 }, { "noshow", FACT_ABSENT, 0 },
	{ "no_show", FACT_ABSENT, 0 }, { "absent", FACT_ABSENT, 0 }, { "n", FACT_ABSENT, 0 },
	{ "excused", FACT_ABSENT, 1 }, { "e", FACT_ABSENT, 1 },
	{ "cancelled", FACT_CANCELLED, 0 }, { "canceled", FACT_CANCELLED, 0 },
	{ "cancel", FACT_CANCELLED, 0 }, { "c", FACT_CANCELLED, 0 },
	{ "late_cancel", FACT_CANCELLED, 0 }, { "late-cancel", FACT_CANCELLED, 0 },
};

/* Fills the details of a late arrival; 0 or -1 with 'e' set. */
static int
build_arrival(const struct fact_spec *spec, int late, struct attendance *out, su_err *e)
{
	long long v = 0;

	if (late && (spec->minutes == NULL || *spec->minutes == '\0'))
		return su_err_set(e, "late needs the minutes late (late 12)");
	if (spec->minutes && *spec->minutes &&
	    parse_int(spec->minutes, 0, 1440, &v) < 0)
		return su_err_set(e, "'%s' is not a number of minutes (0-1440)",
		    spec->minutes);
	if (late && v == 0)
		return su_err_set(e, "late by 0 minutes is present");
	out->minutes_late = (int)v;
	return 0;
}

/* Checks a reason code against the policy; 0 or -1 with 'e' set listing the codes. */
static int
check_reason(const struct policy *p, const char *reason, int accepted_only, su_err *e)
{
	struct strbuf codes = STRBUF_INIT;

	if (accepted_only ? policy_reason_accepted(p, reason)
	    : policy_reason_known(p, reason))
		return 0;
	policy_reasons_describe(p, accepted_only, &codes);
	if (*reason == '\0')
		su_err_set(e, "a reason is needed (%s)", sb_str(&codes));
	else if (accepted_only && policy_reason_known(p, reason))
		su_err_set(e, "'%s' is not accepted as an excuse (accepted: %s)",
		    reason, sb_str(&codes));
	else
		su_err_set(e, "unknown reason '%s' (known: %s)", reason, sb_str(&codes));
	sb_free(&codes);
	return -1;
}

int
fact_build(const struct policy *p, const char *tz, const struct fact_spec *spec,
    struct attendance *out, su_err *e)
{
	const char *reason = spec->reason ? spec->reason : "";
	size_t i;

	memset(out, 0, sizeof *out);
	for (i = 0; i < ARRAY_SIZE(status_words); i++)
		if (spec->status && str_ieq(spec->status, status_words[i].word))
			break;
	if (i == ARRAY_SIZE(status_words))
		return su_err_set(e, "unknown status '%s' (present, late, no-show, "
		    "excused, cancelled)", spec->status ? spec->status : "");
	out->fact = status_words[i].fact;
	if (out->fact == FACT_ARRIVED &&
	    build_arrival(spec, status_words[i].word[0] == 'l', out, e) < 0)
		return -1;
	if (out->fact == FACT_CANCELLED) {
		if ((spec->cancelled_at == NULL || *spec->cancelled_at == '\0') &&
		    spec->cancelled_ts == 0)
			return su_err_set(e, "a cancellation needs the time it came in");
		out->cancelled_at = spec->cancelled_ts;
		if ((spec->cancelled_at != NULL && *spec->cancelled_at != '\0' &&
		    time_parse(spec->cancelled_at, policy_date_order(p, tz), tz,
		    &out->cancelled_at, e) < 0) ||
		    (strcmp(reason, POLICY_RESCHEDULE_REASON) != 0 &&	/* read back from an export */
		    check_reason(p, reason, 0, e) < 0))
			return -1;
	}
	if (status_words[i].excused && check_reason(p, reason, 1, e) < 0)
		return -1;
	out->reason = xstrdup(out->fact == FACT_ARRIVED ||
	    (out->fact == FACT_ABSENT && !status_words[i].excused) ? "" : reason);
	out->note = spec->note ? note_lines(spec->note) : NULL;
	return 0;
}

int
fact_check_timing(const struct attendance *a, const struct session *s, int64_t now,
    su_err *e)
{
	if (s->cancelled)
		return su_err_set(e, "session %d was cancelled by the coach", s->number);
	if (a->fact == FACT_ARRIVED && now < s->starts_at)
		return su_err_set(e, "session %d has not started yet", s->number);
	if (a->fact == FACT_ABSENT && *a->reason == '\0' && now < s->starts_at)
		return su_err_set(e, "session %d has not started yet: nobody can miss "
		    "it so far", s->number);
	if (a->fact == FACT_CANCELLED && a->cancelled_at > now)
		return su_err_set(e, "a cancellation cannot come in later than now");
	return 0;
}

const char *
fact_status_word(const struct attendance *a)
{
	switch (a->fact) {
	case FACT_ARRIVED:
		return a->minutes_late > 0 ? "late" : "present";
	case FACT_ABSENT:
		return *a->reason ? "excused" : "no-show";
	case FACT_CANCELLED:
		return "cancelled";
	case FACT_NONE:
		break;
	}
	return "";
}

int
attendance_is_their_word(const struct attendance *a)
{
	return a != NULL && (a->fact == FACT_CANCELLED ||
	    (a->fact == FACT_ABSENT && *a->reason != '\0'));
}

char *
attendance_in_words(const struct policy *pol, const char *tz, const struct session *s,
    const struct attendance *a)
{
	struct strbuf sb = STRBUF_INIT;
	char when[40];
	int64_t cutoff;

	if (a->fact == FACT_CANCELLED) {
		time_format_human(tz, a->cancelled_at, when, sizeof when);
		if (outcome_fact_rescheduled(a))
			sb_addf(&sb, "moved their place on %s", when);
		else if (policy_cancel_in_time(pol, tz, s->starts_at, a->cancelled_at, &cutoff))
			sb_addf(&sb, "cancelled in time on %s (%s)", when, a->reason);
		else if (policy_reason_accepted(pol, a->reason))
			sb_addf(&sb, "excused (%s): cancelled after the cutoff on %s", a->reason,
			    when);
		else
			sb_addf(&sb, "cancelled after the cutoff on %s (%s)", when, a->reason);
	} else if (a->fact == FACT_ABSENT) {
		sb_adds(&sb, *a->reason ? "excused (" : "no-show");
		if (*a->reason)
			sb_addf(&sb, "%s)", a->reason);
	} else if (a->fact == FACT_ARRIVED && a->minutes_late > 0) {
		sb_addf(&sb, "late %d min", a->minutes_late);
	} else {
		sb_adds(&sb, a->fact == FACT_ARRIVED ? "present" : "not recorded");
	}
	add_note(&sb, a->note);
	return sb_detach(&sb);
}

/* Appends the words of a cancellation judged 'o': in time, late, moved, excused. */
static void
cancellation_short(enum outcome o, const char *tz, const struct attendance *a,
    struct strbuf *sb)
{
	struct strbuf day = STRBUF_INIT, why = STRBUF_INIT;
	int moved = outcome_fact_rescheduled(a);

	if (o == OUTCOME_CANCELLED || o == OUTCOME_RESCHEDULED)
		day_words(tz, a->cancelled_at, &day);	/* in time: the day says enough */
	else
		day_and_time(tz, a->cancelled_at, &day);
	reason_words(a->reason, &why);
	/* TRANSLATORS: a card of the roll call and the participant's page: the day (and
	 * time) of the cancellation, then its reason in words */
	if (moved)
		sb_addf(sb, o == OUTCOME_RESCHEDULED ? _("moved in time, %s") : _("moved late, %s"),
		    sb_str(&day));
	else if (o == OUTCOME_CANCELLED)
		sb_addf(sb, _("cancelled in time, %s, %s"), sb_str(&day), sb_str(&why));
	else if (o == OUTCOME_EXCUSED)
		sb_addf(sb, _("excused: cancelled late, %s, %s"), sb_str(&day), sb_str(&why));
	else if (o == OUTCOME_NO_SHOW)
		sb_addf(sb, _("no-show: cancelled after the start, %s, %s"), sb_str(&day),
		    sb_str(&why));
	else
		sb_addf(sb, _("cancelled late, %s, %s"), sb_str(&day), sb_str(&why));
	sb_free(&day);
	sb_free(&why);
}

char *
attendance_short_words(const struct policy *pol, const char *tz, const struct session *s,
    const struct attendance *a, enum outcome *o)
{
	struct outcome_input in = { .expected = 1, .starts_at = s->starts_at,
		.cutoff = s->starts_at, .now = s->starts_at, .fact = a };
	struct strbuf sb = STRBUF_INIT, why = STRBUF_INIT;

	if (policy_cutoff(pol, tz, s->starts_at, &in.cutoff) < 0)
		in.cutoff = s->starts_at;
	*o = outcome_of(pol, &in);	/* the one judgement, as every view asks it */
	if (a->fact == FACT_CANCELLED) {
		cancellation_short(*o, tz, a, &sb);
	} else if (a->fact == FACT_ABSENT && *a->reason) {
		reason_words(a->reason, &why);	/* TRANSLATORS: a card: the reason in words */
		sb_addf(&sb, *o == OUTCOME_EXCUSED ? _("excused, %s") : _("absent, %s"),
		    sb_str(&why));
	} else if (a->fact == FACT_ABSENT) {
		sb_adds(&sb, _("no-show"));
	} else if (a->fact == FACT_ARRIVED && a->minutes_late > 0) {
		/* TRANSLATORS: a card: minutes late, abbreviated */
		sb_addf(&sb, _("late %d min"), a->minutes_late);
	} else {
		sb_adds(&sb, a->fact == FACT_ARRIVED ? _("present") : _("not recorded"));
	}
	add_note(&sb, a->note);
	sb_free(&why);
	return sb_detach(&sb);
}

int
attendance_their_word(struct store *st, const struct cohort *c, const struct policy *pol,
    const struct session *s, const struct participant *p, char **words, su_err *e)
{
	struct attendance a;
	int rc = attendance_get(st, s->id, p->id, &a, e);

	*words = NULL;
	if (rc <= 0)
		return rc;
	rc = attendance_is_their_word(&a);
	if (rc)
		*words = attendance_in_words(pol, c->tz, s, &a);
	attendance_free(&a);
	return rc;
}

int
attendance_check_replace(const struct cohort *c, const struct policy *pol, const struct session *s,
    const struct participant *p, const struct attendance *a, const struct attendance *old,
    unsigned flags, su_err *e)
{
	char *words;

	if (old == NULL || !attendance_differs(a, old))
		return 0;
	if (!(flags & RECORD_NEW_ONLY) && (!attendance_is_their_word(old) ||
	    (flags & RECORD_REPLACE)))
		return 0;
	words = attendance_in_words(pol, c->tz, s, old);
	if (flags & RECORD_NEW_ONLY)
		su_err_set(e, "%s:%d %s is recorded already: %s", c->slug, s->number, p->email,
		    words);
	else
		su_err_set(e, "%s:%d %s is recorded as %s, which they told us; '%s' would "
		    "replace it", c->slug, s->number, p->email, words, fact_status_word(a));
	free(words);
	return flags & RECORD_NEW_ONLY ? -1 : ATTENDANCE_THEIR_WORD;
}

int
attendance_record_fact(struct store *st, const struct cohort *c, const struct policy *pol,
    const struct session *s, const struct participant *p, const struct attendance *a,
    unsigned flags, int64_t now, su_err *e)
{
	struct attendance old;
	int rc, had;

	if ((flags & RECORD_WALK_IN) && session_walk_in(st, c, s, p, e) < 0)
		return -1;
	rc = session_expects(st, s, p, e);
	if (rc <= 0)
		return rc < 0 ? -1 : su_err_set(e, "'%s' is not expected at session %s:%d",
		    p->email, c->slug, s->number);
	if (fact_check_timing(a, s, now, e) < 0 ||
	    (had = attendance_get(st, s->id, p->id, &old, e)) < 0)
		return -1;
	rc = attendance_check_replace(c, pol, s, p, a, had ? &old : NULL, flags, e);
	if (rc == 0)
		rc = attendance_set_known(st, c, s, p, a, had ? &old : NULL, NULL, e);
	if (rc > 0 && (flags & RECORD_NEW_ONLY) && a->fact == FACT_CANCELLED &&
	    own_change_cancel(st, c, p, s, a->cancelled_at, e) < 0)	/* their own link */
		rc = -1;
	if (rc > 0 && a->fact == FACT_CANCELLED && s->capacity > 0 &&
	    places_fill(st, c, s, now, e) < 0)
		rc = -1;	/* the place given up goes to the first waiting */
	if (had)
		attendance_free(&old);
	return rc;
}

int
attendance_record(struct store *st, const struct cohort *c, const struct policy *pol,
    const struct session *s, const struct participant *p, const struct fact_spec *spec,
    unsigned flags, int64_t now, su_err *e)
{
	struct attendance a;
	int rc;

	if (fact_build(pol, c->tz, spec, &a, e) < 0)
		return -1;
	a.session_id = s->id;
	a.participant_id = p->id;
	rc = attendance_record_fact(st, c, pol, s, p, &a, flags, now, e);
	attendance_free(&a);
	return rc;
}

/* The newest fact of p at s that a record replaced and no undo brought back yet. */
static const char *const sql_replaced_last =
	"SELECT session_id, participant_id, fact, minutes_late, cancelled_at, reason, note,"
	" id, reschedule_id FROM attendance_replaced WHERE session_id = ? AND"
	" participant_id = ? AND restored_at IS NULL ORDER BY id DESC LIMIT 1";

/* Notes that replaced fact 'id' is back, with its reschedule 'rid' (0: none); 0 or -1. */
static int
mark_restored(struct store *st, int64_t id, int64_t rid, su_err *e)
{
	static const char *const sql_done = "UPDATE attendance_replaced SET restored_at = ?"
	    " WHERE id = ?";
	static const char *const sql_back = "UPDATE reschedule SET replaced_at = NULL"
	    " WHERE id = ?";
	sqlite3_stmt *stmt = store_stmt(st, sql_done, e);

	if (stmt == NULL)
		return -1;
	db_bind_int(stmt, 1, time_now());
	db_bind_int(stmt, 2, id);
	if (db_step_done(stmt, e) < 0)
		return -1;
	if (rid == 0)
		return 0;
	if ((stmt = store_stmt(st, sql_back, e)) == NULL)
		return -1;
	db_bind_int(stmt, 1, rid);
	return db_step_done(stmt, e);
}

/*
 * Brings back the newest fact of p at s that a record replaced, over 'now_fact'
 * (audited as a restore); 2, 0 if none was replaced, -1 with 'e' set.
 */
static int
restore_replaced(struct store *st, const struct cohort *c, const struct session *s,
    const struct participant *p, const struct attendance *now_fact, su_err *e)
{
	sqlite3_stmt *stmt = store_stmt(st, sql_replaced_last, e);
	struct attendance old;
	int64_t id, rid;
	char *before, *after, *subject;
	int rc;

	if (stmt == NULL)
		return -1;
	db_bind_int(stmt, 1, s->id);
	db_bind_int(stmt, 2, p->id);
	if ((rc = db_step_row(stmt, e)) <= 0) {
		sqlite3_reset(stmt);
		return rc;
	}
	attendance_from_row(stmt, &old);
	id = sqlite3_column_int64(stmt, 7);
	rid = sqlite3_column_type(stmt, 8) == SQLITE_NULL ? 0 : sqlite3_column_int64(stmt, 8);
	sqlite3_reset(stmt);
	subject = xasprintf("%s:%d %s", c->slug, s->number, p->email);
	before = attendance_describe(now_fact, c->tz);
	after = attendance_describe(&old, c->tz);
	rc = -1;
	if (attendance_write(st, sql_attendance_update, &old, e) == 0 &&
	    mark_restored(st, id, rid, e) == 0 &&
	    audit_add(st, c->id, "restore", subject, before, after, e) == 0)
		rc = 2;
	free(subject);
	free(before);
	free(after);
	attendance_free(&old);
	return rc;
}

/* Deletes the fact 'old' of p at s (audited), and a walk-in's place with it; 0 or -1. */
static int
clear_fact(struct store *st, const struct cohort *c, const struct session *s,
    const struct participant *p, const struct attendance *old, su_err *e)
{
	static const char *const sql =
		"DELETE FROM attendance WHERE session_id = ? AND participant_id = ?";
	sqlite3_stmt *stmt = store_stmt(st, sql, e);
	char *before, *subject;
	int rc = -1;

	if (stmt == NULL)
		return -1;
	db_bind_int(stmt, 1, s->id);
	db_bind_int(stmt, 2, p->id);
	if (db_step_done(stmt, e) < 0 || set_aside_reschedule(st, s, p, e) < 0)
		return -1;
	subject = xasprintf("%s:%d %s", c->slug, s->number, p->email);
	before = attendance_describe(old, c->tz);
	if (audit_add(st, c->id, "unmark", subject, before, "not recorded", e) == 0)
		rc = session_walk_in_undo(st, c, s, p, e) < 0 ? -1 : 0;
	free(before);
	free(subject);
	return rc;
}

int
attendance_clear(struct store *st, const struct cohort *c, const struct session *s,
    const struct participant *p, unsigned flags, su_err *e)
{
	struct attendance old;
	char *what;
	int rc = attendance_get(st, s->id, p->id, &old, e);

	if (rc == 0) {	/* nothing recorded: a 1:1 they moved whole may come back */
		if ((rc = reschedule_undo_whole(st, c, s, p, e)) != 0)
			return rc;
		return su_err_set(e, "nothing is recorded for '%s' at %s:%d", p->email,
		    c->slug, s->number);
	}
	if (rc < 0)
		return -1;
	if (attendance_is_their_word(&old) && !(flags & RECORD_REPLACE)) {
		what = attendance_describe(&old, c->tz);
		rc = su_err_set(e, "%s:%d %s is recorded as %s, which they told us: it is not "
		    "taken back here", c->slug, s->number, p->email, what);
		free(what);
	} else if ((rc = restore_replaced(st, c, s, p, &old, e)) == 0) {
		rc = clear_fact(st, c, s, p, &old, e);
	}
	attendance_free(&old);
	return rc;
}
