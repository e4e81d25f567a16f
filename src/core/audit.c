/* audit.c - the append-only log of every change: when, who, what, old, new. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "showup/model.h"
#include "showup/timeutil.h"
#include "store-private.h"

static const char *const sql_audit_insert =
	"INSERT INTO audit (at, actor, cohort_id, action, subject, old, new, source)"
	" VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

int
audit_wanted(const struct store *st, int has_old_value)
{
	return has_old_value || !st->summarise_additions;
}

int
audit_add(struct store *st, int64_t cohort_id, const char *action,
    const char *subject, const char *old_value, const char *new_value, su_err *e)
{
	sqlite3_stmt *stmt;

	if (!audit_wanted(st, old_value != NULL))
		return 0;
	if ((stmt = store_stmt(st, sql_audit_insert, e)) == NULL)
		return -1;
	db_bind_int(stmt, 1, time_now());
	db_bind_text(stmt, 2, st->actor);
	if (cohort_id > 0)
		db_bind_int(stmt, 3, cohort_id);
	db_bind_text(stmt, 4, action);
	db_bind_text(stmt, 5, subject);
	db_bind_text(stmt, 6, old_value);
	db_bind_text(stmt, 7, new_value);
	db_bind_text(stmt, 8, st->source);
	return db_step_done(stmt, e);
}

/*
 * How each action reads in words: {s} the record, {o} the old value, {n} the new.
 * An action not listed reads "ACTION {s}: {o} -> {n}".
 */
static const struct {
	const char *action, *words;
} audit_words[] = {
	{ "record", "{s}: recorded {n}" },
	{ "correct", "{s}: corrected from {o} to {n}" },
	{ "unmark", "{s}: {o} taken back, not recorded" },
	{ "walk-in", "{n} came to session {s} as a walk-in" },
	{ "reschedule", "{s} moved their place from {o} to {n}" },
	{ "cohort add", "cohort {s} added: {n}" },
	{ "cohort update", "cohort {s} changed from {o} to {n}" },
	{ "participant add", "participant {n} added" },
	{ "participant update", "participant {s} changed from {o} to {n}" },
	{ "participant withdraw", "participant {s} withdrew: {n}" },
	{ "participant reinstate", "participant {s} reinstated (was {o})" },
	{ "participant erased", "participant {s} erased: {n}" },
	{ "session add", "session {s} added: {n}" },
	{ "session update", "session {s} changed from {o} to {n}" },
	{ "session move", "session {s} moved from {o} to {n}" },
	{ "session cancel", "session {s} called off: {n}" },
	{ "session uncancel", "session {s} brought back (was {o})" },
	{ "session delete", "session {s} deleted (was {o})" },
	{ "policy set", "policy: {s} changed from {o} to {n}" },
	{ "import", "{s} imported: {n}" },
	{ "notice plan", "notice to {s} planned: {n}" },
	{ "notice withdraw", "notice {s} withdrawn before sending" },
	{ "notice sent", "{s}: {n}" },
	{ "notice resend", "notice {s} queued again (was {o})" },
	{ "notice unknown", "{s}: a send was cut off; its notices are marked unknown" },
	{ "refund offer", "refund offer to {s}: {n}" },
	{ "coach review", "coach review of {s}: {n}" },
	{ "slot add", "{s}: {n} offered as a time to move to" },
	{ "slot remove", "{s}: the offer of {o} {n}" },
	{ "slot taken", "{s}: an offered time taken by {n}" },
};

char *
audit_sentence(const struct audit_entry *a)
{
	const char *words = NULL, *p;
	struct strbuf sb = STRBUF_INIT;

	for (size_t i = 0; i < ARRAY_SIZE(audit_words) && words == NULL; i++)
		if (strcmp(audit_words[i].action, a->action) == 0)
			words = audit_words[i].words;
	if (words == NULL) {
		sb_addf(&sb, "%s %s", a->action, a->subject);
		words = *a->old_value ? ": {o} -> {n}" : ": {n}";
	}
	for (p = words; *p; p++) {
		if (p[0] == '{' && p[1] != '\0' && p[2] == '}' && strchr("son", p[1])) {
			sb_adds(&sb, p[1] == 's' ? a->subject : p[1] == 'o' ? a->old_value
			    : a->new_value);
			p += 2;
		} else {
			sb_add(&sb, p, 1);
		}
	}
	return sb_detach(&sb);
}

static const char *const sql_audit_recent =
	"SELECT * FROM (SELECT a.id, a.at, a.actor, coalesce(c.slug, ''), a.action,"
	" a.subject, a.old, a.new, a.source FROM audit a"
	" LEFT JOIN cohort c ON c.id = a.cohort_id"
	" WHERE ?1 = 0 OR a.cohort_id = ?1 ORDER BY a.id DESC LIMIT ?2)"
	" ORDER BY id";

int
audit_list_recent(struct store *st, int64_t cohort_id, size_t limit,
    struct audit_list *out, su_err *e)
{
	sqlite3_stmt *stmt = store_stmt(st, sql_audit_recent, e);
	size_t cap = 0;
	int rc;

	out->v = NULL;
	out->n = 0;
	if (stmt == NULL)
		return -1;
	db_bind_int(stmt, 1, cohort_id);
	db_bind_int(stmt, 2, limit == 0 ? -1 : (int64_t)limit);
	while ((rc = db_step_row(stmt, e)) == 1) {
		struct audit_entry *a;

		if (out->n == cap) {
			cap = cap ? cap * 2 : 32;
			out->v = xrealloc(out->v, cap * sizeof *out->v);
		}
		a = &out->v[out->n++];
		a->id = sqlite3_column_int64(stmt, 0);
		a->at = sqlite3_column_int64(stmt, 1);
		a->actor = db_column_dup(stmt, 2);
		a->cohort_slug = db_column_dup(stmt, 3);
		a->action = db_column_dup(stmt, 4);
		a->subject = db_column_dup(stmt, 5);
		a->old_value = db_column_dup(stmt, 6);
		a->new_value = db_column_dup(stmt, 7);
		a->source = db_column_dup(stmt, 8);
	}
	sqlite3_reset(stmt);
	if (rc < 0) {
		audit_list_free(out);
		return -1;
	}
	return 0;
}

void
audit_list_free(struct audit_list *l)
{
	for (size_t i = 0; i < l->n; i++) {
		struct audit_entry *a = &l->v[i];
		free(a->actor);
		free(a->cohort_slug);
		free(a->action);
		free(a->subject);
		free(a->old_value);
		free(a->new_value);
		free(a->source);
	}
	free(l->v);
	l->v = NULL;
	l->n = 0;
}
