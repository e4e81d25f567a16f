/* SPDX-License-Identifier: Apache-2.0 */
/* outbox-compose.h - inside the core: the notices a plan found due, made into the
 * messages that go (outbox-compose.c), one per person per plan. */
#ifndef SHOWUP_OUTBOX_COMPOSE_H
#define SHOWUP_OUTBOX_COMPOSE_H

#include "showup/outbox.h"

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

#endif
