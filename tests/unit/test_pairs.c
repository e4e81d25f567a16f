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

/* An odd number (thirteen): one trio a round, each its third once, everyone meets everyone,
 * from nine on nobody more than twice. */
START_TEST(odd_has_one_trio_a_round)
{
	static int met[MAXP][MAXP], third[MAXP];
	size_t n = 2 * (size_t)_i + 1;
	struct pair_group g[MAXP / 2];

	ck_assert_uint_eq(pairs_rounds(n), n);
	tally(n, pairs_rounds(n), met, third);
	for (size_t x = 0; x < n; x++) {
		ck_assert_int_eq(third[x], 1);
		for (size_t y = 0; y < n; y++) {
			ck_assert(x == y || met[x][y] >= 1);
			ck_assert(n < 9 || met[x][y] <= 2);	/* the third's extra meetings: new */
		}
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

/*
 * Trios (--size 3) of n people round after round: everyone in one group a
 * round, the groups three but for what is left over (n % 3 == 1: two pairs,
 * 2: one pair), nobody meeting anyone again within the first (n - 1) / 3
 * rounds, and the same rounds every run.
 */
START_TEST(trios_rotate)
{
	static unsigned short met[MAXP * MAXP], again[MAXP * MAXP];
	size_t n = (size_t)_i;
	struct pair_group g[MAXP / 2], h[MAXP / 2];

	memset(met, 0, sizeof met);
	memset(again, 0, sizeof again);
	for (size_t r = 0; r < n; r++) {
		size_t groups = pairs_trio_round(n, r, met, g), seen[MAXP] = { 0 }, twos = 0;

		ck_assert_uint_eq(pairs_trio_round(n, r, again, h), groups);
		ck_assert(memcmp(g, h, groups * sizeof *g) == 0);
		for (size_t k = 0; k < groups; k++) {
			seen[g[k].a]++, seen[g[k].b]++;
			if (g[k].c != PAIR_NONE)
				seen[g[k].c]++;
			else
				twos++;
		}
		for (size_t x = 0; x < n; x++)
			ck_assert_uint_eq(seen[x], 1);
		ck_assert_uint_eq(twos, (size_t)(n % 3 == 1 ? 2 : n % 3 == 2));
		for (size_t x = 0; r < (n - 1) / 3 && x < n * n; x++)
			ck_assert_msg(met[x] <= 1, "%zu people: %zu and %zu met again in round %zu",
			    n, x / n, x % n, r);
	}
}
END_TEST

/* Nine people in trios: four rounds and every two have met exactly once (a perfect table). */
START_TEST(nine_in_trios_meet_once)
{
	static unsigned short met[9 * 9];
	struct pair_group g[4];

	memset(met, 0, sizeof met);
	for (size_t r = 0; r < 4; r++)
		ck_assert_uint_eq(pairs_trio_round(9, r, met, g), 3);
	for (size_t x = 0; x < 9; x++)
		for (size_t y = 0; y < 9; y++)
			ck_assert_int_eq(met[x * 9 + y], x == y ? 0 : 1);
}
END_TEST

/* Two kept apart (met[] large) are never in one trio while others can be chosen. */
START_TEST(trios_keep_apart)
{
	static unsigned short met[12 * 12];
	struct pair_group g[6];

	memset(met, 0, sizeof met);
	met[0 * 12 + 1] = met[1 * 12 + 0] = 10000;
	for (size_t r = 0; r < 8; r++) {
		size_t groups = pairs_trio_round(12, r, met, g);

		for (size_t k = 0; k < groups; k++)
			ck_assert(!pair_group_has(&g[k], 0, 1));
	}
	ck_assert_uint_eq(pairs_trio_round(1, 0, met, g), 0);
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
	tcase_add_loop_test(tc, trios_rotate, 2, 41);	/* 2 to 40 people */
	tcase_add_test(tc, nine_in_trios_meet_once);
	tcase_add_test(tc, trios_keep_apart);
	suite_add_tcase(s, tc);
	return s;
}
