// RUN: %clang_analyze_win -analyzer-checker=core,iosafe.WinHandle -verify %s
// RUN: %clang_analyze_win -analyzer-checker=core,unix.StdCLibraryFunctions,iosafe.Ownership,iosafe.PosixFd,iosafe.WinHandle -verify %s
// iosafe.WinHandle: Winsock sockets (socket, WSASocketW, accept) closed
// with closesocket.  With a Windows target, socket and accept are Winsock's,
// not iosafe.PosixFd's: the POSIX model (fd >= 0) does not apply to them.
#include <winsock2.h>
#include <windows.h>

int pos_socket_leak(int fail)
{
	SOCKET s = socket(AF_INET, SOCK_STREAM, 0);
	if (s == INVALID_SOCKET)
		return -1;
	if (fail)
		return -1; // expected-warning{{fd leak: the socket acquired by 'socket' is not closed with closesocket or handed on}}
	closesocket(s);
	return 0;
}

int neg_socket_closed(const struct sockaddr *a, int n)
{
	SOCKET s = socket(AF_INET, SOCK_STREAM, 0);
	if (s == INVALID_SOCKET)
		return -1;
	if (connect(s, a, n) == SOCKET_ERROR) {
		closesocket(s);
		return -1;
	}
	send(s, "x", 1, 0);
	closesocket(s);
	return 0;
}

int pos_wsasocket_leak(void)
{
	SOCKET s = WSASocketW(AF_INET, SOCK_DGRAM, 0, NULL, 0, WSA_FLAG_NO_HANDLE_INHERIT);
	if (s == INVALID_SOCKET)
		return -1;
	return 0; // expected-warning{{fd leak: the socket acquired by 'WSASocketW'}}
}

int pos_accept_leak(SOCKET listener)
{
	SOCKET c = accept(listener, NULL, NULL);
	if (c == INVALID_SOCKET)
		return -1;
	send(c, "hi", 2, 0);
	return 0; // expected-warning{{fd leak: the socket acquired by 'accept'}}
}

int pos_socket_double_close(void)
{
	SOCKET s = socket(AF_INET, SOCK_STREAM, 0);
	if (s == INVALID_SOCKET)
		return -1;
	closesocket(s);
	return closesocket(s); // expected-warning{{double close: the socket was already closed with 'closesocket'}}
}

int pos_send_after_close(void)
{
	SOCKET s = socket(AF_INET, SOCK_DGRAM, 0);
	if (s == INVALID_SOCKET)
		return -1;
	closesocket(s);
	return send(s, "x", 1, 0); // expected-warning{{use after close: the socket was already closed with 'closesocket'}}
}

// A SOCKET cast to a HANDLE and given to CloseHandle ((HANDLE)s), and the
// other way round (closesocket((SOCKET)h)), are mismatched releases:
// win-mismatched-release.c.

void serve(SOCKET c);

void neg_accept_handed_on(SOCKET listener)
{
	SOCKET c = accept(listener, NULL, NULL);
	if (c != INVALID_SOCKET)
		serve(c); // no body: handed on
}
