/* SPDX-License-Identifier: Apache-2.0 */
/* fuzz_web.c - libFuzzer harness: what a browser sends showup serve. The first byte
 * picks the reader: a form body, a Cookie header, or a participant's link token. */
#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/web/form.h"
#include "showup/webauth.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Appends s urlencoded (every byte but letters and digits as %XX). */
static void
encode(struct strbuf *sb, const char *s)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
			sb_addc(sb, (char)c);
		else
			sb_addf(sb, "%%%02X", c);
	}
}

/* A decoded form holds only clean text, and encodes back to the same fields. */
static void
check_form(const char *body, size_t len)
{
	struct form f, again;
	struct strbuf sb = STRBUF_INIT;

	if (form_decode(body, len, &f) < 0) {
		if (f.n != 0)
			abort();
		return;
	}
	if (f.n > FORM_MAX_FIELDS)
		abort();
	for (size_t i = 0; i < f.n; i++) {
		if (!utf8_valid(f.values[i], strlen(f.values[i])) || *f.names[i] == '\0')
			abort();
		sb_adds(&sb, i ? "&" : "");
		encode(&sb, f.names[i]);
		sb_addc(&sb, '=');
		encode(&sb, f.values[i]);
	}
	if (form_decode(sb_str(&sb), sb.len, &again) < 0 || again.n != f.n)
		abort();
	for (size_t i = 0; i < f.n; i++)
		if (strcmp(f.names[i], again.names[i]) != 0 ||
		    strcmp(f.values[i], again.values[i]) != 0)
			abort();
	form_free(&again);
	form_free(&f);
	sb_free(&sb);
}

/* A cookie's value is a piece of the header that follows "name=". */
static void
check_cookie(const char *header)
{
	char *v = cookie_get(header, "showup_session");
	const char *at;

	if (v == NULL)
		return;
	if ((at = strstr(header, "showup_session=")) == NULL || strstr(at, v) == NULL)
		abort();
	free(v);
}

/* A token is taken only if this key made exactly it. */
static void
check_token(const char *text)
{
	static const struct webauth_key key = { { 7 } };
	int64_t cohort, person;
	long long expires;
	char *made;
	su_err e;

	if (webauth_link_check(&key, text, 0, &cohort, &person, &e) != 1)
		return;
	if (sscanf(text, "%*d.%*d.%lld.", &expires) != 1)
		abort();
	made = webauth_link_token(&key, cohort, person, expires);
	if (strcmp(made, text) != 0)
		abort();
	free(made);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text;

	if (size == 0)
		return 0;
	text = xstrndup((const char *)data + 1, size - 1);
	if (data[0] % 3 == 0)
		check_form((const char *)data + 1, size - 1);
	else if (data[0] % 3 == 1)
		check_cookie(text);
	else
		check_token(text);
	free(text);
	return 0;
}
