#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# fault.sh - all or nothing under faults: a disk that fills up in the middle of each
# import, meeting --apply, notices plan and send (a small tmpfs in a mount namespace
# of the test's own), and kill -9 at random moments of writes.
. "$top_srcdir/tests/cli/lib.sh"

# The disk-full half needs a tmpfs of its own: run this script again inside a
# private mount namespace (as root, or as a user through a user namespace).
if [ -z "${FAULT_NS:-}" ]; then
	rm -rf "$T"
	trap - EXIT
	if unshare -m true 2>/dev/null; then ns="unshare -m"; else ns="unshare -rm"; fi
	FAULT_NS=1 exec $ns sh "$0" "$@"
fi
mkdir -p "$T/full"
mount -t tmpfs -o size=6m tmpfs "$T/full" || { echo "FAIL: cannot mount a tmpfs"; exit 1; }
trap 'umount "$T/full" 2>/dev/null; rm -rf "$T"' EXIT
PY=/usr/bin/python3

# --- the data: 300 people, 40 sessions, 12,000 attendance rows, a Zoom report
$PY - "$T" <<'EOF'
import sys
d = sys.argv[1]
with open(f"{d}/people.csv", "w") as f:
    f.write("Name,E-mail,Company\n")
    for i in range(300):
        f.write(f"Zoë Person {i:03d},p{i:03d}@example.com,Firma Ärger {i}\n")
with open(f"{d}/sessions.csv", "w") as f:
    f.write("Number,Start,Kind,Title\n")
    for j in range(40):
        f.write(f"{j + 1},2026-{9 + j // 20:02d}-{1 + j % 20:02d} 09:00,group,Week {j + 1}\n")
with open(f"{d}/att.csv", "w") as f:
    f.write("session,email,status,minutes_late,note\n")
    for j in range(40):
        for i in range(300):
            st = ["present", "no-show", "late"][(i + j) % 3]
            late = "12" if st == "late" else ""
            f.write(f"{j + 1},p{i:03d}@example.com,{st},{late},note {i} {j} with some words\n")
with open(f"{d}/zoom.csv", "w") as f:
    f.write("Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes)\n")
    for i in range(300):
        f.write(f"Zoë Person {i:03d},p{i:03d}@example.com,11/03/2026 09:00:00 AM,"
                f"11/03/2026 10:00:00 AM,60\n")
EOF

# base: a cohort with people and sessions, on the normal disk
export SHOWUP_DB="$T/base.db"
cohort
cp "$T/base.db" "$T/cohort-only.db"
ok participant import c1 "$T/people.csv"
ok session import c1 "$T/sessions.csv"
ok session add c1 --at "2026-11-03 09:00" --minutes 60
cp "$T/base.db" "$T/people-only.db"
ok attendance import c1 "$T/att.csv"
out "12000 attendance rows: 12000 added"
cp "$T/base.db" "$T/with-att.db"
rm -f "$T/base.db"

# fill LEAVE_KB: fills the tmpfs so that about LEAVE_KB kilobytes stay free.
fill() {
	rm -f "$T/full/filler"
	free_kb=$(df -k --output=avail "$T/full" | tail -n1)
	dd if=/dev/zero of="$T/full/filler" bs=1k count=$((free_kb - $1)) 2>/dev/null
}
# full_case NAME DB LEAVE_KB ARGS...: runs ARGS on a copy of DB on a nearly full disk and
# expects a store error, no row errors and the database as it was; then, with room,
# the same command succeeds.
full_case() {
	name=$1 db=$2 leave=$3
	shift 3
	rm -f "$T/full/"*
	cp "$T/$db" "$T/full/showup.db"
	export SHOWUP_DB="$T/full/showup.db"
	before=$(db_state)
	fill "$leave"
	fails 1 "$@"
	err "database or disk is full"
	echo "$name on a full disk:"; sed 's/^/    /' "$T/err"
	check '! grep -q "bad row" "$T/err"' "$name: a full disk was reported as bad rows"
	check '[ "$(grep -c . "$T/err")" -le 3 ]' "$name: more than a few lines for one full disk"
	rm -f "$T/full/filler"
	same_db "$before"
	check '[ "$(sqlite3 "$SHOWUP_DB" "PRAGMA integrity_check")" = ok ]' "$name: damaged"
	run "$@"
	check '[ $rc -eq 0 ]' "$name: did not succeed once there was room (exit $rc)"
}

full_case "attendance import" people-only.db 96 attendance import c1 "$T/att.csv"
full_case "participant import" cohort-only.db 44 participant import c1 "$T/people.csv"
sed 's/Firma/Company/' "$T/people.csv" > "$T/people2.csv"
full_case "roster update" people-only.db 44 participant import c1 "$T/people2.csv"
sed 's/Week/Woche/' "$T/sessions.csv" > "$T/sessions2.csv"
full_case "session import" people-only.db 40 session import c1 "$T/sessions2.csv"
sed 's/with some words/mit ein paar Wörtern mehr/' "$T/att.csv" > "$T/att2.csv"
full_case "attendance corrections" with-att.db 96 attendance import c1 "$T/att2.csv"
full_case "from-meeting --apply" people-only.db 40 attendance from-meeting c1:41 \
	"$T/zoom.csv" --apply --date-order mdy
full_case "notices plan" with-att.db 96 notices plan c1

# notices send on a full disk: whatever stops it, no notice goes twice, and with room
# again the rest go once each
S="$T/smtp"
mkdir -p "$S" "$XDG_CONFIG_HOME/showup"
SMTPD_SECONDS=60 /usr/bin/python3 "$top_srcdir/tests/cli/smtpd.py" "$S" 2>/dev/null &
smtpd=$!
for i in $(seq 1 100); do [ -s "$S/port" ] && break; sleep 0.1; done
printf '[smtp]\nurl = smtp://127.0.0.1:%s\ntls = none\n' "$(cat "$S/port")" \
	> "$XDG_CONFIG_HOME/showup/config"
rm -f "$T/full/"*
cp "$T/with-att.db" "$T/full/showup.db"
export SHOWUP_DB="$T/full/showup.db"
ok notices plan c1
planned=$(sql "SELECT count(*) FROM outbox WHERE state = 'pending'")
fill 40
fails 1 notices send c1
err "database or disk is full"
echo "notices send on a full disk:"; sed 's/^/    /' "$T/err"
rm -f "$T/full/filler"
run notices send c1
kill $smtpd 2>/dev/null
wait $smtpd 2>/dev/null
check '[ "$(sqlite3 "$SHOWUP_DB" "PRAGMA integrity_check")" = ok ]' "send: damaged by a full disk"
twice=$(grep '^DATA ' "$S/log" | awk '{ print $3 }' | sort | uniq -d | wc -l)
check '[ "$twice" = 0 ]' "$twice notices went twice after a full disk"
sent=$(sql "SELECT count(*) FROM outbox WHERE state = 'sent'")
unknown=$(sql "SELECT count(*) FROM outbox WHERE state = 'unknown'")
got=$(grep -c '^DATA ' "$S/log")
check '[ $((sent + unknown)) = "$planned" ]' "after room came back: $sent sent, $unknown unknown of $planned"
check '[ "$got" -ge "$sent" ] && [ "$got" -le $((sent + unknown)) ]' \
	"the server took $got messages for $sent sent and $unknown unknown"

# a damaged database: the store's error, once, never thousands of "bad rows"
cp "$T/with-att.db" "$T/damaged.db"
dd if=/dev/urandom of="$T/damaged.db" bs=4096 seek=40 count=60 conv=notrunc 2>/dev/null
SHOWUP_DB="$T/damaged.db" run attendance import c1 "$T/att2.csv"
check '[ $rc -eq 1 ]' "an import into a damaged database did not fail"
check '! grep -q "bad row" "$T/err"' "a damaged database was reported as bad rows"
check '[ "$(grep -c . "$T/err")" -le 3 ]' "more than a few lines for a damaged database"
echo "a damaged database:"; sed 's/^/    /' "$T/err"

# --- kill -9 at random moments: the database is whole, and each change all or nothing
export SHOWUP_DB="$T/trial.db"
trials=0 partial=0 damaged=0
# trial DB TABLE ARGS...: a write on a copy of DB killed after a random delay
trial() {
	db=$1 table=$2
	shift 2
	cp "$T/$db" "$T/trial.db"
	rm -f "$T/trial.db-wal" "$T/trial.db-shm"
	n0=$(sql "SELECT count(*) FROM $table")
	"$SHOWUP" "$@" >/dev/null 2>&1 &
	pid=$!
	sleep "0.$(printf '%03d' $(( $(od -An -N2 -tu2 /dev/urandom) % 400 )))"
	kill -9 $pid 2>/dev/null
	wait $pid 2>/dev/null
	trials=$((trials + 1))
	[ "$(sql "PRAGMA integrity_check")" = ok ] || damaged=$((damaged + 1))
	n1=$(sql "SELECT count(*) FROM $table")
	# all or nothing: before, or everything the command adds
	[ "$n1" = "$n0" ] || [ "$n1" = "$want" ] || { partial=$((partial + 1)); echo "partial $*: $n0 -> $n1"; }
}
# after DB TABLE ARGS...: sets 'want' to TABLE's row count once ARGS ran whole on a copy of DB
after() {
	db=$1 table=$2
	shift 2
	cp "$T/$db" "$T/trial.db"
	rm -f "$T/trial.db-wal" "$T/trial.db-shm"
	"$SHOWUP" "$@" >/dev/null 2>&1
	want=$(sql "SELECT count(*) FROM $table")
}
after people-only.db attendance attendance import c1 "$T/att.csv"
for i in $(seq 1 25); do trial people-only.db attendance attendance import c1 "$T/att.csv"; done
after with-att.db audit attendance import c1 "$T/att2.csv"
for i in $(seq 1 15); do trial with-att.db audit attendance import c1 "$T/att2.csv"; done
after with-att.db outbox notices plan c1
for i in $(seq 1 15); do trial with-att.db outbox notices plan c1; done
check '[ $trials -ge 50 ]' "only $trials kill -9 trials"
check '[ $damaged -eq 0 ]' "$damaged of $trials databases damaged by kill -9"
check '[ $partial -eq 0 ]' "$partial of $trials writes left half done by kill -9"
echo "$trials kill -9 trials: $damaged damaged, $partial partial"

finish
