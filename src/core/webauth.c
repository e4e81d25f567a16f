/* SPDX-License-Identifier: Apache-2.0 */
/* webauth.c - the key, the participants' signed links, login tokens, browser sessions
 * and form tokens of showup serve, on libsodium's HMAC-SHA256 and random bytes. */
#include "config.h"

#include <inttypes.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "showup/model.h"
#include "showup/webauth.h"
#include "store-private.h"

/* Makes sure libsodium is ready (its init may run any number of times). */
static void
sodium_ready(void)
{
	if (sodium_init() < 0)
		abort();	/* no source of randomness: nothing here can be safe */
}

/* Writes 32 bytes as base64url without padding into out (44 bytes). */
static void
encode32(const unsigned char in[32], char out[WEBAUTH_TOKEN_LEN + 1])
{
	sodium_bin2base64(out, WEBAUTH_TOKEN_LEN + 1, in, 32,
	    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}

/* Writes 32 fresh random bytes, encoded, into out (44 bytes). */
static void
random_token(char out[WEBAUTH_TOKEN_LEN + 1])
{
	unsigned char raw[32];

	sodium_ready();
	randombytes_buf(raw, sizeof raw);
	encode32(raw, out);
	sodium_memzero(raw, sizeof raw);
}

/* The SHA-256 of a token: what the database keeps instead of the token. */
static void
token_hash(const char *token, unsigned char out[crypto_hash_sha256_BYTES])
{
	crypto_hash_sha256(out, (const unsigned char *)token, strlen(token));
}

/* Stores a new random key (the caller's transaction); 0 or -1. */
static int
key_store(struct store *st, int64_t now, struct webauth_key *k, su_err *e)
{
	sqlite3_stmt *stmt = store_stmt(st, "INSERT OR REPLACE INTO web_key (id, key, "
	    "created_at) VALUES (1, ?, ?)", e);

	if (stmt == NULL)
		return -1;
	sodium_ready();
	crypto_auth_hmacsha256_keygen(k->bytes);
	sqlite3_bind_blob(stmt, 1, k->bytes, sizeof k->bytes, SQLITE_STATIC);
	db_bind_int(stmt, 2, now);
	return db_step_done(stmt, e);
}

int
webauth_key_read(struct store *st, struct webauth_key *k, su_err *e)
{
	sqlite3_stmt *stmt = store_stmt(st, "SELECT key FROM web_key WHERE id = 1", e);
	int rc;

	if (stmt == NULL || (rc = db_step_row(stmt, e)) < 0)
		return -1;
	rc = rc == 1 && sqlite3_column_bytes(stmt, 0) == (int)sizeof k->bytes;
	if (rc)
		memcpy(k->bytes, sqlite3_column_blob(stmt, 0), sizeof k->bytes);
	sqlite3_reset(stmt);
	return rc;
}

int
webauth_key_load(struct store *st, int64_t now, struct webauth_key *k, su_err *e)
{
	int rc = webauth_key_read(st, k, e);

	if (rc != 0)
		return rc < 0 ? -1 : 0;
	return key_store(st, now, k, e);
}

/*
 * Refuses a new key while notices not yet sent (planned, held, being sent or to
 * be retried) may carry links signed with the old one: 0, or -1 with 'e' set.
 */
static int
no_pending_links(struct store *st, su_err *e)
{
	sqlite3_stmt *stmt = store_stmt(st, "SELECT count(*) FROM outbox WHERE state IN "
	    "('pending', 'sending', 'retry') AND participant_id IS NOT NULL", e);
	int64_t n;

	if (stmt == NULL || db_step_row(stmt, e) < 0)
		return -1;
	n = sqlite3_column_int64(stmt, 0);
	sqlite3_reset(stmt);
	if (n == 0)
		return 0;
	return su_err_set(e, "%lld %s not sent yet may carry links made with this key, which "
	    "a new key would break; nothing was changed: send %s first ('showup notices "
	    "send'; held ones: release or drop them, see 'showup notices list'), then "
	    "rotate the key", (long long)n, n == 1 ? "notice" : "notices",
	    n == 1 ? "it" : "them");
}

int
webauth_key_rotate(struct store *st, int64_t now, su_err *e)
{
	struct webauth_key k;
	int rc;

	if (no_pending_links(st, e) < 0)
		return -1;
	if (key_store(st, now, &k, e) < 0 ||
	    db_exec(st->db, "DELETE FROM web_session; DELETE FROM web_login; "
	    "DELETE FROM web_device", e) < 0)
		rc = -1;
	else
		rc = audit_add(st, 0, "rotate key", "serve", NULL, "every link and login "
		    "made before, and every remembered device, stops working", e);
	sodium_memzero(&k, sizeof k);
	return rc;
}

/* The MAC of 'n' bytes at 'data' under key k, encoded into out (44 bytes). */
static void
mac_text(const struct webauth_key *k, const char *data, size_t n,
    char out[WEBAUTH_TOKEN_LEN + 1])
{
	unsigned char mac[crypto_auth_hmacsha256_BYTES];

	sodium_ready();
	crypto_auth_hmacsha256(mac, (const unsigned char *)data, n, k->bytes);
	encode32(mac, out);
}

char *
webauth_link_token(const struct webauth_key *k, int64_t cohort_id, int64_t participant_id,
    int64_t expires)
{
	char body[80], mac[WEBAUTH_TOKEN_LEN + 1];

	snprintf(body, sizeof body, "%" PRId64 ".%" PRId64 ".%" PRId64, cohort_id,
	    participant_id, expires);
	mac_text(k, body, strlen(body), mac);
	return xasprintf("%s.%s", body, mac);
}

char *
webauth_link_url(struct store *st, const char *base, int64_t cohort_id,
    int64_t participant_id, int64_t now, su_err *e)
{
	struct webauth_key k;
	char *token, *url;

	if (webauth_key_load(st, now, &k, e) < 0)
		return NULL;
	token = webauth_link_token(&k, cohort_id, participant_id, now + WEBAUTH_LINK_SECONDS);
	sodium_memzero(&k, sizeof k);
	url = xasprintf("%s/p/%s", base, token);
	free(token);
	return url;
}

/* Reads a positive decimal number of up to 18 digits ending at '.'; advances *p; -1 if none. */
static int64_t
read_number(const char **p)
{
	int64_t v = 0;
	int digits = 0;

	while (**p >= '0' && **p <= '9' && digits < 18) {
		v = v * 10 + (**p - '0');
		(*p)++;
		digits++;
	}
	if (digits == 0 || **p != '.')
		return -1;
	(*p)++;
	return v;
}

int
webauth_link_check(const struct webauth_key *k, const char *token, int64_t now,
    int64_t *cohort_id, int64_t *participant_id, su_err *e)
{
	unsigned char given[crypto_auth_hmacsha256_BYTES];
	const char *p = token, *dot = strrchr(token, '.');
	size_t maclen;
	int64_t expires;

	if (dot == NULL || (maclen = strlen(dot + 1)) != WEBAUTH_TOKEN_LEN ||
	    sodium_base642bin(given, sizeof given, dot + 1, maclen, NULL, NULL, NULL,
	    sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0)
		return su_err_set(e, "a malformed link"), 0;
	sodium_ready();
	if (crypto_auth_hmacsha256_verify(given, (const unsigned char *)token,
	    (size_t)(dot - token), k->bytes) != 0)
		return su_err_set(e, "a link this server did not make"), 0;
	*cohort_id = read_number(&p);
	*participant_id = read_number(&p);
	expires = read_number(&p);
	if (*cohort_id <= 0 || *participant_id <= 0 || expires < 0 || p != dot + 1)
		return su_err_set(e, "a malformed link"), 0;
	if (now > expires)
		return su_err_set(e, "an expired link"), 0;
	return 1;
}

/* Inserts the hash of a fresh token with 'sql' (?1 hash, ?2 a time); the token, or NULL. */
static char *
insert_token(struct store *st, const char *sql, int64_t when, su_err *e)
{
	unsigned char hash[crypto_hash_sha256_BYTES];
	char token[WEBAUTH_TOKEN_LEN + 1];
	sqlite3_stmt *stmt = store_stmt(st, sql, e);

	if (stmt == NULL)
		return NULL;
	random_token(token);
	token_hash(token, hash);
	sqlite3_bind_blob(stmt, 1, hash, sizeof hash, SQLITE_TRANSIENT);
	db_bind_int(stmt, 2, when);
	return db_step_done(stmt, e) < 0 ? NULL : xstrdup(token);
}

char *
webauth_login_create(struct store *st, int64_t now, su_err *e)
{
	sqlite3_stmt *stmt = store_stmt(st, "DELETE FROM web_login WHERE expires_at < ?", e);

	if (stmt == NULL)
		return NULL;
	db_bind_int(stmt, 1, now);
	if (db_step_done(stmt, e) < 0)
		return NULL;
	return insert_token(st, "INSERT INTO web_login (hash, expires_at) VALUES (?, ?)",
	    now + WEBAUTH_LOGIN_SECONDS, e);
}

/* Runs 'sql' with a token's hash as ?1 and 'now' as ?2: 1 if it changed a row, 0 if not, -1. */
static int
token_update(struct store *st, const char *sql, const char *token, int64_t now, su_err *e)
{
	unsigned char hash[crypto_hash_sha256_BYTES];
	sqlite3_stmt *stmt;

	if (strlen(token) != WEBAUTH_TOKEN_LEN)
		return 0;
	if ((stmt = store_stmt(st, sql, e)) == NULL)
		return -1;
	token_hash(token, hash);
	sqlite3_bind_blob(stmt, 1, hash, sizeof hash, SQLITE_TRANSIENT);
	db_bind_int(stmt, 2, now);
	if (db_step_done(stmt, e) < 0)
		return -1;
	return sqlite3_changes(st->db) > 0;
}

int
webauth_login_use(struct store *st, const char *token, int64_t now, su_err *e)
{
	return token_update(st, "UPDATE web_login SET used_at = ?2 WHERE hash = ?1 AND "
	    "used_at IS NULL AND expires_at >= ?2", token, now, e);
}

char *
webauth_session_create(struct store *st, int64_t now, su_err *e)
{
	sqlite3_stmt *stmt = store_stmt(st, "DELETE FROM web_session WHERE last_seen < ?", e);

	if (stmt == NULL)
		return NULL;
	db_bind_int(stmt, 1, now - WEBAUTH_IDLE_SECONDS);	/* sessions long idle go */
	if (db_step_done(stmt, e) < 0 ||
	    db_exec(st->db, "DELETE FROM web_login WHERE used_at IS NOT NULL", e) < 0)
		return NULL;
	return insert_token(st, "INSERT INTO web_session (hash, last_seen) VALUES (?, ?)",
	    now, e);
}

int
webauth_session_check(struct store *st, const char *id, int64_t now, int *stale, su_err *e)
{
	unsigned char hash[crypto_hash_sha256_BYTES];
	sqlite3_stmt *stmt;
	int64_t last;
	int rc;

	if (strlen(id) != WEBAUTH_TOKEN_LEN)
		return 0;
	if ((stmt = store_stmt(st, "SELECT last_seen FROM web_session WHERE hash = ?", e)) ==
	    NULL)
		return -1;
	token_hash(id, hash);
	sqlite3_bind_blob(stmt, 1, hash, sizeof hash, SQLITE_TRANSIENT);
	if ((rc = db_step_row(stmt, e)) <= 0)
		return rc;
	last = sqlite3_column_int64(stmt, 0);
	sqlite3_reset(stmt);
	/* the last use moves on at most once a minute: a page view seldom writes */
	*stale = last < now - 60;
	return last >= now - WEBAUTH_IDLE_SECONDS;
}

int
webauth_session_touch(struct store *st, const char *id, int64_t now, su_err *e)
{
	return token_update(st, "UPDATE web_session SET last_seen = ?2 WHERE hash = ?1", id,
	    now, e) < 0 ? -1 : 0;
}

_Static_assert(WEBAUTH_DEVICE_SECONDS == 2592000, "webauth_device_create's SQL says 30 days");

char *
webauth_device_create(struct store *st, const char *label, int64_t now, su_err *e)
{
	sqlite3_stmt *stmt = store_stmt(st, "DELETE FROM web_device WHERE expires_at < ?", e);
	char *token;

	if (stmt == NULL)
		return NULL;
	db_bind_int(stmt, 1, now);
	if (db_step_done(stmt, e) < 0 || (token = insert_token(st, "INSERT INTO web_device "
	    "(hash, created_at, last_seen, expires_at) VALUES (?1, ?2, ?2, ?2 + 2592000)",
	    now, e)) == NULL)
		return NULL;
	if ((stmt = store_stmt(st, "UPDATE web_device SET label = ? WHERE id = "
	    "last_insert_rowid()", e)) == NULL)
		goto fail;
	sqlite3_bind_text(stmt, 1, label, (int)strnlen(label, 120), SQLITE_TRANSIENT);
	if (db_step_done(stmt, e) < 0 || audit_add(st, 0, "remember device", "serve", NULL,
	    "a browser signs in again for 30 days", e) < 0)
		goto fail;
	return token;
fail:
	sodium_memzero(token, strlen(token));
	free(token);
	return NULL;
}

int
webauth_device_use(struct store *st, const char *token, int64_t now, su_err *e)
{
	return token_update(st, "UPDATE web_device SET last_seen = ?2 WHERE hash = ?1 AND "
	    "expires_at >= ?2", token, now, e);
}

int
webauth_device_list(struct store *st, int64_t now, struct webauth_device_list *l, su_err *e)
{
	sqlite3_stmt *stmt = store_stmt(st, "SELECT id, label, created_at, last_seen, "
	    "expires_at FROM web_device WHERE expires_at >= ? ORDER BY id", e);
	int rc;

	memset(l, 0, sizeof *l);
	if (stmt == NULL)
		return -1;
	db_bind_int(stmt, 1, now);
	while ((rc = db_step_row(stmt, e)) == 1) {
		struct webauth_device *d;

		l->v = xrealloc(l->v, (l->n + 1) * sizeof *l->v);
		d = &l->v[l->n++];
		d->id = sqlite3_column_int64(stmt, 0);
		d->label = xstrdup((const char *)sqlite3_column_text(stmt, 1));
		d->created_at = sqlite3_column_int64(stmt, 2);
		d->last_seen = sqlite3_column_int64(stmt, 3);
		d->expires_at = sqlite3_column_int64(stmt, 4);
	}
	sqlite3_reset(stmt);
	if (rc < 0)
		webauth_device_list_free(l);
	return rc < 0 ? -1 : 0;
}

void
webauth_device_list_free(struct webauth_device_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i].label);
	free(l->v);
	memset(l, 0, sizeof *l);
}

int
webauth_device_revoke(struct store *st, int64_t id, su_err *e)
{
	sqlite3_stmt *stmt = store_stmt(st, "DELETE FROM web_device WHERE id = ?", e);
	char what[32];

	if (stmt == NULL)
		return -1;
	db_bind_int(stmt, 1, id);
	if (db_step_done(stmt, e) < 0)
		return -1;
	if (sqlite3_changes(st->db) == 0)
		return 0;
	snprintf(what, sizeof what, "device %lld", (long long)id);
	return audit_add(st, 0, "revoke device", what, NULL, "signs in no more", e) < 0 ? -1 : 1;
}

int
webauth_server_record(struct store *st, const char *url, int64_t now, su_err *e)
{
	sqlite3_stmt *stmt = store_stmt(st, "INSERT OR REPLACE INTO web_server (id, base_url, "
	    "started_at) VALUES (1, ?, ?)", e);

	if (stmt == NULL)
		return -1;
	db_bind_text(stmt, 1, url);
	db_bind_int(stmt, 2, now);
	return db_step_done(stmt, e);
}

int
webauth_server_url(struct store *st, char **url, su_err *e)
{
	sqlite3_stmt *stmt = store_stmt(st, "SELECT base_url FROM web_server WHERE id = 1", e);
	int rc;

	*url = NULL;
	if (stmt == NULL)
		return -1;
	if ((rc = db_step_row(stmt, e)) == 1)
		*url = db_column_dup(stmt, 0);
	sqlite3_reset(stmt);
	return rc < 0 ? -1 : 0;
}

void
webauth_form_token(const struct webauth_key *k, const char *bound_to,
    char out[WEBAUTH_TOKEN_LEN + 1])
{
	struct strbuf sb = STRBUF_INIT;

	sb_addf(&sb, "form:%s", bound_to);
	mac_text(k, sb.buf, sb.len, out);
	sb_free(&sb);
}

int
webauth_form_check(const struct webauth_key *k, const char *bound_to, const char *given)
{
	char want[WEBAUTH_TOKEN_LEN + 1];

	if (given == NULL || strlen(given) != WEBAUTH_TOKEN_LEN)
		return 0;
	webauth_form_token(k, bound_to, want);
	return sodium_memcmp(want, given, WEBAUTH_TOKEN_LEN) == 0;
}
