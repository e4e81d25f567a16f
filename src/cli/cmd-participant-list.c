/* SPDX-License-Identifier: Apache-2.0 */
/* cmd-participant-list.c - showup participant list: a cohort's roster. */
#include "config.h"

#include <stdio.h>

#include "commands.h"
#include "showup/table.h"
#include "showup/timeutil.h"

/* What cli_getopt returns for the long-only options of the table below. */
enum { OPT_EXCEL = OPT_OWN };

/* Prints the roster as a table or CSV. */
static int
cmd_participant_list_exec(struct cli *cli, int argc, char **argv)
{
	static const char *const headers[] = { "name", "email", "company", "status" };
	struct participant_list l;
	const struct cohort *c = &cli->target.c;
	struct table *t;
	int csv = 0, all = 0, excel = 0, opt;
	su_err e;

	while ((opt = cli_getopt(cli, argc, argv)) != -1) {
		if (opt == OPT_CSV)
			csv = 1;
		else if (opt == 'a')
			all = 1;
		else if (opt == OPT_EXCEL)
			csv = excel = 1;
		else
			return EXIT_USAGE;
	}
	if (participant_list_all(cli->st, c->id, all, &l, &e) < 0) {
		return cli_error("%s", e.msg);
	}
	t = table_new(ARRAY_SIZE(headers), headers);
	for (size_t i = 0; i < l.n; i++) {
		const struct participant *p = &l.v[i];
		char status[64] = "active";
		const char *row[] = { p->name, p->email, p->company, status };

		if (p->status == PARTICIPANT_WITHDRAWN) {
			char at[40];
			snprintf(status, sizeof status, "withdrawn %s",
			    time_format_local(c->tz, p->withdrawn_at, at, sizeof at));
		}
		table_add_row(t, row);
	}
	if (excel)
		fputs(CSV_EXCEL_BOM, stdout);
	if (csv)
		table_print_csv(t, stdout);
	else
		table_print(t, stdout);
	table_free(t);
	participant_list_free(&l);
	return EXIT_OK;
}

const struct cmd_entry cmd_participant_list_entry = {
	.group = "participant",
	.name = "list",
	.alias = "ls",
	.args = "SLUG",
	.summary = "list a cohort's participants",
	.help = "The CSV of --csv and --excel imports back as a roster.\n",
	.options = (const struct cmd_option[]){
		CLI_CSV_OPTION,
		{ .name = "excel", .key = OPT_EXCEL,
		  .help = "the same CSV with a UTF-8 BOM first, so that Excel shows every "
		  "name right and saves it back right" },
		{ .name = "all", .short_name = 'a',
		  .help = "include those who withdrew" },
		{ 0 }
	},
	.nargs = CMD_ARGS(1, 1),
	.target = CMD_TARGET_COHORT,
	.db = CMD_DB_READ,
	.exec = cmd_participant_list_exec
};
