#!/bin/sh
# tell.sh - telling people what concerns them, through a real SMTP server on loopback:
# change notices once each to exactly the right people, superseded ones withdrawn,
# one reminder when planning runs late, held notices never sent, notices run twice.
. "$top_srcdir/tests/cli/lib.sh"
cd "$T" || exit 1
smtp_setup

ok init
ok cohort add tell --name "Tell" --coach "Cora Coach" --coach-email cora@example.com \
	--tz Europe/London
for who in "Ann Early:ann" "Bo Busy:bo" "Cy Calm:cy"; do
	ok participant add tell --name "${who%%:*}" --email "${who##*:}@example.com"
done
ok session add tell --at "2026-11-25 09:00" --title "Pricing"
ok session add tell --at "2026-11-26 10:00" --kind practice --with ann@example.com \
	--with bo@example.com
ok session add tell --at "2026-11-27 09:00"
ok session add tell --at "2026-11-28 09:00"
start_server

# nothing to do: silent, exit 0, nothing sent
same_notices tell
ok notices run
out_only ""
check '[ "$(total)" = 0 ]' "a run with nothing to do sent mail"

# moved twice, called off and back, called off, a partner cancels: one batch
ok session edit tell:1 --at "2026-11-25 11:00"
ok session edit tell:1 --at "2026-11-25 14:00"
ok session cancel tell:3
same_notices tell
ok notices due tell
out "session-cancelled"
ok session uncancel tell:3
ok session cancel tell:4
ok cancel tell:2 bo@example.com --reason travel
same_notices tell
ok notices due tell
out_re "Ann Early +ann@example.com +partner-cancelled"
no_out "session 3"
same_notices tell
ok notices run
out "tell: 7 notices planned, 0 withdrawn"
out "sent 3, to retry 0, failed 0, unknown 0"	# one message each, however many notices
check '[ "$(received ann@example.com)" = 1 ] && [ "$(received bo@example.com)" = 1 ] &&
	[ "$(received cy@example.com)" = 1 ]' "not one message each to Ann, Bo and Cy"
bodies
check '[ "$(grep -c "^=== TO ann@example.com | Tell: 3 changes to your sessions$" "$T/mail")" = 1 ] &&
	[ "$(grep -c "^=== TO .*| Tell: 2 changes to your sessions$" "$T/mail")" = 2 ]' \
	"the subjects do not count the changes in each message"
check '[ "$(grep -c "^The session \"Pricing\" has changed. It is now:" "$T/mail")" = 3 ] &&
	[ "$(grep -c "^  Wednesday.s group session, 25 Nov 14:00 (Europe/London time), 60 minutes" "$T/mail")" = 3 ]' \
	"the move is not told once each, with its last time"
check 'grep -q "(it was at Wed 2026-11-25 09:00)" "$T/mail" && ! grep -q "11:00" "$T/mail"' \
	"the move is not told against the time people knew"
check '[ "$(grep -c "^I have to call off Saturday.s group session, 28 Nov 09:00" "$T/mail")" = 3 ]' \
	"the calling-off is not told to all three"
check '! grep -q "Friday.s group session, 27 Nov" "$T/mail"' "a calling-off undone before the batch was told"
check '[ "$(grep -c "has told me they cannot come" "$T/mail")" = 1 ]' \
	"the partner's cancellation is not told to Ann alone"
check 'grep -q "^Bo Busy has told me they cannot come to your practice session, Thu 26 Nov 10:00" "$T/mail"' \
	"the partner's notice does not name Bo"
check '[ "$(grep -c "^Hi Ann," "$T/mail")" = 1 ] && [ "$(grep -c "^Cora Coach" "$T/mail")" = 3 ]' \
	"a message of several notices does not greet once and sign once"

# the second run in a row sends nothing and exits 0
same_notices tell
ok notices run
out_only ""
check '[ "$(total)" = 3 ]' "the second run sent mail"

# a move made and undone before the batch tells nothing; a later move tells again
ok session edit tell:1 --at "2026-11-25 16:00"
ok session edit tell:1 --at "2026-11-25 14:00"
same_notices tell
ok notices run
out_only ""
ok session edit tell:1 --at "2026-11-25 15:00"
ok session edit tell:1 --at "2026-11-25 14:00"
ok session edit tell:1 --at "2026-11-25 16:00"
same_notices tell
ok notices run
out "sent 3,"
bodies
check 'grep -q "(it was at Wed 2026-11-25 14:00)" "$T/mail"' "the second move is not told against 14:00"

# a change of length or place is told too, against what people knew; one undone tells nothing
ok session edit tell:3 --location "Room 9"
ok session edit tell:3 --location ""
same_notices tell
ok notices run
out_only ""
ok session edit tell:3 --minutes 90 --location "Room 9"
same_notices tell
ok notices run
out "sent 3,"
bodies
check '[ "$(grep -c "^=== TO .*| Tell: Friday'"'"'s group session, 27 Nov 09:00 has changed$" "$T/mail")" = 3 ]' \
	"the change of length and place is not told to all three"
check 'grep -q "(it was 60 minutes long)" "$T/mail" &&
	grep -q "Friday.s group session, 27 Nov 09:00 (Europe/London time), 90 minutes, Room 9" "$T/mail"' \
	"the change does not say what it was and what it is"

# planned late: of 2d and 2h both due, one reminder; the cutoff shown with its zone
ok policy set tell reminders 2d,2h,20m
export SHOWUP_NOW="2026-11-25T14:30:00Z"	# 90 minutes before session 1
same_notices tell
ok notices due tell
out_re "Cy Calm +cy@example.com +session-reminder +session 1, 2h ahead"
no_out "session 1, 2d ahead"
same_notices tell
ok notices run
check '[ "$(sql "SELECT group_concat(DISTINCT offset_minutes) FROM outbox
	WHERE kind = '"'session-reminder'"' AND session_id = 1")" = 120 ]' \
	"not only the reminder closest to the start was planned"
check '[ "$(sql "SELECT count(*) FROM outbox WHERE kind = '"'session-reminder'"'
	AND session_id = 1")" = 3 ]' "not one reminder each for session 1"
bodies
check 'grep -q "The time to cancel in good time (Tue 2026-11-24 18:00 (Europe/London)) has passed" "$T/mail"' \
	"a late reminder does not say the cutoff has passed, with its zone"
check 'grep -q "tell me before Wed 2026-11-25 18:00 (Europe/London)" "$T/mail"' \
	"the practice reminder does not give its cutoff with the zone"
check 'grep -q "so your partner does not prepare for nothing" "$T/mail"' \
	"the practice reminder speaks as for a group"
# within 30 minutes of the start, no reminder (the 20m one never goes)
SHOWUP_NOW="2026-11-25T15:41:00Z" run notices run
out_only ""

# held notices never go, however often run runs; dropped ones never come back
ok notices hold --cohort tell
out "0 planned notices held"
ok session cancel tell:1 --at "2026-11-25T15:50:00Z"
SHOWUP_NOW="2026-11-25T15:50:00Z" ok notices plan tell
out "3 notices planned"
ok notices hold --participant ann@example.com
out "1 planned notice held"
ok notices hold --cohort tell
out "2 planned notices held"
before=$(total)
for i in 1 2 3 4 5; do ok notices run; done
check '[ "$(total)" = "$before" ]' "a held notice was sent"
ok notices list tell --state pending
check '[ "$(grep -c " held " "$T/out")" = 3 ]' "notices list does not show three held"
id=$(sql "SELECT id FROM outbox WHERE kind = 'session-cancelled' AND participant_id = 2
	AND state = 'pending'")
ok notices drop "$id" --reason "told Bo on the phone"
out "notice $id withdrawn"
fails 2 notices drop "$id"
err "say why with --reason TEXT"
fails 1 notices drop "$id" --reason "again"
err "no unsent notice $id in the outbox"
ok notices release --cohort tell
out "2 planned notices released"
ok notices release --participant ann@example.com	# her own hold holds what comes next
out "0 planned notices released; ann@example.com's notices are planned again"
same_notices tell
ok notices run
out "sent 2,"
# Bo: the first batch, the second move, the change of session 3, the reminders of sessions
# 1 and 3 together; not the dropped calling-off (Ann and Cy have theirs)
bodies
check '[ "$(received bo@example.com)" = 4 ] && [ "$(awk "/^=== TO /{ to = \$3 }
	/^I have to call off Wednesday.s group session, 25 Nov 16:00,/{ print to }" "$T/mail" | sort | tr "\n" " ")" = "ann@example.com cy@example.com " ]' \
	"the dropped notice went to Bo ($(received bo@example.com) messages)"
same_notices tell
ok notices run
out_only ""
ok log tell
out "notice drop"
out "withdrawn: told Bo on the phone"
out "notice hold"
out "notice release"
fails 2 notices hold
err "give one notice (ID), or --participant EMAIL, or --cohort SLUG"

# a place moved on request: confirmed to the one who asked, against the time left
ok session add tell --at "2026-12-01 09:00" --kind practice --with cy@example.com \
	--with bo@example.com
ok session add tell --at "2026-12-02 09:00" --kind practice --with ann@example.com
ok session add tell --at "2026-12-03 10:00" --kind coaching --with bo@example.com
ok reschedule tell:5 cy@example.com --to tell:6
ok reschedule tell:7 bo@example.com --at "2026-12-04 15:00"
# a pair moved to a new time: the partner moves along, and hears whose request it was
ok session add tell --at "2026-12-05 09:00" --kind practice --with ann@example.com \
	--with bo@example.com
ok policy set tell reschedule.pairs on	# else refused: exits.sh
ok reschedule tell:8 ann@example.com --at "2026-12-06 09:00"
same_notices tell
ok notices run
out "tell: 5 notices planned"	# and Bo hears Cy left session 5
bodies
check 'grep -q "^=== TO cy@example.com | Tell: moved to practice with Ann, Wed 2 Dec 09:00$" "$T/mail" &&
	grep -q "^Done: your place has moved from Tue 2026-12-01 09:00 to" "$T/mail"' \
	"Cy's new place is not confirmed against the one she left"
# Bo's three notices in one message: his 1:1 moved, the pair moved along, Cy gone from 5
check 'grep -q "^=== TO bo@example.com | Tell: 3 changes to your sessions$" "$T/mail" &&
	grep -q "^  your 1:1 with Cora on Fri 4 Dec 15:00 (Europe/London time)" "$T/mail"' \
	"Bo's moved 1:1 is not confirmed"
check '[ "$(grep -c "^Done: your place has moved\|asked me to move your practice session" "$T/mail")" = 4 ]' \
	"a moved place was told to someone else"
check 'grep -q "^  practice with Ann, Sun 6 Dec 09:00 (Europe/London time)" "$T/mail" &&
	grep -q "^Ann [A-Za-z]* asked me to move your practice session, and your place moves with it from Sat 2026-12-05 09:00 to" "$T/mail"' \
	"the partner moved along is not told whose request it was"
check '[ "$(sql "SELECT count(*) FROM reschedule WHERE moved_with IS NOT NULL")" = 1 ]' \
	"the partner's move is not noted as someone else's request"
# Bo's 1:1 moved back (unmark) after he heard of the move: he is told it is back
ok unmark tell:7 bo@example.com
same_notices tell
ok notices run
out "tell: 1 notice planned"
bodies
check 'grep -q "^=== TO bo@example.com | Tell: moved to your 1:1 with Cora on Thu 3 Dec 10:00$" "$T/mail" &&
	grep -q "^Done: your place has moved from Fri 2026-12-04 15:00 to" "$T/mail"' \
	"the 1:1 moved back was not told against the time Bo heard of"
check 'grep -q "^Cy Calm has told me they cannot come to your practice session, Tue 1 Dec 09:00" "$T/mail"' \
	"Bo is not told that Cy left their practice session"
stop_server

# via = sendmail in the config: notices send needs no --via
printf '#!/bin/sh\ncat >> "%s/sendmail.out"\n' "$T" > "$T/fake-sendmail"
chmod +x "$T/fake-sendmail"
printf 'via = sendmail\n[sendmail]\ncommand = %s\n' "$T/fake-sendmail" \
	> "$XDG_CONFIG_HOME/showup/config"
ok session edit tell:2 --at "2026-11-26 12:00"
same_notices tell
ok notices plan tell
ok notices send tell
out "sent 1,"
check 'grep -q "^Subject: Tell: new time: your practice session, Thu 26 Nov 12:00" "$T/sendmail.out"' \
	"via = sendmail in the config was not honoured"
printf 'via = pigeon\n' > "$XDG_CONFIG_HOME/showup/config"
fails 1 notices send tell
err "config:1: via is 'smtp' or 'sendmail', not 'pigeon'"
finish
