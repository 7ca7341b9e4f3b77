/* SPDX-License-Identifier: MIT */
/*
 * src/mq.c: POSIX message queues.  The contracts and documentation are in
 * include/iosafe/mq.h; the trusted contracts of the calls made here are in
 * acsl/iosafe_posix_mq.h.
 */
#define _GNU_SOURCE /* mq_timedsend, mq_timedreceive, SIGEV_THREAD in strict modes */
#include <errno.h>
#include <fcntl.h>
#include <mqueue.h>
#include <signal.h>
#include <time.h>

#include "iosafe/mq.h"

int iosafe_mq_open(iosafe_owned_fd *out, const char *name, int oflag, mode_t mode,
		   const struct mq_attr *attr)
{
	mqd_t q;

	if (out == NULL)
		return -EINVAL;
	out->raw = IOSAFE_RAW_NONE;
	if (name == NULL)
		return -EINVAL;
	/* Linux sets close-on-exec on every queue descriptor (mq.h).  glibc's
	 * prototype takes a non-const attr; the kernel only copies from it. */
	q = mq_open(name, oflag, mode, (struct mq_attr *)attr);
	if (q == (mqd_t)-1)
		return -errno;
	out->raw = q;
	return 0;
}

/* What an empty message points at: glibc declares mq_send's and
 * mq_timedsend's message nonnull (<mqueue.h>, __nonnull), even with a
 * length of 0, so NULL is never passed on. */
static const char iosafe_mq_empty[1];

int iosafe_mq_send(iosafe_borrowed_fd mq, const char *msg, size_t n, unsigned int prio)
{
	if (mq.raw < 0)
		return -EBADF;
	if (msg == NULL && n != 0)
		return -EINVAL;
	if (msg == NULL)
		msg = iosafe_mq_empty;
	return mq_send(mq.raw, msg, n, prio) < 0 ? -errno : 0;
}

ssize_t iosafe_mq_receive(iosafe_borrowed_fd mq, char *buf, size_t n, unsigned int *prio)
{
	ssize_t got;

	if (mq.raw < 0)
		return -EBADF;
	if (buf == NULL)
		return -EINVAL;
	got = mq_receive(mq.raw, buf, n, prio);
	return got < 0 ? -errno : got;
}

int iosafe_mq_timedsend(iosafe_borrowed_fd mq, const char *msg, size_t n, unsigned int prio,
			const struct timespec *abs_timeout)
{
	if (mq.raw < 0)
		return -EBADF;
	if ((msg == NULL && n != 0) || abs_timeout == NULL)
		return -EINVAL;
	if (msg == NULL)
		msg = iosafe_mq_empty;
	return mq_timedsend(mq.raw, msg, n, prio, abs_timeout) < 0 ? -errno : 0;
}

ssize_t iosafe_mq_timedreceive(iosafe_borrowed_fd mq, char *buf, size_t n, unsigned int *prio,
			       const struct timespec *abs_timeout)
{
	ssize_t got;

	if (mq.raw < 0)
		return -EBADF;
	if (buf == NULL || abs_timeout == NULL)
		return -EINVAL;
	got = mq_timedreceive(mq.raw, buf, n, prio, abs_timeout);
	return got < 0 ? -errno : got;
}

int iosafe_mq_getattr(iosafe_borrowed_fd mq, struct mq_attr *attr)
{
	if (mq.raw < 0)
		return -EBADF;
	if (attr == NULL)
		return -EINVAL;
	return mq_getattr(mq.raw, attr) < 0 ? -errno : 0;
}

int iosafe_mq_setattr(iosafe_borrowed_fd mq, const struct mq_attr *new_attr,
		      struct mq_attr *old_attr)
{
	if (mq.raw < 0)
		return -EBADF;
	if (new_attr == NULL)
		return -EINVAL;
	return mq_setattr(mq.raw, new_attr, old_attr) < 0 ? -errno : 0;
}

int iosafe_mq_notify(iosafe_borrowed_fd mq, const struct sigevent *sev)
{
	if (mq.raw < 0)
		return -EBADF;
	/* SIGEV_THREAD: glibc's own netlink socket and thread (mq.h). */
	if (sev != NULL && sev->sigev_notify == SIGEV_THREAD)
		return -EINVAL;
	return mq_notify(mq.raw, sev) < 0 ? -errno : 0;
}

int iosafe_mq_unlink(const char *name)
{
	if (name == NULL)
		return -EINVAL;
	return mq_unlink(name) < 0 ? -errno : 0;
}
