/* SPDX-License-Identifier: MIT */
/*
 * iosafe_posix.h: the TRUSTED BASE of iosafe's proofs: the POSIX calls the
 * core uses, declared with contracts in iosafe's descriptor-table model
 * (iosafe_acsl.h).  These contracts are assumed, not proved; each clause
 * cites the page it follows.  Linux (x86_64, glibc) semantics throughout.
 *
 * How it is selected (one source).  `make prove` runs Frama-C with
 *   -no-frama-c-stdlib -cpp-extra-args="-nostdinc -Iacsl/libc -Iacsl"
 * so that the library's own `#include <unistd.h>` (and fcntl.h, errno.h,
 * sys/socket.h, sys/types.h, stddef.h, stdbool.h) finds the one-line shims
 * in acsl/libc/, each of which includes this file.  Neither the system's
 * headers nor Frama-C's libc (whose descriptor contracts keep no open/closed
 * state, so that a double close "proves") is read at all: every declaration
 * of close, fcntl, open, openat, socket, accept4, pipe2, read and write the
 * proofs see is the one below.  src/*.c are unchanged.
 *
 * The types and constants below are Linux x86_64's; `make prove` checks each
 * E*, O_*, F_*, SOCK_*, AF_* and AT_* value and each type against the real
 * system headers with the C compiler (proofs/proofs.mk, prove-shim) before
 * any proof runs.
 *
 * Two declarations differ in form from the system's, not in the calls made:
 * fcntl and open/openat are variadic there; here they take the one extra
 * argument iosafe always passes (an int for F_DUPFD_CLOEXEC, fcntl(2); a
 * mode_t for open(2)), so that no variadic translation stands between the
 * call and its contract.
 */
#ifndef IOSAFE_POSIX_H
#define IOSAFE_POSIX_H

#ifndef __FRAMAC__
#  error "iosafe_posix.h is Frama-C's model of POSIX for iosafe's proofs; compilers use the system headers"
#endif

/* ---- Types (x86_64 LP64; checked by prove-shim) --------------------------- */
typedef unsigned long size_t;
typedef long ssize_t;
typedef unsigned int mode_t;
typedef long off_t;
typedef unsigned int socklen_t;
typedef unsigned short sa_family_t;
struct sockaddr {
	sa_family_t sa_family;
	char sa_data[14];
};

#ifndef NULL
#  define NULL ((void *)0)
#endif
#ifndef __cplusplus
#  define bool _Bool
#  define true 1
#  define false 0
#endif

/* ---- errno (errno(3)): a macro, as in glibc (C11 7.5), naming one int (the
 * model is single-threaded); values from asm-generic/errno*.h ------------- */
extern int iosafe_posix_errno;
#define errno iosafe_posix_errno

#define EPERM 1
#define ENOENT 2
#define EINTR 4
#define EIO 5
#define EBADF 9
#define EAGAIN 11
#define ENOMEM 12
#define EACCES 13
#define EFAULT 14
#define EEXIST 17
#define ENOTDIR 20
#define EISDIR 21
#define EINVAL 22
#define ENFILE 23
#define EMFILE 24
#define ENOSPC 28
#define EPIPE 32
#define ENOTSOCK 88
#define EOPNOTSUPP 95
#define EPROTONOSUPPORT 93
#define EAFNOSUPPORT 97
#define ECONNABORTED 103
#define ENOBUFS 105
#define EINPROGRESS 115
#define EDQUOT 122

/* ---- fcntl.h, sys/socket.h constants --------------------------------------- */
#define O_RDONLY 0
#define O_WRONLY 1
#define O_RDWR 2
#define O_CREAT 0100
#define O_EXCL 0200
#define O_TRUNC 01000
#define O_APPEND 02000
#define O_NONBLOCK 04000
#define O_DIRECTORY 0200000
#define O_CLOEXEC 02000000
#define F_DUPFD 0
#define F_DUPFD_CLOEXEC 1030
#define AT_FDCWD (-100)
#define AF_UNIX 1
#define AF_INET 2
#define SOCK_STREAM 1
#define SOCK_DGRAM 2
#define SOCK_NONBLOCK 04000
#define SOCK_CLOEXEC 02000000

#include "iosafe_acsl.h"

/* ---- The trusted contracts --------------------------------------------------
 * Every acquisition below has the same shape: -1 with errno set and the
 * table unchanged, or a number that was closed and is now owned by the
 * caller (the lowest free one, POSIX.1-2017 2.14 "File Descriptor
 * Allocation"; the model only needs "a free one").  Clauses are named
 * <call>_<what> so that REPORT.md can list them.
 */

/*@
  // iosafe's model: only an owner closes (a close of a closed number is the
  // double close the model exists to catch; of an unowned one, a close of
  // a borrow).
  requires close_owned: iosafe_fd_is_owned(fd);
  assigns iosafe_fd_state[fd], errno;
  // close(2) NOTES "Dealing with error returns from close()": on Linux the
  // descriptor is released early, even when close() then fails (EINTR,
  // EIO, ...), and must not be closed again (Austin Group bug 529;
  // POSIX.1-2024 close(): EINPROGRESS).
  ensures close_released: iosafe_fd_released{Pre, Post}(fd);
  // close(2) RETURN VALUE: 0 or -1 with errno set.
  ensures close_result: \result == 0 || \result == -1;
  // close(2) ERRORS: EBADF, EINTR, EIO, ENOSPC, EDQUOT; POSIX.1-2024 adds
  // EINPROGRESS.
  ensures close_errno: \result == -1 ==>
    errno == EBADF || errno == EINTR || errno == EIO || errno == ENOSPC ||
    errno == EDQUOT || errno == EINPROGRESS;
*/
int close(int fd);

/*@
  // The one command iosafe uses: fcntl(2) F_DUPFD_CLOEXEC (Linux 2.6.24,
  // POSIX.1-2008).
  requires dupfd_cmd: cmd == F_DUPFD_CLOEXEC;
  // A use of fd: it must be open (a borrow); EBADF otherwise (fcntl(2)).
  requires dupfd_open: iosafe_fd_is_open(fd);
  requires dupfd_min: 0 <= arg < IOSAFE_FD_BOUND;
  assigns iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
    iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1], errno;
  // fcntl(2) F_DUPFD_CLOEXEC: "the lowest-numbered available file
  // descriptor greater than or equal to arg", a new descriptor the caller
  // owns, close-on-exec; -1 and errno on error.
  ensures dupfd_result: \result == -1 ||
    (arg <= \result && iosafe_fd_acquired{Pre, Post}(\result) &&
     iosafe_fd_is_cloexec(\result));
  // fcntl(2) ERRORS for F_DUPFD*: EBADF, EINVAL (arg out of range), EMFILE.
  ensures dupfd_failed: \result == -1 ==>
    iosafe_fd_table_same{Pre, Post} &&
    (errno == EBADF || errno == EINVAL || errno == EMFILE);
*/
int fcntl(int fd, int cmd, int arg);

/*@
  // open(2): pathname is a string; the model checks that it is readable
  // (its termination is not modelled).
  requires open_path: \valid_read(path);
  assigns iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
    iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1], errno;
  // open(2) RETURN VALUE: the new file descriptor, or -1 with errno set.
  ensures open_result: \result == -1 || iosafe_fd_acquired{Pre, Post}(\result);
  // open(2): "O_CLOEXEC": the close-on-exec flag is set on the new descriptor when
  // flags holds O_CLOEXEC.
  ensures open_cloexec: \result != -1 ==>
    (iosafe_fd_is_cloexec(\result) <==> (flags & O_CLOEXEC) != 0);
  ensures open_failed: \result == -1 ==>
    iosafe_fd_table_same{Pre, Post} && iosafe_errno_set;
*/
int open(const char *path, int flags, mode_t mode);

/*@
  requires openat_path: \valid_read(path);
  // openat(2): dirfd is used (a borrow) when path is relative; AT_FDCWD or
  // any other negative value is not a descriptor (EBADF when it is needed).
  requires openat_dir: iosafe_fd_borrow_ok(dirfd);
  assigns iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
    iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1], errno;
  // openat(2) RETURN VALUE: as open(2).
  ensures openat_result: \result == -1 || iosafe_fd_acquired{Pre, Post}(\result);
  // openat(2): "O_CLOEXEC": the close-on-exec flag is set on the new descriptor when
  // flags holds O_CLOEXEC.
  ensures openat_cloexec: \result != -1 ==>
    (iosafe_fd_is_cloexec(\result) <==> (flags & O_CLOEXEC) != 0);
  ensures openat_failed: \result == -1 ==>
    iosafe_fd_table_same{Pre, Post} && iosafe_errno_set;
*/
int openat(int dirfd, const char *path, int flags, mode_t mode);

/*@
  assigns iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
    iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1], errno;
  // socket(2) RETURN VALUE: "a file descriptor for the new socket", or -1
  // with errno set.
  ensures socket_result: \result == -1 || iosafe_fd_acquired{Pre, Post}(\result);
  // socket(2): "SOCK_CLOEXEC": the close-on-exec flag is set on the new descriptor when
  // type holds SOCK_CLOEXEC.
  ensures socket_cloexec: \result != -1 ==>
    (iosafe_fd_is_cloexec(\result) <==> (type & SOCK_CLOEXEC) != 0);
  ensures socket_failed: \result == -1 ==>
    iosafe_fd_table_same{Pre, Post} && iosafe_errno_set;
*/
int socket(int domain, int type, int protocol);

/*@
  // accept4(2): sockfd is used (a borrow).
  requires accept_listener: iosafe_fd_is_open(sockfd);
  // accept4(2): "When addr is NULL, nothing is filled in; in this case,
  // addrlen is not used, and should also be NULL."  Otherwise addrlen is
  // read and written, and the address written to addr.  (The model tracks
  // the struct sockaddr at addr; the caller's larger buffer beyond it is
  // not read by iosafe.)
  requires accept_addr: (addr == \null && addrlen == \null) ||
    (\valid(addr) && \valid(addrlen) && \separated(addr, addrlen));
  assigns iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
    iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1], errno, *addr, *addrlen;
  // accept4(2) RETURN VALUE: "a file descriptor for the accepted socket (a
  // nonnegative integer)", or -1 with errno set.
  ensures accept_result: \result == -1 || iosafe_fd_acquired{Pre, Post}(\result);
  // accept4(2): "SOCK_CLOEXEC": the close-on-exec flag is set on the new descriptor when
  // flags holds SOCK_CLOEXEC.
  ensures accept_cloexec: \result != -1 ==>
    (iosafe_fd_is_cloexec(\result) <==> (flags & SOCK_CLOEXEC) != 0);
  ensures accept_failed: \result == -1 ==>
    iosafe_fd_table_same{Pre, Post} && iosafe_errno_set;
*/
int accept4(int sockfd, struct sockaddr *addr, socklen_t *addrlen, int flags);

/*@
  requires pipe_fds: \valid(pipefd + (0 .. 1));
  assigns iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
    iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1], errno, pipefd[0 .. 1];
  // pipe2(2) RETURN VALUE: 0, or -1 with errno set.
  ensures pipe_result: \result == 0 || \result == -1;
  // pipe2(2): "pipefd[0] refers to the read end of the pipe. pipefd[1]
  // refers to the write end", two new descriptors.
  ensures pipe_ok: \result == 0 ==>
    iosafe_fd_acquired2{Pre, Post}(pipefd[0], pipefd[1]);
  // pipe2(2) O_CLOEXEC: "Set the close-on-exec (FD_CLOEXEC) flag on the two
  // new file descriptors."
  ensures pipe_cloexec: \result == 0 ==>
    ((iosafe_fd_is_cloexec(pipefd[0]) && iosafe_fd_is_cloexec(pipefd[1])) <==>
     (flags & O_CLOEXEC) != 0);
  // pipe2(2) ERRORS: EFAULT, EINVAL, EMFILE, ENFILE ("pipefd is left
  // unchanged" on error, which the model does not need).
  ensures pipe_failed: \result == -1 ==>
    iosafe_fd_table_same{Pre, Post} && iosafe_errno_set;
*/
int pipe2(int pipefd[2], int flags);

/*@
  // read(2): fd is used (a borrow); buf has room for count bytes.
  requires read_open: iosafe_fd_is_open(fd);
  requires read_buf: \valid((char *)buf + (0 .. count - 1));
  assigns ((char *)buf)[0 .. count - 1], errno;
  // read(2) RETURN VALUE: the number of bytes read (0 at end of file, at
  // most count), or -1 with errno set.
  ensures read_result: \result == -1 || 0 <= \result <= count;
  ensures read_failed: \result == -1 ==> iosafe_errno_set;
*/
ssize_t read(int fd, void *buf, size_t count);

/*@
  // write(2): fd is used (a borrow); buf holds count readable bytes.
  requires write_open: iosafe_fd_is_open(fd);
  requires write_buf: \valid_read((char *)buf + (0 .. count - 1));
  assigns errno;
  // write(2) RETURN VALUE: the number of bytes written (at most count), or
  // -1 with errno set.
  ensures write_result: \result == -1 || 0 <= \result <= count;
  ensures write_failed: \result == -1 ==> iosafe_errno_set;
*/
ssize_t write(int fd, const void *buf, size_t count);

#endif /* IOSAFE_POSIX_H */
