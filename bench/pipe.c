/* SPDX-License-Identifier: MIT */
/*
 * bench/pipe.c: the round trip of a pipe, as a parent and a child share one
 * (here in one process): create it close-on-exec, write 64 bytes into the
 * write end, read them from the read end, close both ends; every result
 * checked, errors as a negative errno.  iosafe_pipe, iosafe_write,
 * iosafe_read and iosafe_fd_close against pipe2(2), write(2), read(2) and
 * close(2) on bare ints.
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

#define ROUNDS 1000
#define MSG 64

static char msg[MSG], got[MSG];

#if BENCH_IOSAFE
BENCH_HOT int bench_pipe(int rounds)
{
	for (int i = 0; i < rounds; i++) {
		iosafe_owned_fd r = IOSAFE_FD_NONE, w = IOSAFE_FD_NONE;
		ssize_t n;
		int rc = iosafe_pipe(&r, &w, 0);

		if (rc < 0)
			return rc;
		n = iosafe_write(iosafe_fd_borrow(&w), msg, MSG);
		if (n == MSG)
			n = iosafe_read(iosafe_fd_borrow(&r), got, MSG);
		rc = iosafe_fd_close(&w);
		if (iosafe_fd_close(&r) < 0 || rc < 0)
			return -EIO;
		if (n != MSG)
			return n < 0 ? (int)n : -EIO;
	}
	return 0;
}
#else
BENCH_HOT int bench_pipe(int rounds)
{
	for (int i = 0; i < rounds; i++) {
		int ends[2];
		ssize_t n;
		int rc = 0;

		if (pipe2(ends, O_CLOEXEC) < 0)
			return -errno;
		n = write(ends[1], msg, MSG);
		if (n == MSG)
			n = read(ends[0], got, MSG);
		if (n < 0)
			n = -errno;
		if (close(ends[1]) < 0 && errno != EINTR)
			rc = -errno;
		if ((close(ends[0]) < 0 && errno != EINTR) || rc < 0)
			return -EIO;
		if (n != MSG)
			return n < 0 ? (int)n : -EIO;
	}
	return 0;
}
#endif

int main(void)
{
	int rc = bench_pipe(ROUNDS);

	printf("pipe: %d rounds, rc %d\n", ROUNDS, rc);
	return rc == 0 ? 0 : 1;
}
