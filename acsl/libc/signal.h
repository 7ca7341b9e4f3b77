/* SPDX-License-Identifier: MIT */
/* <signal.h> for Frama-C runs of iosafe's proofs (-nostdinc -Iacsl/libc): every
 * type, constant and declaration comes from the trusted model,
 * acsl/iosafe_posix_event.h (signal sets, pthread_sigmask, signalfd) and
 * acsl/iosafe_posix_process.h (signals sent to processes, siginfo); each
 * includes acsl/iosafe_posix.h. */
#include "../iosafe_posix_event.h"
#include "../iosafe_posix_process.h"
