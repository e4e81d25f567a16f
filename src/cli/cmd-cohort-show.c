/* SPDX-License-Identifier: Apache-2.0 */
/* cmd-cohort-show.c - showup cohort show: one cohort's details and counts. */
#include "config.h"

#include <stdio.h>

#include "commands.h"

/* The cohort view, as cli_show_cohort runs views (it has no CSV form). */
static int
show(struct store *st, const struct cohort *c, int csv, FILE *out)
{
	(void)csv;
	return view_cohort(st, c, out);
}

/* Prints one cohort. */
static int
cmd_cohort_show_exec(struct cli *cli, int argc, char **argv)
{
	return cli_show_cohort(cli, argc, argv, show);
}

const struct cmd_entry cmd_cohort_show_entry = {
	.group = "cohort",
	.name = "show",
	.args = "SLUG",
	.summary = "show a cohort: coach, time zone, fee, dates, people and sessions",
	.nargs = CMD_ARGS(1, 1),
	.target = CMD_TARGET_COHORT,
	.db = CMD_DB_READ,
	.exec = cmd_cohort_show_exec
};
