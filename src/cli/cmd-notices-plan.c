/* SPDX-License-Identifier: Apache-2.0 */
/* cmd-notices-plan.c - showup notices plan: the notices due, rendered into the outbox. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "showup/outbox.h"

/* What cli_getopt returns for the long-only options of the table below. */
enum { OPT_TEMPLATES = OPT_OWN, OPT_ATTACH_REPORT };

int
cli_notice_templates(const char *dir_flag, const struct cohort *c, const struct policy *p,
    struct notice_templates *t)
{
	const char *kinds[POLICY_MAX_STEPS + 40], *env = getenv("SHOWUP_TEMPLATES");
	const char *own = dir_flag ? dir_flag : *p->templates ? p->templates
	    : env && *env ? env : NULL;
	char *shipped = notice_templates_shipped();
	size_t n = policy_mail_steps(p);	/* coach-review: no mail */
	su_err e;
	int rc;

	if (own == NULL && shipped == NULL)
		return cli_error("cannot find the notice templates; give --templates DIR"), -1;
	for (size_t k = 0; k < n; k++)
		kinds[k] = p->ladder[k].kind;
	if (p->n_reminders > 0)
		n += notice_kind_names(NOTICE_REMINDER, kinds + n, ARRAY_SIZE(kinds) - n);
	n += notice_kind_names(NOTICE_CHANGE, kinds + n, ARRAY_SIZE(kinds) - n);
	n += notice_kind_names(NOTICE_RECORD, kinds + n, ARRAY_SIZE(kinds) - n);
	notice_kind_names(NOTICE_COACH, kinds + n, ARRAY_SIZE(kinds) - n);
	rc = notice_templates_load_langs(own, shipped, c->language, kinds, t, &e);
	if (rc < 0)
		cli_error("%s", e.msg);
	else
		t->link_base = cli_public_url(NULL);	/* {{link}}: serve's personal links */
	free(shipped);
	return rc;
}

/* Plans every due notice of one cohort and reports what happened. */
static int
cmd_notices_plan_exec(struct cli *cli, int argc, char **argv)
{
	struct notice_templates t = { 0 };
	struct plan_result r = { 0 };
	struct pdf_options pdf = { .paper = PAPER_A4 };
	const char *dir = NULL;
	struct policy p;
	const struct cohort *c = &cli->target.c;
	int opt, rc = EXIT_FAIL, attach = 0;
	su_err e;

	while ((opt = cli_getopt(cli, argc, argv)) != -1) {
		if (opt == OPT_TEMPLATES)
			dir = optarg;
		else if (opt == OPT_ATTACH_REPORT)
			attach = 1;
		else
			return EXIT_USAGE;
	}
	if (cli_policy(cli->st, c, &p) != EXIT_OK || cli_notice_templates(dir, c, &p, &t) < 0)
		goto done;
	if (outbox_plan(cli->st, c, &p, &t, time_now(), attach ? &pdf : NULL, &r, &e) < 0) {
		cli_error("%s", e.msg);
		goto done;
	}
	for (const char *line = sb_str(&r.refusals); *line; ) {
		int n = (int)strcspn(line, "\n");

		fprintf(stderr, "warning: %.*s\n", n, line);
		line += n + (line[n] == '\n');
	}
	printf("%s: %zu notice%s planned, %zu planned before, %zu withdrawn, %zu refused\n",
	    c->slug, r.added, r.added == 1 ? "" : "s", r.already, r.withdrawn, r.refused);
	cli_print_waiting(c, &r);
	rc = EXIT_OK;
done:
	plan_result_free(&r);
	notice_templates_free(&t);
	return rc;
}

const struct cmd_entry cmd_notices_plan_entry = {
	.group = "notices",
	.name = "plan",
	.args = "SLUG",
	.summary = "render every notice due into the outbox, once",
	.help =
	"Each ladder step due becomes a complete message from the coach to the\n"
	"participant, stored in the outbox in one transaction; planning again\n"
	"adds nothing. A notice no longer due (points corrected down) is\n"
	"withdrawn before it goes out. A ladder notice waits for its review time\n"
	"(notices.review: by default 08:00 the morning after the session that\n"
	"brought it), so that a mark made in a hurry can be corrected first.\n"
	"A participant whose name or address would\n"
	"put a line break into a header is refused and named; the rest go on.\n"
	"Each notice is written in its reader's language (the participant's own, else\n"
	"the cohort's). Its template comes from --templates DIR, else the cohort's own\n"
	"folder ('policy set SLUG templates DIR'), else $SHOWUP_TEMPLATES, when that\n"
	"folder holds it (as LANG/KIND, or KIND in the cohort's language), else from\n"
	"the installed ones of the reader's language, else the English ones.\n",
	.options = (const struct cmd_option[]){
		{ .name = "templates", .arg = "DIR", .key = OPT_TEMPLATES,
		  .help = "the folder of notice templates to use this time" },
		{ .name = "attach-report", .key = OPT_ATTACH_REPORT,
		  .help = "each message carries the participant's commitment report "
		  "(PDF) as of now" },
		{ 0 }
	},
	.nargs = CMD_ARGS(1, 1),
	.target = CMD_TARGET_COHORT,
	.db = CMD_DB_WRITE,
	.exec = cmd_notices_plan_exec
};
