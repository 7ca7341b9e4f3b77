// RUN: %clang_analyze_win -analyzer-checker=core,iosafe.WinHandle -verify %s
// RUN: %clang_analyze_win -analyzer-checker=core,unix.StdCLibraryFunctions,iosafe.Ownership,iosafe.PosixFd,iosafe.WinHandle -verify %s
// iosafe.WinHandle: "wrong handle sentinel".  The Win32 API has two
// failure values: CreateFileW and FindFirstFileW return
// INVALID_HANDLE_VALUE, OpenProcess, CreateEventW and the others NULL;
// socket returns INVALID_SOCKET, and a SOCKET is unsigned.  Testing the
// other one lets the real failure through as if it were a handle.
#include <winsock2.h>
#include <windows.h>

int pos_create_file_tested_against_null(const wchar_t *path)
{
	HANDLE h = CreateFileW(path, GENERIC_READ, 0, NULL, OPEN_EXISTING, 0, NULL);
	if (h == NULL) // expected-warning{{wrong handle sentinel: 'CreateFileW' fails with INVALID_HANDLE_VALUE, not NULL}}
		return -1;
	CloseHandle(h);
	return 0;
}

int pos_create_file_tested_with_not(const wchar_t *path)
{
	HANDLE h = CreateFileW(path, GENERIC_READ, 0, NULL, OPEN_EXISTING, 0, NULL);
	if (!h) // expected-warning{{wrong handle sentinel: 'CreateFileW' fails with INVALID_HANDLE_VALUE, not NULL}}
		return -1;
	CloseHandle(h);
	return 0;
}

int pos_create_file_tested_as_condition(const wchar_t *path)
{
	HANDLE h = CreateFileW(path, GENERIC_READ, 0, NULL, OPEN_EXISTING, 0, NULL);
	if (h) { // expected-warning{{wrong handle sentinel: 'CreateFileW' fails with INVALID_HANDLE_VALUE, not NULL}}
		CloseHandle(h);
		return 0;
	}
	return -1;
}

int neg_create_file_right_sentinel(const wchar_t *path)
{
	HANDLE h = CreateFileW(path, GENERIC_READ, 0, NULL, OPEN_EXISTING, 0, NULL);
	if (h == INVALID_HANDLE_VALUE)
		return -1;
	CloseHandle(h);
	return 0;
}

int neg_null_test_after_the_right_one(const wchar_t *path)
{
	HANDLE h = CreateFileW(path, GENERIC_READ, 0, NULL, OPEN_EXISTING, 0, NULL);
	if (h == INVALID_HANDLE_VALUE || h == NULL) // belt and braces: the failure is already excluded
		return -1;
	CloseHandle(h);
	return 0;
}

int pos_open_process_tested_against_invalid(DWORD pid)
{
	HANDLE p = OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, FALSE, pid);
	if (p == INVALID_HANDLE_VALUE) // expected-warning{{wrong handle sentinel: 'OpenProcess' fails with NULL, not INVALID_HANDLE_VALUE}}
		return -1;
	CloseHandle(p);
	return 0;
}

int pos_open_process_invalid_on_the_right(DWORD pid)
{
	HANDLE p = OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, FALSE, pid);
	if (INVALID_HANDLE_VALUE != p) { // expected-warning{{wrong handle sentinel: 'OpenProcess' fails with NULL}}
		CloseHandle(p);
		return 0;
	}
	return -1;
}

int neg_open_process_right_sentinel(DWORD pid)
{
	HANDLE p = OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, FALSE, pid);
	if (!p)
		return -1;
	CloseHandle(p);
	return 0;
}

int pos_mapping_tested_against_invalid(HANDLE f)
{
	HANDLE m = CreateFileMappingW(f, NULL, PAGE_READONLY, 0, 0, NULL);
	if (m == INVALID_HANDLE_VALUE) // expected-warning{{wrong handle sentinel: 'CreateFileMappingW' fails with NULL}}
		return -1;
	CloseHandle(m);
	return 0;
}

int pos_find_first_tested_against_null(void)
{
	WIN32_FIND_DATAW d;
	HANDLE h = FindFirstFileW(L"*.txt", &d);
	if (h == NULL) // expected-warning{{wrong handle sentinel: 'FindFirstFileW' fails with INVALID_HANDLE_VALUE, not NULL}}
		return -1;
	FindClose(h);
	return 0;
}

int pos_socket_tested_negative(void)
{
	SOCKET s = socket(AF_INET, SOCK_STREAM, 0);
	if (s < 0) // expected-warning{{wrong handle sentinel: 'socket' fails with INVALID_SOCKET, a SOCKET is unsigned: it is never < 0}}
		return -1;
	closesocket(s);
	return 0;
}

int neg_socket_right_sentinel(void)
{
	SOCKET s = socket(AF_INET, SOCK_STREAM, 0);
	if (s == INVALID_SOCKET)
		return -1;
	closesocket(s);
	return 0;
}

int neg_unrelated_pointer_test(HANDLE h, void *p)
{
	// Only the handles of known acquisitions have a sentinel.
	if (h == NULL || p == NULL)
		return -1;
	return 0;
}
