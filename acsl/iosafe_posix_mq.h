/* SPDX-License-Identifier: MIT */
/*
 * iosafe_posix_mq.h: the TRUSTED BASE of the proofs of src/mq.c: the POSIX
 * message queue calls (mq_open, mq_send, mq_receive, mq_timedsend,
 * mq_timedreceive, mq_getattr, mq_setattr, mq_notify, mq_unlink), declared
 * with contracts in the descriptor-table model (iosafe_acsl.h).  Assumed,
 * not proved; each named clause cites the man page it follows and says why
 * it is no stronger than Linux.  Linux x86_64 / glibc 2.36 semantics (the
 * calls are in libc itself since glibc 2.34).  It extends
 * acsl/iosafe_posix.h and iosafe_posix_fdops.h (struct timespec) and is
 * read through the shims acsl/libc/mqueue.h and time.h.
 *
 * mq_open is variadic in <mqueue.h> (mode and attr are read only with
 * O_CREAT); here it takes the two arguments iosafe always passes.
 */
#ifndef IOSAFE_POSIX_MQ_H
#define IOSAFE_POSIX_MQ_H

#include "iosafe_posix.h"
#include "iosafe_posix_fdops.h" /* struct timespec, EBUSY */

/* mqd_t and struct mq_attr of x86_64 glibc (bits/types/mqd_t.h,
 * bits/mqueue.h); struct sigevent (bits/types/struct_sigevent.h, 64 bytes),
 * its union modelled as padding of the same size. */
typedef int mqd_t;
struct mq_attr {
	long mq_flags;
	long mq_maxmsg;
	long mq_msgsize;
	long mq_curmsgs;
	long iosafe_mq_pad[4];
};
#ifndef IOSAFE_POSIX_STRUCT_SIGEVENT
#define IOSAFE_POSIX_STRUCT_SIGEVENT
union sigval {
	int sival_int;
	void *sival_ptr;
};
struct sigevent {
	union sigval sigev_value;
	int sigev_signo;
	int sigev_notify;
	int iosafe_sigev_un[12];
};
#define SIGEV_SIGNAL 0
#define SIGEV_NONE 1
#define SIGEV_THREAD 2
#endif

/*@
  // mq_open(3): name is a string (readable; termination not modelled).
  // No stronger: a precondition on iosafe.
  requires mq_open_name: \valid_read(name);
  // mq_open(3): attr is NULL or read ("attr ... specifying the maximum
  // number of messages and the maximum size of messages").
  // No stronger: a precondition on iosafe (EFAULT otherwise).
  requires mq_open_attr: attr == \null || \valid_read(attr);
  assigns iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
    iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1], errno;
  // mq_open(3) RETURN VALUE: "a message queue descriptor for use by other
  // message queue functions", or (mqd_t) -1 with errno set; mq_overview(7):
  // "On Linux, a message queue descriptor is actually a file descriptor".
  // No stronger: do_mq_open() (ipc/mqueue.c) installs one new file at a free
  // number or none.
  ensures mq_open_result: \result == -1 || iosafe_fd_acquired{Pre, Post}(\result);
  // POSIX exec: "All open message queue descriptors in the calling process
  // shall be closed"; Linux does it with the close-on-exec flag.
  // No stronger: do_mq_open() allocates with get_unused_fd_flags(O_CLOEXEC)
  // whatever oflag holds.
  ensures mq_open_cloexec: \result != -1 ==> iosafe_fd_is_cloexec(\result);
  // mq_open(3) ERRORS: EACCES, EEXIST, EINVAL, EMFILE, ENAMETOOLONG, ENFILE,
  // ENOENT, ENOMEM, ENOSPC; the LSM hooks and seccomp can add any errno.
  // No stronger: errno set, no list; nothing installed on failure.
  ensures mq_open_failed: \result == -1 ==>
    iosafe_fd_table_same{Pre, Post} && iosafe_errno_set;
*/
mqd_t mq_open(const char *name, int oflag, mode_t mode, struct mq_attr *attr);

/*@
  // mq_send(3): mqdes is used (a borrow); msg_ptr holds msg_len bytes,
  // and is never NULL (glibc's <mqueue.h> declares it __nonnull, also for
  // a length of 0).
  // No stronger: a precondition on iosafe (no use after close, EFAULT).
  requires mq_send_args: iosafe_fd_is_open(mqdes) && msg_ptr != \null &&
    (msg_len == 0 || \valid_read(msg_ptr + (0 .. msg_len - 1)));
  assigns errno;
  // mq_send(3) RETURN VALUE: "zero; on error, -1 is returned, with errno
  // set" (EAGAIN, EBADF, EINTR, EINVAL, EMSGSIZE, ETIMEDOUT).
  // No stronger: errno set, no list.
  ensures mq_send_result: \result == 0 || (\result == -1 && iosafe_errno_set);
*/
int mq_send(mqd_t mqdes, const char *msg_ptr, size_t msg_len, unsigned int msg_prio);

/*@
  // mq_send(3) mq_timedsend: as mq_send (msg_ptr never NULL), and
  // abs_timeout is read.
  // No stronger: a precondition on iosafe (no use after close, EFAULT).
  requires mq_timedsend_args: iosafe_fd_is_open(mqdes) && msg_ptr != \null &&
    (msg_len == 0 || \valid_read(msg_ptr + (0 .. msg_len - 1))) &&
    \valid_read(abs_timeout);
  assigns errno;
  // mq_send(3) RETURN VALUE: 0, or -1 with errno set.
  // No stronger: errno set, no list.
  ensures mq_timedsend_result: \result == 0 || (\result == -1 && iosafe_errno_set);
*/
int mq_timedsend(mqd_t mqdes, const char *msg_ptr, size_t msg_len, unsigned int msg_prio,
		 const struct timespec *abs_timeout);

/*@
  // mq_receive(3): mqdes is used; msg_ptr has room for msg_len bytes;
  // msg_prio is NULL or receives the priority.
  // No stronger: a precondition on iosafe (no use after close, EFAULT).
  requires mq_receive_args: iosafe_fd_is_open(mqdes) &&
    (msg_len == 0 || \valid(msg_ptr + (0 .. msg_len - 1))) &&
    (msg_prio == \null || \valid(msg_prio));
  assigns msg_ptr[0 .. msg_len - 1], *msg_prio, errno;
  // mq_receive(3) RETURN VALUE: "the number of bytes in the received
  // message; on error, -1 is returned, with errno set".
  // No stronger: do_mq_timedreceive() fails with EMSGSIZE when msg_len is
  // below mq_msgsize, so a message never exceeds msg_len; errno set, no list.
  ensures mq_receive_result: (0 <= \result <= msg_len) ||
    (\result == -1 && iosafe_errno_set);
*/
ssize_t mq_receive(mqd_t mqdes, char *msg_ptr, size_t msg_len, unsigned int *msg_prio);

/*@
  // mq_receive(3) mq_timedreceive: as mq_receive, and abs_timeout is read.
  // No stronger: a precondition on iosafe (no use after close, EFAULT).
  requires mq_timedreceive_args: iosafe_fd_is_open(mqdes) &&
    (msg_len == 0 || \valid(msg_ptr + (0 .. msg_len - 1))) &&
    (msg_prio == \null || \valid(msg_prio)) && \valid_read(abs_timeout);
  assigns msg_ptr[0 .. msg_len - 1], *msg_prio, errno;
  // mq_receive(3) RETURN VALUE: the message's length, or -1 with errno set.
  // No stronger: as mq_receive_result (the same do_mq_timedreceive()).
  ensures mq_timedreceive_result: (0 <= \result <= msg_len) ||
    (\result == -1 && iosafe_errno_set);
*/
ssize_t mq_timedreceive(mqd_t mqdes, char *msg_ptr, size_t msg_len, unsigned int *msg_prio,
			const struct timespec *abs_timeout);

/*@
  // mq_getattr(3): mqdes is used; attr receives the attributes.
  // No stronger: a precondition on iosafe (no use after close, EFAULT).
  requires mq_getattr_args: iosafe_fd_is_open(mqdes) && \valid(attr);
  assigns *attr, errno;
  // mq_getattr(3) RETURN VALUE: 0, or -1 with errno set (EBADF, EINVAL).
  // No stronger: errno set, no list.
  ensures mq_getattr_result: \result == 0 || (\result == -1 && iosafe_errno_set);
*/
int mq_getattr(mqd_t mqdes, struct mq_attr *attr);

/*@
  // mq_getattr(3) mq_setattr: mqdes is used; newattr is read; oldattr is
  // NULL or receives the previous attributes.
  // No stronger: a precondition on iosafe (no use after close, EFAULT).
  requires mq_setattr_args: iosafe_fd_is_open(mqdes) && \valid_read(newattr) &&
    (oldattr == \null || \valid(oldattr));
  assigns *oldattr, errno;
  // mq_getattr(3) RETURN VALUE: 0, or -1 with errno set.
  // No stronger: errno set, no list.
  ensures mq_setattr_result: \result == 0 || (\result == -1 && iosafe_errno_set);
*/
int mq_setattr(mqd_t mqdes, const struct mq_attr *newattr, struct mq_attr *oldattr);

/*@
  // mq_notify(3): mqdes is used; sevp is NULL or read.  Only SIGEV_NONE and
  // SIGEV_SIGNAL are modelled: glibc's SIGEV_THREAD opens a netlink socket
  // and starts a thread, outside the model.
  // No stronger: a precondition on iosafe, which refuses SIGEV_THREAD.
  requires mq_notify_args: iosafe_fd_is_open(mqdes) &&
    (sevp == \null || (\valid_read(sevp) && sevp->sigev_notify != SIGEV_THREAD));
  assigns errno;
  // mq_notify(3) RETURN VALUE: 0, or -1 with errno set (EBADF, EBUSY,
  // EINVAL, ENOMEM).
  // No stronger: errno set, no list; no descriptor is opened for
  // SIGEV_NONE or SIGEV_SIGNAL (sys_mq_notify() in ipc/mqueue.c opens a
  // netlink socket only for SIGEV_THREAD).
  ensures mq_notify_result: \result == 0 || (\result == -1 && iosafe_errno_set);
*/
int mq_notify(mqd_t mqdes, const struct sigevent *sevp);

/*@
  // mq_unlink(3): name is a string (readable; termination not modelled).
  // No stronger: a precondition on iosafe.
  requires mq_unlink_name: \valid_read(name);
  assigns errno;
  // mq_unlink(3) RETURN VALUE: 0, or -1 with errno set (EACCES,
  // ENAMETOOLONG, ENOENT, and the LSM hooks').
  // No stronger: errno set, no list; the descriptor table is not touched.
  ensures mq_unlink_result: \result == 0 || (\result == -1 && iosafe_errno_set);
*/
int mq_unlink(const char *name);

#endif /* IOSAFE_POSIX_MQ_H */
