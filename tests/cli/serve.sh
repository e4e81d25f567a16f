#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# serve.sh - showup serve: the real server on a free loopback port, driven with curl as a
# phone's browser would be: the coach's login link, the roll call, a participant's link.
. "$top_srcdir/tests/cli/lib.sh"
. "$top_srcdir/tests/cli/serve-lib.sh"

serve_cohort "<script>alert(1)</script>"

# the server's clock: 18:30 in Sydney on the 22nd, half an hour into session 1; the
# cutoff of session 3 (18:00 the evening before) has passed, session 2's has not
export SHOWUP_NOW=2026-11-22T07:30:00Z
port=$(free_port)
URL="http://127.0.0.1:$port"
trap 'kill ${pid:-} ${pid2:-} 2>/dev/null; rm -rf "$T"' EXIT
serve_start serve --listen "127.0.0.1:$port"
check 'grep -q "^serving $URL until Ctrl-C" "$T/serve.out"' "serve did not say where it listens"
check '[[ "$login" == "$URL/login/"* ]]' "no login link printed"

# --- the coach: nothing without the login link; the link works once
http GET /
status 403 "a page without signing in"
http POST /login/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA
status 403 "a made-up login link"
# opening the link, a HEAD or a chat app's preview, uses nothing up: the page it
# opens has a button, and only its POST signs in
http GET "${login#"$URL"}"
status 200 "the login link's landing page"
body '<form method="post" action="/login/'
body "Sign in on this phone"
check '! grep -qi "^Set-Cookie" "$T/headers"' "opening the login link signed in"
checks=$((checks + 1))
code=$(curl -s -I -o /dev/null -w '%{http_code}' "$login")
status 200 "a HEAD of the login link"
http GET "${login#"$URL"}"
status 200 "the login link opened again"
http POST "${login#"$URL"}"
status 200 "the login link"
header "Set-Cookie: showup_session="
header "HttpOnly; SameSite=Strict"
header "Content-Security-Policy: default-src 'none'"
header "Referrer-Policy: no-referrer"
cp "$T/jar" "$T/coach.jar"
rm "$T/jar"
http POST "${login#"$URL"}"
status 403 "the login link used a second time"
cp "$T/coach.jar" "$T/jar"

http GET /
status 200 "the sessions of the week"
body '<a href="/s/c1/1">Sun 2026-11-22 18:00 &middot; c1:1 Kickoff</a>'
body 'c1:2 One to one'

# --- the roll call: a name is text, never markup
http GET /s/c1/1
status 200 "the roll call page"
body '<h2>&lt;script&gt;alert(1)&lt;/script&gt;</h2>'
no_body '<script>'
token=$(csrf)
check '[ ${#token} -eq 43 ]' "no form token on the roll call page"

# a tap is written at once: the command line sees it
http POST /s/c1/1/mark "csrf=$token&email=ana%40example.com&status=late&minutes=12"
status 303 "a tap"
header "Location: /s/c1/1#p1"
ok attendance show c1
out_re '^<script>alert\(1\)</script> +ana@example\.com +L '
check '[ "$(sql "SELECT actor, new, source FROM audit WHERE subject = '"'"'c1:1 ana@example.com'"'"'")" = "web:cora@example.com|late 12 min|web" ]' \
	"the tap is not audited as the coach on the web"
http POST /s/c1/1/mark "csrf=$token&email=bo%40example.com&status=present"
status 303 "a second tap"
http POST /s/c1/1/mark "csrf=$token&email=cy%40example.com&status=excused&reason=medical"
status 303 "an excuse"
check '[ "$(sql "SELECT fact, reason FROM attendance WHERE participant_id = 3")" = "absent|medical" ]' \
	"the excuse was not recorded"

# refused: no form token, a wrong one, a bad answer; the database unchanged
before=$(db_state)
http POST /s/c1/1/mark "email=bo%40example.com&status=no-show"
status 403 "a tap without a form token"
wrong=${token%?}A
[ "$wrong" != "$token" ] || wrong=${token%?}B
http POST /s/c1/1/mark "csrf=$wrong&email=bo%40example.com&status=no-show"
status 403 "a tap with a wrong form token"
http POST /s/c1/1/mark "csrf=$token&email=bo%40example.com&status=late"
status 422 "late without minutes"
body "give the minutes late"
http POST /s/c1/1/mark "csrf=$token&email=bo%40example.com&status=no-show&x=%zz"
status 400 "a malformed form"
big=$(head -c 9000 /dev/zero | tr '\0' a)
http POST /s/c1/1/mark "csrf=$token&email=bo%40example.com&status=no-show&note=$big"
status 413 "an oversized body"
same_db "$before"

# undo takes the coach's mark back
http POST /s/c1/1/undo "csrf=$token&email=bo%40example.com"
status 303 "undo"
check '[ "$(sql "SELECT count(*) FROM attendance WHERE participant_id = 2")" = 0 ]' \
	"undo left the mark"

# a walk-in at a practice session: added to its people, and present
http GET /s/c1/4
body 'Walk-in'
body '<option value="cy@example.com">Cy Walker</option>'
http POST /s/c1/4/walk-in "csrf=$(csrf)&email=cy%40example.com"
status 303 "a walk-in"
ok attendance show c1
out_re '^Cy Walker +cy@example\.com +E +P +\. +\.$'

# --- a participant's own link: coming sessions, cancel with the verdict shown first
ok serve --link c1 bo@example.com --listen "127.0.0.1:$port"
bo=$(cat "$T/out")
check '[[ "$bo" == "$URL/p/"* ]]' "no participant link printed"
ok serve --link c1 ana@example.com --listen "127.0.0.1:$port"
ana=$(cat "$T/out")
# without --listen, --link and --login point at the server running (its port recorded
# when it started), not at the default 127.0.0.1:8080; --public-url and --listen win
ok serve --link c1 ana@example.com
check '[ "$(cat "$T/out")" = "$ana" ]' "serve --link did not point at the server running: $(cat "$T/out")"
ok serve --login
out "log in (once, within 15 minutes): $URL/login/"
ok serve --link c1 ana@example.com --public-url https://showup.example.org/
check '[[ "$(cat "$T/out")" == "https://showup.example.org/p/"* ]]' "--public-url lost to the recorded address"
ok serve --link c1 ana@example.com --listen 127.0.0.1:9
check '[[ "$(cat "$T/out")" == "http://127.0.0.1:9/p/"* ]]' "--listen lost to the recorded address"
check '[ "$(sql "SELECT base_url FROM web_server")" = "$URL" ]' "the server's address was not recorded"
rm -f "$T/jar"
http GET "${bo#"$URL"}"
status 200 "a participant's page"
body 'One to one'
body 'your 1:1 with Cora on Tue 24 Nov 18:00'
no_body 'c1:2'
body 'Early call'
no_body 'Kickoff'

http GET "${bo#"$URL"}/cancel/3"
status 200 "the cancel page after the cutoff"
body 'This is after the cutoff (Sun 2026-11-22 18:00): it counts as a late cancellation'
http GET "${bo#"$URL"}/cancel/2"
status 200 "the cancel page in time"
body 'This is in time'
ptoken=$(csrf)

before=$(db_state)
http POST "${bo#"$URL"}/cancel/2" "reason=work"
status 403 "a cancellation without a form token"
http POST "${ana#"$URL"}/cancel/2" "csrf=$ptoken&reason=work"
status 404 "another participant's link on Bo's session"
same_db "$before"

http POST "${bo#"$URL"}/cancel/4" "csrf=$ptoken&reason=work"
status 409 "a cancellation of a session under way"
same_db "$before"

http POST "${bo#"$URL"}/cancel/2" "csrf=$ptoken&reason=work&note=a+client+meeting"
status 200 "a cancellation in time"
body 'Your coach has your cancellation.'
# recorded with the server's clock (07:30 UTC), audited as the participant
check '[ "$(sql "SELECT a.cancelled_at, a.reason, a.note FROM attendance a JOIN session s ON s.id = a.session_id WHERE s.number = 2")" = "$(date -d 2026-11-22T07:30:00Z +%s)|work|a client meeting" ]' \
	"the cancellation was not recorded at the server's time"
check '[ "$(sql "SELECT actor, new FROM audit WHERE subject = '"'"'c1:2 bo@example.com'"'"'")" = "web:bo@example.com|cancelled 2026-11-22T18:30:00+11:00 (work); a client meeting" ]' \
	"the cancellation is not audited as the participant"
ok status c1


# forged, tampered and expired links are refused
before=$(db_state)
tampered=$(echo "${bo#"$URL"}" | sed 's|/p/1\.2\.|/p/1.1.|')
http GET "$tampered"
status 403 "a tampered link"
http GET "${bo#"$URL"}x"
status 403 "a link with a forged MAC"
SHOWUP_NOW=2026-01-01T00:00:00Z ok serve --link c1 bo@example.com --listen "127.0.0.1:$port"
old=$(cat "$T/out")
http GET "${old#"$URL"}"
status 403 "an expired link"
same_db "$before"

# the access log: one line a request, and no secret in it
check 'grep -q "^127.0.0.1 \"POST /s/c1/1/mark\" 303 " "$T/serve.err"' "no access log line"
check '! grep -q "${login##*/}" "$T/serve.err"' "the login token was logged"
check '! grep -q "${bo##*/}" "$T/serve.err"' "a participant token was logged"

# notices carry the personal link ({{link}}) when [serve] public_url is set
mkdir -p "$XDG_CONFIG_HOME/showup" "$T/tpl"
cp "$top_srcdir"/templates/policy-reminder "$top_srcdir"/templates/warning "$top_srcdir"/templates/final-notice "$T/tpl/"
printf '[serve]\npublic_url = %s/\n' "$URL" > "$XDG_CONFIG_HOME/showup/config"
cp "$top_srcdir/templates/session-reminder" "$T/tpl/"	# as installed: it carries {{link}}
ok policy set c1 reminders 2d
ok notices plan c1 --templates "$T/tpl"
ok notices preview c1 --write "$T/eml"
mailed=$(/usr/bin/python3 -c '
import email, glob, re, sys
for f in sorted(glob.glob(sys.argv[1] + "/*.eml")):
    msg = email.message_from_binary_file(open(f, "rb"))	# the text beside any invitation
    body = next(p for p in msg.walk() if p.get_content_type() == "text/plain").get_payload(decode=True).decode()
    m = re.search(r"^(?:To cancel or move your place in good time, your own page|Your sessions): (\S+)$", body, re.M)
    if m:
        print(m.group(1))
        break' "$T/eml")
check '[ -n "$mailed" ]' "no personal link in the reminder"
http GET "${mailed#"$URL"}"
status 200 "the link from a notice"
body 'One to one'
# after the cutoff with an accepted reason: told it is excused, not "unless..."
http POST "${bo#"$URL"}/cancel/3" "csrf=$ptoken&reason=medical"
status 200 "a cancellation after the cutoff for an accepted reason"
body 'but your reason (medical) is an accepted emergency: it is excused and counts against nothing.'
no_body 'unless the reason'

# --- a participant moves a 1:1 to a time the coach offered, the verdict shown first
ok session add c1 --at "2026-11-25 09:00" --title "Cy's call" --kind coaching --with cy@example.com
ok serve --link c1 cy@example.com --listen "127.0.0.1:$port"
cy=$(cat "$T/out")
http GET "${cy#"$URL"}"
no_body 'Move to another time'
ok slot add c1 --at "2026-11-26 10:00"
ok slot add c1 --at "2026-11-27 10:00"
ok slot list c1
out "Thu 2026-11-26 10:00"
offered=$(date -d '2026-11-26 10:00 +11:00' +%s)
http GET "${cy#"$URL"}"
body "/move/5\">Move to another time</a>"
http GET "${cy#"$URL"}/move/5"
status 200 "the move page"
body 'This is in time: moving your place before Tue 2026-11-24 18:00 counts against nothing.'
body "value=\"$offered\""
ptoken=$(csrf)
before=$(db_state)
http POST "${cy#"$URL"}/move/5" "csrf=$ptoken&at=$((offered + 86400 * 2))"
status 422 "a move to a time not offered"
body 'that time is no longer offered'
http POST "${cy#"$URL"}/move/5" "at=$offered"
status 403 "a move without a form token"
http POST "${bo#"$URL"}/move/5" "csrf=$ptoken&at=$offered"
status 404 "another participant's link on Cy's session"
same_db "$before"
http POST "${cy#"$URL"}/move/5" "csrf=$ptoken&at=$offered&note=clash"
status 200 "a move to an offered time"
body 'Your coach has your new time.'
check '[ "$(sql "SELECT starts_at FROM session WHERE number = 5")" = "$offered" ]' \
	"the 1:1 did not move to the time chosen"
check '[ "$(sql "SELECT count(*) FROM slot")" = 1 ]' "the time chosen is still offered"
check '[ "$(sql "SELECT actor FROM audit WHERE action = '"'"'reschedule'"'"'")" = "web:cy@example.com" ]' \
	"the move is not audited as the participant"
ok log c1
out "c1:5 cy@example.com moved their place from their 1:1 at Wed 2026-11-25 09:00 to Thu 2026-11-26 10:00"
# a practice pair is not moved to a new time by one partner (reschedule.pairs off)
ok session add c1 --at "2026-11-29 10:00" --kind practice --with cy@example.com \
	--with bo@example.com
http GET "${cy#"$URL"}"
no_body '/move/6"'
ok policy set c1 reschedule.pairs on
http GET "${cy#"$URL"}"
body "/move/6\">Move to another time</a>"
ok policy set c1 reschedule.pairs off
ok slot remove c1 --at "2026-11-27 10:00"
fails 1 slot remove c1 --at "2026-11-27 10:00"
err "is not offered"

# on a terminal the login link is also a QR code, and a phone's reader gets the link back
check '! grep -q "█" "$T/serve.out"' "a QR code drawn into a pipe"
/usr/bin/python3 "$top_srcdir/tests/cli/on_tty.py" "$SHOWUP" serve --login \
	--listen "127.0.0.1:$port" > "$T/tty"
qrlink=$(sed -n 's/^log in (once, within 15 minutes): //p' "$T/tty" | tr -d '\r')
/usr/bin/python3 - "$T/tty" "$T/qr.pbm" <<'PY'
import sys
# each character is two modules high: light drawn, dark left blank, as serve draws them
rows = [l.rstrip("\r\n") for l in open(sys.argv[1], encoding="utf-8") if "█" in l]
top = {"█": 1, "▀": 1, "▄": 0, " ": 0}
bottom = {"█": 1, "▀": 0, "▄": 1, " ": 0}
grid = []
for l in rows:
    grid.append([top[c] for c in l])
    grid.append([bottom[c] for c in l])
k = 6
with open(sys.argv[2], "w") as f:
    f.write(f"P1\n{len(grid[0]) * k} {len(grid) * k}\n")
    for r in grid:
        line = " ".join("0" if light else "1" for light in r for _ in range(k))
        for _ in range(k):
            f.write(line + "\n")
PY
check '[ "$(zbarimg -q --raw "$T/qr.pbm" 2>/dev/null | tr -d "\n")" = "$qrlink" ]' "the QR code does not read back as the login link"

# a new key: refused while the notices planned above are not sent (their links would die
# unread); once they are dropped, every link and login made before stops working
cp "$T/coach.jar" "$T/jar"
fails 1 serve --rotate-key
err "not sent yet may carry links made with this key"
for id in $(sql "SELECT id FROM outbox WHERE state IN ('pending', 'retry')"); do
	ok notices drop "$id" --reason "a new key"
done
ok serve --rotate-key
http GET /
status 403 "the coach's session after a new key"
rm -f "$T/jar"
http GET "${bo#"$URL"}"
status 403 "a participant link after a new key"

# the token pages are rate limited per address
for _ in $(seq 1 70); do curl -s -o /dev/null -w '%{http_code}\n' "$URL/p/x"; done > "$T/codes"
check 'grep -q "^429$" "$T/codes"' "no rate limit on token pages: $(sort "$T/codes" | uniq -c | tr "\n" " ")"

# HTTPS with --tls-cert and --tls-key: the cookie is Secure; SIGINT stops it too
rm "$XDG_CONFIG_HOME/showup/config"	# its public URL would name the first server
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$T/key.pem" -out "$T/cert.pem" -days 2 \
	-subj /CN=localhost 2>/dev/null
port2=$(free_port)
coach_login=$login
serve_start tls --listen "127.0.0.1:$port2" --tls-cert "$T/cert.pem" --tls-key "$T/key.pem"
tlslogin=$login
login=$coach_login
check '[[ "$tlslogin" == "https://127.0.0.1:$port2/login/"* ]]' "no https login link"
curl -sk -X POST -D "$T/headers" -o /dev/null "$tlslogin"
header "Max-Age=43200; Secure"
header "Strict-Transport-Security: max-age="
kill -INT "$pid2"
wait "$pid2"
check '[ $? -eq 0 ]' "serve did not exit 0 on SIGINT"
fails 1 serve --listen "127.0.0.1:$port"
err "error: cannot serve on 127.0.0.1:$port: Address already in use"
fails 1 serve --listen "127.0.0.1:$port2" --tls-cert "$T/key.pem" --tls-key "$T/cert.pem"
err "the TLS certificate or key cannot be used"
fails 1 serve --listen localhost:8080
err "'localhost:8080' is not ADDR:PORT (a numeric address and port)"
fails 2 serve --tls-cert "$T/cert.pem"
err "--tls-cert and --tls-key go together"

# SIGTERM: it stops, exit 0
kill -TERM "$pid"
wait "$pid"
check '[ $? -eq 0 ]' "serve did not exit 0 on SIGTERM"
check 'grep -q "^stopped$" "$T/serve.err"' "serve did not say it stopped"
finish
