/* SPDX-License-Identifier: Apache-2.0 */
/* model.h - cohorts, participants, sessions and attendance facts in the store
 * (their plain data types are in types.h, which knows no store). */
#ifndef SHOWUP_MODEL_H
#define SHOWUP_MODEL_H

#include <stddef.h>
#include <stdint.h>

#include "showup/policy.h"
#include "showup/store.h"
#include "showup/types.h"
#include "showup/util.h"

struct policy;

/* --- names and checks ----------------------------------------------------- */

/* Returns the kind's name ("group") or parses one (-1 if unknown; prefixes allowed). */
const char *session_kind_name(enum session_kind k);
int session_kind_parse(const char *s);
const char *fact_name(enum fact f);

/* --- cohorts ---------------------------------------------------------------- */

/* Checks and adds a cohort (audited); returns its id, or -1 with 'e' set. */
int64_t cohort_add(struct store *st, const struct cohort *c, su_err *e);
/* Updates every field but the slug of an existing cohort, auditing what changed; 0 unchanged, 1 changed, -1 error. */
int cohort_update(struct store *st, const struct cohort *old, const struct cohort *c, su_err *e);
/* Checks a cohort's fields (slug, e-mail, zone, dates, language); 0 or -1 with 'e' set. */
int cohort_check(const struct cohort *c, su_err *e);
/* Finds a cohort by slug (any case). Returns 1 found, 0 not found (with a message in 'e'), -1 error. */
int cohort_find(struct store *st, const char *slug, struct cohort *out, su_err *e);
int cohort_list_all(struct store *st, struct cohort_list *out, su_err *e);
void cohort_free(struct cohort *c);
void cohort_list_free(struct cohort_list *l);

/* What a cohort holds, counted: people by status, sessions by the engine's rule. */
struct cohort_stats {
	size_t active, withdrawn;	/* participants */
	size_t sessions, held, cancelled, to_come;	/* held: started and not called off */
};
/* Counts cohort c's people and sessions as of 'now'; 0, or -1 with 'e' set. */
int cohort_stats(struct store *st, const struct cohort *c, int64_t now,
    struct cohort_stats *out, su_err *e);

/* --- participants ----------------------------------------------------------- */

/* Adds a participant (audited); returns the id, or -1 with 'e' set (bad e-mail, e-mail taken). */
int64_t participant_add(struct store *st, const struct cohort *c, const char *name,
    const char *email, const char *company, su_err *e);
/*
 * Updates the name, e-mail address and company of 'old' if they differ
 * (audited). Every record stays with the person; notices not sent yet go to
 * the new name and address. 0 unchanged, 1 changed, -1 with 'e' set (a bad
 * field, an address another participant has).
 */
int participant_update(struct store *st, const struct cohort *c, const struct participant *old,
    const char *name, const char *email, const char *company, su_err *e);
/*
 * Sets the name participant p is greeted by ("" for the default one, found in
 * their name), audited; 1 changed, 0 the same already, -1 with 'e' set.
 */
int participant_set_call_name(struct store *st, const struct cohort *c,
    const struct participant *p, const char *call_name, su_err *e);
/* Sets the language p reads ("de"; "" for their cohort's), audited; 1 changed, 0 as it
 * was, -1 with 'e' set (a language showup does not speak). */
int participant_set_language(struct store *st, const struct cohort *c,
    const struct participant *p, const char *lang, su_err *e);
/* Returns the language p reads: their own, else their cohort's (NULL: English). */
const char *participant_language(const struct participant *p, const struct cohort *c);
/* Returns the name p is greeted by: their call name, else call_name_default; caller frees. */
char *participant_call_name(const struct participant *p);
/* Brings back a participant who withdrew by mistake (audited); 0, or -1 with 'e' set. */
int participant_reinstate(struct store *st, const struct cohort *c, const struct participant *p,
    su_err *e);
/* Finds by e-mail without case; 1 found, 0 not found (message in 'e'), -1 error. */
int participant_find(struct store *st, const struct cohort *c, const char *email,
    struct participant *out, su_err *e);
/* Lists a cohort's participants by name; withdrawn ones only if 'all'. */
int participant_list_all(struct store *st, int64_t cohort_id, int all,
    struct participant_list *out, su_err *e);
/* Withdraws a participant as of 'when' (audited); 0, or -1 with 'e' set (already withdrawn). */
int participant_withdraw(struct store *st, const struct cohort *c,
    const struct participant *p, int64_t when, su_err *e);
void participant_free(struct participant *p);
void participant_list_free(struct participant_list *l);

/* --- sessions --------------------------------------------------------------- */

/* The most places a session may hold (--capacity). */
#define SESSION_CAPACITY_MAX 10000
/* Returns 1 if session s expects every active participant (a group session with no
 * capacity), 0 if it expects those on its list. Pure. */
int session_expects_everyone(const struct session *s);

/* Returns the number the next new session of the cohort gets. */
int session_next_number(struct store *st, int64_t cohort_id, su_err *e);
/* s->series of the first session of a series: it gets the session's own number. */
#define SESSION_SERIES_FIRST (-1)
/*
 * Adds a session (s->number 0 takes the next free number; audited) expecting
 * the participants 'with' (coaching and practice only), in series s->series
 * (0: none, SESSION_SERIES_FIRST: a new one). Returns its number, or -1.
 */
int session_add(struct store *st, const struct cohort *c, const struct session *s,
    const int64_t *with, size_t nwith, su_err *e);
/* Finds session 'number'; 1 found, 0 not found (message in 'e'), -1 error. */
int session_find(struct store *st, const struct cohort *c, int number,
    struct session *out, su_err *e);
int session_list_all(struct store *st, int64_t cohort_id, struct session_list *out, su_err *e);
/* Lists the cohort's sessions that start at 'starts_at' (parallel ones), by number. */
int session_list_at(struct store *st, const struct cohort *c, int64_t starts_at,
    struct session_list *out, su_err *e);
/*
 * Lists the sessions of s's series from s on (s among them, unless cancelled):
 * those not called off that start at or after s, by time. 0, or -1 with 'e'
 * set (s is no session of a series).
 */
int session_series_from(struct store *st, const struct cohort *c, const struct session *s,
    struct session_list *out, su_err *e);
/* Records that the coach cancelled the session at 'when' (audited). */
int session_cancel(struct store *st, const struct cohort *c, const struct session *s,
    int64_t when, const char *note, su_err *e);
/* Updates a session's time, length, kind, title, location and expected list, auditing changes; 0 unchanged, 1 changed. */
int session_update(struct store *st, const struct cohort *c, const struct session *old,
    const struct session *s, const int64_t *with, size_t nwith, su_err *e);
/* Returns the e-mails of participants 'with', "a@x, b@y" (for the audit log); the caller frees it. */
char *session_with_describe(struct store *st, const int64_t *with, size_t nwith);
/* Brings back a session the coach called off by mistake (audited); 0, or -1 with 'e' (not cancelled). */
int session_uncancel(struct store *st, const struct cohort *c, const struct session *s,
    su_err *e);
/* Deletes a session that has no records yet (no attendance, no notices; audited); 0 or -1. */
int session_delete(struct store *st, const struct cohort *c, const struct session *s,
    su_err *e);
/*
 * Notes that the coach moved session 'old' to 'new_start' at 'when' (the
 * engine judges a move after the old start's cutoff like a late cancellation
 * by the coach). The caller updates the session itself. 0 or -1.
 */
int session_record_move(struct store *st, const struct cohort *c, const struct session *old,
    int64_t new_start, int64_t when, su_err *e);
/* Names participant 'participant_id' on (or takes them off) coaching or practice
 * session s's list, without an audit entry (the caller's change has one); 0 or -1. */
int session_list_add(struct store *st, const struct session *s, int64_t participant_id,
    su_err *e);
int session_list_remove(struct store *st, const struct session *s, int64_t participant_id,
    su_err *e);
/* The participant ids a coaching or practice session names, ascending. */
int session_expected_ids(struct store *st, int64_t session_id, int64_t **ids,
    size_t *n, su_err *e);
/*
 * Makes 'p' one of a coaching or practice session's people if not expected
 * already: a walk-in (audited); 0, or -1 with 'e' set (a group session).
 */
int session_walk_in(struct store *st, const struct cohort *c, const struct session *s,
    const struct participant *p, su_err *e);
/* Takes walk-in 'p' off session s's people again (audited): 1, 0 if p was no walk-in, -1. */
int session_walk_in_undo(struct store *st, const struct cohort *c, const struct session *s,
    const struct participant *p, su_err *e);
/* Returns 1 if participant 'p' is expected at session 's' (group: active then; else named). */
int session_expects(struct store *st, const struct session *s, const struct participant *p,
    su_err *e);
void session_free(struct session *s);
void session_list_free(struct session_list *l);

/* --- attendance facts ------------------------------------------------------ */

/* Reads the fact for (session, participant); 1 found, 0 none, -1 error. */
int attendance_get(struct store *st, int64_t session_id, int64_t participant_id,
    struct attendance *out, su_err *e);
/*
 * Records a fact, replacing any earlier one; the audit log keeps old and new.
 * The log names the record by session and participant ("spring26:3
 * ana@example.com"), whose ids 'a' holds. A NULL a->note keeps the stored
 * note. Returns 0 if nothing changed, 1 if added, 2 if an earlier fact was
 * corrected (and 'change', if not NULL, then holds both described), -1 with
 * 'e' set.
 */
struct attendance_change {
	char *before, *after;	/* the facts described; the caller frees them */
};
int attendance_set(struct store *st, const struct cohort *c, const struct session *s,
    const struct participant *p, const struct attendance *a,
    struct attendance_change *change, su_err *e);
/*
 * attendance_set for a caller that holds the stored fact already: 'old' is
 * it (its ids unused), NULL if none is stored. Saves reading it back (and,
 * for a fact that is the same, writes nothing at all).
 */
int attendance_set_known(struct store *st, const struct cohort *c, const struct session *s,
    const struct participant *p, const struct attendance *a, const struct attendance *old,
    struct attendance_change *change, su_err *e);
/*
 * Refuses a reschedule read from a file ('a', with 'stored' the fact stored
 * for the place, NULL if none): only the same reschedule read back (its note
 * may change) may come in that way; a new one is recorded with the place it
 * moved to. 0, or -1 with 'e'.
 */
int attendance_check_reschedule(const struct attendance *a, const struct attendance *stored,
    su_err *e);
/* What a record may do over what is stored (attendance_record, attendance_clear). */
enum record_flags {
	RECORD_REPLACE = 1,	/* may replace what the participant told us: a
				   cancellation, an excuse, a reschedule */
	RECORD_WALK_IN = 2,	/* someone not expected came: they join the session's
				   people (a 1:1 or practice session) first */
	RECORD_NEW_ONLY = 4,	/* the participant's own link: refused over any record;
				   a cancellation is noted for the coach (own_change_cancel) */
};
/* What attendance_record returns when it refuses to replace what the participant told us. */
#define ATTENDANCE_THEIR_WORD (-3)

/* Returns 1 if fact 'a' is one the participant gave (a cancellation, an excuse, a reschedule). Pure. */
int attendance_is_their_word(const struct attendance *a);
/*
 * Describes fact 'a' at session s in words for people, judged by the policy:
 * "cancelled in time on Sun 12 Sep 09:00 (travel)", "excused (medical)",
 * "moved their place on ...", "late 12 min", "no-show"; the note after a
 * semicolon. Pure; the caller frees it.
 */
char *attendance_in_words(const struct policy *pol, const char *tz, const struct session *s,
    const struct attendance *a);
/*
 * Describes fact 'a' at session s in the few words of a card or a list, judged
 * by the policy (outcome_of): "present", "late 12 min", "no-show", "excused,
 * medical", "cancelled in time, Sun 12 Sep, travel", "cancelled late, Sun 12
 * Sep 20:00, work", "moved in time, Sun 12 Sep"; the note after a semicolon; in
 * this thread's language (lang_use). Sets *o to the outcome. Pure but for the zone;
 * the caller frees it.
 */
char *attendance_short_words(const struct policy *pol, const char *tz,
    const struct session *s, const struct attendance *a, enum outcome *o);
/*
 * Reads what p told us about s, if anything (a cancellation, an excuse, a
 * reschedule): 1 with *words (attendance_in_words, the caller frees it), 0
 * none, -1 with 'e' set.
 */
int attendance_their_word(struct store *st, const struct cohort *c, const struct policy *pol,
    const struct session *s, const struct participant *p, char **words, su_err *e);
/*
 * Clears what was recorded for p at s (audited). Where the record replaced
 * what p told us, that comes back whole (time, reason, note): 2. Else back to
 * not recorded, 0, and a walk-in leaves the session's people again; with
 * nothing recorded, a 1:1 p moved whole goes back (reschedule_undo_whole), 1.
 * What p told us is cleared only with RECORD_REPLACE in 'flags'. -1 with 'e' set.
 */
int attendance_clear(struct store *st, const struct cohort *c, const struct session *s,
    const struct participant *p, unsigned flags, su_err *e);
/* All facts of a cohort's sessions, in no particular order (callers index them). */
int attendance_list_all(struct store *st, int64_t cohort_id, struct attendance_list *out,
    su_err *e);
/*
 * Called with each fact in turn; its strings hold during the call only. Returns
 * 0 to go on, or -1 (with 'e' set) to stop.
 */
typedef int (*attendance_fn)(void *arg, const struct attendance *a, su_err *e);
/* Calls 'fn' with each fact of a cohort's sessions, in no particular order; 0 or -1. */
int attendance_each(struct store *st, int64_t cohort_id, attendance_fn fn, void *arg,
    su_err *e);
/* Calls 'fn' with each fact of one session, in no particular order; 0 or -1. */
int attendance_each_of_session(struct store *st, int64_t session_id, attendance_fn fn,
    void *arg, su_err *e);
/* A fact as people and files state it: a status word and its details, all text. */
struct fact_spec {
	const char *status;	/* present, late, no-show, excused, cancelled (and aliases) */
	const char *minutes;	/* late: minutes late */
	const char *cancelled_at; /* cancelled: when, local to the cohort unless offset */
	int64_t cancelled_ts;	/* cancelled, when cancelled_at is NULL: when, UTC */
	const char *reason;	/* cancelled, excused: a reason code */
	const char *note;
};

/*
 * Builds the fact a spec states, checking it against the policy's reason codes
 * (a cancellation needs a known code, an excuse an accepted one). Returns 0 with
 * 'out' filled (free with attendance_free), or -1 with 'e' set.
 */
int fact_build(const struct policy *p, const char *tz, const struct fact_spec *spec,
    struct attendance *out, su_err *e);
/* Checks a fact against its session's timing (no arrival before the start); 0 or -1. */
int fact_check_timing(const struct attendance *a, const struct session *s, int64_t now,
    su_err *e);
/*
 * Refuses, in 'e', to put fact 'a' over 'old' (stored for p at s, NULL if
 * none) where 'flags' do not allow it: over any record with RECORD_NEW_ONLY
 * (-1), over what p told us without RECORD_REPLACE (ATTENDANCE_THEIR_WORD).
 * 0 allowed. Pure: every way of recording asks it.
 */
int attendance_check_replace(const struct cohort *c, const struct policy *pol,
    const struct session *s, const struct participant *p, const struct attendance *a,
    const struct attendance *old, unsigned flags, su_err *e);
/*
 * Records fact 'a' for participant 'p' at session 's' as 'flags' allow (enum
 * record_flags): checks that p is expected (or makes them a walk-in), the
 * timing, and that nothing p told us is replaced without RECORD_REPLACE (the
 * replaced fact is kept, for attendance_clear to bring back); stores it,
 * audited. Every front end records through it or attendance_record. The caller
 * holds the transaction. Returns attendance_set's 0/1/2, ATTENDANCE_THEIR_WORD
 * (refused for that reason, said in 'e'), or -1 with 'e'.
 */
int attendance_record_fact(struct store *st, const struct cohort *c, const struct policy *pol,
    const struct session *s, const struct participant *p, const struct attendance *a,
    unsigned flags, int64_t now, su_err *e);
/* Builds the fact 'spec' states (fact_build) and records it (attendance_record_fact). */
int attendance_record(struct store *st, const struct cohort *c, const struct policy *pol,
    const struct session *s, const struct participant *p, const struct fact_spec *spec,
    unsigned flags, int64_t now, su_err *e);
/* The status word that fact_build reads back: "present", "late", "no-show", "excused", "cancelled". */
const char *fact_status_word(const struct attendance *a);

/* Describes a fact for people and the log: "present", "late 12 min", "cancelled 2027-03-01 08:00 (work)". */
char *attendance_describe(const struct attendance *a, const char *tz);
void attendance_free(struct attendance *a);
void attendance_list_free(struct attendance_list *l);

/* --- reschedules ------------------------------------------------------------ */

/* Where a participant asks to move their place: an existing session, or a new time. */
struct reschedule_to {
	const struct session *session;	/* a session of the same cohort, or NULL */
	int64_t starts_at;		/* with no session: the new start, UTC */
};

/* What a reschedule did with the place. */
enum reschedule_kind {
	RESCHEDULE_TO_SESSION = 1,	/* it moved to an existing session */
	RESCHEDULE_NEW_SESSION,		/* a new session like it opened at the new time,
					   with the same people (partners move along) */
	RESCHEDULE_MOVED_SESSION,	/* a 1:1: the session itself moved */
};

/*
 * Records that participant p asked at 'asked_at' to move their place at
 * session 'from' to 'to' (a group session's place moves only to another
 * session). The place left is recorded as a cancellation with the reason
 * POLICY_RESCHEDULE_REASON, which the engine judges against the cutoff of the
 * start it left (a 1:1 moved whole keeps its own record; the request is in the
 * reschedule table for the engine). In the caller's transaction, audited.
 * Returns the reschedule_kind with *to_number the session the place is at now,
 * or -1 with 'e' set.
 */
int reschedule_record(struct store *st, const struct cohort *c, const struct session *from,
    const struct participant *p, const struct reschedule_to *to, int64_t asked_at,
    const char *note, int *to_number, su_err *e);

/*
 * Takes back the latest request of p that moved 1:1 session 's' whole: the
 * session goes back to the start it left (audited as an unmark; the request is
 * kept, marked undone, so that its person is told). 1 done, 0 if there is
 * none, -1 with 'e' set (the session moved again since).
 */
int reschedule_undo_whole(struct store *st, const struct cohort *c, const struct session *s,
    const struct participant *p, su_err *e);

/* Offers 'starts_at' as a time a 1:1 or practice place may move to (audited); 0 or -1. */
int slot_add(struct store *st, const struct cohort *c, int64_t starts_at, su_err *e);
/* Withdraws the offer of 'starts_at' (audited); 0, or -1 with 'e' (none offered then). */
int slot_remove(struct store *st, const struct cohort *c, int64_t starts_at, su_err *e);
/* The times offered that start after 'after', earliest first, into *v (n, to free); 0 or -1. */
int slot_list(struct store *st, const struct cohort *c, int64_t after, int64_t **v,
    size_t *n, su_err *e);
/*
 * Moves p's place at coaching or practice session 'from' to the offered time
 * 'starts_at' (reschedule_record with a new time, asked at 'now'), takes the
 * offer, and notes the move as the participant's own (own_change_move, for the
 * coach). In the caller's transaction. The reschedule_kind, or -1 with 'e'
 * (no such offer, or one that has passed).
 */
int reschedule_to_slot(struct store *st, const struct cohort *c, const struct session *from,
    const struct participant *p, int64_t starts_at, int64_t now, const char *note,
    int *to_number, su_err *e);
/*
 * Returns 1 if p may not move their place at session s to a new time alone:
 * it would take partners along, and policy 'pol' wants their word first
 * (reschedule.pairs off); 0 if they may, or -1 with 'e' set.
 */
int reschedule_pair_refused(struct store *st, const struct policy *pol, const struct session *s,
    const struct participant *p, su_err *e);

/* --- audit log ------------------------------------------------------------- */

struct audit_entry {
	int64_t id;
	int64_t at;
	char *actor;
	char *cohort_slug;	/* "" when the cohort is gone or none */
	char *action;
	char *subject;
	char *old_value;	/* "" when none */
	char *new_value;
	char *source;
};
struct audit_list { struct audit_entry *v; size_t n; };

/* Returns 1 if audit_add would write an entry with (1) or without (0) an old value. */
int audit_wanted(const struct store *st, int has_old_value);
/*
 * Appends one entry (now, the store's actor and source); 0 or -1 with 'e' set.
 * While the store summarises additions (an import), an entry with no old value
 * is left to the import's summary entry; changes of old values are always kept.
 */
int audit_add(struct store *st, int64_t cohort_id, const char *action,
    const char *subject, const char *old_value, const char *new_value, su_err *e);
/* The newest 'limit' entries (all if 0) of a cohort (or all if cohort_id 0), oldest first. */
int audit_list_recent(struct store *st, int64_t cohort_id, size_t limit,
    struct audit_list *out, su_err *e);
void audit_list_free(struct audit_list *l);
/* Says one entry in words ("session spring26:4 moved from Thu ... to Fri ..."); the caller frees it. */
char *audit_sentence(const struct audit_entry *a);

#endif
