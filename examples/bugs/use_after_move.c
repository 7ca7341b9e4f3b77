/* SPDX-License-Identifier: MIT */
/*
 * Seeded bug: use after move.  The source file's owner is moved into a
 * struct (iosafe_fd_take), and then read through the moved-from variable.
 */
#define _POSIX_C_SOURCE 200809L
#include <fcntl.h>

#include <iosafe/iosafe.h>

struct job {
	iosafe_owned_fd src;
};

void job_start(struct job *job IOSAFE_USES);

int start_copy(struct job *job, const char *from, char *buf, size_t n)
{
	iosafe_owned_fd src = IOSAFE_FD_NONE;
	if (iosafe_open(&src, from, O_RDONLY, 0) < 0)
		return -1;
	job->src = iosafe_fd_take(&src);
	job_start(job);
	ssize_t r = iosafe_read(iosafe_fd_borrow(&src), buf, n); /* BUG: use after move */
	return r < 0 ? -1 : 0;
}
