/* SPDX-License-Identifier: MIT */
/*
 * iosafe_posix_event.h: the TRUSTED BASE of the proofs of src/event.c: the
 * event-descriptor calls it makes (epoll, poll, eventfd, timerfd, signalfd,
 * pthread_sigmask, inotify, fanotify), declared with contracts in the
 * descriptor-table model (iosafe_acsl.h).  Assumed, not proved; each clause
 * cites the man page it follows.  Linux x86_64 / glibc 2.36 semantics.  It
 * extends acsl/iosafe_posix.h and acsl/iosafe_posix_fs.h (included first)
 * and is read through the shims acsl/libc/stdint.h, signal.h, poll.h,
 * time.h, sys/epoll.h, sys/eventfd.h, sys/timerfd.h, sys/signalfd.h,
 * sys/inotify.h and sys/fanotify.h.
 *
 * Why this file is over 600 lines: one contract per call, each clause with
 * its citation and a line on why it is no stronger than Linux
 * (proofs/wp_check.py copies both into REPORT.md); the calls share their
 * types and constants.
 *
 * "No stronger than Linux": every call passes seccomp and most pass LSM
 * hooks, so a failure is `\result == -1 && iosafe_errno_set`, never a list.
 *
 * One form differs from the system's, not the calls made: read(2) and
 * write(2) of src/event.c go into typed objects (8 bytes, an array of
 * struct signalfd_siginfo, a struct fanotify_response).  WP's typed memory
 * model cannot see a struct as the bytes iosafe_posix.h's read contract
 * speaks of, so within this model read(fd, buf, n) and write(fd, buf, n)
 * name one trusted function per buffer argument (the argument's name is
 * pasted, as iosafe_posix_fs.h pastes fcntl's command): pv (uint64_t *),
 * si (struct signalfd_siginfo *), rp (const struct fanotify_response *);
 * buf (io.h's bodies) is read(2) itself.  Each is
 * read(2)'s or write(2)'s contract with the buffer typed; a name with no
 * definition stops the proof run (implicit declarations abort).
 *
 * Every type and constant below is checked against the real headers by
 * `make prove` (proofs.mk prove-shim-event, proofs/shim_types_event.c).
 */
#ifndef IOSAFE_POSIX_EVENT_H
#define IOSAFE_POSIX_EVENT_H

#include "iosafe_posix.h"
#include "iosafe_posix_fs.h"

/* ---- Types (x86_64 LP64; checked by prove-shim-event) -------------------- */
typedef signed char int8_t;
typedef short int16_t;
typedef int int32_t;
typedef long int64_t;
typedef unsigned char uint8_t;
typedef unsigned short uint16_t;
typedef unsigned int uint32_t;
typedef unsigned long uint64_t;
typedef int clockid_t;
typedef unsigned long nfds_t;
typedef uint64_t eventfd_t;

/* signal(7): the 1024-bit sigset_t of glibc (bits/types/__sigset_t.h). */
typedef struct {
	unsigned long __val[16];
} sigset_t;

/* poll(2) (bits/poll.h, sys/poll.h). */
struct pollfd {
	int fd;
	short events;
	short revents;
};

/* epoll_ctl(2) (sys/epoll.h; packed on x86_64, 12 bytes). */
typedef union epoll_data {
	void *ptr;
	int fd;
	uint32_t u32;
	uint64_t u64;
} epoll_data_t;
struct epoll_event {
	uint32_t events;
	epoll_data_t data;
} __attribute__((__packed__));

/* timerfd_create(2) (bits/types/struct_itimerspec.h). */
struct itimerspec {
	struct timespec it_interval;
	struct timespec it_value;
};

/* signalfd(2) (sys/signalfd.h), 128 bytes. */
struct signalfd_siginfo {
	uint32_t ssi_signo;
	int32_t ssi_errno;
	int32_t ssi_code;
	uint32_t ssi_pid;
	uint32_t ssi_uid;
	int32_t ssi_fd;
	uint32_t ssi_tid;
	uint32_t ssi_band;
	uint32_t ssi_overrun;
	uint32_t ssi_trapno;
	int32_t ssi_status;
	int32_t ssi_int;
	uint64_t ssi_ptr;
	uint64_t ssi_utime;
	uint64_t ssi_stime;
	uint64_t ssi_addr;
	uint16_t ssi_addr_lsb;
	uint16_t __pad2;
	int32_t ssi_syscall;
	uint64_t ssi_call_addr;
	uint32_t ssi_arch;
	uint8_t __pad[28];
};

/* inotify(7) (sys/inotify.h). */
struct inotify_event {
	int wd;
	uint32_t mask;
	uint32_t cookie;
	uint32_t len;
	char name[];
};

/* fanotify(7) (linux/fanotify.h). */
struct fanotify_event_metadata {
	uint32_t event_len;
	uint8_t vers;
	uint8_t reserved;
	uint16_t metadata_len;
	uint64_t mask;
	int32_t fd;
	int32_t pid;
};
struct fanotify_response {
	int32_t fd;
	uint32_t response;
};

/* ---- Constants (checked by prove-shim-event) ----------------------------- */
/* offsetof (C11 7.19), as glibc's <stddef.h> defines it. */
#ifndef offsetof
#  define offsetof(type, member) __builtin_offsetof(type, member)
#endif
#define EBADMSG 74
#define ECANCELED 125
#define EPOLL_CLOEXEC 02000000
#define EPOLL_CTL_ADD 1
#define EPOLL_CTL_DEL 2
#define EPOLL_CTL_MOD 3
#define EFD_SEMAPHORE 1
#define EFD_CLOEXEC 02000000
#define EFD_NONBLOCK 04000
#define TFD_CLOEXEC 02000000
#define TFD_NONBLOCK 04000
#define TFD_TIMER_ABSTIME 1
#define SFD_CLOEXEC 02000000
#define SFD_NONBLOCK 04000
#define IN_CLOEXEC 02000000
#define IN_NONBLOCK 04000
#define FAN_CLOEXEC 0x00000001
#define FAN_NONBLOCK 0x00000002
#define FAN_NOFD -1
#define SIG_BLOCK 0
#define SIG_UNBLOCK 1
#define SIG_SETMASK 2
#define CLOCK_REALTIME 0
#define CLOCK_MONOTONIC 1

/* The typed read(2) and write(2) of src/event.c (see the head of this file). */
#define read(fd, buf, n) iosafe_posix_read_##buf(fd, buf, n)
#define write(fd, buf, n) iosafe_posix_write_##buf(fd, buf, n)
#define iosafe_posix_read_buf(fd, buf, n) (read)(fd, buf, n)
#define iosafe_posix_write_buf(fd, buf, n) (write)(fd, buf, n)

/* ---- Acquisitions ----------------------------------------------------------
 * The shape of iosafe_posix.h's: -1 with errno set and the table unchanged,
 * or a number that was closed and is now owned by the caller. */

/*@
  assigns iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
    iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1], errno;
  // epoll_create1(2) RETURN VALUE: "a file descriptor (a nonnegative
  // integer)", or -1 with errno set.
  // No stronger: do_epoll_create() (fs/eventpoll.c) installs one new file at
  // a free number, or none.
  ensures epoll_create1_result: \result == -1 || iosafe_fd_acquired{Pre, Post}(\result);
  // epoll_create1(2) EPOLL_CLOEXEC: "Set the close-on-exec (FD_CLOEXEC) flag
  // on the new file descriptor."
  // No stronger: get_unused_fd_flags(O_RDWR | (flags & O_CLOEXEC)); only
  // that direction is claimed.
  ensures epoll_create1_cloexec: \result != -1 ==>
    ((flags & EPOLL_CLOEXEC) != 0 ==> iosafe_fd_is_cloexec(\result));
  // epoll_create1(2) ERRORS: EINVAL, EMFILE, ENFILE, ENOMEM; seccomp can add
  // any errno.
  // No stronger: errno set, no list; nothing installed on failure.
  ensures epoll_create1_failed: \result == -1 ==>
    iosafe_fd_table_same{Pre, Post} && iosafe_errno_set;
*/
int epoll_create1(int flags);

/*@
  assigns iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
    iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1], errno;
  // eventfd(2) RETURN VALUE: "a new file descriptor", or -1 with errno set.
  // No stronger: do_eventfd() (fs/eventfd.c) installs one file or none.
  ensures eventfd_result: \result == -1 || iosafe_fd_acquired{Pre, Post}(\result);
  // eventfd(2) EFD_CLOEXEC: "Set the close-on-exec (FD_CLOEXEC) flag on the
  // new file descriptor."
  // No stronger: the number is allocated with O_CLOEXEC; one direction only.
  ensures eventfd_cloexec: \result != -1 ==>
    ((flags & EFD_CLOEXEC) != 0 ==> iosafe_fd_is_cloexec(\result));
  // eventfd(2) ERRORS: EINVAL, EMFILE, ENFILE, ENODEV, ENOMEM; seccomp.
  // No stronger: errno set, no list; nothing installed on failure.
  ensures eventfd_failed: \result == -1 ==>
    iosafe_fd_table_same{Pre, Post} && iosafe_errno_set;
*/
int eventfd(unsigned int count, int flags);

/*@
  assigns iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
    iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1], errno;
  // timerfd_create(2) RETURN VALUE: "a new file descriptor", or -1 with
  // errno set.
  // No stronger: timerfd_create() (fs/timerfd.c) installs one file or none.
  ensures timerfd_create_result: \result == -1 ||
    iosafe_fd_acquired{Pre, Post}(\result);
  // timerfd_create(2) TFD_CLOEXEC: "Set the close-on-exec (FD_CLOEXEC) flag
  // on the new file descriptor."
  // No stronger: the number is allocated with O_CLOEXEC; one direction only.
  ensures timerfd_create_cloexec: \result != -1 ==>
    ((flags & TFD_CLOEXEC) != 0 ==> iosafe_fd_is_cloexec(\result));
  // timerfd_create(2) ERRORS: EINVAL, EMFILE, ENFILE, ENODEV, ENOMEM, EPERM;
  // seccomp.
  // No stronger: errno set, no list; nothing installed on failure.
  ensures timerfd_create_failed: \result == -1 ==>
    iosafe_fd_table_same{Pre, Post} && iosafe_errno_set;
*/
int timerfd_create(clockid_t clockid, int flags);

/*@
  // signalfd(2): mask points to a sigset_t (EFAULT otherwise).
  // No stronger: a precondition on iosafe.
  requires signalfd_mask: \valid_read(mask);
  // signalfd(2): "If the fd argument is -1, then the call creates a new file
  // descriptor"; otherwise fd "must specify a valid existing signalfd file
  // descriptor" (a use).
  // No stronger: a precondition on iosafe (no use after close); iosafe
  // passes -1 or an open borrow.
  requires signalfd_fd: fd == -1 || iosafe_fd_is_open(fd);
  assigns iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
    iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1], errno;
  behavior create:
    assumes fd == -1;
    // signalfd(2) RETURN VALUE: "a signalfd file descriptor; this is either
    // a new file descriptor (if fd was -1)", or -1 with errno set.
    // No stronger: do_signalfd4() (fs/signalfd.c) installs one file or none
    // when ufd == -1.
    ensures signalfd_create_result: \result == -1 ||
      iosafe_fd_acquired{Pre, Post}(\result);
    // signalfd(2) SFD_CLOEXEC: "Set the close-on-exec (FD_CLOEXEC) flag on
    // the new file descriptor."
    // No stronger: allocated with O_CLOEXEC; one direction only.
    ensures signalfd_create_cloexec: \result != -1 ==>
      ((flags & SFD_CLOEXEC) != 0 ==> iosafe_fd_is_cloexec(\result));
    // signalfd(2) ERRORS: EINVAL, EMFILE, ENFILE, ENODEV, ENOMEM; seccomp.
    // No stronger: errno set, no list; nothing installed on failure.
    ensures signalfd_create_failed: \result == -1 ==>
      iosafe_fd_table_same{Pre, Post} && iosafe_errno_set;
  behavior change:
    assumes fd != -1;
    assigns errno;
    // signalfd(2) RETURN VALUE: "or fd itself (if fd was a valid signalfd
    // file descriptor)", or -1 with errno set (EBADF, EINVAL: not a signalfd).
    // No stronger: do_signalfd4() replaces the mask of the existing file and
    // returns ufd; it makes no file.
    ensures signalfd_change_result: \result == fd || \result == -1;
    // signalfd(2): with an existing fd the call changes its mask only.
    // No stronger: do_signalfd4() with ufd != -1 installs and closes nothing
    // and leaves every close-on-exec flag alone.
    ensures signalfd_change_same: iosafe_fd_table_same{Pre, Post} &&
      iosafe_fd_cloexec_same{Pre, Post};
    // signalfd(2) ERRORS (see above); seccomp.
    // No stronger: errno set, no list.
    ensures signalfd_change_failed: \result == -1 ==> iosafe_errno_set;
  complete behaviors;
  disjoint behaviors;
*/
int signalfd(int fd, const sigset_t *mask, int flags);

/*@
  assigns iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
    iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1], errno;
  // inotify_init1(2) RETURN VALUE: "a new file descriptor", or -1 with errno
  // set.
  // No stronger: do_inotify_init() (fs/notify/inotify/inotify_user.c)
  // installs one file or none.
  ensures inotify_init1_result: \result == -1 ||
    iosafe_fd_acquired{Pre, Post}(\result);
  // inotify_init1(2) IN_CLOEXEC: "Set the close-on-exec (FD_CLOEXEC) flag on
  // the new file descriptor."
  // No stronger: allocated with O_CLOEXEC; one direction only.
  ensures inotify_init1_cloexec: \result != -1 ==>
    ((flags & IN_CLOEXEC) != 0 ==> iosafe_fd_is_cloexec(\result));
  // inotify_init1(2) ERRORS: EINVAL, EMFILE (also the per-user instance
  // limit), ENFILE, ENOMEM; seccomp.
  // No stronger: errno set, no list; nothing installed on failure.
  ensures inotify_init1_failed: \result == -1 ==>
    iosafe_fd_table_same{Pre, Post} && iosafe_errno_set;
*/
int inotify_init1(int flags);

/*@
  assigns iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
    iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1], errno;
  // fanotify_init(2) RETURN VALUE: "a new file descriptor", or -1 with errno
  // set.
  // No stronger: fanotify_init() (fs/notify/fanotify/fanotify_user.c)
  // installs one file (the group's) or none; event descriptors are made
  // later, by read(2).
  ensures fanotify_init_result: \result == -1 ||
    iosafe_fd_acquired{Pre, Post}(\result);
  // fanotify_init(2) FAN_CLOEXEC: "Set the close-on-exec flag (FD_CLOEXEC)
  // on the new file descriptor."
  // No stronger: allocated with O_CLOEXEC when FAN_CLOEXEC; one direction.
  ensures fanotify_init_cloexec: \result != -1 ==>
    ((flags & FAN_CLOEXEC) != 0 ==> iosafe_fd_is_cloexec(\result));
  // fanotify_init(2) ERRORS: EINVAL, EMFILE, ENOMEM, ENOSYS, EPERM (no
  // CAP_SYS_ADMIN); seccomp.
  // No stronger: errno set, no list; nothing installed on failure.
  ensures fanotify_init_failed: \result == -1 ==>
    iosafe_fd_table_same{Pre, Post} && iosafe_errno_set;
*/
int fanotify_init(unsigned int flags, unsigned int event_f_flags);

/* ---- Calls that use descriptors and make or close none ---------------------
 * Each: 0 (or a count, or a watch descriptor) or -1 with errno set; the table
 * unchanged (assigns errno and their out-parameters only). */

/*@
  // epoll_ctl(2): epfd is an epoll instance and fd a target descriptor,
  // both used (borrows).
  // No stronger: a precondition on iosafe (no use after close).
  requires epoll_ctl_open: iosafe_fd_is_open(epfd) && iosafe_fd_is_open(fd);
  // epoll_ctl(2): event is read for EPOLL_CTL_ADD and EPOLL_CTL_MOD; "Since
  // Linux 2.6.9, event can be specified as NULL when using EPOLL_CTL_DEL."
  // No stronger: a precondition on iosafe.
  requires epoll_ctl_event: \valid_read(event) || (op == EPOLL_CTL_DEL && event == \null);
  assigns errno;
  // epoll_ctl(2) RETURN VALUE: "zero", or -1 with errno set.
  // No stronger: the system call returns 0 or a negative error.
  ensures epoll_ctl_result: \result == 0 || \result == -1;
  // epoll_ctl(2) ERRORS: EBADF, EEXIST, EINVAL, ELOOP, ENOENT, ENOMEM,
  // ENOSPC, EPERM; seccomp.
  // No stronger: errno set, no list.
  ensures epoll_ctl_failed: \result == -1 ==> iosafe_errno_set;
*/
int epoll_ctl(int epfd, int op, int fd, struct epoll_event *event);

/*@
  // epoll_wait(2): epfd is used (a borrow).
  // No stronger: a precondition on iosafe.
  requires epoll_wait_open: iosafe_fd_is_open(epfd);
  // epoll_wait(2): "The maxevents argument must be greater than zero";
  // events has room for maxevents entries (EFAULT otherwise).
  // No stronger: a precondition on iosafe, which checks maxevents first.
  requires epoll_wait_events: maxevents > 0 && \valid(events + (0 .. maxevents - 1));
  assigns events[0 .. maxevents - 1], errno;
  // epoll_wait(2) RETURN VALUE: "the number of file descriptors ready for
  // the requested I/O, or zero if no file descriptor became ready during
  // the requested timeout", or -1 with errno set; "up to maxevents".
  // No stronger: ep_poll() never delivers more than maxevents.
  ensures epoll_wait_result: \result == -1 || 0 <= \result <= maxevents;
  // epoll_wait(2) ERRORS: EBADF, EFAULT, EINTR ("never restarted after
  // being interrupted by a signal handler", signal(7)), EINVAL; seccomp.
  // No stronger: errno set, no list.
  ensures epoll_wait_failed: \result == -1 ==> iosafe_errno_set;
*/
int epoll_wait(int epfd, struct epoll_event *events, int maxevents, int timeout);

/*@
  // poll(2): fds is an array of nfds entries (EFAULT otherwise).
  // No stronger: a precondition on iosafe.
  requires poll_fds: \valid(fds + (0 .. nfds - 1));
  // poll(2): "If this field is negative, then the corresponding events field
  // is ignored"; a non-negative fd is used (a borrow).  Linux reports a
  // closed one with POLLNVAL; iosafe asks for none.
  // No stronger: a precondition on iosafe, stricter than poll(2).
  requires poll_open: \forall integer i; 0 <= i < nfds ==>
    fds[i].fd < 0 || iosafe_fd_is_open(fds[i].fd);
  assigns fds[0 .. nfds - 1].revents, errno;
  // poll(2) RETURN VALUE: "a nonnegative value which is the number of
  // elements in the pollfds whose revents fields have been set to a nonzero
  // value", or -1 with errno set.
  // No stronger: do_sys_poll() counts at most nfds entries.
  ensures poll_result: \result == -1 || 0 <= \result <= nfds;
  // poll(2) ERRORS: EFAULT, EINTR, EINVAL (nfds over RLIMIT_NOFILE), ENOMEM;
  // seccomp.
  // No stronger: errno set, no list.
  ensures poll_failed: \result == -1 ==> iosafe_errno_set;
*/
int poll(struct pollfd *fds, nfds_t nfds, int timeout);

/*@
  // timerfd_settime(2): fd is used (a borrow).
  // No stronger: a precondition on iosafe.
  requires timerfd_settime_open: iosafe_fd_is_open(fd);
  // timerfd_settime(2): new_value is read; old_value, "If the old_value
  // argument is not NULL", is written (EFAULT otherwise).
  // No stronger: a precondition on iosafe.
  requires timerfd_settime_args: \valid_read(new_value) &&
    (old_value == \null || \valid(old_value)) && \separated(new_value, old_value);
  assigns *old_value, errno;
  // timerfd_settime(2) RETURN VALUE: "0", or -1 with errno set.
  // No stronger: the system call returns 0 or a negative error.
  ensures timerfd_settime_result: \result == 0 || \result == -1;
  // timerfd_settime(2) ERRORS: EBADF, EFAULT, EINVAL, ECANCELED; seccomp.
  // No stronger: errno set, no list.
  ensures timerfd_settime_failed: \result == -1 ==> iosafe_errno_set;
*/
int timerfd_settime(int fd, int flags, const struct itimerspec *new_value,
		    struct itimerspec *old_value);

/*@
  // timerfd_gettime(2): fd is used (a borrow).
  // No stronger: a precondition on iosafe.
  requires timerfd_gettime_open: iosafe_fd_is_open(fd);
  // timerfd_gettime(2): curr_value is written (EFAULT otherwise).
  // No stronger: a precondition on iosafe.
  requires timerfd_gettime_curr: \valid(curr_value);
  assigns *curr_value, errno;
  // timerfd_gettime(2) RETURN VALUE: "0", or -1 with errno set.
  // No stronger: the system call returns 0 or a negative error.
  ensures timerfd_gettime_result: \result == 0 || \result == -1;
  // timerfd_gettime(2) ERRORS: EBADF, EFAULT, EINVAL; seccomp.
  // No stronger: errno set, no list.
  ensures timerfd_gettime_failed: \result == -1 ==> iosafe_errno_set;
*/
int timerfd_gettime(int fd, struct itimerspec *curr_value);

/*@
  // pthread_sigmask(3): set is read (iosafe never passes NULL), oldset
  // written when not NULL.
  // No stronger: a precondition on iosafe.
  requires sigmask_args: \valid_read(set) && (oldset == \null || \valid(oldset)) &&
    \separated(set, oldset);
  assigns *oldset;
  // pthread_sigmask(3) RETURN VALUE: "0; on error, it returns an error
  // number"; errno is not used.
  // No stronger: glibc returns the system call's error as a positive value
  // (nptl/pthread_sigmask.c), at most MAX_ERRNO; errno is not assigned here
  // (glibc's INTERNAL_SYSCALL leaves it alone).
  ensures sigmask_result: 0 <= \result <= IOSAFE_ERRNO_MAX;
*/
int pthread_sigmask(int how, const sigset_t *set, sigset_t *oldset);

/*@
  // inotify_add_watch(2): fd is used (a borrow); pathname is a string
  // (readable; termination not modelled).
  // No stronger: a precondition on iosafe.
  requires inotify_add_watch_args: iosafe_fd_is_open(fd) && \valid_read(pathname);
  assigns errno;
  // inotify_add_watch(2) RETURN VALUE: "a watch descriptor (a nonnegative
  // integer)", or -1 with errno set.  A watch descriptor is not a file
  // descriptor: no number of the table is made.
  // No stronger: inotify_update_watch() returns an idr number or a negative
  // error.
  ensures inotify_add_watch_result: \result >= -1;
  // inotify_add_watch(2) ERRORS: EACCES, EBADF, EEXIST, EFAULT, EINVAL,
  // ENAMETOOLONG, ENOENT, ENOMEM, ENOSPC, ENOTDIR; path lookup and LSMs add
  // more.
  // No stronger: errno set, no list.
  ensures inotify_add_watch_failed: \result == -1 ==> iosafe_errno_set;
*/
int inotify_add_watch(int fd, const char *pathname, uint32_t mask);

/*@
  // inotify_rm_watch(2): fd is used (a borrow).
  // No stronger: a precondition on iosafe.
  requires inotify_rm_watch_open: iosafe_fd_is_open(fd);
  assigns errno;
  // inotify_rm_watch(2) RETURN VALUE: "zero", or -1 with errno set.
  // No stronger: the system call returns 0 or a negative error.
  ensures inotify_rm_watch_result: \result == 0 || \result == -1;
  // inotify_rm_watch(2) ERRORS: EBADF, EINVAL; seccomp.
  // No stronger: errno set, no list.
  ensures inotify_rm_watch_failed: \result == -1 ==> iosafe_errno_set;
*/
int inotify_rm_watch(int fd, int wd);

/*@
  // fanotify_mark(2): fanotify_fd is used (a borrow); dirfd is used when
  // pathname is NULL or relative (AT_FDCWD or another negative value is no
  // descriptor); pathname, when not NULL, is a string.
  // No stronger: a precondition on iosafe.
  requires fanotify_mark_args: iosafe_fd_is_open(fanotify_fd) &&
    iosafe_fd_borrow_ok(dirfd) && (pathname == \null || \valid_read(pathname));
  assigns errno;
  // fanotify_mark(2) RETURN VALUE: "0", or -1 with errno set.
  // No stronger: the system call returns 0 or a negative error.
  ensures fanotify_mark_result: \result == 0 || \result == -1;
  // fanotify_mark(2) ERRORS: a long list (EBADF, EEXIST, EINVAL, ENODEV,
  // ENOENT, ENOMEM, ENOSPC, ENOSYS, ENOTDIR, EOPNOTSUPP, EXDEV, ...), path
  // lookup's and the LSMs'.
  // No stronger: errno set, no list.
  ensures fanotify_mark_failed: \result == -1 ==> iosafe_errno_set;
*/
int fanotify_mark(int fanotify_fd, unsigned int flags, uint64_t mask, int dirfd,
		  const char *pathname);

/* ---- read(2) and write(2) into typed buffers (see the head of this file) -- */

/*@
  // read(2): fd is used (a borrow), or is negative (a none borrow).
  // No stronger: a precondition on iosafe.
  requires read_pv_open: fd < 0 || iosafe_fd_is_open(fd);
  // eventfd(2), timerfd_create(2): the buffer is an 8-byte integer.
  // No stronger: a precondition on iosafe (EFAULT otherwise).
  requires read_pv_buf: count == sizeof(uint64_t) && \valid(pv);
  assigns *pv, errno;
  // read(2) ERRORS: "EBADF fd is not a valid file descriptor"; POSIX.1-2017
  // XBD 3.166: a file descriptor is "a per-process unique, non-negative
  // integer", so a negative fd is never valid.
  // No stronger: ksys_read() (fs/read_write.c) looks the fd up first, as an
  // unsigned int past every table's size, and returns -EBADF before it
  // touches the buffer.
  ensures read_pv_ebadf: fd < 0 ==> \result == -1 && errno == EBADF;
  // read(2) RETURN VALUE: the number of bytes read, at most count, or -1
  // (after a short read *pv holds what arrived: assigned, nothing claimed).
  // No stronger: as iosafe_posix.h's read_result.
  ensures read_pv_result: \result == -1 || 0 <= \result <= count;
  // read(2), eventfd(2), timerfd_create(2) ERRORS (EAGAIN, EINTR, EINVAL,
  // ECANCELED, ...): "Other errors may occur".
  // No stronger: errno set, no list.
  ensures read_pv_failed: \result == -1 ==> iosafe_errno_set;
*/
ssize_t iosafe_posix_read_pv(int fd, uint64_t *pv, size_t count);

/*@
  // write(2): fd is used (a borrow), or is negative (a none borrow).
  // No stronger: a precondition on iosafe.
  requires write_pv_open: fd < 0 || iosafe_fd_is_open(fd);
  // eventfd(2): "supplies an 8-byte integer".
  // No stronger: a precondition on iosafe (EFAULT otherwise).
  requires write_pv_buf: count == sizeof(uint64_t) && \valid_read(pv);
  assigns errno;
  // write(2) ERRORS: "EBADF fd is not a valid file descriptor" (a negative
  // fd never is: POSIX.1-2017 XBD 3.166).
  // No stronger: ksys_write() (fs/read_write.c) looks the fd up first and
  // returns -EBADF before it reads the buffer.
  ensures write_pv_ebadf: fd < 0 ==> \result == -1 && errno == EBADF;
  // write(2) RETURN VALUE: the number of bytes written, at most count, or -1.
  // No stronger: as iosafe_posix.h's write_result.
  ensures write_pv_result: \result == -1 || 0 <= \result <= count;
  // write(2), eventfd(2) ERRORS (EAGAIN, EINVAL for 0xffffffffffffffff, ...).
  // No stronger: errno set, no list.
  ensures write_pv_failed: \result == -1 ==> iosafe_errno_set;
*/
ssize_t iosafe_posix_write_pv(int fd, const uint64_t *pv, size_t count);

/*@
  // read(2): fd is used (a borrow).
  // No stronger: a precondition on iosafe.
  requires read_si_open: iosafe_fd_is_open(fd);
  // read(2): buf has room for count bytes, here whole records: signalfd(2)
  // "The buffer must be at least sizeof(struct signalfd_siginfo) bytes".
  // No stronger: a precondition on iosafe (EFAULT otherwise).
  requires read_si_buf: count % sizeof(struct signalfd_siginfo) == 0 &&
    \valid(si + (0 .. count / sizeof(struct signalfd_siginfo) - 1));
  assigns si[0 .. count / sizeof(struct signalfd_siginfo) - 1], errno;
  // read(2) RETURN VALUE: the number of bytes read, at most count, or -1.
  // No stronger: as iosafe_posix.h's read_result (signalfd(2) adds that it
  // is a multiple of the record size, which iosafe checks instead).
  ensures read_si_result: \result == -1 || 0 <= \result <= count;
  // read(2) and signalfd(2) ERRORS (EAGAIN, EINTR, EINVAL, ...).
  // No stronger: errno set, no list.
  ensures read_si_failed: \result == -1 ==> iosafe_errno_set;
*/
ssize_t iosafe_posix_read_si(int fd, struct signalfd_siginfo *si, size_t count);

/*@
  // write(2): fd is used (a borrow).
  // No stronger: a precondition on iosafe.
  requires write_rp_open: iosafe_fd_is_open(fd);
  // fanotify(7): "write(2) a structure of the following form".
  // No stronger: a precondition on iosafe (EFAULT otherwise).
  requires write_rp_buf: count == sizeof(struct fanotify_response) && \valid_read(rp);
  assigns errno;
  // write(2) RETURN VALUE: the number of bytes written, at most count, or -1.
  // No stronger: as iosafe_posix.h's write_result.
  ensures write_rp_result: \result == -1 || 0 <= \result <= count;
  // write(2), fanotify(7) ERRORS (ENOENT: no such permission event, EINVAL).
  // No stronger: errno set, no list.
  ensures write_rp_failed: \result == -1 ==> iosafe_errno_set;
*/
ssize_t iosafe_posix_write_rp(int fd, const struct fanotify_response *rp, size_t count);

#endif /* IOSAFE_POSIX_EVENT_H */
