/* SPDX-License-Identifier: MIT */
/*
 * iosafe/process.h: process descriptors (pidfd): open one for a process,
 * take a copy of another process's descriptor, signal it, wait for it.
 *
 * The model is rustix::process (pidfd_open, pidfd_getfd,
 * pidfd_send_signal, waitid(WaitId::PidFd)).  A pidfd refers to one
 * process for its whole life: unlike a pid, its number is never reused for
 * another process while the descriptor is open (pidfd_open(2)), so a
 * supervisor that signals or waits through it cannot hit a recycled pid.
 *
 * Conventions, as in io.h and fdops.h: acquisitions take the out-parameter
 * FIRST and return 0 or a negative errno, with *out none on every failure;
 * every new descriptor is close-on-exec (the kernel sets the flag on every
 * pidfd and on every descriptor pidfd_getfd(2) installs: no flag asks for
 * it and none can clear it at creation).  A none borrow gives -EBADF
 * without a system call; a NULL pointer the doc calls required gives
 * -EINVAL.  The errno values listed are the common ones, not a closed list.
 *
 * Linux only (pidfd_open 5.3, pidfd_getfd 5.6, pidfd_send_signal 5.1,
 * waitid P_PIDFD 5.4; glibc 2.36 for <sys/pidfd.h>): on other systems this
 * header declares nothing.
 */
#ifndef IOSAFE_PROCESS_H
#define IOSAFE_PROCESS_H

#include <sys/types.h> /* pid_t */
#include <sys/wait.h>  /* siginfo_t, WEXITED, WNOHANG, ... */
#if defined(__GLIBC__)
/* sys/wait.h declares siginfo_t only for POSIX/XSI feature levels; strict
 * ISO C modes (-std=c99 without _POSIX_C_SOURCE) still need the type. */
#  include <bits/types/siginfo_t.h>
#endif

#include "fd.h"

#if defined(__linux__) || defined(__FRAMAC__)

#ifdef __cplusplus
extern "C" {
#endif

/**
 * iosafe_pidfd_open: open a descriptor referring to process @pid.
 * @out: (not NULL) receives the new pidfd, owned by the caller, close-on-exec;
 *   none on failure.  Whatever *@out held before is overwritten, not closed.
 * @pid: a process id, more than 0 (a thread-group leader; with PIDFD_THREAD,
 *   Linux 6.9, any thread).
 * @flags: 0, PIDFD_NONBLOCK (<sys/pidfd.h>; iosafe_pidfd_wait then fails
 *   with -EAGAIN while the process runs) or PIDFD_THREAD.
 * Returns: 0, or a negative errno: -EINVAL (@out NULL; @pid 0 or less;
 *   unknown @flags), -ESRCH (no such process), -EMFILE, -ENFILE, -ENOMEM,
 *   -ENOSYS (Linux before 5.3), ...
 * Linux only.  Follows: pidfd_open(2); rustix::process::pidfd_open.
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
  behavior bad_pid:
    assumes out != \null && pid <= 0;
    requires valid_out: \valid(out);
    assigns out->raw;
    ensures out_none: out->raw == IOSAFE_RAW_NONE;
    ensures result_einval: \result == -EINVAL;
    ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior call:
    assumes out != \null && pid > 0;
    requires valid_out: \valid(out);
    assigns out->raw, errno, iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
      iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1];
    ensures acquired: \result == 0 ==>
      iosafe_fd_acquired{Pre, Post}(out->raw) && iosafe_fd_is_cloexec(out->raw);
    ensures failed: \result != 0 ==>
      iosafe_neg_errno(\result) && out->raw == IOSAFE_RAW_NONE &&
      iosafe_fd_table_same{Pre, Post};
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_pidfd_open(iosafe_owned_fd *out IOSAFE_ACQUIRES, pid_t pid, unsigned int flags);

/**
 * iosafe_pidfd_getfd: duplicate descriptor @targetfd of the process @pidfd
 * refers to into this process, close-on-exec.
 * @out: (not NULL) receives the new descriptor, owned by the caller; none on
 *   failure.  It shares the open file description of the other process's
 *   descriptor (as dup(2) would); that descriptor stays the other
 *   process's.
 * @pidfd: a borrow, used during the call only.
 * @targetfd: a descriptor number in the other process (not one of ours:
 *   it is a plain int, never tracked here), 0 or more.
 * @flags: 0 (pidfd_getfd(2) defines none).
 * Returns: 0, or a negative errno: -EBADF (@pidfd none or not open,
 *   @targetfd not open in the other process), -EINVAL (@out NULL,
 *   @targetfd negative, @flags not 0), -EPERM (no PTRACE_MODE_ATTACH_REALCREDS
 *   permission over the process), -ESRCH (the process has exited), -EMFILE,
 *   -ENFILE, -ENOSYS (Linux before 5.6), ...
 * Linux only.  Follows: pidfd_getfd(2); rustix::process::pidfd_getfd.
 */
/*@
  requires borrow_ok: iosafe_fd_borrow_ok(pidfd.raw);
  requires separated: \separated(out, &errno);
  assigns out->raw, errno, iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
    iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1];
  behavior null_out:
    assumes out == \null;
    assigns \nothing;
    ensures result_einval: \result == -EINVAL;
    ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior none:
    assumes out != \null && pidfd.raw < 0;
    requires valid_out: \valid(out);
    assigns out->raw;
    ensures out_none: out->raw == IOSAFE_RAW_NONE;
    ensures result_ebadf: \result == -EBADF;
    ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior bad_target:
    assumes out != \null && pidfd.raw >= 0 && targetfd < 0;
    requires valid_out: \valid(out);
    assigns out->raw;
    ensures out_none: out->raw == IOSAFE_RAW_NONE;
    ensures result_einval: \result == -EINVAL;
    ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior call:
    assumes out != \null && pidfd.raw >= 0 && targetfd >= 0;
    requires valid_out: \valid(out);
    assigns out->raw, errno, iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
      iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1];
    ensures acquired: \result == 0 ==>
      iosafe_fd_acquired{Pre, Post}(out->raw) && iosafe_fd_is_cloexec(out->raw);
    ensures failed: \result != 0 ==>
      iosafe_neg_errno(\result) && out->raw == IOSAFE_RAW_NONE &&
      iosafe_fd_table_same{Pre, Post};
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_pidfd_getfd(iosafe_owned_fd *out IOSAFE_ACQUIRES, iosafe_borrowed_fd pidfd IOSAFE_USES,
		       int targetfd, unsigned int flags);

/**
 * iosafe_pidfd_send_signal: send signal @sig to the process @pidfd refers to.
 * @pidfd: a borrow, used during the call only.
 * @sig: a signal number, or 0 to check only that the process exists and may
 *   be signalled.
 * @info: NULL (as kill(2) would send it), or a siginfo_t the caller filled
 *   as for rt_sigqueueinfo(2) (only for the caller's own process, or with
 *   si_code < 0 other than SI_TKILL); read only.
 * @flags: 0 (or PIDFD_SIGNAL_THREAD and the other Linux 6.9 scopes).
 * Returns: 0, or a negative errno: -EBADF (@pidfd none or not open or not a
 *   pidfd), -EINVAL (@sig not a signal, unknown @flags), -EPERM (no
 *   permission to signal the process), -ESRCH (the process has exited, even
 *   if not reaped yet), -ENOSYS (Linux before 5.1), ...
 * Linux only.  Follows: pidfd_send_signal(2);
 *   rustix::process::pidfd_send_signal.
 */
/*@
  requires borrow_ok: iosafe_fd_borrow_ok(pidfd.raw);
  requires valid_info: info == \null || \valid_read(info);
  assigns errno;
  ensures table_same: iosafe_fd_table_same{Pre, Post};
  ensures cloexec_same: iosafe_fd_cloexec_same{Pre, Post};
  behavior none:
    assumes pidfd.raw < 0;
    assigns \nothing;
    ensures result_ebadf: \result == -EBADF;
  behavior call:
    assumes pidfd.raw >= 0;
    ensures result: \result == 0 || iosafe_neg_errno(\result);
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_pidfd_send_signal(iosafe_borrowed_fd pidfd IOSAFE_USES, int sig, const siginfo_t *info,
			     unsigned int flags);

/**
 * iosafe_pidfd_wait: wait for a change of state of the child process @pidfd
 * refers to (waitid(2) with P_PIDFD).
 * @pidfd: a borrow, used during the call only.  The process must be a child
 *   of the caller (-ECHILD otherwise).  Reaping it (WEXITED without
 *   WNOWAIT) does not close @pidfd: its owner still closes it.
 * @info: (not NULL) receives the state: si_pid, si_signo (SIGCHLD), si_code
 *   (CLD_EXITED, CLD_KILLED, ...), si_status; with WNOHANG and no change yet,
 *   si_pid and si_signo are 0.
 * @options: WEXITED, WSTOPPED or WCONTINUED (at least one), optionally
 *   WNOHANG and WNOWAIT.
 * Returns: 0, or a negative errno: -EBADF (@pidfd none or not open),
 *   -EINVAL (@info NULL, bad @options, @pidfd not a pidfd), -ECHILD (not a
 *   child, or already reaped), -EAGAIN (a PIDFD_NONBLOCK pidfd with WNOHANG
 *   semantics and no change yet), -EINTR (a signal arrived first: not
 *   retried, so that the caller decides), ...
 * Linux only (5.4).  Follows: waitid(2) P_PIDFD;
 *   rustix::process::waitid(WaitId::PidFd(fd), options).
 */
/*@
  requires borrow_ok: iosafe_fd_borrow_ok(pidfd.raw);
  requires valid_info: info == \null || \valid(info);
  requires separated: \separated(info, &errno);
  assigns *info, errno;
  ensures table_same: iosafe_fd_table_same{Pre, Post};
  ensures cloexec_same: iosafe_fd_cloexec_same{Pre, Post};
  behavior none:
    assumes pidfd.raw < 0;
    assigns \nothing;
    ensures result_ebadf: \result == -EBADF;
  behavior null_info:
    assumes pidfd.raw >= 0 && info == \null;
    assigns \nothing;
    ensures result_einval: \result == -EINVAL;
  behavior call:
    assumes pidfd.raw >= 0 && info != \null;
    ensures result: \result == 0 || iosafe_neg_errno(\result);
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_pidfd_wait(iosafe_borrowed_fd pidfd IOSAFE_USES, siginfo_t *info, int options);

#ifdef __cplusplus
}
#endif

#endif /* __linux__ || __FRAMAC__ */

#endif /* IOSAFE_PROCESS_H */
