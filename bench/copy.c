/* SPDX-License-Identifier: MIT */
/*
 * bench/copy.c: a copy loop, /dev/zero to /dev/null, 4 KiB at a time, every
 * read and write checked, errors returned as a negative errno (as iosafe
 * does, so that both versions do the same work).
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

#define CHUNK 4096
#define TOTAL (8L << 20) /* 8 MiB: 2048 reads and writes */

static char buf[CHUNK];

#if BENCH_IOSAFE
BENCH_HOT long bench_copy(iosafe_borrowed_fd in, iosafe_borrowed_fd out, long total)
{
	long done = 0;

	while (done < total) {
		ssize_t got = iosafe_read(in, buf, CHUNK);
		ssize_t off = 0;

		if (got <= 0)
			return got < 0 ? got : done;
		while (off < got) {
			ssize_t put = iosafe_write(out, buf + off, (size_t)(got - off));

			if (put < 0)
				return put;
			off += put;
		}
		done += got;
	}
	return done;
}

int main(void)
{
	iosafe_owned_fd in = IOSAFE_FD_NONE, out = IOSAFE_FD_NONE;
	long done;
	int rc;

	if ((rc = iosafe_open(&in, "/dev/zero", O_RDONLY, 0)) < 0 ||
	    (rc = iosafe_open(&out, "/dev/null", O_WRONLY, 0)) < 0) {
		iosafe_fd_drop(&in);
		return 1;
	}
	done = bench_copy(iosafe_fd_borrow(&in), iosafe_fd_borrow(&out), TOTAL);
	iosafe_fd_drop(&in);
	iosafe_fd_drop(&out);
	printf("copy: %ld bytes\n", done);
	return done == TOTAL ? 0 : 1;
}
#else
BENCH_HOT long bench_copy(int in, int out, long total)
{
	long done = 0;

	while (done < total) {
		ssize_t got = read(in, buf, CHUNK);
		ssize_t off = 0;

		if (got <= 0)
			return got < 0 ? -errno : done;
		while (off < got) {
			ssize_t put = write(out, buf + off, (size_t)(got - off));

			if (put < 0)
				return -errno;
			off += put;
		}
		done += got;
	}
	return done;
}

int main(void)
{
	int in = open("/dev/zero", O_RDONLY | O_CLOEXEC);
	int out = open("/dev/null", O_WRONLY | O_CLOEXEC);
	long done;

	if (in < 0 || out < 0)
		return 1;
	done = bench_copy(in, out, TOTAL);
	close(in);
	close(out);
	printf("copy: %ld bytes\n", done);
	return done == TOTAL ? 0 : 1;
}
#endif
