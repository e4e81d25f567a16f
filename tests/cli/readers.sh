#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# readers.sh - files in the coach's own language, as office programs save them: each
# roster imports with the right names and e-mails, or is refused with nothing written.
. "$top_srcdir/tests/cli/lib.sh"

PY=/usr/bin/python3
mkdir -p "$T/files"
$PY "$top_srcdir/tests/cli/office.py" write "$T/files" || { echo "FAIL: office.py could not write the files"; exit 1; }
F="$T/files"

# roster_of SLUG: the cohort's participants as 'e-mail|name|company' lines, by e-mail
roster_of() { sql "SELECT p.email || '|' || p.name || '|' || p.company FROM participant p JOIN cohort c ON c.id = p.cohort_id WHERE c.slug = '$1' ORDER BY p.email"; }
# new_cohort SLUG: a cohort in Berlin
new_cohort() { ok cohort add "$1" --name "$1" --coach C --coach-email c@example.com --tz Europe/Berlin; }

ok init

# --- rosters in eight languages (and two registration exports), as saved
n=0
for f in roster-de roster-fr roster-es roster-pt roster-it roster-nl roster-pl eventbrite-fr anmeldung-de; do
	n=$((n + 1))
	new_cohort "l$n"
	ok participant import "l$n" "$F/$f.csv"
	check '[ "$(roster_of l'"$n"')" = "$(cat "$F/$f.csv.expected")" ]' \
		"$f.csv imported as '$(roster_of "l$n" | tr '\n' ' ')', not '$(tr '\n' ' ' < "$F/$f.csv.expected")'"
done
# the German Excel file as is: Windows-1252, ';', CRLF, with a note
ok participant import l1 "$F/roster-de.csv"
err "note: roster-de.csv is not UTF-8; read as Windows-1252"
out "2 participant rows: 0 added, 0 updated, 2 unchanged"
# the ticket number of the Eventbrite export is passed over, and the hint says how to read it
ok participant import l8 "$F/eventbrite-fr.csv" --dry-run
err "note: ignored columns: N° de participant"
err "hint: --column FIELD='N° de participant' reads it as one of these fields: name, first name, last name, e-mail, company"

# --- headers folded for case, accents, punctuation and typographic apostrophes
new_cohort fold
printf 'PRENOM;NOM DE FAMILLE;Adresse e\342\200\221mail;Soci\303\251t\303\251\nL\303\251a;Roy;lr@example.fr;Orange\n' > "$T/fold.csv"
ok participant import fold "$T/fold.csv"
check '[ "$(roster_of fold)" = "lr@example.fr|Léa Roy|Orange" ]' "folded headers not read: $(roster_of fold)"

# --- a header in no language known: refused, then named with --column
printf 'Kontakt;Teilnehmer\nkurt@example.de;Kurt Weill\n' > "$T/kontakt.csv"
before=$(db_state)
fails 1 participant import fold "$T/kontakt.csv"
err "kontakt.csv:1: no e-mail column (looked for 'email', 'e-mail', 'email address'"
err "note: ignored columns: Kontakt"
err "hint: --column FIELD='Kontakt' reads it"
same_db "$before"
fails 2 participant import fold "$T/kontakt.csv" --column mail=Kontakt
err "no field 'mail' in a participant import (fields: name, first name, last name, e-mail, company, call_name)"
same_db "$before"
fails 2 participant import fold "$T/kontakt.csv" --column e-mail
err "--column is FIELD=HEADER, not 'e-mail'"
same_db "$before"
fails 1 participant import fold "$T/kontakt.csv" --column e-mail=Telefon
err "no e-mail column (looked for 'Telefon')"
same_db "$before"
ok participant import fold "$T/kontakt.csv" --column E_Mail=kontakt
check '[ "$(roster_of fold | grep kurt)" = "kurt@example.de|Kurt Weill|" ]' "--column did not read Kontakt"

# --- the schedule, the attendance file and the cohort sheet know the same languages
new_cohort de
ok participant import de "$F/roster-de.csv"
printf 'Nr;Datum;Uhrzeit;Dauer;Art;Titel;Ort\r\n1;04.11.2026;09:00;90;group;Auftakt;Raum 1\r\n' | iconv -t CP1252 > "$T/termine.csv"
ok session import de "$T/termine.csv"
check '[ "$(sql "SELECT number || '"'|'"' || minutes || '"'|'"' || title || '"'|'"' || location FROM session")" = "1|90|Auftakt|Raum 1" ]' \
	"German schedule columns not read"
printf 'Sitzung;E-Mail;Anwesenheit;Bemerkung\n1;jm@example.de;present;p\303\274nktlich\n' > "$T/anwesenheit.csv"
ok attendance import de "$T/anwesenheit.csv"
check '[ "$(sql "SELECT note FROM attendance")" = "pünktlich" ]' "German attendance columns not read"
printf 'Code;Nom;Formateur;E-mail du formateur;Fuseau horaire\nautomne;Vendre;Yves;yves@example.fr;Europe/Paris\n' > "$T/cohortes.csv"
ok cohort import "$T/cohortes.csv"
check '[ "$(sql "SELECT name || '"'|'"' || coach_name || '"'|'"' || tz FROM cohort WHERE slug = '"'automne'"'")" = "Vendre|Yves|Europe/Paris" ]' \
	"French cohort columns not read"

# --- dates never read the wrong way in silence
# a schedule saved in the US (Excel en-US): month first, 12-hour clock, every
# date readable both ways; in a Berlin cohort it is refused, nothing written
new_cohort us
printf 'Subject,Date,Time\r\nKickoff,3/11/2027,9:00 AM\r\nWeek 2,4/1/2027,9:00 AM\r\n' > "$T/us.csv"
before=$(db_state)
fails 1 session import us "$T/us.csv"
err "us.csv: every date reads both day first and month first, and its 12-hour clock (AM/PM)"
err "'3/11/2027 9:00 AM' would be Wed 2027-11-03 09:00; name the order with --date-order mdy or dmy"
err "hint: --date-order dmy, mdy or ymd"
same_db "$before"
fails 1 session import us "$T/us.csv" --dry-run
same_db "$before"
# with the order named: a dry run lists each session with its weekday and date, then it imports
ok session import us "$T/us.csv" --date-order mdy --dry-run
out "us.csv:2: session 1 added: Thu 2027-03-11 09:00"
out "us.csv:3: session 2 added: Thu 2027-04-01 09:00"
err "note: every date of us.csv reads both day first and month first: read month first, as --date-order says"
same_db "$before"
ok session import us "$T/us.csv" --date-order mdy
check '[ "$(sql "SELECT group_concat(datetime(starts_at, '"'unixepoch'"'), '"'|'"') FROM (SELECT starts_at FROM session s JOIN cohort c ON c.id = s.cohort_id WHERE c.slug = '"'us'"' ORDER BY number)")" = "2027-03-11 08:00:00|2027-04-01 07:00:00" ]' \
	"the US schedule was not read month first"
# a European schedule whose dates all read both ways: imported day first, and a note says so
new_cohort eu
printf 'Datum;Uhrzeit;Titel\r\n03.11.2027;09:00;Auftakt\r\n04.01.2027;09:00;Woche 2\r\n' > "$T/eu.csv"
ok session import eu "$T/eu.csv"
err "note: every date of eu.csv reads both day first and month first: read day first, as the cohort's date order says ('03.11.2027 09:00' is Wed 2027-11-03 09:00); --date-order mdy reads them the other way"
# one date only day first reads settles it: no note
printf 'Datum;Uhrzeit;Titel\r\n03.11.2027;09:00;Auftakt\r\n24.11.2027;09:00;Woche 4\r\n' > "$T/eu2.csv"
ok session import eu "$T/eu2.csv" --dry-run
check '! grep -q "reads both" "$T/err"' "a note though a date settles the order"

# --- Windows-1250 (Polish, Czech, Hungarian Excel) is told from Windows-1252 by its letters
ok cohort add pl --name PL --coach C --coach-email c@example.com --tz Europe/Warsaw
printf 'Imię i nazwisko;Adres e-mail\r\nŁukasz Żółć;lz@example.pl\r\nMałgorzata Wąsowska;mw@example.pl\r\n' |
	iconv -f UTF-8 -t CP1250 > "$T/lista-1250.csv"
ok participant import pl "$T/lista-1250.csv"
err "note: lista-1250.csv is not UTF-8; read as Windows-1250"
check '[ "$(roster_of pl)" = "$(printf "lz@example.pl|Łukasz Żółć|\nmw@example.pl|Małgorzata Wąsowska|")" ]' \
	"a Windows-1250 roster read as $(roster_of pl | tr '\n' ' ')"
# bytes that are letters both ways ('Æ' or 'Ć'): the cohort's region settles it
printf 'Name;E-mail\r\nJan \306wik;jc@example.pl\r\n' > "$T/tie.csv"
ok participant import pl "$T/tie.csv"
err "read as Windows-1250"
new_cohort tie
ok participant import tie "$T/tie.csv"
err "read as Windows-1252"
check '[ "$(roster_of pl | grep jc@)" = "jc@example.pl|Jan Ćwik|" ] && [ "$(roster_of tie)" = "jc@example.pl|Jan Æwik|" ]' \
	"the region did not settle a tie: $(roster_of pl | grep jc@), $(roster_of tie)"
# a Zoom report saved by Polish Excel: the names match the roster, and a note names the encoding
ok session add pl --at "2026-11-09 10:00" --minutes 60
printf 'Name (Original Name),Join Time,Leave Time,Duration (Minutes)\r\nŁukasz Żółć,11/09/2026 09:58:00 AM,11/09/2026 11:00:00 AM,62\r\nMałgorzata Wąsowska,11/09/2026 10:07:30 AM,11/09/2026 11:00:00 AM,53\r\n' |
	iconv -f UTF-8 -t CP1250 > "$T/zoom-1250.csv"
ok attendance from-meeting pl:1 "$T/zoom-1250.csv"
out "note: zoom-1250.csv is not UTF-8; read as Windows-1250"
grep -E '^Łukasz Żółć .* present$' "$T/out" >/dev/null || fail "Łukasz is not matched and present"
grep -E '^Małgorzata Wąsowska .* late' "$T/out" >/dev/null || fail "Małgorzata is not matched and late"
no_out "unmatched"
# --encoding names what no guess can know: ISO-8859-2 writes 'ą' where Windows-1250 has '±'
iconv -f CP1250 -t ISO-8859-2 < "$T/zoom-1250.csv" > "$T/zoom-latin2.csv"
ok attendance from-meeting pl:1 "$T/zoom-latin2.csv" --encoding ISO-8859-2
grep -E '^Małgorzata Wąsowska .* late' "$T/out" >/dev/null || fail "--encoding ISO-8859-2: Małgorzata is not matched"
no_out "note: zoom-latin2.csv is not UTF-8"
fails 1 attendance from-meeting pl:1 "$T/zoom-latin2.csv" --encoding KLINGON
err "unknown encoding 'KLINGON'"

# --- suspicious names
# Excel's plain "CSV" in a Western locale turns letters outside Windows-1252 into '?'
$PY -c 'import sys; open(sys.argv[1], "wb").write("Name;E-mail\r\nŁukasz Żółć;lz@example.pl\r\nAnna Nowak;an@example.pl\r\n".encode("cp1252", "replace"))' "$T/lossy.csv"
new_cohort lossy
before=$(db_state)
fails 1 participant import lossy "$T/lossy.csv"
err "lossy.csv:2: the name '?ukasz ?ó??' has"
err "has '?' where letters were: the file was saved in a code page without them"
err "hint: the letters are lost in the file itself: save the sheet again as 'CSV UTF-8'"
check '! grep -q "lossy.csv:3" "$T/err"' "a clean name was refused"
same_db "$before"
# a roster without a header row: its first row is data, not a header
printf 'ana@example.com,Ana Lima\r\nben@example.com,Ben Braun\r\n' > "$T/noheader.csv"
fails 1 participant import lossy "$T/noheader.csv"
err "noheader.csv:1: the first row holds an e-mail address, 'ana@example.com': it is a row of data, and the file has no header row"
err "hint: add a header row that names the columns"
check '! grep -q "ignored columns" "$T/err"' "the e-mail of the first row is called an ignored column"
same_db "$before"

# --- help lists what is recognised
ok help participant import
out "Headers recognised"
out "Vorname"
out "Imię i nazwisko"
out "--column FIELD=HEADER"

finish
