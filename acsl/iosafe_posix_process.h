/* SPDX-License-Identifier: MIT */
/*
 * iosafe_posix_process.h: the TRUSTED BASE of the proofs of src/process.c:
 * pidfd_open, pidfd_getfd, pidfd_send_signal and waitid, declared with
 * contracts in the descriptor-table model (iosafe_acsl.h).  Assumed, not
 * proved; each named clause cites the man page it follows and says why it
 * is no stronger than Linux.  Linux x86_64 / glibc 2.36 semantics (glibc
 * 2.36 added <sys/pidfd.h> with the three pidfd wrappers).  It extends
 * acsl/iosafe_posix.h and iosafe_posix_fdops.h (pid_t) and is read through
 * the shims acsl/libc/signal.h, sys/wait.h and sys/pidfd.h.
 *
 * What the model leaves out: the process a pidfd refers to, its state and
 * its signals.  A signal sent to the caller itself runs its handler outside
 * the model (a handler that touches descriptors is outside every proof
 * here, as in iosafe_acsl.h's one-thread assumption).
 */
#ifndef IOSAFE_POSIX_PROCESS_H
#define IOSAFE_POSIX_PROCESS_H

#include "iosafe_posix.h"
#include "iosafe_posix_fdops.h" /* pid_t */

#ifndef ECHILD
#define ECHILD 10
#endif
#ifndef ESRCH
#define ESRCH 3
#endif

/* siginfo_t of x86_64 glibc (bits/types/siginfo_t.h): 128 bytes, its first
 * three ints si_signo, si_errno, si_code; the rest is a union the proofs
 * never read, modelled as padding of the same size. */
#ifndef IOSAFE_POSIX_SIGINFO_T
#define IOSAFE_POSIX_SIGINFO_T
typedef struct {
	int si_signo;
	int si_errno;
	int si_code;
	int iosafe_si_fields[29];
} siginfo_t;
#endif

/* waitid(2)'s id types (bits/types/idtype_t.h, linux/wait.h) and options
 * (bits/waitflags.h). */
typedef unsigned int id_t;
typedef enum { P_ALL, P_PID, P_PGID, P_PIDFD } idtype_t;
#define WNOHANG 1
#define WSTOPPED 2
#define WEXITED 4
#define WCONTINUED 8
#define WNOWAIT 0x01000000
#define PIDFD_NONBLOCK O_NONBLOCK

/*@
  assigns iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
    iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1], errno;
  // pidfd_open(2) RETURN VALUE: "a file descriptor (a nonnegative integer)",
  // or -1 with errno set.
  // No stronger: pidfd_create() (kernel/pid.c) installs one new file at a
  // free number or none; glibc returns -1 and sets errno for a negative
  // return.
  ensures pidfd_open_result: \result == -1 || iosafe_fd_acquired{Pre, Post}(\result);
  // pidfd_open(2): "The close-on-exec flag is set on the file descriptor."
  // No stronger: pidfd_create() allocates with O_CLOEXEC whatever flags
  // holds (get_unused_fd_flags(O_CLOEXEC)).
  ensures pidfd_open_cloexec: \result != -1 ==> iosafe_fd_is_cloexec(\result);
  // pidfd_open(2) ERRORS: EINVAL, EMFILE, ENFILE, ENODEV, ENOMEM, ESRCH;
  // seccomp can return any errno.
  // No stronger: errno set, no list; nothing installed on failure.
  ensures pidfd_open_failed: \result == -1 ==>
    iosafe_fd_table_same{Pre, Post} && iosafe_errno_set;
*/
int pidfd_open(pid_t pid, unsigned int flags);

/*@
  // pidfd_getfd(2): pidfd is used (a borrow); targetfd is a number in the
  // other process's table, not ours, so the model says nothing of it.
  // No stronger: a precondition on iosafe (no use after close).
  requires pidfd_getfd_open: iosafe_fd_is_open(pidfd);
  assigns iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
    iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1], errno;
  // pidfd_getfd(2) RETURN VALUE: "a file descriptor that is a duplicate of
  // the target file descriptor", or -1 with errno set.
  // No stronger: pidfd_getfd() (kernel/pid.c) installs one new file at a
  // free number of the caller's table (receive_fd()) or none.
  ensures pidfd_getfd_result: \result == -1 ||
    iosafe_fd_acquired{Pre, Post}(\result);
  // pidfd_getfd(2): "The close-on-exec flag (FD_CLOEXEC; see fcntl(2)) is
  // set on the file descriptor returned by pidfd_getfd()."
  // No stronger: receive_fd(file, NULL, O_CLOEXEC) in pidfd_getfd().
  ensures pidfd_getfd_cloexec: \result != -1 ==> iosafe_fd_is_cloexec(\result);
  // pidfd_getfd(2) ERRORS: EBADF, EINVAL, EMFILE, ENFILE, EPERM, ESRCH;
  // the LSM hook security_file_receive() and seccomp can add any errno.
  // No stronger: errno set, no list; nothing installed on failure.
  ensures pidfd_getfd_failed: \result == -1 ==>
    iosafe_fd_table_same{Pre, Post} && iosafe_errno_set;
*/
int pidfd_getfd(int pidfd, int targetfd, unsigned int flags);

/*@
  // pidfd_send_signal(2): pidfd is used (a borrow).
  // No stronger: a precondition on iosafe (no use after close).
  requires pidfd_send_signal_open: iosafe_fd_is_open(pidfd);
  // pidfd_send_signal(2): info is NULL or "points to a siginfo_t buffer"
  // that the kernel reads.
  // No stronger: a precondition on iosafe (EFAULT otherwise).
  requires pidfd_send_signal_info: info == \null || \valid_read(info);
  assigns errno;
  // pidfd_send_signal(2) RETURN VALUE: 0, or -1 with errno set.  The
  // descriptor table is not touched.
  // No stronger: the system call returns 0 or a negative error; errno
  // set, no list (EBADF, EINVAL, EPERM, ESRCH, and seccomp's).
  ensures pidfd_send_signal_result: \result == 0 ||
    (\result == -1 && iosafe_errno_set);
*/
int pidfd_send_signal(int pidfd, int sig, siginfo_t *info, unsigned int flags);

/*@
  // waitid(2) P_PIDFD (Linux 5.4): "Wait for the child referred to by the
  // PID file descriptor specified in id": id is used (a borrow).  Only the
  // P_PIDFD form is modelled.
  // No stronger: a precondition on iosafe (no use after close).
  requires waitid_pidfd: idtype == P_PIDFD && iosafe_fd_is_open(id);
  // waitid(2): infop receives the child's state.
  // No stronger: a precondition on iosafe (iosafe never passes NULL).
  requires waitid_info: \valid(infop);
  assigns *infop, errno;
  // waitid(2) RETURN VALUE: "returns 0 on success or if WNOHANG was
  // specified and no child(ren) specified by id has yet changed state; on
  // error, -1 is returned"; reaping a child closes no descriptor.
  // No stronger: kernel_waitid() returns 0 or a negative error; errno set,
  // no list (ECHILD, EINTR, EINVAL, EAGAIN, and seccomp's).
  ensures waitid_result: \result == 0 || (\result == -1 && iosafe_errno_set);
*/
int waitid(idtype_t idtype, id_t id, siginfo_t *infop, int options);

#endif /* IOSAFE_POSIX_PROCESS_H */
