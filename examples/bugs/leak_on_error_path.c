/* SPDX-License-Identifier: MIT */
/*
 * Seeded bug: fd leak.  file_copy's copy_file with the destination left open
 * on the error path: when the copy fails, dst is neither closed nor handed
 * on before the return.
 */
#define _POSIX_C_SOURCE 200809L
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <iosafe/iosafe.h>

int copy_data(iosafe_borrowed_fd src IOSAFE_USES, iosafe_borrowed_fd dst IOSAFE_USES);

/* Reports a failed copy and removes the partial destination; returns 1. */
static int copy_failed(const char *to, int err)
{
	fprintf(stderr, "copy to %s failed: %s\n", to, strerror(-err));
	unlink(to);
	return 1;
}

int copy_file(const char *from, const char *to)
{
	iosafe_owned_fd src = IOSAFE_FD_NONE;
	int rc = iosafe_open(&src, from, O_RDONLY, 0);
	if (rc < 0)
		return 1;
	iosafe_owned_fd dst = IOSAFE_FD_NONE;
	rc = iosafe_open(&dst, to, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (rc < 0) {
		iosafe_fd_drop(&src);
		return 1;
	}
	rc = copy_data(iosafe_fd_borrow(&src), iosafe_fd_borrow(&dst));
	iosafe_fd_drop(&src);
	if (rc < 0)
		return copy_failed(to, rc); /* BUG: fd leak (dst is still open) */
	return iosafe_fd_close(&dst) < 0;
}
