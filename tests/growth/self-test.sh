#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# self-test.sh - the growth check (growth.py) can fail: a command quadratic in n fails it
# at n and 4n, one linear in n passes, and the check of showup's own commands runs
# through on tiny data (its growth not judged there: that is CI's growth step). Each
# awk run takes a tenth of a second or more, the best of several, so that the CPU
# clock's tick and a busy machine cannot tip a verdict (at 0.05 s a run, it failed once
# in CI's distcheck, its log not kept).
. "$top_srcdir/tests/cli/lib.sh"
growth="$top_srcdir/tests/growth/growth.py"

# growth ARGS...: runs the check, keeping its output and exit status as run does
growth() {
	checks=$((checks + 1))
	/usr/bin/python3 "$growth" "$@" >"$T/out" 2>"$T/err"
	rc=$?
}

growth --command "awk -v n={n} 'BEGIN { for (i = 0; i < n; i++) for (j = 0; j < n; j++) s += j }'" \
	--size 1500
[ "$rc" -eq 1 ] || fail "a quadratic loop passed the growth check (exit $rc, expected 1)"
out_re 'FAIL \(more than 6x\)$'
out "growth: FAILED"

growth --command "awk -v n={n} 'BEGIN { for (i = 0; i < n * 2000; i++) s += i }'" --size 5000 --runs 5
[ "$rc" -eq 0 ] || fail "a linear loop failed the growth check (exit $rc, expected 0)"
out_re ' ok$'
out "growth: all within 6x"

# a quadratic cost beside a linear one as large at the small size: 10x at 4n
growth --command "awk -v n={n} 'BEGIN { for (i = 0; i < n * 2000; i++) s += i;
	for (i = 0; i < n; i++) for (j = 0; j < n; j++) s += j }'" --size 2000 --runs 5
[ "$rc" -eq 1 ] || fail "a quadratic part under a linear one passed (exit $rc, expected 1)"

growth --command "false {n}" --size 10
[ "$rc" -ne 0 ] || fail "a command that fails passed the growth check"
err "exited 1"

# every command of the check runs on its data, at 1/50 of the sizes
growth --scale 0.02 --runs 1 --limit 1000000
[ "$rc" -eq 0 ] || fail "the growth check of showup's commands did not run through"
for name in "attendance import" "attendance export" "status" "attendance show" \
	"report attendance" "report commitment" "attendance from-meeting" "notices plan" \
	"notices plan, invitations" "notices send (SMTP)"; do
	out "$name "
done
growth --only "no such command"
[ "$rc" -ne 0 ] || fail "growth.py took an unknown command name"
err "no command named 'no such command'"

finish
