/* cmd-notices-preview.c - showup notices preview: the exact messages that would go out. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "commands.h"
#include "showup/notice.h"

static const struct option notices_preview_options[] = {
	{ "write", required_argument, NULL, 'w' },
	{ 0 }
};

/* Shows (or writes) every message still to go out of one cohort's outbox. */
static int
cmd_notices_preview_exec(struct cli *cli, int argc, char **argv)
{
	const char *dir = NULL;
	struct outbox_list l;
	struct cohort c;
	int opt, rc = EXIT_OK;
	su_err e;

	while ((opt = cli_getopt(cli, argc, argv, "", notices_preview_options)) != -1) {
		if (opt != 'w')
			return EXIT_USAGE;
		dir = optarg;
	}
	if (optind + 1 != argc)
		return cli_usage_error(cli, "give one cohort (SLUG)");
	if (cli_cohort(cli, argv[optind], &c) != EXIT_OK)
		return EXIT_FAIL;
	if (outbox_list_all(cli->st, c.id, "pending", 1, &l, &e) < 0) {
		cohort_free(&c);
		return cli_error("%s", e.msg);
	}
	for (size_t i = 0; i < l.n && rc == EXIT_OK; i++) {
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
		    c.slug, c.slug);
	outbox_list_free(&l);
	cohort_free(&c);
	return rc;
}

const struct cmd_entry cmd_notices_preview_entry = {
	"notices", "preview", NULL, "SLUG [--write DIR]",
	"show the exact messages the outbox would send",
	"The dry run of sending: the bytes of every pending message, headers and\n"
	"all; with --write, one .eml file each in DIR (opens in a mail program).\n",
	CMD_DB_READ, cmd_notices_preview_exec
};
