/* SPDX-License-Identifier: MIT */
/*
 * iosafe_posix_term.h: the TRUSTED BASE of the proofs of src/term.c: the
 * terminal calls it makes (posix_openpt, grantpt, unlockpt, ptsname_r, the
 * tc* functions, cfmakeraw, isatty, ttyname_r, and ioctl TIOCGPTPEER,
 * TIOCGWINSZ, TIOCSWINSZ), declared with contracts in the descriptor-table
 * model (iosafe_acsl.h).  Assumed, not proved; each named clause cites the
 * man page it follows and says why it is no stronger than Linux.  Linux
 * x86_64 / glibc 2.36 semantics.  It extends acsl/iosafe_posix.h and
 * iosafe_posix_fdops.h (pid_t, ERANGE, EBUSY) and is read through the shims
 * acsl/libc/termios.h, sys/ioctl.h and stdlib.h.
 *
 * ioctl(fd, request, arg) is variadic in <sys/ioctl.h>; as fcntl in
 * iosafe_posix_fs.h, the macro below names one trusted function per request
 * (iosafe_posix_ioctl_TIOCGPTPEER, ...), so that each has its own contract;
 * a request with none stops the proof run.
 *
 * Why this file is over 300 lines: one contract per call, each clause with
 * its citation and its "No stronger:" line.
 */
#ifndef IOSAFE_POSIX_TERM_H
#define IOSAFE_POSIX_TERM_H

#include "iosafe_posix.h"
#include "iosafe_posix_fdops.h" /* pid_t, ERANGE, EBUSY */

#ifndef ENOTTY
#define ENOTTY 25
#endif

/* struct termios of x86_64 glibc (bits/termios-struct.h), NCCS 32; struct
 * winsize (bits/ioctl-types.h). */
#ifndef IOSAFE_POSIX_TC_TYPES
#define IOSAFE_POSIX_TC_TYPES
typedef unsigned char cc_t;
typedef unsigned int speed_t;
typedef unsigned int tcflag_t;
#endif
#define NCCS 32
struct termios {
	tcflag_t c_iflag;
	tcflag_t c_oflag;
	tcflag_t c_cflag;
	tcflag_t c_lflag;
	cc_t c_line;
	cc_t c_cc[NCCS];
	speed_t c_ispeed;
	speed_t c_ospeed;
};
#ifndef IOSAFE_POSIX_STRUCT_WINSIZE
#define IOSAFE_POSIX_STRUCT_WINSIZE
struct winsize {
	unsigned short ws_row;
	unsigned short ws_col;
	unsigned short ws_xpixel;
	unsigned short ws_ypixel;
};
#endif

#ifndef O_NOCTTY
#define O_NOCTTY 0400
#endif
#define TCSANOW 0
#define TCSADRAIN 1
#define TCSAFLUSH 2
#define TCIFLUSH 0
#define TCOFLUSH 1
#define TCIOFLUSH 2
#define TCOOFF 0
#define TCOON 1
#define TCIOFF 2
#define TCION 3
#define TIOCGWINSZ 0x5413
#define TIOCSWINSZ 0x5414
#define TIOCGPTPEER 0x5441

#ifndef ioctl
#define ioctl(fd, req, arg) iosafe_posix_ioctl_##req(fd, arg)
#endif

/*@
  assigns iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
    iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1], errno;
  // posix_openpt(3) RETURN VALUE: "a file descriptor (a nonnegative
  // integer) which is the lowest numbered unused file descriptor", or -1
  // with errno set.
  // No stronger: glibc's posix_openpt is __open(_PATH_DEVPTMX, oflag)
  // (sysdeps/unix/sysv/linux/getpt.c): open(2)'s one new file or none.
  ensures posix_openpt_result: \result == -1 ||
    iosafe_fd_acquired{Pre, Post}(\result);
  // open(2) "O_CLOEXEC", which glibc passes on with the other flags.
  // No stronger: as open_cloexec (the flag is set at allocation); the clause
  // claims only that direction.
  ensures posix_openpt_cloexec: \result != -1 ==>
    ((flags & O_CLOEXEC) != 0 ==> iosafe_fd_is_cloexec(\result));
  // posix_openpt(3) ERRORS: "See open(2)."
  // No stronger: errno set, no list; nothing installed on failure.
  ensures posix_openpt_failed: \result == -1 ==>
    iosafe_fd_table_same{Pre, Post} && iosafe_errno_set;
*/
int posix_openpt(int flags);

/*@
  // grantpt(3): fd is used (a borrow).
  // No stronger: a precondition on iosafe (no use after close).
  requires grantpt_open: iosafe_fd_is_open(fd);
  assigns errno;
  // grantpt(3) RETURN VALUE: 0, or -1 with errno set.
  // No stronger: glibc's Linux grantpt only asks the kernel (TIOCGPTN) and
  // returns 0 or -1; errno set, no list.
  ensures grantpt_result: \result == 0 || (\result == -1 && iosafe_errno_set);
*/
int grantpt(int fd);

/*@
  // unlockpt(3): fd is used (a borrow).
  // No stronger: a precondition on iosafe (no use after close).
  requires unlockpt_open: iosafe_fd_is_open(fd);
  assigns errno;
  // unlockpt(3) RETURN VALUE: 0, or -1 with errno set.
  // No stronger: glibc's unlockpt is ioctl(fd, TIOCSPTLCK, &0); errno set,
  // no list.
  ensures unlockpt_result: \result == 0 || (\result == -1 && iosafe_errno_set);
*/
int unlockpt(int fd);

/*@
  // ptsname_r(3): fd is used (a borrow).
  // No stronger: a precondition on iosafe (no use after close).
  requires ptsname_r_open: iosafe_fd_is_open(fd);
  // ptsname_r(3): "the buffer pointed to by buf ... buflen bytes".
  // No stronger: a precondition on iosafe, which passes n > 0 bytes.
  requires ptsname_r_buf: buflen > 0 && \valid(buf + (0 .. buflen - 1));
  assigns buf[0 .. buflen - 1], errno;
  // ptsname_r(3) RETURN VALUE: "0 on success, or a nonzero error number on
  // failure" (ERRORS: EINVAL, ENOTTY, ERANGE, and the ioctl's).
  // No stronger: an error number in 1..MAX_ERRNO, no list.
  ensures ptsname_r_result: \result == 0 || 0 < \result <= IOSAFE_ERRNO_MAX;
*/
int ptsname_r(int fd, char *buf, size_t buflen);

/*@
  // ioctl_tty(2) TIOCGPTPEER: fd (a pseudoterminal master) is used.
  // No stronger: a precondition on iosafe (no use after close).
  requires tiocgptpeer_open: iosafe_fd_is_open(fd);
  assigns iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
    iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1], errno;
  // ioctl_tty(2) TIOCGPTPEER: "opens the slave ... and returns a new file
  // descriptor that refers to the peer", or -1 with errno set.
  // No stronger: ptm_open_peer() (drivers/tty/pty.c) installs one new file at
  // a free number or none.
  ensures tiocgptpeer_result: \result == -1 ||
    iosafe_fd_acquired{Pre, Post}(\result);
  // ioctl_tty(2) TIOCGPTPEER "Given a file descriptor in fd that refers to a
  // pseudoterminal master, open (with the given open(2)-style flags)": so
  // O_CLOEXEC sets the flag.
  // No stronger: ptm_open_peer() allocates with get_unused_fd_flags(flags).
  ensures tiocgptpeer_cloexec: \result != -1 ==>
    ((flags & O_CLOEXEC) != 0 ==> iosafe_fd_is_cloexec(\result));
  // ioctl(2) ERRORS; EINVAL before Linux 4.13; the LSM hook
  // security_file_ioctl() can return any errno.
  // No stronger: errno set, no list; nothing installed on failure.
  ensures tiocgptpeer_failed: \result == -1 ==>
    iosafe_fd_table_same{Pre, Post} && iosafe_errno_set;
  // ioctl_tty(2) TIOCGPTPEER opens one new descriptor; the close-on-exec
  // flags of the others are not touched.
  // No stronger: get_unused_fd_flags() and fd_install() (fs/file.c) set the
  // flag of the one number they allocate; a failure installs nothing.
  ensures tiocgptpeer_cloexec_frame: \result != -1 ==>
    iosafe_fd_cloexec_same_except{Pre, Post}(\result);
  // ioctl(2) RETURN VALUE: -1 and errno on error, no descriptor opened.
  // No stronger: as tiocgptpeer_cloexec_frame; nothing is allocated on
  // failure.
  ensures tiocgptpeer_cloexec_failed: \result == -1 ==>
    iosafe_fd_cloexec_same{Pre, Post};
*/
int iosafe_posix_ioctl_TIOCGPTPEER(int fd, int flags);

/*@
  // ioctl_tty(2) TIOCGWINSZ: fd is used; ws receives the window size.
  // No stronger: a precondition on iosafe (no use after close, EFAULT).
  requires tiocgwinsz_args: iosafe_fd_is_open(fd) && \valid(ws);
  assigns *ws, errno;
  // ioctl(2) RETURN VALUE: 0 for TIOCGWINSZ, or -1 with errno set.
  // No stronger: tiocgwinsz() returns 0 or -EFAULT; the LSM hook any errno.
  ensures tiocgwinsz_result: \result == 0 || (\result == -1 && iosafe_errno_set);
*/
int iosafe_posix_ioctl_TIOCGWINSZ(int fd, struct winsize *ws);

/*@
  // ioctl_tty(2) TIOCSWINSZ: fd is used; ws is read.
  // No stronger: a precondition on iosafe (no use after close, EFAULT).
  requires tiocswinsz_args: iosafe_fd_is_open(fd) && \valid_read(ws);
  assigns errno;
  // ioctl(2) RETURN VALUE: 0 for TIOCSWINSZ, or -1 with errno set.
  // No stronger: tiocswinsz() returns 0 or a negative error; errno set, no
  // list.
  ensures tiocswinsz_result: \result == 0 || (\result == -1 && iosafe_errno_set);
*/
int iosafe_posix_ioctl_TIOCSWINSZ(int fd, const struct winsize *ws);

/*@
  // tcgetattr(3): fd is used; termios_p receives the settings.
  // No stronger: a precondition on iosafe (no use after close, EFAULT).
  requires tcgetattr_args: iosafe_fd_is_open(fd) && \valid(termios_p);
  assigns *termios_p, errno;
  // termios(3) RETURN VALUE: "tcgetattr() ... return 0 on success. On
  // failure, they return -1 and set errno".
  // No stronger: glibc's tcgetattr is ioctl TCGETS; errno set, no list.
  ensures tcgetattr_result: \result == 0 || (\result == -1 && iosafe_errno_set);
*/
int tcgetattr(int fd, struct termios *termios_p);

/*@
  // tcsetattr(3): fd is used; termios_p is read.
  // No stronger: a precondition on iosafe (no use after close, EFAULT).
  requires tcsetattr_args: iosafe_fd_is_open(fd) && \valid_read(termios_p);
  assigns errno;
  // termios(3) RETURN VALUE: 0, or -1 with errno set ("tcsetattr() returns
  // success if any of the requested changes could be successfully carried
  // out").
  // No stronger: glibc's tcsetattr is ioctl TCSETS/TCSETSW/TCSETSF (EINVAL
  // for another optional_actions); errno set, no list.
  ensures tcsetattr_result: \result == 0 || (\result == -1 && iosafe_errno_set);
*/
int tcsetattr(int fd, int optional_actions, const struct termios *termios_p);

/*@
  // tcdrain(3) (termios(3)): fd is used.
  // No stronger: a precondition on iosafe (no use after close).
  requires tcdrain_open: iosafe_fd_is_open(fd);
  assigns errno;
  // termios(3) RETURN VALUE: 0, or -1 with errno set.
  // No stronger: glibc's tcdrain is ioctl TCSBRK 1; errno set, no list.
  ensures tcdrain_result: \result == 0 || (\result == -1 && iosafe_errno_set);
*/
int tcdrain(int fd);

/*@
  // tcflush(3) (termios(3)): fd is used.
  // No stronger: a precondition on iosafe (no use after close).
  requires tcflush_open: iosafe_fd_is_open(fd);
  assigns errno;
  // termios(3) RETURN VALUE: 0, or -1 with errno set.
  // No stronger: glibc's tcflush is ioctl TCFLSH; errno set, no list.
  ensures tcflush_result: \result == 0 || (\result == -1 && iosafe_errno_set);
*/
int tcflush(int fd, int queue_selector);

/*@
  // tcflow(3) (termios(3)): fd is used.
  // No stronger: a precondition on iosafe (no use after close).
  requires tcflow_open: iosafe_fd_is_open(fd);
  assigns errno;
  // termios(3) RETURN VALUE: 0, or -1 with errno set.
  // No stronger: glibc's tcflow is ioctl TCXONC; errno set, no list.
  ensures tcflow_result: \result == 0 || (\result == -1 && iosafe_errno_set);
*/
int tcflow(int fd, int action);

/*@
  // tcsendbreak(3) (termios(3)): fd is used.
  // No stronger: a precondition on iosafe (no use after close).
  requires tcsendbreak_open: iosafe_fd_is_open(fd);
  assigns errno;
  // termios(3) RETURN VALUE: 0, or -1 with errno set.
  // No stronger: glibc's tcsendbreak is ioctl TCSBRK or TCSBRKP; errno
  // set, no list.
  ensures tcsendbreak_result: \result == 0 || (\result == -1 && iosafe_errno_set);
*/
int tcsendbreak(int fd, int duration);

/*@
  // cfmakeraw(3) (termios(3)): changes *termios_p only.
  // No stronger: glibc's cfmakeraw clears and sets flag bits of the struct
  // and makes no system call.
  requires cfmakeraw_arg: \valid(termios_p);
  assigns *termios_p;
*/
void cfmakeraw(struct termios *termios_p);

/*@
  // tcgetpgrp(3): fd is used.
  // No stronger: a precondition on iosafe (no use after close).
  requires tcgetpgrp_open: iosafe_fd_is_open(fd);
  assigns errno;
  // tcgetpgrp(3) RETURN VALUE: "the process group ID of the foreground
  // process group"; "Otherwise, it returns (pid_t) -1, and sets errno".
  // Linux reports 0 for a terminal with no foreground group.
  // No stronger: tiocgpgrp() returns pid_vnr() of the group, 0 for none;
  // errno set on failure, no list.
  ensures tcgetpgrp_result: \result >= 0 || (\result == -1 && iosafe_errno_set);
*/
pid_t tcgetpgrp(int fd);

/*@
  // tcsetpgrp(3): fd is used.
  // No stronger: a precondition on iosafe (no use after close).
  requires tcsetpgrp_open: iosafe_fd_is_open(fd);
  assigns errno;
  // tcsetpgrp(3) RETURN VALUE: "returns 0. Otherwise, it returns -1, and
  // sets errno".
  // No stronger: glibc's tcsetpgrp is ioctl TIOCSPGRP; errno set, no list.
  ensures tcsetpgrp_result: \result == 0 || (\result == -1 && iosafe_errno_set);
*/
int tcsetpgrp(int fd, pid_t pgrp);

/*@
  // tcgetsid(3): fd is used.
  // No stronger: a precondition on iosafe (no use after close).
  requires tcgetsid_open: iosafe_fd_is_open(fd);
  assigns errno;
  // tcgetsid(3) RETURN VALUE: "the session ID of the terminal", or
  // (pid_t) -1 with errno set.
  // No stronger: tiocgsid() returns pid_vnr() of the session, never below
  // 0; errno set on failure, no list.
  ensures tcgetsid_result: \result >= 0 || (\result == -1 && iosafe_errno_set);
*/
pid_t tcgetsid(int fd);

/*@
  // isatty(3): fd is used (any number may be asked: EBADF when it is not
  // open); iosafe asks only open ones.
  // No stronger: a precondition on iosafe (no use after close).
  requires isatty_open: iosafe_fd_is_open(fd);
  assigns errno;
  // isatty(3) RETURN VALUE: "returns 1 if fd is an open file descriptor
  // referring to a terminal; otherwise 0 is returned, and errno is set".
  // No stronger: glibc's isatty is tcgetattr() == 0; only 1 or 0.
  ensures isatty_result: \result == 0 || \result == 1;
*/
int isatty(int fd);

/*@
  // ttyname_r(3): fd is used.
  // No stronger: a precondition on iosafe (no use after close).
  requires ttyname_r_open: iosafe_fd_is_open(fd);
  // ttyname_r(3): "stores this pathname in the buffer buf of length buflen".
  // No stronger: a precondition on iosafe, which passes n > 0 bytes.
  requires ttyname_r_buf: buflen > 0 && \valid(buf + (0 .. buflen - 1));
  assigns buf[0 .. buflen - 1], errno;
  // ttyname_r(3) RETURN VALUE: "0 on success, and an error number upon
  // error" (EBADF, ENODEV, ENOTTY, ERANGE, and readlink's).
  // No stronger: an error number in 1..MAX_ERRNO, no list.
  ensures ttyname_r_result: \result == 0 || 0 < \result <= IOSAFE_ERRNO_MAX;
*/
int ttyname_r(int fd, char *buf, size_t buflen);

#endif /* IOSAFE_POSIX_TERM_H */
