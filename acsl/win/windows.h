/* SPDX-License-Identifier: MIT */
/* <windows.h> for Frama-C runs of iosafe's Windows proofs (-nostdinc -Iacsl/win):
 * every type, constant and Win32 declaration comes from the one trusted
 * model, acsl/iosafe_win32.h. */
#include "../iosafe_win32.h"
#include "../iosafe_win32_file.h"
