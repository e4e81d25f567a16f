/* SPDX-License-Identifier: Apache-2.0 */
/*
 * lang.h - the language a text for a person is written in. Words come from the
 * gettext catalogs under po/ (one per language, "showup-LANG"), switched per
 * thread, so one run (or one server thread) can write to a German participant
 * and then a French one; dates, amounts and numbers are formatted by ICU by the
 * language's own rules. English is the source language: its words are the
 * catalogs' keys.
 *
 * Mark a word for translation with _("...") where it is used, N_("...") where it
 * is only named (a table) and translated later with _(). xgettext finds both.
 */
#ifndef SHOWUP_LANG_H
#define SHOWUP_LANG_H

#include <stdint.h>

#include "showup/util.h"

/* The languages showup writes in, NULL-terminated; "en" (the source) first. */
extern const char *const lang_codes[];

/* Returns 1 if showup writes in 'lang' ("en", "de", ...), else 0. */
int lang_known(const char *lang);

/*
 * Makes 'lang' the language of this thread's _() and formats until the next call
 * (NULL or an unknown code: English); returns the language it replaces, for
 * putting it back. Cheap: call it per message.
 */
const char *lang_use(const char *lang);

/* Returns this thread's language ("en" until lang_use says otherwise). */
const char *lang_now(void);

/* Returns 1 if this thread writes English, the source language, whose dates and
 * amounts are showup's own forms (not ICU's). */
int lang_is_english(void);

/* Returns msgid in this thread's language (msgid itself when untranslated). */
const char *lang_gettext(const char *msgid) __attribute__((format_arg(1)));

/* Returns the form of a noun or sentence for count n in this thread's language,
 * by its plural rules (German: 1 / other; French: 0 and 1 / other; ...). */
const char *lang_ngettext(const char *one, const char *many, unsigned long n)
    __attribute__((format_arg(1), format_arg(2)));

#define _(s) lang_gettext(s)
#define N_(s) (s)

/*
 * Appends the local time 'c' (already in the cohort's zone: showup's own zone
 * data decides the wall time) written by this thread's language's rules for the
 * ICU skeleton 'skeleton' ("EEEdMMMHHmm": "Di., 14. Sept., 18:00" in German,
 * "Tue 14 Sep, 18:00" in English); returns 0, or -1 when ICU cannot format it
 * (nothing appended).
 */
struct civil;
int lang_date(const struct civil *c, const char *skeleton, struct strbuf *out);

/*
 * Appends an amount of 'cents' hundredths of 'currency' (ISO 4217, "EUR") as the
 * language writes it: "1.890,00 €" (de), "1 890,00 €" (fr), "€1,890.00" (en);
 * returns 0, or -1 when ICU cannot (nothing appended).
 */
int lang_amount(int64_t cents, const char *currency, struct strbuf *out);

/* Appends the whole number n with the language's grouping: "10.000" (de). */
int lang_number(long long n, struct strbuf *out);

#endif
