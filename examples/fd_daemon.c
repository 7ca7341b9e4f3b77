/* SPDX-License-Identifier: MIT */
/*
 * fd_daemon: a daemon on a Unix socket path that hands each client to a
 * worker process over SCM_RIGHTS, and stops on SIGTERM through a signalfd,
 * written with iosafe.
 *
 *   fd_daemon PATH         listen on the Unix socket PATH (a stale socket
 *                          file left there by a dead server is removed; a
 *                          live server, a directory or a regular file is
 *                          not), pass every client to the worker, which
 *                          echoes what the client sends until it closes;
 *                          stop on SIGTERM or SIGINT and unlink PATH
 *   fd_daemon --self-test  the same under a fresh temporary directory, with
 *                          a stale socket file planted at the path first;
 *                          a child process connects three clients, checks
 *                          each echo and sends SIGTERM to the daemon, which
 *                          stops, reaps its children and checks that the
 *                          socket path is gone
 *
 * Processes and descriptors:
 *   - The worker is forked first, before the daemon owns anything but its
 *     end of the channel (a SOCK_SEQPACKET socketpair, one client per
 *     message): it never holds the listener, so it can neither accept nor
 *     unlink the socket path.
 *   - The daemon blocks SIGTERM and SIGINT (iosafe_signals_block), then
 *     makes the signalfd: a signal that is not blocked is delivered the
 *     usual way and the signalfd never sees it (signalfd(2)).
 *   - The listener (iosafe_auto_unix_listener) owns the socket and the path;
 *     iosafe_unix_listener_close unlinks the path only while it names the
 *     socket file this daemon bound, then closes.
 *   - Each accepted client is owned by one loop iteration of the daemon
 *     (iosafe_auto_fd).  iosafe_send_fds borrows it: the worker receives
 *     its own descriptor (unix(7) SCM_RIGHTS: "as though created with
 *     dup(2)"), so the daemon's copy is still the daemon's and is closed at
 *     the end of the iteration.
 *   - The worker owns each descriptor iosafe_recv_fds gives it
 *     (close-on-exec); a message that carried more descriptors than it
 *     takes is -EMSGSIZE with every one of them closed already.
 *   - Every descriptor is close-on-exec and deleted from the epoll instance
 *     before it is closed (epoll(7)).
 * Bounded: the self-test serves three clients and times out after 5 s of
 * silence.
 */
#define _GNU_SOURCE /* mkdtemp */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <iosafe/iosafe.h>

enum { EV_LISTENER = 1, EV_SIGNAL = 2 };
enum { SELF_TEST_CLIENTS = 3 };

/* Writes all n bytes; 0 or a negative errno. */
static int write_all(iosafe_borrowed_fd fd, const char *buf, size_t n)
{
	while (n > 0) {
		ssize_t w = iosafe_send(fd, buf, n, MSG_NOSIGNAL);
		if (w == -EINTR)
			continue;
		if (w < 0)
			return (int)w;
		buf += w;
		n -= (size_t)w;
	}
	return 0;
}

/* The worker's part for one client: echo until it closes its end.  The
 * number of bytes echoed, or a negative errno. */
static long echo(iosafe_borrowed_fd conn)
{
	char buf[4096];
	long total = 0;
	for (;;) {
		ssize_t r = iosafe_recv(conn, buf, sizeof buf, 0);
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

/* The worker: receives clients on @chan and serves them one after the
 * other, until the daemon closes its end of the channel.  The exit status. */
static int worker(iosafe_borrowed_fd chan)
{
	for (;;) {
		iosafe_owned_fd fds[1];
		size_t n = 0;
		char tag;
		ssize_t r = iosafe_recv_fds(chan, &tag, 1, fds, 1, &n, 0);

		if (r == -EINTR)
			continue;
		if (r == -EMSGSIZE) {
			/* More than one descriptor in one message: all of
			 * them are closed already (iosafe_recv_fds). */
			fprintf(stderr, "fd_daemon: worker: a message with too many fds\n");
			continue;
		}
		if (r < 0) {
			fprintf(stderr, "fd_daemon: worker: recv: %s\n", strerror((int)-r));
			return 1;
		}
		if (r == 0) {
			/* The daemon closed the channel: done.  (A zero-byte
			 * SOCK_SEQPACKET message can still carry descriptors,
			 * so fds[0] is released here too.) */
			iosafe_fd_drop(&fds[0]);
			return 0;
		}
		if (n == 1) {
			long echoed = echo(iosafe_fd_borrow(&fds[0]));
			if (echoed < 0)
				fprintf(stderr, "fd_daemon: worker: client: %s\n",
					strerror((int)-echoed));
		}
		/* Owned by this iteration: closed on every path (none when n
		 * is 0). */
		iosafe_fd_drop(&fds[0]);
	}
}

/* Accepts one client and passes it to the worker.  0, or a negative errno
 * that stops the daemon (the worker is gone). */
static int hand_off(iosafe_borrowed_fd listener, iosafe_borrowed_fd chan, int *served)
{
	iosafe_auto_fd conn = IOSAFE_FD_NONE;
	int rc = iosafe_accept(&conn, listener, NULL, NULL, 0);

	if (rc == -EINTR || rc == -ECONNABORTED || rc == -EAGAIN)
		return 0;
	if (rc < 0) {
		fprintf(stderr, "fd_daemon: accept: %s\n", strerror(-rc));
		return 0; /* EMFILE and the like: the next client may fit */
	}
	iosafe_borrowed_fd pass = iosafe_fd_borrow(&conn);
	ssize_t s;
	do
		s = iosafe_send_fds(chan, "c", 1, &pass, 1, MSG_NOSIGNAL);
	while (s == -EINTR);
	if (s < 0) {
		fprintf(stderr, "fd_daemon: passing a client to the worker: %s\n",
			strerror((int)-s));
		return (int)s;
	}
	(*served)++;
	return 0; /* conn, the daemon's copy, is closed here */
}

/* One self-test client: connect to @path, send @msg, read the echo back.
 * 0 when it matches. */
static int client(const char *path, const char *msg)
{
	iosafe_auto_fd fd = IOSAFE_FD_NONE;
	size_t n = strlen(msg), got = 0;
	char buf[256];

	if (iosafe_unix_connect(&fd, path, SOCK_STREAM) < 0 ||
	    write_all(iosafe_fd_borrow(&fd), msg, n) < 0 ||
	    iosafe_shutdown(iosafe_fd_borrow(&fd), SHUT_WR) < 0) /* the worker sees EOF */
		return 1;
	while (got < sizeof buf) {
		ssize_t r = iosafe_recv(iosafe_fd_borrow(&fd), buf + got, sizeof buf - got, 0);
		if (r == -EINTR)
			continue;
		if (r <= 0)
			break;
		got += (size_t)r;
	}
	return got == n && memcmp(buf, msg, n) == 0 ? 0 : 1;
}

/* The self-test's client child: three clients, then SIGTERM to the daemon
 * (as a supervisor or kill(1) sends it).  Ends with _exit: the descriptors
 * it inherited (the daemon's listener among them) are released by the
 * kernel, and no cleanup of the daemon's (no unlink) runs here. */
static _Noreturn void self_test_clients(const char *path)
{
	int bad = 0;
	for (int i = 0; i < SELF_TEST_CLIENTS; i++) {
		char msg[64];
		snprintf(msg, sizeof msg, "hello %d from client %d\n", i, (int)getpid());
		bad |= client(path, msg);
	}
	if (kill(getppid(), SIGTERM) != 0)
		bad = 1;
	_exit(bad);
}

/* The daemon's loop: serve on @path until SIGTERM or SIGINT arrives through
 * the signalfd, passing each client on over @chan.  Under @self_test, the
 * client child (self_test_clients) is forked once the path is bound and
 * its pid stored in *@client_pid.  0 or a negative errno; *@served counts
 * the clients passed on. */
static int serve(const char *path, iosafe_borrowed_fd chan, int self_test, pid_t *client_pid,
		 int *served)
{
	iosafe_auto_unix_listener l = IOSAFE_UNIX_LISTENER_NONE;
	iosafe_auto_fd ep = IOSAFE_FD_NONE, sfd = IOSAFE_FD_NONE;
	struct epoll_event evs[4];
	sigset_t set;
	int rc, stop = 0;

	sigemptyset(&set);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	/* First block, then make the signalfd (see the head of this file). */
	if ((rc = iosafe_signals_block(&set, NULL)) < 0 ||
	    (rc = iosafe_signalfd(&sfd, &set, 0)) < 0 || (rc = iosafe_epoll_create(&ep, 0)) < 0)
		return rc;
	rc = iosafe_unix_listen(&l, path, SOCK_STREAM, 16, 0700, 0600, IOSAFE_UNIX_REMOVE_STALE);
	if (rc < 0) {
		fprintf(stderr, "fd_daemon: listen on %s: %s\n", path, strerror(-rc));
		return rc;
	}
	if ((rc = iosafe_epoll_add(iosafe_fd_borrow(&ep), iosafe_fd_borrow(&l.fd), EV_LISTENER,
				   EPOLLIN)) < 0 ||
	    (rc = iosafe_epoll_add(iosafe_fd_borrow(&ep), iosafe_fd_borrow(&sfd), EV_SIGNAL,
				   EPOLLIN)) < 0)
		goto out;
	if (self_test) {
		fflush(stdout);
		fflush(stderr);
		*client_pid = fork();
		if (*client_pid < 0) {
			rc = -errno;
			goto out;
		}
		if (*client_pid == 0)
			self_test_clients(path); /* never returns (_exit) */
	} else {
		printf("fd_daemon: serving on %s (SIGTERM or SIGINT stops)\n", path);
		fflush(stdout);
	}
	while (!stop) {
		int n = iosafe_epoll_wait(iosafe_fd_borrow(&ep), evs, 4,
					  self_test ? 5000 : -1);
		if (n == -EINTR)
			continue;
		if (n <= 0) {
			rc = n < 0 ? n : -ETIMEDOUT;
			goto out;
		}
		for (int i = 0; i < n && !stop; i++) {
			if (evs[i].data.u64 == EV_SIGNAL) {
				struct signalfd_siginfo si[4];
				ssize_t got = iosafe_signalfd_read(iosafe_fd_borrow(&sfd), si, 4);
				if (got == -EAGAIN || got == -EINTR)
					continue;
				if (got < 0) {
					rc = (int)got;
					goto out;
				}
				stop = got > 0;
			} else if ((rc = hand_off(iosafe_fd_borrow(&l.fd), chan, served)) < 0) {
				goto out;
			}
		}
	}
	rc = 0;
out:
	/* Delete before close: epoll(7). */
	iosafe_epoll_delete(iosafe_fd_borrow(&ep), iosafe_fd_borrow(&l.fd));
	iosafe_epoll_delete(iosafe_fd_borrow(&ep), iosafe_fd_borrow(&sfd));
	/* Unlinks the path (still this daemon's socket file), then closes. */
	int crc = iosafe_unix_listener_close(&l);
	if (crc < 0 && rc == 0)
		rc = crc;
	return rc;
}

/* Waits for @pid; 1 when it exited with status 0. */
static int reaped_ok(pid_t pid)
{
	int status = 0;
	while (waitpid(pid, &status, 0) < 0) {
		if (errno != EINTR)
			return 0;
	}
	return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

/* Plants what a crashed server leaves at @path: a socket file no server
 * listens on (bound, then closed without unlinking). */
static int plant_stale_socket(const char *path)
{
	iosafe_unix_listener stale = IOSAFE_UNIX_LISTENER_NONE;
	int rc = iosafe_unix_listen(&stale, path, SOCK_STREAM, 1, 0700, 0600, 0);
	if (rc < 0)
		return rc;
	/* Empty the path first, so that the release leaves the file behind. */
	stale.path[0] = 0;
	return iosafe_unix_listener_close(&stale);
}

/* Runs the daemon on @path: forks the worker, serves, stops, reaps.  The
 * exit status. */
static int run(const char *path, int self_test)
{
	iosafe_auto_fd mine = IOSAFE_FD_NONE, theirs = IOSAFE_FD_NONE;
	int served = 0, rc;
	pid_t client_pid = 0;

	rc = iosafe_socketpair(&mine, &theirs, AF_UNIX, SOCK_SEQPACKET, 0);
	if (rc < 0) {
		fprintf(stderr, "fd_daemon: socketpair: %s\n", strerror(-rc));
		return 1;
	}
	fflush(stdout);
	fflush(stderr);
	pid_t worker_pid = fork();
	if (worker_pid < 0) {
		perror("fd_daemon: fork");
		return 1;
	}
	if (worker_pid == 0) {
		/* The worker keeps its end only. */
		iosafe_fd_drop(&mine);
		_exit(worker(iosafe_fd_borrow(&theirs)));
	}
	iosafe_fd_drop(&theirs);
	rc = serve(path, iosafe_fd_borrow(&mine), self_test, &client_pid, &served);
	/* The worker sees the channel's end of file and exits. */
	iosafe_fd_drop(&mine);
	int worker_ok = reaped_ok(worker_pid);
	int clients_ok = client_pid > 0 && reaped_ok(client_pid);
	if (rc < 0) {
		fprintf(stderr, "fd_daemon: %s\n", strerror(-rc));
		return 1;
	}
	if (!worker_ok) {
		fprintf(stderr, "fd_daemon: the worker failed\n");
		return 1;
	}
	if (!self_test) {
		printf("fd_daemon: stopped after %d client(s); %s unlinked\n", served, path);
		return 0;
	}
	struct stat st;
	int gone = stat(path, &st) != 0 && errno == ENOENT;
	if (!clients_ok || served != SELF_TEST_CLIENTS || !gone) {
		fprintf(stderr, "fd_daemon: self-test FAILED (clients %s, %d served, path %s)\n",
			clients_ok ? "ok" : "failed", served, gone ? "unlinked" : "left behind");
		return 1;
	}
	printf("fd_daemon: self-test passed (%d clients passed to the worker over SCM_RIGHTS, "
	       "SIGTERM through the signalfd, %s unlinked)\n",
	       served, path);
	return 0;
}

static int self_test(void)
{
	const char *tmp = getenv("TMPDIR");
	char dir[256], path[300];
	int rc;

	snprintf(dir, sizeof dir, "%s/fd_daemon.XXXXXX", tmp != NULL && *tmp ? tmp : "/tmp");
	if (mkdtemp(dir) == NULL) {
		perror("fd_daemon: mkdtemp");
		return 1;
	}
	snprintf(path, sizeof path, "%s/fd_daemon.sock", dir);
	rc = plant_stale_socket(path);
	if (rc < 0) {
		fprintf(stderr, "fd_daemon: planting a stale socket: %s\n", strerror(-rc));
		rc = 1;
	} else {
		rc = run(path, 1);
	}
	(void)unlink(path); /* left behind only by a failure */
	if (rmdir(dir) != 0 && rc == 0) {
		perror("fd_daemon: rmdir");
		rc = 1;
	}
	return rc;
}

int main(int argc, char **argv)
{
	if (argc == 2 && strcmp(argv[1], "--self-test") == 0)
		return self_test();
	if (argc != 2 || argv[1][0] == '-') {
		fprintf(stderr, "usage: fd_daemon PATH | --self-test\n");
		return 2;
	}
	return run(argv[1], 0);
}
