#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# report.sh - the PDF reports, read back with pdftotext, pdfinfo and pdffonts.
. "$top_srcdir/tests/cli/lib.sh"
cd "$T" || exit 1
text() { pdftotext -layout "$1" - 2>/dev/null; }
pages() { pdfinfo "$1" 2>/dev/null | sed -n 's/^Pages: *//p'; }
# every reader takes the whole file without a word on stderr: poppler, qpdf, mupdf, pypdf
readers() {
	{ pdftotext "$1" /dev/null && pdffonts "$1" >/dev/null && qpdf --check "$1" >/dev/null &&
	  mutool draw -q -F txt -o /dev/null "$1" &&
	  /usr/bin/python3 -W error -c 'import sys, pypdf
r = pypdf.PdfReader(sys.argv[1], strict=True)
for page in r.pages: page.extract_text()' "$1"; } 2>&1 >/dev/null |
	  grep -v "^warning: ICC support is not available$" > "$T/readers.err"
	[ ! -s "$T/readers.err" ] || { cat "$T/readers.err"; return 1; }
}
# every font embedded as a subset ("ABCDEF+Name"), with a text map
subset_fonts() {
	pdffonts "$1" 2>/dev/null | tail -n +3 > "$T/fonts"
	[ -s "$T/fonts" ] && ! grep -v "^[A-Z]\{6\}+[^ ]* *CID TrueType *Identity-H *yes yes yes" "$T/fonts"
}

# four participants over four held sessions (and one to come); now is 2026-11-22 11:00
cohort
ok participant add c1 --name "Ana Lúcia Ferreira" --email ana@example.com --company "Ibérica"
ok participant add c1 --name "Ελένη Παπαδοπούλου" --email eleni@example.com
ok participant add c1 --name "Анна Смирнова" --email anna@example.com
# U+1F600 and U+1F601, beyond the BMP: DejaVu Sans has them, in both faces
ok participant add c1 --name "Mathilde 😀😁" --email math@example.com
ok participant add c1 --name "Maximiliane Konstantinopoulou-Featherstonehaugh von Habsburg" \
	--email max@example.com
for day in 02 09 16 19 30; do ok session add c1 --at "2026-11-$day 09:00" --title "Week $day"; done
# the marks, one line each: session email mark
cat > "$T/marks" <<'M'
1 ana present
2 ana present
3 ana present
4 ana present
1 eleni no-show
2 eleni present
3 eleni late 20
1 anna excused medical
2 anna present
3 anna present
4 anna present
1 max present
2 max present
4 max present
1 math present
2 math present
3 math present
4 math present
M
while read -r n who mark rest; do
	ok mark "c1:$n" "$who@example.com" "$mark" $rest
done < "$T/marks"
ok cancel c1:4 eleni@example.com --at "2026-11-18 20:00" --reason work --note "father hospitalised"
ok cancel c1:3 max@example.com --at "2026-11-10 10:00" --reason travel
# what the report must say, worked out here: attended / (expected - excused)
attended=$(grep -cE ' (present|late)' "$T/marks")
expected=20
excused=$(grep -c ' excused' "$T/marks")
rate=$((100 * attended / (expected - excused)))

ok report attendance c1 -o "$T/a.pdf" --date 2026-11-21
out "wrote $T/a.pdf"
text "$T/a.pdf" > "$T/a.txt"
check 'grep -q "Attendance report" "$T/a.txt"' "no title"
check 'grep -q "${rate}%" "$T/a.txt"' "the attendance rate is not ${rate}%"
# reasons only as their class (E, X): no health reason, no note in a report for others
check '! grep -qi "medical\|hospitalised" "$T/a.txt"' "the attendance report shows a reason or note"
check 'grep -q "$attended of $expected expected" "$T/a.txt"' "attended/expected wrong"
check 'grep -q "Ελένη Παπαδοπούλου" "$T/a.txt"' "the Greek name is missing"
check 'grep -q "Анна Смирнова" "$T/a.txt"' "the Cyrillic name is missing"
check 'grep -q "Maximiliane Konstantinopoulou-F.*…" "$T/a.txt"' "the long name is not shortened"
check '! grep -q "von Habsburg" "$T/a.txt"' "the long name overflows its cell"
# Eleni: a no-show (2) and a late cancellation (1): the final notice is due
check 'grep -q "Ελένη Παπαδοπούλου.*3.*final-notice due" "$T/a.txt"' "Eleni is not at risk"
check '[ "$(pages "$T/a.pdf")" = 2 ]' "the attendance report is not two pages"
check 'pdffonts "$T/a.pdf" 2>/dev/null | grep -q "DejaVuSans.*yes *yes"' "the font is not embedded"
check 'pdfinfo "$T/a.pdf" 2>/dev/null | grep -q "Author: *Cora Coach"' "no author in the metadata"
check 'pdfinfo "$T/a.pdf" 2>/dev/null | grep -q "Title: *Attendance report: Test cohort"' \
	"no title in the metadata"
check 'pdftoppm -png -r 40 -f 1 -l 1 "$T/a.pdf" "$T/a" 2>/dev/null && [ -s "$T/a-1.png" ]' \
	"the first page does not render"
check 'readers "$T/a.pdf"' "a PDF reader complains about the attendance report"
check 'subset_fonts "$T/a.pdf"' "the attendance report's fonts are not subsets with text maps"
check 'grep -q "Mathilde 😀😁" "$T/a.txt"' "a name beyond the BMP does not come back from the text"
# the text map itself: the glyphs of U+1D400 and U+1D401 map to their UTF-16 pairs
qpdf --qdf --object-streams=disable "$T/a.pdf" "$T/a-plain.pdf"
check 'grep -aq "<D83DDE00>" "$T/a-plain.pdf" && grep -aq "<D83DDE01>" "$T/a-plain.pdf"' \
	"the text map lacks the surrogate pairs"
check '! grep -aq "begincidrange" "$T/a-plain.pdf"' "a CID map stands as a text map"

# the same data and date give the same bytes
ok report attendance c1 -o "$T/a2.pdf" --date 2026-11-21
check 'cmp -s "$T/a.pdf" "$T/a2.pdf"' "two runs with one --date differ"
ok report attendance c1 -o "$T/a3.pdf" --date 2026-11-20
check '! cmp -s "$T/a.pdf" "$T/a3.pdf"' "another --date gives the same file"

# letter paper, and the default file under reports/
ok report commitment c1 --paper letter --date 2026-11-21
out "wrote reports/c1-commitment-2026-11-21.pdf"
check 'pdfinfo reports/c1-commitment-2026-11-21.pdf 2>/dev/null | grep -q "612 x 792"' \
	"--paper letter is not letter"
check '[ "$(pages reports/c1-commitment-2026-11-21.pdf)" = 5 ]' "not a page per participant"
check '[ "$(grep -ac "/Dest" reports/c1-commitment-2026-11-21.pdf)" -ge 4 ]' \
	"no bookmark per participant"

# --split: a file each, named by the address, each that person's report alone
ok report commitment c1 --split "$T/split" --date 2026-11-21
out "wrote 5 reports in $T/split/"
check '[ "$(ls "$T/split" | wc -l)" = 5 ]' "--split did not write a file per participant"
check 'text "$T/split/eleni@example.com.pdf" | grep -q "Ελένη Παπαδοπούλου" &&
	! text "$T/split/eleni@example.com.pdf" | grep -q "Анна"' "a split file is not its person's alone"
check 'readers "$T/split/anna@example.com.pdf"' "a PDF reader complains about a split file"
fails 2 report commitment c1 eleni@example.com --split "$T/split2"
err "--split writes everyone's report"
check '[ ! -e "$T/split2" ]' "a refused --split made its folder"

# one participant's commitments
ok report commitment c1 eleni@example.com -o "$T/e.pdf" --date 2026-11-21
text "$T/e.pdf" > "$T/e.txt"
check '[ "$(pages "$T/e.pdf")" = 1 ]' "one participant's report is not one page"
check 'grep -q "no-show.*+2" "$T/e.txt"' "the no-show and its points are missing"
check 'grep -q "late cancellation *[0-9]* h ahead *work: father hospitalised *+1" "$T/e.txt"' \
	"the late cancellation, its notice and reason are missing"
check 'grep -q "late, 20 min" "$T/e.txt"' "the late arrival is missing"
check '! grep -q "Анна" "$T/e.txt"' "another participant is in one participant's report"
check 'readers "$T/e.pdf"' "a PDF reader complains about the commitment report"
# dates as the cohort writes them (Sydney: day first), with the weekday; date.order wins
check 'grep -q "^ *1 Mon 02/11/2026 09:00 *group" "$T/e.txt"' "the dates are not day first with the weekday"
check 'grep -q "points" "$T/e.txt" && grep -q "1 *policy-reminder" "$T/e.txt"' \
	"the points chart has no labelled axis or ladder"
ok policy set c1 date.order mdy
ok report commitment c1 eleni@example.com -o "$T/e2.pdf" --date 2026-11-21
check 'text "$T/e2.pdf" | grep -q "^ *1 Mon 11/02/2026 09:00 *group"' "date.order mdy is not followed"
check 'text "$T/e2.pdf" | grep -q "as of Sat 11/21/2026 23:59"' "the report's date is not month first"
ok policy set c1 date.order auto
check 'subset_fonts "$T/e.pdf"' "the commitment report's fonts are not subsets with text maps"

# the sign-in sheet: who is expected, and rows to sign; who cancelled is apart, with when
ok cancel c1:5 math@example.com --at "2026-11-21 08:00" --reason travel
ok report sheet c1:5 -o "$T/s.pdf" --date 2026-11-21
text "$T/s.pdf" > "$T/s.txt"
for who in "Ana Lúcia Ferreira" "Ελένη Παπαδοπούλου" "Анна Смирнова"; do
	check 'grep -q "$who" "$T/s.txt"' "$who is not on the sheet"
done
check 'grep -q "signature" "$T/s.txt"' "no signature column"
check 'grep -q "Session 5: Week 30" "$T/s.txt"' "the sheet does not name its session"
check 'grep -q "Mon 30/11/2026 09:00" "$T/s.txt"' "the session's date is not day first with the weekday"
check '! grep -q "^ *[0-9][0-9]* *Mathilde" "$T/s.txt"' "someone who cancelled has a row to sign"
check 'sed -n "/Cancelled already/,\$p" "$T/s.txt" | grep -q "Mathilde .*cancelled Sat 21/11/2026 08:00"' \
	"the sheet does not show who cancelled, and when"
# the sheet goes round the room: no reason code of the cohort's list on it
ok policy show c1
for code in $(sed -n "s/^reasons\.[a-z]* *//p" "$T/out" | tr ',' ' '); do
	check '! grep -qw -- "$code" "$T/s.txt"' "the sign-in sheet shows the reason '$code'"
done
check 'readers "$T/s.pdf"' "a PDF reader complains about the sign-in sheet"
check 'subset_fonts "$T/s.pdf"' "the sign-in sheet's fonts are not subsets with text maps"

# a name no font can draw: the report still comes out, and the command says who
ok participant add c1 --name "田中 美咲" --email misaki@example.com
ok report attendance c1 -o "$T/k.pdf" --fallback-font ""
err "warning: 田中 美咲 <misaki@example.com>: the name has characters no installed font draws"
check '[ -s "$T/k.pdf" ]' "no report when a name lacks glyphs"
# with a fallback font installed (fonts-droid-fallback), the name is drawn in it
if [ -n "$(fc-list ':charset=7530 4e2d 7f8e 54b2:fontformat=TrueType' file 2>/dev/null)" ]; then
	ok report attendance c1 -o "$T/k2.pdf"
	check '! grep -q "warning" "$T/err"' "a warning although a fallback font covers the name"
	check 'pdftotext "$T/k2.pdf" - 2>/dev/null | grep -q "田中 美咲"' "the CJK name is missing"
	check 'readers "$T/k2.pdf"' "a PDF reader complains about a report with a fallback font"
	check '[ "$(pdffonts "$T/k2.pdf" 2>/dev/null | grep -c "CID TrueType.*yes *yes")" -ge 2 ]' \
		"the fallback font is not embedded"
fi

# bad requests: exit status, a message, and no file
fails 1 report attendance nope -o "$T/x.pdf"
err "no cohort 'nope'"
fails 2 report attendance c1 --paper a3 -o "$T/x.pdf"
err "--paper is a4 or letter"
fails 1 report attendance c1 --date 2026-13-01 -o "$T/x.pdf"
err "error: --date: '2026-13-01' is not a day of the calendar"
fails 1 report commitment c1 zed@example.com -o "$T/x.pdf"
err "zed@example.com"
ok session cancel c1:5 --at "2026-11-22 10:00"
fails 1 report sheet c1:5 -o "$T/x.pdf"
err "was cancelled by the coach"
fails 1 report sheet c1:9 -o "$T/x.pdf"
fails 1 report attendance c1 -o "$T/no/such/dir/x.pdf"
err "cannot write"
check '[ ! -e "$T/x.pdf" ]' "a failed report left a file"
check '[ -z "$(ls "$T"/*.tmp-* 2>/dev/null)" ]' "a temporary file was left behind"

# one-person sessions are summed up apart from the chart of group sessions
ok session add c1 --at "2026-11-20 15:00" --kind coaching --with ana@example.com
ok mark c1:6 ana@example.com present
ok report attendance c1 -o "$T/k3.pdf" --date 2026-11-21
text "$T/k3.pdf" > "$T/k3.txt"
check 'grep -q "Attendance rate of each group session" "$T/k3.txt"' "the chart is not of group sessions"
check 'grep -q "apart: coaching (1:1) 1 held, 1 of 1 attended (100%); *practice none held" "$T/k3.txt"' \
	"the 1:1 sessions are not summed up apart"

# a large cohort paginates: every name on every block of sessions, heads repeated
ok cohort add big --name "Big" --coach "Cora Coach" --coach-email cora@example.com \
	--tz Europe/London
/usr/bin/python3 - "$T" <<'PY'
import sys
d = sys.argv[1]
with open(d + "/people.csv", "w") as f:
    f.write("name,email\n")
    for i in range(120):
        f.write("Person %03d,p%03d@example.com\n" % (i, i))
with open(d + "/sessions.csv", "w") as f:
    f.write("number,start\n")
    for j in range(40):
        f.write("%d,2026-%02d-%02d 09:00\n" % (j + 1, 1 + j // 4, 1 + 7 * (j % 4)))
PY
ok participant import big "$T/people.csv"
ok session import big "$T/sessions.csv"
ok report attendance big -o "$T/big.pdf" --date 2026-11-21
text "$T/big.pdf" > "$T/big.txt"
n=$(pages "$T/big.pdf")
heads=$(grep -c "Every expected attendance" "$T/big.txt")
check '[ "$heads" -eq $((n - 1)) ]' "the matrix heads are not on each of its pages ($heads of $((n - 1)))"
check '[ "$n" -ge 9 ]' "120 x 40 fits on too few pages ($n)"
blocks=$(grep -c "Every expected attendance: .*(columns 1 to" "$T/big.txt")
# each block's heading tells its columns: counts that add up to the 40 sessions
check '[ "$(sed -n "s/.*Every expected attendance: \([0-9]*\) sessions, .*(columns \([0-9]*\) to \([0-9]*\) of 40).*/\1 \2 \3/p" "$T/big.txt" |
	sort -u | awk "\$1 == \$3 - \$2 + 1 { n += \$1 } END { print n }")" = 40 ]' \
	"the matrix headings do not match their columns"
check '[ "$(grep -c "Person 07[0-9]" "$T/big.txt")" -eq $((10 * (heads / blocks))) ]' \
	"names are missing from some blocks of sessions"
# libharu (loaded at the first PDF, not linked) copies through pdf.c's HPDF_MemCpy, the C
# library's copy, not its own byte-at-a-time loop: the program exports the name to it
LD_DEBUG=bindings "$SHOWUP" report attendance c1 -o "$T/bind.pdf" --date 2026-11-21 \
	2> "$T/bindings" >/dev/null
check 'grep -q "libhpdf.* to [^ ]*showup .*HPDF_MemCpy" "$T/bindings"' \
	"libharu's copies do not reach showup's HPDF_MemCpy"
finish
