/* SPDX-License-Identifier: Apache-2.0 */
/* doctor.h - whether showup is set up to work: the database, fonts, templates,
 * config, mail and time zones checked, each as a finding with its fix in words. */
#ifndef SHOWUP_DOCTOR_H
#define SHOWUP_DOCTOR_H

#include <stddef.h>

enum finding_level { FINDING_OK, FINDING_WARNING, FINDING_PROBLEM };

/*
 * What a front end may suggest beside a finding, as bits: the core speaks in its
 * own terms and never names a command or a flag; the command line words these
 * as its hint: lines.
 */
enum doctor_hint {
	DOCTOR_HINT_CREATE = 1 << 0,		/* create the database, or bring it up to date */
	DOCTOR_HINT_OTHER_DB = 1 << 1,		/* name where the database is */
	DOCTOR_HINT_BACKUP = 1 << 2,		/* how backups are made */
	DOCTOR_HINT_FALLBACK_FONT = 1 << 3,	/* give the reports a fallback font */
	DOCTOR_HINT_TEMPLATE_CHECK = 1 << 4,	/* check the templates again */
	DOCTOR_HINT_VIA_SENDMAIL = 1 << 5,	/* how notices are sent by sendmail */
	DOCTOR_HINT_TRY_MAIL = 1 << 6,		/* how the SMTP login is tried */
};

/* One thing found: how it stands, what it is about, what was found, what to do. */
struct finding {
	enum finding_level level;
	char *subject;		/* "database", "fonts", "templates", "config", "mail", "zones" */
	char *what;		/* what was found, one line */
	char *fix;		/* what to do, in words ("run: chmod 600 FILE"), or NULL */
	unsigned hints;		/* enum doctor_hint bits: what a front end may suggest too */
};

struct findings {
	struct finding *v;
	size_t n, cap;
};

/* What the doctor is asked to look at. */
struct doctor_options {
	const char *db_flag;	/* --db PATH, or NULL: found as every command finds it */
	int try_mail;		/* connect to the SMTP server and log in (sending nothing) */
};

/* Below this many bytes free beside the database, a warning (100 MB). */
#define DOCTOR_LOW_SPACE (100LL * 1000 * 1000)

/*
 * Looks at everything, in order: database, fonts, templates, config, mail,
 * zones. Opens the database read-only and writes nothing anywhere. The
 * findings go into 'out' (free with findings_free).
 */
void doctor_run(const struct doctor_options *o, struct findings *out);
/* Returns 1 if any finding is a problem. */
int findings_have_problem(const struct findings *f);
void findings_free(struct findings *f);

#endif
