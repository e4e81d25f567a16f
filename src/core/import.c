/* SPDX-License-Identifier: Apache-2.0 */
/* import.c - the one way every CSV file is imported: a transaction, all errors listed. */
#include "config.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "showup/decode.h"
#include "showup/import.h"
#include "showup/timeutil.h"
#include "store-private.h"
#include "import-words.h"

#define PROGRESS_EVERY 8192

void
import_result_init(struct import_result *r, int dry_run)
{
	memset(r, 0, sizeof *r);
	r->dry_run = dry_run;
}

void
import_result_free(struct import_result *r)
{
	sb_free(&r->messages);
	sb_free(&r->ignored);
	sb_free(&r->changes);
	sb_free(&r->notes);
}

const char *
import_field(const struct import_row *row, size_t i)
{
	if (i >= row->ncols || row->index[i] < 0)
		return "";
	return row->scratch.buf + row->offsets[i];
}

int
import_has(const struct import_row *row, size_t i)
{
	return i < row->ncols && row->index[i] >= 0;
}

const char *
import_value(const struct import_row *row, size_t i, const char *old)
{
	const char *cell = import_field(row, i);

	if (!import_has(row, i) || (*cell == '\0' && !row->result->clear_empty))
		return old;
	return cell;
}

int
import_change(struct import_row *row, const char *subject, const char *field,
    const char *old, const char *new)
{
	struct import_result *r = row->result;

	if (strcmp(old, new) == 0)
		return 0;
	if (!r->accept_changes && text_looks_double_encoded(new) &&
	    !text_looks_double_encoded(old)) {
		r->hints |= HINT_ACCEPT_CHANGES;
		return import_row_error(row, "%s %s would change from '%s' to '%s', which "
		    "looks like UTF-8 read as Windows-1252 and saved again (a file "
		    "opened in Excel without a BOM?)", subject, field, old, new);
	}
	if (r->dry_run)
		sb_addf(&r->changes, "%s:%ld: %s %s: '%s' → '%s'\n", csvr_name(row->reader),
		    csvr_line(row->reader), subject, field, old, new);
	return 1;
}

void
import_hint_date(struct import_row *row, const char *text, enum date_order order)
{
	unsigned orders = time_orders_possible(text);

	if (!(orders & (1u << order)) && (orders & ~(1u << order)))
		row->result->hints |= HINT_DATE_ORDER;	/* not a date in this order, but in another */
}

/* Notes what a time read at 'at' (in zone 'tz') from 'text' shows of the file's date order. */
static void
note_date(struct import_dates *d, const char *text, const char *tz, int64_t at)
{
	unsigned orders = time_orders_possible(text);
	unsigned both = 1u << DATE_ORDER_DMY | 1u << DATE_ORDER_MDY;

	if ((orders & both) == both) {
		if (d->both++ == 0) {
			snprintf(d->example, sizeof d->example, "%s", text);
			d->example_at = at;
			d->zone = tz;
		}
	} else if ((orders & both) != 0)
		d->settled++;
	if (time_clock_12h(text))
		d->clock_12h++;
}

int
import_time(struct import_row *row, const char *text, const char *tz, int64_t *out,
    const char *what)
{
	enum date_order order = row->result->date_order;
	su_err why;

	if (time_parse(text, order, tz, out, &why) == 0) {
		if (!isdigit((unsigned char)text[0]) || !isdigit((unsigned char)text[1]) ||
		    !isdigit((unsigned char)text[2]) || !isdigit((unsigned char)text[3]))
			note_date(&row->result->dates, text, tz, *out);	/* not year first */
		return 0;
	}
	import_hint_date(row, text, order);
	return import_row_error(row, "%s%s%s", what ? what : "", what ? ": " : "", why.msg);
}

void
import_row_report(const struct import_row *row, const char *fmt, ...)
{
	struct import_result *r = row->result;
	struct strbuf msg = STRBUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	sb_vaddf(&msg, fmt, ap);
	va_end(ap);
	if (store_failed(sb_str(&msg))) {
		/* the store failed, not the row: the import stops there */
		if (r->store_failure.msg[0] == '\0')
			su_err_set(&r->store_failure, "%s", sb_str(&msg));
		sb_free(&msg);
		return;
	}
	if (r->last_bad_line != csvr_line(row->reader))	/* a row is bad once, whatever it says */
		r->bad_rows++;
	r->last_bad_line = csvr_line(row->reader);
	if (r->bad_rows <= IMPORT_MAX_MESSAGES)
		sb_addf(&r->messages, "%s:%ld: %s\n", csvr_name(row->reader),
		    csvr_line(row->reader), sb_str(&msg));
	sb_free(&msg);
}

/* Copies the mapped fields of the current record, trimmed, into row->scratch. */
static void
load_row(struct import_row *row)
{
	sb_reset(&row->scratch);
	for (size_t i = 0; i < row->ncols; i++) {
		const char *f = row->index[i] >= 0
		    ? csvr_field(row->reader, (size_t)row->index[i]) : "";
		size_t n;

		while (*f == ' ' || *f == '\t')
			f++;
		n = strlen(f);
		while (n > 0 && (f[n - 1] == ' ' || f[n - 1] == '\t'))
			n--;
		row->offsets[i] = row->scratch.len;
		sb_addz(&row->scratch, f, n);
	}
}

/* Returns 1 if every field of the current record is empty (a spreadsheet's blank row). */
static int
record_blank(const struct csv_reader *rd)
{
	for (size_t i = 0; i < csvr_count(rd); i++)
		for (const char *f = csvr_field(rd, i); *f; f++)
			if (*f != ' ' && *f != '\t')
				return 0;
	return 1;
}

/*
 * Ends an import whose store failed (a full disk, say: SQLite may roll the
 * transaction back by itself): the store's own message, never a row's. -1.
 */
static int
store_stop(const struct import_row *row, su_err *e)
{
	const struct import_result *r = row->result;

	if (r->store_failure.msg[0] != '\0')
		return su_err_set(e, "%s: %s; nothing was imported", csvr_name(row->reader),
		    r->store_failure.msg);
	return su_err_set(e, "%s: " STORE_ERROR_PREFIX "the import's transaction was "
	    "rolled back at line %ld; nothing was imported", csvr_name(row->reader),
	    csvr_line(row->reader));
}

/* Feeds every data row to 'fn'; 0 when the file was read through, -1 with 'e' set. */
static int
feed_rows(struct import_row *row, import_row_fn fn, void *arg, su_err *e)
{
	struct import_result *r = row->result;
	const char *problem;
	int rc;

	while ((rc = csvr_next(row->reader, e)) == 1) {
		if (record_blank(row->reader))
			continue;
		r->rows++;
		if (r->progress && r->rows % PROGRESS_EVERY == 0)
			r->progress(r->progress_arg, r->rows, csvr_offset(row->reader));
		if ((problem = csvr_problem(row->reader)) != NULL) {
			r->hints |= HINT_ENCODING;
			import_row_error(row, "%s", problem);
			continue;
		}
		load_row(row);
		if (fn(arg, row, e) == -2)
			return -1;
		if (r->store_failure.msg[0] != '\0' || !store_in_transaction(row->st))
			return store_stop(row, e);
	}
	if (r->progress && r->rows >= PROGRESS_EVERY)
		r->progress(r->progress_arg, r->rows, -1);
	return rc;
}

/* Copies what the reader found of the file into the result, and the hint an error calls for. */
static void
note_format(struct import_row *row, const su_err *e)
{
	struct import_result *r = row->result;

	r->separator = csvr_separator(row->reader);
	snprintf(r->encoding, sizeof r->encoding, "%s", csvr_encoding(row->reader));
	r->encoding_guessed = csvr_encoding_guessed(row->reader);
	if (e != NULL && csvr_header_unsplit(row->reader))
		r->hints |= HINT_SEPARATOR;
	if (csvr_text_error(row->reader))
		r->hints |= HINT_ENCODING;
}

/*
 * Judges the order the file's dates were read in, once it is read through:
 * when every date read both ways, a note says which order was taken and why;
 * a 12-hour clock read day first, the order not given, refuses the file (a US
 * schedule in a European cohort). 0, or -1 with 'e' set.
 */
static int
judge_date_order(struct import_result *r, const char *name, su_err *e)
{
	const struct import_dates *d = &r->dates;
	const char *first = r->date_order == DATE_ORDER_DMY ? "day" : "month";
	const char *other = r->date_order == DATE_ORDER_DMY ? "mdy" : "dmy";
	char when[48];

	if (d->both == 0 || d->settled > 0)
		return 0;	/* no date, or a date that settles the order */
	time_format_human(d->zone, d->example_at, when, sizeof when);
	if (d->clock_12h > 0 && r->date_order == DATE_ORDER_DMY && !d->told) {
		r->hints |= HINT_DATE_ORDER;
		return su_err_set(e, "%s: every date reads both day first and month first, "
		    "and its 12-hour clock (AM/PM) is how month-first regions write; read day "
		    "first, as the cohort's date order says, '%s' would be %s; name the order "
		    "with --date-order mdy or dmy", name, d->example, when);
	}
	sb_addf(&r->notes, "every date of %s reads both day first and month first: read "
	    "%s first, as %s says ('%s' is %s); --date-order %s reads them the other way\n",
	    name, first, d->told ? "--date-order" : "the cohort's date order",
	    d->example, when, other);
	return 0;
}

/* Writes the one audit entry of an import that changed something; 0 or -1. */
static int
audit_summary(struct store *st, int64_t cohort_id, const char *what, const char *file,
    const struct import_result *r, su_err *e)
{
	char *desc;
	int rc;

	if (r->added == 0 && r->updated == 0)
		return 0;
	desc = xasprintf("%zu %s row%s: %zu added, %zu updated, %zu unchanged", r->rows, what,
	    r->rows == 1 ? "" : "s", r->added, r->updated, r->unchanged);
	rc = audit_add(st, cohort_id, "import", file, NULL, desc, e);
	free(desc);
	return rc;
}

/*
 * Returns a copy of 'cols' (to free) in which a column r's --column options
 * name is looked for by that header alone, and required.
 */
static struct csv_column *
columns_as_named(const struct csv_column *cols, size_t ncols, const struct import_result *r)
{
	struct csv_column *copy = xcalloc(ncols, sizeof *copy);
	char a[64], b[64];

	for (size_t i = 0; i < ncols; i++) {
		copy[i] = cols[i];
		csv_header_key(cols[i].key, a, sizeof a);
		for (size_t k = 0; k < r->ncolumn_names; k++) {
			csv_header_key(r->column_names[k].field, b, sizeof b);
			if (strcmp(a, b) == 0) {
				copy[i].names = r->column_names[k].words;
				copy[i].required = 1;
			}
		}
	}
	return copy;
}

/*
 * Refuses a file whose first row holds an e-mail address: it is data, not a
 * header. 0, or -1 with 'e' set.
 */
static int
first_row_is_data(const struct import_row *row, su_err *e)
{
	for (size_t f = 0; f < csvr_count(row->reader); f++) {
		const char *cell = csvr_field(row->reader, f);

		if (strchr(cell, '@') != NULL && email_valid(cell)) {
			row->result->hints |= HINT_NO_HEADER;
			return su_err_set(e, "%s:%ld: the first row holds an e-mail address, "
			    "'%s': it is a row of data, and the file has no header row",
			    csvr_name(row->reader), csvr_line(row->reader), cell);
		}
	}
	return 0;
}

int
import_run(struct store *st, int64_t cohort_id, const char *what, const char *path,
    const struct csv_column *cols, size_t ncols, const char *const *informational,
    import_row_fn fn, void *arg, struct import_result *r, su_err *e)
{
	struct import_row row = { 0 };
	int *index = xcalloc(ncols, sizeof *index);
	struct csv_column *named = columns_as_named(cols, ncols, r);
	char *source = NULL;
	int rc = -1;

	row.reader = csvr_open(path, e);
	if (row.reader != NULL && csvr_set_format(row.reader, &r->format, e) < 0) {
		csvr_close(row.reader);
		row.reader = NULL;
	}
	row.index = index;
	row.ncols = ncols;
	row.offsets = xcalloc(ncols, sizeof *row.offsets);
	row.result = r;
	row.st = st;
	if (row.reader == NULL)
		goto done;
	rc = csvr_map_header(row.reader, named, ncols, index, informational, &r->ignored, e);
	if (csvr_count(row.reader) > 0 && first_row_is_data(&row, e) < 0) {
		sb_reset(&r->ignored);
		rc = -1;
	}
	note_format(&row, rc < 0 ? e : NULL);
	if (rc < 0) {
		rc = -1;
		goto done;
	}
	rc = -1;
	source = xasprintf("import %s", csvr_name(row.reader));
	store_set_source(st, source);
	if (store_begin(st, e) < 0)
		goto done;
	st->summarise_additions = 1;
	rc = feed_rows(&row, fn, arg, e);
	st->summarise_additions = 0;
	if (rc < 0)
		goto rollback;
	rc = -1;
	if (r->bad_rows > 0) {
		su_err_set(e, "%s: %zu bad row%s; nothing was imported",
		    csvr_name(row.reader), r->bad_rows, r->bad_rows == 1 ? "" : "s");
		goto rollback;
	}
	if ((r->date_order == DATE_ORDER_DMY || r->date_order == DATE_ORDER_MDY) &&
	    judge_date_order(r, csvr_name(row.reader), e) < 0)
		goto rollback;
	if (audit_summary(st, cohort_id, what, csvr_name(row.reader), r, e) < 0)
		goto rollback;
	if (r->dry_run) {
		store_rollback(st);
		rc = 0;
		goto done;
	}
	if ((rc = store_commit(st, e)) < 0) {
		su_err why = *e;

		su_err_set(e, "%s: %s; nothing was imported", csvr_name(row.reader), why.msg);
	}
	goto done;
rollback:
	store_rollback(st);
done:
	store_set_source(st, "cli");
	csvr_close(row.reader);
	sb_free(&row.scratch);
	free(row.offsets);
	free(index);
	free(named);
	free(source);
	return rc;
}

const char *
import_what_name(enum import_what what)
{
	static const char *const names[] = {
		[IMPORT_COHORTS] = "cohort", [IMPORT_ROSTER] = "participant",
		[IMPORT_SESSIONS] = "session", [IMPORT_ATTENDANCE] = "attendance",
	};

	return names[what];
}

int
import_what_per_cohort(enum import_what what)
{
	return what != IMPORT_COHORTS;
}

const struct csv_column *
import_columns(enum import_what what, size_t *n)
{
	switch (what) {
	case IMPORT_COHORTS:
		return (*n = COHORT_NCOLS), import_cohort_columns;
	case IMPORT_ROSTER:
		return (*n = ROSTER_NCOLS), import_roster_columns;
	case IMPORT_SESSIONS:
		return (*n = SESSION_NCOLS), import_session_columns;
	case IMPORT_ATTENDANCE:
		break;
	}
	return (*n = ATTEND_NCOLS), import_attendance_columns;
}

/* Appends the keys of an import's fields, "name, first name, ...", to 'sb'. */
static void
list_fields(const struct csv_column *cols, size_t n, struct strbuf *sb)
{
	for (size_t i = 0; i < n; i++)
		sb_addf(sb, "%s%s", i ? ", " : "", cols[i].key);
}

int
import_column_name(enum import_what what, const char *arg, struct import_result *r,
    su_err *e)
{
	const char *eq = strchr(arg, '=');
	struct strbuf fields = STRBUF_INIT;
	char want[64], key[64], *field;
	const struct csv_column *cols;
	size_t n, i;
	int rc = 0;

	if (eq == NULL || eq == arg || eq[1] == '\0')
		return su_err_set(e, "--column is FIELD=HEADER, not '%s'", arg);
	if (r->ncolumn_names == IMPORT_MAX_COLUMN_NAMES)
		return su_err_set(e, "at most %d --column options", IMPORT_MAX_COLUMN_NAMES);
	cols = import_columns(what, &n);
	field = xstrndup(arg, (size_t)(eq - arg));
	csv_header_key(field, want, sizeof want);
	for (i = 0; i < n; i++) {
		csv_header_key(cols[i].key, key, sizeof key);
		if (strcmp(key, want) == 0)
			break;
	}
	if (i == n) {
		list_fields(cols, n, &fields);
		rc = su_err_set(e, "no field '%s' in a %s import (fields: %s)", field,
		    import_what_name(what), sb_str(&fields));
	} else
		r->column_names[r->ncolumn_names++] = (struct import_column_name){
			cols[i].key, { eq + 1, NULL } };
	sb_free(&fields);
	free(field);
	return rc;
}

int
import_file(struct store *st, enum import_what what, const struct cohort *c,
    const struct policy *p, const char *path, struct import_result *r, su_err *e)
{
	r->dates.told = r->date_order != DATE_ORDER_UNKNOWN;
	if (c != NULL && r->format.zone == NULL)
		r->format.zone = c->tz;	/* its region settles Windows-1250 or -1252 */
	if (r->date_order == DATE_ORDER_UNKNOWN && c != NULL && p != NULL)
		r->date_order = policy_date_order(p, c->tz);
	switch (what) {
	case IMPORT_COHORTS:
		return import_cohorts(st, path, r, e);
	case IMPORT_ROSTER:
		return import_roster(st, c, path, r, e);
	case IMPORT_SESSIONS:
		return import_sessions(st, c, path, r, e);
	case IMPORT_ATTENDANCE:
		return import_attendance(st, c, p, path, r, e);
	}
	return su_err_set(e, "no such import");
}
