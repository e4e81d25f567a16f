/* SPDX-License-Identifier: Apache-2.0 */
/* views.c - the one way each shared thing is printed: a cohort, its attendance grid. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "cli.h"
#include "showup/lang.h"
#include "showup/money.h"
#include "showup/roll.h"
#include "showup/table.h"
#include "showup/timeutil.h"

int
view_cohort(struct store *st, const struct cohort *c, FILE *out)
{
	struct cohort_stats n;
	char fee[48];
	su_err e;

	if (cohort_stats(st, c, time_now(), &n, &e) < 0)
		return cli_error("%s", e.msg);
	fprintf(out, "cohort        %s\n", c->slug);
	fprintf(out, "name          %s\n", c->name);
	fprintf(out, "coach         %s <%s>\n", c->coach_name, c->coach_email);
	fprintf(out, "time zone     %s\n", c->tz);
	fprintf(out, "language      %s\n", c->language ? c->language : lang_codes[0]);
	fprintf(out, "fee           %s\n", money_format(c->fee_cents, c->currency, fee,
	    sizeof fee));
	if (*c->starts_on || *c->ends_on)
		fprintf(out, "dates         %s to %s\n", *c->starts_on ? c->starts_on : "?",
		    *c->ends_on ? c->ends_on : "?");
	fprintf(out, "participants  %zu active, %zu withdrawn\n", n.active, n.withdrawn);
	fprintf(out, "sessions      %zu: %zu held, %zu cancelled by the coach, %zu to come\n",
	    n.sessions, n.held, n.cancelled, n.to_come);
	return EXIT_OK;
}

/* Builds the grid table: a row per participant, a column per session. */
static struct table *
grid_table(const struct roll *r, int csv)
{
	size_t ncols = r->sessions.n + 2;
	const char **headers = xcalloc(ncols, sizeof *headers);
	const char **row = xcalloc(ncols, sizeof *row);
	char **numbers = xcalloc(r->sessions.n + 1, sizeof *numbers);
	char (*cells)[2] = xcalloc(r->sessions.n + 1, sizeof *cells);
	struct table *t;

	headers[0] = "participant";
	headers[1] = "email";
	for (size_t j = 0; j < r->sessions.n; j++)	/* "4*": optional, nobody expected */
		headers[j + 2] = numbers[j] = xasprintf("%d%s", r->sessions.v[j].number,
		    r->sessions.v[j].optional && !csv ? "*" : "");
	t = table_new(ncols, headers);
	for (size_t i = 0; i < r->people.n; i++) {
		row[0] = r->people.v[i].name;
		row[1] = r->people.v[i].email;
		for (size_t j = 0; j < r->sessions.n; j++) {
			enum outcome o = roll_outcome(r, i, j);

			cells[j][0] = outcome_letter(o);
			row[j + 2] = csv ? outcome_name(o) : cells[j];
		}
		table_add_row(t, row);
	}
	for (size_t j = 0; j < r->sessions.n; j++)
		free(numbers[j]);
	free(numbers);
	free(cells);
	free(headers);
	free(row);
	return t;
}

int
view_attendance_grid(struct store *st, const struct cohort *c, int csv, FILE *out)
{
	struct policy p;
	struct roll r;
	struct table *t;
	int optional = 0;
	su_err e;

	if (cli_policy(st, c, &p) != EXIT_OK)
		return EXIT_FAIL;
	if (roll_load(st, c, &p, time_now(), &r, &e) < 0)
		return cli_error("%s", e.msg);
	t = grid_table(&r, csv);
	for (size_t j = 0; j < r.sessions.n; j++)
		optional |= r.sessions.v[j].optional;
	if (csv) {
		table_print_csv(t, out);
	} else {
		table_print(t, out);
		fputs("\nP present  L late  C cancelled in time  X late cancellation  "
		    "N no-show  E excused\nR rescheduled in time  ? not recorded  "
		    ". not expected  - cancelled by the coach\n", out);
		if (optional)
			fputs("* optional: nobody expected, who came shows\n", out);
	}
	table_free(t);
	roll_free(&r);
	return EXIT_OK;
}
