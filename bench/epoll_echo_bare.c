/* SPDX-License-Identifier: MIT */
/*
 * bench/epoll_echo_bare.c: examples/epoll_echo.c with int descriptors and
 * the raw calls, for `make bench-echo` (bench/README.md): the same
 * structure line for line, the same options (-p PORT, -c CONNECTIONS,
 * -t SECONDS) and the same "listening on" line; socket(2) + setsockopt(2)
 * + bind(2) + listen(2) where the iosafe server calls iosafe_tcp_listen,
 * accept4(2), epoll_ctl(2), epoll_wait(2), recv(2), send(2) and close(2)
 * where it calls the wrappers; errors as -errno like iosafe's.  No
 * --self-test: the iosafe server's is the example's.
 */
#define _GNU_SOURCE /* accept4 */
#include <errno.h>
#include <netinet/in.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#define MAX_CONNS 64
#define BUF_SIZE 4096
#define BATCH 64
#define LISTENER_TAG UINT64_MAX /* the listener's epoll data; a slot's is its index */

struct conn {
	int fd; /* -1: the slot is free */
	size_t off, len;    /* buf[off .. len): echo bytes a send did not take yet */
	char buf[BUF_SIZE];
};

struct server {
	int ep, lst;
	struct conn conns[MAX_CONNS];
	long closed; /* connections served and closed */
};

static struct server srv;

/* Delete slot i's registration, then close its connection. */
static void conn_close(struct server *s, size_t i)
{
	struct conn *c = &s->conns[i];

	(void)epoll_ctl(s->ep, EPOLL_CTL_DEL, c->fd, NULL);
	close(c->fd);
	c->fd = -1;
	c->off = c->len = 0;
	s->closed++;
}

/* Accept every pending connection into a free slot; one over MAX_CONNS is
 * closed at once.  0, or a negative errno of the listener. */
static int on_accept(struct server *s)
{
	for (;;) {
		size_t i = 0;
		int rc;

		while (i < MAX_CONNS && s->conns[i].fd != -1)
			i++;
		if (i == MAX_CONNS) {
			int extra = accept4(s->lst, NULL, NULL, SOCK_CLOEXEC);

			rc = extra < 0 ? -errno : 0;
			if (rc == -EAGAIN)
				return 0;
			if (rc == 0) {
				close(extra);
				s->closed++; /* refused: counted as served */
				continue;
			}
		} else {
			s->conns[i].fd = accept4(s->lst, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
			rc = s->conns[i].fd < 0 ? -errno : 0;
			if (rc == -EAGAIN)
				return 0;
			if (rc == 0) {
				struct epoll_event ev;

				ev.events = EPOLLIN;
				ev.data.u64 = (uint64_t)i;
				rc = epoll_ctl(s->ep, EPOLL_CTL_ADD, s->conns[i].fd, &ev) < 0 ? -errno : 0;
				if (rc < 0) {
					close(s->conns[i].fd);
					s->conns[i].fd = -1;
					s->closed++;
				}
				continue;
			}
		}
		/* accept4(2): a connection that was reset while queued, or a
		 * signal: try the next one. */
		if (rc != -ECONNABORTED && rc != -EINTR)
			return rc;
	}
}

/* Send what slot i still holds: 0 when it is flushed, 1 while some is left,
 * a negative errno when the connection failed. */
static int conn_flush(struct server *s, size_t i)
{
	struct conn *c = &s->conns[i];

	while (c->off < c->len) {
		ssize_t w = send(c->fd, c->buf + c->off, c->len - c->off, MSG_NOSIGNAL);

		if (w < 0)
			w = -errno;

		if (w == -EAGAIN)
			return 1;
		if (w == -EINTR)
			continue;
		if (w < 0)
			return (int)w;
		c->off += (size_t)w;
	}
	c->off = c->len = 0;
	return 0;
}

/* One event on slot i: read once and echo it, or go on flushing. */
static void on_conn(struct server *s, size_t i)
{
	struct conn *c = &s->conns[i];
	int pending = c->len > 0, rc;

	if (!pending) {
		ssize_t r = recv(c->fd, c->buf, sizeof(c->buf), 0);

		if (r < 0)
			r = -errno;

		if (r == -EAGAIN || r == -EINTR)
			return;
		if (r <= 0) { /* 0: the client closed; or an error */
			conn_close(s, i);
			return;
		}
		c->off = 0;
		c->len = (size_t)r;
	}
	rc = conn_flush(s, i);
	if (rc < 0) {
		conn_close(s, i);
		return;
	}
	/* Wait for room (EPOLLOUT) while bytes are left, for input again once
	 * they are gone. */
	if ((rc == 1 && !pending) || (rc == 0 && pending)) {
		struct epoll_event ev;

		ev.events = rc == 1 ? EPOLLOUT : EPOLLIN;
		ev.data.u64 = (uint64_t)i;
		rc = epoll_ctl(s->ep, EPOLL_CTL_MOD, c->fd, &ev) < 0 ? -errno : 0;
	} else {
		rc = 0;
	}
	if (rc < 0)
		conn_close(s, i);
}

/* The listener on 127.0.0.1:port and the epoll instance; *bound receives
 * the port.  0 or a negative errno (nothing left open then). */
static int server_open(struct server *s, unsigned port, unsigned *bound)
{
	struct sockaddr_in a;
	socklen_t len = sizeof(a);
	int rc;

	s->ep = -1;
	s->lst = -1;
	s->closed = 0;
	for (size_t i = 0; i < MAX_CONNS; i++) {
		s->conns[i].fd = -1;
		s->conns[i].off = s->conns[i].len = 0;
	}
	memset(&a, 0, sizeof(a));
	a.sin_family = AF_INET;
	a.sin_port = htons((uint16_t)port);
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	s->lst = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	rc = s->lst < 0 ? -errno : 0;
	if (rc == 0) {
		int one = 1;

		if (setsockopt(s->lst, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one)) < 0 ||
		    bind(s->lst, (const struct sockaddr *)&a, sizeof(a)) < 0 || listen(s->lst, 128) < 0)
			rc = -errno;
	}
	if (rc == 0 && getsockname(s->lst, (struct sockaddr *)&a, &len) < 0)
		rc = -errno;
	if (rc == 0) {
		s->ep = epoll_create1(EPOLL_CLOEXEC);
		rc = s->ep < 0 ? -errno : 0;
	}
	if (rc == 0) {
		struct epoll_event ev;

		ev.events = EPOLLIN;
		ev.data.u64 = LISTENER_TAG;
		if (epoll_ctl(s->ep, EPOLL_CTL_ADD, s->lst, &ev) < 0)
			rc = -errno;
	}
	if (rc < 0) {
		if (s->ep >= 0)
			close(s->ep);
		if (s->lst >= 0)
			close(s->lst);
		s->ep = s->lst = -1;
		return rc;
	}
	*bound = ntohs(a.sin_port);
	return 0;
}

/* Every connection deleted and closed, then the listener and the instance. */
static void server_close(struct server *s)
{
	for (size_t i = 0; i < MAX_CONNS; i++)
		if (s->conns[i].fd != -1)
			conn_close(s, i);
	(void)epoll_ctl(s->ep, EPOLL_CTL_DEL, s->lst, NULL);
	close(s->lst);
	close(s->ep);
	s->lst = s->ep = -1;
}

/* The event loop, until `conns` connections have closed: 0, -ETIMEDOUT
 * after idle_s seconds without an event, or a negative errno. */
static int server_run(struct server *s, long conns, int idle_s)
{
	struct epoll_event evs[BATCH];

	while (s->closed < conns) {
		int n = epoll_wait(s->ep, evs, BATCH, idle_s * 1000);

		if (n < 0)
			n = -errno;

		if (n == -EINTR)
			continue;
		if (n < 0)
			return n;
		if (n == 0)
			return -ETIMEDOUT;
		for (int k = 0; k < n; k++) {
			uint64_t tag = evs[k].data.u64;

			if (tag == LISTENER_TAG) {
				int rc = on_accept(s);

				if (rc < 0)
					return rc;
			} else if (tag < MAX_CONNS && s->conns[tag].fd != -1) {
				on_conn(s, (size_t)tag);
			}
		}
	}
	return 0;
}

int main(int argc, char **argv)
{
	unsigned port = 0, bound = 0;
	long conns = 1;
	int idle_s = 10, rc, opt;

	while ((opt = getopt(argc, argv, "p:c:t:")) != -1) {
		switch (opt) {
		case 'p':
			port = (unsigned)strtoul(optarg, NULL, 10);
			break;
		case 'c':
			conns = strtol(optarg, NULL, 10);
			break;
		case 't':
			idle_s = atoi(optarg);
			break;
		default:
			fprintf(stderr, "usage: epoll_echo_bare [-p PORT] [-c CONNECTIONS] [-t SECONDS]\n");
			return 2;
		}
	}
	if (port > 65535 || conns < 1 || idle_s < 1) {
		fprintf(stderr, "epoll_echo_bare: PORT 0..65535, CONNECTIONS and SECONDS 1 or more\n");
		return 2;
	}
	rc = server_open(&srv, port, &bound);
	if (rc < 0) {
		fprintf(stderr, "epoll_echo_bare: listen on 127.0.0.1:%u: %s\n", port, strerror(-rc));
		return 1;
	}
	printf("epoll_echo: listening on 127.0.0.1:%u\n", bound);
	fflush(stdout);
	rc = server_run(&srv, conns, idle_s);
	server_close(&srv);
	if (rc < 0) {
		fprintf(stderr, "epoll_echo_bare: %s\n", strerror(-rc));
		return 1;
	}
	return 0;
}
