/* SPDX-License-Identifier: MIT */
/*
 * tests/win/test_error.c: the Win32/WSA to errno table (src/win/error.c).
 */
#include "harness.h"

#include <errno.h>

WIN_TEST(error_table)
{
	EXPECT_EQ(iosafe_win_error_to_errno(ERROR_FILE_NOT_FOUND), -ENOENT);
	EXPECT_EQ(iosafe_win_error_to_errno(ERROR_PATH_NOT_FOUND), -ENOENT);
	EXPECT_EQ(iosafe_win_error_to_errno(ERROR_ACCESS_DENIED), -EACCES);
	EXPECT_EQ(iosafe_win_error_to_errno(ERROR_INVALID_HANDLE), -EBADF);
	EXPECT_EQ(iosafe_win_error_to_errno(ERROR_INVALID_PARAMETER), -EINVAL);
	EXPECT_EQ(iosafe_win_error_to_errno(ERROR_TOO_MANY_OPEN_FILES), -EMFILE);
	EXPECT_EQ(iosafe_win_error_to_errno(ERROR_NOT_ENOUGH_MEMORY), -ENOMEM);
	EXPECT_EQ(iosafe_win_error_to_errno(ERROR_FILE_EXISTS), -EEXIST);
	EXPECT_EQ(iosafe_win_error_to_errno(ERROR_ALREADY_EXISTS), -EEXIST);
	EXPECT_EQ(iosafe_win_error_to_errno(ERROR_SHARING_VIOLATION), -EBUSY);
	EXPECT_EQ(iosafe_win_error_to_errno(ERROR_BROKEN_PIPE), -EPIPE);
	EXPECT_EQ(iosafe_win_error_to_errno(ERROR_FILENAME_EXCED_RANGE), -ENAMETOOLONG);
	EXPECT_EQ(iosafe_win_error_to_errno(WSAEWOULDBLOCK), -EAGAIN);
	EXPECT_EQ(iosafe_win_error_to_errno(WSAEINTR), -EINTR);
	EXPECT_EQ(iosafe_win_error_to_errno(WSAECONNREFUSED), -ECONNREFUSED);
	EXPECT_EQ(iosafe_win_error_to_errno(WSAECONNRESET), -ECONNRESET);
	EXPECT_EQ(iosafe_win_error_to_errno(WSAEADDRINUSE), -EADDRINUSE);
	EXPECT_EQ(iosafe_win_error_to_errno(WSAENOTSOCK), -ENOTSOCK);
	EXPECT_EQ(iosafe_win_error_to_errno(WSANOTINITIALISED), -ENETDOWN);
	/* Not in the table, and 0: -EIO. */
	EXPECT_EQ(iosafe_win_error_to_errno(0), -EIO);
	EXPECT_EQ(iosafe_win_error_to_errno(0x7FFFFFFFul), -EIO);
}

WIN_TEST(error_table_leaves_last_error)
{
	SetLastError(ERROR_DISK_FULL);
	EXPECT_EQ(iosafe_win_error_to_errno(GetLastError()), -ENOSPC);
	EXPECT_EQ(GetLastError(), ERROR_DISK_FULL);
}

/* A real connection refused on loopback maps through the table. */
WIN_TEST(error_connection_refused)
{
	iosafe_auto_sock s = IOSAFE_SOCK_NONE;
	iosafe_auto_sock probe = IOSAFE_SOCK_NONE;
	struct sockaddr_in a = { 0 };
	int len = sizeof a;

	/* An address that was just free: bind, read the port, close. */
	REQUIRE(iosafe_sock_open(&probe, AF_INET, SOCK_STREAM, IPPROTO_TCP) == 0);
	a.sin_family = AF_INET;
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	REQUIRE(bind(probe.raw, (struct sockaddr *)&a, sizeof a) == 0);
	REQUIRE(getsockname(probe.raw, (struct sockaddr *)&a, &len) == 0);
	EXPECT_EQ(iosafe_sock_close(&probe), 0);
	REQUIRE(iosafe_sock_open(&s, AF_INET, SOCK_STREAM, IPPROTO_TCP) == 0);
	EXPECT(connect(s.raw, (struct sockaddr *)&a, sizeof a) != 0);
	EXPECT_EQ(iosafe_win_error_to_errno((unsigned long)WSAGetLastError()), -ECONNREFUSED);
}
