/* SPDX-License-Identifier: MIT */
/*
 * src/cpu.c: how many CPUs this process may use (Rust crate num_cpus).
 * The public contracts and documentation are in include/iosafe/cpu.h, the
 * internal entry points in src/cpu_internal.h; the trusted contracts of
 * sched_getaffinity(2) and sysconf(3) are in acsl/iosafe_posix_cpu.h.
 *
 * The parsers read whole files into stack buffers (at most
 * IOSAFE_CPU_FILE_MAX bytes) and walk them by index, one loop per field,
 * so that each loop has a simple invariant and variant (proved).
 *
 * Why this file is over 600 lines: it is one family, and each of its small
 * parsers carries its ACSL contract and loop annotations (about half the
 * lines); split across files, the static helpers would have to become
 * external symbols of the library only for the proof.
 */
#define _GNU_SOURCE /* sched_getaffinity */
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stddef.h>
#include <unistd.h>

#include "iosafe/fs.h"
#include "iosafe/io.h"
#include "cpu_internal.h"

#if defined(__linux__)

/* Quotas Linux accepts (kernel/sched/core.c, tg_set_cfs_bandwidth: a
 * period of 1 ms to 1 s, a quota below 2^44 us): larger values are
 * malformed, and a product of one of each fits in 64 bits. */
#define IOSAFE_CPU_QUOTA_MAX 10000000000000ULL
#define IOSAFE_CPU_PERIOD_MAX 1000000ULL
/* Distinct (package, core) pairs told apart by iosafe_cpu_count_physical. */
#define IOSAFE_CPU_CORES_MAX 1024
/* Room for a prefix and a suffix around a cgroup path. */
#define IOSAFE_CPU_PATH_ROOM 64

/*
 * Read root/path into buf (at most n - 1 bytes): its length, or -EINVAL
 * when it fills n bytes (longer than a file iosafe expects), or the
 * negative errno of iosafe_openat / iosafe_read_all.  The descriptor is
 * closed before returning.
 */
/*@
  requires n: 2 <= n <= IOSAFE_CPU_FILE_MAX;
  requires valid_buf: \valid(buf + (0 .. n - 1));
  requires valid_path: \valid_read(path);
  requires separated: \separated(buf + (0 .. n - 1), &errno);
  requires dir_ok: iosafe_fd_borrow_ok(dir.raw);
  assigns buf[0 .. n - 1], errno, iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
    iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1];
  ensures table_same: iosafe_fd_table_same{Pre, Post};
  ensures result: iosafe_neg_errno(\result) || 0 <= \result < n;
*/
static int iosafe_cpu_read_file(iosafe_borrowed_fd dir, const char *path, char *buf, int n)
{
	iosafe_owned_fd fd;
	ssize_t got;
	int rc;

	rc = iosafe_openat(&fd, dir, path, O_RDONLY, 0);
	if (rc < 0)
		return rc;
	got = iosafe_read_all(iosafe_fd_borrow(&fd), buf, (size_t)n);
	iosafe_fd_drop(&fd);
	if (got < 0)
		return (int)got;
	if (got >= n)
		return -EINVAL;
	return (int)got;
}

/*
 * An unsigned decimal at buf[*at ..]: at least one digit, at most @max;
 * *at moves past it.  -EINVAL otherwise (*at unchanged).
 */
/*@
  requires n: 0 <= n <= IOSAFE_CPU_FILE_MAX;
  requires valid: \valid_read(buf + (0 .. n - 1)) && \valid(at) && \valid(val);
  requires separated: \separated(at, val);
  requires at: 0 <= *at <= n;
  requires max: max <= 100000000000000;
  assigns *at, *val;
  ensures at: \old(*at) <= *at <= n;
  ensures result: \result == 0 || \result == -EINVAL;
  ensures ok: \result == 0 ==> *val <= max && *at > \old(*at);
*/
static int iosafe_cpu_parse_uint(const char *buf, int n, int *at, unsigned long long *val,
				 unsigned long long max)
{
	int i = *at;
	unsigned long long v = 0;

	/*@
	  loop invariant i_bound: \at(*at, Pre) <= i <= n;
	  loop invariant v_bound: v <= 999999999999999;
	  loop assigns i, v;
	  loop variant n - i;
	*/
	while (i < n && buf[i] >= '0' && buf[i] <= '9') {
		if (v >= 100000000000000ULL)
			return -EINVAL;
		v = v * 10 + (unsigned long long)(buf[i] - '0');
		i++;
	}
	if (i == *at || v > max)
		return -EINVAL;
	*at = i;
	*val = v;
	return 0;
}

/* The end of a one-line file at buf[at ..]: nothing, or one newline. */
/*@
  requires n: 0 <= at <= n;
  requires valid: \valid_read(buf + (0 .. n - 1));
  assigns \nothing;
*/
static int iosafe_cpu_at_end(const char *buf, int n, int at)
{
	return at == n || (at + 1 == n && buf[at] == '\n');
}

/*
 * cgroup v2 cpu.max: "max PERIOD" (no quota: 0) or "QUOTA PERIOD" (1,
 * *q and *p set); -EINVAL for anything else.
 */
/*@
  requires n: 0 <= n <= IOSAFE_CPU_FILE_MAX;
  requires valid: \valid_read(buf + (0 .. n - 1)) && \valid(q) && \valid(p);
  requires separated: \separated(q, p);
  assigns *q, *p;
  ensures result: \result == 0 || \result == 1 || \result == -EINVAL;
  ensures found: \result == 1 ==>
    1 <= *q <= IOSAFE_CPU_QUOTA_MAX && 1 <= *p <= IOSAFE_CPU_PERIOD_MAX;
*/
static int iosafe_cpu_parse_max(const char *buf, int n, unsigned long long *q,
				unsigned long long *p)
{
	unsigned long long qv = 0, pv = 0;
	int at = 0, none = 0;

	if (n >= 3 && buf[0] == 'm' && buf[1] == 'a' && buf[2] == 'x') {
		none = 1;
		at = 3;
	} else if (iosafe_cpu_parse_uint(buf, n, &at, &qv, IOSAFE_CPU_QUOTA_MAX) < 0) {
		return -EINVAL;
	}
	if (at >= n || buf[at] != ' ')
		return -EINVAL;
	at++;
	if (iosafe_cpu_parse_uint(buf, n, &at, &pv, IOSAFE_CPU_PERIOD_MAX) < 0)
		return -EINVAL;
	if (!iosafe_cpu_at_end(buf, n, at) || pv == 0 || (!none && qv == 0))
		return -EINVAL;
	if (none)
		return 0;
	*q = qv;
	*p = pv;
	return 1;
}

/*
 * A cgroup v1 file of one number: cpu.cfs_quota_us ("-1" is no quota: 0,
 * when @minus_one) or cpu.cfs_period_us.  1 and *v set, or -EINVAL.
 */
/*@
  requires n: 0 <= n <= IOSAFE_CPU_FILE_MAX;
  requires valid: \valid_read(buf + (0 .. n - 1)) && \valid(v);
  requires max: max <= IOSAFE_CPU_QUOTA_MAX;
  assigns *v;
  ensures result: \result == 0 || \result == 1 || \result == -EINVAL;
  ensures found: \result == 1 ==> 1 <= *v <= max;
*/
static int iosafe_cpu_parse_v1(const char *buf, int n, int minus_one, unsigned long long *v,
			       unsigned long long max)
{
	unsigned long long x = 0;
	int at = 0;

	if (minus_one && n >= 2 && buf[0] == '-' && buf[1] == '1')
		return iosafe_cpu_at_end(buf, n, 2) ? 0 : -EINVAL;
	if (iosafe_cpu_parse_uint(buf, n, &at, &x, max) < 0 || !iosafe_cpu_at_end(buf, n, at) ||
	    x == 0)
		return -EINVAL;
	*v = x;
	return 1;
}

/* Whether the comma-separated list buf[a .. b) holds the item "cpu". */
/*@
  requires bounds: 0 <= a <= b <= n <= IOSAFE_CPU_FILE_MAX;
  requires valid: \valid_read(buf + (0 .. n - 1));
  assigns \nothing;
  ensures result: \result == 0 || \result == 1;
*/
static int iosafe_cpu_has_cpu(const char *buf, int n, int a, int b)
{
	int s = a, k;

	(void)n; /* the bound of the contract */

	/*@
	  loop invariant k_bound: a <= k <= b + 1;
	  loop invariant s_bound: a <= s <= k;
	  loop assigns k, s;
	  loop variant b + 1 - k;
	*/
	for (k = a; k <= b; k++) {
		if (k == b || buf[k] == ',') {
			if (k - s == 3 && buf[s] == 'c' && buf[s + 1] == 'p' && buf[s + 2] == 'u')
				return 1;
			s = k + 1;
		}
	}
	return 0;
}

/* Copy the cgroup path buf[a .. b) to cg: its length (1 .. cap - 1), or
 * -EINVAL when it is empty, does not start with '/', or is too long. */
/*@
  requires bounds: 0 <= a <= b <= n <= IOSAFE_CPU_FILE_MAX;
  requires cap: 2 <= cap;
  requires valid: \valid_read(buf + (0 .. n - 1)) && \valid(cg + (0 .. cap - 1));
  requires separated: \separated(buf + (0 .. n - 1), cg + (0 .. cap - 1));
  assigns cg[0 .. cap - 1];
  ensures result: \result == -EINVAL || (1 <= \result < cap && cg[0] == '/');
*/
static int iosafe_cpu_copy_path(const char *buf, int n, int a, int b, char *cg, int cap)
{
	int k;

	(void)n; /* the bound of the contract */
	if (b - a < 1 || b - a >= cap || buf[a] != '/')
		return -EINVAL;
	/*@
	  loop invariant k_bound: 0 <= k <= b - a;
	  loop invariant slash: k > 0 ==> cg[0] == '/';
	  loop assigns k, cg[0 .. cap - 1];
	  loop variant b - a - k;
	*/
	for (k = 0; k < b - a; k++)
		cg[k] = buf[a + k];
	return b - a;
}

/*
 * The cpu controller's cgroup in /proc/self/cgroup (buf[0 .. n)): a v1
 * line "ID:...,cpu,...:/path" (*v1 = 1), else the v2 line "0::/path"
 * (*v1 = 0).  Its path is copied to cg; returns its length, -ENOENT when
 * there is neither line, -EINVAL for a malformed file.
 */
/*@
  requires n: 0 <= n <= IOSAFE_CPU_FILE_MAX;
  requires cap: 2 <= cap;
  requires valid: \valid_read(buf + (0 .. n - 1)) && \valid(cg + (0 .. cap - 1)) &&
    \valid(v1);
  requires separated: \separated(buf + (0 .. n - 1), cg + (0 .. cap - 1), v1);
  assigns cg[0 .. cap - 1], *v1;
  ensures result: \result == -EINVAL || \result == -ENOENT ||
    (1 <= \result < cap && cg[0] == '/');
*/
static int iosafe_cpu_find_cgroup(const char *buf, int n, char *cg, int cap, int *v1)
{
	int i = 0, c1, c2, e, v2a = -1, v2b = -1;

	/*@
	  loop invariant i_bound: 0 <= i <= n + 1;
	  loop invariant v2: v2a == -1 || (0 <= v2a <= v2b <= n);
	  loop assigns i, c1, c2, e, v2a, v2b, cg[0 .. cap - 1], *v1;
	  loop variant n + 1 - i;
	*/
	while (i < n) {
		c1 = i;
		/*@
		  loop invariant c1_bound: i <= c1 <= n;
		  loop assigns c1;
		  loop variant n - c1;
		*/
		while (c1 < n && buf[c1] != ':' && buf[c1] != '\n')
			c1++;
		if (c1 >= n || buf[c1] != ':')
			return -EINVAL;
		c2 = c1 + 1;
		/*@
		  loop invariant c2_bound: c1 + 1 <= c2 <= n;
		  loop assigns c2;
		  loop variant n - c2;
		*/
		while (c2 < n && buf[c2] != ':' && buf[c2] != '\n')
			c2++;
		if (c2 >= n || buf[c2] != ':')
			return -EINVAL;
		e = c2 + 1;
		/*@
		  loop invariant e_bound: c2 + 1 <= e <= n;
		  loop assigns e;
		  loop variant n - e;
		*/
		while (e < n && buf[e] != '\n')
			e++;
		if (iosafe_cpu_has_cpu(buf, n, c1 + 1, c2)) {
			*v1 = 1;
			return iosafe_cpu_copy_path(buf, n, c2 + 1, e, cg, cap);
		}
		if (c1 == i + 1 && buf[i] == '0' && c2 == c1 + 1) {
			v2a = c2 + 1;
			v2b = e;
		}
		i = e + 1;
	}
	if (v2a < 0)
		return -ENOENT;
	*v1 = 0;
	return iosafe_cpu_copy_path(buf, n, v2a, v2b, cg, cap);
}

/* Append src[0 .. m) at dst[at ..]; returns at + m. */
/*@
  requires bounds: 0 <= at && 0 <= m && at + m <= cap;
  requires valid: \valid(dst + (0 .. cap - 1)) && \valid_read(src + (0 .. m - 1));
  requires separated: \separated(dst + (0 .. cap - 1), src + (0 .. m - 1));
  assigns dst[at .. at + m - 1];
  ensures result: \result == at + m;
*/
static int iosafe_cpu_append(char *dst, int cap, int at, const char *src, int m)
{
	int k;

	(void)cap; /* the bound of the contract */
	/*@
	  loop invariant k_bound: 0 <= k <= m;
	  loop assigns k, dst[at .. at + m - 1];
	  loop variant m - k;
	*/
	for (k = 0; k < m; k++)
		dst[at + k] = src[k];
	return at + m;
}

/*
 * One level's quota: root/PRE/cg[0 .. cl)/cpu.max (v2) or
 * .../cpu.cfs_quota_us and cpu.cfs_period_us (v1).  1 and *q, *p set; 0
 * for no quota or no such file; -EINVAL for a malformed file; the negative
 * errno of reading it otherwise.
 */
/*@
  requires cl: 1 <= cl < IOSAFE_CPU_FILE_MAX;
  requires valid: \valid_read(cg + (0 .. cl - 1)) && \valid(q) && \valid(p) &&
    \valid(buf + (0 .. IOSAFE_CPU_FILE_MAX - 1));
  requires separated: \separated(q, p, &errno, buf + (0 .. IOSAFE_CPU_FILE_MAX - 1),
    cg + (0 .. cl - 1));
  requires root_ok: iosafe_fd_borrow_ok(root.raw);
  assigns *q, *p, buf[0 .. IOSAFE_CPU_FILE_MAX - 1], errno,
    iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1], iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1];
  ensures table_same: iosafe_fd_table_same{Pre, Post};
  ensures result: \result == 0 || \result == 1 || iosafe_neg_errno(\result);
  ensures found: \result == 1 ==>
    1 <= *q <= IOSAFE_CPU_QUOTA_MAX && 1 <= *p <= IOSAFE_CPU_PERIOD_MAX;
*/
static int iosafe_cpu_level(iosafe_borrowed_fd root, const char *cg, int cl, int v1, char *buf,
			    unsigned long long *q, unsigned long long *p)
{
	static const char v2_dir[] = "sys/fs/cgroup";
	static const char v1_dir[] = "sys/fs/cgroup/cpu";
	static const char v2_max[] = "/cpu.max";
	static const char v1_quota[] = "/cpu.cfs_quota_us";
	static const char v1_period[] = "/cpu.cfs_period_us";
	char path[IOSAFE_CPU_FILE_MAX + IOSAFE_CPU_PATH_ROOM];
	unsigned long long qv = 0, pv = 0;
	int at, len, rc;

	if (!v1) {
		at = iosafe_cpu_append(path, (int)sizeof(path), 0, v2_dir, (int)sizeof(v2_dir) - 1);
		at = iosafe_cpu_append(path, (int)sizeof(path), at, cg, cl);
		at = iosafe_cpu_append(path, (int)sizeof(path), at, v2_max, (int)sizeof(v2_max) - 1);
		path[at] = '\0';
		len = iosafe_cpu_read_file(root, path, buf, IOSAFE_CPU_FILE_MAX);
		if (len == -ENOENT)
			return 0;
		if (len < 0)
			return len;
		return iosafe_cpu_parse_max(buf, len, q, p);
	}
	at = iosafe_cpu_append(path, (int)sizeof(path), 0, v1_dir, (int)sizeof(v1_dir) - 1);
	at = iosafe_cpu_append(path, (int)sizeof(path), at, cg, cl);
	at = iosafe_cpu_append(path, (int)sizeof(path), at, v1_quota, (int)sizeof(v1_quota) - 1);
	path[at] = '\0';
	len = iosafe_cpu_read_file(root, path, buf, IOSAFE_CPU_FILE_MAX);
	if (len == -ENOENT)
		return 0;
	if (len < 0)
		return len;
	rc = iosafe_cpu_parse_v1(buf, len, 1, &qv, IOSAFE_CPU_QUOTA_MAX);
	if (rc <= 0)
		return rc;
	at = iosafe_cpu_append(path, (int)sizeof(path), 0, v1_dir, (int)sizeof(v1_dir) - 1);
	at = iosafe_cpu_append(path, (int)sizeof(path), at, cg, cl);
	at = iosafe_cpu_append(path, (int)sizeof(path), at, v1_period, (int)sizeof(v1_period) - 1);
	path[at] = '\0';
	len = iosafe_cpu_read_file(root, path, buf, IOSAFE_CPU_FILE_MAX);
	if (len < 0)
		return len == -ENOENT ? -EINVAL : len; /* a quota without a period */
	rc = iosafe_cpu_parse_v1(buf, len, 0, &pv, IOSAFE_CPU_PERIOD_MAX);
	if (rc <= 0)
		return -EINVAL;
	*q = qv;
	*p = pv;
	return 1;
}

int iosafe_cpu_quota_frac_at(unsigned long long *q, unsigned long long *p,
			     iosafe_borrowed_fd root)
{
	char buf[IOSAFE_CPU_FILE_MAX];
	char cg[IOSAFE_CPU_FILE_MAX];
	unsigned long long bq = 0, bp = 1, br = 0, lq = 0, lp = 0, lr = 0;
	int len, cl, j, v1 = 0, rc, found = 0;

	len = iosafe_cpu_read_file(root, "proc/self/cgroup", buf, IOSAFE_CPU_FILE_MAX);
	if (len < 0)
		return len;
	cl = iosafe_cpu_find_cgroup(buf, len, cg, IOSAFE_CPU_FILE_MAX, &v1);
	if (cl < 0)
		return cl;
	/* From the process's cgroup up to the root ("/"), the tightest ratio
	 * quota / period, compared in millionths of a CPU (two levels closer
	 * than that may be taken in either order). */
	/*@
	  loop invariant cl_bound: 1 <= cl < IOSAFE_CPU_FILE_MAX;
	  loop invariant best: found != 0 ==>
	    1 <= bq <= IOSAFE_CPU_QUOTA_MAX && 1 <= bp <= IOSAFE_CPU_PERIOD_MAX;
	  loop invariant table: iosafe_fd_table_same{Pre, Here};
	  loop assigns cl, j, rc, lq, lp, lr, bq, bp, br, found, buf[0 .. IOSAFE_CPU_FILE_MAX - 1], errno,
	    iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1], iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1];
	  loop variant cl;
	*/
	for (;;) {
		rc = iosafe_cpu_level(root, cg, cl, v1, buf, &lq, &lp);
		if (rc < 0)
			return rc;
		if (rc == 1) {
			/* lq / lp in millionths of a CPU: lq * 10^6 < 2^64. */
			lr = lq * 1000000ULL / lp;
			if (!found || lr < br) {
				bq = lq;
				bp = lp;
				br = lr;
				found = 1;
			}
		}
		if (cl <= 1)
			break;
		j = cl - 1;
		/*@
		  loop invariant j_bound: 0 <= j <= cl - 1;
		  loop assigns j;
		  loop variant j;
		*/
		while (j > 0 && cg[j] != '/')
			j--;
		cl = j > 0 ? j : 1;
	}
	if (!found)
		return -ENOENT;
	*q = bq;
	*p = bp;
	return 0;
}

#ifdef __FRAMAC__
/* Declared with its trusted contract: the provers cannot decide IEEE 754
 * division at prove's step limits (Z3's floating-point theory bit-blasts
 * it), so the one fact used, that this quotient is finite and positive, is
 * assumed there and explained. */
#  include "iosafe_posix_cpu_float.h"
#else
/* quota / period as a double: both convert exactly (below 2^53), and the
 * quotient by a period of at least 1 is at most the quota, so finite. */
static double iosafe_cpu_ratio(unsigned long long q, unsigned long long p)
{
	return (double)q / (double)p;
}
#endif

int iosafe_cpu_quota_at(double *out, iosafe_borrowed_fd root)
{
	unsigned long long q, p;
	int rc;

	if (out == NULL)
		return -EINVAL;
	rc = iosafe_cpu_quota_frac_at(&q, &p, root);
	if (rc < 0)
		return rc;
	*out = iosafe_cpu_ratio(q, p);
	return 0;
}

int iosafe_cpu_quota_limit_at(iosafe_borrowed_fd root, int limit)
{
	unsigned long long q, p, n;

	if (iosafe_cpu_quota_frac_at(&q, &p, root) < 0)
		return limit;
	n = (q + p - 1) / p; /* rounded up, as num_cpus; at least 1 */
	return n < (unsigned long long)limit ? (int)n : limit;
}

/* ---- the affinity mask and the online CPUs ---------------------------------- */

int iosafe_cpu_affinity(unsigned long *mask, int words)
{
	int w = 16;

	/*@
	  loop invariant w_bound: 16 <= w <= words;
	  loop assigns w, errno, mask[0 .. words - 1];
	  loop variant words - w;
	*/
	for (;;) {
		if (sched_getaffinity(0, (size_t)w * sizeof(unsigned long), (cpu_set_t *)mask) == 0)
			return w;
		if (errno != EINVAL || w > words / 2)
			return -errno;
		w *= 2;
	}
}

int iosafe_cpu_mask_count(const unsigned long *mask, int words)
{
	int w, bit, c = 0;

	/*@
	  loop invariant w_bound: 0 <= w <= words;
	  loop invariant c_bound: 0 <= c <= 64 * w;
	  loop assigns w, bit, c;
	  loop variant words - w;
	*/
	for (w = 0; w < words; w++) {
		/*@
		  loop invariant bit_bound: 0 <= bit <= 64;
		  loop invariant c_bound: 0 <= c <= 64 * w + bit;
		  loop assigns bit, c;
		  loop variant 64 - bit;
		*/
		for (bit = 0; bit < 64; bit++)
			if ((mask[w] >> bit) & 1UL)
				c++;
	}
	return c;
}

/* The root directory, for the public functions. */
/*@
  requires valid: \valid(root);
  requires separated: \separated(root, &errno);
  assigns root->raw, errno, iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
    iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1];
  ensures opened: \result == 0 ==> iosafe_fd_acquired{Pre, Post}(root->raw);
  ensures result: \result == 0 || iosafe_neg_errno(\result);
  ensures failed: \result != 0 ==> root->raw == IOSAFE_RAW_NONE &&
    iosafe_fd_table_same{Pre, Post};
*/
static int iosafe_cpu_open_root(iosafe_owned_fd *root)
{
	return iosafe_open(root, "/", O_RDONLY | O_DIRECTORY, 0);
}

int iosafe_cpu_count(void)
{
	unsigned long mask[IOSAFE_CPU_MASK_WORDS];
	iosafe_owned_fd root;
	long online;
	int w, n = 0;

	w = iosafe_cpu_affinity(mask, IOSAFE_CPU_MASK_WORDS);
	if (w > 0)
		n = iosafe_cpu_mask_count(mask, w);
	online = sysconf(_SC_NPROCESSORS_ONLN);
	if (online >= 1 && online <= IOSAFE_CPU_MASK_BITS && (n < 1 || online < n))
		n = (int)online;
	if (n < 1)
		n = 1;
	if (iosafe_cpu_open_root(&root) == 0) {
		n = iosafe_cpu_quota_limit_at(iosafe_fd_borrow(&root), n);
		iosafe_fd_drop(&root);
	}
	return n;
}

int iosafe_cpu_quota(double *out)
{
	iosafe_owned_fd root;
	int rc;

	if (out == NULL)
		return -EINVAL;
	rc = iosafe_cpu_open_root(&root);
	if (rc < 0)
		return rc;
	rc = iosafe_cpu_quota_at(out, iosafe_fd_borrow(&root));
	iosafe_fd_drop(&root);
	return rc;
}

/* ---- physical cores ------------------------------------------------------------ */

/* The decimal digits of @v (0 .. 9999999) into d[0 ..]: their number. */
/*@
  requires v: 0 <= v <= 9999999;
  requires valid: \valid(d + (0 .. 7));
  assigns d[0 .. 7];
  ensures result: 1 <= \result <= 7;
*/
static int iosafe_cpu_format(char *d, int v)
{
	char t[8];
	int n = 0, k;

	/*@
	  loop invariant n_bound: 0 <= n <= 6;
	  loop invariant v_bound: 0 <= v <= 9999999;
	  loop assigns n, v, t[0 .. 7];
	  loop variant 7 - n;
	*/
	do {
		t[n] = (char)('0' + v % 10);
		n++;
		v /= 10;
	} while (v > 0 && n < 7);
	/*@
	  loop invariant k_bound: 0 <= k <= n;
	  loop assigns k, d[0 .. 7];
	  loop variant n - k;
	*/
	for (k = 0; k < n; k++)
		d[k] = t[n - 1 - k];
	return n;
}

/*
 * root/sys/devices/system/cpu/cpuN/topology/NAME as a number (a leading
 * '-' for -1, which some platforms give an unknown package): 0 and *v set,
 * or a negative errno.
 */
/*@
  requires cpu: 0 <= cpu <= 9999999;
  requires name: 1 <= nname <= 32 && \valid_read(name + (0 .. nname - 1));
  requires valid: \valid(v) && \valid(buf + (0 .. IOSAFE_CPU_FILE_MAX - 1));
  requires separated: \separated(v, &errno, buf + (0 .. IOSAFE_CPU_FILE_MAX - 1));
  requires root_ok: iosafe_fd_borrow_ok(root.raw);
  assigns *v, buf[0 .. IOSAFE_CPU_FILE_MAX - 1], errno,
    iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1], iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1];
  ensures table_same: iosafe_fd_table_same{Pre, Post};
  ensures result: \result == 0 || iosafe_neg_errno(\result);
*/
static int iosafe_cpu_topology(iosafe_borrowed_fd root, int cpu, const char *name, int nname,
			       char *buf, int *v)
{
	static const char dir[] = "sys/devices/system/cpu/cpu";
	static const char topo[] = "/topology/";
	char path[IOSAFE_CPU_PATH_ROOM * 2];
	char num[8];
	unsigned long long x = 0;
	int at, len, neg, pos;

	len = iosafe_cpu_format(num, cpu);
	at = iosafe_cpu_append(path, (int)sizeof(path), 0, dir, (int)sizeof(dir) - 1);
	at = iosafe_cpu_append(path, (int)sizeof(path), at, num, len);
	at = iosafe_cpu_append(path, (int)sizeof(path), at, topo, (int)sizeof(topo) - 1);
	at = iosafe_cpu_append(path, (int)sizeof(path), at, name, nname);
	path[at] = '\0';
	len = iosafe_cpu_read_file(root, path, buf, IOSAFE_CPU_FILE_MAX);
	if (len < 0)
		return len;
	neg = len > 0 && buf[0] == '-';
	pos = neg ? 1 : 0;
	if (iosafe_cpu_parse_uint(buf, len, &pos, &x, 2147483647ULL) < 0 ||
	    !iosafe_cpu_at_end(buf, len, pos))
		return -EINVAL;
	*v = neg ? -(int)x : (int)x;
	return 0;
}

int iosafe_cpu_count_physical_at(iosafe_borrowed_fd root, const unsigned long *mask, int words)
{
	static const char pkg_name[] = "physical_package_id";
	static const char core_name[] = "core_id";
	int pkg[IOSAFE_CPU_CORES_MAX], core[IOSAFE_CPU_CORES_MAX];
	char buf[IOSAFE_CPU_FILE_MAX];
	int pv = 0, cv = 0;
	int cpu, k, seen = 0, extra = 0;

	/*@
	  loop invariant cpu_bound: 0 <= cpu <= 64 * words;
	  loop invariant seen_bound: 0 <= seen <= IOSAFE_CPU_CORES_MAX;
	  loop invariant counts: 0 <= seen + extra <= cpu && 0 <= extra;
	  loop invariant table: iosafe_fd_table_same{Pre, Here};
	  loop assigns cpu, k, seen, extra, pv, cv, pkg[0 .. IOSAFE_CPU_CORES_MAX - 1],
	    core[0 .. IOSAFE_CPU_CORES_MAX - 1], buf[0 .. IOSAFE_CPU_FILE_MAX - 1], errno,
	    iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1], iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1];
	  loop variant 64 * words - cpu;
	*/
	for (cpu = 0; cpu < 64 * words; cpu++) {
		if (!((mask[cpu / 64] >> (cpu % 64)) & 1UL))
			continue;
		if (iosafe_cpu_topology(root, cpu, pkg_name, (int)sizeof(pkg_name) - 1, buf, &pv) < 0 ||
		    iosafe_cpu_topology(root, cpu, core_name, (int)sizeof(core_name) - 1, buf, &cv) < 0) {
			extra++; /* unknown: a core of its own */
			continue;
		}
		/*@
		  loop invariant k_bound: 0 <= k <= seen;
		  loop assigns k;
		  loop variant seen - k;
		*/
		for (k = 0; k < seen; k++)
			if (pkg[k] == pv && core[k] == cv)
				break;
		if (k < seen)
			continue;
		if (seen < IOSAFE_CPU_CORES_MAX) {
			pkg[seen] = pv;
			core[seen] = cv;
			seen++;
		} else {
			extra++;
		}
	}
	return seen + extra > 0 ? seen + extra : 1;
}

int iosafe_cpu_count_physical(void)
{
	unsigned long mask[IOSAFE_CPU_MASK_WORDS];
	iosafe_owned_fd root;
	int w, n;

	w = iosafe_cpu_affinity(mask, IOSAFE_CPU_MASK_WORDS);
	if (w <= 0)
		return 1;
	if (iosafe_cpu_open_root(&root) != 0)
		return 1;
	n = iosafe_cpu_count_physical_at(iosafe_fd_borrow(&root), mask, w);
	iosafe_fd_drop(&root);
	return n;
}

#endif /* __linux__ */
