/* SPDX-License-Identifier: Apache-2.0 */
/* cmd-complete.c - showup __complete: the words that may come next on a command line,
 * for the shell completion scripts (contrib/completion). Commands and options come
 * from the command table; cohorts, sessions and e-mails from the database, read only. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "commands.h"

#define MAX_WORDS 64		/* words of a command line looked at */

/* A command line being completed: its words before the current one, and that one. */
struct line {
	char *words[MAX_WORDS];	/* the words before 'cur', without the global --db */
	int n;
	const char *cur;	/* the word being completed (may be "") */
	const char *db;		/* the global --db PATH on the line, or NULL */
	struct store *st;	/* opened read-only on first need; NULL if there is none */
	int tried;		/* the database was looked for */
};

/* Prints 'word' (with 'suffix') if it begins with the current word. */
static void
offer(const struct line *l, const char *word, const char *suffix)
{
	if (strncasecmp(word, l->cur, strlen(l->cur)) == 0)
		printf("%s%s\n", word, suffix);
}

/* Opens the line's database read-only, once; NULL (silently) if there is none to read. */
static struct store *
line_store(struct line *l)
{
	char *path;
	su_err err;

	if (!l->tried) {
		l->tried = 1;
		path = store_resolve_path(l->db);
		l->st = store_open(path, STORE_READ, NULL, &err);
		free(path);
	}
	return l->st;
}

/* Offers every cohort's slug, each followed by 'suffix'. */
static void
offer_slugs(struct line *l, const char *suffix)
{
	struct cohort_list cl;
	su_err err;

	if (line_store(l) == NULL || cohort_list_all(l->st, &cl, &err) < 0)
		return;
	for (size_t i = 0; i < cl.n; i++)
		offer(l, cl.v[i].slug, suffix);
	cohort_list_free(&cl);
}

/* Finds the cohort whose slug 'ref' starts with (up to a ':'); 1 found, else 0. */
static int
line_cohort(struct line *l, const char *ref, struct cohort *c)
{
	char *slug = xstrndup(ref, strcspn(ref, ":"));
	su_err err;
	int found = line_store(l) != NULL && cohort_find(l->st, slug, c, &err) == 1;

	free(slug);
	return found;
}

/* Offers SLUG:N for the sessions of the cohort the current word names, or SLUG: for each cohort. */
static void
offer_sessions(struct line *l)
{
	struct session_list sl;
	struct cohort c;
	su_err err;

	if (strchr(l->cur, ':') == NULL) {
		offer_slugs(l, ":");
		return;
	}
	if (!line_cohort(l, l->cur, &c))
		return;
	if (session_list_all(l->st, c.id, &sl, &err) == 0) {
		for (size_t i = 0; i < sl.n; i++) {
			char *ref = xasprintf("%.*s:%d", (int)strcspn(l->cur, ":"), l->cur,
			    sl.v[i].number);

			offer(l, ref, "");
			free(ref);
		}
		session_list_free(&sl);
	}
	cohort_free(&c);
}

/* Offers the e-mail addresses of the participants of cohort 'ref' (SLUG or SLUG:N), withdrawn ones too. */
static void
offer_emails(struct line *l, const char *ref)
{
	struct participant_list pl;
	struct cohort c;
	su_err err;

	if (ref == NULL || !line_cohort(l, ref, &c))
		return;
	if (participant_list_all(l->st, c.id, 1, &pl, &err) == 0) {
		for (size_t i = 0; i < pl.n; i++)
			offer(l, pl.v[i].email, "");
		participant_list_free(&pl);
	}
	cohort_free(&c);
}

/* Offers the words that may follow 'words' (n of them) as a command's name. */
static void
offer_commands(const struct line *l, char **words, int n)
{
	const char *names[64];
	const struct cmd_entry *entries[64];
	const char *group;
	size_t k;

	if (n == 0) {
		k = cmd_top_words(names, ARRAY_SIZE(names));
	} else if (n == 1 && (group = cmd_named_group(words[0])) != NULL) {
		k = cmd_group_words(group, names, entries, ARRAY_SIZE(names));
	} else {
		return;
	}
	for (size_t i = 0; i < k; i++)
		offer(l, names[i], "");
}

/* Returns the option of e that 'word' ("--name" or "-x") names, or NULL. */
static const struct cmd_option *
named_option(const struct cmd_entry *e, const char *word)
{
	for (const struct cmd_option *o = e->options; o != NULL && o->name != NULL; o++)
		if ((word[1] == '-' && strcmp(word + 2, o->name) == 0) ||
		    (word[1] != '-' && word[1] == o->short_name && word[2] == '\0'))
			return o;
	return NULL;
}

/* Offers the words of "a|b|c"; nothing for a value written in capitals (a file, a number). */
static void
offer_words(struct line *l, const char *p)
{
	if (strchr(p, '|') == NULL || strspn(p, "abcdefghijklmnopqrstuvwxyz0123456789-|") !=
	    strlen(p))
		return;
	while (*p) {
		char *word = xstrndup(p, strcspn(p, "|"));

		offer(l, word, "");
		p += strlen(word) + (p[strlen(word)] == '|');
		free(word);
	}
}

/* Offers the value of option o: e-mails, or the words of "a|b|c"; else nothing. */
static void
offer_option_value(struct line *l, const struct cmd_option *o, const char *slug)
{
	if (strcmp(o->arg, "EMAIL") == 0)
		offer_emails(l, slug);
	else
		offer_words(l, o->arg);
}

/* Returns the i-th word of e's usage ("SLUG:N"), the last again if it ends in "...", or NULL. */
static char *
usage_word(const struct cmd_entry *e, int i)
{
	const char *p = e->args ? e->args : "", *last = NULL;
	size_t len = 0;

	for (int k = 0;; k++) {
		p += len + strspn(p + len, " ");
		if (*p == '\0')
			break;
		len = strcspn(p, " ");
		last = p;
		if (k == i)
			return xstrndup(p, len);
	}
	if (last != NULL && len >= 3 && strncmp(last + len - 3, "...", 3) == 0)
		return xstrndup(last, len);
	return NULL;
}

/*
 * Offers what the usage word 'what' stands for ("SLUG", "SLUG:N", "EMAIL", a
 * policy "KEY", and the "VALUE" of the key before it when its values are words).
 */
static void
offer_argument(struct line *l, const char *what, char **args, int nargs)
{
	if (strstr(what, "SLUG:N") != NULL)
		offer_sessions(l);
	else if (strstr(what, "SLUG") != NULL)
		offer_slugs(l, "");
	else if (strstr(what, "EMAIL") != NULL)
		offer_emails(l, nargs > 0 ? args[0] : NULL);
	else if (strcmp(what, "KEY") == 0)
		for (const struct policy_setting *s = policy_settings; s->key != NULL; s++)
			offer(l, s->key, "");
	else if (strcmp(what, "VALUE") == 0 && nargs > 1 && policy_setting_find(args[1]))
		offer_words(l, policy_setting_find(args[1])->type);
}

/* Offers what may come next after command e and its words 'rest' (n of them). */
static void
complete_command(struct line *l, const struct cmd_entry *e, char **rest, int n)
{
	char *args[MAX_WORDS];
	const struct cmd_option *value_of = NULL;
	int nargs = 0, options = 1;
	char *what = NULL;

	for (int i = 0; i < n; i++) {
		const struct cmd_option *o;

		if (options && strcmp(rest[i], "--") == 0) {
			options = 0;
		} else if (options && rest[i][0] == '-' && rest[i][1] != '\0') {
			if ((o = named_option(e, rest[i])) != NULL && o->arg != NULL) {
				if (i + 1 == n)
					value_of = o;	/* the word being completed is its value */
				i++;
			}
		} else {
			args[nargs++] = rest[i];
			options = options && !e->options_first;
		}
	}
	if (value_of != NULL) {
		offer_option_value(l, value_of, nargs > 0 ? args[0] : NULL);
		return;
	}
	if (options && l->cur[0] == '-') {
		for (const struct cmd_option *o = e->options; o != NULL && o->name; o++) {
			char *word = xasprintf("--%s", o->name);

			offer(l, word, "");
			free(word);
		}
		return;
	}
	if (e->args != NULL && strstr(e->args, "COMMAND") != NULL)	/* help: one or two words */
		offer_commands(l, args, nargs);
	else if ((what = usage_word(e, nargs)) != NULL)
		offer_argument(l, what, args, nargs);
	free(what);
}

/* Splits the words: the global --db goes into l->db; the last word is the one completed. 0, or -1 if it is --db's path. */
static int
read_line(struct line *l, int argc, char **argv)
{
	l->cur = argv[argc - 1];
	for (int i = 0; i < argc - 1; i++) {
		if (strcmp(argv[i], "--db") == 0) {
			if (i + 1 == argc - 1)
				return -1;
			l->db = argv[++i];
		} else if (strncmp(argv[i], "--db=", 5) == 0) {
			l->db = argv[i] + 5;
		} else if (l->n < MAX_WORDS) {
			l->words[l->n++] = argv[i];
		}
	}
	return 0;
}

/* Prints the candidates for the last word of the line after "--", one per line. */
static int
cmd_complete_exec(struct cli *cli, int argc, char **argv)
{
	struct line l = { 0 };
	const struct cmd_entry *e;
	int used = 0;

	if (argc < 3 || strcmp(argv[1], "--") != 0)
		return cli_usage_error(cli, "give the words of the line after '--'");
	if (read_line(&l, argc - 2, argv + 2) < 0)
		return EXIT_OK;
	if (l.n == 0 || (e = cmd_resolve(l.n, l.words, &used)) == NULL) {
		if (l.n <= 1)
			offer_commands(&l, l.words, l.n);
		return EXIT_OK;
	}
	if (!e->hidden)
		complete_command(&l, e, l.words + used, l.n - used);
	store_close(l.st);
	return EXIT_OK;
}

const struct cmd_entry cmd_complete_entry = {
	.name = "__complete",
	.args = "-- WORD...",
	.summary = "print what may complete the last word of a command line (for the shells)",
	.help =
	"The words are those after 'showup' on the line being typed; the last is the\n"
	"one being completed (\"\" at a new word). Prints one candidate a line:\n"
	"commands, options, cohort slugs, SLUG:N sessions, participants' e-mails,\n"
	"policy keys and the words a key's value may be.\n"
	"The database (the line's --db, else the usual one) is only read; without one\n"
	"it prints no data and still exits 0.\n",
	.hidden = 1,
	.db = CMD_DB_NONE,
	.exec = cmd_complete_exec
};
