/* SPDX-License-Identifier: MIT */
/*
 * src/win/io.c: acquisitions of handles (files, processes, pipes), the
 * standard handles, and the bridge to C runtime descriptors.
 * The contracts and documentation are in include/iosafe/win.h.
 */
#include <errno.h>
#include <fcntl.h>
#include <io.h>
#include <stdint.h>

#include "iosafe/win.h"

int iosafe_create_file_w(iosafe_owned_handle *out, const wchar_t *path, DWORD access,
			 DWORD share, PSECURITY_DESCRIPTOR security, DWORD disposition,
			 DWORD flags_and_attributes)
{
	SECURITY_ATTRIBUTES sa;
	iosafe_handle_or_invalid h;

	if (out == NULL)
		return -EINVAL;
	out->raw = IOSAFE_RAW_HANDLE_NONE;
	if (path == NULL)
		return -EINVAL;
	sa.nLength = sizeof sa;
	sa.lpSecurityDescriptor = security;
	sa.bInheritHandle = FALSE;
	h.raw = CreateFileW(path, access, share, &sa, disposition, flags_and_attributes, NULL);
	return iosafe_handle_from_invalid(out, h);
}

int iosafe_open_process(iosafe_owned_handle *out, DWORD access, DWORD pid)
{
	iosafe_handle_or_null h;

	if (out == NULL)
		return -EINVAL;
	out->raw = IOSAFE_RAW_HANDLE_NONE;
	h.raw = OpenProcess(access, FALSE, pid);
	return iosafe_handle_from_null(out, h);
}

int iosafe_pipe_win(iosafe_owned_handle *read_end, iosafe_owned_handle *write_end)
{
	HANDLE r, w;

	/* Both none on every failure, bad arguments included. */
	if (read_end != NULL)
		read_end->raw = IOSAFE_RAW_HANDLE_NONE;
	if (write_end != NULL)
		write_end->raw = IOSAFE_RAW_HANDLE_NONE;
	if (read_end == NULL || write_end == NULL || read_end == write_end)
		return -EINVAL;
	/* No SECURITY_ATTRIBUTES: neither end is inheritable. */
	if (!CreatePipe(&r, &w, NULL, 0))
		return iosafe_win_error_to_errno(GetLastError());
	read_end->raw = r;
	write_end->raw = w;
	return 0;
}

/* GetStdHandle: NULL (no such handle) and INVALID_HANDLE_VALUE (failure)
 * are both none here. */
/*@
  assigns \nothing;
  ensures not_failure: \result.raw != INVALID_HANDLE_VALUE;
*/
static iosafe_borrowed_handle iosafe_std_handle(DWORD which)
{
	HANDLE h = GetStdHandle(which);
	iosafe_borrowed_handle b;

	/* Not iosafe_handle_borrow_raw: nothing is known of the value (the
	 * program may have closed it or set another with SetStdHandle). */
	b.raw = h == INVALID_HANDLE_VALUE ? IOSAFE_RAW_HANDLE_NONE : h;
	return b;
}

iosafe_borrowed_handle iosafe_stdin_handle(void)
{
	return iosafe_std_handle(STD_INPUT_HANDLE);
}

iosafe_borrowed_handle iosafe_stdout_handle(void)
{
	return iosafe_std_handle(STD_OUTPUT_HANDLE);
}

iosafe_borrowed_handle iosafe_stderr_handle(void)
{
	return iosafe_std_handle(STD_ERROR_HANDLE);
}

int iosafe_fd_from_handle(iosafe_owned_fd *out, iosafe_owned_handle *h, int flags)
{
	int fd;

	if (out == NULL)
		return -EINVAL;
	out->raw = IOSAFE_RAW_NONE;
	if (h == NULL)
		return -EINVAL;
	if (h->raw == IOSAFE_RAW_HANDLE_NONE || h->raw == INVALID_HANDLE_VALUE)
		return -EBADF;
	fd = _open_osfhandle((intptr_t)h->raw, flags | _O_NOINHERIT);
	if (fd < 0)
		return errno > 0 ? -errno : -EMFILE;
	/* The descriptor owns the handle now: _close() closes it. */
	h->raw = IOSAFE_RAW_HANDLE_NONE;
	out->raw = fd;
	return 0;
}

iosafe_borrowed_handle iosafe_handle_borrow_from_fd(iosafe_borrowed_fd fd)
{
	intptr_t h;

	/* A negative number is none without a call: the runtime's invalid
	 * parameter handler is never reached for it. */
	if (fd.raw < 0)
		return iosafe_handle_borrow_raw(IOSAFE_RAW_HANDLE_NONE);
	h = _get_osfhandle(fd.raw);
	/* -1: not open; -2: a standard stream with no handle (no console). */
	if (h == -1 || h == -2)
		return iosafe_handle_borrow_raw(IOSAFE_RAW_HANDLE_NONE);
	return iosafe_handle_borrow_raw((HANDLE)h);
}
