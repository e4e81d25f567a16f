/* SPDX-License-Identifier: Apache-2.0 */
/* main.c - runs every unit test suite of the core. */
#include "config.h"

#include <stdlib.h>

#include "suites.h"

int
main(void)
{
	SRunner *sr = srunner_create(util_suite());
	int failed;

	srunner_add_suite(sr, time_suite());
	srunner_add_suite(sr, pairs_suite());
	srunner_add_suite(sr, lang_suite());
	srunner_add_suite(sr, store_suite());
	srunner_add_suite(sr, outcome_suite());
	srunner_add_suite(sr, money_suite());
	srunner_add_suite(sr, csv_suite());
	srunner_add_suite(sr, table_suite());
	srunner_add_suite(sr, engine_suite());
	srunner_add_suite(sr, policy_suite());
	srunner_add_suite(sr, meeting_suite());
	srunner_add_suite(sr, template_suite());
	srunner_add_suite(sr, message_suite());
	srunner_add_suite(sr, pure_suite());
	srunner_add_suite(sr, outbox_suite());
	srunner_add_suite(sr, ladder_suite());
	srunner_add_suite(sr, import_suite());
	srunner_add_suite(sr, deliver_suite());
	srunner_add_suite(sr, pdf_suite());
	srunner_add_suite(sr, webauth_suite());
	srunner_add_suite(sr, words_suite());
	srunner_add_suite(sr, places_suite());
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
