/* SPDX-License-Identifier: MIT */
/*
 * bench/net_pingpong.c: a socketpair ping-pong in one process: create an
 * AF_UNIX stream pair close-on-exec, then ROUNDS times send one byte on
 * one end, receive it on the other and send it back; close both ends;
 * every result checked, errors as a negative errno.  iosafe_socketpair,
 * iosafe_send, iosafe_recv and iosafe_fd_close against socketpair(2),
 * send(2), recv(2) and close(2) on bare ints.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <sys/socket.h>
#include <unistd.h>

#include "bench.h"
#if BENCH_IOSAFE
#  include <iosafe/iosafe.h>
#endif

#define ROUNDS 1000

#if BENCH_IOSAFE
BENCH_HOT int bench_pingpong(int rounds)
{
	iosafe_owned_fd a = IOSAFE_FD_NONE, b = IOSAFE_FD_NONE;
	int rc = iosafe_socketpair(&a, &b, AF_UNIX, SOCK_STREAM, 0);
	char c = 'p';

	if (rc < 0)
		return rc;
	for (int i = 0; i < rounds && rc == 0; i++) {
		ssize_t n = iosafe_send(iosafe_fd_borrow(&a), &c, 1, MSG_NOSIGNAL);

		if (n == 1)
			n = iosafe_recv(iosafe_fd_borrow(&b), &c, 1, 0);
		if (n == 1)
			n = iosafe_send(iosafe_fd_borrow(&b), &c, 1, MSG_NOSIGNAL);
		if (n == 1)
			n = iosafe_recv(iosafe_fd_borrow(&a), &c, 1, 0);
		if (n != 1)
			rc = n < 0 ? (int)n : -EIO;
	}
	if (iosafe_fd_close(&a) < 0 || iosafe_fd_close(&b) < 0)
		return -EIO;
	return rc;
}
#else
BENCH_HOT int bench_pingpong(int rounds)
{
	int sv[2], rc = 0;
	char c = 'p';

	if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) < 0)
		return -errno;
	for (int i = 0; i < rounds && rc == 0; i++) {
		ssize_t n = send(sv[0], &c, 1, MSG_NOSIGNAL);

		if (n == 1)
			n = recv(sv[1], &c, 1, 0);
		if (n == 1)
			n = send(sv[1], &c, 1, MSG_NOSIGNAL);
		if (n == 1)
			n = recv(sv[0], &c, 1, 0);
		if (n != 1)
			rc = n < 0 ? -errno : -EIO;
	}
	if ((close(sv[0]) < 0 && errno != EINTR) || (close(sv[1]) < 0 && errno != EINTR))
		return -EIO;
	return rc;
}
#endif

int main(void)
{
	int rc = bench_pingpong(ROUNDS);

	printf("net_pingpong: %d rounds, rc %d\n", ROUNDS, rc);
	return rc == 0 ? 0 : 1;
}
