/* import-roster.c - participants from a spreadsheet, known by e-mail. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "showup/import.h"

enum { COL_NAME, COL_FIRST, COL_LAST, COL_EMAIL, COL_COMPANY, COL_CALL_NAME };

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
static const char *const names_call[] = { "call name", "preferred name", "nickname",
	"known as", NULL };

static const struct csv_column roster_columns[] = {
	[COL_NAME] = { "name", names_name, 0 },
	[COL_FIRST] = { "first name", names_first, 0 },
	[COL_LAST] = { "last name", names_last, 0 },
	[COL_EMAIL] = { "e-mail", names_email, 1 },
	[COL_COMPANY] = { "company", names_company, 0 },
	[COL_CALL_NAME] = { "call_name", names_call, 0 },
};

struct roster_import {
	const struct cohort *cohort;
	struct strmap seen;	/* e-mail -> line of first appearance */
};

/* Returns 1 if code point 'cp' is Chinese or Japanese script (written without spaces). */
static int
cjk_unspaced(unsigned int cp)
{
	return (cp >= 0x3040 && cp <= 0x30ff) || (cp >= 0x3400 && cp <= 0x4dbf) ||
	    (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0xf900 && cp <= 0xfaff) ||
	    (cp >= 0x20000 && cp <= 0x3134f);
}

/* Returns 1 if code point 'cp' is Hangul. */
static int
hangul(unsigned int cp)
{
	return (cp >= 0xac00 && cp <= 0xd7af) || (cp >= 0x1100 && cp <= 0x11ff) ||
	    (cp >= 0x3130 && cp <= 0x318f);
}

char *
person_name_join(const char *given, const char *family)
{
	unsigned int cp;

	if (*given == '\0' || *family == '\0')
		return xasprintf("%s%s", given, family);
	utf8_decode((const unsigned char *)family, &cp);
	if (cjk_unspaced(cp))
		return xasprintf("%s%s", family, given);
	if (hangul(cp))
		return xasprintf("%s %s", family, given);
	return xasprintf("%s %s", given, family);
}

/*
 * Returns the row's full name, the caller to free it: the name column, else
 * first and last name in their script's order, else 'old' (NULL: ""); line
 * breaks a spreadsheet cell may hold are folded into spaces.
 */
static char *
row_name(const struct import_row *row, const char *old)
{
	const char *first = import_field(row, COL_FIRST), *last = import_field(row, COL_LAST);

	if (*import_field(row, COL_NAME))
		return str_squeeze_space(xstrdup(import_field(row, COL_NAME)));
	if (*first || *last)
		return str_squeeze_space(person_name_join(first, last));
	return xstrdup(old ? old : "");
}

/*
 * Sets p's call name from the row's call_name column, if the file has one;
 * returns 'changed', or 1 if the call name changed, or -1 (the row reported).
 */
static int
row_call_name(struct import_row *row, const struct cohort *c, const struct participant *p,
    int changed)
{
	char *call = str_squeeze_space(xstrdup(import_value(row, COL_CALL_NAME,
	    p->call_name ? p->call_name : "")));
	int rc = import_change(row, p->email, "call name", p->call_name ? p->call_name : "",
	    call);
	su_err why;

	if (rc == 1 && participant_set_call_name(row->st, c, p, call, &why) < 0)
		rc = import_row_error(row, "%s", why.msg);
	free(call);
	return rc < 0 ? -1 : changed || rc;
}

/* Updates participant 'p' from the row: only the columns the file has; 1, 0 or -1. */
static int
update_row(struct import_row *row, const struct cohort *c, const struct participant *p)
{
	char *name = row_name(row, p->name);
	char *company = str_squeeze_space(xstrdup(import_value(row, COL_COMPANY, p->company)));
	int a = import_change(row, p->email, "name", p->name, name);
	int b = import_change(row, p->email, "company", p->company, company);
	su_err why;
	int rc = -1;

	if (a < 0 || b < 0)
		goto done;
	rc = a || b ? participant_update(row->st, c, p, name, p->email, company, &why) : 0;
	if (rc < 0)
		import_row_error(row, "%s", why.msg);
	else
		rc = row_call_name(row, c, p, rc);
done:
	free(name);
	free(company);
	return rc;
}

/* Adds the participant of a row that is new to the cohort; 0 or -1 (row reported). */
static int
add_row(struct import_row *row, const struct cohort *c, const char *email)
{
	char *name = row_name(row, NULL);
	char *company = str_squeeze_space(xstrdup(import_field(row, COL_COMPANY)));
	char *call = str_squeeze_space(xstrdup(import_field(row, COL_CALL_NAME)));
	struct participant p = { 0 };
	su_err why;
	int rc;

	if (*name == '\0')
		rc = import_row_error(row, "no name for '%s'", email);
	else if (participant_add(row->st, c, name, email, company, &why) < 0 ||
	    (*call && (participant_find(row->st, c, email, &p, &why) != 1 ||
	    participant_set_call_name(row->st, c, &p, call, &why) < 0)))
		rc = import_row_error(row, "%s", why.msg);
	else
		rc = 0;
	participant_free(&p);
	free(call);
	free(name);
	free(company);
	return rc;
}

/* Adds or updates the participant of one row. */
static int
roster_row(void *arg, struct import_row *row, su_err *e)
{
	struct roster_import *ri = arg;
	const char *email = import_field(row, COL_EMAIL);
	struct participant p;
	long first_line;
	int rc, found;

	if (*email == '\0')
		return import_row_error(row, "no e-mail address");
	if (strmap_get(&ri->seen, email, &first_line))
		return import_row_error(row, "'%s' appears again (first on line %ld)",
		    email, first_line);
	strmap_put(&ri->seen, email, csvr_line(row->reader));
	found = participant_find(row->st, ri->cohort, email, &p, e);
	if (found < 0)
		return -2;
	if (!found) {
		rc = add_row(row, ri->cohort, email);
		row->result->added += rc == 0;
		return rc;
	}
	rc = update_row(row, ri->cohort, &p);
	participant_free(&p);
	if (rc == 1)
		row->result->updated++;
	else if (rc == 0)
		row->result->unchanged++;
	return rc < 0 ? -1 : 0;
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
