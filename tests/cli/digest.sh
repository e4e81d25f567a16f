#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# digest.sh - what the coach is told, through a real SMTP server on loopback with the
# clock moved by SHOWUP_NOW: the weekly digest (digest mon 08:00) comes once a week at
# its time with the attendance report attached; with coach.copies on, each move or
# cancellation a participant makes through their own link is copied to the coach,
# a 1:1 moved with its calendar entry; the coach's commands on their behalf are not.
. "$top_srcdir/tests/cli/lib.sh"
. "$top_srcdir/tests/cli/serve-lib.sh"
cd "$T" || exit 1
smtp_setup

# at ($1: a Sydney time) run showup ARGS with the clock there
at() { local when=$1; shift; SHOWUP_NOW=$(date -u -d "$when" +%Y-%m-%dT%H:%M:%SZ) ok "$@"; }
# coach_mails: how many messages the server took for the coach
coach_mails() { received cora@example.com; }
# parse_mail N: the coach's Nth message (in the order received), its parts in $T/mail-N
parse_mail() {
	local file
	file=$(grep -l '^To: Cora Coach <cora@example.com>' "$S"/mail-*.eml | sort -V | sed -n "${1}p")
	rm -rf "$T/mail-$1" && mkdir "$T/mail-$1"
	/usr/bin/python3 - "$file" "$T/mail-$1" <<'PY'
import email, email.policy, sys
m = email.message_from_bytes(open(sys.argv[1], "rb").read(), policy=email.policy.default)
out = sys.argv[2]
open(out + "/subject", "w").write(m["Subject"] + "\n")
open(out + "/body", "w").write(m.get_body(preferencelist=("plain",)).get_content().replace("\r\n", "\n"))
for part in m.walk():
    if part.get_content_type() == "text/calendar":
        open(out + "/ics", "w").write(part.get_content())
        open(out + "/method", "w").write(part.get_param("method") + "\n")
    elif part.get_content_type() == "application/pdf":
        open(out + "/report.pdf", "wb").write(part.get_payload(decode=True))
        open(out + "/pdf-name", "w").write(part.get_filename() + "\n")
PY
}

ok init
cohort
ok participant add c1 --name "Ana Lima" --email ana@example.com
ok participant add c1 --name "Bo Berg" --email bo@example.com
ok participant add c1 --name "Cy Walker" --email cy@example.com
at "2026-11-20 10:00 +11:00" session add c1 --at "2026-12-01 18:00" --title "Week one"
at "2026-11-20 10:00 +11:00" session add c1 --at "2026-12-06 09:00" --title "Sunday drill"
at "2026-11-20 10:00 +11:00" session add c1 --at "2026-12-10 09:00" --title "Cy's call" \
	--kind coaching --with cy@example.com
at "2026-11-20 10:00 +11:00" session add c1 --at "2026-12-09 18:00" --title "Pair practice" \
	--kind practice --with ana@example.com --with bo@example.com
at "2026-11-20 10:00 +11:00" session add c1 --at "2026-12-12 10:00" --title "Week two"
at "2026-11-20 10:00 +11:00" session add c1 --at "2026-12-11 15:00" --title "Bo's call" \
	--kind coaching --with bo@example.com
at "2026-11-20 10:00 +11:00" session add c1 --at "2026-12-16 19:00" --title "Second pair" \
	--kind practice --with ana@example.com --with cy@example.com
ok policy set c1 digest "mon 08:00"
ok policy set c1 coach.copies on
ok policy set c1 notices.review "next-morning 09:00"
fails 1 policy set c1 digest "monday 8"
err "digest: 'monday 8' is not a weekday and a time"
ok policy show c1
out_re '^digest +mon 08:00'

# the record of the week: Bo missed week one, Cy came late, then missed Sunday's drill
at "2026-12-06 10:00 +11:00" mark c1:1 ana@example.com present
at "2026-12-06 10:00 +11:00" mark c1:1 bo@example.com no-show
at "2026-12-06 10:00 +11:00" mark c1:1 cy@example.com late 10
at "2026-12-06 10:00 +11:00" mark c1:2 ana@example.com present
at "2026-12-06 10:00 +11:00" mark c1:2 bo@example.com present
at "2026-12-06 10:00 +11:00" mark c1:2 cy@example.com no-show

# Sunday: Bo's notice goes; last Monday's digest is six days old and does not
start_server
at "2026-12-06 10:00 +11:00" notices run
check '[ "$(received bo@example.com)" = 1 ]' "Bo's ladder notice did not go"
check '[ "$(coach_mails)" = 0 ]' "a digest went on a Sunday, long after last Monday's time"

# participants change their own places through their links: Cy moves the 1:1 to a time
# offered, Ana cancels the practice; the coach cancels Bo's place by command
at "2026-12-06 11:00 +11:00" slot add c1 --at "2026-12-11 10:00"
offered=$(date -d '2026-12-11 10:00 +11:00' +%s)
port=$(free_port)
URL="http://127.0.0.1:$port"
trap 'kill ${pid:-} ${server_pid:-} 2>/dev/null; rm -rf "$T"' EXIT
SHOWUP_NOW=2026-12-06T01:00:00Z serve_start serve --listen "127.0.0.1:$port"
at "2026-12-06 12:00 +11:00" serve --link c1 cy@example.com --listen "127.0.0.1:$port"
cy=$(cat "$T/out")
at "2026-12-06 12:00 +11:00" serve --link c1 ana@example.com --listen "127.0.0.1:$port"
ana=$(cat "$T/out")
http GET "${cy#"$URL"}/move/3"
status 200 "Cy's move page"
http POST "${cy#"$URL"}/move/3" "csrf=$(csrf)&at=$offered"
status 200 "Cy's move through the link"
http GET "${ana#"$URL"}/cancel/4"
status 200 "Ana's cancel page"
http POST "${ana#"$URL"}/cancel/4" "csrf=$(csrf)&reason=work"
status 200 "Ana's cancellation through the link"
kill "$pid"; wait "$pid" 2>/dev/null; pid=
at "2026-12-06 12:05 +11:00" cancel c1:5 bo@example.com --reason travel

# the next run copies each of the two to the coach, once; the command's cancellation not
at "2026-12-06 12:15 +11:00" notices run
check '[ "$(coach_mails)" = 2 ]' "the coach did not get one copy per own change"
at "2026-12-06 12:30 +11:00" notices run
check '[ "$(coach_mails)" = 2 ]' "a copy went twice"
parse_mail 1
parse_mail 2
moved=$(grep -l 'moved' "$T"/mail-[12]/subject | head -n1)
moved=${moved%/subject}
cancelled=$(grep -l 'cancelled' "$T"/mail-[12]/subject | head -n1)
cancelled=${cancelled%/subject}
check '[ -n "$moved" ] && [ -n "$cancelled" ]' "no copy of the move, or none of the cancellation"
check 'grep -q "Cy Walker moved a coaching session" "$moved/subject"' "the move's subject"
check 'grep -q "from Thu 10 Dec 09:00" "$moved/body"' "the move does not say where from"
check 'grep -q "to   Fri 11 Dec 10:00" "$moved/body"' "the move does not say where to"
check '[ "$(cat "$moved/method")" = REQUEST ]' "the moved 1:1 carries no calendar REQUEST"
check 'grep -q "DTSTART;TZID=Australia/Sydney:20261211T100000" "$moved/ics"' \
	"the coach's calendar entry is not at the new time"
check 'grep -q "ORGANIZER;CN=Cora Coach:mailto:cora@example.com" "$moved/ics"' \
	"the calendar entry is not the coach's"
check 'grep -q "Ana Lima cancelled a practice session" "$cancelled/subject"' \
	"the cancellation's subject"
check 'grep -q "session of Wed 9 Dec 18:00" "$cancelled/body"' "the cancellation does not name the session"
check '[ ! -e "$cancelled/ics" ]' "a cancelled practice session carried a calendar entry"
check '! grep -q "Bo Berg" "$T"/mail-[12]/subject' "the coach's own command was copied to them"

# Monday 07:59: not yet; 08:00: the digest, with the attendance report
at "2026-12-07 07:59 +11:00" notices plan c1
check '[ "$(coach_mails)" = 2 ] && [ "$(sql "SELECT count(*) FROM outbox WHERE kind = '"'coach-digest'"'")" = 0 ]' \
	"a digest was planned before its time"
# the coach calls off week two and holds its notices back: the digest lists them as held
at "2026-12-07 07:59 +11:00" session cancel c1:5
at "2026-12-07 07:59 +11:00" notices plan c1
ok notices hold --participant ana@example.com
at "2026-12-07 08:00 +11:00" notices run
check '[ "$(coach_mails)" = 3 ]' "no digest at its time"
parse_mail 3
d="$T/mail-3"
check 'grep -q "your weekly digest up to Mon 2026-12-07 08:00" "$d/subject"' "the digest's subject"
check 'grep -q "from Mon 2026-11-30 08:00 to Mon 2026-12-07 08:00" "$d/body"' "the digest's week"
check 'grep -q "sessions held: 2$" "$d/body"' "the sessions held"
# week one: Ana and Cy came of three; Sunday: Ana and Bo of three
check 'grep -q "attendance: *67%$" "$d/body"' "the attendance rate"
check 'grep -q "points given: *4$" "$d/body"' "the points given"
check 'grep -q "^  Bo Berg: 2 points" "$d/body"' "Bo is not at risk"
check 'grep -q "^  Cy Walker: 2 points" "$d/body"' "Cy is not at risk"
check '! grep -q "^  Ana Lima:" "$d/body"' "Ana is at risk with no points"
check 'grep -q "^  Cy Walker: warning, waits for your look until Mon 2026-12-07 09:00" "$d/body"' \
	"Cy's warning waiting for review is not in the digest"
check 'grep -q "^  coach-copy (2): you, you" "$d/body"' "the copies are not among what went out"
check 'grep -q "^  warning (1): Bo Berg" "$d/body"' "Bo's warning is not among what went out"
check 'grep -A1 "^Held by you" "$d/body" | grep -q "^  session-cancelled (1): Ana Lima"' \
	"the notice held is not in the digest"
check 'grep -q "Cy Walker moved their coaching session from Thu 10 Dec 09:00 to Fri 11 Dec 10:00" "$d/body"' \
	"Cy's move is not in the digest"
check 'grep -q "Ana Lima cancelled their place at the practice session of Wed 9 Dec 18:00" "$d/body"' \
	"Ana's cancellation is not in the digest"
check '! grep -q "Bo Berg cancelled" "$d/body"' "the coach's command is listed as Bo's own"
check '[ "$(cat "$d/pdf-name")" = attendance-c1.pdf ]' "no attendance report attached"
pdftotext "$d/report.pdf" "$T/report.txt" 2>/dev/null
check 'grep -q "Attendance report" "$T/report.txt" && grep -q "Participants at risk" "$T/report.txt"' \
	"the PDF attached is not the attendance report"
check 'grep -q "Bo Berg" "$T/report.txt"' "the report attached lacks the cohort's people"

ok notices list c1
out_re 'Cora Coach +cora@example\.com +coach-digest .*sent'

# not again the same week
at "2026-12-07 12:00 +11:00" notices run
at "2026-12-10 08:00 +11:00" notices run
check '[ "$(coach_mails)" = 3 ]' "a second digest the same week"

# with copies off, Bo's own cancellation through the link reaches the coach only in the digest
ok policy set c1 coach.copies off
SHOWUP_NOW=2026-12-09T23:00:00Z serve_start serve --listen "127.0.0.1:$port"
at "2026-12-10 10:00 +11:00" serve --link c1 bo@example.com --listen "127.0.0.1:$port"
bo=$(cat "$T/out")
rm -f "$T/jar"
http GET "${bo#"$URL"}/cancel/6"
http POST "${bo#"$URL"}/cancel/6" "csrf=$(csrf)&reason=work"
status 200 "Bo's cancellation through the link"
kill "$pid"; wait "$pid" 2>/dev/null; pid=
at "2026-12-10 10:15 +11:00" notices run
check '[ "$(coach_mails)" = 3 ]' "a copy went with coach.copies off"

# Cy leaves: Ana's pair of the 16th is left with her alone, for the coach to decide
at "2026-12-12 09:00 +11:00" participant withdraw c1 cy@example.com

# the week after: the next digest, once
at "2026-12-14 08:05 +11:00" notices run
check '[ "$(coach_mails)" = 4 ]' "no digest the week after"
parse_mail 4
check 'grep -q "from Mon 2026-12-07 08:00 to Mon 2026-12-14 08:00" "$T/mail-4/body"' \
	"the second digest's week"
check 'grep -q "Bo Berg cancelled their place at the coaching session of Fri 11 Dec 15:00" "$T/mail-4/body"' \
	"Bo's own cancellation is not in the second digest"
check '! grep -q "Cy Walker moved" "$T/mail-4/body"' "last week's move is told again"
check 'grep -A1 "^Practice pairs left with one person" "$T/mail-4/body" | grep -q "the practice session of Wed 16 Dec 19:00: Ana Lima alone, Cy Walker has left"' \
	"the pair left with one person is not in the digest"
check '! grep -q "^Practice pairs left" "$T/mail-3/body"' "a pair left alone before anyone left"
at "2026-12-14 09:00 +11:00" notices run
check '[ "$(coach_mails)" = 4 ]' "the second digest went twice"
check '[ "$(sql "SELECT count(*) FROM outbox WHERE participant_id IS NULL AND to_addr = '"'cora@example.com'"' AND state = '"'sent'"'")" = 4 ]' \
	"the coach's messages are not in the outbox as sent"

# Cy erased: the coach's digests and copies that named him name him no more
ok participant erase c1 cy@example.com --yes
check '[ "$(sql "SELECT count(*) FROM outbox WHERE participant_id IS NULL
	AND (instr(message, '"'Cy Walker'"') > 0 OR instr(subject, '"'Cy Walker'"') > 0)")" = 0 ]' \
	"the coach's messages still name Cy after his erasure"
stop_server
finish
