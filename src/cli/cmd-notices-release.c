/* SPDX-License-Identifier: Apache-2.0 */
/* cmd-notices-release.c - showup notices release: held notices free to go again. */
#include "config.h"

#include "commands.h"

/* What cli_getopt returns for the long-only options (as notices hold reads them; its
 * --until is the shared OPT_UNTIL). */
enum { OPT_PARTICIPANT = OPT_OWN, OPT_COHORT };

/* Lets held notices go with the next send. */
static int
cmd_notices_release_exec(struct cli *cli, int argc, char **argv)
{
	return cli_notices_hold(cli, argc, argv, 0);
}

const struct cmd_entry cmd_notices_release_entry = {
	.group = "notices",
	.name = "release",
	.args = "ID|--participant EMAIL|--cohort SLUG",
	.summary = "let held notices go with the next send",
	.help =
	"Undoes 'notices hold' for one notice, an address or a cohort; each\n"
	"release is audited. A notice no longer due was withdrawn by planning\n"
	"meanwhile and stays so.\n",
	.options = (const struct cmd_option[]){
		{ .name = "participant", .arg = "EMAIL", .key = OPT_PARTICIPANT,
		  .help = "every held notice to this address, and their hold" },
		{ .name = "cohort", .arg = "SLUG", .key = OPT_COHORT,
		  .help = "every held notice of this cohort" },
		{ 0 }
	},
	.nargs = CMD_ARGS(0, 1),
	.db = CMD_DB_WRITE,
	.exec = cmd_notices_release_exec
};
