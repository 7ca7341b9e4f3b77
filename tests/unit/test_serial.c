/* SPDX-License-Identifier: MIT */
/*
 * tests/unit/test_serial.c: include/iosafe/serial.h on a pseudoterminal
 * slave opened by path, the one terminal device every machine has.  What
 * a pseudoterminal ignores: it has no UART, so the baud rate (even a
 * BOTHER rate such as 250000) is stored and reported back exactly as
 * given, never rounded to what a clock can make, and paces nothing; the
 * character size, parity, stop bits, CRTSCTS and CLOCAL are stored and
 * change nothing on the wire.  What it does honour: the line discipline
 * settings (raw mode: no echo, no canonical mode, VMIN), and O_NOCTTY.
 *
 * This file includes Linux's <asm/termbits.h> (struct termios2) and so not
 * iosafe.h, whose term.h brings glibc's <termios.h>: the two define
 * struct termios differently.  Every test compares the descriptor table
 * before and after (NOLEAK_TEST, helpers.h).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <asm/termbits.h>
#include <unistd.h>

#include "iosafe/fd.h"
#include "iosafe/io.h"
#include "iosafe/serial.h"
#include "helpers.h"

static iosafe_borrowed_fd bw(const iosafe_owned_fd *fd)
{
	return iosafe_fd_borrow(fd);
}

/* A pty master, unlocked, and its slave's path. */
static void master(iosafe_owned_fd *m, char *path, size_t n)
{
	m->raw = posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
	cr_assert_geq(m->raw, 0);
	cr_assert_eq(grantpt(m->raw), 0);
	cr_assert_eq(unlockpt(m->raw), 0);
	cr_assert_eq(ptsname_r(m->raw, path, n), 0);
}

NOLEAK_TEST(serial, open_raw_at_any_baud)
{
	iosafe_owned_fd m = IOSAFE_FD_NONE, port = IOSAFE_FD_NONE;
	struct termios2 t;
	char path[64], buf[8];
	int rc;

	master(&m, path, sizeof(path));
	rc = iosafe_serial_open(&port, path, 250000, 0);
	cr_assert_eq(rc, 0, "rc %d (%s)", rc, strerror(-rc));
	cr_assert(fd_is_cloexec(port.raw));
	cr_assert_eq(ioctl(port.raw, TCGETS2, &t), 0);
	cr_assert_eq(t.c_cflag & CBAUD, BOTHER);
	cr_assert_eq(t.c_ospeed, 250000);
	cr_assert_eq(t.c_ispeed, 250000);
	cr_assert_eq(t.c_cflag & CSIZE, CS8);
	cr_assert_eq(t.c_cflag & (PARENB | CSTOPB | CRTSCTS), 0);
	cr_assert(t.c_cflag & CLOCAL);
	cr_assert_eq(t.c_lflag & (ICANON | ECHO | ISIG | IEXTEN), 0);
	cr_assert_eq(t.c_oflag & OPOST, 0);
	cr_assert_eq(t.c_iflag & (ICRNL | IXON), 0);
	cr_assert_eq(t.c_cc[VMIN], 1);
	/* Raw: a CR arrives as it is, nothing is echoed. */
	cr_assert_eq(write(m.raw, "a\r", 2), 2);
	cr_assert_eq(read(port.raw, buf, sizeof(buf)), 2);
	cr_assert_eq(memcmp(buf, "a\r", 2), 0);
	cr_assert_eq(iosafe_fd_close(&port), 0);
	cr_assert_eq(iosafe_fd_close(&m), 0);
}

NOLEAK_TEST(serial, set_baud_keeps_the_rest)
{
	iosafe_owned_fd m = IOSAFE_FD_NONE, port = IOSAFE_FD_NONE, none = IOSAFE_FD_NONE;
	struct termios2 before, after;
	char path[64];

	master(&m, path, sizeof(path));
	cr_assert_eq(iosafe_serial_open(&port, path, 9600, O_NONBLOCK), 0);
	cr_assert(fcntl(port.raw, F_GETFL) & O_NONBLOCK);
	cr_assert_eq(ioctl(port.raw, TCGETS2, &before), 0);
	cr_assert_eq(iosafe_serial_set_baud(bw(&port), 31250), 0);
	cr_assert_eq(ioctl(port.raw, TCGETS2, &after), 0);
	cr_assert_eq(after.c_ospeed, 31250);
	cr_assert_eq(after.c_ispeed, 31250);
	cr_assert_eq(after.c_lflag, before.c_lflag);
	cr_assert_eq(after.c_iflag, before.c_iflag);
	cr_assert_eq(after.c_cflag & ~(tcflag_t)(CBAUD | (CBAUD << IBSHIFT)),
		     before.c_cflag & ~(tcflag_t)(CBAUD | (CBAUD << IBSHIFT)));
	cr_assert_eq(iosafe_serial_set_baud(bw(&port), 0), -EINVAL);
	cr_assert_eq(iosafe_serial_set_baud(bw(&none), 9600), -EBADF);
	cr_assert_eq(iosafe_fd_close(&port), 0);
	cr_assert_eq(iosafe_fd_close(&m), 0);
}

/* A session leader with no controlling terminal that opens a terminal
 * without O_NOCTTY acquires it (credentials(7)); the port must not. */
NOLEAK_TEST(serial, open_never_takes_a_controlling_terminal)
{
	iosafe_owned_fd m = IOSAFE_FD_NONE;
	char path[64];
	int status;
	pid_t pid;

	master(&m, path, sizeof(path));
	pid = fork();
	cr_assert_geq(pid, 0);
	if (pid == 0) {
		iosafe_owned_fd port = IOSAFE_FD_NONE;
		pid_t sid;

		if (setsid() < 0 || iosafe_fd_close(&m) != 0)
			_exit(10);
		if (iosafe_serial_open(&port, path, 115200, 0) != 0)
			_exit(11);
		/* TIOCGSID answers only for the caller's controlling tty. */
		if (ioctl(port.raw, TIOCGSID, &sid) == 0 || errno != ENOTTY)
			_exit(12);
		_exit(iosafe_fd_close(&port) == 0 ? 0 : 13);
	}
	cr_assert_eq(waitpid(pid, &status, 0), pid);
	cr_assert(WIFEXITED(status));
	cr_assert_eq(WEXITSTATUS(status), 0);
	cr_assert_eq(iosafe_fd_close(&m), 0);
}

NOLEAK_TEST(serial, bad_input_loses_nothing)
{
	iosafe_owned_fd port = { 9 };
	int rc;

	cr_assert_eq(iosafe_serial_open(NULL, "/dev/null", 9600, 0), -EINVAL);
	cr_assert_eq(iosafe_serial_open(&port, NULL, 9600, 0), -EINVAL);
	cr_assert(iosafe_fd_is_none(&port));
	port.raw = 9;
	cr_assert_eq(iosafe_serial_open(&port, "/dev/null", 0, 0), -EINVAL);
	cr_assert(iosafe_fd_is_none(&port));
	/* Opened, then refused by TCGETS2: closed again (the table check of
	 * NOLEAK_TEST sees any leftover). */
	rc = iosafe_serial_open(&port, "/dev/null", 9600, 0);
	cr_assert_eq(rc, -ENOTTY, "rc %d (%s)", rc, strerror(-rc));
	cr_assert(iosafe_fd_is_none(&port));
	rc = iosafe_serial_open(&port, "/dev/iosafe-no-such-port", 9600, 0);
	cr_assert_eq(rc, -ENOENT, "rc %d (%s)", rc, strerror(-rc));
	cr_assert(iosafe_fd_is_none(&port));
}

NOLEAK_TEST(serial, emfile)
{
	iosafe_owned_fd m = IOSAFE_FD_NONE, port = IOSAFE_FD_NONE;
	struct fd_filler f;
	char path[64];
	int rc;

	master(&m, path, sizeof(path));
	fd_table_fill(&f, 0);
	rc = iosafe_serial_open(&port, path, 9600, 0);
	fd_table_unfill(&f);
	cr_assert_eq(rc, -EMFILE, "rc %d (%s)", rc, strerror(-rc));
	cr_assert(iosafe_fd_is_none(&port));
	cr_assert_eq(iosafe_fd_close(&m), 0);
}
