/* SPDX-License-Identifier: Apache-2.0 */
/* util.c - memory, strings and error reporting shared by every module. */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "showup/util.h"

void
su_err_setf(su_err *e, const char *fmt, ...)
{
	va_list ap;

	if (e == NULL)
		return;
	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof e->msg, fmt, ap);
	va_end(ap);
}

static void
out_of_memory(size_t n)
{
	fprintf(stderr, "showup: out of memory (%zu bytes)\n", n);
	abort();
}

void *
xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (p == NULL)
		out_of_memory(n);
	return p;
}

void *
xcalloc(size_t count, size_t size)
{
	void *p = calloc(count ? count : 1, size ? size : 1);

	if (p == NULL)
		out_of_memory(count * size);
	return p;
}

void *
xcalloc_filled(size_t count, size_t size)
{
	void *p = xcalloc(count, size);
#ifdef MADV_POPULATE_WRITE
	size_t n = (count ? count : 1) * (size ? size : 1);
	long page = sysconf(_SC_PAGESIZE);

	if (page > 0 && n >= FILLED_MIN) {
		uintptr_t from = ((uintptr_t)p + (uintptr_t)page - 1) & ~((uintptr_t)page - 1);
		uintptr_t to = ((uintptr_t)p + n) & ~((uintptr_t)page - 1);

		if (to > from)
			(void)madvise((void *)from, to - from, MADV_POPULATE_WRITE);
	}
#endif
	return p;
}

void *
xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);

	if (q == NULL)
		out_of_memory(n);
	return q;
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *
xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
xasprintf(const char *fmt, ...)
{
	struct strbuf sb = STRBUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	sb_vaddf(&sb, fmt, ap);
	va_end(ap);
	return sb_detach(&sb);
}

void
sb_grow(struct strbuf *sb, size_t extra)
{
	size_t need = sb->len + extra + 1;

	if (need <= sb->cap)
		return;
	if (sb->cap == 0)
		sb->cap = 64;
	while (sb->cap < need)
		sb->cap *= 2;
	sb->buf = xrealloc(sb->buf, sb->cap);
}

void
sb_add(struct strbuf *sb, const char *data, size_t n)
{
	sb_grow(sb, n);
	if (n > 0)
		memcpy(sb->buf + sb->len, data, n);
	sb->len += n;
	sb->buf[sb->len] = '\0';
}

void
sb_addz(struct strbuf *sb, const char *data, size_t n)
{
	sb_grow(sb, n + 1);
	if (n > 0)
		memcpy(sb->buf + sb->len, data, n);
	sb->len += n + 1;
	sb->buf[sb->len - 1] = sb->buf[sb->len] = '\0';
}

void
sb_adds(struct strbuf *sb, const char *s)
{
	sb_add(sb, s, strlen(s));
}

void
sb_addc(struct strbuf *sb, char c)
{
	sb_add(sb, &c, 1);
}

void
sb_vaddf(struct strbuf *sb, const char *fmt, va_list ap)
{
	va_list cp;
	int n;

	va_copy(cp, ap);
	n = vsnprintf(NULL, 0, fmt, cp);
	va_end(cp);
	if (n < 0)
		return;
	sb_grow(sb, (size_t)n);
	vsnprintf(sb->buf + sb->len, (size_t)n + 1, fmt, ap);
	sb->len += (size_t)n;
}

void
sb_addf(struct strbuf *sb, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	sb_vaddf(sb, fmt, ap);
	va_end(ap);
}

void
sb_reset(struct strbuf *sb)
{
	sb->len = 0;
	if (sb->buf != NULL)
		sb->buf[0] = '\0';
}

char *
sb_detach(struct strbuf *sb)
{
	char *p = sb->buf ? sb->buf : xstrdup("");

	sb->buf = NULL;
	sb->len = sb->cap = 0;
	return p;
}

void
sb_free(struct strbuf *sb)
{
	free(sb->buf);
	sb->buf = NULL;
	sb->len = sb->cap = 0;
}

const char *
sb_str(const struct strbuf *sb)
{
	return sb->buf ? sb->buf : "";
}

char *
str_trim(char *s)
{
	char *end;

	while (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
		s++;
	end = s + strlen(s);
	while (end > s && (end[-1] == ' ' || end[-1] == '\t' ||
	    end[-1] == '\r' || end[-1] == '\n'))
		*--end = '\0';
	return s;
}

char *
str_squeeze_space(char *s)
{
	char *out = s;
	int in_space = 0;

	for (const char *in = s; *in; in++) {
		int space = *in == ' ' || *in == '\t' || *in == '\r' || *in == '\n';

		if (space && in_space)
			continue;
		*out++ = space ? ' ' : *in;
		in_space = space;
	}
	*out = '\0';
	return s;
}

int
str_ieq(const char *a, const char *b)
{
	if (strcmp(a, b) == 0)	/* most often the very same bytes, which libc compares fast */
		return 1;
	for (; *a && *b; a++, b++) {
		unsigned char ca = (unsigned char)*a, cb = (unsigned char)*b;
		if (ca >= 'A' && ca <= 'Z')
			ca += 32;
		if (cb >= 'A' && cb <= 'Z')
			cb += 32;
		if (ca != cb)
			return 0;
	}
	return *a == *b;
}

size_t
utf8_valid_prefix(const char *str, size_t n)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0;

	while (i < n) {
		unsigned char c = s[i];
		size_t len;
		uint32_t cp;

		if (c < 0x80) {
			i++;
			continue;
		} else if ((c & 0xe0) == 0xc0) {
			len = 2;
			cp = c & 0x1f;
		} else if ((c & 0xf0) == 0xe0) {
			len = 3;
			cp = c & 0x0f;
		} else if ((c & 0xf8) == 0xf0) {
			len = 4;
			cp = c & 0x07;
		} else
			return i;
		if (i + len > n)
			return i;
		for (size_t k = 1; k < len; k++) {
			if ((s[i + k] & 0xc0) != 0x80)
				return i;
			cp = (cp << 6) | (s[i + k] & 0x3f);
		}
		if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) ||
		    (len == 4 && (cp < 0x10000 || cp > 0x10ffff)) ||
		    (cp >= 0xd800 && cp <= 0xdfff))
			return i;
		i += len;
	}
	return n;
}

int
utf8_valid(const char *s, size_t n)
{
	return utf8_valid_prefix(s, n) == n;
}

/* Latin letters with accents (U+00C0 to U+017F) as their plain lower-case letter. */
static const char latin_folds[] =
	"aaaaaaaceeeeiiiidnooooo ouuuuyts"	/* C0-DF */
	"aaaaaaaceeeeiiiidnooooo ouuuuyty"	/* E0-FF */
	"aaaaaaccccccccddddeeeeeeeeeegggg"	/* 100-11F */
	"gggghhhhiiiiiiiiiijjjjkkklllllll"	/* 120-13F */
	"lllnnnnnnnnnoooooooorrrrrrssssss"	/* 140-15F */
	"ssttttttuuuuuuuuuuuuwwyyyzzzzzzs";	/* 160-17F */

char
latin_fold(unsigned int cp)
{
	if (cp < 0xc0 || cp > 0x17f || latin_folds[cp - 0xc0] == ' ')
		return 0;
	return latin_folds[cp - 0xc0];
}

size_t
utf8_decode(const unsigned char *s, unsigned int *cp)
{
	size_t len, i;

	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	} else if ((s[0] & 0xe0) == 0xc0) {
		len = 2;
		*cp = s[0] & 0x1f;
	} else if ((s[0] & 0xf0) == 0xe0) {
		len = 3;
		*cp = s[0] & 0x0f;
	} else if ((s[0] & 0xf8) == 0xf0) {
		len = 4;
		*cp = s[0] & 0x07;
	} else {
		*cp = 0xfffd;
		return 1;
	}
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80) {
			*cp = 0xfffd;
			return 1;
		}
		*cp = (*cp << 6) | (s[i] & 0x3f);
	}
	return len;
}

size_t
utf8_length(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		n += ((unsigned char)*s & 0xc0) != 0x80;
	return n;
}

int
text_fits(const char *what, const char *s, size_t max, su_err *e)
{
	size_t n;

	if (s == NULL || strlen(s) <= max)	/* a byte count at most: no more characters */
		return 0;
	if ((n = utf8_length(s)) <= max)
		return 0;
	return su_err_set(e, "the %s is %zu characters long (at most %zu)", what, n, max);
}

int
slug_valid(const char *slug)
{
	size_t n = strlen(slug);

	if (n == 0 || n > 32 || slug[0] == '-')
		return 0;
	for (const char *p = slug; *p; p++)
		if (!(islower((unsigned char)*p) || isdigit((unsigned char)*p) ||
		    *p == '-'))
			return 0;
	return 1;
}

const char *
email_domain(const char *addr)
{
	const char *at = strrchr(addr, '@');

	return at ? at + 1 : "showup.invalid";
}

int
email_valid(const char *addr)
{
	const char *at = strrchr(addr, '@');
	const char *dot;

	if (at == NULL || at == addr || strlen(addr) > 254 || strchr(addr, '@') != at)
		return 0;
	for (const char *p = addr; *p; p++)
		if ((unsigned char)*p <= ' ' || *p == 0x7f || strchr("<>(),;:\"[]\\", *p))
			return 0;
	dot = strrchr(at, '.');
	return dot != NULL && dot > at + 1 && dot[1] != '\0';
}

/* Returns 1 if 's' holds a C0 control character or DEL other than a tab and, if 'lf', LF. */
static int
has_control(const char *s, int lf)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if ((c < 0x20 && c != '\t' && !(lf && c == '\n')) || c == 0x7f)
			return 1;
	}
	return 0;
}

int
note_has_control(const char *s)
{
	return has_control(s, 1);
}

char *
note_lines(const char *s)
{
	char *out = xmalloc(strlen(s) + 1), *o = out;

	for (; *s; s++)
		if (*s != '\r')
			*o++ = *s;
		else if (s[1] != '\n')
			*o++ = '\n';
	*o = '\0';
	return out;
}

int
str_has_control(const char *s)
{
	return has_control(s, 0);
}

int
parse_int(const char *s, long long min, long long max, long long *out)
{
	char *end;
	long long v;

	if (s == NULL || *s == '\0')
		return -1;
	errno = 0;
	v = strtoll(s, &end, 10);
	if (errno != 0 || *end != '\0' || v < min || v > max)
		return -1;
	*out = v;
	return 0;
}

/* Returns the slot of 'id' in m: where it is, or the free slot where it would go. */
static size_t
idmap_slot(const struct idmap *m, int64_t id)
{
	size_t i = (size_t)((uint64_t)id * UINT64_C(0x9E3779B97F4A7C15) >> 7) & (m->cap - 1);

	while (m->keys[i] != 0 && m->keys[i] != id)
		i = (i + 1) & (m->cap - 1);
	return i;
}

/* Doubles m's table (64 slots at first), every entry moved over. */
static void
idmap_grow(struct idmap *m)
{
	struct idmap old = *m;

	m->cap = old.cap ? old.cap * 2 : 64;
	m->count = 0;
	m->keys = xcalloc(m->cap, sizeof *m->keys);
	m->values = xcalloc(m->cap, sizeof *m->values);
	for (size_t k = 0; k < old.cap; k++) {
		size_t i;

		if (old.keys[k] == 0)
			continue;
		i = idmap_slot(m, old.keys[k]);
		m->keys[i] = old.keys[k];
		m->values[i] = old.values[k];
		m->count++;
	}
	idmap_free(&old);
}

void
idmap_put(struct idmap *m, int64_t id, size_t value)
{
	size_t i;

	if ((m->count + 1) * 2 > m->cap)
		idmap_grow(m);
	i = idmap_slot(m, id);
	if (m->keys[i] == 0)
		m->count++;
	m->keys[i] = id;
	m->values[i] = value;
}

int
idmap_get(const struct idmap *m, int64_t id, size_t *value)
{
	size_t i;

	if (m->cap == 0)
		return 0;
	i = idmap_slot(m, id);
	if (m->keys[i] == 0)
		return 0;
	*value = m->values[i];
	return 1;
}

void
idmap_free(struct idmap *m)
{
	free(m->keys);
	free(m->values);
	m->keys = NULL;
	m->values = NULL;
	m->cap = m->count = 0;
}

/* Returns the 8 bytes of 'w' with their ASCII capitals in lower case, the rest as they were. */
static uint64_t
fold_word(uint64_t w)
{
	uint64_t low = w & UINT64_C(0x7f7f7f7f7f7f7f7f);
	uint64_t capital = (low + UINT64_C(0x3f3f3f3f3f3f3f3f)) &	/* 'A' and up */
	    ~(low + UINT64_C(0x2525252525252525)) &			/* not past 'Z' */
	    ~w & UINT64_C(0x8080808080808080);				/* ASCII */

	return w | capital >> 2;
}

/* Returns the hash of 's' ignoring ASCII case, read eight bytes at a time. */
static uint64_t
hash_folded(const char *s)
{
	size_t n = strlen(s);
	uint64_t h = UINT64_C(1469598103934665603) ^ n, w;

	for (; n >= 8; s += 8, n -= 8) {
		memcpy(&w, s, 8);
		h = (h ^ fold_word(w)) * UINT64_C(0x9e3779b97f4a7c15);
		h ^= h >> 29;
	}
	w = 0;
	memcpy(&w, s, n);
	h = (h ^ fold_word(w)) * UINT64_C(0x9e3779b97f4a7c15);
	h ^= h >> 32;
	h *= UINT64_C(0xbf58476d1ce4e5b9);
	return h ^ (h >> 29);
}

uint64_t
hash_str(const char *s, int fold)
{
	uint64_t h = UINT64_C(1469598103934665603);

	if (fold)
		return hash_folded(s);
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		h = (h ^ (uint64_t)c) * UINT64_C(1099511628211);
	}
	/* FNV's low bits hang on the low bits of the text: mix the high ones down */
	h ^= h >> 32;
	h *= UINT64_C(0xbf58476d1ce4e5b9);
	return h ^ (h >> 29);
}

/* Returns the slot of 'key' in m: where it is, or the free slot where it would go. */
static size_t
strmap_slot(const struct strmap *m, const char *key)
{
	size_t i = (size_t)hash_str(key, 1) & (m->cap - 1);

	while (m->keys[i] != NULL && !str_ieq(m->keys[i], key))
		i = (i + 1) & (m->cap - 1);
	return i;
}

/* Doubles m's table (64 slots at first), every entry (its key kept) moved over. */
static void
strmap_grow(struct strmap *m)
{
	struct strmap old = *m;

	m->cap = old.cap ? old.cap * 2 : 64;
	m->count = 0;
	m->keys = xcalloc(m->cap, sizeof *m->keys);
	m->values = xcalloc(m->cap, sizeof *m->values);
	for (size_t k = 0; k < old.cap; k++) {
		size_t i;

		if (old.keys[k] == NULL)
			continue;
		i = strmap_slot(m, old.keys[k]);
		m->keys[i] = old.keys[k];
		m->values[i] = old.values[k];
		m->count++;
	}
	free(old.keys);
	free(old.values);
}

void
strmap_put(struct strmap *m, const char *key, long value)
{
	size_t i;

	if ((m->count + 1) * 2 > m->cap)
		strmap_grow(m);
	i = strmap_slot(m, key);
	if (m->keys[i] == NULL) {
		m->keys[i] = xstrdup(key);
		m->count++;
	}
	m->values[i] = value;
}

int
strmap_get(const struct strmap *m, const char *key, long *value)
{
	size_t i;

	if (m->cap == 0)
		return 0;
	i = strmap_slot(m, key);
	if (m->keys[i] == NULL)
		return 0;
	*value = m->values[i];
	return 1;
}

void
strmap_free(struct strmap *m)
{
	for (size_t i = 0; i < m->cap; i++)
		free(m->keys[i]);
	free(m->keys);
	free(m->values);
	m->keys = NULL;
	m->values = NULL;
	m->cap = m->count = 0;
}

/* Returns the slot of 's' in p: where its id is, or the free slot where it would go. */
static size_t
strpool_slot(const struct strpool *p, const char *s)
{
	size_t i = (size_t)hash_str(s, 0) & (p->nslots - 1);

	while (p->slots[i] != 0 && strcmp(p->text + p->offsets[p->slots[i] - 1], s) != 0)
		i = (i + 1) & (p->nslots - 1);
	return i;
}

/* Doubles the hash table of p (64 slots to start with) and puts every id back in it. */
static void
strpool_grow(struct strpool *p)
{
	size_t n = p->nslots ? p->nslots * 2 : 64;

	free(p->slots);
	p->slots = xcalloc(n, sizeof *p->slots);
	p->nslots = n;
	for (uint32_t id = 0; id < p->count; id++)
		p->slots[strpool_slot(p, p->text + p->offsets[id])] = id + 1;
}

/* Appends 's' as the next id, without looking for it; returns the id. */
static uint32_t
strpool_append(struct strpool *p, const char *s)
{
	size_t n = strlen(s) + 1;

	if (p->count == p->capids) {
		p->capids = p->capids ? p->capids * 2 : 16;
		p->offsets = xrealloc(p->offsets, p->capids * sizeof *p->offsets);
	}
	while (p->len + n > p->cap) {
		p->cap = p->cap ? p->cap * 2 : 256;
		p->text = xrealloc(p->text, p->cap);
	}
	memcpy(p->text + p->len, s, n);
	p->offsets[p->count] = p->len;
	p->len += n;
	return p->count++;
}

uint32_t
strpool_intern(struct strpool *p, const char *s)
{
	size_t i;

	if (*s == '\0')
		return 0;
	if (p->count == 0)
		strpool_append(p, "");
	if ((size_t)(p->count + 1) * 2 > p->nslots)
		strpool_grow(p);
	i = strpool_slot(p, s);
	if (p->slots[i] == 0)
		p->slots[i] = strpool_append(p, s) + 1;
	return p->slots[i] - 1;
}

const char *
strpool_str(const struct strpool *p, uint32_t id)
{
	return id < p->count ? p->text + p->offsets[id] : "";
}

void
strpool_free(struct strpool *p)
{
	free(p->text);
	free(p->offsets);
	free(p->slots);
	memset(p, 0, sizeof *p);
}

int
make_parent_dirs(const char *path, su_err *e)
{
	char *dir = xstrdup(path);
	int rc = 0;

	for (char *p = dir + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(dir, 0700) < 0 && errno != EEXIST) {
			rc = su_err_set(e, "cannot create folder '%s': %s", dir,
			    strerror(errno));
			break;
		}
		*p = '/';
	}
	free(dir);
	return rc;
}

char *
file_read_all(const char *path, size_t max, size_t *len, su_err *e)
{
	FILE *f = fopen(path, "rb");
	struct strbuf sb = STRBUF_INIT;
	char buf[65536];
	size_t n;

	if (f == NULL) {
		su_err_set(e, "cannot open '%s': %s", path, strerror(errno));
		return NULL;
	}
	while ((n = fread(buf, 1, sizeof buf, f)) > 0 && sb.len <= max)
		sb_add(&sb, buf, n);
	if (ferror(f) || sb.len > max) {
		su_err_set(e, ferror(f) ? "cannot read '%s'" : "'%s' is too big", path);
		fclose(f);
		sb_free(&sb);
		return NULL;
	}
	fclose(f);
	*len = sb.len;
	return sb_detach(&sb);
}

int
edit_distance(const char *a, const char *b)
{
	size_t n = strlen(a), m = strlen(b);
	int d[24][24];

	if (n > 22 || m > 22)
		return 9;
	for (size_t i = 0; i <= n; i++)
		d[i][0] = (int)i;
	for (size_t j = 0; j <= m; j++)
		d[0][j] = (int)j;
	for (size_t i = 1; i <= n; i++) {
		for (size_t j = 1; j <= m; j++) {
			int cost = a[i - 1] != b[j - 1];
			int best = d[i - 1][j] + 1;

			if (d[i][j - 1] + 1 < best)
				best = d[i][j - 1] + 1;
			if (d[i - 1][j - 1] + cost < best)
				best = d[i - 1][j - 1] + cost;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
			    d[i - 2][j - 2] + 1 < best)
				best = d[i - 2][j - 2] + 1;
			d[i][j] = best;
		}
	}
	return d[n][m];
}
