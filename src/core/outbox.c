/* outbox.c - sending the outbox (outbox-plan.c fills it): never twice, never lost. A row is marked sending
 * before it goes and sent after; whatever a crash leaves in between is unknown. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <time.h>
#include <unistd.h>

#include "showup/deliver.h"
#include "showup/ladder.h"
#include "showup/message.h"
#include "showup/outbox.h"
#include "showup/timeutil.h"
#include "store-private.h"

#define RETRY_FIRST (5 * 60)		/* the first retry after five minutes */
#define RETRY_LAST (6 * 3600)		/* doubling up to six hours */

/* One row to send, with what sending it needs. */
struct due_row {
	int64_t id, participant_id, refund_cents;
	int step, points, attempts, has_refund;
	char *kind, *email;
	unsigned char *message;
	size_t len;
};

/* Turns rows left 'sending' by a crash into 'unknown' (audited); the count, or -1. */
static int
mark_unknown(struct store *st, const struct cohort *c, su_err *e)
{
	static const char *const sql =
		"UPDATE outbox SET state = 'unknown', reply = 'caught while sending: not sent"
		" again but by resend' WHERE cohort_id = ? AND state = 'sending'";
	sqlite3_stmt *stmt;
	int n;

	if (store_begin(st, e) < 0 || (stmt = store_stmt(st, sql, e)) == NULL)
		goto fail;
	db_bind_int(stmt, 1, c->id);
	if (db_step_done(stmt, e) < 0)
		goto fail;
	n = sqlite3_changes(st->db);
	if ((n > 0 && audit_add(st, c->id, "notice unknown", c->slug, "sending", "unknown",
	    e) < 0) || store_commit(st, e) < 0)
		goto fail;
	return n;
fail:
	store_rollback(st);
	return -1;
}

/* Lists the ids of the rows due now, oldest first (at most 'limit', 0: all); 0 or -1. */
static int
load_due_ids(struct store *st, const struct cohort *c, size_t limit, int64_t now,
    int64_t **out, size_t *n, su_err *e)
{
	static const char *const sql =
		"SELECT o.id FROM outbox o"
		" WHERE o.cohort_id = ? AND o.held_at IS NULL AND (o.state = 'pending' OR"
		" (o.state = 'retry' AND coalesce(o.next_attempt_at, 0) <= ?)) ORDER BY o.id LIMIT ?";
	const int64_t args[] = { c->id, now, limit ? (int64_t)limit : -1 };

	*out = NULL;
	*n = 0;
	return store_int64s(st, sql, args, ARRAY_SIZE(args), out, n, e);
}

/* Loads row 'id' with its message; 1, 0 if it is gone, -1 with 'e' set. */
static int
load_row(struct store *st, int64_t id, struct due_row *d, su_err *e)
{
	static const char *const sql =
		"SELECT o.id, o.participant_id, o.step, o.points, o.attempts, o.refund_cents,"
		" o.kind, coalesce(p.email, o.to_addr), o.message FROM outbox o"
		" LEFT JOIN participant p ON p.id = o.participant_id WHERE o.id = ?";
	sqlite3_stmt *stmt = store_stmt(st, sql, e);
	const void *message;
	int rc;

	memset(d, 0, sizeof *d);
	if (stmt == NULL)
		return -1;
	db_bind_int(stmt, 1, id);
	if ((rc = db_step_row(stmt, e)) == 1) {
		d->id = sqlite3_column_int64(stmt, 0);
		d->participant_id = sqlite3_column_int64(stmt, 1);
		d->step = sqlite3_column_int(stmt, 2);
		d->points = sqlite3_column_int(stmt, 3);
		d->attempts = sqlite3_column_int(stmt, 4);
		d->has_refund = !db_column_null(stmt, 5);
		d->refund_cents = sqlite3_column_int64(stmt, 5);
		d->kind = db_column_dup(stmt, 6);
		d->email = db_column_dup(stmt, 7);
		message = sqlite3_column_blob(stmt, 8);
		d->len = (size_t)sqlite3_column_bytes(stmt, 8);
		d->message = xmalloc(d->len + 1);
		memcpy(d->message, message ? message : "", d->len);
	}
	sqlite3_reset(stmt);
	return rc;
}

/* Frees what load_row took. */
static void
free_row(struct due_row *d)
{
	free(d->kind);
	free(d->email);
	free(d->message);
	memset(d, 0, sizeof *d);
}

/* Sets a row's state (and reply, next attempt, sent time) in the caller's transaction. */
static int
set_state(struct store *st, int64_t id, const char *state, const char *reply,
    int64_t next_attempt, int64_t sent_at, int count_attempt, su_err *e)
{
	static const char *const sql =
		"UPDATE outbox SET state = ?, reply = coalesce(?, reply), next_attempt_at = ?,"
		" sent_at = ?, attempts = attempts + ? WHERE id = ?";
	sqlite3_stmt *stmt = store_stmt(st, sql, e);

	if (stmt == NULL)
		return -1;
	db_bind_text(stmt, 1, state);
	db_bind_text(stmt, 2, reply);
	if (next_attempt > 0)
		db_bind_int(stmt, 3, next_attempt);
	if (sent_at > 0)
		db_bind_int(stmt, 4, sent_at);
	db_bind_int(stmt, 5, count_attempt);
	db_bind_int(stmt, 6, id);
	return db_step_done(stmt, e);
}

/* Marks a pending or retry row sending, committed; 1 claimed, 0 not ours any more, -1. */
static int
claim(struct store *st, int64_t id, su_err *e)
{
	static const char *const sql =
		"UPDATE outbox SET state = 'sending', attempts = attempts + 1 WHERE id = ?"
		" AND held_at IS NULL AND (state = 'pending' OR state = 'retry')";
	sqlite3_stmt *stmt;
	int claimed;

	if (store_begin(st, e) < 0 || (stmt = store_stmt(st, sql, e)) == NULL)
		goto fail;
	db_bind_int(stmt, 1, id);
	if (db_step_done(stmt, e) < 0)
		goto fail;
	claimed = sqlite3_changes(st->db) == 1;
	if (store_commit(st, e) < 0)
		goto fail;
	return claimed;
fail:
	store_rollback(st);
	return -1;
}

/*
 * Records a sent row: 'sent' committed at once (the server has it), then in a
 * second transaction, left open for the caller to commit, the ladder step as
 * sent and a final notice's refund offer. A failure of that bookkeeping never
 * undoes 'sent'; the row is planned never again either way.
 */
static int
record_sent(struct store *st, const struct cohort *c, const struct policy *p,
    const struct due_row *d, const char *reply, int64_t now, su_err *e)
{
	struct participant person = { 0 };
	su_err why;
	int ok;

	if (set_state(st, d->id, "sent", reply, 0, now, 0, e) < 0 || store_commit(st, e) < 0)
		return -1;	/* the server has it: 'sent' is committed before anything else */
	if (store_begin(st, e) < 0)
		return -1;
	if (d->participant_id == 0)	/* to the coach: no step, no offer */
		return 0;
	ok = participant_find(st, c, d->email, &person, &why) == 1;
	if (ok && d->step >= 0)	/* a session reminder is no step of the ladder */
		ok = notice_record_sent(st, c, &person, d->step, d->kind, d->points, now,
		    &why) == 0;
	/* an offer open already, or no refund by now: the notice stands without a new one */
	if (ok && d->has_refund && person.status == PARTICIPANT_ACTIVE &&
	    p->refund != REFUND_NONE)
		ok = refund_offer_open(st, c, p, &person, d->refund_cents, "ladder", now, NULL,
		    &why) == 0 || strstr(why.msg, "open refund offer already") != NULL;
	participant_free(&person);
	if (ok)
		return 0;
	store_rollback(st);	/* keep what was sent, drop the half-done bookkeeping */
	return store_begin(st, e);
}

int64_t
outbox_retry_delay(int attempts)
{
	int64_t d = RETRY_FIRST;

	while (--attempts > 0 && d < RETRY_LAST)
		d *= 2;
	return d < RETRY_LAST ? d : RETRY_LAST;
}

/* Says why the batch stops: a server's reply ("535 ...") it refused us with, or our own words. */
static void
stop_reason(const struct strbuf *reply, su_err *e)
{
	const char *r = sb_str(reply);

	if (*r >= '0' && *r <= '9')
		su_err_set(e, "the mail server refused us: %s", r);
	else
		su_err_set(e, "%s", r);
}

/* Sends one row: sending (committed), the delivery, then its outcome (committed). */
static int
send_row(struct store *st, const struct cohort *c, const struct policy *p, struct mailer *m,
    const char *from, const struct due_row *d, struct send_counts *out, su_err *e)
{
	struct strbuf reply = STRBUF_INIT;
	enum delivery how;
	int64_t now;
	int rc;

	if ((rc = claim(st, d->id, e)) <= 0)	/* another send took it, or plan withdrew it */
		return rc;
	how = mailer_send(m, from, d->email, d->message, d->len, &reply);
	now = time_now();
	if ((rc = store_begin(st, e)) == 0) {
		switch (how) {
		case DELIVERED:
			rc = record_sent(st, c, p, d, sb_str(&reply), now, e);
			out->sent++;
			break;
		case DELIVERY_RETRY:
			rc = set_state(st, d->id, "retry", sb_str(&reply),
			    now + outbox_retry_delay(d->attempts + 1), 0, 0, e);
			out->retry++;
			break;
		case DELIVERY_FAILED:
			rc = set_state(st, d->id, "failed", sb_str(&reply), 0, 0, 0, e);
			out->failed++;
			break;
		case DELIVERY_UNKNOWN:	/* it may have arrived: never again but by resend */
			rc = set_state(st, d->id, "unknown", sb_str(&reply), 0, 0, 0, e);
			out->unknown++;
			break;
		case DELIVERY_STOP:	/* nothing went: back in the queue as it was */
			rc = set_state(st, d->id, "pending", sb_str(&reply), 0, 0, -1, e);
			out->stopped = 1;
			stop_reason(&reply, e);
			break;
		}
	}
	if (rc < 0 || store_commit(st, e) < 0) {
		store_rollback(st);
		rc = -1;
	}
	sb_free(&reply);
	return rc;
}

/* Loads row 'id' and sends it (send_row); 0 also when it is gone, -1 with 'e' set. */
static int
load_and_send(struct store *st, const struct cohort *c, const struct policy *p,
    struct mailer *m, const char *from, int64_t id, struct send_counts *out, su_err *e)
{
	struct due_row d;
	int rc = load_row(st, id, &d, e);

	if (rc == 1)
		rc = send_row(st, c, p, m, from, &d, out, e);
	free_row(&d);
	return rc < 0 ? -1 : 0;
}

int
outbox_send(struct store *st, const struct cohort *c, const struct policy *p,
    struct mailer *m, const char *envelope_from, size_t limit, double rate,
    struct send_counts *out, su_err *e)
{
	int64_t *due = NULL;
	size_t n = 0;
	int rc, unknown;

	if ((unknown = mark_unknown(st, c, e)) < 0)
		return -1;
	out->unknown += (size_t)unknown;
	/* the ids first, then each message as it goes: one message in memory at a time */
	if ((rc = load_due_ids(st, c, limit, time_now(), &due, &n, e)) < 0)
		goto done;
	for (size_t i = 0; i < n && rc == 0 && !out->stopped; i++) {
		if (i > 0 && rate > 0) {
			struct timespec pause = { (time_t)(60 / rate),
				(long)((60 / rate - (int)(60 / rate)) * 1e9) };

			nanosleep(&pause, NULL);
		}
		rc = load_and_send(st, c, p, m, envelope_from ? envelope_from : c->coach_email,
		    due[i], out, e);
		if (out->progress != NULL)
			out->progress(i + 1, n);
	}
	if (out->stopped)
		rc = -1;
done:
	free(due);
	return rc;
}

int
outbox_resend(struct store *st, int64_t id, struct cohort *c, su_err *e)
{
	static const char *const sql_find =
		"SELECT c.slug, o.state FROM outbox o JOIN cohort c ON c.id = o.cohort_id"
		" WHERE o.id = ?";
	sqlite3_stmt *stmt = store_stmt(st, sql_find, e);
	char *slug = NULL, *state = NULL, *what = NULL;
	int rc;

	if (stmt == NULL)
		return -1;
	db_bind_int(stmt, 1, id);
	if ((rc = db_step_row(stmt, e)) == 1) {
		slug = db_column_dup(stmt, 0);
		state = db_column_dup(stmt, 1);
	}
	sqlite3_reset(stmt);
	if (rc != 1) {
		rc = rc < 0 ? -1 : su_err_set(e, "no notice %lld in the outbox", (long long)id);
		goto done;
	}
	if (strcmp(state, "failed") != 0 && strcmp(state, "unknown") != 0 &&
	    strcmp(state, "retry") != 0) {
		rc = su_err_set(e, "notice %lld is %s: only a failed, unknown or retry notice "
		    "can be sent again", (long long)id, state);
		goto done;
	}
	if (cohort_find(st, slug, c, e) != 1) {
		rc = -1;
		goto done;
	}
	what = xasprintf("outbox %lld", (long long)id);
	rc = set_state(st, id, "pending", "resend asked by hand", 0, 0, 0, e);
	if (rc == 0)
		rc = audit_add(st, c->id, "notice resend", what, state, "pending", e);
	if (rc < 0)
		cohort_free(c);
done:
	free(slug);
	free(state);
	free(what);
	return rc;
}

/* Writes our pid into the lock file for the message another send gives; 0 or -1. */
static int
lock_write_pid(int fd)
{
	char pid[32];
	int n = snprintf(pid, sizeof pid, "%ld\n", (long)getpid());

	return ftruncate(fd, 0) == 0 && pwrite(fd, pid, (size_t)n, 0) == n ? 0 : -1;
}

/* Says who holds the lock: the pid its holder wrote, if it has yet. */
static void
lock_busy(int fd, su_err *e)
{
	char pid[32] = "";
	ssize_t n = pread(fd, pid, sizeof pid - 1, 0);
	long holder = n > 0 ? strtol(pid, NULL, 10) : 0;

	if (holder > 0)
		su_err_set(e, "another send of notices is running (pid %ld)", holder);
	else
		su_err_set(e, "another send of notices is running");
}

int
outbox_lock(struct store *st, su_err *e)
{
	char *path = xasprintf("%s.send-lock", st->path);
	int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);

	if (fd < 0) {
		su_err_set(e, "cannot open the lock file '%s': %s", path, strerror(errno));
	} else if (flock(fd, LOCK_EX | LOCK_NB) < 0) {
		int busy = errno == EWOULDBLOCK;

		if (busy)
			lock_busy(fd, e);
		else
			su_err_set(e, "cannot lock '%s': %s", path, strerror(errno));
		close(fd);
		fd = busy ? -2 : -1;
	} else {
		lock_write_pid(fd);	/* only for the message: a lock without it holds */
	}
	free(path);
	return fd;
}

void
outbox_unlock(int fd)
{
	if (fd >= 0)
		close(fd);	/* the file stays: removing it would race the next send */
}

int
outbox_due_count(struct store *st, int64_t now, size_t *n, su_err *e)
{
	static const char *const sql =
		"SELECT count(*) FROM outbox WHERE held_at IS NULL AND (state = 'pending' OR"
		" (state = 'retry' AND coalesce(next_attempt_at, 0) <= ?))";
	sqlite3_stmt *stmt = store_stmt(st, sql, e);
	int rc;

	*n = 0;
	if (stmt == NULL)
		return -1;
	db_bind_int(stmt, 1, now);
	if ((rc = db_step_row(stmt, e)) == 1)
		*n = (size_t)sqlite3_column_int64(stmt, 0);
	sqlite3_reset(stmt);
	return rc < 0 ? -1 : 0;
}

int
outbox_send_test(struct mailer *m, const char *from_name, const char *from_addr,
    const char *envelope_from, const char *to, struct strbuf *reply, su_err *e)
{
	static const char body[] =
	    "This is a test message from showup, sent to check that mail from it\n"
	    "gets through before the first real batch of notices.\n"
	    "Nothing was recorded; there is no need to reply.\n";
	struct strbuf msg = STRBUF_INIT;
	int64_t now = time_now();
	char *message_id = xasprintf("<showup.test.%lld.%ld@%s>", (long long)now,
	    (long)getpid(), email_domain(from_addr));
	int rc;

	rc = message_build(&(struct message){ .from_name = from_name, .from_addr = from_addr,
	    .to_name = "", .to_addr = to, .subject = "showup: a test message", .date = now,
	    .message_id = message_id, .body = body }, &msg, e);
	if (rc == 0)
		rc = (int)mailer_send(m, envelope_from ? envelope_from : from_addr, to,
		    (const unsigned char *)sb_str(&msg), msg.len, reply);
	sb_free(&msg);
	free(message_id);
	return rc;
}
