/* SPDX-License-Identifier: Apache-2.0 */
/* pairing.c - a pairing mended after withdrawals: on each date to come, the people a
 * leaver left alone are paired with each other, or the one over joins a pair; every
 * other session stays as it is, so only those whose partner changes hear of it. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "showup/engine.h"
#include "showup/model.h"
#include "showup/pairing.h"

/* The pairing as it stands: its people, its sessions and who each expects. */
struct mend {
	struct store *st;
	const struct cohort *c;
	struct participant_list people;
	struct idmap index;		/* participant id -> row of people */
	struct session_list all;	/* the pairing's sessions not called off, by time */
	int64_t **ids;			/* each one's expected ids */
	size_t *nids;
	unsigned char *met;		/* people x people: practised together in it (capped) */
	struct pairing_change_list *out;
};

/* Returns 1 if participant 'id' is still expected at a session starting at 'at'. */
static int
stays(const struct mend *m, int64_t id, int64_t at)
{
	const struct participant *p;
	size_t i;

	if (!idmap_get(&m->index, id, &i))
		return 0;
	p = &m->people.v[i];
	return engine_expects(0, 1, p->status == PARTICIPANT_WITHDRAWN ? p->withdrawn_at : 0, at);
}

/* Counts who practised with whom in session k into m->met. */
static void
count_met(struct mend *m, size_t k)
{
	size_t n = m->people.n, x, y;

	for (size_t a = 0; a < m->nids[k]; a++)
		for (size_t b = 0; b < m->nids[k]; b++)
			if (a != b && idmap_get(&m->index, m->ids[k][a], &x) &&
			    idmap_get(&m->index, m->ids[k][b], &y) && m->met[x * n + y] < 255)
				m->met[x * n + y]++;
}

/* Returns how often participants p and q practised together in the pairing. */
static unsigned
met(const struct mend *m, int64_t p, int64_t q)
{
	size_t x, y;

	if (!idmap_get(&m->index, p, &x) || !idmap_get(&m->index, q, &y))
		return 0;
	return m->met[x * m->people.n + y];
}

/* Returns how many of session k's people are still expected, the last of them in *one. */
static size_t
staying(const struct mend *m, size_t k, int64_t *one)
{
	size_t n = 0;

	for (size_t a = 0; a < m->nids[k]; a++)
		if (stays(m, m->ids[k][a], m->all.v[k].starts_at)) {
			*one = m->ids[k][a];
			n++;
		}
	return n;
}

/* Sets session k's expected list to 'with' (n) in the store and in m; 0 or -1. */
static int
set_people(struct mend *m, size_t k, const int64_t *with, size_t n, su_err *e)
{
	int64_t *copy = xcalloc(n + 1, sizeof *copy);

	memcpy(copy, with, n * sizeof *with);
	if (session_update(m->st, m->c, &m->all.v[k], &m->all.v[k], copy, n, e) < 0) {
		free(copy);
		return -1;
	}
	free(m->ids[k]);
	m->ids[k] = copy;
	m->nids[k] = n;
	return 0;
}

/*
 * Moves participant 'who' from session 'from' to session 'to' (same date):
 * off from's list (its leavers stay on it, so it is never empty), onto to's;
 * noted in m->out. 0 or -1.
 */
static int
move_person(struct mend *m, int64_t who, size_t from, size_t to, su_err *e)
{
	int64_t *with = xcalloc(m->nids[from] + m->nids[to] + 1, sizeof *with);
	size_t n = 0;
	int rc;

	for (size_t a = 0; a < m->nids[to]; a++)
		with[n++] = m->ids[to][a];
	with[n++] = who;
	rc = set_people(m, to, with, n, e);
	n = 0;
	for (size_t a = 0; rc == 0 && a < m->nids[from]; a++)
		if (m->ids[from][a] != who)
			with[n++] = m->ids[from][a];
	if (rc == 0)
		rc = set_people(m, from, with, n, e);
	free(with);
	if (rc == 0) {
		struct pairing_change_list *o = m->out;

		o->v = xrealloc(o->v, (o->n + 1) * sizeof *o->v);
		o->v[o->n++] = (struct pairing_change){ who, m->all.v[from].number,
			m->all.v[to].number, m->all.v[to].starts_at };
	}
	return rc;
}

/*
 * Returns the session among [k0, k1) (one date) with 'size' people still
 * expected, not 'skip', whose people participant 'who' practised with least
 * (the first such), or k1 if none.
 */
static size_t
best_partner(const struct mend *m, size_t k0, size_t k1, size_t skip, int64_t who,
    size_t size)
{
	size_t best = k1;
	unsigned least = ~0u;

	for (size_t k = k0; k < k1; k++) {
		unsigned cost = 0;
		int64_t one = 0;

		if (k == skip || staying(m, k, &one) != size)
			continue;
		for (size_t a = 0; a < m->nids[k]; a++)
			if (stays(m, m->ids[k][a], m->all.v[k].starts_at))
				cost += met(m, who, m->ids[k][a]);
		if (cost < least) {
			least = cost;
			best = k;
		}
	}
	return best;
}

/*
 * Mends the date of sessions [k0, k1): while someone is alone, the one alone
 * in the first such session gets the partner alone elsewhere they practised
 * with least (moved to them), else, the last one alone, joins the pair they
 * practised with least (with no pair that date, the trio). 0 or -1.
 */
static int
mend_date(struct mend *m, size_t k0, size_t k1, su_err *e)
{
	for (size_t k = k0; k < k1; k++) {
		int64_t lone = 0, other = 0;
		size_t to;

		if (staying(m, k, &lone) != 1)
			continue;
		to = best_partner(m, k0, k1, k, lone, 1);
		if (to < k1) {	/* the other one alone comes to this session */
			staying(m, to, &other);
			if (move_person(m, other, to, k, e) < 0)
				return -1;
			continue;
		}
		if ((to = best_partner(m, k0, k1, k, lone, 2)) == k1)
			to = best_partner(m, k0, k1, k, lone, 3);	/* trios only: a four */
		if (to < k1 && move_person(m, lone, k, to, e) < 0)
			return -1;
	}
	return 0;
}

/* Loads the pairing of session 'of' and who its sessions expect into m; 0 or -1. */
static int
mend_load(struct mend *m, const struct session *of, su_err *e)
{
	struct session first = *of;

	first.starts_at = INT64_MIN;
	if (participant_list_all(m->st, m->c->id, 1, &m->people, e) < 0 ||
	    session_series_from(m->st, m->c, &first, &m->all, e) < 0)
		return -1;
	for (size_t i = 0; i < m->people.n; i++)
		idmap_put(&m->index, m->people.v[i].id, i);
	m->ids = xcalloc(m->all.n + 1, sizeof *m->ids);
	m->nids = xcalloc(m->all.n + 1, sizeof *m->nids);
	m->met = xcalloc(m->people.n * m->people.n + 1, 1);
	for (size_t k = 0; k < m->all.n; k++) {
		if (session_expected_ids(m->st, m->all.v[k].id, &m->ids[k], &m->nids[k], e) < 0)
			return -1;
		count_met(m, k);
	}
	return 0;
}

int
pairing_mend(struct store *st, const struct cohort *c, const struct session *of,
    int64_t now, struct pairing_change_list *out, su_err *e)
{
	struct mend m = { st, c, { NULL, 0 }, IDMAP_INIT, { NULL, 0 }, NULL, NULL, NULL, out };
	size_t k0 = 0, k1;
	int rc = -1;

	memset(out, 0, sizeof *out);
	if (of->kind != SESSION_PRACTICE) {
		su_err_set(e, "session %s:%d is no practice session of a pairing", c->slug,
		    of->number);
		return -1;
	}
	if (mend_load(&m, of, e) < 0)
		goto done;
	while (k0 < m.all.n && m.all.v[k0].starts_at <= now)
		k0++;	/* what is past stays as it was */
	for (rc = 0; rc == 0 && k0 < m.all.n; k0 = k1) {
		for (k1 = k0; k1 < m.all.n && m.all.v[k1].starts_at == m.all.v[k0].starts_at;
		    k1++)
			;
		rc = mend_date(&m, k0, k1, e);
	}
done:
	for (size_t k = 0; k < m.all.n && m.ids != NULL; k++)
		free(m.ids[k]);
	free(m.ids);
	free(m.nids);
	free(m.met);
	idmap_free(&m.index);
	session_list_free(&m.all);
	participant_list_free(&m.people);
	if (rc < 0)
		pairing_change_list_free(out);
	return rc;
}

void
pairing_change_list_free(struct pairing_change_list *l)
{
	free(l->v);
	memset(l, 0, sizeof *l);
}
