/* cmd-log.c - showup log: the audit log, newest last. */
#include "config.h"

#include <stdio.h>

#include "commands.h"
#include "showup/table.h"
#include "showup/timeutil.h"

/* Prints the audit entries of one cohort, or of all. */
static int
cmd_log_exec(struct cli *cli, int argc, char **argv)
{
	static const char *const headers[] = { "when", "who", "cohort", "what", "record",
		"old", "new", "source" };
	struct cohort c = { 0 };
	struct audit_list l;
	struct table *t;
	long long count = 50;
	int opt, csv = 0, rc = EXIT_FAIL;
	su_err e;

	while ((opt = cli_getopt(cli, argc, argv)) != -1) {
		if (opt == OPT_CSV)
			csv = 1;
		else if (opt == 'n' && parse_int(optarg, 0, 1000000000, &count) == 0)
			continue;
		else
			return opt == 'n' ? cli_usage_error(cli, "-n takes a count, not '%s'",
			    optarg) : EXIT_USAGE;
	}
	if (optind + 1 < argc)
		return cli_usage_error(cli, "too many arguments");
	if (optind < argc && cli_cohort(cli, argv[optind], &c) != EXIT_OK)
		return EXIT_FAIL;
	if (audit_list_recent(cli->st, c.id, (size_t)count, &l, &e) < 0) {
		cli_error("%s", e.msg);
		goto done;
	}
	t = table_new(ARRAY_SIZE(headers), headers);
	for (size_t i = 0; i < l.n; i++) {
		const struct audit_entry *a = &l.v[i];
		char when[48];
		const char *row[] = { when, a->actor, a->cohort_slug, a->action, a->subject,
			a->old_value, a->new_value, a->source };

		if (c.tz != NULL)
			time_format_local(c.tz, a->at, when, sizeof when);
		else
			time_format_iso("UTC", a->at, when, sizeof when);
		table_add_row(t, row);
	}
	if (csv)
		table_print_csv(t, stdout);
	else
		table_print(t, stdout);
	table_free(t);
	audit_list_free(&l);
	rc = EXIT_OK;
done:
	cohort_free(&c);
	return rc;
}

const struct cmd_entry cmd_log_entry = {
	.name = "log",
	.args = "[SLUG]",
	.summary = "show the audit log: every change, who made it, old and new values",
	.help =
	"The newest entries, oldest first. With SLUG, only that cohort's, with\n"
	"times in its time zone (else UTC).\n",
	.options = (const struct cmd_option[]){
		{ .name = "count", .short_name = 'n', .arg = "COUNT",
		  .help = "how many of the newest entries (50 by default; 0 for all)" },
		CLI_CSV_OPTION,
		{ 0 }
	},
	.db = CMD_DB_READ,
	.exec = cmd_log_exec
};
