/* SPDX-License-Identifier: MIT */
/*
 * iosafe/cpu.h: how many CPUs this process may use (Rust crate num_cpus,
 * std::thread::available_parallelism).
 *
 * The count is the smallest of three limits, each read from the kernel:
 *   - the affinity mask (sched_getaffinity(2)), asked with a mask that grows
 *     from 1024 to IOSAFE_CPU_MASK_BITS CPUs until the kernel's fits;
 *   - the online CPUs (sysconf(_SC_NPROCESSORS_ONLN), glibc's reading of
 *     /sys/devices/system/cpu/online);
 *   - the tightest CFS bandwidth quota of the process's cgroup and of every
 *     ancestor up to the root (a parent's cpu.max limits every child:
 *     Documentation/admin-guide/cgroup-v2.rst, "CPU Interface Files"), read
 *     from /proc/self/cgroup and the cgroup file systems: cgroup v2's
 *     cpu.max under /sys/fs/cgroup, or cgroup v1's cpu.cfs_quota_us and
 *     cpu.cfs_period_us under /sys/fs/cgroup/cpu (the name systemd and
 *     Docker give the cpu controller's mount, a link to cpu,cpuacct).  The
 *     mounts are found at those standard places, not through
 *     /proc/self/mountinfo: a cgroup file system mounted elsewhere is not
 *     seen (its quota is then ignored).
 * num_cpus reads the quota of the process's own cgroup only, so a limit set
 * on a parent (a systemd slice, a Kubernetes pod around its containers) is
 * missed; iosafe walks the tree.
 *
 * Files are read through iosafe's own descriptor calls (iosafe_openat,
 * O_CLOEXEC, iosafe_read_all) and every descriptor is closed before the
 * call returns, on every path.  No memory is allocated: the mask and the
 * file buffers are on the stack (at most IOSAFE_CPU_MASK_BITS / 8 + 3 *
 * IOSAFE_CPU_FILE_MAX bytes).
 *
 * Linux only (declared under __linux__): the cgroup, sysfs and affinity
 * interfaces are Linux's.  Windows (GetActiveProcessorCount) is not
 * provided.
 */
#ifndef IOSAFE_CPU_H
#define IOSAFE_CPU_H

#include "fd.h"

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__linux__)

/** The largest affinity mask asked for, in CPUs (8 KiB on the stack);
 * Linux's NR_CPUS is at most 8192 on every architecture. */
#define IOSAFE_CPU_MASK_BITS 65536

/** The largest cgroup or sysfs file read, in bytes (a longer one is
 * malformed: -EINVAL); also the longest cgroup path. */
#define IOSAFE_CPU_FILE_MAX 4096

/**
 * iosafe_cpu_count: the number of CPUs this process can run on at once.
 * Returns: at least 1: the smallest of the CPUs in the affinity mask, the
 *   online CPUs and the tightest cgroup quota rounded up (a quota of 1.5
 *   CPUs counts 2, as num_cpus::get rounds); a limit that cannot be read
 *   (no cgroup file system, a malformed file, an error) is left out, and 1
 *   is the answer when none can.  Never an error.
 * Follows: num_cpus::get; std::thread::available_parallelism (which
 *   rounds a quota down, iosafe_cpu_quota gives the fraction to do so);
 *   sched_getaffinity(2), sysconf(3) _SC_NPROCESSORS_ONLN, cgroups(7).
 */
/*@
  assigns errno, iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
    iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1];
  ensures at_least_one: \result >= 1;
  ensures table_same: iosafe_fd_table_same{Pre, Post};
*/
int iosafe_cpu_count(void);

/**
 * iosafe_cpu_quota: the tightest CFS bandwidth quota on this process, as a
 * number of CPUs (quota / period of the cgroup level where that ratio is
 * smallest, from the process's cgroup up to the root).
 * @out: (not NULL) receives the fraction (> 0; 0.5 is half a CPU); left
 *   unchanged on failure.
 * Returns: 0; -ENOENT when no level has a quota ("max", or -1 in v1),
 *   /proc/self/cgroup names no cpu hierarchy, or the cgroup file system is
 *   not at /sys/fs/cgroup; -EINVAL for a NULL @out or a malformed file (a
 *   quota above 10^13 us or a period outside 1 .. 10^6 us, which Linux
 *   refuses to set, is malformed too); the negative errno of openat(2) or
 *   read(2) other than ENOENT (-EACCES, -EMFILE, ...).  Callers round:
 *   num_cpus up (ceil), Rust's std and libuv's uv_available_parallelism
 *   down (floor, at least 1).
 * Follows: cgroups(7); Documentation/admin-guide/cgroup-v2.rst cpu.max;
 *   Documentation/scheduler/sched-bwc.rst (cpu.cfs_quota_us, cpu.cfs_period_us).
 */
/*@
  assigns *out, errno, iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
    iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1];
  ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior null_out:
    assumes out == \null;
    assigns \nothing;
    ensures result_einval: \result == -EINVAL;
  behavior call:
    assumes out != \null;
    requires valid_out: \valid(out);
    requires separated: \separated(out, &errno);
    ensures result: \result == 0 || iosafe_neg_errno(\result);
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_cpu_quota(double *out);

/**
 * iosafe_cpu_count_physical: the number of physical cores this process can
 * run on: distinct (physical_package_id, core_id) pairs of
 * /sys/devices/system/cpu/cpuN/topology for the CPUs N of the affinity
 * mask (two sockets with core 0 each are two cores; num_cpus::get_physical
 * counts core ids alone, or reads /proc/cpuinfo without the mask).
 * Returns: at least 1.  A CPU of the mask whose topology cannot be read
 *   counts as a core of its own; with no readable mask, 1.  At most 1024
 *   distinct cores are told apart (more count as one each).  Never an error.
 * Follows: num_cpus::get_physical; Documentation/admin-guide/cputopology.rst.
 */
/*@
  assigns errno, iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
    iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1];
  ensures at_least_one: \result >= 1;
  ensures table_same: iosafe_fd_table_same{Pre, Post};
*/
int iosafe_cpu_count_physical(void);

#endif /* __linux__ */

#ifdef __cplusplus
}
#endif

#endif /* IOSAFE_CPU_H */
