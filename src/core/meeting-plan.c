/* meeting-plan.c - who in the meeting is which participant, and what their record becomes.
 * Matching never guesses: e-mail, then a name only one participant has, then an alias. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "showup/csvio.h"
#include "showup/meeting.h"

int
meeting_aliases_read(const char *path, struct meeting_aliases *out, su_err *e)
{
	struct csv_reader *r = csvr_open(path, e);
	int rc, first = 1;

	memset(out, 0, sizeof *out);
	if (r == NULL)
		return -1;
	while ((rc = csvr_next(r, e)) == 1) {
		char *name, *email;

		if (csvr_count(r) == 1 && *csvr_field(r, 0) == '\0')
			continue;
		if (csvr_problem(r) != NULL || csvr_count(r) < 2) {
			rc = su_err_set(e, "%s:%ld: %s", csvr_name(r), csvr_line(r),
			    csvr_problem(r) ? csvr_problem(r) : "a line is NAME,E-MAIL");
			break;
		}
		name = xstrdup(csvr_field(r, 0));
		email = xstrdup(csvr_field(r, 1));
		if (email_valid(str_trim(email))) {
			out->v = xrealloc(out->v, (out->n + 1) * sizeof *out->v);
			out->v[out->n].name = xstrdup(str_trim(name));
			out->v[out->n++].email = xstrdup(str_trim(email));
		} else if (!first || strchr(email, '@') != NULL) {	/* only line 1 is a header */
			rc = su_err_set(e, "%s:%ld: '%s' is not an e-mail address",
			    csvr_name(r), csvr_line(r), str_trim(email));
		}
		free(name);
		free(email);
		first = 0;
		if (rc < 0)
			break;
	}
	csvr_close(r);
	if (rc < 0)
		meeting_aliases_free(out);
	return rc < 0 ? -1 : 0;
}

void
meeting_aliases_free(struct meeting_aliases *a)
{
	for (size_t i = 0; i < a->n; i++) {
		free(a->v[i].name);
		free(a->v[i].email);
	}
	free(a->v);
	memset(a, 0, sizeof *a);
}

/* Returns the index of the one participant whose name has key 'key', or -1 (none or several). */
static long
only_name(const struct participant_list *people, const char *key, struct strbuf *scratch)
{
	long found = -1;

	if (*key == '\0')
		return -1;
	for (size_t i = 0; i < people->n; i++) {
		meeting_name_key(people->v[i].name, scratch);
		if (strcmp(sb_str(scratch), key) == 0) {
			if (found >= 0)
				return -1;	/* two people share the name: never guess */
			found = (long)i;
		}
	}
	return found;
}

/* Returns the participant with e-mail 'email' (any case), or -1. */
static long
by_email(const struct participant_list *people, const char *email)
{
	for (size_t i = 0; *email && i < people->n; i++)
		if (str_ieq(people->v[i].email, email))
			return (long)i;
	return -1;
}

/*
 * Matches one attendee: by e-mail, by the name (the shown name and the
 * "(Original Name)" Zoom adds), by an alias. Returns the participant or -1.
 */
static long
match_attendee(const struct meeting_attendee *a, const struct participant_list *people,
    const struct meeting_aliases *aliases, enum meeting_match *how)
{
	struct strbuf key = STRBUF_INIT, scratch = STRBUF_INIT;
	char *shown = xstrdup(a->name), *paren = strchr(shown, '(');
	long i;

	*how = MATCH_EMAIL;
	if ((i = by_email(people, a->email)) >= 0)
		goto done;
	*how = MATCH_NAME;
	if (paren != NULL) {
		char *close = strchr(paren, ')');

		*paren = '\0';
		if (close != NULL)
			*close = '\0';
		meeting_name_key(paren + 1, &key);
		if ((i = only_name(people, sb_str(&key), &scratch)) >= 0)
			goto done;
	}
	meeting_name_key(shown, &key);
	if ((i = only_name(people, sb_str(&key), &scratch)) >= 0)
		goto done;
	*how = MATCH_ALIAS;
	meeting_name_key(a->name, &key);
	for (size_t k = 0; aliases != NULL && k < aliases->n && i < 0; k++) {
		meeting_name_key(aliases->v[k].name, &scratch);
		if (strcmp(sb_str(&scratch), sb_str(&key)) == 0)
			i = by_email(people, aliases->v[k].email);
	}
	if (i < 0)
		*how = MATCH_NONE;
done:
	free(shown);
	sb_free(&key);
	sb_free(&scratch);
	return i;
}

/* Returns 1 if the attendee is the coach or the meeting's organiser: not a participant. */
static int
is_coach(const struct meeting_attendee *a, const struct cohort *c)
{
	struct strbuf k1 = STRBUF_INIT, k2 = STRBUF_INIT;
	int coach;

	meeting_name_key(a->name, &k1);
	meeting_name_key(c->coach_name, &k2);
	coach = a->organiser || (*a->email && str_ieq(a->email, c->coach_email)) ||
	    strcmp(sb_str(&k1), sb_str(&k2)) == 0;
	sb_free(&k1);
	sb_free(&k2);
	return coach;
}

/* Returns the seconds of a stay that fall within the session. */
static int64_t
seconds_in_session(const struct meeting_stay *st, const struct session *s)
{
	int64_t from = st->join > s->starts_at ? st->join : s->starts_at;
	int64_t end = s->starts_at + (int64_t)s->minutes * 60;
	int64_t to = st->leave < end ? st->leave : end;

	if (to <= from)
		return 0;
	return to - from < st->seconds ? to - from : st->seconds;
}

/* Decides the fact of someone seen in the meeting (several attendees may be one person). */
static void
judge_present(struct meeting_verdict *v, const struct session *s, const struct policy *p)
{
	int64_t late = v->first_join > s->starts_at ? v->first_join - s->starts_at : 0;

	if (late > 24 * 3600)
		late = 24 * 3600;
	v->late_seconds = (int)late;
	v->fact.fact = FACT_ARRIVED;
	v->fact.minutes_late = (int)((late + 59) / 60);	/* 5 min 1 s is past a 5-minute grace */
	v->fact.reason = xstrdup("");
	v->left_early = v->seconds * 100 < (int64_t)s->minutes * 60 * p->left_early_percent;
	v->fact.note = v->left_early ? xasprintf("left early: in the meeting %d of %d "
	    "minutes", v->minutes, s->minutes) : xstrdup("");
	snprintf(v->why, sizeof v->why, "%s",
	    v->fact.minutes_late > p->grace_minutes ? "late" : "present");
}

/*
 * Decides the fact of an expected participant the meeting did not see: a
 * no-show, unless something is on record already (a cancellation, an excuse,
 * a mark by hand), which stands; its outcome is the policy engine's.
 */
static void
judge_absent(struct meeting_verdict *v, const struct attendance *had,
    const struct session *s, const struct cohort *c, const struct policy *p)
{
	struct outcome_input in = { .expected = 1, .starts_at = s->starts_at,
		.now = s->starts_at + (int64_t)s->minutes * 60, .fact = had };

	if (had != NULL && !(had->fact == FACT_ABSENT && *had->reason == '\0')) {
		if (policy_cutoff(p, c->tz, s->starts_at, &in.cutoff) < 0)
			in.cutoff = s->starts_at;
		snprintf(v->why, sizeof v->why, "kept: %s", outcome_name(outcome_of(p, &in)));
		return;
	}
	v->fact.fact = FACT_ABSENT;
	v->fact.reason = xstrdup("");
	v->fact.note = xstrdup("not in the meeting");
	snprintf(v->why, sizeof v->why, "no-show");
}

void
meeting_plan(const struct meeting *m, const struct session *s, const struct cohort *c,
    const struct policy *p, const struct participant_list *people, const int *expected,
    const struct attendance *const *facts, const struct meeting_aliases *aliases,
    struct meeting_plan *out)
{
	long *match = xcalloc(m->n + 1, sizeof *match);
	enum meeting_match *how = xcalloc(m->n + 1, sizeof *how);

	memset(out, 0, sizeof *out);
	out->unmatched = xcalloc(m->n + 1, sizeof *out->unmatched);
	out->unexpected = xcalloc(m->n + 1, sizeof *out->unexpected);
	for (size_t k = 0; k < m->n; k++) {
		match[k] = is_coach(&m->v[k], c) ? -2
		    : match_attendee(&m->v[k], people, aliases, &how[k]);
		if (match[k] == -1)
			out->unmatched[out->nunmatched++] = &m->v[k];
		else if (match[k] >= 0 && !expected[match[k]])
			out->unexpected[out->nunexpected++] = &m->v[k];
	}
	out->v = xcalloc(people->n + 1, sizeof *out->v);
	for (size_t i = 0; i < people->n; i++) {
		struct meeting_verdict *v;
		int64_t seconds = 0;
		int seen = 0;

		if (!expected[i])
			continue;
		v = &out->v[out->n++];
		v->person = i;
		v->fact.session_id = s->id;
		v->fact.participant_id = people->v[i].id;
		for (size_t k = 0; k < m->n; k++) {
			if (match[k] != (long)i)
				continue;
			if (!seen || m->v[k].first_join < v->first_join)
				v->first_join = m->v[k].first_join;
			if (!seen) {
				v->seen = &m->v[k];
				v->how = how[k];
			}
			for (int j = 0; j < m->v[k].joins; j++)
				seconds += seconds_in_session(&m->v[k].stays[j], s);
			seen = 1;
		}
		v->seconds = seconds;
		v->minutes = (int)((seconds + 30) / 60);
		if (seen)
			judge_present(v, s, p);
		else
			judge_absent(v, facts ? facts[i] : NULL, s, c, p);
	}
	free(match);
	free(how);
}

size_t
meeting_plan_hold(struct meeting_plan *plan)
{
	size_t held = 0;

	for (size_t k = 0; plan->nunmatched > 0 && k < plan->n; k++) {
		struct meeting_verdict *v = &plan->v[k];

		if (v->seen != NULL || v->fact.fact != FACT_ABSENT)
			continue;
		free(v->fact.reason);
		free(v->fact.note);
		v->fact.reason = v->fact.note = NULL;
		v->fact.fact = FACT_NONE;
		v->held = 1;
		snprintf(v->why, sizeof v->why, "?");
		held++;
	}
	return held;
}

void
meeting_plan_free(struct meeting_plan *plan)
{
	for (size_t i = 0; i < plan->n; i++) {
		free(plan->v[i].fact.reason);
		free(plan->v[i].fact.note);
	}
	free(plan->v);
	free(plan->unmatched);
	free(plan->unexpected);
	memset(plan, 0, sizeof *plan);
}
