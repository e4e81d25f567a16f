/* SPDX-License-Identifier: Apache-2.0 */
/* page.c - the pages of showup serve: HTML templates escaped by default, a reply's parts. */
#include "config.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "page.h"

const char page_style[] =
	"*{box-sizing:border-box}"
	"body{font:18px/1.4 system-ui,sans-serif;margin:0 auto;max-width:40rem;"
	"padding:.75rem;color:#111;background:#fff}"
	"h1{font-size:1.4rem;margin:.5rem 0}h2{font-size:1.15rem;margin:1.2rem 0 .4rem}"
	"a{color:#0645ad}ul.list{list-style:none;padding:0}"
	"ul.list li{border-bottom:1px solid #999;padding:.6rem 0}"
	".person{border:2px solid #444;border-radius:.5rem;padding:.6rem;margin:.8rem 0}"
	".record{font-weight:bold}"
	"button{font:inherit;font-weight:bold;min-height:3rem;min-width:6.5rem;margin:.25rem "
	".25rem .25rem 0;border:2px solid #111;border-radius:.4rem;background:#e8e8e8;"
	"color:#111;padding:.3rem .6rem}"
	"button.go{background:#0b5d1e;color:#fff}button.stop{background:#8a1010;color:#fff}"
	"input,select,textarea{font:inherit;min-height:3rem;padding:.3rem;border:2px solid "
	"#444;border-radius:.4rem;max-width:100%}input[type=number]{width:5.5rem}"
	"label{display:inline-block;margin:.25rem .5rem .25rem 0}"
	".verdict{border-left:.4rem solid #0b5d1e;padding:.4rem .6rem;background:#eef7ee}"
	".verdict.late{border-color:#8a1010;background:#fbeeee}"
	".muted{color:#444}summary{min-height:2.5rem;padding:.5rem 0;cursor:pointer}"
	".person h2{margin:0}.person p{margin:.3rem 0}.person form{display:inline}";

static const char head_text[] =
	"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
	"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
	"<title>{{title}} - showup</title>"
	"<link rel=\"stylesheet\" href=\"/style.css\"></head><body>\n"
	"<main><h1>{{title}}</h1>\n";
static const char foot_text[] = "</main></body></html>\n";

static const char message_text[] =
	"<p>{{text}}</p>\n{{#href}}<p><a href=\"{{href}}\">{{link_text}}</a></p>\n{{/href}}";

static const char sessions_text[] =
	"{{^sessions}}<p>No sessions today or in the coming week.</p>\n{{/sessions}}"
	"<ul class=\"list\">\n{{#sessions}}<li><a href=\"{{href}}\">{{when}} &middot; "
	"{{cohort}}:{{number}} {{title}}</a> <span class=\"muted\">{{state}}</span></li>\n"
	"{{/sessions}}</ul>\n";

static const char roll_text[] =
	"<p>{{session.when}} &middot; {{session.kind}}{{#session.location}} &middot; "
	"{{session.location}}{{/session.location}}</p>\n"
	"{{#flash}}<p role=\"status\" class=\"verdict\">{{flash}}</p>\n{{/flash}}"
	"{{^people}}<p>Nobody is expected at this session.</p>\n{{/people}}"
	"{{#people}}<section class=\"person\" id=\"{{anchor}}\" aria-label=\"{{name}}\">"
	"<h2>{{name}}</h2><p>Recorded: <span class=\"record\">{{record}}</span></p>\n"
	"<form method=\"post\" action=\"{{action_mark}}\">"
	"<input type=\"hidden\" name=\"csrf\" value=\"{{csrf}}\">"
	"<input type=\"hidden\" name=\"email\" value=\"{{email}}\">"
	"<button class=\"go\" name=\"status\" value=\"present\">Present</button>"
	"<button class=\"stop\" name=\"status\" value=\"no-show\">No-show</button>"
	"<details><summary>Late or excused</summary>"
	"<label>Minutes late <input type=\"number\" name=\"minutes\" min=\"1\" max=\"600\" "
	"inputmode=\"numeric\"></label>"
	"<button name=\"status\" value=\"late\">Late</button><br>"
	"<label>Reason <select name=\"reason\">{{#accepted}}<option>{{code}}</option>"
	"{{/accepted}}</select></label>"
	"<button name=\"status\" value=\"excused\">Excused</button></details></form>\n"
	"{{#undoable}}<form method=\"post\" action=\"{{action_undo}}\">"
	"<input type=\"hidden\" name=\"csrf\" value=\"{{csrf}}\">"
	"<input type=\"hidden\" name=\"email\" value=\"{{email}}\">"
	"<button>Undo</button></form>\n{{/undoable}}</section>\n{{/people}}"
	"{{#walk_in}}<h2>Walk-in</h2><form method=\"post\" action=\"{{action_walk_in}}\">"
	"<input type=\"hidden\" name=\"csrf\" value=\"{{csrf}}\">"
	"<label>Participant <select name=\"email\">{{#candidates}}<option value=\"{{email}}\">"
	"{{name}}</option>{{/candidates}}</select></label>"
	"<button class=\"go\">Add as present</button></form>\n{{/walk_in}}"
	"<p><a href=\"/\">All sessions</a></p>\n";

static const char person_text[] =
	"<p>{{cohort}}: your coming sessions.</p>\n"
	"{{^sessions}}<p>No sessions to come.</p>\n{{/sessions}}"
	"<ul class=\"list\">\n{{#sessions}}<li>{{name}}{{#title}} &middot; {{title}}{{/title}}"
	"{{#record}} &middot; <span class=\"record\">{{record}}</span>{{/record}}"
	"{{#href}} <a href=\"{{href}}\">Cancel my place</a>{{/href}}"
	"{{#move}} &middot; <a href=\"{{move}}\">Move to another time</a>{{/move}}</li>\n"
	"{{/sessions}}"
	"</ul>\n"
	/* sessions with places they may join (person.c's join_list) */
	"{{#join_any}}<h2>Sessions with places</h2>\n<ul class=\"list\">\n{{#joinable}}<li>"
	"{{name}}{{#title}} &middot; {{title}}{{/title}}{{#record}} &middot; <span "
	"class=\"record\">{{record}}</span>{{/record}}<form method=\"post\" "
	"action=\"{{join}}\"><input type=\"hidden\" name=\"csrf\" value=\"{{csrf}}\">"
	"<button class=\"go\">{{state}}</button></form></li>\n{{/joinable}}</ul>\n"
	"{{/join_any}}";

static const char cancel_text[] =
	"<p>{{session.when}} &middot; {{session.title}}</p>\n"
	"<p class=\"verdict{{#late}} late{{/late}}\" role=\"status\">{{verdict}}</p>\n"
	"<form method=\"post\" action=\"{{action}}\">"
	"<input type=\"hidden\" name=\"csrf\" value=\"{{csrf}}\">"
	"<label>Reason <select name=\"reason\" required><option value=\"\">choose one</option>{{#reasons}}<option value=\"{{code}}\">"
	"{{code}}</option>{{/reasons}}</select></label><br>"
	"<label>A note for your coach (optional)<br><textarea name=\"note\" rows=\"3\" "
	"cols=\"30\" maxlength=\"2000\"></textarea></label><br>"
	"<button class=\"stop\">Cancel my place</button></form>\n"
	"<p><a href=\"{{back}}\">Keep my place</a></p>\n";

static const char move_text[] =
	"<p>{{session.when}} &middot; {{session.title}}</p>\n"
	"<p class=\"verdict{{#late}} late{{/late}}\" role=\"status\">{{verdict}}</p>\n"
	"<form method=\"post\" action=\"{{action}}\">"
	"<input type=\"hidden\" name=\"csrf\" value=\"{{csrf}}\">"
	"<fieldset><legend>Move my place to</legend>{{#slots}}<label><input type=\"radio\" "
	"name=\"at\" value=\"{{code}}\" required> {{when}}</label><br>{{/slots}}</fieldset>"
	"<label>A note for your coach (optional)<br><textarea name=\"note\" rows=\"3\" "
	"cols=\"30\" maxlength=\"2000\"></textarea></label><br>"
	"<button class=\"go\">Move my place</button></form>\n"
	"<p><a href=\"{{back}}\">Keep my place</a></p>\n";

/* The second tap: a mark over what the participant told us says what it replaces. */
static const char replace_text[] =
	"<p class=\"verdict late\" role=\"status\">{{name}} told us: <span class=\"record\">"
	"{{record}}</span>. {{verdict}}</p>\n"
	"<form method=\"post\" action=\"{{action_mark}}\">"
	"<input type=\"hidden\" name=\"csrf\" value=\"{{csrf}}\">"
	"<input type=\"hidden\" name=\"email\" value=\"{{email}}\">"
	"<input type=\"hidden\" name=\"status\" value=\"{{status}}\">"
	"{{#minutes}}<input type=\"hidden\" name=\"minutes\" value=\"{{minutes}}\">{{/minutes}}"
	"{{#reason}}<input type=\"hidden\" name=\"reason\" value=\"{{reason}}\">{{/reason}}"
	"<input type=\"hidden\" name=\"replace\" value=\"1\">"
	"<button class=\"stop\">Replace with {{status}}</button></form>\n"
	"<p><a href=\"{{back}}\">Keep what {{name}} told us</a></p>\n";

static const char login_text[] =
	"<p>{{text}}</p>\n<form method=\"post\" action=\"{{action}}\">"
	"<button type=\"submit\">Sign in on this phone</button></form>\n";

static const char *const head_names[] = { "title", NULL };
static const char *const page_names[] = { "title", "text", "href", "link_text", "flash",
	"session.when", "session.title", "session.kind", "session.location", "csrf",
	"action_mark", "action_undo", "action_walk_in", "walk_in", "cohort", "verdict",
	"late", "action", "back", "name", "email", "record", "status", "minutes", "reason",
	"join_any", NULL };
static const char *const page_lists[] = { "sessions", "people", "accepted", "candidates",
	"reasons", "slots", "joinable", NULL };
static const char *const page_items[] = { "href", "when", "cohort", "number", "title",
	"state", "anchor", "name", "email", "record", "undoable", "code", "move", "join", NULL };

int
pages_load(struct pages *p, su_err *e)
{
	static const struct tpl_schema head = { head_names, NULL, NULL };
	static const struct tpl_schema body = { page_names, page_lists, page_items };
	static const char *const text[PAGE_COUNT] = { message_text, sessions_text, roll_text,
		person_text, cancel_text, move_text, replace_text, login_text };
	static const char *const name[PAGE_COUNT] = { "message", "sessions", "roll",
		"person", "cancel", "move", "replace", "login" };

	memset(p, 0, sizeof *p);
	if ((p->head = tpl_compile(head_text, "head", &head, e)) == NULL ||
	    (p->foot = tpl_compile(foot_text, "foot", &head, e)) == NULL)
		goto fail;
	for (int i = 0; i < PAGE_COUNT; i++)
		if ((p->page[i] = tpl_compile(text[i], name[i], &body, e)) == NULL)
			goto fail;
	return 0;
fail:
	pages_free(p);
	return -1;
}

void
pages_free(struct pages *p)
{
	tpl_free(p->head);
	tpl_free(p->foot);
	for (int i = 0; i < PAGE_COUNT; i++)
		tpl_free(p->page[i]);
	memset(p, 0, sizeof *p);
}

void *
arena_keep(struct arena *a, void *p)
{
	if (a->n == a->cap) {
		a->cap = a->cap ? a->cap * 2 : 16;
		a->v = xrealloc(a->v, a->cap * sizeof *a->v);
	}
	a->v[a->n++] = p;
	return p;
}

void *
arena_array(struct arena *a, size_t n, size_t size)
{
	return arena_keep(a, xcalloc(n ? n : 1, size));
}

char *
arena_printf(struct arena *a, const char *fmt, ...)
{
	struct strbuf sb = STRBUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	sb_vaddf(&sb, fmt, ap);
	va_end(ap);
	return arena_keep(a, sb_detach(&sb));
}

void
arena_free(struct arena *a)
{
	for (size_t i = 0; i < a->n; i++)
		free(a->v[i]);
	free(a->v);
	memset(a, 0, sizeof *a);
}

void
page_render(const struct pages *p, struct web_reply *r, int status, enum page_id id,
    const char *title, const struct tpl_scope *scope)
{
	const struct tpl_field f = { "title", title, NULL };
	const struct tpl_scope top = { &f, 1, NULL };
	struct tpl_scope inner = scope ? *scope : (struct tpl_scope){ NULL, 0, NULL };

	inner.parent = &top;
	r->status = status;
	r->type = "text/html; charset=utf-8";
	sb_reset(&r->body);
	tpl_render_html(p->head, &top, &r->body);
	tpl_render_html(p->page[id], &inner, &r->body);
	tpl_render_html(p->foot, &top, &r->body);
}

void
page_message(const struct pages *p, struct web_reply *r, int status, const char *title,
    const char *text, const char *href, const char *link_text)
{
	const struct tpl_field f[] = { { "text", text, NULL }, { "href", href, NULL },
		{ "link_text", link_text, NULL } };
	const struct tpl_scope s = { f, ARRAY_SIZE(f), NULL };

	page_render(p, r, status, PAGE_MESSAGE, title, &s);
}

void
page_redirect(struct web_reply *r, const char *location)
{
	r->status = 303;
	free(r->location);
	r->location = xstrdup(location);
	sb_reset(&r->body);
}
