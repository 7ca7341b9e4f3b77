/* SPDX-License-Identifier: MIT */
/*
 * tests/win/test_sock.c: the socket family of include/iosafe/win.h: a TCP
 * round trip on 127.0.0.1 (the harness started Winsock), inheritance of
 * every socket made, try_clone, close exactly once, drop, auto.
 */
#include "harness.h"

#include <errno.h>
#include <string.h>

/* A listening socket on 127.0.0.1 and an ephemeral port; its address in *a. */
static int listen_loopback(iosafe_owned_socket *l, struct sockaddr_in *a)
{
	int len = sizeof *a;
	int err = iosafe_sock_open(l, AF_INET, SOCK_STREAM, IPPROTO_TCP);

	if (err != 0)
		return err;
	memset(a, 0, sizeof *a);
	a->sin_family = AF_INET;
	a->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (bind(l->raw, (struct sockaddr *)a, sizeof *a) != 0 || listen(l->raw, 4) != 0 ||
	    getsockname(l->raw, (struct sockaddr *)a, &len) != 0) {
		iosafe_sock_drop(l);
		return -EIO;
	}
	return 0;
}

WIN_TEST(sock_round_trip_loopback)
{
	iosafe_auto_sock listener = IOSAFE_SOCK_NONE;
	iosafe_auto_sock client = IOSAFE_SOCK_NONE;
	iosafe_auto_sock conn = IOSAFE_SOCK_NONE;
	iosafe_auto_sock clone = IOSAFE_SOCK_NONE;
	struct sockaddr_in a, peer;
	int peer_len = sizeof peer;
	char buf[16] = { 0 };

	REQUIRE(listen_loopback(&listener, &a) == 0);
	EXPECT(!win_is_inheritable((HANDLE)listener.raw));
	REQUIRE(iosafe_sock_open(&client, AF_INET, SOCK_STREAM, IPPROTO_TCP) == 0);
	EXPECT(!win_is_inheritable((HANDLE)client.raw));
	REQUIRE(connect(client.raw, (struct sockaddr *)&a, sizeof a) == 0);
	EXPECT_EQ(iosafe_sock_accept(&conn, iosafe_sock_borrow(&listener), (struct sockaddr *)&peer,
				     &peer_len),
		  0);
	REQUIRE(!iosafe_sock_is_none(&conn));
	EXPECT(!win_is_inheritable((HANDLE)conn.raw));
	EXPECT_EQ(peer.sin_addr.s_addr, htonl(INADDR_LOOPBACK));
	EXPECT_EQ(send(client.raw, "ping", 4, 0), 4);
	EXPECT_EQ(recv(conn.raw, buf, sizeof buf, 0), 4);
	EXPECT(memcmp(buf, "ping", 4) == 0);
	/* A clone is the same connection, not inheritable. */
	EXPECT_EQ(iosafe_sock_try_clone(&clone, iosafe_sock_borrow(&conn)), 0);
	REQUIRE(!iosafe_sock_is_none(&clone));
	EXPECT(clone.raw != conn.raw);
	EXPECT(!win_is_inheritable((HANDLE)clone.raw));
	EXPECT_EQ(send(clone.raw, "pong", 4, 0), 4);
	EXPECT_EQ(recv(client.raw, buf, sizeof buf, 0), 4);
	EXPECT(memcmp(buf, "pong", 4) == 0);
	EXPECT_EQ(iosafe_sock_close(&clone), 0);
	EXPECT_EQ(iosafe_sock_close(&conn), 0);
	/* Both server-side sockets closed: the client reads end of stream. */
	EXPECT_EQ(recv(client.raw, buf, sizeof buf, 0), 0);
}

WIN_TEST(sock_closed_exactly_once)
{
	iosafe_owned_socket s = IOSAFE_SOCK_NONE, stale;
	SOCKET raw;

	REQUIRE(iosafe_sock_open(&s, AF_INET, SOCK_STREAM, IPPROTO_TCP) == 0);
	raw = s.raw;
	EXPECT_EQ(iosafe_sock_close(&s), 0);
	EXPECT(iosafe_sock_is_none(&s));
	EXPECT_EQ(iosafe_sock_close(&s), 0);
	EXPECT(closesocket(raw) != 0);
	EXPECT_EQ(WSAGetLastError(), WSAENOTSOCK);
	stale = iosafe_sock_from_raw(raw);
	EXPECT_EQ(iosafe_sock_close(&stale), -EBADF);
	EXPECT(iosafe_sock_is_none(&stale));
	/* drop keeps the last error, of a failing close too. */
	stale = iosafe_sock_from_raw(raw);
	WSASetLastError(WSAECONNRESET);
	iosafe_sock_drop(&stale);
	EXPECT_EQ(WSAGetLastError(), WSAECONNRESET);
	EXPECT(iosafe_sock_is_none(&stale));
}

WIN_TEST(sock_moves_and_replace)
{
	iosafe_owned_socket a = IOSAFE_SOCK_NONE, b = IOSAFE_SOCK_NONE, moved;
	SOCKET raw_a;

	REQUIRE(iosafe_sock_open(&a, AF_INET, SOCK_STREAM, IPPROTO_TCP) == 0);
	REQUIRE(iosafe_sock_open(&b, AF_INET, SOCK_DGRAM, IPPROTO_UDP) == 0);
	raw_a = a.raw;
	moved = iosafe_sock_take(&a);
	EXPECT(iosafe_sock_is_none(&a));
	EXPECT(moved.raw == raw_a);
	EXPECT(iosafe_sock_raw(iosafe_sock_borrow(&moved)) == raw_a);
	EXPECT(iosafe_sock_raw(iosafe_sock_borrow_raw(INVALID_SOCKET)) == INVALID_SOCKET);
	/* replace: the old one closed, the same one kept. */
	iosafe_sock_replace(&moved, iosafe_sock_take(&b));
	EXPECT(closesocket(raw_a) != 0);
	iosafe_sock_replace(&moved, iosafe_sock_from_raw(moved.raw));
	EXPECT(!iosafe_sock_is_none(&moved));
	raw_a = iosafe_sock_into_raw(&moved);
	EXPECT(iosafe_sock_is_none(&moved));
	EXPECT(closesocket(raw_a) == 0);
}

WIN_TEST(sock_errors)
{
	iosafe_owned_socket s = iosafe_sock_from_raw((SOCKET)0x1234);
	iosafe_auto_sock unlistened = IOSAFE_SOCK_NONE;

	EXPECT_EQ(iosafe_sock_open(NULL, AF_INET, SOCK_STREAM, 0), -EINVAL);
	EXPECT_EQ(iosafe_sock_open(&s, 12345, SOCK_STREAM, 0), -EAFNOSUPPORT);
	EXPECT_EQ(WSAGetLastError(), WSAEAFNOSUPPORT);
	EXPECT(iosafe_sock_is_none(&s));
	EXPECT_EQ(iosafe_sock_accept(&s, iosafe_sock_borrow_raw(INVALID_SOCKET), NULL, NULL), -EBADF);
	EXPECT_EQ(iosafe_sock_try_clone(&s, iosafe_sock_borrow_raw(INVALID_SOCKET)), -EBADF);
	EXPECT_EQ(iosafe_sock_try_clone(NULL, iosafe_sock_borrow_raw(INVALID_SOCKET)), -EINVAL);
	/* accept on a socket that is not listening: WSAEINVAL. */
	REQUIRE(iosafe_sock_open(&unlistened, AF_INET, SOCK_STREAM, IPPROTO_TCP) == 0);
	EXPECT_EQ(iosafe_sock_accept(&s, iosafe_sock_borrow(&unlistened), NULL, NULL), -EINVAL);
	EXPECT(iosafe_sock_is_none(&s));
}

WIN_TEST(sock_auto_closes_at_scope_end)
{
	SOCKET raw;

	{
		iosafe_auto_sock s = IOSAFE_SOCK_NONE;

		REQUIRE(iosafe_sock_open(&s, AF_INET, SOCK_STREAM, IPPROTO_TCP) == 0);
		raw = s.raw;
	}
	EXPECT(closesocket(raw) != 0);
	EXPECT_EQ(WSAGetLastError(), WSAENOTSOCK);
}
