#!/bin/sh
# store.sh - where the database lives, its mode, and what happens to a newer one.
. "$top_srcdir/tests/cli/lib.sh"

# read-only commands want an existing database and say how to get one
fails 1 cohort list
err "no database at '$SHOWUP_DB' (run 'showup init'"
check '[ ! -e "$SHOWUP_DB" ]' "a read command created the database"

ok init
out "database ready: $SHOWUP_DB"
check '[ "$(stat -c %a "$SHOWUP_DB")" = 600 ]' "database is not mode 0600"
check '[ "$(sql "PRAGMA journal_mode")" = wal ]' "database is not in WAL mode"

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
sqlite3 "$SHOWUP_DB" "PRAGMA user_version = 42"
before=$(sha256sum "$SHOWUP_DB")
fails 1 cohort list
err "was written by a newer showup (schema version 42"
err "it was not touched"
fails 1 participant add c1 --name X --email x@example.com
check '[ "$(sha256sum "$SHOWUP_DB")" = "$before" ]' "the newer database was modified"

# a file that is not a database is refused
echo "hello" > "$T/junk.db"
fails 1 --db "$T/junk.db" cohort list
err "is not a showup database"

finish
