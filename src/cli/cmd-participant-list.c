/* cmd-participant-list.c - showup participant list: a cohort's roster. */
#include "config.h"

#include <stdio.h>

#include "commands.h"
#include "showup/table.h"
#include "showup/timeutil.h"

static const struct option participant_list_options[] = {
	{ "csv", no_argument, NULL, 'c' },
	{ "all", no_argument, NULL, 'a' },
	{ "excel", no_argument, NULL, 'x' },
	{ 0 }
};

/* Prints the roster as a table or CSV. */
static int
cmd_participant_list_exec(struct cli *cli, int argc, char **argv)
{
	static const char *const headers[] = { "name", "email", "company", "status" };
	struct participant_list l;
	struct cohort c;
	struct table *t;
	int csv = 0, all = 0, excel = 0, opt;
	su_err e;

	while ((opt = cli_getopt(cli, argc, argv, "a", participant_list_options)) != -1) {
		if (opt == 'c')
			csv = 1;
		else if (opt == 'a')
			all = 1;
		else if (opt == 'x')
			csv = excel = 1;
		else
			return EXIT_USAGE;
	}
	if (optind + 1 != argc)
		return cli_usage_error(cli, "give one cohort (SLUG)");
	if (cli_cohort(cli, argv[optind], &c) != EXIT_OK)
		return EXIT_FAIL;
	if (participant_list_all(cli->st, c.id, all, &l, &e) < 0) {
		cohort_free(&c);
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
			    time_format_local(c.tz, p->withdrawn_at, at, sizeof at));
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
	cohort_free(&c);
	return EXIT_OK;
}

const struct cmd_entry cmd_participant_list_entry = {
	"participant", "list", "ls", "SLUG [--csv | --excel] [--all]",
	"list a cohort's participants",
	"--all            include those who withdrew\n"
	"--csv            print RFC 4180 CSV (it imports back as a roster)\n"
	"--excel          the same CSV with a UTF-8 BOM first, so that Excel shows\n"
	"                 every name right and saves it back right\n",
	CMD_DB_READ, cmd_participant_list_exec
};
