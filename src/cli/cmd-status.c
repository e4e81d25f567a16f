/* SPDX-License-Identifier: Apache-2.0 */
/* cmd-status.c - showup status: who is keeping the commitment, at a glance. */
#include "config.h"

#include "commands.h"

/* Parses the options and prints the status of one cohort. */
static int
cmd_status_exec(struct cli *cli, int argc, char **argv)
{
	return cli_show_cohort(cli, argc, argv, view_status);
}

const struct cmd_entry cmd_status_entry = {
	.name = "status",
	.alias = "st",
	.args = "SLUG",
	.summary = "who is keeping the commitment: figures, points, notices, refund offers",
	.help =
	"One row per participant, those at risk first (points above zero, whatever\n"
	"the ladder's state, or a refund offer open), then by points. expected:\n"
	"sessions held so far where they\n"
	"were expected and the roll is taken; attended: present or late; rate:\n"
	"attended / (expected - excused); commitment: kept / (kept + broken),\n"
	"where late cancellations and no-shows are broken; lead: the median\n"
	"hours of notice their cancellations gave. The first lines give the\n"
	"coach's own figures.\n",
	.options = (const struct cmd_option[]){
		CLI_CSV_OPTION,
		{ 0 }
	},
	.nargs = CMD_ARGS(1, 1),
	.target = CMD_TARGET_COHORT,
	.db = CMD_DB_READ,
	.exec = cmd_status_exec
};
