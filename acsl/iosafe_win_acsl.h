/* SPDX-License-Identifier: MIT */
/*
 * iosafe_win_acsl.h: the ghost model of the process's handle table, read by
 * Frama-C only (include/iosafe/win.h includes it under __FRAMAC__).  The
 * same model as the descriptors' (iosafe_acsl.h), for HANDLE values:
 *
 *   IOSAFE_HANDLE_CLOSED   the value is not an open handle of this process:
 *                          using it is a use after close, closing it a
 *                          double close.
 *   IOSAFE_HANDLE_UNOWNED  open, with no iosafe owner (the standard handles,
 *                          handles owned by code outside the model): it may
 *                          be borrowed, never adopted nor closed.
 *   IOSAFE_HANDLE_OWNED    open, with exactly one owner, which must close it
 *                          or hand it on.
 *
 * Values.  The model treats a HANDLE as an opaque number (acsl/
 * iosafe_win32.h declares it an unsigned 64-bit integer for the proofs):
 * iosafe copies and compares handles and never dereferences one, so the
 * proofs need only its value.  NULL (0) is none.  The values the table
 * covers are [1, IOSAFE_HANDLE_BOUND).  INVALID_HANDLE_VALUE (all bits
 * set) is the current-process pseudo-handle (GetCurrentProcess()): it is
 * always valid, never in the table, and closing it does nothing.
 *
 * Assumptions (the same as the descriptors', proofs/README.md): one thread
 * touches the handle table; every real handle is below the bound; the
 * model tracks a value's state, not its identity (a stale copy of a value
 * reused by a later acquisition is not told apart).
 */
#ifndef IOSAFE_WIN_ACSL_H
#define IOSAFE_WIN_ACSL_H

/*
 * IOSAFE_HANDLE_BOUND: 2^26.  A process's handle table holds at most
 * 16,777,216 (2^24) handles (M. Russinovich, "Pushing the Limits of
 * Windows: Handles") and handle values are multiples of 4, so every real
 * handle value is below 2^26.  An assumption of the trusted contracts, as
 * IOSAFE_FD_BOUND is for descriptors.
 */
#define IOSAFE_HANDLE_BOUND 67108864

#define IOSAFE_HANDLE_CLOSED  0
#define IOSAFE_HANDLE_UNOWNED 1
#define IOSAFE_HANDLE_OWNED   2

/* The value of INVALID_HANDLE_VALUE and GetCurrentProcess(), (HANDLE)-1. */
#define IOSAFE_HANDLE_PSEUDO 18446744073709551615ULL

/*@ ghost extern int iosafe_handle_state[IOSAFE_HANDLE_BOUND]; */
/* HANDLE_FLAG_INHERIT of each open value: not 0 when set. */
/*@ ghost extern int iosafe_handle_inherit[IOSAFE_HANDLE_BOUND]; */

/*@
  predicate iosafe_handle_in_range(integer h) = 0 < h < IOSAFE_HANDLE_BOUND;

  predicate iosafe_handle_is_pseudo(integer h) = h == IOSAFE_HANDLE_PSEUDO;

  predicate iosafe_handle_is_open{L}(integer h) =
    iosafe_handle_in_range(h) &&
    \at(iosafe_handle_state[h], L) != IOSAFE_HANDLE_CLOSED;

  predicate iosafe_handle_is_owned{L}(integer h) =
    iosafe_handle_in_range(h) &&
    \at(iosafe_handle_state[h], L) == IOSAFE_HANDLE_OWNED;

  predicate iosafe_handle_is_closed{L}(integer h) =
    iosafe_handle_in_range(h) &&
    \at(iosafe_handle_state[h], L) == IOSAFE_HANDLE_CLOSED;

  // The invariant of an owner: none, the pseudo-handle, or an owned handle.
  predicate iosafe_handle_owner_ok{L}(integer h) =
    h == 0 || iosafe_handle_is_pseudo(h) || iosafe_handle_is_owned{L}(h);

  // The invariant of a borrow: none, the pseudo-handle, or an open handle.
  predicate iosafe_handle_borrow_ok{L}(integer h) =
    h == 0 || iosafe_handle_is_pseudo(h) || iosafe_handle_is_open{L}(h);

  predicate iosafe_handle_is_inheritable{L}(integer h) =
    \at(iosafe_handle_inherit[h], L) != 0;

  predicate iosafe_handle_table_same{L1, L2} =
    \forall integer d; iosafe_handle_in_range(d) ==>
      \at(iosafe_handle_state[d], L1) == \at(iosafe_handle_state[d], L2);

  predicate iosafe_handle_table_same_except{L1, L2}(integer k) =
    \forall integer d; iosafe_handle_in_range(d) && d != k ==>
      \at(iosafe_handle_state[d], L1) == \at(iosafe_handle_state[d], L2);

  // h was closed at L1, owned at L2, nothing else changed.
  predicate iosafe_handle_acquired{L1, L2}(integer h) =
    iosafe_handle_is_closed{L1}(h) && iosafe_handle_is_owned{L2}(h) &&
    iosafe_handle_table_same_except{L1, L2}(h);

  // a and b were closed at L1 and are owned at L2, nothing else changed.
  predicate iosafe_handle_acquired2{L1, L2}(integer a, integer b) =
    a != b &&
    iosafe_handle_is_closed{L1}(a) && iosafe_handle_is_owned{L2}(a) &&
    iosafe_handle_is_closed{L1}(b) && iosafe_handle_is_owned{L2}(b) &&
    \forall integer d; iosafe_handle_in_range(d) && d != a && d != b ==>
      \at(iosafe_handle_state[d], L1) == \at(iosafe_handle_state[d], L2);

  // h was owned at L1, closed at L2, nothing else changed.
  predicate iosafe_handle_released{L1, L2}(integer h) =
    iosafe_handle_is_owned{L1}(h) && iosafe_handle_is_closed{L2}(h) &&
    iosafe_handle_table_same_except{L1, L2}(h);
*/

/* The whole ghost table, for a client's assigns clause. */
#define IOSAFE_HANDLE_TABLE \
	iosafe_handle_state[0 .. IOSAFE_HANDLE_BOUND - 1], \
	iosafe_handle_inherit[0 .. IOSAFE_HANDLE_BOUND - 1]

#endif /* IOSAFE_WIN_ACSL_H */
