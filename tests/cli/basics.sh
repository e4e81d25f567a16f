#!/bin/sh
# basics.sh - help, command lookup by prefix, "did you mean", exit statuses.
. "$top_srcdir/tests/cli/lib.sh"

ok help
out "usage: showup [--db PATH] COMMAND"
out "participant import"
out_re "^  rollcall +take the roll of a session interactively, one key per participant$"
ok
out "usage: showup"
ok --version
out_re "^showup [0-9]+\.[0-9]+(\.[0-9]+)?$"

# every command of 'showup help' is in the man page
ok help
sed -n 's/^  \([a-z]\+\( [a-z]\+\)\?\)  .*/\1/p' "$T/out" > "$T/commands"
check '[ "$(wc -l < "$T/commands")" -ge 20 ]' "help lists too few commands"
while read -r c; do
	grep -q -- "$c" "$top_srcdir/doc/showup.1" || { failures=$((failures + 1)); echo "FAIL: man page lacks '$c'"; }
done < "$T/commands"

# 'showup help mark' and 'showup mark -h' print the same
ok help mark
cp "$T/out" "$T/help-mark"
ok mark -h
check 'cmp -s "$T/out" "$T/help-mark"' "help mark and mark -h differ"
out "usage: showup mark SLUG:N EMAIL"
ok participant import --help
out "usage: showup participant import SLUG FILE.csv"

# mistyped commands: a suggestion and exit 2
fails 2 cohrt list
err "error: 'cohrt' is not a showup command"
err "did you mean 'cohort'?"
fails 2 cohort lsit
err "did you mean 'list'?"
fails 2 atendance show c1
err "did you mean 'attendance'?"
fails 2 participant
err "'participant' needs a subcommand: add import list edit withdraw reinstate export-data erase"
fails 2 --frobnicate
err "unknown option '--frobnicate'"

# unique prefixes work; ambiguous ones say so
fails 2 c list
err "ambiguous"
cohort
ok coh ls
out_re "^c1 +Test cohort +Cora Coach +Australia/Sydney +0 +0$"
ok part add c1 --name "Ana" --email ana@example.com
ok pa l c1
out "ana@example.com"
fails 2 p l c1
err "'p' is an ambiguous showup command"
err "did you mean 'participant' or 'policy'?"

# usage errors exit 2 and name the usage
fails 2 cohort add
err "usage: showup cohort add SLUG"
fails 2 cohort list --bogus
err "unknown option '--bogus'"
fails 2 mark c1:1
err "usage: showup mark"
fails 2 cohort list --csv=yes
err "option '--csv' takes no value"
fails 2 cohort list --colour=red
err "unknown option '--colour'"

finish
