/* SPDX-License-Identifier: Apache-2.0 */
/* test_template.c - the notices' small mustache: rendering, and every error it catches. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "showup/template.h"
#include "suites.h"

static const char *const names[] = { "participant.first_name", "points", "refund",
	"refund.amount", NULL };
static const char *const lists[] = { "events", NULL };
static const char *const item_names[] = { "session", "outcome", NULL };
static const struct tpl_schema schema = { names, lists, item_names };

static const struct tpl_scope events_items[] = {
	{ (const struct tpl_field[]){ { "session", "3", NULL }, { "outcome", "no-show", NULL } },
	  2, NULL },
	{ (const struct tpl_field[]){ { "session", "5", NULL }, { "outcome", "late", NULL } },
	  2, NULL },
};
static const struct tpl_list events = { events_items, 2 };
static const struct tpl_list no_events = { NULL, 0 };

static const struct {
	const char *text;
	int with_refund;
	const char *want;
} render_cases[] = {
	{ "Hi {{participant.first_name}}, {{points}} points.", 1, "Hi Zoë, 3 points." },
	{ "{{#events}}#{{session}} {{outcome}}; {{/events}}", 1, "#3 no-show; #5 late; " },
	{ "{{#events}}{{participant.first_name}}{{/events}}", 1, "ZoëZoë" },
	{ "{{#refund}}refund {{refund.amount}}{{/refund}}", 1, "refund 1,500.00 EUR" },
	{ "{{#refund}}refund{{/refund}}{{^refund}}none{{/refund}}", 0, "none" },
	{ "a{{! a note for the coach }}b", 1, "ab" },
	{ "{{ points }}", 1, "3" },
	{ "no tags at all\n", 1, "no tags at all\n" },
	{ "", 1, "" },
	{ "{{! a note }}\nA\n  {{#events}}\n- {{session}}\n  {{/events}}\nB\n", 1,
	  "A\n- 3\n- 5\nB\n" },
	{ "x {{#refund}}y{{/refund}}\nz\n", 0, "x \nz\n" },
};

START_TEST(template_renders)
{
	const struct tpl_field fields[] = {
		{ "participant.first_name", "Zoë", NULL }, { "points", "3", NULL },
		{ "refund", render_cases[_i].with_refund ? "yes" : "", NULL },
		{ "refund.amount", "1,500.00 EUR", NULL },
		{ "events", NULL, &events },
	};
	const struct tpl_scope scope = { fields, ARRAY_SIZE(fields), NULL };
	struct strbuf out = STRBUF_INIT;
	su_err e;
	struct tpl *t = tpl_compile(render_cases[_i].text, "t", &schema, &e);

	ck_assert_msg(t != NULL, "%s", e.msg);
	tpl_render(t, &scope, &out);
	ck_assert_str_eq(sb_str(&out), render_cases[_i].want);
	sb_free(&out);
	tpl_free(t);
}
END_TEST

START_TEST(template_empty_list_renders_inverted)
{
	const struct tpl_field fields[] = { { "events", NULL, &no_events } };
	const struct tpl_scope scope = { fields, 1, NULL };
	struct strbuf out = STRBUF_INIT;
	struct tpl *t = tpl_compile("{{#events}}x{{/events}}{{^events}}nothing{{/events}}",
	    "t", &schema, NULL);

	tpl_render(t, &scope, &out);
	ck_assert_str_eq(sb_str(&out), "nothing");
	sb_free(&out);
	tpl_free(t);
}
END_TEST

static const struct {
	const char *text;
	const char *error;
} error_cases[] = {
	{ "Hi {{participant.last_name}}", "warning:1: unknown name 'participant.last_name'" },
	{ "line\nline\n{{#events}}\nx\n", "warning:3: section 'events' is never closed" },
	{ "{{#events}}{{/refund}}", "warning:1: {{/refund}} closes section 'events'" },
	{ "{{/events}}", "warning:1: {{/events}} closes no section" },
	{ "\n{{points", "warning:2: a tag is never closed with }}" },
	{ "{{events}}", "warning:1: 'events' is a list: use {{#events}}...{{/events}}" },
	{ "{{session}}", "warning:1: unknown name 'session'" },
	{ "{{}}", "warning:1: an empty or overlong tag" },
	{ "{{Points!}}", "warning:1: 'Points!' is not a name" },
};

START_TEST(template_errors_name_the_line)
{
	su_err e;
	struct tpl *t = tpl_compile(error_cases[_i].text, "warning", &schema, &e);

	ck_assert_ptr_null(t);
	ck_assert_str_eq(e.msg, error_cases[_i].error);
}
END_TEST

/* In HTML mode every value is text: markup and quotes come out as entities, in lists too. */
START_TEST(template_html_escapes_every_value)
{
	const struct tpl_scope items[] = {
		{ (const struct tpl_field[]){ { "session", "<b>", NULL },
		  { "outcome", "a\"b'c", NULL } }, 2, NULL },
	};
	const struct tpl_list l = { items, 1 };
	const struct tpl_field f[] = {
		{ "participant.first_name", "<script>alert(1)</script> & co", NULL },
		{ "events", NULL, &l },
	};
	const struct tpl_scope scope = { f, 2, NULL };
	struct strbuf out = STRBUF_INIT, plain = STRBUF_INIT;
	su_err e;
	struct tpl *t = tpl_compile("<p title=\"{{participant.first_name}}\">"
	    "{{#events}}{{session}}{{outcome}}{{/events}}</p>", "page", &schema, &e);

	ck_assert_ptr_nonnull(t);
	tpl_render_html(t, &scope, &out);
	ck_assert_str_eq(sb_str(&out), "<p title=\"&lt;script&gt;alert(1)&lt;/script&gt; "
	    "&amp; co\">&lt;b&gt;a&quot;b&#39;c</p>");
	tpl_render(t, &scope, &plain);	/* the notices' plain text stays as it was */
	ck_assert_str_eq(sb_str(&plain), "<p title=\"<script>alert(1)</script> & co\">"
	    "<b>a\"b'c</p>");
	sb_free(&out);
	sb_free(&plain);
	tpl_free(t);
}
END_TEST

Suite *
template_suite(void)
{
	Suite *s = suite_create("template");
	TCase *tc = tcase_create("template");

	tcase_add_loop_test(tc, template_renders, 0, ARRAY_SIZE(render_cases));
	tcase_add_test(tc, template_empty_list_renders_inverted);
	tcase_add_test(tc, template_html_escapes_every_value);
	tcase_add_loop_test(tc, template_errors_name_the_line, 0, ARRAY_SIZE(error_cases));
	suite_add_tcase(s, tc);
	return s;
}
