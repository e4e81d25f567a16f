/* fuzz_csv.c - libFuzzer harness: the CSV reader, header mapping, the field parsers
 * an import runs on every cell (times, amounts, e-mail addresses, numbers), and the
 * policy settings' parser ('showup policy set' values). */
#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "showup/csvio.h"
#include "showup/model.h"
#include "showup/money.h"
#include "showup/policy.h"
#include "showup/table.h"
#include "showup/timeutil.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const names_email[] = { "email", "e-mail", "email address", NULL };
static const char *const names_name[] = { "name", "full name", NULL };
static const char *const names_when[] = { "start", "cancelled at", NULL };
static const struct csv_column columns[] = {
	{ "name", names_name, 0 },
	{ "e-mail", names_email, 1 },
	{ "start", names_when, 0 },
};

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
	(void)date_parse(f, &y, &m, &d, NULL);
	(void)money_parse(f, &cents, NULL);
	(void)parse_int(f, 0, 100000, &n);
	(void)email_valid(f);
	(void)session_kind_parse(f);
	(void)text_width(f);
	policy_default(&p);
	for (size_t k = 0; k < ARRAY_SIZE(keys); k++)
		if (policy_apply(&p, keys[k], f, NULL) == 0)
			policy_value(&p, keys[k], &back);
	sb_free(&back);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct csv_reader *r = csvr_open_mem((const char *)data, size, "fuzz.csv");
	struct strbuf ignored = STRBUF_INIT;
	int index[ARRAY_SIZE(columns)];

	if (r == NULL)
		return 0;
	/* a header that maps or not, the records after it are read all the same */
	(void)csvr_map_header(r, columns, ARRAY_SIZE(columns), index, NULL, &ignored, NULL);
	while (csvr_next(r, NULL) == 1) {
		if (csvr_problem(r) != NULL)
			continue;
		for (size_t i = 0; i < csvr_count(r); i++)
			parse_field(csvr_field(r, i));
		(void)csvr_line(r);
		(void)csvr_offset(r);
	}
	sb_free(&ignored);
	csvr_close(r);
	return 0;
}
