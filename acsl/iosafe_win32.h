/* SPDX-License-Identifier: MIT */
/*
 * iosafe_win32.h: the TRUSTED BASE of iosafe's Windows proofs: the types,
 * constants and Win32 calls the handle core (src/win/handle.c,
 * src/win/error.c) uses, declared with contracts in the handle-table model
 * (iosafe_win_acsl.h).  These contracts are assumed, not proved; each
 * cites the Win32 page it follows, and none promises more than that page.
 *
 * How it is selected.  `make prove-win` runs Frama-C with -D_WIN32
 * -no-frama-c-stdlib -cpp-extra-args="-nostdinc -Iacsl/win -Iacsl", so the
 * library's <windows.h>, <winsock2.h>, <errno.h>, <stdbool.h>, <stddef.h>
 * and <wchar.h> are the one-line shims in acsl/win/, each of which includes
 * this file.  src/win/*.c are unchanged.
 *
 * The one abstraction: HANDLE and SOCKET are declared as 64-bit unsigned
 * integers here (HANDLE is `void *` in mingw-w64's headers).  iosafe only
 * copies handles, compares them with NULL and INVALID_HANDLE_VALUE, and
 * passes them to the calls below; it never dereferences one.  An integer of
 * the same width with NULL as 0 and INVALID_HANDLE_VALUE as all bits set
 * has exactly those operations, and lets the model index its table by the
 * handle's value.  NULL is 0 for the same reason (as a null pointer
 * constant it still compares pointers correctly).
 *
 * The values of the constants are mingw-w64's: `make prove-win` checks
 * each #define below against <winsock2.h>, <windows.h> and <errno.h> with
 * x86_64-w64-mingw32-gcc before any proof runs (proofs/win/shim_check.sh).
 */
#ifndef IOSAFE_WIN32_H
#define IOSAFE_WIN32_H

#ifndef __FRAMAC__
#  error "iosafe_win32.h is Frama-C's model of Win32 for iosafe's proofs; compilers use the mingw-w64 headers"
#endif

/* ---- types (Win64, LLP64: DWORD is 32 bits) --------------------------------- */
typedef unsigned long size_t;
typedef unsigned short wchar_t;
typedef unsigned long long HANDLE;   /* the abstraction above */
typedef unsigned long long SOCKET;
typedef unsigned int DWORD;
typedef int BOOL;
typedef void *PSECURITY_DESCRIPTOR;
struct sockaddr {
	unsigned short sa_family;
	char sa_data[14];
};

#define NULL 0
#define FALSE 0
#define TRUE 1
#ifndef __cplusplus
#  define bool _Bool
#  define true 1
#  define false 0
#endif

/* (HANDLE)(LONG_PTR)-1 in mingw-w64: written unsigned here, so that the
 * -warn-unsigned-downcast guard does not stand for a conversion the real
 * header makes of a pointer. */
#define INVALID_HANDLE_VALUE ((HANDLE)18446744073709551615ULL)
#define INVALID_SOCKET ((SOCKET)~0ULL)
#define HANDLE_FLAG_INHERIT 1U
#define DUPLICATE_SAME_ACCESS 2U

#include "iosafe_win_acsl.h"

/* ---- errno: one int (single-threaded model); mingw-w64's values ---------------- */
extern int iosafe_win32_errno;
#define errno iosafe_win32_errno
#define EPERM 1
#define ENOENT 2
#define ESRCH 3
#define EINTR 4
#define EIO 5
#define E2BIG 7
#define EBADF 9
#define EAGAIN 11
#define ENOMEM 12
#define EACCES 13
#define EFAULT 14
#define EBUSY 16
#define EEXIST 17
#define EXDEV 18
#define ENODEV 19
#define ENOTDIR 20
#define EINVAL 22
#define EMFILE 24
#define EFBIG 27
#define ENOSPC 28
#define ESPIPE 29
#define EROFS 30
#define EPIPE 32
#define EDEADLK 36
#define ENAMETOOLONG 38
#define ENOLCK 39
#define ENOSYS 40
#define ENOTEMPTY 41
#define EILSEQ 42
#define EADDRINUSE 100
#define EADDRNOTAVAIL 101
#define EAFNOSUPPORT 102
#define EALREADY 103
#define ECANCELED 105
#define ECONNABORTED 106
#define ECONNREFUSED 107
#define ECONNRESET 108
#define EDESTADDRREQ 109
#define EHOSTUNREACH 110
#define EINPROGRESS 112
#define EISCONN 113
#define ELOOP 114
#define EMSGSIZE 115
#define ENETDOWN 116
#define ENETRESET 117
#define ENETUNREACH 118
#define ENOBUFS 119
#define ENOPROTOOPT 123
#define ENOTCONN 126
#define ENOTSOCK 128
#define ENOTSUP 129
#define EOPNOTSUPP 130
#define EPROTONOSUPPORT 135
#define EPROTOTYPE 136
#define ETIMEDOUT 138
/* EDQUOT is Linux's: mingw-w64 has none, and no Windows call gives it.
 * fd.h's contract of iosafe_fd_close names it, so the model has a value for
 * it that no mingw-w64 errno has (not checked against <errno.h>). */
#define EDQUOT 1000

/* ---- the thread's last error (GetLastError, SetLastError) ------------------- */
extern DWORD iosafe_win32_last_error;

/* ---- Win32 and Winsock error codes (winerror.h, winsock2.h) --------------------- */
#define ERROR_PRIVILEGE_NOT_HELD 1314U
#define ERROR_FILE_NOT_FOUND 2U
#define ERROR_PATH_NOT_FOUND 3U
#define ERROR_INVALID_DRIVE 15U
#define ERROR_BAD_NETPATH 53U
#define ERROR_BAD_PATHNAME 161U
#define ERROR_INVALID_NAME 123U
#define ERROR_MOD_NOT_FOUND 126U
#define ERROR_ENVVAR_NOT_FOUND 203U
#define WSAHOST_NOT_FOUND 11001U
#define ERROR_PROC_NOT_FOUND 127U
#define WSAEINTR 10004U
#define ERROR_OPERATION_ABORTED 995U
#define ERROR_GEN_FAILURE 31U
#define ERROR_IO_DEVICE 1117U
#define ERROR_CRC 23U
#define ERROR_OPEN_FAILED 110U
#define ERROR_DISK_CORRUPT 1393U
#define ERROR_META_EXPANSION_TOO_LONG 208U
#define ERROR_INVALID_HANDLE 6U
#define ERROR_INVALID_TARGET_HANDLE 114U
#define WSAEBADF 10009U
#define WSAEWOULDBLOCK 10035U
#define ERROR_NO_PROC_SLOTS 89U
#define WSATRY_AGAIN 11002U
#define ERROR_NOT_ENOUGH_MEMORY 8U
#define ERROR_OUTOFMEMORY 14U
#define ERROR_NOT_ENOUGH_QUOTA 1816U
#define ERROR_NO_SYSTEM_RESOURCES 1450U
#define ERROR_COMMITMENT_LIMIT 1455U
#define ERROR_ACCESS_DENIED 5U
#define ERROR_CANT_ACCESS_FILE 1920U
#define ERROR_DELETE_PENDING 303U
#define ERROR_NETWORK_ACCESS_DENIED 65U
#define WSAEACCES 10013U
#define ERROR_NOACCESS 998U
#define WSAEFAULT 10014U
#define ERROR_SHARING_VIOLATION 32U
#define ERROR_LOCK_VIOLATION 33U
#define ERROR_PIPE_BUSY 231U
#define ERROR_BUSY 170U
#define ERROR_FILE_EXISTS 80U
#define ERROR_ALREADY_EXISTS 183U
#define ERROR_NOT_SAME_DEVICE 17U
#define ERROR_BAD_UNIT 20U
#define ERROR_NOT_READY 21U
#define ERROR_DEV_NOT_EXIST 55U
#define ERROR_DIRECTORY 267U
#define ERROR_INVALID_PARAMETER 87U
#define ERROR_INVALID_FUNCTION 1U
#define ERROR_INVALID_ACCESS 12U
#define ERROR_INVALID_DATA 13U
#define ERROR_INVALID_FLAGS 1004U
#define ERROR_INSUFFICIENT_BUFFER 122U
#define ERROR_NEGATIVE_SEEK 131U
#define WSAEINVAL 10022U
#define ERROR_TOO_MANY_OPEN_FILES 4U
#define WSAEMFILE 10024U
#define ERROR_FILE_TOO_LARGE 223U
#define ERROR_DISK_FULL 112U
#define ERROR_HANDLE_DISK_FULL 39U
#define ERROR_CANNOT_MAKE 82U
#define ERROR_SEEK_ON_DEVICE 132U
#define ERROR_WRITE_PROTECT 19U
#define ERROR_BROKEN_PIPE 109U
#define ERROR_NO_DATA 232U
#define ERROR_BAD_PIPE 230U
#define ERROR_PIPE_NOT_CONNECTED 233U
#define WSAESHUTDOWN 10058U
#define ERROR_POSSIBLE_DEADLOCK 1131U
#define ERROR_FILENAME_EXCED_RANGE 206U
#define ERROR_BUFFER_OVERFLOW 111U
#define WSAENAMETOOLONG 10063U
#define ERROR_SHARING_BUFFER_EXCEEDED 36U
#define ERROR_CALL_NOT_IMPLEMENTED 120U
#define ERROR_DIR_NOT_EMPTY 145U
#define WSAENOTEMPTY 10066U
#define ERROR_NO_UNICODE_TRANSLATION 1113U
#define WSAEADDRINUSE 10048U
#define ERROR_ADDRESS_ALREADY_ASSOCIATED 1227U
#define WSAEADDRNOTAVAIL 10049U
#define WSAEAFNOSUPPORT 10047U
#define WSAEPFNOSUPPORT 10046U
#define WSAEALREADY 10037U
#define WSAECONNABORTED 10053U
#define ERROR_CONNECTION_ABORTED 1236U
#define WSAECONNREFUSED 10061U
#define ERROR_CONNECTION_REFUSED 1225U
#define WSAECONNRESET 10054U
#define ERROR_NETNAME_DELETED 64U
#define WSAEDESTADDRREQ 10039U
#define WSAEHOSTUNREACH 10065U
#define WSAEHOSTDOWN 10064U
#define ERROR_HOST_UNREACHABLE 1232U
#define WSAEINPROGRESS 10036U
#define WSAEISCONN 10056U
#define WSAELOOP 10062U
#define ERROR_CANT_RESOLVE_FILENAME 1921U
#define WSAEMSGSIZE 10040U
#define WSAENETDOWN 10050U
#define WSASYSNOTREADY 10091U
#define WSANOTINITIALISED 10093U
#define WSAENETRESET 10052U
#define WSAENETUNREACH 10051U
#define ERROR_NETWORK_UNREACHABLE 1231U
#define WSAENOBUFS 10055U
#define WSAENOPROTOOPT 10042U
#define WSAENOTCONN 10057U
#define ERROR_NOT_CONNECTED 2250U
#define WSAENOTSOCK 10038U
#define WSAEOPNOTSUPP 10045U
#define ERROR_NOT_SUPPORTED 50U
#define WSAEPROTONOSUPPORT 10043U
#define WSAESOCKTNOSUPPORT 10044U
#define WSAEPROTOTYPE 10041U
#define WSAETIMEDOUT 10060U
#define ERROR_SEM_TIMEOUT 121U
#define WAIT_TIMEOUT 258U
#define WSAECANCELLED 10103U
#define ERROR_CANCELLED 1223U

/* ---- the calls ------------------------------------------------------------------ */

/* GetLastError (errhandlingapi.h): the calling thread's last-error code. */
/*@
  assigns \nothing;
  ensures result: \result == iosafe_win32_last_error;
*/
DWORD GetLastError(void);

/* SetLastError (errhandlingapi.h): sets it. */
/*@
  assigns iosafe_win32_last_error;
  ensures set: iosafe_win32_last_error == code;
*/
void SetLastError(DWORD code);

/* GetCurrentProcess (processthreadsapi.h): the pseudo-handle (HANDLE)-1. */
/*@
  assigns \nothing;
  ensures pseudo: \result == IOSAFE_HANDLE_PSEUDO;
*/
HANDLE GetCurrentProcess(void);

/*
 * CloseHandle (handleapi.h).  On success the handle is closed.  On failure
 * nothing is promised but the last error; a handle can refuse to close
 * (HANDLE_FLAG_PROTECT_FROM_CLOSE), so a failure leaves the table as it
 * was.  Closing the pseudo-handle "has no effect" (GetCurrentProcess).
 * iosafe closes only what it owns: the value must be an owned handle or
 * the pseudo-handle (a stale value is a double close: the precondition
 * fails).
 */
/*@
  requires owner: iosafe_handle_is_owned(h) || iosafe_handle_is_pseudo(h);
  assigns iosafe_handle_state[h], iosafe_win32_last_error;
  behavior pseudo:
    assumes iosafe_handle_is_pseudo(h);
    assigns iosafe_win32_last_error;
    ensures table_same: iosafe_handle_table_same{Pre, Post};
  behavior owned:
    assumes iosafe_handle_in_range(h);
    ensures closed: \result != 0 ==> iosafe_handle_released{Pre, Post}(h);
    ensures kept: \result == 0 ==> iosafe_handle_table_same{Pre, Post};
  complete behaviors;
  disjoint behaviors;
*/
BOOL CloseHandle(HANDLE h);

/*
 * DuplicateHandle (handleapi.h), as iosafe calls it: within this process
 * (both process handles the pseudo-handle), same access.  On success
 * *target is a new handle, inheritable exactly when @inherit is not FALSE;
 * on failure the table is unchanged.
 */
/*@
  requires this_process: iosafe_handle_is_pseudo(src_process) &&
    iosafe_handle_is_pseudo(target_process);
  requires source: iosafe_handle_borrow_ok(src) && src != 0;
  requires valid_target: \valid(target);
  requires separated: \separated(target, &iosafe_win32_last_error);
  assigns *target, iosafe_win32_last_error, IOSAFE_HANDLE_TABLE;
  ensures acquired: \result != 0 ==> iosafe_handle_acquired{Pre, Post}(*target);
  ensures inherit: \result != 0 ==>
    (iosafe_handle_is_inheritable(*target) <==> inherit != 0);
  ensures failed: \result == 0 ==> iosafe_handle_table_same{Pre, Post};
*/
BOOL DuplicateHandle(HANDLE src_process, HANDLE src, HANDLE target_process, HANDLE *target,
		     DWORD access, BOOL inherit, DWORD options);

/*
 * SetHandleInformation (handleapi.h): on success, the flags in @mask take
 * their values from @flags; the table's states do not change.  Stated for
 * the one form iosafe uses (mask HANDLE_FLAG_INHERIT, flags 0 or
 * HANDLE_FLAG_INHERIT); nothing is promised about other forms.
 */
/*@
  requires handle: iosafe_handle_borrow_ok(h) && h != 0;
  assigns iosafe_win32_last_error, iosafe_handle_inherit[0 .. IOSAFE_HANDLE_BOUND - 1];
  ensures table_same: iosafe_handle_table_same{Pre, Post};
  ensures inherit: \result != 0 && iosafe_handle_in_range(h) &&
    mask == HANDLE_FLAG_INHERIT && (flags == 0 || flags == HANDLE_FLAG_INHERIT) ==>
    (iosafe_handle_is_inheritable(h) <==> flags != 0);
*/
BOOL SetHandleInformation(HANDLE h, DWORD mask, DWORD flags);

#endif /* IOSAFE_WIN32_H */
