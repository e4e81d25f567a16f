#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# send.sh - notices sent to a real SMTP server on loopback (aiosmtpd): once each, retried,
# isolated, stopped on a refused login, never twice after a kill -9.
. "$top_srcdir/tests/cli/lib.sh"
cd "$T" || exit 1
smtp_setup

cohort
for who in "Ana Lúcia:ana" "Zoë Ελένη:zoe" "Tim Temp:tempfail" "Rex Reject:reject"; do
	ok participant add c1 --name "${who%%:*}" --email "${who##*:}@example.com"
done
ok session add c1 --at "2026-11-16 09:00"
for who in ana zoe tempfail reject; do ok mark c1:1 "$who@example.com" no-show; done
ok notices plan c1
out "4 notices planned"

start_server
fails 1 notices send c1
out "sent 2, to retry 1, failed 1, unknown 0"
check '[ "$(received ana@example.com)" = 1 ] && [ "$(received zoe@example.com)" = 1 ]' \
	"not one message each to Ana and Zoë"
ok notices list c1
out "queued as Q"
check 'grep -q "tempfail@example.com .* retry .*451" "$T/out"' "the 451 is not a retry"
check 'grep -q "reject@example.com .* failed .*550" "$T/out"' "the 550 is not a failure"
# what the server took reads back as it was meant, names and subject decoded
/usr/bin/python3 - "$S" > "$T/parsed" <<'PY' || fail "a message does not parse"
import email, email.policy, glob, sys
for path in sorted(glob.glob(sys.argv[1] + "/mail-*.eml")):
    m = email.message_from_bytes(open(path, "rb").read(), policy=email.policy.default)
    print("TO", m["To"].addresses[0].display_name, "|", m["Subject"], "|", m["Message-ID"])
    print(m.get_body().get_content())
PY
check 'grep -q "^TO Zoë Ελένη | Test cohort: your attendance needs attention |" "$T/parsed"' \
	"Zoë's name or the subject is not decoded"
check 'grep -q "^Hi Zoë," "$T/parsed"' "the body does not greet Zoë"
# the ladder step is recorded as sent: nothing due for them any more
ok notices due c1
no_out "ana@example.com"
out "tempfail@example.com"

# a second send sends nothing: the retry waits its time, the rest went or failed
# (plain SMTP with tls = none has no use for a CA file, even one that is not there)
SSL_CERT_FILE="$T/no-such-ca.pem" ok notices send c1
out "sent 0, to retry 0, failed 0, unknown 0"
check '[ "$(received ana@example.com)" = 1 ]' "Ana got a second message"
# ten minutes on, the retry goes again, and fails again
SHOWUP_NOW="2026-11-22T00:10:00Z" run notices send c1
out "sent 0, to retry 1"
check '[ "$(sql "SELECT attempts FROM outbox o JOIN participant p ON p.id = o.participant_id WHERE p.email = '"'tempfail@example.com'"'")" = 2 ]' \
	"the retry did not count a second attempt"
# a failed notice goes again only by hand, with the same Message-ID
id=$(sql "SELECT o.id FROM outbox o JOIN participant p ON p.id = o.participant_id WHERE p.email = 'reject@example.com'")
mid=$(sql "SELECT message_id FROM outbox WHERE id = $id")
ok notices resend "$id"
out "will go with the next"
check '[ "$(sql "SELECT state || message_id FROM outbox WHERE id = $id")" = "pending$mid" ]' \
	"resend changed the message or did not queue it"
fails 1 notices resend 999
err "no notice 999 in the outbox"
sent_id=$(sql "SELECT o.id FROM outbox o JOIN participant p ON p.id = o.participant_id WHERE p.email = 'ana@example.com'")
fails 1 notices resend "$sent_id"
err "is sent: only a failed, unknown or retry notice can be sent again"

# the final notice opens the refund offer when it goes
ok session add c1 --at "2026-11-17 09:00"
ok mark c1:2 ana@example.com no-show
ok notices plan c1
fails 1 notices send c1
out "sent 1, to retry 0, failed 1"
check '[ "$(received ana@example.com)" = 2 ]' "Ana's final notice did not go"
ok refund list c1
out_re "^Ana Lúcia +ana@example\.com +1,500\.00 AUD +open +ladder +2026-11-22 11:00 +2026-11-29 11:00$"
stop_server

# a refused login stops the batch at once; nothing is marked sent
printf 'coach:right\n' > "$S/users"
ok mark c1:2 zoe@example.com no-show
ok notices plan c1
start_server "user = coach
"
SHOWUP_SMTP_PASSWORD=wrong run notices send c1
check '[ "$rc" -eq 1 ]' "a refused login did not fail"
err "the mail server refused us: 535"
err "the batch was stopped"
check '[ "$(received zoe@example.com)" = 0 ]' "a message went after the login was refused"
ok notices list c1 --state pending
out "zoe@example.com"
# the password from password_command (never from the command line)
printf 'password_command = printf right\n' >> "$XDG_CONFIG_HOME/showup/config"
ok notices send c1
out "sent 1, to retry 0, failed 0, unknown 0"
check '[ "$(received zoe@example.com)" = 1 ]' "the right password did not send"
stop_server
rm -f "$S/users"

# kill -9 in the middle of a send: the notice is never sent twice
ok participant add c1 --name "Sam Slow" --email slow@example.com
ok mark c1:1 slow@example.com no-show
ok notices plan c1
start_server
"$SHOWUP" notices send c1 >/dev/null 2>&1 &
send_pid=$!
for i in $(seq 1 50); do grep -q "^SLOW" "$S/log" 2>/dev/null && break; sleep 0.1; done
# meanwhile a second send, or a resend, says so and touches nothing
before=$(db_state)
fails 1 notices send c1
err "another send of notices is running (pid $send_pid); nothing was sent"
same_db "$before"
fails 1 notices resend "$id"
err "another send of notices is running (pid $send_pid); notice $id was not queued"
same_db "$before"
check '[ "$(stat -c %a "$SHOWUP_DB.send-lock")" = 600 ]' "the lock file is not mode 0600"
# the lock is the database's, not the path's: a send through a symbolic link to it,
# or through a path with .. in it, waits its turn the same
ln -s "$SHOWUP_DB" "$T/link.db"
mkdir -p "$T/sub"
for other in "$T/link.db" "$T/sub/../$(basename "$SHOWUP_DB")"; do
	fails 1 --db "$other" notices send c1
	err "another send of notices is running (pid $send_pid); nothing was sent"
done
same_db "$before"
# kill -9 leaves no lock behind (the kernel lets go of it): the next send goes on
kill -9 "$send_pid"
wait "$send_pid" 2>/dev/null
ok notices list c1 --state sending
out "slow@example.com"
# the server is done with the killed message before the count (a copy would show)
: > "$S/release"
for i in $(seq 1 100); do grep -q "^SLOW-END" "$S/log" && break; sleep 0.1; done
check 'grep -q "^SLOW-END" "$S/log"' "the server never finished with the killed message"
ok notices send c1
out "unknown 1"
ok notices list c1 --state unknown
out "slow@example.com"
check '[ "$(received slow@example.com)" -le 1 ]' "the killed notice went twice"
stop_server

# sendmail: a command that takes the message; exit 75 is a temporary failure
printf '#!/bin/sh\ncat > "%s/sendmail.out"\nexit ${SENDMAIL_EXIT:-0}\n' "$T" > "$T/fake-sendmail"
chmod +x "$T/fake-sendmail"
ok participant add c1 --name "Sid Mail" --email sid@example.com
ok mark c1:1 sid@example.com no-show
ok notices plan c1
printf '[sendmail]\ncommand = %s\n' "$T/fake-sendmail" > "$XDG_CONFIG_HOME/showup/config"
SENDMAIL_EXIT=75 run notices send c1 --via sendmail
out "to retry 1"
SHOWUP_NOW="2026-11-22T01:00:00Z" run notices send c1 --via sendmail
out "sent 2, to retry 0, failed 0, unknown 0"
check 'grep -q "^To: " "$T/sendmail.out" && ! grep -q "$(printf "\r")" "$T/sendmail.out"' \
	"sendmail did not get the message with plain line ends"

# without tls = none, a server that offers no STARTTLS gets nothing, and the batch stops
ok participant add c1 --name "Tess Tls" --email tess@example.com
ok mark c1:1 tess@example.com no-show
ok notices plan c1
start_server
sed -i '/^tls = none$/d' "$XDG_CONFIG_HOME/showup/config"
fails 1 notices send c1
err "the server offers no STARTTLS"
check '[ "$(received tess@example.com)" = 0 ]' "a message went without TLS"
# a connection the server drops (421) is a retry
ok participant add c1 --name "Dora Drop" --email drop@example.com
ok mark c1:1 drop@example.com no-show
ok notices plan c1
printf 'tls = none\n' >> "$XDG_CONFIG_HOME/showup/config"
run notices send c1
out "to retry 1"
check '[ "$(received tess@example.com)" = 1 ]' "the pending notice did not go with TLS set aside"
stop_server

# a batch of 40 or more shows its progress on a terminal
ok cohort add many --name "Many" --coach "Cora Coach" --coach-email cora@example.com \
	--tz Europe/London
ok session add many --at "2026-11-16 09:00"
i=0
while [ $i -lt 45 ]; do
	printf 'P%02d,p%02d@example.com\n' $i $i
	i=$((i + 1))
done | { echo "Name,E-mail"; cat; } > "$T/many.csv"
ok participant import many "$T/many.csv"
{ echo "session,email,status"; sed -n 's/^P[0-9]*,\(.*\)/1,\1,no-show/p' "$T/many.csv"; } > "$T/many-att.csv"
ok attendance import many "$T/many-att.csv"
ok notices plan many
out "45 notices planned"
start_server
# not on a terminal: no progress, only the summary
ok notices send many
out "sent 45, to retry 0, failed 0, unknown 0"
check '! grep -q "sent 45 of 45" "$T/err"' "progress shown when stderr is not a terminal"
# a second no-show each: 45 final notices for the terminal
ok session add many --at "2026-11-17 09:00"
sed 's/^1,/2,/' "$T/many-att.csv" > "$T/many-att2.csv"
ok attendance import many "$T/many-att2.csv"
ok notices plan many
out "45 notices planned"
checks=$((checks + 1))
/usr/bin/python3 "$top_srcdir/tests/cli/on_tty.py" "$SHOWUP" notices send many > "$T/tty" ||
	fail "send on a terminal failed"
check 'grep -q "sent 45 of 45" "$T/tty"' "no progress on a terminal"
check 'grep -q "sent 45, to retry 0, failed 0, unknown 0" "$T/tty"' "the batch on a terminal did not finish"
stop_server

# a config that holds a password others can read is refused
printf '[smtp]\nurl = smtp://127.0.0.1:1\npassword = secret\n' > "$XDG_CONFIG_HOME/showup/config"
chmod 644 "$XDG_CONFIG_HOME/showup/config"
fails 1 notices send c1
err "holds a password setting and others can read it"
fails 2 notices send c1 --via pigeon
err "--via is smtp or sendmail"

# a password in url is refused at load, whatever the file's mode, and never printed
cfg="$XDG_CONFIG_HOME/showup/config"
before=$(db_state)
for mode in 600 644; do
	printf '[smtp]\nurl = smtp://coach:Pa55-in-url@127.0.0.1:1\n' > "$cfg"
	chmod "$mode" "$cfg"
	fails 1 notices send c1
	err "$cfg:2: put the user in 'user' and the password in password_command; a password in url is refused"
	check '! grep -q "Pa55-in-url" "$T/err" "$T/out"' "the password in url was printed (mode $mode)"
done
printf '[smtp]\nurl = ftp://coach:Pa55-in-url@mail.example.com\n' > "$cfg"
fails 1 notices send c1
err "a password in url is refused"
check '! grep -q "Pa55-in-url" "$T/err" "$T/out"' "the password in a wrong url was printed"
# a url echoed in an error never shows who logs in
printf '[smtp]\nurl = ftp://coach@mail.example.com/x\n' > "$cfg"
fails 1 notices send c1
err "'ftp://mail.example.com/x' is not an smtp:// or smtps:// address"
check '! grep -q "coach@" "$T/err"' "the user in url was printed"
# a rate that is not a number is refused, not taken as no limit (naming its line, the
# blank one before it counted)
for rate in abc 5abc -1 inf ""; do
	printf '[smtp]\nurl = smtp://127.0.0.1:1\n\nrate = %s\n' "$rate" > "$cfg"
	fails 1 notices send c1
	err "$cfg:4: rate is messages a minute, not '$rate'"
done
printf '[smtp]\nurl = smtp://127.0.0.1:1\nrate = 0.5\n[smtp]\nrate = 0\n' > "$cfg"
ok notices send c1
fails 2 notices send c1 --rate 5abc
err "--rate takes a positive number"
same_db "$before"
finish
