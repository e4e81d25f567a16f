/* SPDX-License-Identifier: Apache-2.0 */
/* import.h - spreadsheets in: cohorts, rosters, sessions and attendance from CSV. */
#ifndef SHOWUP_IMPORT_H
#define SHOWUP_IMPORT_H

#include <stddef.h>

#include "showup/csvio.h"
#include "showup/model.h"
#include "showup/policy.h"

/* At most this many bad rows are listed; the rest are counted. */
#define IMPORT_MAX_MESSAGES 20

/* What hints an import's errors call for: the caller says how to give each. */
enum import_hint {
	HINT_ENCODING = 1,		/* name the file's encoding */
	HINT_SEPARATOR = 2,		/* name the separator */
	HINT_DATE_ORDER = 4,		/* name the date order */
	HINT_ACCEPT_CHANGES = 8,	/* take values that look double-encoded */
	HINT_REPLACE = 16,		/* a row would replace what a participant told us */
	HINT_LOST_LETTERS = 32,		/* letters turned into '?' by a save in a code page */
	HINT_NO_HEADER = 64		/* the first row is data: a header row is needed */
};

/* A --column FIELD=HEADER: the header that names one of an import's fields in this file. */
struct import_column_name {
	const char *field;	/* the field, as import_columns keys it ("e-mail") */
	const char *words[2];	/* { HEADER, NULL }: looked for instead of the field's words */
};

/* At most this many --column options. */
#define IMPORT_MAX_COLUMN_NAMES 16

struct import_result {
	/* asked by the caller */
	int dry_run;			/* check, count and list the changes, then roll back */
	struct csv_format format;	/* the separator and encoding, when known */
	int accept_changes;		/* take values that look double-encoded */
	int clear_empty;		/* an empty cell clears its field (else it is left) */
	enum date_order date_order;	/* how the file writes dates; UNKNOWN: the cohort's */
	int replace;			/* a row may replace what a participant told us */
	struct import_column_name column_names[IMPORT_MAX_COLUMN_NAMES];	/* --column */
	size_t ncolumn_names;
	/* found */
	size_t rows;			/* data rows read */
	size_t added, updated, unchanged;
	size_t bad_rows;
	long last_bad_line;		/* the line last counted bad (a row counts once) */
	struct strbuf messages;		/* "file:line: problem\n", IMPORT_MAX_MESSAGES at most */
	struct strbuf ignored;		/* header names not used, "Phone, Notes" */
	struct strbuf changes;		/* dry run: "file:line: who field: 'old' → 'new'\n" */
	struct strbuf notes;		/* "what the import chose and why\n", for people */
	struct import_dates {		/* what the file's dates show of their order */
		int told;		/* the order was given (--date-order), not the cohort's */
		size_t both;		/* dates read day first and month first alike */
		size_t settled;		/* dates only one of the two orders reads */
		size_t clock_12h;	/* times on a 12-hour clock (AM/PM): month first */
		char example[48];	/* the first date read both ways, as written */
		int64_t example_at;	/* ... and when it was read to be */
		const char *zone;	/* ... in this zone */
	} dates;
	char separator;			/* the separator the file was read with */
	char encoding[48];		/* the encoding it was read in */
	int encoding_guessed;		/* not UTF-8, read as Windows-1252 */
	unsigned hints;			/* enum import_hint bits */
	su_err store_failure;		/* the store's failure that stopped the import */
	/* Called every few thousand rows (may be NULL). */
	void (*progress)(void *arg, size_t rows, long long bytes);
	void *progress_arg;
};

void import_result_init(struct import_result *r, int dry_run);
void import_result_free(struct import_result *r);

/*
 * Each import reads the file as one transaction: any bad row imports nothing
 * (every bad row is listed in r->messages), a dry run rolls back after
 * counting, a second import of the same file changes nothing. Returns 0, or
 * -1 with 'e' set ("roster.csv: 3 bad rows; nothing was imported", or a file
 * error such as a missing column).
 */
int import_cohorts(struct store *st, const char *path, struct import_result *r, su_err *e);
int import_roster(struct store *st, const struct cohort *c, const char *path,
    struct import_result *r, su_err *e);
int import_sessions(struct store *st, const struct cohort *c, const char *path,
    struct import_result *r, su_err *e);
int import_attendance(struct store *st, const struct cohort *c, const struct policy *p,
    const char *path, struct import_result *r, su_err *e);

/* The four kinds of file an import reads. */
enum import_what { IMPORT_COHORTS, IMPORT_ROSTER, IMPORT_SESSIONS, IMPORT_ATTENDANCE };

/* Returns what an import of 'what' counts its rows as: "cohort", "participant"... */
const char *import_what_name(enum import_what what);
/* Returns 1 if an import of 'what' belongs to one cohort (and needs c and p). */
int import_what_per_cohort(enum import_what what);
/* Returns the columns an import of 'what' reads, their count in *n: each one's key and the
 * header words (English, German, French, Spanish, Portuguese, Italian, Dutch, Polish). */
const struct csv_column *import_columns(enum import_what what, size_t *n);
/*
 * Takes "FIELD=HEADER" (--column) into r: in this file, HEADER names the field
 * of 'what' whose key FIELD is (compared as csv_header_key folds them). 0, or -1
 * with 'e' set (no '=', no such field: the fields are listed, too many).
 */
int import_column_name(enum import_what what, const char *arg, struct import_result *r,
    su_err *e);
/* Runs the import of 'what' (c and p are ignored for cohorts); as the functions above. */
int import_file(struct store *st, enum import_what what, const struct cohort *c,
    const struct policy *p, const char *path, struct import_result *r, su_err *e);

/*
 * Joins a given and a family name in the order the family name's script
 * writes them: "Ana Lima"; "山田太郎" (Chinese and Japanese, no space);
 * "김 민준" (Korean). The caller frees it.
 */
char *person_name_join(const char *given, const char *family);

/*
 * Writes a cohort's attendance facts as CSV that import_attendance reads
 * back: RFC 4180 with CRLF line ends, every time in one form (ISO 8601 with
 * the offset).
 */
int export_attendance(struct store *st, const struct cohort *c, const struct policy *p,
    FILE *out, su_err *e);

/* --- for the importers themselves ------------------------------------------ */

/* One data row as an importer sees it: fields by column key, trimmed. */
struct import_row {
	struct csv_reader *reader;
	const int *index;		/* column i -> field index or -1 */
	size_t ncols;
	struct strbuf scratch;		/* trimmed copies of the row's fields */
	size_t *offsets;
	struct import_result *result;
	struct store *st;
};

/* Returns column i of the row, trimmed; "" if the file has no such column. */
const char *import_field(const struct import_row *row, size_t i);
/* Returns 1 if the file has column i. */
int import_has(const struct import_row *row, size_t i);
/*
 * Returns the value column i gives a field that holds 'old': the cell, but
 * 'old' when the file lacks the column, or when the cell is empty and empty
 * cells do not clear (a spreadsheet of a few columns changes only those).
 */
const char *import_value(const struct import_row *row, size_t i, const char *old);
/*
 * Checks one field's change from 'old' to 'new' for 'subject' ("ana@x.com
 * name"): 0 if equal, 1 if it changes (listed on a dry run), -1 (row reported)
 * if 'new' looks double-encoded where 'old' did not and changes are not accepted.
 */
int import_change(struct import_row *row, const char *subject, const char *field,
    const char *old, const char *new);
/*
 * Parses a time of the row in the import's date order, in zone 'tz'; 0, or
 * -1 with the row reported ('what' prefixed, if not NULL) and, when another
 * order would read it, the date order hint set.
 */
int import_time(struct import_row *row, const char *text, const char *tz, int64_t *out,
    const char *what);
/* Sets the date order hint if 'text', refused in 'order', is a date another order reads. */
void import_hint_date(struct import_row *row, const char *text, enum date_order order);
/* Records a bad row "name:line: message" (a failure of the store: the import stops). */
void import_row_report(const struct import_row *row, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/*
 * import_row_report, then -1 for the row function to return. A macro, so that
 * every caller (and the static analyser) sees the -1.
 */
#define import_row_error(...) __extension__ ({ import_row_report(__VA_ARGS__); -1; })

/* A row function: 0 done (counted in the result), -1 bad row (reported), -2 fatal with 'e'. */
typedef int (*import_row_fn)(void *arg, struct import_row *row, su_err *e);

/*
 * Reads 'path' with columns 'cols' and feeds each row to 'fn' inside one
 * transaction. The audit log gets one entry for the import ('what' rows of
 * cohort_id, 0 for none) and one per record whose old value changed.
 */
int import_run(struct store *st, int64_t cohort_id, const char *what, const char *path,
    const struct csv_column *cols,
    size_t ncols, const char *const *informational, import_row_fn fn, void *arg,
    struct import_result *r, su_err *e);

#endif
