#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# spreadsheet.sh - files as Excel, LibreOffice, Numbers and Google Sheets save them in
# several locales: each stores exactly what was meant, or is refused with nothing written.
. "$top_srcdir/tests/cli/lib.sh"

PY=/usr/bin/python3
OFFICE="$top_srcdir/tests/cli/office.py"
mkdir -p "$T/files"
$PY "$OFFICE" write "$T/files" || { echo "FAIL: office.py could not write the files"; exit 1; }
F="$T/files"

# name_of EMAIL [SLUG]: the stored name of a participant
name_of() { sql "SELECT p.name FROM participant p JOIN cohort c ON c.id = p.cohort_id WHERE c.slug = '${2:-c1}' AND p.email = '$1'"; }
company_of() { sql "SELECT p.company FROM participant p JOIN cohort c ON c.id = p.cohort_id WHERE c.slug = '${2:-c1}' AND p.email = '$1'"; }
fee_of() { sql "SELECT fee_cents FROM cohort WHERE slug = '$1'"; }

# --- amounts: every form of fifteen hundred, and the ones that could mean two things
ok init
nbsp=$(printf '\302\240')
for fee in 1500 1500.00 1500,00 1,500.00 1.500,00 "1 500,00" "1'500.00" "1${nbsp}500,00"; do
	slug=f$checks
	ok cohort add "$slug" --name "Fee $fee" --coach C --coach-email c@example.com --tz Europe/Berlin --fee "$fee" --currency EUR
	check '[ "$(fee_of '"$slug"')" = 150000 ]' "--fee '$fee' stored $(fee_of "$slug") cents, not 150000"
done
before=$(db_state)
fails 1 cohort add amb --name A --coach C --coach-email c@example.com --tz Europe/Berlin --fee 1,500 --currency EUR
err "'1,500' could mean 1500.00 or 1.50"
fails 1 cohort add amb --name A --coach C --coach-email c@example.com --tz Europe/Berlin --fee 1.500 --currency EUR
err "'1.500' could mean 1500.00 or 1.50"
same_db "$before"

# the cohort sheet of a German coach: cp1252, ';', decimal commas
ok cohort import "$F/cohorts-de.csv"
err "note: cohorts-de.csv is not UTF-8; read as Windows-1252"
check '[ "$(fee_of herbst)" = 150000 ] && [ "$(fee_of winter)" = 150000 ]' "German fees are not 1,500.00"
check '[ "$(sql "SELECT coach_name FROM cohort WHERE slug = '"'herbst'"'")" = "Jürgen Groß" ]' \
	"the coach's name was not read as Windows-1252"

# an amount that could mean two things in a file: refused, naming the line and both readings
printf 'slug;fee\nherbst;2.500\n' > "$T/fee.csv"
before=$(db_state)
fails 1 cohort import "$T/fee.csv"
err "fee.csv:2: '2.500' could mean 2500.00 or 2.50"
same_db "$before"

cohort

# --- rosters as each program saves them ----------------------------------------
# Excel, German Windows: cp1252 with ';'
ok participant import c1 "$F/excel-de.csv" --dry-run
out "read as Windows-1252 text, fields separated by ';'"
err "note: excel-de.csv is not UTF-8; read as Windows-1252"
ok participant import c1 "$F/excel-de.csv"
out "3 participant rows: 3 added"
check '[ "$(name_of jose@example.com)" = "José Müller" ]' "cp1252 name stored as '$(name_of jose@example.com)'"
check '[ "$(company_of francois@example.com)" = "Lefèvre, Père et Fils" ]' "quoted company lost"
# the same people from LibreOffice (ISO-8859-1, every text quoted), Numbers (';', LF)
# and Excel's sep= line: nothing changes
for f in libreoffice-latin1.csv numbers-es.csv excel-sep.csv; do
	before=$(db_state)
	ok participant import c1 "$F/$f"
	out "3 participant rows: 0 added, 0 updated, 3 unchanged"
	same_db "$before"
done
# Excel "CSV UTF-8" in French: BOM and ';'; Excel "Unicode Text": UTF-16LE with tabs
ok participant import c1 "$F/excel-utf8-fr.csv" --dry-run
out "read as UTF-8 text, fields separated by ';'"
ok participant import c1 "$F/excel-utf8-fr.csv"
out "3 participant rows: 3 added, 0 updated, 0 unchanged"
check '[ "$(name_of taro@example.com)" = "山田太郎" ]' "CJK name stored as '$(name_of taro@example.com)'"
check '[ "$(company_of dmitri@example.com)" = "Рога и копыта" ]' "Cyrillic company lost"
before=$(db_state)
ok participant import c1 "$F/excel-unicode.txt" --dry-run
out "read as UTF-16LE text, fields separated by tabs"
ok participant import c1 "$F/excel-unicode.txt"
out "0 added, 0 updated, 3 unchanged"
# and Google Sheets: UTF-8 without a BOM
ok participant import c1 "$F/sheets.csv"
out "6 participant rows: 0 added, 0 updated, 6 unchanged"
same_db "$before"

# a named encoding, and one iconv does not know
printf 'Name;E-mail\n\360\364 \344\362;pt@example.com\n' > "$T/koi8.csv"
ok participant import c1 "$T/koi8.csv" --encoding KOI8-R
check '[ "$(name_of pt@example.com)" = "ПТ ДР" ]' "KOI8-R name stored as '$(name_of pt@example.com)'"
before=$(db_state)
fails 1 participant import c1 "$T/koi8.csv" --encoding NO-SUCH
err "unknown encoding 'NO-SUCH'"
# UTF-8 named: no fallback to Windows-1252, the row says it is not UTF-8
fails 1 participant import c1 "$F/libreoffice-latin1.csv" --encoding UTF-8
err "libreoffice-latin1.csv:2: not UTF-8 text"
# the wrong separator forced: the header is one column, and the error says so
fails 1 participant import c1 "$F/excel-de.csv" --separator ,
err "excel-de.csv:1: no e-mail column"
err "the header row is one column"
err "hint: name the separator with --separator"
fails 2 participant import c1 "$F/excel-de.csv" --separator x
same_db "$before"

# --- partial rows: a missing column keeps its field; an empty cell too, unless --clear-empty
printf 'E-mail,Name\njose@example.com,José Müller-Weber\n' > "$T/rename.csv"
ok participant import c1 "$T/rename.csv" --dry-run
out "rename.csv:2: jose@example.com name: 'José Müller' → 'José Müller-Weber'"
ok participant import c1 "$T/rename.csv"
out "1 updated"
check '[ "$(company_of jose@example.com)" = "Müller & Söhne" ]' "a one-column rename blanked the company"
printf 'E-mail,Name,Company\njose@example.com,José Müller-Weber,\n' > "$T/blank.csv"
ok participant import c1 "$T/blank.csv"
out "0 updated, 1 unchanged"
check '[ "$(company_of jose@example.com)" = "Müller & Söhne" ]' "an empty cell cleared the company"
ok participant import c1 "$T/blank.csv" --clear-empty
out "1 updated"
check '[ -z "$(company_of jose@example.com)" ]' "--clear-empty did not clear the company"

# first and last names in the order of their script
printf 'First name,Last name,E-mail\n太郎,鈴木,suzuki@example.com\n민준,김,kim@example.com\nAna,Lima,ana@example.com\n' > "$T/names.csv"
ok participant import c1 "$T/names.csv"
check '[ "$(name_of suzuki@example.com)" = "鈴木太郎" ]' "Japanese name joined as '$(name_of suzuki@example.com)'"
check '[ "$(name_of kim@example.com)" = "김 민준" ]' "Korean name joined as '$(name_of kim@example.com)'"
check '[ "$(name_of ana@example.com)" = "Ana Lima" ]' "Latin name joined as '$(name_of ana@example.com)'"

# --- the Excel round trip ------------------------------------------------------
# without a BOM, Excel reads showup's UTF-8 as Windows-1252 and saves it back
# double-encoded: the import refuses to overwrite clean names with it
ok participant list c1 --csv
cp "$T/out" "$T/roster-plain.csv"
$PY "$OFFICE" excel-open "$T/roster-plain.csv" "$T/roster-mangled.csv"
grep -q "JosÃ©" "$T/roster-mangled.csv" || fail "the simulated Excel did not mangle the names"
before=$(db_state)
fails 1 participant import c1 "$T/roster-mangled.csv"
err "roster-mangled.csv:"
err "name would change from 'José Müller-Weber' to 'JosÃ© MÃ¼ller-Weber', which looks like UTF-8 read as Windows-1252"
err "hint: import the file as it was saved before it was opened in Excel, or give --accept-changes"
fails 1 participant import c1 "$T/roster-mangled.csv" --dry-run
same_db "$before"
# with --excel the export has a BOM: Excel reads it right, and it comes back unchanged
ok participant list c1 --excel
cp "$T/out" "$T/roster-excel.csv"
check 'head -c3 "$T/roster-excel.csv" | od -An -tx1 | grep -q "ef bb bf"' "--excel wrote no BOM"
$PY "$OFFICE" excel-open "$T/roster-excel.csv" "$T/roster-back.csv"
ok participant import c1 "$T/roster-back.csv"
out "10 participant rows: 0 added, 0 updated, 10 unchanged"
same_db "$before"
# --accept-changes takes the mangled values when that is really what is wanted
ok participant import c1 "$T/roster-mangled.csv" --accept-changes
check '[ "$(name_of jose@example.com)" = "JosÃ© MÃ¼ller-Weber" ]' "--accept-changes did not take the value"
ok participant import c1 "$T/roster-plain.csv"
check '[ "$(name_of jose@example.com)" = "José Müller-Weber" ]' "the clean roster did not restore the name"

# --- schedules as Excel reformats their dates, two practice pairs at the same hour
# a UK Excel (cp1252, ';', dd/mm/yyyy) for a cohort in Sydney: day first by its zone
ok policy show c1
out "auto (dmy, by Australia/Sydney)"
ok session import c1 "$F/sched-uk.csv"
out "3 session rows: 3 added, 0 updated, 0 unchanged"
check '[ "$(sql "SELECT count(*) FROM session WHERE starts_at = 1804111200")" = 2 ]' \
	"the two pairs at 9:00 on 4 March 2027 (Sydney) are not two sessions"
check '[ "$(sql "SELECT count(*) FROM expected")" = 4 ]' "the pairs do not expect their people"
# the same schedule from a US Excel (m/d/yyyy, 12-hour clock): 3/18 cannot be day first
before=$(db_state)
fails 1 session import c1 "$F/sched-us.csv"
err "sched-us.csv:4: '3/18/2027 5:30 PM' is not a date read day first (d/m/y); read month first it is 18 March 2027"
err "hint: --date-order dmy, mdy or ymd says how this file writes dates; 'showup policy set c1 date.order ...'"
same_db "$before"
ok session import c1 "$F/sched-us.csv" --date-order mdy
out "3 session rows: 0 added, 0 updated, 3 unchanged"
same_db "$before"
# the cohort's own setting, then: the UK file no longer reads
ok policy set c1 date.order mdy
before=$(db_state)
ok session import c1 "$F/sched-us.csv"
out "0 added, 0 updated, 3 unchanged"
fails 1 session import c1 "$F/sched-uk.csv"
err "sched-uk.csv:4: '18/03/2027 17:30' is not a date read month first"
same_db "$before"
ok policy set c1 date.order auto
# German dates with dots
ok session import c1 "$F/sched-de.csv"
out "2 session rows: 2 added"
check '[ "$(sql "SELECT count(*) FROM session WHERE title = '"'Woche 3'"' AND starts_at = 1805956200")" = 1 ]' \
	"25.03.2027 17:30 was not read as 25 March 2027"

# --- an attendance export through Excel and back -------------------------------
export SHOWUP_NOW="2027-04-01T00:00:00Z"
ok mark c1:1 jose@example.com present
ok mark c1:1 zoe@example.com late 5
ok attendance export c1 --excel -o "$T/att.csv"
check 'head -c3 "$T/att.csv" | od -An -tx1 | grep -q "ef bb bf"' "attendance export --excel wrote no BOM"
$PY "$OFFICE" excel-open "$T/att.csv" "$T/att-back.csv"
before=$(db_state)
ok attendance import c1 "$T/att-back.csv"
out "2 attendance rows: 0 added, 0 updated, 2 unchanged"
same_db "$before"

finish
