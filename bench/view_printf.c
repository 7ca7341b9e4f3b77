/* SPDX-License-Identifier: MIT */
/*
 * bench/view_printf.c: print through a FILE stream over a descriptor the
 * code only borrows (the stream must not close it): 200 rounds of open a
 * view over /dev/null, 20 fprintf calls, end the view (flush, free).
 * iosafe_file_view_begin/_end against the same fopencookie(3) stream
 * written by hand on a bare int (read and write callbacks, a close that
 * closes nothing), every result checked.
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

#define ROUNDS 200
#define LINES 20

#if BENCH_IOSAFE
BENCH_HOT int bench_view_printf(iosafe_borrowed_fd fd, int rounds)
{
	for (int i = 0; i < rounds; i++) {
		iosafe_file_view v;
		int rc = iosafe_file_view_begin(&v, fd, "w");

		if (rc < 0)
			return rc;
		for (int j = 0; j < LINES; j++)
			if (fprintf(v.file, "round %d line %d\n", i, j) < 0) {
				(void)iosafe_file_view_end(&v);
				return -EIO;
			}
		rc = iosafe_file_view_end(&v);
		if (rc < 0)
			return rc;
	}
	return 0;
}

int main(void)
{
	iosafe_owned_fd fd = IOSAFE_FD_NONE;
	int rc = iosafe_open(&fd, "/dev/null", O_WRONLY, 0);

	if (rc == 0)
		rc = bench_view_printf(iosafe_fd_borrow(&fd), ROUNDS);
	iosafe_fd_drop(&fd);
	printf("view_printf: %d rounds, rc %d\n", ROUNDS, rc);
	return rc == 0 ? 0 : 1;
}
#else
struct view {
	int fd;
};

static ssize_t view_read(void *cookie, char *buf, size_t n)
{
	const struct view *v = cookie;

	return read(v->fd, buf, n);
}

static ssize_t view_write(void *cookie, const char *buf, size_t n)
{
	const struct view *v = cookie;

	return write(v->fd, buf, n);
}

static int view_close(void *cookie)
{
	(void)cookie;
	return 0;
}

BENCH_HOT int bench_view_printf(int fd, int rounds)
{
	for (int i = 0; i < rounds; i++) {
		cookie_io_functions_t io = {
			.read = view_read, .write = view_write, .seek = NULL, .close = view_close
		};
		struct view v = { fd };
		FILE *f = fopencookie(&v, "w", io);

		if (f == NULL)
			return -errno;
		for (int j = 0; j < LINES; j++)
			if (fprintf(f, "round %d line %d\n", i, j) < 0) {
				(void)fclose(f);
				return -EIO;
			}
		if (fclose(f) != 0)
			return -errno;
	}
	return 0;
}

int main(void)
{
	int fd = open("/dev/null", O_WRONLY | O_CLOEXEC);
	int rc = fd < 0 ? -errno : bench_view_printf(fd, ROUNDS);

	if (fd >= 0)
		close(fd);
	printf("view_printf: %d rounds, rc %d\n", ROUNDS, rc);
	return rc == 0 ? 0 : 1;
}
#endif
