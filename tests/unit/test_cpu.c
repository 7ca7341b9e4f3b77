/* SPDX-License-Identifier: MIT */
/*
 * tests/unit/test_cpu.c: include/iosafe/cpu.h and src/cpu.c.
 * cgroup trees built in a fake root directory and passed to the internal
 * entry points of src/cpu_internal.h: cgroup v2 (cpu.max) and v1
 * (cpu.cfs_quota_us / cpu.cfs_period_us), a quota tighter at a parent than
 * at the leaf, "max" and -1, hybrid hierarchies, malformed and missing
 * files; sysfs topologies for the physical count (SMT siblings, two
 * packages with the same core ids, CPUs outside the mask, unreadable
 * topology); and the live machine (count >= 1, <= online CPUs, 1 after
 * sched_setaffinity to one CPU, EMFILE).  The descriptor table is compared
 * after each test (NOLEAK_TEST).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <iosafe/iosafe.h>

#include "../../src/cpu_internal.h"
#include "helpers.h"

/* A fake root: a temporary directory and a descriptor on it. */
struct fake_root {
	char dir[64];
	iosafe_owned_fd fd;
};

static void root_make(struct fake_root *r)
{
	temp_dir(r->dir);
	r->fd = (iosafe_owned_fd)IOSAFE_FD_NONE;
	cr_assert_eq(iosafe_open(&r->fd, r->dir, O_RDONLY | O_DIRECTORY, 0), 0);
}

/* Write @text to root/@rel, making the directories on the way. */
static void root_put(struct fake_root *r, const char *rel, const char *text)
{
	char path[512];
	char *slash;
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", r->dir, rel);
	for (slash = strchr(path + strlen(r->dir) + 1, '/'); slash; slash = strchr(slash + 1, '/')) {
		*slash = '\0';
		cr_assert(mkdir(path, 0700) == 0 || errno == EEXIST, "mkdir %s: %s", path,
			  strerror(errno));
		*slash = '/';
	}
	f = fopen(path, "we");
	cr_assert_not_null(f, "%s: %s", path, strerror(errno));
	cr_assert_eq(fputs(text, f) >= 0, 1);
	cr_assert_eq(fclose(f), 0);
}

static void root_free(struct fake_root *r)
{
	char cmd[128];

	cr_assert_eq(iosafe_fd_close(&r->fd), 0);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", r->dir);
	cr_assert_eq(system(cmd), 0);
}

static iosafe_borrowed_fd rb(struct fake_root *r)
{
	return iosafe_fd_borrow(&r->fd);
}

/* The quota under @r: its return code; the fraction to *d. */
static int quota(struct fake_root *r, double *d)
{
	*d = -1.0;
	return iosafe_cpu_quota_at(d, rb(r));
}

/* ---- cgroup v2 ----------------------------------------------------------------- */

NOLEAK_TEST(cpu, v2_leaf_quota)
{
	struct fake_root r;
	double d;

	root_make(&r);
	root_put(&r, "proc/self/cgroup", "0::/a/b\n");
	root_put(&r, "sys/fs/cgroup/a/b/cpu.max", "150000 100000\n");
	root_put(&r, "sys/fs/cgroup/a/cpu.max", "max 100000\n");
	cr_assert_eq(quota(&r, &d), 0);
	cr_assert_float_eq(d, 1.5, 1e-12);
	cr_assert_eq(iosafe_cpu_quota_limit_at(rb(&r), 8), 2, "1.5 CPUs round up to 2");
	cr_assert_eq(iosafe_cpu_quota_limit_at(rb(&r), 1), 1, "never above the limit");
	root_free(&r);
}

NOLEAK_TEST(cpu, v2_parent_tighter_than_leaf)
{
	struct fake_root r;
	double d;

	/* num_cpus reads only /a/b (4 CPUs); /a allows half a CPU. */
	root_make(&r);
	root_put(&r, "proc/self/cgroup", "0::/a/b\n");
	root_put(&r, "sys/fs/cgroup/a/b/cpu.max", "400000 100000\n");
	root_put(&r, "sys/fs/cgroup/a/cpu.max", "50000 100000\n");
	cr_assert_eq(quota(&r, &d), 0);
	cr_assert_float_eq(d, 0.5, 1e-12);
	cr_assert_eq(iosafe_cpu_quota_limit_at(rb(&r), 64), 1);
	/* Different periods: 300000/200000 = 1.5 at the leaf beats 2 above. */
	root_put(&r, "sys/fs/cgroup/a/b/cpu.max", "300000 200000");
	root_put(&r, "sys/fs/cgroup/a/cpu.max", "200000 100000\n");
	cr_assert_eq(quota(&r, &d), 0);
	cr_assert_float_eq(d, 1.5, 1e-12);
	root_free(&r);
}

NOLEAK_TEST(cpu, v2_deep_tree_and_root_files)
{
	struct fake_root r;
	double d;

	root_make(&r);
	root_put(&r, "proc/self/cgroup", "0::/s.slice/u.scope/c\n");
	root_put(&r, "sys/fs/cgroup/s.slice/cpu.max", "250000 100000\n");
	root_put(&r, "sys/fs/cgroup/cpu.max", "100000 100000\n"); /* at "/" */
	cr_assert_eq(quota(&r, &d), 0);
	cr_assert_float_eq(d, 1.0, 1e-12, "the root's own file counts too");
	root_free(&r);
}

NOLEAK_TEST(cpu, v2_max_everywhere_is_enoent)
{
	struct fake_root r;
	double d;

	root_make(&r);
	root_put(&r, "proc/self/cgroup", "0::/a\n");
	root_put(&r, "sys/fs/cgroup/a/cpu.max", "max 100000\n");
	cr_assert_eq(quota(&r, &d), -ENOENT);
	cr_assert_float_eq(d, -1.0, 0, "*out unchanged");
	cr_assert_eq(iosafe_cpu_quota_limit_at(rb(&r), 7), 7);
	root_free(&r);
}

/* ---- cgroup v1 ----------------------------------------------------------------- */

NOLEAK_TEST(cpu, v1_quota_and_parent)
{
	struct fake_root r;
	double d;

	root_make(&r);
	root_put(&r, "proc/self/cgroup",
		 "12:memory:/m\n4:cpu,cpuacct:/docker/abc\n1:name=systemd:/x\n0::/x\n");
	root_put(&r, "sys/fs/cgroup/cpu/docker/abc/cpu.cfs_quota_us", "200000\n");
	root_put(&r, "sys/fs/cgroup/cpu/docker/abc/cpu.cfs_period_us", "100000\n");
	root_put(&r, "sys/fs/cgroup/cpu/docker/cpu.cfs_quota_us", "-1\n");
	root_put(&r, "sys/fs/cgroup/cpu/docker/cpu.cfs_period_us", "100000\n");
	root_put(&r, "sys/fs/cgroup/cpu/cpu.cfs_quota_us", "-1\n");
	cr_assert_eq(quota(&r, &d), 0, "the v1 cpu line wins over 0::");
	cr_assert_float_eq(d, 2.0, 1e-12);
	/* A tighter quota on the parent. */
	root_put(&r, "sys/fs/cgroup/cpu/docker/cpu.cfs_quota_us", "25000\n");
	cr_assert_eq(quota(&r, &d), 0);
	cr_assert_float_eq(d, 0.25, 1e-12);
	cr_assert_eq(iosafe_cpu_quota_limit_at(rb(&r), 4), 1);
	root_free(&r);
}

NOLEAK_TEST(cpu, v1_cpuacct_alone_is_not_cpu)
{
	struct fake_root r;
	double d;

	root_make(&r);
	root_put(&r, "proc/self/cgroup", "2:cpuacct:/q\n3:cpuset:/q\n");
	root_put(&r, "sys/fs/cgroup/cpu/q/cpu.cfs_quota_us", "1000\n");
	root_put(&r, "sys/fs/cgroup/cpu/q/cpu.cfs_period_us", "100000\n");
	cr_assert_eq(quota(&r, &d), -ENOENT, "no cpu controller, no v2 line");
	root_free(&r);
}

/* ---- malformed and missing files ----------------------------------------------------- */

NOLEAK_TEST(cpu, malformed_files_are_einval)
{
	static const char *bad_max[] = {
		"abc 100000\n", "100000\n", "100000 0\n", "0 100000\n", "max\n", "max  100000\n",
		"100000 100000 5\n", "100000 100000\n\n", "-5 100000\n", "100000 2000000\n",
		"99999999999999999999 100000\n", "",
	};
	struct fake_root r;
	double d;
	size_t i;

	root_make(&r);
	root_put(&r, "proc/self/cgroup", "0::/a\n");
	for (i = 0; i < sizeof(bad_max) / sizeof(bad_max[0]); i++) {
		root_put(&r, "sys/fs/cgroup/a/cpu.max", bad_max[i]);
		cr_assert_eq(quota(&r, &d), -EINVAL, "cpu.max \"%s\"", bad_max[i]);
		cr_assert_eq(iosafe_cpu_quota_limit_at(rb(&r), 3), 3, "ignored by the count");
	}
	root_free(&r);
}

NOLEAK_TEST(cpu, malformed_proc_cgroup_and_v1)
{
	struct fake_root r;
	double d;

	root_make(&r);
	root_put(&r, "proc/self/cgroup", "garbage\n");
	cr_assert_eq(quota(&r, &d), -EINVAL);
	root_put(&r, "proc/self/cgroup", "0:x\n");
	cr_assert_eq(quota(&r, &d), -EINVAL);
	root_put(&r, "proc/self/cgroup", "0::relative\n");
	cr_assert_eq(quota(&r, &d), -EINVAL, "a path must start with /");
	root_put(&r, "proc/self/cgroup", "0::\n");
	cr_assert_eq(quota(&r, &d), -EINVAL, "an empty path");
	/* v1: a quota without its period, a malformed period. */
	root_put(&r, "proc/self/cgroup", "1:cpu:/v\n");
	root_put(&r, "sys/fs/cgroup/cpu/v/cpu.cfs_quota_us", "50000\n");
	cr_assert_eq(quota(&r, &d), -EINVAL);
	root_put(&r, "sys/fs/cgroup/cpu/v/cpu.cfs_period_us", "x\n");
	cr_assert_eq(quota(&r, &d), -EINVAL);
	root_put(&r, "sys/fs/cgroup/cpu/v/cpu.cfs_period_us", "100000\n");
	cr_assert_eq(quota(&r, &d), 0);
	cr_assert_float_eq(d, 0.5, 1e-12);
	root_put(&r, "sys/fs/cgroup/cpu/v/cpu.cfs_quota_us", "-12\n");
	cr_assert_eq(quota(&r, &d), -EINVAL);
	root_free(&r);
}

NOLEAK_TEST(cpu, missing_files)
{
	struct fake_root r;
	double d;

	root_make(&r);
	cr_assert_eq(quota(&r, &d), -ENOENT, "no /proc/self/cgroup");
	cr_assert_eq(iosafe_cpu_quota_limit_at(rb(&r), 5), 5);
	root_put(&r, "proc/self/cgroup", "0::/a/b\n");
	cr_assert_eq(quota(&r, &d), -ENOENT, "no cgroup file system");
	root_put(&r, "sys/fs/cgroup/a/cpu.max", "100000 100000\n");
	cr_assert_eq(quota(&r, &d), 0, "a missing leaf file; the parent's counts");
	cr_assert_float_eq(d, 1.0, 1e-12);
	cr_assert_eq(iosafe_cpu_quota_at(NULL, rb(&r)), -EINVAL);
	root_free(&r);
}

NOLEAK_TEST(cpu, too_long_file_is_einval)
{
	struct fake_root r;
	char *big = malloc(IOSAFE_CPU_FILE_MAX + 2);
	double d;

	cr_assert_not_null(big);
	memset(big, ' ', IOSAFE_CPU_FILE_MAX + 1);
	big[IOSAFE_CPU_FILE_MAX + 1] = '\0';
	root_make(&r);
	root_put(&r, "proc/self/cgroup", big);
	cr_assert_eq(quota(&r, &d), -EINVAL);
	free(big);
	root_free(&r);
}

/* ---- physical cores ----------------------------------------------------------------- */

static void put_cpu(struct fake_root *r, int cpu, const char *pkg, const char *core)
{
	char p[128];

	snprintf(p, sizeof(p), "sys/devices/system/cpu/cpu%d/topology/physical_package_id", cpu);
	root_put(r, p, pkg);
	snprintf(p, sizeof(p), "sys/devices/system/cpu/cpu%d/topology/core_id", cpu);
	root_put(r, p, core);
}

NOLEAK_TEST(cpu, physical_pairs_within_mask)
{
	struct fake_root r;
	unsigned long mask[2] = { 0, 0 };

	root_make(&r);
	put_cpu(&r, 0, "0\n", "0\n");
	put_cpu(&r, 1, "0\n", "1\n");
	put_cpu(&r, 2, "1\n", "0\n"); /* core id 0 again, another package */
	put_cpu(&r, 3, "1\n", "0\n"); /* SMT sibling of cpu2 */
	put_cpu(&r, 70, "0\n", "1\n"); /* sibling of cpu1, in word 1 */
	mask[0] = 0xF;
	cr_assert_eq(iosafe_cpu_count_physical_at(rb(&r), mask, 1), 3);
	mask[0] = 0x3;
	cr_assert_eq(iosafe_cpu_count_physical_at(rb(&r), mask, 1), 2);
	mask[0] = 0xC;
	cr_assert_eq(iosafe_cpu_count_physical_at(rb(&r), mask, 1), 1, "two threads, one core");
	mask[0] = 0x2;
	mask[1] = 1UL << 6;
	cr_assert_eq(iosafe_cpu_count_physical_at(rb(&r), mask, 2), 1);
	mask[0] = 0;
	mask[1] = 0;
	cr_assert_eq(iosafe_cpu_count_physical_at(rb(&r), mask, 2), 1, "at least 1");
	root_free(&r);
}

NOLEAK_TEST(cpu, physical_unknown_topology_counts_alone)
{
	struct fake_root r;
	unsigned long mask[1] = { 0x1F };

	root_make(&r);
	put_cpu(&r, 0, "0\n", "0\n");
	put_cpu(&r, 1, "0\n", "0\n");
	put_cpu(&r, 2, "-1\n", "0\n"); /* unknown package: -1 is a value */
	put_cpu(&r, 3, "0\n", "garbage\n");
	/* cpu4 has no topology at all. */
	cr_assert_eq(iosafe_cpu_count_physical_at(rb(&r), mask, 1), 4);
	root_free(&r);
}

/* ---- the live machine ---------------------------------------------------------------- */

NOLEAK_TEST(cpu, live_count_bounds)
{
	long online = sysconf(_SC_NPROCESSORS_ONLN);
	cpu_set_t set;
	int n = iosafe_cpu_count();
	double d;
	int rc;

	cr_assert_geq(n, 1);
	cr_assert_leq(n, online);
	cr_assert_eq(sched_getaffinity(0, sizeof(set), &set), 0);
	cr_assert_leq(n, CPU_COUNT(&set));
	rc = iosafe_cpu_quota(&d);
	cr_assert(rc == 0 || rc == -ENOENT, "rc %d", rc);
	if (rc == 0) {
		cr_assert_gt(d, 0.0);
		cr_assert_leq(n, (int)d + 1);
	} else {
		cr_assert_eq(n, CPU_COUNT(&set) < online ? CPU_COUNT(&set) : online);
	}
	cr_assert_eq(iosafe_cpu_quota(NULL), -EINVAL);
}

NOLEAK_TEST(cpu, live_affinity_matches_glibc)
{
	unsigned long mask[IOSAFE_CPU_MASK_WORDS];
	cpu_set_t set;
	int w;

	w = iosafe_cpu_affinity(mask, IOSAFE_CPU_MASK_WORDS);
	cr_assert_geq(w, 16);
	cr_assert_eq(sched_getaffinity(0, sizeof(set), &set), 0);
	cr_assert_eq(iosafe_cpu_mask_count(mask, w), CPU_COUNT(&set));
}

NOLEAK_TEST(cpu, live_one_cpu_after_setaffinity)
{
	cpu_set_t set;
	int first = -1, i, phys;

	/* Criterion runs this test in its own worker: the change stays there. */
	cr_assert_eq(sched_getaffinity(0, sizeof(set), &set), 0);
	for (i = 0; i < CPU_SETSIZE && first < 0; i++)
		if (CPU_ISSET(i, &set))
			first = i;
	CPU_ZERO(&set);
	CPU_SET(first, &set);
	cr_assert_eq(sched_setaffinity(0, sizeof(set), &set), 0);
	cr_assert_eq(iosafe_cpu_count(), 1);
	phys = iosafe_cpu_count_physical();
	cr_assert_eq(phys, 1);
}

NOLEAK_TEST(cpu, live_physical_bounds)
{
	int phys = iosafe_cpu_count_physical();
	cpu_set_t set;

	cr_assert_eq(sched_getaffinity(0, sizeof(set), &set), 0);
	cr_assert_geq(phys, 1);
	cr_assert_leq(phys, CPU_COUNT(&set));
}

NOLEAK_TEST(cpu, emfile_count_still_answers)
{
	struct fd_filler f;
	double d;
	int n;

	fd_table_fill(&f, 0);
	n = iosafe_cpu_count();
	cr_assert_geq(n, 1, "no descriptor: the quota is left out");
	cr_assert_eq(iosafe_cpu_quota(&d), -EMFILE);
	cr_assert_geq(iosafe_cpu_count_physical(), 1);
	fd_table_unfill(&f);
}
