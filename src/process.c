/* SPDX-License-Identifier: MIT */
/*
 * src/process.c: process descriptors (pidfd).  The contracts and
 * documentation are in include/iosafe/process.h; the trusted contracts of
 * the calls made here are in acsl/iosafe_posix_process.h.
 */
#define _GNU_SOURCE /* waitid's P_PIDFD in glibc's idtype_t */
#include <errno.h>
#include <signal.h>
#include <sys/pidfd.h>
#include <sys/wait.h>

#include "iosafe/process.h"

int iosafe_pidfd_open(iosafe_owned_fd *out, pid_t pid, unsigned int flags)
{
	int raw;

	if (out == NULL)
		return -EINVAL;
	out->raw = IOSAFE_RAW_NONE;
	/* pidfd_open(2) EINVAL "pid is not valid"; checked here so that a
	 * negative pid never reaches the call. */
	if (pid <= 0)
		return -EINVAL;
	/* pidfd_open(2): "The close-on-exec flag is set on the file
	 * descriptor" whatever @flags say. */
	raw = pidfd_open(pid, flags);
	if (raw < 0)
		return -errno;
	out->raw = raw;
	return 0;
}

int iosafe_pidfd_getfd(iosafe_owned_fd *out, iosafe_borrowed_fd pidfd, int targetfd,
		       unsigned int flags)
{
	int raw;

	if (out == NULL)
		return -EINVAL;
	out->raw = IOSAFE_RAW_NONE;
	if (pidfd.raw < 0)
		return -EBADF;
	if (targetfd < 0)
		return -EINVAL;
	/* pidfd_getfd(2): "The close-on-exec flag (FD_CLOEXEC; see fcntl(2))
	 * is set on the file descriptor returned". */
	raw = pidfd_getfd(pidfd.raw, targetfd, flags);
	if (raw < 0)
		return -errno;
	out->raw = raw;
	return 0;
}

int iosafe_pidfd_send_signal(iosafe_borrowed_fd pidfd, int sig, const siginfo_t *info,
			     unsigned int flags)
{
	if (pidfd.raw < 0)
		return -EBADF;
	/* glibc's prototype takes a non-const pointer; the kernel only
	 * copies from it (copy_siginfo_from_user()). */
	if (pidfd_send_signal(pidfd.raw, sig, (siginfo_t *)info, flags) < 0)
		return -errno;
	return 0;
}

int iosafe_pidfd_wait(iosafe_borrowed_fd pidfd, siginfo_t *info, int options)
{
	if (pidfd.raw < 0)
		return -EBADF;
	if (info == NULL)
		return -EINVAL;
	if (waitid(P_PIDFD, (id_t)pidfd.raw, info, options) < 0)
		return -errno;
	return 0;
}
