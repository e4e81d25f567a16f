#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# bench.sh - `make bench`: import a generated 1,000,000-row attendance file with
# showup and, in the same run, with the sqlite3 shell's .import into a bare table;
# print both times, their ratio and showup's peak memory. Then the commands that
# read a cohort (export, show, status, reports), the practice pairs and the notices, each figure beside
# its goal in /work/shared/targets.md and MISS where it falls short; memory goals are
# peaks, by /usr/bin/time. Last, the web roll call under load and under siege (serve.sh:
# serve_load.py, serve_siege.py). Takes some
# 15 minutes on 2 cores.
set -eu
: "${SHOWUP:?}"
SQLITE3=${SQLITE3:-sqlite3}
PEOPLE=${BENCH_PEOPLE:-2000}
SESSIONS=${BENCH_SESSIONS:-500}
. "$(dirname "$0")/lib.sh"

"$SHOWUP" init >/dev/null
echo "generating $PEOPLE participants x $SESSIONS sessions..."
/usr/bin/python3 "$here/gen.py" "$dir" "$PEOPLE" "$SESSIONS"
rows=$(($(wc -l < "$dir/attendance.csv") - 1))
size=$(du -h "$dir/attendance.csv" | cut -f1)
"$SHOWUP" cohort import "$dir/cohort.csv" >/dev/null
"$SHOWUP" participant import bench "$dir/participants.csv" >/dev/null
"$SHOWUP" session import bench "$dir/sessions.csv" >/dev/null

cp "$SHOWUP_DB" "$dir/fresh.db"
t_showup=$(seconds "$SHOWUP" attendance import bench "$dir/attendance.csv")
rss=$(cat "$dir/rss")
# the same rows as Excel saves them in Germany: Windows-1252 and ';', found by sniffing
/usr/bin/python3 - "$dir/attendance.csv" "$dir/attendance-de.csv" <<'PY'
import csv, sys
with open(sys.argv[1], newline="", encoding="utf-8") as src, \
        open(sys.argv[2], "w", newline="", encoding="cp1252") as dst:
    w = csv.writer(dst, delimiter=";", lineterminator="\r\n")
    for n, row in enumerate(csv.reader(src)):
        if n > 0 and row[-1]:
            row[-1] = "Ärztin, ganzer Tag – krank"  # text to convert, as a German coach writes it
        w.writerow(row)
PY
t_sniffed=$(SHOWUP_DB="$dir/fresh.db" seconds "$SHOWUP" attendance import bench "$dir/attendance-de.csv")
sniffed_rss=$(cat "$dir/rss")
t_sqlite=$(seconds "$SQLITE3" "$dir/bare.db" ".mode csv" ".import $dir/attendance.csv attendance")
t_again=$(seconds "$SHOWUP" attendance import bench "$dir/attendance.csv")
t_export=$(seconds "$SHOWUP" attendance export bench -o "$dir/export.csv")
t_backup=$(seconds "$SHOWUP" backup "$dir/backup.db")
backup_rss=$(cat "$dir/rss")
export_rss=$(cat "$dir/rss")
# attendance show and status on an empty cohort: what the program takes before any cell
printf 'slug,name,coach,coach_email,time_zone\nempty,Empty,Bea Bench,bea@example.com,Australia/Sydney\n' \
	> "$dir/empty.csv"
"$SHOWUP" cohort import "$dir/empty.csv" >/dev/null
seconds "$SHOWUP" attendance show empty >/dev/null
show_empty_rss=$(cat "$dir/rss")
seconds "$SHOWUP" status empty >/dev/null
status_empty_rss=$(cat "$dir/rss")

# the export of three times as many records (3,000,000 at the default sizes), and the
# sqlite3 shell writing the same rows (joined with their session and participant) as
# CSV; its daily sessions run into 2028, so for this cohort it is later
mkdir -p "$dir/b3"
/usr/bin/python3 "$here/gen.py" "$dir/b3" "$PEOPLE" $((SESSIONS * 3)) bench3
"$SHOWUP" cohort import "$dir/b3/cohort.csv" >/dev/null
"$SHOWUP" participant import bench3 "$dir/b3/participants.csv" >/dev/null
"$SHOWUP" session import bench3 "$dir/b3/sessions.csv" >/dev/null
SHOWUP_NOW=2031-01-01T00:00:00Z "$SHOWUP" attendance import bench3 "$dir/b3/attendance.csv" \
	>/dev/null
rm -f "$dir/b3/attendance.csv"
rows3=$("$SQLITE3" "$SHOWUP_DB" "SELECT count(*) FROM attendance a JOIN session s
    ON s.id = a.session_id JOIN cohort c ON c.id = s.cohort_id WHERE c.slug = 'bench3'")
t_export3=$(SHOWUP_NOW=2031-01-01T00:00:00Z seconds "$SHOWUP" attendance export bench3 \
	-o "$dir/b3/export.csv")
export3_rss=$(cat "$dir/rss")
rm -f "$dir/b3/export.csv"
t_sqlite_csv3=$(seconds "$SQLITE3" -csv "$SHOWUP_DB" "SELECT s.number, s.starts_at, p.email,
    p.name, a.fact, a.minutes_late, a.cancelled_at, a.reason, a.note FROM attendance a
    JOIN session s ON s.id = a.session_id JOIN participant p ON p.id = a.participant_id
    WHERE s.cohort_id = (SELECT id FROM cohort WHERE slug = 'bench3')")

# the policy engine: status and attendance show of a 2,000 x 100 cohort, best of three
mkdir -p "$dir/b100"
/usr/bin/python3 "$here/gen.py" "$dir/b100" "$PEOPLE" 100 bench100
"$SHOWUP" cohort import "$dir/b100/cohort.csv" >/dev/null
"$SHOWUP" participant import bench100 "$dir/b100/participants.csv" >/dev/null
"$SHOWUP" session import bench100 "$dir/b100/sessions.csv" >/dev/null
"$SHOWUP" attendance import bench100 "$dir/b100/attendance.csv" >/dev/null
# best3 COMMAND...: the best wall time of three runs; the last run's peak in $dir/rss
best3() {
	for _ in 1 2 3; do seconds "$@"; done | sort -n | head -n1
}
t_status100=$(best3 "$SHOWUP" status bench100)
status100_rss=$(cat "$dir/rss")
t_show100=$(best3 "$SHOWUP" attendance show bench100)
show100_rss=$(cat "$dir/rss")
# the PDF reports of the 2,000 x 100 cohort
t_report_a=$(seconds "$SHOWUP" report attendance bench100 -o "$dir/a.pdf" --date 2026-11-21)
report_a_rss=$(cat "$dir/rss")
t_report_c=$(seconds "$SHOWUP" report commitment bench100 -o "$dir/c.pdf" --date 2026-11-21)
report_c_rss=$(cat "$dir/rss")
# the erasure of one participant of the 2,000 x 100 cohort (records, audit, outbox, then
# VACUUM), in a database of that cohort alone so that the others' size does not count
(
	export SHOWUP_DB="$dir/b100/erase.db"
	"$SHOWUP" init >/dev/null
	"$SHOWUP" cohort import "$dir/b100/cohort.csv" >/dev/null
	"$SHOWUP" participant import bench100 "$dir/b100/participants.csv" >/dev/null
	"$SHOWUP" session import bench100 "$dir/b100/sessions.csv" >/dev/null
	"$SHOWUP" attendance import bench100 "$dir/b100/attendance.csv" >/dev/null
	who=$("$SQLITE3" "$SHOWUP_DB" "SELECT email FROM participant ORDER BY id LIMIT 1 OFFSET 999")
	seconds "$SHOWUP" participant erase bench100 "$who" --yes > "$dir/b100/t_erase" 2>/dev/null
	rm -f "$SHOWUP_DB"
)
t_erase=$(cat "$dir/b100/t_erase")
pages_a=$(pdfinfo "$dir/a.pdf" 2>/dev/null | sed -n 's/^Pages: *//p')
pages_c=$(pdfinfo "$dir/c.pdf" 2>/dev/null | sed -n 's/^Pages: *//p')

# the notices: plan 10,000, then send them to a loopback SMTP server over one connection,
# and (a sample of) the same messages with msmtp, one process a message as people do it
MAIL=${BENCH_NOTICES:-10000}
MSMTP_SAMPLE=${BENCH_MSMTP:-300}
BIG_MAIL=${BENCH_NOTICES_LARGE:-100000}
mkdir -p "$dir/mail" "$dir/bigmail" "$dir/smtp" "$dir/cfg/showup"
/usr/bin/python3 "$here/gen.py" notices "$dir/mail" mail "$MAIL"
"$SHOWUP" cohort import "$dir/mail/cohort.csv" >/dev/null
"$SHOWUP" participant import mail "$dir/mail/people.csv" >/dev/null
"$SHOWUP" session import mail "$dir/mail/sessions.csv" >/dev/null
"$SHOWUP" attendance import mail "$dir/mail/att.csv" >/dev/null
t_plan=$(seconds "$SHOWUP" notices plan mail)
# the same notices in German: catalogs, ICU dates and amounts, the German templates
mkdir -p "$dir/mailde"
/usr/bin/python3 "$here/gen.py" notices "$dir/mailde" mailde "$MAIL"
"$SHOWUP" cohort import "$dir/mailde/cohort.csv" >/dev/null
"$SHOWUP" cohort edit mailde --language de >/dev/null
"$SHOWUP" participant import mailde "$dir/mailde/people.csv" >/dev/null
"$SHOWUP" session import mailde "$dir/mailde/sessions.csv" >/dev/null
"$SHOWUP" attendance import mailde "$dir/mailde/att.csv" >/dev/null
t_plan_de=$(seconds "$SHOWUP" notices plan mailde)
# ten times as many, in a database of their own: linear, or how far from it
(
	export SHOWUP_DB="$dir/bigmail/showup.db"
	/usr/bin/python3 "$here/gen.py" notices "$dir/bigmail" bigmail "$BIG_MAIL"
	"$SHOWUP" init >/dev/null
	"$SHOWUP" cohort import "$dir/bigmail/cohort.csv" >/dev/null
	"$SHOWUP" participant import bigmail "$dir/bigmail/people.csv" >/dev/null
	"$SHOWUP" session import bigmail "$dir/bigmail/sessions.csv" >/dev/null
	"$SHOWUP" attendance import bigmail "$dir/bigmail/att.csv" >/dev/null
	seconds "$SHOWUP" notices plan bigmail > "$dir/bigmail/t_plan"
	rm -rf "$dir/bigmail"/*.csv "$dir/bigmail/showup.db"
)
t_plan_big=$(cat "$dir/bigmail/t_plan")
# notices with the participant's commitment report attached (some 250 KB a message)
ATTACH=${BENCH_ATTACH:-2000}
mkdir -p "$dir/attach"
/usr/bin/python3 "$here/gen.py" notices "$dir/attach" attach "$ATTACH"
"$SHOWUP" cohort import "$dir/attach/cohort.csv" >/dev/null
"$SHOWUP" participant import attach "$dir/attach/people.csv" >/dev/null
"$SHOWUP" session import attach "$dir/attach/sessions.csv" >/dev/null
"$SHOWUP" attendance import attach "$dir/attach/att.csv" >/dev/null
t_plan_attach=$(seconds "$SHOWUP" notices plan attach --attach-report)
attach_bytes=$("$SQLITE3" "$SHOWUP_DB" "SELECT coalesce(sum(length(message)), 0) FROM outbox o
    JOIN cohort c ON c.id = o.cohort_id WHERE c.slug = 'attach'")
# the server keeps no message (some 400,000 of them): alive until the sends are done
SMTPD_SECONDS=86400 /usr/bin/python3 "$here/../cli/smtpd.py" "$dir/smtp" --discard 2>/dev/null &
smtpd=$!
trap 'kill "$smtpd" 2>/dev/null || true; rm -rf "$dir"' EXIT
for i in $(seq 1 100); do [ -s "$dir/smtp/port" ] && break; sleep 0.1; done
port=$(cat "$dir/smtp/port")
printf '[smtp]\nurl = smtp://127.0.0.1:%s\ntls = none\n' "$port" > "$dir/cfg/showup/config"
t_send=$(XDG_CONFIG_HOME="$dir/cfg" seconds "$SHOWUP" notices send mail)
t_send_attach=$(XDG_CONFIG_HOME="$dir/cfg" seconds "$SHOWUP" notices send attach)
send_attach_rss=$(cat "$dir/rss")
if command -v msmtp >/dev/null; then
	mkdir -p "$dir/eml"
	sqlite3 "$SHOWUP_DB" "SELECT writefile('$dir/eml/' || id || '.eml', message) FROM outbox
	    LIMIT $MSMTP_SAMPLE" >/dev/null
	start=$(date +%s.%N)
	for f in "$dir"/eml/*.eml; do
		msmtp --host=127.0.0.1 --port="$port" --from=bea@example.com --tls=off \
			--auth=off -t < "$f" || break
	done
	t_msmtp=$(echo "$start $(date +%s.%N)" | awk '{ printf "%.2f", $2 - $1 }')
else
	t_msmtp=
fi
# notices run over a cohort with invitations on (2,000 people x 100 sessions to come: one
# invitation each, with its calendar), against notices plan + notices send of the same,
# each in a database of its own
TELL_PEOPLE=${BENCH_TELL_PEOPLE:-2000}
TELL_SESSIONS=${BENCH_TELL_SESSIONS:-100}
mkdir -p "$dir/tell"
/usr/bin/python3 "$here/gen.py" tell "$dir/tell" tell "$TELL_PEOPLE" "$TELL_SESSIONS"
(
	export SHOWUP_DB="$dir/tell/run.db" XDG_CONFIG_HOME="$dir/cfg"
	"$SHOWUP" init >/dev/null
	"$SHOWUP" cohort import "$dir/tell/cohort.csv" >/dev/null
	"$SHOWUP" participant import tell "$dir/tell/people.csv" >/dev/null
	"$SHOWUP" session import tell "$dir/tell/sessions.csv" >/dev/null
	"$SHOWUP" policy set tell invitations on >/dev/null
	cp "$SHOWUP_DB" "$dir/tell/split.db"
	seconds "$SHOWUP" notices run > "$dir/tell/t_run"
	cp "$dir/rss" "$dir/tell/run_rss"
	seconds "$SHOWUP" notices run > "$dir/tell/t_idle"	# all done: nothing to do
	export SHOWUP_DB="$dir/tell/split.db"
	seconds "$SHOWUP" notices plan tell > "$dir/tell/t_plan"
	seconds "$SHOWUP" notices send tell > "$dir/tell/t_send"
)
t_run=$(cat "$dir/tell/t_run")
t_idle=$(cat "$dir/tell/t_idle")
t_split=$(echo "$(cat "$dir/tell/t_plan") $(cat "$dir/tell/t_send")" | awk '{ printf "%.2f", $1 + $2 }')
kill "$smtpd" 2>/dev/null

# a Zoom participant export: 2,000 people a row each, the rest rejoins and guests
MEET_ROWS=${BENCH_MEETING_ROWS:-100000}
mkdir -p "$dir/meet"
/usr/bin/python3 "$here/gen.py" meeting "$dir/meet" meet "$MEET_ROWS" 2000
"$SHOWUP" cohort import "$dir/meet/cohort.csv" >/dev/null
"$SHOWUP" participant import meet "$dir/meet/people.csv" >/dev/null
"$SHOWUP" session import meet "$dir/meet/sessions.csv" >/dev/null
t_meeting=$(seconds "$SHOWUP" attendance from-meeting meet:1 "$dir/meet/zoom.csv")
meeting_rss=$(cat "$dir/rss")
# ten times the rows (77 MB at the default sizes, once over the 64 MiB the reports were
# read whole within), and memory while the rows grow but the people do not: the same
# 2,000 people rejoining, at MEET_ROWS and at ten times as many rows
MEET_BIG=$((MEET_ROWS * 10))
mkdir -p "$dir/meet/big" "$dir/meet/flat"
/usr/bin/python3 "$here/gen.py" meeting "$dir/meet/big" meet "$MEET_BIG" 2000
t_meeting_big=$(seconds "$SHOWUP" attendance from-meeting meet:1 "$dir/meet/big/zoom.csv")
meeting_big_rss=$(cat "$dir/rss")
rm -f "$dir/meet/big/zoom.csv"
/usr/bin/python3 "$here/gen.py" meeting "$dir/meet/flat" meet "$MEET_ROWS" 2000 no
seconds "$SHOWUP" attendance from-meeting meet:1 "$dir/meet/flat/zoom.csv" >/dev/null
flat_rss=$(cat "$dir/rss")
/usr/bin/python3 "$here/gen.py" meeting "$dir/meet/flat" meet "$MEET_BIG" 2000 no
seconds "$SHOWUP" attendance from-meeting meet:1 "$dir/meet/flat/zoom.csv" >/dev/null
flat_big_rss=$(cat "$dir/rss")
rm -f "$dir/meet/flat/zoom.csv"

# practice pairs that rotate: 500 participants over 20 weeks (5,000 sessions), and the
# same in trios, each in a database of its own
PAIR_PEOPLE=${BENCH_PAIR_PEOPLE:-500}
mkdir -p "$dir/pairs"
/usr/bin/python3 "$here/gen.py" "$dir/pairs" "$PAIR_PEOPLE" 1 pairs
for size in 2 3; do
	(
		export SHOWUP_DB="$dir/pairs/$size.db"
		"$SHOWUP" init >/dev/null
		"$SHOWUP" cohort import "$dir/pairs/cohort.csv" >/dev/null
		"$SHOWUP" participant import pairs "$dir/pairs/participants.csv" >/dev/null
		seconds "$SHOWUP" session pairs pairs --at "2027-01-04 18:00" --every week \
			--count 20 --size $size > "$dir/pairs/t_$size"
		rm -f "$SHOWUP_DB"
	)
done
t_pairs=$(cat "$dir/pairs/t_2")
t_trios=$(cat "$dir/pairs/t_3")

# per_cell PEAK EMPTY CELLS: "N B a cell (M B with the program's own E MiB)", peaks in KiB
per_cell() {
	echo "$1 $2 $3" | awk '{ c = $3 > 0 ? $3 : 1; printf "%.0f B a cell (%.0f B with the program'"'"'s own %d MiB)",
	    ($1 - $2) * 1024 / c, $1 * 1024 / c, $2 / 1024 }'
}
cells=$((PEOPLE * 100))
mib() { echo $(($1 / 1024)); }	# KiB to MiB
per_s() { echo "$1 $2" | awk '{ printf "%.0f", $1 / ($2 > 0 ? $2 : 0.01) }'; }	# N in T s: N/s
b_cell() { echo "$1 $2 $3" | awk '{ printf "%.0f", ($1 - $2) * 1024 / ($3 > 0 ? $3 : 1) }'; }

r_import=$(ratio "$t_showup" "$t_sqlite")
echo "attendance import of $rows rows ($size):"
echo "  showup attendance import  ${t_showup} s, peak memory $(mib "$rss") MiB $(goal "$(mib "$rss")" "<=" 64 "64 MB")"
echo "  sqlite3 .import (bare)    ${t_sqlite} s"
echo "  ratio showup / .import    ${r_import}x $(goal "$r_import" "<=" 1.4 "1.4x")"
echo "  the same file again       ${t_again} s, $(ratio "$t_again" "$t_showup")x the first $(goal "$t_again" "<=" "$t_showup" "no slower than the first")"
echo "  Windows-1252 with ';'     ${t_sniffed} s, peak memory $(mib "$sniffed_rss") MiB, $(ratio "$t_sniffed" "$t_sqlite")x .import (encoding and separator sniffed)"
echo "backup of the whole database   ${t_backup} s, peak memory $(mib "$backup_rss") MiB"
echo "attendance export, $rows rows  ${t_export} s, peak memory $(mib "$export_rss") MiB $(goal "$(mib "$export_rss")" "<=" 32 "32 MB")"
r_export=$(ratio "$t_export3" "$t_sqlite_csv3")
echo "attendance export, $rows3 rows  ${t_export3} s, sqlite3 -csv ${t_sqlite_csv3} s, ${r_export}x $(goal "$r_export" "<=" 1.2 "1.2x"), peak memory $(mib "$export3_rss") MiB $(goal "$(mib "$export3_rss")" "<=" 32 "32 MB")"
show_cell=$(b_cell "$show100_rss" "$show_empty_rss" "$cells")
status_cell=$(b_cell "$status100_rss" "$status_empty_rss" "$cells")
echo "attendance show, $PEOPLE x 100   ${t_show100} s $(goal "$t_show100" "<=" 0.08 "80 ms"), peak memory $(mib "$show100_rss") MiB, $show_cell B a cell $(goal "$show_cell" "<=" 48 "48 B")"
echo "status, $PEOPLE x 100            ${t_status100} s $(goal "$t_status100" "<=" 0.08 "80 ms"), peak memory $(mib "$status100_rss") MiB, $status_cell B a cell $(goal "$status_cell" "<=" 48 "48 B")"
echo "report attendance, $PEOPLE x 100  ${t_report_a} s, peak memory $(mib "$report_a_rss") MiB $(goal "$(mib "$report_a_rss")" "<=" 64 "64 MB"), $pages_a pages (against reportlab: below)"
echo "report commitment, all $PEOPLE   ${t_report_c} s $(goal "$t_report_c" "<=" 2 "2 s"), peak memory $(mib "$report_c_rss") MiB, $pages_c pages"
echo "participant erase, $PEOPLE x 100 ${t_erase} s $(goal "$t_erase" "<=" 2 "2 s")"
echo "from-meeting, $MEET_ROWS Zoom rows  ${t_meeting} s $(goal "$t_meeting" "<=" 1 "1 s"), $(per_s "$MEET_ROWS" "$t_meeting") rows a second, peak memory $(mib "$meeting_rss") MiB"
echo "from-meeting, $MEET_BIG Zoom rows  ${t_meeting_big} s $(goal "$t_meeting_big" "<=" 4 "4 s"), peak memory $(mib "$meeting_big_rss") MiB ($((2000 + MEET_BIG / 2)) people)"
flat_grew=$(mib $((flat_big_rss - flat_rss)))
echo "from-meeting, 2,000 people in $MEET_ROWS and in $MEET_BIG rows  peak memory $(mib "$flat_rss") and $(mib "$flat_big_rss") MiB $(goal "$flat_grew" "<=" 4 "flat: within 4 MiB")"
e_plan=$(exponent "$t_plan" "$t_plan_big" "$MAIL" "$BIG_MAIL")
echo "session pairs, $PAIR_PEOPLE people x 20 weeks  ${t_pairs} s $(goal "$t_pairs" "<=" 1 "1 s"); in trios (--size 3) ${t_trios} s"
echo "notices plan, $MAIL notices        ${t_plan} s $(goal "$t_plan" "<=" 0.5 "0.5 s")"
r_de=$(ratio "$t_plan_de" "$t_plan")
echo "notices plan, $MAIL in German       ${t_plan_de} s, ${r_de}x English $(goal "$r_de" "<=" 1.5 "1.5x")"
echo "notices plan, $BIG_MAIL notices       ${t_plan_big} s: time grows as size^$e_plan $(goal "$e_plan" "<=" 1.1 "linear, 1.1")"
r_send=$(per_s "$MAIL" "$t_send")
echo "notices send, $MAIL over SMTP      ${t_send} s, $r_send messages a second $(goal "$r_send" ">=" 1000 "1,000")"
ms_attach=$(echo "$t_plan_attach $ATTACH" | awk '{ printf "%.1f", 1000 * $1 / ($2 > 0 ? $2 : 1) }')
echo "notices plan --attach-report, $ATTACH  ${t_plan_attach} s, $ms_attach ms a notice $(goal "$ms_attach" "<=" 20 "20 ms"), $((attach_bytes / 1048576)) MiB of messages"
echo "notices send, those $ATTACH          ${t_send_attach} s, peak memory $(mib "$send_attach_rss") MiB $(goal "$(mib "$send_attach_rss")" "<=" 64 "64 MB")"
r_run=$(ratio "$t_run" "$t_split")
echo "notices run, $TELL_PEOPLE x $TELL_SESSIONS invitations  ${t_run} s, peak memory $(mib "$(cat "$dir/tell/run_rss")") MiB; plan + send ${t_split} s; ${r_run}x $(goal "$r_run" "<=" 2 "2x")"
echo "notices run again, nothing to do ($TELL_PEOPLE x $TELL_SESSIONS, all sent)  ${t_idle} s $(goal "$t_idle" "<=" 0.2 "0.2 s")"
if [ -n "$t_msmtp" ]; then
	r_msmtp=$(per_s "$MSMTP_SAMPLE" "$t_msmtp")
	r_fast=$(ratio "$r_send" "$r_msmtp")
	echo "msmtp, one process a message      ${t_msmtp} s for $MSMTP_SAMPLE, $r_msmtp messages a second; showup sends ${r_fast}x as fast $(goal "$r_fast" ">=" 50 "50x")"
else
	echo "msmtp, one process a message      not measured: msmtp is not installed (.ci/packages)  MISS"
fi
# the web roll call: taps over loopback, with its own database
sh "$here/serve.sh"
