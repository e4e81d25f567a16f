/* SPDX-License-Identifier: Apache-2.0 */
/* engine.c - the policy engine: what a cohort's record means under its policy. No I/O. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "showup/engine.h"

#define DAY INT64_C(86400)

/* Returns 1 if points of a session starting at 'starts_at' no longer count at 'now'. */
static int
forgiven(const struct policy *p, int64_t starts_at, int64_t now)
{
	return p->forgive_days > 0 && now - starts_at > (int64_t)p->forgive_days * DAY;
}

int
engine_cell_points(const struct policy *p, enum outcome o, int64_t starts_at, int64_t now)
{
	return engine_fact_points(p, o, NULL, starts_at, now);
}

/* Returns the points for lateness itself: a late arrival beyond late.threshold, else 0. */
static int
late_arrival_points(const struct policy *p, enum outcome o, const struct attendance *a)
{
	if (o != OUTCOME_LATE || a == NULL || a->fact != FACT_ARRIVED || p->late_threshold < 0)
		return 0;
	return a->minutes_late > p->late_threshold ? p->late_arrival_points : 0;
}

int
engine_fact_points(const struct policy *p, enum outcome o, const struct attendance *a,
    int64_t starts_at, int64_t now)
{
	if ((unsigned)o >= OUTCOME_COUNT || forgiven(p, starts_at, now))
		return 0;
	return p->points[o] + late_arrival_points(p, o, a);
}

int64_t
engine_refund(const struct policy *p, int64_t fee_cents, size_t total, size_t remaining)
{
	if (p->refund == REFUND_NONE)
		return 0;
	if (p->refund == REFUND_FULL || total == 0)
		return fee_cents;
	if (remaining > total)
		remaining = total;
	return (fee_cents * (int64_t)remaining + (int64_t)total - 1) / (int64_t)total;
}

int
engine_step_due(const struct policy *p, int points, int steps_sent)
{
	int reached = -1;

	for (size_t k = 0; k < policy_mail_steps(p); k++)
		if (points >= p->ladder[k].threshold)
			reached = (int)k;
	return reached >= steps_sent ? reached : -1;
}

int
engine_review_due(const struct policy *p, int points)
{
	int k = policy_review_step(p);

	if (k < 0 || points < p->ladder[k].threshold)
		return 0;
	return points - p->ladder[k].threshold + 1;
}

/* Returns the first ladder step beyond both the points and the steps sent; -1 if none. */
static int
next_step(const struct policy *p, int points, int steps_sent)
{
	for (size_t k = (size_t)(steps_sent > 0 ? steps_sent : 0); k < p->n_steps; k++)
		if (points < p->ladder[k].threshold)
			return (int)k;
	return -1;
}

static int
compare_doubles(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

double
engine_median(double *v, size_t n)
{
	if (n == 0)
		return -1;
	qsort(v, n, sizeof *v, compare_doubles);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

int
engine_place_stands(enum outcome o)
{
	return o != OUTCOME_NOT_EXPECTED && o != OUTCOME_NOT_HELD;
}

int
engine_expects(int everyone, int named, int64_t withdrawn_at, int64_t starts_at)
{
	if (!everyone && !named)
		return 0;
	return withdrawn_at == 0 || starts_at < withdrawn_at;
}

enum outcome
engine_cell_outcome(const struct policy *pol, const struct engine_session *s,
    const struct engine_person *p, int named, int64_t now, const struct attendance *a,
    enum outcome verdict)
{
	struct outcome_input oi = {
		.reschedule_verdict = verdict,
		.expected = engine_expects(s->everyone, named, p->withdrawn_at, s->starts_at),
		.session_cancelled = s->cancelled,
		.optional = s->optional,
		.starts_at = s->starts_at,
		.cutoff = s->cutoff,
		.now = now,
		.fact = a,
	};

	return outcome_of(pol, &oi);
}

/* Returns a/b, or -1 when b is 0 (nothing to measure). */
static double
ratio(int a, int b)
{
	return b > 0 ? (double)a / b : -1;
}

/* Returns the fact of person i at session j (in 'buf' if read one at a time), or NULL. */
static const struct attendance *
fact_of(const struct engine_input *in, size_t i, size_t j, struct attendance *buf)
{
	if (in->fact_at != NULL)
		return in->fact_at(in->fact_ctx, i, j, buf);
	return in->facts ? in->facts[i * in->nsessions + j] : NULL;
}

/* Counts session 's' (outcome 'o') among the person's own: expected, not called off. */
static void
count_own_session(const struct engine_session *s, enum outcome o, int64_t now,
    struct engine_person_result *pr)
{
	if (!engine_place_stands(o))
		return;
	pr->own_sessions++;
	pr->own_to_come += s->starts_at > now;
}

/* Returns 1 if reschedule m was asked before reschedule k (ties: by session, then order). */
static int
asked_before(const struct engine_reschedule *r, size_t m, size_t k)
{
	if (r[m].asked_at != r[k].asked_at)
		return r[m].asked_at < r[k].asked_at;
	return r[m].session != r[k].session ? r[m].session < r[k].session : m < k;
}

void
engine_judge_reschedules(const struct policy *p, const struct engine_reschedule *r,
    size_t n, unsigned char *verdicts)
{
	for (size_t k = 0; k < n; k++) {
		int before = 0;	/* in-time ones asked earlier */

		for (size_t m = 0; m < n; m++)
			before += m != k && r[m].asked_at <= r[m].cutoff && asked_before(r, m, k);
		verdicts[k] = (unsigned char)outcome_of_reschedule(p, r[k].asked_at,
		    r[k].starts_at, r[k].cutoff, before);
	}
}

enum outcome
engine_place_verdict(const struct engine_reschedule *r, const unsigned char *verdicts,
    size_t n, size_t i, size_t j)
{
	size_t found = n;

	for (size_t k = 0; k < n; k++)	/* the latest request for the place counts */
		if (r[k].person == i && r[k].session == j && !r[k].whole &&
		    (found == n || r[k].asked_at >= r[found].asked_at))
			found = k;
	return found < n ? (enum outcome)verdicts[found] : 0;
}

/* Counts the verdict 'o' of a 1:1 that person pr moved whole from a start at 'starts_at'. */
static void
count_whole_move(const struct engine_input *in, enum outcome o, int64_t starts_at,
    struct engine_person_result *pr)
{
	pr->counts[o]++;
	pr->points += engine_fact_points(in->policy, o, NULL, starts_at, in->now);
}

/* Counts the outcome 'o' of session j among person pr's own sessions and rates. */
static void
count_cell(const struct engine_input *in, size_t j, enum outcome o, const struct attendance *a,
    struct engine_result *out, struct engine_person_result *pr, int *held_excused)
{
	const struct engine_session *s = &in->sessions[j];

	if (s->optional) {	/* who came is shown in its tally; it owes nothing */
		out->sessions[j].counts[o] += outcome_is_final(o);
		return;
	}
	pr->counts[o]++;
	if (o == OUTCOME_RESCHEDULED)
		return;	/* the new place is expected instead */
	count_own_session(s, o, in->now, pr);
	if (!outcome_is_final(o))
		return;
	out->sessions[j].counts[o]++;
	out->sessions[j].expected++;
	if (s->starts_at <= in->now) {	/* a session held: it counts in the rate */
		pr->expected++;
		*held_excused += o == OUTCOME_EXCUSED;
	}
	pr->points += engine_fact_points(in->policy, o, a, s->starts_at, in->now);
}

/*
 * Derives one person's outcomes and figures; 'leads' is scratch for nsessions
 * values; *next is the first of in->reschedules not yet judged (they come by
 * person).
 */
static void
evaluate_person(const struct engine_input *in, size_t i, struct engine_result *out,
    double *leads, size_t *next)
{
	const struct policy *pol = in->policy;
	struct engine_person_result *pr = &out->people[i];
	const struct engine_reschedule *r;
	unsigned char *verdicts;
	size_t nleads = 0, nr = 0;
	int held_excused = 0;

	while (*next < in->nreschedules && in->reschedules[*next].person < i)
		(*next)++;	/* requests of people out of range: never judged */
	r = in->reschedules + *next;
	verdicts = out->reschedule_outcomes + *next;
	while (*next + nr < in->nreschedules && r[nr].person == i)
		nr++;
	*next += nr;
	engine_judge_reschedules(pol, r, nr, verdicts);
	for (size_t j = 0; j < in->nsessions; j++) {
		const struct engine_session *s = &in->sessions[j];
		struct attendance buf;
		const struct attendance *a = fact_of(in, i, j, &buf);
		enum outcome o = engine_cell_outcome(pol, s, &in->people[i],
		    in->named && in->named[i * in->nsessions + j], in->now, a,
		    engine_place_verdict(r, verdicts, nr, i, j));

		out->outcomes[i * in->nsessions + j] = (unsigned char)o;
		count_cell(in, j, o, a, out, pr, &held_excused);
		pr->reschedules += outcome_fact_rescheduled(a) && engine_place_stands(o);
		for (size_t k = 0; k < nr; k++)
			if (r[k].session == j && r[k].whole && engine_place_stands(o)) {
				count_whole_move(in, (enum outcome)verdicts[k], r[k].starts_at, pr);
				pr->reschedules++;
			}
		if (a != NULL && a->fact == FACT_CANCELLED && a->cancelled_at < s->starts_at)
			leads[nleads++] = (double)(s->starts_at - a->cancelled_at) / 3600.0;
	}
	pr->kept = pr->counts[OUTCOME_PRESENT] + pr->counts[OUTCOME_LATE] +
	    pr->counts[OUTCOME_CANCELLED] + pr->counts[OUTCOME_EXCUSED] +
	    pr->counts[OUTCOME_RESCHEDULED];
	pr->broken = pr->counts[OUTCOME_LATE_CANCEL] + pr->counts[OUTCOME_NO_SHOW];
	pr->attendance_rate = ratio(pr->counts[OUTCOME_PRESENT] + pr->counts[OUTCOME_LATE],
	    pr->expected - held_excused);
	pr->commitment = ratio(pr->kept, pr->kept + pr->broken);
	pr->median_lead_hours = engine_median(leads, nleads);
	pr->refund_cents = engine_refund(pol, in->fee_cents, (size_t)pr->own_sessions,
	    (size_t)pr->own_to_come);
	if (in->people[i].withdrawn_at != 0) {	/* they left: no more notices */
		pr->step_due = pr->next_step = -1;
		return;
	}
	pr->step_due = engine_step_due(pol, pr->points, in->people[i].steps_sent);
	if (pr->points > in->people[i].reviewed_points)
		pr->review_due = engine_review_due(pol, pr->points);
	pr->next_step = next_step(pol, pr->points, in->people[i].steps_sent);
}

/* Completes a tally from its counts: attended and the rate (if 'held'). */
static void
finish_tally(struct engine_tally *t, int held)
{
	t->attended = t->counts[OUTCOME_PRESENT] + t->counts[OUTCOME_LATE];
	t->attendance_rate = held ? ratio(t->attended, t->expected - t->counts[OUTCOME_EXCUSED])
	    : -1;
}

/* Adds the counts of tally 'from' into 'to'. */
static void
add_tally(struct engine_tally *to, const struct engine_tally *from)
{
	for (int o = 0; o < OUTCOME_COUNT; o++)
		to->counts[o] += from->counts[o];
	to->expected += from->expected;
}

/* The sessions' tallies and the coach's figures. */
static void
evaluate_cohort(const struct engine_input *in, struct engine_result *out)
{
	struct engine_coach_result *c = &out->coach;

	c->sessions = (int)in->nsessions;
	for (size_t j = 0; j < in->nsessions; j++) {
		const struct engine_session *s = &in->sessions[j];
		int held = engine_session_held(s->cancelled, s->starts_at, in->now);

		finish_tally(&out->sessions[j], held && !s->optional);
		if (held && !s->optional)
			add_tally(&out->held, &out->sessions[j]);

		if (s->late_moves > 0 && (held || s->cancelled) &&
		    !(s->cancelled && s->cancelled_at > s->cutoff))
			c->late_moved++;	/* a move after the cutoff: a late change too */
		if (s->cancelled) {
			c->cancelled++;
			if (s->cancelled_at > s->cutoff)
				c->late_cancelled++;
			continue;
		}
		if (held)
			c->held++;
		else
			c->upcoming++;
	}
	finish_tally(&out->held, 1);
	c->commitment = ratio(c->held + c->cancelled - c->late_cancelled - c->late_moved,
	    c->held + c->cancelled);
}

void
engine_run(const struct engine_input *in, struct engine_result *out)
{
	size_t cells = in->npeople * in->nsessions;
	double *leads = xcalloc(in->nsessions ? in->nsessions : 1, sizeof *leads);
	size_t next = 0;

	memset(out, 0, sizeof *out);
	out->outcomes = xcalloc(cells ? cells : 1, sizeof *out->outcomes);
	out->reschedule_outcomes = xcalloc(in->nreschedules ? in->nreschedules : 1, 1);
	out->people = xcalloc(in->npeople ? in->npeople : 1, sizeof *out->people);
	out->sessions = xcalloc(in->nsessions ? in->nsessions : 1, sizeof *out->sessions);
	for (size_t i = 0; i < in->npeople; i++)
		evaluate_person(in, i, out, leads, &next);
	evaluate_cohort(in, out);
	free(leads);
}

int
engine_fact_known(const struct attendance *a, int64_t starts_at, int64_t at)
{
	if (a != NULL && a->fact == FACT_CANCELLED)
		return a->cancelled_at <= at;
	return starts_at <= at;
}

/* One person's record as it stood at a moment (engine_points_as_of). */
struct record_as_of {
	const struct engine_input *in;
	size_t i;
	int64_t at;
};

/* The facts of that record: person i's, those known by then (engine_input.fact_at). */
static const struct attendance *
fact_as_of(const void *ctx, size_t row, size_t j, struct attendance *buf)
{
	const struct record_as_of *v = ctx;
	const struct attendance *a = fact_of(v->in, v->i, j, buf);

	(void)row;	/* the one row: person v->i */
	if (a == NULL || !engine_fact_known(a, v->in->sessions[j].starts_at, v->at))
		return NULL;
	return a;
}

int
engine_points_as_of(const struct engine_input *in, size_t i, int64_t at)
{
	struct record_as_of view = { .in = in, .i = i, .at = at };
	struct engine_person person = in->people[i];
	struct engine_reschedule *asked = xcalloc(in->nreschedules + 1, sizeof *asked);
	struct engine_input one = {
		.policy = in->policy, .now = at, .fee_cents = in->fee_cents,
		.npeople = 1, .nsessions = in->nsessions, .people = &person,
		.sessions = in->sessions,
		.named = in->named != NULL ? in->named + i * in->nsessions : NULL,
		.fact_at = fact_as_of, .fact_ctx = &view, .reschedules = asked,
	};
	struct engine_result res;
	int points;

	if (person.withdrawn_at > at)
		person.withdrawn_at = 0;	/* they had not left yet */
	for (size_t k = 0; k < in->nreschedules; k++)
		if (in->reschedules[k].person == i && in->reschedules[k].asked_at <= at) {
			asked[one.nreschedules] = in->reschedules[k];
			asked[one.nreschedules++].person = 0;
		}
	engine_run(&one, &res);
	points = res.people[0].points;
	engine_result_free(&res);
	free(asked);
	return points;
}

void
engine_result_free(struct engine_result *r)
{
	free(r->outcomes);
	free(r->reschedule_outcomes);
	free(r->people);
	free(r->sessions);
	memset(r, 0, sizeof *r);
}

int
engine_session_held(int cancelled, int64_t starts_at, int64_t now)
{
	return !cancelled && starts_at <= now;
}
