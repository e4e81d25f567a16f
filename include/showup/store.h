/* store.h - the SQLite file: opening, schema migrations, statement helpers. */
#ifndef SHOWUP_STORE_H
#define SHOWUP_STORE_H

#include <sqlite3.h>
#include <stdint.h>

#include "showup/util.h"

/* The schema version this showup writes (PRAGMA user_version). */
#define STORE_SCHEMA_VERSION 3

enum store_open_mode {
	STORE_CREATE,		/* create the file (and its folders) if missing */
	STORE_EXISTING,		/* the file must already exist */
};

struct store {
	sqlite3 *db;
	char *path;
	char *actor;		/* who the audit log names for changes made */
	char *source;		/* what the audit log names as the origin ("cli", a file) */
	int summarise_additions; /* an import: additions go into one summary entry, not one each */
	struct {
		const char *sql;	/* a string constant: its address is the key */
		sqlite3_stmt *stmt;
	} cache[64];
	size_t ncache;
};

/*
 * Returns the database path: 'flag' if given, else $SHOWUP_DB, else
 * $XDG_DATA_HOME/showup/showup.db, else ~/.local/share/showup/showup.db.
 * The caller frees it.
 */
char *store_resolve_path(const char *flag);

/*
 * Opens (or creates, mode 0600) the database at 'path' and brings its schema up
 * to date, one transaction per step. A database of a newer schema is refused
 * untouched. Returns a store to close with store_close, or NULL with 'e' set.
 */
struct store *store_open(const char *path, enum store_open_mode mode, su_err *e);
void store_close(struct store *st);
/* Sets the audit source for the changes that follow ("cli", "import roster.csv"). */
void store_set_source(struct store *st, const char *source);

/* Transactions: each returns 0 or -1 with 'e' set. */
int store_begin(struct store *st, su_err *e);
int store_commit(struct store *st, su_err *e);
/* Rolls back if a transaction is open; never fails. */
void store_rollback(struct store *st);

/*
 * Returns the store's prepared statement for 'sql' (a string constant), reset
 * and with its bindings cleared; NULL with 'e' set on error. Owned by the store.
 */
sqlite3_stmt *store_stmt(struct store *st, const char *sql, su_err *e);

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
void db_bind_int(sqlite3_stmt *stmt, int idx, int64_t v);
/* Returns column text as a fresh string ("" for NULL); the caller frees it. */
char *db_column_dup(sqlite3_stmt *stmt, int col);
/* Returns 1 if the column is SQL NULL. */
int db_column_null(sqlite3_stmt *stmt, int col);

#endif
