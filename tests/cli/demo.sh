#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# demo.sh - `showup demo` loads the sample program of seeds/ and shows it.
. "$top_srcdir/tests/cli/lib.sh"
cd "$T" || exit 1

# into a temporary folder of its own: the default database stays untouched
ok demo
out "loaded attendance.csv"
out_re "^cohort +autumn26$"
out "Value Selling, Autumn 2026"
out "sessions      10: 9 held, 1 cancelled by the coach, 0 to come"
check '[ ! -e "$SHOWUP_DB" ]' "demo wrote into the default database"
demo_db=$(sed -n 's/^demo database: //p' "$T/out")
check '[ -f "$demo_db" ]' "demo database not where it says"
rm -rf "$(dirname "$demo_db")"

# into --db: the grid shows each outcome the sample holds
ok --db "$T/demo.db" demo
check '[ "$(stat -c %a "$T/demo.db")" = 600 ]' "demo database is not mode 0600"
grep -E '^Björn Lindqvist +bjorn' "$T/out" > "$T/row" || fail "no row for Björn"
check 'grep -qE "P +N +P +\. +X +\. +- +N +\. +P$" "$T/row"' "Björn's row is not P N P . X . - N . P"
grep -E '^Oğuz Yılmaz' "$T/out" > "$T/row" || fail "no row for Oğuz"
check 'grep -qE "P +\. +X +\. +N +\. +- +P +\. +X$" "$T/row"' "Oğuz's row is not P . X . N . - P . X"
out "Ирина Волкова"
out_re "^田中 美咲 +misaki\.tanaka@example\.jp +"
awk '/^participant /{f=1} f && /^$/{exit} f' "$T/out" > "$T/grid"
check '[ "$(wc -l < "$T/grid")" = 14 ]' "the grid is not a header, a rule and 12 rows"
check '/usr/bin/python3 "$top_srcdir/tests/cli/aligned.py" "$T/grid" "@example"' \
	"the demo grid is not aligned by display width"
check '[ "$(sqlite3 "$T/demo.db" "SELECT count(*) FROM participant")" = 12 ]' \
	"demo did not load 12 participants"

# loading it again changes nothing
export SHOWUP_DB="$T/demo.db"
before=$(db_state)
ok --db "$T/demo.db" demo
same_db "$before"

# the three reports, in reports/
for kind in attendance commitment sheet-10; do
	check 'ls reports/autumn26-$kind-*.pdf >/dev/null 2>&1' "the demo wrote no $kind report"
done
check 'pdftotext reports/autumn26-commitment-*.pdf - 2>/dev/null | grep -q "Björn Lindqvist"' \
	"the commitment report lacks the sample's participants"
# Björn's 5 points run past the ladder's top (coach review at 4): the chart says so
check 'pdftotext reports/autumn26-commitment-*.pdf - 2>/dev/null | grep -q "5 points, past the top of the ladder"' \
	"the points chart does not say Björn is past the ladder's top"

# the notices due, planned, their messages written
check '[ "$(ls reports/notices/*.eml 2>/dev/null | wc -l)" = 3 ]' "the demo did not write three notices"
check 'grep -q "^Subject: Value Selling, Autumn 2026: time to decide about your place" reports/notices/1-final-notice.eml' \
	"the first notice is not Björn's final notice"

# the sample data can be exported and read back
ok attendance export autumn26 -o "$T/export.csv"
check '[ "$(($(wc -l < "$T/export.csv") - 1))" = 66 ]' "export does not hold the 66 sample facts"

finish
