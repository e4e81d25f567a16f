/* SPDX-License-Identifier: Apache-2.0 */
/* suites.h - every Check suite of the unit test program. */
#ifndef SHOWUP_TEST_SUITES_H
#define SHOWUP_TEST_SUITES_H

#include <check.h>

Suite *util_suite(void);
Suite *time_suite(void);
Suite *store_suite(void);
Suite *outcome_suite(void);
Suite *money_suite(void);
Suite *csv_suite(void);
Suite *table_suite(void);
Suite *engine_suite(void);
Suite *policy_suite(void);
Suite *meeting_suite(void);
Suite *template_suite(void);
Suite *message_suite(void);
Suite *pure_suite(void);
Suite *outbox_suite(void);
Suite *ladder_suite(void);
Suite *import_suite(void);
Suite *deliver_suite(void);
Suite *pdf_suite(void);
Suite *webauth_suite(void);
Suite *pairs_suite(void);
Suite *words_suite(void);
Suite *lang_suite(void);
Suite *places_suite(void);

#endif
