/* cmd-cohort-import.c - showup cohort import: cohorts from a spreadsheet. */
#include "config.h"

#include <stdio.h>

#include "commands.h"

static const struct option cohort_import_options[] = {
	{ "dry-run", no_argument, NULL, 'n' },
	{ 0 }
};

/* Imports every cohort of a CSV file in one transaction. */
static int
cmd_cohort_import_exec(struct cli *cli, int argc, char **argv)
{
	struct import_result r;
	int dry_run = 0, opt, rc;
	su_err e;

	while ((opt = cli_getopt(cli, argc, argv, "n", cohort_import_options)) != -1) {
		if (opt != 'n')
			return EXIT_USAGE;
		dry_run = 1;
	}
	if (optind + 1 != argc)
		return cli_usage_error(cli, "give one CSV file");
	import_result_init(&r, dry_run);
	rc = import_cohorts(cli->st, argv[optind], &r, &e);
	rc = cli_import_report("cohort", &r, rc, &e);
	import_result_free(&r);
	return rc;
}

const struct cmd_entry cmd_cohort_import_entry = {
	"cohort", "import", NULL, "FILE.csv [--dry-run]",
	"add or update cohorts from a CSV file",
	"Columns (found by header name, any case): slug, name, coach, coach_email,\n"
	"time_zone, and optionally fee, currency, starts, ends. A cohort that\n"
	"exists already is updated; the audit log keeps the old values.\n",
	CMD_DB_CREATE, cmd_cohort_import_exec
};
