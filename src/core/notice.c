/* SPDX-License-Identifier: Apache-2.0 */
/* notice.c - the notices' words: templates loaded and checked, and rendered for one
 * participant (a ladder step or a session reminder). outbox-plan.c plans them. */
#include "config.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "showup/lang.h"
#include "showup/money.h"
#include "showup/notice.h"
#include "showup/roll.h"
#include "showup/timeutil.h"
#include "showup/words.h"

static const char *const schema_names[] = {
	"participant.name", "participant.first_name", "participant.call_name",
	"participant.email", "cohort.name", "cohort.slug", "coach.name", "coach.email",
	"points", "points_one", "notice.kind", "notice.sent", "policy.cutoff",
	"policy.late_rule",
	"refund", "refund.amount", "refund.expires", "refund.days", "refund.days_one",
	"session.number", "session.name", "session.day", "session.date", "session.title",
	"session.location", "session.kind", "session.minutes", "session.minutes_one",
	"session.zone", "session.cutoff", "session.cutoff_passed", "session.group",
	"session.practice", "session.coaching", "session.with", "session.old_date",
	"session.old_day", "session.old_minutes", "session.old_minutes_one",
	"session.old_location",
	"place.in_time", "place.late_cancel", "place.excused", "place.reason",
	"partner.name", "partner.first_name", "link", "calendar.cancels",
	"digest.from", "digest.to", "digest.sessions", "digest.rate", "digest.points",
	"digest.at_risk", "digest.sent", "digest.waiting", "digest.held", "digest.own_changes",
	"digest.pairs_alone", NULL
};
static const char *const schema_lists[] = { "events", "sessions", NULL };
static const char *const schema_items[] = { "session.number", "session.name",
	"session.date", "session.title", "session.kind", "outcome", "points", "points_one",
	"reason", "late", "late.minutes", NULL };

const struct notice_kind notice_kinds[] = {
	{ .name = "session-reminder", .about = NOTICE_REMINDER },
	{ .name = "session-cancelled", .about = NOTICE_CHANGE, .cancels_entry = 1 },
	{ .name = "session-moved", .about = NOTICE_CHANGE },
	{ .name = "partner-cancelled", .about = NOTICE_CHANGE },
	{ .name = "place-moved", .about = NOTICE_CHANGE },
	{ .name = "place-left", .about = NOTICE_CHANGE, .cancels_entry = 1 },
	{ .name = "session-invitation", .about = NOTICE_CHANGE, .first_entry = 1,
	  .yields_to = "place-moved place-offered" },
	/* places.c: a place given from the waiting list, with its calendar entry */
	{ .name = "place-offered", .about = NOTICE_CHANGE, .first_entry = 1 },
	{ .name = "correction", .about = NOTICE_RECORD },
	/* exits.c: a leaver's confirmation clears their calendar of the sessions to come */
	{ .name = "withdrawal-confirmed", .about = NOTICE_CHANGE, .cancels_entry = 1 },
	{ .name = "refund-accepted", .about = NOTICE_CHANGE, .cancels_entry = 1 },
	{ .name = "refund-offered", .about = NOTICE_CHANGE },
	{ .name = "refund-declined", .about = NOTICE_CHANGE },
	{ .name = "partner-left", .about = NOTICE_CHANGE },
	{ .name = "partner-added", .about = NOTICE_CHANGE },
	{ .name = "place-removed", .about = NOTICE_CHANGE, .cancels_entry = 1 },
	{ .name = "coach-digest", .about = NOTICE_COACH },
	{ .name = "coach-copy", .about = NOTICE_COACH },
	{ .name = NULL }
};

const struct notice_kind *
notice_kind_find(const char *name)
{
	for (size_t k = 0; notice_kinds[k].name != NULL; k++)
		if (strcmp(notice_kinds[k].name, name) == 0)
			return &notice_kinds[k];
	return NULL;
}

size_t
notice_kind_names(enum notice_about about, const char **names, size_t max)
{
	size_t n = 0;

	for (size_t k = 0; notice_kinds[k].name != NULL && n + 1 < max; k++)
		if (notice_kinds[k].about == about)
			names[n++] = notice_kinds[k].name;
	names[n] = NULL;
	return n;
}

const struct tpl_schema notice_schema = { schema_names, schema_lists, schema_items };

/* Returns the first of roots[0..n) (each freed or returned) holding a "warning", or NULL. */
static char *
first_templates_root(char **roots, size_t n)
{
	char *found = NULL;

	for (size_t i = 0; i < n; i++) {
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

char *
notice_templates_dir(void)
{
	const char *env = getenv("SHOWUP_TEMPLATES");
	char *roots[2] = { env && *env ? xstrdup(env) : NULL, notice_templates_shipped() };

	return first_templates_root(roots, 2);
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

/* Returns 1 if dir/name is a folder (a language's templates: de/), else 0. */
static int
is_folder(const char *dir, const char *name)
{
	char *path = xasprintf("%s/%s", dir, name);
	struct stat st;
	int rc = stat(path, &st) == 0 && S_ISDIR(st.st_mode);

	free(path);
	return rc;
}

/* Lists the template files of 'dir' (every name but README, dot files and folders). */
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
		    strchr(de->d_name, '~') != NULL || is_folder(dir, de->d_name))
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

int
notice_templates_add(struct notice_templates *t, const char *const *kinds,
    const char *fallback, su_err *e)
{
	for (size_t i = 0; kinds[i] != NULL; i++) {
		char *own = xasprintf("%s/%s", t->dir, kinds[i]);
		const char *dir = access(own, F_OK) == 0 || fallback == NULL ? t->dir : fallback;

		free(own);
		if (notice_template_find(t, kinds[i]) != NULL)
			continue;
		t->v = xrealloc(t->v, (t->n + 1) * sizeof *t->v);
		if (load_one(dir, kinds[i], &t->v[t->n], e) < 0)
			return -1;
		t->n++;
	}
	return 0;
}

char *
notice_templates_shipped(void)
{
	const char *data = getenv("SHOWUP_DATADIR");
	char *roots[3] = { data && *data ? xasprintf("%s/templates", data) : NULL,
		xasprintf("%s/templates", PKGDATADIR), xasprintf("%s/templates", SRCDIR) };

	return first_templates_root(roots, 3);
}

/* Returns the folder holding the template of 'kind' in 'lang' by the order of
 * notice_templates_load_langs (the caller frees it), or NULL. */
static char *
lang_template_dir(const char *own, const char *shipped, const char *cohort_lang,
    const char *lang, const char *kind)
{
	int english = strcmp(lang, lang_codes[0]) == 0;
	char *dirs[5] = { NULL, NULL, NULL, NULL, NULL }, *found = NULL;

	dirs[0] = own ? xasprintf("%s/%s", own, lang) : NULL;
	dirs[1] = own && strcmp(lang, cohort_lang) == 0 ? xstrdup(own) : NULL;
	dirs[2] = shipped && !english ? xasprintf("%s/%s", shipped, lang) : NULL;
	dirs[3] = shipped ? xstrdup(shipped) : NULL;
	dirs[4] = own ? xstrdup(own) : NULL;
	for (size_t k = 0; k < 5; k++) {
		char *path = dirs[k] ? xasprintf("%s/%s", dirs[k], kind) : NULL;

		if (found == NULL && path != NULL && access(path, F_OK) == 0) {
			found = dirs[k];
			dirs[k] = NULL;
		}
		free(path);
		free(dirs[k]);
	}
	return found;
}

/* Returns 1 if kinds[k] is one of kinds[0..k), else 0. */
static int
kinds_seen(const char *const *kinds, size_t k)
{
	for (size_t i = 0; i < k; i++)
		if (strcmp(kinds[i], kinds[k]) == 0)
			return 1;
	return 0;
}

int
notice_templates_load_langs(const char *own, const char *shipped,
    const char *cohort_lang, const char *const *kinds, struct notice_templates *out,
    su_err *e)
{
	int rc = 0;

	memset(out, 0, sizeof *out);
	out->dir = xstrdup(own ? own : shipped ? shipped : "");
	cohort_lang = lang_known(cohort_lang) ? cohort_lang : lang_codes[0];
	for (size_t l = 0; lang_codes[l] != NULL && rc == 0; l++) {
		for (size_t i = 0; kinds[i] != NULL && rc == 0; i++) {
			char *dir;

			if (i > 0 && kinds_seen(kinds, i))
				continue;
			dir = lang_template_dir(own, shipped, cohort_lang, lang_codes[l], kinds[i]);
			out->v = xrealloc(out->v, (out->n + 1) * sizeof *out->v);
			if ((rc = load_one(dir ? dir : own ? own : shipped ? shipped : ".",
			    kinds[i], &out->v[out->n], e)) == 0)
				out->v[out->n++].lang = lang_codes[l];
			free(dir);
		}
	}
	if (rc < 0)
		notice_templates_free(out);
	return rc;
}

const struct notice_template *
notice_template_find(const struct notice_templates *t, const char *kind)
{
	const char *lang = lang_now();
	const struct notice_template *any = NULL;

	for (size_t i = 0; i < t->n; i++) {
		if (strcmp(t->v[i].kind, kind) != 0)
			continue;
		if (t->v[i].lang == NULL || strcmp(t->v[i].lang, lang) == 0)
			return &t->v[i];
		if (any == NULL)
			any = &t->v[i];
	}
	return any;
}

void
notice_templates_free(struct notice_templates *t)
{
	free(t->link_base);
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
	char points[16], amount[48], expires[160], days[16];
	struct tpl_scope *items;
	struct tpl_field *item_fields;
	struct strbuf *item_text;	/* EVENT_TEXTS a row */
	size_t nitems;
	struct tpl_list events;
};

/* Writes moment t in 'zone' into buf as the reader reads it: in English as showup
 * always wrote it ('human': "Tue 2027-09-14 18:00", else "2027-09-14 18:00"),
 * else by the language's rules (reader_date). */
static char *
when_text(const char *zone, int64_t t, int human, char *buf, size_t size)
{
	if (lang_is_english() && !human)
		return time_format_local(zone, t, buf, size);
	return reader_date_into(zone, t, buf, size);
}

/* Writes an amount into buf as the reader writes it (reader_amount). */
static void
amount_text(int64_t cents, const char *currency, char *buf, size_t size)
{
	struct strbuf sb = STRBUF_INIT;

	reader_amount(cents, currency, &sb);
	snprintf(buf, size, "%s", sb_str(&sb));
	sb_free(&sb);
}

/* Appends, for each person expected at session j but i, their call name, into names. */
static size_t
expected_call_names(const struct roll *r, size_t i, size_t j, int past, char **names)
{
	size_t n = 0;

	for (size_t k = 0; k < r->people.n; k++) {
		enum outcome o = roll_outcome(r, k, j);

		if (k != i && (past ? o != OUTCOME_NOT_EXPECTED :
		    o == OUTCOME_UPCOMING || o == OUTCOME_NOT_HELD))
			names[n++] = participant_call_name(&r->people.v[k]);
	}
	return n;
}

/*
 * Appends session j as person i knows it (session_name): a 1:1 with the
 * coach, practice with the others expected ('past': all once expected, else
 * those still coming).
 */
static void
name_session(const struct roll *r, size_t i, size_t j, int past, struct strbuf *out)
{
	const struct session *s = &r->sessions.v[j];
	struct session_naming n = { .kind = s->kind, .starts_at = s->starts_at,
		.zone = r->cohort->tz, .with = "" };
	struct strbuf with = STRBUF_INIT;
	char **names = NULL;
	size_t count = 0;

	if (s->kind == SESSION_COACHING) {
		names = xcalloc(1, sizeof *names);
		names[count++] = call_name_default(r->cohort->coach_name);
	} else if (s->kind == SESSION_PRACTICE) {
		names = xcalloc(r->people.n + 1, sizeof *names);
		count = expected_call_names(r, i, j, past, names);
	}
	names_joined((const char *const *)names, count, &with);
	n.with = sb_str(&with);
	session_name(&n, out);
	for (size_t k = 0; k < count; k++)
		free(names[k]);
	free(names);
	sb_free(&with);
}

enum { EVENT_TEXTS = 7, EVENT_FIELDS = 10 };

/* Builds the events list of person i: the sessions that brought them points. */
static void
build_events(const struct roll *r, size_t i, struct notice_values *v)
{
	size_t ns = r->sessions.n;

	v->items = xcalloc(ns + 1, sizeof *v->items);
	v->item_fields = xcalloc(EVENT_FIELDS * (ns + 1), sizeof *v->item_fields);
	v->item_text = xcalloc(EVENT_TEXTS * (ns + 1), sizeof *v->item_text);
	for (size_t j = 0; j < ns; j++) {
		const struct session *s = &r->sessions.v[j];
		enum outcome o = roll_scoring_outcome(r, i, j);
		int pts = roll_points(r, i, j);
		struct attendance buf;
		const struct attendance *a = roll_fact(r, i, j, &buf);
		struct tpl_field *f = &v->item_fields[EVENT_FIELDS * v->nitems];
		struct strbuf *t = &v->item_text[EVENT_TEXTS * v->nitems];
		char when[96];

		if (pts <= 0)
			continue;
		sb_addf(&t[0], "%d", s->number);
		sb_adds(&t[1], when_text(r->cohort->tz, s->starts_at, 0, when, sizeof when));
		event_words(o, o == OUTCOME_LATE && a ? a->minutes_late : 0, &t[2]);
		reason_words(a ? a->reason : NULL, &t[6]);
		sb_addf(&t[3], "%d", pts);
		name_session(r, i, j, 1, &t[4]);
		sb_addf(&t[5], "%d", o == OUTCOME_LATE && a ? a->minutes_late : 0);
		f[0] = (struct tpl_field){ "session.number", sb_str(&t[0]), NULL };
		f[1] = (struct tpl_field){ "session.date", sb_str(&t[1]), NULL };
		f[2] = (struct tpl_field){ "session.title", s->title, NULL };
		f[3] = (struct tpl_field){ "outcome", sb_str(&t[2]), NULL };
		f[4] = (struct tpl_field){ "points", sb_str(&t[3]), NULL };
		f[5] = (struct tpl_field){ "reason", sb_str(&t[6]), NULL };
		f[6] = (struct tpl_field){ "session.name", sb_str(&t[4]), NULL };
		f[7] = (struct tpl_field){ "points_one", pts == 1 ? "yes" : "", NULL };
		f[8] = (struct tpl_field){ "late", o == OUTCOME_LATE ? "yes" : "", NULL };
		f[9] = (struct tpl_field){ "late.minutes", sb_str(&t[5]), NULL };
		v->items[v->nitems++] = (struct tpl_scope){ f, EVENT_FIELDS, NULL };
	}
	v->events = (struct tpl_list){ v->items, v->nitems };
}

/* Frees what build_events made. */
static void
free_events(struct notice_values *v)
{
	for (size_t k = 0; k < EVENT_TEXTS * v->nitems; k++)
		sb_free(&v->item_text[k]);
	free(v->items);
	free(v->item_fields);
	free(v->item_text);
}

/* The names every notice offers: who it goes to, the cohort, the coach, the cutoff. */
struct base_values {
	char *call_name, link[512];
	struct strbuf cutoff, late_rule;
	struct tpl_field fields[11];
	struct tpl_scope scope;		/* the parent of each notice's own names */
};

/* Writes p's personal link (serve's /p/TOKEN) into buf, or "" when links are off. */
static void
personal_link(const struct roll *r, const struct notice_links *links,
    const struct participant *p, char *buf, size_t size)
{
	char *token;

	buf[0] = '\0';
	if (links == NULL || links->base == NULL)
		return;
	token = webauth_link_token(&links->key, r->cohort->id, p->id,
	    r->now + WEBAUTH_LINK_SECONDS);
	snprintf(buf, size, "%s/p/%s", links->base, token);
	free(token);
}

/* Fills b for a notice to p ({{link}} by 'links'); b must stay where it is while it is used,
 * and be freed by base_free. */
static void
base_scope(const struct roll *r, const struct notice_links *links, const struct participant *p,
    struct base_values *b)
{
	const struct cohort *c = r->cohort;

	b->call_name = participant_call_name(p);
	b->cutoff = (struct strbuf)STRBUF_INIT;
	b->late_rule = (struct strbuf)STRBUF_INIT;
	cutoff_words(&r->policy, &b->cutoff);
	late_rule_words(&r->policy, &b->late_rule);
	b->fields[0] = (struct tpl_field){ "participant.name", p->name, NULL };
	b->fields[1] = (struct tpl_field){ "participant.first_name", b->call_name, NULL };
	b->fields[2] = (struct tpl_field){ "participant.email", p->email, NULL };
	b->fields[3] = (struct tpl_field){ "cohort.name", c->name, NULL };
	b->fields[4] = (struct tpl_field){ "cohort.slug", c->slug, NULL };
	b->fields[5] = (struct tpl_field){ "coach.name", c->coach_name, NULL };
	b->fields[6] = (struct tpl_field){ "coach.email", c->coach_email, NULL };
	b->fields[7] = (struct tpl_field){ "policy.cutoff", sb_str(&b->cutoff), NULL };
	b->fields[8] = (struct tpl_field){ "link", b->link, NULL };
	b->fields[9] = (struct tpl_field){ "participant.call_name", b->call_name, NULL };
	b->fields[10] = (struct tpl_field){ "policy.late_rule", sb_str(&b->late_rule), NULL };
	personal_link(r, links, p, b->link, sizeof b->link);
	b->scope = (struct tpl_scope){ b->fields, ARRAY_SIZE(b->fields), NULL };
}

/* Frees what base_scope made. */
static void
base_free(struct base_values *b)
{
	free(b->call_name);
	sb_free(&b->cutoff);
	sb_free(&b->late_rule);
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

void
notice_render_step(const struct roll *r, const struct notice_links *links, size_t i, int k,
    int64_t refund_cents, int64_t expires, const struct notice_template *t,
    struct strbuf *subject, struct strbuf *body)
{
	const struct cohort *c = r->cohort;
	struct notice_values v = { .nitems = 0 };
	struct base_values b;
	int refund = policy_offer_step(&r->policy, k) && r->policy.refund != REFUND_NONE;

	base_scope(r, links, &r->people.v[i], &b);
	snprintf(v.points, sizeof v.points, "%d", roll_person(r, i)->points);
	amount_text(refund_cents, c->currency, v.amount, sizeof v.amount);
	when_text(c->tz, expires, 0, v.expires, sizeof v.expires);
	snprintf(v.days, sizeof v.days, "%d", r->policy.refund_days);
	snprintf(v.expires + strlen(v.expires), sizeof v.expires - strlen(v.expires), " (%s)",
	    c->tz);
	build_events(r, i, &v);
	{
		const struct tpl_field fields[] = {
			{ "points", v.points, NULL }, { "notice.kind", t->kind, NULL },
			{ "points_one", roll_person(r, i)->points == 1 ? "yes" : "", NULL },
			{ "refund", refund ? "yes" : "", NULL },
			{ "refund.amount", refund ? v.amount : "", NULL },
			{ "refund.expires", refund ? v.expires : "", NULL },
			{ "refund.days", v.days, NULL },
			{ "refund.days_one", r->policy.refund_days == 1 ? "yes" : "", NULL },
			{ "events", NULL, &v.events },
		};
		const struct tpl_scope scope = { fields, ARRAY_SIZE(fields), &b.scope };

		render_pair(t, &scope, subject, body);
	}
	free_events(&v);
	base_free(&b);
}

/* Writes ladder kind 'kind' as the reader names it: "final-notice" is "final notice". */
static void
kind_words(const char *kind, char *buf, size_t size)
{
	static const char *const named[][2] = { { "policy-reminder", N_("policy reminder") },
		{ "warning", N_("warning") }, { "final-notice", N_("final notice") } };

	for (size_t k = 0; k < ARRAY_SIZE(named); k++) {
		if (strcmp(named[k][0], kind) == 0) {
			snprintf(buf, size, "%s", _(named[k][1]));
			return;
		}
	}
	snprintf(buf, size, "%s", kind);
	for (char *dash = strchr(buf, '-'); dash != NULL; dash = strchr(dash, '-'))
		*dash = ' ';	/* a kind of the coach's own, read as words */
}

void
notice_render_correction(const struct roll *r, const struct notice_links *links,
    size_t i, const char *kind, int64_t sent_at, const struct notice_template *t,
    struct strbuf *subject, struct strbuf *body)
{
	struct notice_values v = { .nitems = 0 };
	struct base_values b;
	char sent[96], what[64];

	base_scope(r, links, &r->people.v[i], &b);
	snprintf(v.points, sizeof v.points, "%d", roll_person(r, i)->points);
	when_text(r->cohort->tz, sent_at, 0, sent, sizeof sent);
	kind_words(kind, what, sizeof what);
	build_events(r, i, &v);
	{
		const struct tpl_field fields[] = {
			{ "points", v.points, NULL }, { "notice.kind", what, NULL },
			{ "points_one", roll_person(r, i)->points == 1 ? "yes" : "", NULL },
			{ "notice.sent", sent, NULL }, { "events", NULL, &v.events },
		};
		const struct tpl_scope scope = { fields, ARRAY_SIZE(fields), &b.scope };

		render_pair(t, &scope, subject, body);
	}
	free_events(&v);
	base_free(&b);
}

/* Writes "Mon 2027-03-01 09:00 (Europe/London)": a moment people read, with its zone. */
static void
format_zoned(const char *zone, int64_t t, char *buf, size_t size)
{
	size_t n;

	when_text(zone, t, 1, buf, size);
	n = strlen(buf);
	snprintf(buf + n, size - n, " (%s)", zone);
}

/* Appends the names of the others expected at session j (not person i): "Ann Early, Bo Busy". */
static void
others_expected(const struct roll *r, size_t i, size_t j, struct strbuf *out)
{
	for (size_t k = 0; k < r->people.n; k++) {
		enum outcome o = roll_outcome(r, k, j);

		if (k != i && (o == OUTCOME_UPCOMING || o == OUTCOME_NOT_HELD))
			sb_addf(out, "%s%s", out->len ? ", " : "", r->people.v[k].name);
	}
}

/* The texts a session notice shows, kept alive while it renders. */
struct session_values {
	char number[16], when[96], minutes[16], cutoff[160], old_when[96], old_minutes[16];
	char *partner_call;
	struct strbuf with, name, day, old_day, reason;
};

/* Returns the call name of the partner called 'name' in r (their own, else the default). */
static char *
partner_call_name(const struct roll *r, const char *name)
{
	for (size_t k = 0; k < r->people.n; k++)
		if (strcmp(r->people.v[k].name, name) == 0)
			return participant_call_name(&r->people.v[k]);
	return call_name_default(name);
}

void
notice_render_session(const struct roll *r, const struct notice_links *links, size_t i,
    size_t j, const struct notice_change *ch, const struct notice_template *t,
    struct strbuf *subject, struct strbuf *body)
{
	const struct session *s = &r->sessions.v[j];
	const char *partner = ch && ch->partner_name ? ch->partner_name : "";
	int64_t cutoff = r->esessions[j].cutoff;
	struct session_values v = { .with = STRBUF_INIT, .name = STRBUF_INIT,
		.day = STRBUF_INIT, .old_day = STRBUF_INIT, .reason = STRBUF_INIT };
	enum outcome place = roll_outcome(r, i, j);
	struct attendance buf;
	const struct attendance *a = roll_fact(r, i, j, &buf);
	struct base_values b;

	base_scope(r, links, &r->people.v[i], &b);
	snprintf(v.number, sizeof v.number, "%d", s->number);
	snprintf(v.minutes, sizeof v.minutes, "%d", s->minutes);
	when_text(r->cohort->tz, s->starts_at, 1, v.when, sizeof v.when);
	format_zoned(r->cohort->tz, cutoff, v.cutoff, sizeof v.cutoff);
	reason_words(a ? a->reason : NULL, &v.reason);
	if (ch != NULL && ch->old_starts_at != 0) {
		when_text(r->cohort->tz, ch->old_starts_at, 1, v.old_when, sizeof v.old_when);
		day_and_time(r->cohort->tz, ch->old_starts_at, &v.old_day);
	}
	if (ch != NULL && ch->old_minutes != 0)
		snprintf(v.old_minutes, sizeof v.old_minutes, "%d", ch->old_minutes);
	v.partner_call = partner_call_name(r, partner);
	if (s->kind != SESSION_GROUP)
		others_expected(r, i, j, &v.with);
	name_session(r, i, j, 0, &v.name);
	day_and_time(r->cohort->tz, s->starts_at, &v.day);
	{
		const struct tpl_field fields[] = {
			{ "notice.kind", t->kind, NULL },
			{ "session.number", v.number, NULL }, { "session.date", v.when, NULL },
			{ "session.name", sb_str(&v.name), NULL },
			{ "session.day", sb_str(&v.day), NULL },
			{ "session.title", s->title, NULL },
			{ "session.location", s->location, NULL },
			{ "session.kind", session_kind_name(s->kind), NULL },
			{ "session.minutes", v.minutes, NULL },
			{ "session.minutes_one", s->minutes == 1 ? "yes" : "", NULL },
			{ "session.zone", r->cohort->tz, NULL },
			{ "session.cutoff", v.cutoff, NULL },
			{ "session.cutoff_passed", r->now > cutoff ? "yes" : "", NULL },
			{ "session.group", s->kind == SESSION_GROUP ? "yes" : "", NULL },
			{ "session.practice", s->kind == SESSION_PRACTICE ? "yes" : "", NULL },
			{ "session.coaching", s->kind == SESSION_COACHING ? "yes" : "", NULL },
			{ "session.with", sb_str(&v.with), NULL },
			{ "session.old_date", v.old_when, NULL },
			{ "session.old_day", sb_str(&v.old_day), NULL },
			{ "session.old_minutes", v.old_minutes, NULL },
			{ "session.old_minutes_one", ch && ch->old_minutes == 1 ? "yes" : "", NULL },
			{ "session.old_location", ch && ch->old_location ? ch->old_location : "",
			  NULL },
			{ "place.in_time", place == OUTCOME_CANCELLED ||
			  place == OUTCOME_RESCHEDULED ? "yes" : "", NULL },
			{ "place.late_cancel", place == OUTCOME_LATE_CANCEL ? "yes" : "", NULL },
			{ "place.excused", place == OUTCOME_EXCUSED ? "yes" : "", NULL },
			{ "place.reason", sb_str(&v.reason), NULL },
			{ "partner.name", partner, NULL },
			{ "partner.first_name", v.partner_call, NULL },
		};
		const struct tpl_scope scope = { fields, ARRAY_SIZE(fields), &b.scope };

		render_pair(t, &scope, subject, body);
	}
	sb_free(&v.with);
	sb_free(&v.name);
	sb_free(&v.day);
	sb_free(&v.old_day);
	sb_free(&v.reason);
	free(v.partner_call);
	base_free(&b);
}

/* The texts a person notice shows, kept alive while it renders. */
struct person_values {
	char amount[48], expires[160], days[16];
	struct tpl_scope *items;
	struct tpl_field *item_fields;
	char (*when)[96];
	struct tpl_list sessions;
};

/* Builds the sessions list: each of roll r's columns 'cols' (n) by date, title and kind. */
static void
build_sessions(const struct roll *r, const size_t *cols, size_t n, struct person_values *v)
{
	v->items = xcalloc(n + 1, sizeof *v->items);
	v->item_fields = xcalloc(3 * (n + 1), sizeof *v->item_fields);
	v->when = xcalloc(n + 1, sizeof *v->when);
	for (size_t k = 0; k < n; k++) {
		const struct session *s = &r->sessions.v[cols[k]];
		struct tpl_field *f = &v->item_fields[3 * k];

		when_text(r->cohort->tz, s->starts_at, 1, v->when[k], sizeof v->when[k]);
		f[0] = (struct tpl_field){ "session.date", v->when[k], NULL };
		f[1] = (struct tpl_field){ "session.title", s->title, NULL };
		f[2] = (struct tpl_field){ "session.kind", session_kind_name(s->kind), NULL };
		v->items[k] = (struct tpl_scope){ f, 3, NULL };
	}
	v->sessions = (struct tpl_list){ v->items, n };
}

void
notice_render_person(const struct roll *r, const struct notice_links *links, size_t i,
    const struct notice_change *ch, const size_t *cols, size_t n,
    const struct notice_template *t, struct strbuf *subject, struct strbuf *body)
{
	const struct cohort *c = r->cohort;
	int refund = ch->refund_cents >= 0;
	struct person_values v;
	struct base_values b;

	memset(&v, 0, sizeof v);
	base_scope(r, links, &r->people.v[i], &b);
	amount_text(refund ? ch->refund_cents : 0, c->currency, v.amount, sizeof v.amount);
	if (ch->refund_until > 0)
		format_zoned(c->tz, ch->refund_until, v.expires, sizeof v.expires);
	snprintf(v.days, sizeof v.days, "%d", r->policy.refund_days);
	build_sessions(r, cols, n, &v);
	{
		const struct tpl_field fields[] = {
			{ "notice.kind", t->kind, NULL },
			{ "refund", refund ? "yes" : "", NULL },
			{ "refund.amount", refund ? v.amount : "", NULL },
			{ "refund.expires", v.expires, NULL },
			{ "refund.days", v.days, NULL },
			{ "sessions", NULL, &v.sessions },
			{ "session.zone", c->tz, NULL },
			{ "calendar.cancels", n > 0 ? "yes" : "", NULL },
		};
		const struct tpl_scope scope = { fields, ARRAY_SIZE(fields), &b.scope };

		render_pair(t, &scope, subject, body);
	}
	free(v.items);
	free(v.item_fields);
	free(v.when);
	base_free(&b);
}

void
notice_render_coach(const struct roll *r, const struct tpl_field *own, size_t n,
    const struct notice_template *t, struct strbuf *subject, struct strbuf *body)
{
	const struct cohort *c = r->cohort;
	const struct tpl_field fields[] = {
		{ "cohort.name", c->name, NULL }, { "cohort.slug", c->slug, NULL },
		{ "coach.name", c->coach_name, NULL }, { "coach.email", c->coach_email, NULL },
		{ "notice.kind", t->kind, NULL },
	};
	const struct tpl_scope base = { fields, ARRAY_SIZE(fields), NULL };
	const struct tpl_scope scope = { own, n, &base };

	render_pair(t, &scope, subject, body);
}
