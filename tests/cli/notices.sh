#!/bin/sh
# notices.sh - notices planned into the outbox once, previewed as exact messages, checked.
. "$top_srcdir/tests/cli/lib.sh"
cd "$T" || exit 1

# the demo plans the three notices due in the sample: two final notices and a reminder
ok --db "$SHOWUP_DB" demo
out "planned 3 notices"
before=$(db_state)
ok notices plan autumn26
out "0 notices planned, 3 planned before"
same_db "$before"
ok notices list autumn26
out "final-notice"
out "policy-reminder"
check '[ "$(grep -c " pending " "$T/out")" = 3 ]' "not three pending notices"

# the exact bytes, as .eml files that a mail parser reads back
ok notices preview autumn26 --write "$T/eml"
check '[ "$(ls "$T/eml" | wc -l)" = 3 ]' "not three .eml files"
/usr/bin/python3 - "$T/eml" > "$T/parsed" <<'PY' || fail "the messages do not parse"
import email, email.policy, glob, sys
for path in sorted(glob.glob(sys.argv[1] + "/*.eml")):
    raw = open(path, "rb").read()
    assert b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b""), path
    m = email.message_from_bytes(raw, policy=email.policy.default)
    body = m.get_body().get_content()
    assert all(len(l) <= 78 for l in raw.split(b"\r\n")), path
    print("TO", m["To"].addresses[0].display_name, m["To"].addresses[0].addr_spec)
    print("FROM", m["From"], "REPLY", m["Reply-To"])
    print("SUBJECT", m["Subject"])
    print(body)
PY
check 'grep -q "^TO Björn Lindqvist bjorn.lindqvist@example.se" "$T/parsed"' "Björn's name is not decoded"
check 'grep -q "^TO Oğuz Yılmaz oguz.yilmaz@example.com.tr" "$T/parsed"' "Oğuz's name is not decoded"
check 'grep -q "^FROM Sam Reid <sam.reid@example.com> REPLY sam.reid@example.com" "$T/parsed"' \
	"not from the coach"
check 'grep -q "^SUBJECT Value Selling, Autumn 2026: time to decide about your place" "$T/parsed"' \
	"the final notice's subject is wrong"
check 'grep -q "Hi Björn," "$T/parsed"' "the body does not greet Björn"
check 'grep -q "Tuesday'"'"'s group session, 22 Sep 09:00: late cancellation (work)" "$T/parsed"' \
	"the records that brought the notice are missing"
check 'grep -q "I will refund 1,500.00 EUR" "$T/parsed"' "the refund offer is missing"

# a correction that lowers the points withdraws the notice before it goes out
fails 1 mark autumn26:10 oguz.yilmaz@example.com.tr present
err "is recorded as cancelled"
ok mark autumn26:10 oguz.yilmaz@example.com.tr present --replace
ok mark autumn26:5 oguz.yilmaz@example.com.tr present
ok notices plan autumn26
out "1 withdrawn"
ok notices list autumn26 --state withdrawn
out "oguz.yilmaz@example.com.tr"

# a name that would break a header is refused and named; the others go on
sql "UPDATE participant SET name = 'Eve' || char(13) || char(10) || 'Bcc: x@y.com'
     WHERE email = 'zoe.martin@example.fr'"
ok mark autumn26:3 zoe.martin@example.fr no-show
ok notices plan autumn26
err "warning: zoe.martin@example.fr: not planned: the recipient name holds a line break"
out "1 refused"
check '[ "$(sql "SELECT count(*) FROM outbox o JOIN participant p ON p.id = o.participant_id WHERE p.email = '"'zoe.martin@example.fr'"'")" = 0 ]' \
	"a notice with a broken header was planned"

# with --attach-report, the commitment report rides along, the same bytes as the report
ok cohort add att --name "Attach" --coach "Cora Coach" --coach-email cora@example.com \
	--tz Europe/London
ok participant add att --name "Zoë Attach" --email zoe@example.com
ok session add att --at "2026-11-16 09:00"
ok mark att:1 zoe@example.com no-show
ok notices plan att --attach-report
out "1 notice planned"
ok notices preview att --write "$T/att"
ok report commitment att zoe@example.com -o "$T/zoe.pdf"
/usr/bin/python3 - "$T/att" "$T/zoe.pdf" <<'PY' || fail "the attached report is not the report"
import email, email.policy, glob, sys
m = email.message_from_bytes(open(glob.glob(sys.argv[1] + "/*.eml")[0], "rb").read(),
                             policy=email.policy.default)
parts = [p for p in m.iter_attachments()]
assert len(parts) == 1 and parts[0].get_filename() == "commitment-att.pdf", parts
assert parts[0].get_content() == open(sys.argv[2], "rb").read()
assert "Hi Zoë" in m.get_body().get_content()
PY

# session reminders at the offsets the cohort sets: each once, none after a cancellation,
# and when planning runs late only the one closest to the start
ok cohort add rem --name "Reminded" --coach "Cora Coach" --coach-email cora@example.com \
	--tz Europe/London
ok participant add rem --name "Ann Early" --email ann@example.com
ok participant add rem --name "Bo Busy" --email bo@example.com
ok session add rem --at "2026-11-23 09:00" --title "Pricing"
ok session add rem --at "2026-11-23 15:00"
ok session cancel rem:2 --at "2026-11-21 10:00"
ok notices plan rem
out "2 notices planned"		# the calling-off, to both
ok policy set rem reminders 2d,2h
ok notices plan rem
out "2 notices planned"
ok notices plan rem
out "0 notices planned, 4 planned before"
ok cancel rem:1 bo@example.com --at "2026-11-22 00:00" --reason travel
ok notices plan rem
out "1 withdrawn"
SHOWUP_NOW="2026-11-23T07:30:00Z" run notices plan rem
out "1 notice planned, 2 planned before, 1 withdrawn"	# the 2h one supersedes the 2d one
# one message each: Bo's calling-off; Ann's calling-off with her reminder (its subject the
# calling-off's, the reminder's text after it)
ok notices preview rem --write "$T/rem"
/usr/bin/python3 - "$T/rem" > "$T/rem.txt" <<'PY' || fail "a previewed message does not parse"
import email, email.policy, glob, sys
for path in sorted(glob.glob(sys.argv[1] + "/*.eml")):
    m = email.message_from_bytes(open(path, "rb").read(), policy=email.policy.default)
    text = m.get_body(("plain",)).get_content()
    print("TO", m["To"].addresses[0].addr_spec, "|", m["Subject"], "|",
          text.count("A reminder that you are expected at "), "|",
          text.count("I have to call off "))
PY
check '[ "$(grep -c . "$T/rem.txt")" = 2 ]' "not one message each for Ann and Bo"
check 'grep -q "^TO ann@example.com | Reminded: Monday.s group session, 23 Nov 15:00 is called off | 1 | 1$" "$T/rem.txt"' \
	"Ann's message does not hold the calling-off and one reminder"
check 'grep -q "^TO bo@example.com | .* | 0 | 1$" "$T/rem.txt"' \
	"a reminder went to someone who cancelled, or Bo was not told of the calling-off"
check '[ "$(sql "SELECT count(*) FROM outbox WHERE kind = '"'session-reminder'"' AND state = '"'pending'"'")" = 1 ]' \
	"not one reminder for Ann"
fails 1 policy set rem reminders 2h,2d
err "reminders: list them from the earliest"

# templates: every problem named as file:line, before anything is planned
ok template check
out "ok $top_srcdir/templates/final-notice"
mkdir -p "$T/tpl"
printf 'Subject: Hi {{participant.first_name}}\nline 2\n{{#events}}\n{{session.nunber}}\n{{/events}}\n' > "$T/tpl/warning"
fails 1 template check "$T/tpl"
err "$T/tpl/warning:4: unknown name 'session.nunber'"
printf 'Subject: Hi\n\n{{#refund}}\nno end\n' > "$T/tpl/warning"
fails 1 template check "$T/tpl"
err "$T/tpl/warning:3: section 'refund' is never closed"
printf 'Hi there\n' > "$T/tpl/warning"
fails 1 template check "$T/tpl"
err "$T/tpl/warning:1: the first line must be 'Subject: ...'"
cp "$top_srcdir/templates/policy-reminder" "$top_srcdir/templates/final-notice" "$T/tpl/"
before=$(db_state)
fails 1 notices plan autumn26 --templates "$T/tpl"
err "$T/tpl/warning:1: the first line must be 'Subject: ...'"
same_db "$before"
# a cohort may have its own folder of templates
cp "$top_srcdir/templates/warning" "$T/tpl/warning"
sed -i '1s/.*/Subject: Our own words, {{points}} points/' "$T/tpl/warning"
ok policy set att templates "$T/tpl"
ok mark att:1 zoe@example.com present
ok notices plan att
ok mark att:1 zoe@example.com no-show
ok notices plan att
ok notices preview att
out "Subject: Our own words, 2 points"
# a ladder kind without a template stops the plan before anything is planned
ok policy set autumn26 ladder 1:policy-reminder,2:nudge,3:final-notice
before=$(db_state)
fails 1 notices plan autumn26
err "no template for notice 'nudge' (looked for $top_srcdir/templates/nudge)"
same_db "$before"
finish
