/* SPDX-License-Identifier: Apache-2.0 */
/* cohort.c - cohorts: a program run with its coach, time zone, fee and dates. */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "showup/engine.h"
#include "showup/lang.h"
#include "showup/model.h"
#include "showup/money.h"
#include "showup/timeutil.h"
#include "store-private.h"

/* Checks an optional date field; 0 or -1 with 'e' set. */
static int
check_date(const char *what, const char *s, su_err *e)
{
	int y, m, d;
	su_err de;

	if (s == NULL || *s == '\0')
		return 0;
	if (date_parse(s, &y, &m, &d, &de) < 0)
		return su_err_set(e, "%s: %s", what, de.msg);
	return 0;
}

/* Returns 1 if showup may run a cohort in language 'lang' (NULL: the default). */
static int
language_known(const char *lang)
{
	return lang == NULL || lang_known(lang);
}

int
cohort_check(const struct cohort *c, su_err *e)
{
	if (!slug_valid(c->slug))
		return su_err_set(e, "'%s' is not a usable cohort name: use 1-32 "
		    "lower-case letters, digits and dashes (spring27)", c->slug);
	if (c->name == NULL || c->name[0] == '\0')
		return su_err_set(e, "cohort '%s' needs a name", c->slug);
	if (text_fits("cohort's name", c->name, FIELD_NAME_MAX, e) < 0 ||
	    text_fits("coach's name", c->coach_name, FIELD_NAME_MAX, e) < 0 ||
	    text_fits("coach's e-mail address", c->coach_email, FIELD_EMAIL_MAX, e) < 0)
		return -1;
	if (c->coach_name == NULL || *c->coach_name == '\0')
		return su_err_set(e, "cohort '%s' needs the coach's name", c->slug);
	if (c->coach_email == NULL || !email_valid(c->coach_email))
		return su_err_set(e, "the coach's e-mail address '%s' is not an e-mail address",
		    c->coach_email ? c->coach_email : "");
	if (c->tz == NULL || !tz_valid(c->tz))
		return su_err_set(e, "unknown time zone '%s' (use an IANA name such "
		    "as Europe/London or Australia/Sydney)", c->tz ? c->tz : "");
	if (!currency_valid(c->currency))
		return su_err_set(e, "'%s' is not a currency code (use three capitals: "
		    "AUD, EUR, USD)", c->currency);
	if (str_has_control(c->name) || str_has_control(c->coach_name))
		return su_err_set(e, "names may not hold control characters");
	if (check_date("the start date", c->starts_on, e) < 0 ||
	    check_date("the end date", c->ends_on, e) < 0)
		return -1;
	if (*c->starts_on && *c->ends_on && strcmp(c->starts_on, c->ends_on) > 0)
		return su_err_set(e, "the cohort ends (%s) before it starts (%s)",
		    c->ends_on, c->starts_on);
	if (!language_known(c->language))
		return su_err_set(e, "'%s' is not a language showup speaks (en, de, fr, es)",
		    c->language);
	return 0;
}

/* Returns the cohort's fields as one line for the audit log; the caller frees it. */
static char *
cohort_describe(const struct cohort *c)
{
	char fee[48];

	money_format(c->fee_cents, c->currency, fee, sizeof fee);
	return xasprintf("name=%s; coach=%s <%s>; tz=%s; fee=%s; dates=%s..%s; language=%s",
	    c->name, c->coach_name, c->coach_email, c->tz, fee, c->starts_on,
	    c->ends_on, c->language ? c->language : lang_codes[0]);
}

static const char *const sql_cohort_insert =
	"INSERT INTO cohort (slug, name, coach_name, coach_email, tz, fee_cents,"
	" currency, starts_on, ends_on, created_at, language)"
	" VALUES (?,?,?,?,?,?,?,?,?,?,coalesce(?11, 'en'))";

int64_t
cohort_add(struct store *st, const struct cohort *c, su_err *e)
{
	sqlite3_stmt *stmt;
	struct cohort found;
	char *desc;
	int64_t id;

	if (cohort_check(c, e) < 0)
		return -1;
	switch (cohort_find(st, c->slug, &found, NULL)) {
	case 1:
		cohort_free(&found);
		return su_err_set(e, "cohort '%s' already exists", c->slug);
	case -1:
		return su_err_set(e, "cannot look up cohort '%s'", c->slug);
	}
	if ((stmt = store_stmt(st, sql_cohort_insert, e)) == NULL)
		return -1;
	db_bind_text(stmt, 1, c->slug);
	db_bind_text(stmt, 2, c->name);
	db_bind_text(stmt, 3, c->coach_name);
	db_bind_text(stmt, 4, c->coach_email);
	db_bind_text(stmt, 5, c->tz);
	db_bind_int(stmt, 6, c->fee_cents);
	db_bind_text(stmt, 7, c->currency);
	db_bind_text(stmt, 8, c->starts_on);
	db_bind_text(stmt, 9, c->ends_on);
	db_bind_int(stmt, 10, time_now());
	db_bind_text(stmt, 11, c->language);
	if (db_step_done(stmt, e) < 0)
		return -1;
	id = sqlite3_last_insert_rowid(st->db);
	desc = cohort_describe(c);
	if (audit_add(st, id, "cohort add", c->slug, NULL, desc, e) < 0)
		id = -1;
	free(desc);
	return id;
}

static const char *const sql_cohort_update =
	"UPDATE cohort SET name = ?, coach_name = ?, coach_email = ?, tz = ?,"
	" fee_cents = ?, currency = ?, starts_on = ?, ends_on = ?,"
	" language = coalesce(?10, language) WHERE id = ?9";

int
cohort_update(struct store *st, const struct cohort *old, const struct cohort *c,
    su_err *e)
{
	char *before = NULL, *after = NULL;
	sqlite3_stmt *stmt;
	int rc = -1;

	struct cohort next = *c;

	if (next.language == NULL)	/* not given: as it was */
		next.language = old->language;
	if (cohort_check(&next, e) < 0)
		return -1;
	before = cohort_describe(old);
	after = cohort_describe(&next);
	if (strcmp(before, after) == 0) {
		rc = 0;
		goto done;
	}
	if ((stmt = store_stmt(st, sql_cohort_update, e)) == NULL)
		goto done;
	db_bind_text(stmt, 1, c->name);
	db_bind_text(stmt, 2, c->coach_name);
	db_bind_text(stmt, 3, c->coach_email);
	db_bind_text(stmt, 4, c->tz);
	db_bind_int(stmt, 5, c->fee_cents);
	db_bind_text(stmt, 6, c->currency);
	db_bind_text(stmt, 7, c->starts_on);
	db_bind_text(stmt, 8, c->ends_on);
	db_bind_int(stmt, 9, old->id);
	db_bind_text(stmt, 10, next.language);
	if (db_step_done(stmt, e) < 0 ||
	    audit_add(st, old->id, "cohort update", old->slug, before, after, e) < 0)
		goto done;
	rc = 1;
done:
	free(before);
	free(after);
	return rc;
}

static const char *const sql_cohort_columns =
	"SELECT id, slug, name, coach_name, coach_email, tz, fee_cents, currency,"
	" starts_on, ends_on, language FROM cohort ORDER BY slug";
static const char *const sql_cohort_by_slug =
	"SELECT id, slug, name, coach_name, coach_email, tz, fee_cents, currency,"
	" starts_on, ends_on, language FROM cohort WHERE slug = ?";

/* Fills 'c' from a row of sql_cohort_columns. */
static void
cohort_from_row(sqlite3_stmt *stmt, struct cohort *c)
{
	c->id = sqlite3_column_int64(stmt, 0);
	c->slug = db_column_dup(stmt, 1);
	c->name = db_column_dup(stmt, 2);
	c->coach_name = db_column_dup(stmt, 3);
	c->coach_email = db_column_dup(stmt, 4);
	c->tz = db_column_dup(stmt, 5);
	c->fee_cents = sqlite3_column_int64(stmt, 6);
	c->currency = db_column_dup(stmt, 7);
	c->starts_on = db_column_dup(stmt, 8);
	c->ends_on = db_column_dup(stmt, 9);
	c->language = db_column_dup(stmt, 10);
}

int
cohort_find(struct store *st, const char *slug, struct cohort *out, su_err *e)
{
	sqlite3_stmt *stmt = store_stmt(st, sql_cohort_by_slug, e);
	int rc;

	memset(out, 0, sizeof *out);
	if (stmt == NULL)
		return -1;
	db_bind_text(stmt, 1, slug);
	rc = db_step_row(stmt, e);
	if (rc == 1)
		cohort_from_row(stmt, out);
	else if (rc == 0)
		su_err_set(e, "no cohort '%s'", slug);
	sqlite3_reset(stmt);
	return rc;
}

int
cohort_list_all(struct store *st, struct cohort_list *out, su_err *e)
{
	sqlite3_stmt *stmt = db_prepare(st->db, sql_cohort_columns, e);
	size_t cap = 0;
	int rc;

	out->v = NULL;
	out->n = 0;
	if (stmt == NULL)
		return -1;
	while ((rc = db_step_row(stmt, e)) == 1) {
		if (out->n == cap) {
			cap = cap ? cap * 2 : 8;
			out->v = xrealloc(out->v, cap * sizeof *out->v);
		}
		cohort_from_row(stmt, &out->v[out->n++]);
	}
	sqlite3_finalize(stmt);
	if (rc < 0) {
		cohort_list_free(out);
		return -1;
	}
	return 0;
}

void
cohort_free(struct cohort *c)
{
	free(c->slug);
	free(c->name);
	free(c->coach_name);
	free(c->coach_email);
	free(c->tz);
	free(c->currency);
	free(c->starts_on);
	free(c->ends_on);
	free(c->language);
	memset(c, 0, sizeof *c);
}

void
cohort_list_free(struct cohort_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		cohort_free(&l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

int
cohort_stats(struct store *st, const struct cohort *c, int64_t now,
    struct cohort_stats *out, su_err *e)
{
	struct participant_list people = { 0 };
	struct session_list sessions = { 0 };

	memset(out, 0, sizeof *out);
	if (participant_list_all(st, c->id, 1, &people, e) < 0)
		return -1;
	if (session_list_all(st, c->id, &sessions, e) < 0) {
		participant_list_free(&people);
		return -1;
	}
	for (size_t i = 0; i < people.n; i++)
		out->active += people.v[i].status == PARTICIPANT_ACTIVE;
	out->withdrawn = people.n - out->active;
	out->sessions = sessions.n;
	for (size_t j = 0; j < sessions.n; j++) {
		const struct session *s = &sessions.v[j];

		out->cancelled += s->cancelled != 0;
		if (engine_session_held(s->cancelled, s->starts_at, now))
			out->held++;
	}
	out->to_come = out->sessions - out->held - out->cancelled;
	participant_list_free(&people);
	session_list_free(&sessions);
	return 0;
}
