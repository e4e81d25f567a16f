/* SPDX-License-Identifier: Apache-2.0 */
/* exits.h - what people hear when someone leaves or a place goes (changes of
 * changes.h, read from the record), and the sessions a leaver left with one person. */
#ifndef SHOWUP_EXITS_H
#define SHOWUP_EXITS_H

#include <stddef.h>
#include <stdint.h>

#include "showup/util.h"

struct change_list;
struct roll;
struct store;

/* A leaver is told, and their partners, for this long after the withdrawal (days). */
#define EXIT_TELL_DAYS 14

/*
 * The collector of changes.c for exits and places (one entry of its table):
 * adds to 'out' the leaver's confirmation (withdrawal-confirmed, or
 * refund-accepted when an accepted refund withdrew them; about no one session),
 * partner-left to the others at each coaching or practice session to come the
 * leaver was on, refund-offered for an offer made by hand (none while a ladder
 * notice carrying an offer is due or on its way), refund-declined, place-removed
 * to someone taken off a session their calendar holds, and partner-added to the
 * others when someone is put on a coaching or practice session they were told
 * of. Each is read from the record as it stands: one undone (a reinstatement)
 * is not there. 0, or -1 with 'e' set.
 */
int exits_collect(struct store *st, const struct roll *r, struct change_list *out, su_err *e);

/*
 * Sets *cols (n of them, to free) to the columns of roll r's sessions to come
 * that person row i's calendar holds from a notice sent and that they are no
 * longer expected at: what their exit confirmation cancels. 0 or -1.
 */
int exits_calendar_sessions(struct store *st, const struct roll *r, size_t i, size_t **cols,
    size_t *n, su_err *e);

/* A practice session to come left with one person by a leaver: the coach decides. */
struct left_alone {
	size_t session;		/* the roll's column */
	size_t person;		/* the row of the one still expected */
	size_t left;		/* the row of a leaver still on its list */
};
struct left_alone_list { struct left_alone *v; size_t n; };
/* How 'notices due' names such a session in its notice column: the coach's, never mailed. */
#define EXITS_LEFT_ALONE "coach-left-alone"

/*
 * The header contract of "sessions left with one person" (for 'notices due'
 * and the coach's digest alike): lists, in session order, each practice
 * session of roll r still to come and not called off where exactly one
 * person is still expected and someone on its list withdrew before it; until
 * the coach decides (calls it off, moves it or changes its length or place,
 * puts someone on it or takes the leaver off) after that withdrawal. Never
 * changes a session. Reads the store; 0, or -1 with 'e' set (out empty).
 */
int exits_left_alone(struct store *st, const struct roll *r, struct left_alone_list *out,
    su_err *e);
void left_alone_list_free(struct left_alone_list *l);

#endif
