/* SPDX-License-Identifier: Apache-2.0 */
/* cmd-cohort-import.c - showup cohort import: cohorts from a spreadsheet. */
#include "config.h"

#include "commands.h"

/* Runs showup cohort import. */
static int
cmd_cohort_import_exec(struct cli *cli, int argc, char **argv)
{
	return cli_import(cli, argc, argv, IMPORT_COHORTS);
}

/* Prints the header words the import finds its columns by. */
static void
print_cohort_words(FILE *out)
{
	cli_import_words(out, IMPORT_COHORTS);
}

const struct cmd_entry cmd_cohort_import_entry = {
	.group = "cohort",
	.name = "import",
	.args = "FILE.csv",
	.summary = "add or update cohorts from a CSV file",
	.help =
	"Columns (found by header name, any case): slug, name, coach, coach_email,\n"
	"time_zone, and optionally fee, currency, starts, ends. A cohort that\n"
	"exists already is updated; the audit log keeps the old values.\n",
	.more_help = print_cohort_words,
	.options = (const struct cmd_option[]){
		CLI_IMPORT_OPTIONS,
		{ 0 }
	},
	.nargs = CMD_ARGS(1, 1),
	.db = CMD_DB_WRITE,
	.exec = cmd_cohort_import_exec
};
