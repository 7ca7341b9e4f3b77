/* SPDX-License-Identifier: MIT */
/*
 * src/term.c: terminals and pseudoterminals.  The contracts and
 * documentation are in include/iosafe/term.h; the trusted contracts of the
 * calls made here are in acsl/iosafe_posix_term.h.
 */
#define _GNU_SOURCE /* ptsname_r, cfmakeraw, TIOCGPTPEER */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#include "iosafe/term.h"

int iosafe_openpt(iosafe_owned_fd *out, int flags)
{
	int raw;

	if (out == NULL)
		return -EINVAL;
	out->raw = IOSAFE_RAW_NONE;
	raw = posix_openpt(flags | O_CLOEXEC);
	if (raw < 0)
		return -errno;
	out->raw = raw;
	return 0;
}

int iosafe_grantpt(iosafe_borrowed_fd fd)
{
	if (fd.raw < 0)
		return -EBADF;
	return grantpt(fd.raw) < 0 ? -errno : 0;
}

int iosafe_unlockpt(iosafe_borrowed_fd fd)
{
	if (fd.raw < 0)
		return -EBADF;
	return unlockpt(fd.raw) < 0 ? -errno : 0;
}

int iosafe_ptsname(iosafe_borrowed_fd fd, char *buf, size_t n)
{
	int rc;

	if (fd.raw < 0)
		return -EBADF;
	if (buf == NULL || n == 0)
		return -EINVAL;
	rc = ptsname_r(fd.raw, buf, n); /* an error number, not -1 */
	return rc == 0 ? 0 : -rc;
}

int iosafe_ptpeer(iosafe_owned_fd *out, iosafe_borrowed_fd master, int flags)
{
	int raw;

	if (out == NULL)
		return -EINVAL;
	out->raw = IOSAFE_RAW_NONE;
	if (master.raw < 0)
		return -EBADF;
	raw = ioctl(master.raw, TIOCGPTPEER, flags | O_CLOEXEC);
	if (raw < 0)
		return -errno;
	out->raw = raw;
	return 0;
}

/* The settings steps of iosafe_openpty, on its new slave. */
/*@
  requires borrow_ok: iosafe_fd_is_open(slave.raw);
  requires valid_termios: termios == \null || \valid_read(termios);
  requires valid_winsize: winsize == \null || \valid_read(winsize);
  assigns errno;
  ensures result: \result == 0 || iosafe_neg_errno(\result);
  ensures table_same: iosafe_fd_table_same{Pre, Post};
  ensures cloexec_same: iosafe_fd_cloexec_same{Pre, Post};
*/
static int iosafe_openpty_settings(iosafe_borrowed_fd slave, const struct termios *termios,
				   const struct winsize *winsize)
{
	int rc = 0;

	if (termios != NULL)
		rc = iosafe_tcsetattr(slave, TCSANOW, termios);
	if (rc == 0 && winsize != NULL)
		rc = iosafe_tcsetwinsize(slave, winsize);
	return rc;
}

/* iosafe_openpty once its out-parameters are known valid (term.h). */
/*@
  requires valid_out: \valid(master) && \valid(slave);
  requires separated: \separated(master, slave, &errno);
  requires valid_termios: termios == \null || \valid_read(termios);
  requires valid_winsize: winsize == \null || \valid_read(winsize);
  assigns master->raw, slave->raw, errno,
    iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
    iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1];
  ensures acquired: \result == 0 ==>
    iosafe_fd_acquired2{Pre, Post}(master->raw, slave->raw) &&
    iosafe_fd_is_cloexec(master->raw) && iosafe_fd_is_cloexec(slave->raw);
  ensures failed: \result != 0 ==>
    iosafe_neg_errno(\result) && master->raw == IOSAFE_RAW_NONE &&
    slave->raw == IOSAFE_RAW_NONE;
  ensures failed_table: \result != 0 ==> iosafe_fd_table_same{Pre, Post};
*/
static int iosafe_openpty_pair(iosafe_owned_fd *master, iosafe_owned_fd *slave,
			       const struct termios *termios, const struct winsize *winsize)
{
	iosafe_owned_fd m = IOSAFE_FD_NONE;
	iosafe_owned_fd s = IOSAFE_FD_NONE;
	int rc;

	master->raw = IOSAFE_RAW_NONE;
	slave->raw = IOSAFE_RAW_NONE;
	rc = iosafe_openpt(&m, O_RDWR | O_NOCTTY);
	if (rc < 0)
		return rc;
	/*@ ghost int mr = m.raw; */
	rc = iosafe_unlockpt(iosafe_fd_borrow(&m));
	if (rc < 0) {
		(void)iosafe_fd_close(&m);
		/*@ assert m_closed: iosafe_fd_table_same{Pre, Here}; */
		return rc;
	}
	rc = iosafe_ptpeer(&s, iosafe_fd_borrow(&m), O_RDWR | O_NOCTTY);
	if (rc < 0) {
		(void)iosafe_fd_close(&m);
		/*@ assert m_closed: iosafe_fd_table_same{Pre, Here}; */
		return rc;
	}
	/*@ ghost int sr = s.raw; */
	/*@ assert both: iosafe_fd_acquired2{Pre, Here}(mr, sr) &&
	      iosafe_fd_is_cloexec(mr) && iosafe_fd_is_cloexec(sr); */
	rc = iosafe_openpty_settings(iosafe_fd_borrow(&s), termios, winsize);
	/*@ assert still_both: iosafe_fd_acquired2{Pre, Here}(mr, sr); */
	if (rc < 0) {
		/* The step's error is the one reported; a close error of a
		 * pseudoterminal end that was never written is not. */
		(void)iosafe_fd_close(&s);
		/*@ assert only_m: iosafe_fd_acquired{Pre, Here}(mr); */
		(void)iosafe_fd_close(&m);
		/*@ assert none_left: iosafe_fd_table_same{Pre, Here}; */
		return rc;
	}
	master->raw = m.raw;
	slave->raw = s.raw;
	return 0;
}

int iosafe_openpty(iosafe_owned_fd *master, iosafe_owned_fd *slave, const struct termios *termios,
		   const struct winsize *winsize)
{
	if (master == NULL || slave == NULL)
		return -EINVAL;
	return iosafe_openpty_pair(master, slave, termios, winsize);
}

int iosafe_tcgetattr(iosafe_borrowed_fd fd, struct termios *t)
{
	if (fd.raw < 0)
		return -EBADF;
	if (t == NULL)
		return -EINVAL;
	return tcgetattr(fd.raw, t) < 0 ? -errno : 0;
}

int iosafe_tcsetattr(iosafe_borrowed_fd fd, int when, const struct termios *t)
{
	if (fd.raw < 0)
		return -EBADF;
	if (t == NULL)
		return -EINVAL;
	return tcsetattr(fd.raw, when, t) < 0 ? -errno : 0;
}

int iosafe_tcdrain(iosafe_borrowed_fd fd)
{
	if (fd.raw < 0)
		return -EBADF;
	return tcdrain(fd.raw) < 0 ? -errno : 0;
}

int iosafe_tcflush(iosafe_borrowed_fd fd, int queue)
{
	if (fd.raw < 0)
		return -EBADF;
	return tcflush(fd.raw, queue) < 0 ? -errno : 0;
}

int iosafe_tcflow(iosafe_borrowed_fd fd, int action)
{
	if (fd.raw < 0)
		return -EBADF;
	return tcflow(fd.raw, action) < 0 ? -errno : 0;
}

int iosafe_tcsendbreak(iosafe_borrowed_fd fd, int duration)
{
	if (fd.raw < 0)
		return -EBADF;
	return tcsendbreak(fd.raw, duration) < 0 ? -errno : 0;
}

int iosafe_tcgetwinsize(iosafe_borrowed_fd fd, struct winsize *ws)
{
	if (fd.raw < 0)
		return -EBADF;
	if (ws == NULL)
		return -EINVAL;
	return ioctl(fd.raw, TIOCGWINSZ, ws) < 0 ? -errno : 0;
}

int iosafe_tcsetwinsize(iosafe_borrowed_fd fd, const struct winsize *ws)
{
	if (fd.raw < 0)
		return -EBADF;
	if (ws == NULL)
		return -EINVAL;
	return ioctl(fd.raw, TIOCSWINSZ, ws) < 0 ? -errno : 0;
}

pid_t iosafe_tcgetpgrp(iosafe_borrowed_fd fd)
{
	pid_t pgrp;

	if (fd.raw < 0)
		return -EBADF;
	pgrp = tcgetpgrp(fd.raw);
	return pgrp < 0 ? -errno : pgrp;
}

int iosafe_tcsetpgrp(iosafe_borrowed_fd fd, pid_t pgrp)
{
	if (fd.raw < 0)
		return -EBADF;
	if (pgrp <= 0)
		return -EINVAL;
	return tcsetpgrp(fd.raw, pgrp) < 0 ? -errno : 0;
}

pid_t iosafe_tcgetsid(iosafe_borrowed_fd fd)
{
	pid_t sid;

	if (fd.raw < 0)
		return -EBADF;
	sid = tcgetsid(fd.raw);
	return sid < 0 ? -errno : sid;
}

bool iosafe_isatty(iosafe_borrowed_fd fd)
{
	if (fd.raw < 0)
		return false;
	return isatty(fd.raw) == 1;
}

int iosafe_ttyname(iosafe_borrowed_fd fd, char *buf, size_t n)
{
	int rc;

	if (fd.raw < 0)
		return -EBADF;
	if (buf == NULL || n == 0)
		return -EINVAL;
	rc = ttyname_r(fd.raw, buf, n); /* an error number, not -1 */
	return rc == 0 ? 0 : -rc;
}

int iosafe_term_raw_begin(iosafe_term_guard *g, iosafe_borrowed_fd fd)
{
	struct termios raw;

	if (g == NULL)
		return -EINVAL;
	if (g->fd.raw >= 0)
		return -EBUSY;
	g->fd.raw = IOSAFE_RAW_NONE;
	if (fd.raw < 0)
		return -EBADF;
	if (tcgetattr(fd.raw, &g->saved) < 0)
		return -errno;
	raw = g->saved;
	cfmakeraw(&raw);
	if (tcsetattr(fd.raw, TCSAFLUSH, &raw) < 0)
		return -errno;
	g->fd.raw = fd.raw;
	return 0;
}

int iosafe_term_restore(iosafe_term_guard *g)
{
	int i;

	if (g == NULL)
		return -EINVAL;
	if (g->fd.raw < 0)
		return 0;
	/*@
	  loop invariant tries: 0 <= i <= IOSAFE_TERM_RESTORE_TRIES;
	  loop assigns i, errno;
	  loop variant IOSAFE_TERM_RESTORE_TRIES - i;
	*/
	for (i = 0; i < IOSAFE_TERM_RESTORE_TRIES; i++) {
		if (tcsetattr(g->fd.raw, TCSADRAIN, &g->saved) == 0) {
			g->fd.raw = IOSAFE_RAW_NONE;
			return 0;
		}
		if (errno != EINTR)
			return -errno;
	}
	return -EINTR;
}
