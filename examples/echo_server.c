/* SPDX-License-Identifier: MIT */
/*
 * echo_server: a TCP echo server with an accept loop, written with iosafe.
 *
 *   echo_server [-n CONNECTIONS] [-p PORT]   serve on 127.0.0.1:PORT, echo what
 *                                            each client sends until it closes,
 *                                            and exit after CONNECTIONS clients
 *   echo_server --self-test                  listen on an ephemeral loopback
 *                                            port, connect to itself from a
 *                                            child process and check the echo
 *
 * Bounded on purpose (a demo must end): it serves a fixed number of clients,
 * one at a time, on the loopback address only.
 *
 * Ownership: the listener is owned by main for the whole run; each accepted
 * connection is owned by the loop iteration and closed at its end
 * (iosafe_auto_fd), on every path.  serve_one() only borrows it.
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <iosafe/iosafe.h>

/* Writes all n bytes; 0 or a negative errno. */
static int write_all(iosafe_borrowed_fd fd, const char *buf, size_t n)
{
	while (n > 0) {
		ssize_t w = iosafe_write(fd, buf, n);
		if (w == -EINTR)
			continue;
		if (w < 0)
			return (int)w;
		buf += w;
		n -= (size_t)w;
	}
	return 0;
}

/* Echoes what the client sends until it closes its end.  Returns the
 * number of bytes echoed, or a negative errno. */
static long serve_one(iosafe_borrowed_fd conn)
{
	char buf[4096];
	long total = 0;
	for (;;) {
		ssize_t r = iosafe_read(conn, buf, sizeof buf);
		if (r == -EINTR)
			continue;
		if (r < 0)
			return r;
		if (r == 0)
			return total;
		int rc = write_all(conn, buf, (size_t)r);
		if (rc < 0)
			return rc;
		total += r;
	}
}

/* Opens a listening TCP socket on 127.0.0.1:port (0: an ephemeral port)
 * into *out and stores the port bound in *bound.  0 or a negative errno. */
static int listen_loopback(iosafe_owned_fd *out, unsigned short port, unsigned short *bound)
{
	iosafe_owned_fd fd = IOSAFE_FD_NONE;
	int rc = iosafe_socket(&fd, AF_INET, SOCK_STREAM, 0);
	if (rc < 0)
		return rc;
	int raw = iosafe_fd_raw(iosafe_fd_borrow(&fd));
	int one = 1;
	struct sockaddr_in addr;
	memset(&addr, 0, sizeof addr);
	addr.sin_family = AF_INET;
	addr.sin_port = htons(port);
	addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	socklen_t len = sizeof addr;
	if (setsockopt(raw, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) < 0 ||
	    bind(raw, (struct sockaddr *)&addr, sizeof addr) < 0 ||
	    listen(raw, 16) < 0 ||
	    getsockname(raw, (struct sockaddr *)&addr, &len) < 0) {
		rc = -errno;
		iosafe_fd_drop(&fd);
		return rc;
	}
	*bound = ntohs(addr.sin_port);
	*out = iosafe_fd_take(&fd);
	return 0;
}

/* Accepts and serves n clients, one after the other. */
static int accept_loop(iosafe_borrowed_fd listener, int n)
{
	for (int served = 0; served < n;) {
		iosafe_auto_fd conn = IOSAFE_FD_NONE;
		int rc = iosafe_accept(&conn, listener, NULL, NULL, 0);
		if (rc == -EINTR || rc == -ECONNABORTED)
			continue;
		if (rc < 0) {
			fprintf(stderr, "echo_server: accept: %s\n", strerror(-rc));
			return 1;
		}
		long echoed = serve_one(iosafe_fd_borrow(&conn));
		if (echoed < 0)
			fprintf(stderr, "echo_server: client: %s\n", strerror((int)-echoed));
		else
			printf("echo_server: client %d: %ld bytes echoed\n", served + 1, echoed);
		served++;
	}
	return 0;
}

/* The self-test's client: connects to 127.0.0.1:port, sends a message,
 * reads the echo back and checks it.  0 when the echo matches. */
static int client(unsigned short port, const char *msg)
{
	iosafe_auto_fd fd = IOSAFE_FD_NONE;
	if (iosafe_socket(&fd, AF_INET, SOCK_STREAM, 0) < 0)
		return 1;
	struct sockaddr_in addr;
	memset(&addr, 0, sizeof addr);
	addr.sin_family = AF_INET;
	addr.sin_port = htons(port);
	addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	int raw = iosafe_fd_raw(iosafe_fd_borrow(&fd));
	if (connect(raw, (struct sockaddr *)&addr, sizeof addr) < 0)
		return 1;
	size_t n = strlen(msg);
	if (write_all(iosafe_fd_borrow(&fd), msg, n) < 0)
		return 1;
	if (shutdown(raw, SHUT_WR) < 0) /* the server sees end of file */
		return 1;
	char buf[256];
	size_t got = 0;
	while (got < sizeof buf) {
		ssize_t r = iosafe_read(iosafe_fd_borrow(&fd), buf + got, sizeof buf - got);
		if (r == -EINTR)
			continue;
		if (r <= 0)
			break;
		got += (size_t)r;
	}
	return got == n && memcmp(buf, msg, n) == 0 ? 0 : 1;
}

static int self_test(void)
{
	enum { CLIENTS = 3 };
	iosafe_auto_fd listener = IOSAFE_FD_NONE;
	unsigned short port = 0;
	int rc = listen_loopback(&listener, 0, &port);
	if (rc < 0) {
		fprintf(stderr, "echo_server: listen: %s\n", strerror(-rc));
		return 1;
	}
	fflush(stdout);
	pid_t pid = fork();
	if (pid < 0) {
		perror("echo_server: fork");
		return 1;
	}
	if (pid == 0) {
		/* The child is a client only: the listener is the parent's. */
		iosafe_fd_drop(&listener);
		int bad = 0;
		for (int i = 0; i < CLIENTS; i++)
			bad |= client(port, "hello, iosafe\n");
		_exit(bad);
	}
	rc = accept_loop(iosafe_fd_borrow(&listener), CLIENTS);
	int status = 0;
	while (waitpid(pid, &status, 0) < 0) {
		if (errno != EINTR) {
			perror("echo_server: waitpid");
			return 1;
		}
	}
	if (rc != 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		fprintf(stderr, "echo_server: self-test FAILED\n");
		return 1;
	}
	printf("echo_server: self-test passed (%d clients on 127.0.0.1:%u)\n", CLIENTS, port);
	return 0;
}

int main(int argc, char **argv)
{
	int connections = 1;
	unsigned port = 7007;
	/* A client that goes away must not kill the server. */
	signal(SIGPIPE, SIG_IGN);
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--self-test") == 0)
			return self_test();
		if (strcmp(argv[i], "-n") == 0 && i + 1 < argc)
			connections = atoi(argv[++i]);
		else if (strcmp(argv[i], "-p") == 0 && i + 1 < argc)
			port = (unsigned)atoi(argv[++i]);
		else {
			fprintf(stderr, "usage: echo_server [-n CONNECTIONS] [-p PORT] | --self-test\n");
			return 2;
		}
	}
	if (connections < 1 || port > 65535) {
		fprintf(stderr, "echo_server: bad -n or -p\n");
		return 2;
	}
	iosafe_auto_fd listener = IOSAFE_FD_NONE;
	unsigned short bound = 0;
	int rc = listen_loopback(&listener, (unsigned short)port, &bound);
	if (rc < 0) {
		fprintf(stderr, "echo_server: listen on 127.0.0.1:%u: %s\n", port, strerror(-rc));
		return 1;
	}
	printf("echo_server: serving %d connection(s) on 127.0.0.1:%u\n", connections, bound);
	fflush(stdout);
	return accept_loop(iosafe_fd_borrow(&listener), connections);
}
