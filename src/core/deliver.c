/* deliver.c - messages to a mail server: SMTP over one libcurl connection per batch, or
 * piped to sendmail; the config file that says which, read with care for its secrets. */
#include "config.h"

#include <curl/curl.h>
#include <errno.h>
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

/* Applies one "key = value" of section 'section'; 0 or -1 with 'e' set. */
static int
config_set(struct mail_config *c, const char *section, const char *key, const char *value,
    const char *where, su_err *e)
{
	char **slot = NULL;

	if (strcmp(section, "smtp") == 0) {
		if (strcmp(key, "url") == 0)
			slot = &c->url;
		else if (strcmp(key, "user") == 0)
			slot = &c->user;
		else if (strcmp(key, "from") == 0)
			slot = &c->from;
		else if (strcmp(key, "password_command") == 0)
			return run_password_command(value, &c->password, e);
		else if (strcmp(key, "password") == 0)
			slot = &c->password;
		else if (strcmp(key, "rate") == 0) {
			c->rate = strtod(value, NULL);
			return c->rate >= 0 ? 0 : su_err_set(e, "%s: rate is messages a minute",
			    where);
		} else if (strcmp(key, "tls") == 0) {
			if (strcmp(value, "none") != 0 && strcmp(value, "required") != 0)
				return su_err_set(e, "%s: tls is 'required' or 'none'", where);
			c->plain = strcmp(value, "none") == 0;
			return 0;
		}
	} else if (strcmp(section, "sendmail") == 0 && strcmp(key, "command") == 0) {
		slot = &c->sendmail;
	}
	if (slot == NULL)
		return su_err_set(e, "%s: unknown setting '%s' in [%s]", where, key, section);
	free(*slot);
	*slot = xstrdup(value);
	return 0;
}

/* Refuses a config file with a secret in it that others can read. */
static int
check_private(const char *path, const char *text, su_err *e)
{
	struct stat sb;

	if (strstr(text, "password") == NULL || stat(path, &sb) != 0)
		return 0;
	if ((sb.st_mode & 077) != 0)
		return su_err_set(e, "'%s' holds a password setting and others can read it "
		    "(chmod 600 '%s')", path, path);
	return 0;
}

int
mail_config_load(const char *path, struct mail_config *c, su_err *e)
{
	char *text, *save = NULL, *line, section[32] = "";
	size_t len;
	int n = 0, rc = 0;

	memset(c, 0, sizeof *c);
	if ((text = file_read_all(path, 1 << 16, &len, NULL)) == NULL)
		text = xstrdup("");	/* no config: SMTP needs one, sendmail does not */
	if (check_private(path, text, e) < 0) {
		free(text);
		return -1;
	}
	for (line = strtok_r(text, "\n", &save); line && rc == 0;
	    line = strtok_r(NULL, "\n", &save)) {
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
	if (rc < 0)
		mail_config_free(c);
	return rc;
}

void
mail_config_free(struct mail_config *c)
{
	free(c->url);
	free(c->user);
	free(c->password);
	free(c->from);
	free(c->sendmail);
	memset(c, 0, sizeof *c);
}

struct mailer {
	CURL *curl;		/* NULL: sendmail */
	char *sendmail;
	struct strbuf reply;	/* what the server said, line by line */
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

struct mailer *
mailer_open(const struct mail_config *c, const char *via, su_err *e)
{
	struct mailer *m = xcalloc(1, sizeof *m);

	if (strcmp(via, "sendmail") == 0) {
		m->sendmail = xstrdup(c->sendmail ? c->sendmail : "sendmail -t -i");
		return m;
	}
	if (c->url == NULL) {
		free(m);
		su_err_set(e, "no SMTP server set: add [smtp] url = smtp://HOST:587 to %s, or "
		    "use --via sendmail", "the config file");
		return NULL;
	}
	if (strncmp(c->url, "smtp://", 7) != 0 && strncmp(c->url, "smtps://", 8) != 0) {
		free(m);
		su_err_set(e, "'%s' is not an smtp:// or smtps:// address", c->url);
		return NULL;
	}
	curl_global_init(CURL_GLOBAL_DEFAULT);
	m->curl = curl_easy_init();
	curl_easy_setopt(m->curl, CURLOPT_URL, c->url);
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

/*
 * Appends the server's word on the message: the last line that carries the
 * reply code libcurl acted on (a refusal is followed by "221 Bye"), else the
 * last line.
 */
static void
reply_line(const struct strbuf *all, long code, struct strbuf *out)
{
	const char *s = sb_str(all), *found = NULL, *last = NULL;
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
	curl_easy_setopt(m->curl, CURLOPT_MAIL_FROM, mail_from);
	curl_easy_setopt(m->curl, CURLOPT_MAIL_RCPT, rcpt);
	curl_easy_setopt(m->curl, CURLOPT_READDATA, &u);
	curl_easy_setopt(m->curl, CURLOPT_INFILESIZE, (long)len);
	rc = curl_easy_perform(m->curl);
	curl_easy_getinfo(m->curl, CURLINFO_RESPONSE_CODE, &code);
	reply_line(&m->reply, code, reply);
	if (reply->len == 0)
		sb_adds(reply, curl_easy_strerror(rc));
	curl_slist_free_all(rcpt);
	free(mail_from);
	free(rcpt_to);
	if (rc == CURLE_OK)
		return DELIVERED;
	if (rc == CURLE_USE_SSL_FAILED) {
		sb_reset(reply);
		sb_adds(reply, "the server offers no STARTTLS (set tls = none only for a "
		    "server on this machine)");
		return DELIVERY_STOP;
	}
	if (rc == CURLE_LOGIN_DENIED || code == 535 || code == 534 || code == 530)
		return DELIVERY_STOP;
	if (code >= 500 && code < 600)
		return DELIVERY_FAILED;
	if (code < 400 && u.pos == len)	/* the message went; the answer did not come */
		return DELIVERY_UNKNOWN;
	return DELIVERY_RETRY;	/* a 4xx reply, or the connection broke before the end */
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
	sb_free(&m->reply);
	free(m);
}
