/* cmd-session-add.c - showup session add: schedule one session. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "commands.h"
#include "showup/timeutil.h"

/* What cli_getopt returns for the long-only options of the table below. */
enum { OPT_MINUTES = OPT_OWN, OPT_KIND, OPT_TITLE, OPT_LOCATION, OPT_WITH };

/* Resolves each --with e-mail to a participant id; EXIT_OK or EXIT_FAIL. */
static int
resolve_with(struct cli *cli, const struct cohort *c, char **emails, size_t n,
    int64_t *ids)
{
	for (size_t i = 0; i < n; i++) {
		struct participant p;

		if (cli_participant(cli, c, emails[i], &p) != EXIT_OK)
			return EXIT_FAIL;
		ids[i] = p.id;
		participant_free(&p);
	}
	return EXIT_OK;
}

/* Schedules the session the options describe. */
static int
cmd_session_add_exec(struct cli *cli, int argc, char **argv)
{
	struct session s = { .minutes = 60, .kind = SESSION_GROUP, .title = "",
		.location = "" };
	char **with = xcalloc((size_t)argc, sizeof *with);
	int64_t *ids = xcalloc((size_t)argc, sizeof *ids);
	const char *at = NULL;
	size_t nwith = 0;
	struct cohort c = { 0 };
	int opt, kind, number, rc = EXIT_USAGE;
	char when[40];
	long long v;
	su_err e;

	while ((opt = cli_getopt(cli, argc, argv)) != -1) {
		switch (opt) {
		case OPT_AT: at = optarg; break;
		case OPT_TITLE: s.title = optarg; break;
		case OPT_LOCATION: s.location = optarg; break;
		case OPT_WITH: with[nwith++] = optarg; break;
		case OPT_MINUTES:
			if (parse_int(optarg, 1, 1440, &v) < 0) {
				cli_usage_error(cli, "--minutes takes 1 to 1440, not '%s'", optarg);
				goto done;
			}
			s.minutes = (int)v;
			break;
		case OPT_KIND:
			if ((kind = session_kind_parse(optarg)) < 0) {
				cli_usage_error(cli, "unknown kind '%s' (group, coaching, "
				    "practice)", optarg);
				goto done;
			}
			s.kind = (enum session_kind)kind;
			break;
		default:
			goto done;
		}
	}
	if (optind + 1 != argc || at == NULL) {
		cli_usage_error(cli, optind + 1 != argc ? "give one cohort (SLUG)"
		    : "--at is needed (\"YYYY-MM-DD HH:MM\")");
		goto done;
	}
	rc = EXIT_FAIL;
	if (cli_cohort(cli, argv[optind], &c) != EXIT_OK ||
	    cli_time(cli, &c, at, &s.starts_at) < 0 ||
	    resolve_with(cli, &c, with, nwith, ids) != EXIT_OK)
		goto done;
	if ((number = STORE_TX(cli->st, &e, session_add(cli->st, &c, &s, ids, nwith,
	    &e))) < 0) {
		cli_error("%s", e.msg);
		if (s.kind != SESSION_GROUP && nwith == 0)
			fputs("hint: name them with --with EMAIL (once for each)\n", stderr);
		else if (s.kind == SESSION_GROUP && nwith > 0)
			fputs("hint: drop --with, or give --kind coaching or practice\n", stderr);
		goto done;
	}
	printf("added session %s:%d, %s %s, %d min\n", c.slug, number,
	    session_kind_name(s.kind), time_format_human(c.tz, s.starts_at, when,
	    sizeof when), s.minutes);
	rc = EXIT_OK;
done:
	cohort_free(&c);
	free(with);
	free(ids);
	return rc;
}

const struct cmd_entry cmd_session_add_entry = {
	.group = "session",
	.name = "add",
	.args = "SLUG",
	.summary = "schedule a session",
	.help =
	"The session gets the next number of the cohort, kept for good. A group\n"
	"session expects every active participant; a coaching or practice\n"
	"session expects those named with --with.\n",
	.options = (const struct cmd_option[]){
		{ .name = "at", .arg = "TIME", .key = OPT_AT, .required = 1,
		  .help = "the start, \"YYYY-MM-DD HH:MM\" in the cohort's local time "
		  "unless it carries an offset (2027-03-01T09:00+11:00)" },
		{ .name = "minutes", .arg = "N", .key = OPT_MINUTES,
		  .help = "how long it lasts (60)" },
		{ .name = "kind", .arg = "group|coaching|practice", .key = OPT_KIND,
		  .help = "the kind of session (group)" },
		{ .name = "title", .arg = "T", .key = OPT_TITLE,
		  .help = "a title" },
		{ .name = "location", .arg = "L", .key = OPT_LOCATION,
		  .help = "where it is held" },
		{ .name = "with", .arg = "EMAIL", .key = OPT_WITH,
		  .help = "a participant a coaching or practice session expects; "
		  "repeat it for each" },
		{ 0 }
	},
	.db = CMD_DB_WRITE,
	.exec = cmd_session_add_exec
};
