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

const struct cmd_entry cmd_participant_import_entry = {
	.group = "participant",
	.name = "import",
	.args = "SLUG FILE.csv",
	.summary = "add or update participants from a spreadsheet (CSV)",
	.help =
	"Columns are found by header name, in any case: Name (or Full name, or\n"
	"First name + Last name), E-mail (Email Address...), Company (Organisation).\n"
	"Excel quoting; any separator and encoding. The file is one transaction:\n"
	"one bad row imports nothing, and every bad row is listed as FILE:LINE.\n"
	"Importing the same file again changes nothing; a changed row updates the\n"
	"participant and the audit log shows old and new. --dry-run checks only.\n",
	.options = (const struct cmd_option[]){
		CLI_IMPORT_OPTIONS,
		{ 0 }
	},
	.nargs = CMD_ARGS(2, 2),
	.target = CMD_TARGET_COHORT,
	.db = CMD_DB_WRITE,
	.exec = cmd_participant_import_exec
};
