/* SPDX-License-Identifier: MIT */
/*
 * src/win/crt.c: the fd core of include/iosafe/fd.h for the C runtime's
 * descriptors on Windows (what iosafe_fd_from_handle gives): close, drop,
 * replace.  The POSIX versions are src/fd.c; fd.h's contracts hold here
 * too, with _close for close(2): _close releases the descriptor and its
 * handle whatever it returns, and reports EBADF for a number not open.
 * iosafe_fd_try_clone is not provided on Windows (the runtime's _dup makes
 * an inheritable handle; iosafe_handle_try_clone on
 * iosafe_handle_borrow_from_fd is the way).
 */
#include <errno.h>
#include <io.h>

#include "iosafe/fd.h"

int iosafe_fd_close(iosafe_owned_fd *fd)
{
	int raw = fd->raw;

	fd->raw = IOSAFE_RAW_NONE;
	if (raw < 0)
		return 0;
	if (_close(raw) == 0)
		return 0;
	/* _close promises errno only for EBADF (acsl/iosafe_win_crt.h): an
	 * errno that is not an error number (0, or above the 4095 of the
	 * model's iosafe_neg_errno) is reported as -EIO. */
	return errno > 0 && errno <= 4095 ? -errno : -EIO;
}

void iosafe_fd_drop(iosafe_owned_fd *fd)
{
	int saved = errno;

	(void)iosafe_fd_close(fd);
	errno = saved;
}

void iosafe_fd_replace(iosafe_owned_fd *dst, iosafe_owned_fd src)
{
	if (src.raw >= 0 && src.raw == dst->raw)
		return;
	iosafe_fd_drop(dst);
	dst->raw = src.raw < 0 ? IOSAFE_RAW_NONE : src.raw;
}
