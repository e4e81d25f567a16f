/* SPDX-License-Identifier: Apache-2.0 */
/* cmd-session-pairs.c - showup session pairs: practice sessions for everyone, in pairs that
 * rotate so nobody practises twice with one partner before all have met. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "showup/pairs.h"
#include "showup/series.h"
#include "showup/timeutil.h"

/* What cli_getopt returns for the long-only options of the table below. */
enum { OPT_AVOID = OPT_OWN, OPT_SIZE };

/* What met[] holds for two people kept apart: more than any number of meetings. */
#define APART 10000

/* Two people kept apart (--avoid EMAIL,EMAIL): their rows in the roster. */
struct apart { size_t x, y; };

/* The pairing asked for: who, kept apart how, and the order of the rounds used. */
struct pairing {
	struct participant_list people;	/* the active participants, by name */
	struct apart *apart;
	size_t napart;
	size_t *rounds;			/* the round-robin's round for each session date */
	int size;			/* 2: pairs (a trio when odd), 3: trios */
	struct pair_group *table;	/* each date's groups, 'stride' apart */
	size_t *ngroups;		/* how many each date has */
	size_t stride;
};

/* Returns the row of 'email' among the people (any case), or PAIR_NONE. */
static size_t
person_row(const struct participant_list *l, const char *email, size_t len)
{
	for (size_t i = 0; i < l->n; i++)
		if (strlen(l->v[i].email) == len && strncasecmp(l->v[i].email, email, len) == 0)
			return i;
	return PAIR_NONE;
}

/* Reads "EMAIL,EMAIL" of --avoid into pg->apart; an exit status. */
static int
read_apart(struct cli *cli, const char *text, struct pairing *pg)
{
	const char *comma = strchr(text, ',');
	size_t x, y;

	if (comma == NULL)
		return cli_usage_error(cli, "--avoid takes two addresses: EMAIL,EMAIL");
	x = person_row(&pg->people, text, (size_t)(comma - text));
	y = person_row(&pg->people, comma + 1, strlen(comma + 1));
	if (x == PAIR_NONE || y == PAIR_NONE || x == y)
		return cli_error("--avoid: '%s' does not name two active participants", text);
	pg->apart = xrealloc(pg->apart, (pg->napart + 1) * sizeof *pg->apart);
	pg->apart[pg->napart++] = (struct apart){ x, y };
	return EXIT_OK;
}

/* Returns 1 if groups g[0..n) put two people kept apart together. */
static int
groups_break_apart(const struct pairing *pg, const struct pair_group *g, size_t n)
{
	int breaks = 0;

	for (size_t k = 0; k < n && !breaks; k++)
		for (size_t a = 0; a < pg->napart && !breaks; a++)
			breaks = pair_group_has(&g[k], pg->apart[a].x, pg->apart[a].y);
	return breaks;
}

/* Returns 1 if round r of n people puts two people kept apart together. */
static int
round_breaks_apart(const struct pairing *pg, size_t n, size_t r)
{
	struct pair_group *g = xcalloc(n / 2 + 1, sizeof *g);
	int breaks = groups_break_apart(pg, g, pairs_round(n, r, g));

	free(g);
	return breaks;
}

/*
 * Orders the rounds for 'dates' session dates: those keeping everyone apart
 * who must be first, then the round-robin again from its start once all have
 * met. An exit status: refused when a date would need a round that breaks it.
 */
static int
order_rounds(struct pairing *pg, int dates)
{
	size_t n = pg->people.n, total = pairs_rounds(n), good = 0;

	pg->rounds = xcalloc((size_t)dates + 1, sizeof *pg->rounds);
	for (size_t r = 0; r < total && good < (size_t)dates; r++)
		if (!round_breaks_apart(pg, n, r))
			pg->rounds[good++] = r;
	if (good < (size_t)dates && ((pg->napart > 0 && good < total) || good == 0))
		return cli_error("--avoid: only %zu of the %d dates can keep them apart", good,
		    dates);
	for (size_t k = good; k < (size_t)dates; k++)	/* everyone has met: round again */
		pg->rounds[k] = pg->rounds[k % good];
	for (size_t k = 0; k < (size_t)dates; k++)
		pg->ngroups[k] = pairs_round(n, pg->rounds[k], &pg->table[k * pg->stride]);
	return EXIT_OK;
}

/*
 * Makes the trios of 'dates' dates (pairs_trio_round), each round after the
 * ones before, those kept apart counted as met already. An exit status:
 * refused when a date cannot keep them apart.
 */
static int
make_trios(struct pairing *pg, int dates)
{
	size_t n = pg->people.n;
	unsigned short *met = xcalloc(n * n, sizeof *met);
	int rc = EXIT_OK;

	for (size_t a = 0; a < pg->napart; a++)
		met[pg->apart[a].x * n + pg->apart[a].y] = met[pg->apart[a].y * n +
		    pg->apart[a].x] = APART;
	for (size_t k = 0; k < (size_t)dates && rc == EXIT_OK; k++) {
		struct pair_group *g = &pg->table[k * pg->stride];

		pg->ngroups[k] = pairs_trio_round(n, k, met, g);
		if (groups_break_apart(pg, g, pg->ngroups[k]))
			rc = cli_error("--avoid: only %zu of the %d dates can keep them apart", k,
			    dates);
	}
	free(met);
	return rc;
}

/* Fills the table of each date's groups, in pairs or trios; an exit status. */
static int
make_table(struct pairing *pg, int dates)
{
	pg->stride = pg->people.n / 2 + 1;
	pg->table = xcalloc(pg->stride * (size_t)dates, sizeof *pg->table);
	pg->ngroups = xcalloc((size_t)dates + 1, sizeof *pg->ngroups);
	return pg->size == 3 ? make_trios(pg, dates) : order_rounds(pg, dates);
}

/* Appends "Ana Ortiz & Ben Li" (& a third) for group g. */
static void
describe_group(const struct pairing *pg, const struct pair_group *g, struct strbuf *sb)
{
	sb_addf(sb, "%s & %s", pg->people.v[g->a].name, pg->people.v[g->b].name);
	if (g->c != PAIR_NONE)
		sb_addf(sb, " & %s", pg->people.v[g->c].name);
}

/*
 * Adds the practice sessions of date number 'date' at 'at', one a group, or (dry) prints
 * them; 0, or -1 with 'e' set.
 */
static int
add_round(struct cli *cli, const struct pairing *pg, size_t date, struct session *s,
    int64_t at, int dry, su_err *e)
{
	const struct cohort *c = &cli->target.c;
	const struct pair_group *g = &pg->table[date * pg->stride];
	size_t groups = pg->ngroups[date];
	struct strbuf line = STRBUF_INIT;
	char when[40];
	int rc = 0, number;

	for (size_t k = 0; k < groups && rc == 0; k++) {
		int64_t ids[3] = { pg->people.v[g[k].a].id, pg->people.v[g[k].b].id, 0 };

		if (g[k].c != PAIR_NONE)
			ids[2] = pg->people.v[g[k].c].id;
		sb_addf(&line, "%s", k ? "; " : "");
		describe_group(pg, &g[k], &line);
		s->starts_at = at;
		if (!dry && (number = session_add(cli->st, c, s, ids, g[k].c != PAIR_NONE ? 3 : 2,
		    e)) < 0)
			rc = -1;
		else if (!dry && s->series == SESSION_SERIES_FIRST)
			s->series = number;	/* the rest of the pairing: its series */
	}
	if (rc == 0)
		printf("%s %s: %s\n", dry ? "would pair" : "paired", time_format_human(c->tz, at,
		    when, sizeof when), sb_str(&line));
	sb_free(&line);
	return rc;
}

/* Adds every date's round in one transaction (or prints them, dry); 0 or -1 with 'e' set. */
static int
add_all_rounds(struct cli *cli, const struct pairing *pg, struct session *s,
    const int64_t *starts, int n, int dry, su_err *e)
{
	for (int k = 0; k < n; k++)
		if (add_round(cli, pg, (size_t)k, s, starts[k], dry, e) < 0)
			return -1;
	return 0;
}

/* Reads the options into the session's fields, the series and the people kept apart. */
static int
read_options(struct cli *cli, int argc, char **argv, struct session *s,
    struct series_args *series, const char **at, struct pairing *pg)
{
	struct cli_people unused = { NULL, 0 };
	int opt, rc = EXIT_OK, n;

	while (rc == EXIT_OK && (opt = cli_getopt(cli, argc, argv)) != -1) {
		if (opt == OPT_AT)
			*at = optarg;
		else if (opt == OPT_AVOID)
			rc = read_apart(cli, optarg, pg);
		else if (opt == OPT_SIZE && (strcmp(optarg, "2") == 0 || strcmp(optarg, "3") == 0))
			pg->size = *optarg - '0';
		else if (opt == OPT_SIZE)
			rc = cli_usage_error(cli, "--size takes 2 (pairs) or 3 (trios), not '%s'",
			    optarg);
		else if ((n = cli_series_option(cli, opt, series)) < 0 || (n == 0 &&
		    cli_session_option(cli, opt, s, &unused) <= 0))
			rc = EXIT_USAGE;
	}
	free(unused.emails);
	if (rc == EXIT_OK && *at == NULL)
		rc = cli_usage_error(cli, "--at is needed (\"YYYY-MM-DD HH:MM\")");
	return rc;
}

/* Makes the practice sessions of a rotating pairing of the cohort's active participants. */
static int
cmd_session_pairs_exec(struct cli *cli, int argc, char **argv)
{
	struct session s = { .minutes = 60, .kind = SESSION_PRACTICE, .title = "",
		.location = "", .series = SESSION_SERIES_FIRST };
	struct series_args series = { .count = 0 };
	struct pairing pg = { .napart = 0, .size = 2 };
	const struct cohort *c = &cli->target.c;
	const char *at = NULL;
	int64_t first, *starts = NULL;
	int n = 0, rc;
	su_err e;

	if (participant_list_all(cli->st, c->id, 0, &pg.people, &e) < 0) {
		rc = cli_error("%s", e.msg);
		goto done;
	}
	if ((rc = read_options(cli, argc, argv, &s, &series, &at, &pg)) != EXIT_OK)
		goto done;
	rc = EXIT_FAIL;
	if (pg.people.n < 2) {
		cli_error("cohort '%s' has %zu active participant%s: too few to pair", c->slug,
		    pg.people.n, pg.people.n == 1 ? "" : "s");
		goto done;
	}
	s.kind = SESSION_PRACTICE;	/* whatever --kind said */
	if (cli_time(cli, c, at, &first) < 0 ||
	    (rc = cli_series_starts(cli, c, &series, first, &starts, &n)) != EXIT_OK ||
	    (rc = make_table(&pg, n)) != EXIT_OK)
		goto done;
	if (series.dry_run)
		rc = add_all_rounds(cli, &pg, &s, starts, n, 1, &e) < 0 ? EXIT_FAIL : EXIT_OK;
	else if (STORE_TX(cli->st, &e, add_all_rounds(cli, &pg, &s, starts, n, 0, &e)) < 0)
		rc = cli_error("%s", e.msg);
	else
		rc = EXIT_OK;
done:
	participant_list_free(&pg.people);
	free(pg.apart);
	free(pg.rounds);
	free(pg.table);
	free(pg.ngroups);
	free(series.skip);
	free(starts);
	return rc;
}

const struct cmd_entry cmd_session_pairs_entry = {
	.group = "session",
	.name = "pairs",
	.args = "SLUG",
	.summary = "make practice sessions for everyone, in pairs that rotate",
	.help =
	"Pairs the cohort's active participants for peer practice: one practice\n"
	"session per pair at --at, and with --every a date of the series each, the\n"
	"pairs rotating (a round-robin) so that nobody practises with the same\n"
	"partner twice before everyone has met everyone; an odd number makes one\n"
	"trio, its third a different person each time. --size 3 makes trios\n"
	"(and two pairs, or one, of those left over), each date's found so that\n"
	"nobody meets anyone again while a search of them can avoid it.\n"
	"--avoid EMAIL,EMAIL keeps two apart while the rounds allow it. All of\n"
	"it or nothing is added;\n"
	"--dry-run prints the pairing, date by date.\n",
	.options = (const struct cmd_option[]){
		{ .name = "at", .arg = "TIME", .key = OPT_AT, .required = 1,
		  .help = "the first date's start, \"YYYY-MM-DD HH:MM\" local" },
		CLI_SERIES_OPTIONS,
		{ .name = "minutes", .arg = "N", .key = OPT_MINUTES,
		  .help = "how long each lasts (60)" },
		{ .name = "title", .arg = "T", .key = OPT_TITLE, .help = "a title" },
		{ .name = "location", .arg = "L", .key = OPT_LOCATION,
		  .help = "where they are held (a meeting link)" },
		{ .name = "size", .arg = "2|3", .key = OPT_SIZE,
		  .help = "2: pairs, a trio when the number is odd (the default); 3: trios" },
		{ .name = "avoid", .arg = "EMAIL,EMAIL", .key = OPT_AVOID,
		  .help = "two people not to pair; repeat it for each two" },
		{ .name = "dry-run", .short_name = 'n',
		  .help = "print the pairing, add nothing" },
		{ 0 }
	},
	.nargs = CMD_ARGS(1, 1),
	.target = CMD_TARGET_COHORT,
	.db = CMD_DB_WRITE,
	.exec = cmd_session_pairs_exec
};
