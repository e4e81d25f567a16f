/* SPDX-License-Identifier: Apache-2.0 */
/* page.h - what showup serve answers: a reply being built, the pages' HTML
 * templates (every value escaped) and the strings a page's values live in. */
#ifndef SHOWUP_WEB_PAGE_H
#define SHOWUP_WEB_PAGE_H

#include "showup/template.h"
#include "showup/util.h"

/* The answer to one request, before it becomes an HTTP response. */
struct web_reply {
	int status;
	struct strbuf body;
	const char *type;	/* the Content-Type */
	char *location;		/* a redirect's target, or NULL */
	char *set_cookie;	/* a Set-Cookie value, or NULL */
	char *set_cookie2;	/* a second one (a remembered device's), or NULL */
	int retry_after;	/* seconds for a Retry-After header, 0: none */
};

enum page_id { PAGE_MESSAGE, PAGE_SESSIONS, PAGE_ROLL, PAGE_PERSON, PAGE_CANCEL, PAGE_MOVE,
	PAGE_REPLACE, PAGE_LOGIN, PAGE_REST, PAGE_COUNT };

/* How many languages the pages are written in: lang_codes (lang.h) has as many. */
#define PAGE_LANGS 4

/* Every page template, compiled once per language (lang_codes' order) when the server
 * starts; a page is rendered in the language of the thread (lang_use). */
struct pages {
	struct tpl *head, *foot, *page[PAGE_LANGS][PAGE_COUNT];
};

/* Compiles every page; 0, or -1 with 'e' set (a template of the source is wrong). */
int pages_load(struct pages *p, su_err *e);
void pages_free(struct pages *p);
/* The style sheet every page links to (/style.css). */
extern const char page_style[];

/* Strings and arrays that live as long as one page's values: freed together. */
struct arena {
	void **v;
	size_t n, cap;
};
/* Keeps 'p' (from xmalloc) until arena_free; returns it. */
void *arena_keep(struct arena *a, void *p);
/* A zeroed array of n items of 'size' bytes, kept by the arena. */
void *arena_array(struct arena *a, size_t n, size_t size);
/* A formatted string kept by the arena. */
char *arena_printf(struct arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void arena_free(struct arena *a);

/* Renders page 'id' with the values of 'scope' inside the common head and foot, as 'status'. */
void page_render(const struct pages *p, struct web_reply *r, int status, enum page_id id,
    const char *title, const struct tpl_scope *scope);
/* A page of a few words: a title, a sentence, and a link if 'href' is not NULL. */
void page_message(const struct pages *p, struct web_reply *r, int status, const char *title,
    const char *text, const char *href, const char *link_text);
/* The forms of a moment on a page: a day with its time ("Sat 12 Sep, 18:00"), or
 * the full date ("Sat 2026-09-12 18:00"), in this thread's language. */
enum page_when { WHEN_DAY_TIME, WHEN_FULL };

/* Returns moment t in 'zone' in form 'form' of this thread's language (English:
 * showup's own forms, others by ICU), kept by 'a'. */
const char *page_when(struct arena *a, const char *zone, int64_t t, enum page_when form);

/* Makes 'r' a 303 redirect to 'location' (copied). */
void page_redirect(struct web_reply *r, const char *location);

#endif
