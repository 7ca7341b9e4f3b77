/* SPDX-License-Identifier: MIT */
/*
 * Seeded bug: fd leak.  fd_daemon's worker (examples/fd_daemon.c) written
 * as "receive one client, stop on anything else": when the message is not
 * the daemon's client message (the tag byte is not 'c', or the channel
 * ended), the worker returns without releasing what iosafe_recv_fds gave
 * it.  The descriptor that came with such a message is owned by the worker
 * (a zero-byte SOCK_SEQPACKET message can carry one too) and is neither
 * served nor closed: in a long-running worker each one leaks, until
 * accept(2) or recvmsg(2) fails with EMFILE.
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdio.h>

#include <iosafe/iosafe.h>

long echo(iosafe_borrowed_fd conn IOSAFE_USES);

/* Receives one client from the daemon over @chan and serves it: 1 when
 * served, 0 when the daemon closed the channel, or a negative errno. */
int serve_next(iosafe_borrowed_fd chan)
{
	iosafe_owned_fd fds[1];
	size_t n = 0;
	char tag = 0;
	ssize_t r = iosafe_recv_fds(chan, &tag, 1, fds, 1, &n, 0);

	if (r < 0)
		return (int)r;
	if (tag != 'c')
		return r == 0 ? 0 : -EPROTO; /* BUG: fd leak (fds[0] is still open) */
	if (n == 1)
		echo(iosafe_fd_borrow(&fds[0]));
	iosafe_fd_drop(&fds[0]);
	return 1;
}
