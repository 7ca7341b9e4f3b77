/* SPDX-License-Identifier: MIT */
/*
 * tests/win/test_filelike.c: include/iosafe/filelike.h on Windows, where a
 * filelike is a handle and a socketlike a SOCKET: a pipe through
 * iosafe_pipe_filelike (ends and clones not inheritable, read, write, end
 * of file once every write end is closed), close exactly once, the errors
 * of none borrows and NULL out-parameters, and a socketlike round trip on
 * 127.0.0.1 (the harness started Winsock).  The harness compares the
 * process's handle count before and after each test.
 */
#include "harness.h"

#include <errno.h>
#include <string.h>

WIN_TEST(filelike_pipe_round_trip)
{
	iosafe_owned_filelike r = IOSAFE_FILELIKE_NONE, w = IOSAFE_FILELIKE_NONE;
	iosafe_owned_filelike w2 = IOSAFE_FILELIKE_NONE;
	char buf[16] = { 0 };

	REQUIRE(iosafe_pipe_filelike(&r, &w) == 0);
	EXPECT(!iosafe_filelike_is_none(&r));
	EXPECT(!iosafe_filelike_is_none(&w));
	EXPECT(!win_is_inheritable(r.raw));
	EXPECT(!win_is_inheritable(w.raw));
	EXPECT_EQ(iosafe_filelike_write(iosafe_filelike_borrow(&w), "hello", 5), 5);
	EXPECT_EQ(iosafe_filelike_read(iosafe_filelike_borrow(&r), buf, sizeof buf), 5);
	EXPECT(memcmp(buf, "hello", 5) == 0);
	/* A clone of the write end: another handle, not inheritable, the same pipe. */
	EXPECT_EQ(iosafe_filelike_try_clone(&w2, iosafe_filelike_borrow(&w)), 0);
	REQUIRE(!iosafe_filelike_is_none(&w2));
	EXPECT(w2.raw != w.raw);
	EXPECT(!win_is_inheritable(w2.raw));
	EXPECT_EQ(iosafe_filelike_close(&w), 0);
	EXPECT(iosafe_filelike_is_none(&w));
	EXPECT_EQ(iosafe_filelike_write(iosafe_filelike_borrow(&w2), "abc", 3), 3);
	EXPECT_EQ(iosafe_filelike_read(iosafe_filelike_borrow(&r), buf, sizeof buf), 3);
	EXPECT(memcmp(buf, "abc", 3) == 0);
	iosafe_filelike_drop(&w2);
	EXPECT(iosafe_filelike_is_none(&w2));
	/* Every write end closed: ReadFile's ERROR_BROKEN_PIPE is end of file. */
	EXPECT_EQ(iosafe_filelike_read(iosafe_filelike_borrow(&r), buf, sizeof buf), 0);
	EXPECT_EQ(GetLastError(), ERROR_BROKEN_PIPE);
	EXPECT_EQ(iosafe_filelike_close(&r), 0);
}

WIN_TEST(filelike_write_to_closed_pipe_is_epipe)
{
	iosafe_owned_filelike r = IOSAFE_FILELIKE_NONE, w = IOSAFE_FILELIKE_NONE;

	REQUIRE(iosafe_pipe_filelike(&r, &w) == 0);
	EXPECT_EQ(iosafe_filelike_close(&r), 0);
	EXPECT_EQ(iosafe_filelike_write(iosafe_filelike_borrow(&w), "x", 1), -EPIPE);
	EXPECT_EQ(iosafe_filelike_close(&w), 0);
}

WIN_TEST(filelike_closed_exactly_once_and_take)
{
	iosafe_owned_filelike r = IOSAFE_FILELIKE_NONE, w = IOSAFE_FILELIKE_NONE, moved;
	HANDLE raw;

	REQUIRE(iosafe_pipe_filelike(&r, &w) == 0);
	raw = r.raw;
	moved = iosafe_filelike_take(&r);
	EXPECT(iosafe_filelike_is_none(&r));
	EXPECT(moved.raw == raw);
	EXPECT_EQ(iosafe_filelike_close(&moved), 0);
	EXPECT(iosafe_filelike_is_none(&moved));
	/* A second close is a no-op; the raw value is closed (CloseHandle fails). */
	EXPECT_EQ(iosafe_filelike_close(&moved), 0);
	EXPECT(!win_is_open(raw));
	iosafe_filelike_drop(&w);
	iosafe_filelike_drop(&w);
	EXPECT(iosafe_filelike_is_none(&w));
}

WIN_TEST(filelike_bad_arguments)
{
	iosafe_owned_filelike none = IOSAFE_FILELIKE_NONE, r = IOSAFE_FILELIKE_NONE;
	iosafe_owned_filelike out = iosafe_handle_from_raw((HANDLE)(ULONG_PTR)0x1234);
	char buf[4];

	SetLastError(77);
	EXPECT_EQ(iosafe_pipe_filelike(NULL, &r), -EINVAL);
	EXPECT(iosafe_filelike_is_none(&r));
	EXPECT_EQ(iosafe_pipe_filelike(&r, &r), -EINVAL);
	EXPECT(iosafe_filelike_is_none(&r));
	EXPECT_EQ(iosafe_filelike_read(iosafe_filelike_borrow(&none), buf, sizeof buf), -EBADF);
	EXPECT_EQ(iosafe_filelike_write(iosafe_filelike_borrow(&none), "x", 1), -EBADF);
	EXPECT_EQ(iosafe_filelike_try_clone(NULL, iosafe_filelike_borrow(&none)), -EINVAL);
	EXPECT_EQ(iosafe_filelike_try_clone(&out, iosafe_filelike_borrow(&none)), -EBADF);
	EXPECT(iosafe_filelike_is_none(&out));
	EXPECT_EQ(GetLastError(), 77);
	EXPECT_EQ(iosafe_filelike_close(&none), 0);
}

WIN_TEST(socketlike_round_trip_loopback)
{
	iosafe_owned_socketlike l = IOSAFE_SOCKETLIKE_NONE, c = IOSAFE_SOCKETLIKE_NONE;
	iosafe_owned_socketlike conn = IOSAFE_SOCKETLIKE_NONE, clone = IOSAFE_SOCKETLIKE_NONE;
	iosafe_owned_socketlike moved, none = IOSAFE_SOCKETLIKE_NONE;
	struct sockaddr_in a;
	int len = sizeof a;
	char buf[16] = { 0 };

	REQUIRE(iosafe_sock_open(&l, AF_INET, SOCK_STREAM, IPPROTO_TCP) == 0);
	memset(&a, 0, sizeof a);
	a.sin_family = AF_INET;
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	EXPECT(bind(l.raw, (struct sockaddr *)&a, sizeof a) == 0);
	EXPECT(listen(l.raw, 4) == 0);
	EXPECT(getsockname(l.raw, (struct sockaddr *)&a, &len) == 0);
	EXPECT_EQ(iosafe_sock_open(&c, AF_INET, SOCK_STREAM, IPPROTO_TCP), 0);
	EXPECT(connect(c.raw, (struct sockaddr *)&a, sizeof a) == 0);
	EXPECT_EQ(iosafe_sock_accept(&conn, iosafe_socketlike_borrow(&l), NULL, NULL), 0);
	EXPECT(!iosafe_socketlike_is_none(&conn));
	EXPECT_EQ(iosafe_socketlike_send(iosafe_socketlike_borrow(&c), "ping", 4, 0), 4);
	EXPECT_EQ(iosafe_socketlike_recv(iosafe_socketlike_borrow(&conn), buf, sizeof buf, 0), 4);
	EXPECT(memcmp(buf, "ping", 4) == 0);
	EXPECT_EQ(iosafe_socketlike_try_clone(&clone, iosafe_socketlike_borrow(&conn)), 0);
	EXPECT(!iosafe_socketlike_is_none(&clone));
	EXPECT(!win_is_inheritable((HANDLE)clone.raw));
	moved = iosafe_socketlike_take(&clone);
	EXPECT(iosafe_socketlike_is_none(&clone));
	EXPECT_EQ(iosafe_socketlike_send(iosafe_socketlike_borrow(&moved), "pong", 4, 0), 4);
	EXPECT_EQ(iosafe_socketlike_recv(iosafe_socketlike_borrow(&c), buf, sizeof buf, 0), 4);
	EXPECT(memcmp(buf, "pong", 4) == 0);
	EXPECT_EQ(iosafe_socketlike_close(&moved), 0);
	iosafe_socketlike_drop(&conn);
	EXPECT(iosafe_socketlike_is_none(&conn));
	/* Both server-side sockets closed: end of stream. */
	EXPECT_EQ(iosafe_socketlike_recv(iosafe_socketlike_borrow(&c), buf, sizeof buf, 0), 0);
	EXPECT_EQ(iosafe_socketlike_send(iosafe_socketlike_borrow(&none), "x", 1, 0), -EBADF);
	EXPECT_EQ(iosafe_socketlike_recv(iosafe_socketlike_borrow(&none), buf, sizeof buf, 0), -EBADF);
	EXPECT_EQ(iosafe_socketlike_close(&c), 0);
	EXPECT_EQ(iosafe_socketlike_close(&l), 0);
}
