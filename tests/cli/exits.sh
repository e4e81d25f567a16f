#!/bin/sh
# exits.sh - exits tell everyone, through a real SMTP server on loopback: the leaver's one
# confirmation with a calendar CANCEL per session to come, their partners told once, a
# pair left alone flagged to the coach, a withdrawal undone before the batch telling
# nothing, places taken off and given, refunds offered by hand, declined and accepted.
. "$top_srcdir/tests/cli/lib.sh"
cd "$T" || exit 1
smtp_setup
# parts TO: the messages the server took for TO since the last 'mark_sent', decoded:
# "=== kind | subject", the plain text, and per calendar part "METHOD m", then
# "EVENT uid seq status" per VEVENT.
parts() {
	/usr/bin/python3 - "$S" "$1" "$(cat "$T/seen" 2>/dev/null || echo 0)" <<'PY'
import email, email.policy, glob, re, sys
folder, to, seen = sys.argv[1], sys.argv[2], int(sys.argv[3])
for path in sorted(glob.glob(folder + "/mail-*.eml"), key=lambda p: int(p.split("-")[-1][:-4])):
    if int(path.split("-")[-1][:-4]) <= seen:
        continue
    m = email.message_from_bytes(open(path, "rb").read(), policy=email.policy.default)
    if m["To"].addresses[0].addr_spec != to:
        continue
    print("=== " + m["Subject"])
    print(m.get_body(("plain",)).get_content())
    for part in m.walk():
        if part.get_content_type() != "text/calendar":
            continue
        ics = part.get_content()
        print("METHOD", re.search(r"^METHOD:(\S+)", ics, re.M).group(1))
        for ev in re.findall(r"BEGIN:VEVENT.*?END:VEVENT", ics, re.S):
            uid = re.search(r"^UID:(\S+)", ev, re.M).group(1)
            seq = re.search(r"^SEQUENCE:(\d+)", ev, re.M).group(1)
            status = re.search(r"^STATUS:(\S+)", ev, re.M).group(1)
            print("EVENT", uid, seq, status)
PY
}
# mark_sent: the messages taken so far are old; parts shows only newer ones.
mark_sent() { ls "$S"/mail-*.eml 2>/dev/null | sed 's/.*mail-\([0-9]*\)[.]eml/\1/' | sort -n |
	tail -1 > "$T/seen"; }
# has TO REGEX: a line of what TO got since the last mark_sent matches REGEX.
has() { parts "$1" > "$T/parts"; grep -q -- "$2" "$T/parts"; }
# new_to TO: how many messages TO got since the last mark_sent.
new_to() { parts "$1" | grep -c "^=== "; }
# uid N EMAIL: the UID of session N's invitation to EMAIL, as calendar.c makes it.
uid() {
	echo "showup-ex-s$(sql "SELECT id FROM session WHERE number = $1")-p$(sql \
		"SELECT id FROM participant WHERE email = '$2'")@example.com"
}

ok init
ok cohort add ex --name "Exits" --coach "Cora Coach" --coach-email cora@example.com \
	--tz Europe/London --fee 1500 --currency EUR
for who in "Ann Early:ann" "Bo Busy:bo" "Cy Calm:cy" "Di Deep:di"; do
	ok participant add ex --name "${who%%:*}" --email "${who##*:}@example.com"
done
ok policy set ex invitations on
ok policy set ex notices.review none
ok session add ex --at "2026-11-25 09:00" --title "Pricing"
ok session add ex --at "2026-11-26 10:00" --kind practice --with ann@example.com \
	--with bo@example.com
ok session add ex --at "2026-11-27 10:00" --kind practice --with bo@example.com \
	--with cy@example.com
ok session add ex --at "2026-11-28 09:00" --kind coaching --with bo@example.com
ok session add ex --at "2026-11-29 09:00" --title "Closing"
ok session add ex --at "2026-11-30 10:00" --kind practice --with cy@example.com \
	--with di@example.com
start_server

# everyone invited first: 2 group sessions each, and their own 1:1 and practice places
ok notices run
out "sent 4, to retry 0, failed 0, unknown 0"	# one message each: 15 notices
mark_sent

# one partner cannot move a pair to a time the other never agreed to (reschedule.pairs off)
before=$(db_state)
fails 1 reschedule ex:2 ann@example.com --at "2026-12-03 10:00"
err "error: session ex:2 is a practice session with bo@example.com: it moves to a new time only with their word; ask Cora Coach <cora@example.com> to move it for both, or move your own place to another session"
same_db "$before"
ok policy show ex
out_re "^reschedule.pairs +off"

# (the clock moves on an hour at each step: who was told before a withdrawal counts)
export SHOWUP_NOW="2026-11-22T01:00:00Z"
# a withdrawal undone before the batch tells nobody: its notices are withdrawn
ok participant withdraw ex cy@example.com
ok notices due ex
out_re "Cy Calm +cy@example.com +withdrawal-confirmed"
out_re "Bo Busy +bo@example.com +partner-left"
out_re "Di Deep +di@example.com +partner-left"
out_re "Bo Busy +bo@example.com +coach-left-alone"
same_notices ex
ok notices plan ex
out "ex: 3 notices planned,"
ok participant reinstate ex cy@example.com
ok notices run
out "0 notices planned, 3 withdrawn"
check '[ "$(ls "$S"/mail-*.eml | wc -l)" = 4 ]' "a withdrawal undone before the batch was told"
check '[ "$(sql "SELECT count(*) FROM outbox WHERE state = '"'withdrawn'"'")" = 3 ]' \
	"the notices of the undone withdrawal are not withdrawn"
ok notices due ex
out "no notices due in ex"

export SHOWUP_NOW="2026-11-22T02:00:00Z"
# Bo leaves: one confirmation with a CANCEL per session to come, partners told once
ok participant withdraw ex bo@example.com
ok notices due ex
out_re "Bo Busy +bo@example.com +withdrawal-confirmed"
out_re "Ann Early +ann@example.com +partner-left"
out_re "Cy Calm +cy@example.com +partner-left"
out_re "Ann Early +ann@example.com +coach-left-alone .*Thu 2026-11-26 10:00 practice session 2: Bo Busy left"
out_re "Cy Calm +cy@example.com +coach-left-alone .*Fri 2026-11-27 10:00 practice session 3: Bo Busy left"
same_notices ex
ok notices run
out "sent 3, to retry 0, failed 0, unknown 0"
parts bo@example.com > "$T/bo"
check '[ "$(grep -c "^=== " "$T/bo")" = 1 ]' "the leaver did not get exactly one message"
check 'grep -q "^=== Exits: you have left the program$" "$T/bo"' "the leaver's confirmation is missing"
check 'grep -q "^METHOD CANCEL$" "$T/bo" && [ "$(grep -c "^EVENT " "$T/bo")" = 5 ]' \
	"the confirmation does not cancel the 5 sessions to come"
for n in 1 2 3 4 5; do
	check 'grep -q "^EVENT $(uid $n bo@example.com) 1 CANCELLED$" "$T/bo"' \
		"session $n is not cancelled at its invitation's UID with SEQUENCE 1"
done
check 'grep -q "practice session on Thu 2026-11-26 10:00" "$T/bo" && grep -q "Thank you" "$T/bo"' \
	"the confirmation does not name the sessions by date or thank the leaver"
check '! grep -qi "session [0-9]" "$T/bo"' "the confirmation names a session by its number"
parts ann@example.com > "$T/ann"
check '[ "$(grep -c "^=== " "$T/ann")" = 1 ] && grep -q "^=== Exits: Bo has left the program$" "$T/ann"' \
	"Ann is not told once that Bo left"
check 'grep -q "I will decide what becomes of the session" "$T/ann"' "Ann is not told the coach decides"
check '[ "$(new_to cy@example.com)" = 1 ] && [ "$(new_to di@example.com)" = 0 ]' \
	"Cy is not told once, or Di is told of a session she is not at"
ok notices run
out_only ""
mark_sent

export SHOWUP_NOW="2026-11-22T03:00:00Z"
# the coach decides: a third person put on a pair tells the one there; the flag goes
ok notices due ex
out "coach-left-alone"
ok session edit ex:3 --with di@example.com
ok notices due ex
out_re "Cy Calm +cy@example.com +partner-added"
out_re "Di Deep +di@example.com +session-invitation"
no_out "practice session 3: Bo Busy left"
out "practice session 2: Bo Busy left"
same_notices ex
ok session edit ex:2 --location "Room 2"	# the coach keeps Ann's session: decided
ok notices due ex
no_out "coach-left-alone"
ok session cancel ex:2
same_notices ex
ok notices run
out "sent 3, to retry 0, failed 0, unknown 0"
check '[ "$(new_to cy@example.com)" = 1 ] && has cy@example.com "^=== Exits: Di joins your practice session on Fri 2026-11-27 10:00$"' \
	"Cy is not told once that Di joins"
check '[ "$(new_to ann@example.com)" = 1 ]' "Ann is not told once of the calling-off"
check '[ "$(new_to di@example.com)" = 1 ]' "Di, put on a pair after Bo left, is told more than her invitation"
mark_sent

export SHOWUP_NOW="2026-11-22T04:00:00Z"
# taken off a session: a CANCEL of it; an emptied session called off tells nobody
# else, but leaves no invitation standing
ok session edit ex:6 --without di@example.com
ok notices due ex
out_re "Di Deep +di@example.com +place-removed"
same_notices ex
ok notices run
out "sent 1, to retry 0, failed 0, unknown 0"
parts di@example.com > "$T/di"
check 'grep -q "^=== Exits: you are no longer expected on Mon 2026-11-30 10:00$" "$T/di" &&
	grep -q "^METHOD CANCEL$" "$T/di" && grep -q "^EVENT $(uid 6 di@example.com) 1 CANCELLED$" "$T/di"' \
	"Di does not get a CANCEL of the session she was taken off"
mark_sent

export SHOWUP_NOW="2026-11-22T05:00:00Z"
# Cy leaves, and the coach calls off the session she was left alone at: nobody hears of
# the calling-off, and her confirmation cancels that session too
ok participant withdraw ex cy@example.com
ok session cancel ex:6
ok notices due ex
no_out "session-cancelled"
same_notices ex
ok notices run
out "sent 2, to retry 0, failed 0, unknown 0"
parts cy@example.com > "$T/cy"
check '[ "$(grep -c "^=== " "$T/cy")" = 1 ] && [ "$(grep -c "^EVENT " "$T/cy")" = 4 ] &&
	grep -q "^EVENT $(uid 6 cy@example.com) 1 CANCELLED$" "$T/cy"' \
	"Cy's confirmation does not cancel her 4 sessions to come, the one called off too"
check 'has di@example.com "^=== Exits: Cy has left the program$"' "Di is not told Cy left"
mark_sent

export SHOWUP_NOW="2026-11-22T06:00:00Z"
# refunds by hand: offered, declined, offered again and accepted, one notice each
ok refund offer ex ann@example.com --amount 400
ok notices due ex
out_re "Ann Early +ann@example.com +refund-offered +400.00 EUR"
same_notices ex
ok notices run
out "sent 1,"
check 'has ann@example.com "will refund 400.00 EUR"' \
	"the offer does not give its amount"
ok refund decline ex ann@example.com
same_notices ex
ok notices run
out "sent 1,"
check 'has ann@example.com "^=== Exits: you are staying, and I am glad$"' \
	"the declined offer is not confirmed"
mark_sent
ok refund offer ex ann@example.com --amount 300
ok refund accept ex ann@example.com
ok notices due ex
out_re "Ann Early +ann@example.com +refund-accepted +300.00 EUR"
no_out "refund-offered"
same_notices ex
ok notices run
out "sent 1,"
parts ann@example.com > "$T/ann"
check '[ "$(grep -c "^=== " "$T/ann")" = 1 ] && grep -q "I will pay 300.00 EUR back" "$T/ann"' \
	"the accepted refund is not confirmed once with its amount"
check '[ "$(grep -c "^EVENT " "$T/ann")" = 2 ] && grep -q "^EVENT $(uid 5 ann@example.com) 1 CANCELLED$" "$T/ann"' \
	"the accepted refund does not cancel the 2 group sessions to come (session 2 was called off)"
mark_sent

# a hand offer while the ladder's final notice is due: one offer reaches the person
ok session add ex --at "2026-11-18 10:00" --kind coaching --with di@example.com
ok session add ex --at "2026-11-19 10:00" --kind coaching --with di@example.com
ok mark ex:7 di@example.com no-show
ok cancel ex:8 di@example.com --at "2026-11-19 09:00" --reason work
ok notices due ex
out_re "Di Deep +di@example.com +final-notice"
ok refund offer ex di@example.com --amount 200
ok notices due ex
no_out "refund-offered"
same_notices ex
ok notices run
out "sent 1,"
ok notices run
out_only ""
check '[ "$(new_to di@example.com)" = 1 ]' "two refund offers reached Di"

finish
