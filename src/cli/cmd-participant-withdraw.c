/* SPDX-License-Identifier: Apache-2.0 */
/* cmd-participant-withdraw.c - showup participant withdraw: someone leaves the cohort. */
#include "config.h"

#include <stdio.h>

#include "commands.h"
#include "showup/timeutil.h"

/* Withdraws a participant: no longer expected from then on; the record stays. */
static int
cmd_participant_withdraw_exec(struct cli *cli, int argc, char **argv)
{
	const struct cohort *c = &cli->target.c;
	const struct participant *p = &cli->target.p;
	char when_text[40];
	int64_t when;
	int rc;
	su_err e;

	if ((rc = cli_person_at(cli, argc, argv, &when)) != EXIT_OK)
		return rc;
	if (STORE_TX(cli->st, &e, participant_withdraw(cli->st, c, p, when, &e)) < 0)
		return cli_error("%s", e.msg);
	printf("%s <%s> withdrew from %s as of %s; past records are kept\n", p->name,
	    p->email, c->slug, time_format_local(c->tz, when, when_text, sizeof when_text));
	return EXIT_OK;
}

const struct cmd_entry cmd_participant_withdraw_entry = {
	.group = "participant",
	.name = "withdraw",
	.args = "SLUG EMAIL",
	.summary = "withdraw a participant: not expected at sessions from then on",
	.help =
	"Sessions before --at (default now) keep their records. The next plan\n"
	"confirms it to them (withdrawal-confirmed, cancelling the sessions to come\n"
	"in their calendar) and tells their partners (partner-left).\n",
	.options = (const struct cmd_option[]){
		CLI_AT_OPTION,
		{ 0 }
	},
	.nargs = CMD_ARGS(2, 2),
	.target = CMD_TARGET_COHORT_PERSON,
	.db = CMD_DB_WRITE,
	.exec = cmd_participant_withdraw_exec
};
