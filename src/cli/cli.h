/* SPDX-License-Identifier: Apache-2.0 */
/* cli.h - what every command file shares: the context, the table entry, helpers. */
#ifndef SHOWUP_CLI_H
#define SHOWUP_CLI_H

#include <getopt.h>
#include <stdio.h>

#include "showup/engine.h"
#include "showup/import.h"
#include "showup/ladder.h"
#include "showup/model.h"
#include "showup/policy-store.h"
#include "showup/report.h"
#include "showup/store.h"
#include "showup/timeutil.h"

/* Exit statuses, as git and most tools use them. */
enum { EXIT_OK = 0, EXIT_FAIL = 1, EXIT_USAGE = 2 };

/*
 * How a command wants the database opened before it runs: not at all;
 * created or brought up to date (init alone); to change; only to read.
 */
enum cmd_db { CMD_DB_NONE, CMD_DB_CREATE, CMD_DB_WRITE, CMD_DB_READ };

/* What a command's first words name, looked up before it runs (tmux's .target). */
enum cmd_target {
	CMD_TARGET_NONE = 0,
	CMD_TARGET_COHORT,		/* SLUG */
	CMD_TARGET_SESSION,		/* SLUG:N */
	CMD_TARGET_COHORT_PERSON,	/* SLUG EMAIL */
	CMD_TARGET_SESSION_PERSON,	/* SLUG:N EMAIL */
};

/* The objects the target named, in hand when exec runs (zeroed where not named). */
struct cli_target {
	struct cohort c;
	struct session s;
	struct participant p;
};

struct cli {
	const char *db_flag;		/* --db PATH, or NULL */
	struct store *st;		/* opened for the command by its cmd_db */
	const struct cmd_entry *entry;	/* the command running */
	struct cli_target target;	/* what the entry's .target named, found */
};

/*
 * One option of a command: the one source of its parsing (cli_getopt), its
 * place in the usage line and its line in the help. A table of them ends
 * with { 0 }.
 */
struct cmd_option {
	const char *name;	/* the long name, without dashes: "dry-run" */
	int short_name;		/* 'n' for -n as well (cli_getopt returns it), or 0 */
	const char *arg;	/* the value's name in the help ("SEP"), or NULL for a flag */
	const char *help;	/* one line, wrapped when printed */
	int key;		/* what cli_getopt returns for a long-only one (OPT_...) */
	int required;		/* the command refuses to run without it: unbracketed in the usage */
};

/*
 * What cli_getopt returns for long options without a short letter: the
 * shared sets' below, each command's own from OPT_OWN up.
 */
enum {
	OPT_CSV = 256, OPT_AT,
	OPT_SEPARATOR, OPT_ENCODING, OPT_DATE_ORDER, OPT_ACCEPT_CHANGES, OPT_CLEAR_EMPTY,
	OPT_PAPER, OPT_FONT, OPT_FALLBACK_FONT, OPT_DATE, OPT_SPLIT,
	OPT_MINUTES, OPT_KIND, OPT_TITLE, OPT_LOCATION, OPT_WITH, OPT_VIA, OPT_REPLACE,
	OPT_EVERY, OPT_COUNT, OPT_UNTIL, OPT_SKIP,
	OPT_COLUMN, OPT_CAPACITY,
	OPT_OWN = 512
};

/*
 * How many positional words a command takes (those not options or their
 * values), as tmux's .args: cmd_dispatch counts them before exec, and says
 * "give ..." (too few) or "unexpected argument" (too many) with exit status 2.
 */
struct cmd_args {
	int checked;		/* 0: the command counts its own (an entry without CMD_ARGS) */
	int min, max;		/* max CMD_ARGS_ANY: no limit */
	const char *give;	/* what to say when too few: "give ..."; NULL: made from .args */
};
#define CMD_ARGS_ANY (-1)
/* .nargs = CMD_ARGS(1, 1): one word; CMD_ARGS(1, 2, "give ...") says so when short. */
#define CMD_ARGS(lo, ...) { .checked = 1, .min = (lo), .max = CMD_ARGS_MAX(__VA_ARGS__, 0), \
	.give = CMD_ARGS_GIVE(__VA_ARGS__, NULL, NULL) }
#define CMD_ARGS_MAX(hi, ...) (hi)
#define CMD_ARGS_GIVE(hi, give, ...) (give)

/* One command, in tmux's style: designated initializers, one file each. */
struct cmd_entry {
	const char *group;	/* "cohort", or NULL for a command of its own */
	const char *name;	/* "add" */
	const char *alias;	/* another name ("ls"), or NULL */
	const char *args;	/* the positional words of the usage: "SLUG FILE.csv" */
	const char *summary;	/* one line for 'showup help' */
	const char *help;	/* the details for 'showup help CMD' and -h, or NULL */
	void (*more_help)(FILE *out);	/* prints details from a table after 'help', or NULL */
	const struct cmd_option *options;	/* ended by { 0 }; NULL for none */
	int options_first;	/* options end at the first other word (values may start with '-') */
	struct cmd_args nargs;	/* how many other words: checked before exec (CMD_ARGS) */
	enum cmd_target target;	/* what the first words name: found before exec */
	int hidden;		/* out of 'showup help' and suggestions: named in full only */
	enum cmd_db db;
	int (*exec)(struct cli *cli, int argc, char **argv);
};

/* Runs the command that argv names (argv[0] is the first word after the globals). */
int cmd_dispatch(struct cli *cli, int argc, char **argv);
/* Prints 'showup help' (every command) or one command's help to 'out'; 0, or 2 if unknown. */
int cmd_help(FILE *out, int argc, char **argv);
/* Finds the entry argv names; sets *used to the words it took. NULL after printing why. */
const struct cmd_entry *cmd_find(int argc, char **argv, int *used);
/* cmd_find without a word said: NULL when argv names no command (or a group alone). */
const struct cmd_entry *cmd_resolve(int argc, char **argv, int *used);
/* Collects the distinct first words of the visible commands (and plain commands' aliases); their count. */
size_t cmd_top_words(const char **words, size_t max);
/* Collects the names and aliases of a group's commands, each beside its entry; their count. */
size_t cmd_group_words(const char *group, const char **words, const struct cmd_entry **entries,
    size_t max);
/* Returns the group a lone word names (in full or by a unique prefix), or NULL. */
const char *cmd_named_group(const char *word);
/* The table of every command, ended by an entry with a NULL name. */
extern const struct cmd_entry *const cmd_table[];

/* Prints the usage line of e ("usage: showup cohort add SLUG ..."), wrapped, to 'out'. */
void cmd_print_usage(FILE *out, const struct cmd_entry *e);
/* Prints e's usage, summary, details and the list of its options to 'out'. */
void cmd_print_help(FILE *out, const struct cmd_entry *e);
/*
 * Counts the positional words of argv for e as cli_getopt will leave them
 * (argv is not changed), the first two in 'words' if not NULL; -1 if an
 * option is wrong (exec will say so).
 */
int cmd_count_args(const struct cmd_entry *e, int argc, char **argv, char **first_extra,
    int max, char *words[2]);
/*
 * Finds what 'target' names in 'words' (SLUG or SLUG:N, then EMAIL) into
 * cli->target, saying what is wrong; an exit status.
 */
int cli_target_find(struct cli *cli, enum cmd_target target, char *const words[2]);
/* Frees what cli_target_find found and zeroes it. */
void cli_target_free(struct cli_target *t);
/* The long options getopt_long is given for e, ended by a NULL name. */
const struct option *cmd_longopts(const struct cmd_entry *e);
/* Checks e's table (keys, names, letters distinct; help given); 0, or -1 with 'e' set. */
int cmd_options_check(const struct cmd_entry *entry, su_err *e);

/* Prints "error: ..." to stderr; returns EXIT_FAIL. */
int cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Prints "error: ..." and the command's usage line to stderr; returns EXIT_USAGE. */
int cli_usage_error(const struct cli *cli, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Prints the full name of a command ("cohort add") into buf. */
const char *cli_command_name(const struct cmd_entry *e, char *buf, size_t size);

/*
 * getopt_long over the running command's table of options (cli->entry):
 * returns an option's key, -1 at the end, or '?' after printing a usage
 * error (the command then returns EXIT_USAGE).
 */
int cli_getopt(struct cli *cli, int argc, char **argv);

/* The option of the commands that send mail (notices send, notices test). */
#define CLI_VIA_OPTION \
	{ .name = "via", .arg = "smtp|sendmail", .key = OPT_VIA, \
	  .help = "sendmail pipes each message to 'sendmail -t -i' ([sendmail] " \
	  "command); default: the config's via, else smtp" }
/* Takes --via's value 'arg' into *via; EXIT_OK, or EXIT_USAGE after saying why. */
int cli_via(const struct cli *cli, const char *arg, const char **via);

/* Looks up a cohort by slug, printing the error; EXIT_OK or EXIT_FAIL. */
int cli_cohort(struct cli *cli, const char *slug, struct cohort *out);
/* Splits "SLUG:N" and finds both, printing errors; EXIT_OK, EXIT_FAIL or EXIT_USAGE. */
int cli_session(struct cli *cli, const char *ref, struct cohort *c, struct session *s);
/* Finds a participant of cohort 'c' by e-mail, printing the error; EXIT_OK or EXIT_FAIL. */
int cli_participant(struct cli *cli, const struct cohort *c, const char *email,
    struct participant *out);
/* Parses a time typed for cohort 'c' in its date order ("now" allowed), printing the error; 0 or -1. */
int cli_time(struct cli *cli, const struct cohort *c, const char *text, int64_t *out);
/* Loads the policy of cohort 'c', printing the error; EXIT_OK or EXIT_FAIL. */
int cli_policy(struct store *st, const struct cohort *c, struct policy *p);

/*
 * Records 'spec' for the target's participant at its session (CMD_TARGET_SESSION_PERSON)
 * in its own transaction and prints what it now counts as. Shared by mark and
 * cancel. Returns the exit status.
 */
int cli_record_one(struct cli *cli, const struct fact_spec *spec, unsigned flags);
struct plan_result;
/* Says how many ladder notices of a plan wait for their review time, and until when. */
/*
 * Loads cohort c's roll as of now under its policy and the notices due in it
 * (outbox_notices_due) into *r and *l, both to free; an exit status (the
 * error said).
 */
struct roll;
struct notice_due_list;
int cli_notices_due(struct store *st, const struct cohort *c, struct roll *r,
    struct notice_due_list *l);
void cli_print_waiting(const struct cohort *c, const struct plan_result *r);

/* What cli_getopt returns for a cohort's options (COHORT_OPTIONS), add's and edit's. */
enum { OPT_COHORT_NAME = OPT_OWN, OPT_COHORT_COACH, OPT_COHORT_COACH_EMAIL, OPT_COHORT_TZ,
	OPT_COHORT_FEE, OPT_COHORT_CURRENCY, OPT_COHORT_STARTS, OPT_COHORT_ENDS,
	OPT_COHORT_LANGUAGE };
/* A cohort's options for a command's table; 'need' marks the four a new cohort needs. */
#define COHORT_OPTIONS(need) \
	{ .name = "name", .arg = "NAME", .key = OPT_COHORT_NAME, .required = (need), \
	  .help = "the program's name, as notices give it" }, \
	{ .name = "coach", .arg = "NAME", .key = OPT_COHORT_COACH, .required = (need), \
	  .help = "the coach's name" }, \
	{ .name = "coach-email", .arg = "ADDR", .key = OPT_COHORT_COACH_EMAIL, \
	  .required = (need), .help = "the coach's e-mail address; notices come from it" }, \
	{ .name = "tz", .arg = "ZONE", .key = OPT_COHORT_TZ, .required = (need), \
	  .help = "an IANA time zone such as Australia/Sydney" }, \
	{ .name = "fee", .arg = "AMOUNT", .key = OPT_COHORT_FEE, \
	  .help = "what a participant pays (1500.00); needs --currency" }, \
	{ .name = "currency", .arg = "CODE", .key = OPT_COHORT_CURRENCY, \
	  .help = "the fee's currency (AUD, EUR, USD...)" }, \
	{ .name = "starts", .arg = "YYYY-MM-DD", .key = OPT_COHORT_STARTS, \
	  .help = "the first day of the program" }, \
	{ .name = "ends", .arg = "YYYY-MM-DD", .key = OPT_COHORT_ENDS, \
	  .help = "the last day of the program" }, \
	{ .name = "language", .arg = "LANG", .key = OPT_COHORT_LANGUAGE, \
	  .help = "what participants read: en, de, fr or es (en)" }
/* Reads a cohort's options (COHORT_OPTIONS) over the fields of c; an exit status. */
int cli_cohort_options(struct cli *cli, int argc, char **argv, struct cohort *c);

/* What session add and session edit read (session-args.c): a session's fields and people. */
#define CLI_SESSION_OPTIONS \
	{ .name = "minutes", .arg = "N", .key = OPT_MINUTES, \
	  .help = "how long it lasts (60)" }, \
	{ .name = "kind", .arg = "group|coaching|practice", .key = OPT_KIND, \
	  .help = "the kind of session (group)" }, \
	{ .name = "title", .arg = "T", .key = OPT_TITLE, .help = "a title" }, \
	{ .name = "location", .arg = "L", .key = OPT_LOCATION, \
	  .help = "where it is held" }, \
	{ .name = "with", .arg = "EMAIL", .key = OPT_WITH, \
	  .help = "a participant a coaching or practice session expects; repeat it for " \
	  "each" }, \
	{ .name = "capacity", .arg = "N", .key = OPT_CAPACITY, \
	  .help = "how many places it has (0: no limit); its people are then those " \
	  "who hold one (showup join)" }

/* The options of a series of sessions (series-args.c): session add's and session pairs'. */
#define CLI_SERIES_OPTIONS \
	{ .name = "every", .arg = "day|week|2weeks", .key = OPT_EVERY, \
	  .help = "a series: one session every day, week or two weeks" }, \
	{ .name = "count", .arg = "N", .key = OPT_COUNT, \
	  .help = "how many sessions the series holds" }, \
	{ .name = "until", .arg = "YYYY-MM-DD", .key = OPT_UNTIL, \
	  .help = "the last day the series may hold one" }, \
	{ .name = "skip", .arg = "YYYY-MM-DD", .key = OPT_SKIP, \
	  .help = "a day of the series with no session; repeat it for each" }
/* A series asked for: its step, count or last day, the days left out (as given), a dry run. */
struct series_args {
	const char *every, *until;
	long long count;
	const char **skip;		/* to free */
	size_t nskip;
	int dry_run;			/* -n, --dry-run */
};
/* Reads one series option (or -n); 1 if 'opt' was one, 0 if not, -1 after a usage error. */
int cli_series_option(struct cli *cli, int opt, struct series_args *a);
/*
 * Lists the starts of the session or series 'a' gives from 'first' (one when
 * no --every) in cohort c's zone into *starts (to free), *n of them; an exit
 * status (what is wrong said).
 */
int cli_series_starts(struct cli *cli, const struct cohort *c, const struct series_args *a,
    int64_t first, int64_t **starts, int *n);

/* The people a command names with --with (or --without), as participant ids. */
struct cli_people {
	const char **emails;
	size_t n;
};

/*
 * Applies one of CLI_SESSION_OPTIONS to 's' (emails of --with gather in
 * 'with'): 1 if 'opt' was one of them, 0 if not, -1 after a usage error.
 */
int cli_session_option(struct cli *cli, int opt, struct session *s, struct cli_people *with);
/* Finds the participants 'people' names, their ids into 'ids' (n of them); EXIT_OK or EXIT_FAIL. */
int cli_people_ids(struct cli *cli, const struct cohort *c, const struct cli_people *people,
    int64_t *ids);

/*
 * Runs a command that takes "SLUG:N" alone and makes one change to the
 * session in a transaction: 'change', then "session SLUG:N <done>" said. On a
 * failure, 'hint' (a command, or NULL) is suggested instead. The exit status.
 */
int cli_session_change(struct cli *cli, int argc, char **argv,
    int (*change)(struct store *st, const struct cohort *c, const struct session *s,
    su_err *e), const char *done, const char *hint);

/* The option of the commands that read SLUG EMAIL with cli_person_at. */
#define CLI_AT_OPTION \
	{ .name = "at", .arg = "TIME", .key = OPT_AT, \
	  .help = "when it happened: a TIME, or now (the default)" }

/*
 * Reads the options of "SLUG EMAIL [--at TIME]" (the cohort and participant
 * are the target's): the moment, now by default, printing what is wrong. An
 * exit status.
 */
int cli_person_at(struct cli *cli, int argc, char **argv, int64_t *when);

/*
 * Reads "SLUG --at TIME" and applies 'change' (slot_add, slot_remove) to that
 * time in one transaction, printing "SLUG: TIME done". Returns the exit status.
 */
int cli_slot_change(struct cli *cli, int argc, char **argv,
    int (*change)(struct store *st, const struct cohort *c, int64_t starts_at, su_err *e),
    const char *done);

/*
 * Settles the open refund offer of the participant argv names (SLUG EMAIL
 * [--at TIME]) as accepted or declined. Shared by refund accept and decline.
 */
int cli_refund_decide(struct cli *cli, int argc, char **argv, enum offer_state decision);

/*
 * Returns where serve's links start: 'flag' (--public-url) if given, else
 * [serve] public_url of the config file, else NULL. The caller frees it.
 */
char *cli_public_url(const char *flag);

/*
 * What 'notices run' does once: plans every cohort and sends what is due; the
 * caller holds the send lock (outbox_lock). 'stop' (may be NULL) is asked between
 * cohorts and messages: nonzero ends the run there, the rest left for the next. An exit status.
 */
int cli_notices_run_locked(struct cli *cli, int (*stop)(void));

struct outbox_row;
/* How notices send sends (cmd-notices-send.c). */
struct send_args {
	const char *via;	/* smtp or sendmail; NULL: the config's via, else smtp */
	size_t limit;		/* at most so many messages; 0: all */
	double rate;		/* a minute; 0: the config's, or none */
};
struct send_counts;
/*
 * Sends the outbox of cohort 'slug' (NULL: of every cohort) by the config
 * file and 'a', counting into 'counts' and printing the counts; the caller
 * holds the send lock. An exit status (1 if a notice failed).
 */
int cli_send_outbox(struct cli *cli, const char *slug, const struct send_args *a,
    struct send_counts *counts);
/*
 * Erases the participants of every cohort past its policy's retention, one
 * transaction a cohort, then makes the file forget; says each cohort (and,
 * unless 'quiet', that there was none). With 'dry_run', only says. An exit
 * status (cmd-retention.c; notices run calls it too).
 */
int cli_retention(struct cli *cli, int dry_run, int quiet);
struct notice_templates;
/*
 * Loads the templates cohort c's policy p needs (the ladder's, the reminder's,
 * the change notices' and the coach's), in every language, each notice from
 * 'dir' (NULL: the policy's folder, else $SHOWUP_TEMPLATES) when it holds it,
 * else the shipped set of its language, else the English one
 * (notice_templates_load_langs); 0, or -1 after printing why (cmd-notices-plan.c).
 */
struct cohort;
int cli_notice_templates(const char *dir, const struct cohort *c, const struct policy *p,
    struct notice_templates *t);

/*
 * notices hold (hold 1) and release (0): ID, --participant EMAIL or --cohort
 * SLUG, under the send lock; an exit status (cmd-notices-hold.c).
 */
int cli_notices_hold(struct cli *cli, int argc, char **argv, int hold);
/* Writes 'len' bytes to 'path' (its folders made, atomically), printing where; an exit status. */
int cli_write_file(const char *path, const void *data, size_t len);
/* Writes one outbox message as DIR/ID-KIND.eml (atomically), printing where; an exit status. */
int cli_write_eml(const char *dir, const struct outbox_row *o);

/* The options of every import command (import-args.c). */
#define CLI_IMPORT_OPTIONS \
	{ .name = "dry-run", .short_name = 'n', \
	  .help = "check, list every field that would change (old -> new), and write " \
	  "nothing" }, \
	{ .name = "separator", .arg = "SEP", .key = OPT_SEPARATOR, \
	  .help = "',', ';', tab or '|' (default: what the header row uses, or " \
	  "Excel's 'sep=;' first line)" }, \
	{ .name = "encoding", .arg = "NAME", .key = OPT_ENCODING, \
	  .help = "the file's encoding, any name iconv knows (default UTF-8, or " \
	  "UTF-16 by its BOM; a file that is not UTF-8 is read as Windows-1252 or -1250, with " \
	  "a note)" }, \
	{ .name = "date-order", .arg = "dmy|mdy|ymd", .key = OPT_DATE_ORDER, \
	  .help = "how the file writes dates such as 4/3/2027 (default: the " \
	  "cohort's date.order policy setting)" }, \
	{ .name = "accept-changes", .key = OPT_ACCEPT_CHANGES, \
	  .help = "take values that look double-encoded ('JosÃ©' for 'José') where " \
	  "the stored value is clean (refused by default)" }, \
	{ .name = "clear-empty", .key = OPT_CLEAR_EMPTY, \
	  .help = "an empty cell clears its field (by default it leaves it; a column " \
	  "the file lacks always leaves its field)" }, \
	{ .name = "column", .arg = "FIELD=HEADER", .key = OPT_COLUMN, \
	  .help = "the column headed HEADER holds FIELD (a header in no language " \
	  "known; repeat it for each)" }

/*
 * Runs an import command (import-args.c): "[SLUG] FILE [options]", the import
 * in one transaction, then its outcome, notes and hints. Returns the exit status.
 */
int cli_import(struct cli *cli, int argc, char **argv, enum import_what what);
/* Prints the header words each field of an import of 'what' is found by (help). */
void cli_import_words(FILE *out, enum import_what what);
/* Progress of a long import on stderr when it is a terminal. */
void cli_import_progress(void *arg, size_t rows, long long bytes);
/* Sets up progress reporting in 'r' if stderr is a terminal. */
void cli_import_progress_setup(struct import_result *r);

/* The options every report command takes (report-args.c). */
struct report_args {
	const char *output;		/* -o FILE.pdf, or NULL: reports/SLUG-KIND-DATE.pdf */
	int letter;			/* --paper letter */
	const char *font, *fallback_font;
	const char *date;		/* --date YYYY-MM-DD: the report as of the end of that day */
	const char *split;		/* --split DIR: a file per participant there (commitment) */
};

/* The options of every report command (report-args.c). */
#define CLI_REPORT_OPTIONS \
	{ .name = "output", .short_name = 'o', .arg = "FILE.pdf", \
	  .help = "where to write (default reports/SLUG-KIND-DATE.pdf)" }, \
	{ .name = "paper", .arg = "a4|letter", .key = OPT_PAPER, \
	  .help = "paper size (A4)" }, \
	{ .name = "date", .arg = "YYYY-MM-DD", .key = OPT_DATE, \
	  .help = "the record as of the end of that day; the same data and date give " \
	  "the same file, byte for byte (default: now)" }, \
	{ .name = "font", .arg = "FILE", .key = OPT_FONT, \
	  .help = "a TrueType font (default DejaVu Sans)" }, \
	{ .name = "fallback-font", .arg = "FILE", .key = OPT_FALLBACK_FONT, \
	  .help = "a TrueType font for scripts the first lacks (CJK); by default one " \
	  "that fontconfig finds, '' for none" }

/* Reads CLI_REPORT_OPTIONS, leaving optind at the first other word; an exit status. */
int cli_report_args(struct cli *cli, int argc, char **argv, struct report_args *out);
/*
 * Writes one report of cohort c: works out its moment and file (creating the
 * reports/ folder, or the --split folder, which rq->path then names), calls 'draw',
 * prints warnings and where it wrote. An exit status.
 */
int cli_report_run(const struct report_args *a, const struct cohort *c, const char *kind,
    int (*draw)(struct report_request *rq, void *arg, su_err *e), void *arg);

/* The option of every view that can print CSV (cli_show_cohort and the lists). */
#define CLI_CSV_OPTION \
	{ .name = "csv", .key = OPT_CSV, \
	  .help = "print RFC 4180 CSV, for spreadsheets and scripts" }

/*
 * Runs a view of one cohort for a command that takes "SLUG [--csv]": parses
 * them, finds the cohort, prints the view to stdout. Returns the exit status.
 */
int cli_show_cohort(struct cli *cli, int argc, char **argv,
    int (*view)(struct store *st, const struct cohort *c, int csv, FILE *out));

/* Shared views (views.c): one way to print each thing. */
/* Prints a cohort: coach, zone, fee, dates, people and sessions counted; an exit status. */
int view_cohort(struct store *st, const struct cohort *c, FILE *out);
int view_attendance_grid(struct store *st, const struct cohort *c, int csv, FILE *out);
/* The status table (view-status.c): figures, points, notices, refund offers; an exit status. */
int view_status(struct store *st, const struct cohort *c, int csv, FILE *out);

#endif
