/* import-roster.c - participants from a spreadsheet, known by e-mail. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "showup/import.h"

enum { COL_NAME, COL_FIRST, COL_LAST, COL_EMAIL, COL_COMPANY };

static const char *const names_name[] = { "name", "full name", "participant",
	"participant name", "attendee", "student", "display name", NULL };
static const char *const names_first[] = { "first name", "firstname", "given name",
	"forename", "first", NULL };
static const char *const names_last[] = { "last name", "lastname", "surname",
	"family name", "last", NULL };
static const char *const names_email[] = { "email", "e-mail", "email address",
	"e-mail address", "mail", "work email", NULL };
static const char *const names_company[] = { "company", "company name",
	"organisation", "organization", "employer", "org", NULL };

static const struct csv_column roster_columns[] = {
	[COL_NAME] = { "name", names_name, 0 },
	[COL_FIRST] = { "first name", names_first, 0 },
	[COL_LAST] = { "last name", names_last, 0 },
	[COL_EMAIL] = { "e-mail", names_email, 1 },
	[COL_COMPANY] = { "company", names_company, 0 },
};

struct roster_import {
	const struct cohort *cohort;
	struct strmap seen;	/* e-mail -> line of first appearance */
};

/*
 * Returns the row's full name: the name column, else first + last, with line
 * breaks a spreadsheet cell may hold folded into spaces; the caller frees it.
 */
static char *
row_name(const struct import_row *row)
{
	const char *first = import_field(row, COL_FIRST), *last = import_field(row, COL_LAST);

	if (*import_field(row, COL_NAME))
		return str_squeeze_space(xstrdup(import_field(row, COL_NAME)));
	return str_squeeze_space(xasprintf("%s%s%s", first, *first && *last ? " " : "", last));
}

/* Adds or updates the participant of one row. */
static int
roster_row(void *arg, struct import_row *row, su_err *e)
{
	struct roster_import *ri = arg;
	const char *email = import_field(row, COL_EMAIL);
	struct participant p;
	char *name = NULL, *company = NULL;
	long first_line;
	su_err why;
	int rc = -1, found;

	if (*email == '\0')
		return import_row_error(row, "no e-mail address");
	if (strmap_get(&ri->seen, email, &first_line))
		return import_row_error(row, "'%s' appears again (first on line %ld)",
		    email, first_line);
	strmap_put(&ri->seen, email, csvr_line(row->reader));
	name = row_name(row);
	company = str_squeeze_space(xstrdup(import_field(row, COL_COMPANY)));
	if (*name == '\0') {
		rc = import_row_error(row, "no name for '%s'", email);
		goto done;
	}
	found = participant_find(row->st, ri->cohort, email, &p, e);
	if (found < 0) {
		rc = -2;
		goto done;
	}
	if (found) {
		rc = participant_update(row->st, ri->cohort, &p, name, company, &why);
		participant_free(&p);
		if (rc == 1)
			row->result->updated++;
		else if (rc == 0)
			row->result->unchanged++;
	} else {
		rc = participant_add(row->st, ri->cohort, name, email, company, &why) < 0
		    ? -1 : 0;
		if (rc == 0)
			row->result->added++;
	}
	if (rc < 0)
		rc = import_row_error(row, "%s", why.msg);
	else
		rc = 0;
done:
	free(name);
	free(company);
	return rc;
}

int
import_roster(struct store *st, const struct cohort *c, const char *path,
    struct import_result *r, su_err *e)
{
	struct roster_import ri = { c, STRMAP_INIT };
	int rc;

	rc = import_run(st, c->id, "participant", path, roster_columns, ARRAY_SIZE(roster_columns), NULL,
	    roster_row, &ri, r, e);
	strmap_free(&ri.seen);
	return rc;
}
