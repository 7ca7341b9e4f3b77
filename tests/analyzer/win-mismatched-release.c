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
