/* SPDX-License-Identifier: MIT */
/* <io.h> for Frama-C runs of iosafe's Windows proofs (-nostdinc -Iacsl/win):
 * the declarations come from the trusted model (acsl/iosafe_win32.h, acsl/iosafe_win_crt.h). */
#include "../iosafe_win32.h"
#include "../iosafe_win_crt.h"
