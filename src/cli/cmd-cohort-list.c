/* SPDX-License-Identifier: Apache-2.0 */
/* cmd-cohort-list.c - showup cohort list: every cohort, one line each. */
#include "config.h"

#include <stdio.h>

#include "commands.h"
#include "showup/table.h"
#include "showup/timeutil.h"

/* Prints the cohorts as a table or CSV. */
static int
cmd_cohort_list_exec(struct cli *cli, int argc, char **argv)
{
	static const char *const headers[] = { "cohort", "name", "coach", "time zone",
		"starts", "ends", "participants", "sessions" };
	struct cohort_list l;
	struct table *t;
	int csv = 0, opt, rc = EXIT_OK;
	su_err e;

	while ((opt = cli_getopt(cli, argc, argv)) != -1) {
		if (opt != OPT_CSV)
			return EXIT_USAGE;
		csv = 1;
	}
	if (cohort_list_all(cli->st, &l, &e) < 0)
		return cli_error("%s", e.msg);
	t = table_new(ARRAY_SIZE(headers), headers);
	table_set_align(t, 6, ALIGN_RIGHT);
	table_set_align(t, 7, ALIGN_RIGHT);
	for (size_t i = 0; i < l.n && rc == EXIT_OK; i++) {
		char people[24], sessions[24];
		const struct cohort *c = &l.v[i];
		const char *row[] = { c->slug, c->name, c->coach_name, c->tz, c->starts_on,
			c->ends_on, people, sessions };
		struct cohort_stats n;

		if (cohort_stats(cli->st, c, time_now(), &n, &e) < 0) {
			rc = cli_error("%s", e.msg);
			break;
		}
		snprintf(people, sizeof people, "%zu", n.active);
		snprintf(sessions, sizeof sessions, "%zu", n.sessions);
		table_add_row(t, row);
	}
	if (rc != EXIT_OK)
		;	/* said already */
	else if (csv)
		table_print_csv(t, stdout);
	else if (l.n == 0)
		puts("no cohorts yet (add one with 'showup cohort add')");
	else
		table_print(t, stdout);
	table_free(t);
	cohort_list_free(&l);
	return rc;
}

const struct cmd_entry cmd_cohort_list_entry = {
	.group = "cohort",
	.name = "list",
	.alias = "ls",
	.summary = "list the cohorts",
	.options = (const struct cmd_option[]){
		CLI_CSV_OPTION,
		{ 0 }
	},
	.nargs = CMD_ARGS(0, 0),
	.db = CMD_DB_READ,
	.exec = cmd_cohort_list_exec
};
