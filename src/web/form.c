/* SPDX-License-Identifier: Apache-2.0 */
/* form.c - form bodies and cookies read strictly, for showup serve. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "form.h"
#include "showup/util.h"

/* Returns the value of hex digit c, or -1. */
static int
hex_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Decodes n bytes of one urlencoded name or value; a fresh string, or NULL if malformed. */
static char *
unescape(const char *s, size_t n)
{
	char *out = xmalloc(n + 1);
	size_t k = 0;

	for (size_t i = 0; i < n; i++) {
		int hi, lo;

		if (s[i] == '+') {
			out[k++] = ' ';
		} else if (s[i] != '%') {
			out[k++] = s[i];
		} else if (i + 2 < n && (hi = hex_value(s[i + 1])) >= 0 &&
		    (lo = hex_value(s[i + 2])) >= 0) {
			out[k++] = (char)(hi * 16 + lo);
			i += 2;
		} else {
			free(out);
			return NULL;
		}
	}
	out[k] = '\0';
	if (strlen(out) != k || !utf8_valid(out, k)) {
		free(out);
		return NULL;
	}
	for (size_t i = 0; i < k; i++)
		if ((unsigned char)out[i] < 0x20 && out[i] != '\t' && out[i] != '\r' &&
		    out[i] != '\n') {
			free(out);
			return NULL;
		}
	return out;
}

/* Adds one "name=value" field of n bytes to f; 0, or -1 if malformed. */
static int
add_field(struct form *f, const char *s, size_t n)
{
	const char *eq = memchr(s, '=', n);
	char *name, *value;

	if (eq == NULL || f->n == FORM_MAX_FIELDS)
		return -1;
	name = unescape(s, (size_t)(eq - s));
	value = unescape(eq + 1, n - (size_t)(eq - s) - 1);
	if (name == NULL || value == NULL || *name == '\0') {
		free(name);
		free(value);
		return -1;
	}
	if (f->n == 0) {
		f->names = xcalloc(FORM_MAX_FIELDS, sizeof *f->names);
		f->values = xcalloc(FORM_MAX_FIELDS, sizeof *f->values);
	}
	f->names[f->n] = name;
	f->values[f->n++] = value;
	return 0;
}

int
form_decode(const char *body, size_t len, struct form *out)
{
	size_t start = 0;

	memset(out, 0, sizeof *out);
	for (size_t i = 0; i <= len; i++) {
		if (i < len && body[i] != '&')
			continue;
		if (i > start && add_field(out, body + start, i - start) < 0) {
			form_free(out);
			return -1;
		}
		start = i + 1;
	}
	return 0;
}

const char *
form_get(const struct form *f, const char *name)
{
	for (size_t i = 0; i < f->n; i++)
		if (strcmp(f->names[i], name) == 0)
			return f->values[i];
	return NULL;
}

void
form_free(struct form *f)
{
	for (size_t i = 0; i < f->n; i++) {
		free(f->names[i]);
		free(f->values[i]);
	}
	free(f->names);
	free(f->values);
	memset(f, 0, sizeof *f);
}

char *
cookie_get(const char *header, const char *name)
{
	size_t namelen = strlen(name);
	const char *p = header;

	while (p != NULL && *p) {
		size_t len;

		while (*p == ' ' || *p == '\t')
			p++;
		len = strcspn(p, ";");
		if (len > namelen && strncmp(p, name, namelen) == 0 && p[namelen] == '=') {
			const char *v = p + namelen + 1;
			size_t vlen = len - namelen - 1;

			while (vlen > 0 && (v[vlen - 1] == ' ' || v[vlen - 1] == '\t'))
				vlen--;
			return xstrndup(v, vlen);
		}
		p = p[len] == ';' ? p + len + 1 : NULL;
	}
	return NULL;
}
