#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# change.sh - a program that changes: sessions edited, moved, brought back and deleted;
# participants corrected and reinstated; marks taken back, replaced only when asked,
# walk-ins. Every refusal leaves the database as it was.
. "$top_srcdir/tests/cli/lib.sh"

cohort
for who in "Ana Lima:ana" "Bo Berg:bo" "Cy Chan:cy"; do
	ok participant add c1 --name "${who%%:*}" --email "${who##*:}@example.com"
done
ok session add c1 --at "2026-11-16 09:00"
ok session add c1 --at "2026-11-30 09:00"
ok session add c1 --at "2026-11-25 18:00" --kind practice --with ana@example.com \
	--with bo@example.com --title "Pairs"
# points(EMAIL): the points status gives a participant
points() { "$SHOWUP" status c1 --csv | awk -F, -v e="$1" '$2 == e { print $NF; exit }'; }
"$SHOWUP" status c1 --csv | head -n1 | grep -q "points" || fail "status --csv has no points column"
pcol=$("$SHOWUP" status c1 --csv | head -n1 | tr ',' '\n' | grep -n '^points$' | cut -d: -f1)
points() { "$SHOWUP" status c1 --csv | awk -F, -v e="$1" -v c="$pcol" '$0 ~ e { print $c; exit }'; }

# --- unmark: a wrong mark taken back, and its points with it
ok mark c1:1 bo@example.com no-show
check '[ "$(points bo@example.com)" = 2 ]' "a no-show is not 2 points"
ok unmark c1:1 bo@example.com
out "c1:1 bo@example.com: not recorded"
check '[ "$(points bo@example.com)" = 0 ]' "unmark left the points"
check '[ "$(sql "SELECT count(*) FROM attendance")" = 0 ]' "unmark left the record"
ok log c1 --table
out "unmark"
before=$(db_state)
fails 1 unmark c1:1 bo@example.com
err "nothing is recorded for 'bo@example.com' at c1:1"
fails 1 unmark c1:1 nobody@example.com
err "no participant 'nobody@example.com' in cohort 'c1'"
same_db "$before"

# --- a mark does not quietly replace a cancellation
ok cancel c1:1 cy@example.com --at "2026-11-10 10:00" --reason work
before=$(db_state)
fails 1 mark c1:1 cy@example.com present
err "c1:1 cy@example.com is recorded as cancelled"
err "give --replace to record 'present' instead"
same_db "$before"
ok mark c1:1 cy@example.com present --replace
out "cy@example.com: present (corrected) -> present"

# --- walk-ins: someone a practice session did not expect
before=$(db_state)
fails 1 mark c1:3 cy@example.com present
err "'cy@example.com' is not expected at session c1:3"
same_db "$before"
SHOWUP_NOW="2026-11-26T00:00:00Z" ok mark c1:3 cy@example.com present --walk-in
check '[ "$(sql "SELECT count(*) FROM expected e JOIN session s ON s.id = e.session_id WHERE s.number = 3")" = 3 ]' \
	"the walk-in was not added to the session"

# --- session edit: title, length, people; a move in time and a move too late
ok session edit c1:2 --title "Week 2" --minutes 90
out "session c1:2 changed"
check '[ "$(sql "SELECT title || '"'/'"' || minutes FROM session WHERE number = 2")" = "Week 2/90" ]' \
	"session edit did not change the title and length"
before=$(db_state)
fails 1 session edit c1:3 --with zed@example.com
err "no participant 'zed@example.com' in cohort 'c1'"
fails 1 session edit c1:2 --with ana@example.com
err "a group session expects every participant and names no one"
fails 2 session edit c1:2 --minutes 0
same_db "$before"
ok session edit c1:3 --without bo@example.com
check '[ "$(sql "SELECT count(*) FROM expected e JOIN session s ON s.id = e.session_id WHERE s.number = 3")" = 2 ]' \
	"--without did not take bo off the practice session"
ok session edit c1:2 --title "Week 2"
out "session c1:2: nothing changed"
# in good time (now is 2026-11-22; the cutoff of 30 Nov is 29 Nov 18:00)
ok session edit c1:2 --at "2026-12-01 10:00"
out "session c1:2 moved from Mon 2026-11-30 09:00 to Tue 2026-12-01 10:00"
no_out "after its cutoff"
# after the cutoff (the session of 1 Dec 10:00 in Sydney, moved at 19:00 the evening before)
SHOWUP_NOW="2026-11-30T08:00:00Z" ok session edit c1:2 --at "2026-12-02 10:00"
out "moved from Tue 2026-12-01 10:00 to Wed 2026-12-02 10:00: after its cutoff, so it counts against the coach's reliability"
SHOWUP_NOW="2026-12-03T00:00:00Z" ok status c1
out "0 cancelled by the coach (0 after the cutoff), 1 moved after the cutoff"
ok log c1 --table
out "session move"
out "Mon 2026-11-30 09:00"
ok log c1
out "session c1:2 moved from Tue 2026-12-01 10:00 to Wed 2026-12-02 10:00"

# --- the coach's cancellation taken back; a session deleted only while it has no records
ok session cancel c1:2 --note "flu"
ok session uncancel c1:2
out "session c1:2 is to be held again"
check '[ -z "$(sql "SELECT cancelled_at FROM session WHERE number = 2")" ]' "uncancel left the cancellation"
before=$(db_state)
fails 1 session uncancel c1:2
err "session c1:2 is not cancelled"
fails 1 session delete c1:1
err "session c1:1 has 1 record (attendance, notices, reschedules): it can be cancelled, not deleted"
err "hint: 'showup session cancel c1:1' instead"
same_db "$before"
ok session add c1 --at "2026-12-20 09:00" --title "by mistake"
ok session delete c1:4
out "session c1:4 deleted"
check '[ "$(sql "SELECT count(*) FROM session WHERE title = '"'by mistake'"'")" = 0 ]' "the session was not deleted"
ok log c1 --table
out "session delete"

# --- participant edit: a typo in an address; records, notices and mail stay with the person
ok mark c1:1 bo@example.com no-show
ok notices plan c1
check '[ "$(sql "SELECT count(*) FROM outbox WHERE state = '"'pending'"'")" -ge 1 ]' "nothing was planned for Bo"
before=$(db_state)
fails 1 participant edit c1 bo@example.com --email ana@example.com
err "'ana@example.com' is Ana Lima's address already, in cohort 'c1'"
fails 1 participant edit c1 bo@example.com --email "not an address"
fails 2 participant edit c1 bo@example.com
same_db "$before"
ok participant edit c1 bo@example.com --email bo.berg@example.com --name "Bo Berggren"
out "Bo Berg <bo@example.com> is now Bo Berggren <bo.berg@example.com>"
check '[ "$(points bo.berg@example.com)" = 2 ]' "Bo's points did not follow the new address"
sqlite3 "$SHOWUP_DB" "SELECT message FROM outbox WHERE state = 'pending'" > "$T/msg"
check 'grep -q "^To: Bo Berggren <bo.berg@example.com>" "$T/msg"' "the planned notice still goes to the old address"
check '! grep -q "bo@example.com" "$T/msg"' "the planned notice still names the old address"
ok log c1 --table
out "participant update"

# --- participant reinstate: a withdrawal by mistake taken back
before=$(db_state)
fails 1 participant reinstate c1 ana@example.com
err "'ana@example.com' has not withdrawn from 'c1'"
same_db "$before"
ok participant withdraw c1 ana@example.com --at "2026-11-20 10:00"
ok participant reinstate c1 ana@example.com
out "Ana Lima <ana@example.com> is active in c1 again"
check '[ "$(sql "SELECT status FROM participant WHERE email = '"'ana@example.com'"'")" = active ]' \
	"reinstate left the participant withdrawn"

finish
