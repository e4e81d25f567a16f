#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# session.sh - scheduling, numbering, expected lists, coach cancellations, times.
. "$top_srcdir/tests/cli/lib.sh"

cohort
ok participant add c1 --name "Ana" --email ana@example.com
ok participant add c1 --name "Ben" --email ben@example.com
ok participant add c1 --name "Cy" --email cy@example.com

ok session add c1 --at "2026-10-05 09:00" --title "Kick-off" --location "Room 1"
out "added session c1:1, group Mon 2026-10-05 09:00, 60 min"
# stored in UTC: 09:00 AEDT (+11) is 22:00 UTC the day before
check '[ "$(sql "SELECT starts_at FROM session WHERE number = 1")" = 1791151200 ]' \
	"session 1 not stored as UTC"
ok session add c1 --at "2026-10-06T09:00+11:00" --kind coaching --with ana@example.com --minutes 45
out "added session c1:2, coaching Tue 2026-10-06 09:00, 45 min"
ok session add c1 --at "2026-10-07 18:30" --kind prac --with ana@example.com --with BEN@example.com
out "c1:3, practice"

ok session list c1
out_re "^1 +Mon 2026-10-05 09:00 +group +60 +Kick-off +Room 1 +3 +held$"
out "Mon 2026-10-05 09:00"
ok session list c1 --csv
out "1,2026-10-05 09:00,group,60,Kick-off,Room 1,3,held"
out "2,2026-10-06 09:00,coaching,45,,,1,held"
out "3,2026-10-07 18:30,practice,60,,,2,held"

# errors: exit 1 or 2, nothing written
before=$(db_state)
fails 1 session add c1 --at "2026-13-01 09:00"
err "is not a time of the calendar"
fails 1 session add c1 --at "next tuesday"
err "'next tuesday' is not a time (write 2027-03-04 09:00"
fails 2 session add c1 --at "2026-10-08 09:00" --kind lecture
err "unknown kind 'lecture' (group, coaching, practice)"
fails 1 session add c1 --at "2026-10-08 09:00" --kind coaching
err "a coaching session needs the participants it expects"
err "hint: name them with --with EMAIL"
fails 1 session add c1 --at "2026-10-08 09:00" --with ana@example.com
err "a group session expects every participant"
fails 1 session add c1 --at "2026-10-08 09:00" --kind coaching --with zed@example.com
err "no participant 'zed@example.com' in cohort 'c1'"
fails 2 session add c1 --at "2026-10-08 09:00" --minutes 0
err "--minutes takes 1 to 1440"
fails 2 session add c1
err "--at is needed"
fails 1 session cancel c1:9 --at "2026-10-04 08:00"
err "cohort 'c1' has no session 9"
fails 2 session cancel c1 --at "2026-10-04 08:00"
err "'c1' does not name a session (use COHORT:NUMBER"
fails 1 session cancel zz:1
err "no cohort 'zz'"
same_db "$before"

# the coach cancels: late (after 18:00 the day before) counts against the coach
ok session cancel c1:1 --at "2026-10-05 07:30" --note "sick"
out "cancelled late, after the cutoff"
ok session cancel c1:2 --at "2026-10-01 10:00"
out "cancelled in good time"
ok session list c1
out "cancelled by coach"
ok log c1 --table
out "session cancel"
out_re "^2026-11-22 11:00 +tester +c1 +session cancel +c1:1 +cancelled 2026-10-05T07:30:00\+11:00 \(sick\) +cli$"

# numbers never change and never get reused
ok session add c1 --at "2026-10-09 09:00"
out "added session c1:4, group Fri 2026-10-09 09:00, 60 min"
check '[ "$(sql "SELECT group_concat(number) FROM (SELECT number FROM session ORDER BY number)")" = "1,2,3,4" ]' \
	"session numbers are not 1..4"

finish
