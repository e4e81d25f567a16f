/* SPDX-License-Identifier: Apache-2.0 */
/* webauth.h - who may use showup serve: the key kept in the database, the
 * participants' signed links, the coach's one-time login tokens, browser
 * sessions and the tokens that guard every form. No HTTP here. */
#ifndef SHOWUP_WEBAUTH_H
#define SHOWUP_WEBAUTH_H

#include <stddef.h>
#include <stdint.h>

#include "showup/store.h"
#include "showup/util.h"

#define WEBAUTH_KEY_BYTES 32
/* A random token or a MAC written in base64url without padding: 43 characters. */
#define WEBAUTH_TOKEN_LEN 43
/* How long a coach's login link may wait, and a browser session may sit idle. */
#define WEBAUTH_LOGIN_SECONDS (15 * 60)
#define WEBAUTH_IDLE_SECONDS (12 * 3600)
/* How long a participant's link works from the day it was made. */
#define WEBAUTH_LINK_SECONDS (120 * 86400)
/* How long a remembered device ("remember this phone") signs its browser in again. */
#define WEBAUTH_DEVICE_SECONDS (30 * 86400)

/* The key that signs links and forms. */
struct webauth_key {
	unsigned char bytes[WEBAUTH_KEY_BYTES];
};

/*
 * Loads the key, making one (at random) the first time: the caller's
 * transaction. 0, or -1 with 'e' set.
 */
int webauth_key_load(struct store *st, int64_t now, struct webauth_key *k, su_err *e);
/* Reads the key without writing (no transaction needed): 1, 0 if there is none yet, or -1. */
int webauth_key_read(struct store *st, struct webauth_key *k, su_err *e);
/*
 * Replaces the key and ends every browser session: every link made so far
 * stops working (the caller's transaction). Refused while a participant's
 * notice is not sent yet (its links would die unread). 0, or -1 with 'e' set.
 */
int webauth_key_rotate(struct store *st, int64_t now, su_err *e);

/*
 * Returns the token of participant 'participant_id' of cohort 'cohort_id',
 * good until 'expires': "COHORT.PARTICIPANT.EXPIRES.MAC". The caller frees it.
 */
char *webauth_link_token(const struct webauth_key *k, int64_t cohort_id,
    int64_t participant_id, int64_t expires);
/*
 * Checks a participant's token (its MAC compared in constant time) at 'now'.
 * 1 with the ids set, or 0 with why in 'e' (malformed, forged, expired).
 */
int webauth_link_check(const struct webauth_key *k, const char *token, int64_t now,
    int64_t *cohort_id, int64_t *participant_id, su_err *e);

/*
 * Returns the personal link of participant 'participant_id' of cohort
 * 'cohort_id' made at 'now': "BASE/p/TOKEN", good for WEBAUTH_LINK_SECONDS.
 * Loads (or makes) the key: the caller's transaction. NULL with 'e' set.
 */
char *webauth_link_url(struct store *st, const char *base, int64_t cohort_id,
    int64_t participant_id, int64_t now, su_err *e);

/* Makes a one-time login token good for WEBAUTH_LOGIN_SECONDS (caller's transaction); the caller frees it. */
char *webauth_login_create(struct store *st, int64_t now, su_err *e);
/* Uses a login token up: 1 if it was good (never again), 0 if not, -1 with 'e' set. */
int webauth_login_use(struct store *st, const char *token, int64_t now, su_err *e);

/* Starts a browser session (caller's transaction); returns its id to put in a cookie. */
char *webauth_session_create(struct store *st, int64_t now, su_err *e);
/*
 * Checks a browser session id, reading only: 1 if it is known and was used
 * within WEBAUTH_IDLE_SECONDS, 0 if not, -1 on error. *stale is set to 1 if
 * its last use is worth moving on (webauth_session_touch), else 0.
 */
int webauth_session_check(struct store *st, const char *id, int64_t now, int *stale,
    su_err *e);
/* Moves a session's last use to 'now' (caller's transaction); 0 or -1. */
int webauth_session_touch(struct store *st, const char *id, int64_t now, su_err *e);

/* A remembered device, as serve --devices lists it. */
struct webauth_device {
	int64_t id;
	char *label;		/* the browser's User-Agent, cut short */
	int64_t created_at, last_seen, expires_at;
};
struct webauth_device_list {
	struct webauth_device *v;
	size_t n;
};
/*
 * Remembers a device for WEBAUTH_DEVICE_SECONDS under 'label' (caller's
 * transaction); returns its token to put in a cookie (the caller frees it), or NULL.
 */
char *webauth_device_create(struct store *st, const char *label, int64_t now, su_err *e);
/* Notes a use of device 'token' (caller's transaction): 1 if it is remembered and not expired, 0 if not, -1. */
int webauth_device_use(struct store *st, const char *token, int64_t now, su_err *e);
/* Lists the remembered devices not expired at 'now', oldest first; 0 or -1. */
int webauth_device_list(struct store *st, int64_t now, struct webauth_device_list *l,
    su_err *e);
void webauth_device_list_free(struct webauth_device_list *l);
/* Forgets device 'id' (caller's transaction): 1 if it was remembered, 0 if not, -1. */
int webauth_device_revoke(struct store *st, int64_t id, su_err *e);
/* Records 'url' as where the server started at 'now' is reached (caller's transaction); 0 or -1. */
int webauth_server_record(struct store *st, const char *url, int64_t now, su_err *e);
/* Sets *url to where the last server started is reached (NULL: none recorded; the caller frees it); 0 or -1. */
int webauth_server_url(struct store *st, char **url, su_err *e);

/* Writes the form token bound to 'bound_to' (a session id, a link token) into 'out' (44 bytes). */
void webauth_form_token(const struct webauth_key *k, const char *bound_to,
    char out[WEBAUTH_TOKEN_LEN + 1]);
/* Returns 1 if 'given' is the form token bound to 'bound_to' (compared in constant time). */
int webauth_form_check(const struct webauth_key *k, const char *bound_to, const char *given);

#endif
