/* SPDX-License-Identifier: MIT */
/*
 * tests/unit/test_fd.c: include/iosafe/fd.h (its bodies, inlined here at -O2;
 * the library's symbols are run by tests/headers/inlined.c).
 * from_raw, into_raw, borrow, borrow_raw, raw, take, is_none, close, drop,
 * replace, try_clone, stdin/stdout/stderr; on real descriptors.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <iosafe/iosafe.h>

#include "helpers.h"

/* A raw pipe, both ends close-on-exec, made without iosafe. */
static void raw_pipe(int p[2])
{
	cr_assert_eq(pipe2(p, O_CLOEXEC), 0, "pipe2: %s", strerror(errno));
}

static int raw_devnull(void)
{
	int fd = open("/dev/null", O_RDWR | O_CLOEXEC);

	cr_assert_geq(fd, 0);
	return fd;
}

/* ---- from_raw / into_raw / is_none --------------------------------------- */

NOLEAK_TEST(fd, from_raw_adopts_and_into_raw_gives_back)
{
	int raw = raw_devnull();
	iosafe_owned_fd fd = iosafe_fd_from_raw(raw);

	cr_assert_eq(fd.raw, raw);
	cr_assert_not(iosafe_fd_is_none(&fd));
	cr_assert_eq(iosafe_fd_into_raw(&fd), raw);
	cr_assert(iosafe_fd_is_none(&fd), "into_raw leaves none");
	cr_assert_eq(fd.raw, IOSAFE_RAW_NONE);
	/* into_raw did not close it: the caller owns it now. */
	cr_assert(fd_is_open(raw));
	cr_assert_eq(close(raw), 0);
}

NOLEAK_TEST(fd, from_raw_of_a_failed_open_is_none)
{
	iosafe_owned_fd fd = iosafe_fd_from_raw(open("/nonexistent/iosafe", O_RDONLY));

	cr_assert(iosafe_fd_is_none(&fd));
	cr_assert_eq(fd.raw, -1);
}

NOLEAK_TEST(fd, from_raw_any_negative_is_canonical_none)
{
	const int negatives[] = { -1, -2, -100, -2147483647 - 1 };

	for (size_t i = 0; i < sizeof(negatives) / sizeof(negatives[0]); i++) {
		iosafe_owned_fd fd = iosafe_fd_from_raw(negatives[i]);

		cr_assert(iosafe_fd_is_none(&fd));
		cr_assert_eq(fd.raw, IOSAFE_RAW_NONE, "from_raw(%d)", negatives[i]);
	}
}

NOLEAK_TEST(fd, from_raw_of_zero_is_not_none)
{
	/* 0 is a descriptor like any other; ownership of stdin is not taken
	 * here (into_raw hands it straight back). */
	iosafe_owned_fd fd = iosafe_fd_from_raw(0);

	cr_assert_not(iosafe_fd_is_none(&fd));
	cr_assert_eq(iosafe_fd_into_raw(&fd), 0);
}

NOLEAK_TEST(fd, into_raw_of_none_is_minus_one)
{
	iosafe_owned_fd fd = IOSAFE_FD_NONE;
	iosafe_owned_fd odd = { -7 };

	cr_assert_eq(iosafe_fd_into_raw(&fd), -1);
	cr_assert(iosafe_fd_is_none(&fd));
	cr_assert_lt(iosafe_fd_into_raw(&odd), 0, "a hand-built none stays none");
	cr_assert_eq(odd.raw, IOSAFE_RAW_NONE);
}

NOLEAK_TEST(fd, none_initialiser)
{
	iosafe_owned_fd fd = IOSAFE_FD_NONE;

	cr_assert(iosafe_fd_is_none(&fd));
	cr_assert_eq(fd.raw, -1);
	fd = IOSAFE_FD_NONE; /* also usable as an expression */
	cr_assert(iosafe_fd_is_none(&fd));
}

/* ---- borrow / borrow_raw / raw ------------------------------------------- */

NOLEAK_TEST(fd, borrow_gives_the_same_number_and_keeps_the_owner)
{
	int p[2];
	iosafe_owned_fd r, w;
	iosafe_borrowed_fd br, bw;
	char c = 0;

	raw_pipe(p);
	r = iosafe_fd_from_raw(p[0]);
	w = iosafe_fd_from_raw(p[1]);
	br = iosafe_fd_borrow(&r);
	bw = iosafe_fd_borrow(&w);
	cr_assert_eq(iosafe_fd_raw(br), p[0]);
	cr_assert_eq(iosafe_fd_raw(bw), p[1]);
	cr_assert_eq(r.raw, p[0], "borrowing leaves the owner unchanged");
	/* The borrows are usable descriptors. */
	cr_assert_eq(iosafe_write(bw, "x", 1), 1);
	cr_assert_eq(iosafe_read(br, &c, 1), 1);
	cr_assert_eq(c, 'x');
	cr_assert_eq(iosafe_fd_close(&r), 0);
	cr_assert_eq(iosafe_fd_close(&w), 0);
}

NOLEAK_TEST(fd, borrow_of_none_is_none)
{
	iosafe_owned_fd fd = IOSAFE_FD_NONE;
	iosafe_owned_fd odd = { -42 };

	cr_assert_eq(iosafe_fd_raw(iosafe_fd_borrow(&fd)), -1);
	cr_assert_lt(iosafe_fd_raw(iosafe_fd_borrow(&odd)), 0, "a hand-built none stays none");
	cr_assert_eq(odd.raw, -42, "borrow does not change its owner");
}

NOLEAK_TEST(fd, borrow_raw_and_raw)
{
	int raw = raw_devnull();
	iosafe_borrowed_fd b = iosafe_fd_borrow_raw(raw);

	cr_assert_eq(iosafe_fd_raw(b), raw);
	cr_assert_eq(iosafe_write(b, "abc", 3), 3, "a borrow of /dev/null is writable");
	cr_assert_eq(iosafe_fd_raw(iosafe_fd_borrow_raw(-5)), -1);
	cr_assert_eq(iosafe_fd_raw(iosafe_fd_borrow_raw(-1)), -1);
	cr_assert(fd_is_open(raw), "a borrow never closes");
	cr_assert_eq(close(raw), 0);
}

/* ---- take ------------------------------------------------------------ */

NOLEAK_TEST(fd, take_moves_and_leaves_none)
{
	int raw = raw_devnull();
	iosafe_owned_fd a = iosafe_fd_from_raw(raw);
	iosafe_owned_fd b = iosafe_fd_take(&a);

	cr_assert(iosafe_fd_is_none(&a), "take leaves none behind");
	cr_assert_eq(b.raw, raw);
	cr_assert(fd_is_open(raw), "take does not close");
	/* Closing the moved-from owner is a no-op, not a double close. */
	cr_assert_eq(iosafe_fd_close(&a), 0);
	cr_assert(fd_is_open(raw));
	cr_assert_eq(iosafe_fd_close(&b), 0);
	cr_assert_not(fd_is_open(raw));
}

NOLEAK_TEST(fd, take_of_none_is_none)
{
	iosafe_owned_fd a = IOSAFE_FD_NONE;
	iosafe_owned_fd odd = { -3 }; /* built by hand: still none */
	iosafe_owned_fd b = iosafe_fd_take(&a);
	iosafe_owned_fd c = iosafe_fd_take(&odd);

	cr_assert(iosafe_fd_is_none(&a));
	cr_assert(iosafe_fd_is_none(&b));
	cr_assert_eq(a.raw, -1);
	cr_assert_eq(b.raw, -1);
	cr_assert(iosafe_fd_is_none(&c));
	cr_assert_eq(odd.raw, -1, "take leaves the canonical none behind");
}

/* ---- close ----------------------------------------------------------- */

NOLEAK_TEST(fd, close_closes_and_leaves_none)
{
	int raw = raw_devnull();
	iosafe_owned_fd fd = iosafe_fd_from_raw(raw);

	cr_assert_eq(iosafe_fd_close(&fd), 0);
	cr_assert(iosafe_fd_is_none(&fd));
	cr_assert_not(fd_is_open(raw), "the descriptor is closed");
}

NOLEAK_TEST(fd, close_of_none_is_a_no_op)
{
	iosafe_owned_fd fd = IOSAFE_FD_NONE;
	iosafe_owned_fd odd = { -9 };

	cr_assert_eq(iosafe_fd_close(&fd), 0);
	cr_assert(iosafe_fd_is_none(&fd));
	cr_assert_eq(iosafe_fd_close(&odd), 0);
	cr_assert_eq(odd.raw, -1);
}

NOLEAK_TEST(fd, close_of_a_number_not_open_is_ebadf_and_leaves_none)
{
	int stale = fd_not_open();
	iosafe_owned_fd fd = iosafe_fd_from_raw(stale);

	cr_assert_eq(iosafe_fd_close(&fd), -EBADF);
	cr_assert(iosafe_fd_is_none(&fd), "none even when close fails");
}

NOLEAK_TEST(fd, double_close_is_caught_as_ebadf)
{
	int raw = raw_devnull();
	iosafe_owned_fd a = iosafe_fd_from_raw(raw);
	iosafe_owned_fd copy = a; /* an ownership bug: two owners */

	cr_assert_eq(iosafe_fd_close(&a), 0);
	cr_assert_eq(iosafe_fd_close(&copy), -EBADF);
	cr_assert(iosafe_fd_is_none(&copy));
}

NOLEAK_TEST(fd, close_of_each_kind_of_descriptor)
{
	int p[2], sv[2];
	int mfd = memfd_create("iosafe-close", MFD_CLOEXEC);
	iosafe_owned_fd fds[5];

	cr_assert_geq(mfd, 0, "memfd_create: %s", strerror(errno));
	raw_pipe(p);
	cr_assert_eq(socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv), 0);
	fds[0] = iosafe_fd_from_raw(p[0]);
	fds[1] = iosafe_fd_from_raw(p[1]);
	fds[2] = iosafe_fd_from_raw(sv[0]);
	fds[3] = iosafe_fd_from_raw(sv[1]);
	fds[4] = iosafe_fd_from_raw(mfd);
	for (int i = 0; i < 5; i++) {
		int raw = fds[i].raw;

		cr_assert_eq(iosafe_fd_close(&fds[i]), 0);
		cr_assert(iosafe_fd_is_none(&fds[i]));
		cr_assert_not(fd_is_open(raw));
	}
}

/* ---- drop ------------------------------------------------------------ */

NOLEAK_TEST(fd, drop_closes_and_preserves_errno)
{
	int raw = raw_devnull();
	iosafe_owned_fd fd = iosafe_fd_from_raw(raw);

	errno = ERANGE;
	iosafe_fd_drop(&fd);
	cr_assert_eq(errno, ERANGE, "drop preserves errno");
	cr_assert(iosafe_fd_is_none(&fd));
	cr_assert_not(fd_is_open(raw));
}

NOLEAK_TEST(fd, drop_of_a_number_not_open_preserves_errno)
{
	/* close(2) fails with EBADF and sets errno; drop must hide that. */
	iosafe_owned_fd fd = iosafe_fd_from_raw(fd_not_open());

	errno = ENOTTY;
	iosafe_fd_drop(&fd);
	cr_assert_eq(errno, ENOTTY, "errno %d (%s)", errno, strerror(errno));
	cr_assert(iosafe_fd_is_none(&fd));
}

NOLEAK_TEST(fd, drop_of_none_is_a_no_op)
{
	iosafe_owned_fd fd = IOSAFE_FD_NONE;

	errno = EDOM;
	iosafe_fd_drop(&fd);
	iosafe_fd_drop(&fd);
	cr_assert_eq(errno, EDOM);
	cr_assert(iosafe_fd_is_none(&fd));
}

/* ---- replace --------------------------------------------------------- */

NOLEAK_TEST(fd, replace_drops_old_and_moves_new_in)
{
	int old_raw = raw_devnull(), new_raw = raw_devnull();
	iosafe_owned_fd dst = iosafe_fd_from_raw(old_raw);

	errno = EXDEV;
	iosafe_fd_replace(&dst, iosafe_fd_from_raw(new_raw));
	cr_assert_eq(errno, EXDEV, "replace preserves errno");
	cr_assert_eq(dst.raw, new_raw);
	cr_assert_not(fd_is_open(old_raw), "the old descriptor is closed");
	cr_assert(fd_is_open(new_raw));
	cr_assert_eq(iosafe_fd_close(&dst), 0);
}

NOLEAK_TEST(fd, replace_into_none)
{
	int raw = raw_devnull();
	iosafe_owned_fd dst = IOSAFE_FD_NONE;

	iosafe_fd_replace(&dst, iosafe_fd_from_raw(raw));
	cr_assert_eq(dst.raw, raw);
	cr_assert(fd_is_open(raw));
	cr_assert_eq(iosafe_fd_close(&dst), 0);
}

NOLEAK_TEST(fd, replace_with_none_closes_and_leaves_none)
{
	int raw = raw_devnull();
	iosafe_owned_fd dst = iosafe_fd_from_raw(raw);
	iosafe_owned_fd odd = { -5 };

	iosafe_fd_replace(&dst, IOSAFE_FD_NONE);
	cr_assert(iosafe_fd_is_none(&dst));
	cr_assert_not(fd_is_open(raw));
	iosafe_fd_replace(&dst, odd);
	cr_assert_eq(dst.raw, -1, "a non-canonical none is stored as -1");
}

NOLEAK_TEST(fd, replace_with_the_same_descriptor_keeps_it_open)
{
	int raw = raw_devnull();
	iosafe_owned_fd dst = iosafe_fd_from_raw(raw);

	iosafe_fd_replace(&dst, iosafe_fd_from_raw(raw));
	cr_assert_eq(dst.raw, raw);
	cr_assert(fd_is_open(raw), "not closed under its new owner");
	cr_assert_eq(iosafe_fd_close(&dst), 0);
}

NOLEAK_TEST(fd, replace_preserves_errno_when_the_old_close_fails)
{
	iosafe_owned_fd dst = iosafe_fd_from_raw(fd_not_open());
	int raw = raw_devnull();

	errno = ESPIPE;
	iosafe_fd_replace(&dst, iosafe_fd_from_raw(raw));
	cr_assert_eq(errno, ESPIPE);
	cr_assert_eq(dst.raw, raw);
	cr_assert_eq(iosafe_fd_close(&dst), 0);
}

/* ---- try_clone ------------------------------------------------------- */

NOLEAK_TEST(fd, try_clone_duplicates_cloexec_at_3_or_above)
{
	int mfd = memfd_create("iosafe-clone", 0); /* deliberately not cloexec */
	iosafe_owned_fd orig, clone = IOSAFE_FD_NONE;
	char buf[4] = { 0 };

	cr_assert_geq(mfd, 0, "memfd_create: %s", strerror(errno));
	orig = iosafe_fd_from_raw(mfd);
	cr_assert_eq(iosafe_fd_try_clone(iosafe_fd_borrow(&orig), &clone), 0);
	cr_assert_geq(clone.raw, 3);
	cr_assert_neq(clone.raw, mfd);
	cr_assert(fd_is_cloexec(clone.raw), "the clone is close-on-exec");
	cr_assert_not(fd_is_cloexec(mfd), "the original's flag is its own");
	/* Same open file description: the file offset is shared. */
	cr_assert_eq(iosafe_write(iosafe_fd_borrow(&clone), "abcd", 4), 4);
	cr_assert_eq(lseek(mfd, 0, SEEK_CUR), 4);
	cr_assert_eq(lseek(mfd, 0, SEEK_SET), 0);
	cr_assert_eq(iosafe_read(iosafe_fd_borrow(&orig), buf, 4), 4);
	cr_assert_arr_eq(buf, "abcd", 4);
	/* Each owner closes its own. */
	cr_assert_eq(iosafe_fd_close(&orig), 0);
	cr_assert(fd_is_open(clone.raw));
	cr_assert_eq(iosafe_fd_close(&clone), 0);
}

NOLEAK_TEST(fd, try_clone_never_lands_on_0_1_2)
{
	int saved[3], flags[3], raw = raw_devnull();
	iosafe_owned_fd clone = IOSAFE_FD_NONE;

	/* Free 0, 1 and 2 (keeping copies to put back). */
	for (int i = 0; i < 3; i++) {
		flags[i] = fd_is_open(i) ? fcntl(i, F_GETFD) : -1;
		saved[i] = flags[i] >= 0 ? fcntl(i, F_DUPFD_CLOEXEC, 10) : -1;
		if (flags[i] >= 0)
			close(i);
	}
	/* Prove they are free: a plain dup would take 0. */
	{
		int probe = dup(raw);

		cr_assert_eq(probe, 0, "0 is free");
		close(probe);
	}
	cr_assert_eq(iosafe_fd_try_clone(iosafe_fd_borrow_raw(raw), &clone), 0);
	cr_assert_geq(clone.raw, 3, "clone landed on %d", clone.raw);
	cr_assert(fd_is_cloexec(clone.raw));
	cr_assert_eq(iosafe_fd_close(&clone), 0);
	/* Put stdin, stdout, stderr back exactly as they were. */
	for (int i = 0; i < 3; i++) {
		if (saved[i] < 0)
			continue;
		cr_assert_eq(dup3(saved[i], i, (flags[i] & FD_CLOEXEC) ? O_CLOEXEC : 0), i);
		close(saved[i]);
	}
	close(raw);
}

NOLEAK_TEST(fd, try_clone_of_none_is_ebadf_and_out_none)
{
	iosafe_owned_fd out = { 1234 }; /* overwritten, not closed */

	cr_assert_eq(iosafe_fd_try_clone(iosafe_fd_borrow_raw(-1), &out), -EBADF);
	cr_assert(iosafe_fd_is_none(&out));
}

NOLEAK_TEST(fd, try_clone_of_a_number_not_open_is_ebadf)
{
	iosafe_owned_fd out = IOSAFE_FD_NONE;

	cr_assert_eq(iosafe_fd_try_clone(iosafe_fd_borrow_raw(fd_not_open()), &out), -EBADF);
	cr_assert(iosafe_fd_is_none(&out));
}

NOLEAK_TEST(fd, try_clone_null_out_is_einval)
{
	int raw = raw_devnull();

	cr_assert_eq(iosafe_fd_try_clone(iosafe_fd_borrow_raw(raw), NULL), -EINVAL);
	close(raw);
}

NOLEAK_TEST(fd, try_clone_with_a_full_table_is_emfile)
{
	int raw = raw_devnull();
	iosafe_owned_fd out = IOSAFE_FD_NONE;
	struct fd_filler f;
	int rc;

	fd_table_fill(&f, 0);
	rc = iosafe_fd_try_clone(iosafe_fd_borrow_raw(raw), &out);
	fd_table_unfill(&f);
	cr_assert_eq(rc, -EMFILE, "rc %d (%s)", rc, strerror(-rc));
	cr_assert(iosafe_fd_is_none(&out));
	close(raw);
}

NOLEAK_TEST(fd, try_clone_with_one_free_number_succeeds)
{
	int raw = raw_devnull();
	iosafe_owned_fd out = IOSAFE_FD_NONE;
	struct fd_filler f;
	int rc;

	fd_table_fill(&f, 1);
	rc = iosafe_fd_try_clone(iosafe_fd_borrow_raw(raw), &out);
	cr_assert_eq(rc, 0, "rc %d", rc);
	cr_assert_eq(iosafe_fd_close(&out), 0);
	fd_table_unfill(&f);
	close(raw);
}

/* ---- stdin / stdout / stderr --------------------------------------------- */

NOLEAK_TEST(fd, std_borrows_are_0_1_2)
{
	cr_assert_eq(iosafe_fd_raw(iosafe_stdin()), 0);
	cr_assert_eq(iosafe_fd_raw(iosafe_stdout()), 1);
	cr_assert_eq(iosafe_fd_raw(iosafe_stderr()), 2);
}

/* Put the write end of a pipe at @target (1 or 2), write through the std
 * borrow, read it back, and restore @target. */
static void check_std_output(int target, iosafe_borrowed_fd std)
{
	int p[2], saved, saved_flags = fcntl(target, F_GETFD);
	char buf[8] = { 0 };

	raw_pipe(p);
	saved = saved_flags >= 0 ? fcntl(target, F_DUPFD_CLOEXEC, 3) : -1;
	cr_assert_eq(dup2(p[1], target), target);
	cr_assert_eq(iosafe_write(std, "out!", 4), 4);
	cr_assert_eq(read(p[0], buf, sizeof(buf)), 4);
	cr_assert_str_eq(buf, "out!");
	if (saved >= 0) {
		cr_assert_eq(dup3(saved, target, (saved_flags & FD_CLOEXEC) ? O_CLOEXEC : 0), target);
		close(saved);
	} else {
		close(target);
	}
	close(p[0]);
	close(p[1]);
}

NOLEAK_TEST(fd, stdout_and_stderr_write_to_1_and_2)
{
	check_std_output(1, iosafe_stdout());
	check_std_output(2, iosafe_stderr());
}

NOLEAK_TEST(fd, stdin_reads_from_0)
{
	int p[2], saved, saved_flags = fcntl(0, F_GETFD);
	char buf[8] = { 0 };

	raw_pipe(p);
	saved = saved_flags >= 0 ? fcntl(0, F_DUPFD_CLOEXEC, 3) : -1;
	cr_assert_eq(dup2(p[0], 0), 0);
	cr_assert_eq(write(p[1], "in", 2), 2);
	cr_assert_eq(iosafe_read(iosafe_stdin(), buf, sizeof(buf)), 2);
	cr_assert_str_eq(buf, "in");
	if (saved >= 0) {
		cr_assert_eq(dup3(saved, 0, (saved_flags & FD_CLOEXEC) ? O_CLOEXEC : 0), 0);
		close(saved);
	} else {
		close(0);
	}
	close(p[0]);
	close(p[1]);
}

/* ---- the types ------------------------------------------------------- */

NOLEAK_TEST(fd, types_are_one_int)
{
	/* So that iosafe code compiles to the same instructions as int code
	 * (bench/ measures it). */
	cr_assert_eq(sizeof(iosafe_owned_fd), sizeof(int));
	cr_assert_eq(sizeof(iosafe_borrowed_fd), sizeof(int));
}
