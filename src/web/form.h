/* SPDX-License-Identifier: Apache-2.0 */
/* form.h - what a browser sends, read strictly: form bodies
 * (application/x-www-form-urlencoded) and the Cookie header. Pure: no I/O. */
#ifndef SHOWUP_WEB_FORM_H
#define SHOWUP_WEB_FORM_H

#include <stddef.h>

/* The fields of one form, in the order sent. */
struct form {
	char **names;
	char **values;
	size_t n;
};

/* How many fields a form may have; a body with more is refused. */
#define FORM_MAX_FIELDS 32

/*
 * Decodes an urlencoded body of 'len' bytes (no NUL needed) into 'out':
 * '+' is a space, %XX a byte. Refuses (-1, 'out' empty) a bad escape, a
 * field without '=', a value that is not UTF-8 or holds a control
 * character other than TAB, CR and LF, and more than FORM_MAX_FIELDS
 * fields. 0 on success; free 'out' with form_free either way.
 */
int form_decode(const char *body, size_t len, struct form *out);
/* Returns the value of the first field called 'name', or NULL if none. */
const char *form_get(const struct form *f, const char *name);
void form_free(struct form *f);

/*
 * Finds cookie 'name' in a Cookie header ("a=1; b=2") and returns its value
 * (the caller frees it), or NULL if the header has none of that name.
 */
char *cookie_get(const char *header, const char *name);

#endif
