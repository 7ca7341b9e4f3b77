/* SPDX-License-Identifier: MIT */
/*
 * tests/win/test_io.c: the acquisitions of include/iosafe/win.h
 * (iosafe_create_file_w, iosafe_pipe_win), the standard handles and the C
 * runtime bridge (iosafe_fd_from_handle, iosafe_handle_borrow_from_fd).
 * Files are made in GetTempPathW's directory and deleted.
 */
#include "harness.h"

#include <errno.h>
#include <fcntl.h>
#include <io.h>
#include <string.h>
#include <wchar.h>

/* A fresh path in the temporary directory: <tmp>iosafe-<pid>-<tag>.tmp */
static void temp_path(wchar_t *buf, size_t n, const wchar_t *tag)
{
	wchar_t dir[MAX_PATH + 1];
	DWORD len = GetTempPathW(MAX_PATH + 1, dir);

	if (len == 0 || len > MAX_PATH)
		wcscpy(dir, L".\\");
	swprintf(buf, n, L"%lsiosafe-%lu-%ls.tmp", dir, (unsigned long)GetCurrentProcessId(), tag);
}

WIN_TEST(create_file_missing_path_is_enoent)
{
	iosafe_owned_handle h = iosafe_handle_from_raw((HANDLE)(ULONG_PTR)0x1234);
	wchar_t path[MAX_PATH + 64];

	/* A missing directory: ERROR_PATH_NOT_FOUND. */
	EXPECT_EQ(iosafe_create_file_w(&h, L"C:\\iosafe-no-such-dir\\missing.txt", GENERIC_READ,
				       FILE_SHARE_READ, NULL, OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL),
		  -ENOENT);
	EXPECT_EQ(GetLastError(), ERROR_PATH_NOT_FOUND);
	EXPECT(iosafe_handle_is_none(&h));
	/* A missing file in a directory that exists: ERROR_FILE_NOT_FOUND. */
	temp_path(path, sizeof path / sizeof path[0], L"missing");
	EXPECT_EQ(iosafe_create_file_w(&h, path, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING,
				       FILE_ATTRIBUTE_NORMAL),
		  -ENOENT);
	EXPECT_EQ(GetLastError(), ERROR_FILE_NOT_FOUND);
	EXPECT(iosafe_handle_is_none(&h));
}

WIN_TEST(create_file_bad_arguments)
{
	iosafe_owned_handle h = iosafe_handle_from_raw((HANDLE)(ULONG_PTR)0x1234);

	SetLastError(99);
	EXPECT_EQ(iosafe_create_file_w(NULL, L"x", GENERIC_READ, 0, NULL, OPEN_EXISTING, 0), -EINVAL);
	EXPECT_EQ(iosafe_create_file_w(&h, NULL, GENERIC_READ, 0, NULL, OPEN_EXISTING, 0), -EINVAL);
	EXPECT(iosafe_handle_is_none(&h));
	EXPECT_EQ(GetLastError(), 99);
}

WIN_TEST(create_file_write_read_exists)
{
	iosafe_owned_handle h = IOSAFE_HANDLE_NONE, again = IOSAFE_HANDLE_NONE;
	wchar_t path[MAX_PATH + 64];
	char buf[8] = { 0 };
	DWORD n = 0;

	temp_path(path, sizeof path / sizeof path[0], L"rw");
	DeleteFileW(path);
	EXPECT_EQ(iosafe_create_file_w(&h, path, GENERIC_READ | GENERIC_WRITE, 0, NULL, CREATE_NEW,
				       FILE_ATTRIBUTE_NORMAL),
		  0);
	REQUIRE(!iosafe_handle_is_none(&h));
	EXPECT(!win_is_inheritable(h.raw));
	EXPECT(WriteFile(h.raw, "iosafe", 6, &n, NULL) && n == 6);
	/* CREATE_NEW of a file that exists. */
	EXPECT_EQ(iosafe_create_file_w(&again, path, GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE,
				       NULL, CREATE_NEW, FILE_ATTRIBUTE_NORMAL),
		  -EEXIST);
	EXPECT_EQ(GetLastError(), ERROR_FILE_EXISTS);
	EXPECT(iosafe_handle_is_none(&again));
	/* Opened without sharing: a second open is a sharing violation. */
	EXPECT_EQ(iosafe_create_file_w(&again, path, GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE,
				       NULL, OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL),
		  -EBUSY);
	EXPECT_EQ(GetLastError(), ERROR_SHARING_VIOLATION);
	EXPECT_EQ(iosafe_handle_close(&h), 0);
	EXPECT_EQ(iosafe_create_file_w(&again, path, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING,
				       FILE_ATTRIBUTE_NORMAL),
		  0);
	EXPECT(ReadFile(again.raw, buf, sizeof buf, &n, NULL) && n == 6);
	EXPECT(memcmp(buf, "iosafe", 6) == 0);
	EXPECT_EQ(iosafe_handle_close(&again), 0);
	EXPECT(DeleteFileW(path));
}

WIN_TEST(pipe_win_ends_not_inheritable)
{
	iosafe_owned_handle r = IOSAFE_HANDLE_NONE, w = IOSAFE_HANDLE_NONE;
	char buf[8] = { 0 };
	DWORD n = 0;

	EXPECT_EQ(iosafe_pipe_win(&r, &w), 0);
	REQUIRE(!iosafe_handle_is_none(&r) && !iosafe_handle_is_none(&w));
	EXPECT(!win_is_inheritable(r.raw));
	EXPECT(!win_is_inheritable(w.raw));
	EXPECT(WriteFile(w.raw, "pipe", 4, &n, NULL) && n == 4);
	EXPECT(ReadFile(r.raw, buf, sizeof buf, &n, NULL) && n == 4);
	EXPECT(memcmp(buf, "pipe", 4) == 0);
	/* The write end closed: the reader sees a broken pipe, -EPIPE. */
	EXPECT_EQ(iosafe_handle_close(&w), 0);
	EXPECT(!ReadFile(r.raw, buf, sizeof buf, &n, NULL));
	EXPECT_EQ(GetLastError(), ERROR_BROKEN_PIPE);
	EXPECT_EQ(iosafe_win_error_to_errno(GetLastError()), -EPIPE);
	EXPECT_EQ(iosafe_handle_close(&r), 0);
}

WIN_TEST(pipe_win_bad_arguments)
{
	iosafe_owned_handle a = iosafe_handle_from_raw((HANDLE)(ULONG_PTR)0x1234);

	EXPECT_EQ(iosafe_pipe_win(NULL, &a), -EINVAL);
	EXPECT(iosafe_handle_is_none(&a));
	a = iosafe_handle_from_raw((HANDLE)(ULONG_PTR)0x1234);
	EXPECT_EQ(iosafe_pipe_win(&a, NULL), -EINVAL);
	EXPECT(iosafe_handle_is_none(&a));
	EXPECT_EQ(iosafe_pipe_win(&a, &a), -EINVAL);
	EXPECT(iosafe_handle_is_none(&a));
}

/* GetStdHandle's NULL (no handle) and INVALID_HANDLE_VALUE (failure) are
 * both none; a real standard handle is borrowed as it is. */
WIN_TEST(std_handles)
{
	HANDLE in = GetStdHandle(STD_INPUT_HANDLE);
	HANDLE out = GetStdHandle(STD_OUTPUT_HANDLE);

	/* stdout is where this harness prints: it exists. */
	EXPECT(iosafe_handle_raw(iosafe_stdout_handle()) == out);
	EXPECT(out != NULL && out != INVALID_HANDLE_VALUE);
	EXPECT(iosafe_handle_raw(iosafe_stderr_handle()) == GetStdHandle(STD_ERROR_HANDLE));
	EXPECT(SetStdHandle(STD_INPUT_HANDLE, NULL));
	EXPECT(iosafe_handle_raw(iosafe_stdin_handle()) == NULL);
	EXPECT(SetStdHandle(STD_INPUT_HANDLE, INVALID_HANDLE_VALUE));
	EXPECT(iosafe_handle_raw(iosafe_stdin_handle()) == NULL);
	EXPECT(SetStdHandle(STD_INPUT_HANDLE, in));
	EXPECT(iosafe_handle_raw(iosafe_stdin_handle()) ==
	       (in == INVALID_HANDLE_VALUE ? NULL : in));
}

/* _open_osfhandle moves ownership: the descriptor closes the handle. */
WIN_TEST(fd_from_handle_moves_ownership)
{
	iosafe_owned_handle r = IOSAFE_HANDLE_NONE, w = IOSAFE_HANDLE_NONE;
	iosafe_owned_fd fd = IOSAFE_FD_NONE;
	HANDLE raw;
	char buf[8] = { 0 };
	DWORD n = 0;

	REQUIRE(iosafe_pipe_win(&r, &w) == 0);
	raw = r.raw;
	EXPECT_EQ(iosafe_fd_from_handle(&fd, &r, _O_RDONLY | _O_BINARY), 0);
	EXPECT(iosafe_handle_is_none(&r));
	REQUIRE(fd.raw >= 0);
	EXPECT(iosafe_handle_raw(iosafe_handle_borrow_from_fd(iosafe_fd_borrow(&fd))) == raw);
	EXPECT(WriteFile(w.raw, "crt", 3, &n, NULL) && n == 3);
	EXPECT_EQ(_read(fd.raw, buf, sizeof buf), 3);
	EXPECT(memcmp(buf, "crt", 3) == 0);
	EXPECT(win_is_open(raw));
	EXPECT_EQ(iosafe_fd_close(&fd), 0);
	EXPECT(fd.raw == IOSAFE_RAW_NONE);
	/* Closing the descriptor closed the handle it owned. */
	EXPECT(!win_is_open(raw));
	EXPECT_EQ(iosafe_handle_close(&w), 0);
}

WIN_TEST(fd_from_handle_errors)
{
	iosafe_owned_handle none = IOSAFE_HANDLE_NONE, self;
	iosafe_owned_fd fd = { 7 };

	EXPECT_EQ(iosafe_fd_from_handle(&fd, &none, 0), -EBADF);
	EXPECT_EQ(fd.raw, IOSAFE_RAW_NONE);
	/* The pseudo-handle is no file: refused, and kept by its owner. */
	self = iosafe_handle_from_raw(GetCurrentProcess());
	EXPECT_EQ(iosafe_fd_from_handle(&fd, &self, 0), -EBADF);
	EXPECT(self.raw == INVALID_HANDLE_VALUE);
	EXPECT_EQ(fd.raw, IOSAFE_RAW_NONE);
	EXPECT_EQ(iosafe_fd_from_handle(&fd, NULL, 0), -EINVAL);
	EXPECT_EQ(iosafe_fd_from_handle(NULL, &none, 0), -EINVAL);
	EXPECT(iosafe_handle_raw(iosafe_handle_borrow_from_fd(iosafe_fd_borrow_raw(-1))) == NULL);
}

/* The fd core on the C runtime (src/win/crt.c): close once, drop keeps errno. */
WIN_TEST(crt_fd_close_and_drop)
{
	iosafe_owned_handle r = IOSAFE_HANDLE_NONE, w = IOSAFE_HANDLE_NONE;
	iosafe_owned_fd fd = IOSAFE_FD_NONE, stale;
	int raw;

	REQUIRE(iosafe_pipe_win(&r, &w) == 0);
	REQUIRE(iosafe_fd_from_handle(&fd, &w, _O_WRONLY | _O_BINARY) == 0);
	raw = fd.raw;
	EXPECT_EQ(iosafe_fd_close(&fd), 0);
	stale = iosafe_fd_from_raw(raw);
	errno = 0;
	EXPECT_EQ(iosafe_fd_close(&stale), -EBADF);
	EXPECT(stale.raw == IOSAFE_RAW_NONE);
	stale = iosafe_fd_from_raw(raw);
	errno = ERANGE;
	iosafe_fd_drop(&stale);
	EXPECT_EQ(errno, ERANGE);
	EXPECT_EQ(iosafe_handle_close(&r), 0);
}
