/* SPDX-License-Identifier: MIT */
/*
 * src/win/samefile.c: the Windows half of include/iosafe/samefile.h: files
 * compared by volume serial number and file index
 * (GetFileInformationByHandle).  The documentation is in the header.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>

#include "iosafe/samefile.h"

/*@
  requires valid: \valid(h);
  assigns h->handle.raw, h->volume, h->index;
  ensures none: h->handle.raw == IOSAFE_RAW_HANDLE_NONE;
*/
static void iosafe_same_file_none(iosafe_same_file_handle *h)
{
	h->handle.raw = IOSAFE_RAW_HANDLE_NONE;
	h->volume = 0;
	h->index = 0;
}

/* Make *@out the handle of the owned *@h: read its identity, then move it
 * in; on failure *@h is untouched and *@out none. */
/*@
  requires valid: \valid(out) && \valid(h) && \separated(out, h, &iosafe_win32_last_error);
  requires owner_ok: iosafe_handle_owner_ok(h->raw) && h->raw != IOSAFE_RAW_HANDLE_NONE;
  requires out_none: out->handle.raw == IOSAFE_RAW_HANDLE_NONE;
  assigns out->handle.raw, out->volume, out->index, h->raw, iosafe_win32_last_error;
  ensures table_same: iosafe_handle_table_same{Pre, Post};
  ensures moved: \result == 0 ==> out->handle.raw == \old(h->raw) &&
    h->raw == IOSAFE_RAW_HANDLE_NONE;
  ensures failed: \result != 0 ==> iosafe_neg_errno(\result) &&
    out->handle.raw == IOSAFE_RAW_HANDLE_NONE && h->raw == \old(h->raw);
*/
static int iosafe_same_file_adopt(iosafe_same_file_handle *out, iosafe_owned_handle *h)
{
	BY_HANDLE_FILE_INFORMATION info;

	if (!GetFileInformationByHandle(h->raw, &info))
		return iosafe_win_error_to_errno(GetLastError());
	out->volume = info.dwVolumeSerialNumber;
	out->index = (uint64_t)info.nFileIndexHigh * 4294967296u + info.nFileIndexLow;
	out->handle.raw = h->raw;
	h->raw = IOSAFE_RAW_HANDLE_NONE;
	return 0;
}

/* Adopt the handle just acquired in *@h, or close it. */
/*@
  requires valid: \valid(out) && \valid(h) && \separated(out, h, &iosafe_win32_last_error);
  requires owned: iosafe_handle_is_owned(h->raw);
  requires out_none: out->handle.raw == IOSAFE_RAW_HANDLE_NONE;
  assigns out->handle.raw, out->volume, out->index, h->raw, iosafe_win32_last_error,
    iosafe_handle_state[h->raw];
  ensures kept: \result == 0 ==> out->handle.raw == \old(h->raw) &&
    iosafe_handle_table_same{Pre, Post};
  ensures failed: \result != 0 ==> iosafe_neg_errno(\result) &&
    out->handle.raw == IOSAFE_RAW_HANDLE_NONE &&
    iosafe_handle_table_same_except{Pre, Post}(\old(h->raw));
*/
static int iosafe_same_file_keep(iosafe_same_file_handle *out, iosafe_owned_handle *h)
{
	int rc = iosafe_same_file_adopt(out, h);

	if (rc != 0)
		iosafe_handle_drop(h);
	return rc;
}

#define IOSAFE_SAME_FILE_SHARE (FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE)

int iosafe_same_file_open_w(iosafe_same_file_handle *out, const wchar_t *path)
{
	iosafe_owned_handle h = IOSAFE_HANDLE_NONE;
	int rc;

	if (out == NULL)
		return -EINVAL;
	iosafe_same_file_none(out);
	if (path == NULL)
		return -EINVAL;
	rc = iosafe_create_file_w(&h, path, 0, IOSAFE_SAME_FILE_SHARE, NULL, OPEN_EXISTING,
				  FILE_FLAG_BACKUP_SEMANTICS);
	if (rc != 0)
		return rc;
	return iosafe_same_file_keep(out, &h);
}

int iosafe_same_file_from_handle(iosafe_same_file_handle *out, iosafe_owned_handle *h)
{
	if (out == NULL)
		return -EINVAL;
	iosafe_same_file_none(out);
	if (h == NULL)
		return -EINVAL;
	if (h->raw == IOSAFE_RAW_HANDLE_NONE)
		return -EBADF;
	return iosafe_same_file_adopt(out, h);
}

/*@
  requires borrow_ok: iosafe_handle_borrow_ok(b.raw);
  requires valid_out: out == \null || (\valid(out) && \separated(out, &iosafe_win32_last_error));
  assigns *out, iosafe_win32_last_error, IOSAFE_HANDLE_TABLE;
  ensures null_out: out == \null ==> \result == -EINVAL;
  ensures acquired: \result == 0 ==>
    iosafe_handle_acquired{Pre, Post}(out->handle.raw) &&
    !iosafe_handle_is_inheritable(out->handle.raw);
  ensures failed: \result != 0 ==> iosafe_neg_errno(\result) &&
    (out != \null ==> out->handle.raw == IOSAFE_RAW_HANDLE_NONE) &&
    (iosafe_handle_table_same{Pre, Post} || \exists integer k;
      iosafe_handle_is_closed{Pre}(k) && iosafe_handle_table_same_except{Pre, Post}(k));
  ensures owned_kept: \forall integer d;
    iosafe_handle_is_owned{Pre}(d) ==> iosafe_handle_is_owned{Post}(d);
*/
static int iosafe_same_file_std(iosafe_same_file_handle *out, iosafe_borrowed_handle b)
{
	iosafe_owned_handle h = IOSAFE_HANDLE_NONE;
	HANDLE raw;
	int rc;

	if (out == NULL)
		return -EINVAL;
	iosafe_same_file_none(out);
	if (b.raw == IOSAFE_RAW_HANDLE_NONE)
		return -EBADF; /* iosafe_handle_try_clone's own answer, before the call */
	rc = iosafe_handle_try_clone(&h, b);
	if (rc != 0)
		return rc;
	raw = h.raw;
	//@ assert acquired: iosafe_handle_acquired{Pre, Here}(raw);
	rc = iosafe_same_file_keep(out, &h);
	/*@ assert witness: rc != 0 ==> iosafe_handle_is_closed{Pre}(raw) &&
	      iosafe_handle_table_same_except{Pre, Here}(raw); */
	(void)raw; /* read by the assertion only */
	return rc;
}

int iosafe_same_file_stdin(iosafe_same_file_handle *out)
{
	return iosafe_same_file_std(out, iosafe_handle_borrow_from_fd(iosafe_fd_borrow_raw(0)));
}

int iosafe_same_file_stdout(iosafe_same_file_handle *out)
{
	return iosafe_same_file_std(out, iosafe_handle_borrow_from_fd(iosafe_fd_borrow_raw(1)));
}

int iosafe_same_file_stderr(iosafe_same_file_handle *out)
{
	return iosafe_same_file_std(out, iosafe_handle_borrow_from_fd(iosafe_fd_borrow_raw(2)));
}

bool iosafe_same_file_equal(const iosafe_same_file_handle *a, const iosafe_same_file_handle *b)
{
	if (a == NULL || b == NULL || a->handle.raw == IOSAFE_RAW_HANDLE_NONE ||
	    b->handle.raw == IOSAFE_RAW_HANDLE_NONE)
		return false;
	return a->volume == b->volume && a->index == b->index;
}

int iosafe_same_file_close(iosafe_same_file_handle *h)
{
	int rc;

	if (h == NULL)
		return -EINVAL;
	rc = iosafe_handle_close(&h->handle);
	iosafe_same_file_none(h);
	return rc;
}

void iosafe_same_file_drop(iosafe_same_file_handle *h)
{
	iosafe_handle_drop(&h->handle);
	h->volume = 0;
	h->index = 0;
}

/* Compare the open @ha with the file @hb opened by the caller's
 * iosafe_same_file_open_*: *@out, then close @hb. */
/*@
  requires valid: \valid_read(ha) && \valid(hb) && \valid(out) &&
    \separated(hb, out, &iosafe_win32_last_error) && \separated(ha, hb, out);
  requires owner_ok: iosafe_same_file_ok(hb);
  assigns *out, *hb, iosafe_win32_last_error, IOSAFE_HANDLE_TABLE;
  ensures out_set: *out == 0 || *out == 1;
  ensures others: iosafe_handle_table_same_except{Pre, Post}(\old(hb->handle.raw));
  ensures owned_kept: \forall integer d; d != \old(hb->handle.raw) ==>
    iosafe_handle_is_owned{Pre}(d) ==> iosafe_handle_is_owned{Post}(d);
*/
static void iosafe_same_file_settle(const iosafe_same_file_handle *ha, iosafe_same_file_handle *hb,
				    bool *out)
{
	*out = iosafe_same_file_equal(ha, hb);
	iosafe_same_file_drop(hb);
}

int iosafe_is_same_file_w(const wchar_t *a, const wchar_t *b, bool *out)
{
	iosafe_same_file_handle ha, hb;
	int rc;

	if (out == NULL)
		return -EINVAL;
	*out = false;
	if (a == NULL || b == NULL)
		return -EINVAL;
	rc = iosafe_same_file_open_w(&ha, a);
	if (rc != 0)
		return rc;
	//@ assert ha_acquired: iosafe_handle_is_owned(ha.handle.raw);
	rc = iosafe_same_file_open_w(&hb, b);
	if (rc == 0) {
		//@ assert distinct: hb.handle.raw != ha.handle.raw;
		iosafe_same_file_settle(&ha, &hb, out);
		//@ assert ha_kept: iosafe_handle_is_owned(ha.handle.raw);
	} else {
		//@ assert ha_untouched: iosafe_handle_is_owned(ha.handle.raw);
	}
	iosafe_same_file_drop(&ha);
	return rc;
}
