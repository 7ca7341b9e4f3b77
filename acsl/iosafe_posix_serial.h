/* SPDX-License-Identifier: MIT */
/*
 * iosafe_posix_serial.h: the TRUSTED BASE of the proofs of src/serial.c:
 * ioctl TCGETS2 and TCSETS2 on Linux's struct termios2 (asm/termbits.h),
 * with open(2) and close(2) from acsl/iosafe_posix.h.  Assumed, not proved;
 * each named clause cites the man page it follows and says why it is no
 * stronger than Linux.  Linux x86_64 values (asm-generic/termbits.h).  Read
 * through the shims acsl/libc/asm/termbits.h and asm/ioctls.h; the ioctl
 * macro that names iosafe_posix_ioctl_TCGETS2 and _TCSETS2 is
 * acsl/iosafe_posix_term.h's (acsl/libc/sys/ioctl.h).
 */
#ifndef IOSAFE_POSIX_SERIAL_H
#define IOSAFE_POSIX_SERIAL_H

#include "iosafe_posix.h"
#include "iosafe_posix_term.h" /* ioctl(), cc_t, speed_t, tcflag_t */

/* struct termios2 (asm-generic/termbits.h): the kernel's NCCS is 19. */
struct termios2 {
	tcflag_t c_iflag;
	tcflag_t c_oflag;
	tcflag_t c_cflag;
	tcflag_t c_lflag;
	cc_t c_line;
	cc_t c_cc[19];
	speed_t c_ispeed;
	speed_t c_ospeed;
};

#define TCGETS2 0x802c542a
#define TCSETS2 0x402c542b
#define VTIME 5
#define VMIN 6
#define IGNBRK 0000001
#define BRKINT 0000002
#define PARMRK 0000010
#define ISTRIP 0000040
#define INLCR 0000100
#define IGNCR 0000200
#define ICRNL 0000400
#define IXON 0002000
#define IXANY 0004000
#define IXOFF 0010000
#define OPOST 0000001
#define ISIG 0000001
#define ICANON 0000002
#define ECHO 0000010
#define ECHONL 0000100
#define IEXTEN 0100000
#define CBAUD 0010017
#define BOTHER 0010000
#define CSIZE 0000060
#define CS8 0000060
#define CSTOPB 0000100
#define CREAD 0000200
#define PARENB 0000400
#define CLOCAL 0004000
#define CRTSCTS 020000000000U
#define IBSHIFT 16

/*@
  // ioctl_tty(2) TCGETS2 (as TCGETS, "Get the current serial port
  // settings", in struct termios2): fd is used; t receives them.
  // No stronger: a precondition on iosafe (no use after close, EFAULT).
  requires tcgets2_args: iosafe_fd_is_open(fd) && \valid(t);
  assigns *t, errno;
  // ioctl(2) RETURN VALUE: 0 for TCGETS2, or -1 with errno set (ENOTTY for
  // a file that is not a terminal).
  // No stronger: tty_mode_ioctl() returns 0 or a negative error; the LSM
  // hook any errno; errno set, no list.
  ensures tcgets2_result: \result == 0 || (\result == -1 && iosafe_errno_set);
*/
int iosafe_posix_ioctl_TCGETS2(int fd, struct termios2 *t);

/*@
  // ioctl_tty(2) TCSETS2 (as TCSETS, "Set the current serial port
  // settings"): fd is used; t is read.
  // No stronger: a precondition on iosafe (no use after close, EFAULT).
  requires tcsets2_args: iosafe_fd_is_open(fd) && \valid_read(t);
  assigns errno;
  // ioctl(2) RETURN VALUE: 0 for TCSETS2, or -1 with errno set.
  // No stronger: set_termios() returns 0 or a negative error (EINTR, EIO,
  // the driver's); errno set, no list.
  ensures tcsets2_result: \result == 0 || (\result == -1 && iosafe_errno_set);
*/
int iosafe_posix_ioctl_TCSETS2(int fd, const struct termios2 *t);

#endif /* IOSAFE_POSIX_SERIAL_H */
