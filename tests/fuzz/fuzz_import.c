/* SPDX-License-Identifier: Apache-2.0 */
/* fuzz_import.c - libFuzzer harness: the four imports themselves (roster, schedule,
 * attendance, cohorts), each a dry run against one database: header words in every
 * language, --column, the date order a file shows (12-hour clocks, dates read both
 * ways), names with '?' where letters were, and a first row that holds data. */
#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "showup/import.h"
#include "showup/model.h"
#include "showup/policy.h"
#include "showup/store.h"
#include "showup/timeutil.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char dir[64] = "";		/* where the database and the input file are */
static char db_path[96], csv_path[96];
static struct store *st;
static struct cohort cohort;

/* Removes the database and the input file (at exit). */
static void
clean_up(void)
{
	if (st != NULL)
		store_close(st);
	cohort_free(&cohort);
	unlink(csv_path);
	unlink(db_path);
	rmdir(dir);
}

/* Creates the database once: a Berlin cohort with one participant and one session. */
static void
set_up(void)
{
	struct cohort c = { .slug = "fz", .name = "Fuzz", .coach_name = "Cora Coach",
		.coach_email = "cora@example.com", .tz = "Europe/Berlin", .currency = "EUR",
		.fee_cents = 0, .starts_on = "", .ends_on = "" };
	struct session s = { .minutes = 60, .title = (char *)"", .location = (char *)"",
		.cancel_note = (char *)"" };
	const char *tmp = getenv("TMPDIR");
	su_err e;

	snprintf(dir, sizeof dir, "%s/fuzz-import-XXXXXX", tmp && strlen(tmp) < 30 ? tmp : "/tmp");
	if (mkdtemp(dir) == NULL)
		abort();
	snprintf(db_path, sizeof db_path, "%s/showup.db", dir);
	snprintf(csv_path, sizeof csv_path, "%s/in.csv", dir);
	if ((st = store_open(db_path, STORE_CREATE, NULL, &e)) == NULL ||
	    cohort_add(st, &c, &e) <= 0 || cohort_find(st, "fz", &cohort, &e) != 1 ||
	    participant_add(st, &cohort, "Łukasz Żółć", "lz@example.pl", "", &e) <= 0 ||
	    time_parse("2027-03-11 09:00", DATE_ORDER_YMD, cohort.tz, &s.starts_at, &e) < 0 ||
	    session_add(st, &cohort, &s, NULL, 0, &e) < 0) {
		fprintf(stderr, "fuzz_import: %s\n", e.msg);
		abort();
	}
	atexit(clean_up);
}

/* Writes the input to the file the imports read. */
static void
write_input(const uint8_t *data, size_t size)
{
	FILE *f = fopen(csv_path, "wb");

	if (f == NULL || (size > 0 && fwrite(data, 1, size, f) != size) || fclose(f) != 0)
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* what a coach may say of the file: its date order, a column named by --column */
	static const char *const columns[] = { "e-mail=Kontakt", "name=Teilnehmer",
		"date=Datum", "status=Anwesenheit", "slug=Code" };
	uint8_t opts = size > 0 ? (uint8_t)(data[size - 1] + size) : 0;
	struct policy p;

	if (st == NULL)
		set_up();
	write_input(data, size);
	policy_default(&p);
	for (int what = IMPORT_COHORTS; what <= IMPORT_ATTENDANCE; what++) {
		struct import_result r;
		su_err e;

		import_result_init(&r, 1);	/* a dry run: the database stays as it is */
		r.date_order = (enum date_order)(opts % 4);
		if (opts & 4)	/* a field of another import is refused; that is fine too */
			(void)import_column_name((enum import_what)what,
			    columns[(opts >> 3) % ARRAY_SIZE(columns)], &r, &e);
		(void)import_file(st, (enum import_what)what, &cohort, &p, csv_path, &r, &e);
		import_result_free(&r);
	}
	return 0;
}
