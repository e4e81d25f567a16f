/* retention.c - cohorts kept only as long as their policy's 'retention' says:
 * past it, every participant's personal data is erased (erase.c). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "showup/model.h"
#include "showup/policy-store.h"
#include "showup/privacy.h"
#include "store-private.h"

/* Returns 't' moved on by 'months' calendar months (UTC). */
static int64_t
add_months(int64_t t, int months)
{
	time_t tt = (time_t)t;
	struct tm tm;

	gmtime_r(&tt, &tm);
	tm.tm_mon += months;
	return (int64_t)timegm(&tm);
}

/*
 * Returns when cohort c ended: the day after its last day (ends_on, UTC), else
 * the end of its last session; 0 when it has neither. -1 with 'e' set.
 */
static int64_t
cohort_end(struct store *st, const struct cohort *c, su_err *e)
{
	sqlite3_stmt *stmt;
	struct tm tm = { 0 };
	int64_t end = 0;
	int rc;

	if (sscanf(c->ends_on, "%4d-%2d-%2d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday) == 3) {
		tm.tm_year -= 1900;
		tm.tm_mon -= 1;
		tm.tm_mday += 1;
		return (int64_t)timegm(&tm);
	}
	stmt = store_stmt_bound(st, "SELECT max(starts_at + 60 * minutes) FROM session"
	    " WHERE cohort_id = ?", &c->id, 1, e);
	if (stmt == NULL)
		return -1;
	if ((rc = db_step_row(stmt, e)) == 1 && !db_column_null(stmt, 0))
		end = sqlite3_column_int64(stmt, 0);
	sqlite3_reset(stmt);
	return rc < 0 ? -1 : end;
}

/* Counts the records of cohort 'id' not erased yet; -1 with 'e' set. */
static int64_t
records_left(struct store *st, int64_t id, su_err *e)
{
	sqlite3_stmt *stmt = store_stmt_bound(st, "SELECT count(*) FROM participant"
	    " WHERE cohort_id = ? AND erased_at IS NULL", &id, 1, e);
	int64_t n = -1;

	if (stmt != NULL && db_step_row(stmt, e) == 1)
		n = sqlite3_column_int64(stmt, 0);
	if (stmt != NULL)
		sqlite3_reset(stmt);
	return n;
}

/* Adds cohort c to 'out' if its retention has passed at 'now' with records left; 0 or -1. */
static int
check_cohort(struct store *st, const struct cohort *c, int64_t now,
    struct retention_list *out, su_err *e)
{
	struct policy pol;
	int64_t end, left;

	if (policy_load(st, c, &pol, e) < 0)
		return -1;
	if (pol.retention_months == 0)
		return 0;
	if ((end = cohort_end(st, c, e)) < 0)
		return -1;
	if (end == 0 || add_months(end, pol.retention_months) > now)
		return 0;
	if ((left = records_left(st, c->id, e)) <= 0)
		return left < 0 ? -1 : 0;
	out->v = xrealloc(out->v, (out->n + 1) * sizeof *out->v);
	out->v[out->n++] = (struct retention_due){ xstrdup(c->slug), c->id, pol.retention_months,
	    end, add_months(end, pol.retention_months), (size_t)left };
	return 0;
}

int
retention_list_due(struct store *st, int64_t now, struct retention_list *out, su_err *e)
{
	struct cohort_list all;
	int rc = 0;

	memset(out, 0, sizeof *out);
	if (cohort_list_all(st, &all, e) < 0)
		return -1;
	for (size_t i = 0; i < all.n && rc == 0; i++)
		rc = check_cohort(st, &all.v[i], now, out, e);
	cohort_list_free(&all);
	if (rc < 0)
		retention_list_free(out);
	return rc;
}

void
retention_list_free(struct retention_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i].slug);
	free(l->v);
	memset(l, 0, sizeof *l);
}

int
retention_erase(struct store *st, const struct retention_due *d, su_err *e)
{
	int64_t *ids = NULL;
	size_t n = 0;
	char why[48];
	int rc;

	snprintf(why, sizeof why, "retention %dmo after the cohort's end", d->months);
	rc = store_int64s(st, "SELECT id FROM participant WHERE cohort_id = ?"
	    " AND erased_at IS NULL ORDER BY id", &d->cohort_id, 1, &ids, &n, e);
	for (size_t i = 0; i < n && rc == 0; i++) {	/* each their own pseudonym */
		struct pseudonym ps;

		rc = privacy_erase(st, &ids[i], 1, why, &ps, e);
	}
	free(ids);
	return rc;
}
