/* SPDX-License-Identifier: MIT */
/*
 * tests/unit/test_filetime.c: include/iosafe/filetime.h, src/filetime.c.
 * Real files in a fresh temporary directory: times set through a path and
 * through a descriptor and read back with stat(2) and statx(2), a time left
 * unchanged (UTIME_OMIT), a symbolic link's own times (AT_SYMLINK_NOFOLLOW)
 * against its target's, times before the epoch, bad nanoseconds, a none and
 * a closed descriptor.  NOLEAK_TEST compares the descriptor table after
 * each test (helpers.h).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <iosafe/iosafe.h>

#include "helpers.h"

static void path_stat(const char *path, struct stat *st, bool follow)
{
	cr_assert_eq(fstatat(AT_FDCWD, path, st, follow ? 0 : AT_SYMLINK_NOFOLLOW), 0, "%s",
		     strerror(errno));
}

NOLEAK_TEST(filetime, set_file_times_read_back)
{
	char path[64];
	struct stat st;
	iosafe_filetime at = { 1000000000, 123456789 }, mt = { 1500000000, 987654321 };
	iosafe_filetime a, m;

	temp_file(path, 0600);
	cr_assert_eq(iosafe_set_file_times(iosafe_cwd(), path, &at, &mt, 0), 0);
	path_stat(path, &st, true);
	a = iosafe_filetime_atime(&st);
	m = iosafe_filetime_mtime(&st);
	cr_assert_eq(a.sec, 1000000000);
	cr_assert_eq(m.sec, 1500000000);
	/* tmpfs and ext4 keep nanoseconds; a coarser file system rounds down. */
	cr_assert_leq(a.nsec, 123456789u);
	cr_assert_leq(m.nsec, 987654321u);
	cr_assert_eq(st.st_mtim.tv_nsec, (long)m.nsec);
	unlink(path);
}

NOLEAK_TEST(filetime, null_leaves_time_unchanged)
{
	char path[64];
	struct stat st;
	iosafe_filetime at = { 1000, 0 }, mt = { 2000, 0 }, t3 = { 3000, 5 };

	temp_file(path, 0600);
	cr_assert_eq(iosafe_set_file_times(iosafe_cwd(), path, &at, &mt, 0), 0);
	cr_assert_eq(iosafe_set_file_times(iosafe_cwd(), path, NULL, &t3, 0), 0);
	path_stat(path, &st, true);
	cr_assert_eq(iosafe_filetime_atime(&st).sec, 1000, "atime omitted");
	cr_assert_eq(iosafe_filetime_mtime(&st).sec, 3000);
	cr_assert_eq(iosafe_set_file_times(iosafe_cwd(), path, &t3, NULL, 0), 0);
	path_stat(path, &st, true);
	cr_assert_eq(iosafe_filetime_atime(&st).sec, 3000);
	cr_assert_eq(iosafe_filetime_mtime(&st).sec, 3000, "mtime omitted");
	cr_assert_eq(iosafe_set_file_times(iosafe_cwd(), path, NULL, NULL, 0), 0);
	path_stat(path, &st, true);
	cr_assert_eq(iosafe_filetime_atime(&st).sec, 3000);
	cr_assert_eq(iosafe_filetime_mtime(&st).sec, 3000);
	unlink(path);
}

NOLEAK_TEST(filetime, symlink_nofollow)
{
	char dir[64], target[128], link[128];
	struct stat st;
	iosafe_filetime t1 = { 1111, 0 }, t2 = { 2222, 0 };
	int fd;

	temp_dir(dir);
	snprintf(target, sizeof(target), "%s/target", dir);
	snprintf(link, sizeof(link), "%s/link", dir);
	fd = open(target, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	cr_assert_geq(fd, 0);
	close(fd);
	cr_assert_eq(symlink("target", link), 0);
	cr_assert_eq(iosafe_set_file_times(iosafe_cwd(), target, &t1, &t1, 0), 0);
	cr_assert_eq(iosafe_set_file_times(iosafe_cwd(), link, &t2, &t2, AT_SYMLINK_NOFOLLOW), 0);
	path_stat(link, &st, false);
	cr_assert_eq(iosafe_filetime_mtime(&st).sec, 2222, "the link's own time");
	path_stat(target, &st, true);
	cr_assert_eq(iosafe_filetime_mtime(&st).sec, 1111, "the target is untouched");
	cr_assert_eq(iosafe_set_file_times(iosafe_cwd(), link, &t2, &t2, 0), 0);
	path_stat(target, &st, true);
	cr_assert_eq(iosafe_filetime_mtime(&st).sec, 2222, "followed without the flag");
	unlink(link);
	unlink(target);
	rmdir(dir);
}

NOLEAK_TEST(filetime, before_epoch)
{
	char path[64];
	struct stat st;
	iosafe_filetime t = { -1, 500000000 };

	temp_file(path, 0600);
	cr_assert_eq(iosafe_set_file_times(iosafe_cwd(), path, &t, &t, 0), 0);
	path_stat(path, &st, true);
	cr_assert_eq(iosafe_filetime_mtime(&st).sec, -1);
	cr_assert_leq(iosafe_filetime_mtime(&st).nsec, 500000000u);
	unlink(path);
}

NOLEAK_TEST(filetime, bad_nsec_and_path)
{
	char path[64];
	struct stat before, after;
	iosafe_filetime ok = { 5, 0 }, bad = { 5, IOSAFE_NSEC_PER_SEC };

	temp_file(path, 0600);
	path_stat(path, &before, true);
	cr_assert_eq(iosafe_set_file_times(iosafe_cwd(), path, &bad, &ok, 0), -EINVAL);
	cr_assert_eq(iosafe_set_file_times(iosafe_cwd(), path, &ok, &bad, 0), -EINVAL);
	cr_assert_eq(iosafe_set_file_times(iosafe_cwd(), path, NULL, &bad, 0), -EINVAL);
	path_stat(path, &after, true);
	cr_assert_eq(after.st_mtim.tv_sec, before.st_mtim.tv_sec, "nothing changed");
	cr_assert_eq(iosafe_set_file_times(iosafe_cwd(), NULL, &ok, &ok, 0), -EINVAL);
	cr_assert_eq(iosafe_set_file_times(iosafe_cwd(), "/nonexistent/iosafe", &ok, &ok, 0),
		     -ENOENT);
	cr_assert_eq(iosafe_set_file_times(iosafe_cwd(), path, &ok, &ok, 0x4242), -EINVAL,
		     "unknown flags");
	unlink(path);
}

NOLEAK_TEST(filetime, set_fd_times)
{
	char path[64];
	struct stat st;
	iosafe_owned_fd fd = IOSAFE_FD_NONE;
	iosafe_filetime at = { 4000, 1 }, mt = { 5000, 2 }, bad = { 0, 2000000000u };

	temp_file(path, 0600);
	cr_assert_eq(iosafe_open(&fd, path, O_RDWR, 0), 0);
	cr_assert_eq(iosafe_set_fd_times(iosafe_fd_borrow(&fd), &at, &mt), 0);
	cr_assert_eq(iosafe_fstat(iosafe_fd_borrow(&fd), &st), 0);
	cr_assert_eq(iosafe_filetime_atime(&st).sec, 4000);
	cr_assert_eq(iosafe_filetime_mtime(&st).sec, 5000);
	cr_assert_eq(iosafe_set_fd_times(iosafe_fd_borrow(&fd), NULL, &at), 0);
	cr_assert_eq(iosafe_fstat(iosafe_fd_borrow(&fd), &st), 0);
	cr_assert_eq(iosafe_filetime_atime(&st).sec, 4000, "omitted");
	cr_assert_eq(iosafe_filetime_mtime(&st).sec, 4000);
	cr_assert_eq(iosafe_set_fd_times(iosafe_fd_borrow(&fd), &bad, NULL), -EINVAL);
	cr_assert_eq(iosafe_set_fd_times(iosafe_fd_borrow_raw(-1), &at, &mt), -EBADF);
	cr_assert_eq(iosafe_set_fd_times(iosafe_fd_borrow_raw(fd_not_open()), &at, &mt), -EBADF,
		     "a closed number");
	iosafe_fd_close(&fd);
	unlink(path);
}

NOLEAK_TEST(filetime, now_and_btime)
{
	char path[64];
	iosafe_filetime now, b;
	struct statx stx;
	struct timespec ts;

	cr_assert_eq(iosafe_filetime_now(&now), 0);
	cr_assert_eq(clock_gettime(CLOCK_REALTIME, &ts), 0);
	cr_assert_leq(now.sec, ts.tv_sec);
	cr_assert_geq(now.sec, ts.tv_sec - 5);
	cr_assert_lt(now.nsec, IOSAFE_NSEC_PER_SEC);
	cr_assert_eq(iosafe_filetime_now(NULL), -EINVAL);

	temp_file(path, 0600);
	cr_assert_eq(iosafe_statx(iosafe_cwd(), path, 0, STATX_BASIC_STATS, &stx), 0);
	stx.stx_mask &= ~STATX_BTIME;
	b.sec = 7;
	cr_assert_eq(iosafe_filetime_btime(&stx, &b), -ENODATA, "not asked for");
	cr_assert_eq(b.sec, 0);
	cr_assert_eq(iosafe_statx(iosafe_cwd(), path, 0, STATX_BTIME, &stx), 0);
	if (stx.stx_mask & STATX_BTIME) {
		cr_assert_eq(iosafe_filetime_btime(&stx, &b), 0);
		cr_assert_eq(b.sec, stx.stx_btime.tv_sec);
		cr_assert_eq(b.nsec, stx.stx_btime.tv_nsec);
		cr_assert_geq(b.sec, now.sec - 5);
	} else {
		cr_assert_eq(iosafe_filetime_btime(&stx, &b), -ENODATA,
			     "this file system does not record it");
	}
	cr_assert_eq(iosafe_filetime_btime(NULL, &b), -EINVAL);
	cr_assert_eq(iosafe_filetime_btime(&stx, NULL), -EINVAL);
	unlink(path);
}

NOLEAK_TEST(filetime, stat_conversion)
{
	struct stat st;

	memset(&st, 0, sizeof(st));
	st.st_mtim.tv_sec = 42;
	st.st_mtim.tv_nsec = 999999999;
	st.st_atim.tv_sec = -7;
	st.st_atim.tv_nsec = 1000000000; /* out of range: nsec 0 */
	cr_assert_eq(iosafe_filetime_mtime(&st).sec, 42);
	cr_assert_eq(iosafe_filetime_mtime(&st).nsec, 999999999u);
	cr_assert_eq(iosafe_filetime_atime(&st).sec, -7);
	cr_assert_eq(iosafe_filetime_atime(&st).nsec, 0u);
	cr_assert_eq(iosafe_filetime_mtime(NULL).sec, 0);
}
