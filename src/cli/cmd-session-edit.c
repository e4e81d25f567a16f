/* SPDX-License-Identifier: Apache-2.0 */
/* cmd-session-edit.c - showup session edit: move a session, or change its length, title, place, kind or people. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "showup/series.h"
#include "showup/timeutil.h"

/* What cli_getopt returns for the long-only options of the table below. */
enum { OPT_WITHOUT = OPT_OWN, OPT_AND_LATER };

/* A session's people after --with and --without: 'ids' of n, to free. */
struct people_change {
	int64_t *ids;
	size_t n;
};

/* Applies --with (added) and --without (taken off) to the expected ids; EXIT_OK or EXIT_FAIL. */
static int
change_people(struct cli *cli, const struct cohort *c, const struct session *s,
    const struct cli_people *with, const struct cli_people *without,
    struct people_change *out)
{
	int64_t *add = xcalloc(with->n + 1, sizeof *add), *drop = xcalloc(without->n + 1,
	    sizeof *drop);
	size_t n;
	su_err e;
	int rc = EXIT_FAIL;

	if (session_expected_ids(cli->st, s->id, &out->ids, &out->n, &e) < 0) {
		cli_error("%s", e.msg);
		goto done;
	}
	if (cli_people_ids(cli, c, with, add) != EXIT_OK ||
	    cli_people_ids(cli, c, without, drop) != EXIT_OK)
		goto done;
	out->ids = xrealloc(out->ids, (out->n + with->n + 1) * sizeof *out->ids);
	for (size_t i = 0; i < with->n; i++) {
		for (n = 0; n < out->n && out->ids[n] != add[i]; n++)
			;
		if (n == out->n)
			out->ids[out->n++] = add[i];
	}
	for (size_t i = 0; i < without->n; i++)
		for (n = 0; n < out->n; n++)
			if (out->ids[n] == drop[i])
				out->ids[n--] = out->ids[--out->n];
	rc = EXIT_OK;
done:
	free(add);
	free(drop);
	return rc;
}

/* Moves (if the start changed) and updates the session in the caller's transaction; 0/1 or -1. */
static int
edit(struct store *st, const struct cohort *c, const struct session *old,
    const struct session *s, const struct people_change *people, int64_t now, su_err *e)
{
	if (s->starts_at != old->starts_at &&
	    session_record_move(st, c, old, s->starts_at, now, e) < 0)
		return -1;
	return session_update(st, c, old, s, people->ids, people->n, e);
}

/* Says what moved and whether the coach's record counts it. */
static void
say_moved(struct cli *cli, const struct cohort *c, const struct session *old,
    const struct session *s, int64_t now)
{
	char from[48], to[48];
	struct policy p;
	int64_t cutoff;

	time_format_human(c->tz, old->starts_at, from, sizeof from);
	time_format_human(c->tz, s->starts_at, to, sizeof to);
	printf("session %s:%d moved from %s to %s", c->slug, old->number, from, to);
	if (cli_policy(cli->st, c, &p) == EXIT_OK &&
	    policy_cutoff(&p, c->tz, old->starts_at, &cutoff) == 0 && now > cutoff)
		printf(": after its cutoff, so it counts against the coach's reliability");
	putchar('\n');
}

/* Returns session 'old' with the fields the options gave ('given': unset ones 0 or NULL). */
static struct session
merge(const struct session *old, const struct session *given, int kind_given)
{
	struct session s = *old;

	if (given->minutes > 0)
		s.minutes = given->minutes;
	if (kind_given)
		s.kind = given->kind;
	if (given->title != NULL)
		s.title = given->title;
	if (given->location != NULL)
		s.location = given->location;
	if (given->capacity >= 0)
		s.capacity = given->capacity;
	return s;
}

/* A series changed from one session on: each session as it was, and as it is to be. */
struct later {
	struct session_list old;
	struct session *to;		/* one per old session */
	int *changed;			/* edit()'s answer for each */
};

/*
 * Changes each session of l (the series from 'first' on) as 'given' says,
 * moved as 'first' moves to 'to_start' (series_shift), keeping each one's
 * people; in the caller's transaction. 0, or -1 with 'e' set.
 */
static int
edit_later(struct cli *cli, const struct session *first, int64_t to_start,
    const struct session *given, int kind_given, struct later *l, int64_t now, su_err *e)
{
	const struct cohort *c = &cli->target.c;
	const struct tz_zone *z = tz_zone_find(c->tz);
	struct people_change people = { NULL, 0 };
	int rc = 0;

	if (z == NULL)
		return su_err_set(e, "cannot use time zone '%s'", c->tz);
	for (size_t k = 0; rc == 0 && k < l->old.n; k++) {
		const struct session *o = &l->old.v[k];

		l->to[k] = merge(o, given, kind_given);
		l->to[k].starts_at = series_shift(z, first->starts_at, to_start, o->starts_at);
		if ((rc = session_expected_ids(cli->st, o->id, &people.ids, &people.n, e)) == 0)
			rc = (l->changed[k] = edit(cli->st, c, o, &l->to[k], &people, now, e)) < 0;
		free(people.ids);
		people.ids = NULL;
	}
	return rc != 0 ? -1 : 0;
}

/* Moves or changes the series of session N from N on (--and-later), in one transaction. */
static int
edit_series(struct cli *cli, const struct session *given, int kind_given, const char *at)
{
	const struct cohort *c = &cli->target.c;
	const struct session *first = &cli->target.s;
	struct later l = { .to = NULL };
	int64_t now = time_now(), to_start = first->starts_at;
	int rc = EXIT_FAIL;
	su_err e;

	if (at != NULL && cli_time(cli, c, at, &to_start) < 0)
		return EXIT_FAIL;
	if (session_series_from(cli->st, c, first, &l.old, &e) < 0)
		return cli_error("%s", e.msg);
	l.to = xcalloc(l.old.n + 1, sizeof *l.to);
	l.changed = xcalloc(l.old.n + 1, sizeof *l.changed);
	if (STORE_TX(cli->st, &e, edit_later(cli, first, to_start, given, kind_given, &l, now,
	    &e)) < 0) {
		cli_error("%s", e.msg);
		goto done;
	}
	for (size_t k = 0; k < l.old.n; k++)
		if (l.changed[k] == 0)
			printf("session %s:%d: nothing changed\n", c->slug, l.old.v[k].number);
		else if (l.to[k].starts_at != l.old.v[k].starts_at)
			say_moved(cli, c, &l.old.v[k], &l.to[k], now);
		else
			printf("session %s:%d changed\n", c->slug, l.old.v[k].number);
	rc = EXIT_OK;
done:
	session_list_free(&l.old);
	free(l.to);
	free(l.changed);
	return rc;
}

/* Changes a session as the options say, in one transaction. */
static int
cmd_session_edit_exec(struct cli *cli, int argc, char **argv)
{
	struct cli_people with = { NULL, 0 }, without = { NULL, 0 };
	struct people_change people = { NULL, 0 };
	struct session given = { .kind = SESSION_GROUP, .capacity = -1 }, s;
	const struct session *old = &cli->target.s;
	const char *at = NULL;
	const struct cohort *c = &cli->target.c;
	int64_t now = time_now();	/* one moment: the move recorded, and what is said of it */
	int opt, changed, kind_given = 0, and_later = 0, rc = EXIT_USAGE;
	su_err e;

	while ((opt = cli_getopt(cli, argc, argv)) != -1) {
		if (opt == OPT_AT)
			at = optarg;
		else if (opt == OPT_AND_LATER)
			and_later = 1;
		else if (opt == OPT_WITHOUT) {
			without.emails = xrealloc(without.emails, (without.n + 1) *
			    sizeof *without.emails);
			without.emails[without.n++] = optarg;
		} else if (cli_session_option(cli, opt, &given, &with) <= 0)
			goto done;
		kind_given |= opt == OPT_KIND;
	}
	if (and_later && (with.n > 0 || without.n > 0)) {
		cli_usage_error(cli, "--and-later changes a series: --with and --without name "
		    "the people of one session");
		goto done;
	}
	if (and_later) {
		rc = edit_series(cli, &given, kind_given, at);
		goto done;
	}
	s = merge(old, &given, kind_given);
	rc = EXIT_FAIL;
	if ((at != NULL && cli_time(cli, c, at, &s.starts_at) < 0) ||
	    change_people(cli, c, old, &with, &without, &people) != EXIT_OK)
		goto done;
	if ((changed = STORE_TX(cli->st, &e, edit(cli->st, c, old, &s, &people, now,
	    &e))) < 0) {
		cli_error("%s", e.msg);
		goto done;
	}
	if (changed == 0)
		printf("session %s:%d: nothing changed\n", c->slug, old->number);
	else if (s.starts_at != old->starts_at)
		say_moved(cli, c, old, &s, now);
	else
		printf("session %s:%d changed (see 'showup log %s')\n", c->slug, old->number,
		    c->slug);
	rc = EXIT_OK;
done:
	free(people.ids);
	free(with.emails);
	free(without.emails);
	return rc;
}

const struct cmd_entry cmd_session_edit_entry = {
	.group = "session",
	.name = "edit",
	.args = "SLUG:N",
	.summary = "move a session, or change its length, title, place, kind, people or places",
	.help =
	"Only what the options give changes. A move after the session's cutoff\n"
	"counts on the coach's record like a late cancellation; every change is\n"
	"in the audit log with old and new. With --and-later the change goes to\n"
	"every session of the series (made by one session add --every or session\n"
	"pairs) from this one on, not called off: each moves by the same days and\n"
	"to the same local time of day, whatever summer time does, and each move\n"
	"is told to its people.\n",
	.options = (const struct cmd_option[]){
		{ .name = "at", .arg = "TIME", .key = OPT_AT,
		  .help = "the new start (moves the session)" },
		CLI_SESSION_OPTIONS,
		{ .name = "without", .arg = "EMAIL", .key = OPT_WITHOUT,
		  .help = "a participant the session no longer expects; repeat it for each" },
		{ .name = "and-later", .key = OPT_AND_LATER,
		  .help = "change the series from this session on: each later one moved "
		  "by as much (the same local time)" },
		{ 0 }
	},
	.nargs = CMD_ARGS(1, 1),
	.target = CMD_TARGET_SESSION,
	.db = CMD_DB_WRITE,
	.exec = cmd_session_edit_exec
};
