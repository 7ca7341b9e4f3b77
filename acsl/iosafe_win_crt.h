/* SPDX-License-Identifier: MIT */
/*
 * iosafe_win_crt.h: TRUSTED contracts of the C runtime calls of the
 * handle/descriptor bridge (src/win/io.c) and of _close (src/win/crt.c),
 * for Frama-C only; acsl/win/io.h
 * includes it.  It joins the two models: a descriptor of the descriptor
 * table (iosafe_acsl.h) and a handle of the handle table
 * (iosafe_win_acsl.h).  A handle moved into a descriptor by
 * _open_osfhandle stays open and becomes UNOWNED in the handle table: its
 * one owner is now the descriptor (closing the descriptor closes it).
 */
#ifndef IOSAFE_WIN_CRT_H
#define IOSAFE_WIN_CRT_H

#include "iosafe_win32.h"
#include "iosafe_acsl.h"

/*
 * _open_osfhandle (io.h, Microsoft C runtime): on success a new
 * descriptor that owns the handle; on failure -1 and nothing changed (the
 * caller still owns the handle).  errno is not promised.
 */
/*@
  requires owned: iosafe_handle_is_owned(h);
  assigns errno, IOSAFE_FD_TABLE, iosafe_handle_state[h];
  ensures moved: \result >= 0 ==>
    iosafe_fd_acquired{Pre, Post}(\result) &&
    \at(iosafe_handle_state[h], Post) == IOSAFE_HANDLE_UNOWNED &&
    iosafe_handle_table_same_except{Pre, Post}(h);
  ensures failed: \result < 0 ==> \result == -1 &&
    iosafe_fd_table_same{Pre, Post} && iosafe_handle_table_same{Pre, Post};
*/
int _open_osfhandle(intptr_t h, int flags);

/*
 * _get_osfhandle (io.h): the handle of a descriptor, -1 when the number is
 * not open, -2 for a standard stream with no handle.  The handle of an open
 * descriptor is an open handle (the descriptor owns it).
 */
/*@
  requires fd_nonneg: fd >= 0;
  assigns \nothing;
  ensures result: \result == -1 || \result == -2 ||
    (\result > 0 && iosafe_handle_is_open(\result));
*/
intptr_t _get_osfhandle(int fd);

/*
 * _close (io.h, Microsoft C runtime, "_close"): "closes the file
 * associated with fd.  The file descriptor and the underlying OS file
 * handle are closed."  "returns 0 if the file was successfully closed.  A
 * return value of -1 indicates an error": EBADF for a descriptor that is
 * not open (the invalid-parameter handler returns, under mingw-w64's
 * default), or the errno the C runtime maps from CloseHandle's error.  The
 * C runtime frees the descriptor before CloseHandle's result is known
 * (its _close_nolock frees the slot whatever CloseHandle returned), so the
 * descriptor is released in both cases, as on Linux.  errno is promised
 * for EBADF only, which close_owned rules out: after a failed CloseHandle
 * the documentation promises nothing about errno, so neither does this
 * contract (src/win/crt.c returns -EIO when errno is not an error number).
 */
/*@
  requires close_owned: iosafe_fd_is_owned(fd);
  assigns iosafe_fd_state[fd], errno, iosafe_win32_last_error, IOSAFE_HANDLE_TABLE;
  ensures close_released: iosafe_fd_released{Pre, Post}(fd);
  ensures close_result: \result == 0 || \result == -1;
*/
int _close(int fd);

#endif /* IOSAFE_WIN_CRT_H */
