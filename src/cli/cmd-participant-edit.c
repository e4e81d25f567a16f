/* SPDX-License-Identifier: Apache-2.0 */
/* cmd-participant-edit.c - showup participant edit: a name, an address or a company corrected. */
#include "config.h"

#include <stdio.h>

#include "commands.h"

/* What cli_getopt returns for the long-only options of the table below. */
enum { OPT_NAME = OPT_OWN, OPT_EMAIL, OPT_COMPANY };

/* Changes what the options give; every record, notice and offer stays with the person. */
static int
cmd_participant_edit_exec(struct cli *cli, int argc, char **argv)
{
	const char *name = NULL, *email = NULL, *company = NULL;
	const struct participant *p = &cli->target.p;
	const struct cohort *c = &cli->target.c;
	int opt, changed;
	su_err e;

	while ((opt = cli_getopt(cli, argc, argv)) != -1) {
		if (opt == OPT_NAME)
			name = optarg;
		else if (opt == OPT_EMAIL)
			email = optarg;
		else if (opt == OPT_COMPANY)
			company = optarg;
		else
			return EXIT_USAGE;
	}
	if (name == NULL && email == NULL && company == NULL)
		return cli_usage_error(cli, "give what changes: --name, --email or --company");
	changed = STORE_TX(cli->st, &e, participant_update(cli->st, c, p,
	    name ? name : p->name, email ? email : p->email,
	    company ? company : p->company, &e));
	if (changed < 0)
		return cli_error("%s", e.msg);
	if (changed == 0)
		printf("%s <%s>: nothing changed\n", p->name, p->email);
	else
		printf("%s <%s> is now %s <%s>%s%s\n", p->name, p->email, name ? name : p->name,
		    email ? email : p->email, company ? ", " : "", company ? company : "");
	return EXIT_OK;
}

const struct cmd_entry cmd_participant_edit_entry = {
	.group = "participant",
	.name = "edit",
	.args = "SLUG EMAIL",
	.summary = "correct a participant's name, e-mail address or company",
	.help =
	"Every record, notice sent and refund offer stays with the person. Notices\n"
	"planned and not sent yet go to the new name and address. The audit log\n"
	"keeps old and new.\n",
	.options = (const struct cmd_option[]){
		{ .name = "name", .arg = "NAME", .key = OPT_NAME, .help = "the new name" },
		{ .name = "email", .arg = "ADDR", .key = OPT_EMAIL,
		  .help = "the new e-mail address (not another participant's)" },
		{ .name = "company", .arg = "NAME", .key = OPT_COMPANY,
		  .help = "the new company ('' for none)" },
		{ 0 }
	},
	.nargs = CMD_ARGS(2, 2),
	.target = CMD_TARGET_COHORT_PERSON,
	.db = CMD_DB_WRITE,
	.exec = cmd_participant_edit_exec
};
