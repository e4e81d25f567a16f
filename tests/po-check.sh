#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# po-check.sh - every shipped language is whole: each po/LANG.po translates every
# message the sources mark (xgettext over po/POTFILES, as `make update-po` does), none
# of them fuzzy or left empty; and each templates/LANG folder has exactly the notices
# templates/ has, so no language falls back to English for a notice in silence.
set -u
: "${top_srcdir:?}" "${MSGFMT:?}" "${XGETTEXT:?}" "${XGETTEXT_OPTIONS:?}" "${LINGUAS:?}"
cd "$top_srcdir" || exit 99
T=$(mktemp -d "${TMPDIR:-/tmp}/showup-po-XXXXXX")
trap 'rm -rf "$T"' EXIT
failures=0

# fail MESSAGE: counts a failure and says it
fail() {
	failures=$((failures + 1))
	echo "FAIL: $*"
}

# shellcheck disable=SC2086 # the options are words
"$XGETTEXT" $XGETTEXT_OPTIONS --files-from=po/POTFILES -o "$T/showup.pot" ||
	fail "xgettext could not read the sources po/POTFILES names"
msgids=$(grep -c '^msgid ' "$T/showup.pot")
for lang in $LINGUAS; do
	stats=$(LC_ALL=C "$MSGFMT" --check --statistics -o /dev/null "po/$lang.po" 2>&1) ||
		fail "po/$lang.po: msgfmt --check: $stats"
	case $stats in
	*fuzzy* | *untranslated*) fail "po/$lang.po: $stats (every message translated, none fuzzy)" ;;
	esac
	# every message of the sources is in the catalog, translated (msgcmp: a message
	# missing or untranslated in the first file is an error)
	msgcmp "po/$lang.po" "$T/showup.pot" >"$T/cmp" 2>&1 ||
		fail "po/$lang.po lacks messages of the sources (make update-po, then translate): $(head -n 5 "$T/cmp")"
	echo "po/$lang.po: $stats ($((msgids - 1)) marked in the sources)"
done

# the notices of each language: the same names as the English folder
names() {	# names DIR: the notice templates of DIR, one a line, sorted
	find "$1" -maxdepth 1 -type f ! -name README ! -name '.*' -printf '%f\n' | sort
}
names templates >"$T/en"
for lang in $LINGUAS; do
	[ -d "templates/$lang" ] || continue
	names "templates/$lang" >"$T/$lang"
	if ! cmp -s "$T/en" "$T/$lang"; then
		fail "templates/$lang and templates/ differ in their notices: $(diff "$T/en" "$T/$lang" | grep '^[<>]' | tr '\n' ' ')"
	fi
done

echo "$failures failures"
[ "$failures" -eq 0 ]
