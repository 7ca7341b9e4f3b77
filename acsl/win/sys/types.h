/* SPDX-License-Identifier: MIT */
/* <sys/types.h> for Frama-C runs of iosafe's Windows proofs (-nostdinc -Iacsl/win):
 * ssize_t and every other type come from the one trusted model,
 * acsl/iosafe_win32.h. */
#include "../../iosafe_win32.h"
