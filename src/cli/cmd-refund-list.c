/* cmd-refund-list.c - showup refund list: every refund offer of a cohort and its fate. */
#include "config.h"

#include <stdio.h>

#include "commands.h"
#include "showup/money.h"
#include "showup/table.h"

static const struct option refund_list_options[] = {
	{ "csv", no_argument, NULL, 'c' },
	{ 0 }
};

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

/* Prints the offers of one cohort, oldest first. */
static int
cmd_refund_list_exec(struct cli *cli, int argc, char **argv)
{
	static const char *const headers[] = { "participant", "email", "amount", "state",
		"origin", "offered", "until / settled" };
	struct refund_offer_list offers;
	struct participant_list people;
	struct cohort c;
	struct table *t;
	int csv = 0, opt;
	su_err e;

	while ((opt = cli_getopt(cli, argc, argv, "", refund_list_options)) != -1) {
		if (opt != 'c')
			return EXIT_USAGE;
		csv = 1;
	}
	if (optind + 1 != argc)
		return cli_usage_error(cli, "give one cohort (SLUG)");
	if (cli_cohort(cli, argv[optind], &c) != EXIT_OK)
		return EXIT_FAIL;
	if (refund_offer_list_all(cli->st, c.id, &offers, &e) < 0 ||
	    participant_list_all(cli->st, c.id, 1, &people, &e) < 0) {
		refund_offer_list_free(&offers);
		cohort_free(&c);
		return cli_error("%s", e.msg);
	}
	t = table_new(ARRAY_SIZE(headers), headers);
	table_set_align(t, 2, ALIGN_RIGHT);
	for (size_t i = 0; i < offers.n; i++)
		add_offer(t, &c, &people, &offers.v[i]);
	if (csv)
		table_print_csv(t, stdout);
	else if (offers.n > 0)
		table_print(t, stdout);
	else
		printf("no refund offers in %s\n", c.slug);
	table_free(t);
	participant_list_free(&people);
	refund_offer_list_free(&offers);
	cohort_free(&c);
	return EXIT_OK;
}

const struct cmd_entry cmd_refund_list_entry = {
	"refund", "list", "ls", "SLUG [--csv]",
	"list a cohort's refund offers: amount, state, dates",
	"States: open, accepted (the participant withdrew; the refund is due),\n"
	"declined (the participant recommitted), expired (not answered in time).\n",
	CMD_DB_READ, cmd_refund_list_exec
};
