#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
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
ok notices list c1
out "c1: 1 ladder notice waits for review until Wed 2026-11-25 08:00"
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

# a warning sent that a correction voids: the person is told once, briefly; forgiveness
# (points that lapse with time) is no correction and tells nothing
smtp_setup
start_server
ok participant add c1 --name "Kai Wong" --email kai@example.com
ok policy set c1 notices.review none
ok session add c1 --at "2026-11-26 18:00" --title Third
export SHOWUP_NOW=2026-11-26T07:30:00Z
ok mark c1:3 kai@example.com no-show
ok notices run
check '[ "$(received kai@example.com)" = 1 ]' "Kai's warning did not go"
warned=$(sql "SELECT kind FROM notice WHERE participant_id =
	(SELECT id FROM participant WHERE email = 'kai@example.com')")
check '[ "$warned" = warning ]' "the warning was not recorded sent"
export SHOWUP_NOW=2026-11-26T09:00:00Z
ok mark c1:3 kai@example.com late 5	# he was there after all, under the threshold: 0 points
ok notices due c1
out "correction"
out "the warning sent Thu 2026-11-26"
out "no longer stands"
same_notices c1
ok notices run
out "1 notice planned"
check '[ "$(received kai@example.com)" = 2 ]' "Kai was not told of the correction"
bodies
check 'grep -q "^=== TO kai@example.com | Test cohort: we corrected your attendance record" "$T/mail"' \
	"the correction's subject"
check 'grep -q "The warning" "$T/mail" && grep -q "no longer applies" "$T/mail"' \
	"the correction does not name the warning it takes back"
check 'grep -q "Your points now come to 0" "$T/mail"' "the correction does not give the points now"
ok report commitment c1 kai@example.com -o "$T/kai.pdf"
pdftotext -layout "$T/kai.pdf" "$T/kai.txt"
check 'grep -q "warning sent .*corrected since: no longer stands" "$T/kai.txt"' \
	"the commitment report does not show the correction"
ok notices run	# told once: a second run adds nothing
check '[ "$(received kai@example.com)" = 2 ]' "the correction went twice"
# undone before it went: the correction is withdrawn
ok mark c1:3 ana@example.com no-show
export SHOWUP_NOW=2026-11-26T09:30:00Z
ok notices run
ok mark c1:3 ana@example.com present
ok notices plan c1
check '[ "$(sql "SELECT count(*) FROM outbox WHERE kind = \"correction\" AND state = \"pending\"")" = 1 ]' \
	"Ana's correction was not planned"
ok mark c1:3 ana@example.com no-show
ok notices plan c1
out "1 withdrawn"
check '[ "$(sql "SELECT count(*) FROM outbox WHERE kind = \"correction\" AND state = \"withdrawn\"")" = 1 ]' \
	"the correction undone was not withdrawn"
# forgiveness: after forgive.days Ana's points lapse; her notice stood when sent: no correction
ok policy set c1 forgive.days 10
export SHOWUP_NOW=2026-12-20T09:30:00Z
ok notices due c1
no_out "correction"
same_notices c1

# a person held before anything is planned: nothing of theirs is planned or sent until
# released, or until the time the hold was given, when it all goes at the next run
ok participant add c1 --name "Lea Roth" --email lea@example.com
ok session add c1 --at "2026-12-22 18:00" --title Fourth
export SHOWUP_NOW=2026-12-22T07:30:00Z
ok notices hold --participant lea@example.com
out "0 planned notices held; lea@example.com's notices not planned yet are held too, until released"
ok mark c1:4 lea@example.com no-show
ok notices due c1
out "held until released"
ok notices list c1
out "c1: 1 notice held with its person"
same_notices c1
ok notices run
out "1 notice held with its person"
check '[ "$(received lea@example.com)" = 0 ]' "a held person was sent a notice"
check '[ "$(sql "SELECT count(*) FROM outbox WHERE participant_id =
	(SELECT id FROM participant WHERE email = \"lea@example.com\")")" = 0 ]' "a held person's notice was planned"
ok notices release --participant lea@example.com
ok notices run
check '[ "$(received lea@example.com)" = 1 ]' "the released person's notice did not go"
# with --until: her notices (planned ones too) go at the first run after that time
ok participant add c1 --name "Max Bauer" --email max@example.com
ok mark c1:4 max@example.com no-show
ok notices plan c1
ok notices hold --participant max@example.com --until "2026-12-24 09:00"
out "1 planned notice held; max@example.com's notices not planned yet are held too, until 2026-12-24 09:00"
ok session add c1 --at "2026-12-23 18:00" --title Fifth
export SHOWUP_NOW=2026-12-23T07:30:00Z
ok mark c1:5 max@example.com no-show
ok notices due c1
out "held until Thu 2026-12-24 09:00"
ok notices run
check '[ "$(received max@example.com)" = 0 ]' "a notice held until a time went before it"
export SHOWUP_NOW=2026-12-23T22:00:00Z	# 09:00 on the 24th in Sydney
ok notices run
check '[ "$(received max@example.com)" = 1 ]' "the hold's end did not let Max's notice go"
check '[ "$(sql "SELECT count(*) FROM notice_hold")" = 0 ]' "the hold outlived its time"
ok log c1
out "person hold"
fails 2 notices hold --cohort c1 --until 2026-12-30
err "--until holds a person's notices: give --participant EMAIL"
fails 1 notices hold --participant nobody@example.com
err "no participant has the address 'nobody@example.com'"
fails 1 notices hold --participant kai@example.com --until "someday"
stop_server

finish
