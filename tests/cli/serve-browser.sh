#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# serve-browser.sh - showup serve in a real browser: headless Chromium at a phone's size
# (browser.py) takes a roll call of a group of 20 (everyone else present among it) and
# cancels as a participant, measuring every tap target; the record is read back.
. "$top_srcdir/tests/cli/lib.sh"
. "$top_srcdir/tests/cli/serve-lib.sh"

serve_cohort "Ana Lima"
for i in $(seq 4 20); do	# a group of 20
	ok participant add c1 --name "Person $i" --email "p$i@example.com"
done
ok slot add c1 --at "2026-11-26 10:00"	# a time to move a 1:1 to

export SHOWUP_NOW=2026-11-22T07:30:00Z	# 18:30 in Sydney: session 1 under way
port=$(free_port)
URL="http://127.0.0.1:$port"
trap 'kill ${pid:-} 2>/dev/null; [ -z "${KEEP_SHOTS:-}" ] || cp -r "$T/shots" "$KEEP_SHOTS"; rm -rf "$T"' EXIT
serve_start serve --listen "127.0.0.1:$port"
ok serve --link c1 bo@example.com --listen "127.0.0.1:$port"
mine=$(cat "$T/out")

mkdir -p "$T/shots"
checks=$((checks + 1))
/usr/bin/python3 "$top_srcdir/tests/cli/browser.py" "$URL" "$login" "$mine" "$T/shots" ||
	{ failures=$((failures + 1)); echo "FAIL: the browser run"; }
check '[ "$(sql "SELECT count(*) FROM attendance a JOIN session s ON s.id = a.session_id WHERE s.number = 1 AND a.fact = '"'"'arrived'"'"' AND a.minutes_late = 0")" = 17 ]' \
	"everyone else present did not mark the 17 others present"
check '[ "$(ls "$T/shots" | wc -l)" -ge 10 ]' "fewer screenshots than pages"

ok attendance show c1
out_re '^Ana Lima +ana@example\.com +L '
out_re '^Bo Berg +bo@example\.com +N +\? +X +C$'
out_re '^Cy Walker +cy@example\.com +E +P +\. +\.$'
check '[ "$(sql "SELECT a.reason, a.note FROM attendance a JOIN session s ON s.id = a.session_id WHERE s.number = 2")" = "travel|flight moved" ]' \
	"the cancellation in time is not as typed"

kill -TERM "$pid"
wait "$pid"
check '[ $? -eq 0 ]' "serve did not exit 0 on SIGTERM"
finish
