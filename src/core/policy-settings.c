/* SPDX-License-Identifier: Apache-2.0 */
/* policy-settings.c - a policy's settings as text: read them, check them, write them back. */
#include "config.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "showup/policy.h"

static const char *const refund_names[] = {
	[REFUND_FULL] = "full", [REFUND_PRORATED] = "prorated", [REFUND_NONE] = "none",
};

int
outcome_parse(const char *name)
{
	char canon[32];
	size_t n = 0;

	for (; *name && n + 1 < sizeof canon; name++)
		canon[n++] = *name == '-' ? '_' : *name;
	canon[n] = '\0';
	for (int o = 0; o < OUTCOME_COUNT; o++)
		if (strcmp(canon, outcome_name((enum outcome)o)) == 0)
			return o;
	return -1;
}

/* Returns 1 for a code of lower-case letters, digits and dashes that fits a policy slot. */
static int
code_valid(const char *s, size_t max)
{
	size_t n = strlen(s);

	if (n == 0 || n >= max || s[0] == '-')
		return 0;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '-'))
			return 0;
	return 1;
}

/* Reads a whole number in [min, max] for 'key'; 0 or -1 with 'e' set. */
static int
read_number(const char *key, const char *value, long long min, long long max, int *out,
    su_err *e)
{
	long long v;

	if (parse_int(value, min, max, &v) < 0)
		return su_err_set(e, "%s: '%s' is not a whole number from %lld to %lld",
		    key, value, min, max);
	*out = (int)v;
	return 0;
}

/* Reads "day-before HH:MM" or "hours N" into p. */
static int
read_cutoff(struct policy *p, const char *value, su_err *e)
{
	int hour, minute, used = 0;
	long long hours;

	if (strncmp(value, "hours ", 6) == 0) {
		if (parse_int(value + 6, 0, 24 * 14, &hours) < 0)
			return su_err_set(e, "cutoff: '%s' is not a number of hours from 0 to "
			    "336", value + 6);
		p->cutoff_kind = CUTOFF_HOURS;
		p->cutoff_hours = (int)hours;
		return 0;
	}
	if (sscanf(value, "day-before %2d:%2d%n", &hour, &minute, &used) == 2 &&
	    value[used] == '\0' && strlen(value) == 16) {
		if (hour > 23 || minute > 59 || hour < 0 || minute < 0)
			return su_err_set(e, "cutoff: '%s' is not a time of day (00:00 to "
			    "23:59)", value + 11);
		p->cutoff_kind = CUTOFF_DAY_BEFORE;
		p->cutoff_minute = hour * 60 + minute;
		return 0;
	}
	return su_err_set(e, "cutoff: '%s' is not a cutoff (use \"day-before 18:00\" or "
	    "\"hours 24\")", value);
}

/* Reads "next-morning HH:MM", "hours N" or "none" (notices.review) into p. */
static int
parse_review(struct policy *p, const struct policy_setting *s, const char *value, su_err *e)
{
	int hour, minute, used = 0;
	long long hours;

	(void)s;
	if (strcmp(value, "none") == 0 || strcmp(value, "off") == 0) {
		p->review_minute = -1;
		p->review_hours = 0;
		return 0;
	}
	if (strncmp(value, "hours ", 6) == 0) {
		if (parse_int(value + 6, 0, 24 * 7, &hours) < 0)
			return su_err_set(e, "notices.review: '%s' is not a number of hours from 0 "
			    "to 168", value + 6);
		p->review_minute = -1;
		p->review_hours = (int)hours;
		return 0;
	}
	if (sscanf(value, "next-morning %2d:%2d%n", &hour, &minute, &used) == 2 &&
	    value[used] == '\0' && strlen(value) == 18 && hour >= 0 && hour <= 23 &&
	    minute >= 0 && minute <= 59) {
		p->review_minute = hour * 60 + minute;
		p->review_hours = 0;
		return 0;
	}
	return su_err_set(e, "notices.review: '%s' is not a review time (use \"next-morning "
	    "08:00\", \"hours 12\" or \"none\")", value);
}

/* Reads a comma-separated list of reason codes into list/n; 'allow_empty' for "other". */
static int
read_reasons(const char *key, const char *value, char list[][POLICY_REASON_LEN],
    size_t *n, int allow_empty, su_err *e)
{
	char *copy = xstrdup(value), *save = NULL, *tok;
	size_t count = 0;
	int rc = -1;

	for (tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		tok = str_trim(tok);
		if (*tok == '\0')
			continue;
		if (!code_valid(tok, POLICY_REASON_LEN)) {
			su_err_set(e, "%s: '%s' is not a reason code (lower-case letters, "
			    "digits and dashes)", key, tok);
			goto done;
		}
		if (strcmp(tok, POLICY_RESCHEDULE_REASON) == 0) {
			su_err_set(e, "%s: '%s' is kept for reschedules; choose another code",
			    key, tok);
			goto done;
		}
		if (count == POLICY_MAX_REASONS) {
			su_err_set(e, "%s: at most %d reason codes", key, POLICY_MAX_REASONS);
			goto done;
		}
		for (size_t i = 0; i < count; i++)
			if (strcmp(list[i], tok) == 0) {
				su_err_set(e, "%s: '%s' is listed twice", key, tok);
				goto done;
			}
		snprintf(list[count++], POLICY_REASON_LEN, "%s", tok);
	}
	if (count == 0 && !allow_empty) {
		su_err_set(e, "%s: at least one reason code is needed", key);
		goto done;
	}
	*n = count;
	rc = 0;
done:
	free(copy);
	return rc;
}

/* Returns 0 unless points for late arrivals are set with no threshold; -1 with 'e' set. */
static int
check_late_points(const struct policy *p, su_err *e)
{
	if (p->late_arrival_points > 0 && p->late_threshold < 0)
		return su_err_set(e, "points.late_arrival is %d but late.threshold is off: set "
		    "late.threshold (minutes) too, or points.late_arrival to 0",
		    p->late_arrival_points);
	return 0;
}

/* Returns 0 if no code is both accepted and other, else -1 with 'e' set. */
static int
check_reasons_disjoint(const struct policy *p, su_err *e)
{
	for (size_t i = 0; i < p->n_other; i++)
		if (policy_reason_accepted(p, p->other[i]))
			return su_err_set(e, "reason '%s' cannot be both accepted and other",
			    p->other[i]);
	return 0;
}

/*
 * Ends the ladder of p with its coach-review step: checks one written is the last,
 * else adds it one point above the last step. 0, or -1 with 'e' set.
 */
static int
finish_ladder(struct policy *p, su_err *e)
{
	for (size_t k = 0; k + 1 < p->n_steps; k++)
		if (strcmp(p->ladder[k].kind, POLICY_COACH_REVIEW) == 0)
			return su_err_set(e, "ladder: %s can only be the last step (it comes "
			    "due again at every further point)", POLICY_COACH_REVIEW);
	if (policy_review_step(p) >= 0) {
		if (p->n_steps == 1)
			return su_err_set(e, "ladder: a notice is needed before %s",
			    POLICY_COACH_REVIEW);
		return 0;
	}
	p->ladder[p->n_steps].threshold = p->ladder[p->n_steps - 1].threshold + 1;
	snprintf(p->ladder[p->n_steps].kind, POLICY_KIND_LEN, "%s", POLICY_COACH_REVIEW);
	p->n_steps++;
	return 0;
}

/* Reads "1:policy-reminder,2:warning,3:final-notice" into the ladder of p. */
static int
read_ladder(struct policy *p, const char *value, su_err *e)
{
	char *copy = xstrdup(value), *save = NULL, *tok;
	size_t n = 0;
	int rc = -1;

	for (tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		char *colon = strchr(tok, ':');
		long long threshold;

		tok = str_trim(tok);
		if (colon == NULL || (*colon = '\0',
		    parse_int(str_trim(tok), 1, 1000, &threshold) < 0) ||
		    !code_valid(str_trim(colon + 1), POLICY_KIND_LEN)) {
			su_err_set(e, "ladder: each step is POINTS:NOTICE with points from 1 "
			    "(\"1:policy-reminder,2:warning,3:final-notice\")");
			goto done;
		}
		if (n == POLICY_MAX_STEPS) {
			su_err_set(e, "ladder: at most %d steps", POLICY_MAX_STEPS);
			goto done;
		}
		if (n > 0 && threshold <= p->ladder[n - 1].threshold) {
			su_err_set(e, "ladder: thresholds must rise (%lld after %d)", threshold,
			    p->ladder[n - 1].threshold);
			goto done;
		}
		p->ladder[n].threshold = (int)threshold;
		snprintf(p->ladder[n].kind, POLICY_KIND_LEN, "%s", str_trim(colon + 1));
		n++;
	}
	if (n == 0) {
		su_err_set(e, "ladder: at least one step is needed");
		goto done;
	}
	p->n_steps = n;
	rc = finish_ladder(p, e);
done:
	free(copy);
	return rc;
}

char *
policy_offset_format(int minutes, char *buf, size_t size)
{
	int m = minutes;

	snprintf(buf, size, "%d%c", m % 1440 == 0 ? m / 1440 : m % 60 == 0 ? m / 60 : m,
	    m % 1440 == 0 ? 'd' : m % 60 == 0 ? 'h' : 'm');
	return buf;
}

/* Reads "off" or offsets before a session ("2d,2h,30m"), largest first, into p. */
static int
read_reminders(struct policy *p, const char *value, su_err *e)
{
	char *copy = xstrdup(value), *save = NULL, *tok;
	size_t n = 0;
	int rc = 0;

	if (strcmp(value, "off") == 0) {
		p->n_reminders = 0;
		free(copy);
		return 0;
	}
	for (tok = strtok_r(copy, ",", &save); tok && rc == 0; tok = strtok_r(NULL, ",", &save)) {
		char *given = str_trim(tok), *num = xstrdup(given), unit;
		size_t len = strlen(num);
		long long v = 0;
		int bad;

		unit = len > 0 ? num[len - 1] : '\0';
		if (len > 0)
			num[len - 1] = '\0';	/* the number without its unit */
		bad = (unit != 'd' && unit != 'h' && unit != 'm') ||
		    parse_int(num, 1, 10000, &v) < 0;
		free(num);
		if (bad)
			rc = su_err_set(e, "reminders: '%s' is not an offset such as 2d, 2h or "
			    "30m (or 'off')", given);
		else if (n == POLICY_MAX_REMINDERS)
			rc = su_err_set(e, "reminders: at most %d", POLICY_MAX_REMINDERS);
		else if (n > 0 && v * (unit == 'd' ? 1440 : unit == 'h' ? 60 : 1) >=
		    p->reminders[n - 1])
			rc = su_err_set(e, "reminders: list them from the earliest (2d,2h)");
		else
			p->reminders[n++] = (int)(v * (unit == 'd' ? 1440 : unit == 'h' ? 60 : 1));
	}
	if (rc == 0 && n == 0)
		rc = su_err_set(e, "reminders: give offsets such as 2d,2h, or 'off'");
	if (rc == 0)
		p->n_reminders = n;
	free(copy);
	return rc;
}

/* Applies one setting to 'p' (which may be left half-changed on error). */
static int
apply(struct policy *p, const char *key, const char *value, su_err *e)
{
	const struct policy_setting *s = policy_setting_find(key);
	char canon[48] = "";

	if (s != NULL)
		return s->parse(p, s, value, e);
	if (strncmp(key, "points.", 7) == 0 && outcome_parse(key + 7) >= 0)
		snprintf(canon, sizeof canon, "points.%s",
		    outcome_name((enum outcome)outcome_parse(key + 7)));
	if (policy_setting_find(canon) != NULL)
		return su_err_set(e, "'%s' is not a policy setting (did you mean '%s'?)", key,
		    canon);
	return su_err_set(e, "'%s' is not a policy setting", key);
}

int
policy_apply_many(struct policy *p, const char *const *keys, const char *const *values,
    size_t n, su_err *e)
{
	struct policy copy = *p;
	int rc = 0;

	for (size_t i = 0; i < n && rc == 0; i++) {
		char *v = xstrdup(values[i]);

		rc = apply(&copy, keys[i], str_trim(v), e);
		free(v);
	}
	if (rc == 0)
		rc = check_reasons_disjoint(&copy, e);
	if (rc == 0)
		rc = check_late_points(&copy, e);
	if (rc == 0)
		*p = copy;
	return rc;
}

int
policy_apply(struct policy *p, const char *key, const char *value, su_err *e)
{
	return policy_apply_many(p, &key, &value, 1, e);
}

/* Returns the int a number setting s keeps in p. */
static int *
number_of(struct policy *p, const struct policy_setting *s)
{
	return (int *)((char *)p + s->field);
}

/* Returns 1 if 'value' is one of the |-separated words of 'words' (NULL: none). */
static int
is_word(const char *words, const char *value)
{
	size_t len = strlen(value);

	for (const char *w = words; w != NULL && *w; w += strcspn(w, "|") + (w[strcspn(w, "|")] != 0))
		if (len > 0 && strcspn(w, "|") == len && strncmp(w, value, len) == 0)
			return 1;
	return 0;
}

/* A whole number in [min, max], or one of its 'off' words. */
static int
parse_number(struct policy *p, const struct policy_setting *s, const char *value, su_err *e)
{
	if (is_word(s->off, value)) {
		*number_of(p, s) = s->off_value;
		return 0;
	}
	return read_number(s->key, value, s->min, s->max, number_of(p, s), e);
}

static void
print_number(const struct policy *p, const struct policy_setting *s, struct strbuf *out)
{
	int v = *number_of((struct policy *)p, s);

	if (s->off != NULL && v == s->off_value)
		sb_addf(out, "%.*s", (int)strcspn(s->off, "|"), s->off);
	else
		sb_addf(out, "%d", v);
}

static int
parse_cutoff(struct policy *p, const struct policy_setting *s, const char *value, su_err *e)
{
	(void)s;
	return read_cutoff(p, value, e);
}

static void
print_cutoff(const struct policy *p, const struct policy_setting *s, struct strbuf *out)
{
	(void)s;
	if (p->cutoff_kind == CUTOFF_HOURS)
		sb_addf(out, "hours %d", p->cutoff_hours);
	else
		sb_addf(out, "day-before %02d:%02d", p->cutoff_minute / 60, p->cutoff_minute % 60);
}

static void
print_review(const struct policy *p, const struct policy_setting *s, struct strbuf *out)
{
	(void)s;
	if (p->review_minute >= 0)
		sb_addf(out, "next-morning %02d:%02d", p->review_minute / 60,
		    p->review_minute % 60);
	else if (p->review_hours > 0)
		sb_addf(out, "hours %d", p->review_hours);
	else
		sb_adds(out, "none");
}

/* Reads the weekly digest's day and time, or none (policy_digest_parse). */
static int
parse_digest(struct policy *p, const struct policy_setting *s, const char *value, su_err *e)
{
	(void)s;
	if (policy_digest_parse(value, &p->digest_day, &p->digest_minute) < 0)
		return su_err_set(e, "digest: '%s' is not a weekday and a time (use \"mon 08:00\" "
		    "or \"none\")", value);
	return 0;
}

static void
print_digest(const struct policy *p, const struct policy_setting *s, struct strbuf *out)
{
	static const char *const days[] = { "mon", "tue", "wed", "thu", "fri", "sat", "sun" };

	(void)s;
	if (p->digest_day < 0)
		sb_adds(out, "none");
	else
		sb_addf(out, "%s %02d:%02d", days[p->digest_day], p->digest_minute / 60,
		    p->digest_minute % 60);
}

/* Appends a reason list as "a,b,c". */
static void
write_reasons(const char list[][POLICY_REASON_LEN], size_t n, struct strbuf *out)
{
	for (size_t i = 0; i < n; i++)
		sb_addf(out, "%s%s", i ? "," : "", list[i]);
}

static int
parse_accepted(struct policy *p, const struct policy_setting *s, const char *value, su_err *e)
{
	return read_reasons(s->key, value, p->accepted, &p->n_accepted, 0, e);
}

static void
print_accepted(const struct policy *p, const struct policy_setting *s, struct strbuf *out)
{
	(void)s;
	write_reasons(p->accepted, p->n_accepted, out);
}

static int
parse_other(struct policy *p, const struct policy_setting *s, const char *value, su_err *e)
{
	return read_reasons(s->key, value, p->other, &p->n_other, 1, e);
}

static void
print_other(const struct policy *p, const struct policy_setting *s, struct strbuf *out)
{
	(void)s;
	write_reasons(p->other, p->n_other, out);
}

static int
parse_ladder(struct policy *p, const struct policy_setting *s, const char *value, su_err *e)
{
	(void)s;
	return read_ladder(p, value, e);
}

static void
print_ladder(const struct policy *p, const struct policy_setting *s, struct strbuf *out)
{
	(void)s;
	for (size_t i = 0; i < p->n_steps; i++)
		sb_addf(out, "%s%d:%s", i ? "," : "", p->ladder[i].threshold, p->ladder[i].kind);
}

static int
parse_refund(struct policy *p, const struct policy_setting *s, const char *value, su_err *e)
{
	(void)s;
	for (size_t i = 0; i < ARRAY_SIZE(refund_names); i++)
		if (strcmp(value, refund_names[i]) == 0) {
			p->refund = (enum refund_rule)i;
			return 0;
		}
	return su_err_set(e, "refund: '%s' is not full, prorated or none", value);
}

static void
print_refund(const struct policy *p, const struct policy_setting *s, struct strbuf *out)
{
	(void)s;
	sb_adds(out, refund_names[p->refund]);
}

/* A share such as 50% (the sign may be left out). */
static int
parse_share(struct policy *p, const struct policy_setting *s, const char *value, su_err *e)
{
	size_t digits = strcspn(value, "%");
	char number[16];

	snprintf(number, sizeof number, "%.*s", (int)digits, value);
	if (value[digits] == '%' && value[digits + 1] != '\0')
		return su_err_set(e, "%s: '%s' is not a share such as 50%%", s->key, value);
	return read_number(s->key, number, s->min, s->max, number_of(p, s), e);
}

static void
print_share(const struct policy *p, const struct policy_setting *s, struct strbuf *out)
{
	sb_addf(out, "%d%%", *number_of((struct policy *)p, s));
}

static int
parse_reminders(struct policy *p, const struct policy_setting *s, const char *value,
    su_err *e)
{
	(void)s;
	return read_reminders(p, value, e);
}

static void
print_reminders(const struct policy *p, const struct policy_setting *s, struct strbuf *out)
{
	(void)s;
	for (size_t i = 0; i < p->n_reminders; i++) {
		char offset[24];

		sb_addf(out, "%s%s", i ? "," : "", policy_offset_format(p->reminders[i], offset,
		    sizeof offset));
	}
	if (p->n_reminders == 0)
		sb_adds(out, "off");
}

static int
parse_switch(struct policy *p, const struct policy_setting *s, const char *value, su_err *e)
{
	if (strcmp(value, "on") != 0 && strcmp(value, "off") != 0)
		return su_err_set(e, "%s: 'on' or 'off', not '%s'", s->key, value);
	*number_of(p, s) = strcmp(value, "on") == 0;
	return 0;
}

static void
print_switch(const struct policy *p, const struct policy_setting *s, struct strbuf *out)
{
	sb_adds(out, *number_of((struct policy *)p, s) ? "on" : "off");
}

static int
parse_templates(struct policy *p, const struct policy_setting *s, const char *value,
    su_err *e)
{
	(void)s;
	if (strlen(value) >= sizeof p->templates || str_has_control(value))
		return su_err_set(e, "templates: give a folder (or 'installed')");
	snprintf(p->templates, sizeof p->templates, "%s",
	    strcmp(value, "installed") == 0 ? "" : value);
	return 0;
}

static void
print_templates(const struct policy *p, const struct policy_setting *s, struct strbuf *out)
{
	(void)s;
	sb_adds(out, *p->templates ? p->templates : "installed");
}

static int
parse_date_order(struct policy *p, const struct policy_setting *s, const char *value,
    su_err *e)
{
	(void)s;
	if (strcmp(value, "auto") == 0) {
		p->date_order = DATE_ORDER_UNKNOWN;
		return 0;
	}
	if (date_order_parse(value, &p->date_order) == 0)
		return 0;
	return su_err_set(e, "date.order: '%s' is not dmy, mdy, ymd or auto (by the time zone)",
	    value);
}

static void
print_date_order(const struct policy *p, const struct policy_setting *s, struct strbuf *out)
{
	(void)s;
	sb_adds(out, p->date_order == DATE_ORDER_UNKNOWN ? "auto" : date_order_name(p->date_order));
}

/* Reads "Nmo" (months after the cohort's end, 1 to 1200) or "off" into p. */
static int
parse_retention(struct policy *p, const struct policy_setting *s, const char *value,
    su_err *e)
{
	size_t n = strlen(value);
	char digits[16];
	long long months;

	if (strcmp(value, "off") == 0) {
		p->retention_months = 0;
		return 0;
	}
	if (n < 3 || n - 2 >= sizeof digits || strcmp(value + n - 2, "mo") != 0)
		return su_err_set(e, "%s: '%s' is not a number of months such as 24mo, or off",
		    s->key, value);
	memcpy(digits, value, n - 2);
	digits[n - 2] = '\0';
	if (parse_int(digits, 1, 1200, &months) < 0)
		return su_err_set(e, "%s: '%s' is not from 1mo to 1200mo", s->key, value);
	p->retention_months = (int)months;
	return 0;
}

static void
print_retention(const struct policy *p, const struct policy_setting *s, struct strbuf *out)
{
	(void)s;
	if (p->retention_months == 0)
		sb_adds(out, "off");
	else
		sb_addf(out, "%dmo", p->retention_months);
}

/* A number setting: its int in struct policy and its bounds. */
#define NUMBER(member, lo, hi) .parse = parse_number, .print = print_number, \
	.field = offsetof(struct policy, member), .min = (lo), .max = (hi)
/* The points of one outcome. */
#define POINTS(name, o, d, what) { .key = "points." name, .type = "POINTS", .dflt = #d, \
	.help = "points for " what, NUMBER(points[o], 0, 100) }

const struct policy_setting policy_settings[] = {
	{ .key = "cutoff", .type = "day-before HH:MM|hours N", .dflt = "day-before 18:00",
	  .help = "the last moment a cancellation is in time: a time the day before, or "
	  "hours before the start", .parse = parse_cutoff, .print = print_cutoff },
	{ .key = "grace", .type = "MINUTES", .dflt = "5",
	  .help = "minutes of lateness still counted present", NUMBER(grace_minutes, 0, 240) },
	{ .key = "reasons.accepted", .type = "CODE,...", .dflt = "medical,personal-emergency",
	  .help = "the emergency reason codes that excuse an absence or a late cancellation",
	  .parse = parse_accepted, .print = print_accepted },
	{ .key = "reasons.other", .type = "CODE,...", .dflt = "customer-meeting,work,travel,other",
	  .help = "reason codes recorded but not accepted", .parse = parse_other,
	  .print = print_other },
	POINTS("present", OUTCOME_PRESENT, 0, "coming on time"),
	POINTS("late", OUTCOME_LATE, 0, "coming later than the grace"),
	POINTS("cancelled", OUTCOME_CANCELLED, 0, "a cancellation in time"),
	POINTS("late_cancel", OUTCOME_LATE_CANCEL, 1, "a cancellation after the cutoff"),
	POINTS("no_show", OUTCOME_NO_SHOW, 2, "not coming without a word"),
	POINTS("excused", OUTCOME_EXCUSED, 0, "an absence excused by an accepted reason"),
	POINTS("rescheduled", OUTCOME_RESCHEDULED, 0, "a place moved in time"),
	{ .key = "points.late_arrival", .type = "POINTS", .dflt = "0",
	  .help = "points added for coming more than late.threshold minutes late",
	  NUMBER(late_arrival_points, 0, 100) },
	{ .key = "late.threshold", .type = "MINUTES|off", .dflt = "off",
	  .help = "minutes late that score points.late_arrival",
	  NUMBER(late_threshold, 0, 240), .off = "off", .off_value = -1 },
	{ .key = "reschedule.max", .type = "N|none", .dflt = "none",
	  .help = "in-time reschedules each participant may make; those past it count as late "
	  "cancellations", NUMBER(reschedule_max, 0, 100), .off = "none|off", .off_value = -1 },
	{ .key = "reschedule.pairs", .type = "on|off", .dflt = "off",
	  .help = "on: one partner's move of a practice pair to a new time moves the others "
	  "along (they are told whose request it was); off: such a move is refused, naming "
	  "the partners and the coach, who moves it once all agree",
	  .parse = parse_switch, .print = print_switch,
	  .field = offsetof(struct policy, pair_moves) },
	{ .key = "ladder", .type = "POINTS:NOTICE,...",
	  .dflt = "1:policy-reminder,2:warning,3:final-notice,4:coach-review",
	  .help = "the notices as points rise; the last mailed step offers the refund; a final "
	  "coach-review step (mails nothing, due again at every further point) is added one "
	  "point above the last if not written", .parse = parse_ladder, .print = print_ladder },
	{ .key = "notices.review", .type = "next-morning HH:MM|hours N|none",
	  .dflt = "next-morning 08:00",
	  .help = "when a ladder notice may go after the session that brought it, so that a "
	  "mark made in a hurry can be corrected first: a time the next morning, hours after "
	  "its end, or none", .parse = parse_review, .print = print_review },
	{ .key = "refund", .type = "full|prorated|none", .dflt = "full",
	  .help = "the refund offered: the fee, its share of each one's own sessions not yet "
	  "held, or none", .parse = parse_refund, .print = print_refund },
	{ .key = "refund.days", .type = "DAYS", .dflt = "7",
	  .help = "days a refund offer stays open", NUMBER(refund_days, 1, 365) },
	{ .key = "forgive.days", .type = "DAYS|off", .dflt = "off",
	  .help = "points older than this stop counting", NUMBER(forgive_days, 1, 3650),
	  .off = "off", .off_value = 0 },
	{ .key = "left_early", .type = "PERCENT%", .dflt = "50%",
	  .help = "a meeting stay under this share of the session is noted as leaving early",
	  .parse = parse_share, .print = print_share, .field = offsetof(struct policy,
	  left_early_percent), .min = 0, .max = 100 },
	{ .key = "reminders", .type = "OFFSET,...|off", .dflt = "off",
	  .help = "when 'notices plan' plans a session reminder: offsets before the start, "
	  "earliest first (2d,2h)", .parse = parse_reminders, .print = print_reminders },
	{ .key = "reminders.quiet_hours", .type = "HOURS|off", .dflt = "24",
	  .help = "no session reminder whose time comes within this many hours after a change "
	  "notice or invitation of the same session to the same person (it told them already)",
	  NUMBER(reminder_quiet_hours, 1, 336), .off = "off", .off_value = 0 },
	{ .key = "invitations", .type = "on|off", .dflt = "off",
	  .help = "a calendar invitation to each session to come, to everyone expected there",
	  .parse = parse_switch, .print = print_switch,
	  .field = offsetof(struct policy, invitations) },
	{ .key = "digest", .type = "DAY HH:MM|none", .dflt = "none",
	  .help = "a weekly digest mailed to the coach at this weekday and local time: the "
	  "week's figures, who is at risk, what went out and what waits, the moves and "
	  "cancellations participants made, the attendance report attached",
	  .parse = parse_digest, .print = print_digest },
	{ .key = "coach.copies", .type = "on|off", .dflt = "off",
	  .help = "a copy to the coach of each move or cancellation a participant makes "
	  "through their own link, with a calendar entry for a 1:1 moved",
	  .parse = parse_switch, .print = print_switch,
	  .field = offsetof(struct policy, coach_copies) },
	{ .key = "templates", .type = "FOLDER|installed", .dflt = "installed",
	  .help = "the cohort's own folder of notice templates",
	  .parse = parse_templates, .print = print_templates },
	{ .key = "date.order", .type = "dmy|mdy|ymd|auto", .dflt = "auto",
	  .help = "how files write dates such as 4/3/2027; auto: by the cohort's time zone",
	  .parse = parse_date_order, .print = print_date_order },
	{ .key = "retention", .type = "MONTHSmo|off", .dflt = "off",
	  .help = "months after the cohort's end (its last day, else its last session) that "
	  "'showup retention' erases its participants' personal data",
	  .parse = parse_retention, .print = print_retention },
	{ .key = NULL }
};

const struct policy_setting *
policy_setting_find(const char *key)
{
	for (size_t i = 0; policy_settings[i].key != NULL; i++)
		if (strcmp(policy_settings[i].key, key) == 0)
			return &policy_settings[i];
	return NULL;
}

int
policy_value(const struct policy *p, const char *key, struct strbuf *out)
{
	const struct policy_setting *s = policy_setting_find(key);

	if (s == NULL)
		return -1;
	s->print(p, s, out);
	return 0;
}

/* Appends 'text' wrapped at 'width' columns, each line after the first indented by 'indent'. */
static void
add_wrapped(struct strbuf *out, const char *text, size_t col, size_t indent, size_t width)
{
	while (*text) {
		size_t word = strcspn(text, " ");

		if (col > indent && col + 1 + word > width) {
			sb_addf(out, "\n%*s", (int)indent, "");
			col = indent;
		} else if (col > indent) {
			sb_adds(out, " ");
			col++;
		}
		sb_addf(out, "%.*s", (int)word, text);
		col += word;
		text += word + (text[word] == ' ');
	}
	sb_adds(out, "\n");
}

void
policy_settings_help(struct strbuf *out)
{
	for (size_t i = 0; policy_settings[i].key != NULL; i++) {
		const struct policy_setting *s = &policy_settings[i];
		char *line = xasprintf("%s (default %s)", s->type, s->dflt);
		size_t len = strlen(s->key);

		sb_addf(out, "%s%*s", s->key, len < 19 ? (int)(19 - len) : 1, "");
		add_wrapped(out, line, len < 19 ? 19 : len + 1, 19, 78);
		sb_addf(out, "%19s", "");
		add_wrapped(out, s->help, 19, 19, 78);
		free(line);
	}
}

/* Appends 'text' as a Markdown code span in a table cell ('|' escaped). */
static void
add_cell_code(struct strbuf *out, const char *text)
{
	sb_adds(out, " `");
	for (; *text; text++)
		sb_addf(out, "%s%c", *text == '|' ? "\\" : "", *text);
	sb_adds(out, "` |");
}

void
policy_settings_markdown(struct strbuf *out)
{
	sb_adds(out, "| setting | values | default | what it sets |\n|---|---|---|---|\n");
	for (size_t i = 0; policy_settings[i].key != NULL; i++) {
		sb_adds(out, "|");
		add_cell_code(out, policy_settings[i].key);
		add_cell_code(out, policy_settings[i].type);
		add_cell_code(out, policy_settings[i].dflt);
		sb_addf(out, " %s |\n", policy_settings[i].help);
	}
}

enum date_order
policy_date_order(const struct policy *p, const char *tz)
{
	return p->date_order != DATE_ORDER_UNKNOWN ? p->date_order : date_order_for_zone(tz);
}
