/* SPDX-License-Identifier: MIT */
/*
 * iosafe/iosafe.h: the umbrella header.  Include this one.
 *
 *   inline.h       IOSAFE_INLINE: header bodies, inlined and exported
 *   annotations.h  IOSAFE_ACQUIRES, IOSAFE_RELEASES, IOSAFE_USES,
 *                  IOSAFE_RETURNS_BORROW
 *   fd.h           iosafe_owned_fd, iosafe_borrowed_fd, move/borrow/close/clone
 *   auto.h         iosafe_auto_fd (closed at scope exit)
 *   filelike.h     filelike/socketlike: fds on POSIX, handles/SOCKETs on Windows
 *   io.h           open, openat, socket, accept, pipe, read, write (POSIX)
 *   fdops.h        dup, dup_onto, stdio, flags, close_range, same, path, reopen
 *                  (POSIX)
 *   fs.h           files: openat2, memfd, seals, stat, sync, seek, read_all, *at
 *   zerocopy.h     splice, tee, vmsplice, sendfile, copy_file_range, copy_all
 *   stdio.h        FILE and DIR hand-off: file_from_fd, fd_from_file, dir_from_fd
 *   net.h          sockets: socketpair, bind ... setsockopt, tcp/udp constructors,
 *                  fd passing (POSIX; Linux extensions)
 *   net_unix.h     Unix domain socket paths: listener owning fd, path, (dev, ino)
 *   event.h        epoll, poll, eventfd, timerfd, signalfd, inotify, fanotify
 *                  (Linux)
 *   process.h      pidfd: open, getfd, send_signal, wait (Linux)
 *   term.h         pseudoterminals, termios, window size, raw-mode guard (Linux)
 *   mq.h           POSIX message queues on owned fds (Linux)
 *   serial.h       serial ports: raw, any baud rate through termios2 (Linux)
 *   inout.h        in-place-or-disjoint buffer pairs (Rust crate inout; POSIX)
 *   cpu.h          CPUs this process may use: affinity, online, cgroup quota
 *                  up the tree, physical cores (Rust crate num_cpus; Linux)
 *   win.h          Windows handles and sockets, their acquisitions and the
 *                  C runtime bridge (_WIN32 only; io.h and fdops.h are
 *                  POSIX-only and left out there, as are fs.h, zerocopy.h and stdio.h)
 *   version.h      IOSAFE_VERSION_*
 */
#ifndef IOSAFE_IOSAFE_H
#define IOSAFE_IOSAFE_H

#include "version.h"
#include "annotations.h"
#include "fd.h"
#include "auto.h"
#include "filelike.h"
#ifdef _WIN32
#  include "win.h"
#else
#  include "io.h"
#  include "fdops.h"
#  include "fs.h"
#  include "zerocopy.h"
#  include "stdio.h"
#  include "net.h"
#  include "net_unix.h"
#  include "process.h"
#  include "term.h"
#  include "mq.h"
#  include "serial.h"
#  include "cpu.h"
#  include "inout.h"
#  include "event.h"
#endif

#endif /* IOSAFE_IOSAFE_H */
