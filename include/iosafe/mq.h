/* SPDX-License-Identifier: MIT */
/*
 * iosafe/mq.h: POSIX message queues on owned and borrowed descriptors.
 *
 * On Linux a message queue descriptor (mqd_t) is a file descriptor
 * (mq_overview(7): "On Linux, a message queue descriptor is actually a file
 * descriptor"), so iosafe_mq_open gives an iosafe_owned_fd, closed with
 * iosafe_fd_close (glibc's mq_close(3) is close(2)), watched with poll or
 * epoll, and borrowed by every other call here.
 *
 * Close-on-exec: Linux sets it on every message queue descriptor, whatever
 * oflag says (ipc/mqueue.c, do_mq_open: get_unused_fd_flags(O_CLOEXEC)),
 * as POSIX exec requires ("All open message queue descriptors in the
 * calling process shall be closed").  Measured on this kernel by
 * tests/unit/test_mq.c (FD_CLOEXEC set after iosafe_mq_open).
 *
 * rustix has no message queues (its issue 1178 is open); the model here is
 * the POSIX interface itself, with iosafe's conventions: the out-parameter
 * FIRST, 0 (or a count) or a negative errno, *out none on every failure; a
 * none borrow gives -EBADF without a system call; a NULL pointer the doc
 * calls required gives -EINVAL.  The errno values listed are the common
 * ones, not a closed list.
 *
 * Linux only (2.6.6; mqueue file system): on other systems this header
 * declares nothing.
 */
#ifndef IOSAFE_MQ_H
#define IOSAFE_MQ_H

#include <stddef.h>
#include <sys/types.h> /* mode_t, ssize_t */
#include <mqueue.h>    /* mqd_t, struct mq_attr, struct sigevent */
#include <time.h>      /* struct timespec */

#include "fd.h"

#if defined(__linux__) || defined(__FRAMAC__)

#ifdef __cplusplus
extern "C" {
#endif

/**
 * iosafe_mq_open: open (or create) the message queue @name.
 * @out: (not NULL) receives the queue's descriptor, owned by the caller,
 *   close-on-exec (set by Linux on every queue); none on failure.
 * @name: (not NULL) "/somename": a slash, then up to NAME_MAX (255)
 *   characters, none of them a slash.
 * @oflag: O_RDONLY, O_WRONLY or O_RDWR, and O_CREAT, O_EXCL, O_NONBLOCK.
 * @mode: the permissions of a queue O_CREAT makes (umask applies).
 * @attr: NULL (the defaults of /proc/sys/fs/mqueue) or mq_maxmsg and
 *   mq_msgsize for a queue O_CREAT makes; read only.
 * Returns: 0, or a negative errno: -EINVAL (@out or @name NULL; a bad
 *   @name or @attr), -ENOENT, -EEXIST (O_CREAT | O_EXCL), -EACCES,
 *   -ENAMETOOLONG, -EMFILE, -ENFILE, -ENOSPC, -ENOMEM, ...
 * Linux only.  Follows: mq_open(3), POSIX mq_open.  rustix: none.
 */
/*@
  requires separated: \separated(out, &errno);
  requires valid_attr: attr == \null || \valid_read(attr);
  assigns out->raw, errno, iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
    iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1];
  behavior null_out:
    assumes out == \null;
    assigns \nothing;
    ensures result_einval: \result == -EINVAL;
    ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior null_name:
    assumes out != \null && name == \null;
    requires valid_out: \valid(out);
    assigns out->raw;
    ensures out_none: out->raw == IOSAFE_RAW_NONE;
    ensures result_einval: \result == -EINVAL;
    ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior call:
    assumes out != \null && name != \null;
    requires valid_out: \valid(out);
    requires valid_name: \valid_read(name);
    ensures acquired: \result == 0 ==>
      iosafe_fd_acquired{Pre, Post}(out->raw) && iosafe_fd_is_cloexec(out->raw);
    ensures failed: \result != 0 ==>
      iosafe_neg_errno(\result) && out->raw == IOSAFE_RAW_NONE &&
      iosafe_fd_table_same{Pre, Post};
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_mq_open(iosafe_owned_fd *out IOSAFE_ACQUIRES, const char *name, int oflag, mode_t mode,
		   const struct mq_attr *attr);

/**
 * iosafe_mq_send: add the message @msg of @n bytes with priority @prio.
 * @mq: a borrow, used during the call only; opened for writing.
 * @msg: (not NULL unless @n is 0) the message, read only.
 * @n: its length, at most the queue's mq_msgsize.
 * @prio: below MQ_PRIO_MAX (32768); higher is received first.
 * Returns: 0, or a negative errno: -EBADF (@mq none, not open, not open
 *   for writing), -EINVAL (@msg NULL with @n not 0; @prio too big),
 *   -EMSGSIZE (@n over mq_msgsize), -EAGAIN (full and O_NONBLOCK), -EINTR
 *   (a signal came while it waited: not retried), ...
 * Linux only.  Follows: mq_send(3), POSIX mq_send.  rustix: none.
 */
/*@
  requires borrow_ok: iosafe_fd_borrow_ok(mq.raw);
  requires valid_msg: msg == \null || \valid_read(msg + (0 .. n - 1));
  assigns errno;
  ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior none:
    assumes mq.raw < 0;
    assigns \nothing;
    ensures result_ebadf: \result == -EBADF;
  behavior null_msg:
    assumes mq.raw >= 0 && msg == \null && n != 0;
    assigns \nothing;
    ensures result_einval: \result == -EINVAL;
  behavior call:
    assumes mq.raw >= 0 && (msg != \null || n == 0);
    ensures result: \result == 0 || iosafe_neg_errno(\result);
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_mq_send(iosafe_borrowed_fd mq IOSAFE_USES, const char *msg, size_t n, unsigned int prio);

/**
 * iosafe_mq_receive: take the oldest message of the highest priority.
 * @mq: a borrow, used during the call only; opened for reading.
 * @buf: (not NULL) receives the message.
 * @n: the size of @buf, at least the queue's mq_msgsize (-EMSGSIZE
 *   otherwise, and the message stays queued).
 * @prio: NULL, or receives the message's priority.
 * Returns: the message's length (0 to @n), or a negative errno: -EBADF
 *   (@mq none, not open, not open for reading), -EINVAL (@buf NULL),
 *   -EMSGSIZE (@n below mq_msgsize), -EAGAIN (empty and O_NONBLOCK),
 *   -EINTR (a signal came while it waited: not retried), ...
 * Linux only.  Follows: mq_receive(3), POSIX mq_receive.  rustix: none.
 */
/*@
  requires borrow_ok: iosafe_fd_borrow_ok(mq.raw);
  requires valid_buf: buf == \null || \valid(buf + (0 .. n - 1));
  requires valid_prio: prio == \null || \valid(prio);
  requires separated: \separated(prio, &errno) &&
    (buf != \null ==> \separated(buf + (0 .. n - 1), &errno, prio));
  assigns buf[0 .. n - 1], *prio, errno;
  ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior none:
    assumes mq.raw < 0;
    assigns \nothing;
    ensures result_ebadf: \result == -EBADF;
  behavior null_buf:
    assumes mq.raw >= 0 && buf == \null;
    assigns \nothing;
    ensures result_einval: \result == -EINVAL;
  behavior call:
    assumes mq.raw >= 0 && buf != \null;
    ensures result: (0 <= \result <= n) || iosafe_neg_errno(\result);
  complete behaviors;
  disjoint behaviors;
*/
ssize_t iosafe_mq_receive(iosafe_borrowed_fd mq IOSAFE_USES, char *buf, size_t n,
			  unsigned int *prio);

/**
 * iosafe_mq_timedsend: as iosafe_mq_send, waiting while the queue is full
 * until the absolute time @abs_timeout (CLOCK_REALTIME).
 * @abs_timeout: (not NULL) the deadline, read only; ignored when the
 *   message fits at once.
 * Returns: as iosafe_mq_send, and -ETIMEDOUT (the deadline passed),
 *   -EINVAL (@abs_timeout NULL or its tv_nsec outside 0..999999999).
 * Linux only.  Follows: mq_timedsend(3) (mq_send(3) page).  rustix: none.
 */
/*@
  requires borrow_ok: iosafe_fd_borrow_ok(mq.raw);
  requires valid_msg: msg == \null || \valid_read(msg + (0 .. n - 1));
  requires valid_timeout: abs_timeout == \null || \valid_read(abs_timeout);
  assigns errno;
  ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior none:
    assumes mq.raw < 0;
    assigns \nothing;
    ensures result_ebadf: \result == -EBADF;
  behavior bad_ptr:
    assumes mq.raw >= 0 && ((msg == \null && n != 0) || abs_timeout == \null);
    assigns \nothing;
    ensures result_einval: \result == -EINVAL;
  behavior call:
    assumes mq.raw >= 0 && (msg != \null || n == 0) && abs_timeout != \null;
    ensures result: \result == 0 || iosafe_neg_errno(\result);
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_mq_timedsend(iosafe_borrowed_fd mq IOSAFE_USES, const char *msg, size_t n,
			unsigned int prio, const struct timespec *abs_timeout);

/**
 * iosafe_mq_timedreceive: as iosafe_mq_receive, waiting while the queue is
 * empty until the absolute time @abs_timeout (CLOCK_REALTIME).
 * @abs_timeout: (not NULL) the deadline, read only.
 * Returns: as iosafe_mq_receive, and -ETIMEDOUT (the deadline passed),
 *   -EINVAL (@abs_timeout NULL or its tv_nsec outside 0..999999999).
 * Linux only.  Follows: mq_timedreceive(3) (mq_receive(3) page).
 *   rustix: none.
 */
/*@
  requires borrow_ok: iosafe_fd_borrow_ok(mq.raw);
  requires valid_buf: buf == \null || \valid(buf + (0 .. n - 1));
  requires valid_prio: prio == \null || \valid(prio);
  requires valid_timeout: abs_timeout == \null || \valid_read(abs_timeout);
  requires separated: \separated(prio, &errno) &&
    (buf != \null ==> \separated(buf + (0 .. n - 1), &errno, prio));
  assigns buf[0 .. n - 1], *prio, errno;
  ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior none:
    assumes mq.raw < 0;
    assigns \nothing;
    ensures result_ebadf: \result == -EBADF;
  behavior bad_ptr:
    assumes mq.raw >= 0 && (buf == \null || abs_timeout == \null);
    assigns \nothing;
    ensures result_einval: \result == -EINVAL;
  behavior call:
    assumes mq.raw >= 0 && buf != \null && abs_timeout != \null;
    ensures result: (0 <= \result <= n) || iosafe_neg_errno(\result);
  complete behaviors;
  disjoint behaviors;
*/
ssize_t iosafe_mq_timedreceive(iosafe_borrowed_fd mq IOSAFE_USES, char *buf, size_t n,
			       unsigned int *prio, const struct timespec *abs_timeout);

/**
 * iosafe_mq_getattr: the queue's attributes: mq_flags (0 or O_NONBLOCK),
 * mq_maxmsg, mq_msgsize, mq_curmsgs (messages queued now).
 * @mq: a borrow, used during the call only.
 * @attr: (not NULL) receives them.
 * Returns: 0, or -EBADF (@mq none, not open, not a queue), -EINVAL (@attr
 *   NULL), ...
 * Linux only.  Follows: mq_getattr(3), POSIX mq_getattr.  rustix: none.
 */
/*@
  requires borrow_ok: iosafe_fd_borrow_ok(mq.raw);
  requires valid_attr: attr == \null || \valid(attr);
  requires separated: \separated(attr, &errno);
  assigns *attr, errno;
  ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior none:
    assumes mq.raw < 0;
    assigns \nothing;
    ensures result_ebadf: \result == -EBADF;
  behavior null_attr:
    assumes mq.raw >= 0 && attr == \null;
    assigns \nothing;
    ensures result_einval: \result == -EINVAL;
  behavior call:
    assumes mq.raw >= 0 && attr != \null;
    ensures result: \result == 0 || iosafe_neg_errno(\result);
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_mq_getattr(iosafe_borrowed_fd mq IOSAFE_USES, struct mq_attr *attr);

/**
 * iosafe_mq_setattr: set the queue descriptor's O_NONBLOCK (the only
 * attribute mq_setattr changes: new_attr->mq_flags), optionally reading
 * the old attributes first.
 * @mq: a borrow, used during the call only.
 * @new_attr: (not NULL) mq_flags is 0 or O_NONBLOCK; the rest is ignored.
 * @old_attr: NULL, or receives the attributes before the change.
 * Returns: 0, or -EBADF (@mq none, not open, not a queue), -EINVAL
 *   (@new_attr NULL; other bits in mq_flags), ...
 * Linux only.  Follows: mq_setattr(3) (mq_getattr(3) page).  rustix: none.
 */
/*@
  requires borrow_ok: iosafe_fd_borrow_ok(mq.raw);
  requires valid_new: new_attr == \null || \valid_read(new_attr);
  requires valid_old: old_attr == \null || \valid(old_attr);
  requires separated: \separated(old_attr, &errno);
  assigns *old_attr, errno;
  ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior none:
    assumes mq.raw < 0;
    assigns \nothing;
    ensures result_ebadf: \result == -EBADF;
  behavior null_new:
    assumes mq.raw >= 0 && new_attr == \null;
    assigns \nothing;
    ensures result_einval: \result == -EINVAL;
  behavior call:
    assumes mq.raw >= 0 && new_attr != \null;
    ensures result: \result == 0 || iosafe_neg_errno(\result);
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_mq_setattr(iosafe_borrowed_fd mq IOSAFE_USES, const struct mq_attr *new_attr,
		      struct mq_attr *old_attr);

/**
 * iosafe_mq_notify: ask for a notification when a message arrives in the
 * empty queue @mq (one process at a time; the registration is removed
 * when it fires), or cancel it.
 * @mq: a borrow, used during the call only.
 * @sev: NULL to cancel this process's registration; or SIGEV_SIGNAL
 *   (sigev_signo is sent, sigev_value in si_value) or SIGEV_NONE.
 *   SIGEV_THREAD is refused with -EINVAL: glibc implements it with a
 *   netlink socket and a helper thread of its own that the caller neither
 *   owns nor can close (mq_notify(3) NOTES), outside iosafe's ownership.
 * Returns: 0, or a negative errno: -EBADF (@mq none, not open, not a
 *   queue), -EBUSY (another process is registered), -EINVAL
 *   (SIGEV_THREAD, a bad sigev_notify or signal), -ENOMEM, ...
 * Linux only.  Follows: mq_notify(3), POSIX mq_notify.  rustix: none.
 */
/*@
  requires borrow_ok: iosafe_fd_borrow_ok(mq.raw);
  requires valid_sev: sev == \null || \valid_read(sev);
  assigns errno;
  ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior none:
    assumes mq.raw < 0;
    assigns \nothing;
    ensures result_ebadf: \result == -EBADF;
  behavior thread:
    assumes mq.raw >= 0 && sev != \null && sev->sigev_notify == SIGEV_THREAD;
    assigns \nothing;
    ensures result_einval: \result == -EINVAL;
  behavior call:
    assumes mq.raw >= 0 && (sev == \null || sev->sigev_notify != SIGEV_THREAD);
    ensures result: \result == 0 || iosafe_neg_errno(\result);
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_mq_notify(iosafe_borrowed_fd mq IOSAFE_USES, const struct sigevent *sev);

/**
 * iosafe_mq_unlink: remove the queue @name; descriptors open on it keep
 * working until they are closed.
 * @name: (not NULL) as for iosafe_mq_open.
 * Returns: 0, or -EINVAL (@name NULL or bad), -ENOENT, -EACCES,
 *   -ENAMETOOLONG, ...
 * Linux only.  Follows: mq_unlink(3), POSIX mq_unlink.  rustix: none.
 */
/*@
  requires valid_name: name == \null || \valid_read(name);
  assigns errno;
  ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior null_name:
    assumes name == \null;
    assigns \nothing;
    ensures result_einval: \result == -EINVAL;
  behavior call:
    assumes name != \null;
    ensures result: \result == 0 || iosafe_neg_errno(\result);
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_mq_unlink(const char *name);

#ifdef __cplusplus
}
#endif

#endif /* __linux__ || __FRAMAC__ */

#endif /* IOSAFE_MQ_H */
