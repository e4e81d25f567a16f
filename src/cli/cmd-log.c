/* SPDX-License-Identifier: Apache-2.0 */
/* cmd-log.c - showup log: the audit log, newest last. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "showup/table.h"
#include "showup/timeutil.h"

/* What cli_getopt returns for the long-only options of the table below. */
enum { OPT_TABLE = OPT_OWN };

/* Writes when entry 'a' was made: in cohort c's zone, or UTC when showing all cohorts. */
static void
entry_time(const struct cohort *c, const struct audit_entry *a, char *buf, size_t size)
{
	if (c->tz != NULL)
		time_format_local(c->tz, a->at, buf, size);
	else
		time_format_iso("UTC", a->at, buf, size);
}

/* Prints each entry as a line in words: when, who, (cohort,) what happened. */
static void
print_words(const struct audit_list *l, const struct cohort *c)
{
	for (size_t i = 0; i < l->n; i++) {
		const struct audit_entry *a = &l->v[i];
		char when[48], *words = audit_sentence(a);

		entry_time(c, a, when, sizeof when);
		printf("%s  %s  ", when, a->actor);
		if (c->tz == NULL)
			printf("%s  ", *a->cohort_slug ? a->cohort_slug : "-");
		printf("%s%s%s%s\n", words, strcmp(a->source, "cli") ? " (" : "",
		    strcmp(a->source, "cli") ? a->source : "", strcmp(a->source, "cli") ? ")"
		    : "");
		free(words);
	}
}

/* Prints the entries as a table (or CSV): every field apart. */
static void
print_fields(const struct audit_list *l, const struct cohort *c, int csv)
{
	static const char *const headers[] = { "when", "who", "cohort", "what", "record",
		"old", "new", "source" };
	struct table *t = table_new(ARRAY_SIZE(headers), headers);

	for (size_t i = 0; i < l->n; i++) {
		const struct audit_entry *a = &l->v[i];
		char when[48];
		const char *row[] = { when, a->actor, a->cohort_slug, a->action, a->subject,
			a->old_value, a->new_value, a->source };

		entry_time(c, a, when, sizeof when);
		table_add_row(t, row);
	}
	if (csv)
		table_print_csv(t, stdout);
	else
		table_print(t, stdout);
	table_free(t);
}

/* Prints the audit entries of one cohort, or of all. */
static int
cmd_log_exec(struct cli *cli, int argc, char **argv)
{
	struct cohort c = { 0 };
	struct audit_list l;
	long long count = 50;
	int opt, csv = 0, table = 0, rc = EXIT_FAIL;
	su_err e;

	while ((opt = cli_getopt(cli, argc, argv)) != -1) {
		if (opt == OPT_CSV)
			csv = 1;
		else if (opt == OPT_TABLE)
			table = 1;
		else if (opt == 'n' && parse_int(optarg, 0, 1000000000, &count) == 0)
			continue;
		else
			return opt == 'n' ? cli_usage_error(cli, "-n takes a count, not '%s'",
			    optarg) : EXIT_USAGE;
	}
	if (optind < argc && cli_cohort(cli, argv[optind], &c) != EXIT_OK)
		return EXIT_FAIL;
	if (audit_list_recent(cli->st, c.id, (size_t)count, &l, &e) < 0) {
		cli_error("%s", e.msg);
		goto done;
	}
	if (csv || table)
		print_fields(&l, &c, csv);
	else
		print_words(&l, &c);
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
	"The newest entries, oldest first, each in words. With SLUG, only that\n"
	"cohort's, with times in its time zone (else UTC). --table and --csv show\n"
	"each field apart: action, record, old value, new value, source.\n",
	.options = (const struct cmd_option[]){
		{ .name = "count", .short_name = 'n', .arg = "COUNT",
		  .help = "how many of the newest entries (50 by default; 0 for all)" },
		{ .name = "table", .key = OPT_TABLE,
		  .help = "every field in its own column" },
		CLI_CSV_OPTION,
		{ 0 }
	},
	.nargs = CMD_ARGS(0, 1),
	.db = CMD_DB_READ,
	.exec = cmd_log_exec
};
