/* SPDX-License-Identifier: MIT */
/* <sched.h> for Frama-C runs of iosafe's proofs (-nostdinc -Iacsl/libc): the
 * trusted model of sched_getaffinity(2) and sysconf(3),
 * acsl/iosafe_posix_cpu.h (which includes acsl/iosafe_posix.h). */
#include "../iosafe_posix_cpu.h"
