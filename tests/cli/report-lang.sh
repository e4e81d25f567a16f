#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# report-lang.sh - the PDF reports in the cohort's language: a German cohort's three
# reports read back with pdftotext (headings, legend, tiles, outcome and reason words,
# dates and amounts as Germans write them, no English word left, no word cut), then
# the same cohort in French and Spanish.
. "$top_srcdir/tests/cli/lib.sh"
cd "$T" || exit 1
text() { pdftotext -layout "$1" - 2>/dev/null; }

# no_english FILE WORD...: none of the English words is in the text (whole words)
no_english() {
	f=$1
	shift
	for w in "$@"; do
		check '! grep -qiw -- "$w" "$f"' "$f: the English word '$w' is left"
	done
}
# uncut FILE: no word of the report was cut short to fit (pdf_text's ellipsis)
uncut() {
	f=$1
	check '! grep -q "…" "$f"' "$f: words cut short: $(grep "…" "$f" | head -n 3)"
}

ok init
ok cohort add hh --name "Führung Hamburg" --coach "Cora Coach" --coach-email cora@example.com \
	--tz Europe/Berlin --fee 1890 --currency EUR --language de
ok participant add hh --name "Anna Müller" --email anna@example.com --company "Hafen GmbH"
ok participant add hh --name "Björn Schulz" --email bjoern@example.com
ok participant add hh --name "Clara Weiß" --email clara@example.com
for day in 02 09 16 19 30; do ok session add hh --at "2026-11-$day 18:00" --title "Woche $day"; done
ok mark hh:1 anna@example.com present
ok mark hh:2 anna@example.com late 12
ok mark hh:1 bjoern@example.com no-show
ok cancel hh:2 bjoern@example.com --at "2026-11-09 12:00" --reason customer-meeting --note "Messe"
ok mark hh:3 bjoern@example.com no-show
ok mark hh:1 clara@example.com excused medical
ok mark hh:2 clara@example.com present
ok cancel hh:3 clara@example.com --at "2026-11-10 10:00" --reason travel
ok refund offer hh bjoern@example.com --amount 1890 --at "2026-11-20 10:00"

# the attendance report: heading, tiles, chart, those at risk, the matrix and its legend
ok report attendance hh -o "$T/a.pdf" --date 2026-11-21
text "$T/a.pdf" >"$T/a.txt"
for words in "Anwesenheitsbericht" "Stand Sa., 21.11.2026, 23:59" "Abgehaltene Termine" \
	"Anwesenheitsquote" "Späte Absagen" "3 von 8 erwarteten" "Gefährdete Teilnehmende" \
	"Teilnehmer/in" "Erstattung offen: 1.890,00 € bis Fr., 27.11.2026, 10:00" \
	"Jede erwartete Teilnahme: 5 Termine" "Seite 1 von 2" "Zeiten in Europe/Berlin" "43 %"; do
	check 'grep -qF -- "$words" "$T/a.txt"' "the attendance report lacks '$words'"
done
# the legend: every outcome's words, each beside its own letter
for pair in "A anwesend" "V verspätet" "R rechtzeitig abgesagt" "X späte Absage" \
	"N nicht erschienen" "E entschuldigt" "U rechtzeitig umgebucht" "vom Coach abgesagt" \
	"nicht erfasst" "nicht erwartet"; do
	check 'grep -q -- "$pair" "$T/a.txt"' "the legend lacks '$pair'"
done
# the matrix speaks the legend's letters: Björn N X N, Clara E A R
check 'grep -q "Björn Schulz *N *X *N" "$T/a.txt" && grep -q "Clara Weiß *E *A *R" "$T/a.txt"' \
	"the matrix's letters are not the German ones"
no_english "$T/a.txt" attendance report sessions held rate "late cancellations" no-shows \
	participants risk expected present late excused recorded page refund offer EUR Sat Fri \
	Nov of to
uncut "$T/a.txt"
check 'pdfinfo "$T/a.pdf" 2>/dev/null | grep -q "Title: *Anwesenheitsbericht: Führung Hamburg"' \
	"the document's title is not German"
check 'pdffonts "$T/a.pdf" 2>/dev/null | grep -q "DejaVuSans.*yes *yes"' "the font changed"

# the commitment report: Björn's, with his late cancellation for a customer meeting
ok report commitment hh bjoern@example.com -o "$T/c.pdf" --date 2026-11-21
text "$T/c.pdf" >"$T/c.txt"
for words in "Verbindlichkeitsbericht" "Verlässlichkeit" "Vorlauf bei Absagen" \
	"Punkte im Verlauf der Termine" "5 Punkte, über der letzten Stufe" "3 letzte Mahnung" \
	"Mitteilungen und Erstattungsangebot" "keine Mitteilung gesendet" \
	"Erstattungsangebot über 1.890,00 € offen bis Fr., 27.11.2026, 10:00" "Zusagen" \
	"Grund und Notiz" "Mo., 02.11.2026, 18:00" "nicht erschienen" "steht bevor"; do
	check 'grep -qF -- "$words" "$T/c.txt"' "the commitment report lacks '$words'"
done
check 'grep -q "späte Absage *6 h vorher *Kundentermin: Messe *+1" "$T/c.txt"' \
	"the late cancellation, its notice and reason are not in German"
no_english "$T/c.txt" commitment customer-meeting "customer meeting" points sessions \
	notices refund offer sent ahead outcome reason note final-notice warning EUR Mon
uncut "$T/c.txt"
ok report commitment hh anna@example.com -o "$T/c2.pdf" --date 2026-11-21
check 'text "$T/c2.pdf" | grep -q "verspätet, 12 Min."' "a late arrival is not in German"

# the sign-in sheet
ok report sheet hh:4 -o "$T/s.pdf" --date 2026-11-21
text "$T/s.pdf" >"$T/s.txt"
for words in "Anwesenheitsliste" "Termin 4: Woche 19" "Do., 19.11.2026, 18:00" \
	"Gruppe, 60 Minuten" "Teilnehmer/in" "Firma" "Ankunft" "Unterschrift"; do
	check 'grep -qF -- "$words" "$T/s.txt"' "the sign-in sheet lacks '$words'"
done
no_english "$T/s.txt" sign-in sheet session group minutes participant company arrived signature
uncut "$T/s.txt"
check 'pdftoppm -png -r 50 "$T/a.pdf" "$T/a" 2>/dev/null && [ -s "$T/a-2.png" ]' \
	"the German matrix page does not render"
# letter paper is narrower (landscape: 50 points): the German words still fit
ok report attendance hh -o "$T/al.pdf" --paper letter --date 2026-11-21
text "$T/al.pdf" >"$T/al.txt"
uncut "$T/al.txt"
ok report commitment hh -o "$T/cl.pdf" --paper letter --date 2026-11-21
text "$T/cl.pdf" >"$T/cl.txt"
uncut "$T/cl.txt"

# other_language LANG LINE WORDS...: the same cohort in French or Spanish (LANG); its
# attendance report has each of WORDS and no English word, Björn's commitment report
# has his late cancellation as LINE (a pattern)
other_language() {
	lang=$1 line=$2
	shift 2
	ok cohort edit hh --language "$lang"
	ok report attendance hh -o "$T/a-$lang.pdf" --date 2026-11-21
	text "$T/a-$lang.pdf" >"$T/a-$lang.txt"
	for words in "$@"; do
		check 'grep -qF -- "$words" "$T/a-$lang.txt"' "the $lang attendance report lacks '$words'"
	done
	no_english "$T/a-$lang.txt" attendance report held "late cancellations" no-shows \
		expected refund offer EUR Sat
	uncut "$T/a-$lang.txt"
	ok report commitment hh bjoern@example.com -o "$T/c-$lang.pdf" --date 2026-11-21
	check 'text "$T/c-$lang.pdf" | grep -q -- "$line"' \
		"the $lang commitment report lacks the late cancellation '$line'"
}
other_language fr "annulation tardive *6 h avant *rendez-vous client: Messe" \
	"Rapport de présence" "au sam. 21/11/2026 23:59" "Participants à risque" \
	"remboursement proposé : 1 890,00 €" "annulation tardive" \
	"absence sans prévenir" "Séances tenues" "page 1 sur 2" "43 %"
other_language es "cancelación tardía *6 h antes *reunión con un cliente: Messe" \
	"Informe de asistencia" "a sáb, 21/11/2026, 23:59" "Participantes en riesgo" \
	"oferta de reembolso abierta: 1.890,00 €" "cancelación tardía" "no se presentó" \
	"Sesiones celebradas" "página 1 de 2"

# each language's matrix letters differ from each other (the legend tells them apart)
for lang in de fr es; do
	letters=$(sed -n '/^msgctxt "report letter"/{n;n;s/^msgstr "\(.*\)"/\1/p}' \
		"$top_srcdir/po/$lang.po" | sort)
	check '[ "$(echo "$letters" | wc -l)" = 7 ] && [ -z "$(echo "$letters" | uniq -d)" ]' \
		"po/$lang.po: the matrix letters are not seven different ones: $letters"
done

# back in English: the words of before
ok cohort edit hh --language en
ok report attendance hh -o "$T/a-en.pdf" --date 2026-11-21
check 'text "$T/a-en.pdf" | grep -q "refund offer open: 1,890.00 EUR until Fri 27/11/2026 10:00"' \
	"English is not as before"
finish
