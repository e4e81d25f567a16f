/* SPDX-License-Identifier: Apache-2.0 */
/* cmd-session-cancel.c - showup session cancel: the coach calls a session off. */
#include "config.h"

#include <stdio.h>

#include "commands.h"
#include "showup/timeutil.h"

/* What cli_getopt returns for the long-only options of the table below. */
enum { OPT_NOTE = OPT_OWN, OPT_AND_LATER };

/* Cancels each of the n sessions v at 'when' in the caller's transaction; 0 or -1. */
static int
cancel_all(struct store *st, const struct cohort *c, const struct session *v, size_t n,
    int64_t when, const char *note, su_err *e)
{
	for (size_t k = 0; k < n; k++)
		if (session_cancel(st, c, &v[k], when, note, e) < 0)
			return -1;
	return 0;
}

/* Says whether session s's cancellation at 'when' came after its cutoff. */
static int
say_cancelled(const struct cohort *c, const struct policy *p, const struct session *s,
    int64_t when)
{
	int64_t cutoff;

	if (policy_cutoff(p, c->tz, s->starts_at, &cutoff) < 0)
		return cli_error("cannot use time zone '%s'", c->tz);
	if (when > cutoff)
		printf("session %s:%d cancelled late, after the cutoff: it counts "
		    "against the coach's reliability\n", c->slug, s->number);
	else
		printf("session %s:%d cancelled in good time; nobody is expected\n",
		    c->slug, s->number);
	return EXIT_OK;
}

/* Records the coach's cancellation (of the series from it on) and whether it came late. */
static int
cmd_session_cancel_exec(struct cli *cli, int argc, char **argv)
{
	const char *at = "now", *note = "";
	const struct cohort *c = &cli->target.c;
	struct session_list l = { NULL, 0 };
	const struct session *v = &cli->target.s;
	struct policy p;
	int64_t when, cutoff;
	int opt, and_later = 0, rc;
	size_t n = 1;
	su_err e;

	while ((opt = cli_getopt(cli, argc, argv)) != -1) {
		if (opt == OPT_AT)
			at = optarg;
		else if (opt == OPT_NOTE)
			note = optarg;
		else if (opt == OPT_AND_LATER)
			and_later = 1;
		else
			return EXIT_USAGE;
	}
	rc = EXIT_FAIL;
	if (cli_time(cli, c, at, &when) < 0 || cli_policy(cli->st, c, &p) != EXIT_OK)
		goto done;
	if (policy_cutoff(&p, c->tz, v->starts_at, &cutoff) < 0) {
		cli_error("cannot use time zone '%s'", c->tz);
		goto done;
	}
	if (and_later && session_series_from(cli->st, c, v, &l, &e) < 0) {
		cli_error("%s", e.msg);
		goto done;
	}
	if (and_later) {
		v = l.v;
		n = l.n;
	}
	if (STORE_TX(cli->st, &e, cancel_all(cli->st, c, v, n, when, note, &e)) < 0) {
		cli_error("%s", e.msg);
		goto done;
	}
	rc = EXIT_OK;
	for (size_t k = 0; k < n; k++)
		if (say_cancelled(c, &p, &v[k], when) != EXIT_OK)
			rc = EXIT_FAIL;
	if (n == 0)
		printf("session %s:%d: its series has nothing left to cancel\n", c->slug,
		    cli->target.s.number);
done:
	session_list_free(&l);
	return rc;
}

const struct cmd_entry cmd_session_cancel_entry = {
	.group = "session",
	.name = "cancel",
	.args = "SLUG:N",
	.summary = "record that the coach cancelled a whole session",
	.help =
	"The session is not held and nobody gets points; a cancellation after\n"
	"the cutoff counts against the coach's own reliability figure.\n"
	"With --and-later every session of its series (made by one session add\n"
	"--every or session pairs) from this one on is called off, each told.\n",
	.options = (const struct cmd_option[]){
		{ .name = "at", .arg = "TIME", .key = OPT_AT,
		  .help = "when the cancellation went out (default: now)" },
		{ .name = "note", .arg = "TEXT", .key = OPT_NOTE,
		  .help = "a note kept with the session" },
		{ .name = "and-later", .key = OPT_AND_LATER,
		  .help = "cancel the series from this session on (those not called off)" },
		{ 0 }
	},
	.nargs = CMD_ARGS(1, 1),
	.target = CMD_TARGET_SESSION,
	.db = CMD_DB_WRITE,
	.exec = cmd_session_cancel_exec
};
