/* SPDX-License-Identifier: Apache-2.0 */
/* participant.c - the people of a cohort, known by e-mail (compared without case). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "showup/lang.h"
#include "showup/message.h"
#include "showup/model.h"
#include "showup/places.h"
#include "showup/timeutil.h"
#include "showup/words.h"
#include "store-private.h"

/* Checks a participant's name, e-mail and company; 0 or -1 with 'e' set. */
static int
participant_check(const char *name, const char *email, const char *company, su_err *e)
{
	if (name == NULL || *name == '\0')
		return su_err_set(e, "no name for '%s'", email ? email : "");
	if (email == NULL || *email == '\0')
		return su_err_set(e, "no e-mail address for '%s'", name);
	if (text_fits("name", name, FIELD_NAME_MAX, e) < 0 ||
	    text_fits("e-mail address", email, FIELD_EMAIL_MAX, e) < 0 ||
	    text_fits("company", company, FIELD_NAME_MAX, e) < 0)
		return -1;
	if (str_has_control(name))
		return su_err_set(e, "the name '%s' holds a control character (line break?)",
		    name);
	if (str_has_control(email))
		return su_err_set(e, "the e-mail address of '%s' holds a control character",
		    name);
	if (company && str_has_control(company))
		return su_err_set(e, "the company '%s' holds a control character (line "
		    "break?)", company);
	if (!email_valid(email))
		return su_err_set(e, "'%s' is not an e-mail address", email);
	return 0;
}

static const char *const sql_participant_insert =
	"INSERT INTO participant (cohort_id, name, email, company) VALUES (?,?,?,?)";

int64_t
participant_add(struct store *st, const struct cohort *c, const char *name,
    const char *email, const char *company, su_err *e)
{
	struct participant found;
	sqlite3_stmt *stmt;
	char *desc;
	int64_t id;

	if (participant_check(name, email, company, e) < 0)
		return -1;
	switch (participant_find(st, c, email, &found, e)) {
	case 1:
		su_err_set(e, "'%s' is already in cohort '%s' (as %s)", email,
		    c->slug, found.name);
		participant_free(&found);
		return -1;
	case -1:
		return -1;	/* the store's own message */
	}
	if ((stmt = store_stmt(st, sql_participant_insert, e)) == NULL)
		return -1;
	db_bind_int(stmt, 1, c->id);
	db_bind_text(stmt, 2, name);
	db_bind_text(stmt, 3, email);
	db_bind_text(stmt, 4, company ? company : "");
	if (db_step_done(stmt, e) < 0)
		return -1;
	id = sqlite3_last_insert_rowid(st->db);
	desc = xasprintf("%s <%s>%s%s", name, email, company && *company ? ", " : "",
	    company ? company : "");
	if (audit_add(st, c->id, "participant add", email, NULL, desc, e) < 0)
		id = -1;
	free(desc);
	return id;
}

static const char *const sql_participant_update =
	"UPDATE participant SET name = ?, email = ?, company = ? WHERE id = ?";

/*
 * Readdresses participant p's notices not sent yet (pending, retry) to
 * "name <email>": the rest of each message stays byte for byte. 0 or -1.
 */
static int
readdress_outbox(struct store *st, int64_t participant_id, const char *name,
    const char *email, su_err *e)
{
	static const char *const sql_due = "SELECT id, message FROM outbox"
	    " WHERE participant_id = ? AND (state = 'pending' OR state = 'retry')"
	    " AND length(message) > 0";	/* a notice riding in another's has none */
	static const char *const sql_set = "UPDATE outbox SET message = ? WHERE id = ?";
	sqlite3_stmt *due = store_stmt(st, sql_due, e), *set;
	int rc;

	if (due == NULL)
		return -1;
	db_bind_int(due, 1, participant_id);
	while ((rc = db_step_row(due, e)) == 1) {
		struct strbuf msg = STRBUF_INIT;

		rc = message_replace_to(sqlite3_column_blob(due, 1),
		    (size_t)sqlite3_column_bytes(due, 1), name, email, &msg, e);
		if (rc == 0 && (set = store_stmt(st, sql_set, e)) == NULL)
			rc = -1;
		if (rc == 0) {
			sqlite3_bind_blob(set, 1, msg.buf, (int)msg.len, SQLITE_TRANSIENT);
			db_bind_int(set, 2, sqlite3_column_int64(due, 0));
			rc = db_step_done(set, e);
		}
		sb_free(&msg);
		if (rc < 0)
			break;
	}
	sqlite3_reset(due);
	return rc < 0 ? -1 : 0;
}

/* Refuses an e-mail address another participant of cohort c has; 0 or -1 with 'e'. */
static int
email_free(struct store *st, const struct cohort *c, const struct participant *old,
    const char *email, su_err *e)
{
	struct participant other;
	int found = participant_find(st, c, email, &other, e);
	int taken = found == 1 && other.id != old->id;

	if (found < 0)
		return -1;
	if (taken)
		su_err_set(e, "'%s' is %s's address already, in cohort '%s'", email, other.name,
		    c->slug);
	participant_free(&other);
	return taken ? -1 : 0;
}

int
participant_update(struct store *st, const struct cohort *c,
    const struct participant *old, const char *name, const char *email,
    const char *company, su_err *e)
{
	char *before, *after;
	sqlite3_stmt *stmt;
	int rc = -1;

	if (participant_check(name, email, company, e) < 0 ||
	    email_free(st, c, old, email, e) < 0)
		return -1;
	if (strcmp(old->name, name) == 0 && strcmp(old->email, email) == 0 &&
	    strcmp(old->company, company) == 0)
		return 0;
	before = xasprintf("%s <%s>, %s", old->name, old->email, old->company);
	after = xasprintf("%s <%s>, %s", name, email, company);
	if ((stmt = store_stmt(st, sql_participant_update, e)) == NULL)
		goto done;
	db_bind_text(stmt, 1, name);
	db_bind_text(stmt, 2, email);
	db_bind_text(stmt, 3, company);
	db_bind_int(stmt, 4, old->id);
	if (db_step_done(stmt, e) < 0 ||
	    audit_add(st, c->id, "participant update", old->email, before, after, e) < 0)
		goto done;
	if ((strcmp(old->name, name) != 0 || strcmp(old->email, email) != 0) &&
	    readdress_outbox(st, old->id, name, email, e) < 0)
		goto done;
	rc = 1;
done:
	free(before);
	free(after);
	return rc;
}

static const char *const sql_participant_call_name =
	"UPDATE participant SET call_name = ? WHERE id = ?";

int
participant_set_call_name(struct store *st, const struct cohort *c,
    const struct participant *p, const char *call_name, su_err *e)
{
	sqlite3_stmt *stmt;

	if (text_fits("call name", call_name, FIELD_NAME_MAX, e) < 0)
		return -1;
	if (str_has_control(call_name))
		return su_err_set(e, "the call name '%s' holds a control character (line "
		    "break?)", call_name);
	if (strcmp(p->call_name ? p->call_name : "", call_name) == 0)
		return 0;
	if ((stmt = store_stmt(st, sql_participant_call_name, e)) == NULL)
		return -1;
	db_bind_text(stmt, 1, call_name);
	db_bind_int(stmt, 2, p->id);
	if (db_step_done(stmt, e) < 0 || audit_add(st, c->id, "participant call name",
	    p->email, p->call_name ? p->call_name : "", call_name, e) < 0)
		return -1;
	return 1;
}

char *
participant_call_name(const struct participant *p)
{
	return p->call_name && *p->call_name ? xstrdup(p->call_name)
	    : call_name_default(p->name);
}

static const char *const sql_participant_language =
	"UPDATE participant SET language = nullif(?, '') WHERE id = ?";

int
participant_set_language(struct store *st, const struct cohort *c,
    const struct participant *p, const char *lang, su_err *e)
{
	sqlite3_stmt *stmt;

	if (*lang != '\0' && !lang_known(lang))
		return su_err_set(e, "'%s' is not a language showup speaks (en, de, fr, es)",
		    lang);
	if (strcmp(p->language ? p->language : "", lang) == 0)
		return 0;
	if ((stmt = store_stmt(st, sql_participant_language, e)) == NULL)
		return -1;
	db_bind_text(stmt, 1, lang);
	db_bind_int(stmt, 2, p->id);
	if (db_step_done(stmt, e) < 0 || audit_add(st, c->id, "participant language",
	    p->email, p->language ? p->language : "", lang, e) < 0)
		return -1;
	return 1;
}

const char *
participant_language(const struct participant *p, const struct cohort *c)
{
	return p->language && *p->language ? p->language : c->language;
}

static const char *const sql_participant_reinstate =
	"UPDATE participant SET status = 'active', withdrawn_at = NULL WHERE id = ?";

int
participant_reinstate(struct store *st, const struct cohort *c, const struct participant *p,
    su_err *e)
{
	sqlite3_stmt *stmt;
	char at[40], *before;
	int rc;

	if (p->status != PARTICIPANT_WITHDRAWN)
		return su_err_set(e, "'%s' has not withdrawn from '%s'", p->email, c->slug);
	if ((stmt = store_stmt(st, sql_participant_reinstate, e)) == NULL)
		return -1;
	db_bind_int(stmt, 1, p->id);
	if (db_step_done(stmt, e) < 0)
		return -1;
	before = xasprintf("withdrawn %s", time_format_iso(c->tz, p->withdrawn_at, at,
	    sizeof at));
	rc = audit_add(st, c->id, "participant reinstate", p->email, before, "active", e);
	free(before);
	return rc;
}

#define PARTICIPANT_COLUMNS \
	"SELECT id, cohort_id, name, email, company, status, withdrawn_at, call_name," \
	" language" \
	" FROM participant"
static const char *const sql_participant_by_email =
	PARTICIPANT_COLUMNS " WHERE cohort_id = ? AND email = ?";
static const char *const sql_participant_all =
	PARTICIPANT_COLUMNS " WHERE cohort_id = ?1 AND (?2 OR status = 'active')"
	" ORDER BY name, email";

/* Fills 'p' from a row of PARTICIPANT_COLUMNS. */
static void
participant_from_row(sqlite3_stmt *stmt, struct participant *p)
{
	p->id = sqlite3_column_int64(stmt, 0);
	p->cohort_id = sqlite3_column_int64(stmt, 1);
	p->name = db_column_dup(stmt, 2);
	p->email = db_column_dup(stmt, 3);
	p->company = db_column_dup(stmt, 4);
	p->status = strcmp((const char *)sqlite3_column_text(stmt, 5), "withdrawn") == 0
	    ? PARTICIPANT_WITHDRAWN : PARTICIPANT_ACTIVE;
	p->withdrawn_at = sqlite3_column_int64(stmt, 6);
	p->call_name = db_column_dup(stmt, 7);
	p->language = sqlite3_column_type(stmt, 8) == SQLITE_NULL ? NULL
	    : db_column_dup(stmt, 8);
}

int
participant_find(struct store *st, const struct cohort *c, const char *email,
    struct participant *out, su_err *e)
{
	sqlite3_stmt *stmt = store_stmt(st, sql_participant_by_email, e);
	int rc;

	memset(out, 0, sizeof *out);
	if (stmt == NULL)
		return -1;
	db_bind_int(stmt, 1, c->id);
	db_bind_text(stmt, 2, email);
	rc = db_step_row(stmt, e);
	if (rc == 1)
		participant_from_row(stmt, out);
	else if (rc == 0)
		su_err_set(e, "no participant '%s' in cohort '%s'", email, c->slug);
	sqlite3_reset(stmt);
	return rc;
}

int
participant_list_all(struct store *st, int64_t cohort_id, int all,
    struct participant_list *out, su_err *e)
{
	sqlite3_stmt *stmt = store_stmt(st, sql_participant_all, e);
	size_t cap = 0;
	int rc;

	out->v = NULL;
	out->n = 0;
	if (stmt == NULL)
		return -1;
	db_bind_int(stmt, 1, cohort_id);
	db_bind_int(stmt, 2, all);
	while ((rc = db_step_row(stmt, e)) == 1) {
		if (out->n == cap) {
			cap = cap ? cap * 2 : 16;
			out->v = xrealloc(out->v, cap * sizeof *out->v);
		}
		participant_from_row(stmt, &out->v[out->n++]);
	}
	sqlite3_reset(stmt);
	if (rc < 0) {
		participant_list_free(out);
		return -1;
	}
	return 0;
}

static const char *const sql_participant_withdraw =
	"UPDATE participant SET status = 'withdrawn', withdrawn_at = ? WHERE id = ?";

int
participant_withdraw(struct store *st, const struct cohort *c,
    const struct participant *p, int64_t when, su_err *e)
{
	sqlite3_stmt *stmt;
	char at[40], *desc;
	int rc;

	if (p->status == PARTICIPANT_WITHDRAWN)
		return su_err_set(e, "'%s' has already withdrawn (on %s)", p->email,
		    time_format_local(c->tz, p->withdrawn_at, at, sizeof at));
	if ((stmt = store_stmt(st, sql_participant_withdraw, e)) == NULL)
		return -1;
	db_bind_int(stmt, 1, when);
	db_bind_int(stmt, 2, p->id);
	if (db_step_done(stmt, e) < 0)
		return -1;
	desc = xasprintf("withdrawn %s", time_format_iso(c->tz, when, at, sizeof at));
	rc = audit_add(st, c->id, "participant withdraw", p->email, "active", desc, e);
	free(desc);
	if (rc == 0)	/* the places they held go to those waiting */
		rc = places_fill_after(st, c, p, time_now(), e);
	return rc;
}

void
participant_free(struct participant *p)
{
	free(p->name);
	free(p->email);
	free(p->company);
	free(p->call_name);
	free(p->language);
	memset(p, 0, sizeof *p);
}

void
participant_list_free(struct participant_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		participant_free(&l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = 0;
}
