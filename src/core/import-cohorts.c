/* SPDX-License-Identifier: Apache-2.0 */
/* import-cohorts.c - cohorts from a spreadsheet, known by slug. */
#include "config.h"

#include <stddef.h>
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
	[COL_NAME] = { "name", names_name, 0 },
	[COL_COACH] = { "coach", names_coach, 0 },
	[COL_COACH_EMAIL] = { "coach e-mail", names_coach_email, 0 },
	[COL_TZ] = { "time zone", names_tz, 0 },
	[COL_FEE] = { "fee", names_fee, 0 },
	[COL_CURRENCY] = { "currency", names_currency, 0 },
	[COL_STARTS] = { "starts", names_starts, 0 },
	[COL_ENDS] = { "ends", names_ends, 0 },
};

/* A cohort's text fields and the columns that give them. */
static const struct {
	size_t column;
	size_t offset;		/* of the char * in struct cohort */
	const char *field;
} text_fields[] = {
	{ COL_NAME, offsetof(struct cohort, name), "name" },
	{ COL_COACH, offsetof(struct cohort, coach_name), "coach" },
	{ COL_COACH_EMAIL, offsetof(struct cohort, coach_email), "coach e-mail" },
	{ COL_TZ, offsetof(struct cohort, tz), "time zone" },
	{ COL_CURRENCY, offsetof(struct cohort, currency), "currency" },
	{ COL_STARTS, offsetof(struct cohort, starts_on), "starts" },
	{ COL_ENDS, offsetof(struct cohort, ends_on), "ends" },
};

/* Returns the address of the text field at 'offset' of cohort 'c'. */
static char **
text_field(struct cohort *c, size_t offset)
{
	return (char **)((char *)c + offset);
}

/*
 * Fills 'c' from the row over 'old' (every field "" for a new cohort): a
 * column the file lacks, or an empty cell, keeps the old value; each change
 * is checked and listed. 1 changed, 0 not, -1 (row reported).
 */
static int
row_cohort(struct import_row *row, struct cohort *old, struct cohort *c)
{
	const char *fee = import_field(row, COL_FEE);
	int changed = 0;
	char a[48], b[48];
	su_err why;

	*c = *old;
	c->slug = (char *)import_field(row, COL_SLUG);
	for (size_t i = 0; i < ARRAY_SIZE(text_fields); i++) {
		const char *was = *text_field(old, text_fields[i].offset);
		const char *now = import_value(row, text_fields[i].column, was);
		int rc = import_change(row, c->slug, text_fields[i].field, was, now);

		if (rc < 0)
			return -1;
		changed |= rc;
		*text_field(c, text_fields[i].offset) = (char *)now;
	}
	if (*fee && money_parse(fee, &c->fee_cents, &why) < 0)
		return import_row_error(row, "%s", why.msg);
	if (!*fee && import_has(row, COL_FEE) && row->result->clear_empty)
		c->fee_cents = 0;
	if (c->fee_cents != old->fee_cents) {
		changed = 1;
		import_change(row, c->slug, "fee", money_format(old->fee_cents, "", a, sizeof a),
		    money_format(c->fee_cents, "", b, sizeof b));
	}
	return changed;
}

/* Adds or updates the cohort of one row. */
static int
cohort_row(void *arg, struct import_row *row, su_err *e)
{
	struct cohort old, c, blank = { .name = "", .coach_name = "", .coach_email = "",
		.tz = "", .currency = "", .starts_on = "", .ends_on = "" };
	su_err why = { "" };
	int found, rc;

	(void)arg;
	found = cohort_find(row->st, import_field(row, COL_SLUG), &old, e);
	if (found < 0)
		return -2;
	rc = row_cohort(row, found ? &old : &blank, &c);
	if (rc >= 0 && found)
		rc = cohort_update(row->st, &old, &c, &why);
	else if (rc >= 0)
		rc = cohort_add(row->st, &c, &why) < 0 ? -1 : 0;
	if (found)
		cohort_free(&old);
	if (rc < 0)
		return why.msg[0] ? import_row_error(row, "%s", why.msg) : -1;
	if (!found)
		row->result->added++;
	else if (rc == 1)
		row->result->updated++;
	else
		row->result->unchanged++;
	return 0;
}

int
import_cohorts(struct store *st, const char *path, struct import_result *r, su_err *e)
{
	return import_run(st, 0, "cohort", path, cohort_columns, ARRAY_SIZE(cohort_columns), NULL,
	    cohort_row, NULL, r, e);
}
