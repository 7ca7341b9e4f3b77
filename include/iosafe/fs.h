/* SPDX-License-Identifier: MIT */
/*
 * iosafe/fs.h: files and directories on owned and borrowed descriptors
 * (rustix::fs and rustix::io).
 *
 * Why this header is longer than 600 lines: it is one family (the model,
 * rustix, keeps it in one module), and every declaration carries its
 * documentation and its ACSL contract directly above it, as fd.h and io.h
 * do.
 *
 * Conventions (those of io.h):
 *   - An acquisition takes `iosafe_owned_fd *out` first and returns 0 or a
 *     negative errno; *out is none on every failure and owned by the caller
 *     on success; whatever *out held is overwritten, not closed.  Every new
 *     descriptor is close-on-exec (O_CLOEXEC / MFD_CLOEXEC is added and
 *     cannot be turned off).
 *   - Uses take `iosafe_borrowed_fd` and return 0 (or a count, as ssize_t /
 *     off_t) or a negative errno.  A none borrow gives -EBADF without a
 *     system call; a NULL pointer the doc says is required gives -EINVAL,
 *     checked before anything else.
 *   - A directory argument `dir` is a borrow of a directory or iosafe_cwd()
 *     (AT_FDCWD), as iosafe_openat: it is passed to the kernel, which ignores
 *     it for absolute paths and fails with EBADF when a relative path needs
 *     it and it is none.
 *   - Buffers the call fills (struct stat, link targets) keep the place
 *     POSIX gives them; only descriptor out-parameters come first.
 *   - Errors: the errno values listed are the ones Linux documents for the
 *     call; any errno the kernel returns is passed on, negated.  Paths longer
 *     than PATH_MAX give -ENAMETOOLONG (from the kernel).
 *   - No call retries on EINTR except iosafe_read_all and iosafe_write_all.
 *
 * Linux-only functions (openat2, memfd_create, seals, data_fd, statx,
 * fallocate, renameat2) are declared under __linux__ only, so that the
 * header builds on every POSIX system.
 */
#ifndef IOSAFE_FS_H
#define IOSAFE_FS_H

#include <stddef.h>
#include <sys/types.h>
#include <sys/stat.h> /* struct stat, mode_t */
#include <sys/uio.h>  /* struct iovec */

#include "fd.h"
#include "io.h"

#ifdef __cplusplus
extern "C" {
#endif

struct open_how;
struct statx;

/** The largest count a ssize_t result can carry (SSIZE_MAX on LP64 and ILP32). */
#define IOSAFE_SSIZE_MAX ((ssize_t)((size_t)-1 / 2))

/**
 * IOSAFE_EINTR_RETRIES: how many consecutive calls interrupted by a signal
 * (EINTR) with no byte moved iosafe_read_all, iosafe_write_all and
 * iosafe_copy_all retry before they give up and return -EINTR.  The count
 * starts again after every call that moves a byte, so only a storm of
 * signals that keeps a call from ever completing (4096 interruptions in a
 * row, for example an interval timer without SA_RESTART firing while a
 * read waits for data that does not come) ends the loop; any other signal
 * is retried as Rust's std::io does with ErrorKind::Interrupted.  The bound
 * is what makes these loops terminate (their WP loop variants, src/fs.c,
 * src/zerocopy.c): without it a call could be interrupted forever.
 */
#define IOSAFE_EINTR_RETRIES 4096

/* ---- Opening ------------------------------------------------------------- */

#if defined(__linux__)
/**
 * iosafe_openat2: open a file relative to a directory, with resolve rules.
 * @out: (not NULL) receives the new descriptor; none on failure.
 * @dir: a borrow of a directory, or iosafe_cwd(); used during the call only.
 * @path: (not NULL) the file's path.
 * @how: (not NULL) flags, mode and resolve (RESOLVE_BENEATH, ...), read
 *   only: iosafe copies it and ORs O_CLOEXEC into the copy's flags.
 * @size: sizeof(struct open_how) as the caller's <linux/openat2.h> defines it.
 * Returns: 0, or the negative errno of openat2(2): -ENOENT, -EACCES,
 *   -EEXIST, -EXDEV (a RESOLVE_* rule was broken), -ELOOP, -EAGAIN
 *   (RESOLVE_CACHED), -EINVAL (unknown flag bits, mode without O_CREAT),
 *   -ENOSYS (kernel before 5.6), -EMFILE, -ENFILE, ...; -EINVAL for a NULL
 *   @out, @path or @how, or a @size smaller than the struct iosafe knows;
 *   -E2BIG for a larger one (a newer struct's extra fields cannot be copied
 *   without being understood).
 * Linux only (5.6).  Follows: openat2(2); rustix::fs::openat2.
 */
/*@
  requires separated: \separated(out, &errno);
  assigns out->raw, errno, iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
    iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1];
  behavior null_out:
    assumes out == \null;
    assigns \nothing;
    ensures result_einval: \result == -EINVAL;
    ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior bad_args:
    assumes out != \null &&
      (path == \null || how == \null || size != sizeof(struct open_how));
    requires valid_out: \valid(out);
    assigns out->raw;
    ensures out_none: out->raw == IOSAFE_RAW_NONE;
    ensures result: \result == -EINVAL || \result == -E2BIG;
    ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior call:
    assumes out != \null && path != \null && how != \null &&
      size == sizeof(struct open_how);
    requires valid_out: \valid(out);
    requires valid_path: \valid_read(path);
    requires valid_how: \valid_read(how);
    requires separated_args: \separated(out, path, how);
    requires dir_borrow_ok: iosafe_fd_borrow_ok(dir.raw);
    assigns out->raw, errno, iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
      iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1];
    ensures acquired: \result == 0 ==>
      iosafe_fd_acquired{Pre, Post}(out->raw) && iosafe_fd_is_cloexec(out->raw);
    ensures failed: \result != 0 ==>
      iosafe_neg_errno(\result) && out->raw == IOSAFE_RAW_NONE &&
      iosafe_fd_table_same{Pre, Post};
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_openat2(iosafe_owned_fd *out IOSAFE_ACQUIRES, iosafe_borrowed_fd dir IOSAFE_USES,
		   const char *path, const struct open_how *how, size_t size);
#endif

/**
 * iosafe_fifo_open: open a FIFO (named pipe), and only a FIFO.
 * @out: (not NULL) receives the new descriptor; none on failure.
 * @dir: a borrow of a directory, or iosafe_cwd(); used during the call only.
 * @path: (not NULL) the FIFO's path.
 * @flags: open(2) flags (O_RDONLY, O_WRONLY, O_NONBLOCK, ...); O_CLOEXEC is
 *   always added.  Without O_NONBLOCK, opening blocks until the other end is
 *   opened too (fifo(7)).
 * Returns: 0; -ENODEV when @path is not a FIFO (it was opened, checked with
 *   fstat(2) and closed again: add O_NONBLOCK where opening another kind of
 *   file could block or act); the negative errno of openat(2) (-ENOENT,
 *   -EACCES, -ENXIO for O_WRONLY | O_NONBLOCK without a reader, -EINTR,
 *   -EMFILE, ...) or of fstat(2); -EINVAL for a NULL @out or @path.
 * Follows: openat(2), fifo(7); rustix::fs::openat with FileType::Fifo.
 */
/*@
  requires separated: \separated(out, &errno);
  assigns out->raw, errno, iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
    iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1];
  behavior null_out:
    assumes out == \null;
    assigns \nothing;
    ensures result_einval: \result == -EINVAL;
    ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior null_path:
    assumes out != \null && path == \null;
    requires valid_out: \valid(out);
    assigns out->raw;
    ensures out_none: out->raw == IOSAFE_RAW_NONE;
    ensures result_einval: \result == -EINVAL;
    ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior call:
    assumes out != \null && path != \null;
    requires valid_out: \valid(out);
    requires valid_path: \valid_read(path);
    requires separated_path: \separated(out, path);
    requires dir_borrow_ok: iosafe_fd_borrow_ok(dir.raw);
    assigns out->raw, errno, iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
      iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1];
    ensures acquired: \result == 0 ==>
      iosafe_fd_acquired{Pre, Post}(out->raw) && iosafe_fd_is_cloexec(out->raw);
    ensures failed: \result != 0 ==>
      iosafe_neg_errno(\result) && out->raw == IOSAFE_RAW_NONE &&
      iosafe_fd_table_same{Pre, Post};
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_fifo_open(iosafe_owned_fd *out IOSAFE_ACQUIRES, iosafe_borrowed_fd dir IOSAFE_USES,
		     const char *path, int flags);

/**
 * iosafe_chardev_open: open a character device (a tty, /dev/null, ...), and
 * only a character device, without making it the controlling terminal.
 * @out: (not NULL) receives the new descriptor; none on failure.
 * @path: (not NULL) the device's path.
 * @flags: open(2) flags; O_CLOEXEC and O_NOCTTY are always added.
 * Returns: 0; -ENODEV when @path is not a character device (opened, checked
 *   with fstat(2), closed again); the negative errno of open(2) (-ENOENT,
 *   -EACCES, -ENXIO, -EMFILE, ...) or of fstat(2); -EINVAL for a NULL @out or
 *   @path.
 * Follows: open(2) O_NOCTTY, inode(7) S_ISCHR.
 */
/*@
  requires separated: \separated(out, &errno);
  assigns out->raw, errno, iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
    iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1];
  behavior null_out:
    assumes out == \null;
    assigns \nothing;
    ensures result_einval: \result == -EINVAL;
    ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior null_path:
    assumes out != \null && path == \null;
    requires valid_out: \valid(out);
    assigns out->raw;
    ensures out_none: out->raw == IOSAFE_RAW_NONE;
    ensures result_einval: \result == -EINVAL;
    ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior call:
    assumes out != \null && path != \null;
    requires valid_out: \valid(out);
    requires valid_path: \valid_read(path);
    requires separated_path: \separated(out, path);
    assigns out->raw, errno, iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
      iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1];
    ensures acquired: \result == 0 ==>
      iosafe_fd_acquired{Pre, Post}(out->raw) && iosafe_fd_is_cloexec(out->raw);
    ensures failed: \result != 0 ==>
      iosafe_neg_errno(\result) && out->raw == IOSAFE_RAW_NONE &&
      iosafe_fd_table_same{Pre, Post};
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_chardev_open(iosafe_owned_fd *out IOSAFE_ACQUIRES, const char *path, int flags);

/* ---- Anonymous and shared memory files --------------------------------------- */

#if defined(__linux__)
/**
 * iosafe_memfd_create: create an anonymous file in memory.
 * @out: (not NULL) receives the new descriptor (read-write); none on failure.
 * @name: (not NULL) a name for /proc/self/fd and debugging, at most 249
 *   bytes; it need not be unique.
 * @flags: memfd_create(2) flags (MFD_ALLOW_SEALING, MFD_HUGETLB, ...);
 *   MFD_CLOEXEC is always added.
 * Returns: 0, or -EINVAL (unknown flags, @name too long), -EMFILE, -ENFILE,
 *   -ENOMEM, -EPERM, ...; -EINVAL for a NULL @out or @name.
 * Linux only (3.17).  Follows: memfd_create(2); rustix::fs::memfd_create.
 */
/*@
  requires separated: \separated(out, &errno);
  assigns out->raw, errno, iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
    iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1];
  behavior null_out:
    assumes out == \null;
    assigns \nothing;
    ensures result_einval: \result == -EINVAL;
    ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior null_name:
    assumes out != \null && name == \null;
    requires valid_out: \valid(out);
    assigns out->raw;
    ensures out_none: out->raw == IOSAFE_RAW_NONE;
    ensures result_einval: \result == -EINVAL;
    ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior call:
    assumes out != \null && name != \null;
    requires valid_out: \valid(out);
    requires valid_name: \valid_read(name);
    requires separated_name: \separated(out, name);
    assigns out->raw, errno, iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
      iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1];
    ensures acquired: \result == 0 ==>
      iosafe_fd_acquired{Pre, Post}(out->raw) && iosafe_fd_is_cloexec(out->raw);
    ensures failed: \result != 0 ==>
      iosafe_neg_errno(\result) && out->raw == IOSAFE_RAW_NONE &&
      iosafe_fd_table_same{Pre, Post};
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_memfd_create(iosafe_owned_fd *out IOSAFE_ACQUIRES, const char *name,
			unsigned int flags);

/**
 * iosafe_fd_add_seals: add seals to a memfd made with MFD_ALLOW_SEALING.
 * @fd: a borrow, used during the call only.
 * @seals: F_SEAL_SEAL, F_SEAL_SHRINK, F_SEAL_GROW, F_SEAL_WRITE,
 *   F_SEAL_FUTURE_WRITE, ORed.
 * Returns: 0, or -EBADF (none or not open), -EINVAL (not a memfd, or
 *   unknown bits), -EPERM (F_SEAL_SEAL is set, the file was made without
 *   MFD_ALLOW_SEALING, or @fd is not open for writing), -EBUSY
 *   (F_SEAL_WRITE while writable mappings exist).
 * Linux only (3.17).  Follows: fcntl(2) F_ADD_SEALS; rustix::fs::fcntl_add_seals.
 */
/*@
  requires borrow_ok: iosafe_fd_borrow_ok(fd.raw);
  assigns errno;
  ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior none:
    assumes fd.raw < 0;
    assigns \nothing;
    ensures result_ebadf: \result == -EBADF;
  behavior call:
    assumes fd.raw >= 0;
    ensures result: \result == 0 || iosafe_neg_errno(\result);
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_fd_add_seals(iosafe_borrowed_fd fd IOSAFE_USES, int seals);

/**
 * iosafe_fd_get_seals: the seals of a memfd.
 * @fd: a borrow, used during the call only.
 * Returns: the seal mask (>= 0; F_SEAL_SEAL alone for a memfd made without
 *   MFD_ALLOW_SEALING), or -EBADF (none or not open), -EINVAL (the file does
 *   not support sealing).
 * Linux only (3.17).  Follows: fcntl(2) F_GET_SEALS; rustix::fs::fcntl_get_seals.
 */
/*@
  requires borrow_ok: iosafe_fd_borrow_ok(fd.raw);
  assigns errno;
  ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior none:
    assumes fd.raw < 0;
    assigns \nothing;
    ensures result_ebadf: \result == -EBADF;
  behavior call:
    assumes fd.raw >= 0;
    ensures result: \result >= 0 || iosafe_neg_errno(\result);
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_fd_get_seals(iosafe_borrowed_fd fd IOSAFE_USES);

/**
 * iosafe_data_fd: a descriptor whose file holds a copy of @data and can
 * never change: a memfd, written, sealed against writing, growing and
 * shrinking (and against new seals), its offset put back to 0.
 * @out: (not NULL) receives the descriptor; none on failure.
 * @data: (not NULL unless @n is 0) the bytes, copied; not kept.
 * @n: the number of bytes, at most IOSAFE_SSIZE_MAX.
 * Returns: 0, or the negative errno of memfd_create(2) (-EMFILE, -ENFILE,
 *   -ENOMEM), write(2) (-ENOSPC, -ENOMEM), fcntl(2) F_ADD_SEALS or lseek(2);
 *   -EINVAL for a NULL @out, a NULL @data with @n > 0, or @n too large.
 *   No descriptor is left open on failure.
 * Linux only.  Follows: systemd's acquire_data_fd(); memfd_create(2),
 *   fcntl(2) "File Sealing".
 */
/*@
  requires separated: \separated(out, &errno);
  assigns out->raw, errno, iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
    iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1];
  behavior null_out:
    assumes out == \null;
    assigns \nothing;
    ensures result_einval: \result == -EINVAL;
    ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior bad_args:
    assumes out != \null && ((data == \null && n > 0) || n > IOSAFE_SSIZE_MAX);
    requires valid_out: \valid(out);
    assigns out->raw;
    ensures out_none: out->raw == IOSAFE_RAW_NONE;
    ensures result_einval: \result == -EINVAL;
    ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior call:
    assumes out != \null && !((data == \null && n > 0) || n > IOSAFE_SSIZE_MAX);
    requires valid_out: \valid(out);
    requires valid_data: \valid_read((char *)data + (0 .. n - 1));
    assigns out->raw, errno, iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
      iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1];
    ensures acquired: \result == 0 ==>
      iosafe_fd_acquired{Pre, Post}(out->raw) && iosafe_fd_is_cloexec(out->raw);
    ensures failed: \result != 0 ==>
      iosafe_neg_errno(\result) && out->raw == IOSAFE_RAW_NONE &&
      iosafe_fd_table_same{Pre, Post};
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_data_fd(iosafe_owned_fd *out IOSAFE_ACQUIRES, const void *data, size_t n);
#endif

/**
 * iosafe_shm_open: open (or create) a POSIX shared memory object.
 * @out: (not NULL) receives the new descriptor; none on failure.
 * @name: (not NULL) "/somename" (shm_overview(7)).
 * @oflag: O_RDONLY or O_RDWR, with O_CREAT, O_EXCL, O_TRUNC; the descriptor
 *   is always close-on-exec (shm_open(3) sets FD_CLOEXEC itself).
 * @mode: permissions when O_CREAT creates the object.
 * Returns: 0, or -EACCES, -EEXIST, -EINVAL (bad @name), -EMFILE, -ENFILE,
 *   -ENAMETOOLONG, -ENOENT, ...; -EINVAL for a NULL @out or @name.
 * Follows: shm_open(3), POSIX shm_open; rustix::shm::open.
 */
/*@
  requires separated: \separated(out, &errno);
  assigns out->raw, errno, iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
    iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1];
  behavior null_out:
    assumes out == \null;
    assigns \nothing;
    ensures result_einval: \result == -EINVAL;
    ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior null_name:
    assumes out != \null && name == \null;
    requires valid_out: \valid(out);
    assigns out->raw;
    ensures out_none: out->raw == IOSAFE_RAW_NONE;
    ensures result_einval: \result == -EINVAL;
    ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior call:
    assumes out != \null && name != \null;
    requires valid_out: \valid(out);
    requires valid_name: \valid_read(name);
    requires separated_name: \separated(out, name);
    assigns out->raw, errno, iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
      iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1];
    ensures acquired: \result == 0 ==>
      iosafe_fd_acquired{Pre, Post}(out->raw) && iosafe_fd_is_cloexec(out->raw);
    ensures failed: \result != 0 ==>
      iosafe_neg_errno(\result) && out->raw == IOSAFE_RAW_NONE &&
      iosafe_fd_table_same{Pre, Post};
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_shm_open(iosafe_owned_fd *out IOSAFE_ACQUIRES, const char *name, int oflag,
		    mode_t mode);

/**
 * iosafe_shm_unlink: remove a POSIX shared memory object's name.
 * @name: (not NULL) as given to iosafe_shm_open.
 * Returns: 0, or -ENOENT, -EACCES, -ENAMETOOLONG, ...; -EINVAL for a NULL
 *   @name.  Descriptors already open on the object stay valid.
 * Follows: shm_unlink(3); rustix::shm::unlink.
 */
/*@
  assigns errno;
  ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior null_name:
    assumes name == \null;
    assigns \nothing;
    ensures result_einval: \result == -EINVAL;
  behavior call:
    assumes name != \null;
    requires valid_name: \valid_read(name);
    ensures result: \result == 0 || iosafe_neg_errno(\result);
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_shm_unlink(const char *name);

/* ---- Metadata and data on a descriptor --------------------------------------- */

/**
 * iosafe_fstat: a descriptor's file status.
 * @fd: a borrow, used during the call only.
 * @st: (not NULL) receives the status; unspecified on failure.
 * Returns: 0, or -EBADF (none or not open), -EIO, -ENOMEM, -EOVERFLOW, ...;
 *   -EINVAL for a NULL @st.
 * Follows: fstat(2); rustix::fs::fstat.
 */
/*@
  assigns *st, errno;
  ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior null_st:
    assumes st == \null;
    assigns \nothing;
    ensures result_einval: \result == -EINVAL;
  behavior none:
    assumes st != \null && fd.raw < 0;
    assigns \nothing;
    ensures result_ebadf: \result == -EBADF;
  behavior call:
    assumes st != \null && fd.raw >= 0;
    requires borrow_ok: iosafe_fd_borrow_ok(fd.raw);
    requires valid_st: \valid(st);
    requires separated_st: \separated(st, &errno);
    ensures result: \result == 0 || iosafe_neg_errno(\result);
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_fstat(iosafe_borrowed_fd fd IOSAFE_USES, struct stat *st);

#if defined(__linux__)
/**
 * iosafe_statx: extended file status, of a path or (with AT_EMPTY_PATH and
 * path "") of @dir itself.
 * @dir: a borrow of a directory (or of the file itself with AT_EMPTY_PATH),
 *   or iosafe_cwd(); used during the call only.
 * @path: (not NULL) the path; "" with AT_EMPTY_PATH.
 * @flags: AT_EMPTY_PATH, AT_SYMLINK_NOFOLLOW, AT_STATX_*.
 * @mask: the STATX_* fields wanted (STATX_BASIC_STATS, STATX_BTIME, ...);
 *   stx_mask tells which were filled.
 * @stx: (not NULL) receives the status; unspecified on failure.
 * Returns: 0, or -ENOENT, -EACCES, -EBADF, -ENOTDIR, -ELOOP, -EINVAL
 *   (bad @flags or @mask), -ENOSYS (before 4.11), ...; -EINVAL for a NULL
 *   @path or @stx.
 * Linux only (4.11).  Follows: statx(2); rustix::fs::statx.
 */
/*@
  assigns *stx, errno;
  ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior null_args:
    assumes path == \null || stx == \null;
    assigns \nothing;
    ensures result_einval: \result == -EINVAL;
  behavior call:
    assumes path != \null && stx != \null;
    requires dir_borrow_ok: iosafe_fd_borrow_ok(dir.raw);
    requires valid_path: \valid_read(path);
    requires valid_stx: \valid(stx);
    requires separated_stx: \separated(stx, &errno);
    ensures result: \result == 0 || iosafe_neg_errno(\result);
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_statx(iosafe_borrowed_fd dir IOSAFE_USES, const char *path, int flags,
		 unsigned int mask, struct statx *stx);
#endif

/**
 * iosafe_fsync: flush a file's data and metadata to its storage device.
 * @fd: a borrow, used during the call only.
 * Returns: 0, or -EBADF (none or not open), -EIO (a write-back failed:
 *   data may be lost; fsync(2) explains why a retry does not help),
 *   -ENOSPC, -EDQUOT, -EROFS or -EINVAL (the file does not support it), ...
 * Follows: fsync(2), POSIX fsync; rustix::fs::fsync.
 */
/*@
  requires borrow_ok: iosafe_fd_borrow_ok(fd.raw);
  assigns errno;
  ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior none:
    assumes fd.raw < 0;
    assigns \nothing;
    ensures result_ebadf: \result == -EBADF;
  behavior call:
    assumes fd.raw >= 0;
    ensures result: \result == 0 || iosafe_neg_errno(\result);
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_fsync(iosafe_borrowed_fd fd IOSAFE_USES);

/**
 * iosafe_fdatasync: as iosafe_fsync, without the metadata not needed to read
 * the data back (modification time, ...).
 * @fd: a borrow, used during the call only.
 * Returns: as iosafe_fsync.
 * Follows: fdatasync(2), POSIX fdatasync; rustix::fs::fdatasync.
 */
/*@
  requires borrow_ok: iosafe_fd_borrow_ok(fd.raw);
  assigns errno;
  ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior none:
    assumes fd.raw < 0;
    assigns \nothing;
    ensures result_ebadf: \result == -EBADF;
  behavior call:
    assumes fd.raw >= 0;
    ensures result: \result == 0 || iosafe_neg_errno(\result);
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_fdatasync(iosafe_borrowed_fd fd IOSAFE_USES);

/**
 * iosafe_ftruncate: set a file's size, in bytes (cut, or extended with zeros).
 * @fd: a borrow of a file open for writing, used during the call only.
 * @length: the new size in bytes, >= 0.
 * Returns: 0, or -EBADF (none, not open, or not open for writing), -EINVAL
 *   (negative @length, or not a regular file), -EFBIG, -EPERM (sealed, or
 *   append-only), -EIO, -EINTR, ...
 * Follows: ftruncate(2), POSIX ftruncate; rustix::fs::ftruncate.
 */
/*@
  requires borrow_ok: iosafe_fd_borrow_ok(fd.raw);
  assigns errno;
  ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior none:
    assumes fd.raw < 0;
    assigns \nothing;
    ensures result_ebadf: \result == -EBADF;
  behavior call:
    assumes fd.raw >= 0;
    ensures result: \result == 0 || iosafe_neg_errno(\result);
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_ftruncate(iosafe_borrowed_fd fd IOSAFE_USES, off_t length);

#if defined(__linux__)
/**
 * iosafe_fallocate: allocate (or, with FALLOC_FL_PUNCH_HOLE, free) disk space
 * for the byte range [@offset, @offset + @len) of a file.
 * @fd: a borrow of a file open for writing, used during the call only.
 * @mode: 0 or FALLOC_FL_* flags.
 * @offset, @len: in bytes; @offset >= 0, @len > 0.
 * Returns: 0, or -EBADF, -EINVAL (bad range), -EOPNOTSUPP (the filesystem
 *   or @mode is not supported), -ENOSPC, -EFBIG, -ESPIPE (a pipe), -ENODEV,
 *   -EPERM, -EINTR, -EIO, ...
 * Linux only.  Follows: fallocate(2); rustix::fs::fallocate.
 */
/*@
  requires borrow_ok: iosafe_fd_borrow_ok(fd.raw);
  assigns errno;
  ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior none:
    assumes fd.raw < 0;
    assigns \nothing;
    ensures result_ebadf: \result == -EBADF;
  behavior call:
    assumes fd.raw >= 0;
    ensures result: \result == 0 || iosafe_neg_errno(\result);
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_fallocate(iosafe_borrowed_fd fd IOSAFE_USES, int mode, off_t offset, off_t len);
#endif

/**
 * iosafe_flock: take or drop an advisory lock on the open file.
 * @fd: a borrow, used during the call only.  The lock belongs to the open
 *   file description: it is dropped when every descriptor of it is closed.
 * @operation: LOCK_SH, LOCK_EX or LOCK_UN, optionally | LOCK_NB.
 * Returns: 0, or -EWOULDBLOCK (== -EAGAIN: LOCK_NB and the file is locked),
 *   -EINTR (a signal while waiting), -EBADF, -EINVAL (bad @operation),
 *   -ENOLCK, ...
 * Follows: flock(2) (BSD; Linux); rustix::fs::flock.
 */
/*@
  requires borrow_ok: iosafe_fd_borrow_ok(fd.raw);
  assigns errno;
  ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior none:
    assumes fd.raw < 0;
    assigns \nothing;
    ensures result_ebadf: \result == -EBADF;
  behavior call:
    assumes fd.raw >= 0;
    ensures result: \result == 0 || iosafe_neg_errno(\result);
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_flock(iosafe_borrowed_fd fd IOSAFE_USES, int operation);

/**
 * iosafe_lseek: move the file offset.
 * @fd: a borrow, used during the call only.
 * @offset: bytes, relative to @whence.
 * @whence: SEEK_SET, SEEK_CUR, SEEK_END (SEEK_DATA, SEEK_HOLE on Linux).
 * Returns: the new offset in bytes from the start of the file (>= 0), or
 *   -EBADF, -EINVAL (bad @whence, or a negative result), -ESPIPE (a pipe,
 *   socket or FIFO), -ENXIO (SEEK_DATA/SEEK_HOLE past the end), -EOVERFLOW
 *   (also for a position of 2^63 or more, which files such as
 *   /proc/<pid>/mem accept and off_t cannot hold; the offset has moved).
 * Follows: lseek(2), POSIX lseek; rustix::fs::seek.
 */
/*@
  requires borrow_ok: iosafe_fd_borrow_ok(fd.raw);
  assigns errno;
  ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior none:
    assumes fd.raw < 0;
    assigns \nothing;
    ensures result_ebadf: \result == -EBADF;
  behavior call:
    assumes fd.raw >= 0;
    ensures result: \result >= 0 || iosafe_neg_errno(\result);
  complete behaviors;
  disjoint behaviors;
*/
off_t iosafe_lseek(iosafe_borrowed_fd fd IOSAFE_USES, off_t offset, int whence);

/**
 * iosafe_pread: read up to @n bytes at a file offset, which is not moved.
 * @fd: a borrow, used during the call only.
 * @buf: (not NULL unless @n is 0) at least @n writable bytes.
 * @offset: bytes from the start of the file, >= 0.
 * Returns: the number of bytes read (0 at end of file), or -EBADF, -EINTR,
 *   -EAGAIN, -EIO, -EISDIR, -EINVAL (negative @offset), -ESPIPE (a pipe or
 *   socket), -EFAULT, ...
 * Follows: pread(2), POSIX pread; rustix::io::pread.
 */
/*@
  requires borrow_ok: iosafe_fd_borrow_ok(fd.raw);
  assigns ((char *)buf)[0 .. n - 1], errno;
  ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior none:
    assumes fd.raw < 0;
    assigns \nothing;
    ensures result_ebadf: \result == -EBADF;
  behavior call:
    assumes fd.raw >= 0;
    requires valid_buf: \valid((char *)buf + (0 .. n - 1));
    requires separated: \separated((char *)buf + (0 .. n - 1), &errno);
    ensures result: iosafe_neg_errno(\result) || 0 <= \result <= n;
  complete behaviors;
  disjoint behaviors;
*/
ssize_t iosafe_pread(iosafe_borrowed_fd fd IOSAFE_USES, void *buf, size_t n, off_t offset);

/**
 * iosafe_pwrite: write up to @n bytes at a file offset, which is not moved.
 * @fd: a borrow, used during the call only.
 * @buf: (not NULL unless @n is 0) at least @n readable bytes.
 * @offset: bytes from the start of the file, >= 0 (ignored by Linux for a
 *   file opened with O_APPEND: pwrite(2) BUGS).
 * Returns: the number of bytes written (possibly fewer than @n), or -EBADF,
 *   -EINTR, -EAGAIN, -ENOSPC, -EFBIG, -EINVAL, -ESPIPE, -EPIPE, -EIO,
 *   -EFAULT, ...
 * Follows: pwrite(2), POSIX pwrite; rustix::io::pwrite.
 */
/*@
  requires borrow_ok: iosafe_fd_borrow_ok(fd.raw);
  assigns errno;
  ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior none:
    assumes fd.raw < 0;
    assigns \nothing;
    ensures result_ebadf: \result == -EBADF;
  behavior call:
    assumes fd.raw >= 0;
    requires valid_buf: \valid_read((char *)buf + (0 .. n - 1));
    ensures result: iosafe_neg_errno(\result) || 0 <= \result <= n;
  complete behaviors;
  disjoint behaviors;
*/
ssize_t iosafe_pwrite(iosafe_borrowed_fd fd IOSAFE_USES, const void *buf, size_t n,
		      off_t offset);

/**
 * iosafe_readv: read into several buffers in one call (scatter input).
 * @fd: a borrow, used during the call only.
 * @iov: (not NULL unless @iovcnt is 0) @iovcnt entries, each naming
 *   iov_len writable bytes at iov_base; filled in order.
 * @iovcnt: 0 to IOV_MAX (1024 on Linux).
 * Returns: the number of bytes read (0 at end of file), or -EBADF, -EINTR,
 *   -EAGAIN, -EIO, -EISDIR, -EFAULT, -EINVAL (@iovcnt above IOV_MAX, or
 *   the lengths overflow a ssize_t), ...; -EINVAL for a negative @iovcnt.
 * Follows: readv(2), POSIX readv; rustix::io::readv.
 */
/*@
  requires borrow_ok: iosafe_fd_borrow_ok(fd.raw);
  assigns errno, { ((char *)iov[i].iov_base)[j] | integer i, j;
    0 <= i < iovcnt && 0 <= j < iov[i].iov_len };
  ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior none:
    assumes fd.raw < 0;
    assigns \nothing;
    ensures result_ebadf: \result == -EBADF;
  behavior negative:
    assumes fd.raw >= 0 && iovcnt < 0;
    assigns \nothing;
    ensures result_einval: \result == -EINVAL;
  behavior call:
    assumes fd.raw >= 0 && iovcnt >= 0;
    requires valid_iov: \valid_read(iov + (0 .. iovcnt - 1));
    requires valid_bufs: \forall integer i; 0 <= i < iovcnt ==>
      \valid((char *)iov[i].iov_base + (0 .. iov[i].iov_len - 1));
    requires separated: \separated(&errno, iov + (0 .. iovcnt - 1),
      { (char *)iov[i].iov_base + j | integer i, j;
        0 <= i < iovcnt && 0 <= j < iov[i].iov_len });
    ensures result: \result >= 0 || iosafe_neg_errno(\result);
  complete behaviors;
  disjoint behaviors;
*/
ssize_t iosafe_readv(iosafe_borrowed_fd fd IOSAFE_USES, const struct iovec *iov, int iovcnt);

/**
 * iosafe_writev: write several buffers in one call (gather output).
 * @fd: a borrow, used during the call only.
 * @iov: (not NULL unless @iovcnt is 0) @iovcnt entries, each naming
 *   iov_len readable bytes at iov_base; written in order, atomically
 *   with respect to other writers of a pipe up to PIPE_BUF bytes.
 * @iovcnt: 0 to IOV_MAX (1024 on Linux).
 * Returns: the number of bytes written (possibly fewer than the sum), or
 *   -EBADF, -EINTR, -EAGAIN, -EPIPE, -ENOSPC, -EIO, -EFAULT, -EINVAL, ...;
 *   -EINVAL for a negative @iovcnt.
 * Follows: writev(2), POSIX writev; rustix::io::writev.
 */
/*@
  requires borrow_ok: iosafe_fd_borrow_ok(fd.raw);
  assigns errno;
  ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior none:
    assumes fd.raw < 0;
    assigns \nothing;
    ensures result_ebadf: \result == -EBADF;
  behavior negative:
    assumes fd.raw >= 0 && iovcnt < 0;
    assigns \nothing;
    ensures result_einval: \result == -EINVAL;
  behavior call:
    assumes fd.raw >= 0 && iovcnt >= 0;
    requires valid_iov: \valid_read(iov + (0 .. iovcnt - 1));
    requires valid_bufs: \forall integer i; 0 <= i < iovcnt ==>
      \valid_read((char *)iov[i].iov_base + (0 .. iov[i].iov_len - 1));
    ensures result: \result >= 0 || iosafe_neg_errno(\result);
  complete behaviors;
  disjoint behaviors;
*/
ssize_t iosafe_writev(iosafe_borrowed_fd fd IOSAFE_USES, const struct iovec *iov, int iovcnt);

/**
 * iosafe_read_all: read until @n bytes are read or the end of the file.
 * @fd: a borrow, used during the call only.
 * @buf: (not NULL unless @n is 0) at least @n writable bytes.
 * @n: at most IOSAFE_SSIZE_MAX.
 * Short reads are continued and -EINTR is retried (a signal handler runs,
 * then reading goes on), up to IOSAFE_EINTR_RETRIES interruptions in a row
 * with nothing read; then the call returns -EINTR.
 * Returns: the number of bytes read: @n, or fewer only at the end of the
 *   file; or a negative errno of read(2) (-EBADF, -EAGAIN on a non-blocking
 *   descriptor with nothing to read, -EIO, -EISDIR, -EFAULT, ...), in which
 *   case the bytes read before the failing read(2) call are in @buf and are
 *   lost from the file's offset: their number is not returned (use
 *   iosafe_read in a loop when it matters); -EINVAL for @n above
 *   IOSAFE_SSIZE_MAX.
 * Follows: Rust's Read::read_to_end / read_exact (which stop at EOF and
 *   retry ErrorKind::Interrupted), read(2).
 */
/*@
  requires borrow_ok: iosafe_fd_borrow_ok(fd.raw);
  assigns ((char *)buf)[0 .. n - 1], errno;
  ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior none:
    assumes fd.raw < 0;
    assigns \nothing;
    ensures result_ebadf: \result == -EBADF;
  behavior too_big:
    assumes fd.raw >= 0 && n > IOSAFE_SSIZE_MAX;
    assigns \nothing;
    ensures result_einval: \result == -EINVAL;
  behavior call:
    assumes fd.raw >= 0 && n <= IOSAFE_SSIZE_MAX;
    requires valid_buf: \valid((char *)buf + (0 .. n - 1));
    requires separated: \separated((char *)buf + (0 .. n - 1), &errno);
    ensures result: iosafe_neg_errno(\result) || 0 <= \result <= n;
  complete behaviors;
  disjoint behaviors;
*/
ssize_t iosafe_read_all(iosafe_borrowed_fd fd IOSAFE_USES, void *buf, size_t n);

/**
 * iosafe_write_all: write all @n bytes.
 * @fd: a borrow, used during the call only.
 * @buf: (not NULL unless @n is 0) at least @n readable bytes.
 * @n: at most IOSAFE_SSIZE_MAX.
 * Short writes are continued and -EINTR is retried, up to
 * IOSAFE_EINTR_RETRIES interruptions in a row with nothing written; then
 * the call returns -EINTR.
 * Returns: @n, or a negative errno of write(2) (-EBADF, -EAGAIN on a full
 *   non-blocking descriptor, -EPIPE, -ENOSPC, -EIO, -EFAULT, ...), in which
 *   case the bytes before the failing write(2) call were written (between 0
 *   and @n - 1 of them; their number is not returned: use iosafe_write in a
 *   loop when it matters); -EIO when write(2) returns 0 for a non-zero
 *   count (no progress is possible); -EINVAL for @n above IOSAFE_SSIZE_MAX.
 * Follows: Rust's Write::write_all (ErrorKind::WriteZero is -EIO here),
 *   write(2).
 */
/*@
  requires borrow_ok: iosafe_fd_borrow_ok(fd.raw);
  assigns errno;
  ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior none:
    assumes fd.raw < 0;
    assigns \nothing;
    ensures result_ebadf: \result == -EBADF;
  behavior too_big:
    assumes fd.raw >= 0 && n > IOSAFE_SSIZE_MAX;
    assigns \nothing;
    ensures result_einval: \result == -EINVAL;
  behavior call:
    assumes fd.raw >= 0 && n <= IOSAFE_SSIZE_MAX;
    requires valid_buf: \valid_read((char *)buf + (0 .. n - 1));
    ensures result: iosafe_neg_errno(\result) || \result == n;
  complete behaviors;
  disjoint behaviors;
*/
ssize_t iosafe_write_all(iosafe_borrowed_fd fd IOSAFE_USES, const void *buf, size_t n);

/* ---- Names in directories -------------------------------------------------- */

/**
 * iosafe_mkfifoat: make a FIFO (named pipe) at a path.
 * @dir: a borrow of a directory, or iosafe_cwd(); used during the call only.
 * @path: (not NULL) the new name.
 * @mode: permissions, less the umask.
 * Returns: 0, or -EEXIST, -ENOENT, -EACCES, -ENOTDIR, -ENOSPC, -EROFS,
 *   -EBADF, -ENAMETOOLONG, ...; -EINVAL for a NULL @path.
 * Follows: mkfifoat(3), POSIX mkfifoat; rustix::fs::mknodat with Fifo.
 */
/*@
  assigns errno;
  ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior null_path:
    assumes path == \null;
    assigns \nothing;
    ensures result_einval: \result == -EINVAL;
  behavior call:
    assumes path != \null;
    requires dir_borrow_ok: iosafe_fd_borrow_ok(dir.raw);
    requires valid_path: \valid_read(path);
    ensures result: \result == 0 || iosafe_neg_errno(\result);
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_mkfifoat(iosafe_borrowed_fd dir IOSAFE_USES, const char *path, mode_t mode);

/**
 * iosafe_mkdirat: make a directory.
 * @dir: a borrow of a directory, or iosafe_cwd(); used during the call only.
 * @path: (not NULL) the new directory's name.
 * @mode: permissions, less the umask.
 * Returns: 0, or -EEXIST, -ENOENT, -EACCES, -ENOTDIR, -ENOSPC, -EROFS,
 *   -EMLINK, -EBADF, -ENAMETOOLONG, ...; -EINVAL for a NULL @path.
 * Follows: mkdirat(2), POSIX mkdirat; rustix::fs::mkdirat.
 */
/*@
  assigns errno;
  ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior null_path:
    assumes path == \null;
    assigns \nothing;
    ensures result_einval: \result == -EINVAL;
  behavior call:
    assumes path != \null;
    requires dir_borrow_ok: iosafe_fd_borrow_ok(dir.raw);
    requires valid_path: \valid_read(path);
    ensures result: \result == 0 || iosafe_neg_errno(\result);
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_mkdirat(iosafe_borrowed_fd dir IOSAFE_USES, const char *path, mode_t mode);

/**
 * iosafe_unlinkat: remove a name (a file's, or with AT_REMOVEDIR an empty
 * directory's).
 * @dir: a borrow of a directory, or iosafe_cwd(); used during the call only.
 * @path: (not NULL) the name.
 * @flags: 0 or AT_REMOVEDIR.
 * Returns: 0, or -ENOENT, -EACCES, -EPERM, -EISDIR (a directory without
 *   AT_REMOVEDIR), -ENOTDIR, -ENOTEMPTY, -EBUSY, -EROFS, -EBADF,
 *   -ENAMETOOLONG, -EINVAL (bad @flags), ...; -EINVAL for a NULL @path.
 * Follows: unlinkat(2), POSIX unlinkat; rustix::fs::unlinkat.
 */
/*@
  assigns errno;
  ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior null_path:
    assumes path == \null;
    assigns \nothing;
    ensures result_einval: \result == -EINVAL;
  behavior call:
    assumes path != \null;
    requires dir_borrow_ok: iosafe_fd_borrow_ok(dir.raw);
    requires valid_path: \valid_read(path);
    ensures result: \result == 0 || iosafe_neg_errno(\result);
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_unlinkat(iosafe_borrowed_fd dir IOSAFE_USES, const char *path, int flags);

#if defined(__linux__)
/**
 * iosafe_renameat2: rename, with RENAME_NOREPLACE or RENAME_EXCHANGE.
 * @old_dir, @new_dir: borrows of directories, or iosafe_cwd(); used during
 *   the call only.
 * @old_path, @new_path: (not NULL) the names.
 * @flags: 0, RENAME_NOREPLACE, RENAME_EXCHANGE or RENAME_WHITEOUT.
 * Returns: 0, or -ENOENT, -EEXIST (RENAME_NOREPLACE), -EXDEV (different
 *   filesystems), -EACCES, -EPERM, -EISDIR, -ENOTDIR, -ENOTEMPTY, -EBUSY,
 *   -EINVAL (bad @flags, or unsupported by the filesystem), -EBADF,
 *   -ENAMETOOLONG, ...; -EINVAL for a NULL path.
 * Linux only (3.15).  Follows: renameat2(2); rustix::fs::renameat_with.
 */
/*@
  assigns errno;
  ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior null_path:
    assumes old_path == \null || new_path == \null;
    assigns \nothing;
    ensures result_einval: \result == -EINVAL;
  behavior call:
    assumes old_path != \null && new_path != \null;
    requires dirs_borrow_ok: iosafe_fd_borrow_ok(old_dir.raw) &&
      iosafe_fd_borrow_ok(new_dir.raw);
    requires valid_paths: \valid_read(old_path) && \valid_read(new_path);
    ensures result: \result == 0 || iosafe_neg_errno(\result);
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_renameat2(iosafe_borrowed_fd old_dir IOSAFE_USES, const char *old_path,
		     iosafe_borrowed_fd new_dir IOSAFE_USES, const char *new_path,
		     unsigned int flags);
#endif

/**
 * iosafe_linkat: make a new name (hard link) for an existing file.
 * @old_dir, @new_dir: borrows of directories, or iosafe_cwd(); used during
 *   the call only.
 * @old_path, @new_path: (not NULL) the existing and the new name.
 * @flags: 0, AT_SYMLINK_FOLLOW, AT_EMPTY_PATH.
 * Returns: 0, or -EEXIST, -ENOENT, -EXDEV, -EACCES, -EPERM, -EMLINK,
 *   -ENOSPC, -EROFS, -EBADF, -ENAMETOOLONG, -EINVAL, ...; -EINVAL for a
 *   NULL path.
 * Follows: linkat(2), POSIX linkat; rustix::fs::linkat.
 */
/*@
  assigns errno;
  ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior null_path:
    assumes old_path == \null || new_path == \null;
    assigns \nothing;
    ensures result_einval: \result == -EINVAL;
  behavior call:
    assumes old_path != \null && new_path != \null;
    requires dirs_borrow_ok: iosafe_fd_borrow_ok(old_dir.raw) &&
      iosafe_fd_borrow_ok(new_dir.raw);
    requires valid_paths: \valid_read(old_path) && \valid_read(new_path);
    ensures result: \result == 0 || iosafe_neg_errno(\result);
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_linkat(iosafe_borrowed_fd old_dir IOSAFE_USES, const char *old_path,
		  iosafe_borrowed_fd new_dir IOSAFE_USES, const char *new_path, int flags);

/**
 * iosafe_symlinkat: make a symbolic link @link_path whose content is @target.
 * @target: (not NULL) the link's content (not resolved or checked).
 * @dir: a borrow of the directory of @link_path, or iosafe_cwd(); used
 *   during the call only.
 * @link_path: (not NULL) the new name.
 * Returns: 0, or -EEXIST, -ENOENT, -EACCES, -ENOSPC, -EROFS, -EBADF,
 *   -ENAMETOOLONG, ...; -EINVAL for a NULL @target or @link_path.
 * Follows: symlinkat(2), POSIX symlinkat; rustix::fs::symlinkat.
 */
/*@
  assigns errno;
  ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior null_path:
    assumes target == \null || link_path == \null;
    assigns \nothing;
    ensures result_einval: \result == -EINVAL;
  behavior call:
    assumes target != \null && link_path != \null;
    requires dir_borrow_ok: iosafe_fd_borrow_ok(dir.raw);
    requires valid_paths: \valid_read(target) && \valid_read(link_path);
    ensures result: \result == 0 || iosafe_neg_errno(\result);
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_symlinkat(const char *target, iosafe_borrowed_fd dir IOSAFE_USES,
		     const char *link_path);

/**
 * iosafe_readlinkat: read a symbolic link's content, NUL-terminated.
 * @dir: a borrow of a directory, or iosafe_cwd(); used during the call only.
 * @path: (not NULL) the link.
 * @buf: (not NULL) @n writable bytes; receives the content and a NUL.
 * @n: the size of @buf in bytes.
 * Returns: the content's length in bytes (< @n; buf[length] is NUL), or
 *   -ERANGE when @buf is too small for the content and its NUL (readlink(2)
 *   would truncate silently; the content of @buf is then unspecified: retry
 *   with a larger buffer, PATH_MAX bytes always suffice for a link made
 *   through a path), -EINVAL (not a symbolic link), -ENOENT, -EACCES,
 *   -ENOTDIR, -EBADF, -ENAMETOOLONG, ...; -EINVAL for a NULL @path or @buf.
 * Follows: readlinkat(2), POSIX readlinkat; rustix::fs::readlinkat (which
 *   returns a CString).
 */
/*@
  assigns buf[0 .. n - 1], errno;
  ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior null_args:
    assumes path == \null || buf == \null;
    assigns \nothing;
    ensures result_einval: \result == -EINVAL;
  behavior empty:
    assumes path != \null && buf != \null && n == 0;
    assigns \nothing;
    ensures result_erange: \result == -ERANGE;
  behavior call:
    assumes path != \null && buf != \null && n > 0;
    requires dir_borrow_ok: iosafe_fd_borrow_ok(dir.raw);
    requires valid_path: \valid_read(path);
    requires valid_buf: \valid(buf + (0 .. n - 1));
    requires separated: \separated(buf + (0 .. n - 1), &errno);
    ensures result: iosafe_neg_errno(\result) ||
      (0 <= \result < n && buf[\result] == 0);
  complete behaviors;
  disjoint behaviors;
*/
ssize_t iosafe_readlinkat(iosafe_borrowed_fd dir IOSAFE_USES, const char *path, char *buf,
			  size_t n);

/**
 * iosafe_fchmodat: change a file's permission bits.
 * @dir: a borrow of a directory, or iosafe_cwd(); used during the call only.
 * @path: (not NULL) the file.
 * @mode: the new permission bits (07777 at most).
 * @flags: 0 (AT_SYMLINK_NOFOLLOW gives -EOPNOTSUPP on Linux before 6.6
 *   with glibc, which cannot change a link's mode).
 * Returns: 0, or -EPERM, -ENOENT, -EACCES, -ENOTDIR, -EROFS, -EBADF,
 *   -ENAMETOOLONG, -EOPNOTSUPP, -EINVAL, ...; -EINVAL for a NULL @path.
 * Follows: fchmodat(2), POSIX fchmodat; rustix::fs::chmodat.
 */
/*@
  assigns errno;
  ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior null_path:
    assumes path == \null;
    assigns \nothing;
    ensures result_einval: \result == -EINVAL;
  behavior call:
    assumes path != \null;
    requires dir_borrow_ok: iosafe_fd_borrow_ok(dir.raw);
    requires valid_path: \valid_read(path);
    ensures result: \result == 0 || iosafe_neg_errno(\result);
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_fchmodat(iosafe_borrowed_fd dir IOSAFE_USES, const char *path, mode_t mode,
		    int flags);

/**
 * iosafe_fchownat: change a file's owner and group.
 * @dir: a borrow of a directory, or iosafe_cwd(); used during the call only.
 * @path: (not NULL) the file.
 * @owner, @group: the new IDs; (uid_t)-1 / (gid_t)-1 keep the old one.
 * @flags: 0, AT_SYMLINK_NOFOLLOW, AT_EMPTY_PATH.
 * Returns: 0, or -EPERM, -ENOENT, -EACCES, -ENOTDIR, -EROFS, -EBADF,
 *   -ENAMETOOLONG, -EINVAL, ...; -EINVAL for a NULL @path.
 * Follows: fchownat(2), POSIX fchownat; rustix::fs::chownat.
 */
/*@
  assigns errno;
  ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior null_path:
    assumes path == \null;
    assigns \nothing;
    ensures result_einval: \result == -EINVAL;
  behavior call:
    assumes path != \null;
    requires dir_borrow_ok: iosafe_fd_borrow_ok(dir.raw);
    requires valid_path: \valid_read(path);
    ensures result: \result == 0 || iosafe_neg_errno(\result);
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_fchownat(iosafe_borrowed_fd dir IOSAFE_USES, const char *path, uid_t owner,
		    gid_t group, int flags);

/**
 * iosafe_faccessat: check access to a file (with the real IDs, or with
 * AT_EACCESS the effective ones).
 * @dir: a borrow of a directory, or iosafe_cwd(); used during the call only.
 * @path: (not NULL) the file.
 * @mode: F_OK, or R_OK | W_OK | X_OK.
 * @flags: 0, AT_EACCESS, AT_SYMLINK_NOFOLLOW.
 * Returns: 0 (every asked permission granted), or -EACCES, -ENOENT,
 *   -ENOTDIR, -EROFS (W_OK on a read-only filesystem), -ETXTBSY, -EBADF,
 *   -ENAMETOOLONG, -EINVAL, ...; -EINVAL for a NULL @path.  Checking before
 *   opening is a race (access(2) NOTES): prefer opening and handling the
 *   error.
 * Follows: faccessat(2), POSIX faccessat; rustix::fs::accessat.
 */
/*@
  assigns errno;
  ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior null_path:
    assumes path == \null;
    assigns \nothing;
    ensures result_einval: \result == -EINVAL;
  behavior call:
    assumes path != \null;
    requires dir_borrow_ok: iosafe_fd_borrow_ok(dir.raw);
    requires valid_path: \valid_read(path);
    ensures result: \result == 0 || iosafe_neg_errno(\result);
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_faccessat(iosafe_borrowed_fd dir IOSAFE_USES, const char *path, int mode,
		     int flags);

#ifdef __cplusplus
}
#endif

#endif /* IOSAFE_FS_H */
