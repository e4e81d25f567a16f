/* SPDX-License-Identifier: Apache-2.0 */
/* cmd-report-commitment.c - showup report commitment: each participant's commitments (PDF). */
#include "config.h"

#include "commands.h"

struct commitment_args {
	struct store *st;
	const struct cohort *c;
	const struct policy *p;
	const char *email;
	int split;
};

/* Draws the commitment report the arguments ask for. */
static int
draw(struct report_request *rq, void *arg, su_err *e)
{
	const struct commitment_args *a = arg;

	if (a->split)
		return report_commitment_split(a->st, a->c, a->p, rq, e);
	return report_commitment(a->st, a->c, a->p, a->email, rq, e);
}

/* Parses the options and writes the report. */
static int
cmd_report_commitment_exec(struct cli *cli, int argc, char **argv)
{
	struct report_args args;
	const struct cohort *c = &cli->target.c;
	struct policy p;
	int rc;

	if ((rc = cli_report_args(cli, argc, argv, &args)) != EXIT_OK)
		return rc;
	if (args.split != NULL && (optind + 2 == argc || args.output != NULL))
		return cli_usage_error(cli, "--split writes everyone's report, each to its own "
		    "file: no EMAIL, no --output");
	rc = cli_policy(cli->st, c, &p);	/* the participant, if named, is the target's */
	if (rc == EXIT_OK)
		rc = cli_report_run(&args, c, "commitment", draw, &(struct commitment_args){
		    cli->st, c, &p, cli->target.p.email, args.split != NULL });
	return rc;
}

const struct cmd_entry cmd_report_commitment_entry = {
	.group = "report",
	.name = "commitment",
	.args = "SLUG [EMAIL]",
	.summary = "write each participant's commitment report (PDF)",
	.help =
	"For each participant (or the one EMAIL names): every commitment in order,\n"
	"with its outcome, how many hours ahead a cancellation came and its reason;\n"
	"points over the sessions against the ladder; notices sent and the refund\n"
	"offer; their figures beside the cohort's median. Without EMAIL, everyone in\n"
	"one PDF, a section and a bookmark each; with --split DIR, a PDF each in DIR\n"
	"(named by the address), one at a time, in the memory of one.\n",
	.options = (const struct cmd_option[]){
		CLI_REPORT_OPTIONS,
		{ .name = "split", .arg = "DIR", .key = OPT_SPLIT,
		  .help = "a file per participant in DIR, not one for everyone" },
		{ 0 }
	},
	.nargs = CMD_ARGS(1, 2, "give a cohort (SLUG) and, for one participant, an e-mail address"),
	.target = CMD_TARGET_COHORT_PERSON,
	.db = CMD_DB_READ,
	.exec = cmd_report_commitment_exec
};
