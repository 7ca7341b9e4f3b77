/* SPDX-License-Identifier: MIT */
/*
 * iosafe_acsl_net.h: the predicates of the descriptor-table model
 * (iosafe_acsl.h) that the socket family needs, read by Frama-C only.
 * include/iosafe/net.h includes it under __FRAMAC__, and so does
 * acsl/iosafe_posix_net.h (the trusted contracts of the socket calls).
 *
 * Two kinds of change that the core's calls do not make:
 *
 *   - recvmsg(2) with SCM_RIGHTS control data installs any number of new
 *     descriptors at once (unix(7) "SCM_RIGHTS"): every number that
 *     changed went from closed to owned (iosafe_fd_only_acquired);
 *   - getaddrinfo(3) may open descriptors inside the C library (a socket to
 *     a DNS server or to nscd) and keep them: no iosafe owner ever holds
 *     such a number, so the model lets a closed number become unowned
 *     (iosafe_fd_only_unowned_added), never an owned one closed or an
 *     unowned one owned.
 */
#ifndef IOSAFE_ACSL_NET_H
#define IOSAFE_ACSL_NET_H

#include "iosafe_acsl.h"

/*@
  // Every number whose state differs between L1 and L2 was closed at L1
  // and is owned and close-on-exec at L2.
  predicate iosafe_fd_only_acquired{L1, L2} =
    \forall integer d; iosafe_fd_in_range(d) &&
      \at(iosafe_fd_state[d], L1) != \at(iosafe_fd_state[d], L2) ==>
      \at(iosafe_fd_state[d], L1) == IOSAFE_FD_CLOSED &&
      \at(iosafe_fd_state[d], L2) == IOSAFE_FD_OWNED;

  // Every number whose state differs between L1 and L2 is close-on-exec at
  // L2.
  predicate iosafe_fd_new_cloexec{L1, L2} =
    \forall integer d; iosafe_fd_in_range(d) &&
      \at(iosafe_fd_state[d], L1) != \at(iosafe_fd_state[d], L2) ==>
      \at(iosafe_fd_cloexec[d], L2) != 0;

  // Every number whose state differs between L1 and L2 was closed at L1
  // and is unowned (open, kept by code outside the model) at L2.
  predicate iosafe_fd_only_unowned_added{L1, L2} =
    \forall integer d; iosafe_fd_in_range(d) &&
      \at(iosafe_fd_state[d], L1) != \at(iosafe_fd_state[d], L2) ==>
      \at(iosafe_fd_state[d], L1) == IOSAFE_FD_CLOSED &&
      \at(iosafe_fd_state[d], L2) == IOSAFE_FD_UNOWNED;

  // As iosafe_fd_only_unowned_added, except at number k.
  predicate iosafe_fd_only_unowned_added_except{L1, L2}(integer k) =
    \forall integer d; iosafe_fd_in_range(d) && d != k &&
      \at(iosafe_fd_state[d], L1) != \at(iosafe_fd_state[d], L2) ==>
      \at(iosafe_fd_state[d], L1) == IOSAFE_FD_CLOSED &&
      \at(iosafe_fd_state[d], L2) == IOSAFE_FD_UNOWNED;
*/

#endif /* IOSAFE_ACSL_NET_H */
