/* SPDX-License-Identifier: MIT */
/*
 * file_copy: copy a file, with full error handling, written with iosafe.
 *
 *   file_copy SRC DST     copy SRC to DST (created or truncated, mode 0644)
 *   file_copy --self-test copy a file made in a temporary directory and
 *                         compare the copy byte for byte
 *
 * Every error is reported with the file it concerns, and a failed copy
 * removes the partial DST.  The destination is closed with iosafe_fd_close()
 * and its error checked, since a write error may be reported only by close
 * (close(2), "Dealing with error returns from close()": NFS, disk quotas);
 * the source only with iosafe_fd_drop(), since nothing was written to it.
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <iosafe/iosafe.h>

/* Copies everything from src to dst; 0 or a negative errno.  Both are only
 * borrowed: the caller owns and closes them. */
static int copy_data(iosafe_borrowed_fd src, iosafe_borrowed_fd dst)
{
	char buf[65536];
	for (;;) {
		ssize_t r = iosafe_read(src, buf, sizeof buf);
		if (r == -EINTR)
			continue;
		if (r < 0)
			return (int)r;
		if (r == 0)
			return 0;
		size_t off = 0;
		while (off < (size_t)r) {
			ssize_t w = iosafe_write(dst, buf + off, (size_t)r - off);
			if (w == -EINTR)
				continue;
			if (w < 0)
				return (int)w;
			off += (size_t)w;
		}
	}
}

/* Copies the file at from to the file at to.  0, or 1 after printing why. */
static int copy_file(const char *from, const char *to)
{
	iosafe_owned_fd src = IOSAFE_FD_NONE;
	int rc = iosafe_open(&src, from, O_RDONLY, 0);
	if (rc < 0) {
		fprintf(stderr, "file_copy: %s: %s\n", from, strerror(-rc));
		return 1;
	}
	iosafe_owned_fd dst = IOSAFE_FD_NONE;
	rc = iosafe_open(&dst, to, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (rc < 0) {
		fprintf(stderr, "file_copy: %s: %s\n", to, strerror(-rc));
		iosafe_fd_drop(&src);
		return 1;
	}
	rc = copy_data(iosafe_fd_borrow(&src), iosafe_fd_borrow(&dst));
	iosafe_fd_drop(&src);
	if (rc < 0) {
		fprintf(stderr, "file_copy: %s to %s: %s\n", from, to, strerror(-rc));
		iosafe_fd_drop(&dst);
		unlink(to);
		return 1;
	}
	rc = iosafe_fd_close(&dst);
	if (rc < 0) {
		fprintf(stderr, "file_copy: %s: %s\n", to, strerror(-rc));
		unlink(to);
		return 1;
	}
	return 0;
}

/* Writes n bytes of a pattern to a new file at path; 0 or 1. */
static int make_file(const char *path, size_t n)
{
	iosafe_auto_fd fd = IOSAFE_FD_NONE;
	if (iosafe_open(&fd, path, O_WRONLY | O_CREAT | O_EXCL, 0600) < 0)
		return 1;
	char buf[1000];
	for (size_t i = 0; i < sizeof buf; i++)
		buf[i] = (char)('a' + i % 26);
	while (n > 0) {
		size_t chunk = n < sizeof buf ? n : sizeof buf;
		ssize_t w = iosafe_write(iosafe_fd_borrow(&fd), buf, chunk);
		if (w <= 0)
			return 1;
		n -= (size_t)w;
	}
	return iosafe_fd_close(&fd) < 0;
}

/* Whether the files at a and b hold the same bytes. */
static int same_content(const char *a, const char *b)
{
	iosafe_auto_fd fa = IOSAFE_FD_NONE;
	iosafe_auto_fd fb = IOSAFE_FD_NONE;
	if (iosafe_open(&fa, a, O_RDONLY, 0) < 0 || iosafe_open(&fb, b, O_RDONLY, 0) < 0)
		return 0;
	char ba[4096], bb[4096];
	for (;;) {
		ssize_t ra = iosafe_read(iosafe_fd_borrow(&fa), ba, sizeof ba);
		ssize_t rb = iosafe_read(iosafe_fd_borrow(&fb), bb, sizeof bb);
		if (ra < 0 || ra != rb || memcmp(ba, bb, (size_t)ra) != 0)
			return 0;
		if (ra == 0)
			return 1;
	}
}

static int self_test(void)
{
	char dir[] = "/tmp/iosafe-file-copy-XXXXXX";
	if (!mkdtemp(dir)) {
		perror("file_copy: mkdtemp");
		return 1;
	}
	char from[64], to[64], missing[64];
	snprintf(from, sizeof from, "%s/from", dir);
	snprintf(to, sizeof to, "%s/to", dir);
	snprintf(missing, sizeof missing, "%s/missing", dir);
	fprintf(stderr, "file_copy: (the self-test copies a missing file: one error message expected)\n");
	int ok = make_file(from, 200000) == 0 &&
		 copy_file(from, to) == 0 && same_content(from, to) &&
		 /* A missing source is reported, and creates nothing. */
		 copy_file(missing, to) == 1;
	unlink(from);
	unlink(to);
	rmdir(dir);
	printf("file_copy: self-test %s\n", ok ? "passed (200000 bytes copied, missing source reported)"
					       : "FAILED");
	return ok ? 0 : 1;
}

int main(int argc, char **argv)
{
	if (argc == 2 && strcmp(argv[1], "--self-test") == 0)
		return self_test();
	if (argc != 3) {
		fprintf(stderr, "usage: file_copy SRC DST | --self-test\n");
		return 2;
	}
	return copy_file(argv[1], argv[2]);
}
