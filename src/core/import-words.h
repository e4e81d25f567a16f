/* SPDX-License-Identifier: Apache-2.0 */
/* import-words.h - the columns each import reads, and the header words that name each
 * one in every language read. Private to the importers. */
#ifndef SHOWUP_IMPORT_WORDS_H
#define SHOWUP_IMPORT_WORDS_H

#include "showup/csvio.h"

/* The columns of a roster. A name column beside a first-name column only is the last name
 * ("Prénom;Nom"), beside a last-name column only the first name ("Nome;Cognome"). */
enum { ROSTER_NAME, ROSTER_FIRST, ROSTER_LAST, ROSTER_EMAIL, ROSTER_COMPANY, ROSTER_CALL_NAME,
	ROSTER_NCOLS };
/* The columns of a schedule. */
enum { SESSION_NUMBER, SESSION_START, SESSION_DATE, SESSION_TIME, SESSION_MINUTES,
	SESSION_KIND, SESSION_TITLE, SESSION_LOCATION, SESSION_WITH, SESSION_CANCELLED_AT,
	SESSION_CANCEL_NOTE, SESSION_OPTIONAL, SESSION_NCOLS };
/* The columns of an attendance file. */
enum { ATTEND_SESSION, ATTEND_EMAIL, ATTEND_STATUS, ATTEND_MINUTES, ATTEND_CANCELLED_AT,
	ATTEND_REASON, ATTEND_NOTE, ATTEND_NCOLS };
/* The columns of a list of cohorts. */
enum { COHORT_SLUG, COHORT_NAME, COHORT_COACH, COHORT_COACH_EMAIL, COHORT_TZ, COHORT_FEE,
	COHORT_CURRENCY, COHORT_STARTS, COHORT_ENDS, COHORT_NCOLS };

extern const struct csv_column import_roster_columns[ROSTER_NCOLS];
extern const struct csv_column import_session_columns[SESSION_NCOLS];
extern const struct csv_column import_attendance_columns[ATTEND_NCOLS];
extern const struct csv_column import_cohort_columns[COHORT_NCOLS];
/* Columns an attendance export writes for people to read; an import passes over them. */
extern const char *const import_attendance_informational[];

#endif
