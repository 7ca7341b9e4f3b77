/* SPDX-License-Identifier: MIT */
/* <unistd.h> for Frama-C runs of iosafe's Windows proofs (-nostdinc -Iacsl/win):
 * mingw-w64's <unistd.h> declares the C runtime's descriptor calls, whose
 * declarations come from the trusted model (acsl/iosafe_win_crt.h). */
#include "../iosafe_win32.h"
#include "../iosafe_win_crt.h"
