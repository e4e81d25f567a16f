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
		else
			return EXIT_USAGE;
	}
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
		printf("%zu notice%s %s\n", n, n == 1 ? "" : "s", hold ? "held" : "released");
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
	.args = "ID|--participant EMAIL|--cohort SLUG",
	.summary = "keep planned notices back until released",
	.help =
	"A held notice stays in the outbox, planned, and no send or run sends it\n"
	"until 'notices release' lets it go (or 'notices drop' withdraws it).\n"
	"Hold one notice by its number in 'notices list', every unsent notice to\n"
	"one address (in any cohort), or a whole cohort's. Each is audited.\n",
	.options = (const struct cmd_option[]){
		{ .name = "participant", .arg = "EMAIL", .key = OPT_PARTICIPANT,
		  .help = "every unsent notice to this address" },
		{ .name = "cohort", .arg = "SLUG", .key = OPT_COHORT,
		  .help = "every unsent notice of this cohort" },
		{ 0 }
	},
	.nargs = CMD_ARGS(0, 1),
	.db = CMD_DB_WRITE,
	.exec = cmd_notices_hold_exec
};
