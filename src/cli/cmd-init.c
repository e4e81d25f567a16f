/* SPDX-License-Identifier: Apache-2.0 */
/* cmd-init.c - showup init: create the database (or bring it up to date). */
#include "config.h"

#include <stdio.h>

#include "commands.h"

/* Creates or upgrades the database and says where it is. */
static int
cmd_init_exec(struct cli *cli, int argc, char **argv)
{
	if (cli_getopt(cli, argc, argv) == '?')
		return EXIT_USAGE;
	printf("database ready: %s\n", store_path(cli->st));
	return EXIT_OK;
}

const struct cmd_entry cmd_init_entry = {
	.name = "init",
	.summary = "create the database, or bring an older one up to date",
	.help =
	"The database is --db PATH, else $SHOWUP_DB, else\n"
	"$XDG_DATA_HOME/showup/showup.db (~/.local/share/showup/showup.db).\n"
	"It is created mode 0600 with its folders. init is the only command that\n"
	"creates a database or brings an older one up to date; it leaves another\n"
	"program's file as it was.\n",
	.nargs = CMD_ARGS(0, 0),
	.db = CMD_DB_CREATE,
	.exec = cmd_init_exec
};
