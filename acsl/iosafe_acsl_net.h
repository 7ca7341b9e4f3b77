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

/*
 * The control data recvmsg(2) returns (cmsg(3), unix(7) "Ancillary
 * messages"), read as the bytes they are: a sequence of messages from
 * offset 0, each a struct cmsghdr (Linux x86_64: cmsg_len, 8 bytes, at 0;
 * cmsg_level at 8; cmsg_type at 12; IOSAFE_CMSG_HDR == CMSG_LEN(0) == 16
 * bytes, checked against the system's layout by prove-shim-net,
 * proofs/shim_types_net.c; the constants by src/net_fds.c) followed by
 * cmsg_len - 16 bytes of data, the next message CMSG_ALIGN(cmsg_len) bytes
 * further on.  A message carrying
 * descriptors (SOL_SOCKET with SCM_RIGHTS, or SCM_PIDFD of SO_PASSPIDFD,
 * socket(7)) holds one int per descriptor.  Little-endian, as x86_64 is;
 * src/net_fds.c reads the bytes the same way.
 */
#define IOSAFE_CMSG_HDR 16
#define IOSAFE_SOL_SOCKET 1
#define IOSAFE_SCM_RIGHTS 1
#define IOSAFE_SCM_PIDFD 4

/*@
  // The value 0 .. 255 of the byte that the char x holds (char is signed
  // on x86_64).
  logic integer iosafe_byte(integer x) = x < 0 ? x + 256 : x;

  // The unsigned value of the 4 (8) little-endian bytes at p.
  logic integer iosafe_le32{L}(char *p) =
    iosafe_byte(\at(p[0], L)) + 256 * iosafe_byte(\at(p[1], L)) +
    65536 * iosafe_byte(\at(p[2], L)) + 16777216 * iosafe_byte(\at(p[3], L));
  logic integer iosafe_le64{L}(char *p) =
    iosafe_le32{L}(p) + 4294967296 * iosafe_le32{L}(p + 4);

  // The cmsg_len of the message at offset o of the control data c.
  logic integer iosafe_cmsg_len{L}(char *c, integer o) =
    iosafe_le64{L}(c + o);

  // A whole message header at o, in the first len bytes, whose cmsg_len
  // covers its header and stays inside them (what src/net_fds.c accepts;
  // CMSG_NXTHDR(3) stops at the first message that is not).
  predicate iosafe_cmsg_wf{L}(char *c, integer len, integer o) =
    0 <= o && o + IOSAFE_CMSG_HDR <= len &&
    IOSAFE_CMSG_HDR <= iosafe_cmsg_len{L}(c, o) <= len - o;

  // The offset of the message after the one at o (CMSG_NXTHDR(3)).
  logic integer iosafe_cmsg_next{L}(char *c, integer o) =
    o + (iosafe_cmsg_len{L}(c, o) + 7) / 8 * 8;

  // The message at o carries descriptors.
  predicate iosafe_cmsg_installs{L}(char *c, integer o) =
    iosafe_le32{L}(c + o + 8) == IOSAFE_SOL_SOCKET &&
    (iosafe_le32{L}(c + o + 12) == IOSAFE_SCM_RIGHTS ||
     iosafe_le32{L}(c + o + 12) == IOSAFE_SCM_PIDFD);

  // p is the offset of one descriptor's int in the message at o.
  predicate iosafe_cmsg_slot{L}(char *c, integer o, integer p) =
    iosafe_cmsg_installs{L}(c, o) && o + IOSAFE_CMSG_HDR <= p &&
    p + 4 <= o + iosafe_cmsg_len{L}(c, o) &&
    (p - o - IOSAFE_CMSG_HDR) % 4 == 0;

  // p is the offset of a descriptor's int in the well-formed messages
  // from offset o on (one step of CMSG_NXTHDR(3) per unfolding).
  predicate iosafe_scm_entry{L}(char *c, integer len, integer o, integer p) =
    iosafe_cmsg_wf{L}(c, len, o) &&
    (iosafe_cmsg_slot{L}(c, o, p) ||
     iosafe_scm_entry{L}(c, len, iosafe_cmsg_next{L}(c, o), p));
*/

/*@
  // s is a readable NUL-terminated string: its bytes up to the first NUL
  // are readable.
  predicate iosafe_string_ok{L}(char *s) =
    \exists integer k; 0 <= k && \valid_read{L}(s + (0 .. k)) && \at(s[k], L) == 0;
*/

#endif /* IOSAFE_ACSL_NET_H */
