/* SPDX-License-Identifier: MIT */
/*
 * iosafe/net.h: sockets on owned and borrowed descriptors (rustix::net).
 *
 * This header is longer than the project's ~600-line guide because each of
 * its 23 functions carries its ACSL contract above its declaration, and the
 * socket calls are one family (as rustix::net is one module).
 *
 * Linux only (it follows the Linux man pages: accept4(2), MSG_CMSG_CLOEXEC,
 * SO_PEERCRED, SCM_RIGHTS in unix(7)).
 *
 * Conventions (as io.h): acquisitions take the out-parameter first, return 0
 * or a negative errno, and leave *out none on every failure; every new
 * descriptor is close-on-exec (SOCK_CLOEXEC, MSG_CMSG_CLOEXEC), and the flag
 * cannot be turned off here.  Uses take an iosafe_borrowed_fd: a none borrow
 * gives -EBADF without a system call; a NULL pointer the doc says is
 * required gives -EINVAL.  Nothing retries on EINTR: -EINTR is returned.
 * Count-returning calls return ssize_t: a count, or a negative errno.
 * SIGPIPE is not blocked: pass MSG_NOSIGNAL in @flags to get -EPIPE instead.
 *
 * The bodies of socketpair, shutdown, send, recv, sendto, recvfrom, sendmsg
 * and recvmsg, the calls of a connection's hot path, are in this header,
 * inlined into the caller and exported by libiosafe (inline.h says how);
 * socketpair's where the unit sees SOCK_CLOEXEC and recvmsg's where it sees
 * MSG_CMSG_CLOEXEC (glibc declares both in every mode), else the library's.
 * The others are in src/net.c.
 */
#ifndef IOSAFE_NET_H
#define IOSAFE_NET_H

#include <errno.h>
#include <stddef.h>
#include <sys/types.h>
#include <sys/socket.h>

#include "fd.h"
#include "inline.h"

#ifdef __FRAMAC__
#  include "iosafe_acsl_net.h"
#endif

#ifdef __cplusplus
extern "C" {
#endif

struct ucred;

/** The most descriptors one SCM_RIGHTS message carries on Linux (SCM_MAX_FD,
 * include/net/scm.h): iosafe_send_fds refuses more, iosafe_recv_fds never
 * gets more. */
#define IOSAFE_SCM_MAX_FDS 253

/** Flags of iosafe_tcp_listen, iosafe_tcp_connect, iosafe_udp_bind,
 * iosafe_udp_connect and iosafe_tcp_connect_host. */
#define IOSAFE_SOCK_REUSEADDR 0x1u /**< SO_REUSEADDR before bind/connect (socket(7)) */
#define IOSAFE_SOCK_NONBLOCK  0x2u /**< SOCK_NONBLOCK on the new socket */
#define IOSAFE_SOCK_V6ONLY    0x4u /**< IPV6_V6ONLY (ipv6(7)); AF_INET6 addresses only */
#define IOSAFE_SOCK_FLAGS_ALL 0x7u

/** At most this many addresses of getaddrinfo's list are tried by
 * iosafe_tcp_connect_host. */
#define IOSAFE_CONNECT_HOST_MAX 64

/**
 * iosafe_socketpair: create a pair of connected sockets.
 * @a, @b: (not NULL, distinct) receive the two ends; both none on failure.
 * @domain, @type, @protocol: as socketpair(2) (AF_UNIX); SOCK_CLOEXEC is
 *   always added to @type.
 * Returns: 0, or -EAFNOSUPPORT, -EOPNOTSUPP, -EPROTONOSUPPORT, -EMFILE,
 *   -ENFILE, ... (socketpair(2)); -EINVAL for a NULL or shared out-parameter.
 * Follows: socketpair(2); rustix::net::socketpair.
 */
/*@
  requires separated: \separated(a, &errno) && \separated(b, &errno);
  assigns a->raw, b->raw, errno, iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
    iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1];
  behavior bad_args:
    assumes a == \null || b == \null || a == b;
    requires valid_or_null: (a == \null || \valid(a)) && (b == \null || \valid(b));
    assigns a->raw, b->raw;
    ensures result_einval: \result == -EINVAL;
    ensures a_none: a != \null ==> a->raw == IOSAFE_RAW_NONE;
    ensures b_none: b != \null ==> b->raw == IOSAFE_RAW_NONE;
    ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior call:
    assumes a != \null && b != \null && a != b;
    requires valid_ends: \valid(a) && \valid(b);
    requires separated_ends: \separated(a, b);
    assigns a->raw, b->raw, errno, iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
      iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1];
    ensures acquired: \result == 0 ==>
      iosafe_fd_acquired2{Pre, Post}(a->raw, b->raw) &&
      iosafe_fd_is_cloexec(a->raw) && iosafe_fd_is_cloexec(b->raw);
    ensures failed: \result != 0 ==>
      iosafe_neg_errno(\result) && a->raw == IOSAFE_RAW_NONE &&
      b->raw == IOSAFE_RAW_NONE && iosafe_fd_table_same{Pre, Post};
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_socketpair(iosafe_owned_fd *a IOSAFE_ACQUIRES, iosafe_owned_fd *b IOSAFE_ACQUIRES,
		      int domain, int type, int protocol);
#if IOSAFE_INLINE_BODIES && defined(SOCK_CLOEXEC)
IOSAFE_INLINE int iosafe_socketpair(iosafe_owned_fd *a, iosafe_owned_fd *b, int domain, int type,
				    int protocol)
{
	int sv[2];

	/* Both none on every failure, bad arguments included. */
	if (a != NULL)
		a->raw = IOSAFE_RAW_NONE;
	if (b != NULL)
		b->raw = IOSAFE_RAW_NONE;
	if (a == NULL || b == NULL || a == b)
		return -EINVAL;
	if (socketpair(domain, type | SOCK_CLOEXEC, protocol, sv) < 0)
		return -errno;
	/* Two descriptors, so not negative (socketpair(2); proved): once
	 * inlined, the caller's none checks of the two ends fold away. */
	IOSAFE_ASSUME(sv[0] >= 0);
	IOSAFE_ASSUME(sv[1] >= 0);
	a->raw = sv[0];
	b->raw = sv[1];
	return 0;
}
#endif

/**
 * iosafe_bind: give a socket its local address.
 * @sock: a borrow, used during the call only.
 * @addr: (not NULL) the address, @len bytes (a struct sockaddr_in,
 *   sockaddr_in6, sockaddr_un, ... cast to struct sockaddr).
 * Returns: 0, or -EADDRINUSE, -EACCES, -EINVAL (already bound, bad @len),
 *   -EADDRNOTAVAIL, -ENOTSOCK, -EBADF, ... (bind(2), ip(7), unix(7));
 *   -EBADF for a none borrow; -EINVAL for a NULL @addr.
 * Follows: bind(2); rustix::net::bind.
 */
/*@
  requires borrow_ok: iosafe_fd_borrow_ok(sock.raw);
  assigns errno;
  behavior none:
    assumes sock.raw < 0;
    assigns \nothing;
    ensures result_ebadf: \result == -EBADF;
  behavior null_addr:
    assumes sock.raw >= 0 && addr == \null;
    assigns \nothing;
    ensures result_einval: \result == -EINVAL;
  behavior call:
    assumes sock.raw >= 0 && addr != \null;
    requires valid_addr: \valid_read(addr);
    assigns errno;
    ensures result: \result == 0 || iosafe_neg_errno(\result);
    ensures table_same: iosafe_fd_table_same{Pre, Post};
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_bind(iosafe_borrowed_fd sock IOSAFE_USES, const struct sockaddr *addr,
		socklen_t len);

/**
 * iosafe_connect: connect a socket to an address.
 * @sock: a borrow, used during the call only.
 * @addr: (not NULL) the peer's address, @len bytes.
 * Returns: 0, or -ECONNREFUSED, -EINPROGRESS (non-blocking socket: wait for
 *   it to become writable, then read SO_ERROR), -EINTR (the connection
 *   goes on being made: do not call connect again, wait as for
 *   EINPROGRESS), -ETIMEDOUT, -ENETUNREACH, -EISCONN, -EAFNOSUPPORT, ...
 *   (connect(2)); -EBADF for a none borrow; -EINVAL for a NULL @addr.
 * Follows: connect(2); rustix::net::connect.
 */
/*@
  requires borrow_ok: iosafe_fd_borrow_ok(sock.raw);
  assigns errno;
  behavior none:
    assumes sock.raw < 0;
    assigns \nothing;
    ensures result_ebadf: \result == -EBADF;
  behavior null_addr:
    assumes sock.raw >= 0 && addr == \null;
    assigns \nothing;
    ensures result_einval: \result == -EINVAL;
  behavior call:
    assumes sock.raw >= 0 && addr != \null;
    requires valid_addr: \valid_read(addr);
    assigns errno;
    ensures result: \result == 0 || iosafe_neg_errno(\result);
    ensures table_same: iosafe_fd_table_same{Pre, Post};
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_connect(iosafe_borrowed_fd sock IOSAFE_USES, const struct sockaddr *addr,
		   socklen_t len);

/**
 * iosafe_listen: mark a bound stream socket as accepting connections.
 * @sock: a borrow, used during the call only.
 * @backlog: queue length (capped by the kernel at net.core.somaxconn).
 * Returns: 0, or -EADDRINUSE, -EOPNOTSUPP (not a stream socket), -ENOTSOCK,
 *   -EBADF, ... (listen(2)); -EBADF for a none borrow.
 * Follows: listen(2); rustix::net::listen.
 */
/*@
  requires borrow_ok: iosafe_fd_borrow_ok(sock.raw);
  assigns errno;
  behavior none:
    assumes sock.raw < 0;
    assigns \nothing;
    ensures result_ebadf: \result == -EBADF;
  behavior call:
    assumes sock.raw >= 0;
    assigns errno;
    ensures result: \result == 0 || iosafe_neg_errno(\result);
    ensures table_same: iosafe_fd_table_same{Pre, Post};
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_listen(iosafe_borrowed_fd sock IOSAFE_USES, int backlog);

/**
 * iosafe_shutdown: shut down part of a full-duplex connection.  The
 * descriptor stays open and owned by its owner (close it as usual).
 * @sock: a borrow, used during the call only.
 * @how: SHUT_RD, SHUT_WR or SHUT_RDWR.
 * Returns: 0, or -ENOTCONN, -EINVAL (bad @how), -ENOTSOCK, -EBADF
 *   (shutdown(2)); -EBADF for a none borrow.
 * Follows: shutdown(2); rustix::net::shutdown.
 */
/*@
  requires borrow_ok: iosafe_fd_borrow_ok(sock.raw);
  assigns errno;
  behavior none:
    assumes sock.raw < 0;
    assigns \nothing;
    ensures result_ebadf: \result == -EBADF;
  behavior call:
    assumes sock.raw >= 0;
    assigns errno;
    ensures result: \result == 0 || iosafe_neg_errno(\result);
    ensures table_same: iosafe_fd_table_same{Pre, Post};
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_shutdown(iosafe_borrowed_fd sock IOSAFE_USES, int how);
#if IOSAFE_INLINE_BODIES
IOSAFE_INLINE int iosafe_shutdown(iosafe_borrowed_fd sock, int how)
{
	if (sock.raw < 0)
		return -EBADF;
	return shutdown(sock.raw, how) < 0 ? -errno : 0;
}
#endif

/**
 * iosafe_getsockname: the socket's local address.
 * @sock: a borrow, used during the call only.
 * @addr: (not NULL) receives the address (truncated to *@len bytes).
 * @len: (not NULL) in: the size of @addr; out: the size of the address
 *   (larger than the buffer when it was truncated).
 * Returns: 0, or -ENOTSOCK, -EBADF, -ENOBUFS, ... (getsockname(2)); -EBADF
 *   for a none borrow; -EINVAL for a NULL @addr or @len.
 * Follows: getsockname(2); rustix::net::getsockname.
 */
/*@
  requires borrow_ok: iosafe_fd_borrow_ok(sock.raw);
  assigns errno, *addr, *len;
  behavior none:
    assumes sock.raw < 0;
    assigns \nothing;
    ensures result_ebadf: \result == -EBADF;
  behavior null_arg:
    assumes sock.raw >= 0 && (addr == \null || len == \null);
    assigns \nothing;
    ensures result_einval: \result == -EINVAL;
  behavior call:
    assumes sock.raw >= 0 && addr != \null && len != \null;
    requires valid_addr: \valid(addr) && \valid(len) && \separated(addr, len);
    requires separated: \separated(addr, len, &errno);
    assigns errno, *addr, *len;
    ensures result: \result == 0 || iosafe_neg_errno(\result);
    ensures table_same: iosafe_fd_table_same{Pre, Post};
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_getsockname(iosafe_borrowed_fd sock IOSAFE_USES, struct sockaddr *addr,
		       socklen_t *len);

/**
 * iosafe_getpeername: the address of the peer a socket is connected to.
 * @sock, @addr, @len: as iosafe_getsockname.
 * Returns: 0, or -ENOTCONN, -ENOTSOCK, -EBADF, ... (getpeername(2)); -EBADF
 *   for a none borrow; -EINVAL for a NULL @addr or @len.
 * Follows: getpeername(2); rustix::net::getpeername.
 */
/*@
  requires borrow_ok: iosafe_fd_borrow_ok(sock.raw);
  assigns errno, *addr, *len;
  behavior none:
    assumes sock.raw < 0;
    assigns \nothing;
    ensures result_ebadf: \result == -EBADF;
  behavior null_arg:
    assumes sock.raw >= 0 && (addr == \null || len == \null);
    assigns \nothing;
    ensures result_einval: \result == -EINVAL;
  behavior call:
    assumes sock.raw >= 0 && addr != \null && len != \null;
    requires valid_addr: \valid(addr) && \valid(len) && \separated(addr, len);
    requires separated: \separated(addr, len, &errno);
    assigns errno, *addr, *len;
    ensures result: \result == 0 || iosafe_neg_errno(\result);
    ensures table_same: iosafe_fd_table_same{Pre, Post};
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_getpeername(iosafe_borrowed_fd sock IOSAFE_USES, struct sockaddr *addr,
		       socklen_t *len);

/**
 * iosafe_send: send bytes on a connected socket.
 * @sock: a borrow, used during the call only.
 * @buf: (not NULL unless @n is 0) @n readable bytes.
 * @flags: send(2) flags (MSG_NOSIGNAL, MSG_DONTWAIT, MSG_MORE, ...).
 * Returns: the number of bytes sent (possibly fewer than @n on a stream
 *   socket), or -EAGAIN, -EINTR, -EPIPE, -ECONNRESET, -EMSGSIZE, -ENOTCONN,
 *   -EDESTADDRREQ, -ENOTSOCK, -EBADF, ... (send(2)); -EBADF for a none
 *   borrow.
 * Follows: send(2); rustix::net::send.
 */
/*@
  requires borrow_ok: iosafe_fd_borrow_ok(sock.raw);
  assigns errno;
  behavior none:
    assumes sock.raw < 0;
    assigns \nothing;
    ensures result_ebadf: \result == -EBADF;
  behavior call:
    assumes sock.raw >= 0;
    requires valid_buf: \valid_read((char *)buf + (0 .. n - 1));
    assigns errno;
    ensures result: iosafe_neg_errno(\result) || 0 <= \result <= n;
    ensures table_same: iosafe_fd_table_same{Pre, Post};
  complete behaviors;
  disjoint behaviors;
*/
ssize_t iosafe_send(iosafe_borrowed_fd sock IOSAFE_USES, const void *buf, size_t n, int flags);
#if IOSAFE_INLINE_BODIES
IOSAFE_INLINE ssize_t iosafe_send(iosafe_borrowed_fd sock, const void *buf, size_t n, int flags)
{
	ssize_t r;

	if (sock.raw < 0)
		return -EBADF;
	r = send(sock.raw, buf, n, flags);
	if (r >= 0)
		return r;
	IOSAFE_ASSUME(errno > 0);
	return -errno;
}
#endif

/**
 * iosafe_recv: receive bytes from a socket.
 * @sock: a borrow, used during the call only.
 * @buf: (not NULL unless @n is 0) room for @n bytes.
 * @flags: recv(2) flags (MSG_PEEK, MSG_WAITALL, MSG_DONTWAIT, MSG_TRUNC).
 * Returns: the number of bytes received (0: the peer shut its side down,
 *   or a zero-length datagram; with MSG_TRUNC on a datagram socket the
 *   datagram's real length, possibly more than @n), or -EAGAIN, -EINTR,
 *   -ECONNREFUSED, -ENOTCONN, -ENOTSOCK, -EBADF, ... (recv(2)); -EBADF for
 *   a none borrow.
 * Follows: recv(2); rustix::net::recv.
 */
/*@
  requires borrow_ok: iosafe_fd_borrow_ok(sock.raw);
  assigns ((char *)buf)[0 .. n - 1], errno;
  behavior none:
    assumes sock.raw < 0;
    assigns \nothing;
    ensures result_ebadf: \result == -EBADF;
  behavior call:
    assumes sock.raw >= 0;
    requires valid_buf: \valid((char *)buf + (0 .. n - 1));
    requires separated: \separated((char *)buf + (0 .. n - 1), &errno);
    assigns ((char *)buf)[0 .. n - 1], errno;
    ensures result: iosafe_neg_errno(\result) || 0 <= \result;
    ensures table_same: iosafe_fd_table_same{Pre, Post};
  complete behaviors;
  disjoint behaviors;
*/
ssize_t iosafe_recv(iosafe_borrowed_fd sock IOSAFE_USES, void *buf, size_t n, int flags);
#if IOSAFE_INLINE_BODIES
IOSAFE_INLINE ssize_t iosafe_recv(iosafe_borrowed_fd sock, void *buf, size_t n, int flags)
{
	ssize_t r;

	if (sock.raw < 0)
		return -EBADF;
	r = recv(sock.raw, buf, n, flags);
	if (r >= 0)
		return r;
	IOSAFE_ASSUME(errno > 0);
	return -errno;
}
#endif

/**
 * iosafe_sendto: send a datagram (or bytes) to an address.
 * @sock: a borrow, used during the call only.
 * @buf, @n, @flags: as iosafe_send.
 * @addr: the destination, @len bytes; NULL (with @len 0) on a connected
 *   socket.
 * Returns: as iosafe_send; also -EISCONN, -EAFNOSUPPORT, -EINVAL (bad @len)
 *   (sendto(2)).
 * Follows: sendto(2); rustix::net::sendto.
 */
/*@
  requires borrow_ok: iosafe_fd_borrow_ok(sock.raw);
  assigns errno;
  behavior none:
    assumes sock.raw < 0;
    assigns \nothing;
    ensures result_ebadf: \result == -EBADF;
  behavior call:
    assumes sock.raw >= 0;
    requires valid_buf: \valid_read((char *)buf + (0 .. n - 1));
    requires valid_addr: addr == \null || \valid_read(addr);
    assigns errno;
    ensures result: iosafe_neg_errno(\result) || 0 <= \result <= n;
    ensures table_same: iosafe_fd_table_same{Pre, Post};
  complete behaviors;
  disjoint behaviors;
*/
ssize_t iosafe_sendto(iosafe_borrowed_fd sock IOSAFE_USES, const void *buf, size_t n,
		      int flags, const struct sockaddr *addr, socklen_t len);
#if IOSAFE_INLINE_BODIES
IOSAFE_INLINE ssize_t iosafe_sendto(iosafe_borrowed_fd sock, const void *buf, size_t n, int flags,
				    const struct sockaddr *addr, socklen_t len)
{
	ssize_t r;

	if (sock.raw < 0)
		return -EBADF;
	r = sendto(sock.raw, buf, n, flags, addr, len);
	return r < 0 ? -errno : r;
}
#endif

/**
 * iosafe_recvfrom: receive a datagram (or bytes) and the sender's address.
 * @sock, @buf, @n, @flags: as iosafe_recv.
 * @addr, @len: both NULL, or the buffer for the source address and its
 *   length (in: size of @addr; out: size of the address).
 * Returns: as iosafe_recv; -EINVAL when exactly one of @addr and @len is
 *   NULL.
 * Follows: recvfrom(2); rustix::net::recvfrom.
 */
/*@
  requires borrow_ok: iosafe_fd_borrow_ok(sock.raw);
  assigns ((char *)buf)[0 .. n - 1], errno, *addr, *len;
  behavior none:
    assumes sock.raw < 0;
    assigns \nothing;
    ensures result_ebadf: \result == -EBADF;
  behavior half_null:
    assumes sock.raw >= 0 && (addr == \null) != (len == \null);
    assigns \nothing;
    ensures result_einval: \result == -EINVAL;
  behavior call:
    assumes sock.raw >= 0 && (addr == \null) == (len == \null);
    requires valid_buf: \valid((char *)buf + (0 .. n - 1));
    requires valid_addr: addr == \null ||
      (\valid(addr) && \valid(len) && \separated(addr, len));
    requires separated: \separated((char *)buf + (0 .. n - 1), &errno);
    requires separated_addr: addr != \null ==>
      \separated(addr, len, &errno) &&
      \separated((char *)buf + (0 .. n - 1), addr, len);
    assigns ((char *)buf)[0 .. n - 1], errno, *addr, *len;
    ensures result: iosafe_neg_errno(\result) || 0 <= \result;
    ensures table_same: iosafe_fd_table_same{Pre, Post};
  complete behaviors;
  disjoint behaviors;
*/
ssize_t iosafe_recvfrom(iosafe_borrowed_fd sock IOSAFE_USES, void *buf, size_t n, int flags,
			struct sockaddr *addr, socklen_t *len);
#if IOSAFE_INLINE_BODIES
IOSAFE_INLINE ssize_t iosafe_recvfrom(iosafe_borrowed_fd sock, void *buf, size_t n, int flags,
				      struct sockaddr *addr, socklen_t *len)
{
	ssize_t r;

	if (sock.raw < 0)
		return -EBADF;
	if ((addr == NULL) != (len == NULL))
		return -EINVAL;
	r = recvfrom(sock.raw, buf, n, flags, addr, len);
	return r < 0 ? -errno : r;
}
#endif

/**
 * iosafe_sendmsg: send a message with scatter/gather buffers and control
 * data.  Descriptors in an SCM_RIGHTS control message stay the caller's
 * (the receiver gets duplicates; unix(7)); see iosafe_send_fds for the
 * common case.
 * @sock: a borrow, used during the call only.
 * @msg: (not NULL) the message (sendmsg(2)); only read.
 * Returns: the number of bytes sent, or a negative errno as iosafe_send
 *   (also -EINVAL for bad control data, -ETOOMANYREFS); -EBADF for a none
 *   borrow; -EINVAL for a NULL @msg.
 * Follows: sendmsg(2); rustix::net::sendmsg.
 */
/*@
  requires borrow_ok: iosafe_fd_borrow_ok(sock.raw);
  assigns errno;
  behavior none:
    assumes sock.raw < 0;
    assigns \nothing;
    ensures result_ebadf: \result == -EBADF;
  behavior null_msg:
    assumes sock.raw >= 0 && msg == \null;
    assigns \nothing;
    ensures result_einval: \result == -EINVAL;
  behavior call:
    assumes sock.raw >= 0 && msg != \null;
    requires valid_msg: \valid_read(msg);
    assigns errno;
    ensures result: iosafe_neg_errno(\result) || 0 <= \result;
    ensures table_same: iosafe_fd_table_same{Pre, Post};
  complete behaviors;
  disjoint behaviors;
*/
ssize_t iosafe_sendmsg(iosafe_borrowed_fd sock IOSAFE_USES, const struct msghdr *msg,
		       int flags);
#if IOSAFE_INLINE_BODIES
IOSAFE_INLINE ssize_t iosafe_sendmsg(iosafe_borrowed_fd sock, const struct msghdr *msg, int flags)
{
	ssize_t r;

	if (sock.raw < 0)
		return -EBADF;
	if (msg == NULL)
		return -EINVAL;
	r = sendmsg(sock.raw, msg, flags);
	return r < 0 ? -errno : r;
}
#endif

/**
 * iosafe_recvmsg: receive a message with scatter/gather buffers and control
 * data.  MSG_CMSG_CLOEXEC is always added to @flags: every descriptor that
 * arrives in an SCM_RIGHTS control message is close-on-exec, and owned by
 * the caller, who must take each one out of the control data and close it
 * (also when msg_flags has MSG_CTRUNC: the descriptors that fit did
 * arrive).  iosafe_recv_fds does all that.
 * @sock: a borrow, used during the call only.
 * @msg: (not NULL) the message buffers (recvmsg(2)); msg_namelen,
 *   msg_controllen and msg_flags are updated.
 * Returns: the number of bytes received, or a negative errno as
 *   iosafe_recv; -EBADF for a none borrow; -EINVAL for a NULL @msg.  No
 *   descriptor arrives on failure.
 * Follows: recvmsg(2), unix(7) SCM_RIGHTS; rustix::net::recvmsg.
 */
/*@
  requires borrow_ok: iosafe_fd_borrow_ok(sock.raw);
  assigns errno, msg->msg_namelen, msg->msg_controllen, msg->msg_flags,
    ((char *)msg->msg_name)[0 .. msg->msg_namelen - 1],
    ((char *)msg->msg_control)[0 .. msg->msg_controllen - 1],
    ((char *)msg->msg_iov[0 .. msg->msg_iovlen - 1].iov_base)[0 .. 0x7fffffffffffffff],
    iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
    iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1];
  behavior none:
    assumes sock.raw < 0;
    assigns \nothing;
    ensures result_ebadf: \result == -EBADF;
  behavior null_msg:
    assumes sock.raw >= 0 && msg == \null;
    assigns \nothing;
    ensures result_einval: \result == -EINVAL;
  behavior call:
    assumes sock.raw >= 0 && msg != \null;
    requires valid_msg: \valid(msg);
    requires separated: \separated(msg, &errno);
    ensures result: iosafe_neg_errno(\result) || 0 <= \result;
    ensures acquired: iosafe_fd_only_acquired{Pre, Post} &&
      iosafe_fd_new_cloexec{Pre, Post};
    ensures failed: \result < 0 ==> iosafe_fd_table_same{Pre, Post};
  complete behaviors;
  disjoint behaviors;
*/
ssize_t iosafe_recvmsg(iosafe_borrowed_fd sock IOSAFE_USES, struct msghdr *msg, int flags);
#if IOSAFE_INLINE_BODIES && defined(MSG_CMSG_CLOEXEC)
IOSAFE_INLINE ssize_t iosafe_recvmsg(iosafe_borrowed_fd sock, struct msghdr *msg, int flags)
{
	ssize_t r;

	if (sock.raw < 0)
		return -EBADF;
	if (msg == NULL)
		return -EINVAL;
	r = recvmsg(sock.raw, msg, flags | MSG_CMSG_CLOEXEC);
	return r < 0 ? -errno : r;
}
#endif

/**
 * iosafe_getsockopt: read a socket option.
 * @sock: a borrow, used during the call only.
 * @level, @name: as getsockopt(2) (SOL_SOCKET/SO_ERROR, IPPROTO_TCP/...).
 * @val: (not NULL) receives the value, at most *@len bytes.
 * @len: (not NULL) in: the size of @val; out: the size of the value.
 * Returns: 0, or -ENOPROTOOPT, -EINVAL, -ENOTSOCK, -EBADF, ...
 *   (getsockopt(2)); -EBADF for a none borrow; -EINVAL for a NULL @val or
 *   @len.
 * Follows: getsockopt(2); rustix::net::sockopt.
 */
/*@
  requires borrow_ok: iosafe_fd_borrow_ok(sock.raw);
  assigns errno, *len, ((char *)val)[0 .. *len - 1];
  behavior none:
    assumes sock.raw < 0;
    assigns \nothing;
    ensures result_ebadf: \result == -EBADF;
  behavior null_arg:
    assumes sock.raw >= 0 && (val == \null || len == \null);
    assigns \nothing;
    ensures result_einval: \result == -EINVAL;
  behavior call:
    assumes sock.raw >= 0 && val != \null && len != \null;
    requires valid_len: \valid(len) && \separated(len, &errno);
    requires valid_val: \valid((char *)val + (0 .. *len - 1));
    requires separated: \separated(len, (char *)val + (0 .. *len - 1)) &&
      \separated(&errno, (char *)val + (0 .. *len - 1));
    assigns errno, *len, ((char *)val)[0 .. *len - 1];
    ensures result: \result == 0 || iosafe_neg_errno(\result);
    ensures table_same: iosafe_fd_table_same{Pre, Post};
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_getsockopt(iosafe_borrowed_fd sock IOSAFE_USES, int level, int name, void *val,
		      socklen_t *len);

/**
 * iosafe_setsockopt: set a socket option.
 * @sock: a borrow, used during the call only.
 * @level, @name: as setsockopt(2).
 * @val: (not NULL) the value, @len bytes.
 * Returns: 0, or -ENOPROTOOPT, -EINVAL, -ENOTSOCK, -EBADF, -EPERM, ...
 *   (setsockopt(2)); -EBADF for a none borrow; -EINVAL for a NULL @val.
 * Follows: setsockopt(2); rustix::net::sockopt.
 */
/*@
  requires borrow_ok: iosafe_fd_borrow_ok(sock.raw);
  assigns errno;
  behavior none:
    assumes sock.raw < 0;
    assigns \nothing;
    ensures result_ebadf: \result == -EBADF;
  behavior null_val:
    assumes sock.raw >= 0 && val == \null;
    assigns \nothing;
    ensures result_einval: \result == -EINVAL;
  behavior call:
    assumes sock.raw >= 0 && val != \null;
    requires valid_val: \valid_read((char *)val + (0 .. len - 1));
    assigns errno;
    ensures result: \result == 0 || iosafe_neg_errno(\result);
    ensures table_same: iosafe_fd_table_same{Pre, Post};
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_setsockopt(iosafe_borrowed_fd sock IOSAFE_USES, int level, int name,
		      const void *val, socklen_t len);

/*
 * The connection constructors below make a socket, configure it, bind or
 * connect it (and listen), and on any failing step close what they made:
 * *@out is none and nothing leaks (file-descriptors' server and client
 * constructors; the classic leak of a socket whose bind fails).
 *
 * @out: (not NULL) receives the socket; none on failure.
 * @addr: (not NULL) the local (listen, bind) or remote (connect) address,
 *   @len bytes; its sa_family is the socket's domain (AF_INET, AF_INET6,
 *   AF_UNIX).
 * @flags: IOSAFE_SOCK_REUSEADDR (SO_REUSEADDR, socket(7)),
 *   IOSAFE_SOCK_NONBLOCK (SOCK_NONBLOCK), IOSAFE_SOCK_V6ONLY (IPV6_V6ONLY,
 *   ipv6(7); only with an AF_INET6 @addr).  Other bits: -EINVAL.
 * Returns: 0, or the negative errno of the step that failed (socket(2),
 *   setsockopt(2), bind(2), listen(2), connect(2)): -EADDRINUSE,
 *   -EACCES, -ECONNREFUSED, -EAFNOSUPPORT, -EMFILE, -ENFILE, -EINTR, ...;
 *   -EINVAL for a NULL @out or @addr, unknown @flags, or V6ONLY with an
 *   address that is not AF_INET6.
 */

/**
 * iosafe_tcp_listen: a listening TCP (or Unix stream) socket: socket(SOCK_STREAM), options, bind(2), listen(2) with @backlog.
 * @out, @addr, @len, @flags, Returns: as described above.
 * @backlog: as listen(2).
 * Follows: socket(2), bind(2), listen(2), connect(2); Rust's std::net::TcpListener::bind; file-descriptors' TcpListener.
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
  behavior bad_args:
    assumes out != \null && (addr == \null || (flags & ~IOSAFE_SOCK_FLAGS_ALL) != 0);
    requires valid_out: \valid(out);
    assigns out->raw;
    ensures out_none: out->raw == IOSAFE_RAW_NONE;
    ensures result_einval: \result == -EINVAL;
    ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior call:
    assumes out != \null && addr != \null && (flags & ~IOSAFE_SOCK_FLAGS_ALL) == 0;
    requires valid_out: \valid(out);
    requires valid_addr: \valid_read(addr);
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
int iosafe_tcp_listen(iosafe_owned_fd *out IOSAFE_ACQUIRES, const struct sockaddr *addr,
		      socklen_t len, int backlog, unsigned flags);

/**
 * iosafe_tcp_connect: a connected TCP (or Unix stream) socket: socket(SOCK_STREAM), options, connect(2).  With IOSAFE_SOCK_NONBLOCK a connection still being made (EINPROGRESS) is a success: wait until the socket is writable and read SO_ERROR (connect(2)).
 * @out, @addr, @len, @flags, Returns: as described above.
 * Follows: socket(2), bind(2), listen(2), connect(2); Rust's std::net::TcpStream::connect.
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
  behavior bad_args:
    assumes out != \null && (addr == \null || (flags & ~IOSAFE_SOCK_FLAGS_ALL) != 0);
    requires valid_out: \valid(out);
    assigns out->raw;
    ensures out_none: out->raw == IOSAFE_RAW_NONE;
    ensures result_einval: \result == -EINVAL;
    ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior call:
    assumes out != \null && addr != \null && (flags & ~IOSAFE_SOCK_FLAGS_ALL) == 0;
    requires valid_out: \valid(out);
    requires valid_addr: \valid_read(addr);
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
int iosafe_tcp_connect(iosafe_owned_fd *out IOSAFE_ACQUIRES, const struct sockaddr *addr,
		       socklen_t len, unsigned flags);

/**
 * iosafe_udp_bind: a bound UDP (or Unix datagram) socket: socket(SOCK_DGRAM), options, bind(2).
 * @out, @addr, @len, @flags, Returns: as described above.
 * Follows: socket(2), bind(2), listen(2), connect(2); Rust's std::net::UdpSocket::bind.
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
  behavior bad_args:
    assumes out != \null && (addr == \null || (flags & ~IOSAFE_SOCK_FLAGS_ALL) != 0);
    requires valid_out: \valid(out);
    assigns out->raw;
    ensures out_none: out->raw == IOSAFE_RAW_NONE;
    ensures result_einval: \result == -EINVAL;
    ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior call:
    assumes out != \null && addr != \null && (flags & ~IOSAFE_SOCK_FLAGS_ALL) == 0;
    requires valid_out: \valid(out);
    requires valid_addr: \valid_read(addr);
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
int iosafe_udp_bind(iosafe_owned_fd *out IOSAFE_ACQUIRES, const struct sockaddr *addr,
		    socklen_t len, unsigned flags);

/**
 * iosafe_udp_connect: a UDP (or Unix datagram) socket connected to @addr (its default destination and the only source it receives from): socket(SOCK_DGRAM), options, connect(2).
 * @out, @addr, @len, @flags, Returns: as described above.
 * Follows: socket(2), bind(2), listen(2), connect(2); Rust's std::net::UdpSocket::connect.
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
  behavior bad_args:
    assumes out != \null && (addr == \null || (flags & ~IOSAFE_SOCK_FLAGS_ALL) != 0);
    requires valid_out: \valid(out);
    assigns out->raw;
    ensures out_none: out->raw == IOSAFE_RAW_NONE;
    ensures result_einval: \result == -EINVAL;
    ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior call:
    assumes out != \null && addr != \null && (flags & ~IOSAFE_SOCK_FLAGS_ALL) == 0;
    requires valid_out: \valid(out);
    requires valid_addr: \valid_read(addr);
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
int iosafe_udp_connect(iosafe_owned_fd *out IOSAFE_ACQUIRES, const struct sockaddr *addr,
		       socklen_t len, unsigned flags);

/**
 * iosafe_tcp_connect_host: resolve @host and @port and connect to the first
 * address that accepts, trying each address getaddrinfo(3) returns in turn
 * (at most IOSAFE_CONNECT_HOST_MAX); the socket of every failed attempt is
 * closed before the next (the leak the getaddrinfo(3) EXAMPLES loop invites).
 * @out: (not NULL) receives the connected socket; none on failure.
 * @host: (not NULL) a host name or numeric address ("127.0.0.1", "::1").
 * @port: (not NULL) a service name or port number ("80", "http").
 * @flags: as iosafe_tcp_connect (IOSAFE_SOCK_V6ONLY: only AF_INET6
 *   addresses are tried).
 * Returns: 0, or the negative errno of the last attempt (-ECONNREFUSED,
 *   -ETIMEDOUT, -ENETUNREACH, -EMFILE, -EINTR, ...); for a failed
 *   resolution: -ENOENT (EAI_NONAME, EAI_NODATA, EAI_ADDRFAMILY,
 *   EAI_SERVICE: no such host or service), -EAGAIN (EAI_AGAIN), -ENOMEM
 *   (EAI_MEMORY), the errno of EAI_SYSTEM, -EIO (EAI_FAIL and any other
 *   code); -EINVAL for a NULL argument or unknown @flags.
 * Descriptors: getaddrinfo(3) may leave descriptors of the C library's own
 *   open (a resolver socket); none of them is ever owned by the caller.
 * Follows: getaddrinfo(3), connect(2); Rust's std::net::TcpStream::connect
 *   with a (host, port) address.
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
  behavior bad_args:
    assumes out != \null && (host == \null || port == \null ||
      (flags & ~IOSAFE_SOCK_FLAGS_ALL) != 0);
    requires valid_out: \valid(out);
    assigns out->raw;
    ensures out_none: out->raw == IOSAFE_RAW_NONE;
    ensures result_einval: \result == -EINVAL;
    ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior call:
    assumes out != \null && host != \null && port != \null &&
      (flags & ~IOSAFE_SOCK_FLAGS_ALL) == 0;
    requires valid_out: \valid(out);
    requires valid_strings: \valid_read(host) && \valid_read(port);
    assigns out->raw, errno, iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
      iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1];
    ensures acquired: \result == 0 ==>
      out->raw >= 0 && iosafe_fd_is_owned(out->raw) && iosafe_fd_is_cloexec(out->raw);
    ensures acquired_new: \result == 0 ==> iosafe_fd_is_closed{Pre}(out->raw);
    ensures acquired_rest: \result == 0 ==>
      iosafe_fd_only_unowned_added_except{Pre, Post}(out->raw);
    ensures failed: \result != 0 ==>
      iosafe_neg_errno(\result) && out->raw == IOSAFE_RAW_NONE &&
      iosafe_fd_only_unowned_added{Pre, Post};
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_tcp_connect_host(iosafe_owned_fd *out IOSAFE_ACQUIRES, const char *host,
			    const char *port, unsigned flags);

/**
 * iosafe_send_fds: send bytes and descriptors (one SCM_RIGHTS message) on a
 * Unix domain socket.  The descriptors are borrowed: they stay open and the
 * caller's; the receiver gets its own duplicates (unix(7)).
 * @sock: a borrow of an AF_UNIX socket, used during the call only.
 * @buf: (not NULL) @n readable bytes, @n at least 1 (a stream socket
 *   carries control data only with at least one byte, unix(7)).
 * @fds: (not NULL unless @nfds is 0) @nfds borrows, none of them none.
 * @nfds: at most IOSAFE_SCM_MAX_FDS (253, SCM_MAX_FD).
 * @flags: sendmsg(2) flags (MSG_NOSIGNAL, MSG_DONTWAIT).
 * Returns: the number of bytes sent (the descriptors went with the first
 *   byte), or -EAGAIN, -EINTR, -EPIPE, -ECONNRESET, -ETOOMANYREFS, -EBADF
 *   (a descriptor in @fds is not open), -ENOTSOCK, ... (sendmsg(2),
 *   unix(7)); -EBADF for a none @sock or a none entry of @fds; -EINVAL for
 *   a NULL @buf, @n 0, a NULL @fds with @nfds > 0, or more than
 *   IOSAFE_SCM_MAX_FDS descriptors.
 * Follows: sendmsg(2), unix(7) SCM_RIGHTS, cmsg(3); rustix::net::sendmsg
 *   with SendAncillaryMessage::ScmRights.
 */
/*@
  requires borrow_ok: iosafe_fd_borrow_ok(sock.raw);
  requires fds_ok: nfds <= IOSAFE_SCM_MAX_FDS && fds != \null ==>
    \valid_read(fds + (0 .. nfds - 1)) &&
    \forall integer i; 0 <= i < nfds ==> iosafe_fd_borrow_ok(fds[i].raw);
  assigns errno;
  behavior none:
    assumes sock.raw < 0;
    assigns \nothing;
    ensures result_ebadf: \result == -EBADF;
  behavior bad_args:
    assumes sock.raw >= 0 && (buf == \null || n == 0 ||
      (nfds > 0 && fds == \null) || nfds > IOSAFE_SCM_MAX_FDS);
    assigns \nothing;
    ensures result_einval: \result == -EINVAL;
  behavior call:
    assumes sock.raw >= 0 && buf != \null && n > 0 &&
      !(nfds > 0 && fds == \null) && nfds <= IOSAFE_SCM_MAX_FDS;
    requires valid_buf: \valid_read((char *)buf + (0 .. n - 1));
    assigns errno;
    ensures result: iosafe_neg_errno(\result) || 0 <= \result;
    ensures none_fd: (\exists integer i; 0 <= i < nfds && fds[i].raw < 0) ==>
      \result == -EBADF;
    ensures table_same: iosafe_fd_table_same{Pre, Post};
  complete behaviors;
  disjoint behaviors;
*/
ssize_t iosafe_send_fds(iosafe_borrowed_fd sock IOSAFE_USES, const void *buf, size_t n,
			const iosafe_borrowed_fd *fds IOSAFE_USES, size_t nfds, int flags);

/**
 * iosafe_recv_fds: receive bytes and the descriptors sent with them
 * (SCM_RIGHTS) on a Unix domain socket.
 * @sock: a borrow of an AF_UNIX socket, used during the call only.
 * @buf: (not NULL) room for @n bytes, @n at least 1.
 * @fds: (not NULL unless @max is 0) room for @max owners; on success
 *   fds[0 .. *@nfds - 1] own the received descriptors (close-on-exec,
 *   MSG_CMSG_CLOEXEC) and the rest are none; on failure all @max are none.
 *   What they held before is overwritten, not closed.
 * @max: the most descriptors accepted (more than IOSAFE_SCM_MAX_FDS is
 *   treated as IOSAFE_SCM_MAX_FDS: one message never carries more).
 * @nfds: (not NULL) receives the number of descriptors received; 0 on
 *   failure.
 * @flags: recvmsg(2) flags (MSG_DONTWAIT, MSG_WAITALL); MSG_CMSG_CLOEXEC is
 *   always added.
 * Returns: the number of bytes received (0 and no descriptor: the peer
 *   closed), or -EMSGSIZE when more descriptors arrived than @max, or the
 *   kernel truncated the control data (MSG_CTRUNC): then every descriptor
 *   that did arrive has been closed, nothing is owned, and the bytes of
 *   that message are consumed; -EAGAIN, -EINTR, -ECONNRESET, -ENOTSOCK,
 *   -EBADF, ... (recvmsg(2)); -EBADF for a none @sock; -EINVAL for a NULL
 *   @buf or @nfds, @n 0, or a NULL @fds with @max > 0.  Descriptors that
 *   arrive in other control messages (SCM_PIDFD of SO_PASSPIDFD) are
 *   closed; other control data (SCM_CREDENTIALS) is skipped.
 * Follows: recvmsg(2), unix(7) SCM_RIGHTS, cmsg(3); rustix::net::recvmsg
 *   with RecvAncillaryBuffer (which panics where this returns -EMSGSIZE).
 * Proof: src/net_fds.c walks the control data as bytes, as the trusted
 *   contract of recvmsg(2) describes it (acsl/iosafe_posix_net.h); every
 *   function of the walk is proved (proofs/README.md).  The assigns
 *   clause names every byte from @buf on, as that contract does (the
 *   kernel writes at most @n; the model has no per-buffer length).
 */
/*@
  requires borrow_ok: iosafe_fd_borrow_ok(sock.raw);
  requires valid_nfds: nfds == \null || \valid(nfds);
  requires valid_fds: fds == \null || \valid(fds + (0 .. max - 1));
  requires separated: (nfds == \null || \separated(nfds, &errno)) &&
    (fds == \null || \separated(fds + (0 .. max - 1), &errno)) &&
    (fds == \null || nfds == \null || \separated(fds + (0 .. max - 1), nfds));
  assigns errno, *nfds, fds[0 .. max - 1], ((char *)buf)[0 .. 0x7fffffffffffffff],
    iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
    iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1];
  ensures all_none_on_failure: \result < 0 && fds != \null ==>
    \forall integer i; 0 <= i < max ==> fds[i].raw == IOSAFE_RAW_NONE;
  ensures failed: \result < 0 ==>
    iosafe_neg_errno(\result) && iosafe_fd_table_same{Pre, Post} &&
    (nfds != \null ==> *nfds == 0);
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
ssize_t iosafe_recv_fds(iosafe_borrowed_fd sock IOSAFE_USES, void *buf, size_t n,
			iosafe_owned_fd *fds IOSAFE_ACQUIRES, size_t max, size_t *nfds,
			int flags);

/**
 * iosafe_peer_cred: the credentials of the process at the other end of a
 * connected Unix domain socket, as they were when it called connect(2) or
 * socketpair(2).
 * @sock: a borrow of an AF_UNIX stream or seqpacket socket, used during the
 *   call only.
 * @cred: (not NULL) receives pid, uid and gid (struct ucred, unix(7); define
 *   _GNU_SOURCE before <sys/socket.h> to see its fields).
 * Returns: 0, or -ENOTSOCK, -ENOPROTOOPT, -EBADF, ... (getsockopt(2),
 *   SO_PEERCRED in unix(7)); -EBADF for a none borrow; -EINVAL for a NULL
 *   @cred; -EIO when the kernel returns a value of another size.
 * Follows: unix(7) SO_PEERCRED; rustix::net::sockopt::socket_peercred.
 */
/*@
  requires borrow_ok: iosafe_fd_borrow_ok(sock.raw);
  assigns errno, *cred;
  behavior none:
    assumes sock.raw < 0;
    assigns \nothing;
    ensures result_ebadf: \result == -EBADF;
  behavior null_cred:
    assumes sock.raw >= 0 && cred == \null;
    assigns \nothing;
    ensures result_einval: \result == -EINVAL;
  behavior call:
    assumes sock.raw >= 0 && cred != \null;
    requires valid_cred: \valid(cred) && \separated(cred, &errno);
    assigns errno, *cred;
    ensures result: \result == 0 || iosafe_neg_errno(\result);
    ensures table_same: iosafe_fd_table_same{Pre, Post};
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_peer_cred(iosafe_borrowed_fd sock IOSAFE_USES, struct ucred *cred);

#ifdef __cplusplus
}
#endif

#endif /* IOSAFE_NET_H */
