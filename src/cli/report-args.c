/* SPDX-License-Identifier: Apache-2.0 */
/* report-args.c - what the report commands share: their options, the default file, the run. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

int
cli_report_args(struct cli *cli, int argc, char **argv, struct report_args *out)
{
	int opt;

	memset(out, 0, sizeof *out);
	while ((opt = cli_getopt(cli, argc, argv)) != -1) {
		switch (opt) {
		case 'o':
			out->output = optarg;
			break;
		case OPT_PAPER:
			if (strcmp(optarg, "a4") != 0 && strcmp(optarg, "A4") != 0 &&
			    strcmp(optarg, "letter") != 0)
				return cli_usage_error(cli, "--paper is a4 or letter, not '%s'",
				    optarg);
			out->letter = strcmp(optarg, "letter") == 0;
			break;
		case OPT_FONT:
			out->font = optarg;
			break;
		case OPT_FALLBACK_FONT:
			out->fallback_font = optarg;
			break;
		case OPT_DATE:
			out->date = optarg;
			break;
		case OPT_SPLIT:
			out->split = optarg;
			break;
		default:
			return EXIT_USAGE;
		}
	}
	return EXIT_OK;
}

/* Sets the report's moment: the end of --date in the cohort's zone, else now. */
static int
report_moment(const struct cohort *c, const char *date, int64_t *as_of, char *day,
    size_t size)
{
	struct civil cv = { 0 };
	su_err e;

	if (date == NULL) {
		*as_of = time_now();
		if (tz_utc_to_local(c->tz, *as_of, &cv, NULL) < 0)
			return cli_error("cannot use time zone '%s'", c->tz);
	} else {
		if (date_parse(date, &cv.year, &cv.month, &cv.day, &e) < 0)
			return cli_error("--date: %s", e.msg);
		cv.hour = 23;
		cv.minute = 59;
		cv.second = 59;
		if (tz_local_to_utc(c->tz, &cv, as_of) < 0)
			return cli_error("cannot use time zone '%s'", c->tz);
	}
	snprintf(day, size, "%04d-%02d-%02d", cv.year, cv.month, cv.day);
	return EXIT_OK;
}

int
cli_report_run(const struct report_args *a, const struct cohort *c, const char *kind,
    int (*draw)(struct report_request *rq, void *arg, su_err *e), void *arg)
{
	struct report_request rq = { 0 };
	char day[16], *path;
	int rc = EXIT_FAIL;
	su_err e;

	if (report_moment(c, a->date, &rq.as_of, day, sizeof day) != EXIT_OK)
		return EXIT_FAIL;
	path = a->split ? xasprintf("%s/", a->split) : a->output ? xstrdup(a->output)
	    : xasprintf("reports/%s-%s-%s.pdf", c->slug, kind, day);
	rq.path = path;
	rq.pdf.paper = a->letter ? PAPER_LETTER : PAPER_A4;
	rq.pdf.font = a->font;
	rq.pdf.fallback_font = a->fallback_font;
	rq.pdf.date = rq.as_of;
	if ((a->split != NULL || a->output == NULL) && make_parent_dirs(path, &e) < 0) {
		cli_error("%s", e.msg);
		goto done;
	}
	if (draw(&rq, arg, &e) < 0) {
		cli_error("%s", e.msg);
		goto done;
	}
	for (const char *line = sb_str(&rq.warnings); *line; ) {
		const char *nl = strchr(line, '\n');
		int n = nl ? (int)(nl - line) : (int)strlen(line);

		fprintf(stderr, "warning: %.*s\n", n, line);
		line += n + (nl != NULL);
	}
	if (a->split != NULL)
		printf("wrote %zu report%s in %s\n", rq.files, rq.files == 1 ? "" : "s", path);
	else
		printf("wrote %s\n", path);
	rc = EXIT_OK;
done:
	sb_free(&rq.warnings);
	free(path);
	return rc;
}
