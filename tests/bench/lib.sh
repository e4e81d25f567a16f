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
