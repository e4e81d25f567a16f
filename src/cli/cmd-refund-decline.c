/* SPDX-License-Identifier: Apache-2.0 */
/* cmd-refund-decline.c - showup refund decline: the participant recommits. */
#include "config.h"

#include "commands.h"

/* Settles the open offer as declined: the participant stays in the program. */
static int
cmd_refund_decline_exec(struct cli *cli, int argc, char **argv)
{
	return cli_refund_decide(cli, argc, argv, OFFER_DECLINED);
}

const struct cmd_entry cmd_refund_decline_entry = {
	.group = "refund",
	.name = "decline",
	.args = "SLUG EMAIL",
	.summary = "record that a participant declined the refund offer and recommits",
	.help =
	"The participant stays in the program; the ladder goes on from where it\n"
	"is (a step already sent is never sent again). The next plan confirms it\n"
	"to them (refund-declined).\n",
	.options = (const struct cmd_option[]){
		CLI_AT_OPTION,
		{ 0 }
	},
	.nargs = CMD_ARGS(2, 2),
	.target = CMD_TARGET_COHORT_PERSON,
	.db = CMD_DB_WRITE,
	.exec = cmd_refund_decline_exec
};
