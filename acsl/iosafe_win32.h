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
typedef struct _SECURITY_ATTRIBUTES {
	DWORD nLength;
	void *lpSecurityDescriptor;
	BOOL bInheritHandle;
} SECURITY_ATTRIBUTES;
typedef long long intptr_t;
/* Its contents are not modelled: only its size (checked). */
typedef struct _WSAPROTOCOL_INFOW {
	unsigned char opaque[628];
} WSAPROTOCOL_INFOW;
typedef unsigned int GROUP;
/* The signed count of <sys/types.h> (mingw-w64: __int64 on Win64). */
typedef long ssize_t;
/* Its contents are not modelled: iosafe passes NULL (synchronous I/O). */
typedef struct _OVERLAPPED OVERLAPPED;

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
#define HANDLE_FLAG_INHERIT 1
#define DUPLICATE_SAME_ACCESS 2
#define STD_INPUT_HANDLE 4294967286U
#define STD_OUTPUT_HANDLE 4294967285U
#define STD_ERROR_HANDLE 4294967284U
#define _O_NOINHERIT 128
#define WSA_FLAG_OVERLAPPED 1
#define WSA_FLAG_NO_HANDLE_INHERIT 128
#define FROM_PROTOCOL_INFO (-1)
#define SOCKET_ERROR (-1)

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

/* ---- Win32 and Winsock error codes (winerror.h, winsock2.h) ---------------------
 * Signed, as in mingw-w64 (ERROR_* are 32-bit longs there, WSAE* ints): a
 * comparison with WSAGetLastError()'s int must not become unsigned. */
#define ERROR_PRIVILEGE_NOT_HELD 1314
#define ERROR_FILE_NOT_FOUND 2
#define ERROR_PATH_NOT_FOUND 3
#define ERROR_INVALID_DRIVE 15
#define ERROR_BAD_NETPATH 53
#define ERROR_BAD_PATHNAME 161
#define ERROR_INVALID_NAME 123
#define ERROR_MOD_NOT_FOUND 126
#define ERROR_ENVVAR_NOT_FOUND 203
#define WSAHOST_NOT_FOUND 11001
#define ERROR_PROC_NOT_FOUND 127
#define WSAEINTR 10004
#define ERROR_OPERATION_ABORTED 995
#define ERROR_GEN_FAILURE 31
#define ERROR_IO_DEVICE 1117
#define ERROR_CRC 23
#define ERROR_OPEN_FAILED 110
#define ERROR_DISK_CORRUPT 1393
#define ERROR_META_EXPANSION_TOO_LONG 208
#define ERROR_INVALID_HANDLE 6
#define ERROR_INVALID_TARGET_HANDLE 114
#define WSAEBADF 10009
#define WSAEWOULDBLOCK 10035
#define ERROR_NO_PROC_SLOTS 89
#define WSATRY_AGAIN 11002
#define ERROR_NOT_ENOUGH_MEMORY 8
#define ERROR_OUTOFMEMORY 14
#define ERROR_NOT_ENOUGH_QUOTA 1816
#define ERROR_NO_SYSTEM_RESOURCES 1450
#define ERROR_COMMITMENT_LIMIT 1455
#define ERROR_ACCESS_DENIED 5
#define ERROR_CANT_ACCESS_FILE 1920
#define ERROR_DELETE_PENDING 303
#define ERROR_NETWORK_ACCESS_DENIED 65
#define WSAEACCES 10013
#define ERROR_NOACCESS 998
#define WSAEFAULT 10014
#define ERROR_SHARING_VIOLATION 32
#define ERROR_LOCK_VIOLATION 33
#define ERROR_PIPE_BUSY 231
#define ERROR_BUSY 170
#define ERROR_FILE_EXISTS 80
#define ERROR_ALREADY_EXISTS 183
#define ERROR_NOT_SAME_DEVICE 17
#define ERROR_BAD_UNIT 20
#define ERROR_NOT_READY 21
#define ERROR_DEV_NOT_EXIST 55
#define ERROR_DIRECTORY 267
#define ERROR_INVALID_PARAMETER 87
#define ERROR_INVALID_FUNCTION 1
#define ERROR_INVALID_ACCESS 12
#define ERROR_INVALID_DATA 13
#define ERROR_INVALID_FLAGS 1004
#define ERROR_INSUFFICIENT_BUFFER 122
#define ERROR_NEGATIVE_SEEK 131
#define WSAEINVAL 10022
#define ERROR_TOO_MANY_OPEN_FILES 4
#define WSAEMFILE 10024
#define ERROR_FILE_TOO_LARGE 223
#define ERROR_DISK_FULL 112
#define ERROR_HANDLE_DISK_FULL 39
#define ERROR_CANNOT_MAKE 82
#define ERROR_SEEK_ON_DEVICE 132
#define ERROR_WRITE_PROTECT 19
#define ERROR_BROKEN_PIPE 109
#define ERROR_NO_DATA 232
#define ERROR_BAD_PIPE 230
#define ERROR_PIPE_NOT_CONNECTED 233
#define WSAESHUTDOWN 10058
#define ERROR_POSSIBLE_DEADLOCK 1131
#define ERROR_FILENAME_EXCED_RANGE 206
#define ERROR_BUFFER_OVERFLOW 111
#define WSAENAMETOOLONG 10063
#define ERROR_SHARING_BUFFER_EXCEEDED 36
#define ERROR_CALL_NOT_IMPLEMENTED 120
#define ERROR_DIR_NOT_EMPTY 145
#define WSAENOTEMPTY 10066
#define ERROR_NO_UNICODE_TRANSLATION 1113
#define WSAEADDRINUSE 10048
#define ERROR_ADDRESS_ALREADY_ASSOCIATED 1227
#define WSAEADDRNOTAVAIL 10049
#define WSAEAFNOSUPPORT 10047
#define WSAEPFNOSUPPORT 10046
#define WSAEALREADY 10037
#define WSAECONNABORTED 10053
#define ERROR_CONNECTION_ABORTED 1236
#define WSAECONNREFUSED 10061
#define ERROR_CONNECTION_REFUSED 1225
#define WSAECONNRESET 10054
#define ERROR_NETNAME_DELETED 64
#define WSAEDESTADDRREQ 10039
#define WSAEHOSTUNREACH 10065
#define WSAEHOSTDOWN 10064
#define ERROR_HOST_UNREACHABLE 1232
#define WSAEINPROGRESS 10036
#define WSAEISCONN 10056
#define WSAELOOP 10062
#define ERROR_CANT_RESOLVE_FILENAME 1921
#define WSAEMSGSIZE 10040
#define WSAENETDOWN 10050
#define WSASYSNOTREADY 10091
#define WSANOTINITIALISED 10093
#define WSAENETRESET 10052
#define WSAENETUNREACH 10051
#define ERROR_NETWORK_UNREACHABLE 1231
#define WSAENOBUFS 10055
#define WSAENOPROTOOPT 10042
#define WSAENOTCONN 10057
#define ERROR_NOT_CONNECTED 2250
#define WSAENOTSOCK 10038
#define WSAEOPNOTSUPP 10045
#define ERROR_NOT_SUPPORTED 50
#define WSAEPROTONOSUPPORT 10043
#define WSAESOCKTNOSUPPORT 10044
#define WSAEPROTOTYPE 10041
#define WSAETIMEDOUT 10060
#define ERROR_SEM_TIMEOUT 121
#define WAIT_TIMEOUT 258
#define WSAECANCELLED 10103
#define ERROR_CANCELLED 1223

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

/*
 * CreateFileW (fileapi.h): on success a new handle, inheritable exactly
 * when @sa asks for it; on failure INVALID_HANDLE_VALUE and the table
 * unchanged.  (The path's contents are not modelled.)
 */
/*@
  requires path: \valid_read(path);
  requires sa: sa == \null || \valid_read(sa);
  assigns iosafe_win32_last_error, IOSAFE_HANDLE_TABLE;
  ensures acquired: \result != INVALID_HANDLE_VALUE ==>
    iosafe_handle_acquired{Pre, Post}(\result) &&
    (iosafe_handle_is_inheritable(\result) <==>
      (sa != \null && \at(sa->bInheritHandle, Pre) != 0));
  ensures failed: \result == INVALID_HANDLE_VALUE ==> iosafe_handle_table_same{Pre, Post};
*/
HANDLE CreateFileW(const wchar_t *path, DWORD access, DWORD share, SECURITY_ATTRIBUTES *sa,
		   DWORD disposition, DWORD flags_and_attributes, HANDLE template_file);

/*
 * OpenProcess (processthreadsapi.h): on success a new handle, inheritable
 * exactly when @inherit is not FALSE; on failure NULL, table unchanged.
 */
/*@
  assigns iosafe_win32_last_error, IOSAFE_HANDLE_TABLE;
  ensures acquired: \result != 0 ==>
    iosafe_handle_acquired{Pre, Post}(\result) &&
    (iosafe_handle_is_inheritable(\result) <==> inherit != 0);
  ensures failed: \result == 0 ==> iosafe_handle_table_same{Pre, Post};
*/
HANDLE OpenProcess(DWORD access, BOOL inherit, DWORD pid);

/*
 * CreatePipe (namedpipeapi.h): on success two new handles; with no
 * SECURITY_ATTRIBUTES neither is inheritable ("If lpPipeAttributes is
 * NULL, the handle cannot be inherited").  On failure the table is
 * unchanged.
 */
/*@
  requires valid_ends: \valid(read_end) && \valid(write_end);
  requires separated: \separated(read_end, write_end, &iosafe_win32_last_error);
  requires sa: sa == \null || \valid_read(sa);
  assigns *read_end, *write_end, iosafe_win32_last_error, IOSAFE_HANDLE_TABLE;
  ensures acquired: \result != 0 ==>
    iosafe_handle_acquired2{Pre, Post}(*read_end, *write_end);
  ensures not_inheritable: \result != 0 && sa == \null ==>
    !iosafe_handle_is_inheritable(*read_end) && !iosafe_handle_is_inheritable(*write_end);
  ensures failed: \result == 0 ==> iosafe_handle_table_same{Pre, Post};
*/
BOOL CreatePipe(HANDLE *read_end, HANDLE *write_end, SECURITY_ATTRIBUTES *sa, DWORD size);

/*
 * GetStdHandle (processenv.h): the process's standard handle, NULL when it
 * has none, INVALID_HANDLE_VALUE on failure.  Nothing is promised about the
 * value (a program may have closed it, or set it with SetStdHandle).
 */
/*@
  assigns \nothing;
*/
HANDLE GetStdHandle(DWORD which);

/*
 * Sockets.  The base Winsock providers give sockets that are kernel handles
 * (Windows Sockets 2, "Socket Handles"; SetHandleInformation applies to
 * them, which is how Rust's std clears their inherit flag), so the model
 * keeps them in the one handle table.  A socket owner's none is
 * INVALID_SOCKET, which is the same value as the pseudo-handle: the socket
 * predicates say so.  WSAGetLastError and WSASetLastError read and set the
 * thread's last error, the variable GetLastError reads.
 */
/*@
  predicate iosafe_sock_owner_ok{L}(integer s) =
    s == INVALID_SOCKET || iosafe_handle_is_owned{L}(s);
  predicate iosafe_sock_borrow_ok{L}(integer s) =
    s == INVALID_SOCKET || iosafe_handle_is_open{L}(s);
*/

/*@
  assigns \nothing;
  ensures result: \result == (int)iosafe_win32_last_error;
*/
int WSAGetLastError(void);

/*@
  assigns iosafe_win32_last_error;
  ensures set: iosafe_win32_last_error == (DWORD)code;
*/
void WSASetLastError(int code);

/* GetCurrentProcessId (processthreadsapi.h). */
/*@ assigns \nothing; */
DWORD GetCurrentProcessId(void);

/*
 * closesocket (winsock2.h): 0 and the socket closed; on failure nothing is
 * promised about the socket but that it is closed or still open (a
 * non-blocking socket with SO_LINGER stays open on WSAEWOULDBLOCK).
 * iosafe closes only sockets it owns.
 */
/*@
  requires owned: iosafe_handle_is_owned(s);
  assigns iosafe_handle_state[s], iosafe_win32_last_error;
  ensures closed: \result == 0 ==> iosafe_handle_released{Pre, Post}(s);
  ensures failed: \result != 0 ==>
    iosafe_handle_released{Pre, Post}(s) || iosafe_handle_table_same{Pre, Post};
*/
int closesocket(SOCKET s);

/* WSADuplicateSocketW (winsock2.h): fills *info; no handle is made. */
/*@
  requires open: iosafe_handle_is_open(s);
  requires valid_info: \valid(info);
  requires separated: \separated(info, &iosafe_win32_last_error);
  assigns *info, iosafe_win32_last_error;
*/
int WSADuplicateSocketW(SOCKET s, DWORD pid, WSAPROTOCOL_INFOW *info);

/*
 * WSASocketW (winsock2.h): on success a new socket, not inheritable when
 * @flags has WSA_FLAG_NO_HANDLE_INHERIT (stated for the one value iosafe
 * passes); on failure INVALID_SOCKET, table unchanged.
 */
/*@
  requires info: info == \null || \valid_read(info);
  assigns iosafe_win32_last_error, IOSAFE_HANDLE_TABLE;
  ensures acquired: \result != INVALID_SOCKET ==> iosafe_handle_acquired{Pre, Post}(\result);
  ensures not_inheritable: \result != INVALID_SOCKET &&
    flags == (WSA_FLAG_OVERLAPPED | WSA_FLAG_NO_HANDLE_INHERIT) ==>
    !iosafe_handle_is_inheritable(\result);
  ensures failed: \result == INVALID_SOCKET ==> iosafe_handle_table_same{Pre, Post};
*/
SOCKET WSASocketW(int af, int type, int protocol, WSAPROTOCOL_INFOW *info, GROUP g, DWORD flags);

/*
 * accept (winsock2.h): on success a new socket (its inherit flag is not
 * promised); on failure INVALID_SOCKET, table unchanged.  @addr, @len: both
 * NULL, or a buffer of *len bytes, which accept writes at most.  The model
 * takes the buffer as one struct sockaddr and *len at most its size (16
 * bytes, an IPv4 sockaddr_in): WP's typed memory model cannot see a
 * sockaddr as bytes.  Larger buffers (sockaddr_in6) are outside the
 * contract, not wrong.
 */
/*@
  requires open: iosafe_handle_is_open(s);
  requires buffer: (addr == \null && len == \null) ||
    (\valid(len) && 0 <= *len <= sizeof(struct sockaddr) && \valid(addr) &&
     \separated(len, addr));
  assigns *len, *addr, iosafe_win32_last_error, IOSAFE_HANDLE_TABLE;
  ensures acquired: \result != INVALID_SOCKET ==> iosafe_handle_acquired{Pre, Post}(\result);
  ensures failed: \result == INVALID_SOCKET ==> iosafe_handle_table_same{Pre, Post};
*/
SOCKET accept(SOCKET s, struct sockaddr *addr, int *len);

/*
 * Reading and writing, synchronously (lpOverlapped NULL): no handle is made
 * or closed.  ReadFile (fileapi.h): "lpNumberOfBytesRead: a pointer to the
 * variable that receives the number of bytes read"; it writes at most
 * nNumberOfBytesToRead bytes of the buffer, on success or failure; on
 * success the count is at most the size asked.  WriteFile: the same, the
 * buffer only read.  Nothing is promised about the error code (any
 * GetLastError() value), nor that a failing call wrote no byte.
 */
/*@
  requires open: iosafe_handle_borrow_ok(h);
  requires valid_buf: \valid((char *)buf + (0 .. count - 1));
  requires valid_count: \valid(done);
  requires separated: \separated(done, (char *)buf + (0 .. count - 1), &iosafe_win32_last_error);
  requires sync: overlapped == \null;
  assigns ((char *)buf)[0 .. count - 1], *done, iosafe_win32_last_error;
  ensures count: \result != 0 ==> *done <= count;
*/
BOOL ReadFile(HANDLE h, void *buf, DWORD count, DWORD *done, OVERLAPPED *overlapped);

/*@
  requires open: iosafe_handle_borrow_ok(h);
  requires valid_buf: \valid_read((char *)buf + (0 .. count - 1));
  requires valid_count: \valid(done);
  requires separated: \separated(done, &iosafe_win32_last_error);
  requires sync: overlapped == \null;
  assigns *done, iosafe_win32_last_error;
  ensures count: \result != 0 ==> *done <= count;
*/
BOOL WriteFile(HANDLE h, const void *buf, DWORD count, DWORD *done, OVERLAPPED *overlapped);

/*
 * send, recv (winsock2.h): the count sent or received, at most @len (recv:
 * 0 when the peer shut down), or SOCKET_ERROR with the code in
 * WSAGetLastError().  recv writes at most @len bytes of @buf.  No socket is
 * made or closed.
 */
/*@
  requires open: iosafe_sock_borrow_ok(s);
  requires len: len >= 0;
  requires valid_buf: \valid_read(buf + (0 .. len - 1));
  assigns iosafe_win32_last_error;
  ensures result: \result == SOCKET_ERROR || 0 <= \result <= len;
*/
int send(SOCKET s, const char *buf, int len, int flags);

/*@
  requires open: iosafe_sock_borrow_ok(s);
  requires len: len >= 0;
  requires valid_buf: \valid(buf + (0 .. len - 1));
  requires separated: \separated(buf + (0 .. len - 1), &iosafe_win32_last_error);
  assigns buf[0 .. len - 1], iosafe_win32_last_error;
  ensures result: \result == SOCKET_ERROR || 0 <= \result <= len;
*/
int recv(SOCKET s, char *buf, int len, int flags);

#endif /* IOSAFE_WIN32_H */
