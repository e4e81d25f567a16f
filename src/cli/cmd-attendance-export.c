/* SPDX-License-Identifier: Apache-2.0 */
/* cmd-attendance-export.c - showup attendance export: facts out as CSV. */
#include "config.h"

#include <stdio.h>

#include "commands.h"
#include "showup/atomicfile.h"

/* What cli_getopt returns for the long-only options of the table below. */
enum { OPT_EXCEL = OPT_OWN };

/* Writes the cohort's attendance as CSV to a file (atomically) or stdout. */
static int
cmd_attendance_export_exec(struct cli *cli, int argc, char **argv)
{
	struct atomic_file af = { 0 };
	const char *path = NULL;
	struct policy p;
	const struct cohort *c = &cli->target.c;
	FILE *out = stdout;
	int opt, excel = 0, rc = EXIT_FAIL;
	su_err e;

	while ((opt = cli_getopt(cli, argc, argv)) != -1) {
		if (opt == OPT_EXCEL)
			excel = 1;
		else if (opt == 'o')
			path = optarg;
		else
			return EXIT_USAGE;
	}
	if (cli_policy(cli->st, c, &p) != EXIT_OK)
		goto done;
	if (path != NULL && (out = atomic_open(&af, path, &e)) == NULL) {
		cli_error("%s", e.msg);
		goto done;
	}
	if (excel)
		fputs(CSV_EXCEL_BOM, out);	/* as participant list does: Excel then reads UTF-8 */
	if (export_attendance(cli->st, c, &p, out, &e) < 0) {
		cli_error("%s", e.msg);
		if (path != NULL)
			atomic_abort(&af);
		goto done;
	}
	if (path != NULL && atomic_commit(&af, &e) < 0) {
		cli_error("%s", e.msg);
		goto done;
	}
	if (path != NULL)
		fprintf(stderr, "wrote %s\n", path);
	rc = EXIT_OK;
done:
	return rc;
}

const struct cmd_entry cmd_attendance_export_entry = {
	.group = "attendance",
	.name = "export",
	.args = "SLUG",
	.summary = "write a cohort's attendance records as CSV",
	.help =
	"RFC 4180 CSV with the columns 'attendance import' reads (and name, date\n"
	"and outcome for people), so an export imports back to the same data.\n"
	"Times are ISO 8601 with their offset (2027-03-04T09:00:00+01:00).\n",
	.options = (const struct cmd_option[]){
		{ .name = "output", .short_name = 'o', .arg = "FILE.csv",
		  .help = "write a file (under a temporary name, then renamed); else stdout" },
		{ .name = "excel", .key = OPT_EXCEL,
		  .help = "begin with a UTF-8 BOM, so that Excel shows accented and other "
		  "scripts' names right (and saves them back right)" },
		{ 0 }
	},
	.nargs = CMD_ARGS(1, 1),
	.target = CMD_TARGET_COHORT,
	.db = CMD_DB_READ,
	.exec = cmd_attendance_export_exec
};
