/* SPDX-License-Identifier: Apache-2.0 */
/* pairs.h - practice pairs that rotate: a round-robin over a cohort's people. Pure. */
#ifndef SHOWUP_PAIRS_H
#define SHOWUP_PAIRS_H

#include <stddef.h>

/* One practice group of a round: two people, or three when the number is odd. */
struct pair_group {
	size_t a, b;
	size_t c;		/* the third of a trio, or PAIR_NONE */
};
#define PAIR_NONE ((size_t)-1)

/* The rounds a round-robin of n people has before everyone has met everyone. */
size_t pairs_rounds(size_t n);
/*
 * Fills out[] (room for n / 2 groups) with round r (from 0) of the round-robin
 * of people 0..n-1 (the circle method): over pairs_rounds(n) rounds every two
 * people meet in a pair once; with n odd, the one left over each round joins a
 * pair as the third of a trio, a different person each round. Returns the
 * number of groups (0 when n < 2).
 */
size_t pairs_round(size_t n, size_t r, struct pair_group *out);
/* How many shuffled tries pairs_trio_round makes at most for one round. */
#define PAIRS_TRIES 256
/*
 * Fills out[] (room for n / 3 + 1 groups) with round r of groups of three of
 * people 0..n-1 (two pairs instead of a trio when n % 3 is 1, one pair when
 * it is 2), given met[] (n x n: how often x met y in the rounds before, which
 * it then counts this round in): of up to PAIRS_TRIES shuffled greedy tries
 * (the same every run), the first in which nobody meets anyone again, else the
 * one with the fewest meetings again. A large met[x * n + y] keeps x and y
 * apart while any try can. Returns the number of groups (0 when n < 2).
 */
size_t pairs_trio_round(size_t n, size_t r, unsigned short *met, struct pair_group *out);
/* Returns 1 if people x and y are in group g. */
int pair_group_has(const struct pair_group *g, size_t x, size_t y);

#endif
