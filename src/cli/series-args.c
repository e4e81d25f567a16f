/* SPDX-License-Identifier: Apache-2.0 */
/* series-args.c - the options of a series of sessions (session add, session pairs): read,
 * checked and turned into the series' starts. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "commands.h"
#include "showup/roll.h"
#include "showup/series.h"
#include "showup/timeutil.h"

int
cli_series_option(struct cli *cli, int opt, struct series_args *a)
{
	switch (opt) {
	case OPT_EVERY: a->every = optarg; return 1;
	case OPT_UNTIL: a->until = optarg; return 1;
	case 'n': a->dry_run = 1; return 1;
	case OPT_SKIP:
		a->skip = xrealloc(a->skip, (a->nskip + 1) * sizeof *a->skip);
		a->skip[a->nskip++] = optarg;
		return 1;
	case OPT_COUNT:
		if (parse_int(optarg, 1, SERIES_MAX, &a->count) == 0)
			return 1;
		cli_usage_error(cli, "--count: '%s' is not 1 to %d sessions", optarg, SERIES_MAX);
		return -1;
	}
	return 0;
}

/* Reads "YYYY-MM-DD" into days since 1970; 0, or -1 said as an error of 'option'. */
static int
read_day(const char *option, const char *text, int64_t *day)
{
	int y, m, d;
	su_err e;

	if (date_parse(text, &y, &m, &d, &e) < 0)
		return cli_error("%s: %s", option, e.msg), -1;
	*day = days_from_civil(y, m, d);
	return 0;
}

int
cli_series_starts(struct cli *cli, const struct cohort *c, const struct series_args *a,
    int64_t first, int64_t **starts, int *n)
{
	struct series s = { .first = first, .count = (int)a->count };
	int64_t *skip = xcalloc(a->nskip + 1, sizeof *skip);
	const struct tz_zone *zone;
	int rc = EXIT_FAIL;
	su_err e;

	*starts = xcalloc(SERIES_MAX, sizeof **starts);
	*n = 1;
	(*starts)[0] = first;
	if (a->every == NULL)
		rc = a->count || a->until || a->nskip ? cli_usage_error(cli, "--count, --until "
		    "and --skip make a series: give --every day|week|2weeks") : EXIT_OK;
	else if (series_every_parse(a->every, &s.every) < 0)
		rc = cli_usage_error(cli, "--every: '%s' is not day, week or 2weeks", a->every);
	else if ((a->count > 0) == (a->until != NULL))
		rc = cli_usage_error(cli, "--every needs one of --count N or --until DATE");
	else if (a->until == NULL || read_day("--until", a->until, &s.until_day) == 0) {
		for (s.nskip = 0; s.nskip < a->nskip; s.nskip++)
			if (read_day("--skip", a->skip[s.nskip], &skip[s.nskip]) < 0)
				goto done;
		s.skip_days = skip;
		if ((zone = roll_zone(c, &e)) == NULL ||
		    (*n = series_starts(zone, &s, *starts, &e)) < 0)
			cli_error("%s", e.msg);
		else
			rc = EXIT_OK;
	}
done:
	free(skip);
	return rc;
}

