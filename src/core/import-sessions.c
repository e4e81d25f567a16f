/* import-sessions.c - a cohort's schedule from a spreadsheet, known by number. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "showup/import.h"
#include "showup/timeutil.h"

enum { COL_NUMBER, COL_START, COL_DATE, COL_TIME, COL_MINUTES, COL_KIND, COL_TITLE,
	COL_LOCATION, COL_WITH, COL_CANCELLED_AT, COL_CANCEL_NOTE };

static const char *const names_number[] = { "number", "session", "no", "#",
	"session number", NULL };
static const char *const names_start[] = { "start", "starts", "starts at", "start time",
	"when", "date and time", "datetime", NULL };
static const char *const names_date[] = { "date", "day", NULL };
static const char *const names_time[] = { "time", NULL };
static const char *const names_minutes[] = { "minutes", "duration", "length", "mins",
	"duration (minutes)", NULL };
static const char *const names_kind[] = { "kind", "type", "session type", NULL };
static const char *const names_title[] = { "title", "topic", "subject", NULL };
static const char *const names_location[] = { "location", "place", "room", "where",
	"link", NULL };
static const char *const names_with[] = { "with", "expected", "participants",
	"attendees", NULL };
static const char *const names_cancelled_at[] = { "cancelled at", "canceled at",
	"cancelled", NULL };
static const char *const names_cancel_note[] = { "cancel note", "cancellation note",
	NULL };

static const struct csv_column session_columns[] = {
	[COL_NUMBER] = { "number", names_number, 0 },
	[COL_START] = { "start", names_start, 0 },
	[COL_DATE] = { "date", names_date, 0 },
	[COL_TIME] = { "time", names_time, 0 },
	[COL_MINUTES] = { "minutes", names_minutes, 0 },
	[COL_KIND] = { "kind", names_kind, 0 },
	[COL_TITLE] = { "title", names_title, 0 },
	[COL_LOCATION] = { "location", names_location, 0 },
	[COL_WITH] = { "with", names_with, 0 },
	[COL_CANCELLED_AT] = { "cancelled_at", names_cancelled_at, 0 },
	[COL_CANCEL_NOTE] = { "cancel_note", names_cancel_note, 0 },
};

struct sessions_import {
	const struct cohort *cohort;
	struct idmap numbers;	/* session number -> line of first appearance */
	int64_t *with;
	size_t nwith, capwith;
};

/* Resolves the ';'-separated e-mails of the with column into ids; 0 or -1 (row reported). */
static int
resolve_with(struct sessions_import *si, struct import_row *row)
{
	char *list = xstrdup(import_field(row, COL_WITH)), *save = NULL;
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
		if (si->nwith == si->capwith) {
			si->capwith = si->capwith ? si->capwith * 2 : 8;
			si->with = xrealloc(si->with, si->capwith * sizeof *si->with);
		}
		si->with[si->nwith++] = p.id;
		participant_free(&p);
	}
	free(list);
	return rc;
}

/* Reads the row's start time from 'start', or 'date' + 'time'; 0 or -1 (row reported). */
static int
row_start(const struct cohort *c, struct import_row *row, int64_t *out)
{
	const char *start = import_field(row, COL_START);
	char *joined = NULL;
	su_err why;
	int rc;

	if (*start == '\0') {
		if (*import_field(row, COL_DATE) == '\0')
			return import_row_error(row, "no start time (a start column, or "
			    "date and time columns)");
		joined = xasprintf("%s %s", import_field(row, COL_DATE),
		    import_field(row, COL_TIME));
		start = joined;
	}
	rc = time_parse(start, DATE_ORDER_UNKNOWN, c->tz, out, &why);
	free(joined);
	return rc < 0 ? import_row_error(row, "%s", why.msg) : 0;
}

/* Reads number, start, length and kind of a row into 's'; 0 or -1 (row reported). */
static int
row_session(struct sessions_import *si, struct import_row *row, struct session *s)
{
	const char *number = import_field(row, COL_NUMBER);
	const char *minutes = import_field(row, COL_MINUTES);
	const char *kind = import_field(row, COL_KIND);
	long long v;
	size_t first;
	int k;

	if (*number && parse_int(number, 1, 1000000, &v) < 0)
		return import_row_error(row, "'%s' is not a session number", number);
	s->number = *number ? (int)v : 0;
	if (s->number && idmap_get(&si->numbers, s->number, &first))
		return import_row_error(row, "session %d appears again (first on line "
		    "%zu)", s->number, first);
	if (s->number)
		idmap_put(&si->numbers, s->number, (size_t)csvr_line(row->reader));
	if (row_start(si->cohort, row, &s->starts_at) < 0)
		return -1;
	s->minutes = 60;
	if (*minutes && parse_int(minutes, 1, 1440, &v) < 0)
		return import_row_error(row, "'%s' is not a length in minutes (1-1440)",
		    minutes);
	if (*minutes)
		s->minutes = (int)v;
	k = *kind ? session_kind_parse(kind) : si->nwith ? SESSION_COACHING : SESSION_GROUP;
	if (k < 0)
		return import_row_error(row, "unknown kind '%s' (group, coaching, practice)",
		    kind);
	s->kind = (enum session_kind)k;
	s->title = (char *)import_field(row, COL_TITLE);
	s->location = (char *)import_field(row, COL_LOCATION);
	return 0;
}

/* Applies the row's coach cancellation, if any and not recorded yet. */
static int
apply_cancellation(struct sessions_import *si, struct import_row *row, int number)
{
	const char *at = import_field(row, COL_CANCELLED_AT);
	const char *note = import_field(row, COL_CANCEL_NOTE);
	struct session s;
	int64_t when;
	su_err why;
	int rc = 0;

	if (*at == '\0')
		return 0;
	if (time_parse(at, DATE_ORDER_UNKNOWN, si->cohort->tz, &when, &why) < 0)
		return import_row_error(row, "cancelled_at: %s", why.msg);
	if (session_find(row->st, si->cohort, number, &s, &why) != 1)
		return import_row_error(row, "%s", why.msg);
	if (!s.cancelled || s.cancelled_at != when || strcmp(s.cancel_note, note) != 0)
		rc = session_cancel(row->st, si->cohort, &s, when, note, &why) < 0
		    ? import_row_error(row, "%s", why.msg) : 1;
	session_free(&s);
	return rc;
}

/* Finds the stored session a row describes: by number, else by start time; 1, 0 or -1. */
static int
find_existing(struct store *st, const struct cohort *c, const struct session *s,
    struct session *out, su_err *e)
{
	static const char *const sql =
		"SELECT number FROM session WHERE cohort_id = ? AND starts_at = ?";
	sqlite3_stmt *stmt;
	int number = s->number, rc;

	if (number == 0) {
		if ((stmt = store_stmt(st, sql, e)) == NULL)
			return -1;
		db_bind_int(stmt, 1, c->id);
		db_bind_int(stmt, 2, s->starts_at);
		rc = db_step_row(stmt, e);
		number = rc == 1 ? sqlite3_column_int(stmt, 0) : 0;
		sqlite3_reset(stmt);
		if (rc <= 0)
			return rc;
	}
	rc = session_find(st, c, number, out, NULL);
	return rc;
}

/* Adds or updates the session of one row. */
static int
session_row(void *arg, struct import_row *row, su_err *e)
{
	struct sessions_import *si = arg;
	struct session s = { 0 }, old;
	su_err why;
	int found, rc, changed;

	if (resolve_with(si, row) < 0 || row_session(si, row, &s) < 0)
		return -1;
	found = find_existing(row->st, si->cohort, &s, &old, e);
	if (found < 0)
		return -2;
	if (found) {
		s.number = old.number;
		rc = session_update(row->st, si->cohort, &old, &s, si->with, si->nwith, &why);
		session_free(&old);
	} else {
		rc = session_add(row->st, si->cohort, &s, si->with, si->nwith, &why);
		s.number = rc;
	}
	if (rc < 0)
		return import_row_error(row, "%s", why.msg);
	changed = found ? rc : 1;
	rc = apply_cancellation(si, row, s.number);
	if (rc < 0)
		return -1;
	if (!found)
		row->result->added++;
	else if (changed || rc)
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

	rc = import_run(st, c->id, "session", path, session_columns, ARRAY_SIZE(session_columns), NULL,
	    session_row, &si, r, e);
	idmap_free(&si.numbers);
	free(si.with);
	return rc;
}
