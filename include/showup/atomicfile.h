/* SPDX-License-Identifier: Apache-2.0 */
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
/*
 * Closes the stream and returns the temporary file's name, for a writer that
 * needs a path (SQLite's backup); atomic_commit then syncs it by name.
 */
const char *atomic_hand_over(struct atomic_file *af);
/*
 * Flushes, syncs and renames the file into place, then syncs its folder so
 * the rename itself survives a crash, unless a write to it failed; 0 or -1
 * with 'e' set (then nothing is left).
 */
int atomic_commit(struct atomic_file *af, su_err *e);
/*
 * Puts 'n' files written under temporary names in one folder in place together: one
 * sync of their file system for all of them (each file's own if that fails), their
 * renames, then one sync of the folder; thousands of small files take a fraction of
 * the time. 0, or -1 with 'e' set: the files renamed before the failure stay in
 * place, the rest are dropped.
 */
int atomic_commit_all(struct atomic_file *af, size_t n, su_err *e);
/* Closes a file still open for writing, if it is, leaving it under its temporary name
 * (for atomic_commit_all: no descriptor held for each of thousands of files); 0, or -1
 * if a write to it failed. */
int atomic_close(struct atomic_file *af);
/* Syncs the folder that holds 'path' (after a rename); 0 or -1. */
int atomic_sync_folder(const char *path);
/* Drops the temporary file; safe to call after a failed open or commit. */
void atomic_abort(struct atomic_file *af);

#endif
