/* SPDX-License-Identifier: Apache-2.0 */
/* outbox.c - sending the outbox (outbox-plan.c fills it): never twice, never lost. A row is marked sending
 * before it goes and sent after; whatever a crash leaves in between is unknown.
 * A message may carry several notices (schema step 11): it goes as its first
 * row, and every state that row takes its parts (part_of) take in the same
 * transaction, so a message and its notices never disagree, even after kill -9. */
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

/* A notice's bookkeeping once its message went: its ladder step and refund offer. */
struct sent_part {
	int64_t refund_cents;
	int step, points, has_refund;
	char *kind;
};

/* One message to send (a row and the rows that ride in it), with what sending it needs. */
struct due_row {
	int64_t id, participant_id;
	int attempts;
	char *email;
	unsigned char *message;
	size_t len;
	struct sent_part *parts;	/* the row's own notice first, then its riders' */
	size_t n_parts;
};

/*
 * Turns rows left 'sending' by a crash into 'unknown' (audited), a message
 * and the notices riding in it alike; the count of messages, or -1.
 */
static int
mark_unknown(struct store *st, const struct cohort *c, su_err *e)
{
	static const char *const sql =
		"UPDATE outbox SET state = 'unknown', reply = 'caught while sending: not sent"
		" again but by resend' WHERE cohort_id = ? AND state = 'sending'";
	static const char *const sql_count = "SELECT id FROM outbox WHERE cohort_id = ?"
	    " AND state = 'sending' AND part_of IS NULL";
	const int64_t args[] = { c->id };
	int64_t *ids = NULL;
	size_t n = 0;
	sqlite3_stmt *stmt;

	if (store_begin(st, e) < 0 || store_int64s(st, sql_count, args, 1, &ids, &n, e) < 0 ||
	    (stmt = store_stmt(st, sql, e)) == NULL)
		goto fail;
	free(ids);
	ids = NULL;
	db_bind_int(stmt, 1, c->id);
	if (db_step_done(stmt, e) < 0)
		goto fail;
	if ((n > 0 && audit_add(st, c->id, "notice unknown", c->slug, "sending", "unknown",
	    e) < 0) || store_commit(st, e) < 0)
		goto fail;
	return (int)n;
fail:
	free(ids);
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
		" (o.state = 'retry' AND coalesce(o.next_attempt_at, 0) <= ?))"
		" AND o.part_of IS NULL AND length(o.message) > 0 ORDER BY o.id LIMIT ?";
	const int64_t args[] = { c->id, now, limit ? (int64_t)limit : -1 };

	*out = NULL;
	*n = 0;
	return store_int64s(st, sql, args, ARRAY_SIZE(args), out, n, e);
}

/* Loads the bookkeeping of message 'id''s notices (its own first, then its riders'); 0 or -1. */
static int
load_parts(struct store *st, int64_t id, struct due_row *d, su_err *e)
{
	static const char *const sql =
		"SELECT step, points, refund_cents, kind FROM outbox"
		" WHERE id = ?1 OR part_of = ?1 ORDER BY id <> ?1, id";
	sqlite3_stmt *stmt = store_stmt(st, sql, e);
	int rc;

	if (stmt == NULL)
		return -1;
	db_bind_int(stmt, 1, id);
	while ((rc = db_step_row(stmt, e)) == 1) {
		struct sent_part *p;

		d->parts = xrealloc(d->parts, (d->n_parts + 1) * sizeof *d->parts);
		p = &d->parts[d->n_parts++];
		p->step = sqlite3_column_int(stmt, 0);
		p->points = sqlite3_column_int(stmt, 1);
		p->has_refund = !db_column_null(stmt, 2);
		p->refund_cents = sqlite3_column_int64(stmt, 2);
		p->kind = db_column_dup(stmt, 3);
	}
	sqlite3_reset(stmt);
	return rc;
}

/* Loads row 'id' with its message and its notices; 1, 0 if it is gone, -1 with 'e' set. */
static int
load_row(struct store *st, int64_t id, struct due_row *d, su_err *e)
{
	static const char *const sql =
		"SELECT o.id, o.participant_id, o.attempts, coalesce(p.email, o.to_addr), o.message"
		" FROM outbox o LEFT JOIN participant p ON p.id = o.participant_id WHERE o.id = ?";
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
		d->attempts = sqlite3_column_int(stmt, 2);
		d->email = db_column_dup(stmt, 3);
		message = sqlite3_column_blob(stmt, 4);
		d->len = (size_t)sqlite3_column_bytes(stmt, 4);
		d->message = xmalloc(d->len + 1);
		memcpy(d->message, message ? message : "", d->len);
	}
	sqlite3_reset(stmt);
	if (rc == 1 && load_parts(st, id, d, e) < 0)
		rc = -1;
	return rc;
}

/* Frees what load_row took. */
static void
free_row(struct due_row *d)
{
	for (size_t k = 0; k < d->n_parts; k++)
		free(d->parts[k].kind);
	free(d->parts);
	free(d->email);
	free(d->message);
	memset(d, 0, sizeof *d);
}

/*
 * Sets a message's state (and reply, next attempt, sent time): row 'id' and the
 * rows riding in it, in the caller's transaction.
 */
static int
set_state(struct store *st, int64_t id, const char *state, const char *reply,
    int64_t next_attempt, int64_t sent_at, int count_attempt, su_err *e)
{
	static const char *const sql =
		"UPDATE outbox SET state = ?1, reply = coalesce(?2, reply), next_attempt_at = ?3,"
		" sent_at = ?4, attempts = attempts + ?5 WHERE id = ?6 OR part_of = ?6";
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

/*
 * Marks a pending or retry message sending, its riders with it, and loads it
 * into d as it is then (a plan may give a pending row a new message up to this
 * moment, never after), committed; 1 claimed, 0 not ours any more (sent by
 * another, withdrawn, held, its message taken away for a new one), -1.
 */
static int
claim(struct store *st, int64_t id, struct due_row *d, su_err *e)
{
	static const char *const sql =
		"UPDATE outbox SET state = 'sending', attempts = attempts + 1 WHERE id = ?"
		" AND held_at IS NULL AND (state = 'pending' OR state = 'retry')"
		" AND part_of IS NULL AND length(message) > 0";
	static const char *const sql_riders =
		"UPDATE outbox SET state = 'sending', attempts = attempts + 1 WHERE part_of = ?"
		" AND (state = 'pending' OR state = 'retry')";
	sqlite3_stmt *stmt;
	int claimed;

	if (store_begin(st, e) < 0 || (stmt = store_stmt(st, sql, e)) == NULL)
		goto fail;
	db_bind_int(stmt, 1, id);
	if (db_step_done(stmt, e) < 0)
		goto fail;
	claimed = sqlite3_changes(st->db) == 1;
	if (claimed && (stmt = store_stmt(st, sql_riders, e)) == NULL)
		goto fail;
	if (claimed) {
		db_bind_int(stmt, 1, id);
		if (db_step_done(stmt, e) < 0 || load_row(st, id, d, e) < 0)
			goto fail;
	}
	if (store_commit(st, e) < 0)
		goto fail;
	return claimed;
fail:
	store_rollback(st);
	return -1;
}

/* Records notice 'part' of a message sent to 'person': its ladder step and refund offer; 1 ok. */
static int
record_part(struct store *st, const struct cohort *c, const struct policy *p,
    const struct participant *person, const struct sent_part *part, int64_t now, su_err *why)
{
	int ok = 1;

	if (part->step >= 0)	/* a session notice is no step of the ladder */
		ok = notice_record_sent(st, c, person, part->step, part->kind, part->points, now,
		    why) == 0;
	/* an offer open already, or no refund by now: the notice stands without a new one */
	if (ok && part->has_refund && person->status == PARTICIPANT_ACTIVE &&
	    p->refund != REFUND_NONE)
		ok = refund_offer_open(st, c, p, person, part->refund_cents, "ladder", now, NULL,
		    why) == 0 || strstr(why->msg, "open refund offer already") != NULL;
	return ok;
}

/*
 * Records a sent message: 'sent' committed at once for it and every notice in
 * it (the server has it), then in a second transaction, left open for the
 * caller to commit, each ladder step as sent and a final notice's refund
 * offer. A failure of that bookkeeping never undoes 'sent'; the rows are
 * planned never again either way.
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
	for (size_t k = 0; ok && k < d->n_parts; k++)
		ok = record_part(st, c, p, &person, &d->parts[k], now, &why);
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

/* Sends claimed message d (sending, committed): the delivery, then its outcome (committed). */
static int
send_row(struct store *st, const struct cohort *c, const struct policy *p, struct mailer *m,
    const char *from, const struct due_row *d, struct send_counts *out, su_err *e)
{
	struct strbuf reply = STRBUF_INIT;
	enum delivery how;
	int64_t now;
	int rc = 0;

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
			    now + outbox_retry_delay(d->attempts), 0, 0, e);	/* this one counted */
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

/*
 * Claims message 'id' and sends it (send_row); 0 also when it is not ours any
 * more (another send took it, a plan withdrew it), -1 with 'e' set.
 */
static int
load_and_send(struct store *st, const struct cohort *c, const struct policy *p,
    struct mailer *m, const char *from, int64_t id, struct send_counts *out, su_err *e)
{
	struct due_row d;
	int rc;

	memset(&d, 0, sizeof d);
	if ((rc = claim(st, id, &d, e)) == 1)
		rc = send_row(st, c, p, m, from, &d, out, e);
	free_row(&d);
	return rc < 0 ? -1 : 0;
}

/* Says whether out's stop hook asks the batch to end now (and notes it in out). */
static int
asked_to_stop(struct send_counts *out)
{
	if (out->stop != NULL && out->stop())
		out->halted = 1;
	return out->halted;
}

/* Waits the pause between two messages sent at 'rate' a minute, in steps of at most
 * a fifth of a second so a stop is heard; 1 if a stop was asked meanwhile, else 0. */
static int
pause_for_rate(double rate, struct send_counts *out)
{
	struct timespec now, end;

	clock_gettime(CLOCK_MONOTONIC, &end);
	end.tv_sec += (time_t)(60 / rate);
	end.tv_nsec += (long)((60 / rate - (double)(time_t)(60 / rate)) * 1e9);
	if (end.tv_nsec >= 1000000000L)
		end.tv_sec++, end.tv_nsec -= 1000000000L;
	for (;;) {
		long long left;

		if (asked_to_stop(out))
			return 1;
		clock_gettime(CLOCK_MONOTONIC, &now);
		left = (long long)(end.tv_sec - now.tv_sec) * 1000000000LL +
		    (end.tv_nsec - now.tv_nsec);
		if (left <= 0)
			return 0;
		nanosleep(&(struct timespec){ 0, (long)(left < 200000000LL ? left :
		    200000000LL) }, NULL);
	}
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
		if ((i > 0 && rate > 0 && pause_for_rate(rate, out)) || asked_to_stop(out))
			break;
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
		"SELECT c.slug, o.state, coalesce(o.part_of, o.id) FROM outbox o"
		" JOIN cohort c ON c.id = o.cohort_id WHERE o.id = ?";
	sqlite3_stmt *stmt = store_stmt(st, sql_find, e);
	char *slug = NULL, *state = NULL, *what = NULL;
	int64_t message = id;	/* a notice riding in another's message goes again with it */
	int rc;

	if (stmt == NULL)
		return -1;
	db_bind_int(stmt, 1, id);
	if ((rc = db_step_row(stmt, e)) == 1) {
		slug = db_column_dup(stmt, 0);
		state = db_column_dup(stmt, 1);
		message = sqlite3_column_int64(stmt, 2);
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
	rc = set_state(st, message, "pending", "resend asked by hand", 0, 0, 0, e);
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

/*
 * The lock file of the database at 'db': beside the file itself, its path
 * resolved (symbolic links, "..", a relative path), so every path to one
 * database names one lock; the caller frees it.
 */
static char *
lock_path(const char *db)
{
	char *real = realpath(db, NULL);
	char *path = xasprintf("%s.send-lock", real ? real : db);

	free(real);
	return path;
}

int
outbox_lock(struct store *st, su_err *e)
{
	char *path = lock_path(st->path);
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
		"SELECT count(*) FROM outbox WHERE state IN ('pending', 'retry')"
		" AND held_at IS NULL AND (state = 'pending' OR coalesce(next_attempt_at, 0) <= ?)"
		" AND part_of IS NULL AND length(message) > 0";
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
