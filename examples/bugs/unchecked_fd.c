/* SPDX-License-Identifier: MIT */
/*
 * Seeded bug: unchecked fd.  The source is read without checking that
 * iosafe_open succeeded.
 */
#define _POSIX_C_SOURCE 200809L
#include <fcntl.h>

#include <iosafe/iosafe.h>

ssize_t read_head(const char *path, char *buf, size_t n)
{
	iosafe_owned_fd fd = IOSAFE_FD_NONE;
	(void)iosafe_open(&fd, path, O_RDONLY, 0);
	ssize_t r = iosafe_read(iosafe_fd_borrow(&fd), buf, n); /* BUG: unchecked fd */
	iosafe_fd_drop(&fd);
	return r;
}
