/* SPDX-License-Identifier: Apache-2.0 */
/* options.c - a command's table of options as the one source: the getopt spec built
 * from it, the usage line and the list of options in its help. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

#define MAX_OPTIONS 24		/* options in one command's table */
#define WIDTH 79		/* help and usage lines end before this column */
#define USAGE_LINES 3		/* a longer usage shows "[options]" for the optional ones */
#define LEFT_MAX 22		/* a longer "-x, --name ARG" puts its help on the next line */

/* getopt_long's view of one command's table, built when that command first parses. */
static struct {
	const struct cmd_entry *entry;
	char shortopts[3 * MAX_OPTIONS + 3];
	struct option longopts[MAX_OPTIONS + 1];
} spec;

/* Returns what cli_getopt returns for option o: its short letter, else its key. */
static int
option_key(const struct cmd_option *o)
{
	return o->short_name ? o->short_name : o->key;
}

/* Returns how many options e's table holds. */
static size_t
option_count(const struct cmd_entry *e)
{
	size_t n = 0;

	while (e->options != NULL && e->options[n].name != NULL)
		n++;
	return n;
}

/* Fills 'spec' for e: "+:" or ":" and the short letters, and one long option each. */
static void
build_spec(const struct cmd_entry *e)
{
	size_t n = option_count(e), k = 0;

	if (spec.entry == e)
		return;
	if (n > MAX_OPTIONS) {
		fprintf(stderr, "showup: internal error: %s has %zu options, more than %d\n",
		    e->name, n, MAX_OPTIONS);
		abort();
	}
	memset(&spec, 0, sizeof spec);
	spec.entry = e;
	if (e->options_first)	/* options end at the first word: values may start with '-' */
		spec.shortopts[k++] = '+';
	spec.shortopts[k++] = ':';
	for (size_t i = 0; i < n; i++) {
		const struct cmd_option *o = &e->options[i];

		if (o->short_name) {
			spec.shortopts[k++] = (char)o->short_name;
			if (o->arg != NULL)
				spec.shortopts[k++] = ':';
		}
		spec.longopts[i] = (struct option){ o->name,
			o->arg ? required_argument : no_argument, NULL, option_key(o) };
	}
}

const struct option *
cmd_longopts(const struct cmd_entry *e)
{
	build_spec(e);
	return spec.longopts;
}

/* Returns 1 if 'name' (n bytes, no dashes) is one of the long options. */
static int
long_option_known(const struct option *longopts, const char *name, size_t n)
{
	for (; longopts->name; longopts++)
		if (strlen(longopts->name) == n && strncmp(longopts->name, name, n) == 0)
			return 1;
	return 0;
}

int
cli_getopt(struct cli *cli, int argc, char **argv)
{
	int c;

	build_spec(cli->entry);
	opterr = 0;
	c = getopt_long(argc, argv, spec.shortopts, spec.longopts, NULL);
	if (c == '?') {
		const char *word = argv[optind - 1];
		int name_len = (int)strcspn(word, "=") - 2;

		if (strncmp(word, "--", 2) != 0)
			cli_usage_error(cli, "unknown option '-%c'", optopt);
		else if (word[name_len + 2] == '=' && long_option_known(spec.longopts,
		    word + 2, (size_t)name_len))
			cli_usage_error(cli, "option '--%.*s' takes no value", name_len,
			    word + 2);
		else
			cli_usage_error(cli, "unknown option '%.*s'", name_len + 2, word);
		return '?';
	}
	if (c == ':') {
		cli_usage_error(cli, "option '%s' needs a value", argv[optind - 1]);
		return '?';
	}
	return c;
}

int
cmd_count_args(const struct cmd_entry *e, int argc, char **argv, char **first_extra,
    int max, char *words[2])
{
	char **copy = xcalloc((size_t)argc + 1, sizeof *copy);
	int c, n = -1;

	memcpy(copy, argv, (size_t)argc * sizeof *copy);
	build_spec(e);
	opterr = 0;
	optind = 0;
	while ((c = getopt_long(argc, copy, spec.shortopts, spec.longopts, NULL)) != -1)
		if (c == '?' || c == ':')
			goto done;
	n = argc - optind;
	*first_extra = max >= 0 && n > max ? copy[optind + max] : NULL;
	if (words != NULL) {
		words[0] = n > 0 ? copy[optind] : NULL;
		words[1] = n > 1 ? copy[optind + 1] : NULL;
	}
done:
	optind = 0;
	free(copy);
	return n;
}

int
cmd_options_check(const struct cmd_entry *entry, su_err *e)
{
	size_t n = option_count(entry);

	if (n > MAX_OPTIONS)
		return su_err_set(e, "%s: %zu options, more than %d", entry->name, n,
		    MAX_OPTIONS);
	for (size_t i = 0; i < n; i++) {
		const struct cmd_option *o = &entry->options[i];

		if (option_key(o) <= 0 || option_key(o) == '?' || option_key(o) == ':')
			return su_err_set(e, "--%s: no key for cli_getopt to return", o->name);
		if (o->short_name && o->key)
			return su_err_set(e, "--%s: a key besides -%c (which returns '%c')",
			    o->name, o->short_name, o->short_name);
		if (o->help == NULL || *o->help == '\0' || strchr(o->help, '\n'))
			return su_err_set(e, "--%s: no one-line help", o->name);
		for (size_t j = 0; j < i; j++) {
			const struct cmd_option *p = &entry->options[j];

			if (strcmp(o->name, p->name) == 0 || option_key(o) == option_key(p) ||
			    (o->short_name && o->short_name == p->short_name))
				return su_err_set(e, "--%s and --%s clash", p->name, o->name);
		}
	}
	return 0;
}

/* Appends "--name ARG" (or "[--name ARG]" for an optional one) to sb. */
static void
add_usage_option(struct strbuf *sb, const struct cmd_option *o)
{
	sb_addf(sb, "%s--%s%s%s%s", o->required ? "" : "[", o->name, o->arg ? " " : "",
	    o->arg ? o->arg : "", o->required ? "" : "]");
}

/*
 * Appends one unit of n bytes to 'out', after a space or, if it would reach
 * WIDTH, on a new line indented to 'indent'; *col is the column reached.
 * Returns 1 if it broke the line, else 0.
 */
static int
wrap_unit(struct strbuf *out, const char *unit, int n, int indent, int *col)
{
	int broke = 0;

	if (*col > indent && *col + 1 + n >= WIDTH) {
		sb_addf(out, "\n%*s", indent, "");
		*col = indent;
		broke = 1;
	} else if (*col > indent) {
		sb_addc(out, ' ');
		(*col)++;
	}
	sb_add(out, unit, (size_t)n);
	*col += n;
	return broke;
}

/* Appends the words of 'text' with wrap_unit; returns how many line breaks it made. */
static int
wrap_words(struct strbuf *out, const char *text, int indent, int *col)
{
	int breaks = 0;

	text += strspn(text, " ");
	while (*text) {
		int n = (int)strcspn(text, " ");

		breaks += wrap_unit(out, text, n, indent, col);
		text += n;
		text += strspn(text, " ");
	}
	return breaks;
}

/*
 * Builds the usage of e after its prefix into 'out': the positional words,
 * then each option in table order, or the required ones and "[options]" when
 * 'all' is 0. Returns how many lines it takes.
 */
static int
build_usage(struct strbuf *out, const struct cmd_entry *e, int indent, int all)
{
	int col = indent, lines = 1;
	size_t n = option_count(e), optional = 0;

	lines += wrap_words(out, e->args ? e->args : "", indent, &col);
	for (size_t i = 0; i < n; i++) {
		struct strbuf word = STRBUF_INIT;

		if (!all && !e->options[i].required) {
			optional++;
			continue;
		}
		add_usage_option(&word, &e->options[i]);
		lines += wrap_unit(out, word.buf, (int)word.len, indent, &col);
		sb_free(&word);
	}
	if (optional > 0)
		lines += wrap_words(out, "[options]", indent, &col);
	return lines;
}

void
cmd_print_usage(FILE *out, const struct cmd_entry *e)
{
	struct strbuf prefix = STRBUF_INIT, usage = STRBUF_INIT;
	char name[64];

	sb_addf(&prefix, "usage: showup %s ", cli_command_name(e, name, sizeof name));
	if (build_usage(&usage, e, (int)prefix.len, 1) > USAGE_LINES) {
		sb_reset(&usage);
		build_usage(&usage, e, (int)prefix.len, 0);
	}
	if (usage.len == 0)	/* no words at all: no space after the name */
		prefix.buf[--prefix.len] = '\0';
	fprintf(out, "%s%s\n", sb_str(&prefix), sb_str(&usage));
	sb_free(&prefix);
	sb_free(&usage);
}

/*
 * Writes the left column of option o to sb: "-n, --dry-run", or
 * "    --separator SEP" in a table where some option has a short letter.
 */
static void
option_left(struct strbuf *sb, const struct cmd_option *o, int shorts)
{
	if (o->short_name)
		sb_addf(sb, "-%c, ", o->short_name);
	else if (shorts)
		sb_adds(sb, "    ");
	sb_addf(sb, "--%s%s%s", o->name, o->arg ? " " : "", o->arg ? o->arg : "");
}

/* Prints the "options:" list of e: each option's left column, then its help aligned. */
static void
print_options(FILE *out, const struct cmd_entry *e)
{
	size_t n = option_count(e), left = 0;
	int indent, shorts = 0;

	for (size_t i = 0; i < n; i++)
		shorts |= e->options[i].short_name != 0;
	for (size_t i = 0; i < n; i++) {
		struct strbuf sb = STRBUF_INIT;

		option_left(&sb, &e->options[i], shorts);
		if (sb.len <= LEFT_MAX && sb.len > left)
			left = sb.len;
		sb_free(&sb);
	}
	indent = 2 + (int)left + 2;
	fputs("\noptions:\n", out);
	for (size_t i = 0; i < n; i++) {
		struct strbuf line = STRBUF_INIT;
		int col = indent;

		sb_adds(&line, "  ");
		option_left(&line, &e->options[i], shorts);
		if ((int)line.len + 2 > indent)
			sb_addf(&line, "\n%*s", indent, "");
		else
			sb_addf(&line, "%*s", indent - (int)line.len, "");
		wrap_words(&line, e->options[i].help, indent, &col);
		fprintf(out, "%s\n", sb_str(&line));
		sb_free(&line);
	}
}

void
cmd_print_help(FILE *out, const struct cmd_entry *e)
{
	cmd_print_usage(out, e);
	fprintf(out, "\n%s\n", e->summary);
	if (e->alias != NULL)
		fprintf(out, "(also: showup %s%s%s)\n", e->group ? e->group : "",
		    e->group ? " " : "", e->alias);
	if (e->help != NULL && *e->help)
		fprintf(out, "\n%s", e->help);
	if (e->more_help != NULL)
		e->more_help(out);
	if (option_count(e) > 0)
		print_options(out, e);
}
