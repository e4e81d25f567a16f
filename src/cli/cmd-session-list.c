/* cmd-session-list.c - showup session list: a cohort's schedule. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "commands.h"
#include "showup/table.h"
#include "showup/timeutil.h"

static const struct option session_list_options[] = {
	{ "csv", no_argument, NULL, 'c' },
	{ 0 }
};

/* Returns how many people a session expects (group: all active then). */
static size_t
expected_count(struct store *st, const struct session *s, const struct participant_list *people)
{
	size_t n = 0;

	for (size_t i = 0; i < people->n; i++)
		if (session_expects(st, s, &people->v[i], NULL) == 1)
			n++;
	return n;
}

/* Writes the state of a session: upcoming, held, or cancelled by the coach. */
static const char *
session_state(const struct session *s, int64_t now)
{
	if (s->cancelled)
		return "cancelled by coach";
	return now < s->starts_at ? "upcoming" : "held";
}

/* Prints the schedule as a table or CSV. */
static int
cmd_session_list_exec(struct cli *cli, int argc, char **argv)
{
	static const char *const headers[] = { "#", "when", "kind", "min", "title",
		"location", "expected", "state" };
	struct participant_list people;
	struct session_list l;
	struct cohort c;
	struct table *t;
	int csv = 0, opt;
	int64_t now = time_now();
	su_err e;

	while ((opt = cli_getopt(cli, argc, argv, "", session_list_options)) != -1) {
		if (opt != 'c')
			return EXIT_USAGE;
		csv = 1;
	}
	if (optind + 1 != argc)
		return cli_usage_error(cli, "give one cohort (SLUG)");
	if (cli_cohort(cli, argv[optind], &c) != EXIT_OK)
		return EXIT_FAIL;
	if (session_list_all(cli->st, c.id, &l, &e) < 0 ||
	    participant_list_all(cli->st, c.id, 1, &people, &e) < 0) {
		cohort_free(&c);
		return cli_error("%s", e.msg);
	}
	t = table_new(ARRAY_SIZE(headers), headers);
	table_set_align(t, 0, ALIGN_RIGHT);
	table_set_align(t, 3, ALIGN_RIGHT);
	table_set_align(t, 6, ALIGN_RIGHT);
	for (size_t i = 0; i < l.n; i++) {
		const struct session *s = &l.v[i];
		char num[16], when[48], min[16], expected[16];
		const char *row[] = { num, when, session_kind_name(s->kind), min, s->title,
			s->location, expected, session_state(s, now) };

		snprintf(num, sizeof num, "%d", s->number);
		if (csv)
			time_format_local(c.tz, s->starts_at, when, sizeof when);
		else
			time_format_human(c.tz, s->starts_at, when, sizeof when);
		snprintf(min, sizeof min, "%d", s->minutes);
		snprintf(expected, sizeof expected, "%zu",
		    expected_count(cli->st, s, &people));
		table_add_row(t, row);
	}
	if (csv)
		table_print_csv(t, stdout);
	else
		table_print(t, stdout);
	table_free(t);
	session_list_free(&l);
	participant_list_free(&people);
	cohort_free(&c);
	return EXIT_OK;
}

const struct cmd_entry cmd_session_list_entry = {
	"session", "list", "ls", "SLUG [--csv]",
	"list a cohort's sessions",
	"Times are the cohort's local time.\n",
	CMD_DB_READ, cmd_session_list_exec
};
