/* SPDX-License-Identifier: Apache-2.0 */
/* cmd-attendance-from-meeting.c - showup attendance from-meeting: the roll of an online
 * session from its Zoom, Teams, Google Meet or Webex participant report. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "showup/meeting.h"
#include "showup/table.h"
#include "showup/words.h"

/* What a report whose dates read two ways needs. */
#define ORDER_HINT "hint: --date-order dmy or mdy says how the report writes dates\n"

/* What cli_getopt returns for the long-only options of the table below. */
enum { OPT_FORMAT = OPT_OWN, OPT_APPLY, OPT_MAP, OPT_ABSENT_IF_UNMATCHED };

/* What the command was asked. */
struct from_meeting {
	enum meeting_format format;
	enum date_order order;
	const char *map;
	int apply;
	int absent_if_unmatched;	/* no-shows recorded even while someone is unmatched */
	int replace;		/* the call replaces what participants told us */
	const char *encoding;	/* --encoding: the report's, or NULL to sniff */
};

/* Reads the options into fm; an exit status. */
static int
parse_options(struct cli *cli, int argc, char **argv, struct from_meeting *fm)
{
	int opt;

	while ((opt = cli_getopt(cli, argc, argv)) != -1) {
		if (opt == OPT_FORMAT && meeting_format_parse(optarg, &fm->format) < 0)
			return cli_usage_error(cli, "--format is zoom, teams, teams-log, meet, "
			    "webex or auto, not '%s'", optarg);
		else if (opt == OPT_FORMAT)
			continue;
		else if (opt == OPT_DATE_ORDER && date_order_parse(optarg, &fm->order) == 0 &&
		    fm->order != DATE_ORDER_YMD)
			continue;
		else if (opt == OPT_DATE_ORDER)
			return cli_usage_error(cli, "--date-order is dmy or mdy, not '%s'", optarg);
		else if (opt == OPT_MAP)
			fm->map = optarg;
		else if (opt == OPT_APPLY)
			fm->apply = 1;
		else if (opt == OPT_ABSENT_IF_UNMATCHED)
			fm->absent_if_unmatched = 1;
		else if (opt == OPT_REPLACE)
			fm->replace = 1;
		else if (opt == OPT_ENCODING)
			fm->encoding = optarg;
		else
			return EXIT_USAGE;
	}
	return EXIT_OK;
}

/* The people of the session: who is expected, and what each has on record. */
struct session_people {
	struct participant_list people;
	int *expected;
	struct attendance *facts;
	const struct attendance **fact_of;
};

/* Loads the roster with who session s expects and their recorded facts; 0 or -1. */
static int
load_people(struct store *st, const struct cohort *c, const struct session *s,
    struct session_people *sp, su_err *e)
{
	if (participant_list_all(st, c->id, 1, &sp->people, e) < 0)
		return -1;
	sp->expected = xcalloc(sp->people.n + 1, sizeof *sp->expected);
	sp->facts = xcalloc(sp->people.n + 1, sizeof *sp->facts);
	sp->fact_of = xcalloc(sp->people.n + 1, sizeof *sp->fact_of);
	for (size_t i = 0; i < sp->people.n; i++) {
		int rc = session_expects(st, s, &sp->people.v[i], e);

		if (rc < 0)
			return -1;
		sp->expected[i] = rc;
		rc = attendance_get(st, s->id, sp->people.v[i].id, &sp->facts[i], e);
		if (rc < 0)
			return -1;
		sp->fact_of[i] = rc == 1 ? &sp->facts[i] : NULL;
	}
	return 0;
}

/* Releases what load_people took. */
static void
free_people(struct session_people *sp)
{
	for (size_t i = 0; i < sp->people.n && sp->facts; i++)
		if (sp->fact_of[i] != NULL)
			attendance_free(&sp->facts[i]);
	free(sp->expected);
	free(sp->facts);
	free(sp->fact_of);
	participant_list_free(&sp->people);
}

/* Prints whom the file left unmatched, as lines of an aliases file to fill in. */
static void
print_unmatched(const struct meeting_plan *plan)
{
	if (plan->nunmatched > 0) {
		puts("\nmatched to nobody (never guessed); to match them, add lines like "
		    "these to an\naliases file and give it with --map:");
		for (size_t k = 0; k < plan->nunmatched; k++) {
			struct strbuf line = STRBUF_INIT;
			const char *fields[] = { plan->unmatched[k]->name, "EMAIL-OF-PARTICIPANT" };

			csvw_record(&line, fields, 2);
			printf("  %.*s\n", (int)line.len - 2, line.buf);
			sb_free(&line);
		}
	}
}

/* Prints who was in the call though they had told us otherwise: what they told us stands. */
static void
print_kept(const struct meeting_plan *plan, const struct session_people *sp,
    const struct cohort *c, const struct session *s, const struct policy *pol)
{
	int first = 1;

	for (size_t k = 0; k < plan->n; k++) {
		const struct meeting_verdict *v = &plan->v[k];
		char *words;

		if (v->kept == NULL)
			continue;
		if (first)
			puts("\nin the call, though they told us otherwise (what they told us "
			    "stands):");
		first = 0;
		words = attendance_in_words(pol, c->tz, s, v->kept);
		printf("  %s <%s>: %s; was in the call for %d min; left as it is; --replace "
		    "to record the call\n", sp->people.v[v->person].name,
		    sp->people.v[v->person].email, words, v->minutes);
		free(words);
	}
}

/* Prints the plan: one row per expected participant, then whom the file left unmatched. */
static void
print_plan(const struct meeting_plan *plan, const struct session_people *sp,
    const struct cohort *c, const struct session *s, const struct policy *pol)
{
	static const char *const headers[] = { "participant", "email", "matched by", "joined",
		"in session", "record" };
	static const char *const how_names[] = { "-", "e-mail", "name", "alias" };
	struct table *t = table_new(ARRAY_SIZE(headers), headers);

	table_set_align(t, 4, ALIGN_RIGHT);
	for (size_t k = 0; k < plan->n; k++) {
		const struct meeting_verdict *v = &plan->v[k];
		const struct participant *p = &sp->people.v[v->person];
		char joined[40] = "", minutes[16] = "", record[96];

		if (v->seen != NULL) {
			time_format_local(c->tz, v->first_join, joined, sizeof joined);
			snprintf(minutes, sizeof minutes, "%d", v->minutes);
		}
		if (v->fact.fact == FACT_ARRIVED && strcmp(v->why, "late") == 0 &&
		    v->late_seconds % 60 != 0)
			snprintf(record, sizeof record, "%s (%d min %d s)%s", v->why,
			    v->late_seconds / 60, v->late_seconds % 60,
			    v->left_early ? ", left early" : "");
		else if (v->fact.fact == FACT_ARRIVED && strcmp(v->why, "late") == 0)
			snprintf(record, sizeof record, "%s (%d min)%s", v->why,
			    v->late_seconds / 60, v->left_early ? ", left early" : "");
		else
			snprintf(record, sizeof record, "%s%s", v->why,
			    v->left_early ? ", left early" : "");
		table_add_row(t, (const char *const[]){ p->name, p->email, how_names[v->how],
		    joined, minutes, record });
	}
	table_print(t, stdout);
	table_free(t);
	print_kept(plan, sp, c, s, pol);
	if (plan->nunexpected > 0) {
		puts("\nin the meeting, but not expected at this session (not recorded):");
		for (size_t k = 0; k < plan->nunexpected; k++)
			printf("  %s%s%s%s\n", plan->unexpected[k]->name,
			    *plan->unexpected[k]->email ? " <" : "", plan->unexpected[k]->email,
			    *plan->unexpected[k]->email ? ">" : "");
	}
	print_unmatched(plan);
}

/*
 * Records every verdict of the plan (the caller's transaction), counting
 * changed[0 unchanged, 1 added, 2 corrected] and those kept; 0 or -1 with 'e'.
 */
static int
record_plan(struct cli *cli, const struct cohort *c, const struct session *s,
    const struct policy *pol, const struct meeting_plan *plan, const struct session_people *sp,
    unsigned flags, size_t changed[3], size_t *kept, su_err *e)
{
	int64_t now = time_now();
	int rc = 0;

	for (size_t k = 0; k < plan->n && rc >= 0; k++) {
		const struct meeting_verdict *v = &plan->v[k];

		if (v->fact.fact == FACT_NONE) {
			*kept += !v->held;
			continue;
		}
		rc = attendance_record_fact(cli->st, c, pol, s, &sp->people.v[v->person],
		    &v->fact, flags, now, e);
		if (rc >= 0)
			changed[rc]++;
	}
	return rc < 0 ? -1 : 0;
}

/* Records the plan in one transaction; an exit status. */
static int
apply_plan(struct cli *cli, const struct cohort *c, const struct session *s,
    const struct policy *pol, const struct meeting_plan *plan, const struct session_people *sp,
    const struct from_meeting *fm, const char *file, size_t held)
{
	size_t changed[3] = { 0, 0, 0 }, kept = 0;
	char *source = xasprintf("meeting %s", file);
	int rc;
	su_err e;

	store_set_source(cli->st, source);
	free(source);
	rc = STORE_TX(cli->st, &e, record_plan(cli, c, s, pol, plan, sp,
	    fm->replace ? RECORD_REPLACE : 0, changed, &kept, &e));
	store_set_source(cli->st, "cli");
	if (rc < 0)
		return cli_error("%s; nothing was recorded", e.msg);
	printf("\nrecorded %s:%d: %zu added, %zu corrected, %zu unchanged, %zu kept",
	    c->slug, s->number, changed[1], changed[2], changed[0], kept);
	if (held > 0)
		printf(", %zu left unrecorded (?)", held);
	putchar('\n');
	return EXIT_OK;
}

/* Reads the report, checks it whole, and prints (or records) what it says. */
static int
run(struct cli *cli, const struct from_meeting *fm, const struct cohort *c,
    const struct session *s, const char *path)
{
	struct meeting_aliases aliases = { 0 };
	struct session_people sp = { 0 };
	struct meeting_plan plan = { 0 };
	struct meeting m = { 0 };
	const char *slash = strrchr(path, '/');
	const char *file = slash ? slash + 1 : path;
	struct policy p;
	size_t held;
	int rc = EXIT_FAIL;
	su_err e;

	if (cli_policy(cli->st, c, &p) != EXIT_OK)
		return EXIT_FAIL;
	if (meeting_read_for(path, file, fm->encoding, fm->format, fm->order, c->tz, s->starts_at,
	    s->starts_at + (int64_t)s->minutes * 60, &m, &e) < 0 ||
	    (fm->map != NULL && meeting_aliases_read(fm->map, &aliases, &e) < 0) ||
	    load_people(cli->st, c, s, &sp, &e) < 0) {
		cli_error("%s", e.msg);
		if (m.order_needed)
			fputs(ORDER_HINT, stderr);
		goto done;
	}
	if (m.bad_rows > 0) {
		fputs(sb_str(&m.problems), stderr);
		if (m.bad_rows > 20)
			fprintf(stderr, "... and %zu more bad %s\n", m.bad_rows - 20,
			    plural((long long)(m.bad_rows - 20), "row", "rows"));
		cli_error("%s: %zu bad row%s; nothing was recorded", file, m.bad_rows,
		    m.bad_rows == 1 ? "" : "s");
		if (m.order_needed)
			fputs(ORDER_HINT, stderr);
		goto done;
	}
	if (!meeting_overlaps(&m, s->starts_at, s->starts_at + (int64_t)s->minutes * 60)) {
		char when[48];

		cli_error("%s: nobody in it was in the meeting during session %s:%d (%s, %d "
		    "minutes): is it the report of another session%s?", file, c->slug, s->number,
		    time_format_local(c->tz, s->starts_at, when, sizeof when), s->minutes,
		    fm->order != DATE_ORDER_UNKNOWN ? ", or is --date-order wrong" : "");
		goto done;
	}
	printf("%s report %s: %zu %s, %zu %s; session %s:%d, %s\n",
	    meeting_format_name(m.format), file, m.rows, plural((long long)m.rows, "row",
	    "rows"), m.n, plural((long long)m.n, "person", "people"), c->slug, s->number,
	    session_kind_name(s->kind));
	if (fm->format == MEETING_AUTO)
		printf("told by its header: %s\n", meeting_format_seen(m.format));
	if (m.encoding[0] != '\0')
		printf("note: %s is not UTF-8; read as %s\n", file, m.encoding);
	if (m.order_by_session != DATE_ORDER_UNKNOWN)
		printf("its dates read both ways: %s first, the reading that matches the "
		    "session's date\n", m.order_by_session == DATE_ORDER_DMY ? "day" : "month");
	putchar('\n');
	meeting_plan(&m, s, c, &p, &sp.people, sp.expected, sp.fact_of, &aliases, fm->replace,
	    &plan);
	held = fm->absent_if_unmatched ? 0 : meeting_plan_hold(&plan);
	print_plan(&plan, &sp, c, s, &p);
	if (held > 0)
		printf("\n%zu expected participant%s not found in the report left unrecorded (?):\n"
		    "%zu %s in the report matched to nobody and may be %s. Match them with --map\n"
		    "and run again, or give --absent-if-unmatched to record no-shows anyway.\n",
		    held, held == 1 ? "" : "s", plan.nunmatched,
		    plan.nunmatched == 1 ? "person" : "people", held == 1 ? "them" : "any of them");
	if (fm->apply)
		rc = apply_plan(cli, c, s, &p, &plan, &sp, fm, file, held);
	else {
		puts("\ndry run: nothing was recorded; add --apply to record this");
		rc = EXIT_OK;
	}
done:
	meeting_plan_free(&plan);
	meeting_aliases_free(&aliases);
	meeting_free(&m);
	free_people(&sp);
	return rc;
}

/* Parses the command line and runs it for one session. */
static int
cmd_attendance_from_meeting_exec(struct cli *cli, int argc, char **argv)
{
	struct from_meeting fm = { MEETING_AUTO, DATE_ORDER_UNKNOWN, NULL, 0, 0, 0, NULL };
	const struct session *s = &cli->target.s;
	const struct cohort *c = &cli->target.c;
	int rc;

	if ((rc = parse_options(cli, argc, argv, &fm)) != EXIT_OK)
		return rc;
	if (s->cancelled)
		rc = cli_error("session %s:%d was cancelled by the coach", c->slug, s->number);
	else if (time_now() < s->starts_at)
		rc = cli_error("session %s:%d has not started yet", c->slug, s->number);
	else
		rc = run(cli, &fm, c, s, argv[optind + 1]);
	return rc;
}

const struct cmd_entry cmd_attendance_from_meeting_entry = {
	.group = "attendance",
	.name = "from-meeting",
	.args = "SLUG:N FILE",
	.summary = "take the roll of an online session from its meeting report",
	.help =
	"Reads a Zoom participant export (CSV, with or without the meeting block),\n"
	"a Teams attendance report (UTF-16 or UTF-8, tab-separated), the older\n"
	"Teams User Action list (Joined/Left pairs), a Google Meet attendance\n"
	"export (the current one: Full Name, First Seen, Time in Call; or the\n"
	"older one) or a Webex attendee report; headers in English, German,\n"
	"French, Spanish, Portuguese, Polish or Japanese. Several joins of one\n"
	"person make one stay, their time added up. People are matched by\n"
	"e-mail, then by a name only one participant has ('Last, First',\n"
	"'SURNAME Given', accents, case, initials and Zoom's '(Original Name)'\n"
	"aside), then by the aliases file of --map (lines\n"
	"'Bob's iPhone,bob@example.com'); the rest are listed, never guessed.\n"
	"The coach and the organiser are not participants. Dates that read both\n"
	"day and month first are read the way that meets the session.\n\n"
	"The first join decides present or late (the policy's grace, to the\n"
	"second); a stay under the policy's left_early share of the session is\n"
	"noted (never from Meet's current export: it has no leave time). Someone\n"
	"in the call who had cancelled, was excused or moved their\n"
	"place keeps what they told us unless --replace records the call (the dry\n"
	"run lists them; 'showup unmark' brings a replaced record back).\n"
	"Expected people not in the meeting become no-shows, unless they\n"
	"had cancelled, were excused or were marked present by hand; while anyone\n"
	"in the report is matched to nobody they are left unrecorded ('?')\n"
	"instead, for that one may be them (--absent-if-unmatched records them).\n"
	"Without --apply nothing is written; with it, one transaction, and the\n"
	"audit log names the file. A file with a bad row (a time that does not\n"
	"read, a leave before a join) records nothing.\n",
	.options = (const struct cmd_option[]){
		{ .name = "format", .arg = "zoom|teams|teams-log|meet|webex|auto", .key = OPT_FORMAT,
		  .help = "the report's kind; auto (the default) tells them apart by "
		  "their content" },
		{ .name = "apply", .key = OPT_APPLY,
		  .help = "record the roll (without it nothing is written)" },
		{ .name = "absent-if-unmatched", .key = OPT_ABSENT_IF_UNMATCHED,
		  .help = "record no-shows even while someone in the report is matched "
		  "to nobody" },
		{ .name = "replace", .key = OPT_REPLACE,
		  .help = "record the call over a cancellation, excuse or move the "
		  "participant gave" },
		{ .name = "map", .arg = "ALIASES.csv", .key = OPT_MAP,
		  .help = "match meeting names to participants: lines NAME,EMAIL" },
		{ .name = "encoding", .arg = "NAME", .key = OPT_ENCODING,
		  .help = "the report's encoding, any name iconv knows (default: UTF-8 or "
		  "UTF-16 by its BOM, else Windows-1252 or -1250, whichever fits, with a "
		  "note)" },
		{ .name = "date-order", .arg = "dmy|mdy", .key = OPT_DATE_ORDER,
		  .help = "settles dates like 03/04 when neither the file nor the "
		  "session's date can" },
		{ 0 }
	},
	.nargs = CMD_ARGS(2, 2, "give a session (SLUG:N) and the meeting's report"),
	.target = CMD_TARGET_SESSION,
	.db = CMD_DB_WRITE,
	.exec = cmd_attendance_from_meeting_exec
};
