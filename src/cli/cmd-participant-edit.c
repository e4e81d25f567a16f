/* SPDX-License-Identifier: Apache-2.0 */
/* cmd-participant-edit.c - showup participant edit: a name, an address or a company corrected. */
#include "config.h"

#include <stdio.h>

#include "commands.h"

/* What cli_getopt returns for the long-only options of the table below. */
enum { OPT_NAME = OPT_OWN, OPT_EMAIL, OPT_COMPANY, OPT_CALL_NAME, OPT_LANGUAGE };

/* The changes the options ask for; NULL for what stays. */
struct edit {
	const char *name, *email, *company, *call_name, *language;
};

/* Makes the changes of 'ed' to p (caller's transaction); 1 changed, 0 nothing, -1. */
static int
edit_apply(struct store *st, const struct cohort *c, const struct participant *p,
    const struct edit *ed, su_err *e)
{
	int changed = 0, rc = 0;

	if (ed->name || ed->email || ed->company)
		rc = participant_update(st, c, p, ed->name ? ed->name : p->name,
		    ed->email ? ed->email : p->email, ed->company ? ed->company : p->company, e);
	changed = rc;
	if (rc >= 0 && ed->call_name != NULL)
		rc = participant_set_call_name(st, c, p, ed->call_name, e);
	changed = changed || rc > 0;
	if (rc >= 0 && ed->language != NULL)
		rc = participant_set_language(st, c, p, ed->language, e);
	return rc < 0 ? -1 : changed || rc;
}

/* Changes what the options give; every record, notice and offer stays with the person. */
static int
cmd_participant_edit_exec(struct cli *cli, int argc, char **argv)
{
	struct edit ed = { NULL, NULL, NULL, NULL, NULL };
	const struct participant *p = &cli->target.p;
	const struct cohort *c = &cli->target.c;
	int opt, changed;
	su_err e;

	while ((opt = cli_getopt(cli, argc, argv)) != -1) {
		if (opt == OPT_NAME)
			ed.name = optarg;
		else if (opt == OPT_EMAIL)
			ed.email = optarg;
		else if (opt == OPT_COMPANY)
			ed.company = optarg;
		else if (opt == OPT_CALL_NAME)
			ed.call_name = optarg;
		else if (opt == OPT_LANGUAGE)
			ed.language = optarg;
		else
			return EXIT_USAGE;
	}
	if (!ed.name && !ed.email && !ed.company && !ed.call_name && !ed.language)
		return cli_usage_error(cli, "give what changes: --name, --email, --company, "
		    "--call-name or --language");
	changed = STORE_TX(cli->st, &e, edit_apply(cli->st, c, p, &ed, &e));
	if (changed < 0)
		return cli_error("%s", e.msg);
	if (changed == 0)
		printf("%s <%s>: nothing changed\n", p->name, p->email);
	else
		printf("%s <%s> is now %s <%s>%s%s%s%s%s%s\n", p->name, p->email,
		    ed.name ? ed.name : p->name, ed.email ? ed.email : p->email,
		    ed.company ? ", " : "", ed.company ? ed.company : "",
		    ed.call_name && *ed.call_name ? ", called " : "",
		    ed.call_name ? ed.call_name : "",
		    ed.language ? ", reading " : "", ed.language ? *ed.language ?
		    ed.language : "the cohort's language" : "");
	return EXIT_OK;
}

const struct cmd_entry cmd_participant_edit_entry = {
	.group = "participant",
	.name = "edit",
	.args = "SLUG EMAIL",
	.summary = "correct a participant's name, e-mail address, company, call name or language",
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
		{ .name = "call-name", .arg = "NAME", .key = OPT_CALL_NAME,
		  .help = "the name notices greet them by ('' for their given name)" },
		{ .name = "language", .arg = "LANG", .key = OPT_LANGUAGE,
		  .help = "the language they read: en, de, fr, es ('' for the cohort's)" },
		{ 0 }
	},
	.nargs = CMD_ARGS(2, 2),
	.target = CMD_TARGET_COHORT_PERSON,
	.db = CMD_DB_WRITE,
	.exec = cmd_participant_edit_exec
};
