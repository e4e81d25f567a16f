/* SPDX-License-Identifier: Apache-2.0 */
/* test_import.c - spreadsheets in: the importers' column spellings, a row's partial
 * values, changes checked and listed, and one transaction a file. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "showup/import.h"
#include "showup/timeutil.h"
#include "suites.h"

/* Writes 'text' as the file 'name' in the test's folder; returns its path (static). */
static const char *
csv(const char *name, const char *text)
{
	return fx_write(name, text, 0600);
}

/* Returns "name|company" of 'email' in the cohort, or "-" if there is none (static). */
static const char *
person_of(struct store *st, const struct cohort *c, const char *email)
{
	static char buf[256];
	struct participant p;
	su_err e;

	if (participant_find(st, c, email, &p, &e) != 1)
		return "-";
	snprintf(buf, sizeof buf, "%s|%s", p.name, p.company);
	participant_free(&p);
	return buf;
}

/* --- the importers' spellings ------------------------------------------------------- */

/* Roster headers as spreadsheets spell them, and what a row under them gives Ana. */
static const struct {
	const char *text;
	const char *error;		/* the start of the error; NULL: imported */
	const char *ana;		/* "name|company" */
	const char *ignored;
} roster_cases[] = {
	{ "E-mail Address,Full Name,Organisation\nana@example.com,Ana Lima,Acme\n", NULL,
		"Ana Lima|Acme", "" },
	{ "Work Email;Given Name;Surname;Employer\nana@example.com;Ana;Lima;Acme\n", NULL,
		"Ana Lima|Acme", "" },
	{ "mail,FirstName,LastName,Phone,Notes\nana@example.com,Ana,Lima,555,x\n", NULL,
		"Ana Lima|", "Phone, Notes" },
	{ "Attendee\tE-MAIL\tcompany name\nAna Lima\tana@example.com\tAcme\n", NULL,
		"Ana Lima|Acme", "" },
	{ "Forename,Family Name,e-mail,Org\nAna,Lima,ana@example.com,Acme\n", NULL,
		"Ana Lima|Acme", "" },
	/* a name column wins over first and last names */
	{ "Display Name,First,Last,Email\nAna M. Lima,Ana,Lima,ana@example.com\n", NULL,
		"Ana M. Lima|", "" },
	{ "Name,Company\nAna Lima,Acme\n",
		"roster.csv:1: no e-mail column (looked for 'email', 'e-mail', 'email address', "
		"'e-mail address', 'mail', 'work email' and ", "-", "" },
	/* the header words of every language read; a name column beside one half is the other */
	{ "Vorname;Nachname;E-Mail;Firma\nAna;Lima;ana@example.com;Acme\n", NULL,
		"Ana Lima|Acme", "" },
	{ "Pr\u00e9nom;Nom;Adresse e-mail;Soci\u00e9t\u00e9\nAna;Lima;ana@example.com;Acme\n",
		NULL, "Ana Lima|Acme", "" },
	{ "Nom,Pr\u00e9nom,E-mail\nLima,Ana,ana@example.com\n", NULL, "Ana Lima|", "" },
	{ "Nombre;Apellidos;Correo electr\u00f3nico;Empresa\nAna;Lima;ana@example.com;Acme\n",
		NULL, "Ana Lima|Acme", "" },
	{ "nome,email_institucional\nAna Lima,ana@example.com\n", NULL, "Ana Lima|", "" },
	{ "Nome;Cognome;Indirizzo email;Azienda\nAna;Lima;ana@example.com;Acme\n", NULL,
		"Ana Lima|Acme", "" },
	{ "Voornaam;Achternaam;E-mailadres;Bedrijf\nAna;Lima;ana@example.com;Acme\n", NULL,
		"Ana Lima|Acme", "" },
	{ "Imi\u0119 i nazwisko;Adres e-mail;Firma\nAna Lima;ana@example.com;Acme\n", NULL,
		"Ana Lima|Acme", "" },
	{ "Imi\u0119;Nazwisko;Adres e-mail;Firma\nAna;Lima;ana@example.com;Acme\n", NULL,
		"Ana Lima|Acme", "" },
	{ "Email,E-mail\nana@example.com,ana@example.com\n",
		"roster.csv:1: two e-mail columns ('Email' and 'E-mail')", "-", "" },
	{ "Name,Student,Email\nAna,Ana,ana@example.com\n",
		"roster.csv:1: two name columns ('Name' and 'Student')", "-", "" },
	{ "Surname,Last,Email\nLima,Lima,ana@example.com\n",
		"roster.csv:1: two last name columns ('Surname' and 'Last')", "-", "" },
};

/* A roster read by any spelling of its headers; no e-mail column, or one twice, refused. */
START_TEST(roster_columns_by_their_spellings)
{
	struct store *st = fx_store();
	struct import_result r;
	struct cohort c;
	su_err e;
	int rc;

	fx_cohort(st, &c);
	import_result_init(&r, 0);
	rc = import_roster(st, &c, csv("roster.csv", roster_cases[_i].text), &r, &e);
	if (roster_cases[_i].error != NULL) {
		ck_assert_int_eq(rc, -1);
		ck_assert_msg(strncmp(e.msg, roster_cases[_i].error,
		    strlen(roster_cases[_i].error)) == 0, "got '%s'", e.msg);
	} else {
		ck_assert_msg(rc == 0, "%s", e.msg);
		ck_assert_uint_eq(r.added, 1);
		ck_assert_str_eq(sb_str(&r.ignored), roster_cases[_i].ignored);
	}
	ck_assert_str_eq(person_of(st, &c, "ana@example.com"), roster_cases[_i].ana);
	import_result_free(&r);
	cohort_free(&c);
	store_close(st);
}
END_TEST

/* No header word names two columns of one import, as headers are compared (folded). */
START_TEST(import_words_name_one_column_each)
{
	static const enum import_what whats[] = { IMPORT_COHORTS, IMPORT_ROSTER,
		IMPORT_SESSIONS, IMPORT_ATTENDANCE };
	size_t n;
	const struct csv_column *cols = import_columns(whats[_i], &n);
	char a[128], b[128];

	for (size_t i = 0; i < n; i++)
		for (const char *const *w = cols[i].names; *w; w++)
			for (size_t j = i + 1; j < n; j++)
				for (const char *const *v = cols[j].names; *v; v++) {
					csv_header_key(*w, a, sizeof a);
					csv_header_key(*v, b, sizeof b);
					ck_assert_msg(*a == '\0' || strcmp(a, b) != 0,
					    "%s import: '%s' names %s and '%s' %s",
					    import_what_name(whats[_i]), *w, cols[i].key, *v,
					    cols[j].key);
				}
}
END_TEST

/* --column FIELD=HEADER: the field by its key in any spelling; a field unknown refused. */
START_TEST(import_column_names_a_field)
{
	struct import_result r;
	su_err e;

	import_result_init(&r, 0);
	ck_assert_int_eq(import_column_name(IMPORT_ROSTER, "First_Name=Pr\u00e9nom usuel", &r,
	    &e), 0);
	ck_assert_str_eq(r.column_names[0].field, "first name");
	ck_assert_str_eq(r.column_names[0].words[0], "Pr\u00e9nom usuel");
	ck_assert_int_eq(import_column_name(IMPORT_ROSTER, "phone=Tel", &r, &e), -1);
	ck_assert_str_eq(e.msg, "no field 'phone' in a participant import (fields: name, "
	    "first name, last name, e-mail, company, call_name)");
	ck_assert_int_eq(import_column_name(IMPORT_SESSIONS, "=Tel", &r, &e), -1);
	ck_assert_int_eq(import_column_name(IMPORT_SESSIONS, "title=", &r, &e), -1);
	ck_assert_uint_eq(r.ncolumn_names, 1);
	import_result_free(&r);
}
END_TEST

/* A cohorts file with each column under another of its names. */
START_TEST(cohort_columns_by_their_spellings)
{
	static const char text[] = "Code,Programme,Coach Name,Coach E-mail,Timezone,Price,"
		"Currency,Start Date,End Date,Room\n"
		"autumn26,Autumn,Cora Coach,cora@example.com,Europe/London,\"1,200.50\",GBP,"
		"2026-09-01,2026-12-15,4\n";
	struct store *st = fx_store();
	struct import_result r;
	struct cohort c;
	su_err e;

	import_result_init(&r, 0);
	ck_assert_msg(import_cohorts(st, csv("cohorts.csv", text), &r, &e) == 0, "%s", e.msg);
	ck_assert_str_eq(sb_str(&r.ignored), "Room");
	ck_assert_int_eq(cohort_find(st, "autumn26", &c, &e), 1);
	ck_assert_str_eq(c.name, "Autumn");
	ck_assert_str_eq(c.coach_name, "Cora Coach");
	ck_assert_str_eq(c.coach_email, "cora@example.com");
	ck_assert_str_eq(c.tz, "Europe/London");
	ck_assert_int_eq(c.fee_cents, 120050);
	ck_assert_str_eq(c.currency, "GBP");
	ck_assert_str_eq(c.starts_on, "2026-09-01");
	ck_assert_str_eq(c.ends_on, "2026-12-15");
	cohort_free(&c);
	import_result_free(&r);
	store_close(st);
}
END_TEST

/* A sessions file with date and time apart, a duration, a topic and a room. */
START_TEST(session_columns_by_their_spellings)
{
	static const char text[] = "Date,Time,Duration (Minutes),Type,Topic,Room\n"
		"2026-12-07,09:30,90,group,Review,Room 4\n";
	struct store *st = fx_store();
	struct import_result r;
	struct session s;
	struct cohort c;
	su_err e;

	fx_cohort(st, &c);
	import_result_init(&r, 0);
	ck_assert_msg(import_sessions(st, &c, csv("sessions.csv", text), &r, &e) == 0, "%s",
	    e.msg);
	ck_assert_str_eq(sb_str(&r.ignored), "");
	ck_assert_int_eq(session_find(st, &c, 1, &s, &e), 1);
	ck_assert_int_eq(s.starts_at, fx_time("2026-12-07 09:30"));
	ck_assert_int_eq(s.minutes, 90);
	ck_assert_int_eq(s.kind, SESSION_GROUP);
	ck_assert_str_eq(s.title, "Review");
	ck_assert_str_eq(s.location, "Room 4");
	session_free(&s);
	import_result_free(&r);
	cohort_free(&c);
	store_close(st);
}
END_TEST

/* Adds the test cohort with Ana and session 1 (2026-11-02 09:00); the default policy. */
static void
ana_and_a_session(struct store *st, struct cohort *c, struct policy *pol)
{
	fx_cohort(st, c);
	fx_person(st, c, "Ana Lima", "ana@example.com");
	fx_session(st, c, "2026-11-02 09:00");
	policy_default(pol);
}

/* An attendance file: its spellings; the columns an export adds for people are not
 * reported as ignored, other strangers are. */
START_TEST(attendance_columns_and_informational_ones)
{
	static const char text[] = "Session Number,E-Mail,Mark,Late By,Name,Date,Outcome,"
		"Kind,Phone\n"
		"1,ana@example.com,late,12,Ana Lima,2026-11-02,late,group,555\n";
	struct store *st = fx_store();
	struct import_result r;
	struct attendance a;
	struct participant p;
	struct session s;
	struct policy pol;
	struct cohort c;
	su_err e;

	ana_and_a_session(st, &c, &pol);
	import_result_init(&r, 0);
	ck_assert_msg(import_attendance(st, &c, &pol, csv("att.csv", text), &r, &e) == 0, "%s",
	    e.msg);
	ck_assert_str_eq(sb_str(&r.ignored), "Phone");
	ck_assert_int_eq(session_find(st, &c, 1, &s, &e), 1);
	fx_find(st, &c, "ana@example.com", &p);
	ck_assert_int_eq(attendance_get(st, s.id, p.id, &a, &e), 1);
	ck_assert_int_eq(a.fact, FACT_ARRIVED);
	ck_assert_int_eq(a.minutes_late, 12);
	attendance_free(&a);
	participant_free(&p);
	session_free(&s);
	import_result_free(&r);
	cohort_free(&c);
	store_close(st);
}
END_TEST

/* An attendance import runs with the foreign keys off, for its transaction alone: they are
 * on again after it whether it was imported, refused for a bad row, or a dry run. */
START_TEST(attendance_import_turns_foreign_keys_on_again)
{
	static const char *const files[] = {
		"session,email,status\n1,ana@example.com,present\n",
		"session,email,status\n1,nobody@example.com,present\n",
		"session,email,status\n9,ana@example.com,present\n",
	};
	struct store *st = fx_store();
	struct import_result r;
	struct cohort c;
	struct policy pol;
	su_err e;

	ana_and_a_session(st, &c, &pol);
	for (size_t i = 0; i < ARRAY_SIZE(files) * 2; i++) {
		import_result_init(&r, (int)(i / ARRAY_SIZE(files)));	/* then dry runs */
		ck_assert_int_eq(import_attendance(st, &c, &pol, csv("att.csv",
		    files[i % ARRAY_SIZE(files)]), &r, &e), i % ARRAY_SIZE(files) ? -1 : 0);
		ck_assert_int_eq(fx_int(st, "PRAGMA foreign_keys"), 1);
		ck_assert_int_eq(store_in_transaction(st), 0);
		import_result_free(&r);
	}
	ck_assert_int_eq(fx_int(st, "SELECT count(*) FROM attendance"), 1);
	ck_assert_int_eq(store_foreign_keys(st, 0, &e), 0);
	ck_assert_int_eq(fx_int(st, "PRAGMA foreign_keys"), 0);
	ck_assert_int_eq(store_begin(st, &e), 0);
	ck_assert_int_eq(store_foreign_keys(st, 1, &e), -1);	/* SQLite would ignore it */
	store_rollback(st);
	ck_assert_int_eq(store_foreign_keys(st, 1, &e), 0);
	ck_assert_int_eq(fx_int(st, "PRAGMA foreign_keys"), 1);
	cohort_free(&c);
	store_close(st);
}
END_TEST

/* --- a row's values ---------------------------------------------------------------------- */

static const char *const names_a[] = { "a", NULL };
static const char *const names_b[] = { "b", "bee", NULL };
static const char *const names_c[] = { "c", NULL };
static const struct csv_column abc_columns[] = {
	{ "a", names_a, 1 }, { "b", names_b, 0 }, { "c", names_c, 0 },
};

/* Writes what a row gives each column: "has:field:value" for columns a, b and c. */
static int
describe_row(void *arg, struct import_row *row, su_err *e)
{
	struct strbuf *out = arg;

	(void)e;
	for (size_t i = 0; i < ARRAY_SIZE(abc_columns); i++)
		sb_addf(out, "%s%d:%s:%s", i ? " " : "", import_has(row, i), import_field(row, i),
		    import_value(row, i, "old"));
	sb_addc(out, '\n');
	return 0;
}

/*
 * Each row of "a,bee" (no column c): a cell's value, trimmed; an empty cell keeps the
 * old value unless empty cells clear; a column the file lacks always keeps it.
 */
static const struct {
	int clear_empty;
	const char *rows;
} value_cases[] = {
	{ 0, "1:x:x 1:y:y 0::old\n1:x:x 1::old 0::old\n1:x y:x y 1::old 0::old\n" },
	{ 1, "1:x:x 1:y:y 0::old\n1:x:x 1:: 0::old\n1:x y:x y 1:: 0::old\n" },
};

/* import_has, import_field and import_value on each row, with and without clearing. */
START_TEST(import_value_keeps_what_a_row_lacks)
{
	static const char text[] = "A, Bee ,Notes\nx,y,n\nx,,n\n  x y\t,  ,n\n";
	struct store *st = fx_store();
	struct strbuf got = STRBUF_INIT;
	struct import_result r;
	su_err e;

	import_result_init(&r, 0);
	r.clear_empty = value_cases[_i].clear_empty;
	ck_assert_msg(import_run(st, 0, "row", csv("t.csv", text), abc_columns,
	    ARRAY_SIZE(abc_columns), NULL, describe_row, &got, &r, &e) == 0, "%s", e.msg);
	ck_assert_str_eq(sb_str(&got), value_cases[_i].rows);
	ck_assert_uint_eq(r.rows, 3);
	ck_assert_str_eq(sb_str(&r.ignored), "Notes");
	sb_free(&got);
	import_result_free(&r);
	store_close(st);
}
END_TEST

/* The outcome of one import_change, kept by the row function. */
struct change_seen { int rc; };

/* Checks the change from column a (old) to column b (new) of Ana's name. */
static int
change_row(void *arg, struct import_row *row, su_err *e)
{
	struct change_seen *seen = arg;

	(void)e;
	seen->rc = import_change(row, "ana@example.com", "name", import_field(row, 0),
	    import_field(row, 1));
	return seen->rc < 0 ? -1 : 0;
}

/* import_change: equal is no change; a change is listed on a dry run; a value that looks
 * double-encoded where the old did not is refused unless changes are accepted. */
static const struct {
	const char *old, *new;
	int dry_run, accept;
	int rc;
	const char *changes;		/* listed on a dry run */
} change_cases[] = {
	{ "Ana", "Ana", 1, 0, 0, "" },
	{ "Ana", "Anna", 1, 0, 1, "t.csv:2: ana@example.com name: 'Ana' → 'Anna'\n" },
	{ "Ana", "Anna", 0, 0, 1, "" },
	{ "José", "JosÃ©", 1, 0, -1, "" },
	{ "José", "JosÃ©", 1, 1, 1, "t.csv:2: ana@example.com name: 'José' → 'JosÃ©'\n" },
	{ "JosÃ©", "JosÃ© Lima", 1, 0, 1,
		"t.csv:2: ana@example.com name: 'JosÃ©' → 'JosÃ© Lima'\n" },
	{ "JosÃ©", "José", 0, 0, 1, "" },	/* repaired: taken */
};

/* import_change on one row: its result, its listing, and the refusal it reports. */
START_TEST(import_change_checks_and_lists)
{
	struct store *st = fx_store();
	struct change_seen seen = { 99 };
	struct import_result r;
	struct strbuf text = STRBUF_INIT;
	su_err e;
	int rc;

	sb_addf(&text, "a,b\n%s,%s\n", change_cases[_i].old, change_cases[_i].new);
	import_result_init(&r, change_cases[_i].dry_run);
	r.accept_changes = change_cases[_i].accept;
	rc = import_run(st, 0, "row", csv("t.csv", sb_str(&text)), abc_columns,
	    ARRAY_SIZE(abc_columns), NULL, change_row, &seen, &r, &e);
	ck_assert_int_eq(seen.rc, change_cases[_i].rc);
	ck_assert_str_eq(sb_str(&r.changes), change_cases[_i].changes);
	if (change_cases[_i].rc < 0) {
		ck_assert_int_eq(rc, -1);
		ck_assert_str_eq(e.msg, "t.csv: 1 bad row; nothing was imported");
		ck_assert_uint_eq(r.bad_rows, 1);
		ck_assert_uint_eq(r.hints & HINT_ACCEPT_CHANGES, HINT_ACCEPT_CHANGES);
		ck_assert_str_eq(sb_str(&r.messages), "t.csv:2: ana@example.com name would "
		    "change from 'José' to 'JosÃ©', which looks like UTF-8 read as "
		    "Windows-1252 and saved again (a file opened in Excel without a BOM?)\n");
	} else {
		ck_assert_msg(rc == 0, "%s", e.msg);
		ck_assert_uint_eq(r.hints & HINT_ACCEPT_CHANGES, 0);
	}
	sb_free(&text);
	import_result_free(&r);
	store_close(st);
}
END_TEST

/* --- one transaction a file --------------------------------------------------------- */

/* Imports roster 'text'; returns import_roster's result, with 'r' to free. */
static int
roster(struct store *st, const struct cohort *c, const char *text, int dry_run,
    struct import_result *r, su_err *e)
{
	import_result_init(r, dry_run);
	return import_roster(st, c, csv("roster.csv", text), r, e);
}

/* A dry run counts and rolls back; the import adds with one audit entry; again, nothing. */
START_TEST(import_dry_run_then_again)
{
	static const char text[] = "email,name\nana@example.com,Ana Lima\n\n , \t\n"
		"ben@example.com,Ben Okafor\n";
	struct store *st = fx_store();
	struct import_result r;
	struct cohort c;
	int64_t audits;
	su_err e;

	fx_cohort(st, &c);
	audits = fx_int(st, "SELECT count(*) FROM audit");
	ck_assert_int_eq(roster(st, &c, text, 1, &r, &e), 0);
	ck_assert_uint_eq(r.rows, 2);		/* the blank rows are no rows */
	ck_assert_uint_eq(r.added, 2);
	import_result_free(&r);
	ck_assert_int_eq(fx_int(st, "SELECT count(*) FROM participant"), 0);
	ck_assert_int_eq(fx_int(st, "SELECT count(*) FROM audit"), audits);
	ck_assert_int_eq(roster(st, &c, text, 0, &r, &e), 0);
	ck_assert_uint_eq(r.added, 2);
	import_result_free(&r);
	ck_assert_int_eq(fx_int(st, "SELECT count(*) FROM participant"), 2);
	ck_assert_int_eq(fx_int(st, "SELECT count(*) FROM audit"), audits + 1);
	ck_assert_int_eq(roster(st, &c, text, 0, &r, &e), 0);
	ck_assert_uint_eq(r.added, 0);
	ck_assert_uint_eq(r.unchanged, 2);
	import_result_free(&r);
	ck_assert_int_eq(fx_int(st, "SELECT count(*) FROM audit"), audits + 1);
	cohort_free(&c);
	store_close(st);
}
END_TEST

/* A roster of fewer columns changes only those; an empty cell clears only when asked. */
START_TEST(import_partial_roster_updates_its_columns)
{
	struct store *st = fx_store();
	struct import_result r;
	struct cohort c;
	su_err e;

	fx_cohort(st, &c);
	ck_assert_int_eq(roster(st, &c, "email,name,company\nana@example.com,Ana Lima,Acme\n", 0,
	    &r, &e), 0);
	import_result_free(&r);
	ck_assert_int_eq(roster(st, &c, "email,company\nana@example.com,Initech\n", 0, &r, &e),
	    0);
	ck_assert_uint_eq(r.updated, 1);
	import_result_free(&r);
	ck_assert_str_eq(person_of(st, &c, "ana@example.com"), "Ana Lima|Initech");
	ck_assert_int_eq(roster(st, &c, "email,company\nana@example.com,\n", 0, &r, &e), 0);
	ck_assert_uint_eq(r.unchanged, 1);
	import_result_free(&r);
	ck_assert_str_eq(person_of(st, &c, "ana@example.com"), "Ana Lima|Initech");
	import_result_init(&r, 0);
	r.clear_empty = 1;
	ck_assert_int_eq(import_roster(st, &c, csv("roster.csv", "email,company\n"
	    "ana@example.com,\n"), &r, &e), 0);
	ck_assert_uint_eq(r.updated, 1);
	import_result_free(&r);
	ck_assert_str_eq(person_of(st, &c, "ana@example.com"), "Ana Lima|");
	cohort_free(&c);
	store_close(st);
}
END_TEST

/* Any bad row imports nothing; each is listed by line, the first 20 of them, all counted. */
START_TEST(import_bad_rows_import_nothing)
{
	struct store *st = fx_store();
	struct strbuf text = STRBUF_INIT;
	struct import_result r;
	struct cohort c;
	size_t lines = 0;
	su_err e;

	fx_cohort(st, &c);
	ck_assert_int_eq(roster(st, &c, "email,name\ncat@example.com,Cat\n,No Address\n"
	    "cat@example.com,Cat Again\n", 0, &r, &e), -1);
	ck_assert_str_eq(e.msg, "roster.csv: 2 bad rows; nothing was imported");
	ck_assert_str_eq(sb_str(&r.messages), "roster.csv:3: no e-mail address\n"
	    "roster.csv:4: 'cat@example.com' appears again (first on line 2)\n");
	import_result_free(&r);
	ck_assert_str_eq(person_of(st, &c, "cat@example.com"), "-");
	sb_adds(&text, "email,name\n");
	for (int i = 0; i < IMPORT_MAX_MESSAGES + 5; i++)
		sb_addf(&text, ",Nobody %d\n", i);
	ck_assert_int_eq(roster(st, &c, sb_str(&text), 0, &r, &e), -1);
	ck_assert_uint_eq(r.bad_rows, IMPORT_MAX_MESSAGES + 5);
	for (const char *s = sb_str(&r.messages); *s; s++)
		lines += *s == '\n';
	ck_assert_uint_eq(lines, IMPORT_MAX_MESSAGES);
	ck_assert_ptr_nonnull(strstr(sb_str(&r.messages), "roster.csv:21: no e-mail"));
	ck_assert_ptr_null(strstr(sb_str(&r.messages), "roster.csv:22:"));
	import_result_free(&r);
	sb_free(&text);
	cohort_free(&c);
	store_close(st);
}
END_TEST

Suite *
import_suite(void)
{
	Suite *s = suite_create("import");
	TCase *tc = tcase_create("import");

	tcase_add_checked_fixture(tc, fx_setup, fx_teardown);
	tcase_add_loop_test(tc, roster_columns_by_their_spellings, 0, ARRAY_SIZE(roster_cases));
	tcase_add_loop_test(tc, import_words_name_one_column_each, 0, 4);
	tcase_add_test(tc, import_column_names_a_field);
	tcase_add_test(tc, cohort_columns_by_their_spellings);
	tcase_add_test(tc, session_columns_by_their_spellings);
	tcase_add_test(tc, attendance_columns_and_informational_ones);
	tcase_add_test(tc, attendance_import_turns_foreign_keys_on_again);
	tcase_add_loop_test(tc, import_value_keeps_what_a_row_lacks, 0, ARRAY_SIZE(value_cases));
	tcase_add_loop_test(tc, import_change_checks_and_lists, 0, ARRAY_SIZE(change_cases));
	tcase_add_test(tc, import_dry_run_then_again);
	tcase_add_test(tc, import_partial_roster_updates_its_columns);
	tcase_add_test(tc, import_bad_rows_import_nothing);
	suite_add_tcase(s, tc);
	return s;
}
