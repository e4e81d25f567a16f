#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# their-word.sh - what a participant told us (a cancellation, an excuse) is never
# lost by a front end: the command line, the phone's roll call, the participant's own
# link and from-meeting all ask the core, which refuses to replace it unless told to,
# keeps what it replaced, and brings it back byte for byte on undo.
. "$top_srcdir/tests/cli/lib.sh"
. "$top_srcdir/tests/cli/serve-lib.sh"

serve_cohort "Ana Ortiz"
ok session add c1 --at "2026-11-25 18:00" --title "Later"
# 18:30 in Sydney on the 22nd: session 1 (group) and 4 (practice, Bo) began at 18:00;
# session 3's cutoff (18:00 the evening before) has passed, session 2's and 5's have not
export SHOWUP_NOW=2026-11-22T07:30:00Z
row() { sql "SELECT fact, minutes_late, cancelled_at, reason, note FROM attendance WHERE session_id = (SELECT id FROM session WHERE number = $1) AND participant_id = (SELECT id FROM participant WHERE email = '$2')"; }

# --- the command line: a mark over a cancellation is refused, --replace keeps it, unmark brings it back
ok cancel c1:1 ana@example.com --at "2026-11-20 10:00" --reason travel --note "flight at 17:00"
ana_row=$(row 1 ana@example.com)
before=$(db_state)
fails 1 mark c1:1 ana@example.com present
err "c1:1 ana@example.com is recorded as cancelled in time on "
err "hint: give --replace to record 'present' instead"
same_db "$before"
ok mark c1:1 ana@example.com present --replace
check '[ "$(row 1 ana@example.com | cut -d"|" -f1)" = arrived ]' "--replace did not record the mark"
ok unmark c1:1 ana@example.com
out "cancelled 2026-11-20T10:00:00+11:00 (travel); flight at 17:00 again"
check '[ "$(row 1 ana@example.com)" = "$ana_row" ]' "unmark did not bring the cancellation back whole"
# a second unmark takes the cancellation itself back, as the coach asked
ok unmark c1:1 ana@example.com
out "not recorded"
ok cancel c1:1 ana@example.com --at "2026-11-20 10:00" --reason travel --note "flight at 17:00"

# --- a walk-in taken back leaves the session's people again
ok mark c1:4 cy@example.com present --walk-in
check '[ "$(sql "SELECT count(*) FROM expected WHERE session_id = 4 AND participant_id = 3")" = 1 ]' \
	"the walk-in was not added"
ok unmark c1:4 cy@example.com
check '[ "$(sql "SELECT count(*) FROM expected WHERE session_id = 4 AND participant_id = 3")" = 0 ]' \
	"unmark left the walk-in on the session's list"

# --- the phone: Present over an in-time cancellation asks first, then replaces; Undo brings it back
port=$(free_port)
URL="http://127.0.0.1:$port"
trap 'kill ${pid:-} 2>/dev/null; rm -rf "$T"' EXIT
serve_start serve --listen "127.0.0.1:$port"
http POST "${login#"$URL"}"
status 200 "the login link"
http GET /s/c1/1
body "cancelled in time, Fri 20 Nov, travel; flight at 17:00"
token=$(csrf)
before=$(db_state)
http POST /s/c1/1/mark "csrf=$token&email=ana%40example.com&status=present"
status 409 "a tap over a cancellation"
body "Ana Ortiz told us: <span class=\"record\">cancelled in time, Fri 20 Nov, travel; flight at 17:00</span>"
body '<input type="hidden" name="replace" value="1">'
body "Replace with present"
same_db "$before"
http POST /s/c1/1/mark "csrf=$token&email=ana%40example.com&status=present&replace=1"
status 303 "the second tap"
check '[ "$(row 1 ana@example.com | cut -d"|" -f1)" = arrived ]' "the second tap did not replace"
http POST /s/c1/1/undo "csrf=$token&email=ana%40example.com"
status 303 "undo"
check '[ "$(row 1 ana@example.com)" = "$ana_row" ]' "Undo did not bring the cancellation back byte for byte"
# the cancellation itself has no Undo here, and a POST to undo it changes nothing
http GET /s/c1/1
no_body '<button>Undo</button>'
before=$(db_state)
http POST /s/c1/1/undo "csrf=$token&email=ana%40example.com"
status 422 "an undo of a participant's cancellation"
body "which they told us: it is not taken back here"
same_db "$before"
# a walk-in tapped and undone on the phone leaves the list again
http POST /s/c1/4/walk-in "csrf=$token&email=cy%40example.com"
status 303 "a walk-in"
http POST /s/c1/4/undo "csrf=$token&email=cy%40example.com"
status 303 "undo of a walk-in"
check '[ "$(sql "SELECT count(*) FROM expected WHERE session_id = 4 AND participant_id = 3")" = 0 ]' \
	"the phone's Undo left the walk-in on the session's list"

# --- the participant's own link never overwrites a record
ok cancel c1:2 bo@example.com --at "2026-11-21 09:00" --reason work
ok mark c1:3 bo@example.com excused medical
ok serve --link c1 bo@example.com --listen "127.0.0.1:$port"
bo=$(cat "$T/out")
rm -f "$T/jar"
http GET "${bo#"$URL"}"
status 200 "Bo's page"
no_body "/cancel/2\""
no_body "/cancel/3\""
body "/cancel/5"
http GET "${bo#"$URL"}/cancel/5"
ptoken=$(csrf)
before=$(db_state)
http GET "${bo#"$URL"}/cancel/2"
status 409 "the cancel page of a place cancelled already"
body "recorded already: cancelled in time on Sat 2026-11-21 09:00 (work)"
http POST "${bo#"$URL"}/cancel/2" "csrf=$ptoken&reason=work"
status 409 "a cancellation over one the coach recorded in time"
http POST "${bo#"$URL"}/cancel/3" "csrf=$ptoken&reason=work"
status 409 "a cancellation over an excuse"
body "recorded already: excused (medical)"
http POST "${bo#"$URL"}/move/3" "csrf=$ptoken&at=1"
status 409 "a move of a place excused already"
same_db "$before"
# a note may hold line breaks, as a phone's text box sends them
http POST "${bo#"$URL"}/cancel/5" "csrf=$ptoken&reason=work&note=line+one%0D%0Aline+two"
status 200 "a cancellation with a two-line note"
body "Your coach has your cancellation."
check '[ "$(sql "SELECT note FROM attendance WHERE session_id = 5 AND participant_id = 2")" = "line one
line two" ]' "the note's line break was not kept as one LF"
ok log c1
out "line one / line two"

# --- from-meeting keeps an excuse of someone who dialled in, and says so; --replace records the call
ok mark c1:1 cy@example.com excused medical --note migraine
cy_row=$(row 1 cy@example.com)
cat > "$T/zoom.csv" <<'CSV'
Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest,Recording Consent
Cora Coach,cora@example.com,11/22/2026 05:55:00 PM,11/22/2026 06:29:00 PM,34,No,Y
Bo Berg,bo@example.com,11/22/2026 05:58:00 PM,11/22/2026 06:29:00 PM,31,No,Y
Cy Walker,cy@example.com,11/22/2026 06:05:00 PM,11/22/2026 06:15:00 PM,10,No,Y
CSV
before=$(db_state)
ok attendance from-meeting c1:1 "$T/zoom.csv"
out "Cy Walker <cy@example.com>: excused (medical); migraine; was in the call for 10 min; left as it is; --replace to record the call"
out "dry run: nothing was recorded"
same_db "$before"
ok attendance from-meeting c1:1 "$T/zoom.csv" --apply
out "Cy Walker <cy@example.com>: excused (medical); migraine; was in the call for 10 min"
check '[ "$(row 1 cy@example.com)" = "$cy_row" ]' "from-meeting --apply replaced an excuse"
check '[ "$(row 1 ana@example.com)" = "$ana_row" ]' "from-meeting --apply replaced a cancellation"
ok attendance from-meeting c1:1 "$T/zoom.csv" --apply --replace
check '[ "$(row 1 cy@example.com | cut -d"|" -f1)" = arrived ]' "--replace did not record the call"
ok unmark c1:1 cy@example.com
out "excused (medical); migraine again"
check '[ "$(row 1 cy@example.com)" = "$cy_row" ]' "unmark did not bring the excuse back whole"

# --- a spreadsheet's row does not replace a cancellation either, unless --replace
printf 'session,email,status\n1,ana@example.com,present\n1,bo@example.com,present\n' > "$T/roll.csv"
before=$(db_state)
fails 1 attendance import c1 "$T/roll.csv"
err "roll.csv:2: c1:1 ana@example.com is recorded as cancelled in time on "
err "hint: give --replace to record these rows over what the participants told us"
same_db "$before"
ok attendance import c1 "$T/roll.csv" --replace
check '[ "$(row 1 ana@example.com | cut -d"|" -f1)" = arrived ]' "import --replace did not record the row"
ok unmark c1:1 ana@example.com
check '[ "$(row 1 ana@example.com)" = "$ana_row" ]' "unmark after an import did not bring the cancellation back"

finish
