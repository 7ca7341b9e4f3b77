/* SPDX-License-Identifier: MIT */
/*
 * bench/pipe_filelike.c: bench/pipe.c's round trip written with the
 * portable names of include/iosafe/filelike.h (iosafe_pipe_filelike,
 * iosafe_filelike_write, _read, _close: on Linux static inline calls of
 * iosafe_pipe, iosafe_write, iosafe_read, iosafe_fd_close) against
 * pipe2(2), write(2), read(2) and close(2) on bare ints: what the
 * portability layer costs.
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
BENCH_HOT int bench_pipe_filelike(int rounds)
{
	for (int i = 0; i < rounds; i++) {
		iosafe_owned_filelike r = IOSAFE_FILELIKE_NONE, w = IOSAFE_FILELIKE_NONE;
		ssize_t n;
		int rc = iosafe_pipe_filelike(&r, &w);

		if (rc < 0)
			return rc;
		n = iosafe_filelike_write(iosafe_filelike_borrow(&w), msg, MSG);
		if (n == MSG)
			n = iosafe_filelike_read(iosafe_filelike_borrow(&r), got, MSG);
		rc = iosafe_filelike_close(&w);
		if (iosafe_filelike_close(&r) < 0 || rc < 0)
			return -EIO;
		if (n != MSG)
			return n < 0 ? (int)n : -EIO;
	}
	return 0;
}
#else
BENCH_HOT int bench_pipe_filelike(int rounds)
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
	int rc = bench_pipe_filelike(ROUNDS);

	printf("pipe_filelike: %d rounds, rc %d\n", ROUNDS, rc);
	return rc == 0 ? 0 : 1;
}
