/* SPDX-License-Identifier: Apache-2.0 */
/* person.c - a participant's own pages, opened by the signed link in their notices:
 * their coming sessions, and cancelling a place with the policy's verdict shown first. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "web.h"
#include "showup/calendar.h"
#include "showup/lang.h"
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

/* Finds participant 'pid' of cohort c (withdrawn too) into *out; 1 found, 0 not. */
static int
participant_by_id(struct store *st, const struct cohort *c, int64_t pid,
    struct participant *out)
{
	struct participant_list l;
	int found = 0;

	if (participant_list_all(st, c->id, 1, &l, NULL) < 0)
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

/* A page of 'status' that ends with a button to write to the holder's coach; frees 'text'. */
static void
write_to_coach(struct web *w, const struct holder *h, int status, const char *title,
    char *text, struct web_reply *r)
{
	char *mail = xasprintf("mailto:%s", h->c.coach_email);
	char *link = xasprintf(_("Write to %s"), h->c.coach_email);

	page_message(&w->pages, r, status, title, text, mail, link);
	free(link);
	free(mail);
	free(text);
}

/*
 * The page of a link whose holder has left the cohort: kind, and who to write
 * to if that is a mistake. Status 410: the link is gone for good, but not wrong.
 */
static void
withdrawn_page(struct web *w, const struct holder *h, struct web_reply *r)
{
	/* TRANSLATORS: the cohort's name, then the coach's */
	char *text = xasprintf(_("Your place in %s has ended, so there are no sessions to "
	    "show here any more. Thank you for taking part. If you think this is a mistake, "
	    "write to your coach, %s."), h->c.name, h->c.coach_name);

	write_to_coach(w, h, 410, _("You are no longer on the list"), text, r);
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
		page_message(&w->pages, r, 403, _("This link does not open"), _("It may be "
		    "old or mistyped: the link in your latest message from your coach works."),
		    NULL, NULL);
		return 0;
	}
	if (!cohort_by_id(w->st, cid, &h->c))
		goto gone;
	lang_use(h->c.language);	/* the page speaks the cohort's language */
	if (!participant_by_id(w->st, &h->c, pid, &h->p) ||
	    participant_erased(w->st, pid, NULL) != 0) {	/* an erased person's link: gone */
		participant_free(&h->p);
		cohort_free(&h->c);
		goto gone;
	}
	if (h->p.status == PARTICIPANT_WITHDRAWN) {
		withdrawn_page(w, h, r);
		participant_free(&h->p);
		cohort_free(&h->c);
		return 0;
	}
	if (policy_load(w->st, &h->c, &h->pol, &e) < 0) {
		participant_free(&h->p);
		cohort_free(&h->c);
		page_message(&w->pages, r, 500, _("Something went wrong"), e.msg, NULL, NULL);
		return 0;
	}
	return 1;
gone:
	page_message(&w->pages, r, 404, _("Not found"), _("This link's place is no longer "
	    "in a cohort."), NULL, NULL);
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

/* Returns 1 if 'loc' is a meeting link (http or https) rather than a place. */
static int
is_link(const char *loc)
{
	return strncmp(loc, "https://", 8) == 0 || strncmp(loc, "http://", 7) == 0;
}

/* Returns when to cancel session s by, in words, for a place not yet recorded; kept by 'a'. */
static const char *
cutoff_sentence(struct arena *a, const struct holder *h, const struct session *s, int64_t now)
{
	struct strbuf day = STRBUF_INIT;
	int64_t cutoff;
	int in_time = policy_cancel_in_time(&h->pol, h->c.tz, s->starts_at, now, &cutoff);
	char *text;

	sb_adds(&day, page_when(a, h->c.tz, cutoff, WHEN_DAY_TIME));
	text = in_time ? arena_printf(a, _("Cancel by %s to be in time."), sb_str(&day))
	    : arena_printf(a, _("The cutoff (%s) has passed: cancelling now counts as a late "
	    "cancellation, unless for an accepted emergency."), sb_str(&day));
	sb_free(&day);
	return text;
}

/* The fields of one coming session on the holder's page. */
enum { CI_TITLE, CI_RECORD, CI_HREF, CI_MOVE, CI_NAME, CI_PLACE, CI_LINK, CI_CUTOFF,
	CI_ICS, CI_STATE, CI_COUNT };

/* Fills the item of one coming session of the holder; 'offers' says times are offered. */
static void
coming_item(struct web *w, struct arena *a, const struct holder *h,
    const struct participant_list *people, const struct session *s, int offers,
    int64_t now, struct tpl_scope *item)
{
	struct tpl_field *f = arena_array(a, CI_COUNT, sizeof *f);
	struct attendance at;
	enum outcome o = OUTCOME_UPCOMING;
	int known = attendance_get(w->st, s->id, h->p.id, &at, NULL) == 1;

	f[CI_TITLE] = (struct tpl_field){ "title", s->title, NULL };
	f[CI_RECORD] = (struct tpl_field){ "record", known ? arena_keep(a,
	    attendance_short_words(&h->pol, h->c.tz, s, &at, &o)) : "", NULL };
	/* a place with a record is not cancelled here (attendance_record's RECORD_NEW_ONLY) */
	f[CI_HREF] = (struct tpl_field){ "href", known ? "" :
	    arena_printf(a, "/p/%s/cancel/%d", h->token, s->number), NULL };
	f[CI_MOVE] = (struct tpl_field){ "move", known || !offers ||
	    s->kind == SESSION_GROUP ||
	    reschedule_pair_refused(w->st, &h->pol, s, &h->p, NULL) != 0 ? "" :
	    arena_printf(a, "/p/%s/move/%d", h->token, s->number), NULL };
	f[CI_NAME] = (struct tpl_field){ "name", page_session_name(w, a, h, people, s), NULL };
	f[CI_PLACE] = (struct tpl_field){ "place", is_link(s->location) ? "" : s->location,
	    NULL };
	f[CI_LINK] = (struct tpl_field){ "link", is_link(s->location) ? s->location : "",
	    NULL };
	f[CI_CUTOFF] = (struct tpl_field){ "cutoff", known ? "" : cutoff_sentence(a, h, s, now),
	    NULL };
	/* a place given up is no longer in the calendar (calendar_coming) */
	f[CI_ICS] = (struct tpl_field){ "ics", known && at.fact != FACT_ARRIVED ? "" :
	    arena_printf(a, "/p/%s/calendar/%d.ics", h->token, s->number), NULL };
	f[CI_STATE] = (struct tpl_field){ "state", known ? outcome_name(o) : "", NULL };
	*item = (struct tpl_scope){ f, CI_COUNT, NULL };
	if (known)
		attendance_free(&at);
}

/* Returns the feed's address with its scheme made webcal:// (a calendar app's subscribe). */
static char *
webcal_of(const char *feed)
{
	const char *rest = strstr(feed, "://");

	return xasprintf("webcal://%s", rest ? rest + 3 : feed);
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
	f[3] = (struct tpl_field){ "state", pos > 0 ? _("Leave the waiting list") :
	    places_free(s->capacity, taken) > 0 ? _("Join") : _("Join the waiting list"), NULL };
	f[4] = (struct tpl_field){ "record", pos > 0 ? arena_printf(a, _("you are number %d "
	    "on the waiting list"), pos) : "", NULL };
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
		page_message(&w->pages, r, store_failed(e.msg) ? 500 : 409, off ? _("Not changed") :
		    _("Not joined"), e.msg, back, _("Your sessions"));
		free(back);
		return;
	}
	text = off ? xstrdup(_("You are off the waiting list.")) : rc == PLACE_TAKEN ?
	    xstrdup(s->optional ? _("You have a place; it is on your list of sessions now. "
	    "The session is optional: staying away costs you nothing.") :
	    _("You have a place; it is on your list of sessions now, and counts like "
	    "any other.")) : xasprintf(_("No place is free now: you are number %d on the "
	    "waiting list. If a place comes free, it is yours and you will hear of it."),
	    position);
	page_message(&w->pages, r, 200, off ? _("Off the waiting list") : rc == PLACE_TAKEN ?
	    _("Joined") : _("On the waiting list"), text, back, _("Your sessions"));
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
		page_message(&w->pages, r, 404, _("Not found"), _("No such session."), NULL, NULL);
		return;
	}
	if (web_form_allowed(w, rq, h->token, h->p.email, r))
		join_done(w, h, &s, off, r);
	session_free(&s);
}

/*
 * The holder's page: their sessions to come, each with where it is, when to
 * cancel by, a way to cancel, and for 1:1 and practice places, to move to a
 * time the coach offered (not a pair whose partners must agree first:
 * reschedule_pair_refused); each to add to a calendar, or all by subscribing;
 * and the sessions with places they may join (join_list).
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
	char *feed = arena_printf(&a, "%s/p/%s/calendar.ics", w->base_url, h->token);
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
			coming_item(w, &a, h, &people, &l.v[i], noffered > 0, now,
			    &items[list.n++]);
	list.items = items;
	join_list(w, &a, h, &people, &l, now, &joinable);
	webauth_form_token(&w->key, h->token, csrf);
	{
		const struct tpl_field f[] = { { "cohort", h->c.name, NULL },
			{ "sessions", NULL, &list }, { "feed", feed, NULL },
			{ "webcal", arena_keep(&a, webcal_of(feed)), NULL },
			{ "coach", h->c.coach_name, NULL },
			{ "coach_email", h->c.coach_email, NULL },
			{ "joinable", NULL, &joinable },
			{ "join_any", joinable.n > 0 ? "1" : "", NULL }, { "csrf", csrf, NULL } };
		const struct tpl_scope s = { f, ARRAY_SIZE(f), NULL };

		page_render(&w->pages, r, 200, PAGE_PERSON, h->p.name, &s);
	}
	session_list_free(&l);
	participant_list_free(&people);
	arena_free(&a);
}

/*
 * Answers the holder's calendar: their coming sessions (calendar_coming), or
 * with 'number' > 0 that one session only; the feed a calendar app subscribes to.
 */
static void
calendar_reply(struct web *w, const struct holder *h, int number, struct web_reply *r)
{
	struct roll roll;
	struct session s;
	int64_t only = 0;
	size_t i, n = 0;
	su_err e;

	if (number > 0) {
		if (session_find(w->st, &h->c, number, &s, NULL) != 1) {
			page_message(&w->pages, r, 404, _("Not found"), _("No such session."),
			    NULL, NULL);
			return;
		}
		only = s.id;
		session_free(&s);
	}
	if (roll_load(w->st, &h->c, &h->pol, time_now(), &roll, &e) < 0) {
		page_message(&w->pages, r, 500, _("Something went wrong"), e.msg, NULL, NULL);
		return;
	}
	sb_reset(&r->body);
	if (!idmap_get(&roll.person_index, h->p.id, &i) ||
	    calendar_coming(w->st, &roll, i, only, &r->body, &n, &e) < 0)
		page_message(&w->pages, r, 500, _("Something went wrong"), _("The calendar "
		    "could not be made."), NULL, NULL);
	else if (number > 0 && n == 0)
		page_message(&w->pages, r, 404, _("Not in your calendar"), _("This session is "
		    "not one of your coming sessions."), NULL, NULL);
	else {
		r->status = 200;
		r->type = "text/calendar; charset=utf-8";
	}
	roll_free(&roll);
}

/* Appends the policy's accepted reasons in words: "medical or personal emergency". */
static void
accepted_words(const struct policy *pol, struct strbuf *out)
{
	for (size_t i = 0; i < pol->n_accepted; i++) {
		if (i > 0)
			/* TRANSLATORS: before the last of a list of reasons, spaces around */
			sb_adds(out, i + 1 == pol->n_accepted ? _(" or ") : ", ");
		reason_words(pol->accepted[i], out);
	}
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
	struct arena a = { 0 };
	const char *when;

	*late = !policy_cancel_in_time(&h->pol, h->c.tz, s->starts_at, now, &cutoff);
	when = page_when(&a, h->c.tz, cutoff, WHEN_FULL);
	if (!*late) {
		sb_addf(&sb, _("This is in time: cancelling before %s counts against nothing."),
		    when);
	} else if (reason != NULL && policy_reason_accepted(&h->pol, reason)) {
		struct strbuf why = STRBUF_INIT;

		*late = 0;
		reason_words(reason, &why);
		/* TRANSLATORS: the cutoff, then the reason */
		sb_addf(&sb, _("This is after the cutoff (%s), but your reason (%s) is an "
		    "accepted emergency: it is excused and counts against nothing."), when,
		    sb_str(&why));
		sb_free(&why);
	} else if (reason != NULL) {
		sb_addf(&sb, _("This is after the cutoff (%s): it counts as a late "
		    "cancellation."), when);
	} else {
		struct strbuf list = STRBUF_INIT;

		accepted_words(&h->pol, &list);
		/* TRANSLATORS: the cutoff, then the accepted reasons */
		sb_addf(&sb, _("This is after the cutoff (%s): it counts as a late "
		    "cancellation, unless the reason is an accepted emergency (%s)."), when,
		    sb_str(&list));
		sb_free(&list);
	}
	arena_free(&a);
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
		struct tpl_field *f = arena_array(&a, 2, sizeof *f);
		const char *code = i < h->pol.n_accepted ? h->pol.accepted[i] :
		    h->pol.other[i - h->pol.n_accepted];
		struct strbuf why = STRBUF_INIT;

		reason_words(code, &why);
		f[0] = (struct tpl_field){ "code", code, NULL };
		f[1] = (struct tpl_field){ "words", arena_keep(&a, sb_detach(&why)), NULL };
		reasons[k++] = (struct tpl_scope){ f, 2, NULL };
	}
	decision_page(w, h, s, &a, (struct decision){ PAGE_CANCEL, _("Cancel your place?"),
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
		return su_err_set(e, "%s", _("choose a reason"));
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
		page_message(&w->pages, r, store_failed(e.msg) ? 500 : 422, _("Not cancelled"),
		    e.msg, NULL, NULL);
		return;
	}
	said = verdict(h, s, now, form_get(&rq->form, "reason"), &late);
	{
		char *text = xasprintf(_("Your coach has your cancellation. %s"), said);
		char *back = xasprintf("/p/%s", h->token);

		page_message(&w->pages, r, 200, _("Cancelled"), text, back, _("Your sessions"));
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
	struct arena a = { 0 };
	const char *when;
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
	when = page_when(&a, h->c.tz, cutoff, WHEN_FULL);
	*late = outcome_of_reschedule(&h->pol, now, s->starts_at, cutoff, used) !=
	    OUTCOME_RESCHEDULED;	/* the policy's own judgement of a request now */
	if (now > cutoff)
		sb_addf(&sb, _("This is after the cutoff (%s): moving now counts as a late "
		    "cancellation of this place; the new one stands."), when);
	else if (*late)
		sb_addf(&sb, lang_ngettext("This is in time, but you have moved %d place in "
		    "time already, as many as the program allows: it counts as a late "
		    "cancellation; the new one stands.", "This is in time, but you have moved "
		    "%d places in time already, as many as the program allows: it counts as a "
		    "late cancellation; the new one stands.", (unsigned long)used), used);
	else
		sb_addf(&sb, _("This is in time: moving your place before %s counts against "
		    "nothing."), when);
	arena_free(&a);
	return sb_detach(&sb);
}

/* The page that shows the verdict and the times offered before a move. */
static void
move_page(struct web *w, const struct holder *h, const struct session *s, struct web_reply *r)
{
	struct arena a = { 0 };
	int64_t now = time_now(), *v = NULL;
	size_t n = 0;
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
		f[1] = (struct tpl_field){ "when", page_when(&a, h->c.tz, v[k], WHEN_FULL), NULL };
		slots[k] = (struct tpl_scope){ f, 2, NULL };
	}
	list = (struct tpl_list){ slots, n };
	free(v);
	decision_page(w, h, s, &a, (struct decision){ PAGE_MOVE, _("Move your place?"), "move",
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
		return su_err_set(e, "%s", _("choose one of the times offered"));
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
		page_message(&w->pages, r, store_failed(e.msg) ? 500 : 422, _("Not moved"),
		    e.msg, NULL, NULL);
		free(said);
		return;
	}
	text = xasprintf(_("Your coach has your new time. %s"), said);
	back = xasprintf("/p/%s", h->token);
	page_message(&w->pages, r, 200, _("Moved"), text, back, _("Your sessions"));
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
	if (lang_is_english())	/* English: the long words, as before */
		words = attendance_in_words(&h->pol, h->c.tz, s, &at);
	else	/* the card's words, which speak the cohort's language */
		words = attendance_short_words(&h->pol, h->c.tz, s, &at, &(enum outcome){ 0 });
	text = xasprintf(_("Your coach has this place recorded already: %s. Nothing was "
	    "changed; if it is wrong, write to your coach."), words);
	back = xasprintf("/p/%s", h->token);
	page_message(&w->pages, r, 409, _("Already recorded"), text, back, _("Your sessions"));
	free(back);
	free(text);
	free(words);
	attendance_free(&at);
	return 1;
}

/*
 * The page of a session that has started: too late to change the place here,
 * so who to tell and how (the coach, by name and address), and what to do.
 */
static void
started_page(struct web *w, const struct holder *h, struct web_reply *r)
{
	/* TRANSLATORS: the coach's name, then their e-mail address */
	char *text = xasprintf(_("This session has started, so your place can no longer be "
	    "cancelled or moved here. If you are running late or cannot come, write to your "
	    "coach, %s, at %s now and say so; they record what happened."), h->c.coach_name,
	    h->c.coach_email);

	write_to_coach(w, h, 409, _("Too late to change here"), text, r);
}

/* Finds the holder's session "N" that is still to come; 1, or 0 with the refusal in 'r'. */
static int
coming_session(struct web *w, const struct holder *h, const char *num, struct session *s,
    struct web_reply *r)
{
	long long n;
	char *back;

	if (parse_int(num, 1, 1000000, &n) < 0 ||
	    session_find(w->st, &h->c, (int)n, s, NULL) != 1) {
		page_message(&w->pages, r, 404, _("Not found"), _("No such session."), NULL, NULL);
		return 0;
	}
	back = xasprintf("/p/%s", h->token);
	if (session_expects(w->st, s, &h->p, NULL) != 1)
		page_message(&w->pages, r, 404, _("Not found"), _("That session is not yours."),
		    NULL, NULL);
	else if (s->cancelled)
		page_message(&w->pages, r, 409, _("This session was called off"), _("Your coach "
		    "called this session off, so there is nothing to cancel or move: your "
		    "place counts against nothing."), back, _("Your sessions"));
	else if (s->starts_at <= time_now())
		started_page(w, h, r);
	else {
		free(back);
		return 1;
	}
	free(back);
	session_free(s);
	return 0;
}

/* Answers /p/TOKEN/calendar/N.ics: session N, if it is one of the holder's coming ones. */
static void
calendar_one(struct web *w, const struct holder *h, const char *name, struct web_reply *r)
{
	size_t len = strlen(name);
	char num[16];
	long long n;

	if (len <= 4 || len - 4 >= sizeof num || strcmp(name + len - 4, ".ics") != 0) {
		page_message(&w->pages, r, 404, _("Not found"), _("Nothing is here."), NULL, NULL);
		return;
	}
	memcpy(num, name, len - 4);
	num[len - 4] = '\0';
	if (parse_int(num, 1, 1000000, &n) < 0)
		page_message(&w->pages, r, 404, _("Not found"), _("No such session."), NULL, NULL);
	else
		calendar_reply(w, h, (int)n, r);
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
	const char *was = lang_now();	/* holder_find speaks the cohort's language */

	if (!holder_find(w, token, &h, r)) {
		lang_use(was);
		free(token);
		return;
	}
	if (*after == '\0' && !post) {
		person_page(w, &h, r);
	} else if (strcmp(after, "/calendar.ics") == 0 && !post) {
		calendar_reply(w, &h, 0, r);
	} else if (strncmp(after, "/calendar/", 10) == 0 && !post) {
		calendar_one(w, &h, after + 10, r);
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
		page_message(&w->pages, r, 404, _("Not found"), _("Nothing is here."), NULL, NULL);
	}
	holder_free(&h);
	free(token);
	lang_use(was);
}
