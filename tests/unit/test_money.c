/* SPDX-License-Identifier: Apache-2.0 */
/* test_money.c - amounts typed by people, kept in cents, shown with their currency. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "showup/money.h"
#include "suites.h"

#define NBSP "\xc2\xa0"		/* U+00A0 no-break space */
#define NNBSP "\xe2\x80\xaf"	/* U+202F narrow no-break space */
#define RSQUO "\xe2\x80\x99"	/* U+2019 right single quotation mark */

/* Amounts as people type them; a refusal's message holds 'says' and 'also'. */
static const struct {
	const char *text;
	int ok;
	int64_t cents;
	const char *says;
	const char *also;
} parse_cases[] = {
	/* fifteen hundred in every form */
	{ "1500", 1, 150000, NULL, NULL },
	{ "1500.00", 1, 150000, NULL, NULL },
	{ "1500,00", 1, 150000, NULL, NULL },
	{ "1,500.00", 1, 150000, NULL, NULL },
	{ "1.500,00", 1, 150000, NULL, NULL },
	{ "1 500,00", 1, 150000, NULL, NULL },
	{ "1" NBSP "500,00", 1, 150000, NULL, NULL },
	{ "1" NNBSP "500,00", 1, 150000, NULL, NULL },
	{ "1'500.00", 1, 150000, NULL, NULL },
	{ "1" RSQUO "500.00", 1, 150000, NULL, NULL },
	{ "1 500", 1, 150000, NULL, NULL },
	{ "1'500", 1, 150000, NULL, NULL },
	{ "  1500.00 ", 1, 150000, NULL, NULL },
	{ NBSP "1.500,00" NNBSP "\t", 1, 150000, NULL, NULL },
	/* many groups, one kind repeated is grouping */
	{ "1.500.000,00", 1, 150000000, NULL, NULL },
	{ "1,500,000.00", 1, 150000000, NULL, NULL },
	{ "1,500,000", 1, 150000000, NULL, NULL },
	{ "1.500.000", 1, 150000000, NULL, NULL },
	{ "1" NBSP "500" NBSP "000,25", 1, 150000025, NULL, NULL },
	{ "12'345'678.90", 1, 1234567890, NULL, NULL },
	/* one or two decimals */
	{ "1500.5", 1, 150050, NULL, NULL },
	{ "1500,5", 1, 150050, NULL, NULL },
	{ "0,50", 1, 50, NULL, NULL },
	{ "0.07", 1, 7, NULL, NULL },
	{ "12,34", 1, 1234, NULL, NULL },
	{ "0", 1, 0, NULL, NULL },
	{ "900,000,000,000.00", 1, INT64_C(90000000000000), NULL, NULL },
	/* grouping or decimal mark: both readings named */
	{ "1,500", 0, 0, "mean 1500.00", "or 1.50;" },
	{ "1.500", 0, 0, "mean 1500.00", "or 1.50;" },
	{ "1,000", 0, 0, "mean 1000.00", "or 1.00;" },
	{ "12,345", 0, 0, "mean 12345.00", "or 12.345 " },
	{ "999.999", 0, 0, "mean 999999.00", "or 999.999 " },
	/* more than cents */
	{ "0,500", 0, 0, "3 decimals", NULL },
	{ "0.500", 0, 0, "3 decimals", NULL },
	{ "12.3456", 0, 0, "4 decimals", NULL },
	{ "1500,000", 0, 0, "3 decimals", NULL },
	{ "1.500,000", 0, 0, "3 decimals", NULL },
	{ "1 500.125", 0, 0, "3 decimals", NULL },
	/* grouping that is not in thousands, or of two kinds */
	{ "1,50,0", 0, 0, "not grouped in thousands", NULL },
	{ "15,00.00", 0, 0, "not grouped in thousands", NULL },
	{ "1,50,000", 0, 0, "not grouped in thousands", NULL },
	{ "1500 000", 0, 0, "not grouped in thousands", NULL },
	{ "0,500,000", 0, 0, "not grouped in thousands", NULL },
	{ "1.500,000,00", 0, 0, "mixes separators", NULL },
	{ "1 500.000,00", 0, 0, "mixes separators", NULL },
	/* not amounts at all */
	{ "abc", 0, 0, "is not an amount (write 1500 or 1500.00)", NULL },
	{ "15OO", 0, 0, "is not an amount", NULL },
	{ "1e3", 0, 0, "is not an amount", NULL },
	{ "1,,500", 0, 0, "is not an amount", NULL },
	{ "1\xd9\xa5" "00", 0, 0, "is not an amount", NULL },
	{ "+5", 0, 0, "is not an amount", NULL },
	{ "$1500", 0, 0, "has a currency", NULL },
	{ "\xe2\x82\xac" "1.500,00", 0, 0, "has a currency", NULL },
	{ "1500 EUR", 0, 0, "has a currency", NULL },
	{ "AUD1500", 0, 0, "has a currency", NULL },
	{ "-5", 0, 0, "is negative", NULL },
	{ "-1,500.00", 0, 0, "is negative", NULL },
	{ "", 0, 0, "the amount is empty", NULL },
	{ "   ", 0, 0, "the amount is empty", NULL },
	{ "900,000,000,000.01", 0, 0, "is too large", NULL },
	{ "99999999999999999999999999", 0, 0, "is too large", NULL },
	{ "1500.", 0, 0, "ends with a separator", NULL },
	{ ".50", 0, 0, "(write 0.50)", NULL },
	{ ",50", 0, 0, "(write 0,50)", NULL },
	{ ".5.0", 0, 0, "is not an amount", NULL },
};

START_TEST(money_parses)
{
	const char *text = parse_cases[_i].text;
	int64_t cents = -1, unset = -1;
	char quoted[64];
	su_err e = { "" };
	int rc = money_parse(text, &cents, &e);

	ck_assert_int_eq(money_parse(text, &unset, NULL), rc);
	ck_assert_msg((rc == 0) == parse_cases[_i].ok, "'%s': %s", text, e.msg);
	if (parse_cases[_i].ok) {
		ck_assert_int_eq(cents, parse_cases[_i].cents);
		return;
	}
	ck_assert_int_eq(cents, -1);
	ck_assert_msg(strstr(e.msg, parse_cases[_i].says) != NULL, "got '%s'", e.msg);
	if (parse_cases[_i].also != NULL)
		ck_assert_msg(strstr(e.msg, parse_cases[_i].also) != NULL, "got '%s'", e.msg);
	snprintf(quoted, sizeof quoted, "'%s'", text);
	if (strspn(text, " ") < strlen(text))
		ck_assert_msg(strstr(e.msg, quoted) != NULL, "got '%s'", e.msg);
}
END_TEST

START_TEST(money_formats)
{
	char buf[48];

	ck_assert_str_eq(money_format(150000, "AUD", buf, sizeof buf), "1,500.00 AUD");
	ck_assert_str_eq(money_format(7, "", buf, sizeof buf), "0.07");
	ck_assert_str_eq(money_format(123456789, "EUR", buf, sizeof buf),
	    "1,234,567.89 EUR");
	ck_assert_int_eq(currency_valid("AUD"), 1);
	ck_assert_int_eq(currency_valid("aud"), 0);
	ck_assert_int_eq(currency_valid("EURO"), 0);
}
END_TEST

Suite *
money_suite(void)
{
	Suite *s = suite_create("money");
	TCase *tc = tcase_create("core");

	tcase_add_loop_test(tc, money_parses, 0, (int)ARRAY_SIZE(parse_cases));
	tcase_add_test(tc, money_formats);
	suite_add_tcase(s, tc);
	return s;
}
