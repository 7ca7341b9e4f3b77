/* SPDX-License-Identifier: MIT */
/*
 * src/fs.c: files and directories on owned and borrowed descriptors.
 * The contracts and documentation are in include/iosafe/fs.h; the trusted
 * contracts of the calls made here are in acsl/iosafe_posix_fs.h.
 */
#define _GNU_SOURCE /* memfd_create, statx, renameat2, fallocate, F_ADD_SEALS */
#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <sys/file.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <unistd.h>
#if defined(__linux__)
#  include <linux/openat2.h>
#  include <stdio.h> /* renameat2 (glibc 2.28) */
#  include <sys/syscall.h>
#endif

#include "iosafe/fs.h"

/* ---- Opening ------------------------------------------------------------- */

#if defined(__linux__)
int iosafe_openat2(iosafe_owned_fd *out, iosafe_borrowed_fd dir, const char *path,
		   const struct open_how *how, size_t size)
{
	struct open_how h;
	long raw;

	if (out == NULL)
		return -EINVAL;
	out->raw = IOSAFE_RAW_NONE;
	if (path == NULL || how == NULL || size < sizeof(struct open_how))
		return -EINVAL;
	/* A larger struct has fields this build does not know: they cannot be
	 * copied into a struct of this size without being dropped. */
	if (size > sizeof(struct open_how))
		return -E2BIG;
	h = *how;
	h.flags |= O_CLOEXEC;
	raw = syscall(SYS_openat2, dir.raw, path, &h, sizeof(h));
	if (raw < 0)
		return -errno;
	out->raw = (int)raw;
	return 0;
}
#endif

/*
 * Keep the descriptor just opened in @fd when its type (st_mode & S_IFMT)
 * is @type, else close it: -ENODEV, or fstat's error.
 */
/*@
  requires valid_out: \valid(out);
  requires separated: \separated(out, &errno);
  requires out_none: out->raw == IOSAFE_RAW_NONE;
  requires owned: iosafe_fd_is_owned(raw);
  assigns out->raw, errno, iosafe_fd_state[raw];
  ensures kept: \result == 0 ==> out->raw == raw && iosafe_fd_table_same{Pre, Post};
  ensures closed: \result != 0 ==>
    iosafe_neg_errno(\result) && out->raw == IOSAFE_RAW_NONE &&
    iosafe_fd_released{Pre, Post}(raw);
*/
static int iosafe_keep_if_type(iosafe_owned_fd *out, int raw, mode_t type)
{
	struct stat st;
	iosafe_owned_fd fd;
	int rc;

	fd.raw = raw;
	if (fstat(raw, &st) < 0)
		rc = -errno;
	else if ((st.st_mode & S_IFMT) != type)
		rc = -ENODEV;
	else {
		out->raw = raw;
		return 0;
	}
	iosafe_fd_drop(&fd);
	return rc;
}

int iosafe_fifo_open(iosafe_owned_fd *out, iosafe_borrowed_fd dir, const char *path, int flags)
{
	int raw;

	if (out == NULL)
		return -EINVAL;
	out->raw = IOSAFE_RAW_NONE;
	if (path == NULL)
		return -EINVAL;
	raw = openat(dir.raw, path, flags | O_CLOEXEC, 0);
	if (raw < 0)
		return -errno;
	return iosafe_keep_if_type(out, raw, S_IFIFO);
}

int iosafe_chardev_open(iosafe_owned_fd *out, const char *path, int flags)
{
	int raw;

	if (out == NULL)
		return -EINVAL;
	out->raw = IOSAFE_RAW_NONE;
	if (path == NULL)
		return -EINVAL;
	raw = open(path, flags | O_CLOEXEC | O_NOCTTY, 0);
	if (raw < 0)
		return -errno;
	return iosafe_keep_if_type(out, raw, S_IFCHR);
}

/* ---- Anonymous and shared memory files --------------------------------------- */

#if defined(__linux__)
int iosafe_memfd_create(iosafe_owned_fd *out, const char *name, unsigned int flags)
{
	int raw;

	if (out == NULL)
		return -EINVAL;
	out->raw = IOSAFE_RAW_NONE;
	if (name == NULL)
		return -EINVAL;
	raw = memfd_create(name, flags | MFD_CLOEXEC);
	if (raw < 0)
		return -errno;
	out->raw = raw;
	return 0;
}

int iosafe_fd_add_seals(iosafe_borrowed_fd fd, int seals)
{
	if (fd.raw < 0)
		return -EBADF;
	if (fcntl(fd.raw, F_ADD_SEALS, seals) < 0)
		return -errno;
	return 0;
}

int iosafe_fd_get_seals(iosafe_borrowed_fd fd)
{
	int seals;

	if (fd.raw < 0)
		return -EBADF;
	seals = fcntl(fd.raw, F_GET_SEALS, 0);
	return seals < 0 ? -errno : seals;
}

/* The seals that make a data fd immutable: no write, no size change, and no
 * seal removed or added (fcntl(2) "File Sealing"). */
#define IOSAFE_DATA_SEALS (F_SEAL_SEAL | F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_WRITE)

int iosafe_data_fd(iosafe_owned_fd *out, const void *data, size_t n)
{
	iosafe_owned_fd fd;
	iosafe_borrowed_fd b;
	ssize_t put;
	off_t pos;
	int rc;

	if (out == NULL)
		return -EINVAL;
	out->raw = IOSAFE_RAW_NONE;
	if ((data == NULL && n > 0) || n > (size_t)IOSAFE_SSIZE_MAX)
		return -EINVAL;
	fd.raw = memfd_create("iosafe-data-fd", MFD_CLOEXEC | MFD_ALLOW_SEALING);
	if (fd.raw < 0)
		return -errno;
	b.raw = fd.raw;
	put = iosafe_write_all(b, data, n);
	if (put < 0) {
		rc = (int)put;
		goto fail;
	}
	if (fcntl(fd.raw, F_ADD_SEALS, IOSAFE_DATA_SEALS) < 0) {
		rc = -errno;
		goto fail;
	}
	/* lseek(2) to 0 of a memfd gives 0 or -1; the trusted contract also
	 * allows the other negative values of FMODE_UNSIGNED_OFFSET files. */
	pos = lseek(fd.raw, 0, SEEK_SET);
	if (pos < 0) {
		rc = pos == -1 ? -errno : -EOVERFLOW;
		goto fail;
	}
	out->raw = fd.raw;
	return 0;
fail:
	iosafe_fd_drop(&fd);
	return rc;
}
#endif

int iosafe_shm_open(iosafe_owned_fd *out, const char *name, int oflag, mode_t mode)
{
	int raw;

	if (out == NULL)
		return -EINVAL;
	out->raw = IOSAFE_RAW_NONE;
	if (name == NULL)
		return -EINVAL;
	raw = shm_open(name, oflag, mode);
	if (raw < 0)
		return -errno;
	out->raw = raw;
	return 0;
}

int iosafe_shm_unlink(const char *name)
{
	if (name == NULL)
		return -EINVAL;
	return shm_unlink(name) < 0 ? -errno : 0;
}

/* ---- Metadata and data on a descriptor --------------------------------------- */

int iosafe_fstat(iosafe_borrowed_fd fd, struct stat *st)
{
	if (st == NULL)
		return -EINVAL;
	if (fd.raw < 0)
		return -EBADF;
	return fstat(fd.raw, st) < 0 ? -errno : 0;
}

#if defined(__linux__)
int iosafe_statx(iosafe_borrowed_fd dir, const char *path, int flags, unsigned int mask,
		 struct statx *stx)
{
	if (path == NULL || stx == NULL)
		return -EINVAL;
	return statx(dir.raw, path, flags, mask, stx) < 0 ? -errno : 0;
}
#endif

int iosafe_fsync(iosafe_borrowed_fd fd)
{
	if (fd.raw < 0)
		return -EBADF;
	return fsync(fd.raw) < 0 ? -errno : 0;
}

int iosafe_fdatasync(iosafe_borrowed_fd fd)
{
	if (fd.raw < 0)
		return -EBADF;
	return fdatasync(fd.raw) < 0 ? -errno : 0;
}

int iosafe_ftruncate(iosafe_borrowed_fd fd, off_t length)
{
	if (fd.raw < 0)
		return -EBADF;
	return ftruncate(fd.raw, length) < 0 ? -errno : 0;
}

#if defined(__linux__)
int iosafe_fallocate(iosafe_borrowed_fd fd, int mode, off_t offset, off_t len)
{
	if (fd.raw < 0)
		return -EBADF;
	return fallocate(fd.raw, mode, offset, len) < 0 ? -errno : 0;
}
#endif

int iosafe_flock(iosafe_borrowed_fd fd, int operation)
{
	if (fd.raw < 0)
		return -EBADF;
	return flock(fd.raw, operation) < 0 ? -errno : 0;
}

off_t iosafe_lseek(iosafe_borrowed_fd fd, off_t offset, int whence)
{
	off_t pos;

	if (fd.raw < 0)
		return -EBADF;
	pos = lseek(fd.raw, offset, whence);
	if (pos == -1)
		return -errno;
	/* A file opened with FMODE_UNSIGNED_OFFSET (/proc/<pid>/mem, /dev/mem)
	 * takes positions of 2^63 and above, which off_t shows as negative
	 * values other than -1 with errno untouched (ksys_lseek(),
	 * fs/read_write.c): not an offset this call can return. */
	if (pos < 0)
		return -EOVERFLOW;
	return pos;
}

ssize_t iosafe_pread(iosafe_borrowed_fd fd, void *buf, size_t n, off_t offset)
{
	ssize_t got;

	if (fd.raw < 0)
		return -EBADF;
	got = pread(fd.raw, buf, n, offset);
	return got < 0 ? -errno : got;
}

ssize_t iosafe_pwrite(iosafe_borrowed_fd fd, const void *buf, size_t n, off_t offset)
{
	ssize_t put;

	if (fd.raw < 0)
		return -EBADF;
	put = pwrite(fd.raw, buf, n, offset);
	return put < 0 ? -errno : put;
}

ssize_t iosafe_readv(iosafe_borrowed_fd fd, const struct iovec *iov, int iovcnt)
{
	ssize_t got;

	if (fd.raw < 0)
		return -EBADF;
	if (iovcnt < 0)
		return -EINVAL;
	got = readv(fd.raw, iov, iovcnt);
	return got < 0 ? -errno : got;
}

ssize_t iosafe_writev(iosafe_borrowed_fd fd, const struct iovec *iov, int iovcnt)
{
	ssize_t put;

	if (fd.raw < 0)
		return -EBADF;
	if (iovcnt < 0)
		return -EINVAL;
	put = writev(fd.raw, iov, iovcnt);
	return put < 0 ? -errno : put;
}

/*
 * The loops of iosafe_read_all and iosafe_write_all, on an open descriptor
 * and a count that fits the result.  Kept apart from the public functions
 * because WP's smoke tests are run per behavior inside a loop, and the
 * public functions' "none" and "too_big" behaviors never reach it.
 *
 * Termination: every pass moves at least one byte, or leaves, or is a
 * retry after EINTR, of which at most IOSAFE_EINTR_RETRIES come in a row
 * (the count starts again after each byte moved; include/iosafe/fs.h).  So
 * the pair (bytes left, retries left) decreases lexicographically; the loop
 * variant is its encoding (bytes left) * (IOSAFE_EINTR_RETRIES + 1) +
 * (retries left).
 */
/*@
  requires open: iosafe_fd_is_open(fd);
  requires fits: n <= IOSAFE_SSIZE_MAX;
  requires valid_buf: \valid(buf + (0 .. n - 1));
  requires separated: \separated(buf + (0 .. n - 1), &errno);
  assigns buf[0 .. n - 1], errno;
  ensures result: iosafe_neg_errno(\result) || 0 <= \result <= n;
*/
static ssize_t iosafe_read_loop(int fd, char *buf, size_t n)
{
	size_t done = 0;
	ssize_t got;
	int retries = IOSAFE_EINTR_RETRIES;

	/*@
	  loop invariant done_bound: 0 <= done <= n;
	  loop invariant retries_bound: 0 <= retries <= IOSAFE_EINTR_RETRIES;
	  loop assigns done, got, retries, errno, buf[0 .. n - 1];
	  loop variant (n - done) * (IOSAFE_EINTR_RETRIES + 1) + retries;
	*/
	while (done < n) {
		got = read(fd, buf + done, n - done);
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
		retries = IOSAFE_EINTR_RETRIES;
	}
	return (ssize_t)done;
}

ssize_t iosafe_read_all(iosafe_borrowed_fd fd, void *buf, size_t n)
{
	if (fd.raw < 0)
		return -EBADF;
	if (n > (size_t)IOSAFE_SSIZE_MAX)
		return -EINVAL;
	return iosafe_read_loop(fd.raw, (char *)buf, n);
}

/*@
  requires open: iosafe_fd_is_open(fd);
  requires fits: n <= IOSAFE_SSIZE_MAX;
  requires valid_buf: \valid_read(buf + (0 .. n - 1));
  assigns errno;
  ensures result: iosafe_neg_errno(\result) || \result == n;
*/
static ssize_t iosafe_write_loop(int fd, const char *buf, size_t n)
{
	size_t done = 0;
	ssize_t put;
	int retries = IOSAFE_EINTR_RETRIES;

	/*@
	  loop invariant done_bound: 0 <= done <= n;
	  loop invariant retries_bound: 0 <= retries <= IOSAFE_EINTR_RETRIES;
	  loop assigns done, put, retries, errno;
	  loop variant (n - done) * (IOSAFE_EINTR_RETRIES + 1) + retries;
	*/
	while (done < n) {
		put = write(fd, buf + done, n - done);
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
		retries = IOSAFE_EINTR_RETRIES;
	}
	return (ssize_t)done;
}

ssize_t iosafe_write_all(iosafe_borrowed_fd fd, const void *buf, size_t n)
{
	if (fd.raw < 0)
		return -EBADF;
	if (n > (size_t)IOSAFE_SSIZE_MAX)
		return -EINVAL;
	return iosafe_write_loop(fd.raw, (const char *)buf, n);
}

/* ---- Names in directories -------------------------------------------------- */

int iosafe_mkfifoat(iosafe_borrowed_fd dir, const char *path, mode_t mode)
{
	if (path == NULL)
		return -EINVAL;
	return mkfifoat(dir.raw, path, mode) < 0 ? -errno : 0;
}

int iosafe_mkdirat(iosafe_borrowed_fd dir, const char *path, mode_t mode)
{
	if (path == NULL)
		return -EINVAL;
	return mkdirat(dir.raw, path, mode) < 0 ? -errno : 0;
}

int iosafe_unlinkat(iosafe_borrowed_fd dir, const char *path, int flags)
{
	if (path == NULL)
		return -EINVAL;
	return unlinkat(dir.raw, path, flags) < 0 ? -errno : 0;
}

#if defined(__linux__)
int iosafe_renameat2(iosafe_borrowed_fd old_dir, const char *old_path,
		     iosafe_borrowed_fd new_dir, const char *new_path, unsigned int flags)
{
	if (old_path == NULL || new_path == NULL)
		return -EINVAL;
	return renameat2(old_dir.raw, old_path, new_dir.raw, new_path, flags) < 0 ? -errno : 0;
}
#endif

int iosafe_linkat(iosafe_borrowed_fd old_dir, const char *old_path,
		  iosafe_borrowed_fd new_dir, const char *new_path, int flags)
{
	if (old_path == NULL || new_path == NULL)
		return -EINVAL;
	return linkat(old_dir.raw, old_path, new_dir.raw, new_path, flags) < 0 ? -errno : 0;
}

int iosafe_symlinkat(const char *target, iosafe_borrowed_fd dir, const char *link_path)
{
	if (target == NULL || link_path == NULL)
		return -EINVAL;
	return symlinkat(target, dir.raw, link_path) < 0 ? -errno : 0;
}

ssize_t iosafe_readlinkat(iosafe_borrowed_fd dir, const char *path, char *buf, size_t n)
{
	ssize_t len;

	if (path == NULL || buf == NULL)
		return -EINVAL;
	if (n == 0)
		return -ERANGE;
	len = readlinkat(dir.raw, path, buf, n);
	if (len < 0)
		return -errno;
	/* readlink(2) truncates silently: a content that filled the whole
	 * buffer may be longer, and leaves no room for the NUL. */
	if ((size_t)len == n)
		return -ERANGE;
	buf[len] = '\0';
	return len;
}

int iosafe_fchmodat(iosafe_borrowed_fd dir, const char *path, mode_t mode, int flags)
{
	if (path == NULL)
		return -EINVAL;
	return fchmodat(dir.raw, path, mode, flags) < 0 ? -errno : 0;
}

int iosafe_fchownat(iosafe_borrowed_fd dir, const char *path, uid_t owner, gid_t group,
		    int flags)
{
	if (path == NULL)
		return -EINVAL;
	return fchownat(dir.raw, path, owner, group, flags) < 0 ? -errno : 0;
}

int iosafe_faccessat(iosafe_borrowed_fd dir, const char *path, int mode, int flags)
{
	if (path == NULL)
		return -EINVAL;
	return faccessat(dir.raw, path, mode, flags) < 0 ? -errno : 0;
}
