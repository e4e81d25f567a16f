/* SPDX-License-Identifier: Apache-2.0 */
/* cmd-session-delete.c - showup session delete: a session added by mistake, before anything is recorded. */
#include "config.h"

#include <stdio.h>

#include "commands.h"

/* Deletes a session that has no records yet. */
static int
cmd_session_delete_exec(struct cli *cli, int argc, char **argv)
{
	return cli_session_change(cli, argc, argv, session_delete, "deleted",
	    "session cancel");
}

const struct cmd_entry cmd_session_delete_entry = {
	.group = "session",
	.name = "delete",
	.args = "SLUG:N",
	.summary = "delete a session added by mistake, while nothing is recorded for it",
	.help =
	"A session with attendance records or notices cannot be deleted: cancel\n"
	"it instead, so that the record stays whole. The audit log keeps what\n"
	"the session was.\n",
	.options = (const struct cmd_option[]){ { 0 } },
	.nargs = CMD_ARGS(1, 1),
	.target = CMD_TARGET_SESSION,
	.db = CMD_DB_WRITE,
	.exec = cmd_session_delete_exec
};
