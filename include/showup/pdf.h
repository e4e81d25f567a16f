/* SPDX-License-Identifier: Apache-2.0 */
/* pdf.h - PDF pages for the reports: UTF-8 text in embedded TrueType fonts (subset to
 * the glyphs drawn), with a fallback font for scripts the main one lacks; boxes, lines,
 * bookmarks; saved whole, to a file or into memory. */
#ifndef SHOWUP_PDF_H
#define SHOWUP_PDF_H

#include <stddef.h>
#include <stdint.h>

#include "showup/atomicfile.h"
#include "showup/util.h"

enum pdf_paper { PAPER_A4, PAPER_LETTER };
enum pdf_align { PDF_LEFT, PDF_CENTER, PDF_RIGHT };

struct pdf_fonts;

struct pdf_options {
	struct pdf_fonts *fonts;	/* found already (many documents), or NULL: the fields
					   below find them for this document */
	enum pdf_paper paper;
	int landscape;
	const char *font;		/* TrueType file, NULL: DejaVu Sans found through fontconfig */
	const char *bold_font;		/* NULL: the bold face beside 'font', else 'font' */
	const char *fallback_font;	/* NULL: a TrueType font fontconfig finds for what is
					   missing; "" for none */
	const char *title, *author, *subject;
	int64_t date;			/* the report's date (UTC seconds): metadata, never the clock */
	int quick;			/* pages compressed fastest, some 3% larger (long reports) */
};

struct pdf;
struct rgb { double r, g, b; };

/* Finds and opens the fonts of 'o' once, for any number of documents; NULL with 'e' set. */
struct pdf_fonts *pdf_fonts_new(const struct pdf_options *o, su_err *e);
void pdf_fonts_free(struct pdf_fonts *f);
/* The width and height in points of a page of 'paper', turned for landscape. */
void pdf_paper_size(enum pdf_paper paper, int landscape, double *width, double *height);
/* Starts a document; NULL with 'e' set (no usable font, for one). */
struct pdf *pdf_new(const struct pdf_options *o, su_err *e);
void pdf_free(struct pdf *p);
/* Writes the document to 'path' under a temporary name, then renames it; 0 or -1. */
int pdf_save(struct pdf *p, const char *path, su_err *e);
/* Writes the document (a short one: it passes through memory) to a temporary file
 * beside 'path' and leaves it there for the caller to put in place (atomic_commit,
 * atomic_commit_all) or drop; 0 or -1. */
int pdf_save_pending(struct pdf *p, const char *path, struct atomic_file *af, su_err *e);
/* Appends the whole document to 'out' (a mail attachment, say); 0 or -1. */
int pdf_save_buffer(struct pdf *p, struct strbuf *out, su_err *e);

/* Starts a new page; its size in points goes to *width and *height. */
void pdf_page(struct pdf *p, double *width, double *height);
/* Adds a bookmark to the current page under 'parent' (-1 for the top); returns its id. */
int pdf_bookmark(struct pdf *p, int parent, const char *title);

/* Returns 1 if every character of 'text' has a glyph in the main or the fallback font. */
int pdf_covers(struct pdf *p, const char *text);
/* Returns the width of 'text' at 'size' points, bold or not. */
double pdf_text_width(struct pdf *p, const char *text, double size, int bold);
/*
 * Returns 'text' cut to fit 'width' at 'size' points with "…" in place of the rest:
 * the longest prefix of whole code points that fits with it, its trailing spaces
 * dropped. For text wider than 'width', on a page (widths need one). The caller frees it.
 */
char *pdf_fit(struct pdf *p, const char *text, double width, double size, int bold);
/*
 * Draws 'text' with its baseline at y, aligned within [x, x + width]; text wider
 * than the box is cut with an ellipsis, never overflowing it.
 */
void pdf_text(struct pdf *p, double x, double y, double width, enum pdf_align align,
    const char *text, double size, int bold, struct rgb colour);
/* Fills (and, with a stroke colour, outlines) a rectangle whose lower left is (x, y). */
void pdf_box(struct pdf *p, double x, double y, double w, double h, const struct rgb *fill,
    const struct rgb *stroke);
/* Draws a line. */
void pdf_line(struct pdf *p, double x1, double y1, double x2, double y2, double width,
    struct rgb colour);

/* The fonts in use, for messages ("DejaVuSans.ttf"). */
const char *pdf_font_name(const struct pdf *p);
/* The fallback font's file name ("DroidSansFallbackFull.ttf"), or NULL for none. */
const char *pdf_fallback_font_name(const struct pdf *p);

#endif
