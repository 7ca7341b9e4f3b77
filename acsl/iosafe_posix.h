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
 * argument iosafe always passes (an int for every fcntl(2) command it uses,
 * 0 where the command takes none; a mode_t for open(2)), so that no variadic translation stands between the
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
#define F_GETFD 1
#define F_SETFD 2
#define F_GETFL 3
#define F_SETFL 4
#define FD_CLOEXEC 1
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
 *
 * Each named clause is preceded by its citation and by a "No stronger:"
 * line saying why it promises no more than Linux does (proofs/wp_check.py
 * copies both into REPORT.md and fails when one is missing).  A requires
 * clause is an obligation on iosafe, not a promise of the OS: it may be
 * stricter than the kernel (iosafe's discipline), never looser.  Where
 * Linux can fail with any errno (a file system's flush, a Linux Security
 * Module hook, a seccomp filter), the contract says only "errno set"
 * (iosafe_errno_set), never a fixed list.
 */

/*@
  // iosafe's model: only an owner closes (a close of a closed number is the
  // double close the model exists to catch; of an unowned one, a close of
  // a borrow).
  // No stronger: a precondition on iosafe, stricter than close(2), which
  // accepts any number.
  requires close_owned: iosafe_fd_is_owned(fd);
  assigns iosafe_fd_state[fd], errno;
  // close(2) NOTES "Dealing with error returns from close()": on Linux the
  // descriptor is released early, even when close() then fails (EINTR,
  // EIO, ...), and must not be closed again (Austin Group bug 529;
  // POSIX.1-2024 close(): EINPROGRESS).
  // No stronger: Linux's close_fd() removes the number from the table
  // before it calls filp_close() (fs/file.c, fs/open.c), whose flush is the
  // only step that can fail; EBADF (not open) cannot happen under
  // close_owned.
  ensures close_released: iosafe_fd_released{Pre, Post}(fd);
  // close(2) RETURN VALUE: 0 or -1 with errno set.
  // No stronger: the system call returns 0 or a negative error, which
  // glibc turns into -1 and errno.
  ensures close_result: \result == 0 || \result == -1;
  // close(2) ERRORS lists EBADF, EINTR, EIO, ENOSPC and EDQUOT, but Linux
  // returns whatever the file system's flush returns (filp_close() in
  // fs/open.c passes on f_op->flush(): FUSE passes the server's reply, NFS
  // its RPC status), and a seccomp filter can return any errno.
  // No stronger: only "errno is an error number" (1..MAX_ERRNO), no list.
  ensures close_errno: \result == -1 ==> iosafe_errno_set;
*/
int close(int fd);

/*@
  // The commands iosafe uses (fcntl(2)): F_DUPFD_CLOEXEC (Linux 2.6.24,
  // POSIX.1-2008), F_GETFD, F_SETFD, F_GETFL, F_SETFL.
  // No stronger: a precondition on iosafe; other commands are not modelled
  // and so cannot be called from proved code.
  requires fcntl_cmd: cmd == F_DUPFD_CLOEXEC || cmd == F_GETFD ||
    cmd == F_SETFD || cmd == F_GETFL || cmd == F_SETFL;
  assigns iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
    iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1], errno;
  behavior dupfd:
    assumes cmd == F_DUPFD_CLOEXEC;
    // A use of fd: it must be open (a borrow); EBADF otherwise (fcntl(2)).
    // No stronger: a precondition on iosafe (no use after close).
    requires dupfd_open: iosafe_fd_is_open(fd);
    // fcntl(2) EINVAL: "arg is negative or is greater than the maximum
    // allowable value".
    // No stronger: a precondition on iosafe, which checks arg first.
    requires dupfd_min: 0 <= arg < IOSAFE_FD_BOUND;
    assigns iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
      iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1], errno;
    // fcntl(2) F_DUPFD_CLOEXEC: "the lowest-numbered available file
    // descriptor greater than or equal to arg", a new descriptor the caller
    // owns, close-on-exec; -1 and errno on error.
    // No stronger: f_dupfd() (fs/file.c) allocates with O_CLOEXEC at or
    // above arg and installs nothing else; the model does not even claim
    // "lowest".
    ensures dupfd_result: \result == -1 ||
      (arg <= \result && iosafe_fd_acquired{Pre, Post}(\result) &&
       iosafe_fd_is_cloexec(\result));
    // fcntl(2) ERRORS for F_DUPFD*: EBADF, EINVAL, EMFILE; but every fcntl
    // passes security_file_fcntl() first (fs/fcntl.c), a Linux Security
    // Module hook that can return any errno (SELinux: EACCES).
    // No stronger: errno set, no list; nothing is allocated on failure
    // (alloc_fd() either installs the file or fails).
    ensures dupfd_failed: \result == -1 ==>
      iosafe_fd_table_same{Pre, Post} && iosafe_errno_set;
  behavior getfd:
    assumes cmd == F_GETFD;
    assigns errno;
    // fcntl(2) F_GETFD: "Return (as the function result) the file
    // descriptor flags", FD_CLOEXEC the only one defined.  Any number may
    // be asked (it is how a number is probed: EBADF when it is not open).
    // No stronger: do_fcntl() returns get_close_on_exec(fd) ? FD_CLOEXEC : 0
    // (fs/fcntl.c), after fdget() found the number open.
    ensures getfd_ok: \result != -1 ==>
      \result >= 0 && iosafe_fd_is_open(fd) &&
      ((\result & FD_CLOEXEC) != 0 <==> iosafe_fd_is_cloexec(fd));
    // fcntl(2) ERRORS: "EBADF fd is not an open file descriptor"; any other
    // errno from the LSM hook.
    // No stronger: errno set; EBADF is fdget()'s answer for a number that
    // is not open (an LSM hook runs only after fdget() found it).
    ensures getfd_failed: \result == -1 ==> iosafe_errno_set &&
      (errno == EBADF ==> !iosafe_fd_is_open(fd));
    // fcntl(2) F_GETFD only reads.
    // No stronger: do_fcntl() changes nothing for F_GETFD.
    ensures getfd_frame: iosafe_fd_table_same{Pre, Post} &&
      iosafe_fd_cloexec_same{Pre, Post};
  behavior setfd:
    assumes cmd == F_SETFD;
    // A use of fd (a borrow).
    // No stronger: a precondition on iosafe.
    requires setfd_open: iosafe_fd_is_open(fd);
    assigns iosafe_fd_cloexec[fd], errno;
    // fcntl(2) F_SETFD: "Set the file descriptor flags to the value
    // specified by arg"; 0 or -1 with errno set.
    // No stronger: do_fcntl() calls set_close_on_exec(fd, arg & FD_CLOEXEC)
    // and returns 0 (fs/fcntl.c); a failure (the LSM hook, seccomp) comes
    // before it and changes nothing.
    ensures setfd_ok: \result == 0 ==>
      (iosafe_fd_is_cloexec(fd) <==> (arg & FD_CLOEXEC) != 0);
    // fcntl(2) RETURN VALUE for F_SETFD: 0, or -1 with errno set.
    // No stronger: the system call returns 0 or a negative error.
    ensures setfd_result: \result == 0 || \result == -1;
    // fcntl(2) ERRORS: EBADF, or any errno from the LSM hook.
    // No stronger: errno set, no list; the flag is unchanged, since every
    // failure comes before set_close_on_exec().
    ensures setfd_failed: \result == -1 ==> iosafe_errno_set &&
      iosafe_fd_cloexec[fd] == \old(iosafe_fd_cloexec[fd]);
    // fcntl(2) F_SETFD changes fd's flag only.
    // No stronger: set_close_on_exec() touches one bit of one number.
    ensures setfd_frame: iosafe_fd_table_same{Pre, Post} &&
      iosafe_fd_cloexec_same_except{Pre, Post}(fd);
  behavior getfl:
    assumes cmd == F_GETFL;
    // A use of fd (a borrow).
    // No stronger: a precondition on iosafe.
    requires getfl_open: iosafe_fd_is_open(fd);
    assigns errno;
    // fcntl(2) F_GETFL: "Return (as the function result) the file access
    // mode and the file status flags"; -1 with errno set on error.  The
    // flags themselves are not modelled.
    // No stronger: errno set on failure, no list.
    ensures getfl_failed: \result == -1 ==> iosafe_errno_set;
    // fcntl(2) F_GETFL's value is a set of O_* bits, all below bit 31.
    // No stronger: do_fcntl() returns OPEN_FMODE(f_mode) | f_flags, whose
    // highest flag is __O_TMPFILE (bit 22), or a negative error, -1 here.
    ensures getfl_result: \result >= -1;
    // fcntl(2) F_GETFL only reads.
    // No stronger: do_fcntl() changes nothing for F_GETFL.
    ensures getfl_frame: iosafe_fd_table_same{Pre, Post} &&
      iosafe_fd_cloexec_same{Pre, Post};
  behavior setfl:
    assumes cmd == F_SETFL;
    // A use of fd (a borrow).
    // No stronger: a precondition on iosafe.
    requires setfl_open: iosafe_fd_is_open(fd);
    assigns errno;
    // fcntl(2) F_SETFL: "Set the file status flags to the value specified
    // by arg"; 0 or -1 with errno set.  The flags are not modelled.
    // No stronger: the system call returns 0 or a negative error.
    ensures setfl_result: \result == 0 || \result == -1;
    // fcntl(2) ERRORS for F_SETFL (EBADF, EPERM, ...) and the LSM hook's.
    // No stronger: errno set, no list.
    ensures setfl_failed: \result == -1 ==> iosafe_errno_set;
    // fcntl(2) F_SETFL changes the open file description's status flags,
    // which the model does not hold.
    // No stronger: setfl() (fs/fcntl.c) touches f_flags only.
    ensures setfl_frame: iosafe_fd_table_same{Pre, Post} &&
      iosafe_fd_cloexec_same{Pre, Post};
  complete behaviors;
  disjoint behaviors;
*/
int fcntl(int fd, int cmd, int arg);

/*@
  // open(2): pathname is a string; the model checks that it is readable
  // (its termination is not modelled).
  // No stronger: a precondition on iosafe.
  requires open_path: \valid_read(path);
  assigns iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
    iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1], errno;
  // open(2) RETURN VALUE: the new file descriptor, or -1 with errno set.
  // No stronger: do_sys_open() installs exactly one new file at a free
  // number, or none (fs/open.c).
  ensures open_result: \result == -1 || iosafe_fd_acquired{Pre, Post}(\result);
  // open(2): "O_CLOEXEC": the close-on-exec flag is set on the new
  // descriptor when flags holds O_CLOEXEC.
  // No stronger: the flag is set at allocation (get_unused_fd_flags()).
  ensures open_cloexec: \result != -1 ==>
    (iosafe_fd_is_cloexec(\result) <==> (flags & O_CLOEXEC) != 0);
  // open(2) ERRORS: a long list, which file systems and LSMs extend.
  // No stronger: errno set, no list; nothing installed on failure.
  ensures open_failed: \result == -1 ==>
    iosafe_fd_table_same{Pre, Post} && iosafe_errno_set;
*/
int open(const char *path, int flags, mode_t mode);

/*@
  // openat(2): pathname is a string (readable; termination not modelled).
  // No stronger: a precondition on iosafe.
  requires openat_path: \valid_read(path);
  // openat(2): dirfd is used (a borrow) when path is relative; AT_FDCWD or
  // any other negative value is not a descriptor (EBADF when it is needed).
  // No stronger: a precondition on iosafe.
  requires openat_dir: iosafe_fd_borrow_ok(dirfd);
  assigns iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
    iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1], errno;
  // openat(2) RETURN VALUE: as open(2).
  // No stronger: as open_result (the same do_sys_open()).
  ensures openat_result: \result == -1 || iosafe_fd_acquired{Pre, Post}(\result);
  // openat(2): "O_CLOEXEC": the close-on-exec flag is set on the new
  // descriptor when flags holds O_CLOEXEC.
  // No stronger: as open_cloexec.
  ensures openat_cloexec: \result != -1 ==>
    (iosafe_fd_is_cloexec(\result) <==> (flags & O_CLOEXEC) != 0);
  // openat(2) ERRORS: open(2)'s, plus EBADF and ENOTDIR for dirfd.
  // No stronger: errno set, no list.
  ensures openat_failed: \result == -1 ==>
    iosafe_fd_table_same{Pre, Post} && iosafe_errno_set;
*/
int openat(int dirfd, const char *path, int flags, mode_t mode);

/*@
  assigns iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
    iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1], errno;
  // socket(2) RETURN VALUE: "a file descriptor for the new socket", or -1
  // with errno set.
  // No stronger: __sys_socket() installs one file or none (net/socket.c).
  ensures socket_result: \result == -1 || iosafe_fd_acquired{Pre, Post}(\result);
  // socket(2): "SOCK_CLOEXEC": the close-on-exec flag is set on the new
  // descriptor when type holds SOCK_CLOEXEC.
  // No stronger: sock_map_fd() allocates with the flag.
  ensures socket_cloexec: \result != -1 ==>
    (iosafe_fd_is_cloexec(\result) <==> (type & SOCK_CLOEXEC) != 0);
  // socket(2) ERRORS: a list that protocol families extend.
  // No stronger: errno set, no list.
  ensures socket_failed: \result == -1 ==>
    iosafe_fd_table_same{Pre, Post} && iosafe_errno_set;
*/
int socket(int domain, int type, int protocol);

/*@
  // accept4(2): sockfd is used (a borrow).
  // No stronger: a precondition on iosafe.
  requires accept_listener: iosafe_fd_is_open(sockfd);
  // accept4(2): "When addr is NULL, nothing is filled in; in this case,
  // addrlen is not used, and should also be NULL."  Otherwise addrlen is
  // read and written, and the address written to addr.  (The model tracks
  // the struct sockaddr at addr; the caller's larger buffer beyond it is
  // not read by iosafe.)
  // No stronger: a precondition on iosafe.
  requires accept_addr: (addr == \null && addrlen == \null) ||
    (\valid(addr) && \valid(addrlen) && \separated(addr, addrlen));
  assigns iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
    iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1], errno, *addr, *addrlen;
  // accept4(2) RETURN VALUE: "a file descriptor for the accepted socket (a
  // nonnegative integer)", or -1 with errno set.
  // No stronger: do_accept() installs one file or none (net/socket.c).
  ensures accept_result: \result == -1 || iosafe_fd_acquired{Pre, Post}(\result);
  // accept4(2): "SOCK_CLOEXEC": the close-on-exec flag is set on the new
  // descriptor when flags holds SOCK_CLOEXEC.
  // No stronger: the number is allocated with the flag.
  ensures accept_cloexec: \result != -1 ==>
    (iosafe_fd_is_cloexec(\result) <==> (flags & SOCK_CLOEXEC) != 0);
  // accept4(2) ERRORS: "Linux accept() passes already-pending network
  // errors on the new socket as an error code from accept()".
  // No stronger: errno set, no list.
  ensures accept_failed: \result == -1 ==>
    iosafe_fd_table_same{Pre, Post} && iosafe_errno_set;
*/
int accept4(int sockfd, struct sockaddr *addr, socklen_t *addrlen, int flags);

/*@
  // pipe2(2): pipefd is an array of two ints.
  // No stronger: a precondition on iosafe.
  requires pipe_fds: \valid(pipefd + (0 .. 1));
  assigns iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
    iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1], errno, pipefd[0 .. 1];
  // pipe2(2) RETURN VALUE: 0, or -1 with errno set.
  // No stronger: the system call returns 0 or a negative error.
  ensures pipe_result: \result == 0 || \result == -1;
  // pipe2(2): "pipefd[0] refers to the read end of the pipe. pipefd[1]
  // refers to the write end", two new descriptors.
  // No stronger: do_pipe2() installs both or neither (fs/pipe.c).
  ensures pipe_ok: \result == 0 ==>
    iosafe_fd_acquired2{Pre, Post}(pipefd[0], pipefd[1]);
  // pipe2(2) O_CLOEXEC: "Set the close-on-exec (FD_CLOEXEC) flag on the two
  // new file descriptors."
  // No stronger: both numbers are allocated with the flag.
  ensures pipe_cloexec: \result == 0 ==>
    ((iosafe_fd_is_cloexec(pipefd[0]) && iosafe_fd_is_cloexec(pipefd[1])) <==>
     (flags & O_CLOEXEC) != 0);
  // pipe2(2) ERRORS: EFAULT, EINVAL, EMFILE, ENFILE ("pipefd is left
  // unchanged" on error, which the model does not need).
  // No stronger: errno set, no list; nothing installed on failure.
  ensures pipe_failed: \result == -1 ==>
    iosafe_fd_table_same{Pre, Post} && iosafe_errno_set;
*/
int pipe2(int pipefd[2], int flags);

/*@
  // read(2): fd is used (a borrow).
  // No stronger: a precondition on iosafe.
  requires read_open: iosafe_fd_is_open(fd);
  // read(2): buf has room for count bytes.
  // No stronger: a precondition on iosafe (EFAULT otherwise).
  requires read_buf: \valid((char *)buf + (0 .. count - 1));
  assigns ((char *)buf)[0 .. count - 1], errno;
  // read(2) RETURN VALUE: the number of bytes read (0 at end of file, at
  // most count), or -1 with errno set.
  // No stronger: ksys_read() never returns more than count (rw_verify_area
  // clamps count to MAX_RW_COUNT).
  ensures read_result: \result == -1 || 0 <= \result <= count;
  // read(2) ERRORS: "Other errors may occur, depending on the object
  // connected to fd."
  // No stronger: errno set, no list.
  ensures read_failed: \result == -1 ==> iosafe_errno_set;
*/
ssize_t read(int fd, void *buf, size_t count);

/*@
  // write(2): fd is used (a borrow).
  // No stronger: a precondition on iosafe.
  requires write_open: iosafe_fd_is_open(fd);
  // write(2): buf holds count readable bytes.
  // No stronger: a precondition on iosafe (EFAULT otherwise).
  requires write_buf: \valid_read((char *)buf + (0 .. count - 1));
  assigns errno;
  // write(2) RETURN VALUE: the number of bytes written (at most count), or
  // -1 with errno set.
  // No stronger: ksys_write() never returns more than count.
  ensures write_result: \result == -1 || 0 <= \result <= count;
  // write(2) ERRORS: "Other errors may occur, depending on the object
  // connected to fd."
  // No stronger: errno set, no list.
  ensures write_failed: \result == -1 ==> iosafe_errno_set;
*/
ssize_t write(int fd, const void *buf, size_t count);

#endif /* IOSAFE_POSIX_H */
