/* SPDX-License-Identifier: Apache-2.0 */
/* meeting-layouts.h - the meeting report formats as data: each one's header words in every
 * language it is read in, and the words its rows use. Private to the meeting reader. */
#ifndef SHOWUP_MEETING_LAYOUTS_H
#define SHOWUP_MEETING_LAYOUTS_H

#include "showup/meeting.h"

/* The columns a report row is read by. M_MARK: a column only this format has. */
enum meeting_col {
	M_NAME, M_LAST, M_EMAIL, M_JOIN, M_LEAVE, M_DURATION, M_ROLE, M_ACTION, M_TIME,
	M_MARK, M_NCOLS
};

#define COL(c) (1u << (c))

/* One format: how it is named, what a header row of it must have, and its header words. */
struct meeting_layout {
	enum meeting_format format;
	const char *name;		/* "zoom": for --format */
	const char *seen;		/* "a Zoom participant export": for messages */
	unsigned need;			/* the columns its header row must have, as COL() bits */
	int sections;			/* told by section titles ("1. Summary"), not a header */
	const char *const *words[M_NCOLS];	/* each column's header, in every language */
};

/* The formats, in the order a header row is tried against them; a format may have more
 * than one layout (Google Meet's older and current exports), named alike. */
extern const struct meeting_layout meeting_layouts[];
extern const size_t meeting_nlayouts;
/* The block some reports put before the rows (meeting start, end, host, date). */
extern const struct meeting_layout meeting_block;
/* "Created on": the line of Meet's '*' block that dates its times of day. */
extern const char *const meeting_created_words[];
/* The title a 2021 Teams report begins with ("Meeting Summary", "*Résumé de la réunion"). */
extern const char *const meeting_summary_words[];
/* Roles that make a row the organiser's; User Action words that join and that leave. */
extern const char *const meeting_organiser_words[];
extern const char *const meeting_join_words[];
extern const char *const meeting_leave_words[];

#endif
