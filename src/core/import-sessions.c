/* SPDX-License-Identifier: Apache-2.0 */
/* import-sessions.c - a cohort's schedule from a spreadsheet, known by number. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "showup/import.h"
#include "showup/timeutil.h"
#include "import-words.h"

struct sessions_import {
	const struct cohort *cohort;
	struct idmap numbers;	/* session number -> line of the row that named it */
	int64_t *with;		/* the row's expected participants, ascending */
	size_t nwith, capwith;
};

/* Orders participant ids ascending (qsort). */
static int
id_compare(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return (x > y) - (x < y);
}

/* Appends participant 'id' to the row's expected people. */
static void
push_with(struct sessions_import *si, int64_t id)
{
	if (si->nwith == si->capwith) {
		si->capwith = si->capwith ? si->capwith * 2 : 8;
		si->with = xrealloc(si->with, si->capwith * sizeof *si->with);
	}
	si->with[si->nwith++] = id;
}

/* Resolves the ';'-separated e-mails of the with column into sorted ids; 0 or -1 (row reported). */
static int
resolve_with(struct sessions_import *si, struct import_row *row)
{
	char *list = xstrdup(import_field(row, SESSION_WITH)), *save = NULL;
	struct participant p;
	int rc = 0;

	si->nwith = 0;
	for (char *tok = strtok_r(list, ";, \t", &save); tok; tok = strtok_r(NULL,
	    ";, \t", &save)) {
		su_err why;

		if (participant_find(row->st, si->cohort, tok, &p, &why) != 1) {
			rc = import_row_error(row, "%s", why.msg);
			break;
		}
		push_with(si, p.id);
		participant_free(&p);
	}
	free(list);
	if (si->nwith > 1)
		qsort(si->with, si->nwith, sizeof *si->with, id_compare);
	return rc;
}

/* Returns 1 if the row gives a start time (a start column, or a date column). */
static int
row_has_start(const struct import_row *row)
{
	return *import_field(row, SESSION_START) || *import_field(row, SESSION_DATE);
}

/* Reads the row's start time from 'start', or 'date' + 'time'; 0 or -1 (row reported). */
static int
row_start(const struct cohort *c, struct import_row *row, int64_t *out)
{
	const char *start = import_field(row, SESSION_START);
	char *joined = NULL;
	int rc;

	if (*start == '\0') {
		if (*import_field(row, SESSION_DATE) == '\0')
			return import_row_error(row, "no start time (a start column, or "
			    "date and time columns)");
		joined = xasprintf("%s %s", import_field(row, SESSION_DATE),
		    import_field(row, SESSION_TIME));
		start = joined;
	}
	rc = import_time(row, start, c->tz, out, NULL);
	free(joined);
	return rc;
}

/* Reads the row's session number (0 for none), refusing one named twice; 0 or -1. */
static int
row_number(struct sessions_import *si, struct import_row *row, int *number)
{
	const char *text = import_field(row, SESSION_NUMBER);
	long long v;
	size_t first;

	*number = 0;
	if (*text == '\0')
		return 0;
	if (parse_int(text, 1, 1000000, &v) < 0)
		return import_row_error(row, "'%s' is not a session number", text);
	if (idmap_get(&si->numbers, v, &first))
		return import_row_error(row, "session %lld appears again (first on line "
		    "%zu)", v, first);
	*number = (int)v;
	idmap_put(&si->numbers, *number, (size_t)csvr_line(row->reader));
	return 0;
}

/* Reads an optional cell (yes/no in the languages showup reads, 1/0, x); 0, or -1 if none. */
static int
optional_word(const char *text, int *out)
{
	static const char *const yes[] = { "yes", "y", "1", "x", "true", "ja", "oui", "sí",
		"si", "sim", "tak" };
	static const char *const no[] = { "no", "n", "0", "false", "nein", "non", "não",
		"nao", "nee", "nie" };

	for (size_t k = 0; k < ARRAY_SIZE(yes); k++)
		if (strcasecmp(text, yes[k]) == 0)
			return (*out = 1), 0;
	for (size_t k = 0; k < ARRAY_SIZE(no); k++)
		if (strcasecmp(text, no[k]) == 0)
			return (*out = 0), 0;
	return -1;
}

/*
 * Fills 's' from the row over 'base' (the stored session, or defaults for a
 * new one): a column the file lacks, or an empty cell, keeps the base's
 * value. 0, or -1 (row reported).
 */
static int
row_session(struct sessions_import *si, struct import_row *row, const struct session *base,
    struct session *s)
{
	const char *minutes = import_field(row, SESSION_MINUTES);
	const char *kind = import_field(row, SESSION_KIND);
	const char *optional = import_field(row, SESSION_OPTIONAL);
	long long v;
	int k;

	*s = *base;
	if (*optional && optional_word(optional, &s->optional) < 0)
		return import_row_error(row, "optional: '%s' is not yes or no", optional);
	if (row_has_start(row) && row_start(si->cohort, row, &s->starts_at) < 0)
		return -1;
	if (*minutes && parse_int(minutes, 1, 1440, &v) < 0)
		return import_row_error(row, "'%s' is not a length in minutes (1-1440)",
		    minutes);
	if (*minutes)
		s->minutes = (int)v;
	k = *kind ? session_kind_parse(kind) : (int)base->kind;
	if (k < 0)
		return import_row_error(row, "unknown kind '%s' (group, coaching, practice)",
		    kind);
	s->kind = (enum session_kind)k;
	s->title = (char *)import_value(row, SESSION_TITLE, base->title);
	s->location = (char *)import_value(row, SESSION_LOCATION, base->location);
	return 0;
}

/* Applies the row's coach cancellation, if any and not recorded yet. */
static int
apply_cancellation(struct sessions_import *si, struct import_row *row, int number)
{
	const char *at = import_field(row, SESSION_CANCELLED_AT);
	const char *note = import_field(row, SESSION_CANCEL_NOTE);
	struct session s;
	int64_t when;
	su_err why;
	int rc = 0;

	if (*at == '\0')
		return 0;
	if (import_time(row, at, si->cohort->tz, &when, "cancelled_at") < 0)
		return -1;
	if (session_find(row->st, si->cohort, number, &s, &why) != 1)
		return import_row_error(row, "%s", why.msg);
	if (!s.cancelled || s.cancelled_at != when || strcmp(s.cancel_note, note) != 0)
		rc = session_cancel(row->st, si->cohort, &s, when, note, &why) < 0
		    ? import_row_error(row, "%s", why.msg) : 1;
	session_free(&s);
	return rc;
}

/* Returns 1 if the row leaves a session's people as they are (no with column, or an empty cell kept). */
static int
keeps_people(const struct sessions_import *si, const struct import_row *row)
{
	return !import_has(row, SESSION_WITH) || (si->nwith == 0 && !row->result->clear_empty);
}

/*
 * Returns 1 if stored session 's' is the one a row without a number means:
 * the same kind, title and expected people, as far as the row gives them.
 * -1 on a store error.
 */
static int
same_session(struct sessions_import *si, struct import_row *row, const struct session *s,
    su_err *e)
{
	const char *kind = import_field(row, SESSION_KIND);
	int64_t *ids;
	size_t n;
	int same;

	if (*kind && session_kind_parse(kind) != (int)s->kind)
		return 0;
	if (strcmp(import_value(row, SESSION_TITLE, s->title), s->title) != 0)
		return 0;
	if (keeps_people(si, row))
		return 1;
	if (session_expected_ids(row->st, s->id, &ids, &n, e) < 0)
		return -1;
	same = n == si->nwith && (n == 0 || memcmp(ids, si->with, n * sizeof *ids) == 0);
	free(ids);
	return same;
}

/*
 * Finds the stored session a row without a number describes: at its start,
 * of its kind, title and people, and not taken by an earlier row of this
 * file. 1 found (*out to free), 0 none, -1 a store error or the row reported.
 */
static int
find_by_identity(struct sessions_import *si, struct import_row *row, int64_t starts_at,
    struct session *out, su_err *e)
{
	struct session_list at = { NULL, 0 };
	size_t taken_by = 0;
	int rc = 0;

	if (session_list_at(row->st, si->cohort, starts_at, &at, e) < 0)
		return -2;
	for (size_t i = 0; i < at.n && rc == 0; i++) {
		int same = same_session(si, row, &at.v[i], e);

		if (same < 0)
			rc = -2;
		else if (same && idmap_get(&si->numbers, at.v[i].number, &taken_by))
			continue;
		else if (same) {
			*out = at.v[i];
			memset(&at.v[i], 0, sizeof at.v[i]);
			rc = 1;
		}
	}
	session_list_free(&at);
	if (rc == 0 && taken_by > 0)
		return import_row_error(row, "the same session as line %zu (the same time, "
		    "kind, title and people); number the rows to tell them apart", taken_by);
	return rc;
}
/* Checks and lists (on a dry run) one field's change; 1, 0, or -1 (row reported). */
static int
change_int(struct import_row *row, const char *subject, const char *field, long long old,
    long long new)
{
	char a[24], b[24];

	snprintf(a, sizeof a, "%lld", old);
	snprintf(b, sizeof b, "%lld", new);
	return import_change(row, subject, field, a, b);
}

/* Checks and lists what the row changes in stored session 'old'; 1 some, 0 none, -1 refused. */
static int
note_changes(struct sessions_import *si, struct import_row *row, const struct session *old,
    const struct session *s)
{
	const char *tz = si->cohort->tz;
	char subject[32], a[40], b[40];
	int rc[6];

	snprintf(subject, sizeof subject, "session %d", old->number);
	rc[0] = import_change(row, subject, "title", old->title, s->title);
	rc[1] = import_change(row, subject, "location", old->location, s->location);
	rc[2] = import_change(row, subject, "start", time_format_local(tz, old->starts_at, a,
	    sizeof a), time_format_local(tz, s->starts_at, b, sizeof b));
	rc[3] = change_int(row, subject, "minutes", old->minutes, s->minutes);
	rc[4] = import_change(row, subject, "kind", session_kind_name(old->kind),
	    session_kind_name(s->kind));
	rc[5] = change_int(row, subject, "optional", old->optional, s->optional);
	for (size_t i = 0; i < ARRAY_SIZE(rc); i++)
		if (rc[i] < 0)
			return -1;
	return rc[0] || rc[1] || rc[2] || rc[3] || rc[4] || rc[5];
}

/* Checks and lists (on a dry run) a change of the expected people; 1, 0, or -1 (row reported). */
static int
change_with(struct import_row *row, const struct session *old, const int64_t *was,
    size_t nwas, const int64_t *with, size_t nwith)
{
	char subject[32], *a, *b;
	int rc;

	if (nwas == nwith && (nwith == 0 || memcmp(was, with, nwith * sizeof *with) == 0))
		return 0;
	snprintf(subject, sizeof subject, "session %d", old->number);
	a = session_with_describe(row->st, was, nwas);
	b = session_with_describe(row->st, with, nwith);
	rc = import_change(row, subject, "with", a, b);
	free(a);
	free(b);
	return rc;
}

/* Updates stored session 'old' from the row; 1 changed, 0 unchanged, -1 (row reported), -2 fatal. */
static int
update_session(struct sessions_import *si, struct import_row *row, const struct session *old,
    su_err *e)
{
	int keep_with = keeps_people(si, row);
	int64_t *was;
	size_t nwas;
	struct session s;
	su_err why;
	int rc;

	if (session_expected_ids(row->st, old->id, &was, &nwas, e) < 0)
		return -2;
	if (keep_with) {
		si->nwith = 0;
		for (size_t i = 0; i < nwas; i++)
			push_with(si, was[i]);
	}
	rc = row_session(si, row, old, &s);
	if (rc == 0 && (note_changes(si, row, old, &s) < 0 ||
	    change_with(row, old, was, nwas, si->with, si->nwith) < 0))
		rc = -1;
	if (rc == 0 && (rc = session_update(row->st, si->cohort, old, &s, si->with,
	    si->nwith, &why)) < 0)
		import_row_error(row, "%s", why.msg);
	free(was);
	return rc;
}

/* Adds the session a row describes as number 'number' (0: the next), listed with its weekday
 * and date on a dry run; its number, or -1. */
static int
add_session(struct sessions_import *si, struct import_row *row, int number)
{
	struct session base = { .number = number, .minutes = 60, .title = "",
		.location = "" }, s;
	char when[48];
	su_err why;
	int rc;

	base.kind = si->nwith > 0 ? SESSION_COACHING : SESSION_GROUP;
	if (!row_has_start(row))
		return import_row_error(row, "no start time (a start column, or date and "
		    "time columns)");
	if (row_session(si, row, &base, &s) < 0)
		return -1;
	rc = session_add(row->st, si->cohort, &s, si->with, si->nwith, &why);
	if (rc < 0)
		return import_row_error(row, "%s", why.msg);
	if (row->result->dry_run)
		sb_addf(&row->result->changes, "%s:%ld: session %d added: %s\n",
		    csvr_name(row->reader), csvr_line(row->reader), rc,
		    time_format_human(si->cohort->tz, s.starts_at, when, sizeof when));
	return rc;
}

/*
 * Finds the stored session of a row: by its number, else by what it is (see
 * find_by_identity). 1 found (*out to free), 0 none, -1 row reported, -2 fatal.
 */
static int
find_session(struct sessions_import *si, struct import_row *row, int number,
    struct session *out, su_err *e)
{
	int64_t starts_at = 0;
	int rc;

	if (number > 0) {
		rc = session_find(row->st, si->cohort, number, out, e);
		return rc < 0 ? -2 : rc;
	}
	if (!row_has_start(row))
		return 0;	/* add_session says what is missing */
	if (row_start(si->cohort, row, &starts_at) < 0)
		return -1;
	return find_by_identity(si, row, starts_at, out, e);
}

/* Adds or updates the session of one row. */
static int
session_row(void *arg, struct import_row *row, su_err *e)
{
	struct sessions_import *si = arg;
	struct session old;
	int number, found, rc, cancelled;

	si->nwith = 0;
	if (row_number(si, row, &number) < 0 || resolve_with(si, row) < 0)
		return -1;
	found = find_session(si, row, number, &old, e);
	if (found < 0)
		return found;
	if (found == 1) {
		rc = update_session(si, row, &old, e);
		number = old.number;
		session_free(&old);
	} else
		rc = number = add_session(si, row, number);
	if (rc < 0)
		return rc;
	idmap_put(&si->numbers, number, (size_t)csvr_line(row->reader));
	if ((cancelled = apply_cancellation(si, row, number)) < 0)
		return -1;
	if (found != 1)
		row->result->added++;
	else if (rc || cancelled)
		row->result->updated++;
	else
		row->result->unchanged++;
	return 0;
}

int
import_sessions(struct store *st, const struct cohort *c, const char *path,
    struct import_result *r, su_err *e)
{
	struct sessions_import si = { c, IDMAP_INIT, NULL, 0, 0 };
	int rc;

	if (r->date_order == DATE_ORDER_UNKNOWN)
		r->date_order = date_order_for_zone(c->tz);

	rc = import_run(st, c->id, "session", path, import_session_columns,
	    SESSION_NCOLS, NULL, 	    session_row, &si, r, e);
	idmap_free(&si.numbers);
	free(si.with);
	return rc;
}
