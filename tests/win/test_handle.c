/* SPDX-License-Identifier: MIT */
/*
 * tests/win/test_handle.c: the handle core of include/iosafe/win.h: moves,
 * close exactly once, drop, replace, try_clone, the checked conversions
 * (HandleOrInvalid, HandleOrNull), set_inheritable, iosafe_auto_handle.
 * Real handles: events (CreateEventW), unnamed and unshared.
 */
#include "harness.h"

#include <errno.h>

static HANDLE new_event(void)
{
	return CreateEventW(NULL, TRUE, FALSE, NULL);
}

WIN_TEST(handle_none_and_moves)
{
	iosafe_owned_handle h = IOSAFE_HANDLE_NONE, moved;
	HANDLE raw = new_event();

	REQUIRE(raw != NULL);
	EXPECT(iosafe_handle_is_none(&h));
	h = iosafe_handle_from_raw(raw);
	EXPECT(!iosafe_handle_is_none(&h));
	EXPECT(iosafe_handle_raw(iosafe_handle_borrow(&h)) == raw);
	moved = iosafe_handle_take(&h);
	EXPECT(iosafe_handle_is_none(&h));
	EXPECT(moved.raw == raw);
	EXPECT(iosafe_handle_into_raw(&moved) == raw);
	EXPECT(iosafe_handle_is_none(&moved));
	EXPECT(iosafe_handle_into_raw(&moved) == NULL);
	EXPECT(iosafe_handle_raw(iosafe_handle_borrow_raw(NULL)) == NULL);
	EXPECT(CloseHandle(raw));
}

/* INVALID_HANDLE_VALUE is the current-process pseudo-handle: a handle, not
 * none (std::os::windows::io documents the same). */
WIN_TEST(handle_pseudo_handle_is_not_none)
{
	iosafe_owned_handle h = iosafe_handle_from_raw(INVALID_HANDLE_VALUE);

	EXPECT(GetCurrentProcess() == INVALID_HANDLE_VALUE);
	EXPECT(!iosafe_handle_is_none(&h));
	/* Closing the pseudo-handle succeeds and closes nothing. */
	EXPECT_EQ(iosafe_handle_close(&h), 0);
	EXPECT(iosafe_handle_is_none(&h));
	EXPECT(GetProcessId(GetCurrentProcess()) == GetCurrentProcessId());
}

WIN_TEST(handle_closed_exactly_once)
{
	HANDLE raw = new_event();
	iosafe_owned_handle h = iosafe_handle_from_raw(raw), stale;

	REQUIRE(raw != NULL);
	EXPECT_EQ(iosafe_handle_close(&h), 0);
	EXPECT(iosafe_handle_is_none(&h));
	EXPECT(!win_is_open(raw));
	/* Closing the now-none owner again is a no-op... */
	EXPECT_EQ(iosafe_handle_close(&h), 0);
	/* ...and a second CloseHandle on the raw value fails: it was closed. */
	SetLastError(0);
	EXPECT(!CloseHandle(raw));
	EXPECT_EQ(GetLastError(), ERROR_INVALID_HANDLE);
	/* A second owner of the stale value (an ownership bug) gets -EBADF,
	 * and is none afterwards all the same. */
	stale = iosafe_handle_from_raw(raw);
	EXPECT_EQ(iosafe_handle_close(&stale), -EBADF);
	EXPECT_EQ(GetLastError(), ERROR_INVALID_HANDLE);
	EXPECT(iosafe_handle_is_none(&stale));
}

WIN_TEST(handle_drop_keeps_last_error)
{
	HANDLE raw = new_event();
	iosafe_owned_handle h = iosafe_handle_from_raw(raw);

	REQUIRE(raw != NULL);
	SetLastError(4242);
	iosafe_handle_drop(&h);
	EXPECT_EQ(GetLastError(), 4242);
	EXPECT(iosafe_handle_is_none(&h));
	EXPECT(!win_is_open(raw));
	/* A failing close inside drop does not show either. */
	h = iosafe_handle_from_raw(raw);
	SetLastError(77);
	iosafe_handle_drop(&h);
	EXPECT_EQ(GetLastError(), 77);
	iosafe_handle_drop(&h); /* none: nothing */
	EXPECT_EQ(GetLastError(), 77);
}

WIN_TEST(handle_replace)
{
	HANDLE a = new_event(), b = new_event();
	iosafe_owned_handle dst = iosafe_handle_from_raw(a);

	REQUIRE(a != NULL && b != NULL);
	SetLastError(31);
	iosafe_handle_replace(&dst, iosafe_handle_from_raw(b));
	EXPECT_EQ(GetLastError(), 31);
	EXPECT(!win_is_open(a));
	EXPECT(dst.raw == b);
	/* The same handle in both: kept open, one owner. */
	iosafe_handle_replace(&dst, iosafe_handle_from_raw(b));
	EXPECT(win_is_open(b));
	EXPECT(dst.raw == b);
	/* None moved in: the old one closed. */
	iosafe_handle_replace(&dst, IOSAFE_HANDLE_NONE);
	EXPECT(!win_is_open(b));
	EXPECT(iosafe_handle_is_none(&dst));
}

WIN_TEST(handle_try_clone_not_inheritable)
{
	iosafe_auto_handle h = iosafe_handle_from_raw(new_event());
	iosafe_auto_handle clone = IOSAFE_HANDLE_NONE;

	REQUIRE(h.raw != NULL);
	/* The original made inheritable on purpose: the clone still is not. */
	EXPECT_EQ(iosafe_handle_set_inheritable(iosafe_handle_borrow(&h), true), 0);
	EXPECT(win_is_inheritable(h.raw));
	EXPECT_EQ(iosafe_handle_try_clone(&clone, iosafe_handle_borrow(&h)), 0);
	REQUIRE(clone.raw != NULL);
	EXPECT(clone.raw != h.raw);
	EXPECT(win_is_open(clone.raw));
	EXPECT(!win_is_inheritable(clone.raw));
	/* Same object: setting the event through the clone is seen through the
	 * original. */
	EXPECT(SetEvent(clone.raw));
	EXPECT_EQ(WaitForSingleObject(h.raw, 0), WAIT_OBJECT_0);
	EXPECT_EQ(iosafe_handle_set_inheritable(iosafe_handle_borrow(&h), false), 0);
	EXPECT(!win_is_inheritable(h.raw));
}

WIN_TEST(handle_try_clone_errors)
{
	iosafe_owned_handle out = iosafe_handle_from_raw((HANDLE)(ULONG_PTR)0x1234);
	HANDLE stale = new_event();

	REQUIRE(stale != NULL);
	EXPECT(CloseHandle(stale));
	SetLastError(55);
	EXPECT_EQ(iosafe_handle_try_clone(NULL, iosafe_handle_borrow_raw(GetCurrentProcess())), -EINVAL);
	EXPECT_EQ(iosafe_handle_try_clone(&out, iosafe_handle_borrow_raw(NULL)), -EBADF);
	EXPECT_EQ(GetLastError(), 55); /* iosafe's own checks leave it alone */
	EXPECT(iosafe_handle_is_none(&out));
	EXPECT_EQ(iosafe_handle_try_clone(&out, iosafe_handle_borrow_raw(stale)), -EBADF);
	EXPECT_EQ(GetLastError(), ERROR_INVALID_HANDLE);
	EXPECT(iosafe_handle_is_none(&out));
	EXPECT_EQ(iosafe_handle_set_inheritable(iosafe_handle_borrow_raw(NULL), true), -EBADF);
	EXPECT_EQ(iosafe_handle_set_inheritable(iosafe_handle_borrow_raw(stale), true), -EBADF);
}

/* The pseudo-handle clones to a real handle of the same process. */
WIN_TEST(handle_try_clone_pseudo_handle)
{
	iosafe_auto_handle self = IOSAFE_HANDLE_NONE;

	EXPECT_EQ(iosafe_handle_try_clone(&self, iosafe_handle_borrow_raw(GetCurrentProcess())), 0);
	REQUIRE(self.raw != NULL);
	EXPECT(self.raw != INVALID_HANDLE_VALUE);
	EXPECT(!win_is_inheritable(self.raw));
	EXPECT_EQ(GetProcessId(self.raw), GetCurrentProcessId());
}

WIN_TEST(handle_from_invalid)
{
	iosafe_owned_handle out = IOSAFE_HANDLE_NONE;
	iosafe_handle_or_invalid r;
	HANDLE raw;

	/* The sentinel: none and the errno of the last error, which stays. */
	r.raw = INVALID_HANDLE_VALUE;
	SetLastError(ERROR_ACCESS_DENIED);
	EXPECT_EQ(iosafe_handle_from_invalid(&out, r), -EACCES);
	EXPECT_EQ(GetLastError(), ERROR_ACCESS_DENIED);
	EXPECT(iosafe_handle_is_none(&out));
	/* NULL is not a handle such a call returns. */
	r.raw = NULL;
	EXPECT_EQ(iosafe_handle_from_invalid(&out, r), -EBADF);
	EXPECT(iosafe_handle_is_none(&out));
	/* A handle is adopted. */
	r.raw = raw = new_event();
	REQUIRE(raw != NULL);
	EXPECT_EQ(iosafe_handle_from_invalid(&out, r), 0);
	EXPECT(out.raw == raw);
	EXPECT_EQ(iosafe_handle_close(&out), 0);
	/* Nowhere to store it: closed, not leaked. */
	r.raw = raw = new_event();
	REQUIRE(raw != NULL);
	EXPECT_EQ(iosafe_handle_from_invalid(NULL, r), -EINVAL);
	EXPECT(!win_is_open(raw));
}

WIN_TEST(handle_from_null)
{
	iosafe_owned_handle out = IOSAFE_HANDLE_NONE;
	iosafe_handle_or_null r;
	HANDLE raw;

	r.raw = NULL;
	SetLastError(ERROR_FILE_NOT_FOUND);
	EXPECT_EQ(iosafe_handle_from_null(&out, r), -ENOENT);
	EXPECT_EQ(GetLastError(), ERROR_FILE_NOT_FOUND);
	EXPECT(iosafe_handle_is_none(&out));
	/* INVALID_HANDLE_VALUE is a handle here (the pseudo-handle). */
	r.raw = INVALID_HANDLE_VALUE;
	EXPECT_EQ(iosafe_handle_from_null(&out, r), 0);
	EXPECT(out.raw == INVALID_HANDLE_VALUE);
	EXPECT_EQ(iosafe_handle_close(&out), 0);
	r.raw = raw = new_event();
	REQUIRE(raw != NULL);
	EXPECT_EQ(iosafe_handle_from_null(NULL, r), -EINVAL);
	EXPECT(!win_is_open(raw));
}

/* OpenProcess with a pid that names no process, through HandleOrNull. */
WIN_TEST(handle_open_process_bad_pid)
{
	iosafe_owned_handle h = IOSAFE_HANDLE_NONE;
	iosafe_handle_or_null r = { OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, FALSE, 0xFFFFFFF0u) };
	DWORD code = GetLastError();

	EXPECT(r.raw == NULL);
	EXPECT_EQ(code, ERROR_INVALID_PARAMETER);
	EXPECT_EQ(iosafe_handle_from_null(&h, r), -EINVAL);
	EXPECT(iosafe_handle_is_none(&h));
	/* The same through the acquisition. */
	h = iosafe_handle_from_raw((HANDLE)(ULONG_PTR)0x1234);
	EXPECT_EQ(iosafe_open_process(&h, PROCESS_QUERY_LIMITED_INFORMATION, 0xFFFFFFF0u), -EINVAL);
	EXPECT(iosafe_handle_is_none(&h));
	EXPECT_EQ(GetLastError(), ERROR_INVALID_PARAMETER);
	EXPECT_EQ(iosafe_open_process(NULL, PROCESS_QUERY_LIMITED_INFORMATION, GetCurrentProcessId()),
		  -EINVAL);
}

WIN_TEST(handle_open_process_self)
{
	iosafe_auto_handle h = IOSAFE_HANDLE_NONE;

	EXPECT_EQ(iosafe_open_process(&h, PROCESS_QUERY_LIMITED_INFORMATION, GetCurrentProcessId()), 0);
	REQUIRE(h.raw != NULL);
	EXPECT(!win_is_inheritable(h.raw));
	EXPECT_EQ(GetProcessId(h.raw), GetCurrentProcessId());
}

WIN_TEST(handle_auto_closes_at_scope_end)
{
	HANDLE raw;

	{
		iosafe_auto_handle h = iosafe_handle_from_raw(new_event());

		raw = h.raw;
		REQUIRE(raw != NULL);
		EXPECT(win_is_open(raw));
	}
	EXPECT(!win_is_open(raw));
	/* Moved out: nothing closed. */
	{
		iosafe_auto_handle h = iosafe_handle_from_raw(new_event());

		raw = iosafe_handle_into_raw(&h);
	}
	EXPECT(win_is_open(raw));
	EXPECT(CloseHandle(raw));
}
