/* SPDX-License-Identifier: MIT */
/*
 * bench/open_close.c: the acquire/release loop of a server (accept, use,
 * close), with open(2) of /dev/null standing in for accept(2) so that no
 * peer is needed: acquire a close-on-exec descriptor, check it, close it,
 * check the close.
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
BENCH_HOT int bench_open_close(const char *path, int rounds)
{
	for (int i = 0; i < rounds; i++) {
		iosafe_owned_fd fd = IOSAFE_FD_NONE;
		int rc = iosafe_open(&fd, path, O_RDONLY, 0);

		if (rc < 0)
			return rc;
		rc = iosafe_fd_close(&fd);
		if (rc < 0)
			return rc;
	}
	return 0;
}
#else
BENCH_HOT int bench_open_close(const char *path, int rounds)
{
	for (int i = 0; i < rounds; i++) {
		int fd = open(path, O_RDONLY | O_CLOEXEC);

		if (fd < 0)
			return -errno;
		if (close(fd) < 0 && errno != EINTR)
			return -errno;
	}
	return 0;
}
#endif

int main(void)
{
	int rc = bench_open_close("/dev/null", ROUNDS);

	printf("open_close: %d rounds, rc %d\n", ROUNDS, rc);
	return rc == 0 ? 0 : 1;
}
