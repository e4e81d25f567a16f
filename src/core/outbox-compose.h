/* SPDX-License-Identifier: Apache-2.0 */
/* outbox-compose.h - inside the core: the notices a plan found due, made into the
 * messages that go (outbox-compose.c), one per person per plan; and the coach's
 * own messages (coach.c), built and stored the same way, each alone. */
#ifndef SHOWUP_OUTBOX_COMPOSE_H
#define SHOWUP_OUTBOX_COMPOSE_H

#include "showup/outbox.h"

/*
 * A row that counts as told, in SQL: live (planned, sent, on its way), or
 * dropped by hand; a row withdrawn by planning does not, so it may come again.
 */
#define OUTBOX_TOLD "(state <> 'withdrawn' OR dropped_at IS NOT NULL)"

struct commitment_book;
struct pdf_options;

/* What plans draw on: the cohort's roll, the personal links of its notices, and the
 * book of its commitment reports when they ride along (NULL when not). */
struct plan_source {
	const struct roll *roll;
	const struct notice_links *links;
	struct commitment_book *reports;
	const struct pdf_options *attach;
};

/* What a planned row is besides its message: its step or session. */
struct planned {
	int step;			/* -1 for a session notice */
	const char *kind;
	int points;
	int64_t refund;			/* -1: no refund offer */
	int64_t session_id;		/* a session notice's session, else 0 */
	int offset;			/* a reminder's minutes ahead, else -1 */
	const char *change_key;		/* a change notice's change, else NULL */
};

/* What a message to the coach carries beside its text (each NULL when not). */
struct coach_extras {
	const char *pdf;		/* an attachment */
	size_t pdf_len;
	const char *pdf_name;
	const char *calendar;		/* a calendar entry beside the body */
	const char *calendar_method;	/* its METHOD */
};

/*
 * Plans every notice of 'due' not in the outbox yet (and not waiting for its
 * review time), inside the caller's transaction: all of one person's go as one
 * message, joined by the unsent ones planned for them before (and the ones
 * left without a message by a withdrawal: outbox_split), which are given the
 * new message. Counts what it did in r; 0 or -1.
 */
int outbox_compose(struct store *st, const struct plan_source *src,
    const struct notice_due_list *due, const struct notice_templates *t, int64_t now,
    struct plan_result *r, su_err *e);

/*
 * Builds the message 'pl' from the coach to the coach (coach.c: a digest, a
 * copy) and stores it as a row of its own, in no person's message, inside the
 * caller's transaction; a message that cannot be built (a line break in a
 * header) is refused by name. Counts it in r; 0 or -1.
 */
int outbox_plan_coach(struct store *st, const struct cohort *c, const struct planned *pl,
    const struct coach_extras *x, const struct strbuf *subject, const struct strbuf *body,
    int64_t now, struct plan_result *r, su_err *e);

#endif
