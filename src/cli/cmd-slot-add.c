/* SPDX-License-Identifier: Apache-2.0 */
/* cmd-slot-add.c - showup slot add: offer a time that 1:1 and practice places may move to. */
#include "config.h"

#include "commands.h"

/* Offers one time. */
static int
cmd_slot_add_exec(struct cli *cli, int argc, char **argv)
{
	return cli_slot_change(cli, argc, argv, slot_add,
	    "offered: participants may move a 1:1 or practice place there by their link");
}

const struct cmd_entry cmd_slot_add_entry = {
	.group = "slot",
	.name = "add",
	.args = "SLUG --at TIME",
	.summary = "offer a time that a participant may move a 1:1 or practice place to",
	.help =
	"A participant's link (showup serve) lists the times offered that are\n"
	"still to come beside each 1:1 and practice place; choosing one\n"
	"reschedules the place there, judged by the policy as 'showup\n"
	"reschedule' is, and the time is taken.\n",
	.options = (const struct cmd_option[]){
		{ .name = "at", .arg = "TIME", .key = OPT_AT, .required = 1,
		  .help = "the time offered" },
		{ 0 }
	},
	.nargs = CMD_ARGS(1, 1),
	.target = CMD_TARGET_COHORT,
	.db = CMD_DB_WRITE,
	.exec = cmd_slot_add_exec
};
