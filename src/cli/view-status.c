/* view-status.c - the status table: who is keeping the commitment, at a glance. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "showup/money.h"
#include "showup/roll.h"
#include "showup/table.h"
#include "showup/words.h"

/* What sorting needs to know of one row. */
struct status_row {
	size_t person;
	int at_risk;		/* points above zero, a notice due or a refund offer open */
	int points;
	const char *name;
};

/*
 * Returns 1 if person i is at risk: still enrolled, with points above zero
 * (whatever the ladder's state) or a refund offer open.
 */
static int
status_at_risk(const struct roll *r, size_t i, const struct refund_offer *latest)
{
	const struct engine_person_result *pr = roll_person(r, i);

	if (r->people.v[i].status == PARTICIPANT_WITHDRAWN)
		return 0;
	return pr->points > 0 || pr->step_due >= 0 || (latest && latest->state == OFFER_OPEN);
}

/* At-risk participants first, then by points (most first), then by name. */
static int
compare_rows(const void *pa, const void *pb)
{
	const struct status_row *a = pa, *b = pb;

	if (a->at_risk != b->at_risk)
		return b->at_risk - a->at_risk;
	if (a->points != b->points)
		return b->points - a->points;
	return strcmp(a->name, b->name);
}

/*
 * Writes the ladder column: the notice due now, else the coach review due (its
 * number), else the next step and its threshold.
 */
static void
describe_step(const struct policy *p, const struct engine_person_result *pr, char *buf,
    size_t size)
{
	if (pr->step_due >= 0)
		snprintf(buf, size, "%s due", p->ladder[pr->step_due].kind);
	else if (pr->review_due > 0)
		snprintf(buf, size, "%s #%d due", POLICY_COACH_REVIEW, pr->review_due);
	else if (pr->next_step >= 0)
		snprintf(buf, size, "%s at %d", p->ladder[pr->next_step].kind,
		    p->ladder[pr->next_step].threshold);
	else
		snprintf(buf, size, "ladder done");
}

/* Writes the refund column: the latest offer's state, amount and date. */
static void
describe_offer(const struct cohort *c, const struct refund_offer *o, char *buf, size_t size)
{
	char money[48], when[40];

	if (o == NULL) {
		snprintf(buf, size, "%s", "");
		return;
	}
	money_format(o->amount_cents, o->currency, money, sizeof money);
	if (o->state == OFFER_OPEN)
		snprintf(buf, size, "open %s until %s", money,
		    time_format_local(c->tz, o->expires_at, when, sizeof when));
	else
		snprintf(buf, size, "%s %s", offer_state_name(o->state), money);
}

/* Formats a ratio as a whole percentage, "-" when there is nothing to measure. */
static const char *
percent(double v, char *buf, size_t size)
{
	if (v < 0)
		snprintf(buf, size, "-");
	else
		snprintf(buf, size, "%.0f%%", v * 100);
	return buf;
}

/* Adds one participant's row to the table. */
static void
add_row(struct table *t, const struct roll *r, const struct refund_offer_list *offers,
    size_t i)
{
	const struct participant *p = &r->people.v[i];
	const struct engine_person_result *pr = roll_person(r, i);
	char expected[16], attended[16], rate[16], commit[16], points[16], step[64];
	char offer[128], lead[32], moved[16];

	snprintf(expected, sizeof expected, "%d", pr->expected);
	snprintf(attended, sizeof attended, "%d",
	    pr->counts[OUTCOME_PRESENT] + pr->counts[OUTCOME_LATE]);
	snprintf(points, sizeof points, "%d", pr->points);
	snprintf(moved, sizeof moved, "%d", pr->reschedules);
	if (pr->median_lead_hours < 0)
		snprintf(lead, sizeof lead, "-");
	else
		snprintf(lead, sizeof lead, "%.0f h", pr->median_lead_hours);
	describe_step(&r->policy, pr, step, sizeof step);
	if (p->status == PARTICIPANT_WITHDRAWN)
		snprintf(step, sizeof step, "withdrawn");
	describe_offer(r->cohort, refund_offer_latest(offers, p->id), offer, sizeof offer);
	table_add_row(t, (const char *const[]){ p->name, p->email, expected, attended,
	    percent(pr->attendance_rate, rate, sizeof rate),
	    percent(pr->commitment, commit, sizeof commit), points, lead, step, offer,
	    moved });
}

/* Prints the coach's own line: sessions held, cancelled, cancelled late. */
static void
print_coach_line(const struct roll *r, FILE *out)
{
	const struct engine_coach_result *k = &r->result.coach;
	char commit[16], now[40], moved[64];

	snprintf(moved, sizeof moved, ", %d moved after the cutoff", k->late_moved);
	fprintf(out, "%s, as of %s (%s)\n", r->cohort->name,
	    time_format_local(r->cohort->tz, r->now, now, sizeof now), r->cohort->tz);
	fprintf(out, "coach %s: %d %s held, %d to come, %d cancelled by the coach "
	    "(%d after the cutoff)%s; commitment %s\n\n", r->cohort->coach_name, k->held,
	    plural(k->held, "session", "sessions"),
	    k->upcoming, k->cancelled, k->late_cancelled, k->late_moved > 0 ? moved : "",
	    percent(k->commitment, commit, sizeof commit));
}

int
view_status(struct store *st, const struct cohort *c, int csv, FILE *out)
{
	static const char *const headers[] = { "participant", "email", "expected", "attended",
		"rate", "commitment", "points", "lead", "notice", "refund", "rescheduled" };
	struct refund_offer_list offers = { 0 };
	struct status_row *rows = NULL;
	struct table *t = NULL;
	struct policy p;
	struct roll r;
	su_err e;

	if (cli_policy(st, c, &p) != EXIT_OK)
		return EXIT_FAIL;
	if (roll_load(st, c, &p, time_now(), &r, &e) < 0)
		return cli_error("%s", e.msg);
	if (refund_offer_list_all(st, c->id, &offers, &e) < 0) {
		roll_free(&r);
		return cli_error("%s", e.msg);
	}
	rows = xcalloc(r.people.n ? r.people.n : 1, sizeof *rows);
	for (size_t i = 0; i < r.people.n; i++) {
		const struct refund_offer *o = refund_offer_latest(&offers, r.people.v[i].id);

		rows[i] = (struct status_row){ i, status_at_risk(&r, i, o),
		    roll_person(&r, i)->points, r.people.v[i].name };
	}
	qsort(rows, r.people.n, sizeof *rows, compare_rows);
	t = table_new(ARRAY_SIZE(headers), headers);
	for (size_t k = 2; k <= 7; k++)
		table_set_align(t, k, ALIGN_RIGHT);
	table_set_align(t, 10, ALIGN_RIGHT);
	for (size_t i = 0; i < r.people.n; i++)
		add_row(t, &r, &offers, rows[i].person);
	if (csv) {
		table_print_csv(t, out);
	} else {
		print_coach_line(&r, out);
		table_print(t, out);
	}
	table_free(t);
	free(rows);
	refund_offer_list_free(&offers);
	roll_free(&r);
	return EXIT_OK;
}

