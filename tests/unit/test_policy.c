/* SPDX-License-Identifier: Apache-2.0 */
/* test_policy.c - policy settings as 'showup policy set' takes them, and outcome names. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "showup/policy.h"
#include "suites.h"


/* Readers of one field each, for the tables; -1 where the setting is of another kind. */
static int
cutoff_minute_of(const struct policy *p)
{
	return p->cutoff_kind == CUTOFF_DAY_BEFORE ? p->cutoff_minute : -1;
}

static int
cutoff_hours_of(const struct policy *p)
{
	return p->cutoff_kind == CUTOFF_HOURS ? p->cutoff_hours : -1;
}

static int
grace_of(const struct policy *p)
{
	return p->grace_minutes;
}

/* The number of accepted codes, or -1 unless the list is exactly medical, bereavement. */
static int
accepted_of(const struct policy *p)
{
	if (p->n_accepted != 2 || strcmp(p->accepted[0], "medical") != 0 ||
	    strcmp(p->accepted[1], "bereavement") != 0)
		return -1;
	return policy_reason_accepted(p, "bereavement") &&
	    !policy_reason_accepted(p, "personal-emergency") ? 2 : -1;
}

/* The number of other codes, or -1 unless the list is exactly work, travel. */
static int
other_of(const struct policy *p)
{
	if (p->n_other != 2 || strcmp(p->other[0], "work") != 0 ||
	    strcmp(p->other[1], "travel") != 0)
		return -1;
	return policy_reason_known(p, "travel") && !policy_reason_known(p, "other") ? 2 : -1;
}

static int
no_show_points_of(const struct policy *p)
{
	return p->points[OUTCOME_NO_SHOW];
}

static int
late_points_of(const struct policy *p)
{
	return p->points[OUTCOME_LATE];
}

static int
late_cancel_points_of(const struct policy *p)
{
	return p->points[OUTCOME_LATE_CANCEL];
}

/* The ladder as a number: each step's threshold as a digit, or -1 if a kind is wrong. */
static int
ladder_of(const struct policy *p)
{
	static const char *const kinds[] = { "policy-reminder", "warning", "final-notice",
		"coach-review" };
	int n = 0;

	for (size_t i = 0; i < p->n_steps; i++) {
		int known = 0;

		for (size_t k = 0; k < ARRAY_SIZE(kinds); k++)
			known |= strcmp(p->ladder[i].kind, kinds[k]) == 0;
		if (!known)
			return -1;
		n = n * 10 + p->ladder[i].threshold;
	}
	return n;
}

static int
late_threshold_of(const struct policy *p)
{
	return p->late_threshold;
}

static int
refund_of(const struct policy *p)
{
	return (int)p->refund;
}

static int
refund_days_of(const struct policy *p)
{
	return p->refund_days;
}

static int
forgive_days_of(const struct policy *p)
{
	return p->forgive_days;
}

/* The digest's day and minute as one number: day * 10000 + minute; off -10000. */
static int
digest_of(const struct policy *p)
{
	return p->digest_day < 0 ? -10000 : p->digest_day * 10000 + p->digest_minute;
}

static int
coach_copies_of(const struct policy *p)
{
	return p->coach_copies;
}

static int
retention_of(const struct policy *p)
{
	return p->retention_months;
}

/* --- good values ------------------------------------------------------------- */

struct good_case {
	const char *key;
	const char *value;
	const char *canonical;	/* what policy_value writes back */
	int (*get)(const struct policy *);
	int want;
};

static const struct good_case good_cases[] = {
	{ "cutoff", "day-before 18:00", "day-before 18:00", cutoff_minute_of, 18 * 60 },
	{ "cutoff", "day-before 07:30", "day-before 07:30", cutoff_minute_of, 7 * 60 + 30 },
	{ "cutoff", "hours 24", "hours 24", cutoff_hours_of, 24 },
	{ "cutoff", "hours 12", "hours 12", cutoff_hours_of, 12 },
	{ "cutoff", "hours 0", "hours 0", cutoff_hours_of, 0 },
	{ "grace", "10", "10", grace_of, 10 },
	{ "reasons.accepted", "medical,bereavement", "medical,bereavement", accepted_of, 2 },
	{ "reasons.other", "work,travel", "work,travel", other_of, 2 },
	{ "points.no_show", "3", "3", no_show_points_of, 3 },
	{ "points.late", "1", "1", late_points_of, 1 },
	{ "points.late_cancel", "0", "0", late_cancel_points_of, 0 },
	{ "ladder", "1:policy-reminder,2:warning,3:final-notice",
	  "1:policy-reminder,2:warning,3:final-notice,4:coach-review", ladder_of, 1234 },
	{ "ladder", "2:warning,4:final-notice", "2:warning,4:final-notice,5:coach-review",
	  ladder_of, 245 },
	{ "ladder", "2:warning,4:final-notice,7:coach-review",
	  "2:warning,4:final-notice,7:coach-review", ladder_of, 247 },
	{ "ladder", "1:final-notice", "1:final-notice,2:coach-review", ladder_of, 12 },
	{ "ladder", " 1:warning , 3:final-notice , 9:coach-review ",
	  "1:warning,3:final-notice,9:coach-review", ladder_of, 139 },
	{ "refund", "full", "full", refund_of, REFUND_FULL },
	{ "refund", "prorated", "prorated", refund_of, REFUND_PRORATED },
	{ "refund", "none", "none", refund_of, REFUND_NONE },
	{ "refund.days", "14", "14", refund_days_of, 14 },
	{ "forgive.days", "30", "30", forgive_days_of, 30 },
	{ "forgive.days", "off", "off", forgive_days_of, 0 },
	{ "retention", "24mo", "24mo", retention_of, 24 },
	{ "retention", "off", "off", retention_of, 0 },
	{ "late.threshold", "15", "15", late_threshold_of, 15 },
	{ "late.threshold", "0", "0", late_threshold_of, 0 },
	{ "late.threshold", "off", "off", late_threshold_of, -1 },
	{ "digest", "mon 08:00", "mon 08:00", digest_of, 0 * 10000 + 8 * 60 },
	{ "digest", "Sunday 7:05", "sun 07:05", digest_of, 6 * 10000 + 7 * 60 + 5 },
	{ "digest", "none", "none", digest_of, -10000 },
	{ "coach.copies", "on", "on", coach_copies_of, 1 },
	{ "coach.copies", "off", "off", coach_copies_of, 0 },
};

/* A good value is taken, written back in canonical form, and that form reads the same. */
START_TEST(policy_good_values)
{
	const struct good_case *c = &good_cases[_i];
	struct policy p, again;
	struct strbuf sb = STRBUF_INIT;
	su_err e = { "" };
	int rc;

	policy_default(&p);
	rc = policy_apply(&p, c->key, c->value, &e);
	ck_assert_msg(rc == 0, "%s '%s': rc %d (%s)", c->key, c->value, rc, e.msg);
	ck_assert_msg(c->get(&p) == c->want, "%s '%s': got %d, want %d", c->key, c->value,
	    c->get(&p), c->want);
	ck_assert_int_eq(policy_value(&p, c->key, &sb), 0);
	ck_assert_str_eq(sb_str(&sb), c->canonical);

	policy_default(&again);
	ck_assert_msg(policy_apply(&again, c->key, sb_str(&sb), &e) == 0, "%s '%s': %s",
	    c->key, sb_str(&sb), e.msg);
	ck_assert_msg(memcmp(&p, &again, sizeof p) == 0, "%s: '%s' does not read back the same",
	    c->key, sb_str(&sb));
	sb_free(&sb);
}
END_TEST

/* --- bad values ---------------------------------------------------------------- */

struct bad_case {
	const char *pre_key;	/* a setting applied first (NULL: none) */
	const char *pre_value;
	const char *key;
	const char *value;
};

static const struct bad_case bad_cases[] = {
	{ NULL, NULL, "cutoff", "hours -3" },
	{ NULL, NULL, "cutoff", "day-before 25:00" },
	{ NULL, NULL, "cutoff", "day-before 18:60" },
	{ NULL, NULL, "cutoff", "sometimes" },
	{ NULL, NULL, "cutoff", "hours" },
	{ NULL, NULL, "cutoff", "" },
	{ NULL, NULL, "grace", "-1" },
	{ NULL, NULL, "grace", "abc" },
	{ NULL, NULL, "grace", "" },
	{ NULL, NULL, "ladder", "2:warning,1:policy-reminder" },	/* thresholds must rise */
	{ NULL, NULL, "ladder", "1:warning,1:final-notice" },
	{ NULL, NULL, "ladder", "" },
	{ NULL, NULL, "ladder", "0:x" },
	{ NULL, NULL, "refund", "half" },
	{ NULL, NULL, "refund", "" },
	{ NULL, NULL, "refund.days", "0" },
	{ NULL, NULL, "refund.days", "abc" },
	{ NULL, NULL, "forgive.days", "-5" },
	{ NULL, NULL, "forgive.days", "never" },
	{ NULL, NULL, "retention", "24" },
	{ NULL, NULL, "retention", "0mo" },
	{ NULL, NULL, "retention", "mo" },
	{ NULL, NULL, "retention", "2y" },
	{ NULL, NULL, "colour", "red" },
	{ NULL, NULL, "points.bogus", "1" },
	{ NULL, NULL, "points.no_show", "-1" },
	{ NULL, NULL, "points.no_show", "two" },
	{ NULL, NULL, "reasons.accepted", "" },
	{ NULL, NULL, "reasons.other", "medical,work" },	/* medical is accepted */
	{ NULL, NULL, "reasons.accepted", "medical,work" },	/* work is another reason */
	{ "reasons.accepted", "medical,bereavement", "reasons.other", "work,bereavement" },
	{ "cutoff", "hours 12", "cutoff", "hours -3" },
	{ "ladder", "2:warning,4:final-notice", "ladder", "4:warning,2:final-notice" },
	{ NULL, NULL, "ladder", "1:warning,2:coach-review,3:final-notice" },	/* not last */
	{ NULL, NULL, "ladder", "3:coach-review" },	/* no notice before it */
	{ NULL, NULL, "ladder", "1:warning,3:coach-review,4:coach-review" },
	{ NULL, NULL, "ladder", "2:warning,2:coach-review" },	/* must rise */
	{ NULL, NULL, "points.late_arrival", "1" },	/* no late.threshold */
	{ NULL, NULL, "late.threshold", "never" },
	{ NULL, NULL, "late.threshold", "241" },
	{ "late.threshold", "10", "points.late_arrival", "many" },
	{ "late.threshold", "10", "points.late_arrival", "101" },
};

/* A bad value fails with a message and leaves the policy exactly as it was. */
START_TEST(policy_bad_values)
{
	const struct bad_case *c = &bad_cases[_i];
	struct policy p, before;
	su_err e = { "" };
	int rc;

	memset(&p, 0, sizeof p);
	policy_default(&p);
	if (c->pre_key != NULL)
		ck_assert_msg(policy_apply(&p, c->pre_key, c->pre_value, &e) == 0, "%s '%s': %s",
		    c->pre_key, c->pre_value, e.msg);
	memcpy(&before, &p, sizeof p);
	e.msg[0] = '\0';
	rc = policy_apply(&p, c->key, c->value, &e);
	ck_assert_msg(rc == -1, "%s '%s' was taken", c->key, c->value);
	ck_assert_msg(strlen(e.msg) > 0, "%s '%s': no message", c->key, c->value);
	ck_assert_msg(memcmp(&p, &before, sizeof p) == 0, "%s '%s' changed the policy", c->key,
	    c->value);
}
END_TEST

/* --- points for lateness, set together ------------------------------------------ */

struct late_setting_case {
	const char *first_key, *first;	/* applied together, checked at the end */
	const char *second_key, *second;
	int rc;
	int threshold, points;		/* after, when taken */
};

static const struct late_setting_case late_setting_cases[] = {
	{ "late.threshold", "15", "points.late_arrival", "1", 0, 15, 1 },
	{ "points.late_arrival", "1", "late.threshold", "15", 0, 15, 1 },	/* any order */
	{ "late.threshold", "off", "points.late_arrival", "0", 0, -1, 0 },
	{ "late.threshold", "0", "points.late_arrival", "2", 0, 0, 2 },
	{ "late.threshold", "240", "points.late_arrival", "100", 0, 240, 100 },
	{ "late.threshold", "15", "points.late_arrival", "0", 0, 15, 0 },
	{ "late.threshold", " 20 ", "points.late_arrival", "3", 0, 20, 3 },
	{ "late.threshold", "off", "points.late_arrival", "1", -1, 0, 0 },
	{ "points.late_arrival", "1", "late.threshold", "off", -1, 0, 0 },
	{ "late.threshold", "241", "points.late_arrival", "1", -1, 0, 0 },
	{ "late.threshold", "-1", "points.late_arrival", "1", -1, 0, 0 },
	{ "late.threshold", "15", "points.late_arrival", "-1", -1, 0, 0 },
};

/* late.threshold and points.late_arrival: taken together, or not at all. */
START_TEST(policy_late_settings)
{
	const struct late_setting_case *c = &late_setting_cases[_i];
	const char *keys[] = { c->first_key, c->second_key };
	const char *values[] = { c->first, c->second };
	struct policy p, before;
	su_err e = { "" };
	int rc;

	policy_default(&p);
	before = p;
	rc = policy_apply_many(&p, keys, values, 2, &e);
	ck_assert_msg(rc == c->rc, "case %d: rc %d (%s), want %d", _i, rc, e.msg, c->rc);
	if (rc < 0) {
		ck_assert(strlen(e.msg) > 0);
		ck_assert(memcmp(&p, &before, sizeof p) == 0);
		return;
	}
	ck_assert_int_eq(p.late_threshold, c->threshold);
	ck_assert_int_eq(p.late_arrival_points, c->points);
}
END_TEST

/* --- the defaults and every key -------------------------------------------------- */

struct default_case {
	const char *key;
	const char *want;
};

static const struct default_case default_cases[] = {
	{ "cutoff", "day-before 18:00" },
	{ "grace", "5" },
	{ "reasons.accepted", "medical,personal-emergency" },
	{ "reasons.other", "customer-meeting,work,travel,other" },
	{ "points.late_cancel", "1" },
	{ "points.no_show", "2" },
	{ "points.late", "0" },
	{ "ladder", "1:policy-reminder,2:warning,3:final-notice,4:coach-review" },
	{ "refund", "full" },
	{ "refund.days", "7" },
	{ "forgive.days", "off" },
	{ "points.late_arrival", "0" },
	{ "late.threshold", "off" },
	{ "retention", "off" },
};

/* policy_value of the default policy, as doc/policy.md states the defaults. */
START_TEST(policy_default_values)
{
	const struct default_case *c = &default_cases[_i];
	struct policy p;
	struct strbuf sb = STRBUF_INIT;

	policy_default(&p);
	ck_assert_int_eq(policy_value(&p, c->key, &sb), 0);
	ck_assert_str_eq(sb_str(&sb), c->want);
	sb_free(&sb);
}
END_TEST

static size_t
count_keys(void)
{
	size_t n = 0;

	while (policy_settings[n].key != NULL)
		n++;
	return n;
}

/* Every key has a value, and that value applied to the defaults changes nothing. */
START_TEST(policy_every_key_has_a_value)
{
	const char *key = policy_settings[_i].key;
	struct policy p, again;
	struct strbuf sb = STRBUF_INIT;
	su_err e = { "" };

	policy_default(&p);
	ck_assert_msg(policy_value(&p, key, &sb) == 0, "no value for '%s'", key);
	ck_assert_msg(strlen(sb_str(&sb)) > 0, "empty value for '%s'", key);
	policy_default(&again);
	ck_assert_msg(policy_apply(&again, key, sb_str(&sb), &e) == 0, "%s '%s': %s", key,
	    sb_str(&sb), e.msg);
	ck_assert_msg(memcmp(&p, &again, sizeof p) == 0, "%s '%s' changed the defaults", key,
	    sb_str(&sb));
	sb_free(&sb);
}
END_TEST

/*
 * Every setting has its row whole: values, default (the one policy_default
 * prints), help, and its line in 'policy set -h' (a key at a line's start).
 */
START_TEST(policy_every_key_has_its_help)
{
	const struct policy_setting *s = &policy_settings[_i];
	struct strbuf help = STRBUF_INIT, dflt = STRBUF_INIT;
	char *line = xasprintf("\n%s ", s->key);
	struct policy p;

	ck_assert_msg(s->help != NULL && *s->help, "'%s' has no help line", s->key);
	ck_assert_msg(s->type != NULL && *s->type, "'%s' does not say its values", s->key);
	ck_assert_msg(s->parse != NULL && s->print != NULL, "'%s' cannot be read or written",
	    s->key);
	policy_default(&p);
	s->print(&p, s, &dflt);
	ck_assert_msg(s->dflt != NULL && strcmp(s->dflt, sb_str(&dflt)) == 0,
	    "'%s' says its default is '%s'; policy_default makes it '%s'", s->key,
	    s->dflt ? s->dflt : "(none)", sb_str(&dflt));
	sb_adds(&help, "\n");
	policy_settings_help(&help);
	ck_assert_msg(strstr(sb_str(&help), line) != NULL, "'policy set -h' has no line for '%s'",
	    s->key);
	free(line);
	sb_free(&help);
	sb_free(&dflt);
}
END_TEST

#define DOC_BEGIN "<!-- the settings: policy_settings[] in src/core/policy-settings.c -->\n"
#define DOC_END "<!-- end of the settings -->"

/* doc/policy.md lists the settings exactly as policy_settings[] has them. */
START_TEST(policy_doc_lists_every_setting)
{
	struct strbuf want = STRBUF_INIT;
	char *path = xasprintf("%s/doc/policy.md", SRCDIR), *doc, *begin, *end;
	size_t len;
	su_err e;

	doc = file_read_all(path, 1 << 20, &len, &e);
	ck_assert_msg(doc != NULL, "%s", e.msg);
	begin = strstr(doc, DOC_BEGIN);
	ck_assert_msg(begin != NULL, "%s lacks the line %s", path, DOC_BEGIN);
	begin += strlen(DOC_BEGIN);
	end = strstr(begin, DOC_END);
	ck_assert_msg(end != NULL, "%s lacks the line %s", path, DOC_END);
	*end = '\0';
	policy_settings_markdown(&want);
	ck_assert_msg(strcmp(begin, sb_str(&want)) == 0,
	    "%s's list of settings differs from policy_settings[]; it should read:\n%s", path,
	    sb_str(&want));
	sb_free(&want);
	free(doc);
	free(path);
}
END_TEST

/* The defaults the engine relies on, and keys that do not exist. */
START_TEST(policy_defaults_and_unknown_keys)
{
	struct policy p;
	struct strbuf sb = STRBUF_INIT;

	policy_default(&p);
	ck_assert_int_eq(p.n_steps, 4);
	ck_assert_int_eq(p.ladder[0].threshold, 1);
	ck_assert_str_eq(p.ladder[0].kind, "policy-reminder");
	ck_assert_int_eq(p.ladder[1].threshold, 2);
	ck_assert_str_eq(p.ladder[1].kind, "warning");
	ck_assert_int_eq(p.ladder[2].threshold, 3);
	ck_assert_str_eq(p.ladder[2].kind, "final-notice");
	ck_assert_int_eq(p.ladder[3].threshold, 4);
	ck_assert_str_eq(p.ladder[3].kind, "coach-review");
	ck_assert_int_eq(policy_review_step(&p), 3);
	ck_assert_int_eq(policy_mail_steps(&p), 3);
	ck_assert(policy_offer_step(&p, 2) && !policy_offer_step(&p, 3) &&
	    !policy_offer_step(&p, 1) && !policy_offer_step(&p, -1));
	ck_assert_int_eq(p.refund, REFUND_FULL);
	ck_assert_int_eq(p.refund_days, 7);
	ck_assert_int_eq(p.forgive_days, 0);
	ck_assert_int_eq(p.grace_minutes, 5);
	ck_assert_int_eq(policy_value(&p, "colour", &sb), -1);
	ck_assert_int_eq(policy_value(&p, "points.bogus", &sb), -1);
	ck_assert(count_keys() >= 10);
	sb_free(&sb);
}
END_TEST

/* --- outcome names ----------------------------------------------------------------- */

struct parse_case {
	const char *name;
	int want;
};

static const struct parse_case parse_cases[] = {
	{ "late_cancel", OUTCOME_LATE_CANCEL },
	{ "no-show", OUTCOME_NO_SHOW },
	{ "no_show", OUTCOME_NO_SHOW },
	{ "present", OUTCOME_PRESENT },
	{ "late", OUTCOME_LATE },
	{ "cancelled", OUTCOME_CANCELLED },
	{ "excused", OUTCOME_EXCUSED },
	{ "nonsense", -1 },
	{ "", -1 },
};

/* outcome_parse reads the names outcome_name writes, "no-show" too. */
START_TEST(outcome_names_parse)
{
	const struct parse_case *c = &parse_cases[_i];

	ck_assert_msg(outcome_parse(c->name) == c->want, "'%s': %d, want %d", c->name,
	    outcome_parse(c->name), c->want);
}
END_TEST

/* Every outcome's name reads back as that outcome. */
START_TEST(outcome_names_round_trip)
{
	enum outcome o = (enum outcome)_i;

	ck_assert_msg(outcome_parse(outcome_name(o)) == (int)o, "'%s' does not read back",
	    outcome_name(o));
}
END_TEST

/* The digest setting's one parser (policy_digest_parse): what it takes and what not. */
struct digest_case {
	const char *value;
	int rc, day, minute;	/* day and minute as left: -2 and -3 untouched */
};

static const struct digest_case digest_cases[] = {
	{ "mon 08:00", 0, 0, 8 * 60 },
	{ "Mon 8:00", 0, 0, 8 * 60 },
	{ "monday 08:00", 0, 0, 8 * 60 },
	{ "TUESDAY 23:59", 0, 1, 23 * 60 + 59 },
	{ "wed 00:00", 0, 2, 0 },
	{ "thu 12:30", 0, 3, 12 * 60 + 30 },
	{ "fri 17:00", 0, 4, 17 * 60 },
	{ "sat 09:15", 0, 5, 9 * 60 + 15 },
	{ "sun 18:00", 0, 6, 18 * 60 },
	{ "none", 0, -1, -3 },
	{ "off", 0, -1, -3 },
	{ "", -1, -2, -3 },
	{ "mon", -1, -2, -3 },
	{ "mo 08:00", -1, -2, -3 },
	{ "tues 08:00", -1, -2, -3 },
	{ "mondays 08:00", -1, -2, -3 },
	{ "mon 24:00", -1, -2, -3 },
	{ "mon 08:60", -1, -2, -3 },
	{ "mon 8:5", -1, -2, -3 },
	{ "mon 008:00", -1, -2, -3 },
	{ "mon 8:+5", -1, -2, -3 },
	{ "mon  08:00", -1, -2, -3 },
	{ "mon 08:00 ", -1, -2, -3 },
	{ "mon 08.00", -1, -2, -3 },
	{ "08:00 mon", -1, -2, -3 },
	{ "mon 08:00\r\n", -1, -2, -3 },
};

START_TEST(digest_parse)
{
	const struct digest_case *c = &digest_cases[_i];
	int day = -2, minute = -3;

	ck_assert_msg(policy_digest_parse(c->value, &day, &minute) == c->rc, "'%s'", c->value);
	ck_assert_msg(day == c->day && minute == c->minute, "'%s': day %d minute %d", c->value,
	    day, minute);
}
END_TEST

/* An erased record's reason, its class, keeps the outcome the code had: a table. */
static const struct class_case {
	enum fact fact;
	int64_t cancelled_at;		/* hours before the start (cutoff at 12 h) */
	const char *code, *class_;
} class_cases[] = {
	{ FACT_ABSENT, 0, "medical", POLICY_REASON_EXCUSED },
	{ FACT_ABSENT, 0, "personal-emergency", POLICY_REASON_EXCUSED },
	{ FACT_CANCELLED, 2, "medical", POLICY_REASON_EXCUSED },
	{ FACT_CANCELLED, 2, "travel", POLICY_REASON_NOT_EXCUSED },
	{ FACT_CANCELLED, 48, "work", POLICY_REASON_NOT_EXCUSED },
	{ FACT_CANCELLED, -1, "customer-meeting", POLICY_REASON_NOT_EXCUSED },
};

START_TEST(reason_class_keeps_the_outcome)
{
	const struct class_case *c = &class_cases[_i];
	struct policy p;
	struct attendance a = { .fact = c->fact, .cancelled_at = 100000 - c->cancelled_at * 3600,
		.reason = (char *)c->code, .note = (char *)"" };
	struct outcome_input in = { .expected = 1, .starts_at = 100000,
		.cutoff = 100000 - 12 * 3600, .now = 200000, .fact = &a };
	enum outcome before;

	policy_default(&p);
	before = outcome_of(&p, &in);
	a.reason = (char *)c->class_;
	ck_assert_int_eq(outcome_of(&p, &in), before);
	ck_assert(policy_reason_known(&p, c->class_));
}
END_TEST

Suite *
policy_suite(void)
{
	Suite *s = suite_create("policy");
	TCase *tc = tcase_create("settings");
	TCase *tn = tcase_create("names");

	tcase_add_loop_test(tc, policy_good_values, 0, (int)ARRAY_SIZE(good_cases));
	tcase_add_loop_test(tc, policy_bad_values, 0, (int)ARRAY_SIZE(bad_cases));
	tcase_add_loop_test(tc, policy_default_values, 0, (int)ARRAY_SIZE(default_cases));
	tcase_add_loop_test(tc, policy_every_key_has_a_value, 0, (int)count_keys());
	tcase_add_loop_test(tc, policy_every_key_has_its_help, 0, (int)count_keys());
	tcase_add_test(tc, policy_doc_lists_every_setting);
	tcase_add_test(tc, policy_defaults_and_unknown_keys);
	tcase_add_loop_test(tc, policy_late_settings, 0, (int)ARRAY_SIZE(late_setting_cases));
	suite_add_tcase(s, tc);

	tcase_add_loop_test(tc, digest_parse, 0, (int)ARRAY_SIZE(digest_cases));
	tcase_add_loop_test(tn, outcome_names_parse, 0, (int)ARRAY_SIZE(parse_cases));
	tcase_add_loop_test(tn, outcome_names_round_trip, 0, OUTCOME_COUNT);
	tcase_add_loop_test(tn, reason_class_keeps_the_outcome, 0, (int)ARRAY_SIZE(class_cases));
	suite_add_tcase(s, tn);
	return s;
}
