#!/bin/sh
# merged.sh - one message per person per run, through a real SMTP server on loopback: the
# first invitations as one, several changes as one with a calendar part per METHOD, no
# reminder hard on an invitation or change, a move undone and made again told as the net
# change, a part withdrawn before the send taking its text out, and each message once
# under kill -9.
. "$top_srcdir/tests/cli/lib.sh"
cd "$T" || exit 1
smtp_setup
# mails FIRST: every message the server took from mail-FIRST.eml on, decoded, one line a
# message ("=== N TO | Subject | part:METHOD:VEVENTs ..."), then its text.
mails() {
	/usr/bin/python3 - "$S" "$1" > "$T/mail" <<'PY' || fail "a message does not parse"
import email, email.policy, glob, sys
paths = sorted(glob.glob(sys.argv[1] + "/mail-*.eml"), key=lambda p: int(p.split("-")[-1][:-4]))
for path in paths:
    n = int(path.split("-")[-1][:-4])
    if n < int(sys.argv[2]):
        continue
    m = email.message_from_bytes(open(path, "rb").read(), policy=email.policy.default)
    cals = []
    for p in m.walk():
        if p.get_content_type() == "text/calendar":
            ics = p.get_payload(decode=True).decode()
            uids = [l for l in ics.splitlines() if l.startswith("UID:")]
            seqs = ",".join(l[9:] for l in ics.splitlines() if l.startswith("SEQUENCE:"))
            cals.append("%s:%d:%s" % (p.get_param("method"), len(uids), seqs))
    print("===", n, m["To"].addresses[0].addr_spec, "|", m["Subject"], "|", " ".join(cals))
    print(m.get_body(("plain",)).get_content().replace("\r\n", "\n"))
PY
}
next_mail() { echo $(( $(ls "$S"/mail-*.eml 2>/dev/null | wc -l) + 1 )); }
# run_once: 'notices run', and no one gets two messages from it
run_once() {
	local before
	before=$(grep -c '^DATA ' "$S/log" 2>/dev/null)
	ok notices run
	checks=$((checks + 1))
	[ -z "$(grep '^DATA ' "$S/log" 2>/dev/null | tail -n +$((${before:-0} + 1)) |
		awk '{ print $3 }' | sort | uniq -d)" ] ||
		{ failures=$((failures + 1)); echo "FAIL: someone got two messages from one run"; }
}
# head_of TEXT: the '===' line of the message whose text holds TEXT (in $T/mail)
head_of() { awk -v t="$1" '/^=== /{ h = $0 } index($0, t) { print h }' "$T/mail"; }

ok init
ok cohort add m --name "Merged" --coach "Cora Coach" --coach-email cora@example.com \
	--tz Europe/London
for who in "Ann Early:ann" "Bo Busy:bo" "Cy Calm:cy"; do
	ok participant add m --name "${who%%:*}" --email "${who##*:}@example.com"
done
ok session add m --at "2026-11-30 09:00" --title "Pricing"
ok session add m --at "2026-12-07 09:00" --title "Closing"
ok session add m --at "2026-12-03 10:00" --kind coaching --with bo@example.com
ok policy set m invitations on
ok policy set m reminders 1d
ok policy show m
out "reminders.quiet_hours"
out "24"
start_server

# --- the first invitations: one message each, one calendar holding all their sessions
first=$(next_mail)
same_notices m
run_once
out "m: 7 notices planned"
out "sent 3,"
mails "$first"
check '[ "$(grep -c "^=== " "$T/mail")" = 3 ]' "not one message each for the first invitations"
check 'grep -q "^=== 1 ann@example.com | Merged: invitations to your 2 sessions | REQUEST:2:0,0$" "$T/mail"' \
	"Ann's invitations are not one message with one REQUEST of two events"
check 'grep -q "^=== [0-9]* bo@example.com | Merged: invitations to your 3 sessions | REQUEST:3:0,0,0$" "$T/mail"' \
	"Bo's invitations are not one message with one REQUEST of three events"
check '[ "$(grep -c "^You have a place at " "$T/mail")" = 7 ] &&
	[ "$(grep -c "^Hi Bo," "$T/mail")" = 1 ]' "the texts are not all there, greeted once"
check '[ "$(sql "SELECT count(*) FROM outbox WHERE part_of IS NOT NULL AND state = '"'sent'"'")" = 4 ] &&
	[ "$(sql "SELECT count(*) FROM outbox WHERE state = '"'sent'"'")" = 7 ]' \
	"the notices riding in a message are not recorded as sent with it"
ok notices list m
out_re "session-invitation \(in [0-9]+\)"

# --- several changes in one run: one message, a REQUEST and a CANCEL part beside each other
export SHOWUP_NOW="2026-11-22T01:00:00Z"
ok session edit m:1 --at "2026-11-30 11:00"
ok session cancel m:2
first=$(next_mail)
same_notices m
run_once
out "sent 3,"
mails "$first"
check '[ "$(grep -c "^=== .* | Merged: 2 changes to your sessions | REQUEST:1:1 CANCEL:1:1$" "$T/mail")" = 3 ]' \
	"two changes are not one message with a REQUEST and a CANCEL part, one SEQUENCE on"
check '[ "$(grep -c "^I have to call off Monday.s group session, 7 Dec 09:00" "$T/mail")" = 3 ] &&
	[ "$(grep -c "(it was at Mon 2026-11-30 09:00)" "$T/mail")" = 3 ]' \
	"a message of two changes does not tell both"
/usr/bin/python3 - "$S/mail-$first.eml" <<'PY' || fail "the parts of a message of two changes are not as calendar programs read them"
import email, email.policy, sys
m = email.message_from_bytes(open(sys.argv[1], "rb").read(), policy=email.policy.default)
kinds = [p.get_content_type() for p in m.walk()]
assert kinds == ["multipart/mixed", "multipart/alternative", "text/plain", "text/calendar",
                 "text/calendar"], kinds
PY

# --- a 1:1 moved, the move undone and made again before the batch: the net change
ok reschedule m:3 bo@example.com --at "2026-12-04 15:00"
run_once
out "sent 1,"
ok unmark m:3 bo@example.com
ok reschedule m:3 bo@example.com --at "2026-12-05 11:00"
first=$(next_mail)
same_notices m
run_once
out "sent 1,"
mails "$first"
check '[ "$(grep -c "^Done: your place has moved" "$T/mail")" = 1 ] &&
	grep -q "^Done: your place has moved from Fri 2026-12-04 15:00 to" "$T/mail"' \
	"the move undone and made again is not told once, against the time Bo was told"
check '! grep -q "Thu 2026-12-03 10:00" "$T/mail"' "Bo was told of a time he never knew of"
ok notices run
out_only ""

# --- a part withdrawn before the send: dropped by hand, or its change undone
ok session add m --at "2026-12-01 09:00" --kind practice --with ann@example.com \
	--with cy@example.com
ok session edit m:1 --location "Room 2"
ok notices plan m
out "5 notices planned"		# the invitation to Ann and Cy, the change of place to three
ann=$(sql "SELECT o.id FROM outbox o JOIN participant p ON p.id = o.participant_id
	WHERE p.email = 'ann@example.com' AND o.kind = 'session-moved' AND o.state = 'pending'")
ok notices drop "$ann" --reason "told Ann in person"
ok session edit m:1 --location ""	# and for Bo and Cy the change is undone
ok notices plan m
out "2 withdrawn"
ok notices preview m
check '[ "$(grep -c "^--- outbox" "$T/out")" = 2 ]' "not one message each left for Ann and Cy"
first=$(next_mail)
run_once
out "sent 2,"
mails "$first"
check '! grep -q "has changed" "$T/mail" && [ "$(grep -c "^You have a place at practice with" "$T/mail")" = 2 ]' \
	"a withdrawn part was still told, or an invitation was lost with it"
check 'grep -q "^=== .* ann@example.com | Merged: invitation to practice with Cy, Tue 1 Dec 09:00 | REQUEST:1:0$" "$T/mail"' \
	"Ann's message was not made again of her invitation alone"

# --- no reminder hard on an invitation or change of the same session
export SHOWUP_NOW="2026-11-29T12:00:00Z"	# a day before session 1 (11:00): its reminder
ok session add m --at "2026-11-30 10:00" --title "Extra"	# invitation and reminder due at once
first=$(next_mail)
same_notices m
ok notices due m
no_out "session 5, 1d ahead"
run_once
out "sent 3,"
mails "$first"
check '[ "$(grep -c "^A reminder that you are expected at Monday.s group session, 30 Nov 11:00" "$T/mail")" = 3 ] &&
	[ "$(grep -c "^You have a place at Monday.s group session, 30 Nov 10:00" "$T/mail")" = 3 ]' \
	"the reminder of session 1 (moved to 11:00) and the invitation to session 5 do not go together"
check '! grep -q "A reminder that you are expected at Monday.s group session, 30 Nov 10:00" "$T/mail"' \
	"a reminder went with the invitation to the same session"
check 'grep -q "^=== .* ann@example.com | Merged: invitation to Monday.s group session, 30 Nov 10:00 | REQUEST:2:" "$T/mail"' \
	"a reminder with an invitation is not named by the invitation, with both sessions"
SHOWUP_NOW="2026-11-29T20:00:00Z" run notices run	# still within the quiet hours: none later
check '[ "$rc" = 0 ] && [ ! -s "$T/out" ]' "the quiet reminder went later"
ok policy set m reminders.quiet_hours off
export SHOWUP_NOW="2026-11-29T20:00:00Z"
ok notices due m
out "session 5, 1d ahead"
first=$(next_mail)
run_once
out "sent 3,"
mails "$first"
check '[ "$(grep -c "^=== .* | Merged: reminder, Monday.s group session, 30 Nov 10:00 | REQUEST:1:0$" "$T/mail")" = 3 ]' \
	"a reminder alone does not go under its own subject"
ok policy set m reminders.quiet_hours 24
fails 1 policy set m reminders.quiet_hours soon
err "reminders.quiet_hours"

# --- a ladder notice leads the message it shares, and is recorded as sent with it
ok policy set m notices.review none
ok session add m --at "2026-11-20 09:00"
ok mark m:6 ann@example.com no-show
ok session edit m:1 --minutes 90
first=$(next_mail)
same_notices m
run_once
out "sent 3,"
mails "$first"
check 'grep -q "^=== .* ann@example.com | Merged: your attendance needs attention | REQUEST:1:2$" "$T/mail" &&
	[ "$(grep -c "(it was 60 minutes long)" "$T/mail")" = 3 ]' \
	"the warning does not lead Ann's message, with the change and its calendar"
ok notices due m
no_out "ann@example.com"
check '[ "$(sql "SELECT count(*) FROM notice WHERE kind = '"'warning'"'")" = 1 ]' \
	"the warning that went in a message of two was not recorded as sent"

# --- holding or sending again one notice of a message does so to the whole message
ok session edit m:1 --location "Room 3"
ok session edit m:5 --location "Room 4"
ok notices plan m
out "6 notices planned"
rider=$(sql "SELECT o.id FROM outbox o JOIN participant p ON p.id = o.participant_id
	WHERE p.email = 'cy@example.com' AND o.part_of IS NOT NULL AND o.state = 'pending'")
ok notices hold "$rider"
out "2 planned notices held"
ok notices release "$rider"
out "2 planned notices released"
run_once
out "sent 3,"

# --- the target: at most one reminder per session, one message a change, a run, a person
check '[ "$(sql "SELECT coalesce(max(n), 0) FROM (SELECT count(*) AS n FROM outbox
	WHERE kind = '"'session-reminder'"' AND state = '"'sent'"' GROUP BY participant_id, session_id)")" -le 1 ]' \
	"more than one reminder of a session to one person"
for who in ann bo cy; do
	want=$(sql "SELECT count(*) FROM outbox o JOIN participant p ON p.id = o.participant_id
		WHERE p.email = '$who@example.com' AND o.state = 'sent' AND o.part_of IS NULL")
	rows=$(sql "SELECT count(*) FROM outbox o JOIN participant p ON p.id = o.participant_id
		WHERE p.email = '$who@example.com' AND o.state = 'sent'")
	check '[ "$(received $who@example.com)" = "$want" ] && [ "$want" -lt "$rows" ]' \
		"$who: $(received $who@example.com) messages for $want sent, of $rows notices"
done
stop_server

# --- kill -9 in the middle of a message of several notices: never sent twice
ok participant add m --name "Sam Slow" --email slow@example.com
export SHOWUP_NOW="2026-11-29T21:00:00Z"
ok notices plan m
out "3 notices planned"		# Sam's two invitations and the calling-off: no reminder
check '[ "$(sql "SELECT count(*) FROM outbox WHERE part_of IS NOT NULL AND state = '"'pending'"'")" = 2 ]' \
	"Sam's notices are not one message: $(sql "SELECT id, kind, part_of, session_id FROM outbox WHERE state = 'pending'" | tr "\n" " ")"
start_server
"$SHOWUP" notices send m >/dev/null 2>&1 &
send_pid=$!
for i in $(seq 1 50); do grep -q "^SLOW" "$S/log" 2>/dev/null && break; sleep 0.1; done
kill -9 "$send_pid"
wait "$send_pid" 2>/dev/null
check '[ "$(sql "SELECT group_concat(DISTINCT state) FROM outbox o JOIN participant p ON
	p.id = o.participant_id WHERE p.email = '"'slow@example.com'"'")" = sending ]' \
	"a message and its notices disagree after kill -9"
: > "$S/release"
for i in $(seq 1 100); do grep -q "^SLOW-END" "$S/log" && break; sleep 0.1; done
ok notices send m
out "unknown 1"
check '[ "$(sql "SELECT group_concat(DISTINCT state) FROM outbox o JOIN participant p ON
	p.id = o.participant_id WHERE p.email = '"'slow@example.com'"'")" = unknown ]' \
	"the notices of a message caught by kill -9 are not all unknown"
check '[ "$(received slow@example.com)" -le 1 ]' "the killed message went twice"
ok notices run
check '[ "$(received slow@example.com)" -le 1 ]' "the killed message went again"
stop_server

# kill -9 at random moments of a send of many messages of several notices (fault.sh's way):
# each message goes once at most, its notices always in its own state, and the rest go
ok cohort add k --name "Killed" --coach "Cora Coach" --coach-email cora@example.com \
	--tz Europe/London
i=0
while [ $i -lt 40 ]; do printf 'P%02d,p%02d@example.com\n' $i $i; i=$((i + 1)); done |
	{ echo "Name,E-mail"; cat; } > "$T/k.csv"
ok participant import k "$T/k.csv"
ok session add k --at "2026-12-10 09:00"
ok session add k --at "2026-12-11 09:00"
ok session add k --at "2026-12-12 09:00"
ok policy set k invitations on
export SHOWUP_NOW="2026-11-30T00:00:00Z"
ok notices plan k
out "120 notices planned"
cp "$SHOWUP_DB" "$T/k-base.db"
start_server
twice=0 split=0 lost=0 trials=0
for trial in 1 2 3 4 5 6; do
	cp "$T/k-base.db" "$SHOWUP_DB"
	rm -f "$SHOWUP_DB-wal" "$SHOWUP_DB-shm"
	first=$(next_mail)
	"$SHOWUP" notices send k >/dev/null 2>&1 &
	pid=$!
	sleep "0.$(printf '%03d' $(( $(od -An -N2 -tu2 /dev/urandom) % 300 )))"
	kill -9 $pid 2>/dev/null
	wait $pid 2>/dev/null
	"$SHOWUP" notices send k >/dev/null 2>&1
	trials=$((trials + 1))
	got=$(ls "$S"/mail-*.eml | awk -F- -v f="$first" '{ n = $NF; sub(/\.eml$/, "", n) } n + 0 >= f + 0' |
		xargs grep -h "^Message-ID:" | sort)
	[ -z "$(printf '%s\n' "$got" | uniq -d)" ] || twice=$((twice + 1))
	# a rider never in another state than its message
	n=$(sql "SELECT count(*) FROM outbox r JOIN outbox c ON c.id = r.part_of WHERE r.state <> c.state")
	[ "$n" = 0 ] || split=$((split + 1))
	sent=$(sql "SELECT count(*) FROM outbox WHERE cohort_id = 2 AND part_of IS NULL AND state = 'sent'")
	unknown=$(sql "SELECT count(*) FROM outbox WHERE cohort_id = 2 AND part_of IS NULL AND state = 'unknown'")
	n=$(printf '%s\n' "$got" | grep -c .)
	{ [ $((sent + unknown)) = 40 ] && [ "$n" -ge "$sent" ] && [ "$n" -le $((sent + unknown)) ]; } ||
		{ lost=$((lost + 1)); echo "trial $trial: $n messages for $sent sent, $unknown unknown"; }
done
stop_server
check '[ $twice = 0 ]' "a message went twice in $twice of $trials kill -9 trials"
check '[ $split = 0 ]' "a message and its notices disagreed in $split of $trials trials"
check '[ $lost = 0 ]' "messages were lost or miscounted in $lost of $trials trials"
echo "$trials kill -9 trials of a send: $twice twice, $split split, $lost lost"
finish
