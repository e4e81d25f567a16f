/* SPDX-License-Identifier: Apache-2.0 */
/* test_store.c - the SQLite file, migrations, and the model's rules, on real files. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "schema.h"
#include "showup/ladder.h"
#include "showup/model.h"
#include "showup/policy.h"
#include "showup/policy-store.h"
#include "showup/timeutil.h"
#include "suites.h"
#include "store-private.h"

static char tmpdir[160];

/* Makes a fresh folder for each test's database. */
static void
setup(void)
{
	snprintf(tmpdir, sizeof tmpdir, "%s/showup-unit-XXXXXX",
	    getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	ck_assert_ptr_nonnull(mkdtemp(tmpdir));
	setenv("SHOWUP_NOW", "2026-11-22T00:00Z", 1);
}

static void
teardown(void)
{
	char cmd[300];

	snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
	ck_assert_int_eq(system(cmd), 0);
	unsetenv("SHOWUP_NOW");
}

/* Opens (creating) a store at tmpdir/name. */
static struct store *
open_at(const char *name)
{
	char path[400];
	su_err e;
	struct store *st;

	snprintf(path, sizeof path, "%s/%s", tmpdir, name);
	st = store_open(path, STORE_CREATE, NULL, &e);
	ck_assert_msg(st != NULL, "%s", e.msg);
	return st;
}

/* Adds the test cohort and returns it loaded. */
static void
add_cohort(struct store *st, struct cohort *out)
{
	struct cohort c = { .slug = "spring26", .name = "Spring", .coach_name = "Coach",
		.coach_email = "coach@example.com", .tz = "Australia/Sydney",
		.currency = "AUD", .fee_cents = 150000, .starts_on = "", .ends_on = "" };
	su_err e;

	ck_assert_msg(cohort_add(st, &c, &e) > 0, "%s", e.msg);
	ck_assert_int_eq(cohort_find(st, "spring26", out, &e), 1);
}

/* Counts rows of a table. */
static int
count(struct store *st, const char *table)
{
	char sql[128];
	sqlite3_stmt *stmt;
	int n;

	snprintf(sql, sizeof sql, "SELECT count(*) FROM %s", table);
	stmt = db_prepare(st->db, sql, NULL);
	ck_assert_int_eq(db_step_row(stmt, NULL), 1);
	n = sqlite3_column_int(stmt, 0);
	sqlite3_finalize(stmt);
	return n;
}

START_TEST(creates_private_file_and_folders)
{
	struct store *st = open_at("a/b/showup.db");
	struct stat sb;
	char path[400];

	snprintf(path, sizeof path, "%s/a/b/showup.db", tmpdir);
	ck_assert_int_eq(stat(path, &sb), 0);
	ck_assert_int_eq(sb.st_mode & 0777, 0600);
	ck_assert_int_eq(count(st, "cohort"), 0);
	store_close(st);
}
END_TEST

START_TEST(existing_mode_needs_a_file)
{
	enum store_refusal why;
	char path[400];
	su_err e;

	snprintf(path, sizeof path, "%s/missing.db", tmpdir);
	ck_assert_ptr_null(store_open(path, STORE_WRITE, &why, &e));
	ck_assert_ptr_nonnull(strstr(e.msg, "no database at"));
	ck_assert_int_eq(why, STORE_MISSING);
	ck_assert_ptr_null(store_open(path, STORE_READ, &why, &e));
	ck_assert_int_eq(why, STORE_MISSING);
	ck_assert_int_eq(access(path, F_OK), -1);
}
END_TEST

START_TEST(newer_schema_is_refused_untouched)
{
	struct store *st = open_at("new.db");
	char path[400], cmd[600];
	struct stat before, after;
	su_err e;

	ck_assert_int_eq(db_exec(st->db, "PRAGMA user_version = 99", NULL), 0);
	store_close(st);
	snprintf(path, sizeof path, "%s/new.db", tmpdir);
	snprintf(cmd, sizeof cmd, "sha256sum '%s' > '%s/sum'", path, tmpdir);
	ck_assert_int_eq(system(cmd), 0);
	ck_assert_int_eq(stat(path, &before), 0);
	ck_assert_ptr_null(store_open(path, STORE_CREATE, NULL, &e));
	ck_assert_ptr_nonnull(strstr(e.msg, "newer showup"));
	ck_assert_int_eq(stat(path, &after), 0);
	ck_assert_int_eq(before.st_mtime, after.st_mtime);
	snprintf(cmd, sizeof cmd, "sha256sum -c --quiet '%s/sum'", tmpdir);
	ck_assert_int_eq(system(cmd), 0);
}
END_TEST

/* Returns the whole content of a file (for byte-for-byte comparison); the caller frees it. */
static char *
slurp(const char *path, size_t *len)
{
	char *text = file_read_all(path, 1 << 24, len, NULL);

	ck_assert_ptr_nonnull(text);
	return text;
}

/* Writes 'n' bytes to a new file at 'path'; 0 or -1. */
static int
file_write_all(const char *path, const char *data, size_t n)
{
	FILE *f = fopen(path, "wb");
	int rc;

	if (f == NULL)
		return -1;
	rc = fwrite(data, 1, n, f) == n ? 0 : -1;
	return fclose(f) == 0 ? rc : -1;
}

/* Another program's files: refused by every mode, and left byte for byte as they were. */
START_TEST(foreign_files_are_left_alone)
{
	static const enum store_open_mode modes[] = { STORE_READ, STORE_WRITE, STORE_CREATE };
	const char *names[] = { "foreign.db", "text.db", "empty.db" };
	char path[400];
	sqlite3 *db;
	su_err e;

	snprintf(path, sizeof path, "%s/foreign.db", tmpdir);
	ck_assert_int_eq(sqlite3_open(path, &db), SQLITE_OK);
	ck_assert_int_eq(db_exec(db, "CREATE TABLE notes (id INTEGER, body TEXT);"
	    "INSERT INTO notes VALUES (1, 'mine'); PRAGMA user_version = 2", &e), 0);
	sqlite3_close(db);
	snprintf(path, sizeof path, "%s/text.db", tmpdir);
	ck_assert_int_eq(file_write_all(path, "name,email\n", 11), 0);
	snprintf(path, sizeof path, "%s/empty.db", tmpdir);
	ck_assert_int_eq(file_write_all(path, "", 0), 0);
	for (size_t f = 0; f < ARRAY_SIZE(names); f++) {
		size_t n0, n1;
		char *before, *after;

		snprintf(path, sizeof path, "%s/%s", tmpdir, names[f]);
		before = slurp(path, &n0);
		for (size_t m = 0; m < ARRAY_SIZE(modes); m++) {
			enum store_refusal why = STORE_OPENED;
			struct store *st;

			if (f == 2 && modes[m] == STORE_CREATE)
				continue;	/* init may make an empty file a database */
			st = store_open(path, modes[m], &why, &e);
			ck_assert_msg(st == NULL, "%s opened in mode %d", names[f], (int)modes[m]);
			ck_assert_int_eq(why, STORE_NOT_OURS);
			ck_assert_ptr_nonnull(strstr(e.msg, "not touched"));
		}
		after = slurp(path, &n1);
		ck_assert_msg(n0 == n1 && memcmp(before, after, n0) == 0, "%s changed", names[f]);
		free(before);
		free(after);
	}
	snprintf(path, sizeof path, "%s/empty.db", tmpdir);
	store_close(store_open(path, STORE_CREATE, NULL, &e));
	ck_assert_int_eq(access(path, F_OK), 0);
	{
		struct store *st = store_open(path, STORE_READ, NULL, &e);

		ck_assert_msg(st != NULL, "%s", e.msg);
		store_close(st);
	}
}
END_TEST

START_TEST(schema_version_and_pragmas)
{
	struct store *st = open_at("v.db");
	sqlite3_stmt *stmt = db_prepare(st->db, "PRAGMA user_version", NULL);

	ck_assert_int_eq(db_step_row(stmt, NULL), 1);
	ck_assert_int_eq(sqlite3_column_int(stmt, 0), STORE_SCHEMA_VERSION);
	sqlite3_finalize(stmt);
	stmt = db_prepare(st->db, "PRAGMA journal_mode", NULL);
	ck_assert_int_eq(db_step_row(stmt, NULL), 1);
	ck_assert_str_eq((const char *)sqlite3_column_text(stmt, 0), "wal");
	sqlite3_finalize(stmt);
	stmt = db_prepare(st->db, "PRAGMA foreign_keys", NULL);
	ck_assert_int_eq(db_step_row(stmt, NULL), 1);
	ck_assert_int_eq(sqlite3_column_int(stmt, 0), 1);
	sqlite3_finalize(stmt);
	store_close(st);
}
END_TEST

START_TEST(cohort_rules)
{
	struct store *st = open_at("c.db");
	struct cohort c, bad = { .slug = "Bad Slug", .name = "x", .coach_name = "x",
		.coach_email = "x@example.com", .tz = "UTC", .currency = "",
		.starts_on = "", .ends_on = "" };
	su_err e;

	add_cohort(st, &c);
	ck_assert_str_eq(c.tz, "Australia/Sydney");
	ck_assert_int_eq(c.fee_cents, 150000);
	ck_assert_int_eq(cohort_add(st, &c, &e), -1);
	ck_assert_ptr_nonnull(strstr(e.msg, "already exists"));
	ck_assert_int_eq(cohort_add(st, &bad, &e), -1);
	bad.slug = "ok";
	bad.tz = "Nowhere/Land";
	ck_assert_int_eq(cohort_add(st, &bad, &e), -1);
	ck_assert_ptr_nonnull(strstr(e.msg, "unknown time zone"));
	bad.tz = "UTC";
	bad.starts_on = "2027-05-01";
	bad.ends_on = "2027-04-01";
	ck_assert_int_eq(cohort_add(st, &bad, &e), -1);
	ck_assert_int_eq(cohort_find(st, "nope", &bad, &e), 0);
	ck_assert_ptr_nonnull(strstr(e.msg, "no cohort 'nope'"));
	ck_assert_int_eq(count(st, "audit"), 1);
	cohort_free(&c);
	store_close(st);
}
END_TEST

START_TEST(participants_unique_without_case)
{
	struct store *st = open_at("p.db");
	struct participant p;
	struct cohort c;
	su_err e;

	add_cohort(st, &c);
	ck_assert_int_gt(participant_add(st, &c, "Ana", "Ana@Example.com", "", &e), 0);
	ck_assert_int_eq(participant_add(st, &c, "Ana 2", "ana@example.COM", "", &e), -1);
	ck_assert_ptr_nonnull(strstr(e.msg, "already in cohort"));
	ck_assert_int_eq(participant_add(st, &c, "Bad", "not-an-address", "", &e), -1);
	ck_assert_int_eq(participant_add(st, &c, "Eve\r\nBcc: x@y", "eve@example.com", "",
	    &e), -1);
	ck_assert_int_eq(participant_find(st, &c, "ANA@EXAMPLE.COM", &p, &e), 1);
	ck_assert_str_eq(p.name, "Ana");
	ck_assert_int_eq(participant_update(st, &c, &p, "Ana", p.email, "", &e), 0);
	ck_assert_int_eq(participant_update(st, &c, &p, "Ana María", p.email, "Acme", &e), 1);
	ck_assert_int_eq(participant_withdraw(st, &c, &p, 1790000000, &e), 0);
	participant_free(&p);
	ck_assert_int_eq(participant_find(st, &c, "ana@example.com", &p, &e), 1);
	ck_assert_int_eq(p.status, PARTICIPANT_WITHDRAWN);
	ck_assert_int_eq(participant_withdraw(st, &c, &p, 1790000000, &e), -1);
	participant_free(&p);
	ck_assert_int_eq(count(st, "audit"), 4);
	cohort_free(&c);
	store_close(st);
}
END_TEST

START_TEST(attendance_set_records_and_corrects)
{
	struct store *st = open_at("a.db");
	struct session s = { .kind = SESSION_GROUP, .starts_at = 1791151200, .minutes = 60,
		.title = "One", .location = "" }, found;
	struct attendance a = { .fact = FACT_ARRIVED, .reason = "", .note = "" }, got;
	struct attendance_change change;
	struct participant p;
	struct cohort c;
	int64_t pid;
	su_err e;

	add_cohort(st, &c);
	pid = participant_add(st, &c, "Ana", "ana@example.com", "", &e);
	ck_assert_int_eq(session_add(st, &c, &s, NULL, 0, &e), 1);
	ck_assert_int_eq(session_add(st, &c, &s, NULL, 0, &e), 2);
	ck_assert_int_eq(session_find(st, &c, 1, &found, &e), 1);
	ck_assert_int_eq(participant_find(st, &c, "ana@example.com", &p, &e), 1);
	a.session_id = found.id;
	a.participant_id = pid;
	a.note = "left at 10";
	ck_assert_int_eq(attendance_set(st, &c, &found, &p, &a, NULL, &e), 1);
	ck_assert_int_eq(attendance_set(st, &c, &found, &p, &a, NULL, &e), 0);
	a.note = NULL;		/* no note given: the stored one stays */
	ck_assert_int_eq(attendance_set(st, &c, &found, &p, &a, NULL, &e), 0);
	a.fact = FACT_CANCELLED;
	a.cancelled_at = 1791151200 - 3600;
	a.reason = "work";
	ck_assert_int_eq(attendance_set(st, &c, &found, &p, &a, &change, &e), 2);
	ck_assert_str_eq(change.before, "present; left at 10");
	ck_assert_ptr_nonnull(strstr(change.after, "left at 10"));
	free(change.before);
	free(change.after);
	ck_assert_int_eq(attendance_get(st, found.id, pid, &got, &e), 1);
	ck_assert_int_eq(got.fact, FACT_CANCELLED);
	ck_assert_str_eq(got.reason, "work");
	ck_assert_str_eq(got.note, "left at 10");
	attendance_free(&got);
	/* session add x2, cohort, participant, record, correct */
	ck_assert_int_eq(count(st, "audit"), 6);
	participant_free(&p);
	ck_assert_int_eq(participant_find(st, &c, "ana@example.com", &p, &e), 1);
	ck_assert_int_eq(session_expects(st, &found, &p, &e), 1);
	participant_free(&p);
	session_free(&found);
	cohort_free(&c);
	store_close(st);
}
END_TEST

START_TEST(fact_build_checks_reasons)
{
	struct policy p;
	struct attendance a;
	su_err e;
	struct fact_spec late = { .status = "late", .minutes = "12" };
	struct fact_spec bad_reason = { .status = "cancelled", .cancelled_at =
		"2026-10-04 20:00", .reason = "holiday" };
	struct fact_spec not_accepted = { .status = "excused", .reason = "work" };
	struct fact_spec cancel = { .status = "Cancelled", .cancelled_at =
		"2026-10-04 20:00", .reason = "work", .note = "a call, sorry" };

	policy_default(&p);
	ck_assert_int_eq(fact_build(&p, "Australia/Sydney", &late, &a, &e), 0);
	ck_assert_int_eq(a.minutes_late, 12);
	ck_assert_str_eq(fact_status_word(&a), "late");
	attendance_free(&a);
	ck_assert_int_eq(fact_build(&p, "Australia/Sydney", &bad_reason, &a, &e), -1);
	ck_assert_ptr_nonnull(strstr(e.msg, "unknown reason 'holiday' (known: medical"));
	ck_assert_int_eq(fact_build(&p, "Australia/Sydney", &not_accepted, &a, &e), -1);
	ck_assert_ptr_nonnull(strstr(e.msg, "not accepted as an excuse"));
	ck_assert_int_eq(fact_build(&p, "Australia/Sydney", &cancel, &a, &e), 0);
	ck_assert_int_eq(a.cancelled_at, 1791104400);
	ck_assert_str_eq(a.note, "a call, sorry");
	attendance_free(&a);
}
END_TEST

/* A database of schema version 1 comes up to date with its rows kept. */
START_TEST(version_1_database_is_upgraded)
{
	enum store_refusal why;
	char path[400];
	sqlite3 *db;
	struct store *st;
	struct cohort c;
	su_err e;

	snprintf(path, sizeof path, "%s/v1.db", tmpdir);
	ck_assert_int_eq(sqlite3_open(path, &db), SQLITE_OK);
	ck_assert_int_eq(db_exec(db, schema_migrations[0], &e), 0);
	ck_assert_int_eq(db_exec(db, "INSERT INTO cohort (slug, name, coach_name, coach_email,"
	    " tz, created_at) VALUES ('old', 'Old', 'C', 'c@example.com', 'Europe/London', 0);"
	    "PRAGMA user_version = 1", &e), 0);
	sqlite3_close(db);
	ck_assert_ptr_null(store_open(path, STORE_WRITE, &why, &e));
	ck_assert_int_eq(why, STORE_OUTDATED);
	ck_assert_ptr_null(store_open(path, STORE_READ, &why, &e));
	ck_assert_int_eq(why, STORE_OUTDATED);
	st = store_open(path, STORE_CREATE, NULL, &e);	/* init brings it up to date */
	ck_assert_msg(st != NULL, "%s", e.msg);
	ck_assert_int_eq(count(st, "cohort"), 1);
	ck_assert_int_eq(count(st, "notice"), 0);
	ck_assert_int_eq(count(st, "refund_offer"), 0);
	ck_assert_int_eq(cohort_find(st, "old", &c, &e), 1);
	cohort_free(&c);
	store_close(st);
}
END_TEST

/* A ladder step goes to a participant once, ever. */
START_TEST(notices_are_sent_once)
{
	struct store *st = open_at("n.db");
	struct participant p;
	struct cohort c;
	su_err e;

	add_cohort(st, &c);
	ck_assert_int_gt(participant_add(st, &c, "Ana", "ana@example.com", "", &e), 0);
	ck_assert_int_eq(participant_find(st, &c, "ana@example.com", &p, &e), 1);
	ck_assert_int_eq(notice_record_sent(st, &c, &p, 1, "warning", 2, 1795000000, &e), 0);
	ck_assert_int_eq(notice_record_sent(st, &c, &p, 1, "warning", 2, 1795000100, &e), -1);
	ck_assert_ptr_nonnull(strstr(e.msg, "went to 'ana@example.com' already"));
	ck_assert_int_eq(notice_record_sent(st, &c, &p, 2, "final-notice", 3, 1795000200, &e), 0);
	ck_assert_int_eq(count(st, "notice"), 2);
	participant_free(&p);
	cohort_free(&c);
	store_close(st);
}
END_TEST

/* Policy settings are stored checked and audited; the default value leaves no row. */
START_TEST(policy_settings_are_stored)
{
	struct store *st = open_at("p.db");
	struct policy p;
	struct cohort c;
	su_err e;

	add_cohort(st, &c);
	ck_assert_int_eq(policy_save(st, &c, "cutoff", "hours 12", &e), 1);
	ck_assert_int_eq(policy_save(st, &c, "cutoff", "hours  12", &e), 0);
	ck_assert_int_eq(policy_save(st, &c, "grace", "ten", &e), -1);
	ck_assert_int_eq(policy_save(st, &c, "reasons.accepted", "medical,bereavement", &e), 1);
	ck_assert_int_eq(policy_load(st, &c, &p, &e), 0);
	ck_assert_int_eq(p.cutoff_kind, CUTOFF_HOURS);
	ck_assert_int_eq(p.cutoff_hours, 12);
	ck_assert(policy_reason_accepted(&p, "bereavement"));
	ck_assert_int_eq(count(st, "policy_setting"), 2);
	ck_assert_int_eq(policy_save(st, &c, "cutoff", "day-before 18:00", &e), 1);
	ck_assert_int_eq(count(st, "policy_setting"), 1);
	/* cohort add, three changes */
	ck_assert_int_eq(count(st, "audit"), 4);
	cohort_free(&c);
	store_close(st);
}
END_TEST

/* The log in words: each action's sentence, and the fallback for one not listed. */
static const struct {
	const char *action, *subject, *old_value, *new_value, *want;
} sentence_cases[] = {
	{ "session move", "c1:4", "Thu 2027-03-04 09:00", "Fri 2027-03-05 10:00",
	  "session c1:4 moved from Thu 2027-03-04 09:00 to Fri 2027-03-05 10:00" },
	{ "unmark", "c1:2 ana@x.org", "present", "not recorded",
	  "c1:2 ana@x.org: present taken back, not recorded" },
	{ "record", "c1:2 ana@x.org", "", "late 12 min", "c1:2 ana@x.org: recorded late 12 min" },
	{ "walk-in", "c1:3", "", "bo@x.org", "bo@x.org came to session c1:3 as a walk-in" },
	{ "policy set", "c1 grace", "5", "10", "policy: c1 grace changed from 5 to 10" },
	{ "frobnicate", "c1:1", "a", "b", "frobnicate c1:1: a -> b" },
	{ "frobnicate", "c1:1", "", "b", "frobnicate c1:1: b" },
	{ "record", "{o}", "", "{n}{s}", "{o}: recorded {n}{s}" },	/* values are not read again */
};

START_TEST(audit_entries_in_words)
{
	struct audit_entry a = {
		.action = (char *)sentence_cases[_i].action,
		.subject = (char *)sentence_cases[_i].subject,
		.old_value = (char *)sentence_cases[_i].old_value,
		.new_value = (char *)sentence_cases[_i].new_value,
	};
	char *got = audit_sentence(&a);

	ck_assert_str_eq(got, sentence_cases[_i].want);
	free(got);
}
END_TEST

Suite *
store_suite(void)
{
	Suite *s = suite_create("store");
	TCase *tc = tcase_create("sqlite");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, creates_private_file_and_folders);
	tcase_add_test(tc, existing_mode_needs_a_file);
	tcase_add_test(tc, foreign_files_are_left_alone);
	tcase_add_test(tc, newer_schema_is_refused_untouched);
	tcase_add_test(tc, schema_version_and_pragmas);
	tcase_add_test(tc, cohort_rules);
	tcase_add_test(tc, participants_unique_without_case);
	tcase_add_test(tc, attendance_set_records_and_corrects);
	tcase_add_test(tc, fact_build_checks_reasons);
	tcase_add_test(tc, version_1_database_is_upgraded);
	tcase_add_test(tc, notices_are_sent_once);
	tcase_add_test(tc, policy_settings_are_stored);
	tcase_add_loop_test(tc, audit_entries_in_words, 0, (int)ARRAY_SIZE(sentence_cases));
	suite_add_tcase(s, tc);
	return s;
}
