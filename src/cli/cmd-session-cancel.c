/* SPDX-License-Identifier: Apache-2.0 */
/* cmd-session-cancel.c - showup session cancel: the coach calls a session off. */
#include "config.h"

#include <stdio.h>

#include "commands.h"
#include "showup/timeutil.h"

/* What cli_getopt returns for the long-only options of the table below. */
enum { OPT_NOTE = OPT_OWN };

/* Records the coach's cancellation and whether it came after the cutoff. */
static int
cmd_session_cancel_exec(struct cli *cli, int argc, char **argv)
{
	const char *at = "now", *note = "";
	const struct cohort *c = &cli->target.c;
	const struct session *s = &cli->target.s;
	struct policy p;
	int64_t when, cutoff;
	int opt, rc;
	su_err e;

	while ((opt = cli_getopt(cli, argc, argv)) != -1) {
		if (opt == OPT_AT)
			at = optarg;
		else if (opt == OPT_NOTE)
			note = optarg;
		else
			return EXIT_USAGE;
	}
	rc = EXIT_FAIL;
	if (cli_time(cli, c, at, &when) < 0 || cli_policy(cli->st, c, &p) != EXIT_OK)
		goto done;
	if (policy_cutoff(&p, c->tz, s->starts_at, &cutoff) < 0) {
		cli_error("cannot use time zone '%s'", c->tz);
		goto done;
	}
	if (STORE_TX(cli->st, &e, session_cancel(cli->st, c, s, when, note, &e)) < 0) {
		cli_error("%s", e.msg);
		goto done;
	}
	if (when > cutoff)
		printf("session %s:%d cancelled late, after the cutoff: it counts "
		    "against the coach's reliability\n", c->slug, s->number);
	else
		printf("session %s:%d cancelled in good time; nobody is expected\n",
		    c->slug, s->number);
	rc = EXIT_OK;
done:
	return rc;
}

const struct cmd_entry cmd_session_cancel_entry = {
	.group = "session",
	.name = "cancel",
	.args = "SLUG:N",
	.summary = "record that the coach cancelled a whole session",
	.help =
	"The session is not held and nobody gets points; a cancellation after\n"
	"the cutoff counts against the coach's own reliability figure.\n",
	.options = (const struct cmd_option[]){
		{ .name = "at", .arg = "TIME", .key = OPT_AT,
		  .help = "when the cancellation went out (default: now)" },
		{ .name = "note", .arg = "TEXT", .key = OPT_NOTE,
		  .help = "a note kept with the session" },
		{ 0 }
	},
	.nargs = CMD_ARGS(1, 1),
	.target = CMD_TARGET_SESSION,
	.db = CMD_DB_WRITE,
	.exec = cmd_session_cancel_exec
};
