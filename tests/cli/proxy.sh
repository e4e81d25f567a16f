#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# proxy.sh - showup serve behind a real nginx (Debian's), run as the test's user from a
# config in the test's folder with the proxy settings of the README's site: a coach's
# login, a tap of the roll call, a participant's cancellation, /healthz and a remembered
# phone's sign-in after the 12-hour idle limit go through it,
# and the client the proxy names (X-Forwarded-For), not the proxy, is the one limited.
. "$top_srcdir/tests/cli/lib.sh"
. "$top_srcdir/tests/cli/serve-lib.sh"

NGINX=$(command -v nginx || echo /usr/sbin/nginx)
if [ ! -x "$NGINX" ]; then
	echo "SKIP: no nginx binary"
	exit 77
fi

serve_cohort "Ana Alves"
export SHOWUP_NOW=2026-11-22T07:30:00Z
port=$(free_port)
nport=$(free_port)
URL="http://127.0.0.1:$nport"
trap 'kill ${pid:-} ${npid:-} 2>/dev/null; [ -n "${KEEP:-}" ] || rm -rf "$T"' EXIT

# nginx in the foreground, one process, every file of its own in $T/nginx
mkdir -p "$T/nginx/tmp"
cat > "$T/nginx/nginx.conf" <<EOF
daemon off;
master_process off;
pid $T/nginx/nginx.pid;
error_log $T/nginx/error.log;
events { worker_connections 128; }
http {
	access_log $T/nginx/access.log;
	client_body_temp_path $T/nginx/tmp/body;
	proxy_temp_path $T/nginx/tmp/proxy;
	fastcgi_temp_path $T/nginx/tmp/fastcgi;
	uwsgi_temp_path $T/nginx/tmp/uwsgi;
	scgi_temp_path $T/nginx/tmp/scgi;
	limit_conn_zone \$binary_remote_addr zone=showup_conn:1m;
	server {
		listen 127.0.0.1:$nport;
		client_max_body_size 8k;
		client_header_timeout 10s;
		client_body_timeout 10s;
		limit_conn showup_conn 32;
		location / {
			proxy_pass http://127.0.0.1:$port;
			proxy_set_header Host \$host;
			proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
			proxy_set_header X-Forwarded-Proto \$scheme;
			proxy_set_header X-Forwarded-Host \$host;
		}
	}
}
EOF
"$NGINX" -p "$T/nginx" -e "$T/nginx/error.log" -c "$T/nginx/nginx.conf" \
	> "$T/nginx.out" 2>&1 &
npid=$!

# the proxy named in the config file, as a service would have it
mkdir -p "$XDG_CONFIG_HOME/showup"
printf '[serve]\npublic_url = %s\nproxy = 127.0.0.1\n' "$URL" > "$XDG_CONFIG_HOME/showup/config"
serve_start proxied --listen "127.0.0.1:$port"
for _ in $(seq 1 100); do
	[ "$(curl -s -o /dev/null -w '%{http_code}' "$URL/healthz")" = 200 ] && break
	sleep 0.05
done
check '[[ "$login" == "$URL/login/"* ]]' "the login link does not point at the proxy"

# --- /healthz, the coach's login and a tap, all through nginx
http GET /healthz
status 200 "/healthz through the proxy"
body "database: opens"
http GET "${login#"$URL"}"
status 200 "the login link's landing page through the proxy"
http POST "${login#"$URL"}" "remember=1"
status 200 "the login through the proxy"
header "Set-Cookie: showup_session="
cp "$T/jar" "$T/coach.jar"
# the proxy was asked by plain http: no Secure cookie, no HSTS
check '! grep -qi "Secure" <(grep -i "^Set-Cookie" "$T/headers")' "a Secure cookie over plain http"
http GET /s/c1/1
status 200 "the roll call through the proxy"
token=$(csrf)
http POST /s/c1/1/mark "csrf=$token&email=ana%40example.com&status=present"
status 303 "a tap through the proxy"
check '[ "$(sql "SELECT a.fact FROM attendance a JOIN session s ON s.id = a.session_id WHERE s.number = 1 AND a.participant_id = 1")" = arrived ]' \
	"the tap through the proxy was not recorded"

# --- a participant cancels through it
ok serve --link c1 bo@example.com
bo=$(cat "$T/out")
check '[[ "$bo" == "$URL/p/"* ]]' "the participant's link does not point at the proxy"
rm -f "$T/jar"
http GET "${bo#"$URL"}/cancel/2"
status 200 "the cancel page through the proxy"
http POST "${bo#"$URL"}/cancel/2" "csrf=$(csrf)&reason=work"
status 200 "a cancellation through the proxy"
body 'Your coach has your cancellation.'
check '[ "$(sql "SELECT a.reason FROM attendance a JOIN session s ON s.id = a.session_id WHERE s.number = 2")" = work ]' \
	"the cancellation through the proxy was not recorded"

# the access log names the client nginx was reached from, and the host asked for
curl -s -o /dev/null --interface 127.0.0.7 "$URL/healthz"
check 'grep -q "^127\.0\.0\.7 \"GET /healthz\" 200 .* host 127\.0\.0\.1$" "$T/proxied.err"' \
	"the access log does not name the forwarded client"

# --- limits count the forwarded client: a flood of bad links from 127.0.0.2 (which
# names itself 10.0.0.9 in a header of its own: the proxy's entry comes last) is
# slowed down; 127.0.0.3, through the same proxy, is not
curl -s -w '%{http_code}\n' --interface 127.0.0.2 -H 'X-Forwarded-For: 10.0.0.9' \
	$(for i in $(seq 1 130); do printf -- '-o /dev/null %s/p/not-a-link-%s ' "$URL" "$i"; done) \
	> "$T/codes"
check 'grep -q "^429$" "$T/codes"' "a flood of bad links from one forwarded client was not slowed down"
checks=$((checks + 1))
code=$(curl -s -o /dev/null -w '%{http_code}' --interface 127.0.0.3 "$URL/p/not-a-link")
status 403 "another forwarded client's request after one client's flood"
checks=$((checks + 1))
code=$(curl -s -o /dev/null -w '%{http_code}' --interface 127.0.0.3 -H 'X-Forwarded-For: 10.0.0.9' \
	"$URL/p/not-a-link")
status 403 "a client naming the flooder in its own header"
checks=$((checks + 1))
code=$(curl -s -o /dev/null -w '%{http_code}' --interface 127.0.0.2 "$URL/p/not-a-link")
status 429 "the flooding client, again"
# the coach, signed in, is never throttled by it, even from the flooding client's address
checks=$((checks + 1))
code=$(curl -s -o /dev/null -w '%{http_code}' -b "$T/coach.jar" --interface 127.0.0.2 "$URL/s/c1/1")
status 200 "the signed-in coach from the flooding address"

# --- the headers count only from the configured proxy: a client straight to the server
# cannot name itself another
curl -s -w '%{http_code}\n' --interface 127.0.0.4 -H 'X-Forwarded-For: 127.0.0.5' \
	$(for i in $(seq 1 130); do printf -- '-o /dev/null http://127.0.0.1:%s/p/bad-%s ' "$port" "$i"; done) \
	> "$T/codes"
check 'grep -q "^429$" "$T/codes"' "a direct flood was not slowed down"
check 'grep -q "^127\.0\.0\.4 \"GET /p/\.\.\." "$T/proxied.err"' \
	"a direct client's X-Forwarded-For was believed"
checks=$((checks + 1))
code=$(curl -s -o /dev/null -w '%{http_code}' --interface 127.0.0.5 "$URL/p/not-a-link")
status 403 "the client another named in its header, through the proxy"

kill "$pid"; wait "$pid" 2>/dev/null; pid=
check 'grep -q "^stopped" "$T/proxied.err"' "serve did not stop"

# --- the phone remembered at the login above signs in by itself through the proxy
# after the 12-hour idle limit, and takes the roll
export SHOWUP_NOW=2026-11-22T21:00:00Z
serve_start later --listen "127.0.0.1:$port"
grep -v "	showup_device	" "$T/coach.jar" > "$T/jar"
http GET /s/c1/1
status 403 "a session idle 13 hours, through the proxy"
cp "$T/coach.jar" "$T/jar"
http GET /s/c1/1
status 200 "the remembered phone after the idle limit, through the proxy"
header "Set-Cookie: showup_session="
http POST /s/c1/1/mark "csrf=$(csrf)&email=bo%40example.com&status=present"
status 303 "a tap on the remembered phone through the proxy"
kill "$pid"; wait "$pid" 2>/dev/null; pid=

# a proxy that is not an address is refused
fails 1 serve --proxy proxy.example.com --listen "127.0.0.1:$port"
err "--proxy: 'proxy.example.com' is not a numeric address"

finish
