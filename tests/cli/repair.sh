#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# repair.sh - a pairing mended after a withdrawal, through a real SMTP server on loopback:
# only the dates to come change, the one left alone joins a pair, and exactly the people
# whose partner changed are told (the pair joined, and the one moved); nobody else.
. "$top_srcdir/tests/cli/lib.sh"
cd "$T" || exit 1
smtp_setup

ok init
ok cohort add rp --name "Rotation" --coach "Cora Coach" --coach-email cora@example.com \
	--tz Europe/London
for who in "Ann A:ann" "Bo B:bo" "Cy C:cy" "Di D:di" "Ed E:ed" "Flo F:flo"; do
	ok participant add rp --name "${who%%:*}" --email "${who##*:}@example.com"
done
ok policy set rp invitations on
ok policy set rp notices.review none
# four dates, the first of them past: three pairs a date
ok session pairs rp --at "2026-11-18 10:00" --every week --count 4
start_server
ok notices run
mark_sent() { sql "SELECT coalesce(max(id), 0) FROM outbox" > "$T/seen"; }
# told: who has a notice planned since mark_sent, "email kind" a line, sorted
told() { sql "SELECT p.email || ' ' || o.kind FROM outbox o JOIN participant p
	ON p.id = o.participant_id WHERE o.id > $(cat "$T/seen") ORDER BY 1"; }
mark_sent
# partners: session N's people now, "a@x,b@y"
partners() { sql "SELECT group_concat(email, ',') FROM (SELECT p.email FROM expected e
	JOIN participant p ON p.id = e.participant_id JOIN session s ON s.id = e.session_id
	WHERE s.number = $1 ORDER BY p.email)"; }
before_past=$(sql "SELECT group_concat(s.number || ':' || e.participant_id) FROM session s
	JOIN expected e ON e.session_id = s.id WHERE s.starts_at < strftime('%s', '2026-11-22')")

# Bo leaves: Bo's partners hear it (as any withdrawal tells them)
export SHOWUP_NOW="2026-11-22T01:00:00Z"
ok participant withdraw rp bo@example.com
ok notices run
mark_sent

# the coach mends the pairing: a move on each of the three dates to come
export SHOWUP_NOW="2026-11-22T02:00:00Z"
ok session repair rp:1
check '[ "$(grep -c " moves from session rp:" "$T/out")" = 3 ]' "not one move on each date to come"
no_out "2026-11-18"
cp "$T/out" "$T/moves"
check '[ "$(sql "SELECT group_concat(s.number || '"':'"' || e.participant_id) FROM session s
	JOIN expected e ON e.session_id = s.id WHERE s.starts_at < strftime('"'%s'"', '"'2026-11-22'"')")" = "$before_past" ]' \
	"the past date's pairs changed"
# each date to come: everyone still in the program on exactly one session, Bo's partner in a trio
for d in 2026-11-25 2026-12-02 2026-12-09; do
	check '[ "$(sql "SELECT count(*) || '"'/'"' || count(DISTINCT e.participant_id) FROM expected e
		JOIN session s ON s.id = e.session_id JOIN participant p ON p.id = e.participant_id
		WHERE p.status = '"'active'"' AND date(s.starts_at, '"'unixepoch'"') = '"'$d'"'")" = 5/5 ]' \
		"on $d not everyone still in is on exactly one session"
done
# who is told: for each move, the mover (their place moved) and the two joined; no one else
want=$(while read -r _ _ _ _ who _ _ _ from _ to; do
	n=${to#rp:}
	for p in $(partners "$n" | tr , ' '); do
		[ "$p" = "$who" ] && echo "$p place-removed" && echo "$p session-invitation" ||
			{ [ "$p" != bo@example.com ] && echo "$p partner-added"; }
	done
done < "$T/moves" | sort)
ok notices plan rp
got=$(told)
check '[ -n "$want" ] && [ "$got" = "$want" ]' "the mending did not tell exactly those whose partner changed:
got:
$got
want:
$want"
check '[ "$(told | grep -c partner-added)" = 6 ]' "not two people a date told who joins them"
ok notices run
ok notices plan rp
out "rp: 0 notices planned"
# mended already: again, nothing moves and nobody hears
ok session repair rp:5
out "rp: nobody is left alone in the pairing of session rp:5"
ok notices plan rp
out "rp: 0 notices planned"
# the rest of the pairing moved a day on from its last date (--and-later): each of the
# five still in is told of their session's move, once, and nobody of an earlier date
export SHOWUP_NOW="2026-11-22T03:00:00Z"
mark_sent
last=$(sql "SELECT min(number) FROM session WHERE date(starts_at, 'unixepoch') = '2026-12-09'")
ok session edit "rp:$last" --at "2026-12-10 11:00" --and-later
check '[ "$(grep -c " moved from Wed 2026-12-09 10:00 to Thu 2026-12-10 11:00" "$T/out")" = 3 ]' \
	"--and-later did not move the three sessions of the last date"
ok notices plan rp
check '[ "$(told)" = "$(printf "%s session-moved\n" ann@example.com cy@example.com di@example.com \
	ed@example.com flo@example.com)" ]' "the move of the last date was not told to its five, once each"
# trios: two of one trio leave, the one left joins the other trio (there is no pair)
ok cohort add rt --name "Trios" --coach "Cora Coach" --coach-email cora@example.com --tz UTC
for k in 1 2 3 4 5 6; do ok participant add rt --name "T $k" --email "t$k@example.com"; done
ok session pairs rt --at "2026-12-01 10:00" --size 3
gone=$(sql "SELECT group_concat(p.email, ' ') FROM (SELECT e.participant_id FROM expected e
	JOIN session s ON s.id = e.session_id JOIN cohort c ON c.id = s.cohort_id
	WHERE c.slug = 'rt' AND s.number = 1 ORDER BY e.participant_id LIMIT 2) x
	JOIN participant p ON p.id = x.participant_id")
for who in $gone; do ok participant withdraw rt "$who"; done
ok session repair rt:1
out "moves from session rt:1 to rt:2"
check '[ "$(sql "SELECT count(*) FROM expected e JOIN session s ON s.id = e.session_id
	JOIN cohort c ON c.id = s.cohort_id WHERE c.slug = '"'rt'"' AND s.number = 2")" = 4 ]' \
	"the one left of a trio did not join the other trio"
# a session of no pairing
ok session add rp --at "2026-12-20 10:00"
before=$(db_state)
fails 1 session repair rp:13
err "session rp:13 is no practice session of a pairing"
same_db "$before"
finish
