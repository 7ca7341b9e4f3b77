/* SPDX-License-Identifier: MIT */
/* <sys/stat.h> for Frama-C runs of iosafe's proofs (-nostdinc -Iacsl/libc): the
 * trusted model, acsl/iosafe_posix.h and acsl/iosafe_posix_fdops.h. */
#include "../../iosafe_posix_fdops.h"
