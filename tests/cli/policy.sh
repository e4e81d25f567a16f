#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# policy.sh - policy settings, status, the ladder of notices and refund offers.
. "$top_srcdir/tests/cli/lib.sh"

# now (SHOWUP_NOW) is Sun 2026-11-22 11:00 in Sydney: sessions 1-3 held, 4-5 to come
cohort
for who in ana ben cy; do
	ok participant add c1 --name "$(echo $who | sed 's/./\U&/')" --email $who@example.com
done
for day in 02 09 16 30; do
	ok session add c1 --at "2026-11-$day 09:00"
done
ok session add c1 --at "2026-12-07 09:00"

# the defaults of the domain
ok policy show c1
out_re "^cutoff +day-before 18:00 *$"
out_re "^ladder +1:policy-reminder,2:warning,3:final-notice,4:coach-review *$"
out_re "^refund +full *$"
out_re "^forgive\.days +off *$"
out_re "^points\.late_arrival +0 *$"
out_re "^late\.threshold +off *$"

# bad settings: a clear error, exit 1, nothing changed
before=$(db_state)
fails 1 policy set c1 cutoff hours -3
err "cutoff: '-3' is not a number of hours"
fails 1 policy set c1 cutoff day-before 25:00
err "cutoff: '25:00' is not a time of day"
fails 1 policy set c1 cutoff sometimes
err "is not a cutoff"
fails 1 policy set c1 ladder 2:warning,1:policy-reminder
err "ladder: thresholds must rise"
fails 1 policy set c1 grace soon
err "grace: 'soon' is not a whole number"
fails 1 policy set c1 refund half
err "refund: 'half' is not full, prorated or none"
fails 1 policy set c1 reasons.other medical,work
err "reason 'medical' cannot be both accepted and other"
fails 1 policy set c1 colour blue
err "'colour' is not a policy setting"
fails 1 policy set c1 tz Mars/Olympus
err "Mars/Olympus"
fails 1 policy set nope grace 5
err "no cohort 'nope'"
fails 2 policy set c1 grace
err "usage: showup policy set"
same_db "$before"

# good settings: shown, logged, and back to the default leaves no setting behind
ok policy set c1 cutoff hours 24
out "c1: cutoff is now hours 24 (was day-before 18:00)"
ok policy show c1
out_re "^cutoff +hours 24 +day-before 18:00$"
ok policy set c1 cutoff hours 24
out "nothing changed"
ok log c1 --table
out "policy set"
ok policy set c1 cutoff "day-before 18:00"
check '[ "$(sql "SELECT count(*) FROM policy_setting")" = 0 ]' "a default value was stored"
ok policy set c1 points.late 1
ok mark c1:1 ana@example.com late 20
ok notices due c1
out "policy-reminder"
ok policy set c1 points.late 0
ok notices due c1
out "no notices due in c1"

# points for lateness: only with a threshold, and only beyond it
before=$(db_state)
fails 1 policy set c1 points.late_arrival 1
err "points.late_arrival is 1 but late.threshold is off"
fails 1 policy set c1 late.threshold soon
err "late.threshold: 'soon' is not a whole number from 0 to 240"
fails 1 policy set c1 points.late_arrival lots
err "points.late_arrival: 'lots' is not a whole number"
same_db "$before"
ok policy set c1 late.threshold 15
out "c1: late.threshold is now 15 (was off)"
ok policy set c1 points.late_arrival 1
out "c1: points.late_arrival is now 1 (was 0)"
ok policy show c1
out_re "^late\.threshold +15 +off$"
ok notices due c1
out_re "^Ana +ana@example\.com +policy-reminder +1 +1 late \+1$"
ok status c1 --csv
check 'grep -q "^Ana,ana@example.com,1,1,100%,100%,1,-,policy-reminder due," "$T/out"' \
	"Ana's late arrival brought no point"
ok mark c1:1 ana@example.com late 12
ok notices due c1
out "no notices due in c1"
ok mark c1:1 ana@example.com late 20
before=$(db_state)
fails 1 policy set c1 late.threshold off
err "late.threshold is off"
same_db "$before"
ok policy set c1 points.late_arrival 0
ok policy set c1 late.threshold off
ok notices due c1
out "no notices due in c1"
check '[ "$(sql "SELECT count(*) FROM policy_setting")" = 0 ]' "a default value was stored"

# the ladder: a no-show (2 points) makes the warning due, not the reminder
ok mark c1:1 ben@example.com no-show
ok notices due c1
out_re "^Ben +ben@example\.com +warning +2 +1 no_show \+2$"
no_out "policy-reminder"
out "1 no_show +2"
# a late cancellation on top: 3 points, the final notice with the full refund
ok cancel c1:2 ben@example.com --at "2026-11-08 20:00" --reason work
ok notices due c1
out "final-notice"
out "1,500.00 AUD"
out "1 no_show +2, 2 late_cancel +1"
# a correction lowers the points: only the step they still reach is due
ok mark c1:1 ben@example.com present
ok notices due c1
out "policy-reminder"
no_out "final-notice"
ok mark c1:1 ben@example.com no-show

# once the e-mail work has recorded a notice as sent, it is never due again
sql "INSERT INTO notice (cohort_id, participant_id, step, kind, points, sent_at)
     SELECT cohort_id, id, 2, 'final-notice', 3, 1795000000 FROM participant
     WHERE email = 'ben@example.com'"
ok notices due c1
out_only "no notices due in c1"
ok mark c1:1 ben@example.com present
ok mark c1:1 ben@example.com no-show
ok notices due c1
out_only "no notices due in c1"
# a new ladder keeps what went out, by kind: past the final notice, a new step is due
ok policy set c1 ladder 2:final-notice,3:exit-talk
ok notices due c1
out "exit-talk"
no_out "final-notice"
ok policy set c1 ladder 1:policy-reminder,2:warning,3:final-notice

# status: those at risk first, with their figures; the coach's own line
ok mark c1:3 cy@example.com no-show
ok cancel c1:1 cy@example.com --at "2026-10-30 10:00" --reason travel
ok status c1 --csv
# at risk by points, whatever the ladder's state: Ben (3, final notice sent) before Cy (2)
check '[ "$(sed -n 2p "$T/out" | cut -d, -f1)" = Ben ]' "Ben (3 points, notice sent) is not first"
check '[ "$(sed -n 3p "$T/out" | cut -d, -f1)" = Cy ]' "Cy (2 points, a warning due) is not second"
check '[ "$(sed -n 4p "$T/out" | cut -d, -f1)" = Ana ]' "Ana (no points) is not last"
check 'grep -q "^Cy,cy@example.com,2,0,0%,50%,2,71 h,warning due," "$T/out"' \
	"Cy's figures are wrong"
check 'grep -q "^Ben,ben@example.com,2,0,0%,0%,3,13 h,coach-review at 4," "$T/out"' \
	"Ben's figures are wrong"
ok status c1
out "coach Cora Coach: 3 sessions held, 2 to come, 0 cancelled by the coach"
if command -v pdftotext >/dev/null; then
	ok report attendance c1 -o "$T/a.pdf"
	pdftotext -layout "$T/a.pdf" "$T/a.txt" 2>/dev/null
	check 'grep -q "Ben .*3 .*coach-review at 4" "$T/a.txt"' "Ben (ladder done) is not at risk"
	check 'grep -q "Cy .*2 .*warning due" "$T/a.txt"' "Cy is not at risk in the report"
	check '[ "$(grep -n "Ben .*coach-review at 4" "$T/a.txt" | cut -d: -f1)" -lt \
		"$(grep -n "Cy .*warning due" "$T/a.txt" | cut -d: -f1)" ]' "Ben is not above Cy"
fi

# forgiveness: points of sessions more than 14 days old stop counting
ok policy set c1 forgive.days 14
ok status c1 --csv
check 'grep -q "^Ben,ben@example.com,2,0,0%,0%,1," "$T/out"' "forgive.days did not forgive"
ok policy set c1 forgive.days off

# refund offers by hand: the amount by rule, one open at a time, accepted withdraws
ok refund offer c1 ben@example.com
out "offered Ben <ben@example.com> a refund of 1,500.00 AUD, open until 2026-11-29 11:00"
before=$(db_state)
fails 1 refund offer c1 ben@example.com
err "'ben@example.com' has an open refund offer already"
fails 1 refund decline c1 cy@example.com
err "'cy@example.com' has no open refund offer"
fails 1 refund offer c1 zed@example.com
err "zed@example.com"
fails 1 refund offer c1 cy@example.com --amount lots
err "error: --amount: 'lots' is not an amount (write 1500 or 1500.00)"
same_db "$before"
ok status c1
out "open 1,500.00 AUD until 2026-11-29 11:00"
fails 1 refund accept c1 ben@example.com --at "2026-11-01 10:00"
err "the offer to 'ben@example.com' was made only on 2026-11-22 11:00"
fails 1 refund accept c1 ben@example.com --at "2026-12-20 10:00"
err "ran out on 2026-11-29 11:00"
fails 1 policy set c1 points.no-show 3
err "did you mean 'points.no_show'?"
ok refund accept c1 ben@example.com
out "accepted the refund and withdrew"
ok participant list c1
no_out "ben@example.com"
ok attendance show c1 --csv
check 'grep -q "^Ben,ben@example.com,no_show,late_cancel,unrecorded,not_expected,not_expected" "$T/out"' \
	"Ben is still expected after taking the refund, or lost his records"
ok refund list c1
out_re "^Ben +ben@example\.com +1,500\.00 AUD +accepted +manual +2026-11-22 11:00 +2026-11-22 11:00$"

# an offer not answered in time shows as expired at once, and the next command
# that writes stores it (a read-only one cannot)
ok refund offer c1 cy@example.com --at "2026-11-01 10:00"
ok refund list c1
out_re "^Cy +cy@example\.com +1,500\.00 AUD +expired +manual +2026-11-01 10:00 +2026-11-08 10:00$"
ok cohort list
check '! grep -q "refund offer expired" "$T/err"' "a read-only command wrote the expiry"
check '[ "$(sql "SELECT state FROM refund_offer WHERE state <> '"'accepted'"'")" = open ]' \
	"the expiry was stored by a read-only command"
ok policy set c1 grace 5
err "note: 1 refund offer expired"
# an expired offer keeps Cy at risk, first now that Ben has left
ok status c1 --csv
check '[ "$(sed -n 2p "$T/out" | cut -d, -f1)" = Cy ]' "Cy (an expired offer) is not first"
check 'grep -q "^Ben,.*,withdrawn," "$T/out"' "Ben is not shown withdrawn"
check '[ "$(sql "SELECT state FROM refund_offer WHERE state <> '"'accepted'"'")" = expired ]' \
	"the expiry was not stored by the next command that writes"
# the report keeps her at risk and says how the offer ended, beside the ladder's state
if command -v pdftotext >/dev/null; then
	ok report attendance c1 -o "$T/x.pdf"
	check 'pdftotext -layout "$T/x.pdf" - 2>/dev/null | grep -q "Cy .* 2 .*; refund offer expired"' \
		"the report does not show Cy's offer expired"
fi

# prorated: the fee times the sessions not yet held (2 of 5); declined keeps them in
ok policy set c1 refund prorated
ok refund offer c1 cy@example.com
out "a refund of 600.00 AUD"
ok refund decline c1 cy@example.com
out "declined the refund and stays in c1"
if command -v pdftotext >/dev/null; then
	ok report attendance c1 -o "$T/x.pdf"
	check 'pdftotext -layout "$T/x.pdf" - 2>/dev/null | grep -q "Cy .*; refund offer declined"' \
		"the report does not show Cy's offer declined"
fi
ok participant list c1
out "cy@example.com"
# prorated over each one's own sessions: Ana's 1:1 to come is hers, not Cy's
ok session add c1 --at "2026-12-01 09:00" --kind coaching --with ana@example.com
ok refund offer c1 ana@example.com
out "a refund of 750.00 AUD"
ok refund decline c1 ana@example.com
ok refund offer c1 cy@example.com
out "a refund of 600.00 AUD"
ok refund decline c1 cy@example.com

# no refund at all
ok policy set c1 refund none
fails 1 refund offer c1 ana@example.com
err "offers no refund"
check '[ "$(sql "SELECT count(*) FROM audit WHERE action = '"'refund offer'"'")" -ge 6 ]' \
	"refund offers are not all in the audit log"

# the final rung: after the final notice (offer declined), each further point
# calls for the coach's review, shown to the coach and never mailed
ok cohort add c2 --name "Second cohort" --coach "Cora Coach" --coach-email cora@example.com \
	--tz Australia/Sydney --fee 1500 --currency AUD
ok participant add c2 --name Dee --email dee@example.com
for day in 02 09 16 19 30; do
	ok session add c2 --at "2026-11-$day 09:00"
done
ok mark c2:1 dee@example.com no-show
ok cancel c2:2 dee@example.com --at "2026-11-08 20:00" --reason work
ok notices due c2
out_re "^Dee +dee@example\.com +final-notice +3 +1,500\.00 AUD +1 no_show \+2, 2 late_cancel \+1$"
no_out "coach-review"
sql "INSERT INTO notice (cohort_id, participant_id, step, kind, points, sent_at)
     SELECT cohort_id, id, 2, 'final-notice', 3, 1795000000 FROM participant
     WHERE email = 'dee@example.com'"
ok refund offer c2 dee@example.com
ok refund decline c2 dee@example.com
ok notices due c2	# the answer is confirmed to her (exits.sh); the ladder has nothing due
out_re "^Dee +dee@example\.com +refund-declined +1,500\.00 AUD"
no_out "final-notice"
no_out "coach-review"
ok status c2 --csv
check 'grep -q "^Dee,dee@example.com,.*,3,.*,coach-review at 4,.*declined" "$T/out"' \
	"Dee's next step is not the coach's review"
ok cancel c2:3 dee@example.com --at "2026-11-15 20:00" --reason travel
ok notices due c2
out_re "^Dee +dee@example\.com +coach-review #1 +4 +1 no_show \+2, 2 late_cancel \+1, 3 late_cancel \+1$"
ok status c2 --csv
check 'grep -q "^Dee,dee@example.com,.*,4,.*,coach-review #1 due,.*declined" "$T/out"' \
	"the coach's review is not due for Dee"
# due again at the next point
ok mark c2:4 dee@example.com no-show
ok notices due c2
out_re "^Dee +dee@example\.com +coach-review #3 +6 "
ok status c2
out "coach-review #3 due"
# never planned into the outbox, never mailed
ok notices plan c2
check '[ "$(sql "SELECT count(*) FROM outbox WHERE kind = '"'coach-review'"'")" = 0 ]' \
	"a coach review was planned as a message"
# written in the ladder: its own threshold; anywhere but last is refused
ok policy set c2 ladder 2:warning,3:final-notice,8:coach-review
ok notices due c2
out_only "no notices due in c2"
ok policy set c2 ladder 2:warning,3:final-notice,5:coach-review
ok notices due c2
out "coach-review #2"
before=$(db_state)
fails 1 policy set c2 ladder 1:warning,2:coach-review,3:final-notice
err "ladder: coach-review can only be the last step"
fails 1 policy set c2 ladder 4:coach-review
err "ladder: a notice is needed before coach-review"
same_db "$before"
ok policy set c2 ladder 1:policy-reminder,2:warning,3:final-notice
ok policy show c2
out_re "^ladder +1:policy-reminder,2:warning,3:final-notice,4:coach-review *$"
# the coach records the review: not due again until a further point
ok review c2 dee@example.com --note "talked on the phone; she stays"
out "coach review #3 of dee@example.com recorded at 6 points; the next is due at 7"
ok notices due c2
no_out "coach-review"
ok log c2 --table
out "reviewed at 6 points: talked on the phone; she stays"
before=$(db_state)
fails 1 review c2 dee@example.com
err "no coach review is due for 'dee@example.com' (6 points)"
err "hint: 'showup notices due c2' lists the reviews due"
fails 1 review c2 nobody@example.com
same_db "$before"
ok unmark c2:4 dee@example.com
ok mark c2:4 dee@example.com no-show
ok notices due c2
no_out "coach-review"
SHOWUP_NOW="2026-12-01T00:00:00Z" ok mark c2:5 dee@example.com no-show
SHOWUP_NOW="2026-12-01T00:00:00Z" ok notices due c2
out_re "^Dee +dee@example\.com +coach-review #5 +8 "
finish
