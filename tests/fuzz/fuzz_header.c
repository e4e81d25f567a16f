/* SPDX-License-Identifier: Apache-2.0 */
/* fuzz_header.c - libFuzzer harness: the message builder with any name and subject.
 * Whatever goes in, no line of the header may be one the builder did not write,
 * and the To field readdressed (message_replace_to) neither. */
#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "showup/message.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Aborts unless every header line is one of ours or a folded continuation. */
static void
check_header(const char *msg)
{
	static const char *const ours[] = { "Date: ", "Message-ID: ", "From: ", "To: ",
		"Reply-To: ", "Subject: ", "MIME-Version: ", "Content-Type: ",
		"Content-Transfer-Encoding: ", NULL };
	const char *end = strstr(msg, "\r\n\r\n");

	for (const char *line = msg; line < end; ) {
		const char *eol = strstr(line, "\r\n");
		int known = line[0] == ' ';

		for (size_t i = 0; ours[i] && !known; i++)
			known = strncmp(line, ours[i], strlen(ours[i])) == 0;
		if (!known || memchr(line, '\n', (size_t)(eol - line)) ||
		    memchr(line, '\r', (size_t)(eol - line)))
			abort();
		line = eol + 2;
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = xstrndup((const char *)data, size);
	char *half = text + strlen(text) / 2;
	struct strbuf out = STRBUF_INIT;
	char *subject = xstrdup(half);
	struct message m;

	*half = '\0';
	m = (struct message){ .from_name = "Coach", .from_addr = "coach@example.com",
		.to_name = text, .to_addr = "p@example.com", .subject = subject,
		.message_id = "<1@example.com>", .body = subject };
	if (message_build(&m, &out, NULL) == 0) {
		struct strbuf again = STRBUF_INIT;

		check_header(sb_str(&out));
		/* a new name and address in the To field (participant edit) keeps it all ours */
		if (message_replace_to(out.buf, out.len, subject, "new@example.com", &again,
		    NULL) == 0)
			check_header(sb_str(&again));
		sb_free(&again);
	}
	sb_free(&out);
	free(subject);
	free(text);
	return 0;
}
