#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# tls.sh - notices sent over real TLS (STARTTLS and smtps://) to a loopback aiosmtpd, with
# a throwaway CA made here by openssl: a certificate trusted through cafile,
# $CURL_CA_BUNDLE or $SSL_CERT_FILE is used; one that is not stops the batch untouched.
. "$top_srcdir/tests/cli/lib.sh"
cd "$T" || exit 1
S="$T/smtp"
P="$T/pki"
mkdir -p "$S" "$P" "$XDG_CONFIG_HOME/showup"
server_pid=
trap '[ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; rm -rf "$T"' EXIT
unset CURL_CA_BUNDLE SSL_CERT_FILE SSL_CERT_DIR

command -v openssl >/dev/null || { echo "FAIL: no openssl command (Debian: openssl)"; exit 1; }

# make_ca NAME: a throwaway CA, $P/NAME.pem and its key $P/NAME.key.
make_ca() {
	openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes \
		-keyout "$P/$1.key" -out "$P/$1.pem" -days 2 -subj "/CN=showup test $1" \
		-addext "basicConstraints=critical,CA:TRUE" \
		-addext "keyUsage=critical,keyCertSign,cRLSign" 2>>"$P/openssl.err"
}
# make_cert NAME CA SAN: a server certificate $P/NAME.pem (key $P/NAME.key) signed by CA.
make_cert() {
	openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes \
		-keyout "$P/$1.key" -out "$P/$1.csr" -subj "/CN=$1" 2>>"$P/openssl.err" &&
	printf 'subjectAltName=%s\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n' \
		"$3" > "$P/$1.ext" &&
	openssl x509 -req -in "$P/$1.csr" -CA "$P/$2.pem" -CAkey "$P/$2.key" \
		-CAcreateserial -days 2 -extfile "$P/$1.ext" -out "$P/$1.pem" 2>>"$P/openssl.err"
}
make_ca ca && make_ca other &&
	make_cert server ca "IP:127.0.0.1,DNS:localhost" &&
	make_cert elsewhere ca "DNS:mail.example.org" ||
	{ cat "$P/openssl.err"; echo "FAIL: openssl could not make the certificates"; exit 1; }

# start_server MODE CERT [CONFIG]: the test SMTP server with --MODE (starttls or smtps)
# presenting $P/CERT.pem, and a config pointing at it (smtps:// for smtps) plus CONFIG.
start_server() {
	local scheme=smtp
	[ "$1" = smtps ] && scheme=smtps
	[ -z "$server_pid" ] || stop_server
	rm -f "$S/port" "$S/log" "$S"/mail-*.eml
	SMTPD_SECONDS=60 /usr/bin/python3 "$top_srcdir/tests/cli/smtpd.py" "$S" "--$1" \
		--cert "$P/$2.pem" --key "$P/$2.key" 2>>"$S/server.err" &
	server_pid=$!
	for i in $(seq 1 100); do [ -s "$S/port" ] && break; sleep 0.1; done
	[ -s "$S/port" ] || { cat "$S/server.err"; echo "FAIL: the SMTP server did not start"; exit 1; }
	printf '[smtp]\nurl = %s://127.0.0.1:%s\n%s' "$scheme" "$(cat "$S/port")" "${3:-}" \
		> "$XDG_CONFIG_HOME/showup/config"
	chmod 600 "$XDG_CONFIG_HOME/showup/config"
}
stop_server() { kill "$server_pid" 2>/dev/null; wait "$server_pid" 2>/dev/null; server_pid=; }
# received ADDRESS: how many messages the server took for ADDRESS.
received() { n=$(grep -c "^DATA .* $1\$" "$S/log" 2>/dev/null); echo "${n:-0}"; }
# queue NAME...: a no-show notice planned for each NAME@example.com.
queue() {
	for who in "$@"; do
		ok participant add c1 --name "$who" --email "$who@example.com"
		ok mark c1:1 "$who@example.com" no-show
	done
	ok notices plan c1
}
# outbox: every row as "email state attempts", one a line, in order.
outbox() {
	sql "SELECT p.email || ' ' || o.state || ' ' || o.attempts FROM outbox o
	    JOIN participant p ON p.id = o.participant_id ORDER BY o.id"
}
# stopped_untouched WHAT ADDRESS...: the last send stopped the batch on a TLS failure
# (stderr has WHAT) and each ADDRESS is still pending, never tried, nothing received.
stopped_untouched() {
	local what=$1
	shift
	check '[ "$rc" -eq 1 ]' "a TLS failure ($what) did not exit 1"
	err "$what"
	err "the batch was stopped"
	no_out "to retry 1"
	check '! grep -q "Ready to start TLS" "$T/err"' "the TLS failure is shown as the 220 reply"
	for a in "$@"; do
		check 'outbox | grep -qx "$a@example.com pending 0"' "$a is not pending, untried"
		check '[ "$(received "$a@example.com")" = 0 ]' "a message went to $a"
	done
}

cohort
ok session add c1 --at "2026-11-16 09:00"

# STARTTLS to a certificate no one said to trust: refused, the batch stops, nothing changes
queue ann bob
start_server starttls server
fails 1 notices send c1
stopped_untouched "the server's certificate is not trusted: SSL certificate problem" ann bob
err "cafile = "
out "sent 0, to retry 0, failed 0, unknown 0"
# trusted through cafile: both go
printf 'cafile = %s\n' "$P/ca.pem" >> "$XDG_CONFIG_HOME/showup/config"
ok notices send c1
out "sent 2, to retry 0"
check '[ "$(received ann@example.com)" = 1 ] && [ "$(received bob@example.com)" = 1 ]' \
	"the trusted STARTTLS server did not get both"
stop_server

# trusted through $SSL_CERT_FILE, and through $CURL_CA_BUNDLE, which comes first
queue cat
start_server starttls server
SSL_CERT_FILE="$P/other.pem" run notices send c1
stopped_untouched "the server's certificate is not trusted" cat
SSL_CERT_FILE="$P/ca.pem" CURL_CA_BUNDLE="$P/other.pem" run notices send c1
stopped_untouched "the server's certificate is not trusted" cat
SSL_CERT_FILE="$P/ca.pem" run notices send c1
check '[ "$rc" -eq 0 ]' "SSL_CERT_FILE's CA is not trusted"
out "sent 1, to retry 0, failed 0, unknown 0"
queue dan
CURL_CA_BUNDLE="$P/ca.pem" SSL_CERT_FILE="$P/other.pem" run notices send c1
check '[ "$rc" -eq 0 ]' "CURL_CA_BUNDLE does not come before SSL_CERT_FILE"
out "sent 1, to retry 0, failed 0, unknown 0"
# the config's cafile comes before both
queue eve
printf 'cafile = %s\n' "$P/ca.pem" >> "$XDG_CONFIG_HOME/showup/config"
CURL_CA_BUNDLE="$P/other.pem" SSL_CERT_FILE="$P/other.pem" run notices send c1
check '[ "$rc" -eq 0 ]' "cafile does not come before the environment"
out "sent 1, to retry 0, failed 0, unknown 0"
check '[ "$(received cat@example.com)$(received dan@example.com)$(received eve@example.com)" = 111 ]' \
	"not one message each to cat, dan and eve"
stop_server

# a cafile that cannot be read is named before anything is sent
queue fay
start_server starttls server "cafile = $T/no-such-ca.pem
"
before=$(db_state)
fails 1 notices send c1
err "$T/no-such-ca.pem"
same_db "$before"
sed -i '/^cafile/d' "$XDG_CONFIG_HOME/showup/config"
SSL_CERT_FILE="$T/no-such-ca.pem" run notices send c1
check '[ "$rc" -eq 1 ]' "an SSL_CERT_FILE that is not there did not fail"
err "$T/no-such-ca.pem"
err "SSL_CERT_FILE"
same_db "$before"
# a cafile that holds no certificate stops the batch too
start_server starttls server "cafile = $XDG_CONFIG_HOME/showup/config
"
run notices send c1
stopped_untouched "the CA certificates of cafile in [smtp] cannot be used" fay
stop_server

# a certificate for another name: trusted, but not for this host
start_server starttls elsewhere "cafile = $P/ca.pem
"
run notices send c1
stopped_untouched "the server's certificate is not for 127.0.0.1" fay
stop_server

# doctor --mail: STARTTLS with a certificate not trusted is a problem; trusted, it
# starts TLS, and sends nothing
start_server starttls server
fails 1 doctor --mail
check 'grep -q "^problem  mail .*the server.s certificate is not trusted" "$T/out"' \
	"doctor --mail does not find the untrusted certificate"
printf 'cafile = %s\n' "$P/ca.pem" >> "$XDG_CONFIG_HOME/showup/config"
run doctor --mail
check 'grep -q "^ok       mail .*connected (no user to log in as)" "$T/out"' \
	"doctor --mail does not get through STARTTLS with the CA trusted"
check 'grep -q "^problem  mail" "$T/out"; [ $? -ne 0 ]' "doctor --mail still finds a problem"
check '! grep -q "^DATA" "$S/log"' "doctor --mail sent a message"
stop_server

# smtps://: TLS from the first byte, trusted through cafile or stopped
start_server smtps server
run notices send c1
stopped_untouched "the server's certificate is not trusted" fay
printf 'cafile = %s\n' "$P/ca.pem" >> "$XDG_CONFIG_HOME/showup/config"
ok notices send c1
out "sent 1, to retry 0"
check '[ "$(received fay@example.com)" = 1 ]' "the trusted smtps:// server did not get it"
stop_server
finish
