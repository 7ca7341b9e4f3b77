/* SPDX-License-Identifier: MIT */
/*
 * bench/copy_file.c SRC DST: copy a file with iosafe_copy_all, as
 * `cp --reflink=never SRC DST` does (bench/cp.sh times both side by side).
 * DST is created or truncated, mode 0644; the exit status is 0 on success.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <string.h>

#include <iosafe/iosafe.h>

int main(int argc, char **argv)
{
	iosafe_owned_fd src = IOSAFE_FD_NONE, dst = IOSAFE_FD_NONE;
	off_t copied = 0;
	int rc;

	if (argc != 3) {
		fprintf(stderr, "usage: copy_file SRC DST\n");
		return 2;
	}
	rc = iosafe_open(&src, argv[1], O_RDONLY, 0);
	if (rc == 0)
		rc = iosafe_open(&dst, argv[2], O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (rc == 0)
		rc = iosafe_copy_all(iosafe_fd_borrow(&dst), iosafe_fd_borrow(&src), &copied);
	if (rc == 0)
		rc = iosafe_fd_close(&dst);
	iosafe_fd_drop(&dst);
	iosafe_fd_drop(&src);
	if (rc != 0) {
		fprintf(stderr, "copy_file: %s (%lld bytes copied)\n", strerror(-rc),
			(long long)copied);
		return 1;
	}
	return 0;
}
