/* SPDX-License-Identifier: Apache-2.0 */
/* policy.h - the attendance policy and the outcome engine (pure: no I/O). */
#ifndef SHOWUP_POLICY_H
#define SHOWUP_POLICY_H

#include <stddef.h>
#include <stdint.h>

#include "showup/types.h"
#include "showup/util.h"
#include "showup/timeutil.h"

/* The one outcome of an expected attendance, or why there is none (yet). */
enum outcome {
	OUTCOME_NOT_EXPECTED,	/* not on this session's list */
	OUTCOME_NOT_HELD,	/* the coach cancelled the session */
	OUTCOME_UPCOMING,	/* the session has not started, nothing recorded */
	OUTCOME_UNRECORDED,	/* the session started, nothing recorded yet */
	OUTCOME_PRESENT,
	OUTCOME_LATE,
	OUTCOME_CANCELLED,
	OUTCOME_LATE_CANCEL,
	OUTCOME_NO_SHOW,
	OUTCOME_EXCUSED,
	OUTCOME_RESCHEDULED,	/* moved their place in time: a commitment kept */
	OUTCOME_COUNT
};

enum cutoff_kind {
	CUTOFF_DAY_BEFORE,	/* a local time of day on the day before the session */
	CUTOFF_HOURS,		/* a number of hours before the start */
};

#define POLICY_MAX_REASONS 16
#define POLICY_REASON_LEN 32
#define POLICY_MAX_STEPS 8
#define POLICY_MAX_REMINDERS 4
#define POLICY_KIND_LEN 32
/* The final rung: no mail; the coach reviews, again at every further point. */
#define POLICY_COACH_REVIEW "coach-review"
/* The reason a reschedule records on the place it leaves; no policy may use it. */
#define POLICY_RESCHEDULE_REASON "rescheduled"
/* The reasons an erased record keeps (privacy_erase): only their class, as judged. */
#define POLICY_REASON_EXCUSED "excused"
#define POLICY_REASON_NOT_EXCUSED "not-excused"

/* How the refund offered with the ladder's last step is reckoned. */
enum refund_rule {
	REFUND_FULL,		/* the whole fee (default) */
	REFUND_PRORATED,	/* the fee times the share of sessions not yet held */
	REFUND_NONE,		/* no refund is offered */
};

/* One rung of the ladder: at 'threshold' points the notice 'kind' is due, once. */
struct ladder_step {
	int threshold;
	char kind[POLICY_KIND_LEN];	/* "policy-reminder", "warning", "final-notice" */
};

struct policy {
	enum cutoff_kind cutoff_kind;
	int cutoff_minute;	/* CUTOFF_DAY_BEFORE: minutes after local midnight */
	int cutoff_hours;	/* CUTOFF_HOURS */
	int grace_minutes;	/* lateness up to this still counts present */
	char accepted[POLICY_MAX_REASONS][POLICY_REASON_LEN];	/* emergencies */
	size_t n_accepted;
	char other[POLICY_MAX_REASONS][POLICY_REASON_LEN];	/* recorded, not accepted */
	size_t n_other;
	int points[OUTCOME_COUNT];
	int late_threshold;	/* a late arrival more than this many minutes late adds
				   late_arrival_points; -1: off (the default) */
	int late_arrival_points;
	/* thresholds rise; the last mailed step offers the refund; a final coach-review
	   step (implied one point above the last if not written) sends nothing */
	struct ladder_step ladder[POLICY_MAX_STEPS + 1];
	size_t n_steps;
	enum refund_rule refund;
	int refund_days;	/* how long an offer stays open */
	int forgive_days;	/* points older than this no longer count; 0: never forgiven */
	int left_early_percent;	/* a stay under this share of the session is noted as leaving early */
	int reminders[POLICY_MAX_REMINDERS];	/* minutes before a session a reminder goes */
	size_t n_reminders;			/* 0: no reminders (the default) */
	int invitations;	/* 1: a calendar invitation as someone becomes expected */
	int reminder_quiet_hours;	/* no session reminder whose time comes within this
					   many hours of a change notice or invitation of the
					   same session to the same person (0: off) */
	char templates[256];	/* the cohort's own folder of notice templates; "" the installed */
	enum date_order date_order;	/* how its files write dates; UNKNOWN: by the time zone */
	int reschedule_max;	/* in-time reschedules a participant may make; -1: no limit */
	int pair_moves;		/* 1: one partner's move of a pair to a new time takes the
				   others along; 0 (the default): refused, theirs to agree */
	int review_minute;	/* a ladder notice waits for the coach's look until this
				   minute of the day after the session (-1: review_hours) */
	int review_hours;	/* ... or this many hours after its end (0 with
				   review_minute -1: no wait) */
	int digest_day;		/* the coach's weekly digest: its weekday, 0 Monday ..
				   6 Sunday; -1: none (the default) */
	int digest_minute;	/* ... at this minute of that day, local time */
	int coach_copies;	/* 1: each participant's own move or cancellation is
				   copied to the coach */
	int retention_months;	/* months after the cohort's end its people are erased
				   (showup retention); 0: kept (the default) */
};

/* What the engine needs to know about one expected attendance. */
struct outcome_input {
	int expected;			/* 1 if the participant was expected */
	int session_cancelled;		/* the coach cancelled the session */
	int optional;			/* an optional session: nobody is expected, who
					   comes is present (or late) and the rest not
					   expected, so nobody's absence counts */
	int64_t starts_at;		/* UTC */
	int64_t cutoff;			/* UTC: a cancellation at or before it is on time */
	int64_t now;			/* UTC */
	const struct attendance *fact;	/* NULL or FACT_NONE: nothing recorded */
	enum outcome reschedule_verdict;	/* a reschedule's: its request's verdict
						   (engine_judge_reschedules); 0: judged
						   from the fact alone */
};

/*
 * Returns when a ladder notice brought by a session that ended at 'ends_at'
 * may go (notices.review): the morning after in the cohort's zone, some hours
 * after, or 0 with no wait. Pure (the zone loaded once).
 */
int64_t policy_review_at(const struct policy *p, const char *tz, int64_t ends_at);

/* Returns the step of p's ladder that sends notice 'kind', or -1. */
int policy_step_of(const struct policy *p, const char *kind);
/*
 * Reads the digest setting: "none" or "off" (*day -1), or a weekday and a
 * local time, "mon 08:00" (a day's first three letters or its whole English
 * name, any case; H:MM or HH:MM) into *day (0 Monday .. 6 Sunday) and *minute.
 * Pure. 0, or -1 with *day and *minute unchanged.
 */
int policy_digest_parse(const char *value, int *day, int *minute);
/*
 * Returns the latest moment at or before 'now' the weekly digest of p is due
 * (its weekday and local time in zone 'tz'), or 0 when it is off or the zone
 * cannot be used. Pure (the zone loaded once).
 */
int64_t policy_digest_at(const struct policy *p, const char *tz, int64_t now);

/* Returns the index of the ladder's final coach-review step, or -1 if it has none. */
int policy_review_step(const struct policy *p);
/* Returns the number of ladder steps that are mailed: all but a final coach-review. */
size_t policy_mail_steps(const struct policy *p);
/* Returns 1 if ladder step k carries the refund offer: the last mailed step. */
int policy_offer_step(const struct policy *p, int k);

/* Returns the date order cohort files are read in: the setting, else the zone's region's. */
enum date_order policy_date_order(const struct policy *p, const char *tz);

/* Fills 'p' with the defaults doc/policy.md states. */
void policy_default(struct policy *p);

/*
 * Applies one setting as 'showup policy set' takes it, by its row of
 * policy_settings[] (a points.OUTCOME misspelt is named back). Returns 0, or
 * -1 with 'e' set and 'p' unchanged.
 */
int policy_apply(struct policy *p, const char *key, const char *value, su_err *e);
/* Applies n settings together, checking the whole only at the end (a stored policy). */
int policy_apply_many(struct policy *p, const char *const *keys, const char *const *values,
    size_t n, su_err *e);
/* Appends the value of setting 'key' as policy_apply reads it; -1 if no such key. */
int policy_value(const struct policy *p, const char *key, struct strbuf *out);

/*
 * One row per setting, as Redis's static_configs[]: its key, what a value
 * looks like, its default, how it is read and written back, and its help.
 * policy_apply and policy_value go through it; 'policy show', 'policy set
 * -h', shell completion and doc/policy.md's list of settings walk it.
 */
struct policy_setting {
	const char *key;	/* "refund.days" */
	const char *type;	/* its values: "full|prorated|none", "DAYS" */
	const char *dflt;	/* policy_default's value, as 'print' writes it */
	const char *help;	/* one sentence, lower case, no full stop */
	/* Reads 'value' into p; 0, or -1 with 'e' set (p may be half-changed). */
	int (*parse)(struct policy *p, const struct policy_setting *s, const char *value,
	    su_err *e);
	/* Appends the value of p as 'parse' reads it back. */
	void (*print)(const struct policy *p, const struct policy_setting *s,
	    struct strbuf *out);
	size_t field;		/* a number's int in struct policy (offsetof) */
	int min, max;		/* a number's bounds */
	const char *off;	/* words for the number 'off_value' ("none|off"); the first is written */
	int off_value;
};
/* Every setting, in the order 'policy show' lists them; ended by a NULL key. */
extern const struct policy_setting policy_settings[];
/* Returns the setting spelled 'key', or NULL. */
const struct policy_setting *policy_setting_find(const char *key);
/* Appends the settings as 'policy set -h' lists them: key, help, values and default. */
void policy_settings_help(struct strbuf *out);
/* Appends the settings as doc/policy.md's table lists them (a Markdown table). */
void policy_settings_markdown(struct strbuf *out);
/* Reads an outcome's name as outcome_name writes it ("late_cancel", "no-show" too); -1 if none. */
int outcome_parse(const char *name);

/* Returns 1 if 'code' is one of the policy's reason codes; 'accepted' ones only if asked. */
int policy_reason_known(const struct policy *p, const char *code);
int policy_reason_accepted(const struct policy *p, const char *code);
/* Appends the reason codes ("medical, personal-emergency, ...") to 'sb'. */
void policy_reasons_describe(const struct policy *p, int accepted_only, struct strbuf *sb);

/*
 * Sets *cutoff to the last moment a cancellation of a session starting at 'starts_at'
 * is on time, computed in local time of 'zone' (daylight saving cannot shift it).
 * Pure: the zone was loaded before (tz_zone_find), nothing is read or set.
 */
void policy_zone_cutoff(const struct policy *p, const struct tz_zone *zone, int64_t starts_at,
    int64_t *cutoff);
/* policy_zone_cutoff in the zone named 'tz' (loaded once); 0, or -1 if it is not installed. */
int policy_cutoff(const struct policy *p, const char *tz, int64_t starts_at,
    int64_t *cutoff);
/*
 * The one verdict on a cancellation asked at 'at' of a session starting at
 * 'starts_at': 1 in time, 0 after the cutoff (*cutoff set; the start itself
 * if the zone cannot be used). Every page and view that says so asks it.
 */
int policy_cancel_in_time(const struct policy *p, const char *tz, int64_t starts_at,
    int64_t at, int64_t *cutoff);

/* Writes a reminder offset of 'minutes' as the reminders setting reads it ("2d", "2h", "90m"). */
char *policy_offset_format(int minutes, char *buf, size_t size);

/* Returns the outcome of one expected attendance under policy 'p'. Pure. */
enum outcome outcome_of(const struct policy *p, const struct outcome_input *in);
/* The outcome's name as doc/policy.md spells it ("late_cancel"). */
const char *outcome_name(enum outcome o);
/* One letter for grids: P L C X N E R, '?' unrecorded, '.' not expected, '-' not held, ' ' upcoming. */
char outcome_letter(enum outcome o);
/* Returns 1 for outcomes that are final (present .. rescheduled). */
int outcome_is_final(enum outcome o);

/* Returns 1 if fact 'a' records a reschedule: a cancellation with the reserved reason. */
int outcome_fact_rescheduled(const struct attendance *a);
/*
 * The outcome of a reschedule asked at 'asked_at' of a place starting at
 * 'starts_at' with 'cutoff', after 'before' reschedules asked in time:
 * rescheduled, or a late cancellation (after the cutoff, or past
 * reschedule.max), or a no-show (asked after the start).
 */
enum outcome outcome_of_reschedule(const struct policy *p, int64_t asked_at,
    int64_t starts_at, int64_t cutoff, int before);

#endif
