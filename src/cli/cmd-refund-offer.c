/* SPDX-License-Identifier: Apache-2.0 */
/* cmd-refund-offer.c - showup refund offer: offer a refund by hand, besides the ladder. */
#include "config.h"

#include <stdio.h>

#include "commands.h"
#include "showup/money.h"
#include "showup/roll.h"

/* What cli_getopt returns for the long-only options of the table below. */
enum { OPT_AMOUNT = OPT_OWN };

/*
 * Sets *cents to the refund the policy's rule gives participant 'who' as of 'now'
 * (prorated over their own sessions); 0 or -1 after printing why.
 */
static int
amount_by_rule(struct store *st, const struct cohort *c, const struct policy *p,
    const struct participant *who, int64_t now, int64_t *cents)
{
	struct roll r;
	size_t i;
	su_err e;

	if (roll_load(st, c, p, now, &r, &e) < 0)
		return cli_error("%s", e.msg), -1;
	*cents = idmap_get(&r.person_index, who->id, &i) ? roll_person(&r, i)->refund_cents
	    : engine_refund(p, c->fee_cents, 0, 0);
	roll_free(&r);
	return 0;
}

/* Opens a refund offer for one participant in its own transaction. */
static int
cmd_refund_offer_exec(struct cli *cli, int argc, char **argv)
{
	const char *amount = NULL, *at = "now";
	const struct participant *p = &cli->target.p;
	struct policy pol;
	const struct cohort *c = &cli->target.c;
	char money[48], until[40];
	int64_t when, cents, expires_at;
	int opt, rc = EXIT_FAIL;
	su_err e;

	while ((opt = cli_getopt(cli, argc, argv)) != -1) {
		if (opt == OPT_AMOUNT)
			amount = optarg;
		else if (opt == OPT_AT)
			at = optarg;
		else
			return EXIT_USAGE;
	}
	if (cli_time(cli, c, at, &when) < 0 || cli_policy(cli->st, c, &pol) != EXIT_OK)
		goto done;
	if (amount != NULL && money_parse(amount, &cents, &e) < 0) {
		cli_error("--amount: %s", e.msg);
		goto done;
	}
	if (amount == NULL && amount_by_rule(cli->st, c, &pol, p, when, &cents) < 0)
		goto done;
	if (STORE_TX(cli->st, &e, refund_offer_open(cli->st, c, &pol, p, cents, "manual",
	    when, &expires_at, &e) < 0 ? -1 : 0) < 0) {
		cli_error("%s", e.msg);
		goto done;
	}
	printf("offered %s <%s> a refund of %s, open until %s\n", p->name, p->email,
	    money_format(cents, c->currency, money, sizeof money),
	    time_format_local(c->tz, expires_at, until, sizeof until));
	rc = EXIT_OK;
done:
	return rc;
}

const struct cmd_entry cmd_refund_offer_entry = {
	.group = "refund",
	.name = "offer",
	.args = "SLUG EMAIL",
	.summary = "offer a participant a refund by hand, besides the ladder",
	.help =
	"The offer stays open for refund.days (7), then expires. At most one offer\n"
	"is open at a time. The next plan tells them (refund-offered), unless a\n"
	"final notice carrying the ladder's offer is due or on its way.\n",
	.options = (const struct cmd_option[]){
		{ .name = "amount", .arg = "AMOUNT", .key = OPT_AMOUNT,
		  .help = "the refund (default: the policy's refund rule, full or "
		  "prorated to the participant's own sessions not yet held)" },
		{ .name = "at", .arg = "TIME", .key = OPT_AT,
		  .help = "when the offer is made (default: now)" },
		{ 0 }
	},
	.nargs = CMD_ARGS(2, 2),
	.target = CMD_TARGET_COHORT_PERSON,
	.db = CMD_DB_WRITE,
	.exec = cmd_refund_offer_exec
};
