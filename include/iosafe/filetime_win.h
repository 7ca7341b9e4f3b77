/* SPDX-License-Identifier: MIT */
/*
 * iosafe/filetime_win.h: the Windows half of filetime.h (SetFileTime and
 * the FILETIME conversion): included by filetime.h under _WIN32, built from
 * src/win/filetime.c with mingw-w64, proved by `make prove-win` and tested
 * under wine (tests/win/test_samefile.c).  Elsewhere it declares nothing.
 */
#ifndef IOSAFE_FILETIME_WIN_H
#define IOSAFE_FILETIME_WIN_H

#ifdef _WIN32

#include <stdint.h>

#include "filetime.h"
#include "win.h"

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Windows: a FILETIME counts 100-nanosecond intervals since 1601-01-01
 * 00:00:00 UTC.  iosafe_filetime_to_win converts
 *   ticks = (sec + 11644473600) * 10^7 + nsec / 100
 * (11644473600 s from 1601 to 1970, 89 leap years in 369), truncating nsec
 * to 100 ns; it accepts the times from 1 tick (1601-01-01 00:00:00.0000001
 * UTC) to INT64_MAX ticks (30828-09-14 02:48:05.4775807 UTC), and gives
 * -ERANGE outside: 0 is what SetFileTime reads as "do not change", and
 * values with the top bit set are not times (0xFFFFFFFFFFFFFFFF stops the
 * system's own updates, SetFileTime Remarks).
 */

/** Seconds from 1601-01-01 to 1970-01-01 (the FILETIME and Unix epochs). */
#define IOSAFE_FILETIME_EPOCH_DIFF 11644473600LL

/**
 * iosafe_filetime_to_win: @t as a FILETIME.
 * Returns: 0, or -EINVAL (NULL argument, nsec of 10^9 or more), -ERANGE
 *   (outside the range above); *@out unchanged on failure.
 * Windows only.  Follows: FILETIME (minwinbase.h); filetime's Windows
 *   FileTime::from_windows_file_time (the inverse).
 */
/*@
  requires valid_t: t == \null || \valid_read(t);
  requires valid_out: out == \null || \valid(out);
  requires separated: t != \null && out != \null ==> \separated(t, out);
  assigns *out;
  ensures null_args: (t == \null || out == \null) ==> \result == -EINVAL;
  ensures bad_nsec: t != \null && out != \null && t->nsec >= IOSAFE_NSEC_PER_SEC ==>
    \result == -EINVAL;
  ensures result: \result == 0 || \result == -EINVAL || \result == -ERANGE;
  ensures ticks: \result == 0 ==>
    out->dwHighDateTime * 4294967296 + out->dwLowDateTime ==
      (t->sec + IOSAFE_FILETIME_EPOCH_DIFF) * 10000000 + t->nsec / 100 &&
    0 < out->dwHighDateTime * 4294967296 + out->dwLowDateTime <= 9223372036854775807;
  ensures unchanged: \result != 0 && out != \null ==> *out == \old(*out);
*/
int iosafe_filetime_to_win(const iosafe_filetime *t, FILETIME *out);

/**
 * iosafe_filetime_from_win: a FILETIME as an iosafe_filetime (every
 * FILETIME value converts; nsec is a multiple of 100).
 * Returns: the time; { 0, 0 } for a NULL @ft.
 * Windows only.  Follows: filetime::FileTime::from_windows_file_time.
 */
/*@
  requires valid_ft: ft == \null || \valid_read(ft);
  assigns \nothing;
  ensures nsec: \result.nsec < IOSAFE_NSEC_PER_SEC && \result.nsec % 100 == 0;
  ensures value: ft != \null ==>
    (\result.sec + IOSAFE_FILETIME_EPOCH_DIFF) * 10000000 + \result.nsec / 100 ==
      ft->dwHighDateTime * 4294967296 + ft->dwLowDateTime;
  ensures null_ft: ft == \null ==> \result.sec == 0 && \result.nsec == 0;
*/
iosafe_filetime iosafe_filetime_from_win(const FILETIME *ft);

/**
 * iosafe_set_handle_times: set the access and modification times of the
 * file a handle refers to (opened with FILE_WRITE_ATTRIBUTES).
 * @h: a borrow, used during the call only.
 * @atime, @mtime: NULL leaves that time as it is (SetFileTime's NULL).
 * Returns: 0, or -EBADF (@h none), -EINVAL / -ERANGE as
 *   iosafe_filetime_to_win (nothing is called then), or the negative errno
 *   mapped from SetFileTime's error (-EACCES without FILE_WRITE_ATTRIBUTES).
 * Windows only.  Follows: SetFileTime (fileapi.h);
 *   filetime::set_file_handle_times.
 */
/*@
  requires borrow_ok: iosafe_handle_borrow_ok(h.raw);
  requires valid_atime: atime == \null || \valid_read(atime);
  requires valid_mtime: mtime == \null || \valid_read(mtime);
  assigns iosafe_win32_last_error;
  ensures table_same: iosafe_handle_table_same{Pre, Post};
  ensures result: \result == 0 || iosafe_neg_errno(\result);
  ensures none: h.raw == IOSAFE_RAW_HANDLE_NONE ==> \result == -EBADF;
  ensures bad_nsec: h.raw != IOSAFE_RAW_HANDLE_NONE &&
    ((atime != \null && atime->nsec >= IOSAFE_NSEC_PER_SEC) ||
     (mtime != \null && mtime->nsec >= IOSAFE_NSEC_PER_SEC)) ==> \result == -EINVAL;
*/
int iosafe_set_handle_times(iosafe_borrowed_handle h IOSAFE_USES, const iosafe_filetime *atime,
			    const iosafe_filetime *mtime);

/**
 * iosafe_set_fd_times: as iosafe_set_handle_times, for the handle of a C
 * runtime descriptor (_get_osfhandle); -EBADF for a none or closed @fd.
 * Follows: SetFileTime, _get_osfhandle; filetime::set_file_handle_times.
 */
/*@
  requires valid_atime: atime == \null || \valid_read(atime);
  requires valid_mtime: mtime == \null || \valid_read(mtime);
  assigns iosafe_win32_last_error;
  ensures table_same: iosafe_handle_table_same{Pre, Post};
  ensures result: \result == 0 || iosafe_neg_errno(\result);
  ensures none: fd.raw < 0 ==> \result == -EBADF;
*/
int iosafe_set_fd_times(iosafe_borrowed_fd fd IOSAFE_USES, const iosafe_filetime *atime,
			const iosafe_filetime *mtime);

#ifdef __cplusplus
}
#endif

#endif /* _WIN32 */

#endif /* IOSAFE_FILETIME_WIN_H */
