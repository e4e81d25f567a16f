/* cmd-cohort-add.c - showup cohort add: a new cohort with its coach and time zone. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "commands.h"
#include "showup/money.h"

static const struct option cohort_add_options[] = {
	{ "name", required_argument, NULL, 'n' },
	{ "coach", required_argument, NULL, 'c' },
	{ "coach-email", required_argument, NULL, 'm' },
	{ "tz", required_argument, NULL, 'z' },
	{ "fee", required_argument, NULL, 'f' },
	{ "currency", required_argument, NULL, 'u' },
	{ "starts", required_argument, NULL, 's' },
	{ "ends", required_argument, NULL, 'e' },
	{ 0 }
};

/* Adds the cohort the options describe. */
static int
cmd_cohort_add_exec(struct cli *cli, int argc, char **argv)
{
	struct cohort c = { .currency = "", .starts_on = "", .ends_on = "" };
	const char *fee = NULL;
	char money[48];
	su_err e;
	int opt;

	while ((opt = cli_getopt(cli, argc, argv, "", cohort_add_options)) != -1) {
		switch (opt) {
		case 'n': c.name = optarg; break;
		case 'c': c.coach_name = optarg; break;
		case 'm': c.coach_email = optarg; break;
		case 'z': c.tz = optarg; break;
		case 'f': fee = optarg; break;
		case 'u': c.currency = optarg; break;
		case 's': c.starts_on = optarg; break;
		case 'e': c.ends_on = optarg; break;
		default: return EXIT_USAGE;
		}
	}
	if (optind + 1 != argc)
		return cli_usage_error(cli, optind == argc ? "no cohort name (SLUG) given"
		    : "too many arguments");
	c.slug = argv[optind];
	if (c.name == NULL || c.coach_name == NULL || c.coach_email == NULL || c.tz == NULL)
		return cli_usage_error(cli, "--name, --coach, --coach-email and --tz "
		    "are all needed");
	if (fee != NULL && money_parse(fee, &c.fee_cents, &e) < 0)
		return cli_error("--fee: %s", e.msg);
	if (fee != NULL && *c.currency == '\0')
		return cli_usage_error(cli, "--fee needs --currency (AUD, EUR, USD...)");
	if (STORE_TX(cli->st, &e, cohort_add(cli->st, &c, &e) < 0 ? -1 : 0) < 0)
		return cli_error("%s", e.msg);
	printf("added cohort %s: %s, coach %s, %s, fee %s\n", c.slug, c.name,
	    c.coach_name, c.tz, money_format(c.fee_cents, c.currency, money, sizeof money));
	return EXIT_OK;
}

const struct cmd_entry cmd_cohort_add_entry = {
	"cohort", "add", NULL,
	"SLUG --name NAME --coach NAME --coach-email ADDR --tz ZONE\n"
	"                         [--fee 1500.00 --currency AUD] [--starts YYYY-MM-DD] "
	"[--ends YYYY-MM-DD]",
	"add a cohort: one run of a program, with its coach and time zone",
	"SLUG is the short name used everywhere else: lower-case letters, digits\n"
	"and dashes (spring27). --tz is an IANA time zone such as Australia/Sydney;\n"
	"times typed for the cohort are read in it. The fee is kept in cents; type\n"
	"it as 1500, 1500.00, 1,500.00, 1.500,00 or 1 500,00 (not 1,500, which could\n"
	"mean 1.50).\n",
	CMD_DB_WRITE, cmd_cohort_add_exec
};
