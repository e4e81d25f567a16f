/* SPDX-License-Identifier: Apache-2.0 */
/* cmd-calendar.c - showup calendar: a cohort's schedule, or one person's, as iCalendar. */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "commands.h"
#include "showup/calendar.h"
#include "showup/roll.h"

/* Finds the row of 'email' in roll r into *row; an exit status. */
static int
person_row(const struct roll *r, const char *email, size_t *row)
{
	for (size_t i = 0; i < r->people.n; i++)
		if (strcasecmp(r->people.v[i].email, email) == 0) {
			*row = i;
			return EXIT_OK;
		}
	return cli_error("no participant '%s' in %s", email, r->cohort->slug);
}

/* Writes the schedule (of one person if 'email') to 'path' or stdout; an exit status. */
static int
write_schedule(struct cli *cli, const struct cohort *c, const char *email, const char *path)
{
	struct strbuf ics = STRBUF_INIT;
	size_t row = CALENDAR_NOBODY;
	struct policy p;
	struct roll r;
	int rc;
	su_err e;

	if (cli_policy(cli->st, c, &p) != EXIT_OK)
		return EXIT_FAIL;
	if (roll_load(cli->st, c, &p, time_now(), &r, &e) < 0)
		return cli_error("%s", e.msg);
	if ((rc = email ? person_row(&r, email, &row) : EXIT_OK) == EXIT_OK &&
	    calendar_schedule(cli->st, &r, row, &ics, &e) < 0)
		rc = cli_error("%s", e.msg);
	if (rc == EXIT_OK && path != NULL)
		rc = cli_write_file(path, ics.buf, ics.len);
	else if (rc == EXIT_OK)
		fwrite(ics.buf, 1, ics.len, stdout);
	sb_free(&ics);
	roll_free(&r);
	return rc;
}

/* Writes a cohort's schedule, or one person's, as an .ics file. */
static int
cmd_calendar_exec(struct cli *cli, int argc, char **argv)
{
	const char *path = NULL;
	const struct cohort *c = &cli->target.c;
	int opt, rc;

	while ((opt = cli_getopt(cli, argc, argv)) != -1) {
		if (opt == 'o')
			path = optarg;
		else
			return EXIT_USAGE;
	}
	rc = write_schedule(cli, c, optind + 2 == argc ? argv[optind + 1] : NULL, path);
	return rc;
}

const struct cmd_entry cmd_calendar_entry = {
	.name = "calendar",
	.args = "SLUG [EMAIL]",
	.summary = "write the schedule as a calendar file (.ics) to import",
	.help =
	"Every session of the cohort, or with EMAIL the sessions that participant\n"
	"is expected at, as iCalendar (METHOD:PUBLISH) in the cohort's time zone,\n"
	"with its VTIMEZONE, so times stay right across a change of daylight\n"
	"saving. A session called off is there as cancelled. A person's events\n"
	"have the UIDs of the invitations their notices carry, so importing the\n"
	"file does not double them.\n",
	.options = (const struct cmd_option[]){
		{ .name = "output", .short_name = 'o', .arg = "FILE.ics",
		  .help = "write a file (under a temporary name, then renamed); else stdout" },
		{ 0 }
	},
	.nargs = CMD_ARGS(1, 2, "give a cohort (SLUG), and maybe one participant (EMAIL)"),
	.target = CMD_TARGET_COHORT,
	.db = CMD_DB_READ,
	.exec = cmd_calendar_exec
};
