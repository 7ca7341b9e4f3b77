/* SPDX-License-Identifier: MIT */
/*
 * bench/net_fdpass.c: fd passing of 64 descriptors: ROUNDS times send 64
 * open descriptors with one byte over an AF_UNIX stream pair (SCM_RIGHTS),
 * receive them close-on-exec on the other end, check that 64 arrived and
 * none was cut off (MSG_CTRUNC), and close the 64 received.
 * iosafe_send_fds/iosafe_recv_fds (which walks the control data byte by
 * byte, bounds-checked, as its proof reads it) against sendmsg(2) and
 * recvmsg(2) with cmsg(3)'s macros on bare ints.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "bench.h"
#if BENCH_IOSAFE
#  include <iosafe/iosafe.h>
#endif

#define ROUNDS 200
#define NFDS 64

static int src[NFDS];

#if BENCH_IOSAFE
BENCH_HOT int bench_fdpass(int rounds, int s0, int s1)
{
	iosafe_borrowed_fd out[NFDS];
	iosafe_owned_fd in[NFDS];

	for (int k = 0; k < NFDS; k++)
		out[k] = iosafe_fd_borrow_raw(src[k]);
	for (int i = 0; i < rounds; i++) {
		size_t got = 0;
		char c = 'f';
		ssize_t n = iosafe_send_fds(iosafe_fd_borrow_raw(s0), &c, 1, out, NFDS,
					    MSG_NOSIGNAL);

		if (n != 1)
			return n < 0 ? (int)n : -EIO;
		n = iosafe_recv_fds(iosafe_fd_borrow_raw(s1), &c, 1, in, NFDS, &got, 0);
		if (n != 1)
			return n < 0 ? (int)n : -EIO;
		for (size_t k = 0; k < got; k++)
			(void)iosafe_fd_close(&in[k]);
		if (got != NFDS)
			return -EIO;
	}
	return 0;
}
#else
BENCH_HOT int bench_fdpass(int rounds, int s0, int s1)
{
	union {
		char buf[CMSG_SPACE(sizeof(int) * NFDS)];
		struct cmsghdr align;
	} u;

	for (int i = 0; i < rounds; i++) {
		char c = 'f';
		struct iovec iov = { .iov_base = &c, .iov_len = 1 };
		struct msghdr msg = { .msg_iov = &iov, .msg_iovlen = 1,
				      .msg_control = u.buf, .msg_controllen = sizeof(u.buf) };
		struct cmsghdr *cm = CMSG_FIRSTHDR(&msg);
		ssize_t n;
		size_t got = 0;

		cm->cmsg_level = SOL_SOCKET;
		cm->cmsg_type = SCM_RIGHTS;
		cm->cmsg_len = CMSG_LEN(sizeof(int) * NFDS);
		memcpy(CMSG_DATA(cm), src, sizeof(int) * NFDS);
		n = sendmsg(s0, &msg, MSG_NOSIGNAL);
		if (n != 1)
			return n < 0 ? -errno : -EIO;
		msg.msg_controllen = sizeof(u.buf);
		msg.msg_flags = 0;
		n = recvmsg(s1, &msg, MSG_CMSG_CLOEXEC);
		if (n != 1)
			return n < 0 ? -errno : -EIO;
		for (cm = CMSG_FIRSTHDR(&msg); cm != NULL; cm = CMSG_NXTHDR(&msg, cm)) {
			size_t k, cnt;

			if (cm->cmsg_level != SOL_SOCKET || cm->cmsg_type != SCM_RIGHTS)
				continue;
			cnt = (cm->cmsg_len - CMSG_LEN(0)) / sizeof(int);
			for (k = 0; k < cnt; k++) {
				int fd;

				memcpy(&fd, CMSG_DATA(cm) + k * sizeof(int), sizeof(int));
				(void)close(fd);
				got++;
			}
		}
		if ((msg.msg_flags & MSG_CTRUNC) != 0 || got != NFDS)
			return -EIO;
	}
	return 0;
}
#endif

int main(void)
{
	int sv[2], rc;

	if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) < 0)
		return 1;
	for (int k = 0; k < NFDS; k++)
		if ((src[k] = open("/dev/null", O_RDONLY | O_CLOEXEC)) < 0)
			return 1;
	rc = bench_fdpass(ROUNDS, sv[0], sv[1]);
	for (int k = 0; k < NFDS; k++)
		close(src[k]);
	close(sv[0]);
	close(sv[1]);
	printf("net_fdpass: %d rounds of %d fds, rc %d\n", ROUNDS, NFDS, rc);
	return rc == 0 ? 0 : 1;
}
