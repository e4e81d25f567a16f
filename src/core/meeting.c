/* meeting.c - Zoom participant exports and Teams attendance reports: read, checked row
 * by row, and merged into one stay per person. */
#include "config.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "showup/csvio.h"
#include "showup/meeting.h"
#include "showup/timeutil.h"

#define MAX_STAY (24 * 3600)	/* one join longer than a day is a bad row */

const char *
meeting_format_name(enum meeting_format f)
{
	return f == MEETING_TEAMS ? "teams" : f == MEETING_ZOOM ? "zoom" : "auto";
}

/* Appends code point cp to sb as UTF-8. */
static void
put_utf8(struct strbuf *sb, unsigned int cp)
{
	char b[4];
	size_t n;

	if (cp < 0x80) {
		b[0] = (char)cp;
		n = 1;
	} else if (cp < 0x800) {
		b[0] = (char)(0xc0 | cp >> 6);
		b[1] = (char)(0x80 | (cp & 0x3f));
		n = 2;
	} else if (cp < 0x10000) {
		b[0] = (char)(0xe0 | cp >> 12);
		b[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		b[2] = (char)(0x80 | (cp & 0x3f));
		n = 3;
	} else {
		b[0] = (char)(0xf0 | cp >> 18);
		b[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
		b[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
		b[3] = (char)(0x80 | (cp & 0x3f));
		n = 4;
	}
	sb_add(sb, b, n);
}

/* Turns UTF-16 (after its BOM; 'big' for big-endian) into UTF-8; lone surrogates become U+FFFD. */
static void
utf16_to_utf8(const unsigned char *d, size_t len, int big, struct strbuf *out)
{
	for (size_t i = 0; i + 1 < len; i += 2) {
		unsigned int u = big ? (unsigned)(d[i] << 8 | d[i + 1])
		    : (unsigned)(d[i] | d[i + 1] << 8);

		if (u >= 0xd800 && u < 0xdc00 && i + 3 < len) {
			unsigned int lo = big ? (unsigned)(d[i + 2] << 8 | d[i + 3])
			    : (unsigned)(d[i + 2] | d[i + 3] << 8);

			if (lo >= 0xdc00 && lo < 0xe000) {
				put_utf8(out, 0x10000 + ((u - 0xd800) << 10) + (lo - 0xdc00));
				i += 2;
				continue;
			}
		}
		put_utf8(out, u >= 0xd800 && u < 0xe000 ? 0xfffd : u);
	}
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

int
meeting_duration_parse(const char *text, int64_t *seconds)
{
	int64_t total = 0;
	int any = 0, digits;

	while (*text == ' ')
		text++;
	if (*text == '\0')
		return -1;
	while (*text) {
		int v = read_number(&text, &digits);

		if (digits == 0)
			return -1;
		while (*text == ' ')
			text++;
		if (*text == 'h')
			total += (int64_t)v * 3600;
		else if (*text == 'm')
			total += (int64_t)v * 60;
		else if (*text == 's')
			total += v;
		else if (*text == '\0' && !any)
			return (*seconds = (int64_t)v * 60), 0;	/* a plain number: minutes */
		else
			return -1;
		text++;
		while (isalpha((unsigned char)*text))	/* "min", "sec", "hrs" */
			text++;
		while (*text == ' ')
			text++;
		any = 1;
	}
	*seconds = total;
	return 0;
}

/* Latin letters with accents (U+00C0 to U+017F) as their plain lower-case letter. */
static const char latin_folds[] =
	"aaaaaaaceeeeiiiidnooooo ouuuuyts"	/* C0-DF */
	"aaaaaaaceeeeiiiidnooooo ouuuuyty"	/* E0-FF */
	"aaaaaaccccccccddddeeeeeeeeeegggg"	/* 100-11F */
	"gggghhhhiiiiiiiiiijjjjkkklllllll"	/* 120-13F */
	"lllnnnnnnnnnoooooooorrrrrrssssss"	/* 140-15F */
	"ssttttttuuuuuuuuuuuuwwyyyzzzzzzs";	/* 160-17F */

/* Decodes one UTF-8 sequence at s into *cp; returns its length (1 for a stray byte). */
static size_t
decode(const unsigned char *s, unsigned int *cp)
{
	size_t len = *s < 0x80 ? 1 : *s < 0xe0 ? 2 : *s < 0xf0 ? 3 : 4;

	*cp = len == 1 ? *s : (unsigned)(*s & (0x3f >> (len - 1)));
	for (size_t k = 1; k < len; k++) {
		if ((s[k] & 0xc0) != 0x80) {
			*cp = *s;
			return 1;
		}
		*cp = *cp << 6 | (s[k] & 0x3f);
	}
	return len;
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
		size_t len = decode(s, &cp);

		if (cp == ' ' || cp == '\t' || cp == '.' || cp == ',' || cp == '-' || cp == '_') {
			space = out->len > 0;
		} else {
			if (space)
				sb_addc(out, ' ');
			space = 0;
			if (cp >= 0xc0 && cp <= 0x17f && latin_folds[cp - 0xc0] != ' ')
				sb_addc(out, latin_folds[cp - 0xc0]);
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

/* The columns a participant row is read by. */
enum { M_NAME, M_EMAIL, M_JOIN, M_LEAVE, M_DURATION, M_ROLE, M_NCOLS };

static const char *const zoom_names[M_NCOLS][4] = {
	[M_NAME] = { "nameoriginalname", "name", "participant", NULL },
	[M_EMAIL] = { "useremail", "email", NULL },
	[M_JOIN] = { "jointime", NULL },
	[M_LEAVE] = { "leavetime", NULL },
	[M_DURATION] = { "durationminutes", "duration", NULL },
	[M_ROLE] = { "role", NULL },
};
static const char *const teams_names[M_NCOLS][4] = {
	[M_NAME] = { "name", "fullname", NULL },
	[M_EMAIL] = { "email", "participantidupn", NULL },
	[M_JOIN] = { "firstjoin", "jointime", NULL },
	[M_LEAVE] = { "lastleave", "leavetime", NULL },
	[M_DURATION] = { "inmeetingduration", "duration", NULL },
	[M_ROLE] = { "role", NULL },
};

/* Maps the current record as a header; returns 1 if it has join and leave columns. */
static int
map_columns(struct csv_reader *r, const char *const names[M_NCOLS][4], int *index)
{
	for (int k = 0; k < M_NCOLS; k++)
		index[k] = -1;
	for (size_t f = 0; f < csvr_count(r); f++) {
		char key[64];

		csv_header_key(csvr_field(r, f), key, sizeof key);
		for (int k = 0; k < M_NCOLS; k++)
			for (int n = 0; names[k][n] != NULL; n++)
				if (index[k] < 0 && strcmp(key, names[k][n]) == 0)
					index[k] = (int)f;
	}
	return index[M_JOIN] >= 0 && index[M_LEAVE] >= 0 && index[M_NAME] >= 0;
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

/* Finds the attendee a row belongs to (by e-mail, else by name), adding one if new. */
static struct meeting_attendee *
attendee_for(struct meeting *m, const char *name, const char *email, long line)
{
	char *key = *email ? xstrdup(email) : xasprintf("\001%s", name);	/* no address has 1 */
	struct meeting_attendee *a;
	long at;

	if (strmap_get(&m->by_key, key, &at)) {
		free(key);
		return &m->v[at];
	}
	if ((m->n & (m->n - 1)) == 0)	/* 0, 1, 2, 4...: double */
		m->v = xrealloc(m->v, (m->n ? m->n * 2 : 1) * sizeof *m->v);
	strmap_put(&m->by_key, key, (long)m->n);
	free(key);
	a = &m->v[m->n++];
	memset(a, 0, sizeof *a);
	a->name = xstrdup(name);
	a->email = xstrdup(email);
	a->line = line;
	return a;
}

/* Returns 1 if 'text' reads as a time day first and month first alike: an order must settle it. */
static int
order_needed(const char *text)
{
	return time_orders_possible(text) == (1u << DATE_ORDER_DMY | 1u << DATE_ORDER_MDY);
}

/* Reads time column k of the row; 0, or -1 with the row noted as bad. */
static int
read_time(struct meeting *m, struct csv_reader *r, const int *index, int k,
    enum date_order order, const char *tz, int64_t *out)
{
	struct strbuf cell = STRBUF_INIT;
	int rc = time_parse(column(r, index, k, &cell), order, tz, out, NULL);

	if (rc < 0 && order_needed(cell.buf)) {
		m->order_needed = 1;
		bad_row(m, csvr_name(r), csvr_line(r), "'%s': day/month or month/day? "
		    "(the report's dates can be read both ways)", cell.buf);
	} else if (rc < 0)
		bad_row(m, csvr_name(r), csvr_line(r), "'%s' is not a time I can read",
		    cell.buf);
	sb_free(&cell);
	return rc;
}

/* Reads one participant row into its attendee; a bad row is noted, not added. */
static void
read_row(struct meeting *m, struct csv_reader *r, const int *index, enum date_order order,
    const char *tz, const char *host_email)
{
	struct strbuf name = STRBUF_INIT, email = STRBUF_INIT, cell = STRBUF_INIT;
	const char *fname = csvr_name(r);
	long line = csvr_line(r);
	int64_t join, leave, seconds = -1;
	struct meeting_attendee *a;
	const char *role;

	column(r, index, M_NAME, &name);
	column(r, index, M_EMAIL, &email);
	m->rows++;
	if (csvr_problem(r) != NULL) {
		bad_row(m, fname, line, "%s", csvr_problem(r));
		goto done;
	}
	if (*name.buf == '\0' && *email.buf == '\0') {
		bad_row(m, fname, line, "%s", "no name and no e-mail address");
		goto done;
	}
	if (read_time(m, r, index, M_JOIN, order, tz, &join) < 0 ||
	    read_time(m, r, index, M_LEAVE, order, tz, &leave) < 0)
		goto done;
	if (leave < join) {
		bad_row(m, fname, line, "%s", "the leave time comes before the join time");
		goto done;
	}
	if (index[M_DURATION] >= 0 && *column(r, index, M_DURATION, &cell) &&
	    meeting_duration_parse(cell.buf, &seconds) < 0) {
		bad_row(m, fname, line, "'%s' is not a duration", cell.buf);
		goto done;
	}
	if (seconds < 0)
		seconds = leave - join;
	if (seconds > MAX_STAY || leave - join > MAX_STAY) {
		bad_row(m, fname, line, "%s", "a stay of more than a day");
		goto done;
	}
	a = attendee_for(m, name.buf, email.buf, line);
	if (a->joins == 0 || join < a->first_join)
		a->first_join = join;
	if (a->joins == 0 || leave > a->last_leave)
		a->last_leave = leave;
	if ((a->joins & (a->joins - 1)) == 0)	/* 0, 1, 2, 4...: double */
		a->stays = xrealloc(a->stays, (size_t)(a->joins ? a->joins * 2 : 1) *
		    sizeof *a->stays);
	a->stays[a->joins] = (struct meeting_stay){ join, leave, (int)seconds };
	a->minutes += (int)((seconds + 30) / 60);
	if (a->minutes > MAX_STAY / 60 * 100)	/* a hundred days of rows: enough */
		a->minutes = MAX_STAY / 60 * 100;
	a->joins++;
	role = column(r, index, M_ROLE, &cell);
	if (strcasecmp(role, "organizer") == 0 || strcasecmp(role, "organiser") == 0 ||
	    strcasecmp(role, "host") == 0 || (*email.buf && host_email && *host_email &&
	    str_ieq(email.buf, host_email)))
		a->organiser = 1;
done:
	sb_free(&name);
	sb_free(&email);
	sb_free(&cell);
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

/* Returns 1 if the current record is a Teams section title ("2. Participants"). */
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

/* In the first pass: notes the date order the row's join and leave times show. */
static void
sniff_row(struct csv_reader *r, const int *index, enum date_order *sniffed)
{
	struct strbuf cell = STRBUF_INIT;

	if (*sniffed == DATE_ORDER_UNKNOWN)
		*sniffed = order_shown(column(r, index, M_JOIN, &cell));
	if (*sniffed == DATE_ORDER_UNKNOWN)
		*sniffed = order_shown(column(r, index, M_LEAVE, &cell));
	sb_free(&cell);
}

/*
 * Reads the records of a converted report; 0, or -1 with 'e' set. With
 * 'sniffed' (a first pass), only notes the date order the times show.
 */
static int
read_records(struct meeting *m, const char *text, size_t len, const char *name,
    enum date_order order, const char *tz, enum date_order *sniffed, su_err *e)
{
	struct csv_reader *r = csvr_open_mem(text, len, name);
	const char *const (*names)[4] = m->format == MEETING_TEAMS ? teams_names : zoom_names;
	struct strbuf host = STRBUF_INIT;
	int index[M_NCOLS], mapped = 0, section = 0, rc;

	if (m->format == MEETING_TEAMS)
		csvr_set_delimiter(r, '\t');
	while ((rc = csvr_next(r, e)) == 1) {
		if (m->format == MEETING_TEAMS && section_title(r, &section)) {
			mapped = 0;
			continue;
		}
		if (m->format == MEETING_TEAMS && section != 0 && section != 2)
			continue;
		if (m->format == MEETING_ZOOM && !mapped) {
			int meeting_index[M_NCOLS];
			static const char *const meeting_names[M_NCOLS][4] = {
				[M_EMAIL] = { "useremail", NULL },
				[M_NAME] = { "meetingid", NULL }, [M_JOIN] = { "starttime", NULL },
				[M_LEAVE] = { "endtime", NULL },
			};

			if (map_columns(r, meeting_names, meeting_index) &&
			    (rc = csvr_next(r, e)) == 1) {	/* the meeting block's values */
				column(r, meeting_index, M_EMAIL, &host);
				continue;
			}
			if (rc < 0)
				break;
		}
		if (!mapped) {
			mapped = map_columns(r, names, index);
			continue;
		}
		if (filled_fields(r) == 0)	/* a blank row, maybe padded with separators */
			continue;
		if (sniffed != NULL)
			sniff_row(r, index, sniffed);
		else
			read_row(m, r, index, order, tz, host.buf);
	}
	csvr_close(r);
	sb_free(&host);
	if (rc < 0)
		return -1;
	if (sniffed == NULL && m->rows == 0 && m->bad_rows == 0)
		return su_err_set(e, "%s: no participant rows found in this %s report", name,
		    meeting_format_name(m->format));
	return 0;
}

int
meeting_parse(const char *data, size_t len, const char *name, enum meeting_format format,
    enum date_order order, const char *tz, struct meeting *out, su_err *e)
{
	const unsigned char *d = (const unsigned char *)data;
	struct strbuf text = STRBUF_INIT;
	int rc = -1;

	memset(out, 0, sizeof *out);
	if (len >= 2 && ((d[0] == 0xff && d[1] == 0xfe) || (d[0] == 0xfe && d[1] == 0xff)))
		utf16_to_utf8(d + 2, len - 2, d[0] == 0xfe, &text);
	else if (len >= 3 && memcmp(d, "\xef\xbb\xbf", 3) == 0)
		sb_add(&text, data + 3, len - 3);
	else
		sb_add(&text, data, len);
	sb_addc(&text, '\0');
	text.len--;
	if (!utf8_valid(text.buf, text.len)) {
		su_err_set(e, "%s: not UTF-8 or UTF-16 text", name);
		goto done;
	}
	if (format == MEETING_AUTO) {
		if (strstr(text.buf, "2. Participants") || strncmp(text.buf, "1. Summary", 10) == 0)
			format = MEETING_TEAMS;
		else if (strcasestr(text.buf, "Join Time") && strcasestr(text.buf, "Leave Time"))
			format = MEETING_ZOOM;
		else {
			su_err_set(e, "%s: not a meeting report I know (known: zoom participant "
			    "export, teams attendance report); it starts with '%.40s'", name,
			    text.buf);
			goto done;
		}
	}
	out->format = format;
	if (order == DATE_ORDER_UNKNOWN &&	/* what the join and leave times show */
	    read_records(out, text.buf, text.len, name, order, tz, &order, e) < 0)
		goto done;
	rc = read_records(out, text.buf, text.len, name, order, tz, NULL, e);
done:
	sb_free(&text);
	if (rc < 0)
		meeting_free(out);
	return rc;
}

/* Reads the report under 'order' into *m; returns 1 if it overlaps [from, to), 0 if not, -1. */
static int
fits_under(const char *data, size_t len, const char *name, enum meeting_format format,
    enum date_order order, const char *tz, int64_t from, int64_t to, struct meeting *m,
    su_err *e)
{
	if (meeting_parse(data, len, name, format, order, tz, m, e) < 0)
		return -1;
	return meeting_overlaps(m, from, to);
}

int
meeting_parse_for(const char *data, size_t len, const char *name,
    enum meeting_format format, enum date_order order, const char *tz, int64_t from,
    int64_t to, struct meeting *out, su_err *e)
{
	struct meeting dmy = { 0 }, mdy = { 0 };
	int fits_dmy, fits_mdy, rc = -1;
	char when[40];

	if (meeting_parse(data, len, name, format, order, tz, out, e) < 0)
		return -1;
	if (order != DATE_ORDER_UNKNOWN || !out->order_needed)
		return 0;
	if ((fits_dmy = fits_under(data, len, name, format, DATE_ORDER_DMY, tz, from, to,
	    &dmy, e)) < 0 || (fits_mdy = fits_under(data, len, name, format, DATE_ORDER_MDY,
	    tz, from, to, &mdy, e)) < 0)
		goto done;
	if (fits_dmy == fits_mdy) {
		su_err_set(e, "%s: its dates read both day first and month first, and %s the "
		    "session of %s; give --date-order dmy or mdy", name, fits_dmy ?
		    "both readings overlap" : "neither reading overlaps",
		    time_format_local(tz, from, when, sizeof when));
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
	if (rc < 0)
		meeting_free(out);
	return rc;
}

int
meeting_overlaps(const struct meeting *m, int64_t from, int64_t to)
{
	for (size_t i = 0; i < m->n; i++)
		for (int k = 0; k < m->v[i].joins; k++)
			if (m->v[i].stays[k].join < to && m->v[i].stays[k].leave > from)
				return 1;
	return 0;
}

void
meeting_free(struct meeting *m)
{
	for (size_t i = 0; i < m->n; i++) {
		free(m->v[i].name);
		free(m->v[i].email);
		free(m->v[i].stays);
	}
	free(m->v);
	sb_free(&m->problems);
	strmap_free(&m->by_key);
	memset(m, 0, sizeof *m);
}
