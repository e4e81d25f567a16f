/* SPDX-License-Identifier: Apache-2.0 */
/* table.h - aligned text tables by display width (accents, CJK), or CSV. */
#ifndef SHOWUP_TABLE_H
#define SHOWUP_TABLE_H

#include <stddef.h>
#include <stdio.h>

/* Returns the terminal columns a UTF-8 string takes (CJK wide = 2, combining = 0). */
size_t text_width(const char *s);
/* Returns the display width of one code point: 0, 1 or 2. */
int codepoint_width(unsigned int cp);

enum table_align { ALIGN_LEFT, ALIGN_RIGHT };

/* A text table shows at most this many columns of a cell, then an ellipsis (CSV: all of it). */
#define TABLE_CELL_MAX 64

struct table;

/* Creates a table with 'ncols' columns named by 'headers' (copied). */
struct table *table_new(size_t ncols, const char *const *headers);
void table_set_align(struct table *t, size_t col, enum table_align align);
/* Adds a row of 'ncols' cells (copied; NULL is an empty cell). */
void table_add_row(struct table *t, const char *const *cells);
size_t table_rows(const struct table *t);
/* Prints aligned columns separated by two spaces, header first, no trailing spaces. */
void table_print(const struct table *t, FILE *out);
/* Prints RFC 4180 CSV: header and rows, CRLF line ends. */
void table_print_csv(const struct table *t, FILE *out);
void table_free(struct table *t);

#endif
