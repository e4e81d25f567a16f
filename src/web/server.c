/* SPDX-License-Identifier: Apache-2.0 */
/* server.c - showup serve's HTTP side on libmicrohttpd: one thread answers every
 * request in turn (so the one store connection needs no lock), with the headers,
 * the caps and the rate limit every page shares, and an access log line each. */
#include "config.h"

#include <arpa/inet.h>
#include <errno.h>
#include <microhttpd.h>
#include <netdb.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "web.h"
#include "showup/timeutil.h"

/* What a connection gathers before its request is answered. */
struct pending {
	struct strbuf body;
	int too_big;
	struct timespec began;
};

/* Returns monotonic seconds. */
static int64_t
mono_seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec;
}

/*
 * Counts a request against bucket 'addr' (an address, or "t:" and a token); 1
 * if within the limit. The minute slides: the last minute's count weighs as
 * much as it overlaps the 60 seconds before now, so a flood split by the turn
 * of a minute is counted whole.
 */
static int
rate_allows(struct web *w, const char *addr)
{
	unsigned h = 5381;
	struct web_rate_slot *s;
	int64_t now = mono_seconds(), minute = now / 60;

	for (const char *c = addr; *c; c++)
		h = h * 33 + (unsigned char)*c;
	s = &w->rate[h % ARRAY_SIZE(w->rate)];
	if (strcmp(s->addr, addr) != 0) {
		snprintf(s->addr, sizeof s->addr, "%s", addr);
		s->window = minute;
		s->count = s->before = 0;
	} else if (s->window != minute) {
		s->before = s->window == minute - 1 ? s->count : 0;
		s->window = minute;
		s->count = 0;
	}
	s->count++;
	return s->count + (int)((int64_t)s->before * (60 - now % 60) / 60) <=
	    WEB_RATE_PER_MINUTE;
}

/* Writes address 'sa' in numbers into buf ("?" if there is none). */
static void
sockaddr_text(const struct sockaddr *sa, char *buf, size_t size)
{
	snprintf(buf, size, "?");
	if (sa == NULL || getnameinfo(sa, sa->sa_family == AF_INET6 ?
	    sizeof(struct sockaddr_in6) : sizeof(struct sockaddr_in), buf, (socklen_t)size,
	    NULL, 0, NI_NUMERICHOST) != 0)
		snprintf(buf, size, "?");
}

/* Writes the address connected on 'conn' (the client, or a proxy) into buf. */
static void
client_addr(struct MHD_Connection *conn, char *buf, size_t size)
{
	const union MHD_ConnectionInfo *ci =
	    MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CLIENT_ADDRESS);

	sockaddr_text(ci ? ci->client_addr : NULL, buf, size);
}

int
web_address_normal(const char *text, char *buf, size_t size)
{
	struct addrinfo hints = { .ai_flags = AI_NUMERICHOST, .ai_socktype = SOCK_STREAM },
	    *res;

	if (getaddrinfo(text, NULL, &hints, &res) != 0)
		return -1;
	sockaddr_text(res->ai_addr, buf, size);
	freeaddrinfo(res);
	return 0;
}

/*
 * Takes the client from the proxy's headers when the peer (in addr) is the
 * configured proxy: the last address of X-Forwarded-For (the one the proxy
 * added; what comes before it, anyone could have written), https from
 * X-Forwarded-Proto, the host from X-Forwarded-Host. Anyone else's are ignored.
 */
static void
from_proxy(struct web *w, struct MHD_Connection *conn, struct web_request *rq, char *addr,
    size_t size)
{
	const char *xff, *proto, *last;
	char one[64];
	size_t n;

	rq->secure = w->tls;
	if (w->proxy[0] == '\0' || strcmp(addr, w->proxy) != 0)
		return;
	if ((xff = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "X-Forwarded-For")) !=
	    NULL) {
		last = strrchr(xff, ',') ? strrchr(xff, ',') + 1 : xff;
		last += strspn(last, " \t");
		if ((n = strcspn(last, " \t")) > 0 && n < sizeof one) {
			memcpy(one, last, n);
			one[n] = '\0';
			web_address_normal(one, addr, size);	/* not an address: the proxy's */
		}
	}
	proto = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "X-Forwarded-Proto");
	rq->secure = w->tls || (proto != NULL && strcmp(proto, "https") == 0);
	rq->host = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "X-Forwarded-Host");
}

/* The count of open connections from 'addr', a free one made for it if 'make'; or NULL. */
static struct web_client_count *
conn_slot(struct web *w, const char *addr, int make)
{
	struct web_client_count *free_slot = NULL;

	for (size_t i = 0; i < ARRAY_SIZE(w->conns); i++) {
		if (w->conns[i].n > 0 && strcmp(w->conns[i].addr, addr) == 0)
			return &w->conns[i];
		if (w->conns[i].n == 0 && free_slot == NULL)
			free_slot = &w->conns[i];
	}
	if (!make || free_slot == NULL)
		return NULL;
	snprintf(free_slot->addr, sizeof free_slot->addr, "%s", addr);
	return free_slot;
}

/*
 * libmicrohttpd's accept policy: each client but the configured proxy (whose
 * connections carry everyone's requests) has so many connections open at most.
 */
static enum MHD_Result
accept_client(void *cls, const struct sockaddr *sa, socklen_t len)
{
	struct web *w = cls;
	struct web_client_count *c;
	char addr[64];

	(void)len;
	sockaddr_text(sa, addr, sizeof addr);
	if (w->proxy[0] != '\0' && strcmp(addr, w->proxy) == 0)
		return MHD_YES;
	c = conn_slot(w, addr, 0);
	return c == NULL || c->n < WEB_CONNECTIONS_PER_CLIENT ? MHD_YES : MHD_NO;
}

/* Counts the connections opened and closed, by address, for accept_client. */
static void
connection_noted(void *cls, struct MHD_Connection *conn, void **socket_context,
    enum MHD_ConnectionNotificationCode toe)
{
	struct web *w = cls;
	struct web_client_count *c;
	char addr[64];

	(void)socket_context;
	client_addr(conn, addr, sizeof addr);
	if ((c = conn_slot(w, addr, toe == MHD_CONNECTION_NOTIFY_STARTED)) != NULL)
		c->n += toe == MHD_CONNECTION_NOTIFY_STARTED ? 1 : -1;
}

/* Sends what every page needs to its readers' browsers: no caching, no framing, no scripts. */
static void
add_common_headers(struct MHD_Response *resp, int tls)
{
	MHD_add_response_header(resp, "Content-Security-Policy", "default-src 'none'; "
	    "style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; "
	    "frame-ancestors 'none'");
	MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(resp, "X-Frame-Options", "DENY");
	MHD_add_response_header(resp, "Referrer-Policy", "no-referrer");
	MHD_add_response_header(resp, "Cache-Control", "no-store");
	if (tls)
		MHD_add_response_header(resp, "Strict-Transport-Security", "max-age=31536000");
}

/* The path for the log: a token in it is a secret, so it is cut off. */
static void
log_path(const char *url, char *buf, size_t size)
{
	if (strncmp(url, "/p/", 3) == 0)
		snprintf(buf, size, "/p/...%s", strchr(url + 3, '/') ? strchr(url + 3, '/') : "");
	else if (strncmp(url, "/login/", 7) == 0)
		snprintf(buf, size, "/login/...");
	else
		snprintf(buf, size, "%s", url);
}

/* Queues reply 'r' to request 'rq' on 'conn' and writes the access log line. */
static enum MHD_Result
send_reply(struct web *w, struct MHD_Connection *conn, const struct web_request *rq,
    const char *url, struct pending *pd, struct web_reply *r)
{
	struct MHD_Response *resp = MHD_create_response_from_buffer(r->body.len,
	    r->body.buf ? r->body.buf : (char *)"", MHD_RESPMEM_MUST_COPY);
	struct timespec now;
	char path[256];
	enum MHD_Result ok;

	add_common_headers(resp, rq->secure);
	if (r->type != NULL)
		MHD_add_response_header(resp, "Content-Type", r->type);
	if (r->location != NULL)
		MHD_add_response_header(resp, "Location", r->location);
	if (r->set_cookie != NULL)
		MHD_add_response_header(resp, "Set-Cookie", r->set_cookie);
	if (r->set_cookie2 != NULL)
		MHD_add_response_header(resp, "Set-Cookie", r->set_cookie2);
	if (r->retry_after > 0) {
		char secs[16];

		snprintf(secs, sizeof secs, "%d", r->retry_after);
		MHD_add_response_header(resp, "Retry-After", secs);
	}
	ok = MHD_queue_response(conn, (unsigned)r->status, resp);
	MHD_destroy_response(resp);
	clock_gettime(CLOCK_MONOTONIC, &now);
	log_path(url, path, sizeof path);
	fprintf(w->log, "%s \"%s %s\" %d %zu %.1fms%s%s\n", rq->addr, rq->method, path,
	    r->status, r->body.len, pd ? (double)(now.tv_sec - pd->began.tv_sec) * 1e3 +
	    (double)(now.tv_nsec - pd->began.tv_nsec) / 1e6 : 0.0, rq->host ? " host " : "",
	    rq->host ? rq->host : "");
	fflush(w->log);
	return ok;
}

int
web_form_allowed(struct web *w, const struct web_request *rq, const char *bound_to,
    const char *who, struct web_reply *r)
{
	char *actor;

	if (!webauth_form_check(&w->key, bound_to, form_get(&rq->form, "csrf"))) {
		page_message(&w->pages, r, 403, "Refused", "This form is stale or did not come "
		    "from this site: reload the page and try again.", NULL, NULL);
		return 0;
	}
	actor = xasprintf("web:%s", who);
	store_set_actor(w->st, actor);
	free(actor);
	return 1;
}

/*
 * Answers /healthz for a monitor: reached only once the database was read for
 * this request (handle), so it says so, with the time the notices last ran here.
 */
static void
health(struct web *w, struct web_reply *r)
{
	int64_t last = __atomic_load_n(&w->last_tick, __ATOMIC_RELAXED);
	char at[32];

	r->status = 200;
	r->type = "text/plain; charset=utf-8";
	sb_adds(&r->body, "ok\ndatabase: opens\n");
	if (w->tick == NULL) {
		sb_adds(&r->body, "notices: not run by this server\n");
		return;
	}
	if (last == 0)
		snprintf(at, sizeof at, "not yet");
	else
		time_format_iso("UTC", last, at, sizeof at);
	sb_addf(&r->body, "notices: every %lld minutes, last run %s\n",
	    (long long)(w->tick_seconds / 60), at);
}

/* Makes 'r' the 429 of a token page, whose limit 'whose' words ("your address"). */
static void
slow_down(struct web *w, struct web_reply *r, const char *whose)
{
	char *text = xasprintf("Too many requests from %s; wait a minute and try again.",
	    whose);

	sb_reset(&r->body);
	page_message(&w->pages, r, 429, "Slow down", text, NULL, NULL);
	free(text);
}

/*
 * The limit on refusals, after 'r' was made: a page refused (403, 404: a bad
 * link, no sign-in) counts against the client's address, and over the limit the refusal becomes
 * a 429. A reply that worked is never replaced (it may have changed something);
 * its token was counted against its own limit before it ran.
 */
static void
rate_limit_after(struct web *w, const struct web_request *rq, struct web_reply *r)
{
	if ((r->status == 403 || r->status == 404) && !rate_allows(w, rq->addr))
		slow_down(w, r, "your address");
}

/* Counts a request to token page 'p' against its token's own limit; 1 if within it. */
static int
token_rate_allows(struct web *w, const char *p)
{
	const char *token = p + (strncmp(p, "/p/", 3) == 0 ? 3 : 7);
	char key[48];

	snprintf(key, sizeof key, "t:%.*s", (int)strcspn(token, "/"), token);
	return rate_allows(w, key);
}

/*
 * Answers one whole request: the caps, then the pages; a token page within its
 * token's limit, and refused ones within the address's, so one client's
 * flood of bad links throttles no one else's good link.
 */
static void
route(struct web *w, struct web_request *rq, struct pending *pd, struct web_reply *r)
{
	const char *p = rq->path;
	int token_page = strncmp(p, "/p/", 3) == 0 || strncmp(p, "/login/", 7) == 0;

	if (pd->too_big)
		page_message(&w->pages, r, 413, "Too much", "That request was too large.",
		    NULL, NULL);
	else if (token_page && !token_rate_allows(w, p))
		slow_down(w, r, "this link");
	else if (strcmp(rq->method, "POST") == 0 && form_decode(pd->body.buf ? pd->body.buf :
	    "", pd->body.len, &rq->form) < 0)
		page_message(&w->pages, r, 400, "Not understood", "That form could not be "
		    "read.", NULL, NULL);
	else if (strcmp(p, "/healthz") == 0)
		health(w, r);
	else if (strcmp(p, "/style.css") == 0) {
		r->status = 200;
		r->type = "text/css; charset=utf-8";
		sb_adds(&r->body, page_style);
	} else if (strncmp(p, "/login/", 7) == 0)
		coach_login(w, rq, p + 7, r);
	else if (strncmp(p, "/p/", 3) == 0)
		person_route(w, rq, p + 3, r);
	else
		coach_route(w, rq, r);
	if (r->status != 429)
		rate_limit_after(w, rq, r);
}

/*
 * Makes 'r' the page of a change that found the database busy for
 * WEB_LOCK_WAIT_MS (another showup writing): nothing was changed, try again.
 */
static void
busy(struct web *w, struct web_reply *r)
{
	sb_reset(&r->body);
	free(r->location);
	r->location = NULL;
	page_message(&w->pages, r, 503, "Busy", "Another showup is writing to the database "
	    "just now, so nothing was changed: try again in a moment.", NULL, NULL);
	r->retry_after = WEB_RETRY_SECONDS;
}

/* libmicrohttpd's handler: gathers a POST body (capped), then answers. */
static enum MHD_Result
handle(void *cls, struct MHD_Connection *conn, const char *url, const char *method,
    const char *version, const char *upload, size_t *upload_size, void **con_cls)
{
	struct web *w = cls;
	struct pending *pd = *con_cls;
	struct web_request rq = { .method = method, .path = url };
	struct web_reply r = { .status = 500 };
	const char *len, *cookie;
	char addr[64];
	enum MHD_Result ok;
	su_err e;

	if (pd == NULL) {
		pd = *con_cls = xcalloc(1, sizeof *pd);
		clock_gettime(CLOCK_MONOTONIC, &pd->began);
		len = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Content-Length");
		pd->too_big = len != NULL && strtoull(len, NULL, 10) > WEB_BODY_MAX;
		if (!pd->too_big)
			return MHD_YES;
		/* an announced excess is refused at once, before a byte of it is read */
	} else if (*upload_size > 0) {
		if (pd->body.len + *upload_size > WEB_BODY_MAX)
			pd->too_big = 1;
		else
			sb_add(&pd->body, upload, *upload_size);
		*upload_size = 0;
		return MHD_YES;
	}
	client_addr(conn, addr, sizeof addr);
	from_proxy(w, conn, &rq, addr, sizeof addr);
	rq.addr = addr;
	if ((cookie = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Cookie")) != NULL) {
		rq.session = cookie_get(cookie, SESSION_COOKIE);
		rq.device = cookie_get(cookie, DEVICE_COOKIE);
	}
	rq.agent = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "User-Agent");
	store_gave_up_waiting(w->st);
	if (webauth_key_read(w->st, &w->key, &e) < 0)	/* rotated meanwhile? no lock taken */
		page_message(&w->pages, &r, 500, "Something went wrong", e.msg, NULL, NULL);
	else if (strcmp(method, "GET") != 0 && strcmp(method, "HEAD") != 0 &&
	    strcmp(method, "POST") != 0)
		page_message(&w->pages, &r, 405, "Not allowed", "Only GET and POST are "
		    "answered here.", NULL, NULL);
	else
		route(w, &rq, pd, &r);
	if (store_gave_up_waiting(w->st) && r.status >= 500)
		busy(w, &r);
	ok = send_reply(w, conn, &rq, url, pd, &r);
	free(rq.session);
	free(rq.device);
	form_free(&rq.form);
	sb_free(&r.body);
	free(r.location);
	free(r.set_cookie);
	free(r.set_cookie2);
	return ok;
}

/* Frees what a connection's request gathered, once it is answered. */
static void
completed(void *cls, struct MHD_Connection *conn, void **con_cls,
    enum MHD_RequestTerminationCode toe)
{
	struct pending *pd = *con_cls;

	if (pd != NULL) {
		sb_free(&pd->body);
		free(pd);
	}
	*con_cls = NULL;
}

/* Reads "ADDR:PORT" or "[ADDR]:PORT" into *out (numeric only); 0 or -1 with 'e' set. */
static int
parse_listen(const char *text, struct sockaddr_storage *out, socklen_t *outlen, su_err *e)
{
	struct addrinfo hints = { .ai_flags = AI_NUMERICHOST | AI_NUMERICSERV,
		.ai_socktype = SOCK_STREAM }, *res;
	const char *colon = strrchr(text, ':');
	char host[64];
	size_t hl;

	if (colon == NULL || colon == text || colon[1] == '\0')
		return su_err_set(e, "'%s' is not ADDR:PORT", text);
	hl = (size_t)(colon - text);
	if (text[0] == '[' && hl >= 2 && text[hl - 1] == ']')
		text++, hl -= 2;
	if (hl >= sizeof host)
		return su_err_set(e, "'%s' is not ADDR:PORT", text);
	memcpy(host, text, hl);
	host[hl] = '\0';
	if (getaddrinfo(host, colon + 1, &hints, &res) != 0)
		return su_err_set(e, "'%s' is not ADDR:PORT (a numeric address and port)", text);
	memcpy(out, res->ai_addr, res->ai_addrlen);
	*outlen = res->ai_addrlen;
	freeaddrinfo(res);
	return 0;
}

void
web_block_signals(void)
{
	sigset_t set;

	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
}

/*
 * Writes what libmicrohttpd has to say once it runs (a TLS handshake that
 * failed...) into the log; web_start words a failure to start itself.
 */
static void
mhd_said(void *cls, const char *fmt, va_list ap)
{
	struct web *w = cls;

	if (w->daemon == NULL)
		return;
	fputs("serve: ", w->log);
	vfprintf(w->log, fmt, ap);
	fflush(w->log);
}

/* Starts libmicrohttpd on 'sa' (TLS if cert and key are given); 0 or -1 with 'e' set. */
static int
start_daemon(struct web *w, const struct sockaddr *sa, const char *cert, const char *key,
    su_err *e)
{
	unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_AUTO | MHD_USE_ERROR_LOG |
	    MHD_USE_ITC |
	    (sa->sa_family == AF_INET6 ? MHD_USE_IPv6 : 0) | (cert ? MHD_USE_TLS : 0);

	errno = 0;
	w->daemon = MHD_start_daemon(flags, 0, accept_client, w, handle, w,
	    MHD_OPTION_EXTERNAL_LOGGER, mhd_said, w,
	    MHD_OPTION_SOCK_ADDR, sa,
	    MHD_OPTION_NOTIFY_COMPLETED, completed, w,
	    MHD_OPTION_NOTIFY_CONNECTION, connection_noted, w,
	    MHD_OPTION_CONNECTION_LIMIT, (unsigned)WEB_CONNECTIONS_MAX,
	    MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)WEB_IDLE_SECONDS,
	    MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)32768,
	    cert ? MHD_OPTION_HTTPS_MEM_CERT : MHD_OPTION_END, cert,
	    MHD_OPTION_HTTPS_MEM_KEY, key,
	    MHD_OPTION_END);
	if (w->daemon == NULL)
		return su_err_set(e, "%s", errno ? strerror(errno) :
		    "the TLS certificate or key cannot be used");
	return 0;
}

/* Works out the links' start: --public-url, else the address listened on. */
static void
set_base_url(struct web *w, const struct web_options *o)
{
	const union MHD_DaemonInfo *di = MHD_get_daemon_info(w->daemon,
	    MHD_DAEMON_INFO_BIND_PORT);
	const char *colon = strrchr(o->listen, ':');

	if (o->public_url != NULL && *o->public_url) {
		w->base_url = xstrdup(o->public_url);
		return;
	}
	w->base_url = xasprintf("%s://%.*s:%u", w->tls ? "https" : "http",
	    (int)(colon - o->listen), o->listen, di ? di->port : 0);
}

struct web *
web_start(struct store *st, const struct web_options *o, su_err *e)
{
	struct web *w = xcalloc(1, sizeof *w);
	struct sockaddr_storage sa;
	socklen_t salen;
	char *cert = NULL, *key = NULL;
	size_t len;

	w->st = st;
	store_set_source(st, "web");
	store_set_lock_wait(st, WEB_LOCK_WAIT_MS);
	w->log = o->log;
	w->tls = o->tls_cert != NULL;
	w->tick = o->tick;
	w->tick_arg = o->tick_arg;
	w->tick_seconds = o->tick_seconds > 0 ? o->tick_seconds : 15 * 60;
	if (o->proxy != NULL && web_address_normal(o->proxy, w->proxy, sizeof w->proxy) < 0) {
		su_err_set(e, "--proxy: '%s' is not a numeric address", o->proxy);
		goto fail;
	}
	if (parse_listen(o->listen, &sa, &salen, e) < 0 || pages_load(&w->pages, e) < 0 ||
	    STORE_TX(st, e, webauth_key_load(st, time_now(), &w->key, e)) < 0)
		goto fail;
	if (w->tls && ((cert = file_read_all(o->tls_cert, 1 << 20, &len, e)) == NULL ||
	    (key = file_read_all(o->tls_key, 1 << 20, &len, e)) == NULL))
		goto fail;
	web_block_signals();
	if (start_daemon(w, (const struct sockaddr *)&sa, cert, key, e) < 0)
		goto fail;
	set_base_url(w, o);
	free(cert);
	free(key);
	return w;
fail:
	free(cert);
	free(key);
	pages_free(&w->pages);
	free(w);
	return NULL;
}

const char *
web_base_url(const struct web *w)
{
	return w->base_url;
}

/* Runs w's tick now and every tick_seconds until a signal of 'set' arrives. */
static void
wait_ticking(struct web *w, const sigset_t *set)
{
	struct timespec next, now, left;

	for (;;) {
		w->tick(w->tick_arg);
		__atomic_store_n(&w->last_tick, time_now(), __ATOMIC_RELAXED);
		clock_gettime(CLOCK_MONOTONIC, &next);
		next.tv_sec += w->tick_seconds;
		do {	/* a signal outside 'set' (EINTR) waits on for what is left */
			clock_gettime(CLOCK_MONOTONIC, &now);
			left.tv_sec = next.tv_sec - now.tv_sec;
			left.tv_nsec = next.tv_nsec - now.tv_nsec;
			if (left.tv_nsec < 0)
				left.tv_sec--, left.tv_nsec += 1000000000L;
			if (left.tv_sec < 0)
				break;
			if (sigtimedwait(set, NULL, &left) >= 0)
				return;
		} while (errno == EINTR);
	}
}

void
web_wait_and_stop(struct web *w)
{
	MHD_socket listener;
	sigset_t set;
	int sig;

	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	if (w->tick == NULL)
		sigwait(&set, &sig);
	else
		wait_ticking(w, &set);
	/* no new connections; the thread finishes the request it is answering */
	listener = MHD_quiesce_daemon(w->daemon);
	for (int i = 0; i < 50; i++) {
		const union MHD_DaemonInfo *di = MHD_get_daemon_info(w->daemon,
		    MHD_DAEMON_INFO_CURRENT_CONNECTIONS);

		if (di == NULL || di->num_connections == 0)
			break;
		nanosleep(&(struct timespec){ 0, 100 * 1000 * 1000 }, NULL);
	}
	MHD_stop_daemon(w->daemon);
	if (listener != MHD_INVALID_SOCKET)
		close(listener);	/* quiescing handed it to us */
	pages_free(&w->pages);
	sodium_memzero(&w->key, sizeof w->key);
	free(w->base_url);
	free(w);
}
