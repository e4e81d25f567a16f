/* SPDX-License-Identifier: Apache-2.0 */
/* cmd-doctor.c - showup doctor: whether the database, fonts, templates, config, mail
 * and time zones are set up right, before the first real batch. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "commands.h"
#include "showup/doctor.h"

/* What cli_getopt returns for the long-only options of the table below. */
enum { OPT_MAIL = OPT_OWN };

/* The commands and options behind the core's hints (enum doctor_hint), in its order. */
static const struct {
	unsigned hint;
	const char *text;
} hints[] = {
	{ DOCTOR_HINT_CREATE, "run: showup init (it creates the database, or brings it up to "
	  "date keeping every record)" },
	{ DOCTOR_HINT_OTHER_DB, "give --db the path of your showup database, or set SHOWUP_DB" },
	{ DOCTOR_HINT_BACKUP, "showup backup FILE makes a backup, even while showup writes" },
	{ DOCTOR_HINT_FALLBACK_FONT, "the report commands take it as --fallback-font FILE" },
	{ DOCTOR_HINT_TEMPLATE_CHECK, "run: showup template check" },
	{ DOCTOR_HINT_VIA_SENDMAIL, "showup notices send --via sendmail sends that way" },
	{ DOCTOR_HINT_TRY_MAIL, "showup doctor --mail logs in, sending nothing" },
};

/*
 * Prints one finding as a line: its level, its subject, what was found and the
 * fix; then a hint: line for each of its hints.
 */
static void
print_finding(const struct finding *f)
{
	static const char *const level[] = {
		[FINDING_OK] = "ok", [FINDING_WARNING] = "warning", [FINDING_PROBLEM] = "problem",
	};

	printf("%-8s %-9s %s%s%s\n", level[f->level], f->subject, f->what,
	    f->fix != NULL ? "; " : "", f->fix != NULL ? f->fix : "");
	for (size_t i = 0; i < ARRAY_SIZE(hints); i++)
		if (f->hints & hints[i].hint)
			printf("hint: %s\n", hints[i].text);
}

/* Looks at everything and prints a line a finding; exit 1 if any is a problem. */
static int
cmd_doctor_exec(struct cli *cli, int argc, char **argv)
{
	struct doctor_options o = { .db_flag = cli->db_flag };
	struct findings found;
	int opt, rc;

	while ((opt = cli_getopt(cli, argc, argv)) != -1) {
		if (opt != OPT_MAIL)
			return EXIT_USAGE;
		o.try_mail = 1;
	}
	doctor_run(&o, &found);
	for (size_t i = 0; i < found.n; i++)
		print_finding(&found.v[i]);
	rc = findings_have_problem(&found) ? EXIT_FAIL : EXIT_OK;
	findings_free(&found);
	return rc;
}

const struct cmd_entry cmd_doctor_entry = {
	.name = "doctor",
	.summary = "check that showup is set up right before a batch",
	.help =
	"Looks at the database (where it was found and by which rule, its schema,\n"
	"SQLite's integrity check, mode 0600, at least 100 MB free beside it), the\n"
	"fonts the PDF reports use and whether they draw every participant's name,\n"
	"the notice templates (each compiles), the config file (mode, settings\n"
	"known, no password in the url), how mail goes (the SMTP settings, or that\n"
	"the sendmail command can run) and each cohort's time zone. One line a\n"
	"finding: ok, warning or problem, with what to do. Opens the database\n"
	"read-only and changes nothing. Exit status 1 if anything is a problem.\n",
	.options = (const struct cmd_option[]){
		{ .name = "mail", .key = OPT_MAIL,
		  .help = "also connect to the SMTP server, start TLS and log in, sending "
		  "nothing" },
		{ 0 }
	},
	.nargs = CMD_ARGS(0, 0),
	.db = CMD_DB_NONE,
	.exec = cmd_doctor_exec
};
