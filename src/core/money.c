/* money.c - amounts in integer cents: parsing what people type, formatting for them. */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "showup/money.h"

int
money_parse(const char *s, int64_t *cents, su_err *e)
{
	const char *p = s;
	int64_t whole = 0, frac = 0;
	int digits = 0, fdigits = 0;

	for (; *p && *p != '.'; p++) {
		if (*p == ',' && digits > 0)
			continue;
		if (!isdigit((unsigned char)*p) || whole > INT64_C(9000000000000))
			goto bad;
		whole = whole * 10 + (*p - '0');
		digits++;
	}
	if (*p == '.') {
		for (p++; *p; p++) {
			if (!isdigit((unsigned char)*p) || ++fdigits > 2)
				goto bad;
			frac = frac * 10 + (*p - '0');
		}
		if (fdigits == 0)
			goto bad;
		if (fdigits == 1)
			frac *= 10;
	}
	if (digits == 0)
		goto bad;
	*cents = whole * 100 + frac;
	return 0;
bad:
	return su_err_set(e, "'%s' is not an amount (use 1500 or 1500.00)", s);
}

char *
money_format(int64_t cents, const char *currency, char *buf, size_t size)
{
	char digits[32], grouped[48];
	int64_t whole = (cents < 0 ? -cents : cents) / 100;
	int frac = (int)((cents < 0 ? -cents : cents) % 100);
	size_t n, g = 0;

	snprintf(digits, sizeof digits, "%lld", (long long)whole);
	n = strlen(digits);
	for (size_t i = 0; i < n; i++) {
		if (i > 0 && (n - i) % 3 == 0)
			grouped[g++] = ',';
		grouped[g++] = digits[i];
	}
	grouped[g] = '\0';
	snprintf(buf, size, "%s%s.%02d%s%s", cents < 0 ? "-" : "", grouped, frac,
	    currency && *currency ? " " : "", currency ? currency : "");
	return buf;
}

int
currency_valid(const char *code)
{
	if (*code == '\0')
		return 1;
	if (strlen(code) != 3)
		return 0;
	for (int i = 0; i < 3; i++)
		if (code[i] < 'A' || code[i] > 'Z')
			return 0;
	return 1;
}
