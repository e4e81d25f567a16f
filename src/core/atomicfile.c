/* SPDX-License-Identifier: Apache-2.0 */
/* atomicfile.c - output files written under a temporary name, then renamed. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "showup/atomicfile.h"

FILE *
atomic_open(struct atomic_file *af, const char *path, su_err *e)
{
	int fd;

	af->path = xstrdup(path);
	af->tmp = xasprintf("%s.tmp-XXXXXX", path);
	af->f = NULL;
	fd = mkstemp(af->tmp);
	if (fd < 0) {
		su_err_set(e, "cannot write '%s': %s", path, strerror(errno));
		free(af->tmp);
		af->tmp = NULL;
		return NULL;
	}
	af->f = fdopen(fd, "w");
	if (af->f == NULL) {
		su_err_set(e, "cannot write '%s': %s", path, strerror(errno));
		close(fd);
		atomic_abort(af);
	}
	return af->f;
}

const char *
atomic_hand_over(struct atomic_file *af)
{
	if (af->f != NULL)
		fclose(af->f);
	af->f = NULL;
	return af->tmp;
}

/* Syncs the file written under 'tmp' by another writer (atomic_hand_over); 0 or -1. */
static int
sync_path(const char *tmp)
{
	int fd = open(tmp, O_RDONLY | O_CLOEXEC), rc;

	if (fd < 0)
		return -1;
	rc = fsync(fd);
	close(fd);
	return rc;
}

/* Opens the folder that holds 'path', to sync it; the descriptor or -1. */
static int
open_folder(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *dir = slash ? xstrndup(path, slash == path ? 1 : (size_t)(slash - path))
	    : xstrdup(".");
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

	free(dir);
	return fd;
}

int
atomic_sync_folder(const char *path)
{
	int fd = open_folder(path), rc = -1;

	if (fd >= 0) {
		rc = fsync(fd);
		close(fd);
	}
	return rc;
}

int
atomic_commit(struct atomic_file *af, su_err *e)
{
	int failed;

	if (af->f != NULL) {
		failed = ferror(af->f) || fflush(af->f) != 0 || fsync(fileno(af->f)) != 0;
		failed |= fclose(af->f) != 0;
	} else
		failed = sync_path(af->tmp) != 0;
	af->f = NULL;
	if (failed || rename(af->tmp, af->path) != 0) {
		su_err_set(e, "cannot write '%s': %s", af->path, strerror(errno));
		atomic_abort(af);
		return -1;
	}
	(void)atomic_sync_folder(af->path);	/* the file is in place; this makes the rename last */
	free(af->tmp);
	free(af->path);
	af->tmp = af->path = NULL;
	return 0;
}

int
atomic_close(struct atomic_file *af)
{
	int failed = 0;

	if (af->f != NULL) {
		failed = ferror(af->f) || fflush(af->f) != 0;
		failed |= fclose(af->f) != 0;
	}
	af->f = NULL;
	return failed ? -1 : 0;
}

/* Syncs the temporary files of 'af' one by one; 0 or -1. */
static int
sync_each(struct atomic_file *af, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (sync_path(af[i].tmp) != 0)
			return -1;
	return 0;
}

int
atomic_commit_all(struct atomic_file *af, size_t n, su_err *e)
{
	int fd, rc = 0, synced;

	if (n == 0)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (atomic_close(&af[i]) < 0 && rc == 0)
			rc = su_err_set(e, "cannot write '%s': %s", af[i].path, strerror(errno));
	/* one sync of the file system makes every file of the batch last */
	fd = open_folder(af[0].path);
	synced = rc == 0 && ((fd >= 0 && syncfs(fd) == 0) || sync_each(af, n) == 0);
	if (rc == 0 && !synced)
		rc = su_err_set(e, "cannot write '%s': %s", af[0].path, strerror(errno));
	for (size_t i = 0; i < n; i++) {
		if (rc == 0 && rename(af[i].tmp, af[i].path) != 0)
			rc = su_err_set(e, "cannot write '%s': %s", af[i].path, strerror(errno));
		if (rc < 0) {
			atomic_abort(&af[i]);
			continue;
		}
		free(af[i].tmp);
		free(af[i].path);
		af[i].tmp = af[i].path = NULL;
	}
	if (fd >= 0) {
		(void)fsync(fd);	/* the renames last */
		close(fd);
	}
	return rc;
}

void
atomic_abort(struct atomic_file *af)
{
	if (af->f != NULL)
		fclose(af->f);
	if (af->tmp != NULL)
		unlink(af->tmp);
	free(af->tmp);
	free(af->path);
	af->f = NULL;
	af->tmp = af->path = NULL;
}
