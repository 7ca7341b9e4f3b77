/* SPDX-License-Identifier: MIT */
/* <time.h> for Frama-C runs of iosafe's proofs (-nostdinc -Iacsl/libc): every
 * type, constant and declaration comes from the trusted model,
 * acsl/iosafe_posix_event.h (clocks, timerfd's itimerspec) and
 * acsl/iosafe_posix_mq.h (the timed mq calls); each includes
 * acsl/iosafe_posix.h. */
#include "../iosafe_posix_event.h"
#include "../iosafe_posix_mq.h"
#include "../iosafe_posix_filetime.h"
