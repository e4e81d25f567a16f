/* SPDX-License-Identifier: Apache-2.0 */
/*
 * lazylib.c - libcurl, libical, libmicrohttpd, ICU, libzip, the PDF libraries
 * (libharu, fontconfig, HarfBuzz) and libqrencode loaded by the first call into
 * them, not at every start. Linked, they and the 50 libraries they bring (TLS,
 * Kerberos, LDAP, libcrypto, FreeType, GLib...) cost each command some 30 ms of
 * loading, most of the time of a `status`; only sending mail, calendars, `serve`,
 * a notice in a participant's language, `participant export-data` and the PDF
 * reports use them.
 *
 * Each function of theirs that showup calls is defined here under its own name
 * (the headers check every prototype), finds the library's own with dlsym the
 * first time and calls it: the callers are unchanged. A library that cannot be
 * loaded (the package depends on them) ends the program with the loader's word.
 */
#include "config.h"

#include <dlfcn.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include <curl/curl.h>
#include <fontconfig/fontconfig.h>
#include <harfbuzz/hb-ot.h>
#include <harfbuzz/hb-subset.h>
#include <harfbuzz/hb.h>
#include <hpdf.h>
#include <hpdf_utils.h>
#include <libical/ical.h>
#include <microhttpd.h>
#include <qrencode.h>
#include <unicode/udat.h>
#include <unicode/udatpg.h>
#include <unicode/unum.h>
#include <unicode/ustring.h>
#include <zip.h>

/* A library by its file name (the soname showup was built against), once loaded. */
struct lazy_lib {
	const char *soname;
	void *handle;
};

static struct lazy_lib curl_lib = { "libcurl.so.4", NULL };
static struct lazy_lib ical_lib = { "libical.so.3", NULL };
static struct lazy_lib mhd_lib = { "libmicrohttpd.so.12", NULL };
static struct lazy_lib icu_i18n_lib = { "libicui18n.so." U_ICU_VERSION_SHORT, NULL };
static struct lazy_lib icu_uc_lib = { "libicuuc.so." U_ICU_VERSION_SHORT, NULL };
static struct lazy_lib zip_lib = { "libzip.so.4", NULL };
static struct lazy_lib hpdf_lib = { "libhpdf-2.3.0.so", NULL };
static struct lazy_lib fc_lib = { "libfontconfig.so.1", NULL };
static struct lazy_lib hb_lib = { "libharfbuzz.so.0", NULL };
static struct lazy_lib hb_subset_lib = { "libharfbuzz-subset.so.0", NULL };
static struct lazy_lib qr_lib = { "libqrencode.so.4", NULL };

/* Returns the address of 'name' in library 'l', loading it the first time; exits if
 * either cannot be found (an installation without its dependencies). errno is kept:
 * callers read what the function itself set (the loader sets it while it looks). */
static void *
lazy_sym(struct lazy_lib *l, const char *name)
{
	int saved = errno;
	void *sym;

	if (l->handle == NULL && (l->handle = dlopen(l->soname, RTLD_NOW | RTLD_LOCAL)) == NULL) {
		fprintf(stderr, "error: cannot load %s: %s\n", l->soname, dlerror());
		exit(EXIT_FAILURE);
	}
	if ((sym = dlsym(l->handle, name)) == NULL) {
		fprintf(stderr, "error: %s has no '%s': %s\n", l->soname, name, dlerror());
		exit(EXIT_FAILURE);
	}
	errno = saved;
	return sym;
}

/* Sets 'fn' (a function pointer of name's type) to name's address in 'lib', once. */
#define FIND(lib, name, fn) do { \
		if ((fn) == NULL) \
			*(void **)&(fn) = lazy_sym(&(lib), #name); \
	} while (0)

/* A function returning a value: its parameters, and the arguments they pass on. */
#define LAZY(lib, type, name, params, args) \
	type name params \
	{ \
		static __typeof__(name) *fn; \
		FIND(lib, name, fn); \
		return fn args; \
	}

/* A function returning nothing. */
#define LAZY_VOID(lib, name, params, args) \
	void name params \
	{ \
		static __typeof__(name) *fn; \
		FIND(lib, name, fn); \
		fn args; \
	}

/* --- libcurl ------------------------------------------------------------- */

LAZY(curl_lib, CURLcode, curl_global_init, (long flags), (flags))
LAZY_VOID(curl_lib, curl_global_cleanup, (void), ())
LAZY(curl_lib, CURL *, curl_easy_init, (void), ())
LAZY(curl_lib, CURLcode, curl_easy_perform, (CURL *curl), (curl))
LAZY_VOID(curl_lib, curl_easy_cleanup, (CURL *curl), (curl))
LAZY(curl_lib, const char *, curl_easy_strerror, (CURLcode code), (code))
LAZY(curl_lib, struct curl_slist *, curl_slist_append, (struct curl_slist *list,
    const char *data), (list, data))
LAZY_VOID(curl_lib, curl_slist_free_all, (struct curl_slist *list), (list))

/* Sets an option: its one value read as the type its number says, as libcurl does. */
CURLcode
(curl_easy_setopt)(CURL *curl, CURLoption option, ...)
{
	static __typeof__(curl_easy_setopt) *fn;
	CURLcode rc;
	va_list ap;

	FIND(curl_lib, curl_easy_setopt, fn);
	va_start(ap, option);
	if (option < CURLOPTTYPE_OBJECTPOINT)
		rc = fn(curl, option, va_arg(ap, long));
	else if (option < CURLOPTTYPE_FUNCTIONPOINT)
		rc = fn(curl, option, va_arg(ap, void *));
	else if (option < CURLOPTTYPE_OFF_T)
		rc = fn(curl, option, va_arg(ap, void (*)(void)));
	else if (option < CURLOPTTYPE_BLOB)
		rc = fn(curl, option, va_arg(ap, curl_off_t));
	else
		rc = fn(curl, option, va_arg(ap, void *));
	va_end(ap);
	return rc;
}

/* Reads a piece of information about the last transfer into the one pointer given. */
CURLcode
(curl_easy_getinfo)(CURL *curl, CURLINFO info, ...)
{
	static __typeof__(curl_easy_getinfo) *fn;
	CURLcode rc;
	va_list ap;

	FIND(curl_lib, curl_easy_getinfo, fn);
	va_start(ap, info);
	rc = fn(curl, info, va_arg(ap, void *));
	va_end(ap);
	return rc;
}

/* --- libical ------------------------------------------------------------- */

LAZY(ical_lib, icalcomponent *, icalcomponent_new, (icalcomponent_kind kind), (kind))
LAZY(ical_lib, icalcomponent *, icalcomponent_new_clone, (icalcomponent *c), (c))
LAZY_VOID(ical_lib, icalcomponent_free, (icalcomponent *c), (c))
LAZY(ical_lib, icalcomponent_kind, icalcomponent_isa, (const icalcomponent *c), (c))
LAZY_VOID(ical_lib, icalcomponent_add_component, (icalcomponent *parent,
    icalcomponent *child), (parent, child))
LAZY_VOID(ical_lib, icalcomponent_remove_component, (icalcomponent *parent,
    icalcomponent *child), (parent, child))
LAZY_VOID(ical_lib, icalcomponent_add_property, (icalcomponent *c, icalproperty *p), (c, p))
LAZY(ical_lib, char *, icalcomponent_as_ical_string_r, (icalcomponent *c), (c))
LAZY(ical_lib, int, icalcomponent_count_components, (icalcomponent *c,
    icalcomponent_kind kind), (c, kind))
LAZY(ical_lib, icalcomponent *, icalcomponent_get_first_component, (icalcomponent *c,
    icalcomponent_kind kind), (c, kind))
LAZY(ical_lib, icalcomponent *, icalcomponent_get_next_component, (icalcomponent *c,
    icalcomponent_kind kind), (c, kind))
LAZY(ical_lib, icalproperty *, icalcomponent_get_first_property, (icalcomponent *c,
    icalproperty_kind kind), (c, kind))
LAZY(ical_lib, icalparameter *, icalparameter_new_cn, (const char *v), (v))
LAZY(ical_lib, icalparameter *, icalparameter_new_partstat, (icalparameter_partstat v), (v))
LAZY(ical_lib, icalparameter *, icalparameter_new_role, (icalparameter_role v), (v))
LAZY(ical_lib, icalparameter *, icalparameter_new_rsvp, (icalparameter_rsvp v), (v))
LAZY(ical_lib, icalparameter *, icalparameter_new_tzid, (const char *v), (v))
LAZY_VOID(ical_lib, icalproperty_add_parameter, (icalproperty *p, icalparameter *param),
    (p, param))
LAZY(ical_lib, struct icalrecurrencetype, icalproperty_get_rrule, (const icalproperty *p), (p))
LAZY_VOID(ical_lib, icalproperty_set_rrule, (icalproperty *p, struct icalrecurrencetype v),
    (p, v))
LAZY_VOID(ical_lib, icalproperty_set_tzid, (icalproperty *p, const char *v), (p, v))
LAZY(ical_lib, icalproperty *, icalproperty_new_dtstamp, (struct icaltimetype v), (v))
LAZY(ical_lib, icalproperty *, icalproperty_new_dtstart, (struct icaltimetype v), (v))
LAZY(ical_lib, icalproperty *, icalproperty_new_dtend, (struct icaltimetype v), (v))
LAZY(ical_lib, icalproperty *, icalproperty_new_organizer, (const char *v), (v))
LAZY(ical_lib, icalproperty *, icalproperty_new_attendee, (const char *v), (v))
LAZY(ical_lib, icalproperty *, icalproperty_new_location, (const char *v), (v))
LAZY(ical_lib, icalproperty *, icalproperty_new_method, (enum icalproperty_method v), (v))
LAZY(ical_lib, icalproperty *, icalproperty_new_prodid, (const char *v), (v))
LAZY(ical_lib, icalproperty *, icalproperty_new_sequence, (int v), (v))
LAZY(ical_lib, icalproperty *, icalproperty_new_status, (enum icalproperty_status v), (v))
LAZY(ical_lib, icalproperty *, icalproperty_new_summary, (const char *v), (v))
LAZY(ical_lib, icalproperty *, icalproperty_new_uid, (const char *v), (v))
LAZY(ical_lib, icalproperty *, icalproperty_new_version, (const char *v), (v))
LAZY(ical_lib, char *, icalrecurrencetype_as_string_r, (struct icalrecurrencetype *recur),
    (recur))
LAZY(ical_lib, struct icaltimetype, icaltime_from_timet_with_zone, (const time_t tm,
    const int is_date, const icaltimezone *zone), (tm, is_date, zone))
LAZY(ical_lib, int, icaltime_is_null_time, (const struct icaltimetype t), (t))
LAZY(ical_lib, struct icaltimetype, icaltime_null_time, (void), ())
LAZY(ical_lib, icaltimezone *, icaltimezone_get_builtin_timezone, (const char *location),
    (location))
LAZY(ical_lib, icalcomponent *, icaltimezone_get_component, (icaltimezone *zone), (zone))
LAZY(ical_lib, icaltimezone *, icaltimezone_get_utc_timezone, (void), ())
LAZY_VOID(ical_lib, icaltimezone_truncate_vtimezone, (icalcomponent *vtz, icaltimetype start,
    icaltimetype end, int ms_compatible), (vtz, start, end, ms_compatible))

/* --- libmicrohttpd ------------------------------------------------------- */

LAZY_VOID(mhd_lib, MHD_stop_daemon, (struct MHD_Daemon *daemon), (daemon))
LAZY(mhd_lib, MHD_socket, MHD_quiesce_daemon, (struct MHD_Daemon *daemon), (daemon))
LAZY(mhd_lib, struct MHD_Response *, MHD_create_response_from_buffer, (size_t size,
    void *buffer, enum MHD_ResponseMemoryMode mode), (size, buffer, mode))
LAZY_VOID(mhd_lib, MHD_destroy_response, (struct MHD_Response *response), (response))
LAZY(mhd_lib, enum MHD_Result, MHD_add_response_header, (struct MHD_Response *response,
    const char *header, const char *content), (response, header, content))
LAZY(mhd_lib, enum MHD_Result, MHD_queue_response, (struct MHD_Connection *connection,
    unsigned int status_code, struct MHD_Response *response),
    (connection, status_code, response))
LAZY(mhd_lib, const char *, MHD_lookup_connection_value, (struct MHD_Connection *connection,
    enum MHD_ValueKind kind, const char *key), (connection, kind, key))

/* Starts a daemon: its options, a list ended by MHD_OPTION_END, passed on whole. */
struct MHD_Daemon *
MHD_start_daemon(unsigned int flags, uint16_t port, MHD_AcceptPolicyCallback apc,
    void *apc_cls, MHD_AccessHandlerCallback dh, void *dh_cls, ...)
{
	static __typeof__(MHD_start_daemon_va) *fn;
	struct MHD_Daemon *d;
	va_list ap;

	FIND(mhd_lib, MHD_start_daemon_va, fn);
	va_start(ap, dh_cls);
	d = fn(flags, port, apc, apc_cls, dh, dh_cls, ap);
	va_end(ap);
	return d;
}

/* A connection's information of a type that takes no further arguments (all showup
 * asks for). */
const union MHD_ConnectionInfo *
MHD_get_connection_info(struct MHD_Connection *connection,
    enum MHD_ConnectionInfoType info_type, ...)
{
	static __typeof__(MHD_get_connection_info) *fn;

	FIND(mhd_lib, MHD_get_connection_info, fn);
	return fn(connection, info_type);
}

/* A daemon's information of a type that takes no further arguments (all showup asks for). */
const union MHD_DaemonInfo *
MHD_get_daemon_info(struct MHD_Daemon *daemon, enum MHD_DaemonInfoType info_type, ...)
{
	static __typeof__(MHD_get_daemon_info) *fn;

	FIND(mhd_lib, MHD_get_daemon_info, fn);
	return fn(daemon, info_type);
}

/* --- ICU (dates and amounts in a participant's language: lang.c) ----------
 * ICU's names carry its version ("udat_open_72"): its headers rename each call,
 * and the names below are renamed the same way before they are looked up. */

LAZY(icu_i18n_lib, UDateTimePatternGenerator *, udatpg_open, (const char *locale,
    UErrorCode *st), (locale, st))
LAZY(icu_i18n_lib, int32_t, udatpg_getBestPattern, (UDateTimePatternGenerator *g,
    const UChar *skeleton, int32_t length, UChar *best, int32_t capacity, UErrorCode *st),
    (g, skeleton, length, best, capacity, st))
LAZY_VOID(icu_i18n_lib, udatpg_close, (UDateTimePatternGenerator *g), (g))
LAZY(icu_i18n_lib, UDateFormat *, udat_open, (UDateFormatStyle time_style,
    UDateFormatStyle date_style, const char *locale, const UChar *zone, int32_t zone_len,
    const UChar *pattern, int32_t pattern_len, UErrorCode *st),
    (time_style, date_style, locale, zone, zone_len, pattern, pattern_len, st))
LAZY(icu_i18n_lib, int32_t, udat_format, (const UDateFormat *f, UDate when, UChar *result,
    int32_t capacity, UFieldPosition *pos, UErrorCode *st), (f, when, result, capacity, pos, st))
LAZY_VOID(icu_i18n_lib, udat_close, (UDateFormat *f), (f))
LAZY(icu_i18n_lib, UNumberFormat *, unum_open, (UNumberFormatStyle style, const UChar *pattern,
    int32_t pattern_len, const char *locale, UParseError *perr, UErrorCode *st),
    (style, pattern, pattern_len, locale, perr, st))
LAZY(icu_i18n_lib, int32_t, unum_formatDouble, (const UNumberFormat *f, double n, UChar *result,
    int32_t capacity, UFieldPosition *pos, UErrorCode *st), (f, n, result, capacity, pos, st))
LAZY(icu_i18n_lib, int32_t, unum_formatDoubleCurrency, (const UNumberFormat *f, double n,
    UChar *currency, UChar *result, int32_t capacity, UFieldPosition *pos, UErrorCode *st),
    (f, n, currency, result, capacity, pos, st))
LAZY_VOID(icu_i18n_lib, unum_close, (UNumberFormat *f), (f))
LAZY(icu_uc_lib, UChar *, u_strFromUTF8, (UChar *dest, int32_t capacity, int32_t *len,
    const char *src, int32_t src_len, UErrorCode *st), (dest, capacity, len, src, src_len, st))
LAZY(icu_uc_lib, char *, u_strToUTF8, (char *dest, int32_t capacity, int32_t *len,
    const UChar *src, int32_t src_len, UErrorCode *st), (dest, capacity, len, src, src_len, st))
LAZY_VOID(icu_uc_lib, u_charsToUChars, (const char *cs, UChar *us, int32_t length),
    (cs, us, length))

/* --- libzip (participant export-data: one person's data as an archive) ----
 * libzip.so.4 is the soname of every libzip since 1.0; it alone brings libcrypto. */

LAZY(zip_lib, zip_t *, zip_open, (const char *path, int flags, int *errorp),
    (path, flags, errorp))
LAZY(zip_lib, int, zip_close, (zip_t *z), (z))
LAZY_VOID(zip_lib, zip_discard, (zip_t *z), (z))
LAZY(zip_lib, const char *, zip_strerror, (zip_t *z), (z))
LAZY(zip_lib, zip_source_t *, zip_source_buffer, (zip_t *z, const void *data, zip_uint64_t len,
    int freep), (z, data, len, freep))
LAZY_VOID(zip_lib, zip_source_free, (zip_source_t *src), (src))
LAZY(zip_lib, zip_int64_t, zip_file_add, (zip_t *z, const char *name, zip_source_t *src,
    zip_flags_t flags), (z, name, src, flags))
LAZY_VOID(zip_lib, zip_error_init_with_code, (zip_error_t *ze, int code), (ze, code))
LAZY(zip_lib, const char *, zip_error_strerror, (zip_error_t *ze), (ze))
LAZY_VOID(zip_lib, zip_error_fini, (zip_error_t *ze), (ze))

/* --- the PDF reports (pdf.c): libharu, fontconfig, HarfBuzz and its subsetter ---
 * Together with what they bring (FreeType, libpng, GLib, graphite2...) some 5 ms of
 * every start; only the reports and the notices that attach one draw a PDF.
 * libharu's own object calls (HPDF_Dict_*, HPDF_Xref_Add...) are among them. */

LAZY(hpdf_lib, HPDF_Page, HPDF_AddPage, (HPDF_Doc pdf), (pdf))
LAZY(hpdf_lib, HPDF_STATUS, HPDF_Array_Add, (HPDF_Array array, void *obj), (array, obj))
LAZY(hpdf_lib, HPDF_STATUS, HPDF_Array_AddNumber, (HPDF_Array array, HPDF_INT32 value),
    (array, value))
LAZY(hpdf_lib, HPDF_Array, HPDF_Array_New, (HPDF_MMgr mmgr), (mmgr))
LAZY(hpdf_lib, HPDF_Binary, HPDF_Binary_New, (HPDF_MMgr mmgr, HPDF_BYTE *value, HPDF_UINT len),
    (mmgr, value, len))
LAZY(hpdf_lib, HPDF_Outline, HPDF_CreateOutline, (HPDF_Doc pdf, HPDF_Outline parent,
    const char *title, HPDF_Encoder encoder), (pdf, parent, title, encoder))
LAZY(hpdf_lib, HPDF_Dict, HPDF_DictStream_New, (HPDF_MMgr mmgr, HPDF_Xref xref), (mmgr, xref))
LAZY(hpdf_lib, HPDF_STATUS, HPDF_Dict_Add, (HPDF_Dict dict, const char *key, void *obj),
    (dict, key, obj))
LAZY(hpdf_lib, HPDF_STATUS, HPDF_Dict_AddName, (HPDF_Dict dict, const char *key,
    const char *value), (dict, key, value))
LAZY(hpdf_lib, HPDF_STATUS, HPDF_Dict_AddNumber, (HPDF_Dict dict, const char *key,
    HPDF_INT32 value), (dict, key, value))
LAZY(hpdf_lib, void *, HPDF_Dict_GetItem, (HPDF_Dict dict, const char *key,
    HPDF_UINT16 obj_class), (dict, key, obj_class))
LAZY(hpdf_lib, HPDF_Dict, HPDF_Dict_New, (HPDF_MMgr mmgr), (mmgr))
LAZY_VOID(hpdf_lib, HPDF_Free, (HPDF_Doc pdf), (pdf))
LAZY_VOID(hpdf_lib, HPDF_MemStream_FreeData, (HPDF_Stream stream), (stream))
LAZY(hpdf_lib, HPDF_UINT, HPDF_MemStream_GetBufCount, (HPDF_Stream stream), (stream))
LAZY(hpdf_lib, HPDF_BYTE *, HPDF_MemStream_GetBufPtr, (HPDF_Stream stream, HPDF_UINT index,
    HPDF_UINT *length), (stream, index, length))
LAZY(hpdf_lib, HPDF_Doc, HPDF_New, (HPDF_Error_Handler user_error_fn, void *user_data),
    (user_error_fn, user_data))
LAZY(hpdf_lib, HPDF_STATUS, HPDF_Outline_SetDestination, (HPDF_Outline outline,
    HPDF_Destination dst), (outline, dst))
LAZY(hpdf_lib, HPDF_Destination, HPDF_Page_CreateDestination, (HPDF_Page page), (page))
LAZY(hpdf_lib, HPDF_STATUS, HPDF_Page_SetHeight, (HPDF_Page page, HPDF_REAL value),
    (page, value))
LAZY(hpdf_lib, HPDF_STATUS, HPDF_Page_SetWidth, (HPDF_Page page, HPDF_REAL value),
    (page, value))
LAZY(hpdf_lib, HPDF_STATUS, HPDF_ReadFromStream, (HPDF_Doc pdf, HPDF_BYTE *buf,
    HPDF_UINT32 *size), (pdf, buf, size))
LAZY(hpdf_lib, HPDF_STATUS, HPDF_ResetStream, (HPDF_Doc pdf), (pdf))
LAZY(hpdf_lib, HPDF_STATUS, HPDF_SaveToFile, (HPDF_Doc pdf, const char *file_name),
    (pdf, file_name))
LAZY(hpdf_lib, HPDF_STATUS, HPDF_SaveToStream, (HPDF_Doc pdf), (pdf))
LAZY(hpdf_lib, HPDF_STATUS, HPDF_SetCompressionMode, (HPDF_Doc pdf, HPDF_UINT mode),
    (pdf, mode))
LAZY(hpdf_lib, HPDF_STATUS, HPDF_SetInfoAttr, (HPDF_Doc pdf, HPDF_InfoType type,
    const char *value), (pdf, type, value))
LAZY(hpdf_lib, HPDF_STATUS, HPDF_SetInfoDateAttr, (HPDF_Doc pdf, HPDF_InfoType type,
    HPDF_Date value), (pdf, type, value))
LAZY(hpdf_lib, HPDF_STATUS, HPDF_SetPageMode, (HPDF_Doc pdf, HPDF_PageMode mode), (pdf, mode))
LAZY(hpdf_lib, HPDF_STATUS, HPDF_Stream_Write, (HPDF_Stream stream, const HPDF_BYTE *ptr,
    HPDF_UINT size), (stream, ptr, size))
LAZY(hpdf_lib, HPDF_STATUS, HPDF_Stream_WriteStr, (HPDF_Stream stream, const char *value),
    (stream, value))
LAZY(hpdf_lib, HPDF_String, HPDF_String_New, (HPDF_MMgr mmgr, const char *value,
    HPDF_Encoder encoder), (mmgr, value, encoder))
LAZY(hpdf_lib, HPDF_STATUS, HPDF_Xref_Add, (HPDF_Xref xref, void *obj), (xref, obj))

LAZY(fc_lib, FcBool, FcCharSetAddChar, (FcCharSet *fcs, FcChar32 ucs4), (fcs, ucs4))
LAZY(fc_lib, FcCharSet *, FcCharSetCopy, (FcCharSet *src), (src))
LAZY(fc_lib, FcCharSet *, FcCharSetCreate, (void), ())
LAZY_VOID(fc_lib, FcCharSetDestroy, (FcCharSet *fcs), (fcs))
LAZY(fc_lib, FcBool, FcCharSetHasChar, (const FcCharSet *fcs, FcChar32 ucs4), (fcs, ucs4))
LAZY_VOID(fc_lib, FcConfigDestroy, (FcConfig *config), (config))
LAZY(fc_lib, FcBool, FcConfigSubstitute, (FcConfig *config, FcPattern *p, FcMatchKind kind),
    (config, p, kind))
LAZY_VOID(fc_lib, FcDefaultSubstitute, (FcPattern *pattern), (pattern))
LAZY(fc_lib, FcFontSet *, FcFontList, (FcConfig *config, FcPattern *p, FcObjectSet *os),
    (config, p, os))
LAZY(fc_lib, FcPattern *, FcFontMatch, (FcConfig *config, FcPattern *p, FcResult *result),
    (config, p, result))
LAZY_VOID(fc_lib, FcFontSetDestroy, (FcFontSet *s), (s))
LAZY(fc_lib, FcPattern *, FcFreeTypeQuery, (const FcChar8 *file, unsigned int id,
    FcBlanks *blanks, int *count), (file, id, blanks, count))
LAZY(fc_lib, FcConfig *, FcInitLoadConfigAndFonts, (void), ())
LAZY_VOID(fc_lib, FcObjectSetDestroy, (FcObjectSet *os), (os))
LAZY(fc_lib, FcBool, FcPatternAddCharSet, (FcPattern *p, const char *object,
    const FcCharSet *c), (p, object, c))
LAZY(fc_lib, FcBool, FcPatternAddInteger, (FcPattern *p, const char *object, int i),
    (p, object, i))
LAZY(fc_lib, FcBool, FcPatternAddString, (FcPattern *p, const char *object, const FcChar8 *s),
    (p, object, s))
LAZY(fc_lib, FcPattern *, FcPatternCreate, (void), ())
LAZY_VOID(fc_lib, FcPatternDestroy, (FcPattern *p), (p))
LAZY(fc_lib, FcResult, FcPatternGetCharSet, (const FcPattern *p, const char *object, int n,
    FcCharSet **c), (p, object, n, c))
LAZY(fc_lib, FcResult, FcPatternGetInteger, (const FcPattern *p, const char *object, int n,
    int *i), (p, object, n, i))
LAZY(fc_lib, FcResult, FcPatternGetString, (const FcPattern *p, const char *object, int n,
    FcChar8 **s), (p, object, n, s))
LAZY(fc_lib, int, FcUtf8ToUcs4, (const FcChar8 *src_orig, FcChar32 *dst, int len),
    (src_orig, dst, len))

/* Makes a set of object names: its list, ended by NULL, passed on whole. */
FcObjectSet *
FcObjectSetBuild(const char *first, ...)
{
	static __typeof__(FcObjectSetVaBuild) *fn;
	FcObjectSet *os;
	va_list ap;

	FIND(fc_lib, FcObjectSetVaBuild, fn);
	va_start(ap, first);
	os = fn(first, ap);
	va_end(ap);
	return os;
}

LAZY(hb_lib, hb_blob_t *, hb_blob_create_from_file_or_fail, (const char *file_name),
    (file_name))
LAZY_VOID(hb_lib, hb_blob_destroy, (hb_blob_t *blob), (blob))
LAZY(hb_lib, const char *, hb_blob_get_data, (hb_blob_t *blob, unsigned int *length),
    (blob, length))
LAZY(hb_lib, unsigned int, hb_blob_get_length, (hb_blob_t *blob), (blob))
LAZY(hb_lib, hb_face_t *, hb_face_create, (hb_blob_t *blob, unsigned int index), (blob, index))
LAZY_VOID(hb_lib, hb_face_destroy, (hb_face_t *face), (face))
LAZY(hb_lib, unsigned int, hb_face_get_glyph_count, (const hb_face_t *face), (face))
LAZY(hb_lib, unsigned int, hb_face_get_upem, (const hb_face_t *face), (face))
LAZY(hb_lib, hb_blob_t *, hb_face_reference_blob, (hb_face_t *face), (face))
LAZY(hb_lib, hb_blob_t *, hb_face_reference_table, (const hb_face_t *face, hb_tag_t tag),
    (face, tag))
LAZY(hb_lib, hb_font_t *, hb_font_create, (hb_face_t *face), (face))
LAZY_VOID(hb_lib, hb_font_destroy, (hb_font_t *font), (font))
LAZY(hb_lib, hb_position_t, hb_font_get_glyph_h_advance, (hb_font_t *font,
    hb_codepoint_t glyph), (font, glyph))
LAZY(hb_lib, hb_bool_t, hb_font_get_nominal_glyph, (hb_font_t *font, hb_codepoint_t unicode,
    hb_codepoint_t *glyph), (font, unicode, glyph))
LAZY_VOID(hb_lib, hb_font_set_scale, (hb_font_t *font, int x_scale, int y_scale),
    (font, x_scale, y_scale))
LAZY(hb_lib, hb_bool_t, hb_ot_metrics_get_position, (hb_font_t *font,
    hb_ot_metrics_tag_t metrics_tag, hb_position_t *position), (font, metrics_tag, position))
LAZY(hb_lib, unsigned int, hb_ot_name_get_utf8, (hb_face_t *face, hb_ot_name_id_t name_id,
    hb_language_t language, unsigned int *text_size, char *text),
    (face, name_id, language, text_size, text))
LAZY_VOID(hb_lib, hb_set_add, (hb_set_t *set, hb_codepoint_t codepoint), (set, codepoint))
LAZY(hb_lib, hb_set_t *, hb_set_copy, (const hb_set_t *set), (set))
LAZY(hb_lib, hb_set_t *, hb_set_create, (void), ())
LAZY_VOID(hb_lib, hb_set_destroy, (hb_set_t *set), (set))
LAZY(hb_lib, hb_bool_t, hb_set_is_subset, (const hb_set_t *set, const hb_set_t *larger_set),
    (set, larger_set))
LAZY(hb_lib, hb_bool_t, hb_set_next, (const hb_set_t *set, hb_codepoint_t *codepoint),
    (set, codepoint))
LAZY_VOID(hb_lib, hb_set_union, (hb_set_t *set, const hb_set_t *other), (set, other))

LAZY(hb_subset_lib, hb_subset_input_t *, hb_subset_input_create_or_fail, (void), ())
LAZY_VOID(hb_subset_lib, hb_subset_input_destroy, (hb_subset_input_t *input), (input))
LAZY(hb_subset_lib, hb_set_t *, hb_subset_input_glyph_set, (hb_subset_input_t *input), (input))
LAZY(hb_subset_lib, hb_set_t *, hb_subset_input_set, (hb_subset_input_t *input,
    hb_subset_sets_t set_type), (input, set_type))
LAZY_VOID(hb_subset_lib, hb_subset_input_set_flags, (hb_subset_input_t *input,
    unsigned int value), (input, value))
LAZY(hb_subset_lib, hb_face_t *, hb_subset_or_fail, (hb_face_t *source,
    const hb_subset_input_t *input), (source, input))

/* --- libqrencode (serve --login draws its link as a QR code: web/qr.c) ---- */

LAZY(qr_lib, QRcode *, QRcode_encodeString, (const char *string, int version, QRecLevel level,
    QRencodeMode hint, int casesensitive), (string, version, level, hint, casesensitive))
LAZY_VOID(qr_lib, QRcode_free, (QRcode *qrcode), (qrcode))
