/* SPDX-License-Identifier: Apache-2.0 */
/* types.h - the plain data of a cohort program: cohorts, participants, sessions and
 * attendance facts as the store, the policy engine and the reports share them.
 * Knows no store: the engine and the policy include it and stay pure. */
#ifndef SHOWUP_TYPES_H
#define SHOWUP_TYPES_H

#include <stddef.h>
#include <stdint.h>

/* How long a field may be, in characters: checked whenever one is entered. */
#define FIELD_NAME_MAX 200	/* people, cohorts, coaches and companies */
#define FIELD_EMAIL_MAX 254	/* RFC 5321's limit on a path */
#define FIELD_TITLE_MAX 200	/* a session's title and location */
#define FIELD_NOTE_MAX 2000	/* notes on records and cancellations */

struct cohort {
	int64_t id;
	char *slug;
	char *name;
	char *coach_name;
	char *coach_email;
	char *tz;
	int64_t fee_cents;
	char *currency;
	char *starts_on;	/* "YYYY-MM-DD" or "" */
	char *ends_on;
	char *language;		/* what participants read: "en", "de"...; NULL: "en" when
				   added, unchanged when updated */
};

enum participant_status { PARTICIPANT_ACTIVE, PARTICIPANT_WITHDRAWN };

struct participant {
	int64_t id;
	int64_t cohort_id;
	char *name;
	char *email;
	char *company;
	char *call_name;	/* the name they are greeted by; "": call_name_default(name) */
	enum participant_status status;
	int64_t withdrawn_at;	/* UTC, when status is withdrawn */
	char *language;		/* what they read, "de"...; NULL: their cohort's */
};

enum session_kind { SESSION_GROUP, SESSION_COACHING, SESSION_PRACTICE };

struct session {
	int64_t id;
	int64_t cohort_id;
	int number;
	enum session_kind kind;
	int64_t starts_at;	/* UTC */
	int minutes;
	char *title;
	char *location;
	int cancelled;		/* cancelled by the coach */
	int64_t cancelled_at;
	char *cancel_note;
	int series;		/* the number of the first session of its series, 0: none */
	int optional;		/* nobody is expected: who comes is kept, no points */
	int capacity;		/* places (0: no limit); with one, its people are its list */
};

/* What the coach recorded about one expected attendance; outcomes follow from it. */
enum fact { FACT_NONE, FACT_ARRIVED, FACT_ABSENT, FACT_CANCELLED };

struct attendance {
	int64_t session_id;
	int64_t participant_id;
	enum fact fact;
	int minutes_late;	/* FACT_ARRIVED: 0 on time */
	int64_t cancelled_at;	/* FACT_CANCELLED: when the participant cancelled, UTC */
	char *reason;		/* reason code, "" if none (FACT_ABSENT with one = excused) */
	char *note;
};

/* Lists returned by the store, freed with the matching *_list_free. */
struct participant_list { struct participant *v; size_t n; };
struct session_list { struct session *v; size_t n; };
struct cohort_list { struct cohort *v; size_t n; };
struct attendance_list { struct attendance *v; size_t n; };

#endif
