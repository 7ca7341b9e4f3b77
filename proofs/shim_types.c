/* SPDX-License-Identifier: MIT */
/*
 * proofs/shim_types.c: checks, with the real system headers and the C
 * compiler, that the types acsl/iosafe_posix.h gives Frama-C are the
 * system's.  `make prove` compiles it (-fsyntax-only) together with the
 * constant checks it generates from iosafe_posix.h's #defines; a mismatch
 * stops the proofs before they run, since a proof over the wrong type
 * widths would not be a proof of the library as built.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <linux/kcmp.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <unistd.h>
#include <termios.h> /* ECHO, ECHONL of acsl/iosafe_posix_serial.h */

#define IOSAFE_SAME_TYPE(T, U) _Generic((T)0, U: 1, default: 0)

_Static_assert(IOSAFE_SAME_TYPE(size_t, unsigned long), "size_t");
_Static_assert(IOSAFE_SAME_TYPE(ssize_t, long), "ssize_t");
_Static_assert(IOSAFE_SAME_TYPE(mode_t, unsigned int), "mode_t");
_Static_assert(IOSAFE_SAME_TYPE(off_t, long), "off_t");
_Static_assert(IOSAFE_SAME_TYPE(socklen_t, unsigned int), "socklen_t");
_Static_assert(IOSAFE_SAME_TYPE(sa_family_t, unsigned short), "sa_family_t");
_Static_assert(sizeof(struct sockaddr) == 16, "struct sockaddr size");
_Static_assert(offsetof(struct sockaddr, sa_data) == 2, "struct sockaddr layout");
_Static_assert(sizeof(int) == 4 && sizeof(long) == 8, "LP64");
_Static_assert(IOSAFE_SAME_TYPE(pid_t, int), "pid_t");
_Static_assert(IOSAFE_SAME_TYPE(dev_t, unsigned long), "dev_t");
_Static_assert(IOSAFE_SAME_TYPE(ino_t, unsigned long), "ino_t");
_Static_assert(sizeof(struct stat) == 144, "struct stat size");
_Static_assert(offsetof(struct stat, st_dev) == 0, "struct stat st_dev");
_Static_assert(offsetof(struct stat, st_ino) == 8, "struct stat st_ino");
_Static_assert(offsetof(struct stat, st_mode) == 24, "struct stat st_mode");
