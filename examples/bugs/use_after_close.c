/* SPDX-License-Identifier: MIT */
/*
 * Seeded bug: use after close.  pipe_child's parent side closes the write
 * end to the child (to send end of file) and then writes to it.
 */
#define _POSIX_C_SOURCE 200809L
#include <string.h>

#include <iosafe/iosafe.h>

int feed_child(const char *text)
{
	iosafe_owned_fd r = IOSAFE_FD_NONE, w = IOSAFE_FD_NONE;
	if (iosafe_pipe(&r, &w, 0) < 0)
		return -1;
	iosafe_fd_drop(&r);
	iosafe_fd_close(&w);
	ssize_t n = iosafe_write(iosafe_fd_borrow(&w), text, strlen(text)); /* BUG: use after close */
	return n < 0 ? -1 : 0;
}
