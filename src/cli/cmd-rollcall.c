/* SPDX-License-Identifier: Apache-2.0 */
/* cmd-rollcall.c - showup rollcall: take the roll of one session, one key per person. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "commands.h"
#include "showup/timeutil.h"

/* One expected participant and what the roll call decided for them. */
struct roll_entry {
	struct participant person;
	char *now_text;		/* what is recorded so far, "" if nothing */
	int their_word;		/* it is what they told us: replaced only when asked */
	int replace;		/* the coach said to replace it */
	char status[16];	/* "" keeps the record as it is */
	char detail[32];	/* minutes late, or the excuse's reason */
};

struct rollcall {
	struct roll_entry *v;
	size_t n;
	struct termios saved;
	int raw;
};

/* Puts the terminal in one-key mode (no echo, no line editing, no signals). */
static void
term_raw(struct rollcall *rc)
{
	struct termios t;

	if (tcgetattr(STDIN_FILENO, &rc->saved) < 0)
		return;
	t = rc->saved;
	t.c_lflag &= ~(tcflag_t)(ICANON | ECHO | ISIG);
	t.c_cc[VMIN] = 1;
	t.c_cc[VTIME] = 0;
	if (tcsetattr(STDIN_FILENO, TCSANOW, &t) == 0)
		rc->raw = 1;
}

/* Gives the terminal back as it was. */
static void
term_restore(struct rollcall *rc)
{
	if (rc->raw)
		tcsetattr(STDIN_FILENO, TCSANOW, &rc->saved);
	rc->raw = 0;
}

/* Reads one key; returns it, or -1 at the end of input. */
static int
read_key(void)
{
	unsigned char c;

	fflush(stdout);
	return read(STDIN_FILENO, &c, 1) == 1 ? c : -1;
}

/* Reads a short line of digits or letters in one-key mode, echoing it; 0 or -1 if abandoned. */
static int
read_word(char *buf, size_t size)
{
	size_t n = 0;
	int c;

	while ((c = read_key()) != -1 && c != '\r' && c != '\n') {
		if ((c == 127 || c == 8) && n > 0) {
			n--;
			fputs("\b \b", stdout);
		} else if (c == 27 || c == 3) {
			return -1;
		} else if (c > ' ' && c < 127 && n + 1 < size) {
			buf[n++] = (char)c;
			putchar(c);
		}
	}
	buf[n] = '\0';
	putchar('\n');
	return c == -1 || n == 0 ? -1 : 0;
}

/* Loads everyone the session expects, with what is recorded for them so far. */
static int
load_entries(struct cli *cli, const struct cohort *c, const struct policy *p,
    const struct session *s, struct rollcall *rc)
{
	struct participant_list l;
	su_err e;

	if (participant_list_all(cli->st, c->id, 1, &l, &e) < 0)
		return cli_error("%s", e.msg);
	rc->v = xcalloc(l.n + 1, sizeof *rc->v);
	for (size_t i = 0; i < l.n; i++) {
		struct attendance a;
		struct roll_entry *r;

		if (session_expects(cli->st, s, &l.v[i], NULL) != 1) {
			participant_free(&l.v[i]);
			continue;
		}
		r = &rc->v[rc->n++];
		r->person = l.v[i];
		if (attendance_get(cli->st, s->id, r->person.id, &a, NULL) == 1) {
			r->their_word = attendance_is_their_word(&a);
			r->now_text = attendance_in_words(p, c->tz, s, &a);
			attendance_free(&a);
		} else {
			r->now_text = xstrdup("");
		}
	}
	free(l.v);
	return EXIT_OK;
}

/* Asks for the details a status needs (minutes late, the excuse); 0 or -1 if abandoned. */
static int
ask_detail(const struct policy *p, struct roll_entry *r, int key)
{
	if (key == 'l') {
		fputs("    minutes late: ", stdout);
		return read_word(r->detail, sizeof r->detail);
	}
	if (key == 'e') {
		fputs("    reason:", stdout);
		for (size_t i = 0; i < p->n_accepted; i++)
			printf(" %zu %s", i + 1, p->accepted[i]);
		fputs(": ", stdout);
		key = read_key();
		if (key < '1' || (size_t)(key - '1') >= p->n_accepted) {
			putchar('\n');
			return -1;
		}
		snprintf(r->detail, sizeof r->detail, "%s", p->accepted[key - '1']);
		printf("%s\n", r->detail);
	}
	return 0;
}

/* Asks before a decision replaces what the participant told us; 1 to replace, 0 to keep it. */
static int
confirm_replace(struct roll_entry *r)
{
	int key;

	printf("    this replaces what they told us (%s): y replaces it, any other key "
	    "keeps it  > ", r->now_text);
	key = read_key();
	r->replace = key == 'y' || key == 'Y';
	puts(r->replace ? "replace" : "kept");
	if (!r->replace)
		r->status[0] = '\0';
	return r->replace;
}

/* Walks the list one key per person; returns 1 to write, 0 to quit without writing. */
static int
walk(const struct policy *p, struct rollcall *rc)
{
	size_t i = 0;

	puts("p present  l late  n no-show  e excused  Enter keep  b back  q quit");
	while (i < rc->n) {
		struct roll_entry *r = &rc->v[i];
		int key;

		printf("[%zu/%zu] %s <%s>%s%s%s  > ", i + 1, rc->n, r->person.name,
		    r->person.email, *r->now_text ? " (now: " : "", r->now_text,
		    *r->now_text ? ")" : "");
		key = read_key();
		if (key == -1 || key == 'q' || key == 3 || key == 27) {
			puts("quit");
			return 0;
		}
		if (key == 'b' || key == 127 || key == 8) {
			puts("back");
			if (i > 0)
				i--;
			continue;
		}
		if (key == '\r' || key == '\n' || key == ' ') {
			puts("keep");
			r->status[0] = '\0';
			i++;
			continue;
		}
		if (strchr("plne", key) == NULL) {
			puts("? (p l n e, Enter, b, q)");
			continue;
		}
		printf("%s\n", key == 'p' ? "present" : key == 'l' ? "late" :
		    key == 'n' ? "no-show" : "excused");
		r->detail[0] = '\0';
		if (ask_detail(p, r, key) < 0)
			continue;
		snprintf(r->status, sizeof r->status, "%s", key == 'p' ? "present" :
		    key == 'l' ? "late" : key == 'n' ? "no-show" : "excused");
		if (r->their_word && !confirm_replace(r))
			continue;
		i++;
	}
	return 1;
}

/* Records every decision (the caller's transaction); the number changed, or -1 with 'e' naming who. */
static int
record_all(struct cli *cli, const struct cohort *c, const struct session *s,
    const struct policy *p, struct rollcall *rc, su_err *e)
{
	int64_t now = time_now();
	int changed = 0;

	for (size_t i = 0; i < rc->n; i++) {
		struct roll_entry *r = &rc->v[i];
		struct fact_spec spec = { .status = r->status };
		int done;

		if (r->status[0] == '\0')
			continue;
		if (strcmp(r->status, "late") == 0)
			spec.minutes = r->detail;
		else if (strcmp(r->status, "excused") == 0)
			spec.reason = r->detail;
		done = attendance_record(cli->st, c, p, s, &r->person, &spec,
		    r->replace ? RECORD_REPLACE : 0, now, e);
		if (done < 0) {
			su_err why = *e;

			return su_err_set(e, "%s: %s", r->person.email, why.msg);
		}
		changed += done > 0;
	}
	return changed;
}

/* Writes every decision in one transaction; the exit status. */
static int
write_all(struct cli *cli, const struct cohort *c, const struct session *s,
    const struct policy *p, struct rollcall *rc)
{
	int changed;
	su_err e;

	changed = STORE_TX(cli->st, &e, record_all(cli, c, s, p, rc, &e));
	if (changed < 0)
		return cli_error("%s; nothing was written", e.msg);
	printf("roll of %s:%d written: %d change%s\n", c->slug, s->number, changed,
	    changed == 1 ? "" : "s");
	return EXIT_OK;
}

/* Frees the roll call's entries. */
static void
rollcall_free(struct rollcall *rc)
{
	for (size_t i = 0; i < rc->n; i++) {
		participant_free(&rc->v[i].person);
		free(rc->v[i].now_text);
	}
	free(rc->v);
}

/* Takes the roll of one session interactively. */
static int
cmd_rollcall_exec(struct cli *cli, int argc, char **argv)
{
	struct rollcall rc = { 0 };
	const struct cohort *c = &cli->target.c;
	const struct session *s = &cli->target.s;
	struct policy p;
	char when[48];
	int status;

	if (cli_getopt(cli, argc, argv) == '?')
		return EXIT_USAGE;
	if (!isatty(STDIN_FILENO))
		return cli_usage_error(cli, "rollcall needs a terminal; use 'showup mark' "
		    "or 'showup attendance import' from scripts");
	status = EXIT_FAIL;
	if (s->cancelled) {
		cli_error("session %s:%d was cancelled by the coach", c->slug, s->number);
		goto done;
	}
	if (time_now() < s->starts_at) {
		cli_error("session %s:%d has not started yet", c->slug, s->number);
		goto done;
	}
	if (cli_policy(cli->st, c, &p) != EXIT_OK ||
	    load_entries(cli, c, &p, s, &rc) != EXIT_OK)
		goto done;
	printf("roll call for %s:%d, %s %s, %zu expected\n", c->slug, s->number,
	    session_kind_name(s->kind), time_format_human(c->tz, s->starts_at, when,
	    sizeof when), rc.n);
	term_raw(&rc);
	if (!walk(&p, &rc)) {
		term_restore(&rc);
		puts("nothing was written");
		status = EXIT_OK;
		goto done;
	}
	fputs("write these? [y/n] ", stdout);
	status = read_key();
	putchar('\n');
	term_restore(&rc);
	if (status == 'y' || status == 'Y')
		status = write_all(cli, c, s, &p, &rc);
	else {
		puts("nothing was written");
		status = EXIT_OK;
	}
done:
	term_restore(&rc);
	rollcall_free(&rc);
	return status;
}

const struct cmd_entry cmd_rollcall_entry = {
	.name = "rollcall",
	.alias = "roll",
	.args = "SLUG:N",
	.summary = "take the roll of a session interactively, one key per participant",
	.help =
	"Each expected participant is shown with what is recorded so far.\n"
	"Keys: p present, l late (then the minutes), n no-show, e excused (then\n"
	"the reason), Enter or space keeps the record, b goes back, q quits\n"
	"without writing. A key over what the participant told us (a\n"
	"cancellation, an excuse) asks first: y replaces it, and 'showup unmark'\n"
	"brings it back. At the end everything is written in one transaction.\n"
	"Needs a terminal: in scripts use 'showup mark' or 'attendance import'.\n",
	.nargs = CMD_ARGS(1, 1),
	.target = CMD_TARGET_SESSION,
	.db = CMD_DB_WRITE,
	.exec = cmd_rollcall_exec
};
