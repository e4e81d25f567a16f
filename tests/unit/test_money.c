/* test_money.c - amounts typed by people, kept in cents, shown with their currency. */
#include "config.h"

#include "showup/money.h"
#include "suites.h"

static const struct {
	const char *text;
	int ok;
	int64_t cents;
} parse_cases[] = {
	{ "1500", 1, 150000 }, { "1500.00", 1, 150000 }, { "1500.5", 1, 150050 },
	{ "1,500.25", 1, 150025 }, { "0.07", 1, 7 }, { "12.345", 0, 0 }, { "", 0, 0 },
	{ "abc", 0, 0 }, { "-5", 0, 0 }, { "1500.", 0, 0 }, { ".50", 0, 0 },
};

START_TEST(money_parses)
{
	int64_t cents = -1;
	int rc = money_parse(parse_cases[_i].text, &cents, NULL);

	ck_assert_int_eq(rc == 0, parse_cases[_i].ok);
	if (parse_cases[_i].ok)
		ck_assert_int_eq(cents, parse_cases[_i].cents);
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
