/* message.c - e-mail messages, byte for byte: headers, encoded words, quoted-printable,
 * base64. Nothing from the data reaches a header without being checked for CR and LF. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "showup/message.h"
#include "showup/model.h"
#include "showup/timeutil.h"

static const char b64[] =
	"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

int
header_safe(const char *s)
{
	for (; s && *s; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return 0;
	return 1;
}

void
base64_encode(const unsigned char *d, size_t n, int wrap, struct strbuf *out)
{
	size_t col = 0;

	for (size_t i = 0; i < n; i += 3) {
		unsigned int v = (unsigned)d[i] << 16 | (i + 1 < n ? (unsigned)d[i + 1] << 8 : 0) |
		    (i + 2 < n ? d[i + 2] : 0);
		char q[4] = { b64[v >> 18], b64[(v >> 12) & 63],
			i + 1 < n ? b64[(v >> 6) & 63] : '=', i + 2 < n ? b64[v & 63] : '=' };

		sb_add(out, q, 4);
		col += 4;
		if (wrap && col >= 76) {
			sb_add(out, "\r\n", 2);
			col = 0;
		}
	}
	if (wrap && col > 0)
		sb_add(out, "\r\n", 2);
}

/* Returns 1 if every byte of s is printable ASCII. */
static int
plain_ascii(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || (unsigned char)*s > 0x7e)
			return 0;
	return 1;
}

/* Returns the length of the UTF-8 sequence starting with byte c. */
static size_t
utf8_len(unsigned char c)
{
	return c < 0x80 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
}

/* The longest header line written, as RFC 2047 and 5322 ask. */
#define LINE_MAX_COLS 76
/* What an encoded word adds to its base64: "=?UTF-8?B?" and "?=". */
#define WORD_OVERHEAD 12

/* Folds the header: a new line that starts with a space; returns the new column. */
static size_t
fold(struct strbuf *out)
{
	sb_add(out, "\r\n ", 3);
	return 1;
}

/* Appends plain ASCII 's' from column 'col', folded at spaces; returns the column after it. */
static size_t
plain_words(const char *s, size_t col, struct strbuf *out)
{
	size_t start = col;

	while (*s) {
		size_t len = strcspn(s + 1, " ") + 1;	/* a word with the space before it */

		if (*s == ' ' && col > start && col + len > LINE_MAX_COLS) {
			col = fold(out);
			s++;
			len--;
		}
		sb_add(out, s, len);
		col += len;
		s += len;
	}
	return col;
}

/*
 * Returns how many bytes of 's' (of 'n') the next encoded word takes, at most
 * 'max': whole characters only, and ending after a space when one is there,
 * so that no word is cut in two (readers show the cut as a space).
 */
static size_t
word_chunk(const char *s, size_t n, size_t max)
{
	size_t chunk = 0, after_space = 0;

	while (chunk < n) {
		size_t len = utf8_len((unsigned char)s[chunk]);

		if (len > n - chunk)	/* a cut-off sequence at the end */
			len = n - chunk;
		if (chunk + len > max)
			break;
		chunk += len;
		if (s[chunk - 1] == ' ')
			after_space = chunk;
	}
	if (chunk < n && after_space > 0)
		return after_space;
	if (chunk == 0)		/* one character longer than a word: never */
		chunk = n < 4 ? n : 4;
	return chunk;
}

size_t
header_encode(const char *s, size_t col, struct strbuf *out)
{
	size_t n = strlen(s), i = 0;

	if (plain_ascii(s))
		return plain_words(s, col, out);
	while (i < n) {
		size_t room = col + WORD_OVERHEAD + 4 <= LINE_MAX_COLS
		    ? (LINE_MAX_COLS - col - WORD_OVERHEAD) / 4 * 3 : 0;
		size_t chunk;

		if (room < 4) {		/* not one character fits on this line */
			col = fold(out);
			continue;
		}
		chunk = word_chunk(s + i, n - i, room);
		sb_adds(out, "=?UTF-8?B?");
		base64_encode((const unsigned char *)s + i, chunk, 0, out);
		sb_adds(out, "?=");
		col += WORD_OVERHEAD + (chunk + 2) / 3 * 4;
		i += chunk;
		if (i < n)
			col = fold(out);
	}
	return col;
}

/*
 * Appends one quoted-printable line (no line end in it), soft-broken at 76
 * columns. Written straight into the buffer, grown once for the most it can
 * take (each byte "=XX" and a soft break before it): a body is most of a
 * message, and a plan builds thousands.
 */
static void
qp_line(const char *s, size_t n, struct strbuf *out)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t col = 0;
	char *p;

	sb_grow(out, n * 6 + 2);
	p = out->buf + out->len;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		int plain = (c >= 33 && c <= 126 && c != '=') ||
		    ((c == ' ' || c == '\t') && i + 1 < n);
		size_t w = plain ? 1 : 3;

		if (col + w > 75) {
			memcpy(p, "=\r\n", 3);
			p += 3;
			col = 0;
		}
		if (plain) {
			*p++ = (char)c;
		} else {
			*p++ = '=';
			*p++ = hex[c >> 4];
			*p++ = hex[c & 15];
		}
		col += w;
	}
	memcpy(p, "\r\n", 2);
	out->len = (size_t)(p + 2 - out->buf);
	out->buf[out->len] = '\0';
}

void
qp_encode(const char *text, struct strbuf *out)
{
	while (*text) {
		size_t n = strcspn(text, "\n");
		size_t len = n > 0 && text[n - 1] == '\r' ? n - 1 : n;

		qp_line(text, len, out);
		text += n + (text[n] == '\n');
	}
}

/*
 * Appends "Name <addr>" from column 'col': the name encoded when it is not
 * plain, quoted when it has specials; the address on a folded line when it
 * would pass the line's end.
 */
static void
address(const char *name, const char *addr, size_t col, struct strbuf *out)
{
	size_t before = out->len;

	if (name == NULL || *name == '\0') {
		sb_adds(out, addr);
		return;
	}
	if (!plain_ascii(name)) {
		col = header_encode(name, col, out);
	} else if (strpbrk(name, "()<>[]:;@\\,.\"") != NULL) {
		sb_addc(out, '"');
		for (const char *c = name; *c; c++) {
			if (*c == '"' || *c == '\\')
				sb_addc(out, '\\');
			sb_addc(out, *c);
		}
		sb_addc(out, '"');
		col += out->len - before;
	} else {
		col = plain_words(name, col, out);
	}
	if (col + 3 + strlen(addr) > LINE_MAX_COLS)
		sb_add(out, "\r\n", 2);
	sb_addf(out, " <%s>", addr);
}

/* Writes an RFC 5322 date of UTC seconds: "Mon, 23 Nov 2026 06:40:00 +0000". */
static void
rfc5322_date(int64_t t, struct strbuf *out)
{
	static const char *const days[] = { "Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed" };
	static const char *const months[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul",
		"Aug", "Sep", "Oct", "Nov", "Dec" };
	int64_t d = t >= 0 ? t / 86400 : (t - 86399) / 86400, s = t - d * 86400;
	int y, m, day;

	civil_from_days(d, &y, &m, &day);
	sb_addf(out, "%s, %d %s %04d %02d:%02d:%02d +0000", days[((d % 7) + 7) % 7], day,
	    months[m - 1], y, (int)(s / 3600), (int)(s / 60 % 60), (int)(s % 60));
}

/* Appends the RFC 2231 form of a file name: filename*=UTF-8''name%20with%20escapes. */
static void
filename_param(const char *name, struct strbuf *out)
{
	sb_adds(out, "filename*=UTF-8''");
	for (const unsigned char *c = (const unsigned char *)name; *c; c++) {
		if ((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') ||
		    (*c >= '0' && *c <= '9') || strchr("!#$&+-.^_`|~", *c))
			sb_addc(out, (char)*c);
		else
			sb_addf(out, "%%%02X", *c);
	}
}

/* Checks every header value and address of m; 0 or -1 with 'e' naming the field. */
static int
check_headers(const struct message *m, su_err *e)
{
	const struct { const char *field, *value; } values[] = {
		{ "sender name", m->from_name }, { "sender address", m->from_addr },
		{ "recipient name", m->to_name }, { "recipient address", m->to_addr },
		{ "reply-to address", m->reply_to }, { "subject", m->subject },
		{ "message id", m->message_id }, { "attachment name", m->attachment_name },
	};

	for (size_t i = 0; i < ARRAY_SIZE(values); i++)
		if (!header_safe(values[i].value))
			return su_err_set(e, "the %s holds a line break or control character",
			    values[i].field);
	if (!email_valid(m->from_addr))
		return su_err_set(e, "'%s' is not an e-mail address", m->from_addr);
	if (!email_valid(m->to_addr))
		return su_err_set(e, "'%s' is not an e-mail address", m->to_addr);
	if (m->reply_to != NULL && !email_valid(m->reply_to))
		return su_err_set(e, "'%s' is not an e-mail address", m->reply_to);
	return 0;
}

/* Appends the body as a text/plain part's headers and content. */
static void
plain_part(const struct message *m, struct strbuf *out)
{
	sb_adds(out, "Content-Type: text/plain; charset=UTF-8\r\n"
	    "Content-Transfer-Encoding: quoted-printable\r\n\r\n");
	qp_encode(m->body, out);
}

/* Appends the body, or the body and the calendar as alternatives, as one part. */
static void
text_part(const struct message *m, struct strbuf *out)
{
	static const char boundary[] = "=_showup_alternative_5c1e";

	if (m->calendar == NULL) {
		plain_part(m, out);
		return;
	}
	sb_addf(out, "Content-Type: multipart/alternative; boundary=\"%s\"\r\n\r\n--%s\r\n",
	    boundary, boundary);
	plain_part(m, out);
	sb_addf(out, "--%s\r\nContent-Type: text/calendar; charset=UTF-8; method=%s\r\n"
	    "Content-Transfer-Encoding: base64\r\n\r\n", boundary,
	    m->calendar_method ? m->calendar_method : "REQUEST");
	base64_encode((const unsigned char *)m->calendar, strlen(m->calendar), 1, out);
	sb_addf(out, "--%s--\r\n", boundary);
}

/* Appends calendar c as a part of its own beside the text (a further METHOD's). */
static void
calendar_part(const struct message_calendar *c, struct strbuf *out)
{
	sb_addf(out, "Content-Type: text/calendar; charset=UTF-8; method=%s\r\n"
	    "Content-Transfer-Encoding: base64\r\n"
	    "Content-Disposition: attachment; filename=\"%s.ics\"\r\n\r\n", c->method,
	    strcmp(c->method, "CANCEL") == 0 ? "cancel" : "invite");
	base64_encode((const unsigned char *)c->text, strlen(c->text), 1, out);
}

/* Returns 1 if every calendar METHOD of m may go into a header. */
static int
methods_safe(const struct message *m)
{
	for (size_t k = 0; k < m->n_more_calendars; k++)
		if (m->more_calendars[k].method == NULL || !header_safe(m->more_calendars[k].method))
			return 0;
	return m->calendar_method == NULL || header_safe(m->calendar_method);
}

int
message_build(const struct message *m, struct strbuf *out, su_err *e)
{
	static const char boundary[] = "=_showup_part_boundary_7f3a";

	if (check_headers(m, e) < 0)
		return -1;
	if (!methods_safe(m))
		return su_err_set(e, "the calendar method holds a line break or control character");
	sb_adds(out, "Date: ");
	rfc5322_date(m->date, out);
	sb_addf(out, "\r\nMessage-ID: %s\r\nFrom: ", m->message_id);
	address(m->from_name, m->from_addr, strlen("From: "), out);
	sb_adds(out, "\r\nTo: ");
	address(m->to_name, m->to_addr, strlen("To: "), out);
	if (m->reply_to != NULL)
		sb_addf(out, "\r\nReply-To: %s", m->reply_to);
	sb_adds(out, "\r\nSubject: ");
	header_encode(m->subject, strlen("Subject: "), out);
	sb_adds(out, "\r\nMIME-Version: 1.0\r\n");
	if (m->attachment == NULL && m->n_more_calendars == 0) {
		text_part(m, out);
		return 0;
	}
	sb_addf(out, "Content-Type: multipart/mixed; boundary=\"%s\"\r\n\r\n", boundary);
	sb_addf(out, "--%s\r\n", boundary);
	text_part(m, out);
	for (size_t k = 0; k < m->n_more_calendars; k++) {
		sb_addf(out, "--%s\r\n", boundary);
		calendar_part(&m->more_calendars[k], out);
	}
	if (m->attachment == NULL) {
		sb_addf(out, "--%s--\r\n", boundary);
		return 0;
	}
	sb_addf(out, "--%s\r\nContent-Type: application/pdf\r\n"
	    "Content-Transfer-Encoding: base64\r\nContent-Disposition: attachment; ", boundary);
	filename_param(m->attachment_name ? m->attachment_name : "report.pdf", out);
	sb_adds(out, "\r\n\r\n");
	base64_encode(m->attachment, m->attachment_len, 1, out);
	sb_addf(out, "--%s--\r\n", boundary);
	return 0;
}

int
message_replace_to(const char *msg, size_t len, const char *name, const char *addr,
    struct strbuf *out, su_err *e)
{
	const char *end = msg + len, *p = msg, *to = NULL, *after;

	if (!header_safe(name) || !header_safe(addr) || !email_valid(addr))
		return su_err_set(e, "'%s <%s>' cannot go into a header", name, addr);
	while (p < end && !(p + 1 < end && p[0] == '\r' && p[1] == '\n')) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));

		if (eol == NULL)
			break;
		if (to == NULL && (size_t)(end - p) > 4 && memcmp(p, "To: ", 4) == 0)
			to = p;
		p = eol + 1;
		if (to != NULL && p < end && *p != ' ' && *p != '\t')
			break;	/* the To field ends where a line does not continue it */
	}
	if (to == NULL)
		return su_err_set(e, "the message has no To field");
	after = p;
	sb_add(out, msg, (size_t)(to - msg));
	sb_adds(out, "To: ");
	address(name, addr, strlen("To: "), out);
	sb_add(out, "\r\n", 2);
	sb_add(out, after, (size_t)(end - after));
	return 0;
}
