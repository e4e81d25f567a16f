#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# reschedule.sh - a participant moves their place: in time, after the cutoff, after
# the start, across a daylight-saving change, past reschedule.max; 1:1s move whole,
# practice sessions open anew with the partners. Every refusal leaves the database
# as it was.
. "$top_srcdir/tests/cli/lib.sh"

export SHOWUP_NOW="2027-03-03T20:00:00Z"
ok init
ok cohort add c1 --name "Berlin spring" --coach "Cora Coach" \
	--coach-email cora@example.com --tz Europe/Berlin
ok cohort add c2 --name "Other" --coach "Cora Coach" \
	--coach-email cora@example.com --tz Europe/Berlin
for who in ana bo cy dy; do
	ok participant add c1 --name "$who" --email "$who@example.com"
done
ok participant add c2 --name "ana" --email "ana@example.com"
ok session add c1 --at "2027-03-04 09:00"	# 1: group, Thu
ok session add c1 --at "2027-03-11 09:00"	# 2: group, the week after
ok session add c1 --at "2027-03-05 10:00" --kind practice --with ana@example.com \
	--with bo@example.com			# 3: a pair
ok session add c1 --at "2027-03-06 11:00" --kind coaching --with ana@example.com	# 4: a 1:1
# 5: a practice pair on Sun 28 March, the morning daylight saving begins in Berlin;
# its cutoff is Sat 27 March 18:00 CET (17:00 UTC), 14 hours before, not 15
ok session add c1 --at "2027-03-28 09:00" --kind practice --with cy@example.com \
	--with dy@example.com
ok session add c1 --at "2027-03-28 11:00" --kind coaching --with dy@example.com	# 6: a 1:1
ok session add c1 --at "2027-03-10 10:00" --kind practice --with cy@example.com	# 7: a practice slot
ok session add c2 --at "2027-03-04 09:00"
# status_csv: the status table as CSV, without its CRs
status_csv() { "$SHOWUP" status c1 --csv | tr -d '\r'; }
pcol=$(status_csv | head -n1 | tr ',' '\n' | grep -n '^points$' | cut -d: -f1)
rcol=$(status_csv | head -n1 | tr ',' '\n' | grep -n '^rescheduled$' | cut -d: -f1)
# points(EMAIL), moves(EMAIL): what status says of a participant
points() { status_csv | awk -F, -v e="$1" -v c="$pcol" '$2 == e { print $c }'; }
moves() { status_csv | awk -F, -v e="$1" -v c="$rcol" '$2 == e { print $c }'; }
check '[ -n "$rcol" ]' "status has no rescheduled column"
# cell(SESSION, EMAIL): the grid's outcome, as of after every session
cell() {
	SHOWUP_NOW="2027-04-01T00:00:00Z" "$SHOWUP" attendance show c1 --csv | tr -d '\r' |
		awk -F, -v e="$2" -v s="$1" 'NR == 1 { for (k = 1; k <= NF; k++) col[$k] = k }
			$2 == e { print $col[s] }'
}

# --- refusals first: each names the problem and leaves every byte
before=$(db_state)
fails 2 reschedule c1:1 ana@example.com --asked-at "2027-02-28 10:00"
err "give where the place goes: --to SLUG:M (a session) or --at TIME (a new time)"
fails 2 reschedule c1:1 ana@example.com --to 2 --at "2027-03-09 09:00"
fails 1 reschedule c1:1 ana@example.com --asked-at "2027-02-28 10:00" --at "2027-03-09 09:00"
err "session c1:1 is a group session: its place moves to another session, not to a new time"
fails 1 reschedule c1:1 ana@example.com --asked-at "2027-02-28 10:00" --to c1:1
err "session c1:1 is the place being moved"
fails 1 reschedule c1:1 ana@example.com --asked-at "2027-02-28 10:00" --to c2:1
err "session c2:1 is not of cohort 'c1': a place moves within its cohort"
fails 1 reschedule c1:3 cy@example.com --asked-at "2027-02-28 10:00" --to 2
err "'cy@example.com' is not expected at session c1:3"
fails 1 reschedule c1:1 nobody@example.com --to 2
err "no participant 'nobody@example.com' in cohort 'c1'"
fails 1 reschedule c1:1 ana@example.com --asked-at "2027-03-02 10:00" --to 19
err "no session 19"
fails 1 reschedule c1:1 ana@example.com --asked-at "2027-03-05 10:00" --to 7
err "the request cannot come in later than now"
fails 1 reschedule c1:4 ana@example.com --asked-at "2027-02-28 10:00" --at "2027-02-27 10:00"
err "the new time is before the request"
fails 2 cancel c1:1 ana@example.com --reason rescheduled
err "a place moved elsewhere is recorded by 'showup reschedule"
fails 1 policy set c1 reasons.other "work,rescheduled"
err "'rescheduled' is kept for reschedules"
same_db "$before"

# --- in time: a group place moves to another session, no points
ok reschedule c1:1 ana@example.com --asked-at "2027-03-02 12:00" --to c1:7 --note "dentist"
same_notices c1
out "ana@example.com: place at c1:1 (Thu 2027-03-04 09:00) moved to c1:7 (Wed 2027-03-10 10:00)"
out "asked in time (the cutoff was Wed 2027-03-03 18:00): a reschedule, 0 points"
check '[ "$(cell 1 ana@example.com)" = rescheduled ]' "an in-time reschedule is not R in the grid"
check '[ "$(points ana@example.com)" = 0 ]' "an in-time reschedule scored points"
check '[ "$(moves ana@example.com)" = 1 ]' "status does not count the reschedule"
ok log c1
out "c1:1 ana@example.com moved their place from session 1, Thu 2027-03-04 09:00 to session 7, Wed 2027-03-10 10:00 (asked Tue 2027-03-02 12:00)"
ok log c1 --csv
out ",reschedule,c1:1 ana@example.com,"
ok attendance export c1
out "1,2027-03-04T09:00:00+01:00,ana@example.com,ana,cancelled,,2027-03-02T12:00:00+01:00,rescheduled,dentist,rescheduled"
# the export reads back unchanged
"$SHOWUP" attendance export c1 > "$T/export.csv"
ok attendance import c1 "$T/export.csv"
check '[ "$(cell 1 ana@example.com)" = rescheduled ]' "the export did not read back as a reschedule"
# a reschedule comes in from a file only as it went out
printf 'session,email,status,cancelled_at,reason\n1,dy@example.com,cancelled,2027-03-02 09:00,rescheduled\n' > "$T/moved.csv"
before=$(db_state)
fails 1 attendance import c1 "$T/moved.csv"
err "a reschedule is recorded with the place it moved to"
same_db "$before"
# twice is refused, and so is a place the person has already, or someone's 1:1
fails 1 reschedule c1:1 dy@example.com --asked-at "2027-03-02 13:00" --to 5
err "'dy@example.com' is expected at session c1:5 already: moving there changes no place"
fails 1 reschedule c1:1 cy@example.com --asked-at "2027-03-02 13:00" --to 4
err "session c1:4 is another participant's coaching session"
same_db "$before"
before=$(db_state)
fails 1 reschedule c1:1 ana@example.com --asked-at "2027-03-02 13:00" --to 5
err "'ana@example.com' has moved their place at session c1:1 already"
same_db "$before"

# --- after the cutoff: a late cancellation, and the new place stands
ok reschedule c1:1 bo@example.com --asked-at "2027-03-03 19:00" --to 7
same_notices c1
out "asked after the cutoff (Wed 2027-03-03 18:00): it counts as a late cancellation (+1); the new place stands"
check '[ "$(cell 1 bo@example.com)" = late_cancel ]' "a late reschedule is not a late cancellation"
check '[ "$(points bo@example.com)" = 1 ]' "a late reschedule is not 1 point"
check '[ "$(moves bo@example.com)" = 1 ]' "a late reschedule is not counted"

# --- a practice pair moved to a new time: refused unless the policy takes the partner
# along (reschedule.pairs on): then a new session, the partner moves along
before=$(db_state)
fails 1 reschedule c1:3 ana@example.com --asked-at "2027-03-03 10:30" --at "2027-03-08 10:00"
err "error: session c1:3 is a practice session with bo@example.com: it moves to a new time only with their word; ask Cora Coach <cora@example.com> to move it for both"
same_db "$before"
ok policy set c1 reschedule.pairs on
ok reschedule c1:3 ana@example.com --asked-at "2027-03-03 10:30" --at "2027-03-08 10:00"
same_notices c1
out "ana@example.com: place at c1:3 (Fri 2027-03-05 10:00) moved to the new session c1:8 (Mon 2027-03-08 10:00)"
check '[ "$(sql "SELECT group_concat(p.email) FROM expected e JOIN participant p ON p.id = e.participant_id JOIN session s ON s.id = e.session_id WHERE s.number = 8 AND s.cohort_id = 1 ORDER BY p.email")" = "ana@example.com,bo@example.com" ]' \
	"the new practice session does not have both partners"
check '[ "$(cell 3 bo@example.com)" = not_expected ]' "the partner is still expected at the old time"
check '[ "$(cell 3 ana@example.com)" = rescheduled ]' "the practice reschedule is not R"

# --- a 1:1 moves whole: same number, new time, not on the coach's record
ok reschedule c1:4 ana@example.com --asked-at "2027-03-03 10:45" --at "2027-03-09 11:00"
same_notices c1
out "session c1:4 (ana@example.com's 1:1) moved from Sat 2027-03-06 11:00 to Tue 2027-03-09 11:00"
out "ana@example.com has moved 3 places in this program"
check '[ "$(sql "SELECT starts_at FROM session WHERE number = 4 AND cohort_id = 1")" = "$(date -d "2027-03-09 11:00 CET" +%s)" ]' \
	"the 1:1 did not move"
check '[ "$(sql "SELECT count(*) FROM session_move")" = 0 ]' "a participant's move is on the coach's record"
ok status c1
out "0 cancelled by the coach (0 after the cutoff); commitment"
no_out "moved after the cutoff"

# --- reschedule.max: the second in-time one past a limit of 1 counts as late
ok policy set c1 reschedule.max 1
same_notices c1
check '[ "$(points ana@example.com)" = 2 ]' "two reschedules past reschedule.max 1 are not 2 late cancellations"
check '[ "$(cell 3 ana@example.com)" = late_cancel ]' "the reschedule past the limit is not a late cancellation"
check '[ "$(cell 1 ana@example.com)" = rescheduled ]' "the first reschedule lost its place in the limit"
ok policy set c1 reschedule.max none
same_notices c1
check '[ "$(points ana@example.com)" = 0 ]' "reschedule.max none still scores"
ok policy set c1 reschedule.max 2
same_notices c1
ok reschedule c1:2 ana@example.com --asked-at "2027-03-03 11:30" --to 5
same_notices c1
out "asked in time, but past reschedule.max (2): it counts as a late cancellation (+1); the new place stands"
ok policy set c1 reschedule.max none
same_notices c1

# --- across the daylight-saving change: the cutoff is 18:00 local the day before
SHOWUP_NOW="2027-03-27T20:00:00Z" ok reschedule c1:5 cy@example.com \
	--asked-at "2027-03-27 17:30" --at "2027-03-29 09:00"
same_notices c1
out "asked in time (the cutoff was Sat 2027-03-27 18:00)"
SHOWUP_NOW="2027-03-27T20:00:00Z" ok reschedule c1:6 dy@example.com \
	--asked-at "2027-03-27 18:30" --at "2027-03-29 11:00"
same_notices c1
out "asked after the cutoff (Sat 2027-03-27 18:00): it counts as a late cancellation (+1)"
check '[ "$(points cy@example.com)" = 0 ]' "a reschedule in time before the clock change scored"
check '[ "$(points dy@example.com)" = 1 ]' "a late 1:1 move is not a late cancellation"
check '[ "$(cell 6 dy@example.com)" = unrecorded ]' "a 1:1 moved whole lost its own record"

# --- after the start: a no-show, the new place still stands
SHOWUP_NOW="2027-03-04T10:00:00Z" ok reschedule c1:1 cy@example.com --asked-at "2027-03-04 09:30" --to 8
same_notices c1
out "asked after session 1 had started: it counts as a no-show (+2); the new place stands"

# --- the commitment report says how often each one moved their place
ok report commitment c1 -o "$T/commitment.pdf"
pdftotext -layout "$T/commitment.pdf" "$T/commitment.txt"
check 'grep -q "rescheduled 4 times" "$T/commitment.txt"' "the commitment report does not count Ana's reschedules"

# --- unmark takes a reschedule back (the new place stays)
ok unmark c1:1 bo@example.com
same_notices c1
check '[ "$(points bo@example.com)" = 0 ]' "unmark left the late reschedule's point"
check '[ "$(moves bo@example.com)" = 0 ]' "unmark left the reschedule counted"
check '[ "$(sql "SELECT count(*) FROM reschedule r JOIN participant p ON p.id = r.participant_id WHERE p.email = '"'bo@example.com'"' AND r.moved_with IS NULL AND r.replaced_at IS NULL")" = 0 ]' \
	"unmark left the reschedule standing"

# --- a session with a reschedule is not deleted
before=$(db_state)
fails 1 session delete c1:8
err "session c1:8 has 3 records (attendance, notices, reschedules): it can be cancelled, not deleted"
same_db "$before"
# --- a 1:1 moved whole is taken back by unmark: it goes back to its old time
ok unmark c1:4 ana@example.com
same_notices c1
out "c1:4: ana@example.com's move of their 1:1 taken back; it is at its old time again"
check '[ "$(sql "SELECT starts_at FROM session WHERE number = 4 AND cohort_id = 1")" = "$(date -d "2027-03-06 11:00 CET" +%s)" ]' \
	"unmark did not move the 1:1 back"
before=$(db_state)
fails 1 unmark c1:4 ana@example.com
err "nothing is recorded for 'ana@example.com' at c1:4"
same_db "$before"

# --- a mark over a reschedule (with --replace) sets the request aside
SHOWUP_NOW="2027-03-06T00:00:00Z" ok mark c1:3 ana@example.com present --replace
same_notices c1
check '[ "$(sql "SELECT count(*) FROM reschedule r JOIN session s ON s.id = r.from_session_id WHERE s.number = 3 AND s.cohort_id = 1 AND r.moved_with IS NULL AND r.replaced_at IS NULL")" = 0 ]' \
	"the reschedule outlived the mark that replaced it"

# --- the coach moving a session later does not re-judge a reschedule asked in time
ok policy set c1 cutoff "hours 24"
same_notices c1
ok reschedule c1:2 dy@example.com --asked-at "2027-03-03 10:00" --to 8
same_notices c1
out "asked in time"
# its new cutoff (Wed 09:30) is before the request (Wed 10:00); the request left the old time
ok session edit c1:2 --at "2027-03-04 09:30"
same_notices c1
check '[ "$(cell 2 dy@example.com)" = rescheduled ]' "the coach's move re-judged dy's reschedule"
ok policy set c1 cutoff "day-before 18:00"
same_notices c1

# --- reschedule.max counts in the order people asked, not the order of the sessions
ok cohort add c3 --name "Order" --coach "Cora Coach" --coach-email cora@example.com \
	--tz Europe/Berlin
ok participant add c3 --name "Eve" --email eve@example.com
ok participant add c3 --name "Fay" --email fay@example.com
ok session add c3 --at "2027-03-10 09:00"
ok session add c3 --at "2027-03-17 09:00"
ok session add c3 --at "2027-03-20 09:00" --kind practice --with fay@example.com
ok session add c3 --at "2027-03-21 09:00" --kind practice --with fay@example.com
ok policy set c3 reschedule.max 1
same_notices c3
ok reschedule c3:2 eve@example.com --asked-at "2027-03-01 09:00" --to 3
same_notices c3
out "asked in time (the cutoff was Tue 2027-03-16 18:00): a reschedule, 0 points"
ok reschedule c3:1 eve@example.com --asked-at "2027-03-02 09:00" --to 4
same_notices c3
out "asked in time, but past reschedule.max (1): it counts as a late cancellation (+1)"
SHOWUP_NOW="2027-04-01T00:00:00Z" "$SHOWUP" attendance show c3 --csv | tr -d '\r' > "$T/c3.csv"
check 'grep -q "^Eve,eve@example.com,late_cancel,rescheduled," "$T/c3.csv"' \
	"the first reschedule asked is not the free one"
# --- the coach moved a 1:1 untold, then its person moved it: one notice, against the time heard
ok cohort add c4 --name "Told" --coach "Cora Coach" --coach-email cora@example.com \
	--tz Europe/London
ok participant add c4 --name "Gil" --email gil@example.com
ok session add c4 --at "2027-03-10 09:00" --kind coaching --with gil@example.com
ok session edit c4:1 --at "2027-03-10 11:00"
same_notices c4
ok reschedule c4:1 gil@example.com --at "2027-03-12 15:00"
same_notices c4
same_notices c4
ok notices plan c4
check '[ "$(sql "SELECT group_concat(o.kind) FROM outbox o JOIN cohort c ON c.id = o.cohort_id WHERE c.slug = '"'"'c4'"'"'")" = place-moved ]' \
	"a 1:1 its person moved was also told as the coach's move"
ok notices preview c4 --write "$T/c4"
check 'grep -q "^Done: your place has moved from Wed 2027-03-10 09:00 to" "$T"/c4/*' \
	"the move is not told against the time Gil last heard of"
# --- times offered: a time twice, one not offered, a bad time; nothing written
ok slot add c4 --at "2027-03-20 10:00"
before=$(db_state)
fails 1 slot add c4 --at "2027-03-20 10:00"
err "Sat 2027-03-20 10:00 is offered already"
fails 1 slot remove c4 --at "2027-03-21 10:00"
err "Sun 2027-03-21 10:00 is not offered"
fails 1 slot add c4 --at "the 20th"
fails 2 slot add c4
same_db "$before"
ok slot list c4
out_only "Sat 2027-03-20 10:00"
finish
