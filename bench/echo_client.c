/* SPDX-License-Identifier: MIT */
/*
 * bench/echo_client.c: the loopback load of `make bench-echo`.
 *
 *   echo_client PORT CONNECTIONS SIZE REQUESTS SECONDS
 *
 * Opens CONNECTIONS TCP connections to 127.0.0.1:PORT (nothing else: the
 * address is fixed), and keeps one request in flight on each: SIZE bytes
 * sent, the SIZE bytes of the echo read back whole and compared, then the
 * next.  It stops after REQUESTS requests in all (or, with an error, after
 * SECONDS seconds), closes every connection, and prints
 *   requests N seconds S rps R
 * (S: wall time from the first send to the last echo, CLOCK_MONOTONIC).
 * Exit status 0 only when every request was echoed intact in time.
 * One thread, one epoll instance, raw descriptors: the client is the same
 * for both servers, so it is not what is compared.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define MAX_CONNS 64
#define MAX_SIZE 4096

struct client_conn {
	int fd;
	size_t got; /* bytes of the current echo read so far */
	char buf[MAX_SIZE];
};

static struct client_conn conns[MAX_CONNS];
static char msg[MAX_SIZE];

static double now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static int send_request(struct client_conn *c, size_t size)
{
	size_t off = 0;

	c->got = 0;
	while (off < size) { /* blocking socket: whole unless interrupted */
		ssize_t w = send(c->fd, msg + off, size - off, MSG_NOSIGNAL);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		off += (size_t)w;
	}
	return 0;
}

int main(int argc, char **argv)
{
	struct sockaddr_in a;
	struct epoll_event evs[MAX_CONNS];
	long nconn, size, requests, done = 0, sent = 0;
	double seconds, start, end;
	int ep, rc = 0;

	if (argc != 6) {
		fprintf(stderr, "usage: echo_client PORT CONNECTIONS SIZE REQUESTS SECONDS\n");
		return 2;
	}
	nconn = strtol(argv[2], NULL, 10);
	size = strtol(argv[3], NULL, 10);
	requests = strtol(argv[4], NULL, 10);
	seconds = strtod(argv[5], NULL);
	if (nconn < 1 || nconn > MAX_CONNS || size < 1 || size > MAX_SIZE || requests < nconn ||
	    seconds <= 0) {
		fprintf(stderr, "echo_client: CONNECTIONS 1..%d, SIZE 1..%d, REQUESTS >= CONNECTIONS, SECONDS > 0\n",
			MAX_CONNS, MAX_SIZE);
		return 2;
	}
	for (long i = 0; i < size; i++)
		msg[i] = (char)('a' + i % 26);
	memset(&a, 0, sizeof(a));
	a.sin_family = AF_INET;
	a.sin_port = htons((uint16_t)strtoul(argv[1], NULL, 10));
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	ep = epoll_create1(EPOLL_CLOEXEC);
	if (ep < 0) {
		perror("echo_client: epoll_create1");
		return 1;
	}
	for (long i = 0; i < nconn; i++) {
		struct epoll_event ev;
		int one = 1;

		conns[i].fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
		if (conns[i].fd < 0 || connect(conns[i].fd, (struct sockaddr *)&a, sizeof(a)) < 0 ||
		    setsockopt(conns[i].fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one)) < 0) {
			perror("echo_client: connect");
			rc = 1;
			nconn = conns[i].fd < 0 ? i : i + 1;
			break;
		}
		ev.events = EPOLLIN;
		ev.data.u64 = (uint64_t)i;
		if (epoll_ctl(ep, EPOLL_CTL_ADD, conns[i].fd, &ev) < 0) {
			perror("echo_client: epoll_ctl");
			rc = 1;
			nconn = i + 1;
			break;
		}
	}
	start = now();
	for (long i = 0; i < nconn && rc == 0; i++, sent++)
		if (send_request(&conns[i], (size_t)size) < 0)
			rc = 1;
	while (rc == 0 && done < requests) {
		int n = epoll_wait(ep, evs, MAX_CONNS, 1000);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 || now() - start > seconds) {
			fprintf(stderr, "echo_client: %s after %ld requests\n",
				n < 0 ? strerror(errno) : "out of time", done);
			rc = 1;
			break;
		}
		for (int k = 0; k < n && rc == 0; k++) {
			struct client_conn *c = &conns[evs[k].data.u64];
			ssize_t r = recv(c->fd, c->buf + c->got, (size_t)size - c->got, 0);

			if (r < 0 && errno == EINTR)
				continue;
			if (r <= 0) {
				fprintf(stderr, "echo_client: %s\n", r < 0 ? strerror(errno) : "server closed");
				rc = 1;
				break;
			}
			c->got += (size_t)r;
			if (c->got < (size_t)size)
				continue;
			if (memcmp(c->buf, msg, (size_t)size) != 0) {
				fprintf(stderr, "echo_client: an echo differs from its request\n");
				rc = 1;
				break;
			}
			done++;
			if (sent < requests) {
				sent++;
				if (send_request(c, (size_t)size) < 0)
					rc = 1;
			}
		}
	}
	end = now();
	for (long i = 0; i < nconn; i++)
		close(conns[i].fd);
	close(ep);
	if (rc != 0)
		return 1;
	printf("requests %ld seconds %.6f rps %.1f\n", done, end - start, (double)done / (end - start));
	return 0;
}
