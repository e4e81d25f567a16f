/* outbox-private.h - what the planners of the outbox share inside the core: the row
 * a planned message becomes (outbox-plan.c for the participants, coach.c for the coach). */
#ifndef SHOWUP_OUTBOX_PRIVATE_H
#define SHOWUP_OUTBOX_PRIVATE_H

#include "showup/outbox.h"

/* What a planned row is besides its message: its step or session, and what rides along. */
struct planned {
	int step;			/* -1 for a session notice */
	const char *kind;
	int points;
	int64_t refund;			/* -1: no refund offer */
	int64_t session_id;		/* a session notice's session, else 0 */
	int offset;			/* a reminder's minutes ahead, else -1 */
	const char *change_key;		/* a change notice's change, else NULL */
	const char *pdf;		/* an attachment, or NULL */
	size_t pdf_len;
	const char *pdf_name;
	const char *calendar;		/* an invitation beside the body, or NULL */
	const char *calendar_method;	/* its METHOD */
};

/*
 * Builds the message from the coach to p (NULL: to the coach, at the cohort's
 * coach_email) and stores it; a message that cannot be built (a line break in
 * a header) is refused by name. Counts it in r; 0 or -1.
 */
int outbox_plan_message(struct store *st, const struct cohort *c, const struct participant *p,
    const struct planned *pl, const struct strbuf *subject, const struct strbuf *body,
    int64_t now, struct plan_result *r, su_err *e);

#endif
