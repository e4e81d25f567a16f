#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# serve-busy.sh - showup serve while another process holds the database's write lock
# for 10 s (as a long command-line write would): pages and the style sheet are read at
# once (WAL readers), a change answers 503 with Retry-After within seconds, saying the
# database is busy, and SIGTERM stops the server without waiting for the lock.
. "$top_srcdir/tests/cli/lib.sh"
. "$top_srcdir/tests/cli/serve-lib.sh"

serve_cohort "Ana Alves"
export SHOWUP_NOW=2026-11-22T07:30:00Z
port=$(free_port)
URL="http://127.0.0.1:$port"
trap 'kill ${pid:-} ${lock_pid:-} 2>/dev/null; rm -rf "$T"' EXIT
serve_start serve --listen "127.0.0.1:$port"
http POST "${login#"$URL"}"
status 200 "the login"
http GET /s/c1/1
token=$(csrf)
ok serve --link c1 bo@example.com --listen "127.0.0.1:$port"
bo=$(cat "$T/out")

# lock_hold SECONDS: another process takes the write lock and keeps it so long
lock_hold() {
	rm -f "$T/locked"
	/usr/bin/python3 - "$SHOWUP_DB" "$T/locked" "$1" <<'PY' &
import sqlite3, sys, time
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("BEGIN IMMEDIATE")
db.execute("UPDATE cohort SET name = name")
open(sys.argv[2], "w").close()
time.sleep(float(sys.argv[3]))
db.execute("ROLLBACK")
PY
	lock_pid=$!
	for _ in $(seq 1 100); do [ -e "$T/locked" ] && break; sleep 0.05; done
}
# timed METHOD PATH [FORM]: http, with the seconds it took in $took (hundredths)
timed() {
	local t0=${EPOCHREALTIME/./}
	http "$@"
	took=$(( (${EPOCHREALTIME/./} - t0) / 10000 ))
}

lock_hold 10
check '[ -e "$T/locked" ]' "the other process did not take the lock"
timed GET /s/c1/1
status 200 "the roll call page while another writes"
check '[ "$took" -lt 150 ]' "the roll call page took ${took} hundredths of a second under another's write lock"
timed GET /style.css
status 200 "the style sheet while another writes"
check '[ "$took" -lt 150 ]' "the style sheet took ${took} hundredths of a second"
timed GET /
status 200 "the sessions while another writes"
check '[ "$took" -lt 150 ]' "the sessions took ${took} hundredths of a second"
timed GET "${bo#"$URL"}"
status 200 "a participant's page while another writes"
check '[ "$took" -lt 150 ]' "a participant's page took ${took} hundredths of a second"

# a change waits 1.5 s at most (the busy page within 2 s), then says the database is
# busy; nothing is recorded
timed POST /s/c1/1/mark "csrf=$token&email=ana%40example.com&status=present"
status 503 "a tap while another writes"
header "Retry-After: 2"
body "Another showup is writing to the database just now, so nothing was changed"
check '[ "$took" -ge 140 ] && [ "$took" -lt 500 ]' "the busy tap answered after ${took} hundredths of a second, not about 1.5 s"
http GET "${bo#"$URL"}/cancel/2"
timed POST "${bo#"$URL"}/cancel/2" "csrf=$(csrf)&reason=work"
status 503 "a cancellation while another writes"
check '[ "$took" -lt 500 ]' "the busy cancellation answered after ${took} hundredths of a second"
check '[ "$(sql "SELECT count(*) FROM attendance")" = 0 ]' "a change was recorded while busy"
wait "$lock_pid"; lock_pid=

# once the lock is let go, the same tap goes through
http POST /s/c1/1/mark "csrf=$token&email=ana%40example.com&status=present"
status 303 "the tap after the other write"

# SIGTERM while a change waits for the lock: stopped in seconds, not after the lock
lock_hold 30
curl -s -o /dev/null -b "$T/jar" --data-raw "csrf=$token&email=bo%40example.com&status=present" \
	"$URL/s/c1/1/mark" &
curl_pid=$!
sleep 0.5
t0=$SECONDS
kill -TERM "$pid"
wait "$pid"
check '[ $? -eq 0 ]' "serve did not exit 0 on SIGTERM"
check '[ $((SECONDS - t0)) -le 5 ]' "serve took $((SECONDS - t0)) s to stop while another held the lock"
pid=
wait "$curl_pid"
kill "$lock_pid"; wait "$lock_pid" 2>/dev/null; lock_pid=

finish
