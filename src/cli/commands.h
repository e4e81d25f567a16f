/* SPDX-License-Identifier: Apache-2.0 */
/* commands.h - one entry per command file; cmd.c lists them all. */
#ifndef SHOWUP_COMMANDS_H
#define SHOWUP_COMMANDS_H

#include "cli.h"

extern const struct cmd_entry cmd_init_entry;
extern const struct cmd_entry cmd_participant_edit_entry;
extern const struct cmd_entry cmd_participant_reinstate_entry;
extern const struct cmd_entry cmd_session_edit_entry;
extern const struct cmd_entry cmd_session_uncancel_entry;
extern const struct cmd_entry cmd_session_delete_entry;
extern const struct cmd_entry cmd_unmark_entry;
extern const struct cmd_entry cmd_join_entry;
extern const struct cmd_entry cmd_reschedule_entry;
extern const struct cmd_entry cmd_review_entry;
extern const struct cmd_entry cmd_slot_add_entry;
extern const struct cmd_entry cmd_slot_list_entry;
extern const struct cmd_entry cmd_slot_remove_entry;
extern const struct cmd_entry cmd_backup_entry;
extern const struct cmd_entry cmd_retention_entry;
extern const struct cmd_entry cmd_cohort_add_entry;
extern const struct cmd_entry cmd_cohort_edit_entry;
extern const struct cmd_entry cmd_cohort_import_entry;
extern const struct cmd_entry cmd_cohort_list_entry;
extern const struct cmd_entry cmd_cohort_show_entry;
extern const struct cmd_entry cmd_participant_add_entry;
extern const struct cmd_entry cmd_participant_import_entry;
extern const struct cmd_entry cmd_participant_list_entry;
extern const struct cmd_entry cmd_participant_withdraw_entry;
extern const struct cmd_entry cmd_participant_erase_entry;
extern const struct cmd_entry cmd_participant_export_data_entry;
extern const struct cmd_entry cmd_session_add_entry;
extern const struct cmd_entry cmd_session_pairs_entry;
extern const struct cmd_entry cmd_session_repair_entry;
extern const struct cmd_entry cmd_session_import_entry;
extern const struct cmd_entry cmd_session_list_entry;
extern const struct cmd_entry cmd_session_cancel_entry;
extern const struct cmd_entry cmd_mark_entry;
extern const struct cmd_entry cmd_cancel_entry;
extern const struct cmd_entry cmd_rollcall_entry;
extern const struct cmd_entry cmd_serve_entry;
extern const struct cmd_entry cmd_attendance_import_entry;
extern const struct cmd_entry cmd_attendance_export_entry;
extern const struct cmd_entry cmd_attendance_show_entry;
extern const struct cmd_entry cmd_attendance_from_meeting_entry;
extern const struct cmd_entry cmd_policy_show_entry;
extern const struct cmd_entry cmd_policy_set_entry;
extern const struct cmd_entry cmd_status_entry;
extern const struct cmd_entry cmd_notices_due_entry;
extern const struct cmd_entry cmd_notices_plan_entry;
extern const struct cmd_entry cmd_notices_list_entry;
extern const struct cmd_entry cmd_notices_preview_entry;
extern const struct cmd_entry cmd_notices_send_entry;
extern const struct cmd_entry cmd_notices_test_entry;
extern const struct cmd_entry cmd_notices_resend_entry;
extern const struct cmd_entry cmd_notices_hold_entry;
extern const struct cmd_entry cmd_notices_release_entry;
extern const struct cmd_entry cmd_notices_drop_entry;
extern const struct cmd_entry cmd_notices_run_entry;
extern const struct cmd_entry cmd_calendar_entry;
extern const struct cmd_entry cmd_template_check_entry;
extern const struct cmd_entry cmd_refund_list_entry;
extern const struct cmd_entry cmd_refund_offer_entry;
extern const struct cmd_entry cmd_refund_accept_entry;
extern const struct cmd_entry cmd_refund_decline_entry;
extern const struct cmd_entry cmd_report_attendance_entry;
extern const struct cmd_entry cmd_report_commitment_entry;
extern const struct cmd_entry cmd_report_sheet_entry;
extern const struct cmd_entry cmd_log_entry;
extern const struct cmd_entry cmd_demo_entry;
extern const struct cmd_entry cmd_doctor_entry;
extern const struct cmd_entry cmd_help_entry;
extern const struct cmd_entry cmd_options_entry;
extern const struct cmd_entry cmd_complete_entry;

#endif
