/* SPDX-License-Identifier: MIT */
/*
 * src/net_fds.c: iosafe_recv_fds (include/iosafe/net.h).  What WP proves
 * of it and what it does not yet (iosafe_net_take_fds, the walk) is in
 * proofs/README.md; it is not in PROVE_CORE_SRCS until the walk is proved.
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

/*@
  // d was received and is accounted for: kept in fds[0 .. got - 1], or
  // closed again.
  predicate iosafe_net_handled{L}(iosafe_owned_fd *fds, integer got, integer d) =
    (\exists integer k; 0 <= k < got && \at(fds[k].raw, L) == d) ||
    \at(iosafe_fd_state[d], L) == IOSAFE_FD_CLOSED;

  // p is a descriptor slot not yet walked: in a message after the one at
  // o, or in the one at o at or after offset from.
  predicate iosafe_net_ahead{L}(char *c, integer len, integer o, integer from,
				integer p) =
    iosafe_scm_entry{L}(c, len, iosafe_cmsg_next{L}(c, o), p) ||
    (iosafe_cmsg_slot{L}(c, o, p) && from <= p);
*/

/* The byte @b holds, 0 .. 255 (the arithmetic, not a conversion, so that
 * the proof reads it as iosafe_byte does). */
/*@
  assigns \nothing;
  ensures value: \result == iosafe_byte(b);
*/
static unsigned int iosafe_net_byte(char b)
{
	return b < 0 ? (unsigned int)(b + 256) : (unsigned int)b;
}

/*@
  requires valid: \valid_read(p + (0 .. 3));
  assigns \nothing;
  ensures value: \result == iosafe_le32(p);
*/
static unsigned int iosafe_net_le32(const char *p)
{
	return iosafe_net_byte(p[0]) + iosafe_net_byte(p[1]) * 256u +
	       iosafe_net_byte(p[2]) * 65536u + iosafe_net_byte(p[3]) * 16777216u;
}

/*@
  requires valid: \valid_read(p + (0 .. 7));
  assigns \nothing;
  ensures value: \result == iosafe_le64(p);
*/
static size_t iosafe_net_le64(const char *p)
{
	return (size_t)iosafe_net_le32(p) + (size_t)iosafe_net_le32(p + 4) * 4294967296u;
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
  ensures kept_distinct: \forall integer k1, k2; 0 <= k1 < k2 < \result ==>
    fds[k1].raw != fds[k2].raw;
  ensures rest_none: \forall integer k; \result <= k < max ==> fds[k].raw == IOSAFE_RAW_NONE;
  ensures table: \forall integer d; iosafe_fd_in_range(d) ==>
    iosafe_fd_state[d] == \old(iosafe_fd_state[d]) ||
    (iosafe_fd_state[d] == IOSAFE_FD_CLOSED &&
     \exists integer p; iosafe_scm_entry{Pre}(c, len, 0, p) && iosafe_le32{Pre}(c + p) == d);
*/
static size_t iosafe_net_take_fds(const char *c, size_t len, iosafe_owned_fd *fds, size_t room,
				  size_t max, int *overflow)
{
	size_t got = 0, i, o = 0;

	/* None first: fds may have been written by recvmsg(2) (@buf). */
	/*@
	  loop invariant 0 <= i <= max;
	  loop invariant \forall integer k; 0 <= k < i ==> fds[k].raw == IOSAFE_RAW_NONE;
	  loop assigns i, fds[0 .. max - 1];
	  loop variant max - i;
	*/
	for (i = 0; i < max; i++)
		fds[i].raw = IOSAFE_RAW_NONE;
	/*@
	  loop invariant bounds: 0 <= o <= len && 0 <= got <= room;
	  loop invariant sound: \forall integer p;
	    iosafe_scm_entry{Pre}(c, len, o, p) ==> iosafe_scm_entry{Pre}(c, len, 0, p);
	  loop invariant covered: \forall integer p;
	    iosafe_scm_entry{Pre}(c, len, 0, p) ==>
	    iosafe_scm_entry{Pre}(c, len, o, p) ||
	    iosafe_net_handled(fds, got, iosafe_le32{Pre}(c + p));
	  loop invariant ahead_owned: \forall integer p;
	    iosafe_scm_entry{Pre}(c, len, o, p) ==>
	    iosafe_fd_state[iosafe_le32{Pre}(c + p)] == IOSAFE_FD_OWNED;
	  loop invariant kept: \forall integer k; 0 <= k < got ==>
	    iosafe_fd_in_range(fds[k].raw) && iosafe_fd_state[fds[k].raw] == IOSAFE_FD_OWNED &&
	    (\exists integer p; iosafe_scm_entry{Pre}(c, len, 0, p) &&
	      iosafe_le32{Pre}(c + p) == fds[k].raw) &&
	    \forall integer p; iosafe_scm_entry{Pre}(c, len, o, p) ==>
	      iosafe_le32{Pre}(c + p) != fds[k].raw;
	  loop invariant kept_distinct: \forall integer k1, k2;
	    0 <= k1 < k2 < got ==> fds[k1].raw != fds[k2].raw;
	  loop invariant rest_none: \forall integer k; got <= k < max ==>
	    fds[k].raw == IOSAFE_RAW_NONE;
	  loop invariant table: \forall integer d; iosafe_fd_in_range(d) ==>
	    iosafe_fd_state[d] == \at(iosafe_fd_state[d], Pre) ||
	    (iosafe_fd_state[d] == IOSAFE_FD_CLOSED &&
	     \exists integer p; iosafe_scm_entry{Pre}(c, len, 0, p) &&
	       iosafe_le32{Pre}(c + p) == d);
	  loop assigns o, i, got, *overflow, errno, fds[0 .. max - 1],
	    iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1];
	  loop variant len - o;
	*/
	while (o < len && len - o >= IOSAFE_NET_CMSG_HDR) {
		size_t cl = iosafe_net_le64(c + o), count, step;
		unsigned int level, type;

		if (cl < IOSAFE_NET_CMSG_HDR || cl > len - o)
			break;
		/*@ assert wf: iosafe_cmsg_wf{Pre}(c, len, o); */
		/*@ assert unfold: \forall integer p; iosafe_scm_entry{Pre}(c, len, o, p) <==>
		      (iosafe_cmsg_slot{Pre}(c, o, p) ||
		       iosafe_scm_entry{Pre}(c, len, iosafe_cmsg_next{Pre}(c, o), p)); */
		level = iosafe_net_le32(c + o + IOSAFE_NET_CMSG_LEVEL);
		type = iosafe_net_le32(c + o + IOSAFE_NET_CMSG_TYPE);
		if (level == SOL_SOCKET && (type == SCM_RIGHTS || type == SCM_PIDFD)) {
			count = (cl - IOSAFE_NET_CMSG_HDR) / 4;
			/*@
			  loop invariant ibounds: 0 <= i <= count && 0 <= got <= room;
			  loop invariant icovered: \forall integer p;
			    iosafe_scm_entry{Pre}(c, len, 0, p) ==>
			    iosafe_net_ahead{Pre}(c, len, o, o + IOSAFE_CMSG_HDR + 4 * i, p) ||
			    iosafe_net_handled(fds, got, iosafe_le32{Pre}(c + p));
			  loop invariant iahead_owned: \forall integer p;
			    iosafe_net_ahead{Pre}(c, len, o, o + IOSAFE_CMSG_HDR + 4 * i, p) ==>
			    iosafe_fd_state[iosafe_le32{Pre}(c + p)] == IOSAFE_FD_OWNED;
			  loop invariant ikept: \forall integer k; 0 <= k < got ==>
			    iosafe_fd_in_range(fds[k].raw) &&
			    iosafe_fd_state[fds[k].raw] == IOSAFE_FD_OWNED &&
			    (\exists integer p; iosafe_scm_entry{Pre}(c, len, 0, p) &&
			      iosafe_le32{Pre}(c + p) == fds[k].raw) &&
			    \forall integer p;
			      iosafe_net_ahead{Pre}(c, len, o, o + IOSAFE_CMSG_HDR + 4 * i, p) ==>
			      iosafe_le32{Pre}(c + p) != fds[k].raw;
			  loop invariant ikept_distinct: \forall integer k1, k2;
			    0 <= k1 < k2 < got ==> fds[k1].raw != fds[k2].raw;
			  loop invariant irest_none: \forall integer k; got <= k < max ==>
			    fds[k].raw == IOSAFE_RAW_NONE;
			  loop invariant itable: \forall integer d; iosafe_fd_in_range(d) ==>
			    iosafe_fd_state[d] == \at(iosafe_fd_state[d], Pre) ||
			    (iosafe_fd_state[d] == IOSAFE_FD_CLOSED &&
			     \exists integer p; iosafe_scm_entry{Pre}(c, len, 0, p) &&
			       iosafe_le32{Pre}(c + p) == d);
			  loop assigns i, got, *overflow, errno, fds[0 .. max - 1],
			    iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1];
			  loop variant count - i;
			*/
			for (i = 0; i < count; i++) {
				/*@ assert slot: iosafe_cmsg_slot{Pre}(c, o, o + IOSAFE_CMSG_HDR + 4 * i); */
				/*@ assert entry: iosafe_scm_entry{Pre}(c, len, 0, o + IOSAFE_CMSG_HDR + 4 * i); */
				int raw = (int)iosafe_net_le32(c + o + IOSAFE_NET_CMSG_HDR + 4 * i);

				if (type == SCM_RIGHTS && got < room) {
					fds[got].raw = raw;
					got++;
				} else {
					if (type == SCM_RIGHTS)
						*overflow = 1;
					/* Received, so owned here; released whatever
					 * close(2) returns (close(2) NOTES). */
					(void)close(raw);
				}
			}
		}
		/* The next message: CMSG_ALIGN(cl) further (cmsg(3)); none when
		 * that is past the data. */
		step = (cl + 7) / 8 * 8;
		if (step > len - o)
			o = len;
		else
			o += step;
	}
	return got;
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
  ensures rest_none: \result.r >= 0 ==>
    \forall integer k; \result.got <= k < max ==> fds[k].raw == IOSAFE_RAW_NONE;
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
	if (t.cut) {
		/* The caller gets -EMSGSIZE and owns nothing. */
		iosafe_net_close_kept(fds, t.got);
		*nfds = 0;
		return -EMSGSIZE;
	}
	*nfds = t.got;
	return t.r;
}

ssize_t iosafe_recv_fds(iosafe_borrowed_fd sock, void *buf, size_t n, iosafe_owned_fd *fds,
			size_t max, size_t *nfds, int flags)
{
	size_t i;

	if (nfds != NULL)
		*nfds = 0;
	if (fds != NULL) {
		/*@
		  loop invariant 0 <= i <= max;
		  loop invariant \forall integer k; 0 <= k < i ==> fds[k].raw == IOSAFE_RAW_NONE;
		  loop assigns i, fds[0 .. max - 1];
		  loop variant max - i;
		*/
		for (i = 0; i < max; i++)
			fds[i].raw = IOSAFE_RAW_NONE;
	}
	if (sock.raw < 0)
		return -EBADF;
	if (buf == NULL || n == 0 || nfds == NULL || (max > 0 && fds == NULL))
		return -EINVAL;
	return iosafe_net_recv_fds(sock.raw, buf, n, fds, max, nfds, flags);
}
