#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# meeting.sh - the roll of an online session from Zoom and Teams reports.
. "$top_srcdir/tests/cli/lib.sh"

ok init
ok cohort add c1 --name "Online cohort" --coach "Cora Coach" --coach-email cora@example.com \
	--tz Europe/London
ok participant add c1 --name "Ana Lúcia Ferreira" --email ana@example.com
ok participant add c1 --name "Robert Smith" --email bob@example.com
ok participant add c1 --name "Chloé Dubois" --email cy@example.com
ok participant add c1 --name "Dee Adams" --email dee@example.com
ok participant add c1 --name "Eve Evans" --email eve@example.com
ok participant add c1 --name "Fay Fox" --email fay@example.com
ok participant add c1 --name "Gus Gray" --email gus@example.com
ok session add c1 --at "2026-11-19 10:00" --minutes 60
ok session add c1 --at "2026-11-05 10:00" --minutes 60
ok session add c1 --at "2026-11-20 23:30" --minutes 60
ok session add c1 --at "2026-12-01 10:00"
ok session add c1 --at "2026-11-21 10:00" --minutes 60
ok cancel c1:1 dee@example.com --at "2026-11-17 09:00" --reason travel
ok mark c1:1 eve@example.com excused medical
ok mark c1:1 gus@example.com present

# a Zoom export with its meeting block, a rejoin, a guest, a renamed device
cat > "$T/zoom.csv" <<'CSV'
Meeting ID,Topic,Start Time,End Time,User Email,Duration (Minutes),Participants
81234567890,Value Selling,11/19/2026 09:55:12 AM,11/19/2026 11:02:40 AM,cora@example.com,68,7

Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest,Recording Consent
Cora Coach,cora@example.com,11/19/2026 09:55:12 AM,11/19/2026 11:02:40 AM,68,No,Y
Ana Lúcia Ferreira,ANA@example.com,11/19/2026 09:58:01 AM,11/19/2026 10:30:00 AM,32,No,Y
Bob (Robert Smith),,11/19/2026 10:12:30 AM,11/19/2026 11:00:00 AM,48,Yes,Y
Ana Lúcia Ferreira,ana@example.com,11/19/2026 10:33:00 AM,11/19/2026 11:00:00 AM,27,No,Y
chloe  dubois,,11/19/2026 10:01:00 AM,11/19/2026 10:20:00 AM,19,Yes,Y
Dee's iPad,,11/19/2026 10:02:00 AM,11/19/2026 11:00:00 AM,58,Yes,Y
Mystery Guest,,11/19/2026 10:05:00 AM,11/19/2026 10:06:00 AM,1,Yes,Y
CSV
before=$(db_state)
ok attendance from-meeting c1:1 "$T/zoom.csv"
out "zoom report zoom.csv: 7 rows, 6 people"
grep -E '^Ana Lúcia Ferreira +ana@example.com +e-mail +2026-11-19 09:58 +57 +present$' "$T/out" >/dev/null ||
	fail "Ana's two joins are not one stay of 57 minutes in the session, present"
grep -E '^Robert Smith .* name .*10:12 .*late \(12 min 30 s\)$' "$T/out" >/dev/null ||
	fail "Bob is not matched by his original name and late by 12 min 30 s"
grep -E '^Chloé Dubois .* name .*19 +present, left early$' "$T/out" >/dev/null ||
	fail "Chloé is not matched without accents and case, or not noted as leaving early"
out "kept: cancelled"
out "kept: excused"
out "kept: present"
grep -E '^Fay Fox .* \?$' "$T/out" >/dev/null || fail "Fay is not held back as '?' while two are unmatched"
out "Dee's iPad,EMAIL-OF-PARTICIPANT"
out "Mystery Guest,EMAIL-OF-PARTICIPANT"
no_out "Cora Coach"
out "dry run: nothing was recorded"
same_db "$before"

# an aliases file matches the device to Dee: she came after all; the mystery
# guest is still unmatched, so Fay's no-show needs --absent-if-unmatched.
# Dee had cancelled: what she told us stands, and the run says so
printf "Name,E-mail\nDee's iPad,dee@example.com\n" > "$T/aliases.csv"
ok attendance from-meeting c1:1 "$T/zoom.csv" --map "$T/aliases.csv" --apply --absent-if-unmatched
grep -E "^Dee Adams .* alias .* kept: cancelled$" "$T/out" >/dev/null || fail "Dee's cancellation not kept"
out "Dee Adams <dee@example.com>: cancelled in time on "
out "(travel); was in the call for 58 min; left as it is; --replace to record the call"
out "recorded c1:1: 4 added, 0 corrected, 0 unchanged, 3 kept"
check '[ "$(sql "SELECT fact FROM attendance a JOIN participant p ON p.id = a.participant_id WHERE p.email = '"'dee@example.com'"'")" = cancelled ]' \
	"from-meeting replaced Dee's cancellation without --replace"
# with --replace the call is recorded over it
ok attendance from-meeting c1:1 "$T/zoom.csv" --map "$T/aliases.csv" --apply --absent-if-unmatched --replace
grep -E "^Dee Adams .* alias .* present$" "$T/out" >/dev/null || fail "Dee is not matched by alias"
out "recorded c1:1: 0 added, 1 corrected, 4 unchanged, 2 kept"
ok attendance show c1 --csv
check 'grep -q "^Ana Lúcia Ferreira,ana@example.com,[a-z_]*,present," "$T/out"' "Ana not present"
check 'grep -q "^Robert Smith,bob@example.com,[a-z_]*,late," "$T/out"' "Bob not late"
check 'grep -q "^Dee Adams,dee@example.com,[a-z_]*,present," "$T/out"' "Dee not present"
check 'grep -q "^Eve Evans,eve@example.com,[a-z_]*,excused," "$T/out"' "Eve's excuse lost"
check 'grep -q "^Fay Fox,fay@example.com,[a-z_]*,no_show," "$T/out"' "Fay not a no-show"
check 'grep -q "^Gus Gray,gus@example.com,[a-z_]*,present," "$T/out"' "Gus's mark lost"
check '[ "$(sql "SELECT count(*) FROM audit WHERE source = '"'meeting zoom.csv'"'")" -ge 5 ]' \
	"the audit log does not name the file"
check '[ "$(sql "SELECT note FROM attendance a JOIN participant p ON p.id = a.participant_id WHERE p.email = '"'cy@example.com'"'")" = "left early: in the meeting 19 of 60 minutes" ]' \
	"leaving early is not noted"
# the same file again changes nothing
before=$(db_state)
ok attendance from-meeting c1:1 "$T/zoom.csv" --map "$T/aliases.csv" --apply --absent-if-unmatched --replace
out "0 added, 0 corrected, 5 unchanged, 2 kept"

# a Teams report: UTF-16 with a BOM, tab-separated, in sections; the organiser is not a participant
/usr/bin/python3 - "$T" <<'PY'
import sys
d = sys.argv[1]
rows = [
    "1. Summary",
    "Meeting title\tValue Selling",
    "Attended participants\t4",
    "Start time\t05/11/2026, 09:58:00",
    "",
    "2. Participants",
    "Name\tFirst Join\tLast Leave\tIn-Meeting Duration\tEmail\tParticipant ID (UPN)\tRole",
    "Cora Coach\t05/11/2026, 09:58:00\t05/11/2026, 11:01:00\t1h 3m\tcora@example.com\tcora@example.com\tOrganizer",
    "Ana Lúcia Ferreira\t05/11/2026, 10:03:05\t05/11/2026, 11:00:00\t56m 55s\tana@example.com\tana@example.com\tPresenter",
    "Robert Smith\t05/11/2026, 10:09:00\t05/11/2026, 10:30:00\t21m\tbob@example.com\tbob@example.com\tAttendee",
    "Анна Гость\t05/11/2026, 10:00:00\t05/11/2026, 11:00:00\t1h\t\t\tAttendee",
    "",
    "3. In-Meeting Activities",
    "Name\tJoin Time\tLeave Time\tDuration\tEmail\tRole",
    "Ana Lúcia Ferreira\t05/11/2026, 10:03:05\t05/11/2026, 11:00:00\t56m 55s\tana@example.com\tPresenter",
]
text = "\r\n".join(rows) + "\r\n"
open(d + "/teams16.csv", "wb").write(text.encode("utf-16"))
open(d + "/teams8.csv", "wb").write(text.encode("utf-8-sig"))
for a, b in (("05/11/2026", "25/11/2026"),):
    pass
PY
# every date in it is 05/11: the file cannot tell day from month, the session
# (5 November) can
ok attendance from-meeting c1:2 "$T/teams16.csv"
out "its dates read both ways: day first, the reading that matches the session's date"
out "teams report teams16.csv: 4 rows, 4 people"
ok attendance from-meeting c1:2 "$T/teams16.csv" --date-order dmy
no_out "its dates read both ways"
out "teams report teams16.csv: 4 rows, 4 people"
grep -E '^Ana Lúcia Ferreira .* e-mail .*10:03 +57 +present$' "$T/out" >/dev/null ||
	fail "Ana's Teams stay is not 57 minutes, present"
grep -E '^Robert Smith .* e-mail .*10:09 +21 +late \(9 min\), left early$' "$T/out" >/dev/null ||
	fail "Bob is not late by 9 minutes and leaving early"
out "Анна Гость,EMAIL-OF-PARTICIPANT"
no_out "Cora Coach"
# the same report after someone saved it again as UTF-8
ok attendance from-meeting c1:2 "$T/teams8.csv" --date-order dmy --format teams
out "teams report teams8.csv: 4 rows, 4 people"

# a session that crossed midnight
cat > "$T/late.csv" <<'CSV'
Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest
Ana Lúcia Ferreira,ana@example.com,11/20/2026 11:25:00 PM,11/21/2026 12:31:00 AM,66,No
Fay Fox,fay@example.com,11/20/2026 11:41:00 PM,11/21/2026 12:05:30 AM,24,No
CSV
ok attendance from-meeting c1:3 "$T/late.csv"
grep -E '^Ana Lúcia Ferreira .*2026-11-20 23:25 +60 +present$' "$T/out" >/dev/null ||
	fail "a stay across midnight is not the session's 60 minutes"
grep -E '^Fay Fox .*late \(11 min\), left early$' "$T/out" >/dev/null ||
	fail "Fay is not late by 11 minutes after 23:30"

# the report of another session is refused
fails 1 attendance from-meeting c1:2 "$T/late.csv"
err "late.csv: nobody in it was in the meeting during session c1:2 (2026-11-05 10:00, 60 minutes): is it the report of another session?"
fails 1 attendance from-meeting c1:2 "$T/teams16.csv" --date-order mdy
err "is it the report of another session, or is --date-order wrong?"

# a Zoom file whose dates read both ways (06/07/2026): the session's date decides;
# a session neither reading meets is refused, naming --date-order
ok cohort add c2 --name "Summer" --coach "Cora Coach" --coach-email cora@example.com \
	--tz Europe/London
ok participant add c2 --name "Ana Lúcia Ferreira" --email ana@example.com
ok session add c2 --at "2026-07-06 10:00" --minutes 60
ok session add c2 --at "2026-06-07 10:00" --minutes 60
ok session add c2 --at "2026-08-01 10:00" --minutes 60
cat > "$T/both.csv" <<'CSV'
Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest
Ana Lúcia Ferreira,ana@example.com,06/07/2026 10:00:00,06/07/2026 11:00:00,60,No
CSV
ok attendance from-meeting c2:1 "$T/both.csv"
out "day first, the reading that matches the session's date"
grep -E '^Ana Lúcia Ferreira .* 2026-07-06 10:00 +60 +present$' "$T/out" >/dev/null ||
	fail "06/07 is not read as 6 July for the session of 6 July"
ok attendance from-meeting c2:2 "$T/both.csv"
out "month first, the reading that matches the session's date"
grep -E '^Ana Lúcia Ferreira .* 2026-06-07 10:00 +60 +present$' "$T/out" >/dev/null ||
	fail "06/07 is not read as June 7 for the session of June 7"
fails 1 attendance from-meeting c2:3 "$T/both.csv" --apply
err "both.csv: its dates read both day first and month first, and neither reading overlaps the session of 2026-08-01 10:00; its date order must be named"
err "hint: --date-order dmy or mdy says how the report writes dates"
ok attendance from-meeting c2:1 "$T/both.csv" --date-order dmy

# a day-first date in the topic does not turn Zoom's month-first times around;
# time in the lobby before the start does not count against leaving early
cat > "$T/topic.csv" <<'CSV'
Meeting ID,Topic,Start Time,End Time,User Email,Duration (Minutes),Participants
1,Follow-up to the 25/11/2026 call,11/19/2026 09:00:00 AM,11/19/2026 11:00:00 AM,cora@example.com,120,2

Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest
Ana Lúcia Ferreira,ana@example.com,11/19/2026 09:15:00 AM,11/19/2026 10:10:00 AM,55,No
CSV
ok attendance from-meeting c1:1 "$T/topic.csv"
grep -E '^Ana Lúcia Ferreira .*2026-11-19 09:15 +10 +present, left early$' "$T/out" >/dev/null ||
	fail "the topic's date changed the date order, or lobby time counted"

# a Teams report re-saved by a spreadsheet: every row padded with tabs
/usr/bin/python3 - "$T" <<'PY'
import sys
rows = ["1. Summary\t\t\t", "Meeting title\tX\t\t", "\t\t\t", "2. Participants\t\t\t",
        "Name\tFirst Join\tLast Leave\tIn-Meeting Duration\tEmail",
        "Robert Smith\t11/19/2026, 10:00:00 AM\t11/19/2026, 11:00:00 AM\t1h\tbob@example.com",
        "\t\t\t\t"]
open(sys.argv[1] + "/padded.csv", "w").write("\n".join(rows) + "\n")
PY
ok attendance from-meeting c1:1 "$T/padded.csv" --date-order mdy
out "teams report padded.csv: 1 row, 1 person"

# bad rows: every one listed as file:line, nothing recorded
cat > "$T/bad.csv" <<'CSV'
Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest
Ana Lúcia Ferreira,ana@example.com,11/19/2026 10:30:00 AM,11/19/2026 10:00:00 AM,30,No
Robert Smith,bob@example.com,yesterday,11/19/2026 11:00:00 AM,30,No
Fay Fox,fay@example.com,11/19/2026 10:00:00 AM,11/19/2026 11:00:00 AM,an hour,No
Gus Gray,gus@example.com,11/19/2026 10:00:00 AM,11/21/2026 11:00:00 AM,2940,No
CSV
before=$(db_state)
fails 1 attendance from-meeting c1:1 "$T/bad.csv" --apply
err_line 1 "bad.csv:2: the leave time comes before the join time"
err_line 2 "bad.csv:3: 'yesterday' is not a time I can read"
err_line 3 "bad.csv:4: 'an hour' is not a duration"
err_line 4 "bad.csv:5: a stay of more than a day"
err "bad.csv: 4 bad rows; nothing was recorded"
same_db "$before"

# files that are no meeting report, and sessions that cannot have one
printf 'Name,E-mail\nAna,ana@example.com\n' > "$T/roster.csv"
fails 1 attendance from-meeting c1:1 "$T/roster.csv"
err "roster.csv: not a meeting report I know (known: zoom, teams, teams-log, meet, webex); its first line is 'Name,E-mail\\n'"
printf 'Who\tWhen\r\nAna\t10:00\r\n' > "$T/tabs.txt"
fails 1 attendance from-meeting c1:1 "$T/tabs.txt"
err "its first line is 'Who\\tWhen\\r\\n'"
check '! grep -q "	" "$T/err"' "the excerpt of the first line has a raw tab"
fails 1 attendance from-meeting c1:1 "$T/zoom.csv" --format teams
err "zoom.csv: no header row of a Teams attendance report (it needs the columns 'Name', 'First Join', 'Last Leave'; the file's first row has 'Meeting ID', 'Topic', 'Start Time', 'End Time', 'User Email'"
err "; this looks like a Zoom participant export"
fails 2 attendance from-meeting c1:1 "$T/zoom.csv" --format skype
err "--format is zoom, teams, teams-log, meet, webex or auto"
fails 1 attendance from-meeting c1:4 "$T/zoom.csv"
err "has not started yet"
fails 1 attendance from-meeting c1:1 "$T/missing.csv"
err "cannot open"
# a report over 64 MiB (once the cap) is read a record at a time: 70,000 rows of
# one person's rejoins, each padded with a kilobyte in a column nobody reads
/usr/bin/python3 - "$T/big.csv" <<'PY'
import sys
pad = "x" * 1000
with open(sys.argv[1], "w") as f:
    f.write("Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Notes\n")
    row = "Ana,ana@example.com,11/19/2026 10:00:00 AM,11/19/2026 10:01:00 AM,1,%s\n" % pad
    f.write(row * 70000)
PY
ok attendance from-meeting c1:1 "$T/big.csv"
out "zoom report big.csv: 70000 rows, 1 person"
rm -f "$T/big.csv"
printf 'Name,E-mail\nDee,not-an-address\n' > "$T/badmap.csv"
fails 1 attendance from-meeting c1:1 "$T/zoom.csv" --map "$T/badmap.csv"
err "badmap.csv:2: 'not-an-address' is not an e-mail address"
same_db "$before"
# nobody becomes a no-show for a name the program could not place: Fay joined
# with another address under a nickname; she stays unrecorded, with no points
cat > "$T/nick.csv" <<'CSV'
Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest
Robert Smith,bob@example.com,11/21/2026 10:05:21 AM,11/21/2026 11:00:00 AM,55,No
Ana Lúcia Ferreira,ana@example.com,11/21/2026 10:05:00 AM,11/21/2026 11:00:00 AM,55,No
Foxy,fay.fox@home.example,11/21/2026 10:00:00 AM,11/21/2026 11:00:00 AM,60,No
CSV
ok attendance from-meeting c1:5 "$T/nick.csv" --apply
grep -E '^Fay Fox .* \?$' "$T/out" >/dev/null || fail "Fay is not shown as '?'"
grep -E '^Gus Gray .* \?$' "$T/out" >/dev/null || fail "Gus is not shown as '?'"
out "left unrecorded (?)"
out "may be any of them"
out "--absent-if-unmatched"
out "Foxy,EMAIL-OF-PARTICIPANT"
check '[ "$(sql "SELECT count(*) FROM attendance a JOIN participant p ON p.id = a.participant_id JOIN session s ON s.id = a.session_id WHERE p.email = '"'fay@example.com'"' AND s.number = 5")" = 0 ]' \
	"Fay has a record of session 5 though she may be the unmatched attendee"
ok status c1 --csv
check '! grep -q "^Fay Fox,.*no.show" "$T/out"' "Fay has a no-show"
# lateness to the second: 5 min 21 s after the start is past a 5-minute grace; 5 min is not
ok attendance show c1 --csv
check 'grep -q "^Robert Smith,bob@example.com,[a-z_]*,[a-z_]*,[a-z_]*,late," "$T/out"' \
	"Bob, 5 min 21 s late, is not late"
check 'grep -q "^Ana Lúcia Ferreira,ana@example.com,[a-z_]*,[a-z_]*,[a-z_]*,present," "$T/out"' \
	"Ana, 5 min late, is not present"
# names as directories and devices write them: "Last, First", "SURNAME Given",
# case, accents, middle initials, Zoom's "(Original Name)"; a name two
# participants share is never guessed
ok cohort add c3 --name "Names" --coach "Cora Coach" --coach-email cora@example.com \
	--tz Europe/London
ok participant add c3 --name "David Goliath" --email david@example.com
ok participant add c3 --name "Răzvan Robust" --email razvan@example.com
ok participant add c3 --name "María José Núñez" --email maria@example.com
ok participant add c3 --name "John Public" --email john@example.com
ok participant add c3 --name "Zoë Zimmer" --email zoe@example.com
ok participant add c3 --name "Ann Lee" --email ann@example.com
ok participant add c3 --name "Lee Ann" --email lee@example.com
ok session add c3 --at "2026-11-10 10:00" --minutes 60
cat > "$T/names.csv" <<'CSV'
Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest
"Goliath, David",david.goliath@corp.example,11/10/2026 10:00:00 AM,11/10/2026 11:00:00 AM,60,No
ROBUST Razvan,,11/10/2026 10:00:00 AM,11/10/2026 11:00:00 AM,60,Yes
maria jose NUNEZ,,11/10/2026 10:00:00 AM,11/10/2026 11:00:00 AM,60,Yes
John Q. Public,,11/10/2026 10:00:00 AM,11/10/2026 11:00:00 AM,60,Yes
Zed (Zoe Zimmer),,11/10/2026 10:00:00 AM,11/10/2026 11:00:00 AM,60,Yes
Phone (Ann Lee),,11/10/2026 10:00:00 AM,11/10/2026 11:00:00 AM,60,Yes
CSV
ok attendance from-meeting c3:1 "$T/names.csv"
for who in "David Goliath" "Răzvan Robust" "María José Núñez" "John Public" "Zoë Zimmer"; do
	grep -E "^$who .* name .* present$" "$T/out" >/dev/null || fail "$who is not matched by name"
done
grep -E '^Ann Lee .* - .* \?$' "$T/out" >/dev/null || fail "Ann Lee is guessed"
grep -E '^Lee Ann .* - .* \?$' "$T/out" >/dev/null || fail "Lee Ann is guessed"
out "Phone (Ann Lee),EMAIL-OF-PARTICIPANT"

# every format and language, written the way each service writes it; in each,
# Ana joins before the start, Ben 7 min 30 s after it, Cleo never
ok cohort add c4 --name "Formats" --coach "Cora Coach" --coach-email cora@example.com \
	--tz Europe/London
ok participant add c4 --name "Ana Silva" --email ana@example.com
ok participant add c4 --name "Ben Braun" --email ben@example.com
ok participant add c4 --name "Cleo Costa" --email cleo@example.com
ok session add c4 --at "2026-11-09 10:00" --minutes 60
/usr/bin/python3 - "$T" <<'PY'
import codecs, csv, io, sys
d = sys.argv[1]

def write(name, rows, encoding="utf-8", delimiter=",", bom=False):
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delimiter, lineterminator="\r\n")
    for r in rows:
        w.writerow(r)
    data = buf.getvalue().encode(encoding)
    open(d + "/" + name, "wb").write((codecs.BOM_UTF8 if bom else b"") + data)

def zoom(name, header, t):
    write(name, [header,
        ["Ana Silva", "ana@example.com", t("09:58:00"), t("11:00:00"), "62", "No"],
        ["Ben Braun", "ben@example.com", t("10:07:30"), t("11:00:00"), "53", "No"]], bom=True)

zoom("zoom-en.csv", ["Name (Original Name)", "User Email", "Join Time", "Leave Time",
    "Duration (Minutes)", "Guest"], lambda h: "11/09/2026 " + h)
write("zoom-usage.csv", [["Meeting ID", "Topic", "Start Time", "End Time", "User Email",
    "Duration (Minutes)", "Participants", "Name (Original Name)", "User Email", "Join Time",
    "Leave Time", "Duration (Minutes)", "Guest"]] +
    [["81234567890", "Formats", "11/09/2026 09:55:00 AM", "11/09/2026 11:00:00 AM",
      "cora@example.com", "65", "3", who, mail, "11/09/2026 " + j, "11/09/2026 11:00:00 AM",
      m, "No"] for who, mail, j, m in (("Ana Silva", "ana@example.com", "09:58:00 AM", "62"),
      ("Ben Braun", "ben@example.com", "10:07:30 AM", "53"))])
zoom("zoom-de.csv", ["Name (ursprünglicher Name)", "E-Mail des Benutzers", "Beitrittszeit",
    "Austrittszeit", "Dauer (Minuten)", "Gast"], lambda h: "09.11.2026 " + h)
zoom("zoom-fr.csv", ["Nom (nom d'origine)", "E-mail de l'utilisateur", "Heure d'arrivée",
    "Heure de départ", "Durée (minutes)", "Invité"], lambda h: "09/11/2026 " + h)
zoom("zoom-es.csv", ["Nombre (nombre original)", "Correo electrónico del usuario",
    "Hora de entrada", "Hora de salida", "Duración (minutos)", "Invitado"],
    lambda h: "09/11/2026 " + h)
zoom("zoom-pt.csv", ["Nome (nome original)", "E-mail do usuário", "Horário de entrada",
    "Horário de saída", "Duração (minutos)", "Convidado"], lambda h: "09/11/2026 " + h)
zoom("zoom-ja.csv", ["名前 (元の名前)", "ユーザーメール", "参加時刻", "退出時刻", "所要時間（分）",
    "ゲスト"], lambda h: "2026/11/9 " + h)

def teams(name, titles, header, t, dur):
    rows = [[titles[0]], ["Meeting title", "Formats"], [], [titles[1]], header,
        ["Cora Coach", t("09:55:00"), t("11:00:00"), dur(65), "cora@example.com",
         "cora@example.com", titles[2]],
        ["Ana Silva", t("09:58:00"), t("11:00:00"), dur(62), "ana@example.com",
         "ana@example.com", titles[3]],
        ["Ben Braun", t("10:07:30"), t("11:00:00"), dur(52), "ben@example.com",
         "ben@example.com", titles[3]],
        [], [titles[4]], ["Name", "Join Time", "Leave Time"]]
    write(name, rows, encoding="utf-16", delimiter="\t")

teams("teams-en.csv", ["1. Summary", "2. Participants", "Organizer", "Attendee",
    "3. In-Meeting Activities"], ["Name", "First Join", "Last Leave", "In-Meeting Duration",
    "Email", "Participant ID (UPN)", "Role"], lambda h: "11/9/26, " + h,
    lambda m: "%dh %dm" % (m // 60, m % 60))
teams("teams-de.csv", ["1. Zusammenfassung", "2. Teilnehmer", "Organisator", "Teilnehmer",
    "3. Aktivitäten in der Besprechung"], ["Name", "Erster Beitritt", "Letzter Austritt",
    "Dauer in der Besprechung", "E-Mail", "Teilnehmer-ID (UPN)", "Rolle"],
    lambda h: "9.11.26, " + h, lambda m: "%d Std. %d Min." % (m // 60, m % 60))
teams("teams-fr.csv", ["1. Résumé", "2. Participants", "Organisateur", "Participant",
    "3. Activités de la réunion"], ["Nom", "Première participation", "Dernier départ",
    "Durée de la réunion", "Adresse e-mail", "ID du participant (UPN)", "Rôle"],
    lambda h: "09/11/2026 " + h, lambda m: "%d h %d min" % (m // 60, m % 60))
teams("teams-es.csv", ["1. Resumen", "2. Participantes", "Organizador", "Asistente",
    "3. Actividades en la reunión"], ["Nombre", "Primera unión", "Última salida",
    "Duración de la reunión", "Correo electrónico", "Id. de participante (UPN)", "Rol"],
    lambda h: "9/11/2026, " + h, lambda m: "%d h %d min" % (m // 60, m % 60))
teams("teams-pt.csv", ["1. Resumo", "2. Participantes", "Organizador", "Participante",
    "3. Atividades na reunião"], ["Nome", "Primeira entrada", "Última saída",
    "Duração da reunião", "E-mail", "ID do participante (UPN)", "Função"],
    lambda h: "09/11/2026, " + h, lambda m: "%d h %d min" % (m // 60, m % 60))
teams("teams-ja.csv", ["1. 概要", "2. 参加者", "開催者", "出席者", "3. 会議中のアクティビティ"],
    ["名前", "最初の参加", "最後の退出", "会議中の時間", "メール", "参加者 ID (UPN)", "役割"],
    lambda h: "2026/11/9 " + h, lambda m: "%d 時間 %d 分" % (m // 60, m % 60))
teams("teams-pl.csv", ["1. Podsumowanie", "2. Uczestnicy", "Organizator", "Uczestnik",
    "3. Działania w trakcie spotkania"], ["Imię i nazwisko", "Pierwsze dołączenie",
    "Ostatnie wyjście", "Czas trwania spotkania", "Adres e-mail",
    "Identyfikator uczestnika (UPN)", "Rola"],
    lambda h: "9.11.2026, " + h, lambda m: "%d godz. %d min" % (m // 60, m % 60))
zoom("zoom-es-old.csv", ["Nombre (nombre original)", "E-mail del usuario", "Hora para unirse",
    "Hora para salir", "Duración (minutos)", "Invitado"], lambda h: "09/11/2026 " + h)
zoom("zoom-es-new.csv", ["Nombre (nombre original)", "Correo electrónico", "Hora de entrada",
    "Hora de salida", "Duración (minutos)", "Invitado"], lambda h: "09/11/2026 " + h)
# Teams' participant table saved alone as CSV: told from Zoom by its columns
write("teams-flat.csv", [["Name", "Join Time", "Leave Time", "Duration", "Email", "Role",
    "Participant ID (UPN)"]] +
    [[who, "11/9/2026, " + j, "11/9/2026, 11:00:00 AM", m, mail, role, mail]
     for who, mail, j, m, role in (
         ("Cora Coach", "cora@example.com", "9:55:00 AM", "1h 5m", "Organizer"),
         ("Ana Silva", "ana@example.com", "9:58:00 AM", "1h 2m", "Attendee"),
         ("Ben Braun", "ben@example.com", "10:07:30 AM", "52m 30s", "Attendee"))], bom=True)
# the French Teams report of 2021: a summary block, "à" between date and time, durations
# with no-break spaces
nb = "\u00a0"
fr = [["*Résumé de la réunion"], ["Nombre total de participants", "3"],
    ["Titre de la réunion", "Formats"],
    ["Heure de début de la réunion", "09/11/2026 à 09:55:00"],
    ["Heure de fin de la réunion", "09/11/2026 à 11:00:00"], [],
    ["Nom complet", "Heure de participation", "Heure de départ", "Durée", "Adresse e-mail",
     "Rôle", "ID du participant (UPN)"]]
for who, mail, j, dur, role in (("Cora Coach", "cora@example.com", "09:55:00", "1 h 5 m",
        "Organisateur"), ("Ana Silva", "ana@example.com", "09:58:00", "1 h 2 m", "Participant"),
        ("Ben Braun", "ben@example.com", "10:07:30", "52 m 30 s", "Participant")):
    fr.append([who, "09/11/2026 à " + j, "09/11/2026 à 11:00:00", dur.replace(" ", nb),
        mail, role, mail])
write("teams-fr2021.csv", fr, encoding="utf-16", delimiter="\t")

log = [["Full Name", "User Action", "Timestamp"],
    ["SILVA Ana", "Joined before", "11/9/2026, 9:58:00 AM"],
    ["Braun, Ben", "Joined", "11/9/2026, 10:07:30 AM"],
    ["Braun, Ben", "Left", "11/9/2026, 10:30:00 AM"],
    ["Braun, Ben", "Joined", "11/9/2026, 10:35:00 AM"],
    ["SILVA Ana", "Left", "11/9/2026, 11:00:00 AM"]]
write("teams-log16.csv", log, encoding="utf-16-le", delimiter="\t", bom=False)
raw = open(d + "/teams-log16.csv", "rb").read()
open(d + "/teams-log16.csv", "wb").write(codecs.BOM_UTF16_LE + raw)
open(d + "/teams-log16nobom.csv", "wb").write(raw)
zoom_de = open(d + "/zoom-de.csv", "rb").read()[len(codecs.BOM_UTF8):]
open(d + "/zoom-de1252.csv", "wb").write(zoom_de.decode("utf-8").encode("cp1252"))
write("teams-log.csv", [[r[0], r[1], r[2].replace("11/9/2026", "09/11/2026")] for r in log])

write("meet.csv", [["First name", "Last name", "Email", "Duration", "Time joined",
    "Time exited"],
    ["Ana", "Silva", "ana@example.com", "1 hr 2 min", "2026-11-09 09:58:00",
     "2026-11-09 11:00:00"],
    ["Ben", "Braun", "ben@example.com", "52 min", "2026-11-09 10:07:30",
     "2026-11-09 11:00:00"]])
write("meet-block.csv", [["Meeting title", "Date", "Start time", "End time"],
    ["Formats", "2026-11-09", "9:55 AM", "11:00 AM"], [],
    ["First name", "Last name", "Email", "Duration", "Time joined", "Time exited"],
    ["Ana", "Silva", "ana@example.com", "1 hr 2 min", "9:58:00 AM", "11:00:00 AM"],
    ["Ben", "Braun", "", "52 min", "10:07:30 AM", "11:00:00 AM"]])
# Google Meet's current export, as its sheet is downloaded: a '*' block, then the first
# time each person was seen and their time in the call; no leave time
write("meet-now.csv", [["*", "Meet"], ["*", "Meeting code: abc-defg-hij"],
    ["*", "Created on 2026-11-09 09:55:00"], ["*", "Ended on 2026-11-09 11:00:10"],
    ["Full Name", "First Seen", "Time in Call"],
    ["Cora Coach", "2026-11-09 09:55:00", "01:05:10"],
    ["Ana Silva", "2026-11-09 09:58:00", "01:02:00"],
    ["Ben Braun", "2026-11-09 10:07:30", "00:52:30"]])
# ... its times of day dated by the block's "Created on", in one cell with its bullet
write("meet-now-12h.csv", [["* Meeting code: abc-defg-hij", "", ""],
    ["* Created on Nov 9, 2026, 9:55:12 AM", "", ""], ["", "", ""],
    ["Full Name", "First Seen", "Time in Call"],
    ["Ana Silva", "9:58 AM", "1 hr 2 min"], ["Ben Braun", "10:07:30 AM", "52 min"]])
# ... dated month first, as in the US: 11/9 reads both ways, the session settles it
write("meet-now-us.csv", [["*", "Meeting code: abc-defg-hij"],
    ["*", "Created on 11/9/2026 9:55 AM"], ["Full Name", "First Seen", "Time in Call"],
    ["Ana Silva", "9:58 AM", "1:02:00"], ["Ben Braun", "10:07:30 AM", "0:52:30"]])
# ... and Ben in the call 10 minutes of 60: late, and never "left early" (no leave time)
write("meet-short.csv", [["*", "Meeting code: abc-defg-hij"],
    ["Full Name", "First Seen", "Time in Call"],
    ["Ana Silva", "2026-11-09 09:58:00", "01:02:00"],
    ["Ben Braun", "2026-11-09 10:07:30", "00:10:00"]])
# Teams' table saved with commas and without its UPN column: told by "First Join"
write("teams-flat-comma.csv", [["Name", "First Join", "Last Leave", "Duration", "Email",
    "Role"]] + [[who, "11/9/2026, " + j, "11/9/2026, 11:00:00 AM", m, mail, role]
     for who, mail, j, m, role in (
         ("Cora Coach", "cora@example.com", "9:55:00 AM", "1h 5m", "Organizer"),
         ("Ana Silva", "ana@example.com", "9:58:00 AM", "1h 2m", "Attendee"),
         ("Ben Braun", "ben@example.com", "10:07:30 AM", "52m 30s", "Attendee"))])
# French Zoom with typographic apostrophes, as Excel's autocorrect leaves them
zoom("zoom-fr-typo.csv", ["Nom (nom d\u2019origine)", "E-mail de l\u2019utilisateur",
    "Heure d\u2019arrivée", "Heure de départ", "Durée (minutes)", "Invité"],
    lambda h: "09/11/2026 " + h)
write("webex.csv", [["Name", "Email", "Date", "Invited", "Registered", "Join time",
    "Leave time", "Duration", "Connection type", "Role"],
    ["Cora Coach", "cora@example.com", "11/09/2026", "No", "No", "11/09/2026 09:55 AM",
     "11/09/2026 11:00 AM", "65 mins", "Desktop app", "Host"],
    ["Ana Silva", "ana@example.com", "11/09/2026", "Yes", "No", "11/09/2026 09:58 AM",
     "11/09/2026 11:00 AM", "62 mins", "Desktop app", "Attendee"],
    ["Ben Braun", "ben@example.com", "11/09/2026", "Yes", "No", "11/09/2026 10:07:30 AM",
     "11/09/2026 11:00 AM", "53 mins", "Web app", "Attendee"]])
PY
for f in zoom-en:zoom zoom-usage:zoom zoom-de:zoom zoom-fr:zoom zoom-es:zoom zoom-pt:zoom zoom-ja:zoom \
	teams-en:teams teams-de:teams teams-fr:teams teams-es:teams teams-pt:teams \
	teams-ja:teams teams-log16:teams-log teams-log:teams-log meet:meet meet-block:meet \
	teams-log16nobom:teams-log zoom-de1252:zoom \
	teams-pl:teams zoom-es-old:zoom zoom-es-new:zoom teams-flat:teams teams-fr2021:teams \
	webex:webex meet-now:meet meet-now-12h:meet meet-now-us:meet zoom-fr-typo:zoom teams-flat-comma:teams; do
	file=${f%%:*}.csv format=${f#*:}
	ok attendance from-meeting c4:1 "$T/$file"
	out "$format report $file: "
	grep -E '^Ana Silva .* 2026-11-09 09:58 +60 +present$' "$T/out" >/dev/null ||
		fail "$file: Ana is not present, 60 minutes"
	grep -E '^Ben Braun .* 2026-11-09 10:07 .*late \(7 min 30 s\)$' "$T/out" >/dev/null ||
		fail "$file: Ben is not late by 7 min 30 s"
	grep -E '^Cleo Costa .* no-show$' "$T/out" >/dev/null || fail "$file: Cleo is not a no-show"
	no_out "Cora Coach"
	no_out "EMAIL-OF-PARTICIPANT"
done
ok attendance from-meeting c4:1 "$T/meet-now-us.csv"
out "its dates read both ways: month first, the reading that matches the session's date"
# the current Meet export recorded: each person's outcome; a short stay is no "left early"
before=$(db_state)
fails 1 attendance from-meeting c4:1 "$T/meet-now.csv" --format zoom
err "no header row of a Zoom participant export"
err "this looks like a Google Meet attendance export"
same_db "$before"
fails 1 attendance from-meeting c4:1 "$T/meet-now.csv" --format webex --apply
same_db "$before"
ok attendance from-meeting c4:1 "$T/meet-short.csv"
grep -E '^Ben Braun .* 2026-11-09 10:07 +10 +late \(7 min 30 s\)$' "$T/out" >/dev/null ||
	fail "meet-short.csv: Ben is not late by 7 min 30 s (and not left early)"
ok attendance from-meeting c4:1 "$T/meet-now.csv" --apply
check '[ "$(sql "SELECT group_concat(p.email || '"'='"' || a.fact || '"'/'"' || ifnull(a.minutes_late, '"''"') || '"'/'"' || a.note, '"' '"') FROM (SELECT * FROM attendance ORDER BY participant_id) a JOIN participant p ON p.id = a.participant_id JOIN session s ON s.id = a.session_id JOIN cohort c ON c.id = s.cohort_id WHERE c.slug = '"'c4'"'")" = "ana@example.com=arrived/0/ ben@example.com=arrived/8/ cleo@example.com=absent//not in the meeting" ]' \
	"meet-now.csv --apply recorded $(sql "SELECT group_concat(p.email || '=' || a.fact || '/' || ifnull(a.minutes_late, '') || '/' || a.note, ' ') FROM attendance a JOIN participant p ON p.id = a.participant_id JOIN session s ON s.id = a.session_id JOIN cohort c ON c.id = s.cohort_id WHERE c.slug = 'c4'")"
printf 'Full Name,First Seen,Time in Call\r\nAna Silva,2026-11-09 09:58:00,\r\nBen Braun,9:58 AM,00:10:00\r\n' > "$T/meet-bad.csv"
before=$(db_state)
fails 1 attendance from-meeting c4:1 "$T/meet-bad.csv" --apply
err "meet-bad.csv:2: no time in the call"
err "meet-bad.csv:3: '9:58 AM' is not a time I can read"
same_db "$before"
# this round's layouts under a --format that is not theirs: refused, nothing recorded
for f in teams-fr2021:zoom teams-pl:webex zoom-es-old:teams zoom-es-new:meet teams-flat-comma:zoom \
	zoom-fr-typo:teams-log meet-now-12h:teams; do
	file=${f%%:*}.csv format=${f#*:}
	before=$(db_state)
	fails 1 attendance from-meeting c4:1 "$T/$file" --format "$format" --apply
	err "$file: no header row of "
	err "; this looks like "
	same_db "$before"
done
# the User Action list: Ben's Joined/Left pairs fold into two stays, the last open one
# ending where the list ends
ok attendance from-meeting c4:1 "$T/teams-log16.csv"
grep -E '^Ben Braun .* name .* 48 +late' "$T/out" >/dev/null ||
	fail "Ben's joins and leaves are not 23 + 25 minutes"
out "told by its header: an older Teams attendance list (User Action)"
ok attendance from-meeting c4:1 "$T/webex.csv"
out "told by its header: a Webex attendee report"
ok attendance from-meeting c4:1 "$T/webex.csv" --format webex
no_out "told by its header"
fails 1 attendance from-meeting c4:1 "$T/meet.csv" --format zoom
err "this looks like a Google Meet attendance export"
ok attendance from-meeting c4:1 "$T/teams-flat.csv"
out "told by its header: a Teams attendance report"
# --format teams on Teams' table alone, any separator: its rows are read
ok attendance from-meeting c4:1 "$T/teams-flat-comma.csv" --format teams
out "teams report teams-flat-comma.csv: 3 rows, 3 people"
ok attendance from-meeting c4:1 "$T/teams-flat.csv" --format teams
out "teams report teams-flat.csv: 3 rows, 3 people"

finish
