/* SPDX-License-Identifier: MIT */
/*
 * proofs/shim_types_serial.c: checks, with Linux's own headers (not glibc's
 * <termios.h>, whose struct termios differs), that struct termios2 of
 * acsl/iosafe_posix_serial.h is the kernel's; `make prove` compiles it with
 * the constant checks generated from that file (proofs.mk, prove-shim-ipc).
 */
#include <stddef.h>
#include <asm/ioctls.h>
#include <asm/termbits.h>

_Static_assert(sizeof(struct termios2) == 44, "struct termios2");
_Static_assert(offsetof(struct termios2, c_line) == 16, "termios2.c_line");
_Static_assert(offsetof(struct termios2, c_cc) == 17, "termios2.c_cc");
_Static_assert(offsetof(struct termios2, c_ispeed) == 36, "termios2.c_ispeed");
_Static_assert(offsetof(struct termios2, c_ospeed) == 40, "termios2.c_ospeed");
