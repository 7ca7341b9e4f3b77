/* SPDX-License-Identifier: MIT */
/*
 * src/fdops.c: operations on descriptors (duplicate, stdio, flags, close
 * ranges, compare, name, reopen).  The contracts and documentation are in
 * include/iosafe/fdops.h; the trusted contracts of the calls made here are
 * in acsl/iosafe_posix.h and acsl/iosafe_posix_fdops.h.
 *
 * Every loop has an invariant, an assigns clause and a variant, so that WP
 * proves it terminates and keeps the table as its function's contract says.
 */
#define _GNU_SOURCE /* dup3, close_range, F_DUPFD_CLOEXEC, O_PATH */
#include <errno.h>
#include <fcntl.h>
#include <linux/kcmp.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "iosafe/fdops.h"

_Static_assert(IOSAFE_CLOSE_RANGE_UNSHARE == CLOSE_RANGE_UNSHARE, "CLOSE_RANGE_UNSHARE");
_Static_assert(IOSAFE_CLOSE_RANGE_CLOEXEC == CLOSE_RANGE_CLOEXEC, "CLOSE_RANGE_CLOEXEC");

/* The numbers the model covers (acsl/iosafe_acsl.h, which only Frama-C
 * reads): 2^20, Linux's default fs.nr_open.  The fallback walk of
 * iosafe_close_range stops there; iosafe_dup_min refuses a min at or above
 * it (fcntl(2) would: RLIMIT_NOFILE cannot exceed nr_open). */
#ifndef IOSAFE_FD_BOUND
#  define IOSAFE_FD_BOUND 1048576
#endif

/* Descriptors 0, 1 and 2 are stdio (as in src/fd.c). */
#define IOSAFE_FDOPS_MIN_FD 3

/* "/proc/self/fd/" and at most 10 digits and a NUL fit in 32 bytes. */
#define IOSAFE_PROC_FD_PATH 32

int iosafe_dup_min(iosafe_owned_fd *out, iosafe_borrowed_fd fd, int min)
{
	int raw;

	if (out == NULL)
		return -EINVAL;
	out->raw = IOSAFE_RAW_NONE;
	if (fd.raw < 0)
		return -EBADF;
	/* fcntl(2) EINVAL for these too; checked here so that the model's
	 * range holds for the call. */
	if (min < 0 || min >= IOSAFE_FD_BOUND)
		return -EINVAL;
	raw = fcntl(fd.raw, F_DUPFD_CLOEXEC, min);
	if (raw < 0)
		return -errno;
	out->raw = raw;
	return 0;
}

int iosafe_dup(iosafe_owned_fd *out, iosafe_borrowed_fd fd)
{
	return iosafe_dup_min(out, fd, IOSAFE_FDOPS_MIN_FD);
}

/* iosafe_dup_onto's body is in include/iosafe/fdops.h (src/inline.c emits
 * it). */

/* dup2(fd, n) for a standard descriptor n: the flag cleared (fdops.h). */
/*@
  requires std: 0 <= n <= 2;
  requires borrow_ok: iosafe_fd_borrow_ok(fd.raw);
  assigns errno, iosafe_fd_state[n], iosafe_fd_cloexec[n];
  behavior none:
    assumes fd.raw < 0;
    assigns \nothing;
    ensures result_ebadf: \result == -EBADF;
    ensures table_same: iosafe_fd_table_same{Pre, Post};
    ensures cloexec_same: iosafe_fd_cloexec_same{Pre, Post};
  behavior same:
    assumes fd.raw == n;
    assigns \nothing;
    ensures result_zero: \result == 0;
    ensures table_same: iosafe_fd_table_same{Pre, Post};
    ensures cloexec_same: iosafe_fd_cloexec_same{Pre, Post};
  behavior dup:
    assumes fd.raw >= 0 && fd.raw != n;
    ensures result: \result == 0 || iosafe_neg_errno(\result);
    ensures ok: \result == 0 ==> iosafe_dup2_std_ok{Pre, Post}(n);
    ensures failed: \result != 0 ==>
      iosafe_fd_table_same{Pre, Post} && iosafe_fd_cloexec_same{Pre, Post};
  complete behaviors;
  disjoint behaviors;
*/
static int iosafe_dup2_std(iosafe_borrowed_fd fd, int n)
{
	if (fd.raw < 0)
		return -EBADF;
	if (fd.raw == n)
		return 0; /* dup2(2): "does nothing" */
	if (dup3(fd.raw, n, 0) < 0)
		return -errno;
	return 0;
}

int iosafe_dup2_stdin(iosafe_borrowed_fd fd)
{
	return iosafe_dup2_std(fd, 0);
}

int iosafe_dup2_stdout(iosafe_borrowed_fd fd)
{
	return iosafe_dup2_std(fd, 1);
}

int iosafe_dup2_stderr(iosafe_borrowed_fd fd)
{
	return iosafe_dup2_std(fd, 2);
}

int iosafe_dup_stdin(iosafe_owned_fd *out)
{
	return iosafe_dup(out, iosafe_fd_borrow_raw(0));
}

int iosafe_dup_stdout(iosafe_owned_fd *out)
{
	return iosafe_dup(out, iosafe_fd_borrow_raw(1));
}

int iosafe_dup_stderr(iosafe_owned_fd *out)
{
	return iosafe_dup(out, iosafe_fd_borrow_raw(2));
}

/* Take standard descriptor n over (fdops.h, iosafe_take_stdin). */
/*@
  requires std: 0 <= n <= 2;
  requires not_owned: iosafe_fd_state[n] == IOSAFE_FD_UNOWNED ||
    iosafe_fd_state[n] == IOSAFE_FD_CLOSED;
  requires separated: \separated(out, &errno);
  assigns out->raw, errno, iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
    iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1];
  ensures cloexec_same: iosafe_fd_cloexec_same{Pre, Post};
  behavior null_out:
    assumes out == \null;
    assigns \nothing;
    ensures result_einval: \result == -EINVAL;
    ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior take:
    assumes out != \null;
    requires valid_out: \valid(out);
    ensures taken: \result == 0 ==>
      out->raw == n && \old(iosafe_fd_state[n]) == IOSAFE_FD_UNOWNED &&
      iosafe_fd_is_owned(n) && iosafe_fd_table_same_except{Pre, Post}(n);
    ensures failed: \result != 0 ==>
      iosafe_neg_errno(\result) && out->raw == IOSAFE_RAW_NONE &&
      iosafe_fd_table_same{Pre, Post};
  complete behaviors;
  disjoint behaviors;
*/
static int iosafe_take_std(iosafe_owned_fd *out, int n)
{
	if (out == NULL)
		return -EINVAL;
	out->raw = IOSAFE_RAW_NONE;
	if (fcntl(n, F_GETFD, 0) < 0)
		return -errno;
	/* n is open and has no iosafe owner: from here the caller owns it.
	 * No system call changes ownership, so the model records it. */
	/*@ ghost iosafe_fd_state[n] = IOSAFE_FD_OWNED; */
	out->raw = n;
	return 0;
}

int iosafe_take_stdin(iosafe_owned_fd *out)
{
	return iosafe_take_std(out, 0);
}

int iosafe_take_stdout(iosafe_owned_fd *out)
{
	return iosafe_take_std(out, 1);
}

int iosafe_take_stderr(iosafe_owned_fd *out)
{
	return iosafe_take_std(out, 2);
}

int iosafe_fd_get_cloexec(iosafe_borrowed_fd fd, bool *out)
{
	int flags;

	if (out == NULL)
		return -EINVAL;
	*out = false;
	if (fd.raw < 0)
		return -EBADF;
	flags = fcntl(fd.raw, F_GETFD, 0);
	if (flags < 0)
		return -errno;
	*out = (flags & FD_CLOEXEC) != 0;
	return 0;
}

int iosafe_fd_set_cloexec(iosafe_borrowed_fd fd, bool on)
{
	if (fd.raw < 0)
		return -EBADF;
	if (on) {
		if (fcntl(fd.raw, F_SETFD, FD_CLOEXEC) < 0)
			return -errno;
	} else {
		if (fcntl(fd.raw, F_SETFD, 0) < 0)
			return -errno;
	}
	return 0;
}

int iosafe_fd_get_flags(iosafe_borrowed_fd fd, int *out)
{
	int flags;

	if (out == NULL)
		return -EINVAL;
	*out = 0;
	if (fd.raw < 0)
		return -EBADF;
	flags = fcntl(fd.raw, F_GETFL, 0);
	if (flags < 0)
		return -errno;
	*out = flags;
	return 0;
}

int iosafe_fd_set_flags(iosafe_borrowed_fd fd, int flags)
{
	if (fd.raw < 0)
		return -EBADF;
	if (fcntl(fd.raw, F_SETFL, flags) < 0)
		return -errno;
	return 0;
}

int iosafe_fd_set_nonblock(iosafe_borrowed_fd fd, bool on)
{
	int flags, want;

	if (fd.raw < 0)
		return -EBADF;
	flags = fcntl(fd.raw, F_GETFL, 0);
	if (flags < 0)
		return -errno;
	want = on ? (flags | O_NONBLOCK) : (flags & ~O_NONBLOCK);
	if (want == flags)
		return 0;
	if (fcntl(fd.raw, F_SETFL, want) < 0)
		return -errno;
	return 0;
}

int iosafe_fd_move_above_stdio(iosafe_owned_fd *fd)
{
	int raw;

	if (fd == NULL)
		return -EINVAL;
	if (fd->raw < 0)
		return -EBADF;
	if (fd->raw >= IOSAFE_FDOPS_MIN_FD)
		return 0;
	raw = fcntl(fd->raw, F_DUPFD_CLOEXEC, IOSAFE_FDOPS_MIN_FD);
	if (raw < 0)
		return -errno;
	/* The old number is released whatever close(2) returns (fd.h,
	 * iosafe_fd_close); its error is not this call's: nothing was
	 * written through this owner that the new number does not keep.
	 * The owner is renumbered in place, which IOSAFE_USES cannot say:
	 * to its callers the owner stays owned (what USES tells them), and
	 * only this close of the old number breaks the annotation. */
	IOSAFE_SUPPRESS("annotation mismatch", "renumbers the owner in place")
	(void)close(fd->raw);
	fd->raw = raw;
	return 0;
}

/* close_range(2)'s work without it: close every open number of
 * [first, min(last, IOSAFE_FD_BOUND - 1)], probing each with F_GETFD. */
/*@
  requires range: first <= last;
  assigns errno, iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
    iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1];
  ensures result: \result == 0 || iosafe_neg_errno(\result);
  ensures closed: \result == 0 ==> \forall integer d;
    iosafe_fd_in_range(d) && first <= d <= last ==> iosafe_fd_is_closed(d);
  ensures outside: \forall integer d; iosafe_fd_in_range(d) &&
    !(first <= d <= last) ==>
      iosafe_fd_state[d] == \old(iosafe_fd_state[d]) &&
      iosafe_fd_cloexec[d] == \old(iosafe_fd_cloexec[d]);
*/
static int iosafe_close_range_walk(unsigned int first, unsigned int last)
{
	unsigned int end = last < IOSAFE_FD_BOUND - 1 ? last : IOSAFE_FD_BOUND - 1;
	unsigned int d;

	/*@
	  loop invariant bounds: first <= d && (first <= end ==> d <= end + 1);
	  loop invariant done: \forall integer k; first <= k < d ==> iosafe_fd_is_closed(k);
	  loop invariant outside: \forall integer k; iosafe_fd_in_range(k) &&
	    !(first <= k < d) ==>
	      iosafe_fd_state[k] == \at(iosafe_fd_state[k], Pre) &&
	      iosafe_fd_cloexec[k] == \at(iosafe_fd_cloexec[k], Pre);
	  loop assigns d, errno, iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
	    iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1];
	  loop variant end + 1 - d;
	*/
	for (d = first; d <= end; d++) {
		if (fcntl((int)d, F_GETFD, 0) < 0) {
			if (errno == EBADF)
				continue; /* not open */
			return -errno;
		}
		/* The range is this call's (fdops.h): it takes d over. */
		/*@ ghost iosafe_fd_state[d] = IOSAFE_FD_OWNED; */
		(void)close((int)d); /* released whatever it returns */
	}
	return 0;
}

/* The same with CLOSE_RANGE_CLOEXEC: flag every open number. */
/*@
  requires range: first <= last;
  assigns errno, iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
    iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1];
  ensures result: \result == 0 || iosafe_neg_errno(\result);
  ensures table_same: iosafe_fd_table_same{Pre, Post};
  ensures flagged: \result == 0 ==> \forall integer d;
    iosafe_fd_is_open(d) && first <= d <= last ==> iosafe_fd_is_cloexec(d);
  ensures outside: \forall integer d; iosafe_fd_in_range(d) &&
    !(first <= d <= last) ==> iosafe_fd_cloexec[d] == \old(iosafe_fd_cloexec[d]);
*/
static int iosafe_cloexec_range_walk(unsigned int first, unsigned int last)
{
	unsigned int end = last < IOSAFE_FD_BOUND - 1 ? last : IOSAFE_FD_BOUND - 1;
	unsigned int d;

	/*@
	  loop invariant bounds: first <= d && (first <= end ==> d <= end + 1);
	  loop invariant done: \forall integer k; first <= k < d &&
	    iosafe_fd_is_open(k) ==> iosafe_fd_is_cloexec(k);
	  loop invariant table: iosafe_fd_table_same{Pre, Here};
	  loop invariant outside: \forall integer k; iosafe_fd_in_range(k) &&
	    !(first <= k < d) ==> iosafe_fd_cloexec[k] == \at(iosafe_fd_cloexec[k], Pre);
	  loop assigns d, errno, iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
	    iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1];
	  loop variant end + 1 - d;
	*/
	for (d = first; d <= end; d++) {
		if (fcntl((int)d, F_GETFD, 0) < 0) {
			if (errno == EBADF)
				continue; /* not open */
			return -errno;
		}
		if (fcntl((int)d, F_SETFD, FD_CLOEXEC) < 0)
			return -errno;
	}
	return 0;
}

int iosafe_close_range(unsigned int first, unsigned int last, int flags)
{
	bool cloexec;

	if (first > last)
		return -EINVAL;
	if (flags == 0 || flags == IOSAFE_CLOSE_RANGE_UNSHARE)
		cloexec = false;
	else if (flags == IOSAFE_CLOSE_RANGE_CLOEXEC ||
		 flags == (IOSAFE_CLOSE_RANGE_UNSHARE | IOSAFE_CLOSE_RANGE_CLOEXEC))
		cloexec = true;
	else
		return -EINVAL;
	if (close_range(first, last, flags) == 0)
		return 0;
	if (errno != ENOSYS)
		return -errno;
	/* Before Linux 5.9.  An unshared table cannot be had without it. */
	if (flags == IOSAFE_CLOSE_RANGE_UNSHARE ||
	    flags == (IOSAFE_CLOSE_RANGE_UNSHARE | IOSAFE_CLOSE_RANGE_CLOEXEC))
		return -ENOSYS;
	return cloexec ? iosafe_cloexec_range_walk(first, last)
		       : iosafe_close_range_walk(first, last);
}

int iosafe_close_all_except(const iosafe_borrowed_fd *keep, size_t n)
{
	int cur = 0;

	if (keep == NULL && n > 0)
		return -EINVAL;
	/*@
	  loop invariant cur_range: 0 <= cur <= IOSAFE_FD_BOUND;
	  loop invariant closed: \forall integer d; 0 <= d < cur &&
	    !iosafe_fd_kept(keep, n, d) ==> iosafe_fd_is_closed(d);
	  loop invariant kept: \forall integer d; iosafe_fd_in_range(d) &&
	    iosafe_fd_kept(keep, n, d) ==>
	      iosafe_fd_state[d] == \at(iosafe_fd_state[d], Pre);
	  loop assigns cur, errno, iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
	    iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1];
	  loop variant IOSAFE_FD_BOUND - cur;
	*/
	for (;;) {
		int next = IOSAFE_FD_BOUND; /* the lowest kept number >= cur */
		int rc;
		size_t j;

		/*@
		  loop invariant j_range: 0 <= j <= n;
		  loop invariant next_range: cur <= next <= IOSAFE_FD_BOUND;
		  loop invariant next_kept: next < IOSAFE_FD_BOUND ==>
		    iosafe_fd_kept(keep, n, next);
		  loop invariant next_min: \forall integer i; 0 <= i < j &&
		    keep[i].raw >= cur ==> next <= keep[i].raw;
		  loop assigns j, next;
		  loop variant n - j;
		*/
		for (j = 0; j < n; j++) {
			if (keep[j].raw >= cur && keep[j].raw < next)
				next = keep[j].raw;
		}
		if (next == IOSAFE_FD_BOUND)
			return iosafe_close_range((unsigned int)cur, ~0U, 0);
		if (next > cur) {
			rc = iosafe_close_range((unsigned int)cur, (unsigned int)next - 1U, 0);
			if (rc != 0)
				return rc;
		}
		cur = next + 1;
	}
}

int iosafe_fd_same(iosafe_borrowed_fd a, iosafe_borrowed_fd b, bool *out)
{
	struct stat sa, sb;
	int fa, fb;
	long r;
	pid_t pid;

	if (out == NULL)
		return -EINVAL;
	*out = false;
	if (a.raw < 0 || b.raw < 0)
		return -EBADF;
	if (a.raw == b.raw) {
		*out = true;
		return 0;
	}
	pid = getpid();
	r = syscall(SYS_kcmp, (long)pid, (long)pid, (long)KCMP_FILE, (long)a.raw, (long)b.raw);
	if (r >= 0) {
		*out = r == 0;
		return 0;
	}
	if (errno != ENOSYS && errno != EPERM)
		return -errno;
	/* No kcmp: same inode and same status flags (fdops.h). */
	if (fstat(a.raw, &sa) < 0 || fstat(b.raw, &sb) < 0)
		return -errno;
	fa = fcntl(a.raw, F_GETFL, 0);
	if (fa < 0)
		return -errno;
	fb = fcntl(b.raw, F_GETFL, 0);
	if (fb < 0)
		return -errno;
	*out = sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino && fa == fb;
	return 0;
}

/* Write "/proc/self/fd/<fd>" and a NUL to buf. */
/*@
  requires valid_buf: \valid(buf + (0 .. IOSAFE_PROC_FD_PATH - 1));
  requires fd_range: fd >= 0;
  assigns buf[0 .. IOSAFE_PROC_FD_PATH - 1];
  ensures terminated: \exists integer i; 0 <= i < IOSAFE_PROC_FD_PATH && buf[i] == 0;
*/
static void iosafe_proc_fd_path(char *buf, int fd)
{
	char digits[10];
	int nd, i;
	int v = fd;

	/* "/proc/self/fd/", written out: a string constant would be a second
	 * object WP must assume apart from buf. */
	buf[0] = '/';
	buf[1] = 'p';
	buf[2] = 'r';
	buf[3] = 'o';
	buf[4] = 'c';
	buf[5] = '/';
	buf[6] = 's';
	buf[7] = 'e';
	buf[8] = 'l';
	buf[9] = 'f';
	buf[10] = '/';
	buf[11] = 'f';
	buf[12] = 'd';
	buf[13] = '/';
	/* An int has at most 10 decimal digits. */
	/*@
	  loop invariant 0 <= nd <= 10;
	  loop invariant v >= 0;
	  loop assigns nd, v, digits[0 .. 9];
	  loop variant 10 - nd;
	*/
	for (nd = 0; nd < 10; ) {
		digits[nd] = (char)('0' + v % 10);
		nd++;
		v /= 10;
		if (v == 0)
			break;
	}
	/*@
	  loop invariant 0 <= i <= nd;
	  loop assigns i, buf[14 .. 23];
	  loop variant nd - i;
	*/
	for (i = 0; i < nd; i++)
		buf[14 + i] = digits[nd - 1 - i];
	buf[14 + nd] = '\0';
}

int iosafe_fd_get_path(iosafe_borrowed_fd fd, char *buf, size_t n)
{
	char link[IOSAFE_PROC_FD_PATH];
	ssize_t len;

	if (buf == NULL)
		return -EINVAL;
	if (n == 0)
		return -ERANGE;
	buf[0] = '\0';
	if (fd.raw < 0)
		return -EBADF;
	iosafe_proc_fd_path(link, fd.raw);
	len = readlink(link, buf, n);
	if (len < 0) {
		int err = errno;

		buf[0] = '\0';
		return -err;
	}
	/* readlink(2) truncates silently: a full buffer may be a cut name. */
	if ((size_t)len >= n) {
		buf[0] = '\0';
		return -ERANGE;
	}
	buf[len] = '\0';
	return 0;
}

int iosafe_fd_reopen(iosafe_owned_fd *out, iosafe_borrowed_fd fd, int flags)
{
	char link[IOSAFE_PROC_FD_PATH];
	int raw;

	if (out == NULL)
		return -EINVAL;
	out->raw = IOSAFE_RAW_NONE;
	if (fd.raw < 0)
		return -EBADF;
	iosafe_proc_fd_path(link, fd.raw);
	raw = open(link, flags | O_CLOEXEC, 0);
	if (raw < 0)
		return -errno;
	out->raw = raw;
	return 0;
}
