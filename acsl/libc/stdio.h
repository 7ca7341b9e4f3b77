/* SPDX-License-Identifier: MIT */
/* <stdio.h> for Frama-C runs of iosafe's proofs (-nostdinc -Iacsl/libc): every
 * type, constant and declaration comes from the trusted model,
 * acsl/iosafe_posix_stdio.h (which includes iosafe_posix_fs.h and iosafe_posix.h). */
#include "../iosafe_posix_stdio.h"
