/* SPDX-License-Identifier: Apache-2.0 */
/* cmd-options.c - showup __options: the long options a command's parser takes, for tests. */
#include "config.h"

#include <stdio.h>

#include "commands.h"

/* Prints each long option the parser of the named command accepts, one per line. */
static int
cmd_options_exec(struct cli *cli, int argc, char **argv)
{
	const struct cmd_entry *e;
	const struct option *o;
	int used;
	su_err err;

	if (argc < 2)
		return cli_usage_error(cli, "give a command");
	if ((e = cmd_find(argc - 1, argv + 1, &used)) == NULL)
		return EXIT_USAGE;
	if (used != argc - 1)
		return cli_usage_error(cli, "unexpected argument '%s'", argv[1 + used]);
	if (cmd_options_check(e, &err) < 0)
		return cli_error("the options of '%s' are wrong: %s", e->name, err.msg);
	for (o = cmd_longopts(e); o->name != NULL; o++)
		printf("--%s\n", o->name);
	return EXIT_OK;
}

const struct cmd_entry cmd_options_entry = {
	.name = "__options",
	.args = "COMMAND...",
	.summary = "list the long options a command takes, one per line (for tests)",
	.help = "Checks the command's table of options first: a clash is an error.\n",
	.hidden = 1,
	.db = CMD_DB_NONE,
	.exec = cmd_options_exec
};
