/* SPDX-License-Identifier: Apache-2.0 */
/* pdf.c - PDF through libharu: UTF-8 text in embedded TrueType fonts, fonts found and
 * their coverage read through fontconfig, a fallback font for what the main one lacks. */
#include "config.h"

#include <fontconfig/fontconfig.h>
#include <harfbuzz/hb-ot.h>
#include <harfbuzz/hb-subset.h>
#include <harfbuzz/hb.h>
#include <hpdf.h>
#include <hpdf_utils.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "showup/atomicfile.h"
#include "showup/pdf.h"
#include "showup/timeutil.h"

/*
 * zlib's levels for the pages' content, measured on report commitment and report
 * attendance of 2,000 x 100 (72 and 23 MB of operators): levels 1-3 deflate two to
 * three times as fast as 6 for 8-14% more bytes; past 3 the time grows faster than
 * the bytes shrink. A short report's bytes are mostly its fonts (deflated apart, once).
 */
#define PAGE_LEVEL 2
#define PAGE_LEVEL_QUICK 1

#ifndef DEFAULT_FONT
#define DEFAULT_FONT "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
#endif

/*
 * A subset of a face, made once and kept for the documents that follow (a --split
 * report, notices with reports attached): the glyphs it keeps, the character each was
 * drawn for, its font file and text map deflated, and its name. A document whose glyphs
 * it keeps embeds it as it is; one that draws more makes a new one for both sets.
 */
struct subset {
	hb_set_t *glyphs;
	uint32_t *unicode;	/* per glyph of the face: the character (0: none) */
	struct strbuf file;	/* the font file, deflated */
	unsigned file_len;	/* its bytes before (the stream's Length1) */
	struct strbuf cmap;	/* the ToUnicode CMap, deflated */
	char name[110];		/* "KQZBTE+DejaVuSans" */
};

static size_t next_codepoint(const char *s, FcChar32 *cp);

/* One font file: where it is, what it covers, its glyphs and their widths. */
struct face {
	char *path;
	int index;		/* within a collection (.ttc) */
	FcCharSet *charset;
	hb_face_t *hb;
	hb_font_t *metrics;	/* scaled to font units */
	unsigned upem, nglyphs;
	double *advance;	/* per glyph, its width in thousandths of the size */
	hb_codepoint_t latin[256];	/* the glyphs of U+0000-U+00FF (0: none) */
	struct subset *subset;	/* the last one made, or NULL */
	uint32_t *spare_unicode;	/* a per-glyph map all 0 for the next document (a
					   --split report draws thousands, each its own) */
};

/* The faces reports draw with, found and opened once for any number of documents. */
struct pdf_fonts {
	FcConfig *config;	/* fontconfig's view of the installed fonts */
	struct face regular, bold, fallback;
};

/* A face as one document uses it: the glyphs it drew, and its font objects. */
struct font_use {
	struct face *face;
	const char *resource;	/* its name in the pages' resources: "F1" */
	hb_set_t *drawn;	/* the glyphs drawn, subset at save; NULL until first drawn */
	uint32_t *unicode;	/* per glyph, the character it was drawn for (0: none) */
	HPDF_Dict type0, cidfont, descriptor, file, tounicode;
	HPDF_Page on_page;	/* the last page whose resources name it */
};

/* What the current page's drawing has set last, so nothing is said twice. */
struct page_state {
	struct rgb fill, stroke;
	double line_width, font_size;
	const struct font_use *font;
	unsigned known;		/* KNOW_* bits: which of the above hold */
	int in_text;		/* a text object is open (BT) */
	long long line_x, line_y;	/* its line's origin, in hundredths of a point */
};
enum { KNOW_FILL = 1, KNOW_STROKE = 2, KNOW_WIDTH = 4, KNOW_FONT = 8 };

struct pdf {
	struct pdf_fonts *fonts;
	int own_fonts;		/* found for this document alone: freed with it */
	int quick;		/* pdf_options.quick */
	HPDF_Doc doc;
	HPDF_Page page;
	HPDF_Dict page_fonts;	/* the current page's font resources */
	struct page_state now;	/* what its content stream has set */
	struct strbuf ops;	/* operators on their way to it */
	struct strbuf glyphs;	/* the codes of the run of text being drawn */
	struct font_use regular, bold, fallback;
	enum pdf_paper paper;
	int landscape;
	HPDF_Outline *outlines;
	size_t noutlines, capoutlines;
	int failed;
	char error[256];
};

/*
 * libharu copies every byte it writes (its memory streams, the document saved)
 * through HPDF_MemCpy, a loop a byte at a time: a sixth of the instructions of
 * a --split report. Its calls go through the dynamic linker, so this definition,
 * the C library's copy, is the one they reach; it returns what libharu's does.
 */
HPDF_BYTE *
HPDF_MemCpy(HPDF_BYTE *out, const HPDF_BYTE *in, HPDF_UINT n)
{
	memmove(out, in, n);	/* libharu never copies between overlapping bytes */
	return out + n;
}

/* libharu's error handler: keeps the first error; the document is refused at save. */
static void
on_hpdf_error(HPDF_STATUS error, HPDF_STATUS detail, void *arg)
{
	struct pdf *p = arg;

	if (!p->failed)
		snprintf(p->error, sizeof p->error, "PDF library error 0x%04X (detail %u)",
		    (unsigned)error, (unsigned)detail);
	p->failed = 1;
}

/* Reads the file, face index and character set of a font file; 0 or -1. */
static int
face_from_file(struct face *f, const char *path, int index)
{
	FcBlanks *blanks = NULL;
	int count = 0;
	FcPattern *pat;
	FcCharSet *cs = NULL;

	if (access(path, R_OK) != 0)
		return -1;
	if (index < 0)
		return -1;
	pat = FcFreeTypeQuery((const FcChar8 *)path, (unsigned)index, blanks, &count);
	if (pat == NULL)
		return -1;
	if (FcPatternGetCharSet(pat, FC_CHARSET, 0, &cs) != FcResultMatch) {
		FcPatternDestroy(pat);
		return -1;
	}
	f->path = xstrdup(path);
	f->index = index;
	f->charset = FcCharSetCopy(cs);
	FcPatternDestroy(pat);
	return 0;
}
/* Finds a TrueType font of 'family' (and style) through fontconfig; the path or NULL. */
static char *
find_family(FcConfig *fonts, const char *family, int bold)
{
	FcPattern *pat = FcPatternCreate(), *match;
	FcChar8 *file = NULL, *format = NULL, *got_family = NULL;
	FcResult result;
	char *path = NULL;

	FcPatternAddString(pat, FC_FAMILY, (const FcChar8 *)family);
	FcPatternAddInteger(pat, FC_WEIGHT, bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
	FcPatternAddInteger(pat, FC_SLANT, FC_SLANT_ROMAN);
	FcConfigSubstitute(fonts, pat, FcMatchPattern);
	FcDefaultSubstitute(pat);
	match = FcFontMatch(fonts, pat, &result);
	if (match != NULL &&
	    FcPatternGetString(match, FC_FILE, 0, &file) == FcResultMatch &&
	    FcPatternGetString(match, FC_FAMILY, 0, &got_family) == FcResultMatch &&
	    FcPatternGetString(match, FC_FONTFORMAT, 0, &format) == FcResultMatch &&
	    strcmp((const char *)got_family, family) == 0 &&
	    strcmp((const char *)format, "TrueType") == 0)
		path = xstrdup((const char *)file);
	if (match != NULL)
		FcPatternDestroy(match);
	FcPatternDestroy(pat);
	return path;
}

/* Finds a TrueType font (glyph outlines libharu can embed) that has 'cp'; 0 or -1. */
static int
find_fallback(FcConfig *fonts, struct face *f, FcChar32 cp)
{
	FcPattern *pat = FcPatternCreate();
	FcObjectSet *os = FcObjectSetBuild(FC_FILE, FC_INDEX, NULL);
	FcCharSet *want = FcCharSetCreate();
	FcFontSet *set;
	int rc = -1;

	FcCharSetAddChar(want, cp);
	FcPatternAddCharSet(pat, FC_CHARSET, want);
	FcPatternAddString(pat, FC_FONTFORMAT, (const FcChar8 *)"TrueType");
	set = FcFontList(fonts, pat, os);
	for (int i = 0; set != NULL && i < set->nfont && rc < 0; i++) {
		FcChar8 *file;
		int index = 0;

		if (FcPatternGetString(set->fonts[i], FC_FILE, 0, &file) != FcResultMatch)
			continue;
		FcPatternGetInteger(set->fonts[i], FC_INDEX, 0, &index);
		rc = face_from_file(f, (const char *)file, index);
	}
	if (set != NULL)
		FcFontSetDestroy(set);
	FcCharSetDestroy(want);
	FcObjectSetDestroy(os);
	FcPatternDestroy(pat);
	return rc;
}

/* Returns "…/DejaVuSans-Bold.ttf" for "…/DejaVuSans.ttf" if it exists; else NULL. */
static char *
bold_beside(const char *path)
{
	const char *dot = strrchr(path, '.');
	char *bold;

	if (dot == NULL)
		return NULL;
	bold = xasprintf("%.*s-Bold%s", (int)(dot - path), path, dot);
	if (access(bold, R_OK) == 0)
		return bold;
	free(bold);
	return NULL;
}

/* Chooses the regular, bold and fallback faces; 0 or -1 with 'e' set. */
static int
choose_faces(struct pdf_fonts *p, const struct pdf_options *o, su_err *e)
{
	char *regular = o->font ? xstrdup(o->font) : find_family(p->config, "DejaVu Sans", 0);
	char *bold = NULL;
	int rc = -1;

	if (regular == NULL)
		regular = xstrdup(DEFAULT_FONT);
	if (face_from_file(&p->regular, regular, 0) < 0) {
		su_err_set(e, "cannot use font '%s' (a TrueType file is needed; on Debian "
		    "the package fonts-dejavu-core has it)", regular);
		goto done;
	}
	if (o->bold_font != NULL)
		bold = xstrdup(o->bold_font);
	else if ((bold = bold_beside(regular)) == NULL && o->font == NULL)
		bold = find_family(p->config, "DejaVu Sans", 1);
	if (bold == NULL || face_from_file(&p->bold, bold, 0) < 0)
		face_from_file(&p->bold, regular, 0);
	if (o->fallback_font != NULL && *o->fallback_font != '\0' &&
	    face_from_file(&p->fallback, o->fallback_font, 0) < 0) {
		su_err_set(e, "cannot use fallback font '%s'", o->fallback_font);
		goto done;
	}
	if (o->fallback_font == NULL)
		find_fallback(p->config, &p->fallback, 0x6771);	/* a CJK font, if installed */
	rc = 0;
done:
	free(regular);
	free(bold);
	return rc;
}

/* Reads once what text needs of every glyph drawn: the glyphs of Latin-1, the widths. */
static void
face_tables(struct face *f)
{
	f->advance = xcalloc(f->nglyphs, sizeof *f->advance);
	for (hb_codepoint_t g = 0; g < f->nglyphs; g++)
		f->advance[g] = hb_font_get_glyph_h_advance(f->metrics, g) * 1000.0 / f->upem;
	for (hb_codepoint_t cp = 0; cp < 256; cp++)
		if (!hb_font_get_nominal_glyph(f->metrics, cp, &f->latin[cp]) ||
		    f->latin[cp] >= f->nglyphs)
			f->latin[cp] = 0;
}

/* Opens a face's outlines and metrics through HarfBuzz; 0, or -1 if the file is no
 * TrueType font (glyf outlines are what a PDF embeds as FontFile2). */
static int
face_open(struct face *f)
{
	hb_blob_t *blob, *glyf;

	if ((blob = hb_blob_create_from_file_or_fail(f->path)) == NULL)
		return -1;
	f->hb = hb_face_create(blob, (unsigned)f->index);
	hb_blob_destroy(blob);
	glyf = hb_face_reference_table(f->hb, HB_TAG('g', 'l', 'y', 'f'));
	f->nglyphs = hb_face_get_glyph_count(f->hb);
	f->upem = hb_face_get_upem(f->hb);
	if (hb_blob_get_length(glyf) == 0 || f->nglyphs == 0) {
		hb_blob_destroy(glyf);
		hb_face_destroy(f->hb);
		f->hb = NULL;
		return -1;
	}
	hb_blob_destroy(glyf);
	f->metrics = hb_font_create(f->hb);
	hb_font_set_scale(f->metrics, (int)f->upem, (int)f->upem);
	face_tables(f);
	return 0;
}

/* Creates a face's font objects (filled at save, once its glyphs are known); 0 or -1. */
static int
face_objects(struct pdf *p, struct font_use *f)
{
	HPDF_MMgr mm = p->doc->mmgr;
	HPDF_Array descendants;
	HPDF_Dict sysinfo;

	if (f->type0 != NULL)
		return 0;
	if (p->failed)
		return -1;
	f->type0 = HPDF_Dict_New(mm);
	f->cidfont = HPDF_Dict_New(mm);
	f->descriptor = HPDF_Dict_New(mm);
	if (f->type0 == NULL || f->cidfont == NULL || f->descriptor == NULL ||
	    HPDF_Xref_Add(p->doc->xref, f->type0) != HPDF_OK ||
	    HPDF_Xref_Add(p->doc->xref, f->cidfont) != HPDF_OK ||
	    HPDF_Xref_Add(p->doc->xref, f->descriptor) != HPDF_OK)
		return -1;
	f->file = HPDF_DictStream_New(mm, p->doc->xref);
	f->tounicode = HPDF_DictStream_New(mm, p->doc->xref);
	descendants = HPDF_Array_New(mm);
	sysinfo = HPDF_Dict_New(mm);
	if (f->file == NULL || f->tounicode == NULL || descendants == NULL || sysinfo == NULL)
		return -1;
	HPDF_Dict_AddName(f->type0, "Type", "Font");
	HPDF_Dict_AddName(f->type0, "Subtype", "Type0");
	HPDF_Dict_AddName(f->type0, "Encoding", "Identity-H");
	HPDF_Array_Add(descendants, f->cidfont);
	HPDF_Dict_Add(f->type0, "DescendantFonts", descendants);
	HPDF_Dict_Add(f->type0, "ToUnicode", f->tounicode);
	HPDF_Dict_AddName(f->cidfont, "Type", "Font");
	HPDF_Dict_AddName(f->cidfont, "Subtype", "CIDFontType2");
	HPDF_Dict_Add(sysinfo, "Registry", HPDF_String_New(mm, "Adobe", NULL));
	HPDF_Dict_Add(sysinfo, "Ordering", HPDF_String_New(mm, "Identity", NULL));
	HPDF_Dict_AddNumber(sysinfo, "Supplement", 0);
	HPDF_Dict_Add(f->cidfont, "CIDSystemInfo", sysinfo);
	HPDF_Dict_AddName(f->cidfont, "CIDToGIDMap", "Identity");
	HPDF_Dict_Add(f->cidfont, "FontDescriptor", f->descriptor);
	HPDF_Dict_AddName(f->descriptor, "Type", "FontDescriptor");
	HPDF_Dict_Add(f->descriptor, "FontFile2", f->file);
	return p->failed ? -1 : 0;
}

/* Returns the glyph of 'cp' in 'f' (0, the missing glyph, if it has none). */
static hb_codepoint_t
glyph_of(struct face *f, FcChar32 cp)
{
	hb_codepoint_t g = 0;

	if (cp < 256)
		return f->latin[cp];
	if (!hb_font_get_nominal_glyph(f->metrics, cp, &g) || g >= f->nglyphs)
		g = 0;
	return g;
}

/* The advance of glyph 'g' in thousandths of the font size (PDF's text space). */
static double
glyph_width(struct face *f, hb_codepoint_t g)
{
	return f->advance[g];
}

/* Names face 'f' in the current page's resources, once a page; 0 or -1. */
static int
face_on_page(struct pdf *p, struct font_use *f)
{
	if (face_objects(p, f) < 0)
		return -1;
	if (f->on_page == p->page)
		return 0;
	f->on_page = p->page;
	return HPDF_Dict_Add(p->page_fonts, f->resource, f->type0) == HPDF_OK ? 0 : -1;
}

/* A subset's tag ("KQZBTE") from its file and text map (the glyphs it keeps), so one
 * content gives one file. */
static void
subset_tag(const struct face *f, const struct strbuf *cmap, char tag[7])
{
	char *key = xasprintf("%s\n%s", f->path, sb_str(cmap));
	uint64_t h = hash_str(key, 0);

	for (int i = 0; i < 6; i++, h /= 26)
		tag[i] = (char)('A' + h % 26);
	tag[6] = '\0';
	free(key);
}

/* The face's PostScript name, letters and digits only ("DejaVuSans-Bold"). */
static void
postscript_name(const struct face *f, char *out, unsigned size)
{
	unsigned len = size;
	char *w = out;

	if (hb_ot_name_get_utf8(f->hb, HB_OT_NAME_ID_POSTSCRIPT_NAME, HB_LANGUAGE_INVALID,
	    &len, out) == 0)
		snprintf(out, size, "Font%d", f->index);
	for (const char *r = out; *r; r++)
		if ((*r >= 'A' && *r <= 'Z') || (*r >= 'a' && *r <= 'z') ||
		    (*r >= '0' && *r <= '9') || *r == '-' || *r == '_')
			*w++ = *r;
	*w = '\0';
}

/* Reads a signed 16-bit big-endian number at 'at' of 'table' (0 past its end). */
static int
be16(hb_blob_t *table, unsigned at)
{
	unsigned len;
	const unsigned char *d = (const unsigned char *)hb_blob_get_data(table, &len);

	return at + 2 <= len ? (int16_t)(d[at] << 8 | d[at + 1]) : 0;
}

/* Fills the font descriptor's metrics: bounding box, ascent, descent, cap height. */
static void
describe_face(struct font_use *u, const char *name)
{
	struct face *f = u->face;
	hb_blob_t *head = hb_face_reference_table(f->hb, HB_TAG('h', 'e', 'a', 'd'));
	HPDF_Array bbox = HPDF_Array_New(u->descriptor->mmgr);
	hb_position_t ascent = 0, descent = 0, cap = 0;
	double k = 1000.0 / f->upem;

	for (unsigned at = 36; at <= 42; at += 2)
		HPDF_Array_AddNumber(bbox, (HPDF_INT32)(be16(head, at) * k));
	hb_blob_destroy(head);
	hb_ot_metrics_get_position(f->metrics, HB_OT_METRICS_TAG_HORIZONTAL_ASCENDER, &ascent);
	hb_ot_metrics_get_position(f->metrics, HB_OT_METRICS_TAG_HORIZONTAL_DESCENDER, &descent);
	if (!hb_ot_metrics_get_position(f->metrics, HB_OT_METRICS_TAG_CAP_HEIGHT, &cap))
		cap = ascent;
	HPDF_Dict_AddName(u->descriptor, "FontName", name);
	HPDF_Dict_AddNumber(u->descriptor, "Flags", 32);	/* nonsymbolic */
	HPDF_Dict_Add(u->descriptor, "FontBBox", bbox);
	HPDF_Dict_AddNumber(u->descriptor, "ItalicAngle", 0);
	HPDF_Dict_AddNumber(u->descriptor, "Ascent", (HPDF_INT32)(ascent * k));
	HPDF_Dict_AddNumber(u->descriptor, "Descent", (HPDF_INT32)(descent * k));
	HPDF_Dict_AddNumber(u->descriptor, "CapHeight", (HPDF_INT32)(cap * k));
	HPDF_Dict_AddNumber(u->descriptor, "StemV", 80);
}

/* Names the filter of a stream compressed beforehand, as libharu writes its dictionary. */
static HPDF_STATUS
name_flate_filter(HPDF_Dict dict, HPDF_Stream out)
{
	(void)dict;
	return HPDF_Stream_WriteStr(out, "/Filter /FlateDecode\n");
}

/* The widths of a subset's glyphs, as runs of consecutive glyphs: [g [w w ...] ...]. */
static HPDF_Array
subset_widths(struct face *f, const struct subset *s, HPDF_MMgr mm)
{
	HPDF_Array w = HPDF_Array_New(mm), run = NULL;
	hb_codepoint_t g = HB_SET_VALUE_INVALID, last = HB_SET_VALUE_INVALID;

	while (hb_set_next(s->glyphs, &g)) {
		if (run == NULL || g != last + 1) {
			HPDF_Array_AddNumber(w, (HPDF_INT32)g);
			run = HPDF_Array_New(mm);
			HPDF_Array_Add(w, run);
		}
		HPDF_Array_AddNumber(run, (HPDF_INT32)(glyph_width(f, g) + 0.5));
		last = g;
	}
	return w;
}

/* Appends 'cp' as UTF-16BE hex, a surrogate pair beyond the BMP. */
static void
utf16_hex(struct strbuf *sb, uint32_t cp)
{
	if (cp < 0x10000) {
		sb_addf(sb, "%04X", (unsigned)cp);
		return;
	}
	cp -= 0x10000;
	sb_addf(sb, "%04X%04X", (unsigned)(0xd800 + (cp >> 10)), (unsigned)(0xdc00 + (cp & 0x3ff)));
}

/*
 * The ToUnicode CMap of a subset: a 2-byte code space (the codes are glyph ids,
 * Identity-H) and a bfchar line for every glyph kept, in blocks of at most 100.
 */
static void
tounicode_cmap(const struct subset *s, struct strbuf *sb)
{
	hb_codepoint_t g = HB_SET_VALUE_INVALID;
	struct strbuf block = STRBUF_INIT;
	int n = 0;

	sb_adds(sb, "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
	    "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
	    "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
	    "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
	while (hb_set_next(s->glyphs, &g)) {
		if (s->unicode[g] == 0)
			continue;
		sb_addf(&block, "<%04X> <", (unsigned)g);
		utf16_hex(&block, s->unicode[g]);
		sb_adds(&block, ">\n");
		if (++n == 100) {
			sb_addf(sb, "%d beginbfchar\n%sendbfchar\n", n, sb_str(&block));
			sb_reset(&block);
			n = 0;
		}
	}
	if (n > 0)
		sb_addf(sb, "%d beginbfchar\n%sendbfchar\n", n, sb_str(&block));
	sb_adds(sb, "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
	sb_free(&block);
}

/* Appends 'len' bytes at 'data' deflated at 'level' to 'out'; 0 or -1. */
static int
deflate_into(struct strbuf *out, const void *data, size_t len, int level)
{
	uLongf room = compressBound((uLong)len);

	sb_grow(out, room);
	if (compress2((Bytef *)out->buf + out->len, &room, data, (uLong)len, level) != Z_OK)
		return -1;
	out->len += room;
	return 0;
}

static void
subset_free(struct subset *s)
{
	if (s == NULL)
		return;
	hb_set_destroy(s->glyphs);
	free(s->unicode);
	sb_free(&s->file);
	sb_free(&s->cmap);
	free(s);
}

/* Cuts face 'f' to the glyphs of 's' (their ids kept, as the pages use them) and keeps
 * its file in s->file, deflated; 0 or -1. */
static int
subset_font(struct face *f, struct subset *s)
{
	hb_subset_input_t *in = hb_subset_input_create_or_fail();
	hb_face_t *sub = NULL;
	hb_blob_t *blob = NULL;
	unsigned len = 0;
	const char *data;
	int rc = -1;

	if (in == NULL)
		goto done;
	hb_set_union(hb_subset_input_glyph_set(in), s->glyphs);
	hb_subset_input_set_flags(in, HB_SUBSET_FLAGS_RETAIN_GIDS | HB_SUBSET_FLAGS_NO_HINTING);
	static const hb_tag_t unused[] = {
		HB_TAG('G', 'S', 'U', 'B'), HB_TAG('G', 'P', 'O', 'S'), HB_TAG('G', 'D', 'E', 'F'),
		HB_TAG('k', 'e', 'r', 'n'), HB_TAG('n', 'a', 'm', 'e'), HB_TAG('p', 'o', 's', 't'),
		HB_TAG('M', 'A', 'T', 'H'), HB_TAG('B', 'A', 'S', 'E'), HB_TAG('J', 'S', 'T', 'F'),
	};
	for (size_t i = 0; i < sizeof unused / sizeof *unused; i++)
		hb_set_add(hb_subset_input_set(in, HB_SUBSET_SETS_DROP_TABLE_TAG), unused[i]);
	if ((sub = hb_subset_or_fail(f->hb, in)) == NULL)
		goto done;
	blob = hb_face_reference_blob(sub);
	data = hb_blob_get_data(blob, &len);
	/* once a run, so the best level: the font is most of a short report's bytes */
	if (len == 0 || deflate_into(&s->file, data, len, Z_BEST_COMPRESSION) < 0)
		goto done;
	s->file_len = len;
	rc = 0;
done:
	hb_blob_destroy(blob);
	hb_face_destroy(sub);
	hb_subset_input_destroy(in);
	return rc;
}

/*
 * Makes the subset of face 'f' for the glyphs 'u' drew and those of the face's last
 * subset (so documents that follow find theirs in it), replacing that one; 0 or -1.
 */
static int
subset_make(struct font_use *u)
{
	struct face *f = u->face;
	struct subset *s = xcalloc(1, sizeof *s), *old = f->subset;
	struct strbuf cmap = STRBUF_INIT;
	char tag[7], ps[100];
	int rc = -1;

	s->glyphs = hb_set_copy(u->drawn);
	s->unicode = xcalloc(f->nglyphs, sizeof *s->unicode);
	if (old != NULL) {
		hb_set_union(s->glyphs, old->glyphs);
		memcpy(s->unicode, old->unicode, f->nglyphs * sizeof *s->unicode);
	}
	for (unsigned g = 0; g < f->nglyphs; g++)
		if (s->unicode[g] == 0)
			s->unicode[g] = u->unicode[g];
	if (subset_font(f, s) < 0)
		goto done;
	tounicode_cmap(s, &cmap);
	subset_tag(f, &cmap, tag);
	postscript_name(f, ps, sizeof ps);
	snprintf(s->name, sizeof s->name, "%s+%s", tag, ps);
	if (deflate_into(&s->cmap, cmap.buf, cmap.len, Z_BEST_COMPRESSION) < 0)
		goto done;
	subset_free(old);
	f->subset = s;
	s = NULL;
	rc = 0;
done:
	subset_free(s);
	sb_free(&cmap);
	return rc;
}

/* Writes a stream's bytes, deflated beforehand, and has its dictionary say so; 0 or -1. */
static int
put_deflated(HPDF_Dict stream, const struct strbuf *bytes)
{
	/* written as they are, with the filter named by hand (libharu drops a Filter key
	 * of a stream it does not compress itself) */
	stream->filter = HPDF_STREAM_FILTER_NONE;
	stream->write_fn = name_flate_filter;
	return HPDF_Stream_Write(stream->stream, (const HPDF_BYTE *)bytes->buf,
	    (HPDF_UINT)bytes->len) == HPDF_OK ? 0 : -1;
}

/* Embeds in the objects of 'u' a subset of its face that keeps every glyph it drew:
 * the face's last one if it does, else a new one; its names, widths and ToUnicode map
 * with it. 0 or -1. */
static int
face_finish(struct font_use *u)
{
	struct face *f = u->face;
	struct subset *s;

	hb_set_add(u->drawn, 0);	/* the missing glyph, always kept */
	if ((f->subset == NULL || !hb_set_is_subset(u->drawn, f->subset->glyphs)) &&
	    subset_make(u) < 0)
		return -1;
	if ((s = f->subset) == NULL ||	/* subset_make leaves one, or fails */
	    put_deflated(u->file, &s->file) < 0 || put_deflated(u->tounicode, &s->cmap) < 0)
		return -1;
	HPDF_Dict_AddNumber(u->file, "Length1", (HPDF_INT32)s->file_len);
	HPDF_Dict_AddName(u->type0, "BaseFont", s->name);
	HPDF_Dict_AddName(u->cidfont, "BaseFont", s->name);
	HPDF_Dict_Add(u->cidfont, "W", subset_widths(f, s, u->cidfont->mmgr));
	describe_face(u, s->name);
	return 0;
}

/* Appends the UTF-16BE code units of 'cp', a surrogate pair beyond the BMP. */
static void
put_utf16(struct strbuf *sb, uint32_t cp)
{
	if (cp >= 0x10000) {
		cp -= 0x10000;
		put_utf16(sb, 0xd800 + (cp >> 10));
		cp = 0xdc00 + (cp & 0x3ff);
	}
	sb_addc(sb, (char)(cp >> 8));
	sb_addc(sb, (char)(cp & 0xff));
}

/*
 * Returns UTF-8 'text' as a PDF text string: UTF-16BE after its byte order mark, which
 * readers take for any script (libharu's UTF-8 encoder costs more to set up than a
 * one-person report takes to draw); NULL, with the document's error set, if it fails.
 */
static HPDF_Binary
text_string(struct pdf *p, const char *text)
{
	struct strbuf sb = STRBUF_INIT;
	HPDF_Binary b;

	sb_add(&sb, "\xfe\xff", 2);
	while (*text) {
		FcChar32 cp;

		text += next_codepoint(text, &cp);
		put_utf16(&sb, cp);
	}
	b = HPDF_Binary_New(p->doc->mmgr, (HPDF_BYTE *)sb.buf, (HPDF_UINT)sb.len);
	sb_free(&sb);
	return b;
}

/* Sets a text attribute of the document's information dictionary ('key' names it). */
static void
set_info(struct pdf *p, HPDF_InfoType type, const char *key, const char *value)
{
	if (value == NULL || *value == '\0')
		return;
	/* libharu makes the information dictionary and its entry; the text is ours */
	if (HPDF_SetInfoAttr(p->doc, type, "") == HPDF_OK)
		HPDF_Dict_Add(p->doc->info, key, text_string(p, value));
}

/* Sets the creation date from the report's date, so one date gives one file. */
static void
set_date(struct pdf *p, int64_t date)
{
	int64_t days = date >= 0 ? date / 86400 : (date - 86399) / 86400;
	int64_t secs = date - days * 86400;
	int year, month, day;
	HPDF_Date d;

	civil_from_days(days, &year, &month, &day);
	d = (HPDF_Date){ year, month, day, (int)(secs / 3600), (int)(secs / 60 % 60),
		(int)(secs % 60), 'Z', 0, 0 };
	HPDF_SetInfoDateAttr(p->doc, HPDF_INFO_CREATION_DATE, d);
}

/* Releases what a face holds. */
static void
face_free(struct face *f)
{
	free(f->path);
	if (f->charset != NULL)
		FcCharSetDestroy(f->charset);
	hb_font_destroy(f->metrics);
	hb_face_destroy(f->hb);
	free(f->advance);
	free(f->spare_unicode);
	subset_free(f->subset);
	memset(f, 0, sizeof *f);
}

/* Opens the faces chosen; a fallback that is no TrueType font is left out unless it
 * was asked for. 0 or -1 with 'e' set. */
static int
open_faces(struct pdf_fonts *p, const struct pdf_options *o, su_err *e)
{
	if (face_open(&p->regular) < 0)
		return su_err_set(e, "cannot use font '%s' (a TrueType file is needed; on Debian "
		    "the package fonts-dejavu-core has it)", p->regular.path);
	if (face_open(&p->bold) < 0)
		return su_err_set(e, "cannot use font '%s' (a TrueType file is needed)",
		    p->bold.path);
	if (p->fallback.path == NULL || face_open(&p->fallback) == 0)
		return 0;
	if (o->fallback_font != NULL)
		return su_err_set(e, "cannot use fallback font '%s' (a TrueType file is needed)",
		    p->fallback.path);
	face_free(&p->fallback);
	return 0;
}

struct pdf_fonts *
pdf_fonts_new(const struct pdf_options *o, su_err *e)
{
	struct pdf_fonts *p = xcalloc(1, sizeof *p);

	if ((p->config = FcInitLoadConfigAndFonts()) == NULL) {
		su_err_set(e, "cannot start fontconfig");
		free(p);
		return NULL;
	}
	if (choose_faces(p, o, e) < 0 || open_faces(p, o, e) < 0) {
		pdf_fonts_free(p);
		return NULL;
	}
	return p;
}

void
pdf_fonts_free(struct pdf_fonts *p)
{
	if (p == NULL)
		return;
	face_free(&p->regular);
	face_free(&p->bold);
	face_free(&p->fallback);
	FcConfigDestroy(p->config);
	free(p);
}

/* Sets up a document's use of face 'f' under the resource name 'resource'. */
static void
use_face(struct font_use *u, struct face *f, const char *resource)
{
	u->face = f;
	u->resource = resource;
}

struct pdf *
pdf_new(const struct pdf_options *o, su_err *e)
{
	struct pdf *p = xcalloc(1, sizeof *p);

	p->fonts = o->fonts;
	if (p->fonts == NULL) {
		if ((p->fonts = pdf_fonts_new(o, e)) == NULL) {
			free(p);
			return NULL;
		}
		p->own_fonts = 1;
	}
	use_face(&p->regular, &p->fonts->regular, "F1");
	use_face(&p->bold, &p->fonts->bold, "F2");
	use_face(&p->fallback, &p->fonts->fallback, "F3");
	p->paper = o->paper;
	p->landscape = o->landscape;
	p->quick = o->quick;
	/* not libharu's memory pool (HPDF_NewEx with a pool size): it hands out memory
	 * unaligned for the objects put in it (UBSan: misaligned struct _HPDF_Dict_Rec) */
	p->doc = HPDF_New(on_hpdf_error, p);
	if (p->doc == NULL) {
		su_err_set(e, "cannot start a PDF document");
		pdf_free(p);
		return NULL;
	}
	HPDF_SetCompressionMode(p->doc, HPDF_COMP_ALL);
	set_info(p, HPDF_INFO_TITLE, "Title", o->title);
	set_info(p, HPDF_INFO_AUTHOR, "Author", o->author);
	set_info(p, HPDF_INFO_SUBJECT, "Subject", o->subject);
	set_info(p, HPDF_INFO_CREATOR, "Creator", PACKAGE_STRING);
	set_date(p, o->date);
	return p;
}

/* Releases what a document's use of a face holds (its objects are the document's);
 * its glyph map goes back to the face cleared, where the face has none spare. */
static void
font_use_free(struct font_use *u)
{
	hb_codepoint_t g = HB_SET_VALUE_INVALID;

	if (u->unicode != NULL && u->face->spare_unicode == NULL) {
		while (hb_set_next(u->drawn, &g))
			u->unicode[g] = 0;	/* only the glyphs drawn were set */
		u->face->spare_unicode = u->unicode;
		u->unicode = NULL;
	}
	hb_set_destroy(u->drawn);
	free(u->unicode);
}

void
pdf_free(struct pdf *p)
{
	if (p == NULL)
		return;
	if (p->doc != NULL)
		HPDF_Free(p->doc);
	font_use_free(&p->regular);
	font_use_free(&p->bold);
	font_use_free(&p->fallback);
	if (p->own_fonts)
		pdf_fonts_free(p->fonts);
	sb_free(&p->ops);
	sb_free(&p->glyphs);
	free(p->outlines);
	free(p);
}

/*
 * Compresses the current page's content now that it is drawn, so a long report
 * holds its pages in memory compressed (libharu would compress them only at save):
 * the stream's bytes are replaced by their deflated form and marked FlateDecode.
 */
static void
seal_page(struct pdf *p)
{
	HPDF_PageAttr attr;
	struct strbuf out = STRBUF_INIT;
	unsigned char chunk[16384];
	z_stream z = { 0 };
	int rc = Z_OK;

	if (p->page == NULL || p->failed)
		return;
	attr = (HPDF_PageAttr)p->page->attr;
	if (p->now.in_text && HPDF_Stream_WriteStr(attr->stream, "ET\n") != HPDF_OK)
		p->failed = 1;	/* the text object still open (end_text) closed */
	p->now.in_text = 0;
	if (deflateInit(&z, p->quick ? PAGE_LEVEL_QUICK : PAGE_LEVEL) != Z_OK) {
		p->failed = 1;
		return;
	}
	for (HPDF_UINT k = 0, n = HPDF_MemStream_GetBufCount(attr->stream); rc != Z_STREAM_END;) {
		HPDF_UINT len = 0;

		if (z.avail_in == 0 && k < n) {
			z.next_in = HPDF_MemStream_GetBufPtr(attr->stream, k++, &len);
			z.avail_in = len;
		}
		z.next_out = chunk;
		z.avail_out = sizeof chunk;
		rc = deflate(&z, z.avail_in == 0 && k == n ? Z_FINISH : Z_NO_FLUSH);
		sb_add(&out, (const char *)chunk, sizeof chunk - z.avail_out);
		if (rc != Z_OK && rc != Z_STREAM_END && rc != Z_BUF_ERROR)
			break;
	}
	deflateEnd(&z);
	HPDF_MemStream_FreeData(attr->stream);
	if (rc != Z_STREAM_END || HPDF_Stream_Write(attr->stream, (const HPDF_BYTE *)out.buf,
	    (HPDF_UINT)out.len) != HPDF_OK)
		p->failed = 1;
	/* written as it is, with the filter named by hand (libharu drops a Filter key
	 * of a stream it does not compress itself) */
	attr->contents->filter = HPDF_STREAM_FILTER_NONE;
	attr->contents->write_fn = name_flate_filter;
	sb_free(&out);
	p->page = NULL;
}

/* Finishes the document: seals its last page, subsets its fonts; 0 or -1, 'e' set. */
static int
finish(struct pdf *p, const char *what, su_err *e)
{
	struct font_use *uses[] = { &p->regular, &p->bold, &p->fallback };

	seal_page(p);
	for (size_t i = 0; i < 3 && !p->failed; i++)
		if (uses[i]->type0 != NULL && face_finish(uses[i]) < 0)
			return su_err_set(e, "cannot write '%s': cannot subset font '%s'", what,
			    uses[i]->face->path);
	if (p->failed)
		return su_err_set(e, "cannot write '%s': %s", what, p->error);
	return 0;
}

/* Writes the finished document into libharu's memory and hands it to 'put' a piece at
 * a time; 0, or -1 (the library's error in p->error). */
static int
save_through_memory(struct pdf *p, void (*put)(void *to, const char *data, size_t n),
    void *to)
{
	HPDF_BYTE buf[65536];

	if (HPDF_SaveToStream(p->doc) != HPDF_OK)
		return -1;
	HPDF_ResetStream(p->doc);
	for (;;) {
		HPDF_UINT32 n = sizeof buf;
		HPDF_STATUS st = HPDF_ReadFromStream(p->doc, buf, &n);

		put(to, (const char *)buf, n);
		if (st == HPDF_STREAM_EOF)
			return 0;
		if (st != HPDF_OK)
			return -1;
	}
}

/* Appends bytes to a file (a FILE *), for save_through_memory. */
static void
put_file(void *to, const char *data, size_t n)
{
	fwrite(data, 1, n, to);
}

/* Appends bytes to a buffer (a struct strbuf *), for save_through_memory. */
static void
put_buffer(void *to, const char *data, size_t n)
{
	sb_add(to, data, n);
}

int
pdf_save(struct pdf *p, const char *path, su_err *e)
{
	struct atomic_file af;
	const char *tmp;

	if (finish(p, path, e) < 0)
		return -1;
	if (atomic_open(&af, path, e) == NULL)
		return -1;
	tmp = atomic_hand_over(&af);	/* libharu writes the file straight from its objects */
	if (HPDF_SaveToFile(p->doc, tmp) != HPDF_OK) {
		atomic_abort(&af);
		return su_err_set(e, "cannot write '%s': %s", path, p->error);
	}
	return atomic_commit(&af, e);
}

int
pdf_save_pending(struct pdf *p, const char *path, struct atomic_file *af, su_err *e)
{
	if (finish(p, path, e) < 0)
		return -1;
	if (atomic_open(af, path, e) == NULL)
		return -1;
	/* through memory, in large writes to the file already open (libharu's own file
	 * writer opens it again and writes it a token at a time) */
	if (save_through_memory(p, put_file, af->f) < 0) {
		atomic_abort(af);
		return su_err_set(e, "cannot write '%s': %s", path, p->error);
	}
	return 0;
}

int
pdf_save_buffer(struct pdf *p, struct strbuf *out, su_err *e)
{
	if (finish(p, "the report", e) < 0)
		return -1;
	if (save_through_memory(p, put_buffer, out) < 0)
		return su_err_set(e, "cannot write the report: %s", p->error);
	return 0;
}

void
pdf_paper_size(enum pdf_paper paper, int landscape, double *width, double *height)
{
	double w = paper == PAPER_LETTER ? 612 : 595.276, h = paper == PAPER_LETTER ? 792 : 841.89;

	*width = landscape ? h : w;
	*height = landscape ? w : h;
}

void
pdf_page(struct pdf *p, double *width, double *height)
{
	pdf_paper_size(p->paper, p->landscape, width, height);
	seal_page(p);
	p->page = HPDF_AddPage(p->doc);
	if (p->page == NULL)
		return;
	HPDF_Page_SetWidth(p->page, (HPDF_REAL)*width);
	HPDF_Page_SetHeight(p->page, (HPDF_REAL)*height);
	memset(&p->now, 0, sizeof p->now);
	/* the fonts are ours (see face_objects): the page names them in its own dictionary */
	p->page_fonts = HPDF_Dict_New(p->doc->mmgr);
	if (p->page_fonts == NULL || HPDF_Dict_Add(HPDF_Dict_GetItem(p->page, "Resources",
	    HPDF_OCLASS_DICT), "Font", p->page_fonts) != HPDF_OK)
		p->failed = 1;
}

int
pdf_bookmark(struct pdf *p, int parent, const char *title)
{
	HPDF_Outline o;

	if (p->noutlines == p->capoutlines) {
		p->capoutlines = p->capoutlines ? p->capoutlines * 2 : 64;
		p->outlines = xrealloc(p->outlines, p->capoutlines * sizeof *p->outlines);
	}
	o = HPDF_CreateOutline(p->doc, parent >= 0 ? p->outlines[parent] : NULL, "", NULL);
	if (o != NULL)
		HPDF_Dict_Add(o, "Title", text_string(p, title));
	if (o != NULL && p->page != NULL)
		HPDF_Outline_SetDestination(o, HPDF_Page_CreateDestination(p->page));
	if (p->noutlines == 0)
		HPDF_SetPageMode(p->doc, HPDF_PAGE_MODE_USE_OUTLINE);
	p->outlines[p->noutlines] = o;
	return (int)p->noutlines++;
}

/* Decodes one UTF-8 sequence; sets *cp (U+FFFD if broken) and returns its length. */
static size_t
next_codepoint(const char *s, FcChar32 *cp)
{
	int n;

	if ((unsigned char)*s < 0x80) {
		*cp = (unsigned char)*s;
		return 1;
	}
	n = FcUtf8ToUcs4((const FcChar8 *)s, cp, (int)strnlen(s, 4));

	if (n <= 0) {
		*cp = 0xfffd;
		return 1;
	}
	return (size_t)n;
}

/* Returns the face that draws 'cp': the main one (bold or not), else the fallback. */
static struct font_use *
face_for(struct pdf *p, FcChar32 cp, int bold)
{
	struct font_use *main = bold ? &p->bold : &p->regular;
	const FcCharSet *fallback = p->fallback.face->charset;

	if (cp < 0x80 || FcCharSetHasChar(main->face->charset, cp) || fallback == NULL ||
	    !FcCharSetHasChar(fallback, cp))
		return main;
	return &p->fallback;
}

int
pdf_covers(struct pdf *p, const char *text)
{
	while (*text) {
		FcChar32 cp;

		text += next_codepoint(text, &cp);
		if (cp < 0x80 || (p->fonts->fallback.charset != NULL &&
		    FcCharSetHasChar(p->fonts->fallback.charset, cp)))
			continue;
		/* names are drawn in both faces: each must have it */
		if (!FcCharSetHasChar(p->fonts->regular.charset, cp) ||
		    !FcCharSetHasChar(p->fonts->bold.charset, cp))
			return 0;
	}
	return 1;
}

/* Where a line of text goes: its origin and size. */
struct text_at { double x, y, size; };

/* Appends one byte of a glyph code to a literal string: as it is, or escaped where
 * the string's syntax would read it otherwise (half the size of hex, and less to
 * compress). */
static void
put_code_byte(struct strbuf *sb, unsigned char c)
{
	static const char escaped[256] = { ['('] = '(', [')'] = ')', ['\\'] = '\\',
		['\r'] = 'r', ['\n'] = 'n' };

	if (escaped[c] != 0)
		sb_addc(sb, '\\');
	sb_addc(sb, escaped[c] != 0 ? escaped[c] : (char)c);
}

/* Records that glyph 'g' of the use 'u' was drawn, for character 'cp'. */
static void
note_drawn(struct font_use *u, hb_codepoint_t g, FcChar32 cp)
{
	if (u->drawn == NULL) {
		u->drawn = hb_set_create();
		u->unicode = u->face->spare_unicode;
		u->face->spare_unicode = NULL;
		if (u->unicode == NULL)
			u->unicode = xcalloc(u->face->nglyphs, sizeof *u->unicode);
	}
	if (u->unicode[g] != 0)
		return;		/* drawn before */
	hb_set_add(u->drawn, g);
	if (g != 0)
		u->unicode[g] = cp;
}

/*
 * The page's operators are written here rather than through libharu, whose number
 * formatting and graphics-state checks cost more than the drawing (a 2,000 x 100
 * matrix is 400,000 of them); the page's content stream is libharu's all the same.
 */

/* Returns 'v' in hundredths, rounded to the nearest: a number as the page has it. */
static long long
hundredths(double v)
{
	return (long long)(v * 100 + (v >= 0 ? 0.5 : -0.5));
}

/* Appends 'v' and a space as a PDF number, to the hundredth, no trailing zeros ("12.5 "). */
static void
put_number(struct strbuf *sb, double v)
{
	long long n = hundredths(v), whole;
	char digits[24], out[32];
	int k = 0, len = 0, frac;

	if (n < 0) {
		out[len++] = '-';
		n = -n;
	}
	whole = n / 100;
	frac = (int)(n % 100);
	do {
		digits[k++] = (char)('0' + whole % 10);
		whole /= 10;
	} while (whole > 0);
	while (k > 0)
		out[len++] = digits[--k];
	if (frac != 0) {
		out[len++] = '.';
		out[len++] = (char)('0' + frac / 10);
		if (frac % 10 != 0)
			out[len++] = (char)('0' + frac % 10);
	}
	out[len++] = ' ';
	sb_add(sb, out, (size_t)len);
}

/* Appends the three numbers of a colour. */
static void
put_colour(struct strbuf *sb, struct rgb c)
{
	put_number(sb, c.r);
	put_number(sb, c.g);
	put_number(sb, c.b);
}

/* Returns 1 if two colours are the same. */
static int
same_colour(struct rgb a, struct rgb b)
{
	return a.r == b.r && a.g == b.g && a.b == b.b;
}

/* Sets the fill colour, unless it is set already. */
static void
set_fill(struct pdf *p, struct rgb c)
{
	if ((p->now.known & KNOW_FILL) && same_colour(p->now.fill, c))
		return;
	put_colour(&p->ops, c);
	sb_adds(&p->ops, "rg\n");
	p->now.fill = c;
	p->now.known |= KNOW_FILL;
}

/* Sets the stroke colour and line width, unless they are set already. */
static void
set_stroke(struct pdf *p, struct rgb c, double width)
{
	if (!(p->now.known & KNOW_STROKE) || !same_colour(p->now.stroke, c)) {
		put_colour(&p->ops, c);
		sb_adds(&p->ops, "RG\n");
		p->now.stroke = c;
		p->now.known |= KNOW_STROKE;
	}
	if (!(p->now.known & KNOW_WIDTH) || p->now.line_width != width) {
		put_number(&p->ops, width);
		sb_adds(&p->ops, "w\n");
		p->now.line_width = width;
		p->now.known |= KNOW_WIDTH;
	}
}

/* Hands the operators gathered to the page's content stream. */
static void
flush_ops(struct pdf *p)
{
	if (p->ops.len > 0 && HPDF_Stream_Write(((HPDF_PageAttr)p->page->attr)->stream,
	    (const HPDF_BYTE *)p->ops.buf, (HPDF_UINT)p->ops.len) != HPDF_OK)
		p->failed = 1;
	sb_reset(&p->ops);
}

/* Moves the open text object's line to (x, y) in hundredths: Td is relative to the
 * line before, so runs of text share one object (BT ... ET) and short moves. */
static void
move_line(struct pdf *p, long long x, long long y)
{
	put_number(&p->ops, (double)(x - p->now.line_x) / 100);
	put_number(&p->ops, (double)(y - p->now.line_y) / 100);
	sb_adds(&p->ops, "Td\n");
	p->now.line_x = x;
	p->now.line_y = y;
}

/* Closes the open text object, if any: paths may not be drawn in one. */
static void
end_text(struct pdf *p)
{
	if (!p->now.in_text)
		return;
	sb_adds(&p->ops, "ET\n");
	p->now.in_text = 0;
}

/* Draws one run of glyphs (2-byte glyph ids, escaped) of face 'f' at 'offset'. */
static void
draw_run(struct pdf *p, struct font_use *f, const struct strbuf *glyphs, double offset,
    const struct text_at *at)
{
	if (glyphs->len == 0 || face_on_page(p, f) < 0)
		return;
	if (!p->now.in_text) {
		sb_adds(&p->ops, "BT\n");
		p->now.in_text = 1;
		p->now.line_x = p->now.line_y = 0;
	}
	if (!(p->now.known & KNOW_FONT) || p->now.font != f || p->now.font_size != at->size) {
		sb_addf(&p->ops, "/%s ", f->resource);
		put_number(&p->ops, at->size);
		sb_adds(&p->ops, "Tf\n");
		p->now.font = f;
		p->now.font_size = at->size;
		p->now.known |= KNOW_FONT;
	}
	move_line(p, hundredths(at->x + offset), hundredths(at->y));
	sb_adds(&p->ops, "(");
	sb_add(&p->ops, glyphs->buf, glyphs->len);
	sb_adds(&p->ops, ") Tj\n");
	flush_ops(p);
}

/*
 * Measures 'text' at 'size' as runs of one face each and, given 'at', draws it,
 * recording each glyph drawn (and its character) for the font's subset and text map.
 * Returns its width.
 */
static double
each_run(struct pdf *p, const char *text, double size, int bold, const struct text_at *at)
{
	struct strbuf *glyphs = &p->glyphs;
	struct font_use *run = NULL;
	double width = 0, run_at = 0;

	while (*text) {
		FcChar32 cp;
		struct font_use *f;
		hb_codepoint_t g;

		text += next_codepoint(text, &cp);
		f = face_for(p, cp, bold);
		g = glyph_of(f->face, cp);
		if (at != NULL && f != run) {
			if (run != NULL)
				draw_run(p, run, glyphs, run_at, at);
			sb_reset(glyphs);
			run = f;
			run_at = width;
		}
		if (at != NULL) {
			put_code_byte(glyphs, (unsigned char)(g >> 8));
			put_code_byte(glyphs, (unsigned char)g);
			note_drawn(f, g, cp);
		}
		width += glyph_width(f->face, g) * size / 1000;
	}
	if (run != NULL)
		draw_run(p, run, glyphs, run_at, at);
	return width;
}

double
pdf_text_width(struct pdf *p, const char *text, double size, int bold)
{
	return each_run(p, text, size, bold, NULL);
}

char *
pdf_fit(struct pdf *p, const char *text, double width, double size, int bold)
{
	size_t len = strlen(text), lo = 0, hi = len;
	char *out = xmalloc(len + 4);

	/* the longest prefix (in whole code points) that fits with the ellipsis */
	while (lo < hi) {
		size_t mid = (lo + hi + 1) / 2;

		while (mid > lo && ((unsigned char)text[mid] & 0xc0) == 0x80)
			mid--;
		if (mid == lo) {	/* no boundary up to the middle: try the next one */
			mid = lo + 1;
			while (mid < len && ((unsigned char)text[mid] & 0xc0) == 0x80)
				mid++;
			if (mid > hi)
				break;
		}
		memcpy(out, text, mid);
		memcpy(out + mid, "\xe2\x80\xa6", 4);
		if (pdf_text_width(p, out, size, bold) <= width)
			lo = mid;
		else
			hi = mid - 1;
	}
	while (lo > 0 && text[lo - 1] == ' ')
		lo--;
	memcpy(out, text, lo);
	memcpy(out + lo, "\xe2\x80\xa6", 4);
	return out;
}

void
pdf_text(struct pdf *p, double x, double y, double width, enum pdf_align align,
    const char *text, double size, int bold, struct rgb colour)
{
	char *cut = NULL;
	double w;
	struct text_at at;

	if (p->page == NULL || text == NULL || *text == '\0')
		return;
	w = pdf_text_width(p, text, size, bold);
	if (width > 0 && w > width) {
		cut = pdf_fit(p, text, width, size, bold);
		text = cut;
		w = pdf_text_width(p, text, size, bold);
	}
	at.y = y;
	at.size = size;
	at.x = align == PDF_LEFT || width <= 0 ? x
	    : align == PDF_RIGHT ? x + width - w : x + (width - w) / 2;
	set_fill(p, colour);
	each_run(p, text, size, bold, &at);
	free(cut);
}

void
pdf_box(struct pdf *p, double x, double y, double w, double h, const struct rgb *fill,
    const struct rgb *stroke)
{
	if (p->page == NULL)
		return;
	end_text(p);
	if (fill != NULL)
		set_fill(p, *fill);
	if (stroke != NULL)
		set_stroke(p, *stroke, 0.5);
	put_number(&p->ops, x);
	put_number(&p->ops, y);
	put_number(&p->ops, w);
	put_number(&p->ops, h);
	sb_adds(&p->ops, fill != NULL && stroke != NULL ? "re\nB\n" : fill != NULL ? "re\nf\n"
	    : "re\nS\n");
	flush_ops(p);
}

void
pdf_line(struct pdf *p, double x1, double y1, double x2, double y2, double width,
    struct rgb colour)
{
	if (p->page == NULL)
		return;
	end_text(p);
	set_stroke(p, colour, width);
	put_number(&p->ops, x1);
	put_number(&p->ops, y1);
	sb_adds(&p->ops, "m\n");
	put_number(&p->ops, x2);
	put_number(&p->ops, y2);
	sb_adds(&p->ops, "l\nS\n");
	flush_ops(p);
}

const char *
pdf_font_name(const struct pdf *p)
{
	const char *slash = strrchr(p->fonts->regular.path, '/');

	return slash ? slash + 1 : p->fonts->regular.path;
}

const char *
pdf_fallback_font_name(const struct pdf *p)
{
	const char *slash;

	if (p->fonts->fallback.path == NULL)
		return NULL;
	slash = strrchr(p->fonts->fallback.path, '/');
	return slash ? slash + 1 : p->fonts->fallback.path;
}
