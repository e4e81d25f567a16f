/* SPDX-License-Identifier: Apache-2.0 */
/* pairs.c - practice pairs that rotate: a round-robin over a cohort's people. */
#include "config.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "showup/pairs.h"
#include "showup/util.h"

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

/*
 * Returns which pair (i: people r + i and r - i) the one left over in round r
 * of an odd n joins: rounds 0..r in turn take the first i that makes no two
 * people meet a second time as a trio's third and a pair did before them
 * (which n from 9 on always allows), so nobody meets anyone more than twice.
 */
static size_t
odd_join(size_t n, size_t r)
{
	size_t h = (n - 1) / 2, pick = 1;
	unsigned char *again = xcalloc(n * n, 1);	/* met as a third already */

	for (size_t x = 0; x <= r; x++) {
		pick = 1;
		for (size_t i = h; i >= 1; i--) {	/* the smallest that is free */
			size_t a = (x + i) % n, b = (x + n - i) % n;

			if (!again[x * n + a] && !again[x * n + b])
				pick = i;
		}
		for (size_t k = 0; k < 2; k++) {
			size_t y = (x + (k ? n - pick : pick)) % n;

			again[x * n + y] = again[y * n + x] = 1;
		}
	}
	free(again);
	return pick;
}

size_t
pairs_round(size_t n, size_t r, struct pair_group *out)
{
	size_t m = n, h = (n - 1) / 2;

	if (n < 2)
		return 0;
	if (n % 2 == 0) {	/* the circle: seat 0 stays, the others turn */
		for (size_t k = 0; k < m / 2; k++)
			out[k] = (struct pair_group){ seat(m, r, k), seat(m, r, m - 1 - k),
				PAIR_NONE };
		return m / 2;
	}
	r %= n;		/* odd: person r is left over, r + i and r - i make pair i */
	for (size_t i = 1; i <= h; i++)
		out[i - 1] = (struct pair_group){ (r + i) % n, (r + n - i) % n, PAIR_NONE };
	out[odd_join(n, r) - 1].c = r;
	return h;
}

int
pair_group_has(const struct pair_group *g, size_t x, size_t y)
{
	int hx = g->a == x || g->b == x || g->c == x;
	int hy = g->a == y || g->b == y || g->c == y;

	return hx && hy;
}

/* A small generator of numbers for the search (xorshift): the same tries every run. */
static uint64_t
next_random(uint64_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

/* One try at a round of groups: who is placed, in what order, and its cost. */
struct trio_try {
	size_t n;
	const unsigned short *met;
	unsigned char *placed;
	size_t *order;
	unsigned cost;		/* meetings again it makes, summed */
};

/*
 * Returns the person not yet placed who has met x (and y, unless PAIR_NONE)
 * least, looking from seat 'from' on, and places them; adds those meetings to
 * the try's cost.
 */
static size_t
pick(struct trio_try *t, size_t x, size_t y, size_t from)
{
	size_t best = PAIR_NONE, n = t->n;
	unsigned least = UINT_MAX;

	for (size_t i = 0; i < n && least > 0; i++) {
		size_t k = (from + i) % n;
		unsigned c;

		if (t->placed[k])
			continue;
		c = t->met[x * n + k] + (y != PAIR_NONE ? t->met[y * n + k] : 0u);
		if (c < least) {
			least = c;
			best = k;
		}
	}
	if (best != PAIR_NONE) {	/* always: a try asks for no more than there are */
		t->placed[best] = 1;
		t->cost += least;
	}
	return best;
}

/* Makes one try, 'seed' its tries' number, of 'trios' groups of three then 'twos' pairs. */
static void
trio_attempt(struct trio_try *t, uint64_t seed, size_t trios, size_t twos,
    struct pair_group *out)
{
	uint64_t s = seed * UINT64_C(0x9E3779B97F4A7C15) + 1;
	size_t n = t->n, next = 0;

	memset(t->placed, 0, n);
	t->cost = 0;
	for (size_t i = 0; i < n; i++)
		t->order[i] = i;
	for (size_t i = n - 1; i > 0; i--) {	/* who chooses first: shuffled */
		size_t j = (size_t)(next_random(&s) % (i + 1)), k = t->order[i];

		t->order[i] = t->order[j];
		t->order[j] = k;
	}
	for (size_t g = 0; g < trios + twos; g++) {
		size_t p, q;

		while (t->placed[t->order[next]])
			next++;
		p = t->order[next];
		t->placed[p] = 1;
		q = pick(t, p, PAIR_NONE, (size_t)(next_random(&s) % n));
		out[g] = (struct pair_group){ p, q, PAIR_NONE };
		if (g < trios)
			out[g].c = pick(t, p, q, (size_t)(next_random(&s) % n));
	}
}

/* Counts the meetings of group g into met[] (n x n). */
static void
count_meetings(size_t n, const struct pair_group *g, unsigned short *met)
{
	size_t v[3] = { g->a, g->b, g->c };

	for (size_t x = 0; x < 3; x++)
		for (size_t y = 0; y < 3; y++)
			if (x != y && v[x] != PAIR_NONE && v[y] != PAIR_NONE)
				met[v[x] * n + v[y]]++;
}

size_t
pairs_trio_round(size_t n, size_t r, unsigned short *met, struct pair_group *out)
{
	size_t trios = n / 3, twos = 0, groups;
	struct trio_try t = { n, met, NULL, NULL, 0 };
	struct pair_group *try;
	unsigned best = UINT_MAX;

	if (n < 2)
		return 0;
	if (n % 3 == 1 && n >= 4) {	/* 7: a trio and two pairs */
		trios--;
		twos = 2;
	} else if (n % 3 == 2) {	/* 8: two trios and a pair */
		twos = 1;
	}
	groups = trios + twos;
	t.placed = xcalloc(n, 1);
	t.order = xcalloc(n, sizeof *t.order);
	try = xcalloc(groups, sizeof *try);
	for (uint64_t k = 0; k < PAIRS_TRIES && best > 0; k++) {
		trio_attempt(&t, (uint64_t)r * 1000003u + k, trios, twos, try);
		if (t.cost < best) {
			best = t.cost;
			memcpy(out, try, groups * sizeof *try);
		}
	}
	for (size_t g = 0; g < groups; g++)
		count_meetings(n, &out[g], met);
	free(t.placed);
	free(t.order);
	free(try);
	return groups;
}
