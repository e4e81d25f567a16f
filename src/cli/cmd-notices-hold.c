/* SPDX-License-Identifier: Apache-2.0 */
/* cmd-notices-hold.c - showup notices hold: planned notices kept back until released. */
#include "config.h"

#include <stdio.h>

#include "commands.h"
#include "showup/outbox.h"

/* What cli_getopt returns for the long-only options of the hold and release tables. */
enum { OPT_PARTICIPANT = OPT_OWN, OPT_COHORT };

/* Reads ID, --participant EMAIL or --cohort SLUG into *sel (c: the cohort found); a status. */
static int
read_selection(struct cli *cli, int argc, char **argv, struct outbox_select *sel,
    struct cohort *c)
{
	const char *slug = NULL;
	long long id = 0;
	int opt;

	while ((opt = cli_getopt(cli, argc, argv)) != -1) {
		if (opt == OPT_PARTICIPANT)
			sel->email = optarg;
		else if (opt == OPT_COHORT)
			slug = optarg;
		else if (opt == OPT_UNTIL)
			sel->until = optarg;
		else
			return EXIT_USAGE;
	}
	if (sel->until != NULL && sel->email == NULL)
		return cli_usage_error(cli, "--until holds a person's notices: give --participant "
		    "EMAIL");
	if (optind < argc && parse_int(argv[optind], 1, INT64_MAX, &id) < 0)
		return cli_usage_error(cli, "'%s' is not a notice's number in 'notices list'",
		    argv[optind]);
	if ((id != 0) + (sel->email != NULL) + (slug != NULL) != 1)
		return cli_usage_error(cli, "give one notice (ID), or --participant EMAIL, or "
		    "--cohort SLUG");
	sel->id = id;
	if (slug != NULL) {
		if (cli_cohort(cli, slug, c) != EXIT_OK)
			return EXIT_FAIL;
		sel->cohort_id = c->id;
	}
	return EXIT_OK;
}

/* Says what a hold or release did: the planned notices, and a person's own hold. */
static void
print_held(const struct outbox_select *sel, size_t n, int hold)
{
	printf("%zu planned notice%s %s", n, n == 1 ? "" : "s", hold ? "held" : "released");
	if (sel->email != NULL && hold)
		printf("; %s's notices not planned yet are held too, until %s", sel->email,
		    sel->until ? sel->until : "released");
	else if (sel->email != NULL)
		printf("; %s's notices are planned again as they fall due", sel->email);
	putchar('\n');
}

int
cli_notices_hold(struct cli *cli, int argc, char **argv, int hold)
{
	struct outbox_select sel = { 0 };
	struct cohort c = { 0 };
	size_t n;
	int lock, rc;
	su_err e;

	if ((rc = read_selection(cli, argc, argv, &sel, &c)) != EXIT_OK)
		return rc;
	if ((lock = outbox_lock(cli->st, &e)) < 0)	/* not under a send's feet */
		rc = cli_error("%s; nothing was %s", e.msg, hold ? "held" : "released");
	else if (STORE_TX(cli->st, &e, outbox_hold(cli->st, &sel, hold, time_now(), &n,
	    &e)) < 0)
		rc = cli_error("%s", e.msg);
	else
		print_held(&sel, n, hold);
	outbox_unlock(lock);
	cohort_free(&c);
	return rc;
}

/* Holds planned notices back. */
static int
cmd_notices_hold_exec(struct cli *cli, int argc, char **argv)
{
	return cli_notices_hold(cli, argc, argv, 1);
}

const struct cmd_entry cmd_notices_hold_entry = {
	.group = "notices",
	.name = "hold",
	.args = "ID|--participant EMAIL [--until WHEN]|--cohort SLUG",
	.summary = "keep notices back until released",
	.help =
	"A held notice stays in the outbox, planned, and no send or run sends it\n"
	"until 'notices release' lets it go (or 'notices drop' withdraws it).\n"
	"Hold one notice by its number in 'notices list', every unsent notice to\n"
	"one address (in any cohort), or a whole cohort's. Each is audited.\n"
	"A hold of a person (--participant) also keeps their notices that are not\n"
	"planned yet from being planned, until 'notices release --participant', or\n"
	"with --until until that time (YYYY-MM-DD or YYYY-MM-DD HH:MM in the\n"
	"cohort's zone): the first plan or run after it lets all of it go.\n",
	.options = (const struct cmd_option[]){
		{ .name = "participant", .arg = "EMAIL", .key = OPT_PARTICIPANT,
		  .help = "every notice to this address, planned or not yet" },
		{ .name = "cohort", .arg = "SLUG", .key = OPT_COHORT,
		  .help = "every unsent notice of this cohort" },
		{ .name = "until", .arg = "WHEN", .key = OPT_UNTIL,
		  .help = "a person's hold ends then by itself" },
		{ 0 }
	},
	.nargs = CMD_ARGS(0, 1),
	.db = CMD_DB_WRITE,
	.exec = cmd_notices_hold_exec
};
