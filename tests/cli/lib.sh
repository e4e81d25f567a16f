# SPDX-License-Identifier: Apache-2.0
# lib.sh - what every shell test of the showup binary shares. Source it first.
# Each test runs the real binary against a real SQLite file in a fresh folder.
set -u

: "${SHOWUP:?SHOWUP must name the built binary}"
: "${top_srcdir:?top_srcdir must name the source tree}"

T=$(mktemp -d "${TMPDIR:-/tmp}/showup-test-XXXXXX")
trap 'rm -rf "$T"' EXIT
export HOME="$T/home" XDG_DATA_HOME="$T/home/.local/share" XDG_CONFIG_HOME="$T/home/.config"
export SHOWUP_DB="$T/showup.db" SHOWUP_ACTOR=tester
export SHOWUP_NOW="2026-11-22T00:00:00Z"
mkdir -p "$HOME"
failures=0
checks=0

# fail MESSAGE: records a failure with the last command's output.
fail() {
	failures=$((failures + 1))
	echo "FAIL: $*"
	echo "--- stdout"; cat "$T/out"
	echo "--- stderr"; cat "$T/err"
}

# run ARGS...: runs showup, keeping stdout, stderr and the exit status.
run() {
	checks=$((checks + 1))
	"$SHOWUP" "$@" >"$T/out" 2>"$T/err"
	rc=$?
	return 0
}

# ok ARGS...: runs showup and expects exit status 0.
ok() {
	run "$@"
	[ "$rc" -eq 0 ] || fail "showup $* exited $rc, expected 0"
}

# fails CODE ARGS...: runs showup and expects exit status CODE.
fails() {
	local want=$1
	shift
	run "$@"
	[ "$rc" -eq "$want" ] || fail "showup $* exited $rc, expected $want"
}

# out TEXT / err TEXT: the last run's stdout / stderr contains TEXT (fixed string).
out() { grep -qF -- "$1" "$T/out" || fail "stdout lacks: $1"; }
err() { grep -qF -- "$1" "$T/err" || fail "stderr lacks: $1"; }
# out_re REGEX: a line of the last run's stdout matches REGEX (extended, as grep -E).
out_re() { grep -qE -- "$1" "$T/out" || fail "stdout has no line matching: $1"; }
# out_only TEXT: the last run's stdout is TEXT, one line and nothing else.
out_only() { [ "$(cat "$T/out")" = "$1" ] || fail "stdout is not just: $1"; }
# no_out TEXT: stdout does not contain TEXT.
no_out() { ! grep -qF -- "$1" "$T/out" || fail "stdout has: $1"; }
# err_line N TEXT: line N of stderr is exactly TEXT.
err_line() {
	local got
	got=$(sed -n "${1}p" "$T/err")
	[ "$got" = "$2" ] || fail "stderr line $1 is '$got', expected '$2'"
}

# db_state: a digest of every row of the database (to prove nothing changed).
db_state() { sqlite3 "$SHOWUP_DB" .dump | sha256sum | cut -d' ' -f1; }
# sql QUERY: prints the result of a query on the test database.
sql() { sqlite3 -batch -noheader "$SHOWUP_DB" "$1"; }
# same_db BEFORE: the database is as it was when BEFORE was taken.
same_db() { [ "$(db_state)" = "$1" ] || fail "the database changed"; }
# check COND MESSAGE: a shell condition that must hold.
check() { checks=$((checks + 1)); eval "$1" || { failures=$((failures + 1)); echo "FAIL: $2"; }; }

# notice_pairs: "email kind" lines of the CSV on stdin ('notices due --csv'), sorted; the
# coach's rows (coach-review, coach-left-alone: never mailed) left out.
notice_pairs() {
	/usr/bin/python3 -c 'import csv, sys
rows = list(csv.reader(sys.stdin))[1:]
print("\n".join(sorted(r[1] + " " + r[2] for r in rows if not r[2].startswith("coach-")
    and not r[5].startswith("waits for review") and not r[5].startswith("held until"))))'
}
# same_notices SLUG: 'notices due SLUG' lists exactly the notices (person and kind) that
# 'notices plan SLUG' makes. Both run on a copy whose unsent notices are set aside, so
# each says all that is wanted now; the test's own database is not touched.
same_notices() {
	local copy="$T/same-notices.db" last due planned
	checks=$((checks + 1))
	rm -f "$copy"
	sqlite3 "$SHOWUP_DB" ".backup '$copy'"
	sqlite3 "$copy" "UPDATE outbox SET state = 'withdrawn'
		WHERE state IN ('pending', 'retry') AND dropped_at IS NULL"
	last=$(sqlite3 "$copy" "SELECT coalesce(max(id), 0) FROM outbox")
	due=$(SHOWUP_DB="$copy" "$SHOWUP" notices due "$1" --csv | notice_pairs)
	SHOWUP_DB="$copy" "$SHOWUP" notices plan "$1" >/dev/null 2>"$T/same-notices.err" ||
		{ failures=$((failures + 1)); echo "FAIL: notices plan $1 failed on the copy"; return; }
	planned=$(sqlite3 "$copy" "SELECT p.email || ' ' || o.kind FROM outbox o
		JOIN participant p ON p.id = o.participant_id WHERE o.id > $last" | sort)
	[ "$due" = "$planned" ] || { failures=$((failures + 1))
		echo "FAIL: notices due $1 and notices plan $1 disagree"
		echo "--- due"; echo "$due"; echo "--- planned"; echo "$planned"; }
}

# cohort: creates the database if need be and adds the standard test cohort 'c1' in Sydney.
cohort() {
	[ -e "$SHOWUP_DB" ] || ok init
	ok cohort add c1 --name "Test cohort" --coach "Cora Coach" \
		--coach-email cora@example.com --tz Australia/Sydney --fee 1500 --currency AUD
}

# smtp_setup: a folder $S for the test SMTP server, and its end with the test's.
smtp_setup() {
	S="$T/smtp"
	mkdir -p "$S" "$XDG_CONFIG_HOME/showup"
	server_pid=
	trap '[ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; rm -rf "$T"' EXIT
}
# start_server [CONFIG]: starts the test SMTP server in $S and waits for its port; the
# config file sends to it, with CONFIG appended. (The caller kills $server_pid at exit.)
start_server() {
	rm -f "$S/port" "$S/log" "$S/release" "$S"/mail-*.eml
	/usr/bin/python3 "$top_srcdir/tests/cli/smtpd.py" "$S" 2>>"$S/server.err" &
	server_pid=$!
	for i in $(seq 1 100); do [ -s "$S/port" ] && break; sleep 0.1; done
	[ -s "$S/port" ] || { echo "FAIL: the SMTP server did not start"; exit 1; }
	printf '[smtp]\nurl = smtp://127.0.0.1:%s\ntls = none\n%s' "$(cat "$S/port")" "${1:-}" \
		> "$XDG_CONFIG_HOME/showup/config"
	chmod 600 "$XDG_CONFIG_HOME/showup/config"
}
stop_server() { kill "$server_pid" 2>/dev/null; wait "$server_pid" 2>/dev/null; server_pid=; }
# received ADDRESS: how many messages the server took for ADDRESS.
received() { n=$(grep -c "^DATA .* $1\$" "$S/log" 2>/dev/null); echo "${n:-0}"; }

# bodies: the subject and body of every message the server took, decoded, into $T/mail
# ("=== TO address | subject" before each). total: how many messages it took.
bodies() {
	/usr/bin/python3 - "$S" > "$T/mail" <<'PY' || fail "a message does not parse"
import email, email.policy, glob, sys
for path in sorted(glob.glob(sys.argv[1] + "/mail-*.eml"), key=lambda p: int(p.split("-")[-1][:-4])):
    m = email.message_from_bytes(open(path, "rb").read(), policy=email.policy.default)
    print("=== TO", m["To"].addresses[0].addr_spec, "|", m["Subject"])
    print(m.get_body(("plain",)).get_content())
PY
}
total() { ls "$S"/mail-*.eml 2>/dev/null | wc -l; }

# finish: prints the tally and exits 0 if every check passed.
finish() {
	echo "$checks checks, $failures failures"
	[ "$failures" -eq 0 ]
	exit $?
}
