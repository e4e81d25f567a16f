/* SPDX-License-Identifier: Apache-2.0 */
/* cmd-cancel.c - showup cancel: a participant cancels their place at a session. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "commands.h"
#include "showup/timeutil.h"

/* What cli_getopt returns for the long-only options of the table below. */
enum { OPT_REASON = OPT_OWN, OPT_NOTE };

/* Records a participant's cancellation and what it counts as. */
static int
cmd_cancel_exec(struct cli *cli, int argc, char **argv)
{
	struct fact_spec spec = { .status = "cancelled" };
	int opt;

	while ((opt = cli_getopt(cli, argc, argv)) != -1) {
		switch (opt) {
		case OPT_AT: spec.cancelled_at = optarg; break;
		case OPT_REASON: spec.reason = optarg; break;
		case OPT_NOTE: spec.note = optarg; break;
		default: return EXIT_USAGE;
		}
	}
	if (spec.reason == NULL)
		return cli_usage_error(cli, "--reason is needed (medical, "
		    "personal-emergency, customer-meeting, work, travel, other)");
	if (strcmp(spec.reason, POLICY_RESCHEDULE_REASON) == 0)
		return cli_usage_error(cli, "a place moved elsewhere is recorded by 'showup "
		    "reschedule SLUG:N EMAIL --to SLUG:M' (or --at TIME)");
	if (spec.cancelled_at == NULL || strcmp(spec.cancelled_at, "now") == 0) {
		spec.cancelled_at = NULL;
		spec.cancelled_ts = time_now();
	}
	return cli_record_one(cli, &spec, RECORD_REPLACE);
}

const struct cmd_entry cmd_cancel_entry = {
	.name = "cancel",
	.args = "SLUG:N EMAIL",
	.summary = "record that a participant cancelled their place at a session",
	.help =
	"Before the cutoff (18:00 the day before, local time) a cancellation is\n"
	"on time; after it, a late cancellation unless the reason is an accepted\n"
	"emergency; after the start, a no-show.\n",
	.options = (const struct cmd_option[]){
		{ .name = "reason", .arg = "CODE", .key = OPT_REASON, .required = 1,
		  .help = "medical, personal-emergency (accepted); customer-meeting, "
		  "work, travel, other (recorded, not accepted)" },
		{ .name = "at", .arg = "TIME", .key = OPT_AT,
		  .help = "when the cancellation came in (default: now)" },
		{ .name = "note", .arg = "TEXT", .key = OPT_NOTE,
		  .help = "a note kept with the record" },
		{ 0 }
	},
	.nargs = CMD_ARGS(2, 2),
	.target = CMD_TARGET_SESSION_PERSON,
	.db = CMD_DB_WRITE,
	.exec = cmd_cancel_exec
};
