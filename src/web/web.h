/* SPDX-License-Identifier: Apache-2.0 */
/* web.h - showup serve: a small web server on the store and the core, for the
 * coach's roll call from a phone and each participant's own link. The command
 * (src/cli/cmd-serve.c) starts it; the core knows nothing of HTTP. */
#ifndef SHOWUP_WEB_H
#define SHOWUP_WEB_H

#include <stdint.h>
#include <stdio.h>

#include "form.h"
#include "page.h"
#include "showup/store.h"
#include "showup/webauth.h"

/* What the command asks of the server. */
struct web_options {
	const char *listen;	/* "ADDR:PORT" or "[ADDR]:PORT" */
	const char *public_url;	/* what links start with (no trailing '/'); NULL: the address */
	const char *tls_cert, *tls_key;	/* PEM files, both or neither */
	/* the reverse proxy's address: its X-Forwarded-* headers are believed; NULL: none */
	const char *proxy;
	FILE *log;		/* the access log (stderr) */
	/* run at the start and every tick_seconds while serving, in the waiting thread */
	void (*tick)(void *arg);	/* or NULL: nothing runs beside the pages */
	void *tick_arg;
	int64_t tick_seconds;
};

/* The cookies of the coach's browser session and of a remembered device. */
#define SESSION_COOKIE "showup_session"
#define DEVICE_COOKIE "showup_device"

/* How many requests a minute one address may make to the pages a token opens. */
#define WEB_RATE_PER_MINUTE 60
/*
 * Connections open at once: in all, and from one address (so one client's
 * slow or idle connections cannot take every place); a connection silent this
 * many seconds (headers sent slowly, a keep-alive left open) is closed.
 */
#define WEB_CONNECTIONS_MAX 256
#define WEB_CONNECTIONS_PER_CLIENT 32
#define WEB_IDLE_SECONDS 10
/*
 * How long a change waits for another writer (a command line's) before the
 * page says the database is busy (503, Retry-After); pages that only read
 * never wait for one (WAL readers). 1.5 s, so the busy page is back within the
 * 2 s a person waits for a tap (the bench measures it: serve_siege.py).
 */
#define WEB_LOCK_WAIT_MS 1500
#define WEB_RETRY_SECONDS 2
/* The largest request body taken; a larger one is refused with 413. */
#define WEB_BODY_MAX 8192

struct web_rate_slot {
	char addr[48];
	int64_t window;		/* the minute counted (monotonic seconds / 60) */
	int count;
	int before;		/* the count of the minute before it */
};

/* How many connections one address has open. */
struct web_client_count {
	char addr[48];
	int n;			/* 0: a free slot */
};

/* A running server. */
struct web {
	struct store *st;
	struct webauth_key key;
	struct pages pages;
	int tls;
	char *base_url;		/* the links' start, without a trailing slash */
	FILE *log;
	struct web_rate_slot rate[256];
	char proxy[48];		/* the proxy's address in numbers; "": none */
	struct web_client_count conns[WEB_CONNECTIONS_MAX];	/* used in the server's thread */
	void *daemon;		/* the MHD daemon */
	void (*tick)(void *arg);	/* web_options' tick, its argument and period */
	void *tick_arg;
	int64_t tick_seconds;
	int64_t last_tick;	/* when the tick last ended (time_now), 0: never; atomic */
};

/* One request, as the pages see it. */
struct web_request {
	const char *method;	/* "GET", "HEAD" or "POST" */
	const char *path;	/* the URL's path, decoded by the server */
	const char *addr;	/* the client's address (behind the proxy, the one it names) */
	int secure;		/* 1 if the browser came by HTTPS (to us, or to the proxy) */
	const char *host;	/* the host the proxy was asked for, or NULL */
	char *session;		/* the coach's session cookie, or NULL */
	char *device;		/* a remembered device's cookie, or NULL */
	const char *agent;	/* the User-Agent, or NULL */
	struct form form;	/* a POST's fields */
};

/*
 * Starts serving 'st' as 'o' says (in a thread of its own); prints nothing.
 * Returns the server, or NULL with 'e' set (a bad address, a port in use).
 */
struct web *web_start(struct store *st, const struct web_options *o, su_err *e);
/* The address the server listens on, as a URL without a trailing slash ("http://127.0.0.1:8080"). */
const char *web_base_url(const struct web *w);
/*
 * Waits for SIGINT or SIGTERM (blocked by web_start), running the options' tick
 * at once and then every tick_seconds meanwhile; then stops after the requests
 * under way.
 */
void web_wait_and_stop(struct web *w);
/* Blocks SIGINT and SIGTERM in this thread (and threads it starts): web_start calls it. */
void web_block_signals(void);

/* Writes numeric address 'text' in its usual form into buf; 0, or -1 if it is not one. */
int web_address_normal(const char *text, char *buf, size_t size);

/* Makes a one-time login link starting with 'base' in its own transaction; the caller frees it. */
char *web_login_link(struct store *st, const char *base, su_err *e);
/* Draws 'text' as a QR code with block characters on 'out' (a terminal); 0 or -1 if too long. */
int web_qr_print(FILE *out, const char *text);

/*
 * Checks a POST's form token (bound to 'bound_to') and names 'who' as
 * "web:WHO" in the audit log of what follows: 1, or 0 with the 403 in 'r'.
 */
int web_form_allowed(struct web *w, const struct web_request *rq, const char *bound_to,
    const char *who, struct web_reply *r);

/* The coach's pages (coach.c): the login, the sessions, the roll call. */
void coach_login(struct web *w, const struct web_request *rq, const char *token,
    struct web_reply *r);
void coach_route(struct web *w, const struct web_request *rq, struct web_reply *r);
/* A participant's pages (person.c): /p/TOKEN and what follows it. */
void person_route(struct web *w, const struct web_request *rq, const char *rest,
    struct web_reply *r);

#endif
