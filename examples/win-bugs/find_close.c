/* SPDX-License-Identifier: MIT */
/*
 * examples/win-bugs/find_close.c: a seeded bug for `make demo` (Windows
 * code).  A FindFirstFileW search handle is released with FindClose, not
 * CloseHandle.
 */
#include <windows.h>

int count_matches(const wchar_t *pattern)
{
	WIN32_FIND_DATAW d;
	HANDLE h = FindFirstFileW(pattern, &d);
	int n = 1;

	if (h == INVALID_HANDLE_VALUE)
		return 0;
	while (FindNextFileW(h, &d))
		n++;
	CloseHandle(h); /* BUG: a search handle, released with the wrong call */
	return n;
}
