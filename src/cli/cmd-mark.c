/* SPDX-License-Identifier: Apache-2.0 */
/* cmd-mark.c - showup mark: record what happened for one participant at one session. */
#include "config.h"

#include <stdio.h>

#include "commands.h"

/* What cli_getopt returns for the long-only options of the table below. */
enum { OPT_NOTE = OPT_OWN, OPT_WALK_IN };

/* Reads "present | late MINUTES | no-show | excused REASON" into 'spec'; EXIT_OK or EXIT_USAGE. */
static int
parse_mark(struct cli *cli, int argc, char **argv, struct fact_spec *spec)
{
	const char *status = argv[0];
	int wants_arg = str_ieq(status, "late") || str_ieq(status, "l") ||
	    str_ieq(status, "excused") || str_ieq(status, "e");

	if (str_ieq(status, "cancelled") || str_ieq(status, "canceled") ||
	    str_ieq(status, "cancel"))
		return cli_usage_error(cli, "a cancellation has a time and a reason: use "
		    "'showup cancel SLUG:N EMAIL --at TIME --reason CODE'");
	if (wants_arg && argc != 2)
		return cli_usage_error(cli, "'%s' needs %s", status, status[0] == 'l' ||
		    status[0] == 'L' ? "the minutes late (late 12)"
		    : "a reason (excused medical)");
	if (!wants_arg && argc != 1)
		return cli_usage_error(cli, "unexpected argument '%s'", argv[1]);
	spec->status = status;
	if (status[0] == 'l' || status[0] == 'L')
		spec->minutes = argv[1];
	else if (wants_arg)
		spec->reason = argv[1];
	return EXIT_OK;
}

/* Records one participant's attendance at one session. */
static int
cmd_mark_exec(struct cli *cli, int argc, char **argv)
{
	struct fact_spec spec = { 0 };
	unsigned flags = 0;
	int opt, rc;

	while ((opt = cli_getopt(cli, argc, argv)) != -1) {
		if (opt == OPT_NOTE)
			spec.note = optarg;
		else if (opt == OPT_REPLACE)
			flags |= RECORD_REPLACE;
		else if (opt == OPT_WALK_IN)
			flags |= RECORD_WALK_IN;
		else
			return EXIT_USAGE;
	}
	if ((rc = parse_mark(cli, argc - optind - 2, argv + optind + 2, &spec)) != EXIT_OK)
		return rc;
	return cli_record_one(cli, &spec, flags);
}

const struct cmd_entry cmd_mark_entry = {
	.name = "mark",
	.args = "SLUG:N EMAIL present|late MINUTES|no-show|excused REASON",
	.summary = "record one participant's attendance at a session",
	.help =
	"present      arrived on time\n"
	"late MINUTES arrived that many minutes late (within the grace period,\n"
	"             5 minutes by default, it still counts as present)\n"
	"no-show      did not come and did not cancel\n"
	"excused REASON  absent for an accepted emergency (medical,\n"
	"             personal-emergency)\n"
	"Marking again corrects the record; the audit log keeps the old value.\n"
	"A participant's cancellation is recorded with 'showup cancel'; a mark\n"
	"does not replace a recorded cancellation or excuse unless --replace.\n"
	"'showup unmark' takes a record back.\n",
	.options = (const struct cmd_option[]){
		{ .name = "note", .arg = "TEXT", .key = OPT_NOTE,
		  .help = "a note kept with the record" },
		{ .name = "replace", .key = OPT_REPLACE,
		  .help = "replace a recorded cancellation or excuse" },
		{ .name = "walk-in", .key = OPT_WALK_IN,
		  .help = "someone the session did not expect came: add them to it" },
		{ 0 }
	},
	.nargs = CMD_ARGS(3, 4, "give a session (SLUG:N), an e-mail address and what happened"),
	.target = CMD_TARGET_SESSION_PERSON,
	.db = CMD_DB_WRITE,
	.exec = cmd_mark_exec
};
