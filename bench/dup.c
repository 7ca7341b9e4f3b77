/* SPDX-License-Identifier: MIT */
/*
 * bench/dup.c: duplicate a descriptor and close the copy, as code that hands
 * a copy to another owner does: iosafe_fd_try_clone (fcntl(2)
 * F_DUPFD_CLOEXEC, numbered 3 or above) against the same fcntl call on bare
 * ints, each result checked, the close checked as iosafe_fd_close does.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#include "bench.h"
#if BENCH_IOSAFE
#  include <iosafe/iosafe.h>
#endif

#define ROUNDS 2000

#if BENCH_IOSAFE
BENCH_HOT int bench_dup(iosafe_borrowed_fd fd, int rounds)
{
	for (int i = 0; i < rounds; i++) {
		iosafe_owned_fd copy = IOSAFE_FD_NONE;
		int rc = iosafe_fd_try_clone(fd, &copy);

		if (rc < 0)
			return rc;
		rc = iosafe_fd_close(&copy);
		if (rc < 0)
			return rc;
	}
	return 0;
}

int main(void)
{
	iosafe_owned_fd fd = IOSAFE_FD_NONE;
	int rc = iosafe_open(&fd, "/dev/null", O_RDONLY, 0);

	if (rc == 0)
		rc = bench_dup(iosafe_fd_borrow(&fd), ROUNDS);
	iosafe_fd_drop(&fd);
	printf("dup: %d rounds, rc %d\n", ROUNDS, rc);
	return rc == 0 ? 0 : 1;
}
#else
BENCH_HOT int bench_dup(int fd, int rounds)
{
	for (int i = 0; i < rounds; i++) {
		int copy = fcntl(fd, F_DUPFD_CLOEXEC, 3);

		if (copy < 0)
			return -errno;
		if (close(copy) < 0 && errno != EINTR)
			return -errno;
	}
	return 0;
}

int main(void)
{
	int fd = open("/dev/null", O_RDONLY | O_CLOEXEC);
	int rc = fd < 0 ? -errno : bench_dup(fd, ROUNDS);

	if (fd >= 0)
		close(fd);
	printf("dup: %d rounds, rc %d\n", ROUNDS, rc);
	return rc == 0 ? 0 : 1;
}
#endif
