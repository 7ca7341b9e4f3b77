/* SPDX-License-Identifier: MIT */
/*
 * iosafe_win32_file.h: the TRUSTED BASE of the proofs of src/win/samefile.c
 * and src/win/filetime.c: the file-identity and file-time calls of Win32,
 * declared with contracts in the handle-table model (iosafe_win_acsl.h).
 * Assumed, not proved; each contract cites the Win32 page it follows and
 * promises no more than that page (as acsl/iosafe_win32.h, which it
 * extends: the shim acsl/win/windows.h includes both).  The numeric
 * constants and the struct layouts are checked against mingw-w64's headers
 * by `make prove-win` (proofs/win/shim_check.sh).
 */
#ifndef IOSAFE_WIN32_FILE_H
#define IOSAFE_WIN32_FILE_H

#include "iosafe_win32.h"

/* <stdint.h>'s fixed-width types that src/win/samefile.c and filetime.c use
 * (widths and signedness checked by shim_check.sh). */
typedef unsigned int uint32_t;
typedef unsigned long long uint64_t;
typedef long long int64_t;

#define ERANGE 34
#define FILE_SHARE_READ 1
#define FILE_SHARE_WRITE 2
#define FILE_SHARE_DELETE 4
#define OPEN_EXISTING 3
#define FILE_FLAG_BACKUP_SEMANTICS 33554432

/* minwinbase.h: 100-nanosecond intervals since 1601-01-01 UTC, in two
 * halves. */
typedef struct _FILETIME {
	DWORD dwLowDateTime;
	DWORD dwHighDateTime;
} FILETIME;

/* fileapi.h (sizes and offsets checked by shim_check.sh). */
typedef struct _BY_HANDLE_FILE_INFORMATION {
	DWORD dwFileAttributes;
	FILETIME ftCreationTime;
	FILETIME ftLastAccessTime;
	FILETIME ftLastWriteTime;
	DWORD dwVolumeSerialNumber;
	DWORD nFileSizeHigh;
	DWORD nFileSizeLow;
	DWORD nNumberOfLinks;
	DWORD nFileIndexHigh;
	DWORD nFileIndexLow;
} BY_HANDLE_FILE_INFORMATION;

/*
 * GetFileInformationByHandle (fileapi.h): fills @info for an open handle
 * and returns nonzero, or returns 0 with the last error set; it opens and
 * closes nothing.  The handle is used (a borrow); the values are not
 * modelled.
 */
/*@
  requires handle: iosafe_handle_borrow_ok(h) && h != 0;
  requires valid_info: \valid(info) && \separated(info, &iosafe_win32_last_error);
  assigns *info, iosafe_win32_last_error;
*/
BOOL GetFileInformationByHandle(HANDLE h, BY_HANDLE_FILE_INFORMATION *info);

/*
 * SetFileTime (fileapi.h): sets the times whose pointer is not NULL ("If
 * the application does not need to change this information, set this
 * parameter either to NULL or to ..."); nonzero on success, 0 with the last
 * error set.  It opens and closes nothing.
 */
/*@
  requires handle: iosafe_handle_borrow_ok(h) && h != 0;
  requires times: (c == \null || \valid_read(c)) && (a == \null || \valid_read(a)) &&
    (m == \null || \valid_read(m));
  assigns iosafe_win32_last_error;
*/
BOOL SetFileTime(HANDLE h, const FILETIME *c, const FILETIME *a, const FILETIME *m);

/*
 * GetSystemTimePreciseAsFileTime (sysinfoapi.h, Windows 8): the current
 * system time (UTC) into @ft; it cannot fail.  The value is not modelled.
 */
/*@
  requires valid_ft: \valid(ft);
  assigns *ft;
*/
void GetSystemTimePreciseAsFileTime(FILETIME *ft);

#endif /* IOSAFE_WIN32_FILE_H */
