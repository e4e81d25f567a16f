/* SPDX-License-Identifier: Apache-2.0 */
/* cmd-attendance-import.c - showup attendance import: facts from a spreadsheet. */
#include "config.h"

#include "commands.h"

/* Runs showup attendance import. */
static int
cmd_attendance_import_exec(struct cli *cli, int argc, char **argv)
{
	return cli_import(cli, argc, argv, IMPORT_ATTENDANCE);
}

/* Prints the header words the import finds its columns by. */
static void
print_attendance_words(FILE *out)
{
	cli_import_words(out, IMPORT_ATTENDANCE);
}

const struct cmd_entry cmd_attendance_import_entry = {
	.group = "attendance",
	.name = "import",
	.args = "SLUG FILE.csv",
	.summary = "record attendance from a spreadsheet (CSV)",
	.help =
	"Columns: session (its number), email, status (present, late, no-show,\n"
	"excused, cancelled), minutes_late (for late), cancelled_at (for\n"
	"cancelled: local time, or with an offset), reason (for cancelled and\n"
	"excused), note. The columns name, date and outcome that 'attendance\n"
	"export' adds are read past. One transaction; every bad row is listed.\n"
	"A row does not replace what a participant told us (a cancellation, an\n"
	"excuse, a reschedule) unless --replace; what it replaces is kept, and\n"
	"'showup unmark' brings it back.\n",
	.more_help = print_attendance_words,
	.options = (const struct cmd_option[]){
		CLI_IMPORT_OPTIONS,
		{ .name = "replace", .key = OPT_REPLACE,
		  .help = "a row may replace a cancellation, excuse or move the "
		  "participant gave" },
		{ 0 }
	},
	.nargs = CMD_ARGS(2, 2),
	.target = CMD_TARGET_COHORT,
	.db = CMD_DB_WRITE,
	.exec = cmd_attendance_import_exec
};
