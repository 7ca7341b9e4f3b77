/* SPDX-License-Identifier: MIT */
/*
 * tests/unit/test_fs.c: include/iosafe/fs.h and src/fs.c, opening and memory
 * files (openat2, fifo_open, chardev_open, memfd_create, seals, data_fd,
 * shm_open) and calls on a descriptor (fstat, statx, fsync, fdatasync,
 * ftruncate, fallocate, flock, lseek, pread, pwrite, read_all, write_all).
 * Names in directories are in test_fs_names.c.  (Over 600 lines: one
 * test or more per function of the first half of fs.h, which share the
 * signal and fork helpers of read_all/write_all.)  Real descriptors; every
 * descriptor made is checked close-on-exec; every test compares the
 * descriptor table before and after (NOLEAK_TEST).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <linux/openat2.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <unistd.h>

#include <iosafe/iosafe.h>

#include "helpers.h"

#define GARBAGE_OWNER { 4242 }

static void assert_owned_cloexec(const iosafe_owned_fd *fd)
{
	cr_assert_geq(fd->raw, 0);
	cr_assert(fd_is_open(fd->raw));
	cr_assert(fd_is_cloexec(fd->raw), "fd %d is not close-on-exec", fd->raw);
}

static iosafe_borrowed_fd bw(const iosafe_owned_fd *fd)
{
	return iosafe_fd_borrow(fd);
}

static const iosafe_borrowed_fd none_borrow = { -1 };

/* A path of PATH_MAX + 10 'a's: the kernel refuses it with ENAMETOOLONG. */
static char *too_long_path(void)
{
	static char p[PATH_MAX + 16];

	memset(p, 'a', PATH_MAX + 10);
	p[PATH_MAX + 10] = '\0';
	return p;
}

/* ---- openat2 ---------------------------------------------------------------- */

NOLEAK_TEST(fs, openat2_beneath_cloexec_forced)
{
	char dir[64], path[128];
	iosafe_owned_fd d = IOSAFE_FD_NONE, fd = IOSAFE_FD_NONE;
	struct open_how how = { .flags = O_RDWR | O_CREAT, .mode = 0600,
				.resolve = RESOLVE_BENEATH };
	int rc;

	temp_dir(dir);
	snprintf(path, sizeof(path), "%s/f", dir);
	cr_assert_eq(iosafe_open(&d, dir, O_RDONLY | O_DIRECTORY, 0), 0);
	rc = iosafe_openat2(&fd, bw(&d), "f", &how, sizeof(how));
	if (rc == -ENOSYS) {
		cr_assert_eq(iosafe_fd_close(&d), 0);
		cr_assert_eq(rmdir(dir), 0);
		cr_skip_test("openat2 is unknown here (Linux before 5.6, or valgrind 3.19)");
	}
	cr_assert_eq(rc, 0, "rc %d (%s)", rc, strerror(-rc));
	assert_owned_cloexec(&fd);
	cr_assert_eq(how.flags, (unsigned long long)(O_RDWR | O_CREAT), "how is not changed");
	cr_assert_eq(iosafe_fd_close(&fd), 0);
	/* RESOLVE_BENEATH: no escape with "..". */
	fd.raw = 4242;
	how.flags = O_RDONLY;
	how.mode = 0; /* a mode without O_CREAT is -EINVAL (openat2(2)) */
	rc = iosafe_openat2(&fd, bw(&d), "../", &how, sizeof(how));
	cr_assert_eq(rc, -EXDEV, "rc %d (%s)", rc, strerror(-rc));
	cr_assert(iosafe_fd_is_none(&fd));
	cr_assert_eq(iosafe_openat2(&fd, bw(&d), "missing", &how, sizeof(how)), -ENOENT);
	cr_assert(iosafe_fd_is_none(&fd));
	/* A relative path with a none directory. */
	cr_assert_eq(iosafe_openat2(&fd, none_borrow, "f", &how, sizeof(how)), -EBADF);
	cr_assert(iosafe_fd_is_none(&fd));
	cr_assert_eq(iosafe_openat2(&fd, bw(&d), too_long_path(), &how, sizeof(how)),
		     -ENAMETOOLONG);
	cr_assert_eq(iosafe_fd_close(&d), 0);
	cr_assert_eq(unlink(path), 0);
	cr_assert_eq(rmdir(dir), 0);
}

NOLEAK_TEST(fs, openat2_bad_arguments)
{
	iosafe_owned_fd fd = GARBAGE_OWNER;
	struct open_how how = { .flags = O_RDONLY };
	int rc;

	cr_assert_eq(iosafe_openat2(NULL, iosafe_cwd(), "/", &how, sizeof(how)), -EINVAL);
	cr_assert_eq(iosafe_openat2(&fd, iosafe_cwd(), NULL, &how, sizeof(how)), -EINVAL);
	cr_assert(iosafe_fd_is_none(&fd));
	fd.raw = 4242;
	cr_assert_eq(iosafe_openat2(&fd, iosafe_cwd(), "/", NULL, sizeof(how)), -EINVAL);
	cr_assert(iosafe_fd_is_none(&fd));
	fd.raw = 4242;
	cr_assert_eq(iosafe_openat2(&fd, iosafe_cwd(), "/", &how, sizeof(how) - 1), -EINVAL);
	cr_assert(iosafe_fd_is_none(&fd));
	fd.raw = 4242;
	cr_assert_eq(iosafe_openat2(&fd, iosafe_cwd(), "/", &how, sizeof(how) + 8), -E2BIG);
	cr_assert(iosafe_fd_is_none(&fd));
	/* Unknown flag bits: the kernel's -EINVAL (-ENOSYS where openat2 is
	 * unknown: Linux before 5.6, or valgrind 3.19, which does not
	 * handle syscall 437). */
	how.flags = 1ULL << 40;
	rc = iosafe_openat2(&fd, iosafe_cwd(), "/", &how, sizeof(how));
	cr_assert(rc == -EINVAL || rc == -ENOSYS, "rc %d (%s)", rc, strerror(-rc));
	cr_assert(iosafe_fd_is_none(&fd));
}

NOLEAK_TEST(fs, openat2_emfile)
{
	iosafe_owned_fd fd = GARBAGE_OWNER;
	struct open_how how = { .flags = O_RDONLY };
	struct fd_filler f;
	int rc;

	fd_table_fill(&f, 0);
	rc = iosafe_openat2(&fd, iosafe_cwd(), "/dev/null", &how, sizeof(how));
	fd_table_unfill(&f);
	if (rc == -ENOSYS)
		cr_skip_test("openat2 needs Linux 5.6");
	cr_assert_eq(rc, -EMFILE, "rc %d (%s)", rc, strerror(-rc));
	cr_assert(iosafe_fd_is_none(&fd));
}

/* ---- fifo_open, chardev_open -------------------------------------------------- */

NOLEAK_TEST(fs, fifo_open_a_fifo_and_only_a_fifo)
{
	char dir[64], path[128], file[128];
	iosafe_owned_fd r = IOSAFE_FD_NONE, w = GARBAGE_OWNER;
	struct stat st;

	temp_dir(dir);
	snprintf(path, sizeof(path), "%s/fifo", dir);
	snprintf(file, sizeof(file), "%s/file", dir);
	cr_assert_eq(iosafe_mkfifoat(iosafe_cwd(), path, 0600), 0);
	cr_assert_eq(stat(path, &st), 0);
	cr_assert(S_ISFIFO(st.st_mode));
	cr_assert_eq(iosafe_mkfifoat(iosafe_cwd(), path, 0600), -EEXIST);
	/* O_WRONLY | O_NONBLOCK without a reader: -ENXIO (fifo(7)). */
	cr_assert_eq(iosafe_fifo_open(&w, iosafe_cwd(), path, O_WRONLY | O_NONBLOCK), -ENXIO);
	cr_assert(iosafe_fd_is_none(&w));
	cr_assert_eq(iosafe_fifo_open(&r, iosafe_cwd(), path, O_RDONLY | O_NONBLOCK), 0);
	assert_owned_cloexec(&r);
	cr_assert_eq(iosafe_fifo_open(&w, iosafe_cwd(), path, O_WRONLY | O_NONBLOCK), 0);
	assert_owned_cloexec(&w);
	cr_assert_eq(iosafe_write(bw(&w), "ab", 2), 2);
	cr_assert_eq(iosafe_fd_close(&w), 0);
	cr_assert_eq(iosafe_fd_close(&r), 0);
	/* A regular file is opened, found not to be a FIFO, and closed. */
	temp_file(file, 0600);
	w.raw = 4242;
	cr_assert_eq(iosafe_fifo_open(&w, iosafe_cwd(), file, O_RDONLY), -ENODEV);
	cr_assert(iosafe_fd_is_none(&w));
	cr_assert_eq(iosafe_fifo_open(&w, iosafe_cwd(), "/nonexistent/fifo", O_RDONLY), -ENOENT);
	cr_assert_eq(iosafe_fifo_open(&w, iosafe_cwd(), NULL, O_RDONLY), -EINVAL);
	cr_assert(iosafe_fd_is_none(&w));
	cr_assert_eq(iosafe_fifo_open(NULL, iosafe_cwd(), path, O_RDONLY), -EINVAL);
	cr_assert_eq(iosafe_mkfifoat(iosafe_cwd(), NULL, 0600), -EINVAL);
	cr_assert_eq(iosafe_mkfifoat(iosafe_cwd(), too_long_path(), 0600), -ENAMETOOLONG);
	cr_assert_eq(iosafe_mkfifoat(none_borrow, "rel", 0600), -EBADF);
	cr_assert_eq(unlink(file), 0);
	cr_assert_eq(unlink(path), 0);
	cr_assert_eq(rmdir(dir), 0);
}

NOLEAK_TEST(fs, fifo_open_emfile)
{
	char dir[64], path[128];
	iosafe_owned_fd fd = GARBAGE_OWNER;
	struct fd_filler f;
	int rc;

	temp_dir(dir);
	snprintf(path, sizeof(path), "%s/fifo", dir);
	cr_assert_eq(iosafe_mkfifoat(iosafe_cwd(), path, 0600), 0);
	fd_table_fill(&f, 0);
	rc = iosafe_fifo_open(&fd, iosafe_cwd(), path, O_RDONLY | O_NONBLOCK);
	fd_table_unfill(&f);
	cr_assert_eq(rc, -EMFILE, "rc %d (%s)", rc, strerror(-rc));
	cr_assert(iosafe_fd_is_none(&fd));
	cr_assert_eq(unlink(path), 0);
	cr_assert_eq(rmdir(dir), 0);
}

NOLEAK_TEST(fs, chardev_open_a_device_and_only_a_device)
{
	char path[64];
	iosafe_owned_fd fd = IOSAFE_FD_NONE;

	cr_assert_eq(iosafe_chardev_open(&fd, "/dev/null", O_RDWR), 0);
	assert_owned_cloexec(&fd);
	cr_assert_eq(iosafe_write(bw(&fd), "x", 1), 1);
	cr_assert_eq(iosafe_fd_close(&fd), 0);
	temp_file(path, 0600);
	fd.raw = 4242;
	cr_assert_eq(iosafe_chardev_open(&fd, path, O_RDONLY), -ENODEV);
	cr_assert(iosafe_fd_is_none(&fd));
	fd.raw = 4242;
	cr_assert_eq(iosafe_chardev_open(&fd, "/", O_RDONLY), -ENODEV);
	cr_assert(iosafe_fd_is_none(&fd));
	cr_assert_eq(iosafe_chardev_open(&fd, "/nonexistent/dev", O_RDONLY), -ENOENT);
	cr_assert_eq(iosafe_chardev_open(&fd, NULL, O_RDONLY), -EINVAL);
	cr_assert(iosafe_fd_is_none(&fd));
	cr_assert_eq(iosafe_chardev_open(NULL, "/dev/null", O_RDONLY), -EINVAL);
	cr_assert_eq(iosafe_chardev_open(&fd, too_long_path(), O_RDONLY), -ENAMETOOLONG);
	cr_assert_eq(unlink(path), 0);
}

NOLEAK_TEST(fs, chardev_open_emfile)
{
	iosafe_owned_fd fd = GARBAGE_OWNER;
	struct fd_filler f;
	int rc;

	fd_table_fill(&f, 0);
	rc = iosafe_chardev_open(&fd, "/dev/null", O_RDONLY);
	fd_table_unfill(&f);
	cr_assert_eq(rc, -EMFILE, "rc %d (%s)", rc, strerror(-rc));
	cr_assert(iosafe_fd_is_none(&fd));
}

/* ---- memfd, seals, data_fd ------------------------------------------------------- */

NOLEAK_TEST(fs, memfd_create_and_seals)
{
	iosafe_owned_fd fd = IOSAFE_FD_NONE, plain = IOSAFE_FD_NONE;

	cr_assert_eq(iosafe_memfd_create(&fd, "iosafe-test", MFD_ALLOW_SEALING), 0);
	assert_owned_cloexec(&fd);
	cr_assert_eq(iosafe_write(bw(&fd), "data", 4), 4);
	cr_assert_eq(iosafe_fd_get_seals(bw(&fd)), 0);
	cr_assert_eq(iosafe_fd_add_seals(bw(&fd), F_SEAL_GROW | F_SEAL_SHRINK), 0);
	cr_assert_eq(iosafe_fd_get_seals(bw(&fd)), F_SEAL_GROW | F_SEAL_SHRINK);
	cr_assert_eq(iosafe_ftruncate(bw(&fd), 100), -EPERM, "sealed against growing");
	cr_assert_eq(iosafe_fd_add_seals(bw(&fd), F_SEAL_SEAL), 0);
	cr_assert_eq(iosafe_fd_add_seals(bw(&fd), F_SEAL_WRITE), -EPERM, "F_SEAL_SEAL is set");
	cr_assert_eq(iosafe_fd_add_seals(bw(&fd), 1 << 20), -EINVAL, "unknown seal bits");
	/* Without MFD_ALLOW_SEALING: F_SEAL_SEAL only, nothing can be added. */
	cr_assert_eq(iosafe_memfd_create(&plain, "plain", 0), 0);
	assert_owned_cloexec(&plain);
	cr_assert_eq(iosafe_fd_get_seals(bw(&plain)), F_SEAL_SEAL);
	cr_assert_eq(iosafe_fd_add_seals(bw(&plain), F_SEAL_WRITE), -EPERM);
	cr_assert_eq(iosafe_fd_close(&plain), 0);
	cr_assert_eq(iosafe_fd_close(&fd), 0);
}

NOLEAK_TEST(fs, memfd_and_seal_errors)
{
	iosafe_owned_fd fd = GARBAGE_OWNER, r = IOSAFE_FD_NONE, w = IOSAFE_FD_NONE;
	char name[300];
	struct fd_filler f;
	int rc;

	cr_assert_eq(iosafe_memfd_create(NULL, "x", 0), -EINVAL);
	cr_assert_eq(iosafe_memfd_create(&fd, NULL, 0), -EINVAL);
	cr_assert(iosafe_fd_is_none(&fd));
	fd.raw = 4242;
	cr_assert_eq(iosafe_memfd_create(&fd, "x", 0x80000000u), -EINVAL, "unknown flag");
	cr_assert(iosafe_fd_is_none(&fd));
	memset(name, 'n', sizeof(name) - 1);
	name[sizeof(name) - 1] = '\0';
	cr_assert_eq(iosafe_memfd_create(&fd, name, 0), -EINVAL, "name over 249 bytes");
	fd_table_fill(&f, 0);
	rc = iosafe_memfd_create(&fd, "x", 0);
	fd_table_unfill(&f);
	cr_assert_eq(rc, -EMFILE, "rc %d (%s)", rc, strerror(-rc));
	cr_assert(iosafe_fd_is_none(&fd));
	cr_assert_eq(iosafe_fd_get_seals(none_borrow), -EBADF);
	cr_assert_eq(iosafe_fd_add_seals(none_borrow, F_SEAL_SEAL), -EBADF);
	cr_assert_eq(iosafe_fd_get_seals(iosafe_fd_borrow_raw(fd_not_open())), -EBADF);
	cr_assert_eq(iosafe_pipe(&r, &w, 0), 0);
	cr_assert_eq(iosafe_fd_get_seals(bw(&r)), -EINVAL, "a pipe cannot be sealed");
	cr_assert_eq(iosafe_fd_add_seals(bw(&w), F_SEAL_SEAL), -EINVAL);
	/* Adding seals needs a descriptor open for writing (fcntl(2)). */
	cr_assert_eq(iosafe_fd_add_seals(bw(&r), F_SEAL_SEAL), -EPERM);
	cr_assert_eq(iosafe_fd_close(&r), 0);
	cr_assert_eq(iosafe_fd_close(&w), 0);
}

NOLEAK_TEST(fs, data_fd_holds_the_data_sealed)
{
	static const char msg[] = "immutable bytes";
	iosafe_owned_fd fd = GARBAGE_OWNER;
	char buf[64] = { 0 };
	struct stat st;

	cr_assert_eq(iosafe_data_fd(&fd, msg, sizeof(msg) - 1), 0);
	assert_owned_cloexec(&fd);
	cr_assert_eq(iosafe_fd_get_seals(bw(&fd)),
		     F_SEAL_SEAL | F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_WRITE);
	cr_assert_eq(iosafe_read_all(bw(&fd), buf, sizeof(buf)), (ssize_t)sizeof(msg) - 1,
		     "read from offset 0 to the end");
	cr_assert_str_eq(buf, msg);
	cr_assert_eq(iosafe_pwrite(bw(&fd), "X", 1, 0), -EPERM, "sealed against writing");
	cr_assert_eq(iosafe_ftruncate(bw(&fd), 0), -EPERM);
	cr_assert_eq(iosafe_fstat(bw(&fd), &st), 0);
	cr_assert_eq(st.st_size, (off_t)sizeof(msg) - 1);
	cr_assert_eq(iosafe_fd_close(&fd), 0);
	/* Empty data, NULL allowed. */
	cr_assert_eq(iosafe_data_fd(&fd, NULL, 0), 0);
	assert_owned_cloexec(&fd);
	cr_assert_eq(iosafe_read(bw(&fd), buf, sizeof(buf)), 0);
	cr_assert_eq(iosafe_fd_close(&fd), 0);
}

NOLEAK_TEST(fs, data_fd_errors)
{
	iosafe_owned_fd fd = GARBAGE_OWNER;
	struct fd_filler f;
	int rc;

	cr_assert_eq(iosafe_data_fd(NULL, "x", 1), -EINVAL);
	cr_assert_eq(iosafe_data_fd(&fd, NULL, 1), -EINVAL);
	cr_assert(iosafe_fd_is_none(&fd));
	fd.raw = 4242;
	cr_assert_eq(iosafe_data_fd(&fd, "x", (size_t)IOSAFE_SSIZE_MAX + 1), -EINVAL);
	cr_assert(iosafe_fd_is_none(&fd));
	fd_table_fill(&f, 0);
	rc = iosafe_data_fd(&fd, "x", 1);
	fd_table_unfill(&f);
	cr_assert_eq(rc, -EMFILE, "rc %d (%s)", rc, strerror(-rc));
	cr_assert(iosafe_fd_is_none(&fd));
}

/* ---- shm_open, shm_unlink --------------------------------------------------------- */

NOLEAK_TEST(fs, shm_open_unlink)
{
	char name[64];
	iosafe_owned_fd fd = IOSAFE_FD_NONE, again = GARBAGE_OWNER;
	struct fd_filler f;
	int rc;

	snprintf(name, sizeof(name), "/iosafe-test-%d", (int)getpid());
	cr_assert_eq(iosafe_shm_open(&fd, name, O_RDWR | O_CREAT | O_EXCL, 0600), 0);
	assert_owned_cloexec(&fd);
	cr_assert_eq(iosafe_ftruncate(bw(&fd), 4096), 0);
	cr_assert_eq(iosafe_shm_open(&again, name, O_RDWR | O_CREAT | O_EXCL, 0600), -EEXIST);
	cr_assert(iosafe_fd_is_none(&again));
	fd_table_fill(&f, 0);
	rc = iosafe_shm_open(&again, name, O_RDWR, 0);
	fd_table_unfill(&f);
	cr_assert_eq(rc, -EMFILE, "rc %d (%s)", rc, strerror(-rc));
	cr_assert(iosafe_fd_is_none(&again));
	cr_assert_eq(iosafe_shm_unlink(name), 0);
	cr_assert_eq(iosafe_shm_unlink(name), -ENOENT);
	cr_assert_eq(iosafe_shm_open(&again, name, O_RDWR, 0), -ENOENT);
	cr_assert(iosafe_fd_is_none(&again));
	cr_assert_eq(iosafe_shm_open(NULL, name, O_RDWR, 0), -EINVAL);
	cr_assert_eq(iosafe_shm_open(&again, NULL, O_RDWR, 0), -EINVAL);
	cr_assert_eq(iosafe_shm_unlink(NULL), -EINVAL);
	cr_assert_eq(iosafe_fd_close(&fd), 0);
}

/* ---- fstat, statx -------------------------------------------------------------- */

NOLEAK_TEST(fs, fstat_and_statx)
{
	iosafe_owned_fd fd = IOSAFE_FD_NONE;
	struct stat st;
	struct statx stx;

	cr_assert_eq(iosafe_memfd_create(&fd, "stat", 0), 0);
	cr_assert_eq(iosafe_write(bw(&fd), "12345", 5), 5);
	cr_assert_eq(iosafe_fstat(bw(&fd), &st), 0);
	cr_assert_eq(st.st_size, 5);
	cr_assert(S_ISREG(st.st_mode));
	cr_assert_eq(iosafe_statx(bw(&fd), "", AT_EMPTY_PATH, STATX_SIZE, &stx), 0);
	cr_assert(stx.stx_mask & STATX_SIZE);
	cr_assert_eq(stx.stx_size, 5);
	cr_assert_eq(iosafe_statx(iosafe_cwd(), "/dev/null", 0, STATX_BASIC_STATS, &stx), 0);
	cr_assert(S_ISCHR(stx.stx_mode));
	cr_assert_eq(iosafe_statx(iosafe_cwd(), "/nonexistent/x", 0, STATX_BASIC_STATS, &stx),
		     -ENOENT);
	cr_assert_eq(iosafe_statx(iosafe_cwd(), too_long_path(), 0, STATX_BASIC_STATS, &stx),
		     -ENAMETOOLONG);
	cr_assert_eq(iosafe_statx(none_borrow, "", AT_EMPTY_PATH, STATX_SIZE, &stx), -EBADF);
	cr_assert_eq(iosafe_statx(iosafe_cwd(), NULL, 0, STATX_SIZE, &stx), -EINVAL);
	cr_assert_eq(iosafe_statx(iosafe_cwd(), "/", 0, STATX_SIZE, NULL), -EINVAL);
	cr_assert_eq(iosafe_statx(iosafe_cwd(), "/", 0x40000000, STATX_SIZE, &stx), -EINVAL,
		     "unknown flag");
	cr_assert_eq(iosafe_fstat(bw(&fd), NULL), -EINVAL);
	cr_assert_eq(iosafe_fstat(none_borrow, &st), -EBADF);
	cr_assert_eq(iosafe_fstat(iosafe_fd_borrow_raw(fd_not_open()), &st), -EBADF);
	cr_assert_eq(iosafe_fd_close(&fd), 0);
}

/* ---- fsync, fdatasync, ftruncate, fallocate ------------------------------------------ */

NOLEAK_TEST(fs, sync_truncate_allocate)
{
	char path[64];
	iosafe_owned_fd fd = IOSAFE_FD_NONE, ro = IOSAFE_FD_NONE;
	iosafe_owned_fd r = IOSAFE_FD_NONE, w = IOSAFE_FD_NONE;
	struct stat st;
	int rc;

	temp_file(path, 0600);
	cr_assert_eq(iosafe_open(&fd, path, O_RDWR, 0), 0);
	cr_assert_eq(iosafe_write_all(bw(&fd), "hello", 5), 5);
	cr_assert_eq(iosafe_fsync(bw(&fd)), 0);
	cr_assert_eq(iosafe_fdatasync(bw(&fd)), 0);
	cr_assert_eq(iosafe_ftruncate(bw(&fd), 2), 0);
	cr_assert_eq(iosafe_fstat(bw(&fd), &st), 0);
	cr_assert_eq(st.st_size, 2);
	cr_assert_eq(iosafe_ftruncate(bw(&fd), -1), -EINVAL);
	rc = iosafe_fallocate(bw(&fd), 0, 0, 8192);
	if (rc != -EOPNOTSUPP) {
		cr_assert_eq(rc, 0, "rc %d (%s)", rc, strerror(-rc));
		cr_assert_eq(iosafe_fstat(bw(&fd), &st), 0);
		cr_assert_eq(st.st_size, 8192);
	}
	cr_assert_eq(iosafe_fallocate(bw(&fd), 0, 0, 0), -EINVAL, "empty range");
	cr_assert_eq(iosafe_fallocate(bw(&fd), 0, -1, 10), -EINVAL, "negative offset");
	/* Read-only: no truncation, no allocation. */
	cr_assert_eq(iosafe_open(&ro, path, O_RDONLY, 0), 0);
	rc = iosafe_ftruncate(bw(&ro), 0);
	cr_assert(rc == -EINVAL || rc == -EBADF, "rc %d", rc);
	cr_assert_eq(iosafe_fallocate(bw(&ro), 0, 0, 10), -EBADF);
	/* A pipe: fsync has nothing to do (-EINVAL), fallocate cannot seek. */
	cr_assert_eq(iosafe_pipe(&r, &w, 0), 0);
	cr_assert_eq(iosafe_fsync(bw(&w)), -EINVAL);
	cr_assert_eq(iosafe_fdatasync(bw(&w)), -EINVAL);
	cr_assert_eq(iosafe_fallocate(bw(&w), 0, 0, 10), -ESPIPE);
	cr_assert_eq(iosafe_ftruncate(bw(&w), 0), -EINVAL);
	/* None and closed borrows. */
	cr_assert_eq(iosafe_fsync(none_borrow), -EBADF);
	cr_assert_eq(iosafe_fdatasync(none_borrow), -EBADF);
	cr_assert_eq(iosafe_ftruncate(none_borrow, 0), -EBADF);
	cr_assert_eq(iosafe_fallocate(none_borrow, 0, 0, 1), -EBADF);
	cr_assert_eq(iosafe_fsync(iosafe_fd_borrow_raw(fd_not_open())), -EBADF);
	cr_assert_eq(iosafe_fd_close(&r), 0);
	cr_assert_eq(iosafe_fd_close(&w), 0);
	cr_assert_eq(iosafe_fd_close(&ro), 0);
	cr_assert_eq(iosafe_fd_close(&fd), 0);
	cr_assert_eq(unlink(path), 0);
}

/* ---- flock ---------------------------------------------------------------------- */

NOLEAK_TEST(fs, flock_exclusive_and_would_block)
{
	char path[64];
	iosafe_owned_fd a = IOSAFE_FD_NONE, b = IOSAFE_FD_NONE;

	temp_file(path, 0600);
	cr_assert_eq(iosafe_open(&a, path, O_RDONLY, 0), 0);
	cr_assert_eq(iosafe_open(&b, path, O_RDONLY, 0), 0);
	cr_assert_eq(iosafe_flock(bw(&a), LOCK_EX), 0);
	/* Another open file description: LOCK_NB fails at once. */
	cr_assert_eq(iosafe_flock(bw(&b), LOCK_SH | LOCK_NB), -EWOULDBLOCK);
	cr_assert_eq(iosafe_flock(bw(&a), LOCK_UN), 0);
	cr_assert_eq(iosafe_flock(bw(&b), LOCK_SH | LOCK_NB), 0);
	cr_assert_eq(iosafe_flock(bw(&a), LOCK_SH | LOCK_NB), 0, "shared locks share");
	cr_assert_eq(iosafe_flock(bw(&a), 0), -EINVAL);
	cr_assert_eq(iosafe_flock(none_borrow, LOCK_EX), -EBADF);
	cr_assert_eq(iosafe_flock(iosafe_fd_borrow_raw(fd_not_open()), LOCK_EX), -EBADF);
	cr_assert_eq(iosafe_fd_close(&b), 0);
	cr_assert_eq(iosafe_fd_close(&a), 0);
	cr_assert_eq(unlink(path), 0);
}

/* ---- lseek, pread, pwrite ------------------------------------------------------------ */

/* /proc/self/mem takes positions of 2^63 and above (FMODE_UNSIGNED_OFFSET),
 * which lseek(2) returns as negative numbers other than -1 with errno
 * untouched: iosafe_lseek gives -EOVERFLOW, not 0 or a bogus offset. */
NOLEAK_TEST(fs, lseek_position_past_off_t)
{
	iosafe_owned_fd mem = IOSAFE_FD_NONE;

	cr_assert_eq(iosafe_open(&mem, "/proc/self/mem", O_RDONLY, 0), 0);
	errno = 0;
	cr_assert_eq(iosafe_lseek(iosafe_fd_borrow(&mem), (off_t)0xffffffffff600000ULL, SEEK_SET),
		     -EOVERFLOW);
	cr_assert_eq(iosafe_lseek(iosafe_fd_borrow(&mem), 4096, SEEK_SET), 4096);
	cr_assert_eq(iosafe_fd_close(&mem), 0);
}

NOLEAK_TEST(fs, lseek_pread_pwrite)
{
	iosafe_owned_fd fd = IOSAFE_FD_NONE, r = IOSAFE_FD_NONE, w = IOSAFE_FD_NONE;
	char buf[8] = { 0 };

	cr_assert_eq(iosafe_memfd_create(&fd, "pio", 0), 0);
	cr_assert_eq(iosafe_pwrite(bw(&fd), "abcdef", 6, 0), 6);
	cr_assert_eq(iosafe_lseek(bw(&fd), 0, SEEK_CUR), 0, "pwrite does not move the offset");
	cr_assert_eq(iosafe_pread(bw(&fd), buf, 3, 2), 3);
	cr_assert_str_eq(buf, "cde");
	cr_assert_eq(iosafe_pread(bw(&fd), buf, 3, 100), 0, "past the end");
	cr_assert_eq(iosafe_lseek(bw(&fd), 0, SEEK_END), 6);
	cr_assert_eq(iosafe_lseek(bw(&fd), -2, SEEK_CUR), 4);
	cr_assert_eq(iosafe_lseek(bw(&fd), -100, SEEK_CUR), -EINVAL);
	cr_assert_eq(iosafe_lseek(bw(&fd), 0, 42), -EINVAL);
	cr_assert_eq(iosafe_pread(bw(&fd), buf, 1, -1), -EINVAL);
	cr_assert_eq(iosafe_pwrite(bw(&fd), "x", 1, -1), -EINVAL);
	cr_assert_eq(iosafe_pipe(&r, &w, 0), 0);
	cr_assert_eq(iosafe_lseek(bw(&r), 0, SEEK_SET), -ESPIPE);
	cr_assert_eq(iosafe_pread(bw(&r), buf, 1, 0), -ESPIPE);
	cr_assert_eq(iosafe_pwrite(bw(&w), "x", 1, 0), -ESPIPE);
	cr_assert_eq(iosafe_pread(bw(&w), buf, 1, 0), -ESPIPE);
	cr_assert_eq(iosafe_lseek(none_borrow, 0, SEEK_SET), -EBADF);
	cr_assert_eq(iosafe_pread(none_borrow, buf, 1, 0), -EBADF);
	cr_assert_eq(iosafe_pwrite(none_borrow, "x", 1, 0), -EBADF);
	cr_assert_eq(iosafe_pread(iosafe_fd_borrow_raw(fd_not_open()), buf, 1, 0), -EBADF);
	cr_assert_eq(iosafe_fd_close(&r), 0);
	cr_assert_eq(iosafe_fd_close(&w), 0);
	cr_assert_eq(iosafe_fd_close(&fd), 0);
}

/* ---- read_all, write_all ----------------------------------------------------------- */

static volatile sig_atomic_t alarms;

static void on_alarm(int sig)
{
	(void)sig;
	alarms++;
}

/* SIGALRM every 2 ms, with a handler installed without SA_RESTART, so that
 * a blocked read(2) or write(2) fails with EINTR (signal(7), "Interruption
 * of system calls"). */
static void interrupts_begin(struct sigaction *old)
{
	struct sigaction sa;
	struct itimerval it = { { 0, 2000 }, { 0, 2000 } };

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_alarm;
	sa.sa_flags = 0; /* no SA_RESTART */
	sigemptyset(&sa.sa_mask);
	cr_assert_eq(sigaction(SIGALRM, &sa, old), 0);
	alarms = 0;
	cr_assert_eq(setitimer(ITIMER_REAL, &it, NULL), 0);
}

static void interrupts_end(const struct sigaction *old)
{
	struct itimerval off = { { 0, 0 }, { 0, 0 } };

	struct sigaction ign;

	cr_assert_eq(setitimer(ITIMER_REAL, &off, NULL), 0);
	/* A SIGALRM may still be pending (valgrind delivers signals late):
	 * setting SIG_IGN discards it (POSIX sigaction, "Signal Actions")
	 * before the old action, often SIG_DFL (terminate), comes back. */
	memset(&ign, 0, sizeof(ign));
	ign.sa_handler = SIG_IGN;
	sigemptyset(&ign.sa_mask);
	cr_assert_eq(sigaction(SIGALRM, &ign, NULL), 0);
	cr_assert_eq(sigaction(SIGALRM, old, NULL), 0);
}

NOLEAK_TEST(fs, read_all_continues_short_reads_and_eintr)
{
	enum { N = 64 * 1024 };
	static char got[N], want[N];
	iosafe_owned_fd r = IOSAFE_FD_NONE, w = IOSAFE_FD_NONE;
	struct sigaction old;
	pid_t pid;
	int status;
	ssize_t rc;

	for (size_t i = 0; i < N; i++)
		want[i] = (char)(i * 7);
	cr_assert_eq(iosafe_pipe(&r, &w, 0), 0);
	pid = fork();
	cr_assert_geq(pid, 0);
	if (pid == 0) {
		close(r.raw); /* the child keeps only the end it uses, and closes it */
		for (size_t off = 0; off < N; off += 4096) {
			usleep(3000);
			if (write(w.raw, want + off, 4096) != 4096)
				_exit(1);
		}
		close(w.raw);
		_exit(0);
	}
	cr_assert_eq(iosafe_fd_close(&w), 0);
	interrupts_begin(&old);
	rc = iosafe_read_all(bw(&r), got, N);
	interrupts_end(&old);
	cr_assert_eq(rc, N, "rc %zd (%s)", rc, rc < 0 ? strerror((int)-rc) : "");
	cr_assert(alarms > 0, "no signal arrived: EINTR was not exercised");
	cr_assert_eq(memcmp(got, want, N), 0);
	/* At the end of the file: 0 more bytes. */
	cr_assert_eq(iosafe_read_all(bw(&r), got, 10), 0);
	cr_assert_eq(waitpid(pid, &status, 0), pid);
	cr_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	cr_assert_eq(iosafe_fd_close(&r), 0);
}

/* A storm of interruptions with nothing to read: after IOSAFE_EINTR_RETRIES
 * interrupted reads in a row the call gives up with -EINTR (the bound that
 * makes the loop terminate, include/iosafe/fs.h); one more than the bound
 * of signals must have arrived. */
NOLEAK_TEST(fs, read_all_gives_up_after_a_storm_of_eintr)
{
	iosafe_owned_fd r = IOSAFE_FD_NONE, w = IOSAFE_FD_NONE;
	struct sigaction old;
	struct itimerval fast = { { 0, 50 }, { 0, 50 } };
	char buf[8];
	ssize_t rc;

	cr_assert_eq(iosafe_pipe(&r, &w, 0), 0);
	interrupts_begin(&old);
	cr_assert_eq(setitimer(ITIMER_REAL, &fast, NULL), 0);
	rc = iosafe_read_all(bw(&r), buf, sizeof(buf));
	interrupts_end(&old);
	cr_assert_eq(rc, -EINTR, "rc %zd", rc);
	cr_assert_geq(alarms, IOSAFE_EINTR_RETRIES + 1);
	cr_assert_eq(iosafe_fd_close(&r), 0);
	cr_assert_eq(iosafe_fd_close(&w), 0);
}

NOLEAK_TEST(fs, read_all_stops_at_eof_and_errors)
{
	iosafe_owned_fd fd = IOSAFE_FD_NONE, r = IOSAFE_FD_NONE, w = IOSAFE_FD_NONE;
	char buf[16];

	cr_assert_eq(iosafe_data_fd(&fd, "short", 5), 0);
	cr_assert_eq(iosafe_read_all(bw(&fd), buf, sizeof(buf)), 5);
	cr_assert_eq(iosafe_read_all(bw(&fd), buf, 0), 0);
	cr_assert_eq(iosafe_read_all(bw(&fd), buf, (size_t)IOSAFE_SSIZE_MAX + 1), -EINVAL);
	cr_assert_eq(iosafe_read_all(none_borrow, buf, 1), -EBADF);
	cr_assert_eq(iosafe_read_all(iosafe_fd_borrow_raw(fd_not_open()), buf, 1), -EBADF);
	cr_assert_eq(iosafe_pipe(&r, &w, O_NONBLOCK), 0);
	cr_assert_eq(iosafe_read_all(bw(&r), buf, 1), -EAGAIN);
	cr_assert_eq(iosafe_read_all(bw(&w), buf, 1), -EBADF, "write end");
	cr_assert_eq(iosafe_fd_close(&r), 0);
	cr_assert_eq(iosafe_fd_close(&w), 0);
	cr_assert_eq(iosafe_fd_close(&fd), 0);
}

NOLEAK_TEST(fs, write_all_continues_short_writes_and_eintr)
{
	enum { N = 256 * 1024 }; /* four times a default pipe's capacity */
	static char data[N];
	iosafe_owned_fd r = IOSAFE_FD_NONE, w = IOSAFE_FD_NONE;
	struct sigaction old;
	pid_t pid;
	int status;
	ssize_t rc;

	for (size_t i = 0; i < N; i++)
		data[i] = (char)(i * 13);
	cr_assert_eq(iosafe_pipe(&r, &w, 0), 0);
	pid = fork();
	cr_assert_geq(pid, 0);
	if (pid == 0) {
		char buf[4096];
		size_t total = 0;
		ssize_t n;

		close(w.raw);
		while ((n = read(r.raw, buf, sizeof(buf))) > 0) {
			for (ssize_t i = 0; i < n; i++)
				if (buf[i] != data[total + (size_t)i])
					_exit(2);
			total += (size_t)n;
			usleep(500);
		}
		close(r.raw);
		_exit(total == N ? 0 : 1);
	}
	cr_assert_eq(iosafe_fd_close(&r), 0);
	interrupts_begin(&old);
	rc = iosafe_write_all(bw(&w), data, N);
	interrupts_end(&old);
	cr_assert_eq(rc, N, "rc %zd (%s)", rc, rc < 0 ? strerror((int)-rc) : "");
	cr_assert(alarms > 0, "no signal arrived: EINTR was not exercised");
	cr_assert_eq(iosafe_fd_close(&w), 0);
	cr_assert_eq(waitpid(pid, &status, 0), pid);
	cr_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0, "the reader saw other bytes");
}

NOLEAK_TEST(fs, write_all_errors)
{
	iosafe_owned_fd r = IOSAFE_FD_NONE, w = IOSAFE_FD_NONE, full = IOSAFE_FD_NONE;
	struct sigaction ign = { .sa_handler = SIG_IGN }, old;

	cr_assert_eq(iosafe_write_all(none_borrow, "x", 1), -EBADF);
	cr_assert_eq(iosafe_write_all(iosafe_fd_borrow_raw(fd_not_open()), "x", 1), -EBADF);
	cr_assert_eq(iosafe_open(&full, "/dev/full", O_WRONLY, 0), 0);
	cr_assert_eq(iosafe_write_all(bw(&full), "x", 1), -ENOSPC);
	cr_assert_eq(iosafe_write_all(bw(&full), "x", (size_t)IOSAFE_SSIZE_MAX + 1), -EINVAL);
	cr_assert_eq(iosafe_write_all(bw(&full), NULL, 0), 0);
	cr_assert_eq(iosafe_pipe(&r, &w, 0), 0);
	cr_assert_eq(iosafe_fd_close(&r), 0);
	cr_assert_eq(sigaction(SIGPIPE, &ign, &old), 0);
	cr_assert_eq(iosafe_write_all(bw(&w), "x", 1), -EPIPE);
	cr_assert_eq(sigaction(SIGPIPE, &old, NULL), 0);
	cr_assert_eq(iosafe_fd_close(&w), 0);
	cr_assert_eq(iosafe_fd_close(&full), 0);
}

/* ---- readv, writev --------------------------------------------------------------- */

/* One more than IOV_MAX (1024) empty entries. */
static struct iovec many_iovecs[1025];

NOLEAK_TEST(fs, readv_writev_scatter_gather)
{
	iosafe_owned_fd r = IOSAFE_FD_NONE, w = IOSAFE_FD_NONE;
	char a[3] = { 0 }, b[8] = { 0 };
	struct iovec out[2] = { { (void *)"ab", 2 }, { (void *)"cdef", 4 } };
	struct iovec in[2] = { { a, 2 }, { b, sizeof(b) - 1 } };

	cr_assert_eq(iosafe_pipe(&r, &w, 0), 0);
	cr_assert_eq(iosafe_writev(bw(&w), out, 2), 6);
	cr_assert_eq(iosafe_readv(bw(&r), in, 2), 6);
	cr_assert_str_eq(a, "ab");
	cr_assert_str_eq(b, "cdef");
	cr_assert_eq(iosafe_writev(bw(&w), NULL, 0), 0);
	cr_assert_eq(iosafe_readv(bw(&r), in, -1), -EINVAL);
	cr_assert_eq(iosafe_writev(bw(&w), out, -1), -EINVAL);
	cr_assert_eq(iosafe_readv(bw(&r), many_iovecs, 1025), -EINVAL, "over IOV_MAX");
	cr_assert_eq(iosafe_readv(bw(&w), in, 2), -EBADF, "write end");
	cr_assert_eq(iosafe_writev(bw(&r), out, 2), -EBADF, "read end");
	cr_assert_eq(iosafe_readv(none_borrow, in, 2), -EBADF);
	cr_assert_eq(iosafe_writev(none_borrow, out, 2), -EBADF);
	cr_assert_eq(iosafe_readv(iosafe_fd_borrow_raw(fd_not_open()), in, 2), -EBADF);
	cr_assert_eq(iosafe_fd_close(&r), 0);
	/* No reader: -EPIPE (SIGPIPE ignored). */
	{
		struct sigaction ign = { .sa_handler = SIG_IGN }, old;

		cr_assert_eq(sigaction(SIGPIPE, &ign, &old), 0);
		cr_assert_eq(iosafe_writev(bw(&w), out, 2), -EPIPE);
		cr_assert_eq(sigaction(SIGPIPE, &old, NULL), 0);
	}
	cr_assert_eq(iosafe_fd_close(&w), 0);
}
