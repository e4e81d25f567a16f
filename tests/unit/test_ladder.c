/* SPDX-License-Identifier: Apache-2.0 */
/* test_ladder.c - the ladder's marks in the store: notices sent matched to the ladder by
 * kind, corrections that never un-send, and refund offers opened, decided and expired. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "showup/ladder.h"
#include "showup/roll.h"
#include "showup/timeutil.h"
#include "suites.h"

/* The store with cohort spring26, Ana and Ben, and two sessions held (2 and 9 November). */
struct world {
	struct store *st;
	struct cohort c;
	struct policy p;
};

static void
world_open(struct world *w)
{
	w->st = fx_store();
	fx_cohort(w->st, &w->c);
	fx_person(w->st, &w->c, "Ana Lima", "ana@example.com");
	fx_person(w->st, &w->c, "Ben Okafor", "ben@example.com");
	fx_session(w->st, &w->c, "2026-11-02 09:00");
	fx_session(w->st, &w->c, "2026-11-09 09:00");
	policy_default(&w->p);
}

static void
world_close(struct world *w)
{
	cohort_free(&w->c);
	store_close(w->st);
}

/* Applies one policy setting to the world's policy. */
static void
set_policy(struct world *w, const char *key, const char *value)
{
	su_err e;

	ck_assert_msg(policy_apply(&w->p, key, value, &e) == 0, "%s", e.msg);
}

/* Returns the kind of the ladder step due for 'email' as of 'now', or "none". */
static const char *
due_for(struct world *w, const char *email, int64_t now)
{
	static char kind[POLICY_KIND_LEN];
	struct roll r;
	su_err e;

	ck_assert_msg(roll_load(w->st, &w->c, &w->p, now, &r, &e) == 0, "%s", e.msg);
	snprintf(kind, sizeof kind, "?");
	for (size_t i = 0; i < r.people.n; i++) {
		int k = roll_person(&r, i)->step_due;

		if (strcmp(r.people.v[i].email, email) == 0)
			snprintf(kind, sizeof kind, "%s",
			    k >= 0 ? r.policy.ladder[k].kind : "none");
	}
	roll_free(&r);
	return kind;
}

/* Records that ladder step 'step' of kind 'kind' went to 'email' at 'when'. */
static void
record_sent(struct world *w, const char *email, int step, const char *kind, int64_t when)
{
	struct participant p;
	su_err e;

	fx_find(w->st, &w->c, email, &p);
	ck_assert_msg(notice_record_sent(w->st, &w->c, &p, step, kind, 2, when, &e) == 0, "%s",
	    e.msg);
	participant_free(&p);
}

/* --- matching the ladder to the notices sent ----------------------------------------- */

/*
 * The step due for Ana's points under a ladder, given the notices she was sent
 * (kind and the step it was when sent). A notice counts by its kind, so a ladder
 * changed since never sends it again, nor a step below it.
 */
static const struct {
	const char *ladder;		/* NULL: the default ladder */
	int points;
	const char *sent_kind;		/* NULL: nothing sent */
	int sent_step;
	const char *due;
} match_cases[] = {
	/* nothing sent: the highest step reached, lower ones skipped */
	{ NULL, 0, NULL, 0, "none" },
	{ NULL, 1, NULL, 0, "policy-reminder" },
	{ NULL, 2, NULL, 0, "warning" },
	{ NULL, 3, NULL, 0, "final-notice" },
	{ NULL, 7, NULL, 0, "final-notice" },
	/* a step sent is not due again; a higher one reached still is */
	{ NULL, 2, "warning", 1, "none" },
	{ NULL, 2, "policy-reminder", 0, "warning" },
	{ NULL, 3, "warning", 1, "final-notice" },
	/* a step put in below the one sent: the sent kind is now step 1, nothing is due
	   (by its old step number 0, policy-reminder would go again) */
	{ "1:nudge,2:policy-reminder,3:final-notice", 2, "policy-reminder", 0, "none" },
	/* the sent kind moved up: a new step below it is never sent */
	{ "1:policy-reminder,2:nudge,3:warning,4:final-notice", 2, "warning", 1, "none" },
	{ "1:policy-reminder,2:nudge,3:warning,4:final-notice", 4, "warning", 1,
		"final-notice" },
	/* the sent kind moved down: its old step number no longer holds anything back */
	{ "2:warning,3:final-notice", 3, "warning", 1, "final-notice" },
	/* a kind no longer on the ladder matches no step */
	{ "2:caution,3:final-notice", 2, "warning", 1, "caution" },
};

/* The step due for Ana under each ladder, given the notice she was sent. */
START_TEST(ladder_matches_notices_by_kind)
{
	struct world w;
	char points[16];

	world_open(&w);
	if (match_cases[_i].ladder != NULL)
		set_policy(&w, "ladder", match_cases[_i].ladder);
	snprintf(points, sizeof points, "%d", match_cases[_i].points);
	set_policy(&w, "points.no_show", points);
	if (match_cases[_i].points > 0)
		fx_mark(w.st, &w.c, 1, "ana@example.com", FACT_ABSENT);
	if (match_cases[_i].sent_kind != NULL)
		record_sent(&w, "ana@example.com", match_cases[_i].sent_step,
		    match_cases[_i].sent_kind, fx_now() - FX_DAY);
	ck_assert_str_eq(due_for(&w, "ana@example.com", fx_now()), match_cases[_i].due);
	ck_assert_str_eq(due_for(&w, "ben@example.com", fx_now()), "none");
	world_close(&w);
}
END_TEST

/* A notice counts only from when it was sent: as of a moment before, its step was due. */
START_TEST(notice_counts_from_when_it_went)
{
	struct world w;
	int64_t sent = fx_now() - FX_DAY;

	world_open(&w);
	fx_mark(w.st, &w.c, 1, "ana@example.com", FACT_ABSENT);
	record_sent(&w, "ana@example.com", 1, "warning", sent);
	ck_assert_str_eq(due_for(&w, "ana@example.com", sent - 1), "warning");
	ck_assert_str_eq(due_for(&w, "ana@example.com", sent), "none");
	world_close(&w);
}
END_TEST

/* A correction that lowers the points un-sends nothing: the warning stays sent, and is
 * not due again when the points come back; only a higher step is. */
START_TEST(correction_never_unsends)
{
	struct world w;
	struct notice_sent_list sent;
	su_err e;

	world_open(&w);
	fx_mark(w.st, &w.c, 1, "ana@example.com", FACT_ABSENT);
	ck_assert_str_eq(due_for(&w, "ana@example.com", fx_now()), "warning");
	record_sent(&w, "ana@example.com", 1, "warning", fx_now() - FX_DAY);
	fx_mark(w.st, &w.c, 1, "ana@example.com", FACT_ARRIVED);	/* she was there */
	ck_assert_str_eq(due_for(&w, "ana@example.com", fx_now()), "none");
	ck_assert_int_eq(notice_list_sent(w.st, w.c.id, &sent, &e), 0);
	ck_assert_uint_eq(sent.n, 1);
	ck_assert_str_eq(sent.v[0].kind, "warning");
	notice_sent_list_free(&sent);
	fx_mark(w.st, &w.c, 2, "ana@example.com", FACT_ABSENT);	/* 2 points again */
	ck_assert_str_eq(due_for(&w, "ana@example.com", fx_now()), "none");
	fx_mark(w.st, &w.c, 1, "ana@example.com", FACT_ABSENT);	/* 4 points */
	ck_assert_str_eq(due_for(&w, "ana@example.com", fx_now()), "final-notice");
	world_close(&w);
}
END_TEST

/* A step is recorded as sent once, ever; the notices are listed oldest first. */
START_TEST(notice_recorded_once_listed_in_order)
{
	struct world w;
	struct notice_sent_list sent;
	struct participant ana;
	su_err e;

	world_open(&w);
	record_sent(&w, "ben@example.com", 1, "warning", fx_now() - 1000);
	record_sent(&w, "ana@example.com", 0, "policy-reminder", fx_now() - 2000);
	fx_find(w.st, &w.c, "ana@example.com", &ana);
	ck_assert_int_eq(notice_record_sent(w.st, &w.c, &ana, 0, "policy-reminder", 1,
	    fx_now(), &e), -1);
	ck_assert_str_eq(e.msg, "the policy-reminder notice went to 'ana@example.com' already");
	ck_assert_int_eq(notice_list_sent(w.st, w.c.id, &sent, &e), 0);
	ck_assert_uint_eq(sent.n, 2);
	ck_assert_int_eq(sent.v[0].participant_id, ana.id);
	ck_assert_int_eq(sent.v[0].sent_at, fx_now() - 2000);
	ck_assert_str_eq(sent.v[1].kind, "warning");
	notice_sent_list_free(&sent);
	participant_free(&ana);
	world_close(&w);
}
END_TEST

/* --- refund offers -------------------------------------------------------------------- */

/* Opens an offer of 1,500.00 to 'email' at 'when'; returns 0 or -1 with 'e' set. */
static int
offer(struct world *w, const char *email, int64_t when, int64_t *expires, su_err *e)
{
	struct participant p;
	int rc;

	fx_find(w->st, &w->c, email, &p);
	rc = refund_offer_open(w->st, &w->c, &w->p, &p, 150000, "manual", when, expires, e);
	participant_free(&p);
	return rc;
}

/* Decides the open offer of 'email' at 'when'; 0 or -1 with 'e' set. */
static int
decide(struct world *w, const char *email, enum offer_state d, int64_t when, su_err *e)
{
	struct participant p;
	int rc;

	fx_find(w->st, &w->c, email, &p);
	rc = refund_offer_decide(w->st, &w->c, &p, d, when, e);
	participant_free(&p);
	return rc;
}

/* An offer runs refund.days from when it is made; one open offer a participant, not cohort. */
START_TEST(refund_offer_opens_once_per_participant)
{
	struct world w;
	struct refund_offer_list l;
	int64_t expires = 0;
	su_err e;

	world_open(&w);
	set_policy(&w, "refund.days", "10");
	ck_assert_int_eq(offer(&w, "ana@example.com", fx_now(), &expires, &e), 0);
	ck_assert_int_eq(expires, fx_now() + 10 * FX_DAY);
	ck_assert_int_eq(offer(&w, "ana@example.com", fx_now(), NULL, &e), -1);
	ck_assert_str_eq(e.msg, "'ana@example.com' has an open refund offer already");
	ck_assert_int_eq(offer(&w, "ben@example.com", fx_now(), NULL, &e), 0);
	ck_assert_int_eq(refund_offer_list_all(w.st, w.c.id, &l, &e), 0);
	ck_assert_uint_eq(l.n, 2);
	ck_assert_int_eq(l.v[0].amount_cents, 150000);
	ck_assert_str_eq(l.v[0].currency, "AUD");
	ck_assert_str_eq(l.v[0].origin, "manual");
	ck_assert_int_eq(l.v[0].state, OFFER_OPEN);
	ck_assert_int_eq(l.v[0].decided_at, 0);
	refund_offer_list_free(&l);
	world_close(&w);
}
END_TEST

/* No offer under a policy without refunds, nor to one who has withdrawn. */
START_TEST(refund_offer_refusals)
{
	struct world w;
	struct participant ben;
	su_err e;

	world_open(&w);
	set_policy(&w, "refund", "none");
	ck_assert_int_eq(offer(&w, "ana@example.com", fx_now(), NULL, &e), -1);
	ck_assert_str_eq(e.msg, "the policy of cohort 'spring26' offers no refund (refund is "
	    "'none')");
	set_policy(&w, "refund", "prorated");
	fx_find(w.st, &w.c, "ben@example.com", &ben);
	ck_assert_int_eq(participant_withdraw(w.st, &w.c, &ben, fx_now() - FX_DAY, &e), 0);
	participant_free(&ben);
	ck_assert_int_eq(offer(&w, "ben@example.com", fx_now(), NULL, &e), -1);
	ck_assert_str_eq(e.msg, "'ben@example.com' has withdrawn already");
	ck_assert_int_eq(fx_int(w.st, "SELECT count(*) FROM refund_offer"), 0);
	world_close(&w);
}
END_TEST

/*
 * Deciding an offer made two days before the clock (open 7 days): when the answer may
 * come, and what it does. The times are seconds from the offer.
 */
static const struct {
	enum offer_state decision;
	int64_t at;
	const char *error;		/* NULL: taken */
} decide_cases[] = {
	{ OFFER_ACCEPTED, FX_DAY, NULL },
	{ OFFER_DECLINED, FX_DAY, NULL },
	{ OFFER_ACCEPTED, 0, NULL },			/* at once */
	{ OFFER_DECLINED, -1,
		"the offer to 'ana@example.com' was made only on 2026-11-20 11:00" },
	{ OFFER_ACCEPTED, 2 * FX_DAY + 1, "an answer cannot come in later than now" },
};

/* An answer within the offer's time is taken and does what it says; others are refused. */
START_TEST(refund_offer_decided_within_its_time)
{
	struct world w;
	struct refund_offer_list l;
	struct participant ana;
	int64_t offered = fx_now() - 2 * FX_DAY, at = offered + decide_cases[_i].at;
	su_err e;

	world_open(&w);
	ck_assert_int_eq(offer(&w, "ana@example.com", offered, NULL, &e), 0);
	if (decide_cases[_i].error != NULL) {
		ck_assert_int_eq(decide(&w, "ana@example.com", decide_cases[_i].decision, at, &e),
		    -1);
		ck_assert_str_eq(e.msg, decide_cases[_i].error);
		ck_assert_int_eq(fx_int(w.st, "SELECT count(*) FROM refund_offer"
		    " WHERE state = 'open'"), 1);
		world_close(&w);
		return;
	}
	ck_assert_msg(decide(&w, "ana@example.com", decide_cases[_i].decision, at, &e) == 0,
	    "%s", e.msg);
	ck_assert_int_eq(refund_offer_list_all(w.st, w.c.id, &l, &e), 0);
	ck_assert_int_eq(l.v[0].state, decide_cases[_i].decision);
	ck_assert_int_eq(l.v[0].decided_at, at);
	refund_offer_list_free(&l);
	/* accepting withdraws her as of the answer; declining keeps her in */
	fx_find(w.st, &w.c, "ana@example.com", &ana);
	if (decide_cases[_i].decision == OFFER_ACCEPTED) {
		ck_assert_int_eq(ana.status, PARTICIPANT_WITHDRAWN);
		ck_assert_int_eq(ana.withdrawn_at, at);
	} else {
		ck_assert_int_eq(ana.status, PARTICIPANT_ACTIVE);
	}
	participant_free(&ana);
	/* decided: nothing open to decide, and (if still in) room for a new offer */
	ck_assert_int_eq(decide(&w, "ana@example.com", OFFER_DECLINED, at, &e), -1);
	ck_assert_str_eq(e.msg, "'ana@example.com' has no open refund offer");
	ck_assert_int_eq(offer(&w, "ana@example.com", fx_now(), NULL, &e),
	    decide_cases[_i].decision == OFFER_ACCEPTED ? -1 : 0);
	world_close(&w);
}
END_TEST

/* An answer after the offer ran out is refused; at its last second it is taken. */
START_TEST(refund_offer_answer_after_its_end)
{
	struct world w;
	int64_t offered = fx_now() - 8 * FX_DAY, expires = 0;
	su_err e;

	world_open(&w);
	ck_assert_int_eq(offer(&w, "ana@example.com", offered, &expires, &e), 0);
	ck_assert_int_eq(expires, offered + 7 * FX_DAY);
	ck_assert_int_eq(decide(&w, "ana@example.com", OFFER_DECLINED, expires + 1, &e), -1);
	ck_assert_str_eq(e.msg, "the offer to 'ana@example.com' ran out on 2026-11-21 11:00");
	ck_assert_int_eq(decide(&w, "ana@example.com", OFFER_DECLINED, expires, &e), 0);
	world_close(&w);
}
END_TEST

/* Offers expire at their end second, each once, audited; a later one stays open. */
START_TEST(refund_offers_expire_at_their_end)
{
	struct world w;
	struct refund_offer_list l;
	int64_t t0 = fx_now() - 20 * FX_DAY, end, audits;
	su_err e;

	world_open(&w);
	ck_assert_int_eq(offer(&w, "ana@example.com", t0, &end, &e), 0);
	ck_assert_int_eq(offer(&w, "ben@example.com", t0 + FX_DAY, NULL, &e), 0);
	audits = fx_int(w.st, "SELECT count(*) FROM audit");
	ck_assert_int_eq(refund_offers_due(w.st, end - 1, &e), 0);
	ck_assert_int_eq(refund_offers_expire(w.st, end - 1, &e), 0);
	ck_assert_int_eq(refund_offers_due(w.st, end, &e), 1);
	ck_assert_int_eq(refund_offers_expire(w.st, end, &e), 1);
	ck_assert_int_eq(refund_offers_expire(w.st, end, &e), 0);
	ck_assert_int_eq(fx_int(w.st, "SELECT count(*) FROM audit"), audits + 1);
	ck_assert_int_eq(refund_offer_list_all(w.st, w.c.id, &l, &e), 0);
	ck_assert_int_eq(l.v[0].state, OFFER_EXPIRED);
	ck_assert_int_eq(l.v[0].decided_at, end);
	refund_offer_list_free(&l);
	ck_assert_int_eq(fx_int(w.st, "SELECT count(*) FROM refund_offer WHERE state = 'open'"),
	    1);
	ck_assert_int_eq(refund_offers_expire(w.st, end + FX_DAY, &e), 1);
	ck_assert_int_eq(refund_offers_due(w.st, fx_now(), &e), 0);
	world_close(&w);
}
END_TEST

/* A list read after an offer ran out shows it expired, though nothing stored it so. */
START_TEST(refund_offer_list_shows_expiry_unstored)
{
	struct world w;
	struct refund_offer_list l;
	int64_t end;
	su_err e;

	world_open(&w);
	ck_assert_int_eq(offer(&w, "ana@example.com", fx_now() - 7 * FX_DAY - 5, &end, &e), 0);
	ck_assert_int_eq(offer(&w, "ben@example.com", fx_now() - 7 * FX_DAY + 5, NULL, &e), 0);
	ck_assert_int_eq(refund_offer_list_all(w.st, w.c.id, &l, &e), 0);
	ck_assert_int_eq(l.v[0].state, OFFER_EXPIRED);
	ck_assert_int_eq(l.v[0].decided_at, end);
	ck_assert_int_eq(l.v[1].state, OFFER_OPEN);
	refund_offer_list_free(&l);
	ck_assert_int_eq(fx_int(w.st, "SELECT count(*) FROM refund_offer WHERE state = 'open'"),
	    2);
	world_close(&w);
}
END_TEST

/* refund_offer_latest: a participant's newest offer, none for one without. */
START_TEST(refund_offer_latest_of_each)
{
	struct refund_offer v[] = {
		{ .id = 1, .participant_id = 5 }, { .id = 2, .participant_id = 6 },
		{ .id = 3, .participant_id = 5 }, { .id = 4, .participant_id = 7 },
	};
	struct refund_offer_list l = { v, ARRAY_SIZE(v) };

	ck_assert_int_eq(refund_offer_latest(&l, 5)->id, 3);
	ck_assert_int_eq(refund_offer_latest(&l, 6)->id, 2);
	ck_assert_ptr_null(refund_offer_latest(&l, 8));
}
END_TEST

static const struct {
	enum offer_state state;
	const char *name;
} state_cases[] = {
	{ OFFER_OPEN, "open" }, { OFFER_ACCEPTED, "accepted" }, { OFFER_DECLINED, "declined" },
	{ OFFER_EXPIRED, "expired" }, { (enum offer_state)4, "?" }, { (enum offer_state)-1, "?" },
};

/* offer_state_name: the word the store keeps, "?" for no state. */
START_TEST(offer_state_names)
{
	ck_assert_str_eq(offer_state_name(state_cases[_i].state), state_cases[_i].name);
}
END_TEST

Suite *
ladder_suite(void)
{
	Suite *s = suite_create("ladder");
	TCase *tc = tcase_create("ladder");

	tcase_add_checked_fixture(tc, fx_setup, fx_teardown);
	tcase_add_loop_test(tc, ladder_matches_notices_by_kind, 0, ARRAY_SIZE(match_cases));
	tcase_add_test(tc, notice_counts_from_when_it_went);
	tcase_add_test(tc, correction_never_unsends);
	tcase_add_test(tc, notice_recorded_once_listed_in_order);
	tcase_add_test(tc, refund_offer_opens_once_per_participant);
	tcase_add_test(tc, refund_offer_refusals);
	tcase_add_loop_test(tc, refund_offer_decided_within_its_time, 0,
	    ARRAY_SIZE(decide_cases));
	tcase_add_test(tc, refund_offer_answer_after_its_end);
	tcase_add_test(tc, refund_offers_expire_at_their_end);
	tcase_add_test(tc, refund_offer_list_shows_expiry_unstored);
	tcase_add_test(tc, refund_offer_latest_of_each);
	tcase_add_loop_test(tc, offer_state_names, 0, ARRAY_SIZE(state_cases));
	suite_add_tcase(s, tc);
	return s;
}
