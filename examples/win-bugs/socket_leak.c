/* SPDX-License-Identifier: MIT */
/*
 * examples/win-bugs/socket_leak.c: a seeded bug for `make demo` (Windows
 * code).  The accepted connection is never closed when the send fails.
 */
#include <winsock2.h>

int greet_one(SOCKET listener)
{
	SOCKET c = accept(listener, NULL, NULL);

	if (c == INVALID_SOCKET)
		return -1;
	if (send(c, "hello\r\n", 7, 0) == SOCKET_ERROR)
		return -1; /* BUG: c is not closed */
	closesocket(c);
	return 0;
}
