/* SPDX-License-Identifier: Apache-2.0 */
/* table.c - text tables aligned by what a terminal shows, not by bytes. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "showup/csvio.h"
#include "showup/table.h"
#include "showup/util.h"

struct range { unsigned int first, last; };

/* Code points a terminal draws in no column: combining marks, joiners, variation selectors. */
static const struct range zero_width[] = {
	{ 0x0300, 0x036f }, { 0x0483, 0x0489 }, { 0x0591, 0x05bd }, { 0x05bf, 0x05bf },
	{ 0x05c1, 0x05c2 }, { 0x05c4, 0x05c5 }, { 0x05c7, 0x05c7 }, { 0x0610, 0x061a },
	{ 0x064b, 0x065f }, { 0x0670, 0x0670 }, { 0x06d6, 0x06dc }, { 0x06df, 0x06e4 },
	{ 0x06e7, 0x06e8 }, { 0x06ea, 0x06ed }, { 0x0711, 0x0711 }, { 0x0730, 0x074a },
	{ 0x0900, 0x0902 }, { 0x093a, 0x093a }, { 0x093c, 0x093c }, { 0x0941, 0x0948 },
	{ 0x094d, 0x094d }, { 0x0951, 0x0957 }, { 0x0962, 0x0963 }, { 0x0981, 0x0981 },
	{ 0x09bc, 0x09bc }, { 0x09c1, 0x09c4 }, { 0x09cd, 0x09cd }, { 0x0e31, 0x0e31 },
	{ 0x0e34, 0x0e3a }, { 0x0e47, 0x0e4e }, { 0x1ab0, 0x1aff }, { 0x1dc0, 0x1dff },
	{ 0x200b, 0x200f }, { 0x202a, 0x202e }, { 0x2060, 0x2064 }, { 0x20d0, 0x20ff },
	{ 0x302a, 0x302d }, { 0x3099, 0x309a }, { 0xfe00, 0xfe0f }, { 0xfe20, 0xfe2f },
	{ 0xfeff, 0xfeff }, { 0xe0100, 0xe01ef },
};

/* Code points drawn two columns wide (East Asian Wide and Fullwidth, emoji). */
static const struct range double_width[] = {
	{ 0x1100, 0x115f }, { 0x231a, 0x231b }, { 0x2329, 0x232a }, { 0x23e9, 0x23ec },
	{ 0x23f0, 0x23f0 }, { 0x23f3, 0x23f3 }, { 0x25fd, 0x25fe }, { 0x2614, 0x2615 },
	{ 0x2648, 0x2653 }, { 0x267f, 0x267f }, { 0x2693, 0x2693 }, { 0x26a1, 0x26a1 },
	{ 0x26aa, 0x26ab }, { 0x26bd, 0x26be }, { 0x26c4, 0x26c5 }, { 0x26ce, 0x26ce },
	{ 0x26d4, 0x26d4 }, { 0x26ea, 0x26ea }, { 0x26f2, 0x26f3 }, { 0x26f5, 0x26f5 },
	{ 0x26fa, 0x26fa }, { 0x26fd, 0x26fd }, { 0x2705, 0x2705 }, { 0x270a, 0x270b },
	{ 0x2728, 0x2728 }, { 0x274c, 0x274c }, { 0x274e, 0x274e }, { 0x2753, 0x2755 },
	{ 0x2757, 0x2757 }, { 0x2795, 0x2797 }, { 0x27b0, 0x27b0 }, { 0x27bf, 0x27bf },
	{ 0x2b1b, 0x2b1c }, { 0x2b50, 0x2b50 }, { 0x2b55, 0x2b55 }, { 0x2e80, 0x303e },
	{ 0x3041, 0x33ff }, { 0x3400, 0x4dbf }, { 0x4e00, 0x9fff }, { 0xa000, 0xa4cf },
	{ 0xa960, 0xa97f }, { 0xac00, 0xd7a3 }, { 0xf900, 0xfaff }, { 0xfe10, 0xfe19 },
	{ 0xfe30, 0xfe6f }, { 0xff00, 0xff60 }, { 0xffe0, 0xffe6 }, { 0x16fe0, 0x16fe4 },
	{ 0x17000, 0x18cff }, { 0x1b000, 0x1b2ff }, { 0x1f004, 0x1f004 },
	{ 0x1f0cf, 0x1f0cf }, { 0x1f18e, 0x1f18e }, { 0x1f191, 0x1f19a },
	{ 0x1f200, 0x1f251 }, { 0x1f300, 0x1f320 }, { 0x1f32d, 0x1f335 },
	{ 0x1f337, 0x1f37c }, { 0x1f37e, 0x1f393 }, { 0x1f3a0, 0x1f3ca },
	{ 0x1f3cf, 0x1f3d3 }, { 0x1f3e0, 0x1f3f0 }, { 0x1f3f4, 0x1f3f4 },
	{ 0x1f3f8, 0x1f43e }, { 0x1f440, 0x1f440 }, { 0x1f442, 0x1f4fc },
	{ 0x1f4ff, 0x1f53d }, { 0x1f54b, 0x1f54e }, { 0x1f550, 0x1f567 },
	{ 0x1f57a, 0x1f57a }, { 0x1f595, 0x1f596 }, { 0x1f5a4, 0x1f5a4 },
	{ 0x1f5fb, 0x1f64f }, { 0x1f680, 0x1f6c5 }, { 0x1f6cc, 0x1f6cc },
	{ 0x1f6d0, 0x1f6d2 }, { 0x1f6d5, 0x1f6d7 }, { 0x1f6eb, 0x1f6ec },
	{ 0x1f6f4, 0x1f6fc }, { 0x1f7e0, 0x1f7eb }, { 0x1f90c, 0x1f93a },
	{ 0x1f93c, 0x1f945 }, { 0x1f947, 0x1f9ff }, { 0x1fa70, 0x1faff },
	{ 0x20000, 0x2fffd }, { 0x30000, 0x3fffd },
};

/* Returns 1 if cp lies in one of the sorted ranges. */
static int
in_ranges(unsigned int cp, const struct range *r, size_t n)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (cp < r[mid].first)
			hi = mid;
		else if (cp > r[mid].last)
			lo = mid + 1;
		else
			return 1;
	}
	return 0;
}

int
codepoint_width(unsigned int cp)
{
	if (cp == 0 || cp < 0x20 || (cp >= 0x7f && cp < 0xa0))
		return 0;
	if (in_ranges(cp, zero_width, ARRAY_SIZE(zero_width)))
		return 0;
	if (in_ranges(cp, double_width, ARRAY_SIZE(double_width)))
		return 2;
	return 1;
}

size_t
text_width(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t width = 0;

	while (*p) {
		unsigned int cp;

		p += utf8_decode(p, &cp);
		width += (size_t)codepoint_width(cp);
	}
	return width;
}

struct table {
	size_t ncols;
	char **headers;		/* control characters as spaces */
	enum table_align *align;
	size_t *widths;		/* the widest shown cell of each column, its header too */
	char **rows;		/* each row's cells as given, one after another, NUL-terminated */
	size_t nrows, caprows;
};

/* Returns 1 for a code point that reorders the text around it (bidi embeddings, overrides, isolates). */
static int
bidi_control(unsigned int cp)
{
	return (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069) ||
	    cp == 0x200e || cp == 0x200f || cp == 0x061c;
}

/*
 * Returns a cell as a terminal may show it: control characters as spaces
 * (one line per row), bidi controls as U+FFFD (they would scramble the
 * columns), and at most TABLE_CELL_MAX columns wide, cut with an ellipsis.
 */
static char *
cell_shown(const char *s)
{
	const unsigned char *p = (const unsigned char *)(s ? s : "");
	struct strbuf sb = STRBUF_INIT;
	size_t width = 0;

	sb_adds(&sb, "");
	while (*p) {
		const unsigned char *start = p;
		unsigned int cp;
		int control, w;

		p += utf8_decode(p, &cp);
		control = cp < 0x20 || cp == 0x7f;
		w = control ? 1 : codepoint_width(cp);
		if ((*p && width + (size_t)w > TABLE_CELL_MAX - 1) ||
		    width + (size_t)w > TABLE_CELL_MAX) {
			sb_adds(&sb, "\xe2\x80\xa6");	/* … */
			break;
		}
		width += (size_t)w;
		if (control)
			sb_addc(&sb, ' ');
		else if (bidi_control(cp))
			sb_adds(&sb, "\xef\xbf\xbd");
		else
			sb_add(&sb, (const char *)start, (size_t)(p - start));
	}
	return sb_detach(&sb);
}

/* Returns 1 if a cell is shown as it is: short printable ASCII. */
static int
shown_as_is(const char *s)
{
	size_t n = 0;

	for (; s[n]; n++)
		if ((unsigned char)s[n] < 0x20 || (unsigned char)s[n] >= 0x7f)
			return 0;
	return n <= TABLE_CELL_MAX;
}

/* Points cells[0..ncols) at the cells of 'row'; returns the row's length in bytes. */
static size_t
row_split(const struct table *t, const char *row, const char **cells)
{
	const char *p = row;

	for (size_t i = 0; i < t->ncols; i++) {
		cells[i] = p;
		p += strlen(p) + 1;
	}
	return (size_t)(p - row);
}

struct table *
table_new(size_t ncols, const char *const *headers)
{
	struct table *t = xcalloc(1, sizeof *t);

	t->ncols = ncols;
	t->headers = xcalloc(ncols, sizeof *t->headers);
	t->align = xcalloc(ncols, sizeof *t->align);
	t->widths = xcalloc(ncols ? ncols : 1, sizeof *t->widths);
	for (size_t i = 0; i < ncols; i++) {
		t->headers[i] = cell_shown(headers[i]);
		t->widths[i] = text_width(t->headers[i]);
	}
	return t;
}

void
table_set_align(struct table *t, size_t col, enum table_align align)
{
	if (col < t->ncols)
		t->align[col] = align;
}

/* Widens column i of 't' to fit cell 'cell' ('len' bytes) as it is shown. */
static void
widen(struct table *t, size_t i, const char *cell, size_t len)
{
	size_t w = len;

	if (!shown_as_is(cell)) {
		char *shown = cell_shown(cell);

		w = text_width(shown);
		free(shown);
	}
	if (w > t->widths[i])
		t->widths[i] = w;
}

void
table_add_row(struct table *t, const char *const *cells)
{
	size_t len = 0;
	char *row, *p;

	if (t->nrows == t->caprows) {
		t->caprows = t->caprows ? t->caprows * 2 : 16;
		t->rows = xrealloc(t->rows, t->caprows * sizeof *t->rows);
	}
	for (size_t i = 0; i < t->ncols; i++)
		len += strlen(cells[i] ? cells[i] : "") + 1;
	row = p = xmalloc(len ? len : 1);
	for (size_t i = 0; i < t->ncols; i++) {
		const char *cell = cells[i] ? cells[i] : "";
		size_t n = strlen(cell);

		memcpy(p, cell, n + 1);
		widen(t, i, cell, n);
		p += n + 1;
	}
	t->rows[t->nrows++] = row;
}

size_t
table_rows(const struct table *t)
{
	return t->nrows;
}

/* Returns the columns a shown cell takes: its bytes when it is plain ASCII; its length
 * in bytes goes to *len. */
static size_t
shown_width(const char *cell, size_t *len)
{
	size_t n = 0;

	while ((unsigned char)cell[n] >= 0x20 && (unsigned char)cell[n] < 0x7f)
		n++;
	if (cell[n] == '\0') {
		*len = n;
		return n;
	}
	*len = n + strlen(cell + n);
	return text_width(cell);
}

/* Puts n spaces at p; returns the end. */
static char *
put_spaces(char *p, size_t n)
{
	memset(p, ' ', n);
	return p + n;
}

/*
 * Appends one line of cells padded to the widths to 'line'; no spaces after the last
 * cell. Room for the widest line is made once, the cells copied straight in (a grid
 * of 2,000 x 100 is 200,000 cells).
 */
static void
add_line(const struct table *t, const char *const *cells, struct strbuf *line)
{
	size_t last = t->ncols, room = 1;
	char *p;

	while (last > 0 && *cells[last - 1] == '\0')
		last--;
	for (size_t i = 0; i < last; i++)
		room += 2 + t->widths[i] + strlen(cells[i]);
	sb_grow(line, room);
	p = line->buf + line->len;
	for (size_t i = 0; i < last; i++) {
		size_t len, pad = t->widths[i] - shown_width(cells[i], &len);

		if (i > 0)
			p = put_spaces(p, 2);
		if (t->align[i] == ALIGN_RIGHT)
			p = put_spaces(p, pad);
		memcpy(p, cells[i], len);
		p += len;
		if (t->align[i] == ALIGN_LEFT && i + 1 < last)
			p = put_spaces(p, pad);
	}
	*p++ = '\n';
	*p = '\0';
	line->len = (size_t)(p - line->buf);
}

/*
 * Appends row r as a terminal shows it (cell_shown) to 'out': 'cells' and
 * 'made' are scratch of ncols pointers, 'made' all NULL.
 */
static void
add_row(const struct table *t, size_t r, const char **cells, char **made,
    struct strbuf *out)
{
	row_split(t, t->rows[r], cells);
	for (size_t i = 0; i < t->ncols; i++)
		if (!shown_as_is(cells[i]))
			cells[i] = made[i] = cell_shown(cells[i]);
	add_line(t, cells, out);
	for (size_t i = 0; i < t->ncols; i++) {
		free(made[i]);
		made[i] = NULL;
	}
}

/* Writes what 'sb' holds to 'out' once it holds 64 KiB or more (or 'all'), and empties it. */
static void
flush_lines(struct strbuf *sb, int all, FILE *out)
{
	if (sb->len == 0 || (!all && sb->len < 65536))
		return;
	fwrite(sb->buf, 1, sb->len, out);
	sb_reset(sb);
}

void
table_print(const struct table *t, FILE *out)
{
	const char **cells = xcalloc(t->ncols ? t->ncols : 1, sizeof *cells);
	char **made = xcalloc(t->ncols ? t->ncols : 1, sizeof *made);
	char **rule = xcalloc(t->ncols ? t->ncols : 1, sizeof *rule);
	struct strbuf lines = STRBUF_INIT;

	for (size_t i = 0; i < t->ncols; i++) {
		rule[i] = xmalloc(t->widths[i] + 1);
		memset(rule[i], '-', t->widths[i]);
		rule[i][t->widths[i]] = '\0';
	}
	add_line(t, (const char *const *)t->headers, &lines);
	add_line(t, (const char *const *)rule, &lines);
	for (size_t r = 0; r < t->nrows; r++) {
		add_row(t, r, cells, made, &lines);
		flush_lines(&lines, 0, out);
	}
	flush_lines(&lines, 1, out);
	for (size_t i = 0; i < t->ncols; i++)
		free(rule[i]);
	sb_free(&lines);
	free(rule);
	free(made);
	free(cells);
}

void
table_print_csv(const struct table *t, FILE *out)
{
	const char **cells = xcalloc(t->ncols ? t->ncols : 1, sizeof *cells);
	struct strbuf sb = STRBUF_INIT;

	csvw_record(&sb, (const char *const *)t->headers, t->ncols);
	for (size_t r = 0; r < t->nrows; r++) {
		row_split(t, t->rows[r], cells);
		csvw_record(&sb, cells, t->ncols);
		flush_lines(&sb, 0, out);
	}
	flush_lines(&sb, 1, out);
	sb_free(&sb);
	free(cells);
}

void
table_free(struct table *t)
{
	if (t == NULL)
		return;
	for (size_t i = 0; i < t->ncols; i++)
		free(t->headers[i]);
	for (size_t r = 0; r < t->nrows; r++)
		free(t->rows[r]);
	free(t->rows);
	free(t->headers);
	free(t->align);
	free(t->widths);
	free(t);
}
