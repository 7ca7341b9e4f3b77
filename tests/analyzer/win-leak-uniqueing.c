// RUN: %clang_analyze_win -analyzer-checker=core,iosafe.WinHandle -verify %s
// iosafe.WinHandle: handle leaks are uniqued as fd leaks are, by
// (acquisition site, leak point): each statement where the handle is lost
// is one report, whatever the number of paths that reach it.
#include <windows.h>

int pos_two_returns_two_reports(const wchar_t *path, int a, int b)
{
	HANDLE h = CreateFileW(path, GENERIC_READ, 0, NULL, OPEN_EXISTING, 0, NULL);
	if (h == INVALID_HANDLE_VALUE)
		return -1;
	if (a)
		return -2; // expected-warning{{fd leak: the handle acquired by 'CreateFileW' is not closed with CloseHandle or handed on}}
	if (b)
		return -3; // expected-warning{{fd leak: the handle acquired by 'CreateFileW' is not closed with CloseHandle or handed on}}
	CloseHandle(h);
	return 0;
}

int pos_many_paths_one_report(const wchar_t *path, int a, int b)
{
	HANDLE h = CreateFileW(path, GENERIC_READ, 0, NULL, OPEN_EXISTING, 0, NULL);
	if (h == INVALID_HANDLE_VALUE)
		return -1;
	int n = 0;
	if (a)
		n += 1;
	if (b)
		n += 2;
	return n + (h == NULL); // expected-warning{{fd leak: the handle acquired by 'CreateFileW' is not closed with CloseHandle or handed on}}
}

int neg_closed_on_every_path(const wchar_t *path, int a)
{
	HANDLE h = CreateFileW(path, GENERIC_READ, 0, NULL, OPEN_EXISTING, 0, NULL);
	if (h == INVALID_HANDLE_VALUE)
		return -1;
	if (a) {
		CloseHandle(h);
		return -2;
	}
	CloseHandle(h);
	return 0;
}
