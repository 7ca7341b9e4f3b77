/* SPDX-License-Identifier: MIT */
/*
 * iosafe_acsl.h: the ghost model of the process's descriptor table, read by
 * Frama-C only.  include/iosafe/fd.h includes it under __FRAMAC__; a normal
 * compiler never sees it.  `make install` puts it beside fd.h, so that a
 * user's own Frama-C run over code that includes <iosafe/iosafe.h> finds
 * the contracts of iosafe's functions and the model they are written in.
 *
 * The model.  Every descriptor number d in [0, IOSAFE_FD_BOUND) has one
 * ghost state, iosafe_fd_state[d]:
 *
 *   IOSAFE_FD_CLOSED   d is not open in this process (close(2), or never
 *                      opened): using it is a use after close, closing it
 *                      a double close.
 *   IOSAFE_FD_UNOWNED  d is open but has no iosafe owner: stdin, stdout,
 *                      stderr, descriptors inherited across execve(2), or
 *                      owned by code outside the model.  It may be borrowed
 *                      (used), never adopted (iosafe_fd_from_raw) nor
 *                      closed.
 *   IOSAFE_FD_OWNED    d is open and has exactly one owner in the program:
 *                      an iosafe_owned_fd, or a raw int just returned by an
 *                      acquisition (open(2), ...) or by iosafe_fd_into_raw.
 *                      That owner must close it or hand it on.
 *
 * Only the trusted contracts of the POSIX calls (acsl/iosafe_posix*.h)
 * change a state: an acquisition turns a CLOSED number OWNED, close(2)
 * turns an OWNED number CLOSED, dup3(2) onto a CLOSED number makes it
 * UNOWNED.  The one exception is a transfer of ownership that no system
 * call makes, written as a ghost statement in the body that does it:
 * iosafe_take_stdin (and _stdout, _stderr) turns an UNOWNED stdio number
 * OWNED, and iosafe_close_range's fallback walk takes each number of its
 * range over before closing it (src/fdops.c).  Moves (take, into_raw, from_raw, replace) change who
 * holds the number, not its state.  A function that leaves the table as it
 * found it (iosafe_fd_table_same) neither leaks nor closes what it does not
 * own; the faulty clients in proofs/clients/ show that a leak, a double
 * close, a use after close and a use after move each break a proof.
 *
 * Assumptions (stated in proofs/REPORT.md):
 *   - one thread touches the descriptor table, and no fork(2): another
 *     thread's open(2) or a child's copy is outside the model;
 *   - descriptors are below IOSAFE_FD_BOUND (see there);
 *   - Linux close semantics: close(2) releases the number even when it
 *     fails (close(2) NOTES, Austin Group bug 529);
 *   - the model tracks a number's state, not its identity: a stale copy of
 *     a number that was closed and then given to a new open(2) is not told
 *     apart from the new owner (the "ABA" case).  Clients that close and
 *     reopen state the number they expect.
 */
/* errno appears in the contracts (iosafe_fd_drop preserves it).  Included
 * before the guard is set: under the proofs' own libc (acsl/libc/errno.h ->
 * iosafe_posix.h -> this file), the model must be complete before
 * iosafe_posix.h's contracts, which use it, are read. */
#ifndef IOSAFE_ACSL_H
#  include <errno.h>
#endif

#ifndef IOSAFE_ACSL_H
#define IOSAFE_ACSL_H

/*
 * IOSAFE_FD_BOUND: the descriptor numbers the model covers, [0, bound).
 * 1048576 (2^20) is Linux's default fs.nr_open, the ceiling of
 * RLIMIT_NOFILE that setrlimit(2) accepts (proc(5), /proc/sys/fs/nr_open);
 * no descriptor reaches it unless an administrator raises nr_open.  It is
 * an assumption of the trusted contracts (every new descriptor is below it),
 * not a limit iosafe checks at run time.
 */
#define IOSAFE_FD_BOUND 1048576

/* The three ghost states of a descriptor number. */
#define IOSAFE_FD_CLOSED  0
#define IOSAFE_FD_UNOWNED 1
#define IOSAFE_FD_OWNED   2

/* Linux's largest errno value (MAX_ERRNO, include/linux/err.h): a system call
 * fails with -1 and errno in [1, IOSAFE_ERRNO_MAX]. */
#define IOSAFE_ERRNO_MAX 4095

/*@ ghost extern int iosafe_fd_state[IOSAFE_FD_BOUND]; */

/* The close-on-exec flag of each open number (fcntl(2) FD_CLOEXEC): not 0
 * when set.  Meaningful for open numbers only. */
/*@ ghost extern int iosafe_fd_cloexec[IOSAFE_FD_BOUND]; */

/* The whole ghost table, for a client's assigns clause:
 *   assigns errno, IOSAFE_FD_TABLE; */
#define IOSAFE_FD_TABLE \
	iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1], \
	iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1]

/*@
  // raw is a number the model covers.
  predicate iosafe_fd_in_range(integer raw) = 0 <= raw < IOSAFE_FD_BOUND;

  // raw is open (owned or not): it may be used (borrowed).
  predicate iosafe_fd_is_open{L}(integer raw) =
    iosafe_fd_in_range(raw) &&
    \at(iosafe_fd_state[raw], L) != IOSAFE_FD_CLOSED;

  // raw is open and has one owner: it may be adopted, moved and closed by it.
  predicate iosafe_fd_is_owned{L}(integer raw) =
    iosafe_fd_in_range(raw) &&
    \at(iosafe_fd_state[raw], L) == IOSAFE_FD_OWNED;

  predicate iosafe_fd_is_closed{L}(integer raw) =
    iosafe_fd_in_range(raw) &&
    \at(iosafe_fd_state[raw], L) == IOSAFE_FD_CLOSED;

  // The invariant of an owner (iosafe_owned_fd or raw int): none, or an
  // owned descriptor.
  predicate iosafe_fd_owner_ok{L}(integer raw) =
    raw < 0 || iosafe_fd_is_owned{L}(raw);

  // The invariant of a borrow: none, or an open descriptor.
  predicate iosafe_fd_borrow_ok{L}(integer raw) =
    raw < 0 || iosafe_fd_is_open{L}(raw);

  // raw is close-on-exec: it will not leak into a program run by execve(2).
  predicate iosafe_fd_is_cloexec{L}(integer raw) =
    \at(iosafe_fd_cloexec[raw], L) != 0;

  // The table is the same at L1 and L2.
  predicate iosafe_fd_table_same{L1, L2} =
    \forall integer d; iosafe_fd_in_range(d) ==>
      \at(iosafe_fd_state[d], L1) == \at(iosafe_fd_state[d], L2);

  // The table is the same at L1 and L2 except at number k.
  predicate iosafe_fd_table_same_except{L1, L2}(integer k) =
    \forall integer d; iosafe_fd_in_range(d) && d != k ==>
      \at(iosafe_fd_state[d], L1) == \at(iosafe_fd_state[d], L2);

  // raw was closed at L1 and is owned at L2, and nothing else changed: an
  // acquisition of one new descriptor.
  predicate iosafe_fd_acquired{L1, L2}(integer raw) =
    iosafe_fd_is_closed{L1}(raw) && iosafe_fd_is_owned{L2}(raw) &&
    iosafe_fd_table_same_except{L1, L2}(raw);

  // a and b were closed at L1 and are owned at L2, and nothing else changed:
  // an acquisition of two new descriptors (pipe2).
  predicate iosafe_fd_acquired2{L1, L2}(integer a, integer b) =
    a != b &&
    iosafe_fd_is_closed{L1}(a) && iosafe_fd_is_owned{L2}(a) &&
    iosafe_fd_is_closed{L1}(b) && iosafe_fd_is_owned{L2}(b) &&
    \forall integer d; iosafe_fd_in_range(d) && d != a && d != b ==>
      \at(iosafe_fd_state[d], L1) == \at(iosafe_fd_state[d], L2);

  // raw was owned at L1 and is closed at L2, and nothing else changed.
  predicate iosafe_fd_released{L1, L2}(integer raw) =
    iosafe_fd_is_owned{L1}(raw) && iosafe_fd_is_closed{L2}(raw) &&
    iosafe_fd_table_same_except{L1, L2}(raw);

  // errno holds an error number, as after a failed system call.
  predicate iosafe_errno_set = 0 < errno <= IOSAFE_ERRNO_MAX;

  // A negative errno value returned by iosafe.
  predicate iosafe_neg_errno(integer r) = -IOSAFE_ERRNO_MAX <= r < 0;

  // Every close-on-exec flag is the same at L1 and L2.
  predicate iosafe_fd_cloexec_same{L1, L2} =
    \forall integer d; iosafe_fd_in_range(d) ==>
      \at(iosafe_fd_cloexec[d], L1) == \at(iosafe_fd_cloexec[d], L2);

  // Every close-on-exec flag is the same at L1 and L2 except at number k.
  predicate iosafe_fd_cloexec_same_except{L1, L2}(integer k) =
    \forall integer d; iosafe_fd_in_range(d) && d != k ==>
      \at(iosafe_fd_cloexec[d], L1) == \at(iosafe_fd_cloexec[d], L2);
*/

/*
 * iosafe_assume(c): what IOSAFE_ASSUME(c) (include/iosafe/inline.h) is under
 * Frama-C.  The compiler is told c without a test (__builtin_unreachable on
 * the other branch); here c is this call's precondition, so WP proves it at
 * every use from the contracts that precede it.  Nothing is assumed that
 * is not proved; there is no body.
 */
/*@
  requires holds: c != 0;
  assigns \nothing;
*/
void iosafe_assume(int c);

/*
 * What closing a descriptor changes besides the descriptor table, for the
 * assigns clauses of fd.h's close, drop and replace: nothing on POSIX; on
 * Windows (_WIN32, src/win/crt.c) the C runtime's _close also closes the
 * handle the descriptor owns (acsl/iosafe_win_crt.h), which is in the
 * handle table, and may set the thread's last error.
 */
#ifdef _WIN32
#  include "iosafe_win32.h"
#  define IOSAFE_FD_CLOSE_ALSO , iosafe_win32_last_error, IOSAFE_HANDLE_TABLE
#else
#  define IOSAFE_FD_CLOSE_ALSO
#endif

#endif /* IOSAFE_ACSL_H */
