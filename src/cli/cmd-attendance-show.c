/* SPDX-License-Identifier: Apache-2.0 */
/* cmd-attendance-show.c - showup attendance show: the people x sessions grid. */
#include "config.h"

#include "commands.h"

/* Prints the grid of outcomes of one cohort. */
static int
cmd_attendance_show_exec(struct cli *cli, int argc, char **argv)
{
	return cli_show_cohort(cli, argc, argv, view_attendance_grid);
}

const struct cmd_entry cmd_attendance_show_entry = {
	.group = "attendance",
	.name = "show",
	.args = "SLUG",
	.summary = "show the grid of outcomes: participants x sessions",
	.help =
	"P present  L late  C cancelled in time  X late cancellation  N no-show\n"
	"E excused  R rescheduled in time  ? not recorded yet  . not expected\n"
	"- cancelled by the coach\n",
	.options = (const struct cmd_option[]){
		CLI_CSV_OPTION,
		{ 0 }
	},
	.nargs = CMD_ARGS(1, 1),
	.target = CMD_TARGET_COHORT,
	.db = CMD_DB_READ,
	.exec = cmd_attendance_show_exec
};
