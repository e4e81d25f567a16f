/* cmd-notices-list.c - showup notices list: the outbox of a cohort and each row's state. */
#include "config.h"

#include <stdio.h>

#include "commands.h"
#include "showup/outbox.h"
#include "showup/roll.h"
#include "showup/table.h"

/* What cli_getopt returns for the long-only options of the table below. */
enum { OPT_STATE = OPT_OWN };

/* Says what is due and kept back, not in the outbox yet: held by hand, waiting for review. */
static int
print_kept_back(struct store *st, const struct cohort *c)
{
	struct plan_result r = { 0 };
	struct notice_due_list due;
	struct roll roll;

	if (cli_notices_due(st, c, &roll, &due) != EXIT_OK)
		return EXIT_FAIL;
	for (size_t k = 0; k < due.n; k++)
		outbox_due_kept_back(&due.v[k], &r);
	cli_print_waiting(c, &r);
	notice_due_list_free(&due);
	roll_free(&roll);
	return EXIT_OK;
}

/* Prints the outbox, oldest first, then what is due and kept back. */
static int
cmd_notices_list_exec(struct cli *cli, int argc, char **argv)
{
	static const char *const headers[] = { "id", "participant", "email", "notice",
		"points", "state", "planned", "sent", "server" };
	const char *state = NULL;
	struct outbox_list l;
	const struct cohort *c = &cli->target.c;
	struct table *t;
	int csv = 0, opt;
	su_err e;

	while ((opt = cli_getopt(cli, argc, argv)) != -1) {
		if (opt == OPT_STATE)
			state = optarg;
		else if (opt == OPT_CSV)
			csv = 1;
		else
			return EXIT_USAGE;
	}
	if (outbox_list_all(cli->st, c->id, state, 0, &l, &e) < 0) {
		return cli_error("%s", e.msg);
	}
	t = table_new(ARRAY_SIZE(headers), headers);
	table_set_align(t, 0, ALIGN_RIGHT);
	table_set_align(t, 4, ALIGN_RIGHT);
	for (size_t i = 0; i < l.n; i++) {
		const struct outbox_row *o = &l.v[i];
		char id[24], points[16], planned[40], sent[40] = "", kind[96];

		snprintf(id, sizeof id, "%lld", (long long)o->id);
		snprintf(points, sizeof points, "%d", o->points);
		time_format_local(c->tz, o->planned_at, planned, sizeof planned);
		if (o->sent_at)
			time_format_local(c->tz, o->sent_at, sent, sizeof sent);
		if (o->part_of != 0)	/* its text goes in another notice's message */
			snprintf(kind, sizeof kind, "%s (in %lld)", o->kind, (long long)o->part_of);
		else
			snprintf(kind, sizeof kind, "%s", o->kind);
		table_add_row(t, (const char *const[]){ id, o->name, o->email, kind, points,
		    o->held ? "held" : o->state, planned, sent, o->reply });
	}
	if (csv)
		table_print_csv(t, stdout);
	else if (l.n > 0)
		table_print(t, stdout);
	else
		printf("no notices in the outbox of %s%s%s\n", c->slug, state ? " in state " : "",
		    state ? state : "");
	table_free(t);
	outbox_list_free(&l);
	return csv ? EXIT_OK : print_kept_back(cli->st, c);
}

const struct cmd_entry cmd_notices_list_entry = {
	.group = "notices",
	.name = "list",
	.alias = "ls",
	.args = "SLUG",
	.summary = "list the outbox: each notice and its state",
	.help =
	"States: pending (planned), sending, sent (with the server's reply),\n"
	"retry (a temporary failure), failed, unknown (caught mid-send: never sent\n"
	"again but by hand), withdrawn (no longer due before it went out).\n"
	"Several notices for one person planned together go as one message: the\n"
	"others show 'KIND (in ID)', ID the notice whose message carries them,\n"
	"and take its state.\n"
	"Below the table: the notices due but kept back, not in the outbox yet:\n"
	"ladder notices waiting for their review time (notices.review) and the\n"
	"notices of a person held by hand (notices hold --participant).\n",
	.options = (const struct cmd_option[]){
		{ .name = "state", .arg = "STATE", .key = OPT_STATE,
		  .help = "only the notices in that state" },
		CLI_CSV_OPTION,
		{ 0 }
	},
	.nargs = CMD_ARGS(1, 1),
	.target = CMD_TARGET_COHORT,
	.db = CMD_DB_READ,
	.exec = cmd_notices_list_exec
};
