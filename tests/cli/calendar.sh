#!/bin/sh
# calendar.sh - calendar invitations and schedule files, read back with Python's icalendar:
# UIDs stable per session and person, SEQUENCE rising with each change, CANCEL on a
# calling-off, the cohort's VTIMEZONE keeping local times across a change of daylight saving.
. "$top_srcdir/tests/cli/lib.sh"
cd "$T" || exit 1
smtp_setup
export SHOWUP_NOW="2027-03-20T00:00:00Z"
# ics FILE.ics...: the events of each calendar, one line each, local and UTC times from the
# calendar's own VTIMEZONE (not Python's zone data).
ics() {
	/usr/bin/python3 - "$@" > "$T/ics" <<'PY' || fail "a calendar does not parse"
import sys, datetime, icalendar
for path in sys.argv[1:]:
    cal = icalendar.Calendar.from_ical(open(path, "rb").read())
    zones = {str(z["TZID"]): z.to_tz() for z in cal.walk("VTIMEZONE")}
    for ev in cal.walk("VEVENT"):
        start = ev["DTSTART"]
        local = start.dt.replace(tzinfo=None)
        utc = zones[start.params["TZID"]].localize(local).astimezone(datetime.timezone.utc)
        print(cal["METHOD"], ev["UID"], "seq", ev["SEQUENCE"], "status", ev["STATUS"],
              "local", local.strftime("%Y-%m-%d %H:%M"), "utc", utc.strftime("%Y-%m-%d %H:%M"),
              "org", ev["ORGANIZER"], "att", ev.get("ATTENDEE", "-"), "loc", ev.get("LOCATION", "-"))
PY
}
# parts: each message the server took as "kind-of-part method" lines, its calendars saved.
parts() {
	/usr/bin/python3 - "$S" "$T/got" > "$T/parts" <<'PY' || fail "a message does not parse"
import email, email.policy, glob, os, sys
os.makedirs(sys.argv[2], exist_ok=True)
for path in sorted(glob.glob(sys.argv[1] + "/mail-*.eml"), key=lambda p: int(p.split("-")[-1][:-4])):
    n = path.split("-")[-1][:-4]
    m = email.message_from_bytes(open(path, "rb").read(), policy=email.policy.default)
    kinds = [p.get_content_type() for p in m.walk()]
    cal = [p for p in m.walk() if p.get_content_type() == "text/calendar"]
    print(n, m["To"].addresses[0].addr_spec, "|", m["Subject"], "|", ",".join(kinds), "|",
          ",".join(c.get_param("method") for c in cal) if cal else "-")
    for k, c in enumerate(cal):     # a message of several notices: one part per METHOD
        name = n + ("" if k == 0 else "-%d" % k) + ".ics"
        open(os.path.join(sys.argv[2], name), "wb").write(c.get_payload(decode=True))
PY
}

ok init
ok cohort add cal --name "Cal" --coach "Cora Coach" --coach-email cora@example.com \
	--tz Europe/London
ok participant add cal --name "Ann Early" --email ann@example.com
ok participant add cal --name "Bo Busy" --email bo@example.com
# British Summer Time begins on 28 March 2027: both sessions at 09:00 local
ok session add cal --at "2027-03-25 09:00" --title "Before" --location "Room 1"
ok session add cal --at "2027-04-01 09:00" --title "After" --kind practice --with ann@example.com

# the schedule file: every session at 09:00 local, 09:00 and 08:00 UTC
ok calendar cal -o "$T/all.ics"
out "wrote $T/all.ics"
ics "$T/all.ics"
check 'grep -q "^PUBLISH showup-cal-s1@example.com seq 0 status CONFIRMED local 2027-03-25 09:00 utc 2027-03-25 09:00 org mailto:cora@example.com att - loc Room 1$" "$T/ics"' \
	"session 1 is not at 09:00 GMT in the schedule"
check 'grep -q "^PUBLISH showup-cal-s2@example.com seq 0 status CONFIRMED local 2027-04-01 09:00 utc 2027-04-01 08:00" "$T/ics"' \
	"session 2 does not keep 09:00 local across the change to summer time"
check 'grep -q "^TZID:Europe/London" "$T/all.ics" && [ "$(grep -c "^BEGIN:VTIMEZONE" "$T/all.ics")" = 1 ]' \
	"the schedule does not carry the cohort's VTIMEZONE once"
# one person's: only their sessions, with them as attendee
ok calendar cal bo@example.com
ics_out=$(cat "$T/out")
printf '%s\n' "$ics_out" > "$T/bo.ics"
ics "$T/bo.ics"
check '[ "$(wc -l < "$T/ics")" = 1 ] && grep -q "showup-cal-s1-p2@example.com .*att mailto:bo@example.com" "$T/ics"' \
	"Bo's calendar is not session 1 alone, with him attending"
fails 1 calendar cal nobody@example.com
err "no participant 'nobody@example.com' in cal"
fails 2 calendar
# a cohort in UTC: libical has no VTIMEZONE for it, so the times are written in UTC
ok cohort add utc --name "In UTC" --coach "Cora Coach" --coach-email cora@example.com --tz UTC
ok session add utc --at "2027-04-01 09:00"
ok calendar utc -o "$T/utc.ics"
check 'grep -q "^DTSTART:20270401T090000Z" "$T/utc.ics" && ! grep -q VTIMEZONE "$T/utc.ics"' \
	"a UTC cohort's calendar is not in UTC"
# a file that cannot be put in place (a folder is there) leaves nothing half-written
mkdir -p "$T/x/busy.ics/inside"
fails 1 calendar cal -o "$T/x/busy.ics"
check '[ "$(ls -A "$T/x")" = "busy.ics" ]' "a failed write left a temporary file"

# invitations on: one message each as people become expected (Ann's two sessions in one,
# both in its one calendar), and one more for someone put on later
start_server
ok policy set cal invitations on
ok notices run
out "cal: 3 notices planned"
out "sent 2,"
ok session edit cal:2 --with bo@example.com
ok notices run
out "sent 1,"
# two moves (told one at a time), then a calling-off
ok session edit cal:1 --at "2027-03-25 10:00"
ok notices run
ok session edit cal:1 --at "2027-03-25 11:00"
ok notices run
ok session cancel cal:1
ok notices run
out "sent 2,"
parts
check '[ "$(grep -c "multipart/alternative,text/plain,text/calendar | REQUEST$" "$T/parts")" = 7 ]' \
	"not every invitation and change is plain text with a REQUEST beside it"
check '[ "$(grep -c "| Cal: Thursday'"'"'s group session, 25 Mar 11:00 is called off | multipart/alternative,text/plain,text/calendar | CANCEL$" "$T/parts")" = 2 ]' \
	"the calling-off does not carry a CANCEL to both"
check 'grep -q "^1 ann@example.com | Cal: invitations to your 2 sessions |" "$T/parts"' \
	"Ann's two first invitations are not one message"
check 'grep -q "^[0-9]* bo@example.com | Cal: invitation to practice with Ann, Thu 1 Apr 09:00 " "$T/parts"' \
	"Bo put on session 2 got no invitation"
ics "$T"/got/*.ics
check '[ "$(grep -c "showup-cal-s1-p1@example.com" "$T/ics")" = 4 ]' \
	"Ann's session 1 does not keep one UID"
check '[ "$(grep "showup-cal-s1-p1@example.com" "$T/ics" | sed "s/.* seq \([0-9]*\) status \([A-Z]*\) local \([^u]*\)utc.*/\1 \2 \3/" | tr "\n" "/")" = \
	"0 CONFIRMED 2027-03-25 09:00 /1 CONFIRMED 2027-03-25 10:00 /2 CONFIRMED 2027-03-25 11:00 /3 CANCELLED 2027-03-25 11:00 /" ]' \
	"SEQUENCE does not rise with each change of Ann's session 1, to the cancellation"
check 'grep -q "^CANCEL showup-cal-s1-p2@example.com seq 3 status CANCELLED" "$T/ics"' \
	"Bo's cancellation is not a CANCEL of his session 1 at SEQUENCE 3"
check 'grep -q "^REQUEST showup-cal-s2-p1@example.com seq 0 status CONFIRMED local 2027-04-01 09:00 utc 2027-04-01 08:00" "$T/ics"' \
	"the invitation to session 2 does not keep 09:00 local in summer time"
# a pair moved to a new time: each hears of the new place once, not also invited to it,
# and the old entry leaves both calendars (a CANCEL one SEQUENCE on)
ok policy set cal reschedule.pairs on	# else refused: exits.sh
ok reschedule cal:2 bo@example.com --at "2027-04-02 09:00"
same_notices cal	# each told once: the invitation gives way to the place moved
ok notices run
out "cal: 4 notices planned"
out "sent 2,"	# each one message: the new place (REQUEST), the old one out (CANCEL)
# kinds(N): the notices of session N, "kind email" by address
kinds() {
	sql "SELECT group_concat(k, ', ') FROM (SELECT o.kind || ' ' || p.email AS k FROM outbox o
		JOIN session s ON s.id = o.session_id JOIN participant p ON p.id = o.participant_id
		WHERE s.number = $1 AND s.cohort_id = (SELECT id FROM cohort WHERE slug = 'cal')
		AND o.kind IN ('place-moved', 'place-left', 'session-invitation')
		AND o.planned_at > 0 ORDER BY p.email, o.kind)"
}
check '[ "$(kinds 3)" = "place-moved ann@example.com, place-moved bo@example.com" ]' \
	"a moved place was also sent an invitation, or someone was not told"
check '[ "$(kinds 2)" = "place-left ann@example.com, session-invitation ann@example.com, place-left bo@example.com, session-invitation bo@example.com" ]' \
	"the old place did not leave both calendars"
rm -f "$T"/got/*.ics
parts
ics "$T"/got/*.ics
check 'grep -q "^CANCEL showup-cal-s2-p1@example.com seq 1 status CANCELLED" "$T/ics" &&
	grep -q "^CANCEL showup-cal-s2-p2@example.com seq 1 status CANCELLED" "$T/ics"' \
	"the old place is not a CANCEL of its entry, one SEQUENCE on"
check '[ "$(grep -c "multipart/mixed,multipart/alternative,text/plain,text/calendar,text/calendar | REQUEST,CANCEL$" "$T/parts")" = 2 ]' \
	"the move of a place is not one message with a REQUEST and a CANCEL part"
# a participant's own cancellation takes the entry out of their calendar too
ok cancel cal:3 ann@example.com --reason work
ok notices run
out "sent 2,"	# and Bo hears Ann will not come
check '[ "$(kinds 3)" = "place-left ann@example.com, place-moved ann@example.com, place-moved bo@example.com" ]' \
	"Ann's cancellation did not take session 3 out of her calendar"
ok notices run
check '[ ! -s "$T/out" ]' "a second run found something more to tell"
stop_server
finish
