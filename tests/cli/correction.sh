#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# correction.sh - a correction notice follows a ladder notice only when a change of the
# record took it away: a late cancellation's point counts from when it came in, so the
# reminder it brought before the session (notices.review none) is never "corrected".
. "$top_srcdir/tests/cli/lib.sh"

cohort
ok participant add c1 --name "Ana Ortiz" --email ana@example.com
ok participant add c1 --name "Ben Weiss" --email ben@example.com
ok session add c1 --at "2026-11-26 18:00" --title Kickoff
ok policy set c1 notices.review none
smtp_setup
start_server

# noon on the day (the cutoff was 18:00 the evening before): both cancel late, 1 point each
export SHOWUP_NOW=2026-11-26T01:00:00Z
ok cancel c1:1 ana@example.com --reason work
ok cancel c1:1 ben@example.com --reason travel
ok notices run
check '[ "$(received ana@example.com)" = 1 ] && [ "$(received ben@example.com)" = 1 ]' \
	"the late cancellations' reminders did not go before the session"
check '[ "$(sql "SELECT group_concat(kind) FROM notice")" = "policy-reminder,policy-reminder" ]' \
	"the reminders were not recorded sent"

# planned again, before the session and after its start: the reminders stand, no correction
export SHOWUP_NOW=2026-11-26T02:00:00Z
ok notices due c1
no_out "correction"
ok notices plan c1
check '[ "$(sql "SELECT count(*) FROM outbox WHERE kind = \"correction\"")" = 0 ]' \
	"a correction was planned for a reminder that stands (before the session)"
export SHOWUP_NOW=2026-11-26T09:00:00Z	# 20:00 local: the session has started
ok notices run
ok notices due c1
no_out "correction"
check '[ "$(sql "SELECT count(*) FROM outbox WHERE kind = \"correction\"")" = 0 ]' \
	"a correction was planned for a reminder that stands (after the start)"
check '[ "$(received ana@example.com)" = 1 ] && [ "$(received ben@example.com)" = 1 ]' \
	"a message followed a reminder that stands"
ok report commitment c1 ana@example.com -o "$T/ana.pdf"
pdftotext -layout "$T/ana.pdf" "$T/ana.txt"
check '! grep -q "no longer stands" "$T/ana.txt"' "the report shows a reminder that stands as corrected"

# the real case: Ana's cancellation had come in on time (the coach corrects its time),
# Ben's was a medical emergency: each is told once that the reminder no longer applies
ok cancel c1:1 ana@example.com --at "2026-11-25 10:00" --reason work
ok cancel c1:1 ben@example.com --at "2026-11-26 12:00" --reason medical
ok notices due c1
out "correction"
out "the policy-reminder sent Thu 2026-11-26"
ok notices run
check '[ "$(received ana@example.com)" = 2 ] && [ "$(received ben@example.com)" = 2 ]' \
	"the corrected cancellations brought no correction"
bodies
check '[ "$(grep -c "^=== TO .* | Test cohort: we corrected your attendance record" "$T/mail")" = 2 ]' \
	"the corrections' subjects"
check 'grep -q "Your points now come to 0" "$T/mail"' "the correction does not give the points now"
export SHOWUP_NOW=2026-11-27T09:00:00Z
ok notices run	# once: a later run adds nothing
check '[ "$(received ana@example.com)" = 2 ] && [ "$(received ben@example.com)" = 2 ]' \
	"a correction went twice"
stop_server

finish
