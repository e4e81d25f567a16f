/* SPDX-License-Identifier: Apache-2.0 */
/* cmd-notices-test.c - showup notices test: one test message through the configured
 * transport, to see that mail gets through before a batch. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "showup/deliver.h"
#include "showup/message.h"
#include "showup/outbox.h"

/* What cli_getopt returns for the long-only options of the table below. */
enum { OPT_COHORT = OPT_OWN };

/* What the command was asked. */
struct test_args {
	const char *via;
	const char *cohort;	/* --cohort SLUG, or NULL */
	const char *to;
};

/* Reads the options and the address; an exit status. */
static int
parse_options(struct cli *cli, int argc, char **argv, struct test_args *a)
{
	int opt;

	while ((opt = cli_getopt(cli, argc, argv)) != -1) {
		if (opt == OPT_VIA) {
			if (cli_via(cli, optarg, &a->via) != EXIT_OK)
				return EXIT_USAGE;
		} else if (opt == OPT_COHORT)
			a->cohort = optarg;
		else
			return EXIT_USAGE;
	}
	a->to = argv[optind];
	if (!header_safe(a->to) || !email_valid(a->to))
		return cli_usage_error(cli, "'%s' is not an e-mail address", a->to);
	return EXIT_OK;
}

/* Finds the cohort whose coach the message comes from: --cohort, else the only one. */
static int
sender_cohort(struct cli *cli, const struct test_args *a, struct cohort *out)
{
	struct cohort_list all = { 0 };
	int rc = EXIT_FAIL;
	su_err e;

	if (a->cohort != NULL)
		return cli_cohort(cli, a->cohort, out);
	if (cohort_list_all(cli->st, &all, &e) < 0)
		return cli_error("%s", e.msg);
	if (all.n == 1) {
		*out = all.v[0];
		all.n = 0;	/* now the caller's */
		rc = EXIT_OK;
	} else {
		cli_usage_error(cli, "%s: give --cohort SLUG, whose coach it comes from",
		    all.n == 0 ? "no cohort yet" : "more than one cohort");
		rc = EXIT_USAGE;
	}
	cohort_list_free(&all);
	return rc;
}

/* Sends the test message and says whether the server (or sendmail) took it. */
static int
cmd_notices_test_exec(struct cli *cli, int argc, char **argv)
{
	struct test_args a = { NULL, NULL, NULL };
	struct strbuf reply = STRBUF_INIT;
	struct mail_config cfg = { 0 };
	struct cohort c = { 0 };
	struct mailer *m = NULL;
	char *path = mail_config_path();
	int rc, how;
	su_err e;

	if ((rc = parse_options(cli, argc, argv, &a)) != EXIT_OK ||
	    (rc = sender_cohort(cli, &a, &c)) != EXIT_OK)
		goto done;
	rc = EXIT_FAIL;
	if (mail_config_load(path, &cfg, &e) < 0 || (m = mailer_open(&cfg, a.via, &e)) == NULL) {
		cli_error("%s", e.msg);
		goto done;
	}
	how = outbox_send_test(m, c.coach_name, c.coach_email, cfg.from, a.to, &reply, &e);
	if (how < 0)
		cli_error("%s", e.msg);
	else if (how != DELIVERED)
		cli_error("the test message to %s was not accepted: %s", a.to, sb_str(&reply));
	else
		rc = EXIT_OK;
	if (rc == EXIT_OK)
		printf("accepted: a test message to %s from %s <%s>: %s\n", a.to, c.coach_name,
		    c.coach_email, sb_str(&reply));
done:
	mailer_close(m);
	mail_config_free(&cfg);
	cohort_free(&c);
	sb_free(&reply);
	free(path);
	return rc;
}

const struct cmd_entry cmd_notices_test_entry = {
	.group = "notices",
	.name = "test",
	.args = "EMAIL",
	.summary = "send one test message, to check delivery before a batch",
	.help =
	"Sends a short test message to EMAIL from a cohort's coach, the way\n"
	"'notices send' sends (the same config file, transport and envelope\n"
	"sender), and says whether the server took it. Nothing is recorded: not\n"
	"in the outbox, not in the log. Without --cohort, the database must hold\n"
	"one cohort only.\n",
	.options = (const struct cmd_option[]){
		{ .name = "cohort", .arg = "SLUG", .key = OPT_COHORT,
		  .help = "from this cohort's coach" },
		CLI_VIA_OPTION,
		{ 0 }
	},
	.nargs = CMD_ARGS(1, 1),
	.db = CMD_DB_READ,
	.exec = cmd_notices_test_exec
};
