/* SPDX-License-Identifier: Apache-2.0 */
/* cmd-participant-add.c - showup participant add: one person joins a cohort. */
#include "config.h"

#include <stdio.h>

#include "commands.h"

/* What cli_getopt returns for the long-only options of the table below. */
enum { OPT_NAME = OPT_OWN, OPT_EMAIL, OPT_COMPANY, OPT_CALL_NAME, OPT_LANGUAGE };

/* Adds the participant, then their call name and language if given (caller's transaction). */
static int
add_with_call_name(struct store *st, const struct cohort *c, const char *name,
    const char *email, const char *company, const char *const own[2], su_err *e)
{
	struct participant p;
	int rc = 0;

	if (participant_add(st, c, name, email, company, e) < 0)
		return -1;
	if (own[0] == NULL && own[1] == NULL)
		return 0;
	if (participant_find(st, c, email, &p, e) != 1)
		return -1;
	if (own[0] != NULL)
		rc = participant_set_call_name(st, c, &p, own[0], e) < 0 ? -1 : 0;
	if (rc == 0 && own[1] != NULL)
		rc = participant_set_language(st, c, &p, own[1], e) < 0 ? -1 : 0;
	participant_free(&p);
	return rc;
}

/* Adds the participant the options describe. */
static int
cmd_participant_add_exec(struct cli *cli, int argc, char **argv)
{
	const char *name = NULL, *email = NULL, *company = "", *own[2] = { NULL, NULL };
	const struct cohort *c = &cli->target.c;
	int opt, rc = EXIT_FAIL;
	su_err e;

	while ((opt = cli_getopt(cli, argc, argv)) != -1) {
		switch (opt) {
		case OPT_NAME: name = optarg; break;
		case OPT_EMAIL: email = optarg; break;
		case OPT_COMPANY: company = optarg; break;
		case OPT_CALL_NAME: own[0] = optarg; break;
		case OPT_LANGUAGE: own[1] = optarg; break;
		default: return EXIT_USAGE;
		}
	}
	if (name == NULL || email == NULL)
		return cli_usage_error(cli, "--name and --email are needed");
	if (STORE_TX(cli->st, &e, add_with_call_name(cli->st, c, name, email, company,
	    own, &e)) < 0) {
		cli_error("%s", e.msg);
		goto done;
	}
	printf("added %s <%s> to %s\n", name, email, c->slug);
	rc = EXIT_OK;
done:
	return rc;
}

const struct cmd_entry cmd_participant_add_entry = {
	.group = "participant",
	.name = "add",
	.args = "SLUG",
	.summary = "add one participant to a cohort",
	.help =
	"The e-mail address identifies the participant within the cohort\n"
	"(compared without case). Notices greet them by their call name: the one\n"
	"given, else their given name (\"García, Ana\" and \"GARCÍA Ana\" are Ana),\n"
	"or the whole name when it is written in Chinese, Japanese or Korean.\n",
	.options = (const struct cmd_option[]){
		{ .name = "name", .arg = "NAME", .key = OPT_NAME, .required = 1,
		  .help = "the participant's full name" },
		{ .name = "email", .arg = "ADDR", .key = OPT_EMAIL, .required = 1,
		  .help = "the participant's e-mail address" },
		{ .name = "company", .arg = "NAME", .key = OPT_COMPANY,
		  .help = "the participant's company or organisation" },
		{ .name = "call-name", .arg = "NAME", .key = OPT_CALL_NAME,
		  .help = "the name to greet them by, when not their given name" },
		{ .name = "language", .arg = "LANG", .key = OPT_LANGUAGE,
		  .help = "the language they read (en, de, fr, es), when not the cohort's" },
		{ 0 }
	},
	.nargs = CMD_ARGS(1, 1),
	.target = CMD_TARGET_COHORT,
	.db = CMD_DB_WRITE,
	.exec = cmd_participant_add_exec
};
