/* SPDX-License-Identifier: Apache-2.0 */
/* cmd-policy-show.c - showup policy show: a cohort's attendance policy, setting by setting. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "showup/table.h"

/* Says which order "auto" (the date.order default) means in time zone 'tz'. */
static void
explain_auto(const struct policy *p, const char *tz, struct strbuf *value,
    struct strbuf *dflt)
{
	char *by_zone = xasprintf("auto (%s, by %s)",
	    date_order_name(date_order_for_zone(tz)), tz);

	if (p->date_order == DATE_ORDER_UNKNOWN) {
		sb_reset(value);
		sb_adds(value, by_zone);
	}
	sb_reset(dflt);
	sb_adds(dflt, by_zone);
	free(by_zone);
}

/* Prints every setting of cohort c with its value, and the default where it differs. */
static int
view_policy(struct store *st, const struct cohort *c, int csv, FILE *out)
{
	static const char *const headers[] = { "setting", "value", "default" };
	struct policy p, defaults;
	struct table *t;

	if (cli_policy(st, c, &p) != EXIT_OK)
		return EXIT_FAIL;
	policy_default(&defaults);
	t = table_new(ARRAY_SIZE(headers), headers);
	table_add_row(t, (const char *const[]){ "tz", c->tz, "" });
	for (const struct policy_setting *s = policy_settings; s->key != NULL; s++) {
		struct strbuf value = STRBUF_INIT, dflt = STRBUF_INIT;

		s->print(&p, s, &value);
		s->print(&defaults, s, &dflt);
		if (strcmp(s->key, "date.order") == 0)
			explain_auto(&p, c->tz, &value, &dflt);
		table_add_row(t, (const char *const[]){ s->key, sb_str(&value),
		    strcmp(sb_str(&value), sb_str(&dflt)) == 0 ? "" : sb_str(&dflt) });
		sb_free(&value);
		sb_free(&dflt);
	}
	if (csv)
		table_print_csv(t, out);
	else
		table_print(t, out);
	table_free(t);
	return EXIT_OK;
}

/* Prints the policy of one cohort. */
static int
cmd_policy_show_exec(struct cli *cli, int argc, char **argv)
{
	return cli_show_cohort(cli, argc, argv, view_policy);
}

const struct cmd_entry cmd_policy_show_entry = {
	.group = "policy",
	.name = "show",
	.args = "SLUG",
	.summary = "show a cohort's attendance policy",
	.help =
	"Lists every setting 'showup policy set' takes, with its value; the\n"
	"default column shows what a setting would be if the cohort had not\n"
	"changed it.\n",
	.options = (const struct cmd_option[]){
		CLI_CSV_OPTION,
		{ 0 }
	},
	.nargs = CMD_ARGS(1, 1),
	.target = CMD_TARGET_COHORT,
	.db = CMD_DB_READ,
	.exec = cmd_policy_show_exec
};
