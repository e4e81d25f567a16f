#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# serve-lang.sh - the pages of showup serve in the cohort's language, driven with curl
# against the real server: a German cohort's participant page (its cutoff dated by ICU),
# cancel page, after-start and withdrawn pages, and the coach's roll call of that cohort
# with "everyone else present" counted by German plural rules; French and Spanish
# participant pages; <html lang> set to the language; no English sentence left (a list
# of English words, grepped in the text a person sees); then headless Chromium reads
# document.documentElement.lang and the buttons of the German pages. An English cohort
# on the same server stays English.
. "$top_srcdir/tests/cli/lib.sh"
. "$top_srcdir/tests/cli/serve-lib.sh"

ok init
# lang_cohort SLUG LANG: a cohort in LANG with Ana, Bo and Cy; session 1 (group) at 18:00
# Sydney on the 22nd (under way at the test's time), 2 (group) on the 24th
lang_cohort() {
	ok cohort add "$1" --name "Kreis $1" --coach "Cora Coach" --coach-email cora@example.com \
		--tz Australia/Sydney --fee 1500 --currency EUR --language "$2"
	ok participant add "$1" --name "Ana Lima" --email ana@example.com
	ok participant add "$1" --name "Bo Berg" --email bo@example.com
	ok participant add "$1" --name "Cy Walker" --email cy@example.com
	ok session add "$1" --at "2026-11-22 18:00" --title Auftakt
	ok session add "$1" --at "2026-11-24 18:00" --title Vertiefung --location "Raum 4"
}
lang_cohort de de
lang_cohort fr fr
lang_cohort es es
lang_cohort en en
ok participant add de --name "Di Dorn" --email di@example.com
ok participant withdraw de di@example.com

export SHOWUP_NOW=2026-11-22T07:30:00Z	# 18:30 in Sydney: session 1 under way
port=$(free_port)
URL="http://127.0.0.1:$port"
trap 'kill ${pid:-} 2>/dev/null; rm -rf "$T"' EXIT
serve_start serve --listen "127.0.0.1:$port"
# link SLUG EMAIL: prints the path of the participant's page
link() {
	"$SHOWUP" serve --link "$1" "$2" --listen "127.0.0.1:$port" > "$T/link" &&
		sed "s|^$URL||" "$T/link"
}

# The English words no page of another language may show (in the text a person
# sees: tags removed). The name of each session (<h2> on the participant's page) is
# session_name's, in src/core/words.c, which the notices' own work translates: it is
# left out here until both are in one tree.
# (whole words; addresses, such as the calendar feed's, left out)
english='the|Cancel|[Ss]ession|[Yy]our|Present|No-show|Undo|Reason|Where|Add to|calendar|Keep|Subscribe|Late|Walk-in|Participant|Back|Mark|Everyone|not recorded|write|choose'
# no_english WHAT: the last page's visible text has none of the English words
no_english() {
	checks=$((checks + 1))
	sed 's|<h2>[^<]*</h2>||g; s|<[^>]*>||g; s|https\?://[^ ]*||g' "$T/body" > "$T/text"
	if grep -Enw "$english" "$T/text" > "$T/english"; then
		failures=$((failures + 1))
		echo "FAIL: $1 has English words:"
		cat "$T/english"
	fi
}

# --- German: the participant's page, du, dates by ICU, lang="de"
de=$(link de bo@example.com)
http GET "$de"
status 200 "the German participant page"
body '<html lang="de">'
body 'Kreis de: deine nächsten Sitzungen.'
body 'Wo: <span class="long">Raum 4</span>'
body '>Meinen Platz absagen</a>'
body '>In den Kalender eintragen</a>'
body 'Sag bis Mo., 23. Nov., 18:00 ab, dann ist es rechtzeitig.'
body '<h2>Dein Coach</h2>'
body 'Cora Coach: Schreib mir, wenn etwas dazwischenkommt.'
no_english "the German participant page"

# the cancel page: the verdict with its date by ICU, the form's words
http GET "$de/cancel/2"
status 200 "the German cancel page"
body '<html lang="de">'
body '<title>Deinen Platz absagen? - showup</title>'
body 'Das ist rechtzeitig: Eine Absage vor Mo., 23. Nov. 2026, 18:00 zählt nicht gegen dich.'
body '<option value="">bitte wählen</option>'
body 'Eine Nachricht an deinen Coach (freiwillig)'
body '>Meinen Platz behalten</a>'
token=$(csrf)
http POST "$de/cancel/2" "csrf=$token&reason="
status 422 "a German cancellation without a reason"
body '<p class="error" role="alert">Bitte wähle einen Grund.</p>'
body '<html lang="de">'
http POST "$de/cancel/2" "csrf=$token&reason=travel"
status 200 "a German cancellation"
body 'Dein Coach hat deine Absage. Das ist rechtzeitig: Eine Absage vor Mo., 23. Nov. 2026'
# what is recorded, in the card's words of the cohort's language
http GET "$de"
body 'Bei deinem Coach eingetragen: <span class="record">rechtzeitig abgesagt, '
no_english "the German participant page with a cancellation"
http GET "$de/cancel/2"
status 409 "a German cancel page of a place recorded already"
body 'Für diesen Platz hat dein Coach schon etwas eingetragen: rechtzeitig abgesagt, '

# after the start, and a withdrawn participant's link
http GET "$de/cancel/1"
status 409 "the German page after the start"
body 'Zu spät für eine Änderung hier'
body 'Diese Sitzung hat begonnen, daher kannst du deinen Platz hier nicht mehr absagen'
no_english "the German page after the start"
di=$(link de di@example.com)
http GET "$di"
status 410 "the German withdrawn page"
body 'Du stehst nicht mehr auf der Liste'
body 'Dein Platz in Kreis de ist beendet'
no_english "the German withdrawn page"
http GET "$de/nothing"
status 404 "a German page that is not there"
body 'Hier ist nichts.'

# --- the roll call of the German cohort, in German; everyone else by plural rules
rm -f "$T/jar"
http POST "${login#"$URL"}"
http GET /s/de/1
status 200 "the German roll call"
body '<html lang="de">'
body 'So., 22. Nov. 2026, 18:00 &middot; Gruppensitzung'
body '<span class="record">noch nicht eingetragen</span>'
body 'value="present">Anwesend</button>'
body 'value="no-show">Nicht erschienen</button>'
body '<summary class="button">Verspätet, entschuldigt</summary>'
body '>Alle anderen anwesend</a>'
body '>Alle Sitzungen</a>'
no_english "the German roll call"
token=$(csrf)
http POST /s/de/1/mark "csrf=$token&email=ana%40example.com&status=late"
status 422 "a German late mark without minutes"
body 'Gib die Minuten der Verspätung an und tippe dann auf Verspätet.'
http GET /s/de/1/rest
status 200 "the German confirmation of everyone else present"
body '<title>Alle anderen anwesend? - showup</title>'
body 'Diese 3 Personen als anwesend eintragen'
no_english "the German confirmation"
http POST /s/de/1/mark "csrf=$token&email=ana%40example.com&status=late&minutes=20"
http GET /s/de/1
body '<span class="record">20 Min. verspätet</span>'
no_english "the German roll call with a mark"
http POST /s/de/1/mark "csrf=$token&email=bo%40example.com&status=present"
http GET /s/de/1/rest
body 'Diese Person als anwesend eintragen'
# the coach's list of sessions, across cohorts, stays English
http GET /
body '<html lang="en">'

# --- French and Spanish participant pages
fr=$(link fr bo@example.com)
http GET "$fr"
status 200 "the French participant page"
body '<html lang="fr">'
body 'Kreis fr : vos prochaines séances.'
body '>Annuler ma place</a>'
body 'Annulez avant lun. 23 nov., 18:00 pour être dans les temps.'
body '<h2>Votre agenda</h2>'
no_english "the French participant page"
es=$(link es bo@example.com)
http GET "$es"
status 200 "the Spanish participant page"
body '<html lang="es">'
body 'Kreis es: tus próximas sesiones.'
body '>Cancelar mi plaza</a>'
body 'Cancela antes de lun, 23 nov, 18:00 para hacerlo a tiempo.'
body '<h2>Tu calendario</h2>'
no_english "the Spanish participant page"

# --- an English cohort on the same server, after all that: English as before
en=$(link en bo@example.com)
http GET "$en"
body '<html lang="en">'
body 'Kreis en: your coming sessions.'
body 'Cancel by Mon 23 Nov, 18:00 to be in time.'

# --- a browser reads the German pages: the document's language, the buttons (signed
# in by a fresh login link: a link works once)
"$SHOWUP" serve --login --listen "127.0.0.1:$port" > "$T/login"
login=$(sed -n 's/^log in (once, within 15 minutes): //p' "$T/login")
checks=$((checks + 1))
cy=$(link de cy@example.com)
/usr/bin/python3 - "$URL" "$cy" "$login" <<'PY' || { failures=$((failures + 1)); echo "FAIL: the browser run"; }
import sys
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

url, mine, login = sys.argv[1:4]
opts = webdriver.ChromeOptions()
for a in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
          "--window-size=390,844"):
    opts.add_argument(a)
d = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=opts)
d.set_page_load_timeout(10)
try:
    d.get(url + mine)
    lang = d.execute_script("return document.documentElement.lang")
    assert lang == "de", f"the participant page's document is {lang!r}, not 'de'"
    buttons = [a.text for a in d.find_elements(By.CSS_SELECTOR, "a.button")]
    assert "Meinen Platz absagen" in buttons, f"no German cancel button: {buttons}"
    d.get(login)
    d.find_element(By.CSS_SELECTOR, "form button").click()
    d.get(url + "/s/de/2")
    lang = d.execute_script("return document.documentElement.lang")
    assert lang == "de", f"the roll call's document is {lang!r}, not 'de'"
    marks = [b.text for b in d.find_elements(By.CSS_SELECTOR, "section.person button")]
    assert "Anwesend" in marks and "Present" not in marks, f"roll call buttons: {marks}"
finally:
    d.quit()
PY

kill -TERM "$pid"
wait "$pid"
check '[ $? -eq 0 ]' "serve did not exit 0 on SIGTERM"
finish
