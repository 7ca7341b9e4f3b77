/* SPDX-License-Identifier: MIT */
/*
 * proofs/shim_types_ipc.c: checks, with the real system headers and the C
 * compiler, that the types and struct layouts of acsl/iosafe_posix_process.h,
 * iosafe_posix_term.h and iosafe_posix_mq.h are the system's (as
 * proofs/shim_types.c does for acsl/iosafe_posix.h).  `make prove` compiles
 * it (-fsyntax-only) with the constant checks generated from those files'
 * #defines (proofs.mk, prove-shim-ipc).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <mqueue.h>
#include <signal.h>
#include <stddef.h>
#include <sys/ioctl.h>
#include <sys/pidfd.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <termios.h>

#define IOSAFE_SAME_TYPE(T, U) _Generic((T)0, U: 1, default: 0)
#define IOSAFE_AT(S, F, OFF) _Static_assert(offsetof(S, F) == (OFF), #S "." #F)

_Static_assert(IOSAFE_SAME_TYPE(pid_t, int), "pid_t");
_Static_assert(IOSAFE_SAME_TYPE(id_t, unsigned int), "id_t");
_Static_assert(P_PIDFD == 3, "P_PIDFD");
_Static_assert(sizeof(siginfo_t) == 128, "siginfo_t");
IOSAFE_AT(siginfo_t, si_signo, 0);
IOSAFE_AT(siginfo_t, si_errno, 4);
IOSAFE_AT(siginfo_t, si_code, 8);

_Static_assert(IOSAFE_SAME_TYPE(cc_t, unsigned char), "cc_t");
_Static_assert(IOSAFE_SAME_TYPE(speed_t, unsigned int), "speed_t");
_Static_assert(IOSAFE_SAME_TYPE(tcflag_t, unsigned int), "tcflag_t");
_Static_assert(sizeof(struct termios) == 60, "struct termios");
IOSAFE_AT(struct termios, c_lflag, 12);
IOSAFE_AT(struct termios, c_line, 16);
IOSAFE_AT(struct termios, c_cc, 17);
IOSAFE_AT(struct termios, c_ispeed, 52);
IOSAFE_AT(struct termios, c_ospeed, 56);
_Static_assert(sizeof(struct winsize) == 8, "struct winsize");
IOSAFE_AT(struct winsize, ws_ypixel, 6);

_Static_assert(IOSAFE_SAME_TYPE(mqd_t, int), "mqd_t");
_Static_assert(sizeof(struct mq_attr) == 64, "struct mq_attr");
IOSAFE_AT(struct mq_attr, mq_curmsgs, 24);
_Static_assert(sizeof(struct sigevent) == 64, "struct sigevent");
IOSAFE_AT(struct sigevent, sigev_signo, 8);
IOSAFE_AT(struct sigevent, sigev_notify, 12);
