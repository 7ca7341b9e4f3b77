/* SPDX-License-Identifier: MIT */
/* <sys/stat.h> for Frama-C runs of iosafe's proofs (-nostdinc -Iacsl/libc): every
 * type, constant and declaration comes from the trusted model,
 * acsl/iosafe_posix_fs.h (which includes acsl/iosafe_posix.h and
 * acsl/iosafe_posix_fdops.h). */
#include "../../iosafe_posix_fs.h"
#include "../../iosafe_posix_filetime.h"
