/* SPDX-License-Identifier: MIT */
/*
 * iosafe/event.h: event descriptors on owned and borrowed fds: epoll, poll,
 * eventfd, timerfd, signalfd (with the signal mask it needs), inotify and
 * fanotify.
 *
 * The model is rustix::event (epoll, poll, eventfd), rustix::time (timerfd)
 * and the file-descriptors crate (signalfd, inotify, fanotify); rustix has
 * no signalfd and no fanotify, iosafe has both.
 *
 * Why this header is longer than 600 lines: one family (rustix keeps it in
 * one module), 26 functions, each with its doc comment and its ACSL
 * contract (behaviors for every failure) directly above its declaration.
 *
 * Conventions (those of io.h, fdops.h and fs.h):
 *   - An acquisition takes `iosafe_owned_fd *out` first and returns 0 or a
 *     negative errno; *out is none on every failure and owned by the caller
 *     on success; whatever *out held is overwritten, not closed.  Every new
 *     descriptor is close-on-exec (EPOLL_CLOEXEC, EFD_CLOEXEC, TFD_CLOEXEC,
 *     SFD_CLOEXEC, IN_CLOEXEC, FAN_CLOEXEC are added and cannot be turned
 *     off; clear the flag on purpose with iosafe_fd_set_cloexec).
 *   - Uses take `iosafe_borrowed_fd` and return 0 (or a count) or a negative
 *     errno.  A none borrow gives -EBADF, without a system call except in
 *     eventfd_read, eventfd_write and timerfd_read: there read(2) and
 *     write(2) answer it, since they fail with EBADF on a negative fd before
 *     they touch anything (POSIX.1-2017 XBD 3.166: a descriptor is not
 *     negative; the trusted contracts' read_pv_ebadf and write_pv_ebadf),
 *     so that a borrow costs an event loop's 8-byte reads and writes
 *     nothing.  A NULL pointer the doc says is required gives -EINVAL,
 *     before anything else but the none test.
 *   - Errors: the errno values listed are the common ones Linux documents;
 *     any errno the kernel returns is passed on, negated.
 *   - Blocking calls (epoll_wait, poll, the reads) are never retried: a
 *     signal handler makes them return -EINTR (epoll_wait(2) and poll(2) are
 *     never restarted, even with SA_RESTART: signal(7)).
 *
 * The bodies of epoll_add, epoll_modify, epoll_delete, epoll_wait,
 * pollfd_init, poll, eventfd_read, eventfd_write and timerfd_read, the
 * calls of an event loop's hot path, are in this header, inlined into the
 * caller and exported by libiosafe (inline.h says how); the others are in
 * src/event.c.
 *
 * Linux only: on other systems this header declares nothing.
 */
#ifndef IOSAFE_EVENT_H
#define IOSAFE_EVENT_H

#include "fd.h"
#include "inline.h"

#if defined(__linux__) || defined(__FRAMAC__)

#include <errno.h>
#include <unistd.h>

#include <stddef.h>
#include <stdint.h>
#include <signal.h>
#include <poll.h>
#include <time.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/timerfd.h>
#include <sys/signalfd.h>
#include <sys/inotify.h>
#include <sys/fanotify.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---- epoll ------------------------------------------------------------------ */

/**
 * iosafe_epoll_create: a new epoll instance, close-on-exec.
 * @out: (not NULL) receives it, owned by the caller; none on failure.
 * @flags: 0 or EPOLL_CLOEXEC (added anyway).
 * Returns: 0, or a negative errno: -EINVAL (@out NULL; unknown @flags),
 *   -EMFILE, -ENFILE, -ENOMEM, ...
 * Follows: epoll_create1(2); rustix::event::epoll::create.
 */
/*@
  requires separated: \separated(out, &errno);
  assigns out->raw, errno, iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
    iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1];
  behavior null_out:
    assumes out == \null;
    assigns \nothing;
    ensures result_einval: \result == -EINVAL;
    ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior create:
    assumes out != \null;
    requires valid_out: \valid(out);
    ensures acquired: \result == 0 ==>
      iosafe_fd_acquired{Pre, Post}(out->raw) && iosafe_fd_is_cloexec(out->raw);
    ensures failed: \result != 0 ==>
      iosafe_neg_errno(\result) && out->raw == IOSAFE_RAW_NONE &&
      iosafe_fd_table_same{Pre, Post};
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_epoll_create(iosafe_owned_fd *out IOSAFE_ACQUIRES, int flags);

/**
 * iosafe_epoll_add: register @fd with the epoll instance @ep.
 * @ep: a borrow of an epoll instance, used during the call only.
 * @fd: a borrow of the descriptor to watch, used during the call only.  The
 *   registration belongs to the open file description, not to the number:
 *   closing @fd while a duplicate of it stays open keeps the registration
 *   alive, and events keep coming for a number that may now name another
 *   file (epoll(7) Q6).  Call iosafe_epoll_delete BEFORE closing @fd.
 * @data: returned as events[i].data.u64 by iosafe_epoll_wait (a number, an
 *   index, or a pointer cast to uint64_t).
 * @events: EPOLLIN, EPOLLOUT, EPOLLET, EPOLLONESHOT, ... (epoll_ctl(2)).
 * Returns: 0, or a negative errno: -EBADF (@ep or @fd none or not open),
 *   -EEXIST (already registered), -EINVAL (@ep not an epoll instance, @fd
 *   is @ep), -ELOOP, -ENOMEM, -ENOSPC (max_user_watches), -EPERM (@fd does
 *   not support epoll: a regular file), ...
 * Follows: epoll_ctl(2) EPOLL_CTL_ADD; rustix::event::epoll::add.
 */
/*@
  requires borrow_ok: iosafe_fd_borrow_ok(ep.raw) && iosafe_fd_borrow_ok(fd.raw);
  assigns errno;
  ensures result: \result == 0 || iosafe_neg_errno(\result);
  ensures none: ep.raw < 0 || fd.raw < 0 ==> \result == -EBADF;
  ensures table_same: iosafe_fd_table_same{Pre, Post};
*/
int iosafe_epoll_add(iosafe_borrowed_fd ep IOSAFE_USES, iosafe_borrowed_fd fd IOSAFE_USES,
		     uint64_t data, uint32_t events);
#if IOSAFE_INLINE_BODIES
IOSAFE_INLINE int iosafe_epoll_add(iosafe_borrowed_fd ep, iosafe_borrowed_fd fd, uint64_t data,
				   uint32_t events)
{
	struct epoll_event ev;

	if (ep.raw < 0 || fd.raw < 0)
		return -EBADF;
	ev.events = events;
	ev.data.u64 = data;
	if (epoll_ctl(ep.raw, EPOLL_CTL_ADD, fd.raw, &ev) < 0)
		return -errno;
	return 0;
}
#endif

/**
 * iosafe_epoll_modify: change the events and data of @fd's registration.
 * @ep, @fd, @data, @events: as iosafe_epoll_add.
 * Returns: 0, or a negative errno: -EBADF, -EINVAL, -ENOENT (@fd is not
 *   registered), -ENOMEM, ...
 * Follows: epoll_ctl(2) EPOLL_CTL_MOD; rustix::event::epoll::modify.
 */
/*@
  requires borrow_ok: iosafe_fd_borrow_ok(ep.raw) && iosafe_fd_borrow_ok(fd.raw);
  assigns errno;
  ensures result: \result == 0 || iosafe_neg_errno(\result);
  ensures none: ep.raw < 0 || fd.raw < 0 ==> \result == -EBADF;
  ensures table_same: iosafe_fd_table_same{Pre, Post};
*/
int iosafe_epoll_modify(iosafe_borrowed_fd ep IOSAFE_USES, iosafe_borrowed_fd fd IOSAFE_USES,
			uint64_t data, uint32_t events);
#if IOSAFE_INLINE_BODIES
IOSAFE_INLINE int iosafe_epoll_modify(iosafe_borrowed_fd ep, iosafe_borrowed_fd fd, uint64_t data,
				      uint32_t events)
{
	struct epoll_event ev;

	if (ep.raw < 0 || fd.raw < 0)
		return -EBADF;
	ev.events = events;
	ev.data.u64 = data;
	if (epoll_ctl(ep.raw, EPOLL_CTL_MOD, fd.raw, &ev) < 0)
		return -errno;
	return 0;
}
#endif

/**
 * iosafe_epoll_delete: remove @fd's registration from @ep.  Do it before
 * closing @fd: a duplicate of @fd (dup, fork, SCM_RIGHTS) keeps the
 * registration alive after the close (epoll(7) Q6).
 * @ep, @fd: borrows, used during the call only.
 * Returns: 0, or a negative errno: -EBADF, -EINVAL, -ENOENT (@fd is not
 *   registered), ...
 * Follows: epoll_ctl(2) EPOLL_CTL_DEL (event NULL, Linux 2.6.9);
 *   rustix::event::epoll::delete.
 */
/*@
  requires borrow_ok: iosafe_fd_borrow_ok(ep.raw) && iosafe_fd_borrow_ok(fd.raw);
  assigns errno;
  ensures result: \result == 0 || iosafe_neg_errno(\result);
  ensures none: ep.raw < 0 || fd.raw < 0 ==> \result == -EBADF;
  ensures table_same: iosafe_fd_table_same{Pre, Post};
*/
int iosafe_epoll_delete(iosafe_borrowed_fd ep IOSAFE_USES, iosafe_borrowed_fd fd IOSAFE_USES);
#if IOSAFE_INLINE_BODIES
IOSAFE_INLINE int iosafe_epoll_delete(iosafe_borrowed_fd ep, iosafe_borrowed_fd fd)
{
	if (ep.raw < 0 || fd.raw < 0)
		return -EBADF;
	if (epoll_ctl(ep.raw, EPOLL_CTL_DEL, fd.raw, NULL) < 0)
		return -errno;
	return 0;
}
#endif

/**
 * iosafe_epoll_wait: wait for events on @ep.
 * @ep: a borrow of an epoll instance, used during the call only.
 * @events: (not NULL) room for @max entries; the first ones (the result's
 *   count) are filled, each with the events and the data given to
 *   iosafe_epoll_add.
 * @max: the number of entries, more than 0.
 * @timeout_ms: milliseconds to wait; -1 forever, 0 not at all.
 * Returns: the number of ready entries (0 on timeout, at most @max), or a
 *   negative errno: -EBADF (@ep none or not open), -EINVAL (@events NULL,
 *   @max 0 or less, @ep not an epoll instance), -EINTR (a signal handler
 *   ran: never restarted), -EFAULT, ...
 * Follows: epoll_wait(2); rustix::event::epoll::wait.
 */
/*@
  requires borrow_ok: iosafe_fd_borrow_ok(ep.raw);
  requires valid_events: events != \null && max > 0 ==> \valid(events + (0 .. max - 1));
  requires separated: events != \null && max > 0 ==>
    \separated(events + (0 .. max - 1), &errno);
  assigns errno, events[0 .. max - 1];
  ensures result: iosafe_neg_errno(\result) || 0 <= \result <= max;
  ensures none: ep.raw < 0 ==> \result == -EBADF;
  ensures bad_args: ep.raw >= 0 && (events == \null || max <= 0) ==> \result == -EINVAL;
  ensures table_same: iosafe_fd_table_same{Pre, Post};
*/
int iosafe_epoll_wait(iosafe_borrowed_fd ep IOSAFE_USES, struct epoll_event *events, int max,
		      int timeout_ms);
#if IOSAFE_INLINE_BODIES
IOSAFE_INLINE int iosafe_epoll_wait(iosafe_borrowed_fd ep, struct epoll_event *events, int max,
				    int timeout_ms)
{
	int n;

	if (ep.raw < 0)
		return -EBADF;
	if (events == NULL || max <= 0)
		return -EINVAL;
	n = epoll_wait(ep.raw, events, max, timeout_ms);
	return n >= 0 ? n : -errno;
}
#endif

/* ---- poll ------------------------------------------------------------------- */

/**
 * iosafe_pollfd_init: fill one entry of a poll(2) array from a borrow.
 * @p: (not NULL) the entry; its revents is set to 0.
 * @fd: a borrow, held by the entry: the caller keeps its owner open while
 *   the array is polled.  A none borrow gives fd -1, which poll(2) ignores
 *   ("revents returns zero").
 * @events: POLLIN, POLLOUT, POLLPRI, ... (poll(2)).
 * Follows: poll(2) struct pollfd; rustix::event::PollFd::new.
 */
/*@
  requires valid_p: \valid(p);
  assigns p->fd, p->events, p->revents;
  ensures fd: p->fd == (fd.raw < 0 ? -1 : fd.raw);
  ensures events: p->events == events && p->revents == 0;
*/
void iosafe_pollfd_init(struct pollfd *p, iosafe_borrowed_fd fd IOSAFE_USES, short events);
#if IOSAFE_INLINE_BODIES
IOSAFE_INLINE void iosafe_pollfd_init(struct pollfd *p, iosafe_borrowed_fd fd, short events)
{
	p->fd = fd.raw < 0 ? -1 : fd.raw;
	p->events = events;
	p->revents = 0;
}
#endif

/**
 * iosafe_poll: wait for events on the @nfds entries of @fds (made with
 * iosafe_pollfd_init: each holds a borrow).
 * @fds: the entries; their revents are set.  NULL only when @nfds is 0 (a
 *   sleep of @timeout_ms).
 * @timeout_ms: milliseconds to wait; -1 forever, 0 not at all.
 * Returns: the number of entries with revents not 0 (0 on timeout), or a
 *   negative errno: -EINVAL (@fds NULL with @nfds > 0; @nfds over
 *   RLIMIT_NOFILE), -EINTR (a signal handler ran: never restarted),
 *   -ENOMEM, -EFAULT, ...
 * Follows: poll(2); rustix::event::poll.
 */
/*@
  requires valid_fds: fds != \null ==> \valid(fds + (0 .. nfds - 1));
  requires separated: fds != \null ==> \separated(fds + (0 .. nfds - 1), &errno);
  requires borrow_ok: fds != \null ==> \forall integer i; 0 <= i < nfds ==>
    iosafe_fd_borrow_ok(fds[i].fd);
  assigns errno, fds[0 .. nfds - 1].revents;
  ensures result: iosafe_neg_errno(\result) || 0 <= \result <= nfds;
  ensures null: fds == \null && nfds > 0 ==> \result == -EINVAL;
  ensures table_same: iosafe_fd_table_same{Pre, Post};
*/
int iosafe_poll(struct pollfd *fds, nfds_t nfds, int timeout_ms);
#if IOSAFE_INLINE_BODIES
IOSAFE_INLINE int iosafe_poll(struct pollfd *fds, nfds_t nfds, int timeout_ms)
{
	int n;

	if (fds == NULL && nfds > 0)
		return -EINVAL;
	n = poll(fds, nfds, timeout_ms);
	if (n < 0)
		return -errno;
	return n;
}
#endif

/* ---- eventfd ---------------------------------------------------------------- */

/**
 * iosafe_eventfd: a new eventfd counter, close-on-exec.
 * @out: (not NULL) receives it, owned by the caller; none on failure.
 * @initval: the counter's first value.
 * @flags: EFD_NONBLOCK, EFD_SEMAPHORE; EFD_CLOEXEC is added.
 * Returns: 0, or a negative errno: -EINVAL (@out NULL; unknown @flags),
 *   -EMFILE, -ENFILE, -ENODEV, -ENOMEM, ...
 * Follows: eventfd(2); rustix::event::eventfd.
 */
/*@
  requires separated: \separated(out, &errno);
  assigns out->raw, errno, iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
    iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1];
  behavior null_out:
    assumes out == \null;
    assigns \nothing;
    ensures result_einval: \result == -EINVAL;
    ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior create:
    assumes out != \null;
    requires valid_out: \valid(out);
    ensures acquired: \result == 0 ==>
      iosafe_fd_acquired{Pre, Post}(out->raw) && iosafe_fd_is_cloexec(out->raw);
    ensures failed: \result != 0 ==>
      iosafe_neg_errno(\result) && out->raw == IOSAFE_RAW_NONE &&
      iosafe_fd_table_same{Pre, Post};
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_eventfd(iosafe_owned_fd *out IOSAFE_ACQUIRES, unsigned int initval, int flags);

/**
 * iosafe_eventfd_read: read the counter (and reset it to 0, or take 1 from
 * it with EFD_SEMAPHORE).
 * @fd: a borrow of an eventfd, used during the call only.
 * @value: (not NULL) receives the value; unchanged on failure.
 * Returns: 0, or a negative errno: -EBADF (@fd none or not open), -EINVAL
 *   (@value NULL), -EAGAIN (counter 0, nonblocking), -EINTR (a signal
 *   handler ran while it blocked), -EIO (the read was not 8 bytes: @fd is
 *   not an eventfd), ...
 * Follows: eventfd(2) read(2); rustix::io::read of 8 bytes.
 */
/*@
  requires borrow_ok: iosafe_fd_borrow_ok(fd.raw);
  requires valid_value: value == \null || \valid(value);
  requires separated: \separated(value, &errno);
  assigns errno, *value;
  ensures result: \result == 0 || iosafe_neg_errno(\result);
  ensures none: fd.raw < 0 ==> \result == -EBADF;
  ensures null: fd.raw >= 0 && value == \null ==> \result == -EINVAL;
  ensures kept: \result != 0 && value != \null ==> *value == \old(*value);
  ensures table_same: iosafe_fd_table_same{Pre, Post};
*/
int iosafe_eventfd_read(iosafe_borrowed_fd fd IOSAFE_USES, uint64_t *value);
#if IOSAFE_INLINE_BODIES
IOSAFE_INLINE int iosafe_eventfd_read(iosafe_borrowed_fd fd, uint64_t *value)
{
	uint64_t v;
	uint64_t *pv = &v; /* the trusted base's typed read(2) (acsl/iosafe_posix_event.h) */
	const ssize_t want = sizeof(v);
	ssize_t n;

	if (value == NULL)
		return fd.raw < 0 ? -EBADF : -EINVAL;
	/* No test of a none borrow: read(2) of a negative fd fails with
	 * EBADF before it touches the buffer (the trusted contract's
	 * read_pv_ebadf), so the kernel gives the none borrow's -EBADF and a
	 * caller's borrow costs nothing (bench/epoll.c). */
	n = read(fd.raw, pv, sizeof(v));
	/* The full count first: the caller's own test of the result then
	 * folds into this one once inlined (bench/epoll.c). */
	if (n == want) {
		*value = v;
		return 0;
	}
	return n < 0 ? -errno : -EIO;
}
#endif

/**
 * iosafe_eventfd_write: add @value to the counter.
 * @fd: a borrow of an eventfd, used during the call only.
 * @value: up to 0xfffffffffffffffe (UINT64_MAX gives -EINVAL).
 * Returns: 0, or a negative errno: -EBADF, -EINVAL (@value UINT64_MAX),
 *   -EAGAIN (the sum would pass 0xfffffffffffffffe, nonblocking), -EINTR,
 *   -EIO (the write was not 8 bytes), ...
 * Follows: eventfd(2) write(2); rustix::io::write of 8 bytes.
 */
/*@
  requires borrow_ok: iosafe_fd_borrow_ok(fd.raw);
  assigns errno;
  ensures result: \result == 0 || iosafe_neg_errno(\result);
  ensures none: fd.raw < 0 ==> \result == -EBADF;
  ensures table_same: iosafe_fd_table_same{Pre, Post};
*/
int iosafe_eventfd_write(iosafe_borrowed_fd fd IOSAFE_USES, uint64_t value);
#if IOSAFE_INLINE_BODIES
IOSAFE_INLINE int iosafe_eventfd_write(iosafe_borrowed_fd fd, uint64_t value)
{
	const uint64_t *pv = &value; /* the trusted base's typed write(2) */
	const ssize_t want = sizeof(value);
	ssize_t n;

	/* No test of a none borrow: write(2) of a negative fd fails with
	 * EBADF (write_pv_ebadf), as in iosafe_eventfd_read. */
	n = write(fd.raw, pv, sizeof(value));
	if (n == want)
		return 0;
	return n < 0 ? -errno : -EIO;
}
#endif

/* ---- timerfd ---------------------------------------------------------------- */

/**
 * iosafe_timerfd_create: a new timer descriptor, close-on-exec, disarmed.
 * @out: (not NULL) receives it, owned by the caller; none on failure.
 * @clockid: CLOCK_MONOTONIC, CLOCK_REALTIME, CLOCK_BOOTTIME, ...
 * @flags: TFD_NONBLOCK; TFD_CLOEXEC is added.
 * Returns: 0, or a negative errno: -EINVAL (@out NULL; unknown @clockid or
 *   @flags), -EMFILE, -ENFILE, -ENODEV, -ENOMEM, -EPERM (an alarm clock
 *   without CAP_WAKE_ALARM), ...
 * Follows: timerfd_create(2); rustix::time::timerfd_create.
 */
/*@
  requires separated: \separated(out, &errno);
  assigns out->raw, errno, iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
    iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1];
  behavior null_out:
    assumes out == \null;
    assigns \nothing;
    ensures result_einval: \result == -EINVAL;
    ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior create:
    assumes out != \null;
    requires valid_out: \valid(out);
    ensures acquired: \result == 0 ==>
      iosafe_fd_acquired{Pre, Post}(out->raw) && iosafe_fd_is_cloexec(out->raw);
    ensures failed: \result != 0 ==>
      iosafe_neg_errno(\result) && out->raw == IOSAFE_RAW_NONE &&
      iosafe_fd_table_same{Pre, Post};
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_timerfd_create(iosafe_owned_fd *out IOSAFE_ACQUIRES, clockid_t clockid, int flags);

/**
 * iosafe_timerfd_settime: arm (it_value not zero) or disarm the timer.
 * @fd: a borrow of a timerfd, used during the call only.
 * @flags: 0, TFD_TIMER_ABSTIME, TFD_TIMER_CANCEL_ON_SET.
 * @value: (not NULL) the first expiry and the interval (seconds and
 *   nanoseconds, tv_nsec below 1000000000).
 * @old: NULL, or receives the previous setting.
 * Returns: 0, or a negative errno: -EBADF, -EINVAL (@value NULL; a field
 *   out of range; not a timerfd), -ECANCELED, -EFAULT, ...
 * Follows: timerfd_settime(2); rustix::time::timerfd_settime.
 */
/*@
  requires borrow_ok: iosafe_fd_borrow_ok(fd.raw);
  requires valid_args: (value == \null || \valid_read(value)) &&
    (old == \null || \valid(old)) && \separated(value, old);
  requires separated: \separated(old, &errno);
  assigns errno, *old;
  ensures result: \result == 0 || iosafe_neg_errno(\result);
  ensures none: fd.raw < 0 ==> \result == -EBADF;
  ensures null: fd.raw >= 0 && value == \null ==> \result == -EINVAL;
  ensures table_same: iosafe_fd_table_same{Pre, Post};
*/
int iosafe_timerfd_settime(iosafe_borrowed_fd fd IOSAFE_USES, int flags,
			   const struct itimerspec *value, struct itimerspec *old);

/**
 * iosafe_timerfd_gettime: the time left until the next expiry and the
 * interval.
 * @fd: a borrow of a timerfd, used during the call only.
 * @cur: (not NULL) receives them (it_value zero: disarmed).
 * Returns: 0, or a negative errno: -EBADF, -EINVAL (@cur NULL; not a
 *   timerfd), -EFAULT, ...
 * Follows: timerfd_gettime(2); rustix::time::timerfd_gettime.
 */
/*@
  requires borrow_ok: iosafe_fd_borrow_ok(fd.raw);
  requires valid_cur: cur == \null || \valid(cur);
  requires separated: \separated(cur, &errno);
  assigns errno, *cur;
  ensures result: \result == 0 || iosafe_neg_errno(\result);
  ensures none: fd.raw < 0 ==> \result == -EBADF;
  ensures null: fd.raw >= 0 && cur == \null ==> \result == -EINVAL;
  ensures table_same: iosafe_fd_table_same{Pre, Post};
*/
int iosafe_timerfd_gettime(iosafe_borrowed_fd fd IOSAFE_USES, struct itimerspec *cur);

/**
 * iosafe_timerfd_read: the number of expirations since the last read (or
 * settime), resetting it.
 * @fd: a borrow of a timerfd, used during the call only.
 * @expirations: (not NULL) receives the count (1 or more); unchanged on
 *   failure.
 * Returns: 0, or a negative errno: -EBADF, -EINVAL (@expirations NULL),
 *   -EAGAIN (none yet, nonblocking), -EINTR (a signal handler ran while it
 *   blocked), -ECANCELED (TFD_TIMER_CANCEL_ON_SET and the clock was set),
 *   -EIO (the read was not 8 bytes: not a timerfd), ...
 * Follows: timerfd_create(2) "Operating on a timer file descriptor", read(2).
 */
/*@
  requires borrow_ok: iosafe_fd_borrow_ok(fd.raw);
  requires valid_value: expirations == \null || \valid(expirations);
  requires separated: \separated(expirations, &errno);
  assigns errno, *expirations;
  ensures result: \result == 0 || iosafe_neg_errno(\result);
  ensures none: fd.raw < 0 ==> \result == -EBADF;
  ensures null: fd.raw >= 0 && expirations == \null ==> \result == -EINVAL;
  ensures kept: \result != 0 && expirations != \null ==>
    *expirations == \old(*expirations);
  ensures table_same: iosafe_fd_table_same{Pre, Post};
*/
int iosafe_timerfd_read(iosafe_borrowed_fd fd IOSAFE_USES, uint64_t *expirations);
#if IOSAFE_INLINE_BODIES
IOSAFE_INLINE int iosafe_timerfd_read(iosafe_borrowed_fd fd, uint64_t *expirations)
{
	uint64_t v;
	uint64_t *pv = &v; /* the trusted base's typed read(2) (acsl/iosafe_posix_event.h) */
	const ssize_t want = sizeof(v);
	ssize_t n;

	if (expirations == NULL)
		return fd.raw < 0 ? -EBADF : -EINVAL;
	/* No test of a none borrow: the kernel's EBADF answers it, as in
	 * iosafe_eventfd_read. */
	n = read(fd.raw, pv, sizeof(v));
	/* The full count first: the caller's own test of the result then
	 * folds into this one once inlined (bench/epoll.c). */
	if (n == want) {
		*expirations = v;
		return 0;
	}
	return n < 0 ? -errno : -EIO;
}
#endif

/* ---- signalfd --------------------------------------------------------------- */

/**
 * iosafe_signals_block: add @set to the calling thread's blocked signals.
 * A signalfd only sees signals that are blocked: otherwise they are
 * delivered the usual way (their handler or default action runs) before
 * the signalfd can read them (signalfd(2) "Normally, the set of signals to
 * be received via the file descriptor should be blocked").  Block them
 * first, in every thread (do it before creating threads: they inherit the
 * mask), then create the signalfd:
 *
 *   sigset_t set;
 *   iosafe_auto_fd sfd = IOSAFE_FD_NONE;
 *   sigemptyset(&set);
 *   sigaddset(&set, SIGTERM);
 *   if (iosafe_signals_block(&set, NULL) == 0 &&
 *       iosafe_signalfd(&sfd, &set, 0) == 0) ... read SIGTERM from sfd
 *
 * @set: (not NULL) the signals to block (SIGKILL and SIGSTOP are ignored).
 * @old: NULL, or receives the mask before the call (to restore it with
 *   pthread_sigmask(SIG_SETMASK, old, NULL)).
 * Returns: 0, or a negative errno: -EINVAL (@set NULL), ...
 * Follows: pthread_sigmask(3) SIG_BLOCK.
 */
/*@
  requires valid_args: (set == \null || \valid_read(set)) && (old == \null || \valid(old)) &&
    \separated(set, old);
  assigns *old;
  ensures result: \result == 0 || iosafe_neg_errno(\result);
  ensures null: set == \null ==> \result == -EINVAL;
  ensures table_same: iosafe_fd_table_same{Pre, Post};
*/
int iosafe_signals_block(const sigset_t *set, sigset_t *old);

/**
 * iosafe_signalfd: a new descriptor that reads the signals of @mask,
 * close-on-exec.  Block them first (iosafe_signals_block).
 * @out: (not NULL) receives it, owned by the caller; none on failure.
 * @mask: (not NULL) the signals to read (SIGKILL and SIGSTOP are ignored).
 * @flags: SFD_NONBLOCK; SFD_CLOEXEC is added.
 * Returns: 0, or a negative errno: -EINVAL (@out or @mask NULL; unknown
 *   @flags), -EMFILE, -ENFILE, -ENODEV, -ENOMEM, ...
 * Follows: signalfd(2) with fd -1 (rustix has no signalfd; the
 *   file-descriptors crate's SignalFd).
 */
/*@
  requires valid_mask: mask == \null || \valid_read(mask);
  requires separated: \separated(out, &errno);
  assigns out->raw, errno, iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
    iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1];
  behavior null_out:
    assumes out == \null;
    assigns \nothing;
    ensures result_einval: \result == -EINVAL;
    ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior create:
    assumes out != \null;
    requires valid_out: \valid(out);
    ensures null_mask: mask == \null ==> \result == -EINVAL;
    ensures acquired: \result == 0 ==>
      iosafe_fd_acquired{Pre, Post}(out->raw) && iosafe_fd_is_cloexec(out->raw);
    ensures failed: \result != 0 ==>
      iosafe_neg_errno(\result) && out->raw == IOSAFE_RAW_NONE &&
      iosafe_fd_table_same{Pre, Post};
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_signalfd(iosafe_owned_fd *out IOSAFE_ACQUIRES, const sigset_t *mask, int flags);

/**
 * iosafe_signalfd_set_mask: replace the signals a signalfd reads.
 * @fd: a borrow of a signalfd, used during the call only.
 * @mask: (not NULL) the new set (block it first).
 * Returns: 0, or a negative errno: -EBADF (@fd none or not open), -EINVAL
 *   (@mask NULL; @fd not a signalfd), ...
 * Follows: signalfd(2) with an existing fd.
 */
/*@
  requires borrow_ok: iosafe_fd_borrow_ok(fd.raw);
  requires valid_mask: mask == \null || \valid_read(mask);
  assigns errno, iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
    iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1];
  ensures cloexec_same: iosafe_fd_cloexec_same{Pre, Post};
  ensures result: \result == 0 || iosafe_neg_errno(\result);
  ensures none: fd.raw < 0 ==> \result == -EBADF;
  ensures null: fd.raw >= 0 && mask == \null ==> \result == -EINVAL;
  ensures table_same: iosafe_fd_table_same{Pre, Post};
*/
int iosafe_signalfd_set_mask(iosafe_borrowed_fd fd IOSAFE_USES, const sigset_t *mask);

/** The most records iosafe_signalfd_read takes in one call (64 KiB). */
#define IOSAFE_SIGNALFD_READ_MAX 512

/**
 * iosafe_signalfd_read: read pending signals, one record each.
 * @fd: a borrow of a signalfd, used during the call only.
 * @buf: (not NULL) room for @max records.
 * @max: 1 to IOSAFE_SIGNALFD_READ_MAX.
 * Returns: the number of records read (1 or more), or a negative errno:
 *   -EBADF, -EINVAL (@buf NULL; @max 0 or over IOSAFE_SIGNALFD_READ_MAX;
 *   not a signalfd), -EAGAIN (none pending, nonblocking), -EINTR (a signal
 *   not in the mask was handled while it blocked), -EIO (a partial record:
 *   not a signalfd), ...
 * Follows: signalfd(2) "read(2)".
 */
/*@
  requires borrow_ok: iosafe_fd_borrow_ok(fd.raw);
  requires valid_buf: buf != \null && 0 < max <= IOSAFE_SIGNALFD_READ_MAX ==>
    \valid(buf + (0 .. max - 1)) && \separated(buf + (0 .. max - 1), &errno);
  assigns errno, buf[0 .. max - 1];
  ensures result: iosafe_neg_errno(\result) || 0 <= \result <= max;
  ensures none: fd.raw < 0 ==> \result == -EBADF;
  ensures bad_args: fd.raw >= 0 && (buf == \null || max == 0 ||
    max > IOSAFE_SIGNALFD_READ_MAX) ==> \result == -EINVAL;
  ensures table_same: iosafe_fd_table_same{Pre, Post};
*/
ssize_t iosafe_signalfd_read(iosafe_borrowed_fd fd IOSAFE_USES, struct signalfd_siginfo *buf,
			     size_t max);

/* ---- inotify ---------------------------------------------------------------- */

/**
 * iosafe_inotify_init: a new inotify instance, close-on-exec.
 * @out: (not NULL) receives it, owned by the caller; none on failure.
 * @flags: IN_NONBLOCK; IN_CLOEXEC is added.
 * Returns: 0, or a negative errno: -EINVAL (@out NULL; unknown @flags),
 *   -EMFILE (also the per-user instance limit), -ENFILE, -ENOMEM, ...
 * Follows: inotify_init1(2); rustix::fs::inotify::init.
 */
/*@
  requires separated: \separated(out, &errno);
  assigns out->raw, errno, iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
    iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1];
  behavior null_out:
    assumes out == \null;
    assigns \nothing;
    ensures result_einval: \result == -EINVAL;
    ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior create:
    assumes out != \null;
    requires valid_out: \valid(out);
    ensures acquired: \result == 0 ==>
      iosafe_fd_acquired{Pre, Post}(out->raw) && iosafe_fd_is_cloexec(out->raw);
    ensures failed: \result != 0 ==>
      iosafe_neg_errno(\result) && out->raw == IOSAFE_RAW_NONE &&
      iosafe_fd_table_same{Pre, Post};
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_inotify_init(iosafe_owned_fd *out IOSAFE_ACQUIRES, int flags);

/**
 * iosafe_inotify_add_watch: watch @path (or change its watch).
 * @fd: a borrow of an inotify instance, used during the call only.
 * @path: (not NULL) the file or directory.
 * @mask: IN_CREATE, IN_DELETE, IN_MODIFY, ... (inotify(7)).
 * Returns: the watch descriptor (0 or more; not a file descriptor: nothing
 *   to close), or a negative errno: -EBADF, -EINVAL (@path NULL; no event
 *   in @mask), -EACCES, -ENOENT, -ENAMETOOLONG, -ENOSPC (the per-user watch
 *   limit), -ENOMEM, ...
 * Follows: inotify_add_watch(2); rustix::fs::inotify::add_watch.
 */
/*@
  requires borrow_ok: iosafe_fd_borrow_ok(fd.raw);
  requires valid_path: path == \null || \valid_read(path);
  assigns errno;
  ensures result: \result >= 0 || iosafe_neg_errno(\result);
  ensures none: fd.raw < 0 ==> \result == -EBADF;
  ensures null: fd.raw >= 0 && path == \null ==> \result == -EINVAL;
  ensures table_same: iosafe_fd_table_same{Pre, Post};
*/
int iosafe_inotify_add_watch(iosafe_borrowed_fd fd IOSAFE_USES, const char *path, uint32_t mask);

/**
 * iosafe_inotify_rm_watch: remove the watch @wd (an IN_IGNORED event
 * follows).
 * @fd: a borrow of an inotify instance, used during the call only.
 * Returns: 0, or a negative errno: -EBADF, -EINVAL (@wd not a watch of @fd),
 *   ...
 * Follows: inotify_rm_watch(2); rustix::fs::inotify::remove_watch.
 */
/*@
  requires borrow_ok: iosafe_fd_borrow_ok(fd.raw);
  assigns errno;
  ensures result: \result == 0 || iosafe_neg_errno(\result);
  ensures none: fd.raw < 0 ==> \result == -EBADF;
  ensures table_same: iosafe_fd_table_same{Pre, Post};
*/
int iosafe_inotify_rm_watch(iosafe_borrowed_fd fd IOSAFE_USES, int wd);

/**
 * iosafe_inotify_next: the next event of a buffer filled by reading an
 * inotify descriptor (iosafe_read), bounds-checked: no byte outside
 * [@buf, @buf + @len) is read, however the buffer is made (the proof's
 * requires: @len readable bytes; its RTE goals: every read inside them).
 * @buf: the bytes read, aligned as struct inotify_event (inotify(7)'s
 *   example: __attribute__((aligned(__alignof__(struct inotify_event))))).
 * @len: the number of bytes read.
 * @pos: (not NULL) the offset of the next record: 0 before the first call;
 *   moved past the record (its header and its name) when one is returned.
 * @ev: (not NULL) receives the record, pointing into @buf (its name, when
 *   len is not 0, is NUL-terminated inside the record, as inotify(7) pads
 *   it); NULL when none is returned.
 * Returns: 1 (an event at *@ev), 0 (no more: *@pos is @len), or a negative
 *   errno: -EINVAL (@buf, @pos or @ev NULL; *@pos past @len), -EBADMSG (a
 *   truncated or misaligned record: fewer bytes left than its header and
 *   its name, or an offset not aligned as struct inotify_event).
 * Follows: inotify(7) "Reading events from an inotify file descriptor";
 *   rustix::fs::inotify::Reader::next (which trusts the kernel's lengths).
 */
/*@
  requires valid_buf: buf != \null ==> \valid_read((const char *)buf + (0 .. len - 1));
  requires valid_pos: pos == \null || \valid(pos);
  requires valid_ev: ev == \null || \valid(ev);
  requires separated: \separated(pos, ev);
  assigns *pos, *ev;
  behavior null:
    assumes buf == \null || pos == \null || ev == \null;
    assigns \nothing;
    ensures result_einval: \result == -EINVAL;
  behavior past_end:
    assumes buf != \null && pos != \null && ev != \null && *pos > len;
    assigns *ev;
    ensures result_einval: \result == -EINVAL;
    ensures ev_null: *ev == \null;
  behavior parse:
    assumes buf != \null && pos != \null && ev != \null && *pos <= len;
    ensures result: \result == 0 || \result == 1 || \result == -EBADMSG;
    ensures end: \result == 0 <==> \old(*pos) == len;
    ensures advanced: \result == 1 ==>
      \old(*pos) + sizeof(struct inotify_event) <= *pos <= len;
    ensures not_one: \result != 1 ==> *pos == \old(*pos) && *ev == \null;
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_inotify_next(const void *buf, size_t len, size_t *pos,
			const struct inotify_event **ev);

/* ---- fanotify --------------------------------------------------------------- */

/**
 * iosafe_fanotify_init: a new fanotify group, close-on-exec, whose event
 * descriptors are close-on-exec too.  Needs CAP_SYS_ADMIN (or, since Linux
 * 5.13, FAN_REPORT_FID without permission events for an unprivileged user).
 * @out: (not NULL) receives it, owned by the caller; none on failure.
 * @flags: FAN_CLASS_NOTIF, FAN_CLASS_CONTENT, FAN_NONBLOCK, FAN_REPORT_*;
 *   FAN_CLOEXEC is added.
 * @event_f_flags: the open flags of each event's descriptor (O_RDONLY, ...);
 *   O_CLOEXEC is added.
 * Returns: 0, or a negative errno: -EINVAL (@out NULL; bad flags), -EPERM
 *   (no CAP_SYS_ADMIN), -EMFILE (descriptors or the group limit), -ENOMEM,
 *   -ENOSYS, ...
 * Follows: fanotify_init(2) (rustix has no fanotify; the file-descriptors
 *   crate's FanotifyFd).
 */
/*@
  requires separated: \separated(out, &errno);
  assigns out->raw, errno, iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
    iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1];
  behavior null_out:
    assumes out == \null;
    assigns \nothing;
    ensures result_einval: \result == -EINVAL;
    ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior create:
    assumes out != \null;
    requires valid_out: \valid(out);
    ensures acquired: \result == 0 ==>
      iosafe_fd_acquired{Pre, Post}(out->raw) && iosafe_fd_is_cloexec(out->raw);
    ensures failed: \result != 0 ==>
      iosafe_neg_errno(\result) && out->raw == IOSAFE_RAW_NONE &&
      iosafe_fd_table_same{Pre, Post};
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_fanotify_init(iosafe_owned_fd *out IOSAFE_ACQUIRES, unsigned int flags,
			 unsigned int event_f_flags);

/**
 * iosafe_fanotify_mark: add, remove or change a mark.
 * @fd: a borrow of a fanotify group, used during the call only.
 * @flags: FAN_MARK_ADD, FAN_MARK_REMOVE, FAN_MARK_MOUNT, ...
 * @mask: FAN_OPEN, FAN_CLOSE_WRITE, FAN_OPEN_PERM, ...
 * @dir: a borrow of a directory or iosafe_cwd(), used for a relative @path
 *   (or for itself when @path is NULL), during the call only.
 * @path: NULL (then @dir is the object marked) or a path.
 * Returns: 0, or a negative errno: -EBADF (@fd none; @dir needed and not
 *   open), -EINVAL, -ENOENT, -ENOTDIR, -ENOSPC, -EXDEV, -EPERM, ...
 * Follows: fanotify_mark(2).
 */
/*@
  requires borrow_ok: iosafe_fd_borrow_ok(fd.raw) && iosafe_fd_borrow_ok(dir.raw);
  requires valid_path: path == \null || \valid_read(path);
  assigns errno;
  ensures result: \result == 0 || iosafe_neg_errno(\result);
  ensures none: fd.raw < 0 ==> \result == -EBADF;
  ensures table_same: iosafe_fd_table_same{Pre, Post};
*/
int iosafe_fanotify_mark(iosafe_borrowed_fd fd IOSAFE_USES, unsigned int flags, uint64_t mask,
			 iosafe_borrowed_fd dir IOSAFE_USES, const char *path);

/**
 * iosafe_fanotify_event_take_fd: move the descriptor of an event read from
 * a fanotify group (an open file the kernel installed in this process, close-on-exec
 * through iosafe_fanotify_init's O_CLOEXEC) into @out, and set @ev->fd to
 * FAN_NOFD, so that the event no longer holds it and exactly one owner
 * closes it.
 * @out: (not NULL) receives the descriptor, owned by the caller; none on
 *   failure.
 * @ev: (not NULL) a record of the buffer read (FAN_EVENT_OK).
 * Returns: 0, or a negative errno: -EINVAL (@out or @ev NULL), -ENOENT
 *   (@ev->fd is FAN_NOFD: a queue overflow, or already taken; FAN_NOFD is
 *   -1, which is also -EPERM, so that error cannot be told apart), or @ev->fd
 *   itself when it is another negative errno (FAN_REPORT_FD_ERROR: the
 *   kernel could not open the file); -EBADMSG for any other negative value.
 *   @ev->fd is FAN_NOFD afterwards in every case but NULL arguments.
 * Follows: fanotify(7) "fd: This is an open file descriptor for the object
 *   being accessed ... the application is responsible for closing it".
 */
/*@
  requires valid_ev: ev == \null || \valid(ev);
  requires separated: \separated(out, ev);
  requires ev_fd: ev != \null ==> ev->fd < 0 || iosafe_fd_is_owned(ev->fd);
  assigns out->raw, ev->fd;
  behavior null:
    assumes out == \null || ev == \null;
    assigns \nothing;
    ensures result_einval: \result == -EINVAL;
  behavior take:
    assumes out != \null && ev != \null && ev->fd >= 0;
    requires valid_out: \valid(out);
    ensures moved: \result == 0 && out->raw == \old(ev->fd) && ev->fd == FAN_NOFD;
  behavior no_fd:
    assumes out != \null && ev != \null && ev->fd < 0;
    requires valid_out: \valid(out);
    ensures failed: iosafe_neg_errno(\result) && out->raw == IOSAFE_RAW_NONE &&
      ev->fd == FAN_NOFD;
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_fanotify_event_take_fd(iosafe_owned_fd *out IOSAFE_ACQUIRES,
				  struct fanotify_event_metadata *ev);

/**
 * iosafe_fanotify_respond: answer a permission event (FAN_OPEN_PERM, ...).
 * @fd: a borrow of the fanotify group, used during the call only.
 * @event_fd: a borrow of the event's descriptor (taken with
 *   iosafe_fanotify_event_take_fd), used during the call only; close it
 *   afterwards.
 * @response: FAN_ALLOW or FAN_DENY, optionally | FAN_AUDIT.
 * Returns: 0, or a negative errno: -EBADF (@fd or @event_fd none), -ENOENT
 *   (no pending permission event for @event_fd), -EINVAL, -EIO (a short
 *   write), ...
 * Follows: fanotify(7) "Dealing with permission events".
 */
/*@
  requires borrow_ok: iosafe_fd_borrow_ok(fd.raw) && iosafe_fd_borrow_ok(event_fd.raw);
  assigns errno;
  ensures result: \result == 0 || iosafe_neg_errno(\result);
  ensures none: fd.raw < 0 || event_fd.raw < 0 ==> \result == -EBADF;
  ensures table_same: iosafe_fd_table_same{Pre, Post};
*/
int iosafe_fanotify_respond(iosafe_borrowed_fd fd IOSAFE_USES,
			    iosafe_borrowed_fd event_fd IOSAFE_USES, uint32_t response);

#ifdef __cplusplus
}
#endif

#endif /* __linux__ || __FRAMAC__ */

#endif /* IOSAFE_EVENT_H */
