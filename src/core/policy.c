/* SPDX-License-Identifier: Apache-2.0 */
/* policy.c - the attendance policy: defaults, reason codes, cancellation cutoffs. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "showup/policy.h"
#include "showup/timeutil.h"

/* Appends 'code' to a reason list; ignored when the list is full. */
static void
reason_add(char list[][POLICY_REASON_LEN], size_t *n, const char *code)
{
	if (*n < POLICY_MAX_REASONS)
		snprintf(list[(*n)++], POLICY_REASON_LEN, "%s", code);
}

void
policy_default(struct policy *p)
{
	memset(p, 0, sizeof *p);
	p->cutoff_kind = CUTOFF_DAY_BEFORE;
	p->cutoff_minute = 18 * 60;
	p->review_minute = 8 * 60;
	p->review_hours = 0;
	p->digest_day = -1;
	p->cutoff_hours = 24;
	p->grace_minutes = 5;
	p->reminder_quiet_hours = 24;
	reason_add(p->accepted, &p->n_accepted, "medical");
	reason_add(p->accepted, &p->n_accepted, "personal-emergency");
	reason_add(p->other, &p->n_other, "customer-meeting");
	reason_add(p->other, &p->n_other, "work");
	reason_add(p->other, &p->n_other, "travel");
	reason_add(p->other, &p->n_other, "other");
	p->points[OUTCOME_LATE_CANCEL] = 1;
	p->points[OUTCOME_NO_SHOW] = 2;
	p->late_threshold = -1;
	p->late_arrival_points = 0;
	p->ladder[0] = (struct ladder_step){ 1, "policy-reminder" };
	p->ladder[1] = (struct ladder_step){ 2, "warning" };
	p->ladder[2] = (struct ladder_step){ 3, "final-notice" };
	p->ladder[3] = (struct ladder_step){ 4, POLICY_COACH_REVIEW };
	p->n_steps = 4;
	p->refund = REFUND_FULL;
	p->refund_days = 7;
	p->forgive_days = 0;
	p->left_early_percent = 50;
	p->reschedule_max = -1;
}

int
policy_reason_accepted(const struct policy *p, const char *code)
{
	if (strcmp(code, POLICY_REASON_EXCUSED) == 0)	/* an erased record's class */
		return 1;
	for (size_t i = 0; i < p->n_accepted; i++)
		if (strcmp(p->accepted[i], code) == 0)
			return 1;
	return 0;
}

int
policy_reason_known(const struct policy *p, const char *code)
{
	if (policy_reason_accepted(p, code) || strcmp(code, POLICY_REASON_NOT_EXCUSED) == 0)
		return 1;
	for (size_t i = 0; i < p->n_other; i++)
		if (strcmp(p->other[i], code) == 0)
			return 1;
	return 0;
}

void
policy_reasons_describe(const struct policy *p, int accepted_only, struct strbuf *sb)
{
	for (size_t i = 0; i < p->n_accepted; i++)
		sb_addf(sb, "%s%s", i ? ", " : "", p->accepted[i]);
	for (size_t i = 0; !accepted_only && i < p->n_other; i++)
		sb_addf(sb, ", %s", p->other[i]);
}

void
policy_zone_cutoff(const struct policy *p, const struct tz_zone *zone, int64_t starts_at,
    int64_t *cutoff)
{
	struct civil c;

	if (p->cutoff_kind == CUTOFF_HOURS) {
		*cutoff = starts_at - (int64_t)p->cutoff_hours * 3600;
		return;
	}
	tz_zone_to_local(zone, starts_at, &c, NULL);
	civil_from_days(days_from_civil(c.year, c.month, c.day) - 1, &c.year,
	    &c.month, &c.day);
	c.hour = p->cutoff_minute / 60;
	c.minute = p->cutoff_minute % 60;
	c.second = 0;
	tz_zone_to_utc(zone, &c, cutoff);
}

int
policy_cutoff(const struct policy *p, const char *tz, int64_t starts_at, int64_t *cutoff)
{
	const struct tz_zone *zone = tz_zone_find(tz);

	if (zone == NULL)
		return -1;
	policy_zone_cutoff(p, zone, starts_at, cutoff);
	return 0;
}

int64_t
policy_review_at(const struct policy *p, const char *tz, int64_t ends_at)
{
	const struct tz_zone *zone;
	struct civil c;
	int64_t at;

	if (p->review_minute < 0 && p->review_hours == 0)
		return 0;	/* none: no wait */
	if (p->review_minute < 0)
		return ends_at + (int64_t)p->review_hours * 3600;
	if ((zone = tz_zone_find(tz)) == NULL)
		return ends_at;
	tz_zone_to_local(zone, ends_at, &c, NULL);
	civil_from_days(days_from_civil(c.year, c.month, c.day) + 1, &c.year, &c.month, &c.day);
	c.hour = p->review_minute / 60;
	c.minute = p->review_minute % 60;
	c.second = 0;
	tz_zone_to_utc(zone, &c, &at);
	return at > ends_at ? at : ends_at;
}

/* The weekdays as the digest setting names them, Monday first. */
static const char *const weekdays[] = { "monday", "tuesday", "wednesday", "thursday",
	"friday", "saturday", "sunday" };

/* Reads a local time "H:MM" or "HH:MM", nothing around it, into *minute; 0 or -1. */
static int
read_clock(const char *s, int *minute)
{
	size_t len = strlen(s), colon = strspn(s, "0123456789");

	if ((colon != 1 && colon != 2) || s[colon] != ':' || len != colon + 3 ||
	    strspn(s + colon + 1, "0123456789") != 2)
		return -1;
	if (atoi(s) > 23 || atoi(s + colon + 1) > 59)
		return -1;
	*minute = atoi(s) * 60 + atoi(s + colon + 1);
	return 0;
}

int
policy_digest_parse(const char *value, int *day, int *minute)
{
	size_t word = strcspn(value, " ");
	int d = -1, m;

	if (strcmp(value, "none") == 0 || strcmp(value, "off") == 0) {
		*day = -1;
		return 0;
	}
	for (int k = 0; k < 7 && word >= 3; k++)
		if ((word == 3 || word == strlen(weekdays[k])) &&
		    strncasecmp(value, weekdays[k], word) == 0)
			d = k;
	if (d < 0 || value[word] != ' ' || read_clock(value + word + 1, &m) < 0)
		return -1;
	*day = d;
	*minute = m;
	return 0;
}

int64_t
policy_digest_at(const struct policy *p, const char *tz, int64_t now)
{
	const struct tz_zone *zone;
	struct civil c;
	int64_t days, at;
	int back;

	if (p->digest_day < 0 || (zone = tz_zone_find(tz)) == NULL)
		return 0;
	tz_zone_to_local(zone, now, &c, NULL);
	days = days_from_civil(c.year, c.month, c.day);
	back = (int)(((days % 7 + 7 + 3) % 7 - p->digest_day + 7) % 7);	/* day 0: Thursday */
	for (int week = 0; week < 2; week++) {
		civil_from_days(days - back - 7 * week, &c.year, &c.month, &c.day);
		c.hour = p->digest_minute / 60;
		c.minute = p->digest_minute % 60;
		c.second = 0;
		if (tz_zone_to_utc(zone, &c, &at) == 0 && at <= now)
			return at;
	}
	return 0;
}

int
policy_cancel_in_time(const struct policy *p, const char *tz, int64_t starts_at, int64_t at,
    int64_t *cutoff)
{
	if (policy_cutoff(p, tz, starts_at, cutoff) < 0)
		*cutoff = starts_at;
	return at <= *cutoff;
}

int
policy_step_of(const struct policy *p, const char *kind)
{
	for (size_t k = 0; k < p->n_steps; k++)
		if (strcmp(p->ladder[k].kind, kind) == 0)
			return (int)k;
	return -1;
}

int
policy_review_step(const struct policy *p)
{
	if (p->n_steps == 0 || strcmp(p->ladder[p->n_steps - 1].kind, POLICY_COACH_REVIEW) != 0)
		return -1;
	return (int)p->n_steps - 1;
}

size_t
policy_mail_steps(const struct policy *p)
{
	return policy_review_step(p) >= 0 ? p->n_steps - 1 : p->n_steps;
}

int
policy_offer_step(const struct policy *p, int k)
{
	return k >= 0 && (size_t)k + 1 == policy_mail_steps(p);
}
