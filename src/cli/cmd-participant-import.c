/* SPDX-License-Identifier: Apache-2.0 */
/* cmd-participant-import.c - showup participant import: the roster from a spreadsheet. */
#include "config.h"

#include "commands.h"

/* Runs showup participant import. */
static int
cmd_participant_import_exec(struct cli *cli, int argc, char **argv)
{
	return cli_import(cli, argc, argv, IMPORT_ROSTER);
}

/* Prints the header words the import finds its columns by. */
static void
print_participant_words(FILE *out)
{
	cli_import_words(out, IMPORT_ROSTER);
}

const struct cmd_entry cmd_participant_import_entry = {
	.group = "participant",
	.name = "import",
	.args = "SLUG FILE.csv",
	.summary = "add or update participants from a spreadsheet (CSV)",
	.help =
	"Columns are found by their header, in any language listed below, or as\n"
	"--column FIELD=HEADER names them: the name (or first and last name), the\n"
	"e-mail address, the company. A name column beside a first-name column\n"
	"alone is the last name (Prénom;Nom), beside a last-name column alone the\n"
	"first name (Nome;Cognome).\n"
	"Excel quoting; any separator and encoding. The file is one transaction:\n"
	"one bad row imports nothing, and every bad row is listed as FILE:LINE.\n"
	"Importing the same file again changes nothing; a changed row updates the\n"
	"participant and the audit log shows old and new. --dry-run checks only.\n",
	.more_help = print_participant_words,
	.options = (const struct cmd_option[]){
		CLI_IMPORT_OPTIONS,
		{ 0 }
	},
	.nargs = CMD_ARGS(2, 2),
	.target = CMD_TARGET_COHORT,
	.db = CMD_DB_WRITE,
	.exec = cmd_participant_import_exec
};
