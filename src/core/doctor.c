/* doctor.c - whether showup is set up to work: each part looked at read-only, found
 * ok, worth a warning, or a problem, with what to do about it in a coach's words. */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include "showup/deliver.h"
#include "showup/doctor.h"
#include "showup/model.h"
#include "showup/notice.h"
#include "showup/pdf.h"
#include "showup/store.h"
#include "showup/timeutil.h"
#include "store-private.h"
#include "showup/words.h"

/* Adds a finding; 'fix' (a format, or NULL) and its arguments follow 'what', already made. */
static void add(struct findings *out, enum finding_level level, const char *subject,
    char *what, const char *fix, ...) __attribute__((format(printf, 5, 6)));

static void
add(struct findings *out, enum finding_level level, const char *subject, char *what,
    const char *fix, ...)
{
	struct finding *f;
	va_list ap;

	if (out->n == out->cap) {
		out->cap = out->cap ? out->cap * 2 : 16;
		out->v = xrealloc(out->v, out->cap * sizeof *out->v);
	}
	f = &out->v[out->n++];
	f->level = level;
	f->subject = xstrdup(subject);
	f->what = what;
	f->fix = NULL;
	f->hints = 0;
	if (fix != NULL) {
		struct strbuf sb = STRBUF_INIT;

		va_start(ap, fix);
		sb_vaddf(&sb, fix, ap);
		va_end(ap);
		f->fix = sb_detach(&sb);
	}
}

/* Sets the hints (enum doctor_hint bits) of the finding added last. */
static void
hint(struct findings *out, unsigned hints)
{
	out->v[out->n - 1].hints |= hints;
}

/* Returns what to do about a database the store would not open, or NULL; its hints in *hints. */
static const char *
database_fix(enum store_refusal why, unsigned *hints)
{
	switch (why) {
	case STORE_MISSING:
		*hints = DOCTOR_HINT_CREATE | DOCTOR_HINT_OTHER_DB;
		return "create it, or say where your database is";
	case STORE_OUTDATED:
		*hints = DOCTOR_HINT_CREATE;
		return "bring it up to date (every record is kept)";
	case STORE_NEWER:
		*hints = 0;
		return "use the newer showup that wrote it";
	case STORE_NOT_OURS:
		*hints = DOCTOR_HINT_OTHER_DB;
		return "say where your showup database is";
	default:
		*hints = 0;
		return NULL;
	}
}

/* Runs SQLite's integrity check; "ok" or its first complaint (the caller frees it). */
static char *
integrity(struct store *st)
{
	sqlite3_stmt *stmt;
	char *said;
	su_err e;

	if ((stmt = db_prepare(st->db, "PRAGMA integrity_check", &e)) == NULL)
		return xstrdup(e.msg);
	said = db_step_row(stmt, &e) == 1 ? db_column_dup(stmt, 0) : xstrdup(e.msg);
	sqlite3_finalize(stmt);
	return said;
}

/* Says which schema the database has and whether SQLite finds it whole. */
static void
check_content(struct store *st, const char *rule, struct findings *out)
{
	char *said = integrity(st);
	sqlite3_stmt *stmt;
	int version = -1;
	su_err e;

	if ((stmt = db_prepare(st->db, "PRAGMA user_version", &e)) != NULL &&
	    db_step_row(stmt, &e) == 1)
		version = sqlite3_column_int(stmt, 0);
	sqlite3_finalize(stmt);
	if (strcmp(said, "ok") == 0)
		add(out, FINDING_OK, "database", xasprintf("%s (from %s), schema %d, integrity "
		    "ok", st->path, rule, version), NULL);
	else {
		add(out, FINDING_PROBLEM, "database", xasprintf("%s (from %s) is damaged: %s",
		    st->path, rule, said), "restore your latest backup");
		hint(out, DOCTOR_HINT_BACKUP);
	}
	free(said);
}

/* Checks that only its owner can read the database file, and the room left beside it. */
static void
check_file(const char *path, struct findings *out)
{
	struct statvfs fs;
	struct stat sb;
	long long room;

	if (stat(path, &sb) != 0)
		return;
	if ((sb.st_mode & 077) != 0)
		add(out, FINDING_PROBLEM, "database", xasprintf("%s can be read by others "
		    "(mode %04o)", path, (unsigned)(sb.st_mode & 07777)),
		    "run: chmod 600 '%s'", path);
	else
		add(out, FINDING_OK, "database", xasprintf("mode %04o: only you can read it",
		    (unsigned)(sb.st_mode & 07777)), NULL);
	if (statvfs(path, &fs) != 0)
		return;
	room = (long long)fs.f_bavail * (long long)fs.f_frsize;
	if (room < DOCTOR_LOW_SPACE)
		add(out, FINDING_WARNING, "database", xasprintf("only %lld MB free where it "
		    "is", room / 1000000), "free some space on that disk (showup warns under "
		    "%lld MB)", DOCTOR_LOW_SPACE / 1000000);
	else
		add(out, FINDING_OK, "database", xasprintf("%lld MB free where it is",
		    room / 1000000), NULL);
}

/* Moves the last finding to index 'at', before those added after it. */
static void
first_of(struct findings *out, size_t at)
{
	struct finding last = out->v[out->n - 1];

	memmove(&out->v[at + 1], &out->v[at], (out->n - 1 - at) * sizeof *out->v);
	out->v[at] = last;
}

/* Looks at the database, read-only; returns it open, or NULL after saying why not. */
static struct store *
check_database(const struct doctor_options *o, struct findings *out)
{
	const char *rule;
	char *path = store_find_path(o->db_flag, &rule);
	enum store_refusal why = STORE_FAILED;
	unsigned hints = 0;
	su_err e;
	struct store *st = store_open(path, STORE_READ, &why, &e);

	if (st == NULL && database_fix(why, &hints) != NULL) {
		add(out, FINDING_PROBLEM, "database", xasprintf("%s (from %s)", e.msg, rule),
		    "%s", database_fix(why, &hints));
		hint(out, hints);
	} else if (st == NULL)
		add(out, FINDING_PROBLEM, "database", xasprintf("%s (from %s)", e.msg, rule),
		    NULL);
	else {
		check_content(st, rule, out);
	}
	check_file(path, out);
	free(path);
	return st;
}

/* A script people's names are written in, and the Debian package whose font draws it. */
struct script {
	const char *name;
	const char *package;	/* NULL: no package that the reports find by themselves */
	unsigned first, last;
};

static const struct script scripts[] = {
	{ "Latin", "fonts-dejavu-core", 0x0041, 0x024f },
	{ "Latin", "fonts-dejavu-core", 0x1e00, 0x1eff },
	{ "Greek", "fonts-dejavu-core", 0x0370, 0x03ff },
	{ "Greek", "fonts-dejavu-core", 0x1f00, 0x1fff },
	{ "Cyrillic", "fonts-dejavu-core", 0x0400, 0x052f },
	{ "Armenian", "fonts-dejavu-core", 0x0530, 0x058f },
	{ "Hebrew", "fonts-dejavu-core", 0x0590, 0x05ff },
	{ "Arabic", "fonts-dejavu-core", 0x0600, 0x06ff },
	{ "Arabic", "fonts-dejavu-core", 0xfb50, 0xfeff },
	{ "Devanagari", NULL, 0x0900, 0x097f },
	{ "Bengali", NULL, 0x0980, 0x09ff },
	{ "Tamil", NULL, 0x0b80, 0x0bff },
	{ "Thai", NULL, 0x0e00, 0x0e7f },
	{ "Georgian", "fonts-dejavu-core", 0x10a0, 0x10ff },
	{ "Hangul", "fonts-droid-fallback", 0x1100, 0x11ff },
	{ "CJK", "fonts-droid-fallback", 0x2e80, 0x30ff },
	{ "Hangul", "fonts-droid-fallback", 0x3130, 0x318f },
	{ "CJK", "fonts-droid-fallback", 0x3400, 0x9fff },
	{ "Hangul", "fonts-droid-fallback", 0xac00, 0xd7af },
	{ "CJK", "fonts-droid-fallback", 0xf900, 0xfaff },
	{ "CJK", "fonts-droid-fallback", 0xff00, 0xffef },
	{ "CJK", "fonts-droid-fallback", 0x20000, 0x3ffff },
};

/* Returns the script of character 'cp', or NULL for one of no script showup names. */
static const struct script *
script_of(unsigned cp)
{
	for (size_t i = 0; i < ARRAY_SIZE(scripts); i++)
		if (cp >= scripts[i].first && cp <= scripts[i].last)
			return &scripts[i];
	return NULL;
}

/* Adds 'name' to the list 'names' ("Latin, Greek") unless it is there. */
static void
add_name(struct strbuf *names, const char *name)
{
	if (strstr(sb_str(names), name) != NULL)
		return;
	sb_addf(names, "%s%s", names->len ? ", " : "", name);
}

/* The names of one cohort that no face draws, by script. */
struct uncovered {
	const struct script *script;	/* NULL: characters of no script named */
	const struct participant *first, *last;
	size_t count;		/* people */
};

/* Notes the scripts of p's name in 'needed', and in 'gaps' those no face draws. */
static void
look_at_name(struct pdf *pdf, const struct participant *p, struct strbuf *needed,
    struct uncovered *gaps, size_t *ngaps)
{
	for (const char *s = p->name; *s; ) {
		unsigned cp;
		size_t len = utf8_decode((const unsigned char *)s, &cp), k;
		const struct script *sc = script_of(cp);
		char one[8];

		snprintf(one, sizeof one, "%.*s", (int)len, s);
		s += len;
		if (sc != NULL)
			add_name(needed, sc->name);
		if (pdf_covers(pdf, one))
			continue;
		for (k = 0; k < *ngaps; k++)
			if (gaps[k].script == sc || (sc != NULL && gaps[k].script != NULL &&
			    strcmp(gaps[k].script->name, sc->name) == 0))
				break;
		if (k == *ngaps)
			gaps[(*ngaps)++] = (struct uncovered){ sc, p, NULL, 0 };
		if (gaps[k].last != p)
			gaps[k].count++;
		gaps[k].last = p;
	}
}

/* Says which names of cohort c the reports cannot draw, a problem per script. */
static void
check_cohort_names(struct store *st, struct pdf *pdf, const struct cohort *c,
    struct strbuf *needed, struct findings *out)
{
	struct uncovered gaps[ARRAY_SIZE(scripts) + 1];
	struct participant_list people = { 0 };
	size_t ngaps = 0;
	su_err e;

	if (participant_list_all(st, c->id, 1, &people, &e) < 0) {
		add(out, FINDING_PROBLEM, "fonts", xasprintf("cohort %s: %s", c->slug, e.msg),
		    NULL);
		return;
	}
	for (size_t i = 0; i < people.n; i++)
		look_at_name(pdf, &people.v[i], needed, gaps, &ngaps);
	for (size_t k = 0; k < ngaps; k++) {
		const struct script *sc = gaps[k].script;
		char *what = xasprintf("cohort %s: %s <%s>%s needs %s, which no font showup "
		    "found draws", c->slug, gaps[k].first->name, gaps[k].first->email,
		    gaps[k].count > 1 ? " and others" : "", sc ? sc->name : "characters");

		if (sc != NULL && sc->package != NULL)
			add(out, FINDING_PROBLEM, "fonts", what, "install the Debian package %s "
			    "(apt install %s)", sc->package, sc->package);
		else {
			add(out, FINDING_PROBLEM, "fonts", what, "give the reports a fallback font: "
			    "a TrueType font that has %s (the Debian package fonts-noto-core has "
			    "most scripts)", sc ? sc->name : "them");
			hint(out, DOCTOR_HINT_FALLBACK_FONT);
		}
	}
	participant_list_free(&people);
}

/* Says which fonts the PDFs use and whether they draw every participant's name. */
static void
check_fonts(struct store *st, struct findings *out)
{
	struct strbuf needed = STRBUF_INIT;
	struct cohort_list all = { 0 };
	size_t before = out->n;
	su_err e;
	struct pdf *pdf = pdf_new(&(struct pdf_options){ .paper = PAPER_A4 }, &e);

	if (pdf == NULL) {
		add(out, FINDING_PROBLEM, "fonts", xstrdup(e.msg), "install the Debian package "
		    "fonts-dejavu-core");
		return;
	}
	if (st != NULL && cohort_list_all(st, &all, &e) < 0)
		add(out, FINDING_PROBLEM, "fonts", xstrdup(e.msg), NULL);
	for (size_t i = 0; i < all.n; i++)
		check_cohort_names(st, pdf, &all.v[i], &needed, out);
	add(out, FINDING_OK, "fonts", xasprintf("%s%s%s; %s%s%s", pdf_font_name(pdf),
	    pdf_fallback_font_name(pdf) ? ", fallback " : "",
	    pdf_fallback_font_name(pdf) ? pdf_fallback_font_name(pdf) : "",
	    needed.len ? "names need " : "no names yet", sb_str(&needed),
	    !needed.len ? "" : out->n == before ? ": all drawn" : ""), NULL);
	first_of(out, before);
	sb_free(&needed);
	cohort_list_free(&all);
	pdf_free(pdf);
}

/* Checks that the notice templates are found and that each compiles. */
static void
check_templates(struct findings *out)
{
	struct notice_templates t;
	char *dir = notice_templates_dir();
	su_err e;

	if (dir == NULL) {
		add(out, FINDING_PROBLEM, "templates", xstrdup("cannot find the notice "
		    "templates"), "reinstall showup, or set SHOWUP_TEMPLATES to their folder");
		return;
	}
	if (notice_templates_load(dir, NULL, &t, &e) < 0) {
		add(out, FINDING_PROBLEM, "templates", xstrdup(e.msg), "correct the line it "
		    "names, then check the templates again");
		hint(out, DOCTOR_HINT_TEMPLATE_CHECK);
	} else {
		if (t.n == 0)
			add(out, FINDING_PROBLEM, "templates", xasprintf("no notice templates in "
			    "'%s'", dir), "reinstall showup, or set SHOWUP_TEMPLATES to their "
			    "folder");
		else
			add(out, FINDING_OK, "templates", xasprintf("%s: %zu %s, each "
			    "compiles", dir, t.n, plural((long long)t.n, "template", "templates")),
			    NULL);
		notice_templates_free(&t);
	}
	free(dir);
}

/* Reads the config into 'cfg' as a send would; 1 if it can be used, else 0 after saying why. */
static int
check_config(const char *path, struct mail_config *cfg, struct findings *out)
{
	struct stat sb;
	su_err e;

	if (stat(path, &sb) != 0) {
		mail_config_load(path, cfg, &e);
		add(out, FINDING_OK, "config", xasprintf("no file at %s (mail by SMTP needs "
		    "one; sendmail does not)", path), NULL);
		return 1;
	}
	if (mail_config_exposed(path)) {
		add(out, FINDING_PROBLEM, "config", xasprintf("%s holds a password and others "
		    "can read it (mode %04o)", path, (unsigned)(sb.st_mode & 07777)),
		    "run: chmod 600 '%s'", path);
		return 0;
	}
	if (mail_config_load(path, cfg, &e) < 0) {
		add(out, FINDING_PROBLEM, "config", xstrdup(e.msg), "correct that line of %s",
		    path);
		return 0;
	}
	add(out, FINDING_OK, "config", xasprintf("%s, mode %04o, every setting known", path,
	    (unsigned)(sb.st_mode & 07777)), NULL);
	return 1;
}

/* Returns where 'program' is on $PATH (or itself, with a '/' in it) if it can run; else NULL. */
static char *
find_program(const char *program)
{
	const char *path = getenv("PATH");
	char *dirs, *rest, *dir, *found = NULL;

	if (strchr(program, '/') != NULL)
		return access(program, X_OK) == 0 ? xstrdup(program) : NULL;
	rest = dirs = xstrdup(path != NULL ? path : "/usr/bin:/bin");
	while (found == NULL && (dir = strsep(&rest, ":")) != NULL) {
		char *candidate = xasprintf("%s/%s", *dir ? dir : ".", program);

		if (access(candidate, X_OK) == 0)
			found = candidate;
		else
			free(candidate);
	}
	free(dirs);
	return found;
}

/* Checks that the sendmail command the config names (or the default) can run. */
static void
check_sendmail(const struct mail_config *cfg, const char *path, int try_mail,
    struct findings *out)
{
	const char *command = mail_sendmail_command(cfg);
	char *program = xstrndup(command, strcspn(command, " \t"));
	char *where = find_program(program);
	char *sbin = xasprintf("/usr/sbin/%s", program);

	if (where != NULL) {
		add(out, FINDING_OK, "mail", xasprintf("no [smtp] url: notices go by '%s' (%s) "
		    "when sent by sendmail%s", command, where, try_mail ? "; not tried, as it "
		    "cannot be without sending" : ""), NULL);
		hint(out, DOCTOR_HINT_VIA_SENDMAIL);
	} else if (cfg->sendmail == NULL && access(sbin, X_OK) == 0)
		add(out, FINDING_PROBLEM, "mail", xasprintf("no [smtp] url, and '%s' is not on "
		    "your PATH", program), "add [sendmail] command = %s -t -i to %s", sbin, path);
	else
		add(out, FINDING_PROBLEM, "mail", xasprintf("no [smtp] url, and no command "
		    "'%s'", program), "add [smtp] url = smtp://HOST:587 (and user, "
		    "password_command) to %s, or install a sendmail such as the Debian package "
		    "msmtp-mta", path);
	free(program);
	free(where);
	free(sbin);
}

/* Checks the SMTP settings; with 'try_mail', connects and logs in, sending nothing. */
static void
check_smtp(const struct mail_config *cfg, const char *path, int try_mail,
    struct findings *out)
{
	struct strbuf reply = STRBUF_INIT;
	struct mailer *m;
	su_err e;

	if ((m = mailer_open(cfg, "smtp", &e)) == NULL) {
		add(out, FINDING_PROBLEM, "mail", xstrdup(e.msg), "correct [smtp] in %s", path);
		return;
	}
	if (cfg->user != NULL && cfg->password == NULL)
		add(out, FINDING_WARNING, "mail", xasprintf("user %s has no password",
		    cfg->user), "add password_command to [smtp] in %s, or set "
		    "SHOWUP_SMTP_PASSWORD", path);
	if (!try_mail) {
		add(out, FINDING_OK, "mail", xasprintf("SMTP by %s%s%s; not tried", cfg->url,
		    cfg->user ? " as " : "", cfg->user ? cfg->user : ""), NULL);
		hint(out, DOCTOR_HINT_TRY_MAIL);
	} else if (mailer_check(m, &reply) == 0)
		add(out, FINDING_OK, "mail", xasprintf("%s %s %s, sent nothing: %s", cfg->url,
		    cfg->user ? "logged in as" : "connected (no user to log in as)",
		    cfg->user ? cfg->user : "", sb_str(&reply)), NULL);
	else
		add(out, FINDING_PROBLEM, "mail", xasprintf("%s%s%s: %s", cfg->url,
		    cfg->user ? " as " : "", cfg->user ? cfg->user : "", sb_str(&reply)),
		    "check url, user and password_command in [smtp] of %s", path);
	mailer_close(m);
	sb_free(&reply);
}

/* Checks the config file and the way mail goes. */
static void
check_config_and_mail(int try_mail, struct findings *out)
{
	struct mail_config cfg = { 0 };
	char *path = mail_config_path();

	if (!check_config(path, &cfg, out))
		add(out, FINDING_WARNING, "mail", xstrdup("not checked: the config cannot be "
		    "used"), "put the config right first");
	else if (cfg.url == NULL)
		check_sendmail(&cfg, path, try_mail, out);
	else
		check_smtp(&cfg, path, try_mail, out);
	mail_config_free(&cfg);
	free(path);
}

/* Checks that each cohort's time zone is in the tz database, and is a place's. */
static void
check_zones(struct store *st, struct findings *out)
{
	struct strbuf fine = STRBUF_INIT;
	struct cohort_list all = { 0 };
	su_err e;

	if (cohort_list_all(st, &all, &e) < 0) {
		add(out, FINDING_PROBLEM, "zones", xstrdup(e.msg), NULL);
		return;
	}
	for (size_t i = 0; i < all.n; i++) {
		const struct cohort *c = &all.v[i];

		if (!tz_valid(c->tz))
			add(out, FINDING_PROBLEM, "zones", xasprintf("cohort %s: '%s' is not in "
			    "the tz database here", c->slug, c->tz), "install the Debian package "
			    "tzdata");
		else if (strchr(c->tz, '/') == NULL && strcmp(c->tz, "UTC") != 0)
			add(out, FINDING_WARNING, "zones", xasprintf("cohort %s: '%s' is an old "
			    "zone name, not a place", c->slug, c->tz), "prefer a zone named by "
			    "a city (Europe/Paris): its summer time follows that place's rules");
		else
			sb_addf(&fine, "%s%s %s", fine.len ? ", " : "", c->slug, c->tz);
	}
	if (fine.len > 0 || all.n == 0)
		add(out, FINDING_OK, "zones", all.n ? sb_detach(&fine) : xstrdup("no cohorts "
		    "yet"), NULL);
	sb_free(&fine);
	cohort_list_free(&all);
}

void
doctor_run(const struct doctor_options *o, struct findings *out)
{
	struct store *st;

	memset(out, 0, sizeof *out);
	st = check_database(o, out);
	check_fonts(st, out);
	check_templates(out);
	check_config_and_mail(o->try_mail, out);
	if (st != NULL)
		check_zones(st, out);
	store_close(st);
}

int
findings_have_problem(const struct findings *f)
{
	for (size_t i = 0; i < f->n; i++)
		if (f->v[i].level == FINDING_PROBLEM)
			return 1;
	return 0;
}

void
findings_free(struct findings *f)
{
	for (size_t i = 0; i < f->n; i++) {
		free(f->v[i].subject);
		free(f->v[i].what);
		free(f->v[i].fix);
	}
	free(f->v);
	memset(f, 0, sizeof *f);
}
