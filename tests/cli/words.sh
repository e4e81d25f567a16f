#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# words.sh - what reaches participants reads right, through a real SMTP server: sessions
# named as people know them (never "session 3"), greetings by call name, the minutes and
# the rule of a late arrival, excused read as excused, no passed deadline offered, and
# counts of 1 in the singular.
. "$top_srcdir/tests/cli/lib.sh"
cd "$T" || exit 1
smtp_setup
# sent: plans and sends what is due (planning and notices due agreeing), then reads it
sent() { same_notices w; ok notices run; bodies; }
# to ADDRESS: the messages to ADDRESS from the last bodies, in $T/to
to() { who=$1; awk -v who="$1" '/^=== TO /{keep = ($3 == who)} keep' "$T/mail" > "$T/to"; }
has() { grep -qF -- "$1" "$T/to" || fail "the mail to $who lacks: $1"; }
lacks() { ! grep -qF -- "$1" "$T/to" || fail "the mail to $who has: $1"; }

# --- call names: given, or read from the name's order; CJK names whole
ok init
ok cohort add w --name "Words" --coach "Kai Brandt" --coach-email kai@example.com \
	--tz Europe/Berlin --fee 900 --currency EUR
ok participant add w --name "García, Ana" --email ana@example.com
ok participant add w --name "田中 花子" --email hanako@example.com
ok participant add w --name "Thomas Becker" --email thomas@example.com --call-name Tom
ok participant add w --name "MÜLLER Jan" --email jan@example.com
ok participant add w --name "Zoë Wright" --email zoe@example.com --call-name Zed
ok participant edit w zoe@example.com --call-name ""
out "Zoë Wright <zoe@example.com> is now Zoë Wright <zoe@example.com>"
check '[ "$(sql "SELECT call_name FROM participant WHERE email = '"'thomas@example.com'"'")" = Tom ]' \
	"--call-name was not kept"
check '[ "$(sql "SELECT count(*) FROM audit WHERE action = '"'participant call name'"'")" = 3 ]' \
	"the call names set and cleared are not in the audit log"
fails 1 participant edit w zoe@example.com --call-name "$(printf 'Z\nX')"
err "holds a control character"
# a roster's call_name column sets it too; another column of the file changes nothing else
printf 'Name,E-mail,Call name\n"García, Ana",ana@example.com,Anita\n' > "$T/roster.csv"
ok participant import w "$T/roster.csv"
check '[ "$(sql "SELECT call_name FROM participant WHERE email = '"'ana@example.com'"'")" = Anita ]' \
	"the roster's call_name column was not taken"
ok participant edit w ana@example.com --call-name ""

ok session add w --at "2027-09-14 18:00" --title "Kickoff"
ok session add w --at "2027-09-22 19:00" --kind practice --with ana@example.com \
	--with jan@example.com
ok session add w --at "2027-09-23 09:30" --kind coaching --with thomas@example.com
ok session add w --at "2027-09-28 18:00"
ok policy set w invitations on
ok policy set w cutoff hours 24
ok policy set w late.threshold 15
ok policy set w points.late_arrival 1
ok policy set w ladder 1:warning,2:final-notice,3:coach-review
start_server

# --- invitations: named as people know them, greeted by call name, the cutoff to come
export SHOWUP_NOW=2027-09-01T08:00:00Z
sent
to ana@example.com
has "Hi Ana,"
has "| Words: invitations to your 3 sessions"	# the first invitations: one message
has "You have a place at Tuesday's group session, 14 Sep 18:00, \"Kickoff\":"
has "You have a place at practice with Jan, Wed 22 Sep 19:00:"
has "If you cannot make it, tell me before Tue 2027-09-21 19:00 (Europe/Berlin)."
to hanako@example.com
has "Hi 田中 花子,"
to thomas@example.com
has "Hi Tom,"
has "You have a place at your 1:1 with Kai on Thu 23 Sep 09:30:"
has "60 minutes"
to jan@example.com
has "Hi Jan,"
has "You have a place at practice with Ana, Wed 22 Sep 19:00:"
to zoe@example.com
has "Hi Zoë,"
# the calendar entries are titled without a number too
/usr/bin/python3 - "$S" > "$T/summaries" <<'PY' || fail "a calendar part does not parse"
import email, email.policy, glob, sys
for path in glob.glob(sys.argv[1] + "/mail-*.eml"):
    m = email.message_from_bytes(open(path, "rb").read(), policy=email.policy.default)
    for part in m.walk():
        if part.get_content_type() == "text/calendar":
            print("\n".join(l for l in part.get_content().splitlines() if l.startswith("SUMMARY")))
PY
check 'grep -qxF "SUMMARY:Words: 1:1 with Kai" "$T/summaries" &&
	grep -qxF "SUMMARY:Words: group session\\, Kickoff" "$T/summaries" &&
	! grep -q "[Ss]ession [0-9]" "$T/summaries"' "a calendar entry is not titled as people know it"

# --- a late arrival gives the minutes and the rule; counts of 1 read in the singular
export SHOWUP_NOW=2027-09-15T08:00:00Z
ok mark w:1 thomas@example.com late 40
ok mark w:1 jan@example.com no-show
ok mark w:1 ana@example.com present
ok mark w:1 hanako@example.com present
ok mark w:1 zoe@example.com present
sent
to thomas@example.com
has "now stands at 1 point:"
has "  - Tuesday's group session, 14 Sep 18:00: arrived 40 minutes late; more than 15 minutes late counts 1 point"
to jan@example.com
has "has reached 2 points:"
has "  - Tuesday's group session, 14 Sep 18:00: no-show"
ok log w
no_out "at 1 points"
out "warning sent at 1 point"

# --- an accepted reason after the cutoff: excused in the mail, the record and the report
export SHOWUP_NOW=2027-09-22T09:00:00Z
ok cancel w:2 ana@example.com --at "2027-09-22 10:00" --reason personal-emergency
sent
to ana@example.com
has "| Words: place given up, practice with Jan, Wed 22 Sep 19:00"
has "Your reason (personal emergency) is one the program accepts: this absence is"
has "excused and counts against nothing."
lacks "counts as a late"
to jan@example.com
has "| Words: Ana will not be at your practice session, Wed 22 Sep 19:00"
ok report commitment w --output "$T/commitment.pdf"
pdftotext -layout "$T/commitment.pdf" "$T/commitment.txt" 2>/dev/null
check 'grep -A40 "García, Ana" "$T/commitment.txt" | grep -q "excused"' \
	"the commitment report does not say excused"
# a late cancellation without an accepted reason is told as late, with no excuse offered
ok cancel w:2 jan@example.com --at "2027-09-22 10:30" --reason work
sent
to jan@example.com
has "it counts as a late"
lacks "this absence is excused"

# --- after the cutoff: no time to cancel in good time is offered
stop_server
start_server "$(printf '[serve]\npublic_url = http://127.0.0.1:9/\n')"
ok policy set w reminders 2h
export SHOWUP_NOW=2027-09-23T06:00:00Z
sent
to thomas@example.com
has "| Words: reminder, your 1:1 with Kai on Thu 23 Sep 09:30"
has "has passed"
lacks "To cancel or move your place in good time"
lacks "please tell me before"
has "Your sessions: http://127.0.0.1:9/p/"
# a session added after its cutoff: its invitation quotes no passed cutoff
ok session add w --at "2027-09-23 20:00" --kind practice --with hanako@example.com \
	--with zoe@example.com
sent
to hanako@example.com
has "| Words: invitation to practice with Zoë, Thu 23 Sep 20:00"
lacks "tell me before"
lacks "in good time"
# and the cutoff in hours reads as a rule, not "before 24 hours before the start"
ok notices run
check '! grep -q "before 24 hours before\|before at least" "$T/mail"' "a cutoff in hours reads wrong"

# --- nowhere a session number, nowhere a plural of 1
check '! grep -Eq "[Ss]ession [0-9]" "$T/mail"' "a message names a session by its number"
check '! grep -Eq "(^|[^0-9.,])1 (sessions|points|notices|minutes|days|hours)\b" "$T/mail"' \
	"a message says a plural of 1"
ok status w
check '! grep -Eq "(^|[^0-9.,])1 (sessions|points|notices|minutes|days|hours)\b" "$T/out"' \
	"status says a plural of 1"
stop_server
finish
