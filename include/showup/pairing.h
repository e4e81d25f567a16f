/* SPDX-License-Identifier: Apache-2.0 */
/* pairing.h - a pairing of practice sessions mended after withdrawals. */
#ifndef SHOWUP_PAIRING_H
#define SHOWUP_PAIRING_H

#include <stddef.h>
#include <stdint.h>

#include "showup/model.h"

/* One person moved to another practice session of the same date. */
struct pairing_change {
	int64_t participant_id;
	int from_number;	/* the session they were alone at */
	int to_number;		/* the one they join */
	int64_t starts_at;
};
struct pairing_change_list { struct pairing_change *v; size_t n; };

/*
 * Mends the pairing that session 'of' belongs to (the practice sessions one
 * session pairs made) after withdrawals, in the caller's transaction: on each
 * date after 'now', someone a leaver left alone is paired with another left
 * alone (the one they practised with least comes to them), or, the last one
 * alone, joins the pair they practised with least (with no pair, the trio).
 * Nothing else changes, so the notices tell exactly the people whose partner
 * changed (partner-added, place-removed, an invitation). Fills 'out' with the
 * moves; 0, or -1 with 'e' set (no session of a pairing).
 */
int pairing_mend(struct store *st, const struct cohort *c, const struct session *of,
    int64_t now, struct pairing_change_list *out, su_err *e);
void pairing_change_list_free(struct pairing_change_list *l);

#endif
