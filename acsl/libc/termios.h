/* SPDX-License-Identifier: MIT */
/* <termios.h> for Frama-C runs of iosafe's proofs (-nostdinc -Iacsl/libc): every
 * type, constant and declaration comes from the trusted model,
 * acsl/iosafe_posix_term.h (which includes acsl/iosafe_posix.h). */
#include "../iosafe_posix_term.h"
