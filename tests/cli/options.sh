#!/bin/sh
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

finish
