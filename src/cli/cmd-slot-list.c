/* SPDX-License-Identifier: Apache-2.0 */
/* cmd-slot-list.c - showup slot list: the times offered that are still to come. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "commands.h"

/* Lists the times offered, one a line. */
static int
cmd_slot_list_exec(struct cli *cli, int argc, char **argv)
{
	const struct cohort *c = &cli->target.c;
	int64_t *v = NULL;
	char when[48];
	size_t n = 0;
	int rc = EXIT_FAIL;
	su_err e;

	if (cli_getopt(cli, argc, argv) != -1)
		return EXIT_USAGE;
	if (slot_list(cli->st, c, time_now(), &v, &n, &e) < 0) {
		cli_error("%s", e.msg);
		goto done;
	}
	if (n == 0)
		printf("%s: no times offered (showup slot add %s --at TIME)\n", c->slug, c->slug);
	for (size_t k = 0; k < n; k++)
		printf("%s\n", time_format_human(c->tz, v[k], when, sizeof when));
	rc = EXIT_OK;
done:
	free(v);
	return rc;
}

const struct cmd_entry cmd_slot_list_entry = {
	.group = "slot",
	.name = "list",
	.args = "SLUG",
	.summary = "list the times offered for moving places that are still to come",
	.options = (const struct cmd_option[]){ { 0 } },
	.nargs = CMD_ARGS(1, 1),
	.target = CMD_TARGET_COHORT,
	.db = CMD_DB_READ,
	.exec = cmd_slot_list_exec
};
