/* SPDX-License-Identifier: Apache-2.0 */
/* fuzz_csv.c - libFuzzer harness: the CSV reader, header mapping, the field parsers
 * an import runs on every cell (times, amounts, e-mail addresses, numbers), and the
 * policy settings' parser ('showup policy set' values). */
#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "showup/csvio.h"
#include "showup/decode.h"
#include "showup/import.h"
#include "showup/model.h"
#include "showup/money.h"
#include "showup/policy.h"
#include "showup/table.h"
#include "showup/timeutil.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Runs every cell parser of the importers over one field. */
static void
parse_field(const char *f)
{
	static const char *const keys[] = { "cutoff", "ladder", "reasons.accepted", "grace",
		"forgive.days" };
	struct strbuf back = STRBUF_INIT;
	struct policy p;
	int64_t t, cents;
	long long n;
	int y, m, d;

	(void)time_parse(f, DATE_ORDER_UNKNOWN, "Europe/Berlin", &t, NULL);
	(void)time_clock_12h(f);
	(void)date_parse(f, &y, &m, &d, NULL);
	(void)money_parse(f, &cents, NULL);
	(void)parse_int(f, 0, 100000, &n);
	(void)email_valid(f);
	(void)session_kind_parse(f);
	(void)text_width(f);
	(void)text_looks_double_encoded(f);
	free(person_name_join(f, f));
	policy_default(&p);
	for (size_t k = 0; k < ARRAY_SIZE(keys); k++)
		if (policy_apply(&p, keys[k], f, NULL) == 0)
			policy_value(&p, keys[k], &back);
	sb_free(&back);
}

/* Reads every record of the input as 'f' says, the header mapped or not by the columns of
 * an import of 'what' (their header words in every language), and checks each field. */
static void
read_as(const uint8_t *data, size_t size, const struct csv_format *f, enum import_what what)
{
	struct csv_reader *r = csvr_open_mem((const char *)data, size, "fuzz.csv");
	struct strbuf ignored = STRBUF_INIT;
	size_t ncols;
	const struct csv_column *columns = import_columns(what, &ncols);
	int index[16];

	if (r == NULL)
		return;
	if (f != NULL && csvr_set_format(r, f, NULL) < 0)
		abort();	/* every encoding named below is one iconv has */
	/* a header that maps or not, the records after it are read all the same */
	if (ncols > ARRAY_SIZE(index))
		abort();
	(void)csvr_map_header(r, columns, ncols, index, NULL, &ignored, NULL);
	while (csvr_next(r, NULL) == 1) {
		if (csvr_problem(r) != NULL)
			continue;
		for (size_t i = 0; i < csvr_count(r); i++) {
			const char *field = csvr_field(r, i);

			if (!utf8_valid(field, strlen(field)))
				abort();	/* the reader hands on only UTF-8 */
			parse_field(field);
		}
		(void)csvr_line(r);
		(void)csvr_offset(r);
	}
	(void)csvr_separator(r);
	(void)csvr_encoding(r);
	sb_free(&ignored);
	csvr_close(r);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const encodings[] = { "UTF-8", "WINDOWS-1252", "UTF-16LE",
		"UTF-16", "ISO-8859-1", "SHIFT_JIS", "MACINTOSH" };
	static const char separators[] = { 0, ',', ';', '\t', '|' };
	struct csv_format f = { 0, NULL, NULL };

	read_as(data, size, NULL, (enum import_what)(size % 4));	/* as an import: sniffed */
	if (size > 0) {			/* and as a coach's options say */
		f.encoding = encodings[data[size - 1] % ARRAY_SIZE(encodings)];
		f.separator = separators[data[size - 1] / 8 % ARRAY_SIZE(separators)];
		f.zone = data[0] & 1 ? "Europe/Warsaw" : NULL;	/* a tie read as Windows-1250 */
		read_as(data, size, &f, (enum import_what)(data[0] % 4));
	}
	return 0;
}
