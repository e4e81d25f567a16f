#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# serve.sh - the web roll call under load (part of `make bench`): showup serve on a free
# loopback port, a cohort of 300 at a session under way, taps from serve_load.py; then
# serve_siege.py: the coach and a participant while one client attacks, and page reads
# while another process holds the write lock.
set -eu
: "${SHOWUP:?}"
here=$(cd "$(dirname "$0")" && pwd)
dir=$(mktemp -d "${TMPDIR:-/tmp}/showup-bench-serve-XXXXXX")
export SHOWUP_DB="$dir/showup.db" SHOWUP_NOW="2026-11-22T07:30:00Z"
pid=
trap '[ -z "$pid" ] || kill "$pid" 2>/dev/null; rm -rf "$dir"' EXIT

"$SHOWUP" init >/dev/null
"$SHOWUP" cohort add tap --name "Taps" --coach "Bea Bench" --coach-email bea@example.com \
	--tz Australia/Sydney >/dev/null
/usr/bin/python3 -c '
import sys
print("name,email")
for i in range(300):
    print(f"Person {i},p{i}@example.com")' > "$dir/people.csv"
"$SHOWUP" participant import tap "$dir/people.csv" >/dev/null
"$SHOWUP" session add tap --at "2026-11-22 18:00" --title "Under way" >/dev/null
"$SHOWUP" session add tap --at "2026-11-29 18:00" --title "Next week" >/dev/null
port=$(/usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$SHOWUP" serve --listen "127.0.0.1:$port" > "$dir/out" 2> "$dir/log" &
pid=$!
for _ in $(seq 1 100); do grep -q '^log in' "$dir/out" && break; sleep 0.05; done
login=$(sed -n 's/^log in (once, within 15 minutes): //p' "$dir/out")
printf 'web roll call (serve), 4 connections  '
/usr/bin/python3 "$here/serve_load.py" "$login" /s/tap/1 4 6000 30
# fit for the open internet: a siege by one client, then another process's long write
# (serve --link and --login find the server's port by themselves)
coach=$("$SHOWUP" serve --login | sed -n 's/^log in (once, within 15 minutes): //p')
coach2=$("$SHOWUP" serve --login | sed -n 's/^log in (once, within 15 minutes): //p')
person=$("$SHOWUP" serve --link tap p1@example.com)
echo 'web server under siege (serve)'
/usr/bin/python3 "$here/serve_siege.py" "$coach" "$coach2" /s/tap/1 "$person" 2 "$SHOWUP_DB"
