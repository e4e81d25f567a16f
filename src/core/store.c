/* store.c - the SQLite file: opening, schema migrations, statement helpers. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "showup/store.h"
#include "schema.h"

char *
store_resolve_path(const char *flag)
{
	const char *env = getenv("SHOWUP_DB");
	const char *xdg = getenv("XDG_DATA_HOME");
	const char *home = getenv("HOME");
	struct passwd *pw;

	if (flag != NULL && *flag)
		return xstrdup(flag);
	if (env != NULL && *env)
		return xstrdup(env);
	if (xdg != NULL && *xdg == '/')
		return xasprintf("%s/showup/showup.db", xdg);
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

/* Reads PRAGMA user_version; -1 with 'e' set on error. */
static int
schema_version(sqlite3 *db, su_err *e)
{
	sqlite3_stmt *stmt = db_prepare(db, "PRAGMA user_version", e);
	int v = -1;

	if (stmt == NULL)
		return -1;
	if (db_step_row(stmt, e) == 1)
		v = sqlite3_column_int(stmt, 0);
	sqlite3_finalize(stmt);
	return v;
}

/* Applies the missing migration steps, each in its own transaction. */
static int
migrate(struct store *st, int from, su_err *e)
{
	char sql[64];

	for (int v = from; v < schema_migration_count; v++) {
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
	return 0;
}

struct store *
store_open(const char *path, enum store_open_mode mode, su_err *e)
{
	struct store *st = xcalloc(1, sizeof *st);
	struct stat sb;
	int version;

	st->path = xstrdup(path);
	st->actor = current_actor();
	st->source = xstrdup("cli");
	if (stat(path, &sb) < 0) {
		if (mode == STORE_EXISTING) {
			su_err_set(e, "no database at '%s' (run 'showup init', or "
			    "give --db PATH)", path);
			goto fail;
		}
		if (create_private_file(path, e) < 0)
			goto fail;
	}
	if (sqlite3_open_v2(path, &st->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
		su_err_set(e, "cannot open database '%s': %s", path,
		    st->db ? sqlite3_errmsg(st->db) : "out of memory");
		goto fail;
	}
	sqlite3_busy_timeout(st->db, 5000);
	version = schema_version(st->db, e);
	if (version < 0) {
		su_err_set(e, "'%s' is not a showup database: %s", path,
		    sqlite3_errmsg(st->db));
		goto fail;
	}
	if (version > STORE_SCHEMA_VERSION) {
		su_err_set(e, "database '%s' was written by a newer showup (schema "
		    "version %d, this showup knows up to %d); it was not touched",
		    path, version, STORE_SCHEMA_VERSION);
		goto fail;
	}
	if (db_exec(st->db, "PRAGMA journal_mode = WAL", e) < 0 ||
	    db_exec(st->db, "PRAGMA foreign_keys = ON", e) < 0 ||
	    db_exec(st->db, "PRAGMA synchronous = NORMAL", e) < 0)
		goto fail;
	if (migrate(st, version, e) < 0)
		goto fail;
	return st;
fail:
	store_close(st);
	return NULL;
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

void
store_rollback(struct store *st)
{
	if (!sqlite3_get_autocommit(st->db))
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
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

int
db_exec(sqlite3 *db, const char *sql, su_err *e)
{
	char *msg = NULL;

	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		su_err_set(e, "database error: %s", msg ? msg : sqlite3_errmsg(db));
		sqlite3_free(msg);
		return -1;
	}
	return 0;
}

sqlite3_stmt *
db_prepare(sqlite3 *db, const char *sql, su_err *e)
{
	sqlite3_stmt *stmt = NULL;

	if (sqlite3_prepare_v2(db, sql, -1, &stmt, NULL) != SQLITE_OK) {
		su_err_set(e, "database error: %s", sqlite3_errmsg(db));
		return NULL;
	}
	return stmt;
}

int
db_step_done(sqlite3_stmt *stmt, su_err *e)
{
	int rc = sqlite3_step(stmt);

	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		su_err_set(e, "database error: %s",
		    sqlite3_errmsg(sqlite3_db_handle(stmt)));
		sqlite3_reset(stmt);
		return -1;
	}
	sqlite3_reset(stmt);
	return 0;
}

int
db_step_row(sqlite3_stmt *stmt, su_err *e)
{
	int rc = sqlite3_step(stmt);

	if (rc == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE)
		return 0;
	su_err_set(e, "database error: %s", sqlite3_errmsg(sqlite3_db_handle(stmt)));
	return -1;
}

void
db_bind_text(sqlite3_stmt *stmt, int idx, const char *s)
{
	if (s == NULL)
		sqlite3_bind_null(stmt, idx);
	else
		sqlite3_bind_text(stmt, idx, s, -1, SQLITE_TRANSIENT);
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
