#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# csv.sh - spreadsheet imports: header names, BOM, CRLF, quoting, bad rows, re-imports.
. "$top_srcdir/tests/cli/lib.sh"

cohort

# a spreadsheet export: BOM, CRLF, other header spellings, quoted comma, extra columns
printf '\357\273\277First Name,Last Name,Email Address,Organisation,Phone\r\n' > "$T/r1.csv"
printf 'José,Álvarez,jose@example.com,"Smith, Jones & Co",555\r\n' >> "$T/r1.csv"
printf 'Анна,Смирнова,ANNA@example.com,,\r\n' >> "$T/r1.csv"
printf '\r\n' >> "$T/r1.csv"
printf '"Ní Bhriain","Aoife",aoife@example.org,"Line\r\nbreak Ltd",\r\n' >> "$T/r1.csv"
ok participant import c1 "$T/r1.csv"
out "3 participant rows: 3 added, 0 updated, 0 unchanged"
err "note: ignored columns: Phone"
check '[ "$(sql "SELECT name FROM participant WHERE email = '"'jose@example.com'"'")" = "José Álvarez" ]' \
	"first + last name not joined"
check '[ "$(sql "SELECT company FROM participant WHERE email = '"'jose@example.com'"'")" = "Smith, Jones & Co" ]' \
	"quoted company lost"

# the same file again changes nothing; a changed row updates, and the log shows it
before=$(db_state)
ok participant import c1 "$T/r1.csv"
out "0 added, 0 updated, 3 unchanged"
same_db "$before"
sed -i 's/,555/,556/; s/Смирнова/Петрова/' "$T/r1.csv"
ok participant import c1 "$T/r1.csv"
out "0 added, 1 updated, 2 unchanged"
ok log c1 --table
out "participant update"
out "3 participant rows: 3 added, 0 updated, 0 unchanged"
out "Анна Смирнова"
out "Анна Петрова"

# --dry-run reports and writes nothing
printf 'Name,E-mail\nNew Person,new@example.com\n' > "$T/r2.csv"
before=$(db_state)
ok participant import c1 "$T/r2.csv" --dry-run
out "dry run, nothing written: 1 participant row: 1 added"
same_db "$before"

# bad rows: every one listed as file:line, exit 1, nothing imported
cat > "$T/bad.csv" <<'CSV'
Name,E-mail,Company
Good One,good1@example.com,A
No Mail,,B
Bad Mail,not-an-address,C
Good Two,good2@example.com,D

Twice,GOOD1@example.com,E
,noname@example.com,F
CSV
before=$(db_state)
fails 1 participant import c1 "$T/bad.csv"
err_line 1 "bad.csv:3: no e-mail address"
err_line 2 "bad.csv:4: 'not-an-address' is not an e-mail address"
err_line 3 "bad.csv:7: 'GOOD1@example.com' appears again (first on line 2)"
err_line 4 "bad.csv:8: no name for 'noname@example.com'"
err "error: bad.csv: 4 bad rows; nothing was imported"
same_db "$before"

# no e-mail column at all
printf 'Name,Phone\nA,1\n' > "$T/nocol.csv"
fails 1 participant import c1 "$T/nocol.csv"
err "nocol.csv:1: no e-mail column"
# a stray quote
printf 'Name,E-mail\nA "B" C,abc@example.com\n' > "$T/quote.csv"
fails 1 participant import c1 "$T/quote.csv"
err "quote.csv:2:"
# not UTF-8: read as Windows-1252, and said so
printf 'Name,E-mail\nJos\351,latin1@example.com\n' > "$T/latin1.csv"
ok participant import c1 "$T/latin1.csv" --dry-run
err "note: latin1.csv is not UTF-8; read as Windows-1252"
out "read as Windows-1252 text, fields separated by ','"
# UTF-8, then a line that is not: the file mixes encodings
printf 'Name,E-mail\nJos\303\251,a@example.com\nJos\351,b@example.com\n' > "$T/mixed.csv"
fails 1 participant import c1 "$T/mixed.csv"
err "mixed.csv:3: not UTF-8 text, unlike the lines before it"
err "hint: name the file's encoding with --encoding"
# hostile sizes: a 10 MB field stops the reading at once; a long name is refused by its length
before=$(db_state)
/usr/bin/python3 -c "import sys; sys.stdout.write('Name,E-mail\\n' + 'x' * 10485760 + ',big@example.com\\n')" > "$T/huge.csv"
fails 1 participant import c1 "$T/huge.csv"
err "huge.csv:2: a field is longer than 1 MiB"
printf 'Name,E-mail,Company\n%s,long@example.com,\nOk,ok@example.com,%s\n' \
	"$(head -c 300 /dev/zero | tr '\0' 'n')" "$(head -c 201 /dev/zero | tr '\0' 'c')" > "$T/long.csv"
fails 1 participant import c1 "$T/long.csv"
err "long.csv:2: the name is 300 characters long (at most 200)"
err "long.csv:3: the company is 201 characters long (at most 200)"
same_db "$before"
# missing and empty files
fails 1 participant import c1 "$T/missing.csv"
err "cannot open"
: > "$T/empty.csv"
fails 1 participant import c1 "$T/empty.csv"
err "empty.csv"
same_db "$before"
# more than the listing limit: the rest are counted
{ echo "Name,E-mail"; i=0; while [ $i -lt 30 ]; do echo "P$i,bad$i"; i=$((i+1)); done; } > "$T/many.csv"
fails 1 participant import c1 "$T/many.csv"
err "... and 10 more bad rows"
err "30 bad rows; nothing was imported"

# sessions from a sheet, with date and time columns and expected lists
cat > "$T/sessions.csv" <<'CSV'
Date,Time,Duration,Type,Topic,Room,Attendees
2026-10-05,09:00,90,group,Kick-off,Room 1,
2026-10-06,10:00,45,coaching,,Zoom,jose@example.com
2026-10-07,18:00,60,practice,,Zoom,jose@example.com; anna@example.com
CSV
ok session import c1 "$T/sessions.csv"
out "3 session rows: 3 added"
before=$(db_state)
ok session import c1 "$T/sessions.csv"
out "0 added, 0 updated, 3 unchanged"
same_db "$before"
printf 'number,start,kind,with\n4,2026-10-08 25:00,group,\n5,2026-10-09 09:00,coaching,zed@example.com\n6,2026-10-09 09:00,seminar,\n4,2026-10-10 09:00,group,\n' > "$T/sbad.csv"
fails 1 session import c1 "$T/sbad.csv"
err "sbad.csv:2: '2026-10-08 25:00' is not a time of the calendar"
err "sbad.csv:3: no participant 'zed@example.com'"
err "sbad.csv:4: unknown kind 'seminar'"
err "sbad.csv:5: session 4 appears again (first on line 2)"
same_db "$before"

# attendance from a sheet, with its own bad rows
cat > "$T/att.csv" <<'CSV'
session,email,status,minutes_late,cancelled_at,reason,note
1,jose@example.com,present,,,,
1,anna@example.com,late,20,,,"traffic, then parking"
1,aoife@example.org,cancelled,,2026-10-04 19:00,customer-meeting,
2,jose@example.com,excused,,,medical,
CSV
ok attendance import c1 "$T/att.csv"
out "4 attendance rows: 4 added"
cat > "$T/attbad.csv" <<'CSV'
session,email,status,minutes_late,cancelled_at,reason,note
9,jose@example.com,present,,,,
1,zed@example.com,present,,,,
2,anna@example.com,present,,,,
1,jose@example.com,late,,,,
1,anna@example.com,cancelled,,,work,
1,aoife@example.org,cancelled,,2026-10-04 19:00,golf,
x,jose@example.com,present,,,,
1,jose@example.com,no-show,,,,
1,jose@example.com,present,,,,
CSV
before=$(db_state)
fails 1 attendance import c1 "$T/attbad.csv"
err "attbad.csv:2: cohort 'c1' has no session 9"
err "attbad.csv:3: no participant 'zed@example.com' in cohort 'c1'"
err "attbad.csv:4: 'anna@example.com' is not expected at session 2"
err "attbad.csv:5: late needs the minutes late"
err "attbad.csv:6: a cancellation needs the time it came in"
err "attbad.csv:7: unknown reason 'golf'"
err "attbad.csv:8: 'x' is not a session number"
err "attbad.csv:10: session 1, 'jose@example.com' appears again"
same_db "$before"
fails 1 attendance import nope "$T/att.csv"
err "no cohort 'nope'"

# a long import shows its progress on a terminal, and nothing when it is not one
ok cohort add big --name Big --coach "Cora Coach" --coach-email cora@example.com \
	--tz Europe/London
/usr/bin/python3 - "$T" <<'PY'
import sys
d = sys.argv[1]
with open(d + "/big-people.csv", "w") as f:
    f.write("name,email\n")
    for i in range(200):
        f.write("P%d,p%d@example.com\n" % (i, i))
with open(d + "/big-sessions.csv", "w") as f:
    f.write("number,start\n")
    for j in range(100):
        f.write("%d,2026-%02d-%02d 09:00\n" % (j + 1, 1 + j // 28, 1 + j % 28))
with open(d + "/big-att.csv", "w") as f:
    f.write("session,email,status\n")
    for j in range(100):
        for i in range(200):
            f.write("%d,p%d@example.com,present\n" % (j + 1, i))
PY
ok participant import big "$T/big-people.csv"
ok session import big "$T/big-sessions.csv"
ok attendance import big "$T/big-att.csv" --dry-run
check '! grep -q "rows read" "$T/err"' "progress shown when stderr is not a terminal"
checks=$((checks + 1))
/usr/bin/python3 "$top_srcdir/tests/cli/on_tty.py" "$SHOWUP" attendance import big "$T/big-att.csv" > "$T/tty" ||
	fail "import on a terminal failed"
check 'grep -q "16384 rows read" "$T/tty"' "no progress on a terminal"
check 'grep -q "20000 attendance rows: 20000 added" "$T/tty"' "the import on a terminal did not finish"

# a cohort too wide for the stored facts of all its sessions in memory at once (40,000
# people: one session's column), and a file in person order: a session's column let go
# is read a fact at a time after that, and the facts read so are the stored ones
ok cohort add wide --name Wide --coach Bea --coach-email bea@example.com --tz Europe/London
awk 'BEGIN { print "name,email"; for (i = 0; i < 40000; i++) printf "W%d,w%d@example.com\n", i, i }' \
	> "$T/wide-people.csv"
printf 'number,start\n1,2026-03-01 09:00\n2,2026-03-02 09:00\n3,2026-03-03 09:00\n' \
	> "$T/wide-sessions.csv"
# three people's three sessions, person by person; w1 at session 1 late by $1
wide_facts() {
	awk -v first="$1" 'BEGIN { print "session,email,status,minutes_late"
	    for (i = 0; i < 3; i++) for (j = 1; j <= 3; j++)
		printf "%d,w%d@example.com,late,%d\n", j, i, i == 1 && j == 1 ? first : 2 }'
}
wide_facts 5 > "$T/wide-att.csv"
wide_facts 7 > "$T/wide-att2.csv"
ok participant import wide "$T/wide-people.csv"
ok session import wide "$T/wide-sessions.csv"
ok attendance import wide "$T/wide-att.csv"
out "9 attendance rows: 9 added, 0 updated, 0 unchanged"
before=$(db_state)
ok attendance import wide "$T/wide-att.csv"
out "9 attendance rows: 0 added, 0 updated, 9 unchanged"
same_db "$before"
ok attendance import wide "$T/wide-att2.csv"
out "9 attendance rows: 0 added, 1 updated, 8 unchanged"
check '[ "$(sql "SELECT a.minutes_late FROM attendance a JOIN participant p ON p.id = a.participant_id
    JOIN session s ON s.id = a.session_id WHERE p.email = '"'w1@example.com'"' AND s.number = 1")" = 7 ]' \
	"the correction read a fact at a time was not stored"
# what a participant told us, in a session let go, still stops a row over it
ok cancel wide:1 w2@example.com --at "2026-02-27 10:00" --reason travel
printf 'session,email,status\n1,w0@example.com,present\n2,w0@example.com,present\n3,w0@example.com,present\n1,w2@example.com,present\n' \
	> "$T/wide-att3.csv"
before=$(db_state)
fails 1 attendance import wide "$T/wide-att3.csv"
err "wide-att3.csv:5: wide:1 w2@example.com is recorded as cancelled in time on "
same_db "$before"

finish
