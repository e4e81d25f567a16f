/* SPDX-License-Identifier: Apache-2.0 */
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

/* The roster as matching looks it up: e-mail to participant, name key to participant. */
struct roster_index {
	struct strmap email;
	struct strmap name;	/* -1: two participants share the key */
};

/* Indexes 'people' by e-mail and by name key. */
static void
roster_index(const struct participant_list *people, struct roster_index *ix)
{
	struct strbuf key = STRBUF_INIT;
	long had;

	memset(ix, 0, sizeof *ix);
	for (size_t i = 0; i < people->n; i++) {
		if (*people->v[i].email && !strmap_get(&ix->email, people->v[i].email, &had))
			strmap_put(&ix->email, people->v[i].email, (long)i);
		meeting_name_match_key(people->v[i].name, &key);
		if (*sb_str(&key) == '\0')
			continue;
		strmap_put(&ix->name, sb_str(&key),
		    strmap_get(&ix->name, sb_str(&key), &had) ? -1 : (long)i);
	}
	sb_free(&key);
}

/* Releases what roster_index took. */
static void
roster_index_free(struct roster_index *ix)
{
	strmap_free(&ix->email);
	strmap_free(&ix->name);
}

/* Returns the one participant called 'name' (matching's key), or -1 (none or several: never guess). */
static long
only_name(const struct roster_index *ix, const char *name, struct strbuf *scratch)
{
	long found = -1;

	meeting_name_match_key(name, scratch);
	if (*sb_str(scratch) == '\0' || !strmap_get(&ix->name, sb_str(scratch), &found))
		return -1;
	return found;
}

/* Returns the participant with e-mail 'email' (any case), or -1. */
static long
by_email(const struct roster_index *ix, const char *email)
{
	long found = -1;

	if (*email == '\0' || !strmap_get(&ix->email, email, &found))
		return -1;
	return found;
}

/*
 * Matches one attendee: by e-mail, by the name (the "(Original Name)" Zoom
 * adds, then the shown name), by an alias. Returns the participant or -1.
 */
static long
match_attendee(const struct meeting_attendee *a, const struct roster_index *ix,
    const struct meeting_aliases *aliases, enum meeting_match *how)
{
	struct strbuf key = STRBUF_INIT, scratch = STRBUF_INIT;
	char *shown = xstrdup(a->name), *paren = strchr(shown, '(');
	long i;

	*how = MATCH_EMAIL;
	if ((i = by_email(ix, a->email)) >= 0)
		goto done;
	*how = MATCH_NAME;
	if (paren != NULL) {
		char *close = strchr(paren, ')');

		*paren = '\0';
		if (close != NULL)
			*close = '\0';
		if ((i = only_name(ix, paren + 1, &scratch)) >= 0)
			goto done;
	}
	if ((i = only_name(ix, shown, &scratch)) >= 0)
		goto done;
	*how = MATCH_ALIAS;
	meeting_name_key(a->name, &key);
	for (size_t k = 0; aliases != NULL && k < aliases->n && i < 0; k++) {
		meeting_name_key(aliases->v[k].name, &scratch);
		if (strcmp(sb_str(&scratch), sb_str(&key)) == 0)
			i = by_email(ix, aliases->v[k].email);
	}
	if (i < 0)
		*how = MATCH_NONE;
done:
	free(shown);
	sb_free(&key);
	sb_free(&scratch);
	return i;
}

/* Returns 1 if the attendee is the coach (whose name key is 'coach_key') or the meeting's
 * organiser: not a participant. 'scratch' is the caller's. */
static int
is_coach(const struct meeting_attendee *a, const struct cohort *c, const char *coach_key,
    struct strbuf *scratch)
{
	if (a->organiser || (*a->email && str_ieq(a->email, c->coach_email)))
		return 1;
	meeting_name_key(a->name, scratch);
	return strcmp(sb_str(scratch), coach_key) == 0;
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
	v->left_early = !v->leave_unknown &&
	    v->seconds * 100 < (int64_t)s->minutes * 60 * p->left_early_percent;
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

/* Adds attendee a's stays to verdict v of the person they were matched to. */
static void
add_seen(struct meeting_verdict *v, const struct meeting_attendee *a, enum meeting_match how,
    const struct session *s)
{
	if (v->seen == NULL || a->first_join < v->first_join)
		v->first_join = a->first_join;
	if (v->seen == NULL) {
		v->seen = a;
		v->how = how;
	}
	v->leave_unknown |= a->leave_unknown;
	for (int j = 0; j < a->joins && a->stays != NULL; j++)
		v->seconds += seconds_in_session(&a->stays[j], s);
	v->seconds += a->window_seconds;	/* a meeting read for the session: folded */
}

/* Matches every attendee of 'm' (-2: the coach), listing the unmatched and unexpected in 'out'. */
static void
match_all(const struct meeting *m, const struct cohort *c, const struct participant_list *people,
    const int *expected, const struct meeting_aliases *aliases, long *match,
    enum meeting_match *how, struct meeting_plan *out)
{
	struct strbuf coach = STRBUF_INIT, scratch = STRBUF_INIT;
	struct roster_index ix;

	roster_index(people, &ix);
	meeting_name_key(c->coach_name, &coach);
	for (size_t k = 0; k < m->n; k++) {
		match[k] = is_coach(&m->v[k], c, sb_str(&coach), &scratch) ? -2
		    : match_attendee(&m->v[k], &ix, aliases, &how[k]);
		if (match[k] == -1)
			out->unmatched[out->nunmatched++] = &m->v[k];
		else if (match[k] >= 0 && !expected[match[k]])
			out->unexpected[out->nunexpected++] = &m->v[k];
	}
	roster_index_free(&ix);
	sb_free(&coach);
	sb_free(&scratch);
}

void
meeting_plan(const struct meeting *m, const struct session *s, const struct cohort *c,
    const struct policy *p, const struct participant_list *people, const int *expected,
    const struct attendance *const *facts, const struct meeting_aliases *aliases,
    int replace, struct meeting_plan *out)
{
	long *match = xcalloc(m->n + 1, sizeof *match);
	enum meeting_match *how = xcalloc(m->n + 1, sizeof *how);
	long *verdict_of = xcalloc(people->n + 1, sizeof *verdict_of);

	memset(out, 0, sizeof *out);
	out->unmatched = xcalloc(m->n + 1, sizeof *out->unmatched);
	out->unexpected = xcalloc(m->n + 1, sizeof *out->unexpected);
	match_all(m, c, people, expected, aliases, match, how, out);
	out->v = xcalloc(people->n + 1, sizeof *out->v);
	for (size_t i = 0; i < people->n; i++) {
		verdict_of[i] = expected[i] ? (long)out->n++ : -1;
		if (verdict_of[i] < 0)
			continue;
		out->v[verdict_of[i]].person = i;
		out->v[verdict_of[i]].fact.session_id = s->id;
		out->v[verdict_of[i]].fact.participant_id = people->v[i].id;
	}
	for (size_t k = 0; k < m->n; k++)
		if (match[k] >= 0 && verdict_of[match[k]] >= 0)
			add_seen(&out->v[verdict_of[match[k]]], &m->v[k], how[k], s);
	for (size_t n = 0; n < out->n; n++) {
		struct meeting_verdict *v = &out->v[n];

		const struct attendance *had = facts ? facts[v->person] : NULL;

		v->minutes = (int)((v->seconds + 30) / 60);
		if (v->seen != NULL && attendance_is_their_word(had) && !replace) {
			v->kept = had;	/* what they told us stands */
			snprintf(v->why, sizeof v->why, "kept: %s", fact_status_word(had));
		} else if (v->seen != NULL) {
			judge_present(v, s, p);
		} else {
			judge_absent(v, had, s, c, p);
		}
	}
	free(match);
	free(how);
	free(verdict_of);
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
