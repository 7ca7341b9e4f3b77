/* SPDX-License-Identifier: MIT */
/*
 * iosafe/serial.h: serial ports opened raw, at any baud rate.
 *
 * iosafe_serial_open opens the device without making it the controlling
 * terminal (O_NOCTTY), close-on-exec, and sets raw mode (as cfmakeraw(3),
 * plus CLOCAL and CREAD: no modem control lines, receiver on) and the baud
 * rate in one TCSETS2, through Linux's struct termios2 and BOTHER, so that
 * a rate with no Bnnn constant (250000 for DMX, 31250 for MIDI) is set as
 * it is; the driver picks the nearest rate its clock can make.
 * iosafe_serial_set_baud changes the rate of an open port.
 *
 * The model is rustix::termios (tcgetattr, tcsetattr with
 * Termios::set_speed, which uses termios2 and BOTHER on Linux) and the
 * serialport crate's open().  The conventions are io.h's: the out-parameter
 * first, 0 or a negative errno, *out none on every failure (nothing stays
 * open when a step after open(2) fails); a none borrow gives -EBADF without
 * a system call.
 *
 * Linux only (termios2: 2.6.20): on other systems this header declares
 * nothing.
 */
#ifndef IOSAFE_SERIAL_H
#define IOSAFE_SERIAL_H

#include "fd.h"

#if defined(__linux__) || defined(__FRAMAC__)

#ifdef __cplusplus
extern "C" {
#endif

/**
 * iosafe_serial_open: open the serial port @path raw at @baud bits per
 * second, 8 data bits, no parity, one stop bit, no flow control.
 * @out: (not NULL) receives the port, owned by the caller, close-on-exec;
 *   none on failure.  Whatever *@out held before is overwritten, not closed.
 * @path: (not NULL) the device ("/dev/ttyUSB0", "/dev/ttyS0"); any
 *   terminal, a pseudoterminal slave included, is accepted.
 * @baud: the rate, more than 0 (0 would mean "hang up", B0).
 * @flags: added to O_RDWR | O_NOCTTY | O_CLOEXEC: 0 or O_NONBLOCK (O_SYNC,
 *   O_EXCL also pass).  With O_NONBLOCK the port stays non-blocking.
 * Returns: 0, or a negative errno: -EINVAL (@out or @path NULL, @baud 0,
 *   a rate the driver refuses), -ENOENT, -EACCES, -EBUSY (TIOCEXCL by
 *   another process), -ENOTTY (@path is not a terminal), -EIO, -EMFILE,
 *   -ENFILE, -EINTR (open(2) waiting for the carrier), ...
 * Linux only.  Follows: open(2) O_NOCTTY, ioctl_tty(2) TCGETS2/TCSETS2,
 *   termios(3) "Raw mode"; rustix::termios::Termios::set_speed.
 */
/*@
  requires separated: \separated(out, &errno);
  assigns out->raw, errno, iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
    iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1];
  behavior null_out:
    assumes out == \null;
    assigns \nothing;
    ensures result_einval: \result == -EINVAL;
    ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior bad_args:
    assumes out != \null && (path == \null || baud == 0);
    requires valid_out: \valid(out);
    assigns out->raw;
    ensures out_none: out->raw == IOSAFE_RAW_NONE;
    ensures result_einval: \result == -EINVAL;
    ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior call:
    assumes out != \null && path != \null && baud != 0;
    requires valid_out: \valid(out);
    requires valid_path: \valid_read(path);
    ensures acquired: \result == 0 ==>
      iosafe_fd_acquired{Pre, Post}(out->raw) && iosafe_fd_is_cloexec(out->raw);
    ensures failed: \result != 0 ==>
      iosafe_neg_errno(\result) && out->raw == IOSAFE_RAW_NONE &&
      iosafe_fd_table_same{Pre, Post};
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_serial_open(iosafe_owned_fd *out IOSAFE_ACQUIRES, const char *path, unsigned int baud,
		       int flags);

/**
 * iosafe_serial_set_baud: set the input and output rate of the serial port
 * @fd to @baud bits per second (BOTHER), keeping its other settings.
 * @fd: a borrow, used during the call only.
 * @baud: the rate, more than 0.
 * Returns: 0, or a negative errno: -EBADF (@fd none or not open), -EINVAL
 *   (@baud 0, or refused by the driver), -ENOTTY (not a terminal), -EIO,
 *   ...  The driver may round the rate: read it back with TCGETS2 where
 *   the exact value matters (a pseudoterminal stores it as given).
 * Linux only.  Follows: ioctl_tty(2) TCGETS2/TCSETS2 with BOTHER;
 *   rustix::termios::Termios::set_speed.
 */
/*@
  requires borrow_ok: iosafe_fd_borrow_ok(fd.raw);
  assigns errno;
  ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior none:
    assumes fd.raw < 0;
    assigns \nothing;
    ensures result_ebadf: \result == -EBADF;
  behavior bad_baud:
    assumes fd.raw >= 0 && baud == 0;
    assigns \nothing;
    ensures result_einval: \result == -EINVAL;
  behavior call:
    assumes fd.raw >= 0 && baud != 0;
    ensures result: \result == 0 || iosafe_neg_errno(\result);
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_serial_set_baud(iosafe_borrowed_fd fd IOSAFE_USES, unsigned int baud);

#ifdef __cplusplus
}
#endif

#endif /* __linux__ || __FRAMAC__ */

#endif /* IOSAFE_SERIAL_H */
