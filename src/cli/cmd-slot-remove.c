/* SPDX-License-Identifier: Apache-2.0 */
/* cmd-slot-remove.c - showup slot remove: take back a time offered. */
#include "config.h"

#include "commands.h"

/* Takes one offered time back. */
static int
cmd_slot_remove_exec(struct cli *cli, int argc, char **argv)
{
	return cli_slot_change(cli, argc, argv, slot_remove, "no longer offered");
}

const struct cmd_entry cmd_slot_remove_entry = {
	.group = "slot",
	.name = "remove",
	.args = "SLUG --at TIME",
	.summary = "take back a time offered for moving places",
	.options = (const struct cmd_option[]){
		{ .name = "at", .arg = "TIME", .key = OPT_AT, .required = 1,
		  .help = "the time offered" },
		{ 0 }
	},
	.nargs = CMD_ARGS(1, 1),
	.target = CMD_TARGET_COHORT,
	.db = CMD_DB_WRITE,
	.exec = cmd_slot_remove_exec
};
