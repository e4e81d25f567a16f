/* cmd-status.c - showup status: who is keeping the commitment, at a glance. */
#include "config.h"

#include <stdio.h>

#include "commands.h"

static const struct option status_options[] = {
	{ "csv", no_argument, NULL, 'c' },
	{ 0 }
};

/* Parses the options and prints the status of one cohort. */
static int
cmd_status_exec(struct cli *cli, int argc, char **argv)
{
	struct cohort c;
	int csv = 0, opt, rc;

	while ((opt = cli_getopt(cli, argc, argv, "", status_options)) != -1) {
		if (opt != 'c')
			return EXIT_USAGE;
		csv = 1;
	}
	if (optind + 1 != argc)
		return cli_usage_error(cli, "give one cohort (SLUG)");
	if (cli_cohort(cli, argv[optind], &c) != EXIT_OK)
		return EXIT_FAIL;
	rc = view_status(cli->st, &c, csv, stdout);
	cohort_free(&c);
	return rc;
}

const struct cmd_entry cmd_status_entry = {
	NULL, "status", "st", "SLUG [--csv]",
	"who is keeping the commitment: figures, points, notices, refund offers",
	"One row per participant, those at risk first (a notice due or a refund\n"
	"offer open), then by points. expected: sessions held so far where they\n"
	"were expected and the roll is taken; attended: present or late; rate:\n"
	"attended / (expected - excused); commitment: kept / (kept + broken),\n"
	"where late cancellations and no-shows are broken; lead: the median\n"
	"hours of notice their cancellations gave. The first lines give the\n"
	"coach's own figures.\n",
	CMD_DB_EXISTING, cmd_status_exec
};
