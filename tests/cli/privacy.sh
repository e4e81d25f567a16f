#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# privacy.sh - a person's data on request and gone when asked: participant export-data,
# participant erase (the file forgets too), retention; checked against the database.
. "$top_srcdir/tests/cli/lib.sh"
. "$top_srcdir/tests/cli/serve-lib.sh"
cd "$T" || exit 1
port=$(free_port)
URL="http://127.0.0.1:$port"
trap 'kill ${pid:-} ${server_pid:-} 2>/dev/null; rm -rf "$T"' EXIT
name="Zoltan Quixby" email=zq@example.com company="Quixcorp Ltd" note1="migraine aura" \
	note2="Messe in Madrid"

# Zoltan in two cohorts with everything a person leaves behind: reasons, notes, a late
# cancellation and a no-show (notices planned to him), a note of another that names him
cohort
ok cohort add c2 --name "Second" --coach "Cora Coach" --coach-email cora@example.com \
	--tz Europe/Berlin
for c in c1 c2; do
	ok participant add $c --name "$name" --email $email --company "$company"
	ok participant add $c --name "Ana Lima" --email ana@example.com
	ok participant add $c --name "Bo Berg" --email bo@example.com
done
for day in 02 09 16 30; do ok session add c1 --at "2026-11-$day 09:00"; done
ok session add c2 --at "2026-11-03 10:00"
ok mark c1:1 $email excused medical --note "$note1"
ok cancel c1:2 $email --at "2026-11-09 08:00" --reason travel --note "$note2"
ok mark c1:3 $email no-show
ok mark c1:1 bo@example.com present --note "paired with $name"
ok mark c1:1 ana@example.com late 12
ok mark c1:2 ana@example.com no-show
ok mark c2:1 $email present --note "brought $company's case"
ok mark c2:1 bo@example.com excused personal-emergency
ok notices plan c1
ok notices plan c2
ok serve --link c1 $email --listen "127.0.0.1:$port"
zlink=$(cat "$T/out")
ok serve --link c1 bo@example.com --listen "127.0.0.1:$port"
bolink=$(cat "$T/out")
check '[ "$(sql "SELECT count(*) FROM outbox o JOIN participant p ON p.id = o.participant_id
	WHERE p.email = '"'$email'"'")" -gt 0 ]' "no notice planned to the person (the test is void)"

# --- export-data: the archive against the database, every fact, message and report
fails 2 participant export-data c1 $email
err "-o"
ok participant export-data c1 $email -o "$T/zq.zip"
out "wrote $T/zq.zip: 10 tables"
check '[ -z "$(ls "$T" | grep -v "^zq.zip$" | grep "zq.zip")" ]' "a temporary file was left beside the archive"
/usr/bin/python3 - "$T/zq.zip" "$SHOWUP_DB" "$email" > "$T/zip-check" 2>&1 <<'PY'
import csv, io, sqlite3, sys, zipfile
z, db, email = zipfile.ZipFile(sys.argv[1]), sqlite3.connect(sys.argv[2]), sys.argv[3]
names = set(z.namelist())
readme = z.read("README.txt").decode()
def rows(name):
    return list(csv.DictReader(io.StringIO(z.read(name).decode())))
def q(sql):
    return db.execute(sql, (email,)).fetchall()
for n in names - {"README.txt"}:
    if n.split("/")[0] + ("/" if "/" in n else "") not in readme:
        print("README does not name", n)
got = sorted((r["cohort"], int(r["session"]), r["fact"], r["reason"], r["note"]) for r in rows("attendance.csv"))
want = sorted(q("""SELECT c.slug, s.number, a.fact, a.reason, a.note FROM attendance a
    JOIN session s ON s.id = a.session_id JOIN participant p ON p.id = a.participant_id
    JOIN cohort c ON c.id = p.cohort_id WHERE p.email = ?"""))
if got != want: print("attendance.csv", got, "is not", want)
got = sorted((r["cohort"], r["name"], r["company"]) for r in rows("participant.csv"))
want = sorted(q("""SELECT c.slug, p.name, p.company FROM participant p JOIN cohort c
    ON c.id = p.cohort_id WHERE p.email = ?"""))
if got != want or len(got) != 2: print("participant.csv", got, "is not", want)
msgs = q("""SELECT o.id, o.kind, o.message FROM outbox o JOIN participant p
    ON p.id = o.participant_id WHERE p.email = ?""")
for i, kind, m in msgs:
    if z.read(f"messages/{i}-{kind}.eml") != bytes(m): print("message", i, "differs")
if len([n for n in names if n.startswith("messages/")]) != len(msgs) or not msgs:
    print("not every message is there")
audit = rows("audit.csv")
want = q("SELECT count(*) FROM audit WHERE instr(lower(subject), lower(?1)) > 0")[0][0]
if len(audit) < want or want == 0: print("audit.csv has", len(audit), "entries, not", want)
for slug in ("c1", "c2"):
    if f"commitment-{slug}.pdf" not in names: print("no report of", slug)
PY
check '[ ! -s "$T/zip-check" ]' "the archive does not match the database: $(cat "$T/zip-check")"
/usr/bin/python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])' \
	"$T/zq.zip" "$T/zq"
pdftotext -layout "$T/zq/commitment-c1.pdf" "$T/zq-c1.txt"
check 'grep -q "$name" "$T/zq-c1.txt" && grep -q "no-show" "$T/zq-c1.txt" &&
	grep -q "$note2" "$T/zq-c1.txt"' "the commitment report in the archive is not his"
check 'grep -q "$note1" "$T/zq/attendance.csv" && grep -q medical "$T/zq/attendance.csv"' \
	"the archive lacks his reason and note"
check '! grep -q "Ana Lima\|bo@example" "$T/zq/attendance.csv" "$T/zq/participant.csv"' \
	"another person's data is in the archive"
fails 1 participant export-data c1 $email -o "$T/no/such/dir/x.zip"
check '[ ! -e "$T/no/such/dir/x.zip" ]' "a failed export left a file"

# --- erase: the others' figures and the cohorts' totals the same before and after
others() { "$SHOWUP" status "$1" --csv | grep -v "$email\|erased"; }
totals() { "$SHOWUP" report attendance "$1" -o "$T/t.pdf" --date 2026-11-21 >/dev/null &&
	pdftotext -layout "$T/t.pdf" - | sed -n '/Sessions held/,/scheduled/p' | sed 's/  */ /g'; }
for c in c1 c2; do others $c > "$T/others-$c.before"; totals $c > "$T/totals-$c.before"; done
"$SHOWUP" status c1 --csv | grep "$email" | cut -d, -f3- > "$T/his.before"
fails 2 participant erase c1 $email < /dev/null
err "give --yes to erase without a terminal"
check '[ "$(sql "SELECT count(*) FROM participant WHERE email = '"'$email'"'")" = 2 ]' \
	"a refused erase erased"
# on a terminal it asks for the address again: another one typed erases nothing
before=$(db_state)
/usr/bin/python3 - "nobody@example.com" "$SHOWUP" participant erase c1 $email > "$T/tty" <<'PY'
import os, pty, sys
pid, fd = pty.fork()
if pid == 0:
    os.execvp(sys.argv[2], sys.argv[2:])
os.write(fd, (sys.argv[1] + "\n").encode())
out = b""
while True:
    try:
        chunk = os.read(fd, 65536)
    except OSError:
        break
    if not chunk:
        break
    out += chunk
sys.stdout.write(out.decode(errors="replace"))
sys.exit(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
PY
tty_rc=$?
check '[ $tty_rc = 1 ] && grep -q "Type the address again" "$T/tty" &&
	grep -q "nothing erased" "$T/tty"' "a wrong address typed on a terminal: $(cat "$T/tty")"
same_db "$before"
ok participant erase c1 $email --yes
out_re "^erased 2 records: now erased [0-9a-f]{4} <erased-[0-9a-f]{4}@erased.invalid>$"
err "backups made before now still hold their data"
pseudo=$(sed -n 's/.*now \(erased [0-9a-f]*\) .*/\1/p' "$T/out")
for c in c1 c2; do
	others $c > "$T/others-$c.after"; totals $c > "$T/totals-$c.after"
	check 'cmp -s "$T/others-$c.before" "$T/others-$c.after"' "the others' figures in $c changed"
	check 'cmp -s "$T/totals-$c.before" "$T/totals-$c.after" && [ -s "$T/totals-$c.after" ]' \
		"the totals of $c changed"
done
"$SHOWUP" status c1 --csv | grep "$pseudo" | cut -d, -f3- > "$T/his.after"
check 'cmp -s "$T/his.before" "$T/his.after"' "the erased person's own figures changed"
check '[ ! -s "$T/showup.db-wal" ]' "the write-ahead log is not empty"
for word in "$name" "$email" "$company" "$note1" "$note2" medical travel; do
	check '! grep -aqi -- "$word" "$T/showup.db" "$T/showup.db-wal"' \
		"'$word' is still in the database file"
done
check '[ "$(sql "SELECT count(*) FROM participant WHERE name = '"'$pseudo'"'
	AND length(company) = 0 AND erased_at IS NOT NULL")" = 2 ]' "not both records are the pseudonym"
check '[ "$(sql "SELECT reason FROM attendance a JOIN participant p ON p.id = a.participant_id
	WHERE p.name = '"'$pseudo'"' AND length(reason) > 0 ORDER BY reason" | tr "\n" " ")" = \
	"excused not-excused " ]' "the reasons are not their class"
check '[ "$(sql "SELECT count(*) FROM audit WHERE action = '"'participant erased'"' AND old IS NULL")" = 2 ]' \
	"the erasure is not audited without old values"
ok log
out "erased: on request"
# the others' reasons are theirs still
check '[ "$(sql "SELECT reason FROM attendance a JOIN participant p ON p.id = a.participant_id
	JOIN cohort c ON c.id = p.cohort_id WHERE c.slug = '"'c2'"' AND p.email = '"'bo@example.com'"'")" = \
	personal-emergency ]' "another person's reason was classed"
# no notice ever goes to the pseudonym; outputs written after hold nothing of him
ok notices plan c1
ok report commitment c1 -o "$T/after.pdf" --date 2026-11-21
ok attendance export c1 -o "$T/after.csv"
for word in "$name" "$email" "$note1"; do
	check '! pdftotext "$T/after.pdf" - | grep -qi -- "$word" && ! grep -aqi -- "$word" "$T/after.csv"' \
		"'$word' is in a file written after the erasure"
done
# his link is refused; another's opens
SHOWUP_NOW=2026-11-22T07:30:00Z serve_start serve --listen "127.0.0.1:$port"
http GET "${bolink#"$URL"}"
status 200 "another participant's link after the erasure"
http GET "${zlink#"$URL"}"
status 404 "the erased person's link"
kill "$pid"; wait "$pid" 2>/dev/null; pid=
fails 1 participant erase c1 $email --yes
err "$email"

# --- retention: c2 (its last session ended 2026-11-03 10:00 UTC) kept 24 months
ok policy set c2 retention 24mo
ok policy show c2
out_re "^retention +24mo +off$"
fails 1 policy set c2 retention 2y
err "retention: '2y' is not a number of months such as 24mo, or off"
c2_people() { sql "SELECT group_concat(name, '|') FROM (SELECT p.name FROM participant p
	JOIN cohort c ON c.id = p.cohort_id WHERE c.slug = 'c2' ORDER BY p.id)"; }
export SHOWUP_NOW=2028-11-03T09:59:00Z
ok retention
out "no cohort is past its retention"
export SHOWUP_NOW=2028-11-03T10:00:00Z
before=$(db_state)
ok retention --dry-run
out "c2: ended 2026-11-03T10:00:00+00:00, retention 24mo (due 2028-11-03T10:00:00+00:00): would erase 2 participants"
same_db "$before"
ok retention
out "c2: ended 2026-11-03T10:00:00+00:00, retention 24mo (due 2028-11-03T10:00:00+00:00): erased 2 participants"
check '[ -z "$(c2_people | tr "|" "\n" | grep -v "^erased [0-9a-f]*$")" ]' \
	"a participant of c2 keeps their name: $(c2_people)"
check '[ "$(sql "SELECT count(DISTINCT p.name) FROM participant p JOIN cohort c ON c.id = p.cohort_id
	WHERE c.slug = '"'c2'"'")" = 3 ]' "the people of c2 do not have a pseudonym each"
check '[ "$(sql "SELECT reason FROM attendance a JOIN session s ON s.id = a.session_id
	JOIN cohort c ON c.id = s.cohort_id WHERE c.slug = '"'c2'"' AND length(reason) > 0")" = excused ]' \
	"c2's reasons are not their class"
# the same person in c1, whose retention is off, keeps everything
check '[ "$(sql "SELECT p.name FROM participant p JOIN cohort c ON c.id = p.cohort_id
	WHERE c.slug = '"'c1'"' AND p.email = '"'ana@example.com'"'")" = "Ana Lima" ]' \
	"retention of c2 erased a record of c1"
check '! grep -aq "personal-emergency" "$T/showup.db"' "c2's reason is still in the file"
before=$(db_state)
ok retention
out "no cohort is past its retention"
same_db "$before"
# notices run erases too, before it plans; no message goes to a pseudonym
ok policy set c1 retention 1mo
smtp_setup
start_server
ok notices run
stop_server
out "c1: ended 2026-11-29T23:00:00+00:00, retention 1mo (due 2026-12-29T23:00:00+00:00): erased 2 participants"
check '[ "$(sql "SELECT count(*) FROM participant WHERE erased_at IS NULL")" = 0 ]' \
	"notices run did not erase c1 past its retention"
check '[ "$(total)" = 0 ]' "a message went to an erased participant"

finish
