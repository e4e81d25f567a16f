/* cmd-review.c - showup review: the coach reviewed a participant at the ladder's last rung. */
#include "config.h"

#include <stdio.h>

#include "commands.h"
#include "showup/ladder.h"
#include "showup/roll.h"
#include "showup/words.h"

/* What cli_getopt returns for the long-only options of the table below. */
enum { OPT_NOTE = OPT_OWN };

/* What a review recorded: its number and the points it was done at. */
struct review_done {
	int number, points;
};

/*
 * Records the review of p if one is due as of 'now' (judged in the caller's
 * transaction): 0 with 'done' filled (its number 0 if none was due, with their
 * points), or -1 with 'e' set.
 */
static int
review(struct store *st, const struct cohort *c, const struct policy *pol,
    const struct participant *p, int64_t now, const char *note, struct review_done *done,
    su_err *e)
{
	const struct engine_person_result *pr;
	struct roll r;
	size_t i;
	int rc = -1;

	if (roll_load(st, c, pol, now, &r, e) < 0)
		return -1;
	if (!idmap_get(&r.person_index, p->id, &i)) {
		su_err_set(e, "'%s' is not in cohort '%s'", p->email, c->slug);
		goto done;
	}
	pr = roll_person(&r, i);
	*done = (struct review_done){ pr->review_due, pr->points };
	rc = pr->review_due > 0 ? review_record(st, c, p, pr->points, now, note, e) : 0;
done:
	roll_free(&r);
	return rc;
}

/* Records that the coach reviewed one participant's commitment. */
static int
cmd_review_exec(struct cli *cli, int argc, char **argv)
{
	struct review_done done = { 0, 0 };
	const struct participant *p = &cli->target.p;
	const char *note = NULL;
	const struct cohort *c = &cli->target.c;
	struct policy pol;
	int64_t now = time_now();
	int opt, rc;
	su_err e;

	while ((opt = cli_getopt(cli, argc, argv)) != -1) {
		if (opt != OPT_NOTE)
			return EXIT_USAGE;
		note = optarg;
	}
	if ((rc = cli_policy(cli->st, c, &pol)) != EXIT_OK)
		goto out;
	if (STORE_TX(cli->st, &e, review(cli->st, c, &pol, p, now, note, &done, &e)) < 0) {
		rc = cli_error("%s", e.msg);
		goto out;
	}
	if (done.number == 0) {
		rc = cli_error("no coach review is due for '%s' (%d point%s)", p->email,
		    done.points, done.points == 1 ? "" : "s");
		fprintf(stderr, "hint: 'showup notices due %s' lists the reviews due\n", c->slug);
		goto out;
	}
	printf("coach review #%d of %s recorded at %d %s; the next is due at %d points\n",
	    done.number, p->email, done.points, plural(done.points, "point", "points"),
	    done.points + 1);
out:
	return rc;
}

const struct cmd_entry cmd_review_entry = {
	.name = "review",
	.args = "SLUG EMAIL",
	.summary = "record that you reviewed a participant at the ladder's coach-review rung",
	.help =
	"The ladder's last rung mails nothing: it asks you to talk with the\n"
	"participant, and comes due again at every further point. Recording the\n"
	"review clears it from 'notices due' and 'status' until their points rise.\n",
	.options = (const struct cmd_option[]){
		{ .name = "note", .arg = "TEXT", .key = OPT_NOTE,
		  .help = "what was agreed, kept in the audit log" },
		{ 0 }
	},
	.nargs = CMD_ARGS(2, 2),
	.target = CMD_TARGET_COHORT_PERSON,
	.db = CMD_DB_WRITE,
	.exec = cmd_review_exec
};
