/* SPDX-License-Identifier: Apache-2.0 */
/* test_deliver.c - the mail config file read with care for its secrets, the mailers
 * opened and refused, sendmail's exits, and what an SMTP reply comes to: no network. */
#include "config.h"

#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "showup/deliver.h"
#include "suites.h"

/* A fresh folder, and none of the environment that would change a config. */
static void
setup(void)
{
	fx_setup();
	unsetenv("SHOWUP_SMTP_PASSWORD");
	unsetenv("CURL_CA_BUNDLE");
	unsetenv("SSL_CERT_FILE");
}

/* Writes 'text' as the config file with 'mode' and loads it; mail_config_load's result. */
static int
load(const char *text, mode_t mode, struct mail_config *c, su_err *e)
{
	return mail_config_load(fx_write("config", text, mode), c, e);
}

/* Checks string field 'got' against 'want' (NULL: unset). */
static void
ck_field(const char *name, const char *got, const char *want)
{
	if (want == NULL)
		ck_assert_msg(got == NULL, "%s is '%s', not unset", name, got);
	else
		ck_assert_msg(got != NULL && strcmp(got, want) == 0, "%s is '%s', not '%s'", name,
		    got ? got : "(unset)", want);
}

/* --- the config file --------------------------------------------------------------- */

/* Config files that are read, and what each setting becomes. */
static const struct {
	const char *text;
	const char *url, *user, *password, *from, *sendmail;
	double rate;
	int plain;
} good_configs[] = {
	{ "[smtp]\nurl = smtps://mail.example.com:465\nuser = coach\n"
	  "from = Cora <cora@example.com>\nrate = 0.5\ntls = required\n"
	  "[sendmail]\ncommand = /usr/sbin/sendmail -t -i\n",
	  "smtps://mail.example.com:465", "coach", NULL, "Cora <cora@example.com>",
	  "/usr/sbin/sendmail -t -i", 0.5, 0 },
	/* comments, blank lines, spaces around keys and values */
	{ "# mail\n; also a comment\n\n[smtp]\n   url   =   smtp://localhost:2525  \n"
	  "\ttls=none\n", "smtp://localhost:2525", NULL, NULL, NULL, NULL, 0, 1 },
	{ "", NULL, NULL, NULL, NULL, NULL, 0, 0 },
	/* a user in the url is no password; nor is a colon of the port or an IPv6 host */
	{ "[smtp]\nurl = smtp://coach@mail.example.com:587\n",
	  "smtp://coach@mail.example.com:587", NULL, NULL, NULL, NULL, 0, 0 },
	{ "[smtp]\nurl = smtp://[::1]:2525\n", "smtp://[::1]:2525", NULL, NULL, NULL, NULL,
	  0, 0 },
	{ "[smtp]\nurl = smtp://mail.example.com/x:y@z\n", "smtp://mail.example.com/x:y@z",
	  NULL, NULL, NULL, NULL, 0, 0 },
	/* a password kept in a private file; the value may hold '=' */
	{ "[smtp]\npassword = a=b c\nrate = 30\n", NULL, NULL, "a=b c", NULL, NULL, 30, 0 },
};

/* A config that reads gives each setting its value; unset ones stay unset. */
START_TEST(config_read_setting_by_setting)
{
	struct mail_config c;
	su_err e;

	ck_assert_msg(load(good_configs[_i].text, 0600, &c, &e) == 0, "%s", e.msg);
	ck_field("url", c.url, good_configs[_i].url);
	ck_field("user", c.user, good_configs[_i].user);
	ck_field("password", c.password, good_configs[_i].password);
	ck_field("from", c.from, good_configs[_i].from);
	ck_field("sendmail", c.sendmail, good_configs[_i].sendmail);
	ck_assert_double_eq(c.rate, good_configs[_i].rate);
	ck_assert_int_eq(c.plain, good_configs[_i].plain);
	ck_field("cafile", c.cafile, NULL);
	mail_config_free(&c);
}
END_TEST

/* Config files that are refused, and the error after "FILE": each names its line. */
static const struct {
	const char *text;
	const char *error;
} bad_configs[] = {
	{ "[smtp]\n\n# how fast\nrate = fast\n", ":4: rate is messages a minute, not 'fast'" },
	{ "[smtp]\nrate = -2\n", ":2: rate is messages a minute, not '-2'" },
	{ "[smtp]\ntls = maybe\n", ":2: tls is 'required' or 'none'" },
	{ "[smtp]\nport = 25\n", ":2: unknown setting 'port' in [smtp]" },
	{ "[smtp]\npasword_command = pass mail\n", ":2: unknown setting 'pasword_command' in "
	  "[smtp]; did you mean 'password_command' in [smtp]?" },
	{ "[sendmail]\ncomand = msmtp -t\n", ":2: unknown setting 'comand' in [sendmail]; did "
	  "you mean 'command' in [sendmail]?" },
	{ "[sendmail]\nurl = smtp://localhost\n", ":2: unknown setting 'url' in [sendmail]; "
	  "did you mean 'url' in [smtp]?" },
	{ "[imap]\nurl = imap://localhost\n", ":2: unknown setting 'url' in [imap]; did you "
	  "mean 'url' in [smtp]?" },
	{ "url = smtp://localhost\n", ":1: unknown setting 'url' in []; did you mean 'url' in "
	  "[smtp]?" },
	{ "[smtp]\nurl smtp://localhost\n", ":2: not 'key = value'" },
	{ "[smtp]\nuser = coach\nurl = smtp://coach:s3cret@mail.example.com\n",
	  ":3: put the user in 'user' and the password in password_command; a password in "
	  "url is refused" },
	{ "[smtp]\nurl = smtps://coach:@mail.example.com\n",
	  ":2: put the user in 'user' and the password in password_command; a password in "
	  "url is refused" },
	/* the first error stops the reading */
	{ "[smtp]\ntls = no\nrate = x\n", ":2: tls is 'required' or 'none'" },
};

/* A bad config is refused with "file:line: what", a password in url never shown. */
START_TEST(config_errors_name_the_line)
{
	struct mail_config c;
	char want[600];
	su_err e;

	ck_assert_int_eq(load(bad_configs[_i].text, 0600, &c, &e), -1);
	snprintf(want, sizeof want, "%s/config%s", fx_dir, bad_configs[_i].error);
	ck_assert_str_eq(e.msg, want);
	ck_assert_ptr_null(strstr(e.msg, "s3cret"));
	ck_assert_ptr_null(c.url);	/* nothing half-read is left */
}
END_TEST

/* A file holding a password, or the command that gives one, must be the owner's alone. */
static const struct {
	const char *text;
	mode_t mode;
	int refused;
} private_cases[] = {
	{ "[smtp]\npassword = hunter2\n", 0600, 0 },
	{ "[smtp]\npassword = hunter2\n", 0400, 0 },
	{ "[smtp]\npassword = hunter2\n", 0644, 1 },
	{ "[smtp]\npassword = hunter2\n", 0640, 1 },
	{ "[smtp]\npassword = hunter2\n", 0604, 1 },
	{ "[smtp]\npassword_command = echo hunter2\n", 0644, 1 },
	{ "[smtp]\nurl = smtp://localhost:2525\n", 0644, 0 },
};

/* A config with a password that others may read is refused; the owner's alone is read. */
START_TEST(config_with_a_password_is_private)
{
	struct mail_config c;
	char want[600];
	su_err e;

	if (!private_cases[_i].refused) {
		ck_assert_msg(load(private_cases[_i].text, private_cases[_i].mode, &c, &e) == 0,
		    "%s", e.msg);
		mail_config_free(&c);
		return;
	}
	ck_assert_int_eq(load(private_cases[_i].text, private_cases[_i].mode, &c, &e), -1);
	snprintf(want, sizeof want, "'%s/config' holds a password setting and others can read "
	    "it (chmod 600 '%s/config')", fx_dir, fx_dir);
	ck_assert_str_eq(e.msg, want);
	ck_assert_ptr_null(strstr(e.msg, "hunter2"));
}
END_TEST

/* No file is an empty config (sendmail needs none). */
START_TEST(config_missing_is_empty)
{
	struct mail_config c;
	char path[400];
	su_err e;

	ck_assert_int_eq(mail_config_load(fx_path(path, sizeof path, "none"), &c, &e), 0);
	ck_assert_ptr_null(c.url);
	ck_assert_ptr_null(c.sendmail);
	ck_assert_ptr_null(c.password);
	mail_config_free(&c);
}
END_TEST

/* password_command's first line is the password; one that gives none is an error. */
static const struct {
	const char *command;
	const char *password;
	const char *error;
} command_cases[] = {
	{ "echo hunter2", "hunter2", NULL },
	{ "printf 'two words\\r\\nsecond line\\n'", "two words", NULL },
	{ "exit 3", NULL, "password_command gave no password (exit status 3)" },
	{ "true", NULL, "password_command gave no password (exit status 0)" },
	{ "echo hunter2; exit 1", NULL, "password_command gave no password (exit status 1)" },
};

/* password_command gives the password, or an error with its exit status. */
START_TEST(config_password_command)
{
	struct mail_config c;
	struct strbuf text = STRBUF_INIT;
	su_err e;

	sb_addf(&text, "[smtp]\npassword_command = %s\n", command_cases[_i].command);
	if (command_cases[_i].error == NULL) {
		ck_assert_msg(load(sb_str(&text), 0600, &c, &e) == 0, "%s", e.msg);
		ck_field("password", c.password, command_cases[_i].password);
		mail_config_free(&c);
	} else {
		ck_assert_int_eq(load(sb_str(&text), 0600, &c, &e), -1);
		ck_assert_str_eq(e.msg, command_cases[_i].error);
	}
	sb_free(&text);
}
END_TEST

/* $SHOWUP_SMTP_PASSWORD wins over the file's password. */
START_TEST(config_password_from_the_environment)
{
	struct mail_config c;
	su_err e;

	setenv("SHOWUP_SMTP_PASSWORD", "from-env", 1);
	ck_assert_int_eq(load("[smtp]\npassword = from-file\n", 0600, &c, &e), 0);
	ck_field("password", c.password, "from-env");
	mail_config_free(&c);
	ck_assert_int_eq(load("", 0600, &c, &e), 0);
	ck_field("password", c.password, "from-env");
	mail_config_free(&c);
}
END_TEST

/* The CA file: the config's cafile, else $CURL_CA_BUNDLE, else $SSL_CERT_FILE; and whence. */
static const struct {
	const char *config, *curl_ca_bundle, *ssl_cert_file;
	const char *cafile, *from;
} cafile_cases[] = {
	{ "/etc/c.pem", "/etc/a.pem", "/etc/b.pem", "/etc/c.pem", "cafile in [smtp]" },
	{ NULL, "/etc/a.pem", "/etc/b.pem", "/etc/a.pem", "$CURL_CA_BUNDLE" },
	{ NULL, "", "/etc/b.pem", "/etc/b.pem", "$SSL_CERT_FILE" },
	{ NULL, NULL, "/etc/b.pem", "/etc/b.pem", "$SSL_CERT_FILE" },
	{ NULL, NULL, "", NULL, NULL },
	{ NULL, NULL, NULL, NULL, NULL },
};

/* The CA file and where it came from, for each source given. */
START_TEST(config_cafile_and_whence)
{
	struct mail_config c;
	struct strbuf text = STRBUF_INIT;
	su_err e;

	if (cafile_cases[_i].config != NULL)
		sb_addf(&text, "[smtp]\ncafile = %s\n", cafile_cases[_i].config);
	if (cafile_cases[_i].curl_ca_bundle != NULL)
		setenv("CURL_CA_BUNDLE", cafile_cases[_i].curl_ca_bundle, 1);
	if (cafile_cases[_i].ssl_cert_file != NULL)
		setenv("SSL_CERT_FILE", cafile_cases[_i].ssl_cert_file, 1);
	ck_assert_msg(load(sb_str(&text), 0600, &c, &e) == 0, "%s", e.msg);
	ck_field("cafile", c.cafile, cafile_cases[_i].cafile);
	ck_field("cafile_from", c.cafile_from, cafile_cases[_i].from);
	mail_config_free(&c);
	sb_free(&text);
}
END_TEST

/* A rate is a finite number of messages a minute, 0 or more. */
static const struct {
	const char *text;
	int ok;
	double rate;
} rate_cases[] = {
	{ "30", 1, 30 }, { "0.5", 1, 0.5 }, { "0", 1, 0 }, { "1e1", 1, 10 },
	{ "", 0, 0 }, { "-1", 0, 0 }, { "fast", 0, 0 }, { "30/min", 0, 0 },
	{ "30 ", 0, 0 }, { "inf", 0, 0 }, { "nan", 0, 0 }, { "1e999", 0, 0 },
};

/* mail_rate_parse takes a finite number of 0 or more, nothing else. */
START_TEST(rate_parse)
{
	double rate = -7;

	ck_assert_int_eq(mail_rate_parse(rate_cases[_i].text, &rate), rate_cases[_i].ok ? 0 : -1);
	ck_assert_double_eq(rate, rate_cases[_i].ok ? rate_cases[_i].rate : -7);
}
END_TEST

/* The config's place: $XDG_CONFIG_HOME, else ~/.config, else ./.config. */
static const struct {
	const char *xdg, *home, *path;
} path_cases[] = {
	{ "/x/conf", "/home/cora", "/x/conf/showup/config" },
	{ "", "/home/cora", "/home/cora/.config/showup/config" },
	{ NULL, "/home/cora", "/home/cora/.config/showup/config" },
	{ NULL, NULL, "./.config/showup/config" },
};

/* mail_config_path by $XDG_CONFIG_HOME and $HOME. */
START_TEST(config_path)
{
	char *path;

	unsetenv("XDG_CONFIG_HOME");
	unsetenv("HOME");
	if (path_cases[_i].xdg != NULL)
		setenv("XDG_CONFIG_HOME", path_cases[_i].xdg, 1);
	if (path_cases[_i].home != NULL)
		setenv("HOME", path_cases[_i].home, 1);
	path = mail_config_path();
	ck_assert_str_eq(path, path_cases[_i].path);
	free(path);
}
END_TEST

/* --- opening a mailer ----------------------------------------------------------------- */

/* SMTP settings a mailer refuses before any connection (NULL error: it opens). */
static const struct {
	const char *url;
	int plain;
	const char *cafile;
	const char *error;
} open_cases[] = {
	{ NULL, 0, NULL, "no SMTP server set: add [smtp] url = smtp://HOST:587 to the config "
		"file, or send through sendmail" },
	{ "http://coach:s3cret@mail.example.com/", 0, NULL,
		"'http://mail.example.com/' is not an smtp:// or smtps:// address" },
	{ "mail.example.com:587", 0, NULL,
		"'mail.example.com:587' is not an smtp:// or smtps:// address" },
	{ "smtps://mail.example.com", 0, "/nonexistent/ca.pem",
		"cannot read the CA certificates '/nonexistent/ca.pem' (from cafile in [smtp]): "
		"No such file or directory" },
	{ "smtp://mail.example.com:587", 0, "/nonexistent/ca.pem",
		"cannot read the CA certificates '/nonexistent/ca.pem' (from cafile in [smtp]): "
		"No such file or directory" },
	/* smtps is TLS whatever tls says */
	{ "smtps://mail.example.com", 1, "/nonexistent/ca.pem",
		"cannot read the CA certificates '/nonexistent/ca.pem' (from cafile in [smtp]): "
		"No such file or directory" },
	/* plain SMTP needs no CA file */
	{ "smtp://localhost:2525", 1, "/nonexistent/ca.pem", NULL },
	{ "smtps://mail.example.com", 0, NULL, NULL },
};

/* mailer_open refuses no server, another scheme, an unreadable CA file for TLS. */
START_TEST(mailer_open_refusals)
{
	struct mail_config c = { .url = (char *)open_cases[_i].url, .plain = open_cases[_i].plain,
		.cafile = (char *)open_cases[_i].cafile, .cafile_from = "cafile in [smtp]" };
	struct mailer *m;
	su_err e;

	m = mailer_open(&c, "smtp", &e);
	if (open_cases[_i].error == NULL) {
		ck_assert_ptr_nonnull(m);
		mailer_close(m);
		return;
	}
	ck_assert_ptr_null(m);
	ck_assert_str_eq(e.msg, open_cases[_i].error);
}
END_TEST

/* sendmail's exits: 0 taken, 75 try later, any other (or a signal) failed. */
static const struct {
	const char *command;
	enum delivery delivery;
	const char *reply;
} sendmail_cases[] = {
	{ "cat > /dev/null", DELIVERED, "sendmail: accepted" },
	{ "cat > /dev/null; exit 75", DELIVERY_RETRY, "sendmail exited with status 75" },
	{ "cat > /dev/null; exit 1", DELIVERY_FAILED, "sendmail exited with status 1" },
	{ "cat > /dev/null; exit 64", DELIVERY_FAILED, "sendmail exited with status 64" },
	{ "/nonexistent/sendmail -t 2>/dev/null", DELIVERY_FAILED,
		"sendmail exited with status 127" },
	{ "cat > /dev/null; kill -9 $$", DELIVERY_FAILED, "sendmail exited with status -1" },
};

/* Each exit of the sendmail command as a delivery, with its reply. */
START_TEST(sendmail_exit_status)
{
	static const unsigned char msg[] = "Subject: hi\r\n\r\nHello\r\n";
	struct mail_config c = { .sendmail = (char *)sendmail_cases[_i].command };
	struct strbuf reply = STRBUF_INIT;
	struct mailer *m;
	su_err e;

	m = mailer_open(&c, "sendmail", &e);
	ck_assert_ptr_nonnull(m);
	ck_assert_int_eq(mailer_send(m, "cora@example.com", "ana@example.com", msg,
	    sizeof msg - 1, &reply), sendmail_cases[_i].delivery);
	ck_assert_str_eq(sb_str(&reply), sendmail_cases[_i].reply);
	sb_free(&reply);
	mailer_close(m);
}
END_TEST

/* sendmail gets the message with each CRLF made LF, a lone CR kept. */
START_TEST(sendmail_gets_lf_line_ends)
{
	static const unsigned char msg[] = "Subject: hi\r\n\r\nline 1\r\nbare\rCR\r\n\r\nend";
	char cmd[400], path[400];
	struct mail_config c = { .sendmail = cmd };
	struct strbuf reply = STRBUF_INIT;
	struct mailer *m;
	char *got;
	su_err e;

	snprintf(cmd, sizeof cmd, "cat > '%s'", fx_path(path, sizeof path, "got"));
	m = mailer_open(&c, "sendmail", &e);
	ck_assert_int_eq(mailer_send(m, "cora@example.com", "ana@example.com", msg,
	    sizeof msg - 1, &reply), DELIVERED);
	got = fx_read("got");
	ck_assert_str_eq(got, "Subject: hi\n\nline 1\nbare\rCR\n\nend");
	free(got);
	sb_free(&reply);
	mailer_close(m);
}
END_TEST

/* --- what an SMTP transfer came to ------------------------------------------------------ */

static const struct {
	int curl_rc;
	long code;
	int all_sent;
	enum delivery delivery;
} delivery_cases[] = {
	{ CURLE_OK, 250, 1, DELIVERED },
	/* TLS itself failed: nothing went, the batch stops */
	{ CURLE_USE_SSL_FAILED, 0, 0, DELIVERY_STOP },
	{ CURLE_SSL_CONNECT_ERROR, 220, 0, DELIVERY_STOP },
	{ CURLE_PEER_FAILED_VERIFICATION, 0, 0, DELIVERY_STOP },
	{ CURLE_SSL_CACERT_BADFILE, 0, 0, DELIVERY_STOP },
	/* the login refused: the batch stops */
	{ CURLE_LOGIN_DENIED, 535, 0, DELIVERY_STOP },
	{ CURLE_LOGIN_DENIED, 0, 0, DELIVERY_STOP },
	{ CURLE_SEND_ERROR, 530, 0, DELIVERY_STOP },
	{ CURLE_SEND_ERROR, 534, 0, DELIVERY_STOP },
	/* 5xx: this message will not go */
	{ CURLE_SEND_ERROR, 550, 0, DELIVERY_FAILED },
	{ CURLE_RECV_ERROR, 554, 1, DELIVERY_FAILED },
	{ CURLE_SEND_ERROR, 500, 0, DELIVERY_FAILED },
	/* 4xx, or broken before the end: later */
	{ CURLE_SEND_ERROR, 451, 1, DELIVERY_RETRY },
	{ CURLE_RECV_ERROR, 421, 0, DELIVERY_RETRY },
	{ CURLE_COULDNT_CONNECT, 0, 0, DELIVERY_RETRY },
	{ CURLE_OPERATION_TIMEDOUT, 354, 0, DELIVERY_RETRY },
	/* all of it went and no answer came: it may have arrived */
	{ CURLE_OPERATION_TIMEDOUT, 354, 1, DELIVERY_UNKNOWN },
	{ CURLE_RECV_ERROR, 0, 1, DELIVERY_UNKNOWN },
};

/* delivery_of: libcurl's result and the last reply code, in the outbox's terms. */
START_TEST(delivery_of_a_transfer)
{
	ck_assert_int_eq(delivery_of(delivery_cases[_i].curl_rc, delivery_cases[_i].code,
	    delivery_cases[_i].all_sent), delivery_cases[_i].delivery);
}
END_TEST

static const struct {
	const char *replies;
	long code;
	const char *line;
} reply_cases[] = {
	{ "220 ready\r\n250 2.0.0 Ok: queued as 4F2A\r\n", 250, "250 2.0.0 Ok: queued as 4F2A" },
	/* a refusal is followed by the goodbye: the refusal is the word */
	{ "250 Ok\r\n550 5.1.1 no such user\r\n221 Bye\r\n", 550, "550 5.1.1 no such user" },
	{ "250-big\r\n250-8BITMIME\r\n250 OK\r\n221 Bye\r\n", 250, "250 OK" },
	/* no code, or none of its lines: the last line */
	{ "250 Ok\r\n221 Bye\r\n", 0, "221 Bye" },
	{ "421 busy, try later\n\n", 999, "421 busy, try later" },
	{ "", 250, "" },
};

/* smtp_reply_line: the server's word on a message from all it said. */
START_TEST(smtp_reply_line_picks_the_word)
{
	struct strbuf out = STRBUF_INIT;

	smtp_reply_line(reply_cases[_i].replies, reply_cases[_i].code, &out);
	ck_assert_str_eq(sb_str(&out), reply_cases[_i].line);
	sb_free(&out);
}
END_TEST

Suite *
deliver_suite(void)
{
	Suite *s = suite_create("deliver");
	TCase *tc = tcase_create("deliver");

	tcase_add_checked_fixture(tc, setup, fx_teardown);
	tcase_add_loop_test(tc, config_read_setting_by_setting, 0, ARRAY_SIZE(good_configs));
	tcase_add_loop_test(tc, config_errors_name_the_line, 0, ARRAY_SIZE(bad_configs));
	tcase_add_loop_test(tc, config_with_a_password_is_private, 0, ARRAY_SIZE(private_cases));
	tcase_add_test(tc, config_missing_is_empty);
	tcase_add_loop_test(tc, config_password_command, 0, ARRAY_SIZE(command_cases));
	tcase_add_test(tc, config_password_from_the_environment);
	tcase_add_loop_test(tc, config_cafile_and_whence, 0, ARRAY_SIZE(cafile_cases));
	tcase_add_loop_test(tc, rate_parse, 0, ARRAY_SIZE(rate_cases));
	tcase_add_loop_test(tc, config_path, 0, ARRAY_SIZE(path_cases));
	tcase_add_loop_test(tc, mailer_open_refusals, 0, ARRAY_SIZE(open_cases));
	tcase_add_loop_test(tc, sendmail_exit_status, 0, ARRAY_SIZE(sendmail_cases));
	tcase_add_test(tc, sendmail_gets_lf_line_ends);
	tcase_add_loop_test(tc, delivery_of_a_transfer, 0, ARRAY_SIZE(delivery_cases));
	tcase_add_loop_test(tc, smtp_reply_line_picks_the_word, 0, ARRAY_SIZE(reply_cases));
	suite_add_tcase(s, tc);
	return s;
}
