/* cmd-participant-add.c - showup participant add: one person joins a cohort. */
#include "config.h"

#include <stdio.h>

#include "commands.h"

static const struct option participant_add_options[] = {
	{ "name", required_argument, NULL, 'n' },
	{ "email", required_argument, NULL, 'm' },
	{ "company", required_argument, NULL, 'c' },
	{ 0 }
};

/* Adds the participant the options describe. */
static int
cmd_participant_add_exec(struct cli *cli, int argc, char **argv)
{
	const char *name = NULL, *email = NULL, *company = "";
	struct cohort c;
	int opt, rc = EXIT_FAIL;
	su_err e;

	while ((opt = cli_getopt(cli, argc, argv, "", participant_add_options)) != -1) {
		switch (opt) {
		case 'n': name = optarg; break;
		case 'm': email = optarg; break;
		case 'c': company = optarg; break;
		default: return EXIT_USAGE;
		}
	}
	if (optind + 1 != argc)
		return cli_usage_error(cli, "give one cohort (SLUG)");
	if (name == NULL || email == NULL)
		return cli_usage_error(cli, "--name and --email are needed");
	if (cli_cohort(cli, argv[optind], &c) != EXIT_OK)
		return EXIT_FAIL;
	if (STORE_TX(cli->st, &e, participant_add(cli->st, &c, name, email, company,
	    &e) < 0 ? -1 : 0) < 0) {
		cli_error("%s", e.msg);
		goto done;
	}
	printf("added %s <%s> to %s\n", name, email, c.slug);
	rc = EXIT_OK;
done:
	cohort_free(&c);
	return rc;
}

const struct cmd_entry cmd_participant_add_entry = {
	"participant", "add", NULL, "SLUG --name NAME --email ADDR [--company NAME]",
	"add one participant to a cohort",
	"The e-mail address identifies the participant within the cohort\n"
	"(compared without case).\n",
	CMD_DB_WRITE, cmd_participant_add_exec
};
