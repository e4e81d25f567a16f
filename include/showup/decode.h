/* SPDX-License-Identifier: Apache-2.0 */
/* decode.h - text in the encoding a file was saved in, turned into UTF-8 a block at a time. */
#ifndef SHOWUP_DECODE_H
#define SHOWUP_DECODE_H

#include <stddef.h>

#include "showup/util.h"

/*
 * A decoder sniffs the first bytes it is fed: a UTF-8 BOM is dropped, a UTF-16
 * BOM (or the zero bytes of UTF-16 without one) selects UTF-16. Without a
 * named encoding, text is UTF-8 until a block holds bytes that are not UTF-8
 * and nothing before it was outside ASCII: then the whole file is read as
 * Windows-1252, as Excel and LibreOffice save plain CSV in Western locales, or
 * as Windows-1250 (Polish, Czech, Hungarian...) when that block reads as more
 * letters in it ('Ł' where Windows-1252 has '£'), or as many in a region that
 * writes it.
 */
struct decoder;

/*
 * Returns a decoder for 'encoding' (any name iconv knows; NULL or "" to
 * sniff as above), or NULL with "unknown encoding 'x'" in 'e'.
 */
struct decoder *decoder_new(const char *encoding, su_err *e);
void decoder_free(struct decoder *d);

/*
 * Decodes the next 'len' bytes ('final' on the last call, with len 0 allowed)
 * and points *out at *outlen bytes of UTF-8, valid until the next call.
 * Returns 0, or -1 when the input holds a byte sequence that is not text in
 * the encoding: *out then holds the text before it, and 'e' says
 * "byte 0x81 is not Windows-1252 text" (or "the file ends inside a character").
 */
int decoder_feed(struct decoder *d, const char *in, size_t len, int final,
    const char **out, size_t *outlen, su_err *e);

/* Says the file comes from the region of time zone 'zone' (NULL: none): where Windows-1250
 * is written, a block that reads as well in it as in Windows-1252 is read in it. */
void decoder_set_region(struct decoder *d, const char *zone);
/* The encoding in use: "UTF-8", "UTF-16LE", "UTF-16BE", "Windows-1252", "Windows-1250", or
 * the name given. */
const char *decoder_encoding(const struct decoder *d);
/* Returns 1 if no encoding was named and the file, not being UTF-8, was read as Windows-1252
 * or Windows-1250. */
int decoder_guessed(const struct decoder *d);

/*
 * Returns 1 if UTF-8 'text' reads like UTF-8 that was taken for Windows-1252
 * and saved again ("JosÃ© MÃ¼ller" for "José Müller"): its characters are all
 * Windows-1252's, and their bytes are UTF-8 with something outside ASCII.
 */
int text_looks_double_encoded(const char *text);

#endif
