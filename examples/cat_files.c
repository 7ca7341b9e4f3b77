/* SPDX-License-Identifier: MIT */
/*
 * cat_files: concatenate files onto standard output, or into a file,
 * written with iosafe's descriptor, file and zero-copy families.
 *
 *   cat_files [-o OUT] FILE...   copy each FILE, after a header line
 *                                "==> FILE <==", to standard output (or to
 *                                OUT, created or truncated, mode 0644)
 *   cat_files --self-test        concatenate two files made in a temporary
 *                                directory into a third and compare
 *
 * The headers are printed with fprintf through a FILE view of standard
 * output (iosafe_file_view_begin: a stream that never closes the borrowed
 * descriptor); each file's bytes are moved with iosafe_copy_all (the
 * fastest of copy_file_range, sendfile, splice and read/write, as cp).
 * With -o, OUT is put on descriptor 1 with iosafe_dup2_stdout (the
 * redirection a shell makes) and its own descriptor closed right after:
 * descriptor 1 is the one copy used from then on.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <iosafe/iosafe.h>

/* Prints the header of one file to standard output through a view; the
 * view is flushed before the file's bytes follow on the same descriptor. */
static int print_header(const char *name)
{
	iosafe_file_view v;
	int rc = iosafe_file_view_begin(&v, iosafe_stdout(), "w");
	if (rc < 0)
		return rc;
	if (fprintf(v.file, "==> %s <==\n", name) < 0) {
		(void)iosafe_file_view_end(&v);
		return -EIO;
	}
	return iosafe_file_view_end(&v);
}

/* Copies the file at name to standard output after its header.  0, or 1
 * after printing why. */
static int cat_one(const char *name)
{
	iosafe_owned_fd src = IOSAFE_FD_NONE;
	off_t copied = 0;
	int rc = iosafe_open(&src, name, O_RDONLY, 0);
	if (rc < 0) {
		fprintf(stderr, "cat_files: %s: %s\n", name, strerror(-rc));
		return 1;
	}
	rc = print_header(name);
	if (rc == 0)
		rc = iosafe_copy_all(iosafe_stdout(), iosafe_fd_borrow(&src), &copied);
	iosafe_fd_drop(&src);
	if (rc < 0) {
		fprintf(stderr, "cat_files: %s: %s (after %lld bytes)\n", name, strerror(-rc),
			(long long)copied);
		return 1;
	}
	return 0;
}

/* Puts the file at out on standard output (descriptor 1).  0 or 1. */
static int redirect_stdout(const char *out)
{
	iosafe_owned_fd fd = IOSAFE_FD_NONE;
	int rc = iosafe_open(&fd, out, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (rc < 0) {
		fprintf(stderr, "cat_files: %s: %s\n", out, strerror(-rc));
		return 1;
	}
	rc = iosafe_dup2_stdout(iosafe_fd_borrow(&fd));
	/* Descriptor 1 is a copy now: the original is closed either way. */
	iosafe_fd_drop(&fd);
	if (rc < 0) {
		fprintf(stderr, "cat_files: %s: %s\n", out, strerror(-rc));
		return 1;
	}
	return 0;
}

static int cat_files(const char *out, int n, char **names)
{
	int failed = 0;
	if (out && redirect_stdout(out) != 0)
		return 1;
	for (int i = 0; i < n; i++)
		failed |= cat_one(names[i]);
	return failed;
}

/* Writes text to a new file at path; 0 or 1. */
static int make_file(const char *path, const char *text)
{
	iosafe_auto_fd fd = IOSAFE_FD_NONE;
	if (iosafe_open(&fd, path, O_WRONLY | O_CREAT | O_EXCL, 0600) < 0)
		return 1;
	size_t n = strlen(text);
	if (iosafe_write_all(iosafe_fd_borrow(&fd), text, n) != (ssize_t)n)
		return 1;
	return iosafe_fd_close(&fd) < 0;
}

/* Whether the file at path holds exactly text. */
static int holds(const char *path, const char *text)
{
	iosafe_auto_fd fd = IOSAFE_FD_NONE;
	char buf[256];
	if (iosafe_open(&fd, path, O_RDONLY, 0) < 0)
		return 0;
	ssize_t n = iosafe_read_all(iosafe_fd_borrow(&fd), buf, sizeof buf);
	return n == (ssize_t)strlen(text) && memcmp(buf, text, (size_t)n) == 0;
}

static int self_test(void)
{
	char dir[] = "/tmp/iosafe-cat-files-XXXXXX";
	if (!mkdtemp(dir)) {
		perror("cat_files: mkdtemp");
		return 1;
	}
	char a[64], b[64], out[64];
	snprintf(a, sizeof a, "%s/a", dir);
	snprintf(b, sizeof b, "%s/b", dir);
	snprintf(out, sizeof out, "%s/out", dir);
	char *names[] = { a, b };
	char want[256];
	snprintf(want, sizeof want, "==> %s <==\nalpha\n==> %s <==\nbeta\n", a, b);

	/* Keep a copy of standard output, to put it back after the test. */
	iosafe_owned_fd saved = IOSAFE_FD_NONE;
	int ok = iosafe_dup_stdout(&saved) == 0 && make_file(a, "alpha\n") == 0 &&
		 make_file(b, "beta\n") == 0 && cat_files(out, 2, names) == 0;
	if (!iosafe_fd_is_none(&saved)) {
		ok &= iosafe_dup2_stdout(iosafe_fd_borrow(&saved)) == 0;
		iosafe_fd_drop(&saved);
	}
	ok = ok && holds(out, want);
	unlink(a);
	unlink(b);
	unlink(out);
	rmdir(dir);
	printf("cat_files: self-test %s\n", ok ? "passed (two files with headers, through -o)"
					       : "FAILED");
	return ok ? 0 : 1;
}

int main(int argc, char **argv)
{
	if (argc == 2 && strcmp(argv[1], "--self-test") == 0)
		return self_test();
	const char *out = NULL;
	int first = 1;
	if (argc > 2 && strcmp(argv[1], "-o") == 0) {
		out = argv[2];
		first = 3;
	}
	if (first >= argc) {
		fprintf(stderr, "usage: cat_files [-o OUT] FILE... | --self-test\n");
		return 2;
	}
	return cat_files(out, argc - first, argv + first);
}
