/* SPDX-License-Identifier: Apache-2.0 */
/* store.h - the SQLite file: opening, schema migrations, statement helpers. */
#ifndef SHOWUP_STORE_H
#define SHOWUP_STORE_H

#include <stdint.h>

#include "showup/util.h"

/* The schema version this showup writes (PRAGMA user_version). */
#define STORE_SCHEMA_VERSION 23

/* The application id showup writes in a database file's header ('SHUP'). */
#define STORE_APPLICATION_ID 0x53485550

enum store_open_mode {
	STORE_CREATE,		/* create the file (and its folders), or bring it up to date */
	STORE_WRITE,		/* an up-to-date showup database, to change */
	STORE_READ,		/* a showup database, only read (on read-only media too) */
};

/* Why a database could not be opened, for the caller to word its advice. */
enum store_refusal {
	STORE_OPENED,		/* it was not refused */
	STORE_MISSING,		/* no file there */
	STORE_NOT_OURS,		/* empty, or another program's file: left as it was */
	STORE_OUTDATED,		/* an older showup's schema: to be brought up to date */
	STORE_NEWER,		/* a newer showup's schema: left as it was */
	STORE_FAILED,		/* it could not be read or written */
};

/* Every message of a failure of the store itself starts with this. */
#define STORE_ERROR_PREFIX "database error: "

/*
 * The store: one open database. Opaque outside the core (as libgit2's
 * git_repository): the command line and the web hold a pointer and call the
 * functions below; SQLite itself shows only in src/core (store-private.h).
 */
struct store;

/*
 * Returns the database path: 'flag' if given, else $SHOWUP_DB, else
 * $XDG_DATA_HOME/showup/showup.db, else ~/.local/share/showup/showup.db.
 * The caller frees it.
 */
char *store_resolve_path(const char *flag);
/* store_resolve_path, and which rule found it: "--db", "$SHOWUP_DB", "$XDG_DATA_HOME"... */
char *store_find_path(const char *flag, const char **rule);

/*
 * Opens the database at 'path' as 'mode' says. Only STORE_CREATE creates a
 * file (mode 0600, with its folders) or an empty one, and brings an older
 * schema up to date, one transaction per step. A file that is not a showup
 * database, or of a newer schema, is refused without a byte changed.
 * Returns a store to close with store_close, or NULL with 'e' set and, if
 * 'why' is not NULL, the reason in *why.
 */
struct store *store_open(const char *path, enum store_open_mode mode,
    enum store_refusal *why, su_err *e);
void store_close(struct store *st);
/*
 * Copies the whole database to 'dest' with SQLite's online backup: one
 * consistent moment even while another showup writes, mode 0600, written
 * under a temporary name and renamed. An existing 'dest' must be a showup
 * database (an older backup). 0 or -1 with 'e' set.
 */
int store_backup(struct store *st, const char *dest, su_err *e);
/* Sets the audit source for the changes that follow ("cli", "import roster.csv"). */
void store_set_source(struct store *st, const char *source);
/* Sets who the audit log names for the changes that follow ("web:ana@example.com"). */
void store_set_actor(struct store *st, const char *actor);
/* The path the store was opened at. */
const char *store_path(const struct store *st);
/* Returns 1 if the store was opened only to read (STORE_READ). */
int store_read_only(const struct store *st);

/*
 * Transactions: the one rule.
 *
 * A core function that writes does so inside its caller's transaction and
 * never begins one, except the functions whose contract says they commit in
 * steps of their own: import_file and the import_* functions (one transaction
 * a file), outbox_plan (one a plan) and the outbox's claim and record steps
 * of a send (one a message and state, so that a crash never sends twice).
 * Those are called outside any transaction.
 *
 * A caller changes data with STORE_TX: it begins, calls, commits, or rolls back
 * when the call or the commit fails; several calls go in one function called
 * so. Nothing is ever left half-written: SQLite may roll a transaction back by
 * itself (a full disk), and store_in_transaction() tells.
 */
#define STORE_TX(st, e, call) \
	(store_begin((st), (e)) < 0 ? -1 : store_end((st), (call), (e)))
/* Ends the transaction STORE_TX began: commits if rc >= 0, else rolls back; rc, or -1. */
int store_end(struct store *st, int rc, su_err *e);

/* Transactions by hand (STORE_TX uses them); each returns 0 or -1 with 'e' set. */
int store_begin(struct store *st, su_err *e);
int store_commit(struct store *st, su_err *e);
/* Rolls back if a transaction is open; never fails. */
void store_rollback(struct store *st);
/* Returns 1 if a transaction is open (SQLite rolls one back by itself on a full disk). */
int store_in_transaction(const struct store *st);
/*
 * Turns SQLite's foreign-key checks on (as every store opens) or off; 0, or -1
 * with 'e' set, in a transaction too, where SQLite would ignore it. Only a
 * writer whose own checks, made inside its transaction, are as strong as the
 * keys turns them off, for that transaction alone, and turns them on after it
 * whatever became of it.
 */
int store_foreign_keys(struct store *st, int on, su_err *e);
/* Returns 1 if message 'msg' tells of a failure of the store, not of the data. */
int store_failed(const char *msg);
/* Sets how long a write waits for another writer's lock ($SHOWUP_LOCK_WAIT, else 30 s, at the start). */
void store_set_lock_wait(struct store *st, int ms);
/* Returns 1 if a wait for another writer ran out since the last call (and forgets it), else 0. */
int store_gave_up_waiting(struct store *st);
/* Sets what is said once a wait for another writer lasts a second (NULL: nothing). */
void store_on_wait(struct store *st, void (*fn)(void *arg, const char *path), void *arg);

#endif
