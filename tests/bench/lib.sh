# SPDX-License-Identifier: Apache-2.0
# lib.sh - what the bench scripts share (sourced): a scratch folder with its own
# database, removed at the end, and the timing of one command.
here=$(cd "$(dirname "$0")" && pwd)
dir=$(mktemp -d "${TMPDIR:-/tmp}/showup-bench-XXXXXX")
trap 'rm -rf "$dir"' EXIT
export SHOWUP_DB="$dir/showup.db" SHOWUP_NOW="2026-11-22T00:00:00Z"

# seconds COMMAND...: runs it and prints the wall time in seconds; its peak RSS in KiB
# goes to $dir/rss, its CPU time (user and system) in seconds to $dir/cpu.
seconds() {
	/usr/bin/time -f "%e %M %U %S" -o "$dir/time" "$@" >/dev/null
	cut -d' ' -f2 "$dir/time" > "$dir/rss"
	awk '{ printf "%.2f\n", $3 + $4 }' "$dir/time" > "$dir/cpu"
	cut -d' ' -f1 "$dir/time"
}

# ratio A B: A / B to two places (B 0 counts as 0.01)
ratio() {
	echo "$1 $2" | awk '{ printf "%.2f", $1 / ($2 > 0 ? $2 : 0.01) }'
}
# goal VALUE OP LIMIT TEXT: "(goal TEXT)", and "MISS" after it when VALUE OP LIMIT does
# not hold (OP is <= or >=): each figure beside its goal in /work/shared/targets.md.
goal() {
	echo "$1 $3" | awk -v op="$2" -v text="$4" '{
	    ok = op == "<=" ? $1 <= $2 : $1 >= $2
	    printf "(goal %s)%s", text, ok ? "" : "  MISS" }'
}
# exponent T1 T2 N1 N2: how time grows with size, log(T2/T1) / log(N2/N1)
exponent() {
	echo "$1 $2 $3 $4" | awk '{ t1 = $1 > 0 ? $1 : 0.01; printf "%.2f", log($2 / t1) / log($4 / $3) }'
}
