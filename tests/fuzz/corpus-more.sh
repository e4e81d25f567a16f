#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# corpus-more.sh - replays the Zoom, Teams, Teams User Action, Google Meet, Webex, template,
# header, money, date, web (form, cookie, token) and import (the four imports, dry runs)
# fuzz corpora through their harnesses.
set -eu
: "${FUZZ_BIN:?}" "${top_srcdir:?}"
for fmt in zoom teams teams_log meet webex template header money date web import; do
	n=$(ls "$top_srcdir/tests/fuzz/corpus/$fmt"/* | wc -l)
	[ "$n" -ge 4 ] || { echo "the $fmt corpus has only $n inputs"; exit 1; }
	"$FUZZ_BIN/fuzz_${fmt}_run" "$top_srcdir/tests/fuzz/corpus/$fmt"/*
done
