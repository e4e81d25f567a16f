/* SPDX-License-Identifier: Apache-2.0 */
/* cmd-session-add.c - showup session add: schedule one session. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "commands.h"
#include "showup/timeutil.h"

/* Schedules the session the options describe. */
static int
cmd_session_add_exec(struct cli *cli, int argc, char **argv)
{
	struct session s = { .minutes = 60, .kind = SESSION_GROUP, .title = "",
		.location = "" };
	struct cli_people with = { NULL, 0 };
	int64_t *ids = NULL;
	const char *at = NULL;
	const struct cohort *c = &cli->target.c;
	int opt, number, rc = EXIT_USAGE;
	char when[40];
	su_err e;

	while ((opt = cli_getopt(cli, argc, argv)) != -1) {
		if (opt == OPT_AT)
			at = optarg;
		else if (cli_session_option(cli, opt, &s, &with) <= 0)
			goto done;
	}
	if (at == NULL) {
		cli_usage_error(cli, "--at is needed (\"YYYY-MM-DD HH:MM\")");
		goto done;
	}
	rc = EXIT_FAIL;
	ids = xcalloc(with.n + 1, sizeof *ids);
	if (cli_time(cli, c, at, &s.starts_at) < 0 ||
	    cli_people_ids(cli, c, &with, ids) != EXIT_OK)
		goto done;
	if ((number = STORE_TX(cli->st, &e, session_add(cli->st, c, &s, ids, with.n,
	    &e))) < 0) {
		cli_error("%s", e.msg);
		if (s.kind != SESSION_GROUP && with.n == 0)
			fputs("hint: name them with --with EMAIL (once for each)\n", stderr);
		else if (s.kind == SESSION_GROUP && with.n > 0)
			fputs("hint: drop --with, or give --kind coaching or practice\n", stderr);
		goto done;
	}
	printf("added session %s:%d, %s %s, %d min\n", c->slug, number,
	    session_kind_name(s.kind), time_format_human(c->tz, s.starts_at, when,
	    sizeof when), s.minutes);
	rc = EXIT_OK;
done:
	free(with.emails);
	free(ids);
	return rc;
}

const struct cmd_entry cmd_session_add_entry = {
	.group = "session",
	.name = "add",
	.args = "SLUG",
	.summary = "schedule a session",
	.help =
	"The session gets the next number of the cohort. A group\n"
	"session expects every active participant; a coaching or practice\n"
	"session expects those named with --with.\n",
	.options = (const struct cmd_option[]){
		{ .name = "at", .arg = "TIME", .key = OPT_AT, .required = 1,
		  .help = "the start, \"YYYY-MM-DD HH:MM\" in the cohort's local time "
		  "unless it carries an offset (2027-03-01T09:00+11:00)" },
		CLI_SESSION_OPTIONS,
		{ 0 }
	},
	.nargs = CMD_ARGS(1, 1),
	.target = CMD_TARGET_COHORT,
	.db = CMD_DB_WRITE,
	.exec = cmd_session_add_exec
};
