/* SPDX-License-Identifier: Apache-2.0 */
/* deliver.h - getting messages to a mail server: SMTP through libcurl (one connection
 * for a batch) or a sendmail command, with the settings of showup's config file. */
#ifndef SHOWUP_DELIVER_H
#define SHOWUP_DELIVER_H

#include <stddef.h>

#include "showup/util.h"

struct mail_config {
	char *via;		/* "smtp" or "sendmail" (via = at the top); NULL: smtp */
	char *url;		/* smtp://host:587 (STARTTLS required), smtps://host:465 */
	int plain;		/* tls = none: plain SMTP, asked for in so many words */
	char *user;
	char *password;		/* $SHOWUP_SMTP_PASSWORD or password_command's output */
	char *from;		/* the envelope sender; NULL: each cohort's coach */
	char *sendmail;		/* the sendmail command ("sendmail -t -i") */
	double rate;		/* messages a minute at most; 0 for no limit */
	char *cafile;		/* CA certificates (PEM) to trust; NULL: the system's */
	const char *cafile_from; /* where cafile was set: "[smtp] cafile", "$SSL_CERT_FILE"... */
	char *public_url;	/* [serve] public_url: where participants' links point; NULL: none */
	char *proxy;		/* [serve] proxy: the reverse proxy's address; NULL: none */
};

/* Returns $XDG_CONFIG_HOME/showup/config (or ~/.config/showup/config); the caller frees it. */
char *mail_config_path(void);
/*
 * Reads the INI config (via = smtp|sendmail before any section; [smtp] url,
 * user, password_command, from, rate, tls, cafile; [sendmail] command; [serve]
 * public_url, proxy) at 'path' (a missing file is an empty config).
 * Without cafile, $CURL_CA_BUNDLE is the CA file, else $SSL_CERT_FILE. A file
 * holding a password that others can read is refused. 0 or -1 with 'e' set.
 */
int mail_config_load(const char *path, struct mail_config *c, su_err *e);
void mail_config_free(struct mail_config *c);
/* Returns 1 if the config file at 'path' holds a password setting and others may read it. */
int mail_config_exposed(const char *path);
/* Returns the sendmail command the config names, else "sendmail -t -i". */
const char *mail_sendmail_command(const struct mail_config *c);
/* Reads a rate of messages a minute ("30", "0.5"; 0 for no limit); 0, or -1 if it is none. */
int mail_rate_parse(const char *text, double *rate);

enum delivery {
	DELIVERED,		/* the server took it */
	DELIVERY_RETRY,		/* a 4xx reply or a broken connection: try again later */
	DELIVERY_FAILED,	/* a 5xx reply: this message will not go */
	DELIVERY_STOP,		/* the server refused our login, TLS failed: stop the batch */
	DELIVERY_UNKNOWN,	/* all of it went, and no answer came: it may have arrived */
};

struct mailer;
/*
 * Opens a mailer by 'via' ("smtp" or "sendmail"; NULL: the config's via, else
 * smtp); NULL with 'e' set.
 */
struct mailer *mailer_open(const struct mail_config *c, const char *via, su_err *e);
/*
 * Sends one message; the server's last words go to 'reply', or for a
 * DELIVERY_STOP that no reply explains (TLS), what went wrong in words.
 */
enum delivery mailer_send(struct mailer *m, const char *from, const char *to,
    const unsigned char *msg, size_t len, struct strbuf *reply);
/*
 * Connects to the SMTP server, starts TLS as configured and logs in, sending
 * no mail; 0 with the server's last words in 'reply', or -1 with what went
 * wrong there (a sendmail mailer cannot be tried without sending: -1).
 */
int mailer_check(struct mailer *m, struct strbuf *reply);
void mailer_close(struct mailer *m);

/*
 * What an SMTP transfer came to, from libcurl's result 'curl_rc' (a CURLcode),
 * the server's last reply code (0: none) and whether all of the message went.
 */
enum delivery delivery_of(int curl_rc, long code, int all_sent);
/*
 * Appends the server's word on a message from all its reply lines 'replies': the
 * last line that carries the reply code 'code' libcurl acted on (a refusal is
 * followed by "221 Bye"), else the last line; nothing when there is none.
 */
void smtp_reply_line(const char *replies, long code, struct strbuf *out);

#endif
