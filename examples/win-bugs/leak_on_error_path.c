/* SPDX-License-Identifier: MIT */
/*
 * examples/win-bugs/leak_on_error_path.c: a seeded bug for `make demo`
 * (Windows code, analysed for x86_64-w64-mingw32).  The file handle leaks
 * when the size query fails: the early return skips CloseHandle.
 */
#include <windows.h>

/* The size of the file at path, or -1. */
long long file_size(const wchar_t *path)
{
	LARGE_INTEGER size;
	HANDLE h = CreateFileW(path, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING,
			       FILE_ATTRIBUTE_NORMAL, NULL);

	if (h == INVALID_HANDLE_VALUE)
		return -1;
	if (!GetFileSizeEx(h, &size))
		return -1; /* BUG: h is not closed */
	CloseHandle(h);
	return size.QuadPart;
}
