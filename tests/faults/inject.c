/* SPDX-License-Identifier: MIT */
/*
 * tests/faults/inject.c: one call of an iosafe wrapper per run, for
 * tests/faults/check.sh, which runs it under strace -e inject=SYSCALL:error=E
 * so that the system call fails with an errno the man page does not list
 * (or any errno at all).  The wrapper must pass that errno on as -E and
 * keep its other promises (an out-parameter none on failure, an owner none
 * after close).  A contract in acsl/ or a doc in include/iosafe/ that
 * promised a fixed list of errors would be caught here.
 *
 *   inject CASE EXPECTED   exit 0 when the wrapper returned EXPECTED (a
 *                          number: 0 or a negative errno) and kept its
 *                          promises; 1 otherwise; 2 for a bad CASE.
 *
 * Nothing is printed before the call (printing would write(2), and the
 * write case injects into every write); the verdict is the exit status.
 * Linked statically, so that no dynamic loader makes the calls first.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <iosafe/iosafe.h>

/* The result of the call and whether its other promises held. */
struct outcome {
	long result;
	bool kept;
};

static int devnull(void)
{
	return open("/dev/null", O_RDWR | O_CLOEXEC);
}

static struct outcome case_close(void)
{
	iosafe_owned_fd fd = iosafe_fd_from_raw(devnull());
	struct outcome o;

	o.result = iosafe_fd_close(&fd);
	o.kept = fd.raw == IOSAFE_RAW_NONE;
	return o;
}

static struct outcome case_try_clone(void)
{
	iosafe_owned_fd out = { 77 };
	struct outcome o;

	o.result = iosafe_fd_try_clone(iosafe_fd_borrow_raw(devnull()), &out);
	o.kept = (o.result == 0) == (out.raw >= 3);
	return o;
}

static struct outcome case_open(void)
{
	iosafe_owned_fd out = { 77 };
	struct outcome o;

	o.result = iosafe_open(&out, "/dev/null", O_RDONLY, 0);
	o.kept = (o.result == 0) == (out.raw >= 0);
	return o;
}

static struct outcome case_openat(void)
{
	iosafe_owned_fd out = { 77 };
	struct outcome o;

	o.result = iosafe_openat(&out, iosafe_cwd(), "/dev/null", O_RDONLY, 0);
	o.kept = (o.result == 0) == (out.raw >= 0);
	return o;
}

static struct outcome case_socket(void)
{
	iosafe_owned_fd out = { 77 };
	struct outcome o;

	o.result = iosafe_socket(&out, AF_UNIX, SOCK_STREAM, 0);
	o.kept = (o.result == 0) == (out.raw >= 0);
	return o;
}

static struct outcome case_accept(void)
{
	struct sockaddr_in a;
	socklen_t len = sizeof(a);
	int l = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	int c = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	iosafe_owned_fd out = { 77 };
	struct outcome o = { 1, false };

	memset(&a, 0, sizeof(a));
	a.sin_family = AF_INET;
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (l < 0 || c < 0 || bind(l, (struct sockaddr *)&a, sizeof(a)) != 0 ||
	    listen(l, 1) != 0 || getsockname(l, (struct sockaddr *)&a, &len) != 0 ||
	    connect(c, (struct sockaddr *)&a, len) != 0)
		return o;
	o.result = iosafe_accept(&out, iosafe_fd_borrow_raw(l), NULL, NULL, 0);
	o.kept = (o.result == 0) == (out.raw >= 0);
	return o;
}

static struct outcome case_pipe(void)
{
	iosafe_owned_fd r = { 77 }, w = { 78 };
	struct outcome o;

	o.result = iosafe_pipe(&r, &w, 0);
	o.kept = o.result == 0 ? (r.raw >= 0 && w.raw >= 0) : (r.raw == -1 && w.raw == -1);
	return o;
}

static struct outcome case_read(void)
{
	int fd = devnull();
	char c;
	struct outcome o;

	o.result = iosafe_read(iosafe_fd_borrow_raw(fd), &c, 1);
	o.kept = true;
	return o;
}

static struct outcome case_write(void)
{
	int fd = devnull();
	struct outcome o;

	o.result = iosafe_write(iosafe_fd_borrow_raw(fd), "x", 1);
	o.kept = o.result == 1 || o.result < 0;
	if (o.result == 1)
		o.result = 0; /* the control run: success */
	return o;
}

static const struct {
	const char *name;
	struct outcome (*run)(void);
} cases[] = {
	{ "close", case_close },
	{ "try_clone", case_try_clone },
	{ "open", case_open },
	{ "openat", case_openat },
	{ "socket", case_socket },
	{ "accept", case_accept },
	{ "pipe", case_pipe },
	{ "read", case_read },
	{ "write", case_write },
};

int main(int argc, char **argv)
{
	if (argc != 3)
		return 2;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		if (strcmp(cases[i].name, argv[1]) == 0) {
			struct outcome o = cases[i].run();

			return o.kept && o.result == strtol(argv[2], NULL, 10) ? 0 : 1;
		}
	}
	return 2;
}
