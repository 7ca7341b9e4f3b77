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
 */
#ifndef IOSAFE_IO_H
#define IOSAFE_IO_H

#include <fcntl.h> /* the O_* flags these functions take */
#include <stddef.h>
#include <sys/types.h>
#include <sys/socket.h>

#include "fd.h"

#ifdef __cplusplus
extern "C" {
#endif

/** The value of AT_FDCWD on Linux (fcntl.h), checked in src/io.c. */
#define IOSAFE_RAW_CWD (-100)

/**
 * iosafe_cwd: a borrow meaning "the current directory" for iosafe_openat
 * (AT_FDCWD).  It is not a descriptor: never read from or close it.
 * Follows: rustix::fs::CWD.
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
int iosafe_open(iosafe_owned_fd *out IOSAFE_ACQUIRES, const char *path, int flags,
		mode_t mode);

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
int iosafe_openat(iosafe_owned_fd *out IOSAFE_ACQUIRES, iosafe_borrowed_fd dir IOSAFE_USES,
		  const char *path, int flags, mode_t mode);

/**
 * iosafe_socket: create a socket.
 * @out: (not NULL) receives the socket; none on failure.
 * @domain, @type, @protocol: as socket(2); SOCK_CLOEXEC is always added to
 *   @type.
 * Returns: 0, or -EAFNOSUPPORT, -EINVAL, -EPROTONOSUPPORT, -EMFILE, -ENFILE,
 *   -ENOBUFS, -EACCES; -EINVAL for a NULL @out.
 * Follows: socket(2); rustix::net::socket_with.
 */
int iosafe_socket(iosafe_owned_fd *out IOSAFE_ACQUIRES, int domain, int type, int protocol);

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
int iosafe_accept(iosafe_owned_fd *out IOSAFE_ACQUIRES, iosafe_borrowed_fd listener IOSAFE_USES,
		  struct sockaddr *addr, socklen_t *len, int flags);

/**
 * iosafe_pipe: create a pipe.
 * @read_end, @write_end: (not NULL, distinct) receive the two ends; both none
 *   on failure.
 * @flags: pipe2(2) flags (O_NONBLOCK, O_DIRECT); O_CLOEXEC is always added.
 * Returns: 0, or -EMFILE, -ENFILE, -EINVAL; -EINVAL for a NULL or shared
 *   out-parameter.
 * Follows: pipe2(2); rustix::pipe::pipe_with.
 */
int iosafe_pipe(iosafe_owned_fd *read_end IOSAFE_ACQUIRES,
		iosafe_owned_fd *write_end IOSAFE_ACQUIRES, int flags);

/**
 * iosafe_read: read up to @n bytes.
 * @fd: a borrow, used during the call only.
 * @buf: (not NULL unless @n is 0) at least @n writable bytes.
 * Returns: the number of bytes read (0 at end of file), or -EBADF, -EINTR,
 *   -EAGAIN, -EIO, -EISDIR, -EINVAL, -EFAULT.
 * Follows: read(2); rustix::io::read.
 */
ssize_t iosafe_read(iosafe_borrowed_fd fd IOSAFE_USES, void *buf, size_t n);

/**
 * iosafe_write: write up to @n bytes.
 * @fd: a borrow, used during the call only.
 * @buf: (not NULL unless @n is 0) at least @n readable bytes.
 * Returns: the number of bytes written (possibly fewer than @n), or -EBADF,
 *   -EINTR, -EAGAIN, -EPIPE (SIGPIPE is not blocked), -ENOSPC, -EIO, -EFAULT.
 * Follows: write(2); rustix::io::write.
 */
ssize_t iosafe_write(iosafe_borrowed_fd fd IOSAFE_USES, const void *buf, size_t n);

#ifdef __cplusplus
}
#endif

#endif /* IOSAFE_IO_H */
