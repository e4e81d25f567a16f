/* SPDX-License-Identifier: Apache-2.0 */
/* deliver.c - messages to a mail server: SMTP over one libcurl connection per batch, or
 * piped to sendmail; the config file that says which, read with care for its secrets. */
#include "config.h"

#include <curl/curl.h>
#include <errno.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include "showup/deliver.h"

char *
mail_config_path(void)
{
	const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");

	if (xdg != NULL && *xdg != '\0')
		return xasprintf("%s/showup/config", xdg);
	return xasprintf("%s/.config/showup/config", home ? home : ".");
}

/* Runs a password command and keeps the first line it prints; 0 or -1 with 'e' set. */
static int
run_password_command(const char *cmd, char **out, su_err *e)
{
	FILE *f = popen(cmd, "r");
	char line[512] = "";
	int status;

	if (f == NULL)
		return su_err_set(e, "cannot run password_command: %s", strerror(errno));
	if (fgets(line, sizeof line, f) == NULL)
		line[0] = '\0';
	status = pclose(f);
	if (status != 0 || line[0] == '\0')
		return su_err_set(e, "password_command gave no password (exit status %d)",
		    WIFEXITED(status) ? WEXITSTATUS(status) : -1);
	line[strcspn(line, "\r\n")] = '\0';
	free(*out);
	*out = xstrdup(line);
	return 0;
}

int
mail_rate_parse(const char *text, double *rate)
{
	char *end;
	double r;

	errno = 0;
	r = strtod(text, &end);
	if (end == text || *end != '\0' || errno != 0 || !isfinite(r) || r < 0)
		return -1;
	*rate = r;
	return 0;
}

/* Finds the "user:password@" of 'url': returns where it would begin and sets its length (0: none). */
static const char *
url_userinfo(const char *url, size_t *len)
{
	const char *s = strstr(url, "://"), *end, *at = NULL;

	s = s != NULL ? s + 3 : url;
	end = s + strcspn(s, "/?#");
	for (const char *p = s; p < end; p++)
		if (*p == '@')
			at = p;
	*len = at != NULL ? (size_t)(at + 1 - s) : 0;
	return s;
}

/* Returns 1 if 'url' carries a password ("smtp://user:password@host"). */
static int
url_has_password(const char *url)
{
	size_t len;
	const char *userinfo = url_userinfo(url, &len);

	return len > 0 && memchr(userinfo, ':', len) != NULL;
}

/* Returns 'url' without its "user:password@", fit to show; the caller frees it. */
static char *
url_shown(const char *url)
{
	size_t len;
	const char *userinfo = url_userinfo(url, &len);

	return xasprintf("%.*s%s", (int)(userinfo - url), url, userinfo + len);
}

/* Returns where the host begins in 'url' (past "scheme://" and any "user@"), and its length. */
static const char *
url_host(const char *url, size_t *len)
{
	size_t userinfo_len;
	const char *host = url_userinfo(url, &userinfo_len) + userinfo_len;

	*len = *host == '[' ? strcspn(host, "]") + 1 : strcspn(host, ":/?#");
	return host;
}

/*
 * Applies a setting of [smtp] that is more than a string kept (password_command,
 * rate, tls), or refuses a url with a password; 1 done, 0 none of these, -1 with 'e' set.
 */
static int
smtp_set(struct mail_config *c, const char *key, const char *value, const char *where,
    su_err *e)
{
	if (strcmp(key, "password_command") == 0)
		return run_password_command(value, &c->password, e) == 0 ? 1 : -1;
	if (strcmp(key, "rate") == 0)
		return mail_rate_parse(value, &c->rate) == 0 ? 1 : su_err_set(e, "%s: rate is "
		    "messages a minute, not '%s'", where, value);
	if (strcmp(key, "tls") == 0) {
		if (strcmp(value, "none") != 0 && strcmp(value, "required") != 0)
			return su_err_set(e, "%s: tls is 'required' or 'none'", where);
		c->plain = strcmp(value, "none") == 0;
		return 1;
	}
	if (strcmp(key, "url") == 0 && url_has_password(value))	/* never echo it */
		return su_err_set(e, "%s: put the user in 'user' and the password in "
		    "password_command; a password in url is refused", where);
	return 0;
}

/* Returns where the string setting 'key' of [section] is kept; NULL if there is none. */
static char **
config_slot(struct mail_config *c, const char *section, const char *key)
{
	if (*section == '\0')
		return strcmp(key, "via") == 0 ? &c->via : NULL;
	if (strcmp(section, "sendmail") == 0)
		return strcmp(key, "command") == 0 ? &c->sendmail : NULL;
	if (strcmp(section, "serve") == 0)
		return strcmp(key, "public_url") == 0 ? &c->public_url :
		    strcmp(key, "proxy") == 0 ? &c->proxy : NULL;
	if (strcmp(section, "smtp") != 0)
		return NULL;
	if (strcmp(key, "url") == 0)
		return &c->url;
	if (strcmp(key, "user") == 0)
		return &c->user;
	if (strcmp(key, "from") == 0)
		return &c->from;
	if (strcmp(key, "cafile") == 0)
		return &c->cafile;
	if (strcmp(key, "password") == 0)
		return &c->password;
	return NULL;
}

/* Refuses a setting the config does not know, with the known one it is a typo of; -1. */
static int
unknown_setting(const char *section, const char *key, const char *where, su_err *e)
{
	static const char *const known[][2] = {
		{ "smtp", "url" }, { "smtp", "user" }, { "smtp", "password" },
		{ "smtp", "password_command" }, { "smtp", "from" }, { "smtp", "rate" },
		{ "smtp", "tls" }, { "smtp", "cafile" }, { "sendmail", "command" },
		{ "serve", "public_url" }, { "serve", "proxy" },
	};

	for (size_t i = 0; i < ARRAY_SIZE(known); i++)
		if (edit_distance(key, known[i][1]) <= (strlen(known[i][1]) > 4 ? 2 : 1))
			return su_err_set(e, "%s: unknown setting '%s' in [%s]; did you mean "
			    "'%s' in [%s]?", where, key, section, known[i][1], known[i][0]);
	return su_err_set(e, "%s: unknown setting '%s' in [%s]", where, key, section);
}

/* Applies one "key = value" of section 'section'; 0 or -1 with 'e' set. */
static int
config_set(struct mail_config *c, const char *section, const char *key, const char *value,
    const char *where, su_err *e)
{
	char **slot;
	int done;

	if (strcmp(section, "smtp") == 0 && (done = smtp_set(c, key, value, where, e)) != 0)
		return done < 0 ? -1 : 0;
	if (*section == '\0' && strcmp(key, "via") == 0 && strcmp(value, "smtp") != 0 &&
	    strcmp(value, "sendmail") != 0)
		return su_err_set(e, "%s: via is 'smtp' or 'sendmail', not '%s'", where, value);
	if ((slot = config_slot(c, section, key)) == NULL)
		return unknown_setting(section, key, where, e);
	if (slot == &c->cafile)
		c->cafile_from = "cafile in [smtp]";
	free(*slot);
	*slot = xstrdup(value);
	return 0;
}

int
mail_config_exposed(const char *path)
{
	struct stat sb;
	char *text;
	size_t len;
	int exposed;

	if (stat(path, &sb) != 0 || (sb.st_mode & 077) == 0)
		return 0;
	if ((text = file_read_all(path, 1 << 16, &len, NULL)) == NULL)
		return 0;
	exposed = strstr(text, "password") != NULL;
	free(text);
	return exposed;
}

/* Takes the CA file from the environment when the config names none: $CURL_CA_BUNDLE first. */
static void
cafile_from_env(struct mail_config *c)
{
	static const char *const vars[][2] = {
		{ "CURL_CA_BUNDLE", "$CURL_CA_BUNDLE" }, { "SSL_CERT_FILE", "$SSL_CERT_FILE" },
	};

	for (size_t i = 0; i < ARRAY_SIZE(vars) && c->cafile == NULL; i++) {
		const char *v = getenv(vars[i][0]);

		if (v != NULL && *v != '\0') {
			c->cafile = xstrdup(v);
			c->cafile_from = vars[i][1];
		}
	}
}

int
mail_config_load(const char *path, struct mail_config *c, su_err *e)
{
	char *text, *rest, *line, section[32] = "";
	size_t len;
	int n = 0, rc = 0;

	memset(c, 0, sizeof *c);
	if ((text = file_read_all(path, 1 << 16, &len, NULL)) == NULL)
		text = xstrdup("");	/* no config: SMTP needs one, sendmail does not */
	if (mail_config_exposed(path)) {
		free(text);
		return su_err_set(e, "'%s' holds a password setting and others can read it "
		    "(chmod 600 '%s')", path, path);
	}
	rest = text;
	while ((line = strsep(&rest, "\n")) != NULL && rc == 0) {	/* blank lines count */
		char where[300], *eq;

		n++;
		line = str_trim(line);
		snprintf(where, sizeof where, "%s:%d", path, n);
		if (*line == '\0' || *line == '#' || *line == ';')
			continue;
		if (*line == '[') {
			snprintf(section, sizeof section, "%.*s", (int)strcspn(line + 1, "]"),
			    line + 1);
			continue;
		}
		if ((eq = strchr(line, '=')) == NULL) {
			rc = su_err_set(e, "%s: not 'key = value'", where);
			continue;
		}
		*eq = '\0';
		rc = config_set(c, section, str_trim(line), str_trim(eq + 1), where, e);
	}
	free(text);
	if (rc == 0 && getenv("SHOWUP_SMTP_PASSWORD") != NULL) {
		free(c->password);
		c->password = xstrdup(getenv("SHOWUP_SMTP_PASSWORD"));
	}
	if (rc == 0)
		cafile_from_env(c);
	if (rc < 0)
		mail_config_free(c);
	return rc;
}

void
mail_config_free(struct mail_config *c)
{
	free(c->via);
	free(c->url);
	free(c->user);
	free(c->password);
	free(c->from);
	free(c->sendmail);
	free(c->cafile);
	free(c->public_url);
	free(c->proxy);
	memset(c, 0, sizeof *c);
}

const char *
mail_sendmail_command(const struct mail_config *c)
{
	return c->sendmail != NULL ? c->sendmail : "sendmail -t -i";
}

struct mailer {
	CURL *curl;		/* NULL: sendmail */
	char *sendmail;
	struct strbuf reply;	/* what the server said, line by line */
	char error[CURL_ERROR_SIZE];	/* libcurl's words on a failure ("SSL certificate problem: ...") */
	char *host;		/* the server's name in the url, for messages */
	char *cafile;		/* the CA file set, for messages; NULL: the system's */
	const char *cafile_from;	/* where it was set ("$SSL_CERT_FILE") */
};

/* The message being uploaded, for libcurl's read callback. */
struct upload { const unsigned char *data; size_t len, pos; };

static size_t
read_message(char *buf, size_t size, size_t n, void *arg)
{
	struct upload *u = arg;
	size_t left = u->len - u->pos, take = size * n < left ? size * n : left;

	memcpy(buf, u->data + u->pos, take);
	u->pos += take;
	return take;
}

/* Keeps the server's replies (the "queued as" line arrives only here). */
static size_t
keep_reply(char *buf, size_t size, size_t n, void *arg)
{
	struct mailer *m = arg;

	sb_add(&m->reply, buf, size * n);
	return size * n;
}

/* Refuses a server address that is not smtp:// or smtps://, and a CA file TLS cannot read. */
static int
check_smtp_config(const struct mail_config *c, su_err *e)
{
	FILE *f;
	int tls;

	if (c->url == NULL)
		return su_err_set(e, "no SMTP server set: add [smtp] url = smtp://HOST:587 to the "
		    "config file, or send through sendmail");
	if (strncmp(c->url, "smtp://", 7) != 0 && strncmp(c->url, "smtps://", 8) != 0) {
		char *shown = url_shown(c->url);

		su_err_set(e, "'%s' is not an smtp:// or smtps:// address", shown);
		free(shown);
		return -1;
	}
	tls = !c->plain || strncmp(c->url, "smtps://", 8) == 0;
	if (c->cafile == NULL || !tls)
		return 0;
	if ((f = fopen(c->cafile, "r")) == NULL)
		return su_err_set(e, "cannot read the CA certificates '%s' (from %s): %s", c->cafile,
		    c->cafile_from, strerror(errno));
	fclose(f);
	return 0;
}

struct mailer *
mailer_open(const struct mail_config *c, const char *via, su_err *e)
{
	struct mailer *m;
	size_t host_len;
	const char *host;

	if (via == NULL)
		via = c->via ? c->via : "smtp";
	if (strcmp(via, "sendmail") == 0) {
		m = xcalloc(1, sizeof *m);
		m->sendmail = xstrdup(mail_sendmail_command(c));
		return m;
	}
	if (check_smtp_config(c, e) < 0)
		return NULL;
	m = xcalloc(1, sizeof *m);
	m->cafile = c->cafile ? xstrdup(c->cafile) : NULL;
	m->cafile_from = c->cafile_from;
	host = url_host(c->url, &host_len);
	m->host = xstrndup(host, host_len);
	curl_global_init(CURL_GLOBAL_DEFAULT);
	m->curl = curl_easy_init();
	curl_easy_setopt(m->curl, CURLOPT_URL, c->url);
	curl_easy_setopt(m->curl, CURLOPT_ERRORBUFFER, m->error);
	if (c->cafile != NULL)
		curl_easy_setopt(m->curl, CURLOPT_CAINFO, c->cafile);
	if (strncmp(c->url, "smtp://", 7) == 0)
		curl_easy_setopt(m->curl, CURLOPT_USE_SSL,
		    (long)(c->plain ? CURLUSESSL_NONE : CURLUSESSL_ALL));
	if (c->user != NULL)
		curl_easy_setopt(m->curl, CURLOPT_USERNAME, c->user);
	if (c->password != NULL)
		curl_easy_setopt(m->curl, CURLOPT_PASSWORD, c->password);
	curl_easy_setopt(m->curl, CURLOPT_UPLOAD, 1L);
	curl_easy_setopt(m->curl, CURLOPT_READFUNCTION, read_message);
	curl_easy_setopt(m->curl, CURLOPT_HEADERFUNCTION, keep_reply);
	curl_easy_setopt(m->curl, CURLOPT_HEADERDATA, m);
	curl_easy_setopt(m->curl, CURLOPT_CONNECTTIMEOUT, 20L);
	curl_easy_setopt(m->curl, CURLOPT_TIMEOUT, 120L);
	return m;
}

/* Pipes a message (its CRLF made LF) to sendmail; exit 75 is a temporary failure. */
static enum delivery
send_sendmail(struct mailer *m, const unsigned char *msg, size_t len, struct strbuf *reply)
{
	void (*old)(int) = signal(SIGPIPE, SIG_IGN);	/* a sendmail that quits early */
	FILE *f = popen(m->sendmail, "w");
	int status, write_failed = 0;

	if (f == NULL) {
		signal(SIGPIPE, old);
		sb_addf(reply, "cannot run '%s': %s", m->sendmail, strerror(errno));
		return DELIVERY_RETRY;
	}
	for (size_t i = 0; i < len && !write_failed; i++)
		if (!(msg[i] == '\r' && i + 1 < len && msg[i + 1] == '\n'))
			write_failed = fputc(msg[i], f) == EOF;
	write_failed |= fflush(f) != 0;
	status = pclose(f);
	signal(SIGPIPE, old);
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0 && !write_failed) {
		sb_adds(reply, "sendmail: accepted");
		return DELIVERED;
	}
	sb_addf(reply, "sendmail exited with status %d",
	    WIFEXITED(status) ? WEXITSTATUS(status) : -1);
	return WIFEXITED(status) && WEXITSTATUS(status) == 75 ? DELIVERY_RETRY : DELIVERY_FAILED;
}

/* Returns 1 if 'rc' is a failure of TLS itself: no STARTTLS, the handshake, the certificate. */
static int
tls_failed(CURLcode rc)
{
	switch (rc) {
	case CURLE_USE_SSL_FAILED:
	case CURLE_SSL_CONNECT_ERROR:
	case CURLE_PEER_FAILED_VERIFICATION:
#if LIBCURL_VERSION_NUM < 0x073e00	/* before 7.62 a certificate's CA had a code of its own */
	case CURLE_SSL_CACERT:
#endif
	case CURLE_SSL_CACERT_BADFILE:
	case CURLE_SSL_CERTPROBLEM:
	case CURLE_SSL_CIPHER:
	case CURLE_SSL_CRL_BADFILE:
	case CURLE_SSL_ENGINE_NOTFOUND:
	case CURLE_SSL_ENGINE_SETFAILED:
	case CURLE_SSL_ENGINE_INITFAILED:
	case CURLE_SSL_ISSUER_ERROR:
	case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
	case CURLE_SSL_INVALIDCERTSTATUS:
#if LIBCURL_VERSION_NUM >= 0x074d00
	case CURLE_SSL_CLIENTCERT:
#endif
		return 1;
	default:
		return 0;
	}
}

enum delivery
delivery_of(int curl_rc, long code, int all_sent)
{
	if (curl_rc == CURLE_OK)
		return DELIVERED;
	if (tls_failed((CURLcode)curl_rc))
		return DELIVERY_STOP;
	if (curl_rc == CURLE_LOGIN_DENIED || code == 535 || code == 534 || code == 530)
		return DELIVERY_STOP;
	if (code >= 500 && code < 600)
		return DELIVERY_FAILED;
	if (code < 400 && all_sent)	/* the message went; the answer did not come */
		return DELIVERY_UNKNOWN;
	return DELIVERY_RETRY;	/* a 4xx reply, or the connection broke before the end */
}

/* Appends what to do about a certificate whose CA is not trusted. */
static void
cafile_hint(const struct mailer *m, struct strbuf *out)
{
	if (m->cafile == NULL)
		sb_adds(out, " (add its CA with cafile = FILE.pem in [smtp])");
	else
		sb_addf(out, " (its CA is not in '%s', from %s)", m->cafile, m->cafile_from);
}

/* Puts into 'out' what went wrong with TLS, from libcurl's words, and what to do. */
static void
describe_tls_failure(const struct mailer *m, CURLcode rc, struct strbuf *out)
{
	const char *why = m->error[0] != '\0' ? m->error : curl_easy_strerror(rc);

	if (rc == CURLE_USE_SSL_FAILED) {
		sb_adds(out, "the server offers no STARTTLS (set tls = none only for a server "
		    "on this machine)");
	} else if (strstr(why, "certificate problem") != NULL) {
		sb_addf(out, "the server's certificate is not trusted: %s", why);
		if (strstr(why, "issuer") != NULL || strstr(why, "self") != NULL)
			cafile_hint(m, out);
	} else if (strstr(why, "target host name") != NULL) {
		sb_addf(out, "the server's certificate is not for %s: %s (url must name the "
		    "host as its certificate does)", m->host, why);
	} else if (rc == CURLE_SSL_CACERT_BADFILE) {
		sb_addf(out, "the CA certificates of %s cannot be used: %s", m->cafile ?
		    m->cafile_from : "the system", why);
	} else {
		sb_addf(out, "TLS with the server failed: %s", why);
	}
}

void
smtp_reply_line(const char *s, long code, struct strbuf *out)
{
	const char *found = NULL, *last = NULL;
	char prefix[8];

	snprintf(prefix, sizeof prefix, "%ld", code);
	for (const char *line = s; *line; ) {
		size_t n = strcspn(line, "\r\n");

		if (n > 0) {
			last = line;
			if (code > 0 && strncmp(line, prefix, 3) == 0)
				found = line;
		}
		line += n;
		line += strspn(line, "\r\n");
	}
	if (found == NULL)
		found = last;
	if (found != NULL)
		sb_add(out, found, strcspn(found, "\r\n"));
}

enum delivery
mailer_send(struct mailer *m, const char *from, const char *to, const unsigned char *msg,
    size_t len, struct strbuf *reply)
{
	struct upload u = { msg, len, 0 };
	struct curl_slist *rcpt = NULL;
	char *mail_from, *rcpt_to;
	long code = 0;
	CURLcode rc;

	if (m->curl == NULL)
		return send_sendmail(m, msg, len, reply);
	mail_from = xasprintf("<%s>", from);
	rcpt_to = xasprintf("<%s>", to);
	rcpt = curl_slist_append(rcpt, rcpt_to);
	sb_reset(&m->reply);
	m->error[0] = '\0';
	curl_easy_setopt(m->curl, CURLOPT_MAIL_FROM, mail_from);
	curl_easy_setopt(m->curl, CURLOPT_MAIL_RCPT, rcpt);
	curl_easy_setopt(m->curl, CURLOPT_READDATA, &u);
	curl_easy_setopt(m->curl, CURLOPT_INFILESIZE, (long)len);
	rc = curl_easy_perform(m->curl);
	curl_easy_getinfo(m->curl, CURLINFO_RESPONSE_CODE, &code);
	smtp_reply_line(sb_str(&m->reply), code, reply);
	if (reply->len == 0)
		sb_adds(reply, curl_easy_strerror(rc));
	curl_slist_free_all(rcpt);
	free(mail_from);
	free(rcpt_to);
	if (tls_failed(rc)) {	/* nothing went: the reply is STARTTLS's "220 Ready" at most */
		sb_reset(reply);
		describe_tls_failure(m, rc, reply);
	}
	return delivery_of(rc, code, u.pos == len);
}

int
mailer_check(struct mailer *m, struct strbuf *reply)
{
	long code = 0;
	CURLcode rc;

	if (m->curl == NULL) {
		sb_adds(reply, "sendmail cannot be tried without sending");
		return -1;
	}
	sb_reset(&m->reply);
	m->error[0] = '\0';
	curl_easy_setopt(m->curl, CURLOPT_CONNECT_ONLY, 1L);	/* greeting, TLS, login: no mail */
	rc = curl_easy_perform(m->curl);
	curl_easy_setopt(m->curl, CURLOPT_CONNECT_ONLY, 0L);
	curl_easy_getinfo(m->curl, CURLINFO_RESPONSE_CODE, &code);
	if (tls_failed(rc)) {
		describe_tls_failure(m, rc, reply);
		return -1;
	}
	if (rc != CURLE_OK) {
		smtp_reply_line(sb_str(&m->reply), code, reply);
		if (reply->len == 0)
			sb_adds(reply, m->error[0] != '\0' ? m->error : curl_easy_strerror(rc));
		return -1;
	}
	smtp_reply_line(sb_str(&m->reply), code, reply);
	return 0;
}

void
mailer_close(struct mailer *m)
{
	if (m == NULL)
		return;
	if (m->curl != NULL) {
		curl_easy_cleanup(m->curl);
		curl_global_cleanup();
	}
	free(m->sendmail);
	free(m->host);
	free(m->cafile);
	sb_free(&m->reply);
	free(m);
}
