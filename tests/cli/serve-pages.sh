#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# serve-pages.sh - what the pages of showup serve say, driven with curl: a participant's
# sessions with their place, partners and cutoff in words, their calendar (one session, or
# the feed a calendar app subscribes to, read back with python3-icalendar), the page after
# a start and after withdrawing; the coach's week with names, cards in words, and
# "everyone else present" confirmed by name, marking those and nobody else.
. "$top_srcdir/tests/cli/lib.sh"
. "$top_srcdir/tests/cli/serve-lib.sh"

serve_cohort "Ana Lima"
SHOWUP_NOW=2026-11-01T00:00:00Z ok participant add c1 --name "Di Dorn" --email di@example.com
ok session edit c1:2 --location "Room 4, Main St 1"
ok session add c1 --at "2026-11-25 19:00" --title "Drill" --kind practice \
	--with bo@example.com --with cy@example.com --location "https://meet.example.com/abc"

export SHOWUP_NOW=2026-11-22T07:30:00Z	# 18:30 in Sydney: sessions 1 and 4 under way
port=$(free_port)
URL="http://127.0.0.1:$port"
trap 'kill ${pid:-} 2>/dev/null; rm -rf "$T"' EXIT
serve_start serve --listen "127.0.0.1:$port"
ok serve --link c1 bo@example.com --listen "127.0.0.1:$port"
bo=$(cat "$T/out")
bo=${bo#"$URL"}

# --- the participant's page: where, with whom, and by when to cancel, in words
http GET "$bo"
status 200 "a participant's page"
body '<h2>your 1:1 with Cora on Tue 24 Nov 18:00</h2>'
body 'Where: <span class="long">Room 4, Main St 1</span>'
body '<h2>practice with Cy, Wed 25 Nov 19:00</h2>'
body '<a class="button go" href="https://meet.example.com/abc">Join online</a>'
body 'Cancel by Mon 23 Nov, 18:00 to be in time.'
body 'The cutoff (Sun 22 Nov, 18:00) has passed: cancelling now counts as a late cancellation'
body "<a class=\"button stop\" href=\"$bo/cancel/2\">Cancel my place</a>"
body "<a class=\"button\" href=\"$bo/calendar/2.ics\">Add to calendar</a>"
body "href=\"webcal://127.0.0.1:$port$bo/calendar.ics\""
body '<a class="button long" href="mailto:cora@example.com">cora@example.com</a>'
no_body 'Kickoff'

# reasons as words, on the cancel page and in what it says
http GET "$bo/cancel/3"
body '<option value="personal-emergency">personal emergency</option>'
body 'unless the reason is an accepted emergency (medical or personal emergency).'
no_body '>personal-emergency<'

# --- the calendar: the feed holds exactly Bo's coming sessions, with the UIDs of the
# invitations (the schedule file of Bo's sessions has them: calendar_schedule)
feed_uids() {	# feed_uids FILE: "UID SEQUENCE STATUS" of each event, sorted
	/usr/bin/python3 - "$1" <<'PY' | sort
import sys, icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read())
for ev in cal.walk("VEVENT"):
    print(ev["UID"], ev["SEQUENCE"], ev["STATUS"], ev["DTSTART"].dt.strftime("%Y-%m-%d %H:%M"))
PY
}
checks=$((checks + 1))
curl -s -D "$T/headers" -o "$T/feed.ics" "$URL$bo/calendar.ics"
header "Content-Type: text/calendar"
feed_uids "$T/feed.ics" > "$T/uids"
cat > "$T/want" <<'EOF'
showup-c1-s2-p2@example.com 0 CONFIRMED 2026-11-24 18:00
showup-c1-s3-p2@example.com 0 CONFIRMED 2026-11-23 09:00
showup-c1-s5-p2@example.com 0 CONFIRMED 2026-11-25 19:00
EOF
check 'diff "$T/want" "$T/uids"' "the feed does not hold exactly Bo's coming sessions"
ok calendar c1 bo@example.com -o "$T/schedule.ics"
feed_uids "$T/schedule.ics" > "$T/schedule"
check '[ -z "$(comm -23 "$T/uids" "$T/schedule")" ]' "the feed's UIDs are not the invitations'"
checks=$((checks + 1))
curl -s -o "$T/one.ics" "$URL$bo/calendar/5.ics"
check '[ "$(feed_uids "$T/one.ics")" = "showup-c1-s5-p2@example.com 0 CONFIRMED 2026-11-25 19:00" ]' \
	"the one session's calendar is not that session"
check 'grep -q "^LOCATION:https://meet.example.com/abc" "$T/one.ics"' "no meeting link in the event"
http GET "$bo/calendar/1.ics"
status 404 "a calendar of a session under way"
http GET "$bo/calendar/9.ics"
status 404 "a calendar of no session"

# cancelled: gone from the feed, and from the page's calendar buttons; the record in words
http GET "$bo/cancel/2"
http POST "$bo/cancel/2" "csrf=$(csrf)&reason=travel"
status 200 "a cancellation in time"
http GET "$bo"
body 'Your coach has: <span class="record">cancelled in time, Sun 22 Nov, travel</span>'
no_body "$bo/calendar/2.ics"
checks=$((checks + 1))
curl -s -o "$T/feed.ics" "$URL$bo/calendar.ics"
check '[ "$(feed_uids "$T/feed.ics" | cut -d" " -f1 | tr "\n" " ")" = "showup-c1-s3-p2@example.com showup-c1-s5-p2@example.com " ]' \
	"a cancelled place is still in the feed"

# --- after the start: the coach's name and address, and what to do; a failure looks like one
http GET "$bo/cancel/4"
status 409 "a cancellation of a session under way"
body 'write to your coach, Cora Coach, at cora@example.com now'
body 'href="mailto:cora@example.com"'
no_body 'class="error"'
http GET "$bo/cancel/3"
http POST "$bo/cancel/3" "csrf=$(csrf)"
status 422 "a cancellation without a reason"
body '<p class="error" role="alert">choose a reason</p>'

# --- the coach: the week's list names who a 1:1 and a practice session are with
cp "$T/jar" "$T/bo.jar" 2>/dev/null
rm -f "$T/jar"
http POST "${login#"$URL"}"
http GET /
body 'c1:2 One to one &middot; with Bo Berg</a>'
body 'c1:5 Drill &middot; with Bo Berg and Cy Walker</a>'
body 'c1:1 Kickoff</a>'

# cards: their state in colour (the policy's outcome) and in words
http GET /s/c1/1
token=$(csrf)
http POST /s/c1/1/mark "csrf=$token&email=ana%40example.com&status=late&minutes=20"
http POST /s/c1/1/mark "csrf=$token&email=cy%40example.com&status=excused&reason=personal-emergency"
http GET /s/c1/1
body '<section class="person s-late" id="p1"'
body '<span class="record">late 20 min</span>'
body '<span class="record">excused, personal emergency</span>'
body '<section class="person s-none" id="p2"'
body '<option value="personal-emergency">personal emergency</option>'

# "everyone else present": the confirmation names them (Bo, Di), marks nothing yet
before=$(db_state)
body '<a class="button go" href="/s/c1/1/rest">Everyone else present</a>'
http GET /s/c1/1/rest
status 200 "the confirmation of everyone else present"
body '<li>Bo Berg</li>'
body '<li>Di Dorn</li>'
no_body '<li>Ana Lima</li>'
no_body '<li>Cy Walker</li>'
body 'Mark these 2 people present'
same_db "$before"
who=$(grep -o 'name="who" value="[^"]*"' "$T/body" | sed 's/.*value="//; s/"$//')
# meanwhile Di is marked no-show on another phone: the confirmed tap leaves Di alone
http POST /s/c1/1/mark "csrf=$token&email=di%40example.com&status=no-show"
http POST /s/c1/1/rest "csrf=$token"
status 422 "everyone else present naming nobody"
http POST /s/c1/1/rest "who=$who"
status 403 "everyone else present without a form token"
http POST /s/c1/1/rest "csrf=$token&who=$who"
status 303 "everyone else present"
check '[ "$(sql "SELECT p.email, a.fact, a.minutes_late, a.reason FROM attendance a JOIN participant p ON p.id = a.participant_id JOIN session s ON s.id = a.session_id WHERE s.number = 1 ORDER BY p.email")" = "$(printf "ana@example.com|arrived|20|\nbo@example.com|arrived|0|\ncy@example.com|absent||personal-emergency\ndi@example.com|absent||")" ]' \
	"everyone else present did not mark exactly Bo"
http GET /s/c1/1
no_body 'Everyone else present'
body '<section class="person s-present" id="p2"'
http GET /s/c1/1/rest
status 409 "everyone else present with everyone marked"
# before a session starts nobody can be present yet: no such button, and the core refuses
http GET /s/c1/5
no_body 'Everyone else present'
before=$(db_state)
http POST /s/c1/5/rest "csrf=$token&who=2,3"
status 422 "everyone else present before the start"
body 'has not started yet'
same_db "$before"

# --- a participant who withdrew: a kind page, not "Not found"
ok participant withdraw c1 bo@example.com
rm -f "$T/jar"
http GET "$bo"
status 410 "a withdrawn participant's link"
body 'You are no longer on the list'
body 'Thank you for taking part.'
no_body 'Not found'

kill -TERM "$pid"
wait "$pid"
finish
