/* notice.c - the ladder's notices as messages: templates loaded and checked, each due
 * step rendered for its participant and planned into the outbox, once. */
#include "config.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "showup/message.h"
#include "showup/money.h"
#include "showup/notice.h"
#include "showup/report.h"
#include "showup/roll.h"
#include "showup/timeutil.h"

static const char *const schema_names[] = {
	"participant.name", "participant.first_name", "participant.email",
	"cohort.name", "cohort.slug", "coach.name", "coach.email",
	"points", "notice.kind", "policy.cutoff",
	"refund", "refund.amount", "refund.expires", "refund.days",
	"session.number", "session.date", "session.title", "session.location",
	"session.kind", "session.minutes", NULL
};
static const char *const schema_lists[] = { "events", NULL };
static const char *const schema_items[] = { "session.number", "session.date",
	"session.title", "outcome", "points", "reason", NULL };

const struct tpl_schema notice_schema = { schema_names, schema_lists, schema_items };

char *
notice_templates_dir(void)
{
	const char *env = getenv("SHOWUP_TEMPLATES"), *data = getenv("SHOWUP_DATADIR");
	char *roots[4] = { NULL, NULL, NULL, NULL };
	char *found = NULL;

	roots[0] = env && *env ? xstrdup(env) : NULL;
	roots[1] = data && *data ? xasprintf("%s/templates", data) : NULL;
	roots[2] = xasprintf("%s/templates", PKGDATADIR);
	roots[3] = xasprintf("%s/templates", SRCDIR);
	for (size_t i = 0; i < 4; i++) {
		char *probe = roots[i] ? xasprintf("%s/warning", roots[i]) : NULL;

		if (found == NULL && probe != NULL && access(probe, R_OK) == 0) {
			found = roots[i];
			roots[i] = NULL;
		}
		free(probe);
		free(roots[i]);
	}
	return found;
}

/* Loads and compiles one kind's file: "Subject: ..." on line 1, the body after. */
static int
load_one(const char *dir, const char *kind, struct notice_template *out, su_err *e)
{
	char *path = xasprintf("%s/%s", dir, kind), *text = NULL, *nl, *body = NULL;
	size_t len;
	int rc = -1;

	memset(out, 0, sizeof *out);
	if (access(path, F_OK) != 0) {
		su_err_set(e, "no template for notice '%s' (looked for %s)", kind, path);
		goto done;
	}
	if ((text = file_read_all(path, 1 << 20, &len, e)) == NULL)
		goto done;
	if (strlen(text) != len || !utf8_valid(text, len)) {
		su_err_set(e, "%s: not UTF-8 text", path);
		goto done;
	}
	if (strncmp(text, "Subject: ", 9) != 0 || (nl = strchr(text, '\n')) == NULL) {
		su_err_set(e, "%s:1: the first line must be 'Subject: ...'", path);
		goto done;
	}
	*nl = '\0';
	body = xasprintf("\n%s", nl + 1);	/* line numbers count from the file's line 1 */
	out->kind = xstrdup(kind);
	if ((out->subject = tpl_compile(text + 9, path, &notice_schema, e)) == NULL ||
	    (out->body = tpl_compile(body, path, &notice_schema, e)) == NULL)
		goto done;
	rc = 0;
done:
	if (rc < 0) {
		tpl_free(out->subject);
		free(out->kind);
		memset(out, 0, sizeof *out);
	}
	free(body);
	free(text);
	free(path);
	return rc;
}

/* Lists the template files of 'dir' (every regular name but README and dot files). */
static char **
list_kinds(const char *dir, size_t *n, su_err *e)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	char **kinds = NULL;

	*n = 0;
	if (d == NULL) {
		su_err_set(e, "cannot open folder '%s'", dir);
		return NULL;
	}
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.' || strcmp(de->d_name, "README") == 0 ||
		    strchr(de->d_name, '~') != NULL)
			continue;
		kinds = xrealloc(kinds, (*n + 2) * sizeof *kinds);
		kinds[(*n)++] = xstrdup(de->d_name);
		kinds[*n] = NULL;
	}
	closedir(d);
	if (kinds == NULL)
		kinds = xcalloc(1, sizeof *kinds);
	return kinds;
}

int
notice_templates_load(const char *dir, const char *const *kinds,
    struct notice_templates *out, su_err *e)
{
	char **listed = NULL;
	size_t n = 0;
	int rc = 0;

	memset(out, 0, sizeof *out);
	out->dir = xstrdup(dir);
	if (kinds == NULL) {
		if ((listed = list_kinds(dir, &n, e)) == NULL)
			return -1;
		kinds = (const char *const *)listed;
	}
	for (size_t i = 0; kinds[i] != NULL && rc == 0; i++) {
		if (notice_template_find(out, kinds[i]) != NULL)
			continue;
		out->v = xrealloc(out->v, (out->n + 1) * sizeof *out->v);
		if ((rc = load_one(dir, kinds[i], &out->v[out->n], e)) == 0)
			out->n++;
	}
	for (size_t i = 0; i < n; i++)
		free(listed[i]);
	free(listed);
	if (rc < 0)
		notice_templates_free(out);
	return rc;
}

const struct notice_template *
notice_template_find(const struct notice_templates *t, const char *kind)
{
	for (size_t i = 0; i < t->n; i++)
		if (strcmp(t->v[i].kind, kind) == 0)
			return &t->v[i];
	return NULL;
}

void
notice_templates_free(struct notice_templates *t)
{
	for (size_t i = 0; i < t->n; i++) {
		free(t->v[i].kind);
		tpl_free(t->v[i].subject);
		tpl_free(t->v[i].body);
	}
	free(t->v);
	free(t->dir);
	memset(t, 0, sizeof *t);
}

/* The texts one rendering needs, kept alive while it runs. */
struct notice_values {
	char points[16], amount[48], expires[40], days[16];
	struct tpl_scope *items;
	struct tpl_field *item_fields;
	char (*item_text)[5][48];
	size_t nitems;
	struct tpl_list events;
};

/* Describes the cutoff as people read it: "18:00 the day before", "24 hours ahead". */
static void
describe_cutoff(const struct policy *p, char *buf, size_t size)
{
	if (p->cutoff_kind == CUTOFF_HOURS)
		snprintf(buf, size, "%d hours before the start", p->cutoff_hours);
	else
		snprintf(buf, size, "%02d:%02d the day before", p->cutoff_minute / 60,
		    p->cutoff_minute % 60);
}

/* Builds the events list of person i: the sessions that brought them points. */
static void
build_events(const struct roll *r, size_t i, struct notice_values *v)
{
	size_t ns = r->sessions.n;

	v->items = xcalloc(ns + 1, sizeof *v->items);
	v->item_fields = xcalloc(6 * (ns + 1), sizeof *v->item_fields);
	v->item_text = xcalloc(ns + 1, sizeof *v->item_text);
	for (size_t j = 0; j < ns; j++) {
		const struct session *s = &r->sessions.v[j];
		enum outcome o = roll_outcome(r, i, j);
		int pts = engine_cell_points(&r->policy, o, s->starts_at, r->now);
		struct attendance buf;
		const struct attendance *a = roll_fact(r, i, j, &buf);
		struct tpl_field *f = &v->item_fields[6 * v->nitems];
		char (*t)[48] = v->item_text[v->nitems];

		if (pts <= 0)
			continue;
		snprintf(t[0], 48, "%d", s->number);
		time_format_local(r->cohort->tz, s->starts_at, t[1], 48);
		snprintf(t[2], 48, "%s", o == OUTCOME_NO_SHOW ? "no-show"
		    : o == OUTCOME_LATE_CANCEL ? "late cancellation" : outcome_name(o));
		snprintf(t[3], 48, "%d", pts);
		snprintf(t[4], 48, "%s", a ? a->reason : "");
		f[0] = (struct tpl_field){ "session.number", t[0], NULL };
		f[1] = (struct tpl_field){ "session.date", t[1], NULL };
		f[2] = (struct tpl_field){ "session.title", s->title, NULL };
		f[3] = (struct tpl_field){ "outcome", t[2], NULL };
		f[4] = (struct tpl_field){ "points", t[3], NULL };
		f[5] = (struct tpl_field){ "reason", t[4], NULL };
		v->items[v->nitems++] = (struct tpl_scope){ f, 6, NULL };
	}
	v->events = (struct tpl_list){ v->items, v->nitems };
}

/* The names every notice offers: who it goes to, the cohort, the coach, the cutoff. */
struct base_values {
	char first_name[128], cutoff[64];
	struct tpl_field fields[8];
	struct tpl_scope scope;		/* the parent of each notice's own names */
};

/* Fills b for a notice to p; b must stay where it is while it is used. */
static void
base_scope(const struct roll *r, const struct participant *p, struct base_values *b)
{
	const struct cohort *c = r->cohort;

	snprintf(b->first_name, sizeof b->first_name, "%.*s", (int)strcspn(p->name, " "),
	    p->name);
	describe_cutoff(&r->policy, b->cutoff, sizeof b->cutoff);
	b->fields[0] = (struct tpl_field){ "participant.name", p->name, NULL };
	b->fields[1] = (struct tpl_field){ "participant.first_name", b->first_name, NULL };
	b->fields[2] = (struct tpl_field){ "participant.email", p->email, NULL };
	b->fields[3] = (struct tpl_field){ "cohort.name", c->name, NULL };
	b->fields[4] = (struct tpl_field){ "cohort.slug", c->slug, NULL };
	b->fields[5] = (struct tpl_field){ "coach.name", c->coach_name, NULL };
	b->fields[6] = (struct tpl_field){ "coach.email", c->coach_email, NULL };
	b->fields[7] = (struct tpl_field){ "policy.cutoff", b->cutoff, NULL };
	b->scope = (struct tpl_scope){ b->fields, ARRAY_SIZE(b->fields), NULL };
}

/* Renders a template's subject and body with 'scope' (the body without load_one's "\n"). */
static void
render_pair(const struct notice_template *t, const struct tpl_scope *scope,
    struct strbuf *subject, struct strbuf *body)
{
	struct strbuf text = STRBUF_INIT;

	tpl_render(t->subject, scope, subject);
	tpl_render(t->body, scope, &text);
	sb_adds(body, sb_str(&text) + (text.len > 0 && text.buf[0] == '\n'));
	sb_free(&text);
}

/* Renders one template pair for person i at ladder step k into subject and body. */
static void
render_notice(const struct roll *r, size_t i, int k, int64_t refund_cents, int64_t expires,
    const struct notice_template *t, struct strbuf *subject, struct strbuf *body)
{
	const struct cohort *c = r->cohort;
	struct notice_values v = { .nitems = 0 };
	struct base_values b;
	int refund = k + 1 == (int)r->policy.n_steps && r->policy.refund != REFUND_NONE;

	base_scope(r, &r->people.v[i], &b);
	snprintf(v.points, sizeof v.points, "%d", roll_person(r, i)->points);
	money_format(refund_cents, c->currency, v.amount, sizeof v.amount);
	time_format_local(c->tz, expires, v.expires, sizeof v.expires);
	snprintf(v.days, sizeof v.days, "%d", r->policy.refund_days);
	build_events(r, i, &v);
	{
		const struct tpl_field fields[] = {
			{ "points", v.points, NULL }, { "notice.kind", t->kind, NULL },
			{ "refund", refund ? "yes" : "", NULL },
			{ "refund.amount", refund ? v.amount : "", NULL },
			{ "refund.expires", refund ? v.expires : "", NULL },
			{ "refund.days", v.days, NULL },
			{ "events", NULL, &v.events },
		};
		const struct tpl_scope scope = { fields, ARRAY_SIZE(fields), &b.scope };

		render_pair(t, &scope, subject, body);
	}
	free(v.items);
	free(v.item_fields);
	free(v.item_text);
}

/* Returns the domain of an address ("example.com"), for Message-IDs. */
static const char *
domain_of(const char *addr)
{
	const char *at = strrchr(addr, '@');

	return at ? at + 1 : "showup.invalid";
}

/* Returns the id the next outbox row will get (we hold the write lock); 0 on error. */
static int64_t
next_outbox_id(struct store *st)
{
	static const char *const sql = "SELECT coalesce(max(id), 0) + 1 FROM outbox";
	sqlite3_stmt *stmt = store_stmt(st, sql, NULL);
	int64_t id = 0;

	if (stmt != NULL && db_step_row(stmt, NULL) == 1)
		id = sqlite3_column_int64(stmt, 0);
	if (stmt != NULL)
		sqlite3_reset(stmt);
	return id;
}

/* Returns a Message-ID no other message has: the outbox row it will be, and where from. */
static char *
new_message_id(struct store *st, const struct cohort *c, int64_t now)
{
	return xasprintf("<showup.%s.%lld.%lld@%s>", c->slug, (long long)next_outbox_id(st),
	    (long long)now, domain_of(c->coach_email));
}


/* Stores one planned message; 0 added, 1 already planned, -1 error. */
static int
store_planned(struct store *st, const struct cohort *c, const struct participant *p,
    int step, const char *kind, int points, int64_t refund, const char *subject,
    const struct strbuf *msg, const char *message_id, int64_t now, int64_t session_id,
    int offset, su_err *e)
{
	static const char *const sql =
		"INSERT INTO outbox (cohort_id, participant_id, kind, step, points, refund_cents,"
		" subject, message, message_id, planned_at, session_id, offset_minutes)"
		" VALUES (?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING";
	sqlite3_stmt *stmt = store_stmt(st, sql, e);
	char *desc;
	int rc;

	if (stmt == NULL)
		return -1;
	db_bind_int(stmt, 1, c->id);
	db_bind_int(stmt, 2, p->id);
	db_bind_text(stmt, 3, kind);
	db_bind_int(stmt, 4, step);
	db_bind_int(stmt, 5, points);
	if (refund >= 0)
		db_bind_int(stmt, 6, refund);
	db_bind_text(stmt, 7, subject);
	sqlite3_bind_blob(stmt, 8, msg->buf, (int)msg->len, SQLITE_TRANSIENT);
	db_bind_text(stmt, 9, message_id);
	db_bind_int(stmt, 10, now);
	if (session_id > 0) {
		db_bind_int(stmt, 11, session_id);
		db_bind_int(stmt, 12, offset);
	}
	if (db_step_done(stmt, e) < 0)
		return -1;
	if (sqlite3_changes(st->db) == 0)
		return 1;
	desc = xasprintf("%s planned at %d points, %s", kind, points, message_id);
	rc = audit_add(st, c->id, "notice plan", p->email, NULL, desc, e);
	free(desc);
	return rc;
}

/* What a planned row is besides its message: its step or session, and what rides along. */
struct planned {
	int step;			/* -1 for a session reminder */
	const char *kind;
	int points;
	int64_t refund;			/* -1: no refund offer */
	int64_t session_id;		/* a reminder's session, else 0 */
	int offset;			/* a reminder's minutes ahead, else -1 */
	const char *pdf;		/* an attachment, or NULL */
	size_t pdf_len;
	const char *pdf_name;
};

/*
 * Builds the message from the coach to p and stores it; a message that cannot
 * be built (a line break in a header) is refused by name. Counts it in r; 0 or -1.
 */
static int
plan_message(struct store *st, const struct cohort *c, const struct participant *p,
    const struct planned *pl, const struct strbuf *subject, const struct strbuf *body,
    int64_t now, struct plan_result *r, su_err *e)
{
	char *message_id = new_message_id(st, c, now);
	struct strbuf msg = STRBUF_INIT;
	su_err why;
	int rc;

	rc = message_build(&(struct message){ .from_name = c->coach_name,
	    .from_addr = c->coach_email, .to_name = p->name, .to_addr = p->email,
	    .reply_to = c->coach_email, .subject = sb_str(subject), .date = now,
	    .message_id = message_id, .body = sb_str(body),
	    .attachment = (const unsigned char *)pl->pdf, .attachment_len = pl->pdf_len,
	    .attachment_name = pl->pdf_name }, &msg, &why);
	if (rc < 0) {
		r->refused++;
		sb_addf(&r->refusals, "%s: not planned: %s\n", p->email, why.msg);
		rc = 0;
	} else if ((rc = store_planned(st, c, p, pl->step, pl->kind, pl->points, pl->refund,
	    sb_str(subject), &msg, message_id, now, pl->session_id, pl->offset, e)) >= 0) {
		r->added += rc == 0;
		r->already += rc == 1;
		rc = 0;
	}
	free(message_id);
	sb_free(&msg);
	return rc;
}

/* Returns 1 if person p has a live outbox row for 'step'; -1 on error. */
static int
already_planned(struct store *st, int64_t participant_id, int step, su_err *e)
{
	static const char *const sql =
		"SELECT 1 FROM outbox WHERE participant_id = ? AND step = ?"
		" AND step >= 0 AND state <> 'withdrawn'";	/* the words of the partial index */
	sqlite3_stmt *stmt = store_stmt(st, sql, e);
	int rc;

	if (stmt == NULL)
		return -1;
	db_bind_int(stmt, 1, participant_id);
	db_bind_int(stmt, 2, step);
	rc = db_step_row(stmt, e);
	sqlite3_reset(stmt);
	return rc;
}

/*
 * Renders person p's commitment report as of 'now' into *pdf (the bytes of a
 * file written and removed again); 0 or -1 with 'e' set.
 */
static int
report_bytes(struct store *st, const struct roll *roll, const struct participant *p,
    const struct pdf_options *attach, int64_t now, char **pdf, size_t *len, su_err *e)
{
	const char *tmp = getenv("TMPDIR");
	char *path = xasprintf("%s/showup-report-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	struct report_request rq = { .pdf = *attach, .as_of = now, .path = path };
	int fd = mkstemp(path), rc = -1;

	rq.pdf.date = now;
	if (fd < 0) {
		su_err_set(e, "cannot make a temporary file for the report");
		goto done;
	}
	close(fd);
	if (report_commitment(st, roll->cohort, &roll->policy, p->email, &rq, e) == 0 &&
	    (*pdf = file_read_all(path, 256u << 20, len, e)) != NULL)
		rc = 0;
	unlink(path);
done:
	sb_free(&rq.warnings);
	free(path);
	return rc;
}

/* Plans person i's due step; counts it in r. 0, or -1 on a store error. */
static int
plan_person(struct store *st, const struct roll *roll, size_t i,
    const struct notice_templates *t, int64_t now, const struct pdf_options *attach,
    struct plan_result *r, su_err *e)
{
	const struct participant *p = &roll->people.v[i];
	const struct engine_person_result *pr = roll_person(roll, i);
	const char *kind = roll->policy.ladder[pr->step_due].kind;
	const struct notice_template *tpl = notice_template_find(t, kind);	/* loaded: all kinds */
	int last = pr->step_due + 1 == (int)roll->policy.n_steps;
	int64_t expires = now + (int64_t)roll->policy.refund_days * 86400;
	struct planned pl = { pr->step_due, kind, pr->points,
		last && roll->policy.refund != REFUND_NONE ? roll->result.refund_cents : -1,
		0, -1, NULL, 0, NULL };
	struct strbuf subject = STRBUF_INIT, body = STRBUF_INIT;
	char *pdf = NULL, *pdf_name = NULL;
	int rc;

	if ((rc = already_planned(st, p->id, pr->step_due, e)) != 0) {
		r->already += rc == 1;
		return rc < 0 ? -1 : 0;
	}
	if (attach != NULL &&
	    report_bytes(st, roll, p, attach, now, &pdf, &pl.pdf_len, e) < 0)
		return -1;
	render_notice(roll, i, pr->step_due, pl.refund, expires, tpl, &subject, &body);
	if (pdf != NULL) {
		pl.pdf = pdf;
		pl.pdf_name = pdf_name = xasprintf("commitment-%s.pdf", roll->cohort->slug);
	}
	rc = plan_message(st, roll->cohort, p, &pl, &subject, &body, now, r, e);
	free(pdf);
	free(pdf_name);
	sb_free(&subject);
	sb_free(&body);
	return rc;
}

/* Plans a reminder of session j for person i, 'offset' minutes ahead; 0 or -1. */
static int
plan_reminder(struct store *st, const struct roll *roll, size_t i, size_t j, int offset,
    const struct notice_template *t, int64_t now, struct plan_result *r, su_err *e)
{
	const struct participant *p = &roll->people.v[i];
	const struct session *s = &roll->sessions.v[j];
	struct planned pl = { -1, t->kind, 0, -1, s->id, offset, NULL, 0, NULL };
	struct strbuf subject = STRBUF_INIT, body = STRBUF_INIT;
	char number[16], when[48], minutes[16];
	struct base_values b;
	int rc;

	base_scope(roll, p, &b);
	snprintf(number, sizeof number, "%d", s->number);
	snprintf(minutes, sizeof minutes, "%d", s->minutes);
	time_format_human(roll->cohort->tz, s->starts_at, when, sizeof when);
	{
		const struct tpl_field fields[] = {
			{ "notice.kind", t->kind, NULL },
			{ "session.number", number, NULL }, { "session.date", when, NULL },
			{ "session.title", s->title, NULL },
			{ "session.location", s->location, NULL },
			{ "session.kind", session_kind_name(s->kind), NULL },
			{ "session.minutes", minutes, NULL },
		};
		const struct tpl_scope scope = { fields, ARRAY_SIZE(fields), &b.scope };

		render_pair(t, &scope, &subject, &body);
	}
	rc = plan_message(st, roll->cohort, p, &pl, &subject, &body, now, r, e);
	sb_free(&subject);
	sb_free(&body);
	return rc;
}

/* Plans the session reminders due now: at each offset before a session to come. */
static int
plan_reminders(struct store *st, const struct roll *roll, const struct notice_templates *t,
    int64_t now, struct plan_result *r, su_err *e)
{
	const struct notice_template *tpl = notice_template_find(t, "session-reminder");

	for (size_t j = 0; tpl != NULL && j < roll->sessions.n; j++) {
		const struct session *s = &roll->sessions.v[j];

		for (size_t k = 0; k < roll->policy.n_reminders; k++) {
			if (s->cancelled || now >= s->starts_at ||
			    now < s->starts_at - (int64_t)roll->policy.reminders[k] * 60)
				continue;
			for (size_t i = 0; i < roll->people.n; i++)
				if (roll_outcome(roll, i, j) == OUTCOME_UPCOMING &&
				    plan_reminder(st, roll, i, j, roll->policy.reminders[k], tpl,
				    now, r, e) < 0)
					return -1;
		}
	}
	return 0;
}

/* Withdraws pending rows whose step is no longer due (points corrected down); a count or -1. */
static int
withdraw_stale(struct store *st, const struct roll *roll, su_err *e)
{
	static const char *const sql_pending =
		"SELECT id, participant_id, step, coalesce(session_id, 0) FROM outbox"
		" WHERE cohort_id = ? AND (state = 'pending' OR state = 'retry')";
	static const char *const sql_withdraw =
		"UPDATE outbox SET state = 'withdrawn' WHERE id = ?";
	sqlite3_stmt *stmt = store_stmt(st, sql_pending, e);
	int64_t *stale = NULL;
	size_t n = 0, i;
	int rc;

	if (stmt == NULL)
		return -1;
	db_bind_int(stmt, 1, roll->cohort->id);
	while ((rc = db_step_row(stmt, e)) == 1) {
		int step = sqlite3_column_int(stmt, 2);
		size_t j;

		if (idmap_get(&roll->person_index, sqlite3_column_int64(stmt, 1), &i) &&
		    (step >= 0 ? roll_person(roll, i)->step_due == step :
		    idmap_get(&roll->session_index, sqlite3_column_int64(stmt, 3), &j) &&
		    roll_outcome(roll, i, j) == OUTCOME_UPCOMING))	/* still expected, no word */
			continue;
		stale = xrealloc(stale, (n + 1) * sizeof *stale);
		stale[n++] = sqlite3_column_int64(stmt, 0);
	}
	sqlite3_reset(stmt);
	for (size_t k = 0; rc == 0 && k < n; k++) {
		char id[32];

		snprintf(id, sizeof id, "outbox %lld", (long long)stale[k]);
		if ((stmt = store_stmt(st, sql_withdraw, e)) == NULL)
			rc = -1;
		else {
			db_bind_int(stmt, 1, stale[k]);
			rc = db_step_done(stmt, e);
		}
		if (rc == 0)
			rc = audit_add(st, roll->cohort->id, "notice withdraw", id, "pending",
			    "withdrawn: no longer due", e);
	}
	free(stale);
	return rc < 0 ? -1 : (int)n;
}

int
outbox_plan(struct store *st, const struct cohort *c, const struct policy *p,
    const struct notice_templates *t, int64_t now, const struct pdf_options *attach,
    struct plan_result *r, su_err *e)
{
	struct roll roll;
	int rc = -1, n;

	if (roll_load(st, c, p, now, &roll, e) < 0)
		return -1;
	if (store_begin(st, e) < 0)
		goto done;
	if ((n = withdraw_stale(st, &roll, e)) < 0)
		goto rollback;
	r->withdrawn += (size_t)n;
	for (size_t i = 0; i < roll.people.n; i++)
		if (roll_person(&roll, i)->step_due >= 0 &&
		    plan_person(st, &roll, i, t, now, attach, r, e) < 0)
			goto rollback;
	if (plan_reminders(st, &roll, t, now, r, e) < 0)
		goto rollback;
	rc = store_commit(st, e);
	goto done;
rollback:
	store_rollback(st);
done:
	roll_free(&roll);
	return rc;
}

void
plan_result_free(struct plan_result *r)
{
	sb_free(&r->refusals);
}

int
outbox_list_all(struct store *st, int64_t cohort_id, const char *state, int bytes,
    struct outbox_list *out, su_err *e)
{
	static const char *const sql =
		"SELECT o.id, o.participant_id, p.email, p.name, o.kind, o.step, o.points,"
		" o.subject, o.state, o.attempts, o.message_id, o.reply, o.planned_at,"
		" coalesce(o.sent_at, 0), CASE WHEN ?3 THEN o.message END"
		" FROM outbox o JOIN participant p ON p.id = o.participant_id"
		" WHERE o.cohort_id = ?1 AND (?2 IS NULL OR o.state = ?2) ORDER BY o.id";
	sqlite3_stmt *stmt = store_stmt(st, sql, e);
	int rc;

	memset(out, 0, sizeof *out);
	if (stmt == NULL)
		return -1;
	db_bind_int(stmt, 1, cohort_id);
	db_bind_text(stmt, 2, state);
	db_bind_int(stmt, 3, bytes);
	while ((rc = db_step_row(stmt, e)) == 1) {
		struct outbox_row *o;

		out->v = xrealloc(out->v, (out->n + 1) * sizeof *out->v);
		o = &out->v[out->n++];
		memset(o, 0, sizeof *o);
		o->id = sqlite3_column_int64(stmt, 0);
		o->participant_id = sqlite3_column_int64(stmt, 1);
		o->email = db_column_dup(stmt, 2);
		o->name = db_column_dup(stmt, 3);
		o->kind = db_column_dup(stmt, 4);
		o->step = sqlite3_column_int(stmt, 5);
		o->points = sqlite3_column_int(stmt, 6);
		o->subject = db_column_dup(stmt, 7);
		o->state = db_column_dup(stmt, 8);
		o->attempts = sqlite3_column_int(stmt, 9);
		o->message_id = db_column_dup(stmt, 10);
		o->reply = db_column_dup(stmt, 11);
		o->planned_at = sqlite3_column_int64(stmt, 12);
		o->sent_at = sqlite3_column_int64(stmt, 13);
		if (bytes) {
			o->message_len = (size_t)sqlite3_column_bytes(stmt, 14);
			o->message = xmalloc(o->message_len + 1);
			memcpy(o->message, sqlite3_column_blob(stmt, 14) ? sqlite3_column_blob(stmt,
			    14) : "", o->message_len);
		}
	}
	sqlite3_reset(stmt);
	if (rc < 0)
		outbox_list_free(out);
	return rc;
}

void
outbox_list_free(struct outbox_list *l)
{
	for (size_t i = 0; i < l->n; i++) {
		struct outbox_row *o = &l->v[i];

		free(o->email);
		free(o->name);
		free(o->kind);
		free(o->subject);
		free(o->state);
		free(o->message_id);
		free(o->reply);
		free(o->message);
	}
	free(l->v);
	memset(l, 0, sizeof *l);
}
