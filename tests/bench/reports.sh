#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# reports.sh - `make bench` (and `make bench-reports` alone): the bytes of a sign-in
# sheet and of one person's commitment report; notices planned with each participant's
# report attached at three cohort sizes (the cost a notice, wall and CPU, to show it
# linear); the attendance report of 2,000 x 100; the commitment report of 10,000
# participants, split and in one file, with its peak memory. The sheet and the matrix
# are also drawn with reportlab (reportlab_reports.py) to compare. Goals: shared/targets.md.
set -eu
: "${SHOWUP:?}"
ATTACH_SIZES=${BENCH_ATTACH_SIZES:-100 500 2000}
BIG=${BENCH_COMMITMENT_PEOPLE:-10000}
. "$(dirname "$0")/lib.sh"

# cohort SLUG PEOPLE SESSIONS: a generated cohort (tests/bench/gen.py), imported
cohort() {
	mkdir -p "$dir/$1"
	/usr/bin/python3 "$here/gen.py" "$dir/$1" "$2" "$3" "$1"
	"$SHOWUP" cohort import "$dir/$1/cohort.csv" >/dev/null
	"$SHOWUP" participant import "$1" "$dir/$1/participants.csv" >/dev/null
	"$SHOWUP" session import "$1" "$dir/$1/sessions.csv" >/dev/null
	"$SHOWUP" attendance import "$1" "$dir/$1/attendance.csv" >/dev/null
}
bytes() { wc -c < "$1" | tr -d ' '; }

"$SHOWUP" init >/dev/null
# the bytes of a one-page sign-in sheet (20 names) and of one person's commitment report
cohort small 20 12
"$SHOWUP" report sheet small:12 -o "$dir/sheet.pdf" --date 2023-12-31 >/dev/null
"$SHOWUP" report commitment small person00003@example.com -o "$dir/one.pdf" \
	--date 2026-11-21 >/dev/null
/usr/bin/python3 "$here/reportlab_reports.py" sheet "$dir/sheet-rl.pdf" "$dir/small"
echo "sign-in sheet, $(pdfinfo "$dir/sheet.pdf" | sed -n 's/^Pages: *//p') page, 20 names   $(bytes "$dir/sheet.pdf") bytes $(goal "$(bytes "$dir/sheet.pdf")" "<=" 61440 "60 KB") (reportlab, the same names and fonts: $(bytes "$dir/sheet-rl.pdf"))"
echo "commitment report, one person     $(bytes "$dir/one.pdf") bytes $(goal "$(bytes "$dir/one.pdf")" "<=" 61440 "60 KB")"

# notices plan --attach-report: every participant of an N x 100 cohort has a step due
for n in $ATTACH_SIZES; do
	cohort "a$n" "$n" 100
	wall=$(seconds "$SHOWUP" notices plan "a$n" --attach-report)
	planned=$(sqlite3 "$SHOWUP_DB" "SELECT count(*) FROM outbox o JOIN cohort c
	    ON c.id = o.cohort_id WHERE c.slug = 'a$n' AND length(o.message) > 10000")
	ms=$(echo "$wall $planned" | awk '{ printf "%.1f", 1000 * $1 / ($2 > 0 ? $2 : 1) }')
	echo "$n $planned $wall $(cat "$dir/cpu") $(cat "$dir/rss")" | awk '{ p = $2 > 0 ? $2 : 1
	    printf "notices plan --attach-report, %5d x 100  %6.2f s (CPU %.2f s), %d notices: %.1f ms a notice (CPU %.1f ms), peak memory %d MiB ",
	    $1, $3, $4, $2, 1000 * $3 / p, 1000 * $4 / p, $5 / 1024 }'
	echo "$(goal "$ms" "<=" 20 "20 ms a notice, linear")"
done

# the attendance report of the 2,000 x 100 cohort, against reportlab drawing its matrix
if [ -d "$dir/a2000" ]; then
	wall=$(seconds "$SHOWUP" report attendance a2000 -o "$dir/a.pdf" --date 2026-11-21)
	cpu=$(cat "$dir/cpu") rss=$(cat "$dir/rss")
	wall_rl=$(seconds /usr/bin/python3 "$here/reportlab_reports.py" matrix "$dir/a-rl.pdf" "$dir/a2000")
	r_rl=$(ratio "$wall_rl" "$wall")
	echo "report attendance, 2000 x 100   $wall s (CPU $cpu s), peak memory $((rss / 1024)) MiB $(goal $((rss / 1024)) "<=" 64 "64 MB"); reportlab's matrix $wall_rl s (CPU $(cat "$dir/cpu") s): ${r_rl}x as long $(goal "$r_rl" ">=" 10 "10x")"
fi

# the commitment report of everyone in a cohort of $BIG
cohort big "$BIG" 20
wall_split=$(seconds "$SHOWUP" report commitment big --split "$dir/split" --date 2026-11-21)
cpu_split=$(cat "$dir/cpu") rss_split=$(($(cat "$dir/rss") / 1024))
wall=$(seconds "$SHOWUP" report commitment big -o "$dir/big.pdf" --date 2026-11-21)
rss=$(($(cat "$dir/rss") / 1024))
echo "report commitment, $BIG x 20   $wall s (CPU $(cat "$dir/cpu") s), $(pdfinfo "$dir/big.pdf" | sed -n 's/^Pages: *//p') pages, peak memory $rss MiB $(goal "$rss" "<=" 256 "256 MB")"
r_split=$(ratio "$wall_split" "$wall")
echo "report commitment --split, $BIG x 20   $wall_split s (CPU $cpu_split s), ${r_split}x one file $(goal "$r_split" "<=" 1.5 "1.5x"), $(ls "$dir/split" | wc -l) files, peak memory $rss_split MiB $(goal "$rss_split" "<=" 64 "64 MB")"
