/* import-cohorts.c - cohorts from a spreadsheet, known by slug. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "showup/import.h"
#include "showup/money.h"

enum { COL_SLUG, COL_NAME, COL_COACH, COL_COACH_EMAIL, COL_TZ, COL_FEE, COL_CURRENCY,
	COL_STARTS, COL_ENDS };

static const char *const names_slug[] = { "slug", "cohort", "code", "id", NULL };
static const char *const names_name[] = { "name", "title", "program", "programme", NULL };
static const char *const names_coach[] = { "coach", "coach name", NULL };
static const char *const names_coach_email[] = { "coach email", "coach e-mail", NULL };
static const char *const names_tz[] = { "time zone", "timezone", "tz", "zone", NULL };
static const char *const names_fee[] = { "fee", "price", NULL };
static const char *const names_currency[] = { "currency", NULL };
static const char *const names_starts[] = { "starts", "start", "start date", NULL };
static const char *const names_ends[] = { "ends", "end", "end date", NULL };

static const struct csv_column cohort_columns[] = {
	[COL_SLUG] = { "slug", names_slug, 1 },
	[COL_NAME] = { "name", names_name, 1 },
	[COL_COACH] = { "coach", names_coach, 1 },
	[COL_COACH_EMAIL] = { "coach e-mail", names_coach_email, 1 },
	[COL_TZ] = { "time zone", names_tz, 1 },
	[COL_FEE] = { "fee", names_fee, 0 },
	[COL_CURRENCY] = { "currency", names_currency, 0 },
	[COL_STARTS] = { "starts", names_starts, 0 },
	[COL_ENDS] = { "ends", names_ends, 0 },
};

/* Adds or updates the cohort of one row. */
static int
cohort_row(void *arg, struct import_row *row, su_err *e)
{
	const char *fee = import_field(row, COL_FEE);
	struct cohort c = {
		.slug = (char *)import_field(row, COL_SLUG),
		.name = (char *)import_field(row, COL_NAME),
		.coach_name = (char *)import_field(row, COL_COACH),
		.coach_email = (char *)import_field(row, COL_COACH_EMAIL),
		.tz = (char *)import_field(row, COL_TZ),
		.currency = (char *)import_field(row, COL_CURRENCY),
		.starts_on = (char *)import_field(row, COL_STARTS),
		.ends_on = (char *)import_field(row, COL_ENDS),
	}, old;
	su_err why;
	int found, rc;

	if (*fee && money_parse(fee, &c.fee_cents, &why) < 0)
		return import_row_error(row, "%s", why.msg);
	found = cohort_find(row->st, c.slug, &old, e);
	if (found < 0)
		return -2;
	if (found) {
		rc = cohort_update(row->st, &old, &c, &why);
		cohort_free(&old);
		if (rc < 0)
			return import_row_error(row, "%s", why.msg);
		if (rc == 1)
			row->result->updated++;
		else
			row->result->unchanged++;
		return 0;
	}
	if (cohort_add(row->st, &c, &why) < 0)
		return import_row_error(row, "%s", why.msg);
	row->result->added++;
	return 0;
}

int
import_cohorts(struct store *st, const char *path, struct import_result *r, su_err *e)
{
	return import_run(st, 0, "cohort", path, cohort_columns, ARRAY_SIZE(cohort_columns), NULL,
	    cohort_row, NULL, r, e);
}
