#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# store.sh - where the database lives, its mode; only init creates or upgrades one;
# another program's file is never touched; read-only media, backups, a busy writer.
. "$top_srcdir/tests/cli/lib.sh"

# no database: read and write commands alike refuse, create nothing, and say how
fails 1 cohort list
err "no database at '$SHOWUP_DB'"
err "hint: 'showup init' creates it; or give --db PATH"
check '[ ! -e "$SHOWUP_DB" ]' "a read command created the database"
fails 1 --db "$T/typo.db" cohort add c9 --name N --coach C --coach-email c@example.com \
	--tz Europe/London
check '[ ! -e "$T/typo.db" ]' "a write command with a mistyped --db created a database"

ok init
out "database ready: $SHOWUP_DB"
check '[ "$(stat -c %a "$SHOWUP_DB")" = 600 ]' "database is not mode 0600"
check '[ "$(sql "PRAGMA journal_mode")" = wal ]' "database is not in WAL mode"
check '[ "$(sql "PRAGMA application_id")" = 1397249360 ]' "database is not marked as showup's"

# --db wins over $SHOWUP_DB, and folders are created
ok --db "$T/deep/er/other.db" init
check '[ -f "$T/deep/er/other.db" ]' "--db did not create the file and its folders"
check '[ "$(stat -c %a "$T/deep/er/other.db")" = 600 ]' "--db file is not 0600"
ok init --db "$T/after.db"
check '[ -f "$T/after.db" ]' "--db after the command was not honoured"

# without either: $XDG_DATA_HOME/showup/showup.db, then ~/.local/share
(unset SHOWUP_DB; "$SHOWUP" init >/dev/null 2>&1)
check '[ -f "$XDG_DATA_HOME/showup/showup.db" ]' "XDG_DATA_HOME default not used"
(unset SHOWUP_DB XDG_DATA_HOME; HOME="$T/h2" "$SHOWUP" init >/dev/null 2>&1)
check '[ -f "$T/h2/.local/share/showup/showup.db" ]' "~/.local/share default not used"

# a database written by a newer showup is refused and left as it was
cohort
current=$(sqlite3 "$SHOWUP_DB" "PRAGMA user_version")	# this showup's schema
sqlite3 "$SHOWUP_DB" "PRAGMA user_version = 42"
before=$(sha256sum "$SHOWUP_DB")
fails 1 cohort list
err "was written by a newer showup (schema version 42"
err "it was not touched"
fails 1 participant add c1 --name X --email x@example.com
fails 1 init
check '[ "$(sha256sum "$SHOWUP_DB")" = "$before" ]' "the newer database was modified"
sqlite3 "$SHOWUP_DB" "PRAGMA user_version = $current"

# another program's files: every command refuses them and leaves every byte
sqlite3 "$T/foreign.db" "CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL);
	INSERT INTO invoices VALUES (1, 99.5); PRAGMA user_version = 7"
echo "hello" > "$T/junk.db"
: > "$T/empty.db"
for f in foreign.db junk.db empty.db; do
	before=$(sha256sum < "$T/$f")
	for cmd in "status c1" "cohort list" "participant list c1" "log" \
		"participant add c1 --name X --email x@example.com" \
		"cohort add c2 --name N --coach C --coach-email c@example.com --tz Europe/London"; do
		# shellcheck disable=SC2086
		fails 1 --db "$T/$f" $cmd
		err "it was not touched"
	done
	[ "$f" = empty.db ] || { fails 1 --db "$T/$f" init; err "is not a showup database"; }
	check '[ "$(sha256sum < "$T/$f")" = "$before" ]' "$f was changed"
	check '[ ! -e "$T/$f-wal" ]' "$f got a WAL file"
done
err_line 1 "error: '$T/empty.db' is empty, not a showup database; it was not touched"
# init may make an empty file a database
ok --db "$T/empty.db" init
ok --db "$T/empty.db" cohort list

# an older showup's database: read and written only after init brings it up to date
# (as showup of schema 2 left it: no outbox yet, and no application id)
ok --db "$T/old.db" init
sqlite3 "$T/old.db" "DROP TABLE outbox; DROP TABLE session_move; DROP TABLE reschedule; DROP TABLE review;
	DROP TABLE web_key; DROP TABLE web_login; DROP TABLE web_session; DROP TABLE web_device; DROP TABLE slot;
	DROP TABLE session_change; DROP TABLE attendance_replaced; DROP TABLE place_added; DROP TABLE own_change;
	ALTER TABLE expected DROP COLUMN walk_in; DROP TABLE notice_hold;
	ALTER TABLE cohort DROP COLUMN language; ALTER TABLE participant DROP COLUMN call_name; ALTER TABLE participant DROP COLUMN erased_at;
	DROP INDEX session_by_series; ALTER TABLE session DROP COLUMN series; ALTER TABLE session DROP COLUMN optional;
	DROP TABLE waiting; ALTER TABLE session DROP COLUMN capacity;
	ALTER TABLE participant DROP COLUMN language; DROP TABLE web_server;
	PRAGMA user_version = 2;
	PRAGMA application_id = 0"
before=$(sha256sum < "$T/old.db")
fails 1 --db "$T/old.db" cohort list
err "has schema version 2, older than this showup's $current; it was not touched"
err "hint: 'showup init' brings it up to date"
check '[ "$(sha256sum < "$T/old.db")" = "$before" ]' "the older database was changed"
ok --db "$T/old.db" init
check '[ "$(sqlite3 "$T/old.db" "PRAGMA user_version")" = "$current" ]' "init did not bring it up to date"
ok --db "$T/old.db" cohort list
check '[ "$(sqlite3 "$T/old.db" "SELECT count(*) FROM pragma_table_info('"'participant'"') WHERE name = '"'call_name'"'")" = 1 ]' \
	"init did not add participant.call_name"
check '[ "$(sqlite3 "$T/old.db" "SELECT count(*) FROM pragma_table_info('"'participant'"') WHERE name = '"'language'"'")" = 1 ]' \
	"init did not add participant.language (step 22)"
# its indexes those of a new database (the steps replace an index as well as add one)
indexes="SELECT name || ': ' || sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name"
check '[ "$(sqlite3 "$T/old.db" "$indexes")" = "$(sqlite3 "$SHOWUP_DB" "$indexes")" ]' \
	"the indexes of a database brought up to date differ from a new one's"
check 'sqlite3 "$T/old.db" "$indexes" | grep -q "outbox_by_change.*state, dropped_at"' \
	"who was told of a change is not answered by its index alone"

# schema 17's outbox (a participant on every row) is rebuilt by step 18 with its rows
# kept as they were (a rider's part_of too), and then takes a row to the coach; own_change
# comes with it
ok --db "$T/pre17.db" init
ok --db "$T/pre17.db" cohort add c1 --name N --coach C --coach-email c@example.com --tz UTC
ok --db "$T/pre17.db" participant add c1 --name "Ana Lima" --email ana@example.com
sqlite3 "$T/pre17.db" "DROP TABLE own_change; DROP TABLE outbox; DROP TABLE web_device; DROP INDEX session_by_series;
	ALTER TABLE session DROP COLUMN series; ALTER TABLE session DROP COLUMN optional;
	DROP TABLE waiting; ALTER TABLE session DROP COLUMN capacity;
	CREATE TABLE outbox (id INTEGER PRIMARY KEY, cohort_id INTEGER NOT NULL REFERENCES cohort(id),
	  participant_id INTEGER NOT NULL REFERENCES participant(id), kind TEXT NOT NULL,
	  step INTEGER NOT NULL, session_id INTEGER REFERENCES session(id), offset_minutes INTEGER,
	  points INTEGER NOT NULL DEFAULT 0, refund_cents INTEGER, subject TEXT NOT NULL,
	  message BLOB NOT NULL, message_id TEXT NOT NULL UNIQUE, state TEXT NOT NULL DEFAULT 'pending',
	  attempts INTEGER NOT NULL DEFAULT 0, next_attempt_at INTEGER, reply TEXT NOT NULL DEFAULT '',
	  planned_at INTEGER NOT NULL, sent_at INTEGER, held_at INTEGER, dropped_at INTEGER,
	  change_key TEXT, part_of INTEGER REFERENCES outbox(id));
	CREATE INDEX outbox_by_part ON outbox (part_of) WHERE part_of IS NOT NULL;
	INSERT INTO outbox (id, cohort_id, participant_id, kind, step, subject, message, message_id,
	  state, planned_at, sent_at, held_at) VALUES (7, 1, 1, 'warning', 1, 'S', x'6869', '<m7@x>',
	  'sent', 100, 200, 150);
	INSERT INTO outbox (id, cohort_id, participant_id, kind, step, subject, message, message_id,
	  state, planned_at, part_of) VALUES (8, 1, 1, 'final-notice', 2, 'S', x'', '<m8@x>',
	  'pending', 100, 7);
	ALTER TABLE participant DROP COLUMN language; DROP TABLE web_server;
	PRAGMA user_version = 17"
ok --db "$T/pre17.db" init
check '[ "$(sqlite3 "$T/pre17.db" "SELECT id, participant_id, kind, message, message_id, state, sent_at, held_at, part_of FROM outbox ORDER BY id" | tr '"'\\n'"' /)" = "7|1|warning|hi|<m7@x>|sent|200|150|/8|1|final-notice||<m8@x>|pending|||7/" ]' \
	"step 18 lost or changed an outbox row"
check 'sqlite3 "$T/pre17.db" "INSERT INTO outbox (cohort_id, kind, step, subject, message, message_id, planned_at, to_addr, change_key) VALUES (1, '"'coach-digest'"', -1, '"'S'"', x'"'00'"', '"'<m10@x>'"', 1, '"'c@example.com'"', '"'digest:w'"')"' \
	"the outbox takes no row to the coach after step 18"
check '! sqlite3 "$T/pre17.db" "INSERT INTO outbox (cohort_id, kind, step, subject, message, message_id, planned_at, to_addr, change_key) VALUES (1, '"'coach-digest'"', -1, '"'S'"', x'"'00'"', '"'<m9@x>'"', 1, '"'c@example.com'"', '"'digest:w'"')" 2>/dev/null' \
	"the coach got one key twice"
check '[ "$(sqlite3 "$T/pre17.db" "SELECT count(*) FROM own_change")" = 0 ]' "no own_change after step 18"
check '[ "$(sqlite3 "$T/pre17.db" "SELECT count(*) FROM sqlite_master WHERE name = '"'outbox_by_part'"'")" = 1 ]' \
	"step 18 lost the index outbox_by_part"
check 'sqlite3 "$T/pre17.db" "SELECT sql FROM sqlite_master WHERE name = '"'outbox'"'" | grep -q "part_of INTEGER REFERENCES \"outbox\"(id)"' \
	"part_of does not refer to the outbox after step 18"
check '[ -z "$(sqlite3 "$T/pre17.db" "PRAGMA foreign_key_check")" ]' "step 18 left a broken reference"

# schema 18's sessions: step 19 leaves them in no series and not optional
ok --db "$T/pre19.db" init
ok --db "$T/pre19.db" cohort add c1 --name N --coach C --coach-email c@example.com --tz UTC
ok --db "$T/pre19.db" session add c1 --at "2031-01-06 10:00"
sqlite3 "$T/pre19.db" "DROP TABLE web_device; DROP INDEX session_by_series; ALTER TABLE session DROP COLUMN series;
	ALTER TABLE session DROP COLUMN optional; DROP TABLE waiting; ALTER TABLE session DROP COLUMN capacity;
	ALTER TABLE participant DROP COLUMN language; DROP TABLE web_server;
	PRAGMA user_version = 18"
ok --db "$T/pre19.db" init
check '[ "$(sqlite3 "$T/pre19.db" "SELECT number, series IS NULL, optional FROM session")" = "1|1|0" ]' \
	"step 19 did not leave an older session in no series and not optional"
ok --db "$T/pre19.db" session list c1
out "2031-01-06 10:00"

# schema 19 (no remembered devices) gets web_device from step 20, its key and sessions kept
ok --db "$T/pre20.db" init
sqlite3 "$T/pre20.db" "DROP TABLE web_device; DROP TABLE waiting; ALTER TABLE session DROP COLUMN capacity;
	ALTER TABLE participant DROP COLUMN language; DROP TABLE web_server;
	INSERT INTO web_key (id, key, created_at) VALUES (1, zeroblob(32), 5);
	INSERT INTO web_session (hash, last_seen) VALUES (x'01', 6);
	PRAGMA user_version = 19"
ok --db "$T/pre20.db" init
check '[ "$(sqlite3 "$T/pre20.db" "PRAGMA user_version")" = "$current" ]' "step 20 did not run"
check '[ "$(sqlite3 "$T/pre20.db" "SELECT count(*) FROM web_device")" = 0 ]' "no web_device after step 20"
check '[ "$(sqlite3 "$T/pre20.db" "SELECT created_at FROM web_key")|$(sqlite3 "$T/pre20.db" "SELECT last_seen FROM web_session")" = "5|6" ]' \
	"step 20 lost the key or a session"
check 'sqlite3 "$T/pre20.db" "INSERT INTO web_device (hash, created_at, last_seen, expires_at) VALUES (x'"'02'"', 1, 1, 2)"' \
	"web_device takes no device after step 20"

# schema 20's sessions (no places, no waiting list) are brought up by step 21 as they were:
# with no capacity, so a group session still expects everyone
ok --db "$T/pre21.db" init
ok --db "$T/pre21.db" cohort add c1 --name N --coach C --coach-email c@example.com --tz UTC
ok --db "$T/pre21.db" participant add c1 --name "Ana Lima" --email ana@example.com
ok --db "$T/pre21.db" session add c1 --at "2026-12-01 09:00" --title Kickoff
sqlite3 "$T/pre21.db" "DROP TABLE waiting; ALTER TABLE session DROP COLUMN capacity;
	ALTER TABLE participant DROP COLUMN language; DROP TABLE web_server;
	PRAGMA user_version = 20"
fails 1 --db "$T/pre21.db" session list c1
err "has schema version 20, older than this showup's $current"
ok --db "$T/pre21.db" init
check '[ "$(sqlite3 "$T/pre21.db" "SELECT number, title, capacity FROM session")" = "1|Kickoff|0" ]' \
	"step 21 lost a session or gave it places"
check '[ "$(sqlite3 "$T/pre21.db" "SELECT count(*) FROM waiting")" = 0 ]' "no waiting list after step 21"
ok --db "$T/pre21.db" cancel c1:1 ana@example.com --reason work
out "cancelled"

# schema 21's participants (no language of their own) read their cohort's after step 22
ok --db "$T/pre22.db" init
ok --db "$T/pre22.db" cohort add c1 --name N --coach C --coach-email c@example.com --tz UTC --language de
ok --db "$T/pre22.db" participant add c1 --name "Ana Lima" --email ana@example.com
sqlite3 "$T/pre22.db" "ALTER TABLE participant DROP COLUMN language; DROP TABLE web_server; PRAGMA user_version = 21"
ok --db "$T/pre22.db" init
check '[ "$(sqlite3 "$T/pre22.db" "SELECT name, language IS NULL FROM participant")" = "Ana Lima|1" ]' \
	"step 22 lost a participant or gave them a language of their own"

# schema 22 (no server recorded) gets web_server from step 23, empty: serve --link falls
# back to the default address until a server starts
ok --db "$T/pre23.db" init
ok --db "$T/pre23.db" cohort add c1 --name N --coach C --coach-email c@example.com --tz UTC
ok --db "$T/pre23.db" participant add c1 --name "Ana Lima" --email ana@example.com
sqlite3 "$T/pre23.db" "DROP TABLE web_server; PRAGMA user_version = 22"
ok --db "$T/pre23.db" init
check '[ "$(sqlite3 "$T/pre23.db" "SELECT count(*) FROM web_server")" = 0 ]' "web_server is not empty after step 23"
ok --db "$T/pre23.db" serve --link c1 ana@example.com
check 'case "$(cat "$T/out")" in http://127.0.0.1:8080/p/*) true ;; *) false ;; esac' "serve --link with no server recorded: $(cat "$T/out")"

# a backup: a complete copy, private, that showup reads as it is
ok participant add c1 --name "Ana Lima" --email ana@example.com
ok backup "$T/backup.db"
out "backed up $SHOWUP_DB to $T/backup.db"
check '[ "$(stat -c %a "$T/backup.db")" = 600 ]' "the backup is not mode 0600"
check '[ "$(sqlite3 "$T/backup.db" "PRAGMA integrity_check")" = ok ]' "the backup is damaged"
ok --db "$T/backup.db" participant list c1
out_re "^Ana Lima +ana@example\.com +active$"
ok backup "$T/backup.db"	# over an older backup
fails 1 backup "$T/junk.db"	# never over another file
err "exists and is not a showup database"
check '[ "$(cat "$T/junk.db")" = hello ]' "backup overwrote another file"
ls "$T"/backup.db.tmp-* >/dev/null 2>&1 && fail "a temporary backup file was left"

# consistent while another showup writes: 200 participants added one by one meanwhile
( i=0; while [ $i -lt 200 ]; do "$SHOWUP" participant add c1 --name "W $i" \
	--email "w$i@example.com" >/dev/null 2>&1; i=$((i + 1)); done ) &
writer=$!
n=0
while kill -0 $writer 2>/dev/null && [ $n -lt 20 ]; do
	"$SHOWUP" backup "$T/live-$n.db" >/dev/null 2>"$T/err" || fail "backup while writing failed"
	check '[ "$(sqlite3 "$T/live-$n.db" "PRAGMA integrity_check")" = ok ]' "live backup $n is damaged"
	# every participant added is in the audit log of the same copy
	check '[ "$(sqlite3 "$T/live-$n.db" "SELECT count(*) FROM participant")" = "$(sqlite3 "$T/live-$n.db" "SELECT count(*) FROM audit WHERE action = '"'participant add'"'")" ]' \
		"live backup $n is not one moment"
	n=$((n + 1))
done
wait $writer

# read-only media: read commands and backups work, a change is refused clearly
if unshare -m true 2>/dev/null; then ns="unshare -m"; else ns="unshare -rm"; fi
mkdir -p "$T/ro"
cp "$T/backup.db" "$T/ro/showup.db"
cat > "$T/ro.sh" <<EOF
mount -o bind,ro "$T/ro" "$T/ro" || exit 99
"$SHOWUP" --db "$T/ro/showup.db" participant list c1 > "$T/ro-list" 2>&1 || exit 1
"$SHOWUP" --db "$T/ro/showup.db" status c1 > /dev/null 2>&1 || exit 2
"$SHOWUP" --db "$T/ro/showup.db" backup "$T/from-ro.db" > /dev/null 2>&1 || exit 3
"$SHOWUP" --db "$T/ro/showup.db" participant add c1 --name Y --email y@example.com \
	> "$T/ro-add" 2>&1 && exit 4
exit 0
EOF
$ns sh "$T/ro.sh"
rc=$?
check '[ $rc -eq 0 ]' "on read-only media step $rc failed"
check 'grep -q "Ana Lima" "$T/ro-list"' "participant list on read-only media"
check 'grep -q "error:" "$T/ro-add"' "a change on read-only media gave no clear error"
check '[ "$(sqlite3 "$T/from-ro.db" "PRAGMA integrity_check")" = ok ]' "the backup from read-only media"

# another showup holds the write lock (until told to let go): wait, then say so and
# change nothing
/usr/bin/python3 - "$SHOWUP_DB" "$T/locked" "$T/unlock" <<'EOF' &
import os, sqlite3, sys, time
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("BEGIN IMMEDIATE")
db.execute("INSERT INTO audit (at, actor, action, subject) VALUES (0, 'lock', 'x', 'y')")
open(sys.argv[2], "w").close()
end = time.time() + 60
while not os.path.exists(sys.argv[3]) and time.time() < end:
    time.sleep(0.05)
db.execute("ROLLBACK")
EOF
locker=$!
for i in $(seq 1 50); do [ -e "$T/locked" ] && break; sleep 0.1; done
before=$(sql "SELECT count(*) FROM participant")
SHOWUP_LOCK_WAIT=1 run participant add c1 --name Late --email late@example.com
check '[ $rc -eq 1 ]' "a write under another's lock did not fail"
err "another showup is writing to the database"
# on a terminal, a wait of more than a second is said while it lasts
SHOWUP_LOCK_WAIT=2 /usr/bin/python3 "$top_srcdir/tests/cli/on_tty.py" "$SHOWUP" \
	participant add c1 --name Late --email late@example.com > "$T/tty" 2>&1
check 'grep -q "note: another showup is writing to .*; waiting for it" "$T/tty"' \
	"no note on a terminal while waiting for another writer"
: > "$T/unlock"
wait $locker
check '[ "$(sql "SELECT count(*) FROM participant")" = "$before" ]' "the locked-out write changed something"
# and a reader is never held up by a writer (WAL)
ok participant list c1

finish
