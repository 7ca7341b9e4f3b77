/* SPDX-License-Identifier: MIT */
/*
 * Seeded bug: borrow outlives owner.  The echo server's handler keeps a
 * borrow of the connection, closes the connection, then writes a goodbye
 * through the borrow.
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <sys/socket.h>

#include <iosafe/iosafe.h>

int serve_and_bye(iosafe_borrowed_fd listener)
{
	iosafe_owned_fd conn = IOSAFE_FD_NONE;
	if (iosafe_accept(&conn, listener, NULL, NULL, 0) < 0)
		return -1;
	iosafe_borrowed_fd out = iosafe_fd_borrow(&conn);
	iosafe_fd_close(&conn);
	ssize_t n = iosafe_write(out, "bye\n", 4); /* BUG: borrow outlives owner */
	return n < 0 ? -1 : 0;
}
