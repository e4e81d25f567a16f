/* SPDX-License-Identifier: Apache-2.0 */
/* qr.c - a login link drawn as a QR code in the terminal, for a phone's camera. */
#include "config.h"

#include <qrencode.h>

#include <stdlib.h>

#include "web.h"
#include "showup/timeutil.h"

/* Returns 1 if module (x, y) of q is dark; the quiet zone (4 modules) around it is light. */
static int
dark(const QRcode *q, int x, int y)
{
	if (x < 0 || y < 0 || x >= q->width || y >= q->width)
		return 0;
	return q->data[y * q->width + x] & 1;
}

int
web_qr_print(FILE *out, const char *text)
{
	QRcode *q = QRcode_encodeString(text, 0, QR_ECLEVEL_L, QR_MODE_8, 1);
	static const char *const halves[4] = { "\xe2\x96\x88", "\xe2\x96\x80",
		"\xe2\x96\x84", " " };	/* light-light, light-dark, dark-light, dark-dark */

	if (q == NULL)
		return -1;
	/* two rows a line, light drawn as a full block: dark on light on any terminal */
	for (int y = -4; y < q->width + 4; y += 2) {
		for (int x = -4; x < q->width + 4; x++)
			fputs(halves[dark(q, x, y) * 2 + dark(q, x, y + 1)], out);
		fputc('\n', out);
	}
	QRcode_free(q);
	return 0;
}

char *
web_login_link(struct store *st, const char *base, su_err *e)
{
	char *token = NULL, *link;

	if (STORE_TX(st, e, (token = webauth_login_create(st, time_now(), e)) ? 0 : -1) < 0) {
		free(token);
		return NULL;
	}
	link = xasprintf("%s/login/%s", base, token);
	free(token);
	return link;
}
