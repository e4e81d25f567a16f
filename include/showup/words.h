/* SPDX-License-Identifier: Apache-2.0 */
/* words.h - how showup names things to the people it writes to: a session as they know
 * it, the name they are greeted by, a count with its noun, the cutoff and the rule for
 * late arrivals in words. Pure: no store, no I/O but the time zone data. */
#ifndef SHOWUP_WORDS_H
#define SHOWUP_WORDS_H

#include <stdint.h>

#include "showup/policy.h"
#include "showup/types.h"
#include "showup/util.h"

/*
 * Returns the name to greet someone called 'full' by when they set none: the
 * given name, read in the name's order ("Ana García" and "García, Ana" give
 * "Ana"; "GARCÍA Ana", family name first in capitals, gives "Ana"); the whole
 * name when any of it is Han, Hiragana, Katakana or Hangul ("田中 花子").
 * The caller frees it; "" for a name of nothing but spaces.
 */
char *call_name_default(const char *full);

/* One session to name for one reader: its kind and start, and who it is with. */
struct session_naming {
	enum session_kind kind;
	int64_t starts_at;
	const char *zone;	/* the cohort's IANA zone */
	const char *with;	/* the coach at a 1:1, the partners at practice: "Ana and Bo";
				   "" or NULL for nobody named */
};

/*
 * Appends the session as its reader knows it, never by its number:
 * "Tuesday's group session, 14 Sep 18:00", "your 1:1 with Kai on Thu 23 Sep
 * 18:00", "practice with Ana, Wed 22 Sep 19:00" ("your practice session, ..."
 * with nobody named).
 */
void session_name(const struct session_naming *n, struct strbuf *out);
/* Appends "Tue 14 Sep 18:00", the session's day and time in 'zone'. */
void day_and_time(const char *zone, int64_t t, struct strbuf *out);

/* Appends "Tue 14 Sep", the day of 't' in 'zone'. */
void day_words(const char *zone, int64_t t, struct strbuf *out);
/* Appends "Sat 12 Sep, 18:00", a moment a reader must act by, in 'zone'. */
void day_comma_time(const char *zone, int64_t t, struct strbuf *out);

/*
 * Appends reason code 'code' as words a reader knows, in this thread's language:
 * "personal-emergency" gives "personal emergency" ("persönlicher Notfall"),
 * "customer-meeting" "customer meeting" ("Kundentermin"); a code of the coach's
 * own reads with its hyphens as spaces.
 */
void reason_words(const char *code, struct strbuf *out);

/* Appends the names of 'names' (n of them) as a list people read: "Ana", "Ana and Bo",
 * "Ana, Bo and Cy". */
void names_joined(const char *const *names, size_t n, struct strbuf *out);

/* Returns 'one' if n is 1, else 'many': the noun for a count ("%ld %s", n, plural(...)). */
const char *plural(long long n, const char *one, const char *many);

/* Appends n and its noun, in the singular for 1: "1 point", "2 points" ('many' for n != 1). */
void count_words(int n, const char *one, const char *many, struct strbuf *out);

/*
 * Appends the cutoff of p as it follows "tell me": "by 18:00 the day before",
 * "at least 24 hours before the start", "at least 1 hour before the start".
 */
void cutoff_words(const struct policy *p, struct strbuf *out);

/*
 * Appends what late arrivals count under p: "more than 15 minutes late counts
 * 1 point", "more than 5 minutes late counts 1 point, more than 30 minutes 3
 * points", "a late arrival counts no points".
 */
void late_rule_words(const struct policy *p, struct strbuf *out);

/* Appends what happened at a session as its reader is told, in this thread's language:
 * "no-show", "late cancellation", "arrived 40 minutes late". */
void event_words(enum outcome o, int minutes_late, struct strbuf *out);
/* Appends moment t in 'zone' as a date the reader reads: "Tue 2027-09-14 18:00" in
 * English, "Di., 14. Sept. 2027, 18:00" (ICU) in German. */
void reader_date(const char *zone, int64_t t, struct strbuf *out);
/* Writes reader_date's text into buf (size bytes, cut if longer); returns buf. */
char *reader_date_into(const char *zone, int64_t t, char *buf, size_t size);
/* Appends an amount as the reader writes it: "1,890.00 EUR" in English, "1.890,00 €"
 * (ICU) in German. */
void reader_amount(int64_t cents, const char *currency, struct strbuf *out);
#endif
