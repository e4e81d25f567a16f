/* cmd-participant-import.c - showup participant import: the roster from a spreadsheet. */
#include "config.h"

#include <stdio.h>

#include "commands.h"

static const struct option participant_import_options[] = {
	{ "dry-run", no_argument, NULL, 'n' },
	{ 0 }
};

/* Imports a roster CSV in one transaction. */
static int
cmd_participant_import_exec(struct cli *cli, int argc, char **argv)
{
	struct import_result r;
	struct cohort c;
	int dry_run = 0, opt, rc;
	su_err e;

	while ((opt = cli_getopt(cli, argc, argv, "n", participant_import_options)) != -1) {
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
	rc = import_roster(cli->st, &c, argv[optind + 1], &r, &e);
	rc = cli_import_report("participant", &r, rc, &e);
	import_result_free(&r);
	cohort_free(&c);
	return rc;
}

const struct cmd_entry cmd_participant_import_entry = {
	"participant", "import", NULL, "SLUG FILE.csv [--dry-run]",
	"add or update participants from a spreadsheet (CSV)",
	"Columns are found by header name, in any case: Name (or Full name, or\n"
	"First name + Last name), E-mail (Email Address...), Company (Organisation).\n"
	"UTF-8 with or without a BOM; Excel quoting. The file is one transaction:\n"
	"one bad row imports nothing, and every bad row is listed as FILE:LINE.\n"
	"Importing the same file again changes nothing; a changed row updates the\n"
	"participant and the audit log shows old and new. --dry-run checks only.\n",
	CMD_DB_CREATE, cmd_participant_import_exec
};
