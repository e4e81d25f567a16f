/* cmd-session-import.c - showup session import: the schedule from a spreadsheet. */
#include "config.h"

#include <stdio.h>

#include "commands.h"

static const struct option session_import_options[] = {
	{ "dry-run", no_argument, NULL, 'n' },
	{ 0 }
};

/* Imports a sessions CSV in one transaction. */
static int
cmd_session_import_exec(struct cli *cli, int argc, char **argv)
{
	struct import_result r;
	struct cohort c;
	int dry_run = 0, opt, rc;
	su_err e;

	while ((opt = cli_getopt(cli, argc, argv, "n", session_import_options)) != -1) {
		if (opt != 'n')
			return EXIT_USAGE;
		dry_run = 1;
	}
	if (optind + 2 != argc)
		return cli_usage_error(cli, "give a cohort (SLUG) and a CSV file");
	if (cli_cohort(cli, argv[optind], &c) != EXIT_OK)
		return EXIT_FAIL;
	import_result_init(&r, dry_run);
	cli_import_progress_setup(&r);
	rc = import_sessions(cli->st, &c, argv[optind + 1], &r, &e);
	rc = cli_import_report("session", &r, rc, &e);
	import_result_free(&r);
	cohort_free(&c);
	return rc;
}

const struct cmd_entry cmd_session_import_entry = {
	"session", "import", NULL, "SLUG FILE.csv [--dry-run]",
	"add or update sessions from a spreadsheet (CSV)",
	"Columns: number (optional: new sessions get the next), start (local\n"
	"\"YYYY-MM-DD HH:MM\"; or date and time columns), minutes, kind, title,\n"
	"location, with (e-mails separated by ';'), cancelled_at and cancel_note\n"
	"(a cancellation by the coach). A session is matched by number, else by\n"
	"its start time. One transaction; every bad row is listed as FILE:LINE.\n",
	CMD_DB_CREATE, cmd_session_import_exec
};
