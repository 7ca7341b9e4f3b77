/* SPDX-License-Identifier: MIT */
/*
 * iosafe/fdops.h: operations on descriptors themselves: duplicate, put on
 * or take from stdio, close-on-exec and status flags, move above stdio,
 * close ranges, compare, name and reopen.
 *
 * The model is rustix::io (dup, dup2, fcntl_getfd, fcntl_setfd,
 * fcntl_getfl, fcntl_setfl, close_range), rustix::stdio (dup2_stdin,
 * take_stdin), os_pipe (dup_stdin) and systemd's fd-util (fd_cloexec,
 * fd_nonblock, fd_move_above_stdio, close_all_fds, same_fd, fd_reopen).
 *
 * Conventions, as in io.h: acquisitions take the out-parameter FIRST and
 * return 0 or a negative errno, with *out none on every failure; every new
 * descriptor is close-on-exec (a caller that wants one inherited clears the
 * flag on purpose with iosafe_fd_set_cloexec).  A none borrow gives -EBADF
 * without a system call; a NULL pointer the doc calls required gives
 * -EINVAL.  The errno values listed are the common ones, not a closed list:
 * every negative result is an error.  iosafe_fd_try_clone (fd.h) is the one
 * acquisition with its out-parameter last; iosafe_dup is the same call
 * with it first.
 *
 * Linux only (dup3, close_range, kcmp, /proc/self/fd): on other systems
 * this header declares nothing.
 *
 * Length: about 900 lines, because each of its 23 functions carries its doc
 * comment and its full ACSL contract (behaviors for every failure) above
 * the declaration; the family is one header as rustix::io is one module.
 */
#ifndef IOSAFE_FDOPS_H
#define IOSAFE_FDOPS_H

#include <errno.h>
#include <fcntl.h> /* O_CLOEXEC, for the inline body of iosafe_dup_onto */
#include <stdbool.h>
#include <stddef.h>
#include <unistd.h> /* dup3 (GNU), for the same */

#include "fd.h"
#include "inline.h"

#if defined(__linux__) || defined(__FRAMAC__)

#ifdef __cplusplus
extern "C" {
#endif

/**
 * The values of close_range(2)'s flags on Linux (linux/close_range.h;
 * glibc's <unistd.h> defines CLOSE_RANGE_* since 2.34), checked in
 * src/fdops.c.  Pass either spelling to iosafe_close_range.
 */
#define IOSAFE_CLOSE_RANGE_UNSHARE 2
#define IOSAFE_CLOSE_RANGE_CLOEXEC 4

/*@
  // d is one of the numbers of keep[0 .. n - 1].
  predicate iosafe_fd_kept{L}(iosafe_borrowed_fd *keep, integer n, integer d) =
    \exists integer j; 0 <= j < n && \at(keep[j].raw, L) == d;
*/

/**
 * iosafe_dup_min: duplicate a descriptor onto the lowest free number at or
 * above @min, close-on-exec.
 * @out: (not NULL) receives the new descriptor, owned by the caller; none on
 *   failure.  Whatever *@out held before is overwritten, not closed.
 * @fd: a borrow, used during the call only.
 * @min: the lowest number the new descriptor may have, 0 or more.
 * Returns: 0, or a negative errno: -EBADF (@fd none or not open), -EINVAL
 *   (@out NULL; @min negative or not below RLIMIT_NOFILE), -EMFILE (no free
 *   number at or above @min), ...
 * Follows: fcntl(2) F_DUPFD_CLOEXEC; rustix::io::fcntl_dupfd_cloexec.
 */
/*@
  requires borrow_ok: iosafe_fd_borrow_ok(fd.raw);
  requires separated: \separated(out, &errno);
  assigns out->raw, errno, iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
    iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1];
  behavior null_out:
    assumes out == \null;
    assigns \nothing;
    ensures result_einval: \result == -EINVAL;
    ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior none:
    assumes out != \null && fd.raw < 0;
    requires valid_out: \valid(out);
    assigns out->raw;
    ensures out_none: out->raw == IOSAFE_RAW_NONE;
    ensures result_ebadf: \result == -EBADF;
    ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior bad_min:
    assumes out != \null && fd.raw >= 0 && (min < 0 || min >= IOSAFE_FD_BOUND);
    requires valid_out: \valid(out);
    assigns out->raw;
    ensures out_none: out->raw == IOSAFE_RAW_NONE;
    ensures result_einval: \result == -EINVAL;
    ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior dup:
    assumes out != \null && fd.raw >= 0 && 0 <= min < IOSAFE_FD_BOUND;
    requires valid_out: \valid(out);
    assigns out->raw, errno, iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
      iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1];
    ensures acquired: \result == 0 ==>
      out->raw >= min && iosafe_fd_acquired{Pre, Post}(out->raw) &&
      iosafe_fd_is_cloexec(out->raw);
    ensures failed: \result != 0 ==>
      iosafe_neg_errno(\result) && out->raw == IOSAFE_RAW_NONE &&
      iosafe_fd_table_same{Pre, Post};
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_dup_min(iosafe_owned_fd *out IOSAFE_ACQUIRES, iosafe_borrowed_fd fd IOSAFE_USES,
		   int min);

/**
 * iosafe_dup: duplicate a descriptor, close-on-exec, numbered 3 or above (so
 * that it never lands on stdin, stdout or stderr).
 * @out: (not NULL) receives the new descriptor, owned by the caller; none on
 *   failure.
 * @fd: a borrow, used during the call only.
 * Returns: 0, or a negative errno: -EBADF (@fd none or not open), -EINVAL
 *   (@out NULL), -EMFILE (no free number), ...
 * Follows: fcntl(2) F_DUPFD_CLOEXEC; Rust's BorrowedFd::try_clone_to_owned
 *   (iosafe_fd_try_clone, with @out first); rustix::io::dup.
 */
/*@
  requires borrow_ok: iosafe_fd_borrow_ok(fd.raw);
  requires separated: \separated(out, &errno);
  assigns out->raw, errno, iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
    iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1];
  behavior null_out:
    assumes out == \null;
    ensures result_einval: \result == -EINVAL;
    ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior none:
    assumes out != \null && fd.raw < 0;
    requires valid_out: \valid(out);
    ensures out_none: out->raw == IOSAFE_RAW_NONE;
    ensures result_ebadf: \result == -EBADF;
    ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior dup:
    assumes out != \null && fd.raw >= 0;
    requires valid_out: \valid(out);
    assigns out->raw, errno, iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
      iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1];
    ensures acquired: \result == 0 ==>
      out->raw >= 3 && iosafe_fd_acquired{Pre, Post}(out->raw) &&
      iosafe_fd_is_cloexec(out->raw);
    ensures failed: \result != 0 ==>
      iosafe_neg_errno(\result) && out->raw == IOSAFE_RAW_NONE &&
      iosafe_fd_table_same{Pre, Post};
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_dup(iosafe_owned_fd *out IOSAFE_ACQUIRES, iosafe_borrowed_fd fd IOSAFE_USES);

/**
 * iosafe_dup_onto: make the descriptor *@target holds refer to what @src
 * refers to, close-on-exec; *@target keeps its number and its owner.
 * @src: a borrow, used during the call only.
 * @target: (not NULL) an owned fd, used: it stays owned by its owner with
 *   the same number; what that number referred to before is closed
 *   (atomically, errors of that close lost, as dup2(2) says).
 * Returns: 0, or a negative errno: -EBADF (@src none or not open, *@target
 *   none), -EINVAL (@target NULL; @src is the number *@target holds),
 *   -EBUSY, -EINTR, ...  On failure *@target still refers to what it did.
 * Follows: dup3(2) with O_CLOEXEC; rustix::io::dup2(fd, &mut OwnedFd).
 */
/*@
  requires src_borrow_ok: iosafe_fd_borrow_ok(src.raw);
  requires valid_target: target == \null || \valid_read(target);
  requires target_owner_ok: target != \null ==> iosafe_fd_owner_ok(target->raw);
  requires separated: \separated(target, &errno);
  assigns errno, iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
    iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1];
  behavior null_target:
    assumes target == \null;
    assigns \nothing;
    ensures result_einval: \result == -EINVAL;
    ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior none:
    assumes target != \null && (target->raw < 0 || src.raw < 0);
    assigns \nothing;
    ensures result_ebadf: \result == -EBADF;
    ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior same:
    assumes target != \null && target->raw >= 0 && src.raw == target->raw;
    assigns \nothing;
    ensures result_einval: \result == -EINVAL;
    ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior dup:
    assumes target != \null && target->raw >= 0 && src.raw >= 0 &&
      src.raw != target->raw;
    assigns errno, iosafe_fd_state[target->raw], iosafe_fd_cloexec[target->raw];
    ensures result: \result == 0 || iosafe_neg_errno(\result);
    ensures table_same: iosafe_fd_table_same{Pre, Post};
    ensures cloexec: \result == 0 ==> iosafe_fd_is_cloexec(target->raw);
    ensures cloexec_same: \result != 0 ==> iosafe_fd_cloexec_same{Pre, Post};
    ensures others: iosafe_fd_cloexec_same_except{Pre, Post}(target->raw);
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_dup_onto(iosafe_borrowed_fd src IOSAFE_USES, iosafe_owned_fd *target IOSAFE_USES);

/* The body is here (include/iosafe/inline.h): one dup3(2) call with its
 * checks, which inlined costs what the bare call costs (`make bench`). */
#if IOSAFE_INLINE_BODIES && IOSAFE_INLINE_GNU && defined(O_CLOEXEC)
IOSAFE_INLINE int iosafe_dup_onto(iosafe_borrowed_fd src, iosafe_owned_fd *target)
{
	if (target == NULL)
		return -EINVAL;
	if (target->raw < 0 || src.raw < 0)
		return -EBADF;
	if (src.raw == target->raw)
		return -EINVAL; /* dup3(2) EINVAL, without the call */
	if (dup3(src.raw, target->raw, O_CLOEXEC) < 0)
		return -errno;
	return 0;
}
#endif

/*
 * The contract of iosafe_dup2_stdin, iosafe_dup2_stdout and
 * iosafe_dup2_stderr, for standard descriptor N.
 */
/*@
  predicate iosafe_dup2_std_ok{L1, L2}(integer n) =
    iosafe_fd_is_open{L2}(n) && !iosafe_fd_is_cloexec{L2}(n) &&
    (\at(iosafe_fd_state[n], L1) != IOSAFE_FD_CLOSED ==>
       \at(iosafe_fd_state[n], L2) == \at(iosafe_fd_state[n], L1)) &&
    (\at(iosafe_fd_state[n], L1) == IOSAFE_FD_CLOSED ==>
       \at(iosafe_fd_state[n], L2) == IOSAFE_FD_UNOWNED) &&
    iosafe_fd_table_same_except{L1, L2}(n) &&
    iosafe_fd_cloexec_same_except{L1, L2}(n);
*/

/**
 * iosafe_dup2_stdin: make standard input (descriptor 0) refer to what @fd
 * refers to; iosafe_dup2_stdout (1) and iosafe_dup2_stderr (2) likewise.
 * @fd: a borrow, used during the call only; the caller still owns it and
 *   closes it as usual (0 refers to the same file afterwards: the dropbear
 *   pattern dup2(fd, 0); close(fd)).
 * Descriptor 0 (1, 2) is not close-on-exec afterwards, so that a program
 *   run by execve(2) reads it as its standard input: this is the one place
 *   where iosafe leaves the flag clear, since stdio exists to be inherited.
 *   When @fd already is 0 (1, 2), nothing changes, flag included (dup2(2)).
 *   What 0 referred to before is closed (atomically; its close errors are
 *   lost, dup2(2)).  0 has no iosafe owner unless it had one before.
 * Returns: 0, or a negative errno: -EBADF (@fd none or not open), -EBUSY,
 *   -EINTR, ...; on failure 0 still refers to what it did.
 * Follows: dup2(2), dup3(2); rustix::stdio::dup2_stdin.
 */
/*@
  requires borrow_ok: iosafe_fd_borrow_ok(fd.raw);
  assigns errno, iosafe_fd_state[0], iosafe_fd_cloexec[0];
  behavior none:
    assumes fd.raw < 0;
    ensures result_ebadf: \result == -EBADF;
    ensures table_same: iosafe_fd_table_same{Pre, Post};
    ensures cloexec_same: iosafe_fd_cloexec_same{Pre, Post};
  behavior same:
    assumes fd.raw == 0;
    ensures result_zero: \result == 0;
    ensures table_same: iosafe_fd_table_same{Pre, Post};
    ensures cloexec_same: iosafe_fd_cloexec_same{Pre, Post};
  behavior dup:
    assumes fd.raw > 0;
    ensures result: \result == 0 || iosafe_neg_errno(\result);
    ensures ok: \result == 0 ==> iosafe_dup2_std_ok{Pre, Post}(0);
    ensures failed: \result != 0 ==>
      iosafe_fd_table_same{Pre, Post} && iosafe_fd_cloexec_same{Pre, Post};
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_dup2_stdin(iosafe_borrowed_fd fd IOSAFE_USES);

/** iosafe_dup2_stdout: as iosafe_dup2_stdin, for descriptor 1.  Follows: rustix::stdio::dup2_stdout. */
/*@
  requires borrow_ok: iosafe_fd_borrow_ok(fd.raw);
  assigns errno, iosafe_fd_state[1], iosafe_fd_cloexec[1];
  behavior none:
    assumes fd.raw < 0;
    ensures result_ebadf: \result == -EBADF;
    ensures table_same: iosafe_fd_table_same{Pre, Post};
    ensures cloexec_same: iosafe_fd_cloexec_same{Pre, Post};
  behavior same:
    assumes fd.raw == 1;
    ensures result_zero: \result == 0;
    ensures table_same: iosafe_fd_table_same{Pre, Post};
    ensures cloexec_same: iosafe_fd_cloexec_same{Pre, Post};
  behavior dup:
    assumes fd.raw >= 0 && fd.raw != 1;
    ensures result: \result == 0 || iosafe_neg_errno(\result);
    ensures ok: \result == 0 ==> iosafe_dup2_std_ok{Pre, Post}(1);
    ensures failed: \result != 0 ==>
      iosafe_fd_table_same{Pre, Post} && iosafe_fd_cloexec_same{Pre, Post};
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_dup2_stdout(iosafe_borrowed_fd fd IOSAFE_USES);

/** iosafe_dup2_stderr: as iosafe_dup2_stdin, for descriptor 2.  Follows: rustix::stdio::dup2_stderr. */
/*@
  requires borrow_ok: iosafe_fd_borrow_ok(fd.raw);
  assigns errno, iosafe_fd_state[2], iosafe_fd_cloexec[2];
  behavior none:
    assumes fd.raw < 0;
    ensures result_ebadf: \result == -EBADF;
    ensures table_same: iosafe_fd_table_same{Pre, Post};
    ensures cloexec_same: iosafe_fd_cloexec_same{Pre, Post};
  behavior same:
    assumes fd.raw == 2;
    ensures result_zero: \result == 0;
    ensures table_same: iosafe_fd_table_same{Pre, Post};
    ensures cloexec_same: iosafe_fd_cloexec_same{Pre, Post};
  behavior dup:
    assumes fd.raw >= 0 && fd.raw != 2;
    ensures result: \result == 0 || iosafe_neg_errno(\result);
    ensures ok: \result == 0 ==> iosafe_dup2_std_ok{Pre, Post}(2);
    ensures failed: \result != 0 ==>
      iosafe_fd_table_same{Pre, Post} && iosafe_fd_cloexec_same{Pre, Post};
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_dup2_stderr(iosafe_borrowed_fd fd IOSAFE_USES);

/**
 * iosafe_dup_stdin: a new owned descriptor referring to what standard input
 * (0) refers to, close-on-exec, numbered 3 or above; iosafe_dup_stdout (1)
 * and iosafe_dup_stderr (2) likewise.  0 itself is unchanged.
 * @out: (not NULL) receives it, owned by the caller; none on failure.
 * Returns: 0, or a negative errno: -EBADF (0 is not open), -EINVAL (@out
 *   NULL), -EMFILE, ...
 * Follows: fcntl(2) F_DUPFD_CLOEXEC; os_pipe::dup_stdin.
 */
/*@
  requires stdin_open: iosafe_fd_is_open(0);
  requires separated: \separated(out, &errno);
  assigns out->raw, errno, iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
    iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1];
  behavior null_out:
    assumes out == \null;
    ensures result_einval: \result == -EINVAL;
    ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior dup:
    assumes out != \null;
    requires valid_out: \valid(out);
    ensures acquired: \result == 0 ==>
      out->raw >= 3 && iosafe_fd_acquired{Pre, Post}(out->raw) &&
      iosafe_fd_is_cloexec(out->raw);
    ensures failed: \result != 0 ==>
      iosafe_neg_errno(\result) && out->raw == IOSAFE_RAW_NONE &&
      iosafe_fd_table_same{Pre, Post};
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_dup_stdin(iosafe_owned_fd *out IOSAFE_ACQUIRES);

/** iosafe_dup_stdout: as iosafe_dup_stdin, for descriptor 1.  Follows: os_pipe::dup_stdout. */
/*@
  requires stdout_open: iosafe_fd_is_open(1);
  requires separated: \separated(out, &errno);
  assigns out->raw, errno, iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
    iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1];
  behavior null_out:
    assumes out == \null;
    ensures result_einval: \result == -EINVAL;
    ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior dup:
    assumes out != \null;
    requires valid_out: \valid(out);
    ensures acquired: \result == 0 ==>
      out->raw >= 3 && iosafe_fd_acquired{Pre, Post}(out->raw) &&
      iosafe_fd_is_cloexec(out->raw);
    ensures failed: \result != 0 ==>
      iosafe_neg_errno(\result) && out->raw == IOSAFE_RAW_NONE &&
      iosafe_fd_table_same{Pre, Post};
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_dup_stdout(iosafe_owned_fd *out IOSAFE_ACQUIRES);

/** iosafe_dup_stderr: as iosafe_dup_stdin, for descriptor 2.  Follows: os_pipe::dup_stderr. */
/*@
  requires stderr_open: iosafe_fd_is_open(2);
  requires separated: \separated(out, &errno);
  assigns out->raw, errno, iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
    iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1];
  behavior null_out:
    assumes out == \null;
    ensures result_einval: \result == -EINVAL;
    ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior dup:
    assumes out != \null;
    requires valid_out: \valid(out);
    ensures acquired: \result == 0 ==>
      out->raw >= 3 && iosafe_fd_acquired{Pre, Post}(out->raw) &&
      iosafe_fd_is_cloexec(out->raw);
    ensures failed: \result != 0 ==>
      iosafe_neg_errno(\result) && out->raw == IOSAFE_RAW_NONE &&
      iosafe_fd_table_same{Pre, Post};
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_dup_stderr(iosafe_owned_fd *out IOSAFE_ACQUIRES);

/**
 * iosafe_take_stdin: take ownership of descriptor 0 itself, taking it away
 * from stdio; iosafe_take_stdout (1) and iosafe_take_stderr (2) likewise.
 * @out: (not NULL) receives 0, owned by the caller from now on; none on
 *   failure.  Closing it closes standard input: stdio's stdin (and any
 *   other code that reads 0) then has nothing, and the next open(2) may be
 *   given number 0.  Use iosafe_dup_stdin for a copy that leaves 0 alone.
 *   The descriptor keeps its flags (0..2 are normally not close-on-exec).
 * Nothing else may own 0 already: the caller takes it from stdio, which
 *   does not own it in iosafe's sense (the ACSL contract says so).
 * Returns: 0, or a negative errno: -EBADF (0 is not open), -EINVAL (@out
 *   NULL), ...
 * Follows: rustix::stdio::take_stdin (an unsafe fn there: the caller
 *   promises that nothing else uses 0).
 */
/*@
  requires not_owned: iosafe_fd_state[0] == IOSAFE_FD_UNOWNED ||
    iosafe_fd_state[0] == IOSAFE_FD_CLOSED;
  requires separated: \separated(out, &errno);
  assigns out->raw, errno, iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
    iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1];
  ensures cloexec_same: iosafe_fd_cloexec_same{Pre, Post};
  behavior null_out:
    assumes out == \null;
    ensures result_einval: \result == -EINVAL;
    ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior take:
    assumes out != \null;
    requires valid_out: \valid(out);
    ensures taken: \result == 0 ==>
      out->raw == 0 && \old(iosafe_fd_state[0]) == IOSAFE_FD_UNOWNED &&
      iosafe_fd_is_owned(0) && iosafe_fd_table_same_except{Pre, Post}(0);
    ensures failed: \result != 0 ==>
      iosafe_neg_errno(\result) && out->raw == IOSAFE_RAW_NONE &&
      iosafe_fd_table_same{Pre, Post};
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_take_stdin(iosafe_owned_fd *out IOSAFE_ACQUIRES);

/** iosafe_take_stdout: as iosafe_take_stdin, for descriptor 1.  Follows: rustix::stdio::take_stdout. */
/*@
  requires not_owned: iosafe_fd_state[1] == IOSAFE_FD_UNOWNED ||
    iosafe_fd_state[1] == IOSAFE_FD_CLOSED;
  requires separated: \separated(out, &errno);
  assigns out->raw, errno, iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
    iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1];
  ensures cloexec_same: iosafe_fd_cloexec_same{Pre, Post};
  behavior null_out:
    assumes out == \null;
    ensures result_einval: \result == -EINVAL;
    ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior take:
    assumes out != \null;
    requires valid_out: \valid(out);
    ensures taken: \result == 0 ==>
      out->raw == 1 && \old(iosafe_fd_state[1]) == IOSAFE_FD_UNOWNED &&
      iosafe_fd_is_owned(1) && iosafe_fd_table_same_except{Pre, Post}(1);
    ensures failed: \result != 0 ==>
      iosafe_neg_errno(\result) && out->raw == IOSAFE_RAW_NONE &&
      iosafe_fd_table_same{Pre, Post};
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_take_stdout(iosafe_owned_fd *out IOSAFE_ACQUIRES);

/** iosafe_take_stderr: as iosafe_take_stdin, for descriptor 2.  Follows: rustix::stdio::take_stderr. */
/*@
  requires not_owned: iosafe_fd_state[2] == IOSAFE_FD_UNOWNED ||
    iosafe_fd_state[2] == IOSAFE_FD_CLOSED;
  requires separated: \separated(out, &errno);
  assigns out->raw, errno, iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
    iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1];
  ensures cloexec_same: iosafe_fd_cloexec_same{Pre, Post};
  behavior null_out:
    assumes out == \null;
    ensures result_einval: \result == -EINVAL;
    ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior take:
    assumes out != \null;
    requires valid_out: \valid(out);
    ensures taken: \result == 0 ==>
      out->raw == 2 && \old(iosafe_fd_state[2]) == IOSAFE_FD_UNOWNED &&
      iosafe_fd_is_owned(2) && iosafe_fd_table_same_except{Pre, Post}(2);
    ensures failed: \result != 0 ==>
      iosafe_neg_errno(\result) && out->raw == IOSAFE_RAW_NONE &&
      iosafe_fd_table_same{Pre, Post};
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_take_stderr(iosafe_owned_fd *out IOSAFE_ACQUIRES);

/**
 * iosafe_fd_get_cloexec: whether a descriptor is close-on-exec.
 * @fd: a borrow, used during the call only.
 * @out: (not NULL) receives true when FD_CLOEXEC is set; false on failure.
 * Returns: 0, or a negative errno: -EBADF (@fd none or not open), -EINVAL
 *   (@out NULL), ...
 * Follows: fcntl(2) F_GETFD; rustix::io::fcntl_getfd.
 */
/*@
  requires borrow_ok: iosafe_fd_borrow_ok(fd.raw);
  requires separated: \separated(out, &errno);
  assigns *out, errno, iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
    iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1];
  ensures table_same: iosafe_fd_table_same{Pre, Post};
  ensures cloexec_same: iosafe_fd_cloexec_same{Pre, Post};
  behavior null_out:
    assumes out == \null;
    assigns \nothing;
    ensures result_einval: \result == -EINVAL;
  behavior none:
    assumes out != \null && fd.raw < 0;
    requires valid_out: \valid(out);
    assigns *out;
    ensures out_false: *out == 0;
    ensures result_ebadf: \result == -EBADF;
  behavior call:
    assumes out != \null && fd.raw >= 0;
    requires valid_out: \valid(out);
    ensures got: \result == 0 ==> (*out != 0 <==> iosafe_fd_is_cloexec(fd.raw));
    ensures failed: \result != 0 ==> iosafe_neg_errno(\result) && *out == 0;
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_fd_get_cloexec(iosafe_borrowed_fd fd IOSAFE_USES, bool *out);

/**
 * iosafe_fd_set_cloexec: set or clear a descriptor's close-on-exec flag.
 * @fd: a borrow, used during the call only.
 * @on: true to set FD_CLOEXEC (the default of every iosafe descriptor),
 *   false to clear it so that a program run by execve(2) inherits @fd (on
 *   purpose: clear it in the child after fork(2) where you can).
 * Returns: 0, or a negative errno: -EBADF (@fd none or not open), ...
 * Follows: fcntl(2) F_SETFD (FD_CLOEXEC is the one descriptor flag Linux
 *   has, so no F_GETFD is needed first); rustix::io::fcntl_setfd; systemd's
 *   fd_cloexec.
 */
/*@
  requires borrow_ok: iosafe_fd_borrow_ok(fd.raw);
  assigns errno, iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
    iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1];
  ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior none:
    assumes fd.raw < 0;
    assigns \nothing;
    ensures result_ebadf: \result == -EBADF;
  behavior call:
    assumes fd.raw >= 0;
    ensures result: \result == 0 || iosafe_neg_errno(\result);
    ensures set: \result == 0 ==> (iosafe_fd_is_cloexec(fd.raw) <==> on != 0);
    ensures failed: \result != 0 ==> iosafe_fd_cloexec_same{Pre, Post};
    ensures others: iosafe_fd_cloexec_same_except{Pre, Post}(fd.raw);
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_fd_set_cloexec(iosafe_borrowed_fd fd IOSAFE_USES, bool on);

/**
 * iosafe_fd_get_flags: a descriptor's access mode and file status flags
 * (O_RDONLY/O_WRONLY/O_RDWR, O_APPEND, O_NONBLOCK, ...), which belong to
 * the open file description and so are shared with every duplicate.
 * @fd: a borrow, used during the call only.
 * @out: (not NULL) receives the flags; 0 on failure.
 * Returns: 0, or a negative errno: -EBADF (@fd none or not open), -EINVAL
 *   (@out NULL), ...
 * Follows: fcntl(2) F_GETFL; rustix::io::fcntl_getfl.
 */
/*@
  requires borrow_ok: iosafe_fd_borrow_ok(fd.raw);
  requires separated: \separated(out, &errno);
  assigns *out, errno, iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
    iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1];
  ensures table_same: iosafe_fd_table_same{Pre, Post};
  ensures cloexec_same: iosafe_fd_cloexec_same{Pre, Post};
  behavior null_out:
    assumes out == \null;
    assigns \nothing;
    ensures result_einval: \result == -EINVAL;
  behavior none:
    assumes out != \null && fd.raw < 0;
    requires valid_out: \valid(out);
    assigns *out;
    ensures out_zero: *out == 0;
    ensures result_ebadf: \result == -EBADF;
  behavior call:
    assumes out != \null && fd.raw >= 0;
    requires valid_out: \valid(out);
    ensures result: \result == 0 || iosafe_neg_errno(\result);
    ensures failed: \result != 0 ==> *out == 0;
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_fd_get_flags(iosafe_borrowed_fd fd IOSAFE_USES, int *out);

/**
 * iosafe_fd_set_flags: set a descriptor's file status flags.  Linux changes
 * only O_APPEND, O_ASYNC, O_DIRECT, O_NOATIME and O_NONBLOCK and ignores
 * the access mode and creation flags (fcntl(2) F_SETFL); the change is
 * seen through every duplicate.
 * @fd: a borrow, used during the call only.
 * @flags: the new flags (read them with iosafe_fd_get_flags and change the
 *   bits you mean to).
 * Returns: 0, or a negative errno: -EBADF (@fd none or not open), -EPERM
 *   (O_APPEND cleared on an append-only file, O_NOATIME not owner),
 *   -EINVAL (O_DIRECT not supported), ...
 * Follows: fcntl(2) F_SETFL; rustix::io::fcntl_setfl.
 */
/*@
  requires borrow_ok: iosafe_fd_borrow_ok(fd.raw);
  assigns errno, iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
    iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1];
  ensures table_same: iosafe_fd_table_same{Pre, Post};
  ensures cloexec_same: iosafe_fd_cloexec_same{Pre, Post};
  behavior none:
    assumes fd.raw < 0;
    assigns \nothing;
    ensures result_ebadf: \result == -EBADF;
  behavior call:
    assumes fd.raw >= 0;
    ensures result: \result == 0 || iosafe_neg_errno(\result);
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_fd_set_flags(iosafe_borrowed_fd fd IOSAFE_USES, int flags);

/**
 * iosafe_fd_set_nonblock: set or clear O_NONBLOCK, keeping the other file
 * status flags.  Shared with every duplicate (it is a flag of the open file
 * description), so set it only on descriptors that no other code reads.
 * @fd: a borrow, used during the call only.
 * @on: true for non-blocking reads and writes (-EAGAIN instead of waiting).
 * Returns: 0, or a negative errno: -EBADF (@fd none or not open), ...
 *   Nothing is changed when the flag already has the value asked for.
 * Follows: fcntl(2) F_GETFL + F_SETFL; systemd's fd_nonblock;
 *   rustix::io::ioctl_fionbio's purpose.
 */
/*@
  requires borrow_ok: iosafe_fd_borrow_ok(fd.raw);
  assigns errno, iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
    iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1];
  ensures table_same: iosafe_fd_table_same{Pre, Post};
  ensures cloexec_same: iosafe_fd_cloexec_same{Pre, Post};
  behavior none:
    assumes fd.raw < 0;
    assigns \nothing;
    ensures result_ebadf: \result == -EBADF;
  behavior call:
    assumes fd.raw >= 0;
    ensures result: \result == 0 || iosafe_neg_errno(\result);
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_fd_set_nonblock(iosafe_borrowed_fd fd IOSAFE_USES, bool on);

/**
 * iosafe_fd_move_above_stdio: give an owned descriptor numbered 0, 1 or 2 a
 * number of 3 or above, so that a later close of it cannot close a standard
 * stream and stdio cannot write into it.
 * @fd: (not NULL) an owned fd, used: it stays owned by its owner.  When it
 *   holds 0, 1 or 2, it is duplicated (close-on-exec) to 3 or above, the
 *   old number closed, and *@fd updated to the new number; 3 or above is
 *   left as it is.
 * Returns: 0, or a negative errno: -EBADF (*@fd none), -EINVAL (@fd NULL),
 *   -EMFILE (no free number above 2), ...  On failure *@fd is unchanged and
 *   still owned.
 * Follows: systemd's fd_move_above_stdio (which ignores the failure; here
 *   it is reported).
 */
/*@
  requires valid_fd: fd == \null || \valid(fd);
  requires owner_ok: fd != \null ==> iosafe_fd_owner_ok(fd->raw);
  requires separated: \separated(fd, &errno);
  assigns fd->raw, errno, iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
    iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1];
  behavior null_fd:
    assumes fd == \null;
    assigns \nothing;
    ensures result_einval: \result == -EINVAL;
    ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior none:
    assumes fd != \null && fd->raw < 0;
    assigns \nothing;
    ensures result_ebadf: \result == -EBADF;
    ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior above:
    assumes fd != \null && fd->raw >= 3;
    assigns \nothing;
    ensures result_zero: \result == 0;
    ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior move:
    assumes fd != \null && 0 <= fd->raw < 3;
    ensures moved: \result == 0 ==>
      fd->raw >= 3 && iosafe_fd_is_owned(fd->raw) &&
      iosafe_fd_is_cloexec(fd->raw) &&
      (\let r = fd->raw; \at(iosafe_fd_state[r], Pre) == IOSAFE_FD_CLOSED) &&
      iosafe_fd_is_closed(\old(fd->raw)) &&
      \forall integer d; iosafe_fd_in_range(d) && d != fd->raw &&
        d != \old(fd->raw) ==> iosafe_fd_state[d] == \old(iosafe_fd_state[d]);
    ensures failed: \result != 0 ==>
      iosafe_neg_errno(\result) && fd->raw == \old(fd->raw) &&
      iosafe_fd_table_same{Pre, Post};
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_fd_move_above_stdio(iosafe_owned_fd *fd IOSAFE_USES);

/**
 * iosafe_close_range: close every descriptor numbered @first to @last
 * (included), or with CLOSE_RANGE_CLOEXEC set their close-on-exec flag.
 * Ownership: the call takes every descriptor of the range over and closes
 *   it, whoever held it: an iosafe_owned_fd still holding one of those
 *   numbers is stale afterwards (never close or use it).  Meant for the
 *   descriptors a process inherited, and for a child between fork(2) and
 *   execve(2).
 * @first, @last: the range; @last may be ~0U ("to the end").
 * @flags: 0, IOSAFE_CLOSE_RANGE_CLOEXEC, IOSAFE_CLOSE_RANGE_UNSHARE or both
 *   (CLOSE_RANGE_CLOEXEC, CLOSE_RANGE_UNSHARE).
 * Returns: 0, or a negative errno: -EINVAL (@first > @last, unknown
 *   @flags), -ENOMEM (CLOSE_RANGE_UNSHARE), -ENOSYS (CLOSE_RANGE_UNSHARE
 *   on a kernel without close_range), ...
 * Fallback: on a kernel without close_range(2) (before Linux 5.9: ENOSYS)
 *   every number of the range below 2^20 (IOSAFE_FD_BOUND, Linux's default
 *   fs.nr_open) is probed with fcntl(F_GETFD) and closed or flagged; an
 *   error there stops the walk with the numbers before it already done.
 * Follows: close_range(2); rustix::io::close_range.
 */
/*@
  assigns errno, iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
    iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1];
  behavior bad:
    assumes first > last ||
      (flags != 0 && flags != IOSAFE_CLOSE_RANGE_UNSHARE &&
       flags != IOSAFE_CLOSE_RANGE_CLOEXEC &&
       flags != (IOSAFE_CLOSE_RANGE_UNSHARE | IOSAFE_CLOSE_RANGE_CLOEXEC));
    assigns \nothing;
    ensures result_einval: \result == -EINVAL;
    ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior close:
    assumes first <= last && (flags == 0 || flags == IOSAFE_CLOSE_RANGE_UNSHARE);
    ensures result: \result == 0 || iosafe_neg_errno(\result);
    ensures closed: \result == 0 ==> \forall integer d;
      iosafe_fd_in_range(d) && first <= d <= last ==> iosafe_fd_is_closed(d);
    ensures outside: \forall integer d; iosafe_fd_in_range(d) &&
      !(first <= d <= last) ==>
        iosafe_fd_state[d] == \old(iosafe_fd_state[d]) &&
        iosafe_fd_cloexec[d] == \old(iosafe_fd_cloexec[d]);
  behavior cloexec:
    assumes first <= last && (flags == IOSAFE_CLOSE_RANGE_CLOEXEC ||
      flags == (IOSAFE_CLOSE_RANGE_UNSHARE | IOSAFE_CLOSE_RANGE_CLOEXEC));
    ensures result: \result == 0 || iosafe_neg_errno(\result);
    ensures table_same: iosafe_fd_table_same{Pre, Post};
    ensures flagged: \result == 0 ==> \forall integer d;
      iosafe_fd_is_open(d) && first <= d <= last ==> iosafe_fd_is_cloexec(d);
    ensures outside: \forall integer d; iosafe_fd_in_range(d) &&
      !(first <= d <= last) ==> iosafe_fd_cloexec[d] == \old(iosafe_fd_cloexec[d]);
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_close_range(unsigned int first, unsigned int last, int flags);

/**
 * iosafe_close_all_except: close every open descriptor except those in
 * @keep.
 * Ownership: as iosafe_close_range, for every number not kept: the call
 *   takes them over and closes them (0, 1 and 2 too unless kept).  The kept
 *   descriptors are borrows, untouched.
 * @keep: (not NULL unless @n is 0) @n borrows to keep; none entries and
 *   duplicates are allowed and ignored.
 * @n: the number of entries of @keep.
 * Returns: 0, or a negative errno: -EINVAL (@keep NULL with @n > 0), or
 *   iosafe_close_range's; on an error some descriptors may already be
 *   closed, never a kept one.
 * Follows: systemd's close_all_fds; close_range(2) on each gap between the
 *   kept numbers (its fallback as iosafe_close_range's).
 */
/*@
  requires keep_valid: keep == \null || \valid_read(keep + (0 .. n - 1));
  requires keep_borrow_ok: \forall integer j; 0 <= j < n && keep != \null ==>
    iosafe_fd_borrow_ok(keep[j].raw);
  requires separated: keep != \null ==> \separated(keep + (0 .. n - 1), &errno);
  assigns errno, iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
    iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1];
  behavior null_keep:
    assumes keep == \null && n > 0;
    assigns \nothing;
    ensures result_einval: \result == -EINVAL;
    ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior call:
    assumes keep != \null || n == 0;
    ensures result: \result == 0 || iosafe_neg_errno(\result);
    ensures kept: \forall integer d; iosafe_fd_in_range(d) &&
      iosafe_fd_kept(keep, n, d) ==> iosafe_fd_state[d] == \old(iosafe_fd_state[d]);
    ensures closed: \result == 0 ==> \forall integer d;
      iosafe_fd_in_range(d) && !iosafe_fd_kept(keep, n, d) ==> iosafe_fd_is_closed(d);
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_close_all_except(const iosafe_borrowed_fd *keep IOSAFE_USES, size_t n);

/**
 * iosafe_fd_same: whether two descriptors refer to the same open file
 * description (what dup(2) shares: offset and status flags).
 * @a, @b: borrows, used during the call only.
 * @out: (not NULL) receives the answer; false on failure.
 * Returns: 0, or a negative errno: -EBADF (@a or @b none or not open),
 *   -EINVAL (@out NULL), ...
 * Fallback: where kcmp(2) is refused (ENOSYS without CONFIG_KCMP, EPERM
 *   under container seccomp profiles), the answer is "same inode (fstat(2)
 *   st_dev, st_ino) and same status flags (F_GETFL)", which is true for
 *   every duplicate but also for two separate opens of one file with the
 *   same flags.
 * Follows: kcmp(2) KCMP_FILE; systemd's same_fd.
 */
/*@
  requires borrow_ok: iosafe_fd_borrow_ok(a.raw) && iosafe_fd_borrow_ok(b.raw);
  requires separated: \separated(out, &errno);
  assigns *out, errno, iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
    iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1];
  ensures table_same: iosafe_fd_table_same{Pre, Post};
  ensures cloexec_same: iosafe_fd_cloexec_same{Pre, Post};
  behavior null_out:
    assumes out == \null;
    assigns \nothing;
    ensures result_einval: \result == -EINVAL;
  behavior none:
    assumes out != \null && (a.raw < 0 || b.raw < 0);
    requires valid_out: \valid(out);
    assigns *out;
    ensures out_false: *out == 0;
    ensures result_ebadf: \result == -EBADF;
  behavior call:
    assumes out != \null && a.raw >= 0 && b.raw >= 0;
    requires valid_out: \valid(out);
    ensures result: \result == 0 || iosafe_neg_errno(\result);
    ensures same_number: \result == 0 && a.raw == b.raw ==> *out != 0;
    ensures failed: \result != 0 ==> *out == 0;
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_fd_same(iosafe_borrowed_fd a IOSAFE_USES, iosafe_borrowed_fd b IOSAFE_USES, bool *out);

/**
 * iosafe_fd_get_path: what a descriptor refers to, as the kernel names it
 * in /proc/self/fd: a path for a file or directory (" (deleted)" appended
 * when it was unlinked), "pipe:[INODE]", "socket:[INODE]", "anon_inode:..."
 * for the others.  A path printed here may have been renamed since; do not
 * use it to reopen (iosafe_fd_reopen does that safely).
 * @fd: a borrow, used during the call only.
 * @buf: (not NULL) receives the name, NUL-terminated; the empty string on
 *   failure.
 * @n: the size of @buf in bytes, including the NUL.
 * Returns: 0, or a negative errno: -ERANGE (the name and its NUL do not fit
 *   in @n bytes), -EBADF (@fd none), -EINVAL (@buf NULL), -ENOENT (@fd not
 *   open, or /proc not mounted), ...
 * Follows: readlink(2) of /proc/self/fd/N (proc(5)); systemd's fd_get_path.
 */
/*@
  requires borrow_ok: iosafe_fd_borrow_ok(fd.raw);
  requires separated: buf != \null ==> \separated(buf + (0 .. n - 1), &errno);
  assigns buf[0 .. n - 1], errno;
  behavior null_buf:
    assumes buf == \null;
    assigns \nothing;
    ensures result_einval: \result == -EINVAL;
  behavior empty:
    assumes buf != \null && n == 0;
    assigns \nothing;
    ensures result_erange: \result == -ERANGE;
  behavior none:
    assumes buf != \null && n > 0 && fd.raw < 0;
    requires valid_buf: \valid(buf + (0 .. n - 1));
    assigns buf[0];
    ensures empty_string: buf[0] == 0;
    ensures result_ebadf: \result == -EBADF;
  behavior call:
    assumes buf != \null && n > 0 && fd.raw >= 0;
    requires valid_buf: \valid(buf + (0 .. n - 1));
    ensures result: \result == 0 || iosafe_neg_errno(\result);
    ensures terminated: \result == 0 ==> \exists integer i; 0 <= i < n && buf[i] == 0;
    ensures failed: \result != 0 ==> buf[0] == 0;
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_fd_get_path(iosafe_borrowed_fd fd IOSAFE_USES, char *buf, size_t n);

/**
 * iosafe_fd_reopen: open what a descriptor refers to again, as a new open
 * file description with its own offset and @flags: for example an O_PATH
 * descriptor upgraded to one that reads, or a second, independent reader.
 * @out: (not NULL) receives the new descriptor, owned by the caller; none on
 *   failure.
 * @fd: a borrow, used during the call only.
 * @flags: open(2) flags (O_RDONLY, O_WRONLY, O_RDWR, O_APPEND, O_NONBLOCK,
 *   ...); O_CLOEXEC is always added.  O_CREAT and O_EXCL are meaningless
 *   here; O_NOFOLLOW makes the call fail (the /proc link is a symlink).
 * Returns: 0, or a negative errno: -EBADF (@fd none), -EINVAL (@out NULL),
 *   -ENOENT (@fd not open, or /proc not mounted), -EACCES (the file's
 *   permissions forbid @flags: a reopen cannot gain access), -ENXIO
 *   (sockets cannot be reopened), -EMFILE, ...
 * Follows: open(2) of /proc/self/fd/N (proc(5), open(2) O_PATH); systemd's
 *   fd_reopen.
 */
/*@
  requires borrow_ok: iosafe_fd_borrow_ok(fd.raw);
  requires separated: \separated(out, &errno);
  assigns out->raw, errno, iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
    iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1];
  behavior null_out:
    assumes out == \null;
    assigns \nothing;
    ensures result_einval: \result == -EINVAL;
    ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior none:
    assumes out != \null && fd.raw < 0;
    requires valid_out: \valid(out);
    assigns out->raw;
    ensures out_none: out->raw == IOSAFE_RAW_NONE;
    ensures result_ebadf: \result == -EBADF;
    ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior call:
    assumes out != \null && fd.raw >= 0;
    requires valid_out: \valid(out);
    ensures acquired: \result == 0 ==>
      iosafe_fd_acquired{Pre, Post}(out->raw) && iosafe_fd_is_cloexec(out->raw);
    ensures failed: \result != 0 ==>
      iosafe_neg_errno(\result) && out->raw == IOSAFE_RAW_NONE &&
      iosafe_fd_table_same{Pre, Post};
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_fd_reopen(iosafe_owned_fd *out IOSAFE_ACQUIRES, iosafe_borrowed_fd fd IOSAFE_USES,
		     int flags);

#ifdef __cplusplus
}
#endif

#endif /* __linux__ || __FRAMAC__ */

#endif /* IOSAFE_FDOPS_H */
