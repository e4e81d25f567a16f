/* SPDX-License-Identifier: Apache-2.0 */
/* cmd-report-sheet.c - showup report sheet: a printable sign-in sheet for one session. */
#include "config.h"

#include <stdio.h>

#include "commands.h"

struct sheet_args {
	struct store *st;
	const struct cohort *c;
	const struct session *s;
};

/* Draws the sign-in sheet of the session in 'arg'. */
static int
draw(struct report_request *rq, void *arg, su_err *e)
{
	const struct sheet_args *a = arg;

	return report_sheet(a->st, a->c, a->s, rq, e);
}

/* Parses the options and writes the sheet. */
static int
cmd_report_sheet_exec(struct cli *cli, int argc, char **argv)
{
	struct report_args args;
	const struct session *s = &cli->target.s;
	const struct cohort *c = &cli->target.c;
	char kind[32];
	int rc;

	if ((rc = cli_report_args(cli, argc, argv, &args)) != EXIT_OK)
		return rc;
	snprintf(kind, sizeof kind, "sheet-%d", s->number);
	rc = cli_report_run(&args, c, kind, draw, &(struct sheet_args){ cli->st, c, s });
	return rc;
}

const struct cmd_entry cmd_report_sheet_entry = {
	.group = "report",
	.name = "sheet",
	.args = "SLUG:N",
	.summary = "write a printable sign-in sheet for one session (PDF)",
	.help =
	"Everyone the session expects, by name, with a column for the time of\n"
	"arrival and one for a signature, and spare rows for walk-ins.\n",
	.options = (const struct cmd_option[]){
		CLI_REPORT_OPTIONS,
		{ 0 }
	},
	.nargs = CMD_ARGS(1, 1),
	.target = CMD_TARGET_SESSION,
	.db = CMD_DB_READ,
	.exec = cmd_report_sheet_exec
};
