/* SPDX-License-Identifier: Apache-2.0 */
/* test_pairs.c - the round-robin of practice pairs: everyone meets everyone once. */
#include "config.h"

#include <string.h>

#include "showup/pairs.h"
#include "suites.h"

#define MAXP 64

/* How often each two people of n met over 'rounds' rounds, in met[x][y]; the thirds in third[]. */
static void
tally(size_t n, size_t rounds, int met[MAXP][MAXP], int third[MAXP])
{
	struct pair_group g[MAXP / 2];

	memset(met, 0, sizeof(int) * MAXP * MAXP);
	memset(third, 0, sizeof(int) * MAXP);
	for (size_t r = 0; r < rounds; r++) {
		size_t groups = pairs_round(n, r, g);
		size_t seen = 0;

		ck_assert_uint_eq(groups, n / 2);
		for (size_t k = 0; k < groups; k++) {
			met[g[k].a][g[k].b]++;
			met[g[k].b][g[k].a]++;
			seen += 2;
			if (g[k].c != PAIR_NONE) {
				third[g[k].c]++;
				met[g[k].c][g[k].a]++, met[g[k].a][g[k].c]++;
				met[g[k].c][g[k].b]++, met[g[k].b][g[k].c]++;
				seen++;
			}
		}
		ck_assert_uint_eq(seen, n);	/* everyone, once a round */
	}
}

/* An even number (twelve over eleven weeks): every two practise together exactly once. */
START_TEST(even_meets_each_pair_once)
{
	static int met[MAXP][MAXP], third[MAXP];
	size_t n = 2 * (size_t)_i;

	ck_assert_uint_eq(pairs_rounds(n), n - 1);
	tally(n, pairs_rounds(n), met, third);
	for (size_t x = 0; x < n; x++)
		for (size_t y = 0; y < n; y++)
			ck_assert_int_eq(met[x][y], x == y ? 0 : 1);
}
END_TEST

/* An odd number (thirteen): one trio a round, each its third once, everyone meets everyone. */
START_TEST(odd_has_one_trio_a_round)
{
	static int met[MAXP][MAXP], third[MAXP];
	size_t n = 2 * (size_t)_i + 1;
	struct pair_group g[MAXP / 2];

	ck_assert_uint_eq(pairs_rounds(n), n);
	tally(n, pairs_rounds(n), met, third);
	for (size_t x = 0; x < n; x++) {
		ck_assert_int_eq(third[x], 1);
		for (size_t y = 0; y < n; y++)
			ck_assert(x == y || met[x][y] >= 1);
	}
	for (size_t r = 0; r < n; r++) {
		size_t trios = 0, groups = pairs_round(n, r, g);

		for (size_t k = 0; k < groups; k++)
			trios += g[k].c != PAIR_NONE;
		ck_assert_uint_eq(trios, 1);
	}
}
END_TEST

/* Too few to pair. */
START_TEST(few_make_no_round)
{
	struct pair_group g[2];

	ck_assert_uint_eq(pairs_rounds(1), 0);
	ck_assert_uint_eq(pairs_round(1, 0, g), 0);
	ck_assert_uint_eq(pairs_rounds(3), 3);
	ck_assert_uint_eq(pairs_round(3, 0, g), 1);
	ck_assert(g[0].c != PAIR_NONE);
	ck_assert(pair_group_has(&g[0], g[0].a, g[0].c));
}
END_TEST

Suite *
pairs_suite(void)
{
	Suite *s = suite_create("pairs");
	TCase *tc = tcase_create("core");

	tcase_add_loop_test(tc, even_meets_each_pair_once, 1, 20);	/* 2 to 38 people */
	tcase_add_loop_test(tc, odd_has_one_trio_a_round, 1, 20);	/* 3 to 39 */
	tcase_add_test(tc, few_make_no_round);
	suite_add_tcase(s, tc);
	return s;
}
