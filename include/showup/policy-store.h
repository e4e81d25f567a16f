/* SPDX-License-Identifier: Apache-2.0 */
/* policy-store.h - a cohort's policy settings in the store: loaded and saved, audited. */
#ifndef SHOWUP_POLICY_STORE_H
#define SHOWUP_POLICY_STORE_H

#include "showup/model.h"
#include "showup/policy.h"

/* Loads cohort c's policy: the defaults with its stored settings applied; 0 or -1. */
int policy_load(struct store *st, const struct cohort *c, struct policy *p, su_err *e);
/*
 * Checks and stores one setting of cohort c (audited); a value equal to the
 * default is stored as no setting. Returns 0 unchanged, 1 changed, -1 with 'e'.
 */
int policy_save(struct store *st, const struct cohort *c, const char *key,
    const char *value, su_err *e);

#endif
