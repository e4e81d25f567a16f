#!/bin/sh
# bench.sh - `make bench`: import a generated 1,000,000-row attendance file with
# showup and, in the same run, with the sqlite3 shell's .import into a bare table;
# print both times, their ratio and showup's peak memory.
set -eu
: "${SHOWUP:?}"
SQLITE3=${SQLITE3:-sqlite3}
here=$(cd "$(dirname "$0")" && pwd)
PEOPLE=${BENCH_PEOPLE:-2000}
SESSIONS=${BENCH_SESSIONS:-500}
dir=$(mktemp -d "${TMPDIR:-/tmp}/showup-bench-XXXXXX")
trap 'rm -rf "$dir"' EXIT
export SHOWUP_DB="$dir/showup.db" SHOWUP_NOW="2026-11-22T00:00:00Z"

# seconds COMMAND...: runs it and prints the wall time in seconds, peak RSS in KiB to $dir/rss.
seconds() {
	/usr/bin/time -f "%e %M" -o "$dir/time" "$@" >/dev/null
	cut -d' ' -f2 "$dir/time" > "$dir/rss"
	cut -d' ' -f1 "$dir/time"
}

echo "generating $PEOPLE participants x $SESSIONS sessions..."
/usr/bin/python3 "$here/gen.py" "$dir" "$PEOPLE" "$SESSIONS"
rows=$(($(wc -l < "$dir/attendance.csv") - 1))
size=$(du -h "$dir/attendance.csv" | cut -f1)
"$SHOWUP" cohort import "$dir/cohort.csv" >/dev/null
"$SHOWUP" participant import bench "$dir/participants.csv" >/dev/null
"$SHOWUP" session import bench "$dir/sessions.csv" >/dev/null

t_showup=$(seconds "$SHOWUP" attendance import bench "$dir/attendance.csv")
rss=$(cat "$dir/rss")
t_sqlite=$(seconds "$SQLITE3" "$dir/bare.db" ".mode csv" ".import $dir/attendance.csv attendance")
t_again=$(seconds "$SHOWUP" attendance import bench "$dir/attendance.csv")
t_export=$(seconds "$SHOWUP" attendance export bench -o "$dir/export.csv")
t_show=$(seconds "$SHOWUP" attendance show bench)
show_rss=$(cat "$dir/rss")

# the policy engine: status of a 2,000 x 100 cohort, and of the million records
mkdir -p "$dir/b100"
/usr/bin/python3 "$here/gen.py" "$dir/b100" "$PEOPLE" 100 bench100
"$SHOWUP" cohort import "$dir/b100/cohort.csv" >/dev/null
"$SHOWUP" participant import bench100 "$dir/b100/participants.csv" >/dev/null
"$SHOWUP" session import bench100 "$dir/b100/sessions.csv" >/dev/null
"$SHOWUP" attendance import bench100 "$dir/b100/attendance.csv" >/dev/null
t_status100=$(seconds "$SHOWUP" status bench100)
status100_rss=$(cat "$dir/rss")
t_status=$(seconds "$SHOWUP" status bench)
status_rss=$(cat "$dir/rss")
# the PDF reports of the 2,000 x 100 cohort
t_report_a=$(seconds "$SHOWUP" report attendance bench100 -o "$dir/a.pdf" --date 2026-11-21)
report_a_rss=$(cat "$dir/rss")
t_report_c=$(seconds "$SHOWUP" report commitment bench100 -o "$dir/c.pdf" --date 2026-11-21)
report_c_rss=$(cat "$dir/rss")
pages_a=$(pdfinfo "$dir/a.pdf" 2>/dev/null | sed -n 's/^Pages: *//p')
pages_c=$(pdfinfo "$dir/c.pdf" 2>/dev/null | sed -n 's/^Pages: *//p')

echo "attendance import of $rows rows ($size):"
echo "  showup attendance import  ${t_showup} s, peak memory $((rss / 1024)) MiB"
echo "  sqlite3 .import (bare)    ${t_sqlite} s"
echo "  ratio showup / .import    $(echo "$t_showup $t_sqlite" | awk '{ printf "%.2f", $1 / ($2 > 0 ? $2 : 0.01) }')x"
echo "  the same file again       ${t_again} s (changes nothing)"
echo "attendance export           ${t_export} s"
echo "attendance show (grid)      ${t_show} s, peak memory $((show_rss / 1024)) MiB"
echo "status, $PEOPLE x 100 sessions   ${t_status100} s, peak memory $((status100_rss / 1024)) MiB (goal 0.2 s)"
echo "status over all $rows records  ${t_status} s, peak memory $((status_rss / 1024)) MiB (goal 3 s)"
echo "report attendance, $PEOPLE x 100  ${t_report_a} s, peak memory $((report_a_rss / 1024)) MiB, $pages_a pages (goal 3 s, 256 MiB)"
echo "report commitment, all $PEOPLE   ${t_report_c} s, peak memory $((report_c_rss / 1024)) MiB, $pages_c pages (goal 10 s)"
