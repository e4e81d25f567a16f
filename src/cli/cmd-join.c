/* SPDX-License-Identifier: Apache-2.0 */
/* cmd-join.c - showup join: a participant takes a place at a session, or waits for one. */
#include "config.h"

#include <stdio.h>

#include "commands.h"
#include "showup/places.h"
#include "showup/timeutil.h"

/* What cli_getopt returns for the long-only options of the table below. */
enum { OPT_LEAVE = OPT_OWN };

/* Takes the target's participant off its session's waiting list. */
static int
leave(struct cli *cli, const struct cohort *c, const struct session *s,
    const struct participant *p)
{
	su_err e;

	if (STORE_TX(cli->st, &e, places_leave(cli->st, c, s, p, time_now(), &e)) < 0)
		return cli_error("%s", e.msg);
	printf("%s:%d %s: off the waiting list\n", c->slug, s->number, p->email);
	return EXIT_OK;
}

/* Joins the target's participant to its session: a free place, else the waiting list. */
static int
cmd_join_exec(struct cli *cli, int argc, char **argv)
{
	const struct cohort *c = &cli->target.c;
	const struct session *s = &cli->target.s;
	const struct participant *p = &cli->target.p;
	int position = 0, rc, opt, off = 0;
	su_err e;

	while ((opt = cli_getopt(cli, argc, argv)) != -1) {
		if (opt != OPT_LEAVE)
			return EXIT_USAGE;
		off = 1;
	}
	if (off)
		return leave(cli, c, s, p);
	rc = STORE_TX(cli->st, &e, places_join(cli->st, c, s, p, time_now(), &position, &e));
	if (rc < 0)
		return cli_error("%s", e.msg);
	if (rc == PLACE_TAKEN)
		printf("%s:%d %s: has a place\n", c->slug, s->number, p->email);
	else
		printf("%s:%d %s: no place free; number %d on the waiting list\n", c->slug,
		    s->number, p->email, position);
	return EXIT_OK;
}

const struct cmd_entry cmd_join_entry = {
	.name = "join",
	.args = "SLUG:N EMAIL",
	.summary = "give a participant a place at a session with places, or a place on its "
	    "waiting list",
	.help =
	"For a session with places (session add --capacity N). With a place\n"
	"free, the participant takes it and the session expects them; with\n"
	"none, they wait, first come first placed. A place given up (a\n"
	"cancellation, in time or late, a withdrawal, more places) goes to the\n"
	"first waiting, who is told once by the next 'notices run' with the\n"
	"calendar entry; from then on the cutoff applies to them. A late\n"
	"canceller is still judged late. --leave takes them off the waiting\n"
	"list again. An --optional session with places is joined the same way\n"
	"(its places count no points); one without places takes anyone who\n"
	"comes, so there is nothing to join.\n",
	.options = (const struct cmd_option[]){
		{ .name = "leave", .key = OPT_LEAVE,
		  .help = "take the participant off the session's waiting list" },
		{ 0 }
	},
	.nargs = CMD_ARGS(2, 2),
	.target = CMD_TARGET_SESSION_PERSON,
	.db = CMD_DB_WRITE,
	.exec = cmd_join_exec
};
