/* SPDX-License-Identifier: MIT */
/* <mqueue.h> for Frama-C runs of iosafe's proofs (-nostdinc -Iacsl/libc): every
 * type, constant and declaration comes from the trusted model,
 * acsl/iosafe_posix_mq.h (which includes acsl/iosafe_posix.h). */
#include "../iosafe_posix_mq.h"
