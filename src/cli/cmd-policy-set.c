/* SPDX-License-Identifier: Apache-2.0 */
/* cmd-policy-set.c - showup policy set: change one setting of a cohort's policy. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "showup/notice.h"

/* Moves the cohort to another time zone (the policy reads local times in it). */
static int
set_zone(struct store *st, const struct cohort *c, const char *zone, su_err *e)
{
	struct cohort next = *c;

	next.tz = (char *)zone;
	return cohort_update(st, c, &next, e);
}

/*
 * Turns the templates setting's folder into the absolute path it names, once
 * it is known to hold notice templates that compile ("installed" stays);
 * the caller frees it. NULL with 'e' set.
 */
static char *
templates_folder(const char *value, su_err *e)
{
	struct notice_templates t;
	char *dir;

	if (strcmp(value, "installed") == 0)
		return xstrdup(value);
	if ((dir = realpath(value, NULL)) == NULL) {
		su_err_set(e, "templates: cannot use '%s': %s", value, strerror(errno));
		return NULL;
	}
	if (notice_templates_load(dir, NULL, &t, e) < 0) {
		su_err why = *e;

		su_err_set(e, "templates: %s", why.msg);
		free(dir);
		return NULL;
	}
	if (t.n == 0) {
		su_err_set(e, "templates: '%s' holds no notice templates", dir);
		free(dir);
		dir = NULL;
	}
	notice_templates_free(&t);
	return dir;
}

/* Joins argv[from..argc) with spaces, so "day-before 18:00" needs no quotes. */
static char *
join_words(int argc, char **argv, int from)
{
	struct strbuf sb = STRBUF_INIT;

	for (int i = from; i < argc; i++)
		sb_addf(&sb, "%s%s", i > from ? " " : "", argv[i]);
	return sb_detach(&sb);
}

/* Prints every policy setting with its help (the table of policy-settings.c). */
static void
print_settings(FILE *out)
{
	struct strbuf sb = STRBUF_INIT;

	policy_settings_help(&sb);
	fputs(sb_str(&sb), out);
	sb_free(&sb);
}

/* Checks and stores one setting in its own transaction, then says what changed. */
static int
cmd_policy_set_exec(struct cli *cli, int argc, char **argv)
{
	struct strbuf before = STRBUF_INIT, after = STRBUF_INIT;
	struct policy p;
	const struct cohort *c = &cli->target.c;
	const char *key;
	char *value;
	int rc = EXIT_FAIL, changed;
	su_err e;

	if (cli_getopt(cli, argc, argv) == '?')
		return EXIT_USAGE;
	key = argv[optind + 1];
	value = join_words(argc, argv, optind + 2);
	if (strcmp(key, "templates") == 0) {
		char *dir = templates_folder(value, &e);

		free(value);
		if ((value = dir) == NULL) {
			cli_error("%s", e.msg);
			goto done;
		}
	}
	if (cli_policy(cli->st, c, &p) != EXIT_OK)
		goto done;
	if (strcmp(key, "tz") == 0)
		sb_adds(&before, c->tz);
	else
		policy_value(&p, key, &before);
	changed = STORE_TX(cli->st, &e, strcmp(key, "tz") == 0
	    ? set_zone(cli->st, c, value, &e) : policy_save(cli->st, c, key, value, &e));
	if (changed < 0)
		goto fail;
	if (strcmp(key, "tz") == 0)
		sb_adds(&after, value);
	else if (policy_apply(&p, key, value, &e) == 0)
		policy_value(&p, key, &after);
	if (changed)
		printf("%s: %s is now %s (was %s)\n", c->slug, key, sb_str(&after),
		    sb_str(&before));
	else
		printf("%s: %s is %s already; nothing changed\n", c->slug, key, sb_str(&before));
	rc = EXIT_OK;
	goto done;
fail:
	cli_error("%s", e.msg);
done:
	sb_free(&before);
	sb_free(&after);
	free(value);
	return rc;
}

const struct cmd_entry cmd_policy_set_entry = {
	.group = "policy",
	.name = "set",
	.args = "SLUG KEY VALUE",
	.summary = "change one setting of a cohort's attendance policy",
	.help =
	"KEY is tz (the cohort's IANA time zone) or one of the settings below, each\n"
	"with its values, its default and what it sets. A bad value changes\n"
	"nothing. Every change is in the audit log.\n\n",
	.more_help = print_settings,
	.options_first = 1,
	.nargs = CMD_ARGS(3, CMD_ARGS_ANY),
	.target = CMD_TARGET_COHORT,
	.db = CMD_DB_WRITE,
	.exec = cmd_policy_set_exec
};
