/* SPDX-License-Identifier: Apache-2.0 */
/* test_outbox.c - the outbox's mail: planned once, each row pending, sending, then
 * sent, retry, failed or unknown; what resend takes; withdrawal; the retry schedule. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fixture.h"
#include "showup/deliver.h"
#include "showup/ladder.h"
#include "showup/outbox.h"
#include "showup/policy-store.h"
#include "showup/timeutil.h"
#include "suites.h"

/*
 * The test's sendmail: keeps each message it is given (its To: line in 'log',
 * the bytes in 'mbox'); a recipient temp@ gets exit 75 (try later), perm@ exit 1.
 */
static const char sendmail_script[] =
	"#!/bin/sh\n"
	"dir=$(dirname \"$0\")\n"
	"cat > \"$dir/last\"\n"
	"cat \"$dir/last\" >> \"$dir/mbox\"\n"
	"to=$(grep -m1 '^To:' \"$dir/last\")\n"
	"echo \"$to\" >> \"$dir/log\"\n"
	"case $to in\n"
	"*temp@*) exit 75 ;;\n"
	"*perm@*) exit 1 ;;\n"
	"esac\n"
	"exit 0\n";

/* A cohort with its policy, the installed templates and a mailer to the test's sendmail. */
struct world {
	struct store *st;
	struct cohort c;
	struct policy p;
	struct notice_templates t;
	struct mailer *m;
};

/* Opens the store with cohort spring26, Ana, Ben, Tom (temp@) and Pat (perm@), three
 * sessions held (2, 9 and 16 November), and the mailer. */
static void
world_open(struct world *w)
{
	struct mail_config cfg = { 0 };
	char cmd[400];
	su_err e;

	w->st = fx_store();
	fx_cohort(w->st, &w->c);
	fx_person(w->st, &w->c, "Ana Lima", "ana@example.com");
	fx_person(w->st, &w->c, "Ben Okafor", "ben@example.com");
	fx_person(w->st, &w->c, "Tom Temp", "temp@example.com");
	fx_person(w->st, &w->c, "Pat Perm", "perm@example.com");
	fx_session(w->st, &w->c, "2026-11-02 09:00");
	fx_session(w->st, &w->c, "2026-11-09 09:00");
	fx_session(w->st, &w->c, "2026-11-16 09:00");
	ck_assert_int_eq(policy_load(w->st, &w->c, &w->p, &e), 0);
	ck_assert_msg(notice_templates_load(SRCDIR "/templates", NULL, &w->t, &e) == 0, "%s",
	    e.msg);
	snprintf(cmd, sizeof cmd, "'%s'", fx_write("sendmail", sendmail_script, 0700));
	cfg.sendmail = cmd;
	w->m = mailer_open(&cfg, "sendmail", &e);
	ck_assert_ptr_nonnull(w->m);
}

static void
world_close(struct world *w)
{
	mailer_close(w->m);
	notice_templates_free(&w->t);
	cohort_free(&w->c);
	store_close(w->st);
}

/* Plans the outbox as of the clock; what planning did goes to 'r' (to free). */
static void
plan(struct world *w, struct plan_result *r)
{
	su_err e;

	memset(r, 0, sizeof *r);
	ck_assert_msg(outbox_plan(w->st, &w->c, &w->p, &w->t, time_now(), NULL, r, &e) == 0,
	    "%s", e.msg);
}

/* Plans and checks how many rows were added. */
static void
plan_expect(struct world *w, size_t added)
{
	struct plan_result r;

	plan(w, &r);
	ck_assert_uint_eq(r.added, added);
	plan_result_free(&r);
}

/* Sends what is due (at most 'limit', 0: all); returns the counts. */
static struct send_counts
send(struct world *w, size_t limit)
{
	struct send_counts n = { 0 };
	su_err e;

	ck_assert_msg(outbox_send(w->st, &w->c, &w->p, w->m, NULL, limit, 0, &n, &e) == 0, "%s",
	    e.msg);
	return n;
}

/* The outbox as "email kind state attempts" lines, oldest first; the caller frees it. */
static char *
outbox_text_of(struct world *w)
{
	struct outbox_list l;
	struct strbuf sb = STRBUF_INIT;
	su_err e;

	ck_assert_int_eq(outbox_list_all(w->st, w->c.id, NULL, 0, &l, &e), 0);
	for (size_t i = 0; i < l.n; i++)
		sb_addf(&sb, "%s %s %s %d\n", l.v[i].email, l.v[i].kind, l.v[i].state,
		    l.v[i].attempts);
	outbox_list_free(&l);
	return sb_detach(&sb);
}

/* Checks the outbox against 'want' ("email kind state attempts" lines). */
#define ck_outbox(w, want) do { \
		char *got_ = outbox_text_of(w); \
		ck_assert_str_eq(got_, want); \
		free(got_); \
	} while (0)

/* Returns the reply stored with outbox row 'id'; the caller frees it. */
static char *
reply_of(struct world *w, int64_t id)
{
	struct outbox_list l;
	char *reply = NULL;
	su_err e;

	ck_assert_int_eq(outbox_list_all(w->st, w->c.id, NULL, 0, &l, &e), 0);
	for (size_t i = 0; i < l.n; i++)
		if (l.v[i].id == id)
			reply = xstrdup(l.v[i].reply);
	outbox_list_free(&l);
	ck_assert_ptr_nonnull(reply);
	return reply;
}

/* The number of messages the test's sendmail was given. */
static int
messages_given(void)
{
	char *log = fx_read("log");
	int n = 0;

	for (const char *s = log; *s; s++)
		n += *s == '\n';
	free(log);
	return n;
}

/* --- planning ------------------------------------------------------------------- */

/* A step due is planned once: planning again adds nothing; no step, no row. */
START_TEST(plan_adds_each_step_once)
{
	struct world w;
	struct plan_result r;

	world_open(&w);
	fx_mark(w.st, &w.c, 1, "ana@example.com", FACT_ABSENT);	/* 2 points: a warning */
	plan(&w, &r);
	ck_assert_uint_eq(r.added, 1);
	ck_assert_uint_eq(r.already, 0);
	plan_result_free(&r);
	ck_outbox(&w, "ana@example.com warning pending 0\n");
	plan(&w, &r);
	ck_assert_uint_eq(r.added, 0);
	ck_assert_uint_eq(r.already, 1);
	plan_result_free(&r);
	ck_outbox(&w, "ana@example.com warning pending 0\n");
	world_close(&w);
}
END_TEST

/* Points that pass two steps at once plan the highest alone: one notice says it all. */
START_TEST(plan_only_the_highest_step)
{
	struct world w;

	world_open(&w);
	fx_mark(w.st, &w.c, 1, "ana@example.com", FACT_ABSENT);
	fx_mark(w.st, &w.c, 2, "ana@example.com", FACT_ABSENT);	/* 0 to 4 points */
	plan_expect(&w, 1);
	ck_outbox(&w, "ana@example.com final-notice pending 0\n");
	world_close(&w);
}
END_TEST

/* --- sending ---------------------------------------------------------------------- */

/* A row that goes is sent once, with the server's word and the ladder step recorded. */
START_TEST(send_marks_sent_and_records_the_step)
{
	struct world w;
	struct send_counts n;
	struct notice_sent_list sent;
	struct outbox_list l;
	struct strbuf lf = STRBUF_INIT;
	char *mbox;
	su_err e;

	world_open(&w);
	fx_mark(w.st, &w.c, 1, "ana@example.com", FACT_ABSENT);
	plan_expect(&w, 1);
	n = send(&w, 0);
	ck_assert_uint_eq(n.sent, 1);
	ck_assert_uint_eq(n.retry + n.failed + n.unknown, 0);
	ck_outbox(&w, "ana@example.com warning sent 1\n");
	ck_assert_int_eq(outbox_list_all(w.st, w.c.id, "sent", 1, &l, &e), 0);
	ck_assert_uint_eq(l.n, 1);
	ck_assert_str_eq(l.v[0].reply, "sendmail: accepted");
	ck_assert_int_eq(l.v[0].sent_at, fx_now());
	/* sendmail got the stored message byte for byte, its CRLF made LF */
	for (size_t i = 0; i < l.v[0].message_len; i++)
		if (!(l.v[0].message[i] == '\r' && i + 1 < l.v[0].message_len &&
		    l.v[0].message[i + 1] == '\n'))
			sb_addc(&lf, (char)l.v[0].message[i]);
	ck_assert_uint_lt(lf.len, l.v[0].message_len);	/* it had CRLF to lose */
	mbox = fx_read("mbox");
	ck_assert_str_eq(mbox, sb_str(&lf));
	ck_assert_ptr_nonnull(strstr(mbox, l.v[0].message_id));
	free(mbox);
	sb_free(&lf);
	outbox_list_free(&l);
	ck_assert_int_eq(notice_list_sent(w.st, w.c.id, &sent, &e), 0);
	ck_assert_uint_eq(sent.n, 1);
	ck_assert_str_eq(sent.v[0].kind, "warning");
	ck_assert_int_eq(sent.v[0].step, 1);
	ck_assert_int_eq(sent.v[0].points, 2);
	notice_sent_list_free(&sent);
	/* sending again sends nothing */
	n = send(&w, 0);
	ck_assert_uint_eq(n.sent, 0);
	ck_assert_int_eq(messages_given(), 1);
	world_close(&w);
}
END_TEST

/* Marks 'email' absent at sessions 1 and 2: 4 points, the final notice due. */
static void
two_no_shows(struct world *w, const char *email)
{
	fx_mark(w->st, &w->c, 1, email, FACT_ABSENT);
	fx_mark(w->st, &w->c, 2, email, FACT_ABSENT);
}

/* The final notice, once sent, opens the refund offer it announced. */
START_TEST(final_notice_opens_its_refund_offer)
{
	struct world w;
	struct refund_offer_list offers;
	struct participant ana;
	su_err e;

	world_open(&w);
	two_no_shows(&w, "ana@example.com");
	plan_expect(&w, 1);
	ck_assert_int_eq(refund_offers_due(w.st, fx_now() + 365 * FX_DAY, &e), 0);
	ck_assert_uint_eq(send(&w, 0).sent, 1);
	fx_find(w.st, &w.c, "ana@example.com", &ana);
	ck_assert_int_eq(refund_offer_list_all(w.st, w.c.id, &offers, &e), 0);
	ck_assert_uint_eq(offers.n, 1);
	ck_assert_int_eq(offers.v[0].participant_id, ana.id);
	ck_assert_int_eq(offers.v[0].amount_cents, 150000);	/* the full fee */
	ck_assert_str_eq(offers.v[0].origin, "ladder");
	ck_assert_int_eq(offers.v[0].offered_at, fx_now());
	ck_assert_int_eq(offers.v[0].expires_at, fx_now() + 7 * FX_DAY);
	ck_assert_int_eq(offers.v[0].state, OFFER_OPEN);
	refund_offer_list_free(&offers);
	participant_free(&ana);
	world_close(&w);
}
END_TEST

/* What each sendmail exit makes of a row: its state, reply, and when it is tried again. */
static const struct {
	const char *email;
	const char *outbox;		/* the row afterwards */
	const char *reply;
	int64_t retry_after;		/* seconds from now; 0: none */
	size_t sent, retry, failed;
} delivery_cases[] = {
	{ "ana@example.com", "ana@example.com warning sent 1\n", "sendmail: accepted", 0,
		1, 0, 0 },
	{ "temp@example.com", "temp@example.com warning retry 1\n",
		"sendmail exited with status 75", 5 * 60, 0, 1, 0 },
	{ "perm@example.com", "perm@example.com warning failed 1\n",
		"sendmail exited with status 1", 0, 0, 0, 1 },
};

/* Each sendmail exit gives the row its state, the server's word and its next attempt. */
START_TEST(delivery_sets_the_state)
{
	struct world w;
	struct send_counts n;
	char *reply;

	world_open(&w);
	fx_mark(w.st, &w.c, 1, delivery_cases[_i].email, FACT_ABSENT);
	plan_expect(&w, 1);
	n = send(&w, 0);
	ck_assert_uint_eq(n.sent, delivery_cases[_i].sent);
	ck_assert_uint_eq(n.retry, delivery_cases[_i].retry);
	ck_assert_uint_eq(n.failed, delivery_cases[_i].failed);
	ck_outbox(&w, delivery_cases[_i].outbox);
	reply = reply_of(&w, 1);
	ck_assert_str_eq(reply, delivery_cases[_i].reply);
	free(reply);
	if (delivery_cases[_i].retry_after > 0)
		ck_assert_int_eq(fx_int(w.st, "SELECT next_attempt_at FROM outbox WHERE id = 1"),
		    fx_now() + delivery_cases[_i].retry_after);
	else
		ck_assert_int_eq(fx_int(w.st, "SELECT next_attempt_at IS NULL FROM outbox"
		    " WHERE id = 1"), 1);
	/* only a sent ladder step is recorded as sent */
	ck_assert_int_eq(fx_int(w.st, "SELECT count(*) FROM notice"), delivery_cases[_i].sent);
	world_close(&w);
}
END_TEST

/* A row to retry waits for its time, then goes again, and waits twice as long after. */
START_TEST(retry_waits_for_its_time)
{
	struct world w;
	int64_t now = fx_now();

	world_open(&w);
	fx_mark(w.st, &w.c, 1, "temp@example.com", FACT_ABSENT);
	plan_expect(&w, 1);
	ck_assert_uint_eq(send(&w, 0).retry, 1);
	fx_set_now(now + 5 * 60 - 1);		/* a second early: not tried */
	ck_assert_uint_eq(send(&w, 0).retry, 0);
	ck_assert_int_eq(messages_given(), 1);
	ck_outbox(&w, "temp@example.com warning retry 1\n");
	fx_set_now(now + 5 * 60);		/* its time: tried again */
	ck_assert_uint_eq(send(&w, 0).retry, 1);
	ck_assert_int_eq(messages_given(), 2);
	ck_outbox(&w, "temp@example.com warning retry 2\n");
	ck_assert_int_eq(fx_int(w.st, "SELECT next_attempt_at FROM outbox WHERE id = 1"),
	    now + 5 * 60 + 10 * 60);
	world_close(&w);
}
END_TEST

/* The wait before each retry: five minutes, doubling, never more than six hours. */
static const struct {
	int attempt;
	int64_t delay;
} retry_cases[] = {
	{ 1, 5 * 60 }, { 2, 10 * 60 }, { 3, 20 * 60 }, { 4, 40 * 60 }, { 5, 80 * 60 },
	{ 6, 160 * 60 }, { 7, 320 * 60 },
	{ 8, 6 * 3600 },		/* 640 minutes would pass six hours */
	{ 9, 6 * 3600 }, { 30, 6 * 3600 }, { 1000000, 6 * 3600 },
};

/* outbox_retry_delay: the wait before each retry, from the table. */
START_TEST(retry_delay_doubles_to_six_hours)
{
	ck_assert_int_eq(outbox_retry_delay(retry_cases[_i].attempt), retry_cases[_i].delay);
}
END_TEST

/* --- reminders: of the offsets come, the one closest to the start ---------------- */

static const struct {
	const char *reminders;		/* the setting */
	int64_t before;			/* seconds before the start it is now */
	int cancelled;
	int due;			/* the offset planned (minutes), -1 none */
} reminder_cases[] = {
	{ "2d,2h", 3 * 86400, 0, -1 },		/* none come yet */
	{ "2d,2h", 2 * 86400, 0, 2880 },		/* 2d, to the second */
	{ "2d,2h", 2 * 86400 - 1, 0, 2880 },
	{ "2d,2h", 2 * 3600 + 1, 0, 2880 },		/* 2h not yet */
	{ "2d,2h", 2 * 3600, 0, 120 },		/* both come: the closer alone */
	{ "2d,2h", 90 * 60, 0, 120 },		/* planned late */
	{ "2d,2h", 30 * 60, 0, 120 },		/* 30 minutes ahead: still */
	{ "2d,2h", 30 * 60 - 1, 0, -1 },		/* under 30 minutes: none */
	{ "2d,2h,20m", 20 * 60, 0, -1 },		/* an offset under 30 minutes never goes */
	{ "2d,2h", 0, 0, -1 },			/* started */
	{ "2d,2h", -3600, 0, -1 },
	{ "2d,2h", 3600, 1, -1 },			/* called off */
	{ "off", 3600, 0, -1 },
	{ "1d", 3600, 0, 1440 },
};

/* reminder_offset_due: which reminder planning makes now, from the table. */
START_TEST(reminder_closest_to_the_start)
{
	const int64_t start = 1800000000;
	struct policy p;
	su_err e;

	policy_default(&p);
	ck_assert_int_eq(policy_apply(&p, "reminders", reminder_cases[_i].reminders, &e), 0);
	ck_assert_int_eq(reminder_offset_due(&p, start, reminder_cases[_i].cancelled,
	    start - reminder_cases[_i].before), reminder_cases[_i].due);
}
END_TEST

/* --- claiming: a row goes only from pending or retry ------------------------------ */

/* The state another showup gives row 2 while this send is busy with row 1. */
static const char *claim_state;

/* After the first message, changes row 2 through a second connection, as another would. */
static void
change_row_2(size_t done, size_t total)
{
	struct store *other;

	ck_assert_uint_eq(total, 2);
	if (done != 1)
		return;
	other = fx_store_again();
	fx_exec(other, "UPDATE outbox SET state = '%s', next_attempt_at = NULL WHERE id = 2",
	    claim_state);
	store_close(other);
}

static const struct {
	const char *state;	/* row 2's state when its turn comes */
	int goes;
} claim_cases[] = {
	{ "pending", 1 }, { "retry", 1 },
	{ "sending", 0 },	/* another send has claimed it */
	{ "sent", 0 }, { "failed", 0 }, { "unknown", 0 },
	{ "withdrawn", 0 },	/* planning withdrew it */
};

/* A row another showup changed meanwhile goes only if still pending or retry. */
START_TEST(claim_takes_only_pending_or_retry)
{
	struct world w;
	struct send_counts n = { .progress = change_row_2 };
	char want[200];
	su_err e;

	world_open(&w);
	fx_mark(w.st, &w.c, 1, "ana@example.com", FACT_ABSENT);
	fx_mark(w.st, &w.c, 1, "ben@example.com", FACT_ABSENT);
	plan_expect(&w, 2);
	claim_state = claim_cases[_i].state;
	ck_assert_int_eq(outbox_send(w.st, &w.c, &w.p, w.m, NULL, 0, 0, &n, &e), 0);
	ck_assert_uint_eq(n.sent, 1 + (size_t)claim_cases[_i].goes);
	ck_assert_int_eq(messages_given(), 1 + claim_cases[_i].goes);
	snprintf(want, sizeof want, "ana@example.com warning sent 1\n"
	    "ben@example.com warning %s %d\n", claim_cases[_i].goes ? "sent" : claim_state,
	    claim_cases[_i].goes);
	ck_outbox(&w, want);
	world_close(&w);
}
END_TEST

/* A row a crash left sending becomes unknown, never goes by itself, and goes by resend. */
START_TEST(sending_left_by_a_crash_is_unknown)
{
	struct world w;
	struct send_counts n;
	struct outbox_list before, after;
	struct cohort c;
	char *reply;
	su_err e;

	world_open(&w);
	fx_mark(w.st, &w.c, 1, "ana@example.com", FACT_ABSENT);
	plan_expect(&w, 1);
	fx_exec(w.st, "UPDATE outbox SET state = 'sending', attempts = 1");	/* the crash */
	n = send(&w, 0);
	ck_assert_uint_eq(n.unknown, 1);
	ck_assert_uint_eq(n.sent, 0);
	ck_outbox(&w, "ana@example.com warning unknown 1\n");
	reply = reply_of(&w, 1);
	ck_assert_str_eq(reply, "caught while sending: not sent again but by resend");
	free(reply);
	n = send(&w, 0);
	ck_assert_uint_eq(n.unknown + n.sent, 0);
	ck_assert_int_eq(messages_given(), 0);
	/* by hand: the same message again */
	ck_assert_int_eq(outbox_list_all(w.st, w.c.id, NULL, 0, &before, &e), 0);
	ck_assert_int_eq(STORE_TX(w.st, &e, outbox_resend(w.st, 1, &c, &e)), 0);
	cohort_free(&c);
	ck_assert_uint_eq(send(&w, 0).sent, 1);
	ck_assert_int_eq(messages_given(), 1);
	ck_assert_int_eq(outbox_list_all(w.st, w.c.id, NULL, 0, &after, &e), 0);
	ck_assert_str_eq(after.v[0].message_id, before.v[0].message_id);
	ck_assert_str_eq(after.v[0].state, "sent");
	outbox_list_free(&before);
	outbox_list_free(&after);
	world_close(&w);
}
END_TEST

/* --- resend ------------------------------------------------------------------------ */

static const struct {
	const char *state;
	int taken;
} resend_cases[] = {
	{ "failed", 1 }, { "unknown", 1 }, { "retry", 1 },
	{ "pending", 0 }, { "sending", 0 }, { "sent", 0 }, { "withdrawn", 0 },
};

/* notices resend takes a failed, unknown or retry row back to pending; no other. */
START_TEST(resend_takes_failed_unknown_or_retry)
{
	struct world w;
	struct cohort c = { 0 };
	char want[200], *reply;
	int64_t audits;
	su_err e;

	world_open(&w);
	fx_mark(w.st, &w.c, 1, "ana@example.com", FACT_ABSENT);
	plan_expect(&w, 1);
	fx_exec(w.st, "UPDATE outbox SET state = '%s', attempts = 2", resend_cases[_i].state);
	audits = fx_int(w.st, "SELECT count(*) FROM audit");
	if (resend_cases[_i].taken) {
		ck_assert_msg(STORE_TX(w.st, &e, outbox_resend(w.st, 1, &c, &e)) == 0, "%s", e.msg);
		ck_assert_str_eq(c.slug, "spring26");
		cohort_free(&c);
		ck_outbox(&w, "ana@example.com warning pending 2\n");
		reply = reply_of(&w, 1);
		ck_assert_str_eq(reply, "resend asked by hand");
		free(reply);
		ck_assert_int_eq(fx_int(w.st, "SELECT count(*) FROM audit"), audits + 1);
	} else {
		ck_assert_int_eq(STORE_TX(w.st, &e, outbox_resend(w.st, 1, &c, &e)), -1);
		snprintf(want, sizeof want, "notice 1 is %s: only a failed, unknown or retry "
		    "notice can be sent again", resend_cases[_i].state);
		ck_assert_str_eq(e.msg, want);
		snprintf(want, sizeof want, "ana@example.com warning %s 2\n",
		    resend_cases[_i].state);
		ck_outbox(&w, want);
		ck_assert_int_eq(fx_int(w.st, "SELECT count(*) FROM audit"), audits);
	}
	world_close(&w);
}
END_TEST

/* A row that is not in the outbox cannot be resent. */
START_TEST(resend_of_no_row)
{
	struct world w;
	struct cohort c = { 0 };
	su_err e;

	world_open(&w);
	ck_assert_int_eq(STORE_TX(w.st, &e, outbox_resend(w.st, 7, &c, &e)), -1);
	ck_assert_str_eq(e.msg, "no notice 7 in the outbox");
	world_close(&w);
}
END_TEST

/* Hold, drop and resend write inside the caller's transaction: rolled back, nothing changed. */
START_TEST(hold_drop_resend_keep_the_callers_transaction)
{
	struct outbox_select sel = { .id = 1 };
	struct world w;
	struct cohort c = { 0 };
	int64_t audits;
	size_t n;
	su_err e;

	world_open(&w);
	fx_mark(w.st, &w.c, 1, "ana@example.com", FACT_ABSENT);
	plan_expect(&w, 1);
	audits = fx_int(w.st, "SELECT count(*) FROM audit");
	ck_assert_int_eq(store_begin(w.st, &e), 0);
	ck_assert_msg(outbox_hold(w.st, &sel, 1, 0, &n, &e) == 0, "%s", e.msg);
	ck_assert_uint_eq(n, 1);
	ck_assert_msg(outbox_drop(w.st, 1, "test", 0, &e) == 0, "%s", e.msg);
	ck_assert(store_in_transaction(w.st));
	store_rollback(w.st);
	fx_exec(w.st, "UPDATE outbox SET state = 'failed'");
	ck_assert_int_eq(store_begin(w.st, &e), 0);
	ck_assert_msg(outbox_resend(w.st, 1, &c, &e) == 0, "%s", e.msg);
	cohort_free(&c);
	ck_assert(store_in_transaction(w.st));
	store_rollback(w.st);
	ck_outbox(&w, "ana@example.com warning failed 0\n");
	ck_assert_int_eq(fx_int(w.st, "SELECT count(*) FROM audit"), audits);
	world_close(&w);
}
END_TEST

/* --- withdrawal ---------------------------------------------------------------------- */

/* A pending or retry row whose step is no longer due is withdrawn before it goes; a sent
 * one stays sent, and its person is told of the correction once; a step due again later
 * is planned anew. */
START_TEST(plan_withdraws_what_is_no_longer_due)
{
	static const char *const people[] = { "ana@example.com", "ben@example.com",
		"temp@example.com" };
	struct world w;
	struct plan_result r;
	struct send_counts n;

	world_open(&w);
	fx_mark(w.st, &w.c, 1, "ben@example.com", FACT_ABSENT);
	fx_mark(w.st, &w.c, 1, "temp@example.com", FACT_ABSENT);
	plan_expect(&w, 2);
	n = send(&w, 0);
	ck_assert_uint_eq(n.sent, 1);
	ck_assert_uint_eq(n.retry, 1);
	fx_mark(w.st, &w.c, 1, "ana@example.com", FACT_ABSENT);
	plan_expect(&w, 1);
	ck_outbox(&w, "ben@example.com warning sent 1\n"
	    "temp@example.com warning retry 1\n"
	    "ana@example.com warning pending 0\n");
	for (size_t i = 0; i < ARRAY_SIZE(people); i++)	/* corrected: they were there */
		fx_mark(w.st, &w.c, 1, people[i], FACT_ARRIVED);
	plan(&w, &r);
	ck_assert_uint_eq(r.withdrawn, 2);
	ck_assert_uint_eq(r.added, 1);		/* Ben's warning went: he hears it is void */
	plan_result_free(&r);
	ck_outbox(&w, "ben@example.com warning sent 1\n"
	    "temp@example.com warning withdrawn 1\n"
	    "ana@example.com warning withdrawn 0\n"
	    "ben@example.com correction pending 0\n");
	plan(&w, &r);				/* once */
	ck_assert_uint_eq(r.added, 0);
	plan_result_free(&r);
	fx_set_now(fx_now() + FX_DAY);		/* the retry's time has long come */
	n = send(&w, 0);
	ck_assert_uint_eq(n.sent, 1);		/* the correction, and nothing withdrawn */
	ck_assert_uint_eq(n.retry + n.failed + n.unknown, 0);
	ck_assert_int_eq(messages_given(), 3);
	/* due again: planned again, the withdrawn row kept as it was */
	fx_mark(w.st, &w.c, 2, "ana@example.com", FACT_ABSENT);
	plan_expect(&w, 1);
	ck_outbox(&w, "ben@example.com warning sent 1\n"
	    "temp@example.com warning withdrawn 1\n"
	    "ana@example.com warning withdrawn 0\n"
	    "ben@example.com correction sent 1\n"
	    "ana@example.com warning pending 0\n");
	world_close(&w);
}
END_TEST

/* A withdrawal is confirmed once; undone before the batch, its notice is withdrawn. */
START_TEST(exit_told_once_and_withdrawn_when_undone)
{
	struct participant ben;
	struct plan_result r;
	struct world w;
	su_err e;

	world_open(&w);
	fx_find(w.st, &w.c, "ben@example.com", &ben);
	ck_assert_msg(participant_withdraw(w.st, &w.c, &ben, time_now(), &e) == 0, "%s", e.msg);
	plan_expect(&w, 1);
	plan_expect(&w, 0);
	ck_outbox(&w, "ben@example.com withdrawal-confirmed pending 0\n");
	participant_free(&ben);
	fx_find(w.st, &w.c, "ben@example.com", &ben);
	ck_assert_msg(participant_reinstate(w.st, &w.c, &ben, &e) == 0, "%s", e.msg);
	plan(&w, &r);
	ck_assert_uint_eq(r.withdrawn, 1);
	ck_assert_uint_eq(r.added, 0);
	plan_result_free(&r);
	ck_outbox(&w, "ben@example.com withdrawal-confirmed withdrawn 0\n");
	participant_free(&ben);
	world_close(&w);
}
END_TEST

/* A refund offered by hand while the final notice (with its offer) is due: one offer goes. */
START_TEST(hand_offer_gives_way_to_the_final_notice)
{
	struct participant ben;
	struct world w;
	su_err e;

	world_open(&w);
	two_no_shows(&w, "ben@example.com");
	fx_find(w.st, &w.c, "ben@example.com", &ben);
	ck_assert_msg(refund_offer_open(w.st, &w.c, &w.p, &ben, 50000, "manual", time_now(),
	    NULL, &e) == 0, "%s", e.msg);
	plan_expect(&w, 1);
	ck_outbox(&w, "ben@example.com final-notice pending 0\n");
	ck_assert_uint_eq(send(&w, 0).sent, 1);
	plan_expect(&w, 0);	/* the final notice went after the offer: it told of it */
	participant_free(&ben);
	world_close(&w);
}
END_TEST

/* --- the batch ----------------------------------------------------------------------- */

/* A limit sends the oldest rows first and leaves the rest pending. */
START_TEST(limit_sends_the_oldest_first)
{
	struct world w;

	world_open(&w);
	fx_mark(w.st, &w.c, 1, "ben@example.com", FACT_ABSENT);
	plan_expect(&w, 1);
	fx_mark(w.st, &w.c, 1, "ana@example.com", FACT_ABSENT);
	plan_expect(&w, 1);
	ck_assert_uint_eq(send(&w, 1).sent, 1);
	ck_outbox(&w, "ben@example.com warning sent 1\nana@example.com warning pending 0\n");
	ck_assert_uint_eq(send(&w, 1).sent, 1);
	ck_outbox(&w, "ben@example.com warning sent 1\nana@example.com warning sent 1\n");
	world_close(&w);
}
END_TEST

/* One send at a time: the lock is refused while held, naming its holder, and free after. */
START_TEST(lock_lets_one_send_at_a_time)
{
	struct store *st = fx_store();
	char path[400], want[128];
	struct stat sb;
	int fd, again;
	su_err e;

	fd = outbox_lock(st, &e);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(outbox_lock(st, &e), -2);
	snprintf(want, sizeof want, "another send of notices is running (pid %ld)",
	    (long)getpid());
	ck_assert_str_eq(e.msg, want);
	ck_assert_int_eq(stat(fx_path(path, sizeof path, "showup.db.send-lock"), &sb), 0);
	ck_assert_int_eq(sb.st_mode & 0777, 0600);
	outbox_unlock(fd);
	again = outbox_lock(st, &e);
	ck_assert_int_ge(again, 0);
	outbox_unlock(again);
	store_close(st);
}
END_TEST

Suite *
outbox_suite(void)
{
	Suite *s = suite_create("outbox");
	TCase *tc = tcase_create("outbox");

	tcase_add_checked_fixture(tc, fx_setup, fx_teardown);
	tcase_add_test(tc, plan_adds_each_step_once);
	tcase_add_test(tc, plan_only_the_highest_step);
	tcase_add_test(tc, send_marks_sent_and_records_the_step);
	tcase_add_test(tc, final_notice_opens_its_refund_offer);
	tcase_add_loop_test(tc, delivery_sets_the_state, 0, ARRAY_SIZE(delivery_cases));
	tcase_add_test(tc, retry_waits_for_its_time);
	tcase_add_loop_test(tc, retry_delay_doubles_to_six_hours, 0, ARRAY_SIZE(retry_cases));
	tcase_add_loop_test(tc, reminder_closest_to_the_start, 0, ARRAY_SIZE(reminder_cases));
	tcase_add_loop_test(tc, claim_takes_only_pending_or_retry, 0, ARRAY_SIZE(claim_cases));
	tcase_add_test(tc, sending_left_by_a_crash_is_unknown);
	tcase_add_loop_test(tc, resend_takes_failed_unknown_or_retry, 0,
	    ARRAY_SIZE(resend_cases));
	tcase_add_test(tc, resend_of_no_row);
	tcase_add_test(tc, hold_drop_resend_keep_the_callers_transaction);
	tcase_add_test(tc, plan_withdraws_what_is_no_longer_due);
	tcase_add_test(tc, exit_told_once_and_withdrawn_when_undone);
	tcase_add_test(tc, hand_offer_gives_way_to_the_final_notice);
	tcase_add_test(tc, limit_sends_the_oldest_first);
	tcase_add_test(tc, lock_lets_one_send_at_a_time);
	suite_add_tcase(s, tc);
	return s;
}
