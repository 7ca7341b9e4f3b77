/* SPDX-License-Identifier: MIT */
/*
 * src/win/filelike.c: the Windows bodies of include/iosafe/filelike.h that
 * have no counterpart in win.h: read and write on a handle (ReadFile,
 * WriteFile), send and recv on a socket.  The contracts and documentation
 * are in include/iosafe/filelike.h; its static inline functions are proved
 * in this unit too (proofs/win/win.mk).
 */
#include <errno.h>

#include "iosafe/filelike.h"

/* A socket call's error as the socket family reports it: "not a socket"
 * is EBADF, as in src/win/sock.c. */
/*@
  assigns \nothing;
  ensures result: iosafe_neg_errno(\result);
*/
static int iosafe_filelike_wsa_error(void)
{
	int code = WSAGetLastError();

	if (code == WSAENOTSOCK)
		return -EBADF;
	return iosafe_win_error_to_errno(code < 0 ? 0ul : (unsigned long)code);
}

ssize_t iosafe_filelike_read(iosafe_borrowed_filelike f, void *buf, size_t n)
{
	DWORD want, got = 0;

	if (f.raw == IOSAFE_RAW_HANDLE_NONE)
		return -EBADF;
	want = n > IOSAFE_FILELIKE_IO_MAX ? (DWORD)IOSAFE_FILELIKE_IO_MAX : (DWORD)n;
	if (!ReadFile(f.raw, buf, want, &got, NULL)) {
		DWORD code = GetLastError();

		/* The write ends are closed: a pipe's end of file. */
		if (code == ERROR_BROKEN_PIPE)
			return 0;
		return iosafe_win_error_to_errno(code);
	}
	return (ssize_t)got;
}

ssize_t iosafe_filelike_write(iosafe_borrowed_filelike f, const void *buf, size_t n)
{
	DWORD want, put = 0;

	if (f.raw == IOSAFE_RAW_HANDLE_NONE)
		return -EBADF;
	want = n > IOSAFE_FILELIKE_IO_MAX ? (DWORD)IOSAFE_FILELIKE_IO_MAX : (DWORD)n;
	if (!WriteFile(f.raw, buf, want, &put, NULL))
		return iosafe_win_error_to_errno(GetLastError());
	return (ssize_t)put;
}

ssize_t iosafe_socketlike_send(iosafe_borrowed_socketlike s, const void *buf, size_t n, int flags)
{
	int want, put;

	if (s.raw == INVALID_SOCKET)
		return -EBADF;
	want = n > IOSAFE_FILELIKE_IO_MAX ? IOSAFE_FILELIKE_IO_MAX : (int)n;
	put = send(s.raw, (const char *)buf, want, flags);
	if (put == SOCKET_ERROR)
		return iosafe_filelike_wsa_error();
	return (ssize_t)put;
}

ssize_t iosafe_socketlike_recv(iosafe_borrowed_socketlike s, void *buf, size_t n, int flags)
{
	int want, got;

	if (s.raw == INVALID_SOCKET)
		return -EBADF;
	want = n > IOSAFE_FILELIKE_IO_MAX ? IOSAFE_FILELIKE_IO_MAX : (int)n;
	got = recv(s.raw, (char *)buf, want, flags);
	if (got == SOCKET_ERROR)
		return iosafe_filelike_wsa_error();
	return (ssize_t)got;
}
