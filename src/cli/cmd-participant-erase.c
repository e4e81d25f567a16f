/* cmd-participant-erase.c - showup participant erase: a person's data gone when asked. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "commands.h"
#include "showup/privacy.h"

enum { OPT_YES = OPT_OWN };

/* Asks for the address again on a terminal; 1 when typed the same, 0 if not. */
static int
confirm_address(const struct participant *p)
{
	char line[512];

	fprintf(stderr, "This erases %s <%s> in every cohort, for good.\n"
	    "Type the address again to erase: ", p->name, p->email);
	if (fgets(line, sizeof line, stdin) == NULL)
		return 0;
	line[strcspn(line, "\r\n")] = '\0';
	return str_ieq(str_trim(line), p->email);
}

/* Erases the target's person in every cohort, then makes the file forget. */
static int
cmd_participant_erase_exec(struct cli *cli, int argc, char **argv)
{
	const struct participant *p = &cli->target.p;
	struct pseudonym ps;
	int64_t *ids = NULL;
	size_t n = 0;
	int opt, yes = 0, status = EXIT_FAIL;
	su_err e;

	while ((opt = cli_getopt(cli, argc, argv)) != -1) {
		if (opt != OPT_YES)
			return EXIT_USAGE;
		yes = 1;
	}
	if (!yes && !isatty(STDIN_FILENO))
		return cli_usage_error(cli, "give --yes to erase without a terminal");
	if (!yes && !confirm_address(p))
		return cli_error("the address typed is not '%s': nothing erased", p->email);
	if (privacy_person_ids(cli->st, p->email, &ids, &n, &e) < 0 ||
	    STORE_TX(cli->st, &e, privacy_erase(cli->st, ids, n, "on request", &ps, &e)) < 0) {
		cli_error("%s", e.msg);
		goto done;
	}
	printf("erased %zu record%s: now %s <%s>\n", n, n == 1 ? "" : "s", ps.name, ps.email);
	if (privacy_forget(cli->st, &e) < 0) {
		cli_error("%s", e.msg);
		goto done;
	}
	fprintf(stderr, "warning: backups made before now still hold their data\n");
	status = EXIT_OK;
done:
	free(ids);
	return status;
}

const struct cmd_entry cmd_participant_erase_entry = {
	.group = "participant",
	.name = "erase",
	.args = "SLUG EMAIL",
	.summary = "erase a participant's personal data in every cohort, on request",
	.help =
	"The name, address, company, call name, notes and free text become a\n"
	"pseudonym (\"erased 7f3a\") in every record, message, and audit entry;\n"
	"reasons keep only their class (excused or not-excused). Outcomes, points,\n"
	"status and every figure stay. Then the file itself forgets: the\n"
	"write-ahead log is emptied and the database rebuilt. On a terminal, asks\n"
	"for the address again. Backups made before keep the data.\n",
	.options = (const struct cmd_option[]){
		{ .name = "yes", .key = OPT_YES,
		  .help = "erase without asking (needed without a terminal)" },
		{ 0 }
	},
	.nargs = CMD_ARGS(2, 2),
	.target = CMD_TARGET_COHORT_PERSON,
	.db = CMD_DB_WRITE,
	.exec = cmd_participant_erase_exec
};
