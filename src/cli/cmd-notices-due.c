/* cmd-notices-due.c - showup notices due: the ladder steps that call for a notice now. */
#include "config.h"

#include <stdio.h>

#include "commands.h"
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

/* Adds person i's row for notice 'kind' (with 'refund', "" for none) to the table. */
static void
add_due_row(struct table *t, const struct roll *r, size_t i, const char *kind,
    const char *refund)
{
	struct strbuf records = STRBUF_INIT;
	char points[16];

	snprintf(points, sizeof points, "%d", roll_person(r, i)->points);
	describe_records(r, i, &records);
	table_add_row(t, (const char *const[]){ r->people.v[i].name, r->people.v[i].email,
	    kind, points, refund, sb_str(&records) });
	sb_free(&records);
}

/* Adds the reminders and change notices planning would add now to t; a count, or -1. */
static int
add_session_rows(struct store *st, const struct roll *r, struct table *t)
{
	struct session_due_list l;
	int n;
	su_err e;

	if (outbox_session_notices_due(st, r, &l, &e) < 0)
		return cli_error("%s", e.msg), -1;
	for (size_t k = 0; k < l.n; k++) {
		const struct session_due *d = &l.v[k];
		const struct participant *p = &r->people.v[d->person];
		char what[64], offset[24];

		if (d->offset >= 0)
			snprintf(what, sizeof what, "session %d, %s ahead",
			    r->sessions.v[d->session].number,
			    policy_offset_format(d->offset, offset, sizeof offset));
		else
			snprintf(what, sizeof what, "session %d", r->sessions.v[d->session].number);
		table_add_row(t, (const char *const[]){ p->name, p->email, d->kind, "", "",
		    what });
	}
	n = (int)l.n;
	session_due_list_free(&l);
	return n;
}

/*
 * Lists every participant with a ladder step due in cohort c to 'out', and each
 * coach review due (numbered: one more at every further point); an exit status.
 */
static int
view_due(struct store *st, const struct cohort *c, int csv, FILE *out)
{
	static const char *const headers[] = { "participant", "email", "notice", "points",
		"refund", "records" };
	struct table *t;
	struct policy p;
	struct roll r;
	int due = 0, n;
	su_err e;

	if (cli_policy(st, c, &p) != EXIT_OK)
		return EXIT_FAIL;
	if (roll_load(st, c, &p, time_now(), &r, &e) < 0)
		return cli_error("%s", e.msg);
	t = table_new(ARRAY_SIZE(headers), headers);
	table_set_align(t, 3, ALIGN_RIGHT);
	for (size_t i = 0; i < r.people.n; i++) {
		const struct engine_person_result *pr = roll_person(&r, i);
		char refund[48] = "", review[64];

		if (pr->step_due >= 0) {
			if (policy_offer_step(&p, pr->step_due) && p.refund != REFUND_NONE)
				money_format(pr->refund_cents, c->currency, refund,
				    sizeof refund);
			add_due_row(t, &r, i, p.ladder[pr->step_due].kind, refund);
			due++;
		}
		if (pr->review_due > 0) {
			snprintf(review, sizeof review, "%s #%d", POLICY_COACH_REVIEW,
			    pr->review_due);
			add_due_row(t, &r, i, review, "");
			due++;
		}
	}
	if ((n = add_session_rows(st, &r, t)) < 0) {
		table_free(t);
		roll_free(&r);
		return EXIT_FAIL;
	}
	due += n;
	if (csv)
		table_print_csv(t, out);
	else if (due > 0)
		table_print(t, out);
	else
		fprintf(out, "no notices due in %s\n", c->slug);
	table_free(t);
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
	"are listed too, with their session (and a reminder's offset) in records.\n",
	.options = (const struct cmd_option[]){
		CLI_CSV_OPTION,
		{ 0 }
	},
	.db = CMD_DB_READ,
	.exec = cmd_notices_due_exec
};
