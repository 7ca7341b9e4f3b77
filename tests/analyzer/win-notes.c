// RUN: %clang_analyze_win -analyzer-checker=core,iosafe.WinHandle -analyzer-output=text -verify %s
// iosafe.WinHandle: the path notes of its reports: where the handle was
// opened and closed.
#include <winsock2.h>
#include <windows.h>

int pos_leak_notes(const wchar_t *path, int fail)
{
	HANDLE h = CreateFileW(path, GENERIC_READ, 0, NULL, OPEN_EXISTING, 0, NULL); // expected-note{{handle opened here}}
	if (h == INVALID_HANDLE_VALUE) // expected-note{{Assuming the condition is false}} expected-note{{Taking false branch}}
		return -1;
	if (fail) // expected-note{{Assuming 'fail' is not equal to 0}} expected-note{{Taking true branch}}
		return -1; // expected-warning{{fd leak: the handle acquired by 'CreateFileW' is not closed with CloseHandle or handed on}} expected-note{{fd leak: the handle acquired by 'CreateFileW' is not closed with CloseHandle or handed on}}
	CloseHandle(h);
	return 0;
}

void pos_double_close_notes(void)
{
	SOCKET s = socket(AF_INET, SOCK_STREAM, 0); // expected-note{{socket opened here}}
	if (s == INVALID_SOCKET) // expected-note{{Assuming the condition is false}} expected-note{{Taking false branch}}
		return;
	closesocket(s); // expected-note{{socket closed here}}
	closesocket(s); // expected-warning{{double close: the socket was already closed with 'closesocket'}} expected-note{{double close: the socket was already closed with 'closesocket'}}
}

void pos_wrong_sentinel_notes(DWORD pid)
{
	HANDLE p = OpenProcess(SYNCHRONIZE, FALSE, pid); // expected-note{{handle opened here}}
	if (p == INVALID_HANDLE_VALUE) // expected-warning{{wrong handle sentinel: 'OpenProcess' fails with NULL, not INVALID_HANDLE_VALUE}} expected-note{{wrong handle sentinel: 'OpenProcess' fails with NULL, not INVALID_HANDLE_VALUE}}
		return;
	CloseHandle(p);
}
