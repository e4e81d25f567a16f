/* SPDX-License-Identifier: Apache-2.0 */
/* store.c - the SQLite file: opening, schema migrations, statement helpers. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "showup/atomicfile.h"
#include "showup/store.h"
#include "schema.h"
#include "store-private.h"

char *
store_resolve_path(const char *flag)
{
	const char *rule;

	return store_find_path(flag, &rule);
}

char *
store_find_path(const char *flag, const char **rule)
{
	const char *env = getenv("SHOWUP_DB");
	const char *xdg = getenv("XDG_DATA_HOME");
	const char *home = getenv("HOME");
	struct passwd *pw;

	*rule = "--db";
	if (flag != NULL && *flag)
		return xstrdup(flag);
	*rule = "$SHOWUP_DB";
	if (env != NULL && *env)
		return xstrdup(env);
	*rule = "$XDG_DATA_HOME";
	if (xdg != NULL && *xdg == '/')
		return xasprintf("%s/showup/showup.db", xdg);
	*rule = "the default place";
	if ((home == NULL || *home == '\0') && (pw = getpwuid(getuid())) != NULL)
		home = pw->pw_dir;
	return xasprintf("%s/.local/share/showup/showup.db", home ? home : ".");
}

/* Makes sure the file exists, created 0600 if it did not; 0 or -1 with 'e' set. */
static int
create_private_file(const char *path, su_err *e)
{
	int fd;

	if (make_parent_dirs(path, e) < 0)
		return -1;
	fd = open(path, O_CREAT | O_WRONLY | O_CLOEXEC, 0600);
	if (fd < 0)
		return su_err_set(e, "cannot create '%s': %s", path, strerror(errno));
	close(fd);
	return 0;
}

/* Returns the login name that the audit log records, from $SHOWUP_ACTOR, $USER or the uid. */
static char *
current_actor(void)
{
	const char *s = getenv("SHOWUP_ACTOR");
	struct passwd *pw;

	if (s == NULL || *s == '\0')
		s = getenv("USER");
	if ((s == NULL || *s == '\0') && (pw = getpwuid(getuid())) != NULL)
		s = pw->pw_name;
	return xstrdup(s && *s ? s : "unknown");
}

static int db_failure(sqlite3 *db, int rc, su_err *e);
static int lock_wait_ms(void);

/* What a file is, found without changing a byte of it. */
struct db_look {
	int exists;		/* there is a file */
	int empty;		/* 0 bytes, or an SQLite file with nothing in it */
	int sqlite;		/* it reads as an SQLite database */
	int ours;		/* showup's: its application id, or (older) its tables */
	int app_id, version;
};

/* Returns a monotonic clock reading in milliseconds. */
static int64_t
clock_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Returns 'path' as an SQLite URI that opens it immutable (read-only media); the caller frees it. */
static char *
immutable_uri(const char *path)
{
	struct strbuf sb = STRBUF_INIT;

	sb_adds(&sb, "file:");
	for (const char *p = path; *p; p++) {
		if (*p == '%' || *p == '?' || *p == '#')
			sb_addf(&sb, "%%%02X", (unsigned char)*p);
		else
			sb_addc(&sb, *p);
	}
	sb_adds(&sb, "?immutable=1");
	return sb_detach(&sb);
}

/* Returns 1 if the file at 'path' cannot be written (read-only media or permissions). */
static int
unwritable(const char *path)
{
	return access(path, W_OK) != 0;
}

/*
 * Opens 'path' read-only; a file that cannot be written (a backup on
 * read-only media, where WAL's shared memory cannot be made) is opened
 * immutable. Returns SQLite's result code; *db is set either way.
 */
static int
open_read_only(const char *path, sqlite3 **db)
{
	char *uri;
	int rc;

	if (!unwritable(path))
		return sqlite3_open_v2(path, db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX,
		    NULL);
	uri = immutable_uri(path);
	rc = sqlite3_open_v2(uri, db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX |
	    SQLITE_OPEN_URI, NULL);
	free(uri);
	return rc;
}

/* Runs a query of one integer; -1 and SQLite's error in 'e' if it fails. */
static int
query_int(sqlite3 *db, const char *sql, int *out, su_err *e)
{
	sqlite3_stmt *stmt = db_prepare(db, sql, e);
	int rc;

	if (stmt == NULL)
		return -1;
	rc = db_step_row(stmt, e);
	if (rc == 1)
		*out = sqlite3_column_int(stmt, 0);
	sqlite3_finalize(stmt);
	return rc == 1 ? 0 : -1;
}

/* Looks at the file at 'path' read-only; 0, or -1 with 'e' set if it cannot be read. */
static int
look_at(const char *path, struct db_look *out, su_err *e)
{
	static const char *const sql_tables = "SELECT count(*) FROM sqlite_master"
	    " WHERE type = 'table' AND name IN ('cohort', 'participant', 'audit')";
	sqlite3 *db = NULL;
	struct stat sb;
	int tables = 0, mine = 0, rc;

	memset(out, 0, sizeof *out);
	if (stat(path, &sb) < 0) {
		if (errno == ENOENT)
			return 0;
		return su_err_set(e, "cannot read '%s': %s", path, strerror(errno));
	}
	out->exists = 1;
	if (sb.st_size == 0) {
		out->empty = 1;
		return 0;
	}
	rc = open_read_only(path, &db);
	if (rc == SQLITE_OK)
		sqlite3_busy_timeout(db, lock_wait_ms());
	if (rc == SQLITE_OK && query_int(db, "PRAGMA application_id", &out->app_id, e) == 0 &&
	    query_int(db, "PRAGMA user_version", &out->version, e) == 0 &&
	    query_int(db, "SELECT count(*) FROM sqlite_master", &tables, e) == 0 &&
	    query_int(db, sql_tables, &mine, e) == 0) {
		out->sqlite = 1;
		out->empty = tables == 0 && out->app_id == 0 && out->version == 0;
		out->ours = out->app_id == STORE_APPLICATION_ID ||
		    (out->app_id == 0 && out->version >= 1 && mine == 3);
		rc = 0;
	} else if (db != NULL && sqlite3_errcode(db) == SQLITE_NOTADB) {
		rc = 0;		/* not SQLite at all: another program's file */
	} else {
		su_err_set(e, "cannot read '%s': %s", path, db ? sqlite3_errmsg(db)
		    : "out of memory");
		rc = -1;
	}
	sqlite3_close_v2(db);
	return rc;
}

/* Decides whether a file may be opened as 'mode' asks; STORE_OPENED, or why not with 'e'. */
static enum store_refusal
judge(const char *path, const struct db_look *look, enum store_open_mode mode, su_err *e)
{
	if (!look->exists && mode != STORE_CREATE)
		return su_err_set(e, "no database at '%s'", path), STORE_MISSING;
	if (!look->exists || (look->empty && mode == STORE_CREATE))
		return STORE_OPENED;
	if (look->empty)
		return su_err_set(e, "'%s' is empty, not a showup database; it was not "
		    "touched", path), STORE_NOT_OURS;
	if (!look->ours)
		return su_err_set(e, "'%s' is not a showup database (%s); it was not "
		    "touched", path, look->sqlite ? "another program's SQLite file"
		    : "not an SQLite file"), STORE_NOT_OURS;
	if (look->version > STORE_SCHEMA_VERSION)
		return su_err_set(e, "database '%s' was written by a newer showup (schema "
		    "version %d, this showup knows up to %d); it was not touched",
		    path, look->version, STORE_SCHEMA_VERSION), STORE_NEWER;
	if (look->version < STORE_SCHEMA_VERSION && mode != STORE_CREATE)
		return su_err_set(e, "database '%s' has schema version %d, older than this "
		    "showup's %d; it was not touched", path, look->version,
		    STORE_SCHEMA_VERSION), STORE_OUTDATED;
	return STORE_OPENED;
}

/* Waits for another writer, up to st->wait_ms, saying so once after a second (SQLite's busy handler). */
static int
busy_wait(void *arg, int count)
{
	struct store *st = arg;
	int64_t now = clock_ms();

	if (count == 0)
		st->wait_began = now;
	if (now - st->wait_began >= st->wait_ms) {
		st->gave_up = 1;
		return 0;
	}
	if (now - st->wait_began >= 1000 && st->on_wait != NULL) {
		st->on_wait(st->on_wait_arg, st->path);
		st->on_wait = NULL;	/* once */
	}
	usleep(count < 10 ? 5000 : 50000);
	return 1;
}

/* Returns how long to wait for another writer: $SHOWUP_LOCK_WAIT seconds, else 30. */
static int
lock_wait_ms(void)
{
	const char *env = getenv("SHOWUP_LOCK_WAIT");
	long long seconds;

	if (env != NULL && parse_int(env, 0, 3600, &seconds) == 0)
		return (int)seconds * 1000;
	return 30000;
}

/* Applies the missing migration steps, each in its own transaction, and marks the file showup's. */
static int
migrate(struct store *st, const struct db_look *look, su_err *e)
{
	char sql[64];

	for (int v = look->version; v < schema_migration_count; v++) {
		snprintf(sql, sizeof sql, "PRAGMA user_version = %d", v + 1);
		if (db_exec(st->db, "BEGIN IMMEDIATE", e) < 0)
			return -1;
		if (db_exec(st->db, schema_migrations[v], e) < 0 ||
		    db_exec(st->db, sql, e) < 0) {
			store_rollback(st);
			return -1;
		}
		if (db_exec(st->db, "COMMIT", e) < 0) {
			store_rollback(st);
			return -1;
		}
	}
	if (look->app_id == STORE_APPLICATION_ID)
		return 0;
	snprintf(sql, sizeof sql, "PRAGMA application_id = %d", STORE_APPLICATION_ID);
	return db_exec(st->db, sql, e);
}

/* Opens the connection of a store that may be opened; 0 or -1 with 'e' set. */
static int
connect(struct store *st, const struct db_look *look, enum store_open_mode mode, su_err *e)
{
	int rc;

	if (!look->exists && create_private_file(st->path, e) < 0)
		return -1;
	if (mode == STORE_READ)
		rc = open_read_only(st->path, &st->db);
	else
		rc = sqlite3_open_v2(st->path, &st->db, SQLITE_OPEN_READWRITE |
		    SQLITE_OPEN_NOMUTEX, NULL);
	if (rc != SQLITE_OK)
		return su_err_set(e, "cannot open database '%s': %s", st->path,
		    st->db ? sqlite3_errmsg(st->db) : "out of memory");
	st->read_only = mode == STORE_READ;
	st->wait_ms = lock_wait_ms();
	sqlite3_busy_handler(st->db, busy_wait, st);
	if (mode == STORE_READ)
		return 0;
	if (db_exec(st->db, "PRAGMA journal_mode = WAL", e) < 0 ||
	    db_exec(st->db, "PRAGMA foreign_keys = ON", e) < 0 ||
	    db_exec(st->db, "PRAGMA synchronous = NORMAL", e) < 0)
		return -1;
	return mode == STORE_CREATE ? migrate(st, look, e) : 0;
}

/*
 * Sets SQLite up once, before its first use: no memory statistics (their
 * counting takes a lock on every allocation, a tenth of a large import).
 */
static void
configure_sqlite(void)
{
	static int done;

	if (!done)
		sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
	done = 1;
}

struct store *
store_open(const char *path, enum store_open_mode mode, enum store_refusal *why,
    su_err *e)
{
	struct store *st = xcalloc(1, sizeof *st);
	enum store_refusal refusal = STORE_FAILED;
	struct db_look look;

	configure_sqlite();
	st->path = xstrdup(path);
	st->actor = current_actor();
	st->source = xstrdup("cli");
	if (look_at(path, &look, e) < 0)
		goto fail;
	if ((refusal = judge(path, &look, mode, e)) != STORE_OPENED)
		goto fail;
	refusal = STORE_FAILED;
	if (connect(st, &look, mode, e) < 0)
		goto fail;
	if (why != NULL)
		*why = STORE_OPENED;
	return st;
fail:
	if (why != NULL)
		*why = refusal;
	store_close(st);
	return NULL;
}

int
store_backup(struct store *st, const char *dest, su_err *e)
{
	struct atomic_file af = { 0 };
	struct db_look look;
	sqlite3 *to = NULL;
	sqlite3_backup *b;
	int rc = -1;

	if (look_at(dest, &look, e) < 0)
		return -1;
	if (look.exists && !look.ours)
		return su_err_set(e, "'%s' exists and is not a showup database; it was not "
		    "touched (give another name)", dest);
	if (atomic_open(&af, dest, e) == NULL)
		return -1;
	if (sqlite3_open_v2(atomic_hand_over(&af), &to, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
		su_err_set(e, "cannot write '%s': %s", dest, to ? sqlite3_errmsg(to)
		    : "out of memory");
		goto done;
	}
	/* one step copies every page under one read transaction: a consistent copy */
	if ((b = sqlite3_backup_init(to, "main", st->db, "main")) == NULL) {
		db_failure(to, sqlite3_errcode(to), e);
		goto done;
	}
	rc = sqlite3_backup_step(b, -1);
	sqlite3_backup_finish(b);
	if (rc != SQLITE_DONE) {
		rc = db_failure(to, rc == SQLITE_BUSY || rc == SQLITE_LOCKED ? rc
		    : sqlite3_errcode(to), e);
		goto done;
	}
	rc = sqlite3_close(to) == SQLITE_OK ? 0 : db_failure(to, sqlite3_errcode(to), e);
	to = NULL;
	if (rc == 0)
		rc = atomic_commit(&af, e);
done:
	if (to != NULL)
		sqlite3_close(to);
	if (rc < 0)
		atomic_abort(&af);
	return rc;
}

void
store_close(struct store *st)
{
	if (st == NULL)
		return;
	for (size_t i = 0; i < st->ncache; i++)
		sqlite3_finalize(st->cache[i].stmt);
	if (st->db != NULL)
		sqlite3_close_v2(st->db);
	free(st->path);
	free(st->actor);
	free(st->source);
	free(st);
}

void
store_set_source(struct store *st, const char *source)
{
	free(st->source);
	st->source = xstrdup(source);
}

void
store_set_actor(struct store *st, const char *actor)
{
	free(st->actor);
	st->actor = xstrdup(actor);
}

const char *
store_path(const struct store *st)
{
	return st->path;
}

int
store_read_only(const struct store *st)
{
	return st->read_only;
}

int
store_begin(struct store *st, su_err *e)
{
	return db_exec(st->db, "BEGIN IMMEDIATE", e);
}

int
store_commit(struct store *st, su_err *e)
{
	if (db_exec(st->db, "COMMIT", e) < 0) {
		store_rollback(st);
		return -1;
	}
	return 0;
}

int
store_end(struct store *st, int rc, su_err *e)
{
	if (rc < 0) {
		store_rollback(st);
		return rc;
	}
	return store_commit(st, e) < 0 ? -1 : rc;
}

void
store_rollback(struct store *st)
{
	if (!sqlite3_get_autocommit(st->db))
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
}

int
store_in_transaction(const struct store *st)
{
	return !sqlite3_get_autocommit(st->db);
}

int
store_foreign_keys(struct store *st, int on, su_err *e)
{
	if (store_in_transaction(st))
		return su_err_set(e, STORE_ERROR_PREFIX "foreign-key checks cannot change "
		    "inside a transaction");
	return db_exec(st->db, on ? "PRAGMA foreign_keys = ON" : "PRAGMA foreign_keys = OFF",
	    e);
}

int
store_failed(const char *msg)
{
	return strncmp(msg, STORE_ERROR_PREFIX, strlen(STORE_ERROR_PREFIX)) == 0;
}

void
store_on_wait(struct store *st, void (*fn)(void *arg, const char *path), void *arg)
{
	st->on_wait = fn;
	st->on_wait_arg = arg;
}

void
store_set_lock_wait(struct store *st, int ms)
{
	st->wait_ms = ms;
}

int
store_gave_up_waiting(struct store *st)
{
	int was = st->gave_up;

	st->gave_up = 0;
	return was;
}

sqlite3_stmt *
store_stmt(struct store *st, const char *sql, su_err *e)
{
	sqlite3_stmt *stmt;

	for (size_t i = 0; i < st->ncache; i++) {
		if (st->cache[i].sql == sql) {
			sqlite3_reset(st->cache[i].stmt);
			sqlite3_clear_bindings(st->cache[i].stmt);
			return st->cache[i].stmt;
		}
	}
	if (st->ncache == ARRAY_SIZE(st->cache)) {
		su_err_set(e, "internal error: statement cache full");
		return NULL;
	}
	stmt = db_prepare(st->db, sql, e);
	if (stmt == NULL)
		return NULL;
	st->cache[st->ncache].sql = sql;
	st->cache[st->ncache].stmt = stmt;
	st->ncache++;
	return stmt;
}

/* Sets 'e' to the failure 'rc' of the store (STORE_ERROR_PREFIX first); returns -1. */
static int
db_failure(sqlite3 *db, int rc, su_err *e)
{
	if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
		return su_err_set(e, STORE_ERROR_PREFIX "another showup is writing to the "
		    "database and did not finish in time; try again when it has");
	return su_err_set(e, STORE_ERROR_PREFIX "%s", sqlite3_errmsg(db));
}

int
db_exec(sqlite3 *db, const char *sql, su_err *e)
{
	int rc = sqlite3_exec(db, sql, NULL, NULL, NULL);

	return rc == SQLITE_OK ? 0 : db_failure(db, rc, e);
}

sqlite3_stmt *
db_prepare(sqlite3 *db, const char *sql, su_err *e)
{
	sqlite3_stmt *stmt = NULL;
	int rc = sqlite3_prepare_v2(db, sql, -1, &stmt, NULL);

	if (rc != SQLITE_OK) {
		db_failure(db, rc, e);
		return NULL;
	}
	return stmt;
}

int
db_step_done(sqlite3_stmt *stmt, su_err *e)
{
	int rc = sqlite3_step(stmt);

	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		db_failure(sqlite3_db_handle(stmt), rc, e);
		sqlite3_reset(stmt);
		return -1;
	}
	sqlite3_reset(stmt);
	return 0;
}

sqlite3_stmt *
store_stmt_bound(struct store *st, const char *sql, const int64_t *args, size_t n, su_err *e)
{
	sqlite3_stmt *stmt = store_stmt(st, sql, e);

	for (size_t k = 0; stmt != NULL && k < n; k++)
		db_bind_int(stmt, (int)k + 1, args[k]);
	return stmt;
}

int
store_exists(struct store *st, const char *sql, const int64_t *args, size_t n, su_err *e)
{
	sqlite3_stmt *stmt = store_stmt_bound(st, sql, args, n, e);
	int rc;

	if (stmt == NULL)
		return -1;
	rc = db_step_row(stmt, e);
	sqlite3_reset(stmt);
	return rc;
}

int
store_run(struct store *st, const char *sql, const int64_t *args, size_t n, su_err *e)
{
	sqlite3_stmt *stmt = store_stmt_bound(st, sql, args, n, e);

	return stmt == NULL ? -1 : db_step_done(stmt, e);
}

int
store_int64s(struct store *st, const char *sql, const int64_t *args, size_t n,
    int64_t **v, size_t *count, su_err *e)
{
	sqlite3_stmt *stmt = store_stmt_bound(st, sql, args, n, e);
	size_t cap = *count;
	int rc;

	if (stmt == NULL)
		return -1;
	while ((rc = db_step_row(stmt, e)) == 1) {
		if (*count == cap)
			*v = xrealloc(*v, (cap = cap ? 2 * cap : 8) * sizeof **v);
		(*v)[(*count)++] = sqlite3_column_int64(stmt, 0);
	}
	sqlite3_reset(stmt);
	return rc;
}

int
db_step_row(sqlite3_stmt *stmt, su_err *e)
{
	int rc = sqlite3_step(stmt);

	if (rc == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE)
		return 0;
	return db_failure(sqlite3_db_handle(stmt), rc, e);
}

/* Binds text 's' (NULL: SQL NULL), copied or not as 'how' says. */
static void
bind_text(sqlite3_stmt *stmt, int idx, const char *s, sqlite3_destructor_type how)
{
	if (s == NULL)
		sqlite3_bind_null(stmt, idx);
	else
		sqlite3_bind_text(stmt, idx, s, -1, how);
}

void
db_bind_text(sqlite3_stmt *stmt, int idx, const char *s)
{
	bind_text(stmt, idx, s, SQLITE_TRANSIENT);
}

void
db_bind_text_static(sqlite3_stmt *stmt, int idx, const char *s)
{
	bind_text(stmt, idx, s, SQLITE_STATIC);
}

void
db_bind_int(sqlite3_stmt *stmt, int idx, int64_t v)
{
	sqlite3_bind_int64(stmt, idx, v);
}

char *
db_column_dup(sqlite3_stmt *stmt, int col)
{
	const unsigned char *s = sqlite3_column_text(stmt, col);

	return xstrdup(s ? (const char *)s : "");
}

int
db_column_null(sqlite3_stmt *stmt, int col)
{
	return sqlite3_column_type(stmt, col) == SQLITE_NULL;
}
