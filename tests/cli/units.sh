#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# units.sh - the systemd user units make install ships: systemd-analyze verify takes them,
# the service runs this showup's 'notices run', the timer fires every 15 minutes.
. "$top_srcdir/tests/cli/lib.sh"
[ -n "${SYSTEMD_ANALYZE:-}" ] || { echo "SKIP: systemd-analyze not found (apt-get install systemd)"; exit 77; }
U="$T/units"
mkdir -p "$U" "$T/man/man1"
cp "$top_srcdir/doc/showup.1" "$T/man/man1/"	# Documentation=man:showup(1) is looked up
sed "s|@bindir@|$(dirname "$SHOWUP")|" "$top_srcdir/src/systemd/showup-notices.service.in" \
	> "$U/showup-notices.service"
cp "$top_srcdir/src/systemd/showup-notices.timer" "$U/"
verify() { (cd "$U" && MANPATH="$T/man" "$SYSTEMD_ANALYZE" verify "$@") >"$T/out" 2>"$T/err"; }
check 'verify showup-notices.service showup-notices.timer || { cat "$T/err"; false; }' \
	"systemd-analyze does not take the units"
check 'grep -qx "ExecStart=$(dirname "$SHOWUP")/showup notices run" "$U/showup-notices.service"' \
	"the service does not run notices run of the installed showup"
"$SYSTEMD_ANALYZE" calendar --iterations 3 "$(sed -n 's/^OnCalendar=//p' "$U/showup-notices.timer")" \
	--base-time "2026-11-22 10:01:00 UTC" > "$T/cal" 2>&1
check 'grep -q "10:15:00" "$T/cal" && grep -q "10:30:00" "$T/cal" && grep -q "10:45:00" "$T/cal"' \
	"the timer does not fire every 15 minutes: $(cat "$T/cal")"
# a unit that is wrong is refused, so the check above can tell
sed 's/^OnCalendar=.*/OnCalendar=every quarter/' "$U/showup-notices.timer" > "$U/bad.timer"
check '! verify bad.timer' "systemd-analyze took a timer with a broken OnCalendar"
finish
