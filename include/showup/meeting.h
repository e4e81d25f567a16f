/* SPDX-License-Identifier: Apache-2.0 */
/* meeting.h - attendance from online meetings: Zoom, Teams (today's report and the older
 * User Action list), Google Meet and Webex reports read, merged per person, matched to
 * the roster, judged. */
#ifndef SHOWUP_MEETING_H
#define SHOWUP_MEETING_H

#include <stddef.h>
#include <stdint.h>

#include "showup/model.h"
#include "showup/policy.h"
#include "showup/timeutil.h"

enum meeting_format {
	MEETING_AUTO, MEETING_ZOOM, MEETING_TEAMS, MEETING_TEAMS_LOG, MEETING_MEET, MEETING_WEBEX
};

/* One person as the meeting saw them: every join merged into one stay. */
struct meeting_attendee {
	char *name;		/* as the meeting shows it ("Bob (Robert Smith)") */
	char *email;		/* "" for a guest without one */
	int64_t first_join;	/* UTC */
	int64_t last_leave;
	int minutes;		/* time in the meeting, every join added up */
	int joins;
	struct meeting_stay { int64_t join, leave; int seconds; } *stays;	/* each join,
					 * kept only when the meeting has no window */
	int64_t window_seconds;	/* in a windowed meeting: time in the window, each stay's
				 * overlap (no more than its own seconds) added up */
	int in_window;		/* ... and whether any stay overlaps the window */
	long line;		/* the first row of theirs in the file */
	int organiser;		/* the meeting's organiser or host */
	int leave_unknown;	/* the report gives no leave time (Google Meet's current
				 * export: the first time seen and the time in the call);
				 * beside 'organiser', in what was padding */
	int64_t open_join;	/* User Action lists: a join not yet left, or -1 */
};

struct meeting {
	enum meeting_format format;
	enum meeting_format detected;	/* what the content looks like (auto: nothing known) */
	char encoding[24];		/* not UTF-8, no encoding named: what it was read as */
	int flat;			/* a Teams report told by its header ("Participant ID
					 * (UPN)"), not its section titles: its separator sniffed */
	struct meeting_attendee *v;
	size_t n;
	size_t rows;			/* participant rows read */
	struct strbuf problems;		/* "file:line: problem\n" for each bad row */
	size_t bad_rows;
	int order_needed;		/* a date read both ways: the date order is needed */
	enum date_order order_by_session;	/* the order the session's date settled, or unknown */
	struct meeting_slot { uint32_t tag, at; } *slots;	/* attendee by e-mail, or a
					 * guest's name: its hash's low bits and index + 1 */
	size_t nslots;
	char **blocks;			/* the attendees' names and e-mails, packed */
	size_t nblocks, block_left;
	int windowed;			/* read for a session: stays are folded into [from, to) */
	int64_t from, to;
};

/* Returns "zoom", "teams", "teams-log", "meet", "webex" (or "auto"). */
const char *meeting_format_name(enum meeting_format f);
/* Returns what a format is, for messages: "a Google Meet attendance export". */
const char *meeting_format_seen(enum meeting_format f);
/* Reads a format's name (or "auto") into *out; 0, or -1 if it names none. */
int meeting_format_parse(const char *name, enum meeting_format *out);
/* Writes the names of the formats known, "zoom, teams, ..., webex", into 'out'. */
void meeting_format_list(struct strbuf *out);
/* Writes a header cell as header words are compared: as csv_header_key does. */
void meeting_header_key(const char *cell, char *out, size_t size);

/*
 * Reads a meeting report from memory ('name' for messages): UTF-8 or UTF-16
 * with a BOM; 'format' MEETING_AUTO recognises it from the content. Times are
 * wall-clock times in 'tz', read by time_parse; 'order' settles dates like 03/04/2027
 * (DATE_ORDER_UNKNOWN: the file must tell, else out->order_needed). Bad rows are listed
 * in out->problems; returns 0, or -1 with 'e' set when the file cannot be read at all
 * (an unknown format).
 */
int meeting_parse(const char *data, size_t len, const char *name, enum meeting_format format,
    enum date_order order, const char *tz, struct meeting *out, su_err *e);
void meeting_free(struct meeting *m);
/*
 * Reads a report as meeting_parse does; when its dates read both day first
 * and month first and 'order' does not say, the order under which the report
 * overlaps the session [from, to) is taken (out->order_by_session). Both or
 * neither: -1 with 'e' naming --date-order. Stays are folded into [from, to)
 * (each attendee's window_seconds and in_window; no stays kept): plan it for
 * that session.
 */
int meeting_parse_for(const char *data, size_t len, const char *name,
    enum meeting_format format, enum date_order order, const char *tz, int64_t from,
    int64_t to, struct meeting *out, su_err *e);

/*
 * Reads the report in file 'path' ('name' for messages) as meeting_parse_for
 * does, a record at a time: the file is read from disk again for each pass
 * (its format, its date order, its rows) and never held whole, so memory grows
 * with the people in it, not its rows or size. 'encoding' (NULL: sniffed) is
 * the file's, any name iconv knows.
 */
int meeting_read_for(const char *path, const char *name, const char *encoding,
    enum meeting_format format,
    enum date_order order, const char *tz, int64_t from, int64_t to, struct meeting *out,
    su_err *e);

/* Returns 1 if anyone's stay in 'm' overlaps [from, to): the report is of that session.
 * Of a meeting read for a session, another window is judged by each person's first join
 * and last leave. */
int meeting_overlaps(const struct meeting *m, int64_t from, int64_t to);
/* Reads "10m 59s", "1h 2m", "45s" or a number of minutes into seconds; 0 or -1. */
int meeting_duration_parse(const char *text, int64_t *seconds);
/* Writes a name as matching sees it: lower case, accents and extra spaces gone. */
void meeting_name_key(const char *name, struct strbuf *out);
/* Writes the key names are matched by: meeting_name_key's words, initials dropped, in
 * order, so "Goliath, David J." and "GOLIATH David" are "david goliath". */
void meeting_name_match_key(const char *name, struct strbuf *out);

/* How an attendee was matched to a participant. */
enum meeting_match { MATCH_NONE, MATCH_EMAIL, MATCH_NAME, MATCH_ALIAS };

/* A line of the aliases file: a name the meeting shows, and whose e-mail it is. */
struct meeting_alias { char *name; char *email; };
struct meeting_aliases { struct meeting_alias *v; size_t n; };

/* Reads an aliases file ("Bob's iPhone,bob@example.com" lines); 0 or -1 with 'e' set. */
int meeting_aliases_read(const char *path, struct meeting_aliases *out, su_err *e);
void meeting_aliases_free(struct meeting_aliases *a);

/* What one expected participant's record becomes. */
struct meeting_verdict {
	size_t person;			/* index into the participants given */
	const struct meeting_attendee *seen;	/* NULL: not in the meeting */
	enum meeting_match how;
	struct attendance fact;		/* what would be recorded (fact FACT_NONE: keep) */
	char why[48];			/* for people: "no-show", "kept: late_cancel" */
	int left_early;
	int leave_unknown;		/* a stay of theirs has no leave time: never left early */
	int64_t first_join;		/* of every stay matched to the person, merged */
	int minutes;			/* in the meeting during the session, rounded */
	int64_t seconds;		/* in the meeting during the session */
	int late_seconds;		/* how long after the start the first join came */
	int held;			/* a no-show held back: someone in the file is unmatched */
	const struct attendance *kept;	/* seen, but what they told us stands (no replace) */
};

struct meeting_plan {
	struct meeting_verdict *v;
	size_t n;
	const struct meeting_attendee **unmatched;	/* in the file, matched to nobody */
	size_t nunmatched;
	const struct meeting_attendee **unexpected;	/* matched, but not expected */
	size_t nunexpected;
};

/*
 * Judges session 's' from meeting 'm': matches attendees to 'people' (by e-mail,
 * then name, then alias; the coach and the organiser are not participants),
 * and decides each expected participant's fact. 'expected[i]' says whether
 * people[i] is expected; 'facts[i]' is what is recorded already (or NULL).
 * What a participant told us (a cancellation, an excuse, a reschedule) stands
 * though they were seen (the verdict's 'kept'), unless 'replace'.
 * Pure. The plan is freed with meeting_plan_free.
 */
void meeting_plan(const struct meeting *m, const struct session *s, const struct cohort *c,
    const struct policy *p, const struct participant_list *people, const int *expected,
    const struct attendance *const *facts, const struct meeting_aliases *aliases,
    int replace, struct meeting_plan *out);
void meeting_plan_free(struct meeting_plan *plan);
/*
 * Holds back the no-shows of 'plan' while anyone in the report is matched to
 * nobody (the unmatched one may be them): they become unrecorded, shown as '?'.
 * Returns how many were held.
 */
size_t meeting_plan_hold(struct meeting_plan *plan);

#endif
