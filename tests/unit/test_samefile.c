/* SPDX-License-Identifier: MIT */
/*
 * tests/unit/test_samefile.c: include/iosafe/samefile.h, src/samefile.c.
 * Real files in a fresh temporary directory: a file and its hard link, a
 * symbolic link to it, two different files, a file renamed while a handle
 * is held, a directory, a file without read permission, standard streams,
 * EMFILE under a filled descriptor table, bad arguments.  NOLEAK_TEST
 * compares the descriptor table after each test (helpers.h).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <iosafe/iosafe.h>

#include "helpers.h"

struct tree {
	char dir[64];
	char file[128], link[128], sym[128], other[128], moved[128];
};

static void tree_make(struct tree *t)
{
	int fd;

	temp_dir(t->dir);
	snprintf(t->file, sizeof(t->file), "%s/file", t->dir);
	snprintf(t->link, sizeof(t->link), "%s/hardlink", t->dir);
	snprintf(t->sym, sizeof(t->sym), "%s/symlink", t->dir);
	snprintf(t->other, sizeof(t->other), "%s/other", t->dir);
	snprintf(t->moved, sizeof(t->moved), "%s/moved", t->dir);
	fd = open(t->file, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	cr_assert_geq(fd, 0, "%s", strerror(errno));
	close(fd);
	fd = open(t->other, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	cr_assert_geq(fd, 0, "%s", strerror(errno));
	close(fd);
	cr_assert_eq(link(t->file, t->link), 0, "%s", strerror(errno));
	cr_assert_eq(symlink(t->file, t->sym), 0, "%s", strerror(errno));
}

static void tree_remove(struct tree *t)
{
	unlink(t->file);
	unlink(t->link);
	unlink(t->sym);
	unlink(t->other);
	unlink(t->moved);
	cr_assert_eq(rmdir(t->dir), 0, "%s", strerror(errno));
}

NOLEAK_TEST(samefile, open_hard_link_and_symlink_equal)
{
	struct tree t;
	iosafe_same_file_handle a = IOSAFE_SAME_FILE_HANDLE_NONE;
	iosafe_same_file_handle b = IOSAFE_SAME_FILE_HANDLE_NONE;
	iosafe_same_file_handle c = IOSAFE_SAME_FILE_HANDLE_NONE;
	struct stat st;

	tree_make(&t);
	cr_assert_eq(iosafe_same_file_open(&a, iosafe_cwd(), t.file), 0);
	cr_assert_eq(iosafe_same_file_open(&b, iosafe_cwd(), t.link), 0);
	cr_assert_eq(iosafe_same_file_open(&c, iosafe_cwd(), t.sym), 0);
	cr_assert(fd_is_cloexec(a.fd.raw));
	cr_assert_eq(stat(t.file, &st), 0);
	cr_assert_eq(a.dev, st.st_dev);
	cr_assert_eq(a.ino, st.st_ino);
	cr_assert(iosafe_same_file_equal(&a, &b));
	cr_assert(iosafe_same_file_equal(&b, &a));
	cr_assert(iosafe_same_file_equal(&a, &c));
	cr_assert(iosafe_same_file_equal(&a, &a));
	cr_assert_eq(iosafe_same_file_close(&a), 0);
	cr_assert_eq(a.fd.raw, -1);
	cr_assert_eq(a.ino, 0);
	cr_assert_not(iosafe_same_file_equal(&a, &b), "a none handle equals nothing");
	cr_assert_eq(iosafe_same_file_close(&b), 0);
	cr_assert_eq(iosafe_same_file_close(&c), 0);
	cr_assert_eq(iosafe_same_file_close(&c), 0, "closing none is 0");
	tree_remove(&t);
}

NOLEAK_TEST(samefile, different_files_unequal)
{
	struct tree t;
	iosafe_same_file_handle a = IOSAFE_SAME_FILE_HANDLE_NONE;
	iosafe_same_file_handle b = IOSAFE_SAME_FILE_HANDLE_NONE;
	iosafe_same_file_handle d = IOSAFE_SAME_FILE_HANDLE_NONE;

	tree_make(&t);
	cr_assert_eq(iosafe_same_file_open(&a, iosafe_cwd(), t.file), 0);
	cr_assert_eq(iosafe_same_file_open(&b, iosafe_cwd(), t.other), 0);
	cr_assert_eq(iosafe_same_file_open(&d, iosafe_cwd(), t.dir), 0, "a directory");
	cr_assert_not(iosafe_same_file_equal(&a, &b));
	cr_assert_not(iosafe_same_file_equal(&a, &d));
	cr_assert_not(iosafe_same_file_equal(NULL, &a));
	cr_assert_not(iosafe_same_file_equal(&a, NULL));
	iosafe_same_file_drop(&a);
	iosafe_same_file_drop(&b);
	iosafe_same_file_drop(&d);
	cr_assert_eq(d.fd.raw, -1);
	tree_remove(&t);
}

NOLEAK_TEST(samefile, renamed_file_still_equal)
{
	struct tree t;
	iosafe_same_file_handle a = IOSAFE_SAME_FILE_HANDLE_NONE;
	iosafe_same_file_handle b = IOSAFE_SAME_FILE_HANDLE_NONE;
	iosafe_same_file_handle n = IOSAFE_SAME_FILE_HANDLE_NONE;
	int fd;

	tree_make(&t);
	cr_assert_eq(iosafe_same_file_open(&a, iosafe_cwd(), t.file), 0);
	cr_assert_eq(rename(t.file, t.moved), 0);
	cr_assert_eq(iosafe_same_file_open(&b, iosafe_cwd(), t.moved), 0);
	cr_assert(iosafe_same_file_equal(&a, &b), "a rename keeps the inode");
	/* A new file at the old name is another file, though a's is still open. */
	fd = open(t.file, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	cr_assert_geq(fd, 0);
	close(fd);
	cr_assert_eq(iosafe_same_file_open(&n, iosafe_cwd(), t.file), 0);
	cr_assert_not(iosafe_same_file_equal(&a, &n));
	iosafe_same_file_drop(&a);
	iosafe_same_file_drop(&b);
	iosafe_same_file_drop(&n);
	tree_remove(&t);
}

NOLEAK_TEST(samefile, open_relative_to_dir)
{
	struct tree t;
	iosafe_owned_fd dir = IOSAFE_FD_NONE;
	iosafe_same_file_handle a = IOSAFE_SAME_FILE_HANDLE_NONE;
	iosafe_same_file_handle b = IOSAFE_SAME_FILE_HANDLE_NONE;

	tree_make(&t);
	cr_assert_eq(iosafe_open(&dir, t.dir, O_RDONLY | O_DIRECTORY, 0), 0);
	cr_assert_eq(iosafe_same_file_open(&a, iosafe_fd_borrow(&dir), "hardlink"), 0);
	cr_assert_eq(iosafe_same_file_open(&b, iosafe_cwd(), t.file), 0);
	cr_assert(iosafe_same_file_equal(&a, &b));
	iosafe_same_file_drop(&a);
	iosafe_same_file_drop(&b);
	cr_assert_eq(iosafe_same_file_open(&a, iosafe_fd_borrow(&dir), "missing"), -ENOENT);
	cr_assert_eq(a.fd.raw, -1);
	cr_assert_eq(iosafe_same_file_open(&a, iosafe_fd_borrow_raw(-1), "file"), -EBADF);
	iosafe_fd_close(&dir);
	tree_remove(&t);
}

NOLEAK_TEST(samefile, unreadable_file_opens)
{
	struct tree t;
	iosafe_same_file_handle a = IOSAFE_SAME_FILE_HANDLE_NONE;
	iosafe_same_file_handle b = IOSAFE_SAME_FILE_HANDLE_NONE;

	tree_make(&t);
	cr_assert_eq(chmod(t.file, 0), 0);
	cr_assert_eq(chmod(t.dir, 0711), 0, "searchable by the unprivileged user");
	if (!unprivileged_begin())
		cr_skip_test("cannot drop privileges");
	/* O_PATH needs no permission on the file itself (open(2)). */
	int rc = iosafe_same_file_open(&a, iosafe_cwd(), t.file);
	int rc2 = iosafe_same_file_open(&b, iosafe_cwd(), t.link);
	unprivileged_end();
	cr_assert_eq(rc, 0, "%s", strerror(-rc));
	cr_assert_eq(rc2, 0, "%s", strerror(-rc2));
	cr_assert(iosafe_same_file_equal(&a, &b));
	iosafe_same_file_drop(&a);
	iosafe_same_file_drop(&b);
	tree_remove(&t);
}

NOLEAK_TEST(samefile, from_fd_moves_on_success_only)
{
	struct tree t;
	iosafe_owned_fd fd = IOSAFE_FD_NONE;
	iosafe_same_file_handle a = IOSAFE_SAME_FILE_HANDLE_NONE;
	iosafe_same_file_handle b = IOSAFE_SAME_FILE_HANDLE_NONE;
	int raw;

	tree_make(&t);
	cr_assert_eq(iosafe_open(&fd, t.file, O_RDONLY, 0), 0);
	raw = fd.raw;
	cr_assert_eq(iosafe_same_file_from_fd(&a, &fd), 0);
	cr_assert_eq(fd.raw, -1, "moved out");
	cr_assert_eq(a.fd.raw, raw, "moved in, same number");
	cr_assert_eq(iosafe_same_file_open(&b, iosafe_cwd(), t.link), 0);
	cr_assert(iosafe_same_file_equal(&a, &b));
	iosafe_same_file_drop(&b);
	/* Failures leave *fd as it was. */
	cr_assert_eq(iosafe_same_file_from_fd(&b, &fd), -EBADF);
	cr_assert_eq(b.fd.raw, -1);
	cr_assert_eq(iosafe_same_file_from_fd(&b, NULL), -EINVAL);
	cr_assert_eq(iosafe_same_file_from_fd(NULL, &fd), -EINVAL);
	iosafe_same_file_drop(&a);
	cr_assert_not(fd_is_open(raw), "the handle closed the moved descriptor");
	tree_remove(&t);
}

NOLEAK_TEST(samefile, from_fd_bad_fd_keeps_owner)
{
	iosafe_owned_fd fd;
	iosafe_same_file_handle a = IOSAFE_SAME_FILE_HANDLE_NONE;
	int bad = fd_not_open();

	/* An owner holding a number that is not open: fstat(2) fails, the
	 * owner keeps its number (nothing was moved). */
	fd.raw = bad;
	cr_assert_eq(iosafe_same_file_from_fd(&a, &fd), -EBADF);
	cr_assert_eq(fd.raw, bad);
	cr_assert_eq(a.fd.raw, -1);
}

NOLEAK_TEST(samefile, stdio_handles_duplicate)
{
	iosafe_same_file_handle in = IOSAFE_SAME_FILE_HANDLE_NONE;
	iosafe_same_file_handle out = IOSAFE_SAME_FILE_HANDLE_NONE;
	iosafe_same_file_handle err = IOSAFE_SAME_FILE_HANDLE_NONE;
	iosafe_same_file_handle n = IOSAFE_SAME_FILE_HANDLE_NONE;
	int saved = dup(0);
	int null = open("/dev/null", O_RDONLY | O_CLOEXEC);

	cr_assert_geq(saved, 0);
	cr_assert_geq(null, 0);
	cr_assert_eq(dup2(null, 0), 0);
	cr_assert_eq(iosafe_same_file_stdin(&in), 0);
	cr_assert_geq(in.fd.raw, 3);
	cr_assert(fd_is_cloexec(in.fd.raw));
	cr_assert_eq(iosafe_same_file_open(&n, iosafe_cwd(), "/dev/null"), 0);
	cr_assert(iosafe_same_file_equal(&in, &n), "stdin is /dev/null");
	cr_assert_eq(iosafe_same_file_stdout(&out), 0);
	cr_assert_eq(iosafe_same_file_stderr(&err), 0);
	cr_assert_eq(iosafe_same_file_close(&in), 0);
	cr_assert(fd_is_open(0), "closing the handle leaves 0 open");
	/* 0 closed: -EBADF, nothing acquired. */
	close(0);
	cr_assert_eq(iosafe_same_file_stdin(&in), -EBADF);
	cr_assert_eq(in.fd.raw, -1);
	cr_assert_eq(iosafe_same_file_stdin(NULL), -EINVAL);
	cr_assert_eq(dup2(saved, 0), 0);
	close(saved);
	close(null);
	iosafe_same_file_drop(&out);
	iosafe_same_file_drop(&err);
	iosafe_same_file_drop(&n);
}

NOLEAK_TEST(samefile, emfile_leaves_nothing_open)
{
	struct tree t;
	struct fd_filler f;
	iosafe_same_file_handle a = IOSAFE_SAME_FILE_HANDLE_NONE;
	iosafe_same_file_handle b = IOSAFE_SAME_FILE_HANDLE_NONE;
	bool same = true;
	int r1, r2, r3;

	tree_make(&t);
	cr_assert_eq(iosafe_same_file_open(&b, iosafe_cwd(), t.file), 0);
	fd_table_fill(&f, 0);
	r1 = iosafe_same_file_open(&a, iosafe_cwd(), t.file);
	r2 = iosafe_same_file_stdout(&a);
	r3 = iosafe_is_same_file(t.file, t.link, &same);
	fd_table_unfill(&f);
	cr_assert_eq(r1, -EMFILE);
	cr_assert_eq(r2, -EMFILE);
	cr_assert_eq(r3, -EMFILE);
	cr_assert_not(same, "*out is false on failure");
	cr_assert_eq(a.fd.raw, -1);
	iosafe_same_file_drop(&b);
	tree_remove(&t);
}

NOLEAK_TEST(samefile, is_same_file_second_open_emfile)
{
	struct tree t;
	struct fd_filler f;
	bool same = true;
	int r;

	tree_make(&t);
	/* One number free: the first path opens, the second gets EMFILE, and
	 * the first is closed again (NOLEAK_TEST checks the table). */
	fd_table_fill(&f, 1);
	r = iosafe_is_same_file(t.file, t.link, &same);
	fd_table_unfill(&f);
	cr_assert_eq(r, -EMFILE);
	cr_assert_not(same);
	tree_remove(&t);
}

NOLEAK_TEST(samefile, is_same_file_paths)
{
	struct tree t;
	bool same = false;

	tree_make(&t);
	cr_assert_eq(iosafe_is_same_file(t.file, t.link, &same), 0);
	cr_assert(same, "hard link");
	cr_assert_eq(iosafe_is_same_file(t.sym, t.file, &same), 0);
	cr_assert(same, "symbolic link is followed");
	cr_assert_eq(iosafe_is_same_file(t.file, t.other, &same), 0);
	cr_assert_not(same);
	cr_assert_eq(iosafe_is_same_file(t.file, t.file, &same), 0);
	cr_assert(same);
	same = true;
	cr_assert_eq(iosafe_is_same_file(t.file, t.moved, &same), -ENOENT);
	cr_assert_not(same);
	same = true;
	cr_assert_eq(iosafe_is_same_file(t.moved, t.file, &same), -ENOENT);
	cr_assert_not(same);
	cr_assert_eq(iosafe_is_same_file(NULL, t.file, &same), -EINVAL);
	cr_assert_eq(iosafe_is_same_file(t.file, NULL, &same), -EINVAL);
	cr_assert_eq(iosafe_is_same_file(t.file, t.file, NULL), -EINVAL);
	tree_remove(&t);
}

NOLEAK_TEST(samefile, null_arguments)
{
	iosafe_same_file_handle a = IOSAFE_SAME_FILE_HANDLE_NONE;

	cr_assert_eq(iosafe_same_file_open(NULL, iosafe_cwd(), "/"), -EINVAL);
	cr_assert_eq(iosafe_same_file_open(&a, iosafe_cwd(), NULL), -EINVAL);
	cr_assert_eq(a.fd.raw, -1);
	cr_assert_eq(iosafe_same_file_close(NULL), -EINVAL);
}

NOLEAK_TEST(samefile, auto_handle_closed_at_scope_exit)
{
	int raw;

	{
		iosafe_auto_same_file_handle a = IOSAFE_SAME_FILE_HANDLE_NONE;
		cr_assert_eq(iosafe_same_file_open(&a, iosafe_cwd(), "/"), 0);
		raw = a.fd.raw;
		cr_assert(fd_is_open(raw));
	}
	cr_assert_not(fd_is_open(raw));
}
