/* SPDX-License-Identifier: Apache-2.0 */
/* erase.c - a person erased when asked: their words become a pseudonym wherever
 * they stand, their reasons their class, and the file forgets the rest. */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "showup/model.h"
#include "showup/policy-store.h"
#include "showup/policy.h"
#include "showup/privacy.h"
#include "showup/timeutil.h"
#include "store-private.h"

/* One piece of text to replace: a person's word, or (whole words only) a reason code. */
struct needle {
	char *from;
	size_t len;
	const char *to;
	int reason;		/* a reason code: whole words only, and no mention by itself */
};

/* What the SQL functions of an erasure replace, and the policy that classes reasons. */
struct scrub {
	struct needle *v;
	size_t n, cap;
	const struct policy *pol;
};

/* The text a note, the company and free text become. */
#define ERASED_TEXT "(erased)"

/* Adds needle 'from' (copied; ignored when empty or there already) to 'sc'. */
static void
needle_add(struct scrub *sc, const char *from, const char *to, int reason)
{
	if (from == NULL || *from == '\0')
		return;
	for (size_t i = 0; i < sc->n; i++)
		if (str_ieq(sc->v[i].from, from))
			return;
	if (sc->n == sc->cap) {
		sc->cap = sc->cap ? sc->cap * 2 : 16;
		sc->v = xrealloc(sc->v, sc->cap * sizeof *sc->v);
	}
	sc->v[sc->n++] = (struct needle){ xstrdup(from), strlen(from), to, reason };
}

/* Orders needles longest first, so that an address goes before the name inside it. */
static int
needle_cmp(const void *a, const void *b)
{
	size_t la = ((const struct needle *)a)->len, lb = ((const struct needle *)b)->len;

	return la < lb ? 1 : la > lb ? -1 : 0;
}

/* Drops the reason codes of 'sc' (those of one cohort's policy), keeping the person's words. */
static void
scrub_drop_reasons(struct scrub *sc)
{
	size_t k = 0;

	for (size_t i = 0; i < sc->n; i++) {
		if (sc->v[i].reason)
			free(sc->v[i].from);
		else
			sc->v[k++] = sc->v[i];
	}
	sc->n = k;
}

static void
scrub_free(struct scrub *sc)
{
	for (size_t i = 0; i < sc->n; i++)
		free(sc->v[i].from);
	free(sc->v);
	memset(sc, 0, sizeof *sc);
}

/* Returns 1 if byte c may stand beside a whole word (not a letter, digit, '-' or '_'). */
static int
word_edge(unsigned char c)
{
	return !(isalnum(c) || c == '-' || c == '_' || c >= 0x80);
}

/* Returns 1 if needle 'nd' stands at s[i] (of 'len' bytes), ASCII case ignored. */
static int
needle_at(const struct needle *nd, const unsigned char *s, size_t len, size_t i)
{
	if (len - i < nd->len)
		return 0;
	for (size_t k = 0; k < nd->len; k++)
		if (tolower(s[i + k]) != tolower((unsigned char)nd->from[k]))
			return 0;
	if (!nd->reason)
		return 1;
	return (i == 0 || word_edge(s[i - 1])) &&
	    (i + nd->len == len || word_edge(s[i + nd->len]));
}

/* Returns the needle of 'sc' at s[i], or NULL; 'mentions' leaves reason codes out. */
static const struct needle *
needle_find(const struct scrub *sc, const unsigned char *s, size_t len, size_t i,
    int mentions)
{
	for (size_t k = 0; k < sc->n; k++)
		if (!(mentions && sc->v[k].reason) && needle_at(&sc->v[k], s, len, i))
			return &sc->v[k];
	return NULL;
}

/* Returns 1 if one of the person's words is in s (of 'len' bytes). */
static int
mentions_in(const struct scrub *sc, const unsigned char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (needle_find(sc, s, len, i, 1) != NULL)
			return 1;
	return 0;
}

/* Decodes quoted-printable soft breaks and =XX escapes of s into 'out'. */
static void
qp_decode(const unsigned char *s, size_t len, struct strbuf *out)
{
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '=' && i + 2 < len && s[i + 1] == '\r' && s[i + 2] == '\n') {
			i += 2;
		} else if (s[i] == '=' && i + 2 < len && isxdigit(s[i + 1]) &&
		    isxdigit(s[i + 2])) {
			char hex[3] = { (char)s[i + 1], (char)s[i + 2], 0 };

			sb_addc(out, (char)strtol(hex, NULL, 16));
			i += 2;
		} else {
			sb_addc(out, (char)s[i]);
		}
	}
}

/* Returns 1 if s names the person as it stands or read as quoted-printable. */
static int
mentions_any(const struct scrub *sc, const unsigned char *s, size_t len)
{
	struct strbuf sb = STRBUF_INIT;
	int found = mentions_in(sc, s, len);

	if (!found && memchr(s, '=', len) != NULL) {
		qp_decode(s, len, &sb);
		found = mentions_in(sc, (const unsigned char *)sb.buf, sb.len);
	}
	sb_free(&sb);
	return found;
}

/* SQL su_mentions(x): 1 if x (text, or a message's bytes) names the person. */
static void
sql_mentions(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const unsigned char *s = sqlite3_value_blob(argv[0]);

	(void)argc;
	sqlite3_result_int(ctx, s != NULL && mentions_any(sqlite3_user_data(ctx), s,
	    (size_t)sqlite3_value_bytes(argv[0])));
}

/* SQL su_scrub(x): text x with every needle replaced (NULL stays NULL). */
static void
sql_scrub(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const struct scrub *sc = sqlite3_user_data(ctx);
	const unsigned char *s = sqlite3_value_text(argv[0]);
	size_t len = (size_t)sqlite3_value_bytes(argv[0]);
	struct strbuf sb = STRBUF_INIT;

	(void)argc;
	if (s == NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	for (size_t i = 0; i < len; i++) {
		const struct needle *nd = needle_find(sc, s, len, i, 0);

		if (nd == NULL) {
			sb_addc(&sb, (char)s[i]);
			continue;
		}
		sb_adds(&sb, nd->to);
		i += nd->len - 1;
	}
	sqlite3_result_text(ctx, sb.buf ? sb.buf : "", (int)sb.len, SQLITE_TRANSIENT);
	sb_free(&sb);
}

/* Returns the class a stored reason becomes: kept when empty or a reschedule's mark. */
static const char *
reason_class(const struct policy *pol, const char *reason)
{
	if (*reason == '\0' || strcmp(reason, POLICY_RESCHEDULE_REASON) == 0)
		return reason;
	return policy_reason_accepted(pol, reason) ? POLICY_REASON_EXCUSED
	    : POLICY_REASON_NOT_EXCUSED;
}

/* SQL su_class(reason): the reason's class under the cohort's policy. */
static void
sql_class(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const struct scrub *sc = sqlite3_user_data(ctx);
	const char *r = (const char *)sqlite3_value_text(argv[0]);

	(void)argc;
	sqlite3_result_text(ctx, reason_class(sc->pol, r ? r : ""), -1, SQLITE_TRANSIENT);
}

/* Registers (sc) or removes (NULL) the erasure's SQL functions; 0 or -1. */
static int
scrub_register(struct store *st, struct scrub *sc, su_err *e)
{
	static const struct {
		const char *name;
		void (*fn)(sqlite3_context *, int, sqlite3_value **);
	} fns[] = { { "su_mentions", sql_mentions }, { "su_scrub", sql_scrub },
		    { "su_class", sql_class } };

	for (size_t i = 0; i < ARRAY_SIZE(fns); i++)
		if (sqlite3_create_function(st->db, fns[i].name, 1, SQLITE_UTF8, sc,
		    sc ? fns[i].fn : NULL, NULL, NULL) != SQLITE_OK)
			return su_err_set(e, STORE_ERROR_PREFIX "%s", sqlite3_errmsg(st->db));
	return 0;
}

/* Runs 'sql' once (prepared here: it calls the erasure's functions) with 'id' as ?1. */
static int
run_once(struct store *st, const char *sql, int64_t id, su_err *e)
{
	sqlite3_stmt *stmt = db_prepare(st->db, sql, e);
	int rc;

	if (stmt == NULL)
		return -1;
	if (sqlite3_bind_parameter_count(stmt) > 0)
		db_bind_int(stmt, 1, id);
	rc = db_step_done(stmt, e);
	sqlite3_finalize(stmt);
	return rc;
}

/* Returns 1 if the participant table has a column 'call_name' (a later schema's), 0 if not. */
static int
has_call_name(struct store *st, su_err *e)
{
	return store_exists(st, "SELECT 1 FROM pragma_table_info('participant')"
	    " WHERE name = 'call_name'", NULL, 0, e);
}

/* Adds to 'sc' every word of record 'id' that names the person or that they wrote. */
static int
gather_words(struct store *st, int64_t id, int call_name, const struct pseudonym *ps,
    struct scrub *sc, su_err *e)
{
	static const char *const sql[] = {
		"SELECT name FROM participant WHERE id = ?1",
		"SELECT email FROM participant WHERE id = ?1",
		"SELECT company FROM participant WHERE id = ?1",
		"SELECT call_name FROM participant WHERE id = ?1",
		"SELECT note FROM attendance WHERE participant_id = ?1 UNION"
		" SELECT note FROM attendance_replaced WHERE participant_id = ?1 UNION"
		" SELECT note FROM reschedule WHERE participant_id = ?1 UNION"
		" SELECT note FROM review WHERE participant_id = ?1",
	};
	const char *to[] = { ps->name, ps->email, ERASED_TEXT, ps->name, ERASED_TEXT };
	int rc = 0;

	for (size_t i = 0; i < ARRAY_SIZE(sql) && rc >= 0; i++) {
		sqlite3_stmt *stmt;

		if (i == 3 && !call_name)
			continue;
		if ((stmt = db_prepare(st->db, sql[i], e)) == NULL)
			return -1;
		db_bind_int(stmt, 1, id);
		while ((rc = db_step_row(stmt, e)) == 1)
			needle_add(sc, (const char *)sqlite3_column_text(stmt, 0), to[i], 0);
		sqlite3_finalize(stmt);
	}
	return rc;
}

/* Adds cohort c's reason codes (whole words) to 'sc', each to its class, for its audit. */
static void
add_reasons(struct scrub *sc, const struct policy *pol)
{
	for (size_t i = 0; i < pol->n_accepted; i++)
		needle_add(sc, pol->accepted[i], POLICY_REASON_EXCUSED, 1);
	for (size_t i = 0; i < pol->n_other; i++)
		needle_add(sc, pol->other[i], POLICY_REASON_NOT_EXCUSED, 1);
	qsort(sc->v, sc->n, sizeof *sc->v, needle_cmp);
}

/*
 * The statements that erase record ?1 (its cohort's policy registered): its own
 * rows first, then what names it elsewhere in its cohort.
 */
static const char *const erase_sql[] = {
	"UPDATE attendance SET reason = su_class(reason), note = '' WHERE participant_id = ?1",
	"UPDATE attendance_replaced SET reason = su_class(reason), note = ''"
	" WHERE participant_id = ?1",
	"UPDATE reschedule SET note = '' WHERE participant_id = ?1",
	"UPDATE review SET note = '' WHERE participant_id = ?1",
	/* the person's messages: the subject kept in pseudonym, the text gone */
	"UPDATE outbox SET subject = su_scrub(subject), reply = su_scrub(reply),"
	" message = CAST('Message-ID: ' || message_id || char(13, 10) || 'Subject: '"
	" || su_scrub(subject) || char(13, 10, 13, 10) || 'The text of this message was"
	" erased with its participant.' || char(13, 10) AS BLOB) WHERE participant_id = ?1",
	/* other people's messages that name them: a pending one planned again */
	"UPDATE outbox SET subject = su_scrub(subject), state = CASE WHEN state = 'pending'"
	" OR state = 'retry' THEN 'withdrawn' ELSE state END,"
	" message = CAST('Message-ID: ' || message_id || char(13, 10) || 'Subject: '"
	" || su_scrub(subject) || char(13, 10, 13, 10) || 'The text of this message named"
	" a participant since erased.' || char(13, 10) AS BLOB)"
	" WHERE cohort_id = (SELECT cohort_id FROM participant WHERE id = ?1)"
	" AND (participant_id IS NULL OR participant_id <> ?1)"	/* the coach's too */
	" AND state <> 'sending' AND su_mentions(message)",
	"UPDATE attendance SET note = su_scrub(note) WHERE note <> '' AND su_mentions(note)"
	" AND session_id IN (SELECT s.id FROM session s JOIN participant p"
	" ON p.cohort_id = s.cohort_id WHERE p.id = ?1)",
	"UPDATE session SET cancel_note = su_scrub(cancel_note) WHERE cancel_note <> ''"
	" AND su_mentions(cancel_note)"
	" AND cohort_id = (SELECT cohort_id FROM participant WHERE id = ?1)",
	"UPDATE audit SET subject = su_scrub(subject), old = su_scrub(old), new = su_scrub(new),"
	" actor = su_scrub(actor) WHERE (cohort_id IS NULL OR cohort_id ="
	" (SELECT cohort_id FROM participant WHERE id = ?1)) AND (su_mentions(subject)"
	" OR su_mentions(old) OR su_mentions(new) OR su_mentions(actor))",
};

/* Finds the cohort of record 'id' and loads its policy; 0 or -1. */
static int
record_cohort(struct store *st, int64_t id, struct cohort *c, struct policy *pol, su_err *e)
{
	sqlite3_stmt *stmt = store_stmt_bound(st, "SELECT c.slug FROM participant p"
	    " JOIN cohort c ON c.id = p.cohort_id WHERE p.id = ?", &id, 1, e);
	char *slug;
	int rc;

	if (stmt == NULL)
		return -1;
	if ((rc = db_step_row(stmt, e)) != 1) {
		sqlite3_reset(stmt);
		return rc < 0 ? -1 : su_err_set(e, "no participant record %lld", (long long)id);
	}
	slug = db_column_dup(stmt, 0);
	sqlite3_reset(stmt);
	rc = cohort_find(st, slug, c, e) == 1 ? 0 : -1;
	free(slug);
	if (rc == 0 && (rc = policy_load(st, c, pol, e)) < 0)
		cohort_free(c);
	return rc;
}

/*
 * Sets record id's own fields to the pseudonym and marks it erased; its notices
 * not sent are dropped and those to come held for good (no message goes to the
 * pseudonym's address). 0 or -1.
 */
static int
erase_fields(struct store *st, int64_t id, int call_name, const struct pseudonym *ps,
    su_err *e)
{
	int64_t hold[2] = { id, time_now() };
	sqlite3_stmt *stmt = store_stmt(st, "UPDATE participant SET name = ?, email = ?,"
	    " company = '', erased_at = ? WHERE id = ?", e);

	if (stmt == NULL)
		return -1;
	db_bind_text(stmt, 1, ps->name);
	db_bind_text(stmt, 2, ps->email);
	db_bind_int(stmt, 3, hold[1]);
	db_bind_int(stmt, 4, id);
	if (db_step_done(stmt, e) < 0 || store_run(st, "INSERT OR REPLACE INTO notice_hold"
	    " (participant_id, held_at, until_at) VALUES (?, ?, NULL)", hold, 2, e) < 0 ||
	    store_run(st, "UPDATE outbox SET state = 'withdrawn', held_at = NULL,"	/* dropped */
	    " dropped_at = ?2 WHERE participant_id = ?1 AND (state = 'pending' OR"
	    " state = 'retry')", hold, 2, e) < 0)
		return -1;
	return call_name ? run_once(st, "UPDATE participant SET call_name = '' WHERE id = ?1",
	    id, e) : 0;
}

/* Erases record 'id' with the person's words in 'sc' (its cohort's reasons added here). */
static int
erase_one(struct store *st, int64_t id, int call_name, const struct pseudonym *ps,
    const char *why, struct scrub *sc, su_err *e)
{
	struct cohort c;
	struct policy pol;
	int rc = 0;

	if (record_cohort(st, id, &c, &pol, e) < 0)
		return -1;
	sc->pol = &pol;
	add_reasons(sc, &pol);
	for (size_t i = 0; i < ARRAY_SIZE(erase_sql) && rc == 0; i++)
		rc = run_once(st, erase_sql[i], id, e);
	if (rc == 0)
		rc = erase_fields(st, id, call_name, ps, e);
	if (rc == 0)
		rc = audit_add(st, c.id, "participant erased", ps->email, NULL, why, e);
	scrub_drop_reasons(sc);
	sc->pol = NULL;
	cohort_free(&c);
	return rc;
}

int
privacy_erase(struct store *st, const int64_t *ids, size_t n, const char *why,
    struct pseudonym *ps, su_err *e)
{
	struct scrub sc = { 0 };
	int call_name = has_call_name(st, e), rc = call_name < 0 ? -1 : 0;

	if (rc == 0)
		rc = privacy_pseudonym(st, ps, e);

	for (size_t i = 0; i < n && rc == 0; i++)
		rc = gather_words(st, ids[i], call_name, ps, &sc, e);
	if (rc == 0)
		rc = db_exec(st->db, "PRAGMA secure_delete = ON", e);
	if (rc == 0)
		rc = scrub_register(st, &sc, e);
	for (size_t i = 0; i < n && rc == 0; i++)
		rc = erase_one(st, ids[i], call_name, ps, why, &sc, e);
	scrub_register(st, NULL, NULL);
	scrub_free(&sc);
	return rc;
}

int
privacy_pseudonym(struct store *st, struct pseudonym *out, su_err *e)
{
	static const char *const sql = "SELECT 1 FROM participant WHERE email = ? OR name = ?";

	for (int tries = 0; tries < 256; tries++) {
		unsigned char b[4];
		sqlite3_stmt *stmt;
		int rc;

		sqlite3_randomness(sizeof b, b);
		if (tries < 64)	/* four hex digits, eight once those seem taken */
			snprintf(out->name, sizeof out->name, "erased %02x%02x", b[0], b[1]);
		else
			snprintf(out->name, sizeof out->name, "erased %02x%02x%02x%02x", b[0],
			    b[1], b[2], b[3]);
		snprintf(out->email, sizeof out->email, "erased-%s@erased.invalid",
		    out->name + strlen("erased "));
		if ((stmt = store_stmt(st, sql, e)) == NULL)
			return -1;
		db_bind_text(stmt, 1, out->email);
		db_bind_text(stmt, 2, out->name);
		rc = db_step_row(stmt, e);
		sqlite3_reset(stmt);
		if (rc <= 0)
			return rc;
	}
	return su_err_set(e, "no pseudonym free after 256 tries");
}

/* Runs a checkpoint that truncates the WAL; 0, or -1 when a reader kept it from finishing. */
static int
checkpoint_truncate(struct store *st, su_err *e)
{
	int log = 0, done = 0;

	if (sqlite3_wal_checkpoint_v2(st->db, NULL, SQLITE_CHECKPOINT_TRUNCATE, &log, &done)
	    != SQLITE_OK)
		return su_err_set(e, "cannot empty the write-ahead log of '%s': %s (another "
		    "showup may hold it open: run this again when it is done)", st->path,
		    sqlite3_errmsg(st->db));
	return 0;
}

int
privacy_forget(struct store *st, su_err *e)
{
	if (store_in_transaction(st))
		return su_err_set(e, "privacy_forget: called inside a transaction");
	if (db_exec(st->db, "PRAGMA secure_delete = ON", e) < 0 ||
	    checkpoint_truncate(st, e) < 0 || db_exec(st->db, "VACUUM", e) < 0)
		return -1;
	return checkpoint_truncate(st, e);
}

int
participant_erased(struct store *st, int64_t id, su_err *e)
{
	return store_exists(st, "SELECT 1 FROM participant WHERE id = ? AND erased_at IS NOT NULL",
	    &id, 1, e);
}

int
privacy_person_ids(struct store *st, const char *email, int64_t **ids, size_t *n, su_err *e)
{
	sqlite3_stmt *stmt = store_stmt(st, "SELECT id FROM participant WHERE email = ?"
	    " ORDER BY id", e);
	int rc;

	*ids = NULL;
	*n = 0;
	if (stmt == NULL)
		return -1;
	db_bind_text(stmt, 1, email);
	while ((rc = db_step_row(stmt, e)) == 1) {
		*ids = xrealloc(*ids, (*n + 1) * sizeof **ids);
		(*ids)[(*n)++] = sqlite3_column_int64(stmt, 0);
	}
	sqlite3_reset(stmt);
	return rc;
}
