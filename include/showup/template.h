/* SPDX-License-Identifier: Apache-2.0 */
/* template.h - the notices' templates: a small mustache ({{name}}, {{#list}}..{{/list}},
 * {{^name}}..{{/name}}, {{! note}}), checked against the names a notice offers. */
#ifndef SHOWUP_TEMPLATE_H
#define SHOWUP_TEMPLATE_H

#include <stddef.h>

#include "showup/util.h"

/* The names a template may use: plain names, and lists whose items have names of their own. */
struct tpl_schema {
	const char *const *names;	/* "participant.first_name", ..., NULL */
	const char *const *lists;	/* "events", ..., NULL */
	const char *const *item_names;	/* what an item of any list offers, NULL-ended */
};

/* Values for one rendering: a scope of named texts and lists; sections look outwards. */
struct tpl_scope;
struct tpl_list {
	const struct tpl_scope *items;
	size_t n;
};
struct tpl_field {
	const char *name;
	const char *text;		/* NULL or "" is false in a section */
	const struct tpl_list *list;	/* for a list name */
};
struct tpl_scope {
	const struct tpl_field *fields;
	size_t n;
	const struct tpl_scope *parent;
};

struct tpl;

/*
 * Compiles a template; 'name' is used in messages. Every tag is checked: an
 * unknown name, a section never closed or closed by another name is an error
 * "name:line: ...". Returns the template, or NULL with 'e' set.
 */
struct tpl *tpl_compile(const char *text, const char *name, const struct tpl_schema *schema,
    su_err *e);
/* Renders with the values of 'scope' into 'out' (appended). */
void tpl_render(const struct tpl *t, const struct tpl_scope *scope, struct strbuf *out);
/*
 * Renders as tpl_render does, for a web page: every value is escaped for HTML
 * (& < > " ' as entities), so no value can add markup; there is no raw tag.
 */
void tpl_render_html(const struct tpl *t, const struct tpl_scope *scope, struct strbuf *out);
void tpl_free(struct tpl *t);

#endif
