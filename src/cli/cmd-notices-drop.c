/* SPDX-License-Identifier: Apache-2.0 */
/* cmd-notices-drop.c - showup notices drop: one planned notice withdrawn for good. */
#include "config.h"

#include <stdio.h>

#include "commands.h"
#include "showup/outbox.h"

/* What cli_getopt returns for the long-only options of the table below. */
enum { OPT_REASON = OPT_OWN };

/* Withdraws one unsent notice, with the reason audited. */
static int
cmd_notices_drop_exec(struct cli *cli, int argc, char **argv)
{
	const char *reason = NULL;
	long long id;
	int lock, opt, rc = EXIT_OK;
	su_err e;

	while ((opt = cli_getopt(cli, argc, argv)) != -1) {
		if (opt == OPT_REASON)
			reason = optarg;
		else
			return EXIT_USAGE;
	}
	if (parse_int(argv[optind], 1, INT64_MAX, &id) < 0)
		return cli_usage_error(cli, "give the notice's number in 'notices list' (ID)");
	if (reason == NULL || *reason == '\0')
		return cli_usage_error(cli, "say why with --reason TEXT (it goes into the log)");
	if ((lock = outbox_lock(cli->st, &e)) < 0)
		rc = cli_error("%s; notice %lld was not dropped", e.msg, id);
	else if (STORE_TX(cli->st, &e, outbox_drop(cli->st, id, reason, time_now(),
	    &e)) < 0)
		rc = cli_error("%s", e.msg);
	else
		printf("notice %lld withdrawn; it will not be sent\n", id);
	outbox_unlock(lock);
	return rc;
}

const struct cmd_entry cmd_notices_drop_entry = {
	.group = "notices",
	.name = "drop",
	.args = "ID --reason TEXT",
	.summary = "withdraw one planned notice for good",
	.help =
	"The notice (its number in 'notices list'), held or not, is withdrawn and\n"
	"never sent, nor planned again; the reason goes into the log.\n",
	.options = (const struct cmd_option[]){
		{ .name = "reason", .arg = "TEXT", .key = OPT_REASON,
		  .help = "why it is dropped (required)" },
		{ 0 }
	},
	.nargs = CMD_ARGS(1, 1),
	.db = CMD_DB_WRITE,
	.exec = cmd_notices_drop_exec
};
