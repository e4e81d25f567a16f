/* SPDX-License-Identifier: Apache-2.0 */
/* cli.c - helpers every command shares: messages, lookups, shared runs. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "showup/deliver.h"
#include "showup/outbox.h"
#include "showup/places.h"
#include "showup/roll.h"
#include "showup/atomicfile.h"
#include "showup/timeutil.h"
#include "showup/words.h"

int
cli_error(const char *fmt, ...)
{
	va_list ap;

	fputs("error: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return EXIT_FAIL;
}

const char *
cli_command_name(const struct cmd_entry *e, char *buf, size_t size)
{
	snprintf(buf, size, "%s%s%s", e->group ? e->group : "", e->group ? " " : "",
	    e->name);
	return buf;
}

int
cli_usage_error(const struct cli *cli, const char *fmt, ...)
{
	va_list ap;

	fputs("error: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	if (cli->entry != NULL)
		cmd_print_usage(stderr, cli->entry);
	return EXIT_USAGE;
}

int
cli_via(const struct cli *cli, const char *arg, const char **via)
{
	if (strcmp(arg, "smtp") != 0 && strcmp(arg, "sendmail") != 0)
		return cli_usage_error(cli, "--via is smtp or sendmail, not '%s'", arg);
	*via = arg;
	return EXIT_OK;
}

int
cli_cohort(struct cli *cli, const char *slug, struct cohort *out)
{
	su_err e;

	int rc = cohort_find(cli->st, slug, out, &e);

	if (rc == 1)
		return EXIT_OK;
	cli_error("%s", e.msg);
	if (rc == 0)
		fputs("hint: 'showup cohort list' lists them\n", stderr);
	return EXIT_FAIL;
}

int
cli_session(struct cli *cli, const char *ref, struct cohort *c, struct session *s)
{
	const char *colon = strrchr(ref, ':');
	long long number;
	char *slug;
	su_err e;
	int rc;

	memset(c, 0, sizeof *c);
	memset(s, 0, sizeof *s);
	if (colon == NULL || parse_int(colon + 1, 1, 1000000, &number) < 0)
		return cli_usage_error(cli, "'%s' does not name a session (use "
		    "COHORT:NUMBER, e.g. spring26:3)", ref);
	slug = xstrndup(ref, (size_t)(colon - ref));
	rc = cli_cohort(cli, slug, c);
	free(slug);
	if (rc != EXIT_OK)
		return rc;
	if ((rc = session_find(cli->st, c, (int)number, s, &e)) != 1) {
		cli_error("%s", e.msg);
		if (rc == 0)
			fprintf(stderr, "hint: 'showup session list %s' lists them\n", c->slug);
		cohort_free(c);
		return EXIT_FAIL;
	}
	return EXIT_OK;
}

int
cli_participant(struct cli *cli, const struct cohort *c, const char *email,
    struct participant *out)
{
	su_err e;

	int rc = participant_find(cli->st, c, email, out, &e);

	if (rc == 1)
		return EXIT_OK;
	cli_error("%s", e.msg);
	if (rc == 0)
		fprintf(stderr, "hint: 'showup participant list %s' lists them\n", c->slug);
	return EXIT_FAIL;
}

int
cli_notices_due(struct store *st, const struct cohort *c, struct roll *r,
    struct notice_due_list *l)
{
	struct policy p;
	su_err e;

	if (cli_policy(st, c, &p) != EXIT_OK)
		return EXIT_FAIL;
	if (roll_load(st, c, &p, time_now(), r, &e) < 0)
		return cli_error("%s", e.msg);
	if (outbox_notices_due(st, r, l, &e) < 0) {
		roll_free(r);
		return cli_error("%s", e.msg);
	}
	return EXIT_OK;
}

void
cli_print_waiting(const struct cohort *c, const struct plan_result *r)
{
	char when[40];

	if (r->waiting > 0)
		printf("%s: %zu ladder notice%s wait%s for review until %s (notices.review); a "
		    "correction before then changes %s\n", c->slug, r->waiting,
		    r->waiting == 1 ? "" : "s", r->waiting == 1 ? "s" : "",
		    time_format_human(c->tz, r->waiting_until, when, sizeof when),
		    r->waiting == 1 ? "it" : "them");
	if (r->held > 0)
		printf("%s: %zu notice%s held with %s person (notices hold --participant)\n",
		    c->slug, r->held, r->held == 1 ? "" : "s", r->held == 1 ? "its" : "their");
}

int
cli_target_find(struct cli *cli, enum cmd_target target, char *const words[2])
{
	struct cli_target *t = &cli->target;
	int rc;

	if (words[0] == NULL)
		return EXIT_OK;
	if (target == CMD_TARGET_SESSION || target == CMD_TARGET_SESSION_PERSON)
		rc = cli_session(cli, words[0], &t->c, &t->s);
	else
		rc = cli_cohort(cli, words[0], &t->c);
	if (rc == EXIT_OK && words[1] != NULL && (target == CMD_TARGET_COHORT_PERSON ||
	    target == CMD_TARGET_SESSION_PERSON))
		rc = cli_participant(cli, &t->c, words[1], &t->p);
	return rc;
}

void
cli_target_free(struct cli_target *t)
{
	participant_free(&t->p);
	session_free(&t->s);
	cohort_free(&t->c);
	memset(t, 0, sizeof *t);
}

int
cli_time(struct cli *cli, const struct cohort *c, const char *text, int64_t *out)
{
	struct policy p;
	su_err e;

	if (strcmp(text, "now") == 0) {
		*out = time_now();
		return 0;
	}
	if (cli_policy(cli->st, c, &p) != EXIT_OK)
		return -1;
	if (time_parse(text, policy_date_order(&p, c->tz), c->tz, out, &e) < 0) {
		cli_error("%s", e.msg);
		return -1;
	}
	return 0;
}

int
cli_policy(struct store *st, const struct cohort *c, struct policy *p)
{
	su_err e;

	if (policy_load(st, c, p, &e) < 0)
		return cli_error("%s", e.msg);
	return EXIT_OK;
}

void
cli_import_progress(void *arg, size_t rows, long long bytes)
{
	(void)arg;
	(void)bytes;
	if (bytes < 0)
		fprintf(stderr, "\r%zu %s read\n", rows, plural((long long)rows, "row", "rows"));
	else
		fprintf(stderr, "\r%zu %s read...", rows, plural((long long)rows, "row", "rows"));
}

void
cli_import_progress_setup(struct import_result *r)
{
	if (isatty(STDERR_FILENO)) {
		r->progress = cli_import_progress;
		r->progress_arg = NULL;
	}
}

int
cli_record_one(struct cli *cli, const struct fact_spec *spec, unsigned flags)
{
	const struct cohort *c = &cli->target.c;
	const struct session *s = &cli->target.s;
	const struct participant *p = &cli->target.p;
	struct attendance a;
	struct policy pol;
	struct outcome_input in;
	int64_t now = time_now();
	enum outcome o;
	char *what;
	int rc, points;
	su_err e;

	if (cli_policy(cli->st, c, &pol) != EXIT_OK)
		return EXIT_FAIL;
	rc = STORE_TX(cli->st, &e, attendance_record(cli->st, c, &pol, s, p, spec, flags, now,
	    &e));
	if (rc < 0) {
		cli_error("%s", e.msg);
		if (rc == ATTENDANCE_THEIR_WORD)
			fprintf(stderr, "hint: give --replace to record '%s' instead (the record "
			    "is kept: 'showup unmark' brings it back)\n", spec->status);
		return EXIT_FAIL;
	}
	attendance_get(cli->st, s->id, p->id, &a, NULL);
	in = (struct outcome_input){ .expected = 1, .optional = s->optional,
		.starts_at = s->starts_at, .now = now, .fact = &a };
	policy_cutoff(&pol, c->tz, s->starts_at, &in.cutoff);
	o = outcome_of(&pol, &in);
	points = engine_fact_points(&pol, o, &a, s->starts_at, now);	/* as status counts */
	what = attendance_describe(&a, c->tz);
	printf("%s:%d %s: %s%s -> %s", c->slug, s->number, p->email, what,
	    rc == 0 ? " (already recorded)" : rc == 2 ? " (corrected)" : "",
	    outcome_name(o));
	if (points > 0)
		printf(", %d point%s", points, points == 1 ? "" : "s");
	putchar('\n');
	free(what);
	what = places_given_at(cli->st, s, now);
	if (*what != '\0')
		printf("%s:%d: the place goes to %s, first on the waiting list\n", c->slug,
		    s->number, what);
	free(what);
	attendance_free(&a);
	return EXIT_OK;
}

int
cli_person_at(struct cli *cli, int argc, char **argv, int64_t *when)
{
	const char *at = "now";
	int opt;

	*when = 0;
	while ((opt = cli_getopt(cli, argc, argv)) != -1) {
		if (opt != OPT_AT)
			return EXIT_USAGE;
		at = optarg;
	}
	return cli_time(cli, &cli->target.c, at, when) < 0 ? EXIT_FAIL : EXIT_OK;
}

int
cli_refund_decide(struct cli *cli, int argc, char **argv, enum offer_state decision)
{
	const struct cohort *c = &cli->target.c;
	const struct participant *p = &cli->target.p;
	int64_t when;
	int rc;
	su_err e;

	if ((rc = cli_person_at(cli, argc, argv, &when)) != EXIT_OK)
		return rc;
	if (STORE_TX(cli->st, &e, refund_offer_decide(cli->st, c, p, decision, when, &e)) < 0)
		return cli_error("%s", e.msg);
	if (decision == OFFER_ACCEPTED)
		printf("%s <%s> accepted the refund and withdrew from %s; past records "
		    "are kept\n", p->name, p->email, c->slug);
	else
		printf("%s <%s> declined the refund and stays in %s\n", p->name, p->email,
		    c->slug);
	return EXIT_OK;
}

int
cli_write_file(const char *path, const void *data, size_t len)
{
	su_err e_store, *e = &e_store;
	struct atomic_file af;
	FILE *f;
	int rc = -1;

	if (make_parent_dirs(path, e) == 0 && (f = atomic_open(&af, path, e)) != NULL) {
		fwrite(data, 1, len, f);
		rc = atomic_commit(&af, e);
	}
	if (rc == 0)
		printf("wrote %s\n", path);
	else
		cli_error("%s", e->msg);
	return rc == 0 ? EXIT_OK : EXIT_FAIL;
}

int
cli_write_eml(const char *dir, const struct outbox_row *o)
{
	char *path = xasprintf("%s/%lld-%s.eml", dir, (long long)o->id, o->kind);
	int rc = cli_write_file(path, o->message, o->message_len);

	free(path);
	return rc;
}

int
cli_show_cohort(struct cli *cli, int argc, char **argv,
    int (*view)(struct store *st, const struct cohort *c, int csv, FILE *out))
{
	int csv = 0, opt;

	while ((opt = cli_getopt(cli, argc, argv)) != -1) {
		if (opt != OPT_CSV)
			return EXIT_USAGE;
		csv = 1;
	}
	return view(cli->st, &cli->target.c, csv, stdout);
}

int
cli_session_change(struct cli *cli, int argc, char **argv,
    int (*change)(struct store *st, const struct cohort *c, const struct session *s,
    su_err *e), const char *done, const char *hint)
{
	const struct cohort *c = &cli->target.c;
	const struct session *s = &cli->target.s;
	su_err e;

	if (cli_getopt(cli, argc, argv) != -1)
		return EXIT_USAGE;
	if (STORE_TX(cli->st, &e, change(cli->st, c, s, &e)) < 0) {
		cli_error("%s", e.msg);
		if (hint != NULL)
			fprintf(stderr, "hint: 'showup %s %s:%d' instead\n", hint, c->slug,
			    s->number);
		return EXIT_FAIL;
	}
	printf("session %s:%d %s\n", c->slug, s->number, done);
	return EXIT_OK;
}

char *
cli_public_url(const char *flag)
{
	struct mail_config mc;
	char *path, *url = NULL;

	if (flag != NULL) {
		url = xstrdup(flag);
	} else {
		path = mail_config_path();
		if (mail_config_load(path, &mc, NULL) == 0) {
			url = mc.public_url ? xstrdup(mc.public_url) : NULL;
			mail_config_free(&mc);
		}
		free(path);
	}
	while (url != NULL && *url && url[strlen(url) - 1] == '/')	/* links add their own */
		url[strlen(url) - 1] = '\0';
	return url;
}

int
cli_slot_change(struct cli *cli, int argc, char **argv,
    int (*change)(struct store *st, const struct cohort *c, int64_t starts_at, su_err *e),
    const char *done)
{
	const struct cohort *c = &cli->target.c;
	const char *at = NULL;
	char when[48];
	int64_t starts_at;
	int opt;
	su_err e;

	while ((opt = cli_getopt(cli, argc, argv)) != -1) {
		if (opt != OPT_AT)
			return EXIT_USAGE;
		at = optarg;
	}
	if (at == NULL)
		return cli_usage_error(cli, "give --at TIME");
	if (cli_time(cli, c, at, &starts_at) < 0)
		return EXIT_FAIL;
	if (STORE_TX(cli->st, &e, change(cli->st, c, starts_at, &e)) < 0)
		return cli_error("%s", e.msg);
	printf("%s: %s %s\n", c->slug, time_format_human(c->tz, starts_at, when, sizeof when),
	    done);
	return EXIT_OK;
}
