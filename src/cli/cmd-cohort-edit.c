/* SPDX-License-Identifier: Apache-2.0 */
/* cmd-cohort-edit.c - showup cohort edit: change a cohort's name, coach, zone, fee, dates or language. */
#include "config.h"

#include <stdio.h>

#include "commands.h"

/* Changes what the options give of one cohort, audited. */
static int
cmd_cohort_edit_exec(struct cli *cli, int argc, char **argv)
{
	const struct cohort *old = &cli->target.c;
	struct cohort next = *old;
	su_err e;
	int rc, changed = 0;

	next.language = NULL;	/* not given: as it was */
	if ((rc = cli_cohort_options(cli, argc, argv, &next)) != EXIT_OK)
		return rc;
	if (STORE_TX(cli->st, &e, (changed = cohort_update(cli->st, old, &next, &e)) < 0 ?
	    -1 : 0) < 0)
		return cli_error("%s", e.msg);
	if (changed)
		printf("changed cohort %s\n", old->slug);
	else
		printf("cohort %s unchanged: the options give what it has\n", old->slug);
	return EXIT_OK;
}

const struct cmd_entry cmd_cohort_edit_entry = {
	.group = "cohort",
	.name = "edit",
	.args = "SLUG",
	.summary = "change a cohort: name, coach, time zone, fee, dates, language",
	.help =
	"Only what the options give changes; the audit log keeps old and new.\n"
	"Sessions keep their moments when the time zone changes: they are shown,\n"
	"and local times typed later are read, in the new zone.\n",
	.options = (const struct cmd_option[]){
		COHORT_OPTIONS(0),
		{ 0 }
	},
	.nargs = CMD_ARGS(1, 1, "no cohort name (SLUG) given"),
	.target = CMD_TARGET_COHORT,
	.db = CMD_DB_WRITE,
	.exec = cmd_cohort_edit_exec
};
