#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# places-web.sh - the join button of a participant's own page (showup serve, driven with
# curl): shown for sessions with places they may join, a place or the waiting list,
# refused without the form token or twice, and each join the same core rule as showup join;
# one waiting sees their number and may leave the list.
. "$top_srcdir/tests/cli/lib.sh"
. "$top_srcdir/tests/cli/serve-lib.sh"

serve_cohort "Ana Lima"
ok session add c1 --at "2026-11-25 18:00" --title "Open clinic" --capacity 1
ok session add c1 --at "2026-11-26 18:00" --title "Full clinic" --capacity 1
ok join c1:6 bo@example.com
ok session add c1 --at "2026-11-27 18:00" --title "Make-up" --optional --capacity 2
ok session add c1 --at "2026-11-28 18:00" --title "Drop-in" --optional
export SHOWUP_NOW=2026-11-22T07:30:00Z
port=$(free_port)
URL="http://127.0.0.1:$port"
trap 'kill ${pid:-} 2>/dev/null; rm -rf "$T"' EXIT
serve_start serve --listen "127.0.0.1:$port"
ok serve --link c1 ana@example.com --listen "127.0.0.1:$port"
ana=$(cat "$T/out")
ok serve --link c1 bo@example.com --listen "127.0.0.1:$port"
bo=$(cat "$T/out")

# a button for each session with places to come that Ana may join: a place, or the list
http GET "${ana#"$URL"}"
status 200 "Ana's page"
body 'Sessions with places'
body "action=\"${ana#"$URL"}/join/5\""
body '<p>Open clinic</p>'
body '<button class="go">Join</button>'
body '<button class="go">Join the waiting list</button>'
no_body '/join/1"'	# a group session without places expects her already
body "action=\"${ana#"$URL"}/join/7\""	# an optional one with places: join for one
no_body '/join/8"'	# an optional one without places: anyone may come, nothing to join
ptoken=$(csrf)
# Bo holds the place at 6: no button for it on his page
http GET "${bo#"$URL"}"
no_body '/join/6"'

before=$(db_state)
http POST "${ana#"$URL"}/join/5" ""
status 403 "a join without a form token"
http POST "${ana#"$URL"}/join/9" "csrf=$ptoken"
status 404 "a join of no session"
same_db "$before"

http POST "${ana#"$URL"}/join/5" "csrf=$ptoken"
status 200 "a join with a place free"
body 'You have a place'
check '[ "$(sql "SELECT count(*) FROM expected e JOIN session s ON s.id = e.session_id WHERE s.number = 5 AND e.participant_id = 1")" = 1 ]' \
	"the join from the page gave no place"
check '[ "$(sql "SELECT actor FROM audit WHERE action = '"'"'place taken'"'"' AND subject = '"'"'c1:5'"'"'")" = "web:ana@example.com" ]' \
	"the join is not audited as the participant's"
http POST "${ana#"$URL"}/join/6" "csrf=$ptoken"
status 200 "a join of a full session"
body 'number 1 on the waiting list'
before=$(db_state)
http POST "${ana#"$URL"}/join/6" "csrf=$ptoken"
status 409 "a second join"
body 'is on the waiting list of session c1:6 already'
same_db "$before"

# now on her list of sessions with no button for 5; for 6, where she waits, one to leave
http GET "${ana#"$URL"}"
body 'Open clinic'
no_body '/join/5"'
no_body '/join/6"'
body "action=\"${ana#"$URL"}/leave/6\""
body 'you are number 1 on the waiting list</span>'
body '<button class="go">Leave the waiting list</button>'
ptoken=$(csrf)
http POST "${ana#"$URL"}/leave/6" "csrf=$ptoken"
status 200 "leaving the waiting list"
body 'You are off the waiting list.'
check '[ "$(sql "SELECT count(*) FROM waiting WHERE participant_id = 1 AND left_at IS NOT NULL")" = 1 ]' \
	"leaving from the page left her on the list"
before=$(db_state)
http POST "${ana#"$URL"}/leave/6" "csrf=$ptoken"
status 409 "leaving twice"
body 'is not on the waiting list of session c1:6'
same_db "$before"
http GET "${ana#"$URL"}"
body "action=\"${ana#"$URL"}/join/6\""
no_body '/leave/6"'

# a place at an optional session: hers, and it costs nothing to stay away
http GET "${ana#"$URL"}"
ptoken=$(csrf)
http POST "${ana#"$URL"}/join/7" "csrf=$ptoken"
status 200 "a join of an optional session with places"
body 'The session is optional: staying away costs you nothing.'
check '[ "$(sql "SELECT count(*) FROM expected e JOIN session s ON s.id = e.session_id WHERE s.number = 7 AND e.participant_id = 1")" = 1 ]' \
	"the join of an optional session gave no place"
before=$(db_state)
http POST "${ana#"$URL"}/join/8" "csrf=$ptoken"
status 409 "a join of an optional session without places"
body 'anyone may come without joining'
same_db "$before"
finish
