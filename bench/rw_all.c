/* SPDX-License-Identifier: MIT */
/*
 * bench/rw_all.c: copy 8 MiB from /dev/zero to /dev/null in 4 KiB blocks
 * with the loops that continue short counts and retry EINTR:
 * iosafe_read_all and iosafe_write_all against the same loops written on
 * bare ints (a bounded count of consecutive EINTR retries too), every
 * result checked.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/types.h>
#include <unistd.h>

#include "bench.h"
#if BENCH_IOSAFE
#  include <iosafe/iosafe.h>
#endif

#define BLOCK 4096
#define TOTAL (8 << 20)

#if BENCH_IOSAFE
BENCH_HOT long bench_rw_all(iosafe_borrowed_fd in, iosafe_borrowed_fd out, char *buf)
{
	long total = 0;

	while (total < TOTAL) {
		ssize_t got = iosafe_read_all(in, buf, BLOCK);

		if (got <= 0)
			return got < 0 ? got : -EIO;
		ssize_t put = iosafe_write_all(out, buf, (size_t)got);

		if (put < 0)
			return put;
		total += got;
	}
	return total;
}

int main(void)
{
	static char buf[BLOCK];
	iosafe_owned_fd in = IOSAFE_FD_NONE, out = IOSAFE_FD_NONE;
	long rc = iosafe_open(&in, "/dev/zero", O_RDONLY, 0);

	if (rc == 0)
		rc = iosafe_open(&out, "/dev/null", O_WRONLY, 0);
	if (rc == 0)
		rc = bench_rw_all(iosafe_fd_borrow(&in), iosafe_fd_borrow(&out), buf);
	iosafe_fd_drop(&out);
	iosafe_fd_drop(&in);
	printf("rw_all: %ld bytes\n", rc);
	return rc == TOTAL ? 0 : 1;
}
#else
#define RETRIES 4096

static ssize_t read_all(int fd, char *buf, size_t n)
{
	size_t done = 0;
	int retries = RETRIES;

	while (done < n) {
		ssize_t got = read(fd, buf + done, n - done);

		if (got < 0) {
			if (errno == EINTR && retries > 0) {
				retries--;
				continue;
			}
			return -errno;
		}
		if (got == 0)
			break;
		done += (size_t)got;
		retries = RETRIES;
	}
	return (ssize_t)done;
}

static ssize_t write_all(int fd, const char *buf, size_t n)
{
	size_t done = 0;
	int retries = RETRIES;

	while (done < n) {
		ssize_t put = write(fd, buf + done, n - done);

		if (put < 0) {
			if (errno == EINTR && retries > 0) {
				retries--;
				continue;
			}
			return -errno;
		}
		if (put == 0)
			return -EIO;
		done += (size_t)put;
		retries = RETRIES;
	}
	return (ssize_t)done;
}

BENCH_HOT long bench_rw_all(int in, int out, char *buf)
{
	long total = 0;

	while (total < TOTAL) {
		ssize_t got = read_all(in, buf, BLOCK);

		if (got <= 0)
			return got < 0 ? got : -EIO;
		ssize_t put = write_all(out, buf, (size_t)got);

		if (put < 0)
			return put;
		total += got;
	}
	return total;
}

int main(void)
{
	static char buf[BLOCK];
	int in = open("/dev/zero", O_RDONLY | O_CLOEXEC);
	int out = open("/dev/null", O_WRONLY | O_CLOEXEC);
	long rc = in < 0 || out < 0 ? -errno : bench_rw_all(in, out, buf);

	if (out >= 0)
		close(out);
	if (in >= 0)
		close(in);
	printf("rw_all: %ld bytes\n", rc);
	return rc == TOTAL ? 0 : 1;
}
#endif
