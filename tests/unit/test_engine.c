/* SPDX-License-Identifier: Apache-2.0 */
/* test_engine.c - the policy engine on small cohorts: outcomes, points, notices, refunds. */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "showup/engine.h"
#include "showup/timeutil.h"
#include "suites.h"


#define MINUTE 60
#define HOUR 3600
#define DAY 86400
#define WEEK (7 * DAY)
#define TOL 1e-9

/* Mon 2026-06-01 09:00 Sydney (AEST, +10): weeks away from any clock change. */
#define WINTER INT64_C(1780268400)
/* Mon 2026-10-05 09:00 Sydney (AEDT, +11), the day after daylight saving began. */
#define SPRING INT64_C(1791151200)
/* Its default cutoff, Sun 2026-10-04 18:00 AEDT, relative to the start. */
#define CUT (-15 * HOUR)

#define MAX_PEOPLE 4
#define MAX_SESSIONS 16

/* A small cohort built in the test, and what the engine made of it. */
struct fixture {
	struct policy pol;
	const char *tz;
	int64_t now;
	int64_t fee_cents;
	size_t np, ns;
	struct engine_person people[MAX_PEOPLE];
	struct engine_session sessions[MAX_SESSIONS];
	unsigned char named[MAX_PEOPLE * MAX_SESSIONS];
	struct attendance att[MAX_PEOPLE * MAX_SESSIONS];
	const struct attendance *facts[MAX_PEOPLE * MAX_SESSIONS];
	struct engine_reschedule moves[MAX_PEOPLE * MAX_SESSIONS];	/* by person */
	size_t nmoves;
	struct engine_result r;
	int ran;
};

/* Starts np active people, ns weekly group sessions from WINTER, the default policy. */
static void
fx_init(struct fixture *fx, size_t np, size_t ns, int64_t now)
{
	ck_assert(np <= MAX_PEOPLE && ns <= MAX_SESSIONS);
	memset(fx, 0, sizeof *fx);
	policy_default(&fx->pol);
	fx->tz = "Australia/Sydney";
	fx->now = now;
	fx->fee_cents = 100000;
	fx->np = np;
	fx->ns = ns;
	for (size_t j = 0; j < ns; j++) {
		fx->sessions[j].starts_at = WINTER + (int64_t)j * WEEK;
		fx->sessions[j].everyone = 1;
	}
}

static void
fx_session(struct fixture *fx, size_t j, int64_t starts_at, int everyone)
{
	fx->sessions[j].starts_at = starts_at;
	fx->sessions[j].everyone = everyone;
	fx->sessions[j].cancelled = 0;
	fx->sessions[j].cancelled_at = 0;
}

static void
fx_coach_cancel(struct fixture *fx, size_t j, int64_t at)
{
	fx->sessions[j].cancelled = 1;
	fx->sessions[j].cancelled_at = at;
}

/* Records a fact for person i at session j (replacing any earlier one). */
static void
fx_fact(struct fixture *fx, size_t i, size_t j, enum fact f, int minutes_late,
    int64_t cancelled_at, const char *reason)
{
	struct attendance *a = &fx->att[i * fx->ns + j];

	memset(a, 0, sizeof *a);
	a->participant_id = (int64_t)i + 1;
	a->session_id = (int64_t)j + 1;
	a->fact = f;
	a->minutes_late = minutes_late;
	a->cancelled_at = cancelled_at;
	a->reason = (char *)reason;
	a->note = (char *)"";
	fx->facts[i * fx->ns + j] = a;
}

/* The fixture's facts one at a time, as a roll hands them over (engine_input.fact_at). */
static const struct attendance *
fx_fact_at(const void *ctx, size_t i, size_t j, struct attendance *buf)
{
	const struct fixture *fx = ctx;
	const struct attendance *a = fx->facts[i * fx->ns + j];

	if (a == NULL)
		return NULL;
	*buf = *a;
	return buf;
}

/*
 * Checks the run of 'in' against the other ways to the same outcomes: each
 * cell alone (engine_cell_outcome), and the facts read one at a time.
 */
static void
fx_check_ways(struct fixture *fx, struct engine_input *in)
{
	struct engine_result r;

	in->facts = NULL;
	in->fact_at = fx_fact_at;
	in->fact_ctx = fx;
	engine_run(in, &r);
	for (size_t i = 0; i < fx->np; i++) {
		for (size_t j = 0; j < fx->ns; j++) {
			size_t k = i * fx->ns + j;
			enum outcome verdict = engine_place_verdict(fx->moves,
			    fx->r.reschedule_outcomes, fx->nmoves, i, j);

			ck_assert_int_eq(engine_outcome(&r, fx->ns, i, j),
			    engine_outcome(&fx->r, fx->ns, i, j));
			ck_assert_int_eq(engine_cell_outcome(&fx->pol, &fx->sessions[j],
			    &fx->people[i], fx->named[k], fx->now, fx->facts[k], verdict),
			    engine_outcome(&fx->r, fx->ns, i, j));
		}
		ck_assert_int_eq(r.people[i].points, fx->r.people[i].points);
		ck_assert_int_eq(r.people[i].step_due, fx->r.people[i].step_due);
	}
	engine_result_free(&r);
}

/* Computes every session's cutoff by the policy and runs the engine (again). */
static void
fx_run(struct fixture *fx)
{
	struct engine_input in;

	for (size_t j = 0; j < fx->ns; j++)
		ck_assert_int_eq(policy_cutoff(&fx->pol, fx->tz, fx->sessions[j].starts_at,
		    &fx->sessions[j].cutoff), 0);
	if (fx->ran)
		engine_result_free(&fx->r);
	memset(&in, 0, sizeof in);
	in.policy = &fx->pol;
	in.now = fx->now;
	in.fee_cents = fx->fee_cents;
	in.npeople = fx->np;
	in.nsessions = fx->ns;
	in.people = fx->people;
	in.sessions = fx->sessions;
	in.named = fx->named;
	in.facts = fx->facts;
	in.reschedules = fx->moves;
	in.nreschedules = fx->nmoves;
	memset(&fx->r, 0, sizeof fx->r);
	engine_run(&in, &fx->r);
	fx->ran = 1;
	fx_check_ways(fx, &in);
}

static enum outcome
fx_outcome(const struct fixture *fx, size_t i, size_t j)
{
	return engine_outcome(&fx->r, fx->ns, i, j);
}

static void
fx_done(struct fixture *fx)
{
	if (fx->ran)
		engine_result_free(&fx->r);
	fx->ran = 0;
}

/* Adds person i's request to move their place at session j, which started at 'from'. */
static void
fx_request(struct fixture *fx, size_t i, size_t j, int64_t from, int64_t asked_at, int whole)
{
	struct engine_reschedule *m = &fx->moves[fx->nmoves++];

	*m = (struct engine_reschedule){ .person = i, .session = j, .starts_at = from,
		.asked_at = asked_at, .whole = whole };
	ck_assert_int_eq(policy_cutoff(&fx->pol, fx->tz, from, &m->cutoff), 0);
}

/* Sets when person i asked to move their place at session j (the fact's time too). */
static void
fx_asked_at(struct fixture *fx, size_t i, size_t j, int64_t asked_at)
{
	for (size_t k = 0; k < fx->nmoves; k++)
		if (fx->moves[k].person == i && fx->moves[k].session == j)
			fx->moves[k].asked_at = asked_at;
	if (outcome_fact_rescheduled(fx->facts[i * fx->ns + j]))
		fx->att[i * fx->ns + j].cancelled_at = asked_at;
}

/*
 * Marks: what happened to person i at weekly session j (now must be past them all).
 * P present, L 20 min late, C cancelled 'lead' hours ahead (48 if 0) for work,
 * X cancelled 'lead' hours ahead (2 if 0) for a customer meeting, E absent, medical,
 * N absent, nothing said, U nothing recorded, F a session still to come,
 * - called off by the coach 3 days ahead, . a practice session naming others,
 * R moved their place 'lead' hours ahead (48 if 0), r the same 2 hours ahead,
 * M a 1:1 of theirs moved whole at their request 'lead' hours ahead (48 if 0), then
 * attended; m the same 2 hours ahead. Reschedules must be marked person by person;
 * fx_asked_at sets when one was asked.
 */
static void
fx_mark(struct fixture *fx, size_t i, size_t j, char mark, double lead)
{
	int64_t start = WINTER + (int64_t)j * WEEK;

	fx_session(fx, j, start, 1);
	fx->named[i * fx->ns + j] = 0;
	fx->facts[i * fx->ns + j] = NULL;
	switch (mark) {
	case 'P':
		fx_fact(fx, i, j, FACT_ARRIVED, 0, 0, "");
		break;
	case 'L':
		fx_fact(fx, i, j, FACT_ARRIVED, 20, 0, "");
		break;
	case 'C':
		fx_fact(fx, i, j, FACT_CANCELLED, 0,
		    start - (int64_t)((lead > 0 ? lead : 48) * HOUR), "work");
		break;
	case 'X':
		fx_fact(fx, i, j, FACT_CANCELLED, 0,
		    start - (int64_t)((lead > 0 ? lead : 2) * HOUR), "customer-meeting");
		break;
	case 'E':
		fx_fact(fx, i, j, FACT_ABSENT, 0, 0, "medical");
		break;
	case 'N':
		fx_fact(fx, i, j, FACT_ABSENT, 0, 0, "");
		break;
	case 'U':
		break;
	case 'F':
		fx->sessions[j].starts_at = fx->now + (int64_t)(j + 1) * DAY;
		break;
	case '-':
		fx_coach_cancel(fx, j, start - 3 * DAY);
		fx_fact(fx, i, j, FACT_ABSENT, 0, 0, "");
		break;
	case '.':
		fx->sessions[j].everyone = 0;
		break;
	case 'R':
	case 'r':
		fx_fact(fx, i, j, FACT_CANCELLED, 0, start - (int64_t)((mark == 'R' ?
		    (lead > 0 ? lead : 48) : 2) * HOUR), POLICY_RESCHEDULE_REASON);
		fx_request(fx, i, j, start, fx->att[i * fx->ns + j].cancelled_at, 0);
		break;
	case 'M':
	case 'm':
		fx->sessions[j].everyone = 0;
		fx->named[i * fx->ns + j] = 1;
		fx_fact(fx, i, j, FACT_ARRIVED, 0, 0, "");
		fx_request(fx, i, j, start - DAY, start - DAY - (int64_t)((mark == 'M' ?
		    (lead > 0 ? lead : 48) : 2) * HOUR), 1);
		break;
	default:
		ck_abort_msg("unknown mark '%c'", mark);
	}
}

static void
fx_marks(struct fixture *fx, size_t i, const char *marks, const double *lead)
{
	for (size_t j = 0; marks[j] != '\0'; j++)
		fx_mark(fx, i, j, marks[j], lead != NULL ? lead[j] : 0);
}

/* The outcome a mark must give. */
static enum outcome
mark_outcome(char mark)
{
	switch (mark) {
	case 'P': return OUTCOME_PRESENT;
	case 'L': return OUTCOME_LATE;
	case 'C': return OUTCOME_CANCELLED;
	case 'X': return OUTCOME_LATE_CANCEL;
	case 'E': return OUTCOME_EXCUSED;
	case 'N': return OUTCOME_NO_SHOW;
	case 'U': return OUTCOME_UNRECORDED;
	case 'F': return OUTCOME_UPCOMING;
	case '-': return OUTCOME_NOT_HELD;
	default: return OUTCOME_NOT_EXPECTED;
	}
}

/* --- one attendance through the engine -------------------------------------- */

#define ACTIVE INT64_MAX	/* 'withdrawn' of a participant who never withdrew */
#define AFTER HOUR		/* 'now': an hour after the start */
#define BEFORE (-HOUR)		/* 'now': an hour before it */

struct cell_case {
	const char *name;
	char kind;		/* g group, n practice naming them, o practice naming someone else */
	int coach;		/* the coach called the session off 3 days ahead */
	int64_t withdrawn;	/* withdrawn_at relative to the start, or ACTIVE */
	enum fact fact;
	int minutes_late;
	int64_t cancel;		/* FACT_CANCELLED: cancelled_at relative to the start */
	const char *reason;
	int64_t now;		/* relative to the start */
	enum outcome want;
	int points;
};

static const struct cell_case cell_cases[] = {
	{ "arrived on time", 'g', 0, ACTIVE, FACT_ARRIVED, 0, 0, "", AFTER,
	  OUTCOME_PRESENT, 0 },
	{ "5 min late, within grace", 'g', 0, ACTIVE, FACT_ARRIVED, 5, 0, "", AFTER,
	  OUTCOME_PRESENT, 0 },
	{ "6 min late, past grace", 'g', 0, ACTIVE, FACT_ARRIVED, 6, 0, "", AFTER,
	  OUTCOME_LATE, 0 },
	{ "40 min late", 'g', 0, ACTIVE, FACT_ARRIVED, 40, 0, "", AFTER, OUTCOME_LATE, 0 },
	{ "cancelled 3 days ahead, work", 'g', 0, ACTIVE, FACT_CANCELLED, 0, -3 * DAY,
	  "work", AFTER, OUTCOME_CANCELLED, 0 },
	{ "cancelled at the cutoff second, customer meeting", 'g', 0, ACTIVE,
	  FACT_CANCELLED, 0, CUT, "customer-meeting", AFTER, OUTCOME_CANCELLED, 0 },
	{ "cancelled a second after the cutoff, customer meeting", 'g', 0, ACTIVE,
	  FACT_CANCELLED, 0, CUT + 1, "customer-meeting", AFTER, OUTCOME_LATE_CANCEL, 1 },
	{ "cancelled a second after the cutoff, work", 'g', 0, ACTIVE, FACT_CANCELLED, 0,
	  CUT + 1, "work", AFTER, OUTCOME_LATE_CANCEL, 1 },
	{ "cancelled the morning of, travel", 'g', 0, ACTIVE, FACT_CANCELLED, 0,
	  -2 * HOUR, "travel", AFTER, OUTCOME_LATE_CANCEL, 1 },
	{ "cancelled the morning of, other", 'g', 0, ACTIVE, FACT_CANCELLED, 0,
	  -2 * HOUR, "other", AFTER, OUTCOME_LATE_CANCEL, 1 },
	{ "cancelled the morning of, medical", 'g', 0, ACTIVE, FACT_CANCELLED, 0,
	  -2 * HOUR, "medical", AFTER, OUTCOME_EXCUSED, 0 },
	{ "cancelled after the cutoff, personal emergency", 'g', 0, ACTIVE,
	  FACT_CANCELLED, 0, CUT + 1, "personal-emergency", AFTER, OUTCOME_EXCUSED, 0 },
	{ "cancelled at the start second, medical: an excused absence", 'g', 0, ACTIVE,
	  FACT_CANCELLED, 0, 0, "medical", AFTER, OUTCOME_EXCUSED, 0 },
	{ "cancelled ten minutes after the start, work", 'g', 0, ACTIVE, FACT_CANCELLED,
	  0, 10 * MINUTE, "work", AFTER, OUTCOME_NO_SHOW, 2 },
	{ "cancelled a second before the start, work", 'g', 0, ACTIVE, FACT_CANCELLED, 0,
	  -1, "work", AFTER, OUTCOME_LATE_CANCEL, 1 },
	{ "absent, nothing said", 'g', 0, ACTIVE, FACT_ABSENT, 0, 0, "", AFTER,
	  OUTCOME_NO_SHOW, 2 },
	{ "absent, medical", 'g', 0, ACTIVE, FACT_ABSENT, 0, 0, "medical", AFTER,
	  OUTCOME_EXCUSED, 0 },
	{ "absent, personal emergency", 'g', 0, ACTIVE, FACT_ABSENT, 0, 0,
	  "personal-emergency", AFTER, OUTCOME_EXCUSED, 0 },
	{ "absent, work", 'g', 0, ACTIVE, FACT_ABSENT, 0, 0, "work", AFTER,
	  OUTCOME_NO_SHOW, 2 },
	{ "absent, customer meeting", 'g', 0, ACTIVE, FACT_ABSENT, 0, 0,
	  "customer-meeting", AFTER, OUTCOME_NO_SHOW, 2 },
	{ "absent, travel", 'g', 0, ACTIVE, FACT_ABSENT, 0, 0, "travel", AFTER,
	  OUTCOME_NO_SHOW, 2 },
	{ "nothing recorded, session over", 'g', 0, ACTIVE, FACT_NONE, 0, 0, "", AFTER,
	  OUTCOME_UNRECORDED, 0 },
	{ "nothing recorded, session to come", 'g', 0, ACTIVE, FACT_NONE, 0, 0, "",
	  BEFORE, OUTCOME_UPCOMING, 0 },
	{ "cancelled ahead of a session to come", 'g', 0, ACTIVE, FACT_CANCELLED, 0,
	  -2 * DAY, "travel", -DAY, OUTCOME_CANCELLED, 0 },
	{ "coach cancelled, nothing recorded", 'g', 1, ACTIVE, FACT_NONE, 0, 0, "", AFTER,
	  OUTCOME_NOT_HELD, 0 },
	{ "coach cancelled, participant had cancelled late", 'g', 1, ACTIVE,
	  FACT_CANCELLED, 0, -2 * HOUR, "work", AFTER, OUTCOME_NOT_HELD, 0 },
	{ "coach cancelled, participant marked absent", 'g', 1, ACTIVE, FACT_ABSENT, 0, 0,
	  "", AFTER, OUTCOME_NOT_HELD, 0 },
	{ "practice naming them, arrived", 'n', 0, ACTIVE, FACT_ARRIVED, 0, 0, "", AFTER,
	  OUTCOME_PRESENT, 0 },
	{ "practice naming them, absent", 'n', 0, ACTIVE, FACT_ABSENT, 0, 0, "", AFTER,
	  OUTCOME_NO_SHOW, 2 },
	{ "practice naming them, cancelled late for work", 'n', 0, ACTIVE,
	  FACT_CANCELLED, 0, -2 * HOUR, "work", AFTER, OUTCOME_LATE_CANCEL, 1 },
	{ "practice naming them, to come", 'n', 0, ACTIVE, FACT_NONE, 0, 0, "", BEFORE,
	  OUTCOME_UPCOMING, 0 },
	{ "practice naming someone else", 'o', 0, ACTIVE, FACT_NONE, 0, 0, "", AFTER,
	  OUTCOME_NOT_EXPECTED, 0 },
	{ "practice naming someone else, marked absent anyway", 'o', 0, ACTIVE,
	  FACT_ABSENT, 0, 0, "", AFTER, OUTCOME_NOT_EXPECTED, 0 },
	{ "coaching naming someone else, called off", 'o', 1, ACTIVE, FACT_NONE, 0, 0, "",
	  AFTER, OUTCOME_NOT_EXPECTED, 0 },
	{ "coaching naming them, called off", 'n', 1, ACTIVE, FACT_NONE, 0, 0, "", AFTER,
	  OUTCOME_NOT_HELD, 0 },
	{ "withdrawn the day before", 'g', 0, -DAY, FACT_NONE, 0, 0, "", AFTER,
	  OUTCOME_NOT_EXPECTED, 0 },
	{ "withdrawn the day before, marked absent", 'g', 0, -DAY, FACT_ABSENT, 0, 0, "",
	  AFTER, OUTCOME_NOT_EXPECTED, 0 },
	{ "withdrawn at the start second", 'g', 0, 0, FACT_ABSENT, 0, 0, "", AFTER,
	  OUTCOME_NOT_EXPECTED, 0 },
	{ "withdrawn a second after the start, absent", 'g', 0, 1, FACT_ABSENT, 0, 0, "",
	  AFTER, OUTCOME_NO_SHOW, 2 },
	{ "withdrawn during the session, arrived", 'g', 0, 30 * MINUTE, FACT_ARRIVED, 0, 0,
	  "", AFTER, OUTCOME_PRESENT, 0 },
	{ "withdrawn before a practice naming them", 'n', 0, -DAY, FACT_ABSENT, 0, 0, "",
	  AFTER, OUTCOME_NOT_EXPECTED, 0 },
};

/* One attendance of person 0 (person 1 is always named on practice sessions). */
START_TEST(engine_outcome_of_each_record)
{
	const struct cell_case *c = &cell_cases[_i];
	const struct engine_person_result *pr;
	struct fixture fx;
	enum outcome got;

	fx_init(&fx, 2, 1, SPRING + c->now);
	fx_session(&fx, 0, SPRING, c->kind == 'g');
	fx.named[0 * fx.ns + 0] = c->kind == 'n';
	fx.named[1 * fx.ns + 0] = 1;
	if (c->coach)
		fx_coach_cancel(&fx, 0, SPRING - 3 * DAY);
	if (c->withdrawn != ACTIVE)
		fx.people[0].withdrawn_at = SPRING + c->withdrawn;
	if (c->fact != FACT_NONE)
		fx_fact(&fx, 0, 0, c->fact, c->minutes_late,
		    c->fact == FACT_CANCELLED ? SPRING + c->cancel : 0, c->reason);
	fx_run(&fx);
	ck_assert_int_eq(fx.sessions[0].cutoff, SPRING + CUT);
	got = fx_outcome(&fx, 0, 0);
	ck_assert_msg(got == c->want, "%s: got %s, want %s", c->name, outcome_name(got),
	    outcome_name(c->want));
	pr = &fx.r.people[0];
	ck_assert_msg(pr->points == c->points, "%s: %d points, want %d", c->name,
	    pr->points, c->points);
	/* only sessions held so far count as expected (and in the rate) */
	ck_assert_int_eq(pr->expected, outcome_is_final(c->want) && c->now >= 0);
	if (outcome_is_final(c->want))
		ck_assert_int_eq(pr->counts[c->want], 1);
	fx_done(&fx);
}
END_TEST

/* --- cutoffs of both kinds and the boundary second ------------------------------- */

enum { FROM_CUTOFF, FROM_START };

struct boundary_case {
	const char *name;
	const char *zone;
	enum cutoff_kind kind;
	int value;		/* cutoff_minute or cutoff_hours */
	int64_t start;
	int64_t cutoff;		/* what policy_cutoff must give */
	int from;		/* the cancellation is relative to the cutoff or the start */
	int64_t offset;
	const char *reason;
	enum outcome want;
};

static const struct boundary_case boundary_cases[] = {
	/* Sun 2026-10-04 09:00 AEDT; cutoff Sat 2026-10-03 18:00 AEST, 14 real hours before */
	{ "day-before, at the cutoff", "Australia/Sydney", CUTOFF_DAY_BEFORE, 18 * 60,
	  1791064800, 1791014400, FROM_CUTOFF, 0, "work", OUTCOME_CANCELLED },
	{ "day-before, a second before", "Australia/Sydney", CUTOFF_DAY_BEFORE, 18 * 60,
	  1791064800, 1791014400, FROM_CUTOFF, -1, "work", OUTCOME_CANCELLED },
	{ "day-before, a second after", "Australia/Sydney", CUTOFF_DAY_BEFORE, 18 * 60,
	  1791064800, 1791014400, FROM_CUTOFF, 1, "work", OUTCOME_LATE_CANCEL },
	{ "day-before, a second after, medical", "Australia/Sydney", CUTOFF_DAY_BEFORE,
	  18 * 60, 1791064800, 1791014400, FROM_CUTOFF, 1, "medical", OUTCOME_EXCUSED },
	{ "day-before, a second before the start", "Australia/Sydney", CUTOFF_DAY_BEFORE,
	  18 * 60, 1791064800, 1791014400, FROM_START, -1, "travel", OUTCOME_LATE_CANCEL },
	{ "day-before, at the start", "Australia/Sydney", CUTOFF_DAY_BEFORE, 18 * 60,
	  1791064800, 1791014400, FROM_START, 0, "work", OUTCOME_NO_SHOW },
	{ "day-before, after the start, medical", "Australia/Sydney", CUTOFF_DAY_BEFORE,
	  18 * 60, 1791064800, 1791014400, FROM_START, 1, "medical", OUTCOME_EXCUSED },
	/* the same session, 24 real hours: Sat 2026-10-03 08:00 AEST */
	{ "hours 24, at the cutoff", "Australia/Sydney", CUTOFF_HOURS, 24, 1791064800,
	  1790978400, FROM_CUTOFF, 0, "work", OUTCOME_CANCELLED },
	{ "hours 24, a second after", "Australia/Sydney", CUTOFF_HOURS, 24, 1791064800,
	  1790978400, FROM_CUTOFF, 1, "work", OUTCOME_LATE_CANCEL },
	/* Sun 2026-03-08 10:00 EDT, 12 real hours before */
	{ "hours 12, at the cutoff", "America/New_York", CUTOFF_HOURS, 12, 1772978400,
	  1772935200, FROM_CUTOFF, 0, "other", OUTCOME_CANCELLED },
	{ "hours 12, a second after", "America/New_York", CUTOFF_HOURS, 12, 1772978400,
	  1772935200, FROM_CUTOFF, 1, "other", OUTCOME_LATE_CANCEL },
	{ "hours 12, a second after, personal emergency", "America/New_York",
	  CUTOFF_HOURS, 12, 1772978400, 1772935200, FROM_CUTOFF, 1,
	  "personal-emergency", OUTCOME_EXCUSED },
	/* Sun 2026-03-29 10:00 BST: hours 0 puts the cutoff at the start */
	{ "hours 0, a second before the start", "Europe/London", CUTOFF_HOURS, 0,
	  1774774800, 1774774800, FROM_CUTOFF, -1, "work", OUTCOME_CANCELLED },
	{ "hours 0, at the start", "Europe/London", CUTOFF_HOURS, 0, 1774774800,
	  1774774800, FROM_START, 0, "work", OUTCOME_NO_SHOW },
	/* Sun 2026-10-25 09:00 GMT; day-before 07:30 is Sat 07:30 BST */
	{ "day-before 07:30, at the cutoff", "Europe/London", CUTOFF_DAY_BEFORE, 7 * 60 + 30,
	  1792918800, 1792823400, FROM_CUTOFF, 0, "customer-meeting", OUTCOME_CANCELLED },
	{ "day-before 07:30, a second after", "Europe/London", CUTOFF_DAY_BEFORE,
	  7 * 60 + 30, 1792918800, 1792823400, FROM_CUTOFF, 1, "customer-meeting",
	  OUTCOME_LATE_CANCEL },
	{ "day-before 07:30, an evening later", "Europe/London", CUTOFF_DAY_BEFORE,
	  7 * 60 + 30, 1792918800, 1792823400, FROM_START, -15 * HOUR, "work",
	  OUTCOME_LATE_CANCEL },
};

/* Cancelling at the cutoff second is on time, a second later late, at the start a no-show. */
START_TEST(engine_cutoff_boundary)
{
	const struct boundary_case *c = &boundary_cases[_i];
	struct fixture fx;
	int64_t cutoff = 0;
	enum outcome got;

	fx_init(&fx, 1, 1, c->start + HOUR);
	fx.tz = c->zone;
	fx.pol.cutoff_kind = c->kind;
	if (c->kind == CUTOFF_DAY_BEFORE)
		fx.pol.cutoff_minute = c->value;
	else
		fx.pol.cutoff_hours = c->value;
	ck_assert_int_eq(policy_cutoff(&fx.pol, c->zone, c->start, &cutoff), 0);
	ck_assert_msg(cutoff == c->cutoff, "%s: cutoff %lld, want %lld", c->name,
	    (long long)cutoff, (long long)c->cutoff);
	fx_session(&fx, 0, c->start, 1);
	fx_fact(&fx, 0, 0, FACT_CANCELLED, 0,
	    (c->from == FROM_START ? c->start : c->cutoff) + c->offset, c->reason);
	fx_run(&fx);
	got = fx_outcome(&fx, 0, 0);
	ck_assert_msg(got == c->want, "%s: got %s, want %s", c->name, outcome_name(got),
	    outcome_name(c->want));
	fx_done(&fx);
}
END_TEST

/*
 * Day-before cutoffs for sessions right after a clock change: always the wall clock
 * time on the previous day, so the real hours between cutoff and start ('gap') change.
 * Sydney: AEDT (+11) from 2026-10-04 02:00, AEST (+10) from 2026-04-05 03:00.
 * New York: EDT (-4) from 2026-03-08 02:00, EST (-5) from 2026-11-01 02:00.
 * London: BST (+1) from 2026-03-29 01:00, GMT from 2026-10-25 02:00.
 */
struct dst_case {
	const char *zone;
	int minute;
	int64_t start;
	int64_t cutoff;
	int64_t gap;
};

static const struct dst_case dst_cases[] = {
	/* Sun 10-04 09:00 AEDT; Sat 10-03 18:00 AEST */
	{ "Australia/Sydney", 18 * 60, 1791064800, 1791014400, 14 * HOUR },
	/* Sun 10-04 03:00 AEDT, an hour after the change */
	{ "Australia/Sydney", 18 * 60, 1791043200, 1791014400, 8 * HOUR },
	/* Mon 10-05 09:00 AEDT; Sun 10-04 18:00 AEDT */
	{ "Australia/Sydney", 18 * 60, 1791151200, 1791097200, 15 * HOUR },
	/* Sun 04-05 09:00 AEST; Sat 04-04 18:00 AEDT */
	{ "Australia/Sydney", 18 * 60, 1775343600, 1775286000, 16 * HOUR },
	/* Mon 04-06 09:00 AEST; Sun 04-05 18:00 AEST */
	{ "Australia/Sydney", 18 * 60, 1775430000, 1775376000, 15 * HOUR },
	/* Sun 10-04 09:00 AEDT; Sat 10-03 07:30 AEST */
	{ "Australia/Sydney", 7 * 60 + 30, 1791064800, 1790976600, 24 * HOUR + 30 * MINUTE },
	/* Sun 03-08 10:00 EDT; Sat 03-07 18:00 EST */
	{ "America/New_York", 18 * 60, 1772978400, 1772924400, 15 * HOUR },
	/* Mon 03-09 09:00 EDT; Sun 03-08 18:00 EDT */
	{ "America/New_York", 18 * 60, 1773061200, 1773007200, 15 * HOUR },
	/* Sun 11-01 09:00 EST; Sat 10-31 18:00 EDT */
	{ "America/New_York", 18 * 60, 1793541600, 1793484000, 16 * HOUR },
	/* Mon 11-02 09:00 EST; Sun 11-01 18:00 EST */
	{ "America/New_York", 18 * 60, 1793628000, 1793574000, 15 * HOUR },
	/* Sun 03-08 10:00 EDT; Sat 03-07 07:30 EST */
	{ "America/New_York", 7 * 60 + 30, 1772978400, 1772886600, 25 * HOUR + 30 * MINUTE },
	/* Sun 03-29 10:00 BST; Sat 03-28 18:00 GMT */
	{ "Europe/London", 18 * 60, 1774774800, 1774720800, 15 * HOUR },
	/* Mon 03-30 09:00 BST; Sun 03-29 18:00 BST */
	{ "Europe/London", 18 * 60, 1774857600, 1774803600, 15 * HOUR },
	/* Sun 10-25 09:00 GMT; Sat 10-24 18:00 BST */
	{ "Europe/London", 18 * 60, 1792918800, 1792861200, 16 * HOUR },
	/* Mon 10-26 09:00 GMT; Sun 10-25 18:00 GMT */
	{ "Europe/London", 18 * 60, 1793005200, 1792951200, 15 * HOUR },
	/* Sun 10-25 09:00 GMT; Sat 10-24 07:30 BST */
	{ "Europe/London", 7 * 60 + 30, 1792918800, 1792823400, 26 * HOUR + 30 * MINUTE },
};

/* The day-before cutoff is local wall-clock time across daylight saving, in the engine too. */
START_TEST(engine_cutoff_across_dst)
{
	const struct dst_case *c = &dst_cases[_i];
	struct fixture fx;
	int64_t cutoff = 0;

	fx_init(&fx, 2, 1, c->start + HOUR);
	fx.tz = c->zone;
	fx.pol.cutoff_minute = c->minute;
	ck_assert_int_eq(fx.pol.cutoff_kind, CUTOFF_DAY_BEFORE);
	ck_assert_int_eq(policy_cutoff(&fx.pol, c->zone, c->start, &cutoff), 0);
	ck_assert_msg(cutoff == c->cutoff, "%s %lld: cutoff %lld, want %lld", c->zone,
	    (long long)c->start, (long long)cutoff, (long long)c->cutoff);
	ck_assert_int_eq(c->start - c->cutoff, c->gap);
	fx_session(&fx, 0, c->start, 1);
	fx_fact(&fx, 0, 0, FACT_CANCELLED, 0, c->cutoff, "work");
	fx_fact(&fx, 1, 0, FACT_CANCELLED, 0, c->cutoff + 1, "work");
	fx_run(&fx);
	ck_assert_int_eq(fx_outcome(&fx, 0, 0), OUTCOME_CANCELLED);
	ck_assert_int_eq(fx_outcome(&fx, 1, 0), OUTCOME_LATE_CANCEL);
	ck_assert_int_eq(fx.r.people[0].points, 0);
	ck_assert_int_eq(fx.r.people[1].points, 1);
	fx_done(&fx);
}
END_TEST

/* --- points and forgiveness -------------------------------------------------- */

struct cell_points_case {
	int changed;		/* points late 1, late_cancel 2, no_show 3 instead of the defaults */
	int forgive_days;
	enum outcome o;
	int64_t age;		/* now - starts_at */
	int want;
};

static const struct cell_points_case cell_points_cases[] = {
	{ 0, 0, OUTCOME_PRESENT, DAY, 0 },
	{ 0, 0, OUTCOME_LATE, DAY, 0 },
	{ 0, 0, OUTCOME_CANCELLED, DAY, 0 },
	{ 0, 0, OUTCOME_EXCUSED, DAY, 0 },
	{ 0, 0, OUTCOME_LATE_CANCEL, DAY, 1 },
	{ 0, 0, OUTCOME_NO_SHOW, DAY, 2 },
	{ 0, 0, OUTCOME_UPCOMING, -DAY, 0 },
	{ 0, 0, OUTCOME_UNRECORDED, DAY, 0 },
	{ 0, 0, OUTCOME_NOT_HELD, DAY, 0 },
	{ 0, 0, OUTCOME_NOT_EXPECTED, DAY, 0 },
	{ 0, 0, OUTCOME_NO_SHOW, 3650 * INT64_C(86400), 2 },	/* 0: never forgiven */
	{ 0, 30, OUTCOME_NO_SHOW, 30 * DAY - 1, 2 },
	{ 0, 30, OUTCOME_NO_SHOW, 30 * DAY, 2 },		/* exactly 30 days: counts */
	{ 0, 30, OUTCOME_NO_SHOW, 30 * DAY + 1, 0 },		/* more than 30 days: forgiven */
	{ 0, 30, OUTCOME_LATE_CANCEL, 29 * DAY, 1 },
	{ 0, 30, OUTCOME_LATE_CANCEL, 30 * DAY + 1, 0 },
	{ 0, 1, OUTCOME_NO_SHOW, DAY, 2 },
	{ 0, 1, OUTCOME_NO_SHOW, DAY + 1, 0 },
	{ 1, 0, OUTCOME_LATE, DAY, 1 },
	{ 1, 0, OUTCOME_LATE_CANCEL, DAY, 2 },
	{ 1, 0, OUTCOME_NO_SHOW, DAY, 3 },
	{ 1, 0, OUTCOME_PRESENT, DAY, 0 },
	{ 1, 7, OUTCOME_NO_SHOW, 7 * DAY, 3 },
	{ 1, 7, OUTCOME_NO_SHOW, 7 * DAY + 1, 0 },
	{ 1, 7, OUTCOME_LATE, 8 * DAY, 0 },
};

static void
changed_points(struct policy *p)
{
	p->points[OUTCOME_LATE] = 1;
	p->points[OUTCOME_LATE_CANCEL] = 2;
	p->points[OUTCOME_NO_SHOW] = 3;
}

/* engine_cell_points: the policy's points, or 0 once older than forgive_days. */
START_TEST(engine_cell_points_and_forgiveness)
{
	const struct cell_points_case *c = &cell_points_cases[_i];
	const int64_t now = SPRING + 400 * INT64_C(86400);
	struct policy p;
	int got;

	policy_default(&p);
	if (c->changed)
		changed_points(&p);
	p.forgive_days = c->forgive_days;
	got = engine_cell_points(&p, c->o, now - c->age, now);
	ck_assert_msg(got == c->want, "%s, age %lld, forgive %d: %d points, want %d",
	    outcome_name(c->o), (long long)c->age, c->forgive_days, got, c->want);
}
END_TEST

struct points_run_case {
	int late, late_cancel, no_show;
	const char *marks;
	int want;
};

static const struct points_run_case points_run_cases[] = {
	{ 0, 1, 2, "LXN", 3 },
	{ 1, 1, 2, "LXN", 4 },
	{ 0, 1, 3, "NN", 6 },
	{ 0, 0, 2, "XXX", 0 },
	{ 1, 1, 2, "PLLE", 2 },
	{ 0, 1, 2, "PCE-", 0 },
	{ 0, 5, 0, "NXN", 5 },
};

/* A changed points table changes the points engine_run adds up. */
START_TEST(engine_points_by_table)
{
	const struct points_run_case *c = &points_run_cases[_i];
	struct fixture fx;

	fx_init(&fx, 1, strlen(c->marks), WINTER + 20 * WEEK);
	fx.pol.points[OUTCOME_LATE] = c->late;
	fx.pol.points[OUTCOME_LATE_CANCEL] = c->late_cancel;
	fx.pol.points[OUTCOME_NO_SHOW] = c->no_show;
	fx_marks(&fx, 0, c->marks, NULL);
	fx_run(&fx);
	ck_assert_msg(fx.r.people[0].points == c->want, "%s: %d points, want %d", c->marks,
	    fx.r.people[0].points, c->want);
	fx_done(&fx);
}
END_TEST

struct forgive_run_case {
	int forgive_days;
	const char *marks;
	int64_t age[2];		/* now - starts_at of each session */
	int points;
	int step_due;		/* nothing sent yet */
};

static const struct forgive_run_case forgive_run_cases[] = {
	{ 0, "N", { 400 * INT64_C(86400), 0 }, 2, 1 },
	{ 30, "N", { 30 * DAY, 0 }, 2, 1 },
	{ 30, "N", { 30 * DAY + 1, 0 }, 0, -1 },
	{ 30, "N", { 10 * DAY, 0 }, 2, 1 },
	{ 90, "N", { 91 * DAY, 0 }, 0, -1 },
	{ 30, "NX", { 31 * DAY, 5 * DAY }, 1, 0 },
	{ 30, "NX", { 29 * DAY, 5 * DAY }, 3, 2 },
};

/* Forgiven outcomes keep their outcome but add no points in engine_run. */
START_TEST(engine_forgiveness_in_run)
{
	const struct forgive_run_case *c = &forgive_run_cases[_i];
	const int64_t now = WINTER + 60 * WEEK;
	struct fixture fx;
	size_t n = strlen(c->marks);

	fx_init(&fx, 1, n, now);
	fx.pol.forgive_days = c->forgive_days;
	fx_marks(&fx, 0, c->marks, NULL);
	for (size_t j = 0; j < n; j++) {
		int64_t start = now - c->age[j];

		fx.sessions[j].starts_at = start;
		if (c->marks[j] == 'X')
			fx_fact(&fx, 0, j, FACT_CANCELLED, 0, start - 2 * HOUR, "work");
	}
	fx_run(&fx);
	for (size_t j = 0; j < n; j++)
		ck_assert_int_eq(fx_outcome(&fx, 0, j), mark_outcome(c->marks[j]));
	ck_assert_int_eq(fx.r.people[0].points, c->points);
	ck_assert_int_eq(fx.r.people[0].step_due, c->step_due);
	fx_done(&fx);
}
END_TEST

/* --- points for lateness -------------------------------------------------------- */

struct late_case {
	int grace, threshold;	/* threshold -1: off */
	int late_arrival, late;	/* points.late_arrival, points.late */
	int minutes;		/* minutes late, at each of n sessions */
	size_t n;
	enum outcome want;
	int points, step_due;
};

static const struct late_case late_cases[] = {
	{ 5, -1, 0, 0, 20, 1, OUTCOME_LATE, 0, -1 },	/* the default: off */
	{ 5, -1, 5, 0, 60, 1, OUTCOME_LATE, 0, -1 },	/* no threshold: no points */
	{ 5, 15, 1, 0, 20, 1, OUTCOME_LATE, 1, 0 },
	{ 5, 15, 1, 0, 15, 1, OUTCOME_LATE, 0, -1 },	/* exactly the threshold: not more */
	{ 5, 15, 1, 0, 16, 1, OUTCOME_LATE, 1, 0 },
	{ 5, 15, 1, 0, 3, 1, OUTCOME_PRESENT, 0, -1 },
	{ 5, 0, 1, 0, 6, 1, OUTCOME_LATE, 1, 0 },
	{ 5, 0, 1, 0, 5, 1, OUTCOME_PRESENT, 0, -1 },	/* within grace: present, no points */
	{ 5, 0, 1, 0, 0, 1, OUTCOME_PRESENT, 0, -1 },
	{ 5, 15, 2, 1, 20, 1, OUTCOME_LATE, 3, 2 },	/* on top of points.late */
	{ 5, 15, 2, 1, 10, 1, OUTCOME_LATE, 1, 0 },
	{ 5, 30, 3, 0, 31, 1, OUTCOME_LATE, 3, 2 },
	{ 5, 30, 3, 0, 29, 1, OUTCOME_LATE, 0, -1 },
	{ 10, 5, 1, 0, 8, 1, OUTCOME_PRESENT, 0, -1 },	/* under grace is no late arrival */
	{ 10, 5, 1, 0, 11, 1, OUTCOME_LATE, 1, 0 },
	{ 5, 15, 1, 0, 1440, 1, OUTCOME_LATE, 1, 0 },
	{ 0, 0, 1, 0, 1, 1, OUTCOME_LATE, 1, 0 },
	{ 5, 15, 1, 0, 20, 2, OUTCOME_LATE, 2, 1 },	/* each late arrival adds up */
	{ 5, 15, 1, 0, 20, 3, OUTCOME_LATE, 3, 2 },
	{ 5, 15, 1, 0, 12, 3, OUTCOME_LATE, 0, -1 },
	{ 5, 15, 0, 0, 20, 3, OUTCOME_LATE, 0, -1 },	/* threshold on, 0 points */
};

/* engine_run adds points.late_arrival for each arrival more than late.threshold late. */
START_TEST(engine_late_arrival_points)
{
	const struct late_case *c = &late_cases[_i];
	struct fixture fx;

	fx_init(&fx, 1, c->n, WINTER + 20 * WEEK);
	fx.pol.grace_minutes = c->grace;
	fx.pol.late_threshold = c->threshold;
	fx.pol.late_arrival_points = c->late_arrival;
	fx.pol.points[OUTCOME_LATE] = c->late;
	for (size_t j = 0; j < c->n; j++)
		fx_fact(&fx, 0, j, FACT_ARRIVED, c->minutes, 0, "");
	fx_run(&fx);
	for (size_t j = 0; j < c->n; j++)
		ck_assert_int_eq(fx_outcome(&fx, 0, j), c->want);
	ck_assert_msg(fx.r.people[0].points == c->points, "case %d: %d points, want %d", _i,
	    fx.r.people[0].points, c->points);
	ck_assert_int_eq(fx.r.people[0].step_due, c->step_due);
	fx_done(&fx);
}
END_TEST

struct fact_points_case {
	enum outcome o;
	int has_fact;
	enum fact f;
	int minutes;
	int forgive_days;
	int64_t age;
	int want;
};

static const struct fact_points_case fact_points_cases[] = {
	{ OUTCOME_LATE, 1, FACT_ARRIVED, 20, 0, DAY, 2 },
	{ OUTCOME_LATE, 1, FACT_ARRIVED, 20, 30, 31 * DAY, 0 },	/* forgiven */
	{ OUTCOME_LATE, 1, FACT_ARRIVED, 20, 30, 29 * DAY, 2 },
	{ OUTCOME_LATE, 1, FACT_ARRIVED, 10, 0, DAY, 0 },
	{ OUTCOME_LATE, 0, FACT_NONE, 0, 0, DAY, 0 },
	{ OUTCOME_PRESENT, 1, FACT_ARRIVED, 20, 0, DAY, 0 },
	{ OUTCOME_NO_SHOW, 1, FACT_ABSENT, 0, 0, DAY, 2 },
	{ OUTCOME_NO_SHOW, 0, FACT_NONE, 0, 0, DAY, 2 },
	{ OUTCOME_LATE_CANCEL, 1, FACT_CANCELLED, 0, 0, DAY, 1 },
	{ OUTCOME_NOT_HELD, 1, FACT_ARRIVED, 20, 0, DAY, 0 },
};

/* engine_fact_points: the outcome's points and those for lateness, both forgiven alike. */
START_TEST(engine_fact_points_with_lateness)
{
	const struct fact_points_case *c = &fact_points_cases[_i];
	const int64_t now = SPRING + 400 * INT64_C(86400);
	struct attendance a;
	struct policy p;
	int got;

	policy_default(&p);
	p.late_threshold = 15;
	p.late_arrival_points = 2;
	p.forgive_days = c->forgive_days;
	memset(&a, 0, sizeof a);
	a.fact = c->f;
	a.minutes_late = c->minutes;
	got = engine_fact_points(&p, c->o, c->has_fact ? &a : NULL, now - c->age, now);
	ck_assert_msg(got == c->want, "case %d (%s): %d points, want %d", _i, outcome_name(c->o),
	    got, c->want);
}
END_TEST

/* --- the ladder ---------------------------------------------------------------- */

/* Sets the ladder "2:warning,4:final-notice". */
static void
two_step_ladder(struct policy *p)
{
	memset(p->ladder, 0, sizeof p->ladder);
	p->ladder[0].threshold = 2;
	strcpy(p->ladder[0].kind, "warning");
	p->ladder[1].threshold = 4;
	strcpy(p->ladder[1].kind, "final-notice");
	p->n_steps = 2;
}

struct step_case {
	int two_steps;		/* the ladder 2:warning,4:final-notice, else the default */
	int points;
	int sent;
	int want;
};

static const struct step_case step_cases[] = {
	{ 0, 0, 0, -1 }, { 0, 1, 0, 0 }, { 0, 2, 0, 1 }, { 0, 3, 0, 2 }, { 0, 4, 0, 2 },
	{ 0, 7, 0, 2 },
	{ 0, 1, 1, -1 }, { 0, 2, 1, 1 }, { 0, 3, 1, 2 }, { 0, 0, 1, -1 },
	{ 0, 2, 2, -1 }, { 0, 3, 2, 2 }, { 0, 1, 2, -1 }, { 0, 0, 2, -1 },
	{ 0, 3, 3, -1 }, { 0, 9, 3, -1 }, { 0, 1, 3, -1 }, { 0, 0, 3, -1 },
	{ 1, 1, 0, -1 }, { 1, 2, 0, 0 }, { 1, 3, 0, 0 }, { 1, 4, 0, 1 }, { 1, 3, 1, -1 },
	{ 1, 5, 1, 1 }, { 1, 6, 2, -1 },
};

/* engine_step_due: the highest step reached if beyond those sent; skipped ones are not sent. */
START_TEST(engine_step_due_by_points)
{
	const struct step_case *c = &step_cases[_i];
	struct policy p;
	int got;

	policy_default(&p);
	ck_assert_int_eq(p.n_steps, 4);		/* the last: coach-review, never mailed */
	if (c->two_steps)
		two_step_ladder(&p);
	got = engine_step_due(&p, c->points, c->sent);
	ck_assert_msg(got == c->want, "ladder %d, %d points, %d sent: step %d, want %d",
	    c->two_steps, c->points, c->sent, got, c->want);
}
END_TEST

struct ladder_run_case {
	const char *marks;
	int sent;
	int points;
	int step_due;
	int next_step;
	int review_due;		/* the coach's review: #1 at 4 points, one more at each point */
	int withdrawn;		/* withdrew after the last session */
};

static const struct ladder_run_case ladder_run_cases[] = {
	{ "PP", 0, 0, -1, 0, 0, 0 },
	{ "PX", 0, 1, 0, 1, 0, 0 },
	{ "N", 0, 2, 1, 2, 0, 0 },
	{ "XN", 0, 3, 2, 3, 0, 0 },	/* next: the coach's review */
	{ "NNN", 0, 6, 2, -1, 3, 0 },
	{ "X", 1, 1, -1, 1, 0, 0 },
	{ "XX", 1, 2, 1, 2, 0, 0 },
	{ "NX", 2, 3, 2, 3, 0, 0 },
	{ "NX", 3, 3, -1, 3, 0, 0 },
	{ "EEC", 0, 0, -1, 0, 0, 0 },
	{ "-X", 0, 1, 0, 1, 0, 0 },
	{ "XEU", 0, 1, 0, 1, 0, 0 },
	/* the final rung: after the final notice each further point calls for a review */
	{ "XNX", 3, 4, -1, -1, 1, 0 },
	{ "XNXX", 3, 5, -1, -1, 2, 0 },
	{ "XNXN", 3, 6, -1, -1, 3, 0 },
	{ "NN", 0, 4, 2, -1, 1, 0 },		/* jumped: the final notice still mailed */
	{ "NN", 2, 4, 2, -1, 1, 0 },
	{ "XNX", 3, 4, -1, -1, 0, 1 },		/* withdrew: no review, no steps */
	{ "XNXPPC", 3, 4, -1, -1, 1, 0 },	/* kept commitments add nothing */
	{ "XNXE", 3, 4, -1, -1, 1, 0 },
	{ "PPP", 3, 0, -1, 3, 0, 0 },
};

/* engine_run gives each person the step due now, the next one not reached, the review due. */
START_TEST(engine_ladder_per_person)
{
	const struct ladder_run_case *c = &ladder_run_cases[_i];
	const struct engine_person_result *pr;
	struct fixture fx;

	fx_init(&fx, 1, strlen(c->marks), WINTER + 20 * WEEK);
	fx.people[0].steps_sent = c->sent;
	fx_marks(&fx, 0, c->marks, NULL);
	if (c->withdrawn)
		fx.people[0].withdrawn_at = WINTER + (int64_t)strlen(c->marks) * WEEK;
	fx_run(&fx);
	pr = &fx.r.people[0];
	ck_assert_msg(pr->points == c->points, "%s: %d points", c->marks, pr->points);
	ck_assert_msg(pr->step_due == c->step_due, "%s sent %d: step_due %d, want %d",
	    c->marks, c->sent, pr->step_due, c->step_due);
	ck_assert_msg(pr->next_step == c->next_step, "%s sent %d: next_step %d, want %d",
	    c->marks, c->sent, pr->next_step, c->next_step);
	ck_assert_msg(pr->review_due == c->review_due, "%s: review_due %d, want %d",
	    c->marks, pr->review_due, c->review_due);
	fx_done(&fx);
}
END_TEST

/* --- the final rung: coach-review -------------------------------------------------- */

/* Sets the ladder from text as 'policy set' reads it. */
static void
set_ladder(struct policy *p, const char *ladder)
{
	su_err e;

	ck_assert_msg(policy_apply(p, "ladder", ladder, &e) == 0, "%s: %s", ladder, e.msg);
}

struct review_case {
	const char *ladder;	/* NULL: the default (…,3:final-notice,4:coach-review) */
	int points;
	int want;		/* engine_review_due */
};

static const struct review_case review_cases[] = {
	{ NULL, 0, 0 }, { NULL, 1, 0 }, { NULL, 3, 0 },
	{ NULL, 4, 1 }, { NULL, 5, 2 }, { NULL, 6, 3 }, { NULL, 9, 6 },	/* again at each point */
	{ "2:warning,4:final-notice", 4, 0 }, { "2:warning,4:final-notice", 5, 1 },
	{ "2:warning,4:final-notice", 7, 3 },
	{ "2:warning,4:final-notice,8:coach-review", 7, 0 },		/* written: its own threshold */
	{ "2:warning,4:final-notice,8:coach-review", 8, 1 },
	{ "2:warning,4:final-notice,8:coach-review", 10, 3 },
	{ "1:final-notice", 1, 0 }, { "1:final-notice", 2, 1 },
	{ "1:final-notice,2:coach-review", 3, 2 },
};

/* engine_review_due: 0 below the coach-review step, then one more at every further point. */
START_TEST(engine_review_due_by_points)
{
	const struct review_case *c = &review_cases[_i];
	struct policy p;
	int got;

	policy_default(&p);
	if (c->ladder != NULL)
		set_ladder(&p, c->ladder);
	got = engine_review_due(&p, c->points);
	ck_assert_msg(got == c->want, "%s, %d points: review %d, want %d",
	    c->ladder ? c->ladder : "default", c->points, got, c->want);
}
END_TEST

/* A ladder built by hand with no coach-review step has no review at any points. */
START_TEST(engine_review_none_without_step)
{
	struct policy p;

	policy_default(&p);
	two_step_ladder(&p);
	ck_assert_int_eq(policy_review_step(&p), -1);
	ck_assert_int_eq(policy_mail_steps(&p), 2);
	for (int points = 0; points < 12; points++)
		ck_assert_int_eq(engine_review_due(&p, points), 0);
}
END_TEST

/* --- corrections --------------------------------------------------------------- */

struct correction_case {
	const char *before;
	size_t j;
	char mark;		/* the corrected record of session j */
	int points_before, points_after;
	int step_before, step_after;	/* nothing sent yet */
};

static const struct correction_case correction_cases[] = {
	{ "PNP", 1, 'E', 2, 0, 1, -1 },
	{ "PNP", 1, 'L', 2, 0, 1, -1 },
	{ "PXP", 1, 'C', 1, 0, 0, -1 },
	{ "PXP", 1, 'N', 1, 2, 0, 1 },
	{ "PPP", 1, 'N', 0, 2, -1, 1 },
	{ "PUP", 1, 'N', 0, 2, -1, 1 },
	{ "NNP", 2, 'X', 4, 5, 2, 2 },
	{ "NXP", 0, 'P', 3, 1, 2, 0 },
	{ "NXP", 1, 'U', 3, 2, 2, 1 },
};

/* A record corrected by the coach changes the points on the next run. */
START_TEST(engine_correction_changes_points)
{
	const struct correction_case *c = &correction_cases[_i];
	struct fixture fx;

	fx_init(&fx, 1, strlen(c->before), WINTER + 20 * WEEK);
	fx_marks(&fx, 0, c->before, NULL);
	fx_run(&fx);
	ck_assert_int_eq(fx.r.people[0].points, c->points_before);
	ck_assert_int_eq(fx.r.people[0].step_due, c->step_before);
	fx_mark(&fx, 0, c->j, c->mark, 0);
	fx_run(&fx);
	ck_assert_int_eq(fx_outcome(&fx, 0, c->j), mark_outcome(c->mark));
	ck_assert_int_eq(fx.r.people[0].points, c->points_after);
	ck_assert_int_eq(fx.r.people[0].step_due, c->step_after);
	fx_done(&fx);
}
END_TEST

/*
 * The points as they stood at a moment (a ladder step's standing is judged by
 * them): 'at' and a withdrawal in hours from session 1's start (0: none); the
 * default leads of fx_mark (a late cancellation or move 2 hours ahead).
 */
static const struct {
	const char *marks;
	double at, withdrawn;
	int want, want_now;
} as_of_cases[] = {
	{ "PXP", -1, 0, 1, 1 },		/* a late cancellation counts from when it came in */
	{ "PXP", -3, 0, 0, 1 },		/* not before */
	{ "PXP", 1, 0, 1, 1 },
	{ "PCP", -1, 0, 0, 0 },
	{ "NXP", -3, 0, 2, 3 },		/* the no-show before it counts */
	{ "PXX", 1, 0, 1, 2 },		/* the next one came in later */
	{ "PNP", -1, 0, 0, 2 },		/* what was seen counts from the start */
	{ "PNP", 0, 0, 2, 2 },
	{ "PrP", -1, 0, 1, 1 },		/* a place moved late: from the request */
	{ "PrP", -3, 0, 0, 1 },
	{ "PmP", -25, 0, 1, 1 },	/* a 1:1 moved whole late, asked 26 h ahead */
	{ "PmP", -27, 0, 0, 1 },
	{ "PXP", -1.75, -1.5, 1, 0 },	/* they left after the cancellation: not yet */
};

/* engine_points_as_of: the facts known at the moment, the record as corrected since. */
START_TEST(engine_points_at_a_moment)
{
	int64_t s1 = WINTER + WEEK;
	struct engine_input in;
	struct fixture fx;

	fx_init(&fx, 1, strlen(as_of_cases[_i].marks), WINTER + 20 * WEEK);
	fx_marks(&fx, 0, as_of_cases[_i].marks, NULL);
	if (as_of_cases[_i].withdrawn != 0)
		fx.people[0].withdrawn_at = s1 + (int64_t)(as_of_cases[_i].withdrawn * HOUR);
	fx_run(&fx);
	ck_assert_int_eq(fx.r.people[0].points, as_of_cases[_i].want_now);
	in = (struct engine_input){ .policy = &fx.pol, .now = fx.now, .npeople = fx.np,
		.nsessions = fx.ns, .people = fx.people, .sessions = fx.sessions,
		.named = fx.named, .facts = fx.facts, .reschedules = fx.moves,
		.nreschedules = fx.nmoves };
	ck_assert_int_eq(engine_points_as_of(&in, 0,
	    s1 + (int64_t)(as_of_cases[_i].at * HOUR)), as_of_cases[_i].want);
	ck_assert_int_eq(engine_points_as_of(&in, 0, fx.now), as_of_cases[_i].want_now);
	fx_done(&fx);
}
END_TEST

/* A step already sent is never due again when points fall and rise; a higher one still is. */
START_TEST(engine_sent_step_not_due_again)
{
	struct fixture fx;

	fx_init(&fx, 1, 4, WINTER + 20 * WEEK);
	fx_marks(&fx, 0, "NPPP", NULL);
	fx_run(&fx);
	ck_assert_int_eq(fx.r.people[0].points, 2);
	ck_assert_int_eq(fx.r.people[0].step_due, 1);
	fx.people[0].steps_sent = 2;		/* the warning went out */
	fx_run(&fx);
	ck_assert_int_eq(fx.r.people[0].step_due, -1);
	fx_mark(&fx, 0, 0, 'E', 0);		/* corrected: it was medical */
	fx_run(&fx);
	ck_assert_int_eq(fx.r.people[0].points, 0);
	ck_assert_int_eq(fx.r.people[0].step_due, -1);
	fx_mark(&fx, 0, 1, 'N', 0);		/* back to 2 points */
	fx_run(&fx);
	ck_assert_int_eq(fx.r.people[0].points, 2);
	ck_assert_int_eq(fx.r.people[0].step_due, -1);
	fx_mark(&fx, 0, 2, 'X', 0);		/* 3 points: the final notice */
	fx_run(&fx);
	ck_assert_int_eq(fx.r.people[0].points, 3);
	ck_assert_int_eq(fx.r.people[0].step_due, 2);
	fx.people[0].steps_sent = 3;
	fx_mark(&fx, 0, 3, 'N', 0);
	fx_run(&fx);
	ck_assert_int_eq(fx.r.people[0].points, 5);
	ck_assert_int_eq(fx.r.people[0].step_due, -1);
	ck_assert_int_eq(fx.r.people[0].next_step, -1);
	fx_done(&fx);
}
END_TEST

/* --- a participant's figures --------------------------------------------------- */

struct figure_case {
	const char *marks;
	double lead[8];		/* hours ahead of each C and X (0: the mark's default) */
	int expected, kept, broken, points;
	double rate, commitment, median_lead;
};

static const struct figure_case figure_cases[] = {
	{ "PPPP", { 0 }, 4, 4, 0, 0, 1.0, 1.0, -1 },
	{ "PLNX", { 0, 0, 0, 2 }, 4, 2, 2, 3, 0.5, 0.5, 2.0 },
	{ "PE", { 0 }, 2, 2, 0, 0, 1.0, 1.0, -1 },
	{ "EE", { 0 }, 2, 2, 0, 0, -1, 1.0, -1 },
	{ "UUF", { 0 }, 0, 0, 0, 0, -1, -1, -1 },
	{ "--", { 0 }, 0, 0, 0, 0, -1, -1, -1 },
	{ "C", { 48 }, 1, 1, 0, 0, 0.0, 1.0, 48.0 },
	{ "CX", { 48, 3 }, 2, 1, 1, 1, 0.0, 0.5, 25.5 },
	{ "CCX", { 24, 72, 2 }, 3, 2, 1, 1, 0.0, 2.0 / 3, 24.0 },
	{ "PNNN", { 0 }, 4, 1, 3, 6, 0.25, 0.25, -1 },
	{ "P.N.", { 0 }, 2, 1, 1, 2, 0.5, 0.5, -1 },
	{ "PU", { 0 }, 1, 1, 0, 0, 1.0, 1.0, -1 },
	{ "LLLC", { 0, 0, 0, 30 }, 4, 4, 0, 0, 0.75, 1.0, 30.0 },
	{ "XXXX", { 1, 2, 3, 4 }, 4, 0, 4, 4, 0.0, 0.0, 2.5 },
	{ "PEN-", { 0 }, 3, 2, 1, 2, 0.5, 2.0 / 3, -1 },
	{ "NF", { 0 }, 1, 0, 1, 2, 0.0, 0.0, -1 },
	{ "XX", { 1.5, 2 }, 2, 0, 2, 2, 0.0, 0.0, 1.75 },
	{ "PCPCPC", { 0, 20, 0, 40, 0, 100 }, 6, 6, 0, 0, 0.5, 1.0, 40.0 },
	{ "EPX", { 0, 0, 14.5 }, 3, 2, 1, 1, 0.5, 2.0 / 3, 14.5 },
	{ "CP", { 15, 0 }, 2, 2, 0, 0, 0.5, 1.0, 15.0 },	/* at the cutoff: on time */
};

/* Attendance rate, commitment, median notice and outcome counts of one participant. */
START_TEST(engine_person_figures)
{
	const struct figure_case *c = &figure_cases[_i];
	const struct engine_person_result *pr;
	struct fixture fx;
	size_t n = strlen(c->marks);
	int want[OUTCOME_COUNT] = { 0 };

	fx_init(&fx, 1, n, WINTER + 20 * WEEK);
	fx_marks(&fx, 0, c->marks, c->lead);
	fx_run(&fx);
	pr = &fx.r.people[0];
	for (size_t j = 0; j < n; j++) {
		enum outcome o = fx_outcome(&fx, 0, j);

		ck_assert_msg(o == mark_outcome(c->marks[j]), "%s[%zu]: got %s", c->marks, j,
		    outcome_name(o));
		want[mark_outcome(c->marks[j])]++;
	}
	for (int o = OUTCOME_PRESENT; o < OUTCOME_COUNT; o++)
		ck_assert_msg(pr->counts[o] == want[o], "%s: %d %s, want %d", c->marks,
		    pr->counts[o], outcome_name((enum outcome)o), want[o]);
	ck_assert_int_eq(pr->expected, c->expected);
	ck_assert_int_eq(pr->kept, c->kept);
	ck_assert_int_eq(pr->broken, c->broken);
	ck_assert_int_eq(pr->points, c->points);
	ck_assert_double_eq_tol(pr->attendance_rate, c->rate, TOL);
	ck_assert_double_eq_tol(pr->commitment, c->commitment, TOL);
	ck_assert_double_eq_tol(pr->median_lead_hours, c->median_lead, TOL);
	fx_done(&fx);
}
END_TEST

/* --- the coach's own record ---------------------------------------------------- */

struct coach_case {
	const char *marks;	/* H held, F to come, called off: c 3 days ahead, k at the
				   cutoff second, y a second after it, x 2 hours ahead */
	int sessions, held, upcoming, cancelled, late_cancelled;
	double commitment;
};

static const struct coach_case coach_cases[] = {
	{ "HHHH", 4, 4, 0, 0, 0, 1.0 },
	{ "HHFF", 4, 2, 2, 0, 0, 1.0 },
	{ "FFF", 3, 0, 3, 0, 0, -1 },
	{ "HHcF", 4, 2, 1, 1, 0, 1.0 },
	{ "HHxF", 4, 2, 1, 1, 1, 2.0 / 3 },
	{ "HkH", 3, 2, 0, 1, 0, 1.0 },
	{ "HyH", 3, 2, 0, 1, 1, 2.0 / 3 },
	{ "xx", 2, 0, 0, 2, 2, 0.0 },
	{ "cx", 2, 0, 0, 2, 1, 0.5 },
	{ "HHHx", 4, 3, 0, 1, 1, 0.75 },
	{ "HcxyF", 5, 1, 1, 3, 2, 0.5 },
};

/* Held, upcoming, called-off sessions; calling off after the cutoff counts against the coach. */
START_TEST(engine_coach_figures)
{
	const struct coach_case *c = &coach_cases[_i];
	const struct engine_coach_result *k;
	struct fixture fx;
	size_t n = strlen(c->marks);

	fx_init(&fx, 1, n, WINTER + 20 * WEEK);
	for (size_t j = 0; j < n; j++) {
		int64_t start = WINTER + (int64_t)j * WEEK, cutoff;

		ck_assert_int_eq(policy_cutoff(&fx.pol, fx.tz, start, &cutoff), 0);
		switch (c->marks[j]) {
		case 'H':
			fx_fact(&fx, 0, j, FACT_ARRIVED, 0, 0, "");
			break;
		case 'F':
			fx.sessions[j].starts_at = fx.now + (int64_t)(j + 1) * DAY;
			break;
		case 'c':
			fx_coach_cancel(&fx, j, start - 3 * DAY);
			break;
		case 'k':
			fx_coach_cancel(&fx, j, cutoff);
			break;
		case 'y':
			fx_coach_cancel(&fx, j, cutoff + 1);
			break;
		case 'x':
			fx_coach_cancel(&fx, j, start - 2 * HOUR);
			break;
		}
	}
	fx_run(&fx);
	k = &fx.r.coach;
	ck_assert_int_eq(k->sessions, c->sessions);
	ck_assert_int_eq(k->held, c->held);
	ck_assert_int_eq(k->upcoming, c->upcoming);
	ck_assert_int_eq(k->cancelled, c->cancelled);
	ck_assert_int_eq(k->late_cancelled, c->late_cancelled);
	ck_assert_double_eq_tol(k->commitment, c->commitment, TOL);
	ck_assert_int_eq(fx.r.people[0].points, 0);
	fx_done(&fx);
}
END_TEST

/* --- a cohort of three ----------------------------------------------------------- */

/*
 * Ana and Ben active, Cat withdrawn a day before session 2. Sessions: 0 group,
 * 1 practice naming Ana and Ben, 2 group, 3 group tomorrow, 4 group called off
 * by the coach 2 hours ahead. 'now' is a week after session 4.
 */
static void
build_three(struct fixture *fx)
{
	int64_t s2 = WINTER + 2 * WEEK, s4 = WINTER + 3 * WEEK;

	fx_init(fx, 3, 5, WINTER + 4 * WEEK);
	fx_session(fx, 0, WINTER, 1);
	fx_session(fx, 1, WINTER + WEEK, 0);
	fx_session(fx, 2, s2, 1);
	fx_session(fx, 3, fx->now + DAY, 1);
	fx_session(fx, 4, s4, 1);
	fx_coach_cancel(fx, 4, s4 - 2 * HOUR);
	fx->named[0 * 5 + 1] = 1;
	fx->named[1 * 5 + 1] = 1;
	fx->people[1].steps_sent = 1;
	fx->people[2].withdrawn_at = s2 - DAY;

	fx_fact(fx, 0, 0, FACT_ARRIVED, 0, 0, "");
	fx_fact(fx, 0, 1, FACT_ARRIVED, 12, 0, "");
	fx_fact(fx, 0, 2, FACT_CANCELLED, 0, s2 - 2 * HOUR, "work");
	fx_fact(fx, 0, 3, FACT_CANCELLED, 0, fx->now + DAY - 48 * HOUR, "travel");

	fx_fact(fx, 1, 0, FACT_ABSENT, 0, 0, "");
	fx_fact(fx, 1, 1, FACT_ABSENT, 0, 0, "work");
	fx_fact(fx, 1, 2, FACT_ABSENT, 0, 0, "medical");
	fx_fact(fx, 1, 3, FACT_NONE, 0, 0, "");
	fx_fact(fx, 1, 4, FACT_ABSENT, 0, 0, "");

	fx_fact(fx, 2, 0, FACT_ARRIVED, 3, 0, "");
	fx_fact(fx, 2, 2, FACT_ABSENT, 0, 0, "");
}

struct grid_case {
	size_t person, session;
	enum outcome want;
};

static const struct grid_case grid_cases[] = {
	{ 0, 0, OUTCOME_PRESENT }, { 0, 1, OUTCOME_LATE }, { 0, 2, OUTCOME_LATE_CANCEL },
	{ 0, 3, OUTCOME_CANCELLED }, { 0, 4, OUTCOME_NOT_HELD },
	{ 1, 0, OUTCOME_NO_SHOW }, { 1, 1, OUTCOME_NO_SHOW }, { 1, 2, OUTCOME_EXCUSED },
	{ 1, 3, OUTCOME_UPCOMING }, { 1, 4, OUTCOME_NOT_HELD },
	{ 2, 0, OUTCOME_PRESENT }, { 2, 1, OUTCOME_NOT_EXPECTED },
	{ 2, 2, OUTCOME_NOT_EXPECTED }, { 2, 3, OUTCOME_NOT_EXPECTED },
	{ 2, 4, OUTCOME_NOT_EXPECTED },
};

/* Every cell of the cohort's grid. */
START_TEST(engine_cohort_grid)
{
	const struct grid_case *c = &grid_cases[_i];
	struct fixture fx;
	enum outcome got;

	build_three(&fx);
	fx_run(&fx);
	got = fx_outcome(&fx, c->person, c->session);
	ck_assert_msg(got == c->want, "person %zu session %zu: got %s, want %s", c->person,
	    c->session, outcome_name(got), outcome_name(c->want));
	fx_done(&fx);
}
END_TEST

struct person_case {
	int expected, points, step_due, next_step;
	double rate, commitment, median_lead;
};

static const struct person_case person_cases[] = {
	/* Ana: P L X, and C for a session to come (kept, but not yet in the rate);
	 * the cancellations 2 and 48 hours ahead */
	{ 3, 1, 0, 1, 2.0 / 3, 0.75, 25.0 },
	/* Ben: N N E, the reminder sent already */
	{ 3, 4, 2, -1, 0.0, 1.0 / 3, -1 },
	/* Cat: P, then withdrawn: no more steps of the ladder */
	{ 1, 0, -1, -1, 1.0, 1.0, -1 },
};

/* Each person's figures in the cohort. */
START_TEST(engine_cohort_people)
{
	const struct person_case *c = &person_cases[_i];
	const struct engine_person_result *pr;
	struct fixture fx;

	build_three(&fx);
	fx_run(&fx);
	pr = &fx.r.people[_i];
	ck_assert_int_eq(pr->expected, c->expected);
	ck_assert_int_eq(pr->points, c->points);
	ck_assert_int_eq(pr->step_due, c->step_due);
	ck_assert_int_eq(pr->next_step, c->next_step);
	ck_assert_double_eq_tol(pr->attendance_rate, c->rate, TOL);
	ck_assert_double_eq_tol(pr->commitment, c->commitment, TOL);
	ck_assert_double_eq_tol(pr->median_lead_hours, c->median_lead, TOL);
	fx_done(&fx);
}
END_TEST

/* The coach's record and the refund in the cohort of three. */
START_TEST(engine_cohort_coach)
{
	struct fixture fx;

	build_three(&fx);
	fx_run(&fx);
	ck_assert_int_eq(fx.r.coach.sessions, 5);
	ck_assert_int_eq(fx.r.coach.held, 3);
	ck_assert_int_eq(fx.r.coach.upcoming, 1);
	ck_assert_int_eq(fx.r.coach.cancelled, 1);
	ck_assert_int_eq(fx.r.coach.late_cancelled, 1);
	ck_assert_double_eq_tol(fx.r.coach.commitment, 0.75, TOL);
	ck_assert_int_eq(fx.r.people[0].refund_cents, 100000);
	fx_done(&fx);
}
END_TEST

struct tally_case {
	int expected, attended, excused;
	double rate;
};

static const struct tally_case tally_cases[] = {
	{ 3, 2, 0, 2.0 / 3 },	/* P N P */
	{ 2, 1, 0, 0.5 },	/* practice: L N */
	{ 2, 0, 1, 0.0 },	/* X E */
	{ 1, 0, 0, -1 },	/* to come: an early cancellation is final, no rate yet */
	{ 0, 0, 0, -1 },	/* called off */
};

/* Each session's tally, and the sum over the sessions held. */
START_TEST(engine_cohort_sessions)
{
	const struct tally_case *c = &tally_cases[_i];
	struct fixture fx;

	build_three(&fx);
	fx_run(&fx);
	ck_assert_int_eq(fx.r.sessions[_i].expected, c->expected);
	ck_assert_int_eq(fx.r.sessions[_i].attended, c->attended);
	ck_assert_int_eq(fx.r.sessions[_i].counts[OUTCOME_EXCUSED], c->excused);
	ck_assert_double_eq_tol(fx.r.sessions[_i].attendance_rate, c->rate, TOL);
	ck_assert_int_eq(fx.r.held.expected, 7);
	ck_assert_int_eq(fx.r.held.attended, 3);
	ck_assert_int_eq(fx.r.held.counts[OUTCOME_NO_SHOW], 2);
	ck_assert_int_eq(fx.r.held.counts[OUTCOME_LATE_CANCEL], 1);
	ck_assert_double_eq_tol(fx.r.held.attendance_rate, 0.5, TOL);
	fx_done(&fx);
}
END_TEST

/* --- refunds and medians ------------------------------------------------------- */

struct refund_case {
	enum refund_rule rule;
	int64_t fee;
	size_t total, remaining;
	int64_t want;
};

static const struct refund_case refund_cases[] = {
	{ REFUND_FULL, 100000, 7, 3, 100000 },
	{ REFUND_FULL, 100000, 0, 0, 100000 },
	{ REFUND_FULL, 0, 5, 2, 0 },
	{ REFUND_NONE, 100000, 7, 3, 0 },
	{ REFUND_NONE, 100000, 7, 7, 0 },
	{ REFUND_PRORATED, 100000, 7, 3, 42858 },	/* 42857.14 rounded up */
	{ REFUND_PRORATED, 100000, 7, 7, 100000 },
	{ REFUND_PRORATED, 100000, 7, 0, 0 },
	{ REFUND_PRORATED, 100000, 0, 0, 100000 },	/* no sessions: the full fee */
	{ REFUND_PRORATED, 100000, 3, 1, 33334 },
	{ REFUND_PRORATED, 99999, 3, 1, 33333 },	/* exact: no rounding */
	{ REFUND_PRORATED, 250000, 8, 2, 62500 },
	{ REFUND_PRORATED, 150000, 12, 5, 62500 },
	{ REFUND_PRORATED, 1, 2, 1, 1 },
	{ REFUND_PRORATED, 0, 5, 2, 0 },
	{ REFUND_PRORATED, INT64_C(1000000000000), 9, 4, INT64_C(444444444445) },
};

/* engine_refund: full, none, or prorated rounded up to the cent. */
START_TEST(engine_refund_by_rule)
{
	const struct refund_case *c = &refund_cases[_i];
	struct policy p;
	int64_t got;

	policy_default(&p);
	ck_assert_int_eq(p.refund, REFUND_FULL);
	p.refund = c->rule;
	got = engine_refund(&p, c->fee, c->total, c->remaining);
	ck_assert_msg(got == c->want, "rule %d, fee %lld, %zu of %zu: %lld, want %lld",
	    (int)c->rule, (long long)c->fee, c->remaining, c->total, (long long)got,
	    (long long)c->want);
}
END_TEST

struct refund_run_case {
	enum refund_rule rule;
	size_t held, to_come;
	int64_t want;
};

static const struct refund_run_case refund_run_cases[] = {
	{ REFUND_FULL, 4, 3, 100000 },
	{ REFUND_NONE, 4, 3, 0 },
	{ REFUND_PRORATED, 4, 3, 42858 },
	{ REFUND_PRORATED, 0, 5, 100000 },
	{ REFUND_PRORATED, 5, 0, 0 },
	{ REFUND_PRORATED, 1, 3, 75000 },
};

/* engine_run's refund: the fee times the share of group sessions not yet started. */
START_TEST(engine_refund_in_run)
{
	const struct refund_run_case *c = &refund_run_cases[_i];
	struct fixture fx;
	size_t n = c->held + c->to_come;

	fx_init(&fx, 1, n, WINTER + 20 * WEEK);
	fx.pol.refund = c->rule;
	for (size_t j = 0; j < n; j++) {
		if (j < c->held)
			fx_fact(&fx, 0, j, FACT_ARRIVED, 0, 0, "");
		else
			fx.sessions[j].starts_at = fx.now + (int64_t)(j + 1) * DAY;
	}
	fx_run(&fx);
	ck_assert_int_eq(fx.r.coach.held, (int)c->held);
	ck_assert_int_eq(fx.r.coach.upcoming, (int)c->to_come);
	ck_assert_int_eq(fx.r.people[0].refund_cents, c->want);
	fx_done(&fx);
}
END_TEST

struct own_refund_case {
	const char *plan;	/* a session each: G group, A Ana's 1:1, B Ben's 1:1, P a pair of
				   both, O a pair of others; lower case still to come;
				   X a group called off (held time), x one to come called off */
	int withdrawn;		/* Ana withdrew before this session (0: never) */
	int64_t fee;
	int ana_own, ana_to_come;
	int64_t ana, ben;	/* prorated refunds */
};

static const struct own_refund_case own_refund_cases[] = {
	/* the coach: 8 weeks of groups, 5 to come; others' 1:1s do not count */
	{ "GGGgggggBBbbOOo", 0, 240000, 8, 5, 150000, 140000 },
	{ "GGGggggg", 0, 240000, 8, 5, 150000, 150000 },
	{ "GGGgggggAAAaaaaa", 0, 240000, 16, 10, 150000, 150000 },
	{ "GGGgggggBBBbbbbb", 0, 240000, 8, 5, 150000, 150000 },
	{ "GGgAAaa", 0, 100000, 7, 3, 42858, 33334 },
	{ "Ga", 0, 100000, 2, 1, 50000, 0 },
	{ "Gb", 0, 100000, 1, 0, 0, 50000 },
	{ "PPpp", 0, 100000, 4, 2, 50000, 50000 },
	{ "OOoo", 0, 100000, 0, 0, 100000, 100000 },	/* no own sessions: the full fee */
	{ "GGgX", 0, 90000, 3, 1, 30000, 30000 },	/* called off: not theirs */
	{ "GGgx", 0, 90000, 3, 1, 30000, 30000 },
	{ "GGGG", 0, 100000, 4, 0, 0, 0 },		/* all held: nothing left */
	{ "gggg", 0, 100000, 4, 4, 100000, 100000 },
	{ "GGAgg", 0, 100000, 5, 2, 40000, 50000 },
	{ "GGBgg", 0, 100000, 4, 2, 50000, 40000 },
	{ "GGgg", 2, 100000, 2, 0, 0, 50000 },		/* withdrew: only sessions before */
	{ "GGGgggA", 0, 70000, 7, 3, 30000, 35000 },
	{ "GPPbbb", 0, 60000, 3, 0, 0, 30000 },
	{ "GGGgggggABBbbOOo", 4, 240000, 3, 0, 0, 140000 },
	{ "ggO", 0, 30001, 2, 2, 30001, 30001 },
	{ "Gga", 0, 100, 3, 2, 67, 50 },		/* 66.67 cents: rounded up */
};

/* Sets session j of the own-refund plan for Ana (0) and Ben (1); a third is "others". */
static void
own_refund_session(struct fixture *fx, size_t j, char kind)
{
	char up = (char)(kind >= 'a' ? kind - 'a' + 'A' : kind);
	int64_t start = kind >= 'a' ? fx->now + (int64_t)(j + 1) * DAY : WINTER + (int64_t)j * WEEK;

	fx_session(fx, j, start, up == 'G' || up == 'X');
	fx->named[0 * fx->ns + j] = up == 'A' || up == 'P';
	fx->named[1 * fx->ns + j] = up == 'B' || up == 'P';
	fx->named[2 * fx->ns + j] = up == 'O';
	if (up == 'X')
		fx_coach_cancel(fx, j, start - 3 * DAY);
}

/* engine_run prorates each person's refund over their own sessions, not the cohort's. */
START_TEST(engine_refund_own_sessions)
{
	const struct own_refund_case *c = &own_refund_cases[_i];
	struct fixture fx;
	size_t n = strlen(c->plan);

	fx_init(&fx, 3, n, WINTER + 20 * WEEK);
	fx.pol.refund = REFUND_PRORATED;
	fx.fee_cents = c->fee;
	for (size_t j = 0; j < n; j++)
		own_refund_session(&fx, j, c->plan[j]);
	if (c->withdrawn > 0)
		fx.people[0].withdrawn_at = WINTER + (int64_t)c->withdrawn * WEEK - DAY;
	fx_run(&fx);
	ck_assert_msg(fx.r.people[0].own_sessions == c->ana_own &&
	    fx.r.people[0].own_to_come == c->ana_to_come, "%s: Ana %d of %d, want %d of %d",
	    c->plan, fx.r.people[0].own_to_come, fx.r.people[0].own_sessions, c->ana_to_come,
	    c->ana_own);
	ck_assert_msg(fx.r.people[0].refund_cents == c->ana, "%s: Ana %lld, want %lld",
	    c->plan, (long long)fx.r.people[0].refund_cents, (long long)c->ana);
	ck_assert_msg(fx.r.people[1].refund_cents == c->ben, "%s: Ben %lld, want %lld",
	    c->plan, (long long)fx.r.people[1].refund_cents, (long long)c->ben);
	fx_done(&fx);
}
END_TEST

struct median_case {
	size_t n;
	double v[6];
	double want;
};

static const struct median_case median_cases[] = {
	{ 0, { 0 }, -1 },
	{ 1, { 5 }, 5 },
	{ 2, { 3, 1 }, 2 },
	{ 3, { 3, 1, 2 }, 2 },
	{ 4, { 10, 2, 8, 4 }, 6 },
	{ 2, { 1.5, 0.5 }, 1 },
	{ 5, { 48, 2, 72, 2, 24 }, 24 },
	{ 6, { 6, 5, 4, 3, 2, 1 }, 3.5 },
};

/* engine_median: the middle value, the mean of the two middle ones, -1 for none. */
/* The coach's reviews in a run: a review done at some points holds until they rise. */
static const struct reviewed_case {
	const char *marks;	/* one person's, no-shows scoring 2 each */
	int reviewed_points;	/* at the latest review; 0 none */
	int want;		/* review_due */
} reviewed_cases[] = {
	{ "NN", 0, 1 },		/* 4 points: the first review */
	{ "NN", 4, 0 },		/* reviewed at 4 */
	{ "NNX", 4, 2 },	/* one point more: due again, the second */
	{ "NNN", 4, 3 },
	{ "NNN", 6, 0 },
	{ "NNN", 7, 0 },	/* reviewed at more than now (points forgiven since) */
	{ "NX", 0, 0 },		/* 3 points: below the rung */
	{ "NX", 2, 0 },
};

START_TEST(engine_reviewed_in_run)
{
	const struct reviewed_case *c = &reviewed_cases[_i];
	struct fixture fx;

	fx_init(&fx, 1, strlen(c->marks), WINTER + (int64_t)strlen(c->marks) * WEEK);
	fx_marks(&fx, 0, c->marks, NULL);
	fx.people[0].reviewed_points = c->reviewed_points;
	fx_run(&fx);
	ck_assert_msg(fx.r.people[0].review_due == c->want, "%s reviewed at %d: review %d, "
	    "want %d", c->marks, c->reviewed_points, fx.r.people[0].review_due, c->want);
	fx_done(&fx);
}
END_TEST

/* Reschedules in a run: places moved and 1:1s moved, counted in session order. */
static const struct reschedule_run_case {
	const char *name;
	const char *marks;	/* one person's, as fx_mark reads them */
	int max;		/* reschedule.max; -1 none */
	int points;
	int reschedules;	/* asked, in time or not */
	int rescheduled;	/* counted as reschedules (R) */
	int kept, broken;
	const char *letters;	/* the grid's letters, a place moved whole shows its attendance */
	int first_asked;	/* the session whose request came before all others; -1 */
} reschedule_run_cases[] = {
	{ "one in time", "PRP", -1, 0, 1, 1, 3, 0, "PRP", -1 },
	{ "one late", "PrP", -1, 1, 1, 0, 2, 1, "PXP", -1 },
	{ "in time and late", "RrR", -1, 1, 3, 2, 2, 1, "RXR", -1 },
	{ "two of at most one", "RR", 1, 1, 2, 1, 1, 1, "RX", -1 },
	{ "three of at most two", "RRRP", 2, 1, 3, 2, 3, 1, "RRXP", -1 },
	{ "late ones do not use the allowance", "rRR", 1, 2, 3, 1, 1, 2, "XRX", -1 },
	{ "none allowed", "RP", 0, 1, 1, 0, 1, 1, "XP", -1 },
	{ "a 1:1 moved in time", "PMP", -1, 0, 1, 1, 4, 0, "PPP", -1 },
	{ "a 1:1 moved late", "PmP", -1, 1, 1, 0, 3, 1, "PPP", -1 },
	{ "a 1:1 move past the allowance", "RM", 1, 1, 2, 1, 2, 1, "RP", -1 },
	{ "places and 1:1s count together", "MRR", 2, 1, 3, 2, 3, 1, "PRX", -1 },
	{ "a late 1:1 move leaves the allowance", "mR", 1, 1, 2, 1, 2, 1, "PR", -1 },
	{ "no-show points too", "NRr", -1, 3, 2, 1, 1, 2, "NRX", -1 },
	{ "nothing moved", "PPN", 1, 2, 0, 0, 2, 1, "PPN", -1 },
	/* counted in the order asked, not the order of the sessions */
	{ "a later session asked first", "RR", 1, 1, 2, 1, 1, 1, "XR", 1 },
	{ "the last of three asked first", "RRR", 2, 1, 3, 2, 2, 1, "RXR", 2 },
	{ "a 1:1 asked first", "RM", 1, 1, 2, 1, 2, 1, "XP", 1 },
	{ "asked first, allowance none", "RR", 0, 2, 2, 0, 0, 2, "XX", 1 },
};

START_TEST(engine_reschedules_in_run)
{
	const struct reschedule_run_case *c = &reschedule_run_cases[_i];
	size_t ns = strlen(c->marks);
	struct fixture fx;

	fx_init(&fx, 1, ns, WINTER + (int64_t)ns * WEEK);
	fx.pol.reschedule_max = c->max;
	fx_marks(&fx, 0, c->marks, NULL);
	if (c->first_asked >= 0)
		fx_asked_at(&fx, 0, (size_t)c->first_asked, WINTER - 10 * DAY);
	fx_run(&fx);
	ck_assert_msg(fx.r.people[0].points == c->points, "%s: %d points, want %d", c->name,
	    fx.r.people[0].points, c->points);
	ck_assert_int_eq(fx.r.people[0].reschedules, c->reschedules);
	ck_assert_int_eq(fx.r.people[0].counts[OUTCOME_RESCHEDULED], c->rescheduled);
	ck_assert_int_eq(fx.r.people[0].kept, c->kept);
	ck_assert_int_eq(fx.r.people[0].broken, c->broken);
	for (size_t j = 0; j < ns; j++)
		ck_assert_msg(outcome_letter(fx_outcome(&fx, 0, j)) == c->letters[j],
		    "%s: session %zu shows %c, want %c", c->name, j,
		    outcome_letter(fx_outcome(&fx, 0, j)), c->letters[j]);
	fx_done(&fx);
}
END_TEST

START_TEST(engine_median_of_values)
{
	const struct median_case *c = &median_cases[_i];
	double v[6];

	memcpy(v, c->v, sizeof v);
	ck_assert_double_eq_tol(engine_median(v, c->n), c->want, TOL);
}
END_TEST

/*
 * An optional session between two that expect: the one who came shows in its
 * tally, the ones who stayed away (or came late, or said no late) get no
 * points, and no one's rate, commitment or refund share moves.
 */
START_TEST(engine_optional_session_owes_nothing)
{
	struct fixture fx, plain;

	fx_init(&fx, 3, 3, WINTER + 3 * WEEK);
	fx.sessions[1].optional = 1;
	for (size_t j = 0; j < 3; j += 2)
		for (size_t i = 0; i < 3; i++)
			fx_fact(&fx, i, j, FACT_ARRIVED, 0, 0, "");
	fx_fact(&fx, 0, 1, FACT_ARRIVED, 0, 0, "");
	fx_fact(&fx, 1, 1, FACT_ABSENT, 0, 0, "");
	fx_fact(&fx, 2, 1, FACT_ARRIVED, 40, 0, "");
	plain = fx;
	plain.sessions[1].optional = 0;
	fx_run(&fx);
	fx_run(&plain);
	ck_assert_int_eq(fx_outcome(&fx, 0, 1), OUTCOME_PRESENT);
	ck_assert_int_eq(fx_outcome(&fx, 1, 1), OUTCOME_NOT_EXPECTED);
	ck_assert_int_eq(fx_outcome(&fx, 2, 1), OUTCOME_LATE);
	ck_assert_int_eq(fx.r.sessions[1].attended, 2);
	ck_assert_int_eq(fx.r.sessions[1].expected, 0);
	for (size_t i = 0; i < 3; i++) {
		ck_assert_int_eq(fx.r.people[i].points, 0);
		ck_assert_int_eq(fx.r.people[i].expected, 2);
		ck_assert_double_eq_tol(fx.r.people[i].attendance_rate, 1.0, TOL);
		ck_assert_int_eq(fx.r.people[i].own_sessions, 2);
	}
	ck_assert_int_eq(fx.r.held.expected, 6);
	ck_assert_double_eq_tol(fx.r.held.attendance_rate, 1.0, TOL);
	/* the control: the same record at a session that expects costs points */
	ck_assert_int_gt(plain.r.people[1].points, 0);
	ck_assert_int_eq(plain.r.people[1].expected, 3);
	fx_done(&fx);
	fx_done(&plain);
}
END_TEST

Suite *
engine_suite(void)
{
	Suite *s = suite_create("engine");
	TCase *tc = tcase_create("outcomes");
	TCase *tl = tcase_create("points");
	TCase *tf = tcase_create("figures");

	tcase_add_loop_test(tc, engine_outcome_of_each_record, 0, (int)ARRAY_SIZE(cell_cases));
	tcase_add_loop_test(tc, engine_cutoff_boundary, 0, (int)ARRAY_SIZE(boundary_cases));
	tcase_add_loop_test(tc, engine_cutoff_across_dst, 0, (int)ARRAY_SIZE(dst_cases));
	tcase_add_loop_test(tc, engine_cohort_grid, 0, (int)ARRAY_SIZE(grid_cases));
	tcase_add_test(tc, engine_optional_session_owes_nothing);
	suite_add_tcase(s, tc);

	tcase_add_loop_test(tl, engine_cell_points_and_forgiveness, 0,
	    (int)ARRAY_SIZE(cell_points_cases));
	tcase_add_loop_test(tl, engine_points_by_table, 0, (int)ARRAY_SIZE(points_run_cases));
	tcase_add_loop_test(tl, engine_forgiveness_in_run, 0,
	    (int)ARRAY_SIZE(forgive_run_cases));
	tcase_add_loop_test(tl, engine_late_arrival_points, 0, (int)ARRAY_SIZE(late_cases));
	tcase_add_loop_test(tl, engine_fact_points_with_lateness, 0,
	    (int)ARRAY_SIZE(fact_points_cases));
	tcase_add_loop_test(tl, engine_review_due_by_points, 0, (int)ARRAY_SIZE(review_cases));
	tcase_add_test(tl, engine_review_none_without_step);
	tcase_add_loop_test(tl, engine_step_due_by_points, 0, (int)ARRAY_SIZE(step_cases));
	tcase_add_loop_test(tl, engine_ladder_per_person, 0,
	    (int)ARRAY_SIZE(ladder_run_cases));
	tcase_add_loop_test(tl, engine_correction_changes_points, 0,
	    (int)ARRAY_SIZE(correction_cases));
	tcase_add_loop_test(tl, engine_points_at_a_moment, 0, (int)ARRAY_SIZE(as_of_cases));
	tcase_add_test(tl, engine_sent_step_not_due_again);
	tcase_add_loop_test(tl, engine_reviewed_in_run, 0, (int)ARRAY_SIZE(reviewed_cases));
	tcase_add_loop_test(tl, engine_reschedules_in_run, 0,
	    (int)ARRAY_SIZE(reschedule_run_cases));
	suite_add_tcase(s, tl);

	tcase_add_loop_test(tf, engine_person_figures, 0, (int)ARRAY_SIZE(figure_cases));
	tcase_add_loop_test(tf, engine_coach_figures, 0, (int)ARRAY_SIZE(coach_cases));
	tcase_add_loop_test(tf, engine_cohort_people, 0, (int)ARRAY_SIZE(person_cases));
	tcase_add_test(tf, engine_cohort_coach);
	tcase_add_loop_test(tf, engine_cohort_sessions, 0, ARRAY_SIZE(tally_cases));
	tcase_add_loop_test(tf, engine_refund_by_rule, 0, (int)ARRAY_SIZE(refund_cases));
	tcase_add_loop_test(tf, engine_refund_in_run, 0, (int)ARRAY_SIZE(refund_run_cases));
	tcase_add_loop_test(tf, engine_refund_own_sessions, 0,
	    (int)ARRAY_SIZE(own_refund_cases));
	tcase_add_loop_test(tf, engine_median_of_values, 0, (int)ARRAY_SIZE(median_cases));
	suite_add_tcase(s, tf);
	return s;
}
