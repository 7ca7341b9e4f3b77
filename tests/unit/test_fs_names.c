/* SPDX-License-Identifier: MIT */
/*
 * tests/unit/test_fs_names.c: include/iosafe/fs.h and src/fs.c, names in
 * directories: mkdirat, unlinkat, renameat2, linkat, symlinkat, readlinkat,
 * fchmodat, fchownat, faccessat (mkfifoat is in test_fs.c, with
 * fifo_open).  Each relative to a directory descriptor and to iosafe_cwd(),
 * with its errors, NULL paths and paths longer than PATH_MAX.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <iosafe/iosafe.h>

#include "helpers.h"

static const iosafe_borrowed_fd none_borrow = { -1 };

static char *too_long_path(void)
{
	static char p[PATH_MAX + 16];

	memset(p, 'a', PATH_MAX + 10);
	p[PATH_MAX + 10] = '\0';
	return p;
}

/* A temporary directory, open as *d. */
static void dir_open(char *path, iosafe_owned_fd *d)
{
	temp_dir(path);
	cr_assert_eq(iosafe_open(d, path, O_RDONLY | O_DIRECTORY, 0), 0);
}

static void dir_close(const char *path, iosafe_owned_fd *d)
{
	cr_assert_eq(iosafe_fd_close(d), 0);
	cr_assert_eq(rmdir(path), 0, "the test left something in %s", path);
}

NOLEAK_TEST(fs_names, mkdirat_unlinkat)
{
	char dir[64];
	iosafe_owned_fd d = IOSAFE_FD_NONE;
	struct stat st;

	dir_open(dir, &d);
	cr_assert_eq(iosafe_mkdirat(iosafe_fd_borrow(&d), "sub", 0700), 0);
	cr_assert_eq(fstatat(d.raw, "sub", &st, 0), 0);
	cr_assert(S_ISDIR(st.st_mode));
	cr_assert_eq(iosafe_mkdirat(iosafe_fd_borrow(&d), "sub", 0700), -EEXIST);
	cr_assert_eq(iosafe_mkdirat(iosafe_fd_borrow(&d), "no/such", 0700), -ENOENT);
	cr_assert_eq(iosafe_mkdirat(iosafe_fd_borrow(&d), too_long_path(), 0700), -ENAMETOOLONG);
	cr_assert_eq(iosafe_mkdirat(none_borrow, "rel", 0700), -EBADF);
	cr_assert_eq(iosafe_mkdirat(iosafe_fd_borrow(&d), NULL, 0700), -EINVAL);
	cr_assert_eq(iosafe_mkdirat(iosafe_fd_borrow(&d), "sub/f", 0700), 0);
	cr_assert_eq(iosafe_unlinkat(iosafe_fd_borrow(&d), "sub", 0), -EISDIR);
	cr_assert_eq(iosafe_unlinkat(iosafe_fd_borrow(&d), "sub", AT_REMOVEDIR), -ENOTEMPTY);
	cr_assert_eq(iosafe_unlinkat(iosafe_fd_borrow(&d), "sub/f", AT_REMOVEDIR), 0);
	cr_assert_eq(iosafe_unlinkat(iosafe_fd_borrow(&d), "sub", AT_REMOVEDIR), 0);
	cr_assert_eq(iosafe_unlinkat(iosafe_fd_borrow(&d), "sub", AT_REMOVEDIR), -ENOENT);
	cr_assert_eq(iosafe_unlinkat(iosafe_fd_borrow(&d), "x", 0x8000), -EINVAL, "bad flags");
	cr_assert_eq(iosafe_unlinkat(iosafe_fd_borrow(&d), too_long_path(), 0), -ENAMETOOLONG);
	cr_assert_eq(iosafe_unlinkat(none_borrow, "rel", 0), -EBADF);
	cr_assert_eq(iosafe_unlinkat(iosafe_fd_borrow(&d), NULL, 0), -EINVAL);
	dir_close(dir, &d);
}

NOLEAK_TEST(fs_names, renameat2_noreplace_and_exchange)
{
	char dir[64];
	iosafe_owned_fd d = IOSAFE_FD_NONE, f = IOSAFE_FD_NONE;
	iosafe_borrowed_fd b;
	char buf[4] = { 0 };

	dir_open(dir, &d);
	b = iosafe_fd_borrow(&d);
	cr_assert_eq(iosafe_openat(&f, b, "a", O_WRONLY | O_CREAT, 0600), 0);
	cr_assert_eq(iosafe_write(iosafe_fd_borrow(&f), "A", 1), 1);
	cr_assert_eq(iosafe_fd_close(&f), 0);
	cr_assert_eq(iosafe_openat(&f, b, "b", O_WRONLY | O_CREAT, 0600), 0);
	cr_assert_eq(iosafe_write(iosafe_fd_borrow(&f), "B", 1), 1);
	cr_assert_eq(iosafe_fd_close(&f), 0);
	cr_assert_eq(iosafe_renameat2(b, "a", b, "b", RENAME_NOREPLACE), -EEXIST);
	cr_assert_eq(iosafe_renameat2(b, "a", b, "b", RENAME_EXCHANGE), 0);
	cr_assert_eq(iosafe_openat(&f, b, "a", O_RDONLY, 0), 0);
	cr_assert_eq(iosafe_read(iosafe_fd_borrow(&f), buf, 1), 1);
	cr_assert_str_eq(buf, "B", "exchanged");
	cr_assert_eq(iosafe_fd_close(&f), 0);
	cr_assert_eq(iosafe_renameat2(b, "a", b, "c", 0), 0);
	cr_assert_eq(iosafe_renameat2(b, "a", b, "d", 0), -ENOENT);
	cr_assert_eq(iosafe_renameat2(b, "c", b, "b", RENAME_NOREPLACE | RENAME_EXCHANGE),
		     -EINVAL);
	cr_assert_eq(iosafe_renameat2(b, too_long_path(), b, "x", 0), -ENAMETOOLONG);
	cr_assert_eq(iosafe_renameat2(none_borrow, "c", b, "x", 0), -EBADF);
	cr_assert_eq(iosafe_renameat2(b, NULL, b, "x", 0), -EINVAL);
	cr_assert_eq(iosafe_renameat2(b, "c", b, NULL, 0), -EINVAL);
	cr_assert_eq(iosafe_unlinkat(b, "b", 0), 0);
	cr_assert_eq(iosafe_unlinkat(b, "c", 0), 0);
	dir_close(dir, &d);
}

NOLEAK_TEST(fs_names, linkat_symlinkat_readlinkat)
{
	char dir[64], buf[16];
	iosafe_owned_fd d = IOSAFE_FD_NONE, f = IOSAFE_FD_NONE;
	iosafe_borrowed_fd b;
	struct stat st;

	dir_open(dir, &d);
	b = iosafe_fd_borrow(&d);
	cr_assert_eq(iosafe_openat(&f, b, "file", O_WRONLY | O_CREAT, 0600), 0);
	cr_assert_eq(iosafe_fd_close(&f), 0);
	cr_assert_eq(iosafe_linkat(b, "file", b, "hard", 0), 0);
	cr_assert_eq(fstatat(d.raw, "file", &st, 0), 0);
	cr_assert_eq(st.st_nlink, 2);
	cr_assert_eq(iosafe_linkat(b, "file", b, "hard", 0), -EEXIST);
	cr_assert_eq(iosafe_linkat(b, "missing", b, "x", 0), -ENOENT);
	cr_assert_eq(iosafe_linkat(b, too_long_path(), b, "x", 0), -ENAMETOOLONG);
	cr_assert_eq(iosafe_linkat(none_borrow, "file", b, "x", 0), -EBADF);
	cr_assert_eq(iosafe_linkat(b, NULL, b, "x", 0), -EINVAL);
	cr_assert_eq(iosafe_linkat(b, "file", b, NULL, 0), -EINVAL);

	cr_assert_eq(iosafe_symlinkat("file", b, "sym"), 0);
	cr_assert_eq(iosafe_symlinkat("file", b, "sym"), -EEXIST);
	cr_assert_eq(iosafe_symlinkat("file", b, too_long_path()), -ENAMETOOLONG);
	cr_assert_eq(iosafe_symlinkat("file", none_borrow, "rel"), -EBADF);
	cr_assert_eq(iosafe_symlinkat(NULL, b, "x"), -EINVAL);
	cr_assert_eq(iosafe_symlinkat("file", b, NULL), -EINVAL);

	memset(buf, 'z', sizeof(buf));
	cr_assert_eq(iosafe_readlinkat(b, "sym", buf, sizeof(buf)), 4);
	cr_assert_str_eq(buf, "file", "NUL-terminated");
	/* Exactly room for the content and its NUL; one byte fewer: -ERANGE. */
	cr_assert_eq(iosafe_readlinkat(b, "sym", buf, 5), 4);
	cr_assert_eq(iosafe_readlinkat(b, "sym", buf, 4), -ERANGE);
	cr_assert_eq(iosafe_readlinkat(b, "sym", buf, 1), -ERANGE);
	cr_assert_eq(iosafe_readlinkat(b, "sym", buf, 0), -ERANGE);
	cr_assert_eq(iosafe_readlinkat(b, "file", buf, sizeof(buf)), -EINVAL, "not a link");
	cr_assert_eq(iosafe_readlinkat(b, "missing", buf, sizeof(buf)), -ENOENT);
	cr_assert_eq(iosafe_readlinkat(b, too_long_path(), buf, sizeof(buf)), -ENAMETOOLONG);
	cr_assert_eq(iosafe_readlinkat(none_borrow, "sym", buf, sizeof(buf)), -EBADF);
	cr_assert_eq(iosafe_readlinkat(b, NULL, buf, sizeof(buf)), -EINVAL);
	cr_assert_eq(iosafe_readlinkat(b, "sym", NULL, sizeof(buf)), -EINVAL);

	cr_assert_eq(iosafe_unlinkat(b, "sym", 0), 0);
	cr_assert_eq(iosafe_unlinkat(b, "hard", 0), 0);
	cr_assert_eq(iosafe_unlinkat(b, "file", 0), 0);
	dir_close(dir, &d);
}

NOLEAK_TEST(fs_names, fchmodat_fchownat_faccessat)
{
	char dir[64];
	iosafe_owned_fd d = IOSAFE_FD_NONE, f = IOSAFE_FD_NONE;
	iosafe_borrowed_fd b;
	struct stat st;
	int rc;

	dir_open(dir, &d);
	b = iosafe_fd_borrow(&d);
	cr_assert_eq(iosafe_openat(&f, b, "file", O_WRONLY | O_CREAT, 0600), 0);
	cr_assert_eq(iosafe_fd_close(&f), 0);
	cr_assert_eq(iosafe_fchmodat(b, "file", 0640, 0), 0);
	cr_assert_eq(fstatat(d.raw, "file", &st, 0), 0);
	cr_assert_eq(st.st_mode & 07777, 0640);
	cr_assert_eq(iosafe_fchmodat(b, "missing", 0600, 0), -ENOENT);
	cr_assert_eq(iosafe_fchmodat(b, too_long_path(), 0600, 0), -ENAMETOOLONG);
	cr_assert_eq(iosafe_fchmodat(none_borrow, "file", 0600, 0), -EBADF);
	cr_assert_eq(iosafe_fchmodat(b, NULL, 0600, 0), -EINVAL);

	/* To the same owner: allowed for anyone. */
	cr_assert_eq(iosafe_fchownat(b, "file", getuid(), getgid(), 0), 0);
	cr_assert_eq(iosafe_fchownat(b, "file", (uid_t)-1, (gid_t)-1, AT_SYMLINK_NOFOLLOW), 0);
	cr_assert_eq(iosafe_fchownat(b, "missing", getuid(), getgid(), 0), -ENOENT);
	cr_assert_eq(iosafe_fchownat(b, "file", getuid(), getgid(), 0x8000), -EINVAL);
	cr_assert_eq(iosafe_fchownat(b, too_long_path(), 0, 0, 0), -ENAMETOOLONG);
	cr_assert_eq(iosafe_fchownat(none_borrow, "file", 0, 0, 0), -EBADF);
	cr_assert_eq(iosafe_fchownat(b, NULL, 0, 0, 0), -EINVAL);
	if (unprivileged_begin()) {
		/* Giving a file away needs CAP_CHOWN. */
		rc = iosafe_fchownat(iosafe_cwd(), "/dev/null", 65534, 65534, 0);
		unprivileged_end();
		cr_assert_eq(rc, -EPERM, "rc %d (%s)", rc, strerror(-rc));
	}

	cr_assert_eq(iosafe_faccessat(b, "file", F_OK, 0), 0);
	cr_assert_eq(iosafe_faccessat(b, "file", R_OK | W_OK, AT_EACCESS), 0);
	cr_assert_eq(iosafe_faccessat(b, "missing", F_OK, 0), -ENOENT);
	cr_assert_eq(iosafe_faccessat(b, "file", F_OK, 0x8000), -EINVAL);
	cr_assert_eq(iosafe_faccessat(b, too_long_path(), F_OK, 0), -ENAMETOOLONG);
	cr_assert_eq(iosafe_faccessat(none_borrow, "file", F_OK, 0), -EBADF);
	cr_assert_eq(iosafe_faccessat(b, NULL, F_OK, 0), -EINVAL);
	cr_assert_eq(iosafe_fchmodat(b, "file", 0, 0), 0);
	if (unprivileged_begin()) {
		char path[128];

		snprintf(path, sizeof(path), "%s/file", dir);
		rc = iosafe_faccessat(iosafe_cwd(), path, R_OK, AT_EACCESS);
		unprivileged_end();
		cr_assert_eq(rc, -EACCES, "rc %d (%s)", rc, strerror(-rc));
	}
	cr_assert_eq(iosafe_unlinkat(b, "file", 0), 0);
	dir_close(dir, &d);
}
