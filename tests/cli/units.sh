#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# units.sh - the systemd units make install ships: systemd-analyze verify takes them,
# the service runs this showup's 'notices run', the timer fires every 15 minutes; the
# system unit showup-serve.service runs serve --notices as its own user, sandboxed so
# that systemd-analyze security rates its exposure OK or better.
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

# --- the system unit: one always-on server, its own user and state folder, sandboxed
sed "s|@bindir@|$(dirname "$SHOWUP")|" "$top_srcdir/src/systemd/showup-serve.service.in" \
	> "$U/showup-serve.service"
check 'verify showup-serve.service || { cat "$T/err"; false; }' \
	"systemd-analyze does not take showup-serve.service"
check 'grep -qx "ExecStart=$(dirname "$SHOWUP")/showup serve --notices --listen 127.0.0.1:8080" \
	"$U/showup-serve.service"' "the system unit does not run serve --notices"
for line in User=showup StateDirectory=showup ProtectSystem=strict NoNewPrivileges=yes \
	PrivateTmp=yes; do
	check 'grep -qx "$line" "$U/showup-serve.service"' "the system unit lacks $line"
done
check 'grep -q "^u showup " "$top_srcdir/src/systemd/showup.sysusers"' \
	"sysusers.d does not make the user showup"
# exposure: SAFE or OK (systemd rates 0 to 10; OK ends below 4)
security() { "$SYSTEMD_ANALYZE" security --offline=true "$U/$1" 2>&1 | \
	sed -n 's/.*Overall exposure level for [^:]*: \([0-9.]*\) \([A-Z]*\).*/\1 \2/p'; }
rating=$(security showup-serve.service)
check 'case "$rating" in *" SAFE"|*" OK") true ;; *) false ;; esac' \
	"systemd-analyze security rates showup-serve.service '$rating', not OK"
# the same check tells an unsandboxed unit: without the sandbox's lines it is not OK
grep -v '^\(Protect\|Private\|Restrict\|NoNew\|Capability\|SystemCall\|Memory\|Lock\)' \
	"$U/showup-serve.service" > "$U/bare.service"
bare=$(security bare.service)
check 'case "$bare" in *" SAFE"|*" OK") false ;; *) true ;; esac' \
	"the check of the exposure rates an unsandboxed unit '$bare'"
finish
