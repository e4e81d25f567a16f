#!/bin/sh
# bench.sh - `make bench`: import a generated 1,000,000-row attendance file with
# showup and, in the same run, with the sqlite3 shell's .import into a bare table;
# print both times, their ratio and showup's peak memory. Then the commands that
# read a cohort (export, show, status, reports) and the notices, each figure with
# its goal; memory goals are peaks, by /usr/bin/time. Last, the web roll call under
# load (serve.sh).
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
t_show=$(seconds "$SHOWUP" attendance show bench)
show_rss=$(cat "$dir/rss")
t_status=$(seconds "$SHOWUP" status bench)
status_rss=$(cat "$dir/rss")
# the same commands on an empty cohort: what the program takes before any cell
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

# the policy engine: status of a 2,000 x 100 cohort, and of the million records
mkdir -p "$dir/b100"
/usr/bin/python3 "$here/gen.py" "$dir/b100" "$PEOPLE" 100 bench100
"$SHOWUP" cohort import "$dir/b100/cohort.csv" >/dev/null
"$SHOWUP" participant import bench100 "$dir/b100/participants.csv" >/dev/null
"$SHOWUP" session import bench100 "$dir/b100/sessions.csv" >/dev/null
"$SHOWUP" attendance import bench100 "$dir/b100/attendance.csv" >/dev/null
t_status100=$(seconds "$SHOWUP" status bench100)
status100_rss=$(cat "$dir/rss")
# the PDF reports of the 2,000 x 100 cohort
t_report_a=$(seconds "$SHOWUP" report attendance bench100 -o "$dir/a.pdf" --date 2026-11-21)
report_a_rss=$(cat "$dir/rss")
t_report_c=$(seconds "$SHOWUP" report commitment bench100 -o "$dir/c.pdf" --date 2026-11-21)
report_c_rss=$(cat "$dir/rss")
pages_a=$(pdfinfo "$dir/a.pdf" 2>/dev/null | sed -n 's/^Pages: *//p')
pages_c=$(pdfinfo "$dir/c.pdf" 2>/dev/null | sed -n 's/^Pages: *//p')

# the notices: plan 10,000, then send them to a loopback SMTP server over one connection,
# and (a sample of) the same messages with msmtp, one process a message as people do it
MAIL=${BENCH_NOTICES:-10000}
MSMTP_SAMPLE=${BENCH_MSMTP:-300}
mkdir -p "$dir/mail" "$dir/smtp" "$dir/cfg/showup"
/usr/bin/python3 - "$dir/mail" "$MAIL" <<'PY'
import sys
d, n = sys.argv[1], int(sys.argv[2])
open(d + "/cohort.csv", "w").write("slug,name,coach,coach email,time zone\n"
    "mail,Mail bench,Bea Bench,bea@example.com,Europe/London\n")
with open(d + "/people.csv", "w") as f:
    f.write("name,email\n")
    for i in range(n):
        f.write("Zoë Person %05d,p%05d@example.com\n" % (i, i))
open(d + "/sessions.csv", "w").write("number,start\n1,2026-11-16 09:00\n")
with open(d + "/att.csv", "w") as f:
    f.write("session,email,status\n")
    for i in range(n):
        f.write("1,p%05d@example.com,no-show\n" % i)
PY
"$SHOWUP" cohort import "$dir/mail/cohort.csv" >/dev/null
"$SHOWUP" participant import mail "$dir/mail/people.csv" >/dev/null
"$SHOWUP" session import mail "$dir/mail/sessions.csv" >/dev/null
"$SHOWUP" attendance import mail "$dir/mail/att.csv" >/dev/null
t_plan=$(seconds "$SHOWUP" notices plan mail)
# notices with the participant's commitment report attached (some 250 KB a message)
ATTACH=${BENCH_ATTACH:-2000}
mkdir -p "$dir/attach"
/usr/bin/python3 - "$dir/attach" "$ATTACH" <<'PY'
import sys
d, n = sys.argv[1], int(sys.argv[2])
open(d + "/cohort.csv", "w").write("slug,name,coach,coach email,time zone\n"
    "attach,Attach bench,Bea Bench,bea@example.com,Europe/London\n")
with open(d + "/people.csv", "w") as f:
    f.write("name,email\n")
    for i in range(n):
        f.write("Zoë Attached %05d,a%05d@example.com\n" % (i, i))
open(d + "/sessions.csv", "w").write("number,start\n1,2026-11-16 09:00\n")
with open(d + "/att.csv", "w") as f:
    f.write("session,email,status\n")
    for i in range(n):
        f.write("1,a%05d@example.com,no-show\n" % i)
PY
"$SHOWUP" cohort import "$dir/attach/cohort.csv" >/dev/null
"$SHOWUP" participant import attach "$dir/attach/people.csv" >/dev/null
"$SHOWUP" session import attach "$dir/attach/sessions.csv" >/dev/null
"$SHOWUP" attendance import attach "$dir/attach/att.csv" >/dev/null
t_plan_attach=$(seconds "$SHOWUP" notices plan attach --attach-report)
attach_bytes=$("$SQLITE3" "$SHOWUP_DB" "SELECT coalesce(sum(length(message)), 0) FROM outbox o
    JOIN cohort c ON c.id = o.cohort_id WHERE c.slug = 'attach'")
SMTPD_SECONDS=600 /usr/bin/python3 "$here/../cli/smtpd.py" "$dir/smtp" 2>/dev/null &
smtpd=$!
for i in $(seq 1 100); do [ -s "$dir/smtp/port" ] && break; sleep 0.1; done
port=$(cat "$dir/smtp/port")
printf '[smtp]\nurl = smtp://127.0.0.1:%s\ntls = none\n' "$port" > "$dir/cfg/showup/config"
t_send=$(XDG_CONFIG_HOME="$dir/cfg" seconds "$SHOWUP" notices send mail)
t_send_attach=$(XDG_CONFIG_HOME="$dir/cfg" seconds "$SHOWUP" notices send attach)
send_attach_rss=$(cat "$dir/rss")
rm -f "$dir"/smtp/mail-*.eml
if command -v msmtp >/dev/null; then
	"$SHOWUP" notices list mail --csv >/dev/null
	sqlite3 "$SHOWUP_DB" "SELECT id FROM outbox" > "$dir/ids"
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
/usr/bin/python3 - "$dir/tell" "$TELL_PEOPLE" "$TELL_SESSIONS" <<'PY'
import sys, datetime
d, n, m = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
open(d + "/cohort.csv", "w").write("slug,name,coach,coach email,time zone\n"
    "tell,Tell bench,Bea Bench,bea@example.com,Europe/London\n")
with open(d + "/people.csv", "w") as f:
    f.write("name,email\n")
    for i in range(n):
        f.write("Zoë Invited %05d,t%05d@example.com\n" % (i, i))
day0 = datetime.date(2026, 12, 1)
with open(d + "/sessions.csv", "w") as f:
    f.write("number,start,title\n")
    for j in range(m):
        f.write("%d,%s 09:00,Session %d\n" % (j + 1, day0 + datetime.timedelta(days=j), j + 1))
PY
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
	export SHOWUP_DB="$dir/tell/split.db"
	seconds "$SHOWUP" notices plan tell > "$dir/tell/t_plan"
	seconds "$SHOWUP" notices send tell > "$dir/tell/t_send"
	rm -f "$dir"/smtp/mail-*.eml
)
t_run=$(cat "$dir/tell/t_run")
t_split=$(echo "$(cat "$dir/tell/t_plan") $(cat "$dir/tell/t_send")" | awk '{ printf "%.2f", $1 + $2 }')
kill "$smtpd" 2>/dev/null

# a Zoom participant export: 2,000 people a row each, the rest rejoins and guests
MEET_ROWS=${BENCH_MEETING_ROWS:-100000}
mkdir -p "$dir/meet"
/usr/bin/python3 - "$dir/meet" "$MEET_ROWS" <<'PY'
import csv, sys
d, n = sys.argv[1], int(sys.argv[2])
open(d + "/cohort.csv", "w").write("slug,name,coach,coach email,time zone\n"
    "meet,Meeting bench,Bea Bench,bea@example.com,Europe/London\n")
with open(d + "/people.csv", "w") as f:
    f.write("name,email\n")
    for i in range(2000):
        f.write("Zoë Person %04d,p%04d@example.com\n" % (i, i))
open(d + "/sessions.csv", "w").write("number,start,minutes\n1,2026-11-16 09:00,120\n")
with open(d + "/zoom.csv", "w", newline="", encoding="utf-8-sig") as f:
    w = csv.writer(f, lineterminator="\r\n")
    w.writerow(["Name (Original Name)", "User Email", "Join Time", "Leave Time",
                "Duration (Minutes)", "Guest"])
    for i in range(n):
        p = i % 4000
        m = (i // 4000) % 100
        who = ("Zoë Person %04d" % p, "p%04d@example.com" % p) if p < 2000 else \
            ("Guest %05d" % i, "")
        w.writerow([who[0], who[1], "11/16/2026 09:%02d:%02d AM" % (m // 2, m % 60),
                    "11/16/2026 09:%02d:%02d AM" % (m // 2 + 1, m % 60), 1,
                    "Yes" if not who[1] else "No"])
PY
"$SHOWUP" cohort import "$dir/meet/cohort.csv" >/dev/null
"$SHOWUP" participant import meet "$dir/meet/people.csv" >/dev/null
"$SHOWUP" session import meet "$dir/meet/sessions.csv" >/dev/null
t_meeting=$(seconds "$SHOWUP" attendance from-meeting meet:1 "$dir/meet/zoom.csv")
meeting_rss=$(cat "$dir/rss")

# ratio A B: A / B to two places (B 0 counts as 0.01)
ratio() {
	echo "$1 $2" | awk '{ printf "%.2f", $1 / ($2 > 0 ? $2 : 0.01) }'
}
# per_cell PEAK EMPTY CELLS: "N B a cell (M B with the program's own E MiB)", peaks in KiB
per_cell() {
	echo "$1 $2 $3" | awk '{ c = $3 > 0 ? $3 : 1; printf "%.0f B a cell (%.0f B with the program'"'"'s own %d MiB)",
	    ($1 - $2) * 1024 / c, $1 * 1024 / c, $2 / 1024 }'
}
cells=$((PEOPLE * SESSIONS))

echo "attendance import of $rows rows ($size):"
echo "  showup attendance import  ${t_showup} s, peak memory $((rss / 1024)) MiB"
echo "  sqlite3 .import (bare)    ${t_sqlite} s"
echo "  ratio showup / .import    $(ratio "$t_showup" "$t_sqlite")x"
echo "  the same file again       ${t_again} s (changes nothing; goal: no slower than the first, ${t_showup} s)"
echo "  Windows-1252 with ';'     ${t_sniffed} s, peak memory $((sniffed_rss / 1024)) MiB, $(ratio "$t_sniffed" "$t_sqlite")x .import (encoding and separator sniffed; goal 2x)"
echo "backup of the whole database   ${t_backup} s, peak memory $((backup_rss / 1024)) MiB"
echo "attendance export, $rows rows  ${t_export} s, peak memory $((export_rss / 1024)) MiB (goal 32 MB)"
echo "attendance export, $rows3 rows  ${t_export3} s (sqlite3 -csv ${t_sqlite_csv3} s, $(ratio "$t_export3" "$t_sqlite_csv3")x; goal 1.2x), peak memory $((export3_rss / 1024)) MiB (goal 32 MB)"
echo "attendance show (grid), $PEOPLE x $SESSIONS  ${t_show} s, peak memory $((show_rss / 1024)) MiB, $(per_cell "$show_rss" "$show_empty_rss" "$cells") (goal 48 B a cell)"
echo "status, $PEOPLE x $SESSIONS   ${t_status} s, peak memory $((status_rss / 1024)) MiB, $(per_cell "$status_rss" "$status_empty_rss" "$cells") (goal 3 s, 48 B a cell)"
echo "status, $PEOPLE x 100 sessions   ${t_status100} s, peak memory $((status100_rss / 1024)) MiB (goal 0.1 s)"
echo "report attendance, $PEOPLE x 100  ${t_report_a} s, peak memory $((report_a_rss / 1024)) MiB, $pages_a pages (goal 3 s, 256 MiB)"
echo "report commitment, all $PEOPLE   ${t_report_c} s, peak memory $((report_c_rss / 1024)) MiB, $pages_c pages (goal 10 s)"
echo "from-meeting, $MEET_ROWS Zoom rows  ${t_meeting} s, $(echo "$MEET_ROWS $t_meeting" | awk '{ printf "%.0f", $1 / ($2 > 0 ? $2 : 0.01) }') rows a second, peak memory $((meeting_rss / 1024)) MiB (goal 1 s)"
echo "notices plan, $MAIL notices         ${t_plan} s (goal 2 s)"
echo "notices send, $MAIL over SMTP       ${t_send} s, $(echo "$MAIL $t_send" | awk '{ printf "%.0f", $1 / ($2 > 0 ? $2 : 0.01) }') messages a second (goal 300)"
echo "notices plan --attach-report, $ATTACH  ${t_plan_attach} s, $((attach_bytes / 1048576)) MiB of messages"
echo "notices send, those $ATTACH          ${t_send_attach} s, peak memory $((send_attach_rss / 1024)) MiB (goal 64 MB)"
echo "notices run, $TELL_PEOPLE x $TELL_SESSIONS invitations  ${t_run} s, peak memory $(($(cat "$dir/tell/run_rss") / 1024)) MiB; plan + send ${t_split} s; $(ratio "$t_run" "$t_split")x (goal 2x)"
if [ -n "$t_msmtp" ]; then
	r_msmtp=$(echo "$MSMTP_SAMPLE $t_msmtp" | awk '{ printf "%.0f", $1 / ($2 > 0 ? $2 : 0.01) }')
	r_showup=$(echo "$MAIL $t_send" | awk '{ printf "%.0f", $1 / ($2 > 0 ? $2 : 0.01) }')
	echo "msmtp, one process a message      ${t_msmtp} s for $MSMTP_SAMPLE, $r_msmtp messages a second; showup sends $(echo "$r_showup $r_msmtp" | awk '{ printf "%.1f", $1 / ($2 > 0 ? $2 : 1) }')x as fast"
fi
# the web roll call: taps over loopback, with its own database
sh "$here/serve.sh"
