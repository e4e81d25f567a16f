/* SPDX-License-Identifier: Apache-2.0 */
/* places.h - a session's places and its waiting list: who joins, who waits, and who gets
 * a place another gave up (told once by a place-offered notice). */
#ifndef SHOWUP_PLACES_H
#define SHOWUP_PLACES_H

#include <stddef.h>
#include <stdint.h>

#include "showup/model.h"

struct roll;
struct change_list;

/* What a join did. */
enum place_join {
	PLACE_TAKEN = 1,	/* a free place: they are on the session's list */
	PLACE_WAITING = 2,	/* none free: they wait, *position on the list */
};

/*
 * Returns the places free at a session of 'capacity' (0: no limit) with
 * 'taken' of them taken: never below 0; PLACES_NO_LIMIT with no capacity. Pure.
 */
#define PLACES_NO_LIMIT 1000000
int places_free(int capacity, int taken);
/*
 * Returns how many of session s's places are taken: people on its list still
 * in the program then, who have not cancelled; -1 with 'e' set.
 */
int places_taken(struct store *st, const struct session *s, su_err *e);
/* Returns p's position on session s's waiting list (1 the first), 0 if not on it; -1. */
int places_position(struct store *st, const struct session *s, const struct participant *p,
    su_err *e);
/* Returns how many wait for a place at session s; -1 with 'e' set. */
int places_waiting(struct store *st, const struct session *s, su_err *e);
/*
 * Returns 1 with the reason in 'e' if p may not join session s at 'now': it
 * is called off or has begun, it has no places to join (no capacity; an
 * optional one without places takes anyone who comes), p left the program,
 * holds a place there already, gave it up, or waits already; 0
 * if p may join (a place or the waiting list); -1 with 'e' set (the store).
 */
int places_join_refused(struct store *st, const struct cohort *c, const struct session *s,
    const struct participant *p, int64_t now, su_err *e);
/*
 * Joins p to session s at 'now' (audited, in the caller's transaction): a
 * free place puts them on its list (PLACE_TAKEN); none, the waiting list's
 * end (PLACE_WAITING, *position set). -1 with 'e' set (places_join_refused's
 * reasons among them).
 */
int places_join(struct store *st, const struct cohort *c, const struct session *s,
    const struct participant *p, int64_t now, int *position, su_err *e);
/* Takes p off session s's waiting list at 'now' (audited); 0, or -1 with 'e' (not on it). */
int places_leave(struct store *st, const struct cohort *c, const struct session *s,
    const struct participant *p, int64_t now, su_err *e);
/*
 * Gives session s's free places (a cancellation, a withdrawal, more places)
 * to those waiting, first come first placed, at 'now' (audited): each goes on
 * its list and is told once (place-offered); from then on the cutoff applies
 * to them as to everyone. A session called off or begun gives none. Returns
 * how many got one, or -1 with 'e' set.
 */
int places_fill(struct store *st, const struct cohort *c, const struct session *s,
    int64_t now, su_err *e);
/* Returns the e-mails of those given a place at s at 'at', "a@x, b@y" ("" none); the caller frees it. */
char *places_given_at(struct store *st, const struct session *s, int64_t at);
/* Fills (places_fill) every session to come of cohort c that p holds a place at; 0 or -1. */
int places_fill_after(struct store *st, const struct cohort *c, const struct participant *p,
    int64_t now, su_err *e);
/*
 * Checks that the people 'with' (n) fit session s's capacity: those still in
 * the program who have not cancelled there. A session over its places already
 * ('held' of them: a cancellation undone after its place went to another)
 * may keep as many, not take more. 0, or -1 with 'e' set.
 */
int places_check(struct store *st, const struct session *s, const int64_t *with, size_t n,
    int held, su_err *e);
/*
 * Appends to *with (n, grown) each active participant of cohort c not in it:
 * a group session given places keeps everyone it expected; 0 or -1.
 */
int places_everyone(struct store *st, const struct cohort *c, int64_t **with, size_t *n,
    su_err *e);
/* The changes collector (changes.c): each place given from the waiting list, told once. */
int places_collect(struct store *st, const struct roll *r, struct change_list *out,
    su_err *e);

#endif
