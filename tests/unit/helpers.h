/* SPDX-License-Identifier: MIT */
/*
 * tests/unit/helpers.h: what every unit test shares.
 *
 * NOLEAK_TEST(suite, name) { ... } is Criterion's Test() with a check
 * around the body: the process's descriptor table (/proc/self/fd: numbers,
 * what each refers to, and FD_CLOEXEC) is snapshotted before the body and
 * must be exactly the same after it; under AddressSanitizer no memory may
 * have become unreachable either.  It is a wrapper rather than a
 * TestSuite .fini because Criterion 2.4.1 reports an assertion that fails in
 * .fini but still counts the test as passing.
 *
 * Criterion runs every test in its own forked worker process (Criterion
 * docs, "Getting started"), so a test may change process-wide state (rlimits,
 * credentials, the cwd, descriptors 0-2) as long as it puts the descriptor
 * table back: the other tests never see it.
 */
#ifndef IOSAFE_TEST_HELPERS_H
#define IOSAFE_TEST_HELPERS_H

#include <criterion/criterion.h>
#include <stdbool.h>
#include <stddef.h>

/* One open descriptor as /proc/self/fd shows it. */
struct fdt_entry {
	int fd;
	int fd_flags;         /* fcntl(F_GETFD): FD_CLOEXEC */
	char target[128];     /* readlink(/proc/self/fd/N) */
};

struct fdt_snapshot {
	size_t n;
	struct fdt_entry *e;
};

void fdt_take(struct fdt_snapshot *s);
/* Under AddressSanitizer: fail the test when memory allocated during it is
 * no longer reachable (LeakSanitizer's recoverable check, so the failure is
 * the test's, named, instead of a report at worker exit).  Otherwise nothing. */
void mem_assert_no_leak(void);
/* Whether the tables differ; the first difference is written to @why. */
bool fdt_diff(const struct fdt_snapshot *before, const struct fdt_snapshot *after, char *why,
	      size_t size);
void fdt_free(struct fdt_snapshot *s);
/* Takes a new snapshot, fails the test if it differs from @before; frees both. */
void fdt_assert_same(struct fdt_snapshot *before);

#define NOLEAK_TEST(suite, name)                                               \
	static void suite##_##name##_body(void);                               \
	Test(suite, name)                                                      \
	{                                                                      \
		struct fdt_snapshot before_;                                   \
		fdt_take(&before_);                                            \
		suite##_##name##_body();                                       \
		fdt_assert_same(&before_);                                     \
		mem_assert_no_leak();                                          \
	}                                                                      \
	static void suite##_##name##_body(void)

/* Whether @fd is open in this process (fcntl F_GETFD succeeds). */
bool fd_is_open(int fd);
/* Whether @fd has FD_CLOEXEC; fails the test when @fd is not open. */
bool fd_is_cloexec(int fd);
/* A number that is not open now (opened on /dev/null, then closed). */
int fd_not_open(void);

/*
 * Fill the descriptor table so that the next descriptor creation fails with
 * EMFILE, leaving exactly @leave_free numbers free below the limit.
 * RLIMIT_NOFILE's soft limit is lowered first (so that only a few
 * descriptors are needed), then /dev/null is duplicated until EMFILE.  The
 * duplication loop is needed because valgrind keeps its own limit: it takes
 * setrlimit(RLIMIT_NOFILE) calls for itself and enforces its own hard limit
 * (valgrind's syswrap-generic.c, "fd_allowed"), so under valgrind the table
 * fills up to that one instead.  fd_table_unfill() closes them all and
 * restores the limit.
 */
struct fd_filler {
	int *fds;
	size_t n;
	unsigned long long old_cur;
};
void fd_table_fill(struct fd_filler *f, int leave_free);
void fd_table_unfill(struct fd_filler *f);

/*
 * Access checks as an unprivileged user.  Tests run as root in CI, and root
 * passes every permission check (CAP_DAC_OVERRIDE), so to see EACCES the
 * test sets its effective user and group to 65534 (nobody/nogroup) and drops
 * its supplementary groups, keeping 0 as the *saved* set-user-ID so that
 * unprivileged_end() can switch back (setresuid(2), credentials(7)).  The
 * kernel checks file access with the filesystem UID, which follows the
 * effective UID.  When the tests already run as a normal user, nothing is
 * changed.  Returns false (and the test should be skipped) when the
 * credentials cannot be changed.
 */
bool unprivileged_begin(void);
void unprivileged_end(void);

/* A new empty regular file in the temporary directory, mode @mode, owned by
 * the current user; its path is written to @path (at least 64 bytes). */
void temp_file(char *path, unsigned mode);
/* A new empty directory, mode 0700; its path to @path (at least 64 bytes). */
void temp_dir(char *path);

#endif
