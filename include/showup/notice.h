/* SPDX-License-Identifier: Apache-2.0 */
/* notice.h - the notices' words: a template per kind, checked when loaded, rendered
 * for one participant. The outbox (outbox.h) plans and sends them. */
#ifndef SHOWUP_NOTICE_H
#define SHOWUP_NOTICE_H

#include "showup/model.h"
#include "showup/policy.h"
#include "showup/template.h"
#include "showup/webauth.h"

/* A notice kind's template: the Subject line and the body, both compiled. */
struct notice_template {
	char *kind;
	const char *lang;	/* the language it is written in (lang_codes); NULL: any */
	struct tpl *subject;
	struct tpl *body;
};

struct notice_templates {
	char *dir;
	struct notice_template *v;
	size_t n;
	char *link_base;	/* [serve] public_url: {{link}} is BASE/p/TOKEN; NULL: empty */
};

/* The names every notice template may use. */
extern const struct tpl_schema notice_schema;

/* Returns the templates folder: $SHOWUP_TEMPLATES, the installed one, or the source tree's. */
char *notice_templates_dir(void);
/*
 * Loads and checks the templates of 'dir' for the kinds listed (NULL-ended),
 * or every file in it but README when 'kinds' is NULL. Any error names
 * "file:line". Returns 0, or -1 with 'e' set.
 */
int notice_templates_load(const char *dir, const char *const *kinds,
    struct notice_templates *out, su_err *e);
/*
 * Adds the templates of 'kinds' not loaded yet to t: each from t's folder if
 * it holds one, else from 'fallback' (the installed ones; NULL: none). 0 or -1.
 */
int notice_templates_add(struct notice_templates *t, const char *const *kinds,
    const char *fallback, su_err *e);
/* Returns the shipped templates' folder (the English ones; LANG/ in it for the others):
 * $SHOWUP_DATADIR/templates, the installed one, or the source tree's; the caller frees it. */
char *notice_templates_shipped(void);
/*
 * Loads the templates of 'kinds' (NULL-ended) for every language showup
 * writes in, each notice found on its own: in 'own' (a coach's folder, NULL:
 * none) as own/LANG/KIND, or own/KIND when LANG is 'cohort_lang' (the coach
 * writes in the cohort's language); else in 'shipped' as shipped/LANG/KIND;
 * else the English shipped/KIND, else own/KIND (a kind of the coach's own).
 * 0, or -1 with 'e' set (a kind found nowhere, a template that fails its check).
 */
int notice_templates_load_langs(const char *own, const char *shipped,
    const char *cohort_lang, const char *const *kinds, struct notice_templates *out,
    su_err *e);
/* Returns the template of 'kind' in this thread's language (lang_use), else of any
 * language; NULL when not loaded. */
const struct notice_template *notice_template_find(const struct notice_templates *t,
    const char *kind);
void notice_templates_free(struct notice_templates *t);

/* What a notice of a fixed kind is about (a ladder step's kind is the policy's). */
enum notice_about {
	NOTICE_REMINDER,	/* a session to come, some time ahead (policy reminders) */
	NOTICE_CHANGE,		/* a change to a session, read from the record (changes.c) */
	NOTICE_RECORD,		/* the person's own record: a ladder notice corrected */
	NOTICE_COACH,		/* to the coach: the weekly digest, a copy (coach.c) */
};

/*
 * One row per fixed kind of notice: its name (its template's file), what it
 * is about, what it does to the calendar entry it carries, and whom it spares.
 * outbox-plan.c plans by it, changes.c tells by it, notices due lists by it.
 */
struct notice_kind {
	const char *name;		/* "place-left": the kind and its template */
	enum notice_about about;
	int cancels_entry;		/* its invitation takes the session out of the calendar */
	int first_entry;		/* it puts the entry in first: it raises no SEQUENCE */
	const char *yields_to;		/* not sent to one told of the same session by these
					   kinds, separated by spaces (one message for one
					   entry), or NULL */
};

/* The table of every fixed kind, ended by a NULL name. */
extern const struct notice_kind notice_kinds[];
/* Returns the row of kind 'name', or NULL for a ladder step's (the policy's) kind. */
const struct notice_kind *notice_kind_find(const char *name);
/* Collects the names of the kinds about 'about' into 'names', NULL-ended; their count. */
size_t notice_kind_names(enum notice_about about, const char **names, size_t max);

/*
 * The personal links of a plan's notices ({{link}}: serve's page of each person):
 * where they start and the key that signs them. The notices' own context, not
 * the roll's: a roll is the record and its judgement, and holds no secret.
 */
struct notice_links {
	const char *base;	/* BASE/p/TOKEN ([serve] public_url); NULL: {{link}} is empty */
	struct webauth_key key;	/* signs them; loaded from the store when base is set */
};

struct roll;
/*
 * Renders template t for person i of roll r at ladder step k: the points, the
 * events that brought them, and (for the last step) the refund offer of
 * 'refund_cents' open until 'expires'; {{link}} made by 'links' (NULL: none).
 * Appends to 'subject' and 'body'.
 */
void notice_render_step(const struct roll *r, const struct notice_links *links, size_t i,
    int k, int64_t refund_cents, int64_t expires, const struct notice_template *t,
    struct strbuf *subject, struct strbuf *body);
/*
 * Renders the correction t for person i of roll r: ladder notice 'kind', sent
 * at 'sent_at', no longer stands; the points now and the events that bring
 * them. Appends to 'subject' and 'body'.
 */
void notice_render_correction(const struct roll *r, const struct notice_links *links,
    size_t i, const char *kind, int64_t sent_at, const struct notice_template *t,
    struct strbuf *subject, struct strbuf *body);
/* What a session notice tells besides its session: the old time of a move, who cancelled. */
struct notice_change {
	int64_t old_starts_at;		/* a move: when the session was (0: no move) */
	int old_minutes;		/* its length before (0: the same) */
	char *old_location;		/* its place before (NULL: the same) */
	const char *partner_name;	/* a partner's cancellation: who (NULL: none) */
	int64_t refund_cents;		/* an exit or refund notice: the amount (-1: none) */
	int64_t refund_until;		/* a refund offered: open until */
};
/*
 * Renders a session notice (a reminder, a change notice: 'ch', NULL for none)
 * of session j for person i of roll r into 'subject' and 'body': the time
 * and the cancellation cutoff with the cohort's zone, whether that cutoff has
 * passed (as of the roll's now), the kind of session and the others named at
 * a coaching or practice session; {{link}} made by 'links' (NULL: none).
 */
void notice_render_session(const struct roll *r, const struct notice_links *links, size_t i,
    size_t j, const struct notice_change *ch, const struct notice_template *t,
    struct strbuf *subject, struct strbuf *body);
/*
 * Renders a notice about person i of roll r and no one session (an exit, a
 * refund offered or declined: 'ch' holds its amount and, for an offer, its
 * end) into 'subject' and 'body'; {{#sessions}} lists the columns 'cols' (n
 * of them: the sessions it takes out of their calendar) by date, title and
 * kind; {{link}} made by 'links' (NULL: none).
 */
void notice_render_person(const struct roll *r, const struct notice_links *links, size_t i,
    const struct notice_change *ch, const size_t *cols, size_t n,
    const struct notice_template *t, struct strbuf *subject, struct strbuf *body);
/*
 * Renders a notice to the coach of roll r's cohort (template t): the cohort's
 * and coach's names, and the n fields of 'own' (the digest's). Appends to
 * 'subject' and 'body'.
 */
void notice_render_coach(const struct roll *r, const struct tpl_field *own, size_t n,
    const struct notice_template *t, struct strbuf *subject, struct strbuf *body);

#endif
