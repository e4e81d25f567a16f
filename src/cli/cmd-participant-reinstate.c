/* SPDX-License-Identifier: Apache-2.0 */
/* cmd-participant-reinstate.c - showup participant reinstate: a withdrawal was a mistake. */
#include "config.h"

#include <stdio.h>

#include "commands.h"

/* Makes a withdrawn participant active again: expected from then on, as before. */
static int
cmd_participant_reinstate_exec(struct cli *cli, int argc, char **argv)
{
	const struct cohort *c = &cli->target.c;
	const struct participant *p = &cli->target.p;
	int64_t when;	/* unused: reinstate takes no --at */
	int rc;
	su_err e;

	if ((rc = cli_person_at(cli, argc, argv, &when)) != EXIT_OK)
		return rc;
	if (STORE_TX(cli->st, &e, participant_reinstate(cli->st, c, p, &e)) < 0)
		return cli_error("%s", e.msg);
	printf("%s <%s> is active in %s again, expected as before\n", p->name, p->email,
	    c->slug);
	return EXIT_OK;
}

const struct cmd_entry cmd_participant_reinstate_entry = {
	.group = "participant",
	.name = "reinstate",
	.args = "SLUG EMAIL",
	.summary = "make a participant who withdrew by mistake active again",
	.help =
	"They are expected at every session as if they had not withdrawn; the\n"
	"audit log keeps the withdrawal. A refund once accepted stays on the record.\n"
	"Notices of the withdrawal not sent yet are withdrawn.\n",
	.options = (const struct cmd_option[]){ { 0 } },
	.nargs = CMD_ARGS(2, 2),
	.target = CMD_TARGET_COHORT_PERSON,
	.db = CMD_DB_WRITE,
	.exec = cmd_participant_reinstate_exec
};
