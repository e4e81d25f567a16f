/* SPDX-License-Identifier: Apache-2.0 */
/* test_outcome.c - the outcome engine and cutoffs, by tables of cases. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "showup/engine.h"
#include "showup/model.h"
#include "showup/policy.h"
#include "suites.h"

/* Mon 2026-10-05 09:00 Sydney (AEDT), the day after daylight saving began. */
#define START INT64_C(1791151200)
/* Its default cutoff: Sun 2026-10-04 18:00 local, 15 hours before the start. */
#define CUTOFF (START - 15 * 3600)
#define HOUR 3600

struct outcome_case {
	const char *name;
	int expected;
	int coach_cancelled;
	enum fact fact;
	int minutes_late;
	int64_t cancelled_at;
	const char *reason;
	int64_t now;
	enum outcome want;
};

static const struct outcome_case outcome_cases[] = {
	{ "on time", 1, 0, FACT_ARRIVED, 0, 0, "", START + HOUR, OUTCOME_PRESENT },
	{ "late within grace", 1, 0, FACT_ARRIVED, 5, 0, "", START + HOUR, OUTCOME_PRESENT },
	{ "late past grace", 1, 0, FACT_ARRIVED, 6, 0, "", START + HOUR, OUTCOME_LATE },
	{ "very late", 1, 0, FACT_ARRIVED, 45, 0, "", START + HOUR, OUTCOME_LATE },
	{ "cancelled days ahead", 1, 0, FACT_CANCELLED, 0, START - 72 * HOUR, "work",
	  START + HOUR, OUTCOME_CANCELLED },
	{ "cancelled at the cutoff second", 1, 0, FACT_CANCELLED, 0, CUTOFF, "work",
	  START + HOUR, OUTCOME_CANCELLED },
	{ "cancelled one second after the cutoff", 1, 0, FACT_CANCELLED, 0, CUTOFF + 1,
	  "work", START + HOUR, OUTCOME_LATE_CANCEL },
	{ "cancelled one second before the cutoff", 1, 0, FACT_CANCELLED, 0, CUTOFF - 1,
	  "customer-meeting", START + HOUR, OUTCOME_CANCELLED },
	{ "cancelled the morning of, customer meeting", 1, 0, FACT_CANCELLED, 0,
	  START - 2 * HOUR, "customer-meeting", START + HOUR, OUTCOME_LATE_CANCEL },
	{ "cancelled the evening before, travel", 1, 0, FACT_CANCELLED, 0,
	  CUTOFF + 2 * HOUR, "travel", START + HOUR, OUTCOME_LATE_CANCEL },
	{ "late cancel, medical", 1, 0, FACT_CANCELLED, 0, START - HOUR, "medical",
	  START + HOUR, OUTCOME_EXCUSED },
	{ "late cancel, personal emergency", 1, 0, FACT_CANCELLED, 0, START - 60,
	  "personal-emergency", START + HOUR, OUTCOME_EXCUSED },
	{ "cancelled at the start second", 1, 0, FACT_CANCELLED, 0, START, "work",
	  START + HOUR, OUTCOME_NO_SHOW },
	{ "cancelled after the start, medical: an excused absence", 1, 0, FACT_CANCELLED, 0,
	  START + 600, "medical", START + HOUR, OUTCOME_EXCUSED },
	{ "cancelled after the start, work", 1, 0, FACT_CANCELLED, 0, START + 600, "work",
	  START + HOUR, OUTCOME_NO_SHOW },
	{ "cancelled a second before the start", 1, 0, FACT_CANCELLED, 0, START - 1,
	  "other", START + HOUR, OUTCOME_LATE_CANCEL },
	{ "absent, nothing said", 1, 0, FACT_ABSENT, 0, 0, "", START + HOUR, OUTCOME_NO_SHOW },
	{ "absent, medical", 1, 0, FACT_ABSENT, 0, 0, "medical", START + HOUR,
	  OUTCOME_EXCUSED },
	{ "absent, reason not accepted", 1, 0, FACT_ABSENT, 0, 0, "work", START + HOUR,
	  OUTCOME_NO_SHOW },
	{ "nothing recorded, session over", 1, 0, FACT_NONE, 0, 0, "", START + HOUR,
	  OUTCOME_UNRECORDED },
	{ "nothing recorded, session to come", 1, 0, FACT_NONE, 0, 0, "", START - HOUR,
	  OUTCOME_UPCOMING },
	{ "nothing recorded, at the start second", 1, 0, FACT_NONE, 0, 0, "", START,
	  OUTCOME_UNRECORDED },
	{ "cancelled ahead, session to come", 1, 0, FACT_CANCELLED, 0, START - 48 * HOUR,
	  "travel", START - 24 * HOUR, OUTCOME_CANCELLED },
	{ "not expected", 0, 0, FACT_NONE, 0, 0, "", START + HOUR, OUTCOME_NOT_EXPECTED },
	{ "not expected even if marked", 0, 0, FACT_ARRIVED, 0, 0, "", START + HOUR,
	  OUTCOME_NOT_EXPECTED },
	{ "coach cancelled", 1, 1, FACT_NONE, 0, 0, "", START + HOUR, OUTCOME_NOT_HELD },
	{ "coach cancelled, participant had cancelled late", 1, 1, FACT_CANCELLED, 0,
	  START - HOUR, "work", START + HOUR, OUTCOME_NOT_HELD },
	{ "coach cancelled, participant marked absent", 1, 1, FACT_ABSENT, 0, 0, "",
	  START + HOUR, OUTCOME_NOT_HELD },
};

/* Returns the outcome of case c under the default policy, at an optional session or not. */
static enum outcome
case_outcome(const struct outcome_case *c, int optional)
{
	struct attendance a = { .fact = c->fact, .minutes_late = c->minutes_late,
		.cancelled_at = c->cancelled_at, .reason = (char *)c->reason, .note = "" };
	struct outcome_input in = { .expected = c->expected, .optional = optional,
		.session_cancelled = c->coach_cancelled, .starts_at = START,
		.cutoff = CUTOFF, .now = c->now, .fact = &a };
	struct policy p;

	policy_default(&p);
	return outcome_of(&p, &in);
}

START_TEST(outcomes_by_default_policy)
{
	const struct outcome_case *c = &outcome_cases[_i];
	enum outcome got = case_outcome(c, 0);

	ck_assert_msg(got == c->want, "%s: got %s, want %s", c->name, outcome_name(got),
	    outcome_name(c->want));
}
END_TEST

/* An optional session: who came is present or late, nothing else is owed or counted. */
static const struct outcome_case optional_cases[] = {
	{ "came on time", 1, 0, FACT_ARRIVED, 0, 0, "", START + HOUR, OUTCOME_PRESENT },
	{ "came late", 1, 0, FACT_ARRIVED, 30, 0, "", START + HOUR, OUTCOME_LATE },
	{ "stayed away, nothing recorded", 1, 0, FACT_NONE, 0, 0, "", START + HOUR,
	  OUTCOME_NOT_EXPECTED },
	{ "to come, nothing recorded: nobody waited for", 1, 0, FACT_NONE, 0, 0, "",
	  START - HOUR, OUTCOME_NOT_EXPECTED },
	{ "marked absent", 1, 0, FACT_ABSENT, 0, 0, "", START + HOUR, OUTCOME_NOT_EXPECTED },
	{ "cancelled after the cutoff", 1, 0, FACT_CANCELLED, 0, CUTOFF + HOUR, "work",
	  START + HOUR, OUTCOME_NOT_EXPECTED },
	{ "cancelled after the start", 1, 0, FACT_CANCELLED, 0, START + 60, "work",
	  START + HOUR, OUTCOME_NOT_EXPECTED },
	{ "not on a practice session's list, came", 0, 0, FACT_ARRIVED, 0, 0, "",
	  START + HOUR, OUTCOME_NOT_EXPECTED },
	{ "called off by the coach", 1, 1, FACT_NONE, 0, 0, "", START + HOUR,
	  OUTCOME_NOT_HELD },
};

START_TEST(outcomes_at_optional_sessions)
{
	const struct outcome_case *c = &optional_cases[_i];
	enum outcome got = case_outcome(c, 1);

	ck_assert_msg(got == c->want, "optional, %s: got %s, want %s", c->name,
	    outcome_name(got), outcome_name(c->want));
	/* the control: the same record at a session that expects */
	if (c->expected && !c->coach_cancelled && c->fact != FACT_ARRIVED)
		ck_assert_int_ne(case_outcome(c, 0), OUTCOME_NOT_EXPECTED);
}
END_TEST

/* Day-before cutoffs in three zones across both daylight-saving changes. */
static const struct {
	const char *zone;
	int64_t start;
	int64_t cutoff;
} cutoff_cases[] = {
	{ "Australia/Sydney", 1791151200, 1791097200 },	/* Mon after the spring change */
	{ "Australia/Sydney", 1790550000, 1790496000 },	/* a week before, standard time */
	{ "America/New_York", 1805115600, 1805061600 },	/* Mon 2027-03-15 after the change */
	{ "America/New_York", 1793628000, 1793574000 },	/* Mon 2026-11-02 after fall back */
	{ "Europe/London", 1806307200, 1806253200 },	/* Mon 2027-03-29 after BST began */
	{ "Europe/London", 1793005200, 1792951200 },	/* Mon 2026-10-26 after it ended */
};

START_TEST(day_before_cutoff_holds_across_dst)
{
	struct policy p;
	int64_t cutoff = 0;

	policy_default(&p);
	ck_assert_int_eq(policy_cutoff(&p, cutoff_cases[_i].zone, cutoff_cases[_i].start,
	    &cutoff), 0);
	ck_assert_int_eq(cutoff, cutoff_cases[_i].cutoff);
	/* 18:00 the day before to 09:00 is 15 hours of wall clock, whatever the offset did */
	ck_assert_int_eq(cutoff_cases[_i].start - cutoff, 15 * HOUR);
}
END_TEST

START_TEST(hours_cutoff_counts_real_hours)
{
	struct policy p;
	int64_t cutoff;

	policy_default(&p);
	p.cutoff_kind = CUTOFF_HOURS;
	p.cutoff_hours = 24;
	ck_assert_int_eq(policy_cutoff(&p, "Australia/Sydney", START, &cutoff), 0);
	ck_assert_int_eq(cutoff, START - 24 * HOUR);
	p.cutoff_hours = 0;
	ck_assert_int_eq(policy_cutoff(&p, "Australia/Sydney", START, &cutoff), 0);
	ck_assert_int_eq(cutoff, START);
}
END_TEST

START_TEST(reasons_and_points)
{
	struct policy p;
	struct strbuf sb = STRBUF_INIT;

	policy_default(&p);
	ck_assert_int_eq(policy_reason_accepted(&p, "medical"), 1);
	ck_assert_int_eq(policy_reason_accepted(&p, "work"), 0);
	ck_assert_int_eq(policy_reason_known(&p, "work"), 1);
	ck_assert_int_eq(policy_reason_known(&p, "holiday"), 0);
	ck_assert_int_eq(p.points[OUTCOME_LATE_CANCEL], 1);
	ck_assert_int_eq(p.points[OUTCOME_NO_SHOW], 2);
	ck_assert_int_eq(p.points[OUTCOME_PRESENT] + p.points[OUTCOME_LATE] +
	    p.points[OUTCOME_CANCELLED] + p.points[OUTCOME_EXCUSED], 0);
	policy_reasons_describe(&p, 0, &sb);
	ck_assert_str_eq(sb_str(&sb),
	    "medical, personal-emergency, customer-meeting, work, travel, other");
	sb_free(&sb);
}
END_TEST

/* Reschedules: a cancellation with the reserved reason, judged with reschedule.max. */
static const struct reschedule_case {
	const char *name;
	int64_t asked_at;
	int max;		/* reschedule.max; -1 none */
	int before;		/* reschedules asked in time at earlier sessions */
	int coach_cancelled;
	enum outcome want;
} reschedule_cases[] = {
	{ "days ahead", START - 72 * HOUR, -1, 0, 0, OUTCOME_RESCHEDULED },
	{ "at the cutoff second", CUTOFF, -1, 0, 0, OUTCOME_RESCHEDULED },
	{ "a second after the cutoff", CUTOFF + 1, -1, 0, 0, OUTCOME_LATE_CANCEL },
	{ "the morning of", START - 2 * HOUR, -1, 0, 0, OUTCOME_LATE_CANCEL },
	{ "a second before the start", START - 1, -1, 0, 0, OUTCOME_LATE_CANCEL },
	{ "at the start second", START, -1, 0, 0, OUTCOME_NO_SHOW },
	{ "after the start", START + 600, -1, 0, 0, OUTCOME_NO_SHOW },
	{ "many before, no limit", START - 72 * HOUR, -1, 40, 0, OUTCOME_RESCHEDULED },
	{ "first of at most one", START - 72 * HOUR, 1, 0, 0, OUTCOME_RESCHEDULED },
	{ "second of at most one", START - 72 * HOUR, 1, 1, 0, OUTCOME_LATE_CANCEL },
	{ "third of at most two", START - 72 * HOUR, 2, 2, 0, OUTCOME_LATE_CANCEL },
	{ "second of at most two", START - 72 * HOUR, 2, 1, 0, OUTCOME_RESCHEDULED },
	{ "none allowed", START - 72 * HOUR, 0, 0, 0, OUTCOME_LATE_CANCEL },
	{ "none allowed, after the start", START + 60, 0, 0, 0, OUTCOME_NO_SHOW },
	{ "past the limit and late", CUTOFF + 60, 1, 5, 0, OUTCOME_LATE_CANCEL },
	{ "coach called the session off", START - 72 * HOUR, -1, 0, 1, OUTCOME_NOT_HELD },
	{ "coach called it off, asked late", START - HOUR, 0, 3, 1, OUTCOME_NOT_HELD },
};

START_TEST(reschedules_by_policy)
{
	const struct reschedule_case *c = &reschedule_cases[_i];
	struct attendance a = { .fact = FACT_CANCELLED, .cancelled_at = c->asked_at,
		.reason = POLICY_RESCHEDULE_REASON, .note = "" };
	struct engine_reschedule r = { .asked_at = c->asked_at, .starts_at = START,
		.cutoff = CUTOFF };
	struct outcome_input in = { .expected = 1, .session_cancelled = c->coach_cancelled,
		.starts_at = START, .cutoff = CUTOFF, .now = START + HOUR, .fact = &a };
	struct policy p;
	enum outcome got;

	unsigned char verdict;

	policy_default(&p);
	p.reschedule_max = c->max;
	if (!c->coach_cancelled)	/* the judgement of the request itself */
		ck_assert_int_eq(outcome_of_reschedule(&p, c->asked_at, START, CUTOFF,
		    c->before), c->want);
	in.reschedule_verdict = outcome_of_reschedule(&p, c->asked_at, START, CUTOFF, c->before);
	got = outcome_of(&p, &in);
	ck_assert_msg(got == c->want, "%s: got %s, want %s", c->name, outcome_name(got),
	    outcome_name(c->want));
	if (c->before == 0) {	/* alone, the request is judged the same */
		engine_judge_reschedules(&p, &r, 1, &verdict);
		ck_assert_int_eq(verdict, c->coach_cancelled ? outcome_of_reschedule(&p,
		    c->asked_at, START, CUTOFF, 0) : c->want);
		in.reschedule_verdict = 0;
		ck_assert_int_eq(outcome_of(&p, &in), c->want);
	}
}
END_TEST

START_TEST(reschedule_reason_is_kept)
{
	struct policy p;
	su_err e;

	policy_default(&p);
	ck_assert_int_eq(policy_apply(&p, "reasons.other", "work,rescheduled", &e), -1);
	ck_assert_str_eq(e.msg, "reasons.other: 'rescheduled' is kept for reschedules; "
	    "choose another code");
	ck_assert_int_eq(policy_apply(&p, "reasons.accepted", "rescheduled", &e), -1);
	ck_assert_int_eq(p.reschedule_max, -1);
	ck_assert_int_eq(policy_apply(&p, "reschedule.max", "2", &e), 0);
	ck_assert_int_eq(p.reschedule_max, 2);
	ck_assert_int_eq(policy_apply(&p, "reschedule.max", "none", &e), 0);
	ck_assert_int_eq(p.reschedule_max, -1);
	ck_assert_int_eq(policy_apply(&p, "reschedule.max", "-1", &e), -1);
	ck_assert_int_eq(policy_apply(&p, "reschedule.max", "some", &e), -1);
	ck_assert_int_eq(p.points[OUTCOME_RESCHEDULED], 0);
	ck_assert_int_eq(policy_apply(&p, "points.rescheduled", "1", &e), 0);
	ck_assert_int_eq(p.points[OUTCOME_RESCHEDULED], 1);
}
END_TEST

START_TEST(names_and_letters)
{
	ck_assert_str_eq(outcome_name(OUTCOME_LATE_CANCEL), "late_cancel");
	ck_assert_str_eq(outcome_name(OUTCOME_NO_SHOW), "no_show");
	ck_assert_int_eq(outcome_letter(OUTCOME_LATE_CANCEL), 'X');
	ck_assert_int_eq(outcome_letter(OUTCOME_NOT_HELD), '-');
	ck_assert_int_eq(outcome_is_final(OUTCOME_EXCUSED), 1);
	ck_assert_int_eq(outcome_is_final(OUTCOME_UNRECORDED), 0);
	ck_assert_str_eq(outcome_name(OUTCOME_RESCHEDULED), "rescheduled");
	ck_assert_int_eq(outcome_letter(OUTCOME_RESCHEDULED), 'R');
	ck_assert_int_eq(outcome_is_final(OUTCOME_RESCHEDULED), 1);
}
END_TEST

/* What a participant told us, and how it reads in words (attendance_in_words). */
struct words_case {
	enum fact fact;
	int minutes_late;
	int64_t cancelled_at;
	const char *reason, *note;
	int theirs;
	const char *want;
};

static const struct words_case words_cases[] = {
	{ FACT_CANCELLED, 0, CUTOFF, "work", "", 1,
	  "cancelled in time on Sun 2026-10-04 18:00 (work)" },
	{ FACT_CANCELLED, 0, CUTOFF + 1, "travel", "flight\nat 17:00", 1,
	  "cancelled after the cutoff on Sun 2026-10-04 18:00 (travel); flight / at 17:00" },
	{ FACT_CANCELLED, 0, CUTOFF + 1, "personal-emergency", "", 1,
	  "excused (personal-emergency): cancelled after the cutoff on Sun 2026-10-04 18:00" },
	{ FACT_CANCELLED, 0, START - 72 * HOUR, POLICY_RESCHEDULE_REASON, "", 1,
	  "moved their place on Fri 2026-10-02 08:00" },
	{ FACT_ABSENT, 0, 0, "medical", "migraine", 1, "excused (medical); migraine" },
	{ FACT_ABSENT, 0, 0, "", "", 0, "no-show" },
	{ FACT_ARRIVED, 0, 0, "", "", 0, "present" },
	{ FACT_ARRIVED, 12, 0, "", "", 0, "late 12 min" },
};

START_TEST(their_word_in_words)
{
	const struct words_case *c = &words_cases[_i];
	struct attendance a = { .fact = c->fact, .minutes_late = c->minutes_late,
		.cancelled_at = c->cancelled_at, .reason = (char *)c->reason,
		.note = (char *)c->note };
	struct session s = { .starts_at = START };
	struct policy p;
	char *words;

	policy_default(&p);
	ck_assert_int_eq(attendance_is_their_word(&a), c->theirs);
	words = attendance_in_words(&p, "Australia/Sydney", &s, &a);
	ck_assert_str_eq(words, c->want);
	free(words);
	ck_assert_int_eq(attendance_is_their_word(NULL), 0);
}
END_TEST

/* The same facts in a card's few words, judged (attendance_short_words). */
static const struct {
	size_t words_case;
	enum outcome o;
	const char *want;
} short_cases[] = {
	{ 0, OUTCOME_CANCELLED, "cancelled in time, Sun 4 Oct, work" },
	{ 1, OUTCOME_LATE_CANCEL, "cancelled late, Sun 4 Oct 18:00, travel; flight / at 17:00" },
	{ 2, OUTCOME_EXCUSED, "excused: cancelled late, Sun 4 Oct 18:00, personal emergency" },
	{ 3, OUTCOME_RESCHEDULED, "moved in time, Fri 2 Oct" },
	{ 4, OUTCOME_EXCUSED, "excused, medical; migraine" },
	{ 5, OUTCOME_NO_SHOW, "no-show" },
	{ 6, OUTCOME_PRESENT, "present" },
	{ 7, OUTCOME_LATE, "late 12 min" },
};

START_TEST(short_words)
{
	const struct words_case *c = &words_cases[short_cases[_i].words_case];
	struct attendance a = { .fact = c->fact, .minutes_late = c->minutes_late,
		.cancelled_at = c->cancelled_at, .reason = (char *)c->reason,
		.note = (char *)c->note };
	struct session s = { .starts_at = START };
	struct policy p;
	enum outcome o;
	char *words;

	policy_default(&p);
	words = attendance_short_words(&p, "Australia/Sydney", &s, &a, &o);
	ck_assert_str_eq(words, short_cases[_i].want);
	ck_assert_int_eq(o, short_cases[_i].o);
	ck_assert_ptr_null(strstr(words, "2026-"));	/* never an ISO date */
	free(words);
}
END_TEST

/*
 * The moments a setting of time computes in Sydney: when a ladder notice may
 * go after a session's end (notices.review), and the latest moment the weekly
 * digest was due at a given now (digest).
 */
struct moment_case {
	const char *key, *setting;
	int64_t at, want;
};

static const struct moment_case moment_cases[] = {
	/* Tue 2026-11-24 19:00 AEDT: the next morning, 08:00 */
	{ "notices.review", "next-morning 08:00", INT64_C(1795507200), INT64_C(1795554000) },
	/* Sat 2026-10-03 19:00 AEST, the eve of daylight saving: Sun 08:00 AEDT */
	{ "notices.review", "next-morning 08:00", INT64_C(1791018000), INT64_C(1791061200) },
	{ "notices.review", "next-morning 00:30", INT64_C(1795507200), INT64_C(1795527000) },
	{ "notices.review", "hours 12", INT64_C(1795507200), INT64_C(1795507200) + 12 * HOUR },
	{ "notices.review", "none", INT64_C(1795507200), 0 },
	/* Mon 2026-12-07 08:00 AEDT: the digest is due that moment */
	{ "digest", "mon 08:00", INT64_C(1796590800), INT64_C(1796590800) },
	/* a minute before: the Monday before */
	{ "digest", "mon 08:00", INT64_C(1796590740), INT64_C(1795986000) },
	/* Sun 2026-12-13 23:00: still the week of the 7th */
	{ "digest", "mon 08:00", INT64_C(1797163200), INT64_C(1796590800) },
	/* Sun 2026-10-04, the first day of daylight saving: 08:00 AEDT */
	{ "digest", "sun 08:00", INT64_C(1791061200) + HOUR, INT64_C(1791061200) },
	/* Sat 2026-10-03 12:00 AEST: the Sunday before, 08:00 AEST */
	{ "digest", "sun 08:00", INT64_C(1790992800), INT64_C(1790460000) },
	{ "digest", "none", INT64_C(1796590800), 0 },
};

START_TEST(setting_moments)
{
	const struct moment_case *c = &moment_cases[_i];
	struct policy p;
	su_err e;

	policy_default(&p);
	ck_assert_int_eq(policy_apply(&p, c->key, c->setting, &e), 0);
	ck_assert_int_eq(strcmp(c->key, "digest") == 0 ? policy_digest_at(&p,
	    "Australia/Sydney", c->at) : policy_review_at(&p, "Australia/Sydney", c->at),
	    c->want);
}
END_TEST

Suite *
outcome_suite(void)
{
	Suite *s = suite_create("outcome");
	TCase *tc = tcase_create("engine");

	tcase_add_loop_test(tc, outcomes_by_default_policy, 0,
	    (int)ARRAY_SIZE(outcome_cases));
	tcase_add_loop_test(tc, day_before_cutoff_holds_across_dst, 0,
	    (int)ARRAY_SIZE(cutoff_cases));
	tcase_add_loop_test(tc, outcomes_at_optional_sessions, 0,
	    (int)ARRAY_SIZE(optional_cases));
	tcase_add_test(tc, hours_cutoff_counts_real_hours);
	tcase_add_test(tc, reasons_and_points);
	tcase_add_loop_test(tc, reschedules_by_policy, 0, (int)ARRAY_SIZE(reschedule_cases));
	tcase_add_test(tc, reschedule_reason_is_kept);
	tcase_add_test(tc, names_and_letters);
	tcase_add_loop_test(tc, their_word_in_words, 0, (int)ARRAY_SIZE(words_cases));
	tcase_add_loop_test(tc, short_words, 0, (int)ARRAY_SIZE(short_cases));
	tcase_add_loop_test(tc, setting_moments, 0, (int)ARRAY_SIZE(moment_cases));
	suite_add_tcase(s, tc);
	return s;
}
