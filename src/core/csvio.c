/* SPDX-License-Identifier: Apache-2.0 */
/* csvio.c - CSV in through libcsv, one record at a time; RFC 4180 out. */
#include "config.h"

#include <csv.h>
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "showup/csvio.h"
#include "showup/decode.h"

#define CHUNK 65536
/* A field longer than this stops the reading: no cell of any import is near it. */
#define FIELD_MAX (1 << 20)
/* The first line is gathered whole to find the separator, up to this size. */
#define LEAD_MAX (1 << 20)

/* One parsed record waiting in the queue: its fields are fields[first .. first+n). */
struct queued_record {
	size_t first, n;
	long line;
	const char *problem;
};

struct csv_reader {
	struct csv_parser parser;
	char *name;
	FILE *file;		/* NULL when reading from memory */
	const char *mem;	/* memory input and its size */
	size_t mem_len, mem_pos;
	char *chunk;		/* file input buffer */
	long long offset;	/* bytes handed to the parser */
	long line;		/* line the parser is on (1-based) */
	char eol;		/* the line end: '\n', or '\r' in a file of old Mac line ends */
	long record_line;	/* line where the record being parsed began */
	struct decoder *decoder;	/* the file's encoding to UTF-8 */
	char separator;		/* between fields; 0 until given or found */
	struct strbuf lead;	/* decoded text of the first line, until it is whole */
	int lead_done;		/* the first line was looked at */
	int eof;		/* input exhausted and csv_fini called */
	int failed;		/* reading stopped on an error, 'error' says which */
	int text_error;		/* ... on bytes that are not text in the file's encoding */
	su_err error;
	long error_line;

	struct strbuf text;	/* field bytes, each NUL-terminated */
	size_t *fields;		/* offsets into text */
	size_t nfields, capfields;
	size_t record_first;	/* first field of the record being parsed */
	const char *record_problem;

	struct queued_record *queue;
	size_t nqueue, capqueue, head;
	struct queued_record *current;
};

/* libcsv field callback: stores the field and notes what is wrong with it. */
static void
on_field(void *data, size_t len, void *arg)
{
	struct csv_reader *r = arg;
	const char *s = data ? data : "";

	if (data == NULL)
		len = 0;
	if (r->nfields == r->capfields) {
		r->capfields = r->capfields ? r->capfields * 2 : 64;
		r->fields = xrealloc(r->fields, r->capfields * sizeof *r->fields);
	}
	r->fields[r->nfields++] = r->text.len;
	sb_addz(&r->text, s, len);
	if (r->record_problem == NULL) {
		if (memchr(s, '\0', len) != NULL)
			r->record_problem = "a field holds a NUL byte";
		else if (!utf8_valid(s, len))
			r->record_problem = "not UTF-8 text, unlike the lines before it "
			    "(save the file again as CSV UTF-8)";
	}
}

/* libcsv record callback: queues the fields gathered since the last record. */
static void
on_record(int terminator, void *arg)
{
	struct csv_reader *r = arg;
	struct queued_record *q;

	(void)terminator;
	if (r->nqueue == r->capqueue) {
		r->capqueue = r->capqueue ? r->capqueue * 2 : 32;
		r->queue = xrealloc(r->queue, r->capqueue * sizeof *r->queue);
	}
	q = &r->queue[r->nqueue++];
	q->first = r->record_first;
	q->n = r->nfields - r->record_first;
	q->line = r->record_line;
	q->problem = r->record_problem;
	r->record_first = r->nfields;
	r->record_problem = NULL;
}

/* libcsv's realloc: refuses to grow a field past FIELD_MAX (libcsv then says CSV_ENOMEM). */
static void *
field_realloc(void *p, size_t n)
{
	return n > FIELD_MAX + 1 ? NULL : realloc(p, n);
}

/* Returns the reader for a named source, ready to parse. */
static struct csv_reader *
reader_new(const char *name)
{
	struct csv_reader *r = xcalloc(1, sizeof *r);

	if (csv_init(&r->parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0) {
		free(r);
		return NULL;
	}
	csv_set_realloc_func(&r->parser, field_realloc);
	r->decoder = decoder_new(NULL, NULL);
	r->name = xstrdup(name);
	r->line = 1;
	r->record_line = 1;
	r->eol = '\n';
	return r;
}

/* Returns the file name of a path without its folders, as messages name it. */
static const char *
file_basename(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash && slash[1] ? slash + 1 : path;
}

struct csv_reader *
csvr_open(const char *path, su_err *e)
{
	struct csv_reader *r;
	FILE *f;

	if (strcmp(path, "-") == 0)
		f = stdin;
	else if ((f = fopen(path, "rb")) == NULL) {
		su_err_set(e, "cannot open '%s': %s", path, strerror(errno));
		return NULL;
	}
	r = reader_new(strcmp(path, "-") == 0 ? "<stdin>" : file_basename(path));
	if (r == NULL) {
		if (f != stdin)
			fclose(f);
		su_err_set(e, "out of memory");
		return NULL;
	}
	r->file = f;
	r->chunk = xmalloc(CHUNK);
	return r;
}

struct csv_reader *
csvr_open_mem(const char *data, size_t len, const char *name)
{
	struct csv_reader *r = reader_new(name);

	if (r == NULL)
		return NULL;
	r->mem = data;
	r->mem_len = len;
	return r;
}

void
csvr_set_delimiter(struct csv_reader *r, char delim)
{
	r->separator = delim;
	csv_set_delim(&r->parser, (unsigned char)delim);
}

int
csvr_set_format(struct csv_reader *r, const struct csv_format *f, su_err *e)
{
	if (f->separator != 0)
		csvr_set_delimiter(r, f->separator);
	if (f->encoding != NULL && *f->encoding != '\0') {
		struct decoder *d = decoder_new(f->encoding, e);

		if (d == NULL)
			return -1;
		decoder_free(r->decoder);
		r->decoder = d;
	}
	decoder_set_region(r->decoder, f->zone);
	return 0;
}

char
csvr_separator(const struct csv_reader *r)
{
	return r->separator ? r->separator : ',';
}

const char *
csvr_encoding(const struct csv_reader *r)
{
	return decoder_encoding(r->decoder);
}

int
csvr_encoding_guessed(const struct csv_reader *r)
{
	return decoder_guessed(r->decoder);
}

int
csvr_header_unsplit(const struct csv_reader *r)
{
	return csvr_count(r) == 1 && strpbrk(csvr_field(r, 0), ",;\t|") != NULL;
}

const char *
csv_separator_name(char sep)
{
	switch (sep) {
	case ',': return "','";
	case ';': return "';'";
	case '\t': return "tabs";
	case '|': return "'|'";
	default: return "an unusual character";
	}
}

int
csvr_text_error(const struct csv_reader *r)
{
	return r->text_error;
}

void
csvr_close(struct csv_reader *r)
{
	if (r == NULL)
		return;
	if (r->file != NULL && r->file != stdin)
		fclose(r->file);
	csv_free(&r->parser);
	decoder_free(r->decoder);
	sb_free(&r->lead);
	free(r->name);
	free(r->chunk);
	sb_free(&r->text);
	free(r->fields);
	free(r->queue);
	free(r);
}

/* Returns the next block of input and its size (0 at the end); NULL size -1 on a read error. */
static const char *
read_block(struct csv_reader *r, long *got)
{
	const char *block;
	size_t n;

	if (r->file == NULL) {
		n = r->mem_len - r->mem_pos;
		if (n > CHUNK)
			n = CHUNK;
		block = r->mem + r->mem_pos;
		r->mem_pos += n;
		*got = (long)n;
		return block;
	}
	n = fread(r->chunk, 1, CHUNK, r->file);
	if (n == 0 && ferror(r->file)) {
		*got = -1;
		return NULL;
	}
	*got = (long)n;
	return r->chunk;
}

/* Parses 'len' bytes, one line at a time so records know their line; 0, or libcsv's error. */
static int
parse_lines(struct csv_reader *r, const char *s, size_t len)
{
	while (len > 0) {
		const char *nl = memchr(s, r->eol, len);
		size_t n = nl ? (size_t)(nl - s) + 1 : len;

		if (r->parser.pstate == 0 && r->nfields == r->record_first)
			r->record_line = r->line;
		/* libcsv grows a field by its block size: keep that its size, so growth doubles */
		csv_set_blk_size(&r->parser, r->parser.entry_size > 128 ? r->parser.entry_size : 128);
		if (csv_parse(&r->parser, s, n, on_field, on_record, r) != n) {
			r->error_line = r->line;
			return csv_error(&r->parser);
		}
		if (nl != NULL)
			r->line++;
		s += n;
		len -= n;
	}
	return 0;
}

/* Drops the records already handed out, keeping a record still being parsed. */
static void
queue_compact(struct csv_reader *r)
{
	size_t keep = r->record_first, nkeep = r->nfields - keep;
	size_t base;

	if (r->head < r->nqueue)
		return;
	r->nqueue = r->head = 0;
	r->current = NULL;
	if (nkeep == 0) {
		sb_reset(&r->text);
		r->nfields = r->record_first = 0;
		return;
	}
	base = r->fields[keep];
	memmove(r->text.buf, r->text.buf + base, r->text.len - base);
	r->text.len -= base;
	for (size_t i = 0; i < nkeep; i++)
		r->fields[i] = r->fields[keep + i] - base;
	r->nfields = nkeep;
	r->record_first = 0;
}

/* Turns libcsv's error code into "name:line: problem" in 'e'; returns -1. */
static int
parse_error(struct csv_reader *r, int code, su_err *e)
{
	switch (code) {
	case CSV_EPARSE:
		return su_err_set(e, "%s:%ld: malformed quoting (a quote inside a field "
		    "that is not quoted, or text after a closing quote)", r->name,
		    r->error_line);
	case CSV_ETOOBIG:
		return su_err_set(e, "%s:%ld: a field is too big", r->name, r->error_line);
	default:
		return su_err_set(e, "%s:%ld: a field is longer than %d MiB", r->name,
		    r->error_line, FIELD_MAX >> 20);
	}
}

/* Returns the length of a "sep=X" line at the start of 's' (Excel's hint), or 0. */
static size_t
sep_line(const char *s, size_t n, char *sep)
{
	size_t k = 5;

	if (n < 5 || strncasecmp(s, "sep=", 4) != 0 || s[4] == '\r' || s[4] == '\n')
		return 0;
	if (k < n && s[k] == '\r')
		k++;
	if (k < n && s[k] == '\n')
		k++;
	if (k == 5 && k < n)
		return 0;	/* more on the line: a header that starts "sep=" */
	*sep = s[4];
	return k;
}

/* Returns the separator the header line 's' uses most: ',', ';', tab or '|' (',' if none). */
static char
sniff_separator(const char *s, size_t n)
{
	static const char candidates[] = { ',', ';', '\t', '|' };
	size_t count[sizeof candidates] = { 0 }, best = 0;
	int quoted = 0;

	for (size_t i = 0; i < n && (quoted || (s[i] != '\n' && s[i] != '\r')); i++) {
		if (s[i] == '"')
			quoted = !quoted;
		for (size_t c = 0; !quoted && c < sizeof candidates; c++)
			if (s[i] == candidates[c])
				count[c]++;
	}
	for (size_t c = 1; c < sizeof candidates; c++)
		if (count[c] > count[best])
			best = c;
	return candidates[best];
}

/*
 * Looks at the whole first line once: skips a "sep=X" line, finds the line
 * end (a CR not followed by LF: old Mac files) and, unless it was given, the
 * separator. Returns how many bytes of the lead to skip.
 */
static size_t
read_lead(struct csv_reader *r)
{
	const char *s = r->lead.buf;
	size_t n = r->lead.len, skip;
	const char *nl, *cr;
	char sep = 0;

	skip = sep_line(s, n, &sep);
	if (skip > 0) {
		r->line++;
		if (r->separator == 0)
			csvr_set_delimiter(r, sep);
		s += skip;
		n -= skip;
	}
	nl = memchr(s, '\n', n);
	cr = memchr(s, '\r', n);
	if (cr != NULL && (nl == NULL || cr + 1 < nl))
		r->eol = '\r';
	if (r->separator == 0)
		csvr_set_delimiter(r, sniff_separator(s, n));
	return skip;
}

/* Parses decoded text, holding the first line back until it is whole; 0 or -1 with 'e'. */
static int
feed_text(struct csv_reader *r, const char *text, size_t n, int final, su_err *e)
{
	size_t skip;
	int rc;

	if (r->lead_done)
		rc = parse_lines(r, text, n);
	else {
		sb_add(&r->lead, text, n);
		if (!final && r->lead.len < LEAD_MAX && !memchr(r->lead.buf, '\n',
		    r->lead.len) && !memchr(r->lead.buf, '\r', r->lead.len))
			return 0;
		r->lead_done = 1;
		skip = read_lead(r);
		rc = parse_lines(r, r->lead.buf + skip, r->lead.len - skip);
		sb_free(&r->lead);
	}
	return rc == 0 ? 0 : parse_error(r, rc, e);
}

/* Ends the input: the parser's last record; 0 or -1 with 'e' set. */
static int
finish(struct csv_reader *r, su_err *e)
{
	if (r->parser.pstate == 0 && r->nfields == r->record_first)
		r->record_line = r->line;
	r->eof = 1;
	if (csv_fini(&r->parser, on_field, on_record, r) != 0) {
		r->error_line = r->record_line;
		return su_err_set(e, "%s:%ld: a quoted field is never closed", r->name,
		    r->record_line);
	}
	return 0;
}

/* Feeds the parser until a record is queued or the input ends; -1 on an error. */
static int
fill_queue(struct csv_reader *r, su_err *e)
{
	while (r->head == r->nqueue && !r->eof && !r->failed) {
		const char *block, *text;
		size_t n;
		long got;
		su_err why;
		int bad;

		queue_compact(r);
		block = read_block(r, &got);
		if (got < 0)
			return su_err_set(e, "cannot read '%s': %s", r->name, strerror(errno));
		r->offset += got;
		bad = decoder_feed(r->decoder, block, (size_t)got, got == 0, &text, &n,
		    &why) < 0;
		if (feed_text(r, text, n, got == 0 || bad, e) < 0)
			return -1;
		if (bad) {
			r->text_error = 1;
			return su_err_set(e, "%s:%ld: %s", r->name, r->line, why.msg);
		}
		if (got == 0)
			return finish(r, e);
	}
	return 0;
}

int
csvr_next(struct csv_reader *r, su_err *e)
{
	if (!r->failed && fill_queue(r, &r->error) < 0)
		r->failed = 1;
	if (r->head == r->nqueue) {
		r->current = NULL;
		if (r->failed) {
			su_err_set(e, "%s", r->error.msg);
			return -1;
		}
		return 0;
	}
	r->current = &r->queue[r->head++];
	return 1;
}

size_t
csvr_count(const struct csv_reader *r)
{
	return r->current ? r->current->n : 0;
}

const char *
csvr_field(const struct csv_reader *r, size_t i)
{
	if (r->current == NULL || i >= r->current->n)
		return "";
	return r->text.buf + r->fields[r->current->first + i];
}

long
csvr_line(const struct csv_reader *r)
{
	return r->current ? r->current->line : r->line;
}

const char *
csvr_name(const struct csv_reader *r)
{
	return r->name;
}

long long
csvr_offset(const struct csv_reader *r)
{
	return r->offset;
}

const char *
csvr_problem(const struct csv_reader *r)
{
	return r->current ? r->current->problem : NULL;
}

/* Returns 1 if code point cp is punctuation or a space: ASCII, typographic quotes and
 * dashes, no-break spaces, CJK and full-width. */
static int
header_punct(unsigned int cp)
{
	return (cp < 0x80 && !isalnum((int)cp)) || (cp >= 0x3000 && cp <= 0x303f) ||
	    (cp >= 0xff01 && cp <= 0xff0f) || (cp >= 0xff1a && cp <= 0xff20) || cp == 0xa0 ||
	    cp == 0x30fb || (cp >= 0x2010 && cp <= 0x201f) || cp == 0x202f || cp == 0xb7;
}

void
csv_header_key(const char *in, char *out, size_t size)
{
	const unsigned char *s = (const unsigned char *)in;
	size_t n = 0;

	while (*s && size > 0) {
		unsigned int cp;
		size_t len = utf8_decode(s, &cp);

		if (header_punct(cp))
			;
		else if (latin_fold(cp) != 0 && n + 1 < size)
			out[n++] = latin_fold(cp);
		else if (cp < 0x80 && n + 1 < size)
			out[n++] = (char)tolower((int)cp);
		else if (cp >= 0x80 && n + len < size) {
			memcpy(out + n, s, len);
			n += len;
		}
		s += len;
	}
	if (size > 0)
		out[n] = '\0';
}

/* Returns 1 if the header key 'key' is one of the spellings in 'names'. */
static int
names_match(const char *const *names, const char *key)
{
	char want[128];

	for (; names && *names; names++) {
		csv_header_key(*names, want, sizeof want);
		if (strcmp(want, key) == 0)
			return 1;
	}
	return 0;
}

/* Appends the first few spellings a column is looked for by ("'email', 'e-mail', ... and
 * 17 more") to 'sb'. */
static void
describe_names(const struct csv_column *col, struct strbuf *sb)
{
	size_t n = 0;

	for (const char *const *w = col->names; w && *w; w++, n++)
		if (n < 6)
			sb_addf(sb, "%s'%s'", n ? ", " : "", *w);
	if (n > 6)
		sb_addf(sb, " and %zu more", n - 6);
}

int
csvr_map_header(struct csv_reader *r, const struct csv_column *cols,
    size_t ncols, int *index, const char *const *informational,
    struct strbuf *ignored, su_err *e)
{
	int rc;

	for (size_t i = 0; i < ncols; i++)
		index[i] = -1;
	rc = csvr_next(r, e);
	if (rc < 0)
		return -1;
	if (rc == 0)
		return su_err_set(e, "%s: empty file (a header row is needed)", r->name);
	if (csvr_problem(r) != NULL)
		return su_err_set(e, "%s:%ld: %s", r->name, csvr_line(r), csvr_problem(r));
	for (size_t f = 0; f < csvr_count(r); f++) {
		const char *header = csvr_field(r, f);
		char key[128];
		size_t i;

		csv_header_key(header, key, sizeof key);
		if (*key == '\0')
			continue;
		for (i = 0; i < ncols; i++)
			if (names_match(cols[i].names, key))
				break;
		if (i == ncols) {
			if (!names_match(informational, key)) {
				if (ignored->len > 0)
					sb_adds(ignored, ", ");
				sb_adds(ignored, header);
			}
			continue;
		}
		if (index[i] >= 0)
			return su_err_set(e, "%s:%ld: two %s columns ('%s' and '%s')",
			    r->name, csvr_line(r), cols[i].key,
			    csvr_field(r, (size_t)index[i]), header);
		index[i] = (int)f;
	}
	for (size_t i = 0; i < ncols; i++) {
		struct strbuf names = STRBUF_INIT;

		if (!cols[i].required || index[i] >= 0)
			continue;
		describe_names(&cols[i], &names);
		if (csvr_header_unsplit(r))
			sb_addf(&names, "; the header row is one column, '%s': are the fields "
			    "separated by something else than %s?", csvr_field(r, 0),
			    csv_separator_name(csvr_separator(r)));
		su_err_set(e, "%s:%ld: no %s column (looked for %s)", r->name,
		    csvr_line(r), cols[i].key, sb_str(&names));
		sb_free(&names);
		return -1;
	}
	return 0;
}

/* Returns 1 if a field must be quoted to read back as it is. */
static int
needs_quotes(const char *s)
{
	size_t n = strlen(s);

	if (n > 0 && (s[0] == ' ' || s[0] == '\t' || s[n - 1] == ' ' || s[n - 1] == '\t'))
		return 1;
	return strpbrk(s, ",\"\r\n") != NULL;
}

void
csvw_field(struct strbuf *sb, const char *s)
{
	if (s == NULL)
		s = "";
	if (!needs_quotes(s)) {
		sb_adds(sb, s);
		return;
	}
	sb_addc(sb, '"');
	for (; *s; s++) {
		if (*s == '"')
			sb_addc(sb, '"');
		sb_addc(sb, *s);
	}
	sb_addc(sb, '"');
}

void
csvw_record(struct strbuf *sb, const char *const *fields, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (i > 0)
			sb_addc(sb, ',');
		csvw_field(sb, fields[i]);
	}
	sb_add(sb, "\r\n", 2);
}
