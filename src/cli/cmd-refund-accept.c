/* SPDX-License-Identifier: Apache-2.0 */
/* cmd-refund-accept.c - showup refund accept: the participant takes the refund and leaves. */
#include "config.h"

#include "commands.h"

/* Settles the open offer as accepted: the participant is withdrawn, records kept. */
static int
cmd_refund_accept_exec(struct cli *cli, int argc, char **argv)
{
	return cli_refund_decide(cli, argc, argv, OFFER_ACCEPTED);
}

const struct cmd_entry cmd_refund_accept_entry = {
	.group = "refund",
	.name = "accept",
	.args = "SLUG EMAIL",
	.summary = "record that a participant accepted the refund offer and left",
	.help =
	"The participant is withdrawn as of --at (default now): no longer expected\n"
	"at later sessions; past records and points stay. The refund is recorded,\n"
	"and the next plan confirms it to them (refund-accepted, with a calendar\n"
	"CANCEL of the sessions to come) and tells their partners (partner-left).\n",
	.options = (const struct cmd_option[]){
		CLI_AT_OPTION,
		{ 0 }
	},
	.nargs = CMD_ARGS(2, 2),
	.target = CMD_TARGET_COHORT_PERSON,
	.db = CMD_DB_WRITE,
	.exec = cmd_refund_accept_exec
};
