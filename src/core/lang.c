/* SPDX-License-Identifier: Apache-2.0 */
/*
 * lang.c - words by gettext, dates and amounts by ICU, in the language of the
 * person a text is for (lang.h).
 *
 * Catalogs: each language is a text domain of its own, "showup-de", read with
 * dgettext, so switching language is a per-thread pointer, not the process's
 * locale or environment (a server thread writing French never changes what a
 * German page reads). gettext picks a catalog's folder by the LC_MESSAGES
 * locale; showup sets that to C.UTF-8, which every glibc has built in (no
 * generated locales needed), and keeps its catalogs in a folder of its own:
 * DIR/C.UTF-8/LC_MESSAGES/showup-LANG.mo. DIR: $SHOWUP_LOCALEDIR, else the
 * installed one, else the build tree's (a run from the build folder).
 *
 * ICU is loaded at the first date or amount (src/core/lazylib.c): linked, its
 * libraries cost every command 15 ms of loading.
 */
#include "config.h"

#include <libintl.h>
#include <locale.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <unicode/udat.h>
#include <unicode/udatpg.h>
#include <unicode/unum.h>
#include <unicode/ustring.h>

#include "showup/lang.h"
#include "showup/timeutil.h"

const char *const lang_codes[] = { "en", "de", "fr", "es", NULL };

/* The ICU locale of each language of lang_codes, in its order. English is the
 * British form: day before month, 24-hour clock, as coaches across Europe write. */
static const char *const icu_locales[] = { "en_GB", "de_DE", "fr_FR", "es_ES" };

static _Thread_local int current;	/* index into lang_codes */
static pthread_once_t catalogs_once = PTHREAD_ONCE_INIT;

/* Returns the index of 'lang' in lang_codes, or -1. */
static int
lang_index(const char *lang)
{
	for (int k = 0; lang != NULL && lang_codes[k] != NULL; k++)
		if (strcmp(lang_codes[k], lang) == 0)
			return k;
	return -1;
}

int
lang_known(const char *lang)
{
	return lang_index(lang) >= 0;
}

/* Returns the folder holding C.UTF-8/LC_MESSAGES/showup-*.mo (static storage). */
static const char *
catalog_dir(void)
{
	static char probe[4096];
	const char *env = getenv("SHOWUP_LOCALEDIR");
	const char *dirs[] = { LOCALEDIR, BUILDDIR "/locale" };

	if (env != NULL && *env != '\0')
		return env;
	for (size_t k = 0; k < sizeof dirs / sizeof *dirs; k++) {
		snprintf(probe, sizeof probe, "%s/C.UTF-8/LC_MESSAGES/showup-de.mo", dirs[k]);
		if (access(probe, R_OK) == 0)
			return dirs[k];
	}
	return LOCALEDIR;
}

/* Binds every language's domain to the catalogs' folder, once a process. A
 * LANGUAGE in the environment would send gettext to other folders: it goes. */
static void
bind_catalogs(void)
{
	const char *dir = catalog_dir();
	char domain[32];

	unsetenv("LANGUAGE");
	setlocale(LC_MESSAGES, "C.UTF-8");
	for (int k = 1; lang_codes[k] != NULL; k++) {
		snprintf(domain, sizeof domain, "showup-%s", lang_codes[k]);
		bindtextdomain(domain, dir);
		bind_textdomain_codeset(domain, "UTF-8");
	}
}

const char *
lang_use(const char *lang)
{
	const char *was = lang_codes[current];
	int k = lang_index(lang);

	current = k < 0 ? 0 : k;
	if (current != 0)
		pthread_once(&catalogs_once, bind_catalogs);
	return was;
}

const char *
lang_now(void)
{
	return lang_codes[current];
}

/* Returns this thread's text domain ("showup-de"), NULL for English. */
static const char *
domain_now(void)
{
	static const char *const domains[] = { NULL, "showup-de", "showup-fr", "showup-es" };

	return domains[current];
}

const char *
lang_gettext(const char *msgid)
{
	const char *d = domain_now();

	return d == NULL ? msgid : dgettext(d, msgid);
}

const char *
lang_ngettext(const char *one, const char *many, unsigned long n)
{
	const char *d = domain_now();

	if (d == NULL)
		return n == 1 ? one : many;
	return dngettext(d, one, many, n);
}

/* Appends the UTF-16 text u (n units) to out as UTF-8; returns 0 or -1. */
static int
append_utf16(const UChar *u, int32_t n, struct strbuf *out)
{
	char buf[512];
	int32_t len = 0;
	UErrorCode st = U_ZERO_ERROR;

	u_strToUTF8(buf, (int32_t)sizeof buf, &len, u, n, &st);
	if (U_FAILURE(st) || len >= (int32_t)sizeof buf)
		return -1;
	sb_add(out, buf, (size_t)len);
	return 0;
}

/* A formatter kept for reuse: opening one loads CLDR data (some hundred
 * microseconds), and a plan formats the same few thousands of times. Each thread
 * keeps its own (ICU formatters are not shared between threads); they live as
 * long as the thread. */
enum { FORMATS_KEPT = 16 };
struct kept_format {
	int lang;			/* index into lang_codes; -1: a free slot */
	char key[32];			/* the date skeleton, or "#" and the number style */
	void *fmt;			/* UDateFormat or UNumberFormat */
};
static _Thread_local struct kept_format kept[FORMATS_KEPT];
static _Thread_local int kept_n;

/* Returns the formatter kept for this thread's language and 'key', or NULL. */
static void *
kept_find(const char *key)
{
	for (int k = 0; k < kept_n; k++)
		if (kept[k].lang == current && strcmp(kept[k].key, key) == 0)
			return kept[k].fmt;
	return NULL;
}

/* Keeps 'fmt' for this thread's language and 'key' while there is room; returns 1 if
 * kept (the cache owns it now), 0 if the caller must close it. */
static int
kept_add(const char *key, void *fmt)
{
	if (kept_n >= FORMATS_KEPT || strlen(key) >= sizeof kept[0].key)
		return 0;
	kept[kept_n].lang = current;
	snprintf(kept[kept_n].key, sizeof kept[0].key, "%s", key);
	kept[kept_n++].fmt = fmt;
	return 1;
}

/* Opens the date format of this thread's language for ICU 'skeleton' (UTC); NULL if
 * ICU cannot. */
static UDateFormat *
date_format_open(const char *skeleton)
{
	const char *loc = icu_locales[current];
	UErrorCode st = U_ZERO_ERROR;
	UChar skel[64], pattern[128], utc[] = { 'U', 'T', 'C', 0 };
	UDateTimePatternGenerator *gen;
	UDateFormat *fmt = NULL;
	int32_t plen;

	u_strFromUTF8(skel, 64, NULL, skeleton, -1, &st);
	gen = udatpg_open(loc, &st);
	plen = udatpg_getBestPattern(gen, skel, -1, pattern, 128, &st);
	fmt = udat_open(UDAT_PATTERN, UDAT_PATTERN, loc, utc, -1, pattern, plen, &st);
	if (gen != NULL)
		udatpg_close(gen);
	if (U_FAILURE(st) && fmt != NULL) {
		udat_close(fmt);
		fmt = NULL;
	}
	return fmt;
}

int
lang_date(const struct civil *c, const char *skeleton, struct strbuf *out)
{
	UErrorCode st = U_ZERO_ERROR;
	UChar text[256];
	UDateFormat *fmt = kept_find(skeleton);
	int32_t tlen;
	int rc = -1, own = 0;
	UDate when = ((double)days_from_civil(c->year, c->month, c->day) * 86400.0 +
	    c->hour * 3600.0 + c->minute * 60.0 + c->second) * 1000.0;

	if (fmt == NULL) {
		if ((fmt = date_format_open(skeleton)) == NULL)
			return -1;
		own = !kept_add(skeleton, fmt);
	}
	tlen = udat_format(fmt, when, text, 256, NULL, &st);
	if (U_SUCCESS(st) && tlen < 256)
		rc = append_utf16(text, tlen, out);
	if (own)
		udat_close(fmt);
	return rc;
}

/* Formats 'value' with an ICU number format of 'style' (currency: of 'currency');
 * appends it; returns 0 or -1. */
static int
format_number(UNumberFormatStyle style, double value, const char *currency, struct strbuf *out)
{
	UErrorCode st = U_ZERO_ERROR;
	UChar code[4] = { 0 }, text[128];
	char key[8];
	UNumberFormat *fmt;
	int32_t len;
	int rc = -1, own = 0;

	if (currency != NULL && strlen(currency) != 3)
		return -1;
	snprintf(key, sizeof key, "#%d", (int)style);
	if ((fmt = kept_find(key)) == NULL) {
		fmt = unum_open(style, NULL, 0, icu_locales[current], NULL, &st);
		if (U_FAILURE(st) || fmt == NULL)
			return -1;
		own = !kept_add(key, fmt);
	}
	if (currency != NULL) {
		u_charsToUChars(currency, code, 3);
		len = unum_formatDoubleCurrency(fmt, value, code, text, 128, NULL, &st);
	} else {
		len = unum_formatDouble(fmt, value, text, 128, NULL, &st);
	}
	if (U_SUCCESS(st) && len < 128)
		rc = append_utf16(text, len, out);
	if (own)
		unum_close(fmt);
	return rc;
}

int
lang_amount(int64_t cents, const char *currency, struct strbuf *out)
{
	return format_number(UNUM_CURRENCY, (double)cents / 100.0, currency, out);
}

int
lang_number(long long n, struct strbuf *out)
{
	return format_number(UNUM_DECIMAL, (double)n, NULL, out);
}
