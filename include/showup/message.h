/* message.h - e-mail messages built byte for byte: RFC 5322 headers with RFC 2047
 * encoded words, a quoted-printable UTF-8 body, an optional base64 PDF attachment. */
#ifndef SHOWUP_MESSAGE_H
#define SHOWUP_MESSAGE_H

#include <stddef.h>
#include <stdint.h>

#include "showup/util.h"

struct message {
	const char *from_name, *from_addr;
	const char *to_name, *to_addr;
	const char *reply_to;		/* an address, or NULL */
	const char *subject;
	int64_t date;			/* UTC seconds */
	const char *message_id;		/* "<...@...>" */
	const char *body;		/* UTF-8, lines ended by LF or CRLF */
	const unsigned char *attachment;	/* NULL for none */
	size_t attachment_len;
	const char *attachment_name;	/* "commitment.pdf", any UTF-8 */
	const char *calendar;		/* iCalendar text to go beside the body, or NULL */
	const char *calendar_method;	/* its METHOD: "REQUEST", "CANCEL" */
	const struct message_calendar *more_calendars;	/* calendars of other METHODs
							   (a message of several notices) */
	size_t n_more_calendars;
};
/* One calendar of a message: its text and its METHOD. */
struct message_calendar {
	const char *text;
	const char *method;
};

/* Returns 1 if 's' may go into a header: no CR, LF or other control character. */
int header_safe(const char *s);
/*
 * Appends 's' as a header value that starts at column 'col' (after "Subject: ",
 * say): folded at spaces if ASCII, else RFC 2047 encoded words cut at spaces
 * where it can, so that no line passes 76 columns. Returns the column after it.
 */
size_t header_encode(const char *s, size_t col, struct strbuf *out);
/* Appends base64 of 'n' bytes, in lines of 76 characters ended by CRLF (0: one line). */
void base64_encode(const unsigned char *data, size_t n, int wrap, struct strbuf *out);
/* Appends UTF-8 text as quoted-printable, lines of at most 76 characters, CRLF ends. */
void qp_encode(const char *text, struct strbuf *out);
/*
 * Builds the whole message into 'out' (CRLF line ends). With a calendar, the
 * body and the calendar (text/calendar; method=..., base64) are the two
 * forms of a multipart/alternative, as calendar programs send invitations;
 * with more calendars (one per further METHOD) or an attachment, those go
 * beside them in a multipart/mixed, in that order. Refuses, with 'e' set
 * naming the field, a header value holding CR, LF or another control character,
 * or an address that is not one. Returns 0 or -1.
 */
int message_build(const struct message *m, struct strbuf *out, su_err *e);

/*
 * Copies message 'msg' into 'out' with its To field made "name <addr>" (the
 * participant's new name or address); every other byte stays. 0, or -1 with
 * 'e' set (a name or address that cannot go into a header, no To field).
 */
int message_replace_to(const char *msg, size_t len, const char *name, const char *addr,
    struct strbuf *out, su_err *e);

#endif
