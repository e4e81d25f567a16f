/* SPDX-License-Identifier: Apache-2.0 */
/* util.h - memory, strings and error reporting shared by every module. */
#ifndef SHOWUP_UTIL_H
#define SHOWUP_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* An error message filled by a core function that failed; empty when none. */
typedef struct su_err {
	char msg[1024];
} su_err;

/* Sets the message of 'e' (if not NULL) printf-style. */
void su_err_setf(su_err *e, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/*
 * Sets the message of 'e' (if not NULL) printf-style; always -1. A macro, so
 * that every caller (and the static analyser) sees the -1.
 */
#define su_err_set(...) __extension__ ({ su_err_setf(__VA_ARGS__); -1; })

/* Allocation that never returns NULL: out of memory ends the program. */
void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t size);
/* As xcalloc, for a large block the caller will fill whole: its pages are
 * mapped in one call, not a fault at a time (a fault costs dearly in a VM). */
void *xcalloc_filled(size_t count, size_t size);
#define FILLED_MIN (256 * 1024)	/* smaller blocks come from the heap, mostly mapped */
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* A growable byte string, always NUL-terminated once anything is added. */
struct strbuf {
	char *buf;
	size_t len;
	size_t cap;
};
#define STRBUF_INIT { NULL, 0, 0 }

void sb_grow(struct strbuf *sb, size_t extra);
void sb_add(struct strbuf *sb, const char *data, size_t n);
void sb_adds(struct strbuf *sb, const char *s);
void sb_addc(struct strbuf *sb, char c);
/* Appends n bytes and a NUL, both counted in len: strings packed one after another. */
void sb_addz(struct strbuf *sb, const char *data, size_t n);
void sb_addf(struct strbuf *sb, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void sb_vaddf(struct strbuf *sb, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));
void sb_reset(struct strbuf *sb);
/* Returns the buffer (never NULL, "" when empty); the caller frees it. */
char *sb_detach(struct strbuf *sb);
void sb_free(struct strbuf *sb);
/* Returns the contents, "" when nothing was added; owned by 'sb'. */
const char *sb_str(const struct strbuf *sb);

/* Returns s without leading and trailing ASCII white space, in place. */
char *str_trim(char *s);
/* Turns every run of spaces, tabs and line breaks in s into one space, in place; returns s. */
char *str_squeeze_space(char *s);
/* Returns 1 if a and b are equal ignoring ASCII case. */
int str_ieq(const char *a, const char *b);
/* Returns 1 if 's' is valid UTF-8 of 'n' bytes. */
int utf8_valid(const char *s, size_t n);
/* Returns how many leading bytes of 's' (of 'n') are whole, valid UTF-8 characters. */
size_t utf8_valid_prefix(const char *s, size_t n);
/*
 * Decodes the UTF-8 character at 's' (NUL-terminated) into *cp and returns its
 * length; a byte that starts no character is 1 long, read as U+FFFD.
 */
size_t utf8_decode(const unsigned char *s, unsigned int *cp);
/* Returns the plain lower-case ASCII letter of an accented Latin letter (U+00C0 to
 * U+017F: 'é' 'e', 'Ł' 'l'), or 0 for any other code point. */
char latin_fold(unsigned int cp);
/* Returns the number of characters (code points) of UTF-8 's'. */
size_t utf8_length(const char *s);
/*
 * Checks that text 's' (NULL counts as "") has at most 'max' characters;
 * 0, or -1 with "the name is 10485760 characters long (at most 200)" in 'e'.
 */
int text_fits(const char *what, const char *s, size_t max, su_err *e);
/* Returns 1 if 's' holds a C0 control character other than TAB (CR, LF, NUL...). */
int str_has_control(const char *s);
/* Returns 1 if note 's' holds a control character other than a tab or a line break (LF). */
int note_has_control(const char *s);
/* Returns a copy of 's' with its line breaks as LF (CRLF and CR, as forms send them). */
char *note_lines(const char *s);

/* Returns 1 for a slug of 1-32 lower-case letters, digits and dashes, starting with a letter or digit. */
int slug_valid(const char *slug);
/* Returns 1 if 'addr' looks like an e-mail address (local@domain.tld, no spaces or controls). */
int email_valid(const char *addr);
/* Returns the domain of an address ("example.com"), or "showup.invalid" without one: for ids. */
const char *email_domain(const char *addr);
/* Reads a whole file of at most 'max' bytes (NUL-terminated); NULL with 'e' set. */
char *file_read_all(const char *path, size_t max, size_t *len, su_err *e);
/* Creates every missing folder above 'path' (mode 0700); 0 or -1 with 'e' set. */
int make_parent_dirs(const char *path, su_err *e);

/* Returns the edit distance (with transpositions) of two short words, capped at 9. */
int edit_distance(const char *a, const char *b);

/* Parses a whole decimal integer into *out; 0 on success, -1 if not one. */
int parse_int(const char *s, long long min, long long max, long long *out);



/* A map from database ids to small indexes (open addressing). */
struct idmap {
	int64_t *keys;		/* 0 marks a free slot: ids are positive */
	size_t *values;
	size_t cap;
	size_t count;
};
#define IDMAP_INIT { NULL, NULL, 0, 0 }

/* Sets id -> value (id > 0). */
void idmap_put(struct idmap *m, int64_t id, size_t value);
/* Returns 1 and sets *value if id is present, else 0. */
int idmap_get(const struct idmap *m, int64_t id, size_t *value);

/* Returns a hash of 's' (FNV-1a, the high bits mixed down); ignoring ASCII case if 'fold'
 * (then a word at a time: the hashes of the two kinds differ). */
uint64_t hash_str(const char *s, int fold);
void idmap_free(struct idmap *m);

/* A map from strings (compared without ASCII case) to numbers, for small lookups. */
struct strmap {
	char **keys;
	long *values;
	size_t cap;
	size_t count;
};
#define STRMAP_INIT { NULL, NULL, 0, 0 }

/* Sets key -> value (the key is copied). */
void strmap_put(struct strmap *m, const char *key, long value);
/* Returns 1 and sets *value if the key is present, else 0. */
int strmap_get(const struct strmap *m, const char *key, long *value);
void strmap_free(struct strmap *m);

/*
 * Interned strings: one copy of each distinct string, named by a number; 0 is
 * always "". A string's pointer holds until the next string is interned.
 */
struct strpool {
	char *text;		/* the strings one after another, each NUL-terminated */
	size_t len, cap;
	size_t *offsets;	/* id -> offset in text */
	uint32_t count, capids;
	uint32_t *slots;	/* open addressing: id + 1, 0 free */
	size_t nslots;
};
#define STRPOOL_INIT { NULL, 0, 0, NULL, 0, 0, NULL, 0 }

/* Returns the id of 's' (copied the first time it is seen). */
uint32_t strpool_intern(struct strpool *p, const char *s);
/* Returns the string of 'id' ("" for an id never given). */
const char *strpool_str(const struct strpool *p, uint32_t id);
void strpool_free(struct strpool *p);

#endif
