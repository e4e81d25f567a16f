/* atomicfile.h - output files written under a temporary name, then renamed. */
#ifndef SHOWUP_ATOMICFILE_H
#define SHOWUP_ATOMICFILE_H

#include <stdio.h>

#include "showup/util.h"

struct atomic_file {
	char *path;
	char *tmp;
	FILE *f;
};

/* Opens a temporary file beside 'path' (mode 0600); the FILE* or NULL with 'e' set. */
FILE *atomic_open(struct atomic_file *af, const char *path, su_err *e);
/* Flushes, syncs and renames the file into place, unless a write to it failed; 0 or -1 with 'e' set (then nothing is left). */
int atomic_commit(struct atomic_file *af, su_err *e);
/* Drops the temporary file; safe to call after a failed open or commit. */
void atomic_abort(struct atomic_file *af);

#endif
