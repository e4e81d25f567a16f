/* SPDX-License-Identifier: Apache-2.0 */
/* cmd-notices-due.c - showup notices due: the ladder steps that call for a notice now. */
#include "config.h"

#include <stdio.h>

#include "commands.h"
#include "showup/exits.h"
#include "showup/money.h"
#include "showup/outbox.h"
#include "showup/roll.h"
#include "showup/table.h"

/* Appends the records that brought person i their points: "3 late_cancel +1, 5 no_show +2". */
static void
describe_records(const struct roll *r, size_t i, struct strbuf *sb)
{
	for (size_t j = 0; j < r->sessions.n; j++) {
		enum outcome o = roll_scoring_outcome(r, i, j);
		int pts = roll_points(r, i, j);

		if (pts > 0)
			sb_addf(sb, "%s%d %s +%d", sb->len ? ", " : "", r->sessions.v[j].number,
			    outcome_name(o), pts);
	}
}

/* Appends "held until released; " or "held until DATE; " for a notice held by hand. */
static void
add_held(const struct roll *r, int64_t held_until, struct strbuf *sb)
{
	char when[40];

	if (held_until == HOLD_UNTIL_RELEASED)
		sb_adds(sb, "held until released; ");
	else if (held_until > 0)
		sb_addf(sb, "held until %s; ", time_format_human(r->cohort->tz, held_until, when,
		    sizeof when));
}

/*
 * Adds person i's row for notice 'kind' (with 'refund', "" for none) to the
 * table; one that waits for its review time (0: none) or is held by hand says
 * until when.
 */
static void
add_due_row(struct table *t, const struct roll *r, size_t i, const char *kind,
    const char *refund, int64_t waits_until, int64_t held_until)
{
	struct strbuf records = STRBUF_INIT;
	char points[16], when[40];

	snprintf(points, sizeof points, "%d", roll_person(r, i)->points);
	add_held(r, held_until, &records);
	if (waits_until > 0)
		sb_addf(&records, "waits for review until %s; ", time_format_human(r->cohort->tz,
		    waits_until, when, sizeof when));
	describe_records(r, i, &records);
	table_add_row(t, (const char *const[]){ r->people.v[i].name, r->people.v[i].email,
	    kind, points, refund, sb_str(&records) });
	sb_free(&records);
}

/*
 * Adds session notice d's row ("session 3, 2h ahead" in records) to the table;
 * one about the person alone (an exit, a refund) gives its amount, if any.
 */
static void
add_session_row(struct table *t, const struct roll *r, const struct notice_due *d)
{
	const struct participant *p = &r->people.v[d->person];
	struct strbuf what = STRBUF_INIT;
	char offset[24], refund[48] = "";

	add_held(r, d->held_until, &what);
	if (d->session == NOTICE_NO_SESSION) {
		if (d->change->what.refund_cents >= 0)
			money_format(d->change->what.refund_cents, r->cohort->currency, refund,
			    sizeof refund);
		table_add_row(t, (const char *const[]){ p->name, p->email, d->kind, "", refund,
		    sb_str(&what) });
		sb_free(&what);
		return;
	}
	sb_addf(&what, "session %d", r->sessions.v[d->session].number);
	if (d->offset >= 0)
		sb_addf(&what, ", %s ahead", policy_offset_format(d->offset, offset,
		    sizeof offset));
	table_add_row(t, (const char *const[]){ p->name, p->email, d->kind, "", "",
	    sb_str(&what) });
	sb_free(&what);
}

/* Adds correction d's row: the ladder notice sent that no longer stands, in records. */
static void
add_correction_row(struct table *t, const struct roll *r, const struct notice_due *d)
{
	const struct participant *p = &r->people.v[d->person];
	struct strbuf what = STRBUF_INIT;
	char points[16], when[40];

	snprintf(points, sizeof points, "%d", roll_person(r, d->person)->points);
	add_held(r, d->held_until, &what);
	sb_addf(&what, "the %s sent %s no longer stands", d->corrects,
	    time_format_human(r->cohort->tz, d->corrects_sent_at, when, sizeof when));
	table_add_row(t, (const char *const[]){ p->name, p->email, d->kind, points, "",
	    sb_str(&what) });
	sb_free(&what);
}

/*
 * Adds the rows of the notices due (outbox_notices_due: the plan's own list):
 * a ladder step until it is sent, a session notice until it is planned. A count.
 */
static int
add_due_rows(struct table *t, const struct roll *r, const struct notice_due_list *l)
{
	const struct policy *p = &r->policy;
	int n = 0;

	for (size_t k = 0; k < l->n; k++) {
		const struct notice_due *d = &l->v[k];
		char refund[48] = "";

		if (d->step >= 0) {
			if (policy_offer_step(p, d->step) && p->refund != REFUND_NONE)
				money_format(roll_person(r, d->person)->refund_cents,
				    r->cohort->currency, refund, sizeof refund);
			add_due_row(t, r, d->person, d->kind, refund, d->waits_until,
			    d->held_until);
		} else if (!d->planned && d->corrects != NULL) {
			add_correction_row(t, r, d);
		} else if (!d->planned) {
			add_session_row(t, r, d);
		} else {
			continue;
		}
		n++;
	}
	return n;
}

/* Adds the coach reviews due (numbered: one more at every further point); a count. */
static int
add_review_rows(struct table *t, const struct roll *r)
{
	int n = 0;

	for (size_t i = 0; i < r->people.n; i++) {
		char review[64];

		if (roll_person(r, i)->review_due <= 0)
			continue;
		snprintf(review, sizeof review, "%s #%d", POLICY_COACH_REVIEW,
		    roll_person(r, i)->review_due);
		add_due_row(t, r, i, review, "", 0, 0);
		n++;
	}
	return n;
}

/*
 * Adds a row for each session a leaver left with one person (exits_left_alone):
 * the one who stays, and the session and leaver in records; a count, or -1.
 */
static int
add_alone_rows(struct store *st, struct table *t, const struct roll *r)
{
	struct left_alone_list l;
	int n;
	su_err e;

	if (exits_left_alone(st, r, &l, &e) < 0)
		return cli_error("%s", e.msg), -1;
	for (size_t k = 0; k < l.n; k++) {
		const struct session *s = &r->sessions.v[l.v[k].session];
		struct strbuf what = STRBUF_INIT;
		char when[48];

		sb_addf(&what, "%s %s session %d: %s left, the coach decides",
		    time_format_human(r->cohort->tz, s->starts_at, when, sizeof when),
		    session_kind_name(s->kind), s->number, r->people.v[l.v[k].left].name);
		table_add_row(t, (const char *const[]){ r->people.v[l.v[k].person].name,
		    r->people.v[l.v[k].person].email, EXITS_LEFT_ALONE, "", "", sb_str(&what) });
		sb_free(&what);
	}
	n = (int)l.n;
	left_alone_list_free(&l);
	return n;
}

/*
 * Lists every notice due in cohort c to 'out' (the ladder steps, change
 * notices and reminders planning works from), and each coach review due; an
 * exit status.
 */
static int
view_due(struct store *st, const struct cohort *c, int csv, FILE *out)
{
	static const char *const headers[] = { "participant", "email", "notice", "points",
		"refund", "records" };
	struct notice_due_list l;
	struct table *t;
	struct roll r;
	int due, alone;

	if (cli_notices_due(st, c, &r, &l) != EXIT_OK)
		return EXIT_FAIL;
	t = table_new(ARRAY_SIZE(headers), headers);
	table_set_align(t, 3, ALIGN_RIGHT);
	due = add_due_rows(t, &r, &l) + add_review_rows(t, &r);
	if ((alone = add_alone_rows(st, t, &r)) < 0) {
		table_free(t);
		notice_due_list_free(&l);
		roll_free(&r);
		return EXIT_FAIL;
	}
	due += alone;
	if (csv)
		table_print_csv(t, out);
	else if (due > 0)
		table_print(t, out);
	else
		fprintf(out, "no notices due in %s\n", c->slug);
	table_free(t);
	notice_due_list_free(&l);
	roll_free(&r);
	return EXIT_OK;
}

/* Lists the notices due in one cohort. */
static int
cmd_notices_due_exec(struct cli *cli, int argc, char **argv)
{
	return cli_show_cohort(cli, argc, argv, view_due);
}

const struct cmd_entry cmd_notices_due_entry = {
	.group = "notices",
	.name = "due",
	.args = "SLUG",
	.summary = "list the notices due now: ladder steps, reminders, changes",
	.help =
	"Points add up within the cohort; crossing a step of the ladder makes its\n"
	"notice due, once per participant, ever. When points jump past several\n"
	"steps, only the highest is due: one notice says it all. The last\n"
	"mailed step carries the refund offer (its amount by the policy's refund\n"
	"rule). The final coach-review step mails nothing: it is the coach's, due\n"
	"again at every further point (coach-review #2 at one point more).\n"
	"records lists the sessions that brought the points.\n"
	"Session reminders and change notices that 'notices plan' would add now\n"
	"are listed too, with their session (and a reminder's offset) in records.\n"
	"A practice session someone's withdrawal left with one person is listed\n"
	"as coach-left-alone (never mailed) until the coach changes or cancels it.\n",
	.options = (const struct cmd_option[]){
		CLI_CSV_OPTION,
		{ 0 }
	},
	.nargs = CMD_ARGS(1, 1),
	.target = CMD_TARGET_COHORT,
	.db = CMD_DB_READ,
	.exec = cmd_notices_due_exec
};
