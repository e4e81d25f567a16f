#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# series.sh - a program planned in one go: a weekly series across the change of summer
# time, a holiday left out, the dates listed before anything is added, and every way to
# ask for one wrongly (nothing half-added).
. "$top_srcdir/tests/cli/lib.sh"

ok init
ok cohort add vk --name "Vertrieb" --coach "Katrin Vogel" --coach-email katrin@example.de \
	--tz Europe/Berlin
ok participant add vk --name "Ana Ortiz" --email ana@example.com
ok participant add vk --name "Ben Li" --email ben@example.com

# the dry run lists each date with its weekday, adds nothing
before=$(db_state)
ok session add vk --at "2027-10-12 18:00" --every week --count 4 --dry-run
out "would add vk, group Tue 2027-10-12 18:00, 60 min"
out "would add vk, group Tue 2027-11-02 18:00, 60 min"
check '[ "$(grep -c "would add" "$T/out")" = 4 ]' "the dry run does not list four dates"
same_db "$before"

# eight Tuesdays at 18:00 Berlin time across the end of summer time (31 October)
ok session add vk --at "2027-10-12 18:00" --every week --count 8 --title Gruppe
out "added session vk:1, group Tue 2027-10-12 18:00, 60 min"
out "added session vk:8, group Tue 2027-11-30 18:00, 60 min"
check '[ "$(sql "SELECT count(*) FROM session")" = 8 ]' "the series is not 8 sessions"
utc_times=$(sql "SELECT strftime('%H:%M', starts_at, 'unixepoch') FROM session
	WHERE number IN (3, 4) ORDER BY number" | tr '\n' ' ')
check '[ "$utc_times" = "16:00 17:00 " ]' \
	"the series did not keep 18:00 local across the change of summer time ($utc_times)"
ok session list vk
check '[ "$(grep -c "18:00" "$T/out")" = 8 ]' "session list does not show 18:00 eight times"

# the series moved from its second session on: a day later at 19:00 local, on either side
# of the change of summer time; the first stays, each move is recorded to be told
ok session edit vk:2 --at "2027-10-20 19:00" --and-later
out "session vk:2 moved from Tue 2027-10-19 18:00 to Wed 2027-10-20 19:00"
out "session vk:8 moved from Tue 2027-11-30 18:00 to Wed 2027-12-01 19:00"
moved=$(sql "SELECT group_concat(number || '@' || strftime('%w %H:%M', starts_at, 'unixepoch'), ',')
	FROM (SELECT * FROM session WHERE number <= 8 ORDER BY number)")
check '[ "$moved" = "1@2 16:00,2@3 17:00,3@3 17:00,4@3 18:00,5@3 18:00,6@3 18:00,7@3 18:00,8@3 18:00" ]' \
	"--and-later did not move the series from vk:2 on to Wednesdays 19:00 local ($moved)"
check '[ "$(sql "SELECT count(*) FROM session_move")" = 7 ]' "not one move recorded for each of vk:2..8"
# from a later one on, only what follows moves: vk:5 a day back, same time of day
ok session edit vk:5 --at "2027-11-09 19:00" --and-later
check '[ "$(sql "SELECT count(*) FROM session_move")" = 11 ]' "vk:5..8 were not the only ones moved"
check '[ "$(sql "SELECT strftime('"'"'%w'"'"', starts_at, '"'"'unixepoch'"'"') FROM session WHERE number = 4")" = 3 ]' \
	"vk:4 moved with vk:5 --and-later"
# the end of the series called off from vk:7 on; vk:6 held
ok session cancel vk:7 --and-later --at "2027-10-01 10:00"
out "session vk:7 cancelled in good time"
out "session vk:8 cancelled in good time"
check '[ "$(sql "SELECT group_concat(number) FROM session WHERE cancelled_at IS NOT NULL")" = "7,8" ]' \
	"--and-later did not cancel just vk:7 and vk:8"
ok session uncancel vk:7
ok session uncancel vk:8
# a session of no series has no later ones; --and-later names no one's people
ok session add vk --at "2027-12-24 09:00" --title Einzeln
before=$(db_state)
fails 1 session edit vk:9 --at "2027-12-24 10:00" --and-later
err "session vk:9 is not one of a series"
fails 1 session cancel vk:9 --and-later
fails 2 session edit vk:2 --and-later --with ana@example.com
same_db "$before"
ok session delete vk:9

# practice pairs every two weeks until a day, a holiday left out: the count holds by date
ok session add vk --kind practice --with ana@example.com --with ben@example.com \
	--at "2027-12-01 19:00" --every 2weeks --until 2028-01-26 --skip 2027-12-29
check '[ "$(sql "SELECT count(*) FROM session WHERE kind = '"'"'practice'"'"'")" = 4 ]' \
	"the practice series is not 4 sessions (5 dates less the holiday)"
ok session list vk
no_out "2027-12-29"
out "2028-01-26"
# a weekly series of a given count with a holiday keeps its count: the hole moves it on
ok session add vk --at "2028-03-07 10:00" --every week --count 3 --skip 2028-03-14 --title Klinik
out "added session vk:13, group Tue 2028-03-07 10:00"
out "added session vk:14, group Tue 2028-03-21 10:00"
out "added session vk:15, group Tue 2028-03-28 10:00"

# refused, nothing added
before=$(db_state)
fails 2 session add vk --at "2028-05-02 18:00" --count 3
err "--count, --until and --skip make a series: give --every day|week|2weeks"
fails 2 session add vk --at "2028-05-02 18:00" --every month --count 3
err "--every: 'month' is not day, week or 2weeks"
fails 2 session add vk --at "2028-05-02 18:00" --every week
err "--every needs one of --count N or --until DATE"
fails 2 session add vk --at "2028-05-02 18:00" --every week --count 2 --until 2028-06-01
fails 2 session add vk --at "2028-05-02 18:00" --every week --count 0
fails 1 session add vk --at "2028-05-02 18:00" --every week --count 3 --skip 2028-05-03
err "--skip: no session of the series falls on that day"
fails 1 session add vk --at "2028-05-02 18:00" --every week --until 2028-05-01
err "--until: the series would end before its first session"
fails 2 session add vk --at "2028-05-02 18:00" --every day --count 400
fails 1 session add vk --at "2028-05-02 18:00" --every week --until 2028-13-01
# one bad session in a series adds none of it (a practice session needs its people)
fails 1 session add vk --at "2028-05-02 18:00" --kind practice --every week --count 3
same_db "$before"

# practice pairs that rotate: 12 people over 11 weeks meet every partner exactly once
ok cohort add pp --name "Pairs" --coach "Cora Coach" --coach-email cora@example.com \
	--tz Europe/Berlin
for k in $(seq 1 12); do ok participant add pp --name "Person $k" --email "p$k@example.com"; done
before=$(db_state)
ok session pairs pp --at "2027-09-01 19:00" --every week --count 11 --dry-run
check '[ "$(grep -c "^would pair" "$T/out")" = 11 ]' "the dry run does not list 11 dates"
out "would pair Wed 2027-09-01 19:00: "
same_db "$before"
ok session pairs pp --at "2027-09-01 19:00" --every week --count 11 --title Übung
check '[ "$(sql "SELECT count(*) FROM session s JOIN cohort c ON c.id = s.cohort_id
	WHERE c.slug = '"'"'pp'"'"' AND s.kind = '"'"'practice'"'"'")" = 66 ]' "not 6 pairs a week for 11 weeks"
# every two of the twelve: exactly one session together; nobody twice in one week
met=$(sql "SELECT count(*) FROM (SELECT a.participant_id x, b.participant_id y, count(*) n
	FROM expected a JOIN expected b ON a.session_id = b.session_id
	AND a.participant_id < b.participant_id JOIN session s ON s.id = a.session_id
	JOIN cohort c ON c.id = s.cohort_id WHERE c.slug = 'pp' GROUP BY 1, 2) WHERE n = 1")
check '[ "$met" = 66 ]' "the 66 pairs of twelve people did not each meet exactly once ($met)"
twice=$(sql "SELECT count(*) FROM (SELECT e.participant_id, s.starts_at FROM expected e
	JOIN session s ON s.id = e.session_id JOIN cohort c ON c.id = s.cohort_id
	WHERE c.slug = 'pp' GROUP BY 1, 2 HAVING count(*) > 1)")
check '[ "$twice" = 0 ]' "someone has two practice sessions in one week"
# thirteen: one trio a week, its third a different person each week
ok participant add pp --name "Person 13" --email p13@example.com
ok session pairs pp --at "2028-01-05 19:00" --every week --count 13
trios=$(sql "SELECT count(*) FROM (SELECT s.id FROM session s JOIN expected e ON e.session_id = s.id
	WHERE s.starts_at >= strftime('%s', '2028-01-01') GROUP BY s.id HAVING count(*) = 3)")
check '[ "$trios" = 13 ]' "13 people over 13 weeks did not make one trio a week ($trios)"
# the whole table of the thirteen: every two met, none more than twice (with the trio's third)
pairs13="SELECT a.participant_id x, b.participant_id y, count(*) n FROM expected a
	JOIN expected b ON a.session_id = b.session_id AND a.participant_id < b.participant_id
	JOIN session s ON s.id = a.session_id JOIN cohort c ON c.id = s.cohort_id WHERE c.slug = 'pp'
	AND s.starts_at >= strftime('%s', '2028-01-01') AND s.starts_at < strftime('%s', '2028-06-01')
	GROUP BY 1, 2"
check '[ "$(sql "SELECT count(*), max(n), sum(n) FROM ($pairs13)")" = "78|2|104" ]' \
	"13 people over 13 weeks: not all 78 pairs met, each once and with the third twice"
# trios (--size 3) for the thirteen: four groups a week (a trio and two pairs at 13),
# everyone once a week, nobody with anyone again in the first four weeks
ok session pairs pp --at "2028-09-06 19:00" --every week --count 4 --size 3
out "paired Wed 2028-09-06 19:00: "
sizes=$(sql "SELECT group_concat(k, ',') FROM (SELECT count(*) k FROM session s JOIN expected e
	ON e.session_id = s.id WHERE s.starts_at >= strftime('%s', '2028-09-01') GROUP BY s.id
	ORDER BY s.starts_at, k) ")
check '[ "$sizes" = "2,2,3,3,3,2,2,3,3,3,2,2,3,3,3,2,2,3,3,3" ]' "--size 3 did not make 3 trios and 2 pairs a week ($sizes)"
trio_again=$(sql "SELECT count(*) FROM (SELECT a.participant_id, b.participant_id FROM expected a
	JOIN expected b ON a.session_id = b.session_id AND a.participant_id < b.participant_id
	JOIN session s ON s.id = a.session_id WHERE s.starts_at >= strftime('%s', '2028-09-01')
	GROUP BY 1, 2 HAVING count(*) > 1)")
check '[ "$trio_again" = 0 ]' "two of the thirteen met twice in four weeks of trios"
fails 2 session pairs pp --at "2028-09-06 19:00" --size 4
err "--size takes 2 (pairs) or 3 (trios), not '4'"
# kept apart: p1 and p2 never together in the first weeks
together() { grep -cE "Person 1 & Person 2([;& ]|$)|Person 2 & Person 1([;& ]|$)" "$T/out"; }
ok session pairs pp --at "2028-06-07 19:00" --every week --count 13 --dry-run
check '[ "$(together)" -ge 1 ]' "Person 1 and 2 never meet in a full round-robin"
ok session pairs pp --at "2028-06-07 19:00" --every week --count 8 --avoid p1@example.com,p2@example.com --dry-run
check '[ "$(together)" = 0 ]' "--avoid did not keep Person 1 and 2 apart"
fails 1 session pairs pp --at "2028-06-07 19:00" --every week --count 13 \
	--avoid p1@example.com,p2@example.com
err "--avoid: only"
fails 1 session pairs pp --at "2028-06-07 19:00" --avoid p1@example.com,nobody@example.com
err "--avoid: 'p1@example.com,nobody@example.com' does not name two active participants"
ok cohort add solo --name "Solo" --coach "Cora Coach" --coach-email cora@example.com --tz UTC
ok participant add solo --name "Only One" --email one@example.com
fails 1 session pairs solo --at "2028-06-07 19:00"
err "too few to pair"

# an optional session (a make-up): nobody expected, who came shows, nobody's absence counts
ok cohort add op --name "Optional" --coach "Cora Coach" --coach-email cora@example.com --tz UTC
ok participant add op --name "Ana Ortiz" --email ana@example.com
ok participant add op --name "Ben Li" --email ben@example.com
ok participant add op --name "Cy Park" --email cy@example.com
ok session add op --at "2026-11-02 10:00"
ok session add op --at "2026-11-09 10:00" --optional --title "Make-up"
out "added session op:2, optional group Mon 2026-11-09 10:00, 60 min"
for who in ana ben cy; do ok mark op:1 $who@example.com present; done
ok mark op:2 ana@example.com present
ok mark op:2 cy@example.com late 40
ok mark op:2 ben@example.com no-show
out "op:2 ben@example.com: no-show -> not_expected"
check '[ "$(sql "SELECT fact FROM attendance a JOIN session s ON s.id = a.session_id
	JOIN participant p ON p.id = a.participant_id WHERE s.number = 2 AND p.email = '"'"'ben@example.com'"'"'")" = absent ]' \
	"the absence at the optional session was not recorded"
ok attendance show op
out_re "^participant +email +1 +2\*$"
out_re "^Ana Ortiz +ana@example\.com +P +P$"
out_re "^Ben Li +ben@example\.com +P +\.$"
out_re "^Cy Park +cy@example\.com +P +L$"
out "* optional: nobody expected"
ok status op
out_re "^Ben Li +ben@example\.com +1 +1 +100% +100% +0 "
out_re "^Cy Park +cy@example\.com +1 +1 +100% +100% +0 "
ok session list op
out_re "^2 .* group \(optional\) .* Make-up +0 +held$"
ok report attendance op --output "$T/op.pdf"
check 'pdftotext -layout "$T/op.pdf" - | grep -q "optional: nobody expected"' \
	"the attendance report does not mark the optional session"
# the control: the same record at a session that expects gives Ben a no-show's points
ok session add op --at "2026-11-16 10:00"
ok mark op:3 ben@example.com no-show
ok status op
out_re "^Ben Li +ben@example\.com +2 +1 +50% +50% +[1-9]"

# session import reads an optional column, and changes it on a second import
printf 'number,start,title,optional\n4,2026-11-23 10:00,Clinic,yes\n5,2026-11-30 10:00,Group,no\n' > "$T/op.csv"
ok session import op "$T/op.csv"
check '[ "$(sql "SELECT group_concat(s.number || '"'"'='"'"' || s.optional) FROM session s JOIN cohort c
	ON c.id = s.cohort_id WHERE c.slug = '"'"'op'"'"' AND s.number >= 4")" = "4=1,5=0" ]' \
	"session import did not read the optional column"
printf 'number,optional\n4,no\n' > "$T/op2.csv"
ok session import op "$T/op2.csv" --dry-run
out "optional"
ok session import op "$T/op2.csv"
check '[ "$(sql "SELECT s.optional FROM session s JOIN cohort c ON c.id = s.cohort_id
	WHERE c.slug = '"'"'op'"'"' AND s.number = 4")" = 0 ]' "session import did not change optional"
printf 'number,optional\n4,perhaps\n' > "$T/op3.csv"
before=$(db_state)
fails 1 session import op "$T/op3.csv"
err "optional: 'perhaps' is not yes or no"
same_db "$before"

finish
