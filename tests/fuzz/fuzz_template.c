/* SPDX-License-Identifier: Apache-2.0 */
/* fuzz_template.c - libFuzzer harness: the notices' template compiler and renderer. */
#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "showup/template.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const names[] = { "participant.first_name", "points", "refund", NULL };
static const char *const lists[] = { "events", NULL };
static const char *const item_names[] = { "session", NULL };
static const struct tpl_schema schema = { names, lists, item_names };

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct tpl_scope items[] = {
		{ (const struct tpl_field[]){ { "session", "3", NULL } }, 1, NULL },
		{ (const struct tpl_field[]){ { "session", "5", NULL } }, 1, NULL },
	};
	const struct tpl_list events = { items, 2 };
	const struct tpl_field fields[] = { { "participant.first_name", "Zoë", NULL },
		{ "points", "3", NULL }, { "refund", "", NULL }, { "events", NULL, &events } };
	const struct tpl_scope scope = { fields, 4, NULL };
	char *text = xstrndup((const char *)data, size);
	struct strbuf out = STRBUF_INIT;
	struct tpl *t = tpl_compile(text, "fuzz", &schema, NULL);

	if (t != NULL)
		tpl_render(t, &scope, &out);
	tpl_free(t);
	sb_free(&out);
	free(text);
	return 0;
}
