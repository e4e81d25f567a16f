/* SPDX-License-Identifier: Apache-2.0 */
/* cmd-notices-send.c - showup notices send: the outbox out, never twice. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "commands.h"
#include "showup/deliver.h"
#include "showup/outbox.h"

/* What cli_getopt returns for the long-only options of the table below. */
enum { OPT_LIMIT = OPT_OWN, OPT_RATE };

/* Reads the options; an exit status. */
static int
parse_options(struct cli *cli, int argc, char **argv, struct send_args *a)
{
	long long n;
	int opt;

	while ((opt = cli_getopt(cli, argc, argv)) != -1) {
		if (opt == OPT_VIA) {
			if (cli_via(cli, optarg, &a->via) != EXIT_OK)
				return EXIT_USAGE;
		} else if (opt == OPT_LIMIT && parse_int(optarg, 1, 1000000, &n) == 0)
			a->limit = (size_t)n;
		else if (opt == OPT_RATE && mail_rate_parse(optarg, &a->rate) == 0 &&
		    a->rate > 0)
			;
		else if (opt == OPT_LIMIT || opt == OPT_RATE)
			return cli_usage_error(cli, "--%s takes a positive number",
			    opt == OPT_LIMIT ? "limit" : "rate");
		else
			return EXIT_USAGE;
	}
	return EXIT_OK;
}

/* Shows how a batch of more than a few dozen goes, on a terminal. */
static void
show_progress(size_t done, size_t total)
{
	if (total < 40)
		return;
	fprintf(stderr, "\rsent %zu of %zu...%s", done, total, done == total ? "\n" : "");
}

/* Sends the outbox of one cohort; an exit status. */
static int
send_cohort(struct cli *cli, const struct cohort *c, struct mailer *m,
    const struct mail_config *cfg, const struct send_args *a, struct send_counts *counts)
{
	struct policy p;
	su_err e;

	if (cli_policy(cli->st, c, &p) != EXIT_OK)
		return EXIT_FAIL;
	if (outbox_send(cli->st, c, &p, m, cfg->from, a->limit, a->rate > 0 ? a->rate
	    : cfg->rate, counts, &e) < 0)
		return cli_error("%s%s", e.msg, counts->stopped ? "; the batch was stopped" : "");
	return EXIT_OK;
}

int
cli_send_outbox(struct cli *cli, const char *slug, const struct send_args *args,
    struct send_counts *counts)
{
	struct send_args a = *args;
	struct mail_config cfg = { 0 };
	struct cohort_list all = { 0 };
	struct mailer *m = NULL;
	char *path = mail_config_path();
	int rc = EXIT_FAIL;
	su_err e;

	if (mail_config_load(path, &cfg, &e) < 0) {
		cli_error("%s", e.msg);
		goto done;
	}
	if ((m = mailer_open(&cfg, a.via, &e)) == NULL) {
		cli_error("%s", e.msg);
		if (cfg.url == NULL)	/* mailer_open failed on SMTP: sendmail needs no url */
			fputs("hint: or give --via sendmail (or put via = sendmail in the "
			    "config)\n", stderr);
		goto done;
	}
	if (slug != NULL) {
		struct cohort c;

		if (cli_cohort(cli, slug, &c) != EXIT_OK)
			goto done;
		rc = send_cohort(cli, &c, m, &cfg, &a, counts);
		cohort_free(&c);
	} else if (cohort_list_all(cli->st, &all, &e) < 0) {
		cli_error("%s", e.msg);
	} else {
		rc = EXIT_OK;
		for (size_t i = 0; i < all.n && rc == EXIT_OK; i++)
			rc = send_cohort(cli, &all.v[i], m, &cfg, &a, counts);
	}
	printf("sent %zu, to retry %zu, failed %zu, unknown %zu\n", counts->sent,
	    counts->retry, counts->failed, counts->unknown);
	if (counts->failed > 0 && rc == EXIT_OK)
		rc = EXIT_FAIL;
done:
	mailer_close(m);
	mail_config_free(&cfg);
	cohort_list_free(&all);
	free(path);
	return rc;
}

/* Sends the outbox of one cohort, or of them all. */
static int
cmd_notices_send_exec(struct cli *cli, int argc, char **argv)
{
	struct send_args a = { NULL, 0, 0 };
	struct send_counts counts = { 0 };
	int rc, lock;
	su_err e;

	if ((rc = parse_options(cli, argc, argv, &a)) != EXIT_OK)
		return rc;
	if (isatty(STDERR_FILENO))
		counts.progress = show_progress;
	if ((lock = outbox_lock(cli->st, &e)) < 0)	/* before password_command runs */
		return cli_error("%s; nothing was sent", e.msg);
	rc = cli_send_outbox(cli, optind < argc ? argv[optind] : NULL, &a, &counts);
	outbox_unlock(lock);
	return rc;
}

const struct cmd_entry cmd_notices_send_entry = {
	.group = "notices",
	.name = "send",
	.args = "[SLUG]",
	.summary = "send the planned notices, each once",
	.help =
	"SMTP through the [smtp] url of ~/.config/showup/config (smtp://host:587\n"
	"with STARTTLS required, smtps://host:465; plain SMTP only with tls = none),\n"
	"user and password_command there, or $SHOWUP_SMTP_PASSWORD; one connection\n"
	"carries the batch. A notice is marked sending before it goes and sent\n"
	"after, with the server's reply; one caught in between by a crash becomes\n"
	"unknown and is never sent again but by 'notices resend'. A 4xx reply or a\n"
	"broken connection is retried by a later send, waiting longer each time; a\n"
	"5xx reply fails that notice alone; a refused login or a failure of TLS\n"
	"stops the batch, leaving its notices pending. The server's certificate\n"
	"must come from a CA the system trusts or one in the PEM file [smtp] cafile\n"
	"names (else $CURL_CA_BUNDLE, else $SSL_CERT_FILE).\n"
	"Sending a ladder step records it as sent; a final notice opens its refund\n"
	"offer. One send (or resend) at a time: another finds it running and\n"
	"sends nothing.\n",
	.options = (const struct cmd_option[]){
		CLI_VIA_OPTION,
		{ .name = "limit", .arg = "N", .key = OPT_LIMIT,
		  .help = "send at most N messages this time" },
		{ .name = "rate", .arg = "N", .key = OPT_RATE,
		  .help = "at most N messages a minute (default: the config's rate)" },
		{ 0 }
	},
	.nargs = CMD_ARGS(0, 1),
	.db = CMD_DB_WRITE,
	.exec = cmd_notices_send_exec
};
