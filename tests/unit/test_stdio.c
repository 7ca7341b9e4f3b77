/* SPDX-License-Identifier: MIT */
/*
 * tests/unit/test_stdio.c: include/iosafe/stdio.h and src/stdio.c: handing
 * descriptors to FILE and DIR streams and back, on real descriptors; that
 * ownership moves only on success (a failed hand-off leaves the descriptor
 * with its owner, who closes it), and the descriptor table compared after
 * every test (NOLEAK_TEST).
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <iosafe/iosafe.h>

#include "helpers.h"

NOLEAK_TEST(stdio, file_from_fd_moves_ownership_into_the_stream)
{
	iosafe_owned_fd fd = IOSAFE_FD_NONE;
	FILE *f = (FILE *)1;
	char buf[16] = { 0 };
	int raw;

	cr_assert_eq(iosafe_memfd_create(&fd, "stream", 0), 0);
	raw = fd.raw;
	cr_assert_eq(iosafe_file_from_fd(&f, &fd, "w+"), 0);
	cr_assert_not_null(f);
	cr_assert(iosafe_fd_is_none(&fd), "the stream owns it now");
	cr_assert_eq(fileno(f), raw);
	cr_assert(fd_is_cloexec(raw));
	cr_assert_gt(fprintf(f, "n=%d", 42), 0);
	cr_assert_eq(fflush(f), 0);
	cr_assert_eq(pread(raw, buf, sizeof(buf), 0), 4);
	cr_assert_str_eq(buf, "n=42");
	cr_assert_eq(fclose(f), 0);
	cr_assert(!fd_is_open(raw), "fclose closed it");
}

NOLEAK_TEST(stdio, file_from_fd_failure_leaves_the_fd_owned)
{
	iosafe_owned_fd fd = IOSAFE_FD_NONE;
	FILE *f = (FILE *)1;
	int raw;

	cr_assert_eq(iosafe_open(&fd, "/dev/null", O_RDONLY, 0), 0);
	raw = fd.raw;
	/* "w" on a read-only descriptor: fdopen(3) refuses, EINVAL. */
	cr_assert_eq(iosafe_file_from_fd(&f, &fd, "w"), -EINVAL);
	cr_assert_null(f);
	cr_assert_eq(fd.raw, raw, "still the caller's");
	cr_assert(fd_is_open(raw));
	cr_assert_eq(iosafe_file_from_fd(NULL, &fd, "r"), -EINVAL);
	f = (FILE *)1;
	cr_assert_eq(iosafe_file_from_fd(&f, NULL, "r"), -EINVAL);
	cr_assert_null(f);
	cr_assert_eq(iosafe_file_from_fd(&f, &fd, NULL), -EINVAL);
	cr_assert_eq(fd.raw, raw);
	cr_assert_eq(iosafe_fd_close(&fd), 0);
	f = (FILE *)1;
	cr_assert_eq(iosafe_file_from_fd(&f, &fd, "r"), -EBADF, "none");
	cr_assert_null(f);
}

NOLEAK_TEST(stdio, fd_from_file_takes_the_descriptor_over)
{
	iosafe_owned_fd fd = { 4242 };
	FILE *f = fopen("/dev/null", "w");
	int old;

	cr_assert_not_null(f);
	old = fileno(f);
	cr_assert_eq(iosafe_fd_from_file(&fd, f), 0);
	cr_assert_geq(fd.raw, 3);
	cr_assert_neq(fd.raw, old);
	cr_assert(fd_is_cloexec(fd.raw));
	cr_assert(!fd_is_open(old), "the stream was closed");
	cr_assert_eq(iosafe_write(iosafe_fd_borrow(&fd), "x", 1), 1);
	cr_assert_eq(iosafe_fd_close(&fd), 0);
	cr_assert_eq(iosafe_fd_from_file(NULL, f), -EINVAL);
	fd.raw = 4242;
	cr_assert_eq(iosafe_fd_from_file(&fd, NULL), -EINVAL);
	cr_assert(iosafe_fd_is_none(&fd));
}

NOLEAK_TEST(stdio, fd_from_file_errors)
{
	iosafe_owned_fd fd = { 4242 };
	char mem[16];
	FILE *f = fmemopen(mem, sizeof(mem), "w");
	struct fd_filler filler;
	int rc;

	/* A stream without a descriptor: -EBADF, the stream is still ours. */
	cr_assert_not_null(f);
	cr_assert_eq(iosafe_fd_from_file(&fd, f), -EBADF);
	cr_assert(iosafe_fd_is_none(&fd));
	cr_assert_gt(fputs("still open", f), 0);
	cr_assert_eq(fclose(f), 0);
	/* No descriptor free for the copy: -EMFILE, the stream still ours. */
	f = fopen("/dev/null", "w");
	cr_assert_not_null(f);
	fd_table_fill(&filler, 0);
	rc = iosafe_fd_from_file(&fd, f);
	fd_table_unfill(&filler);
	cr_assert_eq(rc, -EMFILE, "rc %d (%s)", rc, strerror(-rc));
	cr_assert(iosafe_fd_is_none(&fd));
	cr_assert(fd_is_open(fileno(f)));
	cr_assert_eq(fclose(f), 0);
	/* fclose's flush fails: its error, and nothing is left open. */
	f = fopen("/dev/full", "w");
	cr_assert_not_null(f);
	cr_assert_gt(fputs("buffered", f), 0);
	fd.raw = 4242;
	cr_assert_eq(iosafe_fd_from_file(&fd, f), -ENOSPC);
	cr_assert(iosafe_fd_is_none(&fd));
}

NOLEAK_TEST(stdio, dir_from_fd)
{
	char dir[64], path[128];
	iosafe_owned_fd d = IOSAFE_FD_NONE, file = IOSAFE_FD_NONE;
	DIR *s = (DIR *)1;
	struct dirent *e;
	int raw, found = 0;

	temp_dir(dir);
	snprintf(path, sizeof(path), "%s/entry", dir);
	cr_assert_eq(iosafe_open(&file, path, O_WRONLY | O_CREAT, 0600), 0);
	cr_assert_eq(iosafe_open(&d, dir, O_RDONLY | O_DIRECTORY, 0), 0);
	raw = d.raw;
	cr_assert_eq(iosafe_dir_from_fd(&s, &d), 0);
	cr_assert_not_null(s);
	cr_assert(iosafe_fd_is_none(&d));
	cr_assert_eq(dirfd(s), raw);
	while ((e = readdir(s)) != NULL)
		found += strcmp(e->d_name, "entry") == 0;
	cr_assert_eq(found, 1);
	cr_assert_eq(closedir(s), 0);
	cr_assert(!fd_is_open(raw), "closedir closed it");
	/* Not a directory: -ENOTDIR, still the caller's. */
	raw = file.raw;
	s = (DIR *)1;
	cr_assert_eq(iosafe_dir_from_fd(&s, &file), -ENOTDIR);
	cr_assert_null(s);
	cr_assert_eq(file.raw, raw);
	cr_assert_eq(iosafe_fd_close(&file), 0);
	cr_assert_eq(iosafe_dir_from_fd(&s, &file), -EBADF, "none");
	cr_assert_eq(iosafe_dir_from_fd(NULL, &file), -EINVAL);
	cr_assert_eq(iosafe_dir_from_fd(&s, NULL), -EINVAL);
	cr_assert_null(s);
	cr_assert_eq(unlink(path), 0);
	cr_assert_eq(rmdir(dir), 0);
}

NOLEAK_TEST(stdio, file_view_writes_through_and_never_closes)
{
	iosafe_owned_fd fd = IOSAFE_FD_NONE;
	iosafe_file_view v = { (FILE *)1, { IOSAFE_RAW_NONE } };
	char buf[32] = { 0 };
	int raw;

	cr_assert_eq(iosafe_memfd_create(&fd, "view", 0), 0);
	raw = fd.raw;
	cr_assert_eq(iosafe_file_view_begin(&v, iosafe_fd_borrow(&fd), "w"), 0);
	cr_assert_not_null(v.file);
	cr_assert_eq(v.fd.raw, raw);
	cr_assert_eq(fileno(v.file), -1, "a view's stream has no descriptor of its own");
	cr_assert_gt(fprintf(v.file, "n=%d;", 42), 0);
	cr_assert_gt(fputs("end", v.file), -1);
	cr_assert_eq(iosafe_file_view_end(&v), 0);
	cr_assert_null(v.file);
	cr_assert(fd_is_open(raw), "the view did not close the borrowed fd");
	cr_assert(fd_is_cloexec(raw), "nor change its flags");
	cr_assert_eq(pread(raw, buf, sizeof(buf), 0), 8);
	cr_assert_str_eq(buf, "n=42;end");
	cr_assert_eq(iosafe_file_view_end(&v), -EBADF, "no view open");
	cr_assert_eq(iosafe_fd_close(&fd), 0);
}

NOLEAK_TEST(stdio, file_view_reads_through)
{
	iosafe_owned_fd fd = IOSAFE_FD_NONE;
	iosafe_file_view v;
	char line[16];
	int n = 0;

	cr_assert_eq(iosafe_data_fd(&fd, "7 lines\n", 8), 0);
	cr_assert_eq(iosafe_file_view_begin(&v, iosafe_fd_borrow(&fd), "r"), 0);
	cr_assert_eq(fscanf(v.file, "%d", &n), 1);
	cr_assert_eq(n, 7);
	cr_assert_not_null(fgets(line, sizeof(line), v.file));
	cr_assert_str_eq(line, " lines\n");
	cr_assert_null(fgets(line, sizeof(line), v.file), "end of file");
	cr_assert_eq(fseek(v.file, 0, SEEK_SET), -1, "a view cannot seek");
	cr_assert_eq(iosafe_file_view_end(&v), 0);
	cr_assert_eq(iosafe_fd_close(&fd), 0);
}

NOLEAK_TEST(stdio, file_view_end_reports_the_flush_error)
{
	iosafe_owned_fd fd = IOSAFE_FD_NONE;
	iosafe_file_view v;

	/* A write view over a read-only descriptor: the flush fails with
	 * write(2)'s EBADF, and the descriptor is still open. */
	cr_assert_eq(iosafe_open(&fd, "/dev/null", O_RDONLY, 0), 0);
	cr_assert_eq(iosafe_file_view_begin(&v, iosafe_fd_borrow(&fd), "w"), 0);
	cr_assert_gt(fputs("lost", v.file), -1);
	cr_assert_eq(iosafe_file_view_end(&v), -EBADF);
	cr_assert_null(v.file);
	cr_assert(fd_is_open(fd.raw));
	cr_assert_eq(iosafe_fd_close(&fd), 0);
}

NOLEAK_TEST(stdio, file_view_begin_errors)
{
	iosafe_owned_fd fd = IOSAFE_FD_NONE;
	iosafe_file_view v = { (FILE *)1, { IOSAFE_RAW_NONE } };

	cr_assert_eq(iosafe_file_view_begin(NULL, iosafe_stdout(), "w"), -EINVAL);
	cr_assert_eq(iosafe_file_view_begin(&v, iosafe_stdout(), NULL), -EINVAL);
	cr_assert_null(v.file);
	v.file = (FILE *)1;
	cr_assert_eq(iosafe_file_view_begin(&v, iosafe_fd_borrow(&fd), "w"), -EBADF, "none");
	cr_assert_null(v.file);
	v.file = (FILE *)1;
	cr_assert_eq(iosafe_file_view_begin(&v, iosafe_fd_borrow_raw(-7), "r"), -EBADF);
	cr_assert_null(v.file);
	v.file = (FILE *)1;
	cr_assert_eq(iosafe_file_view_begin(&v, iosafe_stdout(), "q"), -EINVAL,
		     "a mode fopencookie(3) rejects");
	cr_assert_null(v.file);
	cr_assert_eq(iosafe_file_view_end(NULL), -EINVAL);
}

NOLEAK_TEST(stdio, fd_from_file_of_a_view_is_ebadf)
{
	iosafe_owned_fd fd = IOSAFE_FD_NONE, back = { 4242 };
	iosafe_file_view v;

	cr_assert_eq(iosafe_memfd_create(&fd, "view", 0), 0);
	cr_assert_eq(iosafe_file_view_begin(&v, iosafe_fd_borrow(&fd), "w"), 0);
	cr_assert_eq(iosafe_fd_from_file(&back, v.file), -EBADF,
		     "a view's stream has no descriptor to take over");
	cr_assert(iosafe_fd_is_none(&back));
	cr_assert_eq(iosafe_file_view_end(&v), 0);
	cr_assert(fd_is_open(fd.raw));
	cr_assert_eq(iosafe_fd_close(&fd), 0);
}
