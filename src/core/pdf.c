/* pdf.c - PDF through libharu: UTF-8 text in embedded TrueType fonts, fonts found and
 * their coverage read through fontconfig, a fallback font for what the main one lacks. */
#include "config.h"

#include <fontconfig/fontconfig.h>
#include <hpdf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "showup/atomicfile.h"
#include "showup/pdf.h"
#include "showup/timeutil.h"

#ifndef DEFAULT_FONT
#define DEFAULT_FONT "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
#endif

/* One font file: where it is, what it covers, and the libharu font once loaded. */
struct face {
	char *path;
	int index;		/* within a collection (.ttc) */
	FcCharSet *charset;
	HPDF_Font font;		/* NULL until first used */
};

struct pdf {
	FcConfig *fonts;	/* fontconfig's view of the installed fonts, ours to destroy */
	HPDF_Doc doc;
	HPDF_Page page;
	struct face regular, bold, fallback;
	enum pdf_paper paper;
	int landscape;
	HPDF_Outline *outlines;
	size_t noutlines, capoutlines;
	int failed;
	char error[256];
};

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
	pat = FcFreeTypeQuery((const FcChar8 *)path, index, blanks, &count);
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
choose_faces(struct pdf *p, const struct pdf_options *o, su_err *e)
{
	char *regular = o->font ? xstrdup(o->font) : find_family(p->fonts, "DejaVu Sans", 0);
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
		bold = find_family(p->fonts, "DejaVu Sans", 1);
	if (bold == NULL || face_from_file(&p->bold, bold, 0) < 0)
		face_from_file(&p->bold, regular, 0);
	if (o->fallback_font != NULL && *o->fallback_font != '\0' &&
	    face_from_file(&p->fallback, o->fallback_font, 0) < 0) {
		su_err_set(e, "cannot use fallback font '%s'", o->fallback_font);
		goto done;
	}
	if (o->fallback_font == NULL)
		find_fallback(p->fonts, &p->fallback, 0x6771);	/* a CJK font, if installed */
	rc = 0;
done:
	free(regular);
	free(bold);
	return rc;
}

/* Returns the libharu font of a face, loading (and embedding) it on first use. */
static HPDF_Font
face_font(struct pdf *p, struct face *f)
{
	const char *name;

	if (f->font != NULL || p->failed)
		return f->font;
	if (strstr(f->path, ".ttc") != NULL)
		name = HPDF_LoadTTFontFromFile2(p->doc, f->path, (HPDF_UINT)f->index, HPDF_TRUE);
	else
		name = HPDF_LoadTTFontFromFile(p->doc, f->path, HPDF_TRUE);
	if (name != NULL)
		f->font = HPDF_GetFont(p->doc, name, "UTF-8");
	return f->font;
}

/* Sets a text attribute of the document's information dictionary. */
static void
set_info(struct pdf *p, HPDF_InfoType type, const char *value)
{
	if (value != NULL && *value != '\0')
		HPDF_SetInfoAttr(p->doc, type, value);
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

struct pdf *
pdf_new(const struct pdf_options *o, su_err *e)
{
	struct pdf *p = xcalloc(1, sizeof *p);

	if ((p->fonts = FcInitLoadConfigAndFonts()) == NULL) {
		su_err_set(e, "cannot start fontconfig");
		free(p);
		return NULL;
	}
	p->paper = o->paper;
	p->landscape = o->landscape;
	if (choose_faces(p, o, e) < 0) {
		pdf_free(p);
		return NULL;
	}
	p->doc = HPDF_New(on_hpdf_error, p);
	if (p->doc == NULL) {
		su_err_set(e, "cannot start a PDF document");
		pdf_free(p);
		return NULL;
	}
	HPDF_SetCompressionMode(p->doc, HPDF_COMP_ALL);
	HPDF_UseUTFEncodings(p->doc);
	HPDF_SetCurrentEncoder(p->doc, "UTF-8");
	set_info(p, HPDF_INFO_TITLE, o->title);
	set_info(p, HPDF_INFO_AUTHOR, o->author);
	set_info(p, HPDF_INFO_SUBJECT, o->subject);
	set_info(p, HPDF_INFO_CREATOR, PACKAGE_STRING);
	set_date(p, o->date);
	if (face_font(p, &p->regular) == NULL) {
		su_err_set(e, "cannot load font '%s': %s", p->regular.path, p->error);
		pdf_free(p);
		return NULL;
	}
	return p;
}

/* Releases what a face holds. */
static void
face_free(struct face *f)
{
	free(f->path);
	if (f->charset != NULL)
		FcCharSetDestroy(f->charset);
	memset(f, 0, sizeof *f);
}

void
pdf_free(struct pdf *p)
{
	if (p == NULL)
		return;
	if (p->doc != NULL)
		HPDF_Free(p->doc);
	face_free(&p->regular);
	face_free(&p->bold);
	face_free(&p->fallback);
	if (p->fonts != NULL)
		FcConfigDestroy(p->fonts);
	free(p->outlines);
	free(p);
}

int
pdf_save(struct pdf *p, const char *path, su_err *e)
{
	struct atomic_file af;
	HPDF_BYTE buf[65536];
	FILE *out;

	if (p->failed)
		return su_err_set(e, "cannot write '%s': %s", path, p->error);
	if (HPDF_SaveToStream(p->doc) != HPDF_OK)
		return su_err_set(e, "cannot write '%s': %s", path, p->error);
	HPDF_ResetStream(p->doc);
	if ((out = atomic_open(&af, path, e)) == NULL)
		return -1;
	for (;;) {
		HPDF_UINT32 n = sizeof buf;
		HPDF_STATUS st = HPDF_ReadFromStream(p->doc, buf, &n);

		if (n > 0 && fwrite(buf, 1, n, out) != n) {
			atomic_abort(&af);
			return su_err_set(e, "cannot write '%s'", path);
		}
		if (st == HPDF_STREAM_EOF)
			break;
		if (st != HPDF_OK) {
			atomic_abort(&af);
			return su_err_set(e, "cannot write '%s': %s", path, p->error);
		}
	}
	return atomic_commit(&af, e);
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
	p->page = HPDF_AddPage(p->doc);
	HPDF_Page_SetWidth(p->page, (HPDF_REAL)*width);
	HPDF_Page_SetHeight(p->page, (HPDF_REAL)*height);
}

int
pdf_bookmark(struct pdf *p, int parent, const char *title)
{
	HPDF_Outline o;

	if (p->noutlines == p->capoutlines) {
		p->capoutlines = p->capoutlines ? p->capoutlines * 2 : 64;
		p->outlines = xrealloc(p->outlines, p->capoutlines * sizeof *p->outlines);
	}
	o = HPDF_CreateOutline(p->doc, parent >= 0 ? p->outlines[parent] : NULL, title,
	    HPDF_GetEncoder(p->doc, "UTF-8"));
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
	int n = FcUtf8ToUcs4((const FcChar8 *)s, cp, (int)strnlen(s, 4));

	if (n <= 0) {
		*cp = 0xfffd;
		return 1;
	}
	return (size_t)n;
}

/* Returns the face that draws 'cp': the main one (bold or not), else the fallback. */
static struct face *
face_for(struct pdf *p, FcChar32 cp, int bold)
{
	struct face *main = bold ? &p->bold : &p->regular;

	if (cp < 0x80 || FcCharSetHasChar(main->charset, cp) || p->fallback.charset == NULL ||
	    !FcCharSetHasChar(p->fallback.charset, cp))
		return main;
	return &p->fallback;
}

int
pdf_covers(struct pdf *p, const char *text)
{
	while (*text) {
		FcChar32 cp;

		text += next_codepoint(text, &cp);
		if (cp < 0x80 || (p->fallback.charset != NULL &&
		    FcCharSetHasChar(p->fallback.charset, cp)))
			continue;
		/* names are drawn in both faces: each must have it */
		if (!FcCharSetHasChar(p->regular.charset, cp) ||
		    !FcCharSetHasChar(p->bold.charset, cp))
			return 0;
	}
	return 1;
}

/*
 * Walks 'text' as runs of one face each, calling 'fn' with every run (a copy,
 * NUL-terminated) and its face. Returns the summed width at 'size'.
 */
static double
each_run(struct pdf *p, const char *text, double size, int bold,
    void (*fn)(struct pdf *, HPDF_Font, const char *, double, void *), void *arg)
{
	char run[1024];
	double width = 0;

	while (*text) {
		const char *start = text;
		struct face *f;
		HPDF_Font font;
		FcChar32 cp;
		size_t n;

		text += next_codepoint(text, &cp);
		f = face_for(p, cp, bold);
		while (*text) {
			size_t len = next_codepoint(text, &cp);

			if (face_for(p, cp, bold) != f || (size_t)(text + len - start) >= sizeof run)
				break;
			text += len;
		}
		n = (size_t)(text - start);
		memcpy(run, start, n);
		run[n] = '\0';
		if ((font = face_font(p, f)) == NULL || p->page == NULL)
			continue;
		HPDF_Page_SetFontAndSize(p->page, font, (HPDF_REAL)size);
		if (fn != NULL)
			fn(p, font, run, width, arg);
		width += HPDF_Page_TextWidth(p->page, run);
	}
	return width;
}

double
pdf_text_width(struct pdf *p, const char *text, double size, int bold)
{
	return each_run(p, text, size, bold, NULL, NULL);
}

/* Where a line of text goes: its origin. */
struct text_at { double x, y; };

/* Draws one run at its offset from the line's origin. */
static void
draw_run(struct pdf *p, HPDF_Font font, const char *run, double offset, void *arg)
{
	const struct text_at *at = arg;

	(void)font;
	HPDF_Page_BeginText(p->page);
	HPDF_Page_TextOut(p->page, (HPDF_REAL)(at->x + offset), (HPDF_REAL)at->y, run);
	HPDF_Page_EndText(p->page);
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
	at.x = align == PDF_LEFT || width <= 0 ? x
	    : align == PDF_RIGHT ? x + width - w : x + (width - w) / 2;
	HPDF_Page_SetRGBFill(p->page, (HPDF_REAL)colour.r, (HPDF_REAL)colour.g,
	    (HPDF_REAL)colour.b);
	each_run(p, text, size, bold, draw_run, &at);
	free(cut);
}

void
pdf_box(struct pdf *p, double x, double y, double w, double h, const struct rgb *fill,
    const struct rgb *stroke)
{
	if (p->page == NULL)
		return;
	if (fill != NULL)
		HPDF_Page_SetRGBFill(p->page, (HPDF_REAL)fill->r, (HPDF_REAL)fill->g,
		    (HPDF_REAL)fill->b);
	if (stroke != NULL) {
		HPDF_Page_SetRGBStroke(p->page, (HPDF_REAL)stroke->r, (HPDF_REAL)stroke->g,
		    (HPDF_REAL)stroke->b);
		HPDF_Page_SetLineWidth(p->page, 0.5);
	}
	HPDF_Page_Rectangle(p->page, (HPDF_REAL)x, (HPDF_REAL)y, (HPDF_REAL)w, (HPDF_REAL)h);
	if (fill != NULL && stroke != NULL)
		HPDF_Page_FillStroke(p->page);
	else if (fill != NULL)
		HPDF_Page_Fill(p->page);
	else
		HPDF_Page_Stroke(p->page);
}

void
pdf_line(struct pdf *p, double x1, double y1, double x2, double y2, double width,
    struct rgb colour)
{
	if (p->page == NULL)
		return;
	HPDF_Page_SetRGBStroke(p->page, (HPDF_REAL)colour.r, (HPDF_REAL)colour.g,
	    (HPDF_REAL)colour.b);
	HPDF_Page_SetLineWidth(p->page, (HPDF_REAL)width);
	HPDF_Page_MoveTo(p->page, (HPDF_REAL)x1, (HPDF_REAL)y1);
	HPDF_Page_LineTo(p->page, (HPDF_REAL)x2, (HPDF_REAL)y2);
	HPDF_Page_Stroke(p->page);
}

const char *
pdf_font_name(const struct pdf *p)
{
	const char *slash = strrchr(p->regular.path, '/');

	return slash ? slash + 1 : p->regular.path;
}

const char *
pdf_fallback_font_name(const struct pdf *p)
{
	const char *slash;

	if (p->fallback.path == NULL)
		return NULL;
	slash = strrchr(p->fallback.path, '/');
	return slash ? slash + 1 : p->fallback.path;
}
