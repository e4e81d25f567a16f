/* SPDX-License-Identifier: Apache-2.0 */
/* cmd-unmark.c - showup unmark: take back what was recorded for one person at one session. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "commands.h"

/* Says what came back at s for p: what they told us, which a mark had replaced. */
static void
print_restored(struct cli *cli, const struct cohort *c, const struct session *s,
    const struct participant *p)
{
	struct attendance a;
	char *what;

	if (attendance_get(cli->st, s->id, p->id, &a, NULL) != 1)
		return;
	what = attendance_describe(&a, c->tz);
	printf("%s:%d %s: %s again (what they told us, which the mark had replaced)\n",
	    c->slug, s->number, p->email, what);
	free(what);
	attendance_free(&a);
}

/* Clears one participant's record at one session: back to what was there before. */
static int
cmd_unmark_exec(struct cli *cli, int argc, char **argv)
{
	const struct cohort *c = &cli->target.c;
	const struct session *s = &cli->target.s;
	const struct participant *p = &cli->target.p;
	int cleared;
	su_err e;

	if (cli_getopt(cli, argc, argv) != -1)
		return EXIT_USAGE;
	cleared = STORE_TX(cli->st, &e, attendance_clear(cli->st, c, s, p, RECORD_REPLACE, &e));
	if (cleared < 0)
		return cli_error("%s", e.msg);
	if (cleared == 2)
		print_restored(cli, c, s, p);
	else if (cleared == 1)
		printf("%s:%d: %s's move of their 1:1 taken back; it is at its old time again "
		    "(see 'showup session list %s')\n", c->slug, s->number, p->email, c->slug);
	else
		printf("%s:%d %s: not recorded (the log keeps what it was)\n", c->slug,
		    s->number, p->email);
	return EXIT_OK;
}

const struct cmd_entry cmd_unmark_entry = {
	.name = "unmark",
	.args = "SLUG:N EMAIL",
	.summary = "take back a mark: the record goes back to what was there before",
	.help =
	"Clears what was recorded for one participant at one session (a mark, a\n"
	"cancellation, an excuse); points follow at once. The audit log keeps\n"
	"what it was. Where the mark replaced what the participant told us (mark\n"
	"--replace, from-meeting --replace), that comes back whole, its time,\n"
	"reason and note as they were. A walk-in leaves the session's people\n"
	"again. To record something else instead, mark it again. A reschedule\n"
	"is taken back the same way (the new place stays); for a 1:1 moved whole,\n"
	"the session goes back to its old time.\n",
	.options = (const struct cmd_option[]){ { 0 } },
	.nargs = CMD_ARGS(2, 2),
	.target = CMD_TARGET_SESSION_PERSON,
	.db = CMD_DB_WRITE,
	.exec = cmd_unmark_exec
};
