/* SPDX-License-Identifier: Apache-2.0 */
/* cmd-session-list.c - showup session list: a cohort's schedule. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "commands.h"
#include "showup/places.h"
#include "showup/table.h"
#include "showup/timeutil.h"

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

/* Writes a session's places: "2/3" held of its capacity (else how many it expects: none
 * when optional), and
 * into 'state' its state with how many wait ("upcoming, 1 waiting"). */
static void
session_places(struct store *st, const struct session *s,
    const struct participant_list *people, int64_t now, char *expected, size_t size,
    char *state, size_t state_size)
{
	int waiting = s->capacity > 0 ? places_waiting(st, s, NULL) : 0;

	if (s->capacity > 0)	/* a cancelled place is free again */
		snprintf(expected, size, "%d/%d", places_taken(st, s, NULL), s->capacity);
	else
		snprintf(expected, size, "%zu", s->optional ? 0 : expected_count(st, s, people));
	snprintf(state, state_size, "%s", session_state(s, now));
	if (waiting > 0 && s->starts_at > now && !s->cancelled)
		snprintf(state, state_size, "%s, %d waiting", session_state(s, now), waiting);
}

/* Prints the schedule of cohort c as a table or CSV; an exit status. */
static int
view_sessions(struct store *st, const struct cohort *c, int csv, FILE *out)
{
	static const char *const headers[] = { "#", "when", "kind", "min", "title",
		"location", "expected", "state" };
	struct participant_list people = { 0 };
	struct session_list l = { 0 };
	struct table *t;
	int64_t now = time_now();
	su_err e;

	if (session_list_all(st, c->id, &l, &e) < 0 ||
	    participant_list_all(st, c->id, 1, &people, &e) < 0) {
		session_list_free(&l);
		return cli_error("%s", e.msg);
	}
	t = table_new(ARRAY_SIZE(headers), headers);
	table_set_align(t, 0, ALIGN_RIGHT);
	table_set_align(t, 3, ALIGN_RIGHT);
	table_set_align(t, 6, ALIGN_RIGHT);
	for (size_t i = 0; i < l.n; i++) {
		const struct session *s = &l.v[i];
		char num[16], when[48], min[16], expected[32], state[48], kind[32];
		const char *row[] = { num, when, kind, min, s->title, s->location, expected,
			state };

		snprintf(num, sizeof num, "%d", s->number);
		snprintf(kind, sizeof kind, "%s%s", session_kind_name(s->kind),
		    s->optional && !csv ? " (optional)" : "");
		if (csv)
			time_format_local(c->tz, s->starts_at, when, sizeof when);
		else
			time_format_human(c->tz, s->starts_at, when, sizeof when);
		snprintf(min, sizeof min, "%d", s->minutes);
		session_places(st, s, &people, now, expected, sizeof expected, state,
		    sizeof state);
		table_add_row(t, row);
	}
	if (csv)
		table_print_csv(t, out);
	else
		table_print(t, out);
	table_free(t);
	session_list_free(&l);
	participant_list_free(&people);
	return EXIT_OK;
}

/* Prints the schedule of one cohort. */
static int
cmd_session_list_exec(struct cli *cli, int argc, char **argv)
{
	return cli_show_cohort(cli, argc, argv, view_sessions);
}

const struct cmd_entry cmd_session_list_entry = {
	.group = "session",
	.name = "list",
	.alias = "ls",
	.args = "SLUG",
	.summary = "list a cohort's sessions",
	.help = "Times are the cohort's local time. A session with places shows\n"
	"those held of its capacity (2/3), and how many wait for one.\n",
	.options = (const struct cmd_option[]){
		CLI_CSV_OPTION,
		{ 0 }
	},
	.nargs = CMD_ARGS(1, 1),
	.target = CMD_TARGET_COHORT,
	.db = CMD_DB_READ,
	.exec = cmd_session_list_exec
};
