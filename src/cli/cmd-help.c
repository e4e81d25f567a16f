/* cmd-help.c - showup help: the list of commands, or one command's help. */
#include "config.h"

#include <stdio.h>

#include "commands.h"

/* Prints help for the commands named after 'help'. */
static int
cmd_help_exec(struct cli *cli, int argc, char **argv)
{
	(void)cli;
	return cmd_help(stdout, argc - 1, argv + 1);
}

const struct cmd_entry cmd_help_entry = {
	NULL, "help", NULL, "[COMMAND]",
	"list the commands, or explain one",
	"'showup help mark' and 'showup mark -h' print the same.\n",
	CMD_DB_NONE, cmd_help_exec
};
