/* SPDX-License-Identifier: MIT */
/*
 * examples/win-bugs/double_close_handle.c: a seeded bug for `make demo`
 * (Windows code).  The worker's handle is closed on the error path and
 * again at the end: the second CloseHandle may close a handle the process
 * has been given since, under another owner.
 */
#include <windows.h>

static DWORD WINAPI work(LPVOID arg)
{
	(void)arg;
	return 0;
}

int run_worker(DWORD timeout_ms)
{
	HANDLE t = CreateThread(NULL, 0, work, NULL, 0, NULL);
	int rc = 0;

	if (t == NULL)
		return -1;
	if (WaitForSingleObject(t, timeout_ms) != WAIT_OBJECT_0) {
		CloseHandle(t);
		rc = -1;
	}
	CloseHandle(t); /* BUG: closed twice when the wait failed */
	return rc;
}
