#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# language.sh - a cohort run in German (then French, then Spanish) end to end through a
# real SMTP server on loopback: every notice kind a participant or the coach gets by mail
# is written in the cohort's language, no English sentence left; subjects carry the
# language's dates, amounts read "1.890,00 €"; a participant's own language overrides the
# cohort's; a coach's folder holding one notice changes that one, the rest come from the
# shipped set of the language.
. "$top_srcdir/tests/cli/lib.sh"
cd "$T" || exit 1
smtp_setup

# mails LANG: every message the server took, decoded, into $T/mail-LANG: "=== TO | subject",
# the plain text and the SUMMARY of each calendar entry; no-break spaces (ICU's, in amounts
# and dates) read as spaces.
mails() {
	/usr/bin/python3 - "$S" > "$T/mail-$1" <<'PY' || fail "a message does not parse"
import email, email.policy, glob, sys
for path in sorted(glob.glob(sys.argv[1] + "/mail-*.eml"), key=lambda p: int(p.split("-")[-1][:-4])):
    m = email.message_from_bytes(open(path, "rb").read(), policy=email.policy.default)
    text = "=== %s | %s\n%s" % (m["To"].addresses[0].addr_spec, m["Subject"],
        m.get_body(("plain",)).get_content())
    for part in m.walk():
        if part.get_content_type() == "text/calendar":
            text += "" if text.endswith("\n") else "\n"
            ics = part.get_content().replace("\r\n ", "").replace("\n ", "")
            text += "".join(l.replace("\\,", ",") + "\n" for l in ics.splitlines()
                if l.startswith("SUMMARY"))
    print(text.replace("\u00a0", " ").replace("\u202f", " "))
PY
}
# english FILE [MORE]: the lines of FILE holding an English word (or a word of the ERE
# MORE, for words English shares with some languages: "points" is French too), but the
# digest's lists of notice kinds ("  session-moved (2): Anna"), named by their codes.
english() {
	grep -v '^  [a-z-]* ([0-9]*): ' "$1" | grep -Ei "\b(the|your|you|please|with|will|would|when|this|that|from|have|sessions?|reminders?|cancel|cancelled|attendance|refund|days?|hours?|late|hi|dear|thanks|thank|time|week|until|before|after|${2:-none_else})\b"
}
# kinds: the notice kinds the outbox holds, one a line, sorted.
kinds() { sql "SELECT DISTINCT kind FROM outbox ORDER BY kind"; }

# program LANG: a cohort in LANG through every notice a participant or the coach gets
# by mail (the coach's copy of a change made through a participant's own link is serve's:
# serve.sh and digest.sh), sent through the loopback server.
program() {
	export SHOWUP_DB="$T/$1.db" SHOWUP_NOW="2026-11-22T00:00:00Z"
	ok init
	ok cohort add c1 --name "Führungskreis" --coach "Cora Coach" \
		--coach-email cora@example.com --tz Europe/Berlin --fee 1890 --currency EUR \
		--language "$1"
	for who in "Anna Adler:ann" "Ben Brandt:ben" "Carla Cruz:cara" "Dora Dietz:dora" \
	    "Emil Ernst:emil"; do
		ok participant add c1 --name "${who%%:*}" --email "${who##*:}@example.com"
	done
	ok policy set c1 invitations on
	ok policy set c1 notices.review none
	ok policy set c1 refund full
	ok session add c1 --at "2026-11-16 09:00"
	ok session add c1 --at "2026-11-18 09:00"
	ok session add c1 --at "2026-11-25 18:00" --title "Preise"
	ok session add c1 --at "2026-11-26 10:00" --kind practice --with ann@example.com \
		--with ben@example.com
	ok session add c1 --at "2026-11-27 10:00" --kind practice --with cara@example.com \
		--with dora@example.com
	ok session add c1 --at "2026-11-28 09:00" --kind coaching --with emil@example.com
	ok session add c1 --at "2026-11-29 18:00"
	ok session add c1 --at "2026-11-25 08:00"	# its reminder goes on Monday
	[ "$1" != de ] || de_extra
	start_server
	ok notices run					# session-invitation
	# the ladder: Anna's late cancellation for a customer meeting, then a no-show
	ok cancel c1:1 ann@example.com --at "2026-11-16 08:00" --reason customer-meeting
	ok mark c1:1 ben@example.com no-show
	ok notices run					# policy-reminder, warning
	export SHOWUP_NOW="2026-11-22T01:00:00Z"
	ok mark c1:2 ann@example.com no-show
	ok mark c1:1 ben@example.com present		# correction
	ok notices run					# final-notice, correction
	export SHOWUP_NOW="2026-11-22T02:00:00Z"
	ok session edit c1:3 --at "2026-11-25 19:00"	# session-moved
	ok notices run
	export SHOWUP_NOW="2026-11-22T02:10:00Z"
	ok session cancel c1:7				# session-cancelled
	ok notices run
	export SHOWUP_NOW="2026-11-22T02:20:00Z"
	ok cancel c1:4 ann@example.com --at "2026-11-22 02:00" --reason travel
	ok notices run					# place-left, partner-cancelled
	export SHOWUP_NOW="2026-11-22T02:30:00Z"
	ok reschedule c1:6 emil@example.com --at "2026-11-28 11:00"
	ok notices run					# place-moved
	export SHOWUP_NOW="2026-11-22T03:00:00Z"
	ok session edit c1:5 --with emil@example.com	# partner-added
	ok notices run
	export SHOWUP_NOW="2026-11-22T04:00:00Z"
	ok session edit c1:5 --without emil@example.com	# place-removed
	ok notices run
	export SHOWUP_NOW="2026-11-22T05:00:00Z"
	ok participant withdraw c1 dora@example.com	# withdrawal-confirmed, partner-left
	ok refund offer c1 ben@example.com --amount 1890	# refund-offered
	ok notices run
	export SHOWUP_NOW="2026-11-22T06:00:00Z"
	ok refund decline c1 ben@example.com		# refund-declined
	ok refund accept c1 ann@example.com		# refund-accepted
	ok notices run
	# the coach's digest on Monday morning; a reminder two days ahead of Wednesday's
	ok policy set c1 digest "mon 08:00"
	ok policy set c1 reminders 2d
	export SHOWUP_NOW="2026-11-23T07:30:00Z"
	ok notices run
	mails "$1"
	stop_server
}

# the German cohort, with a participant who reads French and the coach's own warning
# (program runs de_extra once the cohort's sessions are there)
mkdir "$T/own"
printf 'Subject: {{cohort.name}}: EIGENE VERWARNUNG\nHallo {{participant.call_name}},\n\ndeine Zusagen zählen. Eigener Text der Trainerin.\n\n{{coach.name}}\n' \
	> "$T/own/warning"
de_extra() {
	ok participant add c1 --name "Fleur Faure" --email fleur@example.com --language es
	ok participant edit c1 fleur@example.com --language fr
	out "reading fr"
	ok policy set c1 templates "$T/own"
	ok mark c1:1 fleur@example.com no-show
}
program de
m="$T/mail-de"
for k in coach-digest correction final-notice partner-added partner-cancelled partner-left \
    place-left place-moved place-removed policy-reminder refund-accepted refund-declined \
    refund-offered session-cancelled session-invitation session-moved session-reminder \
    warning withdrawal-confirmed; do
	check 'kinds | grep -qx "$k"' "the German cohort never sent a $k"
done
# Fleur reads French (her own language), the rest German
awk '/^=== fleur@/ { on = 1; print; next } /^=== / { on = 0 } on' "$m" > "$T/fleur"
awk '/^=== fleur@/ { on = 0; next } /^=== / { on = 1 } on' "$m" > "$T/de-only"
check 'grep -q "^Bonjour Fleur," "$T/fleur" && ! grep -q "Hallo" "$T/fleur"' \
	"Fleur's own language (fr) does not override the cohort's"
check 'grep -q "avertissement\|compte désormais" "$T/fleur"' \
	"Fleur's warning is not the shipped French one (the coach's folder is German)"
check '! grep -q "EIGENE VERWARNUNG" "$T/fleur"' "Fleur got the coach's German warning"
check '[ -s "$T/de-only" ] && ! english "$T/de-only" "points?|and|is|has|invitations?" > "$T/english"' \
	"English left in the German notices: $(head -3 "$T/english" 2>/dev/null)"
check 'grep -q "^Hallo Anna," "$T/de-only"' "Anna is not greeted in German"
# the coach's folder holds only warning: Ben's is theirs, every other kind the shipped one
check 'grep -q "^=== ben@example.com | Führungskreis: EIGENE VERWARNUNG" "$m"' \
	"the coach's own warning was not used"
check 'grep -q "Erinnerung an die Regeln\|kurz zu unserer Vereinbarung" "$m"' \
	"the policy reminder did not fall back to the shipped German one"
# subjects with German dates, words by the catalogs, amounts as German write them
check 'grep -q "^=== .*| Führungskreis: neue Zeit: Gruppensitzung am Mittwoch, 25\. Nov\., 19:00 (vorher Mi\., 25\. Nov\., 18:00)" "$m"' \
	"the subject of a move has no German dates"
check 'grep -q "^SUMMARY:Führungskreis: Gruppensitzung, Preise" "$m" &&
	grep -q "^SUMMARY:Führungskreis: Einzelgespräch mit Cora" "$m"' \
	"the calendar entries are not titled in German"
check 'grep -q "Kundentermin" "$m"' "the reason code is not a German word"
check 'grep -q "späte Absage" "$m"' "the outcome is not in German"
check 'grep -q "1\.890,00 €" "$m"' "the refund is not written 1.890,00 €"
check 'grep -q "bis 18:00 Uhr am Vortag" "$m"' "the cutoff is not in German"
check 'grep -q "Di\., 24\. Nov\. 2026" "$m"' "a date in a body is not German"

# French and Spanish: the same program, every kind in the language
program fr
check '[ "$(kinds | wc -l)" -ge 19 ]' "the French cohort sent fewer than 19 kinds"
check '! english "$T/mail-fr" "and|is|has" > "$T/english"' \
	"English left in the French notices: $(head -3 "$T/english")"
check 'grep -q "^Bonjour Anna," "$T/mail-fr" && grep -q "1 890,00 €" "$T/mail-fr"' \
	"the French notices do not greet in French or write 1 890,00 €"
check 'grep -q "rendez-vous client" "$T/mail-fr"' "the reason code is not a French word"
check 'grep -q "| Führungskreis : nouvel horaire : séance de groupe du mercredi, 25 nov\., 19:00" "$T/mail-fr"' \
	"the subject of a move has no French date"
program es
check '[ "$(kinds | wc -l)" -ge 19 ]' "the Spanish cohort sent fewer than 19 kinds"
check '! english "$T/mail-es" "points?|and|is|invitations?" > "$T/english"' \
	"English left in the Spanish notices: $(head -3 "$T/english")"
check 'grep -q "^Hola, Anna:" "$T/mail-es" && grep -q "1890,00 €\|1\.890,00 €" "$T/mail-es"' \
	"the Spanish notices do not greet in Spanish or write the amount the Spanish way"
check 'grep -q "reunión con un cliente" "$T/mail-es"' "the reason code is not a Spanish word"
cp "$T"/mail-* "$T"/*.db /tmp/wt-lang/ 2>/dev/null; finish
