/* SPDX-License-Identifier: Apache-2.0 */
/* cmd-template-check.c - showup template check: every notice template of a folder, checked. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "commands.h"
#include "showup/notice.h"

/* Loads every template of the folder (default: the installed ones) and says what it found. */
static int
cmd_template_check_exec(struct cli *cli, int argc, char **argv)
{
	struct notice_templates t;
	char *dir;
	int rc;
	su_err e;

	if (cli_getopt(cli, argc, argv) == '?')
		return EXIT_USAGE;
	dir = optind < argc ? xstrdup(argv[optind]) : notice_templates_dir();
	if (dir == NULL)
		return cli_error("cannot find the notice templates; give a folder");
	if (notice_templates_load(dir, NULL, &t, &e) < 0) {
		free(dir);
		return cli_error("%s", e.msg);
	}
	for (size_t i = 0; i < t.n; i++)
		printf("ok %s/%s\n", dir, t.v[i].kind);
	rc = t.n > 0 ? EXIT_OK : cli_error("no notice templates in '%s'", dir);
	notice_templates_free(&t);
	free(dir);
	return rc;
}

const struct cmd_entry cmd_template_check_entry = {
	.group = "template",
	.name = "check",
	.args = "[DIR]",
	.summary = "check every notice template of a folder",
	.help =
	"Each file (but README) is one notice kind: its first line 'Subject: ...',\n"
	"then the body. Names ({{participant.first_name}}, {{cohort.name}},\n"
	"{{coach.name}}, {{points}}, {{refund.amount}}, {{refund.expires}},\n"
	"{{policy.cutoff}}, {{session.date}} ...), sections over the events that\n"
	"brought the points ({{#events}}...{{/events}}) and inverted sections are\n"
	"checked; an unknown name or an unclosed section is an error FILE:LINE.\n"
	"Without DIR, the templates showup uses.\n",
	.nargs = CMD_ARGS(0, 1),
	.db = CMD_DB_NONE,
	.exec = cmd_template_check_exec
};
