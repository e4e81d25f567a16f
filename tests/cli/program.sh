#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# program.sh - an 8-week cohort lived through as a coach runs it: 12 people in Berlin, 8
# group sessions, 12 one-to-ones, 18 practice pairs in three rounds, `notices run` every
# 15 minutes of the program's time (--replay-until) against a real SMTP server on
# loopback, the coach's taps, corrections, exits and moves at their moments. Then what
# reached people is checked as they read it.
. "$top_srcdir/tests/cli/lib.sh"
cd "$T" || exit 1
smtp_setup
start_server

# utc "YYYY-MM-DD HH:MM": that Berlin time in UTC, as SHOWUP_NOW takes it
utc() { TZ=UTC date -d "TZ=\"Europe/Berlin\" $1" +%Y-%m-%dT%H:%M:%SZ; }
# live_until "YYYY-MM-DD HH:MM": the timer runs every 15 minutes from the last run until
# then (Berlin time); the clock stays there for what the coach does next
live_until() {
	local to
	to=$(utc "$1")
	checks=$((checks + 1))
	"$SHOWUP" notices run --replay-until "$to" >"$T/run.out" 2>"$T/run.err" ||
		{ fail "the timer failed before $1"; cat "$T/run.err"; }
	export SHOWUP_NOW="$to"
	clock_next
}
# clock_next: the clock moved to the next quarter hour, where the next run falls
clock_next() {
	local t
	t=$(TZ=UTC date -d "$SHOWUP_NOW" +%s)
	SHOWUP_NOW=$(TZ=UTC date -d "@$(( (t / 900 + 1) * 900 ))" +%Y-%m-%dT%H:%M:%SZ)
	export SHOWUP_NOW
}
# at "YYYY-MM-DD HH:MM": the coach acts at that Berlin time (the runs before it done)
at() { live_until "$1"; SHOWUP_NOW=$(utc "$1"); }
# local_of EPOCH: "YYYY-MM-DD HH:MM" in Berlin
local_of() { TZ=Europe/Berlin date -d "@$1" "+%Y-%m-%d %H:%M"; }
# person EMAIL: the participant's id
person() { sql "SELECT id FROM participant WHERE email = '$1'"; }

ok init
SHOWUP_NOW= fails 2 notices run --replay-until 2027-03-01T00:00:00Z
err "--replay-until moves a clock set by hand: set SHOWUP_NOW"
fails 2 notices run --replay-until 2027-03-01T00:00:00Z --every 0
export SHOWUP_NOW
SHOWUP_NOW=$(utc "2027-02-22 09:00")
ok cohort add vk --name "Verkaufstraining Frühjahr" --coach "Katrin Vogel" \
	--coach-email katrin@example.de --tz Europe/Berlin --fee 1800 --currency EUR
people="thomas.berg jonas.keller lena.wolf mia.schulz felix.braun anna.richter
	paul.neumann sara.koch david.lang emma.huber lukas.roth nina.frank"
for who in $people; do
	first=${who%%.*} last=${who##*.}
	ok participant add vk --name "${first^} ${last^}" --email "$who@example.de"
done
ok policy set vk reminders 1d
ok policy set vk invitations on
ok policy set vk late.threshold 15
ok policy set vk points.late_arrival 1
ok policy set vk digest "mon 08:00"
# 8 group sessions, Tuesdays 18:00 from 2 March (summer time begins on 28 March)
for w in 0 1 2 3 4 5 6 7; do
	ok session add vk --at "$(date -d "2027-03-02 +$((7 * w)) days" +%F) 18:00" \
		--title "Woche $((w + 1))"
done
# a 1:1 for each, on the Thursdays of weeks 2 to 7, 10:00 and 11:00
set -- $people
for k in 0 1 2 3 4 5 6 7 8 9 10 11; do
	ok session add vk --kind coaching --with "$1@example.de" --title "1:1" \
		--at "$(date -d "2027-03-11 +$((7 * (k / 2))) days" +%F) $((10 + k % 2)):00"
	shift
done
# practice pairs in three rounds (weeks 2, 4, 6, Wednesdays 19:00), nobody twice together
pairs=(0:1 2:3 4:5 6:7 8:9 10:11  0:2 1:3 4:6 5:7 8:10 9:11  0:3 1:2 4:7 5:6 8:11 9:10)
set -- $people
all=("$@")
for n in "${!pairs[@]}"; do
	a=${pairs[$n]%%:*} b=${pairs[$n]##*:}
	ok session add vk --kind practice --title Übung --with "${all[$a]}@example.de" \
		--with "${all[$b]}@example.de" \
		--at "$(date -d "2027-03-10 +$((14 * (n / 6))) days" +%F) 19:00"
done
check '[ "$(sql "SELECT count(*) FROM session")" = 38 ]' "the program is not 38 sessions"
group() { echo "vk:$1"; }	# group session of week N is session N

# week 1: Thomas tapped a no-show at 18:30; he walks in at 18:40 and is corrected at 19:15
at "2027-03-02 18:15"
for who in $people; do [ "$who" = thomas.berg ] || ok mark "$(group 1)" "$who@example.de" present; done
at "2027-03-02 18:30"
ok mark "$(group 1)" thomas.berg@example.de no-show
at "2027-03-02 19:15"
ok mark "$(group 1)" thomas.berg@example.de late 40

# week 2: Jonas does not come; the warning waits for the morning; on Thursday he brings a
# doctor's note: excused, and the warning sent is taken back once
at "2027-03-09 18:30"
for who in $people; do [ "$who" = jonas.keller ] || ok mark "$(group 2)" "$who@example.de" present; done
ok mark "$(group 2)" jonas.keller@example.de no-show
at "2027-03-11 12:00"
ok mark "$(group 2)" jonas.keller@example.de excused medical --note "doctor's note" --replace

# week 3: Lena cancels after the cutoff for a customer meeting
at "2027-03-16 12:00"
ok cancel "$(group 3)" lena.wolf@example.de --reason customer-meeting
at "2027-03-16 18:30"
for who in $people; do [ "$who" = lena.wolf ] || ok mark "$(group 3)" "$who@example.de" present; done

# week 4: Mia leaves the program on Friday; Thomas, her partner of 7 April, is left alone
at "2027-03-26 10:00"
ok participant withdraw vk mia.schulz@example.de
ok notices due vk
out_re "Thomas Berg +thomas.berg@example.de +coach-left-alone"

# week 6: the coach moves the group session an hour later
at "2027-04-08 09:00"
ok session edit "$(group 6)" --at "2027-04-13 19:00"

live_until "2027-04-27 09:00"
stop_server

# --- what reached people ------------------------------------------------------------
bodies
sent_kinds() {	# sent_kinds EMAIL: the kinds of notice sent to EMAIL, one a line, in order
	sql "SELECT o.kind FROM outbox o JOIN participant p ON p.id = o.participant_id
		WHERE p.email = '$1' AND o.state = 'sent' ORDER BY o.sent_at, o.id"
}
# no ladder notice before its review time: the morning after, 08:00
thomas=$(sent_kinds thomas.berg@example.de)
check '! echo "$thomas" | grep -qx warning' "the no-show corrected to a late arrival got a warning"
jonas_warned=$(sql "SELECT sent_at FROM outbox WHERE kind = 'warning' AND state = 'sent'
	AND participant_id = $(person jonas.keller@example.de)")
check '[ -n "$jonas_warned" ] && [ "$(local_of "$jonas_warned")" = "2027-03-10 08:00" ]' \
	"Jonas's warning did not go at 08:00 the morning after (sent $(local_of "${jonas_warned:-0}"))"
early=0
for t in $(sql "SELECT sent_at FROM outbox WHERE state = 'sent' AND step >= 0"); do
	hour=$(TZ=Europe/Berlin date -d "@$t" +%H)
	[ "$hour" -ge 8 ] || early=$((early + 1))
done
check '[ "$early" = 0 ]' "$early ladder notices went before 08:00"
# the warning taken back: one correction, after it
check '[ "$(sent_kinds jonas.keller@example.de | grep -cx correction)" = 1 ]' \
	"Jonas was not told once that his warning no longer stands"
check 'grep -A8 "^=== TO jonas.keller@example.de | .*we corrected" "$T/mail" | grep -q "warning"' \
	"the correction does not name the warning"

# the coach's digest: every Monday at 08:00, once, with the attendance report (the first
# on the Monday it was set, an hour after its time, for the week before the program)
digests=$(sql "SELECT sent_at FROM outbox WHERE kind = 'coach-digest' AND state = 'sent'
	AND to_addr = 'katrin@example.de' ORDER BY sent_at")
check '[ "$(echo "$digests" | grep -c .)" = 10 ]' "not one digest a week for the 10 Mondays"
check '[ "$(local_of "$(echo "$digests" | head -n1)")" = "2027-02-22 09:00" ]' \
	"the first digest did not go at the first run after it was set"
for t in $(echo "$digests" | tail -n +2); do
	check '[ "$(TZ=Europe/Berlin date -d "@$t" "+%a %H:%M")" = "Mon 08:00" ]' \
		"a digest went at $(local_of "$t"), not on Monday at 08:00"
done
check '[ "$(sql "SELECT count(*) FROM outbox WHERE kind = '"'coach-digest'"'
	AND instr(message, '"'application/pdf'"') > 0")" = 10 ]' "a digest lacks its PDF"

# the leaver: one confirmation, taking every session to come out of her calendar (the
# group sessions of weeks 5 to 8 and the practice of 7 April); her partner is told
check '[ "$(sent_kinds mia.schulz@example.de | grep -cx withdrawal-confirmed)" = 1 ]' \
	"Mia did not get one confirmation of her leaving"
cancels=$(/usr/bin/python3 - "$S" <<'PY'
import email, email.policy, glob, sys
for path in glob.glob(sys.argv[1] + "/mail-*.eml"):
    m = email.message_from_bytes(open(path, "rb").read(), policy=email.policy.default)
    if m["To"].addresses[0].addr_spec != "mia.schulz@example.de":
        continue
    for part in m.walk():
        if part.get_content_type() == "text/calendar" and \
                part.get_param("method", "").upper() == "CANCEL":
            print(part.get_content().count("BEGIN:VEVENT"))
PY
)
check '[ "$cancels" = 5 ]' "Mia's confirmation does not cancel her 5 sessions to come ($cancels)"
check '[ "$(sent_kinds thomas.berg@example.de | grep -cx partner-left)" = 1 ]' \
	"Thomas was not told his practice partner left"
# few messages: never two to one person in one run; at most a reminder a session, one
# message a change that concerns them, and the ladder
twice=$(sql "SELECT count(*) FROM (SELECT participant_id, sent_at FROM outbox
	WHERE state = 'sent' AND part_of IS NULL AND participant_id IS NOT NULL
	GROUP BY 1, 2 HAVING count(*) > 1)")
check '[ "$twice" = 0 ]' "$twice times someone got two messages from one run"
over=$(sql "SELECT count(*) FROM participant p WHERE
	(SELECT count(*) FROM outbox o WHERE o.participant_id = p.id AND o.state = 'sent'
	 AND o.part_of IS NULL) >
	(SELECT count(*) FROM expected e WHERE e.participant_id = p.id)
	+ (SELECT count(*) FROM session s WHERE s.kind = 'group')
	+ (SELECT count(DISTINCT o.change_key) FROM outbox o WHERE o.participant_id = p.id
	   AND o.state = 'sent' AND o.change_key IS NOT NULL
	   AND o.kind <> 'session-invitation')
	+ (SELECT count(*) FROM outbox o WHERE o.participant_id = p.id AND o.state = 'sent'
	   AND o.step >= 0) + 1")
check '[ "$over" = 0 ]' "$over people got more messages than a reminder a session, a change each and the ladder"
most=$(sql "SELECT max(n) FROM (SELECT count(*) n FROM outbox WHERE state = 'sent'
	AND part_of IS NULL AND participant_id IS NOT NULL GROUP BY participant_id)")
check '[ "$most" -le 16 ]' "someone got $most messages in 8 weeks (16 at most)"

finish
