#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# cohort.sh - cohort add, list, show, import; and every way to get them wrong.
. "$top_srcdir/tests/cli/lib.sh"

ok init
cohort
out "added cohort c1: Test cohort, coach Cora Coach, Australia/Sydney, fee 1,500.00 AUD"
ok cohort show c1
out "coach         Cora Coach <cora@example.com>"
out "time zone     Australia/Sydney"
out "fee           1,500.00 AUD"
out "participants  0 active, 0 withdrawn"
ok cohort list
out_re "^c1 +Test cohort +Cora Coach +Australia/Sydney +0 +0$"
out "Australia/Sydney"
ok cohort list --csv
out "cohort,name,coach,time zone,starts,ends,participants,sessions"

# wrong values: a clear message, exit 1, nothing written
before=$(db_state)
fails 1 cohort add c2 --name X --coach Y --coach-email y@example.com --tz Mars/Olympus
err "error: unknown time zone 'Mars/Olympus'"
fails 1 cohort add "Bad Slug" --name X --coach Y --coach-email y@example.com --tz UTC
err "is not a usable cohort name"
fails 1 cohort add c2 --name X --coach Y --coach-email not-mail --tz UTC
err "'not-mail' is not an e-mail address"
fails 1 cohort add c1 --name X --coach Y --coach-email y@example.com --tz UTC
err "cohort 'c1' already exists"
fails 1 cohort add c2 --name X --coach Y --coach-email y@example.com --tz UTC --fee 12.345 --currency EUR
err "--fee: '12.345' could mean 12345.00 or 12.345"
fails 2 cohort add c2 --name X --coach Y --coach-email y@example.com --tz UTC --fee 10
err "--fee needs --currency"
fails 1 cohort add c2 --name X --coach Y --coach-email y@example.com --tz UTC --fee 1,500 --currency EUR
err "--fee: '1,500' could mean 1500.00 or 1.50; write 1500 or 1.50"
fails 1 cohort add c2 --name X --coach Y --coach-email y@example.com --tz UTC --starts 2027-02-30
err "the start date: '2027-02-30' is not a day of the calendar"
fails 1 cohort add c2 --name X --coach Y --coach-email y@example.com --tz UTC --starts 2027-05-01 --ends 2027-04-01
err "ends (2027-04-01) before it starts"
fails 2 cohort add c2 --name X
err "--name, --coach, --coach-email and --tz are all needed"
fails 1 cohort show nope
err "error: no cohort 'nope'"
err "hint: 'showup cohort list' lists them"
same_db "$before"

# import: add, then the same file changes nothing, a changed row updates
cat > "$T/cohorts.csv" <<'CSV'
slug,name,coach,coach_email,time_zone,fee,currency,starts,ends
c2,Autumn group,Dana Lee,dana@example.com,Europe/London,900,GBP,2027-09-01,2027-11-30
c3,Winter group,Dana Lee,dana@example.com,America/New_York,,,,
CSV
ok cohort import "$T/cohorts.csv"
out "2 cohort rows: 2 added, 0 updated, 0 unchanged"
before=$(db_state)
ok cohort import "$T/cohorts.csv"
out "2 cohort rows: 0 added, 0 updated, 2 unchanged"
same_db "$before"
sed -i 's/Autumn group/Autumn cohort/' "$T/cohorts.csv"
ok cohort import "$T/cohorts.csv"
out "1 updated, 1 unchanged"
ok log c2 --table
out "cohort update"
out "name=Autumn group"
out "name=Autumn cohort"

# a fee as a German or French spreadsheet writes it; one that reads two ways is refused
cat > "$T/euro.csv" <<'CSV'
slug,name,coach,coach_email,time_zone,fee,currency,starts,ends
c4,Euro group,Dana Lee,dana@example.com,Europe/Berlin,"1.500,00",EUR,,
c5,Paris group,Dana Lee,dana@example.com,Europe/Paris,1 250,EUR,,
CSV
ok cohort import "$T/euro.csv"
ok cohort show c4
out "fee           1,500.00 EUR"
ok cohort show c5
out "fee           1,250.00 EUR"
printf 'slug,name,fee,currency,coach,coach_email,time_zone\nc6,X,2.500,EUR,Y,y@example.com,UTC\n' \
	> "$T/twoways.csv"
fails 1 cohort import "$T/twoways.csv"
err "'2.500' could mean 2500.00 or 2.50"

# cohort edit: what the options give changes, audited; the language participants read
ok cohort show c1
out "language      en"
ok cohort edit c1 --language de --name "Vertrieb Frühjahr" --fee 1890 --currency EUR
out "changed cohort c1"
ok cohort show c1
out "language      de"
out "name          Vertrieb Frühjahr"
out "fee           1,890.00 EUR"
ok log c1
out "language=de"
ok cohort edit c1 --coach "Cora Neu"	# the language stays as it was
ok cohort show c1
out "language      de"
out "coach         Cora Neu"
ok cohort edit c1 --language de
out "cohort c1 unchanged"
before=$(db_state)
fails 1 cohort edit c1 --language xx
err "'xx' is not a language showup speaks (en, de, fr, es)"
fails 1 cohort edit c1 --tz Mars/Olympus
fails 1 cohort edit c1 --fee 1,500
err "--fee:"
fails 1 cohort edit nosuch --language de
same_db "$before"
ok cohort add c9 --name X --coach Y --coach-email y@example.com --tz UTC --language fr
ok cohort show c9
out "language      fr"

finish
