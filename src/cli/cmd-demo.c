/* cmd-demo.c - showup demo: the sample program of seeds/ in a fresh database. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "commands.h"
#include "showup/outbox.h"
#include "showup/words.h"

/* Returns the seeds folder: $SHOWUP_DATADIR/seeds, the installed one, or the source tree's. */
static char *
find_seeds(void)
{
	const char *env = getenv("SHOWUP_DATADIR");
	const char *roots[] = { env, PKGDATADIR, SRCDIR };

	for (size_t i = 0; i < ARRAY_SIZE(roots); i++) {
		char *dir, *probe;
		int found;

		if (roots[i] == NULL || *roots[i] == '\0')
			continue;
		dir = xasprintf("%s/seeds", roots[i]);
		probe = xasprintf("%s/cohort.csv", dir);
		found = access(probe, R_OK) == 0;
		free(probe);
		if (found)
			return dir;
		free(dir);
	}
	return NULL;
}

/* Imports one seed file as 'what' says (c and p ignored for cohorts), as the import commands do. */
static int
load_seed(struct store *st, const char *seeds, const char *file, enum import_what what,
    const struct cohort *c, const struct policy *p, su_err *e)
{
	struct import_result r;
	char *path = xasprintf("%s/%s", seeds, file);
	int rc;

	import_result_init(&r, 0);
	rc = import_file(st, what, c, p, path, &r, e);
	if (rc < 0 && r.messages.len > 0)
		fputs(sb_str(&r.messages), stderr);
	else if (rc == 0)
		printf("loaded %-17s %zu %s\n", file, r.rows,
		    plural((long long)r.rows, "row", "rows"));
	import_result_free(&r);
	free(path);
	return rc;
}

/* Loads every seed file into the store; 0 or -1 after printing why. */
static int
load_seeds(struct store *st, const char *seeds, struct cohort *c)
{
	struct cohort_list l;
	struct policy p;
	su_err e;

	if (load_seed(st, seeds, "cohort.csv", IMPORT_COHORTS, NULL, NULL, &e) < 0 ||
	    cohort_list_all(st, &l, &e) < 0)
		return cli_error("%s", e.msg), -1;
	if (l.n == 0) {
		cohort_list_free(&l);
		return cli_error("%s/cohort.csv holds no cohort", seeds), -1;
	}
	if (cohort_find(st, l.v[0].slug, c, &e) != 1) {
		cohort_list_free(&l);
		return cli_error("%s", e.msg), -1;
	}
	cohort_list_free(&l);
	if (cli_policy(st, c, &p) != EXIT_OK)
		return -1;
	if (load_seed(st, seeds, "participants.csv", IMPORT_ROSTER, c, &p, &e) < 0 ||
	    load_seed(st, seeds, "sessions.csv", IMPORT_SESSIONS, c, &p, &e) < 0 ||
	    load_seed(st, seeds, "attendance.csv", IMPORT_ATTENDANCE, c, &p, &e) < 0)
		return cli_error("%s", e.msg), -1;
	return 0;
}

/* The demo's three reports, as the report commands draw them. */
struct demo_report {
	struct store *st;
	const struct cohort *c;
	const struct policy *p;
	const struct session *s;
	int kind;		/* 0 attendance, 1 commitment, 2 sheet */
};

/* Draws one of the demo's reports. */
static int
draw_demo_report(struct report_request *rq, void *arg, su_err *e)
{
	const struct demo_report *d = arg;

	if (d->kind == 0)
		return report_attendance(d->st, d->c, d->p, rq, e);
	if (d->kind == 1)
		return report_commitment(d->st, d->c, d->p, NULL, rq, e);
	return report_sheet(d->st, d->c, d->s, rq, e);
}

/* Writes the attendance and commitment reports and the last session's sign-in sheet. */
static int
write_reports(struct store *st, const struct cohort *c)
{
	static const char *const kinds[] = { "attendance", "commitment", "sheet" };
	struct report_args args = { 0 };
	struct session_list sl;
	struct policy p;
	int rc = EXIT_OK;
	su_err e;

	if (cli_policy(st, c, &p) != EXIT_OK)
		return EXIT_FAIL;
	if (session_list_all(st, c->id, &sl, &e) < 0)
		return cli_error("%s", e.msg);
	for (int k = 0; k < 3 && rc == EXIT_OK; k++) {
		struct demo_report d = { st, c, &p, NULL, k };
		char kind[32];

		snprintf(kind, sizeof kind, "%s", kinds[k]);
		for (size_t j = sl.n; k == 2 && j > 0 && d.s == NULL; j--)
			if (!sl.v[j - 1].cancelled) {
				d.s = &sl.v[j - 1];
				snprintf(kind, sizeof kind, "sheet-%d", d.s->number);
			}
		if (k < 2 || d.s != NULL)
			rc = cli_report_run(&args, c, kind, draw_demo_report, &d);
	}
	session_list_free(&sl);
	return rc;
}

/* Plans the sample's due notices and writes their exact messages into reports/notices/. */
static int
preview_notices(struct store *st, const struct cohort *c)
{
	struct notice_templates t = { 0 };
	struct plan_result r = { 0 };
	struct outbox_list l = { 0 };
	char *dir = notice_templates_dir();
	struct policy p;
	int rc = EXIT_FAIL;
	su_err e;

	if (dir == NULL) {
		cli_error("cannot find the notice templates");
		goto done;
	}
	if (cli_policy(st, c, &p) != EXIT_OK)
		goto done;
	if (notice_templates_load(dir, NULL, &t, &e) < 0 ||
	    outbox_plan(st, c, &p, &t, time_now(), NULL, &r, &e) < 0 ||
	    outbox_list_all(st, c->id, "pending", 1, &l, &e) < 0) {
		cli_error("%s", e.msg);
		goto done;
	}
	printf("planned %zu %s; their messages:\n", r.added + r.already,
	    plural((long long)(r.added + r.already), "notice", "notices"));
	rc = EXIT_OK;
	for (size_t i = 0; i < l.n && rc == EXIT_OK; i++)
		rc = cli_write_eml("reports/notices", &l.v[i]);
done:
	outbox_list_free(&l);
	plan_result_free(&r);
	notice_templates_free(&t);
	free(dir);
	return rc;
}

/* Loads the sample program and prints the cohort and its attendance. */
static int
cmd_demo_exec(struct cli *cli, int argc, char **argv)
{
	char *seeds = NULL, *dir = NULL, *path = NULL;
	struct cohort c = { 0 };
	int rc = EXIT_FAIL;
	su_err e;

	if (cli_getopt(cli, argc, argv) == '?')
		return EXIT_USAGE;
	if ((seeds = find_seeds()) == NULL)
		return cli_error("cannot find the sample data (seeds/cohort.csv); set "
		    "SHOWUP_DATADIR to the folder that holds seeds/");
	if (cli->db_flag != NULL) {
		path = xstrdup(cli->db_flag);
	} else {
		const char *tmp = getenv("TMPDIR");

		dir = xasprintf("%s/showup-demo-XXXXXX", tmp && *tmp ? tmp : "/tmp");
		if (mkdtemp(dir) == NULL) {
			cli_error("cannot create a folder for the demo: %s", strerror(errno));
			goto done;
		}
		path = xasprintf("%s/showup.db", dir);
	}
	if ((cli->st = store_open(path, STORE_CREATE, NULL, &e)) == NULL) {
		cli_error("%s", e.msg);
		goto done;
	}
	printf("demo database: %s\n", path);
	if (load_seeds(cli->st, seeds, &c) < 0)
		goto done;
	putchar('\n');
	rc = view_cohort(cli->st, &c, stdout);
	putchar('\n');
	if (rc == EXIT_OK)
		rc = view_attendance_grid(cli->st, &c, 0, stdout);
	putchar('\n');
	if (rc == EXIT_OK)
		rc = view_status(cli->st, &c, 0, stdout);
	putchar('\n');
	if (rc == EXIT_OK)
		rc = write_reports(cli->st, &c);
	putchar('\n');
	if (rc == EXIT_OK)
		rc = preview_notices(cli->st, &c);
	printf("\nlook around: showup --db %s session list %s\n", path, c.slug);
done:
	cohort_free(&c);
	store_close(cli->st);
	cli->st = NULL;
	free(seeds);
	free(dir);
	free(path);
	return rc;
}

const struct cmd_entry cmd_demo_entry = {
	.name = "demo",
	.summary = "load the sample program into a fresh database and show it",
	.help =
	"The sample cohort (seeds/: a dozen participants, ten sessions of three\n"
	"kinds, a realistic mix of outcomes) goes into a new database in a\n"
	"temporary folder, or into the global --db PATH (showup --db PATH demo).\n"
	"The demo prints the cohort, its attendance grid and its status table,\n"
	"writes the attendance and commitment reports and a sign-in sheet into\n"
	"reports/, plans the notices due and writes their exact messages into\n"
	"reports/notices/, and tells where the database is so you can explore.\n",
	.nargs = CMD_ARGS(0, 0),
	.db = CMD_DB_NONE,
	.exec = cmd_demo_exec
};
