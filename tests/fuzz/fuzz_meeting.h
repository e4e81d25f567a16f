/* SPDX-License-Identifier: Apache-2.0 */
/* fuzz_meeting.h - what the meeting harnesses share: read a report, plan a roll from it. */
#ifndef SHOWUP_FUZZ_MEETING_H
#define SHOWUP_FUZZ_MEETING_H

#include <stdint.h>
#include <string.h>

#include "showup/meeting.h"

/* Reads 'data' as a report of 'format' (in each date order, then as whatever it looks like,
 * then for the session) and plans a session's roll from it. */
static inline void
fuzz_meeting(const uint8_t *data, size_t size, enum meeting_format format)
{
	struct participant people[2] = {
		{ 1, 1, (char *)"Ana Lúcia", (char *)"ana@example.com", (char *)"", (char *)"", 0, 0, NULL },
		{ 2, 1, (char *)"Bob", (char *)"bob@example.com", (char *)"", (char *)"", 0, 0, NULL },
	};
	struct participant_list list = { people, 2 };
	struct session s = { .id = 1, .number = 1, .starts_at = 1795000000, .minutes = 60 };
	struct cohort c = { .slug = (char *)"c", .coach_name = (char *)"Coach",
		.coach_email = (char *)"coach@example.com", .tz = (char *)"Europe/London" };
	const int expected[2] = { 1, 1 };
	struct meeting_plan plan;
	struct policy p;
	struct meeting m;

	policy_default(&p);
	for (int order = DATE_ORDER_UNKNOWN; order <= DATE_ORDER_YMD; order++) {
		if (meeting_parse((const char *)data, size, "fuzz", format,
		    (enum date_order)order, "Europe/London", &m, NULL) < 0)
			continue;
		meeting_plan(&m, &s, &c, &p, &list, expected, NULL, NULL, 0, &plan);
		meeting_plan_free(&plan);
		meeting_free(&m);
	}
	/* told apart by its content (any layout, Meet's two), in a Polish session: a file
	 * that is not UTF-8 and fits Windows-1250 and -1252 alike is read as Windows-1250 */
	if (meeting_parse((const char *)data, size, "fuzz", MEETING_AUTO, DATE_ORDER_UNKNOWN,
	    "Europe/Warsaw", &m, NULL) == 0) {
		meeting_plan(&m, &s, &c, &p, &list, expected, NULL, NULL, 0, &plan);
		meeting_plan_free(&plan);
		meeting_free(&m);
	}
	/* read for the session: stays folded into its window as they are read */
	if (meeting_parse_for((const char *)data, size, "fuzz", format, DATE_ORDER_UNKNOWN,
	    "Europe/London", s.starts_at, s.starts_at + s.minutes * 60, &m, NULL) == 0) {
		meeting_plan(&m, &s, &c, &p, &list, expected, NULL, NULL, 0, &plan);
		meeting_plan_free(&plan);
		meeting_free(&m);
	}
}

#endif
