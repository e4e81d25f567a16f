/* SPDX-License-Identifier: Apache-2.0 */
/* changes.h - the changes people must be told of, read from the record: a session
 * called off or moved, a partner's cancellation. outbox-plan.c plans a notice for each. */
#ifndef SHOWUP_CHANGES_H
#define SHOWUP_CHANGES_H

#include <stddef.h>
#include <stdint.h>

#include "showup/notice.h"

struct roll;
struct store;

/* Who a change notice goes to. */
#define CHANGE_EVERYONE ((size_t)-1)	/* everyone still expected at the session */
#define CHANGE_NO_SESSION ((size_t)-1)	/* a change about a person, not one session */

/* One change to tell: its notice kind, session, recipients and key. */
struct change {
	const char *kind;	/* the template: session-cancelled, session-moved, ... */
	size_t session;		/* the roll's column of the session, or CHANGE_NO_SESSION
				   (told to 'only': an exit, a refund) */
	size_t only;		/* the one person row told, or CHANGE_EVERYONE */
	size_t except;		/* a person row not told (who cancelled), or CHANGE_EVERYONE */
	char key[64];		/* one notice per person and key, for good: "moved:12:3" */
	struct notice_change what;
};
struct change_list { struct change *v; size_t n; };

/*
 * Collects every change of roll r's sessions still to come that its people
 * must hear of, as the record says now; sorted by key. A change undone
 * (uncancelled, moved back) is not there, so a notice of it not yet sent is
 * withdrawn. 0, or -1 with 'e' set.
 */
int changes_collect(struct store *st, const struct roll *r, struct change_list *out,
    su_err *e);
/* Returns the change with 'key', or NULL. */
const struct change *changes_find(const struct change_list *l, const char *key);
/*
 * Returns 1 if person row i is told of change c of list l: the one rule of who
 * hears what, for planning, for notices due and for withdrawing. Its person
 * alone, or everyone still expected but who caused it; never one its kind
 * yields to another notice of the same session (notice_kinds[]).
 */
int change_tells(const struct roll *r, const struct change_list *l, const struct change *c,
    size_t i);
/* Adds a change (for a collector): 'what' may be NULL; its old_location becomes the list's. */
void changes_add(struct change_list *l, const char *kind, size_t session, size_t only,
    size_t except, const char *key, const struct notice_change *what);
void changes_free(struct change_list *l);

#endif
