/* SPDX-License-Identifier: MIT */
/*
 * tests/headers/use.c: a program written against the public headers, built
 * in every language mode of the matrix (as C, and as C++ with -x c++), linked
 * with the library and run.  It uses IOSAFE_FD_NONE (as an initialiser and as
 * an expression) and iosafe_auto_fd, and checks at run time that the auto fd
 * was closed at its scope's end.  Exit status 0 means it all held.
 */
#define _POSIX_C_SOURCE 200809L
#include <iosafe/iosafe.h>

#include <errno.h>
#include <fcntl.h>

static iosafe_owned_fd nothing(void)
{
	return IOSAFE_FD_NONE;
}

static int scoped(void)
{
	int raw;

	{
		iosafe_auto_fd fd = IOSAFE_FD_NONE;

		if (iosafe_open(&fd, "/dev/null", O_RDONLY, 0) != 0)
			return 10;
		raw = iosafe_fd_raw(iosafe_fd_borrow(&fd));
		if (fcntl(raw, F_GETFD) != FD_CLOEXEC)
			return 11;
	}
	/* Closed when the block ended. */
	if (fcntl(raw, F_GETFD) != -1 || errno != EBADF)
		return 12;
	return 0;
}

int main(void)
{
	iosafe_owned_fd none = IOSAFE_FD_NONE;
	iosafe_owned_fd other = nothing();

	if (!iosafe_fd_is_none(&none) || !iosafe_fd_is_none(&other))
		return 1;
	if (iosafe_fd_raw(iosafe_stdout()) != 1)
		return 2;
	if (IOSAFE_VERSION_MAJOR < 0)
		return 3;
	return scoped();
}
