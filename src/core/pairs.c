/* SPDX-License-Identifier: Apache-2.0 */
/* pairs.c - practice pairs that rotate: a round-robin over a cohort's people. */
#include "config.h"

#include "showup/pairs.h"

size_t
pairs_rounds(size_t n)
{
	if (n < 2)
		return 0;
	return n % 2 == 0 ? n - 1 : n;
}

/* The person at seat k of round r of a circle of m seats: seat 0 stays, the rest turn. */
static size_t
seat(size_t m, size_t r, size_t k)
{
	return k == 0 || m < 2 ? 0 : 1 + (k - 1 + r) % (m - 1);
}

size_t
pairs_round(size_t n, size_t r, struct pair_group *out)
{
	size_t m = n + n % 2;		/* an odd number gets a seat nobody holds: n */
	size_t groups = 0, left = PAIR_NONE;

	if (n < 2)
		return 0;
	for (size_t k = 0; k < m / 2; k++) {
		size_t x = seat(m, r, k), y = seat(m, r, m - 1 - k);

		if (x == n || y == n)
			left = x == n ? y : x;	/* paired with nobody this round */
		else
			out[groups++] = (struct pair_group){ x, y, PAIR_NONE };
	}
	if (left != PAIR_NONE && groups > 0)	/* joins a pair, the one beside them this round */
		out[r % groups].c = left;
	return groups;
}

int
pair_group_has(const struct pair_group *g, size_t x, size_t y)
{
	int hx = g->a == x || g->b == x || g->c == x;
	int hy = g->a == y || g->b == y || g->c == y;

	return hx && hy;
}
