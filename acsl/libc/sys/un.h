/* SPDX-License-Identifier: MIT */
/* <sys/un.h> for Frama-C runs of iosafe's proofs (-nostdinc -Iacsl/libc): struct
 * sockaddr_un comes from the trusted model, acsl/iosafe_posix_net.h. */
#include "../../iosafe_posix.h"
#include "../../iosafe_posix_net.h"
