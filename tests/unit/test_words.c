/* SPDX-License-Identifier: Apache-2.0 */
/* test_words.c - the words people read: call names, sessions named, counts, rules. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <regex.h>

#include "showup/notice.h"
#include "showup/words.h"
#include "suites.h"

/* Full names and the name each is greeted by when none is set. */
static const struct {
	const char *full, *call;
} call_cases[] = {
	{ "Ana García", "Ana" },
	{ "García, Ana", "Ana" },
	{ "García,Ana María", "Ana" },
	{ "  Thomas   Müller ", "Thomas" },
	{ "GARCÍA Ana", "Ana" },
	{ "MÜLLER-LÜDENSCHEIDT Hans Peter", "Hans" },
	{ "Ana GARCÍA", "Ana" },
	{ "ANA GARCIA", "ANA" },
	{ "Jean-Luc Picard", "Jean-Luc" },
	{ "Kai", "Kai" },
	{ "O'Brien, Seán", "Seán" },
	{ "García,", "García," },
	{ "田中 花子", "田中 花子" },
	{ "田中花子", "田中花子" },
	{ "たなか はなこ", "たなか はなこ" },
	{ "タナカ ハナコ", "タナカ ハナコ" },
	{ "김 민준", "김 민준" },
	{ "王伟", "王伟" },
	{ "", "" },
	{ "   ", "" },
};

START_TEST(call_names)
{
	char *got = call_name_default(call_cases[_i].full);

	ck_assert_msg(strcmp(got, call_cases[_i].call) == 0, "'%s' greets as '%s', not '%s'",
	    call_cases[_i].full, got, call_cases[_i].call);
	free(got);
}
END_TEST

/* Sessions named for their reader; times are Europe/Berlin wall clock. */
static const struct {
	enum session_kind kind;
	const char *when, *with, *name;
} name_cases[] = {
	{ SESSION_GROUP, "2027-09-14 18:00", "", "Tuesday's group session, 14 Sep 18:00" },
	{ SESSION_GROUP, "2027-09-14 18:00", "Kai", "Tuesday's group session, 14 Sep 18:00" },
	{ SESSION_COACHING, "2027-09-23 09:30", "Kai",
	  "your 1:1 with Kai on Thu 23 Sep 09:30" },
	{ SESSION_COACHING, "2027-09-23 09:30", "", "your 1:1 on Thu 23 Sep 09:30" },
	{ SESSION_PRACTICE, "2027-09-22 19:00", "Ana", "practice with Ana, Wed 22 Sep 19:00" },
	{ SESSION_PRACTICE, "2027-09-22 19:00", "Ana and Bo",
	  "practice with Ana and Bo, Wed 22 Sep 19:00" },
	{ SESSION_PRACTICE, "2027-09-22 19:00", NULL,
	  "your practice session, Wed 22 Sep 19:00" },
	{ SESSION_GROUP, "2027-01-03 08:05", "", "Sunday's group session, 3 Jan 08:05" },
};

START_TEST(session_names)
{
	struct civil c = { 0 };
	struct session_naming n = { .kind = name_cases[_i].kind, .zone = "Europe/Berlin",
		.with = name_cases[_i].with };
	struct strbuf sb = STRBUF_INIT;

	ck_assert_int_eq(sscanf(name_cases[_i].when, "%d-%d-%d %d:%d", &c.year, &c.month,
	    &c.day, &c.hour, &c.minute), 5);
	ck_assert_int_eq(tz_local_to_utc("Europe/Berlin", &c, &n.starts_at), 0);
	session_name(&n, &sb);
	ck_assert_str_eq(sb_str(&sb), name_cases[_i].name);
	ck_assert_ptr_null(strstr(sb_str(&sb), "session 1"));
	sb_free(&sb);
}
END_TEST

START_TEST(names_and_counts)
{
	const char *names[] = { "Ana", "Bo", "Cy" };
	struct strbuf sb = STRBUF_INIT;

	names_joined(names, 1, &sb);
	ck_assert_str_eq(sb_str(&sb), "Ana");
	sb_reset(&sb);
	names_joined(names, 2, &sb);
	ck_assert_str_eq(sb_str(&sb), "Ana and Bo");
	sb_reset(&sb);
	names_joined(names, 3, &sb);
	ck_assert_str_eq(sb_str(&sb), "Ana, Bo and Cy");
	sb_reset(&sb);
	count_words(1, "point", "points", &sb);
	ck_assert_str_eq(sb_str(&sb), "1 point");
	sb_reset(&sb);
	count_words(0, "point", "points", &sb);
	ck_assert_str_eq(sb_str(&sb), "0 points");
	sb_reset(&sb);
	count_words(2, "session", "sessions", &sb);
	ck_assert_str_eq(sb_str(&sb), "2 sessions");
	sb_free(&sb);
}
END_TEST

/* Days, the moment to act by, and reason codes as a reader reads them. */
START_TEST(days_and_reasons)
{
	struct civil c = { .year = 2027, .month = 9, .day = 11, .hour = 18 };
	struct strbuf sb = STRBUF_INIT;
	int64_t t;

	ck_assert_int_eq(tz_local_to_utc("Europe/Berlin", &c, &t), 0);
	day_words("Europe/Berlin", t, &sb);
	ck_assert_str_eq(sb_str(&sb), "Sat 11 Sep");
	sb_reset(&sb);
	day_comma_time("Europe/Berlin", t, &sb);
	ck_assert_str_eq(sb_str(&sb), "Sat 11 Sep, 18:00");
	sb_reset(&sb);
	day_words("Australia/Sydney", t, &sb);	/* 02:00 the next day there */
	ck_assert_str_eq(sb_str(&sb), "Sun 12 Sep");
	sb_reset(&sb);
	reason_words("personal-emergency", &sb);
	ck_assert_str_eq(sb_str(&sb), "personal emergency");
	sb_reset(&sb);
	reason_words("travel", &sb);
	ck_assert_str_eq(sb_str(&sb), "travel");
	sb_reset(&sb);
	reason_words("school-run_late", &sb);	/* a code of the coach's own */
	ck_assert_str_eq(sb_str(&sb), "school run late");
	sb_free(&sb);
}
END_TEST

/* Cutoffs as they follow "tell me", and late-arrival rules, from the policy. */
static const struct {
	enum cutoff_kind kind;
	int hours, minute;
	const char *words;
} cutoff_cases[] = {
	{ CUTOFF_DAY_BEFORE, 0, 18 * 60, "by 18:00 the day before" },
	{ CUTOFF_DAY_BEFORE, 0, 9 * 60 + 30, "by 09:30 the day before" },
	{ CUTOFF_HOURS, 24, 0, "at least 24 hours before the start" },
	{ CUTOFF_HOURS, 1, 0, "at least 1 hour before the start" },
};

START_TEST(cutoffs)
{
	struct policy p;
	struct strbuf sb = STRBUF_INIT;

	policy_default(&p);
	p.cutoff_kind = cutoff_cases[_i].kind;
	p.cutoff_hours = cutoff_cases[_i].hours;
	p.cutoff_minute = cutoff_cases[_i].minute;
	cutoff_words(&p, &sb);
	ck_assert_str_eq(sb_str(&sb), cutoff_cases[_i].words);
	ck_assert_ptr_null(strstr(sb_str(&sb), "before 24 hours before"));
	sb_free(&sb);
}
END_TEST

static const struct {
	int late, grace, threshold, extra;
	const char *words;
} late_cases[] = {
	{ 0, 5, -1, 0, "a late arrival counts no points" },
	{ 0, 5, 15, 0, "a late arrival counts no points" },
	{ 0, 5, 15, 1, "more than 15 minutes late counts 1 point" },
	{ 0, 5, 1, 2, "more than 1 minute late counts 2 points" },
	{ 1, 5, -1, 0, "more than 5 minutes late counts 1 point" },
	{ 2, 1, -1, 0, "more than 1 minute late counts 2 points" },
	{ 1, 5, 30, 2, "more than 5 minutes late counts 1 point, more than 30 minutes 3 points" },
};

START_TEST(late_rules)
{
	struct policy p;
	struct strbuf sb = STRBUF_INIT;

	policy_default(&p);
	p.points[OUTCOME_LATE] = late_cases[_i].late;
	p.grace_minutes = late_cases[_i].grace;
	p.late_threshold = late_cases[_i].threshold;
	p.late_arrival_points = late_cases[_i].extra;
	late_rule_words(&p, &sb);
	ck_assert_str_eq(sb_str(&sb), late_cases[_i].words);
	sb_free(&sb);
}
END_TEST

/* The names that hold a count; their "_one" flags are set for a count of 1. */
static const char *const count_names[] = { "points", "session.minutes",
	"session.old_minutes", "refund.days", "late.minutes", NULL };

/* Returns the value a synthetic rendering gives 'name': a count, its flag, or a word. */
static const char *
synthetic(const char *name, int count, int truthy)
{
	size_t n = strlen(name);

	for (size_t k = 0; count_names[k] != NULL; k++)
		if (strcmp(count_names[k], name) == 0)
			return count == 1 ? "1" : "2";
	if (n > 4 && strcmp(name + n - 4, "_one") == 0)
		return count == 1 ? "yes" : "";
	return truthy ? "Word" : "";
}

/* Fills 'fields' with a synthetic value for each of 'names'; returns how many. */
static size_t
synthetic_fields(const char *const *names, int count, int truthy, struct tpl_field *fields)
{
	size_t n = 0;

	for (; *names != NULL; names++, n++)
		fields[n] = (struct tpl_field){ *names, synthetic(*names, count, truthy), NULL };
	return n;
}

/*
 * Every template shipped, rendered for counts of 1 and 2, with every section
 * shown and then every inverted one: no "1 points" nor "2 point" anywhere.
 */
START_TEST(templates_count_right)
{
	int count = 1 + _i / 2, truthy = _i % 2;
	struct notice_templates t;
	struct tpl_field top[128], item[32];
	struct tpl_scope one_item;
	struct tpl_list events;
	regex_t one, two;
	su_err e;
	size_t n;

	ck_assert_int_eq(regcomp(&one, "(^|[^0-9.,])1 (sessions|points|notices|minutes|days|"
	    "hours)([^a-z]|$)", REG_EXTENDED), 0);
	ck_assert_int_eq(regcomp(&two, "(^|[^0-9.,])2 (session|point|notice|minute|day|"
	    "hour)([^a-z]|$)", REG_EXTENDED), 0);
	ck_assert_msg(notice_templates_load(SRCDIR "/templates", NULL, &t, &e) == 0, "%s",
	    e.msg);
	ck_assert_uint_ge(t.n, 10);
	n = synthetic_fields(notice_schema.item_names, count, truthy, item);
	one_item = (struct tpl_scope){ item, n, NULL };
	events = (struct tpl_list){ &one_item, 1 };
	n = synthetic_fields(notice_schema.names, count, truthy, top);
	ck_assert_uint_lt(n, ARRAY_SIZE(top));
	top[n++] = (struct tpl_field){ "events", NULL, &events };
	for (size_t k = 0; k < t.n; k++) {
		struct tpl_scope scope = { top, n, NULL };
		struct strbuf out = STRBUF_INIT;

		tpl_render(t.v[k].subject, &scope, &out);
		tpl_render(t.v[k].body, &scope, &out);
		ck_assert_msg(regexec(&one, sb_str(&out), 0, NULL, 0) != 0,
		    "%s says a plural of 1:\n%s", t.v[k].kind, sb_str(&out));
		ck_assert_msg(regexec(&two, sb_str(&out), 0, NULL, 0) != 0,
		    "%s says a singular of 2:\n%s", t.v[k].kind, sb_str(&out));
		ck_assert_msg(strstr(sb_str(&out), "before 24 hours before") == NULL &&
		    strstr(sb_str(&out), "session 1 ") == NULL, "%s", t.v[k].kind);
		sb_free(&out);
	}
	notice_templates_free(&t);
	regfree(&one);
	regfree(&two);
}
END_TEST

Suite *
words_suite(void)
{
	Suite *s = suite_create("words");
	TCase *tc = tcase_create("core");

	tcase_add_loop_test(tc, call_names, 0, (int)ARRAY_SIZE(call_cases));
	tcase_add_loop_test(tc, session_names, 0, (int)ARRAY_SIZE(name_cases));
	tcase_add_test(tc, names_and_counts);
	tcase_add_test(tc, days_and_reasons);
	tcase_add_loop_test(tc, cutoffs, 0, (int)ARRAY_SIZE(cutoff_cases));
	tcase_add_loop_test(tc, late_rules, 0, (int)ARRAY_SIZE(late_cases));
	tcase_add_loop_test(tc, templates_count_right, 0, 4);
	suite_add_tcase(s, tc);
	return s;
}
