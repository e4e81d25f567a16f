/* SPDX-License-Identifier: Apache-2.0 */
/* money.h - amounts in integer cents: parsing what people type, formatting for them. */
#ifndef SHOWUP_MONEY_H
#define SHOWUP_MONEY_H

#include <stddef.h>
#include <stdint.h>

#include "showup/util.h"

/* Parses "1500.00", "1.500,00", "1 500,00"... into cents; 0, or -1 with 'e' set ("1,500" reads two ways). */
int money_parse(const char *s, int64_t *cents, su_err *e);
/* Writes "1,500.00 AUD" (or "1,500.00" without a currency) into buf. */
char *money_format(int64_t cents, const char *currency, char *buf, size_t size);
/* Returns 1 for "" or a three-letter upper-case code such as "AUD". */
int currency_valid(const char *code);

#endif
