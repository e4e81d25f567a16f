#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# participant.sh - adding, listing, withdrawing participants; names in many scripts.
. "$top_srcdir/tests/cli/lib.sh"

cohort
ok participant add c1 --name "José Álvarez" --email jose@example.com --company "Acme, Inc."
out "added José Álvarez <jose@example.com> to c1"
ok participant add c1 --name "Νίκος Παπαδόπουλος" --email nikos@example.com
ok participant add c1 --name "林美玲" --email mei@example.com --company "東京商事"
ok participant add c1 --name "Anna" --email anna@example.com

# e-mail is unique within a cohort, compared without case
before=$(db_state)
fails 1 participant add c1 --name "Jose A" --email JOSE@Example.com
err "'JOSE@Example.com' is already in cohort 'c1' (as José Álvarez)"
fails 1 participant add c1 --name "X" --email "no-at-sign"
err "'no-at-sign' is not an e-mail address"
fails 1 participant add nope --name "X" --email x@example.com
err "no cohort 'nope'"
fails 1 participant add c1 --name "$(printf 'Eve\r\nBcc: x@example.com')" --email eve@example.com
err "control character"
same_db "$before"

# the table stays aligned by display width: the e-mail column starts at one column
ok participant list c1
out "jose@example.com"
check '/usr/bin/python3 "$top_srcdir/tests/cli/aligned.py" "$T/out" "@example.com"' \
	"participant list columns are not aligned by display width"
ok participant list c1 --csv
out '"Acme, Inc."'

# withdraw: gone from the list, kept with --all, twice is an error
ok participant withdraw c1 anna@example.com --at "2026-10-01 12:00"
out "withdrew from c1 as of 2026-10-01 12:00"
ok participant list c1
no_out "anna@example.com"
ok participant list c1 --all
out "withdrawn 2026-10-01 12:00"
fails 1 participant withdraw c1 anna@example.com
err "'anna@example.com' has already withdrawn"
fails 1 participant withdraw c1 nobody@example.com
err "no participant 'nobody@example.com' in cohort 'c1'"
ok log c1 --table
out "participant withdraw"

finish
