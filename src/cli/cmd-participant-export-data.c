/* cmd-participant-export-data.c - showup participant export-data: everything held
 * about one person, on their request, in one zip archive. */
#include "config.h"

#include <stdio.h>

#include "commands.h"
#include "showup/privacy.h"

/* Writes the target's person's data, from every cohort, to the archive -o names. */
static int
cmd_participant_export_data_exec(struct cli *cli, int argc, char **argv)
{
	const struct participant *p = &cli->target.p;
	struct export_summary sum;
	const char *path = NULL;
	int opt;
	su_err e;

	while ((opt = cli_getopt(cli, argc, argv)) != -1) {
		if (opt != 'o')
			return EXIT_USAGE;
		path = optarg;
	}
	if (path == NULL)
		return cli_usage_error(cli, "give the archive to write: -o FILE.zip");
	if (privacy_export(cli->st, p->email, path, &sum, &e) < 0)
		return cli_error("%s", e.msg);
	printf("wrote %s: %zu tables, %zu message%s, the commitment reports and a README\n",
	    path, sum.files, sum.messages, sum.messages == 1 ? "" : "s");
	return EXIT_OK;
}

const struct cmd_entry cmd_participant_export_data_entry = {
	.group = "participant",
	.name = "export-data",
	.args = "SLUG EMAIL",
	.summary = "write everything held about a participant, in every cohort, to a zip archive",
	.help =
	"For a person's request for their data: their records as CSV (participant,\n"
	"attendance with reasons and notes, reschedules, refund offers, reviews,\n"
	"notices), every message to them as .eml, the audit entries that name them,\n"
	"their commitment report of each cohort, and a README naming each file.\n",
	.options = (const struct cmd_option[]){
		{ .name = "output", .short_name = 'o', .arg = "FILE.zip", .required = 1,
		  .help = "the archive to write (under a temporary name, then renamed)" },
		{ 0 }
	},
	.nargs = CMD_ARGS(2, 2),
	.target = CMD_TARGET_COHORT_PERSON,
	.db = CMD_DB_READ,
	.exec = cmd_participant_export_data_exec
};
