/* cmd-attendance-show.c - showup attendance show: the people x sessions grid. */
#include "config.h"

#include <stdio.h>

#include "commands.h"

static const struct option attendance_show_options[] = {
	{ "csv", no_argument, NULL, 'c' },
	{ 0 }
};

/* Prints the grid of outcomes of one cohort. */
static int
cmd_attendance_show_exec(struct cli *cli, int argc, char **argv)
{
	struct cohort c;
	int csv = 0, opt, rc;

	while ((opt = cli_getopt(cli, argc, argv, "", attendance_show_options)) != -1) {
		if (opt != 'c')
			return EXIT_USAGE;
		csv = 1;
	}
	if (optind + 1 != argc)
		return cli_usage_error(cli, "give one cohort (SLUG)");
	if (cli_cohort(cli, argv[optind], &c) != EXIT_OK)
		return EXIT_FAIL;
	rc = view_attendance_grid(cli->st, &c, csv, stdout);
	cohort_free(&c);
	return rc;
}

const struct cmd_entry cmd_attendance_show_entry = {
	"attendance", "show", NULL, "SLUG [--csv]",
	"show the grid of outcomes: participants x sessions",
	"P present  L late  C cancelled in time  X late cancellation  N no-show\n"
	"E excused  ? not recorded yet  . not expected  - cancelled by the coach\n",
	CMD_DB_EXISTING, cmd_attendance_show_exec
};
