/* SPDX-License-Identifier: MIT */
/*
 * Seeded bug: fd leak.  fd_daemon's worker (examples/fd_daemon.c) written
 * with raw recvmsg(2) instead of iosafe_recv_fds, as "receive one client,
 * stop on anything else": the client descriptor is read out of the
 * control data (CMSG_DATA, SCM_RIGHTS, unix(7)), but when the message is
 * not the daemon's client message (the tag byte is not 'c'), the worker
 * returns without closing it.  The descriptor is the worker's from the moment
 * recvmsg returns ("as though created with dup(2)"), served or not: in a
 * long-running worker each such message leaks one, until accept(2) or
 * recvmsg(2) fails with EMFILE.
 */
#define _GNU_SOURCE /* MSG_CMSG_CLOEXEC */
#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/uio.h>

#include <iosafe/iosafe.h>

long echo(iosafe_borrowed_fd conn IOSAFE_USES);

/* Receives one client from the daemon over @chan and serves it: 1 when
 * served, 0 when the daemon closed the channel, or a negative errno. */
int serve_next(iosafe_borrowed_fd chan)
{
	union {
		char buf[CMSG_SPACE(sizeof(int))];
		struct cmsghdr align;
	} u;
	char tag = 0;
	struct iovec iov = {.iov_base = &tag, .iov_len = 1};
	struct msghdr msg = {.msg_iov = &iov, .msg_iovlen = 1,
			     .msg_control = u.buf, .msg_controllen = sizeof u.buf};
	ssize_t r = recvmsg(iosafe_fd_raw(chan), &msg, MSG_CMSG_CLOEXEC);

	if (r < 0)
		return -errno;
	struct cmsghdr *c = CMSG_FIRSTHDR(&msg);
	if (c == NULL || c->cmsg_level != SOL_SOCKET || c->cmsg_type != SCM_RIGHTS ||
	    c->cmsg_len < CMSG_LEN(sizeof(int)))
		return r == 0 ? 0 : -EPROTO; /* no descriptor came */
	int raw;
	memcpy(&raw, CMSG_DATA(c), sizeof raw);
	if (tag != 'c')
		return -EPROTO; /* BUG: fd leak (raw is still open) */
	iosafe_auto_fd conn = iosafe_fd_from_raw(raw);
	echo(iosafe_fd_borrow(&conn));
	return 1;
}
