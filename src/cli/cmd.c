/* SPDX-License-Identifier: Apache-2.0 */
/* cmd.c - the table of every command, and finding one by name, prefix or near miss. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "commands.h"

const struct cmd_entry *const cmd_table[] = {
	&cmd_init_entry,
	&cmd_cohort_add_entry,
	&cmd_cohort_edit_entry,
	&cmd_cohort_import_entry,
	&cmd_cohort_list_entry,
	&cmd_cohort_show_entry,
	&cmd_participant_add_entry,
	&cmd_participant_import_entry,
	&cmd_participant_list_entry,
	&cmd_participant_edit_entry,
	&cmd_participant_withdraw_entry,
	&cmd_participant_reinstate_entry,
	&cmd_participant_export_data_entry,
	&cmd_participant_erase_entry,
	&cmd_session_add_entry,
	&cmd_session_pairs_entry,
	&cmd_session_repair_entry,
	&cmd_session_import_entry,
	&cmd_session_list_entry,
	&cmd_session_edit_entry,
	&cmd_session_cancel_entry,
	&cmd_session_uncancel_entry,
	&cmd_session_delete_entry,
	&cmd_mark_entry,
	&cmd_unmark_entry,
	&cmd_cancel_entry,
	&cmd_join_entry,
	&cmd_reschedule_entry,
	&cmd_review_entry,
	&cmd_slot_add_entry,
	&cmd_slot_list_entry,
	&cmd_slot_remove_entry,
	&cmd_rollcall_entry,
	&cmd_serve_entry,
	&cmd_attendance_import_entry,
	&cmd_attendance_export_entry,
	&cmd_attendance_show_entry,
	&cmd_attendance_from_meeting_entry,
	&cmd_policy_show_entry,
	&cmd_policy_set_entry,
	&cmd_status_entry,
	&cmd_notices_due_entry,
	&cmd_notices_plan_entry,
	&cmd_notices_list_entry,
	&cmd_notices_preview_entry,
	&cmd_notices_send_entry,
	&cmd_notices_test_entry,
	&cmd_notices_resend_entry,
	&cmd_notices_hold_entry,
	&cmd_notices_release_entry,
	&cmd_notices_drop_entry,
	&cmd_notices_run_entry,
	&cmd_calendar_entry,
	&cmd_template_check_entry,
	&cmd_refund_list_entry,
	&cmd_refund_offer_entry,
	&cmd_refund_accept_entry,
	&cmd_refund_decline_entry,
	&cmd_report_attendance_entry,
	&cmd_report_commitment_entry,
	&cmd_report_sheet_entry,
	&cmd_log_entry,
	&cmd_backup_entry,
	&cmd_retention_entry,
	&cmd_demo_entry,
	&cmd_doctor_entry,
	&cmd_help_entry,
	&cmd_options_entry,
	&cmd_complete_entry,
	NULL
};

/* Returns the first word that names entry e: its group, or its own name. */
static const char *
first_word(const struct cmd_entry *e)
{
	return e->group ? e->group : e->name;
}

/*
 * Prints a "did you mean" line for the words near 'word' among 'words': those
 * it begins (an ambiguous prefix) or is a small typo away from.
 */
static void
suggest(const char *word, const char *const *words, size_t n)
{
	size_t len = strlen(word);
	int shown = 0;

	for (size_t i = 0; i < n; i++) {
		int limit = strlen(words[i]) > 4 ? 2 : 1;

		if (strncmp(word, words[i], len) != 0 && edit_distance(word, words[i]) > limit)
			continue;
		if (i > 0 && strcmp(words[i - 1], words[i]) == 0)
			continue;
		fprintf(stderr, "%s '%s'", shown ? " or" : "did you mean", words[i]);
		shown = 1;
	}
	if (shown)
		fputs("?\n", stderr);
}

/*
 * Picks the one word of 'words' that 'word' names: exactly, else as the unique
 * prefix; words of the same owner (a name and its alias) count as one when
 * 'owners' is given. Returns its index, -1 if none, -2 if ambiguous.
 */
static int
pick_word(const char *word, const char *const *words, const void *const *owners, size_t n)
{
	size_t len = strlen(word);
	int found = -1;

	for (size_t i = 0; i < n; i++)
		if (strcmp(word, words[i]) == 0)
			return (int)i;
	for (size_t i = 0; i < n; i++) {
		if (strncmp(word, words[i], len) != 0)
			continue;
		if (found >= 0 && strcmp(words[found], words[i]) != 0 &&
		    (owners == NULL || owners[found] != owners[i]))
			return -2;
		found = (int)i;
	}
	return found;
}

size_t
cmd_top_words(const char **words, size_t max)
{
	size_t n = 0;

	for (size_t i = 0; cmd_table[i] != NULL && n + 2 < max; i++) {
		const struct cmd_entry *e = cmd_table[i];
		size_t k;

		if (e->hidden)
			continue;
		for (k = 0; k < n; k++)
			if (strcmp(words[k], first_word(e)) == 0)
				break;
		if (k == n)
			words[n++] = first_word(e);
		if (e->group == NULL && e->alias != NULL)
			words[n++] = e->alias;
	}
	return n;
}

size_t
cmd_group_words(const char *group, const char **words, const struct cmd_entry **entries,
    size_t max)
{
	size_t n = 0;

	for (size_t i = 0; cmd_table[i] != NULL && n + 2 < max; i++) {
		const struct cmd_entry *e = cmd_table[i];

		if (e->group == NULL || strcmp(e->group, group) != 0)
			continue;
		entries[n] = e;
		words[n++] = e->name;
		if (e->alias != NULL) {
			entries[n] = e;
			words[n++] = e->alias;
		}
	}
	return n;
}

/* Finds the command of a group: words after the group name. NULL after printing why, unless 'quiet'. */
static const struct cmd_entry *
find_in_group(const char *group, const char *word, int quiet)
{
	const char *words[32];
	const struct cmd_entry *entries[32];
	size_t n = cmd_group_words(group, words, entries, ARRAY_SIZE(words));
	int k = word != NULL ? pick_word(word, words, (const void *const *)entries, n) : -1;

	if (k >= 0 || quiet)
		return k >= 0 ? entries[k] : NULL;
	if (word == NULL) {
		fprintf(stderr, "error: '%s' needs a subcommand:", group);
		for (size_t i = 0; i < n; i++)
			if (words[i] == entries[i]->name)
				fprintf(stderr, " %s", words[i]);
		fputc('\n', stderr);
		return NULL;
	}
	if (k == -2)
		fprintf(stderr, "error: '%s %s' is ambiguous\n", group, word);
	else
		fprintf(stderr, "error: '%s %s' is not a showup command\n", group, word);
	suggest(word, words, n);
	return NULL;
}

/* Returns the hidden command named 'word' in full, or NULL. */
static const struct cmd_entry *
hidden_command(const char *word)
{
	for (size_t i = 0; cmd_table[i] != NULL; i++)
		if (cmd_table[i]->hidden && strcmp(cmd_table[i]->name, word) == 0)
			return cmd_table[i];
	return NULL;
}

/* cmd_find and cmd_resolve: the entry argv names, saying why there is none unless 'quiet'. */
static const struct cmd_entry *
find_command(int argc, char **argv, int *used, int quiet)
{
	const char *words[64];
	size_t n = cmd_top_words(words, ARRAY_SIZE(words));
	int k = pick_word(argv[0], words, NULL, n);

	*used = 1;
	if (hidden_command(argv[0]) != NULL)
		return hidden_command(argv[0]);
	if (k < 0) {
		if (quiet)
			return NULL;
		fprintf(stderr, "error: '%s' is %s showup command\n", argv[0],
		    k == -2 ? "an ambiguous" : "not a");
		suggest(argv[0], words, n);
		fputs("see 'showup help' for the list\n", stderr);
		return NULL;
	}
	for (size_t i = 0; cmd_table[i] != NULL; i++) {
		const struct cmd_entry *e = cmd_table[i];

		if (e->group == NULL && (strcmp(e->name, words[k]) == 0 ||
		    (e->alias && strcmp(e->alias, words[k]) == 0)))
			return e;
	}
	*used = 2;
	return find_in_group(words[k], argc > 1 ? argv[1] : NULL, quiet);
}

const struct cmd_entry *
cmd_find(int argc, char **argv, int *used)
{
	return find_command(argc, argv, used, 0);
}

const struct cmd_entry *
cmd_resolve(int argc, char **argv, int *used)
{
	return find_command(argc, argv, used, 1);
}

/* Returns 1 if argv asks for help (-h or --help before any "--"). */
static int
wants_help(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0)
			return 0;
		if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0)
			return 1;
	}
	return 0;
}

/*
 * Judges refund offers whose time ran out: there is no daemon, so every
 * command does. Takes the write lock only when one is due; a failure is only
 * a warning (the next command tries again).
 */
static void
expire_offers(struct store *st)
{
	int64_t now = time_now();
	su_err err;
	int n;

	if ((n = refund_offers_due(st, now, &err)) == 0)
		return;
	if (n < 0 || (n = STORE_TX(st, &err, refund_offers_expire(st, now, &err))) < 0) {
		fprintf(stderr, "warning: cannot mark expired refund offers now: %s\n",
		    err.msg);
		return;
	}
	fprintf(stderr, "note: %d refund offer%s expired\n", n, n == 1 ? "" : "s");
}

/* Says on a terminal that the command waits for another showup (the store's wait note). */
static void
say_waiting(void *arg, const char *path)
{
	(void)arg;
	if (isatty(STDERR_FILENO))
		fprintf(stderr, "note: another showup is writing to '%s'; waiting for it...\n",
		    path);
}

/* Opens the database the way the command wants it, with advice when it cannot; EXIT_OK or EXIT_FAIL. */
static int
open_store(struct cli *cli, const struct cmd_entry *e)
{
	static const enum store_open_mode modes[] = {
		[CMD_DB_CREATE] = STORE_CREATE, [CMD_DB_WRITE] = STORE_WRITE,
		[CMD_DB_READ] = STORE_READ,
	};
	enum store_refusal why;
	char *path;
	su_err err;

	if (e->db == CMD_DB_NONE)
		return EXIT_OK;
	path = store_resolve_path(cli->db_flag);
	cli->st = store_open(path, modes[e->db], &why, &err);
	free(path);
	if (cli->st == NULL) {
		cli_error("%s", err.msg);
		if (why == STORE_MISSING)
			fputs("hint: 'showup init' creates it; or give --db PATH\n", stderr);
		else if (why == STORE_OUTDATED)
			fputs("hint: 'showup init' brings it up to date\n", stderr);
		return EXIT_FAIL;
	}
	store_on_wait(cli->st, say_waiting, NULL);
	if (!store_read_only(cli->st))
		expire_offers(cli->st);
	return EXIT_OK;
}

/* Returns 1 if 's' is all digits (a session number). */
static int
all_digits(const char *s)
{
	if (*s == '\0')
		return 0;
	for (; *s; s++)
		if (*s < '0' || *s > '9')
			return 0;
	return 1;
}

/*
 * Catches "SLUG N" typed for "SLUG:N" by a command that takes a session,
 * and says what was meant; 1 if it did (a usage error), else 0.
 */
static int
split_session_ref(const struct cmd_entry *e, int argc, char **argv)
{
	if (e->args == NULL || strncmp(e->args, "SLUG:N", 6) != 0 || argc < 3 ||
	    argv[1][0] == '-' || strchr(argv[1], ':') != NULL || !all_digits(argv[2]))
		return 0;
	fprintf(stderr, "error: a session is written SLUG:N; did you mean '%s:%s'?\n",
	    argv[1], argv[2]);
	cmd_print_usage(stderr, e);
	return 1;
}

/* What each word of a usage line names, as "give ..." says it. */
static const struct { const char *word, *noun; } usage_nouns[] = {
	{ "SLUG", "a cohort (SLUG)" },
	{ "SLUG:N", "a session (SLUG:N)" },
	{ "EMAIL", "an e-mail address" },
	{ "FILE", "a file" },
	{ "FILE.csv", "a CSV file" },
	{ "ID", "the notice's number in 'notices list' (ID)" },
	{ "KEY", "a setting" },
	{ "VALUE", "its value" },
};

/* Appends the noun of usage word 'word' (n bytes; "[EMAIL]" is "maybe ..."). */
static void
add_noun(struct strbuf *sb, const char *word, size_t n)
{
	int optional = word[0] == '[';

	word += optional;
	n -= optional ? 2 : 0;
	for (size_t i = 0; i < ARRAY_SIZE(usage_nouns); i++)
		if (strlen(usage_nouns[i].word) == n && strncmp(usage_nouns[i].word, word, n) == 0) {
			sb_addf(sb, "%s%s", optional ? "maybe " : "", usage_nouns[i].noun);
			return;
		}
	sb_addf(sb, "%s%.*s", optional ? "maybe " : "", (int)n, word);
}

/* Writes "give a session (SLUG:N) and an e-mail address" for e's usage words. */
static char *
give_words(const struct cmd_entry *e)
{
	struct strbuf sb = STRBUF_INIT;
	const char *p = e->args ? e->args : "";
	size_t nwords = 0;
	const char *words[8];
	size_t lens[8];

	for (p += strspn(p, " "); *p && *p != '-' && nwords < ARRAY_SIZE(words);
	    p += strspn(p, " ")) {
		words[nwords] = p;
		lens[nwords++] = strcspn(p, " ");
		p += strcspn(p, " ");
	}
	sb_adds(&sb, "give ");
	for (size_t i = 0; i < nwords; i++) {
		if (i > 0)
			sb_adds(&sb, i + 1 == nwords ? " and " : ", ");
		add_noun(&sb, words[i], lens[i]);
	}
	return sb_detach(&sb);
}

/*
 * Checks the count of e's positional words against its .nargs, saying what
 * is wrong; 1 if it did (a usage error), else 0. The first two words go into
 * 'words' (NULL where not counted) for find_target.
 */
static int
wrong_count(struct cli *cli, const struct cmd_entry *e, int argc, char **argv,
    char *words[2])
{
	char *extra = NULL, *give;
	int n;

	words[0] = words[1] = NULL;
	if (!e->nargs.checked ||
	    (n = cmd_count_args(e, argc, argv, &extra, e->nargs.max, words)) < 0)
		return 0;
	if (extra != NULL) {
		cli_usage_error(cli, "unexpected argument '%s'", extra);
		return 1;
	}
	if (n >= e->nargs.min)
		return 0;
	give = e->nargs.give ? xstrdup(e->nargs.give) : give_words(e);
	cli_usage_error(cli, "%s", give);
	free(give);
	return 1;
}

/*
 * Looks up what e's .target names in 'words' (wrong_count's) before exec runs;
 * an exit status. With an option wrong there are none: exec's cli_getopt says so.
 */
static int
find_target(struct cli *cli, const struct cmd_entry *e, char *const words[2])
{
	memset(&cli->target, 0, sizeof cli->target);
	if (e->target == CMD_TARGET_NONE)
		return EXIT_OK;
	return cli_target_find(cli, e->target, words);
}

/* Lists the commands of 'group' with their summaries ('showup help cohort'). */
static void
print_group_help(FILE *out, const char *group)
{
	char name[64];

	fprintf(out, "usage: showup %s COMMAND [ARGS]\n\n", group);
	for (size_t i = 0; cmd_table[i] != NULL; i++)
		if (cmd_table[i]->group && strcmp(cmd_table[i]->group, group) == 0)
			fprintf(out, "  %-22s %s\n", cli_command_name(cmd_table[i], name,
			    sizeof name), cmd_table[i]->summary);
	fprintf(out, "\n'showup help %s COMMAND' tells more of one.\n", group);
}

const char *
cmd_named_group(const char *word)
{
	const char *words[64];
	size_t n = cmd_top_words(words, ARRAY_SIZE(words));
	int k = pick_word(word, words, NULL, n);

	if (k < 0)
		return NULL;
	for (size_t i = 0; cmd_table[i] != NULL; i++)
		if (cmd_table[i]->group && strcmp(cmd_table[i]->group, words[k]) == 0)
			return cmd_table[i]->group;
	return NULL;
}

int
cmd_dispatch(struct cli *cli, int argc, char **argv)
{
	const struct cmd_entry *e;
	char *words[2];
	int used = 0, rc;

	if (argc == 0)
		return cmd_help(stdout, 0, argv);
	e = cmd_find(argc, argv, &used);
	if (e == NULL)
		return EXIT_USAGE;
	argc -= used - 1;
	argv += used - 1;
	if (wants_help(argc, argv)) {
		cmd_print_help(stdout, e);
		return EXIT_OK;
	}
	if (split_session_ref(e, argc, argv))
		return EXIT_USAGE;
	cli->entry = e;
	if (wrong_count(cli, e, argc, argv, words))
		return EXIT_USAGE;
	if ((rc = open_store(cli, e)) != EXIT_OK)
		return rc;
	if ((rc = find_target(cli, e, words)) == EXIT_OK) {
		optind = 0;
		rc = e->exec(cli, argc, argv);
	}
	cli_target_free(&cli->target);
	store_close(cli->st);
	cli->st = NULL;
	return rc;
}

int
cmd_help(FILE *out, int argc, char **argv)
{
	const struct cmd_entry *e;
	char name[64];
	int used;

	if (argc == 1 && cmd_named_group(argv[0]) != NULL) {
		print_group_help(out, cmd_named_group(argv[0]));
		return EXIT_OK;
	}
	if (argc > 0) {
		if ((e = cmd_find(argc, argv, &used)) == NULL)
			return EXIT_USAGE;
		cmd_print_help(out, e);
		return EXIT_OK;
	}
	fputs("usage: showup [--db PATH] COMMAND [ARGS]\n\n"
	    "Attendance and commitment for cohort coaching programs.\n\n", out);
	for (size_t i = 0; cmd_table[i] != NULL; i++) {
		e = cmd_table[i];
		if (!e->hidden)
			fprintf(out, "  %-22s %s\n", cli_command_name(e, name, sizeof name),
			    e->summary);
	}
	fputs("\nCommands may be shortened to a unique prefix (showup part imp).\n"
	    "'showup help COMMAND' or 'showup COMMAND -h' tells more.\n", out);
	return EXIT_OK;
}
