/* SPDX-License-Identifier: MIT */
/*
 * bench/splice.c: move 8 MiB from /dev/zero to /dev/null through a pipe
 * with splice(2), 64 KiB at a time (source into the pipe, pipe out to the
 * sink), as a zero-copy relay does: iosafe_splice on borrows against the
 * same splice calls on bare ints, every result checked.
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

#define CHUNK 65536
#define TOTAL (8 << 20)

#if BENCH_IOSAFE
BENCH_HOT long bench_splice(iosafe_borrowed_fd in, iosafe_borrowed_fd pr, iosafe_borrowed_fd pw,
			    iosafe_borrowed_fd out)
{
	long total = 0;

	while (total < TOTAL) {
		ssize_t got = iosafe_splice(in, NULL, pw, NULL, CHUNK, SPLICE_F_MOVE);

		if (got <= 0)
			return got < 0 ? got : -EIO;
		for (ssize_t left = got; left > 0;) {
			ssize_t put = iosafe_splice(pr, NULL, out, NULL, (size_t)left, SPLICE_F_MOVE);

			if (put <= 0)
				return put < 0 ? put : -EIO;
			left -= put;
		}
		total += got;
	}
	return total;
}

int main(void)
{
	iosafe_owned_fd in = IOSAFE_FD_NONE, out = IOSAFE_FD_NONE, pr = IOSAFE_FD_NONE,
			pw = IOSAFE_FD_NONE;
	long rc = iosafe_open(&in, "/dev/zero", O_RDONLY, 0);

	if (rc == 0)
		rc = iosafe_open(&out, "/dev/null", O_WRONLY, 0);
	if (rc == 0)
		rc = iosafe_pipe(&pr, &pw, 0);
	if (rc == 0)
		rc = bench_splice(iosafe_fd_borrow(&in), iosafe_fd_borrow(&pr), iosafe_fd_borrow(&pw),
				  iosafe_fd_borrow(&out));
	iosafe_fd_drop(&pw);
	iosafe_fd_drop(&pr);
	iosafe_fd_drop(&out);
	iosafe_fd_drop(&in);
	printf("splice: %ld bytes\n", rc);
	return rc == TOTAL ? 0 : 1;
}
#else
BENCH_HOT long bench_splice(int in, int pr, int pw, int out)
{
	long total = 0;

	while (total < TOTAL) {
		ssize_t got = splice(in, NULL, pw, NULL, CHUNK, SPLICE_F_MOVE);

		if (got <= 0)
			return got < 0 ? -errno : -EIO;
		for (ssize_t left = got; left > 0;) {
			ssize_t put = splice(pr, NULL, out, NULL, (size_t)left, SPLICE_F_MOVE);

			if (put <= 0)
				return put < 0 ? -errno : -EIO;
			left -= put;
		}
		total += got;
	}
	return total;
}

int main(void)
{
	int in = open("/dev/zero", O_RDONLY | O_CLOEXEC);
	int out = open("/dev/null", O_WRONLY | O_CLOEXEC);
	int p[2] = { -1, -1 };
	long rc = in < 0 || out < 0 || pipe2(p, O_CLOEXEC) < 0 ? -errno : bench_splice(in, p[0], p[1], out);

	for (int i = 0; i < 2; i++)
		if (p[i] >= 0)
			close(p[i]);
	if (out >= 0)
		close(out);
	if (in >= 0)
		close(in);
	printf("splice: %ld bytes\n", rc);
	return rc == TOTAL ? 0 : 1;
}
#endif
