/* SPDX-License-Identifier: Apache-2.0 */
/* store-private.h - the store inside the core: the struct, SQLite's statements and
 * the helpers over them. Only src/core includes it; the command line and the web
 * see the store through showup/store.h alone (make check's tests/house.sh checks). */
#ifndef SHOWUP_STORE_PRIVATE_H
#define SHOWUP_STORE_PRIVATE_H

#include <sqlite3.h>
#include <stddef.h>
#include <stdint.h>

#include "showup/store.h"

struct store {
	sqlite3 *db;
	char *path;
	char *actor;		/* who the audit log names for changes made */
	char *source;		/* what the audit log names as the origin ("cli", a file) */
	int summarise_additions; /* an import: additions go into one summary entry, not one each */
	int read_only;		/* opened with STORE_READ */
	int wait_ms;		/* how long to wait for another writer ($SHOWUP_LOCK_WAIT) */
	int64_t wait_began;	/* when the current wait began (ms), 0 if none */
	int gave_up;		/* a wait for another writer ran out since last asked */
	void (*on_wait)(void *arg, const char *path);	/* said once a wait lasts a second */
	void *on_wait_arg;
	struct {
		const char *sql;	/* a string constant: its address is the key */
		sqlite3_stmt *stmt;
	} cache[128];
	size_t ncache;
};

/*
 * Returns the store's prepared statement for 'sql' (a string constant), reset
 * and with its bindings cleared; NULL with 'e' set on error. Owned by the store.
 */
sqlite3_stmt *store_stmt(struct store *st, const char *sql, su_err *e);

/* Returns the store's statement for 'sql' with n integers 'args' bound in order; NULL with 'e' set. */
sqlite3_stmt *store_stmt_bound(struct store *st, const char *sql, const int64_t *args, size_t n,
    su_err *e);

/*
 * Runs 'sql' (a query of one integer column, with n integer parameters bound
 * to 'args' in order) and appends each row's value to *v (*count of them,
 * grown as needed; the caller frees it). 0, or -1 with 'e' set.
 */
int store_int64s(struct store *st, const char *sql, const int64_t *args, size_t n,
    int64_t **v, size_t *count, su_err *e);

/*
 * Returns 1 if 'sql' (with n integer parameters bound to 'args' in order)
 * finds a row, 0 if not, -1 with 'e' set.
 */
int store_exists(struct store *st, const char *sql, const int64_t *args, size_t n, su_err *e);

/* Runs 'sql' (no rows; n integer parameters bound to 'args' in order); 0 or -1 with 'e' set. */
int store_run(struct store *st, const char *sql, const int64_t *args, size_t n, su_err *e);

/* Runs SQL that returns no rows; 0 or -1 with 'e' set. */
int db_exec(sqlite3 *db, const char *sql, su_err *e);
/* Prepares one statement; NULL with 'e' set on error. */
sqlite3_stmt *db_prepare(sqlite3 *db, const char *sql, su_err *e);
/* Steps a statement expected to finish (DONE); 0 or -1 with 'e' set. Resets it. */
int db_step_done(sqlite3_stmt *stmt, su_err *e);
/* Steps; returns 1 for a ROW, 0 for DONE, -1 with 'e' set on error. */
int db_step_row(sqlite3_stmt *stmt, su_err *e);
/* Binds text (NULL binds SQL NULL) or an integer by 1-based index. */
void db_bind_text(sqlite3_stmt *stmt, int idx, const char *s);
/* Binds text 's' without copying it: the caller steps (and resets) the statement before
 * 's' goes, as db_step_done does. */
void db_bind_text_static(sqlite3_stmt *stmt, int idx, const char *s);
void db_bind_int(sqlite3_stmt *stmt, int idx, int64_t v);
/* Returns column text as a fresh string ("" for NULL); the caller frees it. */
char *db_column_dup(sqlite3_stmt *stmt, int col);
/* Returns 1 if the column is SQL NULL. */
int db_column_null(sqlite3_stmt *stmt, int col);

#endif
