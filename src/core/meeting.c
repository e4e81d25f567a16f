/* SPDX-License-Identifier: Apache-2.0 */
/* meeting.c - meeting reports (the formats of meeting-layouts.c): told apart, read and
 * checked row by row, and merged into one stay per person. */
#include "config.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "showup/csvio.h"
#include "showup/decode.h"
#include "showup/meeting.h"
#include "showup/timeutil.h"
#include "meeting-layouts.h"

#define MAX_STAY (24 * 3600)	/* one join longer than a day is a bad row */

/* Where a report is read from: memory, or a file read from disk again for each pass
 * (the format, the date order, the rows), never held whole. */
struct report_source {
	const char *data;	/* memory, 'len' bytes, when 'path' is NULL */
	size_t len;
	const char *path;
	const char *name;	/* for messages */
	const char *zone;	/* the session's time zone: its region settles Windows-1250 */
	const char *encoding;	/* the file's, as given (NULL: sniffed) */
};

/* Returns a reader at the start of the report, or NULL with 'e' set. */
static struct csv_reader *
source_open(const struct report_source *src, su_err *e)
{
	struct csv_format f = { 0, src->encoding, src->zone };
	struct csv_reader *r;

	if (src->path == NULL)
		r = csvr_open_mem(src->data, src->len, src->name);
	else	/* "-" is a file of that name here, not standard input: it is read more than once */
		r = csvr_open(strcmp(src->path, "-") == 0 ? "./-" : src->path, e);
	if (r != NULL && csvr_set_format(r, &f, e) < 0) {
		csvr_close(r);
		r = NULL;
	}
	return r;
}

/* Reads the next whole number from *s (skipping nothing); its digit count in *digits. */
static int
read_number(const char **s, int *digits)
{
	int v = 0;

	*digits = 0;
	while (isdigit((unsigned char)**s) && *digits < 6) {
		v = v * 10 + (**s - '0');
		(*s)++;
		(*digits)++;
	}
	return v;
}

/* Returns the length of the no-break space (U+00A0, U+202F) at 's', or 0. */
static size_t
no_break_space(const char *s)
{
	if (strncmp(s, "\xc2\xa0", 2) == 0)
		return 2;
	return strncmp(s, "\xe2\x80\xaf", 3) == 0 ? 3 : 0;
}

/* Duration units as reports write them, in every language read, and their seconds. */
static const struct { const char *word; int seconds; } duration_units[] = {
	{ "h", 3600 }, { "hr", 3600 }, { "hrs", 3600 }, { "hour", 3600 }, { "hours", 3600 },
	{ "std", 3600 }, { "stunde", 3600 }, { "stunden", 3600 }, { "heure", 3600 },
	{ "heures", 3600 }, { "hora", 3600 }, { "horas", 3600 }, { "時間", 3600 },
	{ "m", 60 }, { "min", 60 }, { "mins", 60 }, { "minute", 60 }, { "minutes", 60 },
	{ "minuten", 60 }, { "minuto", 60 }, { "minutos", 60 }, { "分", 60 },
	{ "godz", 3600 }, { "godzina", 3600 }, { "godziny", 3600 }, { "godzin", 3600 },
	{ "s", 1 }, { "sec", 1 }, { "secs", 1 }, { "second", 1 }, { "seconds", 1 },
	{ "sek", 1 }, { "sekunde", 1 }, { "sekunden", 1 }, { "seconde", 1 },
	{ "secondes", 1 }, { "seg", 1 }, { "segundo", 1 }, { "segundos", 1 }, { "秒", 1 },
};

/* Reads the unit word at *text ("min", "Std.", "分") and moves past it; its seconds, or -1. */
static int
read_unit(const char **text)
{
	char word[16];
	size_t n = 0;

	while ((isalpha((unsigned char)**text) || (unsigned char)**text >= 0x80) &&
	    !no_break_space(*text) && n + 1 < sizeof word) {
		word[n++] = (char)tolower((unsigned char)**text);
		(*text)++;
	}
	word[n] = '\0';
	if (**text == '.')
		(*text)++;
	for (size_t i = 0; i < ARRAY_SIZE(duration_units); i++)
		if (strcmp(word, duration_units[i].word) == 0)
			return duration_units[i].seconds;
	return -1;
}

/* Moves *text past spaces: ASCII, no-break (U+00A0) and narrow no-break (U+202F), and
 * commas if 'commas'. */
static void
skip_spaces(const char **text, int commas)
{
	for (;;) {
		if (**text == ' ' || (commas && **text == ','))
			(*text)++;
		else if (no_break_space(*text))
			*text += no_break_space(*text);
		else
			return;
	}
}

/* Reads a duration on a clock, "H:MM:SS" (Google Meet's "00:02:28"); 0, or -1. */
static int
clock_duration(const char *text, int64_t *seconds)
{
	int h, m, s, dh, dm, ds;

	h = read_number(&text, &dh);
	if (dh == 0 || *text++ != ':')
		return -1;
	m = read_number(&text, &dm);
	if (dm != 2 || *text++ != ':' || m > 59)
		return -1;
	s = read_number(&text, &ds);
	skip_spaces(&text, 0);
	if (ds != 2 || s > 59 || *text != '\0')
		return -1;
	*seconds = (int64_t)h * 3600 + m * 60 + s;
	return 0;
}

int
meeting_duration_parse(const char *text, int64_t *seconds)
{
	int64_t total = 0;
	int any = 0, digits, unit;

	skip_spaces(&text, 0);
	if (*text == '\0')
		return -1;
	if (strchr(text, ':') != NULL)
		return clock_duration(text, seconds);
	while (*text) {
		int v = read_number(&text, &digits);

		if (digits == 0)
			return -1;
		skip_spaces(&text, 0);
		if (*text == '\0' && !any)
			return (*seconds = (int64_t)v * 60), 0;	/* a plain number: minutes */
		if ((unit = read_unit(&text)) < 0)
			return -1;
		total += (int64_t)v * unit;
		skip_spaces(&text, 1);
		any = 1;
	}
	*seconds = total;
	return 0;
}

void
meeting_name_key(const char *name, struct strbuf *out)
{
	const unsigned char *s = (const unsigned char *)name;
	int space = 0;

	sb_reset(out);
	sb_addc(out, '\0');
	out->len = 0;
	while (*s) {
		unsigned int cp;
		size_t len = utf8_decode(s, &cp);

		if (cp == ' ' || cp == '\t' || cp == '.' || cp == ',' || cp == '-' || cp == '_') {
			space = out->len > 0;
		} else {
			if (space)
				sb_addc(out, ' ');
			space = 0;
			if (latin_fold(cp) != 0)
				sb_addc(out, latin_fold(cp));
			else if (cp < 0x80)
				sb_addc(out, (char)tolower((int)cp));
			else
				sb_add(out, (const char *)s, len);
		}
		s += len;
	}
}

/* qsort's comparison of two words (char pointers). */
static int
word_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

void
meeting_name_match_key(const char *name, struct strbuf *out)
{
	struct strbuf key = STRBUF_INIT;
	char **words, *save = NULL, *w;
	size_t n = 0, longer = 0;

	meeting_name_key(name, &key);
	words = xcalloc(key.len / 2 + 2, sizeof *words);
	for (w = strtok_r(key.buf, " ", &save); w != NULL;
	    w = strtok_r(NULL, " ", &save)) {
		words[n++] = w;
		longer += strlen(w) > 1;
	}
	qsort(words, n, sizeof *words, word_cmp);
	sb_reset(out);
	sb_addc(out, '\0');
	out->len = 0;
	for (size_t i = 0; i < n; i++) {
		if (strlen(words[i]) == 1 && longer > 0)	/* an initial */
			continue;
		if (out->len > 0)
			sb_addc(out, ' ');
		sb_adds(out, words[i]);
	}
	free(words);
	sb_free(&key);
}

/* Returns format f's layout, or NULL for auto. */
static const struct meeting_layout *
layout_of(enum meeting_format f)
{
	for (size_t i = 0; i < meeting_nlayouts; i++)
		if (meeting_layouts[i].format == f)
			return &meeting_layouts[i];
	return NULL;
}

const char *
meeting_format_name(enum meeting_format f)
{
	const struct meeting_layout *l = layout_of(f);

	return l ? l->name : "auto";
}

const char *
meeting_format_seen(enum meeting_format f)
{
	const struct meeting_layout *l = layout_of(f);

	return l ? l->seen : "a meeting report";
}

int
meeting_format_parse(const char *name, enum meeting_format *out)
{
	if (strcmp(name, "auto") == 0)
		return (*out = MEETING_AUTO), 0;
	for (size_t i = 0; i < meeting_nlayouts; i++)
		if (strcmp(name, meeting_layouts[i].name) == 0)
			return (*out = meeting_layouts[i].format), 0;
	return -1;
}

/* Returns 1 if layout i is the first of its format (a format's name is listed once). */
static int
first_of_format(size_t i)
{
	for (size_t k = 0; k < i; k++)
		if (meeting_layouts[k].format == meeting_layouts[i].format)
			return 0;
	return 1;
}

void
meeting_format_list(struct strbuf *out)
{
	size_t start = out->len;

	for (size_t i = 0; i < meeting_nlayouts; i++)
		if (first_of_format(meeting_nlayouts - 1 - i))
			sb_addf(out, "%s%s", out->len > start ? ", " : "",
			    meeting_layouts[meeting_nlayouts - 1 - i].name);
}

void
meeting_header_key(const char *cell, char *out, size_t size)
{
	csv_header_key(cell, out, size);
}

/* Returns 1 if header cell 'key' (a meeting_header_key) is one of 'words'. */
static int
is_word(const char *key, const char *const *words)
{
	char want[96];

	for (; words != NULL && *words != NULL; words++) {
		meeting_header_key(*words, want, sizeof want);
		if (*key && strcmp(key, want) == 0)
			return 1;
	}
	return 0;
}

/* Returns 1 if column k, mapped already, was the meeting's: it comes before the name (Zoom's usage
 * rows repeat "User Email" and "Duration", the host's first, then the participant's). */
static int
meeting_column(const int *index, int k)
{
	return k != M_NAME && index[M_NAME] >= 0 && index[k] < index[M_NAME];
}

/* Maps the current record as a header of layout l; returns 1 if it has the columns l needs. */
static int
map_columns(struct csv_reader *r, const struct meeting_layout *l, int *index)
{
	unsigned have = 0;

	for (int k = 0; k < M_NCOLS; k++)
		index[k] = -1;
	for (size_t f = 0; f < csvr_count(r); f++) {
		char key[96];

		meeting_header_key(csvr_field(r, f), key, sizeof key);
		for (int k = 0; k < M_NCOLS; k++)
			if ((index[k] < 0 || meeting_column(index, k)) &&
			    is_word(key, l->words[k])) {
				index[k] = (int)f;
				have |= COL(k);
				if (k != M_MARK)
					break;	/* one column, one meaning (a mark may be one too) */
			}
	}
	return (have & l->need) == l->need;
}

/* Returns field k of the current record (trimmed copy in 'buf'), "" if absent. */
static const char *
column(struct csv_reader *r, const int *index, int k, struct strbuf *buf)
{
	sb_reset(buf);
	sb_adds(buf, index[k] >= 0 ? csvr_field(r, (size_t)index[k]) : "");
	return str_trim(buf->buf);
}

/* Notes a bad row of the file (printf-style problem). */
static void __attribute__((format(printf, 4, 5)))
bad_row(struct meeting *m, const char *name, long line, const char *fmt, ...)
{
	va_list ap;

	m->bad_rows++;
	if (m->bad_rows > 20)
		return;
	sb_addf(&m->problems, "%s:%ld: ", name, line);
	va_start(ap, fmt);
	sb_vaddf(&m->problems, fmt, ap);
	va_end(ap);
	sb_addc(&m->problems, '\n');
}

#define BLOCK_SIZE 65536	/* names and e-mails are packed in blocks of this size */

/* Returns a copy of 's' packed in m's blocks, freed with the meeting. */
static char *
pack(struct meeting *m, const char *s)
{
	size_t n = strlen(s) + 1;
	char *at;

	if (n > BLOCK_SIZE / 4)	/* a long one has a block of its own */
		m->block_left = 0;
	if (n > m->block_left) {
		m->blocks = xrealloc(m->blocks, (m->nblocks + 2) * sizeof *m->blocks);
		m->blocks[m->nblocks++] = xmalloc(n > BLOCK_SIZE ? n : BLOCK_SIZE);
		m->block_left = n > BLOCK_SIZE ? n : BLOCK_SIZE;
	}
	at = m->blocks[m->nblocks - 1] + (n > BLOCK_SIZE ? 0 : BLOCK_SIZE - m->block_left);
	memcpy(at, s, n);
	m->block_left -= n;
	return at;
}

/* Returns the hash an attendee is found by: its e-mail's, else its name's, any case. */
static uint64_t
attendee_hash(const char *name, const char *email)
{
	return *email ? hash_str(email, 1) : ~hash_str(name, 1);
}

/* Returns 1 if attendee a is the one of this e-mail, or (without one) this guest's name. */
static int
attendee_is(const struct meeting_attendee *a, const char *name, const char *email)
{
	return *email ? str_ieq(a->email, email) : *a->email == '\0' && str_ieq(a->name, name);
}

/* Returns the slot of m where the attendee of 'hash' is, or the free one where it goes. */
static size_t
attendee_slot(const struct meeting *m, uint64_t hash, const char *name, const char *email)
{
	size_t i = (size_t)hash & (m->nslots - 1);

	while (m->slots[i].at != 0 && (m->slots[i].tag != (uint32_t)(hash >> 32) ||
	    !attendee_is(&m->v[m->slots[i].at - 1], name, email)))
		i = (i + 1) & (m->nslots - 1);
	return i;
}

/* Doubles m's slots (1,024 at first), every attendee put back: keys being distinct, each
 * goes to the first free slot from its hash, with nothing compared. */
static void
grow_slots(struct meeting *m)
{
	size_t mask = (m->nslots ? m->nslots * 2 : 1024) - 1;

	free(m->slots);
	m->slots = xcalloc(mask + 1, sizeof *m->slots);
	m->nslots = mask + 1;
	for (uint32_t k = 0; k < m->n; k++) {
		uint64_t h = attendee_hash(m->v[k].name, m->v[k].email);
		size_t i = (size_t)h & mask;

		for (; m->slots[i].at != 0; i = (i + 1) & mask)
			;
		m->slots[i].tag = (uint32_t)(h >> 32);
		m->slots[i].at = k + 1;
	}
}

/* Finds the attendee a row belongs to (by e-mail, else by name), adding one if new. */
static struct meeting_attendee *
attendee_for(struct meeting *m, const char *name, const char *email, long line)
{
	uint64_t h = attendee_hash(name, email);
	struct meeting_attendee *a;
	size_t i;

	if ((m->n + 1) * 2 > m->nslots)
		grow_slots(m);
	i = attendee_slot(m, h, name, email);
	if (m->slots[i].at != 0)
		return &m->v[m->slots[i].at - 1];
	if ((m->n & (m->n - 1)) == 0)	/* 0, 1, 2, 4...: double */
		m->v = xrealloc(m->v, (m->n ? m->n * 2 : 1) * sizeof *m->v);
	m->slots[i] = (struct meeting_slot){ (uint32_t)(h >> 32), (uint32_t)m->n + 1 };
	a = &m->v[m->n++];
	memset(a, 0, sizeof *a);
	a->name = pack(m, name);
	a->email = pack(m, email);
	a->line = line;
	a->open_join = -1;
	return a;
}

/* Adds to attendee a what a stay from join to leave of 'seconds' gives the window of m:
 * the time of it inside the window, no more than the stay's own seconds. */
static void
add_to_window(const struct meeting *m, struct meeting_attendee *a, int64_t join,
    int64_t leave, int64_t seconds)
{
	int64_t from = join > m->from ? join : m->from;
	int64_t to = leave < m->to ? leave : m->to;

	if (join < m->to && leave > m->from)
		a->in_window = 1;
	if (to > from)
		a->window_seconds += to - from < seconds ? to - from : seconds;
}

/* Adds one stay of 'seconds' in the meeting, from join to leave, to attendee a: kept
 * whole, or folded into m's window when it has one (memory then does not grow by row). */
static void
add_stay(struct meeting *m, struct meeting_attendee *a, int64_t join, int64_t leave,
    int64_t seconds)
{
	if (a->joins == 0 || join < a->first_join)
		a->first_join = join;
	if (a->joins == 0 || leave > a->last_leave)
		a->last_leave = leave;
	if (m->windowed)
		add_to_window(m, a, join, leave, seconds);
	else {
		if ((a->joins & (a->joins - 1)) == 0)	/* 0, 1, 2, 4...: double */
			a->stays = xrealloc(a->stays, (size_t)(a->joins ? a->joins * 2 : 1) *
			    sizeof *a->stays);
		a->stays[a->joins] = (struct meeting_stay){ join, leave, (int)seconds };
	}
	a->minutes += (int)((seconds + 30) / 60);
	if (a->minutes > MAX_STAY / 60 * 100)	/* a hundred days of rows: enough */
		a->minutes = MAX_STAY / 60 * 100;
	a->joins++;
}

/* Returns 1 if 'text' reads as a time day first and month first alike: an order must settle it. */
static int
order_needed(const char *text)
{
	return time_orders_possible(text) == (1u << DATE_ORDER_DMY | 1u << DATE_ORDER_MDY);
}

/* What reading a report's rows carries from row to row. */
struct reading {
	const struct meeting_layout *layout;
	int index[M_NCOLS];
	enum date_order order;
	const char *tz;
	struct strbuf host;	/* the block's host e-mail */
	struct strbuf date;	/* the block's date, for times without one (Google Meet) */
	int64_t last_time;	/* the latest time read: where stays still open end */
	struct strbuf name, last, email, cell, dated;	/* a row's cells, reused row to row */
};

/* Maps the current record as a header of any layout of rd's format (Google Meet has two),
 * keeping the one that fits in rd->layout; returns 1 if one fits. */
static int
map_format(struct csv_reader *r, struct reading *rd)
{
	for (size_t i = 0; i < meeting_nlayouts; i++)
		if (meeting_layouts[i].format == rd->layout->format &&
		    map_columns(r, &meeting_layouts[i], rd->index)) {
			rd->layout = &meeting_layouts[i];
			return 1;
		}
	return 0;
}

/* Returns time column k of the row, a French report's " à " between date and time made a
 * space ("13/04/2021 à 09:01:31"). */
static const char *
time_column(struct csv_reader *r, const int *index, int k, struct strbuf *cell)
{
	const char *text = column(r, index, k, cell);
	char *at = strstr(cell->buf, " \xc3\xa0 ");

	if (at != NULL) {
		memmove(at + 1, at + 4, strlen(at + 4) + 1);
		cell->len -= 3;
	}
	return text;
}

/* Reads time column k of the row (with the block's date if it has none); 0, or -1 noted as bad. */
static int
read_time(struct meeting *m, struct csv_reader *r, struct reading *rd, int k, int64_t *out)
{
	struct strbuf *cell = &rd->cell, *dated = &rd->dated;
	int rc = time_parse(time_column(r, rd->index, k, cell), rd->order, rd->tz, out, NULL);

	sb_reset(dated);
	if (rc < 0 && rd->date.len > 0) {
		sb_addf(dated, "%s %s", rd->date.buf, cell->buf);
		rc = time_parse(dated->buf, rd->order, rd->tz, out, NULL);
	}
	if (rc < 0 && order_needed(dated->len ? dated->buf : cell->buf)) {
		m->order_needed = 1;
		bad_row(m, csvr_name(r), csvr_line(r), "'%s': day/month or month/day? "
		    "(the report's dates can be read both ways)", cell->buf);
	} else if (rc < 0)
		bad_row(m, csvr_name(r), csvr_line(r), "'%s' is not a time I can read",
		    cell->buf);
	if (rc == 0 && *out > rd->last_time)
		rd->last_time = *out;
	return rc;
}

/* Writes the row's name ("First Last" where the format splits it) into rd->name. */
static void
row_name(struct csv_reader *r, struct reading *rd)
{
	column(r, rd->index, M_NAME, &rd->name);
	if (*column(r, rd->index, M_LAST, &rd->last)) {
		if (rd->name.len > 0)
			sb_addc(&rd->name, ' ');
		sb_adds(&rd->name, rd->last.buf);
	}
}

/* Returns 1 if header-like text 'cell' is one of 'words' (folded as header keys are). */
static int
cell_is(const char *cell, const char *const *words)
{
	char key[96];

	if (*cell == '\0')
		return 0;
	meeting_header_key(cell, key, sizeof key);
	return is_word(key, words);
}

/* Reads the row's join, leave and duration (-1: none given); without a leave column
 * (Google Meet's current export) the stay ends its duration after the join. 0, or -1
 * noted as a bad row. */
static int
row_times(struct meeting *m, struct csv_reader *r, struct reading *rd, int64_t *join,
    int64_t *leave, int64_t *seconds)
{
	const char *fname = csvr_name(r);
	long line = csvr_line(r);
	int no_leave = rd->index[M_LEAVE] < 0;

	*seconds = -1;
	if (read_time(m, r, rd, M_JOIN, join) < 0 ||
	    (!no_leave && read_time(m, r, rd, M_LEAVE, leave) < 0))
		return -1;	/* noted */
	if (rd->index[M_DURATION] >= 0 && *column(r, rd->index, M_DURATION, &rd->cell) &&
	    meeting_duration_parse(rd->cell.buf, seconds) < 0) {
		bad_row(m, fname, line, "'%s' is not a duration", rd->cell.buf);
		return -1;
	}
	if (no_leave && *seconds < 0) {
		bad_row(m, fname, line, "%s", "no time in the call");
		return -1;
	}
	if (no_leave)
		*leave = *join + (*seconds > MAX_STAY ? MAX_STAY + 1 : *seconds);
	if (*leave < *join) {
		bad_row(m, fname, line, "%s", "the leave time comes before the join time");
		return -1;
	}
	if ((*seconds < 0 ? *leave - *join : *seconds) > MAX_STAY || *leave - *join > MAX_STAY) {
		bad_row(m, fname, line, "%s", "a stay of more than a day");
		return -1;
	}
	return 0;
}

/* Reads one participant row into its attendee; a bad row is noted, not added. */
static void
read_row(struct meeting *m, struct csv_reader *r, struct reading *rd)
{
	const char *fname = csvr_name(r), *name, *email;
	long line = csvr_line(r);
	int64_t join, leave, seconds;
	struct meeting_attendee *a;

	row_name(r, rd);
	column(r, rd->index, M_EMAIL, &rd->email);
	name = rd->name.buf;
	email = rd->email.buf;
	m->rows++;
	if (csvr_problem(r) != NULL)
		bad_row(m, fname, line, "%s", csvr_problem(r));
	else if (*name == '\0' && *email == '\0')
		bad_row(m, fname, line, "%s", "no name and no e-mail address");
	else if (row_times(m, r, rd, &join, &leave, &seconds) < 0)
		;	/* noted */
	else {
		a = attendee_for(m, name, email, line);
		a->leave_unknown |= rd->index[M_LEAVE] < 0;
		add_stay(m, a, join, leave, seconds < 0 ? leave - join : seconds);
		if (cell_is(column(r, rd->index, M_ROLE, &rd->cell), meeting_organiser_words) ||
		    (*email && rd->host.len > 0 && str_ieq(email, rd->host.buf)))
			a->organiser = 1;
	}
}

/* Reads one row of a User Action list: a join opens a stay, a leave closes it. */
static void
read_event(struct meeting *m, struct csv_reader *r, struct reading *rd)
{
	struct strbuf name = STRBUF_INIT, action = STRBUF_INIT;
	struct meeting_attendee *a;
	int64_t t;

	column(r, rd->index, M_NAME, &name);
	column(r, rd->index, M_ACTION, &action);
	m->rows++;
	if (csvr_problem(r) != NULL)
		bad_row(m, csvr_name(r), csvr_line(r), "%s", csvr_problem(r));
	else if (*name.buf == '\0')
		bad_row(m, csvr_name(r), csvr_line(r), "%s", "no name");
	else if (!cell_is(action.buf, meeting_join_words) &&
	    !cell_is(action.buf, meeting_leave_words))
		bad_row(m, csvr_name(r), csvr_line(r), "'%s' is neither a join nor a leave",
		    action.buf);
	else if (read_time(m, r, rd, M_TIME, &t) == 0) {
		a = attendee_for(m, name.buf, "", csvr_line(r));
		if (cell_is(action.buf, meeting_join_words) && a->open_join < 0)
			a->open_join = t;
		else if (cell_is(action.buf, meeting_leave_words) && a->open_join >= 0 &&
		    t >= a->open_join && t - a->open_join <= MAX_STAY) {
			add_stay(m, a, a->open_join, t, t - a->open_join);
			a->open_join = -1;
		}
	}
	sb_free(&name);
	sb_free(&action);
}

/* Ends the stays of a User Action list still open at the last time the list shows. */
static void
close_open_stays(struct meeting *m, int64_t last_time)
{
	for (size_t i = 0; i < m->n; i++) {
		struct meeting_attendee *a = &m->v[i];

		if (a->open_join >= 0 && last_time - a->open_join <= MAX_STAY)
			add_stay(m, a, a->open_join, last_time, last_time - a->open_join);
		a->open_join = -1;
	}
}

/* Returns how many fields of the current record hold something but spaces. */
static size_t
filled_fields(struct csv_reader *r)
{
	size_t n = 0;

	for (size_t i = 0; i < csvr_count(r); i++)
		n += csvr_field(r, i)[strspn(csvr_field(r, i), " \t")] != '\0';
	return n;
}

/* Returns 1 if the current record is a section title ("2. Participants", any language). */
static int
section_title(struct csv_reader *r, int *section)
{
	const char *f = csvr_field(r, 0);

	if (filled_fields(r) != 1 || !isdigit((unsigned char)f[0]) || f[1] != '.' ||
	    f[2] != ' ')
		return 0;
	*section = f[0] - '0';
	return 1;
}

/* Returns the date order a time's date shows (13/11: day first), or unknown. */
static enum date_order
order_shown(const char *cell)
{
	unsigned orders = time_orders_possible(cell);
	int dmy = (orders >> DATE_ORDER_DMY) & 1, mdy = (orders >> DATE_ORDER_MDY) & 1;

	return dmy == mdy ? DATE_ORDER_UNKNOWN : dmy ? DATE_ORDER_DMY : DATE_ORDER_MDY;
}

/* In the first pass: notes the date order the row's times show. */
static void
sniff_row(struct csv_reader *r, const int *index, enum date_order *sniffed)
{
	static const int times[] = { M_JOIN, M_LEAVE, M_TIME };
	struct strbuf cell = STRBUF_INIT;

	for (size_t k = 0; k < ARRAY_SIZE(times) && *sniffed == DATE_ORDER_UNKNOWN; k++)
		*sniffed = order_shown(time_column(r, index, times[k], &cell));
	sb_free(&cell);
}

/* Reads a meeting block's values (the record after its header) for the host and the date. */
static int
read_block(struct csv_reader *r, struct reading *rd, su_err *e)
{
	int index[M_NCOLS], rc;

	if (!map_columns(r, &meeting_block, index))
		return 0;
	if ((rc = csvr_next(r, e)) == 1) {
		column(r, index, M_EMAIL, &rd->host);
		column(r, index, M_TIME, &rd->date);
	}
	return rc < 0 ? -1 : 1;
}

/* Reads a line of Meet's '*' block ("*" then "Created on 2026-08-31 20:12:56" in the next
 * cell, or all in one): its creation time gives the date of times without one. A date
 * that reads both ways, with no order given, says the order is needed. */
static void
read_bullet(struct meeting *m, struct csv_reader *r, struct reading *rd)
{
	const char *text = csvr_count(r) > 0 ? csvr_field(r, 0) : "";
	char day[40];
	int64_t t;

	text += strspn(text, " ");
	if (*text != '*')
		return;
	text += 1 + strspn(text + 1, " ");
	if (*text == '\0' && csvr_count(r) > 1)
		text = csvr_field(r, 1);
	text += strspn(text, " ");
	for (const char *const *w = meeting_created_words; *w != NULL; w++) {
		size_t n = strlen(*w);

		if (strncasecmp(text, *w, n) != 0 || (text[n] != ' ' && text[n] != ':'))
			continue;
		text += n + 1 + strspn(text + n + 1, " ");
		if (time_parse(text, rd->order, rd->tz, &t, NULL) == 0) {
			sb_reset(&rd->date);	/* its date, where the session is: "2026-08-31" */
			time_format_iso(rd->tz, t, day, sizeof day);
			sb_add(&rd->date, day, strcspn(day, "T"));
		} else if (order_needed(text)) {
			m->order_needed = 1;
		}
		return;
	}
}

/* Returns 1 if the current record of a sectioned report is to be skipped (a title, or outside
 * the participants); a title unmaps the header. */
static int
skip_section(struct csv_reader *r, const struct meeting_layout *l, int *section, int *mapped)
{
	if (!l->sections)
		return 0;
	if (section_title(r, section)) {
		*mapped = 0;
		return 1;
	}
	return *section != 0 && *section != 2;
}

/* Keeps the cells of the first record with any in 'seen' ("'Name', 'Start'"), control
 * characters as spaces, at most 200 bytes and a whole character. */
static void
keep_seen(struct csv_reader *r, struct strbuf *seen)
{
	if (seen->len > 0 || filled_fields(r) == 0)
		return;
	for (size_t f = 0; f < csvr_count(r) && seen->len < 200; f++)
		sb_addf(seen, "%s'%s'", f ? ", " : "", csvr_field(r, f));
	for (size_t i = 0; i < seen->len; i++)
		if ((unsigned char)seen->buf[i] < 0x20)
			seen->buf[i] = ' ';
	if (seen->len > 200) {
		seen->len = utf8_valid_prefix(seen->buf, 200);
		seen->buf[seen->len] = '\0';
		sb_adds(seen, "...");
	}
}

/* Sets 'e' to say the report has no header row layout l reads: the columns l needs, and
 * the cells of the first row that could be a header ('seen'). Returns -1. */
static int
no_header(const char *name, const struct meeting_layout *l, const struct strbuf *seen,
    su_err *e)
{
	struct strbuf need = STRBUF_INIT;
	int rc;

	for (size_t i = 0; i < meeting_nlayouts; i++) {
		const struct meeting_layout *each = &meeting_layouts[i];
		size_t before = need.len;

		if (each->format != l->format)
			continue;
		for (int k = 0; k < M_NCOLS; k++)
			if ((each->need & COL(k)) && each->words[k] != NULL)
				sb_addf(&need, "%s'%s'", need.len == before ? (before ?
				    "; or " : "") : ", ", each->words[k][0]);
	}
	rc = su_err_set(e, "%s: no header row of %s (it needs the columns %s; the file's "
	    "first row has %s)", name, l->seen, sb_str(&need),
	    seen->len ? sb_str(seen) : "no columns");
	sb_free(&need);
	return rc;
}

/*
 * Reads the records of the report; 0, or -1 with 'e' set. With 'sniffed' (a
 * first pass), only notes the date order the times show, stopping at the first
 * row that shows one.
 */
static int
read_records(struct meeting *m, const struct report_source *src, enum date_order order,
    const char *tz, enum date_order *sniffed, su_err *e)
{
	struct csv_reader *r;
	struct reading rd = { .layout = layout_of(m->format), .order = order, .tz = tz,
		.host = STRBUF_INIT, .date = STRBUF_INIT, .last_time = INT64_MIN,
		.name = STRBUF_INIT, .last = STRBUF_INIT, .email = STRBUF_INIT,
		.cell = STRBUF_INIT, .dated = STRBUF_INIT };
	struct strbuf seen = STRBUF_INIT;
	int mapped = 0, section = 0, ever_mapped = 0, rc;

	if (rd.layout == NULL)	/* the format is settled (not auto) before records are read */
		return su_err_set(e, "%s: the report's format is not known", src->name);
	if ((r = source_open(src, e)) == NULL)
		return -1;
	if (rd.layout->sections && !m->flat)
		csvr_set_delimiter(r, '\t');
	while ((rc = csvr_next(r, e)) == 1) {
		if (skip_section(r, rd.layout, &section, &mapped))
			continue;
		keep_seen(r, &seen);
		if (!mapped && (mapped = ever_mapped = map_format(r, &rd)))
			continue;
		if (!mapped && (rc = read_block(r, &rd, e)) < 0)
			break;
		if (!mapped)
			read_bullet(m, r, &rd);
		if (!mapped)
			continue;
		if (filled_fields(r) == 0)	/* a blank row, maybe padded with separators */
			continue;
		if (sniffed != NULL && (sniff_row(r, rd.index, sniffed),
		    *sniffed != DATE_ORDER_UNKNOWN))
			break;
		else if (sniffed == NULL && m->format == MEETING_TEAMS_LOG)
			read_event(m, r, &rd);
		else if (sniffed == NULL)
			read_row(m, r, &rd);
	}
	if (csvr_encoding_guessed(r))
		snprintf(m->encoding, sizeof m->encoding, "%s", csvr_encoding(r));
	csvr_close(r);
	if (sniffed == NULL && m->format == MEETING_TEAMS_LOG)
		close_open_stays(m, rd.last_time);
	sb_free(&rd.host);
	sb_free(&rd.date);
	sb_free(&rd.name);
	sb_free(&rd.last);
	sb_free(&rd.email);
	sb_free(&rd.cell);
	sb_free(&rd.dated);
	if (rc == 0 && sniffed == NULL && !ever_mapped)
		rc = no_header(src->name, rd.layout, &seen, e);
	else if (rc == 0 && sniffed == NULL && m->rows == 0 && m->bad_rows == 0)
		rc = su_err_set(e, "%s: no participant rows found in this %s report",
		    src->name, meeting_format_name(m->format));
	sb_free(&seen);
	return rc < 0 ? -1 : 0;
}

/* Writes the first line of 'text' into 'out', escaped (\t, \r, \n, \\), at most 60 bytes. */
static void
first_line_escaped(const char *text, struct strbuf *out)
{
	size_t n = 0;

	for (; *text && *text != '\n' && n < 60; text++, n++) {
		if (*text == '\t')
			sb_adds(out, "\\t");
		else if (*text == '\r')
			sb_adds(out, "\\r");
		else if (*text == '\\')
			sb_adds(out, "\\\\");
		else if ((unsigned char)*text < 0x20)
			sb_addf(out, "\\x%02x", (unsigned char)*text);
		else
			sb_addc(out, *text);
	}
	if (*text == '\n')
		sb_adds(out, "\\n");
}

/* Returns 1 if a cell of the current record names a "Participant ID (UPN)" column, in any
 * language: only Teams has one. */
static int
upn_column(struct csv_reader *r)
{
	char key[96];

	for (size_t f = 0; f < csvr_count(r); f++) {
		size_t n;

		meeting_header_key(csvr_field(r, f), key, sizeof key);
		n = strlen(key);
		if (n > 3 && strcmp(key + n - 3, "upn") == 0)
			return 1;
	}
	return 0;
}

/* Finds the format a header row of the report shows (or a section title shows Teams'), or
 * auto, in *found; *flat says a Teams report was told by its header alone. Its first 60
 * records are read. 0, or -1 with 'e' set (no such file). */
static int
detect(const struct report_source *src, enum meeting_format *found, int *flat, su_err *e)
{
	struct csv_reader *r = source_open(src, e);
	int index[M_NCOLS], section;

	*found = MEETING_AUTO;
	if (r == NULL)
		return -1;
	for (int n = 0; n < 60 && *found == MEETING_AUTO && csvr_next(r, NULL) == 1; n++) {
		if (section_title(r, &section) && section == 1)	/* blank lines may come first */
			*found = MEETING_TEAMS;
		else if (filled_fields(r) == 1 && cell_is(csvr_field(r, 0), meeting_summary_words))
			*found = MEETING_TEAMS;	/* the 2021 layout: a summary, then the header */
		else if (upn_column(r) && map_columns(r, layout_of(MEETING_TEAMS), index))
			*found = MEETING_TEAMS, *flat = 1;	/* Teams' columns, before Zoom's */
		for (size_t i = 0; i < meeting_nlayouts && *found == MEETING_AUTO; i++)
			if (!meeting_layouts[i].sections &&
			    map_columns(r, &meeting_layouts[i], index))
				*found = meeting_layouts[i].format;
		if (*found == MEETING_AUTO && map_columns(r, layout_of(MEETING_TEAMS), index))
			*found = MEETING_TEAMS, *flat = 1;	/* Teams' own words, "First Join" */
	}
	csvr_close(r);
	return 0;
}

/* Writes the report's first bytes (at most 'size') into 'buf'; returns how many. */
static size_t
source_head(const struct report_source *src, char *buf, size_t size)
{
	FILE *f;
	size_t n;

	if (src->path == NULL) {
		n = src->len < size ? src->len : size;
		if (n > 0)	/* no bytes may come as no buffer */
			memcpy(buf, src->data, n);
		return n;
	}
	if ((f = fopen(strcmp(src->path, "-") == 0 ? "./-" : src->path, "rb")) == NULL)
		return 0;
	n = fread(buf, 1, size, f);
	fclose(f);
	return n;
}

/* Sets 'e' to say the file is no report known, showing its first line escaped; returns -1. */
static int
unknown_format(const struct report_source *src, su_err *e)
{
	struct strbuf line = STRBUF_INIT, known = STRBUF_INIT, text = STRBUF_INIT;
	struct decoder *d = decoder_new(NULL, NULL);
	char head[4096];
	const char *utf8 = "";
	size_t n = 0, got = source_head(src, head, sizeof head);
	int rc;

	if (d != NULL)	/* the text before a bad byte, if any */
		(void)decoder_feed(d, head, got, 1, &utf8, &n, NULL);
	sb_add(&text, utf8, n);
	first_line_escaped(sb_str(&text), &line);
	meeting_format_list(&known);
	rc = su_err_set(e, "%s: not a meeting report I know (known: %s); its first line is '%s'",
	    src->name, sb_str(&known), sb_str(&line));
	decoder_free(d);
	sb_free(&text);
	sb_free(&line);
	sb_free(&known);
	return rc;
}

/* Adds to the message in 'e' what the file looks like. */
static void
say_looks_like(su_err *e, enum meeting_format seen)
{
	char had[sizeof e->msg];

	if (e == NULL)
		return;
	snprintf(had, sizeof had, "%s", e->msg);
	su_err_set(e, "%s; this looks like %s", had, meeting_format_seen(seen));
}

/* What a reading is for: the session [from, to) its stays are folded into, if any. */
struct window {
	int set;
	int64_t from, to;
};

/* Reads the report as meeting_parse does, its stays folded into window 'w' if set. */
static int
parse_source(const struct report_source *src, enum meeting_format format,
    enum date_order order, const char *tz, const struct window *w, struct meeting *out,
    su_err *e)
{
	int rc = -1;

	memset(out, 0, sizeof *out);
	out->windowed = w->set;
	out->from = w->from;
	out->to = w->to;
	if (detect(src, &out->detected, &out->flat, e) < 0)
		goto done;
	if (format == MEETING_AUTO && (format = out->detected) == MEETING_AUTO) {
		unknown_format(src, e);
		goto done;
	}
	out->format = format;
	if (format == MEETING_TEAMS && out->detected != MEETING_TEAMS)
		out->flat = 1;	/* named Teams, yet no section title: its separator sniffed */
	if (order == DATE_ORDER_UNKNOWN &&	/* what the times show */
	    read_records(out, src, order, tz, &order, e) < 0)
		goto done;
	rc = read_records(out, src, order, tz, NULL, e);
	if (rc < 0 && out->detected != MEETING_AUTO && out->detected != format)
		say_looks_like(e, out->detected);
done:
	if (rc < 0)
		meeting_free(out);
	return rc;
}

int
meeting_parse(const char *data, size_t len, const char *name, enum meeting_format format,
    enum date_order order, const char *tz, struct meeting *out, su_err *e)
{
	struct report_source src = { data, len, NULL, name, tz, NULL };
	struct window none = { 0, 0, 0 };

	return parse_source(&src, format, order, tz, &none, out, e);
}

/* Reads the report under 'order' into *m; returns 1 if it overlaps the window, 0 if not, -1. */
static int
fits_under(const struct report_source *src, enum meeting_format format,
    enum date_order order, const char *tz, const struct window *w, struct meeting *m,
    su_err *e)
{
	if (parse_source(src, format, order, tz, w, m, e) < 0)
		return -1;
	return meeting_overlaps(m, w->from, w->to);
}

/* Reads the report as meeting_parse_for says, for the session of window 'w'. */
static int
parse_source_for(const struct report_source *src, enum meeting_format format,
    enum date_order order, const char *tz, const struct window *w, struct meeting *out,
    su_err *e)
{
	struct meeting dmy = { 0 }, mdy = { 0 };
	int fits_dmy, fits_mdy, rc = -1;
	char when[40];

	if (parse_source(src, format, order, tz, w, out, e) < 0)
		return -1;
	if (order != DATE_ORDER_UNKNOWN || !out->order_needed)
		return 0;
	if ((fits_dmy = fits_under(src, format, DATE_ORDER_DMY, tz, w, &dmy, e)) < 0 ||
	    (fits_mdy = fits_under(src, format, DATE_ORDER_MDY, tz, w, &mdy, e)) < 0)
		goto done;
	if (fits_dmy == fits_mdy) {
		su_err_set(e, "%s: its dates read both day first and month first, and %s the "
		    "session of %s; its date order must be named", src->name, fits_dmy ?
		    "both readings overlap" : "neither reading overlaps",
		    time_format_local(tz, w->from, when, sizeof when));
		goto done;
	}
	meeting_free(out);
	*out = fits_dmy ? dmy : mdy;
	memset(fits_dmy ? &dmy : &mdy, 0, sizeof dmy);
	out->order_by_session = fits_dmy ? DATE_ORDER_DMY : DATE_ORDER_MDY;
	rc = 0;
done:
	meeting_free(&dmy);
	meeting_free(&mdy);
	if (rc < 0) {
		meeting_free(out);
		out->order_needed = 1;	/* what the caller's advice needs */
	}
	return rc;
}

int
meeting_parse_for(const char *data, size_t len, const char *name,
    enum meeting_format format, enum date_order order, const char *tz, int64_t from,
    int64_t to, struct meeting *out, su_err *e)
{
	struct report_source src = { data, len, NULL, name, tz, NULL };
	struct window w = { 1, from, to };

	return parse_source_for(&src, format, order, tz, &w, out, e);
}

int
meeting_read_for(const char *path, const char *name, const char *encoding,
    enum meeting_format format,
    enum date_order order, const char *tz, int64_t from, int64_t to, struct meeting *out,
    su_err *e)
{
	struct report_source src = { NULL, 0, path, name, tz, encoding };
	struct window w = { 1, from, to };

	return parse_source_for(&src, format, order, tz, &w, out, e);
}

int
meeting_overlaps(const struct meeting *m, int64_t from, int64_t to)
{
	for (size_t i = 0; i < m->n; i++)
		if (m->windowed && m->from == from && m->to == to && m->v[i].in_window)
			return 1;
		else if (m->windowed && (m->from != from || m->to != to) &&
		    m->v[i].joins > 0 && m->v[i].first_join < to && m->v[i].last_leave > from)
			return 1;	/* another window: the span of the stays is all there is */
	for (size_t i = 0; i < m->n && !m->windowed; i++)
		for (int k = 0; k < m->v[i].joins; k++)
			if (m->v[i].stays[k].join < to && m->v[i].stays[k].leave > from)
				return 1;
	return 0;
}

void
meeting_free(struct meeting *m)
{
	for (size_t i = 0; i < m->n; i++)
		free(m->v[i].stays);
	for (size_t i = 0; i < m->nblocks; i++)
		free(m->blocks[i]);
	free(m->blocks);
	free(m->v);
	free(m->slots);
	sb_free(&m->problems);
	memset(m, 0, sizeof *m);
}
