/* SPDX-License-Identifier: MIT */
/*
 * epoll_echo: a nonblocking TCP echo server on one epoll instance, written
 * with iosafe (no raw descriptor anywhere).
 *
 *   epoll_echo [-p PORT] [-c CONNECTIONS] [-t SECONDS]
 *       serve on 127.0.0.1:PORT (0, the default: an ephemeral port; the
 *       line "epoll_echo: listening on 127.0.0.1:N" says which), echo every
 *       byte each client sends, and exit once CONNECTIONS clients (default
 *       1) have closed, or with an error after SECONDS (default 10) without
 *       any event
 *   epoll_echo --self-test
 *       the same on an ephemeral port, with a forked child as the client:
 *       SELF_CONNS connections, SELF_ROUNDS messages on each, every echo
 *       compared with what was sent
 *
 * Bounded on purpose (a demo must end): loopback only, a fixed number of
 * clients, an idle timeout.  bench/epoll_echo_bare.c is the same server
 * with int descriptors and the raw calls; `make bench-echo` runs the two
 * under one load (bench/echo_client.c) and compares their requests per
 * second (bench/README.md).
 *
 * Ownership: the listener, the epoll instance and each connection are owned
 * by the one struct server (a connection by its slot, from its
 * iosafe_accept to its close); everything else borrows them.  A connection
 * is deleted from the epoll instance before it is closed (epoll(7) Q6: a
 * duplicate would keep its registration alive).  Level-triggered: one read
 * per event; what a send could not take waits in the slot's buffer, with
 * the registration switched to EPOLLOUT until it is flushed
 * (iosafe_epoll_modify), so a slow reader never blocks the others.
 */
#define _GNU_SOURCE /* accept4: iosafe_accept's body inlines (inline.h) */
#include <errno.h>
#include <netinet/in.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <iosafe/iosafe.h>

#define MAX_CONNS 64
#define BUF_SIZE 4096
#define BATCH 64
#define LISTENER_TAG UINT64_MAX /* the listener's epoll data; a slot's is its index */
#define SELF_CONNS 4
#define SELF_ROUNDS 100

struct conn {
	iosafe_owned_fd fd; /* none: the slot is free */
	size_t off, len;    /* buf[off .. len): echo bytes a send did not take yet */
	char buf[BUF_SIZE];
};

struct server {
	iosafe_owned_fd ep, lst;
	struct conn conns[MAX_CONNS];
	long closed; /* connections served and closed */
};

static struct server srv;

/* Delete slot i's registration, then close its connection. */
static void conn_close(struct server *s, size_t i)
{
	struct conn *c = &s->conns[i];

	(void)iosafe_epoll_delete(iosafe_fd_borrow(&s->ep), iosafe_fd_borrow(&c->fd));
	iosafe_fd_drop(&c->fd);
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

		while (i < MAX_CONNS && s->conns[i].fd.raw != IOSAFE_RAW_NONE)
			i++;
		if (i == MAX_CONNS) {
			iosafe_auto_fd extra = IOSAFE_FD_NONE;

			rc = iosafe_accept(&extra, iosafe_fd_borrow(&s->lst), NULL, NULL, 0);
			if (rc == -EAGAIN)
				return 0;
			if (rc == 0) {
				s->closed++; /* refused: counted as served */
				continue;
			}
		} else {
			rc = iosafe_accept(&s->conns[i].fd, iosafe_fd_borrow(&s->lst), NULL, NULL,
					   SOCK_NONBLOCK);
			if (rc == -EAGAIN)
				return 0;
			if (rc == 0) {
				rc = iosafe_epoll_add(iosafe_fd_borrow(&s->ep),
						      iosafe_fd_borrow(&s->conns[i].fd), (uint64_t)i,
						      EPOLLIN);
				if (rc < 0) {
					iosafe_fd_drop(&s->conns[i].fd);
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
		ssize_t w = iosafe_send(iosafe_fd_borrow(&c->fd), c->buf + c->off, c->len - c->off,
					MSG_NOSIGNAL);

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
		ssize_t r = iosafe_recv(iosafe_fd_borrow(&c->fd), c->buf, sizeof(c->buf), 0);

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
	if (rc == 1 && !pending)
		rc = iosafe_epoll_modify(iosafe_fd_borrow(&s->ep), iosafe_fd_borrow(&c->fd),
					 (uint64_t)i, EPOLLOUT);
	else if (rc == 0 && pending)
		rc = iosafe_epoll_modify(iosafe_fd_borrow(&s->ep), iosafe_fd_borrow(&c->fd),
					 (uint64_t)i, EPOLLIN);
	else
		rc = 0;
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

	s->ep = IOSAFE_FD_NONE;
	s->lst = IOSAFE_FD_NONE;
	s->closed = 0;
	for (size_t i = 0; i < MAX_CONNS; i++) {
		s->conns[i].fd = IOSAFE_FD_NONE;
		s->conns[i].off = s->conns[i].len = 0;
	}
	memset(&a, 0, sizeof(a));
	a.sin_family = AF_INET;
	a.sin_port = htons((uint16_t)port);
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	rc = iosafe_tcp_listen(&s->lst, (const struct sockaddr *)&a, sizeof(a), 128,
			       IOSAFE_SOCK_REUSEADDR | IOSAFE_SOCK_NONBLOCK);
	if (rc == 0)
		rc = iosafe_getsockname(iosafe_fd_borrow(&s->lst), (struct sockaddr *)&a, &len);
	if (rc == 0)
		rc = iosafe_epoll_create(&s->ep, 0);
	if (rc == 0)
		rc = iosafe_epoll_add(iosafe_fd_borrow(&s->ep), iosafe_fd_borrow(&s->lst),
				      LISTENER_TAG, EPOLLIN);
	if (rc < 0) {
		iosafe_fd_drop(&s->ep);
		iosafe_fd_drop(&s->lst);
		return rc;
	}
	*bound = ntohs(a.sin_port);
	return 0;
}

/* Every connection deleted and closed, then the listener and the instance. */
static void server_close(struct server *s)
{
	for (size_t i = 0; i < MAX_CONNS; i++)
		if (s->conns[i].fd.raw != IOSAFE_RAW_NONE)
			conn_close(s, i);
	(void)iosafe_epoll_delete(iosafe_fd_borrow(&s->ep), iosafe_fd_borrow(&s->lst));
	iosafe_fd_drop(&s->lst);
	iosafe_fd_drop(&s->ep);
}

/* The event loop, until `conns` connections have closed: 0, -ETIMEDOUT
 * after idle_s seconds without an event, or a negative errno. */
static int server_run(struct server *s, long conns, int idle_s)
{
	struct epoll_event evs[BATCH];

	while (s->closed < conns) {
		int n = iosafe_epoll_wait(iosafe_fd_borrow(&s->ep), evs, BATCH, idle_s * 1000);

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
			} else if (tag < MAX_CONNS && s->conns[tag].fd.raw != IOSAFE_RAW_NONE) {
				on_conn(s, (size_t)tag);
			}
		}
	}
	return 0;
}

/* --self-test's client (the forked child): SELF_CONNS connections, each
 * sends SELF_ROUNDS messages and reads each echo back whole.  0 when every
 * echo matched. */
static int self_client(unsigned port)
{
	iosafe_owned_fd socks[SELF_CONNS];
	struct sockaddr_in a;
	int rc = 0;

	for (int j = 0; j < SELF_CONNS; j++)
		socks[j] = IOSAFE_FD_NONE;
	memset(&a, 0, sizeof(a));
	a.sin_family = AF_INET;
	a.sin_port = htons((uint16_t)port);
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	for (int j = 0; j < SELF_CONNS && rc == 0; j++)
		rc = iosafe_tcp_connect(&socks[j], (const struct sockaddr *)&a, sizeof(a), 0);
	for (int r = 0; r < SELF_ROUNDS && rc == 0; r++) {
		for (int j = 0; j < SELF_CONNS && rc == 0; j++) {
			char msg[32], got[32];
			int len = snprintf(msg, sizeof(msg), "message %d on %d", r, j);
			size_t have = 0;
			ssize_t n = iosafe_send(iosafe_fd_borrow(&socks[j]), msg, (size_t)len,
						MSG_NOSIGNAL);

			if (n != len) {
				rc = n < 0 ? (int)n : -EIO;
				break;
			}
			while (have < (size_t)len) {
				n = iosafe_recv(iosafe_fd_borrow(&socks[j]), got + have,
						(size_t)len - have, 0);
				if (n == -EINTR)
					continue;
				if (n <= 0) {
					rc = n < 0 ? (int)n : -EPIPE;
					break;
				}
				have += (size_t)n;
			}
			if (rc == 0 && memcmp(msg, got, (size_t)len) != 0)
				rc = -EPROTO;
		}
	}
	for (int j = 0; j < SELF_CONNS; j++)
		iosafe_fd_drop(&socks[j]);
	if (rc < 0)
		fprintf(stderr, "epoll_echo: self-test client: %s\n", strerror(-rc));
	return rc == 0 ? 0 : 1;
}

static int self_test(void)
{
	unsigned port = 0;
	int rc = server_open(&srv, 0, &port), status = 0;
	pid_t child;

	if (rc < 0) {
		fprintf(stderr, "epoll_echo: listen: %s\n", strerror(-rc));
		return 1;
	}
	fflush(stdout);
	child = fork();
	if (child < 0) {
		server_close(&srv);
		perror("epoll_echo: fork");
		return 1;
	}
	if (child == 0) {
		/* The child's copies of the server's descriptors (the parent's
		 * stay open and registered). */
		iosafe_fd_drop(&srv.lst);
		iosafe_fd_drop(&srv.ep);
		_exit(self_client(port));
	}
	rc = server_run(&srv, SELF_CONNS, 10);
	server_close(&srv);
	if (waitpid(child, &status, 0) != child || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		fprintf(stderr, "epoll_echo: self-test: the client failed\n");
		return 1;
	}
	if (rc < 0) {
		fprintf(stderr, "epoll_echo: self-test: %s\n", strerror(-rc));
		return 1;
	}
	printf("epoll_echo: self-test ok (%d connections x %d messages echoed)\n", SELF_CONNS,
	       SELF_ROUNDS);
	return 0;
}

int main(int argc, char **argv)
{
	unsigned port = 0, bound = 0;
	long conns = 1;
	int idle_s = 10, rc, opt;

	if (argc == 2 && strcmp(argv[1], "--self-test") == 0)
		return self_test();
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
			fprintf(stderr, "usage: epoll_echo [-p PORT] [-c CONNECTIONS] [-t SECONDS] | --self-test\n");
			return 2;
		}
	}
	if (port > 65535 || conns < 1 || idle_s < 1) {
		fprintf(stderr, "epoll_echo: PORT 0..65535, CONNECTIONS and SECONDS 1 or more\n");
		return 2;
	}
	rc = server_open(&srv, port, &bound);
	if (rc < 0) {
		fprintf(stderr, "epoll_echo: listen on 127.0.0.1:%u: %s\n", port, strerror(-rc));
		return 1;
	}
	printf("epoll_echo: listening on 127.0.0.1:%u\n", bound);
	fflush(stdout);
	rc = server_run(&srv, conns, idle_s);
	server_close(&srv);
	if (rc < 0) {
		fprintf(stderr, "epoll_echo: %s\n", strerror(-rc));
		return 1;
	}
	return 0;
}
