// RUN: %clang_analyze_win -analyzer-checker=core,iosafe.WinHandle -verify %s
// iosafe.WinHandle: each kind of handle has one release.  FindFirstFileW's
// search handle is closed "by using the FindClose function, not
// CloseHandle"; a registry key with RegCloseKey; a kernel object with
// CloseHandle, not closesocket.
#include <winsock2.h>
#include <windows.h>

int pos_find_closed_with_close_handle(const wchar_t *pattern)
{
	WIN32_FIND_DATAW d;
	HANDLE h = FindFirstFileW(pattern, &d);
	if (h == INVALID_HANDLE_VALUE)
		return -1;
	CloseHandle(h); // expected-warning{{mismatched release: the search handle acquired by 'FindFirstFileW' is released with 'CloseHandle'; FindClose releases it}}
	return 0;
}

int neg_find_closed_with_find_close(const wchar_t *pattern)
{
	WIN32_FIND_DATAW d;
	HANDLE h = FindFirstFileW(pattern, &d);
	if (h == INVALID_HANDLE_VALUE)
		return -1;
	int n = 1;
	while (FindNextFileW(h, &d))
		n++;
	FindClose(h);
	return n;
}

int pos_find_leak(const wchar_t *pattern)
{
	WIN32_FIND_DATAW d;
	HANDLE h = FindFirstFileW(pattern, &d);
	if (h == INVALID_HANDLE_VALUE)
		return -1;
	return 0; // expected-warning{{fd leak: the search handle acquired by 'FindFirstFileW' is not closed with FindClose or handed on}}
}

int pos_find_double_close(const wchar_t *pattern)
{
	WIN32_FIND_DATAW d;
	HANDLE h = FindFirstFileW(pattern, &d);
	if (h == INVALID_HANDLE_VALUE)
		return -1;
	FindClose(h);
	FindClose(h); // expected-warning{{double close: the search handle was already closed with 'FindClose'}}
	return 0;
}

int pos_reg_key_leak(void)
{
	HKEY k;
	if (RegOpenKeyExW(HKEY_CURRENT_USER, L"Software", 0, KEY_READ, &k) != ERROR_SUCCESS)
		return -1;
	return 0; // expected-warning{{fd leak: the registry key acquired by 'RegOpenKeyExW' is not closed with RegCloseKey or handed on}}
}

int neg_reg_key_closed(DWORD *type)
{
	HKEY k;
	LONG rc = RegOpenKeyExW(HKEY_CURRENT_USER, L"Software", 0, KEY_READ, &k);
	if (rc != ERROR_SUCCESS)
		return -1; // k holds nothing
	RegQueryValueExW(k, L"x", NULL, type, NULL, NULL);
	RegCloseKey(k);
	return 0;
}

int pos_reg_key_closed_with_close_handle(void)
{
	HKEY k;
	if (RegOpenKeyExW(HKEY_CURRENT_USER, L"Software", 0, KEY_READ, &k))
		return -1;
	CloseHandle((HANDLE)k); // expected-warning{{mismatched release: the registry key acquired by 'RegOpenKeyExW' is released with 'CloseHandle'; RegCloseKey releases it}}
	return 0;
}

int pos_handle_closed_with_closesocket(void)
{
	HANDLE e = CreateEventW(NULL, FALSE, FALSE, NULL);
	if (!e)
		return -1;
	closesocket((SOCKET)e); // expected-warning{{mismatched release: the handle acquired by 'CreateEventW' is released with 'closesocket'; CloseHandle releases it}}
	return 0;
}

// closesocket: "an application should always have a matching call to
// closesocket for each successful call to socket"; a SOCKET given to
// CloseHandle through a cast is not closed the Winsock way.  It counts as
// released afterwards (no leak report as well).

int pos_socket_closed_with_close_handle(void)
{
	SOCKET s = socket(AF_INET, SOCK_STREAM, 0);
	if (s == INVALID_SOCKET)
		return -1;
	CloseHandle((HANDLE)s); // expected-warning{{mismatched release: the socket acquired by 'socket' is released with 'CloseHandle'; closesocket releases it}}
	return 0;
}

int pos_wsa_socket_closed_with_close_handle(void)
{
	SOCKET s = WSASocketW(AF_INET, SOCK_DGRAM, 0, NULL, 0, WSA_FLAG_NO_HANDLE_INHERIT);
	if (s == INVALID_SOCKET)
		return -1;
	return CloseHandle((HANDLE)s) ? 0 : -1; // expected-warning{{mismatched release: the socket acquired by 'WSASocketW' is released with 'CloseHandle'; closesocket releases it}}
}

void pos_accepted_closed_with_close_handle(SOCKET listener)
{
	SOCKET c = accept(listener, NULL, NULL);
	if (c == INVALID_SOCKET)
		return;
	send(c, "x", 1, 0);
	CloseHandle((HANDLE)c); // expected-warning{{mismatched release: the socket acquired by 'accept' is released with 'CloseHandle'; closesocket releases it}}
}

int neg_socket_closed_with_closesocket(void)
{
	SOCKET s = socket(AF_INET, SOCK_STREAM, 0);
	if (s == INVALID_SOCKET)
		return -1;
	return closesocket(s); // no warning
}

void keep_handle(HANDLE h); // another TU

int neg_socket_kept_as_handle(void)
{
	SOCKET s = socket(AF_INET, SOCK_STREAM, 0);
	if (s == INVALID_SOCKET)
		return -1;
	HANDLE h = (HANDLE)s;
	keep_handle(h); // no warning: handed on
	return 0;
}
