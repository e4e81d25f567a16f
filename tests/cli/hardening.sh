#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# hardening.sh - the smaller defects a red-team pass found: each message says what was
# typed, whole; help and hints where a coach mistypes; checked folders; tables that a
# hostile name cannot scramble.
. "$top_srcdir/tests/cli/lib.sh"

cohort
ok participant add c1 --name "Ana Lima" --email ana@example.com
ok session add c1 --at "2026-11-16 09:00"

# an error that echoes the input shows all of it
fails 1 policy set c1 reminders 2 hours
err "'2 hours' is not an offset"
fails 1 policy set c1 reminders "1 day,2h"
err "'1 day' is not an offset"

# 'SLUG 1' for 'SLUG:1': the suggestion, not a complaint about the last word
fails 2 mark c1 1 ana@example.com present
err "a session is written SLUG:N; did you mean 'c1:1'?"
fails 2 session cancel c1 1
err "did you mean 'c1:1'?"

# help of a group lists its commands, and succeeds
ok help cohort
out "cohort add"
out "cohort show"
ok help coh
out "cohort import"

# participant add names the field that is wrong
printf 'Bad\001Co' > "$T/company"
fails 1 participant add c1 --name "Bo Berg" --email bo@example.com --company "$(cat "$T/company")"
err "the company 'Bad"
check '! grep -q "Bo Berg" "$T/err"' "the name was blamed for the company"

# the templates setting: an absolute, checked folder
mkdir -p "$T/empty" "$T/mine"
cp "$top_srcdir/templates/"* "$T/mine/"
fails 1 template check "$T/empty"
err "no notice templates in '$T/empty'"
before=$(db_state)
fails 1 policy set c1 templates "$T/empty"
err "holds no notice templates"
fails 1 policy set c1 templates ../../../../../etc
fails 1 policy set c1 templates "$T/missing"
err "cannot use '$T/missing'"
same_db "$before"
(cd "$T" && "$SHOWUP" policy set c1 templates mine >/dev/null)
check '[ "$(sql "SELECT value FROM policy_setting WHERE key = '"'templates'"'")" = "$T/mine" ]' \
	"a relative templates folder was stored as typed"

# bidi controls in a name do not reorder a terminal table; CSV keeps them
ok participant add c1 --name "$(printf 'Eve \342\200\256live')" --email eve@example.com
ok participant list c1
check '! grep -q "$(printf '\342\200\256')" "$T/out"' "a right-to-left override reached the terminal"
out "$(printf 'Eve \357\277\275live')"
ok participant list c1 --csv
out "$(printf 'Eve \342\200\256live')"

finish
