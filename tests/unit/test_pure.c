/* SPDX-License-Identifier: Apache-2.0 */
/* test_pure.c - the policy engine's headers reach no store: this file includes them
 * first and fails to compile if SQLite's header came with them. */
#include "config.h"

#include "showup/engine.h"
#include "showup/policy.h"

#if defined(SQLITE_OK) || defined(SQLITE_VERSION) || defined(SQLITE_API)
#error "engine.h or policy.h reaches <sqlite3.h>: the engine is no longer pure"
#endif

#include "suites.h"
#include "store-private.h"

/* The engine runs on plain data alone: a one-person, one-session record judged. */
START_TEST(engine_runs_without_a_store)
{
	struct policy p;
	struct engine_session s = { .starts_at = 1000000, .everyone = 1 };
	struct engine_person who = { 0 };
	struct attendance no_show = { .fact = FACT_ABSENT, .reason = "", .note = "" };
	const struct attendance *facts[] = { &no_show };
	struct engine_input in = { .policy = &p, .now = 2000000, .npeople = 1,
		.nsessions = 1, .people = &who, .sessions = &s, .facts = facts };
	struct engine_result r;

	policy_default(&p);
	s.cutoff = s.starts_at - 3600;
	engine_run(&in, &r);
	ck_assert_int_eq(r.people[0].points, p.points[OUTCOME_NO_SHOW]);
	ck_assert_int_eq(engine_session_held(0, 1000000, 2000000), 1);
	ck_assert_int_eq(engine_session_held(1, 1000000, 2000000), 0);
	ck_assert_int_eq(engine_session_held(0, 3000000, 2000000), 0);
	engine_result_free(&r);
}
END_TEST

Suite *
pure_suite(void)
{
	Suite *s = suite_create("pure");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, engine_runs_without_a_store);
	suite_add_tcase(s, tc);
	return s;
}
