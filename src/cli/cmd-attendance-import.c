/* cmd-attendance-import.c - showup attendance import: facts from a spreadsheet. */
#include "config.h"

#include <stdio.h>

#include "commands.h"

static const struct option attendance_import_options[] = {
	{ "dry-run", no_argument, NULL, 'n' },
	{ 0 }
};

/* Imports an attendance CSV in one transaction. */
static int
cmd_attendance_import_exec(struct cli *cli, int argc, char **argv)
{
	struct import_result r;
	struct policy p;
	struct cohort c;
	int dry_run = 0, opt, rc;
	su_err e;

	while ((opt = cli_getopt(cli, argc, argv, "n", attendance_import_options)) != -1) {
		if (opt != 'n')
			return EXIT_USAGE;
		dry_run = 1;
	}
	if (optind + 2 != argc)
		return cli_usage_error(cli, "give a cohort (SLUG) and a CSV file");
	if (cli_cohort(cli, argv[optind], &c) != EXIT_OK)
		return EXIT_FAIL;
	if (cli_policy(cli->st, &c, &p) != EXIT_OK) {
		cohort_free(&c);
		return EXIT_FAIL;
	}
	import_result_init(&r, dry_run);
	cli_import_progress_setup(&r);
	rc = import_attendance(cli->st, &c, &p, argv[optind + 1], &r, &e);
	rc = cli_import_report("attendance", &r, rc, &e);
	import_result_free(&r);
	cohort_free(&c);
	return rc;
}

const struct cmd_entry cmd_attendance_import_entry = {
	"attendance", "import", NULL, "SLUG FILE.csv [--dry-run]",
	"record attendance from a spreadsheet (CSV)",
	"Columns: session (its number), email, status (present, late, no-show,\n"
	"excused, cancelled), minutes_late (for late), cancelled_at (for\n"
	"cancelled: local time, or with an offset), reason (for cancelled and\n"
	"excused), note. The columns name, date and outcome that 'attendance\n"
	"export' adds are read past. One transaction; every bad row is listed.\n",
	CMD_DB_EXISTING, cmd_attendance_import_exec
};
