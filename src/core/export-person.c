/* SPDX-License-Identifier: Apache-2.0 */
/* export-person.c - everything held about one person, in every cohort, as one zip
 * archive: their records as CSV, their messages as .eml, the audit entries about
 * them, their commitment reports, and a README that names each file. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zip.h>

#include "showup/atomicfile.h"
#include "showup/csvio.h"
#include "showup/model.h"
#include "showup/policy-store.h"
#include "showup/privacy.h"
#include "showup/report.h"
#include "showup/timeutil.h"
#include "store-private.h"

/* One CSV file of the archive: its name, what it holds, and the query (?1 the address). */
static const struct export_table {
	const char *file, *about, *sql;
} export_tables[] = {
	{ "participant.csv", "your record in each cohort: name, address, company, status",
	  "SELECT c.slug AS cohort, c.name AS cohort_name, p.*,"
	  " strftime('%Y-%m-%dT%H:%M:%SZ', p.withdrawn_at, 'unixepoch') AS withdrawn_utc"
	  " FROM participant p JOIN cohort c ON c.id = p.cohort_id"
	  " WHERE p.email = ?1 ORDER BY c.slug" },
	{ "attendance.csv", "what was recorded for each session: arrival, absence or "
	  "cancellation, with its reason and note",
	  "SELECT c.slug AS cohort, s.number AS session, s.kind,"
	  " strftime('%Y-%m-%dT%H:%M:%SZ', s.starts_at, 'unixepoch') AS starts_utc, s.title, a.fact, a.minutes_late,"
	  " strftime('%Y-%m-%dT%H:%M:%SZ', a.cancelled_at, 'unixepoch') AS cancelled_utc, a.reason, a.note"
	  " FROM attendance a JOIN session s ON s.id = a.session_id"
	  " JOIN participant p ON p.id = a.participant_id JOIN cohort c ON c.id = p.cohort_id"
	  " WHERE p.email = ?1 ORDER BY c.slug, s.number" },
	{ "attendance-replaced.csv", "what you told us that a later record by the coach "
	  "replaced, kept whole",
	  "SELECT c.slug AS cohort, s.number AS session, r.fact, r.minutes_late,"
	  " strftime('%Y-%m-%dT%H:%M:%SZ', r.cancelled_at, 'unixepoch') AS cancelled_utc, r.reason, r.note,"
	  " strftime('%Y-%m-%dT%H:%M:%SZ', r.replaced_at, 'unixepoch') AS replaced_utc,"
	  " strftime('%Y-%m-%dT%H:%M:%SZ', r.restored_at, 'unixepoch') AS restored_utc"
	  " FROM attendance_replaced r JOIN session s ON s.id = r.session_id"
	  " JOIN participant p ON p.id = r.participant_id JOIN cohort c ON c.id = p.cohort_id"
	  " WHERE p.email = ?1 ORDER BY c.slug, r.id" },
	{ "reschedules.csv", "your requests to move your place to another session",
	  "SELECT c.slug AS cohort, f.number AS from_session, t.number AS to_session,"
	  " strftime('%Y-%m-%dT%H:%M:%SZ', r.asked_at, 'unixepoch') AS asked_utc, r.whole_session, r.note,"
	  " strftime('%Y-%m-%dT%H:%M:%SZ', r.undone_at, 'unixepoch') AS undone_utc,"
	  " strftime('%Y-%m-%dT%H:%M:%SZ', r.replaced_at, 'unixepoch') AS replaced_utc"
	  " FROM reschedule r JOIN session f ON f.id = r.from_session_id"
	  " JOIN session t ON t.id = r.to_session_id JOIN participant p ON p.id = r.participant_id"
	  " JOIN cohort c ON c.id = p.cohort_id WHERE p.email = ?1 ORDER BY c.slug, r.id" },
	{ "waiting.csv", "the sessions with places you waited for a place at, and when one "
	  "came free for you",
	  "SELECT c.slug AS cohort, s.number AS session,"
	  " strftime('%Y-%m-%dT%H:%M:%SZ', w.asked_at, 'unixepoch') AS asked_utc,"
	  " strftime('%Y-%m-%dT%H:%M:%SZ', w.placed_at, 'unixepoch') AS placed_utc,"
	  " strftime('%Y-%m-%dT%H:%M:%SZ', w.left_at, 'unixepoch') AS left_utc"
	  " FROM waiting w JOIN session s ON s.id = w.session_id"
	  " JOIN participant p ON p.id = w.participant_id JOIN cohort c ON c.id = p.cohort_id"
	  " WHERE p.email = ?1 ORDER BY c.slug, w.id" },
	{ "refund-offers.csv", "the refund offers made to you and how each ended",
	  "SELECT c.slug AS cohort, o.amount_cents, o.currency, o.origin,"
	  " strftime('%Y-%m-%dT%H:%M:%SZ', o.offered_at, 'unixepoch') AS offered_utc,"
	  " strftime('%Y-%m-%dT%H:%M:%SZ', o.expires_at, 'unixepoch') AS expires_utc, o.state,"
	  " strftime('%Y-%m-%dT%H:%M:%SZ', o.decided_at, 'unixepoch') AS decided_utc"
	  " FROM refund_offer o JOIN participant p ON p.id = o.participant_id"
	  " JOIN cohort c ON c.id = p.cohort_id WHERE p.email = ?1 ORDER BY c.slug, o.id" },
	{ "reviews.csv", "the coach's reviews of your record, with the coach's note",
	  "SELECT c.slug AS cohort, r.points, strftime('%Y-%m-%dT%H:%M:%SZ', r.done_at, 'unixepoch') AS done_utc,"
	  " r.note FROM review r JOIN participant p ON p.id = r.participant_id"
	  " JOIN cohort c ON c.id = p.cohort_id WHERE p.email = ?1 ORDER BY c.slug, r.id" },
	{ "notices.csv", "the steps of the policy's ladder of notices reached",
	  "SELECT c.slug AS cohort, n.step, n.kind, n.points,"
	  " strftime('%Y-%m-%dT%H:%M:%SZ', n.sent_at, 'unixepoch') AS sent_utc FROM notice n"
	  " JOIN participant p ON p.id = n.participant_id JOIN cohort c ON c.id = p.cohort_id"
	  " WHERE p.email = ?1 ORDER BY c.slug, n.step" },
	{ "messages.csv", "every message to you in the outbox (sent, or planned), with its "
	  "file in messages/",
	  "SELECT c.slug AS cohort, 'messages/' || o.id || '-' || o.kind || '.eml' AS file,"
	  " o.kind, o.state, o.subject, strftime('%Y-%m-%dT%H:%M:%SZ', o.planned_at, 'unixepoch') AS planned_utc,"
	  " strftime('%Y-%m-%dT%H:%M:%SZ', o.sent_at, 'unixepoch') AS sent_utc FROM outbox o"
	  " JOIN participant p ON p.id = o.participant_id JOIN cohort c ON c.id = p.cohort_id"
	  " WHERE p.email = ?1 ORDER BY o.id" },
	{ "audit.csv", "the entries of the change log that name you: who changed what, old "
	  "and new",
	  "SELECT strftime('%Y-%m-%dT%H:%M:%SZ', a.at, 'unixepoch') AS at_utc, a.actor, c.slug AS cohort, a.action,"
	  " a.subject, a.old, a.new, a.source FROM audit a LEFT JOIN cohort c"
	  " ON c.id = a.cohort_id WHERE instr(lower(a.subject), lower(?1)) > 0"
	  " OR instr(lower(coalesce(a.old, '')), lower(?1)) > 0"
	  " OR instr(lower(coalesce(a.new, '')), lower(?1)) > 0 ORDER BY a.id" },
};

/* Adds 'n' bytes at 'data' (malloc'd: the archive frees it) as 'name'; 0 or -1. */
static int
archive_add(zip_t *z, const char *name, char *data, size_t n, su_err *e)
{
	zip_source_t *src = zip_source_buffer(z, data, n, 1);

	if (src == NULL) {
		free(data);
		return su_err_set(e, "cannot add '%s' to the archive: %s", name,
		    zip_strerror(z));
	}
	if (zip_file_add(z, name, src, ZIP_FL_ENC_UTF_8) < 0) {
		zip_source_free(src);
		return su_err_set(e, "cannot add '%s' to the archive: %s", name,
		    zip_strerror(z));
	}
	return 0;
}

/* Writes the rows of query 'sql' (?1 bound to 'email') as CSV, header first; 0 or -1. */
static int
query_csv(struct store *st, const char *sql, const char *email, struct strbuf *out, su_err *e)
{
	sqlite3_stmt *stmt = store_stmt(st, sql, e);
	int cols, rc;
	const char **f;

	if (stmt == NULL)
		return -1;
	db_bind_text(stmt, 1, email);
	cols = sqlite3_column_count(stmt);
	f = xcalloc((size_t)cols + 1, sizeof *f);
	for (int i = 0; i < cols; i++)
		f[i] = sqlite3_column_name(stmt, i);
	csvw_record(out, f, (size_t)cols);
	while ((rc = db_step_row(stmt, e)) == 1) {
		for (int i = 0; i < cols; i++)
			f[i] = db_column_null(stmt, i) ? "" : (const char *)sqlite3_column_text(stmt, i);
		csvw_record(out, f, (size_t)cols);
	}
	sqlite3_reset(stmt);
	free(f);
	return rc;
}

/* Adds every message of the outbox to the person as messages/ID-KIND.eml; the count, or -1. */
static int
add_messages(struct store *st, zip_t *z, const char *email, su_err *e)
{
	sqlite3_stmt *stmt = store_stmt(st, "SELECT o.id, o.kind, o.message FROM outbox o"
	    " JOIN participant p ON p.id = o.participant_id WHERE p.email = ? ORDER BY o.id", e);
	int rc, n = 0;

	if (stmt == NULL)
		return -1;
	db_bind_text(stmt, 1, email);
	while ((rc = db_step_row(stmt, e)) == 1) {
		size_t len = (size_t)sqlite3_column_bytes(stmt, 2);
		char *name = xasprintf("messages/%lld-%s.eml", sqlite3_column_int64(stmt, 0),
		    (const char *)sqlite3_column_text(stmt, 1));
		char *data = xmalloc(len + 1);

		memcpy(data, sqlite3_column_blob(stmt, 2), len);
		rc = archive_add(z, name, data, len, e);
		free(name);
		if (rc < 0)
			break;
		n++;
	}
	sqlite3_reset(stmt);
	return rc < 0 ? -1 : n;
}

/* Writes cohort slug's commitment report of the person beside 'path', read back into *pdf. */
static int
commitment_pdf(struct store *st, const char *slug, const char *email, const char *path,
    struct strbuf *pdf, su_err *e)
{
	struct report_request rq = { 0 };
	struct cohort c;
	struct policy pol;
	char *tmp = xasprintf("%s.report-%d.pdf", path, (int)getpid()), *data = NULL;
	size_t len = 0;
	int rc = -1;

	if (cohort_find(st, slug, &c, e) != 1) {
		free(tmp);
		return -1;
	}
	rq.as_of = rq.pdf.date = time_now();
	rq.path = tmp;
	if (policy_load(st, &c, &pol, e) == 0 && report_commitment(st, &c, &pol, email, &rq, e) == 0 &&
	    (data = file_read_all(tmp, (size_t)1 << 30, &len, e)) != NULL) {
		sb_add(pdf, data, len);
		rc = 0;
	}
	unlink(tmp);
	free(data);
	free(tmp);
	sb_free(&rq.warnings);
	cohort_free(&c);
	return rc;
}

/* Adds the person's commitment report of each of their cohorts; 0 or -1. */
static int
add_reports(struct store *st, zip_t *z, const char *email, const char *path,
    struct strbuf *readme, su_err *e)
{
	sqlite3_stmt *stmt = store_stmt(st, "SELECT c.slug FROM participant p JOIN cohort c"
	    " ON c.id = p.cohort_id WHERE p.email = ? ORDER BY c.slug", e);
	struct strbuf slugs = STRBUF_INIT;
	int rc;

	if (stmt == NULL)
		return -1;
	db_bind_text(stmt, 1, email);
	while ((rc = db_step_row(stmt, e)) == 1)	/* the slugs first: reports use the store */
		sb_addz(&slugs, (const char *)sqlite3_column_text(stmt, 0),
		    (size_t)sqlite3_column_bytes(stmt, 0));
	sqlite3_reset(stmt);
	for (size_t at = 0; rc == 0 && at < slugs.len; at += strlen(slugs.buf + at) + 1) {
		struct strbuf pdf = STRBUF_INIT;
		char *name = xasprintf("commitment-%s.pdf", slugs.buf + at);

		rc = commitment_pdf(st, slugs.buf + at, email, path, &pdf, e);
		if (rc == 0) {
			size_t len = pdf.len;

			sb_addf(readme, "%-28s your commitment report in cohort %s (PDF)\n", name,
			    slugs.buf + at);
			rc = archive_add(z, name, sb_detach(&pdf), len, e);
		}
		sb_free(&pdf);
		free(name);
	}
	sb_free(&slugs);
	return rc;
}

/* Writes the archive's contents into 'z': the tables, messages, reports and README. */
static int
fill_archive(struct store *st, zip_t *z, const char *email, const char *path,
    struct export_summary *out, su_err *e)
{
	struct strbuf readme = STRBUF_INIT;
	char when[40];
	int rc = 0, n;

	sb_addf(&readme, "What showup holds about %s, as of %s.\n"
	    "Times are UTC (ISO 8601); the CSV files are UTF-8, comma-separated, one header\n"
	    "line each.\n\n", email, time_format_iso("UTC", time_now(), when, sizeof when));
	for (size_t i = 0; i < ARRAY_SIZE(export_tables) && rc == 0; i++) {
		struct strbuf csv = STRBUF_INIT;
		size_t len;

		rc = query_csv(st, export_tables[i].sql, email, &csv, e);
		len = csv.len;
		if (rc == 0)
			rc = archive_add(z, export_tables[i].file, sb_detach(&csv), len, e);
		sb_free(&csv);
		sb_addf(&readme, "%-28s %s\n", export_tables[i].file, export_tables[i].about);
		out->files++;
	}
	if (rc == 0 && (n = add_messages(st, z, email, e)) >= 0) {
		out->messages = (size_t)n;
		sb_addf(&readme, "%-28s %d message%s to you, each as it was (or will be) sent\n",
		    "messages/", n, n == 1 ? "" : "s");
	} else {
		rc = -1;
	}
	if (rc == 0)
		rc = add_reports(st, z, email, path, &readme, e);
	if (rc == 0) {
		size_t len = readme.len;

		rc = archive_add(z, "README.txt", sb_detach(&readme), len, e);
	}
	sb_free(&readme);
	return rc;
}

int
privacy_export(struct store *st, const char *email, const char *path,
    struct export_summary *out, su_err *e)
{
	struct atomic_file af;
	zip_t *z = NULL;
	zip_error_t ze;
	int err = 0;

	memset(out, 0, sizeof *out);
	if (atomic_open(&af, path, e) == NULL)
		return -1;
	if ((z = zip_open(atomic_hand_over(&af), ZIP_CREATE | ZIP_TRUNCATE, &err)) == NULL) {
		zip_error_init_with_code(&ze, err);
		su_err_set(e, "cannot write '%s': %s", path, zip_error_strerror(&ze));
		zip_error_fini(&ze);
		goto fail;
	}
	if (fill_archive(st, z, email, path, out, e) < 0)
		goto fail;
	if (zip_close(z) < 0) {
		su_err_set(e, "cannot write '%s': %s", path, zip_strerror(z));
		goto fail;
	}
	return atomic_commit(&af, e);
fail:
	if (z != NULL)
		zip_discard(z);
	atomic_abort(&af);
	return -1;
}
