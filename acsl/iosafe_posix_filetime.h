/* SPDX-License-Identifier: MIT */
/*
 * iosafe_posix_filetime.h: the TRUSTED BASE of the proofs of src/filetime.c:
 * clock_gettime(2), utimensat(2) and futimens(2), declared with contracts in
 * the descriptor-table model (iosafe_acsl.h).  Assumed, not proved; each
 * named clause cites the man page it follows and says on a "No stronger:"
 * line why it promises no more than Linux does.  Linux x86_64 / glibc 2.36.
 * It extends acsl/iosafe_posix_fs.h (struct statx; struct timespec through
 * iosafe_posix_fdops.h) and is read through the shims acsl/libc/time.h and
 * acsl/libc/sys/stat.h.  clockid_t and CLOCK_REALTIME are also
 * acsl/iosafe_posix_event.h's, given again here identically (C11 6.7p3
 * allows the same typedef twice) so that sys/stat.h need not pull in the
 * event calls' macros.  Every constant is checked against the system's
 * headers by `make prove` (proofs.mk, prove-shim-filetime).
 */
#ifndef IOSAFE_POSIX_FILETIME_H
#define IOSAFE_POSIX_FILETIME_H

#include "iosafe_posix_fs.h"

typedef int clockid_t;
#ifndef CLOCK_REALTIME
#define CLOCK_REALTIME 0
#endif

/* ---- Constants (checked by prove-shim-filetime) ---------------------------- */
#define ENODATA 61
#define UTIME_NOW ((1l << 30) - 1l)
#define UTIME_OMIT ((1l << 30) - 2l)
#define STATX_BTIME 0x0800U

/*@
  // clock_gettime(2): tp points to a writable struct timespec (EFAULT
  // otherwise).
  // No stronger: a precondition on iosafe.
  requires clock_gettime_tp: \valid(tp) && \separated(tp, &errno);
  assigns *tp, errno;
  // clock_gettime(2) RETURN VALUE: 0, or -1 with errno set.
  // No stronger: the vDSO or the system call returns 0 or a negative error
  // (EINVAL for an unknown clock); seccomp can add any errno; errno set, no
  // list.  tv_nsec is not bounded here (the kernel keeps it below 10^9, which
  // iosafe checks rather than assumes).
  ensures clock_gettime_result: \result == 0 || (\result == -1 && iosafe_errno_set);
*/
int clock_gettime(clockid_t clk, struct timespec *tp);

/*@
  // utimensat(2): pathname is a string (readable; termination not modelled).
  // No stronger: a precondition on iosafe.
  requires utimensat_path: \valid_read(path);
  // utimensat(2): dirfd is used (a borrow) when the path is relative; a
  // negative value (AT_FDCWD) is no descriptor.
  // No stronger: a precondition on iosafe (no use after close).
  requires utimensat_dir: iosafe_fd_borrow_ok(dirfd);
  // utimensat(2): times is NULL or "an array of two timespec structures"
  // (EFAULT otherwise).
  // No stronger: a precondition on iosafe, which always passes two.
  requires utimensat_times: times == \null || \valid_read(times + (0 .. 1));
  assigns errno;
  // utimensat(2) RETURN VALUE: 0, or -1 with errno set.
  // No stronger: do_utimes() (fs/utimes.c) returns 0 or a negative error (the
  // file system's setattr code and the LSM hooks passed on); errno set, no
  // list.
  ensures utimensat_result: \result == 0 || (\result == -1 && iosafe_errno_set);
*/
int utimensat(int dirfd, const char *path, const struct timespec times[2], int flags);

/*@
  // futimens(2) (utimensat(2) page): fd is used (a borrow).
  // No stronger: a precondition on iosafe (no use after close).
  requires futimens_open: iosafe_fd_is_open(fd);
  // futimens(2): times is NULL or an array of two timespec structures.
  // No stronger: a precondition on iosafe, which always passes two.
  requires futimens_times: times == \null || \valid_read(times + (0 .. 1));
  assigns errno;
  // futimens(2) RETURN VALUE: 0, or -1 with errno set.
  // No stronger: glibc's futimens() is utimensat(fd, NULL, times, 0), which
  // returns 0 or a negative error; errno set, no list.
  ensures futimens_result: \result == 0 || (\result == -1 && iosafe_errno_set);
*/
int futimens(int fd, const struct timespec times[2]);

#endif /* IOSAFE_POSIX_FILETIME_H */
