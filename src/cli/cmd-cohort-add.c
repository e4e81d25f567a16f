/* cmd-cohort-add.c - showup cohort add: a new cohort with its coach and time zone. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "commands.h"
#include "showup/money.h"

/* What cli_getopt returns for the long-only options of the table below. */
enum { OPT_NAME = OPT_OWN, OPT_COACH, OPT_COACH_EMAIL, OPT_TZ, OPT_FEE, OPT_CURRENCY,
	OPT_STARTS, OPT_ENDS };

/* Adds the cohort the options describe. */
static int
cmd_cohort_add_exec(struct cli *cli, int argc, char **argv)
{
	struct cohort c = { .currency = "", .starts_on = "", .ends_on = "" };
	const char *fee = NULL;
	char money[48];
	su_err e;
	int opt;

	while ((opt = cli_getopt(cli, argc, argv)) != -1) {
		switch (opt) {
		case OPT_NAME: c.name = optarg; break;
		case OPT_COACH: c.coach_name = optarg; break;
		case OPT_COACH_EMAIL: c.coach_email = optarg; break;
		case OPT_TZ: c.tz = optarg; break;
		case OPT_FEE: fee = optarg; break;
		case OPT_CURRENCY: c.currency = optarg; break;
		case OPT_STARTS: c.starts_on = optarg; break;
		case OPT_ENDS: c.ends_on = optarg; break;
		default: return EXIT_USAGE;
		}
	}
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
	.group = "cohort",
	.name = "add",
	.args = "SLUG",
	.summary = "add a cohort: one run of a program, with its coach and time zone",
	.help =
	"SLUG is the short name used everywhere else: lower-case letters, digits\n"
	"and dashes (spring27). Times typed for the cohort are read in its time\n"
	"zone. The fee is kept in cents; type it as 1500, 1500.00, 1,500.00,\n"
	"1.500,00 or 1 500,00 (not 1,500, which could mean 1.50).\n",
	.options = (const struct cmd_option[]){
		{ .name = "name", .arg = "NAME", .key = OPT_NAME, .required = 1,
		  .help = "the program's name, as notices give it" },
		{ .name = "coach", .arg = "NAME", .key = OPT_COACH, .required = 1,
		  .help = "the coach's name" },
		{ .name = "coach-email", .arg = "ADDR", .key = OPT_COACH_EMAIL,
		  .required = 1, .help = "the coach's e-mail address; notices come from it" },
		{ .name = "tz", .arg = "ZONE", .key = OPT_TZ, .required = 1,
		  .help = "an IANA time zone such as Australia/Sydney" },
		{ .name = "fee", .arg = "AMOUNT", .key = OPT_FEE,
		  .help = "what a participant pays (1500.00); needs --currency" },
		{ .name = "currency", .arg = "CODE", .key = OPT_CURRENCY,
		  .help = "the fee's currency (AUD, EUR, USD...)" },
		{ .name = "starts", .arg = "YYYY-MM-DD", .key = OPT_STARTS,
		  .help = "the first day of the program" },
		{ .name = "ends", .arg = "YYYY-MM-DD", .key = OPT_ENDS,
		  .help = "the last day of the program" },
		{ 0 }
	},
	.nargs = CMD_ARGS(1, 1, "no cohort name (SLUG) given"),
	.db = CMD_DB_WRITE,
	.exec = cmd_cohort_add_exec
};
