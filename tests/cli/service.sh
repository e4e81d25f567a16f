#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# service.sh - showup serve as the one always-on service: --notices sends what is due
# to the loopback SMTP server with no other process, /healthz answers, and the
# system unit showup-serve.service is one systemd takes.
. "$top_srcdir/tests/cli/lib.sh"
. "$top_srcdir/tests/cli/serve-lib.sh"

serve_cohort "Ana Alves"
smtp_setup
start_server
trap '[ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; kill ${pid:-} ${pid2:-} 2>/dev/null; rm -rf "$T"' EXIT
ok policy set c1 invitations on
export SHOWUP_NOW=2026-11-15T07:30:00Z
port=$(free_port)
URL="http://127.0.0.1:$port"

# --- serve --rotate-key refuses while notices not sent yet carry links of the key
ok serve --link c1 ana@example.com	# the key is made
key=$(sql "SELECT hex(key) FROM web_key")
ok notices plan c1
fails 1 serve --rotate-key
err "error: 6 notices not sent yet may carry links made with this key, which a new key would break; nothing was changed"
check '[ "$(sql "SELECT hex(key) FROM web_key")" = "$key" ]' "the key changed while notices were pending"

# /healthz of a server without --notices says the notices are not its work
serve_start plain --listen "127.0.0.1:$port"
http GET /healthz
status 200 "/healthz"
body "database: opens"
body "notices: not run by this server"
kill "$pid"; wait "$pid" 2>/dev/null; pid=

# --- serve --notices: the invitations go out at its start, without 'notices run'
check '[ "$(received ana@example.com)" = 0 ]' "an invitation went before the service ran"
serve_start svc --notices 1 --listen "127.0.0.1:$port"
for _ in $(seq 1 100); do [ "$(received cy@example.com)" -ge 1 ] && break; sleep 0.1; done
check '[ "$(received ana@example.com)" -ge 1 ] && [ "$(received cy@example.com)" -ge 1 ]' \
	"serve --notices did not send the invitations due at its start"
check 'grep -q "and sending the notices due" "$T/svc.out"' "serve --notices does not say it sends"
http GET /healthz
status 200 "/healthz of serve --notices"
body "notices: every 1 minutes, last run 2026-11-15T07:30"
# what it sent is sent once: a run of the timer after it finds nothing to send
sent=$(grep -c '^DATA' "$S/log")
ok notices run
check '[ "$(grep -c "^DATA" "$S/log")" = "$sent" ]' "a notice went twice"
# a change while it serves goes out at its next run, within the minute
ok participant add c1 --name "Di Dunn" --email di@example.com
for _ in $(seq 1 700); do [ "$(received di@example.com)" -ge 1 ] && break; sleep 0.1; done
check '[ "$(received di@example.com)" -ge 1 ]' "serve --notices 1 did not run again within its minute"
kill "$pid"; wait "$pid" 2>/dev/null; pid=
check 'grep -q "^stopped" "$T/svc.err"' "serve --notices did not stop on SIGTERM"
# all sent: the key may change now
ok serve --rotate-key
out "a new key"
check '[ -n "$key" ] && [ "$(sql "SELECT hex(key) FROM web_key")" != "$key" ]' "the key did not change once the notices were sent"

# --- one client's slow connections (headers never finished) take no one else's place:
# 300 from 127.0.0.1, more than the server's 256 in all, while 127.0.0.2 asks for a page
unset SHOWUP_NOW
serve_start slow --listen "127.0.0.1:$port"
/usr/bin/python3 - "$port" > "$T/slow" <<'PY' &
import socket, sys, time
held = []
for _ in range(300):
    try:
        s = socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=2)
        s.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n")	# and never the blank line
        held.append(s)
    except OSError:
        pass
print(len(held), flush=True)
time.sleep(6)
PY
slow_pid=$!
sleep 2
checks=$((checks + 1))
code=$(curl -s -o /dev/null -m 3 -w '%{http_code}' --interface 127.0.0.2 "$URL/healthz")
status 200 "/healthz from another client while one holds 300 slow connections"
# a connection that stays silent is closed after some seconds, not kept for good
exec 3<>"/dev/tcp/127.0.0.1/$port"
printf 'GET / HTTP/1.1\r\n' >&3
began=$SECONDS
timeout 20 cat <&3 >/dev/null
check '[ $((SECONDS - began)) -le 15 ]' "a slow request's connection was kept $((SECONDS - began)) s"
exec 3<&-
wait "$slow_pid"
kill "$pid"; wait "$pid" 2>/dev/null; pid=

# --- a flood of bad links from one address throttles that flood, not the coach's good
# link from the same address (a busy office, or every client behind one proxy)
serve_start flood --listen "127.0.0.1:$port"
# two processes, one connection each, so the flood comes within the minute however busy
# the machine is
curl -s -w '%{http_code}\n' -X POST $(for i in $(seq 1 80); do
	printf -- '-o /dev/null %s/login/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA%s ' "$URL" "$i"; done) > "$T/codes"
curl -s -w '%{http_code}\n' $(for i in $(seq 1 80); do
	printf -- '-o /dev/null %s/p/not-a-link-%s ' "$URL" "$i"; done) >> "$T/codes"
check 'grep -q "^429$" "$T/codes"' "a flood of bad links from one address was not slowed down"
checks=$((checks + 1))
code=$(curl -s -o /dev/null -w '%{http_code}' -X POST "$login")
status 200 "the coach's login link after another's flood from the same address"
# one good link used too often is slowed down alone
curl -s -w '%{http_code}\n' $(for _ in $(seq 1 70); do printf -- '-o /dev/null %s ' "$login"; done) \
	> "$T/codes"
check 'grep -q "^429$" "$T/codes"' "one link used 70 times a minute was not slowed down"
kill "$pid"; wait "$pid" 2>/dev/null; pid=

# the minutes are checked; --notices goes with serving only
fails 2 serve --notices 0
err "--notices: '0' is not 1 to 1440 minutes"
fails 2 serve --notices --login
fails 2 serve 5

finish
