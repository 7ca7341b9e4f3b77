/* SPDX-License-Identifier: MIT */
/*
 * src/net.c: the socket family (rustix::net).
 * The contracts and documentation are in include/iosafe/net.h.
 */
#define _GNU_SOURCE /* MSG_CMSG_CLOEXEC, struct ucred, SO_PEERCRED */
#include <errno.h>
#include <netdb.h>
#include <netinet/in.h>
#include <stddef.h>
#include <sys/socket.h>
#include <unistd.h>

#include "iosafe/net.h"

/* Store a result of the count-returning calls: the count, or -errno. */
/*@
  requires errno_set: r < 0 ==> iosafe_errno_set;
  assigns \nothing;
  ensures result: r >= 0 ==> \result == r;
  ensures failed: r < 0 ==> iosafe_neg_errno(\result);
*/
static ssize_t iosafe_net_count(ssize_t r)
{
	return r < 0 ? -errno : r;
}

/* The same for the calls that return 0 or -1. */
/*@
  requires result: r == 0 || r == -1;
  requires errno_set: r < 0 ==> iosafe_errno_set;
  assigns \nothing;
  ensures result: \result == 0 || iosafe_neg_errno(\result);
*/
static int iosafe_net_status(int r)
{
	return r < 0 ? -errno : 0;
}

/* iosafe_socketpair, iosafe_shutdown, iosafe_send, iosafe_recv,
 * iosafe_sendto, iosafe_recvfrom, iosafe_sendmsg and iosafe_recvmsg have
 * their bodies in include/iosafe/net.h (defined by src/inline.c). */

int iosafe_bind(iosafe_borrowed_fd sock, const struct sockaddr *addr, socklen_t len)
{
	if (sock.raw < 0)
		return -EBADF;
	if (addr == NULL)
		return -EINVAL;
	return iosafe_net_status(bind(sock.raw, addr, len));
}

int iosafe_connect(iosafe_borrowed_fd sock, const struct sockaddr *addr, socklen_t len)
{
	if (sock.raw < 0)
		return -EBADF;
	if (addr == NULL)
		return -EINVAL;
	return iosafe_net_status(connect(sock.raw, addr, len));
}

int iosafe_listen(iosafe_borrowed_fd sock, int backlog)
{
	if (sock.raw < 0)
		return -EBADF;
	return iosafe_net_status(listen(sock.raw, backlog));
}

int iosafe_getsockname(iosafe_borrowed_fd sock, struct sockaddr *addr, socklen_t *len)
{
	if (sock.raw < 0)
		return -EBADF;
	if (addr == NULL || len == NULL)
		return -EINVAL;
	return iosafe_net_status(getsockname(sock.raw, addr, len));
}

int iosafe_getpeername(iosafe_borrowed_fd sock, struct sockaddr *addr, socklen_t *len)
{
	if (sock.raw < 0)
		return -EBADF;
	if (addr == NULL || len == NULL)
		return -EINVAL;
	return iosafe_net_status(getpeername(sock.raw, addr, len));
}

int iosafe_getsockopt(iosafe_borrowed_fd sock, int level, int name, void *val, socklen_t *len)
{
	if (sock.raw < 0)
		return -EBADF;
	if (val == NULL || len == NULL)
		return -EINVAL;
	return iosafe_net_status(getsockopt(sock.raw, level, name, val, len));
}

int iosafe_setsockopt(iosafe_borrowed_fd sock, int level, int name, const void *val,
		      socklen_t len)
{
	if (sock.raw < 0)
		return -EBADF;
	if (val == NULL)
		return -EINVAL;
	return iosafe_net_status(setsockopt(sock.raw, level, name, val, len));
}

/* ---- connection constructors -------------------------------------------- */

/* What iosafe_net_open does after socket(2) and the options. */
#define IOSAFE_NET_CONNECT 0
#define IOSAFE_NET_BIND 1
#define IOSAFE_NET_LISTEN 2

/* Set the options @flags asks for on the new socket @raw. */
/*@
  requires open: iosafe_fd_is_open(raw);
  assigns errno;
  ensures result: \result == 0 || \result == -1;
  ensures failed: \result == -1 ==> iosafe_errno_set;
*/
static int iosafe_net_options(int raw, unsigned flags)
{
	int one = 1;

	if ((flags & IOSAFE_SOCK_REUSEADDR) != 0 &&
	    setsockopt(raw, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one)) < 0)
		return -1;
	if ((flags & IOSAFE_SOCK_V6ONLY) != 0 &&
	    setsockopt(raw, IPPROTO_IPV6, IPV6_V6ONLY, &one, sizeof(one)) < 0)
		return -1;
	return 0;
}

/*
 * The one body of tcp_listen, tcp_connect, udp_bind and udp_connect (and of
 * each attempt of tcp_connect_host): socket(2) of @family and @type,
 * options, then bind/listen or connect; on a failing step the socket is
 * closed and *out stays none.  @out is valid and none on entry.
 */
/*@
  requires valid_out: \valid(out) && \separated(out, &errno);
  requires out_none: out->raw == IOSAFE_RAW_NONE;
  requires valid_addr: \valid_read(addr);
  requires what: what == IOSAFE_NET_CONNECT || what == IOSAFE_NET_BIND ||
    what == IOSAFE_NET_LISTEN;
  assigns out->raw, errno, iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
    iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1];
  ensures acquired: \result == 0 ==>
    iosafe_fd_acquired{Pre, Post}(out->raw) && iosafe_fd_is_cloexec(out->raw);
  ensures failed: \result != 0 ==>
    iosafe_neg_errno(\result) && out->raw == IOSAFE_RAW_NONE &&
    iosafe_fd_table_same{Pre, Post};
*/
static int iosafe_net_open(iosafe_owned_fd *out, int family, int type, int protocol,
			   const struct sockaddr *addr, socklen_t len, unsigned flags,
			   int backlog, int what)
{
	int raw, r, rc;

	if ((flags & IOSAFE_SOCK_NONBLOCK) != 0)
		type |= SOCK_NONBLOCK;
	raw = socket(family, type | SOCK_CLOEXEC, protocol);
	if (raw < 0)
		return -errno;
	r = iosafe_net_options(raw, flags);
	if (r == 0) {
		if (what == IOSAFE_NET_CONNECT) {
			r = connect(raw, addr, len);
			/* A non-blocking connect in progress is the success the
			 * caller asked for (connect(2) EINPROGRESS). */
			if (r < 0 && errno == EINPROGRESS &&
			    (flags & IOSAFE_SOCK_NONBLOCK) != 0)
				r = 0;
		} else {
			r = bind(raw, addr, len);
			if (r == 0 && what == IOSAFE_NET_LISTEN)
				r = listen(raw, backlog);
		}
	}
	if (r < 0) {
		rc = -errno;
		/* The socket is ours and closed whatever close(2) says
		 * (close(2) NOTES); the step's error is the one reported. */
		(void)close(raw);
		return rc;
	}
	out->raw = raw;
	return 0;
}

/*
 * The argument checks of the four constructors (net.h), written out in
 * each so that each proof sees *out untouched when @out is NULL.
 */
#define IOSAFE_NET_CHECK(out, addr, flags)                                      \
	do {                                                                    \
		if ((out) == NULL)                                              \
			return -EINVAL;                                         \
		(out)->raw = IOSAFE_RAW_NONE;                                   \
		if ((addr) == NULL || ((flags) & ~IOSAFE_SOCK_FLAGS_ALL) != 0)  \
			return -EINVAL;                                         \
		if (((flags) & IOSAFE_SOCK_V6ONLY) != 0 &&                      \
		    (addr)->sa_family != AF_INET6)                              \
			return -EINVAL;                                         \
	} while (0)

int iosafe_tcp_listen(iosafe_owned_fd *out, const struct sockaddr *addr, socklen_t len,
		      int backlog, unsigned flags)
{
	IOSAFE_NET_CHECK(out, addr, flags);
	return iosafe_net_open(out, addr->sa_family, SOCK_STREAM, 0, addr, len, flags, backlog,
			       IOSAFE_NET_LISTEN);
}

int iosafe_tcp_connect(iosafe_owned_fd *out, const struct sockaddr *addr, socklen_t len,
		       unsigned flags)
{
	IOSAFE_NET_CHECK(out, addr, flags);
	return iosafe_net_open(out, addr->sa_family, SOCK_STREAM, 0, addr, len, flags, 0,
			       IOSAFE_NET_CONNECT);
}

int iosafe_udp_bind(iosafe_owned_fd *out, const struct sockaddr *addr, socklen_t len,
		    unsigned flags)
{
	IOSAFE_NET_CHECK(out, addr, flags);
	return iosafe_net_open(out, addr->sa_family, SOCK_DGRAM, 0, addr, len, flags, 0,
			       IOSAFE_NET_BIND);
}

int iosafe_udp_connect(iosafe_owned_fd *out, const struct sockaddr *addr, socklen_t len,
		       unsigned flags)
{
	IOSAFE_NET_CHECK(out, addr, flags);
	return iosafe_net_open(out, addr->sa_family, SOCK_DGRAM, 0, addr, len, flags, 0,
			       IOSAFE_NET_CONNECT);
}

/* getaddrinfo(3)'s EAI_* codes as negative errno values (net.h). */
/*@
  assigns \nothing;
  ensures result: iosafe_neg_errno(\result);
*/
static int iosafe_eai_errno(int code)
{
	switch (code) {
	case EAI_NONAME:
	case EAI_NODATA:
	case EAI_ADDRFAMILY:
	case EAI_SERVICE:
		return -ENOENT;
	case EAI_AGAIN:
		return -EAGAIN;
	case EAI_MEMORY:
		return -ENOMEM;
	case EAI_SYSTEM:
		/* errno(3): a positive value; Linux's are at most MAX_ERRNO
		 * (4095, include/linux/err.h). */
		return errno > 0 && errno <= 4095 ? -errno : -EIO;
	default:
		return -EIO;
	}
}

int iosafe_tcp_connect_host(iosafe_owned_fd *out, const char *host, const char *port,
			    unsigned flags)
{
	struct addrinfo hints = { 0 };
	struct addrinfo *res = NULL;
	struct addrinfo *ai;
	int rc, tries;

	if (out == NULL)
		return -EINVAL;
	out->raw = IOSAFE_RAW_NONE;
	if (host == NULL || port == NULL || (flags & ~IOSAFE_SOCK_FLAGS_ALL) != 0)
		return -EINVAL;
	hints.ai_family = (flags & IOSAFE_SOCK_V6ONLY) != 0 ? AF_INET6 : AF_UNSPEC;
	hints.ai_socktype = SOCK_STREAM;
	rc = getaddrinfo(host, port, &hints, &res);
	if (rc != 0)
		return iosafe_eai_errno(rc);
	/* An empty list does not happen (getaddrinfo(3)); if it did, "no such
	 * host" is the answer. */
	rc = -ENOENT;
	tries = 0;
	/*@
	  loop invariant list: iosafe_ai_list{LoopEntry}(ai);
	  loop invariant valid: ai != \null ==>
	    \valid_read(ai) && \valid_read(ai->ai_addr);
	  loop invariant tries: 0 <= tries <= IOSAFE_CONNECT_HOST_MAX;
	  loop invariant none: out->raw == IOSAFE_RAW_NONE;
	  loop invariant rc: iosafe_neg_errno(rc);
	  loop invariant table: iosafe_fd_only_unowned_added{Pre, Here};
	  loop assigns ai, tries, rc, errno, out->raw,
	    iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
	    iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1];
	  loop variant IOSAFE_CONNECT_HOST_MAX - tries;
	*/
	for (ai = res; ai != NULL && tries < IOSAFE_CONNECT_HOST_MAX; ai = ai->ai_next) {
		tries++;
		/* Each attempt closes its own socket when it fails. */
		rc = iosafe_net_open(out, ai->ai_family, ai->ai_socktype, ai->ai_protocol,
				     ai->ai_addr, ai->ai_addrlen, flags, 0, IOSAFE_NET_CONNECT);
		if (rc == 0)
			break;
	}
	freeaddrinfo(res);
	return rc;
}

/* ---- descriptor passing ------------------------------------------------- */

/*
 * The control data of one SCM_RIGHTS message with up to IOSAFE_SCM_MAX_FDS
 * descriptors, laid out as cmsg(3) puts it on Linux: a struct cmsghdr
 * (cmsg_len, cmsg_level, cmsg_type), then the descriptors at CMSG_DATA.
 * Spelled out as its own struct (glibc's struct cmsghdr ends in a flexible
 * array member and cannot be embedded); the asserts below check that its
 * layout is the kernel's.
 */
struct iosafe_scm_rights {
	size_t len;
	int level;
	int type;
	int fds[IOSAFE_SCM_MAX_FDS + 1]; /* + 1: the padding CMSG_SPACE adds */
};

#ifndef __FRAMAC__
_Static_assert(offsetof(struct iosafe_scm_rights, len) == offsetof(struct cmsghdr, cmsg_len) &&
		       sizeof(((struct iosafe_scm_rights *)0)->len) ==
			       sizeof(((struct cmsghdr *)0)->cmsg_len),
	       "cmsg_len");
_Static_assert(offsetof(struct iosafe_scm_rights, level) == offsetof(struct cmsghdr, cmsg_level),
	       "cmsg_level");
_Static_assert(offsetof(struct iosafe_scm_rights, type) == offsetof(struct cmsghdr, cmsg_type),
	       "cmsg_type");
_Static_assert(offsetof(struct iosafe_scm_rights, fds) == CMSG_LEN(0), "CMSG_DATA");
_Static_assert(2 * sizeof(int) == sizeof(size_t), "CMSG_ALIGN pads an odd count of ints by one");
_Static_assert(offsetof(struct iosafe_scm_rights, fds) +
		       (3 * sizeof(int) + sizeof(size_t) - 1) / sizeof(size_t) * sizeof(size_t) ==
		       CMSG_SPACE(3 * sizeof(int)),
	       "CMSG_SPACE without the mask");
_Static_assert(sizeof(struct iosafe_scm_rights) >= CMSG_SPACE(sizeof(int) * IOSAFE_SCM_MAX_FDS),
	       "CMSG_SPACE");
#endif

ssize_t iosafe_send_fds(iosafe_borrowed_fd sock, const void *buf, size_t n,
			const iosafe_borrowed_fd *fds, size_t nfds, int flags)
{
	struct iosafe_scm_rights ctl;
	struct iovec iov;
	struct msghdr msg;
	size_t i;

	if (sock.raw < 0)
		return -EBADF;
	if (buf == NULL || n == 0 || (nfds > 0 && fds == NULL) || nfds > IOSAFE_SCM_MAX_FDS)
		return -EINVAL;
	/* Every borrow checked first, then copied in a loop of its own, which
	 * GCC compiles as one block copy (memcpy).  The check is unrolled
	 * (GCC's and Clang's loop pragma; Frama-C ignores it, and the proof is
	 * of the loop as written): one load, test and branch per borrow. */
#pragma GCC unroll 8
	/*@
	  loop invariant bound: 0 <= i <= nfds;
	  loop invariant checked: \forall integer k; 0 <= k < i ==> fds[k].raw >= 0;
	  loop assigns i;
	  loop variant nfds - i;
	*/
	for (i = 0; i < nfds; i++)
		if (fds[i].raw < 0)
			return -EBADF;
	/*@
	  loop invariant bound: 0 <= i <= nfds;
	  loop invariant copied: \forall integer k; 0 <= k < i ==>
	    fds[k].raw >= 0 && ctl.fds[k] == fds[k].raw;
	  loop assigns i, ctl.fds[0 .. nfds - 1];
	  loop variant nfds - i;
	*/
	for (i = 0; i < nfds; i++)
		ctl.fds[i] = fds[i].raw;
	/* cmsg(3) CMSG_LEN and CMSG_SPACE, spelled without CMSG_ALIGN's bit
	 * mask (the same values: the header is already aligned, and the data
	 * is rounded up to a multiple of sizeof(size_t)). */
	ctl.len = offsetof(struct iosafe_scm_rights, fds) + nfds * sizeof(int);
	/* The padding up to CMSG_SPACE is sent too: zero it, not stack
	 * garbage. */
	if (nfds % 2 != 0)
		ctl.fds[nfds] = 0;
	ctl.level = SOL_SOCKET;
	ctl.type = SCM_RIGHTS;
	iov.iov_base = (void *)buf; /* sendmsg(2) only reads it */
	iov.iov_len = n;
	msg.msg_name = NULL;
	msg.msg_namelen = 0;
	msg.msg_iov = &iov;
	msg.msg_iovlen = 1;
	msg.msg_control = nfds > 0 ? &ctl : NULL;
	msg.msg_controllen = nfds > 0 ? offsetof(struct iosafe_scm_rights, fds) +
		(nfds * sizeof(int) + sizeof(size_t) - 1) / sizeof(size_t) * sizeof(size_t) : 0;
	msg.msg_flags = 0;
	return iosafe_net_count(sendmsg(sock.raw, &msg, flags));
}

int iosafe_peer_cred(iosafe_borrowed_fd sock, struct ucred *cred)
{
	/* getsockopt(2) writes bytes: read into a local byte buffer, then
	 * copy the fields, so that the proof follows each write. */
	union {
		struct ucred cred;
		char bytes[sizeof(struct ucred)];
	} got;
	socklen_t len = sizeof(got.bytes);

	if (sock.raw < 0)
		return -EBADF;
	if (cred == NULL)
		return -EINVAL;
	if (getsockopt(sock.raw, SOL_SOCKET, SO_PEERCRED, got.bytes, &len) < 0)
		return -errno;
	if (len != sizeof(got.bytes))
		return -EIO;
	cred->pid = got.cred.pid;
	cred->uid = got.cred.uid;
	cred->gid = got.cred.gid;
	return 0;
}
