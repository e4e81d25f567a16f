#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""aligned.py FILE MARK - exits 0 if, on every table row of FILE (after the header
and rule lines), the column holding MARK starts at the same display column:
wide (CJK) characters count 2, combining marks 0."""
import sys
import unicodedata


def width(s):
    return sum(0 if unicodedata.combining(c) else
               2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
starts = set()
for line in lines[2:]:
    if sys.argv[2] not in line:
        continue
    at = line.index(sys.argv[2])
    start = line.rindex("  ", 0, at) + 2
    starts.add(width(line[:start]))
sys.exit(0 if len(starts) == 1 else 1)
