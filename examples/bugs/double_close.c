/* SPDX-License-Identifier: MIT */
/*
 * Seeded bug: double close.  An accept loop written in the raw-int style:
 * the connection is handed to conn_close() (IOSAFE_RELEASES) on the error
 * path, and then again at the end of the iteration.
 */
#define _POSIX_C_SOURCE 200809L
#include <sys/socket.h>

#include <iosafe/iosafe.h>

/* Echoes one client; 0 or a negative errno. */
int conn_serve(int fd IOSAFE_USES);
/* Shuts the connection down and closes it. */
void conn_close(int fd IOSAFE_RELEASES);

int accept_loop(iosafe_borrowed_fd listener, int n)
{
	for (int served = 0; served < n; served++) {
		iosafe_owned_fd conn = IOSAFE_FD_NONE;
		if (iosafe_accept(&conn, listener, NULL, NULL, 0) < 0)
			return -1;
		int fd = iosafe_fd_into_raw(&conn);
		if (conn_serve(fd) < 0)
			conn_close(fd); /* the error path closes it... */
		conn_close(fd); /* BUG: double close */
	}
	return 0;
}
