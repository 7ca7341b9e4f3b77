/* SPDX-License-Identifier: MIT */
/*
 * Seeded bug: fd leak.  cat_files' redirect_stdout with the output file's
 * own descriptor kept after iosafe_dup2_stdout put a copy of it on
 * descriptor 1 (the pattern of dropbear's and others' real leaks): the
 * copy on 1 is all the program uses, the original is never closed.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <string.h>

#include <iosafe/iosafe.h>

int redirect_stdout(const char *out)
{
	iosafe_owned_fd fd = IOSAFE_FD_NONE;
	int rc = iosafe_open(&fd, out, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (rc < 0) {
		fprintf(stderr, "cat_files: %s: %s\n", out, strerror(-rc));
		return 1;
	}
	rc = iosafe_dup2_stdout(iosafe_fd_borrow(&fd));
	if (rc < 0) {
		iosafe_fd_drop(&fd);
		fprintf(stderr, "cat_files: %s: %s\n", out, strerror(-rc));
		return 1;
	}
	return 0; /* BUG: fd leak (fd is still open; only descriptor 1 was meant to stay) */
}
