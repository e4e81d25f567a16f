#!/bin/bash
# review.sh - a ladder notice waits for the coach's look (notices.review): a no-show tapped
# in a hurry and corrected the same evening never reaches the participant as a warning.
. "$top_srcdir/tests/cli/lib.sh"

cohort
ok participant add c1 --name "Thomas Berg" --email tom@example.com
ok participant add c1 --name "Ana Ortiz" --email ana@example.com
ok session add c1 --at "2026-11-24 18:00" --title Kickoff
ok policy set c1 late.threshold 15
ok policy set c1 points.late_arrival 1
ok policy show c1
out "notices.review"
out "next-morning 08:00"

# 18:30 in Sydney: Thomas is tapped a no-show (2 points: the warning is due), not sent yet
export SHOWUP_NOW=2026-11-24T07:30:00Z
ok mark c1:1 tom@example.com no-show
ok notices plan c1
out "c1: 0 notices planned"
out "c1: 1 ladder notice waits for review until Wed 2026-11-25 08:00 (notices.review)"
check '[ "$(sql "SELECT count(*) FROM outbox")" = 0 ]' "a ladder notice was planned before its review time"
ok notices due c1
out "waits for review until Wed 2026-11-25 08:00"
same_notices c1

# 19:10: he walked in 40 minutes late; the coach corrects the record (1 point)
export SHOWUP_NOW=2026-11-24T08:10:00Z
ok mark c1:1 tom@example.com late 40
export SHOWUP_NOW=2026-11-24T20:59:00Z	# 07:59 the next morning: still waiting
ok notices plan c1
out "c1: 0 notices planned"
out "1 ladder notice waits for review until Wed 2026-11-25 08:00"
export SHOWUP_NOW=2026-11-24T21:00:00Z	# 08:00: the corrected record's notice, and no warning
ok notices plan c1
out "c1: 1 notice planned"
check '[ "$(sql "SELECT kind FROM outbox")" = policy-reminder ]' "the corrected no-show's notice is not the reminder alone"
same_notices c1

# with notices.review none a notice goes at once; hours N waits that long after the end
ok policy set c1 notices.review none
ok session add c1 --at "2026-11-25 18:00" --title Second
export SHOWUP_NOW=2026-11-25T07:30:00Z
ok mark c1:2 ana@example.com no-show
ok notices plan c1
out "c1: 1 notice planned"
ok policy set c1 notices.review "hours 12"
ok policy show c1
out "hours 12"
before=$(db_state)
fails 1 policy set c1 notices.review "next-morning 25:00"
err "notices.review: 'next-morning 25:00' is not a review time"
fails 1 policy set c1 notices.review "tomorrow"
same_db "$before"

finish
