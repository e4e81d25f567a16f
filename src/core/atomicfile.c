/* atomicfile.c - output files written under a temporary name, then renamed. */
#include "config.h"

#include <errno.h>
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

int
atomic_commit(struct atomic_file *af, su_err *e)
{
	int failed;

	failed = ferror(af->f) || fflush(af->f) != 0 || fsync(fileno(af->f)) != 0;
	failed |= fclose(af->f) != 0;
	af->f = NULL;
	if (failed || rename(af->tmp, af->path) != 0) {
		su_err_set(e, "cannot write '%s': %s", af->path, strerror(errno));
		atomic_abort(af);
		return -1;
	}
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
