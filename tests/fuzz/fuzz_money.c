/* SPDX-License-Identifier: Apache-2.0 */
/* fuzz_money.c - libFuzzer harness: the amount parser. Whatever it accepts must come
 * back the same when formatted and read again. */
#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "showup/money.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = xstrndup((const char *)data, size);
	int64_t cents, again;
	char shown[64];
	su_err e;

	if (money_parse(text, &cents, &e) == 0) {
		if (cents < 0)
			abort();
		money_format(cents, "", shown, sizeof shown);
		if (money_parse(shown, &again, &e) < 0 || again != cents)
			abort();
	}
	free(text);
	return 0;
}
