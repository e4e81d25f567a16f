/* export.c - attendance facts out as CSV, in the columns the import reads back. */
#include "config.h"

#include <stdio.h>

#include "showup/import.h"
#include "showup/roll.h"
#include "showup/timeutil.h"

static const char *const export_header[] = { "session", "date", "email", "name",
	"status", "minutes_late", "cancelled_at", "reason", "note", "outcome" };

/* Appends the CSV record of the fact at person i, session j. */
static void
export_cell(const struct roll *r, size_t i, size_t j, struct strbuf *sb)
{
	struct attendance buf;
	const struct attendance *a = roll_fact(r, i, j, &buf);
	const struct session *s = &r->sessions.v[j];
	char number[16], date[40], minutes[16] = "", cancelled[40] = "";
	const char *fields[ARRAY_SIZE(export_header)];

	snprintf(number, sizeof number, "%d", s->number);
	time_format_iso(r->cohort->tz, s->starts_at, date, sizeof date);
	if (a->fact == FACT_ARRIVED && a->minutes_late > 0)
		snprintf(minutes, sizeof minutes, "%d", a->minutes_late);
	if (a->fact == FACT_CANCELLED)
		time_format_iso(r->cohort->tz, a->cancelled_at, cancelled, sizeof cancelled);
	fields[0] = number;
	fields[1] = date;
	fields[2] = r->people.v[i].email;
	fields[3] = r->people.v[i].name;
	fields[4] = fact_status_word(a);
	fields[5] = minutes;
	fields[6] = cancelled;
	fields[7] = a->reason;
	fields[8] = a->note;
	fields[9] = outcome_name(roll_outcome(r, i, j));
	csvw_record(sb, fields, ARRAY_SIZE(fields));
}

int
export_attendance(struct store *st, const struct cohort *c, const struct policy *p,
    int excel, FILE *out, su_err *e)
{
	struct strbuf sb = STRBUF_INIT;
	struct roll r;

	if (roll_load(st, c, p, time_now(), &r, e) < 0)
		return -1;
	if (excel)
		sb_adds(&sb, CSV_EXCEL_BOM);
	csvw_record(&sb, export_header, ARRAY_SIZE(export_header));
	for (size_t j = 0; j < r.sessions.n; j++) {
		for (size_t i = 0; i < r.people.n; i++) {
			struct attendance buf;

			if (roll_fact(&r, i, j, &buf) == NULL)
				continue;
			export_cell(&r, i, j, &sb);
			if (sb.len > 65536) {
				fwrite(sb.buf, 1, sb.len, out);
				sb_reset(&sb);
			}
		}
	}
	fwrite(sb_str(&sb), 1, sb.len, out);
	sb_free(&sb);
	roll_free(&r);
	if (ferror(out))
		return su_err_set(e, "cannot write the export");
	return 0;
}
