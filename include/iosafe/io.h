/* SPDX-License-Identifier: MIT */
/*
 * iosafe/io.h: wrappers for the calls that create and use descriptors.
 *
 * Every descriptor these functions create is close-on-exec (O_CLOEXEC,
 * SOCK_CLOEXEC), as in Rust's std and rustix: a descriptor must be passed to
 * a child on purpose, never by accident.
 *
 * Acquisitions take an out-parameter `iosafe_owned_fd *out` and return 0 or a
 * negative errno; *out is none on failure and owned by the caller on success.
 * Whatever *out held before is overwritten, not closed: pass a none owner.
 * Reads and writes return a byte count or a negative errno.  None of them
 * retries on EINTR: -EINTR is returned and the caller decides (as rustix).
 * A NULL pointer where one is required gives -EINVAL.
 *
 * The errno values each function lists are the common ones, not a promise
 * that no other can occur: file systems, protocol families, Linux Security
 * Modules and seccomp filters can make any of these calls fail with any
 * errno, which is passed on as it is.  Treat every negative result as an
 * error.
 *
 * Each body is here, below its declaration: inlined into the caller and
 * exported by libiosafe (inline.h says how).  iosafe_open, iosafe_openat
 * and iosafe_socket inline where the unit sees O_CLOEXEC (POSIX.1-2008),
 * iosafe_accept and iosafe_pipe where it sees accept4 and pipe2
 * (_GNU_SOURCE); elsewhere the call goes to the library.
 */
#ifndef IOSAFE_IO_H
#define IOSAFE_IO_H

#include <errno.h>
#include <fcntl.h> /* the O_* flags these functions take */
#include <stddef.h>
#include <sys/types.h>
#include <sys/socket.h>
#include <unistd.h>

#include "fd.h"
#include "inline.h"

#ifdef __cplusplus
extern "C" {
#endif

/** The value of AT_FDCWD on Linux (fcntl.h), checked in src/inline.c. */
#define IOSAFE_RAW_CWD (-100)

/**
 * iosafe_cwd: a borrow meaning "the current directory" for iosafe_openat
 * (AT_FDCWD).  It is not a descriptor: never read from or close it.
 * Follows: rustix::fs::CWD.
 */
/*@
  assigns \nothing;
  ensures result_cwd: \result.raw == IOSAFE_RAW_CWD;
*/
static inline iosafe_borrowed_fd iosafe_cwd(void)
{
	iosafe_borrowed_fd b;
	b.raw = IOSAFE_RAW_CWD;
	return b;
}

/**
 * iosafe_open: open a file.
 * @out: (not NULL) receives the new descriptor; none on failure.
 * @path: (not NULL) the file's path.
 * @flags: open(2) flags; O_CLOEXEC is always added.
 * @mode: permissions when O_CREAT or O_TMPFILE creates the file, else ignored.
 * Returns: 0, or the negative errno of open(2): -ENOENT, -EACCES, -EEXIST,
 *   -EISDIR, -EMFILE, -ENFILE, -EINTR, ...; -EINVAL for a NULL @out or @path.
 * Follows: open(2), POSIX open; rustix::fs::open.
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
int iosafe_open(iosafe_owned_fd *out IOSAFE_ACQUIRES, const char *path, int flags,
		mode_t mode);
#if IOSAFE_INLINE_BODIES && defined(O_CLOEXEC)
IOSAFE_INLINE int iosafe_open(iosafe_owned_fd *out, const char *path, int flags, mode_t mode)
{
	int raw;

	if (out == NULL)
		return -EINVAL;
	out->raw = IOSAFE_RAW_NONE;
	if (path == NULL)
		return -EINVAL;
	raw = open(path, flags | O_CLOEXEC, mode);
	if (raw < 0)
		return -errno;
	out->raw = raw;
	return 0;
}
#endif

/**
 * iosafe_openat: open a file relative to a directory.
 * @out: (not NULL) receives the new descriptor; none on failure.
 * @dir: a borrow of a directory, or iosafe_cwd(); used during the call only.
 *   Ignored when @path is absolute.
 * @path, @flags, @mode: as iosafe_open.
 * Returns: 0, or as iosafe_open; -EBADF when @dir is none and @path relative;
 *   -ENOTDIR when @dir is not a directory.
 * Follows: openat(2); rustix::fs::openat.
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
int iosafe_openat(iosafe_owned_fd *out IOSAFE_ACQUIRES, iosafe_borrowed_fd dir IOSAFE_USES,
		  const char *path, int flags, mode_t mode);
#if IOSAFE_INLINE_BODIES && defined(O_CLOEXEC)
IOSAFE_INLINE int iosafe_openat(iosafe_owned_fd *out, iosafe_borrowed_fd dir, const char *path,
				int flags, mode_t mode)
{
	int raw;

	if (out == NULL)
		return -EINVAL;
	out->raw = IOSAFE_RAW_NONE;
	if (path == NULL)
		return -EINVAL;
	raw = openat(dir.raw, path, flags | O_CLOEXEC, mode);
	if (raw < 0)
		return -errno;
	out->raw = raw;
	return 0;
}
#endif

/**
 * iosafe_socket: create a socket.
 * @out: (not NULL) receives the socket; none on failure.
 * @domain, @type, @protocol: as socket(2); SOCK_CLOEXEC is always added to
 *   @type.
 * Returns: 0, or a negative errno: -EAFNOSUPPORT, -EINVAL, -EPROTONOSUPPORT,
 *   -EMFILE, -ENFILE, -ENOBUFS, -EACCES, ...; -EINVAL for a NULL @out.
 * Follows: socket(2); rustix::net::socket_with.
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
  behavior call:
    assumes out != \null;
    requires valid_out: \valid(out);
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
int iosafe_socket(iosafe_owned_fd *out IOSAFE_ACQUIRES, int domain, int type, int protocol);
#if IOSAFE_INLINE_BODIES && defined(SOCK_CLOEXEC)
IOSAFE_INLINE int iosafe_socket(iosafe_owned_fd *out, int domain, int type, int protocol)
{
	int raw;

	if (out == NULL)
		return -EINVAL;
	out->raw = IOSAFE_RAW_NONE;
	raw = socket(domain, type | SOCK_CLOEXEC, protocol);
	if (raw < 0)
		return -errno;
	out->raw = raw;
	return 0;
}
#endif

/**
 * iosafe_accept: accept a connection on a listening socket.
 * @out: (not NULL) receives the connected socket; none on failure.
 * @listener: a borrow of the listening socket, used during the call only.
 * @addr, @len: as accept4(2): both NULL, or the peer address buffer and its
 *   length (in: size of @addr, out: size of the address).
 * @flags: accept4(2) flags (SOCK_NONBLOCK); SOCK_CLOEXEC is always added.
 * Returns: 0, or -EAGAIN (non-blocking, no connection), -EINTR,
 *   -ECONNABORTED, -EBADF, -ENOTSOCK, -EINVAL (not listening), -EMFILE,
 *   -ENFILE, ...; -EINVAL for a NULL @out.
 * Follows: accept4(2); rustix::net::acceptfrom_with.
 */
/*@
  requires separated: \separated(out, &errno);
  requires listener_borrow_ok: iosafe_fd_borrow_ok(listener.raw);
  assigns out->raw, errno, iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
    iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1], *addr, *len;
  behavior null_out:
    assumes out == \null;
    assigns \nothing;
    ensures result_einval: \result == -EINVAL;
    ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior none:
    assumes out != \null && listener.raw < 0;
    requires valid_out: \valid(out);
    assigns out->raw;
    ensures out_none: out->raw == IOSAFE_RAW_NONE;
    ensures result_ebadf: \result == -EBADF;
    ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior call:
    assumes out != \null && listener.raw >= 0;
    requires valid_out: \valid(out);
    requires addr_len: (addr == \null && len == \null) ||
      (\valid(addr) && \valid(len) && \separated(addr, len));
    requires separated_addr: addr != \null ==> \separated(out, addr, len, &errno);
    assigns out->raw, errno, iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
      iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1], *addr, *len;
    ensures acquired: \result == 0 ==>
      iosafe_fd_acquired{Pre, Post}(out->raw) && iosafe_fd_is_cloexec(out->raw);
    ensures failed: \result != 0 ==>
      iosafe_neg_errno(\result) && out->raw == IOSAFE_RAW_NONE &&
      iosafe_fd_table_same{Pre, Post};
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_accept(iosafe_owned_fd *out IOSAFE_ACQUIRES, iosafe_borrowed_fd listener IOSAFE_USES,
		  struct sockaddr *addr, socklen_t *len, int flags);
#if IOSAFE_INLINE_BODIES && IOSAFE_INLINE_GNU
IOSAFE_INLINE int iosafe_accept(iosafe_owned_fd *out, iosafe_borrowed_fd listener,
				struct sockaddr *addr, socklen_t *len, int flags)
{
	int raw;

	if (out == NULL)
		return -EINVAL;
	out->raw = IOSAFE_RAW_NONE;
	if (listener.raw < 0)
		return -EBADF;
	raw = accept4(listener.raw, addr, len, flags | SOCK_CLOEXEC);
	if (raw < 0)
		return -errno;
	out->raw = raw;
	return 0;
}
#endif

/**
 * iosafe_pipe: create a pipe.
 * @read_end, @write_end: (not NULL, distinct) receive the two ends; both none
 *   on failure.
 * @flags: pipe2(2) flags (O_NONBLOCK, O_DIRECT); O_CLOEXEC is always added.
 * Returns: 0, or a negative errno: -EMFILE, -ENFILE, -EINVAL, ...; -EINVAL
 *   for a NULL or shared out-parameter.
 * Follows: pipe2(2); rustix::pipe::pipe_with.
 */
/*@
  requires separated: \separated(read_end, &errno) && \separated(write_end, &errno);
  assigns read_end->raw, write_end->raw, errno,
    iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
    iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1];
  behavior bad_args:
    assumes read_end == \null || write_end == \null || read_end == write_end;
    requires valid_or_null: (read_end == \null || \valid(read_end)) &&
      (write_end == \null || \valid(write_end));
    assigns read_end->raw, write_end->raw;
    ensures result_einval: \result == -EINVAL;
    ensures read_none: read_end != \null ==> read_end->raw == IOSAFE_RAW_NONE;
    ensures write_none: write_end != \null ==> write_end->raw == IOSAFE_RAW_NONE;
    ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior call:
    assumes read_end != \null && write_end != \null && read_end != write_end;
    requires valid_ends: \valid(read_end) && \valid(write_end);
    requires separated_ends: \separated(read_end, write_end);
    assigns read_end->raw, write_end->raw, errno,
      iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
      iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1];
    ensures acquired: \result == 0 ==>
      iosafe_fd_acquired2{Pre, Post}(read_end->raw, write_end->raw) &&
      iosafe_fd_is_cloexec(read_end->raw) && iosafe_fd_is_cloexec(write_end->raw);
    ensures failed: \result != 0 ==>
      iosafe_neg_errno(\result) && read_end->raw == IOSAFE_RAW_NONE &&
      write_end->raw == IOSAFE_RAW_NONE && iosafe_fd_table_same{Pre, Post};
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_pipe(iosafe_owned_fd *read_end IOSAFE_ACQUIRES,
		iosafe_owned_fd *write_end IOSAFE_ACQUIRES, int flags);
#if IOSAFE_INLINE_BODIES && IOSAFE_INLINE_GNU
IOSAFE_INLINE int iosafe_pipe(iosafe_owned_fd *read_end, iosafe_owned_fd *write_end, int flags)
{
	int ends[2];

	/* Both none on every failure, bad arguments included. */
	if (read_end != NULL)
		read_end->raw = IOSAFE_RAW_NONE;
	if (write_end != NULL)
		write_end->raw = IOSAFE_RAW_NONE;
	if (read_end == NULL || write_end == NULL || read_end == write_end)
		return -EINVAL;
	if (pipe2(ends, flags | O_CLOEXEC) < 0)
		return -errno;
	/* Two descriptors, so not negative (pipe2(2); proved): once inlined,
	 * the caller's none checks of the two ends fold away. */
	IOSAFE_ASSUME(ends[0] >= 0);
	IOSAFE_ASSUME(ends[1] >= 0);
	read_end->raw = ends[0];
	write_end->raw = ends[1];
	return 0;
}
#endif

/**
 * iosafe_read: read up to @n bytes.
 * @fd: a borrow, used during the call only.
 * @buf: (not NULL unless @n is 0) at least @n writable bytes.
 * Returns: the number of bytes read (0 at end of file), or a negative errno:
 *   -EBADF, -EINTR, -EAGAIN, -EIO, -EISDIR, -EINVAL, -EFAULT, ... ("other
 *   errors may occur, depending on the object connected to fd", read(2)).
 * Follows: read(2); rustix::io::read.
 */
/*@
  requires borrow_ok: iosafe_fd_borrow_ok(fd.raw);
  assigns ((char *)buf)[0 .. n - 1], errno;
  behavior none:
    assumes fd.raw < 0;
    assigns \nothing;
    ensures result_ebadf: \result == -EBADF;
    ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior call:
    assumes fd.raw >= 0;
    requires valid_buf: \valid((char *)buf + (0 .. n - 1));
    requires separated: \separated((char *)buf + (0 .. n - 1), &errno);
    assigns ((char *)buf)[0 .. n - 1], errno;
    ensures result: iosafe_neg_errno(\result) || 0 <= \result <= n;
    ensures table_same: iosafe_fd_table_same{Pre, Post};
  complete behaviors;
  disjoint behaviors;
*/
ssize_t iosafe_read(iosafe_borrowed_fd fd IOSAFE_USES, void *buf, size_t n);
#if IOSAFE_INLINE_BODIES
IOSAFE_INLINE ssize_t iosafe_read(iosafe_borrowed_fd fd, void *buf, size_t n)
{
	ssize_t got;

	if (fd.raw < 0)
		return -EBADF;
	got = read(fd.raw, buf, n);
	/* The count first: a caller's own test of it (got <= 0, got == 0)
	 * then folds into this one once inlined (bench/copy.c). */
	if (got > 0)
		return got;
	return got == 0 ? 0 : -errno;
}
#endif

/**
 * iosafe_write: write up to @n bytes.
 * @fd: a borrow, used during the call only.
 * @buf: (not NULL unless @n is 0) at least @n readable bytes.
 * Returns: the number of bytes written (possibly fewer than @n), or a
 *   negative errno: -EBADF, -EINTR, -EAGAIN, -EPIPE (SIGPIPE is not
 *   blocked), -ENOSPC, -EIO, -EFAULT, ... (write(2): "other errors may
 *   occur").
 * Follows: write(2); rustix::io::write.
 */
/*@
  requires borrow_ok: iosafe_fd_borrow_ok(fd.raw);
  assigns errno;
  behavior none:
    assumes fd.raw < 0;
    assigns \nothing;
    ensures result_ebadf: \result == -EBADF;
    ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior call:
    assumes fd.raw >= 0;
    requires valid_buf: \valid_read((char *)buf + (0 .. n - 1));
    assigns errno;
    ensures result: iosafe_neg_errno(\result) || 0 <= \result <= n;
    ensures table_same: iosafe_fd_table_same{Pre, Post};
  complete behaviors;
  disjoint behaviors;
*/
ssize_t iosafe_write(iosafe_borrowed_fd fd IOSAFE_USES, const void *buf, size_t n);
#if IOSAFE_INLINE_BODIES
IOSAFE_INLINE ssize_t iosafe_write(iosafe_borrowed_fd fd, const void *buf, size_t n)
{
	ssize_t put;

	if (fd.raw < 0)
		return -EBADF;
	put = write(fd.raw, buf, n);
	return put < 0 ? -errno : put;
}
#endif

#ifdef __cplusplus
}
#endif

#endif /* IOSAFE_IO_H */
