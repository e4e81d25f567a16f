/* SPDX-License-Identifier: Apache-2.0 */
/* csvio.h - streaming CSV reading (libcsv) with header mapping, and RFC 4180 writing. */
#ifndef SHOWUP_CSVIO_H
#define SHOWUP_CSVIO_H

#include <stddef.h>
#include <stdio.h>

#include "showup/util.h"

/*
 * A reader that yields one record at a time and never holds the whole file:
 * any encoding (see decode.h: UTF-8 with or without a BOM, UTF-16, else
 * Windows-1252), fields separated by ',', ';', tab or '|' as the header row
 * shows (or Excel's "sep=X" first line), CRLF, LF or CR line ends, Excel
 * quoting (strict: a stray quote is an error), blank lines skipped.
 */
struct csv_reader;

/* What a caller knows of a file's form; zero values mean "find out". */
struct csv_format {
	char separator;		/* ',', ';', '\t' or '|'; 0: from the header row */
	const char *encoding;	/* a name iconv knows; NULL: UTF-8, else Windows-1252 or -1250 */
	const char *zone;	/* the cohort's time zone: its region settles 1250 or 1252 */
};

/* Opens 'path' ("-" for standard input); NULL with "cannot open 'x': ..." in 'e'. */
struct csv_reader *csvr_open(const char *path, su_err *e);
/* Reads from memory (fuzzing, tests); 'name' is used in messages. Data is not copied. */
struct csv_reader *csvr_open_mem(const char *data, size_t len, const char *name);
void csvr_close(struct csv_reader *r);
/* Reads fields separated by 'delim' (a tab, say), whatever the header shows; call before reading. */
void csvr_set_delimiter(struct csv_reader *r, char delim);
/* Applies what the caller knows of the file; call before reading. 0, or -1 (unknown encoding). */
int csvr_set_format(struct csv_reader *r, const struct csv_format *f, su_err *e);
/* The separator in use: given, or found in the header row once it was read. */
char csvr_separator(const struct csv_reader *r);
/* The encoding the file is read in: "UTF-8", "UTF-16LE", "Windows-1252", or as given. */
const char *csvr_encoding(const struct csv_reader *r);
/* Returns 1 if the file was not UTF-8 and, no encoding being given, was read as Windows-1252
 * or Windows-1250. */
int csvr_encoding_guessed(const struct csv_reader *r);
/* Returns 1 if the current record is one field holding another separator (the wrong one was used). */
int csvr_header_unsplit(const struct csv_reader *r);
/* Names a separator for people: "','", "';'", "tabs", "'|'". */
const char *csv_separator_name(char sep);
/* Returns 1 if reading stopped on bytes that are not text in the file's encoding. */
int csvr_text_error(const struct csv_reader *r);

/*
 * Advances to the next record. Returns 1 if there is one, 0 at the end, -1 on
 * an error that stops reading (malformed quoting), with "name:line: ..." in 'e'.
 */
int csvr_next(struct csv_reader *r, su_err *e);
/* The current record's fields: count, and field i ("" past the end). Valid until the next csvr_next. */
size_t csvr_count(const struct csv_reader *r);
const char *csvr_field(const struct csv_reader *r, size_t i);
/* The line of the file where the current record starts (1-based). */
long csvr_line(const struct csv_reader *r);
/* The file's name without its folders (or the name given to csvr_open_mem), for messages ("roster.csv"). */
const char *csvr_name(const struct csv_reader *r);
/* Bytes consumed so far (progress). */
long long csvr_offset(const struct csv_reader *r);
/*
 * NULL if the current record is clean, else what is wrong with its text
 * ("not UTF-8 text", "a field holds a NUL byte"): the caller reports the row.
 */
const char *csvr_problem(const struct csv_reader *r);

/* One column a caller looks for: its key and the header spellings that name it. */
struct csv_column {
	const char *key;		/* "email" */
	const char *const *names;	/* { "email", "e-mail", "email address", NULL } */
	int required;			/* 1: a file without it is refused */
};

/*
 * Reads the header record and finds each column by name, ignoring case, spaces
 * and punctuation. index[i] gets the field index of cols[i] or -1. Headers that
 * match no column are listed in 'ignored' ("Notes", "Phone"), comma-separated.
 * 'informational' (may be NULL) lists header names that are known but deliberately
 * unused: they are not reported as ignored. Returns 0, or -1 with 'e' set (empty
 * file, a required column missing: "roster.csv:1: no e-mail column (looked for
 * ...)", a column named twice).
 */
int csvr_map_header(struct csv_reader *r, const struct csv_column *cols,
    size_t ncols, int *index, const char *const *informational,
    struct strbuf *ignored, su_err *e);

/* Writes a header cell as header words are compared: letters and digits, lower case,
 * Latin accents folded ('Prénom' 'prenom'), other scripts kept; spaces and punctuation
 * (typographic apostrophes, no-break spaces, full-width forms too) dropped. */
void csv_header_key(const char *in, char *out, size_t size);

/* The UTF-8 byte order mark: first in a file, it makes Excel read the file as UTF-8. */
#define CSV_EXCEL_BOM "\xef\xbb\xbf"

/* Appends one field, quoted when it holds a comma, quote, CR, LF or leading/trailing space. */
void csvw_field(struct strbuf *sb, const char *s);
/* Appends a whole record: fields separated by commas, ended by CRLF. */
void csvw_record(struct strbuf *sb, const char *const *fields, size_t n);

#endif
