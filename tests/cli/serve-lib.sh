# SPDX-License-Identifier: Apache-2.0
# serve-lib.sh - what the tests of showup serve share (after lib.sh): the cohort they
# drive, a free loopback port, and the server started on it.

# serve_cohort NAME: cohort c1 with NAME (ana), Bo and Cy; session 1 (group) and 4
# (practice, Bo) at 18:00 Sydney on the 22nd, 2 (coaching, Bo) on the 24th, 3 (the
# same) at 09:00 on the 23rd, whose cutoff is 18:00 the evening before
serve_cohort() {
	cohort
	ok participant add c1 --name "$1" --email ana@example.com
	ok participant add c1 --name "Bo Berg" --email bo@example.com
	ok participant add c1 --name "Cy Walker" --email cy@example.com
	ok session add c1 --at "2026-11-22 18:00" --title Kickoff
	ok session add c1 --at "2026-11-24 18:00" --title "One to one" --kind coaching \
		--with bo@example.com
	ok session add c1 --at "2026-11-23 09:00" --title "Early call" --kind coaching \
		--with bo@example.com
	ok session add c1 --at "2026-11-22 18:00" --title "Pair practice" --kind practice \
		--with bo@example.com
}

# free_port: prints a TCP port free on 127.0.0.1
free_port() {
	/usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# serve_start NAME ARGS...: starts showup serve ARGS in the background (its pid in
# $pid, or $pid2 for a second one), output in $T/NAME.out and .err, and waits for
# its login link, which it sets in $login
serve_start() {
	local name=$1
	shift
	"$SHOWUP" serve "$@" > "$T/$name.out" 2> "$T/$name.err" &
	if [ -z "${pid:-}" ]; then pid=$!; else pid2=$!; fi
	for _ in $(seq 1 100); do grep -q '^log in' "$T/$name.out" && break; sleep 0.05; done
	login=$(sed -n 's/^log in (once, within 15 minutes): //p' "$T/$name.out")
}

# The requests of a test, on $URL (the server serve_start started):
# http METHOD PATH [FORM]: a request with the cookie jar; the status in $code, the page in body
http() {
	local args=(-s -o "$T/body" -D "$T/headers" -w '%{http_code}' -b "$T/jar" -c "$T/jar")
	[ "$1" = POST ] && args+=(--data-raw "${3:-}")
	checks=$((checks + 1))
	code=$(curl "${args[@]}" "$URL$2")
}
# status CODE WHAT: the last request's status is CODE
status() { [ "$code" = "$1" ] || { failures=$((failures + 1)); echo "FAIL: $2: status $code, expected $1"; }; }
body() { grep -qF -- "$1" "$T/body" || { failures=$((failures + 1)); echo "FAIL: the page lacks: $1"; }; }
no_body() { ! grep -qF -- "$1" "$T/body" || { failures=$((failures + 1)); echo "FAIL: the page has: $1"; }; }
header() { grep -qiF -- "$1" "$T/headers" || { failures=$((failures + 1)); echo "FAIL: no header: $1"; }; }
# csrf: the form token of the last page
csrf() { grep -o 'name="csrf" value="[^"]*"' "$T/body" | head -n1 | sed 's/.*value="//; s/"$//'; }
