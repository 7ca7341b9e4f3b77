/* SPDX-License-Identifier: MIT */
/*
 * tests/win/test_samefile.c: the Windows halves of include/iosafe/samefile.h
 * (src/win/samefile.c) and include/iosafe/filetime.h (src/win/filetime.c).
 * Real files in GetTempPathW's directory: a file and its hard link
 * (CreateHardLinkW), another file, a directory, a file renamed while a
 * handle is held; the FILETIME conversion at its limits; times set with
 * SetFileTime through a handle and a C runtime descriptor and read back
 * with GetFileTime.  The harness checks the handle count after each test.
 */
#include "harness.h"

#include <errno.h>
#include <fcntl.h>
#include <io.h>
#include <string.h>
#include <wchar.h>

static void temp_path(wchar_t *buf, size_t n, const wchar_t *tag)
{
	wchar_t dir[MAX_PATH + 1];
	DWORD len = GetTempPathW(MAX_PATH + 1, dir);

	if (len == 0 || len > MAX_PATH)
		wcscpy(dir, L".\\");
	swprintf(buf, n, L"%lsiosafe-sf-%lu-%ls", dir, (unsigned long)GetCurrentProcessId(), tag);
}

static bool make_file(const wchar_t *path)
{
	HANDLE h = CreateFileW(path, GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, FILE_ATTRIBUTE_NORMAL,
			       NULL);

	if (h == INVALID_HANDLE_VALUE)
		return false;
	CloseHandle(h);
	return true;
}

WIN_TEST(same_file_hard_link_equal_other_unequal)
{
	wchar_t file[MAX_PATH + 64], link[MAX_PATH + 64], other[MAX_PATH + 64], dir[MAX_PATH + 64];
	iosafe_same_file_handle a = IOSAFE_SAME_FILE_HANDLE_NONE;
	iosafe_same_file_handle b = IOSAFE_SAME_FILE_HANDLE_NONE;
	iosafe_same_file_handle c = IOSAFE_SAME_FILE_HANDLE_NONE;
	iosafe_same_file_handle d = IOSAFE_SAME_FILE_HANDLE_NONE;
	bool same = false;

	temp_path(file, MAX_PATH + 64, L"file");
	temp_path(link, MAX_PATH + 64, L"link");
	temp_path(other, MAX_PATH + 64, L"other");
	temp_path(dir, MAX_PATH + 64, L"dir");
	REQUIRE(make_file(file));
	REQUIRE(make_file(other));
	REQUIRE(CreateHardLinkW(link, file, NULL));
	REQUIRE(CreateDirectoryW(dir, NULL));
	EXPECT_EQ(iosafe_same_file_open_w(&a, file), 0);
	EXPECT_EQ(iosafe_same_file_open_w(&b, link), 0);
	EXPECT_EQ(iosafe_same_file_open_w(&c, other), 0);
	EXPECT_EQ(iosafe_same_file_open_w(&d, dir), 0);
	EXPECT(!win_is_inheritable(a.handle.raw));
	EXPECT(iosafe_same_file_equal(&a, &b));
	EXPECT(iosafe_same_file_equal(&a, &a));
	EXPECT(!iosafe_same_file_equal(&a, &c));
	EXPECT(!iosafe_same_file_equal(&a, &d));
	EXPECT(!iosafe_same_file_equal(&a, NULL));
	EXPECT_EQ(iosafe_is_same_file_w(file, link, &same), 0);
	EXPECT(same);
	EXPECT_EQ(iosafe_is_same_file_w(file, other, &same), 0);
	EXPECT(!same);
	EXPECT_EQ(iosafe_same_file_close(&a), 0);
	EXPECT(iosafe_handle_is_none(&a.handle));
	EXPECT(!iosafe_same_file_equal(&a, &b));
	EXPECT_EQ(iosafe_same_file_close(&a), 0);
	iosafe_same_file_drop(&b);
	iosafe_same_file_drop(&c);
	iosafe_same_file_drop(&d);
	DeleteFileW(link);
	DeleteFileW(file);
	DeleteFileW(other);
	RemoveDirectoryW(dir);
}

WIN_TEST(same_file_renamed_and_errors)
{
	wchar_t file[MAX_PATH + 64], moved[MAX_PATH + 64];
	iosafe_same_file_handle a = IOSAFE_SAME_FILE_HANDLE_NONE;
	iosafe_same_file_handle b = IOSAFE_SAME_FILE_HANDLE_NONE;
	iosafe_owned_handle h = IOSAFE_HANDLE_NONE;
	bool same = true;

	temp_path(file, MAX_PATH + 64, L"ren");
	temp_path(moved, MAX_PATH + 64, L"moved");
	REQUIRE(make_file(file));
	EXPECT_EQ(iosafe_same_file_open_w(&a, file), 0);
	/* FILE_SHARE_DELETE: the file can be renamed while the handle is held. */
	REQUIRE(MoveFileW(file, moved));
	EXPECT_EQ(iosafe_same_file_open_w(&b, moved), 0);
	EXPECT(iosafe_same_file_equal(&a, &b));
	iosafe_same_file_drop(&b);
	EXPECT_EQ(iosafe_same_file_open_w(&b, file), -ENOENT);
	EXPECT(iosafe_handle_is_none(&b.handle));
	EXPECT_EQ(iosafe_is_same_file_w(file, moved, &same), -ENOENT);
	EXPECT(!same);
	EXPECT_EQ(iosafe_same_file_open_w(NULL, moved), -EINVAL);
	EXPECT_EQ(iosafe_same_file_open_w(&b, NULL), -EINVAL);
	EXPECT_EQ(iosafe_same_file_from_handle(&b, &h), -EBADF);
	EXPECT_EQ(iosafe_same_file_from_handle(&b, NULL), -EINVAL);
	EXPECT_EQ(iosafe_is_same_file_w(moved, moved, NULL), -EINVAL);
	EXPECT_EQ(iosafe_same_file_close(NULL), -EINVAL);
	iosafe_same_file_drop(&a);
	DeleteFileW(moved);
}

WIN_TEST(same_file_from_handle_moves_on_success_only)
{
	wchar_t file[MAX_PATH + 64];
	iosafe_owned_handle h = IOSAFE_HANDLE_NONE, r = IOSAFE_HANDLE_NONE, w = IOSAFE_HANDLE_NONE;
	iosafe_same_file_handle a = IOSAFE_SAME_FILE_HANDLE_NONE;
	iosafe_same_file_handle b = IOSAFE_SAME_FILE_HANDLE_NONE;
	HANDLE raw;

	temp_path(file, MAX_PATH + 64, L"move");
	REQUIRE(make_file(file));
	REQUIRE(iosafe_create_file_w(&h, file, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING,
				     0) == 0);
	raw = h.raw;
	EXPECT_EQ(iosafe_same_file_from_handle(&a, &h), 0);
	EXPECT(iosafe_handle_is_none(&h));
	EXPECT(a.handle.raw == raw);
	EXPECT_EQ(iosafe_same_file_open_w(&b, file), 0);
	EXPECT(iosafe_same_file_equal(&a, &b));
	iosafe_same_file_drop(&b);
	iosafe_same_file_drop(&a);
	EXPECT(!win_is_open(raw));
	/* A pipe end has no file index under Windows; under wine it may have
	 * one.  Either way: on failure the pipe end stays with its owner. */
	REQUIRE(iosafe_pipe_win(&r, &w) == 0);
	raw = r.raw;
	if (iosafe_same_file_from_handle(&b, &r) == 0) {
		EXPECT(iosafe_handle_is_none(&r));
		iosafe_same_file_drop(&b);
	} else {
		EXPECT(r.raw == raw);
		EXPECT(iosafe_handle_is_none(&b.handle));
		iosafe_handle_drop(&r);
	}
	iosafe_handle_drop(&w);
	DeleteFileW(file);
}

WIN_TEST(same_file_stdio_duplicates)
{
	iosafe_same_file_handle s = IOSAFE_SAME_FILE_HANDLE_NONE;
	iosafe_borrowed_handle in = iosafe_handle_borrow_from_fd(iosafe_fd_borrow_raw(0));
	int rc = iosafe_same_file_stdin(&s);

	if (in.raw == IOSAFE_RAW_HANDLE_NONE) {
		EXPECT_EQ(rc, -EBADF);
	} else if (rc == 0) {
		EXPECT(s.handle.raw != in.raw);
		EXPECT(!win_is_inheritable(s.handle.raw));
		EXPECT(win_is_open(in.raw));
		iosafe_same_file_drop(&s);
		EXPECT(win_is_open(in.raw));
	} else {
		/* A console or a device has no file index: nothing is left open. */
		EXPECT(rc < 0);
		EXPECT(iosafe_handle_is_none(&s.handle));
	}
	EXPECT_EQ(iosafe_same_file_stdout(NULL), -EINVAL);
	EXPECT_EQ(iosafe_same_file_stderr(NULL), -EINVAL);
}

WIN_TEST(filetime_win_conversion_limits)
{
	iosafe_filetime t = { 0, 0 }, back;
	FILETIME ft = { 12345, 6789 };

	/* The Unix epoch is 116444736000000000 ticks. */
	EXPECT_EQ(iosafe_filetime_to_win(&t, &ft), 0);
	EXPECT_EQ(((unsigned long long)ft.dwHighDateTime << 32) | ft.dwLowDateTime,
		  116444736000000000ULL);
	t.sec = 1500000000;
	t.nsec = 123456789;
	EXPECT_EQ(iosafe_filetime_to_win(&t, &ft), 0);
	back = iosafe_filetime_from_win(&ft);
	EXPECT_EQ(back.sec, 1500000000);
	EXPECT_EQ(back.nsec, 123456700); /* truncated to 100 ns */
	t.sec = -1;
	t.nsec = 500000000;
	EXPECT_EQ(iosafe_filetime_to_win(&t, &ft), 0);
	back = iosafe_filetime_from_win(&ft);
	EXPECT_EQ(back.sec, -1);
	EXPECT_EQ(back.nsec, 500000000);
	/* The first tick after 1601, and 1601 itself (0: "do not change"). */
	t.sec = -IOSAFE_FILETIME_EPOCH_DIFF;
	t.nsec = 100;
	EXPECT_EQ(iosafe_filetime_to_win(&t, &ft), 0);
	EXPECT_EQ(ft.dwLowDateTime, 1);
	EXPECT_EQ(ft.dwHighDateTime, 0);
	t.nsec = 99;
	ft.dwLowDateTime = 77;
	EXPECT_EQ(iosafe_filetime_to_win(&t, &ft), -ERANGE);
	EXPECT_EQ(ft.dwLowDateTime, 77);
	t.sec = -IOSAFE_FILETIME_EPOCH_DIFF - 1;
	t.nsec = 0;
	EXPECT_EQ(iosafe_filetime_to_win(&t, &ft), -ERANGE);
	/* INT64_MAX ticks, and one tick more. */
	t.sec = 922337203685LL - IOSAFE_FILETIME_EPOCH_DIFF;
	t.nsec = 477580700;
	EXPECT_EQ(iosafe_filetime_to_win(&t, &ft), 0);
	EXPECT_EQ(((unsigned long long)ft.dwHighDateTime << 32) | ft.dwLowDateTime,
		  9223372036854775807ULL);
	t.nsec = 477580800;
	EXPECT_EQ(iosafe_filetime_to_win(&t, &ft), -ERANGE);
	t.sec = 922337203686LL - IOSAFE_FILETIME_EPOCH_DIFF;
	t.nsec = 0;
	EXPECT_EQ(iosafe_filetime_to_win(&t, &ft), -ERANGE);
	t.sec = 0;
	t.nsec = IOSAFE_NSEC_PER_SEC;
	EXPECT_EQ(iosafe_filetime_to_win(&t, &ft), -EINVAL);
	EXPECT_EQ(iosafe_filetime_to_win(NULL, &ft), -EINVAL);
	EXPECT_EQ(iosafe_filetime_to_win(&t, NULL), -EINVAL);
	EXPECT_EQ(iosafe_filetime_from_win(NULL).sec, 0);
}

static unsigned long long ticks_of(const FILETIME *ft)
{
	return ((unsigned long long)ft->dwHighDateTime << 32) | ft->dwLowDateTime;
}

WIN_TEST(filetime_set_handle_and_fd_times)
{
	wchar_t file[MAX_PATH + 64];
	iosafe_owned_handle h = IOSAFE_HANDLE_NONE;
	iosafe_owned_fd fd = IOSAFE_FD_NONE;
	iosafe_filetime at = { 1000000000, 0 }, mt = { 1500000000, 0 }, t3 = { 1600000000, 0 };
	iosafe_filetime bad = { 0, IOSAFE_NSEC_PER_SEC }, now;
	FILETIME c, a, m;
	HANDLE raw;

	temp_path(file, MAX_PATH + 64, L"times");
	REQUIRE(make_file(file));
	REQUIRE(iosafe_create_file_w(&h, file, GENERIC_READ | FILE_WRITE_ATTRIBUTES,
				     FILE_SHARE_READ, NULL, OPEN_EXISTING, 0) == 0);
	EXPECT_EQ(iosafe_set_handle_times(iosafe_handle_borrow(&h), &at, &mt), 0);
	REQUIRE(GetFileTime(h.raw, &c, &a, &m));
	EXPECT_EQ(iosafe_filetime_from_win(&a).sec, 1000000000);
	EXPECT_EQ(iosafe_filetime_from_win(&m).sec, 1500000000);
	/* NULL leaves the access time as it is. */
	EXPECT_EQ(iosafe_set_handle_times(iosafe_handle_borrow(&h), NULL, &t3), 0);
	REQUIRE(GetFileTime(h.raw, &c, &a, &m));
	EXPECT_EQ(iosafe_filetime_from_win(&a).sec, 1000000000);
	EXPECT_EQ(iosafe_filetime_from_win(&m).sec, 1600000000);
	EXPECT_EQ(iosafe_set_handle_times(iosafe_handle_borrow(&h), &bad, NULL), -EINVAL);
	EXPECT_EQ(iosafe_set_handle_times(iosafe_handle_borrow_raw(NULL), &at, &mt), -EBADF);
	/* Through a C runtime descriptor (the handle moves into it). */
	raw = h.raw;
	REQUIRE(iosafe_fd_from_handle(&fd, &h, _O_RDONLY) == 0);
	EXPECT_EQ(iosafe_set_fd_times(iosafe_fd_borrow(&fd), &mt, NULL), 0);
	REQUIRE(GetFileTime(raw, &c, &a, &m));
	EXPECT_EQ(iosafe_filetime_from_win(&a).sec, 1500000000);
	EXPECT_EQ(iosafe_filetime_from_win(&m).sec, 1600000000);
	EXPECT_EQ(iosafe_set_fd_times(iosafe_fd_borrow_raw(-1), &at, &mt), -EBADF);
	iosafe_fd_close(&fd);
	EXPECT_EQ(iosafe_set_fd_times(iosafe_fd_borrow_raw(4000), &at, &mt), -EBADF);
	EXPECT_EQ(iosafe_filetime_now(&now), 0);
	EXPECT(now.sec > 1600000000 && now.nsec < IOSAFE_NSEC_PER_SEC);
	EXPECT(ticks_of(&c) != 0);
	EXPECT_EQ(iosafe_filetime_now(NULL), -EINVAL);
	DeleteFileW(file);
}
