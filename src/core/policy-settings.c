/* policy-settings.c - a policy's settings as text: read them, check them, write them back. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "showup/policy.h"

const char *const policy_keys[] = {
	"cutoff", "grace", "reasons.accepted", "reasons.other",
	"points.present", "points.late", "points.cancelled", "points.late_cancel",
	"points.no_show", "points.excused", "points.rescheduled", "points.late_arrival",
	"late.threshold", "reschedule.max", "ladder", "refund", "refund.days", "forgive.days",
	"left_early", "reminders", "invitations", "templates", "date.order", NULL
};

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

/* Reads late.threshold: "off", or minutes late from 0 to 240. */
static int
read_late_threshold(struct policy *p, const char *value, su_err *e)
{
	if (strcmp(value, "off") == 0) {
		p->late_threshold = -1;
		return 0;
	}
	return read_number("late.threshold", value, 0, 240, &p->late_threshold, e);
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

/* Returns 1 if 'key' is spelled exactly as policy_keys lists it. */
static int
key_known(const char *key)
{
	for (size_t i = 0; policy_keys[i] != NULL; i++)
		if (strcmp(policy_keys[i], key) == 0)
			return 1;
	return 0;
}

/* Reads "off" or offsets before a session ("2d,2h,30m"), largest first, into p. */
char *
policy_offset_format(int minutes, char *buf, size_t size)
{
	int m = minutes;

	snprintf(buf, size, "%d%c", m % 1440 == 0 ? m / 1440 : m % 60 == 0 ? m / 60 : m,
	    m % 1440 == 0 ? 'd' : m % 60 == 0 ? 'h' : 'm');
	return buf;
}

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
	if (!key_known(key)) {
		char canon[48] = "";

		if (strncmp(key, "points.", 7) == 0 && outcome_parse(key + 7) >= 0)
			snprintf(canon, sizeof canon, "points.%s",
			    outcome_name((enum outcome)outcome_parse(key + 7)));
		if (key_known(canon))
			return su_err_set(e, "'%s' is not a policy setting (did you mean "
			    "'%s'?)", key, canon);
		return su_err_set(e, "'%s' is not a policy setting", key);
	}
	if (strcmp(key, "cutoff") == 0)
		return read_cutoff(p, value, e);
	if (strcmp(key, "grace") == 0)
		return read_number(key, value, 0, 240, &p->grace_minutes, e);
	if (strcmp(key, "reasons.accepted") == 0)
		return read_reasons(key, value, p->accepted, &p->n_accepted, 0, e);
	if (strcmp(key, "reasons.other") == 0)
		return read_reasons(key, value, p->other, &p->n_other, 1, e);
	if (strcmp(key, "points.late_arrival") == 0)
		return read_number(key, value, 0, 100, &p->late_arrival_points, e);
	if (strcmp(key, "late.threshold") == 0)
		return read_late_threshold(p, value, e);
	if (strcmp(key, "reschedule.max") == 0) {
		if (strcmp(value, "none") == 0 || strcmp(value, "off") == 0) {
			p->reschedule_max = -1;
			return 0;
		}
		return read_number(key, value, 0, 100, &p->reschedule_max, e);
	}
	if (strncmp(key, "points.", 7) == 0)	/* a known key: a scored outcome */
		return read_number(key, value, 0, 100, &p->points[outcome_parse(key + 7)], e);
	if (strcmp(key, "ladder") == 0)
		return read_ladder(p, value, e);
	if (strcmp(key, "refund") == 0) {
		for (size_t i = 0; i < ARRAY_SIZE(refund_names); i++)
			if (strcmp(value, refund_names[i]) == 0) {
				p->refund = (enum refund_rule)i;
				return 0;
			}
		return su_err_set(e, "refund: '%s' is not full, prorated or none", value);
	}
	if (strcmp(key, "refund.days") == 0)
		return read_number(key, value, 1, 365, &p->refund_days, e);
	if (strcmp(key, "forgive.days") == 0) {
		if (strcmp(value, "off") == 0) {
			p->forgive_days = 0;
			return 0;
		}
		return read_number(key, value, 1, 3650, &p->forgive_days, e);
	}
	if (strcmp(key, "reminders") == 0)
		return read_reminders(p, value, e);
	if (strcmp(key, "invitations") == 0) {
		if (strcmp(value, "on") != 0 && strcmp(value, "off") != 0)
			return su_err_set(e, "invitations: 'on' or 'off', not '%s'", value);
		p->invitations = strcmp(value, "on") == 0;
		return 0;
	}
	if (strcmp(key, "templates") == 0) {
		if (strlen(value) >= sizeof p->templates || str_has_control(value))
			return su_err_set(e, "templates: give a folder (or 'installed')");
		snprintf(p->templates, sizeof p->templates, "%s",
		    strcmp(value, "installed") == 0 ? "" : value);
		return 0;
	}
	if (strcmp(key, "date.order") == 0) {
		if (strcmp(value, "auto") == 0) {
			p->date_order = DATE_ORDER_UNKNOWN;
			return 0;
		}
		if (date_order_parse(value, &p->date_order) == 0)
			return 0;
		return su_err_set(e, "date.order: '%s' is not dmy, mdy, ymd or auto (by the "
		    "time zone)", value);
	}
	if (strcmp(key, "left_early") == 0) {
		char number[16];

		snprintf(number, sizeof number, "%.*s", (int)strcspn(value, "%"), value);
		if (value[strcspn(value, "%")] == '%' && value[strcspn(value, "%") + 1] != '\0')
			return su_err_set(e, "left_early: '%s' is not a share such as 50%%", value);
		return read_number(key, number, 0, 100, &p->left_early_percent, e);
	}
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

/* Appends a reason list as "a,b,c". */
static void
write_reasons(const char list[][POLICY_REASON_LEN], size_t n, struct strbuf *out)
{
	for (size_t i = 0; i < n; i++)
		sb_addf(out, "%s%s", i ? "," : "", list[i]);
}

int
policy_value(const struct policy *p, const char *key, struct strbuf *out)
{
	if (strcmp(key, "cutoff") == 0) {
		if (p->cutoff_kind == CUTOFF_HOURS)
			sb_addf(out, "hours %d", p->cutoff_hours);
		else
			sb_addf(out, "day-before %02d:%02d", p->cutoff_minute / 60,
			    p->cutoff_minute % 60);
	} else if (strcmp(key, "grace") == 0) {
		sb_addf(out, "%d", p->grace_minutes);
	} else if (strcmp(key, "reasons.accepted") == 0) {
		write_reasons(p->accepted, p->n_accepted, out);
	} else if (strcmp(key, "reasons.other") == 0) {
		write_reasons(p->other, p->n_other, out);
	} else if (strcmp(key, "points.late_arrival") == 0) {
		sb_addf(out, "%d", p->late_arrival_points);
	} else if (strcmp(key, "late.threshold") == 0) {
		if (p->late_threshold < 0)
			sb_adds(out, "off");
		else
			sb_addf(out, "%d", p->late_threshold);
	} else if (strcmp(key, "reschedule.max") == 0) {
		if (p->reschedule_max < 0)
			sb_adds(out, "none");
		else
			sb_addf(out, "%d", p->reschedule_max);
	} else if (strncmp(key, "points.", 7) == 0 && outcome_parse(key + 7) >= 0) {
		sb_addf(out, "%d", p->points[outcome_parse(key + 7)]);
	} else if (strcmp(key, "ladder") == 0) {
		for (size_t i = 0; i < p->n_steps; i++)
			sb_addf(out, "%s%d:%s", i ? "," : "", p->ladder[i].threshold,
			    p->ladder[i].kind);
	} else if (strcmp(key, "refund") == 0) {
		sb_adds(out, refund_names[p->refund]);
	} else if (strcmp(key, "refund.days") == 0) {
		sb_addf(out, "%d", p->refund_days);
	} else if (strcmp(key, "templates") == 0) {
		sb_adds(out, *p->templates ? p->templates : "installed");
	} else if (strcmp(key, "reminders") == 0) {
		for (size_t i = 0; i < p->n_reminders; i++) {
			char offset[24];

			sb_addf(out, "%s%s", i ? "," : "", policy_offset_format(p->reminders[i],
			    offset, sizeof offset));
		}
		if (p->n_reminders == 0)
			sb_adds(out, "off");
	} else if (strcmp(key, "invitations") == 0) {
		sb_adds(out, p->invitations ? "on" : "off");
	} else if (strcmp(key, "left_early") == 0) {
		sb_addf(out, "%d%%", p->left_early_percent);
	} else if (strcmp(key, "date.order") == 0) {
		sb_adds(out, p->date_order == DATE_ORDER_UNKNOWN ? "auto"
		    : date_order_name(p->date_order));
	} else if (strcmp(key, "forgive.days") == 0) {
		if (p->forgive_days == 0)
			sb_adds(out, "off");
		else
			sb_addf(out, "%d", p->forgive_days);
	} else {
		return -1;
	}
	return 0;
}

enum date_order
policy_date_order(const struct policy *p, const char *tz)
{
	return p->date_order != DATE_ORDER_UNKNOWN ? p->date_order : date_order_for_zone(tz);
}
