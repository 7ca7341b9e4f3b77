/* SPDX-License-Identifier: MIT */
/*
 * tests/unit/test_net.c: include/iosafe/net.h, src/net.c and src/net_fds.c.
 * Every call on real sockets, loopback only (127.0.0.1, ::1, AF_UNIX
 * socketpairs): success, the documented errors, close-on-exec of every
 * descriptor created or received, EMFILE under a lowered RLIMIT_NOFILE,
 * EINTR on blocking calls, truncated SCM_RIGHTS, a peer that closes.
 * NOLEAK_TEST compares the descriptor table after each test (helpers.h).
 * Longer than the project's ~600-line guide: one file per family, and the
 * socket family has 23 functions, each with its success and error cases.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

#include <iosafe/iosafe.h>

#include "helpers.h"

/* valgrind applies its own descriptor limit (helpers.h, fd_table_fill) only
 * to the calls its wrappers check: not to socketpair(2) (measured: it
 * succeeds with the table full) nor to descriptors installed by recvmsg(2).  Those two EMFILE cases can
 * only be made without it. */
#if defined(__has_include)
#  if __has_include(<valgrind/valgrind.h>)
#    include <valgrind/valgrind.h>
#    define UNDER_VALGRIND() (RUNNING_ON_VALGRIND != 0)
#  endif
#endif
#ifndef UNDER_VALGRIND
#  define UNDER_VALGRIND() 0
#endif

/* An owner holding a number that must be overwritten, never closed. */
#define GARBAGE 4242

static void assert_owned_cloexec(const iosafe_owned_fd *fd)
{
	cr_assert_geq(fd->raw, 0);
	cr_assert(fd_is_open(fd->raw));
	cr_assert(fd_is_cloexec(fd->raw), "fd %d is not close-on-exec", fd->raw);
}

static iosafe_borrowed_fd B(const iosafe_owned_fd *fd)
{
	return iosafe_fd_borrow(fd);
}

static struct sockaddr_in loopback4(unsigned short port)
{
	struct sockaddr_in a;

	memset(&a, 0, sizeof(a));
	a.sin_family = AF_INET;
	a.sin_port = htons(port);
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	return a;
}

/* The port a bound socket got. */
static unsigned short bound_port(const iosafe_owned_fd *fd)
{
	struct sockaddr_storage ss;
	socklen_t len = sizeof(ss);

	cr_assert_eq(iosafe_getsockname(B(fd), (struct sockaddr *)&ss, &len), 0);
	if (ss.ss_family == AF_INET6)
		return ntohs(((struct sockaddr_in6 *)&ss)->sin6_port);
	return ntohs(((struct sockaddr_in *)&ss)->sin_port);
}

/* A 127.0.0.1 listener on a free port. */
static void listener4(iosafe_owned_fd *l, unsigned short *port)
{
	struct sockaddr_in a = loopback4(0);

	cr_assert_eq(iosafe_tcp_listen(l, (struct sockaddr *)&a, sizeof(a), 8, 0), 0);
	*port = bound_port(l);
}

/* A 127.0.0.1 port on which nothing listens: *hold is a TCP socket bound to
 * it that does not listen, kept open by the caller until the test ends, so
 * that a connect(2) to the port is refused (ECONNREFUSED) and no other
 * process can take the port meanwhile (tests running side by side). */
static unsigned short closed_port(iosafe_owned_fd *hold)
{
	struct sockaddr_in a = loopback4(0);

	cr_assert_eq(iosafe_socket(hold, AF_INET, SOCK_STREAM, 0), 0);
	cr_assert_eq(iosafe_bind(B(hold), (struct sockaddr *)&a, sizeof(a)), 0);
	return bound_port(hold);
}

static int flags_of(int fd)
{
	int fl = fcntl(fd, F_GETFL);

	cr_assert_geq(fl, 0);
	return fl;
}

/* SIGALRM after @ms milliseconds, with a handler and without SA_RESTART, so
 * that a blocking call it interrupts fails with EINTR (signal(7)). */
static void on_alarm(int sig)
{
	(void)sig;
}

static void alarm_in(long ms)
{
	struct sigaction sa;
	struct itimerval it;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_alarm;
	sa.sa_flags = 0;
	sigemptyset(&sa.sa_mask);
	cr_assert_eq(sigaction(SIGALRM, &sa, NULL), 0);
	memset(&it, 0, sizeof(it));
	it.it_value.tv_sec = ms / 1000;
	it.it_value.tv_usec = (ms % 1000) * 1000;
	cr_assert_eq(setitimer(ITIMER_REAL, &it, NULL), 0);
}

/* ---- socketpair ------------------------------------------------------------ */

NOLEAK_TEST(net, socketpair_succeeds_cloexec_and_talks)
{
	iosafe_owned_fd a = { GARBAGE }, b = { GARBAGE };
	char buf[4] = { 0 };

	cr_assert_eq(iosafe_socketpair(&a, &b, AF_UNIX, SOCK_STREAM, 0), 0);
	assert_owned_cloexec(&a);
	assert_owned_cloexec(&b);
	cr_assert_eq(iosafe_send(B(&a), "ping", 4, MSG_NOSIGNAL), 4);
	cr_assert_eq(iosafe_recv(B(&b), buf, 4, 0), 4);
	cr_assert_arr_eq(buf, "ping", 4);
	cr_assert_eq(iosafe_fd_close(&a), 0);
	cr_assert_eq(iosafe_fd_close(&b), 0);
	/* SOCK_NONBLOCK is kept; SOCK_CLOEXEC is added. */
	cr_assert_eq(iosafe_socketpair(&a, &b, AF_UNIX, SOCK_DGRAM | SOCK_NONBLOCK, 0), 0);
	cr_assert(flags_of(a.raw) & O_NONBLOCK);
	assert_owned_cloexec(&a);
	cr_assert_eq(iosafe_recv(B(&a), buf, 4, 0), -EAGAIN);
	iosafe_fd_drop(&a);
	iosafe_fd_drop(&b);
}

NOLEAK_TEST(net, socketpair_bad_arguments_and_errors)
{
	iosafe_owned_fd a = { GARBAGE }, b = { GARBAGE };

	cr_assert_eq(iosafe_socketpair(NULL, &b, AF_UNIX, SOCK_STREAM, 0), -EINVAL);
	cr_assert(iosafe_fd_is_none(&b));
	a.raw = GARBAGE;
	cr_assert_eq(iosafe_socketpair(&a, NULL, AF_UNIX, SOCK_STREAM, 0), -EINVAL);
	cr_assert(iosafe_fd_is_none(&a));
	a.raw = GARBAGE;
	cr_assert_eq(iosafe_socketpair(&a, &a, AF_UNIX, SOCK_STREAM, 0), -EINVAL);
	cr_assert(iosafe_fd_is_none(&a));
	/* socketpair(2): AF_INET pairs do not exist. */
	a.raw = b.raw = GARBAGE;
	cr_assert_eq(iosafe_socketpair(&a, &b, AF_INET, SOCK_STREAM, 0), -EOPNOTSUPP);
	cr_assert(iosafe_fd_is_none(&a) && iosafe_fd_is_none(&b));
	cr_assert_eq(iosafe_socketpair(&a, &b, 12345, SOCK_STREAM, 0), -EAFNOSUPPORT);
	cr_assert(iosafe_fd_is_none(&a) && iosafe_fd_is_none(&b));
}

NOLEAK_TEST(net, socketpair_emfile_with_one_free_number)
{
	iosafe_owned_fd a = { GARBAGE }, b = { GARBAGE };
	struct fd_filler f;
	int rc;

	if (UNDER_VALGRIND())
		cr_skip_test("valgrind does not apply its descriptor limit to socketpair(2) "
			     "(see UNDER_VALGRIND)");
	fd_table_fill(&f, 0);
	rc = iosafe_socketpair(&a, &b, AF_UNIX, SOCK_STREAM, 0);
	fd_table_unfill(&f);
	cr_assert_eq(rc, -EMFILE, "rc %d (%s)", rc, strerror(-rc));
	cr_assert(iosafe_fd_is_none(&a) && iosafe_fd_is_none(&b));
	/* One free number: the first end fits, the second does not; neither
	 * is left open. */
	a.raw = b.raw = GARBAGE;
	fd_table_fill(&f, 1);
	rc = iosafe_socketpair(&a, &b, AF_UNIX, SOCK_STREAM, 0);
	fd_table_unfill(&f);
	cr_assert_eq(rc, -EMFILE, "rc %d (%s)", rc, strerror(-rc));
	cr_assert(iosafe_fd_is_none(&a) && iosafe_fd_is_none(&b));
}

/* ---- bind, listen, connect, accept, names ------------------------------ */

NOLEAK_TEST(net, bind_listen_connect_accept_on_loopback)
{
	iosafe_owned_fd l = IOSAFE_FD_NONE, c = IOSAFE_FD_NONE, s = IOSAFE_FD_NONE;
	struct sockaddr_in a = loopback4(0), peer;
	socklen_t len = sizeof(peer);
	unsigned short port;
	char buf[3];

	cr_assert_eq(iosafe_socket(&l, AF_INET, SOCK_STREAM, 0), 0);
	cr_assert_eq(iosafe_bind(B(&l), (struct sockaddr *)&a, sizeof(a)), 0);
	cr_assert_eq(iosafe_listen(B(&l), 4), 0);
	port = bound_port(&l);
	cr_assert_neq(port, 0);
	a = loopback4(port);
	cr_assert_eq(iosafe_socket(&c, AF_INET, SOCK_STREAM, 0), 0);
	cr_assert_eq(iosafe_connect(B(&c), (struct sockaddr *)&a, sizeof(a)), 0);
	cr_assert_eq(iosafe_accept(&s, B(&l), NULL, NULL, 0), 0);
	assert_owned_cloexec(&s);
	cr_assert_eq(iosafe_getpeername(B(&c), (struct sockaddr *)&peer, &len), 0);
	cr_assert_eq(len, sizeof(peer));
	cr_assert_eq(ntohs(peer.sin_port), port);
	cr_assert_eq(iosafe_send(B(&c), "abc", 3, MSG_NOSIGNAL), 3);
	cr_assert_eq(iosafe_recv(B(&s), buf, 3, MSG_WAITALL), 3);
	cr_assert_arr_eq(buf, "abc", 3);
	/* shutdown(SHUT_WR): the peer reads end of file; the fd stays open. */
	cr_assert_eq(iosafe_shutdown(B(&c), SHUT_WR), 0);
	cr_assert(fd_is_open(c.raw));
	cr_assert_eq(iosafe_recv(B(&s), buf, 3, 0), 0);
	iosafe_fd_drop(&s);
	iosafe_fd_drop(&c);
	iosafe_fd_drop(&l);
}

NOLEAK_TEST(net, bind_errors)
{
	iosafe_owned_fd s = IOSAFE_FD_NONE, t = IOSAFE_FD_NONE, file = IOSAFE_FD_NONE;
	struct sockaddr_in a = loopback4(0);

	cr_assert_eq(iosafe_bind(iosafe_fd_borrow_raw(-1), (struct sockaddr *)&a, sizeof(a)),
		     -EBADF);
	cr_assert_eq(iosafe_bind(iosafe_fd_borrow_raw(fd_not_open()), (struct sockaddr *)&a,
				 sizeof(a)),
		     -EBADF);
	cr_assert_eq(iosafe_open(&file, "/dev/null", O_RDONLY, 0), 0);
	cr_assert_eq(iosafe_bind(B(&file), (struct sockaddr *)&a, sizeof(a)), -ENOTSOCK);
	cr_assert_eq(iosafe_socket(&s, AF_INET, SOCK_STREAM, 0), 0);
	cr_assert_eq(iosafe_bind(B(&s), NULL, sizeof(a)), -EINVAL);
	cr_assert_eq(iosafe_bind(B(&s), (struct sockaddr *)&a, 3), -EINVAL);
	cr_assert_eq(iosafe_bind(B(&s), (struct sockaddr *)&a, sizeof(a)), 0);
	/* Bound already. */
	cr_assert_eq(iosafe_bind(B(&s), (struct sockaddr *)&a, sizeof(a)), -EINVAL);
	cr_assert_eq(iosafe_listen(B(&s), 1), 0);
	/* The same port again: in use. */
	a = loopback4(bound_port(&s));
	cr_assert_eq(iosafe_socket(&t, AF_INET, SOCK_STREAM, 0), 0);
	cr_assert_eq(iosafe_bind(B(&t), (struct sockaddr *)&a, sizeof(a)), -EADDRINUSE);
	iosafe_fd_drop(&t);
	iosafe_fd_drop(&s);
	iosafe_fd_drop(&file);
}

NOLEAK_TEST(net, listen_and_shutdown_errors)
{
	iosafe_owned_fd u = IOSAFE_FD_NONE, t = IOSAFE_FD_NONE, file = IOSAFE_FD_NONE;

	cr_assert_eq(iosafe_listen(iosafe_fd_borrow_raw(-1), 1), -EBADF);
	cr_assert_eq(iosafe_shutdown(iosafe_fd_borrow_raw(-1), SHUT_RDWR), -EBADF);
	cr_assert_eq(iosafe_open(&file, "/dev/null", O_RDONLY, 0), 0);
	cr_assert_eq(iosafe_listen(B(&file), 1), -ENOTSOCK);
	cr_assert_eq(iosafe_shutdown(B(&file), SHUT_RDWR), -ENOTSOCK);
	cr_assert_eq(iosafe_socket(&u, AF_INET, SOCK_DGRAM, 0), 0);
	cr_assert_eq(iosafe_listen(B(&u), 1), -EOPNOTSUPP);
	cr_assert_eq(iosafe_socket(&t, AF_INET, SOCK_STREAM, 0), 0);
	cr_assert_eq(iosafe_shutdown(B(&t), SHUT_RDWR), -ENOTCONN);
	iosafe_fd_drop(&t);
	iosafe_fd_drop(&u);
	iosafe_fd_drop(&file);
}

NOLEAK_TEST(net, connect_errors)
{
	iosafe_owned_fd s = IOSAFE_FD_NONE, file = IOSAFE_FD_NONE, hold = IOSAFE_FD_NONE;
	struct sockaddr_in a = loopback4(closed_port(&hold));

	cr_assert_eq(iosafe_connect(iosafe_fd_borrow_raw(-1), (struct sockaddr *)&a, sizeof(a)),
		     -EBADF);
	cr_assert_eq(iosafe_open(&file, "/dev/null", O_RDONLY, 0), 0);
	cr_assert_eq(iosafe_connect(B(&file), (struct sockaddr *)&a, sizeof(a)), -ENOTSOCK);
	cr_assert_eq(iosafe_socket(&s, AF_INET, SOCK_STREAM, 0), 0);
	cr_assert_eq(iosafe_connect(B(&s), NULL, sizeof(a)), -EINVAL);
	cr_assert_eq(iosafe_connect(B(&s), (struct sockaddr *)&a, sizeof(a)), -ECONNREFUSED);
	iosafe_fd_drop(&s);
	iosafe_fd_drop(&file);
	iosafe_fd_drop(&hold);
}

NOLEAK_TEST(net, accept_on_a_socket_that_does_not_listen_is_einval)
{
	iosafe_owned_fd s = IOSAFE_FD_NONE, a = { GARBAGE };
	struct sockaddr_in addr = loopback4(0);

	/* Bound but not listening (accept(2) EINVAL). */
	cr_assert_eq(iosafe_udp_bind(&s, (struct sockaddr *)&addr, sizeof(addr), 0), 0);
	cr_assert_eq(iosafe_accept(&a, B(&s), NULL, NULL, 0), -EOPNOTSUPP);
	cr_assert(iosafe_fd_is_none(&a));
	iosafe_fd_drop(&s);
	cr_assert_eq(iosafe_socket(&s, AF_INET, SOCK_STREAM, 0), 0);
	cr_assert_eq(iosafe_bind(B(&s), (struct sockaddr *)&addr, sizeof(addr)), 0);
	a.raw = GARBAGE;
	cr_assert_eq(iosafe_accept(&a, B(&s), NULL, NULL, 0), -EINVAL);
	cr_assert(iosafe_fd_is_none(&a));
	iosafe_fd_drop(&s);
}

NOLEAK_TEST(net, getsockname_getpeername_errors)
{
	iosafe_owned_fd s = IOSAFE_FD_NONE;
	struct sockaddr_in a;
	socklen_t len = sizeof(a);

	cr_assert_eq(iosafe_getsockname(iosafe_fd_borrow_raw(-1), (struct sockaddr *)&a, &len),
		     -EBADF);
	cr_assert_eq(iosafe_getpeername(iosafe_fd_borrow_raw(-1), (struct sockaddr *)&a, &len),
		     -EBADF);
	cr_assert_eq(iosafe_socket(&s, AF_INET, SOCK_STREAM, 0), 0);
	cr_assert_eq(iosafe_getsockname(B(&s), NULL, &len), -EINVAL);
	cr_assert_eq(iosafe_getsockname(B(&s), (struct sockaddr *)&a, NULL), -EINVAL);
	cr_assert_eq(iosafe_getpeername(B(&s), NULL, &len), -EINVAL);
	cr_assert_eq(iosafe_getpeername(B(&s), (struct sockaddr *)&a, &len), -ENOTCONN);
	cr_assert_eq(iosafe_getsockname(B(&s), (struct sockaddr *)&a, &len), 0);
	cr_assert_eq(a.sin_family, AF_INET);
	iosafe_fd_drop(&s);
}

/* ---- send, recv, sendto, recvfrom, sendmsg, recvmsg --------------------- */

NOLEAK_TEST(net, send_recv_errors_and_peer_closing)
{
	iosafe_owned_fd a = IOSAFE_FD_NONE, b = IOSAFE_FD_NONE;
	char buf[8];

	cr_assert_eq(iosafe_send(iosafe_fd_borrow_raw(-1), "x", 1, 0), -EBADF);
	cr_assert_eq(iosafe_recv(iosafe_fd_borrow_raw(-1), buf, 1, 0), -EBADF);
	cr_assert_eq(iosafe_socketpair(&a, &b, AF_UNIX, SOCK_STREAM, 0), 0);
	cr_assert_eq(iosafe_recv(B(&a), buf, sizeof(buf), MSG_DONTWAIT), -EAGAIN);
	/* The peer sends part of a transfer and closes: the part, then end of
	 * file, and no error (MSG_WAITALL returns early). */
	cr_assert_eq(iosafe_send(B(&b), "abc", 3, MSG_NOSIGNAL), 3);
	cr_assert_eq(iosafe_fd_close(&b), 0);
	cr_assert_eq(iosafe_recv(B(&a), buf, sizeof(buf), MSG_WAITALL), 3);
	cr_assert_eq(iosafe_recv(B(&a), buf, sizeof(buf), 0), 0);
	/* Sending to a closed peer: EPIPE, no SIGPIPE with MSG_NOSIGNAL. */
	cr_assert_eq(iosafe_send(B(&a), "x", 1, MSG_NOSIGNAL), -EPIPE);
	iosafe_fd_drop(&a);
}

NOLEAK_TEST(net, recv_interrupted_by_a_signal_is_eintr)
{
	iosafe_owned_fd a = IOSAFE_FD_NONE, b = IOSAFE_FD_NONE;
	char buf[1];

	cr_assert_eq(iosafe_socketpair(&a, &b, AF_UNIX, SOCK_STREAM, 0), 0);
	alarm_in(50);
	cr_assert_eq(iosafe_recv(B(&a), buf, 1, 0), -EINTR);
	iosafe_fd_drop(&a);
	iosafe_fd_drop(&b);
}

NOLEAK_TEST(net, sendto_recvfrom_udp_loopback)
{
	iosafe_owned_fd r = IOSAFE_FD_NONE, s = IOSAFE_FD_NONE;
	struct sockaddr_in a = loopback4(0), from;
	socklen_t len = sizeof(from);
	char buf[8];

	cr_assert_eq(iosafe_udp_bind(&r, (struct sockaddr *)&a, sizeof(a), 0), 0);
	a = loopback4(bound_port(&r));
	cr_assert_eq(iosafe_socket(&s, AF_INET, SOCK_DGRAM, 0), 0);
	cr_assert_eq(iosafe_sendto(B(&s), "dgram", 5, 0, (struct sockaddr *)&a, sizeof(a)), 5);
	cr_assert_eq(iosafe_recvfrom(B(&r), buf, sizeof(buf), 0, (struct sockaddr *)&from, &len),
		     5);
	cr_assert_arr_eq(buf, "dgram", 5);
	cr_assert_eq(from.sin_family, AF_INET);
	cr_assert_eq(ntohs(from.sin_port), bound_port(&s));
	/* Without an address on an unconnected socket. */
	cr_assert_eq(iosafe_sendto(B(&s), "x", 1, 0, NULL, 0), -EDESTADDRREQ);
	cr_assert_eq(iosafe_recvfrom(B(&r), buf, 1, 0, (struct sockaddr *)&from, NULL), -EINVAL);
	cr_assert_eq(iosafe_recvfrom(B(&r), buf, 1, 0, NULL, &len), -EINVAL);
	cr_assert_eq(iosafe_recvfrom(B(&r), buf, 1, MSG_DONTWAIT, NULL, NULL), -EAGAIN);
	cr_assert_eq(iosafe_sendto(iosafe_fd_borrow_raw(-1), "x", 1, 0, NULL, 0), -EBADF);
	cr_assert_eq(iosafe_recvfrom(iosafe_fd_borrow_raw(-1), buf, 1, 0, NULL, NULL), -EBADF);
	iosafe_fd_drop(&s);
	iosafe_fd_drop(&r);
}

NOLEAK_TEST(net, sendmsg_recvmsg_with_scm_rights_gives_cloexec_owned_fds)
{
	iosafe_owned_fd a = IOSAFE_FD_NONE, b = IOSAFE_FD_NONE, file = IOSAFE_FD_NONE;
	union {
		struct cmsghdr h;
		char bytes[CMSG_SPACE(sizeof(int))];
	} ctl;
	struct iovec iov;
	struct msghdr msg;
	struct cmsghdr *c;
	char data = 'x';
	int got;

	cr_assert_eq(iosafe_socketpair(&a, &b, AF_UNIX, SOCK_STREAM, 0), 0);
	cr_assert_eq(iosafe_open(&file, "/dev/null", O_RDONLY, 0), 0);
	memset(&ctl, 0, sizeof(ctl));
	memset(&msg, 0, sizeof(msg));
	iov.iov_base = &data;
	iov.iov_len = 1;
	msg.msg_iov = &iov;
	msg.msg_iovlen = 1;
	msg.msg_control = ctl.bytes;
	msg.msg_controllen = sizeof(ctl.bytes);
	c = CMSG_FIRSTHDR(&msg);
	c->cmsg_level = SOL_SOCKET;
	c->cmsg_type = SCM_RIGHTS;
	c->cmsg_len = CMSG_LEN(sizeof(int));
	memcpy(CMSG_DATA(c), &file.raw, sizeof(int));
	cr_assert_eq(iosafe_sendmsg(B(&a), &msg, MSG_NOSIGNAL), 1);
	/* Sent descriptors stay the sender's. */
	cr_assert(fd_is_open(file.raw));
	iosafe_fd_drop(&file);

	memset(&ctl, 0, sizeof(ctl));
	msg.msg_controllen = sizeof(ctl.bytes);
	data = 0;
	/* flags 0: MSG_CMSG_CLOEXEC is added anyway. */
	cr_assert_eq(iosafe_recvmsg(B(&b), &msg, 0), 1);
	cr_assert_eq(data, 'x');
	c = CMSG_FIRSTHDR(&msg);
	cr_assert_not_null(c);
	cr_assert_eq(c->cmsg_type, SCM_RIGHTS);
	memcpy(&got, CMSG_DATA(c), sizeof(int));
	file = iosafe_fd_from_raw(got);
	assert_owned_cloexec(&file);
	iosafe_fd_drop(&file);

	cr_assert_eq(iosafe_sendmsg(B(&a), NULL, 0), -EINVAL);
	cr_assert_eq(iosafe_recvmsg(B(&b), NULL, 0), -EINVAL);
	cr_assert_eq(iosafe_sendmsg(iosafe_fd_borrow_raw(-1), &msg, 0), -EBADF);
	cr_assert_eq(iosafe_recvmsg(iosafe_fd_borrow_raw(-1), &msg, 0), -EBADF);
	cr_assert_eq(iosafe_recvmsg(B(&b), &msg, MSG_DONTWAIT), -EAGAIN);
	iosafe_fd_drop(&a);
	iosafe_fd_drop(&b);
}

/* ---- socket options --------------------------------------------------------- */

NOLEAK_TEST(net, getsockopt_setsockopt)
{
	iosafe_owned_fd s = IOSAFE_FD_NONE, file = IOSAFE_FD_NONE;
	int one = 1, v = 0;
	socklen_t len = sizeof(v);

	cr_assert_eq(iosafe_socket(&s, AF_INET, SOCK_STREAM, 0), 0);
	cr_assert_eq(iosafe_getsockopt(B(&s), SOL_SOCKET, SO_TYPE, &v, &len), 0);
	cr_assert_eq(v, SOCK_STREAM);
	cr_assert_eq(iosafe_setsockopt(B(&s), SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one)), 0);
	len = sizeof(v);
	cr_assert_eq(iosafe_getsockopt(B(&s), SOL_SOCKET, SO_REUSEADDR, &v, &len), 0);
	cr_assert_neq(v, 0);
	cr_assert_eq(iosafe_getsockopt(B(&s), SOL_SOCKET, 99999, &v, &len), -ENOPROTOOPT);
	cr_assert_eq(iosafe_setsockopt(B(&s), SOL_SOCKET, 99999, &one, sizeof(one)), -ENOPROTOOPT);
	cr_assert_eq(iosafe_getsockopt(B(&s), SOL_SOCKET, SO_TYPE, NULL, &len), -EINVAL);
	cr_assert_eq(iosafe_getsockopt(B(&s), SOL_SOCKET, SO_TYPE, &v, NULL), -EINVAL);
	cr_assert_eq(iosafe_setsockopt(B(&s), SOL_SOCKET, SO_REUSEADDR, NULL, sizeof(one)),
		     -EINVAL);
	cr_assert_eq(iosafe_getsockopt(iosafe_fd_borrow_raw(-1), SOL_SOCKET, SO_TYPE, &v, &len),
		     -EBADF);
	cr_assert_eq(iosafe_setsockopt(iosafe_fd_borrow_raw(-1), SOL_SOCKET, SO_REUSEADDR, &one,
				       sizeof(one)),
		     -EBADF);
	cr_assert_eq(iosafe_open(&file, "/dev/null", O_RDONLY, 0), 0);
	cr_assert_eq(iosafe_getsockopt(B(&file), SOL_SOCKET, SO_TYPE, &v, &len), -ENOTSOCK);
	iosafe_fd_drop(&file);
	iosafe_fd_drop(&s);
}

/* ---- tcp_listen, tcp_connect, udp_bind, udp_connect ------------------------ */

NOLEAK_TEST(net, tcp_listen_connect_with_flags)
{
	iosafe_owned_fd l = { GARBAGE }, c = { GARBAGE }, s = IOSAFE_FD_NONE;
	struct sockaddr_in a = loopback4(0);
	int v = 0;
	socklen_t len = sizeof(v);
	unsigned short port;

	cr_assert_eq(iosafe_tcp_listen(&l, (struct sockaddr *)&a, sizeof(a), 8,
				       IOSAFE_SOCK_REUSEADDR | IOSAFE_SOCK_NONBLOCK),
		     0);
	assert_owned_cloexec(&l);
	cr_assert(flags_of(l.raw) & O_NONBLOCK);
	cr_assert_eq(iosafe_getsockopt(B(&l), SOL_SOCKET, SO_REUSEADDR, &v, &len), 0);
	cr_assert_neq(v, 0);
	port = bound_port(&l);
	a = loopback4(port);
	cr_assert_eq(iosafe_tcp_connect(&c, (struct sockaddr *)&a, sizeof(a), 0), 0);
	assert_owned_cloexec(&c);
	cr_assert_eq(flags_of(c.raw) & O_NONBLOCK, 0);
	cr_assert_eq(iosafe_accept(&s, B(&l), NULL, NULL, 0), 0);
	iosafe_fd_drop(&s);
	iosafe_fd_drop(&c);
	/* Non-blocking connect: success, whether the connection is made at
	 * once or still in progress (EINPROGRESS). */
	c.raw = GARBAGE;
	cr_assert_eq(iosafe_tcp_connect(&c, (struct sockaddr *)&a, sizeof(a),
					IOSAFE_SOCK_NONBLOCK),
		     0);
	assert_owned_cloexec(&c);
	cr_assert(flags_of(c.raw) & O_NONBLOCK);
	iosafe_fd_drop(&c);
	iosafe_fd_drop(&l);
}

NOLEAK_TEST(net, tcp_listen_on_a_port_in_use_closes_its_socket)
{
	iosafe_owned_fd l = IOSAFE_FD_NONE, m = { GARBAGE };
	struct sockaddr_in a;
	unsigned short port;

	listener4(&l, &port);
	a = loopback4(port);
	/* bind fails after socket(2) succeeded: the socket is closed (the
	 * table comparison of NOLEAK_TEST sees any leak). */
	cr_assert_eq(iosafe_tcp_listen(&m, (struct sockaddr *)&a, sizeof(a), 8, 0), -EADDRINUSE);
	cr_assert(iosafe_fd_is_none(&m));
	m.raw = GARBAGE;
	cr_assert_eq(iosafe_tcp_listen(&m, (struct sockaddr *)&a, sizeof(a), 8,
				       IOSAFE_SOCK_REUSEADDR),
		     -EADDRINUSE);
	cr_assert(iosafe_fd_is_none(&m));
	iosafe_fd_drop(&l);
}

NOLEAK_TEST(net, connection_constructors_bad_arguments)
{
	iosafe_owned_fd o = { GARBAGE };
	struct sockaddr_in a = loopback4(0);
	struct sockaddr *sa = (struct sockaddr *)&a;

	cr_assert_eq(iosafe_tcp_listen(NULL, sa, sizeof(a), 1, 0), -EINVAL);
	cr_assert_eq(iosafe_tcp_connect(NULL, sa, sizeof(a), 0), -EINVAL);
	cr_assert_eq(iosafe_udp_bind(NULL, sa, sizeof(a), 0), -EINVAL);
	cr_assert_eq(iosafe_udp_connect(NULL, sa, sizeof(a), 0), -EINVAL);
	cr_assert_eq(iosafe_tcp_listen(&o, NULL, sizeof(a), 1, 0), -EINVAL);
	cr_assert(iosafe_fd_is_none(&o));
	o.raw = GARBAGE;
	cr_assert_eq(iosafe_tcp_connect(&o, sa, sizeof(a), 0x100), -EINVAL);
	cr_assert(iosafe_fd_is_none(&o));
	o.raw = GARBAGE;
	/* V6ONLY with an AF_INET address. */
	cr_assert_eq(iosafe_udp_bind(&o, sa, sizeof(a), IOSAFE_SOCK_V6ONLY), -EINVAL);
	cr_assert(iosafe_fd_is_none(&o));
	o.raw = GARBAGE;
	cr_assert_eq(iosafe_udp_connect(&o, NULL, 0, 0), -EINVAL);
	cr_assert(iosafe_fd_is_none(&o));
	/* A bad address length fails at bind, after socket(2): closed. */
	o.raw = GARBAGE;
	cr_assert_eq(iosafe_tcp_listen(&o, sa, 3, 1, 0), -EINVAL);
	cr_assert(iosafe_fd_is_none(&o));
}

NOLEAK_TEST(net, tcp_connect_refused_closes_its_socket)
{
	iosafe_owned_fd c = { GARBAGE }, hold = IOSAFE_FD_NONE;
	struct sockaddr_in a = loopback4(closed_port(&hold));

	cr_assert_eq(iosafe_tcp_connect(&c, (struct sockaddr *)&a, sizeof(a), 0), -ECONNREFUSED);
	cr_assert(iosafe_fd_is_none(&c));
	iosafe_fd_drop(&hold);
}

NOLEAK_TEST(net, tcp_listen_v6only_on_ipv6_loopback)
{
	iosafe_owned_fd l = { GARBAGE }, c = IOSAFE_FD_NONE;
	struct sockaddr_in6 a;
	int v = 0;
	socklen_t len = sizeof(v);
	int rc;

	memset(&a, 0, sizeof(a));
	a.sin6_family = AF_INET6;
	a.sin6_addr = in6addr_loopback;
	rc = iosafe_tcp_listen(&l, (struct sockaddr *)&a, sizeof(a), 4, IOSAFE_SOCK_V6ONLY);
	if (rc == -EAFNOSUPPORT || rc == -EADDRNOTAVAIL)
		cr_skip_test("no IPv6 loopback here (%s)", strerror(-rc));
	cr_assert_eq(rc, 0, "rc %d (%s)", rc, strerror(-rc));
	assert_owned_cloexec(&l);
	cr_assert_eq(iosafe_getsockopt(B(&l), IPPROTO_IPV6, IPV6_V6ONLY, &v, &len), 0);
	cr_assert_eq(v, 1);
	a.sin6_port = htons(bound_port(&l));
	cr_assert_eq(iosafe_tcp_connect(&c, (struct sockaddr *)&a, sizeof(a), IOSAFE_SOCK_V6ONLY),
		     0);
	iosafe_fd_drop(&c);
	iosafe_fd_drop(&l);
}

NOLEAK_TEST(net, udp_bind_and_connect)
{
	iosafe_owned_fd r = { GARBAGE }, s = { GARBAGE }, t = { GARBAGE };
	struct sockaddr_in a = loopback4(0);
	char buf[4];

	cr_assert_eq(iosafe_udp_bind(&r, (struct sockaddr *)&a, sizeof(a), IOSAFE_SOCK_NONBLOCK),
		     0);
	assert_owned_cloexec(&r);
	cr_assert(flags_of(r.raw) & O_NONBLOCK);
	a = loopback4(bound_port(&r));
	cr_assert_eq(iosafe_udp_connect(&s, (struct sockaddr *)&a, sizeof(a), 0), 0);
	assert_owned_cloexec(&s);
	cr_assert_eq(iosafe_send(B(&s), "udp", 3, 0), 3);
	cr_assert_eq(iosafe_recv(B(&r), buf, sizeof(buf), 0), 3);
	cr_assert_arr_eq(buf, "udp", 3);
	/* The port is taken: bind fails, the new socket is closed. */
	cr_assert_eq(iosafe_udp_bind(&t, (struct sockaddr *)&a, sizeof(a), 0), -EADDRINUSE);
	cr_assert(iosafe_fd_is_none(&t));
	iosafe_fd_drop(&s);
	iosafe_fd_drop(&r);
}

NOLEAK_TEST(net, connection_constructors_emfile)
{
	iosafe_owned_fd o = { GARBAGE };
	struct sockaddr_in a = loopback4(0);
	struct fd_filler f;
	int rc1, rc2, rc3, rc4, rc5;

	fd_table_fill(&f, 0);
	rc1 = iosafe_tcp_listen(&o, (struct sockaddr *)&a, sizeof(a), 1, 0);
	rc2 = iosafe_tcp_connect(&o, (struct sockaddr *)&a, sizeof(a), 0);
	rc3 = iosafe_udp_bind(&o, (struct sockaddr *)&a, sizeof(a), 0);
	rc4 = iosafe_udp_connect(&o, (struct sockaddr *)&a, sizeof(a), 0);
	rc5 = iosafe_tcp_connect_host(&o, "127.0.0.1", "1", 0);
	fd_table_unfill(&f);
	cr_assert_eq(rc1, -EMFILE, "rc %d (%s)", rc1, strerror(-rc1));
	cr_assert_eq(rc2, -EMFILE);
	cr_assert_eq(rc3, -EMFILE);
	cr_assert_eq(rc4, -EMFILE);
	cr_assert_eq(rc5, -EMFILE, "rc %d (%s)", rc5, strerror(-rc5));
	cr_assert(iosafe_fd_is_none(&o));
}

/* ---- tcp_connect_host ---------------------------------------------------- */

NOLEAK_TEST(net, tcp_connect_host_numeric_and_named)
{
	iosafe_owned_fd l = IOSAFE_FD_NONE, c = { GARBAGE }, s = IOSAFE_FD_NONE;
	unsigned short port;
	char ports[8];

	listener4(&l, &port);
	snprintf(ports, sizeof(ports), "%u", port);
	cr_assert_eq(iosafe_tcp_connect_host(&c, "127.0.0.1", ports, 0), 0);
	assert_owned_cloexec(&c);
	cr_assert_eq(iosafe_accept(&s, B(&l), NULL, NULL, 0), 0);
	iosafe_fd_drop(&s);
	iosafe_fd_drop(&c);
	/* A name, "localhost", resolved from /etc/hosts (no DNS): the
	 * addresses it has are tried in getaddrinfo's order until one
	 * accepts (a ::1 entry, where nothing listens, is refused first). */
	c.raw = GARBAGE;
	cr_assert_eq(iosafe_tcp_connect_host(&c, "localhost", ports, IOSAFE_SOCK_NONBLOCK), 0);
	assert_owned_cloexec(&c);
	iosafe_fd_drop(&c);
	iosafe_fd_drop(&l);
}

NOLEAK_TEST(net, tcp_connect_host_errors_leave_nothing_open)
{
	iosafe_owned_fd c = { GARBAGE }, hold = IOSAFE_FD_NONE;
	char ports[8];

	snprintf(ports, sizeof(ports), "%u", closed_port(&hold));
	cr_assert_eq(iosafe_tcp_connect_host(&c, "127.0.0.1", ports, 0), -ECONNREFUSED);
	cr_assert(iosafe_fd_is_none(&c));
	iosafe_fd_drop(&hold);
	/* Resolution failures, answered from /etc/services and the numeric
	 * parser, without DNS. */
	c.raw = GARBAGE;
	cr_assert_eq(iosafe_tcp_connect_host(&c, "127.0.0.1", "no-such-service-iosafe", 0),
		     -ENOENT);
	cr_assert(iosafe_fd_is_none(&c));
	c.raw = GARBAGE;
	cr_assert_eq(iosafe_tcp_connect_host(&c, NULL, "80", 0), -EINVAL);
	cr_assert(iosafe_fd_is_none(&c));
	c.raw = GARBAGE;
	cr_assert_eq(iosafe_tcp_connect_host(&c, "127.0.0.1", NULL, 0), -EINVAL);
	cr_assert(iosafe_fd_is_none(&c));
	c.raw = GARBAGE;
	cr_assert_eq(iosafe_tcp_connect_host(&c, "127.0.0.1", "80", 0x80), -EINVAL);
	cr_assert(iosafe_fd_is_none(&c));
	cr_assert_eq(iosafe_tcp_connect_host(NULL, "127.0.0.1", "80", 0), -EINVAL);
}

/* ---- fd passing --------------------------------------------------------------- */

static void same_file(int x, int y)
{
	struct stat a, b;

	cr_assert_eq(fstat(x, &a), 0);
	cr_assert_eq(fstat(y, &b), 0);
	cr_assert(a.st_dev == b.st_dev && a.st_ino == b.st_ino, "fds %d and %d differ", x, y);
}

NOLEAK_TEST(net, send_fds_recv_fds_round_trip)
{
	iosafe_owned_fd a = IOSAFE_FD_NONE, b = IOSAFE_FD_NONE, r = IOSAFE_FD_NONE,
			w = IOSAFE_FD_NONE, n = IOSAFE_FD_NONE;
	iosafe_owned_fd got[8];
	iosafe_borrowed_fd send[3];
	size_t k, nfds = 99;
	char buf[4] = { 0 };

	cr_assert_eq(iosafe_socketpair(&a, &b, AF_UNIX, SOCK_STREAM, 0), 0);
	cr_assert_eq(iosafe_pipe(&r, &w, 0), 0);
	cr_assert_eq(iosafe_open(&n, "/dev/null", O_RDONLY, 0), 0);
	send[0] = B(&r);
	send[1] = B(&w);
	send[2] = B(&n);
	for (k = 0; k < 8; k++)
		got[k].raw = GARBAGE;
	cr_assert_eq(iosafe_send_fds(B(&a), "fds", 3, send, 3, MSG_NOSIGNAL), 3);
	/* Sent descriptors stay the sender's. */
	cr_assert(fd_is_open(r.raw) && fd_is_open(w.raw) && fd_is_open(n.raw));
	cr_assert_eq(iosafe_recv_fds(B(&b), buf, sizeof(buf), got, 8, &nfds, 0), 3);
	cr_assert_arr_eq(buf, "fds", 3);
	cr_assert_eq(nfds, 3);
	for (k = 0; k < 3; k++) {
		assert_owned_cloexec(&got[k]);
		same_file(got[k].raw, send[k].raw);
	}
	for (k = 3; k < 8; k++)
		cr_assert(iosafe_fd_is_none(&got[k]));
	/* The received write end works. */
	cr_assert_eq(iosafe_write(B(&got[1]), "p", 1), 1);
	cr_assert_eq(iosafe_read(B(&r), buf, 1), 1);
	for (k = 0; k < 3; k++)
		cr_assert_eq(iosafe_fd_close(&got[k]), 0);
	/* No descriptors: plain bytes, nfds 0. */
	cr_assert_eq(iosafe_send_fds(B(&a), "x", 1, NULL, 0, 0), 1);
	cr_assert_eq(iosafe_recv_fds(B(&b), buf, 1, got, 8, &nfds, 0), 1);
	cr_assert_eq(nfds, 0);
	iosafe_fd_drop(&n);
	iosafe_fd_drop(&w);
	iosafe_fd_drop(&r);
	iosafe_fd_drop(&a);
	iosafe_fd_drop(&b);
}

/* More descriptors than the receiver takes: every one that arrived is
 * closed (NOLEAK_TEST compares the table), none is owned, -EMSGSIZE. */
static void truncated(size_t sent, size_t max)
{
	iosafe_owned_fd a = IOSAFE_FD_NONE, b = IOSAFE_FD_NONE, n = IOSAFE_FD_NONE;
	iosafe_borrowed_fd send[IOSAFE_SCM_MAX_FDS];
	iosafe_owned_fd got[4];
	size_t k, nfds = 99;
	char buf[1];

	cr_assert_leq(sent, (size_t)IOSAFE_SCM_MAX_FDS);
	cr_assert_leq(max, (size_t)4);
	cr_assert_eq(iosafe_socketpair(&a, &b, AF_UNIX, SOCK_STREAM, 0), 0);
	cr_assert_eq(iosafe_open(&n, "/dev/null", O_RDONLY, 0), 0);
	for (k = 0; k < sent; k++)
		send[k] = B(&n);
	for (k = 0; k < 4; k++)
		got[k].raw = GARBAGE;
	cr_assert_eq(iosafe_send_fds(B(&a), "t", 1, send, sent, 0), 1);
	cr_assert_eq(iosafe_recv_fds(B(&b), buf, 1, got, max, &nfds, 0), -EMSGSIZE);
	cr_assert_eq(nfds, 0);
	for (k = 0; k < max; k++)
		cr_assert(iosafe_fd_is_none(&got[k]));
	iosafe_fd_drop(&n);
	iosafe_fd_drop(&a);
	iosafe_fd_drop(&b);
}

NOLEAK_TEST(net, recv_fds_more_than_max_closes_all_and_is_emsgsize)
{
	truncated(5, 2);
	truncated(1, 0);
}

NOLEAK_TEST(net, recv_fds_control_data_truncated_closes_all_and_is_emsgsize)
{
	/* 253 descriptors do not fit the room for 1 (MSG_CTRUNC). */
	truncated(IOSAFE_SCM_MAX_FDS, 1);
}

NOLEAK_TEST(net, send_fds_errors)
{
	iosafe_owned_fd a = IOSAFE_FD_NONE, b = IOSAFE_FD_NONE;
	iosafe_borrowed_fd send[IOSAFE_SCM_MAX_FDS + 1];
	size_t k;

	cr_assert_eq(iosafe_socketpair(&a, &b, AF_UNIX, SOCK_STREAM, 0), 0);
	for (k = 0; k < IOSAFE_SCM_MAX_FDS + 1; k++)
		send[k] = B(&a);
	cr_assert_eq(iosafe_send_fds(iosafe_fd_borrow_raw(-1), "x", 1, send, 1, 0), -EBADF);
	cr_assert_eq(iosafe_send_fds(B(&a), NULL, 1, send, 1, 0), -EINVAL);
	cr_assert_eq(iosafe_send_fds(B(&a), "x", 0, send, 1, 0), -EINVAL);
	cr_assert_eq(iosafe_send_fds(B(&a), "x", 1, NULL, 1, 0), -EINVAL);
	cr_assert_eq(iosafe_send_fds(B(&a), "x", 1, send, IOSAFE_SCM_MAX_FDS + 1, 0), -EINVAL);
	send[1] = iosafe_fd_borrow_raw(-1);
	cr_assert_eq(iosafe_send_fds(B(&a), "x", 1, send, 2, 0), -EBADF);
	send[1] = iosafe_fd_borrow_raw(fd_not_open());
	cr_assert_eq(iosafe_send_fds(B(&a), "x", 1, send, 2, 0), -EBADF);
	/* Nothing was sent by any of them. */
	{
		char buf[1];
		size_t nfds;
		iosafe_owned_fd got[1];

		cr_assert_eq(iosafe_recv_fds(B(&b), buf, 1, got, 1, &nfds, MSG_DONTWAIT), -EAGAIN);
	}
	iosafe_fd_drop(&a);
	iosafe_fd_drop(&b);
}

NOLEAK_TEST(net, recv_fds_errors)
{
	iosafe_owned_fd a = IOSAFE_FD_NONE, b = IOSAFE_FD_NONE;
	iosafe_owned_fd got[2] = { { GARBAGE }, { GARBAGE } };
	size_t nfds = 99;
	char buf[1];

	cr_assert_eq(iosafe_recv_fds(iosafe_fd_borrow_raw(-1), buf, 1, got, 2, &nfds, 0), -EBADF);
	cr_assert(iosafe_fd_is_none(&got[0]) && iosafe_fd_is_none(&got[1]));
	cr_assert_eq(nfds, 0);
	cr_assert_eq(iosafe_socketpair(&a, &b, AF_UNIX, SOCK_STREAM, 0), 0);
	cr_assert_eq(iosafe_recv_fds(B(&b), buf, 1, got, 2, NULL, 0), -EINVAL);
	cr_assert_eq(iosafe_recv_fds(B(&b), buf, 1, NULL, 2, &nfds, 0), -EINVAL);
	cr_assert_eq(iosafe_recv_fds(B(&b), NULL, 1, got, 2, &nfds, 0), -EINVAL);
	cr_assert_eq(iosafe_recv_fds(B(&b), buf, 0, got, 2, &nfds, 0), -EINVAL);
	cr_assert_eq(iosafe_recv_fds(B(&b), buf, 1, got, 2, &nfds, MSG_DONTWAIT), -EAGAIN);
	/* EINTR on a blocking receive. */
	alarm_in(50);
	cr_assert_eq(iosafe_recv_fds(B(&b), buf, 1, got, 2, &nfds, 0), -EINTR);
	cr_assert_eq(nfds, 0);
	iosafe_fd_drop(&a);
	iosafe_fd_drop(&b);
}

NOLEAK_TEST(net, fds_sent_before_the_peer_closes_still_arrive)
{
	iosafe_owned_fd a = IOSAFE_FD_NONE, b = IOSAFE_FD_NONE, n = IOSAFE_FD_NONE;
	iosafe_owned_fd got[2];
	iosafe_borrowed_fd send[1];
	size_t nfds = 0;
	char buf[4];

	cr_assert_eq(iosafe_socketpair(&a, &b, AF_UNIX, SOCK_STREAM, 0), 0);
	cr_assert_eq(iosafe_open(&n, "/dev/null", O_RDONLY, 0), 0);
	send[0] = B(&n);
	cr_assert_eq(iosafe_send_fds(B(&a), "z", 1, send, 1, 0), 1);
	/* The peer closes mid-transfer: what it sent is still delivered, then
	 * end of file with no descriptor. */
	iosafe_fd_drop(&a);
	iosafe_fd_drop(&n);
	cr_assert_eq(iosafe_recv_fds(B(&b), buf, sizeof(buf), got, 2, &nfds, 0), 1);
	cr_assert_eq(nfds, 1);
	assert_owned_cloexec(&got[0]);
	iosafe_fd_drop(&got[0]);
	cr_assert_eq(iosafe_recv_fds(B(&b), buf, sizeof(buf), got, 2, &nfds, 0), 0);
	cr_assert_eq(nfds, 0);
	iosafe_fd_drop(&b);
}

NOLEAK_TEST(net, recv_fds_under_emfile_closes_what_arrived)
{
	iosafe_owned_fd a = IOSAFE_FD_NONE, b = IOSAFE_FD_NONE, n = IOSAFE_FD_NONE;
	iosafe_owned_fd got[2] = { { GARBAGE }, { GARBAGE } };
	iosafe_borrowed_fd send[2];
	struct fd_filler f;
	size_t nfds = 99;
	ssize_t rc;
	char buf[1];

	if (UNDER_VALGRIND())
		cr_skip_test("valgrind does not apply its descriptor limit to descriptors "
			     "installed by recvmsg(2) (see UNDER_VALGRIND)");
	cr_assert_eq(iosafe_socketpair(&a, &b, AF_UNIX, SOCK_STREAM, 0), 0);
	cr_assert_eq(iosafe_open(&n, "/dev/null", O_RDONLY, 0), 0);
	send[0] = send[1] = B(&n);
	cr_assert_eq(iosafe_send_fds(B(&a), "e", 1, send, 2, 0), 1);
	/* One free number for two descriptors: the kernel installs what it
	 * can and sets MSG_CTRUNC (unix(7), scm_detach_fds). */
	fd_table_fill(&f, 1);
	rc = iosafe_recv_fds(B(&b), buf, 1, got, 2, &nfds, 0);
	fd_table_unfill(&f);
	cr_assert_eq(rc, -EMSGSIZE, "rc %zd (%s)", rc, strerror((int)-rc));
	cr_assert_eq(nfds, 0);
	cr_assert(iosafe_fd_is_none(&got[0]) && iosafe_fd_is_none(&got[1]));
	iosafe_fd_drop(&n);
	iosafe_fd_drop(&a);
	iosafe_fd_drop(&b);
}

NOLEAK_TEST(net, peer_cred_of_a_socketpair)
{
	iosafe_owned_fd a = IOSAFE_FD_NONE, b = IOSAFE_FD_NONE, file = IOSAFE_FD_NONE;
	struct ucred c = { 0, 0, 0 };

	cr_assert_eq(iosafe_socketpair(&a, &b, AF_UNIX, SOCK_STREAM, 0), 0);
	cr_assert_eq(iosafe_peer_cred(B(&a), &c), 0);
	cr_assert_eq(c.pid, getpid());
	cr_assert_eq(c.uid, geteuid());
	cr_assert_eq(c.gid, getegid());
	cr_assert_eq(iosafe_peer_cred(B(&a), NULL), -EINVAL);
	cr_assert_eq(iosafe_peer_cred(iosafe_fd_borrow_raw(-1), &c), -EBADF);
	cr_assert_eq(iosafe_open(&file, "/dev/null", O_RDONLY, 0), 0);
	cr_assert_eq(iosafe_peer_cred(B(&file), &c), -ENOTSOCK);
	iosafe_fd_drop(&file);
	iosafe_fd_drop(&a);
	iosafe_fd_drop(&b);
}
