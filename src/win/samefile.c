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
static int iosafe_same_file_adopt(iosafe_same_file_handle *out, iosafe_owned_handle *h)
{
	BY_HANDLE_FILE_INFORMATION info;

	if (!GetFileInformationByHandle(h->raw, &info))
		return iosafe_win_error_to_errno(GetLastError());
	out->volume = info.dwVolumeSerialNumber;
	out->index = ((uint64_t)info.nFileIndexHigh << 32) | info.nFileIndexLow;
	out->handle.raw = h->raw;
	h->raw = IOSAFE_RAW_HANDLE_NONE;
	return 0;
}

/* Adopt the handle just acquired in *@h, or close it. */
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

/* The ANSI form for iosafe_is_same_file: CreateFileA, not inheritable
 * (no SECURITY_ATTRIBUTES). */
static int iosafe_same_file_open_a(iosafe_same_file_handle *out, const char *path)
{
	iosafe_owned_handle h = IOSAFE_HANDLE_NONE;
	iosafe_handle_or_invalid r;
	int rc;

	iosafe_same_file_none(out);
	r.raw = CreateFileA(path, 0, IOSAFE_SAME_FILE_SHARE, NULL, OPEN_EXISTING,
			    FILE_FLAG_BACKUP_SEMANTICS, NULL);
	rc = iosafe_handle_from_invalid(&h, r);
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

static int iosafe_same_file_std(iosafe_same_file_handle *out, iosafe_borrowed_handle b)
{
	iosafe_owned_handle h = IOSAFE_HANDLE_NONE;
	int rc;

	if (out == NULL)
		return -EINVAL;
	iosafe_same_file_none(out);
	rc = iosafe_handle_try_clone(&h, b);
	if (rc != 0)
		return rc;
	return iosafe_same_file_keep(out, &h);
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

int iosafe_is_same_file(const char *a, const char *b, bool *out)
{
	iosafe_same_file_handle ha, hb;
	int rc;

	if (out == NULL)
		return -EINVAL;
	*out = false;
	if (a == NULL || b == NULL)
		return -EINVAL;
	rc = iosafe_same_file_open_a(&ha, a);
	if (rc != 0)
		return rc;
	rc = iosafe_same_file_open_a(&hb, b);
	if (rc == 0) {
		*out = iosafe_same_file_equal(&ha, &hb);
		iosafe_same_file_drop(&hb);
	}
	iosafe_same_file_drop(&ha);
	return rc;
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
	rc = iosafe_same_file_open_w(&hb, b);
	if (rc == 0) {
		*out = iosafe_same_file_equal(&ha, &hb);
		iosafe_same_file_drop(&hb);
	}
	iosafe_same_file_drop(&ha);
	return rc;
}
