/* SPDX-License-Identifier: Apache-2.0 */
/* export.c - attendance facts out as CSV, in the columns the import reads back.
 * Streamed a session at a time: the memory it takes is bounded by the cohort's
 * people and sessions, never by its facts. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "showup/import.h"
#include "showup/roll.h"
#include "showup/timeutil.h"

static const char *const export_header[] = { "session", "date", "email", "name",
	"status", "minutes_late", "cancelled_at", "reason", "note", "outcome" };

/* One fact of the session being written, its strings in the export's text buffer. */
struct export_fact {
	int64_t cancelled_at;
	size_t reason, note;	/* offsets in export.text */
	int minutes_late;
	unsigned char fact;	/* enum fact; FACT_NONE: nothing recorded */
};

/* What the export keeps: the people and sessions, and one session's facts. */
struct export {
	const struct cohort *cohort;
	const struct policy *policy;
	const struct tz_zone *zone;		/* the cohort's, loaded once */
	int64_t now;
	FILE *out;
	struct participant_list people;		/* by name, as the roll has them */
	struct session_list sessions;		/* by start time */
	struct engine_person *epeople;		/* the engine's view of people[i] */
	struct idmap row_by_id;			/* participant id -> row */
	struct idmap col_by_id;			/* session id -> column */
	struct engine_reschedule *reschedules;	/* by person, as the roll has them */
	size_t nreschedules;
	unsigned char *verdicts;		/* each reschedule's */
	size_t *first_reschedule;		/* people.n + 1: person i's are from
						   [i] to [i + 1] */
	struct export_fact *facts;		/* people.n: the session's fact of each */
	unsigned char *named;			/* people.n: on the session's list */
	struct strbuf text;			/* the session's reasons and notes */
	struct strbuf csv;			/* output not written yet */
};

/* Keeps fact 'a' of the current session in its person's slot (others are left out). */
static int
keep_fact(void *arg, const struct attendance *a, su_err *e)
{
	struct export *x = arg;
	struct export_fact *f;
	size_t i;

	(void)e;
	if (!idmap_get(&x->row_by_id, a->participant_id, &i))
		return 0;
	f = &x->facts[i];
	f->fact = (unsigned char)a->fact;
	f->minutes_late = a->minutes_late;
	f->cancelled_at = a->cancelled_at;
	f->reason = x->text.len;
	sb_add(&x->text, a->reason, strlen(a->reason) + 1);
	f->note = x->text.len;
	sb_add(&x->text, a->note, strlen(a->note) + 1);
	return 0;
}

/* Marks in x->named who session 's' names (coaching and practice); 0 or -1. */
static int
load_named(struct store *st, struct export *x, const struct session *s, su_err *e)
{
	int64_t *ids;
	size_t n, i;

	memset(x->named, 0, x->people.n ? x->people.n : 1);
	if (session_expects_everyone(s))
		return 0;	/* everyone is expected: the list plays no part */
	if (session_expected_ids(st, s->id, &ids, &n, e) < 0)
		return -1;
	for (size_t k = 0; k < n; k++)
		if (idmap_get(&x->row_by_id, ids[k], &i))
			x->named[i] = 1;
	free(ids);
	return 0;
}

/* Appends the CSV record of person i's fact 'f' at session column j: 'es', 'number', 'date' are its. */
static void
write_fact(struct export *x, const struct engine_session *es, size_t i, size_t j,
    const struct export_fact *f, const char *number, const char *date)
{
	struct attendance a = {
		.fact = (enum fact)f->fact, .minutes_late = f->minutes_late,
		.cancelled_at = f->cancelled_at, .reason = x->text.buf + f->reason,
		.note = x->text.buf + f->note,
	};
	char minutes[16] = "", cancelled[40] = "";
	const char *fields[ARRAY_SIZE(export_header)];
	size_t k = x->first_reschedule[i], n = x->first_reschedule[i + 1] - k;
	enum outcome o = engine_cell_outcome(x->policy, es, &x->epeople[i], x->named[i],
	    x->now, &a, engine_place_verdict(x->reschedules + k, x->verdicts + k, n, i, j));

	if (a.fact == FACT_ARRIVED && a.minutes_late > 0)
		snprintf(minutes, sizeof minutes, "%d", a.minutes_late);
	if (a.fact == FACT_CANCELLED)
		time_format_iso(x->cohort->tz, a.cancelled_at, cancelled, sizeof cancelled);
	fields[0] = number;
	fields[1] = date;
	fields[2] = x->people.v[i].email;
	fields[3] = x->people.v[i].name;
	fields[4] = fact_status_word(&a);
	fields[5] = minutes;
	fields[6] = cancelled;
	fields[7] = a.reason;
	fields[8] = a.note;
	fields[9] = outcome_name(o);
	csvw_record(&x->csv, fields, ARRAY_SIZE(fields));
	if (x->csv.len > 65536) {
		fwrite(x->csv.buf, 1, x->csv.len, x->out);
		sb_reset(&x->csv);
	}
}

/* Writes the facts of session column j, by person; 0 or -1 with 'e' set. */
static int
write_session(struct store *st, struct export *x, size_t j, su_err *e)
{
	const struct session *s = &x->sessions.v[j];
	struct engine_session es;
	char number[16], date[40];

	memset(x->facts, 0, (x->people.n ? x->people.n : 1) * sizeof *x->facts);
	sb_reset(&x->text);
	if (x->zone == NULL && (x->zone = roll_zone(x->cohort, e)) == NULL)
		return -1;
	roll_engine_session(x->policy, x->zone, s, &es);
	if (load_named(st, x, s, e) < 0 ||
	    attendance_each_of_session(st, s->id, keep_fact, x, e) < 0)
		return -1;
	snprintf(number, sizeof number, "%d", s->number);
	time_format_iso(x->cohort->tz, s->starts_at, date, sizeof date);
	for (size_t i = 0; i < x->people.n; i++)
		if (x->facts[i].fact != FACT_NONE)
			write_fact(x, &es, i, j, &x->facts[i], number, date);
	return 0;
}

/* Judges each person's reschedules, as the engine does, and notes where each one's begin. */
static void
judge_reschedules(struct export *x)
{
	size_t k = 0;

	x->verdicts = xcalloc(x->nreschedules ? x->nreschedules : 1, 1);
	x->first_reschedule = xcalloc(x->people.n + 1, sizeof *x->first_reschedule);
	for (size_t i = 0; i < x->people.n; i++) {
		x->first_reschedule[i] = k;
		while (k < x->nreschedules && x->reschedules[k].person == i)
			k++;
		engine_judge_reschedules(x->policy, x->reschedules + x->first_reschedule[i],
		    k - x->first_reschedule[i], x->verdicts + x->first_reschedule[i]);
	}
	x->first_reschedule[x->people.n] = k;
}

/* Loads the people and sessions and sizes the per-session buffers; 0 or -1. */
static int
export_open(struct store *st, struct export *x, su_err *e)
{
	size_t n;

	if (participant_list_all(st, x->cohort->id, 1, &x->people, e) < 0 ||
	    session_list_all(st, x->cohort->id, &x->sessions, e) < 0)
		return -1;
	n = x->people.n ? x->people.n : 1;
	x->epeople = xcalloc(n, sizeof *x->epeople);
	x->facts = xcalloc(n, sizeof *x->facts);
	x->named = xcalloc(n, 1);
	for (size_t i = 0; i < x->people.n; i++) {
		idmap_put(&x->row_by_id, x->people.v[i].id, i);
		roll_engine_person(&x->people.v[i], &x->epeople[i]);
	}
	for (size_t j = 0; j < x->sessions.n; j++)
		idmap_put(&x->col_by_id, x->sessions.v[j].id, j);
	if (roll_load_reschedules(st, x->cohort, x->policy, &x->row_by_id, &x->col_by_id,
	    &x->reschedules, &x->nreschedules, e) < 0)
		return -1;
	judge_reschedules(x);
	return 0;
}

/* Frees what export_open and the sessions took. */
static void
export_close(struct export *x)
{
	participant_list_free(&x->people);
	session_list_free(&x->sessions);
	idmap_free(&x->row_by_id);
	idmap_free(&x->col_by_id);
	free(x->reschedules);
	free(x->verdicts);
	free(x->first_reschedule);
	free(x->epeople);
	free(x->facts);
	free(x->named);
	sb_free(&x->text);
	sb_free(&x->csv);
}

int
export_attendance(struct store *st, const struct cohort *c, const struct policy *p,
    FILE *out, su_err *e)
{
	struct export x = {
		.cohort = c, .policy = p, .now = time_now(), .out = out,
		.row_by_id = IDMAP_INIT, .col_by_id = IDMAP_INIT, .text = STRBUF_INIT, .csv = STRBUF_INIT,
	};
	int rc = export_open(st, &x, e);

	if (rc == 0)
		csvw_record(&x.csv, export_header, ARRAY_SIZE(export_header));
	for (size_t j = 0; j < x.sessions.n && rc == 0; j++)
		rc = write_session(st, &x, j, e);
	if (rc == 0) {
		fwrite(sb_str(&x.csv), 1, x.csv.len, out);
		if (ferror(out))
			rc = su_err_set(e, "cannot write the export");
	}
	export_close(&x);
	return rc;
}
