/* attendance.c - what the coach recorded for each expected attendance, audited. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "showup/model.h"
#include "showup/policy.h"
#include "showup/timeutil.h"
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
	for (size_t i = 1; i < ARRAY_SIZE(fact_names); i++)
		if (strcmp(fact_names[i], name) == 0)
			return (enum fact)i;
	return FACT_NONE;
}

char *
attendance_describe(const struct attendance *a, const char *tz)
{
	char at[40];

	switch (a->fact) {
	case FACT_ARRIVED:
		if (a->minutes_late == 0)
			return xasprintf("present%s%s", *a->note ? "; " : "", a->note);
		return xasprintf("late %d min%s%s", a->minutes_late,
		    *a->note ? "; " : "", a->note);
	case FACT_ABSENT:
		if (*a->reason)
			return xasprintf("excused (%s)%s%s", a->reason,
			    *a->note ? "; " : "", a->note);
		return xasprintf("no-show%s%s", *a->note ? "; " : "", a->note);
	case FACT_CANCELLED:
		return xasprintf("cancelled %s (%s)%s%s",
		    time_format_iso(tz, a->cancelled_at, at, sizeof at), a->reason,
		    *a->note ? "; " : "", a->note);
	case FACT_NONE:
		break;
	}
	return xstrdup("none");
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

/* Returns 1 if two facts record the same thing. */
static int
attendance_same(const struct attendance *a, const struct attendance *b)
{
	if (a->fact != b->fact || strcmp(a->reason, b->reason) != 0 ||
	    strcmp(a->note, b->note) != 0)
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
	if (str_has_control(a->reason) || str_has_control(a->note))
		return su_err_set(e, "reason and note may not hold line breaks");
	return 0;
}

static const char *const sql_attendance_insert =
	"INSERT INTO attendance (session_id, participant_id, fact, minutes_late,"
	" cancelled_at, reason, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
	" ON CONFLICT (session_id, participant_id) DO NOTHING";
static const char *const sql_attendance_update =
	"UPDATE attendance SET fact = ?3, minutes_late = ?4, cancelled_at = ?5,"
	" reason = ?6, note = ?7 WHERE session_id = ?1 AND participant_id = ?2";

/* Writes fact 'a' with 'sql' (insert or update, same parameters); 0 or -1. */
static int
attendance_write(struct store *st, const char *sql, const struct attendance *a, su_err *e)
{
	sqlite3_stmt *stmt = store_stmt(st, sql, e);

	if (stmt == NULL)
		return -1;
	db_bind_int(stmt, 1, a->session_id);
	db_bind_int(stmt, 2, a->participant_id);
	db_bind_text(stmt, 3, fact_name(a->fact));
	if (a->fact == FACT_ARRIVED)
		db_bind_int(stmt, 4, a->minutes_late);
	if (a->fact == FACT_CANCELLED)
		db_bind_int(stmt, 5, a->cancelled_at);
	db_bind_text(stmt, 6, a->reason);
	db_bind_text(stmt, 7, a->note);
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

/*
 * Replaces the stored fact 'old' by 'w' if they differ, auditing both; 0 the
 * same, 2 corrected (with 'change' filled, if not NULL), -1 with 'e' set.
 */
/* Forgets p's request to move their place at s (its fact is being replaced or cleared); 0 or -1. */
static int
forget_reschedule(struct store *st, const struct session *s, const struct participant *p,
    su_err *e)
{
	static const char *const sql = "DELETE FROM reschedule WHERE from_session_id = ?"
	    " AND participant_id = ? AND whole_session = 0";
	sqlite3_stmt *stmt = store_stmt(st, sql, e);

	if (stmt == NULL)
		return -1;
	db_bind_int(stmt, 1, s->id);
	db_bind_int(stmt, 2, p->id);
	return db_step_done(stmt, e);
}

static int
attendance_correct(struct store *st, const struct cohort *c, const struct session *s,
    const struct participant *p, const struct attendance *w, const struct attendance *old,
    struct attendance_change *change, su_err *e)
{
	char *before = NULL, *after = NULL, *subject = NULL;
	int rc = -1;

	if (attendance_same(old, w))
		return 0;
	if ((outcome_fact_rescheduled(old) && forget_reschedule(st, s, p, e) < 0) ||
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
		if (spec->cancelled_at == NULL || *spec->cancelled_at == '\0')
			return su_err_set(e, "a cancellation needs the time it came in");
		if (time_parse(spec->cancelled_at, policy_date_order(p, tz), tz,
		    &out->cancelled_at, e) < 0 ||
		    (strcmp(reason, POLICY_RESCHEDULE_REASON) != 0 &&	/* read back from an export */
		    check_reason(p, reason, 0, e) < 0))
			return -1;
	}
	if (status_words[i].excused && check_reason(p, reason, 1, e) < 0)
		return -1;
	out->reason = xstrdup(out->fact == FACT_ARRIVED ||
	    (out->fact == FACT_ABSENT && !status_words[i].excused) ? "" : reason);
	out->note = spec->note ? xstrdup(spec->note) : NULL;
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
attendance_record(struct store *st, const struct cohort *c, const struct policy *pol,
    const struct session *s, const struct participant *p, const struct fact_spec *spec,
    int64_t now, su_err *e)
{
	struct attendance a;
	int rc;

	rc = session_expects(st, s, p, e);
	if (rc <= 0)
		return rc < 0 ? -1 : su_err_set(e, "'%s' is not expected at session %s:%d",
		    p->email, c->slug, s->number);
	if (fact_build(pol, c->tz, spec, &a, e) < 0)
		return -1;
	a.session_id = s->id;
	a.participant_id = p->id;
	rc = fact_check_timing(&a, s, now, e);
	if (rc == 0)
		rc = attendance_set(st, c, s, p, &a, NULL, e);
	attendance_free(&a);
	return rc;
}

int
attendance_clear(struct store *st, const struct cohort *c, const struct session *s,
    const struct participant *p, su_err *e)
{
	static const char *const sql =
		"DELETE FROM attendance WHERE session_id = ? AND participant_id = ?";
	struct attendance old;
	sqlite3_stmt *stmt;
	char *before = NULL, *subject = NULL;
	int rc = attendance_get(st, s->id, p->id, &old, e);

	if (rc == 0) {	/* nothing recorded: a 1:1 they moved whole may come back */
		if ((rc = reschedule_undo_whole(st, c, s, p, e)) != 0)
			return rc;
		return su_err_set(e, "nothing is recorded for '%s' at %s:%d", p->email,
		    c->slug, s->number);
	}
	if (rc < 0)
		return -1;
	rc = -1;
	if ((stmt = store_stmt(st, sql, e)) == NULL)
		goto done;
	db_bind_int(stmt, 1, s->id);
	db_bind_int(stmt, 2, p->id);
	if (db_step_done(stmt, e) < 0 || forget_reschedule(st, s, p, e) < 0)
		goto done;
	subject = xasprintf("%s:%d %s", c->slug, s->number, p->email);
	before = attendance_describe(&old, c->tz);
	rc = audit_add(st, c->id, "unmark", subject, before, "not recorded", e);
done:
	attendance_free(&old);
	free(before);
	free(subject);
	return rc;
}
