/* SPDX-License-Identifier: MIT */
/*
 * iosafe_posix_cpu.h: the TRUSTED BASE of the proof of src/cpu.c: the
 * affinity and processor-count calls it makes, with contracts.  Assumed,
 * not proved; each clause cites the man page it follows.  Linux x86_64 /
 * glibc 2.36 semantics.  Read through the shim acsl/libc/sched.h.
 *
 * cpu_set_t is declared as unsigned long: src/cpu.c passes an array of
 * unsigned long words, which is glibc's cpu_set_t layout (bits/cpu-set.h:
 * an array of __cpu_mask, unsigned long, CPU n at bit n % 64 of word
 * n / 64, as CPU_ISSET_S reads it), so the cast in src/cpu.c is the
 * identity here.  _SC_NPROCESSORS_ONLN is checked against <unistd.h> by
 * `make prove` (proofs.mk prove-shim-cpu).
 */
#ifndef IOSAFE_POSIX_CPU_H
#define IOSAFE_POSIX_CPU_H

#include "iosafe_posix.h"
#include "iosafe_posix_fdops.h" /* pid_t */

typedef unsigned long cpu_set_t;

#define _SC_NPROCESSORS_ONLN 84

/*@
  // sched_getaffinity(2): mask has room for cpusetsize bytes (EFAULT
  // otherwise); src/cpu.c passes whole unsigned long words.
  // No stronger: a precondition on iosafe.
  requires getaffinity_mask: cpusetsize % sizeof(unsigned long) == 0 &&
    \valid(mask + (0 .. cpusetsize / sizeof(unsigned long) - 1));
  assigns mask[0 .. cpusetsize / sizeof(unsigned long) - 1], errno;
  // sched_getaffinity(2) RETURN VALUE: "On success, sched_setaffinity() and
  // sched_getaffinity() return 0" (the glibc wrapper; the raw system call
  // returns the number of bytes copied, and glibc zeroes the rest of the
  // mask), or -1 with errno set; EINVAL when "cpusetsize is smaller than the
  // size of the affinity mask used by the kernel".
  // No stronger: the mask's content is not described (assigned only);
  // errno set, no list (seccomp and LSMs can add any errno).
  ensures getaffinity_result: \result == 0 || (\result == -1 && iosafe_errno_set);
*/
int sched_getaffinity(pid_t pid, size_t cpusetsize, cpu_set_t *mask);

/*@
  assigns errno;
  // sysconf(3) RETURN VALUE: the value of the limit, or -1 (with errno set
  // for an invalid name, unchanged for an indeterminate limit);
  // _SC_NPROCESSORS_ONLN is glibc's get_nprocs(), which reads
  // /sys/devices/system/cpu/online and falls back on other sources.
  // No stronger: no ensures clause, nothing is claimed of the value
  // (src/cpu.c uses it only when it is between 1 and IOSAFE_CPU_MASK_BITS).
*/
long sysconf(int name);

#endif /* IOSAFE_POSIX_CPU_H */
