/* SPDX-License-Identifier: MIT */
/*
 * tests/headers/inlined.c: every function whose body is in a header
 * (include/iosafe/inline.h), called with real descriptors, in every language
 * mode and feature set of tests/headers/check.sh.  check.sh reads the
 * object's symbols with nm: which iosafe_ functions it calls in the library
 * (none where every body inlined; exactly those whose guard the unit's
 * feature macros fail, otherwise), and that it defines none of them (a
 * definition here would clash with libiosafe's).  Then it links the
 * program with libiosafe.a and runs it: exit status 0 means every call gave
 * what its contract says.
 *
 * With -DTAKE_ADDRESSES every function is also called through a pointer to
 * it: the pointer is the library's symbol (its external definition), never
 * a copy made in this unit.
 *
 * No feature macro is defined here: check.sh chooses them (none, strict
 * ISO C; -D_POSIX_C_SOURCE=200809L; -D_GNU_SOURCE).  <sys/socket.h> gives
 * AF_UNIX, SOCK_STREAM, SOCK_DGRAM, MSG_NOSIGNAL, struct msghdr and
 * struct iovec (through <sys/uio.h>) under all of them; <iosafe/event.h>
 * brings <sys/epoll.h>, <sys/eventfd.h> and <poll.h>, declared in every mode.
 */
#include <iosafe/iosafe.h>

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

/* The descriptor flags of raw (FD_CLOEXEC), or -1 with errno EBADF when
 * raw is not open: F_GETFD and FD_CLOEXEC are POSIX.1-2001, there in every
 * mode (fcntl(2)). */
static int fd_flags(int raw)
{
	return fcntl(raw, F_GETFD);
}

/* The event loop's bodies (event.h) on an eventfd registered with an epoll
 * instance, both made with the raw calls (eventfd(2), epoll_create1(2) are
 * declared in every mode): only bodies in headers are called here. */
static int events(void)
{
	int e = eventfd(0, EFD_CLOEXEC), ep = epoll_create1(EPOLL_CLOEXEC), rc = 0;
	iosafe_borrowed_fd be = iosafe_fd_borrow_raw(e), bep = iosafe_fd_borrow_raw(ep);
	struct epoll_event ev, got[2];
	struct pollfd p;
	uint64_t v = 0;

	ev.events = EPOLLIN;
	ev.data.u64 = 7;
	if (e < 0 || ep < 0 || epoll_ctl(ep, EPOLL_CTL_ADD, e, &ev) != 0)
		rc = 40;
	else if (iosafe_eventfd_write(be, 5) != 0 || iosafe_eventfd_write(iosafe_fd_borrow_raw(-1), 1) != -EBADF)
		rc = 41;
	else if (iosafe_epoll_wait(bep, got, 2, 0) != 1 || got[0].data.u64 != 7)
		rc = 42;
	else if (iosafe_pollfd_init(&p, be, POLLIN), iosafe_poll(&p, 1, 0) != 1 || !(p.revents & POLLIN))
		rc = 43;
	else if (iosafe_eventfd_read(be, &v) != 0 || v != 5)
		rc = 44;
	else if (iosafe_eventfd_write(be, 3) != 0 || iosafe_timerfd_read(be, &v) != 0 || v != 3)
		rc = 45; /* an 8-byte counter read: what timerfd_read does */
	if (e >= 0)
		close(e);
	if (ep >= 0)
		close(ep);
	return rc;
}

/* The socket bodies (net.h) on a socketpair made with iosafe_socketpair:
 * stream bytes, a datagram pair for sendto/recvfrom, one message each way
 * with sendmsg/recvmsg, shutdown; epoll_add/modify/delete on one end. */
static int sockets(void)
{
	iosafe_owned_fd a = IOSAFE_FD_NONE, b = IOSAFE_FD_NONE, d = IOSAFE_FD_NONE,
			e = IOSAFE_FD_NONE;
	iosafe_borrowed_fd none = iosafe_fd_borrow(&e);
	char buf[4] = { 0 }, out[2] = { 'm', 'n' };
	struct iovec iov;
	struct msghdr msg;
	int ep = -1, rc = 0;

	if (iosafe_socketpair(&a, &b, AF_UNIX, SOCK_STREAM, 0) != 0 || fd_flags(a.raw) != FD_CLOEXEC ||
	    fd_flags(b.raw) != FD_CLOEXEC)
		return 60;
	if (iosafe_socketpair(&d, &d, AF_UNIX, SOCK_STREAM, 0) != -EINVAL || d.raw != IOSAFE_RAW_NONE)
		rc = 61;
	else if (iosafe_send(iosafe_fd_borrow(&a), "ab", 2, MSG_NOSIGNAL) != 2 ||
		 iosafe_recv(iosafe_fd_borrow(&b), buf, sizeof(buf), 0) != 2 || buf[1] != 'b')
		rc = 62;
	else if (iosafe_send(none, "ab", 2, 0) != -EBADF || iosafe_recv(none, buf, 1, 0) != -EBADF)
		rc = 63;
	if (rc == 0) {
		iov.iov_base = out;
		iov.iov_len = sizeof(out);
		memset(&msg, 0, sizeof(msg));
		msg.msg_iov = &iov;
		msg.msg_iovlen = 1;
		if (iosafe_sendmsg(iosafe_fd_borrow(&b), &msg, MSG_NOSIGNAL) != 2)
			rc = 64;
		iov.iov_base = buf;
		iov.iov_len = sizeof(buf);
		if (rc == 0 && (iosafe_recvmsg(iosafe_fd_borrow(&a), &msg, 0) != 2 || buf[0] != 'm' ||
				iosafe_recvmsg(iosafe_fd_borrow(&a), 0, 0) != -EINVAL))
			rc = 65;
	}
	ep = epoll_create1(EPOLL_CLOEXEC);
	if (rc == 0 && (ep < 0 || iosafe_epoll_add(iosafe_fd_borrow_raw(ep), iosafe_fd_borrow(&a), 3, EPOLLIN) != 0 ||
			iosafe_epoll_modify(iosafe_fd_borrow_raw(ep), iosafe_fd_borrow(&a), 4, EPOLLOUT) != 0 ||
			iosafe_epoll_delete(iosafe_fd_borrow_raw(ep), iosafe_fd_borrow(&a)) != 0 ||
			iosafe_epoll_delete(iosafe_fd_borrow_raw(ep), iosafe_fd_borrow(&a)) != -ENOENT ||
			iosafe_epoll_add(iosafe_fd_borrow_raw(ep), none, 0, EPOLLIN) != -EBADF))
		rc = 66;
	if (rc == 0 && (iosafe_shutdown(iosafe_fd_borrow(&a), SHUT_WR) != 0 ||
			iosafe_recv(iosafe_fd_borrow(&b), buf, sizeof(buf), 0) != 0 ||
			iosafe_shutdown(none, SHUT_RD) != -EBADF))
		rc = 67;
	if (ep >= 0)
		close(ep);
	if (iosafe_fd_close(&a) != 0 || iosafe_fd_close(&b) != 0)
		return 68;
	if (rc == 0 && iosafe_socketpair(&a, &b, AF_UNIX, SOCK_DGRAM, 0) != 0)
		rc = 69;
	else if (rc == 0 && (iosafe_sendto(iosafe_fd_borrow(&a), "z", 1, 0, 0, 0) != 1 ||
			     iosafe_recvfrom(iosafe_fd_borrow(&b), buf, sizeof(buf), 0, 0, 0) != 1 ||
			     buf[0] != 'z'))
		rc = 70;
	iosafe_fd_drop(&a);
	iosafe_fd_drop(&b);
	return rc;
}

static int calls(void)
{
	iosafe_owned_fd f = IOSAFE_FD_NONE, g = IOSAFE_FD_NONE, r = IOSAFE_FD_NONE,
			w = IOSAFE_FD_NONE, s = IOSAFE_FD_NONE, c = IOSAFE_FD_NONE;
	iosafe_borrowed_fd none = iosafe_fd_borrow(&c);
	char buf[4] = { 0 };
	int raw, rc;

	if (iosafe_open(&f, "/dev/null", O_RDONLY, 0) != 0 || f.raw < 0)
		return 10;
	if (fd_flags(f.raw) != FD_CLOEXEC)
		return 11;
	if (iosafe_open(&g, 0, O_RDONLY, 0) != -EINVAL || g.raw != IOSAFE_RAW_NONE)
		return 12;
	if (iosafe_openat(&g, iosafe_cwd(), "/dev/null", O_RDONLY, 0) != 0 ||
	    fd_flags(g.raw) != FD_CLOEXEC)
		return 13;
	if (iosafe_read(iosafe_fd_borrow(&f), buf, sizeof(buf)) != 0)
		return 14;
	if (iosafe_read(none, buf, sizeof(buf)) != -EBADF)
		return 15;
	if (iosafe_pipe(&r, &w, 0) != 0 || fd_flags(r.raw) != FD_CLOEXEC ||
	    fd_flags(w.raw) != FD_CLOEXEC)
		return 16;
	if (iosafe_write(iosafe_fd_borrow(&w), "abc", 3) != 3 ||
	    iosafe_read(iosafe_fd_borrow(&r), buf, sizeof(buf)) != 3 || buf[2] != 'c')
		return 17;
	if (iosafe_write(none, "abc", 3) != -EBADF)
		return 18;
	if (iosafe_socket(&s, AF_UNIX, SOCK_STREAM, 0) != 0 ||
	    fd_flags(s.raw) != FD_CLOEXEC)
		return 19;
	/* Not listening: accept4(2) fails with EINVAL, *out none. */
	if (iosafe_accept(&c, iosafe_fd_borrow(&s), 0, 0, 0) != -EINVAL ||
	    c.raw != IOSAFE_RAW_NONE)
		return 20;
	if (iosafe_fd_try_clone(iosafe_fd_borrow(&f), &c) != 0 || c.raw < 3 ||
	    fd_flags(c.raw) != FD_CLOEXEC)
		return 21;
	/* replace: drops g, moves c in. */
	raw = g.raw;
	iosafe_fd_replace(&g, iosafe_fd_take(&c));
	if (fd_flags(raw) != -1 || errno != EBADF)
		return 22;
	errno = 1234;
	iosafe_fd_drop(&g);
	if (errno != 1234 || g.raw != IOSAFE_RAW_NONE)
		return 23;
	raw = f.raw;
	if (iosafe_fd_close(&f) != 0 || f.raw != IOSAFE_RAW_NONE ||
	    fd_flags(raw) != -1)
		return 24;
	/* dup_onto (fdops.h): w's number is now a copy of r, close-on-exec. */
	raw = w.raw;
	if (iosafe_dup_onto(iosafe_fd_borrow(&r), &w) != 0 || w.raw != raw ||
	    fd_flags(w.raw) != FD_CLOEXEC || iosafe_dup_onto(none, &w) != -EBADF)
		return 26;
	if (iosafe_fd_close(&r) != 0 || iosafe_fd_close(&w) != 0 || iosafe_fd_close(&s) != 0)
		return 25;
	rc = sockets();
	return rc != 0 ? rc : events();
}

#ifdef TAKE_ADDRESSES
/* volatile: the compiler cannot see through the pointers, so each call is a
 * call to the library's symbol. */
static int (*volatile p_open)(iosafe_owned_fd *, const char *, int, mode_t) = iosafe_open;
static int (*volatile p_openat)(iosafe_owned_fd *, iosafe_borrowed_fd, const char *, int,
				mode_t) = iosafe_openat;
static int (*volatile p_socket)(iosafe_owned_fd *, int, int, int) = iosafe_socket;
static int (*volatile p_accept)(iosafe_owned_fd *, iosafe_borrowed_fd, struct sockaddr *,
				socklen_t *, int) = iosafe_accept;
static int (*volatile p_pipe)(iosafe_owned_fd *, iosafe_owned_fd *, int) = iosafe_pipe;
static ssize_t (*volatile p_read)(iosafe_borrowed_fd, void *, size_t) = iosafe_read;
static ssize_t (*volatile p_write)(iosafe_borrowed_fd, const void *, size_t) = iosafe_write;
static int (*volatile p_close)(iosafe_owned_fd *) = iosafe_fd_close;
static void (*volatile p_drop)(iosafe_owned_fd *) = iosafe_fd_drop;
static void (*volatile p_replace)(iosafe_owned_fd *, iosafe_owned_fd) = iosafe_fd_replace;
static int (*volatile p_clone)(iosafe_borrowed_fd, iosafe_owned_fd *) = iosafe_fd_try_clone;
static int (*volatile p_dup_onto)(iosafe_borrowed_fd, iosafe_owned_fd *) = iosafe_dup_onto;
static int (*volatile p_epoll_wait)(iosafe_borrowed_fd, struct epoll_event *, int, int) =
	iosafe_epoll_wait;
static void (*volatile p_pollfd_init)(struct pollfd *, iosafe_borrowed_fd, short) =
	iosafe_pollfd_init;
static int (*volatile p_poll)(struct pollfd *, nfds_t, int) = iosafe_poll;
static int (*volatile p_eventfd_read)(iosafe_borrowed_fd, uint64_t *) = iosafe_eventfd_read;
static int (*volatile p_eventfd_write)(iosafe_borrowed_fd, uint64_t) = iosafe_eventfd_write;
static int (*volatile p_timerfd_read)(iosafe_borrowed_fd, uint64_t *) = iosafe_timerfd_read;
static int (*volatile p_epoll_add)(iosafe_borrowed_fd, iosafe_borrowed_fd, uint64_t, uint32_t) =
	iosafe_epoll_add;
static int (*volatile p_epoll_modify)(iosafe_borrowed_fd, iosafe_borrowed_fd, uint64_t, uint32_t) =
	iosafe_epoll_modify;
static int (*volatile p_epoll_delete)(iosafe_borrowed_fd, iosafe_borrowed_fd) = iosafe_epoll_delete;
static int (*volatile p_socketpair)(iosafe_owned_fd *, iosafe_owned_fd *, int, int, int) =
	iosafe_socketpair;
static int (*volatile p_shutdown)(iosafe_borrowed_fd, int) = iosafe_shutdown;
static ssize_t (*volatile p_send)(iosafe_borrowed_fd, const void *, size_t, int) = iosafe_send;
static ssize_t (*volatile p_recv)(iosafe_borrowed_fd, void *, size_t, int) = iosafe_recv;
static ssize_t (*volatile p_sendto)(iosafe_borrowed_fd, const void *, size_t, int,
				    const struct sockaddr *, socklen_t) = iosafe_sendto;
static ssize_t (*volatile p_recvfrom)(iosafe_borrowed_fd, void *, size_t, int, struct sockaddr *,
				      socklen_t *) = iosafe_recvfrom;
static ssize_t (*volatile p_sendmsg)(iosafe_borrowed_fd, const struct msghdr *, int) =
	iosafe_sendmsg;
static ssize_t (*volatile p_recvmsg)(iosafe_borrowed_fd, struct msghdr *, int) = iosafe_recvmsg;

static int socket_pointers(void)
{
	iosafe_owned_fd a = IOSAFE_FD_NONE, b = IOSAFE_FD_NONE;
	char buf[2] = { 0 };
	struct iovec iov;
	struct msghdr msg;
	int ep = epoll_create1(EPOLL_CLOEXEC), rc = 0;

	iov.iov_base = buf;
	iov.iov_len = sizeof(buf);
	memset(&msg, 0, sizeof(msg));
	msg.msg_iov = &iov;
	msg.msg_iovlen = 1;
	if (ep < 0 || p_socketpair(&a, &b, AF_UNIX, SOCK_DGRAM, 0) != 0)
		rc = 80;
	else if (p_send(iosafe_fd_borrow(&a), "q", 1, 0) != 1 ||
		 p_recv(iosafe_fd_borrow(&b), buf, 1, 0) != 1 || buf[0] != 'q')
		rc = 81;
	else if (p_sendto(iosafe_fd_borrow(&b), "r", 1, 0, 0, 0) != 1 ||
		 p_recvfrom(iosafe_fd_borrow(&a), buf, 1, 0, 0, 0) != 1 || buf[0] != 'r')
		rc = 82;
	else if (p_sendmsg(iosafe_fd_borrow(&a), &msg, 0) != 2 ||
		 p_recvmsg(iosafe_fd_borrow(&b), &msg, 0) != 2)
		rc = 83;
	else if (p_epoll_add(iosafe_fd_borrow_raw(ep), iosafe_fd_borrow(&a), 1, EPOLLIN) != 0 ||
		 p_epoll_modify(iosafe_fd_borrow_raw(ep), iosafe_fd_borrow(&a), 2, EPOLLOUT) != 0 ||
		 p_epoll_delete(iosafe_fd_borrow_raw(ep), iosafe_fd_borrow(&a)) != 0)
		rc = 84;
	else if (p_shutdown(iosafe_fd_borrow(&a), SHUT_RDWR) != 0)
		rc = 85;
	if (ep >= 0)
		close(ep);
	iosafe_fd_drop(&a);
	iosafe_fd_drop(&b);
	return rc;
}

static int event_pointers(void)
{
	int e = eventfd(0, EFD_CLOEXEC), ep = epoll_create1(EPOLL_CLOEXEC), rc = 0;
	struct epoll_event ev, got[1];
	struct pollfd p;
	uint64_t v = 0;

	ev.events = EPOLLIN;
	ev.data.u64 = 9;
	if (e < 0 || ep < 0 || epoll_ctl(ep, EPOLL_CTL_ADD, e, &ev) != 0)
		rc = 50;
	else if (p_eventfd_write(iosafe_fd_borrow_raw(e), 2) != 0 ||
		 p_epoll_wait(iosafe_fd_borrow_raw(ep), got, 1, 0) != 1 || got[0].data.u64 != 9)
		rc = 51;
	else if (p_pollfd_init(&p, iosafe_fd_borrow_raw(e), POLLIN), p_poll(&p, 1, 0) != 1)
		rc = 52;
	else if (p_eventfd_read(iosafe_fd_borrow_raw(e), &v) != 0 || v != 2 ||
		 p_eventfd_write(iosafe_fd_borrow_raw(e), 4) != 0 ||
		 p_timerfd_read(iosafe_fd_borrow_raw(e), &v) != 0 || v != 4)
		rc = 53;
	if (e >= 0)
		close(e);
	if (ep >= 0)
		close(ep);
	return rc != 0 ? rc : socket_pointers();
}

static int pointers(void)
{
	iosafe_owned_fd f = IOSAFE_FD_NONE, g = IOSAFE_FD_NONE, r = IOSAFE_FD_NONE,
			w = IOSAFE_FD_NONE, s = IOSAFE_FD_NONE, c = IOSAFE_FD_NONE;
	char buf[4] = { 0 };

	if (p_open(&f, "/dev/null", O_RDONLY, 0) != 0 || fd_flags(f.raw) != FD_CLOEXEC)
		return 30;
	if (p_openat(&g, iosafe_cwd(), "/dev/null", O_RDONLY, 0) != 0)
		return 31;
	if (p_pipe(&r, &w, 0) != 0 || p_write(iosafe_fd_borrow(&w), "xy", 2) != 2 ||
	    p_read(iosafe_fd_borrow(&r), buf, sizeof(buf)) != 2 || buf[1] != 'y')
		return 32;
	if (p_socket(&s, AF_UNIX, SOCK_STREAM, 0) != 0 ||
	    p_accept(&c, iosafe_fd_borrow(&s), 0, 0, 0) != -EINVAL)
		return 33;
	if (p_clone(iosafe_fd_borrow(&f), &c) != 0 || fd_flags(c.raw) != FD_CLOEXEC)
		return 34;
	p_replace(&g, iosafe_fd_take(&c));
	if (p_dup_onto(iosafe_fd_borrow(&f), &g) != 0)
		return 35;
	p_drop(&g);
	if (p_close(&f) != 0 || p_close(&r) != 0 || p_close(&w) != 0 || p_close(&s) != 0 ||
	    g.raw != IOSAFE_RAW_NONE)
		return 35;
	return event_pointers();
}
#endif

int main(void)
{
	int rc = calls();

#ifdef TAKE_ADDRESSES
	if (rc == 0)
		rc = pointers();
#endif
	return rc;
}
