/* cmd-session-cancel.c - showup session cancel: the coach calls a session off. */
#include "config.h"

#include <stdio.h>

#include "commands.h"
#include "showup/timeutil.h"

static const struct option session_cancel_options[] = {
	{ "at", required_argument, NULL, 't' },
	{ "note", required_argument, NULL, 'n' },
	{ 0 }
};

/* Records the coach's cancellation and whether it came after the cutoff. */
static int
cmd_session_cancel_exec(struct cli *cli, int argc, char **argv)
{
	const char *at = "now", *note = "";
	struct cohort c;
	struct session s;
	struct policy p;
	int64_t when, cutoff;
	int opt, rc;
	su_err e;

	while ((opt = cli_getopt(cli, argc, argv, "", session_cancel_options)) != -1) {
		if (opt == 't')
			at = optarg;
		else if (opt == 'n')
			note = optarg;
		else
			return EXIT_USAGE;
	}
	if (optind + 1 != argc)
		return cli_usage_error(cli, "give one session (SLUG:N)");
	if ((rc = cli_session(cli, argv[optind], &c, &s)) != EXIT_OK)
		return rc;
	rc = EXIT_FAIL;
	if (cli_time(cli, &c, at, &when) < 0)
		goto done;
	if (STORE_TX(cli->st, &e, session_cancel(cli->st, &c, &s, when, note, &e)) < 0) {
		cli_error("%s", e.msg);
		goto done;
	}
	if (cli_policy(cli->st, &c, &p) == EXIT_OK &&
	    policy_cutoff(&p, c.tz, s.starts_at, &cutoff) == 0 && when > cutoff)
		printf("session %s:%d cancelled late, after the cutoff: it counts "
		    "against the coach's reliability\n", c.slug, s.number);
	else
		printf("session %s:%d cancelled in good time; nobody is expected\n",
		    c.slug, s.number);
	rc = EXIT_OK;
done:
	session_free(&s);
	cohort_free(&c);
	return rc;
}

const struct cmd_entry cmd_session_cancel_entry = {
	"session", "cancel", NULL, "SLUG:N [--at TIME] [--note TEXT]",
	"record that the coach cancelled a whole session",
	"--at is when the cancellation went out (default: now). The session is\n"
	"not held and nobody gets points; a cancellation after the cutoff counts\n"
	"against the coach's own reliability figure.\n",
	CMD_DB_WRITE, cmd_session_cancel_exec
};
