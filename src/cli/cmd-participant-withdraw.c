/* cmd-participant-withdraw.c - showup participant withdraw: someone leaves the cohort. */
#include "config.h"

#include <stdio.h>

#include "commands.h"
#include "showup/timeutil.h"

static const struct option participant_withdraw_options[] = {
	{ "at", required_argument, NULL, 't' },
	{ 0 }
};

/* Withdraws a participant: no longer expected from then on; the record stays. */
static int
cmd_participant_withdraw_exec(struct cli *cli, int argc, char **argv)
{
	const char *at = "now";
	struct participant p = { 0 };
	struct cohort c;
	char when_text[40];
	int64_t when;
	int opt, rc = EXIT_FAIL;
	su_err e;

	while ((opt = cli_getopt(cli, argc, argv, "", participant_withdraw_options)) != -1) {
		if (opt != 't')
			return EXIT_USAGE;
		at = optarg;
	}
	if (optind + 2 != argc)
		return cli_usage_error(cli, "give a cohort (SLUG) and an e-mail address");
	if (cli_cohort(cli, argv[optind], &c) != EXIT_OK)
		return EXIT_FAIL;
	if (cli_participant(cli, &c, argv[optind + 1], &p) != EXIT_OK ||
	    cli_time(&c, at, &when) < 0)
		goto done;
	if (store_begin(cli->st, &e) < 0 ||
	    participant_withdraw(cli->st, &c, &p, when, &e) < 0 ||
	    store_commit(cli->st, &e) < 0) {
		store_rollback(cli->st);
		cli_error("%s", e.msg);
		goto done;
	}
	printf("%s <%s> withdrew from %s as of %s; past records are kept\n", p.name,
	    p.email, c.slug, time_format_local(c.tz, when, when_text, sizeof when_text));
	rc = EXIT_OK;
done:
	participant_free(&p);
	cohort_free(&c);
	return rc;
}

const struct cmd_entry cmd_participant_withdraw_entry = {
	"participant", "withdraw", NULL, "SLUG EMAIL [--at TIME]",
	"withdraw a participant: not expected at sessions from then on",
	"--at defaults to now. Sessions before it keep their records.\n",
	CMD_DB_EXISTING, cmd_participant_withdraw_exec
};
