/* SPDX-License-Identifier: MIT */
/*
 * tests/unit/test_fdops.c: include/iosafe/fdops.h and src/fdops.c.
 * dup, dup_min, dup_onto, dup2_std*, dup_std*, take_std*, close-on-exec and
 * status flags, move_above_stdio, close_range, close_all_except, fd_same,
 * fd_get_path, fd_reopen: success, each documented error, close-on-exec of
 * every new descriptor, EMFILE under a lowered RLIMIT_NOFILE for every
 * acquisition; the descriptor table is compared after each test
 * (NOLEAK_TEST).  Tests that change 0, 1 or 2 put them back exactly.
 * About 900 lines: one file for the one header it tests, 43 tests.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <iosafe/iosafe.h>

#include "helpers.h"

#define GARBAGE_OWNER { 4242 }

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

static iosafe_borrowed_fd b(int raw)
{
	return iosafe_fd_borrow_raw(raw);
}

/* What /proc/self/fd/N names, for comparisons ("" when not open). */
static void link_of(int fd, char *buf, size_t n)
{
	char link[64];
	ssize_t len;

	snprintf(link, sizeof(link), "/proc/self/fd/%d", fd);
	len = readlink(link, buf, n - 1);
	buf[len < 0 ? 0 : len] = '\0';
}

/* A standard descriptor saved away and put back exactly (number, file,
 * close-on-exec), or closed again when it was not open. */
struct saved_std {
	int n, copy, flags;
};

static struct saved_std std_save(int n)
{
	struct saved_std s = { n, -1, fcntl(n, F_GETFD) };

	if (s.flags >= 0) {
		s.copy = fcntl(n, F_DUPFD_CLOEXEC, 10);
		cr_assert_geq(s.copy, 0);
	}
	return s;
}

static void std_restore(struct saved_std *s)
{
	if (s->copy >= 0) {
		cr_assert_eq(dup3(s->copy, s->n, (s->flags & FD_CLOEXEC) ? O_CLOEXEC : 0), s->n);
		close(s->copy);
	} else {
		close(s->n);
	}
}

static void assert_same_file(int a, int c)
{
	bool same = false;

	cr_assert_eq(iosafe_fd_same(b(a), b(c), &same), 0);
	cr_assert(same, "fd %d and fd %d are not the same open file", a, c);
}

/* ---- dup / dup_min ------------------------------------------------------ */

NOLEAK_TEST(fdops, dup_succeeds_cloexec_at_3_or_above)
{
	int p[2];
	iosafe_owned_fd d = GARBAGE_OWNER;
	char c = 0;

	raw_pipe(p);
	cr_assert_eq(iosafe_dup(&d, b(p[1])), 0);
	cr_assert_geq(d.raw, 3);
	cr_assert(fd_is_cloexec(d.raw));
	cr_assert_eq(write(d.raw, "d", 1), 1);
	cr_assert_eq(read(p[0], &c, 1), 1);
	cr_assert_eq(c, 'd');
	assert_same_file(d.raw, p[1]);
	cr_assert_eq(iosafe_fd_close(&d), 0);
	close(p[0]);
	close(p[1]);
}

NOLEAK_TEST(fdops, dup_of_none_or_closed_is_ebadf)
{
	iosafe_owned_fd d = GARBAGE_OWNER;

	cr_assert_eq(iosafe_dup(&d, b(-1)), -EBADF);
	cr_assert(iosafe_fd_is_none(&d));
	d.raw = 4242;
	cr_assert_eq(iosafe_dup(&d, b(fd_not_open())), -EBADF);
	cr_assert(iosafe_fd_is_none(&d));
}

NOLEAK_TEST(fdops, dup_null_out_is_einval)
{
	int fd = raw_devnull();

	cr_assert_eq(iosafe_dup(NULL, b(fd)), -EINVAL);
	cr_assert_eq(iosafe_dup_min(NULL, b(fd), 5), -EINVAL);
	close(fd);
}

NOLEAK_TEST(fdops, dup_emfile)
{
	int fd = raw_devnull();
	iosafe_owned_fd d = GARBAGE_OWNER, one = IOSAFE_FD_NONE;
	struct fd_filler f;
	int rc, rc1;

	fd_table_fill(&f, 0);
	rc = iosafe_dup(&d, b(fd));
	fd_table_unfill(&f);
	cr_assert_eq(rc, -EMFILE, "rc %d (%s)", rc, strerror(-rc));
	cr_assert(iosafe_fd_is_none(&d));
	fd_table_fill(&f, 1);
	rc1 = iosafe_dup(&one, b(fd));
	cr_assert_eq(rc1, 0, "with one free number: %d", rc1);
	cr_assert_eq(iosafe_fd_close(&one), 0);
	fd_table_unfill(&f);
	close(fd);
}

NOLEAK_TEST(fdops, dup_min_is_at_least_min_and_cloexec)
{
	int fd = raw_devnull();
	iosafe_owned_fd d = GARBAGE_OWNER;

	cr_assert_eq(iosafe_dup_min(&d, b(fd), 100), 0);
	cr_assert_geq(d.raw, 100);
	cr_assert(fd_is_cloexec(d.raw));
	assert_same_file(d.raw, fd);
	cr_assert_eq(iosafe_fd_close(&d), 0);
	close(fd);
}

NOLEAK_TEST(fdops, dup_min_out_of_range_is_einval)
{
	int fd = raw_devnull();
	iosafe_owned_fd d = GARBAGE_OWNER;
	struct fd_filler f;
	int rc;

	cr_assert_eq(iosafe_dup_min(&d, b(fd), -1), -EINVAL);
	cr_assert(iosafe_fd_is_none(&d));
	d.raw = 4242;
	cr_assert_eq(iosafe_dup_min(&d, b(fd), INT_MAX), -EINVAL);
	cr_assert(iosafe_fd_is_none(&d));
	/* At or above RLIMIT_NOFILE: fcntl(2)'s own EINVAL. */
	fd_table_fill(&f, 4);
	d.raw = 4242;
	rc = iosafe_dup_min(&d, b(fd), 100000);
	fd_table_unfill(&f);
	cr_assert_eq(rc, -EINVAL, "rc %d (%s)", rc, strerror(-rc));
	cr_assert(iosafe_fd_is_none(&d));
	cr_assert_eq(iosafe_dup_min(&d, b(-1), 3), -EBADF);
	close(fd);
}

NOLEAK_TEST(fdops, dup_min_emfile)
{
	int fd = raw_devnull();
	iosafe_owned_fd d = GARBAGE_OWNER;
	struct fd_filler f;
	int rc;

	fd_table_fill(&f, 0);
	rc = iosafe_dup_min(&d, b(fd), 0);
	fd_table_unfill(&f);
	cr_assert_eq(rc, -EMFILE, "rc %d (%s)", rc, strerror(-rc));
	cr_assert(iosafe_fd_is_none(&d));
	close(fd);
}

/* ---- dup_onto -------------------------------------------------------------- */

NOLEAK_TEST(fdops, dup_onto_keeps_the_number_and_sets_cloexec)
{
	int p[2];
	iosafe_owned_fd target = iosafe_fd_from_raw(raw_devnull());
	int number = target.raw;
	char c = 0;

	raw_pipe(p);
	cr_assert_eq(fcntl(number, F_SETFD, 0), 0); /* clear it: dup_onto sets it */
	cr_assert_eq(iosafe_dup_onto(b(p[1]), &target), 0);
	cr_assert_eq(target.raw, number, "*target keeps its number");
	cr_assert(fd_is_cloexec(number));
	assert_same_file(number, p[1]);
	cr_assert_eq(write(number, "o", 1), 1);
	cr_assert_eq(read(p[0], &c, 1), 1);
	cr_assert_eq(c, 'o');
	cr_assert_eq(iosafe_fd_close(&target), 0);
	close(p[0]);
	close(p[1]);
}

NOLEAK_TEST(fdops, dup_onto_errors_leave_the_target_as_it_was)
{
	int src = raw_devnull();
	iosafe_owned_fd target = IOSAFE_FD_NONE;
	char before[128], after[128];
	int p[2];

	cr_assert_eq(iosafe_dup_onto(b(src), NULL), -EINVAL);
	cr_assert_eq(iosafe_dup_onto(b(src), &target), -EBADF, "none target");
	raw_pipe(p);
	target = iosafe_fd_from_raw(p[0]);
	link_of(p[0], before, sizeof(before));
	cr_assert_eq(iosafe_dup_onto(b(-1), &target), -EBADF, "none source");
	cr_assert_eq(iosafe_dup_onto(b(fd_not_open()), &target), -EBADF, "closed source");
	cr_assert_eq(iosafe_dup_onto(b(p[0]), &target), -EINVAL, "source is the target");
	link_of(p[0], after, sizeof(after));
	cr_assert_str_eq(after, before);
	cr_assert_eq(target.raw, p[0]);
	cr_assert_eq(iosafe_fd_close(&target), 0);
	close(p[1]);
	close(src);
}

/* ---- dup2_stdin / stdout / stderr ----------------------------------------- */

static int (*const dup2_std[3])(iosafe_borrowed_fd) = {
	iosafe_dup2_stdin, iosafe_dup2_stdout, iosafe_dup2_stderr
};

NOLEAK_TEST(fdops, dup2_std_puts_the_descriptor_on_0_1_2_inheritable)
{
	for (int n = 0; n < 3; n++) {
		struct saved_std s = std_save(n);
		int p[2];

		raw_pipe(p);
		cr_assert_eq(dup2_std[n](b(p[n == 0 ? 0 : 1])), 0, "dup2 onto %d", n);
		assert_same_file(n, p[n == 0 ? 0 : 1]);
		cr_assert_not(fd_is_cloexec(n), "%d must be inherited by execve", n);
		/* The caller still owns its descriptor. */
		cr_assert(fd_is_open(p[0]) && fd_is_open(p[1]));
		std_restore(&s);
		close(p[0]);
		close(p[1]);
	}
}

NOLEAK_TEST(fdops, dup2_std_onto_a_closed_std_number)
{
	for (int n = 0; n < 3; n++) {
		struct saved_std s = std_save(n);
		int fd = raw_devnull();

		close(n);
		cr_assert_eq(dup2_std[n](b(fd)), 0);
		cr_assert(fd_is_open(n));
		assert_same_file(n, fd);
		std_restore(&s);
		close(fd);
	}
}

NOLEAK_TEST(fdops, dup2_std_of_itself_changes_nothing)
{
	for (int n = 0; n < 3; n++) {
		struct saved_std s = std_save(n);
		int fd = raw_devnull();

		cr_assert_eq(dup3(fd, n, O_CLOEXEC), n);
		cr_assert_eq(dup2_std[n](b(n)), 0);
		cr_assert(fd_is_cloexec(n), "dup2(2) of a number onto itself keeps its flag");
		std_restore(&s);
		close(fd);
	}
}

NOLEAK_TEST(fdops, dup2_std_errors_leave_0_1_2_alone)
{
	for (int n = 0; n < 3; n++) {
		char before[128], after[128];

		link_of(n, before, sizeof(before));
		cr_assert_eq(dup2_std[n](b(-1)), -EBADF);
		cr_assert_eq(dup2_std[n](b(fd_not_open())), -EBADF);
		link_of(n, after, sizeof(after));
		cr_assert_str_eq(after, before);
	}
}

/* ---- dup_stdin / stdout / stderr --------------------------------------------- */

static int (*const dup_std[3])(iosafe_owned_fd *) = {
	iosafe_dup_stdin, iosafe_dup_stdout, iosafe_dup_stderr
};

NOLEAK_TEST(fdops, dup_std_gives_an_owned_copy_at_3_or_above)
{
	for (int n = 0; n < 3; n++) {
		struct saved_std s = std_save(n);
		int fd = raw_devnull();
		iosafe_owned_fd d = GARBAGE_OWNER;

		cr_assert_eq(dup3(fd, n, 0), n); /* a known file on n */
		cr_assert_eq(dup_std[n](&d), 0);
		cr_assert_geq(d.raw, 3);
		cr_assert(fd_is_cloexec(d.raw));
		assert_same_file(d.raw, n);
		cr_assert_eq(iosafe_fd_close(&d), 0);
		cr_assert(fd_is_open(n), "%d itself is unchanged", n);
		std_restore(&s);
		close(fd);
	}
}

NOLEAK_TEST(fdops, dup_std_errors)
{
	for (int n = 0; n < 3; n++) {
		struct saved_std s = std_save(n);
		iosafe_owned_fd d = GARBAGE_OWNER;
		int fd = raw_devnull();
		struct fd_filler f;
		int rc;

		cr_assert_eq(dup_std[n](NULL), -EINVAL);
		cr_assert_eq(dup3(fd, n, 0), n);
		fd_table_fill(&f, 0);
		rc = dup_std[n](&d);
		fd_table_unfill(&f);
		cr_assert_eq(rc, -EMFILE, "rc %d (%s)", rc, strerror(-rc));
		cr_assert(iosafe_fd_is_none(&d));
		close(n);
		d.raw = 4242;
		cr_assert_eq(dup_std[n](&d), -EBADF, "%d not open", n);
		cr_assert(iosafe_fd_is_none(&d));
		std_restore(&s);
		close(fd);
	}
}

/* ---- take_stdin / stdout / stderr ------------------------------------------- */

static int (*const take_std[3])(iosafe_owned_fd *) = {
	iosafe_take_stdin, iosafe_take_stdout, iosafe_take_stderr
};

NOLEAK_TEST(fdops, take_std_owns_the_number_itself)
{
	for (int n = 0; n < 3; n++) {
		struct saved_std s = std_save(n);
		int fd = raw_devnull();
		iosafe_owned_fd t = GARBAGE_OWNER;

		cr_assert_eq(dup3(fd, n, 0), n);
		cr_assert_eq(take_std[n](&t), 0);
		cr_assert_eq(t.raw, n);
		/* Owned: closing it closes n. */
		cr_assert_eq(iosafe_fd_close(&t), 0);
		cr_assert_not(fd_is_open(n), "%d is closed with its owner", n);
		std_restore(&s);
		close(fd);
	}
}

NOLEAK_TEST(fdops, take_std_errors)
{
	for (int n = 0; n < 3; n++) {
		struct saved_std s = std_save(n);
		iosafe_owned_fd t = GARBAGE_OWNER;

		cr_assert_eq(take_std[n](NULL), -EINVAL);
		close(n);
		cr_assert_eq(take_std[n](&t), -EBADF, "%d not open", n);
		cr_assert(iosafe_fd_is_none(&t));
		std_restore(&s);
	}
}

/* ---- close-on-exec and status flags --------------------------------------------- */

NOLEAK_TEST(fdops, get_and_set_cloexec)
{
	int fd = raw_devnull();
	bool on = false;

	cr_assert_eq(iosafe_fd_get_cloexec(b(fd), &on), 0);
	cr_assert(on);
	cr_assert_eq(iosafe_fd_set_cloexec(b(fd), false), 0);
	cr_assert_not(fd_is_cloexec(fd));
	cr_assert_eq(iosafe_fd_get_cloexec(b(fd), &on), 0);
	cr_assert_not(on);
	cr_assert_eq(iosafe_fd_set_cloexec(b(fd), true), 0);
	cr_assert(fd_is_cloexec(fd));
	cr_assert_eq(iosafe_fd_get_cloexec(b(fd), &on), 0);
	cr_assert(on);
	close(fd);
}

NOLEAK_TEST(fdops, cloexec_errors)
{
	int fd = raw_devnull();
	bool on = true;

	cr_assert_eq(iosafe_fd_get_cloexec(b(fd), NULL), -EINVAL);
	cr_assert_eq(iosafe_fd_get_cloexec(b(-1), &on), -EBADF);
	cr_assert_not(on, "false on failure");
	on = true;
	cr_assert_eq(iosafe_fd_get_cloexec(b(fd_not_open()), &on), -EBADF);
	cr_assert_not(on);
	cr_assert_eq(iosafe_fd_set_cloexec(b(-1), false), -EBADF);
	cr_assert_eq(iosafe_fd_set_cloexec(b(fd_not_open()), false), -EBADF);
	close(fd);
}

NOLEAK_TEST(fdops, get_flags_reads_access_mode_and_status)
{
	int p[2], flags = -1;

	cr_assert_eq(pipe2(p, O_CLOEXEC | O_NONBLOCK), 0);
	cr_assert_eq(iosafe_fd_get_flags(b(p[0]), &flags), 0);
	cr_assert_eq(flags & O_ACCMODE, O_RDONLY);
	cr_assert(flags & O_NONBLOCK);
	cr_assert_eq(iosafe_fd_get_flags(b(p[1]), &flags), 0);
	cr_assert_eq(flags & O_ACCMODE, O_WRONLY);
	close(p[0]);
	close(p[1]);
}

NOLEAK_TEST(fdops, flags_errors)
{
	int flags = 7;

	cr_assert_eq(iosafe_fd_get_flags(b(0), NULL), -EINVAL);
	cr_assert_eq(iosafe_fd_get_flags(b(-1), &flags), -EBADF);
	cr_assert_eq(flags, 0, "0 on failure");
	flags = 7;
	cr_assert_eq(iosafe_fd_get_flags(b(fd_not_open()), &flags), -EBADF);
	cr_assert_eq(flags, 0);
	cr_assert_eq(iosafe_fd_set_flags(b(-1), O_APPEND), -EBADF);
	cr_assert_eq(iosafe_fd_set_flags(b(fd_not_open()), O_APPEND), -EBADF);
	cr_assert_eq(iosafe_fd_set_nonblock(b(-1), true), -EBADF);
	cr_assert_eq(iosafe_fd_set_nonblock(b(fd_not_open()), true), -EBADF);
}

NOLEAK_TEST(fdops, set_flags_sets_append_seen_by_duplicates)
{
	char path[64];
	int fd, copy, flags = 0;

	temp_file(path, 0600);
	fd = open(path, O_WRONLY | O_CLOEXEC);
	cr_assert_geq(fd, 0);
	copy = fcntl(fd, F_DUPFD_CLOEXEC, 3);
	cr_assert_eq(iosafe_fd_set_flags(b(fd), O_APPEND), 0);
	cr_assert_eq(iosafe_fd_get_flags(b(copy), &flags), 0);
	cr_assert(flags & O_APPEND, "a status flag is shared with duplicates");
	cr_assert_eq(iosafe_fd_set_flags(b(fd), 0), 0);
	cr_assert_eq(iosafe_fd_get_flags(b(fd), &flags), 0);
	cr_assert_not(flags & O_APPEND);
	close(copy);
	close(fd);
	unlink(path);
}

NOLEAK_TEST(fdops, set_flags_o_direct_unsupported_is_einval)
{
	int fd = raw_devnull();

	cr_assert_eq(iosafe_fd_set_flags(b(fd), O_DIRECT), -EINVAL);
	close(fd);
}

NOLEAK_TEST(fdops, set_flags_o_noatime_not_owner_is_eperm)
{
	char path[64];
	int fd, rc;

	temp_file(path, 0644);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	cr_assert_geq(fd, 0);
	if (geteuid() == 0 && !unprivileged_begin()) {
		close(fd);
		unlink(path);
		cr_skip_test("cannot switch to uid 65534 to see EPERM: %s", strerror(errno));
	}
	if (geteuid() != 0 && getuid() != 0) {
		/* A normal user owns its temp file; use one it does not own. */
		close(fd);
		fd = open("/etc/passwd", O_RDONLY | O_CLOEXEC);
		cr_assert_geq(fd, 0);
	}
	rc = iosafe_fd_set_flags(b(fd), O_NOATIME);
	unprivileged_end();
	cr_assert_eq(rc, -EPERM, "rc %d (%s)", rc, strerror(-rc));
	close(fd);
	unlink(path);
}

NOLEAK_TEST(fdops, set_nonblock_on_and_off_keeps_other_flags)
{
	int p[2], flags = 0;

	raw_pipe(p);
	cr_assert_eq(iosafe_fd_set_flags(b(p[1]), O_APPEND), 0);
	cr_assert_eq(iosafe_fd_set_nonblock(b(p[1]), true), 0);
	cr_assert_eq(iosafe_fd_get_flags(b(p[1]), &flags), 0);
	cr_assert(flags & O_NONBLOCK);
	cr_assert(flags & O_APPEND, "other flags kept");
	cr_assert_eq(iosafe_fd_set_nonblock(b(p[1]), true), 0, "idempotent");
	cr_assert_eq(iosafe_fd_set_nonblock(b(p[1]), false), 0);
	cr_assert_eq(iosafe_fd_get_flags(b(p[1]), &flags), 0);
	cr_assert_not(flags & O_NONBLOCK);
	cr_assert(flags & O_APPEND);
	close(p[0]);
	close(p[1]);
}

/* ---- move_above_stdio ---------------------------------------------------------- */

NOLEAK_TEST(fdops, move_above_stdio_moves_0_and_keeps_ownership)
{
	struct saved_std s = std_save(0);
	iosafe_owned_fd fd = IOSAFE_FD_NONE;
	char before[128], after[128];

	close(0);
	cr_assert_eq(iosafe_open(&fd, "/dev/zero", O_RDONLY, 0), 0);
	cr_assert_eq(fd.raw, 0, "open took the free 0");
	link_of(0, before, sizeof(before));
	cr_assert_eq(iosafe_fd_move_above_stdio(&fd), 0);
	cr_assert_geq(fd.raw, 3);
	cr_assert(fd_is_cloexec(fd.raw));
	cr_assert_not(fd_is_open(0), "the old number is closed");
	link_of(fd.raw, after, sizeof(after));
	cr_assert_str_eq(after, before);
	cr_assert_eq(iosafe_fd_close(&fd), 0);
	std_restore(&s);
}

NOLEAK_TEST(fdops, move_above_stdio_leaves_3_and_above)
{
	int raw = raw_devnull();
	iosafe_owned_fd fd = iosafe_fd_from_raw(raw);

	cr_assert_geq(raw, 3);
	cr_assert_eq(iosafe_fd_move_above_stdio(&fd), 0);
	cr_assert_eq(fd.raw, raw);
	cr_assert_eq(iosafe_fd_close(&fd), 0);
}

NOLEAK_TEST(fdops, move_above_stdio_errors_keep_the_owner)
{
	struct saved_std s = std_save(1);
	iosafe_owned_fd none = IOSAFE_FD_NONE, fd;
	struct fd_filler f;
	int raw = raw_devnull(), rc;

	cr_assert_eq(iosafe_fd_move_above_stdio(NULL), -EINVAL);
	cr_assert_eq(iosafe_fd_move_above_stdio(&none), -EBADF);
	cr_assert(iosafe_fd_is_none(&none));
	cr_assert_eq(dup3(raw, 1, O_CLOEXEC), 1);
	close(raw);
	fd = iosafe_fd_from_raw(1);
	fd_table_fill(&f, 0);
	rc = iosafe_fd_move_above_stdio(&fd);
	fd_table_unfill(&f);
	cr_assert_eq(rc, -EMFILE, "rc %d (%s)", rc, strerror(-rc));
	cr_assert_eq(fd.raw, 1, "unchanged on failure");
	cr_assert(fd_is_open(1), "and still open");
	cr_assert_eq(iosafe_fd_close(&fd), 0);
	std_restore(&s);
}

/* ---- close_range ----------------------------------------------------------------- */

/* Put /dev/null at @from .. @from + @n - 1, close-on-exec or not. */
static void fill_numbers(int from, int n, bool cloexec)
{
	int fd = raw_devnull();

	for (int k = 0; k < n; k++)
		cr_assert_eq(dup3(fd, from + k, cloexec ? O_CLOEXEC : 0), from + k);
	close(fd);
}

NOLEAK_TEST(fdops, close_range_closes_exactly_the_range)
{
	fill_numbers(200, 6, true); /* 200..205 */
	cr_assert_eq(iosafe_close_range(201, 204, 0), 0);
	cr_assert(fd_is_open(200) && fd_is_open(205), "outside the range: open");
	for (int k = 201; k <= 204; k++)
		cr_assert_not(fd_is_open(k), "%d closed", k);
	cr_assert_eq(iosafe_close_range(200, 200, IOSAFE_CLOSE_RANGE_UNSHARE), 0);
	cr_assert_not(fd_is_open(200));
	cr_assert_eq(iosafe_close_range(205, ~0U, 0), 0, "to the end");
	cr_assert_not(fd_is_open(205));
}

NOLEAK_TEST(fdops, close_range_cloexec_flags_without_closing)
{
	fill_numbers(300, 3, false);
	cr_assert_eq(iosafe_close_range(300, 301, CLOSE_RANGE_CLOEXEC), 0);
	cr_assert(fd_is_cloexec(300) && fd_is_cloexec(301));
	cr_assert_not(fd_is_cloexec(302), "outside the range");
	cr_assert_eq(iosafe_close_range(300, 302, 0), 0);
}

NOLEAK_TEST(fdops, close_range_bad_arguments_are_einval)
{
	fill_numbers(400, 1, true);
	cr_assert_eq(iosafe_close_range(401, 400, 0), -EINVAL);
	cr_assert_eq(iosafe_close_range(400, 400, 1), -EINVAL);
	cr_assert_eq(iosafe_close_range(400, 400, 8), -EINVAL);
	cr_assert(fd_is_open(400), "nothing closed");
	close(400);
}

/* ---- close_all_except (in a child: it closes Criterion's own descriptors) ---- */

/* Runs @body in a child; the child exits with the body's result (0: the
 * checks held), which is returned. */
static int in_child(int (*body)(void))
{
	pid_t pid = fork();
	int status;

	cr_assert_geq(pid, 0);
	if (pid == 0)
		_exit(body());
	cr_assert_eq(waitpid(pid, &status, 0), pid);
	cr_assert(WIFEXITED(status), "child died: %d", status);
	return WEXITSTATUS(status);
}

/* How many numbers below 4096 are open. */
static int open_count(void)
{
	int n = 0;

	for (int k = 0; k < 4096; k++)
		n += fcntl(k, F_GETFD) >= 0;
	return n;
}

static int keep_two(void)
{
	int a = open("/dev/null", O_RDONLY | O_CLOEXEC);
	int c = fcntl(a, F_DUPFD_CLOEXEC, 50);
	int extra = fcntl(a, F_DUPFD_CLOEXEC, 70);
	iosafe_borrowed_fd keep[4] = { b(c), b(-1), b(a), b(c) }; /* none, duplicate */

	if (a < 0 || c < 0 || extra < 0)
		return 10;
	if (iosafe_close_all_except(keep, 4) != 0)
		return 11;
	if (fcntl(a, F_GETFD) < 0 || fcntl(c, F_GETFD) < 0)
		return 12; /* a kept one was closed */
	if (fcntl(extra, F_GETFD) >= 0 || fcntl(0, F_GETFD) >= 0)
		return 13; /* not closed */
	if (open_count() != 2)
		return 14;
	/* The child exits with nothing open (valgrind --track-fds judges it). */
	close(a);
	close(c);
	return 0;
}

NOLEAK_TEST(fdops, close_all_except_keeps_exactly_the_kept)
{
	int rc = in_child(keep_two);

	cr_assert_eq(rc, 0, "child check %d failed", rc);
}

static int keep_nothing(void)
{
	if (iosafe_close_all_except(NULL, 0) != 0)
		return 10;
	return open_count() == 0 ? 0 : 11;
}

NOLEAK_TEST(fdops, close_all_except_nothing_closes_all)
{
	int rc = in_child(keep_nothing);

	cr_assert_eq(rc, 0, "child check %d failed", rc);
}

static int keep_stdio(void)
{
	iosafe_borrowed_fd keep[3] = { b(0), b(1), b(2) };
	int fd = open("/dev/null", O_RDONLY | O_CLOEXEC);
	int std = 0;

	for (int k = 0; k < 3; k++)
		std += fcntl(k, F_GETFD) >= 0;
	if (fd < 0 || iosafe_close_all_except(keep, 3) != 0)
		return 10;
	return open_count() == std ? 0 : 11;
}

NOLEAK_TEST(fdops, close_all_except_stdio)
{
	int rc = in_child(keep_stdio);

	cr_assert_eq(rc, 0, "child check %d failed", rc);
}

NOLEAK_TEST(fdops, close_all_except_null_keep_is_einval)
{
	cr_assert_eq(iosafe_close_all_except(NULL, 1), -EINVAL);
}

/* ---- fd_same ---------------------------------------------------------------------- */

NOLEAK_TEST(fdops, same_tells_duplicates_from_other_opens)
{
	int x = raw_devnull(), y = raw_devnull(), copy = fcntl(x, F_DUPFD_CLOEXEC, 3);
	int p[2];
	bool same = false;

	raw_pipe(p);
	cr_assert_eq(iosafe_fd_same(b(x), b(copy), &same), 0);
	cr_assert(same, "a duplicate");
	cr_assert_eq(iosafe_fd_same(b(x), b(x), &same), 0);
	cr_assert(same, "the same number");
	cr_assert_eq(iosafe_fd_same(b(x), b(y), &same), 0);
	cr_assert_not(same, "two opens of one file");
	cr_assert_eq(iosafe_fd_same(b(p[0]), b(p[1]), &same), 0);
	cr_assert_not(same, "the two ends of a pipe");
	close(p[0]);
	close(p[1]);
	close(copy);
	close(x);
	close(y);
}

NOLEAK_TEST(fdops, same_errors)
{
	int x = raw_devnull();
	bool same = true;

	cr_assert_eq(iosafe_fd_same(b(x), b(x), NULL), -EINVAL);
	cr_assert_eq(iosafe_fd_same(b(-1), b(x), &same), -EBADF);
	cr_assert_not(same, "false on failure");
	same = true;
	cr_assert_eq(iosafe_fd_same(b(x), b(-1), &same), -EBADF);
	cr_assert_not(same);
	same = true;
	cr_assert_eq(iosafe_fd_same(b(x), b(fd_not_open()), &same), -EBADF);
	cr_assert_not(same);
	close(x);
}

/* ---- fd_get_path --------------------------------------------------------------------- */

NOLEAK_TEST(fdops, get_path_names_a_file_and_a_pipe)
{
	char path[64], got[PATH_MAX];
	int fd, p[2];

	temp_file(path, 0600);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	cr_assert_geq(fd, 0);
	cr_assert_eq(iosafe_fd_get_path(b(fd), got, sizeof(got)), 0);
	cr_assert_str_eq(got, path);
	/* Exactly enough room: the name and its NUL. */
	cr_assert_eq(iosafe_fd_get_path(b(fd), got, strlen(path) + 1), 0);
	cr_assert_str_eq(got, path);
	raw_pipe(p);
	cr_assert_eq(iosafe_fd_get_path(b(p[0]), got, sizeof(got)), 0);
	cr_assert_eq(strncmp(got, "pipe:[", 6), 0, "got %s", got);
	close(p[0]);
	close(p[1]);
	close(fd);
	unlink(path);
}

NOLEAK_TEST(fdops, get_path_errors)
{
	char path[64], got[64]; /* got: room for the whole name, which the test says is less */
	int fd;

	temp_file(path, 0600);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	cr_assert_geq(fd, 0);
	memset(got, 'x', sizeof(got));
	cr_assert_eq(iosafe_fd_get_path(b(fd), got, strlen(path)), -ERANGE, "no room for the NUL");
	cr_assert_str_eq(got, "", "empty on failure");
	cr_assert_eq(iosafe_fd_get_path(b(fd), got, 0), -ERANGE);
	cr_assert_eq(iosafe_fd_get_path(b(fd), NULL, 10), -EINVAL);
	got[0] = 'x';
	cr_assert_eq(iosafe_fd_get_path(b(-1), got, sizeof(got)), -EBADF);
	cr_assert_str_eq(got, "");
	got[0] = 'x';
	cr_assert_eq(iosafe_fd_get_path(b(fd_not_open()), got, sizeof(got)), -ENOENT);
	cr_assert_str_eq(got, "");
	close(fd);
	unlink(path);
}

/* ---- fd_reopen -------------------------------------------------------------------------- */

NOLEAK_TEST(fdops, reopen_upgrades_o_path_with_its_own_offset)
{
	char path[64], c = 0;
	int w, opath;
	iosafe_owned_fd r1 = GARBAGE_OWNER, r2 = GARBAGE_OWNER;

	temp_file(path, 0600);
	w = open(path, O_WRONLY | O_CLOEXEC);
	cr_assert_eq(write(w, "ab", 2), 2);
	close(w);
	opath = open(path, O_PATH | O_CLOEXEC);
	cr_assert_geq(opath, 0);
	cr_assert_eq(read(opath, &c, 1), -1, "an O_PATH descriptor does not read");
	cr_assert_eq(iosafe_fd_reopen(&r1, b(opath), O_RDONLY), 0);
	cr_assert(fd_is_cloexec(r1.raw));
	cr_assert_eq(read(r1.raw, &c, 1), 1);
	cr_assert_eq(c, 'a');
	cr_assert_eq(iosafe_fd_reopen(&r2, b(r1.raw), O_RDONLY), 0);
	cr_assert_eq(read(r2.raw, &c, 1), 1);
	cr_assert_eq(c, 'a', "a new open file description: its own offset");
	cr_assert_eq(iosafe_fd_close(&r1), 0);
	cr_assert_eq(iosafe_fd_close(&r2), 0);
	close(opath);
	unlink(path);
}

NOLEAK_TEST(fdops, reopen_errors_leave_none)
{
	iosafe_owned_fd out = GARBAGE_OWNER;
	int s[2];

	cr_assert_eq(iosafe_fd_reopen(NULL, b(0), O_RDONLY), -EINVAL);
	cr_assert_eq(iosafe_fd_reopen(&out, b(-1), O_RDONLY), -EBADF);
	cr_assert(iosafe_fd_is_none(&out));
	out.raw = 4242;
	cr_assert_eq(iosafe_fd_reopen(&out, b(fd_not_open()), O_RDONLY), -ENOENT);
	cr_assert(iosafe_fd_is_none(&out));
	cr_assert_eq(socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, s), 0);
	out.raw = 4242;
	cr_assert_eq(iosafe_fd_reopen(&out, b(s[0]), O_RDWR), -ENXIO, "a socket");
	cr_assert(iosafe_fd_is_none(&out));
	close(s[0]);
	close(s[1]);
}

NOLEAK_TEST(fdops, reopen_cannot_gain_access)
{
	char path[64];
	int opath, rc;
	iosafe_owned_fd out = GARBAGE_OWNER;

	temp_file(path, geteuid() == 0 ? 0600 : 0);
	opath = open(path, O_PATH | O_CLOEXEC);
	cr_assert_geq(opath, 0);
	if (!unprivileged_begin()) {
		close(opath);
		unlink(path);
		cr_skip_test("cannot switch to uid 65534 to see EACCES: %s", strerror(errno));
	}
	rc = iosafe_fd_reopen(&out, b(opath), O_RDONLY);
	unprivileged_end();
	cr_assert_eq(rc, -EACCES, "rc %d (%s)", rc, strerror(-rc));
	cr_assert(iosafe_fd_is_none(&out));
	close(opath);
	unlink(path);
}

NOLEAK_TEST(fdops, reopen_emfile)
{
	int fd = raw_devnull();
	iosafe_owned_fd out = GARBAGE_OWNER;
	struct fd_filler f;
	int rc;

	fd_table_fill(&f, 0);
	rc = iosafe_fd_reopen(&out, b(fd), O_RDONLY);
	fd_table_unfill(&f);
	cr_assert_eq(rc, -EMFILE, "rc %d (%s)", rc, strerror(-rc));
	cr_assert(iosafe_fd_is_none(&out));
	close(fd);
}
