#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# doctor.sh - showup doctor, a finding per case (database, fonts, templates, config, mail,
# zones), read-only; and notices test, one message through a real loopback SMTP server.
. "$top_srcdir/tests/cli/lib.sh"
cd "$T" || exit 1
S="$T/smtp"
CONFIG="$XDG_CONFIG_HOME/showup/config"
mkdir -p "$S" "$XDG_CONFIG_HOME/showup" "$T/fc"
server_pid=
trap '[ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; rm -rf "$T"' EXIT

# fonts DIR...: makes fontconfig see only the fonts of DIR... (the machine's others hidden).
fonts() {
	{
		echo '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
		for d in "$@"; do echo "<dir>$d</dir>"; done
		echo "<cachedir>$T/fc</cachedir></fontconfig>"
	} > "$T/fonts.conf"
	export FONTCONFIG_FILE="$T/fonts.conf"
}
# config PASSWORD: the config of the test server, user coach, with that password.
config() {
	printf '[smtp]\nurl = smtp://127.0.0.1:%s\ntls = none\nuser = coach\npassword_command = echo %s\n' \
		"$(cat "$S/port")" "$1" > "$CONFIG"
	chmod 600 "$CONFIG"
}
# hint TEXT: the last doctor run printed a hint: line with that text.
hint() {
	grep -E "^hint: " "$T/out" | grep -qF -- "$1" || fail "no hint: line with: $1"
}
# finding LEVEL SUBJECT TEXT: the last doctor run printed that finding.
finding() {
	grep -E "^$1 +$2 " "$T/out" | grep -qF -- "$3" || fail "no '$1 $2' finding with: $3"
}
# no_problem: the last doctor run found no problem.
no_problem() { ! grep -q '^problem' "$T/out" || fail "a problem was found"; }

fonts /usr/share/fonts/truetype/dejavu /usr/share/fonts/truetype/droid
printf 'coach:right\n' > "$S/users"
/usr/bin/python3 "$top_srcdir/tests/cli/smtpd.py" "$S" 2>>"$S/server.err" &
server_pid=$!
for i in $(seq 1 100); do [ -s "$S/port" ] && break; sleep 0.1; done
[ -s "$S/port" ] || { echo "FAIL: the SMTP server did not start"; exit 1; }

# no database yet: a problem, and the fix is init
config right
fails 1 doctor
finding problem database "no database at '$SHOWUP_DB' (from \$SHOWUP_DB)"
hint "run: showup init"
check '[ ! -e "$SHOWUP_DB" ]' "doctor created the database"

# a healthy setup: exit 0, each part ok, the fonts drawing every script the names need
cohort
ok participant add c1 --name "Ana Lúcia" --email ana@example.com
ok participant add c1 --name "Zoë Ελένη" --email zoe@example.com
ok participant add c1 --name "李小龍" --email li@example.com
before=$(sha256sum < "$SHOWUP_DB")
schema=$(sql "PRAGMA user_version")
ok doctor
no_problem
finding ok database "$SHOWUP_DB (from \$SHOWUP_DB), schema $schema, integrity ok"
finding ok database "mode 0600"
check 'grep -Eq "^(ok|warning) +database +[0-9]+ MB free where it is" "$T/out"' \
	"no finding of the room left beside the database"
finding ok fonts "DejaVuSans.ttf, fallback DroidSansFallbackFull.ttf; names need Latin, Greek, CJK: all drawn"
finding ok templates "$(find "$top_srcdir/templates" -maxdepth 1 -type f ! -name README | wc -l) templates, each compiles"
finding ok config "$CONFIG, mode 0600, every setting known"
finding ok mail "SMTP by smtp://127.0.0.1:$(cat "$S/port") as coach; not tried"
hint "showup doctor --mail logs in, sending nothing"
finding ok zones "c1 Australia/Sydney"
check '! grep -q AUTH "$S/log" 2>/dev/null' "doctor without --mail spoke to the server"

# --mail logs in and sends nothing; a wrong password is a problem
ok doctor --mail
finding ok mail "logged in as coach, sent nothing: 235"
config wrong
fails 1 doctor --mail
finding problem mail "as coach: 535"
finding problem mail "check url, user and password_command"
check '[ "$(grep -c "^AUTH coach ok" "$S/log")" = 1 ] && [ "$(grep -c "^AUTH coach refused" "$S/log")" = 1 ]' \
	"the server did not see one good and one refused login"
check '! grep -q "^DATA" "$S/log"' "doctor --mail sent a message"
config right

# a CJK name with no CJK face: a problem naming the person and the package
fonts /usr/share/fonts/truetype/dejavu
fails 1 doctor
finding problem fonts "cohort c1: 李小龍 <li@example.com> needs CJK"
finding problem fonts "install the Debian package fonts-droid-fallback"
finding ok fonts "DejaVuSans.ttf; names need Latin, Greek, CJK"
check '[ "$(grep -c "^problem" "$T/out")" = 1 ]' "more than the CJK name is a problem"
fonts /usr/share/fonts/truetype/dejavu /usr/share/fonts/truetype/droid

# a broken template: a problem naming its file and line
cp -r "$top_srcdir/templates" "$T/tpl"
chmod -R u+w "$T/tpl"
printf 'Subject: {{cohort.name}}\n\nHi {{participant.nickname}}\n' > "$T/tpl/warning"
SHOWUP_TEMPLATES="$T/tpl" fails 1 doctor
finding problem templates "$T/tpl/warning:3"
hint "run: showup template check"

# a config others can read, holding a password: a problem, chmod 600 the fix
chmod 644 "$CONFIG"
fails 1 doctor
finding problem config "$CONFIG holds a password and others can read it (mode 0644)"
finding problem config "run: chmod 600 '$CONFIG'"
chmod 600 "$CONFIG"

# a setting misspelt: named, with the one meant
printf 'pasword_command = echo right\n' >> "$CONFIG"
fails 1 doctor
finding problem config "unknown setting 'pasword_command' in [smtp]; did you mean 'password_command' in [smtp]?"
config right

# no [smtp] url: the sendmail command must be on the PATH
printf '[sendmail]\ncommand = fakemail -t -i\n' > "$CONFIG"
mkdir -p "$T/bin"
PATH="$T/bin:$PATH" fails 1 doctor
finding problem mail "no [smtp] url, and no command 'fakemail'"
printf '#!/bin/sh\ncat > /dev/null\n' > "$T/bin/fakemail"
chmod +x "$T/bin/fakemail"
PATH="$T/bin:$PATH" ok doctor
finding ok mail "notices go by 'fakemail -t -i' ($T/bin/fakemail)"
hint "showup notices send --via sendmail sends that way"
config right

# a cohort's zone missing from the tz database
mkdir -p "$T/zones"
TZDIR="$T/zones" fails 1 doctor
finding problem zones "cohort c1: 'Australia/Sydney' is not in the tz database here"

# a database others can read: a problem, chmod 600 the fix
chmod 644 "$SHOWUP_DB"
fails 1 doctor
finding problem database "$SHOWUP_DB can be read by others (mode 0644)"
finding problem database "run: chmod 600 '$SHOWUP_DB'"
chmod 600 "$SHOWUP_DB"

# an older schema is named, left alone, and init is the fix
cp "$SHOWUP_DB" "$T/old.db"
sqlite3 "$T/old.db" "PRAGMA user_version = $((schema - 1))"
old=$(sha256sum < "$T/old.db")
fails 1 --db "$T/old.db" doctor
finding problem database "has schema version $((schema - 1)), older than this showup's $schema"
hint "run: showup init"
check '[ "$(sha256sum < "$T/old.db")" = "$old" ]' "doctor changed the older database"

# doctor wrote nothing: the database is byte for byte as before the first run
check '[ "$(sha256sum < "$SHOWUP_DB")" = "$before" ]' "doctor changed the database"

# notices test: one message, to that address, from the coach, and nothing recorded
outbox=$(sql "SELECT count(*) FROM outbox")
state=$(db_state)
ok notices test tester@example.org
out "accepted: a test message to tester@example.org from Cora Coach <cora@example.com>"
check '[ "$(grep -c "^DATA cora@example.com tester@example.org$" "$S/log")" = 1 ]' \
	"the test message did not arrive once, to tester@example.org"
check '[ "$(ls "$S"/mail-*.eml | wc -l)" = 1 ]' "not one message arrived"
check 'grep -q "^To: tester@example.org" "$S"/mail-1.eml' "the message is not to the address"
check '[ "$(sql "SELECT count(*) FROM outbox")" = "$outbox" ]' "the test went into the outbox"
same_db "$state"
fails 2 notices test "evil@example.org
Bcc: victim@example.org"
err "is not an e-mail address"
fails 2 notices test not-an-address
config wrong
fails 1 notices test tester@example.org
err "the test message to tester@example.org was not accepted: 535"
check '[ "$(ls "$S"/mail-*.eml | wc -l)" = 1 ]' "a refused test message arrived"
ok cohort add c2 --name "Second" --coach "Sam Second" --coach-email sam@example.com \
	--tz Europe/London --fee 0 --currency EUR
config right
fails 2 notices test tester@example.org
err "give --cohort SLUG"
ok notices test tester@example.org --cohort c2
check 'grep -q "^DATA sam@example.com tester@example.org$" "$S/log"' \
	"--cohort c2 did not send from its coach"

finish
