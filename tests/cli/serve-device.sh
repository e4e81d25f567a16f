#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# serve-device.sh - "remember this phone": a sign-in that asks for it leaves a device
# token (kept as a hash) that signs the browser in again after the 12-hour idle limit,
# for 30 days; serve --devices lists them, --revoke ID forgets one, --rotate-key all.
. "$top_srcdir/tests/cli/lib.sh"
. "$top_srcdir/tests/cli/serve-lib.sh"

serve_cohort "Ana Alves"
port=$(free_port)
URL="http://127.0.0.1:$port"
trap 'kill ${pid:-} 2>/dev/null; rm -rf "$T"' EXIT

# restart AT: the server stopped and started again with its clock at AT
restart() {
	[ -n "${pid:-}" ] && { kill "$pid"; wait "$pid" 2>/dev/null; pid=; }
	export SHOWUP_NOW=$1
	serve_start serve --listen "127.0.0.1:$port"
}
# jar_without NAME: the cookie jar without cookie NAME
jar_without() { grep -v "	$1	" "$T/jar" > "$T/jar.tmp"; mv "$T/jar.tmp" "$T/jar"; }

restart 2026-11-22T07:30:00Z
http GET "${login#"$URL"}"
body '<input type="checkbox" name="remember" value="1"> Remember this phone for 30 days'
http POST "${login#"$URL"}" "remember=1"
status 200 "a sign-in that remembers the phone"
header "Set-Cookie: showup_device="
header "Max-Age=2592000"
body "stays signed in for 30 days"
device=$(sed -n 's/.*\tshowup_device\t//p' "$T/jar")
check '[ ${#device} -eq 43 ]' "no device token in the cookie jar"
check '[ "$(sql "SELECT length(hash) FROM web_device")" = 32 ]' "the device is not kept as a hash"
check '! sqlite3 "$SHOWUP_DB" .dump | grep -qF "$device"' "the device token itself is in the database"
ok serve --devices
out_re '^1  since 2026-11-22T07:30:00\+00:00  last used 2026-11-22T07:30:00\+00:00  until 2026-12-22T07:30:00\+00:00  curl/'
cp "$T/jar" "$T/phone.jar"

# a sign-in without it remembers nothing
restart 2026-11-22T07:31:00Z
rm -f "$T/jar"
http POST "${login#"$URL"}"
status 200 "a plain sign-in"
check '! grep -q showup_device "$T/jar"' "a plain sign-in remembered the device"
check '[ "$(sql "SELECT count(*) FROM web_device")" = 1 ]' "a plain sign-in added a device"

# a day later, past the 12-hour idle limit: the session alone is refused, the
# remembered phone signs in again by itself and can take the roll
restart 2026-11-23T08:00:00Z
cp "$T/phone.jar" "$T/jar"
jar_without showup_device
http GET /
status 403 "a session idle for a day, without the device"
cp "$T/phone.jar" "$T/jar"
http GET /
status 200 "the remembered phone after the idle limit"
header "Set-Cookie: showup_session="
http GET /s/c1/1
status 200 "the roll call on the remembered phone"
http POST /s/c1/1/mark "csrf=$(csrf)&email=ana%40example.com&status=present"
status 303 "a tap on the remembered phone"
ok serve --devices
out "last used 2026-11-23T08:00:00+00:00"

# revoked: it signs in no more (once its session ends)
ok serve --revoke 1
out "device 1 revoked"
ok serve --devices
out "no remembered devices"
cp "$T/phone.jar" "$T/jar"
http GET /
status 403 "a revoked device"
fails 1 serve --revoke 1
err "no remembered device 1"
fails 2 serve --revoke one
fails 2 serve --devices --login

# 30 days: a device remembered now is refused after them
restart 2026-11-23T09:00:00Z
rm -f "$T/jar"
http POST "${login#"$URL"}" "remember=1"
cp "$T/jar" "$T/phone.jar"
restart 2026-12-23T09:00:01Z
jar_without showup_session
http GET /
status 403 "a device remembered more than 30 days ago"

# a new key forgets every remembered device
restart 2026-12-23T10:00:00Z
rm -f "$T/jar"
http POST "${login#"$URL"}" "remember=1"
ok serve --rotate-key
check '[ "$(sql "SELECT count(*) FROM web_device")" = 0 ]' "a new key left a remembered device"
jar_without showup_session
http GET /
status 403 "a remembered device after a new key"

kill "$pid"; wait "$pid" 2>/dev/null; pid=
finish
