/* SPDX-License-Identifier: Apache-2.0 */
/* cmd-notices-run.c - showup notices run: plan and send for every cohort, for a timer. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "showup/outbox.h"

/* Plans cohort c's notices, saying so only when something changed; an exit status. */
static int
plan_cohort(struct cli *cli, const struct cohort *c, int64_t now)
{
	struct notice_templates t = { 0 };
	struct plan_result r = { 0 };
	struct policy p;
	int rc = EXIT_FAIL;
	su_err e;

	if (cli_policy(cli->st, c, &p) != EXIT_OK || cli_notice_templates(NULL, c, &p, &t) < 0)
		goto done;
	if (outbox_plan(cli->st, c, &p, &t, now, NULL, &r, &e) < 0) {
		cli_error("%s: %s", c->slug, e.msg);
		goto done;
	}
	if (r.refused > 0)
		fprintf(stderr, "warning: %s", sb_str(&r.refusals));
	if (r.added > 0 || r.withdrawn > 0)
		printf("%s: %zu notice%s planned, %zu withdrawn\n", c->slug, r.added,
		    r.added == 1 ? "" : "s", r.withdrawn);
	cli_print_waiting(c, &r);
	rc = EXIT_OK;
done:
	plan_result_free(&r);
	notice_templates_free(&t);
	return rc;
}

/*
 * Plans every cohort, then sends what is due; the send lock held throughout.
 * 'stop' (may be NULL) is asked between cohorts and messages: nonzero ends the run there.
 */
static int
run_locked(struct cli *cli, int (*stop)(void))
{
	struct send_args a = { NULL, 0, 0 };
	struct send_counts counts = { .stop = stop };
	struct cohort_list all = { 0 };
	int64_t now = time_now();
	int rc = EXIT_OK;
	size_t due;
	su_err e;

	if (cli_retention(cli, 0, 1) != EXIT_OK)	/* cohorts past their retention first */
		rc = EXIT_FAIL;
	if (cohort_list_all(cli->st, &all, &e) < 0)
		return cli_error("%s", e.msg);
	for (size_t i = 0; i < all.n && !(stop && stop()); i++)	/* one's trouble stops no other */
		if (plan_cohort(cli, &all.v[i], now) != EXIT_OK)
			rc = EXIT_FAIL;
	cohort_list_free(&all);
	if (outbox_due_count(cli->st, now, &due, &e) < 0)
		return cli_error("%s", e.msg);
	if (due > 0 && !(stop && stop()) && cli_send_outbox(cli, NULL, &a, &counts) != EXIT_OK)
		rc = EXIT_FAIL;
	if (counts.halted)
		printf("stopped before the rest, which the next run sends\n");
	return rc;
}

int
cli_notices_run_locked(struct cli *cli, int (*stop)(void))
{
	return run_locked(cli, stop);
}

/* What cli_getopt returns for the long-only options of the table below. */
enum { OPT_REPLAY_UNTIL = OPT_OWN };

/*
 * Runs as the timer would at every 'every' seconds of a clock set by hand
 * ($SHOWUP_NOW), from its time until 'until': each run sees the clock moved on.
 */
static int
replay(struct cli *cli, int64_t until, int64_t every)
{
	int rc = EXIT_OK;
	char at[32];

	for (int64_t t = time_now(); t <= until && rc == EXIT_OK; t += every) {
		time_format_iso("UTC", t, at, sizeof at);
		if (setenv("SHOWUP_NOW", at, 1) < 0)
			return cli_error("cannot set the clock: %s", strerror(errno));
		rc = run_locked(cli, NULL);
	}
	return rc;
}

/* Reads --replay-until and --every into *until (0: none) and *every; an exit status. */
static int
read_replay(struct cli *cli, int argc, char **argv, int64_t *until, int64_t *every)
{
	const char *fake = getenv("SHOWUP_NOW");
	long long minutes = 15;
	su_err e;
	int opt;

	while ((opt = cli_getopt(cli, argc, argv)) != -1) {
		if (opt == OPT_REPLAY_UNTIL && time_parse(optarg, DATE_ORDER_YMD, "UTC", until,
		    &e) < 0)
			return cli_usage_error(cli, "--replay-until: %s", e.msg);
		if (opt == OPT_EVERY && parse_int(optarg, 1, 24 * 60, &minutes) < 0)
			return cli_usage_error(cli, "--every: '%s' is not 1 to 1440 minutes", optarg);
		if (opt != OPT_REPLAY_UNTIL && opt != OPT_EVERY)
			return EXIT_USAGE;
	}
	if (*until != 0 && (fake == NULL || *fake == '\0'))
		return cli_usage_error(cli, "--replay-until moves a clock set by hand: set "
		    "SHOWUP_NOW");
	*every = minutes * 60;
	return EXIT_OK;
}

/* Plans and sends the notices of every cohort. */
static int
cmd_notices_run_exec(struct cli *cli, int argc, char **argv)
{
	int64_t until = 0, every = 15 * 60;
	int lock, rc;
	su_err e;

	if ((rc = read_replay(cli, argc, argv, &until, &every)) != EXIT_OK)
		return rc;
	if ((lock = outbox_lock(cli->st, &e)) == -2) {	/* the run before is still at it */
		printf("%s; this run leaves it to that one\n", e.msg);
		return EXIT_OK;
	}
	if (lock < 0)
		return cli_error("%s; nothing was sent", e.msg);
	rc = until != 0 ? replay(cli, until, every) : run_locked(cli, NULL);
	outbox_unlock(lock);
	return rc;
}

const struct cmd_entry cmd_notices_run_entry = {
	.group = "notices",
	.name = "run",
	.summary = "plan and send the notices of every cohort (for a timer)",
	.help =
	"What 'notices plan' and 'notices send' do, for every cohort, with the\n"
	"templates and the way of sending the cohorts and the config file set.\n"
	"Planning again adds nothing and a notice goes once, so it is safe to run\n"
	"every few minutes (the systemd timer showup-notices.timer runs it every\n"
	"15). It prints nothing and exits 0 when there was nothing to do; when\n"
	"another send is still running it leaves the work to that one and exits\n"
	"0. A cohort that cannot be planned is named and the rest go on.\n"
	"With a clock set by hand (SHOWUP_NOW), --replay-until TIME runs as the\n"
	"timer would every --every MINUTES (15) from that time until TIME (UTC\n"
	"unless it gives its offset), the clock moved on for each run: the\n"
	"weeks of a program lived through in one command, for tests and demos.\n",
	.options = (const struct cmd_option[]){
		{ .name = "replay-until", .arg = "TIME", .key = OPT_REPLAY_UNTIL,
		  .help = "run as the timer would until TIME (needs SHOWUP_NOW)" },
		{ .name = "every", .arg = "MINUTES", .key = OPT_EVERY,
		  .help = "minutes between the runs replayed (15)" },
		{ 0 }
	},
	.nargs = CMD_ARGS(0, 0),
	.db = CMD_DB_WRITE,
	.exec = cmd_notices_run_exec
};
