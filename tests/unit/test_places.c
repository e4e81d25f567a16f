/* SPDX-License-Identifier: Apache-2.0 */
/* test_places.c - places and the waiting list on a real store: the free places counted,
 * a join taking a place or waiting in order, its refusals, a cancellation in time or
 * late giving the place to the first waiting (told once, the canceller still late), and
 * a group session given places keeping everyone it expected. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "showup/changes.h"
#include "showup/places.h"
#include "showup/roll.h"
#include "suites.h"

/* Free places for a capacity and places taken: no limit without a capacity, never below 0. */
static const struct { int capacity, taken, free; } free_cases[] = {
	{ 0, 0, PLACES_NO_LIMIT }, { 0, 50, PLACES_NO_LIMIT }, { 2, 0, 2 }, { 2, 1, 1 },
	{ 2, 2, 0 }, { 2, 3, 0 }, { 1, 0, 1 },
};

START_TEST(free_places_counted)
{
	ck_assert_int_eq(places_free(free_cases[_i].capacity, free_cases[_i].taken),
	    free_cases[_i].free);
}
END_TEST

/* Cohort spring26 with Ana, Ben, Cai and Dee, and session 1 (Wed 25 Nov 09:00 Sydney) of 2 places. */
struct world {
	struct store *st;
	struct cohort c;
	struct policy pol;
	struct session s;
};

static void
world_open(struct world *w, int capacity)
{
	struct session s = { .kind = SESSION_GROUP, .starts_at = fx_time("2026-11-25 09:00"),
		.minutes = 60, .title = "Pricing", .location = "", .capacity = capacity };
	su_err e;

	w->st = fx_store();
	fx_cohort(w->st, &w->c);
	fx_person(w->st, &w->c, "Ana Lima", "ana@example.com");
	fx_person(w->st, &w->c, "Ben Okafor", "ben@example.com");
	fx_person(w->st, &w->c, "Cai Wu", "cai@example.com");
	fx_person(w->st, &w->c, "Dee Rao", "dee@example.com");
	ck_assert_msg(session_add(w->st, &w->c, &s, NULL, 0, &e) == 1, "%s", e.msg);
	ck_assert_int_eq(session_find(w->st, &w->c, 1, &w->s, &e), 1);
	policy_default(&w->pol);
}

static void
world_close(struct world *w)
{
	session_free(&w->s);
	cohort_free(&w->c);
	store_close(w->st);
}

/* Joins 'email' to the world's session now; returns places_join's answer (position set). */
static int
join(struct world *w, const char *email, int *position, su_err *e)
{
	struct participant p;
	int rc;

	fx_find(w->st, &w->c, email, &p);
	rc = places_join(w->st, &w->c, &w->s, &p, fx_now(), position, e);
	participant_free(&p);
	return rc;
}

/* Returns 1 if the world's session expects 'email'. */
static int
expects(struct world *w, const char *email)
{
	struct participant p;
	int rc;

	fx_find(w->st, &w->c, email, &p);
	rc = session_expects(w->st, &w->s, &p, NULL);
	participant_free(&p);
	return rc;
}

/* Records that 'email' cancelled their place at the world's session at 'when'. */
static void
cancel(struct world *w, const char *email, int64_t when)
{
	struct attendance a = { .fact = FACT_CANCELLED, .cancelled_at = when, .reason = "work",
		.note = "", .session_id = w->s.id };
	struct participant p;
	su_err e;

	fx_find(w->st, &w->c, email, &p);
	a.participant_id = p.id;
	ck_assert_msg(attendance_record_fact(w->st, &w->c, &w->pol, &w->s, &p, &a,
	    RECORD_REPLACE, when, &e) == 1, "%s", e.msg);
	participant_free(&p);
}

START_TEST(join_takes_a_place_then_waits_in_order)
{
	struct world w;
	struct participant p;
	int pos = -1;
	su_err e;

	world_open(&w, 2);
	ck_assert_int_eq(expects(&w, "ana@example.com"), 0);	/* places: nobody until joined */
	ck_assert_int_eq(join(&w, "ana@example.com", &pos, &e), PLACE_TAKEN);
	ck_assert_int_eq(pos, 0);
	ck_assert_int_eq(join(&w, "ben@example.com", &pos, &e), PLACE_TAKEN);
	ck_assert_int_eq(join(&w, "cai@example.com", &pos, &e), PLACE_WAITING);
	ck_assert_int_eq(pos, 1);
	ck_assert_int_eq(join(&w, "dee@example.com", &pos, &e), PLACE_WAITING);
	ck_assert_int_eq(pos, 2);
	ck_assert_int_eq(places_taken(w.st, &w.s, &e), 2);
	ck_assert_int_eq(places_waiting(w.st, &w.s, &e), 2);
	ck_assert_int_eq(expects(&w, "ana@example.com"), 1);
	ck_assert_int_eq(expects(&w, "cai@example.com"), 0);
	ck_assert_int_eq(fx_int(w.st, "SELECT count(*) FROM audit WHERE action LIKE 'place %%'"),
	    4);
	/* Cai leaves the list: Dee moves up; Cai cannot leave twice */
	fx_find(w.st, &w.c, "cai@example.com", &p);
	ck_assert_msg(places_leave(w.st, &w.c, &w.s, &p, fx_now(), &e) == 0, "%s", e.msg);
	ck_assert_int_eq(places_position(w.st, &w.s, &p, &e), 0);
	ck_assert_int_eq(places_leave(w.st, &w.c, &w.s, &p, fx_now(), &e), -1);
	participant_free(&p);
	fx_find(w.st, &w.c, "dee@example.com", &p);
	ck_assert_int_eq(places_position(w.st, &w.s, &p, &e), 1);
	participant_free(&p);
	world_close(&w);
}
END_TEST

/* The rows of the waiting list, the sessions' lists and the audit log, in one number. */
#define ROWS "SELECT ((SELECT count(*) FROM waiting) * 1000 + (SELECT count(*) FROM expected))" \
	" * 1000 + (SELECT count(*) FROM audit)"

START_TEST(join_refusals_change_nothing)
{
	struct world w;
	struct participant p;
	int pos, rows;
	su_err e;

	world_open(&w, 1);
	ck_assert_int_eq(join(&w, "ana@example.com", &pos, &e), PLACE_TAKEN);
	ck_assert_int_eq(join(&w, "ben@example.com", &pos, &e), PLACE_WAITING);
	rows = (int)fx_int(w.st, ROWS);
	ck_assert_int_eq(join(&w, "ana@example.com", &pos, &e), -1);
	ck_assert_str_eq(e.msg, "'ana@example.com' has a place at session spring26:1 already");
	ck_assert_int_eq(join(&w, "ben@example.com", &pos, &e), -1);
	ck_assert_str_eq(e.msg, "'ben@example.com' is on the waiting list of session "
	    "spring26:1 already (number 1)");
	fx_find(w.st, &w.c, "cai@example.com", &p);
	ck_assert_int_eq(participant_withdraw(w.st, &w.c, &p, fx_now(), &e), 0);
	participant_free(&p);
	rows += 1;	/* the withdrawal's audit entry */
	ck_assert_int_eq(join(&w, "cai@example.com", &pos, &e), -1);
	ck_assert_str_eq(e.msg, "'cai@example.com' has withdrawn from the program");
	fx_find(w.st, &w.c, "dee@example.com", &p);
	ck_assert_int_eq(places_join(w.st, &w.c, &w.s, &p, w.s.starts_at, &pos, &e), -1);
	participant_free(&p);
	ck_assert_str_eq(e.msg, "session spring26:1 has begun or is over");
	ck_assert_int_eq(fx_int(w.st, ROWS), rows);
	world_close(&w);
}
END_TEST

/* Returns the outcome of 'email' at the world's session judged at 'now'. */
static enum outcome
place_outcome(struct world *w, const char *email, int64_t now)
{
	enum outcome o = OUTCOME_COUNT;
	struct roll r;
	su_err e;

	ck_assert_msg(roll_load(w->st, &w->c, &w->pol, now, &r, &e) == 0, "%s", e.msg);
	for (size_t i = 0; i < r.people.n; i++)
		if (strcmp(r.people.v[i].email, email) == 0)
			o = roll_outcome(&r, i, 0);
	roll_free(&r);
	return o;
}

/* Returns the people told of a place offered, as "email:key;" each, by the changes at 'now'. */
static char *
offered(struct world *w, int64_t now)
{
	struct strbuf sb = STRBUF_INIT;
	struct change_list l;
	struct roll r;
	su_err e;

	ck_assert_msg(roll_load(w->st, &w->c, &w->pol, now, &r, &e) == 0, "%s", e.msg);
	ck_assert_msg(changes_collect(w->st, &r, &l, &e) == 0, "%s", e.msg);
	for (size_t k = 0; k < l.n; k++)
		for (size_t i = 0; i < r.people.n; i++)
			if (strcmp(l.v[k].kind, "place-offered") == 0 &&
			    change_tells(&r, &l, &l.v[k], i))
				sb_addf(&sb, "%s;", r.people.v[i].email);
	changes_free(&l);
	roll_free(&r);
	return sb_detach(&sb);
}

/* A cancellation in time (loop 0) or late (loop 1) gives the place to the first waiting. */
START_TEST(cancellation_gives_the_place_to_the_first_waiting)
{
	const int late = _i;
	int64_t when = late ? fx_time("2026-11-24 20:00") : fx_now();
	struct world w;
	char *told;
	int pos;
	su_err e;

	world_open(&w, 1);
	ck_assert_int_eq(join(&w, "ana@example.com", &pos, &e), PLACE_TAKEN);
	ck_assert_int_eq(join(&w, "ben@example.com", &pos, &e), PLACE_WAITING);
	ck_assert_int_eq(join(&w, "cai@example.com", &pos, &e), PLACE_WAITING);
	told = offered(&w, when);
	ck_assert_str_eq(told, "");
	free(told);
	fx_set_now(when);
	cancel(&w, "ana@example.com", when);
	ck_assert_int_eq(expects(&w, "ben@example.com"), 1);
	ck_assert_int_eq(expects(&w, "cai@example.com"), 0);
	ck_assert_int_eq(places_waiting(w.st, &w.s, &e), 1);
	ck_assert_int_eq(place_outcome(&w, "ana@example.com", when + 3600),
	    late ? OUTCOME_LATE_CANCEL : OUTCOME_CANCELLED);
	ck_assert_int_eq(place_outcome(&w, "ben@example.com", when + 3600), OUTCOME_UPCOMING);
	told = offered(&w, when + 60);
	ck_assert_str_eq(told, "ben@example.com;");	/* Ben alone, once */
	free(told);
	/* Ben gives it up in turn: Cai has it, and nobody hears of Ben's any more */
	cancel(&w, "ben@example.com", when + 120);
	told = offered(&w, when + 180);
	ck_assert_str_eq(told, "cai@example.com;");
	free(told);
	ck_assert_int_eq(places_taken(w.st, &w.s, &e), 1);
	world_close(&w);
}
END_TEST

START_TEST(group_given_places_keeps_everyone)
{
	struct world w;
	struct session s;
	int64_t *ids = NULL;
	size_t n = 0;
	su_err e;

	world_open(&w, 0);
	ck_assert_int_eq(expects(&w, "dee@example.com"), 1);	/* no capacity: everyone */
	s = w.s;
	s.capacity = 3;
	ck_assert_int_eq(session_update(w.st, &w.c, &w.s, &s, NULL, 0, &e), -1);
	ck_assert_str_eq(e.msg, "4 people would hold the session's 3 places");
	s.capacity = 4;
	ck_assert_msg(session_update(w.st, &w.c, &w.s, &s, NULL, 0, &e) == 1, "%s", e.msg);
	ck_assert_int_eq(session_expected_ids(w.st, w.s.id, &ids, &n, &e), 0);
	ck_assert_uint_eq(n, 4);
	free(ids);
	session_free(&w.s);
	ck_assert_int_eq(session_find(w.st, &w.c, 1, &w.s, &e), 1);
	ck_assert_int_eq(w.s.capacity, 4);
	ck_assert_int_eq(session_expects_everyone(&w.s), 0);
	ck_assert_int_eq(expects(&w, "dee@example.com"), 1);
	world_close(&w);
}
END_TEST

Suite *
places_suite(void)
{
	Suite *s = suite_create("places");
	TCase *tc = tcase_create("places");

	tcase_add_loop_test(tc, free_places_counted, 0, ARRAY_SIZE(free_cases));
	suite_add_tcase(s, tc);
	tc = tcase_create("waiting");
	tcase_add_checked_fixture(tc, fx_setup, fx_teardown);
	tcase_add_test(tc, join_takes_a_place_then_waits_in_order);
	tcase_add_test(tc, join_refusals_change_nothing);
	tcase_add_loop_test(tc, cancellation_gives_the_place_to_the_first_waiting, 0, 2);
	tcase_add_test(tc, group_given_places_keeps_everyone);
	suite_add_tcase(s, tc);
	return s;
}
