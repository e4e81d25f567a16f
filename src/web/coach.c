/* SPDX-License-Identifier: Apache-2.0 */
/* coach.c - the coach's pages: signing in by a one-time link, the sessions of today
 * and the week, and the roll call of one session, each tap its own transaction. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "web.h"
#include "showup/lang.h"
#include "showup/model.h"
#include "showup/policy-store.h"
#include "showup/timeutil.h"
#include "showup/words.h"

/*
 * Uses a login token and starts a session in one transaction, remembering the
 * device as 'label' too if that is not NULL: 1 with *sid (and *device) set, 0 refused, -1.
 */
static int
login_tx(struct store *st, const char *token, int64_t now, const char *label, char **sid,
    char **device, su_err *e)
{
	int rc = webauth_login_use(st, token, now, e);

	if (rc <= 0)
		return rc;
	if (label != NULL && (*device = webauth_device_create(st, label, now, e)) == NULL)
		return -1;
	return (*sid = webauth_session_create(st, now, e)) == NULL ? -1 : 1;
}

/* The Set-Cookie value of session 'sid' (Secure when the browser came by HTTPS). */
static char *
session_cookie(const struct web_request *rq, const char *sid)
{
	return xasprintf(SESSION_COOKIE "=%s; Path=/; HttpOnly; SameSite=Strict; Max-Age=%d%s",
	    sid, WEBAUTH_IDLE_SECONDS, rq->secure ? "; Secure" : "");
}

/*
 * The login link's landing page: a button that posts to the link, which alone
 * uses it up, so a chat app's preview or a HEAD leaves it good for the coach.
 */
static void
landing(struct web *w, const char *token, struct web_reply *r)
{
	char *action = xasprintf("/login/%s", token);
	const struct tpl_field f[] = { { "text", "Sign in to take the roll from this "
		"browser; the link then works no more.", NULL }, { "action", action, NULL } };
	const struct tpl_scope s = { f, ARRAY_SIZE(f), NULL };

	page_render(&w->pages, r, 200, PAGE_LOGIN, "Sign in", &s);
	free(action);
}

void
coach_login(struct web *w, const struct web_request *rq, const char *token,
    struct web_reply *r)
{
	const char *remember = form_get(&rq->form, "remember");
	char *sid = NULL, *device = NULL;
	int rc;
	su_err e;

	if (strcmp(rq->method, "POST") != 0) {	/* a preview or a HEAD must not use it up */
		landing(w, token, r);
		return;
	}
	rc = STORE_TX(w->st, &e, login_tx(w->st, token, time_now(), remember != NULL &&
	    strcmp(remember, "1") == 0 ? (rq->agent ? rq->agent : "a browser") : NULL, &sid,
	    &device, &e));
	if (rc < 0) {
		page_message(&w->pages, r, 500, "Something went wrong", e.msg, NULL, NULL);
	} else if (rc == 0) {
		page_message(&w->pages, r, 403, "This link does not sign you in",
		    "A login link works once, for 15 minutes. 'showup serve --login' makes a "
		    "fresh one.", NULL, NULL);
	} else {
		r->set_cookie = session_cookie(rq, sid);
		if (device != NULL)
			r->set_cookie2 = xasprintf(DEVICE_COOKIE "=%s; Path=/; HttpOnly; "
			    "SameSite=Strict; Max-Age=%d%s", device, WEBAUTH_DEVICE_SECONDS,
			    rq->secure ? "; Secure" : "");
		/* a page, not a redirect: a Strict cookie is not sent on a chain begun elsewhere */
		page_message(&w->pages, r, 200, "Signed in", device ? "You can take the roll "
		    "from this browser; it stays signed in for 30 days unless you sign it out "
		    "with 'showup serve --revoke'." : "You can take the roll from this browser "
		    "for the next 12 hours of use.", "/", "Today's sessions");
	}
	free(sid);
	free(device);
}

/* Returns UTC midnight-ish: the start of the local day of 'now' in zone 'tz'. */
static int64_t
local_day_start(const char *tz, int64_t now)
{
	struct civil c;
	int64_t t;
	int off;

	if (tz_utc_to_local(tz, now, &c, &off) < 0)
		return now;
	c.hour = c.minute = c.second = 0;
	return tz_local_to_utc(tz, &c, &t) < 0 ? now : t;
}

/* Returns who a 1:1 or practice session s is with, "with Ana Lima and Bo Berg"; "" for a group. */
static const char *
session_with(struct store *st, struct arena *a, const struct participant_list *people,
    const struct session *s)
{
	const char **names = NULL;
	int64_t *ids = NULL;
	size_t nids = 0, count = 0;
	struct strbuf sb = STRBUF_INIT;
	const char *out = "";

	if (s->kind == SESSION_GROUP ||
	    session_expected_ids(st, s->id, &ids, &nids, NULL) < 0 || nids == 0)
		goto done;
	names = xcalloc(nids, sizeof *names);
	for (size_t k = 0; k < people->n; k++)	/* by name, as the roll lists them */
		for (size_t i = 0; i < nids; i++)
			if (ids[i] == people->v[k].id)
				names[count++] = people->v[k].name;
	names_joined(names, count, &sb);
	out = arena_printf(a, "with %s", sb_str(&sb));
done:
	sb_free(&sb);
	free(names);
	free(ids);
	return out;
}

/* Adds the sessions of cohort c from today to a week on to 'items' (grown in 'a'). */
static void
add_week(struct store *st, struct arena *a, const struct cohort *c,
    const struct session_list *l, int64_t now, struct tpl_scope **items, size_t *n)
{
	struct participant_list people;
	int64_t from = local_day_start(c->tz, now), to = from + 7 * 86400;
	char when[40];

	if (participant_list_all(st, c->id, 1, &people, NULL) < 0)
		people = (struct participant_list){ NULL, 0 };
	for (size_t i = 0; i < l->n; i++) {
		const struct session *s = &l->v[i];
		struct tpl_field *f;

		if (s->starts_at < from || s->starts_at >= to)
			continue;
		*items = xrealloc(*items, (*n + 1) * sizeof **items);
		f = arena_array(a, 7, sizeof *f);
		f[0] = (struct tpl_field){ "href", arena_printf(a, "/s/%s/%d", c->slug,
		    s->number), NULL };
		f[1] = (struct tpl_field){ "when", arena_keep(a, xstrdup(time_format_human(c->tz,
		    s->starts_at, when, sizeof when))), NULL };
		f[2] = (struct tpl_field){ "cohort", c->slug, NULL };
		f[3] = (struct tpl_field){ "number", arena_printf(a, "%d", s->number), NULL };
		f[4] = (struct tpl_field){ "title", s->title, NULL };
		f[5] = (struct tpl_field){ "state", s->cancelled ? "called off" : "", NULL };
		f[6] = (struct tpl_field){ "with", session_with(st, a, &people, s), NULL };
		(*items)[(*n)++] = (struct tpl_scope){ f, 7, NULL };
	}
	participant_list_free(&people);
}

/* The sessions of every cohort from today to a week on. */
static void
sessions_page(struct web *w, struct web_reply *r)
{
	struct cohort_list cl = { 0 };
	struct session_list *sl;
	struct arena a = { 0 };
	struct tpl_scope *items = NULL;
	struct tpl_list list;
	size_t n = 0;
	int64_t now = time_now();
	su_err e;

	if (cohort_list_all(w->st, &cl, &e) < 0) {
		page_message(&w->pages, r, 500, "Something went wrong", e.msg, NULL, NULL);
		return;
	}
	sl = xcalloc(cl.n + 1, sizeof *sl);
	for (size_t i = 0; i < cl.n; i++)
		if (session_list_all(w->st, cl.v[i].id, &sl[i], &e) == 0)
			add_week(w->st, &a, &cl.v[i], &sl[i], now, &items, &n);
	list = (struct tpl_list){ items, n };
	{
		const struct tpl_field f = { "sessions", NULL, &list };
		const struct tpl_scope s = { &f, 1, NULL };

		page_render(&w->pages, r, 200, PAGE_SESSIONS, "Sessions this week", &s);
	}
	for (size_t i = 0; i < cl.n; i++)
		session_list_free(&sl[i]);
	free(sl);
	free(items);
	arena_free(&a);
	cohort_list_free(&cl);
}

/* A session named by a path "SLUG/N[/ACTION]": what was found. */
struct roll_target {
	struct cohort c;
	struct session s;
	struct policy pol;
	const char *action;	/* "" for the page itself */
};

/* Finds the cohort, session and policy "SLUG/N[/ACTION]" names; 1 found, 0 not, -1 error. */
static int
find_target(struct store *st, const char *path, struct roll_target *t, su_err *e)
{
	char slug[40];
	size_t len = strcspn(path, "/");
	long long number;
	char num[16];
	const char *rest;
	int rc;

	if (len == 0 || len >= sizeof slug || path[len] != '/')
		return 0;
	memcpy(slug, path, len);
	slug[len] = '\0';
	rest = path + len + 1;
	len = strcspn(rest, "/");
	if (len == 0 || len >= sizeof num)
		return 0;
	memcpy(num, rest, len);
	num[len] = '\0';
	if (parse_int(num, 1, 1000000, &number) < 0 || !slug_valid(slug))
		return 0;
	t->action = rest[len] == '/' ? rest + len + 1 : "";
	if ((rc = cohort_find(st, slug, &t->c, e)) <= 0)
		return rc;
	if ((rc = session_find(st, &t->c, (int)number, &t->s, e)) <= 0) {
		cohort_free(&t->c);
		return rc;
	}
	if (policy_load(st, &t->c, &t->pol, e) < 0) {
		session_free(&t->s);
		cohort_free(&t->c);
		return -1;
	}
	return 1;
}

/* Fills the item of one expected person (their record so far) for the roll page; 1 if recorded. */
static int
person_item(struct web *w, struct arena *a, const struct roll_target *t,
    const struct participant *p, struct tpl_scope *item)
{
	struct tpl_field *f = arena_array(a, 6, sizeof *f);
	struct attendance at;
	enum outcome o = OUTCOME_UNRECORDED;
	int known = attendance_get(w->st, t->s.id, p->id, &at, NULL) == 1;
	int theirs = known && attendance_is_their_word(&at);

	f[0] = (struct tpl_field){ "name", arena_keep(a, xstrdup(p->name)), NULL };
	f[1] = (struct tpl_field){ "email", arena_keep(a, xstrdup(p->email)), NULL };
	f[2] = (struct tpl_field){ "anchor", arena_printf(a, "p%lld", (long long)p->id), NULL };
	f[3] = (struct tpl_field){ "record", known ? arena_keep(a, attendance_short_words(
	    &t->pol, t->c.tz, &t->s, &at, &o)) : _("not recorded yet"), NULL };
	/* the coach's own marks can be undone here (attendance_clear's rule) */
	f[4] = (struct tpl_field){ "undoable", known && !theirs ? "1" : "", NULL };
	/* the card's colour: the outcome the policy judges it (outcome_of) */
	f[5] = (struct tpl_field){ "state", known ? outcome_name(o) : "none", NULL };
	*item = (struct tpl_scope){ f, 6, NULL };
	if (known)
		attendance_free(&at);
	return known;
}

/*
 * The people of the roll page: everyone expected, and who else could walk in;
 * *unmarked counts the expected with nothing recorded.
 */
static void
roll_people(struct web *w, struct arena *a, const struct roll_target *t,
    struct tpl_list *people, struct tpl_list *others, size_t *unmarked)
{
	struct participant_list l;
	struct tpl_scope *pv, *ov;

	people->n = others->n = *unmarked = 0;
	if (participant_list_all(w->st, t->c.id, 1, &l, NULL) < 0)
		l = (struct participant_list){ NULL, 0 };
	pv = arena_array(a, l.n, sizeof *pv);
	ov = arena_array(a, l.n, sizeof *ov);
	for (size_t i = 0; i < l.n; i++) {
		if (session_expects(w->st, &t->s, &l.v[i], NULL) == 1) {
			*unmarked += !person_item(w, a, t, &l.v[i], &pv[people->n++]);
		} else if (l.v[i].status == PARTICIPANT_ACTIVE) {
			struct tpl_field *f = arena_array(a, 2, sizeof *f);

			f[0] = (struct tpl_field){ "email", arena_keep(a, xstrdup(l.v[i].email)),
			    NULL };
			f[1] = (struct tpl_field){ "name", arena_keep(a, xstrdup(l.v[i].name)), NULL };
			ov[others->n++] = (struct tpl_scope){ f, 2, NULL };
		}
		participant_free(&l.v[i]);
	}
	free(l.v);
	people->items = pv;
	others->items = ov;
}

/* Returns session kind k in words of this thread's language: "group session". */
static const char *
kind_words(enum session_kind k)
{
	static const char *const words[] = { N_("group session"), N_("1:1 session"),
		N_("practice session") };

	return (unsigned)k < ARRAY_SIZE(words) ? _(words[k]) : session_kind_name(k);
}

/* The roll call page of a session, with 'flash' (a refusal) said at the top if given. */
static void
roll_page(struct web *w, const struct web_request *rq, const struct roll_target *t,
    int status, const char *flash, struct web_reply *r)
{
	struct arena a = { 0 };
	struct tpl_list people, others, accepted = { NULL, t->pol.n_accepted };
	struct tpl_scope *reasons = arena_array(&a, t->pol.n_accepted, sizeof *reasons);
	char csrf[WEBAUTH_TOKEN_LEN + 1];
	char *base = arena_printf(&a, "/s/%s/%d", t->c.slug, t->s.number);
	size_t unmarked;

	for (size_t i = 0; i < t->pol.n_accepted; i++) {
		struct tpl_field *f = arena_array(&a, 2, sizeof *f);
		struct strbuf why = STRBUF_INIT;

		reason_words(t->pol.accepted[i], &why);
		f[0] = (struct tpl_field){ "code", t->pol.accepted[i], NULL };
		f[1] = (struct tpl_field){ "words", arena_keep(&a, sb_detach(&why)), NULL };
		reasons[i] = (struct tpl_scope){ f, 2, NULL };
	}
	accepted.items = reasons;
	roll_people(w, &a, t, &people, &others, &unmarked);
	webauth_form_token(&w->key, rq->session, csrf);
	{
		const struct tpl_field f[] = {
			{ "session.when", page_when(&a, t->c.tz, t->s.starts_at, WHEN_FULL),
			  NULL },
			{ "session.kind", kind_words(t->s.kind), NULL },
			{ "session.location", t->s.location, NULL },
			{ "flash", flash, NULL }, { "csrf", csrf, NULL },
			{ "action_mark", arena_printf(&a, "%s/mark", base), NULL },
			{ "action_undo", arena_printf(&a, "%s/undo", base), NULL },
			{ "action_walk_in", arena_printf(&a, "%s/walk-in", base), NULL },
			{ "walk_in", !session_expects_everyone(&t->s) && others.n > 0 ? "1" : "", NULL },
			{ "people", NULL, &people }, { "accepted", NULL, &accepted },
			{ "candidates", NULL, &others },
			/* present is recorded once a session starts (the core's timing rule) */
			{ "rest", unmarked > 0 && time_now() >= t->s.starts_at && !t->s.cancelled ?
			  arena_printf(&a, "%s/rest", base) : "", NULL },
		};
		const struct tpl_scope s = { f, ARRAY_SIZE(f), NULL };
		char *title = arena_printf(&a, "%s:%d %s", t->c.slug, t->s.number, t->s.title);

		page_render(&w->pages, r, status, PAGE_ROLL, title, &s);
	}
	arena_free(&a);
}

/* What one tap asks for: a person and what to record (or undo). */
struct tap {
	const struct roll_target *t;
	const struct form *form;
	const char *action;	/* "mark", "undo" or "walk-in" */
	int64_t now;
	int replace;		/* the second tap: it may replace what they told us */
};

/* Reads the tap's answer into a fact spec; 0, or -1 with 'e' set. */
static int
tap_spec(const struct form *f, struct fact_spec *spec, su_err *e)
{
	const char *status = form_get(f, "status");

	memset(spec, 0, sizeof *spec);
	if (status == NULL || !(strcmp(status, "present") == 0 || strcmp(status, "late") == 0 ||
	    strcmp(status, "no-show") == 0 || strcmp(status, "excused") == 0))
		return su_err_set(e, "%s", _("choose present, late, no-show or excused"));
	spec->status = status;
	if (strcmp(status, "late") == 0 &&
	    ((spec->minutes = form_get(f, "minutes")) == NULL || *spec->minutes == '\0'))
		return su_err_set(e, "%s", _("give the minutes late, then tap Late"));
	if (strcmp(status, "excused") == 0)
		spec->reason = form_get(f, "reason");
	return 0;
}

/* Records one tap (the caller's transaction); 0 or more, or -1 with 'e' set. */
static int
tap_record(struct store *st, const struct tap *tp, su_err *e)
{
	const struct roll_target *t = tp->t;
	const char *email = form_get(tp->form, "email");
	struct fact_spec spec = { .status = "present" };
	struct participant p;
	int rc;

	if (email == NULL)
		return su_err_set(e, "%s", _("no participant named"));
	if (strcmp(tp->action, "mark") == 0 && tap_spec(tp->form, &spec, e) < 0)
		return -1;
	if (participant_find(st, &t->c, email, &p, e) <= 0)
		return -1;
	if (strcmp(tp->action, "undo") == 0)
		rc = attendance_clear(st, &t->c, &t->s, &p, 0, e);
	else
		rc = attendance_record(st, &t->c, &t->pol, &t->s, &p, &spec,
		    (strcmp(tp->action, "walk-in") == 0 ? RECORD_WALK_IN : 0) |
		    (tp->replace ? RECORD_REPLACE : 0), tp->now, e);
	participant_free(&p);
	return rc;
}

/* Returns what p told us about t's session in a card's words, or NULL if nothing (caller frees). */
static char *
their_word_short(struct store *st, const struct roll_target *t, const struct participant *p)
{
	struct attendance at;
	enum outcome o;
	char *words = NULL;

	if (attendance_get(st, t->s.id, p->id, &at, NULL) != 1)
		return NULL;
	if (attendance_is_their_word(&at))
		words = attendance_short_words(&t->pol, t->c.tz, &t->s, &at, &o);
	attendance_free(&at);
	return words;
}

/* Returns the words of the button that replaces what a participant told us with the
 * mark 'status' ("present", "late", "no-show", "excused"). */
static const char *
replace_words(const char *status)
{
	static const char *const words[][2] = { { "present", N_("Replace with present") },
		{ "late", N_("Replace with late") }, { "no-show", N_("Replace with no-show") },
		{ "excused", N_("Replace with excused") } };

	for (size_t k = 0; status != NULL && k < ARRAY_SIZE(words); k++)
		if (strcmp(status, words[k][0]) == 0)
			return _(words[k][1]);
	return _(words[0][1]);	/* the form's default mark */
}

/*
 * The second tap: what the participant told us, and a button that replaces it
 * with the mark tapped (the form again, with replace=1). Nothing is written.
 */
static void
replace_page(struct web *w, const struct web_request *rq, const struct roll_target *t,
    struct web_reply *r)
{
	const struct form *fm = &rq->form;
	const char *email = form_get(fm, "email"), *status = form_get(fm, "status");
	struct participant p;
	struct arena a = { 0 };
	char csrf[WEBAUTH_TOKEN_LEN + 1], *words = NULL;
	su_err e;

	if (email == NULL || participant_find(w->st, &t->c, email, &p, &e) <= 0) {
		roll_page(w, rq, t, 409, _("The record changed meanwhile: look again."), r);
		return;
	}
	if ((words = their_word_short(w->st, t, &p)) == NULL) {
		participant_free(&p);
		roll_page(w, rq, t, 409, _("The record changed meanwhile: look again."), r);
		return;
	}
	webauth_form_token(&w->key, rq->session, csrf);
	{
		const struct tpl_field f[] = {
			{ "name", p.name, NULL }, { "email", p.email, NULL },
			{ "record", words, NULL }, { "status", status ? status : "present", NULL },
			{ "minutes", form_get(fm, "minutes"), NULL },
			{ "reason", form_get(fm, "reason"), NULL }, { "csrf", csrf, NULL },
			{ "verdict", _("Record the mark instead? What they told us is kept, and "
			  "Undo brings it back."), NULL },
			{ "replace_with", replace_words(status), NULL },
			{ "action_mark", arena_printf(&a, "/s/%s/%d/mark", t->c.slug,
			  t->s.number), NULL },
			{ "back", arena_printf(&a, "/s/%s/%d#p%lld", t->c.slug, t->s.number,
			  (long long)p.id), NULL },
		};
		const struct tpl_scope s = { f, ARRAY_SIZE(f), NULL };

		page_render(&w->pages, r, 409, PAGE_REPLACE, _("Replace what they told us?"), &s);
	}
	free(words);
	participant_free(&p);
	arena_free(&a);
}

/* Answers a POST to a session: checks the form token, records the tap, back to the page. */
static void
roll_post(struct web *w, const struct web_request *rq, const struct roll_target *t,
    struct web_reply *r)
{
	const char *email = form_get(&rq->form, "email"), *replace = form_get(&rq->form,
	    "replace");
	struct tap tp = { t, &rq->form, t->action, time_now(),
		replace != NULL && strcmp(replace, "1") == 0 };
	int rc;
	su_err e;

	if (!web_form_allowed(w, rq, rq->session, t->c.coach_email, r))
		return;
	if ((rc = STORE_TX(w->st, &e, tap_record(w->st, &tp, &e))) == ATTENDANCE_THEIR_WORD) {
		replace_page(w, rq, t, r);
		return;
	}
	if (rc < 0) {
		roll_page(w, rq, t, store_failed(e.msg) ? 500 : 422, e.msg, r);
		return;
	}
	{
		struct participant p;
		char *to = NULL;

		if (email != NULL && participant_find(w->st, &t->c, email, &p, NULL) == 1) {
			to = xasprintf("/s/%s/%d#p%lld", t->c.slug, t->s.number, (long long)p.id);
			participant_free(&p);
		}
		page_redirect(r, to ? to : "/");
		free(to);
	}
}

/* The expected people of t's session with nothing recorded: "everyone else" (caller frees). */
static int
unmarked_people(struct store *st, const struct roll_target *t, struct participant_list *out,
    su_err *e)
{
	struct participant_list l;
	struct attendance at;
	size_t n = 0;

	if (participant_list_all(st, t->c.id, 1, &l, e) < 0)
		return -1;
	for (size_t i = 0; i < l.n; i++) {
		int rc = 1;	/* not expected, or recorded: not one of them */

		if (session_expects(st, &t->s, &l.v[i], NULL) == 1 &&
		    (rc = attendance_get(st, t->s.id, l.v[i].id, &at, NULL)) == 1)
			attendance_free(&at);
		if (rc == 0)
			l.v[n++] = l.v[i];
		else
			participant_free(&l.v[i]);
	}
	l.n = n;
	*out = l;
	return 0;
}

/*
 * The confirmation of "everyone else present": the names of who will be
 * marked, and a form naming them (by id), so only they are, whatever happens
 * meanwhile. Nothing is written.
 */
static void
rest_page(struct web *w, const struct web_request *rq, const struct roll_target *t,
    struct web_reply *r)
{
	struct participant_list l;
	struct arena a = { 0 };
	struct strbuf who = STRBUF_INIT;
	struct tpl_scope *items;
	struct tpl_list list;
	char csrf[WEBAUTH_TOKEN_LEN + 1];
	char *back = arena_printf(&a, "/s/%s/%d", t->c.slug, t->s.number);
	su_err e;

	if (unmarked_people(w->st, t, &l, &e) < 0) {
		page_message(&w->pages, r, 500, _("Something went wrong"), e.msg, back,
		    _("Back"));
		arena_free(&a);
		return;
	}
	if (l.n == 0) {
		page_message(&w->pages, r, 409, _("Everyone has a mark"), _("Everyone expected "
		    "has a mark already: there is nobody else to mark present."), back,
		    _("Back to the roll call"));
		goto out;
	}
	items = arena_array(&a, l.n, sizeof *items);
	for (size_t i = 0; i < l.n; i++) {
		struct tpl_field *f = arena_array(&a, 1, sizeof *f);

		*f = (struct tpl_field){ "name", arena_keep(&a, xstrdup(l.v[i].name)), NULL };
		items[i] = (struct tpl_scope){ f, 1, NULL };
		sb_addf(&who, "%s%lld", i ? "," : "", (long long)l.v[i].id);
	}
	list = (struct tpl_list){ items, l.n };
	webauth_form_token(&w->key, rq->session, csrf);
	{
		const struct tpl_field f[] = {
			{ "session.when", page_when(&a, t->c.tz, t->s.starts_at, WHEN_FULL),
			  NULL },
			{ "session.kind", kind_words(t->s.kind), NULL },
			{ "people", NULL, &list }, { "csrf", csrf, NULL },
			{ "who", sb_str(&who), NULL }, { "back", back, NULL },
			{ "action", arena_printf(&a, "%s/rest", back), NULL },
			{ "confirm", l.n == 1 ? _("Mark this person present") :
			  arena_printf(&a, lang_ngettext("Mark %zu person present",
			  "Mark these %zu people present", l.n), l.n), NULL },
		};
		const struct tpl_scope sc = { f, ARRAY_SIZE(f), NULL };

		page_render(&w->pages, r, 200, PAGE_REST, _("Everyone else present?"), &sc);
	}
out:
	sb_free(&who);
	participant_list_free(&l);
	arena_free(&a);
}

/* Returns 1 if id is one of the comma-separated ids of 'list'. */
static int
id_listed(const char *list, int64_t id)
{
	char want[24];
	size_t n = (size_t)snprintf(want, sizeof want, "%lld", (long long)id);

	for (const char *p = list; p != NULL && *p; ) {
		size_t len = strcspn(p, ",");

		if (len == n && strncmp(p, want, n) == 0)
			return 1;
		p = p[len] == ',' ? p + len + 1 : NULL;
	}
	return 0;
}

/*
 * Marks present those of 'who' (ids) still without a record at t's session,
 * each through attendance_record as a new record only (the core refuses to
 * write over anything recorded meanwhile): the caller's one transaction.
 */
static int
rest_record(struct store *st, const struct roll_target *t, const char *who, int64_t now,
    su_err *e)
{
	struct fact_spec spec = { .status = "present" };
	struct participant_list l;
	int rc = 0;

	if (who == NULL || *who == '\0')
		return su_err_set(e, "%s", _("nobody named to mark present"));
	if (unmarked_people(st, t, &l, e) < 0)
		return -1;
	for (size_t i = 0; i < l.n && rc >= 0; i++)
		if (id_listed(who, l.v[i].id))
			rc = attendance_record(st, &t->c, &t->pol, &t->s, &l.v[i], &spec,
			    RECORD_NEW_ONLY, now, e);
	participant_list_free(&l);
	return rc < 0 ? -1 : 0;
}

/* Answers the confirmed "everyone else present": the form token, the marks, back to the roll. */
static void
rest_post(struct web *w, const struct web_request *rq, const struct roll_target *t,
    struct web_reply *r)
{
	su_err e;
	char *to;

	if (!web_form_allowed(w, rq, rq->session, t->c.coach_email, r))
		return;
	if (STORE_TX(w->st, &e, rest_record(w->st, t, form_get(&rq->form, "who"),
	    time_now(), &e)) < 0) {
		roll_page(w, rq, t, store_failed(e.msg) ? 500 : 422, e.msg, r);
		return;
	}
	to = xasprintf("/s/%s/%d", t->c.slug, t->s.number);
	page_redirect(r, to);
	free(to);
}

/*
 * The roll call: GET shows it, POST to .../mark, .../undo or .../walk-in records a
 * tap. It speaks the cohort's language, as its participants read it (the coach's
 * list of sessions, across cohorts, stays English).
 */
static void
roll_route(struct web *w, const struct web_request *rq, const char *path,
    struct web_reply *r)
{
	struct roll_target t;
	int post = strcmp(rq->method, "POST") == 0, rc;
	const char *was;
	su_err e;

	if ((rc = find_target(w->st, path, &t, &e)) <= 0) {
		page_message(&w->pages, r, rc < 0 ? 500 : 404, "Not found", rc < 0 ? e.msg :
		    "No such session.", "/", "All sessions");
		return;
	}
	was = lang_use(t.c.language);
	if (!post && *t.action == '\0')
		roll_page(w, rq, &t, 200, NULL, r);
	else if (strcmp(t.action, "rest") == 0)
		(post ? rest_post : rest_page)(w, rq, &t, r);
	else if (post && (strcmp(t.action, "mark") == 0 || strcmp(t.action, "undo") == 0 ||
	    strcmp(t.action, "walk-in") == 0))
		roll_post(w, rq, &t, r);
	else
		page_message(&w->pages, r, post ? 404 : 405, _("Not found"), _("Nothing is here."),
		    "/", _("All sessions"));
	lang_use(was);
	session_free(&t.s);
	cohort_free(&t.c);
}

/* Starts a session for a remembered device in one transaction: 1 with *sid set, 0 refused, -1. */
static int
device_tx(struct store *st, const char *device, int64_t now, char **sid, su_err *e)
{
	int rc = webauth_device_use(st, device, now, e);

	if (rc <= 0)
		return rc;
	return (*sid = webauth_session_create(st, now, e)) == NULL ? -1 : 1;
}

/*
 * A new session for the remembered device of rq (once its session ended):
 * 1 with *sid set and its cookie in 'r', 0 if none or not remembered, -1 with 'e' set.
 */
static int
device_session(struct web *w, const struct web_request *rq, char **sid,
    struct web_reply *r, su_err *e)
{
	int rc;

	if (rq->device == NULL)
		return 0;
	if ((rc = STORE_TX(w->st, e, device_tx(w->st, rq->device, time_now(), sid, e))) == 1)
		r->set_cookie = session_cookie(rq, *sid);
	return rc;
}

/*
 * Checks the coach's browser session, reading only; 1 if signed in (*sid: a
 * new session a remembered device started, else NULL), else the page saying
 * how to. Its last use moves on (once a minute) only if the database is free
 * at once: a page is never kept waiting by another writer.
 */
static int
signed_in(struct web *w, const struct web_request *rq, char **sid, struct web_reply *r)
{
	int rc = 0, stale = 0;
	su_err e;

	*sid = NULL;
	if (rq->session != NULL)
		rc = webauth_session_check(w->st, rq->session, time_now(), &stale, &e);
	if (rc == 1 && stale) {
		store_set_lock_wait(w->st, 0);
		STORE_TX(w->st, &e, webauth_session_touch(w->st, rq->session, time_now(), &e));
		store_set_lock_wait(w->st, WEB_LOCK_WAIT_MS);
		store_gave_up_waiting(w->st);	/* touched on another page, then */
	}
	if (rc == 0)
		rc = device_session(w, rq, sid, r, &e);
	if (rc == 1)
		return 1;
	free(*sid);	/* made, but its transaction did not commit */
	*sid = NULL;
	page_message(&w->pages, r, rc < 0 ? 500 : 403, "Sign in first", rc < 0 ? e.msg :
	    "Open the login link that 'showup serve' printed (or scan its QR code); "
	    "'showup serve --login' makes a fresh one.", NULL, NULL);
	return 0;
}

void
coach_route(struct web *w, const struct web_request *rq, struct web_reply *r)
{
	struct web_request mine = *rq;	/* with the session a remembered device began */
	char *sid;

	if (!signed_in(w, rq, &sid, r))
		return;
	if (sid != NULL)
		mine.session = sid;
	if (strcmp(rq->path, "/") == 0 && strcmp(rq->method, "POST") != 0)
		sessions_page(w, r);
	else if (strncmp(rq->path, "/s/", 3) == 0)
		roll_route(w, &mine, rq->path + 3, r);
	else
		page_message(&w->pages, r, 404, "Not found", "Nothing is here.", "/",
		    "All sessions");
	free(sid);
}
