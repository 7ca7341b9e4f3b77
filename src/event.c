/* SPDX-License-Identifier: MIT */
/*
 * src/event.c: event descriptors on owned and borrowed fds (epoll, poll,
 * eventfd, timerfd, signalfd, inotify, fanotify).  The contracts and the
 * documentation are in include/iosafe/event.h; the trusted contracts of the
 * calls made here are in acsl/iosafe_posix_event.h.
 *
 * Signalfd records are read through si and fanotify responses written
 * through rp: the trusted base gives read(2) and write(2) a typed contract
 * for each (acsl/iosafe_posix_event.h, head).  inotify's record length is put
 * together from its bytes in the machine's byte order (what memcpy into a
 * uint32_t does): WP's typed memory model proves byte reads, not a struct
 * seen as bytes.
 */
#define _GNU_SOURCE /* pthread_sigmask under -std=c11 */
#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <signal.h>
#include <poll.h>
#include <unistd.h>
#include <fcntl.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/timerfd.h>
#include <sys/signalfd.h>
#include <sys/inotify.h>
#include <sys/fanotify.h>

#include "iosafe/event.h"

#if defined(__linux__) || defined(__FRAMAC__)

/* Linux's largest errno value (MAX_ERRNO, include/linux/err.h). */
#define IOSAFE_EVENT_ERRNO_MAX 4095

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
#  define IOSAFE_BYTE(i, n) (i)           /* most significant byte first */
#else
#  define IOSAFE_BYTE(i, n) ((n) - 1 - (i)) /* least significant byte first */
#endif

/* The value of the byte @c, 0 to 255, whether char is signed or not (C11
 * 6.2.6.1: a byte's bits are the same; two's complement adds 256). */
/*@
  assigns \nothing;
  ensures byte: 0 <= \result <= 255;
*/
static uint32_t iosafe_event_byte(char c)
{
	return c < 0 ? (uint32_t)(c + 256) : (uint32_t)c;
}

/* The uint32_t whose bytes in memory are p[0 .. 3] (char, because WP sees
 * the caller's const void * as char: no cast between pointer types). */
/*@
  requires valid: \valid_read(p + (0 .. 3));
  assigns \nothing;
*/
static uint32_t iosafe_event_get_u32(const char *p)
{
	uint32_t v = iosafe_event_byte(p[IOSAFE_BYTE(0, 4)]);

	v = v * 256u + iosafe_event_byte(p[IOSAFE_BYTE(1, 4)]);
	v = v * 256u + iosafe_event_byte(p[IOSAFE_BYTE(2, 4)]);
	v = v * 256u + iosafe_event_byte(p[IOSAFE_BYTE(3, 4)]);
	return v;
}

/* ---- epoll ------------------------------------------------------------------ */

int iosafe_epoll_create(iosafe_owned_fd *out, int flags)
{
	int raw;

	if (out == NULL)
		return -EINVAL;
	out->raw = IOSAFE_RAW_NONE;
	raw = epoll_create1(flags | EPOLL_CLOEXEC);
	if (raw < 0)
		return -errno;
	out->raw = raw;
	return 0;
}

/* iosafe_epoll_add, iosafe_epoll_modify, iosafe_epoll_delete,
 * iosafe_epoll_wait, iosafe_pollfd_init, iosafe_poll, iosafe_eventfd_read,
 * iosafe_eventfd_write and iosafe_timerfd_read have their bodies in
 * include/iosafe/event.h (defined by src/inline.c). */

/* ---- eventfd, timerfd ----------------------------------------------------------- */

int iosafe_eventfd(iosafe_owned_fd *out, unsigned int initval, int flags)
{
	int raw;

	if (out == NULL)
		return -EINVAL;
	out->raw = IOSAFE_RAW_NONE;
	raw = eventfd(initval, flags | EFD_CLOEXEC);
	if (raw < 0)
		return -errno;
	out->raw = raw;
	return 0;
}

int iosafe_timerfd_create(iosafe_owned_fd *out, clockid_t clockid, int flags)
{
	int raw;

	if (out == NULL)
		return -EINVAL;
	out->raw = IOSAFE_RAW_NONE;
	raw = timerfd_create(clockid, flags | TFD_CLOEXEC);
	if (raw < 0)
		return -errno;
	out->raw = raw;
	return 0;
}

int iosafe_timerfd_settime(iosafe_borrowed_fd fd, int flags, const struct itimerspec *value,
			   struct itimerspec *old)
{
	if (fd.raw < 0)
		return -EBADF;
	if (value == NULL)
		return -EINVAL;
	if (timerfd_settime(fd.raw, flags, value, old) < 0)
		return -errno;
	return 0;
}

int iosafe_timerfd_gettime(iosafe_borrowed_fd fd, struct itimerspec *cur)
{
	if (fd.raw < 0)
		return -EBADF;
	if (cur == NULL)
		return -EINVAL;
	if (timerfd_gettime(fd.raw, cur) < 0)
		return -errno;
	return 0;
}

/* ---- signalfd --------------------------------------------------------------- */

int iosafe_signals_block(const sigset_t *set, sigset_t *old)
{
	int rc;

	if (set == NULL)
		return -EINVAL;
	rc = pthread_sigmask(SIG_BLOCK, set, old);
	return -rc;
}

int iosafe_signalfd(iosafe_owned_fd *out, const sigset_t *mask, int flags)
{
	int raw;

	if (out == NULL)
		return -EINVAL;
	out->raw = IOSAFE_RAW_NONE;
	if (mask == NULL)
		return -EINVAL;
	raw = signalfd(-1, mask, flags | SFD_CLOEXEC);
	if (raw < 0)
		return -errno;
	out->raw = raw;
	return 0;
}

int iosafe_signalfd_set_mask(iosafe_borrowed_fd fd, const sigset_t *mask)
{
	if (fd.raw < 0)
		return -EBADF;
	if (mask == NULL)
		return -EINVAL;
	/* signalfd(2): with an existing fd, the mask is replaced and fd
	 * returned; flags apply to a new descriptor only. */
	if (signalfd(fd.raw, mask, 0) < 0)
		return -errno;
	return 0;
}

ssize_t iosafe_signalfd_read(iosafe_borrowed_fd fd, struct signalfd_siginfo *buf, size_t max)
{
	struct signalfd_siginfo *si = buf;
	ssize_t n;

	if (fd.raw < 0)
		return -EBADF;
	if (buf == NULL || max == 0 || max > IOSAFE_SIGNALFD_READ_MAX)
		return -EINVAL;
	n = read(fd.raw, si, max * sizeof(struct signalfd_siginfo));
	if (n < 0)
		return -errno;
	if ((size_t)n % sizeof(struct signalfd_siginfo) != 0)
		return -EIO;
	return n / (ssize_t)sizeof(struct signalfd_siginfo);
}

/* ---- inotify ---------------------------------------------------------------- */

/* The alignment of struct inotify_event (its int and uint32_t fields),
 * checked by the compiler; Frama-C reads the constant (it has no _Alignof). */
#define IOSAFE_INOTIFY_ALIGN 4
#ifndef __FRAMAC__
_Static_assert(_Alignof(struct inotify_event) == IOSAFE_INOTIFY_ALIGN,
	       "struct inotify_event is 4-aligned");
#endif

int iosafe_inotify_init(iosafe_owned_fd *out, int flags)
{
	int raw;

	if (out == NULL)
		return -EINVAL;
	out->raw = IOSAFE_RAW_NONE;
	raw = inotify_init1(flags | IN_CLOEXEC);
	if (raw < 0)
		return -errno;
	out->raw = raw;
	return 0;
}

int iosafe_inotify_add_watch(iosafe_borrowed_fd fd, const char *path, uint32_t mask)
{
	int wd;

	if (fd.raw < 0)
		return -EBADF;
	if (path == NULL)
		return -EINVAL;
	wd = inotify_add_watch(fd.raw, path, mask);
	if (wd < 0)
		return -errno;
	return wd;
}

int iosafe_inotify_rm_watch(iosafe_borrowed_fd fd, int wd)
{
	if (fd.raw < 0)
		return -EBADF;
	if (inotify_rm_watch(fd.raw, wd) < 0)
		return -errno;
	return 0;
}

int iosafe_inotify_next(const void *buf, size_t len, size_t *pos,
			const struct inotify_event **ev)
{
	const char *p;
	size_t left;
	uint32_t name_len;

	if (buf == NULL || pos == NULL || ev == NULL)
		return -EINVAL;
	*ev = NULL;
	if (*pos > len)
		return -EINVAL;
	if (*pos == len)
		return 0;
	if (*pos % IOSAFE_INOTIFY_ALIGN != 0)
		return -EBADMSG;
	left = len - *pos;
	if (left < sizeof(struct inotify_event))
		return -EBADMSG;
	p = (const char *)buf + *pos;
	/*@ assert in_buf: \valid_read(p + (0 .. sizeof(struct inotify_event) - 1)); */
	name_len = iosafe_event_get_u32(p + offsetof(struct inotify_event, len));
	if (name_len > left - sizeof(struct inotify_event))
		return -EBADMSG;
	*ev = (const struct inotify_event *)(const void *)p;
	*pos += sizeof(struct inotify_event) + name_len;
	return 1;
}

/* ---- fanotify --------------------------------------------------------------- */

int iosafe_fanotify_init(iosafe_owned_fd *out, unsigned int flags, unsigned int event_f_flags)
{
	int raw;

	if (out == NULL)
		return -EINVAL;
	out->raw = IOSAFE_RAW_NONE;
	raw = fanotify_init(flags | FAN_CLOEXEC, event_f_flags | O_CLOEXEC);
	if (raw < 0)
		return -errno;
	out->raw = raw;
	return 0;
}

int iosafe_fanotify_mark(iosafe_borrowed_fd fd, unsigned int flags, uint64_t mask,
			 iosafe_borrowed_fd dir, const char *path)
{
	if (fd.raw < 0)
		return -EBADF;
	if (fanotify_mark(fd.raw, flags, mask, dir.raw, path) < 0)
		return -errno;
	return 0;
}

int iosafe_fanotify_event_take_fd(iosafe_owned_fd *out, struct fanotify_event_metadata *ev)
{
	int32_t raw;

	if (out == NULL || ev == NULL)
		return -EINVAL;
	raw = ev->fd;
	ev->fd = FAN_NOFD;
	if (raw >= 0) {
		out->raw = raw;
		return 0;
	}
	out->raw = IOSAFE_RAW_NONE;
	if (raw == FAN_NOFD)
		return -ENOENT;
	if (raw >= -IOSAFE_EVENT_ERRNO_MAX)
		return raw;
	return -EBADMSG;
}

int iosafe_fanotify_respond(iosafe_borrowed_fd fd, iosafe_borrowed_fd event_fd, uint32_t response)
{
	struct fanotify_response resp;
	const struct fanotify_response *rp = &resp;
	ssize_t n;

	if (fd.raw < 0 || event_fd.raw < 0)
		return -EBADF;
	resp.fd = event_fd.raw;
	resp.response = response;
	n = write(fd.raw, rp, sizeof(resp));
	if (n < 0)
		return -errno;
	if (n != (ssize_t)sizeof(resp))
		return -EIO;
	return 0;
}

#endif /* __linux__ || __FRAMAC__ */
