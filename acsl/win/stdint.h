/* SPDX-License-Identifier: MIT */
/* <stdint.h> for Frama-C runs of iosafe's Windows proofs (-nostdinc -Iacsl/win):
 * the declarations come from the trusted model (acsl/iosafe_win32.h). */
#include "../iosafe_win32.h"
#include "../iosafe_win32_file.h"
