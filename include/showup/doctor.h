/* doctor.h - whether showup is set up to work: the database, fonts, templates,
 * config, mail and time zones checked, each as a finding with its fix in words. */
#ifndef SHOWUP_DOCTOR_H
#define SHOWUP_DOCTOR_H

#include <stddef.h>

enum finding_level { FINDING_OK, FINDING_WARNING, FINDING_PROBLEM };

/* One thing found: how it stands, what it is about, what was found, what to do. */
struct finding {
	enum finding_level level;
	char *subject;		/* "database", "fonts", "templates", "config", "mail", "zones" */
	char *what;		/* what was found, one line */
	char *fix;		/* what to do, in words ("run: chmod 600 FILE"), or NULL */
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
