/* SPDX-License-Identifier: Apache-2.0 */
/* cmd-cohort-add.c - showup cohort add: a new cohort with its coach and time zone. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "commands.h"
#include "showup/money.h"

int
cli_cohort_options(struct cli *cli, int argc, char **argv, struct cohort *c)
{
	const char *fee = NULL;
	su_err e;
	int opt;

	while ((opt = cli_getopt(cli, argc, argv)) != -1) {
		switch (opt) {
		case OPT_COHORT_NAME: c->name = optarg; break;
		case OPT_COHORT_COACH: c->coach_name = optarg; break;
		case OPT_COHORT_COACH_EMAIL: c->coach_email = optarg; break;
		case OPT_COHORT_TZ: c->tz = optarg; break;
		case OPT_COHORT_FEE: fee = optarg; break;
		case OPT_COHORT_CURRENCY: c->currency = optarg; break;
		case OPT_COHORT_STARTS: c->starts_on = optarg; break;
		case OPT_COHORT_ENDS: c->ends_on = optarg; break;
		case OPT_COHORT_LANGUAGE: c->language = optarg; break;
		default: return EXIT_USAGE;
		}
	}
	if (fee != NULL && money_parse(fee, &c->fee_cents, &e) < 0)
		return cli_error("--fee: %s", e.msg);
	if (fee != NULL && *c->currency == '\0')
		return cli_usage_error(cli, "--fee needs --currency (AUD, EUR, USD...)");
	return EXIT_OK;
}

/* Adds the cohort the options describe. */
static int
cmd_cohort_add_exec(struct cli *cli, int argc, char **argv)
{
	struct cohort c = { .currency = "", .starts_on = "", .ends_on = "" };
	char money[48];
	su_err e;
	int rc;

	if ((rc = cli_cohort_options(cli, argc, argv, &c)) != EXIT_OK)
		return rc;
	c.slug = argv[optind];
	if (c.name == NULL || c.coach_name == NULL || c.coach_email == NULL || c.tz == NULL)
		return cli_usage_error(cli, "--name, --coach, --coach-email and --tz "
		    "are all needed");
	if (STORE_TX(cli->st, &e, cohort_add(cli->st, &c, &e) < 0 ? -1 : 0) < 0)
		return cli_error("%s", e.msg);
	printf("added cohort %s: %s, coach %s, %s, fee %s\n", c.slug, c.name,
	    c.coach_name, c.tz, money_format(c.fee_cents, c.currency, money, sizeof money));
	return EXIT_OK;
}

const struct cmd_entry cmd_cohort_add_entry = {
	.group = "cohort",
	.name = "add",
	.args = "SLUG",
	.summary = "add a cohort: one run of a program, with its coach and time zone",
	.help =
	"SLUG is the short name used everywhere else: lower-case letters, digits\n"
	"and dashes (spring27). Times typed for the cohort are read in its time\n"
	"zone. The fee is kept in cents; type it as 1500, 1500.00, 1,500.00,\n"
	"1.500,00 or 1 500,00 (not 1,500, which could mean 1.50). The language\n"
	"(en, de, fr, es; en by default) is what its participants will read.\n",
	.options = (const struct cmd_option[]){
		COHORT_OPTIONS(1),
		{ 0 }
	},
	.nargs = CMD_ARGS(1, 1, "no cohort name (SLUG) given"),
	.db = CMD_DB_WRITE,
	.exec = cmd_cohort_add_exec
};
