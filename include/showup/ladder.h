/* SPDX-License-Identifier: Apache-2.0 */
/* ladder.h - what the ladder leaves in the store: notices sent, refund offers and their fate. */
#ifndef SHOWUP_LADDER_H
#define SHOWUP_LADDER_H

#include <stdint.h>

#include "showup/model.h"
#include "showup/policy.h"

/*
 * Records that ladder step 'step' (its kind, at 'points') went to participant
 * 'p' at 'when' (audited). A step is sent once, ever: sending it again is an
 * error. The caller holds the transaction. 0, or -1 with 'e' set.
 */
int notice_record_sent(struct store *st, const struct cohort *c, const struct participant *p,
    int step, const char *kind, int points, int64_t when, su_err *e);

/*
 * Records that the coach reviewed participant 'p' at 'points' (the ladder's
 * coach-review rung), at 'when', with a note (audited): no review is due again
 * until their points rise past these. The caller checks that one was due and
 * holds the transaction. 0, or -1 with 'e' set.
 */
int review_record(struct store *st, const struct cohort *c, const struct participant *p,
    int points, int64_t when, const char *note, su_err *e);

/* A notice that went out. */
struct notice_sent {
	int64_t participant_id;
	int step;
	char *kind;
	int points;
	int64_t sent_at;
};
struct notice_sent_list { struct notice_sent *v; size_t n; };

/* The notices sent in a cohort, oldest first. */
int notice_list_sent(struct store *st, int64_t cohort_id, struct notice_sent_list *out,
    su_err *e);
void notice_sent_list_free(struct notice_sent_list *l);

enum offer_state { OFFER_OPEN, OFFER_ACCEPTED, OFFER_DECLINED, OFFER_EXPIRED };

struct refund_offer {
	int64_t id;
	int64_t participant_id;
	int64_t amount_cents;
	char *currency;
	char *origin;		/* "ladder" or "manual" */
	int64_t offered_at, expires_at;
	enum offer_state state;
	int64_t decided_at;	/* 0 while open */
};
struct refund_offer_list { struct refund_offer *v; size_t n; };

const char *offer_state_name(enum offer_state s);

/*
 * Opens a refund offer to 'p' of 'amount_cents', valid for the policy's
 * refund.days from 'now' (audited); *expires_at (if not NULL) gets its end.
 * Refused when the participant withdrew, already has an open offer, or the
 * policy offers no refund. Returns 0 or -1.
 */
int refund_offer_open(struct store *st, const struct cohort *c, const struct policy *pol,
    const struct participant *p, int64_t amount_cents, const char *origin, int64_t now,
    int64_t *expires_at, su_err *e);
/*
 * Settles p's open offer at 'now' (between the offer and its end, not later
 * than the clock): accepted withdraws the participant as of then (past records
 * kept) and records the refund; declined keeps them in the program. Audited.
 * Returns 0, or -1 with 'e' set (no open offer, a time outside it).
 */
int refund_offer_decide(struct store *st, const struct cohort *c, const struct participant *p,
    enum offer_state decision, int64_t now, su_err *e);
/* Counts the open offers whose time ran out by 'now' (a read: no lock taken); or -1. */
int refund_offers_due(struct store *st, int64_t now, su_err *e);
/* Marks every open offer whose time ran out by 'now' as expired (audited); the count, or -1. */
int refund_offers_expire(struct store *st, int64_t now, su_err *e);
/*
 * The offers of a cohort, oldest first; an open one whose time ran out is
 * given as expired then (a read-only command cannot store that).
 */
int refund_offer_list_all(struct store *st, int64_t cohort_id, struct refund_offer_list *out,
    su_err *e);
/* The newest offer made to participant 'participant_id' in 'l', or NULL. */
const struct refund_offer *refund_offer_latest(const struct refund_offer_list *l,
    int64_t participant_id);
void refund_offer_list_free(struct refund_offer_list *l);

#endif
