/* SPDX-License-Identifier: MIT */
/*
 * proofs/shim_types_event.c: checks, with the real system headers and the C
 * compiler, that the types and struct layouts acsl/iosafe_posix_event.h
 * gives Frama-C are the system's (as proofs/shim_types_fs.c does for
 * acsl/iosafe_posix_fs.h).  `make prove` compiles it (-fsyntax-only) with
 * the constant checks generated from iosafe_posix_event.h's #defines
 * (proofs.mk, prove-shim-event).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/fanotify.h>
#include <sys/inotify.h>
#include <sys/signalfd.h>
#include <sys/timerfd.h>
#include <time.h>

#define IOSAFE_SAME_TYPE(T, U) _Generic((T)0, U: 1, default: 0)
#define IOSAFE_AT(S, F, OFF) _Static_assert(offsetof(struct S, F) == (OFF), #S "." #F)

_Static_assert(IOSAFE_SAME_TYPE(uint8_t, unsigned char), "uint8_t");
_Static_assert(IOSAFE_SAME_TYPE(uint16_t, unsigned short), "uint16_t");
_Static_assert(IOSAFE_SAME_TYPE(uint32_t, unsigned int), "uint32_t");
_Static_assert(IOSAFE_SAME_TYPE(uint64_t, unsigned long), "uint64_t");
_Static_assert(IOSAFE_SAME_TYPE(int32_t, int), "int32_t");
_Static_assert(IOSAFE_SAME_TYPE(int64_t, long), "int64_t");
_Static_assert(IOSAFE_SAME_TYPE(clockid_t, int), "clockid_t");
_Static_assert(IOSAFE_SAME_TYPE(nfds_t, unsigned long), "nfds_t");
_Static_assert(IOSAFE_SAME_TYPE(eventfd_t, uint64_t), "eventfd_t");
_Static_assert(sizeof(sigset_t) == 128, "sigset_t");

_Static_assert(sizeof(struct pollfd) == 8, "struct pollfd");
IOSAFE_AT(pollfd, events, 4);
IOSAFE_AT(pollfd, revents, 6);
_Static_assert(sizeof(struct epoll_event) == 12, "struct epoll_event (packed)");
IOSAFE_AT(epoll_event, data, 4);
_Static_assert(sizeof(struct itimerspec) == 32, "struct itimerspec");
IOSAFE_AT(itimerspec, it_value, 16);
_Static_assert(sizeof(struct signalfd_siginfo) == 128, "struct signalfd_siginfo");
IOSAFE_AT(signalfd_siginfo, ssi_ptr, 48);
IOSAFE_AT(signalfd_siginfo, ssi_addr_lsb, 80);
IOSAFE_AT(signalfd_siginfo, ssi_syscall, 84);
IOSAFE_AT(signalfd_siginfo, ssi_call_addr, 88);
IOSAFE_AT(signalfd_siginfo, ssi_arch, 96);
_Static_assert(sizeof(struct inotify_event) == 16, "struct inotify_event");
IOSAFE_AT(inotify_event, len, 12);
_Static_assert(sizeof(struct fanotify_event_metadata) == 24, "struct fanotify_event_metadata");
IOSAFE_AT(fanotify_event_metadata, mask, 8);
IOSAFE_AT(fanotify_event_metadata, fd, 16);
IOSAFE_AT(fanotify_event_metadata, pid, 20);
_Static_assert(sizeof(struct fanotify_response) == 8, "struct fanotify_response");
IOSAFE_AT(fanotify_response, response, 4);
