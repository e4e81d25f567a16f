#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# serve-stop.sh - SIGTERM while serve --notices is sending: it stops within seconds,
# between two messages (not after the whole batch, which the rate spreads over minutes),
# and the server started again sends the rest, each message once.
. "$top_srcdir/tests/cli/lib.sh"
. "$top_srcdir/tests/cli/serve-lib.sh"

cohort
for i in 1 2 3 4 5 6; do ok participant add c1 --name "Person $i" --email "p$i@example.com"; done
ok session add c1 --at "2026-11-22 18:00" --title Kickoff
ok session add c1 --at "2026-11-29 18:00" --title "Week two"
ok policy set c1 invitations on
smtp_setup
start_server 'rate = 6
'	# one message every 10 seconds: a batch of 12 takes two minutes
trap '[ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; kill ${pid:-} 2>/dev/null; rm -rf "$T"' EXIT
export SHOWUP_NOW=2026-11-15T07:30:00Z
port=$(free_port)
sent_rows="SELECT count(*) FROM outbox WHERE state = 'sent' AND part_of IS NULL"

serve_start svc --notices --listen "127.0.0.1:$port"
for _ in $(seq 1 100); do [ "$(grep -c '^DATA' "$S/log" 2>/dev/null)" -ge 1 ] && break; sleep 0.1; done
check '[ "$(grep -c "^DATA" "$S/log")" -ge 1 ]' "serve --notices sent nothing at its start"
sleep 1		# into the pause before the second message
began=$(date +%s%N)
kill -TERM "$pid"
wait "$pid"
rc=$?
took=$(( ($(date +%s%N) - began) / 1000000 ))
pid=
echo "serve --notices stopped $took ms after SIGTERM, mid-batch"
check '[ "$rc" = 0 ]' "serve --notices exited $rc on SIGTERM"
check '[ "$took" -le 5000 ]' "serve --notices took $took ms to stop on SIGTERM while sending"
check 'grep -q "^stopped$" "$T/svc.err"' "serve --notices did not say it stopped"
check 'grep -q "stopped before the rest" "$T/svc.out"' "the run did not say it left the rest"
first=$(grep -c '^DATA' "$S/log")
all=$(sql "SELECT count(*) FROM outbox WHERE part_of IS NULL AND state <> 'withdrawn'")
check '[ "$first" -lt "$all" ]' "the whole batch ($first of $all) went before the stop"
check '[ "$(sql "$sent_rows")" = "$first" ]' "the outbox says $(sql "$sent_rows") sent, the server took $first"
check '[ "$(sql "SELECT count(*) FROM outbox WHERE state IN ('"'sending'"', '"'unknown'"')")" = 0 ]' \
	"a message was left half-sent by the stop"

# started again (no rate now), it sends the rest, and nothing a second time
printf '[smtp]\nurl = smtp://127.0.0.1:%s\ntls = none\n' "$(cat "$S/port")" > "$XDG_CONFIG_HOME/showup/config"
serve_start again --notices --listen "127.0.0.1:$port"
for _ in $(seq 1 100); do [ "$(grep -c '^DATA' "$S/log")" -ge "$all" ] && break; sleep 0.1; done
kill -TERM "$pid"; wait "$pid"; pid=
check '[ "$(grep -c "^DATA" "$S/log")" = "$all" ]' "$(grep -c "^DATA" "$S/log") messages for $all notices after the restart"
check '[ "$(sql "$sent_rows")" = "$all" ]' "not every notice is sent after the restart"
for i in 1 2 3 4 5 6; do	# each person's messages once: as many as the outbox holds for them
	want=$(sql "SELECT count(*) FROM outbox o JOIN participant p ON p.id = o.participant_id
		WHERE p.email = 'p$i@example.com' AND o.part_of IS NULL AND o.state = 'sent'")
	check '[ "$want" -ge 1 ] && [ "$(received "p$i@example.com")" = "$want" ]' \
		"p$i@example.com got $(received "p$i@example.com") messages for $want notices"
done

# SIGTERM while a message is under way (the SMTP server holds it): that one is finished
# and recorded sent, not left half-sent for a resend by hand, and the next waits
ok participant add c1 --name "Sam Slow" --email slow@example.com
ok participant add c1 --name "Zoe Next" --email p7@example.com	# planned after Sam (by name)
serve_start held --notices --listen "127.0.0.1:$port"
for _ in $(seq 1 100); do grep -q '^SLOW ' "$S/log" && break; sleep 0.1; done
check 'grep -q "^SLOW slow@example.com" "$S/log"' "the slow message did not start"
began=$(date +%s%N)
kill -TERM "$pid"
sleep 1
touch "$S/release"
wait "$pid"; pid=
took=$(( ($(date +%s%N) - began) / 1000000 ))
echo "serve --notices stopped $took ms after SIGTERM, a message under way for 1 s of it"
check '[ "$took" -le 5000 ]' "serve --notices took $took ms to stop on SIGTERM with a message under way"
check '[ "$(received slow@example.com)" = 1 ]' "the message under way was not finished"
check '[ "$(sql "SELECT count(*) FROM outbox o JOIN participant p ON p.id = o.participant_id
	WHERE p.email = '"'slow@example.com'"' AND o.part_of IS NULL AND o.state = '"'sent'"'")" -ge 1 ]' \
	"the message under way is not recorded sent"
check '[ "$(received p7@example.com)" = 0 ]' "the next message went after SIGTERM"
check '[ "$(sql "SELECT count(*) FROM outbox WHERE state IN ('"'sending'"', '"'unknown'"')")" = 0 ]' \
	"a message was left half-sent by the stop"

finish
