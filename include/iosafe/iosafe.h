/* SPDX-License-Identifier: MIT */
/*
 * iosafe/iosafe.h: the umbrella header.  Include this one.
 *
 *   annotations.h  IOSAFE_ACQUIRES, IOSAFE_RELEASES, IOSAFE_USES,
 *                  IOSAFE_RETURNS_BORROW
 *   fd.h           iosafe_owned_fd, iosafe_borrowed_fd, move/borrow/close/clone
 *   auto.h         iosafe_auto_fd (closed at scope exit)
 *   io.h           open, openat, socket, accept, pipe, read, write
 *   net.h          sockets: socketpair, bind ... setsockopt, tcp/udp constructors, fd passing
 *   version.h      IOSAFE_VERSION_*
 */
#ifndef IOSAFE_IOSAFE_H
#define IOSAFE_IOSAFE_H

#include "version.h"
#include "annotations.h"
#include "fd.h"
#include "auto.h"
#include "io.h"
#include "net.h"

#endif /* IOSAFE_IOSAFE_H */
