/* SPDX-License-Identifier: MIT */
/* <netinet/in.h> for Frama-C runs of iosafe's proofs (-nostdinc -Iacsl/libc): every
 * type, constant and declaration comes from the trusted models,
 * acsl/iosafe_posix.h and acsl/iosafe_posix_net.h. */
#include "../../iosafe_posix_net.h"
