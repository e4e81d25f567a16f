/* SPDX-License-Identifier: Apache-2.0 */
/* page.c - the pages of showup serve: HTML templates escaped by default, a reply's parts. */
#include "config.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "page.h"
#include "showup/lang.h"
#include "showup/words.h"

const char page_style[] =
	"*{box-sizing:border-box}"
	"body{font:18px/1.4 system-ui,sans-serif;margin:0 auto;max-width:40rem;"
	"padding:.5rem;color:#111;background:#fff}"
	"h1{font-size:1.4rem;margin:.5rem 0}h2{font-size:1.15rem;margin:1.2rem 0 .4rem}"
	"a{color:#0645ad}ul.list{list-style:none;padding:0}"
	"ul.list li{border-bottom:1px solid #999;padding:.6rem 0}"
	"ul.list li>a{display:flex;align-items:center;min-height:2.75rem}"
	"ul.list h2{margin:0 0 .2rem}ul.list p{margin:.2rem 0}"
	/* a card of the roll: compact, so 20 of them fit a phone's few screens */
	".person{border:2px solid #444;border-left-width:.5rem;border-radius:.5rem;"
	"padding:.2rem .4rem;margin:.4rem 0}"
	".person h2{margin:0;font-size:1.05rem;display:inline}"
	".person .who{display:flex;flex-wrap:wrap;align-items:center;gap:0 .6rem;"
	"min-height:1.8rem}"
	".person button,.person summary.button{font-size:1rem;min-width:2.75rem;"
	"padding:.2rem .5rem}"
	".person .who button{margin:.1rem 0}"
	".person form{display:inline}"
	".person details{display:inline-block;vertical-align:top}"
	".person details[open]{display:block}"
	".s-present{border-color:#0b5d1e;background:#eef7ee}"
	".s-late{border-color:#9a5b00;background:#fff3df}"
	".s-no_show,.s-late_cancel{border-color:#8a1010;background:#fbeeee}"
	".s-excused,.s-cancelled,.s-rescheduled{border-color:#1f4e99;background:#edf2fb}"
	".record{font-weight:bold}"
	"button,a.button,summary.button{font:inherit;font-weight:bold;min-height:2.75rem;"
	"min-width:5.5rem;margin:.25rem .25rem .25rem 0;border:2px solid #111;"
	"border-radius:.4rem;background:#e8e8e8;color:#111;padding:.3rem .6rem}"
	"a.button,summary.button{display:inline-flex;align-items:center;"
	"justify-content:center;text-decoration:none}"
	"summary.button{list-style:none;cursor:pointer}"
	"summary.button::-webkit-details-marker{display:none}"
	"button.go,a.button.go{background:#0b5d1e;color:#fff}"
	"button.stop,a.button.stop{background:#8a1010;color:#fff}"
	"input,select,textarea{font:inherit;min-height:2.75rem;padding:.3rem;border:2px solid "
	"#444;border-radius:.4rem;max-width:100%}input[type=number]{width:5.5rem}"
	"label{display:inline-block;margin:.25rem .5rem .25rem 0}"
	/* a choice: the radio button beside its words, the whole line to tap */
	"label.choice{display:flex;align-items:center;gap:.6rem;min-height:2.75rem;"
	"margin:.2rem 0}"
	"input[type=radio]{min-height:0;width:1.5rem;height:1.5rem;margin:0;flex:none}"
	"fieldset{border:2px solid #999;border-radius:.4rem}"
	".verdict{border-left:.4rem solid #0b5d1e;padding:.4rem .6rem;background:#eef7ee}"
	".verdict.late{border-color:#8a1010;background:#fbeeee}"
	".error{border-left:.4rem solid #8a1010;padding:.4rem .6rem;background:#fbeeee;"
	"color:#5c0000;font-weight:bold}"
	".long{overflow-wrap:anywhere}"
	".muted{color:#444}";

/*
 * The words of a template are marked T_("..."): each is translated when the pages
 * are compiled for a language (words_expand), so a page costs nothing more to
 * render in German than in English. xgettext finds them by the keyword T_; a
 * translation may move a {{field}} of its words but must keep it.
 */
#define T_(s) "\001" s "\002"

static const char head_text[] =
	"<!DOCTYPE html>\n<html lang=\"{{lang}}\"><head><meta charset=\"utf-8\">"
	"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
	"<title>{{title}} - showup</title>"
	"<link rel=\"stylesheet\" href=\"/style.css\"></head><body>\n"
	"<main><h1>{{title}}</h1>\n";
static const char foot_text[] = "</main></body></html>\n";

static const char message_text[] =
	"{{#error}}<p class=\"error\" role=\"alert\">{{text}}</p>\n{{/error}}"
	"{{^error}}<p>{{text}}</p>\n{{/error}}"
	"{{#href}}<p><a class=\"button\" href=\"{{href}}\">{{link_text}}</a></p>\n{{/href}}";

static const char sessions_text[] =
	"{{^sessions}}<p>" T_("No sessions today or in the coming week.") "</p>\n{{/sessions}}"
	"<ul class=\"list\">\n{{#sessions}}<li><a href=\"{{href}}\">{{when}} &middot; "
	"{{cohort}}:{{number}} {{title}}{{#with}} &middot; {{with}}{{/with}}</a> "
	"<span class=\"muted\">{{state}}</span></li>\n"
	"{{/sessions}}</ul>\n";

static const char roll_text[] =
	"<p>{{session.when}} &middot; {{session.kind}}{{#session.location}} &middot; "
	"<span class=\"long\">{{session.location}}</span>{{/session.location}}</p>\n"
	"{{#flash}}<p role=\"alert\" class=\"error\">{{flash}}</p>\n{{/flash}}"
	"{{^people}}<p>" T_("Nobody is expected at this session.") "</p>\n{{/people}}"
	"{{#people}}<section class=\"person s-{{state}}\" id=\"{{anchor}}\" "
	"aria-label=\"{{name}}\"><div class=\"who\"><h2>{{name}}</h2>"
	"<span class=\"record\">{{record}}</span>"
	"{{#undoable}}<form method=\"post\" action=\"{{action_undo}}\">"
	"<input type=\"hidden\" name=\"csrf\" value=\"{{csrf}}\">"
	"<input type=\"hidden\" name=\"email\" value=\"{{email}}\">"
	"<button>" T_("Undo") "</button></form>{{/undoable}}</div>\n"
	"<form method=\"post\" action=\"{{action_mark}}\">"
	"<input type=\"hidden\" name=\"csrf\" value=\"{{csrf}}\">"
	"<input type=\"hidden\" name=\"email\" value=\"{{email}}\">"
	"<button class=\"go\" name=\"status\" value=\"present\">" T_("Present") "</button>"
	"<button class=\"stop\" name=\"status\" value=\"no-show\">" T_("No-show") "</button>"
	"<details><summary class=\"button\">" T_("Late, excused") "</summary>"
	"<label>" T_("Minutes late") " <input type=\"number\" name=\"minutes\" min=\"1\" "
	"max=\"600\" inputmode=\"numeric\"></label>"
	"<button name=\"status\" value=\"late\">" T_("Late") "</button><br>"
	"<label>" T_("Reason") " <select name=\"reason\">{{#accepted}}<option value=\"{{code}}\">"
	"{{words}}</option>{{/accepted}}</select></label>"
	"<button name=\"status\" value=\"excused\">" T_("Excused") "</button></details></form>\n"
	"</section>\n{{/people}}"
	"{{#rest}}<p><a class=\"button go\" href=\"{{rest}}\">" T_("Everyone else present")
	"</a></p>\n{{/rest}}"
	"{{#walk_in}}<h2>" T_("Walk-in") "</h2><form method=\"post\" action=\"{{action_walk_in}}\">"
	"<input type=\"hidden\" name=\"csrf\" value=\"{{csrf}}\">"
	"<label>" T_("Participant") " <select name=\"email\">{{#candidates}}"
	"<option value=\"{{email}}\">{{name}}</option>{{/candidates}}</select></label>"
	"<button class=\"go\">" T_("Add as present") "</button></form>\n{{/walk_in}}"
	"<p><a class=\"button\" href=\"/\">" T_("All sessions") "</a></p>\n";

/* The confirmation of "everyone else present": who will be marked, by name. */
static const char rest_text[] =
	"<p>{{session.when}} &middot; {{session.kind}}</p>\n"
	"<p>" T_("Nothing is recorded yet for these people; they will be marked present:")
	"</p>\n"
	"<ul class=\"list\">\n{{#people}}<li>{{name}}</li>\n{{/people}}</ul>\n"
	"<form method=\"post\" action=\"{{action}}\">"
	"<input type=\"hidden\" name=\"csrf\" value=\"{{csrf}}\">"
	"<input type=\"hidden\" name=\"who\" value=\"{{who}}\">"
	"<button class=\"go\">{{confirm}}</button></form>\n"
	"<p><a class=\"button\" href=\"{{back}}\">" T_("Back to the roll call") "</a></p>\n";

static const char person_text[] =
	/* TRANSLATORS: {{cohort}} is the cohort's name; keep it, it may move */
	"<p>" T_("{{cohort}}: your coming sessions.") "</p>\n"
	"{{^sessions}}<p>" T_("No sessions to come.") "</p>\n{{/sessions}}"
	"<ul class=\"list\">\n{{#sessions}}<li class=\"session\"><h2>{{name}}</h2>\n"
	"{{#title}}<p>{{title}}</p>\n{{/title}}"
	"{{#place}}<p>" T_("Where:") " <span class=\"long\">{{place}}</span></p>\n{{/place}}"
	"{{#link}}<p><a class=\"button go\" href=\"{{link}}\">" T_("Join online") "</a> "
	"<span class=\"muted long\">{{link}}</span></p>\n{{/link}}"
	"{{#record}}<p>" T_("Your coach has:") " <span class=\"record\">{{record}}</span></p>\n"
	"{{/record}}"
	"{{#cutoff}}<p class=\"muted\">{{cutoff}}</p>\n{{/cutoff}}"
	"<p>{{#href}}<a class=\"button stop\" href=\"{{href}}\">" T_("Cancel my place")
	"</a>{{/href}}"
	"{{#move}}<a class=\"button\" href=\"{{move}}\">" T_("Move to another time")
	"</a>{{/move}}"
	"{{#ics}}<a class=\"button\" href=\"{{ics}}\">" T_("Add to calendar") "</a>{{/ics}}</p>"
	"</li>\n{{/sessions}}</ul>\n"
	/* sessions with places they may join (person.c's join_list) */
	"{{#join_any}}<h2>" T_("Sessions with places") "</h2>\n<ul class=\"list\">\n"
	"{{#joinable}}<li class=\"session\"><h2>{{name}}</h2>\n{{#title}}<p>{{title}}</p>\n"
	"{{/title}}{{#record}}<p><span class=\"record\">{{record}}</span></p>\n{{/record}}"
	"<form method=\"post\" action=\"{{join}}\"><input type=\"hidden\" name=\"csrf\" "
	"value=\"{{csrf}}\"><button class=\"go\">{{state}}</button></form></li>\n"
	"{{/joinable}}</ul>\n{{/join_any}}"
	"<h2>" T_("Your calendar") "</h2>\n"
	"<p>" T_("Subscribe once, and your calendar shows your coming sessions and follows "
	"every change.") "</p>\n<p><a class=\"button\" href=\"{{webcal}}\">"
	T_("Subscribe in my calendar") "</a></p>\n<p class=\"muted\">"
	T_("Or add this address to your calendar app:")
	" <span class=\"long\">{{feed}}</span></p>\n"
	"<h2>" T_("Your coach") "</h2>\n"
	/* TRANSLATORS: {{coach}} is the coach's name; keep it, it may move */
	"<p>" T_("{{coach}}: write if something comes up.") "</p>\n"
	"<p><a class=\"button long\" href=\"mailto:{{coach_email}}\">{{coach_email}}</a></p>\n";

static const char cancel_text[] =
	"<p>{{session.when}} &middot; {{session.title}}</p>\n"
	"<p class=\"verdict{{#late}} late{{/late}}\" role=\"status\">{{verdict}}</p>\n"
	"<form method=\"post\" action=\"{{action}}\">"
	"<input type=\"hidden\" name=\"csrf\" value=\"{{csrf}}\">"
	"<label>" T_("Reason") " <select name=\"reason\" required><option value=\"\">"
	T_("choose one") "</option>"
	"{{#reasons}}<option value=\"{{code}}\">{{words}}</option>{{/reasons}}</select></label><br>"
	"<label>" T_("A note for your coach (optional)") "<br><textarea name=\"note\" rows=\"3\" "
	"cols=\"30\" maxlength=\"2000\"></textarea></label><br>"
	"<button class=\"stop\">" T_("Cancel my place") "</button></form>\n"
	"<p><a class=\"button\" href=\"{{back}}\">" T_("Keep my place") "</a></p>\n";

static const char move_text[] =
	"<p>{{session.when}} &middot; {{session.title}}</p>\n"
	"<p class=\"verdict{{#late}} late{{/late}}\" role=\"status\">{{verdict}}</p>\n"
	"<form method=\"post\" action=\"{{action}}\">"
	"<input type=\"hidden\" name=\"csrf\" value=\"{{csrf}}\">"
	"<fieldset><legend>" T_("Move my place to") "</legend>{{#slots}}<label class=\"choice\">"
	"<input type=\"radio\" name=\"at\" value=\"{{code}}\" required>"
	"<span>{{when}}</span></label>{{/slots}}</fieldset>"
	"<label>" T_("A note for your coach (optional)") "<br><textarea name=\"note\" rows=\"3\" "
	"cols=\"30\" maxlength=\"2000\"></textarea></label><br>"
	"<button class=\"go\">" T_("Move my place") "</button></form>\n"
	"<p><a class=\"button\" href=\"{{back}}\">" T_("Keep my place") "</a></p>\n";

/* The second tap: a mark over what the participant told us says what it replaces. */
static const char replace_text[] =
	/* TRANSLATORS: {{name}} is the participant; keep it, it may move */
	"<p class=\"verdict late\" role=\"status\">" T_("{{name}} told us:") " <span "
	"class=\"record\">{{record}}</span>. {{verdict}}</p>\n"
	"<form method=\"post\" action=\"{{action_mark}}\">"
	"<input type=\"hidden\" name=\"csrf\" value=\"{{csrf}}\">"
	"<input type=\"hidden\" name=\"email\" value=\"{{email}}\">"
	"<input type=\"hidden\" name=\"status\" value=\"{{status}}\">"
	"{{#minutes}}<input type=\"hidden\" name=\"minutes\" value=\"{{minutes}}\">{{/minutes}}"
	"{{#reason}}<input type=\"hidden\" name=\"reason\" value=\"{{reason}}\">{{/reason}}"
	"<input type=\"hidden\" name=\"replace\" value=\"1\">"
	"<button class=\"stop\">{{replace_with}}</button></form>\n"
	/* TRANSLATORS: {{name}} is the participant; keep it, it may move */
	"<p><a class=\"button\" href=\"{{back}}\">" T_("Keep what {{name}} told us") "</a></p>\n";

static const char login_text[] =
	"<p>{{text}}</p>\n<form method=\"post\" action=\"{{action}}\">"
	"<p><label><input type=\"checkbox\" name=\"remember\" value=\"1\"> "
	T_("Remember this phone for 30 days") "</label></p>"
	"<button type=\"submit\">" T_("Sign in on this phone") "</button></form>\n";

static const char *const head_names[] = { "title", "lang", NULL };
static const char *const page_names[] = { "title", "text", "href", "link_text", "flash",
	"session.when", "session.title", "session.kind", "session.location", "csrf",
	"action_mark", "action_undo", "action_walk_in", "walk_in", "cohort", "verdict",
	"late", "action", "back", "name", "email", "record", "status", "minutes", "reason",
	"error", "rest", "who", "confirm", "feed", "webcal", "coach", "coach_email",
	"replace_with", "join_any", NULL };
static const char *const page_lists[] = { "sessions", "people", "accepted", "candidates",
	"reasons", "slots", "joinable", NULL };
static const char *const page_items[] = { "href", "when", "cohort", "number", "title",
	"state", "anchor", "name", "email", "record", "undoable", "code", "move", "words",
	"with", "place", "link", "cutoff", "ics", "join", NULL };

/* Appends template 'src' to 'out' with each T_ word in this thread's language,
 * escaped for HTML (a translation's {{field}} is left as it is). */
static void
words_expand(const char *src, struct strbuf *out)
{
	while (*src) {
		const char *mark = strchr(src, '\001'), *end;
		struct strbuf id = STRBUF_INIT;

		if (mark == NULL || (end = strchr(mark, '\002')) == NULL) {
			sb_adds(out, src);
			return;
		}
		sb_add(out, src, (size_t)(mark - src));
		sb_add(&id, mark + 1, (size_t)(end - mark - 1));
		for (const char *c = _(sb_str(&id)); *c; c++) {
			if (*c == '&')
				sb_adds(out, "&amp;");
			else if (*c == '<')
				sb_adds(out, "&lt;");
			else if (*c == '>')
				sb_adds(out, "&gt;");
			else if (*c == '"')
				sb_adds(out, "&quot;");
			else
				sb_addc(out, *c);
		}
		sb_free(&id);
		src = end + 1;
	}
}

/* Compiles every page of template 'text' named 'name' in this thread's language. */
static struct tpl *
page_compile(const char *text, const char *name, const struct tpl_schema *schema, su_err *e)
{
	struct strbuf sb = STRBUF_INIT;
	struct tpl *t;

	words_expand(text, &sb);
	t = tpl_compile(sb_str(&sb), name, schema, e);
	sb_free(&sb);
	return t;
}

int
pages_load(struct pages *p, su_err *e)
{
	static const struct tpl_schema head = { head_names, NULL, NULL };
	static const struct tpl_schema body = { page_names, page_lists, page_items };
	static const char *const text[PAGE_COUNT] = { message_text, sessions_text, roll_text,
		person_text, cancel_text, move_text, replace_text, login_text, rest_text };
	static const char *const name[PAGE_COUNT] = { "message", "sessions", "roll",
		"person", "cancel", "move", "replace", "login", "rest" };
	const char *was = lang_now();

	memset(p, 0, sizeof *p);
	if ((p->head = tpl_compile(head_text, "head", &head, e)) == NULL ||
	    (p->foot = tpl_compile(foot_text, "foot", &head, e)) == NULL)
		goto fail;
	for (int k = 0; lang_codes[k] != NULL; k++) {
		if (k >= PAGE_LANGS) {
			su_err_set(e, "the pages know %d languages, lang_codes more", PAGE_LANGS);
			goto fail;
		}
		lang_use(lang_codes[k]);
		for (int i = 0; i < PAGE_COUNT; i++)
			if ((p->page[k][i] = page_compile(text[i], name[i], &body, e)) == NULL)
				goto fail;
	}
	lang_use(was);
	return 0;
fail:
	lang_use(was);
	pages_free(p);
	return -1;
}

void
pages_free(struct pages *p)
{
	tpl_free(p->head);
	tpl_free(p->foot);
	for (int k = 0; k < PAGE_LANGS; k++)
		for (int i = 0; i < PAGE_COUNT; i++)
			tpl_free(p->page[k][i]);
	memset(p, 0, sizeof *p);
}

/* Returns the index of this thread's language in lang_codes: the pages to render. */
static int
page_lang(void)
{
	const char *now = lang_now();

	for (int k = 0; k < PAGE_LANGS && lang_codes[k] != NULL; k++)
		if (strcmp(lang_codes[k], now) == 0)
			return k;
	return 0;
}

const char *
page_when(struct arena *a, const char *zone, int64_t t, enum page_when form)
{
	struct strbuf sb = STRBUF_INIT;

	if (form == WHEN_FULL)
		reader_date(zone, t, &sb);
	else
		day_comma_time(zone, t, &sb);
	return arena_keep(a, sb_detach(&sb));
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
	const struct tpl_field f[] = { { "title", title, NULL }, { "lang", lang_now(), NULL } };
	const struct tpl_scope top = { f, ARRAY_SIZE(f), NULL };
	struct tpl_scope inner = scope ? *scope : (struct tpl_scope){ NULL, 0, NULL };

	inner.parent = &top;
	r->status = status;
	r->type = "text/html; charset=utf-8";
	sb_reset(&r->body);
	tpl_render_html(p->head, &top, &r->body);
	tpl_render_html(p->page[page_lang()][id], &inner, &r->body);
	tpl_render_html(p->foot, &top, &r->body);
}

/* Returns 1 if a page of 'status' says something went wrong (409 and 410 say how things stand). */
static int
is_error(int status)
{
	return status >= 400 && status != 409 && status != 410;
}

void
page_message(const struct pages *p, struct web_reply *r, int status, const char *title,
    const char *text, const char *href, const char *link_text)
{
	const struct tpl_field f[] = { { "text", text, NULL }, { "href", href, NULL },
		{ "link_text", link_text, NULL }, { "error", is_error(status) ? "1" : "", NULL } };
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
