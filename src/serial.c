/* SPDX-License-Identifier: MIT */
/*
 * src/serial.c: serial ports, raw, any baud rate (termios2, BOTHER).  The
 * contracts and documentation are in include/iosafe/serial.h; the trusted
 * contracts of the calls made here are in acsl/iosafe_posix_serial.h.
 *
 * Linux's own <asm/termbits.h> is used instead of glibc's <termios.h>:
 * both define struct termios, and only the kernel's header has struct
 * termios2, BOTHER and IBSHIFT.
 */
#define _GNU_SOURCE /* O_CLOEXEC in strict modes */
#include <errno.h>
#include <fcntl.h>
#include <sys/ioctl.h>
#include <asm/termbits.h>
#include <unistd.h>

#include "iosafe/serial.h"

/* Raw mode (termios(3) "Raw mode", cfmakeraw's bits), 8N1, receiver on,
 * modem lines ignored, and @baud for both directions. */
/*@
  requires valid_t: \valid(t);
  assigns *t;
  ensures speed: t->c_ispeed == baud && t->c_ospeed == baud;
*/
static void iosafe_serial_make_raw(struct termios2 *t, unsigned int baud)
{
	t->c_iflag &= ~(tcflag_t)(IGNBRK | BRKINT | PARMRK | ISTRIP | INLCR | IGNCR | ICRNL | IXON |
				  IXOFF | IXANY);
	t->c_oflag &= ~(tcflag_t)OPOST;
	t->c_lflag &= ~(tcflag_t)(ECHO | ECHONL | ICANON | ISIG | IEXTEN);
	t->c_cflag &= ~(tcflag_t)(CSIZE | PARENB | CSTOPB | CRTSCTS);
	t->c_cflag |= CS8 | CREAD | CLOCAL;
	t->c_cc[VMIN] = 1;
	t->c_cc[VTIME] = 0;
	t->c_cflag &= ~(tcflag_t)(CBAUD | (CBAUD << IBSHIFT));
	t->c_cflag |= BOTHER | (BOTHER << IBSHIFT);
	t->c_ispeed = baud;
	t->c_ospeed = baud;
}

int iosafe_serial_open(iosafe_owned_fd *out, const char *path, unsigned int baud, int flags)
{
	struct termios2 t;
	int raw;

	if (out == NULL)
		return -EINVAL;
	out->raw = IOSAFE_RAW_NONE;
	if (path == NULL || baud == 0)
		return -EINVAL;
	raw = open(path, flags | O_RDWR | O_NOCTTY | O_CLOEXEC, 0);
	if (raw < 0)
		return -errno;
	if (ioctl(raw, TCGETS2, &t) < 0)
		goto fail;
	iosafe_serial_make_raw(&t, baud);
	if (ioctl(raw, TCSETS2, &t) < 0)
		goto fail;
	out->raw = raw;
	return 0;
fail:
	{
		int err = errno;

		(void)close(raw); /* the ioctl's error is the one reported */
		return -err;
	}
}

int iosafe_serial_set_baud(iosafe_borrowed_fd fd, unsigned int baud)
{
	struct termios2 t;

	if (fd.raw < 0)
		return -EBADF;
	if (baud == 0)
		return -EINVAL;
	if (ioctl(fd.raw, TCGETS2, &t) < 0)
		return -errno;
	t.c_cflag &= ~(tcflag_t)(CBAUD | (CBAUD << IBSHIFT));
	t.c_cflag |= BOTHER | (BOTHER << IBSHIFT);
	t.c_ispeed = baud;
	t.c_ospeed = baud;
	return ioctl(fd.raw, TCSETS2, &t) < 0 ? -errno : 0;
}
