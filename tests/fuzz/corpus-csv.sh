#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# corpus-csv.sh - replays the CSV fuzz corpus (and the sample data) through the harness.
set -eu
: "${FUZZ_BIN:?}" "${top_srcdir:?}"
n=$(ls "$top_srcdir"/tests/fuzz/corpus/csv/* | wc -l)
[ "$n" -ge 10 ] || { echo "the CSV corpus has only $n inputs"; exit 1; }
"$FUZZ_BIN/fuzz_csv_run" "$top_srcdir"/tests/fuzz/corpus/csv/* "$top_srcdir"/seeds/*.csv
