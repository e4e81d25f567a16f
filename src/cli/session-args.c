/* SPDX-License-Identifier: Apache-2.0 */
/* session-args.c - what session add and session edit share: a session's fields as options. */
#include "config.h"

#include <stdlib.h>

#include "cli.h"

int
cli_session_option(struct cli *cli, int opt, struct session *s, struct cli_people *with)
{
	long long v;
	int kind;

	switch (opt) {
	case OPT_TITLE:
		s->title = optarg;
		return 1;
	case OPT_LOCATION:
		s->location = optarg;
		return 1;
	case OPT_WITH:
		with->emails = xrealloc(with->emails, (with->n + 1) * sizeof *with->emails);
		with->emails[with->n++] = optarg;
		return 1;
	case OPT_MINUTES:
		if (parse_int(optarg, 1, 1440, &v) < 0)
			return cli_usage_error(cli, "--minutes takes 1 to 1440, not '%s'", optarg),
			    -1;
		s->minutes = (int)v;
		return 1;
	case OPT_CAPACITY:
		if (parse_int(optarg, 0, SESSION_CAPACITY_MAX, &v) < 0)
			return cli_usage_error(cli, "--capacity takes 0 to %d, not '%s'",
			    SESSION_CAPACITY_MAX, optarg), -1;
		s->capacity = (int)v;
		return 1;
	case OPT_KIND:
		if ((kind = session_kind_parse(optarg)) < 0)
			return cli_usage_error(cli, "unknown kind '%s' (group, coaching, "
			    "practice)", optarg), -1;
		s->kind = (enum session_kind)kind;
		return 1;
	default:
		return 0;
	}
}

int
cli_people_ids(struct cli *cli, const struct cohort *c, const struct cli_people *people,
    int64_t *ids)
{
	for (size_t i = 0; i < people->n; i++) {
		struct participant p;

		if (cli_participant(cli, c, people->emails[i], &p) != EXIT_OK)
			return EXIT_FAIL;
		ids[i] = p.id;
		participant_free(&p);
	}
	return EXIT_OK;
}
