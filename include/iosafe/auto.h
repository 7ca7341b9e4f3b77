/* SPDX-License-Identifier: MIT */
/*
 * iosafe/auto.h: owned fds closed at scope exit.
 *
 *   iosafe_auto_fd fd = IOSAFE_FD_NONE;
 *   if (iosafe_open(&fd, path, O_RDONLY, 0) < 0)
 *           return -1;                  // nothing to close
 *   ...
 *   return iosafe_fd_into_raw(&fd);     // hands it on: nothing closed
 *
 * iosafe_auto_fd is used as a type name.  It declares an iosafe_owned_fd
 * that iosafe_fd_drop() closes when the variable goes out of scope, by any
 * path: return, break, continue, goto out of the block, end of block.  As in
 * GLib's g_autofd and systemd's _cleanup_close_, declare and initialise in
 * one statement, and move the descriptor out with iosafe_fd_take() or
 * iosafe_fd_into_raw() to keep it.  Closing it early with iosafe_fd_close()
 * is fine: the cleanup then finds none and does nothing.
 *
 * Do not mix this with goto-based cleanup in one function (a goto that jumps
 * over the declaration into its scope is rejected by the compiler; one that
 * jumps backwards re-runs the cleanup): follow the kernel's cleanup.h rule.
 *
 * It needs the cleanup attribute (GCC, Clang).  Elsewhere its use is a
 * compile error naming the problem, never a silent leak.
 */
#ifndef IOSAFE_AUTO_H
#define IOSAFE_AUTO_H

#include "fd.h"

#if defined(__GNUC__) || defined(__clang__)
#  define iosafe_auto_fd __attribute__((cleanup(iosafe_fd_drop))) iosafe_owned_fd
#else
/* An unknown type name: the compiler's error message names the problem. */
#  define iosafe_auto_fd iosafe_auto_fd_needs_the_cleanup_attribute_of_gcc_or_clang
#endif

#endif /* IOSAFE_AUTO_H */
