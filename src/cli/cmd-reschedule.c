/* SPDX-License-Identifier: Apache-2.0 */
/* cmd-reschedule.c - showup reschedule: a participant moves their place, judged by the policy. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "showup/roll.h"
#include "showup/timeutil.h"

/* What cli_getopt returns for the long-only options of the table below. */
enum { OPT_ASKED_AT = OPT_OWN, OPT_TO, OPT_NOTE };

/* What the command was asked to do. */
struct reschedule_args {
	const char *asked_at, *to, *at, *note;
};

/* Finds the session "SLUG:M" or "M" of cohort 'c' names into 'out'; EXIT_OK or an exit status. */
static int
find_target(struct cli *cli, const struct cohort *c, const char *ref, struct session *out)
{
	struct cohort other;
	long long number;
	su_err e;
	int rc;

	if (strchr(ref, ':') != NULL) {
		if ((rc = cli_session(cli, ref, &other, out)) != EXIT_OK)
			return rc;
		rc = other.id == c->id ? EXIT_OK : cli_error("session %s is not of cohort "
		    "'%s': a place moves within its cohort", ref, c->slug);
		cohort_free(&other);
		return rc;
	}
	if (parse_int(ref, 1, 1000000, &number) < 0)
		return cli_usage_error(cli, "--to takes a session (SLUG:N or N), not '%s'", ref);
	if (session_find(cli->st, c, (int)number, out, &e) == 1)
		return EXIT_OK;
	return cli_error("%s", e.msg);
}

/* Says what the request counts as under the policy, as the roll judges it now; an exit status. */
static int
say_verdict(struct cli *cli, const struct cohort *c, const struct session *from,
    const struct participant *p, int64_t asked_at)
{
	char cutoff_text[48];
	struct policy pol;
	struct roll r;
	int64_t cutoff;
	enum outcome o;
	size_t i;
	int points;
	su_err e;

	if (cli_policy(cli->st, c, &pol) != EXIT_OK)
		return EXIT_FAIL;
	if (policy_cutoff(&pol, c->tz, from->starts_at, &cutoff) < 0)
		return cli_error("the move is recorded, but it cannot be judged now: cannot "
		    "use time zone '%s'", c->tz);
	if (roll_load(cli->st, c, &pol, time_now(), &r, &e) < 0)
		return cli_error("the move is recorded, but it cannot be judged now: %s",
		    e.msg);
	o = roll_reschedule_outcome(&r, p->id, from->id, asked_at);
	points = engine_fact_points(&pol, o, NULL, from->starts_at, r.now);
	time_format_human(c->tz, cutoff, cutoff_text, sizeof cutoff_text);
	if (o == OUTCOME_RESCHEDULED)
		printf("asked in time (the cutoff was %s): a reschedule, %d point%s", cutoff_text,
		    points, points == 1 ? "" : "s");
	else if (o == OUTCOME_NO_SHOW)
		printf("asked after session %d had started: it counts as a no-show (+%d); the "
		    "new place stands", from->number, points);
	else if (o == OUTCOME_LATE_CANCEL && asked_at > cutoff)
		printf("asked after the cutoff (%s): it counts as a late cancellation (+%d); "
		    "the new place stands", cutoff_text, points);
	else if (o == OUTCOME_LATE_CANCEL)
		printf("asked in time, but past reschedule.max (%d): it counts as a late "
		    "cancellation (+%d); the new place stands", pol.reschedule_max, points);
	else	/* not judged: the place left is not expected, or was called off */
		printf("it counts as %s", outcome_name(o));
	if (idmap_get(&r.person_index, p->id, &i))
		printf("\n%s has moved %d place%s in this program", p->email,
		    roll_person(&r, i)->reschedules, roll_person(&r, i)->reschedules == 1 ? ""
		    : "s");
	if (pol.reschedule_max >= 0)
		printf(" (%d in time allowed)", pol.reschedule_max);
	putchar('\n');
	roll_free(&r);
	return EXIT_OK;
}

/* Says where the place is now. */
static void
say_moved(const struct cohort *c, const struct session *from, const struct participant *p,
    int kind, int to_number, int64_t to_start)
{
	char was[48], now[48];

	time_format_human(c->tz, from->starts_at, was, sizeof was);
	time_format_human(c->tz, to_start, now, sizeof now);
	if (kind == RESCHEDULE_MOVED_SESSION)
		printf("session %s:%d (%s's 1:1) moved from %s to %s\n", c->slug, from->number,
		    p->email, was, now);
	else
		printf("%s: place at %s:%d (%s) moved to %s%s:%d (%s)\n", p->email, c->slug,
		    from->number, was, kind == RESCHEDULE_NEW_SESSION ? "the new session " : "",
		    c->slug, to_number, now);
}

/* Moves one participant's place in one transaction, then says what it counts as. */
static int
reschedule(struct cli *cli, const struct reschedule_args *a, const char *ref,
    const char *email)
{
	struct session from = { 0 }, target = { 0 };
	struct reschedule_to to = { NULL, 0 };
	struct participant p = { 0 };
	struct cohort c = { 0 };
	int64_t asked_at;
	int kind, number, rc;
	su_err e;

	if ((rc = cli_session(cli, ref, &c, &from)) != EXIT_OK)
		return rc;
	if ((rc = cli_participant(cli, &c, email, &p)) != EXIT_OK)
		goto done;
	rc = EXIT_FAIL;
	if (cli_time(cli, &c, a->asked_at ? a->asked_at : "now", &asked_at) < 0)
		goto done;
	if (asked_at > time_now()) {
		cli_error("the request cannot come in later than now ('%s')", a->asked_at);
		goto done;
	}
	if (a->to != NULL && (rc = find_target(cli, &c, a->to, &target)) != EXIT_OK)
		goto done;
	rc = EXIT_FAIL;
	to.session = a->to != NULL ? &target : NULL;
	if (a->at != NULL && cli_time(cli, &c, a->at, &to.starts_at) < 0)
		goto done;
	if ((kind = STORE_TX(cli->st, &e, reschedule_record(cli->st, &c, &from, &p, &to,
	    asked_at, a->note, &number, &e))) < 0) {
		cli_error("%s", e.msg);
		goto done;
	}
	say_moved(&c, &from, &p, kind, number, to.session ? to.session->starts_at
	    : to.starts_at);
	rc = say_verdict(cli, &c, &from, &p, asked_at);
done:
	session_free(&from);
	session_free(&target);
	participant_free(&p);
	cohort_free(&c);
	return rc;
}

static int
cmd_reschedule_exec(struct cli *cli, int argc, char **argv)
{
	struct reschedule_args a = { NULL, NULL, NULL, NULL };
	int opt;

	while ((opt = cli_getopt(cli, argc, argv)) != -1) {
		switch (opt) {
		case OPT_ASKED_AT: a.asked_at = optarg; break;
		case OPT_TO: a.to = optarg; break;
		case OPT_AT: a.at = optarg; break;
		case OPT_NOTE: a.note = optarg; break;
		default: return EXIT_USAGE;
		}
	}
	if ((a.to == NULL) == (a.at == NULL))
		return cli_usage_error(cli, "give where the place goes: --to SLUG:M (a session) "
		    "or --at TIME (a new time)");
	return reschedule(cli, &a, argv[optind], argv[optind + 1]);
}

const struct cmd_entry cmd_reschedule_entry = {
	.name = "reschedule",
	.args = "SLUG:N EMAIL",
	.summary = "move a participant's place to another session or time, judged by the policy",
	.help =
	"The request is judged at --asked-at against the cutoff of the place it\n"
	"leaves: in time it is a reschedule (R, no points by default); after the\n"
	"cutoff it counts as a late cancellation, after the start as a no-show,\n"
	"and the new place stands either way. Reschedules past the policy's\n"
	"reschedule.max count as late cancellations.\n"
	"\n"
	"A 1:1 coaching session moves itself with --at. A practice session\n"
	"moved with --at opens a new session at that time with the same\n"
	"partners. A group session's place moves only --to another session.\n"
	"'showup unmark SLUG:N EMAIL' takes a reschedule back (the new place stays).\n",
	.options = (const struct cmd_option[]){
		{ .name = "asked-at", .arg = "TIME", .key = OPT_ASKED_AT,
		  .help = "when the participant asked (default: now)" },
		{ .name = "to", .arg = "SLUG:M", .key = OPT_TO,
		  .help = "the session the place moves to (or just its number M)" },
		{ .name = "at", .arg = "TIME", .key = OPT_AT,
		  .help = "a new time: a 1:1 moves, a practice session opens anew" },
		{ .name = "note", .arg = "TEXT", .key = OPT_NOTE,
		  .help = "a note kept with the record" },
		{ 0 }
	},
	.nargs = CMD_ARGS(2, 2),
	.db = CMD_DB_WRITE,
	.exec = cmd_reschedule_exec
};
