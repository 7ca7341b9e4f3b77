/* SPDX-License-Identifier: MIT */
/*
 * examples/win-bugs/wrong_sentinel.c: a seeded bug for `make demo`
 * (Windows code).  OpenProcess fails with NULL, not INVALID_HANDLE_VALUE:
 * the failure passes the test and NULL reaches GetExitCodeProcess and
 * CloseHandle.  (iosafe_open_process, or iosafe_handle_from_null on the
 * result, make the one check with the right value.)
 */
#include <windows.h>

/* Whether the process pid is still running: 1, 0, or -1 on error. */
int still_running(DWORD pid)
{
	DWORD code = 0;
	HANDLE p = OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, FALSE, pid);

	if (p == INVALID_HANDLE_VALUE) /* BUG: the wrong sentinel */
		return -1;
	BOOL ok = GetExitCodeProcess(p, &code);
	CloseHandle(p);
	if (!ok)
		return -1;
	return code == STILL_ACTIVE;
}
