/* SPDX-License-Identifier: MIT */
/*
 * portable_pipe: one source that owns descriptors on Linux and handles on
 * Windows, written with iosafe's filelike family (include/iosafe/
 * filelike.h, io-lifetimes' AsFilelike and os_pipe::pipe for C).
 *
 *   portable_pipe [TEXT]        send TEXT (default "hello") through a pipe,
 *                               half through the write end and half through
 *                               a clone of it, and print what the read end
 *                               received up to its end of file
 *   portable_pipe --self-test   the same with a known text, compared
 *
 * Built for Linux (`make examples`) and, from this same file, for Windows
 * with mingw-w64 (`make check-win`, run under wine64).  Nothing in it names
 * a descriptor or a HANDLE: iosafe_owned_filelike is iosafe_owned_fd on
 * POSIX and iosafe_owned_handle on Windows.  Every pipe end and clone is
 * close-on-exec on POSIX and not inheritable on Windows.
 */
#include <stdio.h>
#include <string.h>

#include <iosafe/iosafe.h>

/* Writes all @n bytes of @p, or returns the negative errno. */
static int write_all(iosafe_borrowed_filelike f, const char *p, size_t n)
{
	while (n > 0) {
		ssize_t put = iosafe_filelike_write(f, p, n);

		if (put < 0)
			return (int)put;
		p += put;
		n -= (size_t)put;
	}
	return 0;
}

/*
 * Sends @text through a new pipe: its first half through the write end,
 * the rest through a clone of the write end, after the original is closed.
 * Reads the read end up to its end of file (every write end closed) into
 * @out (@cap bytes, NUL-terminated).  Returns 0 or a negative errno; every
 * end is closed on every path.
 */
static int through_pipe(const char *text, char *out, size_t cap)
{
	iosafe_owned_filelike r = IOSAFE_FILELIKE_NONE, w = IOSAFE_FILELIKE_NONE;
	iosafe_owned_filelike clone = IOSAFE_FILELIKE_NONE;
	size_t len = strlen(text), half = len / 2, got = 0;
	int rc;

	rc = iosafe_pipe_filelike(&r, &w);
	if (rc < 0)
		return rc;
	rc = write_all(iosafe_filelike_borrow(&w), text, half);
	if (rc == 0)
		rc = iosafe_filelike_try_clone(&clone, iosafe_filelike_borrow(&w));
	/* The original write end closed: the clone keeps the pipe open. */
	if (rc == 0)
		rc = iosafe_filelike_close(&w);
	else
		iosafe_filelike_drop(&w);
	if (rc == 0)
		rc = write_all(iosafe_filelike_borrow(&clone), text + half, len - half);
	if (rc == 0)
		rc = iosafe_filelike_close(&clone);
	else
		iosafe_filelike_drop(&clone);
	/* No write end left: the reader sees the end of file after the text. */
	while (rc == 0 && got + 1 < cap) {
		ssize_t n = iosafe_filelike_read(iosafe_filelike_borrow(&r), out + got, cap - 1 - got);

		if (n < 0)
			rc = (int)n;
		else if (n == 0)
			break;
		else
			got += (size_t)n;
	}
	out[got] = '\0';
	if (rc == 0)
		rc = iosafe_filelike_close(&r);
	else
		iosafe_filelike_drop(&r);
	return rc;
}

static int self_test(void)
{
	static const char text[] = "hello from one source, through a clone";
	char got[128];
	iosafe_owned_filelike none = IOSAFE_FILELIKE_NONE;
	char buf[4];
	int ok = 1;

	if (through_pipe(text, got, sizeof got) != 0 || strcmp(got, text) != 0) {
		fprintf(stderr, "portable_pipe: got \"%s\"\n", got);
		ok = 0;
	}
	/* A none borrow is refused (-EBADF), on both platforms. */
	if (iosafe_filelike_read(iosafe_filelike_borrow(&none), buf, sizeof buf) >= 0)
		ok = 0;
	printf("portable_pipe: self-test %s\n",
	       ok ? "passed (pipe, clone, close, read to end of file)" : "FAILED");
	return ok ? 0 : 1;
}

int main(int argc, char **argv)
{
	char got[4096];
	int rc;

	if (argc == 2 && strcmp(argv[1], "--self-test") == 0)
		return self_test();
	if (argc > 2) {
		fprintf(stderr, "usage: portable_pipe [TEXT] | --self-test\n");
		return 2;
	}
	rc = through_pipe(argc == 2 ? argv[1] : "hello", got, sizeof got);
	if (rc < 0) {
		fprintf(stderr, "portable_pipe: %s\n", strerror(-rc));
		return 1;
	}
	printf("%s\n", got);
	return 0;
}
