/* SPDX-License-Identifier: MIT */
/*
 * src/inline.c: the library's one definition of every function whose body
 * is in a public header (include/iosafe/inline.h explains the pattern).
 * With IOSAFE_INLINE_EMIT defined, IOSAFE_INLINE expands to nothing, so each
 * body below its declaration is an ordinary external definition: the
 * symbol libiosafe.so and libiosafe.a export.  This is also the unit
 * Frama-C/WP proves (proofs/proofs.mk).  The contracts and documentation
 * are in the headers.
 */
#define _GNU_SOURCE /* accept4, pipe2; F_DUPFD_CLOEXEC, O_CLOEXEC on older glibc */
#define IOSAFE_INLINE_EMIT

#include "iosafe/iosafe.h"

/* Every guarded body must be compiled here, or its symbol would be missing
 * from the library (the guards are in fd.h, io.h, fdops.h and net.h). */
#if !IOSAFE_INLINE_BODIES || !IOSAFE_INLINE_GNU || !defined(O_CLOEXEC) || \
	!defined(F_DUPFD_CLOEXEC) || !defined(SOCK_CLOEXEC) || !defined(MSG_CMSG_CLOEXEC)
#  error "src/inline.c must see O_CLOEXEC, F_DUPFD_CLOEXEC, SOCK_CLOEXEC, MSG_CMSG_CLOEXEC, accept4 and pipe2"
#endif

_Static_assert(IOSAFE_RAW_CWD == AT_FDCWD, "IOSAFE_RAW_CWD must equal AT_FDCWD");
