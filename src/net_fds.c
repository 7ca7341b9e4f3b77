/* SPDX-License-Identifier: MIT */
/*
 * src/net_fds.c: iosafe_recv_fds (include/iosafe/net.h).
 *
 * A file of its own because its body is NOT proved by WP (it is not in
 * PROVE_CORE_SRCS; proofs/README.md, "Limits"): the body walks the control
 * data with cmsg(3)'s macros, and the proof would need the kernel's layout
 * of that byte buffer, and the numbers it holds, tied to the descriptor
 * table in the trusted contract of recvmsg(2); WP's typed memory model
 * reads the buffer's bytes and the ints in it as different memory.  Its
 * contract in net.h is written as the others are; the unit tests
 * (tests/unit/test_net.c) check it on real descriptors.
 */
#define _GNU_SOURCE /* MSG_CMSG_CLOEXEC */
#include <errno.h>
#include <stdbool.h>
#include <stddef.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "iosafe/net.h"

/* SCM_PIDFD (Linux 6.5, SO_PASSPIDFD): a control message that also installs
 * a descriptor (asm-generic/socket.h). */
#ifndef SCM_PIDFD
#  define SCM_PIDFD 0x04
#endif

/* Room for other control messages sent with the descriptors
 * (SCM_CREDENTIALS, SCM_SECURITY, SCM_PIDFD), so that they do not push the
 * descriptors out of the buffer. */
#define IOSAFE_CMSG_EXTRA 128

static void iosafe_close_raw(int raw)
{
	/* Received, so owned here; closed whatever close(2) says (close(2)
	 * NOTES). */
	(void)close(raw);
}

ssize_t iosafe_recv_fds(iosafe_borrowed_fd sock, void *buf, size_t n, iosafe_owned_fd *fds,
			size_t max, size_t *nfds, int flags)
{
	union {
		struct cmsghdr align;
		unsigned char bytes[CMSG_SPACE(sizeof(int) * IOSAFE_SCM_MAX_FDS) +
				    IOSAFE_CMSG_EXTRA];
	} ctl;
	struct iovec iov;
	struct msghdr msg;
	struct cmsghdr *c;
	size_t got = 0, i, room;
	bool overflow = false;
	ssize_t r;

	if (nfds != NULL)
		*nfds = 0;
	if (fds != NULL)
		for (i = 0; i < max; i++)
			fds[i].raw = IOSAFE_RAW_NONE;
	if (sock.raw < 0)
		return -EBADF;
	if (buf == NULL || n == 0 || nfds == NULL || (max > 0 && fds == NULL))
		return -EINVAL;
	room = max < IOSAFE_SCM_MAX_FDS ? max : IOSAFE_SCM_MAX_FDS;

	memset(&ctl, 0, sizeof(ctl));
	iov.iov_base = buf;
	iov.iov_len = n;
	memset(&msg, 0, sizeof(msg));
	msg.msg_iov = &iov;
	msg.msg_iovlen = 1;
	msg.msg_control = ctl.bytes;
	/* Room for @room descriptors (or none at all when @max is 0, so that
	 * any descriptor sent is cut off: MSG_CTRUNC), plus the others. */
	msg.msg_controllen = (room > 0 ? CMSG_SPACE(sizeof(int) * room) : 0) + IOSAFE_CMSG_EXTRA;
	r = recvmsg(sock.raw, &msg, flags | MSG_CMSG_CLOEXEC);
	if (r < 0)
		return -errno;

	/* Every descriptor that arrived is owned now: keep up to @max in
	 * @fds, close the others (and then all: the caller gets -EMSGSIZE and
	 * owns nothing). */
	for (c = CMSG_FIRSTHDR(&msg); c != NULL; c = CMSG_NXTHDR(&msg, c)) {
		size_t count;
		const unsigned char *data;

		if (c->cmsg_level != SOL_SOCKET ||
		    (c->cmsg_type != SCM_RIGHTS && c->cmsg_type != SCM_PIDFD))
			continue;
		if (c->cmsg_len < CMSG_LEN(0))
			continue;
		count = (c->cmsg_len - CMSG_LEN(0)) / sizeof(int);
		data = CMSG_DATA(c);
		for (i = 0; i < count; i++) {
			int raw;

			memcpy(&raw, data + i * sizeof(int), sizeof(int));
			if (raw < 0)
				continue;
			if (c->cmsg_type == SCM_RIGHTS && got < max && !overflow)
				fds[got++].raw = raw;
			else {
				if (c->cmsg_type == SCM_RIGHTS)
					overflow = true;
				iosafe_close_raw(raw);
			}
		}
	}
	if (overflow || (msg.msg_flags & MSG_CTRUNC) != 0) {
		for (i = 0; i < got; i++) {
			iosafe_close_raw(fds[i].raw);
			fds[i].raw = IOSAFE_RAW_NONE;
		}
		return -EMSGSIZE;
	}
	*nfds = got;
	return r;
}
