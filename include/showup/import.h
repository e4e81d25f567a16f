/* import.h - spreadsheets in: cohorts, rosters, sessions and attendance from CSV. */
#ifndef SHOWUP_IMPORT_H
#define SHOWUP_IMPORT_H

#include <stddef.h>

#include "showup/csvio.h"
#include "showup/model.h"
#include "showup/policy.h"

/* At most this many bad rows are listed; the rest are counted. */
#define IMPORT_MAX_MESSAGES 20

struct import_result {
	size_t rows;			/* data rows read */
	size_t added, updated, unchanged;
	size_t bad_rows;
	struct strbuf messages;		/* "file:line: problem\n", IMPORT_MAX_MESSAGES at most */
	struct strbuf ignored;		/* header names not used, "Phone, Notes" */
	int dry_run;			/* check and count, then roll back */
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

/* Writes a cohort's attendance facts as CSV that import_attendance reads back. */
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
/* Records a bad row "name:line: message"; returns -1 for the row function to return. */
int import_row_error(const struct import_row *row, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

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
