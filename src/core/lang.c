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

int
lang_is_english(void)
{
	return current == 0;
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

/* The date formats made so far, one per language and skeleton: making one reads
 * ICU's pattern data (some 2 ms), formatting with it a few microseconds. ICU's
 * formats may not be shared by threads at once: they are used under the lock. */
#define DATE_FORMATS 32
static struct {
	int lang;
	char skeleton[32];
	UDateFormat *fmt;
} date_formats[DATE_FORMATS];
static size_t n_date_formats;
static pthread_mutex_t date_formats_lock = PTHREAD_MUTEX_INITIALIZER;

/* Returns a new date format of 'skeleton' for language k (NULL: ICU cannot). */
static UDateFormat *
date_format_new(int k, const char *skeleton)
{
	UErrorCode st = U_ZERO_ERROR;
	UChar skel[64], pattern[128], utc[] = { 'U', 'T', 'C', 0 };
	UDateTimePatternGenerator *gen;
	UDateFormat *fmt;
	int32_t plen;

	u_strFromUTF8(skel, 64, NULL, skeleton, -1, &st);
	gen = udatpg_open(icu_locales[k], &st);
	plen = udatpg_getBestPattern(gen, skel, -1, pattern, 128, &st);
	fmt = udat_open(UDAT_PATTERN, UDAT_PATTERN, icu_locales[k], utc, -1, pattern, plen, &st);
	if (gen != NULL)
		udatpg_close(gen);
	if (U_FAILURE(st) && fmt != NULL) {
		udat_close(fmt);
		fmt = NULL;
	}
	return fmt;
}

/* Returns the kept format of 'skeleton' for language k, made and kept the first
 * time (*owned 0), or a new one for the caller to close when the keep is full or
 * the skeleton too long (*owned 1); NULL when ICU cannot. Under date_formats_lock. */
static UDateFormat *
date_format(int k, const char *skeleton, int *owned)
{
	size_t i;

	*owned = 0;
	for (i = 0; i < n_date_formats; i++)
		if (date_formats[i].lang == k && strcmp(date_formats[i].skeleton, skeleton) == 0)
			return date_formats[i].fmt;
	if (n_date_formats == DATE_FORMATS || strlen(skeleton) >= sizeof date_formats[0].skeleton) {
		*owned = 1;
		return date_format_new(k, skeleton);
	}
	if ((date_formats[i].fmt = date_format_new(k, skeleton)) == NULL)
		return NULL;
	date_formats[i].lang = k;
	strcpy(date_formats[i].skeleton, skeleton);
	n_date_formats++;
	return date_formats[i].fmt;
}

int
lang_date(const struct civil *c, const char *skeleton, struct strbuf *out)
{
	UErrorCode st = U_ZERO_ERROR;
	UChar text[256];
	UDateFormat *fmt;
	int32_t tlen = 0;
	int owned, rc = -1;
	UDate when = ((double)days_from_civil(c->year, c->month, c->day) * 86400.0 +
	    c->hour * 3600.0 + c->minute * 60.0 + c->second) * 1000.0;

	pthread_mutex_lock(&date_formats_lock);
	if ((fmt = date_format(current, skeleton, &owned)) != NULL)
		tlen = udat_format(fmt, when, text, 256, NULL, &st);
	if (owned && fmt != NULL)
		udat_close(fmt);
	pthread_mutex_unlock(&date_formats_lock);
	if (fmt != NULL && U_SUCCESS(st) && tlen < 256)
		rc = append_utf16(text, tlen, out);
	return rc;
}

/* Formats 'value' with an ICU number format of 'style' (currency: of 'currency');
 * appends it; returns 0 or -1. */
static int
format_number(UNumberFormatStyle style, double value, const char *currency, struct strbuf *out)
{
	UErrorCode st = U_ZERO_ERROR;
	UChar code[4] = { 0 }, text[128];
	UNumberFormat *fmt = unum_open(style, NULL, 0, icu_locales[current], NULL, &st);
	int32_t len;
	int rc = -1;

	if (currency != NULL) {
		if (strlen(currency) != 3)
			goto done;
		u_charsToUChars(currency, code, 3);
		len = unum_formatDoubleCurrency(fmt, value, code, text, 128, NULL, &st);
	} else {
		len = unum_formatDouble(fmt, value, text, 128, NULL, &st);
	}
	if (U_SUCCESS(st) && len < 128)
		rc = append_utf16(text, len, out);
done:
	if (fmt != NULL)
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
