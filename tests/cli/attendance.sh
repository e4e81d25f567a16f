#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# attendance.sh - mark, cancel, corrections and the audit log, the grid, export.
. "$top_srcdir/tests/cli/lib.sh"

cohort
for who in ana ben cy dee eve; do
	ok participant add c1 --name "$(echo $who | sed 's/./\U&/')" --email $who@example.com
done
# Mon 2026-10-05 09:00 Sydney: the cutoff is Sun 2026-10-04 18:00
ok session add c1 --at "2026-10-05 09:00"
ok session add c1 --at "2026-10-06 09:00" --kind practice --with ana@example.com --with ben@example.com

ok mark c1:1 ana@example.com present
out "c1:1 ana@example.com: present -> present"
ok mark c1:1 ben@example.com late 3
out "late 3 min -> present"
ok mark c1:1 cy@example.com late 12
out "late 12 min -> late"
ok mark c1:1 dee@example.com no-show
out "no-show -> no_show, 2 points"
ok cancel c1:1 eve@example.com --at "2026-10-04 18:00" --reason work
out "-> cancelled"
ok mark c1:1 ana@example.com present
out "(already recorded)"

# the cutoff second is on time; one second later is late; after the start, a no-show
ok cancel c1:1 eve@example.com --at "2026-10-04 18:00:01" --reason work
out "(corrected) -> late_cancel, 1 point"
ok cancel c1:1 eve@example.com --at "2026-10-04 20:00" --reason medical
out "-> excused"
ok cancel c1:1 eve@example.com --at "2026-10-05 09:10" --reason work
out "-> no_show"
# word of an emergency after the start: an excused absence
ok cancel c1:1 eve@example.com --at "2026-10-05 09:10" --reason medical
out "-> excused"
# a cancellation cannot be dated later than now
before=$(db_state)
fails 1 cancel c1:1 eve@example.com --at "2026-12-01 09:00" --reason work
err "a cancellation cannot come in later than now"
same_db "$before"
ok cancel c1:1 eve@example.com --at "2026-10-04T07:00:00Z" --reason customer-meeting
out "cancelled 2026-10-04T18:00:00+11:00 (customer-meeting) (corrected) -> cancelled"

# the audit log keeps every correction with old and new values
ok log c1 --table
out_re "^2026-11-22 11:00 +tester +c1 +correct +c1:1 eve@example\.com +cancelled 2026-10-05T09:10:00\+11:00 \(medical\) +cancelled 2026-10-04T18:00:00\+11:00 \(customer-meeting\) +cli$"
check '[ "$(sql "SELECT count(*) FROM audit WHERE action = '"'correct'"' AND subject = '"'c1:1 eve@example.com'"'")" = 5 ]' \
	"corrections of eve were not all logged"
check '[ "$(sql "SELECT old FROM audit WHERE action = '"'correct'"' ORDER BY id LIMIT 1")" = "cancelled 2026-10-04T18:00:00+11:00 (work)" ]' \
	"the first correction does not keep the old value"
check '[ "$(sql "SELECT DISTINCT actor FROM audit")" = tester ]' "the audit log does not say who"

# errors: each with its message, exit status, and nothing written
before=$(db_state)
fails 1 cancel c1:1 ana@example.com --at "2026-10-03 10:00" --reason holiday
err "unknown reason 'holiday' (known: medical, personal-emergency, customer-meeting, work, travel, other)"
fails 2 cancel c1:1 ana@example.com --at "2026-10-03 10:00"
err "--reason is needed"
fails 1 mark c1:1 ana@example.com excused work
err "'work' is not accepted as an excuse (accepted: medical, personal-emergency)"
fails 2 mark c1:1 ana@example.com late
err "'late' needs the minutes late"
fails 1 mark c1:1 ana@example.com late soon
err "'soon' is not a number of minutes"
fails 1 mark c1:1 ana@example.com asleep
err "unknown status 'asleep'"
fails 2 mark c1:1 ana@example.com cancelled
err "use 'showup cancel"
fails 1 mark c1:9 ana@example.com present
err "cohort 'c1' has no session 9"
fails 1 mark c1:1 zed@example.com present
err "no participant 'zed@example.com' in cohort 'c1'"
fails 1 mark c1:2 cy@example.com present
err "'cy@example.com' is not expected at session c1:2"
fails 1 mark nope:1 ana@example.com present
err "no cohort 'nope'"
fails 1 cancel c1:1 ana@example.com --at "yesterday" --reason work
err "'yesterday' is not a time"
same_db "$before"

# a session in the future: cancelling ahead is fine, arriving is not
ok session add c1 --at "2027-01-10 09:00"
before=$(db_state)
fails 1 mark c1:3 ana@example.com present
err "session 3 has not started yet"
fails 1 mark c1:3 ana@example.com no-show
err "has not started yet"
same_db "$before"
ok cancel c1:3 ana@example.com --at "2026-11-21 10:00" --reason travel
out "-> cancelled"
ok mark c1:3 ben@example.com excused medical
out "-> excused"

# a session the coach cancelled takes no marks
ok session cancel c1:2 --at "2026-10-06 07:00"
fails 1 mark c1:2 ana@example.com present
err "session 2 was cancelled by the coach"

# a withdrawn participant is not expected after leaving, but keeps past records
ok participant withdraw c1 dee@example.com --at "2026-10-05 12:00"
fails 1 mark c1:3 dee@example.com excused medical
err "'dee@example.com' is not expected at session c1:3"

# the grid
ok attendance show c1
out "P present"
grep -q "^Ana .*P" "$T/out" || fail "Ana's row lacks P"
grep -q "^Dee .*N" "$T/out" || fail "Dee's row lacks N"
ok attendance show c1 --csv
out "Dee,dee@example.com,no_show,not_expected,not_expected"
out "Cy,cy@example.com,late,not_expected,upcoming"

# export: RFC 4180, and it imports back to the same data
ok attendance export c1 -o "$T/export.csv"
check 'head -n1 "$T/export.csv" | grep -q "^session,date,email,name,status,minutes_late,cancelled_at,reason,note,outcome"' \
	"export header is wrong"
check 'grep -q "^1,2026-10-05T09:00:00+11:00,cy@example.com,Cy,late,12,,,,late" "$T/export.csv"' \
	"export lacks Cy's late arrival"
check '[ "$(stat -c %a "$T/export.csv")" = 600 ]' "the export is not private"
before=$(db_state)
ok attendance import c1 "$T/export.csv"
out "0 added, 0 updated"
same_db "$before"
ok attendance export c1
check 'cmp -s "$T/out" "$T/export.csv"' "export to stdout differs from -o"

finish
