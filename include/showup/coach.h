/* SPDX-License-Identifier: Apache-2.0 */
/* coach.h - what the coach is told: each move or cancellation a participant makes
 * through their own link, copied to the coach (coach.copies), and the weekly digest
 * of the cohort (digest). Both go through the outbox, to the cohort's coach_email. */
#ifndef SHOWUP_COACH_H
#define SHOWUP_COACH_H

#include "showup/outbox.h"

struct roll;
struct pdf_options;

/* A digest goes at most this long after its moment; a week whose digest could not
 * go by then (no run for a day) is skipped, and the next week's comes as usual. */
#define DIGEST_LATE_MAX (24 * 3600)

/*
 * Notes that p cancelled their place at session s at 'at' through their own
 * link (not the coach's command on their behalf), in the caller's
 * transaction: what a copy and the digest tell the coach of. 0 or -1.
 */
int own_change_cancel(struct store *st, const struct cohort *c, const struct participant *p,
    const struct session *s, int64_t at, su_err *e);
/* Notes that p's move just recorded (reschedule_record) came through their own link; 0 or -1. */
int own_change_move(struct store *st, const struct cohort *c, const struct participant *p,
    su_err *e);

/*
 * Plans, in the caller's transaction, what the coach of roll r's cohort is
 * due as of r->now: with coach.copies on, a copy (coach-copy) of each own
 * change of a session still to come not planned before, with a calendar
 * REQUEST for a coaching session moved (the coach is at it); and once per
 * week, when the digest's moment has come (policy_digest_at, at most
 * DIGEST_LATE_MAX late), the digest (coach-digest) of the week before it with
 * the attendance report attached. 'due' is the plan's list (what waits for
 * review); 'pdf' the report's options (NULL: A4). A kind whose template t
 * lacks is not planned. Counts in res; 0 or -1 with 'e' set.
 */
int coach_plan(struct store *st, const struct roll *r, const struct notice_due_list *due,
    const struct notice_templates *t, const struct pdf_options *pdf, struct plan_result *res,
    su_err *e);

#endif
