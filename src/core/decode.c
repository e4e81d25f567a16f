/* SPDX-License-Identifier: Apache-2.0 */
/* decode.c - a file's bytes to UTF-8: BOMs, UTF-16 sniffing, a Windows-1252 or -1250
 * fallback, iconv. */
#include "config.h"

#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>

#include "showup/decode.h"


enum decode_mode {
	MODE_SNIFF,	/* nothing seen yet */
	MODE_AUTO,	/* ASCII so far, no encoding named: UTF-8 or Windows-1252 */
	MODE_PASS,	/* UTF-8: handed on as it is (fields are checked when read) */
	MODE_ICONV,	/* converted by iconv */
	MODE_CP1252	/* the fallback, converted by its own table (iconv is 5x slower) */
};

struct decoder {
	char *named;		/* the encoding given, or NULL */
	const char *encoding;	/* the one in use, for messages */
	enum decode_mode mode;
	int guessed;
	int region_1250;	/* the reader's region writes Windows-1250 (a tie goes to it) */
	iconv_t cd;
	struct strbuf carry;	/* input held back: the start of a character, or of the file */
	struct strbuf out;	/* converted text */
};

/* Returns 1 if 'name' spells UTF-8. */
static int
is_utf8_name(const char *name)
{
	return str_ieq(name, "UTF-8") || str_ieq(name, "UTF8");
}

struct decoder *
decoder_new(const char *encoding, su_err *e)
{
	struct decoder *d = xcalloc(1, sizeof *d);

	d->cd = (iconv_t)-1;
	d->mode = MODE_SNIFF;
	d->encoding = "UTF-8";
	if (encoding == NULL || *encoding == '\0')
		return d;
	if (is_utf8_name(encoding)) {
		d->named = xstrdup("UTF-8");	/* named: no fallback; passed on as it is */
		return d;
	}
	d->cd = iconv_open("UTF-8", encoding);
	if (d->cd == (iconv_t)-1) {
		su_err_set(e, "unknown encoding '%s'", encoding);
		free(d);
		return NULL;
	}
	d->named = xstrdup(encoding);
	d->encoding = d->named;
	return d;
}

void
decoder_free(struct decoder *d)
{
	if (d == NULL)
		return;
	if (d->cd != (iconv_t)-1)
		iconv_close(d->cd);
	free(d->named);
	sb_free(&d->carry);
	sb_free(&d->out);
	free(d);
}

const char *
decoder_encoding(const struct decoder *d)
{
	return d->encoding;
}

int
decoder_guessed(const struct decoder *d)
{
	return d->guessed;
}

/* Switches to converting from 'encoding' (one iconv always has); 'label' names it. */
static void
use_iconv(struct decoder *d, const char *encoding, const char *label)
{
	d->cd = iconv_open("UTF-8", encoding);
	if (d->cd == (iconv_t)-1)
		abort();	/* glibc always has UTF-16 and Windows-1252 */
	d->encoding = label;
	d->mode = MODE_ICONV;
}

/*
 * Chooses the mode from the file's first bytes and returns how many of them
 * are a byte order mark to skip.
 */
static size_t
sniff(struct decoder *d, const unsigned char *s, size_t n)
{
	int utf8_bom = n >= 3 && s[0] == 0xef && s[1] == 0xbb && s[2] == 0xbf;

	if (d->named != NULL && d->cd == (iconv_t)-1) {
		d->mode = MODE_PASS;	/* UTF-8 named: its rows say what is not */
		return utf8_bom ? 3 : 0;
	}
	if (d->named != NULL) {
		d->mode = MODE_ICONV;
		return 0;
	}
	if (utf8_bom) {
		d->mode = MODE_PASS;
		return 3;
	}
	if (n < 2) {
		d->mode = MODE_AUTO;
		return 0;
	}
	if (s[0] == 0xff && s[1] == 0xfe) {
		use_iconv(d, "UTF-16LE", "UTF-16LE");
		return 2;
	}
	if (s[0] == 0xfe && s[1] == 0xff) {
		use_iconv(d, "UTF-16BE", "UTF-16BE");
		return 2;
	}
	if (n >= 4 && s[0] != 0 && s[1] == 0 && s[2] != 0 && s[3] == 0)
		use_iconv(d, "UTF-16LE", "UTF-16LE");
	else if (n >= 4 && s[0] == 0 && s[1] != 0 && s[2] == 0 && s[3] != 0)
		use_iconv(d, "UTF-16BE", "UTF-16BE");
	else
		d->mode = MODE_AUTO;
	return 0;
}

/* Returns the index of the first byte of 's' outside ASCII, or n. */
static size_t
first_non_ascii(const unsigned char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] >= 0x80)
			return i;
	return n;
}

/* Returns 1 if the 'n' bytes at 's' could be the start of one UTF-8 character. */
static int
incomplete_char(const unsigned char *s, size_t n)
{
	size_t want = (s[0] & 0xe0) == 0xc0 ? 2 : (s[0] & 0xf0) == 0xe0 ? 3
	    : (s[0] & 0xf8) == 0xf0 ? 4 : 0;

	if (want == 0 || n >= want)
		return 0;
	for (size_t i = 1; i < n; i++)
		if ((s[i] & 0xc0) != 0x80)
			return 0;
	return 1;
}

static iconv_t better_as_1250(struct decoder *d, const char *in, size_t n);

/*
 * Decides, on a block of a file that was ASCII so far, between UTF-8 and
 * Windows-1252 or Windows-1250, whichever reads more of it as letters. Returns how many bytes to hand on now (the rest, the start
 * of a character cut by the block's end, waits for the next block).
 */
static size_t
auto_block(struct decoder *d, const char *in, size_t n, int final)
{
	const unsigned char *s = (const unsigned char *)in;
	size_t first = first_non_ascii(s, n), valid;

	if (first == n)
		return n;
	valid = utf8_valid_prefix(in, n);
	if (valid == n) {
		d->mode = MODE_PASS;
		return n;
	}
	if (!final && n - valid < 4 && incomplete_char(s + valid, n - valid)) {
		if (first < valid)
			d->mode = MODE_PASS;
		return valid;
	}
	if (first < valid) {
		d->mode = MODE_PASS;	/* UTF-8 then something else: rows report it */
		return n;
	}
	d->cd = better_as_1250(d, in, n);
	d->mode = d->cd != (iconv_t)-1 ? MODE_ICONV : MODE_CP1252;
	d->encoding = d->cd != (iconv_t)-1 ? "Windows-1250" : "Windows-1252";
	d->guessed = 1;
	return 0;
}

/* Unicode code points of Windows-1252's bytes 0x80 to 0x9F (0 where it has none). */
static const unsigned short cp1252_high[32] = {
	0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021,
	0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
	0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
	0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
};

/* Appends code point 'cp' (below U+10000) to 'sb' as UTF-8. */
static void
put_utf8(struct strbuf *sb, unsigned int cp)
{
	if (cp < 0x80) {
		sb_addc(sb, (char)cp);
	} else if (cp < 0x800) {
		sb_addc(sb, (char)(0xc0 | cp >> 6));
		sb_addc(sb, (char)(0x80 | (cp & 0x3f)));
	} else {
		sb_addc(sb, (char)(0xe0 | cp >> 12));
		sb_addc(sb, (char)(0x80 | ((cp >> 6) & 0x3f)));
		sb_addc(sb, (char)(0x80 | (cp & 0x3f)));
	}
}

/*
 * Converts 'n' bytes of Windows-1252 into d->out: runs of ASCII copied whole,
 * the rest through the code page's table. 0, or -1 with 'e' set on one of the
 * five bytes the code page leaves undefined (d->out then holds what came before).
 */
static int
convert_cp1252(struct decoder *d, const unsigned char *in, size_t n, su_err *e)
{
	size_t i = 0;

	sb_reset(&d->out);
	sb_grow(&d->out, n + n / 8 + 16);
	while (i < n) {
		size_t run = first_non_ascii(in + i, n - i);
		unsigned int cp;

		sb_add(&d->out, (const char *)in + i, run);
		if ((i += run) == n)
			break;
		cp = in[i] >= 0xa0 ? in[i] : cp1252_high[in[i] - 0x80];
		if (cp == 0)
			return su_err_set(e, "byte 0x%02x is not %s text", in[i], d->encoding);
		put_utf8(&d->out, cp);
		i++;
	}
	return 0;
}

/* Returns how much UTF-8 's' of 'n' bytes reads as names and words: +1 for each character
 * outside ASCII that is a Latin letter, -1 for each other one ('£' '³' '¯' where Windows-1250
 * has 'Ł' 'ł' 'Ż'). */
static long
letter_fit(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + n;
	long fit = 0;

	while (p < end) {
		unsigned int cp;

		p += utf8_decode(p, &cp);
		if (cp >= 0x80)
			fit += cp >= 0xc0 && cp <= 0x24f && cp != 0xd7 && cp != 0xf7 ? 1 : -1;
	}
	return fit;
}

/*
 * Returns an iconv handle from Windows-1250 if the block 'in' of 'n' bytes
 * reads better in it than in Windows-1252, or as well in a region that writes
 * it; else (iconv_t)-1.
 */
static iconv_t
better_as_1250(struct decoder *d, const char *in, size_t n)
{
	iconv_t cd = iconv_open("UTF-8", "WINDOWS-1250");
	struct strbuf as1250 = STRBUF_INIT;
	char *ip = (char *)in, *op;
	size_t il = n, ol;
	long fit1250 = 0, fit1252 = 0;
	int ok = cd != (iconv_t)-1;

	if (ok) {
		sb_grow(&as1250, n * 3 + 16);
		op = as1250.buf;
		ol = as1250.cap - 1;
		ok = iconv(cd, &ip, &il, &op, &ol) != (size_t)-1;
		fit1250 = letter_fit(as1250.buf, (size_t)(op - as1250.buf));
	}
	if (ok && convert_cp1252(d, (const unsigned char *)in, n, NULL) == 0)
		fit1252 = letter_fit(d->out.buf, d->out.len);
	else if (ok)
		fit1252 = fit1250 - 1;	/* a byte Windows-1252 lacks */
	sb_free(&as1250);
	if (ok && (fit1250 > fit1252 || (fit1250 == fit1252 && d->region_1250)))
		return cd;
	if (cd != (iconv_t)-1)
		iconv_close(cd);
	return (iconv_t)-1;
}

void
decoder_set_region(struct decoder *d, const char *zone)
{
	static const char *const zones[] = { "Europe/Warsaw", "Europe/Prague",
		"Europe/Bratislava", "Europe/Budapest", "Europe/Ljubljana", "Europe/Zagreb",
		"Europe/Belgrade", "Europe/Sarajevo", "Europe/Podgorica", "Europe/Skopje",
		"Europe/Tirane", "Europe/Bucharest" };

	d->region_1250 = 0;
	for (size_t i = 0; zone != NULL && i < ARRAY_SIZE(zones); i++)
		if (strcmp(zone, zones[i]) == 0)
			d->region_1250 = 1;
}

/* Converts 'n' bytes with iconv into d->out, keeping a cut character; 0 or -1 with 'e'. */
static int
convert(struct decoder *d, const char *in, size_t n, int final, su_err *e)
{
	char *ip = (char *)in;
	size_t il = n;

	sb_reset(&d->out);
	for (;;) {
		char *op;
		size_t ol;

		sb_grow(&d->out, il * 3 + 16);
		op = d->out.buf + d->out.len;
		ol = d->out.cap - d->out.len - 1;
		if (iconv(d->cd, &ip, &il, &op, &ol) != (size_t)-1) {
			if (final)
				(void)iconv(d->cd, NULL, NULL, &op, &ol);
			d->out.len = (size_t)(op - d->out.buf);
			break;
		}
		d->out.len = (size_t)(op - d->out.buf);
		if (errno == E2BIG)
			continue;
		if (errno == EINVAL && !final) {
			sb_add(&d->carry, ip, il);
			return 0;
		}
		if (errno == EINVAL)
			return su_err_set(e, "the file ends inside a character");
		return su_err_set(e, "byte 0x%02x is not %s text", (unsigned char)*ip,
		    d->encoding);
	}
	return 0;
}

/* Takes what waits in d->carry in front of the new bytes; returns where the input now is. */
static const char *
join_carry(struct decoder *d, const char *in, size_t *len, struct strbuf *joined)
{
	if (d->carry.len == 0)
		return in;
	sb_add(joined, d->carry.buf, d->carry.len);
	sb_add(joined, in, *len);
	sb_reset(&d->carry);
	*len = joined->len;
	return joined->buf;
}

int
decoder_feed(struct decoder *d, const char *in, size_t len, int final,
    const char **out, size_t *outlen, su_err *e)
{
	struct strbuf joined = STRBUF_INIT;
	size_t skip, take;
	int rc = 0;

	in = join_carry(d, in, &len, &joined);
	*out = in;
	*outlen = 0;
	if (d->mode == MODE_SNIFF) {
		if (len < 4 && !final) {
			sb_add(&d->carry, in, len);
			goto done;
		}
		skip = sniff(d, (const unsigned char *)in, len);
		in += skip;
		len -= skip;
		*out = in;
	}
	if (d->mode == MODE_AUTO) {
		take = auto_block(d, in, len, final);
		if (d->mode == MODE_AUTO || d->mode == MODE_PASS) {
			sb_add(&d->carry, in + take, len - take);
			*outlen = take;
			goto done;
		}
	}
	if (d->mode == MODE_PASS) {
		*outlen = len;
		goto done;
	}
	if (d->mode == MODE_CP1252)
		rc = convert_cp1252(d, (const unsigned char *)in, len, e);
	else
		rc = convert(d, in, len, final, e);
	*out = sb_str(&d->out);
	*outlen = d->out.len;
done:
	if (joined.len > 0 && *out >= joined.buf && *out < joined.buf + joined.len) {
		/* the caller's text must outlive 'joined': keep it in d->out */
		sb_reset(&d->out);
		sb_add(&d->out, *out, *outlen);
		*out = sb_str(&d->out);
	}
	sb_free(&joined);
	return rc;
}


/* Returns the Windows-1252 byte of code point 'cp' (a control byte for its five gaps), or -1. */
static int
cp1252_byte(unsigned int cp)
{
	if (cp < 0x80 || (cp >= 0xa0 && cp <= 0xff))
		return (int)cp;
	if (cp == 0x81 || cp == 0x8d || cp == 0x8f || cp == 0x90 || cp == 0x9d)
		return (int)cp;	/* how Windows passes its undefined bytes on */
	for (int i = 0; i < 32; i++)
		if (cp1252_high[i] == cp)
			return 0x80 + i;
	return -1;
}

int
text_looks_double_encoded(const char *text)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t n = strlen(text), i = 0;
	struct strbuf bytes = STRBUF_INIT;
	int high = 0, rc = 0;

	if (!utf8_valid(text, n))
		return 0;
	while (i < n) {
		unsigned int cp;
		int b;

		i += utf8_decode(s + i, &cp);
		if ((b = cp1252_byte(cp)) < 0)
			goto done;	/* a character Windows-1252 lacks: not its reading */
		high |= b >= 0x80;
		sb_addc(&bytes, (char)b);
	}
	rc = high && utf8_valid(sb_str(&bytes), bytes.len);
done:
	sb_free(&bytes);
	return rc;
}
