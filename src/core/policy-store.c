/* SPDX-License-Identifier: Apache-2.0 */
/* policy-store.c - a cohort's policy settings in the store: loaded over the defaults, saved audited. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "showup/model.h"
#include "showup/policy-store.h"
#include "store-private.h"

int
policy_load(struct store *st, const struct cohort *c, struct policy *p, su_err *e)
{
	static const char *const sql =
		"SELECT key, value FROM policy_setting WHERE cohort_id = ? ORDER BY key";
	sqlite3_stmt *stmt = store_stmt(st, sql, e);
	char *keys[64], *values[64];
	size_t n = 0;
	int rc = 0;

	policy_default(p);
	if (stmt == NULL)
		return -1;
	db_bind_int(stmt, 1, c->id);
	while (n < ARRAY_SIZE(keys) && (rc = db_step_row(stmt, e)) == 1) {
		keys[n] = db_column_dup(stmt, 0);
		values[n++] = db_column_dup(stmt, 1);
	}
	sqlite3_reset(stmt);
	if (rc >= 0 && policy_apply_many(p, (const char *const *)keys,
	    (const char *const *)values, n, e) < 0) {
		char why[sizeof e->msg];

		snprintf(why, sizeof why, "%s", e->msg);
		su_err_set(e, "the stored policy of cohort '%s' is not usable: %s", c->slug, why);
		rc = -1;
	}
	for (size_t i = 0; i < n; i++) {
		free(keys[i]);
		free(values[i]);
	}
	return rc < 0 ? -1 : 0;
}

/* Stores (or, for a default value, removes) one setting row. */
static int
store_setting(struct store *st, const struct cohort *c, const char *key, const char *value,
    int is_default, su_err *e)
{
	static const char *const sql_upsert =
		"INSERT INTO policy_setting (cohort_id, key, value) VALUES (?, ?, ?)"
		" ON CONFLICT (cohort_id, key) DO UPDATE SET value = excluded.value";
	static const char *const sql_delete =
		"DELETE FROM policy_setting WHERE cohort_id = ? AND key = ?";
	sqlite3_stmt *stmt = store_stmt(st, is_default ? sql_delete : sql_upsert, e);

	if (stmt == NULL)
		return -1;
	db_bind_int(stmt, 1, c->id);
	db_bind_text(stmt, 2, key);
	if (!is_default)
		db_bind_text(stmt, 3, value);
	return db_step_done(stmt, e);
}

int
policy_save(struct store *st, const struct cohort *c, const char *key, const char *value,
    su_err *e)
{
	struct policy current, next, defaults;
	struct strbuf before = STRBUF_INIT, after = STRBUF_INIT, dflt = STRBUF_INIT;
	char *subject = NULL;
	int rc = -1;

	if (policy_load(st, c, &current, e) < 0)
		return -1;
	next = current;
	if (policy_apply(&next, key, value, e) < 0)
		return -1;
	policy_default(&defaults);
	policy_value(&current, key, &before);
	policy_value(&next, key, &after);
	policy_value(&defaults, key, &dflt);
	if (strcmp(sb_str(&before), sb_str(&after)) == 0) {
		rc = 0;
		goto done;
	}
	subject = xasprintf("%s %s", c->slug, key);
	if (store_setting(st, c, key, sb_str(&after),
	    strcmp(sb_str(&after), sb_str(&dflt)) == 0, e) < 0 ||
	    audit_add(st, c->id, "policy set", subject, sb_str(&before), sb_str(&after), e) < 0)
		goto done;
	rc = 1;
done:
	sb_free(&before);
	sb_free(&after);
	sb_free(&dflt);
	free(subject);
	return rc;
}
