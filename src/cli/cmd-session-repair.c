/* SPDX-License-Identifier: Apache-2.0 */
/* cmd-session-repair.c - showup session repair: a pairing mended after people left. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "commands.h"
#include "showup/pairing.h"
#include "showup/timeutil.h"

/* Prints each move of the mending: who joins whom, on which date. */
static void
say_moves(struct cli *cli, const struct pairing_change_list *l)
{
	const struct cohort *c = &cli->target.c;
	char when[40];

	for (size_t k = 0; k < l->n; k++) {
		int64_t ids[1] = { l->v[k].participant_id };
		char *who = session_with_describe(cli->st, ids, 1);

		printf("%s %s: %s moves from session %s:%d to %s:%d\n", c->slug,
		    time_format_human(c->tz, l->v[k].starts_at, when, sizeof when), who, c->slug,
		    l->v[k].from_number, c->slug, l->v[k].to_number);
		free(who);
	}
	if (l->n == 0)
		printf("%s: nobody is left alone in the pairing of session %s:%d\n", c->slug,
		    c->slug, cli->target.s.number);
}

/* Mends the pairing of session N in one transaction and says what moved. */
static int
cmd_session_repair_exec(struct cli *cli, int argc, char **argv)
{
	struct pairing_change_list l = { NULL, 0 };
	su_err e;

	if (cli_getopt(cli, argc, argv) != -1)
		return EXIT_USAGE;	/* it takes no options: the parser said why */
	if (STORE_TX(cli->st, &e, pairing_mend(cli->st, &cli->target.c, &cli->target.s,
	    time_now(), &l, &e)) < 0)
		return cli_error("%s", e.msg);
	say_moves(cli, &l);
	pairing_change_list_free(&l);
	return EXIT_OK;
}

const struct cmd_entry cmd_session_repair_entry = {
	.group = "session",
	.name = "repair",
	.args = "SLUG:N",
	.summary = "re-pair what is to come of a pairing after people left",
	.help =
	"N is any practice session a session pairs made. On each date still to\n"
	"come, someone a leaver left alone is paired with another left alone\n"
	"(the one they practised with least comes to them), or the last one\n"
	"alone joins the pair they practised with least. Nothing else changes:\n"
	"the notices tell just the people whose partner changed (partner-added\n"
	"to those joined, and to the one moved their place taken off and the new\n"
	"one given). Past sessions stay as they were.\n",
	.options = (const struct cmd_option[]){ { 0 } },
	.nargs = CMD_ARGS(1, 1),
	.target = CMD_TARGET_SESSION,
	.db = CMD_DB_WRITE,
	.exec = cmd_session_repair_exec
};
