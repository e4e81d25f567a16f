/* cmd-cohort-import.c - showup cohort import: cohorts from a spreadsheet. */
#include "config.h"

#include "commands.h"

/* Runs showup cohort import. */
static int
cmd_cohort_import_exec(struct cli *cli, int argc, char **argv)
{
	return cli_import(cli, argc, argv, IMPORT_COHORTS);
}

const struct cmd_entry cmd_cohort_import_entry = {
	"cohort", "import", NULL, "FILE.csv [--dry-run] [options]",
	"add or update cohorts from a CSV file",
	"Columns (found by header name, any case): slug, name, coach, coach_email,\n"
	"time_zone, and optionally fee, currency, starts, ends. A cohort that\n"
	"exists already is updated; the audit log keeps the old values.\n"
	IMPORT_OPTIONS_HELP,
	CMD_DB_WRITE, cmd_cohort_import_exec
};
