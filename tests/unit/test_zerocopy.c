/* SPDX-License-Identifier: MIT */
/*
 * tests/unit/test_zerocopy.c: include/iosafe/zerocopy.h and src/zerocopy.c:
 * splice, tee, vmsplice, sendfile, copy_file_range, pipe capacities and
 * copy_all on real files, pipes and devices: success (data compared), the
 * documented errors, none borrows, and copy_all through each of its four
 * methods.  The descriptor table is compared after every test (NOLEAK_TEST),
 * which also checks that copy_all's own pipe is closed.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <unistd.h>

#include <iosafe/iosafe.h>

#include "helpers.h"

static const iosafe_borrowed_fd none_borrow = { -1 };

static iosafe_borrowed_fd bw(const iosafe_owned_fd *fd)
{
	return iosafe_fd_borrow(fd);
}

/* A memfd holding @n bytes of a pattern, offset 0. */
static void pattern_file(iosafe_owned_fd *fd, size_t n, int seed)
{
	static char buf[8192];
	size_t done = 0;

	cr_assert_eq(iosafe_memfd_create(fd, "pattern", 0), 0);
	while (done < n) {
		size_t k = n - done < sizeof(buf) ? n - done : sizeof(buf);

		for (size_t i = 0; i < k; i++)
			buf[i] = (char)((done + i) * 31 + (size_t)seed);
		cr_assert_eq(iosafe_write_all(bw(fd), buf, k), (ssize_t)k);
		done += k;
	}
	cr_assert_eq(iosafe_lseek(bw(fd), 0, SEEK_SET), 0);
}

/* The file holds exactly the pattern of @n bytes. */
static void assert_pattern(int fd, size_t n, int seed)
{
	char buf[8192];
	size_t done = 0;
	ssize_t got;

	while ((got = pread(fd, buf, sizeof(buf), (off_t)done)) > 0) {
		for (ssize_t i = 0; i < got; i++)
			cr_assert_eq(buf[i], (char)((done + (size_t)i) * 31 + (size_t)seed),
				     "byte %zu", done + (size_t)i);
		done += (size_t)got;
	}
	cr_assert_eq(done, n);
}

/* ---- splice, tee, vmsplice --------------------------------------------------------- */

NOLEAK_TEST(zerocopy, splice_file_to_pipe_and_back)
{
	iosafe_owned_fd f = IOSAFE_FD_NONE, g = IOSAFE_FD_NONE;
	iosafe_owned_fd r = IOSAFE_FD_NONE, w = IOSAFE_FD_NONE;
	off_t off = 2, off_out = 0;
	char buf[8] = { 0 };

	cr_assert_eq(iosafe_data_fd(&f, "abcdefgh", 8), 0);
	cr_assert_eq(iosafe_pipe(&r, &w, 0), 0);
	cr_assert_eq(iosafe_splice(bw(&f), &off, bw(&w), NULL, 4, 0), 4);
	cr_assert_eq(off, 6, "the offset is advanced");
	cr_assert_eq(iosafe_lseek(bw(&f), 0, SEEK_CUR), 0, "the file's offset is not");
	cr_assert_eq(iosafe_memfd_create(&g, "out", 0), 0);
	cr_assert_eq(iosafe_splice(bw(&r), NULL, bw(&g), &off_out, 4, SPLICE_F_MOVE), 4);
	cr_assert_eq(off_out, 4);
	cr_assert_eq(pread(g.raw, buf, sizeof(buf), 0), 4);
	cr_assert_str_eq(buf, "cdef");
	/* Errors. */
	cr_assert_eq(iosafe_splice(bw(&f), NULL, bw(&g), NULL, 4, 0), -EINVAL, "no pipe");
	cr_assert_eq(iosafe_splice(bw(&r), &off, bw(&g), NULL, 4, 0), -ESPIPE,
		     "an offset for the pipe side");
	cr_assert_eq(iosafe_splice(bw(&r), NULL, bw(&g), NULL, 4, SPLICE_F_NONBLOCK), -EAGAIN);
	cr_assert_eq(iosafe_splice(none_borrow, NULL, bw(&w), NULL, 4, 0), -EBADF);
	cr_assert_eq(iosafe_splice(bw(&f), NULL, none_borrow, NULL, 4, 0), -EBADF);
	cr_assert_eq(iosafe_splice(bw(&f), NULL, bw(&r), NULL, 4, 0), -EBADF, "the read end");
	cr_assert_eq(iosafe_fd_close(&r), 0);
	cr_assert_eq(iosafe_fd_close(&w), 0);
	cr_assert_eq(iosafe_fd_close(&g), 0);
	cr_assert_eq(iosafe_fd_close(&f), 0);
}

NOLEAK_TEST(zerocopy, tee_duplicates_without_consuming)
{
	iosafe_owned_fd r1 = IOSAFE_FD_NONE, w1 = IOSAFE_FD_NONE;
	iosafe_owned_fd r2 = IOSAFE_FD_NONE, w2 = IOSAFE_FD_NONE;
	char a[8] = { 0 }, b[8] = { 0 };

	cr_assert_eq(iosafe_pipe(&r1, &w1, 0), 0);
	cr_assert_eq(iosafe_pipe(&r2, &w2, 0), 0);
	cr_assert_eq(iosafe_write(bw(&w1), "tee!", 4), 4);
	cr_assert_eq(iosafe_tee(bw(&r1), bw(&w2), 100, 0), 4);
	cr_assert_eq(iosafe_read(bw(&r1), a, sizeof(a)), 4, "still in the first pipe");
	cr_assert_eq(iosafe_read(bw(&r2), b, sizeof(b)), 4);
	cr_assert_str_eq(a, "tee!");
	cr_assert_str_eq(b, "tee!");
	cr_assert_eq(iosafe_tee(bw(&r1), bw(&w2), 100, SPLICE_F_NONBLOCK), -EAGAIN, "empty");
	cr_assert_eq(iosafe_tee(bw(&r1), bw(&w1), 100, 0), -EINVAL, "the same pipe");
	cr_assert_eq(iosafe_tee(none_borrow, bw(&w2), 1, 0), -EBADF);
	cr_assert_eq(iosafe_tee(bw(&r1), none_borrow, 1, 0), -EBADF);
	cr_assert_eq(iosafe_fd_close(&r1), 0);
	cr_assert_eq(iosafe_fd_close(&w1), 0);
	cr_assert_eq(iosafe_fd_close(&r2), 0);
	cr_assert_eq(iosafe_fd_close(&w2), 0);
}

NOLEAK_TEST(zerocopy, vmsplice_into_a_pipe)
{
	static char page[16] = "vmsplice data";
	static struct iovec many[1025]; /* one more than IOV_MAX, all empty */
	iosafe_owned_fd r = IOSAFE_FD_NONE, w = IOSAFE_FD_NONE, f = IOSAFE_FD_NONE;
	struct iovec iov[1] = { { page, 13 } };
	char buf[16] = { 0 };

	cr_assert_eq(iosafe_pipe(&r, &w, 0), 0);
	cr_assert_eq(iosafe_vmsplice(bw(&w), iov, 1, 0), 13);
	cr_assert_eq(iosafe_read(bw(&r), buf, sizeof(buf)), 13);
	cr_assert_str_eq(buf, "vmsplice data");
	cr_assert_eq(iosafe_vmsplice(bw(&w), NULL, 0, 0), 0);
	cr_assert_eq(iosafe_vmsplice(none_borrow, iov, 1, 0), -EBADF);
	cr_assert_eq(iosafe_memfd_create(&f, "not a pipe", 0), 0);
	cr_assert_eq(iosafe_vmsplice(bw(&f), iov, 1, 0), -EBADF, "not a pipe");
	cr_assert_eq(iosafe_vmsplice(bw(&w), many, 1025, 0), -EINVAL, "over IOV_MAX");
	cr_assert_eq(iosafe_fd_close(&f), 0);
	cr_assert_eq(iosafe_fd_close(&r), 0);
	cr_assert_eq(iosafe_fd_close(&w), 0);
}

/* ---- sendfile, copy_file_range -------------------------------------------------- */

NOLEAK_TEST(zerocopy, sendfile_file_to_pipe)
{
	iosafe_owned_fd f = IOSAFE_FD_NONE, r = IOSAFE_FD_NONE, w = IOSAFE_FD_NONE;
	off_t off = 1;
	char buf[8] = { 0 };

	cr_assert_eq(iosafe_data_fd(&f, "sendfile", 8), 0);
	cr_assert_eq(iosafe_pipe(&r, &w, 0), 0);
	cr_assert_eq(iosafe_sendfile(bw(&w), bw(&f), &off, 3), 3);
	cr_assert_eq(off, 4);
	cr_assert_eq(iosafe_lseek(bw(&f), 0, SEEK_CUR), 0);
	cr_assert_eq(iosafe_sendfile(bw(&w), bw(&f), NULL, 2), 2, "from the file's offset");
	cr_assert_eq(iosafe_lseek(bw(&f), 0, SEEK_CUR), 2);
	cr_assert_eq(iosafe_read(bw(&r), buf, sizeof(buf)), 5);
	cr_assert_str_eq(buf, "endse");
	off = 8;
	cr_assert_eq(iosafe_sendfile(bw(&w), bw(&f), &off, 3), 0, "at the end");
	cr_assert_eq(iosafe_sendfile(bw(&w), bw(&r), NULL, 3), -EINVAL, "from a pipe");
	cr_assert_eq(iosafe_sendfile(none_borrow, bw(&f), NULL, 1), -EBADF);
	cr_assert_eq(iosafe_sendfile(bw(&w), none_borrow, NULL, 1), -EBADF);
	cr_assert_eq(iosafe_fd_close(&r), 0);
	cr_assert_eq(iosafe_fd_close(&w), 0);
	cr_assert_eq(iosafe_fd_close(&f), 0);
}

NOLEAK_TEST(zerocopy, copy_file_range_between_files)
{
	char path[64];
	iosafe_owned_fd f = IOSAFE_FD_NONE, g = IOSAFE_FD_NONE, ap = IOSAFE_FD_NONE;
	iosafe_owned_fd r = IOSAFE_FD_NONE, w = IOSAFE_FD_NONE;
	off_t in = 4, out = 0;
	char buf[8] = { 0 };

	cr_assert_eq(iosafe_data_fd(&f, "copyfile", 8), 0);
	cr_assert_eq(iosafe_memfd_create(&g, "dst", 0), 0);
	cr_assert_eq(iosafe_copy_file_range(bw(&f), &in, bw(&g), &out, 100, 0), 4);
	cr_assert_eq(in, 8);
	cr_assert_eq(out, 4);
	cr_assert_eq(pread(g.raw, buf, sizeof(buf), 0), 4);
	cr_assert_str_eq(buf, "file");
	cr_assert_eq(iosafe_copy_file_range(bw(&f), &in, bw(&g), &out, 100, 0), 0, "at the end");
	cr_assert_eq(iosafe_copy_file_range(bw(&f), NULL, bw(&g), NULL, 100, 1), -EINVAL,
		     "flags must be 0");
	cr_assert_eq(iosafe_pipe(&r, &w, 0), 0);
	cr_assert_eq(iosafe_copy_file_range(bw(&f), NULL, bw(&w), NULL, 1, 0), -EINVAL,
		     "not a regular file");
	temp_file(path, 0600);
	cr_assert_eq(iosafe_open(&ap, path, O_WRONLY | O_APPEND, 0), 0);
	cr_assert_eq(iosafe_copy_file_range(bw(&f), &in, bw(&ap), NULL, 1, 0), -EBADF,
		     "an O_APPEND target");
	cr_assert_eq(iosafe_copy_file_range(none_borrow, NULL, bw(&g), NULL, 1, 0), -EBADF);
	cr_assert_eq(iosafe_copy_file_range(bw(&f), NULL, none_borrow, NULL, 1, 0), -EBADF);
	cr_assert_eq(iosafe_fd_close(&ap), 0);
	cr_assert_eq(unlink(path), 0);
	cr_assert_eq(iosafe_fd_close(&r), 0);
	cr_assert_eq(iosafe_fd_close(&w), 0);
	cr_assert_eq(iosafe_fd_close(&g), 0);
	cr_assert_eq(iosafe_fd_close(&f), 0);
}

/* ---- pipe capacity ------------------------------------------------------------ */

NOLEAK_TEST(zerocopy, pipe_get_and_set_size)
{
	iosafe_owned_fd r = IOSAFE_FD_NONE, w = IOSAFE_FD_NONE, f = IOSAFE_FD_NONE;
	int size, rc;

	cr_assert_eq(iosafe_pipe(&r, &w, 0), 0);
	size = iosafe_pipe_get_size(bw(&r));
	cr_assert_gt(size, 0);
	cr_assert_eq(iosafe_pipe_get_size(bw(&w)), size, "one pipe, both ends");
	rc = iosafe_pipe_set_size(bw(&w), 100000);
	cr_assert_geq(rc, 100000, "rounded up: %d", rc);
	cr_assert_eq(iosafe_pipe_get_size(bw(&r)), rc);
	cr_assert_eq(iosafe_write(bw(&w), "x", 1), 1);
	rc = iosafe_pipe_set_size(bw(&w), -1);
	cr_assert(rc == -EINVAL || rc == -EPERM, "rc %d", rc);
	cr_assert_eq(iosafe_memfd_create(&f, "not a pipe", 0), 0);
	cr_assert_eq(iosafe_pipe_get_size(bw(&f)), -EBADF, "not a pipe");
	cr_assert_eq(iosafe_pipe_set_size(bw(&f), 4096), -EBADF);
	cr_assert_eq(iosafe_pipe_get_size(none_borrow), -EBADF);
	cr_assert_eq(iosafe_pipe_set_size(none_borrow, 4096), -EBADF);
	cr_assert_eq(iosafe_fd_close(&f), 0);
	cr_assert_eq(iosafe_fd_close(&r), 0);
	cr_assert_eq(iosafe_fd_close(&w), 0);
}

/* ---- copy_all --------------------------------------------------------------------- */

/* copy_file_range: file to file. */
NOLEAK_TEST(zerocopy, copy_all_file_to_file)
{
	enum { N = 300000 };
	iosafe_owned_fd src = IOSAFE_FD_NONE, dst = IOSAFE_FD_NONE;
	off_t copied = -1;

	pattern_file(&src, N, 1);
	cr_assert_eq(iosafe_lseek(bw(&src), 1000, SEEK_SET), 1000);
	cr_assert_eq(iosafe_memfd_create(&dst, "dst", 0), 0);
	cr_assert_eq(iosafe_copy_all(bw(&dst), bw(&src), &copied), 0);
	cr_assert_eq(copied, N - 1000, "from the source's offset");
	cr_assert_eq(iosafe_lseek(bw(&src), 0, SEEK_CUR), N);
	/* The copy is the pattern shifted by 1000 bytes: compare against a
	 * copy made from offset 0. */
	cr_assert_eq(iosafe_ftruncate(bw(&dst), 0), 0);
	cr_assert_eq(iosafe_lseek(bw(&dst), 0, SEEK_SET), 0);
	cr_assert_eq(iosafe_lseek(bw(&src), 0, SEEK_SET), 0);
	cr_assert_eq(iosafe_copy_all(bw(&dst), bw(&src), &copied), 0);
	cr_assert_eq(copied, N);
	assert_pattern(dst.raw, N, 1);
	/* At the end already: nothing to copy. */
	cr_assert_eq(iosafe_copy_all(bw(&dst), bw(&src), &copied), 0);
	cr_assert_eq(copied, 0);
	cr_assert_eq(iosafe_fd_close(&dst), 0);
	cr_assert_eq(iosafe_fd_close(&src), 0);
}

/* sendfile: file to pipe (copy_file_range refuses a pipe). */
NOLEAK_TEST(zerocopy, copy_all_file_to_pipe)
{
	enum { N = 200000 };
	iosafe_owned_fd src = IOSAFE_FD_NONE, r = IOSAFE_FD_NONE, w = IOSAFE_FD_NONE;
	iosafe_owned_fd out = IOSAFE_FD_NONE;
	off_t copied = -1, drained = -1;
	pid_t pid;
	int status;

	pattern_file(&src, N, 2);
	cr_assert_eq(iosafe_memfd_create(&out, "drained", 0), 0);
	cr_assert_eq(iosafe_pipe(&r, &w, 0), 0);
	pid = fork();
	cr_assert_geq(pid, 0);
	if (pid == 0) {
		/* The child drains the pipe into @out with copy_all too
		 * (pipe to file: splice). */
		close(w.raw);
		close(src.raw);
		status = iosafe_copy_all(bw(&out), bw(&r), &drained) == 0 && drained == N ? 0 : 1;
		close(r.raw);
		close(out.raw);
		_exit(status);
	}
	cr_assert_eq(iosafe_fd_close(&r), 0);
	cr_assert_eq(iosafe_copy_all(bw(&w), bw(&src), &copied), 0);
	cr_assert_eq(copied, N);
	cr_assert_eq(iosafe_fd_close(&w), 0);
	cr_assert_eq(waitpid(pid, &status, 0), pid);
	cr_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	assert_pattern(out.raw, N, 2);
	cr_assert_eq(iosafe_fd_close(&out), 0);
	cr_assert_eq(iosafe_fd_close(&src), 0);
}

/* In a forked child: close every descriptor above stdio except @keep, so
 * that the child exits holding none of the test's (valgrind --track-fds
 * judges each process). */
static void child_keep_only(int keep)
{
	for (int fd = 3; fd < 1024; fd++)
		if (fd != keep)
			close(fd);
}

/* Write @n pattern bytes into @w from a child, then close it. */
static pid_t pattern_writer(iosafe_owned_fd *r, iosafe_owned_fd *w, size_t n, int seed)
{
	pid_t pid;

	cr_assert_eq(iosafe_pipe(r, w, 0), 0);
	pid = fork();
	cr_assert_geq(pid, 0);
	if (pid == 0) {
		char buf[4096];

		child_keep_only(w->raw);
		for (size_t done = 0; done < n; done += sizeof(buf)) {
			for (size_t i = 0; i < sizeof(buf); i++)
				buf[i] = (char)((done + i) * 31 + (size_t)seed);
			if (write(w->raw, buf, n - done < sizeof(buf) ? n - done : sizeof(buf)) < 0)
				_exit(1);
		}
		close(w->raw);
		_exit(0);
	}
	cr_assert_eq(iosafe_fd_close(w), 0);
	return pid;
}

/* splice: pipe to file (copy_file_range and sendfile refuse a pipe source);
 * and with no descriptor free for copy_all's pipe: read/write. */
NOLEAK_TEST(zerocopy, copy_all_pipe_to_file_splice_then_read_write)
{
	enum { N = 150000 };
	iosafe_owned_fd r = IOSAFE_FD_NONE, w = IOSAFE_FD_NONE, dst = IOSAFE_FD_NONE;
	struct fd_filler f;
	off_t copied = -1;
	pid_t pid;
	int status, rc;

	cr_assert_eq(iosafe_memfd_create(&dst, "dst", 0), 0);
	pid = pattern_writer(&r, &w, N, 3);
	cr_assert_eq(iosafe_copy_all(bw(&dst), bw(&r), &copied), 0);
	cr_assert_eq(copied, N);
	cr_assert_eq(waitpid(pid, &status, 0), pid);
	assert_pattern(dst.raw, N, 3);
	cr_assert_eq(iosafe_fd_close(&r), 0);

	cr_assert_eq(iosafe_ftruncate(bw(&dst), 0), 0);
	cr_assert_eq(iosafe_lseek(bw(&dst), 0, SEEK_SET), 0);
	pid = pattern_writer(&r, &w, N, 4);
	fd_table_fill(&f, 0);
	rc = iosafe_copy_all(bw(&dst), bw(&r), &copied);
	fd_table_unfill(&f);
	cr_assert_eq(rc, 0, "no pipe for splice: read/write instead (rc %d)", rc);
	cr_assert_eq(copied, N);
	cr_assert_eq(waitpid(pid, &status, 0), pid);
	assert_pattern(dst.raw, N, 4);
	cr_assert_eq(iosafe_fd_close(&r), 0);
	cr_assert_eq(iosafe_fd_close(&dst), 0);
}

/* A source that reports size 0 (/proc): copy_file_range finds nothing, the
 * data still arrives. */
NOLEAK_TEST(zerocopy, copy_all_from_proc)
{
	iosafe_owned_fd src = IOSAFE_FD_NONE, dst = IOSAFE_FD_NONE;
	off_t copied = -1;
	char buf[64] = { 0 };

	cr_assert_eq(iosafe_open(&src, "/proc/self/cmdline", O_RDONLY, 0), 0);
	cr_assert_eq(iosafe_memfd_create(&dst, "dst", 0), 0);
	cr_assert_eq(iosafe_copy_all(bw(&dst), bw(&src), &copied), 0);
	cr_assert_gt(copied, 0, "nothing copied from /proc");
	cr_assert_gt(pread(dst.raw, buf, sizeof(buf) - 1, 0), 0);
	cr_assert_eq(iosafe_fd_close(&dst), 0);
	cr_assert_eq(iosafe_fd_close(&src), 0);
}

NOLEAK_TEST(zerocopy, copy_all_errors)
{
	iosafe_owned_fd src = IOSAFE_FD_NONE, full = IOSAFE_FD_NONE, ro = IOSAFE_FD_NONE;
	off_t copied = -1;
	int rc;

	pattern_file(&src, 100000, 5);
	cr_assert_eq(iosafe_copy_all(bw(&src), bw(&src), NULL), -EINVAL);
	cr_assert_eq(iosafe_copy_all(none_borrow, bw(&src), &copied), -EBADF);
	cr_assert_eq(copied, 0);
	copied = -1;
	cr_assert_eq(iosafe_copy_all(bw(&src), none_borrow, &copied), -EBADF);
	cr_assert_eq(copied, 0);
	cr_assert_eq(iosafe_copy_all(bw(&src), iosafe_fd_borrow_raw(fd_not_open()), &copied),
		     -EBADF);
	/* A full device: the bytes that did go are counted (none, here). */
	cr_assert_eq(iosafe_open(&full, "/dev/full", O_WRONLY, 0), 0);
	rc = iosafe_copy_all(bw(&full), bw(&src), &copied);
	cr_assert_eq(rc, -ENOSPC, "rc %d (%s)", rc, strerror(-rc));
	cr_assert_eq(copied, 0);
	/* A target open read-only. */
	cr_assert_eq(iosafe_lseek(bw(&src), 0, SEEK_SET), 0);
	cr_assert_eq(iosafe_open(&ro, "/dev/null", O_RDONLY, 0), 0);
	cr_assert_eq(iosafe_copy_all(bw(&ro), bw(&src), &copied), -EBADF);
	cr_assert_eq(copied, 0);
	cr_assert_eq(iosafe_fd_close(&ro), 0);
	cr_assert_eq(iosafe_fd_close(&full), 0);
	cr_assert_eq(iosafe_fd_close(&src), 0);
}

/* Pipe to an O_APPEND file: copy_file_range and sendfile refuse the pipe,
 * splice into an O_APPEND file fails with EINVAL after the first chunk was
 * taken from the source, so that chunk is written from the pipe by
 * read/write and the rest goes by read/write: nothing lost. */
NOLEAK_TEST(zerocopy, copy_all_pipe_to_append_file_loses_nothing)
{
	enum { N = 150000 };
	char path[64];
	iosafe_owned_fd r = IOSAFE_FD_NONE, w = IOSAFE_FD_NONE, dst = IOSAFE_FD_NONE;
	off_t copied = -1;
	pid_t pid;
	int status;

	temp_file(path, 0600);
	cr_assert_eq(iosafe_open(&dst, path, O_WRONLY | O_APPEND, 0), 0);
	pid = pattern_writer(&r, &w, N, 6);
	cr_assert_eq(iosafe_copy_all(bw(&dst), bw(&r), &copied), 0);
	cr_assert_eq(copied, N);
	cr_assert_eq(waitpid(pid, &status, 0), pid);
	cr_assert_eq(iosafe_fd_close(&dst), 0);
	cr_assert_eq(iosafe_open(&dst, path, O_RDONLY, 0), 0);
	assert_pattern(dst.raw, N, 6);
	cr_assert_eq(iosafe_fd_close(&dst), 0);
	cr_assert_eq(iosafe_fd_close(&r), 0);
	cr_assert_eq(unlink(path), 0);
}
