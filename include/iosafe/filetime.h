/* SPDX-License-Identifier: MIT */
/*
 * iosafe/filetime.h: file timestamps, read from stat(2) and statx(2) results
 * and set with utimensat(2) and futimens(2) (the Rust crate filetime:
 * filetime::FileTime, set_file_times, set_symlink_file_times,
 * set_file_handle_times).
 *
 * A time is seconds and nanoseconds since the Unix epoch (1970-01-01
 * 00:00:00 UTC), as struct timespec is, with nsec always in [0, 10^9): a
 * time before the epoch has a negative sec and a non-negative nsec
 * (-0.5 s is { -1, 500000000 }), as timespec(3type) and filetime::FileTime
 * keep it.  Setting a time with nsec of 10^9 or more is -EINVAL, before any
 * call (utimensat(2) would say EINVAL too, but the UTIME_NOW and UTIME_OMIT
 * values of tv_nsec, which iosafe never passes through, are in that range).
 *
 * POSIX (utimensat and futimens are POSIX.1-2008); iosafe_filetime_btime
 * is Linux only (statx(2)).  Conventions as fs.h: 0 or a negative errno;
 * every descriptor argument is a borrow used during the call only.  On
 * Windows filetime_win.h sets times through SetFileTime.
 */
#ifndef IOSAFE_FILETIME_H
#define IOSAFE_FILETIME_H

#include <stdint.h>
#ifndef _WIN32
#  include <sys/stat.h>
#  include <sys/types.h>
#endif

#include "fd.h"

#ifdef __cplusplus
extern "C" {
#endif

struct statx;

/** Nanoseconds in a second: the bound of iosafe_filetime's nsec. */
#define IOSAFE_NSEC_PER_SEC 1000000000u

/**
 * iosafe_filetime: a point in time, sec seconds and nsec nanoseconds
 * after the Unix epoch; nsec is in [0, IOSAFE_NSEC_PER_SEC).
 */
typedef struct iosafe_filetime {
	int64_t sec;
	uint32_t nsec;
} iosafe_filetime;

/*@
  predicate iosafe_filetime_ok{L}(iosafe_filetime *t) =
    \at(t->nsec, L) < IOSAFE_NSEC_PER_SEC;
*/

/**
 * iosafe_filetime_now: the current time of the system's real-time clock.
 * @out: (not NULL) receives it; { 0, 0 } on failure.
 * Returns: 0, or the negative errno of clock_gettime(2) (none is
 *   documented for CLOCK_REALTIME with a valid pointer; a seccomp filter
 *   can add one); -EINVAL for a NULL @out.  On Windows the time is
 *   GetSystemTimePreciseAsFileTime's (100 ns steps), which cannot fail.
 * Follows: clock_gettime(2) CLOCK_REALTIME, GetSystemTimePreciseAsFileTime;
 *   filetime::FileTime::now.
 */
/*@
  requires valid_out: out == \null || (\valid(out) && \separated(out, &errno));
  assigns *out, errno;
  ensures null_out: out == \null ==> \result == -EINVAL;
  ensures ok: \result == 0 ==> out->nsec < IOSAFE_NSEC_PER_SEC;
  ensures failed: \result != 0 ==> iosafe_neg_errno(\result) &&
    (out != \null ==> out->sec == 0 && out->nsec == 0);
*/
int iosafe_filetime_now(iosafe_filetime *out);

#ifndef _WIN32
/**
 * iosafe_filetime_mtime: the last modification time in a struct stat.
 * @st: (not NULL) filled by stat(2), fstat(2), iosafe_fstat, ...; read only.
 * Returns: st_mtim as an iosafe_filetime; { 0, 0 } for a NULL @st.  A
 *   tv_nsec outside [0, 10^9), which stat(2) never returns, gives nsec 0.
 * Follows: stat(3type) st_mtim; filetime::FileTime::from_last_modification_time.
 */
/*@
  requires valid_st: st == \null || \valid_read(st);
  assigns \nothing;
  ensures nsec: \result.nsec < IOSAFE_NSEC_PER_SEC;
  ensures value: st != \null ==> \result.sec == st->st_mtim.tv_sec &&
    (0 <= st->st_mtim.tv_nsec < IOSAFE_NSEC_PER_SEC ==>
      \result.nsec == st->st_mtim.tv_nsec);
*/
iosafe_filetime iosafe_filetime_mtime(const struct stat *st);

/**
 * iosafe_filetime_atime: the last access time in a struct stat, as
 * iosafe_filetime_mtime (st_atim).  Mount options (relatime, noatime) decide
 * how often Linux updates it (mount(8)).
 * Follows: stat(3type) st_atim; filetime::FileTime::from_last_access_time.
 */
/*@
  requires valid_st: st == \null || \valid_read(st);
  assigns \nothing;
  ensures nsec: \result.nsec < IOSAFE_NSEC_PER_SEC;
  ensures value: st != \null ==> \result.sec == st->st_atim.tv_sec &&
    (0 <= st->st_atim.tv_nsec < IOSAFE_NSEC_PER_SEC ==>
      \result.nsec == st->st_atim.tv_nsec);
*/
iosafe_filetime iosafe_filetime_atime(const struct stat *st);

#if defined(__linux__)
/**
 * iosafe_filetime_btime: the creation (birth) time in a struct statx.
 * @stx: (not NULL) filled by statx(2) or iosafe_statx with STATX_BTIME in
 *   its mask; read only.
 * @out: (not NULL) receives the time; { 0, 0 } on failure.
 * Returns: 0, or -ENODATA when stx_mask lacks STATX_BTIME (not asked, or
 *   the file system does not record it: statx(2) "a filesystem may ...
 *   not support" a field); -EINVAL for a NULL argument.  A tv_nsec of 10^9
 *   or more, which statx(2) never returns, gives nsec 0.
 * Linux only (4.11).  Follows: statx(2) stx_btime;
 *   filetime::FileTime::from_creation_time (which returns None there).
 */
/*@
  requires valid_stx: stx == \null || \valid_read(stx);
  requires valid_out: out == \null || \valid(out);
  requires separated: stx != \null && out != \null ==> \separated(out, stx);
  assigns *out;
  ensures null_args: (stx == \null || out == \null) ==> \result == -EINVAL;
  ensures no_btime: stx != \null && out != \null &&
    (stx->stx_mask & STATX_BTIME) == 0 ==> \result == -ENODATA;
  ensures ok: \result == 0 ==> out->sec == stx->stx_btime.tv_sec &&
    out->nsec < IOSAFE_NSEC_PER_SEC;
  ensures failed: \result != 0 && out != \null ==> out->sec == 0 && out->nsec == 0;
  ensures result: \result == 0 || \result == -EINVAL || \result == -ENODATA;
*/
int iosafe_filetime_btime(const struct statx *stx, iosafe_filetime *out);
#endif

/**
 * iosafe_set_file_times: set a file's access and modification times.
 * @dir: a borrow of a directory, or iosafe_cwd(); used during the call only.
 * @path: (not NULL) the file.
 * @atime, @mtime: the new times, read only; NULL leaves that time as it is
 *   (UTIME_OMIT).  Both NULL: nothing is changed, and Linux then succeeds
 *   without even looking the file up (utimensat(2) NOTES).
 * @flags: 0 (a symbolic link is followed), or AT_SYMLINK_NOFOLLOW (the
 *   times of the link itself are set).
 * The status change time (st_ctim) becomes the current time whenever a time
 *   is set (utimensat(2)).
 * Returns: 0, or -EINVAL for a NULL @path or a nsec of 10^9 or more (nothing
 *   is called then), -EOVERFLOW when a sec does not fit time_t (32-bit
 *   systems without 64-bit time_t); or the negative errno of utimensat(2):
 *   -ENOENT, -EACCES, -EPERM (not the owner), -EROFS, -ENOTDIR, -ELOOP,
 *   -EBADF (a none @dir with a relative @path), -EINVAL (unknown @flags),
 *   -ENAMETOOLONG, ...
 * Follows: utimensat(2), POSIX utimensat; filetime::set_file_times and
 *   set_file_mtime / set_file_atime (NULL for the other), and, with
 *   AT_SYMLINK_NOFOLLOW, filetime::set_symlink_file_times.
 */
/*@
  requires dir_borrow_ok: iosafe_fd_borrow_ok(dir.raw);
  requires valid_path: path == \null || \valid_read(path);
  requires valid_atime: atime == \null || \valid_read(atime);
  requires valid_mtime: mtime == \null || \valid_read(mtime);
  assigns errno;
  ensures table_same: iosafe_fd_table_same{Pre, Post};
  ensures result: \result == 0 || iosafe_neg_errno(\result);
  ensures null_path: path == \null ==> \result == -EINVAL;
  ensures bad_nsec: path != \null && ((atime != \null && atime->nsec >= IOSAFE_NSEC_PER_SEC) ||
    (mtime != \null && mtime->nsec >= IOSAFE_NSEC_PER_SEC)) ==> \result == -EINVAL;
*/
int iosafe_set_file_times(iosafe_borrowed_fd dir IOSAFE_USES, const char *path,
			  const iosafe_filetime *atime, const iosafe_filetime *mtime, int flags);

/**
 * iosafe_set_fd_times: set the access and modification times of the file a
 * descriptor refers to.
 * @fd: a borrow, used during the call only (opened for writing, or the
 *   caller owns the file; an O_PATH descriptor gives -EBADF).
 * @atime, @mtime: as iosafe_set_file_times; NULL leaves that time as it is.
 * Returns: 0, or -EBADF for a none @fd and -EINVAL for a nsec of 10^9 or
 *   more (nothing is called then), -EOVERFLOW as iosafe_set_file_times; or
 *   the negative errno of futimens(2): -EBADF (not open), -EACCES, -EPERM,
 *   -EROFS, ...
 * Follows: futimens(2) (utimensat(2) page), POSIX futimens;
 *   filetime::set_file_handle_times.
 */
/*@
  requires borrow_ok: iosafe_fd_borrow_ok(fd.raw);
  requires valid_atime: atime == \null || \valid_read(atime);
  requires valid_mtime: mtime == \null || \valid_read(mtime);
  assigns errno;
  ensures table_same: iosafe_fd_table_same{Pre, Post};
  ensures result: \result == 0 || iosafe_neg_errno(\result);
  ensures none: fd.raw < 0 ==> \result == -EBADF;
  ensures bad_nsec: fd.raw >= 0 && ((atime != \null && atime->nsec >= IOSAFE_NSEC_PER_SEC) ||
    (mtime != \null && mtime->nsec >= IOSAFE_NSEC_PER_SEC)) ==> \result == -EINVAL;
*/
int iosafe_set_fd_times(iosafe_borrowed_fd fd IOSAFE_USES, const iosafe_filetime *atime,
			const iosafe_filetime *mtime);

#endif /* !_WIN32 */

#ifdef __cplusplus
}
#endif

#ifdef _WIN32
#  include "filetime_win.h"
#endif

#endif /* IOSAFE_FILETIME_H */
