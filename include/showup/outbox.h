/* SPDX-License-Identifier: Apache-2.0 */
/* outbox.h - the outbox: notices planned as the exact messages they will send
 * (outbox-plan.c), listed, and sent once each (outbox.c). */
#ifndef SHOWUP_OUTBOX_H
#define SHOWUP_OUTBOX_H

#include "showup/changes.h"
#include "showup/notice.h"

/* One row of the outbox. */
struct outbox_row {
	int64_t id;
	int64_t participant_id;
	char *email, *name;
	char *kind;
	int step;			/* -1 for a session reminder */
	int points;
	char *subject;
	char *state;			/* pending, sending, sent, retry, failed, unknown, withdrawn */
	int held;			/* held by hand: never sent until released */
	int attempts;
	char *message_id;
	char *reply;			/* the server's last word */
	int64_t planned_at, sent_at;
	int64_t part_of;		/* the row whose message carries this notice; 0: its own */
	unsigned char *message;		/* loaded only when asked; empty for one riding
					   in another's message */
	size_t message_len;
};
struct outbox_list { struct outbox_row *v; size_t n; };

/* What planning did: rows added, withdrawn, and notices refused (one line each). */
struct plan_result {
	size_t added, already, withdrawn, refused;
	size_t held;			/* notices due kept back by a person's hold */
	size_t waiting;			/* ladder steps due that wait for their review time */
	int64_t waiting_until;		/* the earliest of those review times */
	struct strbuf refusals;		/* "name <email>: why\n" */
};

/*
 * Plans cohort c's due notices as of 'now': each ladder step due and not in
 * the outbox yet becomes a complete message (from the coach, to the
 * participant), stored in one transaction; a pending notice no longer due is
 * withdrawn. A participant whose name or address cannot go into a header is
 * refused and named; the others go on. Planning twice adds nothing. With
 * 'attach' (PDF options; NULL for none), each message carries the
 * participant's commitment report as of 'now'. The coach's notices (the
 * weekly digest, copies of the participants' own changes) are planned in the
 * same transaction by coach_plan (coach.h).
 */
struct pdf_options;
int outbox_plan(struct store *st, const struct cohort *c, const struct policy *p,
    const struct notice_templates *t, int64_t now, const struct pdf_options *attach,
    struct plan_result *r, su_err *e);
void plan_result_free(struct plan_result *r);

/* No reminder goes once a session is this near (minutes): too late to help. */
#define REMINDER_LAST_MINUTES 30
/*
 * Returns the reminder offset (minutes) due now for a session starting at
 * 'starts_at' under policy p: of the offsets whose time has come, the one
 * closest to the start (when planning ran late, the earlier ones are
 * skipped); -1 if none, if the session was called off, or if it starts within
 * REMINDER_LAST_MINUTES.
 */
int reminder_offset_due(const struct policy *p, int64_t starts_at, int cancelled, int64_t now);

/* One notice wanted now: to whom, of what, and whether the outbox has it already. */
struct notice_due {
	size_t person;			/* the roll's row */
	size_t session;			/* a session notice's column; NOTICE_NO_SESSION for a step */
	const char *kind;		/* a ladder step's kind, session-reminder, or a change's */
	int step;			/* a ladder step, else -1 */
	int offset;			/* a reminder's minutes ahead, else -1 */
	const struct change *change;	/* a change notice's change (in the list's), else NULL */
	int planned;			/* in the outbox already (or dropped): planning adds
					   none (a row given a new message finds its entry) */
	int64_t waits_until;		/* a ladder step: not planned before this review
					   time (notices.review), 0 if it may go now */
	int64_t held_until;		/* its person's notices held by hand until then
					   (HOLD_UNTIL_RELEASED: until released), 0 if not */
	const char *corrects;		/* a correction: the kind of the ladder notice sent
					   that no longer stands, else NULL */
	int64_t corrects_sent_at;	/* when that notice went */
};
#define NOTICE_NO_SESSION ((size_t)-1)
#define HOLD_UNTIL_RELEASED INT64_MAX
struct notice_due_list {
	struct notice_due *v;
	size_t n, cap;
	struct change_list changes;	/* what the change notices point into */
	const char **corrections;	/* by person row: the kind of the sent ladder
					   notice a correction took away, or NULL */
};
/* The change_key of a correction of ladder notice 'kind' ("corrected:warning") into buf. */
void outbox_correction_key(const char *kind, char *buf, size_t size);
/*
 * Lists every notice roll r (loaded as of its now) wants sent: each mailed
 * ladder step due, a correction to each person whose last ladder notice sent
 * no longer stands (roll_step_stands; once per notice), the changes people
 * must hear of (change_tells), then the reminders due; each marked planned
 * when the outbox holds it. The one
 * judgement of who is told of what: outbox_plan plans the unplanned ones and
 * 'notices due' lists them. Reads the outbox, changes nothing; 0 or -1.
 */
int outbox_notices_due(struct store *st, const struct roll *r, struct notice_due_list *out,
    su_err *e);
void notice_due_list_free(struct notice_due_list *l);

/*
 * Returns 1 if notice d, not planned yet, is kept back now (its person held by
 * hand, or a ladder step waiting for its review time), counting it in r's
 * held or waiting (and waiting_until); 0 if it may be planned.
 */
int outbox_due_kept_back(const struct notice_due *d, struct plan_result *r);

/* Lists cohort c's outbox (all states, or one), oldest first; messages too if 'bytes'. */
int outbox_list_all(struct store *st, int64_t cohort_id, const char *state, int bytes,
    struct outbox_list *out, su_err *e);
void outbox_list_free(struct outbox_list *l);

/* What a send did. */
struct send_counts {
	size_t sent, retry, failed, unknown;	/* unknown: caught mid-send by a crash before */
	int stopped;			/* the login or TLS failed: the batch stopped */
	/* Called after each message with how many went through and the batch's size (may be NULL). */
	void (*progress)(size_t done, size_t total);
	/* Asked before each message and during a pause of the rate (may be NULL): nonzero
	 * ends the batch there, the rows not tried left as they were for the next send. */
	int (*stop)(void);
	int halted;			/* the batch ended early because stop said so */
};

struct mailer;
/*
 * Sends cohort c's outbox rows that are due (pending, or retry whose time has
 * come), oldest first, at most 'limit' (0: all), at most 'rate' a minute (0: no
 * limit). Each row is marked sending (committed) before it goes, and sent
 * (with the server's reply, the ladder step recorded as sent, and for a
 * final notice the refund offer opened) after; a row found still sending
 * becomes unknown and never goes again but by resend. A 4xx reply or broken
 * connection schedules a retry with a growing delay; a 5xx fails that row
 * alone; a refused login or a failure of TLS stops the batch, its rows left
 * pending as they were. 0, or -1 with 'e' set.
 */
int outbox_send(struct store *st, const struct cohort *c, const struct policy *p,
    struct mailer *m, const char *envelope_from, size_t limit, double rate,
    struct send_counts *out, su_err *e);
/*
 * Takes the lock that lets one 'notices send' or 'resend' at a time at the
 * outbox: flock on DBPATH.send-lock, DBPATH the database file's own path with
 * symbolic links resolved, not the path typed (created 0600, left in place, holding the
 * holder's pid), let go by outbox_unlock or by the kernel when the process ends,
 * however it ends. Returns its descriptor, or -1 with 'e' set, or -2 when
 * another holds it ("another send of notices is running (pid N)").
 */
int outbox_lock(struct store *st, su_err *e);
void outbox_unlock(int fd);
/* Sets *n to how many rows of every cohort a send would try now (not held); 0 or -1. */
int outbox_due_count(struct store *st, int64_t now, size_t *n, su_err *e);
/* The seconds a row waits before retry number 'attempts' (1, 2, ...): 5 min doubling to 6 h. */
int64_t outbox_retry_delay(int attempts);
/*
 * Sends one short test message to 'to' through 'm', from 'from_name' <from_addr>
 * (the envelope from 'envelope_from', else from_addr), recording nothing
 * anywhere. Returns what became of it, the server's words in 'reply'; or -1
 * with 'e' set when the message cannot be built (an address that is not one).
 */
int outbox_send_test(struct mailer *m, const char *from_name, const char *from_addr,
    const char *envelope_from, const char *to, struct strbuf *reply, su_err *e);
/*
 * Puts outbox row 'id' back to pending, by hand (same message, same Message-ID),
 * with the other notices of its message, audited, inside the caller's
 * transaction; its cohort into *c (to free). 0, or -1 with 'e' set and nothing in *c.
 */
int outbox_resend(struct store *st, int64_t id, struct cohort *c, su_err *e);

/* Which unsent notices a hold or release touches: one by id, or a cohort's, or a person's. */
struct outbox_select {
	int64_t id;			/* 0: any */
	int64_t cohort_id;		/* 0: any */
	const char *email;		/* NULL: anyone */
	const char *until;		/* a person's hold: "YYYY-MM-DD [HH:MM]" in their
					   cohort's zone when it ends; NULL: until released */
};
/*
 * Holds (hold 1) or releases (hold 0) the pending and retry notices 'sel'
 * picks, each audited, inside the caller's transaction; a held notice never goes until
 * released. *count gets how many changed. A person's hold (sel->email) also
 * keeps their notices not planned yet from being planned (notice_hold), until
 * released or until sel->until, when the next plan lets all of it go. An id
 * that picks nothing is an error; a cohort or person with nothing to change is
 * not; a person unknown everywhere is. 0 or -1.
 */
int outbox_hold(struct store *st, const struct outbox_select *sel, int hold, int64_t now,
    size_t *count, su_err *e);
struct roll;
/*
 * Sets held_until[i] (by roll r's person rows, zeroed by the caller) to the
 * end of each standing hold of r's cohort: HOLD_UNTIL_RELEASED for one until
 * released. 0 or -1.
 */
int outbox_holds_load(struct store *st, const struct roll *r, int64_t *held_until, su_err *e);
/*
 * Ends the holds of cohort 'cohort_id' whose time came by 'now': the notices
 * they held are released (those held since the hold began) and the hold goes,
 * audited, inside the caller's transaction. 0 or -1.
 */
int outbox_holds_end(struct store *st, int64_t cohort_id, int64_t now, su_err *e);
/*
 * Withdraws unsent notice 'id' for good, held or not, with 'reason' audited,
 * inside the caller's transaction: planning never makes it again. The others
 * of its message wait for the next plan to give them a new one. 0 or -1.
 */
int outbox_drop(struct store *st, int64_t id, const char *reason, int64_t now, su_err *e);
/*
 * Takes its message from every unsent notice that shares one with row 'id'
 * (but 'id' itself), inside the caller's transaction: each is left without a
 * message or a carrier and never goes so, until the next plan gives those of
 * one person a new message without 'id''s text. 0 or -1.
 */
int outbox_split(struct store *st, int64_t id, su_err *e);

#endif
