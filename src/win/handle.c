/* SPDX-License-Identifier: MIT */
/*
 * src/win/handle.c: closing, cloning and converting owned handles.
 * The contracts and documentation are in include/iosafe/win.h.
 */
#include <errno.h>

#include "iosafe/win.h"

/* The last error as a negative errno; GetLastError() is only read. */
/*@
  assigns \nothing;
  ensures result: iosafe_neg_errno(\result);
*/
static int iosafe_win_last_error(void)
{
	return iosafe_win_error_to_errno(GetLastError());
}

int iosafe_handle_close(iosafe_owned_handle *h)
{
	HANDLE raw = h->raw;

	/* None first: a handle CloseHandle refused was not this owner's to
	 * close, and retrying could close another owner's new handle that was
	 * given the same value. */
	h->raw = IOSAFE_RAW_HANDLE_NONE;
	if (raw == IOSAFE_RAW_HANDLE_NONE)
		return 0;
	if (CloseHandle(raw))
		return 0;
	return iosafe_win_last_error();
}

void iosafe_handle_drop(iosafe_owned_handle *h)
{
	DWORD saved = GetLastError();

	(void)iosafe_handle_close(h);
	SetLastError(saved);
}

void iosafe_handle_replace(iosafe_owned_handle *dst, iosafe_owned_handle src)
{
	/* The same handle in both: closing it would leave *dst holding a
	 * closed value.  Keep it; *dst is its one owner from now on. */
	if (src.raw != IOSAFE_RAW_HANDLE_NONE && src.raw == dst->raw)
		return;
	iosafe_handle_drop(dst);
	dst->raw = src.raw;
}

int iosafe_handle_try_clone(iosafe_owned_handle *out, iosafe_borrowed_handle b)
{
	HANDLE self = GetCurrentProcess();
	HANDLE dup = IOSAFE_RAW_HANDLE_NONE;

	if (out == NULL)
		return -EINVAL;
	out->raw = IOSAFE_RAW_HANDLE_NONE;
	if (b.raw == IOSAFE_RAW_HANDLE_NONE)
		return -EBADF;
	if (!DuplicateHandle(self, b.raw, self, &dup, 0, FALSE, DUPLICATE_SAME_ACCESS))
		return iosafe_win_last_error();
	out->raw = dup;
	return 0;
}

/* A handle that cannot be stored (out == NULL) is closed, so the checked
 * conversion never leaks; the last error is kept for the caller. */
/*@
  requires owner_ok: iosafe_handle_owner_ok(raw);
  assigns iosafe_win32_last_error, iosafe_handle_state[raw];
  ensures result_einval: \result == -EINVAL;
  ensures last_error_kept: iosafe_win32_last_error == \old(iosafe_win32_last_error);
  ensures closed: iosafe_handle_in_range(raw) ==>
    iosafe_handle_released{Pre, Post}(raw) || iosafe_handle_table_same{Pre, Post};
  ensures table_same: !iosafe_handle_in_range(raw) ==> iosafe_handle_table_same{Pre, Post};
*/
static int iosafe_handle_discard(HANDLE raw)
{
	iosafe_owned_handle lost = iosafe_handle_from_raw(raw);

	iosafe_handle_drop(&lost);
	return -EINVAL;
}

int iosafe_handle_from_invalid(iosafe_owned_handle *out, iosafe_handle_or_invalid h)
{
	if (out == NULL)
		return (h.raw == INVALID_HANDLE_VALUE || h.raw == IOSAFE_RAW_HANDLE_NONE) ?
			-EINVAL : iosafe_handle_discard(h.raw);
	out->raw = IOSAFE_RAW_HANDLE_NONE;
	if (h.raw == INVALID_HANDLE_VALUE)
		return iosafe_win_last_error();
	if (h.raw == IOSAFE_RAW_HANDLE_NONE)
		return -EBADF;
	out->raw = h.raw;
	return 0;
}

int iosafe_handle_from_null(iosafe_owned_handle *out, iosafe_handle_or_null h)
{
	if (out == NULL)
		return h.raw == IOSAFE_RAW_HANDLE_NONE ? -EINVAL : iosafe_handle_discard(h.raw);
	out->raw = IOSAFE_RAW_HANDLE_NONE;
	if (h.raw == IOSAFE_RAW_HANDLE_NONE)
		return iosafe_win_last_error();
	out->raw = h.raw;
	return 0;
}

int iosafe_handle_set_inheritable(iosafe_borrowed_handle b, bool inheritable)
{
	if (b.raw == IOSAFE_RAW_HANDLE_NONE)
		return -EBADF;
	if (!SetHandleInformation(b.raw, HANDLE_FLAG_INHERIT, inheritable ? HANDLE_FLAG_INHERIT : 0))
		return iosafe_win_last_error();
	return 0;
}
