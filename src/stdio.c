/* SPDX-License-Identifier: MIT */
/*
 * src/stdio.c: handing descriptors to FILE and DIR streams and back.
 * The contracts and documentation are in include/iosafe/stdio.h; the
 * trusted contracts of the calls made here are in acsl/iosafe_posix_stdio.h.
 */
#define _GNU_SOURCE /* fdopendir on older glibc */
#include <dirent.h>
#include <errno.h>
#include <stddef.h>
#include <stdio.h>

#include "iosafe/stdio.h"

int iosafe_file_from_fd(FILE **out, iosafe_owned_fd *fd, const char *mode)
{
	FILE *f;

	if (out == NULL)
		return -EINVAL;
	*out = NULL;
	if (fd == NULL || mode == NULL)
		return -EINVAL;
	if (fd->raw < 0)
		return -EBADF;
	f = fdopen(fd->raw, mode);
	/* fdopen(3) leaves the descriptor alone on failure: it is still
	 * *fd's. */
	if (f == NULL)
		return -errno;
	*out = f;
	fd->raw = IOSAFE_RAW_NONE;
	return 0;
}

int iosafe_fd_from_file(iosafe_owned_fd *out, FILE *f)
{
	iosafe_owned_fd copy;
	int raw, rc;

	if (out == NULL)
		return -EINVAL;
	out->raw = IOSAFE_RAW_NONE;
	if (f == NULL)
		return -EINVAL;
	raw = fileno(f);
	if (raw < 0)
		return -errno;
	rc = iosafe_fd_try_clone(iosafe_fd_borrow_raw(raw), &copy);
	if (rc != 0)
		return rc;
	/* fclose(3) closes the stream's descriptor whatever it returns. */
	if (fclose(f) != 0) {
		rc = -errno;
		iosafe_fd_drop(&copy);
		return rc;
	}
	out->raw = copy.raw;
	return 0;
}

int iosafe_dir_from_fd(DIR **out, iosafe_owned_fd *fd)
{
	DIR *d;

	if (out == NULL)
		return -EINVAL;
	*out = NULL;
	if (fd == NULL)
		return -EINVAL;
	if (fd->raw < 0)
		return -EBADF;
	d = fdopendir(fd->raw);
	if (d == NULL)
		return -errno;
	*out = d;
	fd->raw = IOSAFE_RAW_NONE;
	return 0;
}
