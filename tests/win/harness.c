/* SPDX-License-Identifier: MIT */
/*
 * tests/win/harness.c: runs the WIN_TESTs (harness.h).
 *
 * Handle count: GetProcessHandleCount is what counts a process's handles on
 * Windows, but wine (8.0) returns TRUE with a count of 0 whatever is open
 * (tests/win/README.md).  So the count is also taken the way that works on
 * both: GetHandleInformation on every handle value 4, 8, ... up to 2^16
 * (handle values are multiples of 4; a test process has a few dozen).
 * Each test must leave both counts as it found them.
 *
 * Winsock is started once, before the first count, and one socket is
 * created, given a blocking call that fails at once (accept on a socket
 * that is not listening) and closed: Winsock opens handles of its own on
 * first use and keeps them (wine's ws2_32 caches one event per thread for
 * blocking calls, made by the first one), which is not a test's leak.
 *
 * Order: mingw-w64's gcc runs constructors last first, so the loop runs the
 * registered tests from the end, that is, in source order.
 */
#include "harness.h"

#include <fcntl.h>
#include <io.h>
#include <stdlib.h>
#include <string.h>

#define WIN_MAX_TESTS 128
#define WIN_PROBE_LIMIT (1u << 16)

static struct {
	const char *name;
	void (*fn)(void);
} tests[WIN_MAX_TESTS];
static int ntests;
static int failures_now;

void win_register(const char *name, void (*fn)(void))
{
	if (ntests == WIN_MAX_TESTS) {
		fprintf(stderr, "harness: more than %d tests\n", WIN_MAX_TESTS);
		exit(2);
	}
	tests[ntests].name = name;
	tests[ntests].fn = fn;
	ntests++;
}

void win_fail(const char *file, int line, const char *what)
{
	printf("    %s:%d: %s\n", file, line, what);
	fflush(stdout);
	failures_now++;
}

bool win_is_open(HANDLE h)
{
	DWORD flags;

	return GetHandleInformation(h, &flags) != 0;
}

bool win_is_inheritable(HANDLE h)
{
	DWORD flags = 0;

	return GetHandleInformation(h, &flags) && (flags & HANDLE_FLAG_INHERIT);
}

static unsigned probe_count(void)
{
	unsigned n = 0;
	DWORD flags;
	ULONG_PTR v;

	for (v = 4; v <= WIN_PROBE_LIMIT; v += 4)
		if (GetHandleInformation((HANDLE)v, &flags))
			n++;
	return n;
}

static unsigned long system_count(void)
{
	DWORD n = 0;

	return GetProcessHandleCount(GetCurrentProcess(), &n) ? n : 0;
}

int main(void)
{
	WSADATA wsa;
	SOCKET warm;
	int i, passed = 0, failed = 0;

	/* Binary: lines end in \n alone, so the last line is exactly
	 * "win: N passed, N failed" for make and for CI. */
	_setmode(_fileno(stdout), _O_BINARY);
	setvbuf(stdout, NULL, _IONBF, 0);
	if (WSAStartup(MAKEWORD(2, 2), &wsa) != 0) {
		printf("harness: WSAStartup failed\n");
		return 2;
	}
	warm = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
	if (warm != INVALID_SOCKET) {
		(void)accept(warm, NULL, NULL);
		closesocket(warm);
	}
	if (system_count() == 0)
		printf("harness: GetProcessHandleCount reports 0 handles (wine); "
		       "counting by GetHandleInformation over handle values\n");

	for (i = ntests - 1; i >= 0; i--) {
		unsigned before = probe_count(), after;
		unsigned long sys_before = system_count(), sys_after;

		failures_now = 0;
		tests[i].fn();
		after = probe_count();
		sys_after = system_count();
		if (after != before || sys_after != sys_before) {
			char m[160];

			snprintf(m, sizeof m, "handles: %u before, %u after (GetProcessHandleCount %lu, %lu)",
				 before, after, sys_before, sys_after);
			win_fail(__FILE__, __LINE__, m);
		}
		printf("%s %s\n", failures_now ? "FAIL" : "PASS", tests[i].name);
		if (failures_now)
			failed++;
		else
			passed++;
	}
	WSACleanup();
	printf("win: %d passed, %d failed\n", passed, failed);
	return failed == 0 && passed > 0 ? 0 : 1;
}
