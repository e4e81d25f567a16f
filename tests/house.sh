#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# house.sh - the layers stay as doc/architecture.md says: the command line and the
# web never reach SQLite or the store's insides, the page names every file of the
# core, and the core names no command. Reads the source tree only.
set -u
: "${top_srcdir:?top_srcdir must name the source tree}"
cd "$top_srcdir" || exit 1
failures=0

# check FOUND MESSAGE: a failure, with the offending lines, unless FOUND is empty
check() {
	[ -z "$1" ] && return 0
	failures=$((failures + 1))
	echo "FAIL: $2"
	printf '%s\n' "$1"
}

# 1. SQLite is the core's: no file outside src/core names it, and no public header
#    (which the command line and the web include) brings it in
found=$(grep -n 'sqlite3\|store-private\.h' src/cli/*.[ch] src/web/*.[ch])
check "$found" "src/cli or src/web names SQLite or the store's private header"
found=$(grep -n '#include.*\(sqlite3\.h\|store-private\.h\)' include/showup/*.h)
check "$found" "a public header includes SQLite or the store's private header"
# 2. nothing outside the core reaches into a store (it is opaque there: this
#    catches a header made public again)
found=$(grep -n '\(\bst\|store\|->st\)->\(db\|path\|read_only\|cache\)\b' src/cli/*.[ch] src/web/*.[ch])
check "$found" "src/cli or src/web reaches into struct store"
found=$(grep -n '^struct store {' include/showup/*.h)
check "$found" "struct store is defined in a public header"

# 3. doc/architecture.md names every file of the core and every public header
missing=
for f in src/core/*.c src/core/*.h include/showup/*.h; do
	# the name whole: store.h is not named by policy-store.h
	name=$(basename "$f" | sed 's/[.]/[.]/g')
	grep -q "\(^\|[^a-z0-9_-]\)$name" doc/architecture.md || missing="$missing $f"
done
check "${missing# }" "doc/architecture.md does not name these files of the core"

# 4. the core speaks in its own terms: the doctor's words name no flag and no
#    command (the command line adds them as hint: lines)
found=$(grep -n '"[^"]*\(--[a-z]\|run: showup\|showup [a-z]* *\(init\|backup\|check\|send\)\)' \
	src/core/doctor.c)
check "$found" "src/core/doctor.c words a flag or a command (the command line adds hint: lines)"

# 5. every source file says its licence (SPDX) near its top
missing=
for f in src/*/*.[ch] include/showup/*.h tests/unit/*.[ch] tests/fuzz/*.[ch] tests/*.sh \
	tests/cli/*.sh tests/cli/*.py tests/bench/*.sh tests/growth/*.py; do
	[ -e "$f" ] || continue
	head -3 "$f" | grep -q 'SPDX-License-Identifier: Apache-2.0' || missing="$missing $f"
done
check "${missing# }" "these source files lack their SPDX-License-Identifier line"

[ "$failures" -eq 0 ] || exit 1
echo "the house is as doc/architecture.md says"
