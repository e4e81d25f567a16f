/* SPDX-License-Identifier: Apache-2.0 */
/* schema.c - the database schema, one migration step per entry. */
#include "config.h"

#include "showup/store.h"
#include "showup/util.h"
#include "schema.h"

/*
 * Times are INTEGER seconds since the epoch, UTC. Outcomes are never stored:
 * they follow from the facts (attendance, cancellations) and the policy.
 * The audit table has no foreign keys: the log outlives what it describes.
 * Checks of a column against a list are spelled with OR: SQLite builds an
 * ephemeral table for "x IN (...)" on every row it writes, which costs an
 * import of a million rows a second and more.
 */
static const char *const migration_1 =
	"CREATE TABLE cohort ("
	"  id INTEGER PRIMARY KEY,"
	"  slug TEXT NOT NULL UNIQUE COLLATE NOCASE,"
	"  name TEXT NOT NULL,"
	"  coach_name TEXT NOT NULL,"
	"  coach_email TEXT NOT NULL,"
	"  tz TEXT NOT NULL,"
	"  fee_cents INTEGER NOT NULL DEFAULT 0 CHECK (fee_cents >= 0),"
	"  currency TEXT NOT NULL DEFAULT '',"
	"  starts_on TEXT NOT NULL DEFAULT '',"
	"  ends_on TEXT NOT NULL DEFAULT '',"
	"  created_at INTEGER NOT NULL"
	");"
	"CREATE TABLE participant ("
	"  id INTEGER PRIMARY KEY,"
	"  cohort_id INTEGER NOT NULL REFERENCES cohort(id),"
	"  name TEXT NOT NULL,"
	"  email TEXT NOT NULL COLLATE NOCASE,"
	"  company TEXT NOT NULL DEFAULT '',"
	"  status TEXT NOT NULL DEFAULT 'active'"
	"    CHECK (status = 'active' OR status = 'withdrawn'),"
	"  withdrawn_at INTEGER,"
	"  UNIQUE (cohort_id, email)"
	");"
	"CREATE TABLE session ("
	"  id INTEGER PRIMARY KEY,"
	"  cohort_id INTEGER NOT NULL REFERENCES cohort(id),"
	"  number INTEGER NOT NULL CHECK (number > 0),"
	"  kind TEXT NOT NULL CHECK (kind = 'group' OR kind = 'coaching' OR kind = 'practice'),"
	"  starts_at INTEGER NOT NULL,"
	"  minutes INTEGER NOT NULL CHECK (minutes > 0),"
	"  title TEXT NOT NULL DEFAULT '',"
	"  location TEXT NOT NULL DEFAULT '',"
	"  cancelled_at INTEGER,"
	"  cancel_note TEXT NOT NULL DEFAULT '',"
	"  UNIQUE (cohort_id, number)"
	");"
	"CREATE TABLE expected ("
	"  session_id INTEGER NOT NULL REFERENCES session(id),"
	"  participant_id INTEGER NOT NULL REFERENCES participant(id),"
	"  PRIMARY KEY (session_id, participant_id)"
	") WITHOUT ROWID;"
	"CREATE TABLE attendance ("
	"  session_id INTEGER NOT NULL REFERENCES session(id),"
	"  participant_id INTEGER NOT NULL REFERENCES participant(id),"
	"  fact TEXT NOT NULL CHECK (fact = 'arrived' OR fact = 'absent' OR fact = 'cancelled'),"
	"  minutes_late INTEGER,"
	"  cancelled_at INTEGER,"
	"  reason TEXT NOT NULL DEFAULT '',"
	"  note TEXT NOT NULL DEFAULT '',"
	"  PRIMARY KEY (session_id, participant_id)"
	") WITHOUT ROWID;"
	"CREATE TABLE audit ("
	"  id INTEGER PRIMARY KEY,"
	"  at INTEGER NOT NULL,"
	"  actor TEXT NOT NULL,"
	"  cohort_id INTEGER,"
	"  action TEXT NOT NULL,"
	"  subject TEXT NOT NULL,"
	"  old TEXT,"
	"  new TEXT,"
	"  source TEXT NOT NULL DEFAULT ''"
	");"
	"CREATE INDEX audit_by_cohort ON audit (cohort_id, id);";

/*
 * Version 2: the policy engine. A cohort's policy settings (only those that
 * differ from the defaults), the notices of the ladder (a step is sent once per
 * participant, ever), and refund offers (at most one open per participant).
 */
static const char *const migration_2 =
	"CREATE TABLE policy_setting ("
	"  cohort_id INTEGER NOT NULL REFERENCES cohort(id),"
	"  key TEXT NOT NULL,"
	"  value TEXT NOT NULL,"
	"  PRIMARY KEY (cohort_id, key)"
	") WITHOUT ROWID;"
	"CREATE TABLE notice ("
	"  id INTEGER PRIMARY KEY,"
	"  cohort_id INTEGER NOT NULL REFERENCES cohort(id),"
	"  participant_id INTEGER NOT NULL REFERENCES participant(id),"
	"  step INTEGER NOT NULL CHECK (step >= 0),"
	"  kind TEXT NOT NULL,"
	"  points INTEGER NOT NULL,"
	"  sent_at INTEGER NOT NULL,"
	"  UNIQUE (participant_id, step)"
	");"
	"CREATE TABLE refund_offer ("
	"  id INTEGER PRIMARY KEY,"
	"  cohort_id INTEGER NOT NULL REFERENCES cohort(id),"
	"  participant_id INTEGER NOT NULL REFERENCES participant(id),"
	"  amount_cents INTEGER NOT NULL CHECK (amount_cents >= 0),"
	"  currency TEXT NOT NULL DEFAULT '',"
	"  origin TEXT NOT NULL CHECK (origin = 'ladder' OR origin = 'manual'),"
	"  offered_at INTEGER NOT NULL,"
	"  expires_at INTEGER NOT NULL,"
	"  state TEXT NOT NULL DEFAULT 'open'"
	"    CHECK (state = 'open' OR state = 'accepted' OR state = 'declined' OR state = 'expired'),"
	"  decided_at INTEGER"
	");"
	"CREATE UNIQUE INDEX refund_offer_one_open ON refund_offer (participant_id)"
	"  WHERE state = 'open';"
	"CREATE INDEX refund_offer_by_cohort ON refund_offer (cohort_id, id);";

/*
 * Version 3: the outbox. Each planned notice is stored as the complete message
 * it will send, with a Message-ID fixed for good; a ladder step is planned
 * once per participant, a session reminder once per session, participant
 * and offset.
 */
static const char *const migration_3 =
	"CREATE TABLE outbox ("
	"  id INTEGER PRIMARY KEY,"
	"  cohort_id INTEGER NOT NULL REFERENCES cohort(id),"
	"  participant_id INTEGER NOT NULL REFERENCES participant(id),"
	"  kind TEXT NOT NULL,"
	"  step INTEGER NOT NULL,"			/* -1: a session reminder */
	"  session_id INTEGER REFERENCES session(id),"	/* reminders: the session */
	"  offset_minutes INTEGER,"			/* reminders: how long before it */
	"  points INTEGER NOT NULL DEFAULT 0,"
	"  refund_cents INTEGER,"
	"  subject TEXT NOT NULL,"
	"  message BLOB NOT NULL,"
	"  message_id TEXT NOT NULL UNIQUE,"
	"  state TEXT NOT NULL DEFAULT 'pending' CHECK (state = 'pending' OR"
	"    state = 'sending' OR state = 'sent' OR state = 'retry' OR state = 'failed' OR"
	"    state = 'unknown' OR state = 'withdrawn'),"
	"  attempts INTEGER NOT NULL DEFAULT 0,"
	"  next_attempt_at INTEGER,"
	"  reply TEXT NOT NULL DEFAULT '',"
	"  planned_at INTEGER NOT NULL,"
	"  sent_at INTEGER"
	");"
	"CREATE UNIQUE INDEX outbox_one_step ON outbox (participant_id, step)"
	"  WHERE step >= 0 AND state <> 'withdrawn';"
	"CREATE UNIQUE INDEX outbox_one_reminder ON outbox"
	"  (session_id, participant_id, offset_minutes) WHERE session_id IS NOT NULL;"
	"CREATE INDEX outbox_by_cohort ON outbox (cohort_id, state, id);";

/*
 * Version 4: the coach's moves of sessions. A move after the old start's
 * cutoff counts on the coach's record like a late cancellation.
 */
static const char *const migration_4 =
	"CREATE TABLE session_move ("
	"  id INTEGER PRIMARY KEY,"
	"  session_id INTEGER NOT NULL REFERENCES session(id),"
	"  moved_at INTEGER NOT NULL,"
	"  old_starts_at INTEGER NOT NULL,"
	"  new_starts_at INTEGER NOT NULL"
	");"
	"CREATE INDEX session_move_by_session ON session_move (session_id);";

/* 5: a participant's request to move their place (a 1:1 moves the session itself), and
 * the coach's reviews at the ladder's last rung. */
static const char *const migration_5 =
	"CREATE TABLE reschedule ("
	"  id INTEGER PRIMARY KEY,"
	"  participant_id INTEGER NOT NULL REFERENCES participant(id),"
	"  from_session_id INTEGER NOT NULL REFERENCES session(id),"
	"  to_session_id INTEGER NOT NULL REFERENCES session(id),"
	"  asked_at INTEGER NOT NULL,"
	"  from_starts_at INTEGER NOT NULL,"
	"  to_starts_at INTEGER NOT NULL,"
	"  whole_session INTEGER NOT NULL DEFAULT 0 CHECK (whole_session IN (0, 1)),"
	"  note TEXT NOT NULL DEFAULT '',"
	"  moved_with INTEGER REFERENCES participant(id),"	/* a partner moved along:
								   whose request it was (not theirs) */
	"  undone_at INTEGER"	/* a 1:1 moved whole, moved back: kept so its person is told */
	");"
	"CREATE INDEX reschedule_by_from ON reschedule (from_session_id);"
	"CREATE INDEX reschedule_by_to ON reschedule (to_session_id);"
	/* the coach reviewed a participant at the coach-review rung, at their points then */
	"CREATE TABLE review ("
	"  id INTEGER PRIMARY KEY,"
	"  cohort_id INTEGER NOT NULL REFERENCES cohort(id),"
	"  participant_id INTEGER NOT NULL REFERENCES participant(id),"
	"  points INTEGER NOT NULL,"
	"  done_at INTEGER NOT NULL,"
	"  note TEXT NOT NULL DEFAULT ''"
	");"
	"CREATE INDEX review_by_participant ON review (participant_id);";

/*
 * 6: showup serve (to follow any step merged before it): the key that signs participants' links and the coach's login
 * tokens and browser sessions, each kept only as a hash (a stolen file opens
 * no session). The key row is one (id 1); rotating it replaces it.
 */
static const char *const migration_6 =
	"CREATE TABLE web_key ("
	"  id INTEGER PRIMARY KEY CHECK (id = 1),"
	"  key BLOB NOT NULL CHECK (length(key) = 32),"
	"  created_at INTEGER NOT NULL"
	");"
	"CREATE TABLE web_login ("
	"  hash BLOB PRIMARY KEY,"
	"  expires_at INTEGER NOT NULL,"
	"  used_at INTEGER"
	");"
	"CREATE TABLE web_session ("
	"  hash BLOB PRIMARY KEY,"
	"  last_seen INTEGER NOT NULL"
	");";

/*
 * Version 7: notices held by hand, and change notices. A held row stays
 * pending but never goes until released; one dropped by hand is withdrawn
 * and never planned again. A change notice (a session called
 * off or moved, a partner's cancellation) carries the key of the change it
 * tells: one live row per participant and change; a change superseded before
 * it went is withdrawn. A change of a session's length or place is kept with
 * what it was, beside its moves, so that people can be told.
 */
static const char *const migration_7 =
	"ALTER TABLE outbox ADD COLUMN held_at INTEGER;"
	"ALTER TABLE outbox ADD COLUMN dropped_at INTEGER;"
	"ALTER TABLE outbox ADD COLUMN change_key TEXT;"
	"CREATE UNIQUE INDEX outbox_one_change ON outbox (participant_id, change_key)"
	"  WHERE change_key IS NOT NULL AND state <> 'withdrawn';"
	"CREATE INDEX outbox_by_change ON outbox (change_key, participant_id)"
	"  WHERE change_key IS NOT NULL;"
	"CREATE TABLE session_change ("
	"  id INTEGER PRIMARY KEY,"
	"  session_id INTEGER NOT NULL REFERENCES session(id),"
	"  changed_at INTEGER NOT NULL,"
	"  old_minutes INTEGER NOT NULL,"
	"  old_location TEXT NOT NULL"
	");"
	"CREATE INDEX session_change_by_session ON session_change (session_id);";

/*
 * 8: the times a coach offers for 1:1 and practice sessions to move to: a
 * participant reschedules to one through their link, and it is taken.
 */
static const char *const migration_8 =
	"CREATE TABLE slot ("
	"  id INTEGER PRIMARY KEY,"
	"  cohort_id INTEGER NOT NULL REFERENCES cohort(id),"
	"  starts_at INTEGER NOT NULL,"
	"  UNIQUE (cohort_id, starts_at)"
	");";

/*
 * 9: what a participant told us is never lost by a correction. A cancellation,
 * an excuse or a reschedule replaced by the coach's mark is kept here, whole,
 * until an undo brings it back (restored_at); a reschedule whose place-left
 * fact was replaced is kept too, set aside by replaced_at rather than deleted.
 * A walk-in is marked on the session's list, so that an undo takes them off.
 */
static const char *const migration_9 =
	"CREATE TABLE attendance_replaced ("
	"  id INTEGER PRIMARY KEY,"
	"  session_id INTEGER NOT NULL REFERENCES session(id),"
	"  participant_id INTEGER NOT NULL REFERENCES participant(id),"
	"  fact TEXT NOT NULL,"
	"  minutes_late INTEGER,"
	"  cancelled_at INTEGER,"
	"  reason TEXT NOT NULL DEFAULT '',"
	"  note TEXT NOT NULL DEFAULT '',"
	"  replaced_at INTEGER NOT NULL,"
	"  reschedule_id INTEGER REFERENCES reschedule(id),"
	"  restored_at INTEGER"
	");"
	"CREATE INDEX attendance_replaced_by_place"
	"  ON attendance_replaced (session_id, participant_id);"
	"ALTER TABLE reschedule ADD COLUMN replaced_at INTEGER;"
	"ALTER TABLE expected ADD COLUMN walk_in INTEGER NOT NULL DEFAULT 0;";

/*
 * 10: an outbox row found by its person, whatever its state: whether a step
 * was ever planned (a dropped row counts, so outbox_one_step, which leaves
 * withdrawn rows out, cannot answer) and a person's unsent rows. Without it
 * each person planned reads the whole outbox.
 */
static const char *const migration_10 =
	"CREATE INDEX outbox_by_participant ON outbox (participant_id, step);";

/*
 * 11: a person's notices held by hand (notices hold --participant): those
 * planned, and those not planned yet, until released or until 'until_at'.
 */
static const char *const migration_11 =
	"CREATE TABLE notice_hold ("
	"  participant_id INTEGER PRIMARY KEY REFERENCES participant(id),"
	"  held_at INTEGER NOT NULL,"
	"  until_at INTEGER"				/* NULL: until released */
	");";

/* 12: the language a cohort is run in: what its participants read (cohort edit). */
static const char *const migration_12 =
	"ALTER TABLE cohort ADD COLUMN language TEXT NOT NULL DEFAULT 'en';";

/*
 * 13: people the coach put on a coaching or practice session's list after it
 * was made (session edit --with), and when: the others told of the session
 * before then hear who joins them.
 */
static const char *const migration_13 =
	"CREATE TABLE place_added ("
	"  id INTEGER PRIMARY KEY,"
	"  session_id INTEGER NOT NULL REFERENCES session(id),"
	"  participant_id INTEGER NOT NULL REFERENCES participant(id),"
	"  added_at INTEGER NOT NULL"
	");"
	"CREATE INDEX place_added_by_session ON place_added (session_id);";

/*
 * 14: the name a participant is greeted by, when it is not the one found in
 * their full name (call_name_default): '' means that default.
 */
static const char *const migration_14 =
	"ALTER TABLE participant ADD COLUMN call_name TEXT NOT NULL DEFAULT '';";

/*
 * 15: one message per person per plan. The rows stay one per notice (their
 * bookkeeping and withdrawal are each their own); when one plan finds several
 * for one person, the first (the main item) carries the one message that goes
 * and the others point to it by part_of, their own message left empty. A row
 * with an empty message and no part_of waits for the next plan to give it one
 * (a part of its message was withdrawn); it never goes as it is.
 */
static const char *const migration_15 =
	"ALTER TABLE outbox ADD COLUMN part_of INTEGER REFERENCES outbox(id);"
	"CREATE INDEX outbox_by_part ON outbox (part_of) WHERE part_of IS NOT NULL;";

/*
 * 16: a participant erased on request or by retention (participant erase,
 * retention): their words are a pseudonym, their link opens nothing.
 */
static const char *const migration_16 =
	"ALTER TABLE participant ADD COLUMN erased_at INTEGER;";

/*
 * 17: `notices run` with nothing to do reads indexes, not the messages. Who was
 * told of a change is answered by its index entries alone (state and dropped_at
 * in them); a session's moves and the rows waiting to go each have an index of
 * their own, holding only those rows. Without them each question reads rows of
 * some kilobytes: seconds at 200,000 notices.
 */
static const char *const migration_17 =
	"DROP INDEX outbox_by_change;"
	"CREATE INDEX outbox_by_change ON outbox (change_key, participant_id, state, dropped_at)"
	"  WHERE change_key IS NOT NULL;"
	"CREATE INDEX outbox_moves ON outbox (session_id) WHERE kind = 'session-moved';"
	"CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE state IN ('pending', 'retry');";

/*
 * 18: the coach as a recipient, and the participants' own changes. A row of
 * the outbox goes to its participant, or (participant_id NULL) to to_addr, the
 * coach: the weekly digest (change_key "digest:DATE"), a copy of a
 * participant's own change ("copy:ID"); one live row per cohort and key. The
 * table is built anew, its rows copied, for SQLite cannot drop a NOT NULL.
 * own_change keeps each move or cancellation a participant made through their
 * own link (the coach's commands on their behalf are not kept here): what the
 * coach is told of.
 */
static const char *const migration_18 =
	"CREATE TABLE outbox_new ("
	"  id INTEGER PRIMARY KEY,"
	"  cohort_id INTEGER NOT NULL REFERENCES cohort(id),"
	"  participant_id INTEGER REFERENCES participant(id),"
	"  kind TEXT NOT NULL,"
	"  step INTEGER NOT NULL,"
	"  session_id INTEGER REFERENCES session(id),"
	"  offset_minutes INTEGER,"
	"  points INTEGER NOT NULL DEFAULT 0,"
	"  refund_cents INTEGER,"
	"  subject TEXT NOT NULL,"
	"  message BLOB NOT NULL,"
	"  message_id TEXT NOT NULL UNIQUE,"
	"  state TEXT NOT NULL DEFAULT 'pending' CHECK (state = 'pending' OR"
	"    state = 'sending' OR state = 'sent' OR state = 'retry' OR state = 'failed' OR"
	"    state = 'unknown' OR state = 'withdrawn'),"
	"  attempts INTEGER NOT NULL DEFAULT 0,"
	"  next_attempt_at INTEGER,"
	"  reply TEXT NOT NULL DEFAULT '',"
	"  planned_at INTEGER NOT NULL,"
	"  sent_at INTEGER,"
	"  held_at INTEGER,"
	"  dropped_at INTEGER,"
	"  change_key TEXT,"
	"  to_addr TEXT,"
	"  part_of INTEGER REFERENCES outbox_new(id),"	/* "outbox" once renamed */
	"  CHECK ((participant_id IS NULL) <> (to_addr IS NULL))"
	");"
	"INSERT INTO outbox_new (id, cohort_id, participant_id, kind, step, session_id,"
	"  offset_minutes, points, refund_cents, subject, message, message_id, state, attempts,"
	"  next_attempt_at, reply, planned_at, sent_at, held_at, dropped_at, change_key, part_of)"
	"  SELECT id, cohort_id, participant_id, kind, step, session_id, offset_minutes, points,"
	"  refund_cents, subject, message, message_id, state, attempts, next_attempt_at, reply,"
	"  planned_at, sent_at, held_at, dropped_at, change_key, part_of FROM outbox;"
	"DROP TABLE outbox;"
	"ALTER TABLE outbox_new RENAME TO outbox;"
	"CREATE UNIQUE INDEX outbox_one_step ON outbox (participant_id, step)"
	"  WHERE step >= 0 AND state <> 'withdrawn';"
	"CREATE UNIQUE INDEX outbox_one_reminder ON outbox"
	"  (session_id, participant_id, offset_minutes) WHERE session_id IS NOT NULL;"
	"CREATE INDEX outbox_by_cohort ON outbox (cohort_id, state, id);"
	"CREATE UNIQUE INDEX outbox_one_change ON outbox (participant_id, change_key)"
	"  WHERE change_key IS NOT NULL AND state <> 'withdrawn';"
	"CREATE INDEX outbox_by_change ON outbox (change_key, participant_id, state, dropped_at)"
	"  WHERE change_key IS NOT NULL;"
	"CREATE INDEX outbox_moves ON outbox (session_id) WHERE kind = 'session-moved';"
	"CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE state IN ('pending', 'retry');"
	"CREATE INDEX outbox_by_participant ON outbox (participant_id, step);"
	"CREATE INDEX outbox_by_part ON outbox (part_of) WHERE part_of IS NOT NULL;"
	"CREATE UNIQUE INDEX outbox_one_to_coach ON outbox (cohort_id, change_key)"
	"  WHERE participant_id IS NULL AND state <> 'withdrawn';"
	"CREATE TABLE own_change ("
	"  id INTEGER PRIMARY KEY,"
	"  cohort_id INTEGER NOT NULL REFERENCES cohort(id),"
	"  participant_id INTEGER NOT NULL REFERENCES participant(id),"
	"  session_id INTEGER NOT NULL REFERENCES session(id),"	/* where their place is now */
	"  what TEXT NOT NULL CHECK (what = 'cancel' OR what = 'move'),"
	"  from_starts_at INTEGER,"	/* a move: the start it left */
	"  whole_session INTEGER NOT NULL DEFAULT 0,"	/* a 1:1 moved itself */
	"  at INTEGER NOT NULL"
	");"
	"CREATE INDEX own_change_by_cohort ON own_change (cohort_id, at);";

/*
 * 19: a planned program. series: the sessions one command made at once
 * (session add --every, session pairs) share the number of the first of them,
 * so a series can be moved or cancelled from one session on (session edit
 * --and-later); NULL for a session made on its own. optional: nobody is
 * expected (a make-up, an open clinic), attendance is kept and gives no points.
 */
static const char *const migration_19 =
	"ALTER TABLE session ADD COLUMN series INTEGER CHECK (series > 0);"
	"ALTER TABLE session ADD COLUMN optional INTEGER NOT NULL DEFAULT 0"
	"  CHECK (optional = 0 OR optional = 1);"
	"CREATE INDEX session_by_series ON session (cohort_id, series) WHERE series IS NOT NULL;";

/*
 * 20: the coach's remembered devices ("remember this phone"): the hash
 * of a long-lived token a browser keeps, which starts a fresh session after the
 * idle limit until it expires (30 days) or is revoked (serve --revoke, or every
 * one by serve --rotate-key); the label is the browser's own name, to tell them apart.
 */
static const char *const migration_20 =
	"CREATE TABLE web_device ("
	"  id INTEGER PRIMARY KEY,"
	"  hash BLOB NOT NULL UNIQUE,"
	"  label TEXT NOT NULL DEFAULT '',"
	"  created_at INTEGER NOT NULL,"
	"  last_seen INTEGER NOT NULL,"
	"  expires_at INTEGER NOT NULL"
	");";

/*
 * 21: places and a waiting list. A session with a capacity (0: none) holds
 * that many places: its people are those on its list (a group session too),
 * a cancelled place is free again. Who asked for a place when none was free
 * waits, first come first placed; placed_at is when a freed place went to
 * them (they are told once), left_at when they left the list unplaced.
 */
static const char *const migration_21 =
	"ALTER TABLE session ADD COLUMN capacity INTEGER NOT NULL DEFAULT 0"
	"  CHECK (capacity >= 0);"
	"CREATE TABLE waiting ("
	"  id INTEGER PRIMARY KEY,"
	"  session_id INTEGER NOT NULL REFERENCES session(id),"
	"  participant_id INTEGER NOT NULL REFERENCES participant(id),"
	"  asked_at INTEGER NOT NULL,"
	"  placed_at INTEGER,"
	"  left_at INTEGER"
	");"
	"CREATE INDEX waiting_by_session ON waiting (session_id, id);";

/*
 * 22: the language a participant reads, when it is not their cohort's
 * (participant add/edit --language): NULL means the cohort's.
 */
static const char *const migration_22 =
	"ALTER TABLE participant ADD COLUMN language TEXT;";

/*
 * 23 (to follow any step merged before it): where the last 'showup serve'
 * started is reached (its public URL, else the address it listens on, with the
 * port it really got), so that serve --link and --login print links to it.
 */
static const char *const migration_23 =
	"CREATE TABLE web_server ("
	"  id INTEGER PRIMARY KEY CHECK (id = 1),"
	"  base_url TEXT NOT NULL,"
	"  started_at INTEGER NOT NULL"
	");";

const char *const schema_migrations[] = { migration_1, migration_2, migration_3, migration_4,
	migration_5, migration_6, migration_7, migration_8, migration_9, migration_10,
	migration_11, migration_12, migration_13, migration_14, migration_15, migration_16,
	migration_17, migration_18, migration_19, migration_20, migration_21, migration_22,
	migration_23 };
const int schema_migration_count =
	(int)(sizeof schema_migrations / sizeof schema_migrations[0]);

_Static_assert(ARRAY_SIZE(schema_migrations) == STORE_SCHEMA_VERSION,
    "STORE_SCHEMA_VERSION must count the migration steps");
