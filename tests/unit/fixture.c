/* SPDX-License-Identifier: Apache-2.0 */
/* fixture.c - a fresh folder and a real store for each unit test that needs one. */
#include "config.h"

#include <check.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "fixture.h"
#include "showup/timeutil.h"
#include "store-private.h"

char fx_dir[160];

void
fx_setup(void)
{
	snprintf(fx_dir, sizeof fx_dir, "%s/showup-unit-XXXXXX",
	    getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	ck_assert_ptr_nonnull(mkdtemp(fx_dir));
	setenv("SHOWUP_NOW", FX_NOW_TEXT, 1);
}

void
fx_teardown(void)
{
	char cmd[300];

	snprintf(cmd, sizeof cmd, "rm -rf '%s'", fx_dir);
	ck_assert_int_eq(system(cmd), 0);
	unsetenv("SHOWUP_NOW");
}

char *
fx_path(char *buf, size_t size, const char *name)
{
	snprintf(buf, size, "%s/%s", fx_dir, name);
	return buf;
}

const char *
fx_write(const char *name, const char *text, mode_t mode)
{
	static char path[400];
	FILE *f;

	fx_path(path, sizeof path, name);
	f = fopen(path, "wb");
	ck_assert_ptr_nonnull(f);
	ck_assert_int_ge(fputs(text, f), 0);
	ck_assert_int_eq(fclose(f), 0);
	ck_assert_int_eq(chmod(path, mode), 0);
	return path;
}

char *
fx_read(const char *name)
{
	char path[400];
	size_t len;
	char *text = file_read_all(fx_path(path, sizeof path, name), 1 << 24, &len, NULL);

	return text ? text : xstrdup("");
}

struct store *
fx_store(void)
{
	char path[400];
	su_err e;
	struct store *st = store_open(fx_path(path, sizeof path, "showup.db"), STORE_CREATE,
	    NULL, &e);

	ck_assert_msg(st != NULL, "%s", e.msg);
	return st;
}

struct store *
fx_store_again(void)
{
	char path[400];
	su_err e;
	struct store *st = store_open(fx_path(path, sizeof path, "showup.db"), STORE_WRITE,
	    NULL, &e);

	ck_assert_msg(st != NULL, "%s", e.msg);
	return st;
}

void
fx_cohort(struct store *st, struct cohort *out)
{
	struct cohort c = { .slug = "spring26", .name = "Spring", .coach_name = "Cora Coach",
		.coach_email = "cora@example.com", .tz = "Australia/Sydney",
		.currency = "AUD", .fee_cents = 150000, .starts_on = "", .ends_on = "" };
	su_err e;

	ck_assert_msg(cohort_add(st, &c, &e) > 0, "%s", e.msg);
	ck_assert_int_eq(cohort_find(st, "spring26", out, &e), 1);
}

int64_t
fx_person(struct store *st, const struct cohort *c, const char *name, const char *email)
{
	su_err e;
	int64_t id = participant_add(st, c, name, email, "", &e);

	ck_assert_msg(id > 0, "%s", e.msg);
	return id;
}

void
fx_find(struct store *st, const struct cohort *c, const char *email, struct participant *p)
{
	su_err e;

	ck_assert_msg(participant_find(st, c, email, p, &e) == 1, "%s", e.msg);
}

int64_t
fx_time(const char *sydney)
{
	int64_t t;
	su_err e;

	ck_assert_msg(time_parse(sydney, DATE_ORDER_YMD, "Australia/Sydney", &t, &e) == 0, "%s",
	    e.msg);
	return t;
}

int
fx_session(struct store *st, const struct cohort *c, const char *sydney)
{
	struct session s = { .kind = SESSION_GROUP, .starts_at = fx_time(sydney), .minutes = 60,
		.title = "Session", .location = "" };
	su_err e;
	int number = session_add(st, c, &s, NULL, 0, &e);

	ck_assert_msg(number > 0, "%s", e.msg);
	return number;
}

void
fx_mark(struct store *st, const struct cohort *c, int number, const char *email, enum fact f)
{
	struct attendance a = { .fact = f, .reason = "", .note = "" };
	struct participant p;
	struct session s;
	su_err e;

	ck_assert_int_eq(session_find(st, c, number, &s, &e), 1);
	fx_find(st, c, email, &p);
	a.session_id = s.id;
	a.participant_id = p.id;
	ck_assert_msg(attendance_set(st, c, &s, &p, &a, NULL, &e) >= 0, "%s", e.msg);
	participant_free(&p);
	session_free(&s);
}

void
fx_set_now(int64_t t)
{
	time_t tt = (time_t)t;
	struct tm tm;
	char text[32];

	gmtime_r(&tt, &tm);
	strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &tm);
	setenv("SHOWUP_NOW", text, 1);
}

int64_t
fx_now(void)
{
	int64_t t;

	ck_assert_int_eq(time_parse(FX_NOW_TEXT, DATE_ORDER_UNKNOWN, "UTC", &t, NULL), 0);
	return t;
}

int64_t
fx_int(struct store *st, const char *fmt, ...)
{
	char sql[1024];
	sqlite3_stmt *stmt;
	int64_t v;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(sql, sizeof sql, fmt, ap);
	va_end(ap);
	stmt = db_prepare(st->db, sql, NULL);
	ck_assert_msg(stmt != NULL, "cannot prepare %s", sql);
	ck_assert_int_eq(db_step_row(stmt, NULL), 1);
	v = sqlite3_column_int64(stmt, 0);
	sqlite3_finalize(stmt);
	return v;
}

void
fx_exec(struct store *st, const char *fmt, ...)
{
	char sql[1024];
	su_err e;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(sql, sizeof sql, fmt, ap);
	va_end(ap);
	ck_assert_msg(db_exec(st->db, sql, &e) == 0, "%s: %s", sql, e.msg);
}
