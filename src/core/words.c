/* SPDX-License-Identifier: Apache-2.0 */
/* words.c - how showup names things to the people it writes to (words.h). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "showup/lang.h"
#include "showup/money.h"
#include "showup/timeutil.h"
#include "showup/words.h"

/* Returns 1 if code point c is Han, Hiragana, Katakana or Hangul. */
static int
cjk(unsigned int c)
{
	return (c >= 0x1100 && c <= 0x11ff) || (c >= 0x3040 && c <= 0x30ff) ||
	    (c >= 0x3130 && c <= 0x318f) || (c >= 0x31f0 && c <= 0x31ff) ||
	    (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) ||
	    (c >= 0xac00 && c <= 0xd7af) || (c >= 0xf900 && c <= 0xfaff) ||
	    (c >= 0xff66 && c <= 0xff9f) || (c >= 0x20000 && c <= 0x2ffff);
}

/* Returns 1 if UTF-8 's' holds a character of a CJK script. */
static int
has_cjk(const char *s)
{
	unsigned int c;

	while (*s) {
		s += utf8_decode((const unsigned char *)s, &c);
		if (cjk(c))
			return 1;
	}
	return 0;
}

/* Returns 1 if the word of n bytes at w is written in capitals (two or more, no small letter). */
static int
shouted(const char *w, size_t n)
{
	size_t upper = 0;

	for (size_t k = 0; k < n; k++) {
		if (w[k] >= 'a' && w[k] <= 'z')
			return 0;
		upper += w[k] >= 'A' && w[k] <= 'Z';
	}
	return upper >= 2;
}

/* Returns the given name among the words of s (no comma): the first, unless a family name
 * in capitals comes first; the caller frees it. */
static char *
given_word(const char *s)
{
	const char *first = s + strspn(s, " "), *w = first;

	while (*w) {
		size_t n = strcspn(w, " ");

		if (!shouted(w, n))
			return xstrndup(w, n);
		w += n;
		w += strspn(w, " ");
	}
	return xstrndup(first, strcspn(first, " "));
}

char *
call_name_default(const char *full)
{
	char *copy = xstrdup(full ? full : ""), *name = str_squeeze_space(str_trim(copy));
	char *comma = strchr(name, ','), *out;

	if (has_cjk(name))
		out = xstrdup(name);
	else if (comma != NULL && comma[1 + strspn(comma + 1, " ")] != '\0')
		out = given_word(comma + 1);
	else
		out = given_word(name);
	free(copy);
	return out;
}

static const char *const weekdays[] = { "Thursday", "Friday", "Saturday", "Sunday",
	"Monday", "Tuesday", "Wednesday" };
static const char *const months[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul",
	"Aug", "Sep", "Oct", "Nov", "Dec" };

/* Reads t in zone into *c and returns its weekday's index in weekdays[] (-1: no zone). */
static int
local_day(const char *zone, int64_t t, struct civil *c)
{
	if (tz_utc_to_local(zone, t, c, NULL) < 0)
		return -1;
	return (int)(((days_from_civil(c->year, c->month, c->day) % 7) + 7) % 7);
}

/* Appends the local time c by this thread's language's rules for ICU 'skeleton';
 * "?" if ICU cannot. */
static void
icu_date(const struct civil *c, const char *skeleton, struct strbuf *out)
{
	if (lang_date(c, skeleton, out) < 0)
		sb_adds(out, "?");
}

/* Appends "Tue 14 Sep", then with 'sep' (" ", ", ") the time after it, in another
 * language ICU's form of the same ("Di., 14. Sept., 18:00"); "?" without a zone. */
static void
day_parts(const char *zone, int64_t t, const char *sep, struct strbuf *out)
{
	struct civil c;
	int wd = local_day(zone, t, &c);

	if (wd < 0) {
		sb_adds(out, "?");
	} else if (!lang_is_english()) {
		icu_date(&c, sep != NULL ? "EEEdMMMHHmm" : "EEEdMMM", out);
	} else {
		sb_addf(out, "%.3s %d %s", weekdays[wd], c.day, months[c.month - 1]);
		if (sep != NULL)
			sb_addf(out, "%s%02d:%02d", sep, c.hour, c.minute);
	}
}

void
day_and_time(const char *zone, int64_t t, struct strbuf *out)
{
	day_parts(zone, t, " ", out);
}

void
day_words(const char *zone, int64_t t, struct strbuf *out)
{
	day_parts(zone, t, NULL, out);
}

void
day_comma_time(const char *zone, int64_t t, struct strbuf *out)
{
	day_parts(zone, t, ", ", out);
}

void
reason_words(const char *code, struct strbuf *out)
{
	/* the codes showup ships, each as one phrase (so each is translated whole) */
	static const char *const known[][2] = {
		{ "medical", N_("medical") },
		{ "personal-emergency", N_("personal emergency") },
		{ "customer-meeting", N_("customer meeting") },
		{ "work", N_("work") },
		{ "travel", N_("travel") },
		{ "other", N_("other") },
		{ POLICY_REASON_EXCUSED, N_("excused") },
		{ POLICY_REASON_NOT_EXCUSED, N_("not excused") },
		{ POLICY_RESCHEDULE_REASON, N_("rescheduled") },
	};

	if (code == NULL)
		return;
	for (size_t i = 0; i < ARRAY_SIZE(known); i++)
		if (strcmp(code, known[i][0]) == 0) {
			sb_adds(out, _(known[i][1]));
			return;
		}
	for (const char *c = code; *c; c++)
		sb_addc(out, *c == '-' || *c == '_' ? ' ' : *c);
}

void
reader_date(const char *zone, int64_t t, struct strbuf *out)
{
	struct civil c;
	char buf[48];

	if (lang_is_english())
		sb_adds(out, time_format_human(zone, t, buf, sizeof buf));
	else if (tz_utc_to_local(zone, t, &c, NULL) < 0)
		sb_adds(out, "?");
	else
		icu_date(&c, "EEEdMMMyHHmm", out);
}

char *
reader_date_into(const char *zone, int64_t t, char *buf, size_t size)
{
	struct strbuf sb = STRBUF_INIT;

	reader_date(zone, t, &sb);
	snprintf(buf, size, "%s", sb_str(&sb));
	sb_free(&sb);
	return buf;
}

void
reader_amount(int64_t cents, const char *currency, struct strbuf *out)
{
	char buf[48];

	if (lang_is_english() || lang_amount(cents, currency, out) < 0)
		sb_adds(out, money_format(cents, currency, buf, sizeof buf));
}

/* Appends "Tuesday's group session, 14 Sep 18:00" for the local time c (weekday wd). */
static void
group_session(const struct civil *c, int wd, struct strbuf *out)
{
	struct strbuf day = STRBUF_INIT, when = STRBUF_INIT;

	if (lang_is_english()) {
		sb_adds(&day, weekdays[wd]);
		sb_addf(&when, "%d %s %02d:%02d", c->day, months[c->month - 1], c->hour,
		    c->minute);
	} else {
		icu_date(c, "EEEE", &day);
		icu_date(c, "dMMMHHmm", &when);
	}
	/* TRANSLATORS: a group session: its weekday ("Tuesday"), then day and time */
	sb_addf(out, _("%s's group session, %s"), sb_str(&day), sb_str(&when));
	sb_free(&day);
	sb_free(&when);
}

void
session_name(const struct session_naming *n, struct strbuf *out)
{
	const char *with = n->with && *n->with ? n->with : NULL;
	struct strbuf day = STRBUF_INIT;
	struct civil c;
	int wd = local_day(n->zone, n->starts_at, &c);

	if (n->kind == SESSION_GROUP) {
		if (wd < 0)
			sb_adds(out, _("the group session"));
		else
			group_session(&c, wd, out);
		return;
	}
	day_and_time(n->zone, n->starts_at, &day);
	if (n->kind == SESSION_COACHING && with)	/* TRANSLATORS: the coach, a day */
		sb_addf(out, _("your 1:1 with %s on %s"), with, sb_str(&day));
	else if (n->kind == SESSION_COACHING)		/* TRANSLATORS: a day and time */
		sb_addf(out, _("your 1:1 on %s"), sb_str(&day));
	else if (with)					/* TRANSLATORS: partners, a day */
		sb_addf(out, _("practice with %s, %s"), with, sb_str(&day));
	else						/* TRANSLATORS: a day and time */
		sb_addf(out, _("your practice session, %s"), sb_str(&day));
	sb_free(&day);
}

void
names_joined(const char *const *names, size_t n, struct strbuf *out)
{
	for (size_t k = 0; k < n; k++) {
		if (k > 0 && k + 1 == n)	/* TRANSLATORS: before the last of a list of names */
			sb_addf(out, " %s ", _("and"));
		else if (k > 0)
			sb_adds(out, ", ");
		sb_adds(out, names[k]);
	}
}

const char *
plural(long long n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}

void
count_words(int n, const char *one, const char *many, struct strbuf *out)
{
	sb_addf(out, "%d %s", n, plural(n, one, many));
}

void
cutoff_words(const struct policy *p, struct strbuf *out)
{
	int h = p->cutoff_hours;

	if (p->cutoff_kind == CUTOFF_HOURS)	/* TRANSLATORS: follows "tell me" */
		sb_addf(out, lang_ngettext("at least %d hour before the start",
		    "at least %d hours before the start", (unsigned long)h), h);
	else					/* TRANSLATORS: follows "tell me" */
		sb_addf(out, _("by %02d:%02d the day before"), p->cutoff_minute / 60,
		    p->cutoff_minute % 60);
}

/* Appends "more than N minutes late" in this thread's language. */
static void
more_than(int minutes, struct strbuf *out)
{
	sb_addf(out, lang_ngettext("more than %d minute late", "more than %d minutes late",
	    (unsigned long)minutes), minutes);
}

/* Appends "counts N points" in this thread's language. */
static void
counts_points(int points, struct strbuf *out)
{
	sb_addf(out, lang_ngettext("counts %d point", "counts %d points",
	    (unsigned long)points), points);
}

void
late_rule_words(const struct policy *p, struct strbuf *out)
{
	int late = p->points[OUTCOME_LATE];
	int more = p->late_threshold >= 0 ? p->late_arrival_points : 0;

	if (late == 0 && more == 0) {
		sb_adds(out, _("a late arrival counts no points"));
		return;
	}
	if (late > 0) {
		more_than(p->grace_minutes, out);
		sb_addc(out, ' ');
		counts_points(late, out);
	}
	if (more == 0)
		return;
	if (late > 0) {
		sb_adds(out, ", ");	/* TRANSLATORS: a second, higher step of the rule */
		sb_addf(out, lang_ngettext("more than %d minute %d point",
		    "more than %d minutes %d points", (unsigned long)(late + more)),
		    p->late_threshold, late + more);
		return;
	}
	more_than(p->late_threshold, out);
	sb_addc(out, ' ');
	counts_points(late + more, out);
}

void
event_words(enum outcome o, int minutes_late, struct strbuf *out)
{
	if (o == OUTCOME_LATE)
		sb_addf(out, lang_ngettext("arrived %d minute late", "arrived %d minutes late",
		    (unsigned long)minutes_late), minutes_late);
	else if (o == OUTCOME_NO_SHOW)
		sb_adds(out, _("no-show"));
	else if (o == OUTCOME_LATE_CANCEL)
		sb_adds(out, _("late cancellation"));
	else if (o == OUTCOME_EXCUSED)
		sb_adds(out, _("excused"));
	else
		sb_adds(out, outcome_name(o));
}
