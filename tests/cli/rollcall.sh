#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# rollcall.sh - the interactive roll call, driven on a pseudo-terminal.
. "$top_srcdir/tests/cli/lib.sh"

roll() { /usr/bin/python3 "$top_srcdir/tests/cli/rollcall.py" "$SHOWUP" "$@" > "$T/out" 2> "$T/err"; rc=$?; checks=$((checks + 1)); }

cohort
ok participant add c1 --name "Ana" --email ana@example.com
ok participant add c1 --name "Ben" --email ben@example.com
ok participant add c1 --name "Cy" --email cy@example.com
ok participant add c1 --name "Dee" --email dee@example.com
ok session add c1 --at "2026-10-05 09:00"
ok mark c1:1 dee@example.com present

# without a terminal it says so, exits 2 and writes nothing
before=$(db_state)
run rollcall c1:1 < /dev/null
check '[ "$rc" -eq 2 ]' "rollcall without a terminal exited $rc"
err "rollcall needs a terminal"
same_db "$before"

# q quits without writing
roll c1:1 p p q
check '[ "$rc" -eq 0 ]' "quitting exited $rc"
out "nothing was written"
same_db "$before"

# Ana present; Ben late 12 -- then back, and Ben no-show instead; Cy excused
# (medical, the first accepted reason); Dee keeps 'present'; then confirm
roll c1:1 p l '12\r' b n e 1 '\r' y
check '[ "$rc" -eq 0 ]' "roll call exited $rc"
out "roll call for c1:1, group Mon 2026-10-05 09:00, 4 expected"
out "[4/4] Dee <dee@example.com> (now: present)"
out "roll of c1:1 written: 3 changes"
check '[ "$(sql "SELECT p.email || '"'='"' || a.fact || '"'/'"' || a.reason FROM attendance a JOIN participant p ON p.id = a.participant_id ORDER BY p.email" | tr "\n" " ")" = "ana@example.com=arrived/ ben@example.com=absent/ cy@example.com=absent/medical dee@example.com=arrived/ " ]' \
	"the roll call wrote the wrong facts"
check '[ "$(sql "SELECT count(*) FROM audit WHERE action IN ('"'record'"', '"'correct'"')")" = 4 ]' \
	"the roll call's changes are not all in the audit log"

# answering n at the end writes nothing
before=$(db_state)
roll c1:1 l '5\r' '\r' '\r' '\r' n
out "nothing was written"
same_db "$before"

# a key over what a participant told us asks first: any key but y keeps it, y replaces it
ok cancel c1:1 cy@example.com --at "2026-10-04 08:00" --reason travel
before=$(db_state)
roll c1:1 '\r' '\r' p n '\r' '\r' y
out "(now: cancelled in time on Sun 2026-10-04 08:00 (travel))"
out "this replaces what they told us (cancelled in time on Sun 2026-10-04 08:00 (travel))"
out "kept"
out "roll of c1:1 written: 0 changes"
same_db "$before"
roll c1:1 '\r' '\r' p y '\r' y
out "replace"
out "roll of c1:1 written: 1 change"
check '[ "$(sql "SELECT fact FROM attendance WHERE participant_id = 3")" = arrived ]' \
	"y did not replace the cancellation"
ok unmark c1:1 cy@example.com
out "cancelled 2026-10-04T08:00:00+11:00 (travel) again"

# a session still to come cannot be called
ok session add c1 --at "2027-06-01 09:00"
roll c1:2
check '[ "$rc" -eq 1 ]' "rollcall of a future session exited $rc"
out "has not started yet"

finish
