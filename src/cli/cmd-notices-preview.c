/* cmd-notices-preview.c - showup notices preview: the exact messages that would go out. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "commands.h"
#include "showup/outbox.h"

/* What cli_getopt returns for the long-only options of the table below. */
enum { OPT_WRITE = OPT_OWN };

/* Shows (or writes) every message still to go out of one cohort's outbox. */
static int
cmd_notices_preview_exec(struct cli *cli, int argc, char **argv)
{
	const char *dir = NULL;
	struct outbox_list l;
	const struct cohort *c = &cli->target.c;
	int opt, rc = EXIT_OK;
	su_err e;

	while ((opt = cli_getopt(cli, argc, argv)) != -1) {
		if (opt != OPT_WRITE)
			return EXIT_USAGE;
		dir = optarg;
	}
	if (outbox_list_all(cli->st, c->id, "pending", 1, &l, &e) < 0) {
		return cli_error("%s", e.msg);
	}
	for (size_t i = 0; i < l.n && rc == EXIT_OK; i++) {
		if (l.v[i].message_len == 0)	/* it rides in another's message */
			continue;
		if (dir != NULL) {
			rc = cli_write_eml(dir, &l.v[i]);
			continue;
		}
		printf("%s--- outbox %lld: %s to %s\n", i ? "\n" : "", (long long)l.v[i].id,
		    l.v[i].kind, l.v[i].email);
		fwrite(l.v[i].message, 1, l.v[i].message_len, stdout);
	}
	if (l.n == 0)
		printf("nothing pending in the outbox of %s (run 'showup notices plan %s')\n",
		    c->slug, c->slug);
	outbox_list_free(&l);
	return rc;
}

const struct cmd_entry cmd_notices_preview_entry = {
	.group = "notices",
	.name = "preview",
	.args = "SLUG",
	.summary = "show the exact messages the outbox would send",
	.help =
	"The dry run of sending: the bytes of every pending message, headers and\n"
	"all.\n",
	.options = (const struct cmd_option[]){
		{ .name = "write", .arg = "DIR", .key = OPT_WRITE,
		  .help = "write one .eml file each in DIR instead (opens in a mail "
		  "program)" },
		{ 0 }
	},
	.nargs = CMD_ARGS(1, 1),
	.target = CMD_TARGET_COHORT,
	.db = CMD_DB_READ,
	.exec = cmd_notices_preview_exec
};
