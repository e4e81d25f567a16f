/* SPDX-License-Identifier: Apache-2.0 */
/* import-cohorts.c - cohorts from a spreadsheet, known by slug. */
#include "config.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "showup/import.h"
#include "showup/money.h"
#include "import-words.h"

/* A cohort's text fields and the columns that give them. */
static const struct {
	size_t column;
	size_t offset;		/* of the char * in struct cohort */
	const char *field;
} text_fields[] = {
	{ COHORT_NAME, offsetof(struct cohort, name), "name" },
	{ COHORT_COACH, offsetof(struct cohort, coach_name), "coach" },
	{ COHORT_COACH_EMAIL, offsetof(struct cohort, coach_email), "coach e-mail" },
	{ COHORT_TZ, offsetof(struct cohort, tz), "time zone" },
	{ COHORT_CURRENCY, offsetof(struct cohort, currency), "currency" },
	{ COHORT_STARTS, offsetof(struct cohort, starts_on), "starts" },
	{ COHORT_ENDS, offsetof(struct cohort, ends_on), "ends" },
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
	const char *fee = import_field(row, COHORT_FEE);
	int changed = 0;
	char a[48], b[48];
	su_err why;

	*c = *old;
	c->slug = (char *)import_field(row, COHORT_SLUG);
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
	if (!*fee && import_has(row, COHORT_FEE) && row->result->clear_empty)
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
	found = cohort_find(row->st, import_field(row, COHORT_SLUG), &old, e);
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
	return import_run(st, 0, "cohort", path, import_cohort_columns, COHORT_NCOLS, NULL,
	    cohort_row, NULL, r, e);
}
