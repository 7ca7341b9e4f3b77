/* SPDX-License-Identifier: MIT */
/*
 * Seeded bug: annotation mismatch.  conn_finish promises to release its
 * parameter (IOSAFE_RELEASES) but returns early without closing it when
 * the goodbye cannot be written.
 */
#define _POSIX_C_SOURCE 200809L
#include <sys/types.h>

#include <iosafe/iosafe.h>

void conn_finish(iosafe_owned_fd *conn IOSAFE_RELEASES);

void conn_finish(iosafe_owned_fd *conn)
{
	if (iosafe_write(iosafe_fd_borrow(conn), "bye\n", 4) < 0)
		return; /* BUG: annotation mismatch (conn not released) */
	iosafe_fd_drop(conn);
}
