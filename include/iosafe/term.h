/* SPDX-License-Identifier: MIT */
/*
 * iosafe/term.h: terminals: pseudoterminal pairs, termios settings,
 * window sizes, foreground process groups, and a raw-mode guard that puts
 * the terminal back.
 *
 * The model is rustix::pty (openpt, grantpt, unlockpt, ptsname,
 * ioctl_tiocgptpeer) and rustix::termios (tcgetattr, tcsetattr, tcdrain,
 * tcflush, tcflow, tcsendbreak, tcgetwinsize, tcsetwinsize, tcgetpgrp,
 * tcsetpgrp, tcgetsid, isatty, ttyname); iosafe_openpty is openpty(3)
 * without its two inheritable descriptors, and the guard is what crossterm's
 * enable_raw_mode / disable_raw_mode pair does, tied to a scope.
 *
 * Conventions, as in io.h and fdops.h: acquisitions take the out-parameter
 * FIRST and return 0 or a negative errno, with *out none on every failure;
 * every new descriptor is close-on-exec (O_CLOEXEC is always added: glibc's
 * openpty(3) and posix_openpt(3) without it leave both ends to every
 * program the process runs).  A none borrow gives -EBADF without a system
 * call; a NULL pointer the doc calls required gives -EINVAL.  The errno
 * values listed are the common ones, not a closed list.
 *
 * Serial ports (any baud rate, termios2) are serial.h.
 *
 * Linux only (TIOCGPTPEER is Linux 4.13; devpts): on other systems this
 * header declares nothing.
 *
 * Length: about 750 lines, because each of its 21 functions carries its doc
 * comment and its full ACSL contract above the declaration; the family is
 * one header as rustix::termios is one module.
 */
#ifndef IOSAFE_TERM_H
#define IOSAFE_TERM_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h> /* pid_t */
#include <termios.h>   /* struct termios, TCSANOW, TCIFLUSH, TCOOFF, ... */
#include <sys/ioctl.h> /* struct winsize */

#include "fd.h"

#if defined(__linux__) || defined(__FRAMAC__)

#ifdef __cplusplus
extern "C" {
#endif

/* ---- pseudoterminals ------------------------------------------------------ */

/**
 * iosafe_openpt: open a new pseudoterminal master (/dev/ptmx).
 * @out: (not NULL) receives the master, owned by the caller, close-on-exec;
 *   none on failure.  Whatever *@out held before is overwritten, not closed.
 * @flags: O_RDWR, usually with O_NOCTTY (so that the master does not become
 *   the caller's controlling terminal); O_NONBLOCK allowed.  O_CLOEXEC is
 *   always added.
 * Returns: 0, or a negative errno: -EINVAL (@out NULL), -EMFILE, -ENFILE,
 *   -ENOSPC (kernel.pty.max reached), -ENOENT (no devpts), ...
 * Linux only.  Follows: posix_openpt(3) (glibc opens /dev/ptmx with
 *   @flags as they are); rustix::pty::openpt.
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
  behavior call:
    assumes out != \null;
    requires valid_out: \valid(out);
    ensures acquired: \result == 0 ==>
      iosafe_fd_acquired{Pre, Post}(out->raw) && iosafe_fd_is_cloexec(out->raw);
    ensures failed: \result != 0 ==>
      iosafe_neg_errno(\result) && out->raw == IOSAFE_RAW_NONE &&
      iosafe_fd_table_same{Pre, Post};
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_openpt(iosafe_owned_fd *out IOSAFE_ACQUIRES, int flags);

/**
 * iosafe_grantpt: give the slave of master @fd to the caller's real user
 * (on Linux's devpts the kernel already did: this checks that @fd is a
 * master).
 * @fd: a borrow, used during the call only.
 * Returns: 0, or -EBADF (none or not open), -EINVAL or -ENOTTY (@fd is not
 *   a pseudoterminal master), ...
 * Linux only.  Follows: grantpt(3); rustix::pty::grantpt.
 */
/*@
  requires borrow_ok: iosafe_fd_borrow_ok(fd.raw);
  assigns errno;
  ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior none:
    assumes fd.raw < 0;
    assigns \nothing;
    ensures result_ebadf: \result == -EBADF;
  behavior call:
    assumes fd.raw >= 0;
    ensures result: \result == 0 || iosafe_neg_errno(\result);
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_grantpt(iosafe_borrowed_fd fd IOSAFE_USES);

/**
 * iosafe_unlockpt: unlock the slave of master @fd, so that it can be opened.
 * @fd: a borrow, used during the call only.
 * Returns: 0, or -EBADF (none or not open), -EINVAL or -ENOTTY (@fd is not
 *   a pseudoterminal master), ...
 * Linux only.  Follows: unlockpt(3) (TIOCSPTLCK); rustix::pty::unlockpt.
 */
/*@
  requires borrow_ok: iosafe_fd_borrow_ok(fd.raw);
  assigns errno;
  ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior none:
    assumes fd.raw < 0;
    assigns \nothing;
    ensures result_ebadf: \result == -EBADF;
  behavior call:
    assumes fd.raw >= 0;
    ensures result: \result == 0 || iosafe_neg_errno(\result);
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_unlockpt(iosafe_borrowed_fd fd IOSAFE_USES);

/**
 * iosafe_ptsname: the path of the slave of master @fd ("/dev/pts/N").
 * @fd: a borrow, used during the call only.
 * @buf: (not NULL) receives the path, NUL-terminated, @n bytes at most.
 * @n: the size of @buf in bytes, more than 0.
 * Returns: 0, or a negative errno: -EBADF (@fd none or not open), -EINVAL
 *   (@buf NULL, @n 0), -ENOTTY (@fd is not a master), -ERANGE (@buf too
 *   small), ...  The path is racy by nature (another process may open it):
 *   iosafe_ptpeer opens the slave without a path.
 * Linux only.  Follows: ptsname_r(3) (GNU; it returns an error number, not
 *   -1); rustix::pty::ptsname.
 */
/*@
  requires borrow_ok: iosafe_fd_borrow_ok(fd.raw);
  requires valid_buf: buf == \null || n == 0 || \valid(buf + (0 .. n - 1));
  requires separated: buf != \null && n > 0 ==> \separated(buf + (0 .. n - 1), &errno);
  assigns buf[0 .. n - 1], errno;
  ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior none:
    assumes fd.raw < 0;
    assigns \nothing;
    ensures result_ebadf: \result == -EBADF;
  behavior bad_buf:
    assumes fd.raw >= 0 && (buf == \null || n == 0);
    assigns \nothing;
    ensures result_einval: \result == -EINVAL;
  behavior call:
    assumes fd.raw >= 0 && buf != \null && n > 0;
    ensures result: \result == 0 || iosafe_neg_errno(\result);
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_ptsname(iosafe_borrowed_fd fd IOSAFE_USES, char *buf, size_t n);

/**
 * iosafe_ptpeer: open the slave of master @master without a path
 * (TIOCGPTPEER), close-on-exec.
 * @out: (not NULL) receives the slave, owned by the caller; none on failure.
 * @master: a borrow, used during the call only; unlocked first
 *   (iosafe_unlockpt), or the call fails with -EIO.
 * @flags: open(2) flags for the slave: O_RDWR, usually O_NOCTTY, optionally
 *   O_NONBLOCK.  O_CLOEXEC is always added.
 * Returns: 0, or a negative errno: -EBADF (@master none or not open),
 *   -EINVAL (@out NULL; Linux before 4.13), -ENOTTY (@master not a master),
 *   -EIO (the slave is locked), -EMFILE, -ENFILE, ...
 * Linux only (4.13).  Follows: ioctl_tty(2) TIOCGPTPEER;
 *   rustix::pty::ioctl_tiocgptpeer.
 */
/*@
  requires borrow_ok: iosafe_fd_borrow_ok(master.raw);
  requires separated: \separated(out, &errno);
  assigns out->raw, errno, iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
    iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1];
  behavior null_out:
    assumes out == \null;
    assigns \nothing;
    ensures result_einval: \result == -EINVAL;
    ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior none:
    assumes out != \null && master.raw < 0;
    requires valid_out: \valid(out);
    assigns out->raw;
    ensures out_none: out->raw == IOSAFE_RAW_NONE;
    ensures result_ebadf: \result == -EBADF;
    ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior call:
    assumes out != \null && master.raw >= 0;
    requires valid_out: \valid(out);
    ensures acquired: \result == 0 ==>
      iosafe_fd_acquired{Pre, Post}(out->raw) && iosafe_fd_is_cloexec(out->raw) &&
      iosafe_fd_cloexec_same_except{Pre, Post}(out->raw);
    ensures failed: \result != 0 ==>
      iosafe_neg_errno(\result) && out->raw == IOSAFE_RAW_NONE &&
      iosafe_fd_table_same{Pre, Post} && iosafe_fd_cloexec_same{Pre, Post};
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_ptpeer(iosafe_owned_fd *out IOSAFE_ACQUIRES, iosafe_borrowed_fd master IOSAFE_USES,
		  int flags);

/**
 * iosafe_openpty: a new pseudoterminal pair, both ends close-on-exec and
 * O_NOCTTY, the slave opened through the master (no path race).
 * @master: (not NULL) receives the master, owned by the caller; none on
 *   failure.
 * @slave: (not NULL, not @master) receives the slave, owned by the caller;
 *   none on failure.
 * @termios: NULL, or the settings given to the slave (TCSANOW).
 * @winsize: NULL, or the window size given to the slave.
 * Returns: 0, or a negative errno: -EINVAL (@master or @slave NULL or the
 *   same), -EMFILE, -ENFILE, -ENOSPC, an error of iosafe_ptpeer,
 *   iosafe_tcsetattr or iosafe_tcsetwinsize.  On failure nothing stays
 *   open: a master opened before the failing step is closed again.
 * Linux only.  Follows: openpty(3), with posix_openpt(3), unlockpt(3) and
 *   TIOCGPTPEER as its steps; rustix::pty (openpt, unlockpt,
 *   ioctl_tiocgptpeer).
 */
/*@
  requires separated: \separated(master, slave, &errno);
  requires valid_termios: termios == \null || \valid_read(termios);
  requires valid_winsize: winsize == \null || \valid_read(winsize);
  assigns master->raw, slave->raw, errno,
    iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
    iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1];
  behavior null_out:
    assumes master == \null || slave == \null;
    assigns \nothing;
    ensures result_einval: \result == -EINVAL;
    ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior call:
    assumes master != \null && slave != \null;
    requires valid_out: \valid(master) && \valid(slave);
    ensures acquired: \result == 0 ==>
      iosafe_fd_acquired2{Pre, Post}(master->raw, slave->raw) &&
      iosafe_fd_is_cloexec(master->raw) && iosafe_fd_is_cloexec(slave->raw);
    ensures failed: \result != 0 ==>
      iosafe_neg_errno(\result) && master->raw == IOSAFE_RAW_NONE &&
      slave->raw == IOSAFE_RAW_NONE && iosafe_fd_table_same{Pre, Post};
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_openpty(iosafe_owned_fd *master IOSAFE_ACQUIRES, iosafe_owned_fd *slave IOSAFE_ACQUIRES,
		   const struct termios *termios, const struct winsize *winsize);

/* ---- termios settings ----------------------------------------------------- */

/**
 * iosafe_tcgetattr: read the terminal settings of @fd.
 * @fd: a borrow, used during the call only.
 * @t: (not NULL) receives the settings.
 * Returns: 0, or a negative errno: -EBADF (@fd none or not open), -EINVAL
 *   (@t NULL), -ENOTTY (@fd is not a terminal), ...
 * Follows: tcgetattr(3), POSIX tcgetattr; rustix::termios::tcgetattr.
 */
/*@
  requires borrow_ok: iosafe_fd_borrow_ok(fd.raw);
  requires valid_t: t == \null || \valid(t);
  requires separated: \separated(t, &errno);
  assigns *t, errno;
  ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior none:
    assumes fd.raw < 0;
    assigns \nothing;
    ensures result_ebadf: \result == -EBADF;
  behavior null_t:
    assumes fd.raw >= 0 && t == \null;
    assigns \nothing;
    ensures result_einval: \result == -EINVAL;
  behavior call:
    assumes fd.raw >= 0 && t != \null;
    ensures result: \result == 0 || iosafe_neg_errno(\result);
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_tcgetattr(iosafe_borrowed_fd fd IOSAFE_USES, struct termios *t);

/**
 * iosafe_tcsetattr: change the terminal settings of @fd.
 * @fd: a borrow, used during the call only.
 * @when: TCSANOW, TCSADRAIN (after the output is written) or TCSAFLUSH
 *   (after it is written, discarding unread input).
 * @t: (not NULL) the settings, read only.
 * Returns: 0, or a negative errno: -EBADF (@fd none or not open), -EINVAL
 *   (@t NULL, bad @when), -ENOTTY, -EINTR (TCSADRAIN, TCSAFLUSH: a signal
 *   came while waiting), -EIO, ...  As tcsetattr(3) says, 0 means that at
 *   least one of the changes was made: read them back with
 *   iosafe_tcgetattr where all must be.
 * Follows: tcsetattr(3), POSIX tcsetattr; rustix::termios::tcsetattr.
 */
/*@
  requires borrow_ok: iosafe_fd_borrow_ok(fd.raw);
  requires valid_t: t == \null || \valid_read(t);
  assigns errno;
  ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior none:
    assumes fd.raw < 0;
    assigns \nothing;
    ensures result_ebadf: \result == -EBADF;
  behavior null_t:
    assumes fd.raw >= 0 && t == \null;
    assigns \nothing;
    ensures result_einval: \result == -EINVAL;
  behavior call:
    assumes fd.raw >= 0 && t != \null;
    ensures result: \result == 0 || iosafe_neg_errno(\result);
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_tcsetattr(iosafe_borrowed_fd fd IOSAFE_USES, int when, const struct termios *t);

/**
 * iosafe_tcdrain: wait until the output written to @fd has been sent.
 * @fd: a borrow, used during the call only.
 * Returns: 0, or -EBADF (none or not open), -ENOTTY, -EINTR (a signal
 *   came while waiting: not retried), -EIO, ...
 * Follows: tcdrain(3), POSIX tcdrain; rustix::termios::tcdrain.
 */
/*@
  requires borrow_ok: iosafe_fd_borrow_ok(fd.raw);
  assigns errno;
  ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior none:
    assumes fd.raw < 0;
    assigns \nothing;
    ensures result_ebadf: \result == -EBADF;
  behavior call:
    assumes fd.raw >= 0;
    ensures result: \result == 0 || iosafe_neg_errno(\result);
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_tcdrain(iosafe_borrowed_fd fd IOSAFE_USES);

/**
 * iosafe_tcflush: discard data written to @fd and not sent, or received and
 * not read.
 * @fd: a borrow, used during the call only.
 * @queue: TCIFLUSH (input), TCOFLUSH (output) or TCIOFLUSH (both).
 * Returns: 0, or -EBADF (none or not open), -EINVAL (bad @queue), -ENOTTY,
 *   ...
 * Follows: tcflush(3), POSIX tcflush; rustix::termios::tcflush.
 */
/*@
  requires borrow_ok: iosafe_fd_borrow_ok(fd.raw);
  assigns errno;
  ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior none:
    assumes fd.raw < 0;
    assigns \nothing;
    ensures result_ebadf: \result == -EBADF;
  behavior call:
    assumes fd.raw >= 0;
    ensures result: \result == 0 || iosafe_neg_errno(\result);
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_tcflush(iosafe_borrowed_fd fd IOSAFE_USES, int queue);

/**
 * iosafe_tcflow: suspend or resume output or input on @fd.
 * @fd: a borrow, used during the call only.
 * @action: TCOOFF, TCOON (output), TCIOFF, TCION (send STOP or START).
 * Returns: 0, or -EBADF (none or not open), -EINVAL (bad @action),
 *   -ENOTTY, -EINTR, ...
 * Follows: tcflow(3), POSIX tcflow; rustix::termios::tcflow.
 */
/*@
  requires borrow_ok: iosafe_fd_borrow_ok(fd.raw);
  assigns errno;
  ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior none:
    assumes fd.raw < 0;
    assigns \nothing;
    ensures result_ebadf: \result == -EBADF;
  behavior call:
    assumes fd.raw >= 0;
    ensures result: \result == 0 || iosafe_neg_errno(\result);
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_tcflow(iosafe_borrowed_fd fd IOSAFE_USES, int action);

/**
 * iosafe_tcsendbreak: send a break (zero bits) on @fd.
 * @fd: a borrow, used during the call only.
 * @duration: 0 for 0.25 to 0.5 seconds; glibc on Linux takes a positive
 *   value as milliseconds, rounded up to tenths of a second (TCSBRKP).
 * Returns: 0, or -EBADF (none or not open), -ENOTTY, -EINTR, ...  A
 *   pseudoterminal accepts the call and sends nothing.
 * Follows: tcsendbreak(3), POSIX tcsendbreak; rustix::termios::tcsendbreak.
 */
/*@
  requires borrow_ok: iosafe_fd_borrow_ok(fd.raw);
  assigns errno;
  ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior none:
    assumes fd.raw < 0;
    assigns \nothing;
    ensures result_ebadf: \result == -EBADF;
  behavior call:
    assumes fd.raw >= 0;
    ensures result: \result == 0 || iosafe_neg_errno(\result);
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_tcsendbreak(iosafe_borrowed_fd fd IOSAFE_USES, int duration);

/**
 * iosafe_tcgetwinsize: read the window size of terminal @fd.
 * @fd: a borrow, used during the call only.
 * @ws: (not NULL) receives rows, columns and pixel sizes.
 * Returns: 0, or -EBADF (@fd none or not open), -EINVAL (@ws NULL),
 *   -ENOTTY, ...
 * Follows: ioctl_tty(2) TIOCGWINSZ (POSIX.1-2024 tcgetwinsize);
 *   rustix::termios::tcgetwinsize.
 */
/*@
  requires borrow_ok: iosafe_fd_borrow_ok(fd.raw);
  requires valid_ws: ws == \null || \valid(ws);
  requires separated: \separated(ws, &errno);
  assigns *ws, errno;
  ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior none:
    assumes fd.raw < 0;
    assigns \nothing;
    ensures result_ebadf: \result == -EBADF;
  behavior null_ws:
    assumes fd.raw >= 0 && ws == \null;
    assigns \nothing;
    ensures result_einval: \result == -EINVAL;
  behavior call:
    assumes fd.raw >= 0 && ws != \null;
    ensures result: \result == 0 || iosafe_neg_errno(\result);
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_tcgetwinsize(iosafe_borrowed_fd fd IOSAFE_USES, struct winsize *ws);

/**
 * iosafe_tcsetwinsize: set the window size of terminal @fd (the foreground
 * process group gets SIGWINCH when it changes).
 * @fd: a borrow, used during the call only.
 * @ws: (not NULL) the new size, read only.
 * Returns: 0, or -EBADF (@fd none or not open), -EINVAL (@ws NULL),
 *   -ENOTTY, ...
 * Follows: ioctl_tty(2) TIOCSWINSZ (POSIX.1-2024 tcsetwinsize);
 *   rustix::termios::tcsetwinsize.
 */
/*@
  requires borrow_ok: iosafe_fd_borrow_ok(fd.raw);
  requires valid_ws: ws == \null || \valid_read(ws);
  assigns errno;
  ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior none:
    assumes fd.raw < 0;
    assigns \nothing;
    ensures result_ebadf: \result == -EBADF;
  behavior null_ws:
    assumes fd.raw >= 0 && ws == \null;
    assigns \nothing;
    ensures result_einval: \result == -EINVAL;
  behavior call:
    assumes fd.raw >= 0 && ws != \null;
    ensures result: \result == 0 || iosafe_neg_errno(\result);
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_tcsetwinsize(iosafe_borrowed_fd fd IOSAFE_USES, const struct winsize *ws);

/* ---- process groups and sessions ------------------------------------------ */

/**
 * iosafe_tcgetpgrp: the foreground process group of terminal @fd.
 * @fd: a borrow, used during the call only; the caller's controlling
 *   terminal (-ENOTTY otherwise).
 * Returns: the process group id (0 when the terminal has no foreground
 *   group, as Linux reports it), or a negative errno: -EBADF (none or not
 *   open), -ENOTTY, ...
 * Follows: tcgetpgrp(3), POSIX tcgetpgrp; rustix::termios::tcgetpgrp.
 */
/*@
  requires borrow_ok: iosafe_fd_borrow_ok(fd.raw);
  assigns errno;
  ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior none:
    assumes fd.raw < 0;
    assigns \nothing;
    ensures result_ebadf: \result == -EBADF;
  behavior call:
    assumes fd.raw >= 0;
    ensures result: \result >= 0 || iosafe_neg_errno(\result);
  complete behaviors;
  disjoint behaviors;
*/
pid_t iosafe_tcgetpgrp(iosafe_borrowed_fd fd IOSAFE_USES);

/**
 * iosafe_tcsetpgrp: make @pgrp the foreground process group of terminal @fd.
 * @fd: a borrow, used during the call only; the caller's controlling
 *   terminal.
 * @pgrp: a process group of the caller's session, more than 0.
 * Returns: 0, or a negative errno: -EBADF (none or not open), -EINVAL
 *   (@pgrp 0 or less), -ENOTTY (not the controlling terminal), -EPERM
 *   (@pgrp not in the session), ...  A caller in a background group gets
 *   SIGTTOU unless it blocks or ignores it (tcsetpgrp(3)).
 * Follows: tcsetpgrp(3), POSIX tcsetpgrp; rustix::termios::tcsetpgrp.
 */
/*@
  requires borrow_ok: iosafe_fd_borrow_ok(fd.raw);
  assigns errno;
  ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior none:
    assumes fd.raw < 0;
    assigns \nothing;
    ensures result_ebadf: \result == -EBADF;
  behavior bad_pgrp:
    assumes fd.raw >= 0 && pgrp <= 0;
    assigns \nothing;
    ensures result_einval: \result == -EINVAL;
  behavior call:
    assumes fd.raw >= 0 && pgrp > 0;
    ensures result: \result == 0 || iosafe_neg_errno(\result);
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_tcsetpgrp(iosafe_borrowed_fd fd IOSAFE_USES, pid_t pgrp);

/**
 * iosafe_tcgetsid: the session id of terminal @fd (the process id of its
 * session leader).
 * @fd: a borrow, used during the call only; the caller's controlling
 *   terminal.
 * Returns: the session id, or a negative errno: -EBADF (none or not open),
 *   -ENOTTY (not the controlling terminal), ...
 * Follows: tcgetsid(3), POSIX tcgetsid (TIOCGSID); rustix::termios::tcgetsid.
 */
/*@
  requires borrow_ok: iosafe_fd_borrow_ok(fd.raw);
  assigns errno;
  ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior none:
    assumes fd.raw < 0;
    assigns \nothing;
    ensures result_ebadf: \result == -EBADF;
  behavior call:
    assumes fd.raw >= 0;
    ensures result: \result >= 0 || iosafe_neg_errno(\result);
  complete behaviors;
  disjoint behaviors;
*/
pid_t iosafe_tcgetsid(iosafe_borrowed_fd fd IOSAFE_USES);

/**
 * iosafe_isatty: whether @fd is a terminal.
 * @fd: a borrow, used during the call only.
 * Returns: true when @fd is open and a terminal; false for none, a number
 *   not open, or any other kind of file.
 * Follows: isatty(3), POSIX isatty; rustix::termios::isatty (a bool too).
 */
/*@
  requires borrow_ok: iosafe_fd_borrow_ok(fd.raw);
  assigns errno;
  ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior none:
    assumes fd.raw < 0;
    assigns \nothing;
    ensures result_false: \result == false;
  behavior call:
    assumes fd.raw >= 0;
    ensures result: \result == false || \result == true;
  complete behaviors;
  disjoint behaviors;
*/
bool iosafe_isatty(iosafe_borrowed_fd fd IOSAFE_USES);

/**
 * iosafe_ttyname: the path of terminal @fd ("/dev/pts/3", "/dev/ttyS0").
 * @fd: a borrow, used during the call only.
 * @buf: (not NULL) receives the path, NUL-terminated, @n bytes at most.
 * @n: the size of @buf in bytes, more than 0.
 * Returns: 0, or a negative errno: -EBADF (@fd none or not open), -EINVAL
 *   (@buf NULL, @n 0), -ENOTTY (not a terminal), -ERANGE (@buf too small),
 *   -ENODEV (the terminal's path is not in this mount namespace), ...
 * Follows: ttyname_r(3), POSIX ttyname_r (it returns an error number, not
 *   -1); rustix::termios::ttyname.
 */
/*@
  requires borrow_ok: iosafe_fd_borrow_ok(fd.raw);
  requires valid_buf: buf == \null || n == 0 || \valid(buf + (0 .. n - 1));
  requires separated: buf != \null && n > 0 ==> \separated(buf + (0 .. n - 1), &errno);
  assigns buf[0 .. n - 1], errno;
  ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior none:
    assumes fd.raw < 0;
    assigns \nothing;
    ensures result_ebadf: \result == -EBADF;
  behavior bad_buf:
    assumes fd.raw >= 0 && (buf == \null || n == 0);
    assigns \nothing;
    ensures result_einval: \result == -EINVAL;
  behavior call:
    assumes fd.raw >= 0 && buf != \null && n > 0;
    ensures result: \result == 0 || iosafe_neg_errno(\result);
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_ttyname(iosafe_borrowed_fd fd IOSAFE_USES, char *buf, size_t n);

/* ---- the raw-mode guard --------------------------------------------------- */

/**
 * iosafe_term_guard: a terminal put in raw mode and the settings to put
 * back.  Its member fd borrows the terminal from its owner, who keeps it
 * open until the guard is restored; none when the guard is not active.
 * Initialise it with IOSAFE_TERM_GUARD_INIT (iosafe_auto_term_guard does).
 */
typedef struct iosafe_term_guard {
	iosafe_borrowed_fd fd; /**< the terminal in raw mode, or none */
	struct termios saved;  /**< its settings before iosafe_term_raw_begin */
} iosafe_term_guard;

#ifdef __cplusplus
#  define IOSAFE_TERM_GUARD_INIT (iosafe_term_guard{ { IOSAFE_RAW_NONE }, {} })
#else
#  define IOSAFE_TERM_GUARD_INIT { .fd = { IOSAFE_RAW_NONE } }
#endif

/**
 * The number of times iosafe_term_restore tries again when a signal
 * interrupts tcsetattr(3) (EINTR) before it gives up with -EINTR.
 */
#define IOSAFE_TERM_RESTORE_TRIES 16

/**
 * iosafe_term_raw_begin: save the settings of terminal @fd in @g and put it
 * in raw mode (cfmakeraw(3): no echo, no line editing, no signals from
 * keys, 8-bit characters; read returns after 1 byte), TCSAFLUSH.
 * @g: (not NULL) an inactive guard (IOSAFE_TERM_GUARD_INIT, or restored);
 *   on success it borrows @fd until iosafe_term_restore.
 * @fd: a borrow, kept by @g on success: its owner keeps it open until the
 *   guard is restored.
 * Returns: 0, or a negative errno: -EINVAL (@g NULL), -EBUSY (@g is
 *   already active: nothing changed), -EBADF (@fd none or not open),
 *   -ENOTTY (not a terminal), -EINTR, -EIO, ...  On failure @g stays
 *   inactive and the terminal keeps its settings.
 * Follows: termios(3) "Raw mode" and cfmakeraw(3); crossterm's
 *   enable_raw_mode (with rustix::termios::Termios::make_raw).
 */
/*@
  requires valid_g: g == \null || \valid(g);
  requires borrow_ok: iosafe_fd_borrow_ok(fd.raw);
  requires separated: \separated(g, &errno);
  assigns g->fd.raw, g->saved, errno;
  ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior null_g:
    assumes g == \null;
    assigns \nothing;
    ensures result_einval: \result == -EINVAL;
  behavior busy:
    assumes g != \null && g->fd.raw >= 0;
    assigns \nothing;
    ensures result_ebusy: \result == -EBUSY;
  behavior none:
    assumes g != \null && g->fd.raw < 0 && fd.raw < 0;
    assigns g->fd.raw;
    ensures result_ebadf: \result == -EBADF;
    ensures inactive: g->fd.raw == IOSAFE_RAW_NONE;
  behavior call:
    assumes g != \null && g->fd.raw < 0 && fd.raw >= 0;
    ensures active: \result == 0 ==> g->fd.raw == fd.raw;
    ensures failed: \result != 0 ==>
      iosafe_neg_errno(\result) && g->fd.raw == IOSAFE_RAW_NONE;
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_term_raw_begin(iosafe_term_guard *g, iosafe_borrowed_fd fd IOSAFE_USES);

/**
 * iosafe_term_restore: put back the settings @g saved (TCSADRAIN: after
 * the output written so far), trying again up to IOSAFE_TERM_RESTORE_TRIES
 * times when a signal interrupts the call; then @g is inactive.  An
 * inactive guard is left as it is.
 * @g: (not NULL) a guard, active or not.
 * Returns: 0 (restored, or nothing to restore), or a negative errno:
 *   -EINVAL (@g NULL), -EBADF or -ENOTTY (the terminal was closed or is no
 *   longer one), -EINTR (interrupted IOSAFE_TERM_RESTORE_TRIES times),
 *   -EIO (the terminal hung up), ...  On failure @g stays active, so that
 *   the call can be repeated.
 * Follows: tcsetattr(3); crossterm's disable_raw_mode.
 */
/*@
  requires valid_g: g == \null || \valid(g);
  requires borrow_ok: g != \null ==> iosafe_fd_borrow_ok(g->fd.raw);
  requires valid_saved: g != \null ==> \valid_read(&g->saved);
  requires separated: \separated(g, &errno);
  assigns g->fd.raw, errno;
  ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior null_g:
    assumes g == \null;
    assigns \nothing;
    ensures result_einval: \result == -EINVAL;
  behavior inactive:
    assumes g != \null && g->fd.raw < 0;
    assigns \nothing;
    ensures result_zero: \result == 0;
  behavior active:
    assumes g != \null && g->fd.raw >= 0;
    ensures restored: \result == 0 ==> g->fd.raw == IOSAFE_RAW_NONE;
    ensures failed: \result != 0 ==>
      iosafe_neg_errno(\result) && g->fd.raw == \old(g->fd.raw);
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_term_restore(iosafe_term_guard *g);

/*
 * iosafe_auto_term_guard: an iosafe_term_guard restored at scope exit (by
 * return, break, goto out of the block or the end of the block), as
 * iosafe_auto_fd closes (auto.h):
 *
 *   iosafe_auto_term_guard g = IOSAFE_TERM_GUARD_INIT;
 *   if (iosafe_term_raw_begin(&g, iosafe_fd_borrow(&tty)) < 0)
 *           return -1;
 *   ...                                   // raw until the scope ends
 *
 * The terminal's owner must outlive the guard (declare the guard after it:
 * cleanups run in reverse order).  Without the cleanup attribute (GCC,
 * Clang) its use is a compile error naming the problem.
 */
#if defined(__GNUC__) || defined(__clang__)
#  define iosafe_auto_term_guard __attribute__((cleanup(iosafe_term_restore))) iosafe_term_guard
#else
#  define iosafe_auto_term_guard iosafe_auto_term_guard_needs_the_cleanup_attribute_of_gcc_or_clang
#endif

#ifdef __cplusplus
}
#endif

#endif /* __linux__ || __FRAMAC__ */

#endif /* IOSAFE_TERM_H */
