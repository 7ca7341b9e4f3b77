/* SPDX-License-Identifier: MIT */
/*
 * src/cpu_internal.h: the entry points of src/cpu.c below the public ones
 * of include/iosafe/cpu.h, for its tests (tests/unit/test_cpu.c), which
 * build cgroup and sysfs trees in a directory of their own and pass it as
 * the root.  Not installed, not part of the API.
 *
 * @root is a borrow of a directory that stands for "/": the files read are
 * root/proc/self/cgroup, root/sys/fs/cgroup/... and
 * root/sys/devices/system/cpu/... (relative paths through openat(2)).
 */
#ifndef IOSAFE_CPU_INTERNAL_H
#define IOSAFE_CPU_INTERNAL_H

#include "iosafe/cpu.h"

/* The words (unsigned long) of the largest affinity mask asked for. */
#define IOSAFE_CPU_MASK_WORDS (IOSAFE_CPU_MASK_BITS / 64)

/*
 * The tightest quota under @root as quota and period (microseconds): the
 * level whose *q / *p is smallest.  Returns 0, or as iosafe_cpu_quota
 * (-ENOENT: no quota), *q and *p unchanged on failure.
 */
/*@
  requires valid: \valid(q) && \valid(p);
  requires separated: \separated(q, p, &errno);
  requires root_ok: iosafe_fd_borrow_ok(root.raw);
  assigns *q, *p, errno, iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
    iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1];
  ensures table_same: iosafe_fd_table_same{Pre, Post};
  ensures result: \result == 0 || iosafe_neg_errno(\result);
  ensures found: \result == 0 ==> 1 <= *q <= 10000000000000 && 1 <= *p <= 1000000;
*/
int iosafe_cpu_quota_frac_at(unsigned long long *q, unsigned long long *p,
			     iosafe_borrowed_fd root);

/* iosafe_cpu_quota under @root. */
/*@
  requires root_ok: iosafe_fd_borrow_ok(root.raw);
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
int iosafe_cpu_quota_at(double *out, iosafe_borrowed_fd root);

/* The quota under @root rounded up, at most @limit (>= 1): @limit when
 * there is none or it cannot be read. */
/*@
  requires root_ok: iosafe_fd_borrow_ok(root.raw);
  requires limit: limit >= 1;
  assigns errno, iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
    iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1];
  ensures table_same: iosafe_fd_table_same{Pre, Post};
  ensures result: 1 <= \result <= limit;
*/
int iosafe_cpu_quota_limit_at(iosafe_borrowed_fd root, int limit);

/*
 * The affinity mask of the calling thread into @mask (@words words),
 * asked with 16 words (1024 CPUs) first and twice as many after each
 * EINVAL (the kernel's mask is larger), up to @words.  Returns the number
 * of words filled (> 0), or the negative errno of sched_getaffinity(2).
 */
/*@
  requires words: 16 <= words <= IOSAFE_CPU_MASK_WORDS;
  requires valid: \valid(mask + (0 .. words - 1));
  requires separated: \separated(mask + (0 .. words - 1), &errno);
  assigns mask[0 .. words - 1], errno;
  ensures result: iosafe_neg_errno(\result) || 1 <= \result <= words;
*/
int iosafe_cpu_affinity(unsigned long *mask, int words);

/* The number of bits set in @mask[0 .. @words - 1]. */
/*@
  requires words: 0 <= words <= IOSAFE_CPU_MASK_WORDS;
  requires valid: \valid_read(mask + (0 .. words - 1));
  assigns \nothing;
  ensures result: 0 <= \result <= 64 * words;
*/
int iosafe_cpu_mask_count(const unsigned long *mask, int words);

/*
 * The physical cores among the CPUs set in @mask[0 .. @words - 1], from
 * root/sys/devices/system/cpu/cpuN/topology (as iosafe_cpu_count_physical).
 */
/*@
  requires words: 0 <= words <= IOSAFE_CPU_MASK_WORDS;
  requires valid: \valid_read(mask + (0 .. words - 1));
  requires root_ok: iosafe_fd_borrow_ok(root.raw);
  assigns errno, iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
    iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1];
  ensures table_same: iosafe_fd_table_same{Pre, Post};
  ensures result: \result >= 1;
*/
int iosafe_cpu_count_physical_at(iosafe_borrowed_fd root, const unsigned long *mask, int words);

#endif /* IOSAFE_CPU_INTERNAL_H */
