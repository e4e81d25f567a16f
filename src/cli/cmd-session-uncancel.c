/* SPDX-License-Identifier: Apache-2.0 */
/* cmd-session-uncancel.c - showup session uncancel: the coach's cancellation was a mistake. */
#include "config.h"

#include <stdio.h>

#include "commands.h"

/* Brings a session the coach called off back to the schedule. */
static int
cmd_session_uncancel_exec(struct cli *cli, int argc, char **argv)
{
	return cli_session_change(cli, argc, argv, session_uncancel,
	    "is to be held again; everyone expected is expected", NULL);
}

const struct cmd_entry cmd_session_uncancel_entry = {
	.group = "session",
	.name = "uncancel",
	.args = "SLUG:N",
	.summary = "bring back a session the coach called off by mistake",
	.help =
	"The session is held again: its people are expected, and the coach's\n"
	"record no longer counts the cancellation. The audit log keeps it.\n",
	.options = (const struct cmd_option[]){ { 0 } },
	.nargs = CMD_ARGS(1, 1),
	.target = CMD_TARGET_SESSION,
	.db = CMD_DB_WRITE,
	.exec = cmd_session_uncancel_exec
};
