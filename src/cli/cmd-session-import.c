/* SPDX-License-Identifier: Apache-2.0 */
/* cmd-session-import.c - showup session import: the schedule from a spreadsheet. */
#include "config.h"

#include "commands.h"

/* Runs showup session import. */
static int
cmd_session_import_exec(struct cli *cli, int argc, char **argv)
{
	return cli_import(cli, argc, argv, IMPORT_SESSIONS);
}

/* Prints the header words the import finds its columns by. */
static void
print_session_words(FILE *out)
{
	cli_import_words(out, IMPORT_SESSIONS);
}

const struct cmd_entry cmd_session_import_entry = {
	.group = "session",
	.name = "import",
	.args = "SLUG FILE.csv",
	.summary = "add or update sessions from a spreadsheet (CSV)",
	.help =
	"Columns: number (optional: new sessions get the next), start (local\n"
	"\"YYYY-MM-DD HH:MM\"; or date and time columns), minutes, kind, title,\n"
	"location, with (e-mails separated by ';'), cancelled_at and cancel_note\n"
	"(a cancellation by the coach). A session is matched by number, else by\n"
	"its start time. One transaction; every bad row is listed as FILE:LINE.\n",
	.more_help = print_session_words,
	.options = (const struct cmd_option[]){
		CLI_IMPORT_OPTIONS,
		{ 0 }
	},
	.nargs = CMD_ARGS(2, 2),
	.target = CMD_TARGET_COHORT,
	.db = CMD_DB_WRITE,
	.exec = cmd_session_import_exec
};
