/* SPDX-License-Identifier: Apache-2.0 */
/* fuzz_date.c - libFuzzer harness: a time read in every date order, and read back exactly. */
#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "showup/timeutil.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const zones[] = { "Europe/London", "America/New_York", "Australia/Sydney" };

/* Formats t exactly in 'zone' and reads it back in 'order'; aborts unless it is t again. */
static void
round_trip(const char *text, int64_t t, enum date_order order, const char *zone)
{
	char iso[64];
	int64_t back = 0;
	su_err e = { "" };

	time_format_iso(zone, t, iso, sizeof iso);
	if (time_parse(iso, order, zone, &back, &e) == 0 && back == t)
		return;
	fprintf(stderr, "'%s' (%s, %s) is %lld, written '%s', read back %lld: %s\n", text,
	    date_order_name(order), zone, (long long)t, iso, (long long)back, e.msg);
	abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = xstrndup((const char *)data, size);
	const char *zone = zones[size % ARRAY_SIZE(zones)];
	unsigned orders = time_orders_possible(text);

	for (int o = DATE_ORDER_UNKNOWN; o <= DATE_ORDER_YMD; o++) {
		int64_t t;
		int read = time_parse(text, (enum date_order)o, zone, &t, NULL) == 0;

		if (read)
			round_trip(text, t, (enum date_order)o, zone);
		if (o != DATE_ORDER_UNKNOWN && read != (int)((orders >> o) & 1)) {
			fprintf(stderr, "'%s': time_parse (%s) %s, time_orders_possible %u\n",
			    text, date_order_name((enum date_order)o), read ? "reads" : "refuses",
			    orders);
			abort();
		}
	}
	free(text);
	return 0;
}
