/* SPDX-License-Identifier: Apache-2.0 */
/* person.c - a participant's own pages, opened by the signed link in their notices:
 * their coming sessions, and cancelling a place with the policy's verdict shown first. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "web.h"
#include "showup/model.h"
#include "showup/places.h"
#include "showup/policy-store.h"
#include "showup/privacy.h"
#include "showup/roll.h"
#include "showup/timeutil.h"
#include "showup/words.h"

/* Whose link it is: found from the token's ids. */
struct holder {
	const char *token;
	struct cohort c;
	struct participant p;
	struct policy pol;
};

/* Finds cohort 'cid' into *out; 1 found, 0 not. */
static int
cohort_by_id(struct store *st, int64_t cid, struct cohort *out)
{
	struct cohort_list l;
	int found = 0;

	if (cohort_list_all(st, &l, NULL) < 0)
		return 0;
	for (size_t i = 0; i < l.n; i++) {
		if (!found && l.v[i].id == cid) {
			*out = l.v[i];
			found = 1;
		} else {
			cohort_free(&l.v[i]);
		}
	}
	free(l.v);
	return found;
}

/* Finds active participant 'pid' of cohort c into *out; 1 found, 0 not. */
static int
participant_by_id(struct store *st, const struct cohort *c, int64_t pid,
    struct participant *out)
{
	struct participant_list l;
	int found = 0;

	if (participant_list_all(st, c->id, 0, &l, NULL) < 0)
		return 0;
	for (size_t i = 0; i < l.n; i++) {
		if (!found && l.v[i].id == pid) {
			*out = l.v[i];
			found = 1;
		} else {
			participant_free(&l.v[i]);
		}
	}
	free(l.v);
	return found;
}

/* Checks the token and finds whose it is; 1, or 0 with the refusal in 'r'. */
static int
holder_find(struct web *w, const char *token, struct holder *h, struct web_reply *r)
{
	int64_t cid, pid;
	su_err e;

	memset(h, 0, sizeof *h);
	h->token = token;
	if (!webauth_link_check(&w->key, token, time_now(), &cid, &pid, &e)) {
		page_message(&w->pages, r, 403, "This link does not open", "It may be "
		    "old or mistyped: the link in your latest message from your coach works.",
		    NULL, NULL);
		return 0;
	}
	if (!cohort_by_id(w->st, cid, &h->c))
		goto gone;
	if (!participant_by_id(w->st, &h->c, pid, &h->p) ||
	    participant_erased(w->st, pid, NULL) != 0) {	/* an erased person's link: gone */
		participant_free(&h->p);
		cohort_free(&h->c);
		goto gone;
	}
	if (policy_load(w->st, &h->c, &h->pol, &e) < 0) {
		participant_free(&h->p);
		cohort_free(&h->c);
		page_message(&w->pages, r, 500, "Something went wrong", e.msg, NULL, NULL);
		return 0;
	}
	return 1;
gone:
	page_message(&w->pages, r, 404, "Not found", "This link's place is no longer "
	    "in a cohort.", NULL, NULL);
	return 0;
}

static void
holder_free(struct holder *h)
{
	participant_free(&h->p);
	cohort_free(&h->c);
}

/*
 * Returns session s as the holder knows it (session_name): a 1:1 with the
 * coach, practice with the others on its list ('people': the cohort's); kept by 'a'.
 */
static const char *
page_session_name(struct web *w, struct arena *a, const struct holder *h,
    const struct participant_list *people, const struct session *s)
{
	struct session_naming n = { .kind = s->kind, .starts_at = s->starts_at,
		.zone = h->c.tz, .with = "" };
	struct strbuf out = STRBUF_INIT, with = STRBUF_INIT;
	char **names = xcalloc(people->n + 1, sizeof *names);
	int64_t *ids = NULL;
	size_t nids = 0, count = 0;

	if (s->kind == SESSION_COACHING)
		names[count++] = call_name_default(h->c.coach_name);
	else if (s->kind == SESSION_PRACTICE &&
	    session_expected_ids(w->st, s->id, &ids, &nids, NULL) == 0)
		for (size_t k = 0; k < people->n; k++)
			for (size_t i = 0; i < nids; i++)
				if (ids[i] == people->v[k].id && ids[i] != h->p.id)
					names[count++] = participant_call_name(&people->v[k]);
	names_joined((const char *const *)names, count, &with);
	n.with = sb_str(&with);
	session_name(&n, &out);
	for (size_t k = 0; k < count; k++)
		free(names[k]);
	free(names);
	free(ids);
	sb_free(&with);
	return arena_keep(a, sb_detach(&out));
}

/* Fills the item of one coming session of the holder; 'offers' says times are offered. */
static void
coming_item(struct web *w, struct arena *a, const struct holder *h,
    const struct participant_list *people, const struct session *s, int offers,
    struct tpl_scope *item)
{
	struct tpl_field *f = arena_array(a, 6, sizeof *f);
	struct attendance at;
	char when[40];
	int known = attendance_get(w->st, s->id, h->p.id, &at, NULL) == 1;

	f[0] = (struct tpl_field){ "when", arena_keep(a, xstrdup(time_format_human(h->c.tz,
	    s->starts_at, when, sizeof when))), NULL };
	f[1] = (struct tpl_field){ "title", s->title, NULL };
	f[2] = (struct tpl_field){ "record", known ? arena_keep(a, attendance_in_words(&h->pol,
	    h->c.tz, s, &at)) : "", NULL };
	/* a place with a record is not cancelled here (attendance_record's RECORD_NEW_ONLY) */
	f[3] = (struct tpl_field){ "href", known ? "" :
	    arena_printf(a, "/p/%s/cancel/%d", h->token, s->number), NULL };
	f[4] = (struct tpl_field){ "move", known || !offers || s->kind == SESSION_GROUP ||
	    reschedule_pair_refused(w->st, &h->pol, s, &h->p, NULL) != 0 ? "" :
	    arena_printf(a, "/p/%s/move/%d", h->token, s->number), NULL };
	f[5] = (struct tpl_field){ "name", page_session_name(w, a, h, people, s), NULL };
	*item = (struct tpl_scope){ f, 6, NULL };
	if (known)
		attendance_free(&at);
}

/*
 * Fills item f (5 fields, kept by 'a') for session s with places to come if the
 * holder may join it (a place, or the waiting list) or waits for a place there
 * (to leave the list); 1, or 0 if neither.
 */
static int
join_item(struct web *w, struct arena *a, const struct holder *h,
    const struct participant_list *people, const struct session *s, int64_t now,
    struct tpl_field *f)
{
	int pos = places_position(w->st, s, &h->p, NULL), taken;
	const char *verb = pos > 0 ? "leave" : "join";

	if (pos < 0 || (pos == 0 && places_join_refused(w->st, &h->c, s, &h->p, now,
	    NULL) != 0) || (taken = places_taken(w->st, s, NULL)) < 0)
		return 0;
	f[0] = (struct tpl_field){ "name", page_session_name(w, a, h, people, s), NULL };
	f[1] = (struct tpl_field){ "title", s->title, NULL };
	f[2] = (struct tpl_field){ "join", arena_printf(a, "/p/%s/%s/%d", h->token, verb,
	    s->number), NULL };
	f[3] = (struct tpl_field){ "state", pos > 0 ? "Leave the waiting list" :
	    places_free(s->capacity, taken) > 0 ? "Join" : "Join the waiting list", NULL };
	f[4] = (struct tpl_field){ "record", pos > 0 ? arena_printf(a, "you are number %d "
	    "on the waiting list", pos) : "", NULL };
	return 1;
}

/*
 * Fills 'out' with the sessions of 'l' to come, with places, that the holder
 * may join or waits at (join_item): a button each. Kept by 'a'.
 */
static void
join_list(struct web *w, struct arena *a, const struct holder *h,
    const struct participant_list *people, const struct session_list *l, int64_t now,
    struct tpl_list *out)
{
	struct tpl_scope *items = arena_array(a, l->n, sizeof *items);

	out->items = items;
	out->n = 0;
	for (size_t j = 0; j < l->n; j++) {
		struct tpl_field *f;

		if (l->v[j].capacity <= 0 || l->v[j].cancelled || l->v[j].starts_at <= now)
			continue;
		f = arena_array(a, 5, sizeof *f);
		if (join_item(w, a, h, people, &l->v[j], now, f))
			items[out->n++] = (struct tpl_scope){ f, 5, NULL };
	}
}

/* Joins the holder to session s (their page's button), or takes them off its waiting list
 * ('off'), in one transaction; the page says what came of it. */
static void
join_done(struct web *w, const struct holder *h, const struct session *s, int off,
    struct web_reply *r)
{
	char *back = xasprintf("/p/%s", h->token), *text;
	int rc, position = 0;
	su_err e;

	rc = off ? STORE_TX(w->st, &e, places_leave(w->st, &h->c, s, &h->p, time_now(), &e)) :
	    STORE_TX(w->st, &e, places_join(w->st, &h->c, s, &h->p, time_now(), &position,
	    &e));
	if (rc < 0) {
		page_message(&w->pages, r, store_failed(e.msg) ? 500 : 409, off ? "Not changed" :
		    "Not joined", e.msg, back, "Your sessions");
		free(back);
		return;
	}
	text = off ? xstrdup("You are off the waiting list.") : rc == PLACE_TAKEN ?
	    xstrdup("You have a place; it is on your list of sessions now, and counts like "
	    "any other.") : xasprintf("No place is free now: you are number %d on the "
	    "waiting list. If a place comes free, it is yours and you will hear of it.",
	    position);
	page_message(&w->pages, r, 200, off ? "Off the waiting list" : rc == PLACE_TAKEN ?
	    "Joined" : "On the waiting list", text, back, "Your sessions");
	free(text);
	free(back);
}

/* Answers the join (or leave, 'off') form of session "num": the form token, then join_done. */
static void
join_post(struct web *w, const struct web_request *rq, const struct holder *h,
    const char *num, int off, struct web_reply *r)
{
	struct session s;
	long long n;

	if (parse_int(num, 1, 1000000, &n) < 0 ||
	    session_find(w->st, &h->c, (int)n, &s, NULL) != 1) {
		page_message(&w->pages, r, 404, "Not found", "No such session.", NULL, NULL);
		return;
	}
	if (web_form_allowed(w, rq, h->token, h->p.email, r))
		join_done(w, h, &s, off, r);
	session_free(&s);
}

/*
 * The holder's page: their sessions to come, each with a way to cancel, and
 * for 1:1 and practice places, to move to a time the coach offered (not a pair
 * whose partners must agree first: reschedule_pair_refused).
 */
static void
person_page(struct web *w, const struct holder *h, struct web_reply *r)
{
	struct session_list l;
	struct participant_list people;
	struct arena a = { 0 };
	struct tpl_list list = { NULL, 0 }, joinable;
	struct tpl_scope *items;
	int64_t now = time_now(), *offered = NULL;
	size_t noffered = 0;
	char csrf[WEBAUTH_TOKEN_LEN + 1];

	if (session_list_all(w->st, h->c.id, &l, NULL) < 0)
		l = (struct session_list){ NULL, 0 };
	if (slot_list(w->st, &h->c, now, &offered, &noffered, NULL) < 0)
		noffered = 0;
	if (participant_list_all(w->st, h->c.id, 0, &people, NULL) < 0)
		people = (struct participant_list){ NULL, 0 };
	free(offered);
	items = arena_array(&a, l.n, sizeof *items);
	for (size_t i = 0; i < l.n; i++)
		if (l.v[i].starts_at > now && !l.v[i].cancelled &&
		    session_expects(w->st, &l.v[i], &h->p, NULL) == 1)
			coming_item(w, &a, h, &people, &l.v[i], noffered > 0, &items[list.n++]);
	list.items = items;
	join_list(w, &a, h, &people, &l, now, &joinable);
	webauth_form_token(&w->key, h->token, csrf);
	{
		const struct tpl_field f[] = { { "cohort", h->c.name, NULL },
			{ "sessions", NULL, &list }, { "joinable", NULL, &joinable },
			{ "join_any", joinable.n > 0 ? "1" : "", NULL }, { "csrf", csrf, NULL } };
		const struct tpl_scope s = { f, ARRAY_SIZE(f), NULL };

		page_render(&w->pages, r, 200, PAGE_PERSON, h->p.name, &s);
	}
	session_list_free(&l);
	participant_list_free(&people);
	arena_free(&a);
}

/*
 * Says what cancelling session s at 'now' counts as: before a reason is chosen
 * ('reason' NULL) what it may count as, once one is, what it counts as.
 */
static char *
verdict(const struct holder *h, const struct session *s, int64_t now, const char *reason,
    int *late)
{
	struct strbuf sb = STRBUF_INIT;
	int64_t cutoff;
	char when[40];

	*late = !policy_cancel_in_time(&h->pol, h->c.tz, s->starts_at, now, &cutoff);
	time_format_human(h->c.tz, cutoff, when, sizeof when);
	if (!*late) {
		sb_addf(&sb, "This is in time: cancelling before %s counts against nothing.",
		    when);
	} else if (reason != NULL && policy_reason_accepted(&h->pol, reason)) {
		*late = 0;
		sb_addf(&sb, "This is after the cutoff (%s), but your reason (%s) is an "
		    "accepted emergency: it is excused and counts against nothing.", when,
		    reason);
	} else if (reason != NULL) {
		sb_addf(&sb, "This is after the cutoff (%s): it counts as a late "
		    "cancellation.", when);
	} else {
		sb_addf(&sb, "This is after the cutoff (%s): it counts as a late "
		    "cancellation, unless the reason is an accepted emergency (", when);
		policy_reasons_describe(&h->pol, 1, &sb);
		sb_adds(&sb, ").");
	}
	return sb_detach(&sb);
}

/* A page that asks the holder to decide about a session: cancel or move their place. */
struct decision {
	enum page_id page;
	const char *title, *verb;	/* "cancel": its form posts to /p/TOKEN/cancel/N */
	const char *verdict;		/* what it will count as */
	int late;
	const char *list_name;		/* the choices: reasons, times */
	const struct tpl_list *list;
};

/* Renders decision 'd' about session s, the form bound to the holder's link. */
static void
decision_page(struct web *w, const struct holder *h, const struct session *s,
    struct arena *a, struct decision d, struct web_reply *r)
{
	char csrf[WEBAUTH_TOKEN_LEN + 1];
	struct participant_list people;

	if (participant_list_all(w->st, h->c.id, 0, &people, NULL) < 0)
		people = (struct participant_list){ NULL, 0 };
	{
		const struct tpl_field f[] = {
			{ "session.when", page_session_name(w, a, h, &people, s), NULL },
			{ "session.title", s->title, NULL }, { "verdict", d.verdict, NULL },
			{ "late", d.late ? "1" : "", NULL }, { "csrf", csrf, NULL },
			{ "action", arena_printf(a, "/p/%s/%s/%d", h->token, d.verb, s->number),
			  NULL },
			{ "back", arena_printf(a, "/p/%s", h->token), NULL },
			{ d.list_name, NULL, d.list },
		};
		const struct tpl_scope sc = { f, ARRAY_SIZE(f), NULL };

		webauth_form_token(&w->key, h->token, csrf);
		page_render(&w->pages, r, 200, d.page, d.title, &sc);
	}
	participant_list_free(&people);
}

/* The page that shows the verdict and asks for a reason before a cancellation. */
static void
cancel_page(struct web *w, const struct holder *h, const struct session *s,
    struct web_reply *r)
{
	struct arena a = { 0 };
	size_t n = h->pol.n_accepted + h->pol.n_other, k = 0;
	struct tpl_scope *reasons = arena_array(&a, n, sizeof *reasons);
	struct tpl_list list = { reasons, n };
	int late;
	char *said = arena_keep(&a, verdict(h, s, time_now(), NULL, &late));

	for (size_t i = 0; i < n; i++) {
		struct tpl_field *f = arena_array(&a, 1, sizeof *f);

		*f = (struct tpl_field){ "code", i < h->pol.n_accepted ? h->pol.accepted[i] :
		    h->pol.other[i - h->pol.n_accepted], NULL };
		reasons[k++] = (struct tpl_scope){ f, 1, NULL };
	}
	decision_page(w, h, s, &a, (struct decision){ PAGE_CANCEL, "Cancel your place?",
	    "cancel", said, late, "reasons", &list }, r);
	arena_free(&a);
}

/* Records the holder's cancellation of s at 'now', the server's clock (caller's transaction). */
static int
cancel_record(struct store *st, const struct holder *h, const struct session *s,
    const struct form *f, int64_t now, su_err *e)
{
	struct fact_spec spec = { .status = "cancelled", .reason = form_get(f, "reason"),
		.note = form_get(f, "note"), .cancelled_ts = now };

	if (spec.reason == NULL || *spec.reason == '\0')
		return su_err_set(e, "choose a reason");
	if (spec.note != NULL && *spec.note == '\0')
		spec.note = NULL;
	return attendance_record(st, &h->c, &h->pol, s, &h->p, &spec, RECORD_NEW_ONLY, now, e);
}

/* Answers the cancel form: the form token, then the record, then what it counts as. */
static void
cancel_post(struct web *w, const struct web_request *rq, const struct holder *h,
    const struct session *s, struct web_reply *r)
{
	int64_t now = time_now();
	char *said;
	int late;
	su_err e;

	if (!web_form_allowed(w, rq, h->token, h->p.email, r))
		return;
	if (STORE_TX(w->st, &e, cancel_record(w->st, h, s, &rq->form, now, &e)) < 0) {
		page_message(&w->pages, r, store_failed(e.msg) ? 500 : 422, "Not cancelled",
		    e.msg, NULL, NULL);
		return;
	}
	said = verdict(h, s, now, form_get(&rq->form, "reason"), &late);
	{
		char *text = xasprintf("Your coach has your cancellation. %s", said);
		char *back = xasprintf("/p/%s", h->token);

		page_message(&w->pages, r, 200, "Cancelled", text, back, "Your sessions");
		free(text);
		free(back);
	}
	free(said);
}

/*
 * Says what moving the holder's place at s at 'now' counts as, before anything
 * is recorded: the cutoff of the start it leaves, and reschedule.max.
 */
static char *
move_verdict(struct web *w, const struct holder *h, const struct session *s, int64_t now,
    int *late)
{
	struct strbuf sb = STRBUF_INIT;
	int64_t cutoff;
	char when[40];
	struct roll r;
	size_t i;
	int used = 0;

	if (policy_cutoff(&h->pol, h->c.tz, s->starts_at, &cutoff) < 0)
		cutoff = s->starts_at;
	if (roll_load(w->st, &h->c, &h->pol, now, &r, NULL) == 0) {
		if (idmap_get(&r.person_index, h->p.id, &i))
			used = roll_reschedules_in_time(&r, i);
		roll_free(&r);
	}
	time_format_human(h->c.tz, cutoff, when, sizeof when);
	*late = outcome_of_reschedule(&h->pol, now, s->starts_at, cutoff, used) !=
	    OUTCOME_RESCHEDULED;	/* the policy's own judgement of a request now */
	if (now > cutoff)
		sb_addf(&sb, "This is after the cutoff (%s): moving now counts as a late "
		    "cancellation of this place; the new one stands.", when);
	else if (*late)
		sb_addf(&sb, "This is in time, but you have moved %d place%s in time already, "
		    "as many as the program allows: it counts as a late cancellation; the new "
		    "one stands.", used, used == 1 ? "" : "s");
	else
		sb_addf(&sb, "This is in time: moving your place before %s counts against "
		    "nothing.", when);
	return sb_detach(&sb);
}

/* The page that shows the verdict and the times offered before a move. */
static void
move_page(struct web *w, const struct holder *h, const struct session *s, struct web_reply *r)
{
	struct arena a = { 0 };
	int64_t now = time_now(), *v = NULL;
	size_t n = 0;
	char when[40];
	struct tpl_scope *slots;
	struct tpl_list list;
	int late;
	char *said = arena_keep(&a, move_verdict(w, h, s, now, &late));

	if (slot_list(w->st, &h->c, now, &v, &n, NULL) < 0)
		n = 0;
	slots = arena_array(&a, n, sizeof *slots);
	for (size_t k = 0; k < n; k++) {
		struct tpl_field *f = arena_array(&a, 2, sizeof *f);

		f[0] = (struct tpl_field){ "code", arena_printf(&a, "%lld", (long long)v[k]),
		    NULL };
		f[1] = (struct tpl_field){ "when", arena_keep(&a, xstrdup(time_format_human(
		    h->c.tz, v[k], when, sizeof when))), NULL };
		slots[k] = (struct tpl_scope){ f, 2, NULL };
	}
	list = (struct tpl_list){ slots, n };
	free(v);
	decision_page(w, h, s, &a, (struct decision){ PAGE_MOVE, "Move your place?", "move",
	    said, late, "slots", &list }, r);
	arena_free(&a);
}

/* Moves the holder's place at s to the time the form chose, at 'now' (caller's transaction). */
static int
move_record(struct store *st, const struct holder *h, const struct session *s,
    const struct form *f, int64_t now, int *to_number, su_err *e)
{
	const char *at = form_get(f, "at"), *note = form_get(f, "note");
	long long t;

	if (at == NULL || parse_int(at, 0, INT64_MAX, &t) < 0)
		return su_err_set(e, "choose one of the times offered");
	return reschedule_to_slot(st, &h->c, s, &h->p, (int64_t)t, now,
	    note && *note ? note : NULL, to_number, e);
}

/* Answers the move form: the form token, then the move, then what it counts as. */
static void
move_post(struct web *w, const struct web_request *rq, const struct holder *h,
    const struct session *s, struct web_reply *r)
{
	int64_t now = time_now();
	char *said, *text, *back;
	int late, number;
	su_err e;

	if (!web_form_allowed(w, rq, h->token, h->p.email, r))
		return;
	said = move_verdict(w, h, s, now, &late);	/* judged as it stood when asked */
	if (STORE_TX(w->st, &e, move_record(w->st, h, s, &rq->form, now, &number, &e)) < 0) {
		page_message(&w->pages, r, store_failed(e.msg) ? 500 : 422, "Not moved",
		    e.msg, NULL, NULL);
		free(said);
		return;
	}
	text = xasprintf("Your coach has your new time. %s", said);
	back = xasprintf("/p/%s", h->token);
	page_message(&w->pages, r, 200, "Moved", text, back, "Your sessions");
	free(text);
	free(back);
	free(said);
}

/*
 * Says what is recorded for the holder's place at s, if anything: 1 with the
 * page in 'r' (nothing is changed from here), 0 if nothing is recorded.
 */
static int
place_recorded(struct web *w, const struct holder *h, const struct session *s,
    struct web_reply *r)
{
	struct attendance at;
	char *words, *text, *back;

	if (attendance_get(w->st, s->id, h->p.id, &at, NULL) != 1)
		return 0;
	words = attendance_in_words(&h->pol, h->c.tz, s, &at);
	text = xasprintf("Your coach has this place recorded already: %s. Nothing was "
	    "changed; if it is wrong, write to your coach.", words);
	back = xasprintf("/p/%s", h->token);
	page_message(&w->pages, r, 409, "Already recorded", text, back, "Your sessions");
	free(back);
	free(text);
	free(words);
	attendance_free(&at);
	return 1;
}

/* Finds the holder's session "N" that is still to come; 1, or 0 with the refusal in 'r'. */
static int
coming_session(struct web *w, const struct holder *h, const char *num, struct session *s,
    struct web_reply *r)
{
	long long n;

	if (parse_int(num, 1, 1000000, &n) < 0 ||
	    session_find(w->st, &h->c, (int)n, s, NULL) != 1) {
		page_message(&w->pages, r, 404, "Not found", "No such session.", NULL, NULL);
		return 0;
	}
	if (session_expects(w->st, s, &h->p, NULL) != 1)
		page_message(&w->pages, r, 404, "Not found", "That session is not yours.", NULL,
		    NULL);
	else if (s->cancelled || s->starts_at <= time_now())
		page_message(&w->pages, r, 409, "Too late to cancel here", "This session has "
		    "started or was called off; tell your coach.", NULL, NULL);
	else
		return 1;
	session_free(s);
	return 0;
}

void
person_route(struct web *w, const struct web_request *rq, const char *rest,
    struct web_reply *r)
{
	size_t len = strcspn(rest, "/");
	char *token = xstrndup(rest, len);
	const char *after = rest + len;
	struct holder h;
	struct session s;
	int post = strcmp(rq->method, "POST") == 0;

	if (!holder_find(w, token, &h, r)) {
		free(token);
		return;
	}
	if (*after == '\0' && !post) {
		person_page(w, &h, r);
	} else if (strncmp(after, "/cancel/", 8) == 0) {
		if (coming_session(w, &h, after + 8, &s, r)) {
			if (place_recorded(w, &h, &s, r))
				;	/* said so; nothing changes */
			else if (post)
				cancel_post(w, rq, &h, &s, r);
			else
				cancel_page(w, &h, &s, r);
			session_free(&s);
		}
	} else if (strncmp(after, "/join/", 6) == 0 && post) {
		join_post(w, rq, &h, after + 6, 0, r);
	} else if (strncmp(after, "/leave/", 7) == 0 && post) {
		join_post(w, rq, &h, after + 7, 1, r);
	} else if (strncmp(after, "/move/", 6) == 0) {
		if (coming_session(w, &h, after + 6, &s, r)) {
			if (place_recorded(w, &h, &s, r))
				;	/* said so; nothing changes */
			else if (post)
				move_post(w, rq, &h, &s, r);
			else
				move_page(w, &h, &s, r);
			session_free(&s);
		}
	} else {
		page_message(&w->pages, r, 404, "Not found", "Nothing is here.", NULL, NULL);
	}
	holder_free(&h);
	free(token);
}
