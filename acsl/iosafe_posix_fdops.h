/* SPDX-License-Identifier: MIT */
/*
 * iosafe_posix_fdops.h: the TRUSTED BASE of the descriptor operations
 * (src/fdops.c, include/iosafe/fdops.h): dup3, close_range, readlink,
 * fstat, getpid and syscall(SYS_kcmp, ...), in the descriptor-table model of
 * iosafe_acsl.h.  Read by Frama-C only, through the shims in acsl/libc/
 * (unistd.h, fcntl.h, sys/stat.h, sys/syscall.h, linux/kcmp.h), after
 * iosafe_posix.h, whose types, errno and fcntl(2) it uses; assumed, not
 * proved; every named clause gives its citation and a "No stronger:" line
 * (iosafe_posix.h says how they reach proofs/REPORT.md).  Constants are
 * Linux x86_64's, each checked against the system headers by
 * `make prove` (prove-shim); each is guarded, so that another family's
 * file may define the same one.
 */
#ifndef IOSAFE_POSIX_FDOPS_H
#define IOSAFE_POSIX_FDOPS_H

#include "iosafe_posix.h"

#ifndef ENOSYS
#define ENOSYS 38
#endif
#ifndef ERANGE
#define ERANGE 34
#endif
#ifndef ENAMETOOLONG
#define ENAMETOOLONG 36
#endif
#ifndef EBUSY
#define EBUSY 16
#endif
#ifndef O_PATH
#define O_PATH 010000000
#endif
#ifndef O_NOCTTY
#define O_NOCTTY 0400
#endif
#ifndef CLOSE_RANGE_UNSHARE
#define CLOSE_RANGE_UNSHARE 2
#endif
#ifndef CLOSE_RANGE_CLOEXEC
#define CLOSE_RANGE_CLOEXEC 4
#endif
#ifndef SYS_kcmp
#define SYS_kcmp 312
#endif
#ifndef KCMP_FILE
#define KCMP_FILE 0
#endif

typedef int pid_t;

/* struct stat of x86_64 glibc (sys/stat.h, bits/struct_stat.h); its size
 * and the offsets of st_dev, st_ino and st_mode are checked by prove-shim
 * (proofs/shim_types.c). */
#ifndef IOSAFE_POSIX_STRUCT_STAT
#define IOSAFE_POSIX_STRUCT_STAT
typedef unsigned long dev_t;
typedef unsigned long ino_t;
typedef unsigned long nlink_t;
typedef unsigned int uid_t;
typedef unsigned int gid_t;
typedef long blksize_t;
typedef long blkcnt_t;
struct timespec {
	long tv_sec;
	long tv_nsec;
};
struct stat {
	dev_t st_dev;
	ino_t st_ino;
	nlink_t st_nlink;
	mode_t st_mode;
	uid_t st_uid;
	gid_t st_gid;
	int iosafe_pad0;
	dev_t st_rdev;
	off_t st_size;
	blksize_t st_blksize;
	blkcnt_t st_blocks;
	struct timespec st_atim;
	struct timespec st_mtim;
	struct timespec st_ctim;
	long iosafe_reserved[3];
};
#endif

/*@
  // dup3(2): oldfd is used (a borrow).
  // No stronger: a precondition on iosafe (no use after close).
  requires dup3_old: iosafe_fd_is_open(oldfd);
  // dup3(2): newfd is a descriptor number; "If oldfd equals newfd, then
  // dup3() fails with the error EINVAL"; flags is 0 or O_CLOEXEC.
  // No stronger: a precondition on iosafe, which checks both first.
  requires dup3_new: iosafe_fd_in_range(newfd) && oldfd != newfd &&
    (flags == 0 || flags == O_CLOEXEC);
  assigns iosafe_fd_state[newfd], iosafe_fd_cloexec[newfd], errno;
  // dup3(2) RETURN VALUE: "the new file descriptor", which is newfd, or -1
  // with errno set.
  // No stronger: ksys_dup3() returns newfd or a negative error (fs/file.c).
  ensures dup3_result: \result == -1 || \result == newfd;
  // dup2(2): "the file descriptor newfd is adjusted so that it now refers
  // to the same open file description as oldfd"; "If the file descriptor
  // newfd was previously open, it is closed before being reused; the steps
  // of closing and reusing the file descriptor newfd are performed
  // atomically."  The number keeps its owner (if it had one); a number
  // that was not open becomes open with no iosafe owner.  O_CLOEXEC sets
  // the close-on-exec flag, flags 0 clears it.
  // No stronger: do_dup2() replaces the file at newfd under the table's
  // lock and sets or clears close-on-exec from flags; the old file's close
  // errors are dropped ("any errors that would have been reported at
  // close(2) time are lost").
  ensures dup3_ok: \result == newfd ==>
    iosafe_fd_is_open(newfd) &&
    (\old(iosafe_fd_state[newfd]) != IOSAFE_FD_CLOSED ==>
       iosafe_fd_state[newfd] == \old(iosafe_fd_state[newfd])) &&
    (\old(iosafe_fd_state[newfd]) == IOSAFE_FD_CLOSED ==>
       iosafe_fd_state[newfd] == IOSAFE_FD_UNOWNED) &&
    (iosafe_fd_is_cloexec(newfd) <==> (flags & O_CLOEXEC) != 0);
  // dup2(2) ERRORS: EBADF, EBUSY, EINTR, EINVAL, EMFILE; seccomp can add
  // any errno.
  // No stronger: errno set, no list; every failure of ksys_dup3() comes
  // before the file at newfd is replaced, so newfd is unchanged.
  ensures dup3_failed: \result == -1 ==> iosafe_errno_set &&
    iosafe_fd_state[newfd] == \old(iosafe_fd_state[newfd]) &&
    iosafe_fd_cloexec[newfd] == \old(iosafe_fd_cloexec[newfd]);
*/
int dup3(int oldfd, int newfd, int flags);

/*@
  // close_range(2): any range; the model covers numbers below
  // IOSAFE_FD_BOUND.
  // No stronger: a precondition on iosafe, which rejects first > last
  // itself.
  requires close_range_args: first <= last;
  assigns iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
    iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1], errno;
  // close_range(2) RETURN VALUE: 0, or -1 with errno set.
  // No stronger: the system call returns 0 or a negative error.
  ensures close_range_result: \result == 0 || \result == -1;
  // close_range(2): "closes all open file descriptors from first to last
  // (included)"; numbers outside the range are untouched.
  // No stronger: __close_range() (fs/file.c) closes every open number of
  // the range, none outside it, and cannot fail once it has started
  // closing.
  ensures close_range_outside: \forall integer d; iosafe_fd_in_range(d) &&
    !(first <= d <= last) ==>
      iosafe_fd_state[d] == \old(iosafe_fd_state[d]) &&
      iosafe_fd_cloexec[d] == \old(iosafe_fd_cloexec[d]);
  // close_range(2) ERRORS: EINVAL, ENOMEM (CLOSE_RANGE_UNSHARE), EMFILE;
  // ENOSYS before Linux 5.9; seccomp can add any errno.
  // No stronger: errno set, no list; every failure comes before the first
  // descriptor is closed (the unshare is done first).
  ensures close_range_failed: \result == -1 ==> iosafe_errno_set &&
    iosafe_fd_table_same{Pre, Post} && iosafe_fd_cloexec_same{Pre, Post};
  behavior close:
    assumes (flags & CLOSE_RANGE_CLOEXEC) == 0;
    // close_range(2): every open number of the range is closed.
    // No stronger: as close_range_outside.
    ensures close_range_closed: \result == 0 ==> \forall integer d;
      iosafe_fd_in_range(d) && first <= d <= last ==> iosafe_fd_is_closed(d);
  behavior cloexec:
    assumes (flags & CLOSE_RANGE_CLOEXEC) != 0;
    // close_range(2) CLOSE_RANGE_CLOEXEC: "Set the close-on-exec flag on
    // the specified file descriptors, rather than immediately closing
    // them."
    // No stronger: __range_cloexec() sets the flag on the range's numbers
    // and closes nothing.
    ensures close_range_cloexec: \result == 0 ==>
      iosafe_fd_table_same{Pre, Post} && \forall integer d;
        iosafe_fd_is_open(d) && first <= d <= last ==> iosafe_fd_is_cloexec(d);
  complete behaviors;
  disjoint behaviors;
*/
int close_range(unsigned int first, unsigned int last, int flags);

/*@
  // readlink(2): pathname is a string (readable; termination not
  // modelled); buf has room for bufsiz bytes.
  // No stronger: a precondition on iosafe.
  requires readlink_args: \valid_read(path) && bufsiz > 0 &&
    \valid(buf + (0 .. bufsiz - 1)) && \separated(path, buf + (0 .. bufsiz - 1));
  assigns buf[0 .. bufsiz - 1], errno;
  // readlink(2) RETURN VALUE: "the number of bytes placed in buf" (no
  // terminating null byte; "If the buffer is too small to hold all of the
  // contents, the contents are truncated"), or -1 with errno set.
  // No stronger: do_readlinkat() copies at most bufsiz bytes.
  ensures readlink_result: \result == -1 || 0 <= \result <= bufsiz;
  // readlink(2) ERRORS: a long list, extended by file systems.
  // No stronger: errno set, no list.
  ensures readlink_failed: \result == -1 ==> iosafe_errno_set;
*/
ssize_t readlink(const char *path, char *buf, size_t bufsiz);

/*@
  // fstat(2): fd is used (a borrow); statbuf is writable.
  // No stronger: a precondition on iosafe.
  requires fstat_args: iosafe_fd_is_open(fd) && \valid(statbuf);
  assigns *statbuf, errno;
  // fstat(2) RETURN VALUE: 0, or -1 with errno set; the contents of
  // *statbuf are not modelled.
  // No stronger: the system call returns 0 or a negative error.
  ensures fstat_result: \result == 0 || \result == -1;
  // fstat(2) ERRORS: EBADF, EFAULT, ENOMEM, EOVERFLOW; file systems and
  // LSM hooks can add others.
  // No stronger: errno set, no list.
  ensures fstat_failed: \result == -1 ==> iosafe_errno_set;
*/
int fstat(int fd, struct stat *statbuf);

/*@
  assigns \nothing;
  // getpid(2): "These functions are always successful"; a process ID is
  // positive.
  // No stronger: task_tgid_vnr() of a running task is at least 1.
  ensures getpid_result: \result > 0;
*/
pid_t getpid(void);

/*@
  // syscall(2) with SYS_kcmp, the one system call iosafe makes through
  // syscall(): glibc has no kcmp wrapper.  kcmp(2) KCMP_FILE: "Check
  // whether a file descriptor idx1 in the process pid1 refers to the same
  // open file description as file descriptor idx2 in the process pid2";
  // both numbers are used (borrows).
  // No stronger: a precondition on iosafe (declared with the arguments
  // iosafe passes, as long, instead of `...`).
  requires kcmp_args: number == SYS_kcmp && type == KCMP_FILE &&
    pid1 > 0 && pid2 == pid1 &&
    iosafe_fd_is_open(idx1) && iosafe_fd_is_open(idx2);
  assigns errno;
  // kcmp(2) RETURN VALUE: "0 ... equal; 1 ... less than; 2 ... greater
  // than; 3 ... not equal, but ordering information is unavailable", or
  // -1 with errno set.
  // No stronger: kcmp_ptr() returns 0, 1 or 2 (3 only for KCMP_EPOLL_TFD
  // and KCMP_SYSVSEM); the model allows 3 too.
  ensures kcmp_result: \result == -1 || 0 <= \result <= 3;
  // kcmp(2) ERRORS: EBADF, EFAULT, EINVAL, EPERM; ENOSYS without
  // CONFIG_KCMP; container seccomp profiles refuse it with EPERM.
  // No stronger: errno set, no list.
  ensures kcmp_failed: \result == -1 ==> iosafe_errno_set;
*/
long syscall(long number, long pid1, long pid2, long type, long idx1, long idx2);

#endif /* IOSAFE_POSIX_FDOPS_H */
