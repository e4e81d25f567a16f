/* cmd-cohort-list.c - showup cohort list: every cohort, one line each. */
#include "config.h"

#include <stdio.h>

#include "commands.h"
#include "showup/table.h"

/* Counts rows of 'sql' for one cohort id; -1 on error. */
static long
count_of(struct store *st, const char *sql, int64_t id)
{
	sqlite3_stmt *stmt = store_stmt(st, sql, NULL);
	long n = -1;

	if (stmt == NULL)
		return -1;
	db_bind_int(stmt, 1, id);
	if (db_step_row(stmt, NULL) == 1)
		n = sqlite3_column_int(stmt, 0);
	sqlite3_reset(stmt);
	return n;
}

/* Prints the cohorts as a table or CSV. */
static int
cmd_cohort_list_exec(struct cli *cli, int argc, char **argv)
{
	static const char *const headers[] = { "cohort", "name", "coach", "time zone",
		"starts", "ends", "participants", "sessions" };
	static const char *const sql_people =
		"SELECT count(*) FROM participant WHERE cohort_id = ? AND status = 'active'";
	static const char *const sql_sessions =
		"SELECT count(*) FROM session WHERE cohort_id = ?";
	struct cohort_list l;
	struct table *t;
	int csv = 0, opt;
	su_err e;

	while ((opt = cli_getopt(cli, argc, argv)) != -1) {
		if (opt != OPT_CSV)
			return EXIT_USAGE;
		csv = 1;
	}
	if (optind != argc)
		return cli_usage_error(cli, "unexpected argument '%s'", argv[optind]);
	if (cohort_list_all(cli->st, &l, &e) < 0)
		return cli_error("%s", e.msg);
	t = table_new(ARRAY_SIZE(headers), headers);
	table_set_align(t, 6, ALIGN_RIGHT);
	table_set_align(t, 7, ALIGN_RIGHT);
	for (size_t i = 0; i < l.n; i++) {
		char people[24], sessions[24];
		const struct cohort *c = &l.v[i];
		const char *row[] = { c->slug, c->name, c->coach_name, c->tz, c->starts_on,
			c->ends_on, people, sessions };

		snprintf(people, sizeof people, "%ld", count_of(cli->st, sql_people, c->id));
		snprintf(sessions, sizeof sessions, "%ld",
		    count_of(cli->st, sql_sessions, c->id));
		table_add_row(t, row);
	}
	if (csv)
		table_print_csv(t, stdout);
	else if (l.n == 0)
		puts("no cohorts yet (add one with 'showup cohort add')");
	else
		table_print(t, stdout);
	table_free(t);
	cohort_list_free(&l);
	return EXIT_OK;
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
	.db = CMD_DB_READ,
	.exec = cmd_cohort_list_exec
};
