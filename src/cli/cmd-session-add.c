/* SPDX-License-Identifier: Apache-2.0 */
/* cmd-session-add.c - showup session add: schedule one session. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "commands.h"
#include "showup/timeutil.h"

/* What cli_getopt returns for the long-only options of the table below. */
enum { OPT_OPTIONAL = OPT_OWN };

/* Adds a session at each of starts[0..n) in one transaction; the first's number, or -1. */
static int
add_all(struct store *st, const struct cohort *c, struct session *s, const int64_t *starts,
    int n, const int64_t *ids, size_t nids, su_err *e)
{
	int first = -1, number = 0;

	s->series = n > 1 ? SESSION_SERIES_FIRST : 0;
	for (int k = 0; k < n && number >= 0; k++) {
		s->starts_at = starts[k];
		if ((number = session_add(st, c, s, ids, nids, e)) >= 0 && k == 0)
			first = number;
		if (n > 1)
			s->series = first;
	}
	return number < 0 ? -1 : first;
}

/* Prints the sessions added (or that would be): each number, weekday, date and time. */
static void
print_added(const struct cohort *c, const struct session *s, const int64_t *starts, int n,
    int first, int dry_run)
{
	char when[40];

	for (int k = 0; k < n; k++) {
		if (dry_run)
			printf("would add %s, %s%s %s, %d min\n", c->slug,
			    s->optional ? "optional " : "", session_kind_name(s->kind),
			    time_format_human(c->tz, starts[k], when, sizeof when), s->minutes);
		else
			printf("added session %s:%d, %s%s %s, %d min\n", c->slug, first + k,
			    s->optional ? "optional " : "", session_kind_name(s->kind),
			    time_format_human(c->tz, starts[k], when, sizeof when), s->minutes);
	}
}

/* Schedules the session (or series) the options describe. */
static int
cmd_session_add_exec(struct cli *cli, int argc, char **argv)
{
	struct session s = { .minutes = 60, .kind = SESSION_GROUP, .title = "",
		.location = "" };
	struct cli_people with = { NULL, 0 };
	struct series_args series = { .count = 0 };
	int64_t *ids = NULL, *starts = NULL, first_at;
	const char *at = NULL;
	const struct cohort *c = &cli->target.c;
	int opt, n, number, rc = EXIT_USAGE;
	su_err e;

	while ((opt = cli_getopt(cli, argc, argv)) != -1) {
		if (opt == OPT_AT)
			at = optarg;
		else if (opt == OPT_OPTIONAL)
			s.optional = 1;
		else if ((n = cli_series_option(cli, opt, &series)) < 0 || (n == 0 &&
		    cli_session_option(cli, opt, &s, &with) <= 0))
			goto done;
	}
	if (at == NULL) {
		cli_usage_error(cli, "--at is needed (\"YYYY-MM-DD HH:MM\")");
		goto done;
	}
	rc = EXIT_FAIL;
	ids = xcalloc(with.n + 1, sizeof *ids);
	if (cli_time(cli, c, at, &first_at) < 0 ||
	    cli_people_ids(cli, c, &with, ids) != EXIT_OK)
		goto done;
	if ((rc = cli_series_starts(cli, c, &series, first_at, &starts, &n)) != EXIT_OK)
		goto done;
	rc = EXIT_FAIL;
	if (series.dry_run) {
		print_added(c, &s, starts, n, 0, 1);
		rc = EXIT_OK;
		goto done;
	}
	if ((number = STORE_TX(cli->st, &e, add_all(cli->st, c, &s, starts, n, ids, with.n,
	    &e))) < 0) {
		cli_error("%s", e.msg);
		if (s.kind != SESSION_GROUP && with.n == 0 && s.capacity == 0)
			fputs("hint: name them with --with EMAIL (once for each)\n", stderr);
		else if (session_expects_everyone(&s) && with.n > 0)
			fputs("hint: drop --with, or give --kind coaching or practice, or "
			    "--capacity N\n", stderr);
		goto done;
	}
	print_added(c, &s, starts, n, number, 0);
	rc = EXIT_OK;
done:
	free(with.emails);
	free(series.skip);
	free(starts);
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
	"session expects those named with --with. With --capacity a session\n"
	"holds that many places: its people are those who hold one (named\n"
	"with --with, or joined with 'showup join'); when none is free, a\n"
	"join waits on its waiting list for a place given up.\n"
	"With --every a series: a session of its own every day, week or two\n"
	"weeks, at the same local time across changes of summer time, --count\n"
	"of them or until --until (that day included); --skip leaves a day out\n"
	"(a holiday) and the count still holds. All of it or nothing is added;\n"
	"--dry-run lists each date with its weekday and adds nothing.\n"
	"An --optional session expects nobody: who comes is recorded and\n"
	"shown, and nobody gets points for staying away (no reminders either).\n",
	.options = (const struct cmd_option[]){
		{ .name = "at", .arg = "TIME", .key = OPT_AT, .required = 1,
		  .help = "the start, \"YYYY-MM-DD HH:MM\" in the cohort's local time "
		  "unless it carries an offset (2027-03-01T09:00+11:00)" },
		CLI_SESSION_OPTIONS,
		{ .name = "optional", .key = OPT_OPTIONAL,
		  .help = "nobody is expected (a make-up, an open clinic): who comes is "
		  "recorded, nobody's absence counts" },
		CLI_SERIES_OPTIONS,
		{ .name = "dry-run", .short_name = 'n',
		  .help = "list the dates, add nothing" },
		{ 0 }
	},
	.nargs = CMD_ARGS(1, 1),
	.target = CMD_TARGET_COHORT,
	.db = CMD_DB_WRITE,
	.exec = cmd_session_add_exec
};
