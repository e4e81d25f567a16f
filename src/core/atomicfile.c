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

int
atomic_sync_folder(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *dir = slash ? xstrndup(path, slash == path ? 1 : (size_t)(slash - path))
	    : xstrdup(".");
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC), rc = -1;

	if (fd >= 0) {
		rc = fsync(fd);
		close(fd);
	}
	free(dir);
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
