/* SPDX-License-Identifier: MIT */
/*
 * src/win/sock.c: closing, cloning and acquiring owned sockets.
 * The contracts and documentation are in include/iosafe/win.h.
 */
#include <errno.h>

#include "iosafe/win.h"

/* What every socket iosafe creates is: overlapped (as socket() makes it)
 * and not inheritable. */
#define IOSAFE_WSA_FLAGS (WSA_FLAG_OVERLAPPED | WSA_FLAG_NO_HANDLE_INHERIT)

/* The socket functions report "not a socket" as EBADF, as POSIX's do for a
 * descriptor that is not open. */
/*@
  assigns \nothing;
  ensures result: iosafe_neg_errno(\result);
*/
static int iosafe_wsa_last_error(void)
{
	int code = WSAGetLastError();

	if (code == WSAENOTSOCK)
		return -EBADF;
	/* Winsock codes are positive; a negative one is no code (-EIO). */
	return iosafe_win_error_to_errno(code < 0 ? 0ul : (unsigned long)code);
}

int iosafe_sock_close(iosafe_owned_socket *s)
{
	SOCKET raw = s->raw;

	s->raw = INVALID_SOCKET;
	if (raw == INVALID_SOCKET)
		return 0;
	if (closesocket(raw) == 0)
		return 0;
	return iosafe_wsa_last_error();
}

void iosafe_sock_drop(iosafe_owned_socket *s)
{
	/* GetLastError is what WSAGetLastError reads (the thread's one last
	 * error), kept as the DWORD it is. */
	DWORD saved = GetLastError();

	(void)iosafe_sock_close(s);
	SetLastError(saved);
}

void iosafe_sock_replace(iosafe_owned_socket *dst, iosafe_owned_socket src)
{
	if (src.raw != INVALID_SOCKET && src.raw == dst->raw)
		return;
	iosafe_sock_drop(dst);
	dst->raw = src.raw;
}

int iosafe_sock_try_clone(iosafe_owned_socket *out, iosafe_borrowed_socket b)
{
	WSAPROTOCOL_INFOW info;
	SOCKET dup;

	if (out == NULL)
		return -EINVAL;
	out->raw = INVALID_SOCKET;
	if (b.raw == INVALID_SOCKET)
		return -EBADF;
	if (WSADuplicateSocketW(b.raw, GetCurrentProcessId(), &info) != 0)
		return iosafe_wsa_last_error();
	dup = WSASocketW(FROM_PROTOCOL_INFO, FROM_PROTOCOL_INFO, FROM_PROTOCOL_INFO, &info, 0,
			 IOSAFE_WSA_FLAGS);
	if (dup == INVALID_SOCKET)
		return iosafe_wsa_last_error();
	out->raw = dup;
	return 0;
}

int iosafe_sock_open(iosafe_owned_socket *out, int af, int type, int proto)
{
	SOCKET s;

	if (out == NULL)
		return -EINVAL;
	out->raw = INVALID_SOCKET;
	s = WSASocketW(af, type, proto, NULL, 0, IOSAFE_WSA_FLAGS);
	if (s == INVALID_SOCKET)
		return iosafe_wsa_last_error();
	out->raw = s;
	return 0;
}

int iosafe_sock_accept(iosafe_owned_socket *out, iosafe_borrowed_socket listener,
		       struct sockaddr *addr, int *len)
{
	iosafe_owned_socket conn;
	int err;

	if (out == NULL)
		return -EINVAL;
	out->raw = INVALID_SOCKET;
	if (listener.raw == INVALID_SOCKET)
		return -EBADF;
	conn.raw = accept(listener.raw, addr, len);
	if (conn.raw == INVALID_SOCKET)
		return iosafe_wsa_last_error();
	/* Windows gives the accepted socket the listener's attributes; wine
	 * makes it inheritable whatever the listener is.  Clear the flag on
	 * both, so the promise does not rest on either. */
	if (!SetHandleInformation((HANDLE)conn.raw, HANDLE_FLAG_INHERIT, 0)) {
		err = iosafe_win_error_to_errno(GetLastError());
		iosafe_sock_drop(&conn);
		return err;
	}
	out->raw = conn.raw;
	return 0;
}
