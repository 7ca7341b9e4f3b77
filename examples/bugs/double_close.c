/* SPDX-License-Identifier: MIT */
/*
 * Seeded bug: double close.  An accept loop whose handler takes ownership of
 * the connection (IOSAFE_RELEASES) and closes it, and whose caller closes it
 * again.
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <sys/socket.h>

#include <iosafe/iosafe.h>

/* Serves one client and closes the connection. */
void conn_finish(iosafe_owned_fd *conn IOSAFE_RELEASES);

int accept_loop(iosafe_borrowed_fd listener, int n)
{
	for (int served = 0; served < n; served++) {
		iosafe_owned_fd conn = IOSAFE_FD_NONE;
		int rc = iosafe_accept(&conn, listener, NULL, NULL, 0);
		if (rc < 0)
			return rc;
		conn_finish(&conn);
		iosafe_fd_close(&conn); /* BUG: double close (conn_finish closed it) */
	}
	return 0;
}
