/* SPDX-License-Identifier: MIT */
/*
 * tests/unit/test_auto.c: include/iosafe/auto.h.
 * iosafe_auto_fd closes its descriptor at every kind of scope exit (end of
 * block, return, break, continue, goto out of a block), keeps it when it was
 * moved out with take or into_raw, and does not close twice after an
 * explicit close.
 *
 * How a close is seen: the raw number is remembered inside the scope and
 * checked with fcntl(F_GETFD) after it.  How a double close is seen: after
 * an explicit close, another descriptor is opened at the same number (the
 * lowest free one, POSIX open) before the scope ends; it must still be open
 * afterwards.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include <iosafe/iosafe.h>

#include "helpers.h"

static int open_null(iosafe_owned_fd *fd)
{
	cr_assert_eq(iosafe_open(fd, "/dev/null", O_RDONLY, 0), 0);
	return fd->raw;
}

NOLEAK_TEST(auto_fd, closes_at_end_of_block)
{
	int raw;

	{
		iosafe_auto_fd fd = IOSAFE_FD_NONE;

		raw = open_null(&fd);
		cr_assert(fd_is_open(raw));
	}
	cr_assert_not(fd_is_open(raw), "closed at the end of its block");
}

static int opens_and_returns(int *raw)
{
	iosafe_auto_fd fd = IOSAFE_FD_NONE;

	*raw = open_null(&fd);
	return 7;
}

NOLEAK_TEST(auto_fd, closes_at_return)
{
	int raw = -1;

	cr_assert_eq(opens_and_returns(&raw), 7);
	cr_assert_geq(raw, 0);
	cr_assert_not(fd_is_open(raw), "closed when the function returned");
}

static int early_return(int *raw, bool fail)
{
	iosafe_auto_fd fd = IOSAFE_FD_NONE;

	*raw = open_null(&fd);
	if (fail)
		return -1; /* the error path: nothing to write by hand */
	return 0;
}

NOLEAK_TEST(auto_fd, closes_at_an_early_return)
{
	int raw = -1;

	cr_assert_eq(early_return(&raw, true), -1);
	cr_assert_not(fd_is_open(raw));
	cr_assert_eq(early_return(&raw, false), 0);
	cr_assert_not(fd_is_open(raw));
}

NOLEAK_TEST(auto_fd, closes_at_break)
{
	int raw = -1, iterations = 0;

	for (int i = 0; i < 10; i++) {
		iosafe_auto_fd fd = IOSAFE_FD_NONE;

		iterations++;
		raw = open_null(&fd);
		if (i == 2)
			break;
	}
	cr_assert_eq(iterations, 3);
	cr_assert_not(fd_is_open(raw), "closed when break left the loop body");
}

NOLEAK_TEST(auto_fd, closes_at_continue)
{
	int prev = -1, seen = 0;

	for (int i = 0; i < 5; i++) {
		iosafe_auto_fd fd = IOSAFE_FD_NONE;
		int raw;

		/* The previous iteration's descriptor was closed at its
		 * continue, so the lowest free number is free again. */
		if (prev >= 0)
			cr_assert_not(fd_is_open(prev), "iteration %d: %d still open", i, prev);
		raw = open_null(&fd);
		if (prev >= 0)
			cr_assert_eq(raw, prev, "the same number is reused");
		prev = raw;
		seen++;
		if (i % 2 == 0)
			continue;
		/* end of body on odd iterations */
	}
	cr_assert_eq(seen, 5);
	cr_assert_not(fd_is_open(prev));
}

NOLEAK_TEST(auto_fd, closes_at_goto_out_of_a_block)
{
	int raw = -1;

	{
		iosafe_auto_fd fd = IOSAFE_FD_NONE;

		raw = open_null(&fd);
		if (raw >= 0)
			goto out;
		cr_assert_fail("not reached");
	}
out:
	cr_assert_geq(raw, 0);
	cr_assert_not(fd_is_open(raw), "closed when goto left its block");
}

NOLEAK_TEST(auto_fd, closes_at_goto_out_of_nested_blocks_inner_first)
{
	int outer_raw = -1, inner_raw = -1;

	{
		iosafe_auto_fd outer = IOSAFE_FD_NONE;

		outer_raw = open_null(&outer);
		{
			iosafe_auto_fd inner = IOSAFE_FD_NONE;

			inner_raw = open_null(&inner);
			goto done;
		}
	}
done:
	cr_assert_not(fd_is_open(outer_raw));
	cr_assert_not(fd_is_open(inner_raw));
}

NOLEAK_TEST(auto_fd, none_is_not_closed)
{
	/* A scope that never acquired anything closes nothing: the lowest
	 * free number opened before it stays open. */
	int keep = open("/dev/null", O_RDONLY | O_CLOEXEC);

	cr_assert_geq(keep, 0);
	{
		iosafe_auto_fd fd = IOSAFE_FD_NONE;

		cr_assert(iosafe_fd_is_none(&fd));
	}
	cr_assert(fd_is_open(keep));
	close(keep);
}

NOLEAK_TEST(auto_fd, take_keeps_it_open)
{
	iosafe_owned_fd kept = IOSAFE_FD_NONE;
	int raw;

	{
		iosafe_auto_fd fd = IOSAFE_FD_NONE;

		raw = open_null(&fd);
		kept = iosafe_fd_take(&fd);
	}
	cr_assert_eq(kept.raw, raw);
	cr_assert(fd_is_open(raw), "moved out with take: not closed");
	cr_assert_eq(iosafe_fd_close(&kept), 0);
}

static int hand_out(void)
{
	iosafe_auto_fd fd = IOSAFE_FD_NONE;

	if (iosafe_open(&fd, "/dev/null", O_RDONLY, 0) < 0)
		return -1;
	return iosafe_fd_into_raw(&fd);
}

NOLEAK_TEST(auto_fd, into_raw_keeps_it_open)
{
	int raw = hand_out();

	cr_assert_geq(raw, 0);
	cr_assert(fd_is_open(raw), "handed out with into_raw: not closed");
	cr_assert(fd_is_cloexec(raw));
	cr_assert_eq(close(raw), 0);
}

NOLEAK_TEST(auto_fd, explicit_close_then_scope_exit_closes_once)
{
	int raw, other;

	{
		iosafe_auto_fd fd = IOSAFE_FD_NONE;

		raw = open_null(&fd);
		cr_assert_eq(iosafe_fd_close(&fd), 0);
		cr_assert(iosafe_fd_is_none(&fd));
		/* Someone else now gets the same number... */
		other = open("/dev/null", O_RDONLY | O_CLOEXEC);
		cr_assert_eq(other, raw);
	}
	/* ...and the scope exit must not have closed it. */
	cr_assert(fd_is_open(other), "closed twice: the second close hit another owner's fd");
	close(other);
}

NOLEAK_TEST(auto_fd, replace_inside_scope_closes_both)
{
	int first, second;

	{
		iosafe_auto_fd fd = IOSAFE_FD_NONE;
		iosafe_owned_fd tmp = IOSAFE_FD_NONE;

		first = open_null(&fd);
		second = open_null(&tmp);
		iosafe_fd_replace(&fd, iosafe_fd_take(&tmp));
		cr_assert_not(fd_is_open(first), "replace closed the first");
		cr_assert(fd_is_open(second));
	}
	cr_assert_not(fd_is_open(second), "the scope closed the second");
}

NOLEAK_TEST(auto_fd, scope_exit_preserves_errno)
{
	int raw;

	{
		iosafe_auto_fd fd = IOSAFE_FD_NONE;

		raw = open_null(&fd);
		errno = ENOEXEC; /* an error being reported on the way out */
	}
	cr_assert_eq(errno, ENOEXEC, "the cleanup preserved errno");
	cr_assert_not(fd_is_open(raw));
}

NOLEAK_TEST(auto_fd, is_an_owned_fd)
{
	iosafe_auto_fd fd = IOSAFE_FD_NONE;
	iosafe_owned_fd *as_owned = &fd; /* the same type, with a cleanup */

	cr_assert_eq(sizeof(fd), sizeof(int));
	cr_assert(iosafe_fd_is_none(as_owned));
}
