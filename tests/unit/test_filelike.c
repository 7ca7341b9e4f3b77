/* SPDX-License-Identifier: MIT */
/*
 * tests/unit/test_filelike.c: include/iosafe/filelike.h on POSIX, where a
 * filelike and a socketlike are descriptors: iosafe_pipe_filelike (both
 * ends close-on-exec), read, write, try_clone (close-on-exec, 3 or above),
 * close exactly once, take, drop (errno kept), the errors of bad input and
 * EMFILE with nothing lost, and socketlike send/recv over a socketpair.
 * Every test compares the descriptor table before and after (NOLEAK_TEST).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <iosafe/iosafe.h>

#include "helpers.h"

#define GARBAGE_OWNER { 4242 }

NOLEAK_TEST(filelike, pipe_round_trip_clone_and_end_of_file)
{
	iosafe_owned_filelike r = IOSAFE_FILELIKE_NONE, w = IOSAFE_FILELIKE_NONE;
	iosafe_owned_filelike w2 = GARBAGE_OWNER;
	char buf[16] = { 0 };

	cr_assert_eq(iosafe_pipe_filelike(&r, &w), 0);
	cr_assert(!iosafe_filelike_is_none(&r) && !iosafe_filelike_is_none(&w));
	cr_assert(fd_is_cloexec(r.raw) && fd_is_cloexec(w.raw));
	cr_assert_eq(iosafe_filelike_write(iosafe_filelike_borrow(&w), "hello", 5), 5);
	cr_assert_eq(iosafe_filelike_read(iosafe_filelike_borrow(&r), buf, sizeof buf), 5);
	cr_assert_eq(memcmp(buf, "hello", 5), 0);
	cr_assert_eq(iosafe_filelike_try_clone(&w2, iosafe_filelike_borrow(&w)), 0);
	cr_assert_geq(w2.raw, 3);
	cr_assert_neq(w2.raw, w.raw);
	cr_assert(fd_is_cloexec(w2.raw));
	cr_assert_eq(iosafe_filelike_close(&w), 0);
	cr_assert(iosafe_filelike_is_none(&w));
	cr_assert_eq(iosafe_filelike_write(iosafe_filelike_borrow(&w2), "abc", 3), 3);
	cr_assert_eq(iosafe_filelike_read(iosafe_filelike_borrow(&r), buf, sizeof buf), 3);
	cr_assert_eq(memcmp(buf, "abc", 3), 0);
	errno = 1234;
	iosafe_filelike_drop(&w2);
	cr_assert_eq(errno, 1234);
	cr_assert(iosafe_filelike_is_none(&w2));
	/* No write end left: end of file. */
	cr_assert_eq(iosafe_filelike_read(iosafe_filelike_borrow(&r), buf, sizeof buf), 0);
	cr_assert_eq(iosafe_filelike_close(&r), 0);
}

NOLEAK_TEST(filelike, write_to_closed_pipe_is_epipe)
{
	iosafe_owned_filelike r = IOSAFE_FILELIKE_NONE, w = IOSAFE_FILELIKE_NONE;

	signal(SIGPIPE, SIG_IGN);
	cr_assert_eq(iosafe_pipe_filelike(&r, &w), 0);
	cr_assert_eq(iosafe_filelike_close(&r), 0);
	cr_assert_eq(iosafe_filelike_write(iosafe_filelike_borrow(&w), "x", 1), -EPIPE);
	cr_assert_eq(iosafe_filelike_close(&w), 0);
}

NOLEAK_TEST(filelike, closed_exactly_once_and_take)
{
	iosafe_owned_filelike r = IOSAFE_FILELIKE_NONE, w = IOSAFE_FILELIKE_NONE, moved;
	int raw;

	cr_assert_eq(iosafe_pipe_filelike(&r, &w), 0);
	raw = r.raw;
	moved = iosafe_filelike_take(&r);
	cr_assert(iosafe_filelike_is_none(&r));
	cr_assert_eq(moved.raw, raw);
	cr_assert_eq(iosafe_filelike_close(&moved), 0);
	cr_assert(iosafe_filelike_is_none(&moved));
	cr_assert(!fd_is_open(raw));
	/* A second close and a drop of none do nothing. */
	cr_assert_eq(iosafe_filelike_close(&moved), 0);
	iosafe_filelike_drop(&r);
	iosafe_filelike_drop(&w);
	iosafe_filelike_drop(&w);
	cr_assert(iosafe_filelike_is_none(&w));
}

NOLEAK_TEST(filelike, bad_arguments_lose_nothing)
{
	iosafe_owned_filelike none = IOSAFE_FILELIKE_NONE, r = GARBAGE_OWNER;
	iosafe_owned_filelike out = GARBAGE_OWNER;
	char buf[4];

	cr_assert_eq(iosafe_pipe_filelike(NULL, &r), -EINVAL);
	cr_assert(iosafe_filelike_is_none(&r));
	cr_assert_eq(iosafe_pipe_filelike(&r, &r), -EINVAL);
	cr_assert(iosafe_filelike_is_none(&r));
	cr_assert_eq(iosafe_filelike_read(iosafe_filelike_borrow(&none), buf, sizeof buf), -EBADF);
	cr_assert_eq(iosafe_filelike_write(iosafe_filelike_borrow(&none), "x", 1), -EBADF);
	cr_assert_eq(iosafe_filelike_try_clone(NULL, iosafe_filelike_borrow(&none)), -EINVAL);
	cr_assert_eq(iosafe_filelike_try_clone(&out, iosafe_filelike_borrow(&none)), -EBADF);
	cr_assert(iosafe_filelike_is_none(&out));
	out.raw = 4242;
	cr_assert_eq(iosafe_filelike_try_clone(&out, iosafe_fd_borrow_raw(fd_not_open())), -EBADF);
	cr_assert(iosafe_filelike_is_none(&out));
	cr_assert_eq(iosafe_filelike_close(&none), 0);
}

NOLEAK_TEST(filelike, emfile_leaves_owners_none)
{
	iosafe_owned_filelike r = IOSAFE_FILELIKE_NONE, w = IOSAFE_FILELIKE_NONE;
	iosafe_owned_filelike a = GARBAGE_OWNER, b = GARBAGE_OWNER, c = GARBAGE_OWNER;
	struct fd_filler f;

	cr_assert_eq(iosafe_pipe_filelike(&r, &w), 0);
	fd_table_fill(&f, 1);
	/* One number free: a pipe needs two. */
	cr_assert_eq(iosafe_pipe_filelike(&a, &b), -EMFILE);
	cr_assert(iosafe_filelike_is_none(&a) && iosafe_filelike_is_none(&b));
	cr_assert_eq(iosafe_filelike_try_clone(&c, iosafe_filelike_borrow(&r)), 0);
	cr_assert(!iosafe_filelike_is_none(&c));
	cr_assert_eq(iosafe_filelike_try_clone(&a, iosafe_filelike_borrow(&w)), -EMFILE);
	cr_assert(iosafe_filelike_is_none(&a));
	fd_table_unfill(&f);
	iosafe_filelike_drop(&c);
	iosafe_filelike_drop(&r);
	iosafe_filelike_drop(&w);
}

NOLEAK_TEST(socketlike, socketpair_send_recv_clone_close)
{
	iosafe_owned_socketlike a = IOSAFE_SOCKETLIKE_NONE, b = IOSAFE_SOCKETLIKE_NONE;
	iosafe_owned_socketlike clone = GARBAGE_OWNER, moved, none = IOSAFE_SOCKETLIKE_NONE;
	char buf[16] = { 0 };

	cr_assert_eq(iosafe_socketpair(&a, &b, AF_UNIX, SOCK_STREAM, 0), 0);
	cr_assert(!iosafe_socketlike_is_none(&a) && !iosafe_socketlike_is_none(&b));
	cr_assert_eq(iosafe_socketlike_send(iosafe_socketlike_borrow(&a), "ping", 4, MSG_NOSIGNAL), 4);
	cr_assert_eq(iosafe_socketlike_recv(iosafe_socketlike_borrow(&b), buf, sizeof buf, 0), 4);
	cr_assert_eq(memcmp(buf, "ping", 4), 0);
	cr_assert_eq(iosafe_socketlike_try_clone(&clone, iosafe_socketlike_borrow(&b)), 0);
	cr_assert_geq(clone.raw, 3);
	cr_assert(fd_is_cloexec(clone.raw));
	moved = iosafe_socketlike_take(&clone);
	cr_assert(iosafe_socketlike_is_none(&clone));
	cr_assert_eq(iosafe_socketlike_send(iosafe_socketlike_borrow(&moved), "pong", 4, MSG_NOSIGNAL), 4);
	cr_assert_eq(iosafe_socketlike_recv(iosafe_socketlike_borrow(&a), buf, sizeof buf, 0), 4);
	cr_assert_eq(memcmp(buf, "pong", 4), 0);
	cr_assert_eq(iosafe_socketlike_close(&moved), 0);
	errno = 4321;
	iosafe_socketlike_drop(&b);
	cr_assert_eq(errno, 4321);
	cr_assert(iosafe_socketlike_is_none(&b));
	/* Every peer closed: end of stream, then EPIPE for a send. */
	cr_assert_eq(iosafe_socketlike_recv(iosafe_socketlike_borrow(&a), buf, sizeof buf, 0), 0);
	cr_assert_eq(iosafe_socketlike_send(iosafe_socketlike_borrow(&a), "x", 1, MSG_NOSIGNAL), -EPIPE);
	cr_assert_eq(iosafe_socketlike_send(iosafe_socketlike_borrow(&none), "x", 1, 0), -EBADF);
	cr_assert_eq(iosafe_socketlike_recv(iosafe_socketlike_borrow(&none), buf, sizeof buf, 0), -EBADF);
	cr_assert_eq(iosafe_socketlike_try_clone(NULL, iosafe_socketlike_borrow(&a)), -EINVAL);
	cr_assert_eq(iosafe_socketlike_close(&a), 0);
	cr_assert_eq(iosafe_socketlike_close(&a), 0);
}
