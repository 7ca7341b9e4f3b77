/* SPDX-License-Identifier: MIT */
/* tests/unit/helpers.c: see helpers.h. */
#define _GNU_SOURCE
#include "helpers.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#if defined(__SANITIZE_ADDRESS__)
#  define IOSAFE_TEST_LSAN 1
#elif defined(__has_feature)
#  if __has_feature(address_sanitizer)
#    define IOSAFE_TEST_LSAN 1
#  endif
#endif
#ifdef IOSAFE_TEST_LSAN
#  include <sanitizer/lsan_interface.h>
#endif

/* ---- descriptor table snapshots ----------------------------------------- */

static int fdt_cmp(const void *a, const void *b)
{
	const struct fdt_entry *x = a, *y = b;
	return (x->fd > y->fd) - (x->fd < y->fd);
}

void fdt_take(struct fdt_snapshot *s)
{
	DIR *d = opendir("/proc/self/fd");
	struct dirent *de;
	size_t cap = 64;

	cr_assert_not_null(d, "opendir(/proc/self/fd): %s", strerror(errno));
	s->n = 0;
	s->e = malloc(cap * sizeof(*s->e));
	cr_assert_not_null(s->e);
	while ((de = readdir(d)) != NULL) {
		char link[64];
		struct fdt_entry *e;
		ssize_t len;
		int fd;

		if (de->d_name[0] == '.')
			continue;
		fd = atoi(de->d_name);
		if (fd == dirfd(d))
			continue; /* the snapshot's own descriptor */
		if (s->n == cap) {
			cap *= 2;
			s->e = realloc(s->e, cap * sizeof(*s->e));
			cr_assert_not_null(s->e);
		}
		e = &s->e[s->n++];
		e->fd = fd;
		e->fd_flags = fcntl(fd, F_GETFD);
		snprintf(link, sizeof(link), "/proc/self/fd/%d", fd);
		len = readlink(link, e->target, sizeof(e->target) - 1);
		e->target[len < 0 ? 0 : len] = '\0';
	}
	closedir(d);
	qsort(s->e, s->n, sizeof(*s->e), fdt_cmp);
}

bool fdt_diff(const struct fdt_snapshot *before, const struct fdt_snapshot *after, char *why,
	      size_t size)
{
	size_t i = 0, j = 0;

	/* Walk both sorted lists and name the first difference. */
	while (i < before->n || j < after->n) {
		const struct fdt_entry *b = i < before->n ? &before->e[i] : NULL;
		const struct fdt_entry *a = j < after->n ? &after->e[j] : NULL;

		if (a != NULL && (b == NULL || a->fd < b->fd)) {
			snprintf(why, size, "descriptor leak: fd %d (%s) is open after the test, not before",
				 a->fd, a->target);
			return true;
		}
		if (b != NULL && (a == NULL || b->fd < a->fd)) {
			snprintf(why, size, "fd %d (%s) was open before the test and is closed after it",
				 b->fd, b->target);
			return true;
		}
		if (strcmp(a->target, b->target) != 0) {
			snprintf(why, size, "fd %d refers to %s after the test, %s before", a->fd,
				 a->target, b->target);
			return true;
		}
		if (a->fd_flags != b->fd_flags) {
			snprintf(why, size, "fd %d: descriptor flags %#x after the test, %#x before",
				 a->fd, (unsigned)a->fd_flags, (unsigned)b->fd_flags);
			return true;
		}
		i++;
		j++;
	}
	return false;
}

void fdt_free(struct fdt_snapshot *s)
{
	free(s->e);
	s->e = NULL;
	s->n = 0;
}

void fdt_assert_same(struct fdt_snapshot *before)
{
	struct fdt_snapshot after;
	char why[512];
	bool differ;

	fdt_take(&after);
	differ = fdt_diff(before, &after, why, sizeof(why));
	fdt_free(&after);
	fdt_free(before);
	cr_assert_not(differ, "%s", why);
}

void mem_assert_no_leak(void)
{
#ifdef IOSAFE_TEST_LSAN
	/* Reports the leaks it finds on stderr, and returns non-zero. */
	cr_assert_eq(__lsan_do_recoverable_leak_check(), 0,
		     "LeakSanitizer: memory leaked by the test (report above)");
#endif
}

/* ---- single descriptors ----------------------------------------------- */

bool fd_is_open(int fd)
{
	int saved = errno;
	bool open = fcntl(fd, F_GETFD) >= 0;

	errno = saved;
	return open;
}

bool fd_is_cloexec(int fd)
{
	int flags = fcntl(fd, F_GETFD);

	cr_assert_geq(flags, 0, "fcntl(%d, F_GETFD): %s", fd, strerror(errno));
	return (flags & FD_CLOEXEC) != 0;
}

int fd_not_open(void)
{
	int fd = open("/dev/null", O_RDONLY | O_CLOEXEC);

	cr_assert_geq(fd, 0);
	cr_assert_eq(close(fd), 0);
	cr_assert(!fd_is_open(fd));
	return fd;
}

/* ---- a full descriptor table ------------------------------------------ */

void fd_table_fill(struct fd_filler *f, int leave_free)
{
	struct rlimit rl;
	int lowest_free, fd;
	size_t cap = 64;

	/* The lowest free number: below it, every number is taken. */
	lowest_free = open("/dev/null", O_RDONLY | O_CLOEXEC);
	cr_assert_geq(lowest_free, 0);
	close(lowest_free);

	cr_assert_eq(getrlimit(RLIMIT_NOFILE, &rl), 0);
	f->old_cur = rl.rlim_cur;
	/* Room for a few fillers above whatever is open (which may include
	 * numbers above lowest_free). */
	rl.rlim_cur = (rlim_t)lowest_free + 16;
	if (rl.rlim_cur > f->old_cur)
		rl.rlim_cur = f->old_cur;
	cr_assert_eq(setrlimit(RLIMIT_NOFILE, &rl), 0, "setrlimit: %s", strerror(errno));

	f->n = 0;
	f->fds = malloc(cap * sizeof(*f->fds));
	cr_assert_not_null(f->fds);
	/* Bounded: the loop stops at EMFILE, at most one limit's worth. */
	for (;;) {
		fd = open("/dev/null", O_RDONLY | O_CLOEXEC);
		if (fd < 0)
			break;
		if (f->n == cap) {
			cap *= 2;
			f->fds = realloc(f->fds, cap * sizeof(*f->fds));
			cr_assert_not_null(f->fds);
		}
		f->fds[f->n++] = fd;
		cr_assert_lt(f->n, (size_t)1 << 20, "the descriptor table never filled up");
	}
	cr_assert_eq(errno, EMFILE, "filling the table ended with %s", strerror(errno));
	/* Free the highest numbers; creations take the lowest free one, so
	 * exactly leave_free creations can succeed. */
	cr_assert_geq(f->n, (size_t)leave_free);
	for (int k = 0; k < leave_free; k++)
		close(f->fds[--f->n]);
}

void fd_table_unfill(struct fd_filler *f)
{
	struct rlimit rl;

	for (size_t k = 0; k < f->n; k++)
		close(f->fds[k]);
	free(f->fds);
	f->fds = NULL;
	f->n = 0;
	cr_assert_eq(getrlimit(RLIMIT_NOFILE, &rl), 0);
	rl.rlim_cur = f->old_cur;
	cr_assert_eq(setrlimit(RLIMIT_NOFILE, &rl), 0, "setrlimit: %s", strerror(errno));
}

/* ---- credentials ------------------------------------------------------ */

#define NOBODY 65534

static gid_t saved_groups[64];
static int saved_ngroups = -1;

bool unprivileged_begin(void)
{
	if (geteuid() != 0)
		return true; /* already a normal user */
	saved_ngroups = getgroups(64, saved_groups);
	if (saved_ngroups < 0 || setgroups(0, NULL) != 0)
		return false;
	if (setresgid(NOBODY, NOBODY, 0) != 0)
		return false;
	if (setresuid(NOBODY, NOBODY, 0) != 0)
		return false;
	return true;
}

void unprivileged_end(void)
{
	if (saved_ngroups < 0)
		return;
	cr_assert_eq(setresuid(0, 0, 0), 0, "setresuid back to root: %s", strerror(errno));
	cr_assert_eq(setresgid(0, 0, 0), 0, "setresgid back to root: %s", strerror(errno));
	cr_assert_eq(setgroups((size_t)saved_ngroups, saved_groups), 0);
	saved_ngroups = -1;
}

/* ---- temporary files ---------------------------------------------------- */

static const char *tmpdir(void)
{
	const char *t = getenv("TMPDIR");
	return t != NULL && t[0] != '\0' ? t : "/tmp";
}

void temp_file(char *path, unsigned mode)
{
	int fd;

	snprintf(path, 64, "%.40s/iosafe-test-XXXXXX", tmpdir());
	fd = mkstemp(path);
	cr_assert_geq(fd, 0, "mkstemp(%s): %s", path, strerror(errno));
	cr_assert_eq(fchmod(fd, mode), 0);
	cr_assert_eq(close(fd), 0);
}

void temp_dir(char *path)
{
	snprintf(path, 64, "%.40s/iosafe-test-XXXXXX", tmpdir());
	cr_assert_not_null(mkdtemp(path), "mkdtemp(%s): %s", path, strerror(errno));
}
