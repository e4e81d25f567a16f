/* cmd-cohort-show.c - showup cohort show: one cohort's details and counts. */
#include "config.h"

#include <stdio.h>

#include "commands.h"

/* Prints one cohort. */
static int
cmd_cohort_show_exec(struct cli *cli, int argc, char **argv)
{
	struct cohort c;
	int rc;

	if (cli_getopt(cli, argc, argv) == '?')
		return EXIT_USAGE;
	if (optind + 1 != argc)
		return cli_usage_error(cli, "give one cohort (SLUG)");
	if (cli_cohort(cli, argv[optind], &c) != EXIT_OK)
		return EXIT_FAIL;
	rc = view_cohort(cli->st, &c, stdout);
	cohort_free(&c);
	return rc;
}

const struct cmd_entry cmd_cohort_show_entry = {
	.group = "cohort",
	.name = "show",
	.args = "SLUG",
	.summary = "show a cohort: coach, time zone, fee, dates, people and sessions",
	.db = CMD_DB_READ,
	.exec = cmd_cohort_show_exec
};
