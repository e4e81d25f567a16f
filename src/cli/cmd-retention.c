/* cmd-retention.c - showup retention: the participants of cohorts past their policy's
 * retention erased (notices run calls it too). */
#include "config.h"

#include <stdio.h>

#include "commands.h"
#include "showup/privacy.h"

enum { OPT_DRY_RUN = OPT_OWN };

/* Says what retention did (or, dry, would do) to cohort d. */
static void
say_due(const struct retention_due *d, int dry_run)
{
	char ended[40], due[40];

	printf("%s: ended %s, retention %dmo (due %s): %s %zu participant%s\n", d->slug,
	    time_format_iso("UTC", d->ended_at, ended, sizeof ended), d->months,
	    time_format_iso("UTC", d->due_at, due, sizeof due), dry_run ? "would erase"
	    : "erased", d->records, d->records == 1 ? "" : "s");
}

int
cli_retention(struct cli *cli, int dry_run, int quiet)
{
	struct retention_list l;
	int rc = EXIT_OK;
	su_err e;

	if (retention_list_due(cli->st, time_now(), &l, &e) < 0)
		return cli_error("retention: %s", e.msg);
	if (l.n == 0 && !quiet)
		printf("retention: no cohort is past its retention with people to erase\n");
	for (size_t i = 0; i < l.n && rc == EXIT_OK; i++) {	/* one transaction a cohort */
		if (!dry_run && STORE_TX(cli->st, &e, retention_erase(cli->st, &l.v[i], &e)) < 0)
			rc = cli_error("retention: %s: %s", l.v[i].slug, e.msg);
		else
			say_due(&l.v[i], dry_run);
	}
	if (!dry_run && l.n > 0 && privacy_forget(cli->st, &e) < 0)
		rc = cli_error("retention: %s", e.msg);
	else if (!dry_run && l.n > 0)
		fprintf(stderr, "warning: backups made before now still hold their data\n");
	retention_list_free(&l);
	return rc;
}

/* Erases the participants of every cohort past its retention, or says who (--dry-run). */
static int
cmd_retention_exec(struct cli *cli, int argc, char **argv)
{
	int opt, dry_run = 0;

	while ((opt = cli_getopt(cli, argc, argv)) != -1) {
		if (opt != OPT_DRY_RUN)
			return EXIT_USAGE;
		dry_run = 1;
	}
	return cli_retention(cli, dry_run, 0);
}

const struct cmd_entry cmd_retention_entry = {
	.name = "retention",
	.summary = "erase the participants of cohorts past their policy's retention",
	.help =
	"A cohort whose policy sets 'retention' (24mo: two years after its last day,\n"
	"else its last session) has every participant erased once that time has\n"
	"passed, as 'participant erase' does, in that cohort alone. 'notices run'\n"
	"does this too. Says each cohort and how many people.\n",
	.options = (const struct cmd_option[]){
		{ .name = "dry-run", .key = OPT_DRY_RUN,
		  .help = "say what would be erased, and change nothing" },
		{ 0 }
	},
	.nargs = CMD_ARGS(0, 0),
	.db = CMD_DB_WRITE,
	.exec = cmd_retention_exec
};
