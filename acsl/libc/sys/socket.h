/* SPDX-License-Identifier: MIT */
/* <sys/socket.h> for Frama-C runs of iosafe's proofs (-nostdinc -Iacsl/libc): every
 * type, constant and POSIX declaration comes from the one trusted model,
 * acsl/iosafe_posix.h; the system's and Frama-C's own headers are not read. */
#include "../../iosafe_posix.h"
#include "../../iosafe_posix_net.h"
