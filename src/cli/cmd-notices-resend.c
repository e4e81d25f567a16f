/* SPDX-License-Identifier: Apache-2.0 */
/* cmd-notices-resend.c - showup notices resend: one notice back in the queue, by hand. */
#include "config.h"

#include <stdio.h>

#include "commands.h"
#include "showup/outbox.h"

/* Puts one outbox row back to pending, keeping its message and Message-ID. */
static int
cmd_notices_resend_exec(struct cli *cli, int argc, char **argv)
{
	struct cohort c = { 0 };
	long long id;
	int lock, rc;
	su_err e;

	if (cli_getopt(cli, argc, argv) == '?')
		return EXIT_USAGE;
	if (parse_int(argv[optind], 1, INT64_MAX, &id) < 0)
		return cli_usage_error(cli, "give the notice's number in 'notices list' (ID)");
	if ((lock = outbox_lock(cli->st, &e)) < 0)	/* not under a send's feet */
		return cli_error("%s; notice %lld was not queued", e.msg, id);
	rc = STORE_TX(cli->st, &e, outbox_resend(cli->st, id, &c, &e));
	outbox_unlock(lock);
	if (rc < 0) {
		cohort_free(&c);	/* filled when only the commit failed */
		return cli_error("%s", e.msg);
	}
	printf("notice %lld of %s will go with the next 'showup notices send' (same "
	    "Message-ID)\n", id, c.slug);
	cohort_free(&c);
	return EXIT_OK;
}

const struct cmd_entry cmd_notices_resend_entry = {
	.group = "notices",
	.name = "resend",
	.args = "ID",
	.summary = "put one notice back in the queue, by hand",
	.help =
	"For a notice that failed, or one whose fate is unknown after a crash: it\n"
	"goes again with the next send, the same message with the same Message-ID\n"
	"(so a mail program that got it before can tell). While a send runs it\n"
	"queues nothing.\n",
	.nargs = CMD_ARGS(1, 1),
	.db = CMD_DB_WRITE,
	.exec = cmd_notices_resend_exec
};
