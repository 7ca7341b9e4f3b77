/* SPDX-License-Identifier: MIT */
/*
 * iosafe/win.h: owned and borrowed Windows handles and sockets.
 *
 * Windows only: under any other target this header declares nothing (so
 * that it can be included, and checked, anywhere).  iosafe.h includes it
 * when _WIN32 is defined.  The library half is built from src/win/ with
 * mingw-w64 (src/win/win.mk); its tests run under wine (tests/win/).
 *
 * The model is Rust's std::os::windows::io and the io-lifetimes crate:
 *
 *   iosafe_owned_handle     a HANDLE this object must close (CloseHandle),
 *                           exactly once; or none.
 *   iosafe_borrowed_handle  a HANDLE used for a while, never closed through
 *                           it; valid only while its owner keeps it open.
 *   iosafe_owned_socket     a SOCKET this object must close (closesocket);
 *   iosafe_borrowed_socket  or none; and its borrow.
 *   iosafe_handle_or_invalid  what CreateFileW and its kin return: a HANDLE
 *                           or INVALID_HANDLE_VALUE on failure;
 *   iosafe_handle_or_null   what OpenProcess and most other calls return: a
 *                           HANDLE or NULL on failure.  Neither can become an
 *                           owner except through its checked conversion
 *                           (iosafe_handle_from_invalid, _from_null), so the
 *                           two sentinels cannot be mistaken for each other.
 *
 * Each is a struct holding the one value it wraps (sizes checked below), so
 * the compiler rejects one where another is expected and each compiles to
 * the bare value.
 *
 * "None": a handle owner or borrow is none when it holds NULL
 * (IOSAFE_HANDLE_NONE).  INVALID_HANDLE_VALUE, (HANDLE)-1, is NOT none: it
 * is also the pseudo-handle of the current process (GetCurrentProcess()), a
 * valid value, as std::os::windows::io::OwnedHandle documents.  A socket
 * owner is none when it holds INVALID_SOCKET (IOSAFE_SOCK_NONE).
 *
 * Inheritance: every handle and socket these functions create is not
 * inheritable (bInheritHandle FALSE, WSA_FLAG_NO_HANDLE_INHERIT, the inherit
 * flag cleared), as Rust's std does: a child process gets a handle only
 * through iosafe_handle_set_inheritable, on purpose.
 *
 * Errors: functions that can fail return 0 on success and a negative errno
 * value on failure (never -1, never a raw Win32 code).  The Win32 or WSA
 * code is translated by the one table in src/win/error.c, which
 * iosafe_win_error_to_errno exposes and documents; GetLastError() and
 * WSAGetLastError() are left as the failing call set them, so a caller who
 * needs the exact code still reads it.  Errors found by iosafe itself
 * before any call (a NULL out-parameter: -EINVAL; a none borrow: -EBADF)
 * leave GetLastError() untouched.
 *
 * Winsock: the iosafe_sock_* functions need WSAStartup to have been called
 * by the program (as every Winsock call does); before it they fail with
 * -ENETDOWN (WSANOTINITIALISED).
 *
 * Length: this header holds the whole Windows family (types, core,
 * acquisitions, the C runtime bridge) so that one include gives what fd.h,
 * auto.h and io.h give on POSIX; it is longer than 600 lines for that
 * reason, and its sections follow the order of fd.h and io.h.
 */
#ifndef IOSAFE_WIN_H
#define IOSAFE_WIN_H

#ifdef _WIN32

#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

/* winsock2.h before windows.h: windows.h alone pulls in the old winsock.h. */
#include <winsock2.h>
#include <windows.h>

#include "annotations.h"
#include "fd.h"

#ifdef __FRAMAC__
#  include "iosafe_win_acsl.h"
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* ---- types ---------------------------------------------------------------- */

/** The raw value of "no handle". */
#define IOSAFE_RAW_HANDLE_NONE ((HANDLE)NULL)

/** A HANDLE this object owns and must close, or none (NULL). */
typedef struct iosafe_owned_handle {
	HANDLE raw; /**< the handle, or NULL for none */
} iosafe_owned_handle;

/** A HANDLE borrowed from its owner for a while; never closed through it. */
typedef struct iosafe_borrowed_handle {
	HANDLE raw; /**< the handle, or NULL for none */
} iosafe_borrowed_handle;

/** A SOCKET this object owns and must close, or none (INVALID_SOCKET). */
typedef struct iosafe_owned_socket {
	SOCKET raw; /**< the socket, or INVALID_SOCKET for none */
} iosafe_owned_socket;

/** A SOCKET borrowed from its owner for a while; never closed through it. */
typedef struct iosafe_borrowed_socket {
	SOCKET raw; /**< the socket, or INVALID_SOCKET for none */
} iosafe_borrowed_socket;

/**
 * iosafe_handle_or_invalid: the return value of a call that fails with
 * INVALID_HANDLE_VALUE (CreateFileW, CreateFileA, CreateNamedPipeW,
 * CreateMailslotW, FindFirstFileW's is its own type).  Store the call's
 * result in it, `iosafe_handle_or_invalid r = { CreateFileW(...) };`, or
 * declare your own import as returning it (one pointer, returned in RAX
 * like a HANDLE); then iosafe_handle_from_invalid is the only way to an
 * owner.  Follows: std::os::windows::io::HandleOrInvalid.
 */
typedef struct iosafe_handle_or_invalid {
	HANDLE raw; /**< a handle, or INVALID_HANDLE_VALUE for failure */
} iosafe_handle_or_invalid;

/**
 * iosafe_handle_or_null: the return value of a call that fails with NULL
 * (OpenProcess, OpenThread, CreateEventW, CreateMutexW,
 * CreateFileMappingW, CreateThread, ...); INVALID_HANDLE_VALUE is a valid
 * value there (the current-process pseudo-handle).  Converted by
 * iosafe_handle_from_null.  Follows: std::os::windows::io::HandleOrNull.
 */
typedef struct iosafe_handle_or_null {
	HANDLE raw; /**< a handle, or NULL for failure */
} iosafe_handle_or_null;

/* Each wrapper has the size of what it wraps (C11 _Static_assert; C99 and
 * C++98 a negative array size). */
#if defined(__cplusplus) && __cplusplus >= 201103L
#  define IOSAFE_WIN_SIZE_CHECK(name, t, raw) static_assert(sizeof(t) == sizeof(raw), #t " is a " #raw)
#elif defined(__STDC_VERSION__) && __STDC_VERSION__ >= 201112L
#  define IOSAFE_WIN_SIZE_CHECK(name, t, raw) _Static_assert(sizeof(t) == sizeof(raw), #t " is a " #raw)
#else
#  define IOSAFE_WIN_SIZE_CHECK(name, t, raw) \
	typedef char iosafe_win_size_check_##name[sizeof(t) == sizeof(raw) ? 1 : -1]
#endif
IOSAFE_WIN_SIZE_CHECK(owned_handle, iosafe_owned_handle, HANDLE);
IOSAFE_WIN_SIZE_CHECK(borrowed_handle, iosafe_borrowed_handle, HANDLE);
IOSAFE_WIN_SIZE_CHECK(owned_socket, iosafe_owned_socket, SOCKET);
IOSAFE_WIN_SIZE_CHECK(borrowed_socket, iosafe_borrowed_socket, SOCKET);
IOSAFE_WIN_SIZE_CHECK(handle_or_invalid, iosafe_handle_or_invalid, HANDLE);
IOSAFE_WIN_SIZE_CHECK(handle_or_null, iosafe_handle_or_null, HANDLE);

/**
 * IOSAFE_HANDLE_NONE, IOSAFE_SOCK_NONE: owners that hold nothing, to
 * initialise (`iosafe_owned_handle h = IOSAFE_HANDLE_NONE;`) and as
 * expressions.
 */
#ifdef __cplusplus
#  define IOSAFE_HANDLE_NONE (iosafe_owned_handle{IOSAFE_RAW_HANDLE_NONE})
#  define IOSAFE_SOCK_NONE (iosafe_owned_socket{INVALID_SOCKET})
#else
#  define IOSAFE_HANDLE_NONE ((iosafe_owned_handle){IOSAFE_RAW_HANDLE_NONE})
#  define IOSAFE_SOCK_NONE ((iosafe_owned_socket){INVALID_SOCKET})
#endif

/* ---- errors ------------------------------------------------------------------ */

/**
 * iosafe_win_error_to_errno: the negative errno for a Win32 error code
 * (GetLastError()) or a Winsock code (WSAGetLastError()).
 * @code: the code; neither read nor changed in the thread's last error.
 * Returns: a negative errno value, by the table in src/win/error.c (for
 *   instance ERROR_FILE_NOT_FOUND and ERROR_PATH_NOT_FOUND: -ENOENT,
 *   ERROR_ACCESS_DENIED: -EACCES, ERROR_INVALID_HANDLE: -EBADF,
 *   WSAENOTSOCK: -ENOTSOCK (iosafe_sock_close and _try_clone report it as
 *   -EBADF: not an open socket), ERROR_INVALID_PARAMETER: -EINVAL,
 *   WSAECONNREFUSED: -ECONNREFUSED); -EIO for a code the table does not
 *   list, and for 0 (a call that failed without setting a code).
 * Follows: the errno names of mingw-w64's <errno.h> (POSIX values 1..42,
 *   the socket ones 100..140); the facts of libuv's uv_translate_sys_error.
 */
/*@
  assigns \nothing;
  ensures result: iosafe_neg_errno(\result);
*/
int iosafe_win_error_to_errno(unsigned long code);

/* ---- handle core ---------------------------------------------------------- */

/**
 * iosafe_handle_from_raw: adopt a raw handle.
 * @raw: a handle the caller owns and gives up, or NULL.  Not a sentinel
 *   check: INVALID_HANDLE_VALUE is adopted as the pseudo-handle it is; use
 *   iosafe_handle_from_invalid for a CreateFileW result.
 * Returns: an owned handle holding @raw (none when @raw is NULL).
 * Follows: Rust's FromRawHandle::from_raw_handle.
 */
/*@
  requires adopt_owned: iosafe_handle_owner_ok(raw);
  assigns \nothing;
  ensures result_raw: \result.raw == raw;
  ensures owner_ok: iosafe_handle_owner_ok(\result.raw);
  ensures table_same: iosafe_handle_table_same{Pre, Post};
*/
static inline iosafe_owned_handle iosafe_handle_from_raw(HANDLE raw IOSAFE_RELEASES) IOSAFE_ACQUIRES;
static inline iosafe_owned_handle iosafe_handle_from_raw(HANDLE raw)
{
	iosafe_owned_handle h;
	h.raw = raw;
	return h;
}

/**
 * iosafe_handle_into_raw: give up ownership.
 * @h: owned handle (not NULL); none afterwards.
 * Returns: the handle @h held, which the caller now owns and must close;
 *   NULL when @h was none.
 * Follows: Rust's IntoRawHandle::into_raw_handle.
 */
/*@
  requires valid_h: \valid(h);
  requires owner_ok: iosafe_handle_owner_ok(h->raw);
  assigns h->raw;
  ensures h_none: h->raw == IOSAFE_RAW_HANDLE_NONE;
  ensures result_raw: \result == \old(h->raw);
  ensures result_owner_ok: iosafe_handle_owner_ok(\result);
  ensures table_same: iosafe_handle_table_same{Pre, Post};
*/
static inline HANDLE iosafe_handle_into_raw(iosafe_owned_handle *h IOSAFE_RELEASES) IOSAFE_ACQUIRES;
static inline HANDLE iosafe_handle_into_raw(iosafe_owned_handle *h)
{
	HANDLE raw = h->raw;

	h->raw = IOSAFE_RAW_HANDLE_NONE;
	return raw;
}

/**
 * iosafe_handle_borrow: borrow an owned handle.
 * @h: owned handle (not NULL), unchanged; it must outlive the borrow.
 * Returns: a borrow of the same handle (none when @h is none).
 * Follows: Rust's AsHandle::as_handle.
 */
/*@
  requires valid_h: \valid_read(h);
  requires owner_ok: iosafe_handle_owner_ok(h->raw);
  assigns \nothing;
  ensures result_raw: \result.raw == h->raw;
  ensures borrow_ok: iosafe_handle_borrow_ok(\result.raw);
  ensures table_same: iosafe_handle_table_same{Pre, Post};
*/
static inline iosafe_borrowed_handle
iosafe_handle_borrow(const iosafe_owned_handle *h IOSAFE_RETURNS_BORROW);
static inline iosafe_borrowed_handle iosafe_handle_borrow(const iosafe_owned_handle *h)
{
	iosafe_borrowed_handle b;
	b.raw = h->raw;
	return b;
}

/**
 * iosafe_handle_borrow_raw: borrow a raw handle owned elsewhere.
 * @raw: a handle that stays open while the result is in use, NULL, or a
 *   pseudo-handle (GetCurrentProcess(), GetCurrentThread()).
 * Returns: a borrow of @raw (none when NULL).
 * Follows: Rust's BorrowedHandle::borrow_raw.
 */
/*@
  requires borrow_ok: iosafe_handle_borrow_ok(raw);
  assigns \nothing;
  ensures result_raw: \result.raw == raw;
  ensures result_borrow_ok: iosafe_handle_borrow_ok(\result.raw);
*/
static inline iosafe_borrowed_handle iosafe_handle_borrow_raw(HANDLE raw IOSAFE_RETURNS_BORROW);
static inline iosafe_borrowed_handle iosafe_handle_borrow_raw(HANDLE raw)
{
	iosafe_borrowed_handle b;
	b.raw = raw;
	return b;
}

/**
 * iosafe_handle_raw: the HANDLE behind a borrow, for Win32 calls.
 * @b: a borrow.  The value is borrowed too: never close it.
 * Returns: the handle, or NULL for none.
 * Follows: Rust's AsRawHandle::as_raw_handle.
 */
/*@
  assigns \nothing;
  ensures result_raw: \result == b.raw;
*/
static inline HANDLE iosafe_handle_raw(iosafe_borrowed_handle b IOSAFE_RETURNS_BORROW);
static inline HANDLE iosafe_handle_raw(iosafe_borrowed_handle b)
{
	return b.raw;
}

/**
 * iosafe_handle_take: move ownership out of @h.
 * @h: owned handle (not NULL); none afterwards.
 * Returns: an owned handle holding what @h held.
 * Follows: Rust's Option::take.
 */
/*@
  requires valid_h: \valid(h);
  requires owner_ok: iosafe_handle_owner_ok(h->raw);
  assigns h->raw;
  ensures h_none: h->raw == IOSAFE_RAW_HANDLE_NONE;
  ensures result_raw: \result.raw == \old(h->raw);
  ensures result_owner_ok: iosafe_handle_owner_ok(\result.raw);
  ensures table_same: iosafe_handle_table_same{Pre, Post};
*/
static inline iosafe_owned_handle iosafe_handle_take(iosafe_owned_handle *h IOSAFE_RELEASES) IOSAFE_ACQUIRES;
static inline iosafe_owned_handle iosafe_handle_take(iosafe_owned_handle *h)
{
	iosafe_owned_handle moved;

	moved.raw = h->raw;
	h->raw = IOSAFE_RAW_HANDLE_NONE;
	return moved;
}

/**
 * iosafe_handle_is_none: whether @h holds no handle.
 * @h: owned handle (not NULL), unchanged.
 * Returns: true when @h->raw is NULL (INVALID_HANDLE_VALUE is a handle).
 */
/*@
  requires valid_h: \valid_read(h);
  assigns \nothing;
  behavior none:
    assumes h->raw == IOSAFE_RAW_HANDLE_NONE;
    ensures result_true: \result == 1;
  behavior some:
    assumes h->raw != IOSAFE_RAW_HANDLE_NONE;
    ensures result_false: \result == 0;
  complete behaviors;
  disjoint behaviors;
*/
static inline bool iosafe_handle_is_none(const iosafe_owned_handle *h IOSAFE_USES);
static inline bool iosafe_handle_is_none(const iosafe_owned_handle *h)
{
	return h->raw == IOSAFE_RAW_HANDLE_NONE;
}

/**
 * iosafe_handle_close: close an owned handle and report the error.
 * @h: owned handle (not NULL); none afterwards, in every case (a handle
 *   CloseHandle refused is not retried: it was not this owner's to close).
 * Returns: 0 when the handle was closed, or @h was none; -EBADF when
 *   CloseHandle failed with ERROR_INVALID_HANDLE (not an open handle: a
 *   double close or the close of a borrowed value elsewhere); another
 *   negative errno from the table for any other code.  GetLastError() is
 *   CloseHandle's on failure.
 * Follows: CloseHandle (handleapi.h); Rust's impl Drop for OwnedHandle, but
 *   reporting the error instead of ignoring it.
 */
/*@
  requires valid_h: \valid(h);
  requires separated: \separated(h, &iosafe_win32_last_error);
  requires owner_ok: iosafe_handle_owner_ok(h->raw);
  assigns h->raw, iosafe_win32_last_error, iosafe_handle_state[h->raw];
  ensures h_none: h->raw == IOSAFE_RAW_HANDLE_NONE;
  behavior none:
    assumes h->raw == IOSAFE_RAW_HANDLE_NONE;
    assigns h->raw;
    ensures result_zero: \result == 0;
    ensures table_same: iosafe_handle_table_same{Pre, Post};
  behavior pseudo:
    assumes iosafe_handle_is_pseudo(h->raw);
    assigns h->raw, iosafe_win32_last_error;
    ensures result: \result == 0 || iosafe_neg_errno(\result);
    ensures table_same: iosafe_handle_table_same{Pre, Post};
  behavior release:
    assumes iosafe_handle_in_range(h->raw);
    ensures released: \result == 0 ==> iosafe_handle_released{Pre, Post}(\old(h->raw));
    ensures refused: \result != 0 ==>
      iosafe_neg_errno(\result) && iosafe_handle_table_same{Pre, Post};
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_handle_close(iosafe_owned_handle *h IOSAFE_RELEASES);

/**
 * iosafe_handle_drop: close an owned handle, ignoring errors.
 * @h: owned handle (not NULL); none afterwards; a no-op when none.
 * GetLastError(): preserved, so it can run on an error path before the
 *   error is read.
 * Follows: Rust's impl Drop for OwnedHandle.
 */
/*@
  requires valid_h: \valid(h);
  requires separated: \separated(h, &iosafe_win32_last_error);
  requires owner_ok: iosafe_handle_owner_ok(h->raw);
  assigns h->raw, iosafe_win32_last_error, iosafe_handle_state[h->raw];
  ensures h_none: h->raw == IOSAFE_RAW_HANDLE_NONE;
  ensures last_error_kept: iosafe_win32_last_error == \old(iosafe_win32_last_error);
  behavior not_in_table:
    assumes !iosafe_handle_in_range(h->raw);
    ensures table_same: iosafe_handle_table_same{Pre, Post};
  behavior release:
    assumes iosafe_handle_in_range(h->raw);
    ensures released_or_refused: iosafe_handle_released{Pre, Post}(\old(h->raw)) ||
      iosafe_handle_table_same{Pre, Post};
  complete behaviors;
  disjoint behaviors;
*/
void iosafe_handle_drop(iosafe_owned_handle *h IOSAFE_RELEASES);

/**
 * iosafe_handle_replace: drop what @dst holds, then move @src into it.
 * @dst: owned handle (not NULL); holds @src afterwards.
 * @src: owned handle, moved in.
 * When both hold the same handle (it had two owners) it is kept open.
 * GetLastError(): preserved.
 * Follows: Rust's `*dst = src`.
 */
/*@
  requires valid_dst: \valid(dst);
  requires separated: \separated(dst, &iosafe_win32_last_error);
  requires dst_owner_ok: iosafe_handle_owner_ok(dst->raw);
  requires src_owner_ok: iosafe_handle_owner_ok(src.raw);
  assigns dst->raw, iosafe_win32_last_error, iosafe_handle_state[dst->raw];
  ensures last_error_kept: iosafe_win32_last_error == \old(iosafe_win32_last_error);
  ensures dst_src: dst->raw == src.raw;
  behavior same:
    assumes src.raw != IOSAFE_RAW_HANDLE_NONE && src.raw == dst->raw;
    assigns \nothing;
    ensures table_same: iosafe_handle_table_same{Pre, Post};
  behavior dst_not_in_table:
    assumes !(src.raw != IOSAFE_RAW_HANDLE_NONE && src.raw == dst->raw) &&
      !iosafe_handle_in_range(dst->raw);
    ensures table_same: iosafe_handle_table_same{Pre, Post};
  behavior dst_released:
    assumes !(src.raw != IOSAFE_RAW_HANDLE_NONE && src.raw == dst->raw) &&
      iosafe_handle_in_range(dst->raw);
    ensures released_or_refused: iosafe_handle_released{Pre, Post}(\old(dst->raw)) ||
      iosafe_handle_table_same{Pre, Post};
  complete behaviors;
  disjoint behaviors;
*/
void iosafe_handle_replace(iosafe_owned_handle *dst IOSAFE_RELEASES,
			   iosafe_owned_handle src IOSAFE_RELEASES);

/**
 * iosafe_handle_try_clone: duplicate a handle, not inheritable, with the
 *   same access.
 * @out: (not NULL) receives the new handle, owned by the caller; none on
 *   failure.  Whatever *@out held is overwritten, not closed.
 * @b: a borrow, used during the call only.  A pseudo-handle
 *   (GetCurrentProcess()) gives a real handle to the same object.
 * Returns: 0; -EINVAL when @out is NULL; -EBADF when @b is none or not a
 *   handle (ERROR_INVALID_HANDLE); the table's errno for other codes
 *   (-ENOMEM, -EMFILE, -EACCES).
 * Follows: DuplicateHandle with bInheritHandle FALSE and
 *   DUPLICATE_SAME_ACCESS; Rust's BorrowedHandle::try_clone_to_owned.
 */
/*@
  requires borrow_ok: iosafe_handle_borrow_ok(b.raw);
  requires out_null_or_valid: out == \null || \valid(out);
  requires separated: \separated(out, &iosafe_win32_last_error);
  assigns out->raw, iosafe_win32_last_error, IOSAFE_HANDLE_TABLE;
  behavior null_out:
    assumes out == \null;
    assigns \nothing;
    ensures result_einval: \result == -EINVAL;
  behavior none:
    assumes out != \null && b.raw == IOSAFE_RAW_HANDLE_NONE;
    assigns out->raw;
    ensures out_none: out->raw == IOSAFE_RAW_HANDLE_NONE;
    ensures result_ebadf: \result == -EBADF;
  behavior dup:
    assumes out != \null && b.raw != IOSAFE_RAW_HANDLE_NONE;
    ensures result: \result == 0 || iosafe_neg_errno(\result);
    ensures acquired: \result == 0 ==>
      iosafe_handle_acquired{Pre, Post}(out->raw) &&
      !iosafe_handle_is_inheritable(out->raw);
    ensures failed: \result != 0 ==>
      out->raw == IOSAFE_RAW_HANDLE_NONE && iosafe_handle_table_same{Pre, Post};
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_handle_try_clone(iosafe_owned_handle *out IOSAFE_ACQUIRES,
			    iosafe_borrowed_handle b IOSAFE_USES);

/**
 * iosafe_handle_from_invalid: the checked conversion of a call's result
 *   whose failure value is INVALID_HANDLE_VALUE.
 * @out: (not NULL) receives the handle, owned by the caller; none on
 *   failure.
 * @h: the result, released into *@out.
 * Returns: 0; on INVALID_HANDLE_VALUE, the negative errno mapped from
 *   GetLastError() (read, not changed); -EBADF for NULL (no such call
 *   returns it: it is not a handle, and no code is read); -EINVAL when @out
 *   is NULL (then a real handle in @h is closed, so nothing leaks).
 * Follows: Rust's TryFrom<HandleOrInvalid> for OwnedHandle.
 */
/*@
  requires owner_ok: iosafe_handle_owner_ok(h.raw);
  requires out_null_or_valid: out == \null || \valid(out);
  requires separated: \separated(out, &iosafe_win32_last_error);
  assigns out->raw, iosafe_win32_last_error, iosafe_handle_state[h.raw];
  ensures last_error_kept: iosafe_win32_last_error == \old(iosafe_win32_last_error);
  behavior null_out:
    assumes out == \null;
    assigns iosafe_win32_last_error, iosafe_handle_state[h.raw];
    ensures result_einval: \result == -EINVAL;
    ensures closed: iosafe_handle_in_range(h.raw) ==>
      iosafe_handle_released{Pre, Post}(h.raw) || iosafe_handle_table_same{Pre, Post};
    ensures table_same: !iosafe_handle_in_range(h.raw) ==> iosafe_handle_table_same{Pre, Post};
  behavior sentinel:
    assumes out != \null && h.raw == INVALID_HANDLE_VALUE;
    assigns out->raw;
    ensures out_none: out->raw == IOSAFE_RAW_HANDLE_NONE;
    ensures result: iosafe_neg_errno(\result);
    ensures table_same: iosafe_handle_table_same{Pre, Post};
  behavior null:
    assumes out != \null && h.raw == IOSAFE_RAW_HANDLE_NONE;
    assigns out->raw;
    ensures out_none: out->raw == IOSAFE_RAW_HANDLE_NONE;
    ensures result_ebadf: \result == -EBADF;
    ensures table_same: iosafe_handle_table_same{Pre, Post};
  behavior adopt:
    assumes out != \null && h.raw != INVALID_HANDLE_VALUE && h.raw != IOSAFE_RAW_HANDLE_NONE;
    assigns out->raw;
    ensures result_zero: \result == 0;
    ensures out_raw: out->raw == h.raw;
    ensures out_owned: iosafe_handle_is_owned(out->raw);
    ensures table_same: iosafe_handle_table_same{Pre, Post};
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_handle_from_invalid(iosafe_owned_handle *out IOSAFE_ACQUIRES,
			       iosafe_handle_or_invalid h IOSAFE_RELEASES);

/**
 * iosafe_handle_from_null: the checked conversion of a call's result whose
 *   failure value is NULL.
 * @out: (not NULL) receives the handle, owned by the caller; none on
 *   failure.
 * @h: the result, released into *@out.  INVALID_HANDLE_VALUE is a handle
 *   here (the current-process pseudo-handle) and is adopted.
 * Returns: 0; on NULL, the negative errno mapped from GetLastError() (read,
 *   not changed); -EINVAL when @out is NULL (a real handle in @h is closed).
 * Follows: Rust's TryFrom<HandleOrNull> for OwnedHandle.
 */
/*@
  requires owner_ok: iosafe_handle_owner_ok(h.raw);
  requires out_null_or_valid: out == \null || \valid(out);
  requires separated: \separated(out, &iosafe_win32_last_error);
  assigns out->raw, iosafe_win32_last_error, iosafe_handle_state[h.raw];
  ensures last_error_kept: iosafe_win32_last_error == \old(iosafe_win32_last_error);
  behavior null_out:
    assumes out == \null;
    assigns iosafe_win32_last_error, iosafe_handle_state[h.raw];
    ensures result_einval: \result == -EINVAL;
    ensures closed: iosafe_handle_in_range(h.raw) ==>
      iosafe_handle_released{Pre, Post}(h.raw) || iosafe_handle_table_same{Pre, Post};
    ensures table_same: !iosafe_handle_in_range(h.raw) ==> iosafe_handle_table_same{Pre, Post};
  behavior sentinel:
    assumes out != \null && h.raw == IOSAFE_RAW_HANDLE_NONE;
    assigns out->raw;
    ensures out_none: out->raw == IOSAFE_RAW_HANDLE_NONE;
    ensures result: iosafe_neg_errno(\result);
    ensures table_same: iosafe_handle_table_same{Pre, Post};
  behavior adopt:
    assumes out != \null && h.raw != IOSAFE_RAW_HANDLE_NONE;
    assigns out->raw;
    ensures result_zero: \result == 0;
    ensures out_raw: out->raw == h.raw;
    ensures out_owner_ok: iosafe_handle_owner_ok(out->raw);
    ensures table_same: iosafe_handle_table_same{Pre, Post};
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_handle_from_null(iosafe_owned_handle *out IOSAFE_ACQUIRES,
			    iosafe_handle_or_null h IOSAFE_RELEASES);

/**
 * iosafe_handle_set_inheritable: allow or forbid a child process to inherit
 *   the handle (the one handle a child must get, right before
 *   CreateProcessW with bInheritHandles TRUE, and cleared after).
 * @b: a borrow; ownership does not change.
 * @inheritable: true sets HANDLE_FLAG_INHERIT, false clears it.
 * Returns: 0; -EBADF when @b is none or not a handle; the table's errno.
 * Follows: SetHandleInformation(HANDLE_FLAG_INHERIT).
 */
/*@
  requires borrow_ok: iosafe_handle_borrow_ok(b.raw);
  assigns iosafe_win32_last_error, iosafe_handle_inherit[0 .. IOSAFE_HANDLE_BOUND - 1];
  ensures table_same: iosafe_handle_table_same{Pre, Post};
  behavior none:
    assumes b.raw == IOSAFE_RAW_HANDLE_NONE;
    assigns \nothing;
    ensures result_ebadf: \result == -EBADF;
  behavior set:
    assumes b.raw != IOSAFE_RAW_HANDLE_NONE;
    ensures result: \result == 0 || iosafe_neg_errno(\result);
    ensures flag: \result == 0 && iosafe_handle_in_range(b.raw) ==>
      (iosafe_handle_is_inheritable(b.raw) <==> inheritable != 0);
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_handle_set_inheritable(iosafe_borrowed_handle b IOSAFE_USES, bool inheritable);

/** iosafe_auto_handle: an iosafe_owned_handle dropped at scope exit (auto.h's rules). */
#if defined(__GNUC__) || defined(__clang__)
#  define iosafe_auto_handle __attribute__((cleanup(iosafe_handle_drop))) iosafe_owned_handle
#  define iosafe_auto_sock __attribute__((cleanup(iosafe_sock_drop))) iosafe_owned_socket
#else
#  define iosafe_auto_handle iosafe_auto_handle_needs_the_cleanup_attribute_of_gcc_or_clang
#  define iosafe_auto_sock iosafe_auto_sock_needs_the_cleanup_attribute_of_gcc_or_clang
#endif

/* ---- socket core ------------------------------------------------------------- */

/**
 * iosafe_sock_from_raw: adopt a raw socket.
 * @raw: a socket the caller owns and gives up, or INVALID_SOCKET.
 * Returns: an owned socket holding @raw (none for INVALID_SOCKET).
 * Follows: Rust's FromRawSocket::from_raw_socket.
 */
/*@
  assigns \nothing;
  ensures result_raw: \result.raw == raw;
*/
static inline iosafe_owned_socket iosafe_sock_from_raw(SOCKET raw IOSAFE_RELEASES) IOSAFE_ACQUIRES;
static inline iosafe_owned_socket iosafe_sock_from_raw(SOCKET raw)
{
	iosafe_owned_socket s;
	s.raw = raw;
	return s;
}

/**
 * iosafe_sock_into_raw: give up ownership.
 * @s: owned socket (not NULL); none afterwards.
 * Returns: the socket, which the caller now owns; INVALID_SOCKET for none.
 * Follows: Rust's IntoRawSocket::into_raw_socket.
 */
/*@
  requires valid_s: \valid(s);
  assigns s->raw;
  ensures s_none: s->raw == INVALID_SOCKET;
  ensures result_raw: \result == \old(s->raw);
*/
static inline SOCKET iosafe_sock_into_raw(iosafe_owned_socket *s IOSAFE_RELEASES) IOSAFE_ACQUIRES;
static inline SOCKET iosafe_sock_into_raw(iosafe_owned_socket *s)
{
	SOCKET raw = s->raw;

	s->raw = INVALID_SOCKET;
	return raw;
}

/**
 * iosafe_sock_borrow: borrow an owned socket.
 * @s: owned socket (not NULL), unchanged; it must outlive the borrow.
 * Returns: a borrow of the same socket (none when @s is none).
 * Follows: Rust's AsSocket::as_socket.
 */
/*@
  requires valid_s: \valid_read(s);
  assigns \nothing;
  ensures result_raw: \result.raw == s->raw;
*/
static inline iosafe_borrowed_socket
iosafe_sock_borrow(const iosafe_owned_socket *s IOSAFE_RETURNS_BORROW);
static inline iosafe_borrowed_socket iosafe_sock_borrow(const iosafe_owned_socket *s)
{
	iosafe_borrowed_socket b;
	b.raw = s->raw;
	return b;
}

/**
 * iosafe_sock_borrow_raw: borrow a raw socket owned elsewhere.
 * @raw: a socket that stays open while the result is in use, or
 *   INVALID_SOCKET.
 * Returns: a borrow of @raw (none for INVALID_SOCKET).
 * Follows: Rust's BorrowedSocket::borrow_raw.
 */
/*@
  assigns \nothing;
  ensures result_raw: \result.raw == raw;
*/
static inline iosafe_borrowed_socket iosafe_sock_borrow_raw(SOCKET raw IOSAFE_RETURNS_BORROW);
static inline iosafe_borrowed_socket iosafe_sock_borrow_raw(SOCKET raw)
{
	iosafe_borrowed_socket b;
	b.raw = raw;
	return b;
}

/**
 * iosafe_sock_raw: the SOCKET behind a borrow, for Winsock calls.
 * @b: a borrow.  The value is borrowed too: never close it.
 * Follows: Rust's AsRawSocket::as_raw_socket.
 */
/*@
  assigns \nothing;
  ensures result_raw: \result == b.raw;
*/
static inline SOCKET iosafe_sock_raw(iosafe_borrowed_socket b IOSAFE_RETURNS_BORROW);
static inline SOCKET iosafe_sock_raw(iosafe_borrowed_socket b)
{
	return b.raw;
}

/**
 * iosafe_sock_take: move ownership out of @s.
 * @s: owned socket (not NULL); none afterwards.
 * Returns: an owned socket holding what @s held.
 */
/*@
  requires valid_s: \valid(s);
  assigns s->raw;
  ensures s_none: s->raw == INVALID_SOCKET;
  ensures result_raw: \result.raw == \old(s->raw);
*/
static inline iosafe_owned_socket iosafe_sock_take(iosafe_owned_socket *s IOSAFE_RELEASES) IOSAFE_ACQUIRES;
static inline iosafe_owned_socket iosafe_sock_take(iosafe_owned_socket *s)
{
	iosafe_owned_socket moved;

	moved.raw = s->raw;
	s->raw = INVALID_SOCKET;
	return moved;
}

/**
 * iosafe_sock_is_none: whether @s holds no socket (INVALID_SOCKET).
 * @s: owned socket (not NULL), unchanged.
 * Returns: true when @s->raw is INVALID_SOCKET.
 */
/*@
  requires valid_s: \valid_read(s);
  assigns \nothing;
  behavior none:
    assumes s->raw == INVALID_SOCKET;
    ensures result_true: \result == 1;
  behavior some:
    assumes s->raw != INVALID_SOCKET;
    ensures result_false: \result == 0;
  complete behaviors;
  disjoint behaviors;
*/
static inline bool iosafe_sock_is_none(const iosafe_owned_socket *s IOSAFE_USES);
static inline bool iosafe_sock_is_none(const iosafe_owned_socket *s)
{
	return s->raw == INVALID_SOCKET;
}

/**
 * iosafe_sock_close: close an owned socket and report the error.
 * @s: owned socket (not NULL); none afterwards, in every case.
 * Returns: 0 when closed or none; -EBADF for WSAENOTSOCK (not an open
 *   socket: a double close); -EINTR for WSAEINTR, -EAGAIN for
 *   WSAEWOULDBLOCK (a non-blocking socket with SO_LINGER: closesocket
 *   documents that the socket stays open then, and this owner is none all
 *   the same, as Rust's OwnedSocket drop); -ENETDOWN; others by the table.
 *   WSAGetLastError() is closesocket's on failure.
 * Follows: closesocket (winsock2.h); Rust's impl Drop for OwnedSocket.
 */
/*@
  requires valid_s: \valid(s);
  requires separated: \separated(s, &iosafe_win32_last_error);
  requires owner_ok: iosafe_sock_owner_ok(s->raw);
  assigns s->raw, iosafe_win32_last_error, iosafe_handle_state[s->raw];
  ensures s_none: s->raw == INVALID_SOCKET;
  behavior none:
    assumes s->raw == INVALID_SOCKET;
    assigns s->raw;
    ensures result_zero: \result == 0;
    ensures table_same: iosafe_handle_table_same{Pre, Post};
  behavior release:
    assumes s->raw != INVALID_SOCKET;
    ensures released: \result == 0 ==> iosafe_handle_released{Pre, Post}(\old(s->raw));
    ensures failed: \result != 0 ==> iosafe_neg_errno(\result) &&
      (iosafe_handle_released{Pre, Post}(\old(s->raw)) || iosafe_handle_table_same{Pre, Post});
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_sock_close(iosafe_owned_socket *s IOSAFE_RELEASES);

/**
 * iosafe_sock_drop: close an owned socket, ignoring errors.
 * @s: owned socket (not NULL); none afterwards; a no-op when none.
 * GetLastError()/WSAGetLastError() (one per-thread value): preserved.
 */
/*@
  requires valid_s: \valid(s);
  requires separated: \separated(s, &iosafe_win32_last_error);
  requires owner_ok: iosafe_sock_owner_ok(s->raw);
  assigns s->raw, iosafe_win32_last_error, iosafe_handle_state[s->raw];
  ensures s_none: s->raw == INVALID_SOCKET;
  ensures last_error_kept: iosafe_win32_last_error == \old(iosafe_win32_last_error);
  behavior none:
    assumes s->raw == INVALID_SOCKET;
    ensures table_same: iosafe_handle_table_same{Pre, Post};
  behavior release:
    assumes s->raw != INVALID_SOCKET;
    ensures released_or_refused: iosafe_handle_released{Pre, Post}(\old(s->raw)) ||
      iosafe_handle_table_same{Pre, Post};
  complete behaviors;
  disjoint behaviors;
*/
void iosafe_sock_drop(iosafe_owned_socket *s IOSAFE_RELEASES);

/**
 * iosafe_sock_replace: drop what @dst holds, then move @src into it; the
 *   same socket in both is kept open.  WSAGetLastError(): preserved.
 */
/*@
  requires valid_dst: \valid(dst);
  requires separated: \separated(dst, &iosafe_win32_last_error);
  requires dst_owner_ok: iosafe_sock_owner_ok(dst->raw);
  requires src_owner_ok: iosafe_sock_owner_ok(src.raw);
  assigns dst->raw, iosafe_win32_last_error, iosafe_handle_state[dst->raw];
  ensures last_error_kept: iosafe_win32_last_error == \old(iosafe_win32_last_error);
  ensures dst_src: dst->raw == src.raw;
  behavior same:
    assumes src.raw != INVALID_SOCKET && src.raw == dst->raw;
    assigns \nothing;
    ensures table_same: iosafe_handle_table_same{Pre, Post};
  behavior dst_none:
    assumes !(src.raw != INVALID_SOCKET && src.raw == dst->raw) && dst->raw == INVALID_SOCKET;
    ensures table_same: iosafe_handle_table_same{Pre, Post};
  behavior dst_released:
    assumes !(src.raw != INVALID_SOCKET && src.raw == dst->raw) && dst->raw != INVALID_SOCKET;
    ensures released_or_refused: iosafe_handle_released{Pre, Post}(\old(dst->raw)) ||
      iosafe_handle_table_same{Pre, Post};
  complete behaviors;
  disjoint behaviors;
*/
void iosafe_sock_replace(iosafe_owned_socket *dst IOSAFE_RELEASES,
			 iosafe_owned_socket src IOSAFE_RELEASES);

/**
 * iosafe_sock_try_clone: duplicate a socket, not inheritable.
 * @out: (not NULL) receives the new socket; none on failure.
 * @b: a borrow, used during the call only.
 * Returns: 0; -EINVAL when @out is NULL; -EBADF when @b is none or not a
 *   socket (WSAENOTSOCK); -ENETDOWN, -EMFILE, -ENOBUFS by the table.
 * Follows: WSADuplicateSocketW for this process, then WSASocketW
 *   (FROM_PROTOCOL_INFO) with WSA_FLAG_OVERLAPPED |
 *   WSA_FLAG_NO_HANDLE_INHERIT, as Rust's Socket::duplicate.
 */
/*@
  requires borrow_ok: iosafe_sock_borrow_ok(b.raw);
  requires out_null_or_valid: out == \null || \valid(out);
  requires separated: \separated(out, &iosafe_win32_last_error);
  assigns out->raw, iosafe_win32_last_error, IOSAFE_HANDLE_TABLE;
  behavior null_out:
    assumes out == \null;
    assigns \nothing;
    ensures result_einval: \result == -EINVAL;
  behavior none:
    assumes out != \null && b.raw == INVALID_SOCKET;
    assigns out->raw;
    ensures out_none: out->raw == INVALID_SOCKET;
    ensures result_ebadf: \result == -EBADF;
  behavior dup:
    assumes out != \null && b.raw != INVALID_SOCKET;
    ensures acquired: \result == 0 ==>
      iosafe_handle_acquired{Pre, Post}(out->raw) && !iosafe_handle_is_inheritable(out->raw);
    ensures failed: \result != 0 ==>
      iosafe_neg_errno(\result) && out->raw == INVALID_SOCKET &&
      iosafe_handle_table_same{Pre, Post};
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_sock_try_clone(iosafe_owned_socket *out IOSAFE_ACQUIRES,
			  iosafe_borrowed_socket b IOSAFE_USES);

/* ---- acquisitions -------------------------------------------------------------- */

/**
 * iosafe_create_file_w: open or create a file, device or pipe end.
 * @out: (not NULL) receives the handle; none on failure.
 * @path: (not NULL) the path, UTF-16.
 * @access, @share, @disposition, @flags_and_attributes: as CreateFileW's
 *   dwDesiredAccess, dwShareMode, dwCreationDisposition and
 *   dwFlagsAndAttributes.
 * @security: a security descriptor for a new file, or NULL for the default;
 *   the handle is never inheritable (there is no way to ask for it here).
 * Returns: 0; -ENOENT (ERROR_FILE_NOT_FOUND, ERROR_PATH_NOT_FOUND), -EEXIST
 *   (ERROR_FILE_EXISTS with CREATE_NEW), -EACCES, -EBUSY
 *   (ERROR_SHARING_VIOLATION), ... by the table; -EINVAL for a NULL @out
 *   or @path (GetLastError() untouched then).
 * Follows: CreateFileW (fileapi.h) through iosafe_handle_or_invalid.
 */
/*@
  requires separated: \separated(out, &iosafe_win32_last_error);
  assigns out->raw, iosafe_win32_last_error, IOSAFE_HANDLE_TABLE;
  behavior null_out:
    assumes out == \null;
    assigns \nothing;
    ensures result_einval: \result == -EINVAL;
  behavior null_path:
    assumes out != \null && path == \null;
    requires valid_out: \valid(out);
    assigns out->raw;
    ensures out_none: out->raw == IOSAFE_RAW_HANDLE_NONE;
    ensures result_einval: \result == -EINVAL;
  behavior call:
    assumes out != \null && path != \null;
    requires valid_out: \valid(out);
    requires valid_path: \valid_read(path);
    ensures acquired: \result == 0 ==>
      iosafe_handle_acquired{Pre, Post}(out->raw) &&
      !iosafe_handle_is_inheritable(out->raw);
    ensures failed: \result != 0 ==>
      iosafe_neg_errno(\result) && out->raw == IOSAFE_RAW_HANDLE_NONE &&
      iosafe_handle_table_same{Pre, Post};
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_create_file_w(iosafe_owned_handle *out IOSAFE_ACQUIRES, const wchar_t *path,
			 DWORD access, DWORD share, PSECURITY_DESCRIPTOR security,
			 DWORD disposition, DWORD flags_and_attributes);

/**
 * iosafe_open_process: open a handle to a process, not inheritable.
 * @out: (not NULL) receives the handle; none on failure.
 * @access: PROCESS_* access rights.  @pid: the process id.
 * Returns: 0; -EINVAL for a pid that names no process (Windows reports
 *   ERROR_INVALID_PARAMETER) or a NULL @out; -EACCES; by the table.
 * Follows: OpenProcess (processthreadsapi.h) with bInheritHandle FALSE,
 *   through iosafe_handle_or_null.
 */
/*@
  requires separated: \separated(out, &iosafe_win32_last_error);
  assigns out->raw, iosafe_win32_last_error, IOSAFE_HANDLE_TABLE;
  behavior null_out:
    assumes out == \null;
    assigns \nothing;
    ensures result_einval: \result == -EINVAL;
  behavior call:
    assumes out != \null;
    requires valid_out: \valid(out);
    ensures acquired: \result == 0 ==>
      iosafe_handle_acquired{Pre, Post}(out->raw) &&
      !iosafe_handle_is_inheritable(out->raw);
    ensures failed: \result != 0 ==>
      iosafe_neg_errno(\result) && out->raw == IOSAFE_RAW_HANDLE_NONE &&
      iosafe_handle_table_same{Pre, Post};
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_open_process(iosafe_owned_handle *out IOSAFE_ACQUIRES, DWORD access, DWORD pid);

/**
 * iosafe_pipe_win: create an anonymous pipe, both ends not inheritable.
 * @read_end, @write_end: (not NULL, distinct) receive the two ends; both
 *   none on failure.
 * Returns: 0; -EINVAL for a NULL or shared out-parameter; -ENOMEM, -EMFILE
 *   by the table.
 * Follows: CreatePipe (namedpipeapi.h) with no SECURITY_ATTRIBUTES, which
 *   means not inheritable; os_pipe's Windows half.
 */
/*@
  requires valid_or_null: (read_end == \null || \valid(read_end)) &&
    (write_end == \null || \valid(write_end));
  requires separated: \separated(read_end, &iosafe_win32_last_error) &&
    \separated(write_end, &iosafe_win32_last_error);
  requires same_or_separated: read_end == write_end || \separated(read_end, write_end);
  assigns read_end->raw, write_end->raw, iosafe_win32_last_error, IOSAFE_HANDLE_TABLE;
  behavior bad_args:
    assumes read_end == \null || write_end == \null || read_end == write_end;
    assigns read_end->raw, write_end->raw;
    ensures result_einval: \result == -EINVAL;
    ensures read_none: read_end != \null ==> read_end->raw == IOSAFE_RAW_HANDLE_NONE;
    ensures write_none: write_end != \null ==> write_end->raw == IOSAFE_RAW_HANDLE_NONE;
  behavior call:
    assumes read_end != \null && write_end != \null && read_end != write_end;
    ensures acquired: \result == 0 ==>
      iosafe_handle_acquired2{Pre, Post}(read_end->raw, write_end->raw) &&
      !iosafe_handle_is_inheritable(read_end->raw) &&
      !iosafe_handle_is_inheritable(write_end->raw);
    ensures failed: \result != 0 ==>
      iosafe_neg_errno(\result) && read_end->raw == IOSAFE_RAW_HANDLE_NONE &&
      write_end->raw == IOSAFE_RAW_HANDLE_NONE && iosafe_handle_table_same{Pre, Post};
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_pipe_win(iosafe_owned_handle *read_end IOSAFE_ACQUIRES,
		    iosafe_owned_handle *write_end IOSAFE_ACQUIRES);

/**
 * iosafe_sock_open: create a socket, not inheritable.
 * @out: (not NULL) receives the socket; none on failure.
 * @af, @type, @proto: as socket()'s (AF_INET, SOCK_STREAM, IPPROTO_TCP).
 * Returns: 0; -EAFNOSUPPORT, -EPROTONOSUPPORT (also for
 *   WSAESOCKTNOSUPPORT: mingw's errno.h has no ESOCKTNOSUPPORT),
 *   -EPROTOTYPE, -EMFILE, -ENOBUFS, -ENETDOWN (also before WSAStartup);
 *   -EINVAL for a NULL @out.
 * Follows: WSASocketW with WSA_FLAG_OVERLAPPED (what socket() gives) |
 *   WSA_FLAG_NO_HANDLE_INHERIT.
 */
/*@
  requires separated: \separated(out, &iosafe_win32_last_error);
  assigns out->raw, iosafe_win32_last_error, IOSAFE_HANDLE_TABLE;
  behavior null_out:
    assumes out == \null;
    assigns \nothing;
    ensures result_einval: \result == -EINVAL;
  behavior call:
    assumes out != \null;
    requires valid_out: \valid(out);
    ensures acquired: \result == 0 ==>
      iosafe_handle_acquired{Pre, Post}(out->raw) && !iosafe_handle_is_inheritable(out->raw);
    ensures failed: \result != 0 ==>
      iosafe_neg_errno(\result) && out->raw == INVALID_SOCKET &&
      iosafe_handle_table_same{Pre, Post};
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_sock_open(iosafe_owned_socket *out IOSAFE_ACQUIRES, int af, int type, int proto);

/**
 * iosafe_sock_accept: accept a connection, not inheritable.
 * @out: (not NULL) receives the connected socket; none on failure.
 * @listener: a borrow of a listening socket, used during the call only.
 * @addr, @len: as accept()'s (both NULL, or the peer's address buffer and
 *   its length in bytes, updated).  The ACSL contract covers buffers of at
 *   most sizeof(struct sockaddr) bytes (IPv4); acsl/iosafe_win32.h says
 *   why.
 * Returns: 0; -EBADF for a none @listener or WSAENOTSOCK; -EINVAL
 *   (WSAEINVAL: not listening), -EAGAIN (non-blocking, nothing pending),
 *   -ECONNRESET, -EMFILE, -ENOBUFS, -EINTR by the table.
 * The inherit flag of the new socket is cleared after accept(): a socket
 *   accepted from a non-inheritable listener is inheritable under wine
 *   (tests/win/README.md).  If clearing fails the socket is closed and the
 *   error returned (should that close be refused, the socket stays open:
 *   the contract's one changed handle).
 * Follows: accept (winsock2.h); SetHandleInformation.
 */
/*@
  requires borrow_ok: iosafe_sock_borrow_ok(listener.raw);
  requires buffer: (addr == \null && len == \null) ||
    (\valid(len) && 0 <= *len <= sizeof(struct sockaddr) && \valid(addr) &&
     \separated(len, addr));
  requires separated: \separated(out, &iosafe_win32_last_error);
  requires separated_buffer: len != \null ==>
    \separated(out, len, addr, &iosafe_win32_last_error);
  assigns out->raw, *len, *addr, iosafe_win32_last_error, IOSAFE_HANDLE_TABLE;
  behavior null_out:
    assumes out == \null;
    assigns \nothing;
    ensures result_einval: \result == -EINVAL;
  behavior none:
    assumes out != \null && listener.raw == INVALID_SOCKET;
    requires valid_out: \valid(out);
    assigns out->raw;
    ensures out_none: out->raw == INVALID_SOCKET;
    ensures result_ebadf: \result == -EBADF;
  behavior call:
    assumes out != \null && listener.raw != INVALID_SOCKET;
    requires valid_out: \valid(out);
    ensures acquired: \result == 0 ==>
      iosafe_handle_acquired{Pre, Post}(out->raw) && !iosafe_handle_is_inheritable(out->raw);
    ensures failed: \result != 0 ==>
      iosafe_neg_errno(\result) && out->raw == INVALID_SOCKET &&
      \exists integer k; iosafe_handle_table_same_except{Pre, Post}(k);
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_sock_accept(iosafe_owned_socket *out IOSAFE_ACQUIRES,
		       iosafe_borrowed_socket listener IOSAFE_USES,
		       struct sockaddr *addr, int *len);

/**
 * iosafe_stdin_handle: a borrow of standard input's handle (and, below,
 *   iosafe_stdout_handle and iosafe_stderr_handle for the other two).
 * Returns: GetStdHandle's value; none when there is none (NULL: a GUI
 *   process with no console and no redirection) or GetStdHandle failed
 *   (INVALID_HANDLE_VALUE here is the failure, not the pseudo-handle).
 * Follows: GetStdHandle (processenv.h); Rust's io::stdin().as_handle().
 */
/*@
  assigns \nothing;
  ensures not_failure: \result.raw != INVALID_HANDLE_VALUE;
*/
iosafe_borrowed_handle iosafe_stdin_handle(void);
/** iosafe_stdout_handle: a borrow of standard output's handle; Returns: as iosafe_stdin_handle. */
/*@
  assigns \nothing;
  ensures not_failure: \result.raw != INVALID_HANDLE_VALUE;
*/
iosafe_borrowed_handle iosafe_stdout_handle(void);
/** iosafe_stderr_handle: a borrow of standard error's handle; Returns: as iosafe_stdin_handle. */
/*@
  assigns \nothing;
  ensures not_failure: \result.raw != INVALID_HANDLE_VALUE;
*/
iosafe_borrowed_handle iosafe_stderr_handle(void);

/* ---- the C runtime bridge ------------------------------------------------------- */

/**
 * iosafe_fd_from_handle: move a handle into a C runtime descriptor.
 * @out: (not NULL) receives the descriptor, owned by the caller (close it
 *   with iosafe_fd_close); none on failure.
 * @h: (not NULL) the handle; none afterwards on success (the descriptor
 *   owns it now: closing the descriptor closes the handle), unchanged on
 *   failure (the caller still owns it).
 * @flags: _O_RDONLY, _O_APPEND, _O_TEXT, ...; _O_NOINHERIT is always added.
 * Returns: 0; -EINVAL for a NULL @out or @h; -EBADF when *@h is none or
 *   the pseudo-handle (GetCurrentProcess(): no file); -EMFILE when the
 *   runtime has no free descriptor (or the negative errno _open_osfhandle
 *   set).
 * Follows: _open_osfhandle (io.h); Rust's From<OwnedHandle> for File.
 */
/*@
  requires out_null_or_valid: out == \null || \valid(out);
  requires h_null_or_valid: h == \null || \valid(h);
  requires separated: \separated(out, h, &errno);
  requires owner_ok: h != \null ==> iosafe_handle_owner_ok(h->raw);
  assigns out->raw, h->raw, errno, IOSAFE_FD_TABLE, IOSAFE_HANDLE_TABLE;
  behavior null_out:
    assumes out == \null;
    assigns \nothing;
    ensures result_einval: \result == -EINVAL;
  behavior null_h:
    assumes out != \null && h == \null;
    assigns out->raw;
    ensures out_none: out->raw == IOSAFE_RAW_NONE;
    ensures result_einval: \result == -EINVAL;
  behavior no_file:
    assumes out != \null && h != \null &&
      (h->raw == IOSAFE_RAW_HANDLE_NONE || h->raw == INVALID_HANDLE_VALUE);
    assigns out->raw;
    ensures out_none: out->raw == IOSAFE_RAW_NONE;
    ensures result_ebadf: \result == -EBADF;
  behavior move:
    assumes out != \null && h != \null && iosafe_handle_in_range(h->raw);
    ensures moved: \result == 0 ==>
      h->raw == IOSAFE_RAW_HANDLE_NONE && iosafe_fd_acquired{Pre, Post}(out->raw) &&
      \at(iosafe_handle_state[\at(h->raw, Pre)], Post) == IOSAFE_HANDLE_UNOWNED &&
      iosafe_handle_table_same_except{Pre, Post}(\at(h->raw, Pre));
    ensures failed: \result != 0 ==>
      \result < 0 && out->raw == IOSAFE_RAW_NONE &&
      h->raw == \old(h->raw) && iosafe_fd_table_same{Pre, Post} &&
      iosafe_handle_table_same{Pre, Post};
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_fd_from_handle(iosafe_owned_fd *out IOSAFE_ACQUIRES,
			  iosafe_owned_handle *h IOSAFE_RELEASES, int flags);

/**
 * iosafe_handle_borrow_from_fd: the handle behind a C runtime descriptor.
 * @fd: a borrow; the result is valid only as long as it.
 * Returns: a borrow of its handle; none when @fd is none or not open (or
 *   is a standard stream with no handle, _get_osfhandle's -2).
 * Follows: _get_osfhandle (io.h); Rust's AsHandle for File.
 */
/*@
  assigns \nothing;
  ensures borrow_ok: iosafe_handle_borrow_ok(\result.raw);
  ensures none: fd.raw < 0 ==> \result.raw == IOSAFE_RAW_HANDLE_NONE;
*/
iosafe_borrowed_handle iosafe_handle_borrow_from_fd(iosafe_borrowed_fd fd IOSAFE_RETURNS_BORROW);

#ifdef __cplusplus
}
#endif

#endif /* _WIN32 */

#endif /* IOSAFE_WIN_H */
