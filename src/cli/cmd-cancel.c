/* cmd-cancel.c - showup cancel: a participant cancels their place at a session. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "commands.h"
#include "showup/timeutil.h"

static const struct option cancel_options[] = {
	{ "at", required_argument, NULL, 't' },
	{ "reason", required_argument, NULL, 'r' },
	{ "note", required_argument, NULL, 'n' },
	{ 0 }
};

/* Records a participant's cancellation and what it counts as. */
static int
cmd_cancel_exec(struct cli *cli, int argc, char **argv)
{
	struct fact_spec spec = { .status = "cancelled" };
	char now_text[40];
	struct cohort c;
	struct session s;
	int opt, rc;

	while ((opt = cli_getopt(cli, argc, argv, "", cancel_options)) != -1) {
		switch (opt) {
		case 't': spec.cancelled_at = optarg; break;
		case 'r': spec.reason = optarg; break;
		case 'n': spec.note = optarg; break;
		default: return EXIT_USAGE;
		}
	}
	if (optind + 2 != argc)
		return cli_usage_error(cli, "give a session (SLUG:N) and an e-mail address");
	if (spec.reason == NULL)
		return cli_usage_error(cli, "--reason is needed (medical, "
		    "personal-emergency, customer-meeting, work, travel, other)");
	if ((rc = cli_session(cli, argv[optind], &c, &s)) != EXIT_OK)
		return rc;
	if (spec.cancelled_at == NULL || strcmp(spec.cancelled_at, "now") == 0)
		spec.cancelled_at = time_format_iso(c.tz, time_now(), now_text,
		    sizeof now_text);
	rc = cli_record_one(cli, &c, &s, argv[optind + 1], &spec);
	session_free(&s);
	cohort_free(&c);
	return rc;
}

const struct cmd_entry cmd_cancel_entry = {
	NULL, "cancel", NULL, "SLUG:N EMAIL [--at TIME] --reason CODE [--note TEXT]",
	"record that a participant cancelled their place at a session",
	"--at is when the cancellation came in (default: now). Before the cutoff\n"
	"(18:00 the day before, local time) it is on time; after it, a late\n"
	"cancellation unless the reason is an accepted emergency; after the start,\n"
	"a no-show. Reason codes: medical, personal-emergency (accepted);\n"
	"customer-meeting, work, travel, other (recorded, not accepted).\n",
	CMD_DB_WRITE, cmd_cancel_exec
};
