#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# places.sh - sessions with places and a waiting list, through the real binary and a real
# SMTP server on loopback: --capacity, join (a place or the waiting list, refusals that
# change nothing), a cancellation in time and a late one each giving the place to the
# first waiting, who is told once with the calendar entry, the late canceller still late;
# more places, a withdrawal, and places given to a group session that expected everyone.
. "$top_srcdir/tests/cli/lib.sh"
cd "$T" || exit 1
smtp_setup
# mail_to EMAIL: the files of the messages the server took for EMAIL.
mail_to() { grep -l "^To: .*<$1>" "$S"/mail-*.eml 2>/dev/null; }
# notices EMAIL [N]: the kinds of the notices sent to EMAIL (about session N), one a
# line, in order.
notices() {
	sql "SELECT o.kind FROM outbox o JOIN participant p ON p.id = o.participant_id
		LEFT JOIN session s ON s.id = o.session_id WHERE p.email = '$1'
		AND o.state = 'sent' AND ('${2:-}' = '' OR s.number = '${2:-}') ORDER BY o.id"
}
# expected N EMAIL: 1 if session N expects EMAIL (on its list), else 0.
expected() {
	sql "SELECT count(*) FROM expected e JOIN session s ON s.id = e.session_id
		JOIN participant p ON p.id = e.participant_id WHERE s.number = $1 AND p.email = '$2'"
}

ok init
ok cohort add pl --name "Places" --coach "Cora Coach" --coach-email cora@example.com \
	--tz Europe/London
for who in ann bo cy di ed; do
	ok participant add pl --name "$who Xu" --email "$who@example.com"
done
ok policy set pl invitations on
ok policy set pl notices.review none

# --capacity on session add: a number of places, 0 to 10000
ok session add pl --at "2026-11-25 09:00" --title Pricing --capacity 2
out "added session pl:1, group Wed 2026-11-25 09:00, 60 min"
check '[ "$(sql "SELECT capacity FROM session WHERE number = 1")" = 2 ]' "the capacity was not kept"
ok log pl
out "2 places"
before=$(db_state)
fails 2 session add pl --at "2026-11-26 09:00" --capacity many
err "error: --capacity takes 0 to 10000, not 'many'"
fails 2 session add pl --at "2026-11-26 09:00" --capacity 10001
same_db "$before"
# a group session without places names no one; one with places may
fails 1 session add pl --at "2026-11-26 09:00" --with ann@example.com
err "hint: drop --with, or give --kind coaching or practice, or --capacity N"
fails 1 session add pl --at "2026-11-26 09:00" --capacity 1 --with ann@example.com \
	--with bo@example.com
err "error: 2 people would hold the session's 1 place"
same_db "$before"
ok session add pl --at "2026-11-26 10:00" --kind coaching --with ed@example.com
ok session add pl --at "2026-11-20 09:00" --capacity 3	# over already

# nobody is on a session with places until they join: a group session with places
# expects only those who hold one
ok attendance show pl
check '[ "$(expected 1 ann@example.com)" = 0 ]' "someone is on session 1 before joining"

# join: a place while there is room, then the waiting list in order
ok join pl:1 ann@example.com
out_only "pl:1 ann@example.com: has a place"
ok join pl:1 bo@example.com
out "has a place"
ok join pl:1 cy@example.com
out_only "pl:1 cy@example.com: no place free; number 1 on the waiting list"
ok join pl:1 di@example.com
out "number 2 on the waiting list"
check '[ "$(expected 1 ann@example.com)$(expected 1 cy@example.com)" = 10 ]' \
	"join did not put ann on the session and cy only on its waiting list"
ok session list pl
out_re "^1 +Wed 2026-11-25 09:00 +group +60 +Pricing +2/2 +upcoming, 2 waiting$"
ok log pl
out "place taken pl:1: ann@example.com"
out "place waiting pl:1: di@example.com, waiting (number 2)"

# refusals say why and change nothing
ok participant withdraw pl ed@example.com
before=$(db_state)
fails 1 join pl:1 cy@example.com
err "error: 'cy@example.com' is on the waiting list of session pl:1 already (number 1)"
fails 1 join pl:1 ann@example.com
err "error: 'ann@example.com' has a place at session pl:1 already"
fails 1 join pl:1 ed@example.com
err "error: 'ed@example.com' has withdrawn from the program"
fails 1 join pl:3 ann@example.com
err "error: session pl:3 has begun or is over"
fails 1 join pl:2 ann@example.com
err "error: session pl:2 has no places to join (no capacity)"
fails 1 join pl:9 ann@example.com
fails 2 join pl:1
same_db "$before"

# everyone holding a place is invited; those waiting are not
start_server
ok notices run
check '[ "$(received ann@example.com)" = 1 ] && [ "$(received bo@example.com)" = 1 ]' \
	"those with a place were not invited once each"
check '[ "$(received cy@example.com)" = 0 ] && [ "$(received di@example.com)" = 0 ]' \
	"someone waiting was invited"

# a cancellation in time gives the place to the first waiting, told once with the entry
ok cancel pl:1 ann@example.com --reason work
out "(work) -> cancelled"
out "pl:1: the place goes to cy@example.com, first on the waiting list"
check '[ "$(expected 1 cy@example.com)" = 1 ]' "the first waiting did not get the place"
ok session list pl
out_re "^1 .* 2/2 +upcoming, 1 waiting$"
ok log pl
out "place given pl:1: waiting -> cy@example.com"
ok notices run
check '[ "$(received cy@example.com)" = 1 ]' "the first waiting was not told exactly once"
check '[ "$(notices cy@example.com)" = place-offered ]' \
	"the place offered was not one notice (an invitation besides it?)"
msg=$(mail_to cy@example.com)
check 'grep -q "^Subject: Places: a place for you at " "$msg"' "cy's message is not place-offered"
check 'grep -q "^Content-Type: text/calendar; charset=UTF-8; method=REQUEST" "$msg"' \
	"the place offered carries no calendar entry"
check '[ "$(received di@example.com)" = 0 ]' "the second waiting heard something"
ok notices run
check '[ "$(received cy@example.com)" = 1 ]' "the place offered was told again"
check '[ "$(notices ann@example.com | tr "\n" " ")" = "session-invitation place-left " ]' \
	"the canceller's calendar was not cleared of the place given up"
fails 1 join pl:1 ann@example.com
err "error: 'ann@example.com' gave up their place at session pl:1 (a cancellation stands)"

# a late cancellation gives the place too, and the canceller is still judged late
export SHOWUP_NOW="2026-11-24T20:00:00Z"	# after the cutoff, 18:00 the day before
ok cancel pl:1 bo@example.com --reason work
out "(work) -> late_cancel, 1 point"
out "pl:1: the place goes to di@example.com, first on the waiting list"
check '[ "$(expected 1 di@example.com)" = 1 ]' "a late cancellation gave no place"
ok notices run
check '[ "$(received di@example.com)" = 1 ] && [ "$(notices di@example.com)" = place-offered ]' \
	"the place given late was not told exactly once"
msg=$(mail_to di@example.com)
check 'grep -q "^Subject: Places: a place for you at " "$msg" && grep -q "^Content-Type: text/calendar.*method=REQUEST" "$msg"' \
	"di's message is not place-offered with its calendar entry"
export SHOWUP_NOW="2026-11-25T12:00:00Z"
ok attendance show pl
# (columns by time: session 3, then 1)
check 'grep -qE "^ann Xu +ann@example.com +[.] +C " "$T/out"' "ann's cancellation in time is not one"
check 'grep -qE "^bo Xu +bo@example.com +[.] +X " "$T/out"' "bo's late cancellation is no longer late"
check 'grep -qE "^di Xu +di@example.com +[.] +[?] " "$T/out"' "di, placed, is not expected"
ok status pl	# expected, attended, rate, commitment, points
check 'grep -qE "^bo Xu +bo@example.com +1 +0 +0% +0% +1 " "$T/out"' \
	"the late canceller is not judged late (a point) now that the place went to another"
check 'grep -qE "^ann Xu +ann@example.com +1 +0 +0% +100% +0 " "$T/out"' \
	"the cancellation in time costs a point"

# more places go to those waiting; a withdrawal frees the places one held
export SHOWUP_NOW="2026-11-26T00:00:00Z"
ok session add pl --at "2026-12-02 09:00" --capacity 1
ok join pl:4 ann@example.com
ok join pl:4 bo@example.com
out "number 1 on the waiting list"
ok join pl:4 cy@example.com
ok session edit pl:4 --capacity 2
check '[ "$(expected 4 bo@example.com)$(expected 4 cy@example.com)" = 10 ]' \
	"more places did not go to the first waiting only"
ok participant withdraw pl ann@example.com
check '[ "$(expected 4 cy@example.com)" = 1 ]' "a withdrawal did not free the place"
ok log pl
out "place given pl:4: waiting -> cy@example.com"
ok join pl:4 di@example.com
out "number 1 on the waiting list"
ok notices run
ok session edit pl:4 --without bo@example.com
check '[ "$(expected 4 bo@example.com)$(expected 4 di@example.com)" = 01 ]' \
	"a place taken off by the coach did not go to the first waiting"
ok notices run	# session 4, given to bo when it grew, is taken out of his calendar
check '[ "$(notices bo@example.com 4 | tr "\n" " ")" = "place-offered place-removed " ]' \
	"the place the coach took off a session with places was not cancelled in a calendar"

# a place moved away (a reschedule) goes to the first waiting; a full session takes no
# place moved there
ok session add pl --at "2026-12-04 09:00" --capacity 1
ok session add pl --at "2026-12-05 09:00" --capacity 1
ok join pl:5 bo@example.com
ok join pl:5 cy@example.com
ok join pl:6 di@example.com
before=$(db_state)
fails 1 reschedule pl:5 bo@example.com --to pl:6
err "error: session pl:6 has no place free (its 1 are held): its waiting list is open to a join"
same_db "$before"
ok session edit pl:6 --capacity 2
ok reschedule pl:5 bo@example.com --to pl:6
check '[ "$(expected 6 bo@example.com)$(expected 5 cy@example.com)" = 11 ]' \
	"a place moved away did not go to the first waiting"

# places given to a group session that expected everyone: everyone active keeps theirs,
# refused when they do not fit; taken away, it expects everyone again
ok session add pl --at "2026-12-03 09:00"
before=$(db_state)
fails 1 session edit pl:7 --capacity 2
err "error: 3 people would hold the session's 2 places"
same_db "$before"
ok session edit pl:7 --capacity 3
check '[ "$(sql "SELECT count(*) FROM expected e JOIN session s ON s.id = e.session_id WHERE s.number = 7")" = 3 ]' \
	"the people a group session expected lost their places"
ok session edit pl:7 --capacity 0
check '[ "$(sql "SELECT count(*) FROM expected e JOIN session s ON s.id = e.session_id WHERE s.number = 7")" = 0 ]' \
	"a session without places still names people"
fails 1 join pl:7 bo@example.com
err "error: 'bo@example.com' has a place at session pl:7 already"

# --leave: off the waiting list, the next moves up, and only those waiting may leave it
ok session add pl --at "2026-12-06 09:00" --capacity 1
ok join pl:8 bo@example.com
ok join pl:8 cy@example.com
ok join pl:8 di@example.com
out "number 2 on the waiting list"
ok join pl:8 cy@example.com --leave
out_only "pl:8 cy@example.com: off the waiting list"
before=$(db_state)
fails 1 join pl:8 cy@example.com --leave
err "error: 'cy@example.com' is not on the waiting list of session pl:8"
fails 1 join pl:8 bo@example.com --leave
same_db "$before"
ok cancel pl:8 bo@example.com --reason work
out "the place goes to di@example.com, first on the waiting list"
check '[ "$(expected 8 cy@example.com)$(expected 8 di@example.com)" = 01 ]' \
	"the place went to one who left the waiting list"
ok log pl
out "place waiting left pl:8: waiting (number 1) -> cy@example.com"
# a cancellation undone after its place went: over its places, the session may still be
# edited, but takes nobody more
ok unmark pl:8 bo@example.com
ok session list pl
out_re "^8 .* 2/1 +upcoming$"
ok session edit pl:8 --title "Role play"
before=$(db_state)
fails 1 session edit pl:8 --with cy@example.com
err "error: 3 people would hold the session's 1 place"
same_db "$before"

# a cancellation read from a file gives its place too
ok session add pl --at "2026-12-09 09:00" --capacity 1
ok join pl:9 bo@example.com
ok join pl:9 cy@example.com
printf 'session,email,status,minutes_late,cancelled_at,reason,note\n9,bo@example.com,cancelled,,2026-11-25 23:00,work,\n' \
	> "$T/att.csv"
ok attendance import pl "$T/att.csv"
check '[ "$(expected 9 cy@example.com)" = 1 ]' "a cancellation imported gave no place"
ok log pl
out "place given pl:9: waiting -> cy@example.com"

# optional sessions (session add --optional): without places nobody is expected and anyone
# may come, so there is nothing to join; with places, people join for one as at any other
ok session add pl --at "2026-12-10 18:00" --title Clinic --optional
before=$(db_state)
fails 1 join pl:10 cy@example.com
err "error: session pl:10 is optional and has no places (no capacity): anyone may come without joining"
same_db "$before"
ok session add pl --at "2026-12-11 18:00" --title "Open clinic" --optional --capacity 1
out "added session pl:11, optional group"
ok join pl:11 cy@example.com
check '[ "$(expected 11 cy@example.com)" = 1 ]' "a join of an optional session with places gave no place"
ok join pl:11 di@example.com
out "number 1 on the waiting list"
ok session list pl
out_re "^10 .* group \(optional\) .* 0 +upcoming$"
out_re "^11 .* group \(optional\) .* 1/1 +upcoming, 1 waiting$"
ok cancel pl:11 cy@example.com --reason work
out "the place goes to di@example.com, first on the waiting list"
check '[ "$(expected 11 di@example.com)" = 1 ]' "a place given up at an optional session did not move up"
stop_server
finish
