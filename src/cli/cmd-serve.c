/* SPDX-License-Identifier: Apache-2.0 */
/* cmd-serve.c - showup serve: the web server for roll call from a phone and
 * participants' own links (src/web); this file reads the options and says what runs. */
#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "commands.h"
#include "showup/deliver.h"
#include "showup/outbox.h"
#include "../web/web.h"

/* What cli_getopt returns for the long-only options of the table below. */
enum { OPT_LISTEN = OPT_OWN, OPT_PUBLIC_URL, OPT_TLS_CERT, OPT_TLS_KEY, OPT_LOGIN,
	OPT_ROTATE_KEY, OPT_LINK, OPT_NOTICES, OPT_PROXY, OPT_DEVICES, OPT_REVOKE };

/* Prints login link 'link' and, on a terminal, its QR code. */
static void
show_login(const char *link)
{
	printf("log in (once, within 15 minutes): %s\n", link);
	if (isatty(STDOUT_FILENO))
		web_qr_print(stdout, link);
	fflush(stdout);
}

/* Prints a fresh login link and, on a terminal, its QR code; an exit status. */
static int
print_login(struct cli *cli, const char *base)
{
	char *link;
	su_err e;

	if ((link = web_login_link(cli->st, base, &e)) == NULL)
		return cli_error("%s", e.msg);
	show_login(link);
	free(link);
	return EXIT_OK;
}

/* Prints the personal link of participant 'email' of cohort 'slug'; an exit status. */
static int
print_link(struct cli *cli, const char *base, const char *slug, const char *email)
{
	struct participant p;
	struct cohort c;
	char *link = NULL;
	su_err e;

	if (cli_cohort(cli, slug, &c) != EXIT_OK)
		return EXIT_FAIL;
	if (cli_participant(cli, &c, email, &p) != EXIT_OK) {
		cohort_free(&c);
		return EXIT_FAIL;
	}
	if (STORE_TX(cli->st, &e, (link = webauth_link_url(cli->st, base, c.id, p.id,
	    time_now(), &e)) ? 0 : -1) < 0)
		cli_error("%s", e.msg);
	else
		printf("%s\n", link);
	free(link);
	participant_free(&p);
	cohort_free(&c);
	return link ? EXIT_OK : EXIT_FAIL;
}

/* Says whether SIGINT or SIGTERM waits (blocked in this thread since web_start): the tick's stop. */
static int
stop_pending(void)
{
	sigset_t pending;

	if (sigpending(&pending) < 0)
		return 0;
	return sigismember(&pending, SIGTERM) == 1 || sigismember(&pending, SIGINT) == 1;
}

/*
 * The tick of serve --notices: what 'notices run' does, under the send lock,
 * on the command 'arg' (a struct cli with a store connection of its own).
 */
static void
notices_tick(void *arg)
{
	struct cli *nc = arg;
	int lock;
	su_err e;

	if ((lock = outbox_lock(nc->st, &e)) < 0) {
		fprintf(stderr, "notices: %s; %s\n", e.msg, lock == -2 ?
		    "this run leaves it to that one" : "nothing was sent");
		return;
	}
	if (cli_notices_run_locked(nc, stop_pending) != EXIT_OK)
		fprintf(stderr, "notices: this run did not do all it had to; the next "
		    "tries again\n");
	outbox_unlock(lock);
	fflush(stdout);
}

/*
 * Records where server 'w' is reached, for serve --link and --login, over a
 * connection of its own (the pages' thread has cli's now); a failure only warns.
 */
static void
record_server(struct cli *cli, struct web *w)
{
	struct store *st;
	su_err e;

	if ((st = store_open(store_path(cli->st), STORE_WRITE, NULL, &e)) == NULL ||
	    STORE_TX(st, &e, webauth_server_record(st, web_base_url(w), time_now(), &e)) < 0)
		fprintf(stderr, "warning: serve --link and --login will not know this "
		    "address: %s\n", e.msg);
	if (st != NULL)
		store_close(st);
}

/* Serves until SIGINT or SIGTERM; an exit status. */
static int
serve(struct cli *cli, struct web_options *o)
{
	struct web *w;
	char *token = NULL, *link;
	su_err e;

	/* made before the server's thread shares the store connection, never beside it */
	if (STORE_TX(cli->st, &e, (token = webauth_login_create(cli->st, time_now(), &e)) ?
	    0 : -1) < 0) {
		fprintf(stderr, "note: no login link now (%s); try 'showup serve --login'\n",
		    e.msg);
		free(token);
		token = NULL;
	}
	if ((w = web_start(cli->st, o, &e)) == NULL) {
		free(token);
		return cli_error("cannot serve on %s: %s", o->listen, e.msg);
	}
	/* o->listen is never NULL (getopt gives --listen its value), but clang's analyser
	 * takes optarg for the same value at each turn of the loop and cannot know */
	if (o->listen != NULL && strncmp(o->listen, "127.", 4) != 0 &&
	    strncmp(o->listen, "[::1]:", 6) != 0)
		fprintf(stderr, "warning: listening on %s, not only this machine: anyone who "
		    "reaches it can try the pages; put it behind TLS\n", o->listen);
	record_server(cli, w);
	printf("serving %s until Ctrl-C%s\n", web_base_url(w), o->tick ? ", and sending "
	    "the notices due" : "");
	if (token != NULL) {
		link = xasprintf("%s/login/%s", o->public_url ? o->public_url : web_base_url(w),
		    token);
		show_login(link);
		free(link);
		free(token);
	}
	web_wait_and_stop(w);
	fprintf(stderr, "stopped\n");
	return EXIT_OK;
}

/*
 * Serves, and with minutes > 0 runs the notices every so many minutes over a
 * store connection of their own (the pages' thread keeps cli's); an exit status.
 */
static int
serve_with_notices(struct cli *cli, const struct web_options *o, long long minutes)
{
	struct web_options with = *o;
	struct cli nc = *cli;
	su_err e;
	int rc;

	if (minutes == 0)
		return serve(cli, &with);
	if ((nc.st = store_open(store_path(cli->st), STORE_WRITE, NULL, &e)) == NULL)
		return cli_error("%s", e.msg);
	with.tick = notices_tick;
	with.tick_arg = &nc;
	with.tick_seconds = minutes * 60;
	rc = serve(cli, &with);
	store_close(nc.st);
	return rc;
}

/* Reads '--notices [MINUTES]': the minutes after it, if given, into *minutes; an exit status. */
static int
read_notices_minutes(struct cli *cli, int argc, char **argv, long long *minutes)
{
	if (optind + 1 != argc)
		return EXIT_OK;
	if (parse_int(argv[optind], 1, 24 * 60, minutes) < 0)
		return cli_usage_error(cli, "--notices: '%s' is not 1 to 1440 minutes",
		    argv[optind]);
	optind++;
	return EXIT_OK;
}

/* The reverse proxy's address: 'flag' (--proxy), else [serve] proxy of the config file, else NULL; the caller frees it. */
static char *
proxy_address(const char *flag)
{
	struct mail_config mc;
	char *path, *addr = NULL;

	if (flag != NULL)
		return xstrdup(flag);
	path = mail_config_path();
	if (mail_config_load(path, &mc, NULL) == 0) {
		addr = mc.proxy ? xstrdup(mc.proxy) : NULL;
		mail_config_free(&mc);
	}
	free(path);
	return addr;
}

/*
 * What --link and --login's links start with: 'url' (--public-url, else the
 * config's), else --listen if given, else where the last server started is
 * reached, else the default address; the caller frees it.
 */
static char *
link_base(struct cli *cli, const char *url, const struct web_options *o, int listen_given)
{
	char *recorded = NULL;
	su_err e;

	if (url != NULL)
		return xstrdup(url);
	if (!listen_given && webauth_server_url(cli->st, &recorded, &e) == 0 && recorded)
		return recorded;
	return xasprintf("%s://%s", o->tls_cert ? "https" : "http", o->listen);
}

/* Makes a new key, and says so; an exit status. */
static int
rotate_key(struct cli *cli)
{
	su_err e;

	if (STORE_TX(cli->st, &e, webauth_key_rotate(cli->st, time_now(), &e)) < 0)
		return cli_error("%s", e.msg);
	printf("a new key: every participant link and login made before no longer "
	    "works\n");
	return EXIT_OK;
}

/* Prints the remembered devices, one a line; an exit status. */
static int
list_devices(struct cli *cli)
{
	struct webauth_device_list l;
	char made[32], used[32], ends[32];
	su_err e;

	if (webauth_device_list(cli->st, time_now(), &l, &e) < 0)
		return cli_error("%s", e.msg);
	if (l.n == 0)
		printf("no remembered devices\n");
	for (size_t i = 0; i < l.n; i++) {
		time_format_iso("UTC", l.v[i].created_at, made, sizeof made);
		time_format_iso("UTC", l.v[i].last_seen, used, sizeof used);
		time_format_iso("UTC", l.v[i].expires_at, ends, sizeof ends);
		printf("%lld  since %s  last used %s  until %s  %s\n", (long long)l.v[i].id,
		    made, used, ends, l.v[i].label);
	}
	webauth_device_list_free(&l);
	return EXIT_OK;
}

/* Forgets remembered device 'arg' (its number in --devices); an exit status. */
static int
revoke_device(struct cli *cli, const char *arg)
{
	long long id;
	int rc;
	su_err e;

	if (parse_int(arg, 1, INT64_MAX, &id) < 0)
		return cli_usage_error(cli, "--revoke: '%s' is not a device number (serve "
		    "--devices lists them)", arg);
	if ((rc = STORE_TX(cli->st, &e, webauth_device_revoke(cli->st, id, &e))) < 0)
		return cli_error("%s", e.msg);
	if (rc == 0)
		return cli_error("no remembered device %lld (serve --devices lists them)", id);
	printf("device %lld revoked: it signs in no more\n", id);
	return EXIT_OK;
}

/* Runs the server, or makes a login link, or rotates the key. */
static int
cmd_serve_exec(struct cli *cli, int argc, char **argv)
{
	struct web_options o = { .listen = "127.0.0.1:8080", .log = stderr };
	const char *url_flag = NULL, *proxy_flag = NULL, *revoke = NULL;
	int opt, login = 0, rotate = 0, link = 0, notices = 0, devices = 0, listen = 0, rc;
	long long minutes = 15;
	char *url, *proxy;

	while ((opt = cli_getopt(cli, argc, argv)) != -1) {
		switch (opt) {
		case OPT_LISTEN: o.listen = optarg; listen = 1; break;
		case OPT_PUBLIC_URL: url_flag = optarg; break;
		case OPT_TLS_CERT: o.tls_cert = optarg; break;
		case OPT_TLS_KEY: o.tls_key = optarg; break;
		case OPT_LOGIN: login = 1; break;
		case OPT_ROTATE_KEY: rotate = 1; break;
		case OPT_LINK: link = 1; break;
		case OPT_NOTICES: notices = 1; break;
		case OPT_PROXY: proxy_flag = optarg; break;
		case OPT_DEVICES: devices = 1; break;
		case OPT_REVOKE: revoke = optarg; break;
		default: return EXIT_USAGE;
		}
	}
	if ((devices || revoke) && (notices || link || login || rotate || (devices && revoke) ||
	    optind != argc))
		return cli_usage_error(cli, "--devices and --revoke go alone");
	if (devices || revoke)
		return devices ? list_devices(cli) : revoke_device(cli, revoke);
	if (notices && (link || login || rotate))
		return cli_usage_error(cli, "--notices goes with serving, not with --link, "
		    "--login or --rotate-key");
	if (notices && (rc = read_notices_minutes(cli, argc, argv, &minutes)) != EXIT_OK)
		return rc;
	if (link && optind + 2 != argc)
		return cli_usage_error(cli, "--link takes a cohort (SLUG) and an e-mail address");
	if (!link && optind != argc)
		return cli_usage_error(cli, "unexpected argument '%s'", argv[optind]);
	if ((o.tls_cert == NULL) != (o.tls_key == NULL))
		return cli_usage_error(cli, "--tls-cert and --tls-key go together");
	if (rotate)
		return rotate_key(cli);
	o.public_url = url = cli_public_url(url_flag);
	if (login || link) {
		char *base = link_base(cli, url, &o, listen);

		rc = link ? print_link(cli, base, argv[optind], argv[optind + 1]) :
		    print_login(cli, base);
		free(base);
	} else {
		o.proxy = proxy = proxy_address(proxy_flag);
		rc = serve_with_notices(cli, &o, notices ? minutes : 0);
		free(proxy);
	}
	free(url);
	return rc;
}

const struct cmd_entry cmd_serve_entry = {
	.name = "serve",
	.args = "[SLUG EMAIL]",
	.summary = "serve the roll call to a phone, and participants' own links",
	.help =
	"Prints a one-time login link (and its QR code on a terminal): open it on\n"
	"the phone to take the roll. Participants' links (PUBLIC-URL/p/TOKEN) let\n"
	"them cancel their place; they are signed with a key kept in the database.\n"
	"SIGINT or SIGTERM stops it after the requests under way. Access log on stderr.\n"
	"With --notices the same process also does what 'notices run' does, at\n"
	"once and then every MINUTES (15), under the send lock: one always-on\n"
	"service instead of the timer. GET /healthz answers 200 while the\n"
	"database opens, with the time the notices last ran.\n",
	.options = (const struct cmd_option[]){
		{ .name = "listen", .arg = "ADDR:PORT", .key = OPT_LISTEN,
		  .help = "where to listen (127.0.0.1:8080); another address is warned of" },
		{ .name = "public-url", .arg = "URL", .key = OPT_PUBLIC_URL,
		  .help = "what links start with, such as a reverse proxy's https address "
		  "(default: [serve] public_url of the config file, else the address listened "
		  "on)" },
		{ .name = "tls-cert", .arg = "FILE", .key = OPT_TLS_CERT,
		  .help = "serve HTTPS with this PEM certificate (with --tls-key)" },
		{ .name = "tls-key", .arg = "FILE", .key = OPT_TLS_KEY,
		  .help = "the PEM private key of --tls-cert" },
		{ .name = "proxy", .arg = "ADDR", .key = OPT_PROXY,
		  .help = "the reverse proxy's address: its X-Forwarded-For, -Proto and -Host "
		  "are believed from it alone, and limits count the client it names (default: "
		  "[serve] proxy of the config file)" },
		{ .name = "login", .key = OPT_LOGIN,
		  .help = "print a fresh login link for a server already running, and stop" },
		{ .name = "link", .key = OPT_LINK,
		  .help = "print the personal link of participant EMAIL of cohort SLUG (the "
		  "two words after the options), and stop" },
		{ .name = "notices", .key = OPT_NOTICES,
		  .help = "also plan and send the notices due, as 'notices run' does, at the "
		  "start and every MINUTES (the word after the options; 15)" },
		{ .name = "rotate-key", .key = OPT_ROTATE_KEY,
		  .help = "make a new key: every participant link, login and remembered device "
		  "made before stops working (refused while notices are not sent yet)" },
		{ .name = "devices", .key = OPT_DEVICES,
		  .help = "list the remembered devices (\"remember this phone\" at sign-in), "
		  "and stop" },
		{ .name = "revoke", .arg = "ID", .key = OPT_REVOKE,
		  .help = "forget remembered device ID (its number in --devices), and stop" },
		{ 0 }
	},
	.db = CMD_DB_WRITE,
	.exec = cmd_serve_exec
};
