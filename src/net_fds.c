/* SPDX-License-Identifier: MIT */
/*
 * src/net_fds.c: iosafe_recv_fds (include/iosafe/net.h), proved by WP
 * (proofs/README.md).  Over 600 lines for one public function: most of it
 * is the ACSL of the walk's steps and lemmas, each with its contract and
 * each loop with its invariants, assigns and variant.
 *
 * The control data recvmsg(2) returns is walked as the bytes it is, with
 * explicit bounds-checked offsets instead of cmsg(3)'s pointer macros: WP's
 * typed memory model cannot read the ints the kernel wrote through a
 * struct cmsghdr pointer cast from a byte buffer, but it can read bytes.
 * The walk is the one acsl/iosafe_acsl_net.h defines in logic
 * (iosafe_scm_entry), and the trusted contract of recvmsg(2)
 * (acsl/iosafe_posix_net.h: recvmsg_scm_new, recvmsg_scm_distinct,
 * recvmsg_scm_all) says which descriptors the kernel installed in those
 * terms.  Layout: Linux LP64 little-endian (x86_64, aarch64, riscv64,
 * ppc64le); other targets stop at the assertions below.
 */
#define _GNU_SOURCE /* MSG_CMSG_CLOEXEC */
#include <errno.h>
#include <stddef.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

#include "iosafe/net.h"

/* SCM_PIDFD (Linux 6.5, SO_PASSPIDFD): a control message that also installs
 * a descriptor (asm-generic/socket.h). */
#ifndef SCM_PIDFD
#  define SCM_PIDFD 0x04
#endif

/* The layout the walk reads (and acsl/iosafe_acsl_net.h's logic uses). */
#define IOSAFE_NET_CMSG_HDR 16u   /* CMSG_LEN(0) */
#define IOSAFE_NET_CMSG_LEVEL 8u  /* offsetof(struct cmsghdr, cmsg_level) */
#define IOSAFE_NET_CMSG_TYPE 12u  /* offsetof(struct cmsghdr, cmsg_type) */
_Static_assert(CMSG_LEN(0) == IOSAFE_NET_CMSG_HDR &&
		       offsetof(struct cmsghdr, cmsg_level) == IOSAFE_NET_CMSG_LEVEL &&
		       offsetof(struct cmsghdr, cmsg_type) == IOSAFE_NET_CMSG_TYPE &&
		       sizeof(((struct cmsghdr *)0)->cmsg_len) == 8 && sizeof(int) == 4,
	       "src/net_fds.c reads the LP64 struct cmsghdr layout");
_Static_assert(SOL_SOCKET == 1 && SCM_RIGHTS == 1 && SCM_PIDFD == 4,
	       "acsl/iosafe_acsl_net.h's IOSAFE_SOL_SOCKET, IOSAFE_SCM_RIGHTS, IOSAFE_SCM_PIDFD");
#if !defined(__BYTE_ORDER__) || __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
#  error "src/net_fds.c reads control data as little-endian bytes"
#endif

/* Room for other control messages sent with the descriptors
 * (SCM_CREDENTIALS, SCM_SECURITY, SCM_PIDFD), so that they do not push the
 * descriptors out of the buffer. */
#define IOSAFE_CMSG_EXTRA 128
/* CMSG_SPACE(4 * n) written out (cmsg(3): the header, then the data
 * rounded up to 8 bytes), so that the proof reads arithmetic, not masks. */
#define IOSAFE_NET_SPACE(n) (IOSAFE_NET_CMSG_HDR + (4 * (size_t)(n) + 7) / 8 * 8)
#define IOSAFE_CTL_SIZE (IOSAFE_NET_SPACE(IOSAFE_SCM_MAX_FDS) + IOSAFE_CMSG_EXTRA)
_Static_assert(IOSAFE_NET_SPACE(1) == CMSG_SPACE(sizeof(int)) &&
		       IOSAFE_NET_SPACE(3) == CMSG_SPACE(3 * sizeof(int)) &&
		       IOSAFE_NET_SPACE(IOSAFE_SCM_MAX_FDS) ==
			       CMSG_SPACE(sizeof(int) * IOSAFE_SCM_MAX_FDS),
	       "IOSAFE_NET_SPACE is CMSG_SPACE");

/*
 * The walk, one message at a time.  iosafe_net_take_msg takes the
 * descriptors of one message (its contract names only that message's slots,
 * iosafe_cmsg_slot); iosafe_net_take_fds goes from message to message.  Its
 * loop keeps, for every descriptor of the control data, that it is handled
 * (kept or closed again) or still ahead (in a message from offset o on,
 * owned, not kept), and that whatever was kept or closed came from a slot
 * before o: so a slot of the message at o was not handled yet, by the
 * distinctness of the numbers the kernel installed, with no induction
 * over the messages (iosafe_scm_entry is recursive).
 */

/*@
  // d was received and is accounted for: kept in fds[0 .. got - 1], or
  // closed again.
  predicate iosafe_net_handled{L}(iosafe_owned_fd *fds, integer got, integer d) =
    (\exists integer k; 0 <= k < got && \at(fds[k].raw, L) == d) ||
    \at(iosafe_fd_state[d], L) == IOSAFE_FD_CLOSED;

  // fds[0 .. got - 1] are distinct.
  predicate iosafe_net_distinct{L}(iosafe_owned_fd *fds, integer got) =
    \forall integer k1, k2; 0 <= k1 < k2 < got ==> \at(fds[k1].raw, L) != \at(fds[k2].raw, L);

  // d is not kept in fds[0 .. got - 1].
  predicate iosafe_net_not_kept{L}(iosafe_owned_fd *fds, integer got, integer d) =
    \forall integer k; 0 <= k < got ==> \at(fds[k].raw, L) != d;

  // d is the number of a descriptor slot of the control data before
  // offset o.
  predicate iosafe_net_before{L}(char *c, integer len, integer o, integer d) =
    \exists integer q; iosafe_scm_entry{L}(c, len, 0, q) && q < o &&
      iosafe_le32{L}(c + q) == d;
*/

/*
 * Shifts by a constant, as multiplications.  WP reads `x << k` as the
 * uninterpreted lsl(x, k) of its bit theory, whose axioms give only
 * lsl(x, 1) == 2 * x and lsl(lsl(x, p), q) == lsl(x, p + q); the provers
 * find an instance of the latter only for a nested shift in the goal.  Each
 * iosafe_net_shl* is such a nesting, a logic function so that Qed does not
 * rewrite it away, and each assertion of iosafe_net_shifts ties the shift
 * to it and to the product.  The byte reads below are written with shifts,
 * not products, because GCC merges a sum of zero-extended bytes shifted
 * into place into one load (its bswap pass) and leaves products byte by
 * byte.
 */
/*@
  logic integer iosafe_net_shl4(integer x) = (((x << 1) << 1) << 1) << 1;
  logic integer iosafe_net_shl8(integer x) = (x << 4) << 4;
  logic integer iosafe_net_shl16(integer x) = (x << 8) << 8;
  logic integer iosafe_net_shl24(integer x) = (x << 16) << 8;
  logic integer iosafe_net_shl32(integer x) = (x << 16) << 16;
*/

/*
 * No code: a lemma, proved here and used by iosafe_net_le32 and
 * iosafe_net_le64 (a function, not an ACSL lemma, so that its facts about
 * lsl reach only the goals of the calls that need them).
 */
/*@
  assigns \nothing;
  ensures shl8: \forall integer x; (x << 8) == 256 * x;
  ensures shl16: \forall integer x; (x << 16) == 65536 * x;
  ensures shl24: \forall integer x; (x << 24) == 16777216 * x;
  ensures shl32: \forall integer x; (x << 32) == 4294967296 * x;
*/
static void iosafe_net_shifts(void)
{
	/*@ assert shl4: \forall integer x; (x << 4) == iosafe_net_shl4(x) == 16 * x; */
	/*@ assert shl8: \forall integer x; (x << 8) == iosafe_net_shl8(x) == 256 * x; */
	/*@ assert shl16: \forall integer x; (x << 16) == iosafe_net_shl16(x) == 65536 * x; */
	/*@ assert shl24: \forall integer x;
	      (x << 24) == iosafe_net_shl24(x) == 16777216 * x; */
	/*@ assert shl32: \forall integer x;
	      (x << 32) == iosafe_net_shl32(x) == 4294967296 * x; */
}

/* The byte @b holds, 0 .. 255: b + 256 is 128 .. 383, so that the
 * conversion to unsigned int keeps the value, and the remainder is the
 * byte (iosafe_byte); GCC reads it as a zero extension. */
/*@
  assigns \nothing;
  ensures value: \result == iosafe_byte(b) && \result <= 255;
*/
static unsigned int iosafe_net_byte(char b)
{
	return (unsigned int)(b + 256) % 256u;
}

/* The little-endian 32-bit value at @p: one 32-bit load once compiled. */
/*@
  requires valid: \valid_read(p + (0 .. 3));
  assigns \nothing;
  ensures value: \result == iosafe_le32(p);
*/
static unsigned int iosafe_net_le32(const char *p)
{
	unsigned int b0 = iosafe_net_byte(p[0]), b1 = iosafe_net_byte(p[1]);
	unsigned int b2 = iosafe_net_byte(p[2]), b3 = iosafe_net_byte(p[3]);

	iosafe_net_shifts();
	/*@ assert shift1: (b1 << 8) == 256 * b1; */
	/*@ assert shift2: (b2 << 16) == 65536 * b2; */
	/*@ assert shift3: (b3 << 24) == 16777216 * b3; */
	return b0 + (b1 << 8) + (b2 << 16) + (b3 << 24);
}

/* The little-endian 64-bit value at @p: one 64-bit load once compiled. */
/*@
  requires valid: \valid_read(p + (0 .. 7));
  assigns \nothing;
  ensures value: \result == iosafe_le64(p);
*/
static size_t iosafe_net_le64(const char *p)
{
	size_t lo = iosafe_net_le32(p), hi = iosafe_net_le32(p + 4);

	iosafe_net_shifts();
	/*@ assert shift: (hi << 32) == 4294967296 * hi; */
	return lo + (hi << 32);
}

/* The most ints one message of the control buffer holds. */
#define IOSAFE_NET_MSG_INTS ((IOSAFE_CTL_SIZE - IOSAFE_NET_CMSG_HDR) / 4)


/*
 * Copy the ints of the message at offset @o of @c (cmsg_len @cl) into
 * v[0 .. count - 1], as the bytes they are (CMSG_DATA(3) onwards, one
 * little-endian int each); returns count.
 */
/*@
  requires msg: 0 <= o && IOSAFE_CMSG_HDR <= cl && o + cl <= IOSAFE_CTL_SIZE &&
    \valid_read(c + (o .. o + cl - 1));
  requires v: \valid(v + (0 .. IOSAFE_NET_MSG_INTS - 1)) &&
    \separated(v + (0 .. IOSAFE_NET_MSG_INTS - 1), c + (o .. o + cl - 1));
  assigns v[0 .. IOSAFE_NET_MSG_INTS - 1];
  ensures count: 0 <= \result <= IOSAFE_NET_MSG_INTS &&
    IOSAFE_CMSG_HDR + 4 * \result <= cl < IOSAFE_CMSG_HDR + 4 * \result + 4;
  ensures ints: \forall integer j; 0 <= j < \result ==>
    v[j] == iosafe_le32(c + (o + IOSAFE_CMSG_HDR + 4 * j));
*/
static size_t iosafe_net_msg_ints(const char *c, size_t o, size_t cl, unsigned int *v)
{
	size_t j = 0, q = o + IOSAFE_NET_CMSG_HDR;

	/*@
	  loop invariant bounds: 0 <= j && q == o + IOSAFE_CMSG_HDR + 4 * j && q <= o + cl;
	  loop invariant ints: \forall integer k; 0 <= k < j ==>
	    v[k] == iosafe_le32(c + (o + IOSAFE_CMSG_HDR + 4 * k));
	  loop assigns j, q, v[0 .. IOSAFE_NET_MSG_INTS - 1];
	  loop variant o + cl - q;
	*/
	while (cl - (q - o) >= 4) {
		v[j] = iosafe_net_le32(c + q);
		j++;
		q += 4;
	}
	return j;
}

/*
 * No code: a lemma, proved here and used by iosafe_net_take_ints.  The
 * descriptors fds[0 .. @got + @m - 1] are distinct when the old ones
 * fds[0 .. got - 1] are, the new ones fds[got .. got + m - 1] are, and no
 * new one is an old one.
 */
/*@
  requires old_vs_old: \forall integer k1, k2; 0 <= k1 < k2 < got ==>
    fds[k1].raw != fds[k2].raw;
  requires new_vs_old: \forall integer k1, k2; 0 <= k1 < got <= k2 < got + m ==>
    fds[k1].raw != fds[k2].raw;
  requires new_vs_new: \forall integer k1, k2; got <= k1 < k2 < got + m ==>
    fds[k1].raw != fds[k2].raw;
  assigns \nothing;
  ensures distinct: iosafe_net_distinct(fds, got + m);
*/
static void iosafe_net_distinct_join(const iosafe_owned_fd *fds, size_t got, size_t m)
{
	(void)fds;
	(void)got;
	(void)m;
}

/*
 * Take the @count descriptors v[0 .. count - 1] of one message: keep them
 * after fds[0 .. @got - 1] while there is room (@keep: SCM_RIGHTS), close
 * the others, setting *@overflow when a descriptor to keep did not fit.
 * Returns the new count of kept descriptors.
 */
/*@
  requires ints: count <= IOSAFE_NET_MSG_INTS && \valid_read(v + (0 .. count - 1));
  requires room: got <= room <= max && \valid(fds + (0 .. max - 1)) && \valid(overflow);
  requires separated: \separated(fds + (0 .. max - 1), overflow, &errno) &&
    \separated(overflow, &errno) && \separated(fds + (0 .. max - 1), v + (0 .. count - 1)) &&
    \separated(overflow, v + (0 .. count - 1));
  requires owned: \forall integer j; 0 <= j < count ==>
    iosafe_fd_in_range(v[j]) && iosafe_fd_state[v[j]] == IOSAFE_FD_OWNED &&
    iosafe_net_not_kept(fds, got, v[j]);
  requires distinct: \forall integer j1, j2; 0 <= j1 < j2 < count ==> v[j1] != v[j2];
  requires kept: \forall integer k; 0 <= k < got ==>
    iosafe_fd_in_range(fds[k].raw) && iosafe_fd_state[fds[k].raw] == IOSAFE_FD_OWNED;
  requires kept_distinct: iosafe_net_distinct(fds, got);
  assigns fds[got .. max - 1], *overflow, errno, iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1];
  ensures got: got <= \result <= room;
  ensures handled: \forall integer j; 0 <= j < count ==>
    iosafe_net_handled(fds, \result, v[j]);
  ensures kept_old: \forall integer k; 0 <= k < got ==>
    iosafe_fd_state[fds[k].raw] == IOSAFE_FD_OWNED;
  ensures kept_new: \forall integer k; got <= k < \result ==>
    iosafe_fd_in_range(fds[k].raw) && iosafe_fd_state[fds[k].raw] == IOSAFE_FD_OWNED &&
    \exists integer j; 0 <= j < count && v[j] == fds[k].raw;
  ensures kept_distinct: iosafe_net_distinct(fds, \result);
  ensures table: \forall integer d; iosafe_fd_in_range(d) ==>
    iosafe_fd_state[d] == \old(iosafe_fd_state[d]) ||
    (iosafe_fd_state[d] == IOSAFE_FD_CLOSED &&
     \exists integer j; 0 <= j < count && v[j] == d);
  ensures old_same: \forall integer k; 0 <= k < got ==> fds[k].raw == \old(fds[k].raw);
*/
static size_t iosafe_net_take_ints(const unsigned int *v, size_t count, int keep,
				   iosafe_owned_fd *fds, size_t got, size_t room, size_t max,
				   int *overflow)
{
	size_t m = 0, i;

	(void)max; /* the bound of @fds, named by the contract only */
	/* Kept in order while there is room (SCM_RIGHTS only): fds[got ..
	 * got + m - 1] are v[0 .. m - 1].  Unrolled (GCC and Clang's loop
	 * pragma; Frama-C ignores it, and the proof is of the loop as
	 * written): a load and a store per descriptor. */
	if (keep)
		m = count < room - got ? count : room - got;
#pragma GCC unroll 8
	/*@
	  loop invariant bounds: 0 <= i <= m;
	  loop invariant kept: \forall integer j; 0 <= j < i ==> fds[got + j].raw == v[j];
	  loop invariant old_same: \forall integer k; 0 <= k < got ==>
	    fds[k].raw == \at(fds[k].raw, Pre);
	  loop invariant new_vs_old: \forall integer k1, j; 0 <= k1 < got && 0 <= j < i ==>
	    fds[k1].raw != v[j];
	  loop assigns i, fds[got .. max - 1];
	  loop variant m - i;
	*/
	for (i = 0; i < m; i++)
		fds[got + i].raw = (int)v[i];
	if (keep && m < count)
		*overflow = 1;
	/* The rest closed again. */
	/*@
	  loop invariant bounds: m <= i <= count;
	  loop invariant closed: \forall integer j; m <= j < i ==>
	    iosafe_fd_state[v[j]] == IOSAFE_FD_CLOSED;
	  loop invariant todo: \forall integer j; i <= j < count ==>
	    iosafe_fd_state[v[j]] == IOSAFE_FD_OWNED;
	  loop invariant kept_owned: \forall integer j; 0 <= j < m ==>
	    iosafe_fd_state[v[j]] == IOSAFE_FD_OWNED;
	  loop invariant kept_old: \forall integer k; 0 <= k < got ==>
	    iosafe_fd_state[fds[k].raw] == IOSAFE_FD_OWNED;
	  loop invariant table: \forall integer d; iosafe_fd_in_range(d) ==>
	    iosafe_fd_state[d] == \at(iosafe_fd_state[d], Pre) ||
	    (iosafe_fd_state[d] == IOSAFE_FD_CLOSED &&
	     \exists integer j; m <= j < i && v[j] == d);
	  loop assigns i, errno, iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1];
	  loop variant count - i;
	*/
	for (i = m; i < count; i++) {
		/*@ assert not_kept: \forall integer j; 0 <= j < m ==> v[j] != v[i]; */
		/* Received, so owned here; released whatever close(2) returns
		 * (close(2) NOTES). */
		(void)close((int)v[i]);
	}
	/*@ assert kept_new: \forall integer k; got <= k < got + m ==>
	      fds[k].raw == v[k - got] && iosafe_fd_state[fds[k].raw] == IOSAFE_FD_OWNED; */
	/*@ assert new_vs_old: \forall integer k1, k2; 0 <= k1 < got <= k2 < got + m ==>
	      fds[k1].raw != fds[k2].raw; */
	/*@ assert new_vs_new: \forall integer k1, k2; got <= k1 < k2 < got + m ==>
	      fds[k1].raw != fds[k2].raw; */
	/*@ assert old_vs_old: \forall integer k1, k2; 0 <= k1 < k2 < got ==>
	      fds[k1].raw != fds[k2].raw; */
	/*@ assert old_same: \forall integer k; 0 <= k < got ==>
	      fds[k].raw == \at(fds[k].raw, Pre); */
	iosafe_net_distinct_join(fds, got, m);
	/*@ assert handled_kept: \forall integer j; 0 <= j < m ==>
	      iosafe_net_handled(fds, got + m, v[j]); */
	/*@ assert handled_closed: \forall integer j; m <= j < count ==>
	      iosafe_net_handled(fds, got + m, v[j]); */
	return got + m;
}

/*
 * Take the descriptors of the one message at offset @o of @c (cmsg_len
 * @cl, a message that carries descriptors): keep them after
 * fds[0 .. @got - 1] while there is room (@keep: SCM_RIGHTS), close the
 * others, setting *@overflow when a descriptor to keep did not fit.
 * Returns the new count of kept descriptors.
 */
/*@
  requires msg: 0 <= o && IOSAFE_CMSG_HDR <= cl && cl == iosafe_cmsg_len(c, o) &&
    o + cl <= IOSAFE_CTL_SIZE && \valid_read(c + (o .. o + cl - 1)) &&
    iosafe_cmsg_installs(c, o);
  requires room: got <= room <= max && \valid(fds + (0 .. max - 1)) && \valid(overflow);
  requires separated: \separated(fds + (0 .. max - 1), overflow, &errno) &&
    \separated(overflow, &errno) && \separated(fds + (0 .. max - 1), c + (o .. o + cl - 1)) &&
    \separated(overflow, c + (o .. o + cl - 1));
  requires owned: \forall integer p; iosafe_cmsg_slot(c, o, p) ==>
    iosafe_fd_in_range(iosafe_le32(c + p)) &&
    iosafe_fd_state[iosafe_le32(c + p)] == IOSAFE_FD_OWNED &&
    iosafe_net_not_kept(fds, got, iosafe_le32(c + p));
  requires distinct: \forall integer p, q;
    iosafe_cmsg_slot(c, o, p) && iosafe_cmsg_slot(c, o, q) && p != q ==>
    iosafe_le32(c + p) != iosafe_le32(c + q);
  requires kept: \forall integer k; 0 <= k < got ==>
    iosafe_fd_in_range(fds[k].raw) && iosafe_fd_state[fds[k].raw] == IOSAFE_FD_OWNED;
  requires kept_distinct: iosafe_net_distinct(fds, got);
  assigns fds[got .. max - 1], *overflow, errno, iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1];
  ensures got: got <= \result <= room;
  ensures handled: \forall integer p; iosafe_cmsg_slot(c, o, p) ==>
    iosafe_net_handled(fds, \result, iosafe_le32(c + p));
  ensures kept_old: \forall integer k; 0 <= k < got ==>
    iosafe_fd_state[fds[k].raw] == IOSAFE_FD_OWNED;
  ensures kept_new: \forall integer k; got <= k < \result ==>
    iosafe_fd_in_range(fds[k].raw) && iosafe_fd_state[fds[k].raw] == IOSAFE_FD_OWNED &&
    \exists integer p; iosafe_cmsg_slot(c, o, p) && iosafe_le32(c + p) == fds[k].raw;
  ensures kept_distinct: iosafe_net_distinct(fds, \result);
  ensures table: \forall integer d; iosafe_fd_in_range(d) ==>
    iosafe_fd_state[d] == \old(iosafe_fd_state[d]) ||
    (iosafe_fd_state[d] == IOSAFE_FD_CLOSED &&
     \exists integer p; iosafe_cmsg_slot(c, o, p) && iosafe_le32(c + p) == d);
  ensures old_same: \forall integer k; 0 <= k < got ==> fds[k].raw == \old(fds[k].raw);
*/
static size_t iosafe_net_take_msg(const char *c, size_t o, size_t cl, int keep,
				  iosafe_owned_fd *fds, size_t got, size_t room, size_t max,
				  int *overflow)
{
	unsigned int v[IOSAFE_NET_MSG_INTS];
	size_t count = iosafe_net_msg_ints(c, o, cl, v);

	/*@ assert index: \forall integer p; iosafe_cmsg_slot(c, o, p) ==>
	      0 <= (p - o - IOSAFE_CMSG_HDR) / 4 < count &&
	      p == o + IOSAFE_CMSG_HDR + 4 * ((p - o - IOSAFE_CMSG_HDR) / 4); */
	/*@ assert to_index: \forall integer p; iosafe_cmsg_slot(c, o, p) ==>
	      0 <= (p - o - IOSAFE_CMSG_HDR) / 4 < count &&
	      v[(p - o - IOSAFE_CMSG_HDR) / 4] == iosafe_le32(c + p); */
	/*@ assert to_slot: \forall integer j; 0 <= j < count ==>
	      iosafe_cmsg_slot(c, o, o + IOSAFE_CMSG_HDR + 4 * j) &&
	      v[j] == iosafe_le32(c + (o + IOSAFE_CMSG_HDR + 4 * j)); */
	/*@ assert v_owned: \forall integer j; 0 <= j < count ==>
	      iosafe_fd_in_range(v[j]) && iosafe_fd_state[v[j]] == IOSAFE_FD_OWNED &&
	      iosafe_net_not_kept(fds, got, v[j]); */
	/*@ assert v_distinct: \forall integer j1, j2; 0 <= j1 < j2 < count ==> v[j1] != v[j2]; */
	return iosafe_net_take_ints(v, count, keep, fds, got, room, max, overflow);
}

/*
 * No code: a lemma, proved here and used by iosafe_net_next_off and
 * iosafe_net_take_fds.  No whole message starts at @o: no descriptor slot
 * from there on.
 */
/*@
  requires end: !iosafe_cmsg_wf(c, len, o);
  assigns \nothing;
  ensures done: \forall integer p; !iosafe_scm_entry(c, len, o, p);
*/
static void iosafe_net_walk_end(const char *c, size_t len, size_t o)
{
	(void)c;
	(void)len;
	(void)o;
}

/*
 * The offset of the message after the one at @o of @c (cmsg_len @cl, a
 * whole message in the first @len bytes): CMSG_ALIGN(cl) further
 * (cmsg(3)), or @len when that is past the data.  Its contract carries the
 * walk's facts about the recursive iosafe_scm_entry from one message to the
 * next, so that the loop of iosafe_net_take_fds does not unfold it.
 */
/*@
  requires wf: iosafe_cmsg_wf(c, len, o) && cl == iosafe_cmsg_len(c, o) &&
    len <= IOSAFE_CTL_SIZE;
  requires sound: \forall integer p;
    iosafe_scm_entry(c, len, o, p) ==> iosafe_scm_entry(c, len, 0, p);
  assigns \nothing;
  ensures bounds: o < \result <= len;
  ensures sound: \forall integer p;
    iosafe_scm_entry(c, len, \result, p) ==> iosafe_scm_entry(c, len, 0, p);
  ensures split: \forall integer p; iosafe_scm_entry(c, len, o, p) ==>
    iosafe_cmsg_slot(c, o, p) || iosafe_scm_entry(c, len, \result, p);
  ensures slot_before: \forall integer p; iosafe_cmsg_slot(c, o, p) ==> p < \result;
  ensures slot_entry: \forall integer p; iosafe_cmsg_slot(c, o, p) ==>
    iosafe_scm_entry(c, len, 0, p);
  ensures before: \forall integer d; iosafe_net_before(c, len, o, d) ==>
    iosafe_net_before(c, len, \result, d);
  ensures slot_next: \forall integer p; iosafe_cmsg_slot(c, o, p) ==>
    iosafe_net_before(c, len, \result, iosafe_le32(c + p));
*/
static size_t iosafe_net_next_off(const char *c, size_t len, size_t o, size_t cl)
{
	size_t step = (cl + 7) / 8 * 8;

	(void)c; /* named by the contract only */
	/*@ assert next: o + step == iosafe_cmsg_next(c, o) && cl <= step; */
	/*@ assert unfold: \forall integer p; iosafe_scm_entry(c, len, o, p) <==>
	      (iosafe_cmsg_slot(c, o, p) ||
	       iosafe_scm_entry(c, len, iosafe_cmsg_next(c, o), p)); */
	if (step > len - o) {
		iosafe_net_walk_end(c, len, o + step);
		iosafe_net_walk_end(c, len, len);
		return len;
	}
	return o + step;
}

/*
 * No code: a lemma, proved here and used by iosafe_net_take_installs.  A
 * descriptor of the control data outside the message at @o is none of
 * that message's (the kernel installs distinct numbers).
 */
/*@
  requires distinct: \forall integer p, q;
    iosafe_scm_entry(c, len, 0, p) && iosafe_scm_entry(c, len, 0, q) && p != q ==>
    iosafe_le32(c + p) != iosafe_le32(c + q);
  requires slot_entry: \forall integer p; iosafe_cmsg_slot(c, o, p) ==>
    iosafe_scm_entry(c, len, 0, p);
  assigns \nothing;
  ensures other: \forall integer p, q; iosafe_scm_entry(c, len, 0, p) &&
    !iosafe_cmsg_slot(c, o, p) && iosafe_cmsg_slot(c, o, q) ==>
    iosafe_le32(c + p) != iosafe_le32(c + q);
*/
static void iosafe_net_slot_other(const char *c, size_t len, size_t o)
{
	(void)c;
	(void)len;
	(void)o;
}

/*
 * One message of the walk of iosafe_net_take_fds, one that carries
 * descriptors (SOL_SOCKET, SCM_RIGHTS or SCM_PIDFD): the one at offset @o
 * of @c (cmsg_len @cl), the next one at @next.  Take its descriptors
 * (iosafe_net_take_msg; @keep: SCM_RIGHTS).  Its contract is the walk's
 * invariant at @o before and at @next after.
 */
/*@
  requires ctl: \valid_read(c + (0 .. len - 1)) && len <= IOSAFE_CTL_SIZE;
  requires msg: iosafe_cmsg_wf(c, len, o) && cl == iosafe_cmsg_len(c, o) && o < next <= len;
  requires room: got <= room <= max && \valid(fds + (0 .. max - 1)) && \valid(overflow);
  requires separated: \separated(fds + (0 .. max - 1), overflow, &errno) &&
    \separated(overflow, &errno) && \separated(fds + (0 .. max - 1), c + (0 .. len - 1)) &&
    \separated(overflow, c + (0 .. len - 1));
  requires distinct: \forall integer p, q;
    iosafe_scm_entry(c, len, 0, p) && iosafe_scm_entry(c, len, 0, q) && p != q ==>
    iosafe_le32(c + p) != iosafe_le32(c + q);
  requires split: \forall integer p; iosafe_scm_entry(c, len, o, p) ==>
    iosafe_cmsg_slot(c, o, p) || iosafe_scm_entry(c, len, next, p);
  requires slot_before: \forall integer p; iosafe_cmsg_slot(c, o, p) ==> p < next;
  requires slot_entry: \forall integer p; iosafe_cmsg_slot(c, o, p) ==>
    iosafe_scm_entry(c, len, 0, p);
  requires before: \forall integer d; iosafe_net_before(c, len, o, d) ==>
    iosafe_net_before(c, len, next, d);
  requires slot_next: \forall integer p; iosafe_cmsg_slot(c, o, p) ==>
    iosafe_net_before(c, len, next, iosafe_le32(c + p));
  requires covered: \forall integer p; iosafe_scm_entry(c, len, 0, p) ==>
    iosafe_net_handled(fds, got, iosafe_le32(c + p)) ||
    (iosafe_scm_entry(c, len, o, p) &&
     iosafe_fd_state[iosafe_le32(c + p)] == IOSAFE_FD_OWNED &&
     iosafe_net_not_kept(fds, got, iosafe_le32(c + p)));
  requires kept: \forall integer k; 0 <= k < got ==>
    iosafe_fd_in_range(fds[k].raw) && iosafe_fd_state[fds[k].raw] == IOSAFE_FD_OWNED &&
    iosafe_net_before(c, len, o, fds[k].raw);
  requires kept_distinct: iosafe_net_distinct(fds, got);
  requires in_range: \forall integer p; iosafe_scm_entry(c, len, 0, p) ==>
    iosafe_fd_in_range(iosafe_le32(c + p));
  requires installs: iosafe_cmsg_installs(c, o);
  requires slot_ahead: \forall integer p; iosafe_cmsg_slot(c, o, p) ==>
    !iosafe_net_handled(fds, got, iosafe_le32(c + p));
  assigns fds[got .. max - 1], *overflow, errno, iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1];
  ensures got: got <= \result <= room;
  ensures covered: \forall integer p; iosafe_scm_entry(c, len, 0, p) ==>
    iosafe_net_handled(fds, \result, iosafe_le32(c + p)) ||
    (iosafe_scm_entry(c, len, next, p) &&
     iosafe_fd_state[iosafe_le32(c + p)] == IOSAFE_FD_OWNED &&
     iosafe_net_not_kept(fds, \result, iosafe_le32(c + p)));
  ensures kept: \forall integer k; 0 <= k < \result ==>
    iosafe_fd_in_range(fds[k].raw) && iosafe_fd_state[fds[k].raw] == IOSAFE_FD_OWNED &&
    iosafe_net_before(c, len, next, fds[k].raw);
  ensures kept_distinct: iosafe_net_distinct(fds, \result);
  ensures table: \forall integer d; iosafe_fd_in_range(d) ==>
    iosafe_fd_state[d] == \old(iosafe_fd_state[d]) ||
    (iosafe_fd_state[d] == IOSAFE_FD_CLOSED && iosafe_net_before(c, len, next, d));
*/

static size_t iosafe_net_take_installs(const char *c, size_t len, size_t o, size_t cl,
				       size_t next, int keep, iosafe_owned_fd *fds, size_t got,
				       size_t room, size_t max, int *overflow)
{
	/*@ assert slot_owned: \forall integer p; iosafe_cmsg_slot(c, o, p) ==>
	      iosafe_fd_in_range(iosafe_le32(c + p)) &&
	      iosafe_fd_state[iosafe_le32(c + p)] == IOSAFE_FD_OWNED &&
	      iosafe_net_not_kept(fds, got, iosafe_le32(c + p)); */
	size_t r;

	(void)next; /* named by the contract only */
	iosafe_net_slot_other(c, len, o);
	r = iosafe_net_take_msg(c, o, cl, keep, fds, got, room, max, overflow);

	/*@ assert old_same: \forall integer k; 0 <= k < got ==>
	      fds[k].raw == \at(fds[k].raw, Pre); */
	/*@ assert old_handled: \forall integer p; iosafe_scm_entry(c, len, 0, p) &&
	      iosafe_net_handled{Pre}(fds, got, iosafe_le32(c + p)) ==>
	      iosafe_net_handled(fds, r, iosafe_le32(c + p)); */
	/*@ assert slot_handled: \forall integer p; iosafe_cmsg_slot(c, o, p) ==>
	      iosafe_net_handled(fds, r, iosafe_le32(c + p)); */
	/*@ assert new_slot: \forall integer k; got <= k < r ==>
	      \exists integer p; iosafe_cmsg_slot(c, o, p) && iosafe_le32(c + p) == fds[k].raw; */
	/*@ assert ahead_kept: \forall integer p; iosafe_scm_entry(c, len, 0, p) &&
	      !iosafe_cmsg_slot(c, o, p) ==>
	      \forall integer k; got <= k < r ==> fds[k].raw != iosafe_le32(c + p); */
	/*@ assert ahead: \forall integer p; iosafe_scm_entry(c, len, 0, p) &&
	      !iosafe_cmsg_slot(c, o, p) && iosafe_scm_entry(c, len, next, p) &&
	      \at(iosafe_fd_state[iosafe_le32(c + p)], Pre) == IOSAFE_FD_OWNED &&
	      iosafe_net_not_kept{Pre}(fds, got, iosafe_le32(c + p)) ==>
	      iosafe_net_handled(fds, r, iosafe_le32(c + p)) ||
	      (iosafe_fd_state[iosafe_le32(c + p)] == IOSAFE_FD_OWNED &&
	       iosafe_net_not_kept(fds, r, iosafe_le32(c + p))); */
	/*@ assert kept_old: \forall integer k; 0 <= k < got ==>
	      iosafe_net_before(c, len, next, fds[k].raw); */
	/*@ assert kept_new: \forall integer k; got <= k < r ==>
	      iosafe_net_before(c, len, next, fds[k].raw); */
	return r;
}

/*
 * No code but the count: a lemma, proved here and used by
 * iosafe_net_take_step.  A message that carries no descriptors changes
 * nothing; the walk's invariant at @o holds at @next.
 */
/*@
  requires ctl: \valid_read(c + (0 .. len - 1)) && len <= IOSAFE_CTL_SIZE;
  requires msg: iosafe_cmsg_wf(c, len, o) && cl == iosafe_cmsg_len(c, o) && o < next <= len;
  requires room: got <= room <= max && \valid(fds + (0 .. max - 1)) && \valid(overflow);
  requires separated: \separated(fds + (0 .. max - 1), overflow, &errno) &&
    \separated(overflow, &errno) && \separated(fds + (0 .. max - 1), c + (0 .. len - 1)) &&
    \separated(overflow, c + (0 .. len - 1));
  requires distinct: \forall integer p, q;
    iosafe_scm_entry(c, len, 0, p) && iosafe_scm_entry(c, len, 0, q) && p != q ==>
    iosafe_le32(c + p) != iosafe_le32(c + q);
  requires split: \forall integer p; iosafe_scm_entry(c, len, o, p) ==>
    iosafe_cmsg_slot(c, o, p) || iosafe_scm_entry(c, len, next, p);
  requires slot_before: \forall integer p; iosafe_cmsg_slot(c, o, p) ==> p < next;
  requires slot_entry: \forall integer p; iosafe_cmsg_slot(c, o, p) ==>
    iosafe_scm_entry(c, len, 0, p);
  requires before: \forall integer d; iosafe_net_before(c, len, o, d) ==>
    iosafe_net_before(c, len, next, d);
  requires slot_next: \forall integer p; iosafe_cmsg_slot(c, o, p) ==>
    iosafe_net_before(c, len, next, iosafe_le32(c + p));
  requires covered: \forall integer p; iosafe_scm_entry(c, len, 0, p) ==>
    iosafe_net_handled(fds, got, iosafe_le32(c + p)) ||
    (iosafe_scm_entry(c, len, o, p) &&
     iosafe_fd_state[iosafe_le32(c + p)] == IOSAFE_FD_OWNED &&
     iosafe_net_not_kept(fds, got, iosafe_le32(c + p)));
  requires kept: \forall integer k; 0 <= k < got ==>
    iosafe_fd_in_range(fds[k].raw) && iosafe_fd_state[fds[k].raw] == IOSAFE_FD_OWNED &&
    iosafe_net_before(c, len, o, fds[k].raw);
  requires kept_distinct: iosafe_net_distinct(fds, got);
  requires in_range: \forall integer p; iosafe_scm_entry(c, len, 0, p) ==>
    iosafe_fd_in_range(iosafe_le32(c + p));
  requires no_slot: \forall integer p; !iosafe_cmsg_slot(c, o, p);
  requires slot_ahead: \forall integer p; iosafe_cmsg_slot(c, o, p) ==>
    !iosafe_net_handled(fds, got, iosafe_le32(c + p));
  assigns \nothing;
  ensures same: \result == got;
  ensures got: got <= \result <= room;
  ensures covered: \forall integer p; iosafe_scm_entry(c, len, 0, p) ==>
    iosafe_net_handled(fds, \result, iosafe_le32(c + p)) ||
    (iosafe_scm_entry(c, len, next, p) &&
     iosafe_fd_state[iosafe_le32(c + p)] == IOSAFE_FD_OWNED &&
     iosafe_net_not_kept(fds, \result, iosafe_le32(c + p)));
  ensures kept: \forall integer k; 0 <= k < \result ==>
    iosafe_fd_in_range(fds[k].raw) && iosafe_fd_state[fds[k].raw] == IOSAFE_FD_OWNED &&
    iosafe_net_before(c, len, next, fds[k].raw);
  ensures kept_distinct: iosafe_net_distinct(fds, \result);
  ensures table: \forall integer d; iosafe_fd_in_range(d) ==>
    iosafe_fd_state[d] == \old(iosafe_fd_state[d]) ||
    (iosafe_fd_state[d] == IOSAFE_FD_CLOSED && iosafe_net_before(c, len, next, d));
*/

static size_t iosafe_net_take_none(const char *c, size_t len, size_t o, size_t cl, size_t next,
				   iosafe_owned_fd *fds, size_t got, size_t room, size_t max,
				   int *overflow)
{
	(void)c;
	(void)len;
	(void)o;
	(void)cl;
	(void)next;
	(void)fds;
	(void)room;
	(void)max;
	(void)overflow;
	return got;
}

/*
 * One message of the walk of iosafe_net_take_fds: the one at offset @o of
 * @c (cmsg_len @cl), the next one at @next.  When it carries descriptors
 * (SOL_SOCKET, SCM_RIGHTS or SCM_PIDFD), take them; otherwise nothing.
 * Its contract is the walk's invariant at @o before and at @next after, so
 * that the loop only chains the calls.
 */
/*@
  requires ctl: \valid_read(c + (0 .. len - 1)) && len <= IOSAFE_CTL_SIZE;
  requires msg: iosafe_cmsg_wf(c, len, o) && cl == iosafe_cmsg_len(c, o) && o < next <= len;
  requires room: got <= room <= max && \valid(fds + (0 .. max - 1)) && \valid(overflow);
  requires separated: \separated(fds + (0 .. max - 1), overflow, &errno) &&
    \separated(overflow, &errno) && \separated(fds + (0 .. max - 1), c + (0 .. len - 1)) &&
    \separated(overflow, c + (0 .. len - 1));
  requires distinct: \forall integer p, q;
    iosafe_scm_entry(c, len, 0, p) && iosafe_scm_entry(c, len, 0, q) && p != q ==>
    iosafe_le32(c + p) != iosafe_le32(c + q);
  requires split: \forall integer p; iosafe_scm_entry(c, len, o, p) ==>
    iosafe_cmsg_slot(c, o, p) || iosafe_scm_entry(c, len, next, p);
  requires slot_before: \forall integer p; iosafe_cmsg_slot(c, o, p) ==> p < next;
  requires slot_entry: \forall integer p; iosafe_cmsg_slot(c, o, p) ==>
    iosafe_scm_entry(c, len, 0, p);
  requires before: \forall integer d; iosafe_net_before(c, len, o, d) ==>
    iosafe_net_before(c, len, next, d);
  requires slot_next: \forall integer p; iosafe_cmsg_slot(c, o, p) ==>
    iosafe_net_before(c, len, next, iosafe_le32(c + p));
  requires covered: \forall integer p; iosafe_scm_entry(c, len, 0, p) ==>
    iosafe_net_handled(fds, got, iosafe_le32(c + p)) ||
    (iosafe_scm_entry(c, len, o, p) &&
     iosafe_fd_state[iosafe_le32(c + p)] == IOSAFE_FD_OWNED &&
     iosafe_net_not_kept(fds, got, iosafe_le32(c + p)));
  requires kept: \forall integer k; 0 <= k < got ==>
    iosafe_fd_in_range(fds[k].raw) && iosafe_fd_state[fds[k].raw] == IOSAFE_FD_OWNED &&
    iosafe_net_before(c, len, o, fds[k].raw);
  requires kept_distinct: iosafe_net_distinct(fds, got);
  requires in_range: \forall integer p; iosafe_scm_entry(c, len, 0, p) ==>
    iosafe_fd_in_range(iosafe_le32(c + p));
  requires slot_ahead: \forall integer p; iosafe_cmsg_slot(c, o, p) ==>
    !iosafe_net_handled(fds, got, iosafe_le32(c + p));
  assigns fds[got .. max - 1], *overflow, errno, iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1];
  ensures got: got <= \result <= room;
  ensures covered: \forall integer p; iosafe_scm_entry(c, len, 0, p) ==>
    iosafe_net_handled(fds, \result, iosafe_le32(c + p)) ||
    (iosafe_scm_entry(c, len, next, p) &&
     iosafe_fd_state[iosafe_le32(c + p)] == IOSAFE_FD_OWNED &&
     iosafe_net_not_kept(fds, \result, iosafe_le32(c + p)));
  ensures kept: \forall integer k; 0 <= k < \result ==>
    iosafe_fd_in_range(fds[k].raw) && iosafe_fd_state[fds[k].raw] == IOSAFE_FD_OWNED &&
    iosafe_net_before(c, len, next, fds[k].raw);
  ensures kept_distinct: iosafe_net_distinct(fds, \result);
  ensures table: \forall integer d; iosafe_fd_in_range(d) ==>
    iosafe_fd_state[d] == \old(iosafe_fd_state[d]) ||
    (iosafe_fd_state[d] == IOSAFE_FD_CLOSED && iosafe_net_before(c, len, next, d));
*/

static size_t iosafe_net_take_step(const char *c, size_t len, size_t o, size_t cl, size_t next,
				   iosafe_owned_fd *fds, size_t got, size_t room, size_t max,
				   int *overflow)
{
	unsigned int level = iosafe_net_le32(c + o + IOSAFE_NET_CMSG_LEVEL);
	unsigned int type = iosafe_net_le32(c + o + IOSAFE_NET_CMSG_TYPE);

	if (level == SOL_SOCKET && (type == SCM_RIGHTS || type == SCM_PIDFD))
		return iosafe_net_take_installs(c, len, o, cl, next, type == SCM_RIGHTS, fds, got,
						room, max, overflow);
	return iosafe_net_take_none(c, len, o, cl, next, fds, got, room, max, overflow);
}

/*
 * Take the descriptors of the control data @c (@len bytes): keep those of
 * SCM_RIGHTS messages in fds[0 .. room - 1] while there is room, close the
 * others (and those of SCM_PIDFD messages), setting *@overflow when an
 * SCM_RIGHTS descriptor did not fit.  Returns how many were kept.
 */
/*@
  requires ctl: \valid_read(c + (0 .. len - 1)) && len <= IOSAFE_CTL_SIZE;
  requires room: room <= max && \valid(fds + (0 .. max - 1)) && \valid(overflow);
  requires separated: \separated(fds + (0 .. max - 1), overflow, &errno) &&
    \separated(overflow, &errno) && \separated(fds + (0 .. max - 1), c + (0 .. len - 1)) &&
    \separated(overflow, c + (0 .. len - 1));
  requires owned: \forall integer p; iosafe_scm_entry(c, len, 0, p) ==>
    iosafe_fd_in_range(iosafe_le32(c + p)) &&
    iosafe_fd_state[iosafe_le32(c + p)] == IOSAFE_FD_OWNED;
  requires distinct: \forall integer p, q;
    iosafe_scm_entry(c, len, 0, p) && iosafe_scm_entry(c, len, 0, q) && p != q ==>
    iosafe_le32(c + p) != iosafe_le32(c + q);
  assigns fds[0 .. max - 1], *overflow, errno, iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1];
  ensures got: 0 <= \result <= room;
  ensures handled: \forall integer p; iosafe_scm_entry{Pre}(c, len, 0, p) ==>
    iosafe_net_handled(fds, \result, iosafe_le32{Pre}(c + p));
  ensures kept: \forall integer k; 0 <= k < \result ==>
    iosafe_fd_in_range(fds[k].raw) && iosafe_fd_state[fds[k].raw] == IOSAFE_FD_OWNED &&
    \exists integer p; iosafe_scm_entry{Pre}(c, len, 0, p) &&
      iosafe_le32{Pre}(c + p) == fds[k].raw;
  ensures kept_distinct: iosafe_net_distinct(fds, \result);
  ensures table: \forall integer d; iosafe_fd_in_range(d) ==>
    iosafe_fd_state[d] == \old(iosafe_fd_state[d]) ||
    (iosafe_fd_state[d] == IOSAFE_FD_CLOSED &&
     \exists integer p; iosafe_scm_entry{Pre}(c, len, 0, p) && iosafe_le32{Pre}(c + p) == d);
*/
static size_t iosafe_net_take_fds(const char *c, size_t len, iosafe_owned_fd *fds, size_t room,
				  size_t max, int *overflow)
{
	size_t got = 0, o = 0;

	/*@
	  loop invariant bounds: 0 <= o <= len && 0 <= got <= room;
	  loop invariant in_range: \forall integer p; iosafe_scm_entry(c, len, 0, p) ==>
	    iosafe_fd_in_range(iosafe_le32(c + p));
	  loop invariant sound: \forall integer p;
	    iosafe_scm_entry(c, len, o, p) ==> iosafe_scm_entry(c, len, 0, p);
	  loop invariant covered: \forall integer p; iosafe_scm_entry(c, len, 0, p) ==>
	    iosafe_net_handled(fds, got, iosafe_le32(c + p)) ||
	    (iosafe_scm_entry(c, len, o, p) &&
	     iosafe_fd_state[iosafe_le32(c + p)] == IOSAFE_FD_OWNED &&
	     iosafe_net_not_kept(fds, got, iosafe_le32(c + p)));
	  loop invariant kept: \forall integer k; 0 <= k < got ==>
	    iosafe_fd_in_range(fds[k].raw) && iosafe_fd_state[fds[k].raw] == IOSAFE_FD_OWNED &&
	    iosafe_net_before(c, len, o, fds[k].raw);
	  loop invariant kept_distinct: iosafe_net_distinct(fds, got);
	  loop invariant table: \forall integer d; iosafe_fd_in_range(d) ==>
	    iosafe_fd_state[d] == \at(iosafe_fd_state[d], Pre) ||
	    (iosafe_fd_state[d] == IOSAFE_FD_CLOSED && iosafe_net_before(c, len, o, d));
	  loop assigns o, got, *overflow, errno, fds[0 .. max - 1],
	    iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1];
	  loop variant len - o;
	*/
	while (o < len && len - o >= IOSAFE_NET_CMSG_HDR) {
		size_t cl = iosafe_net_le64(c + o), next;

		if (cl < IOSAFE_NET_CMSG_HDR || cl > len - o)
			break;
		/*@ assert wf: iosafe_cmsg_wf(c, len, o); */
		/* The next message: CMSG_ALIGN(cl) further (cmsg(3)); none when
		 * that is past the data. */
		next = iosafe_net_next_off(c, len, o, cl);
		/*@ assert not_before: \forall integer p; iosafe_cmsg_slot(c, o, p) ==>
		      !iosafe_net_before(c, len, o, iosafe_le32(c + p)); */
		/*@ assert slot_ahead: \forall integer p; iosafe_cmsg_slot(c, o, p) ==>
		      !iosafe_net_handled(fds, got, iosafe_le32(c + p)); */
		got = iosafe_net_take_step(c, len, o, cl, next, fds, got, room, max, overflow);
		o = next;
	}
	/*@ assert end: !iosafe_cmsg_wf(c, len, o); */
	iosafe_net_walk_end(c, len, o);
	return got;
}

/*
 * No code: a lemma, proved here and used by iosafe_net_recv_take:
 * iosafe_net_distinct spelled out.
 */
/*@
  requires distinct: iosafe_net_distinct(fds, got);
  assigns \nothing;
  ensures distinct: \forall integer k1, k2; 0 <= k1 < k2 < got ==>
    fds[k1].raw != fds[k2].raw;
*/
static void iosafe_net_distinct_open(const iosafe_owned_fd *fds, size_t got)
{
	(void)fds;
	(void)got;
}

/* Close the @got distinct owned descriptors of @fds and leave them none. */
/*@
  requires valid: \valid(fds + (0 .. got - 1)) && \separated(fds + (0 .. got - 1), &errno);
  requires owned: \forall integer k; 0 <= k < got ==>
    iosafe_fd_in_range(fds[k].raw) && iosafe_fd_state[fds[k].raw] == IOSAFE_FD_OWNED;
  requires distinct: \forall integer k1, k2; 0 <= k1 < k2 < got ==> fds[k1].raw != fds[k2].raw;
  assigns fds[0 .. got - 1], errno, iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1];
  ensures none: \forall integer k; 0 <= k < got ==> fds[k].raw == IOSAFE_RAW_NONE;
  ensures closed: \forall integer k; 0 <= k < got ==>
    iosafe_fd_state[\old(fds[k].raw)] == IOSAFE_FD_CLOSED;
  ensures table: \forall integer d; iosafe_fd_in_range(d) ==>
    iosafe_fd_state[d] == \old(iosafe_fd_state[d]) ||
    \exists integer k; 0 <= k < got && \old(fds[k].raw) == d;
*/
static void iosafe_net_close_kept(iosafe_owned_fd *fds, size_t got)
{
	size_t i;

	/*@
	  loop invariant 0 <= i <= got;
	  loop invariant \forall integer k; 0 <= k < i ==> fds[k].raw == IOSAFE_RAW_NONE;
	  loop invariant \forall integer k; i <= k < got ==>
	    fds[k].raw == \at(fds[k].raw, Pre);
	  loop invariant \forall integer k; 0 <= k < i ==>
	    iosafe_fd_state[\at(fds[k].raw, Pre)] == IOSAFE_FD_CLOSED;
	  loop invariant \forall integer k; i <= k < got ==>
	    iosafe_fd_state[\at(fds[k].raw, Pre)] == IOSAFE_FD_OWNED;
	  loop invariant \forall integer d; iosafe_fd_in_range(d) ==>
	    iosafe_fd_state[d] == \at(iosafe_fd_state[d], Pre) ||
	    \exists integer k; 0 <= k < i && \at(fds[k].raw, Pre) == d;
	  loop assigns i, errno, fds[0 .. got - 1], iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1];
	  loop variant got - i;
	*/
	for (i = 0; i < got; i++) {
		(void)close(fds[i].raw);
		fds[i].raw = IOSAFE_RAW_NONE;
	}
}

/* Make fds[@from .. @max - 1] none: the ones the walk did not keep, which
 * recvmsg(2) may have written (@buf). */
/*@
  requires valid: from <= max && \valid(fds + (from .. max - 1));
  assigns fds[from .. max - 1];
  ensures none: \forall integer k; from <= k < max ==> fds[k].raw == IOSAFE_RAW_NONE;
  ensures same: \forall integer k; 0 <= k < from ==> fds[k].raw == \old(fds[k].raw);
*/
static void iosafe_net_none_from(iosafe_owned_fd *fds, size_t from, size_t max)
{
	size_t i;

	/*@
	  loop invariant bounds: from <= i <= max;
	  loop invariant none: \forall integer k; from <= k < i ==> fds[k].raw == IOSAFE_RAW_NONE;
	  loop assigns i, fds[from .. max - 1];
	  loop variant max - i;
	*/
	for (i = from; i < max; i++)
		fds[i].raw = IOSAFE_RAW_NONE;
}

/* What iosafe_net_recv_take returns: recvmsg's result, how many
 * descriptors were kept, and whether one did not fit or the kernel cut the
 * control data (MSG_CTRUNC).  A value, not out-parameters, so that no
 * store follows the walk. */
struct iosafe_net_taken {
	ssize_t r;
	size_t got;
	int cut;
};

/* recvmsg(2) into @buf and a control buffer of its own, then the
 * descriptors taken (iosafe_net_take_fds): r -1 (errno set, nothing
 * received), or the byte count with fds[0 .. got - 1] the descriptors
 * kept. */
/*@
  requires sock: iosafe_fd_is_open(sock);
  requires valid_buf: buf != \null && n > 0;
  requires valid_fds: \valid(fds + (0 .. max - 1));
  requires room: room <= max && room <= IOSAFE_SCM_MAX_FDS;
  requires separated: \separated(fds + (0 .. max - 1), &errno);
  assigns errno, fds[0 .. max - 1], ((char *)buf)[0 .. 0x7fffffffffffffff],
    iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
    iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1];
  ensures failed: \result.r < 0 ==>
    \result.r == -1 && iosafe_errno_set && iosafe_fd_table_same{Pre, Post};
  ensures kept: \result.r >= 0 ==> 0 <= \result.got <= room &&
    \forall integer k; 0 <= k < \result.got ==>
      iosafe_fd_is_closed{Pre}(fds[k].raw) && iosafe_fd_is_owned(fds[k].raw) &&
      iosafe_fd_is_cloexec(fds[k].raw);
  ensures kept_distinct: \result.r >= 0 ==>
    \forall integer k1, k2; 0 <= k1 < k2 < \result.got ==> fds[k1].raw != fds[k2].raw;
  ensures changed_kept: \result.r >= 0 ==>
    \forall integer d; iosafe_fd_in_range(d) &&
      \at(iosafe_fd_state[d], Pre) != iosafe_fd_state[d] ==>
      \exists integer k; 0 <= k < \result.got && fds[k].raw == d;
*/
static struct iosafe_net_taken iosafe_net_recv_take(int sock, void *buf, size_t n,
						    iosafe_owned_fd *fds, size_t max,
						    size_t room, int flags)
{
	char ctl[IOSAFE_CTL_SIZE];
	struct iovec iov;
	struct msghdr msg;
	struct iosafe_net_taken t;
	int overflow = 0;

	iov.iov_base = buf;
	iov.iov_len = n;
	msg.msg_name = NULL;
	msg.msg_namelen = 0;
	msg.msg_iov = &iov;
	msg.msg_iovlen = 1;
	msg.msg_control = ctl;
	/* Room for @room descriptors (or none at all when @max is 0, so that
	 * any descriptor sent is cut off: MSG_CTRUNC), plus the others. */
	msg.msg_controllen = (room > 0 ? IOSAFE_NET_SPACE(room) : 0) + IOSAFE_CMSG_EXTRA;
	msg.msg_flags = 0;
	t.r = recvmsg(sock, &msg, flags | MSG_CMSG_CLOEXEC);
	t.got = 0;
	t.cut = 0;
	if (t.r < 0) {
		t.r = -1;
		return t;
	}
	/* Every descriptor that arrived is owned now (recvmsg_scm_new). */
	/*@ assert len: msg.msg_controllen <= IOSAFE_CTL_SIZE; */
	t.got = iosafe_net_take_fds(ctl, msg.msg_controllen, fds, room, max, &overflow);
	iosafe_net_distinct_open(fds, t.got);
	/*@ assert kept_new: \forall integer k; 0 <= k < t.got ==>
	      iosafe_fd_is_closed{Pre}(fds[k].raw) &&
	      iosafe_fd_is_cloexec(fds[k].raw); */
	/*@ assert changed_open: \forall integer d; iosafe_fd_in_range(d) &&
	      \at(iosafe_fd_state[d], Pre) != iosafe_fd_state[d] ==>
	      iosafe_fd_state[d] != IOSAFE_FD_CLOSED; */
	/*@ assert changed_arrived: \forall integer d; iosafe_fd_in_range(d) &&
	      \at(iosafe_fd_state[d], Pre) != iosafe_fd_state[d] ==>
	      \exists integer p; iosafe_scm_entry((char *)ctl, msg.msg_controllen, 0, p) &&
	        iosafe_le32((char *)ctl + p) == d; */
	/*@ assert changed_handled: \forall integer d; iosafe_fd_in_range(d) &&
	      \at(iosafe_fd_state[d], Pre) != iosafe_fd_state[d] ==>
	      iosafe_net_handled(fds, t.got, d); */
	/*@ assert changed_kept: \forall integer d; iosafe_fd_in_range(d) &&
	      \at(iosafe_fd_state[d], Pre) != iosafe_fd_state[d] ==>
	      \exists integer k; 0 <= k < t.got && fds[k].raw == d; */
	t.cut = overflow != 0 || (msg.msg_flags & MSG_CTRUNC) != 0;
	return t;
}

/* iosafe_recv_fds once its arguments are checked (net.h): @sock open, @buf
 * and @nfds not NULL, @fds room for @max owners. */
/*@
  requires sock: iosafe_fd_is_open(sock);
  requires valid_buf: buf != \null && n > 0;
  requires valid_nfds: \valid(nfds);
  requires valid_fds: \valid(fds + (0 .. max - 1));
  requires separated: \separated(nfds, &errno) &&
    \separated(fds + (0 .. max - 1), &errno) && \separated(fds + (0 .. max - 1), nfds);
  assigns errno, *nfds, fds[0 .. max - 1], ((char *)buf)[0 .. 0x7fffffffffffffff],
    iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
    iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1];
  ensures all_none_on_failure: \result < 0 ==>
    \forall integer i; 0 <= i < max ==> fds[i].raw == IOSAFE_RAW_NONE;
  ensures failed: \result < 0 ==>
    iosafe_neg_errno(\result) && iosafe_fd_table_same{Pre, Post} && *nfds == 0;
  ensures received: \result >= 0 ==>
    *nfds <= max && *nfds <= IOSAFE_SCM_MAX_FDS &&
    (\forall integer i; 0 <= i < *nfds ==>
      iosafe_fd_is_closed{Pre}(fds[i].raw) && iosafe_fd_is_owned(fds[i].raw) &&
      iosafe_fd_is_cloexec(fds[i].raw)) &&
    (\forall integer i; *nfds <= i < max ==> fds[i].raw == IOSAFE_RAW_NONE) &&
    (\forall integer d; iosafe_fd_in_range(d) &&
      \at(iosafe_fd_state[d], Pre) != iosafe_fd_state[d] ==>
      \exists integer i; 0 <= i < *nfds && fds[i].raw == d);
*/
static ssize_t iosafe_net_recv_fds(int sock, void *buf, size_t n, iosafe_owned_fd *fds,
				   size_t max, size_t *nfds, int flags)
{
	struct iosafe_net_taken t;
	size_t i, room;
	int err;

	room = max < IOSAFE_SCM_MAX_FDS ? max : IOSAFE_SCM_MAX_FDS;
	t = iosafe_net_recv_take(sock, buf, n, fds, max, room, flags);
	if (t.r < 0) {
		err = errno;
		/* The kernel wrote @buf, which may hold @fds or @nfds: none
		 * again. */
		*nfds = 0;
		/*@
		  loop invariant 0 <= i <= max;
		  loop invariant \forall integer k; 0 <= k < i ==> fds[k].raw == IOSAFE_RAW_NONE;
		  loop assigns i, fds[0 .. max - 1];
		  loop variant max - i;
		*/
		for (i = 0; i < max; i++)
			fds[i].raw = IOSAFE_RAW_NONE;
		return -err;
	}
	/* Below, the rest none, once, after the walk (which writes only the
	 * ones it keeps). */
	if (t.cut) {
		/* The caller gets -EMSGSIZE and owns nothing. */
		iosafe_net_close_kept(fds, t.got);
		iosafe_net_none_from(fds, t.got, max);
		*nfds = 0;
		return -EMSGSIZE;
	}
	iosafe_net_none_from(fds, t.got, max);
	*nfds = t.got;
	return t.r;
}

ssize_t iosafe_recv_fds(iosafe_borrowed_fd sock, void *buf, size_t n, iosafe_owned_fd *fds,
			size_t max, size_t *nfds, int flags)
{
	size_t i;

	if (nfds != NULL)
		*nfds = 0;
	if (sock.raw < 0 || buf == NULL || n == 0 || nfds == NULL || (max > 0 && fds == NULL)) {
		/* Every path of iosafe_net_recv_fds leaves @fds as its contract
		 * says; here they are none. */
		if (fds != NULL) {
			/*@
			  loop invariant 0 <= i <= max;
			  loop invariant \forall integer k; 0 <= k < i ==>
			    fds[k].raw == IOSAFE_RAW_NONE;
			  loop assigns i, fds[0 .. max - 1];
			  loop variant max - i;
			*/
			for (i = 0; i < max; i++)
				fds[i].raw = IOSAFE_RAW_NONE;
		}
		return sock.raw < 0 ? -EBADF : -EINVAL;
	}
	return iosafe_net_recv_fds(sock.raw, buf, n, fds, max, nfds, flags);
}
