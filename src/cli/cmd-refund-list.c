/* SPDX-License-Identifier: Apache-2.0 */
/* cmd-refund-list.c - showup refund list: every refund offer of a cohort and its fate. */
#include "config.h"

#include <stdio.h>

#include "commands.h"
#include "showup/money.h"
#include "showup/table.h"

/* Adds one offer's row: who, how much, state, when offered, until or when settled. */
static void
add_offer(struct table *t, const struct cohort *c, const struct participant_list *people,
    const struct refund_offer *o)
{
	const char *name = "?", *email = "?";
	char money[48], offered[40], settled[40] = "";

	for (size_t i = 0; i < people->n; i++)
		if (people->v[i].id == o->participant_id) {
			name = people->v[i].name;
			email = people->v[i].email;
		}
	money_format(o->amount_cents, o->currency, money, sizeof money);
	time_format_local(c->tz, o->offered_at, offered, sizeof offered);
	time_format_local(c->tz, o->state == OFFER_OPEN ? o->expires_at : o->decided_at,
	    settled, sizeof settled);
	table_add_row(t, (const char *const[]){ name, email, money, offer_state_name(o->state),
	    o->origin, offered, settled });
}

/* Prints the refund offers of cohort c, oldest first; an exit status. */
static int
view_offers(struct store *st, const struct cohort *c, int csv, FILE *out)
{
	static const char *const headers[] = { "participant", "email", "amount", "state",
		"origin", "offered", "until / settled" };
	struct refund_offer_list offers;
	struct participant_list people;
	struct table *t;
	su_err e;

	if (refund_offer_list_all(st, c->id, &offers, &e) < 0 ||
	    participant_list_all(st, c->id, 1, &people, &e) < 0) {
		refund_offer_list_free(&offers);
		return cli_error("%s", e.msg);
	}
	t = table_new(ARRAY_SIZE(headers), headers);
	table_set_align(t, 2, ALIGN_RIGHT);
	for (size_t i = 0; i < offers.n; i++)
		add_offer(t, c, &people, &offers.v[i]);
	if (csv)
		table_print_csv(t, out);
	else if (offers.n > 0)
		table_print(t, out);
	else
		fprintf(out, "no refund offers in %s\n", c->slug);
	table_free(t);
	participant_list_free(&people);
	refund_offer_list_free(&offers);
	return EXIT_OK;
}

/* Prints the offers of one cohort. */
static int
cmd_refund_list_exec(struct cli *cli, int argc, char **argv)
{
	return cli_show_cohort(cli, argc, argv, view_offers);
}

const struct cmd_entry cmd_refund_list_entry = {
	.group = "refund",
	.name = "list",
	.alias = "ls",
	.args = "SLUG",
	.summary = "list a cohort's refund offers: amount, state, dates",
	.help =
	"States: open, accepted (the participant withdrew; the refund is due),\n"
	"declined (the participant recommitted), expired (not answered in time).\n",
	.options = (const struct cmd_option[]){
		CLI_CSV_OPTION,
		{ 0 }
	},
	.nargs = CMD_ARGS(1, 1),
	.target = CMD_TARGET_COHORT,
	.db = CMD_DB_READ,
	.exec = cmd_refund_list_exec
};
