/* import-args.c - what the import commands share: their options, the run, the report. */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "showup/words.h"

/* Reads a --separator value (",", ";", "tab", "\t", "|", or their names); the character or 0. */
static char
separator_parse(const char *s)
{
	static const struct {
		const char *name;
		char sep;
	} names[] = {
		{ ",", ',' }, { "comma", ',' }, { ";", ';' }, { "semicolon", ';' },
		{ "\t", '\t' }, { "\\t", '\t' }, { "tab", '\t' }, { "|", '|' },
		{ "pipe", '|' },
	};

	for (size_t i = 0; i < ARRAY_SIZE(names); i++)
		if (str_ieq(s, names[i].name))
			return names[i].sep;
	return 0;
}

/* Reads CLI_IMPORT_OPTIONS into 'r', leaving optind at the first other word; an exit status. */
static int
import_args(struct cli *cli, int argc, char **argv, struct import_result *r)
{
	int opt;

	while ((opt = cli_getopt(cli, argc, argv)) != -1) {
		switch (opt) {
		case 'n':
			r->dry_run = 1;
			break;
		case OPT_SEPARATOR:
			if ((r->format.separator = separator_parse(optarg)) == 0)
				return cli_usage_error(cli, "--separator is ',', ';', tab or "
				    "'|', not '%s'", optarg);
			break;
		case OPT_ENCODING:
			r->format.encoding = optarg;
			break;
		case OPT_DATE_ORDER:
			if (date_order_parse(optarg, &r->date_order) < 0)
				return cli_usage_error(cli, "--date-order is dmy, mdy or ymd, "
				    "not '%s'", optarg);
			break;
		case OPT_ACCEPT_CHANGES:
			r->accept_changes = 1;
			break;
		case OPT_CLEAR_EMPTY:
			r->clear_empty = 1;
			break;
		case OPT_REPLACE:
			r->replace = 1;
			break;
		default:
			return EXIT_USAGE;
		}
	}
	return EXIT_OK;
}

/* Returns the name of a file without its folders, as the import names it. */
static const char *
base_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash && slash[1] ? slash + 1 : path;
}

/* Prints, after errors, how to give what the file needs. */
static void
print_hints(const struct import_result *r, const char *slug)
{
	if (r->hints & HINT_ENCODING)
		fputs("hint: name the file's encoding with --encoding (ISO-8859-15, "
		    "MacRoman, UTF-16...: 'iconv -l' lists them), or save it as CSV UTF-8\n",
		    stderr);
	if (r->hints & HINT_SEPARATOR)
		fputs("hint: name the separator with --separator ';' (or tab, ',', '|')\n",
		    stderr);
	if (r->hints & HINT_DATE_ORDER)
		fprintf(stderr, "hint: --date-order dmy, mdy or ymd says how this file "
		    "writes dates; 'showup policy set %s date.order ...' sets it for the "
		    "cohort\n", slug ? slug : "SLUG");
	if (r->hints & HINT_REPLACE)
		fputs("hint: give --replace to record these rows over what the participants "
		    "told us (it is kept: 'showup unmark' brings it back)\n", stderr);
	if (r->hints & HINT_ACCEPT_CHANGES)
		fputs("hint: import the file as it was saved before it was opened in "
		    "Excel, or give --accept-changes to take these values as they are\n",
		    stderr);
}

/* Prints an import's outcome; the exit status. */
static int
import_report(enum import_what what, const char *path, const char *slug,
    const struct import_result *r, int rc, const su_err *e)
{
	if (r->encoding_guessed)
		fprintf(stderr, "note: %s is not UTF-8; read as Windows-1252\n",
		    base_name(path));
	fputs(sb_str(&r->messages), stderr);
	if (r->bad_rows > IMPORT_MAX_MESSAGES)
		fprintf(stderr, "... and %zu more bad %s\n", r->bad_rows - IMPORT_MAX_MESSAGES,
		    plural((long long)(r->bad_rows - IMPORT_MAX_MESSAGES), "row", "rows"));
	if (r->ignored.len > 0)
		fprintf(stderr, "note: ignored columns: %s\n", sb_str(&r->ignored));
	if (rc < 0) {
		cli_error("%s", e->msg);
		print_hints(r, slug);
		return EXIT_FAIL;
	}
	if (r->dry_run)
		printf("read as %s text, fields separated by %s\n%s", r->encoding,
		    csv_separator_name(r->separator), sb_str(&r->changes));
	printf("%s%zu %s row%s: %zu added, %zu updated, %zu unchanged\n",
	    r->dry_run ? "dry run, nothing written: " : "", r->rows, import_what_name(what),
	    r->rows == 1 ? "" : "s", r->added, r->updated, r->unchanged);
	return EXIT_OK;
}

int
cli_import(struct cli *cli, int argc, char **argv, enum import_what what)
{
	int per_cohort = import_what_per_cohort(what);
	const struct cohort *c = &cli->target.c;	/* the target's, if per cohort */
	struct import_result r;
	struct policy p;
	const char *path;
	int rc;
	su_err e;

	import_result_init(&r, 0);
	if ((rc = import_args(cli, argc, argv, &r)) != EXIT_OK)
		goto done;
	path = argv[optind + per_cohort];
	if (per_cohort && cli_policy(cli->st, c, &p) != EXIT_OK) {
		rc = EXIT_FAIL;
		goto done;
	}
	cli_import_progress_setup(&r);
	rc = import_file(cli->st, what, c, &p, path, &r, &e);
	rc = import_report(what, path, c->slug, &r, rc, &e);
done:
	import_result_free(&r);
	return rc;
}
