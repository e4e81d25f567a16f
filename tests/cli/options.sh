#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# options.sh - every long option a command's parser takes is in that command's help,
# and none of them is answered "unknown option": the table is the one source of both.
. "$top_srcdir/tests/cli/lib.sh"

ok init
ok help
check '! grep -q "__options" "$T/out"' "help lists the hidden __options"
# each command line is "  NAME SUMMARY": NAME is two words if they name a command of a
# group (a long name such as 'attendance from-meeting' leaves one space before SUMMARY)
sed -n 's/^  \([a-z]\)/\1/p' "$T/out" | while read -r w1 w2 _; do
	if "$SHOWUP" __options "$w1" "$w2" >/dev/null 2>&1; then
		echo "$w1 $w2"
	else
		echo "$w1"
	fi
done > "$T/commands"
check '[ "$(wc -l < "$T/commands")" -ge 40 ]' "help lists too few commands"
check 'grep -qx "attendance from-meeting" "$T/commands"' "the list lacks attendance from-meeting"
check 'grep -qx "status" "$T/commands"' "the list lacks status"

# has_option FILE NAME: the "options:" list of the help in FILE has a line for --NAME
# ("  --NAME ARG  help" or "  -x, --NAME  help"; --date is not --date-order).
has_option() {
	sed -n '/^options:$/,$p' "$1" | grep -qE -- "^  (-[a-zA-Z], |    )?--$2( |\$)"
}

while read -r c; do
	# shellcheck disable=SC2086 # a command is one or two words
	ok __options $c
	cp "$T/out" "$T/options"
	ok help $c
	cp "$T/out" "$T/help"
	while read -r opt; do
		name=${opt#--}
		check "has_option '$T/help' '$name'" "the options of 'showup help $c' lack --$name"
		# it serves until stopped: service.sh runs it, and stops it
		[ "$c --$name" = "serve --notices" ] && continue
		# shellcheck disable=SC2086
		run $c "--$name" </dev/null
		check "! grep -q 'unknown option' '$T/err'" "'showup $c --$name' is an unknown option"
	done < "$T/options"
	# the control: an option of no table is unknown to every command
	# shellcheck disable=SC2086
	run $c --no-such-option </dev/null
	check "grep -q \"unknown option '--no-such-option'\" '$T/err'" \
		"'showup $c --no-such-option' was not refused as unknown"
done < "$T/commands"

# the check itself fails when an option is missing from the list
printf 'usage: showup x [--date D]\n\nsee --date\n\noptions:\n  --csv  print CSV\n' > "$T/help"
check "has_option '$T/help' csv" "has_option missed --csv"
check "! has_option '$T/help' date" "has_option took the usage or the text for the list"
check "! has_option '$T/help' cs" "has_option took --csv for --cs"
printf 'options:\n  --date-order X  how\n  -o, --output F  where\n' > "$T/help"
check "! has_option '$T/help' date" "has_option took --date-order for --date"
check "has_option '$T/help' output" "has_option missed -o, --output"

# __options lists what the parser takes, and is for one command
ok __options log
out "--count"
out "--csv"
fails 2 __options
fails 2 __options nosuchcommand
ok __options cohort add
out "--coach-email"

# the command table says how many words each command takes: checked before the database
# is opened, with one kind of message (exit 2); no database exists here
export SHOWUP_DB="$T/none.db"
fails 2 cancel c1:1
err_line 1 "error: give a session (SLUG:N) and an e-mail address"
err_line 2 "usage: showup cancel SLUG:N EMAIL --reason CODE [--at TIME] [--note TEXT]"
fails 2 policy set c1 cutoff
err "error: give a cohort (SLUG), a setting and its value"
fails 2 participant import
err "error: give a cohort (SLUG) and a CSV file"
fails 2 status c1 extra
err "error: unexpected argument 'extra'"
fails 2 notices run c1
err "error: unexpected argument 'c1'"
fails 2 report commitment c1 a@example.com b@example.com
err "error: unexpected argument 'b@example.com'"
fails 2 log --csv c1 c2
err "error: unexpected argument 'c2'"
check '[ ! -e "$SHOWUP_DB" ]' "a usage error opened (and made) the database"
# every command but those taking any number of words refuses nine stray ones
"$SHOWUP" help | sed -n 's/^  //p' | cut -c1-22 | sed 's/ *$//' > "$T/commands"
while read -r cmd; do
	case "$cmd" in "policy set"|serve|"") continue ;; esac
	# shellcheck disable=SC2086
	run $cmd x1 x2 x3 x4 x5 x6 x7 x8 x9
	[ "$rc" = 2 ] && grep -q "^error: unexpected argument 'x" "$T/err" ||
		grep -q "^error: '.*' is not a showup command" "$T/err" ||
		fail "showup $cmd with nine stray words did not refuse them (exit $rc)"
done < "$T/commands"
check '[ "$(wc -l < "$T/commands")" -gt 50 ]' "the list of commands is short"

finish
