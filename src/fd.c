/* SPDX-License-Identifier: MIT */
/*
 * src/fd.c: closing and cloning owned descriptors.
 * The contracts and documentation are in include/iosafe/fd.h.
 */
#define _GNU_SOURCE /* F_DUPFD_CLOEXEC on older glibc */
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include "iosafe/fd.h"

/* Descriptors 0, 1 and 2 are stdio: a clone never takes their place, so a
 * later close of the clone cannot close a standard stream. */
#define IOSAFE_CLONE_MIN_FD 3

int iosafe_fd_close(iosafe_owned_fd *fd)
{
	int raw = fd->raw;

	/* None before the call: the descriptor is released whatever close(2)
	 * returns, so no path may keep the number (close(2), "Dealing with
	 * error returns from close()"). */
	fd->raw = IOSAFE_RAW_NONE;
	if (raw < 0)
		return 0;
	if (close(raw) == 0)
		return 0;
	/* Linux releases the descriptor before anything can interrupt it, so
	 * EINTR means "closed"; retrying would close a number that another
	 * thread may have been given meanwhile (Austin Group bug 529).
	 * POSIX.1-2024 spells the same outcome EINPROGRESS. */
	if (errno == EINTR || errno == EINPROGRESS)
		return 0;
	return -errno;
}

void iosafe_fd_drop(iosafe_owned_fd *fd)
{
	int saved = errno;

	(void)iosafe_fd_close(fd);
	errno = saved;
}

void iosafe_fd_replace(iosafe_owned_fd *dst, iosafe_owned_fd src)
{
	/* Same descriptor in both: closing it would leave *dst holding a
	 * closed number.  Keep it; *dst is its one owner from now on. */
	if (src.raw >= 0 && src.raw == dst->raw)
		return;
	iosafe_fd_drop(dst);
	dst->raw = src.raw < 0 ? IOSAFE_RAW_NONE : src.raw;
}

int iosafe_fd_try_clone(iosafe_borrowed_fd fd, iosafe_owned_fd *out)
{
	int raw;

	if (out == NULL)
		return -EINVAL;
	out->raw = IOSAFE_RAW_NONE;
	if (fd.raw < 0)
		return -EBADF;
	raw = fcntl(fd.raw, F_DUPFD_CLOEXEC, IOSAFE_CLONE_MIN_FD);
	if (raw < 0)
		return -errno;
	out->raw = raw;
	return 0;
}
