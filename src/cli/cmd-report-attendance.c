/* SPDX-License-Identifier: Apache-2.0 */
/* cmd-report-attendance.c - showup report attendance: the cohort's attendance as a PDF. */
#include "config.h"

#include "commands.h"

struct attendance_args {
	struct store *st;
	const struct cohort *c;
	const struct policy *p;
};

/* Draws the attendance report of the cohort in 'arg'. */
static int
draw(struct report_request *rq, void *arg, su_err *e)
{
	const struct attendance_args *a = arg;

	return report_attendance(a->st, a->c, a->p, rq, e);
}

/* Parses the options and writes the report. */
static int
cmd_report_attendance_exec(struct cli *cli, int argc, char **argv)
{
	struct report_args args;
	struct policy p;
	const struct cohort *c = &cli->target.c;
	int rc;

	if ((rc = cli_report_args(cli, argc, argv, &args)) != EXIT_OK)
		return rc;
	rc = cli_policy(cli->st, c, &p);
	if (rc == EXIT_OK)
		rc = cli_report_run(&args, c, "attendance", draw,
		    &(struct attendance_args){ cli->st, c, &p });
	return rc;
}

const struct cmd_entry cmd_report_attendance_entry = {
	.group = "report",
	.name = "attendance",
	.args = "SLUG",
	.summary = "write the cohort's attendance report (PDF)",
	.help =
	"The cohort at a glance: sessions held, attendance rate, late cancellations,\n"
	"no-shows, excused absences and the coach's own late cancellations; a chart\n"
	"of each session's attendance; those at risk; and every expected attendance\n"
	"in a matrix coloured and lettered by outcome, with each participant's rate,\n"
	"commitment score and points, and each session's totals.\n",
	.options = (const struct cmd_option[]){
		CLI_REPORT_OPTIONS,
		{ 0 }
	},
	.nargs = CMD_ARGS(1, 1),
	.target = CMD_TARGET_COHORT,
	.db = CMD_DB_READ,
	.exec = cmd_report_attendance_exec
};
