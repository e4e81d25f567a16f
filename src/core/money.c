/* SPDX-License-Identifier: Apache-2.0 */
/* money.c - amounts in integer cents: parsing what people type, formatting for them. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "showup/money.h"

/* The largest amount accepted, in cents (900 billion): far from overflowing int64_t. */
#define MONEY_MAX INT64_C(90000000000000)

/* What to write instead, at the end of most refusals. */
#define MONEY_HINT "(write 1500 or 1500.00)"

/* The kinds of separator people put between digits. */
enum sep { SEP_NONE, SEP_DOT, SEP_COMMA, SEP_SPACE, SEP_APOS, SEP_KINDS };

/* The text of an amount without the blanks around it: [start, end). */
struct span {
	const char *start;
	const char *end;
};

/* The digits and separators of an amount, as a first look found them. */
struct shape {
	int count[SEP_KINDS];	/* separators of each kind */
	int seps;		/* separators in all */
	enum sep last;		/* the kind of the last separator */
	const char *mark;	/* where the last separator starts */
	size_t first_run;	/* digits before the first separator (all when none) */
	size_t last_run;	/* digits after the last separator */
	int decimal;		/* 1 when the last separator is the decimal mark */
};

/* Returns 1 for an ASCII digit, whatever the locale says. */
static int
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Returns 1 for an ASCII letter, whatever the locale says. */
static int
is_letter(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Returns the length of the space (" ", U+00A0 or U+202F) starting at p, or 0. */
static size_t
space_at(const char *p, const char *end)
{
	size_t n = (size_t)(end - p);

	if (n >= 1 && *p == ' ')
		return 1;
	if (n >= 2 && memcmp(p, "\xc2\xa0", 2) == 0)
		return 2;
	if (n >= 3 && memcmp(p, "\xe2\x80\xaf", 3) == 0)
		return 3;
	return 0;
}

/* Returns the length of the blank (a space, tab or line break) starting at p, or 0. */
static size_t
blank_at(const char *p, const char *end)
{
	if (p < end && strchr("\t\n\v\f\r", *p) != NULL)
		return 1;
	return space_at(p, end);
}

/* Returns the length of the blank ending at 'end' (and not before 'start'), or 0. */
static size_t
blank_before(const char *start, const char *end)
{
	for (size_t n = 1; n <= 3 && n <= (size_t)(end - start); n++)
		if (blank_at(end - n, end) == n)
			return n;
	return 0;
}

/* Returns 's' without the blanks at either end. */
static struct span
trim(const char *s)
{
	struct span t = { s, s + strlen(s) };
	size_t n;

	while ((n = blank_at(t.start, t.end)) > 0)
		t.start += n;
	while ((n = blank_before(t.start, t.end)) > 0)
		t.end -= n;
	return t;
}

/* Returns the kind of separator starting at p, its length in *len; SEP_NONE if none. */
static enum sep
sep_at(const char *p, const char *end, size_t *len)
{
	if ((*len = space_at(p, end)) > 0)
		return SEP_SPACE;
	*len = 1;
	if (*p == '.')
		return SEP_DOT;
	if (*p == ',')
		return SEP_COMMA;
	if (*p == '\'')
		return SEP_APOS;
	*len = 3;
	if (end - p >= 3 && memcmp(p, "\xe2\x80\x99", 3) == 0)
		return SEP_APOS;
	*len = 0;
	return SEP_NONE;
}

/* Returns 1 if a currency symbol ($, ¢, £, ¥, or U+20A0-U+20CF: €, ₹...) starts at p. */
static int
symbol_at(const char *p, const char *end)
{
	const unsigned char *u = (const unsigned char *)p;

	if (*p == '$')
		return 1;
	if (end - p >= 2 && u[0] == 0xc2 && u[1] >= 0xa2 && u[1] <= 0xa5)
		return 1;
	return end - p >= 3 && u[0] == 0xe2 &&
	    ((u[1] == 0x82 && u[2] >= 0xa0) || (u[1] == 0x83 && u[2] <= 0x8f));
}

/* Returns 1 if 't' holds digits and a currency: a symbol, or three letters at one end. */
static int
has_currency(struct span t)
{
	const char *p, *q;
	int digits = 0, symbol = 0;

	for (p = t.start; p < t.end; p++) {
		digits |= is_digit(*p);
		symbol |= symbol_at(p, t.end);
	}
	if (!digits)
		return 0;
	for (p = t.start; p < t.end && is_letter(*p); p++)
		;
	for (q = t.end; q > t.start && is_letter(q[-1]); q--)
		;
	return symbol || (p - t.start == 3 && p < t.end) || (t.end - q == 3 && q > t.start);
}

/* Refuses 's' as no amount at all; returns -1. */
static int
not_amount(const char *s, su_err *e)
{
	return su_err_set(e, "'%s' is not an amount " MONEY_HINT, s);
}

/* Takes a first look at the digits and separators of 't' into 'sh'; 0, or -1 with
 * 'e' set if it holds anything else or a separator with no digits on one side. */
static int
scan(const char *s, struct span t, struct shape *sh, su_err *e)
{
	int lead = 0, twice = 0;
	size_t run = 0, len;
	enum sep k;

	memset(sh, 0, sizeof *sh);
	for (const char *p = t.start; p < t.end; p += len) {
		len = 1;
		if (is_digit(*p)) {
			run++;
			continue;
		}
		if ((k = sep_at(p, t.end, &len)) == SEP_NONE)
			return not_amount(s, e);
		lead |= p == t.start;
		twice |= run == 0 && p > t.start;
		if (sh->seps++ == 0)
			sh->first_run = run;
		sh->count[k]++;
		sh->last = k;
		sh->mark = p;
		run = 0;
	}
	if (sh->seps == 0)
		sh->first_run = run;
	sh->last_run = run;
	if (twice || (lead && (sh->seps > 1 || sh->last == SEP_SPACE || sh->last == SEP_APOS)))
		return not_amount(s, e);
	if (lead)
		return su_err_set(e, "'%s' has no digit before its decimal mark (write 0%.*s)",
		    s, (int)(t.end - t.start), t.start);
	if (run == 0)
		return su_err_set(e, "'%s' ends with a separator " MONEY_HINT, s);
	return 0;
}

/* Refuses "1,500" or "12.345", which read as grouping or as a decimal mark alike,
 * naming both readings; returns -1. */
static int
ambiguous(const char *s, struct span t, const struct shape *sh, su_err *e)
{
	int n = (int)sh->first_run;
	const char *frac = t.end - 3;

	if (frac[2] == '0')
		return su_err_set(e, "'%s' could mean %.*s%.3s.00 or %.*s.%.2s; "
		    "write %.*s%.3s or %.*s.%.2s", s, n, t.start, frac, n, t.start, frac,
		    n, t.start, frac, n, t.start, frac);
	return su_err_set(e, "'%s' could mean %.*s%.3s.00 or %.*s.%.3s (not cents); "
	    "write %.*s%.3s, or at most 2 decimals", s, n, t.start, frac, n, t.start, frac,
	    n, t.start, frac);
}

/* Decides whether the last separator is the decimal mark (sets sh->decimal):
 * when both '.' and ',' occur, or one of them once with no reading as grouping;
 * 0, or -1 with 'e' set when both readings are possible. */
static int
decide(const char *s, struct span t, struct shape *sh, su_err *e)
{
	sh->decimal = 0;
	if (sh->seps == 0 || sh->last == SEP_SPACE || sh->last == SEP_APOS)
		return 0;
	if (sh->count[sh->last] < sh->seps) {
		sh->decimal = 1;
		return 0;
	}
	if (sh->seps > 1)
		return 0;
	if (sh->last_run == 3 && sh->first_run <= 3 && t.start[0] != '0')
		return ambiguous(s, t, sh, e);
	sh->decimal = 1;
	return 0;
}

/* Checks the separators before the decimal mark group thousands: all of one kind,
 * 1-3 digits (not starting with 0) then groups of exactly 3; 0, or -1 with 'e' set. */
static int
check_grouping(const char *s, struct span t, const struct shape *sh, su_err *e)
{
	int groups = sh->seps - sh->decimal, i = 0, mixed = 0;
	enum sep kind = SEP_NONE, k;
	size_t run = 0, len;

	if (groups == 0)
		return 0;
	for (const char *p = t.start; p < t.end; p += len) {
		len = 1;
		if (is_digit(*p)) {
			run++;
			continue;
		}
		k = sep_at(p, t.end, &len);
		if ((i == 0 && (run > 3 || *t.start == '0')) || (i > 0 && run != 3))
			goto wrong;
		if (i < groups && i > 0 && k != kind)
			mixed = 1;
		if (i == 0)
			kind = k;
		i++;
		run = 0;
	}
	if (mixed)
		return su_err_set(e, "'%s' mixes separators (write 1500 or 1,500.00)", s);
	if (sh->decimal || run == 3)
		return 0;
wrong:
	return su_err_set(e, "'%s' is not grouped in thousands (write 1500 or 1,500.00)", s);
}

/* Reads the digits of 't' into *cents, those after the mark as the fraction;
 * 0, or -1 if over MONEY_MAX. */
static int
value(struct span t, const struct shape *sh, int64_t *cents)
{
	int64_t whole = 0, frac = 0;

	for (const char *p = t.start; p < t.end; p++) {
		if (!is_digit(*p))
			continue;
		if (sh->decimal && p > sh->mark)
			frac = frac * 10 + (*p - '0');
		else if ((whole = whole * 10 + (*p - '0')) > MONEY_MAX / 100)
			return -1;
	}
	if (sh->decimal && sh->last_run == 1)
		frac *= 10;
	if (whole * 100 + frac > MONEY_MAX)
		return -1;
	*cents = whole * 100 + frac;
	return 0;
}

int
money_parse(const char *s, int64_t *cents, su_err *e)
{
	struct span t = trim(s);
	struct shape sh;

	if (t.start == t.end)
		return su_err_set(e, "the amount is empty " MONEY_HINT);
	if (*t.start == '-' || (t.end - t.start >= 3 && memcmp(t.start, "\xe2\x88\x92", 3) == 0))
		return su_err_set(e, "'%s' is negative (write an amount of 0 or more)", s);
	if (has_currency(t))
		return su_err_set(e, "'%s' has a currency in it (write the amount alone: "
		    "1500 or 1500.00)", s);
	if (scan(s, t, &sh, e) < 0 || decide(s, t, &sh, e) < 0 ||
	    check_grouping(s, t, &sh, e) < 0)
		return -1;
	if (sh.decimal && sh.last_run > 2)
		return su_err_set(e, "'%s' has %zu decimals (an amount has at most 2, for cents)",
		    s, sh.last_run);
	if (value(t, &sh, cents) < 0)
		return su_err_set(e, "'%s' is too large (at most 900,000,000,000.00)", s);
	return 0;
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
