/* cmd-policy-show.c - showup policy show: a cohort's attendance policy, setting by setting. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "showup/table.h"

static const struct option policy_show_options[] = {
	{ "csv", no_argument, NULL, 'c' },
	{ 0 }
};

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

/* Prints every setting with its value, and the default where the cohort differs. */
static int
cmd_policy_show_exec(struct cli *cli, int argc, char **argv)
{
	static const char *const headers[] = { "setting", "value", "default" };
	struct policy p, defaults;
	struct cohort c;
	struct table *t;
	int csv = 0, opt;

	while ((opt = cli_getopt(cli, argc, argv, "", policy_show_options)) != -1) {
		if (opt != 'c')
			return EXIT_USAGE;
		csv = 1;
	}
	if (optind + 1 != argc)
		return cli_usage_error(cli, "give one cohort (SLUG)");
	if (cli_cohort(cli, argv[optind], &c) != EXIT_OK)
		return EXIT_FAIL;
	if (cli_policy(cli->st, &c, &p) != EXIT_OK) {
		cohort_free(&c);
		return EXIT_FAIL;
	}
	policy_default(&defaults);
	t = table_new(ARRAY_SIZE(headers), headers);
	table_add_row(t, (const char *const[]){ "tz", c.tz, "" });
	for (size_t i = 0; policy_keys[i] != NULL; i++) {
		struct strbuf value = STRBUF_INIT, dflt = STRBUF_INIT;

		policy_value(&p, policy_keys[i], &value);
		policy_value(&defaults, policy_keys[i], &dflt);
		if (strcmp(policy_keys[i], "date.order") == 0)
			explain_auto(&p, c.tz, &value, &dflt);
		table_add_row(t, (const char *const[]){ policy_keys[i], sb_str(&value),
		    strcmp(sb_str(&value), sb_str(&dflt)) == 0 ? "" : sb_str(&dflt) });
		sb_free(&value);
		sb_free(&dflt);
	}
	if (csv)
		table_print_csv(t, stdout);
	else
		table_print(t, stdout);
	table_free(t);
	cohort_free(&c);
	return EXIT_OK;
}

const struct cmd_entry cmd_policy_show_entry = {
	"policy", "show", NULL, "SLUG [--csv]",
	"show a cohort's attendance policy",
	"Lists every setting 'showup policy set' takes, with its value; the\n"
	"default column shows what a setting would be if the cohort had not\n"
	"changed it.\n",
	CMD_DB_READ, cmd_policy_show_exec
};
