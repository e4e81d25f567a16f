/* SPDX-License-Identifier: Apache-2.0 */
/* template.c - a small mustache: compiled once (every tag checked), rendered many times. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "showup/template.h"

enum node_kind { N_TEXT, N_NAME, N_SECTION, N_INVERTED };

/* One piece of a compiled template; sections hold their body as the next 'len' nodes. */
struct node {
	enum node_kind kind;
	char *text;		/* N_TEXT: the text; else the name */
	size_t len;		/* sections: how many nodes their body takes */
};

struct tpl {
	struct node *v;
	size_t n, cap;
};

/* Returns 1 if 'name' is in the NULL-ended list. */
static int
listed(const char *const *list, const char *name)
{
	for (; list != NULL && *list != NULL; list++)
		if (strcmp(*list, name) == 0)
			return 1;
	return 0;
}

/* Appends a node and returns its index. */
static size_t
add_node(struct tpl *t, enum node_kind kind, const char *text, size_t n)
{
	if (t->n == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 32;
		t->v = xrealloc(t->v, t->cap * sizeof *t->v);
	}
	t->v[t->n] = (struct node){ kind, xstrndup(text, n), 0 };
	return t->n++;
}

/* Counts the lines up to 'at' (1-based). */
static int
line_of(const char *start, const char *at)
{
	int line = 1;

	for (; start < at; start++)
		line += *start == '\n';
	return line;
}

#define MAX_DEPTH 16

/* The sections open while compiling: their node and name. */
struct open_sections {
	size_t node[MAX_DEPTH];
	int in_list[MAX_DEPTH];
	const char *where[MAX_DEPTH];	/* "name:line" of the opening tag */
	int depth;
};

/* Checks a name used at the current depth; 0 or -1 with 'e' set. */
static int
check_name(const struct tpl_schema *s, const struct open_sections *open, const char *name,
    int section, const char *where, su_err *e)
{
	int in_list = open->depth > 0 && open->in_list[open->depth - 1];

	if (listed(s->names, name) || (section && listed(s->lists, name)) ||
	    (in_list && listed(s->item_names, name)))
		return 0;
	if (!section && listed(s->lists, name))
		return su_err_set(e, "%s: '%s' is a list: use {{#%s}}...{{/%s}}", where, name,
		    name, name);
	return su_err_set(e, "%s: unknown name '%s'", where, name);
}

/* Compiles one tag (the text between the braces); 0 or -1 with 'e' set. */
static int
compile_tag(struct tpl *t, const struct tpl_schema *s, struct open_sections *open,
    const char *tag, size_t len, const char *where, su_err *e)
{
	char name[128];
	char sigil = len > 0 ? tag[0] : '\0';
	size_t start = (sigil == '#' || sigil == '^' || sigil == '/' || sigil == '!') ? 1 : 0;

	if (sigil == '!')
		return 0;
	while (start < len && tag[start] == ' ')
		start++;
	while (len > start && tag[len - 1] == ' ')
		len--;
	if (len == start || len - start >= sizeof name)
		return su_err_set(e, "%s: an empty or overlong tag", where);
	memcpy(name, tag + start, len - start);
	name[len - start] = '\0';
	for (const char *c = name; *c; c++)
		if (!((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') || *c == '_' ||
		    *c == '.'))
			return su_err_set(e, "%s: '%s' is not a name", where, name);
	if (sigil == '/') {
		if (open->depth == 0)
			return su_err_set(e, "%s: {{/%s}} closes no section", where, name);
		if (strcmp(t->v[open->node[open->depth - 1]].text, name) != 0)
			return su_err_set(e, "%s: {{/%s}} closes section '%s'", where, name,
			    t->v[open->node[open->depth - 1]].text);
		open->depth--;
		t->v[open->node[open->depth]].len = t->n - open->node[open->depth] - 1;
		return 0;
	}
	if (check_name(s, open, name, sigil == '#' || sigil == '^', where, e) < 0)
		return -1;
	if (sigil != '#' && sigil != '^') {
		add_node(t, N_NAME, name, strlen(name));
		return 0;
	}
	if (open->depth == MAX_DEPTH)
		return su_err_set(e, "%s: sections nested too deep", where);
	open->in_list[open->depth] = (open->depth > 0 && open->in_list[open->depth - 1]) ||
	    (sigil == '#' && listed(s->lists, name));
	free((char *)open->where[open->depth]);
	open->where[open->depth] = xstrdup(where);
	open->node[open->depth++] = add_node(t, sigil == '#' ? N_SECTION : N_INVERTED, name,
	    strlen(name));
	return 0;
}

/*
 * A section, closing or note tag alone on its line takes the whole line with
 * it, as in mustache. Returns where the text before the tag ends, and moves
 * *end so that end + 2 is where the text after it starts.
 */
static const char *
standalone(const char *text, const char *p, const char *tag, const char **end)
{
	const char *ls = tag, *le = *end + 2;
	char sigil = tag[2];

	if (sigil != '#' && sigil != '^' && sigil != '/' && sigil != '!')
		return tag;
	while (ls > p && (ls[-1] == ' ' || ls[-1] == '\t'))
		ls--;
	if (ls != text && ls[-1] != '\n')
		return tag;
	while (*le == ' ' || *le == '\t')
		le++;
	if (*le == '\r' && le[1] == '\n')
		le += 2;
	else if (*le == '\n')
		le++;
	else if (*le != '\0')
		return tag;
	*end = le - 2;
	return ls;
}

struct tpl *
tpl_compile(const char *text, const char *name, const struct tpl_schema *schema, su_err *e)
{
	struct tpl *t = xcalloc(1, sizeof *t);
	struct open_sections open = { .depth = 0 };
	const char *p = text;
	char where[256];

	while (*p) {
		const char *tag = strstr(p, "{{"), *end, *text_end;

		if (tag == NULL) {
			add_node(t, N_TEXT, p, strlen(p));
			break;
		}
		snprintf(where, sizeof where, "%s:%d", name, line_of(text, tag));
		if ((end = strstr(tag + 2, "}}")) == NULL) {
			su_err_set(e, "%s: a tag is never closed with }}", where);
			goto fail;
		}
		text_end = standalone(text, p, tag, &end);
		if (text_end > p)
			add_node(t, N_TEXT, p, (size_t)(text_end - p));
		if (compile_tag(t, schema, &open, tag + 2, (size_t)(strstr(tag + 2, "}}") - tag - 2),
		    where, e) < 0)
			goto fail;
		p = end + 2;
	}
	if (open.depth > 0) {
		su_err_set(e, "%s: section '%s' is never closed", open.where[open.depth - 1],
		    t->v[open.node[open.depth - 1]].text);
		goto fail;
	}
	for (int k = 0; k < MAX_DEPTH; k++)
		free((char *)open.where[k]);
	return t;
fail:
	for (int k = 0; k < MAX_DEPTH; k++)
		free((char *)open.where[k]);
	tpl_free(t);
	return NULL;
}

/* Finds 'name' in the scope or the scopes around it; NULL if none has it. */
static const struct tpl_field *
lookup(const struct tpl_scope *scope, const char *name)
{
	for (; scope != NULL; scope = scope->parent)
		for (size_t i = 0; i < scope->n; i++)
			if (strcmp(scope->fields[i].name, name) == 0)
				return &scope->fields[i];
	return NULL;
}

/* Returns 1 if a field counts as true in a section: a non-empty list or text. */
static int
truthy(const struct tpl_field *f)
{
	if (f == NULL)
		return 0;
	if (f->list != NULL)
		return f->list->n > 0;
	return f->text != NULL && *f->text != '\0';
}

/* Appends 's' with the characters HTML gives a meaning to written as entities. */
static void
add_html_escaped(struct strbuf *out, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '&': sb_adds(out, "&amp;"); break;
		case '<': sb_adds(out, "&lt;"); break;
		case '>': sb_adds(out, "&gt;"); break;
		case '"': sb_adds(out, "&quot;"); break;
		case '\'': sb_adds(out, "&#39;"); break;
		default: sb_addc(out, *s); break;
		}
	}
}

/* Renders nodes [from, to) in 'scope'; every value escaped for HTML if 'html'. */
static void
render_nodes(const struct tpl *t, size_t from, size_t to, const struct tpl_scope *scope,
    int html, struct strbuf *out)
{
	for (size_t i = from; i < to; i++) {
		const struct node *n = &t->v[i];
		const struct tpl_field *f;

		switch (n->kind) {
		case N_TEXT:
			sb_adds(out, n->text);
			break;
		case N_NAME:
			if ((f = lookup(scope, n->text)) == NULL || f->text == NULL)
				break;
			if (html)
				add_html_escaped(out, f->text);
			else
				sb_adds(out, f->text);
			break;
		case N_SECTION:
			f = lookup(scope, n->text);
			if (f != NULL && f->list != NULL) {
				for (size_t k = 0; k < f->list->n; k++) {
					struct tpl_scope item = f->list->items[k];

					item.parent = scope;
					render_nodes(t, i + 1, i + 1 + n->len, &item, html, out);
				}
			} else if (truthy(f)) {
				render_nodes(t, i + 1, i + 1 + n->len, scope, html, out);
			}
			i += n->len;
			break;
		case N_INVERTED:
			if (!truthy(lookup(scope, n->text)))
				render_nodes(t, i + 1, i + 1 + n->len, scope, html, out);
			i += n->len;
			break;
		}
	}
}

void
tpl_render(const struct tpl *t, const struct tpl_scope *scope, struct strbuf *out)
{
	render_nodes(t, 0, t->n, scope, 0, out);
}

void
tpl_render_html(const struct tpl *t, const struct tpl_scope *scope, struct strbuf *out)
{
	render_nodes(t, 0, t->n, scope, 1, out);
}

void
tpl_free(struct tpl *t)
{
	if (t == NULL)
		return;
	for (size_t i = 0; i < t->n; i++)
		free(t->v[i].text);
	free(t->v);
	free(t);
}
