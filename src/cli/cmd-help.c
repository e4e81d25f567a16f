/* SPDX-License-Identifier: Apache-2.0 */
/* cmd-help.c - showup help: the list of commands, or one command's help. */
#include "config.h"

#include <stdio.h>

#include "commands.h"

/* Prints help for the commands named after 'help'. */
static int
cmd_help_exec(struct cli *cli, int argc, char **argv)
{
	if (cli_getopt(cli, argc, argv) == '?')
		return EXIT_USAGE;
	return cmd_help(stdout, argc - optind, argv + optind);
}

const struct cmd_entry cmd_help_entry = {
	.name = "help",
	.args = "[COMMAND]",
	.summary = "list the commands, or explain one",
	.help = "'showup help mark' and 'showup mark -h' print the same.\n",
	.db = CMD_DB_NONE,
	.exec = cmd_help_exec
};
