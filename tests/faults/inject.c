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

/* ---- iosafe/fdops.h ---- */

static struct outcome case_dup(void)
{
	iosafe_owned_fd out = { 77 };
	struct outcome o;

	o.result = iosafe_dup(&out, iosafe_fd_borrow_raw(devnull()));
	o.kept = (o.result == 0) == (out.raw >= 3);
	return o;
}

static struct outcome case_dup_min(void)
{
	iosafe_owned_fd out = { 77 };
	struct outcome o;

	o.result = iosafe_dup_min(&out, iosafe_fd_borrow_raw(devnull()), 10);
	o.kept = (o.result == 0) == (out.raw >= 10);
	return o;
}

static struct outcome case_dup_stdout(void)
{
	iosafe_owned_fd out = { 77 };
	struct outcome o;

	dup3(devnull(), 1, 0); /* 1 open, whatever make was given */
	o.result = iosafe_dup_stdout(&out);
	o.kept = (o.result == 0) == (out.raw >= 3);
	return o;
}

static struct outcome case_take_stdin(void)
{
	iosafe_owned_fd out = { 77 };
	struct outcome o;

	dup3(devnull(), 0, 0); /* 0 open, whatever make was given */
	o.result = iosafe_take_stdin(&out);
	o.kept = o.result == 0 ? out.raw == 0 : out.raw == -1;
	return o;
}

static struct outcome case_get_flags(void)
{
	int flags = 77;
	struct outcome o;

	o.result = iosafe_fd_get_flags(iosafe_fd_borrow_raw(devnull()), &flags);
	o.kept = o.result == 0 ? (flags & O_ACCMODE) == O_RDWR : flags == 0;
	return o;
}

static struct outcome case_set_flags(void)
{
	struct outcome o;

	o.result = iosafe_fd_set_flags(iosafe_fd_borrow_raw(devnull()), O_APPEND);
	o.kept = true;
	return o;
}

static struct outcome case_dup_onto(void)
{
	iosafe_owned_fd target = iosafe_fd_from_raw(devnull());
	int number = target.raw;
	struct outcome o;

	o.result = iosafe_dup_onto(iosafe_fd_borrow_raw(devnull()), &target);
	o.kept = target.raw == number;
	return o;
}

static struct outcome case_dup2_stdin(void)
{
	struct outcome o;

	o.result = iosafe_dup2_stdin(iosafe_fd_borrow_raw(devnull()));
	o.kept = true;
	return o;
}

static struct outcome case_get_cloexec(void)
{
	bool on = true;
	struct outcome o;

	o.result = iosafe_fd_get_cloexec(iosafe_fd_borrow_raw(devnull()), &on);
	o.kept = o.result == 0 ? on : !on;
	return o;
}

static struct outcome case_set_cloexec(void)
{
	struct outcome o;

	o.result = iosafe_fd_set_cloexec(iosafe_fd_borrow_raw(devnull()), false);
	o.kept = true;
	return o;
}

static struct outcome case_set_nonblock(void)
{
	struct outcome o;

	o.result = iosafe_fd_set_nonblock(iosafe_fd_borrow_raw(devnull()), true);
	o.kept = true;
	return o;
}

static struct outcome case_move_above_stdio(void)
{
	iosafe_owned_fd fd;
	struct outcome o;

	close(0);
	fd = iosafe_fd_from_raw(devnull());
	o.result = iosafe_fd_move_above_stdio(&fd);
	o.kept = o.result == 0 ? fd.raw >= 3 : fd.raw == 0;
	return o;
}

/* 200..203 open, 199 and 204 too: the range 200..203 must be closed and
 * its neighbours kept, by close_range(2) or by the fallback walk. */
static struct outcome case_close_range(void)
{
	int fd = devnull();
	struct outcome o;

	for (int k = 199; k <= 204; k++)
		dup3(fd, k, O_CLOEXEC);
	o.result = iosafe_close_range(200, 203, 0);
	o.kept = fcntl(199, F_GETFD) >= 0 && fcntl(204, F_GETFD) >= 0;
	for (int k = 200; k <= 203; k++)
		if (o.result == 0 && fcntl(k, F_GETFD) >= 0)
			o.kept = false;
	return o;
}

static struct outcome case_close_range_cloexec(void)
{
	int fd = devnull();
	struct outcome o;

	for (int k = 199; k <= 204; k++)
		dup3(fd, k, 0);
	o.result = iosafe_close_range(200, 203, IOSAFE_CLOSE_RANGE_CLOEXEC);
	o.kept = fcntl(199, F_GETFD) == 0 && fcntl(204, F_GETFD) == 0;
	for (int k = 200; k <= 203; k++)
		if (o.result == 0 && fcntl(k, F_GETFD) != FD_CLOEXEC)
			o.kept = false;
	return o;
}

static struct outcome case_close_range_unshare(void)
{
	struct outcome o;

	o.result = iosafe_close_range(500, 600, IOSAFE_CLOSE_RANGE_UNSHARE);
	o.kept = true;
	return o;
}

static struct outcome case_close_all_except(void)
{
	int fd = devnull();
	iosafe_borrowed_fd keep[1] = { iosafe_fd_borrow_raw(fd) };
	int extra = devnull();
	struct outcome o;

	o.result = iosafe_close_all_except(keep, 1);
	o.kept = fcntl(fd, F_GETFD) >= 0 && (o.result != 0 || fcntl(extra, F_GETFD) < 0);
	return o;
}

/* Right answers for a duplicate and for two ends of a pipe, by kcmp(2) or
 * by the fallback. */
static struct outcome case_same(void)
{
	int fd = devnull(), copy = fcntl(fd, F_DUPFD_CLOEXEC, 3), p[2];
	bool same = false, other = true;
	struct outcome o;

	pipe2(p, O_CLOEXEC);
	o.result = iosafe_fd_same(iosafe_fd_borrow_raw(fd), iosafe_fd_borrow_raw(copy), &same);
	if (o.result == 0)
		o.result = iosafe_fd_same(iosafe_fd_borrow_raw(p[0]), iosafe_fd_borrow_raw(p[1]), &other);
	o.kept = o.result == 0 ? (same && !other) : !same;
	return o;
}

static struct outcome case_get_path(void)
{
	char buf[64] = "x";
	struct outcome o;

	o.result = iosafe_fd_get_path(iosafe_fd_borrow_raw(devnull()), buf, sizeof(buf));
	o.kept = o.result == 0 ? strcmp(buf, "/dev/null") == 0 : buf[0] == '\0';
	return o;
}

static struct outcome case_reopen(void)
{
	iosafe_owned_fd out = { 77 };
	struct outcome o;

	o.result = iosafe_fd_reopen(&out, iosafe_fd_borrow_raw(devnull()), O_RDONLY);
	o.kept = (o.result == 0) == (out.raw >= 0);
	return o;
}

#include "inject_event.h"

static const struct {
	const char *name;
	struct outcome (*run)(void);
} cases[] = {
	IOSAFE_EVENT_CASES
	{ "close", case_close },
	{ "try_clone", case_try_clone },
	{ "open", case_open },
	{ "openat", case_openat },
	{ "socket", case_socket },
	{ "accept", case_accept },
	{ "pipe", case_pipe },
	{ "read", case_read },
	{ "write", case_write },
	{ "dup", case_dup },
	{ "dup_min", case_dup_min },
	{ "dup_stdout", case_dup_stdout },
	{ "take_stdin", case_take_stdin },
	{ "get_flags", case_get_flags },
	{ "set_flags", case_set_flags },
	{ "dup_onto", case_dup_onto },
	{ "dup2_stdin", case_dup2_stdin },
	{ "get_cloexec", case_get_cloexec },
	{ "set_cloexec", case_set_cloexec },
	{ "set_nonblock", case_set_nonblock },
	{ "move_above_stdio", case_move_above_stdio },
	{ "close_range", case_close_range },
	{ "close_range_cloexec", case_close_range_cloexec },
	{ "close_range_unshare", case_close_range_unshare },
	{ "close_all_except", case_close_all_except },
	{ "same", case_same },
	{ "get_path", case_get_path },
	{ "reopen", case_reopen },
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
